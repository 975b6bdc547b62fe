"""Swedish and English for everything the library says to people.

One gettext domain, ``sodertorn``. Messages are written in English in the code and
translated through the Swedish catalogue ``locale/sv/LC_MESSAGES/sodertorn.po``. The build
compiles it to ``sodertorn.mo`` beside it (``hatch_build.py``; for a wheel and for
``pip install -e .``), and the standard library's :class:`gettext.GNUTranslations` reads
that, the first time Swedish is asked for. A source tree that was never built, or whose
``.po`` changed after the build, has no compiled catalogue that fits: the ``.po`` is then
compiled in memory with Babel's message tools, which gives the same translations, only
more slowly (:func:`translations` tells which). Amounts and dates are formatted in the
locale that goes with the language, ``sv_SE`` or ``en``, from its shapes in CLDR's locale data
(taken from Babel by ``tools/locale_shapes.py``), without importing Babel; any other locale
given to :func:`format_money` is formatted through Babel.

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
import gettext as _gettext
import os
from decimal import Decimal, localcontext
from typing import TYPE_CHECKING, Any, Literal

from sodertorn.errors import InvalidAmountError, Listing, LocaleError, Phrase, Worded

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
    "load_translations",
    "locale_of",
    "message",
    "ngettext",
    "plural_catalogue",
    "shown_decimal",
    "translations",
]

Language = Literal["sv", "en"]
LANGUAGES: tuple[Language, ...] = ("en", "sv")
"""The languages the library speaks; English is the source language."""

_LOCALES: dict[str, str] = {"sv": "sv_SE", "en": "en"}

LOCALE_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "locale")
"""Where the catalogues are: ``<lang>/LC_MESSAGES/sodertorn.po`` and its compiled ``.mo``."""

DOMAIN = "sodertorn"


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


def message(text: str) -> str:
    """Mark *text* as a message to translate later (``gettext_noop``); returns it unchanged.

    For messages kept as data (a label, an enum's value) and translated where shown, so
    that ``pybabel extract`` finds them.
    """
    return text


def _read(path: str) -> bytes | None:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        return None


def load_translations(lang: str, directory: str = LOCALE_DIR) -> _gettext.NullTranslations:
    """Read the translations of *lang* from *directory* (uncached; see :func:`translations`).

    The compiled ``sodertorn.mo`` is used when it was compiled from the ``sodertorn.po``
    beside it (its ``Project-Id-Version`` carries the ``.po``'s checksum) or when there is
    no ``.po``. Otherwise the ``.po`` is compiled in memory. With neither, the error says
    how to build the catalogue.
    """
    if check_language(lang) == "en":
        return _gettext.NullTranslations()
    base = os.path.join(directory, lang, "LC_MESSAGES", DOMAIN)
    po, mo = _read(base + ".po"), _read(base + ".mo")
    if mo is not None:
        import io  # noqa: PLC0415 - only for Swedish

        compiled = _gettext.GNUTranslations(io.BytesIO(mo))
        if po is None:
            return compiled
        from sodertorn._msgfmt import stamp  # noqa: PLC0415

        if compiled.info().get("project-id-version") == f"{DOMAIN} {stamp(po)}":
            return compiled
    if po is None:
        raise LocaleError(
            f"no catalogue for {lang!r} in {directory}: expected {DOMAIN}.po or {DOMAIN}.mo "
            f"under {lang}/LC_MESSAGES; reinstall the package (pip install sodertorn), or in a "
            f"source tree, pip install -e ."
        )
    return _compile(po, lang)


def _compile(po: bytes, lang: str) -> _gettext.GNUTranslations:
    import io  # noqa: PLC0415 - only for a source tree that was not built

    from sodertorn._msgfmt import compile_po  # noqa: PLC0415

    return _gettext.GNUTranslations(io.BytesIO(compile_po(po, lang)))


@functools.cache
def translations(lang: str) -> _gettext.NullTranslations:
    """The translations of *lang*, read once: :class:`gettext.GNUTranslations` for Swedish.

    English, the source language, has :class:`gettext.NullTranslations`. The compiled
    catalogue's ``Project-Id-Version`` is ``sodertorn po-`` and the CRC-32 of the ``.po``
    it was compiled from, whether the build or this process compiled it.

    >>> translations("sv").info()["language"]
    'sv'
    """
    return load_translations(lang)


def _parsed_po(lang: str) -> Any:
    from babel.messages.pofile import read_po  # noqa: PLC0415 - Babel is heavy

    path = os.path.join(LOCALE_DIR, lang, "LC_MESSAGES", f"{DOMAIN}.po")
    with open(path, "rb") as handle:
        return read_po(handle, locale=lang, domain=DOMAIN)


@functools.cache
def catalogue(lang: str) -> dict[str, str]:
    """The translations of *lang* as ``{msgid: msgstr}``, read from the ``.po``; empty for English.

    For tests and tools: it parses the ``.po`` with Babel. Translating never calls it.
    """
    if check_language(lang) == "en":
        return {}
    return {
        str(entry.id): str(entry.string)
        for entry in _parsed_po(lang)
        if entry.id and isinstance(entry.id, str) and entry.string and not entry.fuzzy
    }


@functools.cache
def plural_catalogue(lang: str) -> dict[tuple[str, str], tuple[str, str]]:
    """The plural translations of *lang* as ``{(singular, plural): (one, other)}``.

    For tests and tools, like :func:`catalogue`.
    """
    if check_language(lang) == "en":
        return {}
    found: dict[tuple[str, str], tuple[str, str]] = {}
    for entry in _parsed_po(lang):
        ids, strings = entry.id, entry.string
        if isinstance(ids, tuple) and isinstance(strings, tuple) and not entry.fuzzy:
            one, other = (str(s) for s in strings[:2])
            if one and other:
                found[(str(ids[0]), str(ids[1]))] = (one, other)
    return found


def gettext(message: str, lang: str = "sv") -> str:
    """Translate an English *message* into *lang*; untranslated messages stay English."""
    return translations(lang).gettext(message)


def ngettext(singular: str, plural: str, n: int, lang: str = "sv") -> str:
    """Translate the form of *singular* or *plural* that goes with the number *n*.

    Swedish and English both take the singular for exactly one and the plural otherwise.

    >>> ngettext("{count} focus area", "{count} focus areas", 1, "sv")
    '{count} fokusområde'
    >>> ngettext("{count} focus area", "{count} focus areas", 4, "en")
    '{count} focus areas'
    """
    return translations(lang).ngettext(singular, plural, n)


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
    place = getattr(error, "place", None)
    where = "" if place is None else _filled(place[0], place[1], lang)
    return where + _filled(template, values, lang)


def _filled(template: str, values: dict[str, str], lang: str) -> str:
    def said(value: str) -> str:
        # A phrase's values and a listing's items may be phrases themselves ("an int from 1
        # to 9999, such as 2024, or None"); each is said in *lang* in turn.
        if isinstance(value, Phrase):
            translated = gettext(value.template, lang)
            if not value.values:
                return translated
            return translated.format(**{k: said(v) for k, v in value.values.items()})
        if isinstance(value, Worded):
            return value.words.get(lang, str(value))
        if isinstance(value, Listing):
            return join_list(
                [said(item) for item in value.items], lang, alternatives=value.alternatives
            )
        return value

    return gettext(template, lang).format(**{k: said(v) for k, v in values.items()})


def join_list(items: Iterable[str], lang: str = "sv", *, alternatives: bool = False) -> str:
    """Join *items* as a person writes a list: ``A, B och C`` in Swedish, ``A, B and C`` in English.

    With *alternatives*, a list to choose from: ``A, B eller C``, ``A, B or C``.

    >>> join_list(["Tyresö", "Södertälje", "Nynäshamn"], "sv")
    'Tyresö, Södertälje och Nynäshamn'
    >>> join_list(["Salem"], "en"), join_list([], "sv")
    ('Salem', '')
    >>> join_list(["sup2013", "sup2035", "sup2040"], "en", alternatives=True)
    'sup2013, sup2035 or sup2040'
    """
    words = list(items)
    if len(words) < 2:
        return "".join(words)
    conjunction = gettext("or", lang) if alternatives else gettext("and", lang)
    return f"{', '.join(words[:-1])} {conjunction} {words[-1]}"


def format_money(amount: SEK, lang: str = "sv", *, locale: str | None = None) -> str:
    """Format *amount* for *lang*, or in the Babel *locale* if one is given.

    Whole kronor are shown without decimals, other amounts with their two; Babel's
    half-even rounding never happens here. ``sv`` formats as ``sv_SE``: ``860 000 kr``, with
    the no-break spaces of its CLDR pattern. ``en`` formats as ``en`` with a space after the
    currency code, ``SEK 860,000`` and ``-SEK 1,250``, as English text writes an amount in
    kronor: CLDR's ``en`` pattern puts the code against the digits (``SEK860,000``), a form
    made for symbols such as ``$``. A *locale* gets that locale's own CLDR pattern, unchanged
    (``locale="en"`` gives ``SEK860,000``, as the deprecated ``SEK.format`` does).

    >>> from sodertorn import SEK
    >>> format_money(SEK(860000), "sv") == "860\xa0000\xa0kr"
    True
    >>> format_money(SEK("1234.5"), "en"), format_money(SEK(-1250), "en")
    ('SEK 1,234.50', '-SEK 1,250')
    >>> format_money(SEK(-1250), locale="en_IN")
    '-SEK1,250'
    """
    from sodertorn import _format  # noqa: PLC0415 - Babel is heavy
    from sodertorn.money import SEK  # noqa: PLC0415 - money is a value, below formatting

    if not isinstance(amount, SEK):
        raise InvalidAmountError(f"cannot format {amount!r} as money; expected a SEK amount")
    if locale is not None:
        return _format.format_amount(amount.amount, locale)
    return _kronor(amount.amount, lang)


def _kronor(value: Decimal, lang: str) -> str:
    """*value* kronor in *lang*: ``860 000 kr``, ``SEK 860,000``."""
    from sodertorn import _format  # noqa: PLC0415 - Babel is heavy

    text = _format.format_amount(value, locale_of(lang))
    return text.replace("SEK", "SEK ", 1) if lang == "en" else text


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
    shown = shown_decimal(value, places)
    if shown != value:
        return "≈ " + _kronor(shown, lang)
    # The fraction ends within *places* decimals: show its own digits, no padding zeros.
    digits = shown.quantize(Decimal(1)) if shown == shown.to_integral_value() else shown.normalize()
    return _kronor(digits, lang)


def format_date(value: datetime.date, lang: str = "sv") -> str:
    """Format a date for *lang*: ``15 mars 2024`` in Swedish, ``15 March 2024`` in English."""
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
