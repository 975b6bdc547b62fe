"""The fees of many fee years: one assessment a year, as one table.

>>> from sodertorn import fee_history
>>> history = fee_history(2010, 2025)
>>> len(history.rows()), history.rule_changes()
(128, (2018,))
>>> history[2017].total, history[2018].total
(SEK(957693), SEK(1954940))
>>> fee_history(2025, 2010)
Traceback (most recent call last):
...
sodertorn.FeeRuleError: first year 2025 is after last year 2010; expected a span such as 2010, 2025
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Any, ClassVar

import attrs

from sodertorn.errors import FeeRuleError, MissingDataError
from sodertorn.fees import explain as _explain
from sodertorn.fees.assessment import FEE_COLUMNS, FeeAssessment, Membership, annual_fees
from sodertorn.fees.rules import check_fee_year
from sodertorn.i18n import check_language, format_money, gettext
from sodertorn.money import SEK, Rounding, Unit
from sodertorn.population import Population
from sodertorn.tabular import Cell, Table, money_cell

if TYPE_CHECKING:
    import os
    from collections.abc import Iterator
    from pathlib import Path

    import pandas

    from sodertorn.fees.schedule import FeeSchedule
    from sodertorn.parties import Municipality

__all__ = ["FeeHistory", "fee_history"]


def _assessments(value: object) -> tuple[FeeAssessment, ...]:
    items = tuple(value) if isinstance(value, (tuple, list)) else None
    if not items or not all(isinstance(a, FeeAssessment) for a in items):
        raise FeeRuleError(f"assessments {value!r} must be one or more FeeAssessment")
    for earlier, later in itertools.pairwise(items):
        if later.year != earlier.year + 1:
            raise FeeRuleError(
                f"assessments of {earlier.year} and {later.year} are not consecutive fee "
                f"years; expected one assessment a year, in order"
            )
    return items


@attrs.frozen
class FeeHistory:
    """The fees of consecutive fee years, each with its own rule (§ 8 and later decisions).

    Made by :func:`fee_history`. Iterating gives the yearly :class:`FeeAssessment`;
    ``history[2017]`` the one of 2017; :meth:`rows` one row per year and party.
    """

    __module__ = "sodertorn"

    columns: ClassVar[tuple[str, ...]] = FEE_COLUMNS

    assessments: tuple[FeeAssessment, ...] = attrs.field(converter=_assessments)

    @property
    def first_year(self) -> int:
        """The first fee year."""
        return self.assessments[0].year

    @property
    def last_year(self) -> int:
        """The last fee year."""
        return self.assessments[-1].year

    @property
    def years(self) -> tuple[int, ...]:
        """The fee years, ascending."""
        return tuple(a.year for a in self.assessments)

    @property
    def totals(self) -> dict[int, SEK]:
        """The total fee of each year."""
        return {a.year: a.total for a in self.assessments}

    @property
    def parties(self) -> tuple[Municipality, ...]:
        """Every party that paid in some year, in code order."""
        return tuple(sorted({p for a in self.assessments for p in a.parties}))

    def __len__(self) -> int:
        return len(self.assessments)

    def __iter__(self) -> Iterator[FeeAssessment]:
        return iter(self.assessments)

    def __getitem__(self, year: int) -> FeeAssessment:
        for assessment in self.assessments:
            if assessment.year == year:
                return assessment
        raise MissingDataError(
            f"no fee year {year!r} in the history; it has {self.first_year}-{self.last_year}"
        )

    def rule_changes(self) -> tuple[int, ...]:
        """The fee years within the history in which a new rule takes over."""
        return tuple(
            later.year
            for earlier, later in itertools.pairwise(self.assessments)
            if later.rule != earlier.rule
        )

    def rows(self) -> list[tuple[Cell, ...]]:
        """One row per year and party, in the order of :data:`~sodertorn.fees.FEE_COLUMNS`."""
        return [row for assessment in self.assessments for row in assessment.rows()]

    def to_records(self) -> list[dict[str, Cell]]:
        """The rows as dictionaries keyed by column name (for users without pandas)."""
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows()]

    def to_table(self, *, lang: str = "sv") -> Table:
        """The rows as a :class:`~sodertorn.tabular.Table`, with its title and notes in *lang*."""
        check_language(lang)
        notes: list[tuple[str, str]] = []
        spans = self._rule_spans()
        for index, start in enumerate(spans):
            end = spans[index + 1].year - 1 if index + 1 < len(spans) else self.last_year
            label = gettext("Rule {first}-{last}", lang).format(first=start.year, last=end)
            notes.append((label, f"{start.rule.describe(lang)} ({start.rule.source})"))
        source = self.assessments[-1].population_source
        if source:
            notes.append(
                (
                    gettext("Population source", lang),
                    _explain.population_source_text(
                        source, lang, _explain._sources(self.assessments[-1])
                    ),
                )
            )
        return Table(
            columns=self.columns,
            rows=self.rows(),
            title=gettext("Fees {first}-{last}", lang).format(
                first=self.first_year, last=self.last_year
            ),
            money=frozenset({"amount"}),
            notes=tuple(notes),
        )

    def _rule_spans(self) -> list[FeeAssessment]:
        firsts = {self.first_year, *self.rule_changes()}
        return [a for a in self.assessments if a.year in firsts]

    def to_pandas(self) -> pandas.DataFrame:
        """The rows as a :class:`pandas.DataFrame` (``pip install 'sodertorn[pandas]'``)."""
        return self.to_table().to_pandas()

    def to_excel(self, path: str | os.PathLike[str], *, lang: str = "sv") -> Path:
        """Write the history to an Excel workbook (``pip install 'sodertorn[excel]'``).

        One row per year and party with a total row; the second sheet names each rule,
        its paragraph or decision, and the population's source.
        """
        return self.to_table(lang=lang).to_excel(
            path, lang=lang, explanation=self.explain(lang=lang).splitlines()
        )

    def to_dict(self, *, trace: bool = False) -> dict[str, Any]:
        """Plain JSON-ready data: each year's :meth:`FeeAssessment.to_dict`."""
        return {
            "first_year": self.first_year,
            "last_year": self.last_year,
            "years": [a.to_dict(trace=trace) for a in self.assessments],
        }

    def explain(self, *, lang: str = "sv") -> str:
        """Which rule set the fees of which years, and each year's total."""
        check_language(lang)
        lines = [
            gettext("Fees {first}-{last}", lang).format(first=self.first_year, last=self.last_year)
        ]
        spans = self._rule_spans()
        for index, start in enumerate(spans):
            end = spans[index + 1].year - 1 if index + 1 < len(spans) else self.last_year
            lines.append(
                gettext("{first}-{last}: {rule} ({source}).", lang).format(
                    first=start.year,
                    last=end,
                    rule=start.rule.describe(lang),
                    source=start.rule.source,
                )
            )
        for assessment in self.assessments:
            lines.append(
                gettext("{year}: total {total}.", lang).format(
                    year=assessment.year, total=format_money(assessment.total, lang)
                )
            )
        return "\n".join(lines)

    def matrix(self, *, lang: str = "sv") -> Table:
        """A year × party table: one row per year, one column per party, and the total."""
        check_language(lang)
        parties = self.parties
        total = gettext("Total", lang)
        rows = [
            (
                assessment.year,
                *(
                    money_cell(assessment.amounts[p]) if p in assessment.amounts else None
                    for p in parties
                ),
                money_cell(assessment.total),
            )
            for assessment in self.assessments
        ]
        return Table(
            columns=("year", *(p.name for p in parties), total),
            rows=rows,
            title=gettext("Fees {first}-{last}", lang).format(
                first=self.first_year, last=self.last_year
            ),
            money=frozenset({*(p.name for p in parties), total}),
            text=frozenset(),
        )

    def table(self, *, lang: str = "sv") -> str:
        """A plain-text table for a terminal: one row per year, one column per party.

        Under it, which rule set the fees of which years, with its paragraph or decision.
        """
        rules = self.explain(lang=lang).splitlines()[1 : 1 + len(self._rule_spans())]
        return "\n".join([self.matrix(lang=lang).to_text(lang), "", *rules])

    def html(self, *, lang: str = "sv") -> str:
        """The year × party table as HTML with headers in *lang*."""
        return self.matrix(lang=lang).html(lang)

    def view(self, *, lang: str = "sv") -> _explain.View:
        """The history for a notebook in *lang*: shows as an HTML table, prints as text."""
        return _explain.View(html=self.html(lang=lang), text=self.table(lang=lang))

    def _repr_html_(self) -> str:
        return self.html(lang="sv")


def fee_history(
    first_year: int,
    last_year: int,
    *,
    population: Population | None = None,
    schedule: FeeSchedule | None = None,
    agreement: Membership | None = None,
    unit: Unit = Unit.KRONA,
    rounding: Rounding = Rounding.HALF_UP,
) -> FeeHistory:
    """Assess every fee year from *first_year* to *last_year*, each by its own rule.

    The arguments are those of :func:`annual_fees`; with *agreement*, each year is
    charged to the parties of 1 January of that year (§§ 2, 8, 9).
    """
    first, last = check_fee_year(first_year), check_fee_year(last_year)
    if first > last:
        raise FeeRuleError(
            f"first year {first} is after last year {last}; expected a span such as 2010, 2025"
        )
    register = Population.builtin() if population is None else population
    return FeeHistory(
        [
            annual_fees(
                year, register, schedule=schedule, agreement=agreement, unit=unit, rounding=rounding
            )
            for year in range(first, last + 1)
        ]
    )
