"""Fault 5: Retry-After ignored, a file:// redirect retried as a connection failure, and no
overall deadline per feed (one silent feed cost ~95 s)."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from flows.feeds_config import Feed
from flows.http import FetchError, FetchPolicy, fetch, retry_after_seconds
from flows.ingest import fetch_feed
from tests.servers import never_answers, redirect_to

QUICK = FetchPolicy(connect_timeout=1, read_timeout=1, retries=2, backoff=(0.01,))


def busy_then_ok(times: list[float], retry_after: str, status: int = 503):
    """First answer: `status` with Retry-After; then 200."""

    def handler(request) -> None:
        times.append(time.monotonic())
        if len(times) == 1:
            request.send_response(status)
            request.send_header("Retry-After", retry_after)
            request.send_header("Content-Length", "0")
            request.end_headers()
            return
        request.send_response(200)
        request.send_header("Content-Length", "2")
        request.end_headers()
        request.wfile.write(b"ok")

    return handler


@pytest.mark.parametrize("status", [429, 503])
def test_retry_after_seconds_is_honoured(server, status):
    times: list[float] = []
    server.add("/busy", handler=busy_then_ok(times, "1", status))
    assert fetch(server.url("/busy"), policy=QUICK).content == b"ok"
    assert len(times) == 2 and times[1] - times[0] >= 0.95  # not the 0.01 s backoff


def test_retry_after_as_an_http_date_is_honoured(server):
    times: list[float] = []
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=2), usegmt=True)
    server.add("/busy", handler=busy_then_ok(times, when))
    assert fetch(server.url("/busy"), policy=QUICK).content == b"ok"
    assert times[1] - times[0] >= 0.9


def test_retry_after_over_the_cap_fails_at_once(server):
    url = server.add("/later", "", status=429, headers={"Retry-After": "3600"})
    with pytest.raises(FetchError, match="Retry-After 3600 s is over the 60 s cap"):
        fetch(url, policy=QUICK)
    assert server.hits("/later") == 1


def test_retry_after_parsing():
    assert retry_after_seconds("120") == 120.0
    assert retry_after_seconds("soon") is None and retry_after_seconds(None) is None
    past = format_datetime(datetime.now(UTC) - timedelta(hours=1), usegmt=True)
    assert retry_after_seconds(past) == 0.0


def test_a_redirect_to_file_is_refused_not_retried(server):
    server.add("/to-file", handler=redirect_to("file:///etc/passwd"))
    with pytest.raises(FetchError, match="refused: only http"):
        fetch(server.url("/to-file"), policy=QUICK)
    assert server.hits("/to-file") == 1


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/feed", "gopher://x/"])
def test_non_http_urls_are_refused(url):
    with pytest.raises(FetchError, match="refused: only http"):
        fetch(url, policy=QUICK)


def test_a_silent_server_is_not_retried(server):
    server.add("/hang", handler=never_answers(3))
    with pytest.raises(FetchError, match="timed out"):
        fetch(server.url("/hang"), policy=FetchPolicy(read_timeout=0.5, retries=2))
    assert server.hits("/hang") == 1  # three tries (and 95 s with defaults) before


def trickle(request) -> None:
    """Send a byte every 0.2 s for ever: never silent long enough for a read timeout."""
    request.send_response(200)
    request.send_header("Content-Type", "application/rss+xml")
    request.end_headers()
    try:
        while True:
            request.wfile.write(b" ")
            request.wfile.flush()
            time.sleep(0.2)
    except (BrokenPipeError, ConnectionResetError):
        pass


def test_a_trickling_server_is_cut_off_at_the_feed_deadline(server):
    server.add("/trickle", handler=trickle)
    policy = FetchPolicy(read_timeout=1, total_timeout=30, feed_deadline=1.5, retries=0)
    started = time.monotonic()
    with pytest.raises(FetchError, match="deadline"):
        fetch(server.url("/trickle"), policy=policy)
    assert time.monotonic() - started < 10


def test_a_feed_and_its_pages_share_one_deadline(server):
    def slow_page(request) -> None:
        time.sleep(0.6)
        body = b"<html><body><article><p>" + b"Denmark pledged support. " * 40 + b"</p></article>"
        request.send_response(200)
        request.send_header("Content-Type", "text/html")
        request.send_header("Content-Length", str(len(body)))
        request.end_headers()
        request.wfile.write(body)

    links = []
    for n in range(24):
        server.add(f"/p{n}.html", handler=slow_page)
        links.append(f"<item><title>{n}</title><link>{server.url(f'/p{n}.html')}</link></item>")
    rss = f"<rss version='2.0'><channel>{''.join(links)}</channel></rss>"
    feed = Feed("Slow pages", server.add("/rss", rss))
    policy = FetchPolicy(read_timeout=5, retries=0, feed_deadline=1.0)
    result = fetch_feed.fn(feed, {}, policy, "run")
    assert result.status == "ok"  # the feed itself was read; what is missing is counted
    assert 0 < len(result.articles) < 24
    assert len(result.articles) + len(result.page_errors) == 24
    assert any("feed deadline passed" in e for e in result.page_errors)
    fetched = sum(server.hits(f"/p{n}.html") for n in range(24))
    assert fetched < 24  # pages after the deadline were not even requested


def test_a_gzip_bomb_is_cut_off_at_the_decoded_size_cap(server):
    import gzip

    bomb = gzip.compress(b"\0" * (64 * 1024 * 1024), compresslevel=9)  # ~64 KB on the wire
    url = server.add("/bomb.xml", bomb, headers={"Content-Encoding": "gzip"})
    with pytest.raises(FetchError, match="too large"):
        fetch(url, policy=FetchPolicy(max_bytes=1024 * 1024, retries=0))
    assert len(bomb) < 1024 * 1024  # the wire size alone would have passed the cap
