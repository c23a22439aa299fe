"""Merge mentions (one sentence of one article) into events (one real-world pledge or agreement).

Many outlets restate the same pledge over days and months; counting mentions inflates totals,
the classic failure of automated event data. The flows re-run this merge over every mention in
the database, so it is pure, deterministic and near-linear:

* Mentions are processed in one canonical order, (published_on, mention_id). The same set of
  mentions therefore gives the same events and ids whatever order the rows arrive in, and an
  event's id is the hash of its founding (earliest) mention, so re-runs keep ids stable.
* Each mention joins the best matching earlier event or founds a new one (greedy, single pass).
  A mention that matches nothing changes no other event.
* Candidates come from indexes keyed by donor (or agreement kind and party) plus an amount
  bucket, an item word or a party, each kept sorted by the event's anchor date so the date
  window is a bisect, not a scan: cost grows linearly (bench/bench_events.py).

Pledge rules (thresholds are the module constants below, each with the reason for its value):

* Same canonical donor; category compatible; amount within AMOUNT_TOLERANCE in the same
  currency or EUR_TOLERANCE through amount_eur across currencies, against any member's figure;
  mentions without an amount merge on shared item words, only with events without an amount.
* Dates: the mention's announcement date (else its publication date) within PLEDGE_WINDOW_DAYS
  of the event's anchor (its founder's announcement date, else first-seen date). The anchor is
  fixed so a pledge restated every week cannot drift forward and swallow later pledges.
* A restated mention may join any earlier event with a matching amount (no window, unless both
  state dates and those disagree); if nothing matches it founds a restated_only event.
* A correction ("now worth €700 million") whose amount matches nothing revises the nearest
  event of the same donor and category in the window: the latest correction carries the
  amount, `history` keeps the replaced values.
* A component (component=True) stays its own event and is linked to its package through
  package_event_id, so totals over events WHERE package_event_id IS NULL count it once.

Agreement rules: same kind, parties Jaccard >= PARTY_JACCARD with Ukraine set aside when other
parties are named, similar subject (or the same coalition, for coalition membership), dates
within AGREEMENT_WINDOW_DAYS; a restatement joins any earlier event.
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
from decimal import Decimal
from typing import Any

from transforms.weeks import iso_week, week_bounds

__all__ = [
    "AGREEMENT_WINDOW_DAYS",
    "AMOUNT_TOLERANCE",
    "EUR_TOLERANCE",
    "PLEDGE_WINDOW_DAYS",
    "AgreementMerge",
    "PledgeMerge",
    "event_id_for",
    "iso_week",
    "merge_agreements",
    "merge_pledges",
    "week_bounds",
]


def _wordset(text: str) -> frozenset[str]:
    """A frozenset of whitespace-separated words (keeps the word lists below readable)."""
    return frozenset(text.split())


# --- thresholds -------------------------------------------------------------------------------

AMOUNT_TOLERANCE = 0.02
"""Same currency: amounts within 2 % are one figure. Outlets round (€611.4m → €611m, $1.25bn →
$1.2bn is 4 % and stays apart on purpose: that is usually a different package)."""

EUR_TOLERANCE = 0.05
"""Different currencies: compare amount_eur within 5 %. A converted figure ("$655 million",
"€611 million") is converted by the outlet at its own rate and date, ours is the ECB rate of
the announcement date; 5 % absorbs that spread and the rounding of both figures."""

PLEDGE_WINDOW_DAYS = 21
"""Announcement dates (or, when unknown, publication dates) within three weeks: weekly
aggregators and follow-ups report a pledge up to about two weeks late, while the same donor
rarely announces two packages of the same size within three weeks."""

AGREEMENT_WINDOW_DAYS = 14
"""Signings are reported within days; two weeks keeps a later signing of a similar memorandum
by the same parties (common at successive summits) a separate event."""

PARTY_JACCARD = 0.5
"""Agreement parties (Ukraine set aside, see _core_parties) must share half their union:
{Denmark} vs {Denmark, Sweden} is one signing reported more or less completely."""

SUBJECT_OVERLAP = 0.5
"""Subject words (generic words removed) must overlap by half of the shorter subject:
"joint production of drones" and "production of long-range drones" match, "drones" and
"demining" do not. An empty subject is unknown and matches."""

ITEMS_JACCARD_ACROSS_STAGES = 0.6
"""Non-monetary mentions at the same stage merge on one shared item word ("F-16s", "F-16
jets"): lenient, since such events carry no amount and never enter the EUR totals. At another
stage (a delivery vs an announcement) most item words must agree, more than half because
category words ("air defence") often make up half of them: "delivered air defence missiles"
must not silently join "announced air defence radars"."""

CORRECTION_MAX_RATIO = 3.0
"""A correction ("now worth €700 million") may change an amount by at most a factor of 3: a
revised package grows or shrinks, it does not become a different order of magnitude; beyond
that the figure is more likely another pledge of the donor."""

CORRECTION_CUES = re.compile(
    r"\b(now worth|increased to|raised to|revised|brings? the (?:total |package |aid )*"
    r"(?:package |total )?to|bringing the (?:total|package) to|expanded to|boosted to|"
    r"topped up to)\b",
    re.IGNORECASE,
)
"""Wording that states a new value of an existing pledge rather than a new pledge."""

UKRAINE = "ukraine"
"""Party ignored in agreement matching when other parties are named: nearly every agreement
includes Ukraine, so counting it would make any two bilateral deals half-similar."""

MONTH_SPAN_DAYS = 31
"""Longest anchor interval (a month-precision date), used to widen the bisect range."""

STAGE_RANK = {"announced": 0, "allocated": 1, "delivered": 2}
"""Kiel Institute order: an event takes the most advanced stage any mention reports."""

COMPATIBLE_CATEGORIES = frozenset({frozenset({"military", "defence-industry"})})
"""Pairs of different categories that may be one pledge: the press often files weapons bought
from Ukraine's industry (the Danish model) under military aid. Financial and humanitarian aid
never merge with military aid."""

GENERIC_WORDS = _wordset(
    """a an and the of for to in on with by from at as into its their his her our this that these
    those new more additional several some other further another many few one two three four five
    six seven eight nine ten dozen dozens hundreds thousands number batch units unit system systems
    military aid equipment support package packages worth type types various"""
)
"""Words that say nothing about what is pledged; dropped before comparing item words."""

GENERIC_SUBJECT_WORDS = GENERIC_WORDS | _wordset(
    """agreement agreements memorandum memoranda understanding document documents cooperation
    co-operation joint production produce field fields area areas sphere spheres development
    strengthening security defence defense industry industrial sector partnership"""
)
"""Words common to most agreement subjects; dropped so the subject compares on its topic."""

_WORD = re.compile(r"[0-9a-z]+(?:-[0-9a-z]+)*")


# --- results ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PledgeMerge:
    """Pledge events (rows of `pledges` without run_id) and the event of every mention."""

    events: list[dict[str, Any]]
    mention_events: dict[str, str]


@dataclass(frozen=True, slots=True)
class AgreementMerge:
    """Agreement events (rows of `agreements` without run_id) and the event of every mention."""

    events: list[dict[str, Any]]
    mention_events: dict[str, str]


# --- small helpers ----------------------------------------------------------------------------


def event_id_for(founding_mention_id: str) -> str:
    """Stable event id: the first 16 hex digits of the SHA-256 of the founding mention id."""
    return hashlib.sha256(founding_mention_id.encode("utf-8")).hexdigest()[:16]


def _as_date(value: Any) -> date | None:
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


def _interval(day: date, precision: str | None) -> tuple[int, int]:
    """Ordinal interval a date stands for: one day, or the whole month for month precision."""
    if precision == "month":
        first = day.replace(day=1)
        last = day.replace(day=calendar.monthrange(day.year, day.month)[1])
        return first.toordinal(), last.toordinal()
    return day.toordinal(), day.toordinal()


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Days between two intervals, 0 when they overlap."""
    return max(0, a[0] - b[1], b[0] - a[1])


def _number(value: Any) -> float | None:
    """Positive amount as float for comparison; None for missing, zero or negative."""
    if value is None:
        return None
    number = float(value)
    return number if number > 0 and math.isfinite(number) else None


def _json_number(value: Any) -> int | float | None:
    """Decimal/float amount as a JSON number (integral amounts as int, exactly)."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    number = float(value)
    return int(number) if number.is_integer() else number


def _rel_diff(a: float, b: float) -> float:
    """Relative difference |a - b| / max(a, b) of two positive amounts."""
    return abs(a - b) / max(a, b)


@functools.cache
def _bucket_width(tolerance: float) -> float:
    """Log-scale bucket width: twice the largest log distance of two amounts within tolerance."""
    return -2 * math.log1p(-tolerance)


def _near_buckets(amount: float, tolerance: float) -> tuple[int, int]:
    """The two buckets that hold every amount within `tolerance` of this one.

    A match lies within half a bucket (buckets are twice the tolerance wide in log scale),
    so it is in this bucket or the neighbour on the nearer side: two lookups, not three.
    """
    position = math.log(amount) / _bucket_width(tolerance)
    bucket = math.floor(position)
    return bucket, bucket - 1 if position - bucket < 0.5 else bucket + 1


def _words(text: Any, generic: frozenset[str]) -> frozenset[str]:
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


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Overlap coefficient; 1.0 when either side is empty (unknown matches)."""
    if not a or not b:
        return 1.0
    return len(a & b) / min(len(a), len(b))


@functools.lru_cache(maxsize=65536)
def _key(text: Any) -> str:
    """Comparison form of a canonical name."""
    return str(text or "").strip().casefold()


# --- the shared machinery ---------------------------------------------------------------------


@dataclass(slots=True)
class _Base:
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
class _Event:
    """An event being built: members in processing order plus what matching needs."""

    seq: int
    members: list[Any]
    anchor: tuple[int, int]
    anchor_dated: bool
    index_keys: set[tuple] = field(default_factory=set)
    signatures: list[tuple] = field(default_factory=list)

    @property
    def founder(self) -> Any:
        return self.members[0]


class _Index:
    """Per-key lists of (anchor start, event seq), sorted, so a date window is two bisects."""

    def __init__(self) -> None:
        self._lists: dict[tuple, list[tuple[int, int]]] = {}

    def add(self, key: tuple, event: _Event) -> None:
        if key in event.index_keys:
            return
        event.index_keys.add(key)
        bisect.insort(self._lists.setdefault(key, []), (event.anchor[0], event.seq))

    def best(
        self,
        keys: Sequence[tuple],
        mention: _Base,
        days: int,
        evaluate: Callable[[int], tuple | None],
    ) -> tuple | None:
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

    def seqs(self, keys: Iterable[tuple], ref: tuple[int, int] | None, days: int) -> list[int]:
        """Sorted distinct event seqs found under any of `keys` within the window."""
        found: set[int] = set()
        for key in keys:
            for _, seq in self.window(key, ref, days):
                found.add(seq)
        return sorted(found)

    def window(self, key: tuple, ref: tuple[int, int] | None, days: int) -> list[tuple[int, int]]:
        """(anchor, seq) under `key` whose anchor may lie within `days` of `ref` (all if None)."""
        entries = self._lists.get(key)
        if not entries or ref is None:
            return entries or []
        lo = bisect.bisect_left(entries, (ref[0] - days - MONTH_SPAN_DAYS, -1))
        hi = bisect.bisect_right(entries, (ref[1] + days, math.inf))
        return entries[lo:hi]


def _base(
    row: Mapping[str, Any], published: date, order: int, date_field: str, precision_field: str
) -> dict[str, Any]:
    """Fields of _Base for one row: ids, the reference interval and the ranking inputs."""
    day = _as_date(row.get(date_field))
    precision = row.get(precision_field)
    if day is not None and precision is None:
        raw = row.get(date_field)
        precision = "month" if isinstance(raw, str) and len(raw.strip()) == 7 else "day"
    ref = _interval(day, precision) if day else _interval(published, "day")
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


def _canonical_order(
    mentions: Sequence[Mapping[str, Any]],
) -> list[tuple[Mapping[str, Any], date]]:
    """(row, published date) sorted by (published_on, mention_id); duplicate ids are an error."""
    keyed = []
    for row in mentions:
        published = _as_date(row.get("published_on"))
        if published is None:
            raise ValueError(f"mention {row.get('mention_id')!r} has no published_on")
        keyed.append(((published, str(row["mention_id"])), row))
    ids = [key[1] for key, _ in keyed]
    if len(set(ids)) != len(ids):
        seen: set[str] = set()
        duplicate = next(i for i in ids if i in seen or seen.add(i))
        raise ValueError(f"duplicate mention_id {duplicate!r}")
    keyed.sort(key=lambda pair: pair[0])
    return [(row, key[0]) for key, row in keyed]


def _date_ok(mention: _Base, event: _Event, window: int) -> bool:
    """Within the window; a restatement may reach any earlier event unless both dates are stated
    and disagree (an explicit different date is a different event, restated or not)."""
    if mention.restated and not (mention.dated and event.anchor_dated):
        return True
    return _gap(mention.ref, event.anchor) <= window


def _stated_date(members: Sequence[_Base]) -> tuple[date | None, str | None]:
    """Best stated date: day precision before month, then best evidence first."""
    dated = [m for m in members if m.day is not None]
    if not dated:
        return None, None
    chosen = min(dated, key=lambda m: (m.precision != "day", m.rank))
    return chosen.day, chosen.precision


def _first_value(ranked: Sequence[_Base], column: str) -> Any:
    """First non-empty value of a column over members in best-evidence order."""
    for member in ranked:
        value = member.row.get(column)
        if value is not None and value != "":
            return value
    return None


def _common_columns(event: _Event, ranked: Sequence[_Base]) -> dict[str, Any]:
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


# --- pledges ----------------------------------------------------------------------------------


@dataclass(slots=True)
class _Pledge(_Base):
    """A pledge mention normalised for matching."""

    donor: str
    currency: str
    amount: float | None
    amount_eur: float | None
    category: str
    stage: int
    words: frozenset[str]  # item words, only for mentions without an amount
    component: bool
    keys: tuple[tuple, ...]  # index keys under which matching events are looked up
    own_keys: tuple[tuple, ...]  # index keys under which this mention's event is found
    amount_rank: tuple  # which member states an uncorrected event's amount (see _amount_rank)

    @property
    def correction(self) -> bool:
        """The sentence states a new value of an existing pledge ("now worth", "raised to")."""
        return bool(CORRECTION_CUES.search(str(self.row.get("evidence") or "")))


def _pledge(row: Mapping[str, Any], published: date, order: int) -> _Pledge:
    base = _base(row, published, order, "announced_on", "announced_precision")
    donor = _key(row.get("donor"))
    currency = _key(row.get("currency")).upper()
    amount = _number(row.get("amount"))
    amount_eur = _number(row.get("amount_eur")) if amount is not None else None
    words = _words(row.get("items"), GENERIC_WORDS) if amount is None else frozenset()
    keys, own_keys = _pledge_keys(donor, currency, amount, amount_eur, words)
    return _Pledge(
        **base,
        donor=donor,
        currency=currency,
        amount=amount,
        amount_eur=amount_eur,
        category=_key(row.get("category")) or "military",
        stage=STAGE_RANK.get(_key(row.get("stage")), 0),
        words=words,
        component=bool(row.get("component")),
        keys=keys,
        own_keys=own_keys,
        amount_rank=(amount_eur is None, *base["rank"]),
    )


def _pledge_keys(
    donor: str, currency: str, amount: float | None, eur: float | None, words: frozenset[str]
) -> tuple[tuple[tuple, ...], tuple[tuple, ...]]:
    """(lookup keys, own keys): amount buckets in the stated currency and in EUR, or words.

    Lookups use the two buckets that can hold a match; the mention's event is indexed under
    its own bucket only.
    """
    if amount is None:
        keys = tuple(("items", donor, word) for word in sorted(words) or [""])
        return keys, keys
    bucket, neighbour = _near_buckets(amount, AMOUNT_TOLERANCE)
    own_amount = ("amt", donor, currency, bucket)
    if eur is None:
        return (own_amount, ("amt", donor, currency, neighbour)), (own_amount, ("money", donor))
    eur_bucket, eur_neighbour = _near_buckets(eur, EUR_TOLERANCE)
    own_eur = ("eur", donor, eur_bucket)
    lookup = (
        own_amount,
        ("amt", donor, currency, neighbour),
        own_eur,
        ("eur", donor, eur_neighbour),
    )
    return lookup, (own_amount, ("money", donor), own_eur)


def _categories_compatible(a: str, b: str) -> bool:
    return a == b or frozenset({a, b}) in COMPATIBLE_CATEGORIES


@dataclass(slots=True)
class _PledgeState:
    """One event under construction plus pledge-specific matching state."""

    event: _Event
    categories: set[str] = field(default_factory=set)
    monetary: bool = True
    corrections: list[tuple[_Pledge, _Pledge]] = field(default_factory=list)  # (old, new)
    current: _Pledge | None = None  # mention whose amount the event carries after corrections


def _amount_score(mention: _Pledge, signatures: Sequence[tuple]) -> float | None:
    """Smallest relative difference to a member's amount under the rules, None if no match."""
    best = None
    for currency, amount, amount_eur in signatures:
        if currency == mention.currency:
            diff = _rel_diff(amount, mention.amount)
            ok = diff <= AMOUNT_TOLERANCE
        elif amount_eur is not None and mention.amount_eur is not None:
            diff = _rel_diff(amount_eur, mention.amount_eur)
            ok = diff <= EUR_TOLERANCE
        else:
            continue
        if ok and (best is None or diff < best):
            best = diff
    return best


def _items_score(mention: _Pledge, state: _PledgeState) -> float | None:
    """1 - best item-word Jaccard to a member, None if the items say it is another pledge."""
    best = None
    for words, stage in state.event.signatures:
        if not words and not mention.words:
            ok, score = stage == mention.stage, 1.0  # vague: "more military aid"
        elif words and mention.words:
            score = _jaccard(words, mention.words)
            need = 0.0 if stage == mention.stage else ITEMS_JACCARD_ACROSS_STAGES
            ok = bool(words & mention.words) and score >= need
        else:
            continue
        if ok and (best is None or 1 - score < best):
            best = 1 - score
    return best


class _PledgeMerger:
    """Greedy single-pass merge of pledge mentions in canonical order."""

    def __init__(self) -> None:
        self.index = _Index()
        self.states: list[_PledgeState] = []
        self.assignment: dict[str, int] = {}

    def _register(self, state: _PledgeState, mention: _Pledge) -> None:
        """Record the mention's amount or items on the event and index them."""
        event = state.event
        state.categories.add(mention.category)
        if state.monetary:
            signature: tuple = (mention.currency, mention.amount, mention.amount_eur)
        else:
            signature = (mention.words, mention.stage)
        if signature in event.signatures:
            return
        event.signatures.append(signature)
        for key in mention.own_keys:
            self.index.add(key, event)

    def _match(self, mention: _Pledge) -> _PledgeState | None:
        """The best earlier event this mention restates, or None."""

        def evaluate(seq: int) -> tuple | None:
            state = self.states[seq]
            if state.monetary != (mention.amount is not None):
                return None
            if not all(_categories_compatible(c, mention.category) for c in state.categories):
                return None
            if not _date_ok(mention, state.event, PLEDGE_WINDOW_DAYS):
                return None
            if mention.amount is not None:
                score = _amount_score(mention, state.event.signatures)
            else:
                score = _items_score(mention, state)
            if score is None:
                return None
            return (score, _gap(mention.ref, state.event.anchor), seq)

        best = self.index.best(mention.keys, mention, PLEDGE_WINDOW_DAYS, evaluate)
        return self.states[best[-1]] if best else None

    def _correction_target(self, mention: _Pledge) -> _PledgeState | None:
        """The event a correction ("now worth €700 million") revises, or None."""
        if mention.amount is None or not mention.correction:
            return None
        best: tuple | None = None
        window = self.index.window(("money", mention.donor), mention.ref, PLEDGE_WINDOW_DAYS)
        for _, seq in window:
            state = self.states[seq]
            current = state.current
            if state.categories != {mention.category}:
                continue
            if _gap(mention.ref, state.event.anchor) > PLEDGE_WINDOW_DAYS:
                continue
            if current.currency == mention.currency:
                ratio = mention.amount / current.amount
            elif current.amount_eur and mention.amount_eur:
                ratio = mention.amount_eur / current.amount_eur
            else:
                continue
            if not 1 / CORRECTION_MAX_RATIO <= ratio <= CORRECTION_MAX_RATIO:
                continue
            key = (
                any(m.component for m in state.event.members),  # revise packages, not parts
                current.currency != mention.currency,
                _gap(mention.ref, state.event.anchor),
                abs(math.log(ratio)),
                seq,
            )
            if best is None or key < best:
                best = key
        return self.states[best[-1]] if best else None

    def add(self, mention: _Pledge) -> None:
        """Join the best matching event, revise one (a correction), or found a new one."""
        state = self._match(mention)
        if state is not None:
            if state.monetary and not state.corrections:
                # before any correction the event carries its best-stated amount
                state.current = min(state.current, mention, key=_amount_rank)
        elif (state := self._correction_target(mention)) is not None:
            state.corrections.append((state.current, mention))
            state.current = mention  # processed in date order: the latest correction wins
        else:
            event = _Event(
                seq=len(self.states), members=[], anchor=mention.ref, anchor_dated=mention.dated
            )
            state = _PledgeState(event=event, monetary=mention.amount is not None, current=mention)
            self.states.append(state)
        state.event.members.append(mention)
        self._register(state, mention)
        self.assignment[mention.mention_id] = state.event.seq


def _amount_rank(mention: _Pledge) -> tuple:
    """Which uncorrected member states the event's amount: one with a EUR value, then best."""
    return mention.amount_rank


def _amount_columns(mention: _Pledge) -> dict[str, Any]:
    row = mention.row
    return {
        "amount": row.get("amount") if mention.amount is not None else None,
        "currency": row.get("currency"),
        "amount_eur": row.get("amount_eur") if mention.amount is not None else None,
        "fx_rate": row.get("fx_rate"),
        "fx_date": _as_date(row.get("fx_date")),
        "fx_note": row.get("fx_note"),
    }


def _history(state: _PledgeState) -> list[dict[str, Any]] | None:
    """The values each correction replaced, oldest first; None when never corrected."""
    if not state.corrections:
        return None
    return [
        {
            "amount": _json_number(old.row.get("amount")),
            "currency": old.row.get("currency"),
            "amount_eur": _json_number(old.row.get("amount_eur")),
            "mention_id": old.mention_id,
        }
        for old, _new in state.corrections
    ]


def _pledge_row(state: _PledgeState, package: dict[int, int], ids: list[str]) -> dict[str, Any]:
    event = state.event
    ranked = sorted(event.members, key=lambda m: m.rank)
    best = ranked[0]
    announced_on, precision = _stated_date(event.members)
    carrier = state.current if state.monetary else best
    return {
        "event_id": ids[event.seq],
        "donor": best.row.get("donor"),
        "recipient": _first_value(ranked, "recipient"),
        **_amount_columns(carrier),
        "category": best.row.get("category"),
        "stage": max(
            (m.row.get("stage") for m in event.members), key=lambda s: STAGE_RANK.get(_key(s), 0)
        ),
        "items": _first_value(ranked, "items"),
        "coalition": _first_value(ranked, "coalition"),
        "announced_on": announced_on,
        "announced_precision": precision,
        **_common_columns(event, ranked),
        "package_event_id": ids[package[event.seq]] if event.seq in package else None,
        "history": _history(state),
    }


def _comparable(state: _PledgeState) -> tuple[str, float] | None:
    """(unit, value) an event's current amount compares in: EUR when known, else its currency."""
    current = state.current
    if not state.monetary or current is None:
        return None
    if current.amount_eur is not None:
        return ("EUR", current.amount_eur)
    return (current.currency, current.amount)


def _link_components(states: Sequence[_PledgeState], index: _Index) -> dict[int, int]:
    """component event seq -> package event seq.

    A package is a monetary event of the same donor with no component mention and a larger
    amount, stated in the same article as the component (preferred) or else within the date
    window. Among several: the nearest in date, then the largest (the headline figure), then
    the earliest. A component without a package keeps counting on its own: better one figure
    too many than a pledge lost because its package sentence was not extracted.
    """
    is_package = [
        state.monetary and not any(m.component for m in state.event.members) for state in states
    ]
    by_article: dict[tuple[str, str], set[int]] = {}
    for state in states:
        if is_package[state.event.seq]:
            for member in state.event.members:
                key = (member.donor, member.article_id)
                by_article.setdefault(key, set()).add(state.event.seq)
    links: dict[int, int] = {}
    for state in states:
        components = [m for m in state.event.members if m.component]
        own = _comparable(state)
        if not components or own is None:
            continue
        event = state.event
        donor = event.founder.donor
        same_article = sorted(
            set().union(*(by_article.get((donor, m.article_id), set()) for m in components))
        )
        nearby = [
            seq for _, seq in index.window(("money", donor), event.anchor, PLEDGE_WINDOW_DAYS)
        ]
        for candidates, window in ((same_article, None), (nearby, PLEDGE_WINDOW_DAYS)):
            best: tuple | None = None
            for seq in candidates:
                theirs = _comparable(states[seq])
                if not is_package[seq] or theirs[0] != own[0] or theirs[1] <= own[1]:
                    continue
                gap = _gap(event.anchor, states[seq].event.anchor)
                if window is not None and gap > window:
                    continue
                key = (gap, -theirs[1], seq)
                if best is None or key < best:
                    best = key
            if best is not None:
                links[event.seq] = best[-1]
                break
    return links


def merge_pledges(mentions: Sequence[Mapping[str, Any]]) -> PledgeMerge:
    """Merge pledge_mentions rows (plus the article's published_on) into pledges events.

    Returns one dict per event with the columns of the pledges table except run_id, in
    first-seen order, and the event id of every mention.
    """
    merger = _PledgeMerger()
    for order, (row, published) in enumerate(_canonical_order(mentions)):
        merger.add(_pledge(row, published, order))
    states = merger.states
    ids = [event_id_for(state.event.founder.mention_id) for state in states]
    package = _link_components(states, merger.index)
    events = [_pledge_row(state, package, ids) for state in states]
    mention_events = {mid: ids[seq] for mid, seq in merger.assignment.items()}
    return PledgeMerge(events=events, mention_events=mention_events)


# --- agreements -------------------------------------------------------------------------------


@dataclass(slots=True)
class _Agreement(_Base):
    """An agreement mention normalised for matching."""

    kind: str
    core: frozenset[str]
    subject: frozenset[str]
    coalition: str


def _core_parties(parties: Iterable[Any]) -> frozenset[str]:
    """Parties compared: all but Ukraine when others are named, else just Ukraine.

    Consequence (chosen): a mention naming only Ukraine matches only events naming only
    Ukraine, since "Ukraine signed" says nothing about with whom.
    """
    names = frozenset(_key(p) for p in parties or () if _key(p))
    others = names - {UKRAINE}
    return others or names


def _agreement(row: Mapping[str, Any], published: date, order: int) -> _Agreement:
    return _Agreement(
        **_base(row, published, order, "signed_on", "signed_precision"),
        kind=_key(row.get("kind")) or "other",
        core=_core_parties(row.get("parties")),
        subject=_words(row.get("subject"), GENERIC_SUBJECT_WORDS),
        coalition=_key(row.get("coalition")),
    )


def _agreement_score(mention: _Agreement, signature: tuple) -> tuple[float, float] | None:
    """(1 - party Jaccard, 1 - subject overlap) against one member, None if not the same deal."""
    core, subject, coalition = signature
    parties = _jaccard(core, mention.core)
    if parties < PARTY_JACCARD:
        return None
    if mention.kind == "coalition membership" and coalition and mention.coalition:
        if coalition != mention.coalition:
            return None
        return (1 - parties, 0.0)
    overlap = _overlap(subject, mention.subject)
    if overlap < SUBJECT_OVERLAP:
        return None
    return (1 - parties, 1 - overlap)


class _AgreementMerger:
    """Greedy single-pass merge of agreement mentions in canonical order."""

    def __init__(self) -> None:
        self.index = _Index()
        self.events: list[_Event] = []
        self.assignment: dict[str, int] = {}

    def _match(self, mention: _Agreement) -> _Event | None:
        """The best earlier event this mention reports, or None."""

        def evaluate(seq: int) -> tuple | None:
            event = self.events[seq]
            if not _date_ok(mention, event, AGREEMENT_WINDOW_DAYS):
                return None
            scores = [_agreement_score(mention, sig) for sig in event.signatures]
            scores = [score for score in scores if score is not None]
            if not scores:
                return None
            return (*min(scores), _gap(mention.ref, event.anchor), seq)

        keys = [(mention.kind, party) for party in sorted(mention.core)]
        best = self.index.best(keys, mention, AGREEMENT_WINDOW_DAYS, evaluate)
        return self.events[best[-1]] if best else None

    def add(self, mention: _Agreement) -> None:
        event = self._match(mention)
        if event is None:
            event = _Event(
                seq=len(self.events), members=[], anchor=mention.ref, anchor_dated=mention.dated
            )
            self.events.append(event)
        event.members.append(mention)
        signature = (mention.core, mention.subject, mention.coalition)
        if signature not in event.signatures:
            event.signatures.append(signature)
            for party in sorted(mention.core):
                self.index.add((mention.kind, party), event)
        self.assignment[mention.mention_id] = event.seq


def _agreement_row(event: _Event, event_id: str) -> dict[str, Any]:
    ranked = sorted(event.members, key=lambda m: m.rank)
    best = ranked[0]
    signed_on, precision = _stated_date(event.members)
    return {
        "event_id": event_id,
        "parties": list(best.row.get("parties") or []),
        "kind": best.row.get("kind"),
        "subject": _first_value(ranked, "subject"),
        "document_count": _first_value(ranked, "document_count"),
        "coalition": _first_value(ranked, "coalition"),
        "signed_on": signed_on,
        "signed_precision": precision,
        **_common_columns(event, ranked),
    }


def merge_agreements(mentions: Sequence[Mapping[str, Any]]) -> AgreementMerge:
    """Merge agreement_mentions rows (plus the article's published_on) into agreements events.

    Same kind, parties Jaccard >= PARTY_JACCARD (Ukraine set aside), similar subject (or the
    same coalition for coalition membership), dates within AGREEMENT_WINDOW_DAYS or unknown;
    a restatement joins any earlier event.
    """
    merger = _AgreementMerger()
    for order, (row, published) in enumerate(_canonical_order(mentions)):
        merger.add(_agreement(row, published, order))
    ids = [event_id_for(event.founder.mention_id) for event in merger.events]
    events = [_agreement_row(event, ids[event.seq]) for event in merger.events]
    mention_events = {mid: ids[seq] for mid, seq in merger.assignment.items()}
    return AgreementMerge(events=events, mention_events=mention_events)
