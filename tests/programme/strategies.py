"""Hypothesis strategies for goal trees, programmes and plans."""

from __future__ import annotations

import datetime
from typing import Any

from hypothesis import strategies as st

from sodertorn import (
    MUNICIPALITIES,
    SEK,
    Activity,
    AdoptionRecord,
    Budget,
    BudgetLine,
    CalendarEntry,
    CalendarKind,
    Claim,
    CollaborationBody,
    Conference,
    Hosting,
    Network,
    Node,
    NodeKind,
    Office,
    OfficeRole,
    Period,
    Plan,
    Programme,
    Text,
)

slugs = st.from_regex(r"[a-z][a-z0-9]{0,5}(-[a-z0-9]{1,3})?", fullmatch=True)
"""Stable ids."""

few_slugs = st.sampled_from(["a", "b", "c", "d", "e", "f", "g", "h"])
"""Ids from a small pool, so that two programmes share some."""

words = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=12
).filter(str.strip)

texts = st.builds(Text, words, en=st.none() | words)
days = st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2040, 12, 31))
parties = st.sampled_from(MUNICIPALITIES)
amounts = st.integers(min_value=-(10**9), max_value=10**9).map(SEK.from_ore)


@st.composite
def periods(draw: st.DrawFn) -> Period:
    start = draw(st.integers(2000, 2040))
    end = draw(st.none() | st.integers(start, start + 8))
    return Period(start, end)


@st.composite
def adoption_records(draw: st.DrawFn) -> AdoptionRecord:
    exact = draw(st.booleans())
    if exact:
        window: dict[str, Any] = {"date": draw(days)}
    else:
        first, second = sorted([draw(days), draw(days)])
        window = {
            "earliest": draw(st.none() | st.just(first)),
            "latest": draw(st.none() | st.just(second)),
        }
    return AdoptionRecord(
        party=draw(parties),
        body=draw(st.sampled_from(["kommunstyrelsen", "kommunfullmäktige"])),
        reference=draw(st.none() | words),
        source=draw(words),
        **window,
    )


claims = st.builds(
    Claim,
    kind=st.sampled_from(NodeKind),
    count=st.integers(0, 5),
    per=st.none() | st.sampled_from(NodeKind),
    source=words,
)


@st.composite
def programmes(
    draw: st.DrawFn,
    *,
    ids: st.SearchStrategy[str] = slugs,
    max_nodes: int = 10,
    programme_id: str | None = None,
) -> Programme:
    """A valid programme: a goal tree whose nodes come in any order."""
    root = programme_id if programme_id is not None else draw(st.sampled_from(["sup1", "sup2"]))
    networks = draw(
        st.lists(st.builds(Network, id=slugs, name=texts), max_size=3, unique_by=lambda n: n.id)
    )
    node_ids = draw(st.lists(ids.filter(lambda i: i != root), max_size=max_nodes, unique=True))
    nodes: list[Node] = []
    for node_id in node_ids:
        kind = draw(st.sampled_from(NodeKind))
        parents = [root] + [n.id for n in nodes if n.kind.level < kind.level]
        network_ids = [network.id for network in networks]
        nodes.append(
            Node(
                id=node_id,
                kind=kind,
                parent=draw(st.sampled_from(parents)),
                text=draw(texts),
                title=draw(st.none() | texts),
                network=draw(st.none() | st.sampled_from(network_ids)) if network_ids else None,
            )
        )
    return Programme(
        id=root,
        short_name=draw(words),
        name=draw(texts),
        period=draw(periods()),
        decided=draw(st.none() | days),
        vision=draw(texts),
        vision_title=draw(st.none() | texts),
        purpose=draw(st.none() | texts),
        themes=draw(st.lists(texts, max_size=2)),
        networks=networks,
        nodes=draw(st.permutations(nodes)),
        adoptions=draw(st.lists(adoption_records(), max_size=3)),
        claims=draw(st.lists(claims, max_size=2)),
        replaces=draw(st.none() | slugs),
        sources=draw(st.lists(words, max_size=2)),
    )


@st.composite
def calendar_entries(draw: st.DrawFn) -> CalendarEntry:
    start = draw(days)
    return CalendarEntry(
        start=start,
        end=draw(st.none() | st.dates(min_value=start, max_value=datetime.date(2041, 1, 1))),
        body=draw(st.sampled_from(CollaborationBody)),
        kind=draw(st.sampled_from(CalendarKind)),
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
