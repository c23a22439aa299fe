"""Where an article's text comes from, under Prefect against a local server: feed-text-only
mode, summaries kept when a page cannot be read and replaced once it can, and a page whose
charset only its <meta> declares."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import duckdb
from prefect import flow

from flows.feeds_config import Feed
from flows.http import FetchPolicy
from flows.ingest import ingest_into
from flows.runs import finish_run, start_run
from flows.storage import Store

FAST = FetchPolicy(connect_timeout=1, read_timeout=1, retries=0, backoff=(0.01,))
UA = (
    "Данія передасть Україні новий пакет військової допомоги на 200 мільйонів євро, "
    "повідомило міністерство оборони. До пакета увійдуть артилерійські снаряди та дрони."
)
PAGE = (
    '<html><head><meta charset="windows-1251"><title>Данія</title></head><body>'
    "<nav>Головна · Новини · Контакти</nav><article><h1>Данія передасть пакет</h1>"
    + "".join(f"<p>{UA} Абзац {n}.</p>" for n in range(1, 5))
    + "</article><footer>Усі права захищені</footer></body></html>"
)


def feed(base: str) -> bytes:
    items = "".join(
        f"<item><title>Denmark {name}</title><link>{base}/pages/{name}.html</link>"
        f"<description>Denmark will send Ukraine more aid ({name}).</description></item>"
        for name in ("meta-charset", "later")
    )
    channel = f"<channel><title>T</title>{items}</channel>"
    return f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'.encode()


@flow(name="test-ingest-text")
def run_ingest(db_path: str, feeds: list[Feed], pages: bool = True) -> dict:
    store = Store(Path(db_path))
    run = start_run(store, "ingest")
    ingest_into(store, run, feeds, FAST, pages=pages)
    return {"status": finish_run(store, run), **run.counts}


def stored(db: Path) -> dict[str, tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(
            "SELECT title, text_source, language, text, extractor_version FROM articles"
        ).fetchall()
    return {r[0]: r[1:] for r in rows}


def test_summaries_are_kept_then_replaced_by_the_page_once_it_can_be_read(
    prefect_harness, server, tmp_path
):
    db = tmp_path / "t.duckdb"
    feeds = [Feed("Teasers", server.add("/feed", feed(server.base)))]
    server.add(
        "/pages/meta-charset.html", PAGE.encode("cp1251"), headers={"Content-Type": "text/html"}
    )

    first = run_ingest(str(db), feeds, pages=False)  # feed text only: no page is asked for
    assert server.hits("/pages/meta-charset.html") == 0
    assert first["unreadable: pages off"] == 2 and first["summaries_kept"] == 2
    assert {r[0] for r in stored(db).values()} == {"summary"}

    second = run_ingest(str(db), feeds)  # pages on: the summaries are tried again
    rows = stored(db)
    source, language, text, version = rows["Denmark meta-charset"]
    assert (source, language) == ("page", "uk")
    assert UA in text and "\ufffd" not in text and "Усі права захищені" not in text
    assert version is None  # Ukrainian: stored, not run through the English rules
    assert rows["Denmark later"][0] == "summary"
    assert second["unreadable: HTTP 404"] == 1 and second["pages_charset_guessed"] == 0

    # Now readable, and declaring its charset nowhere: guessed, counted, and read right.
    undeclared = PAGE.replace('<meta charset="windows-1251">', "")
    server.add("/pages/later.html", undeclared.encode("cp1251"))
    third = run_ingest(str(db), feeds)
    source, _, text, _ = stored(db)["Denmark later"]
    assert source == "page" and UA in text
    assert third["pages_charset_guessed"] == 1


def test_articles_stored_before_languages_were_detected_get_one(tmp_path):
    from flows import storage
    from flows.languages import backfill_languages
    from tests.builders import article, insert

    db = tmp_path / "old.duckdb"
    with storage.open_db(db) as con:
        rows = [
            article(
                "old-uk", published_at=datetime(2026, 1, 5, tzinfo=UTC), title="Данія", text=UA
            ),
            article(
                "old-en",
                published_at=datetime(2026, 1, 5, tzinfo=UTC),
                title="Denmark",
                text="Denmark will send Ukraine a new package of artillery ammunition.",
            ),
        ]
        insert(con, articles=[{**r, "language": None} for r in rows])
    assert backfill_languages(Store(db)) == 2
    assert backfill_languages(Store(db)) == 0  # idempotent
    with duckdb.connect(str(db), read_only=True) as con:
        found = dict(con.execute("SELECT article_id, language FROM articles").fetchall())
    assert found == {"old-uk": "uk", "old-en": "en"}
