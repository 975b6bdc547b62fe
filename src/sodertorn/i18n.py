"""Swedish and English for everything the library says to people.

One gettext domain, ``sodertorn``. Messages are written in English in the code and
translated through the Swedish catalogue ``locale/sv/LC_MESSAGES/sodertorn.po``, read
with Babel's message tools the first time Swedish is asked for. Amounts and dates are
formatted by Babel in the locale that goes with the language.

>>> from sodertorn.i18n import gettext
>>> gettext("Total", "sv")
'Summa'
>>> gettext("Total", "en")
'Total'
>>> gettext("Total", "fi")
Traceback (most recent call last):
...
sodertorn.LocaleError: unsupported language 'fi'; expected one of 'en', 'sv'
"""

from __future__ import annotations

import functools
import os
from decimal import Decimal, localcontext
from typing import TYPE_CHECKING, Literal

from sodertorn.errors import LocaleError

if TYPE_CHECKING:
    import datetime
    from collections.abc import Iterable
    from fractions import Fraction

    from sodertorn.money import SEK

__all__ = [
    "LANGUAGES",
    "Language",
    "catalogue",
    "check_language",
    "error_text",
    "format_date",
    "format_exact",
    "format_money",
    "format_number",
    "format_weekday",
    "gettext",
    "join_list",
    "locale_of",
    "message",
    "ngettext",
    "plural_catalogue",
    "shown_decimal",
]

Language = Literal["sv", "en"]
LANGUAGES: tuple[Language, ...] = ("en", "sv")
"""The languages the library speaks; English is the source language."""

_LOCALES: dict[str, str] = {"sv": "sv_SE", "en": "en"}


def check_language(lang: str) -> Language:
    """Return *lang* if the library speaks it, else raise :class:`~sodertorn.LocaleError`."""
    if lang == "sv":
        return "sv"
    if lang == "en":
        return "en"
    raise LocaleError(
        f"unsupported language {lang!r}; expected one of "
        + ", ".join(repr(language) for language in LANGUAGES)
    )


def locale_of(lang: str) -> str:
    """The Babel locale used to format amounts and dates for *lang*."""
    return _LOCALES[check_language(lang)]


def _catalogue_path(lang: str) -> str:
    # Read beside the module, not through importlib.resources, which is heavy to import.
    return os.path.join(os.path.dirname(__file__), "locale", lang, "LC_MESSAGES", "sodertorn.po")


@functools.cache
def catalogue(lang: str) -> dict[str, str]:
    """The translations of *lang* as ``{msgid: msgstr}``; empty for English."""
    if check_language(lang) == "en":
        return {}
    from babel.messages.pofile import read_po  # noqa: PLC0415 - Babel is heavy

    with open(_catalogue_path(lang), "rb") as handle:
        parsed = read_po(handle, locale=lang, domain="sodertorn")
    return {
        str(message.id): str(message.string)
        for message in parsed
        if message.id and isinstance(message.id, str) and message.string and not message.fuzzy
    }


@functools.cache
def plural_catalogue(lang: str) -> dict[tuple[str, str], tuple[str, str]]:
    """The plural translations of *lang* as ``{(singular, plural): (one, other)}``."""
    if check_language(lang) == "en":
        return {}
    from babel.messages.pofile import read_po  # noqa: PLC0415 - Babel is heavy

    with open(_catalogue_path(lang), "rb") as handle:
        parsed = read_po(handle, locale=lang, domain="sodertorn")
    found: dict[tuple[str, str], tuple[str, str]] = {}
    for message in parsed:
        ids, strings = message.id, message.string
        if isinstance(ids, tuple) and isinstance(strings, tuple) and not message.fuzzy:
            one, other = (str(s) for s in strings[:2])
            if one and other:
                found[(str(ids[0]), str(ids[1]))] = (one, other)
    return found


def message(text: str) -> str:
    """Mark *text* as a message to translate when it is shown; returns it unchanged."""
    return text


def gettext(message: str, lang: str = "sv") -> str:
    """Translate an English *message* into *lang*; untranslated messages stay English."""
    return catalogue(lang).get(message, message)


def ngettext(singular: str, plural: str, n: int, lang: str = "sv") -> str:
    """Translate the form of *singular* or *plural* that goes with the number *n*.

    Swedish and English both take the singular for exactly one and the plural otherwise.

    >>> ngettext("{count} focus area", "{count} focus areas", 1, "sv")
    '{count} fokusområde'
    >>> ngettext("{count} focus area", "{count} focus areas", 4, "en")
    '{count} focus areas'
    """
    forms = plural_catalogue(lang).get((singular, plural), (singular, plural))
    return forms[0] if n == 1 else forms[1]


def error_text(error: BaseException, lang: str = "sv") -> str:
    """The message of *error* in *lang*, if it was made with a catalogue template.

    >>> from sodertorn import UnknownMunicipalityError
    >>> error_text(UnknownMunicipalityError.of("unknown municipality {name}; expected one of "
    ...     "{expected}", name="'Gotland'", expected="0128 Salem"), "sv")
    "okänd kommun 'Gotland'; ange en av 0128 Salem"
    """
    template = getattr(error, "template", None)
    values = getattr(error, "values", None)
    if template is None or values is None:
        return str(error)
    return gettext(template, lang).format(**values)


def join_list(items: Iterable[str], lang: str = "sv") -> str:
    """Join *items* as a person writes a list: ``A, B och C`` in Swedish, ``A, B and C`` in English.

    >>> join_list(["Tyresö", "Södertälje", "Nynäshamn"], "sv")
    'Tyresö, Södertälje och Nynäshamn'
    >>> join_list(["Salem"], "en"), join_list([], "sv")
    ('Salem', '')
    """
    words = list(items)
    if len(words) < 2:
        return "".join(words)
    return f"{', '.join(words[:-1])} {gettext('and', lang)} {words[-1]}"


def format_money(amount: SEK, lang: str = "sv") -> str:
    """Format *amount* for *lang*: ``860 000 kr`` in Swedish (with no-break spaces)."""
    return amount.format(locale_of(lang))


def shown_decimal(value: Fraction, places: int = 4) -> Decimal:
    """*value* cut to *places* decimals (half-even), for a person to read, never to sum.

    >>> from fractions import Fraction
    >>> shown_decimal(Fraction(2, 3)), shown_decimal(Fraction(1, 8), places=2)
    (Decimal('0.6667'), Decimal('0.12'))
    """
    with localcontext() as context:
        context.prec = 60
        exact = Decimal(value.numerator) / Decimal(value.denominator)
        return exact.quantize(Decimal(1).scaleb(-places))


def format_exact(value: Fraction, lang: str = "sv", places: int = 4) -> str:
    """Format an exact amount in kronor, shown to *places* decimals with ``≈`` if cut.

    For explanations only: the figure a person reads, never one that is summed.

    >>> from fractions import Fraction
    >>> format_exact(Fraction(1, 3), "sv") == "≈ 0,3333\xa0kr"
    True
    """
    from sodertorn import _format  # noqa: PLC0415 - Babel is heavy

    shown = shown_decimal(value, places)
    if shown != value:
        return "≈ " + _format.format_amount(shown, locale_of(lang))
    # The fraction ends within *places* decimals: show its own digits, no padding zeros.
    digits = shown.quantize(Decimal(1)) if shown == shown.to_integral_value() else shown.normalize()
    return _format.format_amount(digits, locale_of(lang))


def format_date(value: datetime.date, lang: str = "sv") -> str:
    """Format a date for *lang*: ``15 mars 2024`` in Swedish, ``March 15, 2024`` in English."""
    from sodertorn import _format  # noqa: PLC0415 - Babel is heavy

    return _format.format_date(value, locale_of(lang))


def format_number(value: int | Decimal, lang: str = "sv") -> str:
    """Format a number for *lang*: ``520 824`` in Swedish, ``520,824`` in English.

    Every digit of a :class:`~decimal.Decimal` is shown; nothing is rounded here.
    """
    from sodertorn import _format  # noqa: PLC0415 - Babel is heavy

    return _format.format_number(value, locale_of(lang))


def format_weekday(value: datetime.date, lang: str = "sv") -> str:
    """The day of the week for *lang*: ``söndag`` in Swedish, ``Sunday`` in English."""
    from sodertorn import _format  # noqa: PLC0415 - Babel is heavy

    return _format.format_weekday(value, locale_of(lang))
