"""What the job may fetch: http(s) only, and only addresses on the public internet.

A feed's entry links and the redirects of any server are untrusted: they may point at
loopback, a private network or a cloud metadata endpoint (169.254.169.254). The check runs
at connect time, on the address actually dialled, inside aiohttp's connector: its resolver
step answers only allowed addresses, and its socket factory checks the address of every
socket it opens (IP-literal URLs included). Every redirect hop and every new connection
passes through it, and the socket connects to the very address that was checked, so a DNS
answer that changes between check and connect (DNS rebinding) cannot slip through. This is
the `advocate` design (validate the resolved address in the connection factory, not the
URL), chosen over a URL pre-check, which misses redirects and rebinding.

`PLEDGEWATCH_FETCH_ALLOW` (comma-separated addresses or networks, e.g. `127.0.0.1`) lets the
demo, the tests and the bench fetch from their servers on loopback.
"""

from __future__ import annotations

import asyncio
import ipaddress
import os
import socket
import ssl
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import aiohttp
from aiohappyeyeballs import AddrInfoType
from aiohttp.abc import AbstractResolver, ResolveResult

from flows.settings import SettingsError

ALLOW_ENV = "PLEDGEWATCH_FETCH_ALLOW"
SCHEMES = frozenset({"http", "https"})

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
Resolver = Callable[[str, int], list[tuple[Any, ...]]]


class FetchRefused(Exception):
    """The policy refused a URL or an address; never retried. `reason` is for the runs table."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class AddressRule:
    """A class of addresses the job never dials, with an example of one."""

    name: str
    matches: Callable[[IPAddress], bool]
    example: str


# Checked in order: the first match names the refusal (127.0.0.1 is also "private").
ADDRESS_RULES: tuple[AddressRule, ...] = (
    AddressRule("unspecified", lambda a: a.is_unspecified, "0.0.0.0"),
    AddressRule("loopback", lambda a: a.is_loopback, "127.0.0.1, ::1"),
    AddressRule("link-local", lambda a: a.is_link_local, "169.254.169.254 (cloud metadata)"),
    AddressRule("multicast", lambda a: a.is_multicast, "224.0.0.251"),
    AddressRule("reserved", lambda a: a.is_reserved, "240.0.0.1"),
    AddressRule("private", lambda a: a.is_private, "10.0.0.8, 192.168.1.1, fd00::1"),
    AddressRule("not globally routable", lambda a: not a.is_global, "100.64.0.1 (CGNAT)"),
)


def parse_allow(value: str | Iterable[str]) -> tuple[IPNetwork, ...]:
    """Networks from `127.0.0.1, 10.1.0.0/16`; an invalid item is a SettingsError."""
    items = value.split(",") if isinstance(value, str) else value
    networks = []
    for item in (i.strip() for i in items):
        if not item:
            continue
        try:
            networks.append(ipaddress.ip_network(item, strict=False))
        except ValueError as error:
            raise SettingsError(
                f"{ALLOW_ENV}: {item!r} is not an IP address or network ({error})"
            ) from error
    return tuple(networks)


def allow_from_env() -> tuple[str, ...]:
    """The allow-list as configured, validated (so a typo fails before any run starts)."""
    raw = os.environ.get(ALLOW_ENV, "")
    return tuple(str(n) for n in parse_allow(raw))


NAT64 = ipaddress.ip_network("64:ff9b::/96")  # a NAT64 gateway dials the IPv4 address inside


def _embedded_ipv4(ip: IPAddress) -> IPAddress:
    """The IPv4 address an IPv6 address carries (mapped, 6to4, NAT64): that is what is reached."""
    if isinstance(ip, ipaddress.IPv4Address):
        return ip
    embedded = ip.ipv4_mapped or ip.sixtofour
    if embedded is not None:
        return embedded
    if ip in NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return ip


def refusal(address: str, allow: Iterable[IPNetwork] = ()) -> str | None:
    """Why `address` may not be dialled, or None when it may."""
    ip = _embedded_ipv4(ipaddress.ip_address(address.split("%", 1)[0]))  # no IPv6 zone id
    if any(ip.version == n.version and ip in n for n in allow):
        return None
    for rule in ADDRESS_RULES:
        if rule.matches(ip):
            return f"{ip} is {rule.name}"
    return None


def _system_resolver(host: str, port: int) -> list[tuple[Any, ...]]:
    return socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)


class GuardedResolver(AbstractResolver):
    """aiohttp's resolver step, resolving once and answering only addresses the policy
    allows: aiohttp then dials those very addresses (IP literals), never the name again."""

    def __init__(self, allow: tuple[IPNetwork, ...], resolve: Resolver | None = None) -> None:
        self.allow = allow
        self.resolve_sync = resolve or _system_resolver

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        loop = asyncio.get_running_loop()
        infos = await loop.run_in_executor(None, self.resolve_sync, host, port)
        addresses = list(dict.fromkeys((info[0], str(info[4][0])) for info in infos))
        refusals = {a: refusal(a, self.allow) for _, a in addresses}
        allowed = [(f, a) for f, a in addresses if refusals[a] is None]
        if not allowed:
            reasons = "; ".join(r for r in refusals.values() if r)
            raise FetchRefused(f"{reasons} (not in {ALLOW_ENV})" if reasons else f"{host}: none")
        flags = socket.AI_NUMERICHOST | socket.AI_NUMERICSERV
        return [
            ResolveResult(hostname=host, host=a, port=port, family=f, proto=0, flags=flags)
            for f, a in allowed
        ]

    async def close(self) -> None:
        pass


class GuardedConnector(aiohttp.TCPConnector):
    """aiohttp's connector for http(s) only (its redirects are http(s) only too), resolving
    through the GuardedResolver, and checking, as it creates each socket, the address that
    socket is about to dial: the one check that also covers IP-literal URLs, which aiohttp
    does not resolve."""

    allowed_protocol_schema_set = SCHEMES

    def __init__(
        self,
        *,
        allow: tuple[IPNetwork, ...],
        ssl_context: ssl.SSLContext,
        limit: int,
        resolve: Resolver | None = None,
    ) -> None:
        self.allow = allow
        super().__init__(
            resolver=GuardedResolver(allow, resolve),
            ssl=ssl_context,
            limit=limit,
            happy_eyeballs_delay=None,  # one address at a time, each checked as it is dialled
            socket_factory=self.dial,
        )

    def dial(self, addr_info: AddrInfoType) -> socket.socket:
        family, kind, proto, _, address = addr_info
        if (why := refusal(str(address[0]), self.allow)) is not None:
            raise FetchRefused(f"{why} (not in {ALLOW_ENV})")
        return socket.socket(family, kind, proto)
