"""Argument checks: validators of :mod:`attrs.validators` that raise the package's errors.

A :class:`Check` is one of attrs' own validators (``instance_of``, ``in_``, ``ge``,
``le``, composed with ``and_``, ``not_``, ``optional`` and ``deep_iterable``), the error
class of the module that uses it, and the words for what was expected. It works both
ways a value enters the library:

* as an attrs validator, ``attrs.field(validator=YEAR)``, naming the field;
* as a function's check, ``YEAR.check(value, "year")``, which returns the value.

Either way a refused value raises the caller's error (never attrs' ``TypeError`` or
``ValueError``), with a message that names the argument, shows the value and says what
was expected:

>>> from sodertorn.errors import PlanError
>>> YEAR = year(PlanError)
>>> YEAR.check(2025, "year")
2025
>>> YEAR.check("2025", "plan year")
Traceback (most recent call last):
...
sodertorn.PlanError: plan year '2025' is not a calendar year; expected an int from 1 to 9999, such as 2024

The same check for another caller is :meth:`Check.raising` away, and ``None`` is let
through by :meth:`Check.or_none`.

The message is a template of the catalogue and its words are phrases of it (see
:class:`~sodertorn.errors.Phrase`), so :func:`sodertorn.i18n.error_text` says a refusal in
Swedish too:

>>> from sodertorn.i18n import error_text
>>> error_text(YEAR.raising(PlanError).refusal("2025", "plan year"), "sv")
"plan year: '2025' är inte ett kalenderår; ett heltal (int) från 1 till 9999 (till exempel 2024) väntades"
"""

from __future__ import annotations

import datetime
import enum
import re
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast, overload

import attrs
from attrs import validators

from sodertorn.errors import Listing, Phrase, SodertornError, message

if TYPE_CHECKING:
    from collections.abc import Callable, Collection

__all__ = [
    "Check",
    "date",
    "each",
    "is_a",
    "member",
    "one_of",
    "shown",
    "text",
    "whole",
    "year",
]

T = TypeVar("T")
U = TypeVar("U")

_LONGEST = 80
"""The most characters of a refused value a message shows."""

DEFAULT_MESSAGE = message("{name} {value} is not {what}; expected {expected}")
"""How a check says no: the argument, the value shown, what it is not and what to give."""


def shown(value: object) -> str:
    """*value* as a message shows it: its ``repr``, cut to a readable length.

    >>> shown("2024")
    "'2024'"
    >>> len(shown("x" * 1000)) <= 81, shown(10**5000)
    (True, '<int of 16610 bits>')
    """
    try:
        text = repr(value)
    except ValueError:  # an int too long for its decimal digits to be written
        if isinstance(value, int):
            return f"<int of {value.bit_length()} bits>"
        return f"<{type(value).__name__}>"
    return text if len(text) <= _LONGEST else text[:_LONGEST] + "…"


@attrs.frozen
class _Field:
    """Stands in for an :class:`attrs.Attribute` when a function's argument is checked."""

    name: str


def _phrase(words: str) -> str:
    """*words* as a value of a message that is translated with it (a :class:`Phrase`).

    A :class:`Phrase` or :class:`Listing` stays as it is; plain words are looked up in the
    catalogue as they are, and stay English where it has none.
    """
    return words if isinstance(words, (Phrase, Listing)) else Phrase(words)


def _label(label: str | None) -> str | None:
    return None if label is None else _phrase(label)


@attrs.frozen
class Check(Generic[T]):
    """An attrs *validator* that raises *error* with a message saying what was expected.

    Call it as an attrs validator (``instance, attribute, value``), or :meth:`check` a
    plain value. *what* is what a refused value is not (``"a date"``), *expected* what to
    give instead (``"a datetime.date such as 2024-03-15"``); *message* puts them with the
    argument's name and the value (:data:`DEFAULT_MESSAGE`). As a validator it names the
    field by its *label* if it has one, else by the field's name.

    *message* is an English template of the catalogue; *what*, *expected* and *label* are
    kept as :class:`~sodertorn.errors.Phrase` (or :class:`~sodertorn.errors.Listing`), so
    that the error says them in the user's language too. A name given to :meth:`check` is
    said as it is given (an argument's name is the same in every language) unless it is a
    phrase.
    """

    validator: Callable[[Any, Any, Any], object]
    error: type[SodertornError]
    what: str = attrs.field(converter=_phrase)
    expected: str = attrs.field(converter=_phrase)
    message: str = DEFAULT_MESSAGE
    label: str | None = attrs.field(default=None, converter=_label)

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        self.check(value, self.label or attribute.name)

    def check(self, value: object, name: str, **where: Any) -> T:
        """*value* if it passes, else :attr:`error` naming *name* and the value.

        *where* goes to the error as it is (``source=``, ``line=`` of the errors that
        name a file's line).
        """
        try:
            self.validator(None, _Field(name), value)
        except SodertornError:
            raise
        except (TypeError, ValueError):
            raise self.refusal(value, name, **where) from None
        return cast("T", value)

    def refusal(self, value: object, name: str, **where: Any) -> SodertornError:
        """The error this check raises for *value* given as *name*, made from its template."""
        return self.error.of(
            self.message,
            name=name,
            value=shown(value),
            what=self.what,
            expected=self.expected,
            **where,
        )

    def raising(self, error: type[SodertornError]) -> Check[T]:
        """The same check, raising *error*."""
        return attrs.evolve(self, error=error)

    def or_none(self) -> Check[T | None]:
        """The same check, also letting ``None`` through."""
        either = (
            message("{expected}, or None")
            if " or " in self.expected or "," in self.expected
            else message("{expected} or None")
        )
        return Check(
            validators.optional(self.validator),
            self.error,
            self.what,
            Phrase(either, expected=self.expected),
            self.message,
            self.label,
        )

    def named(self, label: str) -> Check[T]:
        """The same check, calling a field *label* in its message instead of the field's name."""
        return attrs.evolve(self, label=label)

    def worded(self, message: str) -> Check[T]:
        """The same check, saying no with *message* (keys ``name``, ``value``, ``what``, ``expected``)."""
        return attrs.evolve(self, message=message)


def _article(kind: type) -> str:
    """``an int``, ``a str``: the kind as a phrase, said with its Python name in every language."""
    if kind.__name__[:1].lower() in "aeio":
        return Phrase(message("an {kind}"), kind=kind.__name__)
    return Phrase(message("a {kind}"), kind=kind.__name__)


def _exactly(kind: type | tuple[type, ...]) -> Callable[[Any, Any, Any], object]:
    """``instance_of(kind)`` without the subclasses that mean something else.

    ``bool`` is an ``int`` and ``datetime.datetime`` a ``datetime.date`` to Python, not to
    a reader: an int is not a truth value and a day has no time.
    """
    kinds = kind if isinstance(kind, tuple) else (kind,)
    refused = tuple(
        sub
        for base, sub in ((int, bool), (datetime.date, datetime.datetime))
        if base in kinds and sub not in kinds
    )
    check: Callable[[Any, Any, Any], object] = validators.instance_of(kind)
    if not refused:
        return check
    return validators.and_(check, validators.not_(validators.instance_of(refused)))


@overload
def is_a(
    kind: type[T],
    error: type[SodertornError],
    *,
    what: str | None = None,
    expected: str | None = None,
) -> Check[T]: ...


@overload
def is_a(
    kind: tuple[type, ...],
    error: type[SodertornError],
    *,
    what: str | None = None,
    expected: str | None = None,
) -> Check[Any]: ...


def is_a(
    kind: type[T] | tuple[type, ...],
    error: type[SodertornError],
    *,
    what: str | None = None,
    expected: str | None = None,
) -> Check[Any]:
    """A check that the value is a *kind* (an ``int`` is never a bool, a date never a datetime).

    >>> from sodertorn.errors import GoalTreeError
    >>> is_a(str, GoalTreeError).check(5, "id")
    Traceback (most recent call last):
    ...
    sodertorn.GoalTreeError: id 5 is not a str; expected a str
    """
    names = (
        _article(kind)
        if isinstance(kind, type)
        else Listing((_article(k) for k in kind), alternatives=True)
    )
    return Check(_exactly(kind), error, what or names, expected or names)


def date(error: type[SodertornError]) -> Check[datetime.date]:
    """A check that the value is a day: a :class:`datetime.date` and not a ``datetime``.

    >>> from sodertorn.errors import NoticeError
    >>> date(NoticeError).check(datetime.datetime(2024, 3, 15, 12), "received_by_chair")
    Traceback (most recent call last):
    ...
    sodertorn.NoticeError: received_by_chair datetime.datetime(2024, 3, 15, 12, 0) is not a date; expected a datetime.date such as 2024-03-15
    """
    return Check(
        _exactly(datetime.date),
        error,
        message("a date"),
        message("a datetime.date such as 2024-03-15"),
    )


def whole(
    error: type[SodertornError],
    *,
    low: int | None = None,
    high: int | None = None,
    what: str = message("a whole number"),
) -> Check[int]:
    """A check that the value is an ``int`` (not a bool) from *low* to *high*, inclusive.

    >>> from sodertorn.errors import PlanError
    >>> whole(PlanError, low=1).check(0, "every")
    Traceback (most recent call last):
    ...
    sodertorn.PlanError: every 0 is not a whole number; expected an int of 1 or more
    """
    parts = [_exactly(int)]
    if low is not None:
        parts.append(validators.ge(low))
    if high is not None:
        parts.append(validators.le(high))
    expected: str
    if low is not None and high is not None:
        expected = Phrase(message("an int from {low} to {high}"), low=str(low), high=str(high))
    elif low is not None:
        expected = Phrase(message("an int of {low} or more"), low=str(low))
    elif high is not None:
        expected = Phrase(message("an int of {high} or less"), high=str(high))
    else:
        expected = message("an int")
    return Check(validators.and_(*parts), error, what, expected)


def year(
    error: type[SodertornError],
    *,
    low: int = 1,
    high: int = 9999,
    what: str = message("a calendar year"),
) -> Check[int]:
    """A check that the value is a year from *low* to *high* (an ``int``, not a bool).

    >>> from sodertorn.errors import FeeRuleError
    >>> year(FeeRuleError, low=1000).check(999, "first_year")
    Traceback (most recent call last):
    ...
    sodertorn.FeeRuleError: first_year 999 is not a calendar year; expected an int from 1000 to 9999, such as 2024
    """
    base = whole(error, low=low, high=high, what=what)
    return attrs.evolve(
        base, expected=Phrase(message("{expected}, such as 2024"), expected=base.expected)
    )


_VISIBLE = re.compile(r"\S")


def text(error: type[SodertornError], *, expected: str = message("some text")) -> Check[str]:
    """A check that the value is a ``str`` with something in it other than spaces.

    >>> from sodertorn.errors import FeeRuleError
    >>> text(FeeRuleError, expected="the paragraph the rule comes from").check(" ", "source")
    Traceback (most recent call last):
    ...
    sodertorn.FeeRuleError: source ' ' is empty or not text; expected the paragraph the rule comes from
    """
    return Check(
        validators.and_(
            validators.instance_of(str), validators.matches_re(_VISIBLE, func=re.search)
        ),
        error,
        message("text"),
        expected,
        message("{name} {value} is empty or not {what}; expected {expected}"),
    )


def one_of(options: Collection[T], error: type[SodertornError], *, what: str) -> Check[T]:
    """A check that the value is one of *options* (``attrs.validators.in_``).

    >>> from sodertorn.errors import FeeRuleError
    >>> one_of(("exact", "invoiced"), FeeRuleError, what="a chain").check("x", "chain")
    Traceback (most recent call last):
    ...
    sodertorn.FeeRuleError: chain 'x' is not a chain; expected 'exact' or 'invoiced'
    """
    listed = Listing((repr(option) for option in options), alternatives=True)
    return Check(validators.in_(options), error, what, listed)


E = TypeVar("E", bound=enum.Enum)


def member(kind: type[E], error: type[SodertornError]) -> Check[E]:
    """A check that the value is a member of the enum *kind*, naming every member.

    >>> from sodertorn.errors import FeeRuleError
    >>> from sodertorn.money import Unit
    >>> member(Unit, FeeRuleError).check("krona", "unit")
    Traceback (most recent call last):
    ...
    sodertorn.FeeRuleError: unit 'krona' is unknown; expected Unit.KRONA or Unit.ORE
    """
    listed = Listing((f"{kind.__name__}.{option.name}" for option in kind), alternatives=True)
    return Check(
        validators.instance_of(kind),
        error,
        _article(kind),
        listed,
        message("{name} {value} is unknown; expected {expected}"),
    )


def each(
    member: Check[U], *, what: str = message("a collection"), container: type = tuple
) -> Check[Any]:
    """A check that the value is a *container* whose every item passes *member*.

    An item that fails raises *member*'s error, naming the item; a value that is not a
    *container* raises it too, naming the value.

    >>> from sodertorn.errors import PlanError
    >>> years = each(year(PlanError), what="a tuple of years")
    >>> years.check((2024, 2025), "years")
    (2024, 2025)
    >>> years.check([2024], "years")
    Traceback (most recent call last):
    ...
    sodertorn.PlanError: years [2024] is not a tuple of years; expected a tuple
    """
    return Check(
        validators.deep_iterable(member, validators.instance_of(container)),
        member.error,
        what,
        _article(container),
        member.message,
    )
