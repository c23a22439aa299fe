"""Fault 3: a run where every feed failed, a run whose email was not delivered, and
`status` after an interrupted run all exited 0."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from flows import storage
from flows.exit_codes import EXIT_FOR_STATUS, FAILURE_RULES, ExitCode, failures
from flows.run_lock import run_lock
from flows.status import print_status
from flows.storage import Store

SCRIPT = str(Path(sys.executable).with_name("pledgewatch"))


@pytest.mark.parametrize(
    ("counts", "extra", "expected"),
    [
        ({"feeds_failed": 3}, {}, ["every feed failed: nothing new could be read"]),
        ({"feeds_failed": 2, "feeds_ok": 1}, {}, []),  # partial: counted, shown, exit 0
        ({"feeds_failed": 2, "feeds_not_modified": 1}, {}, []),
        ({}, {}, []),  # a backfill fetches nothing
        ({"feeds_ok": 4}, {"delivery_status": "failed"}, ["the briefing could not be delivered"]),
        ({"feeds_ok": 4}, {"delivery_status": "outbox"}, []),
    ],
)
def test_failure_rules(counts, extra, expected):
    assert failures(counts, extra) == expected


def test_every_rule_has_an_example_and_a_reason():
    assert len({r.name for r in FAILURE_RULES}) == len(FAILURE_RULES)
    assert all(r.example and r.reason for r in FAILURE_RULES)
    assert EXIT_FOR_STATUS == {"ok": 0, "partial": 0, "failed": 1}


def db_with_runs(path: Path, *rows: str) -> Path:
    with storage.open_db(path) as con:
        for row in rows:
            con.execute(
                "INSERT INTO runs (run_id, kind, started_at, finished_at, status) VALUES " + row
            )
    return path


def test_status_is_non_zero_when_the_last_run_was_interrupted(tmp_path, capsys):
    db = db_with_runs(
        tmp_path / "s.duckdb",
        "('r1', 'weekly', now() - INTERVAL 2 HOUR, now() - INTERVAL 1 HOUR, 'ok')",
        "('r2', 'ingest', now(), NULL, 'running')",
    )
    assert print_status(Store(db)) == ExitCode.FAILURES
    assert "the last run is interrupted" in capsys.readouterr().out


def test_status_is_zero_while_the_last_run_is_still_running(tmp_path, capsys):
    db = db_with_runs(tmp_path / "s.duckdb", "('r2', 'ingest', now(), NULL, 'running')")
    with run_lock(db):
        assert print_status(Store(db)) == ExitCode.OK
    assert f"running now (PID {os.getpid()})" in capsys.readouterr().out


def test_status_is_non_zero_when_the_last_run_failed(tmp_path):
    db = db_with_runs(
        tmp_path / "s.duckdb",
        "('r1', 'weekly', now() - INTERVAL 1 HOUR, NULL, 'running')",  # older: not flagged
        "('r2', 'weekly', now(), now(), 'failed')",
    )
    assert print_status(Store(db)) == ExitCode.FAILURES
    db = db_with_runs(tmp_path / "t.duckdb", "('r3', 'weekly', now(), now(), 'partial')")
    assert print_status(Store(db)) == ExitCode.OK


@pytest.mark.slow
def test_a_run_where_every_feed_failed_exits_1_and_is_recorded_failed(tmp_path):
    feeds = tmp_path / "feeds.toml"
    feeds.write_text(
        '[[feeds]]\nname = "Dead"\nurl = "http://127.0.0.1:9/rss"\n'
        '[[feeds]]\nname = "Gone"\nurl = "http://127.0.0.1:1/rss"\n'
    )
    home = tmp_path / "home"
    done = subprocess.run(
        [SCRIPT, "ingest", "--feeds", str(feeds)],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PLEDGEWATCH_HOME": str(home)},
    )
    assert done.returncode == ExitCode.FAILURES, done.stdout + done.stderr
    assert "pledgewatch: finished with failures: every feed failed" in done.stderr
    with duckdb.connect(str(home / "pledgewatch.duckdb"), read_only=True) as con:
        status, errors = con.execute("SELECT status, errors FROM runs").fetchone()
    assert status == "failed" and "every feed failed" in errors
