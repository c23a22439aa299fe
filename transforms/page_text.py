"""Article page HTML in, the plain text that extraction reads out.

trafilatura finds the article body on a whole page (navigation, cookie banners and footers
left out); the same boilerplate rules as for feed text then drop donation and "read more"
paragraphs. Paragraphs are joined with a blank line so sentence splitting never runs across
them; the stored text is exactly what evidence offsets point into.
"""

from __future__ import annotations

import re

import trafilatura

from transforms.boilerplate import drop_boilerplate

SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


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
    paragraphs = (SPACES.sub(" ", p).strip() for p in text.split("\n"))
    return "\n\n".join(drop_boilerplate([p for p in paragraphs if p]))
