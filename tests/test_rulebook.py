"""The rulebook: every rule is named once, has an example, and fires on its example."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from flows.cli import main
from transforms.explain import explain_article
from transforms.extract import extract_article
from transforms.rulebook import FAMILIES, entries
from transforms.rules import Trace

PUBLISHED = dt.date(2024, 3, 15)


def test_names_are_unique_and_documented() -> None:
    names = [e.name for e in entries()]
    assert len(names) == len(set(names))
    assert {e.family for e in entries()} == set(FAMILIES)
    for e in entries():
        assert e.example.strip(), e.name


@pytest.mark.parametrize("entry", entries(), ids=lambda e: e.name)
def test_rule_fires_on_its_example(entry) -> None:
    trace = Trace()
    found = extract_article(entry.example, PUBLISHED, trace=trace)
    fired = {s.rule for s in trace.steps}
    fired |= {r for p in found.pledges for r in p.rules}
    fired |= {r for a in found.agreements for r in a.rules}
    assert entry.name in fired, (entry.example, sorted(fired))


def test_records_name_their_rules() -> None:
    text = "Belgium will provide €611 million in military assistance this year."
    (pledge,) = extract_article(text, PUBLISHED).pledges
    assert pledge.rules[:2] == ("anchor.amount", "donor.verb_subject")
    assert "category.military_terms" in pledge.rules


def test_housing_money_is_not_military() -> None:
    text = "Norway approved NOK 500 million to repair destroyed housing in Kharkiv."
    (pledge,) = extract_article(text, PUBLISHED).pledges
    assert pledge.category == "reconstruction"


def test_explain_shows_dropped_candidates_with_their_rule() -> None:
    text = (
        "Belgium will provide €611 million in military assistance this year. "
        "France is considering a €3 billion package of air defence."
    )
    explained = explain_article(text, PUBLISHED)
    assert [e.recorded for e in explained] == [True, False]
    assert [s.rule for s in explained[1].steps] == ["veto.speculation"]
    assert text[explained[1].start : explained[1].end] == explained[1].text


def test_explain_command_reads_a_jsonl_article(tmp_path: Path, capsys) -> None:
    articles = tmp_path / "a.jsonl"
    row = {
        "id": "x1",
        "published": "2024-03-15",
        "title": "t",
        "text": "Germany has not "
        "pledged €500 million for Taurus missiles. Norway pledged NOK 1 billion today.",
    }
    articles.write_text(json.dumps(row) + "\n", encoding="utf-8")
    assert main(["explain", "--jsonl", str(articles), "x1"]) == 0
    out = capsys.readouterr().out
    assert "veto.negation dropped: Germany: €500 million" in out
    assert "+ pledge: Norway: NOK 1 billion" in out
    assert main(["explain", "--jsonl", str(articles), "nope"]) == 2


def test_explain_command_reads_a_stored_article(tmp_path: Path, capsys) -> None:
    from datetime import UTC, datetime

    from flows import storage
    from tests import builders as sample

    db = tmp_path / "pw.duckdb"
    text = "Sweden announced a SEK 7 billion package. This includes SEK 2 billion for air defence."
    stored = sample.article(
        "a1", published_at=datetime(2024, 3, 15, tzinfo=UTC), title="Sweden", text=text
    )
    with storage.open_db(db) as con:
        sample.insert(con, articles=[stored])
    assert main(["explain", "--db", str(db), stored["url"]]) == 0
    out = capsys.readouterr().out
    assert "Sweden: SEK 2 billion (anchor.amount, donor.package_donor" in out
    assert main(["explain", "--db", str(db), "https://elsewhere.example/"]) == 2
