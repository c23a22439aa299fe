"""Merge pledge mentions into pledge events: one real-world pledge however often it is reported.

The machinery (canonical order, greedy single pass, date index, stable ids) is in
event_common; the rules that make two pledge mentions one pledge are here, with their
thresholds as the constants below, each with the reason for its value:

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
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from transforms import event_common as common

__all__ = [
    "AMOUNT_TOLERANCE",
    "EUR_TOLERANCE",
    "PLEDGE_WINDOW_DAYS",
    "PledgeMerge",
    "merge_pledges",
]

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

STAGE_RANK = {"announced": 0, "allocated": 1, "delivered": 2}
"""Kiel Institute order: an event takes the most advanced stage any mention reports."""

COMPATIBLE_CATEGORIES = frozenset({frozenset({"military", "defence-industry"})})
"""Pairs of different categories that may be one pledge: the press often files weapons bought
from Ukraine's industry (the Danish model) under military aid. Financial and humanitarian aid
never merge with military aid."""


@dataclass(frozen=True, slots=True)
class PledgeMerge(common.EventMerge):
    """Pledge events (rows of `pledges` without run_id) and the event of every mention."""


# --- amounts ----------------------------------------------------------------------------------


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


# --- pledges ----------------------------------------------------------------------------------


@dataclass(slots=True)
class _Pledge(common.EventMention):
    """A pledge mention normalised for matching."""

    donor: str
    currency: str
    amount: float | None
    amount_eur: float | None
    category: str
    stage: int
    words: frozenset[str]  # item words, only for mentions without an amount
    component: bool
    keys: tuple[common.IndexKey, ...]  # index keys under which matching events are looked up
    own_keys: tuple[common.IndexKey, ...]  # index keys under which this mention's event is found
    # which member states an uncorrected event's amount (see _amount_rank)
    amount_rank: tuple[bool, bool, float, int]

    @property
    def correction(self) -> bool:
        """The sentence states a new value of an existing pledge ("now worth", "raised to")."""
        return bool(CORRECTION_CUES.search(str(self.row.get("evidence") or "")))


def _pledge(row: Mapping[str, Any], published: date, order: int) -> _Pledge:
    base = common.mention_fields(row, published, order, "announced_on", "announced_precision")
    donor = common.name_key(row.get("donor"))
    currency = common.name_key(row.get("currency")).upper()
    amount = _number(row.get("amount"))
    amount_eur = _number(row.get("amount_eur")) if amount is not None else None
    words = (
        common.content_words(row.get("items"), common.GENERIC_WORDS)
        if amount is None
        else frozenset()
    )
    keys, own_keys = _pledge_keys(donor, currency, amount, amount_eur, words)
    return _Pledge(
        **base,
        donor=donor,
        currency=currency,
        amount=amount,
        amount_eur=amount_eur,
        category=common.name_key(row.get("category")) or "military",
        stage=STAGE_RANK.get(common.name_key(row.get("stage")), 0),
        words=words,
        component=bool(row.get("component")),
        keys=keys,
        own_keys=own_keys,
        amount_rank=(amount_eur is None, *base["rank"]),
    )


def _pledge_keys(
    donor: str, currency: str, amount: float | None, eur: float | None, words: frozenset[str]
) -> tuple[tuple[common.IndexKey, ...], tuple[common.IndexKey, ...]]:
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

    event: common.Event
    categories: set[str] = field(default_factory=set)
    monetary: bool = True
    corrections: list[tuple[_Pledge, _Pledge]] = field(default_factory=list)  # (old, new)
    # mention whose amount the event carries after corrections (from the founder on)
    current: _Pledge = field(kw_only=True)


def _amount_score(
    mention: _Pledge, signatures: Sequence[tuple[str, float | None, float | None]]
) -> float | None:
    """Smallest relative difference to a member's amount under the rules, None if no match."""
    best = None
    for currency, amount, amount_eur in signatures:
        if currency == mention.currency:
            # monetary events and the mentions matched against them all have an amount
            assert amount is not None and mention.amount is not None
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
            score = common.jaccard(words, mention.words)
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
        self.index = common.EventIndex()
        self.states: list[_PledgeState] = []
        self.assignment: dict[str, int] = {}

    def _register(self, state: _PledgeState, mention: _Pledge) -> None:
        """Record the mention's amount or items on the event and index them."""
        event = state.event
        state.categories.add(mention.category)
        if state.monetary:
            signature: common.Signature = (mention.currency, mention.amount, mention.amount_eur)
        else:
            signature = (mention.words, mention.stage)
        if signature in event.signatures:
            return
        event.signatures.append(signature)
        for key in mention.own_keys:
            self.index.add(key, event)

    def _match(self, mention: _Pledge) -> _PledgeState | None:
        """The best earlier event this mention restates, or None."""

        def evaluate(seq: int) -> tuple[float, int, int] | None:
            state = self.states[seq]
            if state.monetary != (mention.amount is not None):
                return None
            if not all(_categories_compatible(c, mention.category) for c in state.categories):
                return None
            if not common.date_ok(mention, state.event, PLEDGE_WINDOW_DAYS):
                return None
            if mention.amount is not None:
                score = _amount_score(mention, state.event.signatures)
            else:
                score = _items_score(mention, state)
            if score is None:
                return None
            return (score, common.day_gap(mention.ref, state.event.anchor), seq)

        best = self.index.best(mention.keys, mention, PLEDGE_WINDOW_DAYS, evaluate)
        return self.states[best[-1]] if best else None

    def _correction_target(self, mention: _Pledge) -> _PledgeState | None:
        """The event a correction ("now worth €700 million") revises, or None."""
        if mention.amount is None or not mention.correction:
            return None
        best: tuple[bool, bool, int, float, int] | None = None
        window = self.index.window(("money", mention.donor), mention.ref, PLEDGE_WINDOW_DAYS)
        for _, seq in window:
            state = self.states[seq]
            current = state.current
            if state.categories != {mention.category}:
                continue
            if common.day_gap(mention.ref, state.event.anchor) > PLEDGE_WINDOW_DAYS:
                continue
            if current.currency == mention.currency:
                assert current.amount is not None  # a monetary event's carrier has an amount
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
                common.day_gap(mention.ref, state.event.anchor),
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
            event = common.Event(
                seq=len(self.states), members=[], anchor=mention.ref, anchor_dated=mention.dated
            )
            state = _PledgeState(event=event, monetary=mention.amount is not None, current=mention)
            self.states.append(state)
        state.event.members.append(mention)
        self._register(state, mention)
        self.assignment[mention.mention_id] = state.event.seq


def _amount_rank(mention: _Pledge) -> tuple[bool, bool, float, int]:
    """Which uncorrected member states the event's amount: one with a EUR value, then best."""
    return mention.amount_rank


def _amount_columns(mention: _Pledge) -> dict[str, Any]:
    row = mention.row
    return {
        "amount": row.get("amount") if mention.amount is not None else None,
        "currency": row.get("currency"),
        "amount_eur": row.get("amount_eur") if mention.amount is not None else None,
        "fx_rate": row.get("fx_rate"),
        "fx_date": common.as_date(row.get("fx_date")),
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
    announced_on, precision = common.stated_date(event.members)
    carrier = state.current if state.monetary else best
    return {
        "event_id": ids[event.seq],
        "donor": best.row.get("donor"),
        "recipient": common.first_value(ranked, "recipient"),
        **_amount_columns(carrier),
        "category": best.row.get("category"),
        "stage": max(
            (m.row.get("stage") for m in event.members),
            key=lambda s: STAGE_RANK.get(common.name_key(s), 0),
        ),
        "items": common.first_value(ranked, "items"),
        "coalition": common.first_value(ranked, "coalition"),
        "announced_on": announced_on,
        "announced_precision": precision,
        **common.event_columns(event, ranked),
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
    assert current.amount is not None  # a monetary event's carrier has an amount
    return (current.currency, current.amount)


def _link_components(states: Sequence[_PledgeState], index: common.EventIndex) -> dict[int, int]:
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
                article_key = (member.donor, member.article_id)
                by_article.setdefault(article_key, set()).add(state.event.seq)
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
            best: tuple[int, float, int] | None = None
            for seq in candidates:
                theirs = _comparable(states[seq])
                if (
                    not is_package[seq]
                    or theirs is None
                    or theirs[0] != own[0]
                    or theirs[1] <= own[1]
                ):
                    continue
                gap = common.day_gap(event.anchor, states[seq].event.anchor)
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
    for order, (row, published) in enumerate(common.canonical_order(mentions)):
        merger.add(_pledge(row, published, order))
    states = merger.states
    ids, mention_events = common.event_ids([state.event for state in states], merger.assignment)
    package = _link_components(states, merger.index)
    events = [_pledge_row(state, package, ids) for state in states]
    return PledgeMerge(events=events, mention_events=mention_events)
