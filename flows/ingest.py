"""Ingest: feeds → article pages → DuckDB `articles` with their mentions, then event merging.

Fetching is concurrent (one mapped task per feed, a thread pool for its pages); parsing,
page text and extraction run on the CPU workers (flows/cpu.py) as each feed arrives;
writing is one transaction per batch of feeds on one connection, so a crash keeps every
batch already stored, and a feed's ETag/Last-Modified are saved only with its articles
(else a 304 would hide lost entries).
"""

from __future__ import annotations

from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from prefect import flow, task, unmapped
from prefect.cache_policies import NO_CACHE

from flows import cpu, storage
from flows.extract import MENTION_TYPES, extract_pending, merge_events
from flows.faults import checkpoint
from flows.feeds_config import Feed, load_feeds
from flows.http import FetchError, FetchPolicy, fetch, make_client
from flows.mentions import extract_rows
from flows.runs import RunRecord, finish_run, start_run
from flows.settings import load_settings
from flows.tasking import logger
from flows.tasking import task as lazy_task
from transforms.extract import EXTRACTOR_VERSION
from transforms.feed_entries import FeedEntry, ParsedFeed, parse_feed
from transforms.page_text import fragment_text, page_text
from transforms.urls import canonical_url, stable_id, text_hash

MAX_ENTRIES_PER_FEED = 300  # a hostile or broken feed must not explode a run
MIN_FEED_TEXT = 400  # shorter content:encoded is a teaser: fetch the page instead
PAGE_WORKERS = 8
STORE_GROUP = 100  # feeds per write transaction at most...
STORE_ARTICLES = 5000  # ...or this many new articles: ~15 ms per commit is paid per batch


@dataclass
class FeedResult:
    """What fetching one feed produced: plain data, handed to the writer."""

    feed: Feed
    status: str  # ok, not_modified or failed
    http_status: int | None = None
    error: str | None = None
    bozo: bool = False
    entries: int = 0
    etag: str | None = None
    last_modified: str | None = None
    articles: list[dict[str, Any]] = field(default_factory=list)
    pledges: list[dict[str, Any]] = field(default_factory=list)
    agreements: list[dict[str, Any]] = field(default_factory=list)
    known_ids: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)


@dataclass
class Page:
    """An article page as fetched (the I/O half); its text is taken in a worker."""

    entry: FeedEntry
    body: bytes
    content_type: str


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


def _feed_article(entry: FeedEntry, feed: Feed) -> dict[str, Any] | None:
    """The article from the feed's own full text (content:encoded), unless it is a teaser."""
    if entry.content_html:
        text = fragment_text(entry.content_html)
        if len(text) >= MIN_FEED_TEXT:
            return _article_row(entry, feed, text, "feed")
    return None


def _page_article(page: Page, feed: Feed) -> dict[str, Any]:
    """The article from its fetched page; FetchError when the page holds no article text."""
    entry, content_type = page.entry, page.content_type
    if "html" not in content_type and "xml" not in content_type:
        raise FetchError(entry.url, f"not an HTML page ({content_type})")
    text = page_text(page.body.decode(_charset(content_type), "replace"), entry.url)
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


# --- CPU-bound steps: run in worker processes or on a Dask cluster (flows/cpu.py) ----------


@lazy_task(name="parse-feed")
def read_feed(content: bytes, url: str, headers: dict[str, str]) -> ParsedFeed:
    """Feed bytes → entries (feedparser: 16 % of an ingest's CPU on one core)."""
    return parse_feed(content, url=url, headers=headers)


@lazy_task(name="feed-texts")
def feed_texts(
    feed: Feed, entries: list[FeedEntry], pages: list[Page], run_id: str
) -> tuple[list[dict], list[dict], list[dict], list[FeedEntry], list[str]]:
    """Article text from the feed's full text or the fetched pages, then extraction.

    Returns (articles, pledge rows, agreement rows, entries whose page is still needed,
    page errors). Articles leave marked as extracted, so the writer stores them and their
    mentions in one transaction and the extract step has nothing left to do for them.
    """
    articles, need_page, errors = [], [], []
    for entry in entries:
        article = _feed_article(entry, feed)
        if article is None:
            need_page.append(entry)
        else:
            articles.append(article)
    for page in pages:
        try:
            articles.append(_page_article(page, feed))
        except FetchError as error:
            errors.append(f"{page.entry.url}: {error.reason}")
        except Exception as error:  # a hostile page must not take the feed down
            errors.append(f"{page.entry.url}: {type(error).__name__}: {error}")
    pledges, agreements = extract_rows(articles, run_id)
    extracted_at = datetime.now(UTC)
    for article in articles:
        article["extractor_version"] = EXTRACTOR_VERSION
        article["extracted_at"] = extracted_at
    return articles, pledges, agreements, need_page, errors


# --- I/O: fetching, in the flow's threads ----------------------------------------------------


@task(name="fetch-feed", cache_policy=NO_CACHE)
def fetch_feed(
    feed: Feed,
    validators: dict[str, tuple[str | None, str | None]],
    policy: FetchPolicy,
    run_id: str,
) -> FeedResult:
    """Fetch one feed and the pages of its new entries; CPU steps go to `cpu.run`."""
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
        parsed = cpu.run(read_feed, response.content, response.url, response.headers)
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
        known_ids = cpu.known_ids()
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
        need_page = entries
        if any(entry.content_html for entry in entries):
            articles, pledges, agreements, need_page, _ = cpu.run(
                feed_texts, feed, entries, [], run_id
            )
            result.articles += articles
            result.pledges += pledges
            result.agreements += agreements

        def one(entry: FeedEntry) -> Page | str:
            try:
                page = fetch(entry.url, policy=policy, client=client)
            except FetchError as error:
                return f"{entry.url}: {error.reason}"
            except Exception as error:  # a hostile server must not take the feed down
                return f"{entry.url}: {type(error).__name__}: {error}"
            return Page(entry, page.content, page.headers.get("content-type", "text/html"))

        with ThreadPoolExecutor(max_workers=PAGE_WORKERS) as pool:
            pages = []
            for outcome in pool.map(one, need_page):
                if isinstance(outcome, str):
                    result.page_errors.append(outcome)
                else:
                    pages.append(outcome)
        if pages:
            articles, pledges, agreements, _, errors = cpu.run(feed_texts, feed, [], pages, run_id)
            result.articles += articles
            result.pledges += pledges
            result.agreements += agreements
            result.page_errors += errors
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


def store_feeds(con, run_id: str, results: list[FeedResult]) -> Counter:
    """Store several feeds in one transaction: new articles with their mentions, the links
    from each feed to its articles, feed health and validators. Returns what was stored.

    One writer connection serves the whole ingest, and a batch is one Arrow insert per
    table: per-feed sessions ended in a checkpoint each, which made storing quadratic
    (bench/README.md). A crash loses at most the batch in flight, validators included.
    """
    owner: dict[str, FeedResult] = {}  # two feeds may carry one article: the first wins
    for result in results:
        for article in result.articles:
            owner.setdefault(article["article_id"], result)
    with storage.transaction(con):
        stored = {
            row[0]
            for row in con.execute(
                "SELECT article_id FROM articles WHERE article_id IN (SELECT unnest($1))",
                [list(owner)],
            ).fetchall()
        }
        new = {i: r for i, r in owner.items() if i not in stored}
        articles = [
            {**a, "run_id": run_id}
            for r in results
            for a in r.articles
            if new.get(a["article_id"]) is r
        ]
        # Mentions come from the copy of the text that is stored, so their offsets hold.
        pledges = [p for r in results for p in r.pledges if new.get(p["article_id"]) is r]
        agreements = [m for r in results for m in r.agreements if new.get(m["article_id"]) is r]
        storage.upsert(con, "articles", articles, ["article_id"])
        storage.upsert(con, "pledge_mentions", pledges, ["mention_id"], types=MENTION_TYPES)
        storage.upsert(con, "agreement_mentions", agreements, ["mention_id"], types=MENTION_TYPES)
        checkpoint("mid-extract")
        storage.upsert(
            con,
            "article_feeds",
            [
                {"article_id": i, "feed_id": r.feed.feed_id, "run_id": run_id}
                for r in results
                for i in sorted({a["article_id"] for a in r.articles} | set(r.known_ids))
            ],
            ["article_id", "feed_id"],
        )
        now = datetime.now(UTC)
        for result in results:
            _store_health(con, run_id, result, sum(r is result for r in new.values()), now)
    checkpoint("feed-stored")
    return Counter(
        articles_new=len(new),
        articles_extracted=len(new),
        pledge_mentions=len(pledges),
        agreement_mentions=len(agreements),
    )


def _store_health(con, run_id: str, result: FeedResult, new: int, now: datetime) -> None:
    """One feed's fetch record and its row in `feeds` (validators only when complete)."""
    feed = result.feed
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
    """Fetch every feed concurrently, text and extract in workers, store batch by batch.

    Threads of this process fetch (I/O); each feed's parsing, page text and extraction go to
    the CPU workers as soon as its bytes arrive (flows/cpu.py), so extraction runs while
    other feeds are still fetching; this process writes, one transaction per batch of
    feeds, in feed order (so the first feed carrying an article wins, wherever it ran).
    """
    policy = policy or FetchPolicy()
    validators, known = _validators_and_known(db_path)
    with cpu.workers(len(feeds), known):
        futures = fetch_feed.map(
            feeds, unmapped(validators), unmapped(policy), unmapped(run.run_id)
        )
        with storage.open_writer(db_path) as con:
            pending: list[FeedResult] = []
            for number, (feed, future) in enumerate(zip(feeds, futures, strict=True), 1):
                try:
                    result: FeedResult = future.result()
                except Exception as error:  # e.g. a worker died: this feed fails, not the run
                    result = FeedResult(feed, "failed", error=f"{type(error).__name__}: {error}")
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
                batch = sum(len(r.articles) for r in pending)
                if batch >= STORE_ARTICLES or len(pending) >= STORE_GROUP or number == len(feeds):
                    run.counts.update(store_feeds(con, run.run_id, pending))
                    pending = []
    # What the workers did not extract: articles stored by an older extractor version.
    run.counts.update(extract_pending(db_path, run.run_id))
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
