"""Paragraphs that are not the article: donation, subscription and "read more" footers.

Each rule is data: a name, a pattern that must match the whole paragraph, and a real
example. A rule only removes a short paragraph (MAX_CHARS), so an article's own paragraph
that happens to start with "Subscribe" is never lost.
"""

from __future__ import annotations

import re

from transforms.rules import PatternRule

MAX_CHARS = 240


def _rule(name: str, pattern: str, example: str) -> PatternRule:
    return PatternRule(name, re.compile(pattern, re.IGNORECASE), example)


RULES: tuple[PatternRule, ...] = (
    _rule(
        "donation-footer",
        r"(subscribe|support us|become a (patron|member|supporter)|donate)\b.{0,80}"
        r"\b(patreon|journalism|newsroom|our work|buy me a coffee)\b.{0,60}",
        "Subscribe on Patreon to back our journalism long-term.",
    ),
    _rule(
        "donation-platform",
        r".{0,120}\b(support|back|donat\w*|help|subscrib\w*|join)\b.{0,80}"
        r"\b(patreon|buy me a coffee|ko-fi|donorbox|liberapay|open collective)\b.{0,120}",
        "Your support on Patreon helps us keep the news free and accessible.",
    ),
    _rule(
        "support-appeal",
        r"(support|help) (us|our (journalism|newsroom|work))\b.{0,40}"
        r"\b(donat|patreon|paypal|contribut)\w*.{0,80}",
        "Help us keep reporting: donate via PayPal or bank transfer.",
    ),
    _rule(
        "newsletter-signup",
        r"(sign up|subscribe)\b.{0,40}\b(newsletter|telegram|channel|mailing list|"
        r"updates|digest)\b.{0,80}",
        "Sign up for our daily newsletter to get the news first.",
    ),
    _rule(
        "social-channels",
        r"(follow|join|read|subscribe to|find) (us|our \w+|all .{0,40})\b.{0,40}\b"
        r"(twitter|x|telegram|facebook|instagram|youtube|whatsapp|viber)\b.{0,80}",
        "Follow us on Telegram and Twitter.",
    ),
    _rule(
        "social-channels-uk-ru",
        r"(підписуйтес[ья]|стежте|слідкуйте|приєднуйтес[ья]|читайте|подписывайтесь|следите)"
        r"\b.{0,80}\b(telegram|viber|facebook|youtube|instagram|телеграм|вайбер)\b.{0,100}",
        "Читайте всі новини Донбасу в Telegram, Viber, Facebook, YouTube та Instagram",
    ),
    _rule(
        "read-more",
        r"(read (more|also|next)|see also|continue reading|related:|читайте (також|також:|"
        r"більше|также)|читати далі|дивіться також|смотрите также)\b.{0,160}",
        "Read more: Germany to supply Ukraine with more IRIS-T systems",
    ),
)


def boilerplate_rule(paragraph: str) -> PatternRule | None:
    """The rule that calls `paragraph` boilerplate, or None when it is the article's own."""
    text = paragraph.strip()
    if len(text) > MAX_CHARS:
        return None
    for rule in RULES:
        if rule.pattern.fullmatch(text):
            return rule
    return None


def drop_boilerplate(paragraphs: list[str]) -> list[str]:
    """The paragraphs that no rule calls boilerplate, in order."""
    return [p for p in paragraphs if boilerplate_rule(p) is None]
