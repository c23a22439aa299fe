"""Prefect artifacts on every flow run: what an operator checks in the UI after a run."""

from __future__ import annotations

from pathlib import Path

from prefect.artifacts import create_link_artifact, create_markdown_artifact, create_table_artifact

from flows.runs import RunRecord
from flows.status import feed_lines
from flows.storage import Store
from flows.tasking import logger
from reports.briefing import Briefing, Coverage

FEED_COUNTERS = ("feeds_ok", "feeds_not_modified", "feeds_failed", "feeds_malformed_kept")


def summary_markdown(run: RunRecord, delivery: str | None = None) -> str:
    """Feeds ok/failed, articles new, mentions, events, delivery, then every error."""
    counts = run.counts
    lines = [
        f"# PledgeWatch {run.kind} run" + (f" for {run.week}" if run.week else ""),
        "",
        f"Run id `{run.run_id}`",
        "",
        "| counter | value |",
        "|---|---|",
        *(f"| {k} | {counts.get(k, 0)} |" for k in FEED_COUNTERS),
        *(f"| {k} | {v} |" for k, v in sorted(counts.items()) if k not in FEED_COUNTERS),
    ]
    if delivery:
        lines.append(f"| delivery | {delivery} |")
    if "entries" in run.counts:  # the run ingested feeds
        lines += ["", "## Coverage", "", coverage(run).line]
    lines += ["", f"## Errors ({len(run.errors)})", ""]
    lines += [f"- `{e['where']}`: {e['error']}" for e in run.errors[:100]] or ["none"]
    return "\n".join(lines) + "\n"


def coverage(run: RunRecord) -> Coverage:
    """This run's coverage, as the briefing's cover states a week's."""
    languages = sorted(
        ((k.split(": ", 1)[1], v) for k, v in run.counts.items() if k.startswith("language: ")),
        key=lambda item: (-item[1], item[0]),
    )
    return Coverage(
        feeds=run.counts["feeds_ok"] + run.counts["feeds_not_modified"],
        languages=tuple(languages),
        unreadable=run.counts["entries_unreadable"],
    )


def publish_feed_health(store: Store) -> None:
    """A table of every feed's health line (as `pledgewatch status` prints it); never fails."""
    try:
        with store.session(read_only=True) as db:
            lines = feed_lines(db)
        create_table_artifact(
            key="pledgewatch-feed-health",
            table=[
                {"feed": outlet, "health": line, "failing": failing}
                for outlet, line, failing in lines
            ]
            or [{"feed": "none"}],
            description="Per-feed health after this run: entries seen, new, duplicates, "
            "unreadable and why",
        )
    except Exception as error:  # artifacts are a convenience, not the product
        logger().warning("could not publish the feed health artifact: %s", error)


def publish_artifacts(
    run: RunRecord,
    briefing: Briefing | None = None,
    pdf_path: Path | None = None,
    delivery: str | None = None,
) -> None:
    """Summary, the week's new pledges and a link to the PDF; never fails the run."""
    key = f"pledgewatch-{run.kind}"
    try:
        create_markdown_artifact(
            key=f"{key}-summary", markdown=summary_markdown(run, delivery), description=run.run_id
        )
        if briefing is not None:
            rows = [
                {
                    "donor": p.donor,
                    "amount": p.amount_label,
                    "eur": p.eur_label,
                    "category": p.category,
                    "mentions": p.mention_count,
                }
                for group in briefing.donors
                for p in group.pledges
            ]
            create_table_artifact(
                key=f"{key}-new-pledges",
                table=rows or [{"donor": "none this week"}],
                description=f"New pledge events, {run.week}",
            )
        if pdf_path is not None:
            create_link_artifact(
                key=f"{key}-briefing", link=pdf_path.as_uri(), link_text=pdf_path.name
            )
    except Exception as error:  # artifacts are a convenience, not the product
        logger().warning("could not publish artifacts: %s", error)
