"""Extract and merge: articles → pledge/agreement mentions → events, in DuckDB.

The database connection is held only while reading a batch and while writing it, never
during extraction, so the lock is short and a crash loses at most one uncommitted batch.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from prefect import task
from prefect.cache_policies import NO_CACHE

from flows import storage
from transforms.actors import load_actors
from transforms.events import merge_agreements, merge_pledges
from transforms.extract import EXTRACTOR_VERSION, extract_article
from transforms.records import AgreementMention, PledgeMention
from transforms.urls import stable_id

BATCH_SIZE = 500


def split_date(value: str | None) -> tuple[date | None, str | None]:
    """'2024-01-21' → (date, 'day'); '2024-01' → (1 January, 'month'); None → (None, None)."""
    if not value:
        return None, None
    try:
        if len(value) == 7:
            return date.fromisoformat(value + "-01"), "month"
        return date.fromisoformat(value[:10]), "day"
    except ValueError:
        return None, None


def pledge_row(article_id: str, m: PledgeMention, run_id: str) -> dict[str, Any]:
    announced_on, precision = split_date(m.announced_on)
    return {
        "mention_id": stable_id(article_id, m.start, m.end, m.donor, m.currency, m.amount),
        "article_id": article_id,
        "donor": m.donor,
        "recipient": m.recipient,
        "amount": m.amount,
        "amount_text": m.amount_text,
        "currency": m.currency,
        "amount_eur": m.amount_eur,
        "fx_rate": m.fx_rate,
        "fx_date": split_date(m.fx_date)[0],
        "fx_note": m.fx_note,
        "category": m.category,
        "stage": m.stage,
        "items": m.items,
        "coalition": m.coalition,
        "announced_on": announced_on,
        "announced_precision": precision,
        "restated": m.restated,
        "component": m.component,
        "evidence": m.evidence,
        "evidence_start": m.start,
        "evidence_end": m.end,
        "confidence": m.confidence,
        "extractor_version": EXTRACTOR_VERSION,
        "event_id": None,
        "run_id": run_id,
    }


def agreement_row(article_id: str, m: AgreementMention, run_id: str) -> dict[str, Any]:
    signed_on, precision = split_date(m.signed_on)
    return {
        "mention_id": stable_id(article_id, m.start, m.end, m.kind, *sorted(m.parties)),
        "article_id": article_id,
        "parties": list(m.parties),
        "kind": m.kind,
        "subject": m.subject,
        "document_count": m.document_count,
        "coalition": m.coalition,
        "signed_on": signed_on,
        "signed_precision": precision,
        "restated": m.restated,
        "evidence": m.evidence,
        "evidence_start": m.start,
        "evidence_end": m.end,
        "confidence": m.confidence,
        "extractor_version": EXTRACTOR_VERSION,
        "event_id": None,
        "run_id": run_id,
    }


def extract_rows(
    articles: list[dict[str, Any]], run_id: str
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Run the pure extractor over stored articles; rows ready for the mention tables."""
    pledges, agreements = [], []
    for article in articles:
        published = article["published_at"]
        result = extract_article(
            article["text"],
            published.date() if published else None,
            outlet=article["outlet"],
            title=article["title"],
        )
        pledges += [pledge_row(article["article_id"], m, run_id) for m in result.pledges]
        agreements += [agreement_row(article["article_id"], m, run_id) for m in result.agreements]
    return pledges, agreements


MENTION_TYPES = {
    "amount": "DECIMAL(18,2)",
    "amount_eur": "DECIMAL(18,2)",
    "fx_date": "DATE",
    "announced_on": "DATE",
    "signed_on": "DATE",
    "parties": "VARCHAR[]",
}


def write_mentions(
    con, article_ids: list[str], pledges: list[dict], agreements: list[dict], run_id: str
) -> None:
    """Replace the mentions of these articles and mark them extracted, all or nothing."""
    with storage.transaction(con):
        for table in ("pledge_mentions", "agreement_mentions"):
            con.execute(f"DELETE FROM {table} WHERE list_contains($1, article_id)", [article_ids])
        storage.upsert(con, "pledge_mentions", pledges, ["mention_id"], types=MENTION_TYPES)
        storage.upsert(con, "agreement_mentions", agreements, ["mention_id"], types=MENTION_TYPES)
        con.execute(
            "UPDATE articles SET extractor_version = $1, extracted_at = $2 "
            "WHERE list_contains($3, article_id)",
            [EXTRACTOR_VERSION, datetime.now(UTC), article_ids],
        )


def load_gazetteer(con) -> None:
    """Mirror the gazetteer (transforms/data) into the actors table for analysts."""
    actors = load_actors()
    with storage.transaction(con):
        con.execute("DELETE FROM actors")
        storage.upsert(con, "actors", actors, ["name"], types={"aliases": "VARCHAR[]"})


@task(name="extract-articles", cache_policy=NO_CACHE)
def extract_pending(db_path: Path, run_id: str, batch_size: int = BATCH_SIZE) -> Counter:
    """Extract every article not yet extracted by this extractor version, batch by batch."""
    counts: Counter = Counter()
    with storage.open_db(db_path) as con:
        load_gazetteer(con)
    while True:
        with storage.open_db(db_path) as con:
            articles = storage.rows(
                con,
                "SELECT article_id, text, published_at, outlet, title FROM articles "
                "WHERE extractor_version IS DISTINCT FROM ? ORDER BY article_id LIMIT ?",
                [EXTRACTOR_VERSION, batch_size],
            )
        if not articles:
            return counts
        pledges, agreements = extract_rows(articles, run_id)
        with storage.open_db(db_path) as con:
            write_mentions(con, [a["article_id"] for a in articles], pledges, agreements, run_id)
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


def _replace_events(con, table: str, mention_table: str, merge, run_id: str) -> dict[str, int]:
    mentions = storage.rows(
        con,
        f"SELECT m.*, CAST(timezone('UTC', coalesce(a.published_at, a.fetched_at)) AS DATE)"
        f" AS published_on FROM {mention_table} m JOIN articles a USING (article_id)",
    )
    result = merge(mentions)
    existing = {r["event_id"]: r for r in storage.rows(con, f"SELECT * FROM {table}")}
    changed = [
        {**e, "history": json.dumps(e.get("history")) if e.get("history") else None}
        if table == "pledges"
        else e
        for e in result.events
        if _changed(existing.get(e["event_id"]), e)
    ]
    changed = [{**e, "run_id": run_id} for e in changed]
    keep = [e["event_id"] for e in result.events]
    with storage.transaction(con):
        con.execute(f"DELETE FROM {table} WHERE NOT list_contains($1, event_id)", [keep])
        if changed:
            columns = [c for c in changed[0] if c != "event_id"]
            storage.upsert(con, table, changed, ["event_id"], update=columns, types=MENTION_TYPES)
        pairs = sorted(result.mention_events.items())
        con.execute(
            f"UPDATE {mention_table} SET event_id = p.event_id FROM "
            "(SELECT unnest($1) AS mention_id, unnest($2) AS event_id) p "
            f"WHERE {mention_table}.mention_id = p.mention_id "
            f"AND {mention_table}.event_id IS DISTINCT FROM p.event_id",
            [[m for m, _ in pairs], [e for _, e in pairs]],
        )
    return {"events": len(result.events), "changed": len(changed)}


@task(name="merge-events", cache_policy=NO_CACHE)
def merge_events(db_path: Path, run_id: str) -> Counter:
    """Merge all mentions into events; only new or changed events are rewritten."""
    counts: Counter = Counter()
    with storage.open_db(db_path) as con:
        pledges = _replace_events(con, "pledges", "pledge_mentions", merge_pledges, run_id)
        agreements = _replace_events(
            con, "agreements", "agreement_mentions", merge_agreements, run_id
        )
    counts["pledge_events"] = pledges["events"]
    counts["pledge_events_changed"] = pledges["changed"]
    counts["agreement_events"] = agreements["events"]
    counts["agreement_events_changed"] = agreements["changed"]
    return counts
