"""Fault 7: a report killed mid-render left a 0-byte `.pledgewatch-…pdf.*.tmp` for ever, and
a feed whose links are all non-http was reported as "feed has no entries"."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from flows.feeds_config import Feed
from flows.http import FetchPolicy
from flows.ingest import fetch_feed
from reports.atomic import atomic_path, remove_leftovers


def test_remove_leftovers_deletes_only_temporary_names(tmp_path):
    kept = [tmp_path / "pledgewatch-2026-W46.pdf", tmp_path / "notes.tmp"]
    for path in kept:
        path.write_bytes(b"x")
    left = tmp_path / ".pledgewatch-2026-W46.pdf.k3j_9x.tmp"
    left.write_bytes(b"")
    assert remove_leftovers(tmp_path) == [left]
    assert not left.exists() and all(p.exists() for p in kept)
    assert remove_leftovers(tmp_path / "missing") == []


def test_the_leftover_pattern_matches_what_atomic_path_writes(tmp_path):
    with atomic_path(tmp_path / "pledgewatch-2026-W46.pdf") as tmp:  # a SIGKILL here leaves tmp
        assert list(tmp_path.glob(".*.tmp")) == [tmp]
        tmp.write_bytes(b"%PDF")
    assert list(tmp_path.iterdir()) == [tmp_path / "pledgewatch-2026-W46.pdf"]


@pytest.mark.slow
def test_the_next_report_removes_a_killed_renders_temporary_file(prefect_harness, home):
    from flows.exit_codes import flow_outcome
    from flows.weekly import weekly_briefing

    briefings = home / "briefings"
    briefings.mkdir(parents=True)
    left = briefings / ".pledgewatch-2026-W46.pdf.a1b2c3d4.tmp"
    left.write_bytes(b"")
    result, code = flow_outcome(weekly_briefing(week="2026-W46", fetch=False, return_state=True))
    assert code == 0 and result["leftovers_removed"] == 1
    assert not left.exists() and Path(result["pdf"]).exists()
    assert [p.name for p in briefings.iterdir()] == ["pledgewatch-2026-W46.pdf"]
    with duckdb.connect(str(home / "pledgewatch.duckdb"), read_only=True) as con:
        assert '"leftovers_removed": 1' in con.execute("SELECT counts FROM runs").fetchone()[0]


def test_a_feed_with_only_non_http_links_says_so(server):
    items = "".join(
        f"<item><title>{n}</title><link>{link}</link></item>"
        for n, link in enumerate(
            ["mailto:desk@example.org", "javascript:alert(1)", "ftp://files.example.org/a"]
        )
    )
    url = server.add("/rss", f"<rss version='2.0'><channel>{items}</channel></rss>")
    result = fetch_feed.fn(Feed("Odd links", url), {}, FetchPolicy(retries=0), "run")
    assert result.status == "failed"
    assert result.error == "3 entries, none with an http(s) link"
