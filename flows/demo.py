"""The demo: serve the bundled corpus over real HTTP on 127.0.0.1 and run the weekly job on it.

The corpus is served, not read from disk, so the demo exercises exactly the production path
(conditional GET, feed parsing, page fetching, main-text extraction).
"""

from __future__ import annotations

import hashlib
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from prefect import flow
from transforms.events import iso_week

from flows import storage
from flows.feeds_config import load_feeds
from flows.ingest import ingest_into, logger
from flows.runs import finish_run, start_run
from flows.settings import REPO_ROOT, load_settings
from flows.weekly import previous_week, run_weekly

DEMO_DIR = REPO_ROOT / "demo"
DEMO_PREFIX = "http://demo.pledgewatch.invalid"
CONTENT_TYPES = {".xml": "application/xml; charset=utf-8", ".html": "text/html; charset=utf-8"}
SERVED_AT = formatdate(1_763_000_000, usegmt=True)  # fixed Last-Modified: files never change


class CorpusServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, root: Path) -> None:
        super().__init__(("127.0.0.1", 0), CorpusHandler)
        self.root = root.resolve()
        self.base_url = f"http://127.0.0.1:{self.server_port}"


class CorpusHandler(BaseHTTPRequestHandler):
    """Static files under the corpus root, with the demo prefix rewritten and ETags."""

    server: CorpusServer

    def do_GET(self) -> None:
        path = (self.server.root / unquote(urlsplit(self.path).path).lstrip("/")).resolve()
        if not path.is_relative_to(self.server.root) or not path.is_file():
            self.send_error(404)
            return
        body = path.read_bytes().replace(DEMO_PREFIX.encode(), self.server.base_url.encode())
        etag = '"' + hashlib.sha256(body).hexdigest()[:20] + '"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", CONTENT_TYPES.get(path.suffix, "text/plain"))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", SERVED_AT)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # quiet: the flow logs fetches
        pass


@contextmanager
def serve_corpus(root: Path = DEMO_DIR) -> Iterator[CorpusServer]:
    """Serve `root` on an ephemeral 127.0.0.1 port for the duration of the block."""
    server = CorpusServer(root)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def latest_full_week(db_path: Path) -> str:
    """The corpus's latest complete ISO week: the week of the newest article if it is a Sunday."""
    with storage.open_db(db_path) as con:
        newest = con.execute(
            "SELECT max(CAST(timezone('UTC', published_at) AS DATE)) FROM articles"
        ).fetchone()[0]
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
    with serve_corpus() as server:
        feeds_text = (DEMO_DIR / "feeds.toml").read_text(encoding="utf-8")
        settings.feeds_file.write_text(feeds_text.replace(DEMO_PREFIX, server.base_url))
        run = start_run(settings.db_path, "ingest")
        ingest_into(settings.db_path, run, load_feeds(settings.feeds_file))
        finish_run(settings.db_path, run)
        week = latest_full_week(settings.db_path)
        logger().info("demo: corpus ingested (%s); building %s", dict(run.counts), week)
        result = run_weekly(settings, week, fetch=False)
    return {**result, "database": str(settings.db_path), "ingest_counts": dict(run.counts)}
