"""Weekly delivery under Prefect with a real SMTP server on 127.0.0.1: sent, failed, resent."""

from __future__ import annotations

import email
import email.policy
import shutil
import socket
from pathlib import Path

import duckdb
import pytest

from flows.deliver import deliver_flow
from flows.exit_codes import ExitCode, flow_outcome
from flows.weekly import weekly_briefing

pytestmark = pytest.mark.slow


@pytest.fixture
def week_db(demo, tmp_path, home, monkeypatch) -> Path:
    """A copy of the demo database, so each test can write runs of its own."""
    db = tmp_path / "pw.duckdb"
    shutil.copyfile(demo["database"], db)
    monkeypatch.setenv("PLEDGEWATCH_SMTP_RETRY_DELAYS", "0.1,0.1")
    monkeypatch.setenv("PLEDGEWATCH_SMTP_SECURITY", "none")
    monkeypatch.setenv("PLEDGEWATCH_SMTP_TO", "desk@example.org,Дмитро <dmytro@example.org>")
    return db


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def runs(db: Path) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(
            "SELECT kind, status, delivery_status, delivery_error FROM runs "
            "WHERE week = '2026-W46' ORDER BY started_at"
        ).fetchall()


def test_briefing_is_mailed_with_the_pdf(week_db, smtp_server, monkeypatch):
    monkeypatch.setenv("PLEDGEWATCH_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("PLEDGEWATCH_SMTP_PORT", str(smtp_server.port))
    result = weekly_briefing(week="2026-W46", fetch=False, db_path=str(week_db))
    assert result["delivery_status"] == "sent"
    assert len(smtp_server.messages) == 1
    envelope = smtp_server.envelopes[0]
    assert sorted(envelope.rcpt_tos) == ["desk@example.org", "dmytro@example.org"]
    message = email.message_from_bytes(smtp_server.messages[0], policy=email.policy.default)
    pdf = next(message.iter_attachments())
    assert pdf.get_content_type() == "application/pdf"
    assert pdf.get_content() == Path(result["pdf"]).read_bytes()
    assert "Дмитро" in str(message["To"])


def test_server_down_retries_then_records_failure_and_keeps_everything(
    week_db, smtp_server, monkeypatch
):
    monkeypatch.setenv("PLEDGEWATCH_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("PLEDGEWATCH_SMTP_PORT", str(closed_port()))
    state = weekly_briefing(week="2026-W46", fetch=False, db_path=str(week_db), return_state=True)
    assert state.is_failed() and "could not be delivered" in state.message  # fault 3
    result, code = flow_outcome(state)
    assert code == ExitCode.FAILURES and result["status"] == "failed"
    assert result["delivery_status"] == "failed"
    assert "connect" in result["delivery_error"]
    assert Path(result["pdf"]).exists() and Path(result["email_path"]).exists()
    assert runs(week_db)[-1][:3] == ("weekly", "failed", "failed")

    # The server is back: `pledgewatch deliver --week` resends the kept message.
    monkeypatch.setenv("PLEDGEWATCH_SMTP_PORT", str(smtp_server.port))
    resent = deliver_flow(week="2026-W46", db_path=str(week_db))
    assert resent["delivery_status"] == "sent"
    assert len(smtp_server.messages) == 1
    kept = Path(result["email_path"]).read_bytes()
    sent = email.message_from_bytes(smtp_server.messages[0], policy=email.policy.default)
    original = email.message_from_bytes(kept, policy=email.policy.default)
    assert sent["Subject"] == original["Subject"]
    assert runs(week_db)[-1][:3] == ("deliver", "ok", "sent")


def test_without_smtp_the_message_waits_in_the_outbox(week_db):
    result = weekly_briefing(week="2026-W46", fetch=False, db_path=str(week_db))
    assert result["delivery_status"] == "outbox"
    eml = Path(result["email_path"])
    assert eml.suffix == ".eml" and eml.parent.name == "outbox"
