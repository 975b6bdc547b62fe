"""Where a programme's source contradicts itself: findings, not errors.

A programme records what its source says about its own shape as :class:`~sodertorn.Claim`
values ("each focus area has one goal and three sub-goals"), and lists what the source
actually lists. The model keeps what the source lists; this check reports the mismatch.

SUP 2035 says so of every focus area (Tyresö KS § 60, 2019, appendix SUP 2035,
"Regionala utvecklingsfrågor" and "Internt samarbete"); Utbildning lists two:

>>> from sodertorn import check_consistency, load_programme
>>> [finding.message for finding in check_consistency(load_programme("sup2035"))]
["goal 'utbildning.mal' has 2 sub-goals; the source says 3 (SUP 2035, ...)"]
>>> check_consistency("sup2035")
Traceback (most recent call last):
...
sodertorn.GoalTreeError: invalid programme 'sup2035'; expected a Programme (see load_programme)
"""

from __future__ import annotations

import attrs

from sodertorn.errors import GoalTreeError
from sodertorn.i18n import check_language, gettext, ngettext
from sodertorn.programme.model import Claim, NodeKind, Programme

__all__ = ["Finding", "check_consistency"]


@attrs.frozen(kw_only=True)
class Finding:
    """One claim of a source that its own lists contradict.

    *node* is the node the claim was counted under (``None`` for a claim about the whole
    programme); *found* is how many the source lists.
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

        >>> from sodertorn import load_programme
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
    elif kind is NodeKind.OVERARCHING_GOAL:
        text = ngettext("{count} overarching goal", "{count} overarching goals", count, lang)
    elif kind is NodeKind.GOAL:
        text = ngettext("{count} goal", "{count} goals", count, lang)
    elif kind is NodeKind.LONG_TERM_GOAL:
        text = ngettext("{count} long-term goal", "{count} long-term goals", count, lang)
    else:
        text = ngettext("{count} sub-goal", "{count} sub-goals", count, lang)
    return text.format(count=count)


def check_consistency(programme: Programme) -> tuple[Finding, ...]:
    """Check every claim of *programme* against its nodes; return the contradictions."""
    if not isinstance(programme, Programme):
        raise GoalTreeError(
            f"invalid programme {programme!r}; expected a Programme (see load_programme)"
        )
    findings: list[Finding] = []
    for claim in programme.claims:
        if claim.per is None:
            found = len(programme.nodes_of(claim.kind))
            if found != claim.count:
                findings.append(
                    Finding(programme=programme.id, claim=claim, node=None, found=found)
                )
            continue
        for parent in programme.nodes_of(claim.per):
            found = sum(1 for child in programme.children(parent.id) if child.kind is claim.kind)
            if found != claim.count:
                findings.append(
                    Finding(programme=programme.id, claim=claim, node=parent.id, found=found)
                )
    return tuple(findings)
