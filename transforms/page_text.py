"""Article HTML in, the plain text that extraction reads out.

Paragraphs are joined with a blank line so sentence splitting never runs across them; the
stored text is exactly what evidence offsets point into.
"""

from __future__ import annotations

import re

import lxml.html
import trafilatura

BLOCK_TAGS = ("p", "h1", "h2", "h3", "h4", "li", "blockquote", "pre", "td")
BLOCKS = "|".join(f"//{t}" for t in BLOCK_TAGS)
NESTED = "|".join(f"ancestor::{t}" for t in BLOCK_TAGS)
SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


def _tidy(paragraphs: list[str]) -> str:
    cleaned = (SPACES.sub(" ", p).strip() for p in paragraphs)
    return "\n\n".join(p for p in cleaned if p)


def fragment_text(html: str) -> str:
    """Text of an HTML fragment such as content:encoded (already the article body)."""
    if not html or not html.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return _tidy([re.sub(r"<[^>]+>", " ", html)])
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    blocks = root.xpath(BLOCKS)
    if not blocks:
        return _tidy(root.text_content().split("\n"))
    return _tidy(
        [
            b.text_content()
            for b in blocks
            if not b.xpath(f"ancestor::{'|ancestor::'.join(BLOCK_TAGS)}")
        ]
    )


def page_text(html: str, url: str | None = None) -> str:
    """Main text of a whole article page: boilerplate (nav, cookie banners, footers) removed."""
    if not html or not html.strip():
        return ""
    text = trafilatura.extract(
        html,
        url=url,
        output_format="txt",
        include_comments=False,
        include_tables=False,
        include_images=False,
        favor_precision=True,
        deduplicate=False,
    )
    if not text:
        return ""
    return _tidy(text.split("\n"))
