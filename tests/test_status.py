"""`pledgewatch status`: recent runs, interrupted runs, and feeds failing run after run."""

from __future__ import annotations

from flows import storage
from flows.status import print_status
from flows.storage import Store


def test_status_flags_a_feed_failing_three_runs_in_a_row(tmp_path, capsys):
    db = tmp_path / "s.duckdb"
    with storage.open_db(db) as con:
        con.execute(
            "INSERT INTO runs (run_id, kind, started_at, finished_at, status, counts, errors) "
            "VALUES ('r1', 'ingest', now() - INTERVAL 1 HOUR, now(), 'partial', "
            '\'{"feeds_ok": 1, "feeds_failed": 1}\', '
            '\'[{"where": "https://dead.example/rss", "error": "HTTP 500"}]\'),'
            "('r2', 'weekly', now(), NULL, 'running', NULL, NULL)"
        )
        con.execute(
            "INSERT INTO feeds (feed_id, url, outlet, last_status, last_error, "
            "consecutive_failures) VALUES "
            "('a', 'https://ok.example/rss', 'Fine Outlet', 'ok', NULL, 0),"
            "('b', 'https://dead.example/rss', 'Dead Outlet', 'failed', 'HTTP 500', 3)"
        )
    assert print_status(Store(db)) == 1
    out = capsys.readouterr().out
    assert "interrupted" in out  # r2 never finished
    assert "feeds_failed=1" in out and "HTTP 500" in out
    dead = next(line for line in out.splitlines() if "Dead Outlet" in line)
    assert "FAILING 3 runs in a row" in dead
    fine = next(line for line in out.splitlines() if "Fine Outlet" in line)
    assert "FAILING" not in fine


def test_status_without_a_database_says_so(tmp_path, capsys):
    assert print_status(Store(tmp_path / "none.duckdb")) == 1
    assert "no database yet" in capsys.readouterr().out
