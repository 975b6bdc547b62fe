"""Formatting through Babel; imported only when something is formatted."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from babel import Locale, UnknownLocaleError
from babel.dates import format_date as _babel_format_date
from babel.numbers import format_currency, format_decimal

from sodertorn.errors import LocaleError

if TYPE_CHECKING:
    from sodertorn.money import SEK


def _locale(locale: str) -> Locale:
    try:
        return Locale.parse(locale)
    except (UnknownLocaleError, ValueError, TypeError):
        raise LocaleError(
            f"unknown locale {locale!r}; expected a locale such as 'sv_SE' or 'en'"
        ) from None


def format_money(amount: SEK, locale: str) -> str:
    """Format *amount* in *locale*: whole kronor without decimals, else two decimals."""
    parsed = _locale(locale)
    pattern = parsed.currency_formats["standard"].pattern
    value: Decimal = amount.amount
    if amount.is_whole_kronor:
        pattern = pattern.replace(".00", "")
    return str(
        format_currency(value, "SEK", format=pattern, locale=parsed, currency_digits=False)
    )


def format_number(value: int | Decimal, locale: str) -> str:
    """Format a count (inhabitants) with the locale's grouping."""
    return str(format_decimal(value, locale=_locale(locale)))


def format_date(value: datetime.date, locale: str) -> str:
    """Format a date in the locale's long form: ``15 mars 2024``."""
    return str(_babel_format_date(value, format="long", locale=_locale(locale)))
