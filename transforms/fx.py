"""EUR conversion at the ECB reference rate, offline.

Uses the ECB history bundled with ``currencyconverter`` (never downloaded). A weekend or
holiday takes the last rate published before it, as the ECB itself would quote; a date after
the bundled history takes the last known rate and says so. Currencies the ECB does not
publish (UAH) give no EUR amount and a note explaining why.
"""

from __future__ import annotations

import datetime as dt
import threading
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # currencyconverter ships no types: to mypy this is Any, named here for the reader.
    from currency_converter import CurrencyConverter

_LOCK = threading.Lock()
_CONVERTER: CurrencyConverter | None = None
_MAX_LOOKBACK_DAYS = 14


def _converter() -> CurrencyConverter:
    """The process-wide converter, built on first use from the bundled ECB file."""
    global _CONVERTER
    if _CONVERTER is None:
        with _LOCK:
            if _CONVERTER is None:
                from currency_converter import CurrencyConverter

                # Default currency_file is the zip shipped inside the package: no network.
                _CONVERTER = CurrencyConverter(fallback_on_wrong_date=False)
    return _CONVERTER


@lru_cache(maxsize=4096)
def rate_on(currency: str, on: dt.date) -> tuple[float | None, dt.date | None, str | None]:
    """ECB units of ``currency`` per 1 EUR on ``on`` or the last publication day before it."""
    currency = currency.upper()
    if currency == "EUR":
        return 1.0, on, None
    conv = _converter()
    if currency not in conv.currencies:
        return None, None, f"ECB publishes no reference rate for {currency}"
    first, last = conv.bounds[currency]
    note = None
    day = on
    if day > last:
        day = last
        note = f"date after the bundled ECB history ({last.isoformat()}): last known rate"
    if day < first:
        return None, None, f"date before the ECB history for {currency} ({first.isoformat()})"
    from currency_converter import RateNotFoundError

    for _ in range(_MAX_LOOKBACK_DAYS + 1):
        try:
            rate = conv.convert(1, "EUR", currency, date=day)  # raises on days without a fixing
        except RateNotFoundError:
            day -= dt.timedelta(days=1)
            continue
        if day != on and note is None:
            note = f"no ECB fixing on {on.isoformat()}: last known rate of {day.isoformat()}"
        return float(rate), day, note
    return None, None, f"no ECB rate for {currency} within {_MAX_LOOKBACK_DAYS} days of {on}"


def to_eur(
    amount: float | None, currency: str | None, on: dt.date
) -> tuple[float | None, float | None, dt.date | None, str | None]:
    """(amount_eur, rate, rate_date, note) for ``amount`` of ``currency`` on ``on``."""
    if amount is None or not currency:
        return None, None, None, "no amount stated"
    rate, rate_date, note = rate_on(currency, on)
    if rate is None:
        return None, None, None, note
    return round(float(amount) / rate, 2), rate, rate_date, note
