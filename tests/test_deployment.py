"""End to end as operators run it: a real Prefect server, a process work pool, `prefect deploy`
from prefect.yaml, a worker, a triggered weekly-briefing against local feed and SMTP servers.

Also checks that the scheduler created the upcoming Monday runs at the right UTC times, which
catches a dependency bump that silently breaks scheduling (see shared STACK.md).
"""

from __future__ import annotations

import email
import email.policy
import os
import re
import signal
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import duckdb
import httpx
import pytest

from flows.corpus_server import serve_corpus, write_feeds_file
from flows.settings import REPO_ROOT
from tests.conftest import wait_for

pytestmark = pytest.mark.slow
PREFECT = str(Path(sys.executable).with_name("prefect"))


def upcoming_mondays_utc(count: int) -> list[datetime]:
    """The next Mondays 06:00 Europe/Kyiv, in UTC (04:00Z in winter, 03:00Z in summer)."""
    kyiv = ZoneInfo("Europe/Kyiv")
    now = datetime.now(kyiv)
    day = now.date()
    found = []
    while len(found) < count:
        if day.isoweekday() == 1:
            start = datetime(day.year, day.month, day.day, 6, tzinfo=kyiv)
            if start > now:
                found.append(start.astimezone(UTC))
        day += timedelta(days=1)
    return found


def prefect_cli(env: dict, *args: str, timeout: float = 180) -> str:
    done = subprocess.run(
        [PREFECT, *args], env=env, cwd=REPO_ROOT, capture_output=True, text=True, timeout=timeout
    )
    assert done.returncode == 0, f"prefect {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def test_weekly_briefing_deployment_runs_end_to_end(prefect_server, tmp_path, smtp_server):
    env = dict(prefect_server)
    api = env["PREFECT_API_URL"]
    prefect_cli(env, "work-pool", "create", "pledgewatch", "--type", "process")
    prefect_cli(env, "--no-prompt", "deploy", "--all")

    deployment = httpx.get(f"{api}/deployments/name/weekly-briefing/weekly-briefing").json()
    schedule = deployment["schedules"][0]
    assert schedule["schedule"]["cron"] == "0 6 * * 1"
    assert schedule["schedule"]["timezone"] == "Europe/Kyiv"
    assert schedule["active"] is True
    assert deployment["global_concurrency_limit"]["limit"] == 1  # runs never overlap

    def scheduled() -> list[datetime]:
        runs = httpx.post(
            f"{api}/flow_runs/filter",
            json={
                "deployments": {"id": {"any_": [deployment["id"]]}},
                "flow_runs": {"state": {"type": {"any_": ["SCHEDULED"]}}},
                "sort": "EXPECTED_START_TIME_ASC",
                "limit": 3,
            },
        ).json()
        return [datetime.fromisoformat(r["expected_start_time"]) for r in runs]

    starts = wait_for(lambda: len(scheduled()) >= 3 and scheduled(), 90, "scheduled runs")
    assert starts == upcoming_mondays_utc(3)

    home = tmp_path / "home"
    with serve_corpus() as corpus:
        feeds = write_feeds_file(corpus, tmp_path / "feeds.toml")
        worker_env = {
            **env,
            "PLEDGEWATCH_HOME": str(home),
            "PLEDGEWATCH_FEEDS": str(feeds),
            "PLEDGEWATCH_SMTP_HOST": "127.0.0.1",
            "PLEDGEWATCH_SMTP_PORT": str(smtp_server.port),
            "PLEDGEWATCH_SMTP_SECURITY": "none",
            "PLEDGEWATCH_SMTP_TO": "desk@example.org",
        }
        worker_log = (tmp_path / "worker.log").open("w")
        worker = subprocess.Popen(
            [PREFECT, "worker", "start", "--pool", "pledgewatch"],
            env=worker_env,
            cwd=tmp_path,
            stdout=worker_log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            out = prefect_cli(
                env,
                "deployment",
                "run",
                "weekly-briefing/weekly-briefing",
                "--param",
                "week=2026-W46",
            )
            run_id = re.search(r"UUID:\s*([0-9a-f-]{36})", out).group(1)

            def finished() -> dict | None:
                run = httpx.get(f"{api}/flow_runs/{run_id}").json()
                return run if run["state"]["type"] in ("COMPLETED", "FAILED", "CRASHED") else None

            run = wait_for(finished, 600, "the weekly-briefing flow run", interval=2)
        finally:
            os.killpg(worker.pid, signal.SIGINT)
            try:
                worker.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(worker.pid, signal.SIGKILL)
            worker_log.close()
    assert run["state"]["type"] == "COMPLETED", (tmp_path / "worker.log").read_text()[-5000:]
    artifacts = httpx.post(
        f"{api}/artifacts/filter", json={"artifacts": {"flow_run_id": {"any_": [run_id]}}}
    ).json()
    by_key = {a["key"]: a for a in artifacts}
    assert {
        "pledgewatch-weekly-summary",
        "pledgewatch-weekly-new-pledges",
        "pledgewatch-weekly-briefing",
        "pledgewatch-feed-health",
    } <= set(by_key), artifacts
    health = by_key["pledgewatch-feed-health"]["data"]
    assert "Kyiv Defence Monitor" in health and "entries" in health
    assert "pledgewatch-2026-W46.pdf" in by_key["pledgewatch-weekly-briefing"]["data"]
    summary = by_key["pledgewatch-weekly-summary"]["data"]
    assert "feeds_ok | 4" in summary and "delivery | sent" in summary

    db = home / "pledgewatch.duckdb"
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] >= 40
        assert con.execute("SELECT count(*) FROM pledges").fetchone()[0] > 0
        status, delivery, flow_run = con.execute(
            "SELECT status, delivery_status, flow_run_id FROM runs WHERE kind = 'weekly'"
        ).fetchone()
    assert (status, delivery, flow_run) == ("ok", "sent", run_id)
    pdf = home / "briefings" / "pledgewatch-2026-W46.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    assert len(smtp_server.messages) == 1
    message = email.message_from_bytes(smtp_server.messages[0], policy=email.policy.default)
    assert "2026-W46" in message["Subject"]
    attachment = next(message.iter_attachments())
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_content() == pdf.read_bytes()
