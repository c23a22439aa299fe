"""Fault 4: two runs at once both went ahead, and two CLI processes raced on one Prefect
database (`table deployment_schedule already exists`)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from flows.exit_codes import ExitCode
from flows.run_lock import RunLockHeld, holder, lock_path, run_lock

SCRIPT = str(Path(sys.executable).with_name("pledgewatch"))


def hold(db: Path, seconds: float) -> subprocess.Popen:
    """Another process holding the run lock of `db` for `seconds`."""
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\nfrom pathlib import Path\nfrom flows.run_lock import run_lock\n"
            f"with run_lock(Path({str(db)!r})):\n"
            "    print('held', flush=True)\n"
            f"    time.sleep({seconds})\n",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout.readline().strip() == "held"
    return child


def test_a_second_run_waits_then_fails_naming_the_holder(tmp_path):
    db = tmp_path / "pw.duckdb"
    child = hold(db, 30)
    try:
        started = time.monotonic()
        with pytest.raises(RunLockHeld) as raised, run_lock(db, wait_seconds=1):
            pass
        assert time.monotonic() - started >= 1
        assert f"PID {child.pid}" in str(raised.value) and "started" in str(raised.value)
        assert holder(db)["pid"] == child.pid
    finally:
        child.kill()
        child.wait()


def test_a_waiting_run_goes_ahead_when_the_holder_finishes(tmp_path):
    db = tmp_path / "pw.duckdb"
    child = hold(db, 1.5)
    with run_lock(db, wait_seconds=60) as stale:
        assert stale is None  # released properly: nothing stale
        assert holder(db)["pid"] == os.getpid()
    child.wait()
    assert holder(db) is None


def test_a_killed_holders_lock_is_stale_and_taken_over(tmp_path):
    db = tmp_path / "pw.duckdb"
    child = hold(db, 60)
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert json.loads(lock_path(db).read_text())["pid"] == child.pid  # the file still names it
    assert holder(db) is None  # but nobody holds it
    with run_lock(db, wait_seconds=0) as stale:
        assert stale["pid"] == child.pid
    assert lock_path(db).read_text() == ""  # released: free, nobody named


def test_the_lock_is_re_entrant_within_a_process(tmp_path):
    db = tmp_path / "pw.duckdb"
    with run_lock(db, wait_seconds=0), run_lock(db, wait_seconds=0):
        assert holder(db)["pid"] == os.getpid()
    assert holder(db) is None


def test_the_cli_exits_could_not_run_with_one_line_before_starting_prefect(tmp_path):
    home = tmp_path / "home"
    child = hold(home / "pledgewatch.duckdb", 60)
    try:
        done = subprocess.run(
            [SCRIPT, "report", "--week", "2026-W46"],
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, "PLEDGEWATCH_HOME": str(home), "PLEDGEWATCH_LOCK_WAIT": "1"},
        )
    finally:
        child.kill()
        child.wait()
    assert done.returncode == ExitCode.COULD_NOT_RUN
    assert done.stderr.splitlines() == [done.stderr.strip()]  # one line
    assert f"PID {child.pid}" in done.stderr and "another run holds" in done.stderr


@pytest.mark.slow
def test_two_cli_runs_at_once_do_not_share_prefect_state(tmp_path):
    """Two one-off runs (no PREFECT_API_URL) on one fresh PREFECT_HOME, started together."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API")}
    env["PREFECT_HOME"] = str(tmp_path / "prefect-home")
    runs = [
        subprocess.Popen(
            [SCRIPT, "report", "--week", "2026-W46"],
            env={**env, "PLEDGEWATCH_HOME": str(tmp_path / f"home{n}")},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(2)
    ]
    outputs = [run.communicate(timeout=300) for run in runs]
    for run, (out, err) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, out + err
        assert "already exists" not in err
    # Each process had a database of its own (removed at exit), never the shared one.
    assert not (tmp_path / "prefect-home" / "prefect.db").exists()


def test_prefect_state_of_a_killed_process_is_removed_by_the_next(tmp_path, monkeypatch):
    import tempfile

    from flows import preflight

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    mine = tmp_path / f"pledgewatch-prefect-{os.getpid()}-abc"
    gone = tmp_path / f"pledgewatch-prefect-{dead.pid}-def"
    for folder in (mine, gone):
        folder.mkdir()
        (folder / "prefect.db").write_bytes(b"")
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    monkeypatch.delenv("PREFECT_SERVER_DATABASE_CONNECTION_URL", raising=False)
    monkeypatch.delenv("PREFECT_API_DATABASE_CONNECTION_URL", raising=False)
    preflight.prefect_state_per_process()
    assert mine.exists() and not gone.exists()
    url = os.environ["PREFECT_SERVER_DATABASE_CONNECTION_URL"]
    assert url.startswith(f"sqlite+aiosqlite:///{tmp_path}/pledgewatch-prefect-{os.getpid()}-")
