"""Questions asked of a programme and a plan: find goals, activities per goal, gaps.

Text search folds case and diacritics, so ``"laddinfrastruktur"`` and
``"LADDINFRASTRUKTUR"`` find the same goals, and ``"tillganglig"`` finds
``"tillgänglig"``:

>>> from sodertorn import load_programme
>>> from sodertorn.programme import find_goals
>>> [node.id for node in find_goals(load_programme("sup2040"), "tillganglig")]
['overgripande-mal', 'tillganglighet']
>>> find_goals(load_programme("sup2040"))
Traceback (most recent call last):
...
sodertorn.GoalTreeError: find_goals needs a text, a network or a kind to look for
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from sodertorn.errors import GoalTreeError, PlanError
from sodertorn.programme.model import NodeKind, check_programme
from sodertorn.programme.plan import check_plan

if TYPE_CHECKING:
    from sodertorn.programme.model import Node, Programme
    from sodertorn.programme.plan import Activity, Plan

__all__ = ["activities_for", "find_goals", "goals_without_activity"]


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def _texts(node: Node) -> list[str]:
    texts = [node.text.sv, node.text.en or ""]
    if node.title is not None:
        texts += [node.title.sv, node.title.en or ""]
    return texts


def find_goals(
    programme: Programme,
    text: str | None = None,
    *,
    network: str | None = None,
    kind: NodeKind | None = None,
) -> tuple[Node, ...]:
    """Nodes of *programme* matching every criterion given, in walk order.

    *text* is looked for in the node's text and title (Swedish and English); *network*
    matches the id or the name of the node's own network; *kind* its kind.

    >>> from sodertorn import load_programme
    >>> [n.id for n in find_goals(load_programme("sup2040"), network="RUFS")]
    ['overgripande-mal']
    """
    check_programme(programme)
    if text is None and network is None and kind is None:
        raise GoalTreeError("find_goals needs a text, a network or a kind to look for")
    if text is not None and not isinstance(text, str):
        raise GoalTreeError(f"invalid search text {text!r}; expected a string")
    if network is not None and not isinstance(network, str):
        raise GoalTreeError(f"invalid network {network!r}; expected an id or a name")
    if kind is not None and not isinstance(kind, NodeKind):
        raise GoalTreeError(f"invalid kind {kind!r}; expected a NodeKind")
    wanted_networks: set[str] | None = None
    if network is not None:
        key = _fold(network)
        wanted_networks = {
            n.id
            for n in programme.networks
            if key == n.id or key in _fold(n.name.sv) or key in _fold(n.name.en or "")
        }
    found: list[Node] = []
    for node in programme.walk():
        if kind is not None and node.kind is not kind:
            continue
        if wanted_networks is not None and node.network not in wanted_networks:
            continue
        if text is not None and not any(_fold(text) in _fold(t) for t in _texts(node)):
            continue
        found.append(node)
    return tuple(found)


def activities_for(plan: Plan, goal: str, *, below: bool = True) -> tuple[Activity, ...]:
    """Activities of *plan* serving *goal*; with *below*, also those serving goals under it.

    >>> from sodertorn import load_plan
    >>> [a.id for a in activities_for(load_plan(2024), "tillganglighet")][:2]
    ['inriktningsunderlag', 'rufs-infrastruktur']
    >>> activities_for(load_plan(2024), "rymden")
    Traceback (most recent call last):
    ...
    sodertorn.PlanError: no goal 'rymden' in plan 2024 (programme 'sup2040')
    """
    tree = check_plan(plan).tree
    if not isinstance(goal, str):
        raise PlanError(f"invalid goal id {goal!r}; expected a string such as 'tillganglighet'")
    if not isinstance(below, bool):
        raise PlanError(f"invalid flag below={below!r}; expected True or False")
    if goal not in tree:
        raise PlanError(f"no goal {goal!r} in plan {plan.year} (programme {tree.id!r})")
    served = {goal}
    if below:
        served |= {node.id for node in tree.walk(goal)}
    return tuple(activity for activity in plan.activities if activity.goal in served)


def goals_without_activity(plan: Plan) -> tuple[Node, ...]:
    """Goals of the plan's tree that no activity serves, directly or through a goal below.

    >>> from sodertorn import load_plan
    >>> goals_without_activity(load_plan(2024))
    ()
    >>> import attrs
    >>> no_climate = attrs.evolve(load_plan(2024), activities=load_plan(2024).activities[:3])
    >>> [node.id for node in goals_without_activity(no_climate)]
    ['klimatomstallning', 'klimatomstallning.laddinfrastruktur', 'tillganglighet']
    """
    tree = check_plan(plan).tree
    served = {activity.goal for activity in plan.activities}
    return tuple(
        node
        for node in tree.goals()
        if node.id not in served and not any(n.id in served for n in tree.walk(node.id))
    )
