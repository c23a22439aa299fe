"""Articles → mention rows: the pure half of the extract step, importable without Prefect.

The extract step fans these functions out to worker processes (flows.extract); a worker
imports only this module and transforms/, never Prefect, so it starts in a fraction of a
second.
"""

from __future__ import annotations

import io
import os
from datetime import date
from multiprocessing import forkserver, popen_forkserver, reduction, spawn, util
from multiprocessing.context import ForkServerContext, ForkServerProcess, set_spawning_popen
from typing import Any

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
        )
        pledges += [pledge_row(article["article_id"], m, run_id) for m in result.pledges]
        agreements += [agreement_row(article["article_id"], m, run_id) for m in result.agreements]
    return pledges, agreements


def warm() -> None:
    """Load what the first extraction would (gazetteer, patterns, ECB rates): ~1 s, once."""
    extract_article("Germany pledged €1 million and SEK 1 million to Ukraine.", date(2025, 1, 6))


def extract_chunk(
    articles: list[dict[str, Any]], run_id: str
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """extract_rows for a worker process: a top-level function, so it pickles by name."""
    return extract_rows(articles, run_id)


class _LeanPopen(popen_forkserver.Popen):
    """The fork server's launcher, minus re-running the parent's __main__ in each worker.

    multiprocessing re-imports the main module in every worker so that functions defined
    there unpickle; ours live in flows.mentions, and re-running `pledgewatch` or Prefect's
    engine would import Prefect (~4 s of CPU) in each worker. Same as CPython's _launch
    (3.11-3.13) but for the two keys dropped.
    """

    def _launch(self, process_obj) -> None:
        prep_data = spawn.get_preparation_data(process_obj._name)
        prep_data.pop("init_main_from_name", None)
        prep_data.pop("init_main_from_path", None)
        buf = io.BytesIO()
        set_spawning_popen(self)
        try:
            reduction.dump(prep_data, buf)
            reduction.dump(process_obj, buf)
        finally:
            set_spawning_popen(None)
        self.sentinel, w = forkserver.connect_to_new_process(self._fds)
        _parent_w = os.dup(w)
        self.finalizer = util.Finalize(self, util.close_fds, (_parent_w, self.sentinel))
        with open(w, "wb", closefd=True) as f:
            f.write(buf.getbuffer())
        self.pid = forkserver.read_signed(self.sentinel)


class _LeanProcess(ForkServerProcess):
    @staticmethod
    def _Popen(process_obj):
        return _LeanPopen(process_obj)


class _LeanContext(ForkServerContext):
    Process = _LeanProcess


def worker_context() -> ForkServerContext:
    """multiprocessing context for extraction workers: forked from a lean fork server.

    forkserver, not fork: the flow process runs Prefect's threads, and forking a process
    with threads can deadlock on a lock held at fork time. These classes live here, not in
    flows.extract, because a worker unpickles its process object by class reference: defined
    in a module that imports Prefect, every worker would import Prefect (~5 s) at start.
    """
    context = _LeanContext()
    context.set_forkserver_preload(["flows.mentions"])
    return context
