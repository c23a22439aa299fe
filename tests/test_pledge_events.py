"""Merging pledge mentions into events (transforms.pledge_events): hand-built mention sets with
known answers, and a large synthetic set from the benchmark."""

from __future__ import annotations

import json
import random
from collections import defaultdict
from datetime import datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench import bench_events
from tests.event_rows import D, by_id, event_of, groups, pledge
from transforms.event_common import event_id_for
from transforms.pledge_events import PLEDGE_WINDOW_DAYS, merge_pledges
from transforms.weeks import iso_week

PLEDGE_COLUMNS = {
    "event_id", "donor", "recipient", "amount", "currency", "amount_eur", "fx_rate", "fx_date",
    "fx_note", "category", "stage", "items", "coalition", "announced_on", "announced_precision",
    "first_seen_on", "week", "restated_only", "package_event_id", "mention_count",
    "article_count", "best_mention_id", "evidence", "confidence", "history",
}  # fmt: skip


# --- pledges: who merges with whom -------------------------------------------------------------

FIVE_OUTLETS = [
    pledge("a", "2026-11-02", announced_on="2026-11-02", confidence=0.7),
    pledge("b", "2026-11-03", 611.4, announced_on="2026-11-02", confidence=0.9),
    pledge("c", "2026-11-05", 611),
    pledge("d", "2026-11-08", 610, stage="allocated"),
    pledge("e", "2026-11-11", 611, announced_on="2026-11-02"),
]

PARTITION_CASES = {
    "five outlets over ten days are one event": (FIVE_OUTLETS, [{"a", "b", "c", "d", "e"}]),
    "two pledges of one donor in one week stay two": (
        [
            pledge("a", "2026-11-02", 611),
            pledge("b", "2026-11-03", 200),
            pledge("c", "2026-11-04", 611.2),
            pledge("d", "2026-11-05", 200),
        ],
        [{"a", "c"}, {"b", "d"}],
    ),
    "amounts 4 % apart in one currency are two pledges": (
        [pledge("a", "2026-11-02", 1250), pledge("b", "2026-11-03", 1200)],
        [{"a"}, {"b"}],
    ),
    "other donor, same amount, is another pledge": (
        [pledge("a", "2026-11-02"), pledge("b", "2026-11-02", donor="Netherlands")],
        [{"a"}, {"b"}],
    ),
    "dollar figure with converted EUR matches through EUR": (
        [
            pledge("a", "2026-11-02", 611),
            pledge("b", "2026-11-03", 655, currency="USD", eur=605.3),
            pledge("c", "2026-11-04", 7100, currency="SEK", eur=640),  # 4.7 % off: same
        ],
        [{"a", "b", "c"}],
    ),
    "converted figure beyond 5 % is another pledge": (
        [pledge("a", "2026-11-02", 611), pledge("b", "2026-11-03", 700, currency="USD", eur=648)],
        [{"a"}, {"b"}],
    ),
    "converted figure without a EUR value cannot match": (
        [pledge("a", "2026-11-02", 611), pledge("b", "2026-11-03", 655, currency="USD")],
        [{"a"}, {"b"}],
    ),
    "announcement dates beyond the window are two pledges": (
        [
            pledge("a", "2026-11-02", announced_on="2026-11-02"),
            pledge("b", "2026-12-10", announced_on="2026-12-09"),
        ],
        [{"a"}, {"b"}],
    ),
    "undated report within the window joins": (
        [
            pledge("a", "2026-11-02", announced_on="2026-10-30"),
            pledge("b", "2026-11-19"),  # 20 days after the announcement
        ],
        [{"a", "b"}],
    ),
    "undated report long after, not restated, is new": (
        [pledge("a", "2026-11-02"), pledge("b", "2027-01-15")],
        [{"a"}, {"b"}],
    ),
    "stated announcement date of an old pledge joins it": (
        [
            pledge("a", "2026-03-12", announced_on="2026-03-12"),
            pledge("b", "2026-11-20", announced_on="2026-03-12"),
        ],
        [{"a", "b"}],
    ),
    "month-precision date inside the window joins": (
        [
            pledge("a", "2026-11-20", announced_on="2026-11-18"),
            pledge("b", "2026-12-02", announced_on="2026-11-01", announced_precision="month"),
        ],
        [{"a", "b"}],
    ),
    "military and defence-industry are compatible": (
        [pledge("a", "2026-11-02"), pledge("b", "2026-11-03", category="defence-industry")],
        [{"a", "b"}],
    ),
    "financial and humanitarian never merge with military": (
        [
            pledge("a", "2026-11-02"),
            pledge("b", "2026-11-03", category="financial"),
            pledge("c", "2026-11-03", category="humanitarian"),
        ],
        [{"a"}, {"b"}, {"c"}],
    ),
    "non-monetary pledges merge on shared items": (
        [
            pledge("a", "2026-11-02", None, items="several F-16s"),
            pledge("b", "2026-11-06", None, items="F-16 fighter jets"),
            pledge("c", "2026-11-06", None, items="demining equipment"),
        ],
        [{"a", "b"}, {"c"}],
    ),
    "non-monetary and monetary mentions stay apart": (
        [pledge("a", "2026-11-02", None, items="F-16s"), pledge("b", "2026-11-02", 611)],
        [{"a"}, {"b"}],
    ),
    "a delivery of other items does not join an announcement": (
        [
            pledge("a", "2026-11-02", None, items="air defence radars"),
            pledge("b", "2026-11-05", None, items="air defence missiles", stage="delivered"),
            pledge("c", "2026-11-06", None, items="air defence radars", stage="delivered"),
        ],
        [{"a", "c"}, {"b"}],
    ),
    "a delivered mention with the same amount joins and advances the stage": (
        [pledge("a", "2026-11-02"), pledge("b", "2026-11-12", stage="delivered")],
        [{"a", "b"}],
    ),
}


@pytest.mark.parametrize("mentions, expected", PARTITION_CASES.values(), ids=PARTITION_CASES)
def test_partition(mentions: list[dict], expected: list[set[str]]) -> None:
    merge = merge_pledges(mentions)
    assert groups(merge) == sorted(expected, key=sorted)
    assert set(merge.mention_events) == {m["mention_id"] for m in mentions}
    assert len(merge.events) == len(expected)


def test_five_outlets_event_columns() -> None:
    merge = merge_pledges(FIVE_OUTLETS)
    (event,) = merge.events
    assert set(event) == PLEDGE_COLUMNS
    assert event["event_id"] == event_id_for("a")
    assert event["mention_count"] == 5
    assert event["article_count"] == 5
    assert event["first_seen_on"] == D("2026-11-02")
    assert event["week"] == "2026-W45"
    assert event["restated_only"] is False
    assert event["best_mention_id"] == "b"  # most confident non-restated
    assert event["evidence"] == FIVE_OUTLETS[1]["evidence"]
    assert event["confidence"] == 0.9
    assert event["amount"] == Decimal("611400000.0")  # carried by the best mention
    assert event["stage"] == "allocated"  # most advanced stage seen
    assert event["announced_on"] == D("2026-11-02")
    assert event["announced_precision"] == "day"
    assert event["history"] is None
    assert event["package_event_id"] is None


def test_article_count_counts_distinct_articles() -> None:
    merge = merge_pledges(
        [pledge("a", "2026-11-02", article="x"), pledge("b", "2026-11-02", article="x")]
    )
    (event,) = merge.events
    assert (event["mention_count"], event["article_count"]) == (2, 1)


# --- restatements ------------------------------------------------------------------------------


def test_restatement_months_later_joins_old_event_and_keeps_its_week() -> None:
    original = [pledge("a", "2026-03-12", announced_on="2026-03-12"), pledge("b", "2026-03-13")]
    before = by_id(merge_pledges(original))
    later = pledge(
        "c",
        "2026-11-20",
        restated=True,
        evidence="As was reported earlier, Belgium announced it would provide €611 million.",
        confidence=0.95,
    )
    merge = merge_pledges([*original, later])
    (event,) = merge.events
    assert merge.mention_events["c"] == event_id_for("a")
    assert event["first_seen_on"] == D("2026-03-12")
    assert event["week"] == before[event_id_for("a")]["week"] == "2026-W11"
    assert event["mention_count"] == 3
    assert event["restated_only"] is False
    assert event["best_mention_id"] != "c"  # a restatement is never the best evidence


def test_restatement_joins_the_most_recent_matching_pledge() -> None:
    mentions = [
        pledge("a", "2025-03-12", announced_on="2025-03-12"),
        pledge("b", "2026-06-01", announced_on="2026-06-01"),
        pledge("c", "2026-11-20", restated=True),
    ]
    merge = merge_pledges(mentions)
    assert groups(merge) == [{"a"}, {"b", "c"}]


def test_restatement_with_a_conflicting_stated_date_does_not_join() -> None:
    mentions = [
        pledge("a", "2025-03-12", announced_on="2025-03-12"),
        pledge("b", "2026-11-20", restated=True, announced_on="2026-09-01"),
    ]
    assert groups(merge_pledges(mentions)) == [{"a"}, {"b"}]


def test_restatement_needs_the_amount() -> None:
    mentions = [pledge("a", "2026-03-12"), pledge("b", "2026-11-20", 700, restated=True)]
    assert groups(merge_pledges(mentions)) == [{"a"}, {"b"}]


def test_restated_mention_without_match_founds_restated_only_event() -> None:
    mentions = [
        pledge("a", "2026-11-18", restated=True),
        pledge("b", "2026-12-20", restated=True, confidence=0.9),
    ]
    merge = merge_pledges(mentions)
    (event,) = merge.events
    assert event["restated_only"] is True
    assert event["first_seen_on"] == D("2026-11-18")
    assert event["week"] == "2026-W47"
    assert event["mention_count"] == 2


def test_restated_only_event_becomes_new_once_an_original_mention_joins() -> None:
    mentions = [pledge("a", "2026-11-18", restated=True), pledge("b", "2026-11-19")]
    (event,) = merge_pledges(mentions).events
    assert event["restated_only"] is False
    assert event["best_mention_id"] == "b"


# --- components and corrections ---------------------------------------------------------------


def test_component_links_to_package_in_the_same_article() -> None:
    mentions = [
        pledge("pkg", "2026-11-02", 820, currency="USD", eur=760, donor="United States",
               article="x"),
        pledge("part", "2026-11-02", 50, currency="USD", eur=46.3, donor="United States",
               article="x", component=True),
        pledge("part2", "2026-11-03", 50, currency="USD", eur=46.3, donor="United States"),
        pledge("other", "2026-11-02", 2000, currency="USD", eur=1850, donor="United States",
               article="y"),
    ]  # fmt: skip
    merge = merge_pledges(mentions)
    assert groups(merge) == [{"other"}, {"part", "part2"}, {"pkg"}]
    package = event_of(merge, "pkg")
    component = event_of(merge, "part")
    assert component["package_event_id"] == package["event_id"]
    assert package["package_event_id"] is None
    assert event_of(merge, "other")["package_event_id"] is None
    # totals over events that are not components count the package once
    total = sum(e["amount_eur"] for e in merge.events if e["package_event_id"] is None)
    assert total == Decimal(760 + 1850) * 1_000_000


def test_component_without_same_article_package_links_within_window() -> None:
    mentions = [
        pledge("pkg", "2026-11-02", 820, currency="USD", eur=760, donor="United States"),
        pledge("part", "2026-11-04", 50, currency="USD", eur=46.3, donor="United States",
               component=True),
        pledge("far", "2027-03-01", 900, currency="USD", eur=830, donor="United States"),
    ]  # fmt: skip
    merge = merge_pledges(mentions)
    assert event_of(merge, "part")["package_event_id"] == event_id_for("pkg")


def test_component_without_any_package_counts_on_its_own() -> None:
    merge = merge_pledges([pledge("part", "2026-11-04", 50, component=True)])
    assert merge.events[0]["package_event_id"] is None


CORRECTION = "Belgium's package is now worth €700 million."


def test_correction_updates_amount_and_keeps_history() -> None:
    mentions = [
        pledge("a", "2026-11-02", 611, announced_on="2026-11-02", confidence=0.9),
        pledge("b", "2026-11-03", 611),
        pledge("c", "2026-11-10", 700, evidence=CORRECTION),
        pledge("d", "2026-11-12", 611),  # a late outlet with the old figure
        pledge("e", "2026-11-13", 700),  # and one with the new
        pledge("f", "2026-11-16", 750, evidence="The aid was increased to €750 million."),
    ]
    merge = merge_pledges(mentions)
    (event,) = merge.events
    assert event["mention_count"] == 6
    assert event["amount"] == Decimal(750_000_000)
    assert event["amount_eur"] == Decimal(750_000_000)
    assert event["history"] == [
        {"amount": 611_000_000, "currency": "EUR", "amount_eur": 611_000_000, "mention_id": "a"},
        {"amount": 700_000_000, "currency": "EUR", "amount_eur": 700_000_000, "mention_id": "c"},
    ]
    json.dumps(event["history"])  # stored in a JSON column
    assert event["best_mention_id"] == "a"  # the evidence stays the best statement
    assert event["first_seen_on"] == D("2026-11-02")


def test_correction_needs_a_cue_category_window_and_plausible_ratio() -> None:
    base = pledge("a", "2026-11-02", 611)
    cases = [
        pledge("b", "2026-11-05", 700),  # no cue: another pledge
        pledge("b", "2026-11-05", 700, evidence=CORRECTION, category="humanitarian"),
        pledge("b", "2027-01-20", 700, evidence=CORRECTION),  # outside the window
        pledge("b", "2026-11-05", 5000, evidence=CORRECTION),  # 8x: not a revision
        pledge("b", "2026-11-05", 700, evidence=CORRECTION, donor="Netherlands"),
    ]
    for other in cases:
        merge = merge_pledges([base, other])
        assert groups(merge) == [{"a"}, {"b"}], other
        assert all(e["history"] is None for e in merge.events)


@pytest.mark.parametrize(
    "evidence",
    [
        "Belgium's package is now worth €700 million.",
        "The aid was increased to €700 million.",
        "Belgium raised to €700 million its package.",
        "The revised package totals €700 million.",
        "The new tranche brings the package to €700 million.",
        "The programme was expanded to €700 million.",
    ],
)
def test_correction_cues(evidence: str) -> None:
    merge = merge_pledges(
        [pledge("a", "2026-11-02"), pledge("b", "2026-11-09", 700, evidence=evidence)]
    )
    (event,) = merge.events
    assert event["amount"] == Decimal(700_000_000)
    assert [h["mention_id"] for h in event["history"]] == ["a"]


def test_correction_through_eur_across_currencies() -> None:
    mentions = [
        pledge("a", "2026-11-02", 820, currency="USD", eur=760, donor="United States"),
        pledge("b", "2026-11-05", 1000, currency="USD", eur=927, donor="United States",
               evidence="The package was expanded to $1 billion."),
    ]  # fmt: skip
    (event,) = merge_pledges(mentions).events
    assert (event["amount"], event["currency"]) == (Decimal(1_000_000_000), "USD")
    assert event["history"][0]["amount"] == 820_000_000


def test_non_monetary_restatement_months_later_joins() -> None:
    mentions = [
        pledge("a", "2026-03-02", None, items="Leopard 1 tanks", donor="Germany"),
        pledge("b", "2026-09-02", None, items="Leopard 1 tanks", donor="Germany", restated=True),
    ]
    assert groups(merge_pledges(mentions)) == [{"a", "b"}]


# --- determinism and stability ---------------------------------------------------------------


def mixed_mentions() -> list[dict]:
    return [
        *FIVE_OUTLETS,
        pledge("f", "2026-11-03", 200),
        pledge("g", "2026-11-04", 216, currency="USD", eur=200),
        pledge("h", "2026-11-10", 250, evidence="The package was raised to €250 million."),
        pledge("i", "2027-02-01", restated=True),
        pledge("j", "2027-02-01", 42, restated=True, donor="Norway"),
        pledge("k", "2026-11-02", None, items="F-16s", donor="Norway"),
        pledge("l", "2026-11-03", None, items="F-16 jets", donor="Norway", stage="delivered"),
        pledge("m", "2026-11-02", 30, article="art-a", component=True),
        pledge("n", "2026-11-02", 30, donor="Norway", published_on=D("2026-11-02")),
    ]


def test_shuffled_input_gives_identical_events_and_ids() -> None:
    mentions = mixed_mentions()
    expected = merge_pledges(mentions)
    rng = random.Random(1)
    for _ in range(20):
        shuffled = mentions[:]
        rng.shuffle(shuffled)
        assert merge_pledges(shuffled) == expected


def test_rerun_is_idempotent_and_event_ids_are_founding_mention_hashes() -> None:
    first = merge_pledges(mixed_mentions())
    assert merge_pledges(mixed_mentions()) == first
    for event in first.events:
        founders = sorted(
            (m["published_on"], m["mention_id"])
            for m in mixed_mentions()
            if first.mention_events[m["mention_id"]] == event["event_id"]
        )
        assert event["event_id"] == event_id_for(founders[0][1])


@pytest.mark.parametrize(
    "newcomer",
    [
        pledge("z", "2026-11-05", 99, donor="Estonia"),
        pledge("z", "2026-10-01", 611),  # same donor and amount, far earlier: unrelated
        pledge("z", "2026-11-05", 5, donor="Belgium"),
        pledge("z", "2026-11-05", None, items="mine clearing", donor="Norway"),
    ],
    ids=["other donor", "earlier same amount", "other amount", "other items"],
)
def test_new_unrelated_mention_leaves_existing_events_identical(newcomer: dict) -> None:
    before = by_id(merge_pledges(mixed_mentions()))
    after = merge_pledges([*mixed_mentions(), newcomer])
    assert len(after.events) == len(before) + 1
    new_id = after.mention_events["z"]
    assert new_id == event_id_for("z")
    assert {k: v for k, v in by_id(after).items() if k != new_id} == before


@st.composite
def mention_sets(draw) -> list[dict]:
    """Small, collision-prone mention sets: few donors, amounts, days; cues and flags mixed."""
    rows = []
    for n in range(draw(st.integers(0, 14))):
        amount = draw(st.sampled_from([None, 100, 101, 150, 200, 700]))
        currency = draw(st.sampled_from(["EUR", "USD"])) if amount else None
        eur = amount * draw(st.sampled_from([0.9, 0.93, 1.0])) if amount else None
        day = D("2026-11-02") + timedelta(days=draw(st.integers(0, 90)))
        rows.append(
            pledge(
                f"m{n}",
                day.isoformat(),
                amount,
                currency=currency,
                eur=eur,
                donor=draw(st.sampled_from(["Belgium", "Norway"])),
                article=f"art-{draw(st.integers(0, 4))}",
                items=draw(st.sampled_from([None, "F-16s", "demining kits"])),
                announced_on=draw(st.sampled_from([None, day, day - timedelta(days=30)])),
                restated=draw(st.booleans()),
                component=draw(st.booleans()),
                stage=draw(st.sampled_from(["announced", "delivered"])),
                evidence=draw(st.sampled_from(["Belgium gives.", "It is now worth more."])),
                confidence=draw(st.sampled_from([0.5, 0.9])),
            )
        )
    return rows


@settings(max_examples=60, deadline=None)
@given(mention_sets(), st.randoms(use_true_random=False))
def test_property_order_independent_and_complete(mentions: list[dict], rng: random.Random) -> None:
    merge = merge_pledges(mentions)
    shuffled = mentions[:]
    rng.shuffle(shuffled)
    assert merge_pledges(shuffled) == merge
    assert set(merge.mention_events) == {m["mention_id"] for m in mentions}
    assert sum(e["mention_count"] for e in merge.events) == len(mentions)
    events = by_id(merge)
    for event in merge.events:
        assert event["package_event_id"] in events or event["package_event_id"] is None
        assert events.get(event["package_event_id"], {}).get("package_event_id") is None
        assert event["week"] == iso_week(event["first_seen_on"])
    newcomer = pledge("zz", "2026-12-01", 100, donor="Estonia")
    after = by_id(merge_pledges([*mentions, newcomer]))
    assert {k: v for k, v in after.items() if k != event_id_for("zz")} == events


def test_events_are_in_first_seen_order_and_every_mention_has_one() -> None:
    mentions = mixed_mentions()
    merge = merge_pledges(mentions)
    keys = [(e["first_seen_on"], e["event_id"]) for e in merge.events]
    assert [k[0] for k in keys] == sorted(k[0] for k in keys)
    assert set(merge.mention_events) == {m["mention_id"] for m in mentions}
    assert set(merge.mention_events.values()) == {e["event_id"] for e in merge.events}
    assert sum(e["mention_count"] for e in merge.events) == len(mentions)


def test_input_rows_accept_strings_datetimes_and_floats() -> None:
    rows = [
        {**pledge("a", "2026-11-02"), "published_on": datetime(2026, 11, 2, 9, 30)},
        {**pledge("b", "2026-11-03"), "published_on": "2026-11-03", "amount": 611e6},
        {**pledge("c", "2026-11-04"), "announced_on": "2026-11", "announced_precision": None},
    ]
    merge = merge_pledges(rows)
    (event,) = merge.events
    assert event["first_seen_on"] == D("2026-11-02")


def test_twenty_thousand_synthetic_mentions_merge_to_the_true_events() -> None:
    mentions, truth, packages = bench_events.synthetic_pledge_mentions(20_000, seed=3)
    merge = merge_pledges(mentions)
    true_to_event: dict[str, set[str]] = defaultdict(set)
    event_to_true: dict[str, set[str]] = defaultdict(set)
    for mention_id, true_key in truth.items():
        event_id = merge.mention_events[mention_id]
        true_to_event[true_key].add(event_id)
        event_to_true[event_id].add(true_key)
    assert all(len(v) == 1 for v in true_to_event.values())  # nothing split
    assert all(len(v) == 1 for v in event_to_true.values())  # nothing merged wrongly
    events = by_id(merge)
    for component, package in packages.items():
        (component_id,) = true_to_event[component]
        (package_id,) = true_to_event[package]
        assert events[component_id]["package_event_id"] == package_id


def test_window_constant_is_the_documented_default() -> None:
    assert PLEDGE_WINDOW_DAYS == 21
