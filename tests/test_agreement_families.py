"""Issue 10: agreement families that real news tells in ways the plain verbs miss.

Each row is a short phrasing of a family (our own words, or one quoted sentence) with the
agreements it must give as (parties, kind), and the rule that must have made or dropped them.
"""

from __future__ import annotations

import datetime as dt

import pytest

from transforms.extract import extract_article
from transforms.rules import Trace

SEC = "security agreement"
COAL = "coalition membership"
JOINT = "joint production"
MEMO = "memorandum/document signing"

# (text, title, agreements as [(parties, kind)], a rule that fires)
CASES = [
    # background lists: one record per counterpart, with the subject's state
    (
        "Ukraine has signed 17 similar bilateral security agreements, including with the "
        "United States, Britain and Japan.",
        "",
        [
            ({"Ukraine", "United States"}, SEC),
            ({"Ukraine", "United Kingdom"}, SEC),
            ({"Ukraine", "Japan"}, SEC),
        ],
        "agreement.parties.including_list",
    ),
    (
        "The pact signed with the EU mirrors accords already struck by Kyiv with many "
        "countries, including EU heavyweights Germany and France.",
        "",
        [({"Ukraine", "Germany"}, MEMO), ({"Ukraine", "France"}, MEMO)],
        "agreement.parties.including_list",
    ),
    # no verb but "including with", kind from a lede about security agreements
    (
        "Kyiv has signed 20 security agreements with its partners, the prime minister said. "
        "The 10-year agreements, including with Spain and Canada, set out long-term commitments.",
        "",
        [({"Ukraine", "Spain"}, SEC), ({"Ukraine", "Canada"}, SEC)],
        "agreement.verb.including_with",
    ),
    # struck / reached a deal
    (
        "Kyiv struck a deal with Denmark on Friday for Ukrainian companies to jointly produce "
        "weapons on Danish soil.",
        "",
        [({"Ukraine", "Denmark"}, JOINT)],
        "agreement.verb.struck_deal",
    ),
    # members named without "join"
    (
        "Poland and Germany agreed to create a coalition to supply armoured vehicles to Kyiv. "
        "Italy and Sweden are the first confirmed members of the group.",
        "",
        [({"Poland", "Germany"}, COAL), ({"Italy", "Sweden"}, COAL)],
        "agreement.verb.are_members",
    ),
    # leading a new coalition, the announced launch of one
    (
        "Norway and the Netherlands are leading a new Maritime Capability Coalition for Ukraine.",
        "",
        [({"Norway", "Netherlands"}, COAL)],
        "agreement.verb.leading_new",
    ),
    (
        "The minister announced the official launch of the drone coalition, led by Latvia.",
        "",
        [({"Latvia"}, COAL)],
        "agreement.verb.leading_new",
    ),
    # "X-led coalition": the leader is a member
    (
        "About 20 countries have already joined the Lithuanian-led demining coalition.",
        "",
        [({"Lithuania"}, COAL)],
        "agreement.parties.led_adjective",
    ),
    # the coalition's members (unnamed) sign; a paper they sign keeps its own kind
    (
        "On Wednesday the Drone Coalition members signed a memorandum of understanding.",
        "",
        [({"Drone Coalition member states"}, MEMO)],
        "agreement.parties.coalition_members",
    ),
    (
        "To help Ukraine win, we have created the Drone Coalition.",
        "",
        [({"Drone Coalition member states"}, COAL)],
        "agreement.parties.coalition_members",
    ),
    # kinds
    (
        "Ukraine and the USA agreed on cooperation in the production of weapons.",
        "",
        [({"Ukraine", "United States"}, JOINT)],
        "agreement.kind.joint_production",
    ),
    (
        "Britain and France have agreed to establish military hubs across Ukraine.",
        "",
        [({"United Kingdom", "France"}, "other")],
        "agreement.kind.other",
    ),
    (
        "Zelensky praised the agreements with Canada and Italy signed at the summit.",
        "Ukraine signs security agreements with Canada and Italy",
        [({"Ukraine", "Canada"}, SEC), ({"Ukraine", "Italy"}, SEC)],
        "agreement.kind.story_security",
    ),
    # a general statement, then the paper: one record, of the paper's kind
    (
        "Ukraine and Sweden agreed on closer defence cooperation. The two countries signed a "
        "memorandum on joint production of drones.",
        "",
        [({"Ukraine", "Sweden"}, JOINT)],
        "agreement.kind.told_again",
    ),
    # joiners thanked again are no new joining
    (
        "Belgium and Denmark joined the IT coalition together with Ukraine and Estonia. We thank "
        "Belgium and Denmark for joining the IT coalition.",
        "",
        [({"Belgium", "Denmark", "Ukraine", "Estonia"}, COAL)],
        "agreement.kind.coalition_membership",
    ),
    # --- 1.9.5: kinds ---
    # a paper signed about making arms is a production deal, in any inflection
    (
        "Ukraine and Denmark signed a memorandum on building a joint plant for drone parts.",
        "",
        [({"Ukraine", "Denmark"}, JOINT)],
        "agreement.kind.production_subject",
    ),
    # … not when production is one field among others
    (
        "Belgium and Ukraine signed a memorandum to develop relations, including the field of "
        "arms production.",
        "",
        [({"Belgium", "Ukraine"}, MEMO)],
        "agreement.kind.memorandum",
    ),
    # a plain accord in a story about security agreements is one of them
    (
        "Zelensky and Orpo signed an agreement in Kyiv on Wednesday.",
        "Finland and Ukraine sign a security deal",
        [({"Ukraine", "Finland"}, SEC)],
        "agreement.kind.story_security",
    ),
    # … not a memorandum or a declaration signed the same day
    (
        "Zelensky and Orpo signed a declaration of intent in Kyiv on Wednesday.",
        "Finland and Ukraine sign a security deal",
        [({"Ukraine", "Finland"}, MEMO)],
        "agreement.kind.memorandum",
    ),
    # two papers of one kind between the same parties, signed in different months, are two
    (
        "In June, Ukraine and Rheinmetall signed an agreement on the joint production of shells. "
        "On 4 July, Ukraine and Rheinmetall signed an agreement on joint production of armour.",
        "",
        [({"Ukraine", "Rheinmetall"}, JOINT), ({"Ukraine", "Rheinmetall"}, JOINT)],
        "agreement.kind.paper_on_production",
    ),
    # --- 1.9.6: states listed as the signers of papers of their own: one each, with Ukraine ---
    (
        "Earlier, the UK, France and Denmark signed bilateral security agreements with Ukraine.",
        "",
        [
            ({"Ukraine", "United Kingdom"}, SEC),
            ({"Ukraine", "France"}, SEC),
            ({"Ukraine", "Denmark"}, SEC),
        ],
        "agreement.parties.listed_signers",
    ),
    (
        "Such agreements have already been signed by Canada, Italy and the Netherlands.",
        "",
        [
            ({"Ukraine", "Canada"}, MEMO),
            ({"Ukraine", "Italy"}, MEMO),
            ({"Ukraine", "Netherlands"}, MEMO),
        ],
        "agreement.parties.listed_signers",
    ),
    # … not two states signing papers together
    (
        "Germany and France signed documents on joint production.",
        "",
        [({"Germany", "France"}, JOINT)],
        "agreement.kind.joint_production",
    ),
    # --- 1.9.12: a group joined that the gazetteer does not know, named by its head noun ---
    (
        "Australia has joined NATO's new security and training initiative for Ukraine.",
        "",
        [({"Australia", "NATO"}, COAL)],
        "agreement.kind.coalition_membership",
    ),
    (
        "Canada joined a team of countries helping to maintain Leopard tanks.",
        "",
        [({"Canada"}, COAL)],
        "agreement.kind.coalition_membership",
    ),
]

# (text, the veto or rule that drops it)
DROPPED = [
    # 1.9.12: an intent to join is no membership; joining a state in a call is none either
    ("Six more nations are prepared to join the effort.", "agreement.veto.join_nothing"),
    # 1.9.8: one named side, no counterpart, no kind
    ("The Swedish government and the Sweden Democrats reached an agreement on the budget.",
     "agreement.veto.one_sided"),
    ("EU ambassadors reached an agreement on Wednesday to allocate more funds.",
     "agreement.veto.one_sided"),
    ("Germany, Denmark and Norway agreed to jointly finance the purchase of 16 Zuzana guns.",
     "agreement.veto.agreed_amount"),
    ("The memorandum establishes an approach to the interoperability of Ukrainian systems.",
     "agreement.veto.paper_as_subject"),
    ("Britain has launched a competition on behalf of the Drone Coalition to procure drones.",
     "agreement.veto.launched_activity"),
    ("The two leaders signed an updated Canada-Ukraine free trade deal and a youth mobility "
     "agreement.", "agreement.veto.civilian_subject"),
    ("Officials said that eight countries had so far joined the drone coalition.",
     "agreement.veto.running_tally"),
    # "further signing" is a noun: no verb, no candidate
    ("The ministry expects further signing of agreements with American companies.", ""),
    ("Italy and Spain signed an agreement on joint production of shells in Poland, Romania and "
     "Moldova.", "agreement.parties.place_list"),
    ("Italy and Spain signed a production agreement in Rome. The agreement, signed in Rome, "
     "follows talks between their leaders.", "agreement.verb"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "title", "agreements", "rule"), CASES)
def test_agreement_families(text: str, title: str, agreements: list[tuple], rule: str) -> None:
    trace = Trace()
    ex = extract_article(text, dt.date(2025, 3, 14), title=title or None, trace=trace)
    assert [(set(a.parties), a.kind) for a in ex.agreements] == agreements
    fired = {r for a in ex.agreements for r in a.rules} | {s.rule for s in trace.steps}
    assert rule in fired, sorted(fired)


@pytest.mark.parametrize(("text", "rule"), DROPPED)
def test_agreement_families_that_assert_nothing_new(text: str, rule: str) -> None:
    trace = Trace()
    ex = extract_article(text, dt.date(2025, 3, 14), trace=trace)
    fired = {r for a in ex.agreements for r in a.rules} | {s.rule for s in trace.steps}
    assert rule in fired if rule else not fired, sorted(fired)
    assert len(ex.agreements) <= 1  # the anaphoric repetition keeps only the first signing
    assert not ex.agreements or {"Italy", "Spain"} <= set(ex.agreements[0].parties)
