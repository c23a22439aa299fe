"""Article-level facts shared by the sentence-level recognisers.

What holds for the whole article, decided before or independently of the sentence order:
its sentences and their actors (found lazily), its news date, coalition leaders ("co-led by
Latvia and the UK", wherever stated), whose dollar a plain "$" is (a Canadian, Australian or
New Zealand statement or outlet), its home state. What the reader remembers from sentence to
sentence (last donors, last coalition) is not here: it is ``transforms.memory.Memory``,
passed along.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from transforms.actors import NON_DONORS, Actor, Mention, by_name, donor_eligible, find_actors
from transforms.dates import find_dates, is_earlier
from transforms.lowre import icompile
from transforms.memory import Memory
from transforms.money import NORDIC_BY_COUNTRY
from transforms.rules import Trace
from transforms.sentences import Sentence
from transforms.urls import host_of


@dataclass(frozen=True, slots=True)
class HomeDollar:
    """A state whose own statements and outlets write its dollar as a plain "$" (labelling
    rule 3), and how to tell one: phrases (lower case) in the outlet, title or lead, or the
    web address's country domain."""

    state: str
    currency: str
    phrases: tuple[str, ...]
    domain: str  # the host ends with it


HOME_DOLLARS: tuple[HomeDollar, ...] = (
    HomeDollar("Canada", "CAD", (
        "government of canada", "national defence", "canadian armed forces", "canada.ca",
        "gc.ca", "cbc", "global news", "ctv news", "canadian press",
        # 1.4.0: Canada's own outlets write its dollar as "$" too
        "omni television", "omnitv.ca", "globe and mail", "national post", "toronto star",
    ), ".ca"),
    HomeDollar("Australia", "AUD", (
        "australian government", "albanese government", "minister for defence", "defence.gov.au",
        "abc news", "abc.net.au", "australian defence force", "sbs news", ".com.au",
        "sydney morning herald",
        # 1.9: the national wire's copy, wherever it is printed
        "australian associated press", "(aap)",
    ), ".au"),
    # 1.9: New Zealand's government writes NZ$ as "$" too
    HomeDollar("New Zealand", "NZD", (
        "new zealand government", "beehive.govt.nz", "govt.nz", "nzdf", "new zealand defence force",
        "rnz", "nzherald", "nz herald", "stuff.co.nz", ".co.nz",
    ), ".nz"),
)  # fmt: skip


def home_dollar(head: str, host: str) -> HomeDollar | None:
    """The state whose dollar a plain "$" is in this article, if it is one's own."""
    for home in HOME_DOLLARS:
        if host.endswith(home.domain) or any(p in head for p in home.phrases):
            return home
    return None


# An office named without its state: "The Defence Secretary", "Foreign Minister Ignazio Cassis",
# "the government". In a state's own statement or a story about one state it is that state.
_OFFICE = icompile(
    r"\b(?:the\s+)?(?:(?:deputy\s+)?prime\s+minister|(?:defen[cs]e|foreign|finance|economy)\s+"
    r"(?:minister|secretary)|minister\s+(?:of|for)\s+(?:defen[cs]e|foreign\s+affairs)|"
    r"secretary\s+of\s+state\s+for\s+defen[cs]e|ministry\s+of\s+defen[cs]e|"
    r"(?:defen[cs]e|foreign)\s+ministry|the\s+(?:government|cabinet)|federal\s+council|"
    # 1.2.0 actor.home_government: "the new Labour government vowed to commit £3 billion"
    r"the\s+(?:(?:new|current|previous|former|incoming|outgoing|interim|coalition|federal|"
    r"labour|conservative|tory|liberal|socialist|social[- ]democratic|centre[- ](?:right|left))"
    r"\s+){1,2}(?:government|cabinet)|"
    # a department statement calls itself "the Department"
    r"the\s+(?:defen[cs]e\s+)?department(?!\s+of\b))\b",
)
# Stems (sentences.keys) one of which every _OFFICE match holds: the cheap gate.
OFFICE_STEMS = frozenset({"minis", "secre", "gover", "cabin", "counc", "depar"})
# Between a state and its office ("Ukraine's economy minister", "Canadian Defence Minister").
_OWNER_GAP = icompile(r"(?:'s|’s|')?\s*(?:[\w-]+\s+){0,2}")
# Between an office and what names its holder or state ("Defence Secretary John Healey",
# "the Ministry of Defence of Ukraine", "the government in Kyiv").
_HOLDER_GAP = icompile(r"\s*,?\s*|\s+(?:of|in|for)\s+(?:the\s+)?")


def _offices(sentence: str, found: list[Mention], home: Actor) -> list[Mention]:
    """``found`` plus the unqualified offices of ``sentence``, read as the home state."""
    extra: list[Mention] = []
    for m in _OFFICE.finditer(sentence):
        start, end = m.start(), m.end()
        if sentence[start : start + 4].lower() == "the ":
            start += 4
        if any(x.start < end and start < x.end for x in found):
            continue
        owner = any(x.end <= start and _OWNER_GAP.fullmatch(sentence[x.end : start]) for x in found)
        holder = any(
            x.start >= end and _HOLDER_GAP.fullmatch(sentence[end : x.start]) for x in found
        )
        if not (owner or holder):
            extra.append(Mention(home, start, end, sentence[start:end]))
    if not extra:
        return found
    return sorted(found + extra, key=lambda x: x.start)


@dataclass
class ArticleContext:
    """What the extractor knows about the article while reading it sentence by sentence.

    Actor mentions are found lazily (``actors_in``): most sentences of an article state no
    pledge or agreement, and the gazetteer scan is the costliest step.
    """

    published: dt.date | None
    sentences: list[Sentence]
    stems: Sequence[set[str]]  # sentences.keys of each sentence
    outlet: str = ""
    title: str = ""
    news_date: str | None = None  # from a dateline: the day of the whole story
    _day_cues: dict[int, str | None] = field(default_factory=dict)  # sentence → "today" date
    dollar: str = "USD"  # currency of a plain "$" for the state whose statement this is
    dollar_state: str | None = None
    leaders: dict[str, list[str]] = field(default_factory=dict)
    _mentions: dict[int, list[Mention]] = field(default_factory=dict)
    _nordic: str | None = None
    _home: Actor | bool | None = False  # False: not yet decided

    @classmethod
    def build(
        cls,
        text: str,
        published: dt.date | None,
        sentences: list[Sentence],
        stems: Sequence[set[str]],
        outlet: str | None,
        title: str | None,
        url: str | None = None,
    ) -> ArticleContext:
        ctx = cls(published, sentences, stems, outlet or "", title or "")
        head = f"{outlet or ''} {title or ''} {text[:3000]}".lower()
        home = home_dollar(head, host_of(url))
        if home is not None:
            ctx.dollar, ctx.dollar_state = home.currency, home.state
        return ctx

    def actors_in(self, index: int) -> list[Mention]:
        """Actor mentions of sentence ``index`` (empty outside the article)."""
        if not 0 <= index < len(self.sentences):
            return []
        found = self._mentions.get(index)
        if found is None:
            text = self.sentences[index].text
            found = find_actors(text, self.stems[index])
            if not OFFICE_STEMS.isdisjoint(self.stems[index]):
                home = self.home
                if home is not None:
                    found = _offices(text, found, home)
            self._mentions[index] = found
        return found

    @property
    def home(self) -> Actor | None:
        """The one state whose statement or story this is: named alone in the outlet, else
        the title, else the lead sentence (a story about two states has none)."""
        if self._home is False:
            self._home = None
            lead = self.sentences[0].text if self.sentences else ""
            for source in (self.outlet, self.title, lead):
                names = {
                    m.name
                    for m in find_actors(source)
                    if m.kind == "country" and m.name not in NON_DONORS
                }
                if len(names) == 1:
                    self._home = by_name()[names.pop()]
                    break
        return self._home  # type: ignore[return-value]

    def subject_of(self, index: int, memory: Memory) -> str | None:
        """The first possible donor named in sentence ``index`` or the two before it, else
        the donor a pledge there had (for "It will also …")."""
        for back in range(index, max(-1, index - 3), -1):
            first = next((m.name for m in self.actors_in(back) if donor_eligible(m)), None)
            found = first or memory.donor_found_in(back)
            if found:
                return found
        return None

    def subject_of_sentence(self, index: int) -> str | None:
        """The first possible donor named in sentence ``index`` only (no look-back)."""
        return next((m.name for m in self.actors_in(index) if donor_eligible(m)), None)

    def news_date_near(self, index: int, reach: int = 2) -> str | None:
        """The story's day for sentence ``index``: a day cue within ``reach`` sentences, or
        the dateline."""
        near = []
        for i in range(max(0, index - reach), min(len(self.sentences), index + reach + 1)):
            value = self.day_cue(i)
            if value is not None:
                near.append((abs(i - index), value))
        return min(near)[1] if near else self.news_date

    def day_before(self, index: int, reach: int = 5) -> str | None:
        """The day cue of the nearest sentence before ``index``: what "the same day" means."""
        for i in range(index - 1, max(-1, index - reach - 1), -1):
            value = self.day_cue(i)
            if value is not None:
                return value
        return None

    def day_cue(self, index: int) -> str | None:
        """The relative day cue ("today", "on Thursday") dating sentence ``index``'s news.

        Found on demand and kept: only sentences near a record need it.
        """
        if index in self._day_cues:
            return self._day_cues[index]
        value = None
        if self.published is not None and not DAY_STEMS.isdisjoint(self.stems[index]):
            text = self.sentences[index].text
            for cue in find_dates(text, self.published, self.stems[index]):
                if cue.relative and cue.precision == "day" and not is_earlier(cue, self.published):
                    value = cue.value
                    break
        self._day_cues[index] = value
        return value

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


# Stems of the relative day cues ("today", "on Thursday", "this afternoon").
DAY_STEMS = frozenset({
    "today", "tonig", "yeste", "morni", "after", "eveni", "day", "monda", "tuesd", "wedne",
    "thurs", "frida", "satur", "sunda", "ago",
})  # fmt: skip
# Stems (sentences.keys) of the names and demonyms of states whose currency is a krone/crown.
NORDIC_STEMS = frozenset({"denma", "danis", "norwa", "norwe", "swede", "swedi", "czech", "icela"})


@dataclass(frozen=True, slots=True)
class SentenceView:
    """What a sentence's readers (pledges, agreements) see: the sentence, the actors in it,
    the article's facts, the memory of the sentences before, its word stems, and the trace
    that records their decisions."""

    sent: Sentence
    mentions: list[Mention]
    ctx: ArticleContext
    memory: Memory
    stems: set[str]
    trace: Trace | None = None
