"""Bytes to text with the charset chosen as browsers choose it.

Order: byte-order mark, the HTTP Content-Type charset, the XML declaration, `<meta charset>`
or `<meta http-equiv>`, then detection (charset-normalizer). A declared charset that does not
decode the bytes is passed over, so a server's wrong header does not turn a windows-1251 feed
into mojibake; when no declaration works the charset is guessed, and callers count that.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import charset_normalizer

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([^\s;\"']+)", re.IGNORECASE)
XML_DECLARATION = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._:-]+)[\"']")
# Covers <meta charset="x"> and <meta http-equiv="Content-Type" content="text/html; charset=x">.
META_CHARSET = re.compile(rb"<meta[^>]+?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.IGNORECASE)
META_SCAN = 8192  # browsers look at the first 1024 bytes; some CMSs put 5 kB of head first
DETECT_SCAN = 256 * 1024  # detection needs a sample, not a whole 10 MB feed
# Labels that browsers (WHATWG Encoding) read as another charset.
WHATWG_ALIASES = {
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "x-cp1251": "cp1251",
    "x-user-defined": "cp1252",
}


@dataclass(frozen=True)
class Decoded:
    """Text and how its charset was decided (bom, http, xml, meta, default, detected, none)."""

    text: str
    encoding: str
    source: str

    @property
    def guessed(self) -> bool:
        """No declaration held and the bytes were not plain ASCII: the charset is a guess."""
        return self.source in ("detected", "none")


def codec(label: str | None) -> str | None:
    """Python's codec name for a charset label, or None for a label nobody knows."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    try:
        return codecs.lookup(WHATWG_ALIASES.get(label, label)).name
    except LookupError:
        return None


def declared(data: bytes, content_type: str | None = None) -> list[tuple[str, str]]:
    """(source, codec) of every charset the bytes and headers declare, in browsers' order."""
    found: list[tuple[str, str]] = []
    header = HEADER_CHARSET.search(content_type or "")
    xml = XML_DECLARATION.match(data[:512])
    meta = META_CHARSET.search(data[:META_SCAN])
    for source, match in (("http", header), ("xml", xml), ("meta", meta)):
        if match is None:
            continue
        label = match.group(1)
        name = codec(label.decode("ascii", "replace") if isinstance(label, bytes) else label)
        # A page that is already text in UTF-16 cannot say so in ASCII bytes: ignore the claim.
        if name and not name.startswith("utf-16") and not name.startswith("utf-32"):
            found.append((source, name))
    return found


def _strict(data: bytes, name: str) -> str | None:
    try:
        return data.decode(name)
    except (UnicodeDecodeError, LookupError):
        return None


def decode(data: bytes, content_type: str | None = None, *, xml: bool = False) -> Decoded:
    """Decode a feed (`xml=True`) or a page; never raises, never leaves mojibake unflagged."""
    name: str | None  # the charset tried; detection may find none
    for bom, name in BOMS:
        if data.startswith(bom):
            return Decoded(data.decode(name, "replace"), name, "bom")
    for source, name in declared(data, content_type):
        text = _strict(data, name)
        if text is not None:
            return Decoded(text, name, source)
    if data.isascii():
        return Decoded(data.decode("ascii"), "ascii", "default")
    if xml and not declared(data) and (text := _strict(data, "utf-8")) is not None:
        return Decoded(text, "utf-8", "default")  # XML without a declaration is UTF-8
    best = charset_normalizer.from_bytes(data[:DETECT_SCAN]).best()
    name = codec(best.encoding) if best is not None else None
    if name and (text := _strict(data, name)) is not None:
        return Decoded(text, name, "detected")
    if (text := _strict(data, "utf-8")) is not None:
        return Decoded(text, "utf-8", "detected")
    return Decoded(data.decode(name or "utf-8", "replace"), name or "utf-8", "none")


XML_ENCODING = re.compile(r"^(\s*<\?xml[^>]*?encoding\s*=\s*)[\"'][^\"']*[\"']")


def as_utf8_xml(decoded: Decoded) -> bytes:
    """The feed re-encoded as UTF-8 with its declaration saying so (what feedparser is given)."""
    text = decoded.text.lstrip("\ufeff")
    return XML_ENCODING.sub(r'\1"utf-8"', text, count=1).encode("utf-8")
