"""Ingest the real outlet feeds of ../shared/realfeeds as a user would, and show the figures.

Serves the feeds on 127.0.0.1, routes every other request to a closed loopback port (the
articles' pages are on the real internet, which is out of reach here), runs
`pledgewatch ingest` and `pledgewatch status`, then prints per feed what was stored, from
which source, in which language, and how long the texts are.

    .venv/bin/python -m bench.realfeeds [--no-pages] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import duckdb

from flows.corpus_server import CorpusServer
from flows.settings import REPO_ROOT

REALFEEDS = REPO_ROOT.parent / "shared" / "realfeeds"
PLEDGEWATCH = str(Path(sys.executable).with_name("pledgewatch"))
PER_FEED = """
SELECT f.outlet, f.entries, f.new_articles, f.duplicates, f.unreadable, f.summaries,
       (SELECT count(*) FILTER (WHERE text_source = 'feed') FROM articles a
         WHERE a.feed_id = f.feed_id) AS from_feed,
       (SELECT string_agg(DISTINCT language, ',') FROM articles a
         WHERE a.feed_id = f.feed_id) AS languages,
       (SELECT sum(length(text)) FROM articles a WHERE a.feed_id = f.feed_id) AS chars,
       (SELECT max(length(text)) FROM articles a WHERE a.feed_id = f.feed_id) AS longest
FROM feed_fetches f
ORDER BY f.outlet
"""


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-pages", action="store_true")
    parser.add_argument("--keep", help="folder for the database and feeds file (else a temp dir)")
    args = parser.parse_args()
    if not REALFEEDS.is_dir():
        print(f"not found: {REALFEEDS}", file=sys.stderr)
        return 2
    server = CorpusServer(REALFEEDS)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    work = Path(args.keep or tempfile.mkdtemp(prefix="realfeeds-"))
    work.mkdir(parents=True, exist_ok=True)
    feeds = work / "feeds.toml"
    feeds.write_text(
        "".join(
            f'[[feeds]]\nname = "{path.stem}"\nurl = "{server.base_url}/{path.name}"\n\n'
            for path in sorted(REALFEEDS.glob("*.xml"))
        )
    )
    db = work / "realfeeds.duckdb"
    env = {
        **os.environ,
        "ALL_PROXY": f"http://127.0.0.1:{closed_port()}",  # everything not on loopback fails
        "NO_PROXY": "127.0.0.1",
        "PLEDGEWATCH_HOME": str(work),
    }
    ingest = [PLEDGEWATCH, "ingest", "--feeds", str(feeds), "--db", str(db)]
    done = subprocess.run(ingest + ["--no-pages"] * args.no_pages, env=env, capture_output=True)
    print(f"$ pledgewatch ingest{' --no-pages' * args.no_pages}: exit {done.returncode}")
    status = subprocess.run(
        [PLEDGEWATCH, "status", "--db", str(db)], env=env, capture_output=True, text=True
    )
    print(f"$ pledgewatch status: exit {status.returncode}\n{status.stdout}")
    with duckdb.connect(str(db), read_only=True) as con:
        cursor = con.execute(PER_FEED)
        names = [d[0] for d in cursor.description]
        print(" | ".join(names))
        for row in cursor.fetchall():
            print(" | ".join(str(v) for v in row))
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
