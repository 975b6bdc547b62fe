"""The rules of the 2010 collaboration agreement (Samarbetsavtal 2010), one concept a module.

Re-exports only: :mod:`~sodertorn.agreement.membership` (§§ 2, 3, 9),
:mod:`~sodertorn.agreement.notice` (§§ 2, 9), :mod:`~sodertorn.agreement.meetings`
(§§ 3, 4), :mod:`~sodertorn.agreement.decisions` (§ 3),
:mod:`~sodertorn.agreement.dissolution` (§ 10), :mod:`~sodertorn.agreement.financing`
(§ 6) and :mod:`~sodertorn.agreement.contributions` (§ 7); the fixed terms are in
:mod:`~sodertorn.agreement.terms`, reading assets and liabilities in
``sodertorn.agreement.items``. The names a user needs first (``Agreement``,
``Notice``) are also at the package root.
"""

from sodertorn.agreement.contributions import SpecialContributions, special_contributions
from sodertorn.agreement.decisions import (
    Circulation,
    Decision,
    DecisionRule,
    Minutes,
    Outcome,
    Position,
)
from sodertorn.agreement.dissolution import (
    DissolutionStatement,
    Item,
    PartyStatement,
    dissolve,
    split_items,
)
from sodertorn.agreement.financing import Financing, Project
from sodertorn.agreement.meetings import Meeting, MeetingCalendar, MeetingKind, quorum_for
from sodertorn.agreement.membership import Agreement, ByElection, Election, Holder, Post
from sodertorn.agreement.notice import Notice, Revocation, notice_period
from sodertorn.reasons import Reason

__all__ = [
    "Agreement",
    "ByElection",
    "Circulation",
    "Decision",
    "DecisionRule",
    "DissolutionStatement",
    "Election",
    "Financing",
    "Holder",
    "Item",
    "Meeting",
    "MeetingCalendar",
    "MeetingKind",
    "Minutes",
    "Notice",
    "Outcome",
    "PartyStatement",
    "Position",
    "Post",
    "Project",
    "Reason",
    "Revocation",
    "SpecialContributions",
    "dissolve",
    "notice_period",
    "quorum_for",
    "special_contributions",
    "split_items",
]
