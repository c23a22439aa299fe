"""Benchmark the mention → event merge: prints mentions/s at 10k and 100k mentions.

Run: .venv/bin/python -m bench.bench_events [sizes...]

The synthetic corpus (also used by tests/test_pledge_events.py to check correctness at scale)
has a known answer: every true pledge gets a donor and an amount no other pledge of that donor
is near, then 1-8 outlets report it within two weeks (some in dollars with a converted EUR
figure, some with the announcement date, some rounded), a share is restated months later,
a share is non-monetary ("IRIS-T-17 systems"), and some packages carry a component.
"""

from __future__ import annotations

import random
import sys
import time
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from transforms.pledge_events import merge_pledges

DONORS = 300
START = date(2024, 1, 1)
USD_PER_EUR = 1.08


def _mention(event: int, n: int, donor: str, published: date, **fields: Any) -> dict[str, Any]:
    row = {
        "mention_id": f"m{event:07d}-{n:02d}",
        "article_id": f"a{event:07d}-{n:02d}",
        "donor": donor,
        "recipient": "Ukraine",
        "amount": None,
        "currency": None,
        "amount_eur": None,
        "fx_rate": None,
        "fx_date": None,
        "fx_note": None,
        "category": "military",
        "stage": "announced",
        "items": None,
        "coalition": None,
        "announced_on": None,
        "announced_precision": None,
        "restated": False,
        "component": False,
        "evidence": f"{donor} will provide aid.",
        "confidence": 0.9,
        "published_on": published,
    }
    row.update(fields)
    return row


def synthetic_pledge_mentions(
    size: int, seed: int = 7
) -> tuple[list[dict[str, Any]], dict[str, str], dict[str, str]]:
    """About `size` mentions, the true event key of each, and component -> package true keys."""
    rng = random.Random(seed)
    mentions: list[dict[str, Any]] = []
    truth: dict[str, str] = {}
    packages: dict[str, str] = {}
    next_step = [0] * DONORS  # one donor's amounts step by 25 %, far beyond every tolerance
    event = 0
    while len(mentions) < size:
        event += 1
        d = rng.randrange(DONORS)
        donor = f"Donor {d:03d}"
        announced = START + timedelta(days=rng.randrange(900))
        monetary = rng.random() < 0.8
        next_step[d] += 1
        amount = round(1_000_000 * 1.25 ** next_step[d], -3) if monetary else None
        component = None
        if monetary and rng.random() < 0.1:
            component = round(amount / 1.25**2.5, -3)  # halfway between two steps
        for n in range(rng.randint(1, 8)):
            published = announced + timedelta(days=rng.randrange(14))
            fields: dict[str, Any] = {}
            if rng.random() < 0.5:
                fields.update(announced_on=announced, announced_precision="day")
            if not monetary:
                fields["items"] = f"unit-{d}-{next_step[d]} systems"
            elif rng.random() < 0.3:  # stated in dollars, converted at another date's rate
                usd = round(amount * USD_PER_EUR, -3)
                eur = round(usd / (USD_PER_EUR * rng.uniform(0.98, 1.02)), 2)
                fields.update(
                    amount=Decimal(str(usd)), currency="USD", amount_eur=Decimal(str(eur))
                )
            else:
                stated = round(amount * rng.uniform(0.995, 1.005), -3)
                fields.update(
                    amount=Decimal(str(stated)), currency="EUR", amount_eur=Decimal(str(stated))
                )
            if n > 0 and rng.random() < 0.1:  # restated much later, no date cue
                published = announced + timedelta(days=rng.randint(40, 300))
                fields.update(restated=True, announced_on=None, announced_precision=None)
            row = _mention(event, n, donor, published, **fields)
            mentions.append(row)
            truth[row["mention_id"]] = f"e{event}"
            if component is not None and n == 0:
                value = Decimal(str(component))
                part = _mention(event, 50, donor, published, amount=value, currency="EUR")
                part.update(amount_eur=value, component=True, article_id=row["article_id"])
                mentions.append(part)
                truth[part["mention_id"]] = f"e{event}c"
                packages[f"e{event}c"] = f"e{event}"
    return mentions, truth, packages


def bench(size: int) -> float:
    """Merge a synthetic corpus of about `size` mentions; print and return mentions/s (wall).

    CPU time is printed too: on a shared machine the wall clock also counts other processes.
    """
    mentions, _, _ = synthetic_pledge_mentions(size)
    wall, cpu = time.perf_counter(), time.process_time()
    result = merge_pledges(mentions)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    rate = len(mentions) / wall
    print(
        f"{len(mentions):>7} mentions -> {len(result.events):>6} events in {wall:6.2f} s "
        f"({cpu:6.2f} s CPU): {rate:>9,.0f} mentions/s ({len(mentions) / cpu:>9,.0f} per CPU s)"
    )
    return rate


if __name__ == "__main__":
    for size in [int(arg) for arg in sys.argv[1:]] or [10_000, 100_000]:
        bench(size)
