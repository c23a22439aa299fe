"""The eval command reports dev-set scores that meet the targets (needs ../shared)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EVAL = SHARED / "eval"

pytestmark = pytest.mark.skipif(
    not (EVAL / "score.py").exists() or not (EVAL / "dev" / "articles.jsonl").exists(),
    reason="../shared/eval is not beside this checkout",
)


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "flows.cli", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """`pledgewatch extract` on the dev set, scored by the shared scorer."""
    done = _run("extract", str(EVAL / "dev" / "articles.jsonl"))
    assert done.returncode == 0, done.stderr
    pred = tmp_path_factory.mktemp("eval") / "pred.jsonl"
    pred.write_text(done.stdout, encoding="utf-8")
    lines = [json.loads(x) for x in done.stdout.splitlines() if x.strip()]
    assert len(lines) == sum(1 for x in (EVAL / "dev" / "articles.jsonl").open() if x.strip())
    scored = subprocess.run(
        [sys.executable, str(EVAL / "score.py"), str(EVAL / "dev" / "labels.jsonl"), str(pred),
         "--json"],
        capture_output=True, text=True, check=True, timeout=120,
    )  # fmt: skip
    return json.loads(scored.stdout.strip().splitlines()[-1])


# The goal on the 42 dev articles (issue 10): pledges F1 0.92, agreements F1 0.88, dates and
# restated flags 0.90 of matched records.
# What the extractor reaches today: a floor raised with every improvement, never lowered, so
# CI guards the progress (all four targets are met at extractor 1.0.0).
FLOOR = {"pledges": 0.93, "agreements": 0.96, "pledge_date": 0.93, "pledge_restated": 0.94}


def _score(report: dict, key: str) -> float:
    return report[key]["f1"] if "f1" in report[key] else report[key]["share"]


def test_dev_set_scores_stay_above_the_floor(report: dict) -> None:
    for key, floor in FLOOR.items():
        assert _score(report, key) >= floor, (key, report)


def test_extract_output_offsets_point_into_the_text() -> None:
    articles = {
        a["id"]: a["text"]
        for a in (json.loads(x) for x in (EVAL / "dev" / "articles.jsonl").open() if x.strip())
    }
    done = _run("extract", str(EVAL / "dev" / "articles.jsonl"))
    for line in done.stdout.splitlines():
        rec = json.loads(line)
        for item in rec["pledges"] + rec["agreements"]:
            assert articles[rec["id"]][item["start"] : item["end"]] == item["evidence"]


def test_eval_command_prints_the_scores() -> None:
    done = _run("eval", "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert {"pledges", "agreements", "pledge_date", "pledge_restated"} <= set(report)
    assert report["articles"] >= 14
