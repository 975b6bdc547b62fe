"""Hypothesis strategies for the agreement's values."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from hypothesis import strategies as st

from sodertorn import MUNICIPALITIES, SEK, Agreement, Item, Meeting, Notice
from sodertorn.agreement.terms import IN_FORCE_FROM

if TYPE_CHECKING:
    from sodertorn.parties import Municipality

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

receipt_dates = st.one_of(dates, month_ends, st.just(datetime.date(2024, 2, 29)))
"""Days on which a notice may reach the chair, with the awkward ones made likely."""


@st.composite
def notices(draw: st.DrawFn, party: Municipality | None = None) -> Notice:
    """A valid notice: the council decides on or before the chair receives it."""
    received = draw(receipt_dates)
    lag = draw(st.integers(0, 90))
    decided = max(IN_FORCE_FROM, received - datetime.timedelta(days=lag))
    return Notice(
        party=draw(parties) if party is None else party,
        council_decision_date=decided,
        received_by_chair=received,
    )


@st.composite
def agreements(draw: st.DrawFn) -> Agreement:
    """The 2010 agreement after notices by any subset of the parties."""
    leaving = draw(st.lists(parties, unique=True, max_size=len(MUNICIPALITIES)))
    return Agreement(notices=tuple(draw(notices(party)) for party in leaving))


@st.composite
def meetings(draw: st.DrawFn, agreement: Agreement | None = None) -> Meeting:
    """A meeting on a day with members, attended by any of them, in the room or remote."""
    current = Agreement() if agreement is None else agreement
    day = draw(dates.filter(lambda d: bool(current.parties_on(d))))
    members = current.parties_on(day)
    present = draw(st.lists(st.sampled_from(members), unique=True))
    remote = draw(st.frozensets(st.sampled_from(present))) if present else frozenset()
    return Meeting(date=day, in_room=frozenset(present) - remote, remote=remote, agreement=current)


amounts = st.integers(-(10**12), 10**12).map(SEK.from_ore)
"""Any amount in öre, positive or negative, up to ten thousand million kronor."""

whole_kronor = st.integers(-(10**10), 10**10).map(SEK)
"""Any amount in whole kronor, positive or negative."""


@st.composite
def items(draw: st.DrawFn, amount: st.SearchStrategy[SEK] = whole_kronor) -> tuple[Item, ...]:
    """A list of named assets and liabilities, names unique."""
    values = draw(st.lists(amount, min_size=1, max_size=6))
    return tuple(Item(name=f"item {i}", amount=value) for i, value in enumerate(values))
