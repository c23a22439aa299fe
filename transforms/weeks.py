"""ISO-week helpers shared by the event merge, the flows and the briefing.

Weeks are ISO 8601 weeks (Monday to Sunday) written ``YYYY-Www``: the briefing covers one
such week, and an event is counted in the week of its first-seen date. ISO years differ from
calendar years at the edges (2026-12-31 is in 2026-W53, 2027-01-01 too, 2024-12-30 is in
2025-W01), so always go through these functions rather than ``strftime('%Y-W%W')``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

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


@dataclass(frozen=True, slots=True)
class IsoWeek:
    """One ISO week, Monday to Sunday."""

    year: int
    number: int

    @classmethod
    def parse(cls, text: str) -> IsoWeek:
        """Parse 'YYYY-Www'; ValueError on anything else (even week 53 of a 52-week year)."""
        monday, _ = week_bounds(text)
        return cls.of(monday)

    @classmethod
    def of(cls, day: date) -> IsoWeek:
        """The ISO week a date falls in."""
        iso = day.isocalendar()
        return cls(iso.year, iso.week)

    def __str__(self) -> str:
        return f"{self.year}-W{self.number:02d}"

    @property
    def monday(self) -> date:
        return date.fromisocalendar(self.year, self.number, 1)

    @property
    def sunday(self) -> date:
        return self.monday + timedelta(days=6)

    @property
    def utc_bounds(self) -> tuple[datetime, datetime]:
        """[Monday 00:00 UTC, next Monday 00:00 UTC): articles are dated by UTC publication time."""
        start = datetime.combine(self.monday, time(0), tzinfo=UTC)
        return start, start + timedelta(days=7)

    def shifted(self, weeks: int) -> IsoWeek:
        return IsoWeek.of(self.monday + timedelta(weeks=weeks))

    def previous(self) -> IsoWeek:
        return self.shifted(-1)

    def last(self, count: int) -> list[IsoWeek]:
        """The `count` weeks ending with this one, oldest first."""
        return [self.shifted(-i) for i in range(count - 1, -1, -1)]

    def label(self) -> str:
        """'9–15 November 2026', or across months/years '29 December 2025 – 4 January 2026'."""
        a, b = self.monday, self.sunday
        if a.year != b.year:
            return f"{a.day} {a:%B %Y} – {b.day} {b:%B %Y}"
        if a.month != b.month:
            return f"{a.day} {a:%B} – {b.day} {b:%B %Y}"
        return f"{a.day}–{b.day} {b:%B %Y}"
