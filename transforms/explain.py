"""Why the extractor recorded, or did not record, what it read: the rule trace per sentence.

An analyst who doubts a figure and a developer fixing a miss start from the same question:
which rules fired on this sentence? ``explain_article`` runs the extractor with a ``Trace``
and returns, for each sentence that produced a record or had a candidate dropped, the
sentence, its offsets and the steps, in reading order.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from transforms.extract import extract_article
from transforms.rules import Step, Trace
from transforms.sentences import split_sentences


@dataclass(frozen=True, slots=True)
class SentenceExplanation:
    index: int
    start: int
    end: int
    text: str
    steps: tuple[Step, ...]

    @property
    def recorded(self) -> bool:
        return any(s.outcome == "found" for s in self.steps)


def explain_article(
    text: str,
    published: dt.date | None,
    outlet: str | None = None,
    title: str | None = None,
    url: str | None = None,
) -> list[SentenceExplanation]:
    """The sentences that produced or nearly produced a record, with the rules that fired."""
    trace = Trace()
    extract_article(text, published, outlet=outlet, title=title, trace=trace, url=url)
    sentences = split_sentences(text)
    by_index: dict[int, list[Step]] = {}
    for step in trace.steps:
        by_index.setdefault(step.sentence, []).append(step)
    return [
        SentenceExplanation(i, sentences[i].start, sentences[i].end, sentences[i].text, tuple(s))
        for i, s in sorted(by_index.items())
        if 0 <= i < len(sentences)
    ]


def render_text(explained: list[SentenceExplanation]) -> str:
    """Plain text for a terminal: one block per sentence, a line per fired rule."""
    if not explained:
        return "no sentence of this article stated or nearly stated a record\n"
    lines: list[str] = []
    for e in explained:
        mark = "RECORD" if e.recorded else "nothing recorded"
        lines.append(f"[{e.index}] {e.start}-{e.end} {mark}")
        lines.append(f"  {e.text}")
        for step in e.steps:
            if step.outcome == "found":
                lines.append(f"  + {step.rule}: {step.detail}")
            else:
                lines.append(f"  - {step.rule} {step.outcome}: {step.detail}")
        lines.append("")
    return "\n".join(lines)
