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
from transforms.rules import PatternRule

MIN_FULL_TEXT = 150  # characters: a shorter "full text" is a teaser
SHORT_TEXT = 400  # a full text this short that adds nothing to the summary is the summary
TRUNCATED_MAX = 1000  # an ellipsis ends a teaser; a long text may end in one of its own


# A full text shorter than TRUNCATED_MAX that matches one of these is a teaser.
TEASER_RULES = (
    PatternRule(
        "ends in an ellipsis",
        re.compile(r"(…|\.\.\.|\[…\]|\[\.\.\.\])\s*\)?\s*$"),
        "Germany will hand over four more IRIS-T systems, the minister said […]",
    ),
    PatternRule(
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


def teaser_reason(full: str, summary: str = "") -> str | None:
    """Why `full` is only a teaser (a rule's name), or None when it reads as the article."""
    if not full:
        return "no full text in the feed"
    if len(full) < TRUNCATED_MAX:
        for rule in TEASER_RULES:
            if rule.pattern.search(full):
                return rule.name
    if len(full) < MIN_FULL_TEXT:
        return f"shorter than {MIN_FULL_TEXT} characters"
    if len(full) < SHORT_TEXT and len(full) <= len(summary):
        return "no longer than the summary"
    return None


def feed_text(entry: FeedEntry) -> FeedText:
    """The entry's full text and summary as plain text, and whether the full text is a teaser."""
    full = html_text(entry.content_html)
    summary = html_text(entry.summary)
    return FeedText(full=full, summary=summary, teaser=teaser_reason(full, summary))
