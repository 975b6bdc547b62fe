"""What a source says about its own shape, and where its own lists contradict it.

A :class:`Claim` records a sentence such as "each focus area has three sub-goals"; a
:class:`Finding` is a claim the listed nodes contradict, as
:func:`~sodertorn.check_consistency` reports it, in Swedish or English.
"""

from __future__ import annotations

import attrs

from sodertorn.errors import GoalTreeError
from sodertorn.i18n import check_language, gettext, ngettext
from sodertorn.programme._checks import tree_optional, tree_required
from sodertorn.programme.kinds import NodeKind

__all__ = ["Claim", "Finding"]


@attrs.frozen(kw_only=True)
class Claim:
    """What a source says about its own shape, so that it can be checked against its lists.

    "There are *count* nodes of *kind*" or, with *per*, "each node of kind *per* has
    *count* children of *kind*". :func:`~sodertorn.check_consistency` reports a claim
    the listed nodes contradict.

    >>> Claim(kind=NodeKind.SUB_GOAL, per=NodeKind.GOAL, count=3, source="SUP 2035").count
    3
    >>> Claim(kind=NodeKind.GOAL, count=-1, source="x")
    Traceback (most recent call last):
    ...
    sodertorn.GoalTreeError: invalid claimed count -1; expected a whole number, 0 or more
    """

    __module__ = "sodertorn"

    kind: NodeKind = attrs.field(validator=tree_required(NodeKind, "claimed kind"))
    count: int = attrs.field()
    per: NodeKind | None = attrs.field(default=None, validator=tree_optional(NodeKind, "per kind"))
    source: str = attrs.field(validator=tree_required(str, "claim source"))

    @count.validator
    def _check_count(self, _: attrs.Attribute[int], value: object) -> None:
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise GoalTreeError(
                f"invalid claimed count {value!r}; expected a whole number, 0 or more"
            )


@attrs.frozen(kw_only=True)
class Finding:
    """One claim of a source that its own lists contradict.

    *node* is the node the claim was counted under (``None`` for a claim about the whole
    programme); *found* is how many the source lists. Made by
    :func:`~sodertorn.check_consistency`.
    """

    __module__ = "sodertorn"

    programme: str
    claim: Claim
    node: str | None
    found: int

    @property
    def message(self) -> str:
        """The finding in one English sentence (:meth:`text` gives it in Swedish too)."""
        return self.text("en")

    def text(self, lang: str = "sv") -> str:
        """The finding in one sentence in *lang*, Swedish by default.

        >>> from sodertorn import check_consistency, load_programme
        >>> check_consistency(load_programme("sup2035"))[0].text()
        "mål 'utbildning.mal' har 2 delmål; källan anger 3 (SUP 2035, ...)"
        """
        check_language(lang)
        if self.claim.per is not None and self.node is not None:
            where = f"{gettext(self.claim.per.label, lang).lower()} {self.node!r}"
        else:
            where = gettext("programme {programme}", lang).format(programme=repr(self.programme))
        return gettext("{where} has {what}; the source says {claimed} ({source})", lang).format(
            where=where,
            what=_counted(self.claim.kind, self.found, lang),
            claimed=self.claim.count,
            source=self.claim.source,
        )


def _counted(kind: NodeKind, count: int, lang: str) -> str:
    """*count* nodes of *kind*, with the noun in the form that goes with the number."""
    if kind is NodeKind.FOCUS_AREA_GROUP:
        text = ngettext("{count} focus area group", "{count} focus area groups", count, lang)
    elif kind is NodeKind.FOCUS_AREA:
        text = ngettext("{count} focus area", "{count} focus areas", count, lang)
    elif kind is NodeKind.SUBJECT_AREA:
        text = ngettext("{count} subject area", "{count} subject areas", count, lang)
    elif kind is NodeKind.OVERARCHING_GOAL:
        text = ngettext("{count} overarching goal", "{count} overarching goals", count, lang)
    elif kind is NodeKind.GOAL:
        text = ngettext("{count} goal", "{count} goals", count, lang)
    elif kind is NodeKind.LONG_TERM_GOAL:
        text = ngettext("{count} long-term goal", "{count} long-term goals", count, lang)
    else:
        text = ngettext("{count} sub-goal", "{count} sub-goals", count, lang)
    return text.format(count=count)
