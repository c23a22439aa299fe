"""The weekly job: a last ingest, the previous ISO week's briefing, delivery, a published copy.

The deployed flow; its body lives in flows/briefing.py, which the command line calls directly.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import Any

from prefect import flow

from flows.briefing import run_weekly
from flows.exit_codes import final_state
from flows.run_lock import run_lock
from flows.settings import load_settings
from flows.tasking import logger
from transforms.weeks import previous_week


@flow(name="weekly-briefing")
def weekly_briefing(
    week: str | None = None,
    fetch: bool = True,
    feeds_file: str | None = None,
    db_path: str | None = None,
    output_dir: str | None = None,
    outbox_dir: str | None = None,
) -> dict[str, Any]:
    """Ingest once more, then build, deliver and publish the briefing of `week`.

    `week` defaults to the previous ISO week; `fetch=False` rebuilds a past week from stored
    data (backfill) without touching the network.
    """
    settings = load_settings(
        feeds_file=feeds_file, db_path=db_path, output_dir=output_dir, outbox_dir=outbox_dir
    )
    started = time.monotonic()
    with run_lock(settings.db_path):
        result = run_weekly(settings, week or previous_week(datetime.now(UTC).date()), fetch=fetch)
    logger().info("weekly briefing done in %.1f s: %s", time.monotonic() - started, result)
    return final_state(result)
