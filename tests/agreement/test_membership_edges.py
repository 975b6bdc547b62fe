"""Agreement and Election at their boundaries: every refusal whole, with its error type."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from sodertorn import Agreement, GovernanceError, MissingDataError, Notice
from sodertorn.agreement import Election

NOTICE = Notice(
    party="Nykvarn",
    council_decision_date=datetime.date(2024, 2, 26),
    received_by_chair=datetime.date(2024, 3, 15),
)
ELECTION = Election(elected_on=datetime.date(2024, 1, 16), chair="Salem", vice_chair="Nykvarn")


def test_notices_and_elections_must_be_a_tuple_or_list() -> None:
    assert Agreement(notices=[NOTICE]).notices == (NOTICE,)
    assert Agreement(elections=(ELECTION,)).elections == (ELECTION,)
    loose: dict[str, Any] = {"notices": {NOTICE}}
    with pytest.raises(GovernanceError) as info:
        Agreement(**loose)
    assert str(info.value) == f"notices {{{NOTICE!r}}} is not a sequence of Notice values"
    loose = {"elections": iter([ELECTION])}
    with pytest.raises(GovernanceError, match=r"^elections <.*> is not a sequence of Election"):
        Agreement(**loose)


def test_an_agreement_needs_a_party() -> None:
    with pytest.raises(GovernanceError) as info:
        Agreement(parties=[])
    assert str(info.value) == "an agreement needs at least one party; got none"


@pytest.mark.parametrize("query", ["parties_on", "election_on"])
def test_queries_want_a_date(query: str) -> None:
    with pytest.raises(GovernanceError) as info:
        getattr(Agreement(), query)("2024-01-01")
    assert str(info.value) == (
        "date '2024-01-01' is not a date; expected a datetime.date such as 2024-03-15"
    )


def test_election_parties_are_refused_with_the_governance_error() -> None:
    with pytest.raises(GovernanceError) as info:
        Election(elected_on=datetime.date(2024, 1, 1), chair=5, vice_chair="Salem")
    assert str(info.value) == "party 5 is not a municipality; expected a name or an SCB code"


def test_no_election_yet_names_those_recorded() -> None:
    with pytest.raises(MissingDataError) as info:
        Agreement().election_on(datetime.date(2024, 1, 1))
    assert str(info.value) == (
        "no election of a chair on or before 2024-01-01; record one with "
        "Agreement.with_election (elections recorded: none)"
    )
    later = Election(elected_on=datetime.date(2025, 1, 16), chair="Salem", vice_chair="Nykvarn")
    agreement = Agreement().with_election(ELECTION).with_election(later)
    with pytest.raises(MissingDataError) as info:
        agreement.election_on(datetime.date(2024, 1, 15))
    assert str(info.value) == (
        "no election of a chair on or before 2024-01-15; record one with "
        "Agreement.with_election (elections recorded: 2024-01-16, 2025-01-16)"
    )
    assert agreement.election_on(datetime.date(2024, 1, 16)) == ELECTION
