"""Special contributions: a common project outside the budget, split by population (§ 7).

Source: Samarbetsavtal 2010, § 7 (common projects that do not fit in the annual budget
are paid by special contributions from the parties, in proportion to population).

Our reading: the key is each party's population on 31 December of the year before the
committee's decision on the project, among the parties on the day of that decision; the
cost is split with :func:`~sodertorn.allocate`, so the contributions sum exactly to it. A
party in its notice period is still a party and pays the contributions decided while it
is one (nothing is refunded afterwards, § 9). The parties that pay for a project of their
own (§ 6, :meth:`~sodertorn.agreement.Project.split_cost`) get the same result.

>>> import datetime
>>> from sodertorn import SEK
>>> split = special_contributions(SEK(500_000), decided_on=datetime.date(2024, 5, 2))
>>> split.amounts[split.parties[0]], split.total
(SEK(109365), SEK(500000))
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING, Any, ClassVar

import attrs
from attrs import validators

from sodertorn import _checks as _shared
from sodertorn.agreement import _checks
from sodertorn.agreement.membership import Agreement
from sodertorn.allocation import allocate, remainder_trace
from sodertorn.errors import GovernanceError
from sodertorn.i18n import check_language, gettext
from sodertorn.money import SEK, Unit
from sodertorn.population import Population, reference_date
from sodertorn.reasons import Reason, message, plural
from sodertorn.tabular import Cell, Table, Tabulated, money_cell

if TYPE_CHECKING:
    import datetime
    import os
    from collections.abc import Mapping
    from pathlib import Path

    from sodertorn.parties import Municipality

__all__ = [
    "CONTRIBUTION_COLUMNS",
    "SpecialContributions",
    "special_contributions",
]


CONTRIBUTION_COLUMNS: tuple[str, ...] = (
    "code",
    "name",
    "population",
    "population_date",
    "amount",
    "decided_on",
)
"""The columns of :meth:`~sodertorn.agreement.SpecialContributions.rows`: the SCB code (text), the name, the
population (an integer) on ``population_date``, the contribution (``int`` kronor, or
``Decimal`` with öre) and the day the committee decided the project."""


_AGREEMENT = _shared.is_a(Agreement, GovernanceError, expected="an Agreement such as Agreement()")
_COST: _shared.Check[SEK] = _shared.Check(
    validators.and_(validators.instance_of(SEK), validators.ge(SEK(0))),
    GovernanceError,
    "an amount",
    "SEK, 0 or more",
)
_UNIT = _shared.member(Unit, GovernanceError)
_POPULATION = _shared.is_a(Population, GovernanceError, expected="a Population or None")


def check_agreement(value: object) -> Agreement:
    """*value* if it is an :class:`~sodertorn.Agreement`, else :class:`~sodertorn.GovernanceError`."""
    return _AGREEMENT.check(value, "agreement")


def check_cost(cost: object, unit: object) -> None:
    """*cost* and *unit*, checked once where they enter: a cost the unit can split."""
    amount = _COST.check(cost, "cost")
    whole = _UNIT.check(unit, "unit")
    if amount.ore % whole.value:
        raise GovernanceError(
            f"cost {amount!r} is not a whole number of {whole.label}; expected unit=Unit.ORE"
        )


@attrs.frozen(kw_only=True)
class SpecialContributions(Tabulated):
    """The parties' special contributions to a common project outside the budget (§ 7)."""

    __module__ = "sodertorn.agreement"

    columns: ClassVar[tuple[str, ...]] = CONTRIBUTION_COLUMNS

    cost: SEK
    decided_on: datetime.date
    population_year: int
    weights: Mapping[Municipality, int] = attrs.field(eq=False)
    amounts: Mapping[Municipality, SEK] = attrs.field(eq=False)
    in_notice: frozenset[Municipality] = frozenset()
    """Contributing parties in their notice period on the day of the decision."""
    project: str | None = None
    """For a project the parties concerned pay themselves (§ 6): its name."""
    agreed: bool = False
    """Whether the parties concerned agreed their own shares instead of the population key."""
    unit: Unit = Unit.KRONA
    population_source: str = ""

    def __attrs_post_init__(self) -> None:
        if SEK.total(self.amounts.values()) != self.cost:
            raise GovernanceError(
                f"contributions {dict(self.amounts)!r} do not sum to {self.cost!r}; "
                f"expected the cost conserved"
            )

    @property
    def parties(self) -> tuple[Municipality, ...]:
        """The contributing parties, in code order."""
        return tuple(sorted(self.amounts))

    @property
    def total(self) -> SEK:
        """The sum of the contributions: always the cost."""
        return SEK.total(self.amounts.values())

    def reasons(self) -> tuple[Reason, ...]:
        """The rule, and the parties in their notice period, each with its paragraph."""
        if self.project is None:
            head = Reason(
                "§ 7",
                message(
                    "A special contribution of {cost} (decided on {date}) is split in "
                    "proportion to the number of inhabitants on 31 December {year} by the "
                    "largest remainder method, so that the parts sum exactly to the cost."
                ),
                cost=self.cost,
                date=self.decided_on,
                year=self.population_year,
            )
        elif self.agreed:
            head = Reason(
                "§ 6",
                message(
                    "The parties concerned pay {project} themselves, outside the committee's "
                    "budget: {cost} (decided on {date}) is split in the shares they agreed by "
                    "the largest remainder method, so that the parts sum exactly to the cost."
                ),
                project=self.project,
                cost=self.cost,
                date=self.decided_on,
            )
        else:
            head = Reason(
                "§ 6",
                message(
                    "The parties concerned pay {project} themselves, outside the committee's "
                    "budget: {cost} (decided on {date}) is split in proportion to the number "
                    "of inhabitants on 31 December {year} by the largest remainder method, so "
                    "that the parts sum exactly to the cost."
                ),
                project=self.project,
                cost=self.cost,
                date=self.decided_on,
                year=self.population_year,
            )
        if not self.in_notice:
            return (head,)
        return (
            head,
            Reason(
                "§ 9",
                plural(
                    "{who} is in its notice period but still a party, so it pays; nothing is "
                    "refunded when it leaves.",
                    "{who} are in their notice period but still parties, so they pay; nothing "
                    "is refunded when they leave.",
                ),
                who=self.in_notice,
                count=len(self.in_notice),
            ),
        )

    @property
    def population_date(self) -> datetime.date:
        """The day the populations count: 31 December of the year before the decision."""
        return reference_date(self.population_year)

    def rows(self) -> list[tuple[Cell, ...]]:
        """One row per party in the order of :data:`~sodertorn.agreement.contributions.CONTRIBUTION_COLUMNS`."""
        return [
            (
                party.code,
                party.name,
                self.weights[party],
                self.population_date,
                money_cell(self.amounts[party]),
                self.decided_on,
            )
            for party in self.parties
        ]

    def to_table(self, *, lang: str = "sv") -> Table:
        """The rows as a :class:`~sodertorn.tabular.Table` with notes in *lang*."""
        check_language(lang)
        from sodertorn.i18n import format_date  # noqa: PLC0415 - Babel

        notes = [
            (
                gettext("Source", lang),
                "Samarbetsavtal 2010, § 6"
                if self.project is not None
                else "Samarbetsavtal 2010, § 7",
            ),
            (gettext("Population on", lang), format_date(self.population_date, lang)),
            (gettext("Population source", lang), gettext(self.population_source, lang)),
        ]
        return Table(
            columns=self.columns,
            rows=self.rows(),
            title=gettext("Special contributions", lang),
            money=frozenset({"amount"}),
            notes=tuple((label, text) for label, text in notes if text),
        )

    def to_excel(self, path: str | os.PathLike[str], *, lang: str = "sv") -> Path:
        """Write the contributions to an Excel workbook (``pip install 'sodertorn[excel]'``)."""
        return self.to_table(lang=lang).to_excel(
            path, lang=lang, explanation=self.explain(lang).splitlines()
        )

    def to_dict(self, *, trace: bool = False) -> dict[str, Any]:
        """Plain JSON-ready data: amounts as exact decimal strings, ISO dates.

        With *trace*, the derivation as data: the rule, the key's populations with their
        date and source, and for each party its exact share, whole units, remainder and
        the largest-remainder adjustment.
        """
        data: dict[str, Any] = {
            "cost": str(self.cost.amount),
            "decided_on": self.decided_on.isoformat(),
            "population_date": self.population_date.isoformat(),
            "population_source": self.population_source,
            "unit": self.unit.label,
            "total": str(self.total.amount),
            "contributions": [
                {
                    "code": party.code,
                    "name": party.name,
                    "population": self.weights[party],
                    "amount": str(self.amounts[party].amount),
                }
                for party in self.parties
            ],
        }
        if trace:
            key = sum(self.weights.values())
            exact = {
                party: self.cost.exact * Fraction(self.weights[party], key)
                for party in self.parties
            }
            steps = remainder_trace(exact, self.amounts, unit=self.unit)
            data["trace"] = {
                "rule": {
                    "source": "Samarbetsavtal 2010, § 6"
                    if self.project is not None
                    else "Samarbetsavtal 2010, § 7",
                    "key": "the shares the parties concerned agreed"
                    if self.agreed
                    else "population on 31 December of the year before the decision",
                },
                "population": {
                    "date": self.population_date.isoformat(),
                    "source": self.population_source,
                    "total": key,
                },
                "allocation": {
                    "method": "largest remainder",
                    "ties": "lowest municipality code",
                    "unit": self.unit.label,
                },
                "parties": [
                    {
                        "code": party.code,
                        "name": party.name,
                        "population": self.weights[party],
                        "share": f"{self.weights[party]}/{key}",
                        **steps[party],
                        "amount": str(self.amounts[party].amount),
                    }
                    for party in self.parties
                ],
            }
        return data

    def explain(self, lang: str = "sv") -> str:
        """Explain the rule and each party's contribution, in Swedish or English."""
        check_language(lang)
        from sodertorn.i18n import format_money, format_number  # noqa: PLC0415 - Babel

        return "\n".join(
            [reason.text(lang) for reason in self.reasons()]
            + [
                f"  {party.name} ({format_number(self.weights[party], lang)}): "
                f"{format_money(self.amounts[party], lang)}"
                for party in self.parties
            ]
        )


def special_contributions(
    cost: SEK,
    *,
    decided_on: datetime.date,
    agreement: Agreement | None = None,
    population: Population | None = None,
    unit: Unit = Unit.KRONA,
) -> SpecialContributions:
    """Split a special project's *cost* between the parties by population (§ 7).

    The parties are those on *decided_on* (the committee's decision on the project); the
    key is their population on 31 December of the year before.
    """
    check_cost(cost, unit)
    day = _checks.check_date(decided_on, "decided_on", GovernanceError)
    checked = check_agreement(Agreement() if agreement is None else agreement)
    return split_among(
        cost,
        day=day,
        parties=checked.parties_on(day),
        population=population,
        unit=unit,
        in_notice=frozenset(checked.in_notice_on(day)),
    )


def split_among(
    cost: SEK,
    *,
    day: datetime.date,
    parties: tuple[Municipality, ...],
    weights: dict[Municipality, int] | None = None,
    population: Population | None,
    unit: Unit,
    in_notice: frozenset[Municipality] = frozenset(),
    project: str | None = None,
) -> SpecialContributions:
    """Split *cost* (its cost and unit checked by the caller, :func:`check_cost`)."""
    year = day.year - 1
    agreed = weights is not None
    source = ""
    if weights is None:
        register = (
            Population.builtin()
            if population is None
            else _POPULATION.check(population, "population")
        )
        weights = register.at(year, parties)
        source = register.source
    return SpecialContributions(
        cost=cost,
        decided_on=day,
        population_year=year,
        weights=weights,
        amounts=allocate(cost, weights, unit=unit),
        in_notice=in_notice,
        project=project,
        agreed=agreed,
        unit=unit,
        population_source=source,
    )
