"""Number, money and date formatting shared by the PDF template and the email body.

One module so the PDF and the email never disagree on how a figure is written. Money stays
Decimal up to the moment it becomes text.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "UAH": "₴", "JPY": "¥"}
MILLION = Decimal(1_000_000)
BILLION = Decimal(1_000_000_000)


def _trim(value: Decimal, places: int) -> str:
    quantum = Decimal(1).scaleb(-places)
    text = f"{value.quantize(quantum, rounding=ROUND_HALF_UP):,.{places}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def compact(amount: Decimal | None, currency: str | None = "EUR") -> str:
    """'€611 m', '$1.25 bn', 'SEK 7.1 bn', '₴5 bn'; '—' when unknown."""
    if amount is None:
        return "—"
    amount = Decimal(amount)
    code = (currency or "").upper()
    symbol = SYMBOLS.get(code)
    sign = "−" if amount < 0 else ""
    amount = abs(amount)
    if amount >= BILLION:
        number = _trim(amount / BILLION, 2) + " bn"
    elif amount >= MILLION:
        number = _trim(amount / MILLION, 1) + " m"
    else:
        number = _trim(amount, 0)
    if symbol:
        return f"{sign}{symbol}{number}"
    return f"{sign}{code} {number}".strip()


def eur_millions(amount: Decimal | None) -> str:
    """'1,234.5' (EUR million, one decimal) for tables with a unit in the header."""
    if amount is None:
        return "—"
    return f"{(Decimal(amount) / MILLION).quantize(Decimal('0.1'), ROUND_HALF_UP):,.1f}"


def exact(amount: Decimal | None, currency: str | None = "EUR") -> str:
    """'EUR 1,234,567.89': the figure to the cent, as SQL sums it."""
    if amount is None:
        return "—"
    return f"{(currency or '').upper()} {Decimal(amount):,.2f}".strip()


def signed_count(delta: int) -> str:
    return f"+{delta}" if delta > 0 else ("±0" if delta == 0 else f"−{-delta}")


def signed_eur(delta: Decimal) -> str:
    if delta == 0:
        return "±€0"
    return ("+" if delta > 0 else "") + compact(delta, "EUR")


def percent(value: float | None) -> str:
    if value is None:
        return "n/a"
    return f"{value:+.0f}%".replace("-", "−")


def day(value: date | datetime | None, precision: str | None = "day") -> str:
    """'12 Nov 2026', or 'Nov 2026' when only the month is known."""
    if value is None:
        return "date not stated"
    if precision == "month":
        return f"{value:%b %Y}"
    return f"{value.day} {value:%b %Y}"


def fx_line(
    currency: str | None,
    fx_rate: float | None,
    fx_date: date | None,
    fx_note: str | None,
    amount_eur: Decimal | None,
) -> str:
    """How the EUR figure was obtained, or why there is none."""
    code = (currency or "").upper()
    if amount_eur is None:
        return fx_note or f"no ECB reference rate for {code or 'this currency'}; not in EUR totals"
    if code == "EUR" or not code:
        return "stated in EUR"
    parts = [f"ECB rate {fx_rate:.4f} {code}/EUR" if fx_rate else "ECB rate"]
    if fx_date:
        parts.append(f"of {day(fx_date)}")
    if fx_note:
        parts.append(f"({fx_note})")
    return " ".join(parts)


def truncate(text: str | None, limit: int) -> str:
    """Cut untrusted text to a readable length (a 100k-character title must not fill 30 pages)."""
    if not text:
        return ""
    if len(text) <= limit:
        return text
    return text[:limit].rstrip() + f" … [truncated, {len(text):,} characters]"
