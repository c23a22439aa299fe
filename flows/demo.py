"""The demo: serve the bundled corpus over real HTTP on 127.0.0.1 and run the weekly job on it.

The corpus is served, not read from disk, so the demo exercises exactly the production path
(conditional GET, feed parsing, page fetching, main-text extraction).
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

from prefect import flow

from flows.briefing import run_weekly
from flows.corpus_server import serve_corpus, write_feeds_file
from flows.exit_codes import final_state
from flows.feeds_config import load_feeds
from flows.http import FetchPolicy
from flows.ingest import ingest_into
from flows.run_lock import run_lock
from flows.runs import finish_run, start_run
from flows.settings import load_settings
from flows.storage import Store
from flows.tasking import logger
from transforms.weeks import iso_week, previous_week


def latest_full_week(store: Store) -> str:
    """The corpus's latest complete ISO week: the week of the newest article if it is a Sunday."""
    with store.session() as db:
        newest = db.value("SELECT max(CAST(timezone('UTC', published_at) AS DATE)) FROM articles")
    if newest is None:
        raise RuntimeError("the demo corpus produced no articles")
    return iso_week(newest) if newest.isoweekday() == 7 else previous_week(newest)


@flow(name="demo")
def demo_flow(home: str | None = None) -> dict[str, Any]:
    """Rebuild the demo database from the bundled corpus and produce its latest briefing."""
    base = load_settings()
    demo_home = Path(home).resolve() if home else base.home / "demo"
    if demo_home.exists():
        shutil.rmtree(demo_home)  # the served URLs carry a fresh port: start clean
    demo_home.mkdir(parents=True)
    settings = load_settings(
        db_path=demo_home / "pledgewatch.duckdb",
        output_dir=demo_home / "briefings",
        outbox_dir=demo_home / "outbox",
        feeds_file=demo_home / "feeds.toml",
        published_db_path=demo_home / "published" / "pledgewatch.duckdb",
    )
    store = Store.from_settings(settings)
    with serve_corpus() as server, run_lock(store.path):
        write_feeds_file(server, settings.feeds_file)
        # The fetch policy refuses loopback; the demo allows exactly the server it started.
        defaults = FetchPolicy()
        policy = replace(defaults, allow=(*defaults.allow, str(server.server_address[0])))
        run = start_run(store, "ingest")
        ingest_into(store, run, load_feeds(settings.feeds_file), policy)
        finish_run(store, run)
        week = latest_full_week(store)
        logger().info("demo: corpus ingested (%s); building %s", dict(run.counts), week)
        result = run_weekly(settings, week, fetch=False)
    return final_state({**result, "database": str(store.path), "ingest_counts": dict(run.counts)})
