"""The weekly briefing end to end: a realistic week in DuckDB → gather → PDF → read back.

A real database (flows.storage.connect applies the schema), real WeasyPrint, and the PDF read
back with pypdf and poppler's pdftotext. The headline figures are checked against SQL and
against hand-computed Decimals, so a rounding or double-count shows up as a failing cent.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import duckdb
import pypdf
import pytest

from flows.storage import connect
from reports import formatting
from reports.briefing import Briefing, gather
from reports.render import RenderResult, is_compact, render_html, render_pdf
from tests.builders import (
    agreement,
    agreement_mention,
    article,
    insert,
    pledge,
    pledge_mention,
    synthetic_week,
)
from tests.pdf_pages import pdf_text, pdf_to_pngs

WEEK = "2026-W46"  # Monday 9 to Sunday 15 November 2026
GENERATED = datetime(2026, 11, 16, 4, 0, tzinfo=UTC)
RUN_ID = "weekly-2026-W46-test"
CYRILLIC_TITLE = "Велика Британія виділить £150 млн на дрони для України"


def at(day: int, month: int = 11, hour: int = 9) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=UTC)


def build_week(con: duckdb.DuckDBPyConnection) -> None:
    """Week 46 with every case the briefing must tell apart, plus weeks 40 and 45 for context."""
    articles = [
        article("a-de", published_at=at(10), title="Germany pledges €500 million for air defence",
                outlet="Ukrinform"),
        article("a-us", published_at=at(11), title="US announces $400 million security package",
                outlet="Kyiv Independent"),
        article("a-uk", published_at=at(12), title=CYRILLIC_TITLE, outlet="RBC-Ukraine"),
        article("a-lt", published_at=at(13), title="Литва виділить ₴500 млн на підтримку ЗСУ",
                outlet="Ukrinform"),
        article("a-es", published_at=at(12, hour=15), title="Spain weighs further aid",
                outlet="Reuters"),
        article("a-co", published_at=at(14), title="Latvia joins drone coalition; Denmark deal",
                outlet="Reuters"),
        article("a-re", published_at=at(15, hour=20), title="As reported earlier: Norway's aid",
                outlet="Defense Express"),
        article("a-w45", published_at=at(4), title="France adds €100 million", outlet="Reuters"),
        article("a-w40", published_at=at(1, month=10), title="Norway pledges NOK 2bn",
                outlet="NRK"),
    ]  # fmt: skip
    de = pledge(
        "p-de",
        donor="Germany",
        amount="500000000.00",
        currency="EUR",
        amount_eur="500000000.00",
        first_seen_on=date(2026, 11, 10),
        items="IRIS-T air-defence systems",
        mention_count=2,
        article_count=2,
    )
    de_part = pledge(
        "p-de-part",
        donor="Germany",
        amount="120000000.00",
        currency="EUR",
        amount_eur="120000000.00",
        first_seen_on=date(2026, 11, 10),
        items="missiles for IRIS-T",
        package_event_id="p-de",
    )
    us = pledge(
        "p-us",
        donor="United States",
        amount="400000000.00",
        currency="USD",
        amount_eur="370370370.37",
        fx_rate=1.08,
        first_seen_on=date(2026, 11, 11),
        items="HIMARS ammunition",
    )
    uk = pledge(
        "p-uk",
        donor="United Kingdom",
        amount="150000000.00",
        currency="GBP",
        amount_eur="174418604.65",
        fx_rate=0.86,
        first_seen_on=date(2026, 11, 12),
        items="FPV drones",
        coalition="Drone Coalition",
    )
    lt = pledge(
        "p-lt",
        donor="Lithuania",
        amount="500000000.00",
        currency="UAH",
        amount_eur=None,
        fx_note="ECB publishes no UAH rate; not converted",
        first_seen_on=date(2026, 11, 13),
        category="financial",
    )
    es = pledge(
        "p-es",
        donor="Spain",
        amount="50000000.00",
        currency="EUR",
        amount_eur="50000000.00",
        first_seen_on=date(2026, 11, 12),
        confidence=0.45,
        evidence="Spain may consider a further €50 million, a source said.",
    )
    pl = pledge(
        "p-pl",
        donor="Poland",
        amount="80000000.00",
        currency="EUR",
        amount_eur="80000000.00",
        first_seen_on=date(2026, 11, 14),
        restated_only=True,
    )
    no = pledge(
        "p-no",
        donor="Norway",
        amount="2000000000.00",
        currency="NOK",
        amount_eur="170940170.94",
        fx_rate=11.7,
        first_seen_on=date(2026, 10, 1),
    )
    fr = pledge(
        "p-fr",
        donor="France",
        amount="100000000.00",
        currency="EUR",
        amount_eur="100000000.00",
        first_seen_on=date(2026, 11, 4),
    )
    mentions = [
        pledge_mention("m-de-1", article_id="a-de", event=de),
        pledge_mention("m-de-2", article_id="a-us", event=de),
        pledge_mention("m-de-part", article_id="a-de", event=de_part),
        pledge_mention("m-us", article_id="a-us", event=us),
        pledge_mention("m-uk", article_id="a-uk", event=uk),
        pledge_mention("m-lt", article_id="a-lt", event=lt),
        pledge_mention("m-es", article_id="a-es", event=es),
        pledge_mention("m-pl", article_id="a-co", event=pl, restated=True),
        pledge_mention("m-no-old", article_id="a-w40", event=no),
        pledge_mention("m-no-again", article_id="a-re", event=no, restated=True),
        pledge_mention("m-fr", article_id="a-w45", event=fr),
    ]
    joint = agreement(
        "g-dk",
        parties=["Ukraine", "Denmark"],
        kind="joint production",
        subject="joint production of long-range drones",
        document_count=2,
        first_seen_on=date(2026, 11, 14),
    )
    joins = agreement(
        "g-lv",
        parties=["Latvia", "Drone Coalition"],
        kind="coalition membership",
        coalition="Drone Coalition",
        first_seen_on=date(2026, 11, 14),
    )
    memo = agreement(
        "g-jp",
        parties=["Ukraine", "Japan"],
        kind="memorandum/document signing",
        subject="demining cooperation",
        first_seen_on=date(2026, 11, 12),
        confidence=0.5,
    )
    before = agreement(
        "g-w45",
        parties=["Ukraine", "Canada"],
        kind="security agreement",
        first_seen_on=date(2026, 11, 5),
    )
    agreement_mentions = [
        agreement_mention("am-dk", article_id="a-co", event=joint),
        agreement_mention("am-lv", article_id="a-co", event=joins),
        agreement_mention("am-jp", article_id="a-uk", event=memo),
        agreement_mention("am-w45", article_id="a-w45", event=before),
    ]  # fmt: skip
    # Stored, counted on the cover, never extracted: the extractor reads English only.
    articles.append(
        article("a-ua", published_at=at(13), title="Данія передасть Україні пакет допомоги",
                outlet="Suspilne", language="uk")
    )  # fmt: skip
    con.execute(
        "INSERT INTO feed_fetches (run_id, feed_id, url, outlet, status, entries, unreadable, "
        "fetched_at) VALUES ('r', 'feed-2', 'https://x.example/rss', 'X', 'ok', 42, 42, ?)",
        [at(14)],
    )
    insert(
        con,
        articles=articles,
        pledges=[de, de_part, us, uk, lt, es, pl, no, fr],
        pledge_mentions=mentions,
        agreements=[joint, joins, memo, before],
        agreement_mentions=agreement_mentions,
    )


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[duckdb.DuckDBPyConnection]:
    con = connect(tmp_path_factory.mktemp("db") / "pledgewatch.duckdb")
    build_week(con)
    yield con
    con.close()


@pytest.fixture(scope="module")
def briefing(db: duckdb.DuckDBPyConnection) -> Briefing:
    return gather(db, WEEK, run_id=RUN_ID, generated_at=GENERATED)


@pytest.fixture(scope="module")
def rendered(briefing: Briefing, tmp_path_factory: pytest.TempPathFactory) -> RenderResult:
    return render_pdf(briefing, tmp_path_factory.mktemp("pdf") / "briefing.pdf")


@pytest.fixture(scope="module")
def text(rendered: RenderResult) -> str:
    return pdf_text(rendered.path)


def squash(value: str) -> str:
    """Text without whitespace: pdftotext breaks lines wherever the PDF wrapped them."""
    return re.sub(r"\s+", "", value)


def test_headline_figures_equal_sql(db, briefing: Briefing, text: str) -> None:
    count, total = db.execute(
        "SELECT count(*), sum(amount_eur) FROM pledges WHERE week = ? "
        "AND NOT restated_only AND package_event_id IS NULL",
        [WEEK],
    ).fetchone()
    agreements, coalition = db.execute(
        "SELECT count(*), count(*) FILTER (WHERE kind = 'coalition membership') "
        "FROM agreements WHERE week = ? AND NOT restated_only",
        [WEEK],
    ).fetchone()
    # By hand: Germany + United States + United Kingdom + Spain; Lithuania's UAH has no EUR.
    by_hand = Decimal("500000000.00") + Decimal("370370370.37") + Decimal("174418604.65")
    by_hand += Decimal("50000000.00")
    assert (count, total) == (5, by_hand)
    f = briefing.figures
    assert (f.pledges, f.eur_total, f.without_eur, f.donors) == (count, total, 1, 5)
    assert (f.agreements, f.coalition_members) == (agreements, coalition) == (3, 1)
    assert isinstance(f.eur_total, Decimal)
    assert f"EUR total to the cent: {formatting.exact(total)}" in " ".join(text.split())
    assert formatting.compact(total) in text  # the headline tile: €1.09 bn


def test_cover_states_coverage_by_language_and_unreadable_entries(db, briefing, text) -> None:
    english, other = db.execute(
        "SELECT count(*) FILTER (WHERE language = 'en'), count(*) FILTER (WHERE language <> 'en') "
        "FROM articles WHERE published_at >= ? AND published_at < ?",
        [at(9, hour=0), at(16, hour=0)],
    ).fetchone()
    assert other == 1
    line = (
        f"1 feed read; {english} articles read in English; 1 in Ukrainian stored, not yet read; "
        "42 feed entries could not be read."
    )
    assert briefing.coverage.line == line
    assert squash(f"Coverage: {line}") in squash(text)


def test_week_on_week_change(briefing: Briefing, text: str) -> None:
    assert briefing.previous.pledges == 1 and briefing.previous.agreements == 1
    assert briefing.change.pledges == 4
    assert briefing.change.eur == briefing.figures.eur_total - Decimal("100000000.00")
    assert briefing.change.agreements == 2
    assert "+4 vs 2026-W45 (1)" in text


def test_restated_and_components_are_listed_but_never_counted(briefing: Briefing, text: str):
    assert [p.event_id for p in briefing.restated] == ["p-no", "p-pl"]
    counted = {p.event_id for g in briefing.donors for p in g.pledges}
    assert counted == {"p-de", "p-us", "p-uk", "p-lt", "p-es"}
    assert not counted & {"p-no", "p-pl", "p-de-part"}
    assert [c.event_id for g in briefing.donors for p in g.pledges for c in p.components] == [
        "p-de-part"
    ]
    flat = " ".join(text.split())
    assert "Restated pledges" in flat
    assert "none of these is counted in this week's figures" in flat
    assert "first reported 1 Oct 2026 (2026-W40)" in flat
    assert "component, not added to totals" in flat
    # Adding the restated or component amounts would change the cent-exact total.
    assert formatting.exact(briefing.figures.eur_total + Decimal("170940170.94")) not in flat


def test_top_pledges_order_and_null_eur(briefing: Briefing) -> None:
    assert [p.event_id for p in briefing.top_pledges] == ["p-de", "p-us", "p-uk", "p-es"]
    lithuania = next(g for g in briefing.donors if g.donor == "Lithuania")
    assert lithuania.without_eur == 1 and lithuania.eur_total == 0


def test_every_footnote_has_a_source(briefing: Briefing, text: str) -> None:
    body, _, appendix = text.partition("Every article cited, numbered in order of first citation.")
    assert appendix, "the Sources appendix is missing"
    cited = {int(n) for n in re.findall(r"\[(\d+)\]", body)}
    listed = [int(n) for n in re.findall(r"^\[(\d+)\]", appendix, flags=re.MULTILINE)]
    assert listed == list(range(1, len(briefing.sources) + 1))
    assert cited and cited <= set(listed)
    # Numbered in order of first citation: the first footnote in the body is [1].
    assert re.search(r"\[(\d+)\]", body).group(1) == "1"
    # The restated Norway pledge cites this week's restating article, not the October one.
    norway = next(p for p in briefing.restated if p.donor == "Norway")
    cited_ids = {s.article_id for s in briefing.sources if s.number in norway.footnotes}
    assert cited_ids == {"a-re"}
    for source in briefing.sources:
        assert squash(source.title) in squash(appendix)
        assert squash(source.url) in squash(appendix)


def test_week_named_paged_and_footed(rendered: RenderResult, text: str) -> None:
    pages = text.split("\f")
    pages = [p for p in pages if p.strip()]
    reader = pypdf.PdfReader(rendered.path)
    assert rendered.pages == len(reader.pages) == len(pages)
    assert "2026-W46" in pages[0] and "9–15 November 2026" in pages[0]
    for number, page in enumerate(pages, 1):
        assert f"page {number} of {rendered.pages}" in page
        assert f"Run {RUN_ID} · generated 2026-11-16 04:00 UTC" in page
    for page in pages[1:]:
        assert "PledgeWatch · 2026-W46" in page  # running header from string-set
    assert ("Contents" in text) == (rendered.pages > 4)


def test_cyrillic_and_currency_signs_render_with_embedded_fonts(rendered, text) -> None:
    assert CYRILLIC_TITLE in " ".join(text.split())
    for sign in ("€", "£", "₴", "$"):
        assert sign in text
    reader = pypdf.PdfReader(rendered.path)
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object()
            assert "/FontFile2" in descendant["/FontDescriptor"].get_object()  # embedded
            fonts.add(str(font["/BaseFont"]).split("+")[-1])
    assert fonts and all(name.startswith("DejaVu") for name in fonts)


def test_agreements_coalitions_and_review(briefing: Briefing, text: str) -> None:
    flat = " ".join(text.split())
    assert [g.kind for g in briefing.agreements_by_kind] == [
        "memorandum/document signing",
        "joint production",
    ]
    assert [a.members for a in briefing.coalition_changes] == [["Latvia"]]
    assert "Latvia joined Drone Coalition" in flat
    assert "2 documents" in flat
    review = {(r.what, r.actor) for r in briefing.needs_review}
    assert review == {("pledge", "Spain"), ("agreement", "Ukraine, Japan")}
    assert "Needs review" in flat and "45% Spain" in flat


def test_charts_are_inline_vector_svg(briefing: Briefing) -> None:
    html = render_html(briefing)
    assert html.count("<svg") == 3
    assert dict(briefing.charts.eur_by_donor)["Germany"] == Decimal("500000000.00")
    germany = next(s for s in briefing.charts.running_totals if s.label == "Germany")
    assert germany.values[-1] == Decimal("500000000.00") and len(germany.values) == 12


def test_written_atomically(rendered: RenderResult) -> None:
    assert rendered.path.read_bytes().startswith(b"%PDF-")
    assert [p.name for p in rendered.path.parent.iterdir()] == ["briefing.pdf"]
    assert rendered.path.stat().st_mode & 0o777 == 0o644
    assert rendered.refused_urls == ()


def test_first_page_png(rendered: RenderResult, tmp_path: Path) -> None:
    (png,) = pdf_to_pngs(rendered.path, tmp_path, first=1, last=1, dpi=40)
    assert png.read_bytes().startswith(b"\x89PNG")


def test_empty_week_gives_a_short_clear_briefing(db, tmp_path: Path) -> None:
    quiet = gather(db, "2026-W30", run_id="quiet-run", generated_at=GENERATED)
    assert quiet.is_empty and quiet.sources == [] and quiet.figures.eur_total == 0
    result = render_pdf(quiet, tmp_path / "quiet.pdf")
    text = " ".join(pdf_text(result.path).split())
    assert result.pages == 1
    assert "2026-W30" in text and "20–26 July 2026" in text
    assert "A quiet week" in text and "No new pledges" in text
    assert "page 1 of 1" in text and "Contents" not in text


def test_long_week_uses_compact_layout_with_sources(tmp_path: Path) -> None:
    con = connect(tmp_path / "long.duckdb")
    synthetic_week(con, WEEK, pledges=70, agreements=12, sources=90)
    long = gather(con, WEEK, run_id="long-run", generated_at=GENERATED)
    con.close()
    assert is_compact(long)
    result = render_pdf(long, tmp_path / "long.pdf")
    text = pdf_text(result.path)
    body, _, appendix = text.partition("Every article cited, numbered in order of first citation.")
    cited = {int(n) for n in re.findall(r"\[(\d+)\]", body)}
    listed = [int(n) for n in re.findall(r"^\[(\d+)\]", appendix, flags=re.MULTILINE)]
    assert listed == list(range(1, len(long.sources) + 1)) and cited <= set(listed)
    assert result.pages > 4 and "Contents" in text


def test_contents_page_numbers_point_at_the_sections(rendered: RenderResult, text: str) -> None:
    pages = [p for p in text.split("\f") if p.strip()]
    assert rendered.pages > 4, "the realistic week is long enough for a table of contents"
    entries = dict(re.findall(r"^(Pledges by donor|Sources)[ .]*?(\d+)$", pages[0], re.MULTILINE))
    assert set(entries) == {"Pledges by donor", "Sources"}
    for heading, page in entries.items():
        assert re.search(rf"^{heading}$", pages[int(page) - 1], re.MULTILINE)
