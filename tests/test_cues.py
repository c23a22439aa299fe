"""Negation, speculation, condition, agenda, aggregate and restatement cues.

Each row is a sentence as the press writes it and whether the extractor should record a pledge
(or agreement) from it, so the cue and its scope are tested together.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from transforms import cues
from transforms.extract import extract_article
from transforms.sentences import keys, split_sentences

PUB = dt.date(2024, 5, 15)

# (sentence, pledges expected, agreements expected)
ASSERTION_CASES = [
    # asserted
    ("Germany will provide €500 million in air defence support.", 1, 0),
    ("Canada has allocated $60 million for armoured vehicles.", 1, 0),
    ("Norway and Sweden joined the maritime coalition on Monday.", 0, 1),
    ("Ukraine and Poland signed a memorandum on arms production.", 0, 1),
    # negation
    ("Media reported that the US would not announce new arms supplies.", 0, 0),
    ("Hungary refused to approve the €500 million tranche.", 0, 0),
    ("Italy has not signed the security agreement.", 0, 0),
    ("Poland will no longer send tanks to Ukraine.", 0, 0),
    # speculation and plans
    ("Italy could announce a €300 million package next month.", 0, 0),
    ("Spain is preparing a new shipment of Patriot missiles.", 0, 0),
    ("Berlin is expected to unveil €1 billion in aid at the summit.", 0, 0),
    ("Ukraine will sign security agreements with several countries in the coming weeks.", 0, 0),
    ("Denmark and the Netherlands may be the next to sign security agreements.", 0, 0),
    ("France plans to deliver 40 more SCALP missiles.", 0, 0),
    ("Ukraine proposed a joint forum on production with the Baltic states.", 0, 0),
    # conditions
    ("Estonia could buy shells worth €2 billion if the allies provide funds.", 0, 0),
    ("Greece would send artillery shells if the EU paid for them.", 0, 0),
    # agenda items and talks
    ("The agenda includes the supply of military assistance in 2025.", 0, 0),
    ("Ministers will discuss a €5 billion ammunition fund on Thursday.", 0, 0),
    ("Ukraine and Canada held a round of talks on a security agreement.", 0, 0),
    # cumulative totals
    ("Since 2022, the United States has committed more than $60 billion in aid.", 0, 0),
    ("Total Danish aid to Ukraine will amount to DKK 33.3 billion.", 0, 0),
    ("In 2024, support reached €1.8 billion.", 0, 0),
    ("The new tranche brings the total EU military aid to €11 billion.", 0, 0),
    ("Sweden has given SEK 50 billion so far.", 0, 0),
    ("The US remains the largest donor, with $75 billion allocated between 2022 and 2024.", 0, 0),
    ("Germany is second with €17 billion, followed by the UK with €10 billion.", 0, 0),
    ("The EU and its member states together have committed more than €100 billion.", 0, 0),
    ("Norway has provided more than NOK 20 billion in military aid.", 0, 0),
    # Russian claims
    ("Russia's defence ministry said it destroyed Western weapons worth $300 million.", 0, 0),
    # frozen assets are not a pledge
    ("The G7 agreed to use the interest on £200 billion of immobilised Russian assets.", 0, 0),
    # links to other stories and conditions after the pledge
    ("Read more: Germany pledges €500 million for air defence", 0, 0),
    ("Britain would be ready to send Storm Shadow missiles if partners share the cost.", 0, 0),
    # relative clauses presuppose an agreement; a reporting verb asserts it
    ("The plan is tied to reforms that Ukraine agreed with Brussels.", 0, 0),
    ("Officials said that Ukraine and Poland agreed on joint production of shells.", 0, 1),
    ("Ukraine expects to receive $61 billion from the US soon.", 0, 0),
    ("Canada and Norway have allocated funding; Ukraine could receive more from Sweden.", 2, 0),
    # an ordinal "since" places a new package in a series: not a running total
    ("Finland approved its 28th package since the invasion, worth €198 million.", 1, 0),
    ("Denmark announced DKK 1.3 billion, its largest package since 2023.", 1, 0),
    ("Denmark's aid since 2023 amounts to DKK 9 billion.", 0, 0),
    # recommendations and demands are not decisions
    ("Critics argued that Oslo should send 12 more Leopard tanks.", 0, 0),
    ("Opposition MPs demanded that Rome send Patriot systems.", 0, 0),
    # existing roles and presupposed launches are no new agreement
    ("Latvia co-leads the drone coalition with the UK.", 0, 0),
    ("After the launch of the demining coalition, Iceland sent 2 boats.", 1, 0),
    # scope: a "could" in another clause does not veto the pledge
    ("The money could fund air defence and comes on top of the UK's existing £3bn support.", 1, 0),
    ("Belgium will send six F-16 jets, with the first expected to arrive in 2025.", 1, 0),
    # failed decisions, open sums and dropped plans assert nothing
    ("EU ministers failed to approve the €5 billion fund for Ukraine.", 0, 0),
    ("Foreign ministers again failed to agree on a €4 billion top-up for the facility.", 0, 0),
    ("Madrid is mulling a contribution to the shell initiative, but no sum has been agreed.", 0, 0),
    ("Poland earlier considered sending MiG jets to Ukraine, but the idea was dropped.", 0, 0),
    ("Slovakia was unable to deliver the 16 howitzers it had promised.", 0, 0),
    ("Portugal is considering joining the drone coalition.", 0, 0),
    # plans and stopped or postponed aid
    ("The Commission presented its €50 billion plan for Ukraine on Monday.", 0, 0),
    ("The Council approved the €50 billion plan for Ukraine on Monday.", 1, 0),
    ("A planned €1 billion package from Italy was postponed until after the elections.", 0, 0),
    ("Slovakia halted military aid to Ukraine, including a planned €40 million tranche.", 0, 0),
    ("The Czech government suspended its €30 million contribution to the fund.", 0, 0),
    # a tracker's yearly figures are totals, not pledges
    ("According to the Kiel Institute, Norway allocated NOK 27 billion in 2025.", 0, 0),
    ("Allocations reached €40 billion in 2025, compared with €33 billion a year earlier.", 0, 0),
    ("The researchers calculated that Denmark gave DKK 20 billion in 2025.", 0, 0),
    ("Sweden allocated SEK 25 billion in 2025, the tracker showed.", 0, 0),
    # what a coalition financed since its launch is a running total
    ("Since the launch of the demining coalition, members have financed 40 vehicles.", 0, 0),
    # a state resisting a measure is no donor of it, wherever it stands in the sentence
    ("Governments weigh a €90bn loan for Ukraine, which faces opposition from Slovakia.", 0, 0),
    ("A €20 billion facility for Ukraine has not been adopted amid resistance from Belgium.", 0, 0),
]


@pytest.mark.parametrize(("sentence", "pledges", "agreements"), ASSERTION_CASES)
def test_assertion_cues(sentence: str, pledges: int, agreements: int) -> None:
    ex = extract_article(sentence, PUB)
    assert (len(ex.pledges), len(ex.agreements)) == (pledges, agreements)


@pytest.mark.parametrize(
    ("sentence", "restated"),
    [
        ("As was reported earlier, Belgium pledged €611 million.", True),
        ("He repeated the previous statement that the Netherlands will give €10 million.", True),
        ("Recall that Norway promised NOK 75 billion over five years.", True),
        ("Last month, Latvia pledged €20 million for drones.", True),
        ("In March, Lithuania allocated €30 million.", True),  # month before publication
        ("This comes on top of the UK's existing £3 billion-a-year support.", True),
        ("The memorandum was signed after Belgium pledged €611 million.", True),
        ("Belgium pledged €611 million on Monday.", False),
        ("Last week, Sweden announced its 17th package, worth SEK 7.1 billion.", True),
        ("Two weeks ago, Sweden announced SEK 3 billion for air defence.", True),
        ("Three days ago, Finland approved €50 million.", False),
        ("In 2023, Norway approved a five-year programme worth NOK 75 billion.", True),
        ("Earlier today, Finland announced €200 million.", False),
        ("The European Union has approved an additional €500 million.", False),
        ("Several states, including Estonia, announced contributions worth €40 million.", False),
        # reported speech shifts tense back: the news of the day, not an earlier event
        ("Rutte said on Monday that the Netherlands had allocated €300 million.", False),
        ("Rutte said the Netherlands had already allocated €300 million.", True),
        ("Oslo announced the same day that Norway had approved €30 million.", False),
        # an envelope the new money comes out of was set up before
        (
            "The first payment comes from the €300 million that Portugal set aside for Ukraine.",
            True,
        ),
        # where new money is taken from restates nothing; a package built upon is older news
        (
            "Britain pledged £100 million for drones, adding that the money would come from the "
            "UK's existing commitment for 2025.",
            False,
        ),
        ("This builds on the €40 million package Latvia announced in the spring.", True),
    ],
)
def test_restated_cues(sentence: str, restated: bool) -> None:
    ex = extract_article(sentence, PUB)
    assert ex.pledges, sentence
    assert ex.pledges[0].restated is restated


@pytest.mark.parametrize(
    ("clause", "reason"),
    [
        ("Germany would not send", "negation"),
        ("Italy never delivered", "negation"),
        ("France could provide", "speculation"),
        ("Spain is considering a shipment", "speculation"),
        ("Greece will send shells if paid", "conditional"),
        ("Sweden will send tanks", None),
        ("Hungary failed to approve the tranche", "negation"),
        ("no figure has yet been agreed", "negation"),
        ("the buy-back plan was shelved", "negation"),
        ("Rome considered sending jets", "speculation"),
        ("Oslo weighed whether to send more", "speculation"),
        ("support is not only maintained but growing", None),
        ("Washington's possible decision to send more missiles", "speculation"),
        ("a prospective sale of Patriot systems", "speculation"),
        ("Sweden will send as many tanks as possible", None),
    ],
)
def test_is_vetoed(clause: str, reason: str | None) -> None:
    assert cues.is_vetoed(clause) == reason
    assert cues.is_vetoed(clause, keys(clause)) == reason


def test_russian_claim() -> None:
    assert cues.russian_claim("Moscow says it destroyed five Leopard tanks.")
    assert not cues.russian_claim("Germany destroyed old stocks in 2010.")


# Sentences for the stem gates: each names a cue in a form the gate must let through.
_GATE_SENTENCES = [
    "He didn't send tanks.", "They won't provide it.", "Sweden ruled out Gripens.",
    "Rome declined to comment.", "Without any new funds, nothing moved.", "Neither side agreed.",
    "It may come.", "It might come.", "Paris would probably send more.", "Oslo is mulling it.",
    "It is set to approve it.", "Kyiv asked for more shells.", "Berlin urged allies to act.",
    "They hope to sign.", "Madrid wants to help.", "The talks went on.", "MPs argued for it.",
    "Ministers should decide.", "They ought to pay.", "Unless funds arrive, nothing.",
    "As long as Kyiv pays, yes.", "Provided that it passes, yes.", "Subject to approval, yes.",
    "It remains on the table.", "The agenda covers drones.", "A round of talks began.",
    "Of this, €100m goes to drones.", "This includes 10 tanks.", "Of which €5m is for fuel.",
    "€50 million will go to demining.", "The package comprises shells.",
    "Russia said it shot down a Storm Shadow.", "Moscow claimed it struck a depot.",
    "The vote failed to pass.", "No sum has been set.", "The plan was dropped.",
    "They were unable to agree.", "Oslo considered sending more.", "Paris mulled buying jets.",
    "Rome explored the option.", "The idea was scrapped.", "It was abandoned.",
    "Rome halted it.", "Aid was suspended.", "It was postponed.", "They cancelled it.",
    "It was put on hold.", "The planned package waits.", "Paris presented a draft law.",
]  # fmt: skip


@pytest.mark.parametrize("sentence", _GATE_SENTENCES)
def test_stem_gates_never_hide_a_cue(sentence: str) -> None:
    """A gated check decides as the full pattern does (the gates only save time)."""
    stems = keys(sentence)
    for pattern, gate in (
        (cues.NEGATION, cues.NEGATION_STEMS),
        (cues.SPECULATION, cues.SPECULATION_STEMS),
        (cues.CONDITIONAL, cues.CONDITIONAL_STEMS),
        (cues.AGENDA, cues.AGENDA_STEMS),
    ):
        if pattern.search(sentence):
            assert not gate.isdisjoint(stems), (pattern.pattern[:40], sentence)
    assert cues.is_component(sentence, stems) == bool(cues.COMPONENT.search(sentence))
    assert cues.russian_claim(sentence, stems) == cues.russian_claim(sentence)


def test_stem_gates_on_labelled_text() -> None:
    """The same on every sentence of the labelled sets that are in the repository."""
    root = Path(__file__).parent / "data"
    texts = [
        json.loads(line)["text"]
        for path in sorted(root.glob("*/articles.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    assert texts
    for sentence in (s.text for t in texts for s in split_sentences(t)):
        test_stem_gates_never_hide_a_cue(sentence)
