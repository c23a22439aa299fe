"""Crash points for fault-injection tests: `PLEDGEWATCH_KILL_AT=stage` SIGKILLs the process there.

A crash can come at any instant; these named points let tests kill a real run at the
moments that matter (mid-transaction, between steps) deterministically and then check that
the database is consistent and the next run completes the work. Unset, they cost nothing.
"""

from __future__ import annotations

import os
import signal

STAGES = (
    "feed-stored",  # after the first feed's transaction committed
    "mid-extract",  # inside the mentions transaction, before COMMIT
    "mid-merge",  # inside the events transaction, before COMMIT
    "before-publish",  # briefing rendered, copy not yet published
    "after-send",  # the SMTP server accepted the briefing, the run has not recorded it
)


def checkpoint(stage: str) -> None:
    """Die here, as a power cut would, when the environment asks for it."""
    if os.environ.get("PLEDGEWATCH_KILL_AT") == stage:
        os.kill(os.getpid(), signal.SIGKILL)
