"""SMTP credentials from a Prefect Secret block, and no retries on a final refusal."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult
from prefect import flow

from flows.deliver import send_with_retries
from flows.settings import load_settings
from reports.email import DeliveryError
from tests.conftest import RecordingSMTP


@pytest.fixture
def auth_smtp() -> tuple[RecordingSMTP, list[tuple[str, str]]]:
    logins: list[tuple[str, str]] = []

    def authenticator(server, session, envelope, mechanism, auth_data) -> AuthResult:
        user, password = auth_data.login.decode(), auth_data.password.decode()
        logins.append((user, password))
        ok = (user, password) == ("desk", "s3cret-from-block")
        return AuthResult(success=ok, handled=False)  # handled=False: aiosmtpd answers 535

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    handler = RecordingSMTP()
    controller = Controller(
        handler,
        hostname="127.0.0.1",
        port=port,
        authenticator=authenticator,
        auth_required=True,
        auth_require_tls=False,
        auth_exclude_mechanism=["LOGIN"],  # PLAIN only: one login per attempt
    )
    controller.start()
    handler.port = port
    yield handler, logins
    controller.stop()


@flow
def send(eml: str) -> dict:
    return send_with_retries(Path(eml), load_settings().smtp)


def eml_file(tmp_path: Path) -> Path:
    path = tmp_path / "m.eml"
    path.write_bytes(b"From: a@example.org\r\nTo: desk@example.org\r\nSubject: hi\r\n\r\nbody\r\n")
    return path


def test_password_comes_from_the_secret_block(prefect_harness, auth_smtp, tmp_path, monkeypatch):
    from prefect.blocks.system import Secret

    server, logins = auth_smtp
    Secret(value="s3cret-from-block").save("pledgewatch-smtp-password", overwrite=True)
    for name, value in {
        "HOST": "127.0.0.1",
        "PORT": str(server.port),
        "SECURITY": "none",
        "USERNAME": "desk",
        "TO": "desk@example.org",
    }.items():
        monkeypatch.setenv(f"PLEDGEWATCH_SMTP_{name}", value)
    monkeypatch.delenv("PLEDGEWATCH_SMTP_PASSWORD", raising=False)
    assert send(str(eml_file(tmp_path)))["delivery_status"] == "sent"
    assert logins == [("desk", "s3cret-from-block")]
    assert len(server.messages) == 1


def test_a_rejected_login_is_final_and_not_retried(
    prefect_harness, auth_smtp, tmp_path, monkeypatch
):
    server, logins = auth_smtp
    for name, value in {
        "HOST": "127.0.0.1",
        "PORT": str(server.port),
        "SECURITY": "none",
        "USERNAME": "desk",
        "PASSWORD": "wrong",
        "TO": "desk@example.org",
        "RETRY_DELAYS": "0.1,0.1,0.1",
    }.items():
        monkeypatch.setenv(f"PLEDGEWATCH_SMTP_{name}", value)
    result = send(str(eml_file(tmp_path)))
    assert result["delivery_status"] == "failed"
    assert "rejected the login" in result["delivery_error"]
    assert "wrong" not in result["delivery_error"]
    assert len(logins) == 1  # a 535 is final: no pointless retries
    assert DeliveryError
