"""Mention rows for the event-merge tests (pledge and agreement), and ways to read a merge."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal
from typing import Any

from transforms.event_common import EventMerge

D = date.fromisoformat


def pledge(mention_id: str, published: str, amount: float | None = 611, **fields: Any) -> dict:
    """A pledge_mentions row plus published_on; amounts in millions, EUR unless told."""
    currency = fields.pop("currency", "EUR" if amount is not None else None)
    value = Decimal(str(amount)) * 1_000_000 if amount is not None else None
    eur = fields.pop("eur", amount if currency == "EUR" else None)
    row = {
        "mention_id": mention_id,
        "article_id": fields.pop("article", f"art-{mention_id}"),
        "donor": "Belgium",
        "recipient": "Ukraine",
        "amount": value,
        "currency": currency,
        "amount_eur": Decimal(str(eur)) * 1_000_000 if eur is not None else None,
        "fx_rate": 1.0 if currency == "EUR" else None,
        "fx_date": None,
        "fx_note": None,
        "category": "military",
        "stage": "announced",
        "items": None,
        "coalition": None,
        "announced_on": None,
        "announced_precision": None,
        "restated": False,
        "component": False,
        "evidence": f"{mention_id}: Belgium will provide €{amount} million.",
        "confidence": 0.8,
        "published_on": D(published),
    }
    return _override(row, fields, "announced_on", "announced_precision")


def agreement(mention_id: str, published: str, **fields: Any) -> dict:
    row = {
        "mention_id": mention_id,
        "article_id": f"art-{mention_id}",
        "parties": ["Ukraine", "Denmark"],
        "kind": "joint production",
        "subject": "joint production of long-range drones",
        "document_count": None,
        "coalition": None,
        "signed_on": None,
        "signed_precision": None,
        "restated": False,
        "evidence": f"{mention_id}: Denmark and Ukraine agreed to produce drones.",
        "confidence": 0.8,
        "published_on": D(published),
    }
    return _override(row, fields, "signed_on", "signed_precision")


def _override(row: dict, fields: dict[str, Any], date_field: str, precision_field: str) -> dict:
    """Apply the test's fields (known columns only); a stated date defaults to day precision."""
    for key, value in fields.items():
        assert key in row, key
        row[key] = D(value) if key == date_field and isinstance(value, str) else value
    if row[date_field] is not None and row[precision_field] is None:
        row[precision_field] = "day"
    return row


def groups(merge: EventMerge) -> list[set[str]]:
    """The partition of mention ids into events, as a sorted list of sets."""
    by_event = defaultdict(set)
    for mention_id, event_id in merge.mention_events.items():
        by_event[event_id].add(mention_id)
    return sorted(by_event.values(), key=sorted)


def by_id(merge: EventMerge) -> dict[str, dict]:
    return {event["event_id"]: event for event in merge.events}


def event_of(merge: EventMerge, mention_id: str) -> dict:
    return by_id(merge)[merge.mention_events[mention_id]]
