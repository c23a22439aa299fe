"""Extract and merge: articles → pledge/agreement mentions → events, in DuckDB.

The database connection is held only while reading a batch and while writing it, never
during extraction, so the lock is short and a crash loses at most one uncommitted batch.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from prefect import task
from prefect.cache_policies import NO_CACHE

from flows import cpu
from flows.faults import checkpoint
from flows.mentions import extract_chunk
from flows.storage import Session, Store
from transforms.actors import load_actors
from transforms.agreement_events import AgreementMerge, merge_agreements
from transforms.extract import EXTRACTOR_VERSION
from transforms.languages import EXTRACTOR_LANGUAGES
from transforms.pledge_events import PledgeMerge, merge_pledges

BATCH_SIZE = 2000  # articles read, extracted and written per transaction
CHUNK_SIZE = 250  # articles per extraction task on the CPU workers (flows/cpu.py)


MENTION_TYPES = {
    "amount": "DECIMAL(18,2)",
    "amount_eur": "DECIMAL(18,2)",
    "fx_date": "DATE",
    "announced_on": "DATE",
    "signed_on": "DATE",
    "parties": "VARCHAR[]",
    "rules": "VARCHAR[]",
}


def write_mentions(
    db: Session, article_ids: list[str], pledges: list[dict], agreements: list[dict], run_id: str
) -> None:
    """Replace the mentions of these articles and mark them extracted, all or nothing."""
    with db.transaction():
        for table in ("pledge_mentions", "agreement_mentions"):
            db.execute(
                f"DELETE FROM {table} WHERE article_id IN (SELECT unnest($1))", [article_ids]
            )
        db.upsert("pledge_mentions", pledges, ["mention_id"], types=MENTION_TYPES)
        db.upsert("agreement_mentions", agreements, ["mention_id"], types=MENTION_TYPES)
        db.execute(
            "UPDATE articles SET extractor_version = $1, extracted_at = $2 "
            "WHERE article_id IN (SELECT unnest($3))",
            [EXTRACTOR_VERSION, datetime.now(UTC), article_ids],
        )
        checkpoint("mid-extract")


def load_gazetteer(db: Session) -> None:
    """Mirror the gazetteer (transforms/data) into the actors table for analysts."""
    actors = load_actors()
    with db.transaction():
        db.execute("DELETE FROM actors")
        db.upsert("actors", actors, ["name"], types={"aliases": "VARCHAR[]"})


# Not yet read by this extractor version; other languages are stored and counted, never run
# through the English rules. Parameters: the version, the languages the extractor reads.
PENDING = (
    "extractor_version IS DISTINCT FROM ? AND (language IS NULL OR list_contains(?, language))"
)


@task(name="extract-articles", cache_policy=NO_CACHE)
def extract_pending(
    store: Store,
    run_id: str,
    batch_size: int = BATCH_SIZE,
    pool: str | None = None,
    workers: int | None = None,
) -> Counter:
    """Extract every article not yet extracted by this extractor version, batch by batch.

    The ingest extracts new articles as they arrive; what is left here is the backlog of a
    new extractor version. Each batch is read, extracted in chunks on the CPU workers
    (flows/cpu.py: processes, or a Dask cluster), then written in one transaction.
    """
    counts: Counter = Counter()
    with store.session() as db:
        load_gazetteer(db)
        backlog = db.value(
            f"SELECT count(*) FROM articles WHERE {PENDING}",
            [EXTRACTOR_VERSION, sorted(EXTRACTOR_LANGUAGES)],
        )
    if not backlog:
        return counts
    with cpu.workers(-(-backlog // CHUNK_SIZE), pool=pool, count=workers):
        while True:
            with store.session() as db:
                articles = db.rows(
                    "SELECT article_id, url, text, published_at, outlet, title FROM articles "
                    f"WHERE {PENDING} ORDER BY article_id LIMIT ?",
                    [EXTRACTOR_VERSION, sorted(EXTRACTOR_LANGUAGES), batch_size],
                )
            if not articles:
                return counts
            chunks = [articles[i : i + CHUNK_SIZE] for i in range(0, len(articles), CHUNK_SIZE)]
            futures = [cpu.submit(extract_chunk, chunk, run_id) for chunk in chunks]
            pledges: list[dict[str, Any]] = []
            agreements: list[dict[str, Any]] = []
            for future in futures:  # in order: the same rows as one inline pass
                p, a = future.result()
                pledges += p
                agreements += a
            with store.session() as db:
                write_mentions(db, [a["article_id"] for a in articles], pledges, agreements, run_id)
            counts["articles_extracted"] += len(articles)
            counts["pledge_mentions"] += len(pledges)
            counts["agreement_mentions"] += len(agreements)


def _changed(old: dict[str, Any] | None, new: dict[str, Any]) -> bool:
    if old is None:
        return True
    return any(_plain(old.get(k)) != _plain(v) for k, v in new.items() if k != "run_id")


def _plain(value: Any) -> Any:
    """Normalise DB values and merge output for comparison (JSON text, Decimals, lists)."""
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return json.loads(value)
        except ValueError:
            return value
    if isinstance(value, float | int) and not isinstance(value, bool):
        return round(float(value), 2)
    if hasattr(value, "as_tuple"):  # Decimal
        return round(float(value), 2)
    return value


def _replace_events(
    db: Session,
    table: str,
    mention_table: str,
    merge: Callable[[list[dict[str, Any]]], PledgeMerge | AgreementMerge],
    run_id: str,
) -> dict[str, int]:
    mentions = db.rows(
        f"SELECT m.*, CAST(timezone('UTC', coalesce(a.published_at, a.fetched_at)) AS DATE)"
        f" AS published_on FROM {mention_table} m JOIN articles a USING (article_id)",
    )
    result = merge(mentions)
    existing = {r["event_id"]: r for r in db.rows(f"SELECT * FROM {table}")}
    changed = [
        {**e, "history": json.dumps(e.get("history")) if e.get("history") else None}
        if table == "pledges"
        else e
        for e in result.events
        if _changed(existing.get(e["event_id"]), e)
    ]
    changed = [{**e, "run_id": run_id} for e in changed]
    keep = [e["event_id"] for e in result.events]
    with db.transaction():
        db.execute(f"DELETE FROM {table} WHERE NOT list_contains($1, event_id)", [keep])
        if changed:
            columns = [c for c in changed[0] if c != "event_id"]
            db.upsert(table, changed, ["event_id"], update=columns, types=MENTION_TYPES)
        pairs = sorted(result.mention_events.items())
        db.execute(
            f"UPDATE {mention_table} SET event_id = p.event_id FROM "
            "(SELECT unnest($1) AS mention_id, unnest($2) AS event_id) p "
            f"WHERE {mention_table}.mention_id = p.mention_id "
            f"AND {mention_table}.event_id IS DISTINCT FROM p.event_id",
            [[m for m, _ in pairs], [e for _, e in pairs]],
        )
        checkpoint("mid-merge")
    return {"events": len(result.events), "changed": len(changed)}


def _events_current(db: Session) -> bool:
    """True when no mention was added, changed or removed since the last merge.

    A new or re-extracted mention has no event yet (write_mentions inserts it with NULL);
    a removed one leaves its event's mention_count above the mentions that point to it.
    """
    for events, mentions in (("pledges", "pledge_mentions"), ("agreements", "agreement_mentions")):
        counts = db.one(
            f"SELECT (SELECT count(*) FROM {mentions} WHERE event_id IS NULL), "
            f"(SELECT coalesce(sum(mention_count), 0) FROM {events}), "
            f"(SELECT count(*) FROM {mentions})"
        )
        assert counts is not None  # scalar subqueries always give one row
        unmerged, stated, actual = counts
        if unmerged or stated != actual:
            return False
    return True


@task(name="merge-events", cache_policy=NO_CACHE)
def merge_events(store: Store, run_id: str) -> Counter:
    """Merge all mentions into events; only new or changed events are rewritten.

    When the events already match the mentions (every mention has its event and each table's
    mention counts add up), the merge is skipped: it reads every mention, so re-running it
    on a run that extracted nothing (feeds answered 304) would grow with the database.
    """
    counts: Counter = Counter()
    with store.session() as db:
        if _events_current(db):
            for table in ("pledge", "agreement"):
                total = db.value(f"SELECT count(*) FROM {table}s")
                counts[f"{table}_events"] = total
                counts[f"{table}_events_changed"] = 0
            counts["merge_skipped"] = 1
            return counts
        pledges = _replace_events(db, "pledges", "pledge_mentions", merge_pledges, run_id)
        agreements = _replace_events(
            db, "agreements", "agreement_mentions", merge_agreements, run_id
        )
    counts["pledge_events"] = pledges["events"]
    counts["pledge_events_changed"] = pledges["changed"]
    counts["agreement_events"] = agreements["events"]
    counts["agreement_events_changed"] = agreements["changed"]
    return counts
