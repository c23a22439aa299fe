from __future__ import annotations

import pytest

from transforms.urls import canonical_url, stable_id

CASES = [
    (
        "HTTPS://Example.COM/News/Item?utm_source=rss&utm_medium=feed#top",
        "https://example.com/News/Item",
    ),
    ("http://example.com:80/a?b=2&a=1", "http://example.com/a?a=1&b=2"),
    ("https://example.com:8443/a?fbclid=xyz&id=7", "https://example.com:8443/a?id=7"),
    ("https://example.com", "https://example.com/"),
    ("  https://example.com/a?gclid=1&mc_cid=2  ", "https://example.com/a"),
]


@pytest.mark.parametrize(("url", "canonical"), CASES)
def test_canonical_url(url, canonical):
    assert canonical_url(url) == canonical


def test_the_same_article_gets_the_same_id_from_two_feeds():
    a = canonical_url("https://site.org/x?utm_campaign=a")
    b = canonical_url("https://SITE.org/x#comments")
    assert stable_id(a) == stable_id(b)
    assert len(stable_id(a)) == 16
