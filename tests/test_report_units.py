"""Pure parts of the briefing: ISO weeks, money formatting and the SVG charts."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from reports import charts, formatting
from transforms.weeks import IsoWeek


def test_iso_weeks_and_their_bounds() -> None:
    week = IsoWeek.parse("2026-W46")
    assert (week.monday, week.sunday) == (date(2026, 11, 9), date(2026, 11, 15))
    assert week.utc_bounds == (
        datetime(2026, 11, 9, tzinfo=UTC),
        datetime(2026, 11, 16, tzinfo=UTC),
    )
    assert str(week.previous()) == "2026-W45" and week.label() == "9–15 November 2026"
    assert str(IsoWeek.parse("2026-W01").previous()) == "2025-W52"
    assert str(IsoWeek.parse("2026-W53")) == "2026-W53"  # 2026 has 53 ISO weeks
    assert IsoWeek.parse("2026-W53").label() == "28 December 2026 – 3 January 2027"
    assert [str(w) for w in week.last(3)] == ["2026-W44", "2026-W45", "2026-W46"]
    for bad in ("2025-W53", "2026-46", "2026-W4", "W46", "2026-W00"):
        with pytest.raises(ValueError):
            IsoWeek.parse(bad)


def test_money_formatting_keeps_decimals_exact() -> None:
    assert formatting.compact(Decimal("611000000")) == "€611 m"
    assert formatting.compact(Decimal("1094788975.02")) == "€1.09 bn"
    assert formatting.compact(Decimal("2260000000"), "GBP") == "£2.26 bn"
    assert formatting.compact(Decimal("7100000000"), "SEK") == "SEK 7.1 bn"
    assert formatting.compact(Decimal("500000000"), "UAH") == "₴500 m"
    assert formatting.compact(None) == "—"
    assert formatting.exact(Decimal("0.1") + Decimal("0.2")) == "EUR 0.30"
    assert formatting.exact(Decimal("1094788975.02")) == "EUR 1,094,788,975.02"
    assert formatting.signed_eur(Decimal("-994800000")) == "−€994.8 m"
    assert formatting.truncate("x" * 50, 10).startswith("xxxxxxxxxx … [truncated, 50")


def test_bar_chart_is_valid_svg_with_escaped_labels_and_values() -> None:
    svg = charts.bar_chart(
        [("<script>alert(1)</script>", Decimal("500")), ("Україна & Co", 12.5)],
        title='New "pledges"',
    )
    root = ET.fromstring(svg)  # well-formed XML
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "<script>alert(1)</script>" in texts and "Україна & Co" in texts
    assert "500.0" in texts and "12.5" in texts and "EUR million" in texts
    assert "<script>" not in svg


def test_bar_chart_folds_the_tail_and_handles_no_data() -> None:
    items = [(f"donor {i}", 100 - i) for i in range(20)]
    root = ET.fromstring(charts.bar_chart(items, title="t", max_bars=5))
    assert len(root.findall("{http://www.w3.org/2000/svg}rect")) == 5
    assert "16 others" in ET.tostring(root, encoding="unicode")
    assert "no data" in charts.bar_chart([], title="t")


def test_line_chart_labels_every_series_at_its_end() -> None:
    svg = charts.line_chart(
        ["W44", "W45", "W46"],
        [("Germany", [0, 100, 600]), ("France", [50, 50, 60]), ("<b>", [0, 0, 0])],
        title="Running totals",
    )
    root = ET.fromstring(svg)
    texts = " ".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))
    assert "Germany 600.0" in texts and "France 60.0" in texts and "<b> 0.0" in texts
    dashes = {p.get("stroke-dasharray") for p in root.iter("{http://www.w3.org/2000/svg}polyline")}
    assert len(dashes) == 3  # distinct line patterns, readable in greyscale
    assert charts.nice_ticks(600) == [0.0, 200.0, 400.0, 600.0]


def test_pledge_labels_for_run_artifacts() -> None:
    from reports.briefing import Pledge

    p = Pledge(
        event_id="e", donor="United States", recipient="Ukraine", amount=Decimal("400000000"),
        currency="USD", amount_eur=Decimal("370370370.37"), fx_rate=1.08, fx_date=None,
        fx_note=None, category="military", stage="announced", items=None, coalition=None,
        announced_on=None, announced_precision=None, first_seen_on=date(2026, 11, 11),
        week="2026-W46", mention_count=1, article_count=1, evidence="...", confidence=0.9,
    )  # fmt: skip
    assert (p.amount_label, p.eur_label) == ("$400 m", "€370.4 m")
