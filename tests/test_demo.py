"""The demo end to end under Prefect: served corpus → DuckDB → PDF → .eml → published copy."""

from __future__ import annotations

import email
import email.policy
import json
import re
import subprocess
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest
from pypdf import PdfReader

from flows.corpus_server import DEMO_DIR

pytestmark = pytest.mark.slow


def query(db: Path, sql: str, params=()) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, list(params)).fetchall()


def labels() -> list[dict]:
    return [json.loads(line) for line in (DEMO_DIR / "labels.jsonl").read_text().splitlines()]


def test_demo_builds_the_latest_full_week(demo):
    assert demo["status"] == "ok", demo
    assert demo["week"] == "2026-W46"
    assert demo["ingest_counts"]["feeds_ok"] == 4
    assert "feeds_failed" not in demo["ingest_counts"]


def test_database_holds_every_article_once_with_its_mentions(demo):
    db = Path(demo["database"])
    expected = {label["id"] for label in labels()}
    urls = [row[0] for row in query(db, "SELECT canonical_url FROM articles")]
    assert len(urls) == len(expected) == 46
    assert {url.split("/", 3)[3] for url in urls} == expected  # tracking parameters gone
    # Each labelled pledge (not an optional component) is found in its article.
    found = missed = 0
    for label in labels():
        for pledge in label["pledges"]:
            if pledge.get("component") or pledge["amount"] is None:
                continue
            hit = query(
                db,
                "SELECT count(*) FROM pledge_mentions m JOIN articles a USING (article_id) "
                "WHERE a.canonical_url LIKE ? AND m.currency = ? "
                "AND abs(m.amount - ?) <= 0.01 * ?",
                ["%" + label["id"], pledge["currency"], pledge["amount"], pledge["amount"]],
            )[0][0]
            found, missed = (found + 1, missed) if hit else (found, missed + 1)
    assert found / (found + missed) >= 0.75, (found, missed)
    for text, start, end, evidence in query(
        db,
        "SELECT a.text, m.evidence_start, m.evidence_end, m.evidence "
        "FROM pledge_mentions m JOIN articles a USING (article_id)",
    ):
        assert text[start:end] == evidence


def test_each_pledge_is_counted_once(demo):
    db = Path(demo["database"])
    mentions = query(db, "SELECT count(*) FROM pledge_mentions")[0][0]
    events = query(db, "SELECT count(*) FROM pledges")[0][0]
    assert events < mentions  # restatements and repeats merged
    # Sum the week's new pledge events by hand and compare with the analysts' view.
    rows = query(
        db,
        "SELECT amount_eur FROM pledges WHERE week = '2026-W46' AND NOT restated_only "
        "AND package_event_id IS NULL",
    )
    by_hand = sum((r[0] for r in rows if r[0] is not None), Decimal(0))
    view = query(db, "SELECT sum(amount_eur) FROM weekly_new_pledges WHERE week = '2026-W46'")
    assert by_hand == view[0][0]
    largest = query(
        db,
        "SELECT donor, amount, currency FROM weekly_new_pledges WHERE week = '2026-W46' "
        "ORDER BY amount_eur DESC LIMIT 1",
    )
    assert largest == [("Germany", Decimal("2500000000.00"), "EUR")]


def test_pdf_names_the_week_and_the_largest_pledge(demo):
    pdf = Path(demo["pdf"])
    reader = PdfReader(pdf)
    assert 1 <= len(reader.pages) <= 30
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "2026-W46" in text
    assert "Germany" in text
    assert "2,500" in text or "2.5 billion" in text or "2.50" in text


def test_email_carries_the_pdf(demo):
    eml = Path(demo["email_path"])
    message = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
    assert "2026-W46" in message["Subject"]
    attachments = list(message.iter_attachments())
    assert [a.get_content_type() for a in attachments] == ["application/pdf"]
    assert attachments[0].get_content() == Path(demo["pdf"]).read_bytes()


def test_published_copy_and_exports(demo):
    published = Path(demo["published_db"])
    assert query(published, "SELECT count(*) FROM articles")[0][0] == 46
    exports = published.parent / "exports"
    rows = query(published, f"SELECT count(*) FROM '{exports / 'kiel_export.parquet'}'")[0][0]
    assert rows == query(published, "SELECT count(*) FROM kiel_export")[0][0] > 0
    header = (exports / "kiel_export.csv").read_text().splitlines()[0]
    assert header.startswith("event_id,donor,recipient,date")


def test_pdf_headline_figures_equal_the_database(demo):
    db = Path(demo["database"])
    count, total = query(
        db, "SELECT count(*), sum(amount_eur) FROM weekly_new_pledges WHERE week = '2026-W46'"
    )[0]
    agreements = query(
        db, "SELECT count(*) FROM agreements WHERE week = '2026-W46' AND NOT restated_only"
    )[0][0]
    text = subprocess.run(
        ["pdftotext", "-layout", str(demo["pdf"]), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert f"EUR total to the cent: EUR {total:,.2f}" in text
    assert f"{count} new pledges" in text
    assert f"{agreements} new agreements" in text
    body, _, sources = text.rpartition("\nSources\n")
    footnotes = {int(n) for n in re.findall(r"\[(\d+)\]", body)}
    listed = {int(n) for n in re.findall(r"^\s*\[(\d+)\]", sources, flags=re.M)}
    assert footnotes and footnotes <= listed
    assert listed == set(range(1, len(listed) + 1))
