"""The eight parties to the agreement, identified by their SCB municipality codes.

Statistics Sweden's four-digit municipality code (*kommunkod*) is the stable identifier;
the Swedish name, with its å, ä and ö, is what people read. Lookup forgives case and
missing diacritics, so a name typed on an English keyboard still finds its party:

>>> from sodertorn import municipality
>>> municipality("nynashamn")
Municipality(code='0192', name='Nynäshamn')
>>> municipality("0126").name
'Huddinge'
>>> municipality("Stockholm")
Traceback (most recent call last):
...
sodertorn.UnknownMunicipalityError: unknown municipality 'Stockholm'; expected one of ...

Source: Samarbetsavtal 2010 (the parties named in its preamble); codes from SCB.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

import attrs

from sodertorn import _checks
from sodertorn.errors import Listing, UnknownMunicipalityError

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["MUNICIPALITIES", "Municipality", "municipality"]


_INVALID = "invalid {name} {value}; expected {expected}"
_CODE: _checks.Check[str] = _checks.Check(
    attrs.validators.and_(
        attrs.validators.instance_of(str), attrs.validators.matches_re("[0-9]{4}")
    ),
    UnknownMunicipalityError,
    "a code",
    "four digits such as '0126'",
    _INVALID,
    "municipality code",
)
_NAME = (
    _checks.text(UnknownMunicipalityError, expected="a non-empty string")
    .named("municipality name")
    .worded(_INVALID)
)


@attrs.frozen(order=True, cache_hash=True)
class Municipality:
    """A Swedish municipality: its SCB code and its Swedish name.

    Municipalities order by code, which is how the library breaks ties.

    >>> Municipality(code="0127", name="Botkyrka") < Municipality(code="0128", name="Salem")
    True
    """

    __module__ = "sodertorn"

    code: str = attrs.field(validator=_CODE)
    name: str = attrs.field(order=False, validator=_NAME)

    def __str__(self) -> str:
        return self.name


MUNICIPALITIES: tuple[Municipality, ...] = (
    Municipality(code="0126", name="Huddinge"),
    Municipality(code="0127", name="Botkyrka"),
    Municipality(code="0128", name="Salem"),
    Municipality(code="0136", name="Haninge"),
    Municipality(code="0138", name="Tyresö"),
    Municipality(code="0140", name="Nykvarn"),
    Municipality(code="0181", name="Södertälje"),
    Municipality(code="0192", name="Nynäshamn"),
)
"""The eight parties, in code order."""


def _fold(text: str) -> str:
    """Case-fold and strip diacritics: ``"Södertälje"`` and ``"sodertalje"`` fold alike."""
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _valid_list(parties: Iterable[Municipality]) -> str:
    return Listing((f"{m.code} {m.name}" for m in parties), alternatives=True)


def municipality(
    name_or_code: str | Municipality,
    *,
    among: Iterable[Municipality] = MUNICIPALITIES,
) -> Municipality:
    """Find a party by SCB code (``"0126"``) or by name (``"Nynäshamn"``, ``"nynashamn"``).

    *among* is the set searched, the eight parties by default. A :class:`Municipality`
    passed in is returned if it is one of them. An unknown name or code raises
    :class:`~sodertorn.UnknownMunicipalityError` listing the valid ones.

    >>> municipality("SÖDERTÄLJE").code
    '0181'
    >>> municipality(" 0140 ").name
    'Nykvarn'
    """
    try:
        candidates = tuple(among)
    except TypeError:
        candidates = None
    if candidates is None or not all(isinstance(m, Municipality) for m in candidates):
        raise UnknownMunicipalityError(
            f"cannot search {among!r}; expected an iterable of Municipality"
        )
    if isinstance(name_or_code, Municipality):
        if name_or_code in candidates:
            return name_or_code
        raise UnknownMunicipalityError(
            f"{name_or_code!r} is not a party here; expected one of {_valid_list(candidates)}"
        )
    if not isinstance(name_or_code, str):
        raise UnknownMunicipalityError(
            f"unknown municipality {name_or_code!r}; expected a code or a name, "
            f"one of {_valid_list(candidates)}"
        )
    key = _fold(name_or_code)
    for party in candidates:
        if key in (party.code, _fold(party.name)):
            return party
    raise UnknownMunicipalityError.of(
        "unknown municipality {name}; expected one of {expected}",
        name=repr(name_or_code),
        expected=_valid_list(candidates),
    )
