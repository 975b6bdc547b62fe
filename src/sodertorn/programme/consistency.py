"""Where a programme's source contradicts itself: findings, not errors.

A programme records what its source says about its own shape as :class:`~sodertorn.programme.Claim`
values ("each focus area has one goal and three sub-goals"), and lists what the source
actually lists. The model keeps what the source lists; this check reports the mismatch.

SUP 2035 says so of every focus area (Tyresö KS § 60, 2019, appendix SUP 2035,
"Regionala utvecklingsfrågor" and "Internt samarbete"); Utbildning lists two:

>>> from sodertorn import load_programme
>>> from sodertorn.programme import check_consistency
>>> [finding.text("en") for finding in check_consistency(load_programme("sup2035"))]
["goal 'utbildning.mal' has 2 sub-goals; the source says 3 (SUP 2035, ...)"]
>>> check_consistency("sup2035")
Traceback (most recent call last):
...
sodertorn.GoalTreeError: invalid programme 'sup2035'; expected a Programme (see load_programme)
"""

from __future__ import annotations

from sodertorn.programme.claims import Finding
from sodertorn.programme.model import Programme, check_programme

__all__ = ["Finding", "check_consistency"]


def check_consistency(programme: Programme) -> tuple[Finding, ...]:
    """Check every claim of *programme* against its nodes; return the contradictions."""
    check_programme(programme)
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
