"""The whole rulebook: every family of named rules the extractor applies, in one table.

Each family lives beside the code that reads its kind of fact (``transforms.pledges``,
``transforms.agreements``); this module only lists them, for ``pledgewatch explain``, for the
README and for the test that runs every rule's example through the extractor and checks that
the rule fires on it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from transforms import agreements, pledges
from transforms.rules import Cue, Method, Rule


@dataclass(frozen=True, slots=True)
class Entry:
    family: str
    name: str
    example: str
    why: str


FAMILIES: dict[str, str] = {
    "sentence vetoes": "a sentence that asserts no pledge, whatever it names",
    "amount vetoes": "an amount that is no pledge (totals, prices, unattached sums)",
    "donor resolvers": "how the giver of an amount or of things is found, tried in order",
    "donor exclusions": "a named actor that gives nothing, whatever resolver would take it",
    "donor owners": "the donor a record names for a fund: its owner",
    "pledge vetoes": "a found pledge whose clause says it is not asserted",
    "things rules": "where things without a number count as given",
    "passive methods": 'things told as given in the passive ("had been delivered"), and by whom',
    "fronted methods": 'things named before the verb that gives them ("the howitzers that '
    'Poland sent", "… arrived in Ukraine")',
    "restated cues": "a pledge told as old news",
    "date methods": "when a pledge was announced, tried in order",
    "category cues": "what the money is for, the first cue decides",
    "agreement vetoes": "an agreement verb that asserts no agreement",
    "agreement verbs": "wider phrasings read as a plain agreement verb, the first cue decides",
    "agreement parties": "who signs where the plain reading finds no one or the wrong ones",
    "agreement kinds": "the kind of an agreement, the first cue decides (else other)",
    "agreement record vetoes": "a found agreement that is no agreement between parties",
}


def entries() -> list[Entry]:
    """Every rule of every family, in the order the extractor tries them."""
    # Each family tests its own kind of subject (a sentence, a candidate pledge, a clause …).
    tables: Mapping[str, Sequence[Rule[Any] | Method[Any, Any] | Cue[Any]]] = {
        "sentence vetoes": pledges.SENTENCE_VETOES,
        "amount vetoes": pledges.AMOUNT_VETOES,
        "donor resolvers": pledges.DONOR_METHODS,
        "donor exclusions": pledges.DONOR_EXCLUSIONS,
        "donor owners": pledges.DONOR_OWNERS,
        "pledge vetoes": pledges.PLEDGE_VETOES,
        "things rules": pledges.THINGS_RULES,
        "passive methods": pledges.PASSIVE_METHODS,
        "fronted methods": pledges.FRONTED_METHODS,
        "restated cues": pledges.RESTATED_RULES,
        "date methods": pledges.DATE_METHODS,
        "category cues": pledges.CATEGORY_CUES,
        "agreement vetoes": agreements.AGREEMENT_VETOES,
        "agreement verbs": agreements.VERB_CUES,
        "agreement parties": agreements.PARTY_RULES,
        "agreement kinds": agreements.KIND_CUES,
        "agreement record vetoes": agreements.RECORD_VETOES,
    }
    return [
        Entry(family, rule.name, rule.example, rule.why)
        for family, table in tables.items()
        for rule in table
    ]
