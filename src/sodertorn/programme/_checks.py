"""Argument checks shared by the programme's values, in the programme's wording.

They are :mod:`sodertorn._checks`' checks saying ``invalid <what> <value>; expected
<kind>``, each raising its caller's error (``error=``): by default the plan's
:class:`~sodertorn.PlanError` (``is_a``, ``each``, ``calendar_year``, ``count``) or the goal
tree's :class:`~sodertorn.GoalTreeError` (``tree_…``, ``day``, ``words``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sodertorn import _checks as _shared
from sodertorn.errors import GoalTreeError, PlanError, SodertornError, message

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "MAX_INDENT",
    "calendar_year",
    "check_year",
    "count",
    "day",
    "each",
    "is_a",
    "json_indent",
    "plan_tuple",
    "tree_each",
    "tree_optional",
    "tree_required",
    "tree_tuple",
    "words",
]


def plan_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    if isinstance(value, (str, bytes)) or not hasattr(value, "__iter__"):
        raise PlanError(f"expected a sequence, got {value!r}")
    return tuple(value)


_INVALID = message("invalid {name} {value}; expected {expected}")
"""The programme's wording of a refusal."""


def _worded(check: _shared.Check[Any], what: str | None, *, optional: bool) -> Any:
    """*check* in the programme's wording, naming the field *what* (else by its name)."""
    check = check.worded(_INVALID)
    if what is not None:
        check = check.named(what)
    return check.or_none() if optional else check


def _kind(
    kind: type | tuple[type, ...],
    what: str,
    error: type[SodertornError],
    expected: str | None = None,
) -> _shared.Check[Any]:
    return _shared.is_a(kind, error, expected=expected).named(what).worded(_INVALID)


def is_a(
    kind: type | tuple[type, ...],
    what: str,
    *,
    optional: bool = False,
    expected: str | None = None,
    error: type[SodertornError] = PlanError,
) -> Any:
    check = _kind(kind, what, error, expected)
    return check.or_none() if optional else check


def each(kind: type, what: str, *, error: type[SodertornError] = PlanError) -> Any:
    return _shared.each(_kind(kind, what, error))


def day(
    what: str | None = None,
    *,
    optional: bool = False,
    error: type[SodertornError] = GoalTreeError,
) -> Any:
    """A date (not a datetime), named *what* in messages (else by the field's name)."""
    return _worded(_shared.date(error), what, optional=optional)


def words(
    what: str | None = None,
    *,
    optional: bool = False,
    expected: str = message("a non-empty string"),
    error: type[SodertornError] = GoalTreeError,
) -> Any:
    """A string with something in it besides spaces."""
    return _worded(_shared.text(error, expected=expected), what, optional=optional)


def calendar_year(what: str | None = None, *, error: type[SodertornError] = PlanError) -> Any:
    """A year from 1 to 9999."""
    return _worded(_shared.year(error), what, optional=False)


def count(
    what: str | None = None,
    *,
    low: int | None = 0,
    optional: bool = False,
    error: type[SodertornError] = PlanError,
) -> Any:
    """A whole number (not a bool) of *low* or more (any with ``low=None``)."""
    return _worded(_shared.whole(error, low=low), what, optional=optional)


_YEAR = _shared.year(PlanError).worded(_INVALID)


def check_year(value: object) -> int:
    """Return *value* if it is a calendar year, else raise :class:`~sodertorn.PlanError`."""
    return _YEAR.check(value, "year")


def tree_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    if isinstance(value, (str, bytes)) or not hasattr(value, "__iter__"):
        raise GoalTreeError(f"expected a sequence, got {value!r}")
    return tuple(value)


def tree_each(kind: type, what: str) -> Any:
    return _shared.each(_kind(kind, what, GoalTreeError))


def tree_optional(kind: type, what: str) -> Any:
    return _kind(kind, what, GoalTreeError).or_none()


def tree_required(kind: type, what: str) -> Any:
    return _kind(kind, what, GoalTreeError)


MAX_INDENT = 16
"""The widest JSON indent accepted: enough for people to read, bounded for memory."""


_INDENT = _shared.whole(PlanError, low=0, high=MAX_INDENT).or_none().worded(_INVALID)


def json_indent(value: object, error: type[SodertornError]) -> int | None:
    """*value* as a JSON indent (``None``, or 0 to :data:`MAX_INDENT` spaces), else *error*."""
    return _INDENT.raising(error).check(value, "indent")
