"""Sentence splitting with character offsets into the original text.

Evidence must point back into the stored article text, so the splitter never rewrites text:
it only finds boundaries. Newlines end a sentence (headlines, list items and bylines are
lines of their own in scraped articles); inside a line a full stop, question or exclamation
mark followed by a capital, digit or quote ends one, except after common abbreviations.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from transforms.rules import PatternRule

# fmt: off
_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "st", "jr", "sr",
    "vs", "etc", "inc", "ltd", "co", "corp", "no", "nos", "fig", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "e.u", "a.m", "p.m",
    "approx", "est", "dept", "gov", "sen", "rep", "adm", "cmdr", "ft", "mt",
})
# fmt: on
# A boundary: a line break, or terminal punctuation with optional closing quotes/brackets and
# whitespace before a capital, digit or opening quote.
_SPLIT = re.compile(r"\n|[.!?…]+[\"'”’»)\]]*\s+(?=[\"'“‘«(\[]?[A-Z0-9А-ЯІЇЄҐ])")
# A line break that does not end a sentence: text hard-wrapped at a fixed width (government
# releases copied from e-mail or PDF). The line breaks after a lower-case word or a comma and
# the next line goes on in lower case or with a sum; a headline or a list item ends in neither.
LINE_JOINS: tuple[PatternRule, ...] = (
    PatternRule(
        "sentence.join.wrapped_line",
        re.compile(r"[a-z,][ \t]*\n[ \t]*(?:[a-z]|[$€£]\d)"),
        "To meet that request, in partnership with the Australian defence\n"
        "industry, we will provide an additional $25 million AUD of defensive military\n"
        "assistance for the Ukrainian Armed Forces.",
    ),
)
# After an abbreviation these still start a new sentence ("… in the U.S. The …").
_RESTARTS = ("The ", "This ", "It ", "He ", "She ", "They ", "We ")


class Sentence(NamedTuple):
    """A sentence and its span: ``text[start:end] == sentence.text`` (a tuple: cheap to build)."""

    text: str
    start: int
    end: int
    # Shadows tuple.index(); nothing here calls that method on a Sentence.
    index: int  # type: ignore[assignment]


def _is_abbreviation(line: str, dot: int) -> bool:
    """True when the full stop at ``dot`` closes an abbreviation or an initial, not a sentence."""
    if line[dot] != "." or not line[dot - 1 : dot].isalpha():
        return False
    floor = max(0, dot - 12)
    j = max(line.rfind(" ", floor, dot), line.rfind("\n", floor, dot), floor - 1) + 1
    while j < dot and not (line[j].isalpha() or line[j] == "."):
        j += 1
    word = line[j:dot].lower()
    if len(word) > 7 or not word.replace(".", "").isalpha():
        return False
    if not word:
        return False
    if word in _ABBREVIATIONS:
        return True
    # Single capital initial ("John F. Kennedy") or dotted acronym ("U.S.", "E.U.").
    return (len(word) == 1 and line[dot - 1].isupper()) or ("." in word and len(word) <= 5)


def _plain_word_before(text: str, dot: int) -> bool:
    """A fast "not an abbreviation": a space, then 2-8 letters that are no known abbreviation
    (what ``_is_abbreviation`` decides too, without its general scan)."""
    space = text.rfind(" ", max(0, dot - 9), dot)
    if space < 0:
        return False
    word = text[space + 1 : dot]
    return len(word) > 1 and word.isalpha() and word.lower() not in _ABBREVIATIONS


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into stripped sentences with exact offsets; never raises."""
    out: list[Sentence] = []
    begin = 0
    for m in _SPLIT.finditer(text):
        cut = m.start()
        if text[cut] == "\n":
            if _joined(text, cut):
                continue
            _emit(text, begin, cut, out)
        else:
            # Only a short word or an initial before a full stop can be an abbreviation.
            if (
                text[cut] == "."
                and not text[max(0, cut - 8) : cut].isalpha()
                and not _plain_word_before(text, cut)
                and _is_abbreviation(text, cut)
                and not text.startswith(_RESTARTS, m.end())
            ):
                continue
            # End after the punctuation and closing quotes, before the whitespace.
            _emit(text, begin, cut + len(m.group().rstrip()), out)
        begin = m.end()
    _emit(text, begin, len(text), out)
    return out


def _joined(text: str, cut: int) -> bool:
    """The line break at ``cut`` continues its sentence (``LINE_JOINS``)."""
    for rule in LINE_JOINS:
        m = rule.pattern.search(text, max(0, cut - 8), cut + 8)
        if m is not None and m.start() < cut < m.end():
            return True
    return False


def _emit(text: str, begin: int, end: int, out: list[Sentence]) -> None:
    chunk = text[begin:end]
    stripped = chunk.strip()
    if stripped:
        start = begin + chunk.find(stripped[0])  # where the stripped text begins
        out.append(Sentence(stripped, start, start + len(stripped), len(out)))


_TOKEN = re.compile(r"[a-z]+|\d|[€$£¥₴₩]")
# The first five letters of each word (a word starts after a non-letter), digits, symbols.
_KEY = re.compile(r"(?<![a-z])[a-z]{1,5}|\d|[€$£¥₴₩]")
DIGITS = frozenset("0123456789")
# Stems that can start a money expression: a digit or a scale word ("half a billion euros").
NUMBER_STEMS = DIGITS | {"thous", "milli", "billi", "trill"}
# Stems of every currency symbol, code and word the money parser knows (see money.py).
CURRENCY_STEMS = frozenset({
    "€", "$", "£", "¥", "₴", "₩", "eur", "euro", "euros", "usd", "gbp", "sek", "nok", "dkk",
    "uah", "cad", "aud", "nzd", "jpy", "chf", "pln", "czk", "huf", "ron", "bgn", "isk", "krw",
    "try", "cny", "dolla", "pound", "sterl", "yen", "hryvn", "krone", "krono", "kronu", "crown",
    "zloty", "zlot", "franc", "korun", "forin", "lei", "won", "zł", "kč",
    "z", "k",  # the letters of "zł" and "Kč" that keys() sees (it reads a-z only)
})  # fmt: skip


def may_have_money(stems: set[str]) -> bool:
    """False when a sentence cannot contain a money expression (no number or no currency)."""
    return not NUMBER_STEMS.isdisjoint(stems) and not CURRENCY_STEMS.isdisjoint(stems)


def keys(text: str) -> set[str]:
    """The five-letter prefixes of the words of ``text`` (lower case), digits as themselves.

    Recognisers test these against small sets of word stems before running their full
    patterns: one tokenisation per sentence replaces a dozen case-insensitive regex scans.
    """
    return set(_KEY.findall(text.lower()))


def sentence_keys(text: str, sentences: list[Sentence]) -> list[set[str]]:
    """``keys`` of every sentence of ``text``, lower-casing the article once."""
    low = text.lower()
    if len(low) != len(text):  # lower-casing moved offsets: one sentence at a time
        return [keys(s.text) for s in sentences]
    findall = _KEY.findall
    return [set(findall(low, s.start, s.end)) for s in sentences]
