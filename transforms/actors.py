"""The actor gazetteer: countries, organisations, coalitions, initiatives and companies.

The table lives in ``transforms/data/actors.csv`` (data, not code) so analysts can extend it
and the flows can load it into DuckDB. Matching is one compiled alternation, longest alias
first, so "Czech initiative" wins over "Czech" and "North Korea" over "Korea".
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import NamedTuple, TypeAlias

from transforms.sentences import keys

# Kinds whose aliases are matched case-insensitively ("drone coalition", "Drone Coalition").
_CASELESS_KINDS = frozenset({"coalition", "initiative"})
# Never donors of support to Ukraine; kept in the table so they are recognised (and skipped).
NON_DONORS = frozenset({"Ukraine", "Russia", "Belarus", "Iran", "North Korea"})


@dataclass(frozen=True, slots=True)
class Actor:
    """One canonical actor."""

    name: str
    iso_code: str | None
    kind: str
    aliases: tuple[str, ...]


class Mention(NamedTuple):
    """An actor named in a sentence, with offsets relative to that sentence (a cheap tuple)."""

    actor: Actor
    start: int
    end: int
    text: str

    @property
    def name(self) -> str:
        return self.actor.name

    @property
    def kind(self) -> str:
        return self.actor.kind


def _read_table() -> list[Actor]:
    path = resources.files("transforms").joinpath("data/actors.csv")
    # Traversable.open() passes newline= on to TextIOWrapper; typeshed's overloads omit it.
    with path.open(encoding="utf-8", newline="") as handle:  # type: ignore[call-overload]
        rows = list(csv.DictReader(handle))
    actors = []
    for row in rows:
        aliases = tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip())
        actors.append(
            Actor(
                name=row["name"].strip(),
                iso_code=(row.get("iso_code") or "").strip() or None,
                kind=row["kind"].strip(),
                aliases=aliases,
            )
        )
    return actors


@cache
def actors() -> tuple[Actor, ...]:
    """All actors of the gazetteer (cached: the file is read once per process)."""
    return tuple(_read_table())


def load_actors() -> list[dict[str, str | list[str] | None]]:
    """The gazetteer as rows (name, iso_code, kind, aliases) for the DuckDB ``actors`` table."""
    return [
        {"name": a.name, "iso_code": a.iso_code, "kind": a.kind, "aliases": list(a.aliases)}
        for a in actors()
    ]


# A character trie: each key a next character ("" marks a word's end).
_Trie: TypeAlias = dict[str, "_Trie"]


def _trie_regex(words: list[str]) -> str:
    """One regex alternation shaped as a character trie, longest match first.

    Python's ``re`` tries alternatives one by one; a trie shares prefixes so a position that
    cannot start any alias fails after one character instead of after hundreds of tries.
    """
    trie: _Trie = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: _Trie) -> str:
        end = "" in node
        branches = []
        for ch in sorted(k for k in node if k):
            piece = r"\s+" if ch == " " else re.escape(ch)
            branches.append(piece + build(node[ch]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end else body

    return build(trie)


@cache
def _matcher() -> tuple[
    re.Pattern[str], re.Pattern[str], dict[str, Actor], dict[str, Actor], frozenset[str]
]:
    exact: dict[str, Actor] = {}
    caseless: dict[str, Actor] = {}
    for actor in actors():
        for form in (actor.name, *actor.aliases):
            form = form[4:] if form.startswith(("the ", "The ")) else form
            if actor.kind in _CASELESS_KINDS:
                caseless.setdefault(form.lower(), actor)
            else:
                exact.setdefault(form, actor)
                if actor.kind == "company" and form.upper() != form:
                    # press releases write brands in capitals: "THALES Belgium has signed"
                    exact.setdefault(form.upper(), actor)
    bound_l, bound_r = r"(?<![\w-])", r"(?![\w-])"
    # Matched only at capital letters found by _CAPITAL (see find_actors): no left context here.
    exact_rx = re.compile(rf"{_trie_regex(list(exact))}{bound_r}")
    caseless_rx = re.compile(rf"{bound_l}(?:{_trie_regex(list(caseless))}){bound_r}", re.IGNORECASE)
    heads = frozenset(form[:2] for form in exact)
    return exact_rx, caseless_rx, exact, caseless, heads


# Every case-sensitive alias starts with a capital (or a currency-free symbol such as "G7").
_CAPITAL = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-Ž]")
# Every caseless alias (coalitions, initiatives) contains one of these word stems (see
# sentences.keys): a case-insensitive regex scan of every sentence costs ten times more.
_CASELESS_HINTS = frozenset({"coali", "initi", "progr", "usai", "purl", "requi"})
COALITION_HINTS = _CASELESS_HINTS


# State names that are also first names, surnames, a US state or a river: "Chad Smith",
# "Michael Jordan", "Atlanta, Georgia", "Georgia Tech", "Lake Chad", "the Jordan Valley".
AMBIGUOUS = frozenset({"Chad", "Jordan", "Georgia", "Georgian", "Georgians", "Niger"})
_NAME_AFTER = re.compile(r"\s+(?:[A-Z][a-z]|Tech\b)")
_NAME_BEFORE = re.compile(
    r"(?:\b[A-Z][a-z]+\s+|\b(?:Lake|River|state\s+of|State\s+of|the|river|lake)\s+|"
    r"\b[A-Z][a-z]+,\s+)$"
)
# Bare head nouns that name the EU's institutions ("the Council", "the Commission") only
# when no other name qualifies them: "the State Defense Council" is Lithuania's.
HEAD_NOUNS = frozenset({"Council", "Commission", "Parliament"})
_OTHER_BODY_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s+$")


def _qualified(sentence: str, start: int) -> bool:
    """A capitalised word other than "European" qualifies the head noun at ``start``."""
    before = _OTHER_BODY_BEFORE.search(sentence, max(0, start - 30), start)
    return before is not None and before.group(1) not in {"European", *_LEAD_WORDS}


# Words that can precede a state's name in the same noun phrase: not a first name.
_LEAD_WORDS = frozenset({"In", "To", "For", "From", "With", "And", "By", "On", "At", "The", "As"})


def _not_the_state(sentence: str, start: int, end: int) -> bool:
    """True when an ambiguous state name is a person, a US state or a river here."""
    if _NAME_AFTER.match(sentence, end):
        return True
    before = _NAME_BEFORE.search(sentence, max(0, start - 30), start)
    if before is None:
        return False
    word = before.group().strip(" ,")
    if word in _LEAD_WORDS or word.lower() == "the":
        return word.lower() == "the" and sentence[start:end] == "Jordan"
    # "Armenia, Georgia": a list of states, not a city and its state.
    return _exact_state(word) is None


def _exact_state(word: str) -> Actor | None:
    return _matcher()[2].get(word)


def find_actors(sentence: str, stems: set[str] | None = None) -> list[Mention]:
    """Every actor mention in ``sentence``, left to right, longest alias winning."""
    exact_rx, caseless_rx, exact, caseless, heads = _matcher()
    found: list[Mention] = []
    stems = keys(sentence) if stems is None else stems
    m: re.Match[str] | None
    if not _CASELESS_HINTS.isdisjoint(stems):
        for m in caseless_rx.finditer(sentence):
            actor = caseless.get(" ".join(m.group().lower().split()))
            if actor is not None:
                found.append(Mention(actor, m.start(), m.end(), m.group()))
    taken = [(m.start, m.end) for m in found]
    last_end = 0
    for cap in _CAPITAL.finditer(sentence):
        i = cap.start()
        if i < last_end or sentence[i : i + 2] not in heads:
            continue
        if i and (sentence[i - 1].isalnum() or sentence[i - 1] in "-_"):
            continue
        m = exact_rx.match(sentence, i)
        if m is None or any(s < m.end() and m.start() < e for s, e in taken):
            continue
        actor = exact.get(" ".join(m.group().split()))
        if actor is not None:
            if m.group() in AMBIGUOUS and _not_the_state(sentence, m.start(), m.end()):
                continue
            if m.group() in HEAD_NOUNS and _qualified(sentence, m.start()):
                continue
            found.append(Mention(actor, m.start(), m.end(), m.group()))
            last_end = m.end()
    if taken:
        found.sort(key=lambda m: m.start)
    return found


@cache
def by_name() -> dict[str, Actor]:
    """Canonical name → actor."""
    return {a.name: a for a in actors()}


def resolve(name: str) -> Actor | None:
    """The actor a bare name or alias denotes (whole string, "the" ignored), or None."""
    bare = name.strip()
    if bare.lower().startswith("the "):
        bare = bare[4:].strip()
    mentions = find_actors(bare)
    if len(mentions) == 1 and mentions[0].end - mentions[0].start == len(bare):
        return mentions[0].actor
    return by_name().get(bare)


_NON_DONOR_CODES = frozenset({"UA", "RU", "BY", "IR", "KP"})
_FORUMS = frozenset({"Ukraine Defence Contact Group", "NATO"})


def donor_eligible(m: Mention) -> bool:
    """Countries, organisations and companies can give; Ukraine and Russia cannot."""
    return (
        m.kind in ("country", "organisation", "company")
        and m.name not in NON_DONORS
        # a forum of states gives nothing itself, its members do (1.9.9: NATO was the donor of
        # 6 records on unseen sets, 1 right, and of no gold pledge in any labelled set)
        and m.name not in _FORUMS
        # a company of a state that cannot give (Ukroboronprom, Fire Point) gives nothing
        and not (m.kind == "company" and m.actor.iso_code in _NON_DONOR_CODES)
    )
