"""Strategies for the development programme (SUP): goal trees, plans and follow-ups."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from hypothesis import strategies as st

from sodertorn.money import SEK
from sodertorn.parties import MUNICIPALITIES
from sodertorn.programme import (
    Activity,
    ActivityStatus,
    AdoptionRecord,
    Budget,
    BudgetLine,
    CalendarEntry,
    CalendarKind,
    Claim,
    CollaborationBody,
    Conference,
    Continuation,
    Contribution,
    Edition,
    FollowUp,
    Hosting,
    Network,
    Node,
    NodeKind,
    Office,
    OfficeRole,
    Period,
    Plan,
    Programme,
    Status,
    Text,
)
from sodertorn.testing._values import (
    amounts,
    parties,
    slugs,
    words,
)

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy


# -- the development programme (SUP) --------------------------------------------------------


def few_slugs() -> SearchStrategy[str]:
    """Ids from a pool of eight one-letter ids, so that programmes drawn twice share some.

    Pass it as *ids* to :func:`programmes` to draw pairs worth comparing (diffs, merges).
    """
    return st.sampled_from("abcdefgh")


def texts() -> SearchStrategy[Text]:
    """A :class:`~sodertorn.Text` in Swedish, with or without its English translation."""
    return st.builds(Text, words(), en=st.none() | words())


def days(
    *,
    min_value: datetime.date = datetime.date(2000, 1, 1),
    max_value: datetime.date = datetime.date(2040, 12, 31),
) -> SearchStrategy[datetime.date]:
    """Days between *min_value* and *max_value*: by default the programmes' years, 2000-2040."""
    return st.dates(min_value=min_value, max_value=max_value)


@st.composite
def _periods(draw: st.DrawFn) -> Period:
    start = draw(st.integers(2000, 2040))
    return Period(start, draw(st.none() | st.integers(start, start + 8)))


@st.composite
def adoption_records(draw: st.DrawFn) -> AdoptionRecord:
    """An executive board's adoption of a programme, on a day or within a window."""
    if draw(st.booleans()):
        window: dict[str, Any] = {"date": draw(days())}
    else:
        first, second = sorted([draw(days()), draw(days())])
        window = {
            "earliest": draw(st.none() | st.just(first)),
            "latest": draw(st.none() | st.just(second)),
        }
    return AdoptionRecord(
        party=draw(parties()),
        body=draw(st.sampled_from(["kommunstyrelsen", "kommunfullmäktige"])),
        reference=draw(st.none() | words()),
        source=draw(words()),
        **window,
    )


@st.composite
def programmes(
    draw: st.DrawFn,
    *,
    ids: SearchStrategy[str] | None = None,
    max_nodes: int = 10,
    programme_id: str | None = None,
) -> Programme:
    """Valid :class:`~sodertorn.Programme` goal trees, their nodes in any order.

    Every node hangs under the root or under a node of a higher level; networks,
    adoptions and claims are drawn too. *ids* draws node ids (:func:`slugs` by default;
    :func:`few_slugs` makes two programmes share some, for diffs).
    """
    node_id_strategy = slugs() if ids is None else ids
    root = programme_id if programme_id is not None else draw(st.sampled_from(["sup1", "sup2"]))
    networks = draw(
        st.lists(st.builds(Network, id=slugs(), name=texts()), max_size=3, unique_by=lambda n: n.id)
    )
    network_ids = [network.id for network in networks]
    node_ids = draw(
        st.lists(node_id_strategy.filter(lambda i: i != root), max_size=max_nodes, unique=True)
    )
    nodes: list[Node] = []
    for node_id in node_ids:
        kind = draw(st.sampled_from(NodeKind))
        parents = [root] + [n.id for n in nodes if n.kind.level < kind.level]
        nodes.append(
            Node(
                id=node_id,
                kind=kind,
                parent=draw(st.sampled_from(parents)),
                text=draw(texts()),
                title=draw(st.none() | texts()),
                network=draw(st.none() | st.sampled_from(network_ids)) if network_ids else None,
            )
        )
    claims = st.builds(
        Claim,
        kind=st.sampled_from(NodeKind),
        count=st.integers(0, 5),
        per=st.none() | st.sampled_from(NodeKind),
        source=words(),
    )
    return Programme(
        id=root,
        short_name=draw(words()),
        name=draw(texts()),
        period=draw(_periods()),
        decided=draw(st.none() | days()),
        vision=draw(texts()),
        vision_title=draw(st.none() | texts()),
        purpose=draw(st.none() | texts()),
        themes=draw(st.lists(texts(), max_size=2)),
        networks=networks,
        nodes=draw(st.permutations(nodes)),
        adoptions=draw(st.lists(adoption_records(), max_size=3)),
        claims=draw(st.lists(claims, max_size=2)),
        replaces=draw(st.none() | slugs()),
        sources=draw(st.lists(words(), max_size=2)),
    )


def _successor(
    index: int, start: int, end: int | None, adopted: datetime.date | None, *, window: bool
) -> Programme:
    if adopted is None:
        adoptions: list[AdoptionRecord] = []
    elif window:
        adoptions = [AdoptionRecord(party=p, latest=adopted, source="s") for p in MUNICIPALITIES]
    else:
        adoptions = [AdoptionRecord(party=p, date=adopted, source="s") for p in MUNICIPALITIES]
    return Programme(
        id=f"p{index}",
        short_name=f"P{index}",
        name=Text(f"Program {index}"),
        period=Period(start, end),
        vision=Text("Vision"),
        adoptions=adoptions,
        replaces=None if index == 0 else f"p{index - 1}",
    )


@st.composite
def programme_chains(
    draw: st.DrawFn, *, min_size: int = 2, max_size: int = 4
) -> tuple[Programme, ...]:
    """Programmes ``p0``, ``p1``... each replacing the one before, for questions of succession.

    Each starts in a year from 2000 to 2010 and runs up to three years more or without an
    end; all eight parties adopt it on a day, or by a day, in its first three years, or no
    adoption is recorded.
    """
    found = []
    for index in range(draw(st.integers(min_size, max_size))):
        start = draw(st.integers(2000, 2010))
        end = draw(st.none() | st.integers(start, start + 3))
        adopted = draw(
            st.none() | st.dates(datetime.date(start, 1, 1), datetime.date(start + 2, 12, 31))
        )
        found.append(_successor(index, start, end, adopted, window=draw(st.booleans())))
    return tuple(found)


def contributions() -> SearchStrategy[Contribution]:
    """A programme's :class:`~sodertorn.Contribution` to one to three goals of a regional plan."""
    return st.builds(
        Contribution,
        plan=texts(),
        goals=st.lists(st.builds(Text, words()), min_size=1, max_size=3),
        source=words(),
    )


_PLAN_AMOUNTS = amounts(min_value=SEK(-(10**7)), max_value=SEK(10**7))


@st.composite
def calendar_entries(draw: st.DrawFn) -> CalendarEntry:
    """A meeting or planning conference of a collaboration body, on one day or several."""
    start = draw(days())
    return CalendarEntry(
        start=start,
        end=draw(st.none() | st.dates(min_value=start, max_value=datetime.date(2041, 1, 1))),
        body=draw(st.sampled_from(CollaborationBody)),
        kind=draw(st.sampled_from([CalendarKind.MEETING, CalendarKind.PLANNING_CONFERENCE])),
        place=draw(st.none() | words()),
        host=draw(st.none() | parties()),
    )


def budget_lines() -> SearchStrategy[BudgetLine]:
    """A :class:`~sodertorn.BudgetLine`: a label and an amount, exact or approximate."""
    return st.builds(BudgetLine, label=texts(), amount=_PLAN_AMOUNTS, approximate=st.booleans())


def budgets() -> SearchStrategy[Budget]:
    """A plan's :class:`~sodertorn.Budget`: a few lines of revenue and costs, a rate or not."""
    return st.builds(
        Budget,
        revenue=st.lists(budget_lines(), max_size=2),
        costs=st.lists(budget_lines(), max_size=4),
        rate=st.none() | _PLAN_AMOUNTS,
        population=st.none() | st.integers(0, 10**6),
        population_date=st.none() | days(),
        note=st.none() | words(),
    )


def editions() -> SearchStrategy[Edition]:
    """One year's :class:`~sodertorn.Edition` of a conference, its time and kind in words."""
    return st.builds(
        Edition, year=st.integers(2000, 2040), when=st.none() | words(), note=st.none() | words()
    )


@st.composite
def conferences(draw: st.DrawFn) -> Conference:
    """A recurring :class:`~sodertorn.Conference` with hosts by year and announced editions."""
    years = draw(st.lists(st.integers(2000, 2040), max_size=4, unique=True))
    return Conference(
        id=draw(slugs()),
        name=draw(words()),
        aliases=draw(st.lists(words(), max_size=2)),
        rotation=[
            Hosting(year=year, parties=draw(st.lists(parties(), min_size=1, max_size=2)))
            for year in years
        ],
        arranged_by=draw(st.none() | words()),
        every=draw(st.none() | st.integers(1, 4)),
        note=draw(st.none() | words()),
        editions=draw(st.lists(editions(), max_size=3, unique_by=lambda e: e.year)),
    )


@st.composite
def plans(draw: st.DrawFn, programme: Programme | None = None) -> Plan:
    """A valid yearly :class:`~sodertorn.Plan` of *programme* (or of one of :func:`programmes`).

    Sub-goals under the programme's goals, activities towards them, a budget or none,
    calendar entries, offices and conferences.
    """
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
            text=draw(texts()),
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
            text=draw(texts()),
            network=draw(st.none() | st.sampled_from(network_ids)) if network_ids else None,
            working_group=draw(st.lists(parties(), max_size=3, unique=True)),
            when=draw(st.none() | words()),
            cost=draw(st.none() | _PLAN_AMOUNTS),
            continues=draw(
                st.none()
                | st.builds(
                    Continuation, year=st.integers(1990, 1999), activity=st.none() | slugs()
                )
            ),
        )
        for activity_id in (draw(st.lists(slugs(), max_size=4, unique=True)) if targets else [])
    ]
    return Plan(
        year=draw(st.integers(2000, 2040)),
        programme=programme,
        title=draw(texts()),
        date=draw(st.none() | days()),
        sub_goals=sub_goals,
        activities=activities,
        budget=draw(st.none() | budgets()),
        calendar=draw(st.lists(calendar_entries(), max_size=4)),
        offices=draw(
            st.lists(
                st.builds(
                    Office,
                    body=st.sampled_from(CollaborationBody),
                    role=st.sampled_from(OfficeRole),
                    party=parties(),
                ),
                max_size=3,
            )
        ),
        conferences=draw(st.lists(conferences(), max_size=2, unique_by=lambda c: c.id)),
        sources=draw(st.lists(words(), max_size=2)),
    )


def comments() -> SearchStrategy[str]:
    """Short comments on one or more lines, with the characters a CSV file must quote."""
    return st.text(alphabet='abå ,;"|\n', min_size=1, max_size=8).map(str.strip).filter(bool)


@st.composite
def follow_ups(draw: st.DrawFn, plan: Plan) -> FollowUp:
    """A valid :class:`~sodertorn.FollowUp` of *plan*: dated statuses of its activities.

    A few statuses at most, on days of the plan's year, in any order.
    """
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
                comment=draw(st.none() | comments()),
                network=draw(st.none() | st.sampled_from(networks)) if networks else None,
            )
            for activity, day in keys
        ],
    )
