"""Case-insensitive patterns run as case-sensitive ones over lower-cased text.

Python's ``re`` loses its fast paths under IGNORECASE (a scan is three to four times slower).
``icompile`` keeps the pattern's meaning but compiles a lower-cased copy and runs it over the
lower-cased sentence. Offsets stay valid because lower-casing keeps string length for the text
we accept; when it would not (a few non-ASCII letters), the IGNORECASE pattern is used.
Groups of a match hold lower-cased text: take spans from ``start()``/``end()`` where case matters.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from functools import lru_cache


def lower_pattern(pattern: str) -> str:
    """``pattern`` with its literal letters lower-cased; escapes and group syntax untouched."""
    out: list[str] = []
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern):
            out.append(pattern[i : i + 2])  # \S, \W, \B, \d … keep their meaning
            i += 2
            continue
        if pattern.startswith(("(?P<", "(?P="), i):
            end = pattern.find(">" if pattern[i + 3] == "<" else ")", i)
            out.append(pattern[i : end + 1])  # group names are case-sensitive
            i = end + 1
            continue
        out.append(ch.lower())
        i += 1
    return "".join(out)


@lru_cache(maxsize=512)
def _lower(text: str) -> str | None:
    low = text.lower()
    return low if len(low) == len(text) else None


class LowerPattern:
    """The subset of ``re.Pattern`` the recognisers use, over lower-cased text."""

    __slots__ = ("exact", "low", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.exact = re.compile(pattern, flags | re.IGNORECASE)
        self.low = re.compile(lower_pattern(pattern), flags & ~re.IGNORECASE)

    def _pick(self, text: str) -> tuple[re.Pattern[str], str]:
        low = _lower(text)
        return (self.exact, text) if low is None else (self.low, low)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        rx, subject = self._pick(text)
        return rx.search(subject, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        rx, subject = self._pick(text)
        return rx.match(subject, pos, endpos)

    def fullmatch(self, text: str) -> re.Match[str] | None:
        rx, subject = self._pick(text)
        return rx.fullmatch(subject)

    def finditer(self, text: str, pos: int = 0) -> Iterator[re.Match[str]]:
        rx, subject = self._pick(text)
        return rx.finditer(subject, pos)


def icompile(pattern: str, flags: int = 0) -> LowerPattern:
    """Like ``re.compile(pattern, re.IGNORECASE | flags)``, faster on long scans."""
    return LowerPattern(pattern, flags)
