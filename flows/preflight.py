"""What the CLI checks before it starts Prefect, and the Prefect state each process gets.

A user error (bad settings, a missing feeds file, a locked database, another run in
progress) is found here, before Prefect's temporary server starts, so it costs a second and
prints one line instead of tracebacks from inside a flow run.
"""

from __future__ import annotations

import atexit
import logging
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from flows.exit_codes import EXIT_FOR_STATUS, ExitCode, flow_outcome
from flows.feeds_config import FeedsFileError, load_feeds
from flows.fetch_policy import allow_from_env
from flows.run_lock import RunLockHeld, run_lock
from flows.settings import Settings, SettingsError, load_settings
from flows.storage import DatabaseLockedError, Store

# Errors that mean "could not run" (exit 2): the message is the whole story, no traceback.
USER_ERRORS: tuple[type[Exception], ...] = (
    SettingsError,
    FeedsFileError,
    DatabaseLockedError,
    RunLockHeld,
    FileNotFoundError,
)
PREFECT_DB_SETTINGS = (
    "PREFECT_SERVER_DATABASE_CONNECTION_URL",
    "PREFECT_API_DATABASE_CONNECTION_URL",
)


PREFECT_STATE_PREFIX = "pledgewatch-prefect-"  # then the owner's PID


def _remove_state_of_dead_processes() -> None:
    """A SIGKILLed process cannot remove its Prefect folder at exit: the next one does."""
    for folder in Path(tempfile.gettempdir()).glob(f"{PREFECT_STATE_PREFIX}*-*"):
        pid = folder.name.removeprefix(PREFECT_STATE_PREFIX).split("-", 1)[0]
        if not pid.isdigit():
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            shutil.rmtree(folder, ignore_errors=True)
        except PermissionError:  # alive, another user's
            pass


def prefect_state_per_process() -> None:
    """Give this process a Prefect database of its own when it will start a temporary server.

    Without PREFECT_API_URL every CLI process starts Prefect's temporary server on the one
    database under PREFECT_HOME; two at once race on its migrations (`table
    deployment_schedule already exists`). A private SQLite file per process, removed at
    exit, cannot collide. Nothing is lost: a temporary server's history is never read
    (scheduled runs use a real server, PREFECT_API_URL, where this does nothing).
    """
    if os.environ.get("PREFECT_API_URL") or any(os.environ.get(v) for v in PREFECT_DB_SETTINGS):
        return
    _remove_state_of_dead_processes()
    folder = tempfile.mkdtemp(prefix=f"{PREFECT_STATE_PREFIX}{os.getpid()}-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    os.environ["PREFECT_SERVER_DATABASE_CONNECTION_URL"] = (
        f"sqlite+aiosqlite:///{folder}/prefect.db"
    )


@contextmanager
def exclusive(
    db_path: str | None = None, feeds_file: str | None = None, *, needs_feeds: bool = False
) -> Iterator[Settings]:
    """Validate settings (and the feeds file), then hold the run lock and check the database
    opens, all before Prefect starts; the flow re-enters the same lock."""
    settings = load_settings(db_path=db_path, feeds_file=feeds_file)
    allow_from_env()
    if needs_feeds:
        load_feeds(settings.feeds_file)
    with run_lock(settings.db_path):
        with Store.from_settings(settings).session():
            pass  # opening waits (bounded) for a session holding the file
        yield settings


class _NoTracebackForExpectedErrors(logging.Filter):
    """On the console, an expected failure (a user error, an SMTP refusal) is its message;
    the traceback is for --debug. Handlers of the flow and task run loggers (Prefect's API
    log) see the record first, with its traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        from reports.email import DeliveryError

        if record.exc_info and isinstance(record.exc_info[1], (*USER_ERRORS, DeliveryError)):
            record.exc_info = record.exc_text = None
        return True


def run_flow(
    flow: Callable[..., Any], *, debug: bool = False, **params: Any
) -> tuple[dict[str, Any], ExitCode]:
    """Run a flow and read its final state as (result, exit code)."""
    if not debug:
        for handler in logging.getLogger().handlers:
            if isinstance(handler, logging.StreamHandler) and not any(
                isinstance(f, _NoTracebackForExpectedErrors) for f in handler.filters
            ):
                handler.addFilter(_NoTracebackForExpectedErrors())
    result, code = flow_outcome(flow(**params, return_state=True))
    _say_failures(result, code)
    return result, code


def run_body(body: Callable[..., dict[str, Any]], *args: Any, **params: Any):
    """Run a flow's body as a plain call (no flow run, no Prefect import) and read its
    result as (result, exit code), as `run_flow` reads a flow's final state."""
    result = body(*args, **params)
    code = EXIT_FOR_STATUS.get(result.get("status", ""), ExitCode.FAILURES)
    _say_failures(result, code)
    return result, code


def _say_failures(result: dict[str, Any], code: ExitCode) -> None:
    if code == ExitCode.FAILURES:
        reasons = "; ".join(result.get("failures") or ["see the errors of the run"])
        print(f"pledgewatch: finished with failures: {reasons}", file=sys.stderr)
