"""Gather one ISO week's facts from DuckDB into a plain, typed Briefing.

The template and the email only format what is here; every number is computed by a named
query in reports/queries.py, so a figure in the PDF can be checked against SQL. Sources are
numbered in order of first citation, in the order the PDF shows facts, so footnote [1] is
the first one a reader meets.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import duckdb

from reports import queries
from reports.formatting import compact
from transforms.languages import reading_line
from transforms.weeks import IsoWeek

REVIEW_THRESHOLD = 0.6
RUNNING_WEEKS = 12
RUNNING_SERIES = 5  # donors drawn individually in the running-totals chart; the rest are summed
ZERO = Decimal("0.00")


@dataclass(frozen=True, slots=True)
class Source:
    """An article cited in the briefing, numbered by first citation."""

    number: int
    article_id: str
    outlet: str | None
    published_at: datetime | None
    title: str | None
    url: str


@dataclass(frozen=True, slots=True)
class Figures:
    """Headline counts for one week (events only, never mentions)."""

    pledges: int = 0
    eur_total: Decimal = ZERO
    without_eur: int = 0
    donors: int = 0
    agreements: int = 0
    coalition_members: int = 0


@dataclass(frozen=True, slots=True)
class Coverage:
    """What the week's figures rest on: feeds, articles by language, entries not read."""

    feeds: int = 0
    languages: tuple[tuple[str, int], ...] = ()  # (ISO code, articles), most first
    unreadable: int = 0  # feed entries whose article text could not be read

    @property
    def line(self) -> str:
        """'4 feeds read; 12 articles read in English; 40 in Ukrainian and Russian stored,
        not yet read; 3 feed entries could not be read.'"""
        feeds = f"{self.feeds} feed{'s' * (self.feeds != 1)} read"
        parts = [feeds, reading_line(self.languages)]
        entries = "entries" if self.unreadable != 1 else "entry"
        parts.append(f"{self.unreadable:,} feed {entries} could not be read")
        return "; ".join(parts) + "."


@dataclass(frozen=True, slots=True)
class Change:
    """This week minus the previous week."""

    pledges: int
    eur: Decimal
    eur_percent: float | None  # None when the previous week had no EUR total
    agreements: int
    coalition_members: int


@dataclass(slots=True)
class Pledge:
    """One pledge event as the briefing shows it."""

    event_id: str
    donor: str
    recipient: str | None
    amount: Decimal | None
    currency: str | None
    amount_eur: Decimal | None
    fx_rate: float | None
    fx_date: date | None
    fx_note: str | None
    category: str
    stage: str
    items: str | None
    coalition: str | None
    announced_on: date | None
    announced_precision: str | None
    first_seen_on: date
    week: str
    mention_count: int
    article_count: int
    evidence: str
    confidence: float
    footnotes: list[int] = field(default_factory=list)
    components: list[Pledge] = field(default_factory=list)

    @property
    def needs_review(self) -> bool:
        return self.confidence < REVIEW_THRESHOLD

    @property
    def amount_label(self) -> str:
        """The amount as stated, e.g. '$400 m' ('—' when the text gave none)."""
        return compact(self.amount, self.currency)

    @property
    def eur_label(self) -> str:
        """The EUR amount, e.g. '€370.4 m' ('—' when no ECB rate exists)."""
        return compact(self.amount_eur)


@dataclass(slots=True)
class DonorGroup:
    donor: str
    pledges: list[Pledge]
    eur_total: Decimal
    without_eur: int


@dataclass(slots=True)
class Agreement:
    event_id: str
    kind: str
    parties: list[str]
    subject: str | None
    document_count: int | None
    coalition: str | None
    signed_on: date | None
    signed_precision: str | None
    first_seen_on: date
    mention_count: int
    article_count: int
    evidence: str
    confidence: float
    footnotes: list[int] = field(default_factory=list)

    @property
    def members(self) -> list[str]:
        """For a coalition move: the parties other than the coalition itself."""
        return [p for p in self.parties if p != self.coalition] or list(self.parties)

    @property
    def needs_review(self) -> bool:
        return self.confidence < REVIEW_THRESHOLD


@dataclass(slots=True)
class AgreementGroup:
    kind: str
    agreements: list[Agreement]


@dataclass(slots=True)
class ReviewItem:
    """A fact below the confidence threshold, shown apart for a human to check."""

    what: str  # pledge | agreement
    level: str  # event | mention
    actor: str
    amount: Decimal | None
    currency: str | None
    amount_eur: Decimal | None
    kind: str | None
    confidence: float
    evidence: str
    seen_on: date | None
    footnotes: list[int] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Series:
    label: str
    values: list[Decimal]


@dataclass(slots=True)
class Charts:
    """Numbers behind the charts, in EUR (the renderer scales to EUR million)."""

    eur_by_donor: list[tuple[str, Decimal]]
    eur_by_category: list[tuple[str, Decimal]]
    running_weeks: list[str]
    running_totals: list[Series]


@dataclass(slots=True)
class Briefing:
    """Everything the weekly PDF and email say, read from the database at one moment."""

    week: str
    week_start: date
    week_end: date
    week_label: str
    previous_week: str
    run_id: str
    generated_at: datetime
    figures: Figures
    previous: Figures
    change: Change
    bottom_line: str
    top_pledges: list[Pledge]
    donors: list[DonorGroup]
    restated: list[Pledge]
    agreements_by_kind: list[AgreementGroup]
    coalition_changes: list[Agreement]
    needs_review: list[ReviewItem]
    charts: Charts
    sources: list[Source]
    coverage: Coverage = Coverage()

    @property
    def is_empty(self) -> bool:
        """Nothing new, nothing restated, nothing to review: the short 'quiet week' briefing."""
        return not (
            self.figures.pledges or self.figures.agreements or self.restated or self.needs_review
        )


class _Citations:
    """Numbers articles by first citation; the Sources appendix lists them in that order."""

    def __init__(self) -> None:
        self.order: dict[str, int] = {}

    def cite(self, article_ids: Iterable[str]) -> list[int]:
        numbers = []
        for article_id in article_ids:
            number = self.order.setdefault(article_id, len(self.order) + 1)
            if number not in numbers:
                numbers.append(number)
        return numbers


def _rows(con: duckdb.DuckDBPyConnection, sql: str, **params: Any) -> list[dict[str, Any]]:
    """Run a named-parameter query; only the parameters the SQL uses are passed."""
    used = {k: v for k, v in params.items() if re.search(rf"\${k}\b", sql)}
    cursor = con.execute(sql, used)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _figures(con: duckdb.DuckDBPyConnection, week: IsoWeek) -> Figures:
    p = _rows(con, queries.PLEDGE_FIGURES, week=str(week))[0]
    a = _rows(con, queries.AGREEMENT_FIGURES, week=str(week))[0]
    return Figures(
        pledges=p["pledges"],
        eur_total=Decimal(p["eur_total"]),
        without_eur=p["without_eur"],
        donors=p["donors"],
        agreements=a["agreements"],
        coalition_members=a["coalition_members"],
    )


def _change(now: Figures, before: Figures) -> Change:
    eur_percent = None
    if before.eur_total:
        eur_percent = float((now.eur_total - before.eur_total) / before.eur_total * 100)
    return Change(
        pledges=now.pledges - before.pledges,
        eur=now.eur_total - before.eur_total,
        eur_percent=eur_percent,
        agreements=now.agreements - before.agreements,
        coalition_members=now.coalition_members - before.coalition_members,
    )


def _pledge(row: dict[str, Any]) -> Pledge:
    names = Pledge.__dataclass_fields__.keys() - {"footnotes", "components"}
    return Pledge(**{k: row[k] for k in names})


def _agreement(row: dict[str, Any]) -> Agreement:
    names = Agreement.__dataclass_fields__.keys() - {"footnotes"}
    values: dict[str, Any] = {k: (list(row[k]) if k == "parties" else row[k]) for k in names}
    return Agreement(**values)


def _sources_by_event(
    con: duckdb.DuckDBPyConnection, sql: str, ids: Sequence[str], **params: Any
) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    if ids:
        for row in _rows(con, sql, ids=list(ids), **params):
            found[row["event_id"]].append(row["article_id"])
    return found


def _donor_groups(pledges: list[Pledge]) -> list[DonorGroup]:
    """Donors by EUR total, largest first; within a donor, pledges as the query ordered them."""
    by_donor: dict[str, list[Pledge]] = defaultdict(list)
    for pledge in pledges:
        by_donor[pledge.donor].append(pledge)
    groups = [
        DonorGroup(
            donor=donor,
            pledges=items,
            eur_total=sum((p.amount_eur for p in items if p.amount_eur is not None), ZERO),
            without_eur=sum(1 for p in items if p.amount_eur is None),
        )
        for donor, items in by_donor.items()
    ]
    groups.sort(key=lambda g: (-g.eur_total, g.donor))
    return groups


def _running_totals(
    con: duckdb.DuckDBPyConnection, week: IsoWeek
) -> tuple[list[str], list[Series]]:
    weeks = [str(w) for w in week.last(RUNNING_WEEKS)]
    weekly: dict[str, dict[str, Decimal]] = defaultdict(dict)
    for row in _rows(con, queries.EUR_BY_DONOR_AND_WEEK, weeks=weeks):
        weekly[row["donor"]][row["week"]] = row["eur"]
    totals = {d: sum(v.values(), ZERO) for d, v in weekly.items()}
    ranked = sorted(totals, key=lambda d: (-totals[d], d))
    shown, rest = ranked[:RUNNING_SERIES], ranked[RUNNING_SERIES:]

    def cumulative(donors: list[str]) -> list[Decimal]:
        running, out = ZERO, []
        for w in weeks:
            running += sum((weekly[d].get(w, ZERO) for d in donors), ZERO)
            out.append(running)
        return out

    series = [Series(d, cumulative([d])) for d in shown]
    if rest:
        noun = "donor" if len(rest) == 1 else "donors"
        series.append(Series(f"{len(rest)} other {noun}", cumulative(rest)))
    return weeks, series


def _bottom_line(figures: Figures, change: Change, top: list[Pledge]) -> str:
    if not figures.pledges and not figures.agreements:
        return "No new pledges or agreements were reported this week."
    parts = []
    if figures.pledges:
        donors = f"{figures.donors} donor{'s' if figures.donors != 1 else ''}"
        noun = "pledge" if figures.pledges == 1 else "pledges"
        money = f"worth {compact(figures.eur_total)}"
        parts.append(f"{figures.pledges} new {noun} from {donors} {money}")
    else:
        parts.append("no new pledges")
    if figures.agreements:
        noun = "agreement" if figures.agreements == 1 else "agreements"
        text = f"{figures.agreements} new {noun}"
        if figures.coalition_members:
            text += f" (incl. {figures.coalition_members} coalition membership"
            text += "s)" if figures.coalition_members != 1 else ")"
        parts.append(text)
    sentence = "; ".join(parts)
    sentence = sentence[0].upper() + sentence[1:] + "."
    if top:
        sentence += f" Largest: {top[0].donor}, {compact(top[0].amount_eur)} ({top[0].category})."
    direction = "up" if change.eur > 0 else "down" if change.eur < 0 else "unchanged"
    if direction == "unchanged":
        sentence += " EUR total unchanged on the week before."
    else:
        sentence += f" EUR total {direction} {compact(abs(change.eur))} on the week before."
    return sentence


def gather(
    con: duckdb.DuckDBPyConnection, week: str, *, run_id: str, generated_at: datetime
) -> Briefing:
    """Read the facts of ISO week `week` ('YYYY-Www') into a Briefing.

    Read-only: runs SELECTs only, so it can work on the published read-only copy.
    """
    iso = IsoWeek.parse(week)
    week = str(iso)
    start, end = iso.utc_bounds
    bounds = {"start": start, "end": end}
    cites = _Citations()

    figures = _figures(con, iso)
    previous = _figures(con, iso.previous())
    change = _change(figures, previous)

    # New pledges, their components and footnotes, in the order the PDF shows them.
    new = [_pledge(r) for r in _rows(con, queries.NEW_PLEDGES, week=week)]
    by_id = {p.event_id: p for p in new}
    for row in _rows(con, queries.PACKAGE_COMPONENTS, ids=list(by_id)):
        by_id[row["package_event_id"]].components.append(_pledge(row))
    donors = _donor_groups(new)
    component_ids = [c.event_id for p in new for c in p.components]
    sources = _sources_by_event(con, queries.PLEDGE_SOURCES, [*by_id, *component_ids])
    for group in donors:
        for pledge in group.pledges:
            pledge.footnotes = cites.cite(sources[pledge.event_id])
            for component in pledge.components:
                component.footnotes = cites.cite(sources[component.event_id])
    top_ids = [r["event_id"] for r in _rows(con, queries.TOP_PLEDGES, week=week)]
    top = [by_id[i] for i in top_ids]

    restated = [_pledge(r) for r in _rows(con, queries.RESTATED_PLEDGES, week=week, **bounds)]
    restated_sources = _sources_by_event(
        con, queries.PLEDGE_SOURCES_IN_WEEK, [p.event_id for p in restated], **bounds
    )
    for pledge in restated:
        pledge.footnotes = cites.cite(restated_sources[pledge.event_id])

    agreements = [_agreement(r) for r in _rows(con, queries.NEW_AGREEMENTS, week=week)]
    agreement_sources = _sources_by_event(
        con, queries.AGREEMENT_SOURCES, [a.event_id for a in agreements]
    )
    coalition = [a for a in agreements if a.kind == "coalition membership"]
    others = [a for a in agreements if a.kind != "coalition membership"]
    groups: dict[str, list[Agreement]] = defaultdict(list)
    for agreement in others:
        groups[agreement.kind].append(agreement)
    by_kind = [AgreementGroup(kind, items) for kind, items in groups.items()]
    for agreement in [*others, *coalition]:
        agreement.footnotes = cites.cite(agreement_sources[agreement.event_id])

    review_rows = _rows(con, queries.NEEDS_REVIEW, week=week, threshold=REVIEW_THRESHOLD, **bounds)
    review_pledge_src = _sources_by_event(
        con,
        queries.PLEDGE_SOURCES,
        [r["event_id"] for r in review_rows if r["what"] == "pledge" and r["level"] == "event"],
    )
    review_agreement_src = _sources_by_event(
        con,
        queries.AGREEMENT_SOURCES,
        [r["event_id"] for r in review_rows if r["what"] == "agreement" and r["level"] == "event"],
    )
    needs_review = []
    for r in review_rows:
        if r["level"] == "mention":
            cited = [r["article_id"]]
        elif r["what"] == "pledge":
            cited = review_pledge_src[r["event_id"]]
        else:
            cited = review_agreement_src[r["event_id"]]
        fields = ReviewItem.__dataclass_fields__.keys() - {"footnotes"}
        item = ReviewItem(**{k: r[k] for k in fields})
        item.footnotes = cites.cite(cited)
        needs_review.append(item)

    running_weeks, running = _running_totals(con, iso)
    charts = Charts(
        eur_by_donor=[(r["label"], r["eur"]) for r in _rows(con, queries.EUR_BY_DONOR, week=week)],
        eur_by_category=[
            (r["label"], r["eur"]) for r in _rows(con, queries.EUR_BY_CATEGORY, week=week)
        ],
        running_weeks=running_weeks,
        running_totals=running,
    )

    articles = {r["article_id"]: r for r in _rows(con, queries.ARTICLES, ids=list(cites.order))}
    source_list = [
        Source(
            number=n,
            article_id=a,
            outlet=articles[a]["outlet"],
            published_at=articles[a]["published_at"],
            title=articles[a]["title"],
            url=articles[a]["url"] or articles[a]["canonical_url"],
        )
        for a, n in cites.order.items()
    ]

    feeds = _rows(con, queries.COVERAGE_FEEDS, **bounds)[0]
    coverage = Coverage(
        feeds=feeds["feeds"],
        languages=tuple(
            (r["language"], r["articles"]) for r in _rows(con, queries.COVERAGE_LANGUAGES, **bounds)
        ),
        unreadable=int(feeds["unreadable"]),
    )

    return Briefing(
        week=week,
        week_start=iso.monday,
        week_end=iso.sunday,
        week_label=iso.label(),
        previous_week=str(iso.previous()),
        run_id=run_id,
        generated_at=generated_at,
        figures=figures,
        previous=previous,
        change=change,
        bottom_line=_bottom_line(figures, change, top),
        top_pledges=top,
        donors=donors,
        restated=restated,
        agreements_by_kind=by_kind,
        coalition_changes=coalition,
        needs_review=needs_review,
        charts=charts,
        sources=source_list,
        coverage=coverage,
    )
