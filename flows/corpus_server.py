"""A static HTTP server on 127.0.0.1 for the bundled demo corpus.

The corpus's absolute URLs use a placeholder host; the server rewrites it to its own
ephemeral address, so feeds and pages link to each other as on a real site.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from flows.settings import REPO_ROOT

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


def write_feeds_file(server: CorpusServer, target: Path) -> Path:
    """The corpus's feeds.toml with the placeholder host replaced by the server's address."""
    text = (server.root / "feeds.toml").read_text(encoding="utf-8")
    target.write_text(text.replace(DEMO_PREFIX, server.base_url), encoding="utf-8")
    return target
