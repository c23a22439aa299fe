"""The runs table: one row per flow run, opened at the start and closed at the end.

A run killed half-way keeps status 'running' with no finished_at, which `pledgewatch status`
reports as interrupted.
"""

from __future__ import annotations

import json
import uuid
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from flows.exit_codes import failures
from flows.storage import Store


def current_flow_run_id() -> str | None:
    """Prefect's flow run id when called inside a flow run, else None."""
    from flows.tasking import in_run

    if not in_run():  # e.g. `pledgewatch report`: no run, and no Prefect import to learn it
        return None
    try:
        from prefect.runtime import flow_run

        return str(flow_run.id) if flow_run.id else None
    except Exception:  # outside Prefect, or runtime unavailable
        return None


@dataclass
class RunRecord:
    """Counters and errors gathered during a run, written to `runs` when it ends."""

    run_id: str
    kind: str
    week: str | None = None
    counts: Counter = field(default_factory=Counter)
    errors: list[dict[str, str]] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)  # why the run failed (exit_codes.py)

    def error(self, where: str, error: object) -> None:
        self.errors.append({"where": where, "error": str(error)[:500]})


def start_run(store: Store, kind: str, *, week: str | None = None) -> RunRecord:
    """Insert a 'running' row with a fresh id, linked to the Prefect flow run if any.

    One flow run may hold several runs (the demo ingests, then builds the briefing), so the
    run id is never the flow run id itself.
    """
    flow_run_id = current_flow_run_id()
    record = RunRecord(run_id=str(uuid.uuid4()), kind=kind, week=week)
    with store.session() as db:
        db.execute(
            "INSERT INTO runs (run_id, kind, flow_run_id, week, started_at, status) "
            "VALUES (?, ?, ?, ?, now(), 'running')",
            [record.run_id, kind, flow_run_id, week],
        )
    return record


def finish_run(store: Store, record: RunRecord, status: str | None = None, **extra: Any) -> str:
    """Close the run row with its counts, errors and final status; return the status.

    A run that reached its end is "failed" when a rule of FAILURE_RULES fires (every feed
    failed, delivery failed), "partial" when something was skipped, else "ok".
    """
    record.failures = failures(record.counts, extra)
    for reason in record.failures:
        record.error("run", reason)
    status = status or ("failed" if record.failures else "partial" if record.errors else "ok")
    values = {
        "status": status,
        "counts": json.dumps(dict(record.counts), sort_keys=True),
        "errors": json.dumps(record.errors),
        **extra,
    }
    assignments = ", ".join(f"{k} = ?" for k in values)
    with store.session() as db:
        db.execute(
            f"UPDATE runs SET {assignments}, finished_at = now() WHERE run_id = ?",
            [*values.values(), record.run_id],
        )
    return status
