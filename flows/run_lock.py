"""One run at a time per database: a lock file beside it naming the holder.

DuckDB's own file lock only guards a single connection, and a run opens and closes many; two
runs could interleave between them (and start two Prefect servers). The run lock spans the
whole run. It is an flock(2) on `<database>.run.lock`, so the kernel releases it when its
holder dies however it dies: a lock file whose holder is gone is stale and taken over (and
reported). The file holds the holder's PID, command and start time for the message a
waiting run prints. A process that holds the lock may take it again (the CLI takes it before
starting Prefect, then the flow takes it inside), so the lock is re-entrant per process.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import sys
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from flows.settings import env_number
from flows.storage import DEFAULT_LOCK_WAIT
from flows.tasking import logger

_held: dict[Path, list[int]] = {}  # lock path -> [fd, depth] for locks this process holds
_guard = threading.Lock()


class RunLockHeld(RuntimeError):
    """Another run holds the lock; raised after the bounded wait, naming the holder."""


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".run.lock")


def _describe(info: dict) -> str:
    if not info:
        return "another process"
    return f"PID {info.get('pid')} (`{info.get('command')}`, started {info.get('started_at')})"


def _read(fd: int) -> dict:
    os.lseek(fd, 0, os.SEEK_SET)
    raw = os.read(fd, 4096)
    try:
        return json.loads(raw) if raw.strip() else {}
    except ValueError:
        return {}


def _write(fd: int, info: dict) -> None:
    os.ftruncate(fd, 0)
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, json.dumps(info).encode())
    os.fsync(fd)


def _wait_seconds(wait_seconds: float | None) -> float:
    if wait_seconds is not None:
        return wait_seconds
    return env_number("PLEDGEWATCH_LOCK_WAIT", str(DEFAULT_LOCK_WAIT))


@contextlib.contextmanager
def run_lock(db_path: Path, *, wait_seconds: float | None = None) -> Iterator[dict | None]:
    """Hold the run lock of `db_path` for the block; yield the stale holder found, if any.

    Waits up to `wait_seconds` (default PLEDGEWATCH_LOCK_WAIT) for another run to finish,
    then raises RunLockHeld with a one-line message naming it.
    """
    path = lock_path(Path(db_path))
    with _guard:
        if path in _held:
            _held[path][1] += 1
            entered = True
        else:
            entered = False
    if entered:
        try:
            yield None
        finally:
            with _guard:
                _held[path][1] -= 1
        return
    stale = _acquire(path, _wait_seconds(wait_seconds))
    try:
        yield stale
    finally:
        with _guard:
            fd, _ = _held.pop(path)
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)  # an empty file: free, nobody to name
        os.close(fd)  # closing releases the flock


def _acquire(path: Path, wait: float) -> dict | None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    deadline, delay = time.monotonic() + wait, 0.05
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            break
        except BlockingIOError:
            if time.monotonic() >= deadline:
                holder = _read(fd)
                os.close(fd)
                raise RunLockHeld(
                    f"another run holds {path.name}: {_describe(holder)}; waited {wait:.0f} s "
                    "(PLEDGEWATCH_LOCK_WAIT)"
                ) from None
            time.sleep(min(delay, max(0.0, deadline - time.monotonic())))
            delay = min(delay * 2, 1.0)
    stale = _read(fd) or None  # a holder named in an unlocked file died without releasing
    if stale:
        logger().warning(
            "run lock %s was stale: %s ended without releasing it", path, _describe(stale)
        )
    _write(
        fd,
        {
            "pid": os.getpid(),
            "command": " ".join([Path(sys.argv[0]).name, *sys.argv[1:]])[:200],
            "started_at": datetime.now(UTC).isoformat(timespec="seconds"),
        },
    )
    with _guard:
        _held[path] = [fd, 1]
    return stale


def holder(db_path: Path) -> dict | None:
    """Who is running on `db_path` now (PID, command, start), or None when no run is."""
    path = lock_path(Path(db_path))
    if path in _held:
        return {"pid": os.getpid()}
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return _read(fd) or {"pid": None}
    else:
        return None
    finally:
        os.close(fd)
