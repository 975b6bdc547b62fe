"""Annual activity plans (verksamhetsplaner): activities, budget, calendar, offices, hosts.

The committee adopts an activity plan and a budget each year (Samarbetsavtal 2010, § 4);
the plan turns the programme in force into activities, each serving a goal and carried
out by the goal's network, sometimes through a working group of a few parties. The plan
also states the year's budget, the calendar of the committee's and the management
group's meetings, who holds the offices, and which parties host the conferences.

>>> from sodertorn import load_plan, SEK
>>> plan = load_plan(2024)
>>> plan.budget.balance, plan.budget.total_revenue
(SEK(0), SEK(2083296))
>>> [party.name for party in plan.hosts("Rådslaget", 2025)]
Traceback (most recent call last):
...
sodertorn.MissingDataError: the 2024 plan records no hosts for 'Rådslaget'; ...

Host rotations are in the 2019 plan; :func:`~sodertorn.conference_hosts` searches every
plan. Sources: Verksamhetsplan 2019 (§§ 6–8, bilaga 1); Verksamhetsplan och budget 2024
(§§ 2, 4–6).
"""

from __future__ import annotations

import datetime
import enum
import unicodedata
from typing import TYPE_CHECKING, Any

import attrs

from sodertorn.agreement.meetings import Meeting, MeetingCalendar, MeetingKind
from sodertorn.agreement.terms import IN_FORCE_FROM
from sodertorn.errors import MissingDataError, PlanError
from sodertorn.fees import FeeAssessment, PerCapitaRule, annual_fees
from sodertorn.i18n import check_language, format_date, format_money, format_number, gettext
from sodertorn.money import SEK
from sodertorn.parties import Municipality
from sodertorn.population import reference_date
from sodertorn.programme.model import Node, NodeKind, Programme, Text, check_id
from sodertorn.programme.report import YearReport, report

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sodertorn.programme.followup import FollowUp
    from sodertorn.programme.indicators import Indicators

__all__ = [
    "Activity",
    "Budget",
    "BudgetLine",
    "CalendarEntry",
    "CalendarKind",
    "CollaborationBody",
    "Conference",
    "Continuation",
    "Hosting",
    "Office",
    "OfficeRole",
    "Plan",
    "RevenueCheck",
    "check_conference_name",
    "check_plan",
    "check_year",
]


def _plan_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    if isinstance(value, (str, bytes)) or not hasattr(value, "__iter__"):
        raise PlanError(f"expected a sequence, got {value!r}")
    return tuple(value)


def _is(kind: type | tuple[type, ...], what: str, *, optional: bool = False) -> Any:
    def check(_: object, __: attrs.Attribute[Any], value: object) -> None:
        if optional and value is None:
            return
        if (
            isinstance(value, bool)
            or not isinstance(value, kind)
            or (isinstance(value, datetime.datetime))
        ):
            names = (
                kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
            )
            raise PlanError(
                f"invalid {what} {value!r}; expected a {names}" + (" or None" if optional else "")
            )

    return check


def _each(kind: type, what: str) -> Any:
    def check(_: object, __: attrs.Attribute[Any], values: tuple[Any, ...]) -> None:
        for value in values:
            if not isinstance(value, kind):
                raise PlanError(f"invalid {what} {value!r}; expected a {kind.__name__}")

    return check


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    return "".join(c for c in decomposed if c.isalnum())


def check_conference_name(value: object) -> str:
    """Return *value* if it can name a conference, else raise :class:`~sodertorn.PlanError`."""
    if not (isinstance(value, str) and value.strip()):
        raise PlanError(f"invalid conference name {value!r}; expected a name such as 'Rådslaget'")
    return value


def check_year(value: object) -> int:
    """Return *value* if it is a calendar year, else raise :class:`~sodertorn.PlanError`."""
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 9999:
        raise PlanError(f"invalid year {value!r}; expected a year such as 2025")
    return value


class CollaborationBody(enum.Enum):
    """The two standing bodies of the collaboration (DOMAIN.md § 4)."""

    __module__ = "sodertorn"

    COMMITTEE = "committee"
    """Samarbetskommittén: the eight executive-board chairs."""
    MANAGEMENT_GROUP = "management-group"
    """Ledningsgruppen: the eight municipal directors."""

    @property
    def label(self) -> str:
        """The English name, a msgid for :func:`sodertorn.i18n.gettext`."""
        return "Committee" if self is CollaborationBody.COMMITTEE else "Management group"


class CalendarKind(enum.Enum):
    """What a calendar entry is."""

    __module__ = "sodertorn"

    MEETING = "meeting"
    PLANNING_CONFERENCE = "planning-conference"


class OfficeRole(enum.Enum):
    """An office held for a year."""

    __module__ = "sodertorn"

    CHAIR = "chair"
    VICE_CHAIR = "vice-chair"


@attrs.frozen(kw_only=True)
class Continuation:
    """The earlier year, and if known the activity of that year, that an activity continues.

    SUP 2040 plans a year at a time, and a plan may take up work begun in an earlier one
    (Verksamhetsplan och budget 2024, § 2: work on the new RUFS continues from 2023); a
    follow-up's :meth:`~sodertorn.FollowUp.carried_over` lists what the next plan may take up.

    >>> Continuation(year=2024, activity="rufs-presentation").activity
    'rufs-presentation'
    >>> Continuation(year="2023")
    Traceback (most recent call last):
    ...
    sodertorn.PlanError: invalid continued year '2023'; expected a year such as 2025
    """

    __module__ = "sodertorn"

    year: int = attrs.field()
    activity: str | None = attrs.field(default=None)

    @year.validator
    def _check_year(self, _: attrs.Attribute[int], value: object) -> None:
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 9999:
            raise PlanError(f"invalid continued year {value!r}; expected a year such as 2025")

    @activity.validator
    def _check_activity(self, _: attrs.Attribute[str | None], value: object) -> None:
        if value is not None:
            check_id(value, "continued activity id", error=PlanError)


@attrs.frozen(kw_only=True)
class Activity:
    """An activity of the year, serving one goal of the plan's programme.

    *goal* is a node id of the programme (or a sub-goal the plan adds); *network* the
    responsible network; *working_group* the parties that carry the work, if named;
    *continues* the earlier year's activity this one carries on, if the plan says so.

    >>> Activity(id="a", goal="klimat", text=Text("Bevaka elförsörjningen")).working_group
    ()
    >>> Activity(id="a", goal="klimat", text="Bevaka")
    Traceback (most recent call last):
    ...
    sodertorn.PlanError: invalid activity text 'Bevaka'; expected a Text
    """

    __module__ = "sodertorn"

    id: str = attrs.field()
    goal: str = attrs.field()
    text: Text = attrs.field(validator=_is(Text, "activity text"))
    network: str | None = attrs.field(default=None)
    working_group: tuple[Municipality, ...] = attrs.field(
        default=(), converter=_plan_tuple, validator=_each(Municipality, "working-group party")
    )
    when: str | None = attrs.field(default=None, validator=_is(str, "timing", optional=True))
    cost: SEK | None = attrs.field(default=None, validator=_is(SEK, "cost", optional=True))
    continues: Continuation | None = attrs.field(
        default=None, validator=_is(Continuation, "continuation", optional=True)
    )

    @id.validator
    def _check_id(self, _: attrs.Attribute[str], value: object) -> None:
        check_id(value, "activity id", error=PlanError)

    @goal.validator
    def _check_goal(self, _: attrs.Attribute[str], value: object) -> None:
        check_id(value, "goal id", error=PlanError)

    @network.validator
    def _check_network(self, _: attrs.Attribute[str | None], value: object) -> None:
        if value is not None:
            check_id(value, "network id", error=PlanError)


@attrs.frozen(kw_only=True)
class BudgetLine:
    """One line of revenue or cost, as the plan states it; *approximate* for "ca".

    >>> BudgetLine(label=Text("Möten"), amount=SEK(100000), approximate=True).amount
    SEK(100000)
    >>> BudgetLine(label=Text("Möten"), amount=100000)
    Traceback (most recent call last):
    ...
    sodertorn.PlanError: invalid budget amount 100000; expected a SEK
    """

    __module__ = "sodertorn"

    label: Text = attrs.field(validator=_is(Text, "budget label"))
    amount: SEK = attrs.field(validator=_is(SEK, "budget amount"))
    approximate: bool = attrs.field(default=False)

    @approximate.validator
    def _check_approximate(self, _: attrs.Attribute[bool], value: object) -> None:
        if not isinstance(value, bool):
            raise PlanError(f"invalid approximate flag {value!r}; expected True or False")


@attrs.frozen(kw_only=True)
class Budget:
    """The year's budget: revenue and cost lines as stated, and the fee basis.

    *rate* is the fee per inhabitant and *population* the count it is applied to, when
    the plan gives them (2024: 4 kr × 520 824 on 31 Dec 2023). The fee rule itself lives
    with the agreement's rules (§ 8); :meth:`revenue_difference` checks the stated revenue
    against a total computed there.

    Source: Verksamhetsplan 2019, § 8; Verksamhetsplan och budget 2024, § 6.

    >>> from sodertorn import load_plan
    >>> budget = load_plan(2024).budget
    >>> budget.is_balanced, budget.basis_total
    (True, SEK(2083296))
    >>> budget.revenue_difference(SEK(2083300))
    SEK(-4)
    >>> budget.revenue_difference(2083296)
    Traceback (most recent call last):
    ...
    sodertorn.PlanError: invalid expected revenue 2083296; expected a SEK
    """

    __module__ = "sodertorn"

    revenue: tuple[BudgetLine, ...] = attrs.field(
        converter=_plan_tuple, validator=_each(BudgetLine, "revenue line")
    )
    costs: tuple[BudgetLine, ...] = attrs.field(
        converter=_plan_tuple, validator=_each(BudgetLine, "cost line")
    )
    rate: SEK | None = attrs.field(default=None, validator=_is(SEK, "rate", optional=True))
    population: int | None = attrs.field(default=None)
    population_date: datetime.date | None = attrs.field(
        default=None, validator=_is(datetime.date, "population date", optional=True)
    )
    note: str | None = attrs.field(default=None, validator=_is(str, "budget note", optional=True))

    @population.validator
    def _check_population(self, _: attrs.Attribute[int | None], value: object) -> None:
        if value is not None and (
            isinstance(value, bool) or not isinstance(value, int) or value < 0
        ):
            raise PlanError(f"invalid population {value!r}; expected a whole number, 0 or more")

    @property
    def total_revenue(self) -> SEK:
        """The sum of the revenue lines."""
        return SEK.total(line.amount for line in self.revenue)

    @property
    def total_costs(self) -> SEK:
        """The sum of the cost lines."""
        return SEK.total(line.amount for line in self.costs)

    @property
    def balance(self) -> SEK:
        """Revenue minus costs: positive is a surplus, negative a deficit."""
        return self.total_revenue - self.total_costs

    @property
    def is_balanced(self) -> bool:
        """Whether revenue and costs are equal to the öre."""
        return self.balance == SEK(0)

    @property
    def basis_total(self) -> SEK | None:
        """Rate × population, if the plan states both; else ``None``."""
        if self.rate is None or self.population is None:
            return None
        return self.rate * self.population

    def revenue_difference(self, expected: SEK) -> SEK:
        """Stated revenue minus *expected* (e.g. the fee total computed by the § 8 rules)."""
        if not isinstance(expected, SEK):
            raise PlanError(f"invalid expected revenue {expected!r}; expected a SEK")
        return self.total_revenue - expected

    def check_revenue(self, assessment: FeeAssessment) -> RevenueCheck:
        """Compare the stated revenue with the fees of *assessment* (Samarbetsavtal 2010, § 8).

        The result holds both totals and their difference and, where the budget gives a
        rate and the assessment charges that rate per inhabitant, the population each
        side counts: the budget's own figure, or its revenue divided by the rate when
        that is a whole number. It explains itself (:meth:`RevenueCheck.explain`).

        >>> from sodertorn import annual_fees, load_plan
        >>> check = load_plan(2019).budget.check_revenue(annual_fees(2019))
        >>> check.stated, check.assessed, check.difference
        (SEK(1977400), SEK(1984804), SEK(-7404))
        >>> check.counted, check.assessed_population, check.population_difference
        (494350, 496201, -1851)
        >>> load_plan(2019).budget.check_revenue(2019)
        Traceback (most recent call last):
        ...
        sodertorn.PlanError: invalid assessment 2019; expected a FeeAssessment (see annual_fees)
        """
        if not isinstance(assessment, FeeAssessment):
            raise PlanError(
                f"invalid assessment {assessment!r}; expected a FeeAssessment (see annual_fees)"
            )
        comparable = (
            self.rate is not None
            and isinstance(assessment.rule, PerCapitaRule)
            and assessment.rule.rate == self.rate
        )
        counted: int | None = None
        if comparable and self.rate is not None:
            if self.population is not None:
                counted = self.population
            else:
                ratio = self.total_revenue / self.rate
                counted = ratio.numerator if ratio.denominator == 1 else None
        return RevenueCheck(
            year=assessment.year,
            stated=self.total_revenue,
            approximate=any(line.approximate for line in self.revenue),
            assessed=assessment.total,
            rate=self.rate if comparable else None,
            counted=counted,
            assessed_population=sum(line.population for line in assessment.lines),
            note=self.note,
        )


@attrs.frozen(kw_only=True)
class RevenueCheck:
    """A budget's stated revenue beside the fees assessed for its year (§ 8).

    *stated* is the budget's revenue (*approximate* if the plan says "ca"), *assessed*
    the assessment's total. *rate*, *counted* and *assessed_population* are there when
    both sides charge the same rate per inhabitant: *counted* is the population the
    stated revenue pays for (``None`` if the budget does not say and the revenue is not
    a whole multiple of the rate), *assessed_population* the count the fees use, on 31
    December of the year before. *note* is the budget's own note, which often says why.

    Made by :meth:`Budget.check_revenue` and :meth:`Plan.revenue_check`.
    """

    __module__ = "sodertorn"

    year: int
    stated: SEK
    approximate: bool
    assessed: SEK
    rate: SEK | None = None
    counted: int | None = None
    assessed_population: int | None = None
    note: str | None = None

    @property
    def difference(self) -> SEK:
        """Stated minus assessed: negative when the budget expects less than the fees bring."""
        return self.stated - self.assessed

    @property
    def matches(self) -> bool:
        """Whether the stated revenue equals the assessed fees to the öre."""
        return self.difference == SEK(0)

    @property
    def population_difference(self) -> int | None:
        """*counted* minus *assessed_population*, when both are known."""
        if self.counted is None or self.assessed_population is None:
            return None
        return self.counted - self.assessed_population

    @property
    def population_date(self) -> datetime.date:
        """The day the assessed population refers to: 31 December before the fee year."""
        return reference_date(self.year - 1)

    def explain(self, lang: str = "sv") -> str:
        """The comparison in words, in Swedish or English.

        >>> from sodertorn import load_plan
        >>> print(load_plan(2024).revenue_check().explain("en"))
        The stated revenue, SEK2,083,296, equals the fees assessed for 2024, SEK2,083,296.
        At SEK4 per inhabitant both count 520,824 inhabitants (December 31, 2023).
        Budget note: Avgift 4 kr per invånare enligt samarbetskommitténs beslut 2017-02-02
        """
        lang = check_language(lang)
        stated = ("≈ " if self.approximate else "") + format_money(self.stated, lang)
        values = {
            "stated": stated,
            "assessed": format_money(self.assessed, lang),
            "difference": format_money(abs(self.difference), lang),
            "year": self.year,
        }
        if self.matches:
            head = gettext(
                "The stated revenue, {stated}, equals the fees assessed for {year}, {assessed}.",
                lang,
            )
        elif self.difference < SEK(0):
            head = gettext(
                "The stated revenue, {stated}, is {difference} less than the fees assessed "
                "for {year}, {assessed}.",
                lang,
            )
        else:
            head = gettext(
                "The stated revenue, {stated}, is {difference} more than the fees assessed "
                "for {year}, {assessed}.",
                lang,
            )
        lines = [head.format(**values)]
        if self.rate is not None and self.counted is not None:
            counts = {
                "rate": format_money(self.rate, lang),
                "counted": format_number(self.counted, lang),
                "assessed": format_number(self.assessed_population or 0, lang),
                "date": format_date(self.population_date, lang),
                "difference": format_number(abs(self.population_difference or 0), lang),
            }
            if self.population_difference == 0:
                line = gettext(
                    "At {rate} per inhabitant both count {counted} inhabitants ({date}).", lang
                )
            else:
                line = gettext(
                    "At {rate} per inhabitant the stated revenue pays for {counted} "
                    "inhabitants; the fees count {assessed} ({date}), a difference of "
                    "{difference}.",
                    lang,
                )
            lines.append(line.format(**counts))
        if self.note is not None:
            lines.append(gettext("Budget note: {note}", lang).format(note=self.note))
        return "\n".join(lines)


@attrs.frozen(kw_only=True)
class CalendarEntry:
    """A meeting or planning conference of the committee or the management group.

    *end* is the last day of a meeting of several days (``None`` for one day); *host* is
    the party that hosts, *place* the venue, when the plan names them.

    >>> import datetime
    >>> entry = CalendarEntry(start=datetime.date(2024, 8, 29), end=datetime.date(2024, 8, 30),
    ...     body=CollaborationBody.MANAGEMENT_GROUP, kind=CalendarKind.PLANNING_CONFERENCE)
    >>> entry.days
    2
    >>> CalendarEntry(start=datetime.date(2024, 8, 29), end=datetime.date(2024, 8, 1),
    ...               body=CollaborationBody.COMMITTEE)
    Traceback (most recent call last):
    ...
    sodertorn.PlanError: calendar entry ends 2024-08-01, before it starts 2024-08-29
    """

    __module__ = "sodertorn"

    start: datetime.date = attrs.field(validator=_is(datetime.date, "start date"))
    end: datetime.date | None = attrs.field(
        default=None, validator=_is(datetime.date, "end date", optional=True)
    )
    body: CollaborationBody = attrs.field(validator=_is(CollaborationBody, "body"))
    kind: CalendarKind = attrs.field(
        default=CalendarKind.MEETING, validator=_is(CalendarKind, "calendar kind")
    )
    place: str | None = attrs.field(default=None, validator=_is(str, "place", optional=True))
    host: Municipality | None = attrs.field(
        default=None, validator=_is(Municipality, "host", optional=True)
    )

    def __attrs_post_init__(self) -> None:
        if self.end is not None and self.end < self.start:
            raise PlanError(
                f"calendar entry ends {self.end.isoformat()}, before it starts "
                f"{self.start.isoformat()}"
            )

    @property
    def last_day(self) -> datetime.date:
        """The last day of the entry (the start, for a one-day meeting)."""
        return self.start if self.end is None else self.end

    @property
    def days(self) -> int:
        """How many calendar days the entry spans."""
        return (self.last_day - self.start).days + 1


@attrs.frozen(kw_only=True)
class Office:
    """An office of the year: chair or vice chair of a body, recorded by party.

    >>> from sodertorn import municipality
    >>> Office(body=CollaborationBody.COMMITTEE, role=OfficeRole.CHAIR,
    ...        party=municipality("Salem")).party.name
    'Salem'
    >>> Office(body=CollaborationBody.COMMITTEE, role="chair", party=municipality("Salem"))
    Traceback (most recent call last):
    ...
    sodertorn.PlanError: invalid office role 'chair'; expected a OfficeRole
    """

    __module__ = "sodertorn"

    body: CollaborationBody = attrs.field(validator=_is(CollaborationBody, "office body"))
    role: OfficeRole = attrs.field(validator=_is(OfficeRole, "office role"))
    party: Municipality = attrs.field(validator=_is(Municipality, "office holder"))


@attrs.frozen(kw_only=True)
class Hosting:
    """The parties that host a conference in one year.

    >>> from sodertorn import municipality
    >>> Hosting(year=2025, parties=[municipality("Nykvarn")]).parties[0].name
    'Nykvarn'
    >>> Hosting(year=2025, parties=[])
    Traceback (most recent call last):
    ...
    sodertorn.PlanError: hosting in 2025 names no party; expected at least one host
    """

    __module__ = "sodertorn"

    year: int = attrs.field(validator=_is(int, "hosting year"))
    parties: tuple[Municipality, ...] = attrs.field(
        converter=_plan_tuple, validator=_each(Municipality, "host")
    )

    def __attrs_post_init__(self) -> None:
        if not self.parties:
            raise PlanError(f"hosting in {self.year} names no party; expected at least one host")


@attrs.frozen(kw_only=True)
class Conference:
    """A recurring conference and its host rotation.

    *aliases* are other names people use for it (``"Rådslaget"``); lookups fold case
    and diacritics.

    >>> from sodertorn import municipality
    >>> nykvarn = Hosting(year=2025, parties=[municipality("Nykvarn")])
    >>> radslaget = Conference(id="radslaget", name="Södertörns Rådslag",
    ...                        aliases=("Rådslaget",), rotation=[nykvarn])
    >>> radslaget.matches("radslaget"), radslaget.hosts(2025)[0].name
    (True, 'Nykvarn')
    >>> radslaget.hosts(2030)
    Traceback (most recent call last):
    ...
    sodertorn.MissingDataError: no host of 'Södertörns Rådslag' recorded for 2030; the rotation ...
    """

    __module__ = "sodertorn"

    id: str = attrs.field()
    name: str = attrs.field(validator=_is(str, "conference name"))
    aliases: tuple[str, ...] = attrs.field(
        default=(), converter=_plan_tuple, validator=_each(str, "conference alias")
    )
    rotation: tuple[Hosting, ...] = attrs.field(
        default=(), converter=_plan_tuple, validator=_each(Hosting, "hosting")
    )

    @id.validator
    def _check_id(self, _: attrs.Attribute[str], value: object) -> None:
        check_id(value, "conference id", error=PlanError)

    def __attrs_post_init__(self) -> None:
        years = [hosting.year for hosting in self.rotation]
        if len(set(years)) != len(years):
            raise PlanError(f"conference {self.id!r} lists a year twice in its rotation {years!r}")

    def matches(self, name: str) -> bool:
        """Whether *name* is this conference's id, name or an alias (folded)."""
        key = _fold(check_conference_name(name))
        return key in {_fold(candidate) for candidate in (self.id, self.name, *self.aliases)}

    def hosts(self, year: int) -> tuple[Municipality, ...]:
        """Return the parties hosting in *year*; :class:`~sodertorn.MissingDataError` if none."""
        check_year(year)
        for hosting in self.rotation:
            if hosting.year == year:
                return hosting.parties
        covered = ", ".join(str(hosting.year) for hosting in self.rotation) or "no year"
        raise MissingDataError(
            f"no host of {self.name!r} recorded for {year!r}; the rotation covers {covered}"
        )


@attrs.frozen(kw_only=True)
class Plan:
    """An annual activity plan and budget, tied to the programme in force.

    Validated when built: every activity serves a goal of *programme* (or a sub-goal the
    plan adds under one), names one of its networks, and ids are unique.

    >>> from sodertorn import load_plan
    >>> plan = load_plan(2019)
    >>> plan.programme.id, [(o.role.value, o.party.name) for o in plan.offices_of()]
    ('sup2013', [('chair', 'Haninge'), ('vice-chair', 'Huddinge')])
    >>> plan.hosts("Rådslaget", 2025)[0].name
    'Nykvarn'
    """

    __module__ = "sodertorn"

    year: int = attrs.field(validator=_is(int, "plan year"))
    programme: Programme = attrs.field(validator=_is(Programme, "programme"))
    title: Text = attrs.field(validator=_is(Text, "plan title"))
    date: datetime.date | None = attrs.field(
        default=None, validator=_is(datetime.date, "plan date", optional=True)
    )
    sub_goals: tuple[Node, ...] = attrs.field(
        default=(), converter=_plan_tuple, validator=_each(Node, "sub-goal")
    )
    activities: tuple[Activity, ...] = attrs.field(
        default=(), converter=_plan_tuple, validator=_each(Activity, "activity")
    )
    budget: Budget | None = attrs.field(
        default=None, validator=_is(Budget, "budget", optional=True)
    )
    calendar: tuple[CalendarEntry, ...] = attrs.field(
        default=(), converter=_plan_tuple, validator=_each(CalendarEntry, "calendar entry")
    )
    offices: tuple[Office, ...] = attrs.field(
        default=(), converter=_plan_tuple, validator=_each(Office, "office")
    )
    conferences: tuple[Conference, ...] = attrs.field(
        default=(), converter=_plan_tuple, validator=_each(Conference, "conference")
    )
    sources: tuple[str, ...] = attrs.field(
        default=(), converter=_plan_tuple, validator=_each(str, "source")
    )

    def __attrs_post_init__(self) -> None:
        programme = self.programme
        seen: set[str] = set()
        for node in self.sub_goals:
            if node.kind is not NodeKind.SUB_GOAL:
                raise PlanError(
                    f"plan {self.year} adds {node.id!r} of kind {node.kind.value!r}; "
                    f"a plan may add only sub-goals"
                )
            if node.id in programme or node.id in seen or node.id == programme.id:
                raise PlanError(f"duplicate id {node.id!r} in plan {self.year}")
            if node.parent not in programme or not (
                programme.node(node.parent).kind.is_goal
                and programme.node(node.parent).kind.level < NodeKind.SUB_GOAL.level
            ):
                raise PlanError(
                    f"sub-goal {node.id!r} of plan {self.year} names parent {node.parent!r}; "
                    f"expected a goal of {programme.id!r} above the level of a sub-goal"
                )
            seen.add(node.id)
        network_ids = {network.id for network in programme.networks}
        for node in self.sub_goals:
            if node.network is not None and node.network not in network_ids:
                raise PlanError(
                    f"sub-goal {node.id!r} names network {node.network!r}; expected one of "
                    f"{sorted(network_ids)!r}"
                )
        activity_ids: set[str] = set()
        for activity in self.activities:
            if activity.id in activity_ids:
                raise PlanError(f"duplicate activity id {activity.id!r} in plan {self.year}")
            activity_ids.add(activity.id)
            if activity.goal not in seen and not (
                activity.goal in programme and programme.node(activity.goal).kind.is_goal
            ):
                raise PlanError(
                    f"activity {activity.id!r} serves {activity.goal!r}, which is not a goal "
                    f"of {programme.id!r}; expected a goal of the plan's programme"
                )
            if activity.continues is not None and activity.continues.year >= self.year:
                raise PlanError(
                    f"activity {activity.id!r} continues one of {activity.continues.year}; "
                    f"expected a year before the plan's year {self.year}"
                )
            if activity.network is not None and activity.network not in network_ids:
                raise PlanError(
                    f"activity {activity.id!r} names network {activity.network!r}; "
                    f"expected one of {sorted(network_ids)!r}"
                )
        conference_ids = [conference.id for conference in self.conferences]
        if len(set(conference_ids)) != len(conference_ids):
            raise PlanError(f"plan {self.year} lists a conference twice: {conference_ids!r}")

    # -- goals and activities ----------------------------------------------------------

    @property
    def tree(self) -> Programme:
        """The programme with the plan's sub-goals added under their goals."""
        if not self.sub_goals:
            return self.programme
        return attrs.evolve(self.programme, nodes=(*self.programme.nodes, *self.sub_goals))

    def activities_for(self, goal: str, *, below: bool = True) -> tuple[Activity, ...]:
        """Activities serving *goal*; with *below*, also those serving goals under it."""
        from sodertorn.programme.query import activities_for  # noqa: PLC0415 - import cycle

        return activities_for(self, goal, below=below)

    def goals_without_activity(self) -> tuple[Node, ...]:
        """Goals that no activity of the year serves, directly or through a goal below."""
        from sodertorn.programme.query import goals_without_activity  # noqa: PLC0415

        return goals_without_activity(self)

    def report(
        self,
        follow_up: FollowUp,
        *,
        indicators: Indicators | None = None,
        lang: str = "sv",
    ) -> YearReport:
        """The yearly report of the plan from *follow_up*; see :func:`~sodertorn.report`.

        >>> from sodertorn import FollowUp, load_plan
        >>> plan = load_plan(2024)
        >>> plan.report(FollowUp(plan=plan), lang="en").to_markdown().splitlines()[0]
        '# Yearly report 2024: Activity plan and budget 2024 (SUP 2040)'
        """
        return report(self, follow_up, indicators=indicators, lang=lang)

    # -- calendar, offices, conferences ------------------------------------------------

    def meetings(
        self,
        body: CollaborationBody | None = None,
        *,
        kind: CalendarKind | None = None,
    ) -> tuple[CalendarEntry, ...]:
        """Return the calendar in date order, optionally only for *body* and/or of *kind*.

        >>> from sodertorn import load_plan
        >>> [e.start.isoformat() for e in load_plan(2024).meetings(CollaborationBody.COMMITTEE)]
        ['2024-01-16', '2024-03-21', '2024-05-02', '2024-09-12', '2024-11-07']
        >>> load_plan(2024).meetings("committee")
        Traceback (most recent call last):
        ...
        sodertorn.PlanError: invalid body 'committee'; expected a CollaborationBody or None
        """
        if body is not None and not isinstance(body, CollaborationBody):
            raise PlanError(f"invalid body {body!r}; expected a CollaborationBody or None")
        if kind is not None and not isinstance(kind, CalendarKind):
            raise PlanError(f"invalid calendar kind {kind!r}; expected a CalendarKind or None")
        return tuple(
            entry
            for entry in sorted(self.calendar, key=lambda e: (e.start, e.body.value))
            if (body is None or entry.body is body) and (kind is None or entry.kind is kind)
        )

    def committee_calendar(self) -> MeetingCalendar:
        """The committee's part of the calendar as a :class:`~sodertorn.MeetingCalendar`.

        Each committee meeting becomes an ordinary :class:`~sodertorn.Meeting` and each
        planning conference a planning conference, on its first day; the management
        group's meetings are not the committee's and are left out. The plan says when the
        committee meets, not who attends, so nobody is recorded present. The calendar's
        :meth:`~sodertorn.MeetingCalendar.check` then weighs the year against § 4 and
        SUP 2040 (at least six meetings a year plus a planning conference).

        Source: Samarbetsavtal 2010, § 4; Verksamhetsplan och budget 2024, § 5.

        >>> import warnings
        >>> from sodertorn import load_plan
        >>> calendar = load_plan(2024).committee_calendar()
        >>> len(calendar.committee_meetings), len(calendar.planning_conferences)
        (4, 1)
        >>> with warnings.catch_warnings(record=True) as caught:
        ...     warnings.simplefilter("always")
        ...     _ = calendar.check()
        >>> [(w.category.__name__, str(w.message)[:31]) for w in caught]
        [('FewMeetingsWarning', 'Samarbetskommittén har 4 samman')]
        """
        kinds = {
            CalendarKind.MEETING: MeetingKind.ORDINARY,
            CalendarKind.PLANNING_CONFERENCE: MeetingKind.PLANNING_CONFERENCE,
        }
        if self.year < IN_FORCE_FROM.year:
            raise PlanError(
                f"plan year {self.year} is before the agreement came into force on "
                f"{IN_FORCE_FROM.isoformat()}; expected a year the committee existed"
            )
        entries = self.meetings(CollaborationBody.COMMITTEE)
        for entry in entries:
            if entry.start.year != self.year:
                raise PlanError(
                    f"committee meeting on {entry.start.isoformat()} is not in the plan's "
                    f"year {self.year}; expected only meetings of {self.year}"
                )
        return MeetingCalendar(
            year=self.year,
            meetings=[Meeting(date=entry.start, kind=kinds[entry.kind]) for entry in entries],
        )

    def offices_of(
        self, body: CollaborationBody = CollaborationBody.COMMITTEE
    ) -> tuple[Office, ...]:
        """Return the offices of *body* for the year, chair first."""
        if not isinstance(body, CollaborationBody):
            raise PlanError(f"invalid body {body!r}; expected a CollaborationBody")
        order = {OfficeRole.CHAIR: 0, OfficeRole.VICE_CHAIR: 1}
        return tuple(
            sorted((o for o in self.offices if o.body is body), key=lambda o: order[o.role])
        )

    def conference(self, name: str) -> Conference:
        """Return the conference called *name* (id, name or alias, folded)."""
        check_conference_name(name)
        for conference in self.conferences:
            if conference.matches(name):
                return conference
        raise MissingDataError(
            f"the {self.year} plan records no hosts for {name!r}; it has "
            + (", ".join(repr(c.name) for c in self.conferences) or "no conferences")
        )

    def hosts(self, conference: str, year: int) -> tuple[Municipality, ...]:
        """Return the parties hosting *conference* in *year*, by this plan's rotation."""
        check_year(year)
        return self.conference(conference).hosts(year)

    # -- budget ------------------------------------------------------------------------

    def revenue_check(self, assessment: FeeAssessment | None = None) -> RevenueCheck:
        """Check the budget's revenue against the fees of the plan's year (§ 8).

        *assessment* defaults to :func:`~sodertorn.annual_fees` of the plan's year; give
        one to check against another population or schedule. See
        :meth:`Budget.check_revenue`.

        >>> from sodertorn import load_plan
        >>> load_plan(2024).revenue_check().difference
        SEK(0)
        >>> load_plan(2024).revenue_check(annual_fees(2023))
        Traceback (most recent call last):
        ...
        sodertorn.PlanError: the assessment is of fee year 2023; expected the plan's year 2024
        """
        if self.budget is None:
            raise PlanError(f"the {self.year} plan has no budget; expected one to check")
        if assessment is None:
            assessment = annual_fees(self.year)
        elif isinstance(assessment, FeeAssessment) and assessment.year != self.year:
            raise PlanError(
                f"the assessment is of fee year {assessment.year}; expected the plan's year "
                f"{self.year}"
            )
        return self.budget.check_revenue(assessment)

    def _repr_html_(self) -> str:
        from sodertorn.programme.render import plan_html  # noqa: PLC0415 - import cycle

        return plan_html(self, "sv")


def check_plan(value: object) -> Plan:
    """Return *value* if it is a :class:`Plan`, else raise :class:`~sodertorn.PlanError`.

    >>> check_plan(2024)
    Traceback (most recent call last):
    ...
    sodertorn.PlanError: invalid plan 2024; expected a Plan (see load_plan)
    """
    if not isinstance(value, Plan):
        raise PlanError(f"invalid plan {value!r}; expected a Plan (see load_plan)")
    return value
