"""The fee rules: § 8's indexed fee and the per-capita fee that followed it.

Each rule answers one question the same way, :meth:`exact_fees`: the exact fee of each
party for a fee year, and the yearly steps that led to it. :func:`~sodertorn.annual_fees`
asks the rule of the year through that method alone, whatever its kind.

* :class:`IndexedRule` (Samarbetsavtal 2010, § 8): a total split by population in the
  first year; each later year each party's fee moves by the percentage its own
  population moved between the two preceding year-ends.
* :class:`PerCapitaRule` (committee decision 2017-02-02): a rate per inhabitant on
  31 December of the year before the fee year.

One job a module: :mod:`~sodertorn.fees.indexed` and :mod:`~sodertorn.fees.per_capita`
hold the two rules, :mod:`~sodertorn.fees.steps` the indexed fee's yearly step, and
``_rule_checks`` the checks and the rounding they share; this module names what every
rule answers (:class:`ExactFeeRule`) and re-exports the rest.

>>> from sodertorn import SEK, Population
>>> rule = PerCapitaRule(first_year=2018, last_year=None, rate=SEK(4), source="Beslut")
>>> fees, steps = rule.exact_fees(2024, Population.builtin(), Population.builtin().parties)
>>> sum(fees.values())
Fraction(2083296, 1)
>>> rule.exact_fees(2024, None, ())
Traceback (most recent call last):
...
sodertorn.MissingDataError: population None is not a Population; expected a Population such as Population.builtin()
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from sodertorn.fees._rule_checks import check_fee_year
from sodertorn.fees.indexed import IndexedRule
from sodertorn.fees.per_capita import PerCapitaRule
from sodertorn.fees.steps import IndexStep
from sodertorn.money import SEK, Rounding, Unit

if TYPE_CHECKING:
    from collections.abc import Mapping
    from fractions import Fraction

    from sodertorn.parties import Municipality
    from sodertorn.population import Population

__all__ = [
    "ExactFeeRule",
    "FeeRule",
    "IndexStep",
    "IndexedRule",
    "PerCapitaRule",
    "check_fee_year",
]


class ExactFeeRule(Protocol):
    """What :func:`~sodertorn.annual_fees` asks of a fee rule, whatever its kind."""

    kind: ClassVar[str]
    first_year: int
    last_year: int | None
    source: str

    def covers(self, year: int) -> bool:
        """Whether the rule sets the fee of *year*."""

    def exact_fees(
        self,
        year: int,
        population: Population,
        parties: tuple[Municipality, ...],
        *,
        unit: Unit = Unit.KRONA,
        rounding: Rounding = Rounding.HALF_UP,
    ) -> tuple[dict[Municipality, Fraction], dict[Municipality, tuple[IndexStep, ...]]]:
        """The exact fee of each party for *year*, and the steps that led to it."""

    def rounded_fees(
        self,
        year: int,
        population: Population,
        exact: Mapping[Municipality, Fraction],
        *,
        unit: Unit,
        rounding: Rounding,
    ) -> tuple[SEK, dict[Municipality, SEK]]:
        """The total and each party's fee to pay, rounded as the rule says."""

    def describe(self, lang: str = "sv") -> str:
        """The rule in one sentence, in *lang*."""

    def parameters(self) -> dict[str, Any]:
        """The rule's parameters as JSON-ready data."""

    def derivation(
        self, year: int, population: int, exact: Fraction, steps: tuple[IndexStep, ...]
    ) -> list[dict[str, Any]]:
        """The steps from one party's inputs to its exact fee, as JSON-ready data."""

    def to_dict(self) -> dict[str, Any]:
        """The rule as plain data."""


FeeRule = IndexedRule | PerCapitaRule
"""A rule that sets the fees of a span of fee years."""
