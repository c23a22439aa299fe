"""Bounded HTTP GETs for feeds and article pages.

feedparser and trafilatura can fetch by themselves but without timeouts or size limits; a
silent or hostile server would hang or exhaust the run. Everything goes through here instead.
"""

from __future__ import annotations

import asyncio
import email.utils
import functools
import os
import ssl
import threading
import time
from collections.abc import Coroutine
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TypeVar

import aiohttp
import certifi

from flows.fetch_policy import (
    FetchRefused,
    GuardedConnector,
    Resolver,
    allow_from_env,
    parse_allow,
)
from flows.settings import env_number

USER_AGENT = "PledgeWatch/0.1 (+https://github.com/pledgewatch; weekly Ukraine-support briefing)"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
FEED_DEADLINE = 120.0  # seconds for a feed and all its pages, retries and waits included
CONNECTIONS = 20  # per client (a feed and its pages)
T = TypeVar("T")


class FetchError(Exception):
    """A fetch that failed for good: the reason is meant for logs and the runs table."""

    def __init__(
        self,
        url: str,
        reason: str,
        status: int | None = None,
        retry_after: float | None = None,
        retryable: bool | None = None,
    ) -> None:
        super().__init__(f"{url}: {reason}")
        self.url, self.reason, self.status = url, reason, status
        self.retry_after = retry_after  # seconds the server asked us to wait (429/503)
        # A second try may pass: 429/5xx, connect timeouts, resets.
        self.retryable = status in RETRY_STATUSES if retryable is None else retryable


@dataclass(frozen=True)
class FetchPolicy:
    """Limits for one kind of fetch; tests shrink them to keep failures fast."""

    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    total_timeout: float = 120.0  # a server trickling bytes must not hold a run for ever
    retries: int = 2
    backoff: tuple[float, ...] = (1.0, 4.0)
    max_retry_after: float = 60.0  # a longer Retry-After fails the feed now, not a run later
    # One client (a feed and all its pages) gets this much time (PLEDGEWATCH_FEED_DEADLINE).
    feed_deadline: float = field(
        default_factory=lambda: env_number("PLEDGEWATCH_FEED_DEADLINE", str(FEED_DEADLINE))
    )
    allow: tuple[str, ...] = field(default_factory=allow_from_env)  # PLEDGEWATCH_FETCH_ALLOW


@dataclass
class Response:
    url: str
    status: int
    content: bytes
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def retry_after_seconds(value: str | None) -> float | None:
    """Retry-After as seconds from now: delta-seconds or an HTTP date; None when absent or bad."""
    value = (value or "").strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


async def _read_capped(response: aiohttp.ClientResponse, url: str, policy: FetchPolicy) -> bytes:
    """The body, decompressed, cut at the size cap (counted after decompression: gzip bombs)."""
    max_bytes = policy.max_bytes
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(url, f"response too large ({declared} bytes)")
    chunks, size = [], 0
    async for chunk in response.content.iter_any():
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(url, f"response too large (over {max_bytes} bytes)")
        chunks.append(chunk)
    return b"".join(chunks)


def fetch(
    url: str,
    *,
    policy: FetchPolicy | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
    client: Client | None = None,
) -> Response:
    """GET with conditional headers, a size cap, capped redirects and retries with backoff,
    on `client` (a feed's, sharing its connections and deadline) or a client of its own
    made from `policy`. See `Client.fetch`."""
    if client is not None:
        return client.fetch(url, etag=etag, last_modified=last_modified)
    with make_client(policy) as own:
        return own.fetch(url, etag=etag, last_modified=last_modified)


def _delay(error: FetchError, policy: FetchPolicy, attempt: int) -> float:
    """Seconds before the next try: the backoff, or the server's Retry-After up to the cap."""
    delay = policy.backoff[min(attempt, len(policy.backoff) - 1)]
    if error.retry_after is None:
        return delay
    if error.retry_after > policy.max_retry_after:
        raise FetchError(
            error.url,
            f"{error.reason}, Retry-After {error.retry_after:.0f} s is over the "
            f"{policy.max_retry_after:.0f} s cap",
            error.status,
        )
    return max(delay, error.retry_after)


def _deadline_reason(policy: FetchPolicy) -> str:
    return f"feed deadline passed ({policy.feed_deadline:g} s for a feed and its pages)"


@functools.cache
def _tls_context() -> ssl.SSLContext:
    """One TLS context for every client (certifi's CA bundle, as before with httpx): building
    one costs ~50 ms of CPU, which a client per feed paid on every run (bench/README.md)."""
    return ssl.create_default_context(cafile=certifi.where())


_LOOP: dict[int, asyncio.AbstractEventLoop] = {}  # process id -> its fetching loop
_LOOP_LOCK = threading.Lock()


def _run(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run `coroutine` on this process's one fetching event loop (started on first use, in a
    daemon thread) and wait for it. Every feed's client shares the loop, as one asyncio
    program would: a loop per feed thread cost 1.3-2.3 s of CPU for 2,000 pages, one loop
    0.8 s (`python -m bench.clients`)."""
    with _LOOP_LOCK:
        loop = _LOOP.get(os.getpid())  # a forked child starts its own
        if loop is None:
            loop = _LOOP[os.getpid()] = asyncio.new_event_loop()
            threading.Thread(target=loop.run_forever, name="pledgewatch-http", daemon=True).start()
    return asyncio.run_coroutine_threadsafe(coroutine, loop).result()


class Client:
    """One feed's client: an aiohttp session on the process's fetching event loop, over the
    fetch policy's guarded connector (pooled connections), and one deadline for the feed and
    all its pages. Its calls block the calling thread (a fetch-feed task's) until done.

    aiohttp on asyncio rather than a thread per page: fetching 2,000 pages cost 0.75 s of
    CPU this way against 3.8-4.2 s with httpx's synchronous client in 8 threads per feed and
    3.4-3.6 s with httpx's AsyncClient (`python -m bench.clients`; bench/README.md).
    """

    def __init__(self, policy: FetchPolicy, resolve: Resolver | None = None) -> None:
        self.policy = policy
        self.deadline = time.monotonic() + policy.feed_deadline
        self._session = _run(self._open(resolve))

    async def _open(self, resolve: Resolver | None) -> aiohttp.ClientSession:
        policy = self.policy
        connector = GuardedConnector(
            allow=parse_allow(policy.allow),
            ssl_context=_tls_context(),
            limit=CONNECTIONS,
            resolve=resolve,
        )
        return aiohttp.ClientSession(
            connector=connector,
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
            timeout=aiohttp.ClientTimeout(
                total=None, sock_connect=policy.connect_timeout, sock_read=policy.read_timeout
            ),
            # Header limits as h11's (httpx's parser) rather than aiohttp's 8 KB: real sites
            # send long Set-Cookie and CSP headers.
            max_line_size=16 * 1024,
            max_field_size=16 * 1024,
        )

    def remaining(self) -> float:
        """Seconds left before the deadline of this client's feed."""
        return self.deadline - time.monotonic()

    def fetch(
        self, url: str, etag: str | None = None, last_modified: str | None = None
    ) -> Response:
        """One GET (see `_fetch`); FetchError when it fails for good."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return _run(self._fetch(url, headers))

    def fetch_many(self, urls: list[str], concurrency: int) -> list[Response | Exception]:
        """GETs of `urls`, `concurrency` at a time: each Response, or the exception it
        failed with (a FetchError, or anything a hostile server provoked)."""

        async def every() -> list[Response | Exception]:
            gate = asyncio.Semaphore(concurrency)

            async def one(url: str) -> Response:
                async with gate:
                    return await self._fetch(url, {})

            answers = await asyncio.gather(*map(one, urls), return_exceptions=True)
            return [a if isinstance(a, Response | Exception) else RuntimeError(a) for a in answers]

        return _run(every())

    async def _fetch(self, url: str, headers: dict[str, str]) -> Response:
        """Retries only what may pass on a second try (connect timeouts, resets, 429/5xx,
        after the server's Retry-After up to a cap); a 404, an oversized body, a refused
        address or scheme, and a server that accepted the connection and then said nothing
        fail at once. Nothing runs past the client's deadline."""
        policy = self.policy
        for attempt in range(policy.retries + 1):
            try:
                return await self._once(url, headers)
            except FetchError as failure:
                if not failure.retryable or attempt == policy.retries:
                    raise
                delay = _delay(failure, policy, attempt)
                if delay >= self.remaining():
                    raise FetchError(
                        url, f"{failure.reason}; {_deadline_reason(policy)}", failure.status
                    ) from failure
            await asyncio.sleep(delay)
        raise AssertionError("unreachable")

    async def _once(self, url: str, headers: dict[str, str]) -> Response:
        """One try, every failure as a FetchError saying whether a retry may help."""
        policy = self.policy
        left = self.remaining()
        if left <= 0:
            raise FetchError(url, _deadline_reason(policy))
        limit = asyncio.timeout(min(left, policy.total_timeout))
        try:
            async with (
                limit,
                self._session.get(
                    url, headers=headers, max_redirects=policy.max_redirects
                ) as response,
            ):
                code, final = response.status, str(response.url)
                answer = {k.lower(): v for k, v in response.headers.items()}
                if code == 304:
                    return Response(final, 304, b"", answer)
                if code >= 400:
                    wait = retry_after_seconds(answer.get("retry-after"))
                    raise FetchError(
                        url, f"HTTP {code}", code, wait if code in (429, 503) else None
                    )
                return Response(final, code, await _read_capped(response, url, policy), answer)
        except FetchError:
            raise
        except FetchRefused as refused:
            raise FetchError(url, f"refused: {refused.reason}") from refused
        except aiohttp.NonHttpUrlClientError as error:  # the URL or a redirect
            raise FetchError(url, f"refused: only http(s) is fetched ({error})") from error
        except aiohttp.TooManyRedirects as error:
            raise FetchError(url, f"too many redirects (> {policy.max_redirects})") from error
        except aiohttp.InvalidURL as error:
            raise FetchError(url, f"invalid URL ({error})") from error
        except TimeoutError as error:
            if limit.expired():
                reason = (
                    _deadline_reason(policy)
                    if left <= policy.total_timeout
                    else f"too slow: no complete answer in {policy.total_timeout:g} s"
                )
                raise FetchError(url, reason) from error
            if isinstance(error, aiohttp.SocketTimeoutError):  # a silent server stays silent
                raise FetchError(
                    url, f"timed out (no answer in {policy.read_timeout:g} s)"
                ) from error
            raise FetchError(url, f"timed out ({type(error).__name__})", retryable=True) from error
        except (aiohttp.ClientError, OSError) as error:
            reason = f"connection failed ({error or type(error).__name__})"
            raise FetchError(url, reason, retryable=True) from error

    def close(self) -> None:
        _run(self._session.close())

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def make_client(policy: FetchPolicy | None = None, resolve: Resolver | None = None) -> Client:
    """A client to share across one feed and its pages (connection pooling, one deadline);
    `resolve` replaces DNS (tests)."""
    return Client(policy or FetchPolicy(), resolve)
