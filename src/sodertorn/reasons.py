"""Why a rule gave its answer: a :class:`Reason` cites its paragraph and speaks two languages.

The one way the library explains itself, below the agreement, the fees and the programme,
so that each can use it (``sodertorn.agreement.reasons`` still gives the same names).

A reason keeps its English message as a template with named values; :meth:`Reason.text`
translates the template through the library's catalogue and fills in the values,
formatted for the language (names, dates, amounts):

>>> import datetime
>>> from sodertorn.reasons import Reason
>>> from sodertorn import municipality
>>> reason = Reason("§ 2", "{party} is a party up to and including {last_day}.",
...                 party=municipality("Nykvarn"), last_day=datetime.date(2025, 3, 31))
>>> reason.text("en")
'Nykvarn is a party up to and including 31 March 2025. (Samarbetsavtal 2010, § 2)'
>>> reason.text("sv")
'Nykvarn är avtalspart till och med den 31 mars 2025. (Samarbetsavtal 2010, § 2)'
>>> reason.text("fi")
Traceback (most recent call last):
...
sodertorn.LocaleError: unsupported language 'fi'; expected one of 'en', 'sv'

A reason cites the agreement unless it is made with :meth:`Reason.cited`, which names
another source (a programme, a decision); :meth:`Reason.sentence` gives the message
without its citation, and a reason given as a value of another is shown that way:

>>> Reason.cited("SUP 2040", "", "{day} is outside the period {period}",
...              day=datetime.date(2027, 1, 1), period="2023–2026").text("sv")
'1 januari 2027 ligger utanför perioden 2023–2026 (SUP 2040)'
"""

from __future__ import annotations

import datetime
import enum
from typing import TYPE_CHECKING

import attrs

from sodertorn import _checks
from sodertorn.errors import LocaleError
from sodertorn.i18n import (
    check_language,
    format_date,
    format_money,
    format_number,
    gettext,
    join_list,
    message,
    ngettext,
)
from sodertorn.money import SEK
from sodertorn.parties import Municipality

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["AGREEMENT", "Count", "Plural", "Reason", "message", "plural", "render"]

AGREEMENT = "Samarbetsavtal 2010"
"""How every rule cites its source: the collaboration agreement of 2010."""


@attrs.frozen
class Plural:
    """A message with a singular and a plural form, chosen by the value named *count*."""

    singular: str
    plural: str
    count: str = "count"


def plural(singular: str, plural: str, /, *, count: str = "count") -> Plural:
    """Mark a message whose form follows the number in the value named *count*.

    >>> render(plural("{count} focus area", "{count} focus areas"), "sv", count=2)
    '2 fokusområden'
    """
    return Plural(singular, plural, count)


_whole = _checks.whole(LocaleError).named("count")


@attrs.frozen
class Count:
    """A number of people or things, shown with the language's digit grouping.

    A plain ``int`` is shown as it is (a year, a paragraph's number); a :class:`Count` as
    a person reads a count, and it can choose a plural form.

    >>> render("{count}", "sv", count=Count(520824)) == "520\xa0824"
    True
    >>> render("{count}", "en", count=Count(1851))
    '1,851'
    >>> render(plural("{count} focus area", "{count} focus areas"), "sv", count=Count(1))
    '1 fokusområde'
    """

    value: int = attrs.field(validator=_whole)


def _show(value: object, lang: str) -> str:
    if isinstance(value, Count):
        return format_number(value.value, lang)
    if isinstance(value, Municipality):
        return value.name
    if isinstance(value, datetime.date):
        return format_date(value, lang)
    if isinstance(value, SEK):
        return format_money(value, lang)
    if isinstance(value, enum.Enum):
        return gettext(str(value.value), lang)
    if isinstance(value, (frozenset, tuple, list)):
        return _list(value, lang)
    if isinstance(value, Reason):
        return value.sentence(lang)
    return str(value)


def _list(values: Iterable[object], lang: str) -> str:
    items: list[object] = list(values)
    parties = [v for v in items if isinstance(v, Municipality)]
    if len(parties) == len(items):
        items = [*sorted(parties)]
    return join_list((_show(v, lang) for v in items), lang) or gettext("none", lang)


def render(template: str | Plural, lang: str, /, **values: object) -> str:
    """Translate *template* into *lang* and fill in *values*, each formatted for *lang*."""
    check_language(lang)
    if isinstance(template, Plural):
        count = values[template.count]
        if isinstance(count, Count):
            count = count.value
        if not isinstance(count, int):
            raise LocaleError(
                f"{template.count} {count!r} is not a whole number to choose a form by"
            )
        text = ngettext(template.singular, template.plural, count, lang)
    else:
        text = gettext(template, lang)
    return text.format(**{k: _show(v, lang) for k, v in values.items()})


@attrs.frozen(init=False)
class Reason:
    """One step of an answer: the source it rests on and what it found.

    *section* is the agreement's paragraph (``"§ 3"``); *template* an English message
    with ``{named}`` values, translated when shown. A value may itself be a reason, shown
    as its :meth:`sentence`. :meth:`cited` makes a reason that rests on another *source*
    than the agreement.
    """

    __module__ = "sodertorn.reasons"

    section: str
    template: str
    values: tuple[tuple[str, object], ...]
    plural: str | None = None
    """The plural form of *template*, when the value named *count* chooses between them."""
    count: str = "count"
    source: str = AGREEMENT
    """The document cited: the agreement, or what :meth:`cited` named."""

    def __init__(self, section: str, template: str | Plural, /, **values: object) -> None:
        self._init(AGREEMENT, section, template, values)

    def _init(
        self, source: str, section: str, template: str | Plural, values: dict[str, object]
    ) -> None:
        for name, value in (("source", source), ("section", section)):
            if not isinstance(value, str):
                raise LocaleError(f"reason {name} {value!r} is not a str")
        if not source.strip():
            raise LocaleError(f"reason source {source!r} is empty; expected a document to cite")
        ordered = tuple(sorted(values.items()))
        if isinstance(template, Plural):
            self.__attrs_init__(
                section, template.singular, ordered, template.plural, template.count, source
            )
        elif isinstance(template, str):
            self.__attrs_init__(section, template, ordered, source=source)
        else:
            raise LocaleError(f"reason template {template!r} is not a message")

    @classmethod
    def cited(
        cls, source: str, section: str, template: str | Plural, /, **values: object
    ) -> Reason:
        """A reason that rests on *source* (``"SUP 2040"``), at *section* if it has one.

        >>> Reason.cited("SUP 2035", "", plural("{count} focus area", "{count} focus areas"),
        ...              count=4).text("sv")
        '4 fokusområden (SUP 2035)'
        >>> Reason.cited("", "", "{count} goal", count=4)
        Traceback (most recent call last):
        ...
        sodertorn.LocaleError: reason source '' is empty; expected a document to cite
        """
        reason = cls.__new__(cls)
        reason._init(source, section, template, values)
        return reason

    @property
    def citation(self) -> str:
        """The source and its section, as the text ends: ``Samarbetsavtal 2010, § 3``."""
        return f"{self.source}, {self.section}" if self.section else self.source

    def sentence(self, lang: str = "sv") -> str:
        """The message alone in *lang*, without its citation."""
        template: str | Plural = (
            self.template if self.plural is None else Plural(self.template, self.plural, self.count)
        )
        return render(template, lang, **dict(self.values))

    def text(self, lang: str = "sv") -> str:
        """Render the reason in *lang*, ending with its source."""
        return f"{self.sentence(lang)} ({self.citation})"
