"""The extractor's decisions as data: named rules applied by a small engine that keeps a trace.

A rule is a table entry, not an ``if`` buried in a function: a name, the test that decides
it, a real example sentence on which it fires, and why it exists. Each family of rules
(pledge vetoes, donor resolvers, category cues, agreement vetoes …) is an ordered tuple in
the module that reads that kind of fact; ``transforms.rulebook`` lists them all. Records
carry the names of the rules that made them, and a ``Trace`` keeps every rule that fired,
including those that dropped a candidate, so ``pledgewatch explain`` can show why.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

S = TypeVar("S")  # what a family's tests look at (a candidate pledge, an agreement clause …)
R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class Rule(Generic[S]):
    """A yes/no decision: ``test`` says whether the rule fires on a subject."""

    name: str
    test: Callable[[S], object]
    example: str  # a sentence (a short real phrasing) on which the rule fires
    why: str = ""


@dataclass(frozen=True, slots=True)
class Method(Generic[S, R]):
    """A way of finding a value, tried in order with its peers: the first that finds wins."""

    name: str
    find: Callable[[S], R | None]
    example: str
    why: str = ""


@dataclass(frozen=True, slots=True)
class Cue(Generic[S]):
    """A rule that, when it fires, gives a value (a category, a kind)."""

    name: str
    test: Callable[[S], object]
    value: str
    example: str
    why: str = ""


@dataclass(frozen=True, slots=True)
class PatternRule:
    """A rule that is one pattern: a teaser ending, a footer, a feed element, a fetch error."""

    name: str
    pattern: re.Pattern[str]
    example: str  # a real text on which the pattern matches


@dataclass(frozen=True, slots=True)
class Step:
    """One fired rule in one sentence: what it decided about which candidate."""

    sentence: int
    rule: str
    outcome: str  # "dropped", "found", "kept", "chose"
    detail: str = ""


@dataclass(slots=True)
class Trace:
    """Every rule that fired while an article was read, in reading order."""

    steps: list[Step] = field(default_factory=list)

    def note(self, sentence: int, rule: str, outcome: str, detail: str = "") -> None:
        self.steps.append(Step(sentence, rule, outcome, detail))

    def for_sentence(self, sentence: int) -> list[Step]:
        return [s for s in self.steps if s.sentence == sentence]


def first_rule(rules: Sequence[Rule[S]], subject: S) -> Rule[S] | None:
    """The first rule of ``rules`` that fires on ``subject`` (vetoes: the reason to drop)."""
    for rule in rules:
        if rule.test(subject):
            return rule
    return None


def first_method(methods: Sequence[Method[S, R]], subject: S) -> tuple[str, R] | None:
    """The first method of ``methods`` that finds a value, with its name."""
    for method in methods:
        found = method.find(subject)
        if found is not None:
            return method.name, found
    return None


def first_cue(cues: Sequence[Cue[S]], subject: S) -> Cue[S] | None:
    """The first cue of ``cues`` that fires on ``subject``."""
    for cue in cues:
        if cue.test(subject):
            return cue
    return None
