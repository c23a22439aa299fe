"""Lexical cues that decide whether a sentence asserts a record at all.

Each cue family is one compiled pattern so rules stay readable and testable on their own:
negation, speculation and plans, conditions, agenda items and talks, cumulative totals,
restatements, and Russian claims. Callers pass the span of the clause that holds the pledge
(from the donor to the amount), so a "could" in another clause does not veto the record.
"""

from __future__ import annotations

import re

from transforms.lowre import LowerPattern, icompile

_I = re.IGNORECASE

NEGATION = icompile(
    r"\b(?:not(?!\s+only)|never|no\s+(?:new|more|further|additional|plans?)|n['’]t|neither|"
    r"refus(?:ed|es|e)|declin(?:ed|es)\s+to|ruled\s+out|rejected|denied|vetoed|"
    # 1.4.0: "blocked Russian assets" are frozen, not aid held up ("reached an agreement to
    # utilise the earnings from blocked Russian assets to fund a $50 billion loan")
    r"blocked(?!\s+(?:Russian\s+|Russia['’]s\s+|sovereign\s+)?(?:assets|funds|reserves|accounts))|"
    r"without\s+(?:any|new)|"
    # failed decisions and dropped plans: "failed to agree on", "no figure has been agreed",
    # "that option was dropped"
    r"fail(?:s|ed|ing)?\s+to|unable\s+to|no\s+(?:[\w-]+\s+){1,2}?(?:has|have|had|was|were)\s+"
    r"(?:yet\s+)?been|(?:was|were|been)\s+(?:dropped|abandoned|shelved|scrapped)|"
    # stopped or put off: "halted military aid", "the package was postponed"
    r"halt(?:s|ed)|suspend(?:s|ed)|postpon(?:es|ed)|cancel(?:s|led|ed)|put\s+on\s+hold|"
    # aid someone holds up: "accused Hungary of blocking €5 billion in EU military aid"
    r"(?:of|is|are|was|were|been|keeps?|kept|continues?\s+to)\s+block(?:ing)?)\b|n['’]t\b",
)
SPECULATION = icompile(
    r"\b(?:may|might|could|would\s+(?:probably|likely|possibly)|probably|possibly|likely|"
    r"expected\s+to|is\s+expected|are\s+expected|to\s+be\s+expected|preparing|prepares|"
    r"plans?\s+to|planned\s+to|planning\s+to|intends?\s+to|intending\s+to|aims?\s+to|"
    r"seeks?\s+to|hopes?\s+to|expects?\s+to|considering|considers|mulling|weighing|proposed|proposes|propose|"
    # a plan is no decision: "a planned €1 billion package", "presented its €50 billion plan"
    r"(?:a|the|its|their)\s+planned\b|present(?:s|ed|ing)?\s+(?:a|an|its|their|the)\s+(?:\S+\s+){0,3}?"
    r"(?:plan|proposal|draft|bill|roadmap|strategy)\b|"
    # a past deliberation is no decision: "earlier considered buying back tanks"
    r"(?:considered|weighed|mulled|explored)\s+(?:\w+ing\b|whether|options?\b|the\s+(?:idea|option|"
    r"possibility)\b)|"
    # "is set to approve" awaits a decision; "is set to deliver" reports one already taken
    r"proposal|suggested|suggests|(?:is|are)\s+set\s+to\s+(?:approve|agree|decide|adopt|announce|"
    r"sign|unveil|discuss|vote|consider|receive)|to\s+be\s+able\s+to|"
    r"working\s+(?:on|to)|(?:is|are|be|was|were)\s+ready\s+to|calls?\s+on|called\s+on|urged|urges|"
    r"ask(?:ed|s)?\s+(?:for|to)|requested|in\s+the\s+coming\s+(?:days|weeks|months)|"
    r"next\s+(?:week|month)|in\s+the\s+future|wants?\s+to|would\s+like\s+to|discuss(?:ed|es)?|"
    r"talks|negotiat\w+|an\s+opportunity\s+to|potential(?:ly)?|reportedly|rumou?red|"
    # a hedged decision noun: "Washington's possible decision to send", "a prospective sale"
    r"(?:possible|prospective|hypothetical|eventual|rumou?red)\s+(?:\w+\s+)?(?:decision|transfer|"
    r"deliver(?:y|ies)|supply|supplies|package|deal|sale|shipment)s?|"
    # recommendations and demands are not decisions: "argued Stockholm should send Gripens"
    r"should|ought\s+to|argued|argues|demand(?:ed|s)?|insist(?:ed|s)\s+that|"
    r"(?:hesitant|reluctant|unwilling)\s+to|"
    # still being arranged: "has entered the final stage of coordinating the provision of"
    r"final\s+stages?\s+of|in\s+the\s+process\s+of|"
    # an announcement still to come: "the U.S. will soon announce more than $2.3 billion"
    r"will\s+(?:soon\s+|shortly\s+)?(?:announce|unveil)|"
    # a goal is no delivery: "the EU's self-imposed deadline to deliver 1 million shells"
    r"(?:deadline|target|goal|ambition)\s+(?:to|of)\s+(?:deliver|provid|supply|send)\w*|"
    # 1.3.0: choices put to others are proposals: "presented EU member states … with two
    # options to give Ukraine 90 billion euros"
    r"options?\s+(?:to|for)\s+(?:giv|fund|financ|provid|cover|rais|support|lend|pay)\w*)\b",
)
CONDITIONAL = icompile(
    # "not clear if", "asked whether": an indirect question, not a condition
    r"(?<!clear\s)(?<!unclear\s)(?<!certain\s)(?<!known\s)(?<!asked\s)(?<!see\s)\b(?:if|unless|provided\s+that|on\s+condition|in\s+case|subject\s+to|"
    # 1.4.0: "would deliver five more missile interceptors …, contingent on other countries
    # donating a total of 30"
    r"contingent\s+(?:up)?on|as\s+long\s+as\s+\w+\s+"
    r"(?:pays|provides)|"
    # waiting on a vote: "will agree to allocate funds once the package is approved"
    r"once\s+(?:\w+\s+){1,8}?(?:is|are|has\s+been|have\s+been)\s+(?:approved|adopted|passed|"
    r"ratified))\b",
)
AGENDA = icompile(
    r"\b(?:agenda|will\s+(?:also\s+)?discuss|would\s+(?:also\s+)?discuss|to\s+discuss|"
    r"is\s+being\s+discussed|remains?\s+on\s+the\s+table|round\s+of\s+talks)\b",
)
_DESTROYED = icompile(r"\b(?:destroy(?:ed|s)?|shot\s+down|eliminated|wiped\s+out|struck)\b")
_RUSSIAN = re.compile(r"\b(?:Russian?|Kremlin|Moscow)\b")


def russian_claim(sentence: str, stems: set[str] | None = None) -> bool:
    """A Russian claim of destroyed Western aid: never a pledge, whatever amount it names."""
    if stems is not None and _DESTROYED_STEMS.isdisjoint(stems):
        return False
    return bool(_DESTROYED.search(sentence) and _RUSSIAN.search(sentence))


# Words that make an amount a running total rather than a new pledge. Checked in the text
# leading up to the amount ("bring the total to", "a total of", "reached") …
AGGREGATE_BEFORE = icompile(
    # "brings the total in PURL funds pledged by NATO countries to about $3.3 billion"
    r"(?:\bbring(?:s|ing)?\s+(?:the|its|their)\s+(?:\w+\s+){0,2}(?:total|tally)\b[^.;]{0,80}\bto\s+"
    r"(?:about\s+|around\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+|some\s+)?$|"
    # 1.4.0: the level support is brought to, named without "total": "mobilising a further 500
    # million euro, which brings EU EPF support to 3.1 billion euro"
    r"\bbring(?:s|ing)?\s+(?:[\w'’.-]+\s+){0,4}?(?:aid|support|assistance|contributions?|funding|"
    # 1.5: "brings the U.S. price tag for this 184-day conflict to $13.6 billion"
    r"commitments?|price\s+tag|bill|tab)\s+(?:(?:to|for)\s+(?:[\w-]+\s+){0,3}?)?to\s+(?:about\s+|around\s+|nearly\s+|almost\s+|"
    r"over\s+|more\s+than\s+|some\s+)?$|"
    # the state of a total: "the military assistance provided to Ukraine is now over $710 million"
    r"\b(?:is|are|stands|totals?)\s+now\b|"
    r"\bbring(?:s|ing)?\b[^.;]{0,60}\b(?:total|overall|sum)\b|\bmaking\s+(?:this|it|that)\s+a\s+"
    r"total\b|\bthe\s+total\s+(?:\w+\s+){0,4}(?:of|to|at|is|was|reached|amounts?)\b|\btotal\s+"
    r"(?:\w+\s+){0,3}(?:aid|assistance|support|contributions?|funding|commitments?|spending|"
    r"packages?)\b[^.;]{0,60}$|\bexceed(?:s|ed|ing)?\b|\bstands?\s+at\b|\bstood\s+at\b|"
    r"\b(?:has|have|had)\s+(?:now\s+|so\s+far\s+|already\s+)?reached\b|\breached\b|"
    r"\bwill\s+reach\b|\b(?:now\s+)?(?:collectively\s+)?reach(?:es)?\s+(?:just\s+)?(?:over|about|"
    r"around|nearly|almost|more\s+than)?\s*$|\bamount(?:s|ed)?\s+to\b|\bin\s+total\b|\bcumulative\w*\b|\boverall\b|"
    r"\baltogether\b|(?<!worth\s)(?<!valued\sat\s)\ba\s+total\s+of\b|\bsum\s+of\b|\bworth\s+a\s+combined\b|\bcombined\b)"
    r"[^.;]{0,40}$",
)
# … and in the text around it ("since 2022", "so far", "in two years").
AGGREGATE_AROUND = icompile(
    # 1.5: a tally dated "as of" a month or year ("close to one billion euros … as of June
    # 2023") is a running total ("since January" was tried too and cost the validation fold a
    # true pledge, so a span opened by a month alone is left out)
    r"\bas\s+of\s+(?:(?:early|late|mid-?)\s*)?(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December)\b(?!\s+\d{1,2}\b(?!,?\s+(?:19|20)\d\d))|"
    r"\bas\s+of\s+(?:the\s+end\s+of\s+)?(?:19|20)\d\d\b|"
    r"\bsince\s+(?:the\s+(?:beginning|start|outbreak|onset|launch|creation|founding|establishment)|(?:19|20)\d\d|February\s+2022|"
    r"February\s+24|the\s+full[- ]scale|Russia['’]?s|the\s+invasion|the\s+war|then)\b|\bso\s+far\b|"
    # 1.9.3: a span opened by a month of a year ("since August 2021"; a month alone stays out)
    r"\bsince\s+(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\s+(?:19|20)\d\d\b|"
    r"\bto\s+date\b|\bin\s+(?:two|three|four|the\s+past\s+\w+)\s+years\b|\bup\s+to\s+now\b|\bthus\s+far\b|"
    # 1.3.0: a sum over the years just gone is a running total ("budget support totaling more
    # than $8.5 billion over the past three years"); "Russia’s" with a typographic apostrophe
    r"\b(?:over|in|during|throughout)\s+the\s+(?:past|last|previous)\s+(?:\w+\s+)?(?:years|months|"
    r"decade)\b|"
    r"\bin\s+total\b|\bcumulative\w*\b|\ba\s+year\b(?=[^.]*\bsince\b)|"
    r"\bsince\s+(?:the\s+)?(?:\w+\s+){0,2}(?:was|were)\s+(?:launched|created|founded|"
    r"established)\b|"
    # spans of years and donor rankings: "between 2022 and 2024", "is second with €17bn"
    r"\bbetween\s+(?:19|20)\d\d\s+and\s+(?:19|20)\d\d\b|\b(?:largest|biggest|top|leading)\s+"
    r"(?:donor|contributor|supporter|provider)s?\b|\b(?:is|ranks?|ranked|came)\s+(?:first|second|"
    r"third|fourth|fifth)\b|\bfollowed\s+by\b(?!\s+(?:a|an)\s)|\btogether\s+(?:have|has)\b|"
    # 1.4.0: a tracker's ranking of donors: "Second-ranked Estonia has pledged far less",
    # "the second-largest overall donor", "appears further down the list", "in the given time
    # frame" (a joint effort "followed by" another is a sequence of packages, not a rank)
    r"\b(?:\w+-ranked|(?:largest|biggest|top|leading)\s+overall\s+(?:donor|contributor)s?|"
    r"(?:down|top\s+of|tops)\s+the\s+(?:list|ranking|table)|in\s+the\s+given\s+(?:time\s+frame|"
    r"period))\b|"
    # a tracker's figures: "according to the Kiel Institute", "the researchers calculated",
    # "compared with about €33 billion a year earlier", "more than in any earlier year"
    r"\baccording\s+to\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,4}(?:institute|tracker|research\w*|"
    r"study|analysis|estimates?|database)\b|\b(?:researchers|analysts|the\s+(?:institute|tracker|"
    r"study|researchers|analysis))\s+(?:calculated|estimated|counted|found|showed|shows)\b|"
    r"\bcompared\s+with\b|"
    r"\b(?:support\s+)?tracker\b|"
    # what many donors put into a joint effort so far: "have been allocated for the effort"
    r"\b(?:has|have)\s+been\s+(?:allocated|collected|raised|pledged|contributed)\s+(?:for|to)\s+"
    r"(?:the|this)\s+(?:effort|initiative|scheme|fund)\b|"
    r"\bmore\s+than\s+in\s+any\b|"
    # what accumulated after an event told before: "several countries … have since
    # contributed funds to the Czech initiative", "Berlin has since delivered 40 tanks"
    r"\b(?:has|have|had)\s+since\s+(?:also\s+|then\s+)?(?:\w+ed|given|sent|spent|paid|lent)\b|"
    # a running total in the perfect: "has provided more than €2bn"
    # (1.4.0: also "have collectively contributed over $2 billion through the PURL initiative")
    # (1.9.3: also contracted, "They've provided more than 17 billion euros")
    r"(?:\b(?:has|have)|['’]ve)\s+(?:now\s+|already\s+)?(?:collectively\s+|together\s+|jointly\s+)?"
    r"(?:committed|provided|given|spent|disbursed|"
    r"delivered|contributed|donated|sent|transferred)\s+(?:\w+\s+){0,2}?(?:more\s+than|over|"
    r"nearly|almost|some|about|around|a\s+total\s+of|in\s+excess\s+of)\b|"
    # packages counted so far: "has already provided 44 military aid packages worth €4 billion"
    r"\b(?:has|have)\s+(?:already\s+|now\s+)?(?:provided|delivered|sent|given|approved|"
    r"transferred|donated)\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|dozens\s+of)\s+"
    r"(?:\w+\s+){0,3}packages\b|"
    # what was handed over in a period so far: "£600 million has been invested by the UK this
    # year", "85,000 drones have been delivered … in just six months"
    r"\b(?:has|have)\s+(?:already\s+)?been\s+(?:invested|spent|provided|delivered|allocated|"
    r"disbursed|sent|transferred|given|handed\s+over|supplied)\b(?=(?:[^.;]|\.\d)*\b(?:this\s+year|so\s+far|"
    r"in\s+(?:just|only|the\s+(?:past|last|first))\s+(?:\w+\s+)?(?:months|weeks|years)))|"
    # an envelope spent so far: "has already allocated DKK 64.8 billion … for 2023-2028"
    r"\b(?:has|have)\s+already\s+(?:allocated|committed|provided|given|spent|disbursed|"
    r"contributed|invested)\b(?=(?:[^.;]|\.\d)*\b(?:19|20)\d\d\s*[-–]\s*(?:19|20)?\d\d\b)",
)
# An ordinal before "since" counts packages, not money: "its seventeenth since the invasion",
# "the largest since 2022" date the package's place in a series; the amount is new.
ORDINAL = (
    r"(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
    r"tenth|eleventh|twelfth|(?:thir|four|fif|six|seven|eigh|nine)teenth|twentieth|thirtieth|"
    r"fortieth|fiftieth|(?:twenty|thirty|forty|fifty)[- ]?(?:first|second|third|fourth|fifth|"
    r"sixth|seventh|eighth|ninth))"
)
ORDINAL_SINCE = icompile(
    # (1.9.3: any words between, "our 31st drawdown of U.S. arms and equipment for Ukraine
    # since August 2021")
    rf"\b(?:{ORDINAL}|largest|biggest)\s+(?:[\w.-]+\s+){{0,8}}?since\s+[^,;:.–—]*|"
    # a package's rank in a series: "the largest package from the country so far"
    r"\b(?:largest|biggest|most\s+\w+|first|single\s+largest)\s+(?:(?:such|aid|military|support|"
    r"package|tranche|one|donation|contribution)\s+){1,2}(?:(?:from|by|of)\s+(?:\w+\s+){1,3})?"
    r"(?:so\s+far|to\s+date|yet|ever|thus\s+far)\b|"
    # "the largest military package of aid that our country has decided so far"; 1.3.0: "the
    # largest single amount approved thus far in the war"
    r"\b(?:largest|biggest)\s+(?:[\w-]+\s+){0,3}?(?:package|donation|contribution|amount|sum|"
    r"tranche)\b[^,;:.–—]{0,60}?\b(?:so\s+far|to\s+date|yet|ever|thus\s+far)\b"
    # "since" dating the state of something else: "income from assets frozen in the West since
    # the start of the war" says how long they are frozen, not how long aid has summed up
    r"|\b(?:frozen|held|seized|immobili[sz]ed|blocked|stationed|deployed|occupied|displaced|"
    r"detained|imprisoned|besieged|closed)\s+(?:[\w-]+\s+){0,4}?since\s+[^,;:.–—]*",
)


def is_aggregate_around(text: str) -> bool:
    """``AGGREGATE_AROUND`` outside ordinal "since" phrases (which place a new package)."""
    m = AGGREGATE_AROUND.search(text)
    if m is None:
        return False
    if ORDINAL_SINCE.search(text) is None:
        return True
    masked = text
    for o in ORDINAL_SINCE.finditer(text):
        masked = masked[: o.start()] + " " * (o.end() - o.start()) + masked[o.end() :]
    return AGGREGATE_AROUND.search(masked) is not None


# A sum earmarked for a coming year: "pledged more than €500 million … in 2026".
_FOR_YEAR_AFTER = re.compile(r"[^.;]{0,80}?\b(?:in|for|during)\s+((?:19|20)\d\d)\b(?![-/])")
# Running-total cues that look back, which no later year turns into a pledge.
_BACKWARD = icompile(
    r"\bsince\b|\bso\s+far\b|\bto\s+date\b|\bthus\s+far\b|\bup\s+to\s+now\b|\breached\b|"
    r"\b(?:has|have|had)\s+(?:now\s+|already\s+)?(?:committed|provided|given|spent|disbursed|"
    r"delivered|contributed|donated|sent|transferred)\b|\bexceed\w*|\bstands?\s+at|\bstood\s+at",
)


# A sum over several donors at one event, which a coming year can make a pledge.
_SUMMED = icompile(r"\b(?:in\s+total|altogether|combined|a\s+total\s+of|together)\b")


def is_forward_sum(text: str, end: int, year: int | None) -> bool:
    """A sum the donors "pledged in total" for a year after the article's is their pledge for
    that year, not a running total ("the members pledged more than €500m … in 2026")."""
    if year is None:
        return False
    if _SUMMED.search(text) is None:
        return False
    m = _FOR_YEAR_AFTER.match(text, end)
    return m is not None and int(m.group(1)) > year and _BACKWARD.search(text) is None


RESTATED = icompile(
    r"\b(?:earlier(?!\s+(?:today|on\s+\w+day))|previously|the\s+previous\s+statement|"
    r"recall(?:ed)?|"
    r"as\s+(?:was\s+)?reported|as\s+(?:we\s+)?(?:wrote|reported)|background|last\s+(?:month|week)|"
    r"(?:a|one|two|three|four|five|six|several|a\s+few|\d+)\s+(?:weeks?|months?|years?)\s+ago|"
    r"existing\s+(?:\S+\s+){0,2}?(?=[€$£\d]|support|aid|commitment|package|pledge)|"
    r"already\s+(?:announced|pledged|committed|promised|allocated|provided)|"
    # a delivery told as done: "30 Patriot missiles have already been delivered"
    r"(?:has|have)\s+already\s+been\s+(?:delivered|handed\s+over|supplied|transferred|sent)|"
    r"had\s+(?:already\s+)?(?:pledged|announced|committed|promised|allocated|approved|agreed|"
    r"signed)|(?:has|have)\s+(?:already\s+)?committed|reiterated|repeated|reaffirmed|"
    # another donor's pledge told beside the news: "Germany and France have also pledged …"
    r"(?:has|have)\s+also\s+(?:pledged|promised|committed|sent|provided)|"
    r"(?:after|since|following)\s+(?:\w+\s+){0,3}(?:pledged|announced|committed|promised|"
    r"allocated)|"
    # the news builds on an older package: "This builds on the $245 million package …"
    r"(?:builds?|built)\s+on\s+(?:the|an?|its|their)\s+(?:\S+\s+){0,4}?(?:package|pledge|"
    r"commitment|contribution|announcement|funding|aid))\b",
)
# Reported speech shifts tense back: "Blair said on Monday that Canada had signed up" tells
# Monday's news, not an earlier event ("had already signed" still does).
_REPORTED_PERFECT = icompile(
    r"\b(?:said|says|told\s+\w+|announced|confirmed|added|stated|reported|noted|explained)"
    r"(?:\s+(?:on\s+\w+|today|yesterday|this\s+\w+|(?:on\s+)?the\s+same\s+day))?(?:\s+that)?\s+(?:[\w'’-]+\s+){1,4}?"
    r"had\s+(?!already\b|previously\b|earlier\b)(?:also\s+)?(?=\w+ed\b|signed|set\s+aside)",
)


# Where new money is taken from is no restatement of it: "the money would come from the
# UK's existing commitment for 2025", "funded out of existing budgets".
_FUNDS_SOURCE = icompile(
    r"\b(?:come|comes|came|coming|drawn|taken|paid|funded|financed|sourced|met)\s+(?:\w+\s+){0,2}?"
    r"(?:from|out\s+of)\s+(?:the\s+|its\s+|their\s+)?(?:[\w.'’-]+\s+){0,2}?existing\b",
)


def is_restated(text: str) -> bool:
    """``RESTATED`` cues in ``text``, a back-shifted past perfect in reported speech and the
    source of new money ("from the existing budget") aside."""
    m = RESTATED.search(text)
    if m is None:
        return False
    masked = text
    for r in [*_REPORTED_PERFECT.finditer(text), *_FUNDS_SOURCE.finditer(text)]:
        masked = masked[: r.start()] + " " * (r.end() - r.start()) + masked[r.end() :]
    return masked is text or RESTATED.search(masked) is not None


# Links to other stories that pages carry inline: their headlines are not this article's claims.
BOILERPLATE = icompile(
    r"^\W*(?:read\s+(?:more|also)|see\s+also|also\s+read|related(?:\s+news)?|more\s+on\s+this|"
    r"watch|video|photo|subscribe|advertisement)\b"
)
# A section heading after which an article gives background, not news.
BACKGROUND_HEADING = icompile(
    r"^\W*(?:background|recall|reminder|for\s+reference|context|previously|earlier)\W*$",
)
# A label some outlets put before a paragraph: "Details: …", "Quote from Umerov: …".
LABEL = r"\W{0,2}(?:(?:details|quote(?:\s+from\s+[^:]{1,40})?|update|reminder|context)\s*:\s*)?"
COMPONENT = icompile(
    rf"^{LABEL}(?:this|it|the\s+(?:package|assistance|aid|funding|tranche))\s+(?:also\s+)?includ\w*|"
    rf"^{LABEL}includ\w+\s+in\s+this|\bof\s+which\b|\bconsist(?:s|ing)\s+of\b|\bcompris\w+\b|"
    r"\b(?:is|are|was|were)\s+made\s+up\s+of\b|\b(?:is|are|was|were)\s+split\s+(?:into|between|"
    r"among)\b|"
    rf"^{LABEL}of\s+(?:this|that|it|these|the\s+(?:sum|amount|total|package|funds?))\b|"
    # a sentence that opens with an amount and says where it goes: "€500m will go to …"
    r"^\W{0,2}(?:about\s+|some\s+|around\s+)?\S*\d[\d.,]*\s*(?:\w+\s+){0,2}(?:will|would|is|are|"
    r"was|were)\s+(?:to\s+)?(?:go|be\s+(?:used|spent|allocated|earmarked|directed|channel+ed))\b",
)
# Frozen Russian assets, GDP shares and the like are not money given.
NOT_SUPPORT_AFTER = icompile(
    r"^\W{0,3}(?:\w+\s+){0,3}(?:of\s+)?(?:these\s+|the\s+)?(?:frozen|immobili[sz]ed|"
    r"sanctioned|Russian)\s+(?:\w+\s+)?(?:assets|funds|reserves)|^\s*(?:in\s+)?(?:frozen|"
    r"immobili[sz]ed)\b|^\s*(?:of\s+)?(?:its\s+)?GDP\b|^\s*(?:\w+\s+){0,2}(?:a|per)\s+(?:head|capita)\b|^\s*(?:\w+\s+){0,2}deficit\b",
)
NOT_SUPPORT_BEFORE = icompile(
    r"(?:\bprofits?\s+(?:of|from)|\bcosts?|\bprice|\bvalued\s+at\s+roughly|\bbudget\s+of|"
    r"\bGDP\s+of|\bturnover\s+of|\brevenue\s+of|\bcontracts?\s+worth|\bdeal\s+worth|"
    r"\bfrozen|\bimmobili[sz]ed|\bsalary|\bsalaries|\bspend(?:s|ing)?\s+(?:on\s+)?(?:its\s+)?"
    r"(?:own\s+)?defen[cs]e)\s*(?:of\s+|at\s+|about\s+|around\s+)?$",
)
# 1.5 amount.whole_bill: the size of a spending bill that carries Ukraine aid among much else:
# "passed a $1.5 trillion spending bill … which includes $13.6 billion in Ukraine aid".
WHOLE_BILL_AFTER = icompile(
    r"^\W{0,3}(?:[\w-]+\s+){0,3}?(?:spending|funding|appropriations?|omnibus|budget|stopgap|"
    r"defen[cs]e\s+policy)\s+(?:bill|package|measure|law|legislation|deal)\b"
)
# An envelope set up before, which the new money comes out of: "part of the NOK 75 billion
# programme", "taken from the 7 billion kroner fund" (a restatement of that envelope).
ENVELOPE_BEFORE = icompile(r"\b(?:part\s+of|under|within|from)\s+(?:the|its|their)\s+(?:\w+\s+)?$")


# Word stems (sentences.keys) one of which every match of a cue family holds: a sentence
# without any of them is spared the full pattern (the outcome is the same, only cheaper).
NEGATION_STEMS = frozenset({
    "not", "never", "no", "t", "neith", "refus", "decli", "ruled", "rejec", "denie", "block",
    "vetoe", "witho", "fail", "fails", "faile", "faili", "unabl", "dropp", "aband", "shelv",
    "scrap", "halts", "halte", "suspe", "postp", "cance", "put",
})  # fmt: skip
SPECULATION_STEMS = frozenset({
    "may", "might", "could", "would", "proba", "possi", "likel", "expec", "prepa", "plan",
    "plans", "plann", "inten", "aim", "aims", "seek", "seeks", "hope", "hopes", "consi",
    "mulli", "mulle", "weigh", "explo", "propo", "sugge", "set", "able", "worki", "ready",
    "call", "calls", "prese",
    "calle", "urged", "urges", "ask", "asked", "asks", "reque", "comin", "next", "futur",
    "want", "wants", "discu", "talks", "negot", "oppor", "poten", "repor", "rumou", "rumor",
    "shoul", "ought", "argue", "deman", "insis", "prosp", "hypot", "event", "hesit", "reluc",
    "unwil", "final", "proce", "deadl", "targe", "goal", "ambit", "soon", "short", "annou", "unvei",
    "optio",
})  # fmt: skip
CONDITIONAL_STEMS = frozenset(
    {"if", "unles", "provi", "condi", "case", "subje", "long", "once", "conti"}
)
AGENDA_STEMS = frozenset({"agend", "discu", "table", "round"})
_DESTROYED_STEMS = frozenset({"destr", "shot", "elimi", "wiped", "struc"})
_COMPONENT_ANY_STEMS = frozenset({"which", "consi", "compr", "made", "split"})
# COMPONENT split in two: what opens the sentence (one match at 0) and what may be anywhere.
_COMPONENT_HEAD = icompile(
    rf"{LABEL}(?:this|it|the\s+(?:package|assistance|aid|funding|tranche))\s+(?:also\s+)?includ\w*|"
    rf"{LABEL}includ\w+\s+in\s+this|"
    rf"{LABEL}of\s+(?:this|that|it|these|the\s+(?:sum|amount|total|package|funds?))\b|"
    r"\W{0,2}(?:about\s+|some\s+|around\s+)?\S*\d[\d.,]*\s*(?:\w+\s+){0,2}(?:will|would|is|are|"
    r"was|were)\s+(?:to\s+)?(?:go|be\s+(?:used|spent|allocated|earmarked|directed|channel+ed))\b",
)
_COMPONENT_ANY = icompile(
    r"\bof\s+which\b|\bconsist(?:s|ing)\s+of\b|\bcompris\w+\b|\b(?:is|are|was|were)\s+made\s+up\s+"
    r"of\b|\b(?:is|are|was|were)\s+split\s+(?:into|between|among)\b"
)


def is_component(text: str, stems: set[str]) -> bool:
    """``COMPONENT`` (a part of a package stated before it), gated by the sentence's stems."""
    if _COMPONENT_HEAD.match(text) is not None:
        return True
    return not _COMPONENT_ANY_STEMS.isdisjoint(stems) and _COMPONENT_ANY.search(text) is not None


def is_agenda(text: str, stems: set[str]) -> bool:
    """``AGENDA`` cues, gated by the sentence's stems."""
    return not AGENDA_STEMS.isdisjoint(stems) and AGENDA.search(text) is not None


def is_conditional(text: str, stems: set[str]) -> bool:
    """``CONDITIONAL`` cues, gated by the sentence's stems."""
    return not CONDITIONAL_STEMS.isdisjoint(stems) and CONDITIONAL.search(text) is not None


def has(pattern: re.Pattern[str] | LowerPattern, text: str) -> bool:
    """True when ``pattern`` occurs in ``text`` (a small helper for readable rules)."""
    return pattern.search(text) is not None


# A government's budget proposal to its parliament is its decision ("the Norwegian government
# proposes to allocate NOK 15 billion"); a Commission's or a party's proposal is not.
GOVERNMENT_PROPOSAL = re.compile(
    r"\b(?:government|cabinet)\s+(?:has\s+|have\s+)?(?:propos(?:es|ed)|(?:is|are)\s+proposing)\s+"
    r"to\s+(?:allocate|increase|provide|extend|give|raise|spend|set\s+aside)\b",
    _I,
)


def is_speculation(clause: str, stems: set[str]) -> bool:
    """``SPECULATION`` in ``clause``, except a government's budget proposal."""
    if SPECULATION_STEMS.isdisjoint(stems):
        return False
    if "propos" in clause.lower():
        clause = GOVERNMENT_PROPOSAL.sub(" ", clause)
    return SPECULATION.search(clause) is not None


def is_vetoed(clause: str, stems: set[str] | None = None) -> str | None:
    """Why a clause asserts nothing (negation, speculation, condition), or None.

    ``stems``, the keys of the sentence holding the clause, spare the patterns that cannot
    match.
    """
    if (stems is None or not NEGATION_STEMS.isdisjoint(stems)) and NEGATION.search(clause):
        return "negation"
    if (stems is None or not CONDITIONAL_STEMS.isdisjoint(stems)) and CONDITIONAL.search(clause):
        return "conditional"
    if (stems is None or not SPECULATION_STEMS.isdisjoint(stems)) and SPECULATION.search(clause):
        return "speculation"
    return None
