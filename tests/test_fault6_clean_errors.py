"""Fault 6: user errors printed Prefect tracebacks before the one useful line, and a failed
delivery ended with ~40 lines of `nanobind: leaked …` noise."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from flows.exit_codes import ExitCode

SCRIPT = str(Path(sys.executable).with_name("pledgewatch"))


def pledgewatch(home: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [SCRIPT, *args],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PLEDGEWATCH_HOME": str(home), **env},
    )


USER_ERRORS = {
    # name: (arguments, environment, what the one line says)
    "missing-feeds-file": (["ingest", "--feeds", "{tmp}/none.toml"], {}, "feeds file not found"),
    "invalid-feeds-file": (["run", "--feeds", "{tmp}/bad.toml"], {}, "not valid TOML"),
    "feed-without-url": (["ingest", "--feeds", "{tmp}/nourl.toml"], {}, "needs a name and a url"),
    "bad-smtp-port": (
        ["report", "--week", "2026-W46"],
        {"PLEDGEWATCH_SMTP_PORT": "five"},
        "PLEDGEWATCH_SMTP_PORT: 'five' is not a number",
    ),
    "bad-allow-list": (
        ["ingest", "--feeds", "{tmp}/good.toml"],
        {"PLEDGEWATCH_FETCH_ALLOW": "localhost"},
        "PLEDGEWATCH_FETCH_ALLOW: 'localhost' is not an IP address",
    ),
    "bad-lock-wait": (
        ["report", "--week", "2026-W46"],
        {"PLEDGEWATCH_LOCK_WAIT": "soon"},
        "PLEDGEWATCH_LOCK_WAIT",
    ),
}


@pytest.fixture
def files(tmp_path: Path) -> Path:
    (tmp_path / "bad.toml").write_text("[[feeds]\nname =")
    (tmp_path / "nourl.toml").write_text('[[feeds]]\nname = "No URL"\n')
    (tmp_path / "good.toml").write_text('[[feeds]]\nname = "A"\nurl = "http://127.0.0.1:9/"\n')
    return tmp_path


@pytest.mark.parametrize("case", USER_ERRORS)
def test_a_user_error_is_one_line_and_exit_2(files, case):
    args, env, says = USER_ERRORS[case]
    done = pledgewatch(files / "home", *[a.format(tmp=files) for a in args], **env)
    assert done.returncode == ExitCode.COULD_NOT_RUN, done.stderr
    assert done.stderr.splitlines() == [done.stderr.strip()], done.stderr
    assert done.stderr.startswith("pledgewatch: ") and says in done.stderr
    assert done.stdout == ""


def test_debug_shows_the_traceback(files):
    done = pledgewatch(files / "home", "ingest", "--feeds", str(files / "none.toml"), "--debug")
    assert done.returncode == ExitCode.COULD_NOT_RUN
    assert "Traceback (most recent call last)" in done.stderr
    assert done.stderr.strip().endswith("feeds file not found: " + str(files / "none.toml"))


def test_a_locked_database_is_one_line_naming_the_holder(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb, time; c = duckdb.connect({str(home / 'pledgewatch.duckdb')!r}); "
            "print('held', flush=True); time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        done = pledgewatch(home, "report", "--week", "2026-W46", PLEDGEWATCH_LOCK_WAIT="1")
    finally:
        holder.kill()
        holder.wait()
    assert done.returncode == ExitCode.COULD_NOT_RUN
    assert done.stderr.splitlines() == [done.stderr.strip()]
    assert f"PID {holder.pid}" in done.stderr and "locked" in done.stderr


@pytest.mark.slow
def test_a_failed_delivery_ends_without_tracebacks_or_native_noise(tmp_path):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed = sock.getsockname()[1]
    done = pledgewatch(
        tmp_path / "home",
        "report",
        "--week",
        "2026-W46",
        PLEDGEWATCH_SMTP_HOST="127.0.0.1",
        PLEDGEWATCH_SMTP_PORT=str(closed),
        PLEDGEWATCH_SMTP_SECURITY="none",
        PLEDGEWATCH_SMTP_TO="desk@example.org",
        PLEDGEWATCH_SMTP_RETRY_DELAYS="0.1",
    )
    assert done.returncode == ExitCode.FAILURES, done.stderr  # fault 3 too
    assert "Traceback" not in done.stderr
    assert "nanobind" not in done.stderr and "leaked" not in done.stderr
    assert "pledgewatch: finished with failures: the briefing could not be delivered" in done.stderr
    assert len(done.stderr.splitlines()) <= 6, done.stderr


@pytest.mark.slow
def test_a_crash_shows_its_traceback_once_and_exits_3_without_native_noise(tmp_path):
    (tmp_path / "not-a-folder").write_text("")
    done = pledgewatch(
        tmp_path / "home",
        "report",
        "--week",
        "2026-W46",
        PLEDGEWATCH_OUTPUT=str(tmp_path / "not-a-folder" / "briefings"),
    )
    assert done.returncode == ExitCode.CRASHED
    assert "NotADirectoryError" in done.stderr and "Traceback" in done.stderr
    assert done.stderr.strip().endswith("pledgewatch: crashed (see above)")
    assert "nanobind" not in done.stderr
