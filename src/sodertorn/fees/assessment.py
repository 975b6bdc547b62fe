"""Assessing the fees of a fee year: the rule of the year, applied to the parties of that year.

:func:`annual_fees` finds the year's rule in the schedule, asks it for each party's
exact fee, rounds the exact total once and spreads it over the parties by largest
remainder. The result, :class:`FeeAssessment`, is a plain value: the figures, the rule
and the steps, with no reference to the register it was computed from.

Rounding (our reading, see the Decisions): everything is computed exactly with
fractions; the exact total is rounded once, to whole kronor by the statutory rule
unless asked otherwise, and spread over the parties by largest remainder of their exact
fees (:func:`~sodertorn.allocation.round_to_total`), so the parts sum to the total and
each part is within one krona of its exact fee.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from fractions import Fraction
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

import attrs

from sodertorn import _checks
from sodertorn.allocation import remainder_trace
from sodertorn.errors import FeeRuleError, MissingDataError
from sodertorn.fees.banking import next_banking_day, payable_by_or_none
from sodertorn.fees.schedule import FeeSchedule
from sodertorn.i18n import check_language, gettext
from sodertorn.money import SEK, Rounding, Unit
from sodertorn.parties import MUNICIPALITIES, Municipality, municipality
from sodertorn.population import Population, PopulationSource, reference_date

if TYPE_CHECKING:
    import os
    from pathlib import Path

    import pandas

    from sodertorn.fees import explain as _explain
    from sodertorn.fees.invoices import InvoiceDetails
    from sodertorn.fees.rules import FeeRule, IndexStep
    from sodertorn.tabular import Cell, Table

__all__ = ["FEE_COLUMNS", "FeeAssessment", "FeeLine", "Membership", "annual_fees"]


class Membership(Protocol):
    """Who the parties are on a day: what :class:`~sodertorn.Agreement` answers (§§ 2, 9)."""

    def parties_on(self, day: datetime.date) -> tuple[Municipality, ...]:
        """The parties on *day*, in code order."""


def _iso(day: datetime.date | None) -> str | None:
    return day.isoformat() if day else None


@attrs.frozen(kw_only=True)
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
    steps: tuple[IndexStep, ...] = ()
    """For an indexed year, each year's step from the base year."""
    source: PopulationSource | None = attrs.field(default=None, eq=False, repr=False)
    """Where the population figure came from."""


FEE_COLUMNS: tuple[str, ...] = (
    "year",
    "code",
    "name",
    "population",
    "population_date",
    "amount",
    "rule",
    "source",
    "due_date",
    "payable_by",
)
"""The columns of :meth:`FeeAssessment.rows` and :meth:`FeeHistory.rows`, in order.

``year`` the fee year; ``code`` the SCB municipality code (text, ``"0126"``); ``name``
the municipality; ``population`` its inhabitants (an integer) on ``population_date``
(31 December of the year before); ``amount`` the fee (``int`` kronor, or ``Decimal``
when öre are asked for); ``rule`` the rule's kind (``"indexed"`` or ``"per_capita"``) and
``source`` its paragraph or decision; ``due_date`` the day the agreement names (15
March) and ``payable_by`` the first Swedish banking day on or after it (``None`` beyond
the years of the banking-day calendar, 1953–2100).
"""


@attrs.frozen(kw_only=True)
class FeeAssessment:
    """The fees of one fee year: per party, the total, the rule and how it was computed.

    Made by :func:`annual_fees`. ``explain()`` gives the derivation step by step;
    ``rows()``, ``to_pandas()`` and ``to_excel()`` the table; ``to_dict(trace=True)`` the
    derivation as data; ``invoice_html()`` one party's invoice page.

    >>> from sodertorn import annual_fees
    >>> fees = annual_fees(2024)
    >>> fees.to_records()[2]["code"], fees.to_records()[2]["amount"]
    ('0128', 69804)
    """

    __module__ = "sodertorn"

    columns: ClassVar[tuple[str, ...]] = FEE_COLUMNS

    year: int
    rule: FeeRule
    due_date: datetime.date
    lines: tuple[FeeLine, ...]
    exact_total: Fraction
    total: SEK
    unit: Unit
    rounding: Rounding
    population_source: str = ""
    """Where the populations come from (the register's provenance), shown in every output."""
    population_sources: tuple[PopulationSource, ...] = attrs.field(default=(), repr=False)
    """The sources of the populations weighed (31 Dec of the year before), described in
    Swedish and English."""

    @property
    def amounts(self) -> dict[Municipality, SEK]:
        """The fee of each party, in code order."""
        return {line.party: line.amount for line in self.lines}

    @property
    def parties(self) -> tuple[Municipality, ...]:
        """The parties that pay, in code order."""
        return tuple(line.party for line in self.lines)

    @property
    def population_date(self) -> datetime.date:
        """The day the populations count: 31 December of the year before the fee year."""
        return reference_date(self.year - 1)

    @property
    def payable_by(self) -> datetime.date:
        """The first Swedish banking day on or after ``due_date``.

        Samarbetsavtal 2010, § 8, makes the fee due on 15 March; when that is a weekend,
        a public holiday, midsommarafton, julafton or nyårsafton, payment on the next
        banking day is on time (our reading; see the Decisions).

        >>> from sodertorn import annual_fees
        >>> annual_fees(2025).due_date, annual_fees(2025).payable_by
        (datetime.date(2025, 3, 15), datetime.date(2025, 3, 17))
        """
        return next_banking_day(self.due_date)

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
        Rule: SEK 4 per inhabitant on 31 December of the year before the fee year (Samarbetskommitténs beslut 2017-02-02).
        Population on 31 December 2023: 17,451.
        Population source: Statistics Sweden (SCB), population on 31 December 2008-2024; licence CC0 1.0 (Källa: SCB).
        Exact fee: 17,451 × SEK 4 = SEK 69,804.
        Salem pays SEK 69,804.
        """
        from sodertorn.fees import explain as _explain  # noqa: PLC0415 - not for JSON

        return _explain.explain(self, party, lang)

    def rows(self) -> list[tuple[Cell, ...]]:
        """One row per party in the order of :data:`~sodertorn.fees.FEE_COLUMNS`."""
        from sodertorn.tabular import money_cell  # noqa: PLC0415 - not for JSON

        payable = payable_by_or_none(self.due_date)
        population_date = self.population_date
        return [
            (
                self.year,
                line.party.code,
                line.party.name,
                line.population,
                population_date,
                money_cell(line.amount),
                self.rule.kind,
                self.rule.source,
                self.due_date,
                payable,
            )
            for line in self.lines
        ]

    def to_records(self) -> list[dict[str, Cell]]:
        """The rows as dictionaries keyed by column name (for users without pandas)."""
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows()]

    def to_table(self, *, lang: str = "sv") -> Table:
        """The rows as a :class:`~sodertorn.tabular.Table`, with its title and notes in *lang*."""
        from sodertorn.fees import explain as _explain  # noqa: PLC0415 - not for JSON
        from sodertorn.tabular import Table  # noqa: PLC0415 - not for JSON

        check_language(lang)
        return Table(
            columns=self.columns,
            rows=self.rows(),
            title=gettext("Fee {year}", lang).format(year=self.year),
            money=frozenset({"amount"}),
            notes=_explain.notes(self, lang),
        )

    def to_pandas(self) -> pandas.DataFrame:
        """The rows as a :class:`pandas.DataFrame` (``pip install 'sodertorn[pandas]'``).

        Column names are those of :data:`~sodertorn.fees.FEE_COLUMNS`; ``code`` is text and ``amount``
        is integer kronor (or ``Decimal`` with öre), so ``df["amount"].sum()`` is the
        total.
        """
        return self.to_table().to_pandas()

    def to_excel(self, path: str | os.PathLike[str], *, lang: str = "sv") -> Path:
        """Write the fees to an Excel workbook (``pip install 'sodertorn[excel]'``).

        The first sheet has one row per party (codes as text, amounts as numbers in a
        kronor format) and a total row; the second the explanation, the rule, its
        paragraph and the population's source. Returns the path written.
        """
        return self.to_table(lang=lang).to_excel(
            path, lang=lang, explanation=self.explain(lang=lang).splitlines()
        )

    def to_dict(self, *, trace: bool = False) -> dict[str, Any]:
        """Plain JSON-ready data: amounts as exact decimal strings in kronor, ISO dates.

        With *trace*, also the derivation as data: the rule and its source, the inputs
        (populations with their date and source), each party's steps with exact
        intermediate values (fractions as strings), the rounding mode and unit, and the
        largest-remainder adjustment of each party.
        """
        data: dict[str, Any] = {
            "year": self.year,
            "rule": self.rule.kind,
            "source": self.rule.source,
            "due_date": self.due_date.isoformat(),
            "payable_by": _iso(payable_by_or_none(self.due_date)),
            "population_date": self.population_date.isoformat(),
            "population_source": self.population_source,
            "population_sources": [source.to_dict() for source in self.population_sources],
            "unit": self.unit.label,
            "rounding": self.rounding.value,
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
        if trace:
            data["trace"] = self._trace()
        return data

    def _trace(self) -> dict[str, Any]:
        adjustments = remainder_trace(
            {line.party: line.exact for line in self.lines}, self.amounts, unit=self.unit
        )
        left_over = sum((SEK(adjustments[line.party]["adjustment"]) for line in self.lines), SEK(0))
        return {
            "rule": {
                **self.rule.to_dict(),
                "parameters": self.rule.parameters(),
            },
            "population": {
                "date": self.population_date.isoformat(),
                "source": self.population_source,
                "total": sum(line.population for line in self.lines),
            },
            "exact_total": str(self.exact_total),
            "rounding": {
                "mode": self.rounding.value,
                "unit": self.unit.label,
                "statute": "Lag (1970:1029) om avrundning av vissa öresbelopp, 2 §"
                if self.rounding is Rounding.HALF_UP and self.unit is Unit.KRONA
                else None,
                "rounded_total": str(self.total.amount),
            },
            "allocation": {
                "method": "each fee rounded on its own, as invoiced"
                if self.rule.parameters().get("chain") == "invoiced"
                else "largest remainder",
                "ties": "lowest municipality code",
                "left_over": str(left_over.amount),
            },
            "due": {
                "source": "Samarbetsavtal 2010, § 8",
                "due_date": self.due_date.isoformat(),
                "payable_by": _iso(payable_by_or_none(self.due_date)),
            },
            "parties": [
                {
                    "code": line.party.code,
                    "name": line.party.name,
                    "population": line.population,
                    "population_date": self.population_date.isoformat(),
                    "steps": self.rule.derivation(
                        self.year, line.population, line.exact, line.steps
                    ),
                    **adjustments[line.party],
                    "amount": str(line.amount.amount),
                }
                for line in self.lines
            ],
        }

    def table(self, *, lang: str = "sv") -> str:
        """A plain-text table for a terminal: party, population, fee, and the total."""
        from sodertorn.fees import explain as _explain  # noqa: PLC0415 - not for JSON

        return _explain.table(self, lang)

    def html(self, *, lang: str = "sv") -> str:
        """The fees as an HTML table with headers in *lang*, for notebooks and pages."""
        from sodertorn.fees import explain as _explain  # noqa: PLC0415 - not for JSON

        return _explain.assessment_html(self, lang)

    def view(self, *, lang: str = "sv") -> _explain.View:
        """The assessment for a notebook in *lang*: shows as an HTML table, prints as text."""
        from sodertorn.fees import explain as _explain  # noqa: PLC0415 - not for JSON

        return _explain.View(html=self.html(lang=lang), text=self.table(lang=lang))

    def _repr_html_(self) -> str:
        return self.html(lang="sv")

    def invoice_html(
        self,
        party: Municipality | str,
        *,
        lang: str = "sv",
        details: InvoiceDetails | None = None,
    ) -> str:
        """One party's invoice page: HTML with print CSS for A4 (a browser saves it as PDF).

        The amount, the due date and the banking day, the population and its source, the
        rule with its paragraph and the derivation step by step. Organisation numbers,
        addresses and references appear only if given in *details*.
        """
        from sodertorn.fees import invoices as _invoices  # noqa: PLC0415 - not for JSON

        return _invoices.invoice_html(self, party, lang=lang, details=details)


def _parties(
    parties: Iterable[Municipality | str] | None, population: Population
) -> tuple[Municipality, ...]:
    if parties is None:
        return MUNICIPALITIES
    if isinstance(parties, (str, Municipality)) or not isinstance(parties, Iterable):
        raise FeeRuleError(
            f"parties {parties!r} must be a collection of municipalities (names, codes "
            f"or Municipality), such as ['Huddinge', 'Salem']"
        )
    among = population.parties or MUNICIPALITIES
    known = frozenset(among)
    # A Municipality of the data is found as itself; anything else is looked up.
    found = {
        p if isinstance(p, Municipality) and p in known else municipality(p, among=among)
        for p in parties
    }
    if not found:
        raise FeeRuleError("no parties given; expected at least one municipality")
    return tuple(sorted(found, key=_code))


def _agreement_parties(agreement: Membership, year: int) -> tuple[Municipality, ...]:
    parties_on = getattr(agreement, "parties_on", None)
    if not callable(parties_on):
        raise FeeRuleError(
            f"agreement {agreement!r} is not an Agreement; expected sodertorn.Agreement()"
        )
    found = tuple(parties_on(datetime.date(year, 1, 1)))
    if not found or not all(isinstance(p, Municipality) for p in found):
        raise FeeRuleError(f"the agreement has no parties on 1 January {year}")
    return tuple(sorted(found, key=_code))


def _code(party: Municipality) -> str:
    # Municipalities order by code alone: the same order as sorted(), and much faster.
    return party.code


_SCHEDULE = _checks.is_a(
    FeeSchedule, FeeRuleError, expected="a FeeSchedule such as FeeSchedule.default(), or None"
)
_POPULATION = _checks.is_a(
    Population, MissingDataError, expected="a Population such as Population.builtin(), or None"
)
_UNIT = _checks.member(Unit, FeeRuleError)
_ROUNDING = _checks.member(Rounding, FeeRuleError)


def annual_fees(
    year: int,
    population: Population | None = None,
    *,
    parties: Iterable[Municipality | str] | None = None,
    schedule: FeeSchedule | None = None,
    agreement: Membership | None = None,
    unit: Unit = Unit.KRONA,
    rounding: Rounding = Rounding.HALF_UP,
) -> FeeAssessment:
    """Assess the fees of fee year *year*: Samarbetsavtal 2010, § 8, and later decisions.

    *population* defaults to the built-in SCB data; *parties* to the eight; *schedule* to
    :meth:`FeeSchedule.default`. With *agreement* (an :class:`~sodertorn.Agreement`) the
    parties are those whose membership includes 1 January of the fee year: a party in
    its notice period pays the full fee, one whose notice period has ended pays nothing
    (§§ 2, 8, 9). Give *parties* or *agreement*, not both. The exact total is rounded once to *unit* with
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
    schedule = FeeSchedule.default() if schedule is None else _SCHEDULE.check(schedule, "schedule")
    rule, due_date = schedule.terms(year)  # the one check of *year*
    population = (
        Population.builtin() if population is None else _POPULATION.check(population, "population")
    )
    _UNIT.check(unit, "unit")
    _ROUNDING.check(rounding, "rounding")
    if agreement is None:
        chosen = _parties(parties, population)
    elif parties is not None:
        raise FeeRuleError(
            "give parties or agreement, not both; the agreement's notices decide the parties"
        )
    else:
        chosen = _agreement_parties(agreement, year)
    exact, steps = rule.exact_fees(year, population, chosen, unit=unit, rounding=rounding)
    exact_total = sum(exact.values(), Fraction(0))
    total, amounts = rule.rounded_fees(year, population, exact, unit=unit, rounding=rounding)
    # The rule has read these counts, and the year was checked once, by schedule.terms.
    base = year - 1
    weights = {party: population.counts[(party, base)] for party in chosen}
    lines = tuple(
        FeeLine(
            party=party,
            population=weights[party],
            exact=exact[party],
            amount=amounts[party],
            steps=steps.get(party, ()),
            source=population.provenance[(party, base)],
        )
        for party in chosen
    )
    # The distinct sources in party order, as population.sources(base, chosen) gives them.
    sources = tuple(dict.fromkeys(line.source for line in lines if line.source is not None))
    return FeeAssessment(
        year=year,
        rule=rule,
        due_date=due_date,
        lines=lines,
        exact_total=exact_total,
        total=total,
        unit=unit,
        rounding=rounding,
        population_source="; ".join(source.describe("en") for source in sources),
        population_sources=sources,
    )
