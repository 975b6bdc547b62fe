"""The goal model: construction, validation, navigation, and generated trees."""

from __future__ import annotations

import datetime

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sodertorn import GoalTreeError, Programme, SodertornError, load_programme
from sodertorn.programme import Claim, Network, Node, NodeKind, Period, Text
from sodertorn.testing import programmes, texts


def make(nodes: list[Node], **fields: object) -> Programme:
    base: dict[str, object] = {
        "id": "sup9",
        "short_name": "SUP 9",
        "name": Text("Program"),
        "period": Period(2027, 2030),
        "vision": Text("Vision"),
    }
    base.update(fields)
    return Programme(nodes=nodes, **base)  # type: ignore[arg-type]


def goal(node_id: str, parent: str = "sup9", kind: NodeKind = NodeKind.GOAL) -> Node:
    return Node(id=node_id, kind=kind, parent=parent, text=Text(f"Mål {node_id}"))


# -- generated trees ---------------------------------------------------------------------


@given(programmes())
def test_ids_are_unique_and_every_node_is_reachable(programme: Programme) -> None:
    walked = [node.id for node in programme.walk()]
    assert len(walked) == len(set(walked))
    assert sorted(walked) == sorted(node.id for node in programme.nodes)
    for node in programme.nodes:
        chain = [node, *programme.ancestors(node.id)]
        assert chain[-1].parent == programme.id
        assert programme.depth(node.id) == len(chain) - 1
        assert all(a.kind.level < b.kind.level for a, b in zip(chain[1:], chain, strict=False))


@given(programmes(), texts())
def test_a_duplicate_id_is_refused(programme: Programme, text: Text) -> None:
    for node in programme.nodes[:1]:
        twin = attrs.evolve(node, text=text)
        with pytest.raises(GoalTreeError, match=rf"duplicate id {node.id!r}"):
            attrs.evolve(programme, nodes=(*programme.nodes, twin))
    twin_of_root = goal(programme.id, parent="elsewhere")
    with pytest.raises(GoalTreeError, match="duplicate id"):
        attrs.evolve(programme, nodes=(*programme.nodes, twin_of_root))


@given(programmes())
def test_a_dangling_parent_is_refused(programme: Programme) -> None:
    orphan = goal("orphan.x", parent="missing.parent")
    with pytest.raises(GoalTreeError, match=r"names parent 'missing\.parent', which is neither"):
        attrs.evolve(programme, nodes=(*programme.nodes, orphan))


@given(programmes(), st.integers(2, 4))
def test_a_cycle_is_refused(programme: Programme, length: int) -> None:
    ring = [f"ring.{i}" for i in range(length)]
    looped = [goal(node_id, parent=ring[i - 1]) for i, node_id in enumerate(ring)]
    with pytest.raises(GoalTreeError, match=r"cycle: nodes \['ring.0', "):
        attrs.evolve(programme, nodes=(*programme.nodes, *looped))


def test_a_node_cannot_be_its_own_parent() -> None:
    with pytest.raises(GoalTreeError, match="cycle: node 'a' is its own parent"):
        goal("a", parent="a")


def test_a_child_must_sit_lower_than_its_parent() -> None:
    with pytest.raises(
        GoalTreeError, match=r"a focus-area \('b'\) cannot sit under a goal \('a'\)"
    ):
        make([goal("a"), goal("b", parent="a", kind=NodeKind.FOCUS_AREA)])
    with pytest.raises(GoalTreeError) as info:
        make([goal("a"), goal("b", parent="a")])
    assert str(info.value) == (
        "a goal ('b') cannot sit under a goal ('a'); expected a child of a lower level"
    )


def test_networks_must_exist_and_be_unique() -> None:
    klimat = Network(id="klimat", name=Text("Klimatstrateger"))
    with pytest.raises(GoalTreeError, match="names network 'trafik'; expected one of"):
        make([attrs.evolve(goal("a"), network="trafik")], networks=[klimat])
    with pytest.raises(GoalTreeError, match="duplicate network id 'klimat'"):
        make([], networks=[klimat, klimat])


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: Text(""), "invalid Swedish text ''"),
        (lambda: Text(3), "invalid Swedish text 3"),  # type: ignore[arg-type]
        (lambda: Text("a", en=" "), "invalid English text ' '"),
        (lambda: Period("2023", 2026), "invalid start year '2023'"),  # type: ignore[arg-type]
        (lambda: Period(2023, True), "invalid end year True"),
        (lambda: Period(2023, 2022), "end 2022 is before start 2023"),
        (lambda: Node(id="A", kind=NodeKind.GOAL, parent="p", text=Text("x")), "invalid node id"),
        (
            lambda: Node(id="a", kind="goal", parent="p", text=Text("x")),  # type: ignore[arg-type]
            "invalid node kind 'goal'; expected a NodeKind",
        ),
        (lambda: Node(id="a", kind=NodeKind.GOAL, parent="P", text=Text("x")), "invalid parent id"),
        (
            lambda: Node(id="a", kind=NodeKind.GOAL, parent="p", text="x"),  # type: ignore[arg-type]
            "invalid node text 'x'; expected a Text",
        ),
        (
            lambda: Node(id="a", kind=NodeKind.GOAL, parent="p", text=Text("x"), title="t"),  # type: ignore[arg-type]
            "invalid node title 't'; expected a Text or None",
        ),
        (
            lambda: Node(id="a", kind=NodeKind.GOAL, parent="p", text=Text("x"), network="N"),
            "invalid network id 'N'",
        ),
        (lambda: Network(id="n", name="x"), "invalid network name 'x'"),  # type: ignore[arg-type]
        (lambda: Claim(kind=NodeKind.GOAL, count=True, source="s"), "invalid claimed count True"),
        (lambda: make([], id="SUP"), "invalid programme id 'SUP'"),
        (lambda: make([], replaces="Old"), "invalid replaced programme id 'Old'"),
        (
            lambda: make("ab"),  # type: ignore[arg-type]
            "expected a sequence, got 'ab'",
        ),
        (lambda: make([], themes=["x"]), "invalid theme 'x'; expected a Text"),
        (
            lambda: make([], decided=datetime.datetime(2023, 1, 12)),
            "invalid decided datetime.datetime",
        ),
        (lambda: make([], short_name=None), "invalid short name None"),
    ],
)
def test_bad_values_are_refused_with_the_value_named(build: object, message: str) -> None:
    with pytest.raises(GoalTreeError) as caught:
        build()  # type: ignore[operator]
    assert message in str(caught.value)
    assert isinstance(caught.value, (SodertornError, ValueError))


def test_navigation_of_sup2040() -> None:
    sup = load_programme("sup2040")
    assert [n.id for n in sup.children()] == ["infrastruktur"]
    assert [n.id for n in sup.children("overgripande-mal")] == [
        "klimatomstallning",
        "tillganglighet",
    ]
    assert [n.id for n in sup.ancestors("tillganglighet")] == ["overgripande-mal", "infrastruktur"]
    assert sup.depth("infrastruktur") == 0
    assert [n.id for n in sup.walk("overgripande-mal")] == ["klimatomstallning", "tillganglighet"]
    assert [n.id for n in sup.goals()] == [
        "overgripande-mal",
        "klimatomstallning",
        "tillganglighet",
    ]
    assert "tillganglighet" in sup
    assert 3 not in sup
    responsible = sup.responsible("klimatomstallning")
    assert responsible is not None
    assert responsible.name.sv == "Nätverket för klimatstrategier"
    assert sup.responsible("infrastruktur") is None


def test_responsible_falls_back_to_the_nearest_ancestor() -> None:
    network = Network(id="n", name=Text("Nätverk"))
    programme = make(
        [attrs.evolve(goal("a"), network="n"), goal("b", parent="a", kind=NodeKind.SUB_GOAL)],
        networks=[network],
    )
    assert programme.responsible("b") == network


def test_lookups_name_what_is_missing() -> None:
    sup = load_programme("sup2040")
    with pytest.raises(GoalTreeError, match="no node 'x' in 'sup2040'"):
        sup.node("x")
    with pytest.raises(GoalTreeError, match="invalid node id 3; expected the id of a node of"):
        sup.node(3)  # type: ignore[arg-type]
    with pytest.raises(GoalTreeError, match=r"no network 'x' in 'sup2040'; expected one of \["):
        sup.network("x")


def test_text_and_period_read_naturally() -> None:
    assert str(Text("Klimat", en="Climate")) == "Klimat"
    assert Text("Klimat", en="Climate").get("en") == "Climate"
    assert "2024" not in Period(2023, 2026)
    assert 2099 in Period(2013, None)
    assert 2012 not in Period(2013, None)
    assert [year in Period(2023, 2026) for year in (2022, 2023, 2026, 2027)] == [
        False,
        True,
        True,
        False,
    ]


def test_kinds_have_levels_and_labels() -> None:
    assert [kind.is_goal for kind in NodeKind] == [False, False, False, True, True, True, True]
    assert NodeKind.LONG_TERM_GOAL.label == "Long-term goal"
