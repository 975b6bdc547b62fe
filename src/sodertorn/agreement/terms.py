"""The agreement's fixed terms, each with the paragraph it comes from.

Rules are code; the numbers they use are these facts, named once. A change of the
agreement (the remaining parties amend it after a withdrawal, § 9) is a change here.

>>> from sodertorn.agreement.terms import IN_FORCE_FROM, NOTICE_MONTHS
>>> IN_FORCE_FROM, NOTICE_MONTHS
(datetime.date(2010, 1, 1), 12)
"""

from __future__ import annotations

import datetime
from fractions import Fraction

from sodertorn.reasons import AGREEMENT as _AGREEMENT

__all__ = [
    "AGREEMENT",
    "EXTRA_MEETING_REQUESTERS",
    "IN_FORCE_FROM",
    "MEETINGS_PER_YEAR",
    "NOTICE_MONTHS",
    "QUORUM_SHARE",
]

AGREEMENT = _AGREEMENT
"""How every rule cites its source: the collaboration agreement of 2010."""

IN_FORCE_FROM = datetime.date(2010, 1, 1)
"""§ 2: the agreement applies from 1 January 2010, until further notice."""

NOTICE_MONTHS = 12
"""§ 2: the notice period, in calendar months."""

QUORUM_SHARE = Fraction(1, 2)
"""§ 3: the committee can decide when at least this share of its members is present."""

EXTRA_MEETING_REQUESTERS = 5
"""§ 4: an extra meeting is held when at least this many members ask (a number, not a share)."""

MEETINGS_PER_YEAR = 6
"""§ 4 ("about six a year"), tightened by SUP 2040 to at least six plus a planning conference."""
