"""Argument checks shared by the programme's values.

The plan's raise :class:`~sodertorn.PlanError`, the goal tree's (``tree_…``)
:class:`~sodertorn.GoalTreeError`.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from sodertorn.errors import GoalTreeError, PlanError

if TYPE_CHECKING:
    from collections.abc import Iterable

    import attrs

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


def is_a(kind: type | tuple[type, ...], what: str, *, optional: bool = False) -> Any:
    def check(_: object, __: attrs.Attribute[Any], value: object) -> None:
        if optional and value is None:
            return
        if (
            isinstance(value, bool)
            or not isinstance(value, kind)
            or (isinstance(value, datetime.datetime))
        ):
            names = (
                kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
            )
            raise PlanError(
                f"invalid {what} {value!r}; expected a {names}" + (" or None" if optional else "")
            )

    return check


def each(kind: type, what: str) -> Any:
    def check(_: object, __: attrs.Attribute[Any], values: tuple[Any, ...]) -> None:
        for value in values:
            if not isinstance(value, kind):
                raise PlanError(f"invalid {what} {value!r}; expected a {kind.__name__}")

    return check


def check_year(value: object) -> int:
    """Return *value* if it is a calendar year, else raise :class:`~sodertorn.PlanError`."""
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 9999:
        raise PlanError(f"invalid year {value!r}; expected a year such as 2025")
    return value


def tree_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    if isinstance(value, (str, bytes)) or not hasattr(value, "__iter__"):
        raise GoalTreeError(f"expected a sequence, got {value!r}")
    return tuple(value)


def tree_each(kind: type, what: str) -> Any:
    def check(_: object, __: attrs.Attribute[Any], values: tuple[Any, ...]) -> None:
        for value in values:
            if not isinstance(value, kind):
                raise GoalTreeError(f"invalid {what} {value!r}; expected a {kind.__name__}")

    return check


def tree_optional(kind: type, what: str) -> Any:
    def check(_: object, __: attrs.Attribute[Any], value: object) -> None:
        if value is not None and not isinstance(value, kind):
            raise GoalTreeError(f"invalid {what} {value!r}; expected a {kind.__name__} or None")

    return check


def tree_required(kind: type, what: str) -> Any:
    def check(_: object, __: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kind) or isinstance(value, bool):
            raise GoalTreeError(f"invalid {what} {value!r}; expected a {kind.__name__}")

    return check


MAX_INDENT = 16
"""The widest JSON indent accepted: enough for people to read, bounded for memory."""


def json_indent(value: object, error: type[Exception]) -> int | None:
    """*value* as a JSON indent (``None``, or 0 to :data:`MAX_INDENT` spaces), else *error*."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_INDENT:
        raise error(
            f"invalid indent {value!r}; expected a whole number from 0 to {MAX_INDENT}, or None"
        )
    return value
