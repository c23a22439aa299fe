"""Faults as operators meet them: a run killed mid-way, two writers, backfill re-runs.

Real processes (`pledgewatch run`) against a real Prefect server and the corpus served on
127.0.0.1; kills are SIGKILL at named stages (flows/faults.py).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from flows.corpus_server import serve_corpus, write_feeds_file
from flows.faults import STAGES

pytestmark = pytest.mark.slow
SCRIPT = str(Path(sys.executable).with_name("pledgewatch"))
WEEK = "2026-W46"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Iterator[Path]:
    with serve_corpus() as server:
        yield write_feeds_file(server, tmp_path_factory.mktemp("corpus") / "feeds.toml")


def pledgewatch(env: dict, home: Path, feeds: Path, *args: str, **extra: str):
    return subprocess.run(
        [SCRIPT, *args],
        env={**env, "PLEDGEWATCH_HOME": str(home), "PLEDGEWATCH_FEEDS": str(feeds), **extra},
        capture_output=True,
        text=True,
        timeout=600,
    )


def snapshot(db: Path) -> dict[str, list[tuple]]:
    """The data a run produces, minus run ids and clock times."""
    queries = {
        "articles": "SELECT article_id, text_hash, extractor_version FROM articles",
        "pledge_mentions": "SELECT mention_id, event_id FROM pledge_mentions",
        "agreement_mentions": "SELECT mention_id, event_id FROM agreement_mentions",
        "pledges": "SELECT event_id, donor, amount, amount_eur, week, mention_count FROM pledges",
        "agreements": "SELECT event_id, kind, parties, week, mention_count FROM agreements",
        "feeds": "SELECT feed_id, etag FROM feeds",
    }
    with duckdb.connect(str(db), read_only=True) as con:
        return {name: sorted(con.execute(sql).fetchall()) for name, sql in queries.items()}


def consistent(db: Path) -> None:
    """No half-written batch: every mention has its article, offsets point at the evidence."""
    with duckdb.connect(str(db), read_only=True) as con:
        orphans = con.execute(
            "SELECT count(*) FROM pledge_mentions WHERE article_id NOT IN "
            "(SELECT article_id FROM articles)"
        ).fetchone()[0]
        assert orphans == 0
        bad = con.execute(
            "SELECT count(*) FROM pledge_mentions m JOIN articles a USING (article_id) "
            "WHERE substring(a.text, m.evidence_start + 1, m.evidence_end - m.evidence_start) "
            "<> m.evidence"
        ).fetchone()[0]
        assert bad == 0
        unextracted_with_mentions = con.execute(
            "SELECT count(*) FROM articles a WHERE extractor_version IS NULL AND EXISTS "
            "(SELECT 1 FROM pledge_mentions m WHERE m.article_id = a.article_id)"
        ).fetchone()[0]
        assert unextracted_with_mentions == 0


@pytest.fixture(scope="module")
def clean_run(prefect_server, corpus, tmp_path_factory) -> Path:
    home = tmp_path_factory.mktemp("clean")
    done = pledgewatch(prefect_server, home, corpus, "run", "--week", WEEK)
    assert done.returncode == 0, done.stdout + done.stderr
    return home


@pytest.mark.parametrize("stage", [s for s in STAGES if s != "after-send"])  # needs SMTP: own test
def test_a_run_killed_at_any_stage_is_completed_by_the_next(
    prefect_server, corpus, clean_run, tmp_path, stage
):
    home = tmp_path / "home"
    killed = pledgewatch(
        prefect_server, home, corpus, "run", "--week", WEEK, PLEDGEWATCH_KILL_AT=stage
    )
    assert killed.returncode == -9, killed.stdout + killed.stderr
    db = home / "pledgewatch.duckdb"
    consistent(db)
    with duckdb.connect(str(db), read_only=True) as con:
        status = con.execute("SELECT status, finished_at FROM runs").fetchall()
    assert status == [("running", None)]  # shown as interrupted by `pledgewatch status`

    again = pledgewatch(prefect_server, home, corpus, "run", "--week", WEEK)
    assert again.returncode == 0, again.stdout + again.stderr
    consistent(db)
    assert snapshot(db) == snapshot(clean_run / "pledgewatch.duckdb")
    assert (home / "published" / "pledgewatch.duckdb").exists()
    status = subprocess.run(
        [SCRIPT, "status"],
        env={**prefect_server, "PLEDGEWATCH_HOME": str(home)},
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
    assert "interrupted" in status


def test_a_second_writer_waits_then_fails_naming_the_holder(
    prefect_server, corpus, clean_run, tmp_path
):
    db = clean_run / "pledgewatch.duckdb"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb, time; c = duckdb.connect({str(db)!r}); print('held', flush=True); "
            "time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        blocked = pledgewatch(
            prefect_server,
            clean_run,
            corpus,
            "run",
            "--week",
            WEEK,
            "--no-fetch",
            PLEDGEWATCH_LOCK_WAIT="3",
        )
    finally:
        holder.kill()
        holder.wait()
    assert blocked.returncode != 0
    assert f"PID {holder.pid}" in blocked.stderr + blocked.stdout
    assert "locked" in blocked.stderr + blocked.stdout
    before = snapshot(db)
    released = pledgewatch(prefect_server, clean_run, corpus, "run", "--week", WEEK, "--no-fetch")
    assert released.returncode == 0, released.stderr
    assert snapshot(db) == before  # nothing duplicated by the failed attempt or the re-run


def pdf_text_without_run_details(pdf: Path) -> str:
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    text = re.sub(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "RUN", text)
    return re.sub(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}( UTC)?", "TIME", text)


def test_backfill_rebuilds_a_past_week_identically_without_fetching(
    prefect_server, clean_run, tmp_path
):
    pdf = clean_run / "briefings" / f"pledgewatch-{WEEK}.pdf"
    first = pdf_text_without_run_details(pdf)
    dead_feeds = tmp_path / "feeds.toml"
    dead_feeds.write_text('[[feeds]]\nname = "Dead"\nurl = "http://127.0.0.1:9/rss"\n')
    again = pledgewatch(prefect_server, clean_run, dead_feeds, "run", "--week", WEEK, "--no-fetch")
    assert again.returncode == 0, again.stderr
    assert pdf_text_without_run_details(pdf) == first
    older = pledgewatch(
        prefect_server, clean_run, dead_feeds, "run", "--week", "2026-W43", "--no-fetch"
    )
    assert older.returncode == 0, older.stderr
    assert "2026-W43" in pdf_text_without_run_details(
        clean_run / "briefings" / "pledgewatch-2026-W43.pdf"
    )
    assert os.path.exists(clean_run / "published" / "pledgewatch.duckdb")


def test_an_analyst_holding_the_published_copy_does_not_block_a_run(
    prefect_server, clean_run, tmp_path
):
    published = clean_run / "published" / "pledgewatch.duckdb"
    reader = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys, time\n"
            f"c = duckdb.connect({str(published)!r}, read_only=True)\n"
            "before = c.execute('SELECT count(*) FROM runs').fetchone()[0]\n"
            "print(before, flush=True)\n"
            "sys.stdin.readline()\n"
            "print(c.execute('SELECT count(*) FROM runs').fetchone()[0], flush=True)\n",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        runs_before = int(reader.stdout.readline())
        done = pledgewatch(
            prefect_server, clean_run, tmp_path / "unused.toml", "run", "--week", WEEK, "--no-fetch"
        )
        assert done.returncode == 0, done.stdout + done.stderr
        reader.stdin.write("\n")
        reader.stdin.flush()
        assert int(reader.stdout.readline()) == runs_before  # the analyst's view is stable
    finally:
        reader.kill()
        reader.wait()
    with duckdb.connect(str(published), read_only=True) as con:  # the new copy has the run
        assert con.execute("SELECT count(*) FROM runs").fetchone()[0] > runs_before
