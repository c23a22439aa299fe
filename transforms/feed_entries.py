"""Feed bytes in, normalised entries out (RSS 2.0, RSS 1.0/RDF, Atom).

Parsing takes the bytes, never a URL, so tests can feed golden XML and the HTTP layer keeps
its timeouts and size limits.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import UTC, datetime

import feedparser


@dataclass(frozen=True)
class FeedEntry:
    """One item of a feed, with the full text HTML when the feed carries it."""

    url: str
    title: str
    published_at: datetime | None  # UTC
    summary: str
    content_html: str | None  # content:encoded / atom:content, when present


@dataclass
class ParsedFeed:
    title: str | None
    entries: list[FeedEntry] = field(default_factory=list)
    bozo: bool = False  # malformed XML; the readable entries are still returned
    bozo_reason: str | None = None
    skipped: int = 0  # entries without a usable link


# feedparser flags these but the XML itself is fine (a wrong Content-Type header, or an
# encoding declaration it had to override): not counted as malformed.
BENIGN = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)


def _utc(struct) -> datetime | None:
    """feedparser gives a UTC struct_time; turn it into an aware datetime."""
    if not struct:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(struct), tz=UTC)
    except (OverflowError, ValueError, TypeError):
        return None


def _full_content(entry) -> str | None:
    """The longest text/html content block: content:encoded in RSS, <content> in Atom."""
    blocks = [c.get("value", "") for c in entry.get("content", []) or []]
    blocks = [b for b in blocks if b and b.strip()]
    return max(blocks, key=len) if blocks else None


def parse_feed(
    content: bytes, *, url: str = "", headers: dict[str, str] | None = None
) -> ParsedFeed:
    """Parse feed bytes; never raises on malformed input (bozo is recorded instead)."""
    response_headers = {k.lower(): v for k, v in (headers or {}).items()}
    if url:
        response_headers.setdefault("content-location", url)
    parsed = feedparser.parse(content, response_headers=response_headers, sanitize_html=True)
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    malformed = problem is not None and not isinstance(problem, BENIGN)
    result = ParsedFeed(
        title=parsed.feed.get("title"),
        bozo=malformed,
        bozo_reason=str(problem) if malformed else None,
    )
    for entry in parsed.entries:
        link = (entry.get("link") or "").strip()
        if not link.startswith(("http://", "https://")):
            result.skipped += 1
            continue
        result.entries.append(
            FeedEntry(
                url=link,
                title=(entry.get("title") or "").strip(),
                published_at=_utc(entry.get("published_parsed") or entry.get("updated_parsed")),
                summary=(entry.get("summary") or "").strip(),
                content_html=_full_content(entry),
            )
        )
    return result
