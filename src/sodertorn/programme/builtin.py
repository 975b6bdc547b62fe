"""The programmes and plans shipped with the library, loaded lazily from package data.

Each programme and plan is one readable JSON file under ``sodertorn/programme/data/``
(``sup2013.json``, ``sup2035.json``, ``sup2040.json``, ``plan2019.json``,
``plan2024.json``), read beside this module on first use and validated
against the model (:mod:`sodertorn.programme.schema`). Each file lists its sources.

Names are forgiving: ``"sup2040"``, ``"SUP 2040"`` and ``"2040"`` are the same programme.

>>> from sodertorn import load_programme, load_plan, programme_names
>>> programme_names()
('sup2013', 'sup2035', 'sup2040')
>>> load_programme("SUP 2040").period
Period(start=2023, end=2026)
>>> load_plan(2024).programme.id
'sup2040'
>>> load_programme("sup2050")
Traceback (most recent call last):
...
sodertorn.UnknownProgrammeError: unknown programme 'sup2050'; expected one of 'sup2013', ...
"""

from __future__ import annotations

import functools
import json
import os
from typing import TYPE_CHECKING, Any

from sodertorn.errors import Listing, MissingDataError, UnknownProgrammeError
from sodertorn.programme._checks import check_year
from sodertorn.programme.conferences import check_conference_name
from sodertorn.programme.schema import plan_from_dict, programme_from_dict

if TYPE_CHECKING:
    from sodertorn.parties import Municipality
    from sodertorn.programme.model import Programme
    from sodertorn.programme.plan import Plan

__all__ = ["conference_hosts", "load_plan", "load_programme", "plan_years", "programme_names"]

_PROGRAMMES = ("sup2013", "sup2035", "sup2040")
_PLANS = (2019, 2024)


def programme_names() -> tuple[str, ...]:
    """Return the ids of the built-in programmes, oldest first."""
    return _PROGRAMMES


def plan_years() -> tuple[int, ...]:
    """Return the years of the built-in activity plans, oldest first."""
    return _PLANS


_DATA = os.path.join(os.path.dirname(__file__), "data")
"""The built-in documents, read relative to this file: :mod:`importlib.resources` would
import :mod:`pathlib`, :mod:`zipfile`, :mod:`tempfile` and more into every command that
loads a programme."""


def _document(name: str) -> Any:
    with open(os.path.join(_DATA, f"{name}.json"), encoding="utf-8") as file:
        return json.load(file)


def _programme_id(name: object) -> str:
    if isinstance(name, str):
        key = "".join(c for c in name.casefold() if c.isalnum())
        key = key if key.startswith("sup") else f"sup{key}"
        if key in _PROGRAMMES:
            return key
    raise UnknownProgrammeError.of(
        "unknown programme {name}; expected one of {known}",
        name=repr(name),
        known=Listing((repr(known) for known in _PROGRAMMES), alternatives=True),
    )


@functools.cache
def _load_programme(programme_id: str) -> Programme:
    return programme_from_dict(_document(programme_id))


def load_programme(name: str) -> Programme:
    """Return the built-in programme called *name* (``"sup2013"``, ``"sup2035"``, ``"sup2040"``).

    Sources: SUP 2013 as operated in Verksamhetsplan 2019 (§ 4); SUP 2035 as adopted by
    Tyresö KS § 60 (2019) with the programme document of 2019-05-28; SUP 2040 as printed
    in Verksamhetsplan och budget 2024 (bilaga 3) and Nynäshamn KS § 55/23.

    >>> load_programme("sup2035").vision.sv
    'Södertörn driver Stockholmsregionen – med starkt näringsliv, ...'
    >>> load_programme(2040)
    Traceback (most recent call last):
    ...
    sodertorn.UnknownProgrammeError: unknown programme 2040; expected one of 'sup2013', ...
    """
    return _load_programme(_programme_id(name))


@functools.cache
def _load_plan(year: int) -> Plan:
    return plan_from_dict(_document(f"plan{year}"), resolve=load_programme)


def load_plan(year: int) -> Plan:
    """Return the built-in activity plan of *year* (2019 or 2024).

    Sources: Verksamhetsplan 2019 (§§ 4–8, bilaga 1); Verksamhetsplan och budget 2024
    (§§ 2, 4–6).

    >>> load_plan(2019).budget.total_revenue
    SEK(1977400)
    >>> load_plan(2020)
    Traceback (most recent call last):
    ...
    sodertorn.UnknownProgrammeError: no built-in activity plan for 2020; expected one of 2019 or 2024
    """
    if isinstance(year, bool) or year not in _PLANS:
        raise UnknownProgrammeError.of(
            "no built-in activity plan for {year}; expected one of {known}",
            year=repr(year),
            known=Listing((str(known) for known in _PLANS), alternatives=True),
        )
    return _load_plan(year)


def conference_hosts(conference: str, year: int) -> tuple[Municipality, ...]:
    """Who hosts *conference* in *year*, by the latest built-in plan that says.

    Source: Verksamhetsplan 2019, § 7 (host rotations of Södertörns Rådslag, 2019–2026,
    and Södertörnskonferensen, 2019–2022).

    >>> [party.name for party in conference_hosts("Rådslaget", 2025)]
    ['Nykvarn']
    >>> [party.name for party in conference_hosts("Södertörnskonferensen", 2020)]
    ['Botkyrka', 'Salem']
    >>> conference_hosts("Södertörnskonferensen", 2025)
    Traceback (most recent call last):
    ...
    sodertorn.MissingDataError: no built-in plan records a host of 'Södertörnskonferensen' in 2025
    >>> conference_hosts(None, 2025)
    Traceback (most recent call last):
    ...
    sodertorn.PlanError: invalid conference name None; expected a name such as 'Rådslaget'
    """
    check_conference_name(conference)
    check_year(year)
    for plan_year in reversed(_PLANS):
        plan = load_plan(plan_year)
        for candidate in plan.conferences:
            if candidate.matches(conference) and any(
                hosting.year == year for hosting in candidate.rotation
            ):
                return candidate.hosts(year)
    raise MissingDataError(f"no built-in plan records a host of {conference!r} in {year!r}")
