"""What merging mentions into events shares, for pledges (pledge_events) and agreements
(agreement_events).

Many outlets restate the same pledge or signing over days and months; counting mentions
inflates totals, the classic failure of automated event data. The flows re-run the merge over
every mention in the database, so it is pure, deterministic and near-linear:

* Mentions are processed in one canonical order, (published_on, mention_id). The same set of
  mentions therefore gives the same events and ids whatever order the rows arrive in, and an
  event's id is the hash of its founding (earliest) mention, so re-runs keep ids stable.
* Each mention joins the best matching earlier event or founds a new one (greedy, single pass).
  A mention that matches nothing changes no other event.
* Candidates come from indexes keyed by donor (or agreement kind and party) plus an amount
  bucket, an item word or a party, each kept sorted by the event's anchor date so the date
  window is a bisect, not a scan: cost grows linearly (bench/bench_events.py).

The rules that decide whether two mentions are one event, and their tolerances, live beside
the code that applies them, in pledge_events and agreement_events.
"""

from __future__ import annotations

import bisect
import calendar
import functools
import hashlib
import itertools
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, TypeAlias, TypeVar

from transforms.weeks import iso_week


def wordset(text: str) -> frozenset[str]:
    """A frozenset of whitespace-separated words (keeps the word lists readable)."""
    return frozenset(text.split())


GENERIC_WORDS = wordset(
    """a an and the of for to in on with by from at as into its their his her our this that these
    those new more additional several some other further another many few one two three four five
    six seven eight nine ten dozen dozens hundreds thousands number batch units unit system systems
    military aid equipment support package packages worth type types various"""
)
"""Words that say nothing about what is pledged or agreed; dropped before comparing item
words (pledges) and, with more, subject words (agreements)."""

MONTH_SPAN_DAYS = 31
"""Longest anchor interval (a month-precision date), used to widen the bisect range."""

_WORD = re.compile(r"[0-9a-z]+(?:-[0-9a-z]+)*")


@dataclass(frozen=True, slots=True)
class EventMerge:
    """Events (table rows without run_id) in first-seen order, and the event of every mention."""

    events: list[dict[str, Any]]
    mention_events: dict[str, str]


# --- small helpers ----------------------------------------------------------------------------


def event_id_for(founding_mention_id: str) -> str:
    """Stable event id: the first 16 hex digits of the SHA-256 of the founding mention id."""
    return hashlib.sha256(founding_mention_id.encode("utf-8")).hexdigest()[:16]


def as_date(value: Any) -> date | None:
    """A date from a date, datetime or ISO string ('YYYY-MM-DD' or 'YYYY-MM'); None if empty."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if len(text) == 7:
        return date.fromisoformat(text + "-01")
    return date.fromisoformat(text[:10])


def date_interval(day: date, precision: str | None) -> tuple[int, int]:
    """Ordinal interval a date stands for: one day, or the whole month for month precision."""
    if precision == "month":
        first = day.replace(day=1)
        last = day.replace(day=calendar.monthrange(day.year, day.month)[1])
        return first.toordinal(), last.toordinal()
    return day.toordinal(), day.toordinal()


def day_gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Days between two intervals, 0 when they overlap."""
    return max(0, a[0] - b[1], b[0] - a[1])


def content_words(text: Any, generic: frozenset[str]) -> frozenset[str]:
    """Content words, lower-cased, plural 's' stripped ("F-16s" → "f-16"), generic words out."""
    if not text:
        return frozenset()
    if not isinstance(text, str):
        text = " ".join(str(part) for part in text)
    out = set()
    for word in _WORD.findall(text.casefold()):
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        if word not in generic and (len(word) > 1 or word.isdigit()):
            out.add(word)
    return frozenset(out)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """Shared share of the union; 1.0 when both are empty."""
    return len(a & b) / len(a | b) if a or b else 1.0


def overlap_coefficient(a: frozenset[str], b: frozenset[str]) -> float:
    """Shared share of the smaller set; 1.0 when either side is empty (unknown matches)."""
    if not a or not b:
        return 1.0
    return len(a & b) / min(len(a), len(b))


@functools.lru_cache(maxsize=65536)
def name_key(text: Any) -> str:
    """Comparison form of a canonical name."""
    return str(text or "").strip().casefold()


# --- mentions, events and the date index ------------------------------------------------------

# A key of the event index: ("amt", donor, currency, bucket), ("items", donor, word),
# (kind, party), ...
IndexKey: TypeAlias = tuple[str | int, ...]
# What an event records of each distinct member for matching; its shape is the event kind's
# (pledge_events: (currency, amount, amount_eur) or (items words, stage); agreement_events:
# (core parties, subject words, coalition)).
Signature: TypeAlias = tuple[Any, ...]
# A candidate's sort key from EventIndex.best's `evaluate`: (*quality, gap, seq).
_Candidate = TypeVar("_Candidate", bound=tuple[float, ...])


@dataclass(slots=True)
class EventMention:
    """What both kinds of mention share: identity, dates, restatement, rank."""

    row: Mapping[str, Any]
    mention_id: str
    article_id: str
    published_on: date
    order: int
    ref: tuple[int, int]  # announcement/signing interval, else the publication day
    dated: bool  # ref comes from a stated date, not the publication date
    day: date | None
    precision: str | None
    restated: bool
    confidence: float
    rank: tuple[bool, float, int]  # best evidence first: not restated, most confident, earliest


@dataclass(slots=True)
class Event:
    """An event being built: members in processing order plus what matching needs."""

    seq: int
    members: list[Any]
    anchor: tuple[int, int]
    anchor_dated: bool
    index_keys: set[IndexKey] = field(default_factory=set)
    signatures: list[Signature] = field(default_factory=list)

    @property
    def founder(self) -> Any:
        return self.members[0]


class EventIndex:
    """Per-key lists of (anchor start, event seq), sorted, so a date window is two bisects."""

    def __init__(self) -> None:
        self._lists: dict[IndexKey, list[tuple[int, int]]] = {}

    def add(self, key: IndexKey, event: Event) -> None:
        if key in event.index_keys:
            return
        event.index_keys.add(key)
        bisect.insort(self._lists.setdefault(key, []), (event.anchor[0], event.seq))

    def best(
        self,
        keys: Sequence[IndexKey],
        mention: EventMention,
        days: int,
        evaluate: Callable[[int], _Candidate | None],
    ) -> _Candidate | None:
        """The smallest evaluate(seq) over the candidates: (*quality, gap, seq) or None.

        A mention within a window looks at that window only. A restatement has no window, so
        it scans each list from the most recent anchor back and stops once a perfect match
        (quality all zero) is found and everything further back is farther away: the result
        is the same as a full scan, at a fraction of the cost for often-restated partners.
        """
        if not mention.restated:
            found = None
            for seq in self.seqs(keys, mention.ref, days):
                key = evaluate(seq)
                if key is not None and (found is None or key < found):
                    found = key
            return found
        start = mention.ref[0]
        seen: set[int] = set()
        found = None
        for list_key in keys:
            entries = self._lists.get(list_key) or []
            split = bisect.bisect_left(entries, (start - MONTH_SPAN_DAYS, -1))
            order = itertools.chain(range(split, len(entries)), range(split - 1, -1, -1))
            for position in order:
                anchor, seq = entries[position]
                if (
                    position < split
                    and found is not None
                    and not any(found[:-2])
                    and start - anchor - MONTH_SPAN_DAYS > found[-2]
                ):
                    break  # everything further back is farther than a perfect match
                if seq in seen:
                    continue
                seen.add(seq)
                key = evaluate(seq)
                if key is not None and (found is None or key < found):
                    found = key
        return found

    def seqs(self, keys: Iterable[IndexKey], ref: tuple[int, int] | None, days: int) -> list[int]:
        """Sorted distinct event seqs found under any of `keys` within the window."""
        found: set[int] = set()
        for key in keys:
            for _, seq in self.window(key, ref, days):
                found.add(seq)
        return sorted(found)

    def window(
        self, key: IndexKey, ref: tuple[int, int] | None, days: int
    ) -> list[tuple[int, int]]:
        """(anchor, seq) under `key` whose anchor may lie within `days` of `ref` (all if None)."""
        entries = self._lists.get(key)
        if not entries or ref is None:
            return entries or []
        lo = bisect.bisect_left(entries, (ref[0] - days - MONTH_SPAN_DAYS, -1))
        hi = bisect.bisect_right(entries, (ref[1] + days, math.inf))
        return entries[lo:hi]


def mention_fields(
    row: Mapping[str, Any], published: date, order: int, date_field: str, precision_field: str
) -> dict[str, Any]:
    """Fields of EventMention for one row: ids, the reference interval and the ranking inputs."""
    day = as_date(row.get(date_field))
    precision = row.get(precision_field)
    if day is not None and precision is None:
        raw = row.get(date_field)
        precision = "month" if isinstance(raw, str) and len(raw.strip()) == 7 else "day"
    ref = date_interval(day, precision) if day else date_interval(published, "day")
    restated = bool(row.get("restated"))
    confidence = float(row.get("confidence") or 0.0)
    return {
        "row": row,
        "mention_id": str(row["mention_id"]),
        "article_id": str(row.get("article_id") or ""),
        "published_on": published,
        "order": order,
        "ref": ref,
        "dated": day is not None,
        "day": day,
        "precision": precision if day else None,
        "restated": restated,
        "confidence": confidence,
        "rank": (restated, -confidence, order),
    }


def canonical_order(
    mentions: Sequence[Mapping[str, Any]],
) -> list[tuple[Mapping[str, Any], date]]:
    """(row, published date) sorted by (published_on, mention_id); duplicate ids are an error."""
    keyed = []
    for row in mentions:
        published = as_date(row.get("published_on"))
        if published is None:
            raise ValueError(f"mention {row.get('mention_id')!r} has no published_on")
        keyed.append(((published, str(row["mention_id"])), row))
    ids = [key[1] for key, _ in keyed]
    if len(set(ids)) != len(ids):
        seen: set[str] = set()
        # set.add() returns None (falsy): the generator marks each id seen as it passes.
        duplicate = next(i for i in ids if i in seen or seen.add(i))  # type: ignore[func-returns-value]
        raise ValueError(f"duplicate mention_id {duplicate!r}")
    keyed.sort(key=lambda pair: pair[0])
    return [(row, key[0]) for key, row in keyed]


def date_ok(mention: EventMention, event: Event, window: int) -> bool:
    """Within the window; a restatement may reach any earlier event unless both dates are stated
    and disagree (an explicit different date is a different event, restated or not)."""
    if mention.restated and not (mention.dated and event.anchor_dated):
        return True
    return day_gap(mention.ref, event.anchor) <= window


def event_ids(
    events: Sequence[Event], assignment: Mapping[str, int]
) -> tuple[list[str], dict[str, str]]:
    """(id of each event by seq, event id of each mention): ids hash the founding mention."""
    ids = [event_id_for(event.founder.mention_id) for event in events]
    return ids, {mention_id: ids[seq] for mention_id, seq in assignment.items()}


# --- event rows -------------------------------------------------------------------------------


def stated_date(members: Sequence[EventMention]) -> tuple[date | None, str | None]:
    """Best stated date: day precision before month, then best evidence first."""
    dated = [m for m in members if m.day is not None]
    if not dated:
        return None, None
    chosen = min(dated, key=lambda m: (m.precision != "day", m.rank))
    return chosen.day, chosen.precision


def first_value(ranked: Sequence[EventMention], column: str) -> Any:
    """First non-empty value of a column over members in best-evidence order."""
    for member in ranked:
        value = member.row.get(column)
        if value is not None and value != "":
            return value
    return None


def event_columns(event: Event, ranked: Sequence[EventMention]) -> dict[str, Any]:
    """Columns every event table has: identity, first seen, counts, best evidence."""
    best = ranked[0]
    first_seen = event.founder.published_on
    return {
        "first_seen_on": first_seen,
        "week": iso_week(first_seen),
        "restated_only": all(m.restated for m in event.members),
        "mention_count": len(event.members),
        "article_count": len({m.article_id for m in event.members}),
        "best_mention_id": best.mention_id,
        "evidence": best.row.get("evidence") or "",
        "confidence": best.confidence,
    }
