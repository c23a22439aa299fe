"""Feed bytes in, normalised entries out (RSS 2.0, RSS 1.0/RDF, Atom).

Parsing takes the bytes, never a URL, so tests can feed golden XML and the HTTP layer keeps
its timeouts and size limits. The bytes are decoded here (transforms/charsets: BOM, header,
XML declaration, then detection) and handed to feedparser as UTF-8, so a feed that declares
no charset or a wrong one is not read as mojibake. feedparser's sanitiser is off: it keeps
the text of a <template> tooltip while dropping the tag, and nothing here renders feed HTML;
transforms/html_text drops what a reader never sees.
"""

from __future__ import annotations

import calendar
import html
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import feedparser

from transforms.charsets import as_utf8_xml, decode
from transforms.rules import PatternRule
from transforms.urls import canonical_url, stable_id


@dataclass(frozen=True)
class FeedEntry:
    """One item of a feed, with the full text HTML when the feed carries it."""

    url: str
    title: str
    published_at: datetime | None  # UTC
    summary: str  # description / Atom summary, HTML
    content_html: str | None  # the longest full-text element, when present
    content_element: str | None = None  # which element it came from (content, full-text, ...)


@dataclass
class ParsedFeed:
    title: str | None
    entries: list[FeedEntry] = field(default_factory=list)
    bozo: bool = False  # malformed XML; the readable entries are still returned
    bozo_reason: str | None = None
    skipped: int = 0  # entries without a usable link
    charset: str = "utf-8"
    charset_source: str = "default"  # bom, http, xml, meta, default, detected or none
    charset_guessed: bool = False


# content:encoded and Atom <content> are feedparser's `content`; these are the others.
FULL_TEXT_RULES = (
    PatternRule(
        "full-text element",
        re.compile(r"(?:^|_)full[-_]?text$", re.IGNORECASE),
        "<full-text> (Suspilne via ukr.net), <yandex:full-text>, <fulltext>",
    ),
    PatternRule(
        "Yandex Turbo content", re.compile(r"^turbo_content$"), "<turbo:content> (Yandex Turbo)"
    ),
    PatternRule(
        "article body or text",
        re.compile(r"(?:^|_)(article[-_]?(body|text)|body[-_]?text|main[-_]?text)$", re.I),
        "<articleBody>, <article_text>, <bodytext>, <maintext>",
    ),
    PatternRule("bare text element", re.compile(r"^text$"), "<text>"),
)

# feedparser flags these but the XML itself is fine (a wrong Content-Type header, or an
# encoding declaration it had to override): not counted as malformed.
BENIGN = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)


def _utc(struct: time.struct_time | None) -> datetime | None:
    """feedparser gives a UTC struct_time; turn it into an aware datetime."""
    if not struct:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(struct), tz=UTC)
    except (OverflowError, ValueError, TypeError):
        return None


def _as_html(block: Mapping[str, str | None]) -> str:
    """A content block as HTML; plain-text blocks keep their line breaks."""
    value = block.get("value") or ""
    if "<" not in value and "&lt;" in value:  # HTML escaped twice (CDATA in an XHTML body)
        value = html.unescape(value)
    if block.get("type") == "text/plain":
        return html.escape(value).replace("\n", "<br>")
    return value


def _full_content(entry: Mapping[str, Any]) -> tuple[str | None, str | None]:
    """(HTML, element) of the longest full-text block the entry carries."""
    blocks = [(_as_html(c), "content") for c in entry.get("content", []) or []]
    for key, value in entry.items():
        if isinstance(value, str) and any(rule.pattern.search(key) for rule in FULL_TEXT_RULES):
            blocks.append((value, key))
    blocks = [b for b in blocks if b[0] and b[0].strip()]
    return max(blocks, key=lambda b: len(b[0])) if blocks else (None, None)


def _title(entry: Mapping[str, Any]) -> str:
    title = (entry.get("title") or "").strip()
    if (entry.get("title_detail") or {}).get("type") == "text/html" and "<" in title:
        title = re.sub(r"<[^>]+>", "", title)
    return " ".join(title.split())


def parse_feed(
    content: bytes, *, url: str = "", headers: dict[str, str] | None = None
) -> ParsedFeed:
    """Parse feed bytes; never raises on malformed input (bozo is recorded instead)."""
    response_headers = {k.lower(): v for k, v in (headers or {}).items()}
    decoded = decode(content, response_headers.get("content-type"), xml=True)
    response_headers["content-type"] = "application/xml; charset=utf-8"
    if url:
        response_headers.setdefault("content-location", url)
    parsed = feedparser.parse(
        as_utf8_xml(decoded), response_headers=response_headers, sanitize_html=False
    )
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    malformed = problem is not None and not isinstance(problem, BENIGN)
    result = ParsedFeed(
        title=parsed.feed.get("title"),
        bozo=malformed,
        bozo_reason=str(problem) if malformed else None,
        charset=decoded.encoding,
        charset_source=decoded.source,
        charset_guessed=decoded.guessed,
    )
    for entry in parsed.entries:
        link = (entry.get("link") or "").strip()
        if not link.startswith(("http://", "https://")):
            result.skipped += 1
            continue
        content_html, element = _full_content(entry)
        result.entries.append(
            FeedEntry(
                url=link,
                title=_title(entry),
                published_at=_utc(entry.get("published_parsed") or entry.get("updated_parsed")),
                summary=(entry.get("summary") or "").strip(),
                content_html=content_html,
                content_element=element,
            )
        )
    return result


def unique_entries(entries: list[FeedEntry]) -> tuple[list[FeedEntry], int]:
    """One entry per article (canonical URL), the one carrying the most text; and how many
    repeats were dropped. A feed may list an article twice, once with an empty body."""
    best: dict[str, FeedEntry] = {}
    for entry in entries:
        article_id = stable_id(canonical_url(entry.url))
        kept = best.get(article_id)
        if kept is None or _size(entry) > _size(kept):
            best[article_id] = entry
    return list(best.values()), len(entries) - len(best)


def _size(entry: FeedEntry) -> int:
    return len(entry.content_html or "") + len(entry.summary)
