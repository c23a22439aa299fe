"""Ingest under Prefect against a real local HTTP server: good feeds, bad feeds, re-runs."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from prefect import flow

from flows import ingest, storage
from flows.feeds_config import Feed
from flows.http import FetchPolicy
from flows.ingest import ingest_into
from flows.runs import finish_run, start_run
from flows.storage import Store
from tests.servers import LocalServer, endless_body, never_answers, redirect_to

FIXTURES = Path(__file__).parent / "fixtures" / "feeds"
FAST = FetchPolicy(
    connect_timeout=1, read_timeout=1, retries=1, backoff=(0.01,), max_bytes=2 * 1024 * 1024
)


def publish(server: LocalServer, name: str, path: str, **kwargs) -> str:
    body = (FIXTURES / name).read_bytes().replace(b"{BASE}", server.base.encode())
    return server.add(path, body, **kwargs)


def good_feeds(server: LocalServer) -> list[Feed]:
    server.add(
        "/pages/sweden-drones.html",
        (FIXTURES / "page_sweden.html").read_bytes(),
        headers={"Content-Type": "text/html; charset=utf-8"},
    )
    server.add(
        "/pages/canada-armour.html",
        (FIXTURES / "page_canada.html").read_bytes(),
        headers={"Content-Type": "text/html"},
    )
    # The Belgium article is in the RSS feed (full text) and the Atom feed (link only).
    server.add("/news/belgium-air-defence", (FIXTURES / "page_sweden.html").read_bytes())
    return [
        Feed("Test Wire", publish(server, "rss2_full.xml", "/rss2", etag='"r2"')),
        Feed("Atom Desk", publish(server, "atom_pages.xml", "/atom", etag='"at"')),
        Feed("RDF News", publish(server, "rss1.xml", "/rss1")),
    ]


@flow(name="test-ingest")
def run_ingest(db_path: str, feeds: list[Feed], fail_on: str | None = None) -> dict:
    store = Store(Path(db_path))
    run = start_run(store, "ingest")
    ingest_into(store, run, feeds, FAST)
    status = finish_run(store, run)
    return {"status": status, "run_id": run.run_id, **run.counts}


def table(db: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


def snapshot(db: Path) -> dict[str, list[tuple]]:
    """Every data row, minus run ids and timestamps, for comparing two databases."""
    return {
        "articles": table(
            db,
            "SELECT article_id, canonical_url, title, published_at, text_hash, "
            "text_source FROM articles ORDER BY 1",
        ),
        "links": table(db, "SELECT article_id, feed_id FROM article_feeds ORDER BY 1, 2"),
        "pledges": table(
            db,
            "SELECT mention_id, donor, amount, currency, evidence_start "
            "FROM pledge_mentions ORDER BY 1",
        ),
        "agreements": table(
            db, "SELECT mention_id, kind, parties FROM agreement_mentions ORDER BY 1"
        ),
    }


def test_three_formats_stored_once_with_full_text(prefect_harness, server, tmp_path):
    db = tmp_path / "pw.duckdb"
    result = run_ingest(str(db), good_feeds(server))
    assert result["status"] == "ok", result
    assert result["feeds_ok"] == 3
    rows = table(
        db,
        "SELECT canonical_url, outlet, text_source, text, published_at FROM articles "
        "ORDER BY canonical_url",
    )
    urls = [r[0] for r in rows]
    # The Belgium article came from two feeds with different tracking parameters: one row.
    assert urls == [
        server.url("/news/belgium-air-defence"),
        server.url("/pages/canada-armour.html"),
        server.url("/pages/sweden-drones.html"),
    ]
    by_url = {r[0]: r for r in rows}
    belgium = by_url[server.url("/news/belgium-air-defence")]
    assert belgium[2] == "feed" and "€150 million" in belgium[3]
    assert "alert(1)" not in belgium[3]
    sweden = by_url[server.url("/pages/sweden-drones.html")]
    assert sweden[2] == "page" and "joined the drone coalition" in sweden[3]
    assert "cookies" not in sweden[3] and "All rights reserved" not in sweden[3]
    assert str(belgium[4].astimezone().utcoffset()) is not None
    links = table(db, "SELECT count(*) FROM article_feeds")[0][0]
    assert links == 4  # Belgium is linked to both feeds
    # every mention points at its sentence inside the stored text
    for text, start, end, evidence in table(
        db,
        "SELECT a.text, m.evidence_start, m.evidence_end, m.evidence FROM pledge_mentions m "
        "JOIN articles a USING (article_id)",
    ):
        assert text[start:end] == evidence
    assert table(db, "SELECT count(*) FROM actors")[0][0] > 100


def test_rerun_adds_nothing_and_uses_conditional_get(prefect_harness, server, tmp_path):
    db = tmp_path / "pw.duckdb"
    feeds = good_feeds(server)
    run_ingest(str(db), feeds)
    before = snapshot(db)
    page_hits = server.hits("/pages/sweden-drones.html")
    second = run_ingest(str(db), feeds)
    assert second["articles_new"] == 0
    assert second["feeds_not_modified"] == 2  # the two feeds that send ETags
    assert snapshot(db) == before
    assert server.hits("/pages/sweden-drones.html") == page_hits  # known pages not re-fetched
    assert table(db, "SELECT count(*) FROM runs WHERE status = 'ok'")[0][0] == 2


def test_bad_feeds_are_counted_and_the_others_go_on(prefect_harness, server, tmp_path):
    db = tmp_path / "pw.duckdb"
    server.add("/hang", handler=never_answers(5))
    server.add("/loop-a", handler=redirect_to("/loop-b"))
    server.add("/loop-b", handler=redirect_to("/loop-a"))
    server.add("/huge", handler=endless_body(50 * 1024 * 1024))
    server.add("/garbage", b"this is not xml at all <<<", headers={"Content-Type": "text/xml"})
    server.add("/empty", b"", headers={"Content-Type": "application/rss+xml"})
    server.add("/pages/cp1251.html", (FIXTURES / "page_canada.html").read_bytes())
    bad = [
        Feed("Silent", server.url("/hang")),
        Feed("Broken", server.add("/500", "oops", status=500)),
        Feed("Gone", server.url("/404")),
        Feed("Loop", server.url("/loop-a")),
        Feed("Huge", server.url("/huge")),
        Feed("Garbage", server.url("/garbage")),
        Feed("Empty", server.url("/empty")),
        Feed("Refused", "http://127.0.0.1:9/feed"),
        Feed("No DNS", "http://feeds.no-such-host.invalid/rss"),
    ]
    readable = [
        Feed("Malformed but readable", publish(server, "malformed_readable.xml", "/malformed")),
        Feed("Cyrillic cp1251", publish(server, "rss2_cp1251.xml", "/cp1251")),
    ]
    result = run_ingest(str(db), good_feeds(server) + bad + readable)
    assert result["status"] == "partial"
    assert result["feeds_failed"] == len(bad)
    assert result["feeds_ok"] == 5
    assert result["feeds_malformed_kept"] == 1
    fetches = dict(table(db, "SELECT outlet, error FROM feed_fetches WHERE status = 'failed'"))
    assert "timed out" in fetches["Silent"]
    assert fetches["Broken"] == "HTTP 500" and fetches["Gone"] == "HTTP 404"
    assert "redirects" in fetches["Loop"] and "too large" in fetches["Huge"]
    assert "malformed" in fetches["Garbage"] and "no entries" in fetches["Empty"]
    assert "connection failed" in fetches["Refused"] and "connection failed" in fetches["No DNS"]
    titles = {r[0] for r in table(db, "SELECT title FROM articles")}
    assert "Unescaped & ampersand in title" not in titles  # same URL as the Atom entry: one row
    assert "Київ отримав допомогу" in titles  # windows-1251 decoded
    errors = table(db, "SELECT errors FROM runs")[0][0]
    assert "127.0.0.1:9" in errors
    assert table(db, "SELECT consecutive_failures FROM feeds WHERE outlet = 'Gone'") == [(1,)]


def test_interrupted_run_then_rerun_equals_uninterrupted(
    prefect_harness, server, tmp_path, monkeypatch
):
    feeds = good_feeds(server)
    clean = tmp_path / "clean.duckdb"
    run_ingest(str(clean), feeds)

    crashed = tmp_path / "crashed.duckdb"
    real_upsert = storage.upsert
    calls = {"articles": 0}

    class Killed(BaseException):
        """Like SIGKILL for our purposes: not an Exception, so nothing retries it."""

    def crash_on_second_feed(con, table_name, rows, *args, **kwargs):
        if table_name == "articles":
            calls["articles"] += 1
            if calls["articles"] == 2:
                real_upsert(con, table_name, rows, *args, **kwargs)
                raise Killed("killed mid-write")
        return real_upsert(con, table_name, rows, *args, **kwargs)

    monkeypatch.setattr(storage, "upsert", crash_on_second_feed)
    monkeypatch.setattr(ingest, "STORE_GROUP", 1)  # one write batch per feed
    with pytest.raises(Killed):
        run_ingest(str(crashed), feeds)
    monkeypatch.setattr(storage, "upsert", real_upsert)
    # The half-written batch was rolled back; the first feed's articles survived.
    assert 0 < len(snapshot(crashed)["articles"]) < len(snapshot(clean)["articles"])
    run_ingest(str(crashed), feeds)
    assert snapshot(crashed) == snapshot(clean)


def test_a_failing_worker_step_fails_its_feed_only(prefect_harness, server, tmp_path, monkeypatch):
    from flows import ingest
    from transforms.feed_entries import parse_feed

    def parse_or_crash(content, *, url="", headers=None):
        if url.endswith("/rdf"):
            raise RuntimeError("worker process died")
        return parse_feed(content, url=url, headers=headers)

    feeds = good_feeds(server)
    feeds[2] = Feed("RDF News", publish(server, "rss1.xml", "/rdf"))
    monkeypatch.setattr(ingest, "parse_feed", parse_or_crash)
    db = tmp_path / "pw.duckdb"
    result = run_ingest(str(db), feeds)
    assert result["status"] == "partial" and result["feeds_ok"] == 2
    assert result["feeds_failed"] == 1 and result["articles_new"] > 0
    assert "worker process died" in table(db, "SELECT errors FROM runs")[0][0]
    assert table(db, "SELECT status FROM feed_fetches WHERE outlet = 'RDF News'") == [("failed",)]
