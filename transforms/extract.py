"""Article → pledges and agreements: the extraction entry point.

Pure and deterministic: sentence splitting, actor and money recognition, cue filters, then
pledge and agreement recognisers read the article sentence by sentence with a shared context.
Mentions of the same fact in one article are merged (first statement kept). Amounts get an
EUR value at the ECB rate of the announcement date, else the article date.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from typing import Any, TypeAlias

from transforms import cues, fx
from transforms.actors import COALITION_HINTS
from transforms.agreements import (
    AGREE_STEMS,
    ANAPHORIC_DOC,
    coalition_leaders,
    infer_coalition,
    sentence_agreements,
)
from transforms.context import ArticleContext, SentenceView
from transforms.dates import best_date, dateline, find_dates, is_earlier, may_have_date
from transforms.memory import Memory
from transforms.money import find_money
from transforms.pledges import ARRIVAL_STEMS, PLEDGE_STEMS, sentence_pledges
from transforms.records import AgreementMention, Extraction, PledgeMention
from transforms.rules import Trace
from transforms.sentences import may_have_money, sentence_keys, split_sentences

EXTRACTOR_VERSION = "1.9.12"

log = logging.getLogger(__name__)
_MAX_CHARS = 200_000  # longer "articles" are feeds gone wrong; the tail adds nothing
# A "sentence" longer than this is a scraped table or a run-on list, not prose: reading it
# would cost time quadratic in its length and yield nothing an analyst could trust.
_MAX_SENTENCE = 1_000


def _news_dates(ctx: ArticleContext, text: str) -> None:
    """Where the text dates the article's news: a wire dateline dates the whole story.

    So does a relative day cue in a lead that tells a support event ("Partners announced new
    commitments when the group met in London on Tuesday"): the news items the article lists
    after it without a date of their own belong to that event. A lead about something else
    ("Russian strikes … on Thursday") dates nothing. Elsewhere a day cue dates the sentences
    near it (``ArticleContext.day_cue``, found on demand).
    """
    ctx.news_date = dateline(text, ctx.published)
    if ctx.news_date is None:
        title = _flat(ctx.title)
        prose = [
            s
            for s in ctx.sentences[:3]
            if not _is_headline(s.text) and not (title and _flat(s.text) in title)
        ]
        if prose:
            st = ctx.stems[prose[0].index]
            if not _VERB_STEMS.isdisjoint(st) or may_have_money(st):
                ctx.news_date = ctx.day_cue(prose[0].index) or _lead_day(ctx, prose[0].index)
            if ctx.news_date is None and len(prose) > 1 and _SOURCE_LINE.search(prose[1].text):
                # The lead's source line may carry the day: "This was reported by the minister
                # after the meeting in Riga on 11 February."
                ctx.news_date = _lead_day(ctx, prose[1].index)


# A sentence that says who told the lead's news, and when: it dates the lead.
_SOURCE_LINE = re.compile(
    r"^\W*(?:this|that|it)\s+(?:was|were|has\s+been)\s+(?:reported|announced|stated|said|"
    r"confirmed|revealed)\b|^\W*(?:the\s+)?(?:announcement|news|decision)\s+(?:was|came)\b",
    re.IGNORECASE,
)


def _flat(text: str) -> str:
    """Lower-case words only: to tell a lead sentence that repeats the title."""
    return " ".join(re.findall(r"\w+", text.lower()))


def _lead_day(ctx: ArticleContext, index: int) -> str | None:
    """A calendar day in the lead, within the week before publication: the day of the event
    the article reports ("… met at NATO headquarters in Brussels on April 11")."""
    if ctx.published is None:
        return None
    for cue in find_dates(ctx.sentences[index].text, ctx.published, ctx.stems[index]):
        recent = 0 <= (ctx.published - cue.as_date()).days <= 7
        if cue.precision == "day" and not cue.relative and recent:
            return cue.value
    return None


# A sentence states a record only with a pledge or agreement verb or an amount of money.
_VERB_STEMS = PLEDGE_STEMS | AGREE_STEMS | ARRIVAL_STEMS


# Decision verbs that name the same event when the same actor is their subject.
_DECISION = re.compile(
    r"\b(agree|approv|pledg|commit|allocat|announc|decid|adopt)\w*", re.IGNORECASE
)


# 1.4.0 agreement.kept.reached_deal: a deal "reached" to fund a sum is an agreement as well as
# the pledge: "Leaders of the Group of Seven say they have reached an agreement to utilise the
# earnings from blocked Russian assets to fund a $50 billion loan to Ukraine."
_REACHED_DEAL = re.compile(r"\breached\s+(?:an?\s+)?(?:\w+\s+)?(?:agreement|deal)\b", re.IGNORECASE)


_DECISION_STEMS = frozenset(
    {"agree", "appro", "pledg", "commi", "alloc", "annou", "decid", "adopt"}
)


def _date_from_coreferent(pledges: list[PledgeMention], ctx: ArticleContext) -> None:
    """Date a pledge from another sentence telling the same decision by the same actor.

    "… a $50 billion loan package agreed upon by the G7 nations" carries no date; "Leaders
    of the G7 … agreed in June" elsewhere in the article does.
    """
    candidates: list[int] | None = None  # sentences with a date and a decision verb
    for p in pledges:
        if p.announced_on is not None:
            continue
        verbs = {m.group(1).lower() for m in _DECISION.finditer(p.evidence)}
        if not verbs:
            continue
        if candidates is None:
            candidates = [
                i
                for i, st in enumerate(ctx.stems)
                if not _DECISION_STEMS.isdisjoint(st) and may_have_date(st)
            ]
        for i in candidates:
            sent = ctx.sentences[i]
            if sent.start == p.start:
                continue
            if not verbs & {m.group(1).lower() for m in _DECISION.finditer(sent.text)}:
                continue
            if ctx.subject_of_sentence(i) != p.donor:
                continue
            if p.amount is not None and _other_sums_only(sent.text, p.amount):
                # 1.4.0: a decision with a sum of its own is another decision ("Last month,
                # Sir Keir Starmer announced a £1.6bn missile deal" does not date a £450m pledge)
                continue
            cue = best_date(
                find_dates(sent.text, ctx.published, ctx.stems[i]), published=ctx.published
            )
            if cue is not None:
                p.announced_on = cue.value
                p.restated = p.restated or is_earlier(cue, ctx.published)
                break


def _other_sums_only(text: str, amount: float) -> bool:
    """``text`` states sums, none of them ``amount``."""
    sums = [m.amount for m in find_money(text) if not m.conversion]
    return bool(sums) and all(abs(x - amount) > 0.01 * amount for x in sums)


# A sentence that goes on with the same donor's news: "Lisbon also committed to …".
_ALSO = re.compile(r"\b(?:also|further|additionally|in\s+addition)\b", re.IGNORECASE)


def _date_from_previous(pledges: list[PledgeMention], ctx: ArticleContext) -> None:
    """An undated new pledge that "also" adds to the same donor's pledge in the sentence just
    before takes that pledge's date: both tell the same event."""
    index = {s.start: s.index for s in ctx.sentences}
    for p in pledges:
        if p.announced_on is not None or p.restated or not _ALSO.search(p.evidence):
            continue
        at = index.get(p.start)
        if at is None:
            continue
        for q in pledges:
            if (
                q.donor == p.donor
                and q.announced_on
                and not q.restated
                and index.get(q.start) == at - 1
            ):
                p.announced_on = q.announced_on
                break


def _date_components(pledges: list[PledgeMention]) -> None:
    """A sub-amount told without a date shares the date of its package (same donor, before)."""
    package: dict[str, PledgeMention] = {}
    for p in pledges:
        if not p.component:
            package[p.donor] = p
        elif p.announced_on is None and p.donor in package:
            p.announced_on = package[p.donor].announced_on
            p.restated = p.restated or package[p.donor].restated


# After a sum: it is a share of the package before ("more than £100m of the package").
_SHARE_OF = re.compile(
    r"\s*(?:of|from)\s+(?:the|this|that|its)\s+(?:new\s+)?(?:package|total|sum|amount|funding|"
    r"money|aid|tranche|allocation|donation)\b",
    re.IGNORECASE,
)
# A sentence that adds money rather than splitting the package before it.
_NEW_MONEY = re.compile(
    r"\b(?:separate(?:ly)?|also|additional|further|another|new|in\s+addition|on\s+top\s+of|"
    r"extra|earlier|previously)\b",
    re.IGNORECASE,
)


def _mark_parts(pledges: list[PledgeMention]) -> None:
    """Sums of a later sentence that split the package just before are its components.

    "The government presented a DKK 4.2 billion package. DKK 2.9 billion would finance
    artillery, while DKK 1.3 billion would go to air defence": two or more sums of the same
    donor and currency that add up to no more than the package, or one sum "of the package".
    Counted as pledges of their own they would double the donor's total.
    """
    head: dict[str, PledgeMention] = {}  # donor → its last new (not restated) package
    by_sentence: dict[int, list[PledgeMention]] = {}
    for p in pledges:
        by_sentence.setdefault(p.start, []).append(p)
    for start, group in sorted(by_sentence.items(), key=lambda item: item[0]):
        sums = [p for p in group if p.amount is not None and not p.component and not p.restated]
        for donor in dict.fromkeys(p.donor for p in sums):
            package = head.get(donor)
            mine = [p for p in sums if p.donor == donor]
            if package is None or package.start >= start or package.amount is None:
                continue
            if any(p.currency != package.currency for p in mine):
                continue
            shares = [p for p in mine if _is_share(p)]
            total = sum(p.amount or 0.0 for p in mine)
            if shares:
                parts = shares
            elif (
                len(mine) >= 2
                and total <= package.amount * 1.001
                and not _NEW_MONEY.search(mine[0].evidence)
            ):
                parts = mine
            else:
                continue
            for p in parts:
                p.component = True
        firsts: dict[str, PledgeMention] = {}  # a donor's first new sum here: its package
        for p in sums:
            if not p.component:
                firsts.setdefault(p.donor, p)
        head.update(firsts)
    _mark_split_totals(pledges)


_SPLIT_WINDOW = 600  # characters: the total is told just before its split


def _mark_split_totals(pledges: list[PledgeMention]) -> None:
    """Sums of one sentence that add up to a total told just before, whoever gives them, are
    its parts: "Ukraine received €50 million … CEB provided €25 million, and another €25
    million came from Italy" is one €50 million, not €75 million."""
    totals = [p for p in pledges if p.amount and not p.component and not p.restated]
    for p in totals:
        told = [m for m in find_money(p.evidence) if not m.conversion]
        if len(told) < 2 or any(m.currency != p.currency for m in told):
            continue
        whole = sum(m.amount for m in told)
        for earlier in totals:
            if (
                earlier.start < p.start <= earlier.end + _SPLIT_WINDOW
                and earlier.currency == p.currency
                and earlier.amount is not None
                and abs(earlier.amount - whole) <= earlier.amount * 0.001
            ):
                p.component = True
                p.rules = (*p.rules, "part.split_total")
                break


def _is_share(p: PledgeMention) -> bool:
    """The sum is told as a share of a package ("£100m of the package")."""
    if not p.amount_text:
        return False
    at = p.evidence.find(p.amount_text)
    return at >= 0 and _SHARE_OF.match(p.evidence, at + len(p.amount_text)) is not None


def _note_coalition(ctx: ArticleContext, index: int, memory: Memory) -> Memory:
    """The memory with the last coalition sentence ``index`` names (most name none)."""
    if COALITION_HINTS.isdisjoint(ctx.stems[index]):
        return memory
    named: list[str | None] = [m.name for m in ctx.actors_in(index) if m.kind == "coalition"]
    # issue 10: "a coalition that will supply armored vehicles" is the coalition "the group"
    # refers to after it
    for name in named or [infer_coalition(ctx.sentences[index].text)]:
        if name is not None:
            memory = memory.after_coalition(index, name)
    return memory


# (donor, amount to the thousand, currency) or (donor, None, recipient, kind); + month if
# the same sum was dated apart
_PledgeKey: TypeAlias = tuple[str | float | None, ...]


def _pledge_key(p: PledgeMention) -> _PledgeKey:
    """What makes two mentions one fact; without a sum, a share of GDP, funding or things.

    Things a donor handed over before ("has previously supplied tanks") are another fact
    than the things it commits now, so a restated item pledge has a key of its own; and other
    things are another fact (1.9.7: drones and helmets are two records, "10 Leopard tanks" and
    "the tanks" one; labelling rule 9).
    """
    if p.amount is None:
        items = (p.items or "").lower()
        if "gdp" in items or "gross domestic" in items:
            kind = "share"
        elif any(w in items for w in ("fund", "contri", "financ")):
            kind = "funding"
        else:
            kind = "items-restated" if p.restated else "items"
            return (p.donor, None, p.recipient, kind, _head_noun(p.items))
        return (p.donor, None, p.recipient, kind)
    return (p.donor, round(p.amount, -3), p.currency)


def _merge_pledges(found: list[PledgeMention]) -> list[PledgeMention]:
    """One record per distinct pledge: later restatements of the same fact are dropped."""
    seen: dict[_PledgeKey, PledgeMention] = {}
    for p in found:
        key = _pledge_key(p)
        if key in seen and _dated_apart(seen[key], p):
            # The same sum announced on two dates is two pledges ("the $100m package of
            # April" beside today's "$100m for air defence").
            key = (*key, p.announced_on[:7] if p.announced_on else None)
        if key in seen:
            first = seen[key]
            if _is_headline(first.evidence) and not _is_headline(p.evidence):
                # Keep the body sentence as evidence rather than a headline that repeats it.
                p.announced_on = p.announced_on or first.announced_on
                seen[key] = p
            elif first.announced_on is None and p.announced_on:
                first.announced_on = p.announced_on
            continue
        seen[key] = p
    # The store keys a mention on (sentence, donor, currency, amount): keep those unique.
    unique: dict[tuple[int, int, str, str | None, float | None], PledgeMention] = {}
    for p in seen.values():
        unique.setdefault((p.start, p.end, p.donor, p.currency, p.amount), p)
    return list(unique.values())


def _head_noun(items: str | None) -> str:
    """The last word of a list of things, without its plural: "more than 10,000 drones" → drone."""
    words = re.findall(r"[a-z][a-z-]+", (items or "").lower())
    return words[-1].removesuffix("s") if words else ""


def _drop_things_told_with_sums(pledges: list[PledgeMention]) -> list[PledgeMention]:
    """Things a donor commits that the article also states as a sum for the same things are
    one pledge, told twice ("Britain will supply more than 10,000 drones" in the lead, "a further
    £125 million on drones" below): the sum is the record. A restated sum, or things already
    delivered, are another fact."""
    sums = {
        (p.donor, _head_noun(p.items))
        for p in pledges
        if p.amount is not None and not p.restated and not p.component and p.items
    }
    return [
        p
        for p in pledges
        if p.amount is not None
        or p.restated
        or p.component
        or p.stage == "delivered"  # things handed over are a fact of their own
        or (p.donor, _head_noun(p.items)) not in sums
        or not _head_noun(p.items)
    ]


def _drop_packages_told_with_sums(pledges: list[PledgeMention]) -> list[PledgeMention]:
    """A package named without its sum ("announced the 18th defense package from Finland")
    beside the same donor's package with a sum is that package, told twice."""
    with_sums = {p.donor for p in pledges if p.amount is not None and "package" in p.evidence}
    return [
        p
        for p in pledges
        if p.amount is not None
        or p.component
        or p.donor not in with_sums
        or _head_noun(p.items) != "package"
    ]


def _dated_apart(a: PledgeMention, b: PledgeMention) -> bool:
    """Both dated, in different months, one of them a restatement of an earlier one."""
    if not (a.announced_on and b.announced_on) or a.restated == b.restated:
        return False
    return a.announced_on[:7] != b.announced_on[:7]


def _is_headline(sentence: str) -> bool:
    """A line without closing punctuation: a title, subtitle or list item, not prose."""
    return not sentence.rstrip("\"'”’»)] ").endswith((".", "!", "?", "…"))


# What the story is about, from its title: a generic paper in a story about production is a
# production deal; a bare "agreement" in a story about security agreements is one of them.
_STORY_PRODUCTION = re.compile(
    r"\b(?:produc\w*|manufactur\w*|plant|factory|joint\s+venture)\b", re.IGNORECASE
)
_STORY_SECURITY = re.compile(
    r"\bsecurity\s+(?:agreements?|guarantees?|pacts?|deals?|accords?|cooperation|commitments?)\b|"
    r"\bagreements?\s+on\s+security\b",
    re.IGNORECASE,
)
_BARE_AGREEMENT = re.compile(
    r"\b(?:the\s+relevant|the|this|that|bilateral)\s+agreements?\b|"
    # issue 10: "the first deal signed with Britain", "successful agreements with the USA",
    # "The 10-year agreements, including with the EU"
    r"\b(?:the|first|successful|new)\s+(?:[\w-]+\s+)?(?:agreements?|deals?|accords?|pacts?)\b"
    r"(?:,\s+including)?\s+(?:with|signed)\b",
    re.IGNORECASE,
)


_PLAIN_ACCORD = re.compile(r"\b(?:agreements?|accords?|pacts?|treaty|deals?)\b", re.IGNORECASE)
_OTHER_PAPER = re.compile(
    r"\b(?:contracts?|memorand\w+|MoUs?|letters?\s+of\s+intent|declarations?)\b", re.IGNORECASE
)


def _kind_from_the_story(
    agreements: list[AgreementMention], title: str | None, lede: str = ""
) -> None:
    """Give a paper told without its subject the kind the story's title names (security
    agreements also when its first sentence names them: "… outlined in 20 security
    agreements Kyiv has signed")."""
    if not title and not lede:
        return
    title = title or ""
    for a in agreements:
        if a.coalition is not None:
            continue
        generic = a.kind in ("other", "memorandum/document signing")
        # 1.9.5: any plain accord in a story about security agreements ("Zelensky and Orpo
        # signed an agreement in Kyiv"), not a contract, a memorandum or a letter of intent
        if (
            generic
            and _PLAIN_ACCORD.search(a.evidence)
            and not _OTHER_PAPER.search(a.evidence)
            and _STORY_SECURITY.search(f"{title}\n{lede}")
        ):
            a.kind, a.rules = "security agreement", (*a.rules, "agreement.kind.story_security")
        elif (
            a.kind == "memorandum/document signing"
            and _BARE_AGREEMENT.search(a.evidence)
            and _STORY_PRODUCTION.search(title)
        ):
            a.kind, a.rules = "joint production", (*a.rules, "agreement.kind.story_production")


def _merge_agreements(found: list[AgreementMention]) -> list[AgreementMention]:
    """One record per agreement: a repetition (same kind, no new party) is dropped."""
    out: list[AgreementMention] = []
    for a in found:
        if a.coalition is None and ANAPHORIC_DOC.search(a.evidence):
            # "The document was signed on Tuesday by …": the signing told before, again.
            told = next((b for b in out if b.coalition is None), None)
            # (1.9.6: not the papers one sentence told one per counterpart)
            if told is not None and (told.start, told.end) != (a.start, a.end):
                told.signed_on = told.signed_on or a.signed_on
                continue
        dup = None
        for b in out:
            if a.signed_on and b.signed_on and a.signed_on[:7] != b.signed_on[:7]:
                continue  # 1.9.5: signed in different months, two papers (a deal and its sequel)
            if a.kind != b.kind:
                # A list of agreements in the background repeats one told before: "Ukraine has
                # agreements with the UK, …, Italy" after "the agreement with Italy signed today".
                if _same_paper(a, b) or (
                    "other" in (a.kind, b.kind) and set(a.parties) == set(b.parties)
                ):
                    dup = b
                    if b.kind == "other":  # "agreed on cooperation", then the memorandum
                        b.kind, b.rules = a.kind, (*b.rules, "agreement.kind.told_again")
                    break
                continue
            if a.coalition and b.coalition:
                # 1.4.0: members told again, some of them, are the membership told before
                # ("thank Belgium, Denmark, Lithuania, and Latvia for joining us" after "have
                # already joined the initiative … together with Ukraine, Estonia, …")
                if (
                    a.coalition == b.coalition
                    and set(a.parties) <= set(b.parties)
                    and a.unnamed_parties == b.unnamed_parties
                ):
                    dup = b
                    break
                continue
            pa = set(a.parties) - {"Ukraine"}
            pb = set(b.parties) - {"Ukraine"}
            if pa and pa <= pb:
                dup = b
                break
        same_row = any(
            (b.start, b.end, b.kind, sorted(b.parties))
            == (a.start, a.end, a.kind, sorted(a.parties))
            for b in out
        )
        if dup is None and not same_row:
            out.append(a)
        elif dup is not None and dup.document_count is None and a.document_count is not None:
            dup.document_count = a.document_count
    return out


_PAPER_KINDS = frozenset({"memorandum/document signing", "joint production", "security agreement"})
_PAPER = re.compile(
    r"\b(memorand|mou|agreement|treat|contract|accord|deal|declaration|letter)", re.IGNORECASE
)


def _same_paper(a: AgreementMention, b: AgreementMention) -> bool:
    """A later mention of a paper signed before, typed differently from its wording: "we
    signed a memorandum" in a quote after "Ukraine and Sweden signed a memorandum on joint
    production" (no new party, one uncounted paper of the same name)."""
    if a.kind not in _PAPER_KINDS or b.kind not in _PAPER_KINDS or a.document_count:
        return False
    pa, pb = set(a.parties) - {"Ukraine"}, set(b.parties) - {"Ukraine"}
    if not pa or not pa <= pb:
        return False
    first = _PAPER.search(a.evidence)
    return first is not None and first.group(1).lower() in {
        m.group(1).lower() for m in _PAPER.finditer(b.evidence)
    }


def _convert(p: PledgeMention, published: dt.date | None) -> None:
    if p.amount is None or not p.currency:
        p.fx_note = "no amount stated" if p.amount is None else None
        return
    on = None
    if p.announced_on and len(p.announced_on) == 10:
        on = dt.date.fromisoformat(p.announced_on)
    elif p.announced_on and len(p.announced_on) == 7:
        on = dt.date.fromisoformat(p.announced_on + "-01")
    on = on or published
    if on is None:
        p.fx_note = "no announcement or article date to choose a rate"
        return
    amount_eur, rate, rate_date, note = fx.to_eur(p.amount, p.currency, on)
    p.amount_eur, p.fx_rate = amount_eur, rate
    p.fx_date = rate_date.isoformat() if rate_date else None
    p.fx_note = note


def _extract(
    text: str,
    published: dt.date | None,
    outlet: str | None,
    title: str | None,
    trace: Trace | None = None,
    url: str | None = None,
) -> Extraction:
    text = text[:_MAX_CHARS]
    sentences = split_sentences(text)
    stems = sentence_keys(text, sentences)
    ctx = ArticleContext.build(text, published, sentences, stems, outlet, title, url)
    _news_dates(ctx, text)
    # First pass: who leads which coalition ("co-led by Latvia and the UK"), wherever stated.
    memory = Memory()
    for i, sent in enumerate(sentences):
        if "led by" in sent.text:
            led = coalition_leaders(sent.text, ctx.actors_in(i), memory)
            if led is not None:
                ctx.leaders.setdefault(*led)
        memory = _note_coalition(ctx, i, memory)
    memory = Memory()
    pledges: list[PledgeMention] = []
    agreements: list[AgreementMention] = []
    background = False  # after a "Background:" heading the article restates older news
    for i, sent in enumerate(sentences):
        if len(sent.text) < 40 and cues.BACKGROUND_HEADING.match(sent.text):
            background = True
        st = stems[i]
        if (
            (_VERB_STEMS.isdisjoint(st) and not may_have_money(st))
            or len(sent.text) > _MAX_SENTENCE
            or cues.BOILERPLATE.match(sent.text)
        ):
            memory = _note_coalition(ctx, i, memory)
            continue
        row = ctx.actors_in(i)
        view = SentenceView(sent, row, ctx, memory, st, trace)
        found = sentence_pledges(view)
        if background:
            for p in found:
                p.restated = True
                p.rules = (*p.rules, "restated.background_section")
        pledges.extend(found)
        deals = sentence_agreements(view)
        if found:
            # An amount "agreed" is the pledge itself, not a separate agreement.
            deals = [a for a in deals if a.kind != "other" or _REACHED_DEAL.search(a.evidence)]
            for a in deals:
                if a.kind == "other":
                    a.rules = (*a.rules, "agreement.kept.reached_deal")
            memory = memory.after_pledges(i, [p.donor for p in found])
        agreements.extend(deals)
        for a in deals:
            # 1.4.0: a coalition agreed without its name ("agreed to create a coalition that
            # will supply armored vehicles") is "the group" of the sentences after
            if a.coalition is not None:
                memory = memory.after_coalition(i, a.coalition)
        memory = _note_coalition(ctx, i, memory)
    pledges = _drop_packages_told_with_sums(_drop_things_told_with_sums(_merge_pledges(pledges)))
    _mark_parts(pledges)
    _date_from_coreferent(pledges, ctx)
    _date_from_previous(pledges, ctx)
    _date_components(pledges)
    for p in pledges:
        _convert(p, published)
    # Headline records before the sub-amounts of packages (a stable sort: order kept otherwise).
    pledges.sort(key=lambda p: p.component)
    agreements = _merge_agreements(agreements)
    _kind_from_the_story(agreements, title, sentences[0].text if sentences else "")
    return Extraction(pledges=pledges, agreements=agreements)


def extract_article(
    text: str,
    published: dt.date | None,
    outlet: str | None = None,
    title: str | None = None,
    trace: Trace | None = None,
    url: str | None = None,
) -> Extraction:
    """All pledges and agreements ``text`` asserts; never raises (logs and returns empty).

    With a ``trace``, every rule that fired (including those that dropped a candidate) is
    written into it, sentence by sentence.
    """
    if not isinstance(text, str) or not text.strip():
        return Extraction()
    if isinstance(published, dt.datetime):
        published = published.date()
    elif not isinstance(published, dt.date):
        published = None
    try:
        return _extract(text, published, outlet, title, trace, url)
    except Exception:  # a bad article must never stop a run
        log.exception("extraction failed; article skipped")
        return Extraction()


def to_eval_record(article_id: str, extraction: Extraction) -> dict[str, Any]:
    """One line of the scorer's JSONL format (``../shared/eval/score.py``)."""
    return {
        "id": article_id,
        "pledges": [
            {
                "donor": p.donor,
                "recipient": p.recipient,
                "amount": p.amount,
                "currency": p.currency,
                "category": p.category,
                "stage": p.stage,
                "date_announced": p.announced_on,
                "restated": p.restated,
                "component": p.component,
                "items": p.items,
                "coalition": p.coalition,
                "amount_eur": p.amount_eur,
                "evidence": p.evidence,
                "start": p.start,
                "end": p.end,
                "confidence": p.confidence,
            }
            for p in extraction.pledges
        ],
        "agreements": [
            {
                "parties": a.parties,
                "kind": a.kind,
                "subject": a.subject,
                "count": a.document_count,
                "date": a.signed_on,
                "restated": a.restated,
                "unnamed_parties": a.unnamed_parties,
                "coalition": a.coalition,
                "evidence": a.evidence,
                "start": a.start,
                "end": a.end,
                "confidence": a.confidence,
            }
            for a in extraction.agreements
        ],
    }
