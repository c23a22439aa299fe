"""Which text of a feed entry is the article: the feed's full text, the page, or the summary.

The feed's own full text comes first; the page is fetched only when that text is a teaser
(a rule below says why). When the page cannot be read, the longest text the feed gave is
kept as the summary, and the entry still counts as unreadable with the page's reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from transforms.feed_entries import FeedEntry
from transforms.html_text import html_text

MIN_FULL_TEXT = 400  # characters; shorter feed text is a teaser


@dataclass(frozen=True)
class TeaserRule:
    name: str
    pattern: re.Pattern[str]
    example: str


# A full-text element whose text matches one of these is a teaser, whatever its length.
TEASER_RULES = (
    TeaserRule(
        "ends in an ellipsis",
        re.compile(r"(…|\.\.\.|\[…\]|\[\.\.\.\]|\[&#8230;\])\s*\)?\s*$"),
        "Germany will hand over four more IRIS-T systems, the minister said […]",
    ),
    TeaserRule(
        "ends in a read-more marker",
        re.compile(
            r"(continue reading|read more|read the full (story|article)|\(далі\)|\(далее\)|"
            r"читати далі|читать далее)\W*$",
            re.IGNORECASE,
        ),
        "Это первая поставка такого рода. (далі)",
    ),
)


@dataclass(frozen=True)
class FeedText:
    """The text the feed itself carries for one entry."""

    full: str  # text of the full-text element ('' when none)
    summary: str  # text of the description / Atom summary
    teaser: str | None  # why `full` is not the article (a rule name), None when it is

    @property
    def best_fallback(self) -> str:
        """What is kept when the page cannot be read: the longer of full and summary."""
        return max(self.full, self.summary, key=len)


def teaser_reason(text: str) -> str | None:
    """The rule that makes `text` a teaser, or None when it reads as the whole article."""
    if not text:
        return "no full text in the feed"
    for rule in TEASER_RULES:
        if rule.pattern.search(text):
            return rule.name
    if len(text) < MIN_FULL_TEXT:
        return f"shorter than {MIN_FULL_TEXT} characters"
    return None


def feed_text(entry: FeedEntry) -> FeedText:
    """The entry's full text and summary as plain text, and whether the full text is a teaser."""
    full = html_text(entry.content_html)
    return FeedText(full=full, summary=html_text(entry.summary), teaser=teaser_reason(full))
