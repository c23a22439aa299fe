"""The `pledgewatch` console script as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from flows.corpus_server import DEMO_DIR

SCRIPT = str(Path(sys.executable).with_name("pledgewatch"))


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [SCRIPT, *args],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **(env or {})},
    )


def test_extract_prints_scorer_records_for_every_article():
    done = run("extract", str(DEMO_DIR / "articles.jsonl"))
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(records) == 46
    assert all({"id", "pledges", "agreements"} <= set(r) for r in records)
    pledges = [p for r in records for p in r["pledges"]]
    assert any(p["donor"] == "Germany" and p["amount"] == 2_500_000_000 for p in pledges)
    assert all({"donor", "amount", "currency", "evidence"} <= set(p) for p in pledges)


def test_extract_skips_bad_lines_with_a_message(tmp_path):
    bad = tmp_path / "a.jsonl"
    bad.write_text(
        '{"id": "x", "text": "Belgium will provide €10 million to Ukraine."}\nnot json\n'
    )
    done = run("extract", str(bad))
    assert done.returncode == 0
    assert len(done.stdout.splitlines()) == 1
    assert "a.jsonl:2: skipped" in done.stderr


def test_a_closed_pipe_ends_quietly_without_a_traceback(tmp_path):
    many = tmp_path / "many.jsonl"
    many.write_text((DEMO_DIR / "articles.jsonl").read_text(encoding="utf-8") * 10)
    done = subprocess.run(
        ["bash", "-c", f'set -o pipefail; "{SCRIPT}" extract "{many}" | head -n 1'],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert len(done.stdout.splitlines()) == 1
    assert "Traceback" not in done.stderr and "BrokenPipeError" not in done.stderr, done.stderr
    assert done.returncode == 141  # 128 + SIGPIPE, as a shell reports a writer whose pipe closed


def test_eval_scores_the_dev_set(shared_dir):
    done = run("eval")
    assert done.returncode == 0, done.stderr
    assert "pledges" in done.stdout and "F1" in done.stdout


@pytest.mark.slow
def test_query_and_status_use_the_published_copy(demo):
    env = {"PLEDGEWATCH_PUBLISHED_DB": demo["published_db"], "PLEDGEWATCH_DB": demo["database"]}
    done = run(
        "query", "SELECT donor, total_eur FROM donor_totals LIMIT 3", "--format", "json", env=env
    )
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(rows) == 3 and rows[0]["donor"]
    bad = run("query", "SELECT * FROM no_such_table", env=env)
    assert bad.returncode == 2 and "no_such_table" in bad.stderr  # could not run
    status = run("status", env=env)
    assert status.returncode == 0, status.stdout + status.stderr
    assert "weekly" in status.stdout and "Kyiv Defence Monitor" in status.stdout


def test_unknown_week_is_a_clear_error():
    done = run("report", "--week", "2026-46")
    assert done.returncode != 0
    assert "ISO week" in done.stderr


@pytest.mark.slow
def test_report_renders_without_prefect(demo, tmp_path):
    """`report` runs the weekly body directly: a briefing and a run row, and Prefect is never
    imported (so no temporary API server either)."""
    probe = (
        "import sys; from flows.cli import main; code = main(sys.argv[1:]); "
        "assert 'prefect' not in sys.modules, 'prefect imported'; sys.exit(code)"
    )
    db = tmp_path / "copy.duckdb"
    db.write_bytes(Path(demo["database"]).read_bytes())
    done = subprocess.run(
        [sys.executable, "-c", probe, "report", "--week", demo["week"], "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PLEDGEWATCH_HOME": str(tmp_path)},
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "briefings" / f"pledgewatch-{demo['week']}.pdf").stat().st_size > 10_000
    assert "status: ok" in done.stdout
