"""Stable ids: the lower-case ASCII slugs that name programmes, nodes, networks, activities."""

from __future__ import annotations

import re

from sodertorn.errors import GoalTreeError, Phrase, SodertornError, message

__all__ = ["check_id"]

_ID = re.compile(r"[a-z0-9]+(?:[.\-][a-z0-9]+)*")

KINDS = (
    message("activity id"),
    message("conference id"),
    message("continued activity id"),
    message("goal id"),
    message("indicator id"),
    message("network id"),
    message("node id"),
    message("parent id"),
    message("programme id"),
    message("replaced programme id"),
)
"""What an id names, as error messages say it (*what* of :func:`check_id`), translated."""


def check_id(value: object, what: str, *, error: type[SodertornError] = GoalTreeError) -> str:
    """Return *value* if it is a stable id (lower-case ASCII slug), else raise.

    >>> check_id("infrastruktur.mal-1", "node id")
    'infrastruktur.mal-1'
    >>> check_id("Infrastruktur", "node id")
    Traceback (most recent call last):
    ...
    sodertorn.GoalTreeError: invalid node id 'Infrastruktur'; expected a lower-case slug ...
    """
    if not (isinstance(value, str) and _ID.fullmatch(value)):
        raise error.of(
            "invalid {what} {value}; expected a lower-case slug such as 'klimat.delmal-1'",
            what=Phrase(what),
            value=repr(value),
        )
    return value
