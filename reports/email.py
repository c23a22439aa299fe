"""The briefing email: build it, send it over SMTP, or write it to an outbox as .eml.

smtplib rather than prefect-email: an explicit timeout, the PDF sent as application/pdf, a
real From, and errors we can name. Retries belong to the caller (a Prefect task), so send()
makes one attempt and raises DeliveryError saying what the server answered and whether a
retry can help. Credentials never appear in logs or exception messages.
"""

from __future__ import annotations

import email.policy
import logging
import smtplib
import ssl
from collections.abc import Sequence
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path
from typing import Literal

from reports import formatting
from reports.atomic import atomic_file
from reports.briefing import Briefing
from reports.render import environment

log = logging.getLogger(__name__)
Security = Literal["starttls", "tls", "none"]
WEEK_HEADER = "X-PledgeWatch-Week"


class DeliveryError(RuntimeError):
    """The message was not delivered (to every recipient).

    `code` is the SMTP reply code when the server gave one; `permanent` is True for 5xx
    answers (retrying will not help); `refused` maps each refused recipient to the server's
    answer.
    """

    def __init__(
        self,
        message: str,
        *,
        code: int | None = None,
        permanent: bool = False,
        refused: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.permanent = permanent
        self.refused = refused or {}


def attachment_name(week: str) -> str:
    return f"pledgewatch-{week}.pdf"


def subject(briefing: Briefing) -> str:
    """'PledgeWatch 2026-W46: 12 new pledges, €1.23 bn; 5 new agreements'."""
    f = briefing.figures
    pledges = f"{f.pledges} new pledge{'s' if f.pledges != 1 else ''}"
    if f.pledges:
        pledges += f", {formatting.compact(f.eur_total)}"
    agreements = f"{f.agreements} new agreement{'s' if f.agreements != 1 else ''}"
    return f"PledgeWatch {briefing.week}: {pledges}; {agreements}"


def plain_text(briefing: Briefing, filename: str) -> str:
    """The text/plain part: the bottom line, figures and top pledges."""
    b, f, c = briefing, briefing.figures, briefing.change
    lines = [
        f"PledgeWatch weekly briefing, {b.week} ({b.week_label})",
        "",
        b.bottom_line,
        "",
        f"New pledges:            {f.pledges} "
        f"({formatting.signed_count(c.pledges)} vs {b.previous_week})",
        f"EUR total:              {formatting.exact(f.eur_total)} "
        f"({formatting.signed_eur(c.eur)} vs {b.previous_week})",
        f"New agreements:         {f.agreements} "
        f"({formatting.signed_count(c.agreements)} vs {b.previous_week})",
        f"New coalition members:  {f.coalition_members}",
    ]  # fmt: skip
    if b.top_pledges:
        lines += ["", "Largest new pledges:"]
        for i, p in enumerate(b.top_pledges, 1):
            stated = ""
            if p.currency and p.currency != "EUR":
                stated = f" ({formatting.compact(p.amount, p.currency)} as stated)"
            lines.append(
                f"  {i}. {p.donor}: {formatting.compact(p.amount_eur)}{stated}, "
                f"{p.category}, {p.stage}"
            )
    if b.restated:
        lines += ["", f"{len(b.restated)} earlier pledges restated this week (not counted)."]
    if b.needs_review:
        lines += [f"{len(b.needs_review)} low-confidence items need review."]
    lines += [
        "",
        f"The full briefing, every figure footnoted to its source, is attached: {filename}",
        f"Run {b.run_id}, generated {b.generated_at:%Y-%m-%d %H:%M %Z}".rstrip(),
    ]
    return "\n".join(lines) + "\n"


def build_message(
    briefing: Briefing, pdf_path: Path, *, sender: str, recipients: Sequence[str]
) -> EmailMessage:
    """The weekly email: plain text and HTML summaries, the PDF attached as application/pdf."""
    if not recipients:
        raise ValueError("no recipients")
    filename = attachment_name(briefing.week)
    message = EmailMessage()
    message["Subject"] = subject(briefing)
    message["From"] = sender
    message["To"] = ", ".join(recipients)
    message["Date"] = format_datetime(briefing.generated_at)
    domain = sender.rpartition("@")[2].strip("> ") or "pledgewatch.local"
    message["Message-ID"] = make_msgid(idstring=briefing.week, domain=domain)
    message[WEEK_HEADER] = briefing.week
    message.set_content(plain_text(briefing, filename), cte="quoted-printable")
    html = environment().get_template("email.html.j2").render(b=briefing, filename=filename)
    message.add_alternative(html, subtype="html", cte="quoted-printable")
    message.add_attachment(
        Path(pdf_path).read_bytes(), maintype="application", subtype="pdf", filename=filename
    )
    return message


def _reply(code: int, text: bytes | str) -> str:
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return f"{code} {text}".strip()


def send(
    message: EmailMessage,
    *,
    host: str,
    port: int,
    security: Security = "starttls",
    username: str | None = None,
    password: str | None = None,
    timeout: float = 30.0,
) -> None:
    """Deliver `message` in one attempt, or raise DeliveryError naming what went wrong.

    security: 'tls' (implicit TLS, usually port 465), 'starttls' (usually 587) or 'none'
    (a local relay only). Certificates are verified.
    """
    if security not in ("starttls", "tls", "none"):
        raise ValueError(f"security must be starttls, tls or none, not {security!r}")
    where = f"{host}:{port}"
    context = ssl.create_default_context()
    client: smtplib.SMTP
    try:
        if security == "tls":
            client = smtplib.SMTP_SSL(host, port, timeout=timeout, context=context)
        else:
            client = smtplib.SMTP(host, port, timeout=timeout)
    except (OSError, smtplib.SMTPException) as error:
        raise DeliveryError(f"cannot connect to SMTP server {where}: {error}") from error
    try:
        with client:
            if security == "starttls":
                client.starttls(context=context)
            if username:
                try:
                    client.login(username, password or "")
                except smtplib.SMTPAuthenticationError as error:
                    # Raised from None: nothing about the credentials travels with it.
                    raise DeliveryError(
                        f"SMTP server {where} rejected the login: "
                        f"{_reply(error.smtp_code, error.smtp_error)}",
                        code=error.smtp_code,
                        permanent=True,
                    ) from None
            refused = client.send_message(message)
    except DeliveryError:
        raise
    except smtplib.SMTPRecipientsRefused as error:
        answers = {r: _reply(code, text) for r, (code, text) in error.recipients.items()}
        codes = [code for code, _ in error.recipients.values()]
        raise DeliveryError(
            f"SMTP server {where} refused every recipient: "
            + "; ".join(f"{r} ({a})" for r, a in answers.items()),
            code=codes[0] if codes else None,
            permanent=all(500 <= c < 600 for c in codes),
            refused=answers,
        ) from error
    except smtplib.SMTPSenderRefused as error:
        raise DeliveryError(
            f"SMTP server {where} refused the sender {error.sender}: "
            f"{_reply(error.smtp_code, error.smtp_error)}",
            code=error.smtp_code,
            permanent=500 <= error.smtp_code < 600,
        ) from error
    except smtplib.SMTPNotSupportedError as error:
        feature = "STARTTLS" if security == "starttls" else "AUTH"
        raise DeliveryError(
            f"SMTP server {where} does not support {feature}: {error}",
            permanent=True,
        ) from error
    except smtplib.SMTPResponseException as error:
        raise DeliveryError(
            f"SMTP server {where} answered {_reply(error.smtp_code, error.smtp_error)}",
            code=error.smtp_code,
            permanent=500 <= error.smtp_code < 600,
        ) from error
    except (OSError, smtplib.SMTPException) as error:
        raise DeliveryError(f"delivery via {where} failed: {error!r}") from error
    if refused:
        answers = {r: _reply(code, text) for r, (code, text) in refused.items()}
        raise DeliveryError(
            f"SMTP server {where} accepted the message for some recipients but refused "
            + "; ".join(f"{r} ({a})" for r, a in answers.items()),
            code=next(iter(refused.values()))[0],
            permanent=True,
            refused=answers,
        )
    log.info("sent %s via %s to %d recipient(s)", message.get("Subject"), where, _count(message))


def _count(message: EmailMessage) -> int:
    return sum(len(str(message.get(h, "")).split(",")) for h in ("To", "Cc") if message.get(h))


def write_eml(message: EmailMessage, outbox_dir: Path) -> Path:
    """Write the message to outbox_dir as an .eml file, atomically; return its path."""
    outbox = Path(outbox_dir)
    outbox.mkdir(parents=True, exist_ok=True)
    week = message.get(WEEK_HEADER, "briefing")
    stamp = email.utils.parsedate_to_datetime(message["Date"]) if message["Date"] else None
    suffix = f"-{stamp:%Y%m%dT%H%M%S}" if stamp else ""
    path = outbox / f"pledgewatch-{week}{suffix}.eml"
    data = message.as_bytes(policy=email.policy.default)
    with atomic_file(path) as handle:
        handle.write(data)
    return path
