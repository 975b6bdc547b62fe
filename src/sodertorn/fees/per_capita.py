"""The fee per inhabitant that followed § 8 (committee decision 2017-02-02)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

import attrs

from sodertorn.errors import FeeRuleError
from sodertorn.fees._rule_checks import (
    check_covers,
    check_decided,
    check_derivation,
    check_inputs,
    check_last_year,
    check_source,
    check_year,
    round_once,
    year_end,
)
from sodertorn.i18n import check_language, format_money, gettext
from sodertorn.money import SEK, Rounding, Unit

if TYPE_CHECKING:
    import datetime
    from collections.abc import Mapping
    from fractions import Fraction

    from sodertorn.fees.steps import IndexStep
    from sodertorn.parties import Municipality
    from sodertorn.population import Population

__all__ = ["PerCapitaRule"]


@attrs.frozen(kw_only=True)
class PerCapitaRule:
    """A fee per inhabitant: *rate* × population on 31 Dec of the year before the fee year.

    The committee decided on 2017-02-02 that from 2018 the fee is 4 kr per inhabitant
    and year; the activity plans apply it to the year-end population before the fee
    year (2024: 4 kr × 520 824 = 2 083 296 kr). A new rate is a new rule:

    >>> from sodertorn import SEK
    >>> PerCapitaRule(first_year=2027, last_year=None, rate=SEK(5), source="Beslut 2026-11-05")
    PerCapitaRule(first_year=2027, last_year=None, rate=SEK(5), source='Beslut 2026-11-05', decided=None)
    >>> PerCapitaRule(first_year=2027, last_year=None, rate=SEK(-1), source="x")
    Traceback (most recent call last):
    ...
    sodertorn.FeeRuleError: rate SEK(-1) must be a positive amount per inhabitant
    """

    __module__ = "sodertorn.fees"

    first_year: int = attrs.field(validator=check_year)
    last_year: int | None = attrs.field(validator=check_last_year)
    rate: SEK = attrs.field(validator=attrs.validators.instance_of(SEK))
    source: str = attrs.field(validator=check_source)
    decided: datetime.date | None = attrs.field(default=None, validator=check_decided)

    @rate.validator
    def _check_rate(self, _: attrs.Attribute[SEK], value: SEK) -> None:
        if value.ore <= 0:
            raise FeeRuleError(f"rate {value!r} must be a positive amount per inhabitant")

    kind: ClassVar[str] = "per_capita"

    def covers(self, year: int) -> bool:
        """Whether this rule sets the fee of *year* (any integer; other values are refused)."""
        return check_covers(self.first_year, self.last_year, year)

    def exact_fees(
        self,
        year: int,
        population: Population,
        parties: tuple[Municipality, ...],
        *,
        unit: Unit = Unit.KRONA,
        rounding: Rounding = Rounding.HALF_UP,
    ) -> tuple[dict[Municipality, Fraction], dict[Municipality, tuple[IndexStep, ...]]]:
        """The exact fee of each party for *year* (no steps: the rule has no memory)."""
        check_inputs(year, population, parties)
        weights = population.at(year - 1, parties)
        return {party: self.rate.exact * count for party, count in weights.items()}, {}

    def rounded_fees(
        self,
        year: int,
        population: Population,
        exact: Mapping[Municipality, Fraction],
        *,
        unit: Unit,
        rounding: Rounding,
    ) -> tuple[SEK, dict[Municipality, SEK]]:
        """The exact total rounded once and spread by largest remainder (our reading of § 8)."""
        return round_once(exact, unit, rounding)

    def describe(self, lang: str = "sv") -> str:
        """The rule in one sentence, in *lang*."""
        check_language(lang)
        return gettext(
            "{rate} per inhabitant on 31 December of the year before the fee year", lang
        ).format(rate=format_money(self.rate, lang))

    def derivation(
        self, year: int, population: int, exact: Fraction, steps: tuple[IndexStep, ...]
    ) -> list[dict[str, Any]]:
        """One step: the rate times the population of 31 December before the fee year."""
        check_derivation(year, population, exact, steps)
        return [
            {
                "step": "per_capita",
                "year": year,
                "rate": str(self.rate.amount),
                "population": population,
                "population_date": year_end(year - 1),
                "fee": str(exact),
            }
        ]

    def parameters(self) -> dict[str, Any]:
        """The rule's parameters as JSON-ready data (amounts as exact decimal strings)."""
        return {"rate": str(self.rate.amount)}

    def to_dict(self) -> dict[str, Any]:
        """The rule as plain data (see :meth:`FeeSchedule.from_dict`)."""
        return {
            "kind": self.kind,
            "first_year": self.first_year,
            "last_year": self.last_year,
            "rate": str(self.rate.amount),
            "source": self.source,
            "decided": self.decided.isoformat() if self.decided else None,
        }
