"""Financing projects: the committee's budget, the parties concerned, or special contributions.

Source: Samarbetsavtal 2010, § 6 (work paid from the committee's budget must concern the
common matters of all parties; a project that concerns only some of them but is judged
important for the whole may also be paid by the committee; otherwise the parties
concerned pay, outside the budget). The special contributions of § 7 are in
:mod:`sodertorn.agreement.contributions`, whose names this module re-exports.

Our reading: whether a project of some parties has "stor betydelse för helheten" (§ 6) is
the committee's judgement, so a committee decision (*judged_by*); the parties that pay
for a project of their own share its cost as they agree, by default by population
(:meth:`~sodertorn.agreement.Project.split_cost`), with the key of § 7.

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
from typing import TYPE_CHECKING

import attrs

from sodertorn import _checks as _shared
from sodertorn.agreement import _checks
from sodertorn.agreement.contributions import (
    CONTRIBUTION_COLUMNS,
    SpecialContributions,
    check_agreement,
    check_cost,
    special_contributions,
    split_among,
)
from sodertorn.agreement.decisions import Decision
from sodertorn.agreement.membership import Agreement
from sodertorn.errors import GovernanceError
from sodertorn.i18n import check_language
from sodertorn.money import SEK, Unit
from sodertorn.reasons import Reason, message

if TYPE_CHECKING:
    import datetime

    from sodertorn.parties import Municipality
    from sodertorn.population import Population

__all__ = [
    "CONTRIBUTION_COLUMNS",
    "Financing",
    "Project",
    "SpecialContributions",
    "special_contributions",
]


class Financing(enum.Enum):
    """Who pays for a project (§ 6)."""

    __module__ = "sodertorn.agreement"

    COMMITTEE_BUDGET = message("financed from the committee's budget")
    COMMITTEE_MAY_FINANCE = message("may be financed by the committee")
    CONCERNED_PARTIES = message("financed by the parties concerned, outside the budget")


_SHARE = _shared.whole(GovernanceError, low=0).worded(
    "share {value} of {name} is not {what}; expected {expected}"
)


def _name(value: object) -> str:
    return _checks.check_text(value, "project name", GovernanceError, "the project's name")


def _concerns(value: object) -> frozenset[Municipality]:
    return _checks.parties(value, "concerns", GovernanceError)


def _flag(value: object) -> bool:
    if not isinstance(value, bool):
        raise GovernanceError(f"important_for_whole {value!r} is not True or False")
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
        check_cost(cost, unit)
        day = _checks.check_date(decided_on, "decided_on", GovernanceError)
        weights: dict[Municipality, int] | None = None
        if shares is not None:
            if not isinstance(shares, Mapping):
                raise GovernanceError(
                    f"shares {shares!r} is not a mapping; expected {{party: int}}"
                )
            weights = {}
            for key, weight in shares.items():
                _SHARE.check(weight, _shared.shown(key))
                weights[_checks.party(key, GovernanceError)] = weight
            if set(weights) != self.concerns:
                raise GovernanceError(
                    f"shares name {_checks.names(weights)}; expected the parties concerned, "
                    f"{_checks.names(self.concerns)}"
                )
        return split_among(
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
        checked = check_agreement(Agreement() if agreement is None else agreement)
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
