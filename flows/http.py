"""Bounded HTTP GETs for feeds and article pages.

feedparser and trafilatura can fetch by themselves but without timeouts or size limits; a
silent or hostile server would hang or exhaust the run. Everything goes through here instead.
"""

from __future__ import annotations

import functools
import ssl
import time
from dataclasses import dataclass, field

import httpx

USER_AGENT = "PledgeWatch/0.1 (+https://github.com/pledgewatch; weekly Ukraine-support briefing)"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


class FetchError(Exception):
    """A fetch that failed for good: the reason is meant for logs and the runs table."""

    def __init__(self, url: str, reason: str, status: int | None = None) -> None:
        super().__init__(f"{url}: {reason}")
        self.url, self.reason, self.status = url, reason, status


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


@dataclass
class Response:
    url: str
    status: int
    content: bytes
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def _read_capped(response: httpx.Response, policy: FetchPolicy) -> bytes:
    max_bytes = policy.max_bytes
    deadline = time.monotonic() + policy.total_timeout
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(str(response.url), f"response too large ({declared} bytes)")
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(str(response.url), f"response too large (over {max_bytes} bytes)")
        if time.monotonic() > deadline:
            raise FetchError(str(response.url), f"body took over {policy.total_timeout:.0f} s")
        chunks.append(chunk)
    return b"".join(chunks)


def _once(client: httpx.Client, url: str, headers: dict[str, str], policy: FetchPolicy) -> Response:
    with client.stream("GET", url, headers=headers) as response:
        if response.status_code == 304:
            return Response(str(response.url), 304, b"", dict(response.headers))
        if response.status_code >= 400:
            raise FetchError(url, f"HTTP {response.status_code}", response.status_code)
        content = _read_capped(response, policy)
        return Response(str(response.url), response.status_code, content, dict(response.headers))


def fetch(
    url: str,
    *,
    policy: FetchPolicy | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
    client: httpx.Client | None = None,
) -> Response:
    """GET with conditional headers, a size cap, capped redirects and retries with backoff.

    Retries only what may pass on a second try (timeouts, connection resets, 429/5xx);
    a 404 or an oversized body fails at once.
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
            except httpx.TooManyRedirects as error:
                raise FetchError(url, f"too many redirects (> {policy.max_redirects})") from error
            except httpx.TimeoutException as error:
                if attempt == policy.retries:
                    raise FetchError(url, f"timed out ({type(error).__name__})") from error
            except httpx.TransportError as error:
                if attempt == policy.retries:
                    raise FetchError(
                        url, f"connection failed ({error or type(error).__name__})"
                    ) from error
            except httpx.InvalidURL as error:
                raise FetchError(url, f"invalid URL ({error})") from error
            time.sleep(policy.backoff[min(attempt, len(policy.backoff) - 1)])
        raise AssertionError("unreachable")
    finally:
        if own_client:
            client.close()


@functools.cache
def _tls_context() -> ssl.SSLContext:
    """One TLS context for every client: building one (CA bundle) costs ~50 ms of CPU, which
    a client per feed paid on every run, 304 or not (bench/README.md)."""
    return httpx.create_ssl_context()


def make_client(policy: FetchPolicy | None = None) -> httpx.Client:
    """A client to share across many fetches (connection pooling)."""
    policy = policy or FetchPolicy()
    timeout = httpx.Timeout(
        policy.read_timeout, connect=policy.connect_timeout, pool=policy.connect_timeout
    )
    return httpx.Client(
        timeout=timeout,
        follow_redirects=True,
        max_redirects=policy.max_redirects,
        headers={"User-Agent": USER_AGENT},
        limits=httpx.Limits(max_connections=20, max_keepalive_connections=10),
        verify=_tls_context(),
    )
