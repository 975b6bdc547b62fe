"""Argument checks shared by the programme's values, in the programme's wording.

They are :mod:`sodertorn._checks`' checks saying ``invalid <what> <value>; expected
<kind>``. The plan's raise :class:`~sodertorn.PlanError`, the goal tree's (``tree_…``)
:class:`~sodertorn.GoalTreeError`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sodertorn import _checks as _shared
from sodertorn.errors import GoalTreeError, PlanError, SodertornError

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "MAX_INDENT",
    "check_year",
    "each",
    "is_a",
    "json_indent",
    "plan_tuple",
    "tree_each",
    "tree_optional",
    "tree_required",
    "tree_tuple",
]


def plan_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    if isinstance(value, (str, bytes)) or not hasattr(value, "__iter__"):
        raise PlanError(f"expected a sequence, got {value!r}")
    return tuple(value)


_INVALID = "invalid {name} {value}; expected {expected}"
"""The programme's wording of a refusal."""


def _kind(
    kind: type | tuple[type, ...], what: str, error: type[SodertornError]
) -> _shared.Check[Any]:
    return _shared.is_a(kind, error).named(what).worded(_INVALID)


def is_a(kind: type | tuple[type, ...], what: str, *, optional: bool = False) -> Any:
    check = _kind(kind, what, PlanError)
    return check.or_none() if optional else check


def each(kind: type, what: str) -> Any:
    return _shared.each(_kind(kind, what, PlanError))


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
