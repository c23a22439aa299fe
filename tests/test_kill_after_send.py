"""A run killed between the SMTP server's acceptance and the run's record of it: the next run
of that week must neither lose track of it nor mail the briefing a second time unasked."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from flows.exit_codes import ExitCode

pytestmark = pytest.mark.slow
SCRIPT = str(Path(sys.executable).with_name("pledgewatch"))


def test_a_kill_after_the_send_holds_the_next_send_until_a_person_resends(
    demo, prefect_server, smtp_server, tmp_path
):
    db = tmp_path / "pw.duckdb"
    shutil.copyfile(demo["database"], db)
    env = {  # a real Prefect server: a SIGKILLed one-off run would orphan its temporary one
        **prefect_server,
        "PLEDGEWATCH_HOME": str(tmp_path / "home"),
        "PLEDGEWATCH_SMTP_HOST": "127.0.0.1",
        "PLEDGEWATCH_SMTP_PORT": str(smtp_server.port),
        "PLEDGEWATCH_SMTP_SECURITY": "none",
        "PLEDGEWATCH_SMTP_TO": "desk@example.org",
    }

    def pledgewatch(*args: str, **extra: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [SCRIPT, *args, "--db", str(db)],
            env={**env, **extra},
            capture_output=True,
            text=True,
            timeout=300,
        )

    killed = pledgewatch("report", "--week", "2026-W46", PLEDGEWATCH_KILL_AT="after-send")
    assert killed.returncode == -9, killed.stderr
    assert len(smtp_server.messages) == 1  # it arrived; the run died before recording it
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute(
            "SELECT delivery_status, finished_at FROM runs ORDER BY started_at DESC LIMIT 1"
        ).fetchone() == ("sending", None)

    again = pledgewatch("report", "--week", "2026-W46")
    assert again.returncode == ExitCode.FAILURES, again.stderr
    assert "may have arrived: not sent again" in again.stderr
    assert len(smtp_server.messages) == 1  # not mailed twice unasked

    resent = pledgewatch("deliver", "--week", "2026-W46")
    assert resent.returncode == ExitCode.OK, resent.stderr
    assert len(smtp_server.messages) == 2  # a person decided to resend
    with duckdb.connect(str(db), read_only=True) as con:
        statuses = con.execute(
            "SELECT kind, status, delivery_status FROM runs WHERE week = '2026-W46' "
            "AND started_at > now() - INTERVAL 1 HOUR ORDER BY started_at"
        ).fetchall()
    assert statuses[-3:] == [
        ("weekly", "running", "sending"),
        ("weekly", "failed", "held"),
        ("deliver", "ok", "sent"),
    ]
