"""The annual fee (avgift) of Samarbetsavtal 2010, § 8, and the rules that followed it.

The committee's budget is paid for by a yearly fee from each party. Which rule sets the
fee depends on the fee year, so the rules are data, each with its source and the years
it covers (:class:`FeeSchedule`):

* fee years 2010–2017, :class:`IndexedRule` (§ 8): 860 000 kr in 2010, split by
  population on 31 Dec 2009; each later year every party's fee moves by the percentage
  its own population moved between the two preceding year-ends;
* from fee year 2018, :class:`PerCapitaRule` (committee decision 2017-02-02): 4 kr per
  inhabitant on 31 Dec of the year before the fee year.

>>> from sodertorn import annual_fees, municipality
>>> fees = annual_fees(2024)
>>> fees.total
SEK(2083296)
>>> fees[municipality("Nykvarn")]
SEK(48428)
>>> fees.due_date
datetime.date(2024, 3, 15)
>>> annual_fees(2009)
Traceback (most recent call last):
...
sodertorn.FeeRuleError: no fee rule for fee year 2009; the schedule covers 2010-2017, 2018 onwards

Rounding (our reading, see the Decisions): everything is computed exactly with
fractions; the exact total is rounded once, to whole kronor by the statutory rule
unless asked otherwise, and spread over the parties by largest remainder of their exact
fees (:func:`~sodertorn.allocation.round_to_total`), so the parts sum to the total and
each part is within one krona of its exact fee.
"""

from __future__ import annotations

import datetime
import functools
import itertools
import json
from collections.abc import Callable, Iterable, Mapping
from fractions import Fraction
from importlib import resources
from typing import Any

import attrs

from sodertorn.allocation import round_to_total
from sodertorn.errors import FeeRuleError, MissingDataError, SodertornError
from sodertorn.i18n import (
    check_language,
    format_date,
    format_exact,
    format_money,
    format_number,
    gettext,
    ngettext,
    shown_decimal,
)
from sodertorn.money import SEK, Rounding, Unit
from sodertorn.parties import MUNICIPALITIES, Municipality, municipality
from sodertorn.population import Population, reference_date

__all__ = [
    "FeeAssessment",
    "FeeLine",
    "FeeRule",
    "FeeSchedule",
    "IndexStep",
    "IndexedRule",
    "PerCapitaRule",
    "annual_fees",
]


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


def _covers(first_year: int, last_year: int | None, year: object) -> bool:
    """Whether *year* falls in first_year..last_year (open-ended when *last_year* is None)."""
    if isinstance(year, bool) or not isinstance(year, int):
        raise FeeRuleError(f"fee year {year!r} is not an integer year; expected such as 2024")
    return first_year <= year and (last_year is None or year <= last_year)


def _fee_year(year: object) -> int:
    """*year* if it is a calendar year, else :class:`~sodertorn.FeeRuleError`."""
    if isinstance(year, bool) or not isinstance(year, int) or not 1 <= year <= 9999:
        raise FeeRuleError(f"fee year {year!r} is not a calendar year; expected such as 2024")
    return year


def _fee_inputs(year: object, population: object, parties: object) -> None:
    _fee_year(year)
    if not isinstance(population, Population):
        raise MissingDataError(f"expected a Population, got {population!r}")
    if not isinstance(parties, tuple) or not all(isinstance(p, Municipality) for p in parties):
        raise FeeRuleError(f"parties {parties!r} must be a tuple of Municipality")


def _weights(
    population: Population, year: int, parties: tuple[Municipality, ...]
) -> dict[Municipality, int]:
    return population.at(year, parties)


@attrs.frozen(kw_only=True)
class IndexStep:
    """One year of the indexed fee for one party: fee(y) = fee(y−1) × P(y−1) / P(y−2)."""

    __module__ = "sodertorn"

    year: int
    before: int
    """Population on 31 Dec of ``year - 2``."""
    after: int
    """Population on 31 Dec of ``year - 1``."""
    fee: Fraction
    """The exact fee of ``year``."""

    @property
    def change(self) -> Fraction:
        """The relative change of population, ``after / before - 1``."""
        return Fraction(self.after, self.before) - 1


def _code(party: Municipality) -> str:
    return party.code


def _sorted_parties(parties: Iterable[Municipality]) -> tuple[Municipality, ...]:
    try:
        return tuple(sorted(parties))
    except TypeError:
        raise FeeRuleError(f"base_parties {parties!r} must be one or more Municipality") from None


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

    __module__ = "sodertorn"

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

        The first year is split as :func:`annual_fees` splits it (the rounded total by
        largest remainder); each later year each party's invoiced fee of the year before
        is moved by its own population change and rounded on its own. Each step's
        ``fee`` is the value before that year's rounding.

        >>> from sodertorn import Population
        >>> rule = FeeSchedule.default().rule_for(2017)
        >>> fees, _ = attrs.evolve(rule, chain="invoiced").invoiced(
        ...     2017, Population.builtin(), MUNICIPALITIES)
        >>> SEK.total(fees.values())
        SEK(957691)
        """
        _fee_inputs(year, population, parties)
        base_weights, base_sum = self._base(population)
        exact = {p: self.base_total.exact * w / base_sum for p, w in base_weights.items()}
        total = SEK.from_exact(sum(exact.values(), Fraction(0)), unit=unit, rounding=rounding)
        fees = round_to_total(total, exact, unit=unit)
        steps = {
            p: [IndexStep(year=self.first_year, before=0, after=w, fee=exact[p])]
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

    kind = "indexed"

    def covers(self, year: int) -> bool:
        """Whether this rule sets the fee of *year* (any integer; other values are refused)."""
        return _covers(self.first_year, self.last_year, year)

    def exact_fees(
        self, year: int, population: Population, parties: tuple[Municipality, ...]
    ) -> tuple[dict[Municipality, Fraction], dict[Municipality, tuple[IndexStep, ...]]]:
        """The exact fee of each party for *year*, and the yearly steps that led to it."""
        _fee_inputs(year, population, parties)
        fees, base_weights, base_sum = self._closed_form(year, population, parties)
        return fees, {
            party: self._chain(year, population, party, base_weights, base_sum) for party in fees
        }

    def _base(self, population: Population) -> tuple[dict[Municipality, int], int]:
        base_weights = _weights(population, self.first_year - 1, self.base_parties)
        base_sum = sum(base_weights.values())
        if base_sum == 0:
            raise FeeRuleError(
                f"the population of the base parties on 31 Dec {self.first_year - 1} is zero"
            )
        return base_weights, base_sum

    def _closed_form(
        self, year: int, population: Population, parties: tuple[Municipality, ...]
    ) -> tuple[dict[Municipality, Fraction], dict[Municipality, int], int]:
        """The fees of :meth:`exact_fees` without the steps, in one step per party.

        The chain fee(y) = fee(y − 1) × P(y − 1) / P(y − 2) telescopes to
        *base_total* × P(m, y − 1) / ΣP(base), exactly, wherever every step is defined:
        each count from the base year to *y* − 1 is known and none before *y* − 1 is zero.
        Where a step is not defined, the chain is walked to raise its own error.
        """
        base_weights, base_sum = self._base(population)
        fees: dict[Municipality, Fraction] = {}
        for party in parties:
            if party not in base_weights:
                raise FeeRuleError(
                    f"{party.name} was not a party in fee year {self.first_year}, so the "
                    f"indexed rule ({self.source}) gives it no fee"
                )
            if year <= self.first_year:
                count = base_weights[party]
            else:
                positive_to = population._positive_run(party, self.first_year - 1)
                if year - 2 > positive_to or (
                    year - 1 > positive_to and (party, year - 1) not in population.counts
                ):
                    self._chain(year, population, party, base_weights, base_sum)  # raises
                count = population.counts[(party, year - 1)]
            fees[party] = self.base_total.exact * count / base_sum
        return fees, base_weights, base_sum

    def _chain(
        self,
        year: int,
        population: Population,
        party: Municipality,
        base_weights: dict[Municipality, int],
        base_sum: int,
    ) -> tuple[IndexStep, ...]:
        fee = self.base_total.exact * base_weights[party] / base_sum
        steps = [IndexStep(year=self.first_year, before=0, after=base_weights[party], fee=fee)]
        for step_year in range(self.first_year + 1, year + 1):
            before = population.count(party, step_year - 2)
            after = population.count(party, step_year - 1)
            if before == 0:
                raise FeeRuleError(
                    f"{party.name} had no inhabitants on 31 Dec {step_year - 2}, so its "
                    f"population change to {step_year - 1} is undefined"
                )
            fee = fee * after / before
            steps.append(IndexStep(year=step_year, before=before, after=after, fee=fee))
        return tuple(steps)

    def describe(self, lang: str = "sv") -> str:
        """The rule in one sentence, in *lang*."""
        check_language(lang)
        return gettext(
            "{total} in {first} split by population on 31 December {base}; each later year "
            "each party's fee changes by the percentage its own population changed between "
            "the two preceding year-ends"
            if self.chain == "exact"
            else "{total} in {first} split by population on 31 December {base}; each later "
            "year each party's invoiced fee of the year before changes by the percentage its "
            "own population changed between the two preceding year-ends, and is rounded on "
            "its own",
            lang,
        ).format(
            total=format_money(self.base_total, lang),
            first=self.first_year,
            base=self.first_year - 1,
        )

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

    __module__ = "sodertorn"

    first_year: int = attrs.field(validator=_check_year)
    last_year: int | None = attrs.field(validator=_check_last_year)
    rate: SEK = attrs.field(validator=attrs.validators.instance_of(SEK))
    source: str = attrs.field(validator=_check_source)
    decided: datetime.date | None = attrs.field(default=None, validator=_check_decided)

    @rate.validator
    def _check_rate(self, _: attrs.Attribute[SEK], value: SEK) -> None:
        if value.ore <= 0:
            raise FeeRuleError(f"rate {value!r} must be a positive amount per inhabitant")

    kind = "per_capita"

    def covers(self, year: int) -> bool:
        """Whether this rule sets the fee of *year* (any integer; other values are refused)."""
        return _covers(self.first_year, self.last_year, year)

    def exact_fees(
        self, year: int, population: Population, parties: tuple[Municipality, ...]
    ) -> tuple[dict[Municipality, Fraction], dict[Municipality, tuple[IndexStep, ...]]]:
        """The exact fee of each party for *year* (no history: the rule has no memory)."""
        _fee_inputs(year, population, parties)
        weights = _weights(population, year - 1, parties)
        return {party: self.rate.exact * count for party, count in weights.items()}, {}

    def describe(self, lang: str = "sv") -> str:
        """The rule in one sentence, in *lang*."""
        check_language(lang)
        return gettext(
            "{rate} per inhabitant on 31 December of the year before the fee year", lang
        ).format(rate=format_money(self.rate, lang))

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


def _rules(value: Iterable[FeeRule]) -> tuple[FeeRule, ...]:
    try:
        rules = tuple(value)
    except TypeError:
        raise FeeRuleError(f"rules {value!r} must be an iterable of fee rules") from None
    for rule in rules:
        if not isinstance(rule, (IndexedRule, PerCapitaRule)):
            raise FeeRuleError(f"{rule!r} is not a fee rule; expected IndexedRule or PerCapitaRule")
    ordered = tuple(sorted(rules, key=lambda r: r.first_year))
    for earlier, later in itertools.pairwise(ordered):
        if earlier.last_year is None or earlier.last_year >= later.first_year:
            raise FeeRuleError(
                f"fee rules overlap: {earlier.source} from {earlier.first_year} "
                f"(to {earlier.last_year or 'further notice'}) and {later.source} from "
                f"{later.first_year}; expected each fee year to have exactly one rule"
            )
    return ordered


@attrs.frozen(kw_only=True)
class FeeSchedule:
    """The fee rules over time, each covering a span of fee years, and the due day.

    The default schedule is the library's data file: the indexed rule of § 8 for
    2010–2017 and 4 kr per inhabitant from 2018. A caller adds a new rule as data:

    >>> from sodertorn import SEK
    >>> five = PerCapitaRule(first_year=2027, last_year=None, rate=SEK(5), source="Beslut")
    >>> schedule = FeeSchedule.default().with_rule(five)
    >>> [(r.kind, r.first_year, r.last_year) for r in schedule.rules]
    [('indexed', 2010, 2017), ('per_capita', 2018, 2026), ('per_capita', 2027, None)]
    """

    __module__ = "sodertorn"

    rules: tuple[FeeRule, ...] = attrs.field(converter=_rules)
    due_month: int = attrs.field(default=3)
    due_day: int = attrs.field(default=15)

    @due_day.validator
    def _check_due(self, _: object, value: int) -> None:
        try:
            datetime.date(2000, self.due_month, value)
        except (TypeError, ValueError):
            raise FeeRuleError(
                f"due day {self.due_month!r}-{value!r} is not a day of the year"
            ) from None

    @classmethod
    def default(cls) -> FeeSchedule:
        """The schedule in the library's data (§ 8 and the decision of 2017-02-02)."""
        return _default_schedule()

    def rule_for(self, year: int) -> FeeRule:
        """The rule that sets the fees of fee year *year*."""
        _fee_year(year)
        for rule in self.rules:
            if rule.covers(year):
                return rule
        spans = ", ".join(
            f"{r.first_year}-{r.last_year}" if r.last_year else f"{r.first_year} onwards"
            for r in self.rules
        )
        raise FeeRuleError(
            f"no fee rule for fee year {year!r}; the schedule covers {spans or 'no years'}"
        )

    def due_date(self, year: int) -> datetime.date:
        """The last day to pay the fee of *year* (15 March: Samarbetsavtal 2010, § 8)."""
        _fee_year(year)
        return datetime.date(year, self.due_month, self.due_day)

    def with_rule(self, rule: FeeRule) -> FeeSchedule:
        """A schedule where *rule* sets the fees of its years; earlier rules end before it.

        A rule still in force when *rule* starts is cut off at the year before; a rule
        wholly inside *rule*'s span is dropped; a rule that starts later is kept only if
        *rule* ends before it. An earlier rule is not resumed after *rule*'s span: give
        those years a rule of their own.
        """
        if not isinstance(rule, (IndexedRule, PerCapitaRule)):
            raise FeeRuleError(f"{rule!r} is not a fee rule; expected IndexedRule or PerCapitaRule")
        kept: list[FeeRule] = []
        for old in self.rules:
            if old.first_year < rule.first_year:
                if old.last_year is None or old.last_year >= rule.first_year:
                    kept.append(attrs.evolve(old, last_year=rule.first_year - 1))
                else:
                    kept.append(old)
            elif rule.last_year is not None and old.first_year > rule.last_year:
                kept.append(old)
        return attrs.evolve(self, rules=(*kept, rule))

    def to_dict(self) -> dict[str, Any]:
        """The schedule as plain JSON-ready data; :meth:`from_dict` reads it back."""
        return {
            "schema": 1,
            "due": {"month": self.due_month, "day": self.due_day},
            "rules": [rule.to_dict() for rule in self.rules],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> FeeSchedule:
        """Read a schedule from plain data (the format of the library's ``fee_rules.json``).

        >>> FeeSchedule.from_dict({"rules": [{"kind": "flat", "first_year": 2030}]})
        Traceback (most recent call last):
        ...
        sodertorn.FeeRuleError: rule 1: unknown kind 'flat'; expected 'indexed' or 'per_capita'
        """
        if not isinstance(data, Mapping) or not isinstance(data.get("rules"), list):
            raise FeeRuleError(f"expected an object with a list of 'rules', got {data!r}")
        due = data.get("due", {})
        if not isinstance(due, Mapping):
            raise FeeRuleError(f"'due' must be an object with month and day, got {due!r}")
        rules = [_rule_from_dict(n, item) for n, item in enumerate(data["rules"], start=1)]
        return cls(
            rules=rules,
            due_month=due.get("month", 3),
            due_day=due.get("day", 15),
        )

    @classmethod
    def from_json(cls, text: str | bytes) -> FeeSchedule:
        """Read a schedule from JSON text in the format of :meth:`from_dict`."""
        if not isinstance(text, (str, bytes)):
            raise FeeRuleError(f"expected the schedule's JSON as str or bytes, got {text!r}")
        try:
            data = json.loads(text)
        except (ValueError, RecursionError) as error:
            raise FeeRuleError(f"fee schedule is not valid JSON: {error}") from None
        return cls.from_dict(data)


def _rule_from_dict(number: int, item: object) -> FeeRule:
    if not isinstance(item, Mapping):
        raise FeeRuleError(f"rule {number}: expected an object, got {item!r}")
    kind = item.get("kind")
    common: dict[str, Any] = {}
    try:
        common = {
            "first_year": item["first_year"],
            "last_year": item.get("last_year"),
            "source": item.get("source", ""),
            "decided": (
                datetime.date.fromisoformat(item["decided"]) if item.get("decided") else None
            ),
        }
        if kind == "indexed":
            codes = item.get("base_parties")
            parties = MUNICIPALITIES if codes is None else tuple(municipality(c) for c in codes)
            return IndexedRule(
                base_total=SEK(item["base_total"]),
                base_parties=parties,
                chain=item.get("chain", "exact"),
                **common,
            )
        if kind == "per_capita":
            return PerCapitaRule(rate=SEK(item["rate"]), **common)
    except KeyError as error:
        raise FeeRuleError(f"rule {number}: missing field {error.args[0]!r}") from None
    except (SodertornError, TypeError, ValueError) as error:
        raise FeeRuleError(f"rule {number}: {error}") from None
    raise FeeRuleError(f"rule {number}: unknown kind {kind!r}; expected 'indexed' or 'per_capita'")


@functools.cache
def _default_schedule() -> FeeSchedule:
    text = resources.files("sodertorn").joinpath("data/fee_rules.json").read_text("utf-8")
    return FeeSchedule.from_json(text)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class FeeLine:
    """One party's fee in an assessment."""

    __module__ = "sodertorn"

    party: Municipality
    population: int
    """The population the rule weighs by: 31 Dec of the year before the fee year."""
    exact: Fraction
    """The fee before rounding, in kronor."""
    amount: SEK
    """The fee to pay."""
    _steps: tuple[IndexStep, ...] = attrs.field(default=(), alias="steps")
    # How to derive the steps when first asked for (an explanation is not always read).
    _derive: Callable[[], tuple[IndexStep, ...]] | None = attrs.field(default=None, alias="_derive")

    @property
    def steps(self) -> tuple[IndexStep, ...]:
        """For an indexed year, each year's step from the base year."""
        if self._derive is not None:
            object.__setattr__(self, "_steps", self._derive())
            object.__setattr__(self, "_derive", None)
        return self._steps

    def _fields(self) -> tuple[Municipality, int, Fraction, SEK, tuple[IndexStep, ...]]:
        return (self.party, self.population, self.exact, self.amount, self.steps)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, FeeLine)
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return (
            f"FeeLine(party={self.party!r}, population={self.population!r}, "
            f"exact={self.exact!r}, amount={self.amount!r}, steps={self.steps!r})"
        )


@attrs.frozen(kw_only=True)
class FeeAssessment:
    """The fees of one fee year: per party, the total, the rule and how it was computed.

    Made by :func:`annual_fees`. ``explain()`` gives the derivation step by step.
    """

    __module__ = "sodertorn"

    year: int
    rule: FeeRule
    due_date: datetime.date
    lines: tuple[FeeLine, ...]
    exact_total: Fraction
    total: SEK
    unit: Unit
    rounding: Rounding
    population_source: str = ""

    @property
    def amounts(self) -> dict[Municipality, SEK]:
        """The fee of each party, in code order."""
        return {line.party: line.amount for line in self.lines}

    @property
    def parties(self) -> tuple[Municipality, ...]:
        """The parties that pay, in code order."""
        return tuple(line.party for line in self.lines)

    def line(self, party: Municipality | str) -> FeeLine:
        """The line of *party* (a Municipality, a code or a name)."""
        found = municipality(party, among=self.parties)
        return next(line for line in self.lines if line.party == found)

    def __getitem__(self, party: Municipality | str) -> SEK:
        return self.line(party).amount

    def explain(self, party: Municipality | str | None = None, *, lang: str = "sv") -> str:
        """The derivation in words: inputs, rule and its source, rounding, result.

        With *party*, the derivation of that party's fee only.

        >>> from sodertorn import annual_fees
        >>> print(annual_fees(2024).explain("Salem", lang="en"))
        Fee year 2024: Salem
        Rule: SEK4 per inhabitant on 31 December of the year before the fee year (Samarbetskommitténs beslut 2017-02-02).
        Population on 31 December 2023: 17,451.
        Exact fee: 17,451 × SEK4 = SEK69,804.
        Salem pays SEK69,804.
        """
        check_language(lang)
        return _explain(self, party, lang)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data: amounts as exact decimal strings in kronor."""
        return {
            "year": self.year,
            "rule": self.rule.kind,
            "source": self.rule.source,
            "due_date": self.due_date.isoformat(),
            "total": str(self.total.amount),
            "fees": [
                {
                    "code": line.party.code,
                    "name": line.party.name,
                    "population": line.population,
                    "amount": str(line.amount.amount),
                }
                for line in self.lines
            ],
        }

    def table(self, *, lang: str = "sv") -> str:
        """A plain-text table for a terminal: party, population, fee, and the total."""
        check_language(lang)
        header = (
            gettext("Municipality", lang),
            gettext("Population {date}", lang).format(
                date=format_date(reference_date(self.year - 1), lang)
            ),
            gettext("Fee {year}", lang).format(year=self.year),
        )
        rows = [
            (line.party.name, format_number(line.population, lang), format_money(line.amount, lang))
            for line in self.lines
        ]
        rows.append(
            (
                gettext("Total", lang),
                format_number(sum(line.population for line in self.lines), lang),
                format_money(self.total, lang),
            )
        )
        widths = [max(len(row[i]) for row in [header, *rows]) for i in range(3)]

        def render(row: tuple[str, str, str]) -> str:
            return "  ".join(
                [row[0].ljust(widths[0]), row[1].rjust(widths[1]), row[2].rjust(widths[2])]
            )

        rule_line = gettext("Rule: {rule} ({source}). Due {due}.", lang).format(
            rule=self.rule.describe(lang),
            source=self.rule.source,
            due=format_date(self.due_date, lang),
        )
        rule_text = "\n".join([render(header), "  ".join("-" * w for w in widths)])
        body = [render(row) for row in rows[:-1]]
        footer = ["  ".join("-" * w for w in widths), render(rows[-1])]
        return "\n".join([rule_text, *body, *footer, "", rule_line])

    def _repr_html_(self) -> str:
        from html import escape  # noqa: PLC0415 - only in notebooks

        cells = "".join(
            f"<tr><td>{escape(line.party.name)}</td><td style='text-align:right'>"
            f"{escape(format_number(line.population, 'sv'))}</td>"
            f"<td style='text-align:right'>{escape(format_money(line.amount, 'sv'))}</td></tr>"
            for line in self.lines
        )
        return (
            f"<table><caption>{escape(gettext('Fee {year}', 'sv').format(year=self.year))}"
            f" ({escape(self.rule.source)})</caption>{cells}<tr><th>"
            f"{escape(gettext('Total', 'sv'))}</th><td></td><th style='text-align:right'>"
            f"{escape(format_money(self.total, 'sv'))}</th></tr></table>"
        )


def _money_exact(value: Fraction, lang: str) -> str:
    # To the öre, always two decimals where cut, so every exact amount reads alike.
    return format_exact(value, lang, places=2)


def _explain(assessment: FeeAssessment, party: Municipality | str | None, lang: str) -> str:
    rule = assessment.rule
    lines: list[str] = []
    rule_text = gettext("Rule: {rule} ({source}).", lang).format(
        rule=rule.describe(lang), source=rule.source
    )
    basis = assessment.year - 1
    if party is not None:
        line = assessment.line(party)
        lines.append(
            gettext("Fee year {year}: {party}", lang).format(
                year=assessment.year, party=line.party.name
            )
        )
        lines.append(rule_text)
        lines.append(
            gettext("Population on 31 December {year}: {count}.", lang).format(
                year=basis, count=format_number(line.population, lang)
            )
        )
        if isinstance(rule, PerCapitaRule):
            lines.append(
                gettext("Exact fee: {count} × {rate} = {fee}.", lang).format(
                    count=format_number(line.population, lang),
                    rate=format_money(rule.rate, lang),
                    fee=_money_exact(line.exact, lang),
                )
            )
        else:
            lines.extend(_explain_steps(line, rule, lang))
        lines.append(
            gettext(
                "{party} pays {fee}."
                if line.exact == line.amount.exact
                else "Rounded total {total} spread by largest remainder; {party} pays {fee}."
                if not _invoiced(rule)
                else "Each fee is rounded on its own, as invoiced; {party} pays {fee}.",
                lang,
            ).format(
                total=format_money(assessment.total, lang),
                party=line.party.name,
                fee=format_money(line.amount, lang),
            )
        )
        return "\n".join(lines)
    lines.append(gettext("Fee year {year}", lang).format(year=assessment.year))
    lines.append(rule_text)
    lines.append(
        ngettext(
            "Population on 31 December {year}: {count} ({n} municipality).",
            "Population on 31 December {year}: {count} ({n} municipalities).",
            len(assessment.lines),
            lang,
        ).format(
            year=basis,
            count=format_number(sum(x.population for x in assessment.lines), lang),
            n=len(assessment.lines),
        )
    )
    if assessment.population_source:
        lines.append(
            gettext("Population source: {source}.", lang).format(
                # The built-in data's provenance is in the catalogue; a caller's passes as is.
                source=gettext(assessment.population_source, lang)
            )
        )
    lines.append(
        gettext("Exact total: {exact}.", lang).format(
            exact=_money_exact(assessment.exact_total, lang)
        )
    )
    unit = gettext("whole kronor", lang) if assessment.unit is Unit.KRONA else gettext("öre", lang)
    step = gettext("one krona", lang) if assessment.unit is Unit.KRONA else gettext("one öre", lang)
    if all(
        (line.exact * 100 / assessment.unit.value).denominator == 1 for line in assessment.lines
    ):
        lines.append(
            gettext("The fees are whole {unit}; no rounding is needed.", lang).format(
                unit=gettext("kronor", lang) if assessment.unit is Unit.KRONA else unit
            )
        )
    else:
        lines.append(_rounding_line(assessment, unit, step, lang))
    for line in assessment.lines:
        lines.append(
            gettext("{party}: {count} inhabitants, exact {exact}, pays {fee}.", lang).format(
                party=line.party.name,
                count=format_number(line.population, lang),
                exact=_money_exact(line.exact, lang),
                fee=format_money(line.amount, lang),
            )
        )
    lines.append(
        gettext("Due no later than {date} ({section}).", lang).format(
            date=format_date(assessment.due_date, lang), section="Samarbetsavtal 2010, § 8"
        )
    )
    return "\n".join(lines)


def _rounding_line(assessment: FeeAssessment, unit: str, step: str, lang: str) -> str:
    return gettext(
        "Rounded once to {unit} ({rounding}): {total}; spread over the parties by the largest "
        "remainder method on their exact fees (where remainders are equal, the lowest "
        "municipality code comes first), so the parts sum to the total and no fee differs from "
        "its exact fee by more than {step}."
        if not _invoiced(assessment.rule)
        else "Each party's fee is rounded on its own to {unit} ({rounding}), as invoiced; "
        "the total, {total}, is their sum.",
        lang,
    ).format(
        unit=unit,
        rounding=_rounding_text(assessment.rounding, lang),
        total=format_money(assessment.total, lang),
        step=step,
    )


def _invoiced(rule: FeeRule) -> bool:
    return isinstance(rule, IndexedRule) and rule.chain == "invoiced"


def _explain_steps(line: FeeLine, rule: IndexedRule, lang: str) -> list[str]:
    first, *later = line.steps
    out = [
        gettext(
            "{year}: {total} × {count} / {base_sum} (population of the parties on 31 December "
            "{base}) → {fee}.",
            lang,
        ).format(
            year=first.year,
            total=format_money(rule.base_total, lang),
            count=format_number(first.after, lang),
            # fee = total × after / ΣP exactly, so this recovers ΣP without rounding.
            base_sum=format_number(int(rule.base_total.exact * first.after / first.fee), lang),
            base=first.year - 1,
            fee=_money_exact(first.fee, lang),
        )
    ]
    for step in later:
        out.append(
            gettext("{year}: population {before} → {after} ({change} %), fee {fee}.", lang).format(
                year=step.year,
                before=format_number(step.before, lang),
                after=format_number(step.after, lang),
                change=_signed_percent(step.change, lang),
                fee=_money_exact(step.fee, lang),
            )
        )
    return out


def _signed_percent(change: Fraction, lang: str) -> str:
    value = shown_decimal(change * 100, places=2)
    text = format_number(value, lang)
    if value == 0:
        return "±" + text
    return text if value < 0 else "+" + text


def _rounding_text(rounding: Rounding, lang: str) -> str:
    if rounding is Rounding.HALF_UP:
        return gettext("statutory rule, Lag (1970:1029) 2 §: 1–49 öre down, 50–99 up", lang)
    return gettext("rounding mode {mode}", lang).format(mode=rounding.value)


def annual_fees(
    year: int,
    population: Population | None = None,
    *,
    parties: Iterable[Municipality | str] | None = None,
    schedule: FeeSchedule | None = None,
    unit: Unit = Unit.KRONA,
    rounding: Rounding = Rounding.HALF_UP,
) -> FeeAssessment:
    """Assess the fees of fee year *year*: Samarbetsavtal 2010, § 8, and later decisions.

    *population* defaults to the built-in SCB data; *parties* to the eight (pass the
    parties of that year to leave out one that has withdrawn); *schedule* to
    :meth:`FeeSchedule.default`. The exact total is rounded once to *unit* with
    *rounding* (statutory half-up whole kronor by default) and spread over the parties
    by largest remainder of their exact fees.

    >>> fees = annual_fees(2010)
    >>> fees.total, fees.rule.source
    (SEK(860000), 'Samarbetsavtal 2010, § 8')
    >>> annual_fees(2024, parties=["Huddinge", "Gotland"])
    Traceback (most recent call last):
    ...
    sodertorn.UnknownMunicipalityError: unknown municipality 'Gotland'; expected one of ...
    """
    if isinstance(year, bool) or not isinstance(year, int):
        raise FeeRuleError(f"fee year {year!r} is not an integer year")
    if population is None:
        population = Population.builtin()
    elif not isinstance(population, Population):
        raise MissingDataError(f"expected a Population, got {population!r}")
    if schedule is None:
        schedule = FeeSchedule.default()
    elif not isinstance(schedule, FeeSchedule):
        raise FeeRuleError(f"expected a FeeSchedule, got {schedule!r}")
    if not isinstance(unit, Unit) or not isinstance(rounding, Rounding):
        raise FeeRuleError(f"expected a Unit and a Rounding, got {unit!r}, {rounding!r}")
    if parties is None:
        chosen = MUNICIPALITIES
    elif isinstance(parties, (str, Municipality)) or not isinstance(parties, Iterable):
        raise FeeRuleError(
            f"parties {parties!r} must be a collection of municipalities (names, codes "
            f"or Municipality), such as ['Huddinge', 'Salem']"
        )
    else:
        among = population.parties or MUNICIPALITIES
        known = frozenset(among)
        # A Municipality of the data is found as itself; anything else is looked up.
        found = {
            p if isinstance(p, Municipality) and p in known else municipality(p, among=among)
            for p in parties
        }
        chosen = tuple(sorted(found, key=_code))
        if not chosen:
            raise FeeRuleError("no parties given; expected at least one municipality")
    rule = schedule.rule_for(year)
    derive: dict[Municipality, Callable[[], tuple[IndexStep, ...]]] = {}
    invoiced: dict[Municipality, SEK] | None = None
    if isinstance(rule, IndexedRule) and rule.chain == "invoiced":
        invoiced, chains = rule.invoiced(year, population, chosen, unit=unit, rounding=rounding)
        exact = {party: chains[party][-1].fee for party in chosen}
        for party in chosen:
            derive[party] = functools.partial(lambda steps: steps, chains[party])
    elif isinstance(rule, IndexedRule):
        # The steps are derived only if read (explain() of one party reads them).
        exact, base_weights, base_sum = rule._closed_form(year, population, chosen)
        for party in chosen:
            derive[party] = functools.partial(
                rule._chain, year, population, party, base_weights, base_sum
            )
    else:
        exact, _ = rule.exact_fees(year, population, chosen)
    exact_total = sum(exact.values(), Fraction(0))
    if invoiced is None:
        total = SEK.from_exact(exact_total, unit=unit, rounding=rounding)
        amounts = round_to_total(total, exact, unit=unit)
    else:
        total, amounts = SEK.total(invoiced.values()), invoiced
    weights = population.at(year - 1, chosen)
    lines = tuple(
        FeeLine(
            party=party,
            population=weights[party],
            exact=exact[party],
            amount=amounts[party],
            _derive=derive.get(party),
        )
        for party in chosen
    )
    return FeeAssessment(
        year=year,
        rule=rule,
        due_date=schedule.due_date(year),
        lines=lines,
        exact_total=exact_total,
        total=total,
        unit=unit,
        rounding=rounding,
        population_source=population.source,
    )
