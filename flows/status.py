"""`pledgewatch status`: the last runs, per-feed health and articles by language.

A feed's line comes from its last fetches (feed_fetches) through transforms/feed_health, so
a feed whose entries could not be read is shown failing even though its XML was fetched.
"""

from __future__ import annotations

import json
from collections import defaultdict

from flows.exit_codes import ExitCode
from flows.run_lock import holder
from flows.storage import Session, Store
from transforms.feed_health import FAILING_RUNS, feed_health
from transforms.languages import reading_line

FAILING_STREAK = 3  # a feed failing this many runs in a row needs a human

FETCHES = f"""
SELECT feed_id, status, error, entries, new_articles, duplicates, unreadable,
       unreadable_reasons, summaries, bozo_reason, charset, charset_source,
       pages_charset_guessed
FROM (SELECT *, row_number() OVER (PARTITION BY feed_id ORDER BY fetched_at DESC) AS n
      FROM feed_fetches)
WHERE n <= {FAILING_RUNS}
ORDER BY feed_id, n
"""


def feed_lines(db: Session) -> list[tuple[str, str, bool]]:
    """(outlet, health line, failing) for every feed, by outlet."""
    feeds = db.rows(
        "SELECT feed_id, outlet, last_status, last_error, consecutive_failures "
        "FROM feeds ORDER BY outlet",
    )
    fetches: dict[str, list[dict]] = defaultdict(list)
    for row in db.rows(FETCHES):
        row["reasons"] = json.loads(row.pop("unreadable_reasons") or "{}")
        fetches[row["feed_id"]].append(row)
    lines = []
    for feed in feeds:
        streak = feed["consecutive_failures"]
        history = fetches.get(feed["feed_id"], [])
        if history:
            health = feed_health(history)
            line, failing = health.line, health.failing
        else:  # fetched before feed health was recorded
            error = f" ({feed['last_error']})" if feed["last_error"] else ""
            line, failing = f"{feed['last_status'] or 'never'}{error}", False
        if streak >= FAILING_STREAK and not failing:
            line, failing = f"{line}  FAILING {streak} runs in a row", True
        lines.append((feed["outlet"], line, failing))
    return lines


def _state(run: dict, running: dict | None) -> str:
    """A run's status; an unfinished one is running if the run lock has a holder now."""
    if run["finished_at"]:
        return run["status"]
    if running:
        return f"running now (PID {running.get('pid')})"
    return "interrupted (no finish recorded)"


def print_status(store: Store, limit: int = 10) -> int:
    """Print recent runs, feed health and languages; exit 1 when the last run was interrupted
    or failed, or a feed is failing, else 0. An unfinished run is interrupted unless it holds
    the run lock now (then it is running)."""
    if not store.exists():
        print(f"no database yet at {store.path}")
        return 1
    with store.session(read_only=True) as db:
        runs = db.rows(
            "SELECT run_id, kind, week, started_at, finished_at, status, counts, errors, "
            "delivery_status FROM runs ORDER BY started_at DESC LIMIT ?",
            [limit],
        )
        feeds = feed_lines(db)
        languages = db.rows(
            "SELECT language, articles FROM articles_by_language ORDER BY articles DESC, language"
        )
    running = holder(store.path)
    states = [_state(run, running if n == 0 else None) for n, run in enumerate(runs)]
    print(f"Last {len(runs)} runs ({store.path}):")
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
    for outlet, line, failing in feeds:
        flagged += failing
        print(f"  {outlet:<34} {line}")
    print(f"Articles: {reading_line((r['language'], r['articles']) for r in languages)}")
    return ExitCode.FAILURES if flagged else ExitCode.OK
