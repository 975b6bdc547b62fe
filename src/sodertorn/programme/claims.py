"""What a source says about its own shape, and where its own lists contradict it.

A :class:`Claim` records a sentence such as "each focus area has three sub-goals"; a
:class:`Finding` is a claim the listed nodes contradict, as
:func:`~sodertorn.programme.check_consistency` reports it, in Swedish or English, with a
:class:`~sodertorn.reasons.Reason` that cites the claim's source.
"""

from __future__ import annotations

import warnings

import attrs

from sodertorn.errors import GoalTreeError, SodertornDeprecationWarning
from sodertorn.i18n import check_language
from sodertorn.programme._checks import count as whole
from sodertorn.programme._checks import tree_optional, tree_required
from sodertorn.programme.kinds import NodeKind
from sodertorn.reasons import Plural, Reason, message, plural

__all__ = ["Claim", "Finding"]


@attrs.frozen(kw_only=True)
class Claim:
    """What a source says about its own shape, so that it can be checked against its lists.

    "There are *count* nodes of *kind*" or, with *per*, "each node of kind *per* has
    *count* children of *kind*". :func:`~sodertorn.programme.check_consistency` reports a claim
    the listed nodes contradict.

    >>> Claim(kind=NodeKind.SUB_GOAL, per=NodeKind.GOAL, count=3, source="SUP 2035").count
    3
    >>> Claim(kind=NodeKind.GOAL, count=-1, source="x")
    Traceback (most recent call last):
    ...
    sodertorn.GoalTreeError: invalid claimed count -1; expected an int of 0 or more
    """

    __module__ = "sodertorn.programme"

    kind: NodeKind = attrs.field(validator=tree_required(NodeKind, "claimed kind"))
    count: int = attrs.field(validator=whole("claimed count", error=GoalTreeError))
    per: NodeKind | None = attrs.field(default=None, validator=tree_optional(NodeKind, "per kind"))
    source: str = attrs.field(validator=tree_required(str, "claim source"))


@attrs.frozen(kw_only=True)
class Finding:
    """One claim of a source that its own lists contradict.

    *node* is the node the claim was counted under (``None`` for a claim about the whole
    programme); *found* is how many the source lists. Made by
    :func:`~sodertorn.programme.check_consistency`. It explains itself with a
    :class:`~sodertorn.reasons.Reason` that cites the claim's source (:meth:`reasons`,
    :meth:`text`).
    """

    __module__ = "sodertorn.programme"

    programme: str
    claim: Claim
    node: str | None
    found: int

    @property
    def message(self) -> str:
        """The finding in one English sentence.

        .. deprecated:: 0.1.0
           English only: use :meth:`text` (``text("en")`` gives this sentence) or
           :meth:`reasons` for the finding as data. Warns with
           :class:`~sodertorn.SodertornDeprecationWarning`.
        """
        warnings.warn(
            "Finding.message is deprecated: it is English only; use Finding.text(lang) or "
            "Finding.reasons()",
            SodertornDeprecationWarning,
            stacklevel=2,
        )
        return self.text("en")

    def reasons(self) -> tuple[Reason, ...]:
        """What the source claims and what it lists, citing the claim's source.

        >>> from sodertorn import load_programme
        >>> from sodertorn.programme import check_consistency
        >>> (reason,) = check_consistency(load_programme("sup2035"))[0].reasons()
        >>> reason.template, dict(reason.values)["claimed"]
        ('{where} has {what}; the source says {claimed}', 3)
        """
        source = self.claim.source
        if self.claim.per is not None and self.node is not None:
            where = Reason.cited(source, "", _WHERE[self.claim.per], node=self.node)
        else:
            where = Reason.cited(
                source, "", message("programme '{programme}'"), programme=self.programme
            )
        return (
            Reason.cited(
                source,
                "",
                message("{where} has {what}; the source says {claimed}"),
                where=where,
                what=Reason.cited(source, "", _COUNTED[self.claim.kind], count=self.found),
                claimed=self.claim.count,
            ),
        )

    def text(self, lang: str = "sv") -> str:
        """The finding in one sentence in *lang*, Swedish by default, citing the source.

        >>> from sodertorn import load_programme
        >>> from sodertorn.programme import check_consistency
        >>> finding = check_consistency(load_programme("sup2035"))[0]
        >>> finding.text()
        "mål 'utbildning.mal' har 2 delmål; källan anger 3 (SUP 2035, ...)"
        >>> finding.text("en")
        "goal 'utbildning.mal' has 2 sub-goals; the source says 3 (SUP 2035, ...)"
        """
        check_language(lang)
        return "\n".join(reason.text(lang) for reason in self.reasons())


# Where a claim was counted: the node's kind, in lower case, and its id.
_WHERE: dict[NodeKind, str] = {
    NodeKind.FOCUS_AREA_GROUP: message("focus area group '{node}'"),
    NodeKind.FOCUS_AREA: message("focus area '{node}'"),
    NodeKind.SUBJECT_AREA: message("subject area '{node}'"),
    NodeKind.OVERARCHING_GOAL: message("overarching goal '{node}'"),
    NodeKind.GOAL: message("goal '{node}'"),
    NodeKind.LONG_TERM_GOAL: message("long-term goal '{node}'"),
    NodeKind.SUB_GOAL: message("sub-goal '{node}'"),
}

# How many nodes of a kind, the noun in the form that goes with the number.
_COUNTED: dict[NodeKind, Plural] = {
    NodeKind.FOCUS_AREA_GROUP: plural("{count} focus area group", "{count} focus area groups"),
    NodeKind.FOCUS_AREA: plural("{count} focus area", "{count} focus areas"),
    NodeKind.SUBJECT_AREA: plural("{count} subject area", "{count} subject areas"),
    NodeKind.OVERARCHING_GOAL: plural("{count} overarching goal", "{count} overarching goals"),
    NodeKind.GOAL: plural("{count} goal", "{count} goals"),
    NodeKind.LONG_TERM_GOAL: plural("{count} long-term goal", "{count} long-term goals"),
    NodeKind.SUB_GOAL: plural("{count} sub-goal", "{count} sub-goals"),
}
