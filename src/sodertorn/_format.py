"""Formatting through Babel; imported only when something is formatted."""

from __future__ import annotations

from typing import TYPE_CHECKING

from babel import Locale, UnknownLocaleError
from babel.dates import format_date as _babel_format_date
from babel.numbers import format_currency, format_decimal

from sodertorn.errors import LocaleError

if TYPE_CHECKING:
    import datetime
    from decimal import Decimal

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
    return format_amount(amount.amount, locale)


def format_amount(value: Decimal, locale: str) -> str:
    """Format kronor in *locale* with every digit of *value* shown and none added.

    Babel would round half-even to the currency's digits; this never rounds, so callers
    round first, with the rule they mean.
    """
    parsed = _locale(locale)
    pattern = parsed.currency_formats["standard"].pattern
    if value == value.to_integral_value():
        pattern = pattern.replace(".00", "")
    return str(
        format_currency(
            value,
            "SEK",
            format=pattern,
            locale=parsed,
            currency_digits=False,
            decimal_quantization=False,
        )
    )


def format_number(value: int | Decimal, locale: str) -> str:
    """Format a number with the locale's grouping, every digit shown (no rounding)."""
    return str(format_decimal(value, locale=_locale(locale), decimal_quantization=False))


def format_date(value: datetime.date, locale: str) -> str:
    """Format a date in the locale's long form: ``15 mars 2024``."""
    return str(_babel_format_date(value, format="long", locale=_locale(locale)))
