"""Actor gazetteer: names, short forms, demonyms, officials, organisations, coalitions."""

from __future__ import annotations

import pytest

from transforms.actors import actors, find_actors, load_actors, resolve

# (sentence, canonical names found, in order)
CASES = [
    ("The UK and Britain and British officials agreed.", ["United Kingdom"] * 3),
    ("Great Britain joined, as did the U.K.", ["United Kingdom", "United Kingdom"]),
    ("The Netherlands and the Dutch government, also Holland.", ["Netherlands"] * 3),
    ("The U.S. and the United States and US forces.", ["United States"] * 3),
    ("Washington said the Pentagon would pay.", ["United States", "United States"]),
    ("Türkiye, Turkiye and Turkish firms.", ["Turkey"] * 3),
    ("Czechia and the Czech Republic.", ["Czech Republic", "Czech Republic"]),
    ("Defence Secretary John Healey spoke.", ["United Kingdom"]),
    ("Boris Pistorius met Sebastien Lecornu.", ["Germany", "France"]),
    # 1.9.4: heads of government and ministers met by surname alone in later sentences
    (
        "Trump and Biden, Sikorski and Kasciunas spoke.",
        ["United States", "United States", "Poland", "Lithuania"],
    ),
    (
        "Rinkēvičs met Orpo, Häkkänen and Ursula von der Leyen.",
        ["Latvia", "Finland", "Finland", "European Union"],
    ),
    (
        "The European Commission and the EU and the EIB.",
        ["European Union", "European Union", "European Investment Bank"],
    ),
    ("The European Peace Facility funds it.", ["European Peace Facility"]),
    ("NATO and the G7 nations agreed.", ["NATO", "G7"]),
    ("NATO allies and NATO members met at NATO.", ["NATO allies", "NATO allies", "NATO"]),
    ("It joined the drone coalition and the IT Coalition.", ["Drone Coalition", "IT Coalition"]),
    (
        "The artillery coalition and the air defense coalition.",
        ["Artillery Coalition", "Air Defence Coalition"],
    ),
    (
        "The demining coalition, the maritime coalition and the armoured vehicles coalition.",
        ["Demining Coalition", "Maritime Capability Coalition", "Armoured Vehicles Coalition"],
    ),
    (
        "Belgium is part of the fighter jet coalition.",
        ["Belgium", "Air Force Capability Coalition"],
    ),
    ("Money went to the Czech initiative.", ["Czech Ammunition Initiative"]),
    # state-owned companies are parties of their own (the deal adds Ukraine, see agreements)
    ("Rheinmetall and Ukroboronprom signed.", ["Rheinmetall", "Ukroboronprom"]),
    ("Polska Grupa Zbrojeniowa (PGZ) signed.", ["Polska Grupa Zbrojeniowa"] * 2),
    # armed forces named for their state
    ("The Self-Defense Forces handed over trucks.", ["Japan"]),
    # every UN member state: names, short forms, demonyms
    ("Ivory Coast, Côte d'Ivoire and Ivorian troops.", ["Côte d'Ivoire"] * 3),
    ("DR Congo, the DRC and Congolese miners.", ["Democratic Republic of the Congo"] * 3),
    ("Viet Nam and Vietnamese, Burma and Myanmar.", ["Vietnam", "Vietnam", "Myanmar", "Myanmar"]),
    ("Filipino, Philippine and the Philippines.", ["Philippines"] * 3),
    ("Kosovar and Taiwanese officials, and Eswatini.", ["Kosovo", "Taiwan", "Eswatini"]),
    (
        "Nigeria and Niger; Papua New Guinea and Guinea-Bissau.",
        [
            "Nigeria",
            "Niger",
            "Papua New Guinea",
            "Guinea-Bissau",
        ],
    ),
    ("Armenia, Georgia and Moldova signed.", ["Armenia", "Georgia", "Moldova"]),
    ("Chad and Jordan pledged aid.", ["Chad", "Jordan"]),
    # ambiguous names in other senses are no state
    ("Chad Smith met Michael Jordan in Atlanta, Georgia, near Lake Chad.", []),
    ("Georgia Tech and the Jordan Valley.", []),
    ("Norwegian, Danish and Swedish ministers met.", ["Norway", "Denmark", "Sweden"]),
    ("North Korea and South Korea.", ["North Korea", "South Korea"]),
    ("Kyiv thanked Ottawa and Canberra.", ["Ukraine", "Canada", "Australia"]),
    (
        "The Council adopted it; the UN Security Council did not.",
        ["European Union", "United Nations"],
    ),
    ("The NATO-Ukraine Council met.", ["NATO"]),
    # "<capability> capability coalition" is the capability's coalition
    (
        "Berlin and Warsaw lead the armoured vehicles capability coalition; Oslo joined the "
        "air defense capability coalition.",
        ["Germany", "Poland", "Armoured Vehicles Coalition", "Norway", "Air Defence Coalition"],
    ),
    (
        "Iceland joined the demining coalition, and Japan the IT coalition.",
        ["Iceland", "Demining Coalition", "Japan", "IT Coalition"],
    ),
    ("The Dutch cabinet and the Danish government agreed.", ["Netherlands", "Denmark"]),
    # a head of government whose surname is a country's name is that head's state
    ("Prime Minister Luís Montenegro met Zelensky in Lisbon.", ["Portugal", "Ukraine", "Portugal"]),
    # not actors: lower-case words, parts of longer words
    ("us and it are pronouns; Germanyx is not a country; usa in lower case.", []),
]


@pytest.mark.parametrize(("sentence", "names"), CASES)
def test_actor_forms(sentence: str, names: list[str]) -> None:
    assert [m.name for m in find_actors(sentence)] == names


def test_offsets_point_at_the_mention() -> None:
    sentence = "In particular, Sweden and the UK joined the drone coalition."
    for m in find_actors(sentence):
        assert sentence[m.start : m.end] == m.text


def test_load_actors_rows_for_duckdb() -> None:
    rows = load_actors()
    assert rows and all(set(r) == {"name", "iso_code", "kind", "aliases"} for r in rows)
    assert all(isinstance(r["aliases"], list) for r in rows)
    kinds = {r["kind"] for r in rows}
    assert {"country", "organisation", "coalition", "initiative", "company"} <= kinds
    names = [r["name"] for r in rows]
    assert len(names) == len(set(names)), "canonical names must be unique (primary key)"
    uk = next(r for r in rows if r["name"] == "United Kingdom")
    assert uk["iso_code"] == "GB" and "Britain" in uk["aliases"]


def test_eu_institutions_are_donors_of_their_own() -> None:
    names = {a.name: a for a in actors()}
    for name in ("European Union", "European Peace Facility", "European Investment Bank"):
        assert names[name].kind == "organisation"
        assert names[name].iso_code in (None, "EU")


def test_no_alias_points_at_two_actors() -> None:
    seen: dict[str, str] = {}
    for actor in actors():
        for alias in (actor.name, *actor.aliases):
            key = alias.lower() if actor.kind in ("coalition", "initiative") else alias
            assert seen.setdefault(key, actor.name) == actor.name, alias


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("UK", "United Kingdom"),
        ("the Netherlands", "Netherlands"),
        ("Türkiye", "Turkey"),
        ("Cape Verde", "Cabo Verde"),
        ("East Timor", "Timor-Leste"),
    ],
)
def test_resolve(name: str, canonical: str) -> None:
    actor = resolve(name)
    assert actor is not None and actor.name == canonical


def test_every_un_member_state_is_a_country() -> None:
    """193 UN members plus Kosovo and Taiwan, each once, each with a two-letter code."""
    countries = [a for a in actors() if a.kind == "country"]
    assert len(countries) == 195
    assert len({a.iso_code for a in countries}) == 195
    assert all(a.iso_code and len(a.iso_code) == 2 for a in countries)
