"""Ingest: feeds → article pages → DuckDB `articles` with their mentions, then event merging.

Fetching is concurrent (one mapped task per feed; pages on the process's fetching event
loop); parsing, page text, language and extraction run on the CPU workers (flows/cpu.py) as
each feed arrives; writing is one transaction per batch of feeds on one connection, so a
crash keeps every batch already stored, and a feed's ETag/Last-Modified are saved only with
its articles (else a 304 would hide lost entries).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from prefect import flow, task, unmapped
from prefect.cache_policies import NO_CACHE

from flows import cpu
from flows.exit_codes import final_state
from flows.extract import MENTION_TYPES, extract_pending, merge_events
from flows.faults import checkpoint
from flows.feeds_config import Feed, load_feeds
from flows.http import FetchError, FetchPolicy, Response, make_client
from flows.languages import backfill_languages
from flows.mentions import extract_rows
from flows.run_lock import run_lock
from flows.runs import RunRecord, finish_run, start_run
from flows.settings import load_settings
from flows.storage import Session, Store
from flows.tasking import logger
from flows.tasking import task as lazy_task
from transforms.article_text import feed_text
from transforms.charsets import decode
from transforms.extract import EXTRACTOR_VERSION
from transforms.feed_entries import FeedEntry, ParsedFeed, parse_feed, unique_entries
from transforms.feed_health import PAGES_OFF, unreadable_reason
from transforms.languages import EXTRACTOR_LANGUAGES, detect
from transforms.page_text import page_text
from transforms.urls import canonical_url, stable_id, text_hash

MAX_ENTRIES_PER_FEED = 300  # a hostile or broken feed must not explode a run
PAGE_WORKERS = 8  # pages of one feed fetched at once (asyncio, on the feed's client)
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
    bozo_reason: str | None = None
    charset: str | None = None
    charset_source: str | None = None
    entries: int = 0
    etag: str | None = None
    last_modified: str | None = None
    articles: list[dict[str, Any]] = field(default_factory=list)
    pledges: list[dict[str, Any]] = field(default_factory=list)
    agreements: list[dict[str, Any]] = field(default_factory=list)
    known_ids: list[str] = field(default_factory=list)
    retried_ids: list[str] = field(default_factory=list)  # summary-only articles tried again
    duplicates: int = 0
    unreadable: Counter = field(default_factory=Counter)  # reason -> entries
    summaries: int = 0
    pages_charset_guessed: int = 0
    page_errors: list[str] = field(default_factory=list)

    def add(self, texts: Texts) -> None:
        """Take in what a `feed_texts` step read."""
        self.articles += texts.articles
        self.pledges += texts.pledges
        self.agreements += texts.agreements
        self.unreadable.update(texts.unreadable)
        self.summaries += texts.summaries
        self.pages_charset_guessed += texts.pages_charset_guessed
        self.page_errors += texts.errors


@dataclass
class Teaser:
    """An entry whose feed text is only a teaser: its page is needed; the feed's own text
    waits as the fallback (kept as the summary when the page cannot be read). An entry with
    no full text at all is a teaser without reading it (`fallback` None: read when needed)."""

    entry: FeedEntry
    feed_text: str = ""
    fallback: str | None = None

    def summary(self) -> str:
        if self.fallback is None:
            self.fallback = feed_text(self.entry).best_fallback
        return self.fallback


@dataclass
class Page:
    """An article page as fetched (the I/O half), or why it could not be; its text is taken
    in a worker."""

    teaser: Teaser
    body: bytes = b""
    content_type: str = "text/html"
    failure: str | None = None  # the fetch error's reason


@dataclass
class Texts:
    """What one `feed_texts` step read: articles with their mentions, the teasers whose page
    is still needed, and the entries that stay unreadable, by reason."""

    articles: list[dict[str, Any]] = field(default_factory=list)
    pledges: list[dict[str, Any]] = field(default_factory=list)
    agreements: list[dict[str, Any]] = field(default_factory=list)
    teasers: list[Teaser] = field(default_factory=list)
    unreadable: Counter = field(default_factory=Counter)
    summaries: int = 0
    pages_charset_guessed: int = 0
    errors: list[str] = field(default_factory=list)

    def unread(self, teaser: Teaser, feed: Feed, reason: str, error: str | None) -> None:
        """Count an entry whose article could not be read; keep the feed's text as summary."""
        self.unreadable[reason] += 1
        if error:
            self.errors.append(error)
        if summary := teaser.summary():
            self.articles.append(_article_row(teaser.entry, feed, summary, "summary"))
            self.summaries += 1


def _article_row(entry: FeedEntry, feed: Feed, text: str, source: str) -> dict[str, Any]:
    canonical = canonical_url(entry.url)
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
        "extractor_version": None,  # set once extracted (English only)
        "extracted_at": None,
    }


def _page_text(page: Page) -> tuple[str, bool]:
    """The page's main text and whether its charset had to be guessed; FetchError when the
    page holds no article text."""
    url, content_type = page.teaser.entry.url, page.content_type
    if "html" not in content_type and "xml" not in content_type:
        raise FetchError(url, f"not an HTML page ({content_type})")
    decoded = decode(page.body, content_type)
    text = page_text(decoded.text, url)
    if not text:
        raise FetchError(url, "no article text found on the page")
    return text, decoded.guessed


def as_page(teaser: Teaser, answer: Response | Exception) -> Page:
    """A fetched page, or why not (a hostile server must not take the feed down)."""
    if isinstance(answer, FetchError):
        return Page(teaser, failure=answer.reason)
    if isinstance(answer, Exception):
        return Page(teaser, failure=f"{type(answer).__name__}: {answer}")
    return Page(teaser, answer.content, answer.headers.get("content-type", "text/html"))


def _no_entries_reason(parsed: ParsedFeed) -> str:
    """Why a feed gave nothing to read: broken XML, only unusable links, or truly empty."""
    if parsed.bozo:
        return f"malformed feed: {parsed.bozo_reason}"
    if parsed.skipped:
        return f"{parsed.skipped} entries, none with an http(s) link"
    return "feed has no entries"


# --- CPU-bound steps: run in worker processes or on a Dask cluster (flows/cpu.py) ----------


@lazy_task(name="parse-feed", batch=16)
def read_feed(content: bytes, url: str, headers: dict[str, str]) -> ParsedFeed:
    """Feed bytes → entries (feedparser: 16 % of an ingest's CPU on one core)."""
    return parse_feed(content, url=url, headers=headers)


def read_texts(feed: Feed, entries: list[FeedEntry], pages: list[Page], fetch_pages: bool) -> Texts:
    """Article text from the feed's full text or the fetched pages.

    An entry whose feed text is a teaser comes back among `teasers` (its page is wanted), or,
    with pages off, as its summary.
    """
    out = Texts()
    for entry in entries:
        text = feed_text(entry)
        teaser = Teaser(entry, text.full, text.best_fallback)
        if not text.teaser:
            out.articles.append(_article_row(entry, feed, text.full, "feed"))
        elif fetch_pages:
            out.teasers.append(teaser)
        else:
            out.unread(teaser, feed, PAGES_OFF, None)
    for page in pages:
        teaser, url = page.teaser, page.teaser.entry.url
        try:
            if page.failure is not None:
                raise FetchError(url, page.failure)
            body, guessed = _page_text(page)
        except FetchError as failure:
            out.unread(teaser, feed, unreadable_reason(failure.reason), f"{url}: {failure.reason}")
        except Exception as error:  # a hostile page must not take the feed down
            out.unread(teaser, feed, "error", f"{url}: {type(error).__name__}: {error}")
        else:
            out.pages_charset_guessed += guessed
            # A page whose extracted text is shorter than the feed's own keeps the feed's.
            if len(body) >= len(teaser.feed_text):
                out.articles.append(_article_row(teaser.entry, feed, body, "page"))
            else:
                out.articles.append(_article_row(teaser.entry, feed, teaser.feed_text, "feed"))
    return out


@lazy_task(name="feed-texts", batch=8)
def feed_texts(
    feed: Feed, entries: list[FeedEntry], pages: list[Page], run_id: str, fetch_pages: bool
) -> Texts:
    """`read_texts`, then extraction. English articles leave extracted, so the writer stores
    them and their mentions in one transaction; other languages are stored, never extracted."""
    out = read_texts(feed, entries, pages, fetch_pages)
    readable = [a for a in out.articles if a["language"] in EXTRACTOR_LANGUAGES]
    out.pledges, out.agreements = extract_rows(readable, run_id)
    extracted_at = datetime.now(UTC)
    for article in readable:
        article["extractor_version"] = EXTRACTOR_VERSION
        article["extracted_at"] = extracted_at
    return out


# --- I/O: fetching, in the flow's threads ----------------------------------------------------


@task(name="fetch-feed", cache_policy=NO_CACHE)
def fetch_feed(
    feed: Feed,
    validators: dict[str, tuple[str | None, str | None]],
    policy: FetchPolicy,
    run_id: str,
    pages: bool = True,
) -> FeedResult:
    """Fetch one feed and the pages of its new entries; CPU steps go to `cpu.run`; never
    raises. Articles stored with only their summary are tried again while pages are on."""
    log = logger()
    etag, last_modified = validators.get(feed.feed_id, (None, None))
    with make_client(policy) as client:
        try:
            response = client.fetch(feed.url, etag=etag, last_modified=last_modified)
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
        known_ids, retry_ids = cpu.known_ids(), cpu.summary_ids()
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
        teasers: list[Teaser] = []
        if pages and not any(entry.content_html for entry in entries):
            # No full text in the feed: every entry needs its page (no worker round trip).
            teasers = [Teaser(entry) for entry in entries]
        elif entries:
            texts = cpu.run(feed_texts, feed, entries, [], run_id, pages)
            result.add(texts)
            teasers = texts.teasers

        answers = client.fetch_many([t.entry.url for t in teasers], PAGE_WORKERS)
        fetched = [as_page(teaser, answer) for teaser, answer in zip(teasers, answers, strict=True)]
        if fetched:
            result.add(cpu.run(feed_texts, feed, [], fetched, run_id, pages))
        if result.pages_charset_guessed:
            log.warning(
                "feed %s: %d pages declared no charset; guessed",
                feed.name,
                result.pages_charset_guessed,
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


def store_feeds(db: Session, run_id: str, results: list[FeedResult]) -> Counter:
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
    with db.transaction():
        stored = {
            row[0]
            for row in db.execute(
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
        db.upsert("articles", articles, ["article_id"], types=ARTICLE_TYPES)
        db.upsert("pledge_mentions", pledges, ["mention_id"], types=MENTION_TYPES)
        db.upsert("agreement_mentions", agreements, ["mention_id"], types=MENTION_TYPES)
        upgraded = _upgrade_summaries(db, results, run_id)
        checkpoint("mid-extract")
        db.upsert(
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
            _store_health(db, run_id, result, sum(r is result for r in new.values()), now)
    checkpoint("feed-stored")
    return Counter(
        articles_new=len(new),
        articles_extracted=sum(a.get("extractor_version") is not None for a in articles),
        summaries_upgraded=upgraded,
        pledge_mentions=len(pledges),
        agreement_mentions=len(agreements),
    )


# Articles leave the workers extracted (English) or not (other languages): typed explicitly,
# since a batch of only one kind would otherwise give DuckDB a column of NULLs to guess.
ARTICLE_TYPES = {"extractor_version": "VARCHAR", "extracted_at": "TIMESTAMPTZ"}
UPGRADE = ["title", "fetched_at", "text", "text_hash", "text_source", "language"]
UPGRADE += ["language_score", "extractor_version", "extracted_at", "run_id"]


def _upgrade_summaries(db: Session, results: list[FeedResult], run_id: str) -> int:
    """Replace a stored summary with the full text read this time; the extract step reads
    it again (its mentions from the summary are replaced then)."""
    upgrades = [
        {**a, "run_id": run_id, "extractor_version": None, "extracted_at": None}
        for r in results
        for a in r.articles
        if a["article_id"] in set(r.retried_ids) and a["text_source"] != "summary"
    ]
    if upgrades:
        db.upsert("articles", upgrades, ["article_id"], update=UPGRADE, types=ARTICLE_TYPES)
    return len(upgrades)


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


def _store_health(db: Session, run_id: str, result: FeedResult, new: int, now: datetime) -> None:
    """One feed's fetch record and its row in `feeds` (validators only when complete)."""
    feed = result.feed
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
    db.upsert(
        "feed_fetches",
        [fetch_row],
        ["run_id", "feed_id"],
        update=[c for c in fetch_row if c not in ("run_id", "feed_id")],
        types={"unreadable_reasons": "JSON", "languages": "JSON"},
    )
    # Validators only when every entry made it in: a 304 next time must not hide a page
    # that failed this time.
    keep_validators = result.status == "ok" and not result.page_errors
    db.execute(
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


def _validators_and_known(store: Store) -> tuple[dict, frozenset[str], frozenset[str]]:
    """Feeds' validators, stored article ids, and the ids stored with only their summary."""
    with store.session() as db:
        validators = {
            r["feed_id"]: (r["etag"], r["last_modified"])
            for r in db.rows("SELECT feed_id, etag, last_modified FROM feeds")
        }
        known, summaries = set(), set()
        for article_id, source in db.execute(
            "SELECT article_id, text_source FROM articles"
        ).fetchall():
            known.add(article_id)
            if source == "summary":
                summaries.add(article_id)
    return validators, frozenset(known), frozenset(summaries)


def ingest_into(
    store: Store,
    run: RunRecord,
    feeds: list[Feed],
    policy: FetchPolicy | None = None,
    pages: bool = True,
) -> None:
    """Fetch every feed concurrently, text and extract in workers, store batch by batch.

    Threads of this process fetch (I/O); each feed's parsing, page text and extraction go to
    the CPU workers as soon as its bytes arrive (flows/cpu.py), so extraction runs while
    other feeds are still fetching; this process writes, one transaction per batch of
    feeds, in feed order (so the first feed carrying an article wins, wherever it ran).
    `pages=False` reads only what the feeds carry (no article page is fetched).
    """
    policy = policy or FetchPolicy()
    validators, known, summaries = _validators_and_known(store)
    with cpu.workers(len(feeds), known, summary_ids=summaries):
        futures = fetch_feed.map(
            feeds,
            unmapped(validators),
            unmapped(policy),
            unmapped(run.run_id),
            unmapped(pages),
        )
        with store.writer() as db:
            pending: list[FeedResult] = []
            for number, (feed, future) in enumerate(zip(feeds, futures, strict=True), 1):
                try:
                    result: FeedResult = future.result()
                except Exception as error:  # e.g. a worker died: this feed fails, not the run
                    result = FeedResult(feed, "failed", error=f"{type(error).__name__}: {error}")
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
                batch = sum(len(r.articles) for r in pending)
                if batch >= STORE_ARTICLES or len(pending) >= STORE_GROUP or number == len(feeds):
                    run.counts.update(store_feeds(db, run.run_id, pending))
                    pending = []
    run.counts["languages_detected"] += backfill_languages(store)
    # What the workers did not extract: upgraded summaries, articles of an older extractor.
    run.counts.update(extract_pending(store, run.run_id))
    run.counts.update(merge_events(store, run.run_id))


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
    store = Store.from_settings(settings)
    feeds = load_feeds(settings.feeds_file)
    with run_lock(store.path):
        run = start_run(store, "ingest")
        try:
            ingest_into(store, run, feeds, pages=pages)
        except BaseException as error:
            run.error("ingest", error)
            finish_run(store, run, "failed")
            raise
        status = finish_run(store, run)
    from flows.artifacts import publish_artifacts, publish_feed_health

    publish_artifacts(run)
    publish_feed_health(store)
    return final_state(
        {"run_id": run.run_id, "status": status, "failures": run.failures, **run.counts}
    )
