"""Formatting numbers, kronor and dates for a locale; imported only when something is formatted.

Below :mod:`sodertorn.i18n`, which chooses the locale; it formats numbers, not values of the
package, and imports none of them (:mod:`sodertorn.money` knows nothing of formatting).

The locales of the library's two languages, ``sv_SE`` and ``en``, are formatted from their
shapes in :mod:`sodertorn._shapes`: CLDR's symbols, grouping and affixes, month and day
names and long date pattern, which ``tools/locale_shapes.py`` writes from Babel's locale
data. A Swedish or English output thus neither imports Babel nor loads its locale data.
Every other locale is formatted through Babel, imported then.
"""

from __future__ import annotations

import functools
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

from sodertorn import _shapes
from sodertorn.errors import LocaleError

if TYPE_CHECKING:
    import datetime

    from babel import Locale
    from babel.numbers import NumberPattern


_LOCALES: dict[str, Locale] = {}


def _locale(locale: str) -> Locale:
    """The parsed *locale*; each is parsed once, as parsing dominates a short format."""
    if isinstance(locale, str) and locale in _LOCALES:
        return _LOCALES[locale]
    from babel import Locale, UnknownLocaleError  # noqa: PLC0415 - Babel is heavy

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
    from babel.numbers import parse_pattern  # noqa: PLC0415

    pattern = locale.currency_formats["standard"].pattern
    return parse_pattern(pattern.replace(".00", "") if whole else pattern)


@functools.cache
def _decimal_pattern(locale: Locale) -> NumberPattern:
    from babel.numbers import parse_pattern  # noqa: PLC0415

    return parse_pattern(locale.decimal_formats[None])


def _shaped(locale: object) -> bool:
    """Whether *locale* is one of the locales :mod:`sodertorn._shapes` describes."""
    return isinstance(locale, str) and locale in _shapes.LOCALES


def format_amount(value: Decimal, locale: str) -> str:
    """Format kronor in *locale* with every digit of *value* shown and none added.

    Babel would round half-even to the currency's digits; this never rounds, so callers
    round first, with the rule they mean.
    """
    if _shaped(locale) and value.is_finite():
        kind = "SEK" if value == value.to_integral_value() else "SEK.00"
        return _apply_shape(_shape_of(locale, kind), value)
    parsed = _locale(locale)
    pattern = _currency_pattern(parsed, value == value.to_integral_value())
    return _apply(pattern, value, parsed, "SEK")


def format_number(value: int | Decimal, locale: str) -> str:
    """Format a number with the locale's grouping, every digit shown (no rounding)."""
    if _shaped(locale):
        number = value if isinstance(value, Decimal) else Decimal(str(value))
        if number.is_finite():
            return _apply_shape(_shape_of(locale, "decimal"), number)
    parsed = _locale(locale)
    return _apply(_decimal_pattern(parsed), value, parsed, None)


class Shape(NamedTuple):
    """How a locale writes a number with a plain pattern: what Babel looks up for each number.

    The prefixes and suffixes are pairs: for a non-negative and for a negative number.
    """

    prefix: tuple[str, str]
    suffix: tuple[str, str]
    group: str
    decimal: str
    grouping: tuple[int, int]
    int_min: int
    frac_prec: tuple[int, int]


_SHAPES: dict[tuple[str, str], Shape] = {}


def _shape_of(locale: str, kind: str) -> Shape:
    """The shape of *kind* (``decimal``, ``SEK`` for whole kronor, ``SEK.00``) in *locale*."""
    key = (locale, kind)
    if key not in _SHAPES:
        _SHAPES[key] = Shape(*_shapes.NUMBERS[key])  # type: ignore[arg-type]
    return _SHAPES[key]


def babel_shape(locale: str, kind: str) -> Shape | None:
    """The shape of *kind* in *locale* from Babel's locale data (``tools/locale_shapes.py``)."""
    parsed = _locale(locale)
    if kind == "decimal":
        return _shape(_decimal_pattern(parsed), parsed, None)
    return _shape(_currency_pattern(parsed, kind == "SEK"), parsed, "SEK")


@functools.cache
def _shape(pattern: NumberPattern, locale: Locale, currency: str | None) -> Shape | None:
    """The shape of a plain pattern (no exponent, significant digits, scale or plurals)."""
    import re  # noqa: PLC0415

    from babel.numbers import (  # noqa: PLC0415
        get_currency_symbol,
        get_decimal_symbol,
        get_group_symbol,
    )

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

    return Shape(
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
    return _apply_shape(shape, number)


def _apply_shape(shape: Shape, number: Decimal) -> str:
    """A finite *number* in *shape*: every digit shown, none added (Babel's own steps)."""
    negative = int(number.is_signed())
    number = abs(number).normalize()
    frac_min, frac_max = shape.frac_prec[0], max(shape.frac_prec[1], _decimal_precision(number))
    whole, _, fraction = f"{number.quantize(Decimal(10) ** -frac_max):f}".partition(".")
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


def _decimal_precision(number: Decimal) -> int:
    """The digits after the point of a finite, normalized *number* (Babel's own rule)."""
    exponent = number.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def format_date(value: datetime.date, locale: str) -> str:
    """Format a date in the locale's long form: ``15 mars 2024``."""
    if _shaped(locale):
        pattern, months, _ = _shapes.DATES[locale]
        return pattern % {
            "d": str(value.day),
            "MMMM": months[value.month - 1],
            "y": str(value.year),
        }
    from babel.dates import format_date as _babel_format_date  # noqa: PLC0415

    return str(_babel_format_date(value, format="long", locale=_locale(locale)))


def format_weekday(value: datetime.date, locale: str) -> str:
    """The name of the day of the week of *value* in *locale*: ``söndag``, ``Sunday``."""
    if _shaped(locale):
        return _shapes.DATES[locale][2][value.weekday()]
    from babel.dates import format_date as _babel_format_date  # noqa: PLC0415

    return str(_babel_format_date(value, format="EEEE", locale=_locale(locale)))
