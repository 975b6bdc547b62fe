"""What changed from one programme to the next: goals added, removed, reworded, moved.

Nodes are matched by id: a programme that keeps a goal keeps its id (the library's data
uses the same ids for what SUP 2035 and SUP 2040 share, such as ``infrastruktur`` and
``overgripande-mal``). A diff inverts: ``diff(b, a)`` swaps what ``diff(a, b)`` added and
removed, and each change's old and new sides.

>>> from sodertorn import load_programme
>>> from sodertorn.programme import diff_programmes
>>> change = diff_programmes(load_programme("sup2035"), load_programme("sup2040"))
>>> [node.id for node in change.added]
['klimatomstallning', 'tillganglighet']
>>> [c.new.id for c in change.reworded]
['overgripande-mal']
>>> diff_programmes(load_programme("sup2040"), "sup2035")
Traceback (most recent call last):
...
sodertorn.GoalTreeError: invalid programme 'sup2035'; expected a Programme to compare
"""

from __future__ import annotations

import attrs

from sodertorn.errors import GoalTreeError
from sodertorn.programme.model import Node, Programme

__all__ = ["NodeChange", "ProgrammeDiff", "diff_programmes"]

_COMPARED = ("kind", "parent", "text", "title", "network")
_PROGRAMME_FIELDS = ("name", "period", "vision", "vision_title", "purpose", "themes")


@attrs.frozen(kw_only=True)
class NodeChange:
    """A node kept by id whose *fields* differ (among kind, parent, text, title, network)."""

    __module__ = "sodertorn.programme"

    old: Node
    new: Node
    fields: tuple[str, ...]

    def inverted(self) -> NodeChange:
        """Return the same change seen from the other side."""
        return NodeChange(old=self.new, new=self.old, fields=self.fields)


@attrs.frozen(kw_only=True)
class ProgrammeDiff:
    """The difference from programme *old* to programme *new*.

    *added* and *removed* are in walk order of the programme they belong to; *changed*
    is ordered by id (so that a diff inverts exactly); *attributes* names the programme
    fields that differ (name, period, vision, vision_title, purpose, themes).
    """

    __module__ = "sodertorn.programme"

    old: str
    new: str
    added: tuple[Node, ...] = ()
    removed: tuple[Node, ...] = ()
    changed: tuple[NodeChange, ...] = ()
    attributes: tuple[str, ...] = ()

    @property
    def reworded(self) -> tuple[NodeChange, ...]:
        """The changes to a node's text or title."""
        return tuple(c for c in self.changed if "text" in c.fields or "title" in c.fields)

    @property
    def moved(self) -> tuple[NodeChange, ...]:
        """The changes to a node's place in the tree."""
        return tuple(c for c in self.changed if "parent" in c.fields)

    @property
    def is_empty(self) -> bool:
        """Whether the two programmes have the same tree and the same programme fields."""
        return not (self.added or self.removed or self.changed or self.attributes)

    def inverted(self) -> ProgrammeDiff:
        """Return the diff from *new* back to *old* (same as ``diff_programmes(new, old)``)."""
        return ProgrammeDiff(
            old=self.new,
            new=self.old,
            added=self.removed,
            removed=self.added,
            changed=tuple(change.inverted() for change in self.changed),
            attributes=self.attributes,
        )


def diff_programmes(old: Programme, new: Programme) -> ProgrammeDiff:
    """Return the :class:`ProgrammeDiff` from *old* to *new*, matching nodes by id."""
    for programme in (old, new):
        if not isinstance(programme, Programme):
            raise GoalTreeError(f"invalid programme {programme!r}; expected a Programme to compare")
    old_nodes = {node.id: node for node in old.walk()}
    new_nodes = {node.id: node for node in new.walk()}
    changed: list[NodeChange] = []
    for node_id, node in new_nodes.items():
        before = old_nodes.get(node_id)
        if before is None:
            continue
        fields = tuple(f for f in _COMPARED if _field(before, f, old) != _field(node, f, new))
        if fields:
            changed.append(NodeChange(old=before, new=node, fields=fields))
    return ProgrammeDiff(
        old=old.id,
        new=new.id,
        added=tuple(node for node_id, node in new_nodes.items() if node_id not in old_nodes),
        removed=tuple(node for node_id, node in old_nodes.items() if node_id not in new_nodes),
        changed=tuple(sorted(changed, key=lambda change: change.new.id)),
        attributes=tuple(
            name for name in _PROGRAMME_FIELDS if getattr(old, name) != getattr(new, name)
        ),
    )


def _field(node: Node, name: str, programme: Programme) -> object:
    value = getattr(node, name)
    # The programme's own id differs between programmes; a top-level node is a top-level
    # node in both.
    if name == "parent" and value == programme.id:
        return None
    return value
