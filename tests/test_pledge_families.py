"""Pledge rule families of extractors 1.5 to 1.9: a positive and a negative row per family.

Each row is a short phrasing in our own words of a shape seen in several real articles
(reallabels5/7/8, and reallabels9 for 1.7): the rules are written for the shape, not for
one sentence. The 1.7 rows widen mechanisms (attribution within a sentence, attachment) rather
than phrases (issue 10).
"""

from __future__ import annotations

import datetime as dt

import pytest

from transforms.extract import extract_article

CASES = [
    # things.asserted_give: unnumbered things after a giving verb with an auxiliary of its own
    ("The US and the Czech Republic will provide tanks to Ukraine.",
     [("United States", None, None), ("Czech Republic", None, None)]),
    ("Britain has supplied Starstreak anti-aircraft missiles to Kyiv.",
     [("United Kingdom", None, None)]),
    ("Tokyo will provide protective masks and clothing to Ukraine, the minister said.",
     [("Japan", None, None)]),
    ("France could provide tanks to Ukraine.", []),
    ("Germany and Poland agreed to form a coalition that will supply armoured vehicles.", []),
    # things.approved_delivery
    ("The Dutch cabinet has approved the delivery of self-propelled howitzers to Ukraine.",
     [("Netherlands", None, None)]),
    ("Berlin was criticised for delaying whether to approve the export of Leopard tanks.", []),
    # counts told loosely: "hundreds more", "a significant number of", "a total of"
    ("Ottawa said Canada will keep providing hundreds more missiles.", [("Canada", None, None)]),
    ("Germany will provide a total of 160,000 rounds of ammunition to Ukraine in 2024-2025.",
     [("Germany", None, None)]),
    # amount.whole_bill: a spending bill's size is not Ukraine's aid; the aid in it still counts
    ("The Senate passed a USD 1.7 trillion spending bill that sends more aid to Ukraine.", []),
    ("Congress approved $45 billion in emergency aid for Ukraine.",
     [("United States", 45e9, "USD")]),
    # running totals dated "as of", or brought to a "price tag"
    ("Lithuania has provided close to one billion euros in support to Ukraine as of June 2023.",
     []),
    ("A $3 billion commitment brings the U.S. price tag for this 184-day war to $13.6 billion.",
     [("United States", 3e9, "USD")]),
    # --- 1.7 (issue 10) ---
    # anchor.things_per_giver, widened: a new group of givers after a plain "and" (no comma)
    ("Spain and Portugal will send Leopard tanks and Greece and Cyprus will supply BMP vehicles.",
     [("Spain", None, None), ("Portugal", None, None), ("Greece", None, None),
      ("Cyprus", None, None)]),
    ("Spain and Portugal will send Leopard tanks and BMP vehicles to Ukraine.",
     [("Spain", None, None), ("Portugal", None, None)]),
    # actor.agent_of_other_verb: the agent of another participle qualifies a noun
    ("Estonia has pledged €20 million to the fund of the coalition led by Latvia.",
     [("Estonia", 20e6, "EUR")]),
    ("Slovakia will deliver tanks on top of the howitzers already received from Poland.",
     [("Slovakia", None, None)]),
    ("Germany will send €100 million on top of the €50 million pledged by France.",
     [("Germany", 100e6, "EUR"), ("France", 50e6, "EUR")]),
    # amount.not_support narrowed: the cost of what donors finance is what they give
    ("Finland and Estonia agreed to jointly finance the purchase of radars at a cost of "
     "€40 million.", [("Finland and Estonia (joint)", 40e6, "EUR")]),
    ("The radars were delivered to Ukraine at a cost of €40 million.", []),
    # money: a sum hyphenated as an adjective, and a support noun after a bracketed conversion
    ("Britain announced a 200-million-pound (about $250 million) air defence package.",
     [("United Kingdom", 200e6, "GBP")]),
    ("Britain's 200-million-pound (about $250 million) defence budget grew.", []),
    # --- 1.8: things told as done ---
    # told.passive_bare: unnumbered things as the subject of a passive giving verb
    ("Danish helmets and body armour have already been delivered to Kyiv.",
     [("Denmark", None, None)]),
    ("Air defence systems have been supplied by Norway.", [("Norway", None, None)]),
    ("The equipment has been delivered to Ukraine.", []),
    ("Norway said helmets had not been delivered to Ukraine.", []),
    # told.counted_participle: counted things, a bare participle, a time; the donor as "from X"
    ("A second batch from Estonia followed, with another 300 drones handed over last week.",
     [("Estonia", None, None)]),
    ("Estonia discussed the 300 drones handed over to Ukraine with its allies.", []),
    # restated.already_given: a delivery already made is another fact than a new commitment
    ("Poland will send drones to Ukraine. Polish helmets had already been delivered to Kyiv.",
     [("Poland", None, None), ("Poland", None, None)]),
    ("Poland will send drones to Ukraine. Poland will also send 300 drones to Kyiv.",
     [("Poland", None, None)]),
    # 1.9.7: other things of the same donor are another fact (labelling rule 9)
    ("Poland will send drones to Ukraine. Poland will also send helmets to Kyiv.",
     [("Poland", None, None), ("Poland", None, None)]),
    # --- 1.9: things a giving names in other words (reallabels3-9: no candidate at 1.8) ---
    # the words for arms in general; a measure of things; a donor's whole stock
    ("Norway will send weapons and weaponry kits to Ukraine.", [("Norway", None, None)]),
    ("Slovakia has donated all of its MiG-29 fighter jets to Ukraine.",
     [("Slovakia", None, None)]),
    ("Latvia gives Ukraine its entire fleet of Stinger missiles.", [("Latvia", None, None)]),
    ("Norway said Russia will send weapons to Belarus.", []),
    # Ukraine as the receiver told as its forces, between the verb and the things
    ("Portugal has decided to provide the Armed Forces of Ukraine with a set of armored "
     "vehicles.", [("Portugal", None, None)]),
    ("Canada will supply Ukrainian troops with Leopard tanks.", [("Canada", None, None)]),
    # things.committed_to_give, widened: the commitment as a noun, a person promised between
    ("Austin recalled Spain's commitment to transfer anti-aircraft missiles to Ukraine.",
     [("Spain", None, None)]),
    ("Kishida promised President Zelensky to donate trucks.", [("Japan", None, None)]),
    ("Spain's reluctance to transfer anti-aircraft missiles to Ukraine was noted.", []),
    # "is to": a plan announced as decided (not "is expected to")
    ("Germany is to deliver four more Patriot systems.", [("Germany", None, None)]),
    ("Germany is expected to deliver four more Patriot systems.", []),
    # things.named_giver_past: a giving verb in the past with its named giver right before it
    ("Germany sent Gepard anti-aircraft guns to Ukraine in July.", [("Germany", None, None)]),
    ("The coalition that supplied armored vehicles met on Monday.", []),
    # a country named by an epithet or "his country" takes the subject of the sentence before
    ("Dutch Defence Minister Ruben Brekelmans announced a package. His country will allocate "
     "90 million euros for drones.", [("Netherlands", 90e6, "EUR")]),
    ("Sweden announced new aid on Monday. The Nordic country will send 10 boats to Ukraine.",
     [("Sweden", None, None)]),
    # told.relative_clause: things a relative clause says a named donor gave
    ("Ukraine has received the 18 Krab howitzers that Poland sent last month.",
     [("Poland", None, None)]),
    ("The 18 howitzers that Ukraine lost were replaced.", []),
    # told.arrived: things that arrived in Ukraine, the donor as "from X", a demonym or the story
    ("A batch of Bradley vehicles arrived in Ukraine from the United States.",
     [("United States", None, None)]),
    ("Poland pledged 20 tanks to Ukraine. The first squadron of 18 howitzers arrived in Ukraine "
     "last week.", [("Poland", None, None), ("Poland", None, None)]),
    ("The delegation arrived in Ukraine on Monday.", []),
    # --- 1.9.3: running totals and what is left (labelling rule 2) ---
    # a span opened by a month of a year, or by the war; an ordinal before "since" still places
    # a new package in its series
    ("Washington has authorized drawdowns valued at about $19.95 billion since August 2021.", []),
    ("Germany has given Ukraine weapons worth €28 billion since the war began.", []),
    ("I am authorizing our 31st drawdown of arms for Ukraine since August 2021, valued at $425 "
     "million, the US Secretary of State said.", [("United States", 425e6, "USD")]),
    # the perfect contracted
    ("Germany announced a package. They've provided more than €17 billion worth of weapons.", []),
    # amount.remaining: what is left of an authority or a fund (not another part named next)
    ("The US has $3.86 billion worth of drawdown authority for Ukraine remaining.", []),
    # --- 1.9.9: a forum of states gives nothing itself; its allies, named so, are a donor ---
    ("NATO will provide Ukraine with €40 billion in military aid next year.", []),
    ("NATO allies pledged €40 billion in military aid for Ukraine next year.",
     [("NATO allies", 40e9, "EUR")]),
    # 1.9.10: the member states of a body named before them are that body; others stay a group
    ("EU leaders from the 27 member states agreed on €90 billion in loans for Ukraine.",
     [("European Union", 90e9, "EUR")]),
    ("At the summit, 20 countries pledged €2 billion for Ukraine.",
     [("20 countries", 2e9, "EUR")]),
    ("Germany will provide €500 million this year, with the remaining €200 million in 2026.",
     [("Germany", 500e6, "EUR")]),  # (the €200 million is a component of it)
]  # fmt: skip


@pytest.mark.parametrize(("text", "pledges"), CASES)
def test_pledge_families(text: str, pledges: list[tuple]) -> None:
    ex = extract_article(text, dt.date(2025, 3, 14))
    found = [(p.donor, p.amount, p.currency) for p in ex.pledges if not p.component]
    assert sorted(found, key=repr) == sorted(pledges, key=repr)


def test_the_beginning_of_a_month_dates_a_delivery() -> None:
    """ "at the beginning of February" is a time, not the start of a span (1.9)."""
    text = "Also, at the beginning of February, Lithuania delivered another batch of weapons."
    (pledge,) = extract_article(text, dt.date(2024, 6, 27)).pledges
    assert pledge.announced_on == "2024-02"


@pytest.mark.parametrize(
    ("text", "restated"),
    [
        ("Last year, Germany pledged €500 million to Ukraine.", True),
        ("A year ago Germany pledged €500 million to Ukraine.", True),
        ("Germany pledged €500 million to Ukraine on Tuesday.", False),
    ],
)
def test_the_year_before_told_without_its_number_is_old_news(text: str, restated: bool) -> None:
    """ "last year" marks an earlier pledge as a past year does (1.9.11, labelling rule 6)."""
    (pledge,) = extract_article(text, dt.date(2025, 6, 20)).pledges
    assert pledge.restated is restated
