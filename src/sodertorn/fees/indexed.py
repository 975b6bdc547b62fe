"""§ 8's indexed fee (Samarbetsavtal 2010, § 8).

A total is split by population in the first fee year, then indexed each year by each
party's own population change. The chains already walked are kept per register, so that the next fee year costs one
step; the closed form they telescope to gives the exact fee.
"""

from __future__ import annotations

import weakref
from fractions import Fraction
from typing import TYPE_CHECKING, Any, ClassVar

import attrs

from sodertorn.errors import FeeRuleError
from sodertorn.fees._rule_checks import (
    check_chain,
    check_covers,
    check_decided,
    check_derivation,
    check_inputs,
    check_last_year,
    check_rounding,
    check_source,
    check_year,
    round_once,
    sorted_parties,
    year_end,
)
from sodertorn.fees.steps import IndexStep
from sodertorn.i18n import check_language, format_money, gettext
from sodertorn.money import SEK, Rounding, Unit
from sodertorn.parties import MUNICIPALITIES, Municipality

if TYPE_CHECKING:
    import datetime
    from collections.abc import Mapping

    from sodertorn.population import Population

__all__ = ["IndexedRule"]


# The chains already walked, per register (by identity: a register's hash reads every count)
# and per rule and party, so that assessing year after year extends a chain by one step
# instead of walking it again from the base year. Dropped with the register.
_CHAINS: dict[int, dict[IndexedRule, dict[Municipality, list[IndexStep]]]] = {}


def _count(population: Population, party: Municipality, year: int) -> int:
    """A count the chain steps over (its year already checked), or the register's refusal."""
    found = population.counts.get((party, year))
    return population.count(party, year) if found is None else found


def _chains_of(population: Population, rule: IndexedRule) -> dict[Municipality, list[IndexStep]]:
    key = id(population)
    by_rule = _CHAINS.get(key)
    if by_rule is None:
        by_rule = _CHAINS[key] = {}
        weakref.finalize(population, _CHAINS.pop, key, None)
    return by_rule.setdefault(rule, {})


@attrs.frozen(kw_only=True)
class IndexedRule:
    """The indexed fee of Samarbetsavtal 2010, § 8.

    In the first fee year the *base_total* is split by population on 31 December of the
    year before. In each later year each party's fee changes by the same percentage as
    its own population changed between the two preceding year-ends: the fee of year
    *y* is the fee of *y − 1* times P(31 Dec *y − 1*) / P(31 Dec *y − 2*). Chained,
    this is *base_total* × P(m, *y − 1*) / ΣP(base parties, first year − 1).

    The base split is over *base_parties* (the eight who signed); a party that has left
    does not change the fee of those who stay.

    *chain* says what is indexed. ``"exact"`` (the default) indexes the exact, unrounded
    fee, so the chain telescopes as above. ``"invoiced"`` indexes last year's invoiced
    fee, rounded on its own, as a finance officer checking the invoices by hand would
    (:meth:`invoiced`); it differs by a krona or two a party (2017: 957 691 kr in total
    against 957 693 kr).

    >>> from sodertorn import SEK
    >>> rule = IndexedRule(first_year=2010, last_year=2017, base_total=SEK(860000),
    ...                    source="Samarbetsavtal 2010, § 8")
    >>> rule.covers(2017), rule.covers(2018)
    (True, False)
    """

    __module__ = "sodertorn.fees"

    first_year: int = attrs.field(validator=check_year)
    last_year: int | None = attrs.field(validator=check_last_year)
    base_total: SEK = attrs.field(validator=attrs.validators.instance_of(SEK))
    source: str = attrs.field(validator=check_source)
    decided: datetime.date | None = attrs.field(default=None, validator=check_decided)
    base_parties: tuple[Municipality, ...] = attrs.field(
        default=MUNICIPALITIES, converter=sorted_parties
    )
    chain: str = attrs.field(default="exact", repr=False, validator=check_chain)

    def invoiced(
        self,
        year: int,
        population: Population,
        parties: tuple[Municipality, ...],
        *,
        unit: Unit = Unit.KRONA,
        rounding: Rounding = Rounding.HALF_UP,
    ) -> tuple[dict[Municipality, SEK], dict[Municipality, tuple[IndexStep, ...]]]:
        """The fees invoiced for *year* when each year indexes last year's invoiced fee.

        The first year is split as :func:`~sodertorn.annual_fees` splits it (the rounded
        total by largest remainder); each later year each party's invoiced fee of the year
        before is moved by its own population change and rounded on its own. Each step's
        ``fee`` is the value before that year's rounding.

        >>> from sodertorn import Population
        >>> from sodertorn.fees import FeeSchedule
        >>> rule = FeeSchedule.default().rule_for(2017)
        >>> fees, _ = attrs.evolve(rule, chain="invoiced").invoiced(
        ...     2017, Population.builtin(), MUNICIPALITIES)
        >>> SEK.total(fees.values())
        SEK(957691)
        """
        check_inputs(year, population, parties)
        base_weights, base_sum = self._base(population)
        exact = {p: self.base_total.exact * w / base_sum for p, w in base_weights.items()}
        _, fees = round_once(exact, unit, rounding)
        steps = {
            p: [
                IndexStep(
                    year=self.first_year, before=0, after=w, fee=exact[p], base_population=base_sum
                )
            ]
            for p, w in base_weights.items()
        }
        for party in parties:
            if party not in base_weights:
                raise FeeRuleError(
                    f"{party.name} was not a party in fee year {self.first_year}, so the "
                    f"indexed rule ({self.source}) gives it no fee"
                )
            for step_year in range(self.first_year + 1, year + 1):
                before = _count(population, party, step_year - 2)
                after = _count(population, party, step_year - 1)
                if before == 0:
                    raise FeeRuleError(
                        f"{party.name} had no inhabitants on 31 Dec {step_year - 2}, so its "
                        f"population change to {step_year - 1} is undefined"
                    )
                fee = fees[party].exact * after / before
                steps[party].append(IndexStep(year=step_year, before=before, after=after, fee=fee))
                fees[party] = SEK.from_exact(fee, unit=unit, rounding=rounding)
        return (
            {party: fees[party] for party in parties},
            {party: tuple(steps[party]) for party in parties},
        )

    @base_total.validator
    def _check_base_total(self, _: attrs.Attribute[SEK], value: SEK) -> None:
        if value.ore <= 0:
            raise FeeRuleError(f"base_total {value!r} must be a positive amount")

    @base_parties.validator
    def _check_base_parties(self, _: object, value: tuple[Municipality, ...]) -> None:
        if not value or not all(isinstance(p, Municipality) for p in value):
            raise FeeRuleError(f"base_parties {value!r} must be one or more Municipality")

    kind: ClassVar[str] = "indexed"

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
        """The exact fee of each party for *year*, and the yearly steps that led to it.

        With ``chain="invoiced"`` the fee is the value before rounding of the invoiced
        chain (:meth:`invoiced`), which rounds with *unit* and *rounding* every year; the
        exact chain needs neither. The steps walk § 8's chain year by year, and a step that is not defined (a year
        without a count, or a year-end without inhabitants) raises its own error. The fee
        is then the closed form the chain telescopes to, *base_total* × P(m, *y* − 1) /
        ΣP(base). Walked chains are kept per register, so the next year costs one step.
        """
        if self.chain == "invoiced":
            _, walked = self.invoiced(year, population, parties, unit=unit, rounding=rounding)
            return {party: walked[party][-1].fee for party in parties}, walked
        check_inputs(year, population, parties)
        base_weights, base_sum = self._base(population)
        chains = _chains_of(population, self)
        fees: dict[Municipality, Fraction] = {}
        steps: dict[Municipality, tuple[IndexStep, ...]] = {}
        for party in parties:
            if party not in base_weights:
                raise FeeRuleError(
                    f"{party.name} was not a party in fee year {self.first_year}, so the "
                    f"indexed rule ({self.source}) gives it no fee"
                )
            steps[party] = self._chain(year, population, party, (base_weights, base_sum), chains)
            count = steps[party][-1].after  # the base count in the first year
            fees[party] = self.base_total.exact * count / base_sum
        return fees, steps

    def rounded_fees(
        self,
        year: int,
        population: Population,
        exact: Mapping[Municipality, Fraction],
        *,
        unit: Unit,
        rounding: Rounding,
    ) -> tuple[SEK, dict[Municipality, SEK]]:
        """The total and each party's fee to pay (Samarbetsavtal 2010, § 8, and our reading).

        The exact chain rounds the exact total once and spreads it by largest remainder;
        the invoiced chain rounds each party's fee on its own, and the total is their sum.
        """
        if self.chain == "invoiced":
            check_rounding(exact, unit, rounding)
            fees, _ = self.invoiced(year, population, tuple(exact), unit=unit, rounding=rounding)
            return SEK.total(fees.values()), fees
        return round_once(exact, unit, rounding)

    def _base(self, population: Population) -> tuple[dict[Municipality, int], int]:
        base_weights = population.at(self.first_year - 1, self.base_parties)
        base_sum = sum(base_weights.values())
        if base_sum == 0:
            raise FeeRuleError(
                f"the population of the base parties on 31 Dec {self.first_year - 1} is zero"
            )
        return base_weights, base_sum

    def _chain(
        self,
        year: int,
        population: Population,
        party: Municipality,
        base: tuple[Mapping[Municipality, int], int],
        chains: dict[Municipality, list[IndexStep]],
    ) -> tuple[IndexStep, ...]:
        base_weights, base_sum = base
        walked = chains.get(party)
        if walked is None:
            fee = self.base_total.exact * base_weights[party] / base_sum
            walked = chains[party] = [
                IndexStep(
                    year=self.first_year,
                    before=0,
                    after=base_weights[party],
                    fee=fee,
                    base_population=base_sum,
                )
            ]
        for step_year in range(walked[-1].year + 1, year + 1):
            before = _count(population, party, step_year - 2)
            after = _count(population, party, step_year - 1)
            if before == 0:
                raise FeeRuleError(
                    f"{party.name} had no inhabitants on 31 Dec {step_year - 2}, so its "
                    f"population change to {step_year - 1} is undefined"
                )
            walked.append(
                IndexStep(
                    year=step_year, before=before, after=after, fee=walked[-1].fee * after / before
                )
            )
        return tuple(walked[: max(year, self.first_year) - self.first_year + 1])

    def describe(self, lang: str = "sv") -> str:
        """The rule in one sentence, in *lang*."""
        check_language(lang)
        text = (
            gettext(
                "{total} in {first} split by population on 31 December {base}; each later year "
                "each party's fee changes by the percentage its own population changed between "
                "the two preceding year-ends",
                lang,
            )
            if self.chain == "exact"
            else gettext(
                "{total} in {first} split by population on 31 December {base}; each later "
                "year each party's invoiced fee of the year before changes by the percentage "
                "its own population changed between the two preceding year-ends, and is "
                "rounded on its own",
                lang,
            )
        )
        return text.format(
            total=format_money(self.base_total, lang),
            first=self.first_year,
            base=self.first_year - 1,
        )

    def derivation(
        self, year: int, population: int, exact: Fraction, steps: tuple[IndexStep, ...]
    ) -> list[dict[str, Any]]:
        """The base split and each year's step to one party's exact fee, as data.

        Populations carry the day they count (31 December); fees and factors are exact
        fractions written as strings (``"82386280000/431423"``).
        """
        check_derivation(year, population, exact, steps)
        out: list[dict[str, Any]] = []
        for step in steps:
            if step.before == 0 and step.year == self.first_year:
                out.append(
                    {
                        "step": "base_split",
                        "year": step.year,
                        "base_total": str(self.base_total.amount),
                        "population": step.after,
                        "population_date": year_end(step.year - 1),
                        "base_population": step.base_population,
                        "base_parties": [p.code for p in self.base_parties],
                        "fee": str(step.fee),
                    }
                )
            else:
                out.append(
                    {
                        "step": "index",
                        "year": step.year,
                        "population_before": step.before,
                        "before_date": year_end(step.year - 2),
                        "population_after": step.after,
                        "after_date": year_end(step.year - 1),
                        "factor": str(Fraction(step.after, step.before)),
                        "fee": str(step.fee),
                    }
                )
        return out

    def parameters(self) -> dict[str, Any]:
        """The rule's parameters as JSON-ready data (amounts as exact decimal strings)."""
        return {
            "base_total": str(self.base_total.amount),
            "base_year": self.first_year - 1,
            "base_parties": [p.code for p in self.base_parties],
            "chain": self.chain,
        }

    def to_dict(self) -> dict[str, Any]:
        """The rule as plain data (see :meth:`FeeSchedule.from_dict`)."""
        return {
            "kind": self.kind,
            "first_year": self.first_year,
            "last_year": self.last_year,
            "base_total": str(self.base_total.amount),
            "source": self.source,
            "decided": self.decided.isoformat() if self.decided else None,
            "base_parties": [p.code for p in self.base_parties],
        } | ({"chain": self.chain} if self.chain != "exact" else {})
