"""The argument checks and the rounding the fee rules share (Samarbetsavtal 2010, § 8).

Each check raises :class:`~sodertorn.FeeRuleError` (or
:class:`~sodertorn.MissingDataError` for a missing register) naming the value and what
was expected.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Protocol

import attrs

from sodertorn.allocation import round_to_total
from sodertorn.errors import FeeRuleError, MissingDataError
from sodertorn.fees.steps import IndexStep
from sodertorn.money import SEK, Rounding, Unit
from sodertorn.parties import Municipality
from sodertorn.population import Population

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "check_covers",
    "check_decided",
    "check_derivation",
    "check_fee_year",
    "check_inputs",
    "check_last_year",
    "check_rounding",
    "check_source",
    "check_year",
    "round_once",
    "sorted_parties",
    "year_end",
]


class _Span(attrs.AttrsInstance, Protocol):
    """A rule with a first year (either kind), for the check of its last year."""

    first_year: int


def check_fee_year(year: object) -> int:
    """*year* if it is a calendar year, else :class:`~sodertorn.FeeRuleError`.

    >>> check_fee_year(2024)
    2024
    >>> check_fee_year("2024")
    Traceback (most recent call last):
    ...
    sodertorn.FeeRuleError: fee year '2024' is not a calendar year; expected such as 2024
    """
    if isinstance(year, bool) or not isinstance(year, int) or not 1 <= year <= 9999:
        raise FeeRuleError(f"fee year {year!r} is not a calendar year; expected such as 2024")
    return year


def check_year(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1000 <= value <= 9999:
        raise FeeRuleError(f"{attribute.name} {value!r} is not a four-digit year")


def check_last_year(rule: _Span, _: object, value: int | None) -> None:
    if value is None:
        return
    check_year(rule, attrs.fields(type(rule)).last_year, value)
    if value < rule.first_year:
        raise FeeRuleError(
            f"last_year {value!r} is before first_year {rule.first_year!r}; "
            f"expected a span of one year or more"
        )


def check_source(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise FeeRuleError(
            f"{attribute.name} {value!r} is empty; expected the paragraph or decision "
            f"the rule comes from"
        )


def check_decided(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (
        not isinstance(value, datetime.date) or isinstance(value, datetime.datetime)
    ):
        raise FeeRuleError(f"{attribute.name} {value!r} is not a datetime.date")


def check_inputs(year: object, population: object, parties: object) -> None:
    check_fee_year(year)
    if not isinstance(population, Population):
        raise MissingDataError(f"expected a Population, got {population!r}")
    if not isinstance(parties, tuple) or not all(isinstance(p, Municipality) for p in parties):
        raise FeeRuleError(f"parties {parties!r} must be a tuple of Municipality")


def check_rounding(exact: object, unit: object, rounding: object) -> None:
    if not isinstance(unit, Unit):
        raise FeeRuleError(f"unknown unit {unit!r}; expected Unit.KRONA or Unit.ORE")
    if not isinstance(rounding, Rounding):
        raise FeeRuleError(f"unknown rounding {rounding!r}; expected a Rounding")
    if not isinstance(exact, Mapping) or not all(
        isinstance(party, Municipality)
        and isinstance(fee, (int, Fraction))
        and not isinstance(fee, bool)
        for party, fee in exact.items()
    ):
        raise FeeRuleError(f"exact fees {exact!r} must map each Municipality to a Fraction")


def check_covers(first_year: int, last_year: int | None, year: object) -> bool:
    if isinstance(year, bool) or not isinstance(year, int):
        raise FeeRuleError(f"fee year {year!r} is not an integer year; expected such as 2024")
    return first_year <= year and (last_year is None or year <= last_year)


def check_derivation(year: object, population: object, exact: object, steps: object) -> None:
    check_fee_year(year)
    if isinstance(population, bool) or not isinstance(population, int):
        raise FeeRuleError(f"population {population!r} is not a count")
    if not isinstance(exact, (int, Fraction)) or isinstance(exact, bool):
        raise FeeRuleError(f"exact fee {exact!r} is not a Fraction")
    if not isinstance(steps, tuple) or not all(isinstance(s, IndexStep) for s in steps):
        raise FeeRuleError(f"steps {steps!r} must be a tuple of IndexStep")


def round_once(
    exact: Mapping[Municipality, Fraction], unit: Unit, rounding: Rounding
) -> tuple[SEK, dict[Municipality, SEK]]:
    """The exact total rounded once, spread by largest remainder of the exact fees."""
    check_rounding(exact, unit, rounding)
    total = SEK.from_exact(sum(exact.values(), Fraction(0)), unit=unit, rounding=rounding)
    return total, round_to_total(total, exact, unit=unit)


def year_end(year: int) -> str:
    return f"{year:04d}-12-31"


def sorted_parties(parties: Iterable[Municipality]) -> tuple[Municipality, ...]:
    try:
        return tuple(sorted(parties))
    except TypeError:
        raise FeeRuleError(f"base_parties {parties!r} must be one or more Municipality") from None
