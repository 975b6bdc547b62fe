"""Hypothesis strategies for the agreement's values."""

from __future__ import annotations

import datetime

from hypothesis import strategies as st

from sodertorn import MUNICIPALITIES, SEK, testing
from sodertorn.agreement.terms import IN_FORCE_FROM

parties = st.sampled_from(MUNICIPALITIES)
"""One of the eight parties."""

party_sets = st.frozensets(parties)
"""Any set of the parties, possibly empty."""

dates = st.dates(min_value=IN_FORCE_FROM, max_value=datetime.date(2099, 12, 31))
"""A day on which the agreement is in force."""

month_ends = st.builds(
    lambda year, month: datetime.date(year, month, 1) + datetime.timedelta(days=-1),
    st.integers(2011, 2099),
    st.integers(1, 12),
)
"""The last day of a month, including 29 February and 31 December."""

receipt_dates = testing.receipt_dates()
"""Days on which a notice may reach the chair, with the awkward ones made likely."""

# The public strategies, shared with the tools that build on the library.
notices = testing.notices
agreements = testing.agreements
meetings = testing.meetings
items = testing.items


amounts = st.integers(-(10**12), 10**12).map(SEK.from_ore)
"""Any amount in öre, positive or negative, up to ten thousand million kronor."""

whole_kronor = st.integers(-(10**10), 10**10).map(SEK)
"""Any amount in whole kronor, positive or negative."""
