"""Property tests: the extractor never raises and every evidence offset points at its sentence.

``_extract`` is the body of ``extract_article`` without its safety net, so a bug shows up here
as an exception instead of being logged and swallowed.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flows.mentions import agreement_row, pledge_row
from transforms.extract import _extract, extract_article, to_eval_record
from transforms.sentences import split_sentences

# Fragments in the press's own shapes, so generated texts reach the deeper code paths.
FRAGMENTS = [
    "Germany", "the UK", "Britain", "the Netherlands", "Dutch", "the U.S.", "Washington",
    "Türkiye", "the EU", "NATO", "the drone coalition", "the Czech initiative", "Rheinmetall",
    "pledged", "will provide", "has allocated", "signed a memorandum", "joined", "agreed on",
    "would not announce", "could send", "if the allies pay", "since 2022", "a total of",
    "€611 million", "($655 million)", "EUR 1.1bn", "SEK 7.1 billion", "£2.26 billion",
    "half a billion euros", "Thirty million", "1,3 billion", "$2.5B", "UAH 5 billion",
    "up to $50 million", "almost €180 million", "C$500 million", "six documents",
    "on 21 January", "on Thursday", "last month", "in March last year", "today",
    "As was reported earlier,", "This includes", "All of them", "15 countries have joined",
    "These are", "co-led by", "Latvia", "to Ukraine", "F-16 fighter jets", "several", ".", ",",
    "\n", "\n\n", "(", ")", "—", "“", "”", "'s", "Jan.", "Mr.", "U.S.", "?", "!",
]  # fmt: skip

texts = st.one_of(
    st.text(max_size=400),
    st.lists(st.sampled_from(FRAGMENTS), max_size=60).map(" ".join),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=40).map("".join),
)
dates = st.one_of(st.none(), st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 1, 1)))
common = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@common
@given(texts, dates)
def test_never_raises_and_offsets_point_at_sentences(text: str, published: dt.date | None) -> None:
    ex = _extract(text, published, None, None)
    bounds = {(s.start, s.end) for s in split_sentences(text)}
    for rec in [*ex.pledges, *ex.agreements]:
        assert text[rec.start : rec.end] == rec.evidence
        assert (rec.start, rec.end) in bounds
        assert rec.evidence.strip() == rec.evidence and rec.evidence
        assert 0.0 <= rec.confidence <= 1.0
    for p in ex.pledges:
        assert p.donor and (p.amount is None or p.amount > 0)
        assert (p.amount is None) == (p.currency is None)
    # The store keys mentions on their ids: a repeated id would lose a record in the upsert.
    pledge_ids = [pledge_row("a", p, "r")["mention_id"] for p in ex.pledges]
    assert len(pledge_ids) == len(set(pledge_ids))
    deal_ids = [agreement_row("a", a, "r")["mention_id"] for a in ex.agreements]
    assert len(deal_ids) == len(set(deal_ids))
    record = to_eval_record("id", ex)
    assert len(record["pledges"]) == len(ex.pledges)


@common
@given(st.text(max_size=300))
def test_sentences_cover_the_text(text: str) -> None:
    sentences = split_sentences(text)
    last = 0
    for i, s in enumerate(sentences):
        assert s.index == i and s.start >= last and text[s.start : s.end] == s.text
        last = s.end
    # Nothing but whitespace is left out.
    covered = "".join(text[s.start : s.end] for s in sentences)
    assert "".join(covered.split()) == "".join(text.split())


@settings(max_examples=50, deadline=None)
@given(st.from_type(object))
def test_public_entry_point_accepts_anything(value: object) -> None:
    extract_article(value, value)  # type: ignore[arg-type]
