"""The argument checks and the rounding the fee rules share (Samarbetsavtal 2010, § 8).

Each check is one of :mod:`sodertorn._checks` and raises :class:`~sodertorn.FeeRuleError`
(or :class:`~sodertorn.MissingDataError` for a missing register) naming the value and what
was expected.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import TYPE_CHECKING, Protocol

from sodertorn import _checks
from sodertorn.allocation import round_to_total
from sodertorn.errors import FeeRuleError, MissingDataError
from sodertorn.fees.steps import IndexStep
from sodertorn.money import SEK, Rounding, Unit
from sodertorn.parties import Municipality
from sodertorn.population import Population

if TYPE_CHECKING:
    from collections.abc import Iterable

    import attrs

__all__ = [
    "check_chain",
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


if TYPE_CHECKING:
    # For type checking only: attrs before 23.2 has no runtime AttrsInstance protocol.

    class _Span(attrs.AttrsInstance, Protocol):
        """A rule with a first year (either kind), for the check of its last year."""

        first_year: int


_FEE_YEAR = _checks.year(FeeRuleError)
_ANY_YEAR = _checks.whole(FeeRuleError, what="a year")
_PARTIES = _checks.each(_checks.is_a(Municipality, FeeRuleError), what="a tuple of Municipality")
_POPULATION = _checks.is_a(
    Population, MissingDataError, expected="a Population such as Population.builtin()"
)
_UNIT = _checks.member(Unit, FeeRuleError)
_ROUNDING = _checks.member(Rounding, FeeRuleError)
_COUNT = _checks.whole(FeeRuleError, what="a count")
_EXACT = _checks.is_a((int, Fraction), FeeRuleError, what="a Fraction", expected="a Fraction")
_STEPS = _checks.each(_checks.is_a(IndexStep, FeeRuleError), what="a tuple of IndexStep")

check_year = _checks.year(FeeRuleError, low=1000)
"""A rule's first or last year: four digits."""
check_source = _checks.text(FeeRuleError, expected="the paragraph or decision the rule comes from")
check_decided = _checks.date(FeeRuleError).or_none()
check_chain = _checks.one_of(("exact", "invoiced"), FeeRuleError, what="a known chain")


def check_fee_year(year: object) -> int:
    """*year* if it is a calendar year, else :class:`~sodertorn.FeeRuleError`.

    >>> check_fee_year(2024)
    2024
    >>> check_fee_year("2024")
    Traceback (most recent call last):
    ...
    sodertorn.FeeRuleError: fee year '2024' is not a calendar year; expected an int from 1 to 9999, such as 2024
    """
    return _FEE_YEAR.check(year, "fee year")


def check_last_year(rule: _Span, _: object, value: int | None) -> None:
    if value is None:
        return
    check_year.check(value, "last_year")
    if value < rule.first_year:
        raise FeeRuleError(
            f"last_year {value!r} is before first_year {rule.first_year!r}; "
            f"expected a span of one year or more"
        )


def check_inputs(year: object, population: object, parties: object) -> None:
    _FEE_YEAR.check(year, "fee year")
    _POPULATION.check(population, "population")
    _PARTIES.check(parties, "parties")


def check_rounding(exact: object, unit: object, rounding: object) -> None:
    _UNIT.check(unit, "unit")
    _ROUNDING.check(rounding, "rounding")
    if not isinstance(exact, Mapping) or not all(
        isinstance(party, Municipality)
        and isinstance(fee, (int, Fraction))
        and not isinstance(fee, bool)
        for party, fee in exact.items()
    ):
        raise FeeRuleError(f"exact fees {exact!r} must map each Municipality to a Fraction")


def check_covers(first_year: int, last_year: int | None, year: object) -> bool:
    checked = _ANY_YEAR.check(year, "fee year")
    return first_year <= checked and (last_year is None or checked <= last_year)


def check_derivation(year: object, population: object, exact: object, steps: object) -> None:
    _FEE_YEAR.check(year, "fee year")
    _COUNT.check(population, "population")
    _EXACT.check(exact, "exact fee")
    _STEPS.check(steps, "steps")


def round_once(
    exact: Mapping[Municipality, Fraction], unit: Unit, rounding: Rounding
) -> tuple[SEK, dict[Municipality, SEK]]:
    """The exact total rounded once, spread by largest remainder of the exact fees."""
    check_rounding(exact, unit, rounding)
    total = SEK.from_exact(sum(exact.values()), unit=unit, rounding=rounding)
    return total, round_to_total(total, exact, unit=unit)


def year_end(year: int) -> str:
    return f"{year:04d}-12-31"


def sorted_parties(parties: Iterable[Municipality]) -> tuple[Municipality, ...]:
    try:
        return tuple(sorted(parties))
    except TypeError:
        raise FeeRuleError(f"base_parties {parties!r} must be one or more Municipality") from None
