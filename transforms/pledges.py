"""Pledges: who gives what to whom, read from one sentence at a time.

A pledge is anchored either on an amount of money or, when the sentence names none, on a
concrete object of a pledge verb ("several F-16 fighter jets", "further financial
contributions"). For each anchor the donor is found by a fixed order of syntactic cues:
an actor right before the amount ("the UK's existing £3bn"), a passive or source agent
("agreed by the G7", "aid from Norway"), the subject of the nearest pledge verb, the subject
of a relative clause after the amount ("the 7 billion kroner that Denmark allocated"), a
collective subject tied to a coalition ("All of them have pledged"). A conjoined subject
("Canada, Norway and the Netherlands") yields one record per donor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from transforms import cues
from transforms.actors import NON_DONORS, Mention
from transforms.context import ArticleContext
from transforms.dates import best_date, find_dates, is_earlier, past_year
from transforms.lowre import icompile
from transforms.money import NORDIC_BY_COUNTRY, Money, find_money
from transforms.records import PledgeMention
from transforms.sentences import Sentence, keys, may_have_money

_I = re.IGNORECASE

PLEDGE_VERB = icompile(
    r"\b(?:provid(?:e|es|ed|ing)|pledg(?:e|es|ed|ing)|commit(?:s|ted|ting)?|"
    r"allocat(?:e|es|ed|ing)|contribut(?:e|es|ed|ing)|donat(?:e|es|ed|ing)|giv(?:e|es|en|ing)|"
    r"gave|send(?:s|ing)?|sent|deliver(?:s|ed|ing)?|suppl(?:y|ied|ying)|"
    r"transfer(?:s|red|ring)?|approv(?:e|es|ed|ing)|announc(?:e|es|ed|ing)|unveil(?:s|ed|ing)?|"
    r"confirm(?:s|ed)|present(?:s|ed|ing)?|roll(?:s|ed|ing)?\s+out|devot(?:e|es|ed|ing)|"
    r"earmark(?:s|ed|ing)?|grant(?:s|ed)|loan(?:s|ed|ing)?|lend(?:s|ing)?|lent|"
    r"fund(?:s|ed)?(?=\s+(?:the|a|an|its|their|Ukrain\w+|more\s+than|up\s+to|some|about|around|"
    r"over|at\s+least|\d[\d,.]*)\b)|funded|financ(?:e|es|ed)|"
    r"mobili[sz](?:e|es|ed|ing)|disburs(?:e|es|ed|ing)|releas(?:e|es|ed)|hand(?:s|ed)?\s+over|"
    r"set\s+aside|dedicat(?:e|es|ed)|agreed(?:\s+upon)?|adopted|receiv(?:e|es|ed|ing)|"
    r"offer(?:s|ed)|promis(?:e|es|ed)|ship(?:s|ped)?|pa(?:y|ys|id|ying)\s+(?:out|for)|paid|"
    r"cover(?:s|ed|ing)?\s+the\s+(?:full\s+)?(?:cost|costs|bill)\s+(?:of|for)|"
    r"spen(?:d|ds|t|ding)(?![^.;]*\b(?:its|their)\s+own\b)|"
    r"(?:buy(?:s|ing)?|bought|purchas(?:e|es|ed|ing)|procur(?:e|es|ed|ing))(?=[^.;]*\b(?:for|to)\s+"
    r"(?:the\s+)?(?:Ukrain|Kyiv|Kiev))|extend(?:s|ed|ing)?|sign(?:s|ed)?\s+off|"
    r"authori[sz](?:e|es|ed|ing)|us(?:e|es|ing)\s+\w+\s+(?:\w+\s+){0,4}to\s+"
    r"(?:loan|fund|finance))\b",
)
# Before "to <verb>": the infinitive is itself asserted only after these.
_INTENT = icompile(
    r"\b(?:pledged|pledges|agreed|agree|decided|decides|promised|committed|undertook|vowed|"
    r"announced|approved|will|would|voted|moved|set\s+aside|continue[sd]?|is\s+going|has\s+to|"
    r"been\s+allocated|earmarked|using\s+\w+(?:\s+\w+){0,5})\s+(?:\w+\s+){0,2}to\s*$",
)
_SUPPORT_NOUN = icompile(
    r"^\W{0,3}(?:[\w-]+\s+){0,4}?(?:aid|assistance|support|package|funding|loan|grant|"
    r"contribution|tranche|donation|programme|program|credit|financing|pledge|commitment|"
    r"allocation|instalment|installment|disbursement)\b",
)
# "Zelensky thanked Estonia for €20 million": thanks name what was given.
_THANKS_FOR = icompile(r"\bthank(?:s|ed|ing)?\b[^.;]{0,80}\bfor\s+(?:the\s+|its\s+|their\s+)?$")
_SUPPORT_BEFORE = icompile(
    r"\b(?:aid|assistance|support|package|funding|loan|grant|contribution|tranche|donation|"
    r"pledge|commitment|allocation|instalment|installment|disbursement)s?,?\s+(?:\w+\s+){0,2}?"
    r"(?:of|worth|totall?ing|valued\s+at|amounting\s+to)\s+$",
)
_SOURCE_AGENT = icompile(
    r"(?:\b(?:aid|support|assistance|resources|contributions?|funding|funds|package|weapons|"
    r"equipment|money|donations?|grants?|loans?|shipments?|deliveries|pledges?)\s+(?:\w+\s+){0,2}"
    r"from|\breceiv\w*\b[^.;]{0,160}\bfrom|\b\w+(?:ed|en|ne)\s+(?:upon\s+|on\s+)?by)\s+(?:the\s+)?$",
)
# Between a donor and its amount: "the UK's existing £3bn", "Denmark's latest donation of".
_ADJACENT = icompile(
    r"(?:'s|’s)?\s*(?:[–—:-]\s*)?(?:(?:new|existing|latest|additional|own|annual|fresh|further|next|first|"
    r"second|third|\d+(?:st|nd|rd|th))\s+)*(?:(?:aid|support|assistance|package|donation|"
    r"contribution|pledge|tranche|loan|grant|allocation)\s+(?:of|worth|totall?ing)\s+)?",
)
_LOCATION_BEFORE = icompile(
    r"\b(?:in|at|near|inside|across|visit\s+to|visited)\s+(?:the\s+)?$",
)
# Between conjoined donors; a state may be named by its government ("The Dutch government
# and Denmark", "Norway's cabinet, Sweden and Finland").
_CONJ = icompile(
    r"^(?:(?:'s|’s)?\s+(?:government|cabinet|authorities|administration|parliament|"
    r"(?:defen[cs]e\s+|foreign\s+)?ministry))?"
    r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s*|as\s+well\s+as\s+|plus\s+)(?:the\s+)?$"
)
_COLLECTIVE = icompile(
    rf"(?:^{cues.LABEL}|\b(?:and|that|,)\s+)(?:(?:also|in\s+\d{{4}}|this\s+year)\W+)*"
    r"(?P<who>all\s+of\s+them|"
    r"they|(?:the\s+)?(?:participating\s+|member\s+|partner\s+)?(?:countries|states|nations|"
    r"participants|partners|allies|members|donors))\b",
)
# "It is valued at up to $125 million": the amount of the package the previous sentence names.
_VALUED = icompile(
    r"\b(?:valued|worth|estimated|totall?ing|amounting)\s+(?:at\s+|to\s+)?(?:up\s+to\s+)?$"
)
# A sentence whose subject points back to the previous one: "It will also send …".
_ANAPHOR = icompile(
    rf"^{cues.LABEL}\W{{0,2}}(?:(?:In\s+addition|Additionally|Also|Separately|Meanwhile)\s*,?\s+)?"
    r"(?P<who>It|He|She|(?:This|That)(?=\s+(?:(?:announcement|package|funding|assistance|"
    r"support|contribution)\s+)?(?:builds?\s+on|built\s+on|follows|adds\s+to|comes\s+on\s+top\s+of)\b)|"
    r"The\s+(?:country|government|ministry|kingdom|minister|prime\s+minister|president|"
    r"chancellor|bank|commission|alliance|bloc|union|cabinet))\b",
)
_QTY = (
    r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
    r"twenty|thirty|fifty|hundred|several|dozens\s+of|hundreds\s+of|thousands\s+of|a\s+batch\s+of|"
    r"a\s+number\s+of|a\s+new\s+batch\s+of|additional|more|new|further|extra|another|the\s+first)"
)
_ITEM = (
    r"(?:F-?16s?|F-?35s?|Gripens?|Mirage\s*\w*|fighter\s+jets?|jets|aircraft|planes|helicopters?|"
    r"tanks?|Leopard[\w-]*|Abrams|Challenger[\w-]*|drones?|UAVs?|interceptors?|missiles?|shells?|"
    r"rounds|ammunition|munitions|howitzers?|artillery(?:\s+(?:systems?|pieces|guns|shells))?|"
    r"air[- ]defen[cs]e(?:\s+systems?)?|Patriots?(?:\s+systems?)?|IRIS-T\w*|NASAMS|HIMARS|SAMP/T|"
    r"Stinger\w*|Javelin\w*|armou?red\s+vehicles|vehicles|(?:armou?red\s+)?personnel\s+carriers|APCs|IFVs|radars?|rifles|mortars|boats|"
    r"vessels|ships|minehunters|generators|launchers|trucks|ambulances|systems?|training\s+"
    r"personnel|instructors|body\s+armou?r|helmets)"
)
_ITEMS = rf"{_ITEM}(?:\s+(?:[A-Z]*\d[\w-]*|{_ITEM}))*"  # "F-16 fighter jets", "Leopard 2A4 tanks"
_ITEM_SPECIFIC = icompile(
    r"(?:F-?16|F-?35|Gripen|Mirage|Leopard|Abrams|Challenger|Patriot|IRIS-T|NASAMS|HIMARS|"
    r"SAMP/T|Stinger|Javelin|ATACMS|Storm\s+Shadow|Taurus|CV90|Marder|Bradley|Caesar|Archer)",
)
_FUNDING = (
    r"(?:(?:further|additional|new|extra|more|its|their)\s+)?(?:financial\s+)?(?:funding|"
    r"contributions?|financial\s+resources|financial\s+support|funds|financing)"
)
_GDP = (
    r"(?:(?:military\s+|financial\s+)?(?:aid|support|assistance)\s+worth\s+)?\d+(?:[.,]\d+)?\s*"
    r"(?:%|per\s*cent|percent)\s+of\s+(?:its\s+|their\s+|the\s+country's\s+)?"
    r"(?:GDP|gross\s+domestic\s+product)"
)
_OBJECT = icompile(
    r"^\s*(?:(?:also|additionally|now|already|annually|yearly|each\s+year|every\s+year)\s+)?"
    r"(?:(?:to\s+)?(?:Ukraine|Kyiv|Kiev|the\s+Ukrainian\s+(?:army|military|armed\s+forces))"
    r"\s+(?:with\s+)?)?"
    r"(?:(?:the|a)\s+(?:delivery|transfer|provision|supply|shipment|donation|production|"
    r"purchase|procurement|manufacture|manufacturing|acquisition)\s+of\s+)?"
    rf"(?:(?P<fund>{_FUNDING})\b|(?P<gdp>{_GDP})|(?P<package>(?:(?:a|the|its|another)\s+)?"
    r"(?:(?:new|additional|further|next|fresh|latest|\d+(?:st|nd|rd|th)|[a-z]+(?:th|st|nd|rd))\s+)*"
    r"(?:(?:military|defen[cs]e|security|aid|assistance|support)\s+){0,3}"
    r"(?:package|batch|shipment|consignment)(?:\s+of\s+(?:\w+\s+){0,2}(?:aid|assistance|support|"
    r"equipment|weapons))?)"
    rf"(?=[^.;]*?\b(?:includ\w*|with|consisting\s+of|comprising|:)[^.;]*?{_ITEM})|"
    # a numbered package is a pledge even with its contents undisclosed: "its 46th package"
    rf"(?P<ordinal>(?:(?:the|its|their|a)\s+|[\w-]+(?:'s|’s)\s+)?{cues.ORDINAL}\s+"
    r"(?:(?:new|military|aid|defen[cs]e|security|support|assistance)\s+){0,3}"
    r"(?:package|tranche)(?:\s+of\s+(?:\w+\s+){0,2}(?:aid|assistance|support|equipment|"
    r"weapons))?)|"
    rf"(?P<item>(?:an?\s+(?=(?:additional|further|extra|new|another)\s))?"
    r"(?:(?:additional|further|extra|new|another)\s+(?=\d))?"
    r"(?:(?:about|around|up\s+to|over|more\s+than|at\s+least|nearly|almost|some)\s+)?"
    rf"{_QTY}\s+(?:[\w/-]+\s+){{0,4}}?{_ITEMS})\b|"
    rf"(?P<spec>(?:[\w/-]+\s+){{0,3}}?{_ITEM_SPECIFIC.pattern}[\w/-]*(?:\s+{_ITEMS})?)|"
    # things named by a modifier without a number: "committed to provide maritime drones"
    r"(?P<bare>(?!(?:the|a|an|its|their|this|that|these|those|some|any|such|other|more|own|"
    rf"his|her|our|your|no)\b)[a-z][\w-]*\s+{_ITEMS})(?=\s*(?:[,.;:]|(?:and|to|for|on|in|by|from|as|under|this|next|before|after|"
    r"within)\b|$)))",
)
# Deliveries told in the passive: "the first batch of shells … had been delivered to Ukraine".
# The verb is found first (cheap), then the item in the words before it.
_PASSIVE_VERB = icompile(
    r"\b(?:has|have|had|was|were)\s+(?:(?:already|now|also)\s+)?(?:been\s+)?"
    r"(?:delivered|handed\s+over|sent|shipped|transferred|supplied|donated)\b",
)
_PASSIVE_ITEM = icompile(
    rf"(?P<item>\b{_QTY}\s+(?:[\w/-]+\s+){{0,4}}?{_ITEMS}|(?:[\w/-]+\s+){{0,2}}?"
    rf"{_ITEM_SPECIFIC.pattern}[\w/-]*(?:\s+{_ITEM})?)\b(?:\s+[\w/-]+){{0,8}}?\s+$",
)
_THANKS_ITEM = icompile(
    rf"\bthank(?:s|ed|ing)?\b[^.;]{{0,80}}?\bfor\s+(?:the\s+|its\s+|their\s+)?"
    rf"(?P<item>{_QTY}\s+(?:[\w/-]+\s+){{0,4}}?{_ITEMS}|(?:[\w/-]+\s+){{0,2}}?"
    rf"{_ITEM_SPECIFIC.pattern}[\w/-]*(?:\s+{_ITEMS})?)\b",
)
_PASSIVE_STEMS = frozenset({"deliv", "hande", "sent", "shipp", "trans", "suppl", "donat"})
_STAGE_DELIVERED = icompile(
    r"\b(?:delivered|handed\s+over|arrived|has\s+sent|have\s+sent|was\s+sent|were\s+sent|"
    r"shipped|received)\b",
)
_STAGE_ALLOCATED = icompile(
    r"\b(?:allocat\w+|earmark\w+|approv\w+|adopt\w+|disburs\w+|contract\w*|mobili[sz]\w+)\b",
)
_FINANCIAL = icompile(
    r"\b(?:loan|budget(?:ary)?|macro-?financial|financial\s+(?:aid|assistance|support)|grant|"
    r"credit|guarantee|civilian\s+aid|reconstruction|Ukraine\s+Facility|budget\s+support)\b",
)
_HUMANITARIAN = icompile(
    r"\b(?:humanitarian|civilian|energy|medical|food|shelter|winteri[sz]\w+|demining|"
    r"reconstruction)\b",
)
_INDUSTRY = icompile(
    r"\b(?:defen[cs]e[- ]industr\w*|Danish\s+model|joint\s+production|production\s+in\s+Ukraine|"
    r"Ukrainian\s+(?:manufacturers|producers|industry)|procure\w*\s+from\s+Ukrain\w+|"
    r"co-?production|manufactur\w+)\b",
)
_MILITARY = icompile(
    r"\b(?:military|weapons?|arms|ammunition|defen[cs]e|security\s+assistance|artillery|"
    r"missiles?|drones?|tanks?|air\s+defen[cs]e|armed\s+forces|troops|shells|jets?)\b",
)
# Between a package and a stated sub-amount of it.
_PART_OF = icompile(r"\b(?:including|includes|of\s+which|incl\.|among\s+them|with)\b")
_RECIPIENT = icompile(r"\b(?:to|for)\s+(?:the\s+)?$")


# Word stems (sentences.keys) one of which every PLEDGE_VERB match contains: a cheap gate
# that spares the full pattern on most sentences of an article.
PLEDGE_STEMS = frozenset({
    "provi", "pledg", "commi", "alloc", "contr", "donat", "give", "gives", "given", "givin",
    "gave", "send", "sends", "sendi", "sent", "deliv", "suppl", "trans", "appro", "annou",
    "unvei", "confi", "earma", "grant", "loan", "loans", "loane", "lend", "lends", "lendi", "lent",
    "fund", "funds", "funde", "finan", "mobil", "disbu", "relea", "hand", "hands", "hande",
    "aside", "dedic", "agree", "adopt", "recei", "offer", "promi", "ship", "ships", "shipp",
    "exten", "sign", "signs", "signe", "autho", "buy", "buys", "buyin", "bough", "purch",
    "procu", "pay", "pays", "payin", "paid", "spend", "spent", "prese", "roll", "rolls", "rolle",
    "rolli", "devot", "cover",
})  # fmt: skip


_NON_DONOR_CODES = frozenset({"UA", "RU", "BY", "IR", "KP"})


def donor_eligible(m: Mention) -> bool:
    """Countries, organisations and companies can give; Ukraine and Russia cannot."""
    return (
        m.kind in ("country", "organisation", "company")
        and m.name not in NON_DONORS
        and m.name != "Ukraine Defence Contact Group"
        # a company of a state that cannot give (Ukroboronprom, Fire Point) gives nothing
        and not (m.kind == "company" and m.actor.iso_code in _NON_DONOR_CODES)
    )


@dataclass(slots=True)
class _Anchor:
    start: int
    end: int
    money: Money | None
    items: str | None
    verb: re.Match | None
    part: bool = False  # a stated sub-amount of the sentence's package ("including $1bn …")


def _conjoined(mentions: list[Mention], index: int, text: str) -> list[Mention]:
    """The mention at ``index`` with every mention joined to it by commas and "and"."""
    group = [mentions[index]]
    i = index
    while i > 0 and _CONJ.match(text[mentions[i - 1].end : mentions[i].start]):
        i -= 1
        group.insert(0, mentions[i])
    i = index
    while i + 1 < len(mentions) and _CONJ.match(text[mentions[i].end : mentions[i + 1].start]):
        i += 1
        group.append(mentions[i])
    return [m for m in group if donor_eligible(m)]


# A nationality naming a scheme, not a giver: "under the Danish model", "a German-style fund".
_SCHEME_AFTER = icompile(
    r"^(?:[- ]style\b|\s+(?:model|formula|mechanism|scheme|format|approach)\b)"
)


# A state that resists or blocks a measure is no donor of it: "faces resistance from Belgium",
# "opposed by Hungary".
_OPPONENT_BEFORE = icompile(
    r"\b(?:resistance|opposition|objections?|reservations|vetoe?s?|pushback|criticism)\s+"
    r"(?:\w+\s+){0,2}?(?:from|by)\s+(?:the\s+)?$|\b(?:opposed|resisted|blocked|vetoed|"
    r"criticised|criticized)\s+by\s+(?:the\s+)?$",
)
# … nor one that is the subject of a blocking verb: "but Hungary vetoed the decision".
_OPPONENT_AFTER = icompile(
    r"^\s+(?:(?:has|have|had|again|also|still|then|later|once\s+more)\s+){0,2}(?:veto(?:es|ed)|"
    r"block(?:s|ed)|oppos(?:es|ed)|reject(?:s|ed)|resist(?:s|ed)|object(?:s|ed)|refus(?:es|ed))\b",
)


# Stems (sentences.keys) one of which every opponent cue holds: the cheap gate.
OPPONENT_STEMS = frozenset({
    "resis", "oppos", "objec", "reser", "veto", "vetos", "vetoe", "pushb", "criti", "block",
    "rejec", "refus",
})  # fmt: skip


def _usable(m: Mention, text: str, opponents: bool = True) -> bool:
    """A possible donor: it can give, and is not a place, a scheme or (when the sentence
    names ``opponents``) a state resisting the measure."""
    return (
        donor_eligible(m)
        and not _LOCATION_BEFORE.search(text[max(0, m.start - 15) : m.start])
        and not _SCHEME_AFTER.match(text[m.end : m.end + 12])
        and not (
            opponents
            and (
                _OPPONENT_BEFORE.search(text[max(0, m.start - 40) : m.start])
                or _OPPONENT_AFTER.match(text[m.end : m.end + 40])
            )
        )
    )


# A share of GDP is support only when the sentence ties it to Ukraine or to aid.
_FOR_UKRAINE = icompile(r"\b(?:ukrain\w*|kyiv|kiev|aid|assistance|support)\b")
_DEMAND_BEFORE = icompile(
    r"\b(?:demand|urg|call|ask|insist|argu|propos|suggest|recommend|want)\w*\s+(?:on\s+)?"
    r"(?:that\s+)?(?:the\s+)?$",
)
# An indirect question asserts nothing: "whether Berlin would send", "if and when".
_QUESTION_BEFORE = icompile(
    r"\b(?:whether|if\s+and\s+when|when\s+or\s+if)\s+(?:or\s+not\s+)?(?:the\s+)?$"
)
_TO_END = icompile(r"\bto\s*$")
_FOR_END = icompile(r"\bfor\s*$")
_THANK = re.compile(r"\bthank", _I)
_PURPOSE_END = icompile(r"\b(?:aimed\s+at|in\s+order\s+to)\s*$")
_MILITARY_AID = icompile(r"\bmilitary\s+(?:aid|assistance)\b")
_WILL = icompile(r"\bwill\b")


# One sum paid by several donors together is one pledge, not one each: "Denmark, Norway and
# Sweden will jointly finance a $500 million package" (each "donor" did not give $500m).
_JOINTLY = icompile(
    r"\b(?:jointly|together|between\s+them|co-?financ\w*|co-?fund\w*|pool(?:s|ed|ing)?|"
    r"(?:shar|split)\w*\s+the\s+(?:cost|bill|funding|financing)|"
    r"joint(?!\s+(?:production|venture|statement|declaration|press|news|letter|communiqu)))\b",
)
_EACH = icompile(r"\b(?:each|respectively|apiece|every\s+one)\b")
# "Germany and France pledged €1 billion and €500 million respectively": the n-th sum is the
# n-th donor's.
_RESPECTIVELY = icompile(r"\brespectively\b")


# A sum named as a plan, and the verbs that present rather than decide one.
_PLAN_AFTER = icompile(
    r"\s*(?:[\w-]+\s+){0,3}?(?:plan|proposal|draft|bill|roadmap|strategy|blueprint)\b"
)
_PRESENTED = icompile(r"\b(?:present|unveil|tabl|put\s+forward|outlin|sketch)\w*")


# "€5 million each" right after the sum.
_EACH_AFTER = icompile(r"\s*(?:[\w-]+\s+)?(?:each|apiece|respectively)\b")


# An absolute clause after the pledge tells a circumstance with its own time: "…, with the
# final vehicles arriving last month", "…, with deliveries starting next year".
_ABSOLUTE = icompile(
    r",\s+with\s+(?:the\s+|its\s+|their\s+|some\s+|most\s+)?(?:[\w-]+\s+){0,3}?[a-z]+ing\b[^,;]*"
)


def _without_absolute(text: str) -> str:
    """``text`` with absolute "with … -ing" clauses blanked (same length, offsets kept)."""
    if ", with " not in text:
        return text
    out = text
    for m in _ABSOLUTE.finditer(text):
        out = out[: m.start()] + " " * (m.end() - m.start()) + out[m.end() :]
    return out


def _is_joint(clause: str, text: str, end: int) -> bool:
    """The donors of ``clause`` give the sum ending at ``end`` together, not "each" the same
    sum ("each pledged", "€5m each"; a later "each contributing a third" is a split)."""
    return (
        _JOINTLY.search(clause) is not None
        and _EACH.search(clause) is None
        and _EACH_AFTER.match(text, end) is None
    )


def _joint_name(names: list[str]) -> str:
    """A descriptive donor for a joint pledge: "Denmark, Norway and Sweden (joint)"."""
    names = list(dict.fromkeys(names))
    return f"{', '.join(names[:-1])} and {names[-1]} (joint)"


def _verb_ok(text: str, verb: re.Match, mentions: list[Mention] | None = None) -> bool:
    """A pledge verb counts when finite, or an infinitive after an intent verb.

    Headline style "Lithuania to allocate EUR 35M" (a donor right before "to") counts too.
    """
    before = text[max(0, verb.start() - 60) : verb.start()]
    if _TO_END.search(before):
        if _INTENT.search(before):
            return True
        to_at = verb.start() - len(before) + before.rstrip().rfind("to")
        return any(donor_eligible(m) and not text[m.end : to_at].strip() for m in mentions or ())
    # "thanked Germany for allocating €50m" reports a pledge; other "for …ing" are purposes
    if _FOR_END.search(before):
        return bool(_THANK.search(text, 0, verb.start()))
    # "the delivery of", "a package to provide" are nouns or purposes, handled elsewhere
    return not _PURPOSE_END.search(before)


def _agents(
    text: str, mentions: list[Mention], stems: set[str] | None = None
) -> tuple[list[int], list[int]]:
    """Indexes of possible donors, and of those named as a source or agent ("from X")."""
    opponents = stems is None or not OPPONENT_STEMS.isdisjoint(stems)
    idx = [i for i, m in enumerate(mentions) if _usable(m, text, opponents)]
    agents = [
        i
        for i in idx
        if _SOURCE_AGENT.search(text[max(0, mentions[i].start - 200) : mentions[i].start])
    ]
    return idx, agents


def _clause_start(text: str, at: int) -> int:
    """Where the clause holding ``at`` begins: after the last ";" or sentence-internal break."""
    cut = max(text.rfind(";", 0, at), text.rfind(" – ", 0, at), text.rfind(" — ", 0, at))
    return cut + 1 if cut >= 0 else 0


# A non-restrictive relative clause between a subject and its verb: "Latvia, which leads the
# coalition with the United Kingdom, allocated …" — the names inside it are not the subject.
_RELATIVE = icompile(r",\s+(?:which|who|whose)\b[^,;()]{0,120},")


def _outside_relatives(text: str, idx: list[int], mentions: list[Mention], end: int) -> list[int]:
    """``idx`` without the mentions inside a ", which …," clause closed before ``end``."""
    if "," not in text[:end]:
        return idx
    spans = [(r.start(), r.end()) for r in _RELATIVE.finditer(text[:end])]
    if not spans:
        return idx
    return [i for i in idx if not any(a <= mentions[i].start < b for a, b in spans)]


# A day told by reference to the sentences before: "announced the same day", "on that day".
_SAME_DAY = icompile(r"\b(?:the\s+same\s+day|(?:on\s+)?that\s+(?:same\s+)?day)\b")


# Things without a number are a pledge only as the object of a stated commitment to give:
# "Lisbon committed to provide maritime drones" (not "the money would finance drones").
_GIVE = icompile(r"(?:provid|suppl|deliver|send|donat|giv|transfer|hand)")
_COMMIT_TO = icompile(
    r"\b(?:pledg\w*|promis\w*|commit(?:s|ted)|undert(?:ook|akes?)|agree[sd]?|vow\w*|"
    r"decided)\s+(?:\w+\s+){0,2}?to\s*$"
)


def _find_donors(
    text: str,
    mentions: list[Mention],
    anchor: _Anchor,
    verbs: list[re.Match],
    usable: tuple[list[int], list[int]],
) -> tuple[list[Mention], int, int]:
    """Donor mentions for ``anchor`` and the clause span (start, end) that asserts it."""
    idx, agents = usable
    # 1. an actor right before the amount: "the UK's existing £3 billion", "and France €300m"
    if anchor.money is not None:
        for i in reversed(idx):
            m = mentions[i]
            gap = text[m.end : anchor.start]
            if m.end <= anchor.start and _ADJACENT.fullmatch(gap):
                return _conjoined(mentions, i, text), m.start, anchor.end
    # 2. a source or passive agent: "aid from Norway", "agreed upon by the G7 nations"
    for i in agents:
        m = mentions[i]
        lo, hi = min(m.start, anchor.start), max(m.end, anchor.end)
        if ";" in text[lo:hi]:
            continue  # another clause: "… allocated funding; Ukraine could receive more from X"
        own = anchor.verb
        # An item's own verb has its own subject; only "… delivered by X" attaches here.
        if (
            own is not None
            and not own.group().lower().startswith("receiv")
            and not anchor.end <= m.start < anchor.end + 60
        ):
            continue
        # The clause runs from the verb before the amount ("Ukraine expects to receive $61bn
        # from the US") so its speculation and negation count.
        lead = [v.start() for v in verbs if v.end() <= anchor.start + 1]
        start = min(m.start, anchor.start, *(lead[-1:] or [anchor.start]))
        start = _clause_start(text, start)
        return _conjoined(mentions, i, text), start, max(m.end, anchor.end)
    # 3. the subject of the nearest pledge verb before the anchor
    before = [v for v in verbs if v.end() <= anchor.start + 1 and _verb_ok(text, v, mentions)]
    if anchor.verb is not None:
        before = [anchor.verb]
    for verb in reversed(before):
        subjects = [i for i in idx if mentions[i].end <= verb.start()]
        subjects = _outside_relatives(text, subjects, mentions, verb.start())
        if subjects:
            i = subjects[-1]
            return _conjoined(mentions, i, text), mentions[i].start, anchor.end
    # 4. a relative clause after the amount: "the 7 billion kroner that Denmark allocated"
    after = [v for v in verbs if v.start() >= anchor.end and v.start() - anchor.end < 80]
    for verb in after:
        subjects = [i for i in idx if anchor.end <= mentions[i].start < verb.start()]
        if subjects:
            i = subjects[-1]
            return _conjoined(mentions, i, text), anchor.start, verb.end()
    # 5. no verb ties them: "Zelensky thanked Germany for the new €500m package" — the
    # nearest possible donor before an amount that names support.
    if anchor.money is not None and anchor.verb is None:
        subjects = [i for i in idx if mentions[i].end <= anchor.start]
        supported = (
            _SUPPORT_NOUN.search(text[anchor.end : anchor.end + 80])
            or _SUPPORT_BEFORE.search(text[max(0, anchor.start - 60) : anchor.start])
            or _THANKS_FOR.search(text[max(0, anchor.start - 120) : anchor.start])
        )
        if subjects and supported and not before:
            i = subjects[-1]
            return _conjoined(mentions, i, text), mentions[i].start, anchor.end
        # 6. a quote in the first person: "“We will allocate €100m,” said Latvia's minister"
        if re.search(r"\b(?:[Ww]e|I)\b", text[: anchor.start]) and (before or supported):
            speakers = [i for i in idx if mentions[i].start >= anchor.end]
            if speakers:
                i = speakers[0]
                return [mentions[i]], anchor.start, anchor.end
    # 7. one possible donor in the whole sentence, however it is attached: "The funding comes
    # on top of the £2.26 billion loan announced last month, a British official said."
    names = {mentions[i].name for i in idx}
    if len(names) == 1 and (
        verbs or anchor.money is None or _SUPPORT_NOUN.search(text[anchor.end : anchor.end + 80])
    ):
        # Loosely attached, the donor asserts only what the whole clause asserts: "… are
        # considering a loan of up to €140 billion, but … faces resistance from Belgium".
        m = mentions[idx[0]]
        start = _clause_start(text, min(anchor.start, m.start))
        return [m], start, max(anchor.end, m.end)
    return [], anchor.start, anchor.end


def _category(text: str) -> str:
    if _FINANCIAL.search(text) and not _MILITARY_AID.search(text):
        return "financial"
    if _INDUSTRY.search(text) and not _MILITARY.search(text):
        return "defence-industry"
    if _MILITARY.search(text):
        return "military"
    if _HUMANITARIAN.search(text):
        return "humanitarian"
    if _INDUSTRY.search(text):
        return "defence-industry"
    return "military"


def _stage(clause: str) -> str:
    if _STAGE_DELIVERED.search(clause) and not _WILL.search(clause):
        return "delivered"
    if _STAGE_ALLOCATED.search(clause):
        return "allocated"
    return "announced"


def _recipient(text: str, mentions: list[Mention], after: int) -> str:
    for m in mentions:
        if m.start >= after and m.kind == "country" and _RECIPIENT.search(text[: m.start]):
            if m.name in NON_DONORS and m.name != "Ukraine":
                continue
            return m.name
    return "Ukraine"


_ITEM_RX = icompile(rf"\b{_ITEMS}\b(?!\s+coalition)")
_ITEM_LEAD = icompile(rf"\b{_QTY}\s+(?:[\w/-]+\s+){{0,3}}?$")


def _items(text: str, start: int) -> str | None:
    """The equipment named shortly after the amount ("including 10,000 drones")."""
    window = text[start : start + 120]
    m = _ITEM_RX.search(window)
    if m is None:
        return None
    lead = _ITEM_LEAD.search(window, max(0, m.start() - 40), m.start())
    begin = lead.start() if lead else m.start()
    return window[begin : m.end()].strip()


def _currency(money: Money, donor: str, ctx: ArticleContext, sentence: str) -> str:
    if money.currency == "NORDIC":
        if donor in NORDIC_BY_COUNTRY:
            return NORDIC_BY_COUNTRY[donor]
        return ctx.nordic
    bare = money.text.lstrip()
    for q in ("up to", "more than", "over", "about", "almost", "nearly", "around", "some"):
        if bare.lower().startswith(q + " "):
            bare = bare[len(q) + 1 :].lstrip()
    if money.currency == "USD" and bare.startswith("$") and ctx.dollar_state == donor:
        return ctx.dollar
    return money.currency


def _money_anchors(
    text: str, monies: list[Money], verbs: list[re.Match], component: bool, year: int | None
) -> list[_Anchor]:
    """Amounts that can be pledges: not totals, not assets or prices, tied to a verb or noun."""
    anchors: list[_Anchor] = []
    aggregate_before = False
    for k, money in enumerate(monies):
        prev_end = monies[k - 1].end if k else 0
        # "… exceeds A$1.6 billion, of which about A$1.4 billion is military aid": a part of a
        # total is itself a total.
        part_of_total = aggregate_before and re.search(
            r"\b(?:of\s+which|of\s+this|of\s+that|including|as\s+part\s+of|out\s+of|within)\b",
            text[prev_end : money.start],
            _I,
        )
        aggregate_before = False
        if part_of_total:
            aggregate_before = True
            continue
        next_start = monies[k + 1].start if k + 1 < len(monies) else len(text)
        before = text[prev_end : money.start]
        around = text[prev_end:next_start]
        after = text[money.end : money.end + 80]
        if (
            cues.has(cues.AGGREGATE_BEFORE, before) or cues.is_aggregate_around(around)
        ) and not cues.is_forward_sum(text, money.end, year):
            aggregate_before = True
            continue
        if cues.has(cues.NOT_SUPPORT_AFTER, after) or cues.has(
            cues.NOT_SUPPORT_BEFORE, text[max(0, money.start - 40) : money.start]
        ):
            continue
        valued = _ANAPHOR.match(text) and _VALUED.search(
            text[max(0, money.start - 30) : money.start]
        )
        if not (
            verbs
            or component
            or valued
            or cues.has(_SUPPORT_NOUN, after)
            or _SUPPORT_BEFORE.search(text[max(0, money.start - 60) : money.start])
            or _THANKS_FOR.search(text[max(0, money.start - 120) : money.start])
        ):
            continue
        part = k > 0 and bool(_PART_OF.search(text[prev_end : money.start]))
        anchors.append(
            _Anchor(money.start, money.end, money, _items(text, money.end), None, part=part)
        )
    return anchors


def _item_anchors(
    text: str,
    monies: list[Money],
    verbs: list[re.Match],
    mentions: list[Mention],
    stems: set[str],
) -> list[_Anchor]:
    """Pledges of things rather than sums: the object of a pledge verb, or a passive delivery.

    Items count as the only pledge of a sentence, or as another donor's share of a sentence
    that also states sums ("Germany will hand over IRIS-T, while Canada will allocate CAD
    390 million").
    """
    anchors: list[_Anchor] = []
    for verb in verbs:
        if not _verb_ok(text, verb, mentions):
            continue
        obj = _OBJECT.match(text[verb.end() :])
        if obj is None or any(verb.end() <= m.start < verb.end() + obj.end() for m in monies):
            continue
        # Spans, not groups: the pattern ran over lower-cased text (see lowre.py).
        groups = ("fund", "gdp", "package", "ordinal", "item", "spec", "bare")
        name = next(g for g in groups if obj.group(g) is not None)
        if name == "bare" and not (
            _GIVE.match(verb.group())
            and _COMMIT_TO.search(text, max(0, verb.start() - 60), verb.start())
        ):
            continue  # unnumbered things count only as what a donor committed to give
        if name == "gdp" and not _FOR_UKRAINE.search(text):
            continue  # "2.5% of GDP on defence": a state's own spending, not support
        items = text[verb.end() + obj.start(name) : verb.end() + obj.end(name)].strip()
        o_start, o_end = verb.end() + obj.start(), verb.end() + obj.end()
        if re.match(r"receiv", verb.group(), _I) and not re.search(r"\bfrom\b", text[o_end:]):
            continue
        anchors.append(_Anchor(o_start, o_end, None, items, verb))
        if not monies:
            break
    if not monies and not anchors and "thank" in stems:
        # "Zelensky thanked Germany for four IRIS-T systems delivered last month"
        for m in _THANKS_ITEM.finditer(text):
            what = text[m.start("item") : m.end("item")]
            anchors.append(_Anchor(m.start("item"), m.end("item"), None, what, None))
            break
    if not monies and not anchors and not _PASSIVE_STEMS.isdisjoint(stems):
        passive = _PASSIVE_VERB.search(text)
        if passive is not None:
            window = max(0, passive.start() - 160)
            item = _PASSIVE_ITEM.search(text, window, passive.start())
            if item is not None:
                what = text[item.start("item") : item.end("item")]
                anchors.append(_Anchor(item.start(), passive.end(), None, what, None))
    return anchors


def _implicit_donor(
    sent: Sentence,
    mentions: list[Mention],
    ctx: ArticleContext,
    anchor: _Anchor,
    verbs: list[re.Match],
    coalition: str | None,
    component: bool,
) -> tuple[list[str], int, float, bool] | None:
    """A donor the sentence does not name: (names, clause start, confidence, collective).

    "All of them have pledged …" after a coalition → its member states; "This includes …" →
    the package's donor; "It will also send …" → the subject of the sentences before.
    """
    text = sent.text
    coll = _COLLECTIVE.search(text[: anchor.start])
    group = coalition or ctx.last_coalition
    lead = next((m for m in mentions if m.end <= anchor.start), None)
    if lead is not None and lead.kind == "coalition" and verbs and coll is None:
        coll = re.search(r"(?P<who>.+)", text[lead.start : lead.end])
        group = lead.name
    if coll and group and (verbs or anchor.money is None):
        return [f"{group} member states"], coll.start("who"), 0.6, True
    if component and ctx.last_donors and anchor.money is not None:
        return list(ctx.last_donors), anchor.start, 0.6, False
    ana = _ANAPHOR.match(text)
    if ana and (verbs or _VALUED.search(text[max(0, anchor.start - 30) : anchor.start])):
        prev = ctx.subject_of(sent.index - 1)
        if prev:
            return [prev], ana.start("who"), 0.5, False
    return None


def sentence_pledges(
    sent: Sentence, mentions: list[Mention], ctx: ArticleContext, stems: set[str] | None = None
) -> list[PledgeMention]:
    """Every pledge ``sent`` asserts, one record per donor and amount."""
    text = sent.text
    stems = keys(text) if stems is None else stems
    monies = []
    if may_have_money(stems):
        monies = [m for m in find_money(text) if not m.conversion]
    verbs = [] if PLEDGE_STEMS.isdisjoint(stems) else list(PLEDGE_VERB.finditer(text))
    if not monies and not verbs:
        return []
    if cues.is_agenda(text, stems) or cues.russian_claim(text, stems) or text.endswith("?"):
        return []
    # A part of a package stated before it ("This includes …", "Of this, €500m …").
    component = bool(ctx.last_donors) and cues.is_component(text, stems)
    year = ctx.published.year if ctx.published else None
    anchors = _money_anchors(text, monies, verbs, component, year)
    money_anchors = len(anchors)
    anchors += _item_anchors(text, monies, verbs, mentions, stems)
    out: list[PledgeMention] = []
    with_sum: set[str] = set()  # donors whose pledge in this sentence has an amount
    coalition = next((m.name for m in mentions if m.kind in ("coalition", "initiative")), None)
    usable = _agents(text, mentions, stems) if anchors else ([], [])
    date_cues = None
    main = _without_absolute(text) if anchors else text
    for k_anchor, anchor in enumerate(anchors):
        donors, c_start, c_end = _find_donors(text, mentions, anchor, verbs, usable)
        donor_names = [m.name for m in donors]
        confidence = 0.8
        collective = False
        if not donor_names:
            implicit = _implicit_donor(sent, mentions, ctx, anchor, verbs, coalition, component)
            if implicit is None:
                continue
            donor_names, c_start, confidence, collective = implicit
        clause = text[c_start:c_end]
        if anchor.money is not None and len(set(donor_names)) > 1:
            if _is_joint(clause, text, anchor.end):
                # items beside a joint sum are its contents, not one pledge per partner
                with_sum.update(donor_names)
                donor_names = [_joint_name(donor_names)]
            elif (
                len(donor_names) == money_anchors
                and k_anchor < money_anchors
                and _RESPECTIVELY.search(text)
            ):
                donor_names = [donor_names[k_anchor]]
        # Negation and speculation count in the clause that states the pledge; a condition
        # anywhere in the sentence ("… if European partners agree") makes the offer conditional.
        if cues.is_vetoed(clause, stems) or cues.is_conditional(text, stems):
            continue
        # A sum presented as a plan is a proposal: "the Commission presented its €50bn plan".
        if (
            anchor.money is not None
            and _PLAN_AFTER.match(text, anchor.end)
            and _PRESENTED.search(clause)
        ):
            continue
        # The donor is the object of a demand: "MPs demanded that Rome send Patriots".
        if _DEMAND_BEFORE.search(text, max(0, c_start - 40), c_start):
            continue
        # … or the subject of an open question: "declined to say whether Germany would send".
        if _QUESTION_BEFORE.search(text, max(0, c_start - 30), c_start):
            continue
        if anchor.money is None and cues.is_aggregate_around(text):
            continue
        if date_cues is None:
            date_cues = find_dates(main, ctx.published, stems)
        chosen = best_date(date_cues, near=anchor.start, published=ctx.published)
        announced = chosen.value if chosen else None
        restated = (
            cues.is_restated(main)
            or is_earlier(chosen, ctx.published)
            or past_year(text, ctx.published)
        )
        if anchor.money is not None and cues.ENVELOPE_BEFORE.search(
            text, max(0, anchor.start - 40), anchor.start
        ):
            restated = True
        if announced is None and not restated and _SAME_DAY.search(main):
            announced = ctx.day_before(sent.index)
        if announced is None and not restated:
            announced = ctx.news_date_near(sent.index)
        money = anchor.money
        category = _category(text)
        if (
            money is None
            and anchor.items
            and re.search(r"fund|financ|contribution", anchor.items, _I)
        ):
            category = "financial" if not _MILITARY.search(text) else "military"
        if money is None and k_anchor >= money_anchors:
            # Items listed beside a donor's sum are that pledge's contents, not a second pledge.
            donor_names = [n for n in donor_names if n not in with_sum]
        elif money is not None:
            with_sum.update(donor_names)
        for name in dict.fromkeys(donor_names):
            currency = _currency(money, name, ctx, text) if money else None
            out.append(
                PledgeMention(
                    donor=name,
                    recipient=_recipient(text, mentions, anchor.start),
                    amount=money.amount if money else None,
                    currency=currency,
                    amount_text=money.text if money else None,
                    category=category,
                    stage=_stage(clause),
                    evidence=text,
                    start=sent.start,
                    end=sent.end,
                    confidence=round(confidence - (0.1 if len(donor_names) > 1 else 0.0), 2),
                    items=anchor.items,
                    coalition=coalition if not collective else (coalition or ctx.last_coalition),
                    announced_on=announced,
                    restated=restated,
                    component=(component or anchor.part) and money is not None,
                )
            )
    return out
