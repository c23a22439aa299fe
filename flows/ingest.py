"""Ingest: feeds → article pages → DuckDB `articles`, then extraction and event merging.

Fetching is concurrent (one mapped task per feed, a thread pool for its pages); writing is
one short transaction per feed (up to STORE_GROUP feeds per database session, since each
session ends in a checkpoint), so a crash keeps every feed already stored, and a feed's
ETag/Last-Modified are saved only with its articles (else a 304 would hide lost entries).
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task, unmapped
from prefect.cache_policies import NO_CACHE
from prefect.exceptions import MissingContextError

from flows import storage
from flows.exit_codes import final_state
from flows.extract import extract_pending, merge_events
from flows.faults import checkpoint
from flows.feeds_config import Feed, load_feeds
from flows.http import FetchError, FetchPolicy, fetch, make_client
from flows.languages import backfill_languages
from flows.run_lock import run_lock
from flows.runs import RunRecord, finish_run, start_run
from flows.settings import load_settings
from transforms.article_text import feed_text
from transforms.charsets import decode
from transforms.feed_entries import FeedEntry, ParsedFeed, parse_feed, unique_entries
from transforms.feed_health import PAGES_OFF, unreadable_reason
from transforms.languages import detect
from transforms.page_text import page_text
from transforms.urls import canonical_url, stable_id, text_hash

MAX_ENTRIES_PER_FEED = 300  # a hostile or broken feed must not explode a run
PAGE_WORKERS = 8
STORE_GROUP = 25  # feeds stored per database session (each session ends in a checkpoint)


def logger() -> logging.Logger | logging.LoggerAdapter:
    """Prefect's run logger inside a run; a plain logger when a task body runs bare."""
    try:
        return get_run_logger()
    except MissingContextError:
        return logging.getLogger("pledgewatch")


@dataclass
class FeedResult:
    """What fetching one feed produced: plain data, handed to the writer task."""

    feed: Feed
    status: str  # ok, not_modified or failed
    http_status: int | None = None
    error: str | None = None
    bozo: bool = False
    bozo_reason: str | None = None
    charset: str | None = None
    charset_source: str | None = None
    entries: int = 0
    etag: str | None = None
    last_modified: str | None = None
    articles: list[dict[str, Any]] = field(default_factory=list)
    known_ids: list[str] = field(default_factory=list)
    retried_ids: list[str] = field(default_factory=list)  # summary-only articles tried again
    duplicates: int = 0
    unreadable: Counter = field(default_factory=Counter)  # reason -> entries
    summaries: int = 0
    pages_charset_guessed: int = 0
    page_errors: list[str] = field(default_factory=list)


@dataclass
class EntryOutcome:
    """One entry's article row (None when nothing was readable) and why text was missing."""

    article: dict[str, Any] | None
    reason: str | None = None  # set when the article text could not be read
    error: str | None = None  # the message behind the reason, for the log
    charset_guessed: bool = False


def _article_row(
    entry: FeedEntry, feed: Feed, text: str, source: str, final_url: str | None = None
) -> dict[str, Any]:
    canonical = canonical_url(final_url or entry.url)
    language, score = detect(f"{entry.title}\n\n{text}")
    return {
        "article_id": stable_id(canonical),
        "canonical_url": canonical,
        "url": entry.url,
        "feed_id": feed.feed_id,
        "outlet": feed.name,
        "title": entry.title,
        "published_at": entry.published_at,
        "fetched_at": datetime.now(UTC),
        "text": text,
        "text_hash": text_hash(text),
        "text_source": source,
        "language": language,
        "language_score": score,
    }


def _page_text(entry: FeedEntry, client, policy: FetchPolicy) -> tuple[str, bool]:
    """The article page's main text and whether its charset had to be guessed."""
    response = fetch(entry.url, policy=policy, client=client)
    content_type = response.headers.get("content-type", "text/html")
    if "html" not in content_type and "xml" not in content_type:
        raise FetchError(entry.url, f"not an HTML page ({content_type})")
    decoded = decode(response.content, content_type)
    text = page_text(decoded.text, entry.url)
    if not text:
        raise FetchError(entry.url, "no article text found on the page")
    return text, decoded.guessed


def _entry_article(
    entry: FeedEntry, feed: Feed, client, policy: FetchPolicy, pages: bool
) -> EntryOutcome:
    """The feed's full text; else the page; else the feed's summary, with the reason."""
    text = feed_text(entry)
    if not text.teaser:
        return EntryOutcome(_article_row(entry, feed, text.full, "feed"))
    if not pages:
        reason, error = PAGES_OFF, None
    else:
        try:
            page, guessed = _page_text(entry, client, policy)
        except FetchError as failure:
            reason, error = unreadable_reason(failure.reason), f"{entry.url}: {failure.reason}"
        else:
            # A page whose extracted text is shorter than the feed's own keeps the feed's.
            best, source = (page, "page") if len(page) >= len(text.full) else (text.full, "feed")
            return EntryOutcome(_article_row(entry, feed, best, source), charset_guessed=guessed)
    fallback = text.best_fallback
    row = _article_row(entry, feed, fallback, "summary") if fallback else None
    return EntryOutcome(row, reason, error)


def _no_entries_reason(parsed: ParsedFeed) -> str:
    """Why a feed gave nothing to read: broken XML, only unusable links, or truly empty."""
    if parsed.bozo:
        return f"malformed feed: {parsed.bozo_reason}"
    if parsed.skipped:
        return f"{parsed.skipped} entries, none with an http(s) link"
    return "feed has no entries"


@task(name="fetch-feed", cache_policy=NO_CACHE)
def fetch_feed(
    feed: Feed,
    validators: dict[str, tuple[str | None, str | None]],
    known_ids: frozenset[str],
    policy: FetchPolicy,
    retry_ids: frozenset[str] = frozenset(),
    pages: bool = True,
) -> FeedResult:
    """Fetch and parse one feed and the pages of its new entries; never raises.

    Articles stored with only their summary (`retry_ids`) are tried again while pages are on.
    """
    log = logger()
    etag, last_modified = validators.get(feed.feed_id, (None, None))
    with make_client(policy) as client:
        try:
            response = fetch(
                feed.url, policy=policy, etag=etag, last_modified=last_modified, client=client
            )
        except FetchError as error:
            log.warning("feed %s (%s) failed: %s", feed.name, feed.url, error.reason)
            return FeedResult(feed, "failed", http_status=error.status, error=error.reason)
        if response.not_modified:
            log.info("feed %s (%s): not modified", feed.name, feed.url)
            return FeedResult(
                feed, "not_modified", http_status=304, etag=etag, last_modified=last_modified
            )
        parsed = parse_feed(response.content, url=response.url, headers=response.headers)
        result = FeedResult(
            feed,
            "ok",
            http_status=response.status,
            bozo=parsed.bozo,
            bozo_reason=parsed.bozo_reason,
            charset=parsed.charset,
            charset_source=parsed.charset_source,
            entries=len(parsed.entries) + parsed.skipped,
            etag=response.headers.get("etag"),
            last_modified=response.headers.get("last-modified"),
        )
        if parsed.charset_guessed:
            log.warning("feed %s: charset declared nowhere; guessed %s", feed.name, parsed.charset)
        if not parsed.entries:
            result.status = "failed"
            result.error = _no_entries_reason(parsed)
            log.warning("feed %s (%s) failed: %s", feed.name, feed.url, result.error)
            return result
        pages = pages and feed.pages
        result.unreadable["no link"] += parsed.skipped
        result.unreadable["over entry cap"] += max(0, len(parsed.entries) - MAX_ENTRIES_PER_FEED)
        unique, result.duplicates = unique_entries(parsed.entries[:MAX_ENTRIES_PER_FEED])
        entries = []
        for entry in unique:
            article_id = stable_id(canonical_url(entry.url))
            if article_id in retry_ids and pages:
                result.retried_ids.append(article_id)
                entries.append(entry)
            elif article_id in known_ids:
                result.known_ids.append(article_id)
                result.duplicates += 1
            else:
                entries.append(entry)

        def one(entry: FeedEntry) -> EntryOutcome:
            try:
                return _entry_article(entry, feed, client, policy, pages)
            except Exception as error:  # a hostile page must not take the feed down
                return EntryOutcome(None, "error", f"{entry.url}: {type(error).__name__}: {error}")

        with ThreadPoolExecutor(max_workers=PAGE_WORKERS) as pool:
            for outcome in pool.map(one, entries):
                if outcome.article is not None:
                    result.articles.append(outcome.article)
                if outcome.reason:
                    result.unreadable[outcome.reason] += 1
                    result.summaries += outcome.article is not None
                if outcome.error:
                    result.page_errors.append(outcome.error)
                if outcome.charset_guessed:
                    result.pages_charset_guessed += 1
                    log.warning(
                        "page charset declared nowhere, guessed: %s", outcome.article["url"]
                    )
        result.unreadable = +result.unreadable  # drop the zero counts
    log.info(
        "feed %s (%s): %s, %d entries, %d articles read, %d known, %d unreadable%s%s",
        feed.name,
        feed.url,
        result.status,
        result.entries,
        len(result.articles) - result.summaries,
        len(result.known_ids),
        result.unreadable.total(),
        f" ({dict(result.unreadable)}, {result.summaries} summaries kept)"
        if result.unreadable
        else "",
        f", malformed XML kept: {result.bozo_reason}" if result.bozo else "",
    )
    for message in result.page_errors:
        log.warning("page skipped: %s", message)
    return result


@task(name="store-feeds", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=[2, 10])
def store_feeds(db_path: Path, run_id: str, results: list[FeedResult]) -> int:
    """Store several feeds in one database session, one transaction per feed.

    Closing a DuckDB connection checkpoints the file, which rewrites the articles table's
    open row group and its indexes: ~0.1 s per 10k stored articles, so one session per
    feed made storing quadratic (24 s for 10k articles in 100 feeds, bench/README.md).
    """
    new = 0
    with storage.open_db(db_path) as con:
        for result in results:
            new += _store_feed(con, run_id, result)
            checkpoint("feed-stored")
    return new


def _store_feed(con, run_id: str, result: FeedResult) -> int:
    """Write one feed's articles, links and health in one transaction; return new articles."""
    feed = result.feed
    now = datetime.now(UTC)
    with storage.transaction(con):
        before = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        articles = [{**a, "run_id": run_id} for a in result.articles]
        _upgrade_summaries(con, articles, set(result.retried_ids))
        # Two feeds may carry one article: the first stored wins, both get a link row.
        storage.upsert(con, "articles", articles, ["article_id"])
        links = {a["article_id"] for a in articles} | set(result.known_ids)
        storage.upsert(
            con,
            "article_feeds",
            [{"article_id": i, "feed_id": feed.feed_id, "run_id": run_id} for i in sorted(links)],
            ["article_id", "feed_id"],
        )
        new = con.execute("SELECT count(*) FROM articles").fetchone()[0] - before
        fetch_row = {
            "run_id": run_id,
            "feed_id": feed.feed_id,
            "url": feed.url,
            "outlet": feed.name,
            "status": result.status,
            "http_status": result.http_status,
            "error": result.error,
            "bozo": result.bozo,
            "entries": result.entries,
            "new_articles": new,
            "failed_pages": len(result.page_errors),
            "fetched_at": now,
            **_health_columns(result),
        }
        storage.upsert(
            con,
            "feed_fetches",
            [fetch_row],
            ["run_id", "feed_id"],
            update=[c for c in fetch_row if c not in ("run_id", "feed_id")],
            types={"unreadable_reasons": "JSON", "languages": "JSON"},
        )
        # Validators only when every entry made it in: a 304 next time must not hide a page
        # that failed this time.
        keep_validators = result.status == "ok" and not result.page_errors
        con.execute(
            """
            INSERT INTO feeds (feed_id, url, outlet, language, etag, last_modified, last_status,
                               last_http_status, last_error, last_fetched_at,
                               consecutive_failures, run_id)
            VALUES ($id, $url, $outlet, $language, $etag, $lm, $status, $http, $error, $now,
                    CASE WHEN $status = 'failed' THEN 1 ELSE 0 END, $run)
            ON CONFLICT (feed_id) DO UPDATE SET
                url = excluded.url, outlet = excluded.outlet, language = excluded.language,
                etag = CASE WHEN $keep THEN excluded.etag
                            WHEN $status = 'not_modified' THEN feeds.etag END,
                last_modified = CASE WHEN $keep THEN excluded.last_modified
                                     WHEN $status = 'not_modified' THEN feeds.last_modified END,
                last_status = excluded.last_status, last_http_status = excluded.last_http_status,
                last_error = excluded.last_error, last_fetched_at = excluded.last_fetched_at,
                consecutive_failures = CASE WHEN $status = 'failed'
                                            THEN feeds.consecutive_failures + 1 ELSE 0 END,
                run_id = excluded.run_id
            """,
            {
                "id": feed.feed_id,
                "url": feed.url,
                "outlet": feed.name,
                "language": feed.language,
                "etag": result.etag if keep_validators else None,
                "lm": result.last_modified if keep_validators else None,
                "status": result.status,
                "http": result.http_status,
                "error": result.error,
                "now": now,
                "run": run_id,
                "keep": keep_validators,
            },
        )
    return new


UPGRADE = ["title", "fetched_at", "text", "text_hash", "text_source", "language"]
UPGRADE += ["language_score", "extractor_version", "extracted_at", "run_id"]


def _health_columns(result: FeedResult) -> dict[str, Any]:
    """The feed_fetches columns behind `status`: what was seen, stored, unreadable and why."""
    languages = Counter(a["language"] for a in result.articles)
    return {
        "duplicates": result.duplicates,
        "unreadable": result.unreadable.total(),
        "unreadable_reasons": json.dumps(dict(result.unreadable), sort_keys=True),
        "summaries": result.summaries,
        "bozo_reason": result.bozo_reason,
        "charset": result.charset,
        "charset_source": result.charset_source,
        "pages_charset_guessed": result.pages_charset_guessed,
        "languages": json.dumps(dict(languages), sort_keys=True),
    }


def _upgrade_summaries(con, articles: list[dict[str, Any]], retried: set[str]) -> None:
    """Replace a stored summary with the full text read this time; it is extracted again."""
    upgrades = [
        {**a, "extractor_version": None, "extracted_at": None}
        for a in articles
        if a["article_id"] in retried and a["text_source"] != "summary"
    ]
    if not upgrades:
        return
    storage.upsert(
        con,
        "articles",
        upgrades,
        ["article_id"],
        update=UPGRADE,
        types={"extractor_version": "VARCHAR", "extracted_at": "TIMESTAMPTZ"},
    )


def _count_health(run: RunRecord, result: FeedResult) -> None:
    """Duplicates, unreadable entries by reason, guessed charsets, new articles by language."""
    run.counts["entries_duplicate"] += result.duplicates
    run.counts["entries_unreadable"] += result.unreadable.total()
    run.counts["summaries_kept"] += result.summaries
    run.counts["pages_charset_guessed"] += result.pages_charset_guessed
    run.counts["feeds_charset_guessed"] += result.charset_source in ("detected", "none")
    for reason, count in result.unreadable.items():
        run.counts[f"unreadable: {reason}"] += count
    retried = set(result.retried_ids)
    for article in result.articles:
        if article["article_id"] not in retried:
            run.counts[f"language: {article['language']}"] += 1


def _validators_and_known(db_path: Path) -> tuple[dict, frozenset[str], frozenset[str]]:
    """Feeds' validators, stored article ids, and the ids stored with only their summary."""
    with storage.open_db(db_path) as con:
        validators = {
            r["feed_id"]: (r["etag"], r["last_modified"])
            for r in storage.rows(con, "SELECT feed_id, etag, last_modified FROM feeds")
        }
        known, summaries = set(), set()
        for article_id, source in con.execute(
            "SELECT article_id, text_source FROM articles"
        ).fetchall():
            known.add(article_id)
            if source == "summary":
                summaries.add(article_id)
    return validators, frozenset(known), frozenset(summaries)


def ingest_into(
    db_path: Path,
    run: RunRecord,
    feeds: list[Feed],
    policy: FetchPolicy | None = None,
    pages: bool = True,
) -> None:
    """Fetch every feed concurrently, store each, then extract and merge; counts go in `run`.

    `pages=False` reads only what the feeds carry (no article page is fetched).
    """
    policy = policy or FetchPolicy()
    validators, known, summaries = _validators_and_known(db_path)
    futures = fetch_feed.map(
        feeds,
        unmapped(validators),
        unmapped(known),
        unmapped(policy),
        unmapped(summaries),
        unmapped(pages),
    )
    pending: list[FeedResult] = []
    for number, future in enumerate(futures, 1):
        result: FeedResult = future.result()
        run.counts[f"feeds_{result.status}"] += 1
        run.counts["entries"] += result.entries
        run.counts["pages_failed"] += len(result.page_errors)
        _count_health(run, result)
        if result.bozo and result.status == "ok":
            run.counts["feeds_malformed_kept"] += 1
        if result.status == "failed":
            run.error(result.feed.url, result.error)
        for message in result.page_errors:
            run.error("page", message)
        pending.append(result)
        if len(pending) >= STORE_GROUP or number == len(futures):
            run.counts["articles_new"] += store_feeds(db_path, run.run_id, pending)
            pending = []
    run.counts["languages_detected"] += backfill_languages(db_path)
    counts = extract_pending(db_path, run.run_id)
    run.counts.update(counts)
    run.counts.update(merge_events(db_path, run.run_id))


@flow(name="ingest", log_prints=True)
def ingest_flow(
    feeds_file: str | None = None,
    db_path: str | None = None,
    pages: bool = True,
) -> dict[str, Any]:
    """Fetch all feeds, store new articles once, extract mentions, merge events.

    `pages=False` is the feed-text-only mode (`pledgewatch ingest --no-pages`).
    """
    settings = load_settings(feeds_file=feeds_file, db_path=db_path)
    feeds = load_feeds(settings.feeds_file)
    with run_lock(settings.db_path):
        run = start_run(settings.db_path, "ingest")
        try:
            ingest_into(settings.db_path, run, feeds, pages=pages)
        except BaseException as error:
            run.error("ingest", error)
            finish_run(settings.db_path, run, "failed")
            raise
        status = finish_run(settings.db_path, run)
    from flows.artifacts import publish_artifacts, publish_feed_health

    publish_artifacts(run)
    publish_feed_health(settings.db_path)
    return final_state(
        {"run_id": run.run_id, "status": status, "failures": run.failures, **run.counts}
    )
