"""The HTTP client's own CPU: N corpus pages fetched per feed, as the ingest does, by each client.

Why flows/http.py uses aiohttp (bench/README.md, Issue 14): the pages of the teaser-only outlets
of a served corpus (50 ms latency), one client per feed, all feeds at once; CPU of this process
only (the server is a child process).

    python -m bench.clients [--outlets 40] [--per-outlet 100] [CLIENT ...]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from bench.corpus import article_path
from bench.processes import CorpusProcess

PER_FEED = 8  # pages of a feed at once, as flows.ingest.PAGE_WORKERS


def production(feeds: list[list[str]]) -> int:
    """flows.http: a Client (aiohttp, event loop, fetch policy) per feed, in a thread each."""
    from flows.http import FetchPolicy, make_client

    policy = FetchPolicy(allow=("127.0.0.1",))

    def feed(urls: list[str]) -> int:
        with make_client(policy) as client:
            return sum(len(r.content) for r in client.fetch_many(urls, PER_FEED))  # type: ignore[union-attr]

    with ThreadPoolExecutor(len(feeds)) as pool:
        return sum(pool.map(feed, feeds))


def httpx_threads(feeds: list[list[str]]) -> int:
    """httpx's sync client per feed, 8 threads per feed (the production path until Dec 2026)."""
    import httpx

    def feed(urls: list[str]) -> int:
        with httpx.Client() as client, ThreadPoolExecutor(PER_FEED) as pool:
            return sum(pool.map(lambda u: len(client.get(u).content), urls))

    with ThreadPoolExecutor(len(feeds)) as pool:
        return sum(pool.map(feed, feeds))


def httpx_async(feeds: list[list[str]]) -> int:
    """httpx's AsyncClient per feed, 8 requests at a time per feed, one event loop."""
    import httpx

    async def feed(urls: list[str]) -> int:
        gate = asyncio.Semaphore(PER_FEED)
        async with httpx.AsyncClient() as client:

            async def one(url: str) -> int:
                async with gate:
                    return len((await client.get(url)).content)

            return sum(await asyncio.gather(*map(one, urls)))

    async def every() -> int:
        return sum(await asyncio.gather(*map(feed, feeds)))

    return asyncio.run(every())


def aiohttp_plain(feeds: list[list[str]]) -> int:
    """One aiohttp session for everything, as bench/peer.py."""
    import aiohttp

    async def every() -> int:
        connector = aiohttp.TCPConnector(limit=200)
        async with aiohttp.ClientSession(connector=connector) as session:

            async def one(url: str) -> int:
                async with session.get(url) as response:
                    return len(await response.read())

            return sum(await asyncio.gather(*(one(u) for urls in feeds for u in urls)))

    return asyncio.run(every())


CLIENTS: dict[str, Callable[[list[list[str]]], int]] = {
    "production": production,
    "httpx-threads": httpx_threads,
    "httpx-async": httpx_async,
    "aiohttp": aiohttp_plain,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.clients", description=__doc__)
    parser.add_argument("--outlets", type=int, default=40)
    parser.add_argument("--per-outlet", type=int, default=100)
    parser.add_argument("clients", nargs="*", choices=[[], *CLIENTS], help="default: all")
    args = parser.parse_args(argv)
    os.environ.setdefault("PLEDGEWATCH_FETCH_ALLOW", "127.0.0.1")
    cfg = {"outlets": args.outlets, "per_outlet": args.per_outlet, "seed": 7}
    server = CorpusProcess(cfg | {"latency_ms": 50, "fail_rate": 0.0}, prerender=True)
    try:
        feeds = [  # odd outlets carry teasers: their pages are fetched
            [server.base_url + article_path(o, i) for i in range(args.per_outlet)]
            for o in range(1, args.outlets, 2)
        ]
        for name in args.clients or CLIENTS:
            used = resource.getrusage(resource.RUSAGE_SELF)
            started = time.perf_counter()
            size = CLIENTS[name](feeds)
            wall = time.perf_counter() - started
            now = resource.getrusage(resource.RUSAGE_SELF)
            cpu = (now.ru_utime + now.ru_stime) - (used.ru_utime + used.ru_stime)
            pages = sum(map(len, feeds))
            print(f"{name}: {pages} pages ({size} bytes), {wall:.2f} s wall, {cpu:.2f} s CPU")
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
