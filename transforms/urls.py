"""Canonical article URLs, so one article carried by two feeds or two runs is one row."""

from __future__ import annotations

import hashlib
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

TRACKING_PREFIXES = ("utm_", "mc_", "pk_", "hsa_")
TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "msclkid",
        "yclid",
        "igshid",
        "ref",
        "ref_src",
        "cmpid",
        "ito",
        "at_medium",
        "at_campaign",
        "_ga",
        "mkt_tok",
        "spm",
        "ocid",
    }
)


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, drop default ports, tracking parameters and fragment.

    Path case and the order of meaningful parameters are kept: servers may treat them as
    significant. Parameters are sorted so ?a=1&b=2 and ?b=2&a=1 agree.
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        host = f"{host}:{port}"
    query = sorted(
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not (k.lower().startswith(TRACKING_PREFIXES) or k.lower() in TRACKING_PARAMS)
    )
    path = parts.path or "/"
    return urlunsplit((scheme, host, path, urlencode(query), ""))


def host_of(url: str | None) -> str:
    """The lower-case host of ``url``; empty when there is none or it cannot be parsed."""
    try:
        return (urlsplit(url or "").hostname or "").lower()
    except ValueError:  # "http://[bad": a malformed address names no host
        return ""


def stable_id(*parts: object) -> str:
    """First 16 hex digits of SHA-256 over the parts: short, stable across runs and machines."""
    digest = hashlib.sha256("\x1f".join("" if p is None else str(p) for p in parts).encode())
    return digest.hexdigest()[:16]


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
