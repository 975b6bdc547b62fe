"""Strategies for the agreement (Samarbetsavtal 2010, §§ 2-10)."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from hypothesis import strategies as st

from sodertorn.agreement import (
    Agreement,
    Decision,
    DecisionRule,
    Item,
    Meeting,
    Notice,
    Position,
)
from sodertorn.agreement.terms import IN_FORCE_FROM
from sodertorn.parties import MUNICIPALITIES, Municipality
from sodertorn.testing._values import (
    parties,
    whole_kronor,
)

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

    from sodertorn.money import SEK


# -- the agreement (Samarbetsavtal 2010, §§ 2-10) -------------------------------------------


def days_in_force() -> SearchStrategy[datetime.date]:
    """Days on which the agreement is in force: from 1 January 2010 to the end of 2099."""
    return st.dates(min_value=IN_FORCE_FROM, max_value=datetime.date(2099, 12, 31))


_MONTH_ENDS = st.builds(
    lambda year, month: datetime.date(year, month, 1) - datetime.timedelta(days=1),
    st.integers(2011, 2099),
    st.integers(1, 12),
)


def receipt_dates() -> SearchStrategy[datetime.date]:
    """Days a notice may reach the chair, with month ends, 29 February and December likely."""
    return st.one_of(days_in_force(), _MONTH_ENDS, st.just(datetime.date(2024, 2, 29)))


@st.composite
def notices(draw: st.DrawFn, party: Municipality | None = None) -> Notice:
    """Valid :class:`~sodertorn.Notice` values: the council decides before the chair hears.

    *party* fixes who gives notice; by default any of the eight.
    """
    received = draw(receipt_dates())
    lag = draw(st.integers(0, 90))
    return Notice(
        party=draw(parties()) if party is None else party,
        council_decision_date=max(IN_FORCE_FROM, received - datetime.timedelta(days=lag)),
        received_by_chair=received,
    )


@st.composite
def agreements(draw: st.DrawFn) -> Agreement:
    """The 2010 :class:`~sodertorn.Agreement` after notices by any subset of the parties."""
    leaving = draw(st.lists(parties(), unique=True, max_size=len(MUNICIPALITIES)))
    return Agreement(notices=tuple(draw(notices(party)) for party in leaving))


@st.composite
def meetings(draw: st.DrawFn, agreement: Agreement | None = None) -> Meeting:
    """A :class:`~sodertorn.Meeting` on a day with members, any of them present or remote."""
    current = Agreement() if agreement is None else agreement
    day = draw(days_in_force().filter(lambda d: bool(current.parties_on(d))))
    members = current.parties_on(day)
    present = draw(st.lists(st.sampled_from(members), unique=True))
    remote = draw(st.frozensets(st.sampled_from(present))) if present else frozenset()
    return Meeting(date=day, in_room=frozenset(present) - remote, remote=remote, agreement=current)


@st.composite
def decisions(
    draw: st.DrawFn,
    rule: DecisionRule = DecisionRule.CONSENSUS,
    *,
    agreement: Agreement | None = None,
) -> Decision:
    """A :class:`~sodertorn.Decision` under *rule* at a meeting someone attends (§ 6).

    Every member present takes a position, any :class:`~sodertorn.Position`; the meeting
    is quorate or not, as drawn.
    """
    meeting = draw(meetings(agreement).filter(lambda m: bool(m.present)))
    chosen = {party: draw(st.sampled_from(Position)) for party in meeting.present}
    return Decision(meeting=meeting, matter="Matter", positions=chosen, rule=rule)


@st.composite
def items(draw: st.DrawFn, amount: SearchStrategy[SEK] | None = None) -> tuple[Item, ...]:
    """Named assets (positive) and liabilities (negative) to split on dissolution (§ 10)."""
    values = draw(st.lists(whole_kronor() if amount is None else amount, min_size=1, max_size=6))
    return tuple(Item(name=f"item {i}", amount=value) for i, value in enumerate(values))
