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

from sodertorn.errors import MissingDataError, PlanError
from sodertorn.money import SEK
from sodertorn.parties import Municipality
from sodertorn.programme.model import Node, NodeKind, Programme, Text, check_id

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

__all__ = [
    "Activity",
    "Budget",
    "BudgetLine",
    "CalendarEntry",
    "CalendarKind",
    "CollaborationBody",
    "Conference",
    "Hosting",
    "Office",
    "OfficeRole",
    "Plan",
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
class Activity:
    """An activity of the year, serving one goal of the plan's programme.

    *goal* is a node id of the programme (or a sub-goal the plan adds); *network* the
    responsible network; *working_group* the parties that carry the work, if named.

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
        key = _fold(name)
        return key in {_fold(candidate) for candidate in (self.id, self.name, *self.aliases)}

    def hosts(self, year: int) -> tuple[Municipality, ...]:
        """Return the parties hosting in *year*; :class:`~sodertorn.MissingDataError` if none."""
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

    # -- calendar, offices, conferences ------------------------------------------------

    def meetings(
        self,
        body: CollaborationBody | None = None,
        *,
        kind: CalendarKind | None = None,
    ) -> Iterator[CalendarEntry]:
        """Return the calendar in date order, optionally only for *body* and/or of *kind*.

        >>> from sodertorn import load_plan
        >>> [e.start.isoformat() for e in load_plan(2024).meetings(CollaborationBody.COMMITTEE)]
        ['2024-01-16', '2024-03-21', '2024-05-02', '2024-09-12', '2024-11-07']
        """
        for entry in sorted(self.calendar, key=lambda e: (e.start, e.body.value)):
            if (body is None or entry.body is body) and (kind is None or entry.kind is kind):
                yield entry

    def offices_of(
        self, body: CollaborationBody = CollaborationBody.COMMITTEE
    ) -> tuple[Office, ...]:
        """Return the offices of *body* for the year, chair first."""
        order = {OfficeRole.CHAIR: 0, OfficeRole.VICE_CHAIR: 1}
        return tuple(
            sorted((o for o in self.offices if o.body is body), key=lambda o: order[o.role])
        )

    def conference(self, name: str) -> Conference:
        """Return the conference called *name* (id, name or alias, folded)."""
        for conference in self.conferences:
            if conference.matches(name):
                return conference
        raise MissingDataError(
            f"the {self.year} plan records no hosts for {name!r}; it has "
            + (", ".join(repr(c.name) for c in self.conferences) or "no conferences")
        )

    def hosts(self, conference: str, year: int) -> tuple[Municipality, ...]:
        """Return the parties hosting *conference* in *year*, by this plan's rotation."""
        return self.conference(conference).hosts(year)

    def _repr_html_(self) -> str:
        from sodertorn.programme.render import plan_html  # noqa: PLC0415 - import cycle

        return plan_html(self, "sv")
