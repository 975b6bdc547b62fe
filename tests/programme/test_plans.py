"""Annual plans: activities, budget, calendar, offices and host rotations."""

from __future__ import annotations

import datetime

import attrs
import pytest
from hypothesis import given

from sodertorn import (
    SEK,
    MissingDataError,
    Plan,
    PlanError,
    Population,
    Programme,
    load_plan,
    load_programme,
    municipality,
)
from sodertorn.programme import (
    Activity,
    Budget,
    BudgetLine,
    CalendarEntry,
    CalendarKind,
    CollaborationBody,
    Conference,
    Hosting,
    Node,
    NodeKind,
    Text,
    conference_hosts,
)
from sodertorn.testing import plans, programmes, slugs

D = datetime.date


@given(plans(), programmes(ids=slugs().map(lambda s: f"other.{s}"), programme_id="sup2"))
def test_an_activity_serving_a_goal_of_another_programme_is_refused(
    plan: Plan, other: Programme
) -> None:
    extra = Node(id="other.goal", kind=NodeKind.GOAL, parent=other.id, text=Text("Främmande"))
    other = attrs.evolve(other, nodes=(*other.nodes, extra))
    for goal in other.goals():
        stray = Activity(id="stray.activity", goal=goal.id, text=Text("Utanför"))
        with pytest.raises(PlanError, match=rf"serves {goal.id!r}, which is not a goal of"):
            attrs.evolve(plan, activities=(*plan.activities, stray))


@given(plans())
def test_every_activity_serves_a_goal_of_the_tree(plan: Plan) -> None:
    tree = plan.tree
    for activity in plan.activities:
        assert tree.node(activity.goal).kind.is_goal
        assert activity in plan.activities_for(activity.goal, below=False)
    unserved = {node.id for node in plan.goals_without_activity()}
    for activity in plan.activities:
        assert activity.goal not in unserved
        assert not {a.id for a in tree.ancestors(activity.goal)} & unserved


def test_the_2024_budget_balances_at_2_083_296_kr() -> None:
    budget = load_plan(2024).budget
    assert budget is not None
    assert budget.total_revenue == SEK(2083296)
    assert budget.total_costs == SEK(2083296)
    assert budget.is_balanced
    assert budget.rate == SEK(4)
    assert budget.population == Population.builtin().total(2023) == 520824
    assert budget.basis_total == SEK(4) * 520824
    assert budget.revenue_difference(SEK(4) * 520824) == SEK(0)


def test_the_2019_budget_balances_and_has_no_stated_population() -> None:
    budget = load_plan(2019).budget
    assert budget is not None
    assert budget.total_revenue == SEK(1977400)
    assert budget.is_balanced
    assert budget.basis_total is None
    assert all(line.approximate for line in budget.revenue)


def test_an_unbalanced_budget_says_so() -> None:
    line = BudgetLine(label=Text("Avgifter"), amount=SEK(100))
    budget = Budget(revenue=[line], costs=[attrs.evolve(line, amount=SEK(120))])
    assert budget.balance == SEK(-20)
    assert not budget.is_balanced


def test_nykvarn_hosts_radslaget_in_2025() -> None:
    assert conference_hosts("Rådslaget", 2025) == (municipality("Nykvarn"),)
    assert conference_hosts("sodertorns radslag", 2019) == (municipality("Salem"),)
    assert load_plan(2019).hosts("RÅDSLAGET", 2026) == (municipality("Huddinge"),)


def test_sodertornskonferensen_has_two_hosts() -> None:
    hosts = conference_hosts("Södertörns konferens", 2019)
    assert hosts == (municipality("Nynäshamn"), municipality("Haninge"))


def test_missing_hosts_are_lookup_errors() -> None:
    with pytest.raises(MissingDataError, match="no built-in plan records a host of 'Nobel' in"):
        conference_hosts("Nobel", 2025)
    with pytest.raises(MissingDataError, match="the 2019 plan records no hosts for 'Nobel'"):
        load_plan(2019).hosts("Nobel", 2025)
    with pytest.raises(MissingDataError, match="it has 'Södertörnskonferensen'"):
        load_plan(2024).conference("Rådslaget")
    with pytest.raises(MissingDataError, match="it has no conferences"):
        attrs.evolve(load_plan(2024), conferences=()).conference("Rådslaget")
    with pytest.raises(MissingDataError, match="the rotation covers 2019, 2020, 2021, 2022"):
        load_plan(2019).hosts("Södertörnskonferensen", 2023)


def test_offices_of_the_year() -> None:
    names = [(o.role.value, o.party.name) for o in load_plan(2024).offices_of()]
    assert names == [("chair", "Salem"), ("vice-chair", "Nykvarn")]
    management = load_plan(2019).offices_of(CollaborationBody.MANAGEMENT_GROUP)
    assert [o.party.name for o in management] == ["Södertälje", "Salem"]


def test_calendar_2024() -> None:
    plan = load_plan(2024)
    committee = list(plan.meetings(CollaborationBody.COMMITTEE))
    assert committee[0].kind is CalendarKind.PLANNING_CONFERENCE
    assert committee[0].host == municipality("Nynäshamn")
    assert committee[0].place == "Körunda"
    (conference,) = plan.meetings(
        CollaborationBody.MANAGEMENT_GROUP, kind=CalendarKind.PLANNING_CONFERENCE
    )
    assert (conference.start, conference.last_day, conference.days) == (
        D(2024, 8, 29),
        D(2024, 8, 30),
        2,
    )
    every = list(plan.meetings())
    assert len(every) == 11
    assert every == sorted(every, key=lambda e: e.start)


def test_calendar_2019_has_the_committee_meet_six_times_plus_two_conferences() -> None:
    plan = load_plan(2019)
    meetings = list(plan.meetings(CollaborationBody.COMMITTEE, kind=CalendarKind.MEETING))
    assert len(meetings) == 6
    assert CalendarEntry(start=D(2019, 1, 1), body=CollaborationBody.COMMITTEE).days == 1


def test_activities_name_their_working_groups() -> None:
    (answer,) = [a for a in load_plan(2024).activities if a.id == "inriktningsunderlag"]
    assert [p.name for p in answer.working_group] == ["Tyresö", "Huddinge"]
    assert answer.network == "trafikstrategier"


def make_plan(**fields: object) -> Plan:
    base: dict[str, object] = {
        "year": 2024,
        "programme": load_programme("sup2040"),
        "title": Text("Plan"),
    }
    return Plan(**{**base, **fields})  # type: ignore[arg-type]


def sub_goal(node_id: str, parent: str, **fields: object) -> Node:
    return Node(id=node_id, kind=NodeKind.SUB_GOAL, parent=parent, text=Text("Delmål"), **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            {"sub_goals": [Node(id="x", kind=NodeKind.GOAL, parent="sup2040", text=Text("x"))]},
            "adds 'x' of kind 'goal'; a plan may add only sub-goals",
        ),
        ({"sub_goals": [sub_goal("tillganglighet", "infrastruktur")]}, "duplicate id"),
        ({"sub_goals": [sub_goal("x", "infrastruktur")]}, "names parent 'infrastruktur'"),
        ({"sub_goals": [sub_goal("x", "nowhere")]}, "names parent 'nowhere'"),
        (
            {"sub_goals": [sub_goal("x", "tillganglighet", network="nope")]},
            "sub-goal 'x' names network 'nope'",
        ),
        (
            {"activities": [Activity(id="a", goal="infrastruktur", text=Text("x"))]},
            "serves 'infrastruktur', which is not a goal",
        ),
        (
            {"activities": [Activity(id="a", goal="tillganglighet", text=Text("x"), network="n")]},
            "activity 'a' names network 'n'",
        ),
        (
            {"activities": [Activity(id="a", goal="tillganglighet", text=Text("x"))] * 2},
            "duplicate activity id 'a' in plan 2024",
        ),
        ({"conferences": [Conference(id="c", name="C")] * 2}, "lists a conference twice"),
        ({"activities": "ab"}, "expected a sequence, got 'ab'"),
        ({"year": "2024"}, "invalid plan year '2024'; expected an int"),
        ({"date": datetime.datetime(2024, 1, 1)}, "invalid plan date"),
        ({"budget": 5}, "invalid budget 5; expected a Budget or None"),
        ({"offices": [5]}, "invalid office 5; expected an Office"),
    ],
)
def test_bad_plans_are_refused(fields: dict[str, object], message: str) -> None:
    with pytest.raises(PlanError) as caught:
        make_plan(**fields)
    assert message in str(caught.value)
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: Activity(id="A", goal="g", text=Text("x")), "invalid activity id 'A'"),
        (lambda: Activity(id="a", goal="G", text=Text("x")), "invalid goal id 'G'"),
        (lambda: Activity(id="a", goal="g", text=Text("x"), network="N"), "invalid network id"),
        (
            lambda: Activity(id="a", goal="g", text=Text("x"), cost=5),  # type: ignore[arg-type]
            "invalid cost 5",
        ),
        (
            lambda: BudgetLine(label=Text("x"), amount=SEK(1), approximate=1),  # type: ignore[arg-type]
            "approximate flag 1",
        ),
        (lambda: Budget(revenue=[], costs=[], population=-1), "invalid population -1"),
        (lambda: Budget(revenue=[], costs=[], population=True), "invalid population True"),
        (lambda: Hosting(year=2025, parties=[]), "names no party"),
        (
            lambda: Conference(
                id="c", name="C", rotation=[Hosting(year=2025, parties=[municipality("Salem")])] * 2
            ),
            "lists a year twice",
        ),
        (lambda: Conference(id="C", name="C"), "invalid conference id 'C'"),
    ],
)
def test_bad_parts_are_refused(build: object, message: str) -> None:
    with pytest.raises(PlanError) as caught:
        build()  # type: ignore[operator]
    assert message in str(caught.value)


def test_revenue_difference_wants_sek() -> None:
    budget = load_plan(2024).budget
    assert budget is not None
    with pytest.raises(PlanError, match="invalid expected revenue 2083296; expected a SEK"):
        budget.revenue_difference(2083296)  # type: ignore[arg-type]


def test_a_plan_without_sub_goals_has_its_programme_as_tree() -> None:
    plan = load_plan(2019)
    assert plan.tree is plan.programme
    assert "klimatomstallning.laddinfrastruktur" in load_plan(2024).tree


def test_a_calendar_entry_cannot_end_before_it_starts() -> None:
    with pytest.raises(PlanError, match="calendar entry ends 2024-08-01, before it starts"):
        CalendarEntry(start=D(2024, 8, 29), end=D(2024, 8, 1), body=CollaborationBody.COMMITTEE)
    with pytest.raises(PlanError, match="invalid body 'committee'"):
        CalendarEntry(start=D(2024, 8, 29), body="committee")  # type: ignore[arg-type]
