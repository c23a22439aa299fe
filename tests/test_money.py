"""Money recogniser: every form the press uses, one row per form."""

from __future__ import annotations

import pytest

from transforms.money import find_money

# (sentence, [(amount, currency, qualifier)] of the amounts that are not conversions)
CASES = [
    ("Belgium will provide €611 million ($655 million) this year.", [(611e6, "EUR", None)]),
    ("The Netherlands will give € 10 million to the IT coalition.", [(10e6, "EUR", None)]),
    ("The Pentagon announced $655 million in new aid.", [(655e6, "USD", None)]),
    ("The bank approved EUR 1.1bn for energy repairs.", [(1.1e9, "EUR", None)]),
    ("Sweden's package is worth SEK 7.1 billion.", [(7.1e9, "SEK", None)]),
    ("Britain will lend £2.26 billion.", [(2.26e9, "GBP", None)]),
    ("Oslo adds NOK 7.5bn for air defence.", [(7.5e9, "NOK", None)]),
    ("Copenhagen approved DKK 1.7 billion (about US$247.4 million).", [(1.7e9, "DKK", None)]),
    ("Ottawa committed C$500 million to the fund.", [(500e6, "CAD", None)]),
    ("Canberra announced an A$110m package.", [(110e6, "AUD", None)]),
    ("Wellington gave NZ$25 million.", [(25e6, "NZD", None)]),
    ("Paris will send half a billion euros in shells.", [(500e6, "EUR", None)]),
    ("Thirty million euros will go to demining.", [(30e6, "EUR", None)]),
    ("Denmark's donation of DKK 1,3 billion covers spare parts.", [(1.3e9, "DKK", None)]),
    ("Washington approved a $2.5B package.", [(2.5e9, "USD", None)]),
    ("They pledged 2.5 billion dollars.", [(2.5e9, "USD", None)]),
    ("Congress approved a billion dollars more.", [(1e9, "USD", None)]),
    ("Rome sent a hundred million euros.", [(100e6, "EUR", None)]),
    ("Tokyo will extend 471.9 billion yen in loans.", [(471.9e9, "JPY", None)]),
    ("Vilnius allocated UAH 5 billion for drones.", [(5e9, "UAH", None)]),
    ("The city raised 5 billion hryvnias.", [(5e9, "UAH", None)]),
    ("It includes up to $50 million in munitions.", [(50e6, "USD", "up to")]),
    ("London pledged more than £250m.", [(250e6, "GBP", "more than")]),
    ("Members contributed almost €180 million.", [(180e6, "EUR", "almost")]),
    ("Warsaw sent nearly PLN 3 billion of kit.", [(3e9, "PLN", "almost")]),
    ("Total aid reached NOK 75 billion (about EUR 6.8 billion).", [(75e9, "NOK", None)]),
    ("The UK gives £3 billion-a-year to Kyiv.", [(3e9, "GBP", None)]),
    ("A $1.2-billion contract was signed.", [(1.2e9, "USD", None)]),
    ("The loan of USD 100 million was approved.", [(100e6, "USD", None)]),
    ("Prague paid 100 million CZK for shells.", [(100e6, "CZK", None)]),
    ("Bern gave CHF 5 million for demining.", [(5e6, "CHF", None)]),
    ("Seoul gave $2.5 million in medical aid.", [(2.5e6, "USD", None)]),
    ("The ministry paid €500,000 for generators.", [(500e3, "EUR", None)]),
    # abbreviations, spaced symbols, spelled-out tens, decimal commas
    ("The cabinet set aside EUR 90 mln for drones.", [(90e6, "EUR", None)]),
    ("Brussels gave 2,5 billion euros for 2026.", [(2.5e9, "EUR", None)]),
    ("Forty million dollars went to demining.", [(40e6, "USD", None)]),
    ("Warsaw approved 2 mld zł for ammunition.", [(2e9, "PLN", None)]),
    ("Prague added CZK 1,2 mlrd for shells.", [(1.2e9, "CZK", None)]),
    ("Ottawa will allocate C$ 60 million (about $44 million).", [(60e6, "CAD", None)]),
    ("Kyiv received 300 million hryvnias (about €6.2 million).", [(300e6, "UAH", None)]),
    ("Aid to the tune of around €45 million was agreed.", [(45e6, "EUR", "about")]),
    ("A package valued at roughly SEK 900 million.", [(900e6, "SEK", "about")]),
    ("Canberra confirmed a further A$ 95m for drones.", [(95e6, "AUD", None)]),
    ("Helsinki's 30th package is worth EUR 90 mln.", [(90e6, "EUR", None)]),
    # not money: counts, years, percentages, small sums, indefinite sums
    ("The cost would run to several tens of millions of euros.", []),
    ("The Baltic states will devote 0.25% of their GDP to it.", []),
    ("Up to 150,000 rounds of 155mm ammunition were sent in 2024.", []),
    ("Spending rose to 2.5% of GDP.", []),
    ("A ticket costs €5.", []),
    ("Ukraine received 14 tanks and one radar.", []),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_money_forms(sentence: str, expected: list[tuple]) -> None:
    found = [m for m in find_money(sentence) if not m.conversion]
    got = [(round(m.amount, 2), m.currency, m.qualifier) for m in found]
    assert got == [(round(a, 2), c, q) for a, c, q in expected]


@pytest.mark.parametrize(
    ("sentence", "first", "converted"),
    [
        ("€611 million ($655 million)", "€611 million", "$655 million"),
        ("NOK 75 billion (about EUR 6.8 billion)", "NOK 75 billion", "about EUR 6.8 billion"),
        ("$50 billion (£38.39 billion) loan", "$50 billion", "£38.39 billion"),
        ("€500 million, or about $540 million,", "€500 million", "about $540 million"),
    ],
)
def test_bracketed_conversion_is_the_same_amount(sentence: str, first: str, converted: str) -> None:
    found = find_money(sentence)
    assert [m.text for m in found] == [first, converted]
    assert [m.conversion for m in found] == [False, True]


def test_offsets_point_at_the_expression() -> None:
    sentence = "Germany pledged almost €180 million and France EUR 1.1bn on Friday."
    for m in find_money(sentence):
        assert sentence[m.start : m.end] == m.text


def test_nordic_words_are_resolved_by_context() -> None:
    (m,) = find_money("the 7 billion kroner that Denmark allocated")
    assert m.currency == "NORDIC"  # pledges.py resolves it from the donor or the article
