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

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from transforms import cues
from transforms.actors import NON_DONORS, Mention, donor_eligible
from transforms.context import ArticleContext, SentenceView
from transforms.dates import DateCue, best_date, find_dates, is_earlier, past_year
from transforms.lowre import LowerPattern, icompile
from transforms.memory import Memory
from transforms.money import NORDIC_BY_COUNTRY, Money, find_money
from transforms.records import PledgeMention
from transforms.rules import Cue, Method, Rule, first_cue, first_method, first_rule
from transforms.sentences import Sentence, may_have_money

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
    r"authori[sz](?:e|es|ed|ing)|"
    # a package made ready is decided ("has prepared the 23rd package … of DKK 2.1 billion");
    # "is preparing" stays speculation; money moved to a new purpose is pledged to it anew
    r"(?:has|have|had)\s+(?:\w+\s+)?prepared|realloca\w+|redirect(?:s|ed)|"
    r"invest(?:s|ed|ing)?(?=\s+(?:an?\s+)?(?:additional\s+|further\s+|another\s+)?[€$£\d])|"
    # 1.4.0 anchor.increase_by: what a fund is raised "by" is new money for Ukraine (the level
    # it is raised "to" is a total: amount.raised_to): "decided to increase the financial
    # ceiling of the European Peace Facility (EPF) by €5 billion …, and ringfence this top-up
    # for Ukraine"
    r"(?:increas(?:e|es|ed|ing)|rais(?:e|es|ed|ing)|top(?:s|ped|ping)?\s+up|boost(?:s|ed|ing)?)"
    r"(?=[^.;]{0,80}?\bby\s+(?:an?\s+)?(?:additional\s+|further\s+|another\s+)?[€$£\d])"
    r"(?=.*\b(?:Ukrain|Kyiv|Kiev))|"
    r"us(?:e|es|ing)\s+\w+\s+(?:\w+\s+){0,4}to\s+"
    r"(?:loan|fund|finance))\b",
)
# Before "to <verb>": the infinitive is itself asserted only after these.
_INTENT = icompile(
    r"\b(?:pledged|pledges|agreed|agree|decided|decides|decision|promised|committed|undertook|vowed|"
    r"announced|approved|will|would|voted|moved|set\s+aside|continue[sd]?|is\s+going|has\s+to|"
    r"been\s+allocated|earmarked|using\s+\w+(?:\s+\w+){0,5})\s+(?:\w+\s+){0,2}to\s*$|"
    # 1.9: a commitment told as a noun, a person promised in between (see _COMMIT_TO)
    r"\b(?:commitments?|promises|undertakings?|promised|pledged)\s+(?:[\w.-]+\s+){0,4}?to\s*$|"
    # 1.9: "Germany is to deliver four more Patriot systems" (not "is expected to")
    r"\b(?:is|are)\s+(?:now\s+|also\s+)?to\s*$",
)
_SUPPORT_NOUN = icompile(
    r"^\W{0,3}(?:[\w-]+\s+){0,4}?(?:aid|assistance|support|package|funding|loan|grant|"
    r"contribution|tranche|donation|programme|program|credit|financing|pledge|commitment|"
    r"allocation|instalment|installment|disbursement|drawdown)\b",
)
# "Zelensky thanked Estonia for €20 million": thanks name what was given.
_THANKS_FOR = icompile(r"\bthank(?:s|ed|ing)?\b[^.;]{0,80}\bfor\s+(?:the\s+|its\s+|their\s+)?$")
_SUPPORT_BEFORE = icompile(
    # (1.4.0: also a drawdown: "Today’s drawdown, valued at up to $800 million, brings …")
    r"\b(?:aid|assistance|support|package|funding|loan|grant|contribution|tranche|donation|"
    r"pledge|commitment|allocation|instalment|installment|disbursement|drawdown)s?,?\s+(?:\w+\s+){0,2}?"
    r"(?:of|worth|totall?ing|valued\s+at|amounting\s+to)\s+$|"
    # "The value of the defence materiel package is an estimated 118 million euros"
    r"\b(?:value|cost|worth)\s+of\s+(?:the|this|its|their)\s+(?:[\w-]+\s+){0,3}?(?:package|aid|"
    r"assistance|donation|contribution)\s+(?:is|was|will\s+be)\s+(?:an?\s+)?(?:estimated\s+|"
    r"approximately\s+|about\s+|around\s+|some\s+)?$",
)
_SOURCE_AGENT = icompile(
    r"(?:\b(?:aid|support|assistance|resources|contributions?|funding|funds|package|weapons|"
    r"equipment|money|donations?|grants?|loans?|shipments?|deliveries|pledges?)\s+(?:\w+\s+){0,2}"
    r"from|\breceiv\w*\b[^.;]{0,160}\bfrom|\b\w+(?:ed|en|ne)\s+(?:upon\s+|on\s+)?by)\s+(?:the\s+)?$",
)
# 1.3.0 actor.chooser_not_giver: the agent of a choice or a making is not the giver, whatever
# resolver would take it: "a list of items prioritized by NATO", "a fund managed by the EIB".
_CHOSEN_BY = icompile(
    r"\b(?:prioriti[sz]|identifi|request|chos|select|recommend|coordinat|manag|operat|"
    r"organi[sz]|design|manufactur|develop)\w*\s+by\s+(?:the\s+)?$"
)
# … nor is the origin of the goods bought: "purchases from a list …, including U.S. equipment".
_GOODS_ORIGIN_BEFORE = icompile(
    r"\b(?:including|purchases?\s+of|buy(?:s|ing)?|procur\w*|sourced\s+from)\s+(?:the\s+)?$"
)
_GOODS_AFTER = icompile(
    r"(?:-made)?\s+(?:[\w-]+\s+)?(?:equipment|weapons|arms|munitions|systems|missiles|"
    r"ammunition|materiel|vehicles)\b"
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
    r"(?P<who>It|He|She|They|(?:This|That)(?=\s+(?:(?:announcement|package|funding|assistance|"
    r"support|contribution)\s+)?(?:builds?\s+on|built\s+on|follows|adds\s+to|comes\s+on\s+top\s+of)\b)|"
    # 1.9: a country named by an epithet, "His country will allocate …", "The Nordic country …"
    r"(?:His|Her|Their)\s+country|The\s+(?!ukrain|russia)[\w-]+\s+(?:country|nation|kingdom)|"
    r"The\s+(?:country|government|ministry|kingdom|minister|prime\s+minister|president|"
    # 1.4.0: a state's budget promises what the state does: "The budget also promised nearly
    # $85 million for humanitarian assistance and $200 million in military aid"
    r"chancellor|bank|commission|alliance|bloc|union|cabinet|(?:federal\s+|new\s+)?budget))\b",
)
_QTY = (
    r"(?:(?:half\s+a|a|one|\d[\d,.]*)\s+(?:million|thousand)|"
    r"\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
    r"twenty|thirty|fifty|hundred|several|(?:dozens|hundreds|thousands)\s+(?:of|more)|"
    # 1.5: "providing hundreds more missiles", "a significant number of … ammunition"; 1.9:
    # any measure of things, "a set of armored vehicles", "a new batch of"
    r"an?\s+(?:(?:significant|large|small|limited|new|first|second|further|additional|whole|"
    r"full|complete)\s+)?(?:number|set|batch|fleet|squadron|battery|shipment|consignment|range|"
    r"variety|quantity|supply|lot|series)\s+of|"
    # 1.9: a donor's own stock given whole, "all of its 155mm howitzers", "its entire fleet of"
    r"all\s+(?:of\s+)?(?:its|their|his|her)(?:\s+(?:remaining|own))?|(?:all\s+of\s+)?(?:its|their)\s+"
    r"(?:entire|whole|remaining)\s+(?:fleet|stocks?|stockpile|inventory|arsenal)\s+of|"
    r"additional|more|new|further|extra|another|the\s+first)"
)
_ITEM = (
    r"(?:F-?16s?|F-?35s?|Gripens?|Mirage\s*\w*|fighter\s+jets?|jets|aircraft|planes|helicopters?|"
    r"tanks?|Leopard[\w-]*|Abrams|Challenger[\w-]*|drones?|UAVs?|interceptors?|missiles?|shells?|"
    r"rounds|ammunition|munitions|howitzers?|rockets?|rocket\s+motors|warheads?|grenades|mines|guns|"
    r"cannons|artillery(?:\s+(?:systems?|pieces|guns|shells))?|"
    r"air[- ]defen[cs]e(?:\s+systems?)?|Patriots?(?:\s+systems?)?|IRIS-T\w*|NASAMS|HIMARS|SAMP/T|"
    r"Stinger\w*|Javelin\w*|armou?red\s+vehicles|vehicles|(?:armou?red\s+)?personnel\s+carriers|APCs|IFVs|radars?|rifles|mortars|boats|"
    r"vessels|ships|minehunters|generators|launchers|batter(?:y|ies)|trucks|ambulances|systems?|training\s+"
    r"personnel|instructors|body\s+armou?r|helmets|"
    # 1.5: non-lethal kit ("binoculars, lighting and medical equipment", "protective masks")
    r"binoculars|(?:protective\s+)?masks|(?:protective\s+|winter\s+)?clothing|equipment|"
    # 1.9: the words for arms in general, acronyms in the plural, training as a thing given
    r"weapons|weaponry|arms|(?:military\s+)?mat[eé]riel|NLAWs?|MANPADS|MRAPs?|kits|fuses|"
    r"training\s+(?:programmes?|programs?|missions?|courses?))"
)
_ITEMS = rf"{_ITEM}(?:\s+(?:[A-Z]*\d[\w-]*|{_ITEM}))*"  # "F-16 fighter jets", "Leopard 2A4 tanks"
_ITEM_SPECIFIC = icompile(
    r"(?:F-?16|F-?35|Gripen|Mirage|Leopard|Abrams|Challenger|Patriot|IRIS-T|NASAMS|HIMARS|"
    r"SAMP/T|Stinger|Javelin|ATACMS|Storm\s+Shadow|Taurus|CV90|Marder|Bradley|Caesar|Archer|HAWK)",
)
_FUNDING = (
    r"(?:(?:further|additional|new|extra|more|its|their)\s+)?(?:financial\s+)?(?:funding|"
    r"contributions?|financial\s+resources|financial\s+support|funds|financing)"
)
_GDP = (
    r"(?:(?:military\s+|financial\s+)?(?:aid|support|assistance)\s+worth\s+)?"
    r"(?:(?:a\s+minimum\s+of|at\s+least|no\s+less\s+than|up\s+to)\s+)?\d+(?:[.,]\d+)?\s*"
    r"(?:%|per\s*cent|percent)\s+of\s+(?:its\s+|their\s+|the\s+country's\s+)?"
    r"(?:GDP|gross\s+domestic\s+product)"
)
# Ukraine as the receiver between a giving verb and its things (1.9):
# "provide the Armed Forces of Ukraine with a set of armored vehicles", "supply Ukrainian
# troops with tanks".
_FORCES = r"(?:armed\s+forces|army|military|troops|soldiers|forces|defenders|navy|air\s+force)"
_RECIPIENT_NP = (
    rf"(?:(?:the\s+)?(?:Ukraine|Kyiv|Kiev)(?:(?:'s|’s)\s+{_FORCES})?|them|"
    rf"(?:the\s+)?Ukrainian\s+(?:{_FORCES}|side|government)|the\s+{_FORCES}\s+of\s+Ukraine)"
)
_OBJECT = icompile(
    r"^\s*(?:(?:also|additionally|now|already|annually|yearly|each\s+year|every\s+year)\s+)?"
    rf"(?:(?:to\s+)?{_RECIPIENT_NP}\s+(?:with\s+)?)?"
    # a pledge told as a noun: "announced the immediate dispatch of a complete HAWK battery"
    r"(?:(?:the|a)\s+(?:(?:immediate|urgent|swift|rapid|prompt|first|further)\s+)?(?:delivery|"
    r"transfer|provision|supply|shipment|donation|production|dispatch|sending|handover|"
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
    r"(?:(?:about|around|up\s+to|over|more\s+than|at\s+least|nearly|almost|some|a\s+total\s+of)\s+)?"
    rf"{_QTY}\s+(?:[\w/-]+\s+){{0,4}}?{_ITEMS})\b|"
    rf"(?P<spec>(?:[\w/-]+\s+){{0,3}}?{_ITEM_SPECIFIC.pattern}[\w/-]*(?:\s+{_ITEMS})?)|"
    # things named by a modifier without a number: "committed to provide maritime drones"
    r"(?P<bare>(?!(?:the|a|an|its|their|this|that|these|those|some|any|such|other|more|own|"
    rf"his|her|our|your|no)\b)(?:[a-z][\w-]*\s+(?:[a-z][\w-]*\s+)?)?{_ITEMS})(?=\s*(?:[,.;:]|(?:and|to|for|on|in|by|from|as|under|this|next|before|after|"
    r"within)\b|$)))",
)
# Deliveries told in the passive: "the first batch of shells … had been delivered to Ukraine".
# The verb is found first (cheap), then the item in the words before it.
_PASSIVE_VERB = icompile(
    r"\b(?:has|have|had|was|were|will)\s+(?:(?:already|now|also|soon)\s+)?(?:been\s+|be\s+)?"
    r"(?:delivered|handed\s+over|sent|shipped|transferred|supplied|donated)\b",
)
_PASSIVE_ITEM = icompile(
    rf"(?P<item>\b{_QTY}\s+(?:[\w/-]+\s+){{0,4}}?{_ITEMS}|(?:[\w/-]+\s+){{0,2}}?"
    rf"{_ITEM_SPECIFIC.pattern}[\w/-]*(?:\s+{_ITEM})?)\b(?:\s+[\w/-]+){{0,8}}?\s+$",
)
_THANKS_ITEM = icompile(
    rf"\bthank(?:s|ed|ing)?\b[^.;]{{0,80}}?\bfor\s+(?:the\s+|its\s+|their\s+)?"
    rf"(?P<item>{_QTY}\s+(?:[\w/-]+\s+){{0,4}}?{_ITEMS}|(?:[\w/-]+\s+){{0,2}}?"
    rf"{_ITEM_SPECIFIC.pattern}[\w/-]*(?:\s+{_ITEMS})?|"
    # 1.4.0 (donor.thanked): named donors thanked for their contributions gave
    # them: "He thanked the UK, Iceland, Norway, Sweden, and Lithuania for their
    # contributions, describing them as “in the hundreds of millions of dollars.”"
    r"(?<=its\s|eir\s)(?:financial\s+)?(?:contributions?|donations?|pledges?))\b",
)
# Things told as already given, before a passive giving verb. 1.8 (told.passive_bare): the
# subject of the passive needs no number when it opens its clause; a determiner ("the
# equipment", "some weapons") points back rather than naming what was given.
_PASSIVE_BARE = icompile(
    r"(?:^|\bthat\s+|[,;:]\s+|\b(?:also|and)\s+)"
    r"(?P<item>(?!(?:the|a|an|its|their|this|that|these|those|some|any|such|other|no|all|"
    rf"more)\b)(?:[\w/-]+\s+){{0,2}}?{_ITEMS}(?:(?:\s*,\s*|\s+and\s+)(?:[\w/-]+\s+){{0,2}}?"
    rf"{_ITEMS})*)(?:\s+(?:from|of)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?)?\s+$",
)


# 1.8 (told.counted_participle): counted things with a bare participle and a time after it,
# no auxiliary: "with another 500 drones handed over last month".
_PARTICIPLE_ITEM = icompile(
    rf"(?P<item>\b{_QTY}\s+(?:[\w/-]+\s+){{0,3}}?{_ITEMS})\s+(?:handed\s+over|delivered|"
    r"donated|transferred)\s+(?:last|earlier|in|this|on)\b",
)


@dataclass(frozen=True, slots=True)
class _Told:
    """A sentence that tells a giving as done, and where its passive verb begins (if any)."""

    text: str
    verb_start: int | None


def _before_passive(t: _Told, pattern: LowerPattern, span: int) -> re.Match[str] | None:
    """The things ``pattern`` finds in the ``span`` characters before the passive verb."""
    if t.verb_start is None:
        return None
    return pattern.search(t.text, max(0, t.verb_start - span), t.verb_start)


# Things told as given in the passive, the first finder that finds wins (1.8: a table).
PASSIVE_METHODS: tuple[Method[_Told, re.Match[str]], ...] = (
    Method(
        "told.passive_counted",
        lambda t: _before_passive(t, _PASSIVE_ITEM, 160),
        "The first batch of 155mm shells from Norway had been delivered to Ukraine.",
        "counted or named things before a passive giving verb were given",
    ),
    Method(
        "told.passive_bare",
        lambda t: _before_passive(t, _PASSIVE_BARE, 120),
        "Kishi also said that Japanese body armor and helmets had already been delivered to "
        "the Ukrainian government.",
        "unnumbered things as the subject of a passive giving verb were given (the donor as "
        "a demonym, 'from X' or 'by X')",
    ),
    Method(
        "told.counted_participle",
        lambda t: _PARTICIPLE_ITEM.search(t.text),
        "This is the second drone delivery from Latvia, with another 500 drones handed over "
        "last month.",
        "counted things with a bare past participle and a time were given (no auxiliary)",
    ),
)

# Things named before the verb that gives them (1.9). The things: counted, named by a
# system's name, or the things a giving verb's subject can hold ("armored vehicles").
_FRONT_ITEM = (
    rf"(?P<item>\b{_QTY}\s+(?:[\w/-]+\s+){{0,4}}?{_ITEMS}|(?:[\w/-]+\s+){{0,2}}?"
    rf"{_ITEM_SPECIFIC.pattern}[\w/-]*(?:\s+{_ITEMS})?|(?:[\w/-]+\s+)?{_ITEMS})"
)
# "the 18 Krab howitzers that Poland sent last month": the giver names the things first.
# The verb is found first (cheap), then the things in the words before it.
_RELATIVE_VERB = icompile(
    r"\b(?:that|which)\s+(?:the\s+)?(?:[\w.-]+\s+){1,3}?(?:has\s+|have\s+|had\s+)?"
    r"(?:already\s+|just\s+|recently\s+)?(?:sent|delivered|supplied|donated|provided|"
    r"handed\s+over|transferred|shipped|gave|pledged|promised|committed)\b",
)
_RELATIVE_ITEM = icompile(rf"{_FRONT_ITEM}\s*,?\s+$")
# "A batch of Bradley vehicles arrived in Ukraine from the United States."
_ARRIVED_VERB = icompile(
    r"\b(?:arrived|reached)\s+(?:in\s+)?(?:Ukraine|Kyiv|Kiev|the\s+front)\b",
)
_ARRIVED_ITEM = icompile(
    rf"{_FRONT_ITEM}\s+(?:[\w/-]+\s+){{0,5}}?(?:has\s+|have\s+|had\s+)?(?:already\s+|"
    r"finally\s+|now\s+)?$",
)


def _things_before(verb: LowerPattern, item: LowerPattern) -> Callable[[str], re.Match[str] | None]:
    """A finder of the things ``item`` matches in the words right before ``verb``."""

    def find(text: str) -> re.Match[str] | None:
        found = verb.search(text)
        return found and item.search(text, max(0, found.start() - 120), found.start())

    return find


ARRIVAL_STEMS = frozenset({"arriv", "reach"})
_FRONTED_STEMS = ARRIVAL_STEMS | frozenset(
    {"sent", "deliv", "suppl", "donat", "provi", "hande", "trans", "shipp", "gave", "pledg",
     "promi", "commi"}
)  # fmt: skip
# Things named before the verb that gives them, the first finder that finds wins (1.9).
FRONTED_METHODS: tuple[Method[str, re.Match[str]], ...] = (
    Method(
        "told.relative_clause",
        _things_before(_RELATIVE_VERB, _RELATIVE_ITEM),
        "Ukraine has received the 18 Krab howitzers that Poland sent last month.",
        "things a relative clause says a donor gave were given",
    ),
    Method(
        "told.arrived",
        _things_before(_ARRIVED_VERB, _ARRIVED_ITEM),
        "A batch of Bradley vehicles arrived in Ukraine from the United States.",
        "things that arrived in Ukraine were delivered (the donor as a demonym or 'from X')",
    ),
)

# The donors thanked: the actors between "thank" and the "for" before the anchor.
_THANKED = icompile(r"\bthank(?:s|ed|ing)?\s+(?:\w+\s+){0,2}?$")
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
    r"credit|guarantee|civilian\s+aid|Ukraine\s+Facility|budget\s+support)\b",
)
_HUMANITARIAN = icompile(
    r"\b(?:humanitarian|civilian|medical|food|shelter|winteri[sz]\w+|demining)\b",
)
_HUMANITARIAN_AID = icompile(
    r"\bhumanitarian\s+(?:aid|assistance|support|relief|needs|projects?)\b"
)
# Rebuilding, housing and energy: money for these is never military support.
_RECONSTRUCTION = icompile(
    r"\b(?:reconstruction|rebuild\w*|recovery|housing|homes|dwellings|energy|power\s+(?:grid|"
    r"plants?|stations?|generation)|electricity|heating|gas\s+(?:purchases|supplies)|"
    r"infrastructure\s+(?:repair|restoration)|restor\w+\s+(?:of\s+)?(?:infrastructure|housing))\b",
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
    "rolli", "devot", "cover", "prepa", "reall", "redir", "inves", "incre", "raise", "raisi",
    "top", "tops", "toppe", "boost",
})  # fmt: skip


@dataclass(slots=True)
class _Anchor:
    start: int
    end: int
    money: Money | None
    items: str | None
    verb: re.Match[str] | None
    part: bool = False  # a stated sub-amount of the sentence's package ("including $1bn …")
    own_clause: bool = False  # things of a later clause with a giver of its own
    rule: str | None = None  # the things rule that let unnumbered things count


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
    # "At the summit in Italy, the G7 leaders agreed …": a place is not joined to the donors.
    return [
        m
        for m in group
        if donor_eligible(m)
        and (
            m is mentions[index]
            or not _LOCATION_BEFORE.search(text[max(0, m.start - 15) : m.start])
        )
    ]


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


@dataclass(slots=True)
class _Actor:
    """A named actor of a sentence, as the donor exclusions see it."""

    text: str
    mention: Mention
    mentions: list[Mention]

    @property
    def before(self) -> str:
        return self.text[max(0, self.mention.start - 40) : self.mention.start]


# 1.7 actor.agent_of_other_verb: an actor named after a participle of its own ("the T-72s
# already received from Poland", "the coalition led by the United Kingdom") is the agent of
# that participle. When a giver stands as the subject of a pledge verb before it, that subject
# gives; the agent only qualifies a noun of the clause (two pool articles, two outlets, had
# given the sentence's pledge to the agent).
_OTHER_AGENT = icompile(
    r"\b(?P<verb>[a-z]+(?:ed|en)|led|made|built|sold|bought|held|run)\s+(?:(?:upon|on|in|"
    r"jointly|together)\s+)?(?:by|from)\s+(?:the\s+)?$"
)


def _agent_of_other_verb(a: _Actor) -> bool:
    m = _OTHER_AGENT.search(a.text, max(0, a.mention.start - 40), a.mention.start)
    if m is None:
        return False
    participle = m.group("verb")
    if PLEDGE_VERB.fullmatch(participle) and not participle.lower().startswith("receiv"):
        return False  # "the $50m pledged by France": France gives that sum
    givers = [
        v
        for v in PLEDGE_VERB.finditer(a.text[: m.start()])
        if not v.group().lower().startswith("receiv")
    ]
    return any(
        x is not a.mention and donor_eligible(x) and x.end <= v.start()
        for v in givers
        for x in a.mentions
    )


# 1.4.0: a state listed beside Ukraine after "aid for" is another recipient, never the giver.
_FELLOW_RECIPIENT = icompile(
    r"\b(?:for|to)\s+(?:the\s+)?(?:Ukraine|Kyiv|Kiev)\s*(?:,\s*(?:and\s+)?|\s+and\s+|"
    r"\s+as\s+well\s+as\s+)(?:the\s+)?$"
)


_SAID_AFTER = icompile(r"\s+(?:has\s+|had\s+)?(?:said|says|announced|stated|confirmed|added)\b")


# Named actors that give nothing, whatever resolver would take them; the first that fires
# drops the actor as a donor of the sentence.
DONOR_EXCLUSIONS: tuple[Rule[_Actor], ...] = (
    Rule(
        "actor.fellow_recipient",
        lambda a: (
            _FELLOW_RECIPIENT.search(a.before) is not None
            # 1.7: "… initiative for Ukraine, the government said": the speaker, not a recipient
            and _SAID_AFTER.match(a.text, a.mention.end) is None
        ),
        "The House is under pressure to pass a $95 billion national security package that "
        "bolsters aid for Ukraine, Israel as well as the Indo-Pacific.",
        "a state listed with Ukraine after 'aid for' receives; it gives nothing",
    ),
    Rule(
        "actor.agent_of_other_verb",
        _agent_of_other_verb,
        "Latvia has pledged €180 million to a joint fund, a part of the coalition led by the "
        "United Kingdom.",
        "the agent of another participle ('led by', 'received from') qualifies a noun; the "
        "subject of the pledge verb before it gives",
    ),
)


def _usable(m: Mention, text: str, opponents: bool = True) -> bool:
    """A possible donor: it can give, and is not a place, a scheme or (when the sentence
    names ``opponents``) a state resisting the measure."""
    return (
        donor_eligible(m)
        and not _LOCATION_BEFORE.search(text[max(0, m.start - 15) : m.start])
        and not _SCHEME_AFTER.match(text[m.end : m.end + 12])
        and not _SELLER_BEFORE.search(text[max(0, m.start - 120) : m.start])
        and not (
            opponents
            and (
                _OPPONENT_BEFORE.search(text[max(0, m.start - 40) : m.start])
                or _OPPONENT_AFTER.match(text[m.end : m.end + 40])
            )
        )
    )


# A state things are bought from sells them; it does not give them: "purchasing Patriot
# systems from the United States to transfer them to Kyiv".
_SELLER_BEFORE = icompile(
    r"\b(?:buy\w*|bought|purchas\w*|procur\w*|order\w*|acquir\w*)\b[^.;]{0,100}\bfrom\s+(?:the\s+)?$"
)
# A pledge by a counted group the text does not name: "20 countries pledged to …".
_COUNTED_GROUP = icompile(
    r"\b(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|dozens\s+of|several)\s+(?:other\s+|more\s+|partner\s+|allied\s+|member\s+)?"
    r"(?P<who>countries|states|nations|allies|partners|donors)\s+(?:have\s+|has\s+|had\s+)?"
    r"(?:already\s+|also\s+|jointly\s+)?(?:(?:pledged|agreed|promised|committed|decided|vowed)\s+"
    r"to\s+(?:\w+\s+){0,4}?)?$"
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


# 1.3.0 donor.joint_sum: several donors funding "a" package fund one package together:
# "Norway, Germany and Poland announced that they will fund a USD 500 million package".
_FUND_ONE_BEFORE = icompile(
    r"\b(?:fund|financ\w*|pay\s+for|paying\s+for|buy|purchase)\s+(?:a|one)\s+(?:single\s+|"
    r"joint\s+|common\s+|shared\s+)?[^\s,;]*$"
)
_ONE_PACKAGE_AFTER = icompile(r"\s+(?:[\w-]+\s+){0,2}?(?:package|tranche)\b")


# 1.4.0 (donor.joint_sum): donors named as the source of a joint effort give one sum: "followed
# by a joint effort from Denmark, Norway, and Sweden contributing $495 million".
_JOINT_FROM = icompile(
    r"\bjoint\s+(?:effort|contribution|package|pledge|purchase|donation)\s+(?:from|by|of)\s+"
    r"(?:the\s+)?$"
)


def _is_joint(clause: str, text: str, end: int, start: int = -1, first: int = -1) -> bool:
    """The donors of ``clause`` give the sum ending at ``end`` together, not "each" the same
    sum ("each pledged", "€5m each"; a later "each contributing a third" is a split)."""
    joint_from = first > 0 and _JOINT_FROM.search(text, max(0, first - 40), first) is not None
    one_package = (
        start >= 0
        and _FUND_ONE_BEFORE.search(text, max(0, start - 40), start) is not None
        and _ONE_PACKAGE_AFTER.match(text, end) is not None
    )
    return (
        (one_package or joint_from or _JOINTLY.search(clause) is not None)
        and _EACH.search(clause) is None
        and _EACH_AFTER.match(text, end) is None
    )


def _joint_name(names: list[str]) -> str:
    """A descriptive donor for a joint pledge: "Denmark, Norway and Sweden (joint)"."""
    names = list(dict.fromkeys(names))
    return f"{', '.join(names[:-1])} and {names[-1]} (joint)"


def _verb_ok(text: str, verb: re.Match[str], mentions: list[Mention] | None = None) -> bool:
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


def _excluded(text: str, mentions: list[Mention]) -> dict[int, str]:
    """Indexes of the mentions a donor exclusion drops, with the rule's name; an actor joined
    by "and" or a comma to an excluded one shares its fate ("for Ukraine, Taiwan and Israel")."""
    out: dict[int, str] = {}
    for i, m in enumerate(mentions):
        if not donor_eligible(m):
            continue
        if i - 1 in out and _CONJ.match(text[mentions[i - 1].end : m.start]):
            out[i] = out[i - 1]
            continue
        rule = first_rule(DONOR_EXCLUSIONS, _Actor(text, m, mentions))
        if rule is not None:
            out[i] = rule.name
    return out


def _agents(
    text: str,
    mentions: list[Mention],
    stems: set[str] | None = None,
    excluded: dict[int, str] | None = None,
) -> tuple[list[int], list[int]]:
    """Indexes of possible donors, and of those named as a source or agent ("from X")."""
    opponents = stems is None or not OPPONENT_STEMS.isdisjoint(stems)
    idx = [
        i
        for i, m in enumerate(mentions)
        if _usable(m, text, opponents)
        and i not in (excluded or {})
        and _CHOSEN_BY.search(text, max(0, m.start - 40), m.start) is None
        and not (
            _GOODS_ORIGIN_BEFORE.search(text, max(0, m.start - 30), m.start)
            and _GOODS_AFTER.match(text, m.end)
        )
    ]
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
_GIVE = icompile(r"(?:provid|suppl|deliver|send|sent|donat|giv|gave|transfer|hand|ship)")
# … or what a donor pays to have made or bought for Ukraine: "Britain will finance the
# procurement of Ukrainian-designed drones".
_PAY = icompile(r"(?:financ|fund|pa(?:y|id))")
_MAKING_OF = icompile(
    r"\s+(?:the|a)\s+(?:procurement|production|purchase|manufactur\w+|acquisition|supply)\s+of\b"
)
# 1.9: the commitment told as a noun ("Spain's commitment to transfer anti-aircraft
# missiles"), and a person promised in between ("promised President Zelensky to donate trucks")
_COMMIT_TO = icompile(
    r"\b(?:pledg\w*|promis\w*|commit(?:s|ted|ments?)|undert(?:ook|akes?|akings?)|agree[sd]?|"
    r"vow\w*|decided|decisions?)\s+(?:[\w.-]+\s+){0,4}?to\s*$"
)
# … or what a donor will give or has given, told as a fact with an auxiliary of its own (1.5):
# "the US and the Czech Republic will provide tanks", "the UK has supplied Starstreak
# anti-aircraft missiles" (not "could provide", not "to provide" after a wish, not what a
# thing is for: "a coalition that will supply armored vehicles").
_ASSERTED_AUX = icompile(
    r"(?<!\bthat\s)(?<!\bwhich\s)(?<!\bwho\s)\b(?:will|shall|has|have|had|is|are)\s+(?:(?:also|now|already|soon|further|additionally)\s+)?"
    r"(?:be(?:en)?\s+)?$"
)
# … or a decision that a delivery goes ahead: "has approved the delivery of Gepard tanks".
_APPROVED_DELIVERY = icompile(r"approv\w*\s+the\s+(?:delivery|transfer|export|supply)\s+of\s*$")


# … or the past of a giving verb with its giver right before it: "Germany sent Gepard guns".
_PAST = icompile(r"(?:\w+ed\b|sent|gave|handed\s+over)")
# Between a verb and its own subject: auxiliaries and adverbs only ("Germany also sent …").
_SUBJECT_GAP = icompile(
    r"^\s*(?:(?:will|would|shall|has|have|had|is|are|was|were|also|already|now|then|later|"
    r"recently)\s+)*$"
)


@dataclass(frozen=True, slots=True)
class _Things:
    """Things without a number after a pledge verb, as the things rules see them."""

    text: str
    verb: re.Match[str]
    obj_start: int  # where the things begin
    named_giver: bool = False  # a possible donor is the verb's subject, right before it


def _before(t: _Things, span: int = 60) -> tuple[int, int]:
    return max(0, t.verb.start() - span), t.verb.start()


# Things without a number count only where the clause asserts they are given (1.4.0 held
# them to a stated commitment; 1.5 widens the test to any asserted giving, as families).
THINGS_RULES: tuple[Rule[_Things], ...] = (
    Rule(
        "things.committed_to_give",
        lambda t: _GIVE.match(t.verb.group()) and _COMMIT_TO.search(t.text, *_before(t)),
        "Lisbon committed to provide maritime drones to Ukraine.",
        "a stated commitment to give names what is given",
    ),
    Rule(
        "things.paid_making",
        lambda t: _PAY.match(t.verb.group()) and _MAKING_OF.match(t.text, t.verb.end()),
        "Britain will finance the procurement of Ukrainian-designed drones.",
        "what a donor pays to have made or bought for Ukraine",
    ),
    Rule(
        "things.asserted_give",
        lambda t: _GIVE.match(t.verb.group()) and _ASSERTED_AUX.search(t.text, *_before(t, 30)),
        "The US and the Czech Republic will provide tanks to Ukraine.",
        "a giving verb with its own auxiliary asserts the giving (real: 'the UK has supplied "
        "Starstreak anti-aircraft missiles and armored vehicles to Kiev')",
    ),
    Rule(
        "things.named_giver_past",
        lambda t: t.named_giver and _GIVE.match(t.verb.group()) and _PAST.match(t.verb.group()),
        "Germany sent Gepard anti-aircraft guns to Ukraine in July.",
        "a giving verb in the past with a named giver right before it tells a giving done "
        "(1.9; not 'a coalition that supplied armored vehicles')",
    ),
    Rule(
        "things.approved_delivery",
        lambda t: _APPROVED_DELIVERY.search(t.text, t.verb.start(), t.obj_start),
        "The German government has approved the delivery of Gepard anti-aircraft tanks to Ukraine.",
        "a delivery approved is decided",
    ),
)


@dataclass(slots=True)
class _Query:
    """What the donor resolvers look at: one anchor of one sentence."""

    sent: Sentence
    mentions: list[Mention]
    ctx: ArticleContext
    memory: Memory
    anchor: _Anchor
    verbs: list[re.Match[str]]
    idx: list[int]  # mentions that can be donors
    agents: list[int]  # … of those, named as a source or agent ("from X", "by X")
    coalition: str | None
    component: bool

    @property
    def text(self) -> str:
        return self.sent.text

    def verbs_before(self) -> list[re.Match[str]]:
        """Pledge verbs before the anchor (or its own verb, for things)."""
        if self.anchor.verb is not None:
            return [self.anchor.verb]
        return [
            v
            for v in self.verbs
            if v.end() <= self.anchor.start + 1 and _verb_ok(self.text, v, self.mentions)
        ]

    def supported(self) -> bool:
        """The amount names support ("… package", "aid worth …", "thanked X for …")."""
        text, a = self.text, self.anchor
        return bool(
            _SUPPORT_NOUN.search(text[_past_bracket(text, a.end) :][:80])
            or _SUPPORT_BEFORE.search(text[max(0, a.start - 60) : a.start])
            or _THANKS_FOR.search(text[max(0, a.start - 120) : a.start])
        )


@dataclass(slots=True)
class _Donors:
    """Who gives, and the span of the clause that asserts it."""

    names: list[str]
    start: int
    end: int
    confidence: float = 0.8
    collective: bool = False


def _named(q: _Query, i: int, start: int, end: int) -> _Donors | None:
    group = _conjoined(q.mentions, i, q.text)
    return _Donors([m.name for m in group], start, end) if group else None


def _donor_adjacent(q: _Query) -> _Donors | None:
    """An actor right before the amount: "the UK's existing £3 billion", "and France €300m"."""
    if q.anchor.money is None:
        return None
    for i in reversed(q.idx):
        m = q.mentions[i]
        if m.end <= q.anchor.start and _ADJACENT.fullmatch(q.text[m.end : q.anchor.start]):
            return _named(q, i, m.start, q.anchor.end)
    return None


def _donor_agent(q: _Query) -> _Donors | None:
    """A source or passive agent: "aid from Norway", "agreed upon by the G7 nations"."""
    text, anchor = q.text, q.anchor
    for i in q.agents:
        m = q.mentions[i]
        lo, hi = min(m.start, anchor.start), max(m.end, anchor.end)
        if ";" in text[lo:hi]:
            continue  # another clause: "… allocated funding; Ukraine could receive more from X"
        if (
            anchor.money is not None
            and m.start >= anchor.end
            and find_money(text[anchor.end : m.start])
        ):
            # 1.7: an agent after another sum is that sum's ("€100m on top of the €50m pledged
            # by France": France gives the €50m only)
            continue
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
        lead = [v.start() for v in q.verbs if v.end() <= anchor.start + 1]
        start = _clause_start(text, min(m.start, anchor.start, *(lead[-1:] or [anchor.start])))
        return _named(q, i, start, max(m.end, anchor.end))
    return None


def _subject_gives_nothing(q: _Query, verb: re.Match[str]) -> bool:
    """The verb's own subject is an actor that cannot give ("Norway said Russia will send
    weapons to Belarus"): the possible donors before it are not its subject (1.9)."""
    before = [i for i, m in enumerate(q.mentions) if m.end <= verb.start()]
    if not before:
        return False
    i = before[-1]
    m = q.mentions[i]
    if donor_eligible(m) or not _SUBJECT_GAP.match(q.text[m.end : verb.start()]):
        return False
    joined = i > 0 and _CONJ.match(q.text[q.mentions[i - 1].end : m.start])
    return not joined


def _donor_subject(q: _Query) -> _Donors | None:
    """The subject of the nearest pledge verb before the anchor: "Norway will provide …"."""
    for verb in reversed(q.verbs_before()):
        if _subject_gives_nothing(q, verb):
            continue
        subjects = [i for i in q.idx if q.mentions[i].end <= verb.start()]
        subjects = _outside_relatives(q.text, subjects, q.mentions, verb.start())
        if subjects:
            i = subjects[-1]
            return _named(q, i, q.mentions[i].start, q.anchor.end)
    return None


def _donor_relative(q: _Query) -> _Donors | None:
    """A relative clause after the amount: "the 7 billion kroner that Denmark allocated"."""
    anchor = q.anchor
    for verb in q.verbs:
        if not (verb.start() >= anchor.end and verb.start() - anchor.end < 80):
            continue
        subjects = [i for i in q.idx if anchor.end <= q.mentions[i].start < verb.start()]
        if subjects:
            return _named(q, subjects[-1], anchor.start, verb.end())
    return None


def _donor_before_support(q: _Query) -> _Donors | None:
    """No verb ties them: the nearest possible donor before an amount that names support."""
    anchor = q.anchor
    if anchor.money is None or anchor.verb is not None or q.verbs_before() or not q.supported():
        return None
    subjects = [i for i in q.idx if q.mentions[i].end <= anchor.start]
    if not subjects:
        return None
    i = subjects[-1]
    return _named(q, i, q.mentions[i].start, anchor.end)


def _donor_thanked(q: _Query) -> _Donors | None:
    """ "thanked the UK, Iceland and Norway for their contributions": the donors thanked."""
    if q.anchor.money is not None or not _THANKS_FOR.search(
        q.text, max(0, q.anchor.start - 120), q.anchor.start
    ):
        return None
    for i in q.idx:
        m = q.mentions[i]
        if m.end <= q.anchor.start and _THANKED.search(q.text, max(0, m.start - 30), m.start):
            return _named(q, i, m.start, q.anchor.end)
    return None


def _donor_speaker(q: _Query) -> _Donors | None:
    """A quote in the first person: "“We will allocate €100m,” said Latvia's minister"."""
    anchor = q.anchor
    if anchor.money is None or anchor.verb is not None:
        return None
    # (1.4.0: "our" and "us" too: "… that our Allies and partners have provided to Ukraine,
    # announcing another $675 million …”, Blinken said.")
    if not re.search(r"\b(?:[Ww]e|I|[Oo]ur|us)\b", q.text[: anchor.start]):
        return None
    if not (q.verbs_before() or q.supported()):
        return None
    speakers = [i for i in q.idx if q.mentions[i].start >= anchor.end]
    if not speakers:
        return None
    m = q.mentions[speakers[0]]
    return _Donors([m.name], anchor.start, anchor.end)


def _donor_only_one(q: _Query) -> _Donors | None:
    """One possible donor in the whole sentence, however it is attached."""
    text, anchor = q.text, q.anchor
    names = {q.mentions[i].name for i in q.idx}
    # (1.4.0: or a sum named as support before it: "Today’s drawdown, valued at up to $800
    # million, brings … the total U.S. security assistance …")
    if len(names) != 1 or not (q.verbs or anchor.money is None or q.supported()):
        return None
    if any(_subject_gives_nothing(q, verb) for verb in q.verbs_before()[-1:]):
        return None  # the verb has a subject of its own, and it gives nothing (1.9)
    # Loosely attached, the donor asserts only what the whole clause asserts: "… are
    # considering a loan of up to €140 billion, but … faces resistance from Belgium".
    m = q.mentions[q.idx[0]]
    start = _clause_start(text, min(anchor.start, m.start))
    return _Donors([m.name], start, max(anchor.end, m.end))


# The donor that the member states of a body of states make up.
_MEMBERS_OF = {
    "European Union": "European Union",
    "NATO": "NATO allies",
    "NATO allies": "NATO allies",
    "G7": "G7",
}


def _donor_counted_group(q: _Query) -> _Donors | None:
    """ "20 countries pledged …": one record for the counted group, named after the coalition
    or initiative the sentence names, if any."""
    for verb in reversed(q.verbs_before()):
        group = _COUNTED_GROUP.search(q.text, max(0, verb.start() - 60), verb.start())
        if group is not None:
            # 1.9.10: the member states of a body named before them are that body ("EU
            # leaders from the 27 member states agreed on €90 billion")
            body = next(
                (
                    _MEMBERS_OF[m.name]
                    for m in q.mentions
                    if m.end <= group.start() and m.name in _MEMBERS_OF
                ),
                None,
            )
            if body is not None and "member" in group.group().lower():
                return _Donors([body], group.start(), q.anchor.end, 0.6)
            n = group.group("n")
            name = f"{q.coalition} members ({n} {group.group('who')})" if q.coalition else None
            return _Donors(
                [name or f"{n} {group.group('who')}"], group.start(), q.anchor.end, 0.6, True
            )
    return None


def _donor_collective(q: _Query) -> _Donors | None:
    """ "All of them have pledged …" after a coalition: its member states."""
    text, anchor = q.text, q.anchor
    coll = _COLLECTIVE.search(text[: anchor.start])
    group = q.coalition or q.memory.last_coalition
    lead = next((m for m in q.mentions if m.end <= anchor.start), None)
    if lead is not None and lead.kind == "coalition" and q.verbs and coll is None:
        coll = re.search(r"(?P<who>.+)", text[lead.start : lead.end])
        group = lead.name
    if coll and group and (q.verbs or anchor.money is None):
        return _Donors([f"{group} member states"], coll.start("who"), anchor.end, 0.6, True)
    return None


def _donor_of_package(q: _Query) -> _Donors | None:
    """ "This includes €200m for drones": the donor of the package told just before."""
    if q.component and q.memory.last_donors and q.anchor.money is not None:
        return _Donors(list(q.memory.last_donors), q.anchor.start, q.anchor.end, 0.6)
    return None


# A sentence about the package just told: "The package is worth 4.3 billion crowns".
_PACKAGE_SUBJECT = icompile(
    rf"^{cues.LABEL}\W{{0,2}}(?:The|This|That|Its|Their)\s+(?:(?:new|latest|whole|entire|"
    r"overall|military|aid|support|defen[cs]e|security)\s+){0,3}(?:package|aid|assistance|support|"
    r"contribution|donation|tranche|funding)\s+(?:is|was|will\s+be|has\s+been)?\s*"
    r"(?:worth|valued\s+at|estimated\s+at|totall?ing|amounts?\s+to|costs?)\b|"
    # "The value of the defence materiel package is an estimated 118 million euros"
    rf"^{cues.LABEL}\W{{0,2}}The\s+(?:value|cost)\s+of\s+(?:the|this|its|their)\s+(?:[\w-]+\s+){{0,3}}?"
    r"(?:package|aid|assistance|donation|contribution)\s+(?:is|was|will\s+be)\b",
)


def _donor_of_told_package(q: _Query) -> _Donors | None:
    """ "The package is worth X": the donors of the pledge told in the sentence before."""
    if q.anchor.money is None or not q.memory.last_donors:
        return None
    if not (_PACKAGE_SUBJECT.match(q.text) or _NEW_THING_AMOUNTS.match(q.text)):
        return None
    return _Donors(list(q.memory.last_donors), 0, q.anchor.end, 0.6)


# A pledge told in the passive with no agent: "NOK 2.5 billion were allocated to Ukraine".
_AGENTLESS_PASSIVE = icompile(
    r"\b(?:was|were|has\s+been|have\s+been|had\s+been|will\s+be)\s+(?:\w+\s+)?(?:allocated|"
    r"provided|earmarked|approved|disbursed|committed|pledged|donated|transferred|granted)\b"
    r"(?![^.;]{0,60}\bby\b)"
)


def _donor_of_story(q: _Query) -> _Donors | None:
    """An agentless passive pledge: the donor just told, else the state the story is about."""
    if q.idx or not (_AGENTLESS_PASSIVE.search(q.text) or q.anchor.rule == "told.arrived"):
        return None
    if q.memory.last_donors:
        return _Donors(list(q.memory.last_donors), 0, q.anchor.end, 0.5)
    home = q.ctx.home
    return _Donors([home.name], 0, q.anchor.end, 0.5) if home is not None else None


def _donor_anaphor(q: _Query) -> _Donors | None:
    """ "It will also send …": the subject of the sentences before."""
    text, anchor = q.text, q.anchor
    ana = _ANAPHOR.match(text)
    if not ana or not (q.verbs or _VALUED.search(text[max(0, anchor.start - 30) : anchor.start])):
        return None
    prev = q.ctx.subject_of(q.sent.index - 1, q.memory)
    return _Donors([prev], ana.start("who"), anchor.end, 0.5) if prev else None


# How a pledge's donor is found, tried in order (the first that finds one wins): the donor
# named in the sentence by its syntactic tie to the amount, then a donor the sentence does
# not name (a coalition's members, the package's donor, an earlier subject).
DONOR_METHODS: tuple[Method[_Query, _Donors], ...] = (
    Method(
        "donor.adjacent",
        _donor_adjacent,
        "The UK's existing £3 billion annual support will continue.",
    ),
    Method(
        "donor.source_agent",
        _donor_agent,
        "The $50 billion loan package agreed upon by the G7 nations was approved.",
    ),
    Method(
        "donor.counted_group",
        _donor_counted_group,
        "The prime minister said 20 countries pledged to buy 500,000 shells for Ukraine.",
    ),
    Method(
        "donor.verb_subject",
        _donor_subject,
        "Belgium will provide €611 million in military assistance this year.",
    ),
    Method(
        "donor.relative_clause",
        _donor_relative,
        "The 7 billion kroner that Denmark allocated will buy artillery.",
    ),
    Method(
        "donor.before_support_noun",
        _donor_before_support,
        "Zelensky thanked Germany for the new €500 million package.",
    ),
    Method(
        "donor.thanked",
        _donor_thanked,
        "He thanked the UK, Iceland, Norway, Sweden, and Lithuania for their contributions.",
    ),
    Method(
        "donor.first_person_speaker",
        _donor_speaker,
        "“We will allocate €100 million,” said Latvia's defence minister.",
    ),
    Method(
        "donor.only_actor",
        _donor_only_one,
        "The funding adds to the £2.26 billion loan, a British official said.",
    ),
    Method(
        "donor.coalition_members",
        _donor_collective,
        "Latvia leads the drone coalition. All of them have pledged 30,000 drones.",
    ),
    Method(
        "donor.package_donor",
        _donor_of_package,
        "Sweden announced a SEK 7 billion package. This includes SEK 2 billion for air defence.",
    ),
    Method(
        "donor.told_package",
        _donor_of_told_package,
        "Sweden announced aid that includes CV90 vehicles. The package is worth SEK 4.3 billion.",
    ),
    Method(
        "donor.story_donor",
        _donor_of_story,
        "Norway pledged NOK 1 billion. In 2024, NOK 7 billion were allocated to Ukraine.",
    ),
    Method(
        "donor.previous_subject",
        _donor_anaphor,
        "Portugal announced €100 million for Ukraine. It will also send 12 armoured vehicles.",
    ),
)


# A fund gives what its owner gives: the EU's European Peace Facility is the EU in the
# labels' donor names (all our labelled sets name the EU for EPF tranches).
_FUND_OWNER = {"European Peace Facility": "European Union"}
DONOR_OWNERS: tuple[Method[str, str], ...] = (
    Method(
        "donor.fund_owner",
        _FUND_OWNER.get,
        "EU foreign ministers adopted assistance measures under the European Peace Facility, "
        "mobilising a further 500 million euro for Ukraine's armed forces.",
        "a fund's tranche is its owner's pledge (1.4.0)",
    ),
)


def _owner(name: str) -> tuple[str, str | None]:
    """The donor a record names for ``name``, and the rule that chose it (if any)."""
    found = first_method(DONOR_OWNERS, name)
    return (found[1], found[0]) if found else (name, None)


def _civilian(pattern: LowerPattern) -> Callable[[str], bool]:
    """A civilian purpose, unless the sentence also names military aid."""
    return lambda text: bool(pattern.search(text)) and not _MILITARY_AID.search(text)


def _category_subject(text: str) -> str:
    return text


# The category of a pledge, read from its sentence: the first cue that fires decides. Energy,
# housing and rebuilding money is reconstruction, never military support.
CATEGORY_CUES: tuple[Cue[str], ...] = (
    Cue(
        "category.reconstruction",
        _civilian(_RECONSTRUCTION),
        "reconstruction",
        "Norway approved NOK 500 million to repair destroyed housing in Kharkiv.",
    ),
    Cue(
        "category.humanitarian_aid",
        _civilian(_HUMANITARIAN_AID),
        "humanitarian",
        "Japan will provide $100 million in humanitarian aid for displaced people.",
    ),
    Cue(
        "category.financial_terms",
        _civilian(_FINANCIAL),
        "financial",
        "The EU disbursed a €4.2 billion tranche of budget support under the Ukraine Facility.",
    ),
    Cue(
        "category.industry_without_arms",
        lambda t: _INDUSTRY.search(t) and not _MILITARY.search(t),
        "defence-industry",
        "Denmark allocated DKK 1.3 billion to Ukrainian manufacturers under the Danish model.",
    ),
    Cue(
        "category.military_terms",
        lambda t: _MILITARY.search(t),
        "military",
        "Belgium will provide €611 million in military assistance this year.",
    ),
    Cue(
        "category.civilian_terms",
        lambda t: _HUMANITARIAN.search(t),
        "humanitarian",
        "Norway gave NOK 500 million for medical supplies and generators.",
    ),
)


def _category(text: str) -> tuple[str, str]:
    """(category, rule name); a sentence with no cue is support of unstated purpose, which
    the military-aid press means by default: recorded as military under its own rule name."""
    cue = first_cue(CATEGORY_CUES, text)
    if cue is None:
        return "military", "category.default_military"
    return cue.value, cue.name


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


@dataclass(slots=True)
class _Amount:
    """One amount of a sentence, as the amount vetoes see it."""

    text: str
    money: Money
    prev_end: int  # end of the amount before it (0 for the first)
    next_start: int  # start of the amount after it (the sentence's end for the last)
    next_end: int  # … and its end
    after_total: bool  # the amount before it was a running total
    year: int | None
    verbs: list[re.Match[str]]
    component: bool

    @property
    def before(self) -> str:
        return self.text[self.prev_end : self.money.start]

    def is_programme_total(self) -> bool:
        """The total of a yearly sum over years: "€1.2bn each year for five years (€6.3bn in
        total)" is one multi-year programme, recorded at its total."""
        return bool(
            _YEARLY_THEN.search(self.before) and _IN_TOTAL_AFTER.match(self.text, self.money.end)
        )

    def is_yearly_part(self) -> bool:
        """The yearly sum of a programme whose total follows: the total is the record."""
        between = self.text[self.money.end : self.next_start]
        return bool(
            self.next_start < len(self.text)
            and _YEARLY_THEN.match(between)
            and _IN_TOTAL_AFTER.match(self.text, self.next_end)
        )

    def is_total(self) -> bool:
        if self.is_programme_total() or _FRESH_OBJECT_BEFORE.search(self.before):
            return False
        around = self.text[self.prev_end : self.next_start]
        before = self.before
        if _NEW_THING_AMOUNTS.match(self.text):
            for m in _AMOUNTS_TO.finditer(before):
                before = before[: m.start()] + " " * (m.end() - m.start()) + before[m.end() :]
        return bool(
            (cues.has(cues.AGGREGATE_BEFORE, before) or cues.is_aggregate_around(around))
            and not cues.is_forward_sum(self.text, self.money.end, self.year)
        )

    def is_not_support(self) -> bool:
        start, end = self.money.start, self.money.end
        if _COST_OF.search(self.text, max(0, start - 25), start) and _FINANCED_BEFORE.search(
            self.text, max(0, start - 160), start
        ):
            # 1.7: the cost of what a donor finances is what it gives ("agreed to jointly
            # finance the procurement of … guns at a cost of 92 million euros")
            return False
        return cues.has(cues.NOT_SUPPORT_AFTER, self.text[end : end + 80]) or cues.has(
            cues.NOT_SUPPORT_BEFORE, self.text[max(0, start - 40) : start]
        )

    def is_attached(self) -> bool:
        """A verb, a support noun, "valued at", "thanked … for" or a package before it."""
        text, start = self.text, self.money.start
        return bool(
            self.verbs
            or self.component
            or _NEW_THING_AMOUNTS.match(text)
            or (_ANAPHOR.match(text) and _VALUED.search(text[max(0, start - 30) : start]))
            or cues.has(_SUPPORT_NOUN, text[_past_bracket(text, self.money.end) :][:80])
            or _SUPPORT_BEFORE.search(text[max(0, start - 60) : start])
            or _THANKS_FOR.search(text[max(0, start - 120) : start])
        )


# "… worth of drawdown authority remaining", "only $100 million remains in authority" (not
# "with the remaining €200m", which names another part).
_REMAINING_AFTER = icompile(
    r"(?:(?![€$£\d])[^.;]){0,70}?\b(?:remaining|remains|left\s+(?:over|unspent))\b"
    r"(?!\s+(?:[€$£\d]|(?:eur|usd|gbp)\b))"
)
_COST_OF = icompile(r"\b(?:at\s+a\s+)?(?:total\s+)?cost\s+of\s+(?:about\s+|around\s+|some\s+)?$")
_FINANCED_BEFORE = icompile(
    r"\b(?:financ(?:e|es|ed|ing)|fund(?:s|ed|ing)?|pa(?:y|ys|id|ying)\s+for)\s+(?:the\s+)?"
    r"(?:procurement|purchase|production|acquisition|delivery|supply|manufactur\w+)\s+of\b[^.;]*$"
)
# 1.7 (in amount.unattached): a bracket right after a sum restates it ("The 350-million-pound
# ($473 million) drone package"); the support noun is looked for after it.
_BRACKET_AFTER = re.compile(r"\s*\([^()]{0,60}\)")


def _past_bracket(text: str, end: int) -> int:
    m = _BRACKET_AFTER.match(text, end)
    return m.end() if m else end


# 1.3.0 (in amount.running_total): what a new package "amounts to" is its value, not a total:
# "The new humanitarian and emergency aid support covers Ukraine and Moldova, and amounts to
# about SEK 720 million".
_NEW_THING_AMOUNTS = icompile(
    r"\W{0,2}(?:the|this|its|their)\s+(?:new|latest|fresh)\b[^.;]{0,100}?\bamount(?:s|ed)?\s+to\b"
)
# 1.4.0 (in amount.running_total): a new sum as the object of its own verb, after a total, is
# new: "Ottawa provided over $5.4 billion in total aid to Ukraine and has issued a new $2.4
# billion loan included in the 2023 budget".
_FRESH_OBJECT_BEFORE = icompile(
    r"\band\s+(?:has\s+|have\s+|also\s+|will\s+){0,2}[a-z]+ed\s+(?:a|an)\s+(?:new|additional|"
    r"further|fresh)\s+$"
)
_AMOUNTS_TO = icompile(r"\bamount(?:s|ed)?\s+to\b")
_OF_THE_BEFORE = icompile(r"^\s*(?:out\s+)?of\s+(?:the|this|that|its|their)\s+$")
_YEARLY_THEN = icompile(
    r"^\s*(?:(?:each|per|a|every)\s+year|annually|yearly)\b[^()\[\];]{0,60}?[(,–—-]\s*$"
)
_IN_TOTAL_AFTER = icompile(r"\s*(?:in\s+total|total|altogether|overall)\b")
_PART_OF_TOTAL = icompile(
    r"\b(?:of\s+which|of\s+this|of\s+that|including|as\s+part\s+of|out\s+of|within)\b"
)

# The new level of a sum: "will increase the UK's military aid to Ukraine to £2.5 billion".
_RAISED_TO = icompile(
    r"\b(?:increas|rais|lift|boost|top(?:s|ped|ping)?\s+up|expand)\w*\s+(?:[\w'’-]+\s+){0,8}?"
    r"to\s+(?:about\s+|around\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+|some\s+)?$"
)
# … unless it is a programme over years: "to DKK 21.9 billion in 2023-2028".
_YEARS_SPAN_AFTER = icompile(
    r"(?:[^.;]|\.\d){0,90}?(?:(?:19|20)\d\d\s*[-–]\s*(?:19|20)?\d\d\b|\b(?:over|for)\s+(?:the\s+next\s+|"
    r"another\s+|a\s+further\s+)?(?:\w+|\d+)\s+years\b|\buntil\s+(?:19|20)\d\d\b)"
)


# Amounts that are no pledge, whatever the sentence says about them; the first that fires
# drops the amount. Order matters: a part of a total is checked before the total itself.
AMOUNT_VETOES: tuple[Rule[_Amount], ...] = (
    Rule(
        "amount.yearly_part",
        _Amount.is_yearly_part,
        "Norway will provide €1.2 billion each year for five years (€6.3 billion in total).",
        "a multi-year programme is recorded once, at its stated total (labelling rule 2)",
    ),
    Rule(
        "amount.part_of_total",
        lambda a: a.after_total and _PART_OF_TOTAL.search(a.before),
        "Australia's support exceeds A$1.6 billion, of which about A$1.4 billion is military aid.",
        "a part of a running total is itself a total",
    ),
    Rule(
        "amount.reference_total",
        lambda a: _OF_THE_BEFORE.search(a.before) is not None,
        "The US and the EU will each contribute $20 billion of the $50 billion loan.",
        "a total named as the whole that a share belongs to is told to place the share",
    ),
    Rule(
        "amount.remaining",
        lambda a: _REMAINING_AFTER.match(a.text, a.money.end) is not None,
        "The U.S. has $3.86 billion worth of drawdown authority for Ukraine remaining.",
        "what is left to spend of an authority or a fund is no new pledge (1.9.3)",
    ),
    Rule(
        "amount.raised_to",
        lambda a: (
            _RAISED_TO.search(a.before) is not None
            and _YEARS_SPAN_AFTER.match(a.text, a.money.end) is None
        ),
        "… and will increase the UK's military aid to Ukraine to £2.5 billion this year.",
        "the level a sum is raised to is a total; a programme over years stays (rule 2)",
    ),
    Rule(
        "amount.running_total",
        _Amount.is_total,
        "Denmark's total aid to Ukraine has reached DKK 33 billion.",
        "cumulative totals are not pledges (labelling rule 2)",
    ),
    Rule(
        "amount.whole_bill",
        lambda a: cues.has(cues.WHOLE_BILL_AFTER, a.text[a.money.end : a.money.end + 60]),
        "The House passed a $1.5 trillion spending bill that includes $13.6 billion for Ukraine.",
        "a spending bill's size is the whole budget, of which Ukraine's aid is a part "
        "(three outlets in reallabels7 told the US omnibus bills this way)",
    ),
    Rule(
        "amount.not_support",
        _Amount.is_not_support,
        "The EU will use €3 billion of frozen Russian assets to buy arms for Ukraine.",
        "prices, losses, assets and budgets of others are not support",
    ),
    Rule(
        "amount.unattached",
        lambda a: not a.is_attached(),
        "Ukraine's GDP, $180 billion, shrank while Poland's army grew.",
        "an amount tied to no pledge verb or support noun is context",
    ),
)


def _money_anchors(
    text: str,
    monies: list[Money],
    verbs: list[re.Match[str]],
    component: bool,
    year: int | None,
    dropped: list[tuple[str, str]],
) -> list[_Anchor]:
    """Amounts that can be pledges; each dropped one goes to ``dropped`` with its rule."""
    anchors: list[_Anchor] = []
    after_total = False
    for k, money in enumerate(monies):
        amount = _Amount(
            text,
            money,
            monies[k - 1].end if k else 0,
            monies[k + 1].start if k + 1 < len(monies) else len(text),
            monies[k + 1].end if k + 1 < len(monies) else len(text),
            after_total,
            year,
            verbs,
            component,
        )
        veto = first_rule(AMOUNT_VETOES, amount)
        after_total = veto is not None and veto.name in (
            "amount.part_of_total",
            "amount.running_total",
        )
        if veto is not None:
            dropped.append((veto.name, money.text))
            continue
        part = k > 0 and bool(_PART_OF.search(amount.before))
        anchors.append(
            _Anchor(money.start, money.end, money, _items(text, money.end), None, part=part)
        )
    return anchors


# anchor.things_per_giver: a clause of its own with a giver of its own gives its own things
# (1.2.0; real: "Estonia will donate Javelin antitank missile systems to Ukraine, while Latvia
# and Lithuania will give them Stinger surface-to-air missiles").
# 1.7: also "and" with no comma when a giver and a verb of its own follow it ("the US, Germany
# and the Netherlands will supply Patriot systems and France and Italy will provide SAMP/T").
_NEW_CLAUSE = icompile(r"(?:,?\s*(?:while|whereas|and|but|as\s+well\s+as)|;)\s+(?:the\s+)?")


def _new_giver(text: str, after: int, verb: re.Match[str], mentions: list[Mention]) -> bool:
    """Between the things before and ``verb``, a new clause opens with a giver as subject."""
    for brk in _NEW_CLAUSE.finditer(text[: verb.start()], after):
        if any(
            m.start == brk.end() and donor_eligible(m) and m.end <= verb.start() for m in mentions
        ):
            return True
    return False


def _item_anchors(
    text: str,
    monies: list[Money],
    verbs: list[re.Match[str]],
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
        things_rule = None
        if name == "bare":
            things_rule = first_rule(
                THINGS_RULES,
                _Things(
                    text,
                    verb,
                    verb.end() + obj.start("bare"),
                    any(
                        donor_eligible(m)
                        and m.end <= verb.start()
                        and _SUBJECT_GAP.match(text[m.end : verb.start()])
                        for m in mentions
                    ),
                ),
            )
            if things_rule is None:
                continue  # unnumbered things count only where their giving is asserted
        if name == "gdp" and not _FOR_UKRAINE.search(text):
            continue  # "2.5% of GDP on defence": a state's own spending, not support
        items = text[verb.end() + obj.start(name) : verb.end() + obj.end(name)].strip()
        o_start, o_end = verb.end() + obj.start(), verb.end() + obj.end()
        if re.match(r"receiv", verb.group(), _I) and not re.search(r"\bfrom\b", text[o_end:]):
            continue
        own = False
        if not monies and anchors:
            if not _new_giver(text, anchors[-1].end, verb, mentions):
                break
            own = True
        anchors.append(
            _Anchor(
                o_start,
                o_end,
                None,
                items,
                verb,
                own_clause=own,
                rule=things_rule.name if things_rule else None,
            )
        )
    if not monies and not anchors and "thank" in stems:
        # "Zelensky thanked Germany for four IRIS-T systems delivered last month"
        for m in _THANKS_ITEM.finditer(text):
            what = text[m.start("item") : m.end("item")]
            anchors.append(_Anchor(m.start("item"), m.end("item"), None, what, None))
            break
    if not monies and not anchors and not _PASSIVE_STEMS.isdisjoint(stems):
        passive = _PASSIVE_VERB.search(text)
        found = first_method(PASSIVE_METHODS, _Told(text, passive and passive.start()))
        if found is not None:
            rule, item = found
            what = text[item.start("item") : item.end("item")]
            end = passive.end() if passive else item.end()
            anchors.append(_Anchor(item.start("item"), end, None, what, None, rule=rule))
    if not monies and not anchors and not _FRONTED_STEMS.isdisjoint(stems):
        fronted = first_method(FRONTED_METHODS, text)
        if fronted is not None:
            rule, item = fronted
            start, end = item.start("item"), item.end("item")
            anchors.append(_Anchor(start, end, None, text[start:end], None, rule=rule))
    return anchors


# 1.4.0 anchor.things_before_sum: things handed over under a verb of their own, before "and"
# another verb gives a sum, are a pledge of their own, not the sum's contents: "This week,
# Lithuania transferred to Ukraine additional M113 armored personnel carriers and committed
# EUR 1.7 million additionally to the Deming Coalition Fund."
_AND_NEXT_VERB = icompile(
    r"^(?:\s+to\s+(?:Ukraine|Kyiv|Kiev|them))?\s*,?\s+and\s+(?:(?:has|have|also|then|will)\s+){0,2}$"
)


def _things_before_sum(
    text: str, anchor: _Anchor, verbs: list[re.Match[str]], monies: list[Money]
) -> bool:
    if anchor.verb is None:
        return False
    for v in verbs:
        if v.start() >= anchor.end:
            return bool(
                _AND_NEXT_VERB.match(text[anchor.end : v.start()])
                and any(m.start > v.end() for m in monies)
            )
    return False


@dataclass(slots=True)
class _Sentence:
    """A sentence as the sentence vetoes see it."""

    text: str
    stems: set[str]


# A sentence that asserts no pledge at all, whatever it names.
SENTENCE_VETOES: tuple[Rule[_Sentence], ...] = (
    Rule(
        "veto.agenda",
        lambda s: cues.is_agenda(s.text, s.stems),
        "The ministers will discuss a €5 billion package for air defence.",
        "agenda items and talks are not decisions (labelling rule 1)",
    ),
    Rule(
        "veto.russian_claim",
        lambda s: cues.russian_claim(s.text, s.stems),
        "Russia claims it destroyed $200 million of weapons sent by Germany.",
        "a claim of destroyed aid is no pledge",
    ),
    Rule(
        "veto.question",
        lambda s: s.text.rstrip().endswith("?"),
        "Will Germany send another €500 million in aid?",
        "a question asserts nothing",
    ),
)


@dataclass(slots=True)
class _Candidate:
    """A pledge found (anchor and donors) before the vetoes of its clause."""

    text: str
    stems: set[str]
    anchor: _Anchor
    start: int  # the clause that asserts it: donor to amount
    end: int

    @property
    def clause(self) -> str:
        return self.text[self.start : self.end]


def _gated(stems: set[str], gate: frozenset[str], pattern: LowerPattern, text: str) -> bool:
    return not gate.isdisjoint(stems) and pattern.search(text) is not None


# A candidate whose clause (or, for conditions, sentence) says it is not asserted.
_UNNAMED_FUNDS = icompile(
    r"^(?:the\s+|its\s+|their\s+|some\s+|more\s+|additional\s+|further\s+)?(?:funds|money|"
    r"funding|financing|resources)$"
)


_PART_OF_PACKAGE = icompile(
    r"\b(?:as\s+)?(?:a\s+)?part\s+of\s+(?:the|this|that|its)\s+(?:\w+\s+){0,3}package\b"
)
# … unless they buy named things: "allocated funding for artillery shells".
_FUNDS_FOR_THINGS = icompile(r"\s*(?:for|to\s+(?:buy|purchase|procure))\s+(?!the\s+)\w")


# "a partnership with Britain, which provides Ukraine with …": what a scheme does.
_SCHEME_WHICH = icompile(
    r"\b(?:partnership|programme|program|initiative|coalition|fund|mechanism|facility|format|"
    r"scheme|project|alliance|framework)\b(?:\s+(?:with|of|for|led\s+by|run\s+by)\s+(?:the\s+)?"
    r"(?:[\w-]+\s+){0,3}?[\w-]+)?,\s+(?:which|that)\s+(?:also\s+|now\s+|already\s+)?$"
)


# 1.3.0: what the sum itself may still become, told after it: "a further €605.5 million
# (£500 million) could be invested in future" (the clause before the sum is plain).
_MODAL_AFTER = icompile(
    r"\s*[)\]]?\s*(?:[(\[][^()\[\]]{0,60}[)\]]\s*)?(?:more\s+|in\s+\w+\s+)?(?:could|might|may)\s+"
    r"(?:also\s+|later\s+|eventually\s+|still\s+|yet\s+)?(?:be|follow|come|go)\b"
)
# 1.3.0: a sum the speaker hopes a vote or a partner will yet deliver: "I still believe that
# we will be able to achieve a positive vote from the U.S. Congress on a $60 billion … package".
_HOPED_BEFORE = icompile(
    r"\b(?:believes?|hopes?|hoping|(?:am|is|are)\s+(?:confident|optimistic))\b[^.;]{0,80}?"
    r"\b(?:will|would|can|could)\s+(?:still\s+|soon\s+)?(?:be\s+able\s+to|manage\s+to|achieve|"
    r"get|secure|win|obtain|pass|unblock|unlock)\b"
)


PLEDGE_VETOES: tuple[Rule[_Candidate], ...] = (
    Rule(
        "veto.negation",
        lambda c: _gated(c.stems, cues.NEGATION_STEMS, cues.NEGATION, c.clause),
        "Germany has not pledged €500 million for Taurus missiles.",
        "negations, refusals and halted aid (labelling rule 1)",
    ),
    Rule(
        "veto.condition",
        lambda c: cues.is_conditional(c.text, c.stems),
        "Norway will give NOK 2 billion if European partners agree.",
        "a conditional offer is no pledge",
    ),
    Rule(
        "veto.speculation",
        lambda c: cues.is_speculation(c.clause, c.stems),
        "France is considering a €3 billion package of air defence.",
        "speculation, plans and proposals",
    ),
    Rule(
        "veto.modal_after",
        lambda c: (
            c.anchor.money is not None and _MODAL_AFTER.match(c.text, c.anchor.end) is not None
        ),
        "The deal Britain announced is worth €1.4 billion, but a further €600 million could be "
        "invested in future.",
        "a sum that 'could be' spent is a possibility, however plain the clause before it",
    ),
    Rule(
        "veto.hoped_for",
        lambda c: _HOPED_BEFORE.search(c.text, 0, c.anchor.start) is not None,
        "Kyiv believes it will be able to win a vote from the U.S. Congress on a $60 billion "
        "package.",
        "a sum still hoped for (a vote, a partner's consent) is not asserted (labelling rule 1)",
    ),
    Rule(
        "veto.presented_plan",
        lambda c: (
            c.anchor.money is not None
            and _PLAN_AFTER.match(c.text, c.anchor.end)
            and _PRESENTED.search(c.clause)
        ),
        "The Commission presented its €50 billion plan to the member states.",
        "a sum presented as a plan is a proposal",
    ),
    Rule(
        "veto.demanded",
        lambda c: _DEMAND_BEFORE.search(c.text, max(0, c.start - 40), c.start),
        "MPs demanded that Rome send €200 million of Patriot missiles.",
        "the donor is the object of a demand",
    ),
    Rule(
        "veto.open_question",
        lambda c: _QUESTION_BEFORE.search(c.text, max(0, c.start - 30), c.start),
        "The minister declined to say whether Germany would send €300 million of shells.",
        "an indirect question asserts nothing",
    ),
    Rule(
        "veto.generic_things",
        lambda c: c.anchor.money is None and _is_generic(c.anchor.items or ""),
        "Defense Minister Pistorius announced further deliveries of weapons and ammunition.",
        "a generic promise of more arms names no pledge an analyst could count (labelling rule 1)",
    ),
    Rule(
        "veto.unnamed_funds",
        lambda c: (
            c.anchor.money is None
            and _UNNAMED_FUNDS.match((c.anchor.items or "").strip()) is not None
            and _FUNDS_FOR_THINGS.match(c.text, c.anchor.end) is None
            and _PART_OF_PACKAGE.search(c.text) is not None
        ),
        "As part of the aid package, Denmark is allocating funds to strengthen air defence.",
        "funds of a package told elsewhere, with no sum or things of their own, are that package",
    ),
    Rule(
        "veto.scheme_description",
        lambda c: (
            c.anchor.money is None
            and c.anchor.verb is not None
            and _SCHEME_WHICH.search(
                c.text, max(0, c.anchor.verb.start() - 120), c.anchor.verb.start()
            )
            is not None
        ),
        "Canada will allocate CAD33 million as part of a partnership with Britain, which "
        "provides Ukraine with hundreds of air defense missiles.",
        "a relative clause telling what a scheme does describes it; it is no pledge of its own",
    ),
    Rule(
        "veto.items_in_total",
        lambda c: c.anchor.money is None and cues.is_aggregate_around(c.text),
        "In total, Canada has delivered 39 armoured vehicles since 2022.",
        "things counted in a running total are not a pledge",
    ),
)


@dataclass(slots=True)
class _Dating:
    """What the date methods look at for one pledge."""

    main: str  # the sentence with absolute "with …-ing" clauses blanked
    cues: list[DateCue]
    anchor: _Anchor
    sent: Sentence
    ctx: ArticleContext


# A date that opens a span is not the day of the pledge: "our 31st drawdown since August 2021".
_SPAN_START = icompile(r"\b(?:since|starting|beginning|from)\s+(?:(?:early|late|mid)[\s-]+)?$")


def _opens_span(main: str, cue: DateCue) -> bool:
    told = main[cue.start : cue.end].lower()
    # "beginning March" opens a span; "(at the) beginning of February" is a time (1.9)
    opens = told.startswith(("since", "from", "starting", "beginning")) and not told.startswith(
        "beginning of"
    )
    return opens or bool(_SPAN_START.search(main, max(0, cue.start - 16), cue.start))


def _date_stated(d: _Dating) -> DateCue | str | None:
    cues_ = [c for c in d.cues if not _opens_span(d.main, c)]
    return best_date(cues_, near=d.anchor.start, published=d.ctx.published)


def _date_same_day(d: _Dating) -> str | None:
    return d.ctx.day_before(d.sent.index) if _SAME_DAY.search(d.main) else None


def _date_story_day(d: _Dating) -> str | None:
    return d.ctx.news_date_near(d.sent.index)


# When a pledge was announced: a date its sentence states, else "the same day" as the
# sentence before, else the day of the story (a dateline, "on Tuesday" nearby). An undated
# restatement stays undated: the article's day is not its day.
DATE_METHODS: tuple[Method[_Dating, DateCue | str], ...] = (
    Method("date.stated", _date_stated, "On 21 January Belgium pledged €611 million."),
    Method(
        "date.same_day",
        _date_same_day,
        "Germany on Tuesday announced €500 million. The same day, Norway pledged NOK 1 billion.",
    ),
    Method(
        "date.story_day",
        _date_story_day,
        "Lithuania on Tuesday approved aid. It allocated €35 million for drones.",
    ),
)


@dataclass(slots=True)
class _Restating:
    main: str
    text: str
    chosen: DateCue | None
    published: dt.date | None
    anchor: _Anchor


# The past perfect of cues.RESTATED's "has already been delivered": reported speech does not
# back-shift a passive delivery into news ("Kishi said … had already been delivered").
_ALREADY_GIVEN = icompile(
    r"\bhad\s+already\s+been\s+(?:delivered|handed\s+over|supplied|transferred|sent|"
    r"shipped|donated)\b"
)


# A pledge told as old news: a restatement cue, a date before the article's news, a past year.
RESTATED_RULES: tuple[Rule[_Restating], ...] = (
    Rule(
        "restated.cue",
        lambda r: cues.is_restated(r.main),
        "As previously reported, Sweden has committed SEK 7 billion to air defence.",
        "the text says it is told again (labelling rule 6)",
    ),
    Rule(
        "restated.earlier_date",
        lambda r: is_earlier(r.chosen, r.published),
        "In March 2023 Sweden pledged SEK 6.2 billion for tanks.",
        "a stated date clearly before the news",
    ),
    Rule(
        "restated.past_year",
        lambda r: past_year(r.text, r.published),
        "Italy gave €1 billion in 2022 and will now add €500 million.",
        "a past year names an earlier pledge",
    ),
    Rule(
        "restated.already_given",
        lambda r: _ALREADY_GIVEN.search(r.text),
        "Kishi also said that Japanese body armor and helmets had already been delivered.",
        "things told as already handed over are an earlier fact than today's news (1.8)",
    ),
    Rule(
        "restated.envelope",
        lambda r: (
            r.anchor.money is not None
            and cues.ENVELOPE_BEFORE.search(r.text, max(0, r.anchor.start - 40), r.anchor.start)
        ),
        "The drones are paid from the €2 billion that Denmark pledged.",
        "money drawn from an envelope told before",
    ),
)


# "further deliveries of weapons and ammunition", "more equipment": a vague amount of a
# generic class of things.
_GENERIC_THINGS = icompile(
    r"^(?:further|additional|more|new|extra|another)\s+(?:(?:deliveries|shipments|supplies|"
    r"batches)\s+of\s+)?(?:(?:weapons|arms|ammunition|munitions|equipment|military\s+aid|"
    r"aid|vehicles|systems)(?:\s+and\s+|,\s*|\s*$))+$|"
    # a class of things with no number: "more air defense systems", "additional air defence"
    r"^(?:more|further|additional)\s+(?:[\w-]+\s+){0,2}(?:systems|weapons|equipment|capabilities|"
    r"defen[cs]e)$|"
    # a share of stocks is not a count: "12 percent each of its howitzers"
    r"^\d+(?:\.\d+)?\s*(?:percent|per\s+cent|%)\s+(?:each\s+)?of\s+(?:its|their)\s+(?!gdp\b|gross\b)"
)


def _is_generic(items: str) -> bool:
    """1.9: only arms in general are generic. "more air defense interceptors" or "more Patriot
    systems" from a named donor were pledges in every real article where the veto met them
    (1.1.0 to 1.8 vetoed any class of things told as "more")."""
    items = items.strip()
    return _GENERIC_THINGS.match(items) is not None and _ITEM_SPECIFIC.search(items) is None


# 1.4.0 anchor.matched_sum: a donor that "matched" the sum just told gives the same sum:
# "Germany pledged $500 million for a subsequent package, while Canada matched this amount
# for the fourth package."
_MATCHED = icompile(
    r"\b(?:matched|equall?ed)\s+(?:this|that|the\s+same|its|their|the|his|her)\s+(?:amount|sum|"
    r"figure|pledge|contribution|commitment)\b"
)


def _matched_sums(
    text: str, mentions: list[Mention], found: list[PledgeMention]
) -> list[PledgeMention]:
    """Copies of the last sum before "matched this amount" for the donor that matched it."""
    m = _MATCHED.search(text)
    if m is None:
        return []
    told = [p for p in found if p.amount is not None and p.amount_text]
    if not told:
        return []
    who = [x for x in mentions if x.end <= m.start() and donor_eligible(x)]
    if not who or who[-1].name in {p.donor for p in told}:
        return []
    return [
        replace(
            told[-1],
            donor=who[-1].name,
            component=False,
            rules=(*told[-1].rules, "anchor.matched_sum"),
        )
    ]


def sentence_pledges(view: SentenceView) -> list[PledgeMention]:
    """Every pledge the sentence asserts, one record per donor and amount."""
    sent, mentions, ctx, memory, trace = view.sent, view.mentions, view.ctx, view.memory, view.trace
    text, stems = sent.text, view.stems
    monies = []
    if may_have_money(stems):
        monies = [m for m in find_money(text) if not m.conversion]
    verbs = [] if PLEDGE_STEMS.isdisjoint(stems) else list(PLEDGE_VERB.finditer(text))
    if not monies and not verbs and "thank" not in stems and ARRIVAL_STEMS.isdisjoint(stems):
        return []
    veto = first_rule(SENTENCE_VETOES, _Sentence(text, stems))
    if veto is not None:
        if trace is not None:
            trace.note(sent.index, veto.name, "dropped", "the whole sentence")
        return []
    # A part of a package stated before it ("This includes …", "Of this, €500m …").
    component = bool(memory.last_donors) and cues.is_component(text, stems)
    year = ctx.published.year if ctx.published else None
    dropped: list[tuple[str, str]] = []
    anchors = _money_anchors(text, monies, verbs, component, year, dropped)
    if trace is not None:
        for name, what in dropped:
            trace.note(sent.index, name, "dropped", what)
    money_anchors = len(anchors)
    anchors += _item_anchors(text, monies, verbs, mentions, stems)
    out: list[PledgeMention] = []
    with_sum: set[str] = set()  # donors whose pledge in this sentence has an amount
    coalition = next((m.name for m in mentions if m.kind in ("coalition", "initiative")), None)
    idx: list[int] = []
    agents: list[int] = []
    if anchors:
        excluded = _excluded(text, mentions)
        idx, agents = _agents(text, mentions, stems, excluded)
        if trace is not None:
            for i, name in excluded.items():
                trace.note(sent.index, name, "dropped", mentions[i].name)
    date_cues = None
    main = _without_absolute(text) if anchors else text
    for k_anchor, anchor in enumerate(anchors):
        what = anchor.money.text if anchor.money else anchor.items or ""
        query = _Query(
            sent, mentions, ctx, memory, anchor, verbs, idx, agents, coalition, component
        )
        resolved = first_method(DONOR_METHODS, query)
        if resolved is None:
            if trace is not None:
                trace.note(sent.index, "donor.none_found", "dropped", what)
            continue
        donor_rule, donors = resolved
        donor_names = donors.names
        kind = "anchor.things_per_giver" if anchor.own_clause else "anchor.things"
        rules = ["anchor.amount" if anchor.money else kind, donor_rule]
        if anchor.rule is not None:
            rules.append(anchor.rule)
        if anchor.money is not None and len(set(donor_names)) > 1:
            clause = text[donors.start : donors.end]
            first = min(m.start for m in mentions if m.name in donor_names)
            if _is_joint(clause, text, anchor.end, anchor.start, first):
                # items beside a joint sum are its contents, not one pledge per partner
                with_sum.update(donor_names)
                donor_names = [_joint_name(donor_names)]
                rules.append("donor.joint_sum")
            elif (
                len(donor_names) == money_anchors
                and k_anchor < money_anchors
                and _RESPECTIVELY.search(text)
            ):
                donor_names = [donor_names[k_anchor]]
                rules.append("donor.respectively")
        pledge_veto = first_rule(
            PLEDGE_VETOES, _Candidate(text, stems, anchor, donors.start, donors.end)
        )
        if pledge_veto is not None:
            if trace is not None:
                trace.note(
                    sent.index, pledge_veto.name, "dropped", f"{', '.join(donor_names)}: {what}"
                )
            continue
        if date_cues is None:
            date_cues = find_dates(main, ctx.published, stems)
        dating = _Dating(main, date_cues, anchor, sent, ctx)
        stated = first_method(DATE_METHODS[:1], dating)
        chosen = stated[1] if stated else None
        assert chosen is None or isinstance(chosen, DateCue)
        restating = _Restating(main, text, chosen, ctx.published, anchor)
        restated_by = first_rule(RESTATED_RULES, restating)
        if restated_by is not None:
            rules.append(restated_by.name)
        dated = stated if stated or restated_by else first_method(DATE_METHODS[1:], dating)
        announced: str | None = None
        if dated is not None:
            rules.append(dated[0])
            announced = dated[1].value if isinstance(dated[1], DateCue) else dated[1]
        money = anchor.money
        category, category_rule = _category(text)
        if (
            money is None
            and anchor.items
            and re.search(r"fund|financ|contribution", anchor.items, _I)
        ):
            category = "financial" if not _MILITARY.search(text) else "military"
            category_rule = "category.funding_object"
        rules.append(category_rule)
        if money is None and k_anchor >= money_anchors:
            if _things_before_sum(text, anchor, verbs, monies):
                rules.append("anchor.things_before_sum")
            else:
                # Items listed beside a donor's sum are that pledge's contents, not a second
                # pledge.
                donor_names = [n for n in donor_names if n not in with_sum]
        elif money is not None:
            with_sum.update(donor_names)
        owned = [_owner(n) for n in donor_names]
        if any(rule for _, rule in owned):
            rules.extend(dict.fromkeys(rule for _, rule in owned if rule))
            donor_names = [n for n, _ in owned]
        for name in dict.fromkeys(donor_names):
            currency = _currency(money, name, ctx, text) if money else None
            record = PledgeMention(
                donor=name,
                recipient=_recipient(text, mentions, anchor.start),
                amount=money.amount if money else None,
                currency=currency,
                amount_text=money.text if money else None,
                category=category,
                stage=_stage(text[donors.start : donors.end]),
                evidence=text,
                start=sent.start,
                end=sent.end,
                confidence=round(donors.confidence - (0.1 if len(donor_names) > 1 else 0.0), 2),
                items=anchor.items,
                coalition=coalition
                if not donors.collective
                else (coalition or memory.last_coalition),
                announced_on=announced,
                restated=restated_by is not None,
                component=(component or anchor.part) and money is not None,
                rules=tuple(rules),
            )
            out.append(record)
            if trace is not None:
                trace.note(sent.index, "pledge", "found", f"{name}: {what} ({', '.join(rules)})")
    if "match" in stems or "equal" in stems:
        for p in _matched_sums(text, mentions, out):
            out.append(p)
            if trace is not None:
                trace.note(sent.index, "anchor.matched_sum", "found", f"{p.donor}: {p.amount_text}")
    return out
