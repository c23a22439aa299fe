"""`pledgewatch status`: the last runs and per-feed health, from the runs tables."""

from __future__ import annotations

import json
from pathlib import Path

from flows import storage
from flows.exit_codes import ExitCode
from flows.run_lock import holder

FAILING_STREAK = 3  # a feed failing this many runs in a row needs a human


def _state(run: dict, running: dict | None) -> str:
    """A run's status; an unfinished one is running if the run lock has a holder now."""
    if run["finished_at"]:
        return run["status"]
    if running:
        return f"running now (PID {running.get('pid')})"
    return "interrupted (no finish recorded)"


def print_status(db_path: Path, limit: int = 10) -> int:
    """Print recent runs and feed health; exit 1 when the last run was interrupted or failed,
    or a feed is flagged, else 0. An unfinished run is interrupted unless it holds the run
    lock now (then it is running)."""
    if not db_path.exists():
        print(f"no database yet at {db_path}")
        return 1
    with storage.open_db(db_path, read_only=True) as con:
        runs = storage.rows(
            con,
            "SELECT run_id, kind, week, started_at, finished_at, status, counts, errors, "
            "delivery_status FROM runs ORDER BY started_at DESC LIMIT ?",
            [limit],
        )
        feeds = storage.rows(
            con,
            "SELECT outlet, url, last_status, last_http_status, last_error, last_fetched_at, "
            "consecutive_failures FROM feeds ORDER BY outlet",
        )
    running = holder(db_path)
    states = [_state(run, running if n == 0 else None) for n, run in enumerate(runs)]
    print(f"Last {len(runs)} runs ({db_path}):")
    for run, status in zip(runs, states, strict=True):
        counts = json.loads(run["counts"]) if run["counts"] else {}
        errors = json.loads(run["errors"]) if run["errors"] else []
        summary = ", ".join(f"{k}={v}" for k, v in sorted(counts.items()) if v)
        print(
            f"  {run['started_at']:%Y-%m-%d %H:%M} {run['kind']:<7} {run['week'] or '':<9}"
            f" {status:<10} {run['delivery_status'] or '':<8} {summary}"
        )
        if errors:
            print(
                f"      {len(errors)} error(s); first: {errors[0]['where']}: {errors[0]['error']}"
            )
    flagged = int(bool(states) and (states[0] == "failed" or states[0].startswith("interrupted")))
    if flagged:
        print(f"  the last run is {states[0]}")
    print("Feeds:")
    for feed in feeds:
        streak = feed["consecutive_failures"]
        flag = f"  FAILING {streak} runs in a row" if streak >= FAILING_STREAK else ""
        flagged += bool(flag)
        error = f" ({feed['last_error']})" if feed["last_error"] else ""
        print(f"  {feed['outlet']:<34} {feed['last_status'] or 'never':<12}{error}{flag}")
    return ExitCode.FAILURES if flagged else ExitCode.OK
