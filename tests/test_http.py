"""flows.http against a real local server: timeouts, caps, redirects, retries, validators."""

from __future__ import annotations

import pytest

from flows.http import FetchError, FetchPolicy, fetch
from tests.servers import endless_body, never_answers, redirect_to

FAST = FetchPolicy(connect_timeout=1, read_timeout=0.5, retries=2, backoff=(0.01,))


def test_conditional_get_answers_304_with_the_stored_etag(server):
    url = server.add("/feed", "<rss/>", etag='"v1"')
    first = fetch(url, policy=FAST)
    assert first.status == 200 and first.headers["etag"] == '"v1"'
    second = fetch(url, policy=FAST, etag='"v1"')
    assert second.not_modified and second.content == b""
    assert server.requests[-1][1]["If-None-Match"] == '"v1"'


def test_user_agent_is_sent(server):
    url = server.add("/ua", "x")
    fetch(url, policy=FAST)
    assert server.requests[-1][1]["User-Agent"].startswith("PledgeWatch/")


def test_server_error_is_retried_then_fails(server):
    url = server.add("/boom", "no", status=500)
    with pytest.raises(FetchError, match="HTTP 500"):
        fetch(url, policy=FAST)
    assert server.hits("/boom") == 3  # one try and two retries


def test_not_found_fails_without_retry(server):
    with pytest.raises(FetchError, match="HTTP 404"):
        fetch(server.url("/missing"), policy=FAST)
    assert server.hits("/missing") == 1


def test_silent_server_times_out(server):
    server.add("/hang", handler=never_answers(3))
    with pytest.raises(FetchError, match="timed out"):
        fetch(server.url("/hang"), policy=FetchPolicy(read_timeout=0.3, retries=0))


def test_redirect_loop_is_capped(server):
    server.add("/a", handler=redirect_to("/b"))
    server.add("/b", handler=redirect_to("/a"))
    with pytest.raises(FetchError, match="too many redirects"):
        fetch(server.url("/a"), policy=FAST)


def test_huge_response_is_cut_off_at_the_cap(server):
    server.add("/huge", handler=endless_body(50 * 1024 * 1024))
    with pytest.raises(FetchError, match="too large"):
        fetch(server.url("/huge"), policy=FetchPolicy(max_bytes=1024 * 1024, retries=0))


def test_declared_oversize_fails_before_reading(server):
    url = server.add("/big", b"x" * 5000)
    with pytest.raises(FetchError, match="5000 bytes"):
        fetch(url, policy=FetchPolicy(max_bytes=1000, retries=0))


def test_refused_connection_is_a_clear_error():
    with pytest.raises(FetchError, match="connection failed"):
        fetch("http://127.0.0.1:9/feed", policy=FAST)


def test_unknown_host_is_a_clear_error():
    with pytest.raises(FetchError, match="connection failed"):
        fetch("http://no-such-host.invalid/feed", policy=FetchPolicy(retries=0))
