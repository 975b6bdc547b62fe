"""Annual activity plans (verksamhetsplaner): the year's activities, tied to the programme.

The committee adopts an activity plan and a budget each year (Samarbetsavtal 2010, § 4);
the plan turns the programme in force into activities, each serving a goal and carried
out by the goal's network, sometimes through a working group of a few parties. The plan
also holds the year's budget (:mod:`~sodertorn.programme.budget`), calendar and offices
(:mod:`~sodertorn.programme.calendar`) and conferences
(:mod:`~sodertorn.programme.conferences`).

>>> from sodertorn import load_plan, SEK
>>> plan = load_plan(2024)
>>> plan.budget.balance, plan.budget.total_revenue
(SEK(0), SEK(2083296))
>>> [party.name for party in plan.hosts("Rådslaget", 2025)]
Traceback (most recent call last):
...
sodertorn.MissingDataError: the 2024 plan records no hosts for 'Rådslaget'; ...

Host rotations are in the 2019 plan; :func:`~sodertorn.programme.conference_hosts` searches every
plan. Sources: Verksamhetsplan 2019 (§§ 4–8, bilaga 1); Verksamhetsplan och budget 2024
(§§ 2, 4–6).
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

import attrs

from sodertorn.agreement.meetings import Meeting, MeetingCalendar, MeetingKind
from sodertorn.agreement.terms import IN_FORCE_FROM
from sodertorn.errors import MissingDataError, PlanError
from sodertorn.fees import FeeAssessment, annual_fees
from sodertorn.money import SEK
from sodertorn.parties import Municipality
from sodertorn.programme._checks import calendar_year, check_year, each, is_a, plan_tuple
from sodertorn.programme._slots import Slot
from sodertorn.programme.budget import Budget, RevenueCheck
from sodertorn.programme.calendar import (
    CalendarEntry,
    CalendarKind,
    CollaborationBody,
    Office,
    OfficeRole,
)
from sodertorn.programme.conferences import Conference, check_conference_name
from sodertorn.programme.model import Node, NodeKind, Programme, Text, check_id

if TYPE_CHECKING:
    from sodertorn._checks import Check
    from sodertorn.programme.followup import FollowUp
    from sodertorn.programme.indicators import Indicators
    from sodertorn.programme.report import YearReport

__all__ = ["Activity", "Continuation", "Plan", "check_plan"]


@attrs.frozen(kw_only=True)
class Continuation:
    """The earlier year, and if known the activity of that year, that an activity continues.

    SUP 2040 plans a year at a time, and a plan may take up work begun in an earlier one
    (Verksamhetsplan och budget 2024, § 2: work on the new RUFS continues from 2023); a
    follow-up's :meth:`~sodertorn.programme.FollowUp.carried_over` lists what the next plan may take up.

    >>> Continuation(year=2024, activity="rufs-presentation").activity
    'rufs-presentation'
    >>> Continuation(year="2023")
    Traceback (most recent call last):
    ...
    sodertorn.PlanError: invalid continued year '2023'; expected an int from 1 to 9999, such as 2024
    """

    __module__ = "sodertorn.programme"

    year: int = attrs.field(validator=calendar_year("continued year"))
    activity: str | None = attrs.field(default=None)

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
    *when* and *cost* are the time and the amount as the plan gives them; *cost_note* is
    the plan's own words on the cost where it gives no single amount ("tidigare ca
    80 000 kr"); *section* the part of the plan that lists the activity, when it is not
    the list of activities per goal (``"bilaga 1"``).

    >>> Activity(id="a", goal="klimat", text=Text("Bevaka elförsörjningen")).working_group
    ()
    >>> Activity(id="a", goal="klimat", text="Bevaka")
    Traceback (most recent call last):
    ...
    sodertorn.PlanError: invalid activity text 'Bevaka'; expected a Text
    """

    __module__ = "sodertorn.programme"

    id: str = attrs.field()
    goal: str = attrs.field()
    text: Text = attrs.field(validator=is_a(Text, "activity text"))
    network: str | None = attrs.field(default=None)
    working_group: tuple[Municipality, ...] = attrs.field(
        default=(), converter=plan_tuple, validator=each(Municipality, "working-group party")
    )
    when: str | None = attrs.field(default=None, validator=is_a(str, "timing", optional=True))
    cost: SEK | None = attrs.field(default=None, validator=is_a(SEK, "cost", optional=True))
    continues: Continuation | None = attrs.field(
        default=None, validator=is_a(Continuation, "continuation", optional=True)
    )
    cost_note: str | None = attrs.field(
        default=None, validator=is_a(str, "cost note", optional=True)
    )
    section: str | None = attrs.field(
        default=None, validator=is_a(str, "plan section", optional=True)
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

    year: int = attrs.field(validator=is_a(int, "plan year"))
    programme: Programme = attrs.field(validator=is_a(Programme, "programme"))
    title: Text = attrs.field(validator=is_a(Text, "plan title"))
    date: datetime.date | None = attrs.field(
        default=None, validator=is_a(datetime.date, "plan date", optional=True)
    )
    sub_goals: tuple[Node, ...] = attrs.field(
        default=(), converter=plan_tuple, validator=each(Node, "sub-goal")
    )
    activities: tuple[Activity, ...] = attrs.field(
        default=(), converter=plan_tuple, validator=each(Activity, "activity")
    )
    budget: Budget | None = attrs.field(
        default=None, validator=is_a(Budget, "budget", optional=True)
    )
    calendar: tuple[CalendarEntry, ...] = attrs.field(
        default=(), converter=plan_tuple, validator=each(CalendarEntry, "calendar entry")
    )
    offices: tuple[Office, ...] = attrs.field(
        default=(), converter=plan_tuple, validator=each(Office, "office")
    )
    conferences: tuple[Conference, ...] = attrs.field(
        default=(), converter=plan_tuple, validator=each(Conference, "conference")
    )
    sources: tuple[str, ...] = attrs.field(
        default=(), converter=plan_tuple, validator=each(str, "source")
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
        for entry in self.calendar:
            if entry.conference is not None and entry.conference not in conference_ids:
                raise PlanError(
                    f"calendar entry on {entry.start.isoformat()} names conference "
                    f"{entry.conference!r}; expected one of {sorted(conference_ids)!r}"
                )

    # -- goals and activities ----------------------------------------------------------

    @property
    def tree(self) -> Programme:
        """The programme with the plan's sub-goals added under their goals."""
        if not self.sub_goals:
            return self.programme
        return attrs.evolve(self.programme, nodes=(*self.programme.nodes, *self.sub_goals))

    def activities_for(self, goal: str, *, below: bool = True) -> tuple[Activity, ...]:
        """Activities serving *goal*; with *below*, also those serving goals under it."""
        return ACTIVITIES_FOR(self, goal, below=below)

    def goals_without_activity(self) -> tuple[Node, ...]:
        """Goals that no activity of the year serves, directly or through a goal below."""
        return GOALS_WITHOUT_ACTIVITY(self)

    def report(
        self,
        follow_up: FollowUp,
        *,
        indicators: Indicators | None = None,
        lang: str = "sv",
    ) -> YearReport:
        """The yearly report of the plan from *follow_up*; see :func:`~sodertorn.programme.report.report`.

        >>> from sodertorn import load_plan
        >>> from sodertorn.programme import FollowUp
        >>> plan = load_plan(2024)
        >>> plan.report(FollowUp(plan=plan), lang="en").to_markdown().splitlines()[0]
        '# Yearly report 2024: Activity plan and budget 2024 (SUP 2040)'
        """
        return REPORT(self, follow_up, indicators=indicators, lang=lang)

    # -- calendar, offices, conferences ------------------------------------------------

    def meetings(
        self,
        body: CollaborationBody | None = None,
        *,
        kind: CalendarKind | None = None,
    ) -> tuple[CalendarEntry, ...]:
        """Return the calendar in date order, optionally only for *body* and/or of *kind*.

        The calendar holds the bodies' meetings and planning conferences and the dated
        conferences of the collaboration (kind ``CONFERENCE``, usually with no body).

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
            for entry in sorted(
                self.calendar, key=lambda e: (e.start, "" if e.body is None else e.body.value)
            )
            if (body is None or entry.body is body) and (kind is None or entry.kind is kind)
        )

    def committee_calendar(self) -> MeetingCalendar:
        """The committee's part of the calendar as a :class:`~sodertorn.agreement.MeetingCalendar`.

        Each committee meeting becomes an ordinary :class:`~sodertorn.agreement.Meeting` and each
        planning conference a planning conference, on its first day; the management
        group's meetings are not the committee's and are left out. The plan says when the
        committee meets, not who attends, so nobody is recorded present. The calendar's
        :meth:`~sodertorn.agreement.MeetingCalendar.check` then weighs the year against § 4 and
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
        entries = [
            entry
            for entry in self.meetings(CollaborationBody.COMMITTEE)
            if entry.kind is not CalendarKind.CONFERENCE
        ]
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
        return PLAN_HTML(self, "sv")


# Filled by sodertorn.programme with the functions of the modules above this one.
ACTIVITIES_FOR: Slot[..., tuple[Activity, ...]] = Slot("activities_for")
GOALS_WITHOUT_ACTIVITY: Slot[[Plan], tuple[Node, ...]] = Slot("goals_without_activity")
PLAN_HTML: Slot[[Plan, str], str] = Slot("plan_html")
REPORT: Slot[..., YearReport] = Slot("report")


_PLAN: Check[Plan] = is_a(Plan, "plan", expected="a Plan (see load_plan)")


def check_plan(value: object) -> Plan:
    """Return *value* if it is a :class:`Plan`, else raise :class:`~sodertorn.PlanError`.

    >>> check_plan(2024)
    Traceback (most recent call last):
    ...
    sodertorn.PlanError: invalid plan 2024; expected a Plan (see load_plan)
    """
    return _PLAN.check(value, "plan")
