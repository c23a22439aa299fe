"""Per-feed health that tells the truth: why entries were unreadable, and when a feed fails.

An entry is unreadable when its article text could not be read (only its summary, or
nothing, was kept). A feed is failing when it yielded no readable entry in its last
FAILING_RUNS runs, or when most entries of its last run were unreadable; its status line
names the failure, e.g. "42 of 42 entries unreadable: page unreachable".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from transforms.rules import PatternRule

FAILING_RUNS = 3
PAGES_OFF = "pages off"  # feed-text-only mode, chosen by the operator: never a failure


# Each rule names the reason behind a fetch error message (flows/http.py FetchError.reason).
REASON_RULES = (
    PatternRule("HTTP {0}", re.compile(r"^HTTP (\d{3})"), "HTTP 404"),
    PatternRule(
        "too large", re.compile(r"too large|took over"), "response too large (over 10485760 bytes)"
    ),
    PatternRule("not HTML", re.compile(r"not an HTML page"), "not an HTML page (application/pdf)"),
    PatternRule("no text", re.compile(r"no article text"), "no article text found on the page"),
    PatternRule(
        "page unreachable",
        re.compile(r"timed out|connection|redirect|invalid URL|not allowed|refused|resolve|DNS"),
        "connection failed ([Errno 111] Connection refused)",
    ),
)


def unreadable_reason(message: str) -> str:
    """Short reason name for a failed page fetch; unknown messages are 'page unreachable'."""
    for rule in REASON_RULES:
        match = rule.pattern.search(message)
        if match:
            return rule.name.format(*match.groups())
    return "page unreachable"


def reasons_text(reasons: Mapping[str, int]) -> str:
    """'page unreachable' or 'page unreachable 40, HTTP 404 2', most frequent first."""
    ranked = sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0]))
    if len(ranked) == 1:
        return ranked[0][0]
    return ", ".join(f"{reason} {count}" for reason, count in ranked)


@dataclass(frozen=True)
class Health:
    failing: bool
    line: str  # what `status` prints after the outlet's name


def _yielded(fetch: Mapping[str, Any]) -> bool:
    """A run yielded something: not modified, or at least one entry was readable."""
    if fetch["status"] == "not_modified":
        return True
    if fetch["status"] != "ok":
        return False
    by_choice = (fetch.get("reasons") or {}).get(PAGES_OFF, 0)
    return bool(fetch["entries"] > fetch["unreadable"] - by_choice)


def _duplicates(count: int) -> str:
    return f"{count} duplicate{'s' * (count != 1)}"


def _failing_unreadable(reasons: Counter[str]) -> int:
    return sum(count for reason, count in reasons.items() if reason != PAGES_OFF)


def feed_health(fetches: Sequence[Mapping[str, Any]]) -> Health:
    """Verdict from a feed's fetch rows, newest first (status, entries, new_articles,
    duplicates, unreadable, reasons, summaries, error, bozo_reason, charset_source)."""
    if not fetches:
        return Health(False, "never fetched")
    last = fetches[0]
    recent = fetches[:FAILING_RUNS]
    notes: list[str] = []
    if last.get("bozo_reason"):
        notes.append(f"malformed XML, entries recovered: {last['bozo_reason']}")
    if last.get("charset_source") in ("detected", "none"):
        notes.append(f"charset guessed ({last.get('charset')})")
    if last.get("pages_charset_guessed"):
        notes.append(f"charset of {last['pages_charset_guessed']} pages guessed")
    if last["status"] == "failed":
        line = f"failed: {last.get('error') or 'unknown error'}"
    elif last["status"] == "not_modified":
        line = "not modified"
    else:
        reasons = Counter(last.get("reasons") or {})
        line = (
            f"{last['entries']} entries: {last['new_articles']} new, "
            f"{_duplicates(last['duplicates'])}, {last['unreadable']} unreadable"
        )
        if last["unreadable"]:
            line = (
                f"{last['unreadable']} of {last['entries']} entries unreadable: "
                f"{reasons_text(reasons)}"
                + (f" ({last['summaries']} summaries kept)" if last.get("summaries") else "")
                + f"; {last['new_articles']} new, {_duplicates(last['duplicates'])}"
            )
        bad = _failing_unreadable(reasons)
        if last["entries"] and bad * 2 > last["entries"]:
            return Health(True, "FAILING " + "; ".join([line, *notes]))
    if len(recent) >= FAILING_RUNS and not any(_yielded(f) for f in recent):
        return Health(True, f"FAILING: no readable entry in the last {FAILING_RUNS} runs; " + line)
    return Health(False, "; ".join([line, *notes]))
