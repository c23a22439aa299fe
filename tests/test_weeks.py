"""ISO weeks (transforms.weeks): the week a briefing covers, across year boundaries."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from transforms.weeks import iso_week, previous_week, week_bounds

D = date.fromisoformat

ISO_WEEKS = [
    ("2026-11-16", "2026-W47"),
    ("2026-12-31", "2026-W53"),  # a Thursday: 2026 has 53 ISO weeks
    ("2027-01-01", "2026-W53"),
    ("2027-01-03", "2026-W53"),
    ("2027-01-04", "2027-W01"),
    ("2024-12-30", "2025-W01"),  # a Monday of the next ISO year
    ("2021-01-03", "2020-W53"),
    ("2026-01-01", "2026-W01"),
]


@pytest.mark.parametrize("day, week", ISO_WEEKS)
def test_iso_week(day: str, week: str) -> None:
    assert iso_week(D(day)) == week
    monday, sunday = week_bounds(week)
    assert monday <= D(day) <= sunday
    assert monday.isoweekday() == 1 and sunday - monday == timedelta(days=6)


def test_iso_week_of_aware_datetime_is_taken_in_utc() -> None:
    from zoneinfo import ZoneInfo

    kyiv_monday_early = datetime(2026, 11, 16, 1, 0, tzinfo=ZoneInfo("Europe/Kyiv"))
    assert iso_week(kyiv_monday_early) == "2026-W46"  # still Sunday in UTC


def test_week_bounds() -> None:
    assert week_bounds("2026-W53") == (D("2026-12-28"), D("2027-01-03"))
    assert week_bounds("2026-W01") == (D("2025-12-29"), D("2026-01-04"))
    assert previous_week(D("2026-11-23")) == "2026-W47"


@pytest.mark.parametrize(
    "bad", ["2025-W53", "2026-W00", "2026-W54", "2026W46", "2026-w46", "26-W46", "", "2026-W4"]
)
def test_week_bounds_rejects_bad_weeks(bad: str) -> None:
    with pytest.raises(ValueError):
        week_bounds(bad)
