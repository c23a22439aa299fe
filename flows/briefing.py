"""The weekly job's body: a week's briefing rendered, delivered and published.

Importable without Prefect, so `pledgewatch report` runs it directly in ~2 s; the scheduled
`weekly-briefing` flow (flows/weekly.py) runs the same code with task runs and artifacts.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from flows.deliver import interrupted_send, mark_sending, send_with_retries, undelivered_weeks
from flows.faults import checkpoint
from flows.feeds_config import load_feeds
from flows.publish import publish
from flows.retention import prune_history
from flows.runs import finish_run, start_run
from flows.settings import Settings
from flows.storage import Store
from flows.tasking import in_run, logger, task
from reports import email as mail
from reports.atomic import remove_leftovers
from reports.briefing import Briefing, gather
from reports.render import render_pdf
from transforms.weeks import week_bounds


def briefing_path(settings: Settings, week: str) -> Path:
    return settings.output_dir / f"pledgewatch-{week}.pdf"


@task(name="render-briefing")
def render_briefing(store: Store, week: str, run_id: str, pdf_path: Path) -> Briefing:
    """Gather the week's facts (read-only use of the writer's file) and render the PDF."""
    with store.session() as db:
        briefing = gather(db.con, week, run_id=run_id, generated_at=datetime.now(UTC))
    result = render_pdf(briefing, pdf_path)
    logger().info("briefing %s: %d pages at %s", week, result.pages, result.path)
    return briefing


def deliver(
    briefing: Briefing, pdf_path: Path, settings: Settings, store: Store, run_id: str
) -> dict[str, Any]:
    """Write the .eml to the outbox (always kept), then send it when SMTP is configured.

    If an earlier run of the week was killed while sending, the briefing may have arrived:
    it is held (not sent twice) until someone resends it with `pledgewatch deliver`.
    """
    smtp = settings.smtp
    recipients = list(smtp.recipients) or ["analysts@localhost"]
    message = mail.build_message(briefing, pdf_path, sender=smtp.sender, recipients=recipients)
    eml_path = mail.write_eml(message, settings.outbox_dir)
    week = briefing.week
    if smtp.configured and (killed := interrupted_send(store, week)):
        error = (
            f"run {killed} was killed while sending the {week} briefing, which may have "
            f"arrived: not sent again (check, then `pledgewatch deliver --week {week}`)"
        )
        logger().error(error)
        return {"email_path": str(eml_path), "delivery_status": "held", "delivery_error": error}
    if smtp.configured:
        mark_sending(store, run_id, eml_path)
    return {"email_path": str(eml_path), **send_with_retries(eml_path, smtp)}


def run_weekly(settings: Settings, week: str, *, fetch: bool, kind: str = "weekly") -> dict:
    """Body of the weekly flow, shared with the demo; the caller holds the run lock."""
    store = Store.from_settings(settings)
    run = start_run(store, kind, week=week)
    published = settings.published_db_path.parent
    for folder in (settings.output_dir, settings.outbox_dir, published, published / "exports"):
        for leftover in remove_leftovers(folder):  # a killed run's half-written file
            logger().warning("removed %s, left by an interrupted run", leftover)
            run.counts["leftovers_removed"] += 1
    briefing = pdf_path = None
    extra: dict[str, Any] = {}
    try:
        week_bounds(week)  # validates the week before any work
        for missed in undelivered_weeks(store):
            logger().warning(
                "the %s briefing was never delivered: resend it with "
                "`pledgewatch deliver --week %s`",
                missed,
                missed,
            )
            run.counts["undelivered_earlier_weeks"] += 1
        if fetch:
            from flows.ingest import ingest_into  # Prefect's fan-out: not for `report`

            ingest_into(store, run, load_feeds(settings.feeds_file))
        pdf_path = briefing_path(settings, week)
        briefing = render_briefing(store, week, run.run_id, pdf_path)
        extra = {
            "briefing_path": str(pdf_path),
            **deliver(briefing, pdf_path, settings, store, run.run_id),
        }
        if extra["delivery_status"] in ("failed", "held"):
            run.error("delivery", extra["delivery_error"])
        with store.session() as db:
            run.counts.update(prune_history(db))
        checkpoint("before-publish")
        publish(store)
    except BaseException as error:
        run.error(kind, error)
        finish_run(store, run, "failed", **extra)
        raise
    status = finish_run(store, run, **extra)
    if in_run():  # artifacts belong to a flow run; `pledgewatch report` has none
        from flows.artifacts import publish_artifacts, publish_feed_health

        publish_artifacts(run, briefing, pdf_path, extra.get("delivery_status"))
        if fetch:
            publish_feed_health(store)
    return {
        "run_id": run.run_id,
        "week": week,
        "status": status,
        "failures": run.failures,
        "pdf": str(pdf_path),
        "published_db": str(settings.published_db_path),
        **extra,
        **run.counts,
    }
