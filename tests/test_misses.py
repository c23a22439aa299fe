"""bench.misses: every missed gold record lands in one bucket, split by its shape on request."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import misses

pytestmark = pytest.mark.skipif(not misses._SCORER.exists(), reason="needs ../shared/eval/score.py")

# Our own sentences: one pledge found, one with no candidate, one agreement found, one missed.
ARTICLE = {
    "id": "t1",
    "url": "https://example.org/t1",
    "published": "2025-03-14",
    "title": "Aid news",
    "text": (
        "Belgium will provide €611 million in military assistance this year. "
        "Some helmets were mentioned by Estonia in passing. "
        "Ukraine and Norway signed a bilateral security agreement on Friday. "
        "Officials spoke about a strategic partnership between two firms."
    ),
}
LABELS = {
    "id": "t1",
    "pledges": [
        {"donor": "Belgium", "amount": 611e6, "currency": "EUR",
         "evidence": "Belgium will provide €611 million in military assistance this year."},
        {"donor": "Estonia", "amount": None, "currency": None, "restated": True,
         "evidence": "Some helmets were mentioned by Estonia in passing."},
    ],
    "agreements": [
        {"parties": ["Ukraine", "Norway"], "kind": "security agreement",
         "evidence": "Ukraine and Norway signed a bilateral security agreement on Friday."},
        {"parties": ["Firm A", "Firm B"], "kind": "joint production",
         "evidence": "Officials spoke about a strategic partnership between two firms."},
    ],
}  # fmt: skip


@pytest.fixture
def files(tmp_path: Path) -> tuple[str, str]:
    articles, labels = tmp_path / "a.jsonl", tmp_path / "l.jsonl"
    articles.write_text(json.dumps(ARTICLE) + "\n", encoding="utf-8")
    labels.write_text(json.dumps(LABELS) + "\n", encoding="utf-8")
    return str(articles), str(labels)


def test_missed_pledges_by_bucket_and_shape(files, capsys) -> None:
    assert misses.main([*files, "--shape"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "1 missed gold pledges"
    assert "no candidate" in out and "things/restated 1" in out
    assert "Belgium" not in out  # found, so not listed


def test_missed_agreements_listed_with_their_sentence(files, capsys) -> None:
    assert misses.main([*files, "--agreements", "--list"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "1 missed gold agreements"
    assert "['Firm A', 'Firm B']: joint production" in out
    assert "strategic partnership" in out
