"""Row builders and a synthetic week generator for tests and benchmarks (not shipped).

The schema has many NOT NULL columns; these builders fill them with plausible defaults so a
test states only what it is about. Rows go in through flows.storage.upsert (bulk, unnest).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import duckdb

from flows.storage import upsert
from transforms.urls import stable_id
from transforms.weeks import IsoWeek

RUN_ID = "sample-run"


def article(
    article_id: str,
    *,
    published_at: datetime,
    title: str,
    outlet: str = "Ukrinform",
    url: str | None = None,
    text: str = "",
    language: str = "en",
) -> dict[str, Any]:
    url = url or f"https://news.example.org/{article_id}"
    return {
        "article_id": article_id,
        "canonical_url": url,
        "url": url,
        "feed_id": "feed-1",
        "outlet": outlet,
        "title": title,
        "published_at": published_at,
        "fetched_at": published_at + timedelta(hours=1),
        "text": text or title,
        "text_hash": stable_id(text or title),
        "text_source": "feed",
        "language": language,
        "extractor_version": "1" if language == "en" else None,
        "extracted_at": published_at + timedelta(hours=1),
        "run_id": RUN_ID,
    }


def pledge(
    event_id: str,
    *,
    donor: str,
    amount: Decimal | str | None,
    currency: str | None,
    amount_eur: Decimal | str | None,
    first_seen_on: date,
    category: str = "military",
    stage: str = "announced",
    restated_only: bool = False,
    package_event_id: str | None = None,
    confidence: float = 0.9,
    items: str | None = None,
    evidence: str | None = None,
    fx_rate: float | None = None,
    fx_note: str | None = None,
    mention_count: int = 1,
    article_count: int = 1,
    coalition: str | None = None,
    announced_on: date | None = None,
) -> dict[str, Any]:
    """A pledges (event) row."""
    return {
        "event_id": event_id,
        "donor": donor,
        "recipient": "Ukraine",
        "amount": None if amount is None else Decimal(amount),
        "currency": currency,
        "amount_eur": None if amount_eur is None else Decimal(amount_eur),
        "fx_rate": fx_rate,
        "fx_date": first_seen_on if fx_rate else None,
        "fx_note": fx_note,
        "category": category,
        "stage": stage,
        "items": items,
        "coalition": coalition,
        "announced_on": announced_on or first_seen_on,
        "announced_precision": "day",
        "first_seen_on": first_seen_on,
        "week": str(IsoWeek.of(first_seen_on)),
        "restated_only": restated_only,
        "package_event_id": package_event_id,
        "mention_count": mention_count,
        "article_count": article_count,
        "best_mention_id": f"m-{event_id}",
        "evidence": evidence or f"{donor} will provide {currency} {amount} to Ukraine.",
        "confidence": confidence,
        "history": None,
        "run_id": RUN_ID,
    }


def pledge_mention(
    mention_id: str,
    *,
    article_id: str,
    event: dict[str, Any],
    restated: bool = False,
    confidence: float | None = None,
    evidence: str | None = None,
) -> dict[str, Any]:
    """A pledge_mentions row stating `event` in `article_id`."""
    return {
        "mention_id": mention_id,
        "article_id": article_id,
        "donor": event["donor"],
        "recipient": event["recipient"],
        "amount": event["amount"],
        "amount_text": f"{event['currency']} {event['amount']}",
        "currency": event["currency"],
        "amount_eur": event["amount_eur"],
        "fx_rate": event["fx_rate"],
        "fx_date": event["fx_date"],
        "fx_note": event["fx_note"],
        "category": event["category"],
        "stage": event["stage"],
        "items": event["items"],
        "coalition": event["coalition"],
        "announced_on": event["announced_on"],
        "announced_precision": "day",
        "restated": restated,
        "component": event["package_event_id"] is not None,
        "evidence": evidence or event["evidence"],
        "evidence_start": 0,
        "evidence_end": 10,
        "confidence": event["confidence"] if confidence is None else confidence,
        "extractor_version": "1",
        "event_id": event["event_id"],
        "run_id": RUN_ID,
    }


def agreement(
    event_id: str,
    *,
    parties: Sequence[str],
    kind: str,
    first_seen_on: date,
    subject: str | None = None,
    document_count: int | None = None,
    coalition: str | None = None,
    restated_only: bool = False,
    confidence: float = 0.9,
    evidence: str | None = None,
) -> dict[str, Any]:
    """An agreements (event) row."""
    return {
        "event_id": event_id,
        "parties": list(parties),
        "kind": kind,
        "subject": subject,
        "document_count": document_count,
        "coalition": coalition,
        "signed_on": first_seen_on,
        "signed_precision": "day",
        "first_seen_on": first_seen_on,
        "week": str(IsoWeek.of(first_seen_on)),
        "restated_only": restated_only,
        "mention_count": 1,
        "article_count": 1,
        "best_mention_id": f"m-{event_id}",
        "evidence": evidence or f"{' and '.join(parties)} signed an agreement.",
        "confidence": confidence,
        "run_id": RUN_ID,
    }


def agreement_mention(
    mention_id: str,
    *,
    article_id: str,
    event: dict[str, Any],
    restated: bool = False,
    confidence: float | None = None,
) -> dict[str, Any]:
    return {
        "mention_id": mention_id,
        "article_id": article_id,
        "parties": event["parties"],
        "kind": event["kind"],
        "subject": event["subject"],
        "document_count": event["document_count"],
        "coalition": event["coalition"],
        "signed_on": event["signed_on"],
        "signed_precision": "day",
        "restated": restated,
        "evidence": event["evidence"],
        "evidence_start": 0,
        "evidence_end": 10,
        "confidence": event["confidence"] if confidence is None else confidence,
        "extractor_version": "1",
        "event_id": event["event_id"],
        "run_id": RUN_ID,
    }


def insert(con: duckdb.DuckDBPyConnection, **tables: Sequence[dict[str, Any]]) -> None:
    """Upsert rows per table: insert(con, articles=[...], pledges=[...], ...)."""
    keys = {"articles": ["article_id"], "pledges": ["event_id"], "agreements": ["event_id"]}
    types = {
        "pledges": {
            "category": "pledge_category",
            "stage": "pledge_stage",
            "announced_precision": "date_precision",
            "history": "JSON",
        },
        "pledge_mentions": {
            "category": "pledge_category",
            "stage": "pledge_stage",
            "announced_precision": "date_precision",
        },
        "agreements": {"kind": "agreement_kind", "signed_precision": "date_precision"},
        "agreement_mentions": {"kind": "agreement_kind", "signed_precision": "date_precision"},
        "articles": {"published_at": "TIMESTAMPTZ", "fetched_at": "TIMESTAMPTZ"},
    }
    for table, rows in tables.items():
        if rows:
            upsert(con, table, rows, keys.get(table, ["mention_id"]), types=types.get(table))


DONORS = [
    "Germany", "United States", "United Kingdom", "France", "Netherlands", "Denmark",
    "Sweden", "Norway", "Poland", "Canada", "Japan", "Finland", "Italy", "Spain", "Belgium",
    "Czechia", "Lithuania", "Latvia", "Estonia", "European Union", "EIB", "Portugal",
]  # fmt: skip
CURRENCIES = [("EUR", 1.0), ("USD", 1.08), ("GBP", 0.86), ("SEK", 11.5), ("NOK", 11.7)]
CATEGORIES = ["military", "financial", "humanitarian", "reconstruction", "defence-industry"]
KINDS = ["memorandum/document signing", "joint production", "security agreement", "other"]
COALITIONS = ["Drone Coalition", "IT Coalition", "Demining Coalition", "Maritime Coalition"]


def synthetic_week(
    con: duckdb.DuckDBPyConnection,
    week: str,
    *,
    pledges: int,
    agreements: int,
    sources: int,
    seed: int = 7,
) -> None:
    """Fill the database with a plausible week (plus 11 earlier weeks of history) at scale."""
    rng = random.Random(seed)
    iso = IsoWeek.parse(week)
    rows: dict[str, list[dict[str, Any]]] = {
        k: []
        for k in ("articles", "pledges", "pledge_mentions", "agreements", "agreement_mentions")
    }
    for back in range(11, -1, -1):
        w = iso.shifted(-back)
        n_articles = sources if back == 0 else max(5, sources // 10)
        n_pledges = pledges if back == 0 else max(3, pledges // 10)
        article_ids = []
        for i in range(n_articles):
            aid = stable_id(w, "a", i)
            published = datetime.combine(w.monday, datetime.min.time(), UTC) + timedelta(
                hours=rng.randrange(0, 7 * 24)
            )
            title = f"{rng.choice(DONORS)} announces support for Ukraine ({w}, item {i})"
            if i % 7 == 0:
                title = f"Міноборони: нова допомога від партнерів, {w} №{i}"
            rows["articles"].append(
                article(
                    aid,
                    published_at=published,
                    title=title,
                    outlet=rng.choice(
                        [
                            "Ukrinform",
                            "Kyiv Independent",
                            "Reuters",
                            "Defense Express",
                            "RBC-Ukraine",
                        ]
                    ),
                )
            )
            article_ids.append((aid, published.date()))
        for i in range(n_pledges):
            aid, seen = article_ids[i % len(article_ids)]
            currency, rate = rng.choice(CURRENCIES)
            amount = Decimal(rng.randrange(1, 2000)) * Decimal("1000000.25")
            eur = (amount / Decimal(str(rate))).quantize(Decimal("0.01"))
            p = pledge(
                stable_id(w, "p", i),
                donor=rng.choice(DONORS),
                amount=amount,
                currency=currency,
                amount_eur=eur,
                fx_rate=None if currency == "EUR" else rate,
                first_seen_on=seen,
                category=rng.choice(CATEGORIES),
                stage=rng.choice(["announced", "allocated", "delivered"]),
                items=rng.choice([None, "155mm shells", "air defence", "FPV drones", "demining"]),
                confidence=0.45 if i % 23 == 0 else 0.9,
                restated_only=i % 17 == 5,
            )
            rows["pledges"].append(p)
            for k in range(1 + i % 3):
                mention_article = article_ids[(i + k * 13) % len(article_ids)][0]
                rows["pledge_mentions"].append(
                    pledge_mention(stable_id(p["event_id"], k), article_id=mention_article, event=p)
                )
        if back == 0:
            # Every article of the week states something: each is a source of the briefing.
            cited = {m["article_id"] for m in rows["pledge_mentions"]}
            counted = [p for p in rows["pledges"][-n_pledges:] if not p["restated_only"]]
            for i, (aid, _) in enumerate(a for a in article_ids if a[0] not in cited):
                event = counted[i % len(counted)]
                rows["pledge_mentions"].append(
                    pledge_mention(stable_id(event["event_id"], aid), article_id=aid, event=event)
                )
            # Earlier pledges restated in this week's articles.
            for i, old in enumerate(rows["pledges"][: max(2, pledges // 20)]):
                rows["pledge_mentions"].append(
                    pledge_mention(
                        stable_id(old["event_id"], "restated"),
                        article_id=article_ids[i % len(article_ids)][0],
                        event=old,
                        restated=True,
                    )
                )
            for i in range(agreements):
                aid, seen = article_ids[(i * 3) % len(article_ids)]
                if i % 5 == 0:
                    coalition = rng.choice(COALITIONS)
                    a = agreement(
                        stable_id(w, "g", i),
                        parties=[rng.choice(DONORS), coalition],
                        kind="coalition membership",
                        coalition=coalition,
                        first_seen_on=seen,
                    )
                else:
                    a = agreement(
                        stable_id(w, "g", i),
                        parties=["Ukraine", rng.choice(DONORS)],
                        kind=rng.choice(KINDS),
                        subject=rng.choice(["drone production", "security cooperation", None]),
                        document_count=rng.choice([None, 2, 6]),
                        first_seen_on=seen,
                        confidence=0.5 if i % 11 == 0 else 0.9,
                    )
                rows["agreements"].append(a)
                rows["agreement_mentions"].append(
                    agreement_mention(stable_id(a["event_id"], 0), article_id=aid, event=a)
                )
    insert(con, **rows)
