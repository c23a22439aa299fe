"""The extract step's fan-out: worker processes give exactly the rows inline extraction gives."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from flows.extract import PARALLEL_MIN_ARTICLES, _make_pool, extract_fanout, extract_parallel
from flows.mentions import extract_rows

SENTENCES = [
    "Germany announced €{n}0 million in military aid for Ukraine on Monday.",
    "The UK will provide £{n} million for air defence, the defence minister said.",
    "Denmark and Ukraine signed a memorandum on joint production of drones.",
    "Officials said the front line remained difficult, especially in the east.",
    "Sweden pledged SEK {n}00 million to Ukraine on Tuesday.",
]


def _articles(count: int) -> list[dict]:
    out = []
    for i in range(count):
        text = " ".join(s.format(n=i % 9 + 1) for s in SENTENCES[i % 3 :])
        out.append(
            {
                "article_id": f"a{i:04d}",
                "text": text,
                "published_at": datetime(2025, 11, 10 + i % 5, 9, tzinfo=UTC),
                "outlet": "Outlet",
                "title": f"Title {i}",
            }
        )
    return out


def test_process_pool_gives_the_inline_rows() -> None:
    articles = _articles(PARALLEL_MIN_ARTICLES)
    inline = extract_rows(articles, "run-1")
    assert inline[0] and inline[1]  # the corpus states pledges and agreements
    with _make_pool("process", 2) as pool:
        fanned = extract_parallel(articles, "run-1", pool, 2)
    assert fanned == inline


def test_small_batches_stay_inline() -> None:
    class Refuses:
        def map(self, *args, **kwargs):
            raise AssertionError("a small batch must not go to the pool")

    articles = _articles(3)
    assert extract_parallel(articles, "r", Refuses(), 2) == extract_rows(articles, "r")


def test_fanout_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLEDGEWATCH_EXTRACT_POOL", "thread")
    monkeypatch.setenv("PLEDGEWATCH_EXTRACT_WORKERS", "3")
    assert extract_fanout() == ("thread", 3)
    assert extract_fanout("process", 2) == ("process", 2)
    assert extract_fanout("process", 1) == ("none", 1)
    monkeypatch.setenv("PLEDGEWATCH_EXTRACT_POOL", "dask")
    with pytest.raises(ValueError, match="PLEDGEWATCH_EXTRACT_POOL"):
        extract_fanout()
