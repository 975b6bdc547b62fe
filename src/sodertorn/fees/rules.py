"""The fee rules: § 8's indexed fee and the per-capita fee that followed it.

Each rule answers one question the same way, :meth:`exact_fees`: the exact fee of each
party for a fee year, and the yearly steps that led to it. :func:`~sodertorn.annual_fees`
asks the rule of the year through that method alone, whatever its kind.

* :class:`IndexedRule` (Samarbetsavtal 2010, § 8): a total split by population in the
  first year; each later year each party's fee moves by the percentage its own
  population moved between the two preceding year-ends.
* :class:`PerCapitaRule` (committee decision 2017-02-02): a rate per inhabitant on
  31 December of the year before the fee year.

>>> from sodertorn import SEK, Population
>>> rule = PerCapitaRule(first_year=2018, last_year=None, rate=SEK(4), source="Beslut")
>>> fees, steps = rule.exact_fees(2024, Population.builtin(), Population.builtin().parties)
>>> sum(fees.values())
Fraction(2083296, 1)
>>> rule.exact_fees(2024, None, ())
Traceback (most recent call last):
...
sodertorn.MissingDataError: expected a Population, got None
"""

from __future__ import annotations

import datetime
import weakref
from collections.abc import Mapping
from fractions import Fraction
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

import attrs

from sodertorn.allocation import round_to_total
from sodertorn.errors import FeeRuleError, MissingDataError
from sodertorn.i18n import check_language, format_money, gettext
from sodertorn.money import SEK, Rounding, Unit
from sodertorn.parties import MUNICIPALITIES, Municipality
from sodertorn.population import Population

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "ExactFeeRule",
    "FeeRule",
    "IndexStep",
    "IndexedRule",
    "PerCapitaRule",
    "check_fee_year",
]


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


def _check_year(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1000 <= value <= 9999:
        raise FeeRuleError(f"{attribute.name} {value!r} is not a four-digit year")


def _check_last_year(rule: IndexedRule | PerCapitaRule, _: object, value: int | None) -> None:
    if value is None:
        return
    _check_year(rule, attrs.fields(type(rule)).last_year, value)
    if value < rule.first_year:
        raise FeeRuleError(
            f"last_year {value!r} is before first_year {rule.first_year!r}; "
            f"expected a span of one year or more"
        )


def _check_source(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise FeeRuleError(
            f"{attribute.name} {value!r} is empty; expected the paragraph or decision "
            f"the rule comes from"
        )


def _check_decided(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (
        not isinstance(value, datetime.date) or isinstance(value, datetime.datetime)
    ):
        raise FeeRuleError(f"{attribute.name} {value!r} is not a datetime.date")


def _check_inputs(year: object, population: object, parties: object) -> None:
    check_fee_year(year)
    if not isinstance(population, Population):
        raise MissingDataError(f"expected a Population, got {population!r}")
    if not isinstance(parties, tuple) or not all(isinstance(p, Municipality) for p in parties):
        raise FeeRuleError(f"parties {parties!r} must be a tuple of Municipality")


def _check_rounding(exact: object, unit: object, rounding: object) -> None:
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


def _covers(first_year: int, last_year: int | None, year: object) -> bool:
    if isinstance(year, bool) or not isinstance(year, int):
        raise FeeRuleError(f"fee year {year!r} is not an integer year; expected such as 2024")
    return first_year <= year and (last_year is None or year <= last_year)


def _check_derivation(year: object, population: object, exact: object, steps: object) -> None:
    check_fee_year(year)
    if isinstance(population, bool) or not isinstance(population, int):
        raise FeeRuleError(f"population {population!r} is not a count")
    if not isinstance(exact, (int, Fraction)) or isinstance(exact, bool):
        raise FeeRuleError(f"exact fee {exact!r} is not a Fraction")
    if not isinstance(steps, tuple) or not all(isinstance(s, IndexStep) for s in steps):
        raise FeeRuleError(f"steps {steps!r} must be a tuple of IndexStep")


def _round_once(
    exact: Mapping[Municipality, Fraction], unit: Unit, rounding: Rounding
) -> tuple[SEK, dict[Municipality, SEK]]:
    """The exact total rounded once, spread by largest remainder of the exact fees."""
    _check_rounding(exact, unit, rounding)
    total = SEK.from_exact(sum(exact.values(), Fraction(0)), unit=unit, rounding=rounding)
    return total, round_to_total(total, exact, unit=unit)


def _year_end(year: int) -> str:
    return f"{year:04d}-12-31"


def _sorted_parties(parties: Iterable[Municipality]) -> tuple[Municipality, ...]:
    try:
        return tuple(sorted(parties))
    except TypeError:
        raise FeeRuleError(f"base_parties {parties!r} must be one or more Municipality") from None


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


@attrs.frozen(kw_only=True)
class IndexStep:
    """One year of the indexed fee for one party: fee(y) = fee(y−1) × P(y−1) / P(y−2).

    The first step (``before == 0``) is the base split: fee = total × P / ΣP, where ΣP is
    ``base_population``.
    """

    __module__ = "sodertorn.fees"

    year: int
    before: int
    """Population on 31 Dec of ``year - 2`` (0 for the base split)."""
    after: int
    """Population on 31 Dec of ``year - 1``."""
    fee: Fraction
    """The exact fee of ``year``."""
    base_population: int | None = attrs.field(default=None, repr=False)
    """For the base split: the population of all the base parties (ΣP)."""

    @property
    def change(self) -> Fraction:
        """The relative change of population, ``after / before - 1``."""
        return Fraction(self.after, self.before) - 1


# The chains already walked, per register (by identity: a register's hash reads every count)
# and per rule and party, so that assessing year after year extends a chain by one step
# instead of walking it again from the base year. Dropped with the register.
_CHAINS: dict[int, dict[IndexedRule, dict[Municipality, list[IndexStep]]]] = {}


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

    first_year: int = attrs.field(validator=_check_year)
    last_year: int | None = attrs.field(validator=_check_last_year)
    base_total: SEK = attrs.field(validator=attrs.validators.instance_of(SEK))
    source: str = attrs.field(validator=_check_source)
    decided: datetime.date | None = attrs.field(default=None, validator=_check_decided)
    base_parties: tuple[Municipality, ...] = attrs.field(
        default=MUNICIPALITIES, converter=_sorted_parties
    )
    chain: str = attrs.field(default="exact", repr=False)

    @chain.validator
    def _check_chain(self, _: object, value: object) -> None:
        if value not in ("exact", "invoiced"):
            raise FeeRuleError(f"chain {value!r} is unknown; expected 'exact' or 'invoiced'")

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
        _check_inputs(year, population, parties)
        base_weights, base_sum = self._base(population)
        exact = {p: self.base_total.exact * w / base_sum for p, w in base_weights.items()}
        _, fees = _round_once(exact, unit, rounding)
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
                before = population.count(party, step_year - 2)
                after = population.count(party, step_year - 1)
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
        return _covers(self.first_year, self.last_year, year)

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
        _check_inputs(year, population, parties)
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
            count = base_weights[party] if year <= self.first_year else steps[party][-1].after
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
            _check_rounding(exact, unit, rounding)
            fees, _ = self.invoiced(year, population, tuple(exact), unit=unit, rounding=rounding)
            return SEK.total(fees.values()), fees
        return _round_once(exact, unit, rounding)

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
            before = population.count(party, step_year - 2)
            after = population.count(party, step_year - 1)
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
        _check_derivation(year, population, exact, steps)
        out: list[dict[str, Any]] = []
        for step in steps:
            if step.before == 0 and step.year == self.first_year:
                out.append(
                    {
                        "step": "base_split",
                        "year": step.year,
                        "base_total": str(self.base_total.amount),
                        "population": step.after,
                        "population_date": _year_end(step.year - 1),
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
                        "before_date": _year_end(step.year - 2),
                        "population_after": step.after,
                        "after_date": _year_end(step.year - 1),
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

    first_year: int = attrs.field(validator=_check_year)
    last_year: int | None = attrs.field(validator=_check_last_year)
    rate: SEK = attrs.field(validator=attrs.validators.instance_of(SEK))
    source: str = attrs.field(validator=_check_source)
    decided: datetime.date | None = attrs.field(default=None, validator=_check_decided)

    @rate.validator
    def _check_rate(self, _: attrs.Attribute[SEK], value: SEK) -> None:
        if value.ore <= 0:
            raise FeeRuleError(f"rate {value!r} must be a positive amount per inhabitant")

    kind: ClassVar[str] = "per_capita"

    def covers(self, year: int) -> bool:
        """Whether this rule sets the fee of *year* (any integer; other values are refused)."""
        return _covers(self.first_year, self.last_year, year)

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
        _check_inputs(year, population, parties)
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
        return _round_once(exact, unit, rounding)

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
        _check_derivation(year, population, exact, steps)
        return [
            {
                "step": "per_capita",
                "year": year,
                "rate": str(self.rate.amount),
                "population": population,
                "population_date": _year_end(year - 1),
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


FeeRule = IndexedRule | PerCapitaRule
"""A rule that sets the fees of a span of fee years."""
