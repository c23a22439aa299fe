"""Fault 1, server-side request forgery: entry links and redirects may point anywhere.

Only public addresses are dialled (plus PLEDGEWATCH_FETCH_ALLOW); the check runs on the
address actually connected to. No test sends traffic beyond 127.0.0.0/8: non-loopback
addresses come from a resolver stub and are refused before any socket exists.
"""

from __future__ import annotations

import socket
import time
from asyncio.selector_events import BaseSelectorEventLoop
from collections.abc import Iterator

import pytest

from flows.feeds_config import Feed
from flows.fetch_policy import parse_allow, refusal
from flows.http import FetchError, FetchPolicy, fetch, make_client
from flows.ingest import fetch_feed
from flows.settings import SettingsError
from tests.servers import LocalServer, redirect_to, serve
from tests.test_fault5_retry_after_deadline import busy_then_ok

NO_ALLOW = FetchPolicy(connect_timeout=1, read_timeout=1, retries=0, allow=())
LOOPBACK_ONLY = FetchPolicy(connect_timeout=1, read_timeout=1, retries=0, allow=("127.0.0.1",))


@pytest.mark.parametrize(
    ("address", "verdict"),
    [
        ("127.0.0.1", "loopback"),
        ("127.8.9.10", "loopback"),
        ("::1", "loopback"),
        ("::ffff:127.0.0.1", "loopback"),  # IPv4-mapped IPv6 is the IPv4 address
        ("2002:a9fe:a9fe::1", "link-local"),  # 6to4 around 169.254.169.254
        ("64:ff9b::a00:8", "private"),  # NAT64 around 10.0.0.8
        ("64:ff9b::5db8:d70e", None),  # NAT64 around a public address
        ("169.254.169.254", "link-local"),  # cloud metadata endpoint
        ("fe80::1", "link-local"),
        ("10.0.0.8", "private"),
        ("172.16.5.4", "private"),
        ("192.168.1.1", "private"),
        ("fd00::1", "private"),
        ("224.0.0.251", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("240.0.0.1", "reserved"),
        ("100.64.0.1", "not globally routable"),
        ("93.184.215.14", None),
        ("2606:4700:4700::1111", None),
    ],
)
def test_address_check_names_the_range(address, verdict):
    why = refusal(address)
    if verdict is None:
        assert why is None
    else:
        assert why is not None and f"is {verdict}" in why


def test_allow_list_admits_only_what_it_names():
    allow = parse_allow("127.0.0.1, 10.1.0.0/16")
    assert refusal("127.0.0.1", allow) is None
    assert refusal("10.1.2.3", allow) is None
    assert "loopback" in refusal("127.0.0.2", allow)
    assert "private" in refusal("10.2.0.1", allow)
    with pytest.raises(SettingsError, match="PLEDGEWATCH_FETCH_ALLOW"):
        parse_allow("127.0.0.1, localhost")


def test_loopback_is_refused_without_the_allow_list_and_never_dialled(server):
    url = server.add("/secret", "internal admin page")
    with pytest.raises(FetchError, match=r"refused: 127\.0\.0\.1 is loopback"):
        fetch(url, policy=NO_ALLOW)
    assert server.hits("/secret") == 0
    assert fetch(url, policy=LOOPBACK_ONLY).content == b"internal admin page"


@pytest.fixture
def no_sockets(monkeypatch) -> list:
    """Fail the test if anything tries to open a TCP connection (the event loop's connect,
    which the client's connector uses, or a blocking one)."""
    attempts: list = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise AssertionError(f"a connection was attempted: {args}")

    async def refuse_async(loop, sock, address):
        refuse(address)

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(BaseSelectorEventLoop, "sock_connect", refuse_async)
    return attempts


def test_a_name_resolving_to_the_metadata_endpoint_is_refused_before_connecting(no_sockets):
    asked: list[str] = []

    def resolver(host: str, port: int):
        asked.append(host)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("169.254.169.254", port))]

    with (
        make_client(NO_ALLOW, resolve=resolver) as client,
        pytest.raises(
            FetchError,
            match=r"refused: 169\.254\.169\.254 is link-local \(not in PLEDGEWATCH_FETCH_ALLOW\)",
        ),
    ):
        fetch("http://metadata.test/latest/meta-data/", policy=NO_ALLOW, client=client)
    assert asked == ["metadata.test"] and no_sockets == []


def test_a_name_with_one_private_and_no_public_address_is_refused(no_sockets):
    def resolver(host: str, port: int):
        return [
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.8", port)),
            (socket.AF_INET6, socket.SOCK_STREAM, 6, "", ("fd00::8", port, 0, 0)),
        ]

    with (
        make_client(NO_ALLOW, resolve=resolver) as client,
        pytest.raises(FetchError, match=r"10\.0\.0\.8 is private; fd00::8 is private"),
    ):
        fetch("https://intranet.test/", policy=NO_ALLOW, client=client)
    assert no_sockets == []


def test_the_socket_dials_the_checked_address_not_a_second_lookup(server, monkeypatch):
    """DNS rebinding: the name is resolved once; the connection goes to that literal address."""
    url = server.add("/feed", "<rss/>")
    real_getaddrinfo = socket.getaddrinfo

    def getaddrinfo(host, *args, **kwargs):
        assert host != "feeds.test", "the name was resolved a second time"
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    lookups: list[str] = []

    def resolver(host: str, port: int):
        lookups.append(host)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]

    named = url.replace("127.0.0.1", "feeds.test")
    with make_client(LOOPBACK_ONLY, resolve=resolver) as client:
        assert fetch(named, policy=LOOPBACK_ONLY, client=client).content == b"<rss/>"
    assert lookups == ["feeds.test"]
    assert server.requests[-1][1]["Host"].startswith("feeds.test:")


@pytest.fixture
def internal() -> Iterator[LocalServer]:
    """A server on 127.0.0.2: a host the job must not reach (the allow-list has 127.0.0.1)."""
    httpd = serve(LocalServer("127.0.0.2"))
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def test_a_redirect_to_an_internal_host_is_refused(server, internal):
    secret = internal.add("/admin", "internal secret")
    assert secret.startswith("http://127.0.0.2:")
    server.add("/go", handler=redirect_to(secret))
    with pytest.raises(FetchError, match=r"refused: 127\.0\.0\.2 is loopback"):
        fetch(server.url("/go"), policy=LOOPBACK_ONLY)
    assert server.hits("/go") == 1 and internal.hits("/admin") == 0


def test_feed_entries_linking_to_internal_hosts_are_refused_per_entry(server, internal):
    secret = internal.add(
        "/admin", "<html><body><p>" + "internal secret " * 60 + "</p></body></html>"
    )
    page = server.add(
        "/pages/ok.html",
        "<html><body><article><p>"
        + "Norway pledged support. " * 40
        + "</p></article></body></html>",
        headers={"Content-Type": "text/html"},
    )
    server.add("/hop", handler=redirect_to(secret))
    items = "".join(
        f"<item><title>{n}</title><link>{link}</link></item>"
        for n, link in (("ok", page), ("internal", secret), ("via redirect", server.url("/hop")))
    )
    feed = Feed("Mixed", server.add("/rss", f"<rss version='2.0'><channel>{items}</channel></rss>"))
    result = fetch_feed.fn(feed, {}, LOOPBACK_ONLY, "run")
    assert result.status == "ok"
    assert [a["url"] for a in result.articles] == [page]
    assert len(result.page_errors) == 2
    assert all("refused: 127.0.0.2 is loopback" in e for e in result.page_errors)
    assert internal.hits("/admin") == 0


def test_an_ip_literal_is_checked_as_it_is_dialled_not_resolved(no_sockets):
    """aiohttp does not resolve IP literals: the connector's socket factory refuses them."""
    asked: list[str] = []

    def resolver(host: str, port: int):
        asked.append(host)
        return []

    with (
        make_client(NO_ALLOW, resolve=resolver) as client,
        pytest.raises(FetchError, match=r"refused: 10\.0\.0\.8 is private"),
    ):
        client.fetch("http://10.0.0.8/admin")
    assert asked == [] and no_sockets == []


def test_a_redirect_to_a_name_of_a_private_address_is_refused_at_connect_time(server):
    """The first hop is allowed (loopback on the allow-list); the redirect's host resolves to
    a private address, refused by the resolver step before any socket to it exists."""
    server.add("/go", handler=redirect_to("http://intranet.test/admin"))

    def resolver(host: str, port: int):
        assert host == "intranet.test"
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.8", port))]

    with (
        make_client(LOOPBACK_ONLY, resolve=resolver) as client,
        pytest.raises(FetchError, match=r"refused: 10\.0\.0\.8 is private"),
    ):
        client.fetch(server.url("/go"))
    assert server.hits("/go") == 1


def test_a_name_with_a_private_and_an_allowed_address_dials_only_the_allowed_one(server):
    url = server.add("/feed", "<rss/>").replace("127.0.0.1", "mixed.test")

    def resolver(host: str, port: int):
        return [
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.8", port)),
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port)),
        ]

    with make_client(LOOPBACK_ONLY, resolve=resolver) as client:
        assert client.fetch(url).content == b"<rss/>"


def test_pages_fetched_together_keep_the_policy_per_page(server, internal):
    """A feed's pages go out concurrently on its client: allow-listed loopback pages are
    fetched, a page redirecting to a host off the allow-list is refused on its own, and a
    page answering 503 with Retry-After is fetched after the wait it asked for."""
    pages = [server.add(f"/p{n}.html", f"page {n}") for n in range(10)]
    server.add("/hop", handler=redirect_to(internal.add("/admin", "internal secret")))
    times: list[float] = []
    server.add("/busy", handler=busy_then_ok(times, "1"))
    policy = FetchPolicy(connect_timeout=1, read_timeout=2, retries=1, allow=("127.0.0.1",))
    urls = [*pages, server.url("/hop"), server.url("/busy")]
    started = time.monotonic()
    with make_client(policy) as client:
        answers = client.fetch_many(urls, concurrency=4)
    assert [a.content for a in answers[:10]] == [f"page {n}".encode() for n in range(10)]
    assert isinstance(answers[10], FetchError)
    assert "refused: 127.0.0.2 is loopback" in answers[10].reason
    assert answers[11].content == b"ok" and times[1] - times[0] >= 0.95
    assert internal.hits("/admin") == 0
    assert time.monotonic() - started < 5
