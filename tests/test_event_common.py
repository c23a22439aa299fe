"""What pledge and agreement merging share (transforms.event_common): input order and ids,
and the date index's early stop for restatements."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest

from tests.event_rows import D, agreement, pledge
from transforms import event_common
from transforms.agreement_events import merge_agreements
from transforms.pledge_events import merge_pledges


def test_duplicate_mention_ids_are_rejected() -> None:
    with pytest.raises(ValueError, match="duplicate"):
        merge_pledges(
            [pledge("a", "2026-11-02"), pledge("b", "2026-11-03"), pledge("a", "2026-11-04")]
        )
    with pytest.raises(ValueError, match="duplicate"):
        merge_agreements([agreement("a", "2026-11-02"), agreement("a", "2026-11-02")])


def test_empty_input() -> None:
    assert merge_pledges([]).events == []
    assert merge_agreements([]).mention_events == {}


def _full_scan(self, keys, mention, days, evaluate):
    """Reference for EventIndex.best: every candidate, no early stop."""
    found = None
    for seq in self.seqs(keys, None if mention.restated else mention.ref, days):
        key = evaluate(seq)
        if key is not None and (found is None or key < found):
            found = key
    return found


def test_restatement_early_stop_equals_a_full_scan(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(11)
    agreements, pledges = [], []
    for n in range(1500):
        day = (D("2025-01-01") + timedelta(days=rng.randrange(400))).isoformat()
        restated = rng.random() < 0.4
        agreements.append(
            agreement(
                f"g{n}",
                day,
                parties=["Ukraine", rng.choice(["Denmark", "Sweden", "Norway"])],
                subject=rng.choice(["drones", "shells", "demining", None]),
                signed_on=None if restated or rng.random() < 0.5 else day,
                restated=restated,
            )
        )
        pledges.append(pledge(f"p{n}", day, rng.choice([100, 101, 200]), restated=restated))
    fast = (merge_agreements(agreements), merge_pledges(pledges))
    monkeypatch.setattr(event_common.EventIndex, "best", _full_scan)
    assert (merge_agreements(agreements), merge_pledges(pledges)) == fast
