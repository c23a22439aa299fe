"""Ingest: feeds → article pages → DuckDB `articles`, then extraction and event merging.

Fetching is concurrent (one mapped task per feed, a thread pool for its pages); writing is
one short transaction per feed (up to STORE_GROUP feeds per database session, since each
session ends in a checkpoint), so a crash keeps every feed already stored, and a feed's
ETag/Last-Modified are saved only with its articles (else a 304 would hide lost entries).
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from prefect import flow, task, unmapped
from prefect.cache_policies import NO_CACHE

from flows import storage
from flows.extract import extract_pending, merge_events
from flows.faults import checkpoint
from flows.feeds_config import Feed, load_feeds
from flows.http import FetchError, FetchPolicy, fetch, make_client
from flows.runs import RunRecord, finish_run, start_run
from flows.settings import load_settings
from flows.tasking import logger
from transforms.feed_entries import FeedEntry, parse_feed
from transforms.page_text import fragment_text, page_text
from transforms.urls import canonical_url, stable_id, text_hash

MAX_ENTRIES_PER_FEED = 300  # a hostile or broken feed must not explode a run
MIN_FEED_TEXT = 400  # shorter content:encoded is a teaser: fetch the page instead
PAGE_WORKERS = 8
STORE_GROUP = 25  # feeds stored per database session (each session ends in a checkpoint)


@dataclass
class FeedResult:
    """What fetching one feed produced: plain data, handed to the writer task."""

    feed: Feed
    status: str  # ok, not_modified or failed
    http_status: int | None = None
    error: str | None = None
    bozo: bool = False
    entries: int = 0
    etag: str | None = None
    last_modified: str | None = None
    articles: list[dict[str, Any]] = field(default_factory=list)
    known_ids: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)


def _article_row(
    entry: FeedEntry, feed: Feed, text: str, source: str, final_url: str | None = None
) -> dict[str, Any]:
    canonical = canonical_url(final_url or entry.url)
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
    }


def _entry_article(entry: FeedEntry, feed: Feed, client, policy: FetchPolicy) -> dict[str, Any]:
    """Full text from content:encoded when the feed carries it, else from the article page."""
    if entry.content_html:
        text = fragment_text(entry.content_html)
        if len(text) >= MIN_FEED_TEXT:
            return _article_row(entry, feed, text, "feed")
    response = fetch(entry.url, policy=policy, client=client)
    content_type = response.headers.get("content-type", "text/html")
    if "html" not in content_type and "xml" not in content_type:
        raise FetchError(entry.url, f"not an HTML page ({content_type})")
    text = page_text(response.content.decode(_charset(content_type), "replace"), entry.url)
    if not text:
        raise FetchError(entry.url, "no article text found on the page")
    return _article_row(entry, feed, text, "page")


def _charset(content_type: str) -> str:
    for part in content_type.split(";"):
        name, _, value = part.strip().partition("=")
        if name.lower() == "charset" and value:
            try:
                "".encode(value.strip('"'))
                return value.strip('"')
            except LookupError:
                break
    return "utf-8"


@task(name="fetch-feed", cache_policy=NO_CACHE)
def fetch_feed(
    feed: Feed,
    validators: dict[str, tuple[str | None, str | None]],
    known_ids: frozenset[str],
    policy: FetchPolicy,
) -> FeedResult:
    """Fetch and parse one feed and the pages of its new entries; never raises."""
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
            entries=len(parsed.entries),
            etag=response.headers.get("etag"),
            last_modified=response.headers.get("last-modified"),
        )
        if not parsed.entries:
            result.status = "failed"
            result.error = (
                f"malformed feed: {parsed.bozo_reason}" if parsed.bozo else "feed has no entries"
            )
            log.warning("feed %s (%s) failed: %s", feed.name, feed.url, result.error)
            return result
        entries, seen = [], set()
        for entry in parsed.entries[:MAX_ENTRIES_PER_FEED]:
            article_id = stable_id(canonical_url(entry.url))
            if article_id in seen:
                continue
            seen.add(article_id)
            if article_id in known_ids:
                result.known_ids.append(article_id)
            else:
                entries.append(entry)

        def one(entry: FeedEntry) -> dict[str, Any] | str:
            try:
                return _entry_article(entry, feed, client, policy)
            except FetchError as error:
                return f"{entry.url}: {error.reason}"
            except Exception as error:  # a hostile page must not take the feed down
                return f"{entry.url}: {type(error).__name__}: {error}"

        with ThreadPoolExecutor(max_workers=PAGE_WORKERS) as pool:
            for outcome in pool.map(one, entries):
                if isinstance(outcome, str):
                    result.page_errors.append(outcome)
                else:
                    result.articles.append(outcome)
    log.info(
        "feed %s (%s): %s, %d entries, %d new articles, %d known, %d pages failed%s",
        feed.name,
        feed.url,
        result.status,
        result.entries,
        len(result.articles),
        len(result.known_ids),
        len(result.page_errors),
        ", malformed XML kept" if result.bozo else "",
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
        storage.upsert(
            con,
            "feed_fetches",
            [
                {
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
                }
            ],
            ["run_id", "feed_id"],
            update=[
                "status",
                "http_status",
                "error",
                "bozo",
                "entries",
                "new_articles",
                "failed_pages",
                "fetched_at",
            ],
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


def _validators_and_known(db_path: Path) -> tuple[dict, frozenset[str]]:
    with storage.open_db(db_path) as con:
        validators = {
            r["feed_id"]: (r["etag"], r["last_modified"])
            for r in storage.rows(con, "SELECT feed_id, etag, last_modified FROM feeds")
        }
        known = frozenset(r[0] for r in con.execute("SELECT article_id FROM articles").fetchall())
    return validators, known


def ingest_into(
    db_path: Path, run: RunRecord, feeds: list[Feed], policy: FetchPolicy | None = None
) -> None:
    """Fetch every feed concurrently, store each, then extract and merge; counts go in `run`."""
    policy = policy or FetchPolicy()
    validators, known = _validators_and_known(db_path)
    futures = fetch_feed.map(feeds, unmapped(validators), unmapped(known), unmapped(policy))
    pending: list[FeedResult] = []
    for number, future in enumerate(futures, 1):
        result: FeedResult = future.result()
        run.counts[f"feeds_{result.status}"] += 1
        run.counts["entries"] += result.entries
        run.counts["pages_failed"] += len(result.page_errors)
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
    counts = extract_pending(db_path, run.run_id)
    run.counts.update(counts)
    run.counts.update(merge_events(db_path, run.run_id))


@flow(name="ingest", log_prints=True)
def ingest_flow(
    feeds_file: str | None = None,
    db_path: str | None = None,
) -> dict[str, Any]:
    """Fetch all feeds, store new articles once, extract mentions, merge events."""
    settings = load_settings(feeds_file=feeds_file, db_path=db_path)
    feeds = load_feeds(settings.feeds_file)
    run = start_run(settings.db_path, "ingest")
    try:
        ingest_into(settings.db_path, run, feeds)
    except BaseException as error:
        run.error("ingest", error)
        finish_run(settings.db_path, run, "failed")
        raise
    status = finish_run(settings.db_path, run)
    from flows.artifacts import publish_artifacts

    publish_artifacts(run)
    return {"run_id": run.run_id, "status": status, **run.counts}
