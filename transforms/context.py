"""Article-level context shared by the sentence-level recognisers.

Sentences are read in order; the context remembers what later sentences need: the article's
news date, the coalition last named (for "all of them", "the group"), the last pledge donor
(for "This includes …" components), coalition leaders ("co-led by Latvia and the UK") and
whether the text is a Canadian or Australian government statement (plain "$").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from transforms.actors import Mention, find_actors
from transforms.money import NORDIC_BY_COUNTRY
from transforms.sentences import Sentence

# Phrases (lower case) that mark a Canadian or Australian government statement or outlet.
_CAD_STATEMENT = (
    "government of canada", "national defence", "canadian armed forces", "canada.ca", "gc.ca",
    "cbc", "global news", "ctv news", "canadian press",
)  # fmt: skip
_AUD_STATEMENT = (
    "australian government", "albanese government", "minister for defence", "defence.gov.au",
    "abc news", "abc.net.au", "australian defence force", "sbs news",
)  # fmt: skip


@dataclass
class ArticleContext:
    """What the extractor knows about the article while reading it sentence by sentence.

    Actor mentions are found lazily (``actors_in``): most sentences of an article state no
    pledge or agreement, and the gazetteer scan is the costliest step.
    """

    published: dt.date | None
    sentences: list[Sentence]
    stems: list[set[str]]
    outlet: str = ""
    title: str = ""
    news_date: str | None = None  # from a dateline: the day of the whole story
    day_cues: list[tuple[int, str]] = field(default_factory=list)  # (sentence, "today" date)
    dollar: str = "USD"  # currency of a plain "$" for the state whose statement this is
    dollar_state: str | None = None
    last_coalition: str | None = None
    last_coalition_at: int = -100  # index of the sentence that named it
    last_donors: list[str] = field(default_factory=list)
    last_found: dict[int, str] = field(default_factory=dict)  # sentence → first donor found
    leaders: dict[str, list[str]] = field(default_factory=dict)
    _mentions: dict[int, list[Mention]] = field(default_factory=dict)
    _nordic: str | None = None

    @classmethod
    def build(
        cls,
        text: str,
        published: dt.date | None,
        sentences: list[Sentence],
        stems: list[set[str]],
        outlet: str | None,
        title: str | None,
    ) -> ArticleContext:
        ctx = cls(published, sentences, stems, outlet or "", title or "")
        head = f"{outlet or ''} {title or ''} {text[:3000]}".lower()
        if any(p in head for p in _CAD_STATEMENT):
            ctx.dollar, ctx.dollar_state = "CAD", "Canada"
        elif any(p in head for p in _AUD_STATEMENT):
            ctx.dollar, ctx.dollar_state = "AUD", "Australia"
        return ctx

    def actors_in(self, index: int) -> list[Mention]:
        """Actor mentions of sentence ``index`` (empty outside the article)."""
        if not 0 <= index < len(self.sentences):
            return []
        found = self._mentions.get(index)
        if found is None:
            found = find_actors(self.sentences[index].text, self.stems[index])
            self._mentions[index] = found
        return found

    def subject_of(self, index: int) -> str | None:
        """The first possible donor named in sentence ``index`` (for "It will also …")."""
        from transforms.pledges import donor_eligible

        for back in range(index, max(-1, index - 3), -1):
            first = next((m.name for m in self.actors_in(back) if donor_eligible(m)), None)
            if first or back in self.last_found:
                return first or self.last_found.get(back)
        return None

    def subject_of_sentence(self, index: int) -> str | None:
        """The first possible donor named in sentence ``index`` only (no look-back)."""
        from transforms.pledges import donor_eligible

        return next((m.name for m in self.actors_in(index) if donor_eligible(m)), None)

    def news_date_near(self, index: int, reach: int = 2) -> str | None:
        """The story's day for sentence ``index``: a day cue within ``reach`` sentences, or
        the dateline."""
        near = [(abs(i - index), value) for i, value in self.day_cues if abs(i - index) <= reach]
        return min(near)[1] if near else self.news_date

    @property
    def nordic(self) -> str:
        """DKK/NOK/SEK/CZK for a bare "kroner" or "crowns": the Nordic state named most."""
        if self._nordic is None:
            counts: dict[str, int] = {}
            for i in range(len(self.sentences)):
                if NORDIC_STEMS.isdisjoint(self.stems[i]):
                    continue
                for m in self.actors_in(i):
                    if m.name in NORDIC_BY_COUNTRY:
                        counts[m.name] = counts.get(m.name, 0) + 1
            best = max(counts, key=lambda k: counts[k]) if counts else "Denmark"
            self._nordic = NORDIC_BY_COUNTRY[best]
        return self._nordic


# Stems (sentences.keys) of the names and demonyms of states whose currency is a krone/crown.
NORDIC_STEMS = frozenset({"denma", "danis", "norwa", "norwe", "swede", "swedi", "czech", "icela"})
