"""Date cues resolved against the article's publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from transforms.dates import best_date, dateline, find_dates, is_earlier, past_year

PUB = dt.date(2024, 1, 29)  # a Monday

# (sentence, published, expected value of the best cue or None)
CASES = [
    ("Belgium announced it on 21 January.", PUB, "2024-01-21"),
    ("The press service reported on Jan. 29.", PUB, "2024-01-29"),
    ("On 27 January 2024, the two ministers agreed.", PUB, "2024-01-27"),
    ("The coalition was launched on February 17, 2024, in Brussels.", PUB, "2024-02-17"),
    ("The committee met in Riga on June 2.", dt.date(2025, 6, 2), "2025-06-02"),
    ("The Kremlin said on Thursday that it objected.", PUB, "2024-01-25"),
    ("The minister said on Monday that more would come.", PUB, "2024-01-29"),
    ("Last Monday the deal was signed.", PUB, "2024-01-22"),
    ("This afternoon, the Department of Defense announced it.", PUB, "2024-01-29"),
    ("The Council adopted today two assistance measures.", PUB, "2024-01-29"),
    ("Officials confirmed it yesterday.", PUB, "2024-01-28"),
    ("The package was agreed last month.", PUB, "2023-12"),
    ("The funds were allocated in March last year.", PUB, "2023-03"),
    ("Leaders agreed in June, along with the EU.", dt.date(2024, 10, 21), "2024-06"),
    ("In January, Belgium announced the delivery.", dt.date(2024, 1, 30), "2024-01"),
    ("In December, Norway pledged more.", dt.date(2024, 1, 30), "2023-12"),
    ("A Christmas date: 25 December.", dt.date(2024, 1, 5), "2023-12-25"),
    ("The decree of 29.01.2024 applies.", PUB, "2024-01-29"),
    ("Published 2024-01-20 in the journal.", PUB, "2024-01-20"),
    # month and year: the year stated wins over the publication year
    ("They signed a ten-year accord in June 2024.", dt.date(2026, 1, 22), "2024-06"),
    ("It was agreed in March, 2023, in Kyiv.", PUB, "2023-03"),
    ("Earlier this month, trucks were handed over.", dt.date(2026, 1, 22), "2026-01"),
    # "last week" gives the month when the whole week lies in one month
    ("Last week, Denmark pledged more jets.", dt.date(2023, 8, 24), "2023-08"),
    ("The loan was approved last week.", dt.date(2024, 10, 2), "2024-09"),
    ("The loan was approved last week.", dt.date(2024, 10, 7), None),  # 30 Sep - 6 Oct
    ("A week ago, Oslo approved the plan.", dt.date(2024, 10, 20), "2024-10"),
    ("A month ago, Oslo approved the plan.", dt.date(2024, 10, 20), "2024-09"),
    ("Three days ago, Rome approved it.", dt.date(2024, 10, 20), "2024-10-17"),
    # no cue: years alone, seasons, vague times
    ("Deliveries will continue in 2025.", PUB, None),
    ("The format was set up in the spring of 2022.", PUB, None),
    ("It has been announced, officials said.", PUB, None),
    ("May the allies keep their word.", PUB, None),
]


@pytest.mark.parametrize(("sentence", "published", "expected"), CASES)
def test_date_cues(sentence: str, published: dt.date, expected: str | None) -> None:
    cue = best_date(find_dates(sentence, published))
    assert (cue.value if cue else None) == expected


@pytest.mark.parametrize(
    ("sentence", "past"),
    [
        ("In 2023, Norway approved a programme.", True),
        ("Deliveries will continue in 2024.", False),
        ("Deliveries in 2025 are planned.", False),
        ("Back in 2022 the coalition was smaller.", True),
    ],
)
def test_past_year(sentence: str, past: bool) -> None:
    assert past_year(sentence, dt.date(2024, 5, 1)) is past


def test_future_cues_are_not_announcement_dates() -> None:
    published = dt.date(2024, 2, 14)
    cues = find_dates("It pledged €5m on Monday and will deliver in March.", published)
    assert [c.value for c in cues] == ["2024-02-12", "2024-03"]
    assert best_date(cues, published=published).value == "2024-02-12"
    late = find_dates("Deliveries are due on 20 February.", published)
    assert best_date(late, published=published) is None


def test_without_publication_date_only_explicit_dates_resolve() -> None:
    assert best_date(find_dates("It was signed on Thursday.", None)) is None
    assert best_date(find_dates("It was signed on 3 June 2024.", None)).value == "2024-06-03"


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "BRUSELLS, April 3. /TASS/. Canada has allocated funding.",
            dt.date(2025, 4, 3),
            "2025-04-03",
        ),
        (
            "KYIV, March 12 (Reuters) - Ukraine and France signed.",
            dt.date(2024, 3, 12),
            "2024-03-12",
        ),
        ("WASHINGTON, 5 June — The Pentagon said.", dt.date(2024, 6, 6), "2024-06-05"),
        ("Ukraine and France signed an agreement.", dt.date(2024, 3, 12), None),
    ],
)
def test_dateline(text: str, published: dt.date, expected: str | None) -> None:
    assert dateline(text, published) == expected


@pytest.mark.parametrize(
    ("sentence", "earlier"),
    [
        ("As reported, it was agreed in June.", True),  # month before the article's month
        ("It was announced on 21 January.", True),  # more than a week before
        ("On 27 January 2024 they agreed.", False),  # two days before: today's news
        ("It was announced on Thursday.", False),
        ("It was pledged last month.", True),
        ("It was pledged last week.", True),
    ],
)
def test_is_earlier(sentence: str, earlier: bool) -> None:
    published = dt.date(2024, 1, 29) if "June" not in sentence else dt.date(2024, 10, 21)
    assert is_earlier(best_date(find_dates(sentence, published)), published) is earlier
