"""Argument checks shared by the agreement's modules; each raises the caller's error type."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from sodertorn.errors import SodertornError, UnknownMunicipalityError
from sodertorn.parties import MUNICIPALITIES, Municipality, municipality


def check_date(value: object, name: str, error: type[SodertornError]) -> datetime.date:
    """Return *value* if it is a plain :class:`datetime.date`, else raise *error*."""
    if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
        raise error(f"{name} {value!r} is not a date; expected a datetime.date such as 2024-03-15")
    return value


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


__all__ = ["MUNICIPALITIES", "check_date", "names", "parties", "party"]
