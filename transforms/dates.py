"""Date cues in a sentence, resolved against the article's publication date.

"on 21 January" → 2024-01-21, "on Thursday" → the last Thursday on or before publication,
"today" / "this afternoon" → the publication date, "in March last year" / "last month" →
month precision (``YYYY-MM``). Without a publication date only fully explicit dates resolve.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from transforms.sentences import DIGITS, keys

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"

_DAY_MONTH = re.compile(rf"\b(?P<d>{_DAY})\s+(?:of\s+)?(?P<m>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?\b")
_MONTH_DAY = re.compile(rf"\b(?P<m>{_MONTH})\s+(?P<d>{_DAY})(?![\d])(?:,?\s+(?P<y>{_YEAR}))?")
_NUMERIC = re.compile(r"\b(?P<d>[0-3]?\d)[./](?P<m>[01]?\d)[./](?P<y>20\d\d)\b")
_ISO = re.compile(r"\b(?P<y>20\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")
_WEEKDAY = re.compile(
    r"\b(?:(?P<last>[Ll]ast)\s+)?(?P<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
_TODAY = re.compile(
    r"\b(?:today|tonight|this (?:morning|afternoon|evening)|earlier today|on the same day)\b",
    re.IGNORECASE,
)
_YESTERDAY = re.compile(r"\b(?:yesterday|the day before|a day earlier)\b", re.IGNORECASE)
_LAST_MONTH = re.compile(
    r"\b(?:last|past|previous) month\b|\ba month ago\b|\bearlier this month\b|\bthis month\b",
    re.IGNORECASE,
)
# "three days ago": a day counted back from publication.
_DAYS_AGO = re.compile(r"\b(?P<n>two|three|four|five|six|[2-6])\s+days\s+ago\b", re.IGNORECASE)
_SMALL = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
# "last week" names no day, but its month when the whole week lies in one month.
_LAST_WEEK = re.compile(
    r"\b(?:(?P<cal>last|previous)\s+week|(?:the\s+)?past\s+week|a\s+week\s+ago)\b", re.IGNORECASE
)
_IN_MONTH = re.compile(
    rf"\b(?:[Ii]n|[Ss]ince|[Ee]arly|[Ll]ate|[Mm]id-?|[Bb]y|[Ee]nd of|[Bb]eginning of)\s+"
    # "in June 2024" is a month and year; "in June 12" is a day (found by _MONTH_DAY)
    rf"(?:early\s+|late\s+|mid-?)?(?P<m>{_MONTH})(?![a-z])(?!\s+{_DAY}(?!\d))"
    rf"(?:,?\s+(?P<y>{_YEAR})|\s+(?P<rel>last|this|next) year)?"
)
_DATELINE = re.compile(
    rf"^\s*[A-Z][A-Za-z .'-]{{1,40}},\s+(?:(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})|(?P<d2>{_DAY})\s+"
    rf"(?P<m2>{_MONTH}))\b"
)


# Word stems (sentences.keys) that any month name or relative day cue starts with.
_MONTH_STEMS = frozenset({
    "janua", "jan", "febru", "feb", "march", "mar", "april", "apr", "may", "june", "jun",
    "july", "jul", "augus", "aug", "septe", "sep", "sept", "octob", "oct", "novem", "nov",
    "decem", "dec",
})  # fmt: skip
_RELATIVE_STEMS = frozenset({
    "today", "tonig", "yeste", "morni", "after", "eveni", "month", "day", "monda", "tuesd",
    "wedne", "thurs", "frida", "satur", "sunda", "week", "ago",
})  # fmt: skip


@dataclass(frozen=True, slots=True)
class DateCue:
    """A resolved date: ``value`` is ``YYYY-MM-DD`` or ``YYYY-MM``; offsets in the sentence."""

    value: str
    precision: str  # "day" | "month"
    start: int
    end: int
    relative: bool  # from "today", "on Thursday", … rather than a calendar date

    def as_date(self) -> dt.date:
        parts = [int(p) for p in self.value.split("-")]
        return dt.date(parts[0], parts[1], parts[2] if len(parts) > 2 else 1)


def _month(raw: str) -> int | None:
    return MONTHS.get(raw.lower().rstrip("."))


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _infer_year(month: int, day: int, published: dt.date | None) -> dt.date | None:
    """The occurrence of day/month nearest before (or just after) publication."""
    if published is None:
        return None
    candidate = _safe_date(published.year, month, day)
    if candidate is None:
        return None
    if candidate > published + dt.timedelta(days=31):
        candidate = _safe_date(published.year - 1, month, day)
    return candidate


def may_have_date(stems: set[str]) -> bool:
    """False when a sentence (by its sentences.keys) cannot hold a date cue."""
    return not (
        DIGITS.isdisjoint(stems)
        and _MONTH_STEMS.isdisjoint(stems)
        and _RELATIVE_STEMS.isdisjoint(stems)
    )


def find_dates(
    sentence: str, published: dt.date | None, stems: set[str] | None = None
) -> list[DateCue]:
    """Every resolvable date cue of ``sentence``, left to right."""
    cues: list[DateCue] = []
    taken: list[tuple[int, int]] = []
    stems = keys(sentence) if stems is None else stems

    def add(value: str, precision: str, m: re.Match[str], relative: bool) -> None:
        if any(s < m.end() and m.start() < e for s, e in taken):
            return
        taken.append((m.start(), m.end()))
        cues.append(DateCue(value, precision, m.start(), m.end(), relative))

    has_digit = not DIGITS.isdisjoint(stems)
    has_month = not _MONTH_STEMS.isdisjoint(stems)
    calendar = [rx for rx, need in ((_ISO, has_digit), (_NUMERIC, has_digit)) if need]
    if has_month and has_digit:
        calendar += [_DAY_MONTH, _MONTH_DAY]
    for rx in calendar:
        for m in rx.finditer(sentence):
            month = int(m.group("m")) if m.group("m").isdigit() else _month(m.group("m"))
            day = int(re.sub(r"\D", "", m.group("d")))
            if month is None:
                continue
            if m.group("y"):
                date = _safe_date(int(m.group("y")), month, day)
            else:
                # "May 9" is a date; bare "May" + number is rarely anything else.
                date = _infer_year(month, day, published)
            if date is not None:
                add(date.isoformat(), "day", m, False)
    relative = published is not None and not _RELATIVE_STEMS.isdisjoint(stems)
    if relative and published is not None:
        for m in _TODAY.finditer(sentence):
            add(published.isoformat(), "day", m, True)
        for m in _YESTERDAY.finditer(sentence):
            add((published - dt.timedelta(days=1)).isoformat(), "day", m, True)
        for m in _WEEKDAY.finditer(sentence):
            target = WEEKDAYS.index(m.group("w").lower())
            back = (published.weekday() - target) % 7
            if m.group("last") and back == 0:
                back = 7
            add((published - dt.timedelta(days=back)).isoformat(), "day", m, True)
        for m in _LAST_MONTH.finditer(sentence):
            if "this" not in m.group().lower():
                year, month = (
                    (published.year - 1, 12)
                    if published.month == 1
                    else (published.year, published.month - 1)
                )
            else:
                year, month = published.year, published.month
            add(f"{year:04d}-{month:02d}", "month", m, True)
        for m in _DAYS_AGO.finditer(sentence):
            n = m.group("n").lower()
            back = int(n) if n.isdigit() else _SMALL[n]
            add((published - dt.timedelta(days=back)).isoformat(), "day", m, True)
        for m in _LAST_WEEK.finditer(sentence):
            first, last = _week_before(published, calendar=m.group("cal") is not None)
            if (first.year, first.month) == (last.year, last.month):
                add(f"{first.year:04d}-{first.month:02d}", "month", m, True)
    for m in _IN_MONTH.finditer(sentence) if has_month else ():
        month = _month(m.group("m"))
        if month is None:
            continue
        if m.group("y"):
            year = int(m.group("y"))
        elif published is None:
            continue
        elif m.group("rel") == "last":
            year = published.year - 1
        elif m.group("rel") == "next":
            year = published.year + 1
        else:
            year = published.year if month <= published.month + 1 else published.year - 1
        add(f"{year:04d}-{month:02d}", "month", m, False)
    cues.sort(key=lambda c: c.start)
    return cues


def _week_before(published: dt.date, calendar: bool) -> tuple[dt.date, dt.date]:
    """The first and last day of "last week": the calendar week (Monday to Sunday) before
    the one of ``published``, or the seven days before it ("the past week", "a week ago")."""
    if calendar:
        monday = published - dt.timedelta(days=published.weekday() + 7)
        return monday, monday + dt.timedelta(days=6)
    return published - dt.timedelta(days=7), published - dt.timedelta(days=1)


def best_date(
    cues: list[DateCue], near: int | None = None, published: dt.date | None = None
) -> DateCue | None:
    """The cue to use: day precision before month, nearest to ``near`` when given.

    With ``published``, cues after it are skipped: a delivery "in March" named in a February
    article is not when the pledge was announced.
    """
    if published is not None:
        cues = [c for c in cues if not _after(c, published)]
    if not cues:
        return None
    days = [c for c in cues if c.precision == "day"] or cues
    if near is None:
        return days[0]
    return min(days, key=lambda c: abs(c.start - near))


def _after(cue: DateCue, published: dt.date) -> bool:
    if cue.precision == "month":
        return cue.as_date() > published.replace(day=1)
    return cue.as_date() > published + dt.timedelta(days=1)


def is_earlier(cue: DateCue | None, published: dt.date | None) -> bool:
    """True when ``cue`` dates an event clearly before the article's news.

    A month-only date up to the publication month ("in January", "last month") is background:
    news of the day is dated to the day. A day more than a week before publication is too.
    """
    if cue is None or published is None:
        return False
    if cue.precision == "month":
        return cue.as_date() <= published.replace(day=1)
    return (published - cue.as_date()).days > 7


_IN_YEAR = re.compile(
    r"\b(?:[Ii]n|[Dd]uring|[Bb]ack\s+in|[Ll]ate|[Ee]arly)\s+((?:19|20)\d\d)\b(?![-/])"
)


# 1.9.11: the year before told without its number: "Last year, Germany pledged …"
_LAST_YEAR = re.compile(r"\b(?:[Ll]ast|[Pp]revious)\s+year\b|\ba\s+year\s+ago\b")


def past_year(sentence: str, published: dt.date | None) -> bool:
    """True when the sentence places its event in a year before publication ("In 2023, …").

    A year alone is no date (nothing is filled in), but it marks the event as background.
    """
    if published is None:
        return False
    if _LAST_YEAR.search(sentence):
        return True
    return any(int(m.group(1)) < published.year for m in _IN_YEAR.finditer(sentence))


def dateline(text: str, published: dt.date | None) -> str | None:
    """The date of a wire dateline such as ``BRUSSELS, April 3. /TASS/.`` at the article start."""
    m = _DATELINE.match(text[:120])
    if not m:
        return None
    month = _month(m.group("m1") or m.group("m2"))
    day = int(re.sub(r"\D", "", m.group("d1") or m.group("d2")))
    if month is None:
        return None
    date = _infer_year(month, day, published)
    return date.isoformat() if date else None
