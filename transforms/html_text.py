"""Feed HTML (content:encoded, Atom content, full-text elements) to text that keeps the words.

Every text node counts, not only those inside <p>: Blogger separates paragraphs with <br>,
and outlets put a lead sentence before the first <p>. Line breaks come only from <br> and
block elements (source indentation is whitespace, as in a browser); each line becomes a
paragraph, joined by a blank line so sentence splitting never runs across two. What a
reader never sees (<template> tooltips, hidden and aria-hidden elements, scripts, styles)
is dropped, and boilerplate paragraphs are removed by the rules in transforms/boilerplate.
"""

from __future__ import annotations

import re

import lxml.etree
import lxml.html

from transforms.boilerplate import drop_boilerplate

BLOCK_TAGS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "caption",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    }
)
INVISIBLE = (
    "//script|//style|//noscript|//template|//iframe|//object|//embed|//svg|//button|//select"
    "|//textarea|//*[@hidden]|//*[@aria-hidden='true']"
)
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
WHITESPACE = re.compile(r"[\s\u00a0\u200b]+")
SPACES = re.compile(" {2,}")
TAG = re.compile(r"<[^>]+>")


def _drop_invisible(root: lxml.html.HtmlElement) -> None:
    for element in root.xpath(INVISIBLE):
        element.drop_tree()  # keeps the tail: the sentence around a tooltip stays whole
    for element in root.xpath("//*[@style]"):
        if HIDDEN_STYLE.search(element.get("style", "")):
            element.drop_tree()


def _lines(root: lxml.html.HtmlElement) -> list[str]:
    """Walk the tree once; '\\n' marks a <br> or a block boundary."""
    parts: list[str] = []
    for event, element in lxml.etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if tag == "br" or tag in BLOCK_TAGS:
                parts.append("\n")
            if element.text and tag:
                parts.append(WHITESPACE.sub(" ", element.text))
        else:
            if tag in BLOCK_TAGS:
                parts.append("\n")
            if element.tail and element is not root:
                parts.append(WHITESPACE.sub(" ", element.tail))
    return [SPACES.sub(" ", line).strip() for line in "".join(parts).split("\n")]


def html_text(html: str | None) -> str:
    """Plain text of an HTML fragment, one paragraph per line-separated block."""
    if not html or not html.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        lines = [WHITESPACE.sub(" ", TAG.sub(" ", html)).strip()]
    else:
        lxml.etree.strip_elements(root, lxml.etree.Comment, with_tail=False)
        _drop_invisible(root)
        lines = _lines(root)
    return "\n\n".join(drop_boilerplate([line for line in lines if line]))
