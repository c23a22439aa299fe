"""Fault 2: `pledgewatch query` reached the machine (files, other databases, the network)
and could switch its own guard off. Each escape is tried through the real command."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from flows import storage
from flows.exit_codes import ExitCode

SCRIPT = str(Path(sys.executable).with_name("pledgewatch"))


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> dict[str, Path]:
    """A live database and its published copy (the schema and one run row)."""
    folder = tmp_path_factory.mktemp("query")
    live = folder / "pledgewatch.duckdb"
    with storage.open_db(live) as con:
        con.execute(
            "INSERT INTO runs (run_id, kind, started_at, status) "
            "VALUES ('r1', 'weekly', now(), 'ok')"
        )
    copy = folder / "published" / "pledgewatch.duckdb"
    copy.parent.mkdir()
    shutil.copyfile(live, copy)
    return {"live": live, "copy": copy, "folder": folder}


def query(published: dict[str, Path], sql: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [SCRIPT, "query", sql, "--db", str(published["copy"]), "--format", "csv"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=published["folder"],
        env={**os.environ, "PLEDGEWATCH_HOME": str(published["folder"])},
    )


def test_a_query_reads_the_published_tables(published):
    done = query(published, "SELECT run_id, kind FROM runs")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["run_id,kind", "r1,weekly"]


ESCAPES = {
    "copy-to-a-file": "COPY (SELECT 1) TO 'escape.csv'",
    "read-a-file": "SELECT * FROM read_csv('/etc/passwd')",
    "read-text": "SELECT content FROM read_text('/etc/hostname')",
    "list-files": "SELECT * FROM glob('/etc/*')",
    "attach-the-live-database": "ATTACH '{live}' AS live",
    "install-an-extension": "INSTALL httpfs",
    "load-an-extension": "LOAD httpfs",
    "undo-the-guard": "SET enable_external_access = true",
    "unlock-the-configuration": "SET lock_configuration = false",
    "undo-then-read": "SET enable_external_access = true; SELECT * FROM read_csv('/etc/passwd')",
    "export-the-database": "EXPORT DATABASE 'exported'",
}


@pytest.mark.parametrize("escape", ESCAPES)
def test_every_escape_is_refused(published, escape):
    sql = ESCAPES[escape].format(live=published["live"])
    done = query(published, sql)
    assert done.returncode == ExitCode.COULD_NOT_RUN, done.stdout + done.stderr
    assert done.stderr.startswith("query failed:") and len(done.stderr.splitlines()) == 1
    assert "root:" not in done.stdout
    assert not (published["folder"] / "escape.csv").exists()
    assert not (published["folder"] / "exported").exists()


def test_a_refused_attach_leaves_the_live_database_free(published):
    query(published, f"ATTACH '{published['live']}' AS live")
    with duckdb.connect(str(published["live"])) as con:  # the writer can open it at once
        assert con.execute("SELECT count(*) FROM runs").fetchone()[0] == 1


def test_a_query_failing_while_it_runs_is_one_line_too(published):
    done = query(published, "SELECT CAST(kind AS INTEGER) FROM runs")
    assert done.returncode == ExitCode.COULD_NOT_RUN
    assert done.stderr.startswith("query failed: Conversion Error")
    assert len(done.stderr.splitlines()) == 1
