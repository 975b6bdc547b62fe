"""Argument checks shared by the agreement's modules; each raises the caller's error type.

The dates and texts are :mod:`sodertorn._checks`'; the parties are the agreement's own.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from sodertorn import _checks as _shared
from sodertorn.errors import SodertornError, UnknownMunicipalityError
from sodertorn.parties import MUNICIPALITIES, Municipality, municipality

if TYPE_CHECKING:
    import datetime


_DATES: dict[type[SodertornError], _shared.Check[datetime.date]] = {}
_TEXTS: dict[tuple[type[SodertornError], str], _shared.Check[str]] = {}


def check_date(value: object, name: str, error: type[SodertornError]) -> datetime.date:
    """Return *value* if it is a plain :class:`datetime.date`, else raise *error*."""
    check = _DATES.get(error) or _DATES.setdefault(error, _shared.date(error))
    return check.check(value, name)


def check_text(value: object, name: str, error: type[SodertornError], expected: str) -> str:
    """*value* without surrounding spaces if it is text with something in it, else *error*."""
    key = (error, expected)
    check = _TEXTS.get(key) or _TEXTS.setdefault(key, _shared.text(error, expected=expected))
    return check.check(value, name).strip()


def party(value: object, error: type[SodertornError]) -> Municipality:
    """Make a party from a :class:`Municipality`, an SCB code or a name; else raise *error*."""
    if isinstance(value, Municipality):
        return value
    if not isinstance(value, str):
        raise error(f"party {value!r} is not a municipality; expected a name or an SCB code")
    try:
        return municipality(value)
    except UnknownMunicipalityError as unknown:
        raise error(str(unknown)) from None


def parties(value: object, name: str, error: type[SodertornError]) -> frozenset[Municipality]:
    """Make a set of parties from any collection of parties, codes or names; else raise *error*."""
    if isinstance(value, (str, Municipality)) or not isinstance(value, Iterable):
        raise error(f"{name} {value!r} is not a collection of parties; expected e.g. a set")
    return frozenset(party(item, error) for item in value)


def names(members: Iterable[Municipality]) -> str:
    """Parties as ``Huddinge, Botkyrka`` in code order, for messages."""
    return ", ".join(m.name for m in sorted(members)) or "none"


__all__ = ["MUNICIPALITIES", "check_date", "check_text", "names", "parties", "party"]
