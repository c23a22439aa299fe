"""ISO-week helpers shared by the event merge, the flows and the briefing.

Weeks are ISO 8601 weeks (Monday to Sunday) written ``YYYY-Www``: the briefing covers one
such week, and an event is counted in the week of its first-seen date. ISO years differ from
calendar years at the edges (2026-12-31 is in 2026-W53, 2027-01-01 too, 2024-12-30 is in
2025-W01), so always go through these functions rather than ``strftime('%Y-W%W')``.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

WEEK_PATTERN = re.compile(r"(\d{4})-W(\d{2})")


def iso_week(day: date) -> str:
    """ISO week of a date as 'YYYY-Www'; an aware datetime is taken in UTC first."""
    if isinstance(day, datetime):
        day = (day.astimezone(UTC) if day.tzinfo else day).date()
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def week_bounds(week: str) -> tuple[date, date]:
    """(Monday, Sunday) of an ISO week 'YYYY-Www'; ValueError on a malformed or absent week."""
    match = WEEK_PATTERN.fullmatch(week.strip()) if isinstance(week, str) else None
    if match is None:
        raise ValueError(f"not an ISO week (expected YYYY-Www, e.g. 2026-W46): {week!r}")
    year, number = int(match.group(1)), int(match.group(2))
    try:
        monday = date.fromisocalendar(year, number, 1)
    except ValueError as error:
        raise ValueError(f"ISO year {year} has no week {number}: {week!r}") from error
    return monday, monday + timedelta(days=6)


def previous_week(day: date) -> str:
    """The ISO week before the one containing `day` (what a Monday briefing reports on)."""
    return iso_week(day - timedelta(days=7))
