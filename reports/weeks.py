"""ISO week arithmetic for the briefing.

Events carry their week as the text 'YYYY-Www' (the ISO week of first_seen_on, in UTC), so the
briefing needs the week's dates, its UTC bounds for article queries and its neighbours.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

WEEK_PATTERN = re.compile(r"^(\d{4})-W(\d{2})$")


@dataclass(frozen=True, slots=True)
class IsoWeek:
    """One ISO week, Monday to Sunday."""

    year: int
    number: int

    @classmethod
    def parse(cls, text: str) -> IsoWeek:
        """Parse 'YYYY-Www'; ValueError on anything else (even week 53 of a 52-week year)."""
        match = WEEK_PATTERN.match(text)
        if not match:
            raise ValueError(f"not an ISO week (expected YYYY-Www): {text!r}")
        year, number = int(match.group(1)), int(match.group(2))
        date.fromisocalendar(year, number, 1)  # validates the week number for that year
        return cls(year, number)

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
