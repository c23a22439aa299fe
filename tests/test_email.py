"""The briefing email against a real SMTP server (aiosmtpd on 127.0.0.1).

Delivery, a closed port, a rejected recipient, a rejected login and a server without
STARTTLS: each must end in delivered mail or in a DeliveryError that says what happened,
without credentials in the message or the logs.
"""

from __future__ import annotations

import email
import email.policy
import logging
import socket
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

from flows.storage import connect
from reports.briefing import Briefing, gather
from reports.email import DeliveryError, build_message, send, write_eml
from reports.render import render_pdf
from tests.builders import article, insert, pledge, pledge_mention

WEEK = "2026-W46"
SENDER = "briefing@pledgewatch.example"
BLOCKED = "blocked@example.org"
PASSWORD = "s3cret-Pa55word"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Inbox:
    """aiosmtpd handler: keeps every message, refuses BLOCKED with a 550."""

    def __init__(self) -> None:
        self.envelopes: list = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address == BLOCKED:
            return f"550 5.1.1 <{address}>: Recipient address rejected: User unknown"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp() -> Iterator[tuple[Inbox, int]]:
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield inbox, port
    controller.stop()


@pytest.fixture(scope="module")
def briefing_and_pdf(tmp_path_factory: pytest.TempPathFactory) -> tuple[Briefing, Path]:
    day = datetime(2026, 11, 11, 9, tzinfo=UTC)
    con = connect(tmp_path_factory.mktemp("db") / "mail.duckdb")
    e = pledge(
        "p-1",
        donor="Україна-Друзі <b>Fund</b>",
        amount="150000000.00",
        currency="GBP",
        amount_eur="174418604.65",
        fx_rate=0.86,
        first_seen_on=date(2026, 11, 11),
        items="дрони <script>x</script>",
    )
    mention = pledge_mention("m-1", article_id="a-1", event=e)
    a = article("a-1", published_at=day, title="Дрони для ЗСУ")
    insert(con, articles=[a], pledges=[e], pledge_mentions=[mention])
    briefing = gather(
        con, WEEK, run_id="mail-test", generated_at=datetime(2026, 11, 16, 4, tzinfo=UTC)
    )
    con.close()
    result = render_pdf(briefing, tmp_path_factory.mktemp("pdf") / "briefing.pdf")
    return briefing, result.path


def test_delivered_message_parses_with_pdf_and_non_ascii(smtp, briefing_and_pdf) -> None:
    inbox, port = smtp
    briefing, pdf = briefing_and_pdf
    message = build_message(briefing, pdf, sender=SENDER, recipients=["analyst@example.org"])
    send(message, host="127.0.0.1", port=port, security="none", timeout=10)

    (envelope,) = inbox.envelopes
    assert envelope.mail_from == SENDER and envelope.rcpt_tos == ["analyst@example.org"]
    got = email.message_from_bytes(envelope.content, policy=email.policy.default)
    assert got["Subject"] == "PledgeWatch 2026-W46: 1 new pledge, €174.4 m; 0 new agreements"
    plain = got.get_body(("plain",)).get_content()
    html = got.get_body(("html",)).get_content()
    assert "Україна-Друзі <b>Fund</b>: €174.4 m (£150 m as stated)" in plain
    assert "EUR 174,418,604.65" in plain and "EUR 174,418,604.65" in html
    assert "Україна-Друзі &lt;b&gt;Fund&lt;/b&gt;" in html and "<b>Fund" not in html
    assert "дрони &lt;script&gt;" in html and "<script>" not in html
    (attachment,) = list(got.iter_attachments())
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_filename() == "pledgewatch-2026-W46.pdf"
    assert attachment.get_content() == pdf.read_bytes()


def test_server_down_is_a_clear_delivery_error(briefing_and_pdf) -> None:
    briefing, pdf = briefing_and_pdf
    message = build_message(briefing, pdf, sender=SENDER, recipients=["a@example.org"])
    port = free_port()  # nothing listens here any more
    with pytest.raises(DeliveryError, match=f"cannot connect to SMTP server 127.0.0.1:{port}"):
        send(message, host="127.0.0.1", port=port, security="none", timeout=5)


def test_rejected_recipient_is_named(smtp, briefing_and_pdf) -> None:
    inbox, port = smtp
    briefing, pdf = briefing_and_pdf
    message = build_message(briefing, pdf, sender=SENDER, recipients=[BLOCKED])
    with pytest.raises(DeliveryError) as caught:
        send(message, host="127.0.0.1", port=port, security="none", timeout=10)
    error = caught.value
    assert BLOCKED in str(error) and "550" in str(error)
    assert error.code == 550 and error.permanent and set(error.refused) == {BLOCKED}
    assert inbox.envelopes == []


def test_partly_rejected_recipients_deliver_the_rest_and_say_so(smtp, briefing_and_pdf) -> None:
    inbox, port = smtp
    briefing, pdf = briefing_and_pdf
    message = build_message(briefing, pdf, sender=SENDER, recipients=["ok@example.org", BLOCKED])
    with pytest.raises(DeliveryError, match=r"refused blocked@example\.org") as caught:
        send(message, host="127.0.0.1", port=port, security="none", timeout=10)
    assert set(caught.value.refused) == {BLOCKED}
    (envelope,) = inbox.envelopes
    assert envelope.rcpt_tos == ["ok@example.org"]


def test_rejected_login_keeps_credentials_out(briefing_and_pdf, caplog) -> None:
    briefing, pdf = briefing_and_pdf

    def deny(server, session, envelope, mechanism, auth_data):
        return AuthResult(success=False, handled=False)

    port = free_port()
    controller = Controller(
        Inbox(), hostname="127.0.0.1", port=port, auth_require_tls=False, authenticator=deny
    )
    controller.start()
    try:
        message = build_message(briefing, pdf, sender=SENDER, recipients=["a@example.org"])
        with caplog.at_level(logging.DEBUG), pytest.raises(DeliveryError) as caught:
            send(message, host="127.0.0.1", port=port, security="none",
                 username="mailer", password=PASSWORD, timeout=10)  # fmt: skip
    finally:
        controller.stop()
    error = caught.value
    assert "rejected the login" in str(error) and error.code == 535 and error.permanent
    assert error.__cause__ is None and error.__suppress_context__
    for text in (str(error), repr(error), caplog.text):
        assert PASSWORD not in text


def test_starttls_unsupported_is_clear(smtp, briefing_and_pdf) -> None:
    _, port = smtp
    briefing, pdf = briefing_and_pdf
    message = build_message(briefing, pdf, sender=SENDER, recipients=["a@example.org"])
    with pytest.raises(DeliveryError, match="does not support STARTTLS"):
        send(message, host="127.0.0.1", port=port, security="starttls", timeout=10)


def test_write_eml_is_atomic_and_readable(briefing_and_pdf, tmp_path: Path) -> None:
    briefing, pdf = briefing_and_pdf
    message = build_message(briefing, pdf, sender=SENDER, recipients=["a@example.org"])
    path = write_eml(message, tmp_path / "outbox")
    assert path.name == "pledgewatch-2026-W46-20261116T040000.eml"
    assert [p.name for p in path.parent.iterdir()] == [path.name]
    back = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert back["Subject"] == message["Subject"]
    (attachment,) = list(back.iter_attachments())
    assert attachment.get_content() == pdf.read_bytes()
