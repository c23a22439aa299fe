"""Delivery: the briefing's .eml is always kept in the outbox, then sent when SMTP is set.

A failed send is retried with backoff, recorded on the run, and can be repeated later with
`pledgewatch deliver --week W`; nothing is lost because the PDF and the .eml stay on disk.
"""

from __future__ import annotations

import email
import email.policy
import os
from pathlib import Path
from typing import Any, cast

from flows.exit_codes import final_state, forget_frames
from flows.faults import checkpoint
from flows.run_lock import run_lock
from flows.runs import finish_run, start_run
from flows.settings import Settings, SmtpSettings, load_settings
from flows.storage import Store
from flows.tasking import flow, logger, task
from reports import email as mail

SECRET_BLOCK = "pledgewatch-smtp-password"


def smtp_password(smtp: SmtpSettings) -> str | None:
    """The password from the environment, else from the Prefect Secret block, else none."""
    if smtp.password or not smtp.username:
        return smtp.password
    try:
        from prefect.blocks.system import Secret

        block = os.environ.get("PLEDGEWATCH_SMTP_PASSWORD_BLOCK", SECRET_BLOCK)
        # Called outside an event loop, load() returns the block (it is typed as maybe a coroutine).
        return Secret.load(block).get()  # type: ignore[union-attr]
    except Exception as error:  # no block: the server may not need a password
        logger().warning("no SMTP password in the environment or Secret block: %s", error)
        return None


def transient(error: BaseException) -> bool:
    """Retry a failed send unless the server's answer was final (5xx, rejected login)."""
    return not (isinstance(error, mail.DeliveryError) and error.permanent)


@task(name="send-email", retry_if=transient)
def send_email(eml_path: Path, smtp: SmtpSettings) -> None:
    """One SMTP attempt; the caller sets retries. Credentials are never logged."""
    message = email.message_from_bytes(eml_path.read_bytes(), policy=email.policy.default)
    assert smtp.host is not None  # send_with_retries sends only when SMTP is configured
    mail.send(
        message,
        host=smtp.host,
        port=smtp.port,
        security=cast("mail.Security", smtp.security),  # send() rejects any other value
        username=smtp.username,
        password=smtp_password(smtp),
        timeout=smtp.timeout,
    )


def send_with_retries(eml_path: Path, smtp: SmtpSettings) -> dict[str, Any]:
    """Send with the configured backoff; the outcome as columns of the runs table."""
    if not smtp.configured:
        return {"delivery_status": "outbox", "delivery_error": None}
    delays = list(smtp.retry_delays)
    sender = send_email.with_options(retries=len(delays), retry_delay_seconds=delays)
    try:
        sender(eml_path, smtp)
    except Exception as error:
        logger().error(
            "delivery of %s failed after %d tries: %s", eml_path.name, len(delays) + 1, error
        )
        forget_frames(error)  # Prefect keeps it in the task state until exit
        return {"delivery_status": "failed", "delivery_error": str(error)[:500]}
    checkpoint("after-send")
    logger().info("delivered %s to %s", eml_path.name, ", ".join(smtp.recipients))
    return {"delivery_status": "sent", "delivery_error": None}


def mark_sending(store: Store, run_id: str, eml_path: Path) -> None:
    """Record, before sending, that this run is about to send: a run killed between the
    send and its record then leaves 'sending' behind instead of nothing."""
    with store.session() as db:
        db.execute(
            "UPDATE runs SET delivery_status = 'sending', email_path = ? WHERE run_id = ?",
            [str(eml_path), run_id],
        )


def interrupted_send(store: Store, week: str) -> str | None:
    """The run killed while sending `week`'s briefing (it may have arrived), unless a send
    of that week succeeded after it; None when nothing is in doubt."""
    with store.session() as db:
        return db.value(
            "SELECT run_id FROM runs WHERE week = $week AND delivery_status = 'sending' "
            "AND finished_at IS NULL AND started_at > coalesce((SELECT max(started_at) "
            "FROM runs WHERE week = $week AND delivery_status = 'sent'), '-infinity') "
            "ORDER BY started_at DESC LIMIT 1",
            {"week": week},
        )


def undelivered_weeks(store: Store) -> list[str]:
    """Weeks whose latest briefing run did not deliver (offered for resending)."""
    with store.session() as db:
        rows = db.execute(
            "SELECT week FROM (SELECT week, delivery_status, row_number() OVER "
            "(PARTITION BY week ORDER BY started_at DESC) AS n FROM runs "
            "WHERE week IS NOT NULL AND delivery_status IS NOT NULL) "
            "WHERE n = 1 AND delivery_status IN ('failed', 'held') ORDER BY week"
        ).fetchall()
    return [r[0] for r in rows]


@flow(name="deliver")
def deliver_flow(week: str, db_path: str | None = None) -> Any:
    """Resend a week's briefing from the .eml kept by its last run (a flow run)."""
    return final_state(resend(week, load_settings(db_path=db_path)))


def resend(week: str, settings: Settings) -> dict[str, Any]:
    """Resend a week's briefing from the .eml kept by its last run."""
    store = Store.from_settings(settings)
    with store.session() as db:
        found = db.value(
            "SELECT email_path FROM runs WHERE week = ? AND email_path IS NOT NULL "
            "ORDER BY started_at DESC LIMIT 1",
            [week],
        )
    if not found or not Path(found).exists():
        raise FileNotFoundError(
            f"no stored email for {week}: build it first with `pledgewatch report --week {week}`"
        )
    eml_path = Path(found)
    with run_lock(store.path):
        run = start_run(store, "deliver", week=week)
        outcome = send_with_retries(eml_path, settings.smtp)
        if outcome["delivery_status"] == "failed":
            run.error("delivery", outcome["delivery_error"])
        status = finish_run(store, run, email_path=str(eml_path), **outcome)
    return {
        "run_id": run.run_id,
        "week": week,
        "status": status,
        "failures": run.failures,
        "email_path": str(eml_path),
        **outcome,
    }
