"""Bounded HTTP GETs for feeds and article pages.

feedparser and trafilatura can fetch by themselves but without timeouts or size limits; a
silent or hostile server would hang or exhaust the run. Everything goes through here instead.
"""

from __future__ import annotations

import email.utils
import functools
import ssl
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime

import httpx

from flows.fetch_policy import (
    DeadlinePassed,
    FetchRefused,
    GuardedTransport,
    Resolver,
    allow_from_env,
    parse_allow,
)
from flows.settings import env_number

USER_AGENT = "PledgeWatch/0.1 (+https://github.com/pledgewatch; weekly Ukraine-support briefing)"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
FEED_DEADLINE = 120.0  # seconds for a feed and all its pages, retries and waits included


class FetchError(Exception):
    """A fetch that failed for good: the reason is meant for logs and the runs table."""

    def __init__(
        self, url: str, reason: str, status: int | None = None, retry_after: float | None = None
    ) -> None:
        super().__init__(f"{url}: {reason}")
        self.url, self.reason, self.status = url, reason, status
        self.retry_after = retry_after  # seconds the server asked us to wait (429/503)


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


def _read_capped(response: httpx.Response, policy: FetchPolicy, client: Client) -> bytes:
    max_bytes = policy.max_bytes
    deadline = min(time.monotonic() + policy.total_timeout, client.guard.deadline)
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(str(response.url), f"response too large ({declared} bytes)")
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(str(response.url), f"response too large (over {max_bytes} bytes)")
        if time.monotonic() > deadline:
            raise FetchError(str(response.url), "body too slow: timed out before the deadline")
        chunks.append(chunk)
    return b"".join(chunks)


def _once(client: Client, url: str, headers: dict[str, str], policy: FetchPolicy) -> Response:
    with client.stream("GET", url, headers=headers) as response:
        code = response.status_code
        if code == 304:
            return Response(str(response.url), 304, b"", dict(response.headers))
        if code >= 400:
            wait = retry_after_seconds(response.headers.get("retry-after"))
            raise FetchError(url, f"HTTP {code}", code, wait if code in (429, 503) else None)
        content = _read_capped(response, policy, client)
        return Response(str(response.url), response.status_code, content, dict(response.headers))


def fetch(
    url: str,
    *,
    policy: FetchPolicy | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
    client: Client | None = None,
) -> Response:
    """GET with conditional headers, a size cap, capped redirects and retries with backoff.

    Retries only what may pass on a second try (connect timeouts, resets, 429/5xx, after the
    server's Retry-After up to a cap); a 404, an oversized body, a refused address or scheme,
    and a server that accepted the connection and then said nothing fail at once. Nothing
    runs past the client's deadline.
    """
    policy = policy or FetchPolicy()
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    own_client = client is None
    client = client or make_client(policy)
    try:
        for attempt in range(policy.retries + 1):
            try:
                return _once(client, url, headers, policy)
            except FetchError as error:
                if error.status not in RETRY_STATUSES or attempt == policy.retries:
                    raise
                failure, delay = error, _delay(error, policy, attempt)
            except FetchRefused as error:
                raise FetchError(url, f"refused: {error.reason}") from error
            except httpx.UnsupportedProtocol as error:
                raise FetchError(url, f"refused: only http(s) is fetched ({error})") from error
            except DeadlinePassed as error:
                raise FetchError(url, _deadline_reason(policy)) from error
            except httpx.TooManyRedirects as error:
                raise FetchError(url, f"too many redirects (> {policy.max_redirects})") from error
            except httpx.ReadTimeout as error:  # a silent server stays silent: not retried
                if client.remaining() <= 0:
                    raise FetchError(url, _deadline_reason(policy)) from error
                raise FetchError(
                    url, f"timed out (no answer in {policy.read_timeout:g} s)"
                ) from error
            except httpx.TimeoutException as error:
                failure = FetchError(url, f"timed out ({type(error).__name__})")
                if attempt == policy.retries:
                    raise failure from error
                delay = _delay(failure, policy, attempt)
            except httpx.TransportError as error:
                failure = FetchError(url, f"connection failed ({error or type(error).__name__})")
                if attempt == policy.retries:
                    raise failure from error
                delay = _delay(failure, policy, attempt)
            except httpx.InvalidURL as error:
                raise FetchError(url, f"invalid URL ({error})") from error
            if delay >= client.remaining():
                raise FetchError(
                    url, f"{failure.reason}; {_deadline_reason(policy)}", failure.status
                )
            time.sleep(delay)
        raise AssertionError("unreachable")
    finally:
        if own_client:
            client.close()


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
    """One TLS context for every client: building one (CA bundle) costs ~50 ms of CPU, which
    a client per feed paid on every run, 304 or not (bench/README.md)."""
    return httpx.create_ssl_context()


class Client(httpx.Client):
    """One feed's client: pooled connections, the fetch policy's guard and one deadline."""

    def __init__(self, policy: FetchPolicy, resolve: Resolver | None = None) -> None:
        self.guard = GuardedTransport(
            allow=parse_allow(policy.allow),
            deadline=time.monotonic() + policy.feed_deadline,
            ssl_context=_tls_context(),
            limits=httpx.Limits(max_connections=20, max_keepalive_connections=10),
            resolve=resolve,
        )
        super().__init__(
            timeout=httpx.Timeout(
                policy.read_timeout, connect=policy.connect_timeout, pool=policy.connect_timeout
            ),
            follow_redirects=True,
            max_redirects=policy.max_redirects,
            headers={"User-Agent": USER_AGENT},
            transport=self.guard,
        )

    def remaining(self) -> float:
        """Seconds left before the deadline of this client's feed."""
        return self.guard.remaining()


def make_client(policy: FetchPolicy | None = None, resolve: Resolver | None = None) -> Client:
    """A client to share across one feed and its pages (connection pooling, one deadline);
    `resolve` replaces DNS (tests)."""
    return Client(policy or FetchPolicy(), resolve)
