"""The goal structure of a development programme (SUP) as a typed tree.

Södertörns utvecklingsprogram is the collaboration's steering document. The three
programmes in the sources have different shapes (SUP 2013: subject areas, goals and
sub-goals; SUP 2035: two groups of focus areas, an overarching goal, one goal and its
sub-goals per area; SUP 2040: one focus area, an overarching goal and two long-term
goals), so the model is generic: a :class:`Programme` is the root and holds a vision, a
purpose, cross-cutting themes and a flat tuple of :class:`Node` values, each naming its
parent by id. Activities are not part of the programme: they live in the annual plan
(:class:`~sodertorn.Plan`) and point at a goal.

A node's kind fixes where it may sit: a child is always of a lower level than its parent
(focus area group > focus area > overarching goal > goal or long-term goal > sub-goal).

>>> from sodertorn import Programme
>>> from sodertorn.programme import Node, NodeKind, Period, Text
>>> tiny = Programme(
...     id="sup2099", short_name="SUP 2099", name=Text("Södertörns utvecklingsprogram 2099"),
...     period=Period(2099, 2102), vision=Text("Södertörn växer"),
...     nodes=[Node(id="infra", kind=NodeKind.FOCUS_AREA, parent="sup2099",
...                 text=Text("Infrastruktur"))],
... )
>>> [node.id for node in tiny.walk()]
['infra']
>>> Programme(id="sup2099", short_name="SUP 2099", name=Text("x"), period=Period(2099, 2102),
...           vision=Text("v"), nodes=[Node(id="a", kind=NodeKind.GOAL, parent="nowhere",
...                                         text=Text("Mål"))])
Traceback (most recent call last):
...
sodertorn.GoalTreeError: node 'a' names parent 'nowhere', which is neither the programme ...

Source: DOMAIN.md § 3 (generic shape); SUP 2040 (Verksamhetsplan 2024, bilaga 3,
"Målstruktur, genomförande och uppföljning").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from sodertorn.errors import GoalTreeError, SodertornError
from sodertorn.programme._checks import (
    day,
    is_a,
    tree_each,
    tree_optional,
    tree_required,
    tree_tuple,
)
from sodertorn.programme._ids import check_id
from sodertorn.programme._slots import Slot
from sodertorn.programme.claims import Claim, Finding
from sodertorn.programme.conferences import Conference
from sodertorn.programme.kinds import NodeKind
from sodertorn.programme.record import AdoptionRecord
from sodertorn.programme.text import Text

if TYPE_CHECKING:
    import datetime
    from collections.abc import Iterable, Iterator

    from sodertorn._checks import Check
    from sodertorn.parties import Municipality
    from sodertorn.programme.record import InForce

__all__ = [
    "Claim",
    "Contribution",
    "Finding",
    "Network",
    "Node",
    "NodeKind",
    "Period",
    "Programme",
    "Text",
    "check_id",
    "check_programme",
]


_END = tree_optional(int, "end year")


@attrs.frozen
class Period:
    """The calendar years a programme is meant to cover, both ends included.

    *end* is ``None`` for a programme that runs until it is replaced (SUP 2013).

    >>> 2024 in Period(2023, 2026), str(Period(2023, 2026)), str(Period(2013, None))
    (True, '2023–2026', '2013–')
    >>> Period(2026, 2023)
    Traceback (most recent call last):
    ...
    sodertorn.GoalTreeError: invalid period: end 2023 is before start 2026
    """

    __module__ = "sodertorn.programme"

    start: int = attrs.field(validator=tree_required(int, "start year"))
    end: int | None = attrs.field(default=None)

    @end.validator
    def _check_end(self, attribute: attrs.Attribute[int | None], value: int | None) -> None:
        _END(self, attribute, value)
        if value is not None and value < self.start:
            raise GoalTreeError(f"invalid period: end {value!r} is before start {self.start!r}")

    def __contains__(self, year: object) -> bool:
        if isinstance(year, bool) or not isinstance(year, int):
            return False
        return self.start <= year and (self.end is None or year <= self.end)

    def __str__(self) -> str:
        return f"{self.start}–{'' if self.end is None else self.end}"


@attrs.frozen
class Network:
    """A network (nätverk) or other body that answers for goals: one person per party.

    >>> Network(id="klimat", name=Text("Nätverket för klimatstrategier")).name.sv
    'Nätverket för klimatstrategier'
    >>> Network(id="Klimat", name=Text("x"))
    Traceback (most recent call last):
    ...
    sodertorn.GoalTreeError: invalid network id 'Klimat'; expected a lower-case slug ...
    """

    __module__ = "sodertorn.programme"

    id: str = attrs.field(kw_only=True)
    name: Text = attrs.field(kw_only=True, validator=tree_required(Text, "network name"))

    @id.validator
    def _check_id(self, _: attrs.Attribute[str], value: object) -> None:
        check_id(value, "network id")


@attrs.frozen(kw_only=True)
class Node:
    """One element of a goal tree: a focus area, a goal, a sub-goal.

    *parent* is the id of the parent node, or the programme's id for a top-level node.
    *title* is a short heading when the source gives one besides the goal text (SUP 2040:
    "Klimatomställning"); *network* is the id of the responsible network, if any.

    >>> Node(id="klimat", kind=NodeKind.LONG_TERM_GOAL, parent="infrastruktur.mal",
    ...      text=Text("Södertörn leder vägen i omställningen mot ett hållbart transportsystem"),
    ...      network="klimatstrategier").network
    'klimatstrategier'
    >>> Node(id="a", kind=NodeKind.GOAL, parent="a", text=Text("Mål"))
    Traceback (most recent call last):
    ...
    sodertorn.GoalTreeError: cycle: node 'a' is its own parent
    """

    __module__ = "sodertorn.programme"

    id: str = attrs.field()
    kind: NodeKind = attrs.field(validator=tree_required(NodeKind, "node kind"))
    parent: str = attrs.field()
    text: Text = attrs.field(validator=tree_required(Text, "node text"))
    title: Text | None = attrs.field(default=None, validator=tree_optional(Text, "node title"))
    network: str | None = attrs.field(default=None)

    @id.validator
    def _check_id(self, _: attrs.Attribute[str], value: object) -> None:
        check_id(value, "node id")

    @parent.validator
    def _check_parent(self, _: attrs.Attribute[str], value: object) -> None:
        check_id(value, "parent id")
        if value == self.id:
            raise GoalTreeError(f"cycle: node {value!r} is its own parent")

    @network.validator
    def _check_network(self, _: attrs.Attribute[str | None], value: object) -> None:
        if value is not None:
            check_id(value, "network id")


@attrs.frozen(kw_only=True)
class Contribution:
    """Goals of a regional plan that a programme says it contributes to.

    SUP 2035 contributes to the three goals of RUFS 2050, the regional development plan
    for the Stockholm region (Tyresö KS § 60, 2019, appendix SUP 2035,
    "Regionalutveckling inom Stockholmsregionen").

    >>> rufs = Contribution(plan=Text("RUFS 2050"), goals=[Text("En ledande tillväxt- och "
    ...     "kunskapsregion")], source="SUP 2035")
    >>> [goal.sv for goal in rufs.goals]
    ['En ledande tillväxt- och kunskapsregion']
    >>> Contribution(plan=Text("RUFS 2050"), goals=[], source="SUP 2035")
    Traceback (most recent call last):
    ...
    sodertorn.GoalTreeError: a contribution to 'RUFS 2050' names no goal; expected at least one
    """

    __module__ = "sodertorn.programme"

    plan: Text = attrs.field(validator=tree_required(Text, "contributed plan"))
    goals: tuple[Text, ...] = attrs.field(
        converter=tree_tuple, validator=tree_each(Text, "plan goal")
    )
    source: str = attrs.field(validator=tree_required(str, "contribution source"))

    def __attrs_post_init__(self) -> None:
        if not self.goals:
            raise GoalTreeError(
                f"a contribution to {self.plan.sv!r} names no goal; expected at least one"
            )


_check_date = day(optional=True)


@attrs.frozen(kw_only=True)
class Programme:
    """A development programme: the root of its goal tree.

    Validated when built: ids are unique slugs, every node's parent is the programme or
    another node, there are no cycles, a child sits at a lower level than its parent,
    and every network a node names is one of the programme's networks.

    Besides the goal tree a programme holds what its source says of itself: its
    *adoptions*, *claims* about its own shape, the regional goals it says it serves
    (*contributions*), the *conferences* it names, and *replaces*, the id of the programme
    it takes over from (see :func:`~sodertorn.programme.in_force`).

    >>> from sodertorn import load_programme
    >>> sup = load_programme("sup2040")
    >>> sup.vision.sv
    'Södertörn leder Sveriges starka och hållbara tillväxt'
    >>> [node.title.sv for node in sup.nodes_of(NodeKind.LONG_TERM_GOAL)]
    ['Klimatomställning', 'Tillgänglighet']
    >>> sup.node("tillganglighet").network
    'trafikstrategier'
    >>> sup.node("rymden")
    Traceback (most recent call last):
    ...
    sodertorn.GoalTreeError: no node 'rymden' in 'sup2040'
    """

    __module__ = "sodertorn"

    id: str = attrs.field()
    short_name: str = attrs.field(validator=tree_required(str, "short name"))
    name: Text = attrs.field(validator=tree_required(Text, "programme name"))
    period: Period = attrs.field(validator=tree_required(Period, "period"))
    decided: datetime.date | None = attrs.field(default=None, validator=_check_date)
    vision: Text = attrs.field(validator=tree_required(Text, "vision"))
    vision_title: Text | None = attrs.field(
        default=None, validator=tree_optional(Text, "vision title")
    )
    purpose: Text | None = attrs.field(default=None, validator=tree_optional(Text, "purpose"))
    themes: tuple[Text, ...] = attrs.field(
        default=(), converter=tree_tuple, validator=tree_each(Text, "theme")
    )
    networks: tuple[Network, ...] = attrs.field(
        default=(), converter=tree_tuple, validator=tree_each(Network, "network")
    )
    nodes: tuple[Node, ...] = attrs.field(
        default=(), converter=tree_tuple, validator=tree_each(Node, "node")
    )
    adoptions: tuple[AdoptionRecord, ...] = attrs.field(
        default=(), converter=tree_tuple, validator=tree_each(AdoptionRecord, "adoption record")
    )
    claims: tuple[Claim, ...] = attrs.field(
        default=(), converter=tree_tuple, validator=tree_each(Claim, "claim")
    )
    contributions: tuple[Contribution, ...] = attrs.field(
        default=(), converter=tree_tuple, validator=tree_each(Contribution, "contribution")
    )
    conferences: tuple[Conference, ...] = attrs.field(
        default=(), converter=tree_tuple, validator=tree_each(Conference, "conference")
    )
    replaces: str | None = attrs.field(default=None)
    sources: tuple[str, ...] = attrs.field(
        default=(), converter=tree_tuple, validator=tree_each(str, "source")
    )
    _by_id: dict[str, Node] = attrs.field(init=False, repr=False, eq=False, hash=False)
    _children: dict[str, tuple[Node, ...]] = attrs.field(
        init=False, repr=False, eq=False, hash=False
    )

    @id.validator
    def _check_id(self, _: attrs.Attribute[str], value: object) -> None:
        check_id(value, "programme id")

    @replaces.validator
    def _check_replaces(self, _: attrs.Attribute[str | None], value: object) -> None:
        if value is not None:
            check_id(value, "replaced programme id")

    def __attrs_post_init__(self) -> None:
        by_id: dict[str, Node] = {}
        for node in self.nodes:
            if node.id == self.id or node.id in by_id:
                raise GoalTreeError(f"duplicate id {node.id!r} in programme {self.id!r}")
            by_id[node.id] = node
        children: dict[str, list[Node]] = {self.id: []}
        for node in self.nodes:
            if node.parent != self.id and node.parent not in by_id:
                raise GoalTreeError(
                    f"node {node.id!r} names parent {node.parent!r}, which is neither the "
                    f"programme {self.id!r} nor a node of it"
                )
            children.setdefault(node.parent, []).append(node)
        frozen = {key: tuple(value) for key, value in children.items()}
        object.__setattr__(self, "_by_id", by_id)
        object.__setattr__(self, "_children", frozen)
        reached = {node.id for node in self.walk()}
        if len(reached) != len(by_id):
            looped = sorted(set(by_id) - reached)
            raise GoalTreeError(
                f"cycle: nodes {looped!r} do not lead up to the programme {self.id!r}"
            )
        self._check_levels_and_networks()

    def _check_levels_and_networks(self) -> None:
        conference_ids = [conference.id for conference in self.conferences]
        if len(set(conference_ids)) != len(conference_ids):
            raise GoalTreeError(
                f"programme {self.id!r} lists a conference twice: {conference_ids!r}"
            )
        network_ids: set[str] = set()
        for network in self.networks:
            if network.id in network_ids:
                raise GoalTreeError(f"duplicate network id {network.id!r} in {self.id!r}")
            network_ids.add(network.id)
        for node in self.nodes:
            parent = self._by_id.get(node.parent)
            if parent is not None and parent.kind.level >= node.kind.level:
                raise GoalTreeError(
                    f"a {node.kind.value} ({node.id!r}) cannot sit under a "
                    f"{parent.kind.value} ({parent.id!r}); expected a child of a lower level"
                )
            if node.network is not None and node.network not in network_ids:
                raise GoalTreeError(
                    f"node {node.id!r} names network {node.network!r}; expected one of "
                    f"{sorted(network_ids)!r}"
                )

    # -- navigation --------------------------------------------------------------------

    def node(self, node_id: str) -> Node:
        """Return the node with id *node_id*; :class:`~sodertorn.GoalTreeError` if none."""
        if not isinstance(node_id, str):
            raise GoalTreeError(
                f"invalid node id {node_id!r}; expected the id of a node of {self.id!r}, "
                f"a string such as 'klimat'"
            )
        try:
            return self._by_id[node_id]
        except KeyError:
            raise GoalTreeError(f"no node {node_id!r} in {self.id!r}") from None

    def __contains__(self, node_id: object) -> bool:
        return isinstance(node_id, str) and node_id in self._by_id

    def children(self, node_id: str | None = None) -> tuple[Node, ...]:
        """Return the children of *node_id* in source order; of the programme if ``None``."""
        key = self.id if node_id is None else self.node(node_id).id
        return self._children.get(key, ())

    def ancestors(self, node_id: str) -> tuple[Node, ...]:
        """Return the nodes above *node_id*, nearest first (the programme is not a node)."""
        found: list[Node] = []
        current = self.node(node_id)
        while current.parent != self.id:
            current = self._by_id[current.parent]
            found.append(current)
        return tuple(found)

    def walk(self, node_id: str | None = None) -> Iterator[Node]:
        """Every node under *node_id* (default: the whole tree), depth first, source order.

        >>> from sodertorn import load_programme
        >>> [n.kind.value for n in load_programme("sup2040").walk()]
        ['focus-area', 'overarching-goal', 'long-term-goal', 'long-term-goal']
        """
        stack = list(reversed(self.children(node_id)))
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(self._children.get(node.id, ())))

    def depth(self, node_id: str) -> int:
        """How many nodes lie above *node_id* (0 for a child of the programme)."""
        return len(self.ancestors(node_id))

    def nodes_of(self, kind: NodeKind) -> tuple[Node, ...]:
        """Return the nodes of *kind*, in walk order."""
        if not isinstance(kind, NodeKind):
            raise GoalTreeError(f"invalid kind {kind!r}; expected a NodeKind")
        return tuple(node for node in self.walk() if node.kind is kind)

    def goals(self) -> tuple[Node, ...]:
        """Every goal-like node (overarching goal, goals, long-term goals, sub-goals)."""
        return tuple(node for node in self.walk() if node.kind.is_goal)

    def network(self, network_id: str) -> Network:
        """Return the network with id *network_id*; :class:`~sodertorn.GoalTreeError` if none."""
        if not isinstance(network_id, str):
            raise GoalTreeError(
                f"invalid network id {network_id!r}; expected one of "
                f"{[n.id for n in self.networks]!r}"
            )
        for network in self.networks:
            if network.id == network_id:
                return network
        raise GoalTreeError(
            f"no network {network_id!r} in {self.id!r}; expected one of "
            f"{[n.id for n in self.networks]!r}"
        )

    def responsible(self, node_id: str) -> Network | None:
        """Return the network answering for *node_id*: its own, else the nearest ancestor's."""
        for node in (self.node(node_id), *self.ancestors(node_id)):
            if node.network is not None:
                return self.network(node.network)
        return None

    # -- delegations to the queries and views built on the programme -------------------

    def find(
        self,
        text: str | None = None,
        *,
        network: str | None = None,
        kind: NodeKind | None = None,
    ) -> tuple[Node, ...]:
        """Nodes whose text contains *text* and/or whose network matches; see :func:`find_goals`."""
        return FIND_GOALS(self, text, network=network, kind=kind)

    def in_force(
        self,
        day: datetime.date,
        *,
        parties: Iterable[Municipality] | None = None,
        programmes: Iterable[Programme] | None = None,
    ) -> InForce:
        """Whether the programme is in force on *day*: yes, no or unknown; see :func:`in_force`."""
        return IN_FORCE(self, day, parties=parties, programmes=programmes)

    def findings(self) -> tuple[Finding, ...]:
        """Where the source contradicts itself; see :func:`~sodertorn.programme.check_consistency`."""
        return CHECK_CONSISTENCY(self)

    def to_text(self, lang: str = "sv") -> str:
        """Return the goal tree as indented text; see :func:`~sodertorn.programme.goals_text`."""
        return GOALS_TEXT(self, lang)

    def to_markdown(self, lang: str = "sv") -> str:
        """Return the goal tree as Markdown; see :func:`~sodertorn.programme.goals_markdown`."""
        return GOALS_MARKDOWN(self, lang)

    def _repr_html_(self) -> str:
        return GOALS_HTML(self, "sv")


# Filled by sodertorn.programme with the functions of the modules above this one.
FIND_GOALS: Slot[..., tuple[Node, ...]] = Slot("find_goals")
IN_FORCE: Slot[..., InForce] = Slot("in_force")
CHECK_CONSISTENCY: Slot[[Programme], tuple[Finding, ...]] = Slot("check_consistency")
GOALS_TEXT: Slot[[Programme, str], str] = Slot("goals_text")
GOALS_MARKDOWN: Slot[[Programme, str], str] = Slot("goals_markdown")
GOALS_HTML: Slot[[Programme, str], str] = Slot("goals_html")


_PROGRAMME: Check[Programme] = is_a(
    Programme, "programme", expected="a Programme (see load_programme)", error=GoalTreeError
)


def check_programme(value: object, *, error: type[SodertornError] = GoalTreeError) -> Programme:
    """Return *value* if it is a :class:`Programme`, else raise *error* naming it.

    >>> check_programme("sup2040")
    Traceback (most recent call last):
    ...
    sodertorn.GoalTreeError: invalid programme 'sup2040'; expected a Programme (see load_programme)
    """
    return _PROGRAMME.raising(error).check(value, "programme")
