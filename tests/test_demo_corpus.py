"""Consistency checks of the bundled demo corpus (demo/): feeds, pages, labels, articles."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import tomllib
import xml.etree.ElementTree as ET
from collections import Counter
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urlsplit

import pytest

DEMO = Path(__file__).resolve().parent.parent / "demo"
PREFIX = "http://demo.pledgewatch.invalid/"
UTM = "utm_source=rss&utm_medium=feed"
NS = {
    "atom": "http://www.w3.org/2005/Atom",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rss1": "http://purl.org/rss/1.0/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "content": "http://purl.org/rss/1.0/modules/content/",
}
KINDS = {
    "memorandum/document signing",
    "joint production",
    "security agreement",
    "coalition membership",
    "other",
}
PLEDGE_KEYS = {
    "donor",
    "recipient",
    "amount",
    "currency",
    "purpose",
    "date_announced",
    "evidence",
    "restated",
}
AGREEMENT_KEYS = {"parties", "kind", "subject", "count", "date", "evidence", "restated"}
FIRST_WEEK = dt.date(2026, 10, 12)  # Monday of 2026-W42
LAST_DAY = dt.date(2026, 11, 15)  # Sunday of 2026-W46


def read_jsonl(name: str) -> list[dict]:
    lines = (DEMO / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture(scope="module")
def feeds() -> list[dict]:
    return tomllib.loads((DEMO / "feeds.toml").read_text(encoding="utf-8"))["feeds"]


@pytest.fixture(scope="module")
def labels() -> dict[str, dict]:
    return {row["id"]: row for row in read_jsonl("labels.jsonl")}


@pytest.fixture(scope="module")
def articles() -> dict[str, dict]:
    return {row["id"]: row for row in read_jsonl("articles.jsonl")}


def feed_file(url: str) -> Path:
    assert url.startswith(PREFIX), url
    return DEMO / url.removeprefix(PREFIX)


def feed_entries(path: Path) -> tuple[str, list[dict]]:
    """The format of a feed and its items as {link, id, date} dicts."""
    root = ET.parse(path).getroot()
    if root.tag == "rss":
        items = root.findall("./channel/item")
        full = all(item.find("content:encoded", NS) is not None for item in items)
        entries = [
            {
                "link": item.findtext("link"),
                "id": item.findtext("guid"),
                "date": parsedate_to_datetime(item.findtext("pubDate")),
                "title": item.findtext("title"),
            }
            for item in items
        ]
        return ("rss2-full" if full else "rss2"), entries
    if root.tag == f"{{{NS['atom']}}}feed":
        entries = [
            {
                "link": entry.find("atom:link", NS).get("href"),
                "id": entry.findtext("atom:id", namespaces=NS),
                "date": dt.datetime.fromisoformat(entry.findtext("atom:updated", namespaces=NS)),
                "title": entry.findtext("atom:title", namespaces=NS),
            }
            for entry in root.findall("atom:entry", NS)
        ]
        return "atom", entries
    assert root.tag == f"{{{NS['rdf']}}}RDF", root.tag
    entries = [
        {
            "link": item.findtext("rss1:link", namespaces=NS),
            "id": item.get(f"{{{NS['rdf']}}}about"),
            "date": dt.datetime.fromisoformat(item.findtext("dc:date", namespaces=NS)),
            "title": item.findtext("rss1:title", namespaces=NS),
        }
        for item in root.findall("rss1:item", NS)
    ]
    return "rss1", entries


def page_id(link: str) -> str:
    assert link.startswith(PREFIX), link
    return urlsplit(link).path.lstrip("/")


def test_feeds_toml_shape(feeds):
    assert len(feeds) >= 4
    assert len({feed["name"] for feed in feeds}) == len(feeds)
    for feed in feeds:
        assert set(feed) == {"name", "url", "language"}
        assert feed["language"] == "en"
        assert re.fullmatch(re.escape(PREFIX) + r"feeds/[a-z0-9-]+\.xml", feed["url"])
        assert feed_file(feed["url"]).is_file()


def test_feed_formats_and_dates(feeds):
    formats = []
    for feed in feeds:
        kind, entries = feed_entries(feed_file(feed["url"]))
        formats.append(kind)
        assert entries, feed["name"]
        for entry in entries:
            assert entry["title"] and entry["id"]
            assert entry["date"].tzinfo is not None
            assert FIRST_WEEK <= entry["date"].date() <= LAST_DAY
    assert {"rss2-full", "rss2", "atom", "rss1"} <= set(formats)


def test_feed_links_point_at_pages(feeds, labels):
    seen: Counter[str] = Counter()
    tracked = 0
    for feed in feeds:
        _, entries = feed_entries(feed_file(feed["url"]))
        for entry in entries:
            link = entry["link"]
            query = urlsplit(link).query
            assert query in ("", UTM), link
            tracked += query == UTM
            pid = page_id(link)
            assert (DEMO / pid).is_file(), link
            assert pid in labels, link
            seen[pid] += 1
    assert set(seen) == set(labels), "every labelled article is in some feed"
    shared = [pid for pid, count in seen.items() if count > 1]
    assert 2 <= len(shared) <= 3, shared
    assert tracked >= 5


def test_every_absolute_url_uses_demo_prefix():
    files = list(DEMO.glob("feeds/*.xml")) + list(DEMO.glob("pages/**/*.html"))
    files.append(DEMO / "feeds.toml")
    assert len(files) > 40
    for path in files:
        text = path.read_text(encoding="utf-8")
        text = re.sub(r'xmlns(:\w+)?="[^"]*"', "", text)  # XML namespace names are not links
        for url in re.findall(r"(?:https?:)?//[^\s\"'<>]+", text):
            assert url.startswith(PREFIX), f"{path.name}: {url}"


def test_labels_and_articles_match(labels, articles):
    assert len(labels) >= 44
    assert labels.keys() == articles.keys()
    for pid, row in articles.items():
        assert row["url"] == PREFIX + pid
        assert row["published"] == labels[pid]["published"]
        assert (DEMO / pid).is_file()
        year, month = pid.split("/")[2:4]
        assert row["published"].startswith(f"{year}-{month}-")
        assert 250 <= len(row["text"].split()) <= 600, pid


def test_page_holds_the_article_text(articles):
    for pid, row in articles.items():
        page = (DEMO / pid).read_text(encoding="utf-8")
        assert page.startswith("<!DOCTYPE html>")
        for marker in ("<title>", "<nav", "<article", "cookie", "Related stories", "<footer"):
            assert marker in page, (pid, marker)
        body = page.split('<div class="story-body">', 1)[1].split("</div>", 1)[0]
        paragraphs = [html.unescape(p) for p in re.findall(r"<p>(.*?)</p>", body, re.S)]
        assert "\n\n".join(paragraphs) == row["text"], pid
        assert html.escape(row["title"], quote=True) in page


def test_week_coverage(articles):
    weeks = Counter()
    outlets = set()
    for row in articles.values():
        day = dt.date.fromisoformat(row["published"])
        assert FIRST_WEEK <= day <= LAST_DAY, row["id"]
        weeks[day.isocalendar()[:2]] += 1
        outlets.add(row["outlet"])
    assert sorted(weeks) == [(2026, week) for week in range(42, 47)]
    assert all(count >= 5 for count in weeks.values()), weeks
    assert weeks[(2026, 46)] >= 10
    assert len(outlets) >= 4


def test_label_schema(labels):
    for pid, label in labels.items():
        assert set(label) == {"id", "published", "pledges", "agreements", "negative", "notes"}
        assert label["negative"] == (not label["pledges"] and not label["agreements"])
        for pledge in label["pledges"]:
            assert set(pledge) >= PLEDGE_KEYS, pid
            assert pledge["recipient"] == "Ukraine"
            if pledge["amount"] is None:
                assert pledge["currency"] is None
            else:
                assert isinstance(pledge["amount"], int) and pledge["amount"] > 0
                assert re.fullmatch(r"[A-Z]{3}", pledge["currency"])
            date = pledge["date_announced"]
            assert date is None or re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", date)
            assert isinstance(pledge["restated"], bool)
        for agreement in label["agreements"]:
            assert set(agreement) >= AGREEMENT_KEYS, pid
            assert agreement["kind"] in KINDS
            assert agreement["parties"] or agreement.get("unnamed_parties")
            assert agreement["count"] is None or isinstance(agreement["count"], int)
            date = agreement["date"]
            assert date is None or re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", date)


def test_evidence_is_verbatim(labels, articles):
    for pid, label in labels.items():
        text = articles[pid]["text"]
        sentences = 0
        for record in label["pledges"] + label["agreements"]:
            for sentence in [record["evidence"], *record.get("alt_evidence", [])]:
                assert sentence in text, (pid, sentence)
                sentences += 1
        assert sentences or label["negative"]


def test_dates_do_not_follow_publication(labels):
    for pid, label in labels.items():
        published = label["published"]
        for record in label["pledges"] + label["agreements"]:
            date = record.get("date_announced", record.get("date"))
            if date:
                assert date <= published, (pid, date)


def test_content_mix(labels):
    pledges = [p for label in labels.values() for p in label["pledges"]]
    agreements = [a for label in labels.values() for a in label["agreements"]]
    assert sum(label["negative"] for label in labels.values()) >= 8
    assert len({p["currency"] for p in pledges if p["currency"]}) >= 8
    assert any(p["restated"] for p in pledges)
    assert any(p.get("delivery") for p in pledges)
    assert any(p.get("component") for p in pledges)
    assert {a["kind"] for a in agreements} >= {"joint production", "coalition membership"}
    w46 = [
        label
        for label in labels.values()
        if dt.date.fromisoformat(label["published"]).isocalendar()[:2] == (2026, 46)
    ]
    assert sum(len(label["agreements"]) for label in w46) >= 3
    assert any(a["kind"] == "coalition membership" for label in w46 for a in label["agreements"])


def test_generated_files_are_up_to_date():
    from demo import build_corpus

    for name, text in build_corpus.render().items():
        assert (DEMO / name).read_text(encoding="utf-8") == text, name
