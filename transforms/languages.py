"""Which language an article is in, and which languages the extractor reads.

py3langid (langid.py's model, offline, ~0.45 ms an article) names the language by ISO 639-1
code. Articles in a language the extractor does not read are stored and counted, never run
through the English rules.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Iterable
from typing import Protocol

EXTRACTOR_LANGUAGES = frozenset({"en"})  # the rules in transforms/ read English only
UNDETERMINED = "und"  # ISO 639-2 code for "cannot tell" (too little text)
MIN_LETTERS = 20
# The title and first paragraphs tell the language; the rest only costs time (~1 ms an
# article at 5,000 characters, 0.45 ms at 1,500, with the same answer on all 275 real items
# of ../shared/realfeeds and our labelled sets).
SAMPLE_CHARS = 1500
NAMES = {
    "en": "English",
    "uk": "Ukrainian",
    "ru": "Russian",
    "de": "German",
    "fr": "French",
    "pl": "Polish",
    "sv": "Swedish",
    "no": "Norwegian",
    "nb": "Norwegian",
    "da": "Danish",
    "fi": "Finnish",
    "et": "Estonian",
    "lv": "Latvian",
    "lt": "Lithuanian",
    "cs": "Czech",
    "sk": "Slovak",
    "nl": "Dutch",
    "es": "Spanish",
    "it": "Italian",
    "pt": "Portuguese",
    "ro": "Romanian",
    "bg": "Bulgarian",
    "hu": "Hungarian",
    "ja": "Japanese",
    "und": "undetermined language",
}


class _Identifier(Protocol):
    """What is used of py3langid's LanguageIdentifier (the package ships no types)."""

    def classify(self, text: str) -> tuple[str, float]: ...


_LOCK = threading.Lock()
_MODEL: list[_Identifier] = []  # the identifier, loaded once per process (~0.7 s, ~100 MB)


def _identifier() -> _Identifier:
    """The model, loaded by the first caller while concurrent callers wait for it: page
    workers are threads, and functools.cache would let each of them load its own copy."""
    if not _MODEL:
        with _LOCK:
            if not _MODEL:
                from py3langid.langid import MODEL_FILE, LanguageIdentifier

                _MODEL.append(LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True))
    return _MODEL[0]


def detect(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, probability) of the text's language; ('und', 0.0) if too short."""
    sample = text[:SAMPLE_CHARS]
    if sum(c.isalpha() for c in sample) < MIN_LETTERS:
        return UNDETERMINED, 0.0
    code, probability = _identifier().classify(sample)
    probability = float(probability)
    return code, round(probability, 4) if math.isfinite(probability) else 0.0


def extractor_reads(language: str | None) -> bool:
    """True when the extractor's rules are written for this language."""
    return language in EXTRACTOR_LANGUAGES


def language_name(code: str | None) -> str:
    return NAMES.get(code or UNDETERMINED, code or "undetermined language")


def reading_line(counts: Iterable[tuple[str | None, int]]) -> str:
    """'1,240 articles read in English; 3,310 in Ukrainian and Russian stored, not yet read',
    from (language, articles) pairs, most first."""
    counts = list(counts)
    read = sum(n for code, n in counts if extractor_reads(code))
    line = f"{read:,} article{'s' * (read != 1)} read in English"
    unread = [(code, n) for code, n in counts if not extractor_reads(code) and n]
    if unread:
        names = [language_name(code) for code, _ in unread]
        joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        line += f"; {sum(n for _, n in unread):,} in {joined} stored, not yet read"
    return line
