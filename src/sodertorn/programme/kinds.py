"""The kinds of node in a goal tree, each with its level: a child sits lower than its parent."""

from __future__ import annotations

import enum

from sodertorn.i18n import message

__all__ = ["NodeKind"]


class NodeKind(enum.Enum):
    """The kinds of node in a goal tree, each with its level (a child sits lower).

    >>> NodeKind("sub-goal").level > NodeKind.GOAL.level
    True
    """

    __module__ = "sodertorn.programme"

    FOCUS_AREA_GROUP = "focus-area-group"
    """A group of focus areas (SUP 2035: regional development, internal collaboration)."""
    FOCUS_AREA = "focus-area"
    """A focus area (fokusområde: SUP 2035, SUP 2040)."""
    SUBJECT_AREA = "subject-area"
    """A subject area (ämnesområde: SUP 2013 as the 2019 plan names its areas)."""
    OVERARCHING_GOAL = "overarching-goal"
    """The overarching goal (övergripande mål)."""
    GOAL = "goal"
    """A goal (mål) of a focus area."""
    LONG_TERM_GOAL = "long-term-goal"
    """A long-term goal (långsiktigt mål, SUP 2040)."""
    SUB_GOAL = "sub-goal"
    """A sub-goal (delmål)."""

    @property
    def level(self) -> int:
        """Depth rank: a node's parent, unless it is the programme, has a lower level."""
        return _LEVELS[self]

    @property
    def is_goal(self) -> bool:
        """Whether nodes of this kind are goals that activities can serve."""
        return self.level >= _LEVELS[NodeKind.OVERARCHING_GOAL]

    @property
    def label(self) -> str:
        """The English structural label, a msgid for :func:`sodertorn.i18n.gettext`."""
        return _LABELS[self]


_LEVELS = {
    NodeKind.FOCUS_AREA_GROUP: 0,
    NodeKind.FOCUS_AREA: 1,
    NodeKind.SUBJECT_AREA: 1,
    NodeKind.OVERARCHING_GOAL: 2,
    NodeKind.GOAL: 3,
    NodeKind.LONG_TERM_GOAL: 3,
    NodeKind.SUB_GOAL: 4,
}
_LABELS = {
    NodeKind.FOCUS_AREA_GROUP: message("Focus area group"),
    NodeKind.FOCUS_AREA: message("Focus area"),
    NodeKind.SUBJECT_AREA: message("Subject area"),
    NodeKind.OVERARCHING_GOAL: message("Overarching goal"),
    NodeKind.GOAL: message("Goal"),
    NodeKind.LONG_TERM_GOAL: message("Long-term goal"),
    NodeKind.SUB_GOAL: message("Sub-goal"),
}
