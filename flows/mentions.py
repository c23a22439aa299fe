"""Articles → mention rows: the pure half of the extract step, importable without Prefect.

The ingest and the extract step run `extract_rows` on the CPU workers (flows/cpu.py).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from flows.tasking import task
from transforms.extract import EXTRACTOR_VERSION, extract_article
from transforms.records import AgreementMention, PledgeMention
from transforms.urls import stable_id


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


def _provenance(m: PledgeMention | AgreementMention, run_id: str) -> dict[str, Any]:
    """Where a mention came from: its sentence, offsets, confidence, extractor and run."""
    return {
        "evidence": m.evidence,
        "evidence_start": m.start,
        "evidence_end": m.end,
        "confidence": m.confidence,
        "extractor_version": EXTRACTOR_VERSION,
        "rules": list(m.rules),
        "event_id": None,
        "run_id": run_id,
    }


def pledge_row(article_id: str, m: PledgeMention, run_id: str) -> dict[str, Any]:
    announced_on, precision = split_date(m.announced_on)
    # The id names everything that tells two records of one sentence apart, so none is lost
    # when the batch is de-duplicated on it.
    key = (m.start, m.end, m.donor, m.currency, m.amount, m.items, m.component)
    return {
        "mention_id": stable_id(article_id, *key),
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
        **_provenance(m, run_id),
    }


def agreement_row(article_id: str, m: AgreementMention, run_id: str) -> dict[str, Any]:
    signed_on, precision = split_date(m.signed_on)
    return {
        "mention_id": stable_id(
            article_id, m.start, m.end, m.kind, m.coalition, m.subject, *sorted(m.parties)
        ),
        "article_id": article_id,
        "parties": list(m.parties),
        "kind": m.kind,
        "subject": m.subject,
        "document_count": m.document_count,
        "coalition": m.coalition,
        "unnamed_parties": m.unnamed_parties,
        "signed_on": signed_on,
        "signed_precision": precision,
        "restated": m.restated,
        **_provenance(m, run_id),
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
            url=article.get("url"),
        )
        pledges += [pledge_row(article["article_id"], m, run_id) for m in result.pledges]
        agreements += [agreement_row(article["article_id"], m, run_id) for m in result.agreements]
    return pledges, agreements


@task(name="extract-chunk")
def extract_chunk(
    articles: list[dict[str, Any]], run_id: str
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """extract_rows as a task for the CPU workers (flows/cpu.py)."""
    return extract_rows(articles, run_id)
