"""Financing projects: the committee's budget, the parties concerned, or special contributions.

Source: Samarbetsavtal 2010, § 6 (work paid from the committee's budget must concern the
common matters of all parties; a project that concerns only some of them but is judged
important for the whole may also be paid by the committee; otherwise the parties
concerned pay, outside the budget) and § 7 (common projects that do not fit in the annual
budget are paid by special contributions from the parties, in proportion to population).

Our reading: special contributions follow the same key as § 10, each party's population on
31 December of the year before the committee's decision on the project, among the parties
on the day of that decision; the cost is split with :func:`~sodertorn.allocate`, so the
contributions sum exactly to it. A party in its notice period is still a party and pays
the contributions decided while it is one (nothing is refunded afterwards, § 9). Whether a
project of some parties has "stor betydelse för helheten" (§ 6) is the committee's
judgement, so a committee decision (*judged_by*); the parties that pay for a project of
their own share its cost as they agree, by default by population (:meth:`~sodertorn.agreement.Project.split_cost`).

>>> import datetime
>>> from sodertorn import SEK
>>> from sodertorn.agreement import Financing, Project, special_contributions
>>> Project(name="Charging infrastructure", concerns={"Haninge", "Nynäshamn"}).financing()
<Financing.CONCERNED_PARTIES: 'financed by the parties concerned, outside the budget'>
>>> split = special_contributions(SEK(500_000), decided_on=datetime.date(2024, 5, 2))
>>> split.amounts[split.parties[0]], split.total
(SEK(109365), SEK(500000))
>>> Project(name="Charging infrastructure", concerns=set())
Traceback (most recent call last):
...
sodertorn.GovernanceError: project 'Charging infrastructure' concerns no party; expected at least
one
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from fractions import Fraction
from typing import TYPE_CHECKING, Any, ClassVar

import attrs

from sodertorn.agreement import _checks
from sodertorn.agreement.decisions import Decision
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
    from pathlib import Path

    from sodertorn.parties import Municipality

__all__ = [
    "CONTRIBUTION_COLUMNS",
    "Financing",
    "Project",
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


class Financing(enum.Enum):
    """Who pays for a project (§ 6)."""

    __module__ = "sodertorn.agreement"

    COMMITTEE_BUDGET = message("financed from the committee's budget")
    COMMITTEE_MAY_FINANCE = message("may be financed by the committee")
    CONCERNED_PARTIES = message("financed by the parties concerned, outside the budget")


def _name(value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise GovernanceError(f"project name {value!r} is empty; expected a non-empty str")
    return value.strip()


def _concerns(value: object) -> frozenset[Municipality]:
    return _checks.parties(value, "concerns", GovernanceError)


def _flag(value: object) -> bool:
    if not isinstance(value, bool):
        raise GovernanceError(f"important_for_whole {value!r} is not True or False")
    return value


def _agreement(value: object) -> Agreement:
    if not isinstance(value, Agreement):
        raise GovernanceError(f"agreement {value!r} is not an Agreement")
    return value


def _judgement(value: object) -> Decision | None:
    if value is None:
        return None
    if not isinstance(value, Decision):
        raise GovernanceError(f"judged_by {value!r} is not a Decision of the committee")
    if not value.outcome.adopted:
        raise GovernanceError(
            f"judged_by {value.matter!r} of {value.meeting.date} was not adopted; § 6 needs "
            f"the committee's decision that the project matters for the whole"
        )
    return value


@attrs.frozen(kw_only=True)
class Project:
    """A project and the parties it concerns, to be classified under § 6.

    *important_for_whole* records the committee's judgement that a project concerning
    only some parties is of great importance for the whole of Södertörn; *judged_by* is
    the committee's decision that says so (adopted under § 3), which implies it.

    >>> Project(name="RUFS response", concerns=Agreement().parties).financing()
    <Financing.COMMITTEE_BUDGET: "financed from the committee's budget">
    """

    __module__ = "sodertorn.agreement"

    name: str = attrs.field(converter=_name)
    concerns: frozenset[Municipality] = attrs.field(converter=_concerns)
    important_for_whole: bool = attrs.field(default=False, converter=_flag)
    judged_by: Decision | None = attrs.field(default=None, converter=_judgement, repr=False)

    def __attrs_post_init__(self) -> None:
        if not self.concerns:
            raise GovernanceError(f"project {self.name!r} concerns no party; expected at least one")
        if self.judged_by is not None and not self.important_for_whole:
            object.__setattr__(self, "important_for_whole", True)

    def split_cost(
        self,
        cost: SEK,
        *,
        decided_on: datetime.date,
        shares: Mapping[Municipality | str, int] | None = None,
        population: Population | None = None,
        unit: Unit = Unit.KRONA,
    ) -> SpecialContributions:
        """Split the cost of a project the parties concerned pay themselves (§ 6).

        They share it as they agree (*shares*, whole-number weights per party), by default
        in proportion to their population on 31 December of the year before *decided_on*.

        >>> import datetime
        >>> from sodertorn import SEK
        >>> project = Project(name="Charging", concerns={"Haninge", "Nynäshamn"})
        >>> split = project.split_cost(SEK(100_000), decided_on=datetime.date(2024, 5, 2))
        >>> [(p.name, amount) for p, amount in split.amounts.items()]
        [('Haninge', SEK(76695)), ('Nynäshamn', SEK(23305))]
        """
        day = _checks.check_date(decided_on, "decided_on", GovernanceError)
        weights: dict[Municipality, int] | None = None
        if shares is not None:
            if not isinstance(shares, Mapping):
                raise GovernanceError(
                    f"shares {shares!r} is not a mapping; expected {{party: int}}"
                )
            weights = {}
            for key, weight in shares.items():
                if isinstance(weight, bool) or not isinstance(weight, int) or weight < 0:
                    raise GovernanceError(
                        f"share {weight!r} of {key!r} is not a whole number, 0 or more"
                    )
                weights[_checks.party(key, GovernanceError)] = weight
            if set(weights) != self.concerns:
                raise GovernanceError(
                    f"shares name {_checks.names(weights)}; expected the parties concerned, "
                    f"{_checks.names(self.concerns)}"
                )
        return _split(
            cost,
            day=day,
            parties=tuple(sorted(self.concerns)),
            weights=weights,
            population=population,
            unit=unit,
            project=self.name,
        )

    def financing(
        self, on: datetime.date | None = None, *, agreement: Agreement | None = None
    ) -> Financing:
        """Who pays, among the parties on the date *on* (default: the parties of 2010)."""
        return self._classify(on, agreement)[0]

    def explain(
        self,
        on: datetime.date | None = None,
        *,
        agreement: Agreement | None = None,
        lang: str = "sv",
    ) -> str:
        """Why the project is financed as it is, in Swedish or English."""
        check_language(lang)
        return self._classify(on, agreement)[1].text(lang)

    def _classify(
        self, on: datetime.date | None, agreement: Agreement | None
    ) -> tuple[Financing, Reason]:
        checked = _agreement(Agreement() if agreement is None else agreement)
        parties = frozenset(checked.parties if on is None else checked.parties_on(on))
        outside = self.concerns - parties
        if outside:
            raise GovernanceError(
                f"project {self.name!r} concerns {_checks.names(outside)}, not a party; "
                f"expected parties among {_checks.names(parties)}"
            )
        judged = self.judged_by
        if self.concerns == parties:
            financing = Financing.COMMITTEE_BUDGET
            template = message("{project} concerns all parties: {financing}.")
        elif judged is not None:
            financing = Financing.COMMITTEE_MAY_FINANCE
            template = message(
                "{project} concerns only {who}, but the committee decided on {date} that it is "
                "of great importance for the whole: {financing}."
            )
        elif self.important_for_whole:
            financing = Financing.COMMITTEE_MAY_FINANCE
            template = message(
                "{project} concerns only {who}, but the committee judges it of great importance "
                "for the whole: {financing}."
            )
        else:
            financing = Financing.CONCERNED_PARTIES
            template = message("{project} concerns only {who}: {financing}.")
        return financing, Reason(
            "§ 6",
            template,
            project=self.name,
            who=self.concerns,
            financing=financing,
            date=None if judged is None else judged.meeting.date,
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
        """One row per party in the order of :data:`~sodertorn.agreement.financing.CONTRIBUTION_COLUMNS`."""
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
    amount: object = cost
    if not isinstance(amount, SEK) or amount.ore < 0:
        raise GovernanceError(f"cost {cost!r} is not an amount; expected SEK, 0 or more")
    day = _checks.check_date(decided_on, "decided_on", GovernanceError)
    if not isinstance(unit, Unit):
        raise GovernanceError(f"unit {unit!r} is unknown; expected Unit.KRONA or Unit.ORE")
    if cost.ore % unit.value:
        raise GovernanceError(
            f"cost {cost!r} is not a whole number of {unit.label}; expected unit=Unit.ORE"
        )
    checked = _agreement(Agreement() if agreement is None else agreement)
    return _split(
        cost,
        day=day,
        parties=checked.parties_on(day),
        population=population,
        unit=unit,
        in_notice=frozenset(checked.in_notice_on(day)),
    )


def _split(
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
    amount: object = cost
    if not isinstance(amount, SEK) or amount.ore < 0:
        raise GovernanceError(f"cost {cost!r} is not an amount; expected SEK, 0 or more")
    if not isinstance(unit, Unit):
        raise GovernanceError(f"unit {unit!r} is unknown; expected Unit.KRONA or Unit.ORE")
    if cost.ore % unit.value:
        raise GovernanceError(
            f"cost {cost!r} is not a whole number of {unit.label}; expected unit=Unit.ORE"
        )
    year = day.year - 1
    agreed = weights is not None
    source = ""
    if weights is None:
        register = Population.builtin() if population is None else population
        if not isinstance(register, Population):
            raise GovernanceError(f"population {register!r} is not a Population")
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
