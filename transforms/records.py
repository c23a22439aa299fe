"""Typed records that extraction produces and the flows store.

Kept in one small module so flows, reports and tests agree on one shape without importing
the extraction machinery.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

CATEGORIES = ("military", "financial", "humanitarian", "reconstruction", "defence-industry")
STAGES = ("announced", "allocated", "delivered")
AGREEMENT_KINDS = (
    "memorandum/document signing",
    "joint production",
    "security agreement",
    "coalition membership",
    "other",
)


@dataclass(slots=True)
class PledgeMention:
    """One pledge as one sentence of one article states it."""

    donor: str
    recipient: str | None
    amount: float | None
    currency: str | None
    amount_text: str | None
    category: str
    stage: str
    evidence: str
    start: int  # character offsets of the evidence sentence in the article text
    end: int
    confidence: float
    items: str | None = None
    coalition: str | None = None
    announced_on: str | None = None  # ISO date, or YYYY-MM when only the month is known
    restated: bool = False
    component: bool = False
    amount_eur: float | None = None
    fx_rate: float | None = None  # units of currency per 1 EUR (ECB convention)
    fx_date: str | None = None
    fx_note: str | None = None  # why amount_eur is null, or how the rate was chosen
    rules: tuple[str, ...] = ()  # names of the rules that made this record (transforms.rulebook)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class AgreementMention:
    """One agreement (signing, joint production, coalition move) as one sentence states it."""

    parties: list[str]
    kind: str
    evidence: str
    start: int
    end: int
    confidence: float
    subject: str | None = None
    document_count: int | None = None
    signed_on: str | None = None  # ISO date, or YYYY-MM
    restated: bool = False
    coalition: str | None = None
    unnamed_parties: int | None = None  # members stated only as a count ("15 countries joined")
    rules: tuple[str, ...] = ()  # names of the rules that made this record (transforms.rulebook)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Extraction:
    """Everything one article yields."""

    pledges: list[PledgeMention] = field(default_factory=list)
    agreements: list[AgreementMention] = field(default_factory=list)
