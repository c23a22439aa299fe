"""Merging agreement mentions into events (transforms.agreement_events): hand-built mention
sets with known answers."""

from __future__ import annotations

import random

import pytest

from tests.event_rows import D, agreement, by_id, groups
from transforms.agreement_events import AGREEMENT_WINDOW_DAYS, merge_agreements
from transforms.event_common import event_id_for

AGREEMENT_COLUMNS = {
    "event_id", "parties", "kind", "subject", "document_count", "coalition", "signed_on",
    "signed_precision", "first_seen_on", "week", "restated_only", "mention_count",
    "article_count", "best_mention_id", "evidence", "confidence",
}  # fmt: skip


AGREEMENT_CASES = {
    "three outlets over a week are one agreement": (
        [
            agreement("a", "2026-11-02", signed_on="2026-11-02"),
            agreement("b", "2026-11-03", subject="production of drones", parties=["Denmark",
                      "Ukraine"]),
            agreement("c", "2026-11-08", subject=None),
        ],
        [{"a", "b", "c"}],
    ),
    "different kinds stay apart": (
        [
            agreement("a", "2026-11-02"),
            agreement("b", "2026-11-02", kind="memorandum/document signing"),
        ],
        [{"a"}, {"b"}],
    ),
    "different subjects stay apart": (
        [agreement("a", "2026-11-02"), agreement("b", "2026-11-02", subject="demining")],
        [{"a"}, {"b"}],
    ),
    "generic subject words do not make a match": (
        [
            agreement("a", "2026-11-02", subject="cooperation in drone production"),
            agreement("b", "2026-11-02", subject="cooperation in demining"),
        ],
        [{"a"}, {"b"}],
    ),
    "Ukraine is set aside when other parties are named": (
        [
            agreement("a", "2026-11-02", parties=["Ukraine", "Denmark", "Sweden"]),
            agreement("b", "2026-11-02", parties=["Ukraine", "Denmark", "Norway"]),
            agreement("c", "2026-11-03", parties=["Denmark", "Ukraine"]),
        ],
        [{"a", "c"}, {"b"}],
    ),
    "outside the window are two signings": (
        [
            agreement("a", "2026-11-02", signed_on="2026-11-02"),
            agreement("b", "2026-12-01", signed_on="2026-12-01"),
        ],
        [{"a"}, {"b"}],
    ),
    "a mention naming only Ukraine does not join a named bilateral deal": (
        [agreement("a", "2026-11-02"), agreement("b", "2026-11-02", parties=["Ukraine"])],
        [{"a"}, {"b"}],
    ),
    "restatement joins any earlier signing": (
        [agreement("a", "2026-03-02"), agreement("b", "2026-11-20", restated=True)],
        [{"a", "b"}],
    ),
    "coalition membership compares coalitions, not subjects": (
        [
            agreement("a", "2026-11-02", kind="coalition membership", parties=["Latvia"],
                      coalition="Drone Coalition", subject="joined the drone coalition"),
            agreement("b", "2026-11-03", kind="coalition membership", parties=["Latvia"],
                      coalition="drone coalition", subject="became a member"),
            agreement("c", "2026-11-03", kind="coalition membership", parties=["Latvia"],
                      coalition="IT Coalition", subject="joined the drone coalition"),
        ],
        [{"a", "b"}, {"c"}],
    ),
}  # fmt: skip


@pytest.mark.parametrize("mentions, expected", AGREEMENT_CASES.values(), ids=AGREEMENT_CASES)
def test_agreement_partition(mentions: list[dict], expected: list[set[str]]) -> None:
    merge = merge_agreements(mentions)
    assert groups(merge) == sorted(expected, key=sorted)


def test_agreement_event_columns_and_shuffle() -> None:
    mentions = [
        agreement("a", "2026-11-02", signed_on="2026-11-02", document_count=6, confidence=0.6),
        agreement("b", "2026-11-03", confidence=0.9),
        agreement("c", "2026-11-08", restated=True, confidence=1.0),
        agreement("d", "2026-11-04", kind="security agreement", subject=None),
    ]
    merge = merge_agreements(mentions)
    event = by_id(merge)[event_id_for("a")]
    assert set(event) == AGREEMENT_COLUMNS
    assert event["mention_count"] == 3
    assert event["article_count"] == 3
    assert event["best_mention_id"] == "b"
    assert event["document_count"] == 6
    assert event["signed_on"] == D("2026-11-02")
    assert event["week"] == "2026-W45"
    assert event["restated_only"] is False
    assert event["parties"] == ["Ukraine", "Denmark"]
    rng = random.Random(5)
    for _ in range(10):
        rng.shuffle(mentions)
        assert merge_agreements(mentions) == merge


def test_window_constant_is_the_documented_default() -> None:
    assert AGREEMENT_WINDOW_DAYS == 14
