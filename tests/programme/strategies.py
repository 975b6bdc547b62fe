"""Hypothesis strategies for goal trees, programmes and plans."""

from __future__ import annotations

import datetime

from hypothesis import strategies as st

from sodertorn import MUNICIPALITIES, SEK, Plan, Programme, testing
from sodertorn.programme import (
    Activity,
    ActivityStatus,
    Budget,
    BudgetLine,
    CalendarEntry,
    CalendarKind,
    CollaborationBody,
    Conference,
    Continuation,
    FollowUp,
    Hosting,
    Node,
    NodeKind,
    Office,
    OfficeRole,
    Status,
    Text,
)

slugs = testing.slugs()
"""Stable ids."""

few_slugs = st.sampled_from(["a", "b", "c", "d", "e", "f", "g", "h"])
"""Ids from a small pool, so that two programmes share some."""

words = testing.words()

texts = st.builds(Text, words, en=st.none() | words)
days = st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2040, 12, 31))
parties = st.sampled_from(MUNICIPALITIES)
amounts = st.integers(min_value=-(10**9), max_value=10**9).map(SEK.from_ore)


# The public strategies, shared with the tools that build on the library.
adoption_records = testing.adoption_records
programmes = testing.programmes


@st.composite
def calendar_entries(draw: st.DrawFn) -> CalendarEntry:
    start = draw(days)
    return CalendarEntry(
        start=start,
        end=draw(st.none() | st.dates(min_value=start, max_value=datetime.date(2041, 1, 1))),
        body=draw(st.sampled_from(CollaborationBody)),
        kind=draw(st.sampled_from([CalendarKind.MEETING, CalendarKind.PLANNING_CONFERENCE])),
        place=draw(st.none() | words),
        host=draw(st.none() | parties),
    )


budget_lines = st.builds(BudgetLine, label=texts, amount=amounts, approximate=st.booleans())
budgets = st.builds(
    Budget,
    revenue=st.lists(budget_lines, max_size=2),
    costs=st.lists(budget_lines, max_size=4),
    rate=st.none() | amounts,
    population=st.none() | st.integers(0, 10**6),
    population_date=st.none() | days,
    note=st.none() | words,
)


@st.composite
def conferences(draw: st.DrawFn) -> Conference:
    years = draw(st.lists(st.integers(2000, 2040), max_size=4, unique=True))
    return Conference(
        id=draw(slugs),
        name=draw(words),
        aliases=draw(st.lists(words, max_size=2)),
        rotation=[
            Hosting(year=year, parties=draw(st.lists(parties, min_size=1, max_size=2)))
            for year in years
        ],
    )


@st.composite
def plans(draw: st.DrawFn, programme: Programme | None = None) -> Plan:
    """A valid plan of *programme* (or of a generated one)."""
    if programme is None:
        programme = draw(programmes())
    goals = [node for node in programme.nodes if node.kind.is_goal]
    network_ids = [network.id for network in programme.networks]
    parents = [g.id for g in goals if g.kind is not NodeKind.SUB_GOAL]
    sub_goals = [
        Node(
            id=sub_id,
            kind=NodeKind.SUB_GOAL,
            parent=draw(st.sampled_from(parents)),
            text=draw(texts),
        )
        for sub_id in (
            draw(st.lists(st.sampled_from(["plan.x", "plan.y"]), unique=True)) if parents else []
        )
    ]
    targets = [g.id for g in goals] + [s.id for s in sub_goals]
    activities = [
        Activity(
            id=activity_id,
            goal=draw(st.sampled_from(targets)),
            text=draw(texts),
            network=draw(st.none() | st.sampled_from(network_ids)) if network_ids else None,
            working_group=draw(st.lists(parties, max_size=3, unique=True)),
            when=draw(st.none() | words),
            cost=draw(st.none() | amounts),
            continues=draw(
                st.none()
                | st.builds(Continuation, year=st.integers(1990, 1999), activity=st.none() | slugs)
            ),
        )
        for activity_id in (draw(st.lists(slugs, max_size=4, unique=True)) if targets else [])
    ]
    return Plan(
        year=draw(st.integers(2000, 2040)),
        programme=programme,
        title=draw(texts),
        date=draw(st.none() | days),
        sub_goals=sub_goals,
        activities=activities,
        budget=draw(st.none() | budgets),
        calendar=draw(st.lists(calendar_entries(), max_size=4)),
        offices=draw(
            st.lists(
                st.builds(
                    Office,
                    body=st.sampled_from(CollaborationBody),
                    role=st.sampled_from(OfficeRole),
                    party=parties,
                ),
                max_size=3,
            )
        ),
        conferences=draw(st.lists(conferences(), max_size=2, unique_by=lambda c: c.id)),
        sources=draw(st.lists(words, max_size=2)),
    )


# -- follow-up ----------------------------------------------------------------------------

comments = st.text(alphabet='abå ,;"|\n', min_size=1, max_size=8).map(str.strip).filter(bool)
"""Comments with the characters a CSV file must quote."""


@st.composite
def follow_ups(draw: st.DrawFn, plan: Plan) -> FollowUp:
    """A valid follow-up of *plan*: a few dated statuses of its activities, in any order."""
    ids = [activity.id for activity in plan.activities]
    networks = [network.id for network in plan.programme.networks]
    year = st.dates(datetime.date(plan.year, 1, 1), datetime.date(plan.year, 12, 31))
    keys = (
        draw(st.lists(st.tuples(st.sampled_from(ids), year), max_size=8, unique=True))
        if ids
        else []
    )
    return FollowUp(
        plan=plan,
        statuses=[
            ActivityStatus(
                activity=activity,
                status=draw(st.sampled_from(Status)),
                date=day,
                comment=draw(st.none() | comments),
                network=draw(st.none() | st.sampled_from(networks)) if networks else None,
            )
            for activity, day in keys
        ],
    )
