"""The peer: the ingest a competent engineer would write in an afternoon, as plainly as that.

feedparser, aiohttp with high concurrency, trafilatura with PledgeWatch's options, one
DuckDB bulk insert. No extraction, no health records, no resumability: bench/versus.py
runs it beside PledgeWatch on the same corpus to show what PledgeWatch's extra work costs.

    python -m bench.peer FEEDS.toml OUT.duckdb
"""

from __future__ import annotations

import asyncio
import sys
import tomllib

import aiohttp
import duckdb
import feedparser
import trafilatura


async def get(session: aiohttp.ClientSession, url: str) -> bytes:
    for attempt in range(3):  # the bench corpus answers a few requests with a transient 503
        async with session.get(url) as response:
            if response.status < 500 or attempt == 2:
                response.raise_for_status()
                return await response.read()
        await asyncio.sleep(0.5 * (attempt + 1))
    raise AssertionError("unreachable")


async def ingest(feeds: list[dict]) -> list[tuple]:
    rows: list[tuple] = []
    connector = aiohttp.TCPConnector(limit=200)
    timeout = aiohttp.ClientTimeout(total=60)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:

        async def article(feed: dict, entry) -> None:
            content = entry.get("content")
            if content and len(content[0].value) > 2000:  # the feed carries the full text
                html = content[0].value
            else:
                html = (await get(session, entry.link)).decode("utf-8", "replace")
            text = trafilatura.extract(
                html,
                output_format="txt",
                include_comments=False,
                include_tables=False,
                include_images=False,
                favor_precision=True,
                deduplicate=False,
            )
            rows.append((entry.link, feed["name"], entry.get("title"), text))

        async def one_feed(feed: dict) -> None:
            parsed = feedparser.parse(await get(session, feed["url"]))
            await asyncio.gather(*(article(feed, e) for e in parsed.entries))

        await asyncio.gather(*(one_feed(f) for f in feeds))
    return rows


def main(feeds_file: str, db_path: str) -> int:
    with open(feeds_file, "rb") as handle:
        feeds = tomllib.load(handle)["feeds"]
    rows = asyncio.run(ingest(feeds))
    con = duckdb.connect(db_path)
    con.execute(
        "CREATE TABLE IF NOT EXISTS articles "
        "(url VARCHAR PRIMARY KEY, outlet VARCHAR, title VARCHAR, text VARCHAR)"
    )
    con.execute(
        "INSERT INTO articles SELECT unnest($1), unnest($2), unnest($3), unnest($4) "
        "ON CONFLICT DO NOTHING",
        [list(column) for column in zip(*rows, strict=True)],
    )
    con.close()
    print(f"RESULT {len(rows)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
