"""Shared fixtures: local servers, Prefect test harness, fresh databases, ../shared."""

from __future__ import annotations

import ipaddress
import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.servers import LocalServer

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
# Test servers listen on loopback, which the fetch policy refuses unless allowed.
os.environ.setdefault("PLEDGEWATCH_FETCH_ALLOW", "127.0.0.1")


LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch) -> None:
    """No test resolves a name off this machine: real outlets' links (the real feeds, the
    seeds) fail as an unknown host, as a dead DNS would make them, and send no packet."""
    real = socket.getaddrinfo

    def getaddrinfo(host, *args, **kwargs):  # type: ignore[no-untyped-def]
        name = host.decode() if isinstance(host, bytes) else host
        if name is not None and name.lower() not in LOOPBACK_NAMES:
            try:
                ipaddress.ip_address(name.split("%")[0])
            except ValueError:
                message = f"{name}: tests resolve loopback only"
                raise socket.gaierror(socket.EAI_NONAME, message) from None
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the checkout; tests that need it skip where a clone has none."""
    if not (SHARED / "eval" / "score.py").exists():
        pytest.skip("../shared is not beside this checkout")
    return SHARED


@pytest.fixture
def server() -> Iterator[LocalServer]:
    httpd = LocalServer()
    import threading

    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def prefect_harness(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """One temporary Prefect server for the whole session (start-up costs ~10 s)."""
    os.environ["PREFECT_HOME"] = str(tmp_path_factory.mktemp("prefect-home"))
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private PLEDGEWATCH_HOME so nothing touches the user's data."""
    monkeypatch.setenv("PLEDGEWATCH_HOME", str(tmp_path / "home"))
    for var in (
        "PLEDGEWATCH_DB",
        "PLEDGEWATCH_FEEDS",
        "PLEDGEWATCH_OUTPUT",
        "PLEDGEWATCH_OUTBOX",
        "PLEDGEWATCH_PUBLISHED_DB",
        "PLEDGEWATCH_SMTP_HOST",
        "PLEDGEWATCH_SMTP_TO",
    ):
        monkeypatch.delenv(var, raising=False)
    return tmp_path / "home"


class RecordingSMTP:
    """aiosmtpd handler that keeps every message it accepts."""

    def __init__(self) -> None:
        self.messages: list[bytes] = []
        self.envelopes: list = []
        self.port = 0

    async def handle_DATA(self, server, session, envelope) -> str:
        self.messages.append(envelope.original_content or envelope.content)
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_server() -> Iterator[RecordingSMTP]:
    """A real SMTP server on 127.0.0.1 (aiosmtpd) recording what it receives."""
    import socket

    from aiosmtpd.controller import Controller

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    handler = RecordingSMTP()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    handler.port = port
    yield handler
    controller.stop()


@pytest.fixture(scope="session")
def demo(prefect_harness, tmp_path_factory) -> dict:
    """The demo run once per session; its database, PDF and email shared by the slow tests."""
    from flows.demo import demo_flow

    home = tmp_path_factory.mktemp("demo")
    result = demo_flow(home=str(home))
    return {**result, "home": home}


def wait_for(predicate, timeout: float, what: str, interval: float = 0.5):
    """Poll until `predicate` returns something truthy; fail clearly after `timeout`."""
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


@pytest.fixture(scope="session")
def prefect_server(tmp_path_factory) -> Iterator[dict[str, str]]:
    """A real `prefect server start` on 127.0.0.1; yields the environment that points at it."""
    import signal
    import socket
    import subprocess
    import sys

    import httpx

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    home = tmp_path_factory.mktemp("prefect-server")
    env = {
        **os.environ,
        "PREFECT_HOME": str(home),
        "PREFECT_API_URL": f"http://127.0.0.1:{port}/api",
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS": "2",
        "PREFECT_WORKER_QUERY_SECONDS": "1",
        "PREFECT_UI_ENABLED": "false",
    }
    prefect = str(Path(sys.executable).with_name("prefect"))
    log = (home / "server.log").open("w")
    server = subprocess.Popen(
        [prefect, "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )

    def healthy() -> bool:
        try:
            return httpx.get(f"{env['PREFECT_API_URL']}/health", timeout=2).status_code == 200
        except httpx.HTTPError:
            return False

    try:
        wait_for(healthy, 180, "the Prefect server")
        yield env
    finally:
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
        log.close()
