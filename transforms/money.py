"""Money expressions as the press writes them, parsed to (amount, ISO currency).

Handles symbols and codes before or after the number (``€611 million``, ``EUR 1.1bn``,
``2.5 billion dollars``, ``C$500 million``), scale words and suffixes (``bn``, ``m``, ``B``),
European decimal commas (``1,3 billion``), spelled-out numbers (``Thirty million``,
``half a billion euros``) and approximations (``up to``, ``more than``, ``almost``). A money
expression in brackets right after another one (``€611 million ($655 million)``) is marked as a
conversion of it, never a separate amount.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_SYMBOLS = {
    "€": "EUR",
    "$": "USD",
    "US$": "USD",
    "USD$": "USD",
    "U.S.$": "USD",
    "C$": "CAD",
    "CA$": "CAD",
    "CAN$": "CAD",
    "A$": "AUD",
    "AU$": "AUD",
    "AUD$": "AUD",
    "NZ$": "NZD",
    # Other dollars, met mostly in a bracketed conversion ("£125 million (S$200 million)"):
    # read as their own currency, never as US dollars.
    "S$": "SGD",
    "SG$": "SGD",
    "HK$": "HKD",
    "R$": "BRL",
    "MX$": "MXN",
    "£": "GBP",
    "¥": "JPY",
    "₴": "UAH",
    "zł": "PLN",
    "Kč": "CZK",
    "₩": "KRW",
    "CHF": "CHF",
}
_CODES: tuple[str, ...]
_CODES = ("EUR", "USD", "GBP", "SEK", "NOK", "DKK", "UAH", "CAD", "AUD", "NZD", "JPY", "CHF")
_CODES += ("PLN", "CZK", "HUF", "RON", "BGN", "ISK", "KRW", "TRY", "CNY")
# Currency words after the number. Ambiguous Nordic/Czech words are resolved from context.
_WORDS = {
    "euros": "EUR",
    "euro": "EUR",
    "eur": "EUR",
    "us dollars": "USD",
    "u.s. dollars": "USD",
    "american dollars": "USD",
    "canadian dollars": "CAD",
    "australian dollars": "AUD",
    "new zealand dollars": "NZD",
    "dollars": "USD",
    "dollar": "USD",
    "pounds sterling": "GBP",
    "pounds": "GBP",
    "pound": "GBP",
    "sterling": "GBP",
    "yen": "JPY",
    "hryvnias": "UAH",
    "hryvnia": "UAH",
    "hryvnas": "UAH",
    "hryvni": "UAH",
    "swiss francs": "CHF",
    "francs": "CHF",
    "zlotys": "PLN",
    "zloty": "PLN",
    "zlotych": "PLN",
    "swedish kronor": "SEK",
    "swedish crowns": "SEK",
    "kronor": "SEK",
    "norwegian kroner": "NOK",
    "norwegian crowns": "NOK",
    "danish kroner": "DKK",
    "danish crowns": "DKK",
    "czech crowns": "CZK",
    "czech korunas": "CZK",
    "koruna": "CZK",
    "korunas": "CZK",
    "kroner": "NORDIC",
    "krone": "NORDIC",
    "crowns": "NORDIC",
    "kronur": "ISK",
    "forints": "HUF",
    "lei": "RON",
    "won": "KRW",
}
_NUMBER_WORDS = {
    "one": 1,
    "a": 1,
    "an": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a hundred": 100,
    "one hundred": 100,
    "several hundred": 300,
    "half a": 0.5,
    "half": 0.5,
    "a quarter of a": 0.25,
    "quarter of a": 0.25,
}
_SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "mln": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "mil": 1e6,
    "billion": 1e9,
    "billions": 1e9,
    "bln": 1e9,
    "mld": 1e9,
    "mlrd": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "trn": 1e12,
}
_QUALIFIERS = {
    "up to": "up to",
    "more than": "more than",
    "over": "more than",
    "in excess of": "more than",
    "at least": "at least",
    "almost": "almost",
    "nearly": "almost",
    "close to": "almost",
    "just under": "almost",
    "about": "about",
    "around": "about",
    "approximately": "about",
    "roughly": "about",
    "some": "about",
    "an estimated": "about",
    "less than": "less than",
    "under": "less than",
}


def _alt(words: Iterable[str]) -> str:
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


_NUM = r"\d{1,3}(?:[,. \u00a0\u202f]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
_WORDNUM = _alt(_NUMBER_WORDS)  # includes "a"/"an": "a billion euros" (a scale must follow)
_UNITS = _alt(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"])
_WORDNUM_FULL = rf"(?i:{_WORDNUM})(?:[\s-]+(?i:{_UNITS}))?"
# "mld"/"mlrd" (milliard) is how Central and East European outlets write a billion.
_SCALE = (
    r"thousand|millions?|billions?|trillion|mlrd|mld|mln|bln|mil|mn|bn|tn|trn|"
    r"[mMbBkK](?![a-zA-Z])"
)
_SYM = _alt(_SYMBOLS)
_CODE = "|".join(_CODES)
_WORD = _alt(_WORDS)
_QUAL = _alt(_QUALIFIERS)

_PATTERN = re.compile(
    rf"""
    (?:
        # symbol or code first: €611 million, EUR 1.1bn, C$500m, $2.5B
        (?P<pre>{_SYM}|(?<![A-Za-z])(?:{_CODE})(?![A-Za-z]))\s?
        (?P<n1>{_NUM}|{_WORDNUM_FULL})
        (?:(?:\s*(?:-|to|–)\s*)(?P<n1b>{_NUM}))?
        (?:[\s-]?(?P<s1>{_SCALE}))?
      |
        # number first: 500 million euros, 1.7 billion DKK, Thirty million euros
        (?P<n2>{_NUM}|{_WORDNUM_FULL})
        (?:(?:\s*(?:-|to|–)\s*)(?:{_NUM}|{_WORDNUM_FULL}))?
        (?:[\s-]?(?P<s2>{_SCALE}))?
        # (1.7: hyphenated as an adjective too: "a 350-million-pound drone package")
        (?:\s|-(?=[A-Za-z]))?(?P<post>(?<![A-Za-z])(?:{_CODE})(?![A-Za-z])|(?i:{_WORD})(?![a-z])|{_SYM})
    )
    """,
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class Money:
    """A parsed money expression; offsets are relative to the text it was found in."""

    amount: float
    currency: str  # ISO 4217, or NORDIC until resolved by context
    start: int
    end: int
    text: str
    qualifier: str | None = None
    conversion: bool = False  # a bracketed restatement of the previous amount


_THOUSANDS = re.compile(r"\d{1,3}(?:[ ,]\d{3})+(?:\.\d+)?")
_DOTTED_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_DECIMAL_COMMA = re.compile(r"\d+,\d{1,2}")


def _parse_number(raw: str) -> float | None:
    raw = raw.strip()
    low = " ".join(raw.lower().replace("-", " ").split())
    if low in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[low])
    parts = low.split()
    if parts and all(p in _NUMBER_WORDS for p in parts):
        return float(sum(_NUMBER_WORDS[p] for p in parts))
    digits = raw.replace("\u00a0", " ").replace("\u202f", " ")
    if _THOUSANDS.fullmatch(digits):
        return float(digits.replace(",", "").replace(" ", ""))
    if _DOTTED_THOUSANDS.fullmatch(digits):  # 1.500.000,50
        return float(digits.replace(".", "").replace(",", "."))
    if _DECIMAL_COMMA.fullmatch(digits):  # 1,3 billion: a European decimal comma
        return float(digits.replace(",", "."))
    try:
        return float(digits.replace(",", ""))
    except ValueError:
        return None


def _scale(raw: str | None) -> float:
    if not raw:
        return 1.0
    return _SCALES.get(raw.lower(), 1.0)


# Where a money expression can be: a digit or a spelled-out number. The full pattern is only
# tried a few characters around these anchors (a symbol or code may precede the number), which
# keeps the scan linear instead of trying every alternative at every character.
_DIGITS = re.compile(r"\d+")
_SCALE_WORDS = ("thousand", "million", "billion", "trillion")
_ANCHOR = re.compile(rf"\d+|\b(?:{_WORDNUM})\b", re.IGNORECASE)
_ANCHOR_LOW = re.compile(rf"\d+|\b(?:{_WORDNUM.lower()})\b")
_QUAL_BEFORE = re.compile(rf"\b(?P<qual>{_QUAL})\s+$", re.IGNORECASE)
_PREFIX_SPAN = 6  # longest symbol or code before a number, with its space: "CAN$ ", "USD$ "


# Characters a match can start with before its number: a symbol, a code or "zł" ("€", "C$",
# "EUR", "zł"). Other positions in the prefix span are not tried (the result is the same).
_PREFIX_STARTS = frozenset("€$£¥₴₩z")


def _match_at(text: str, anchor: int, floor: int) -> re.Match[str] | None:
    for start in range(max(floor, anchor - _PREFIX_SPAN), anchor + 1):
        if start != anchor:
            ch = text[start]
            if not (ch in _PREFIX_STARTS or ch.isupper() or ch.isdigit()):
                continue
        m = _PATTERN.match(text, start)
        if m is not None and m.end() > anchor:
            return m
    return None


def find_money(text: str) -> list[Money]:
    """All money expressions in ``text`` (one sentence, typically), left to right."""
    out: list[Money] = []
    last_end = 0
    # A spelled-out number is money only with a scale word ("Thirty million euros").
    low = text.lower()
    # Over the lower-cased text the anchor scan runs without IGNORECASE (much faster).
    if not any(w in low for w in _SCALE_WORDS):
        anchors = _DIGITS.finditer(text)
    elif len(low) == len(text):
        anchors = _ANCHOR_LOW.finditer(low)
    else:
        anchors = _ANCHOR.finditer(text)
    for anchor in anchors:
        if anchor.start() < last_end:
            continue
        m = _match_at(text, anchor.start(), last_end)
        if m is None:
            continue
        money = _to_money(text, m)
        if money is None:
            continue
        last_end = m.end()
        out.append(money)
    return _mark_conversions(text, out)


def _to_money(text: str, m: re.Match[str]) -> Money | None:
    if m.group("pre") is not None:
        number, scale = m.group("n1"), m.group("s1")
        currency = _SYMBOLS.get(m.group("pre")) or m.group("pre").upper()
    else:
        number, scale = m.group("n2"), m.group("s2")
        post = m.group("post")
        currency = _SYMBOLS.get(post) or (
            post.upper() if post.upper() in _CODES else _WORDS.get(" ".join(post.lower().split()))
        )
    if not currency:
        return None
    value = _parse_number(number)
    if value is None:
        return None
    if not number[0].isdigit() and not scale:
        return None  # "a dollar", "one euro": not an amount
    amount = value * _scale(scale)
    if amount < 1000 and not scale:
        return None  # "$5", "€ 10" without a scale are not support amounts
    start = m.start()
    qual = _QUAL_BEFORE.search(text, max(0, start - 20), start)
    qualifier = None
    if qual is not None:
        qualifier = _QUALIFIERS.get(" ".join(qual.group("qual").lower().split()))
        start = qual.start()
    return Money(
        amount=round(amount, 2),
        currency=currency,
        start=start,
        end=m.end(),
        text=text[start : m.end()],
        qualifier=qualifier,
    )


_CONVERSION_GAP = re.compile(
    r"^\s*(?:\(|\[|,?\s*or\s|—|–|-)\s*(?:(?:about|approx\.?|approximately|around|roughly|some|"
    r"abouts|c\.|ca\.|nearly|almost|just over|over|more than|equivalent to|equal to|=|~)\s*)*$",
    re.IGNORECASE,
)


# A bracket opened after an amount's clause, holding another currency: "C$3 billion worth of
# aid (approximately US$2.2 billion)" restates the first amount, however far the bracket is.
_BRACKET_OPEN = re.compile(
    r"[(\[]\s*(?:(?:about|approx\.?|approximately|around|roughly|some|nearly|almost|over|"
    r"more than|equivalent to|equal to|~)\s*)*$",
    re.IGNORECASE,
)


def _is_conversion(text: str, prev: Money, money: Money) -> bool:
    gap = text[prev.end : money.start]
    if _CONVERSION_GAP.match(gap) and ("(" in gap or "[" in gap or "or" in gap.lower()):
        return True
    bracket = _BRACKET_OPEN.search(gap)
    return (
        bracket is not None
        and len(gap) <= 120
        and money.currency != prev.currency
        and re.search(r"[()\[\];]", gap[: bracket.start()]) is None
    )


# 1.3.0: a bracket listing several conversions, "€500m ($578m/£500m)": each after the first
# restates the same amount.
_LISTED_CONVERSION_GAP = re.compile(r"^\s*(?:/|,|;|\bor\b)\s*$", re.IGNORECASE)


def _mark_conversions(text: str, found: list[Money]) -> list[Money]:
    """Flag an amount that restates the one before it in brackets (or after ", or about")."""
    out: list[Money] = []
    for i, money in enumerate(found):
        listed = (
            i > 0
            and out[i - 1].conversion
            and _LISTED_CONVERSION_GAP.match(text[found[i - 1].end : money.start]) is not None
        )
        if listed or (i > 0 and _is_conversion(text, found[i - 1], money)):
            money = Money(
                money.amount,
                money.currency,
                money.start,
                money.end,
                money.text,
                money.qualifier,
                conversion=True,
            )
        out.append(money)
    return out


NORDIC_BY_COUNTRY = {
    "Denmark": "DKK",
    "Norway": "NOK",
    "Sweden": "SEK",
    "Iceland": "ISK",
    "Czech Republic": "CZK",
}
