"""Merge agreement mentions into agreement events: one real-world signing however often it is
reported.

The machinery (canonical order, greedy single pass, date index, stable ids) is in
event_common; the rule that makes two agreement mentions one signing is here, with its
thresholds as the constants below: same kind, parties Jaccard >= PARTY_JACCARD with Ukraine
set aside when other parties are named, similar subject (or the same coalition, for coalition
membership), dates within AGREEMENT_WINDOW_DAYS; a restatement joins any earlier event.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from transforms import event_common as common

__all__ = ["AGREEMENT_WINDOW_DAYS", "AgreementMerge", "merge_agreements"]

# --- thresholds -------------------------------------------------------------------------------

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

UKRAINE = "ukraine"
"""Party ignored in agreement matching when other parties are named: nearly every agreement
includes Ukraine, so counting it would make any two bilateral deals half-similar."""

GENERIC_SUBJECT_WORDS = common.GENERIC_WORDS | common.wordset(
    """agreement agreements memorandum memoranda understanding document documents cooperation
    co-operation joint production produce field fields area areas sphere spheres development
    strengthening security defence defense industry industrial sector partnership"""
)
"""Words common to most agreement subjects; dropped so the subject compares on its topic."""


@dataclass(frozen=True, slots=True)
class AgreementMerge(common.EventMerge):
    """Agreement events (rows of `agreements` without run_id) and the event of every mention."""


@dataclass(slots=True)
class _Agreement(common.EventMention):
    """An agreement mention normalised for matching."""

    kind: str
    core: frozenset[str]
    subject: frozenset[str]
    coalition: str


def _core_parties(parties: Iterable[str] | None) -> frozenset[str]:
    """Parties compared: all but Ukraine when others are named, else just Ukraine.

    Consequence (chosen): a mention naming only Ukraine matches only events naming only
    Ukraine, since "Ukraine signed" says nothing about with whom.
    """
    names = frozenset(common.name_key(p) for p in parties or () if common.name_key(p))
    others = names - {UKRAINE}
    return others or names


def _agreement(row: Mapping[str, Any], published: date, order: int) -> _Agreement:
    return _Agreement(
        **common.mention_fields(row, published, order, "signed_on", "signed_precision"),
        kind=common.name_key(row.get("kind")) or "other",
        core=_core_parties(row.get("parties")),
        subject=common.content_words(row.get("subject"), GENERIC_SUBJECT_WORDS),
        coalition=common.name_key(row.get("coalition")),
    )


def _agreement_score(
    mention: _Agreement, signature: tuple[frozenset[str], frozenset[str], str]
) -> tuple[float, float] | None:
    """(1 - party Jaccard, 1 - subject overlap) against one member, None if not the same deal."""
    core, subject, coalition = signature
    parties = common.jaccard(core, mention.core)
    if parties < PARTY_JACCARD:
        return None
    if mention.kind == "coalition membership" and coalition and mention.coalition:
        if coalition != mention.coalition:
            return None
        return (1 - parties, 0.0)
    overlap = common.overlap_coefficient(subject, mention.subject)
    if overlap < SUBJECT_OVERLAP:
        return None
    return (1 - parties, 1 - overlap)


class _AgreementMerger:
    """Greedy single-pass merge of agreement mentions in canonical order."""

    def __init__(self) -> None:
        self.index = common.EventIndex()
        self.events: list[common.Event] = []
        self.assignment: dict[str, int] = {}

    def _match(self, mention: _Agreement) -> common.Event | None:
        """The best earlier event this mention reports, or None."""

        def evaluate(seq: int) -> tuple[float, float, int, int] | None:
            event = self.events[seq]
            if not common.date_ok(mention, event, AGREEMENT_WINDOW_DAYS):
                return None
            found = [_agreement_score(mention, sig) for sig in event.signatures]
            scores = [score for score in found if score is not None]
            if not scores:
                return None
            return (*min(scores), common.day_gap(mention.ref, event.anchor), seq)

        keys = [(mention.kind, party) for party in sorted(mention.core)]
        best = self.index.best(keys, mention, AGREEMENT_WINDOW_DAYS, evaluate)
        return self.events[best[-1]] if best else None

    def add(self, mention: _Agreement) -> None:
        event = self._match(mention)
        if event is None:
            event = common.Event(
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


def _agreement_row(event: common.Event, event_id: str) -> dict[str, Any]:
    ranked = sorted(event.members, key=lambda m: m.rank)
    best = ranked[0]
    signed_on, precision = common.stated_date(event.members)
    return {
        "event_id": event_id,
        "parties": list(best.row.get("parties") or []),
        "kind": best.row.get("kind"),
        "subject": common.first_value(ranked, "subject"),
        "document_count": common.first_value(ranked, "document_count"),
        "coalition": common.first_value(ranked, "coalition"),
        "signed_on": signed_on,
        "signed_precision": precision,
        **common.event_columns(event, ranked),
    }


def merge_agreements(mentions: Sequence[Mapping[str, Any]]) -> AgreementMerge:
    """Merge agreement_mentions rows (plus the article's published_on) into agreements events.

    Returns one dict per event with the columns of the agreements table except run_id, in
    first-seen order, and the event id of every mention (rules: the module docstring).
    """
    merger = _AgreementMerger()
    for order, (row, published) in enumerate(common.canonical_order(mentions)):
        merger.add(_agreement(row, published, order))
    ids, mention_events = common.event_ids(merger.events, merger.assignment)
    events = [_agreement_row(event, ids[event.seq]) for event in merger.events]
    return AgreementMerge(events=events, mention_events=mention_events)
