"""Formatting through Babel; imported only when something is formatted.

Below :mod:`sodertorn.i18n`, which chooses the locale; it formats numbers, not values of the
package, and imports none of them (:mod:`sodertorn.money` knows nothing of formatting).
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs
from babel import Locale, UnknownLocaleError
from babel.dates import format_date as _babel_format_date
from babel.numbers import (
    NumberPattern,
    get_currency_symbol,
    get_decimal_precision,
    get_decimal_quantum,
    get_decimal_symbol,
    get_group_symbol,
    parse_pattern,
)

from sodertorn.errors import LocaleError

if TYPE_CHECKING:
    import datetime


_LOCALES: dict[str, Locale] = {}


def _locale(locale: str) -> Locale:
    """The parsed *locale*; each is parsed once, as parsing dominates a short format."""
    if isinstance(locale, str) and locale in _LOCALES:
        return _LOCALES[locale]
    try:
        parsed = Locale.parse(locale)
    except (UnknownLocaleError, ValueError, TypeError):
        raise LocaleError(
            f"unknown locale {locale!r}; expected a locale such as 'sv_SE' or 'en'"
        ) from None
    if isinstance(locale, str):
        _LOCALES[locale] = parsed
    return parsed


@functools.cache
def _currency_pattern(locale: Locale, whole: bool) -> NumberPattern:  # noqa: FBT001
    """The locale's currency pattern, without decimals for whole kronor; parsed once."""
    pattern = locale.currency_formats["standard"].pattern
    return parse_pattern(pattern.replace(".00", "") if whole else pattern)


@functools.cache
def _decimal_pattern(locale: Locale) -> NumberPattern:
    return parse_pattern(locale.decimal_formats[None])


def format_amount(value: Decimal, locale: str) -> str:
    """Format kronor in *locale* with every digit of *value* shown and none added.

    Babel would round half-even to the currency's digits; this never rounds, so callers
    round first, with the rule they mean.
    """
    parsed = _locale(locale)
    pattern = _currency_pattern(parsed, value == value.to_integral_value())
    return _apply(pattern, value, parsed, "SEK")


def format_number(value: int | Decimal, locale: str) -> str:
    """Format a number with the locale's grouping, every digit shown (no rounding)."""
    parsed = _locale(locale)
    return _apply(_decimal_pattern(parsed), value, parsed, None)


@attrs.frozen
class _Shape:
    """What Babel looks up in the locale for each number, looked up once per pattern.

    The prefixes and suffixes are pairs: for a non-negative and for a negative number.
    """

    prefix: tuple[str, str]
    suffix: tuple[str, str]
    group: str
    decimal: str
    grouping: tuple[int, int]
    int_min: int
    frac_prec: tuple[int, int]


@functools.cache
def _shape(pattern: NumberPattern, locale: Locale, currency: str | None) -> _Shape | None:
    """The shape of a plain pattern (no exponent, significant digits, scale or plurals)."""
    affixes = "".join(pattern.prefix + pattern.suffix)
    if pattern.exp_prec or "@" in pattern.pattern or pattern.scale or "¤¤¤" in affixes:
        return None
    if "¤" in affixes and currency is None:
        return None

    def affix(text: str) -> str:
        if currency is not None:
            text = text.replace("¤¤", currency.upper())
            text = text.replace("¤", get_currency_symbol(currency, locale))
        return re.sub(r"'([^']*)'", lambda m: m.group(1) or "'", text)

    return _Shape(
        prefix=(affix(pattern.prefix[0]), affix(pattern.prefix[1])),
        suffix=(affix(pattern.suffix[0]), affix(pattern.suffix[1])),
        group=get_group_symbol(locale),
        decimal=get_decimal_symbol(locale),
        grouping=pattern.grouping,
        int_min=pattern.int_prec[0],
        frac_prec=pattern.frac_prec,
    )


def _apply(
    pattern: NumberPattern, value: int | Decimal, locale: Locale, currency: str | None
) -> str:
    """Babel's ``pattern.apply`` without quantization, the locale's symbols looked up once.

    Babel's own steps for a finite number and a plain pattern; anything else is left to
    Babel. Two reasons to keep these steps of our own: the symbols are looked up once per
    pattern rather than once per number (the fee tables format hundreds of numbers), and
    Babel (2.19 with CLDR 49) strips the quotes of its patterns from the finished string,
    digits included, so where the group separator is an apostrophe (de_CH, fr_CH, it_CH,
    de_LI, en_CH ...) it prints ``SEK 1000000`` instead of ``SEK 1'000'000``. Here only the
    pattern's affixes are unquoted.
    """
    number = value if isinstance(value, Decimal) else Decimal(str(value))
    shape = _shape(pattern, locale, currency)
    if shape is None or not number.is_finite():
        return str(
            pattern.apply(
                value, locale, currency=currency, currency_digits=False, decimal_quantization=False
            )
        )
    negative = int(number.is_signed())
    number = abs(number).normalize()
    frac_min, frac_max = shape.frac_prec[0], max(shape.frac_prec[1], get_decimal_precision(number))
    whole, _, fraction = f"{number.quantize(get_decimal_quantum(frac_max)):f}".partition(".")
    whole = whole.rjust(shape.int_min, "0")
    size, grouped = shape.grouping[0], ""
    while len(whole) > size:
        grouped = shape.group + whole[-size:] + grouped
        whole = whole[:-size]
        size = shape.grouping[1]
    fraction = (fraction or "0").ljust(frac_min, "0")
    if frac_max == 0 or (frac_min == 0 and int(fraction) == 0):
        fraction = ""
    else:
        while len(fraction) > frac_min and fraction[-1] == "0":
            fraction = fraction[:-1]
        fraction = shape.decimal + fraction
    return shape.prefix[negative] + whole + grouped + fraction + shape.suffix[negative]


def format_date(value: datetime.date, locale: str) -> str:
    """Format a date in the locale's long form: ``15 mars 2024``."""
    return str(_babel_format_date(value, format="long", locale=_locale(locale)))


def format_weekday(value: datetime.date, locale: str) -> str:
    """The name of the day of the week of *value* in *locale*: ``söndag``, ``Sunday``."""
    return str(_babel_format_date(value, format="EEEE", locale=_locale(locale)))
