from __future__ import annotations

import datetime

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sodertorn import (
    MUNICIPALITIES,
    Agreement,
    GovernanceError,
    MissingDataError,
    Notice,
    municipality,
)
from sodertorn.agreement import ByElection, Election, Post, Revocation
from sodertorn.i18n import error_text
from sodertorn.testing import agreements, days_in_force

D = datetime.date
NYKVARN, SALEM, HANINGE = (municipality(n) for n in ("Nykvarn", "Salem", "Haninge"))


def notice(party: str, received: D) -> Notice:
    return Notice(party=party, council_decision_date=received, received_by_chair=received)


def test_the_2010_agreement_has_eight_parties_from_new_year_2010() -> None:
    agreement = Agreement()
    assert agreement.parties == MUNICIPALITIES
    assert agreement.parties_on(D(2010, 1, 1)) == MUNICIPALITIES
    assert agreement.in_force_from == D(2010, 1, 1)


def test_a_withdrawal_leaves_seven_parties_the_day_after_the_period() -> None:
    agreement = Agreement().with_notice(notice("Nykvarn", D(2024, 3, 15)))
    assert agreement.is_party("Nykvarn", D(2025, 3, 31))
    assert not agreement.is_party(NYKVARN, D(2025, 4, 1))
    assert len(agreement.parties_on(D(2025, 4, 1))) == 7
    assert agreement.last_day("Nykvarn") == D(2025, 3, 31)
    assert agreement.last_day("Salem") is None
    assert agreement.notice_of("Salem") is None


def test_parties_are_given_in_code_order_whatever_the_input() -> None:
    agreement = Agreement(parties=["Nynäshamn", "0126"])
    assert [p.name for p in agreement.parties] == ["Huddinge", "Nynäshamn"]


def test_before_the_agreement_there_is_nobody() -> None:
    with pytest.raises(GovernanceError, match=r"date 2009-12-31 is before the agreement"):
        Agreement().parties_on(D(2009, 12, 31))


@pytest.mark.parametrize(
    ("arguments", "pattern"),
    [
        ({"parties": []}, r"an agreement needs at least one party; got none"),
        ({"parties": "Huddinge"}, r"parties 'Huddinge' is not a collection of parties"),
        ({"parties": ["Stockholm"]}, r"unknown municipality 'Stockholm'"),
        ({"in_force_from": "2010-01-01"}, r"in_force_from '2010-01-01' is not a date"),
        ({"notices": "none"}, r"notices 'none' is not a sequence of Notice values"),
        ({"elections": [1]}, r"elections \[1\] is not a sequence of Election values"),
    ],
)
def test_bad_constructor_arguments(arguments: dict[str, object], pattern: str) -> None:
    with pytest.raises(GovernanceError, match=pattern):
        Agreement(**arguments)


def test_a_notice_by_a_non_party_is_refused() -> None:
    with pytest.raises(GovernanceError, match=r"notice by Nykvarn, which is not a party"):
        Agreement(parties=["Huddinge", "Salem"]).with_notice(notice("Nykvarn", D(2024, 3, 15)))


def test_a_party_gives_notice_once() -> None:
    agreement = Agreement().with_notice(notice("Nykvarn", D(2024, 3, 15)))
    with pytest.raises(GovernanceError, match=r"a second notice by Nykvarn \(received 2024-06-01"):
        agreement.with_notice(notice("Nykvarn", D(2024, 6, 1)))


def test_a_notice_before_a_later_start_is_refused() -> None:
    with pytest.raises(GovernanceError, match=r"before the agreement came into force on 2020"):
        Agreement(in_force_from=D(2020, 1, 1), notices=[notice("Salem", D(2019, 5, 1))])


# Elections (§ 3).


def elect(day: D, chair: str = "Salem", vice: str = "Nykvarn") -> Election:
    return Election(elected_on=day, chair=chair, vice_chair=vice)


def test_chair_and_vice_chair_on_a_date() -> None:
    agreement = (
        Agreement()
        .with_election(elect(D(2024, 1, 16)))
        .with_election(elect(D(2019, 1, 17), "Haninge", "Huddinge"))
    )
    assert agreement.chair_on(D(2024, 1, 15)) == HANINGE
    assert agreement.chair_on(D(2024, 1, 16)) == SALEM
    assert agreement.vice_chair_on(D(2024, 12, 31)) == NYKVARN
    assert agreement.election_on(D(2020, 6, 1)).year == 2019


def test_no_election_yet() -> None:
    with pytest.raises(MissingDataError, match=r"no election of a chair on or before 2024-03-21"):
        Agreement().chair_on(D(2024, 3, 21))


def test_chair_and_vice_chair_must_differ() -> None:
    with pytest.raises(GovernanceError, match=r"chair and vice chair are both Salem"):
        elect(D(2024, 1, 16), "Salem", "0128")


def test_one_election_a_year() -> None:
    with pytest.raises(GovernanceError, match=r"two elections in 2024"):
        Agreement(elections=[elect(D(2024, 1, 16)), elect(D(2024, 9, 1), "Haninge", "Salem")])


@pytest.mark.parametrize(
    ("chair", "vice", "role"), [("Nykvarn", "Salem", "chair"), ("Salem", "Nykvarn", "vice chair")]
)
def test_elected_must_be_members_that_day(chair: str, vice: str, role: str) -> None:
    agreement = Agreement().with_notice(notice("Nykvarn", D(2024, 3, 15)))
    with pytest.raises(GovernanceError, match=rf"Nykvarn elected {role} on 2025-05-01 is not a"):
        agreement.with_election(elect(D(2025, 5, 1), chair, vice))


@pytest.mark.parametrize("leaver", ["Salem", "Nykvarn"])
def test_officers_who_left_are_not_returned(leaver: str) -> None:
    agreement = Agreement(
        notices=[notice(leaver, D(2024, 3, 15))], elections=[elect(D(2024, 1, 16))]
    )
    role = agreement.chair_on if leaver == "Salem" else agreement.vice_chair_on
    with pytest.raises(MissingDataError, match=rf"{leaver}, is no longer a party on 2025-04-01"):
        role(D(2025, 4, 1))


def test_bad_election_arguments() -> None:
    with pytest.raises(GovernanceError, match=r"elected_on '2024' is not a date"):
        Election(elected_on="2024", chair="Salem", vice_chair="Nykvarn")


# Property: membership after any sequence of withdrawals.


@given(agreements(), days_in_force())
def test_members_are_the_original_set_minus_ended_notices(agreement: Agreement, day: D) -> None:
    ended = {n.party for n in agreement.notices if n.period_end < day}
    assert set(agreement.parties_on(day)) == set(MUNICIPALITIES) - ended


@given(agreements(), st.data())
def test_recording_notices_in_any_order_gives_the_same_agreement(
    agreement: Agreement, data: st.DataObject
) -> None:
    shuffled = data.draw(st.permutations(agreement.notices))
    rebuilt = Agreement()
    for each in shuffled:
        rebuilt = rebuilt.with_notice(each)
    assert rebuilt == agreement


ELECTED = Agreement().with_election(
    Election(elected_on=D(2024, 1, 16), chair="Salem", vice_chair="Nykvarn")
)


@pytest.mark.parametrize(
    ("field", "kind"), [("by_elections", "ByElection"), ("revocations", "Revocation")]
)
def test_by_elections_and_revocations_must_be_a_tuple_or_list(field: str, kind: str) -> None:
    with pytest.raises(GovernanceError) as raised:
        Agreement(**{field: 5})
    assert str(raised.value) == f"{field} 5 is not a sequence of {kind} values"


def test_by_elections_are_kept_by_date_and_the_chair_first() -> None:
    later_vice = ByElection(elected_on=D(2024, 6, 3), post=Post.VICE_CHAIR, party="Tyresö")
    later_chair = ByElection(elected_on=D(2024, 6, 3), post=Post.CHAIR, party="Haninge")
    earlier = ByElection(elected_on=D(2024, 3, 1), post=Post.CHAIR, party="Huddinge")
    agreement = Agreement(
        elections=ELECTED.elections, by_elections=[later_vice, later_chair, earlier]
    )
    assert agreement.by_elections == (earlier, later_chair, later_vice)


def test_revocations_are_kept_by_date_and_party() -> None:
    notices = [notice(name, D(2024, 3, 15)) for name in ("Nykvarn", "Salem", "Haninge")]
    late = Revocation(party="Haninge", decided_on=D(2024, 11, 7), matter="Haninge stays")
    nykvarn = Revocation(party="Nykvarn", decided_on=D(2024, 9, 12), matter="Nykvarn stays")
    salem = Revocation(party="Salem", decided_on=D(2024, 9, 12), matter="Salem stays")
    agreement = Agreement(notices=notices, revocations=[late, nykvarn, salem])
    assert agreement.revocations == (salem, nykvarn, late)  # Salem 0128 before Nykvarn 0140


def test_a_notice_is_withdrawn_once_and_up_to_its_last_day() -> None:
    leaving = Agreement().with_notice(notice("Nykvarn", D(2024, 3, 15)))
    first = Revocation(party="Nykvarn", decided_on=D(2024, 3, 15), matter="Nykvarn stays")
    last = Revocation(party="Nykvarn", decided_on=D(2025, 3, 31), matter="Nykvarn stays")
    assert leaving.with_revocation(first).is_party("Nykvarn", D(2025, 4, 1))
    assert leaving.with_revocation(last).is_party("Nykvarn", D(2025, 4, 1))
    with pytest.raises(GovernanceError) as raised:
        leaving.with_revocation(first).with_revocation(last)
    assert str(raised.value) == (
        "a second revocation of Nykvarn's notice; a notice is withdrawn once"
    )


@pytest.mark.parametrize("decided_on", [D(2024, 3, 14), D(2025, 4, 1)])
def test_a_notice_is_withdrawn_only_while_it_runs(decided_on: datetime.date) -> None:
    leaving = Agreement().with_notice(notice("Nykvarn", D(2024, 3, 15)))
    with pytest.raises(GovernanceError) as raised:
        leaving.with_revocation(
            Revocation(party="Nykvarn", decided_on=decided_on, matter="Nykvarn stays")
        )
    assert str(raised.value) == (
        f"the committee's decision of {decided_on} to withdraw Nykvarn's notice falls outside "
        "the notice (2024-03-15 to 2025-03-31); expected a decision while the notice runs"
    )


@pytest.mark.parametrize(
    ("post", "party", "other"),
    [(Post.VICE_CHAIR, "Salem", "chair"), (Post.CHAIR, "Nykvarn", "vice chair")],
)
def test_one_member_cannot_hold_both_posts(post: Post, party: str, other: str) -> None:
    # Salem is the chair and Nykvarn the vice chair; no by-election fills the other post.
    with pytest.raises(GovernanceError) as raised:
        ELECTED.with_by_election(ByElection(elected_on=D(2024, 6, 3), post=post, party=party))
    assert str(raised.value) == (
        f"{party} elected {post.value} on 2024-06-03 already holds the {other}; § 3 expects "
        "two different members"
    )


def test_a_vice_chair_moves_up_to_chair_on_the_day_a_new_vice_chair_is_elected() -> None:
    # By-elections of one day are checked together: each post against the other at the end
    # of that day. (Recorded one at a time, the new vice chair comes first, since an
    # agreement is checked whole each time.)
    new_vice = ByElection(elected_on=D(2024, 6, 3), post=Post.VICE_CHAIR, party="Haninge")
    moved_up = ByElection(elected_on=D(2024, 6, 3), post=Post.CHAIR, party="Nykvarn")
    for moved in (
        ELECTED.with_by_election(new_vice).with_by_election(moved_up),
        attrs.evolve(ELECTED, by_elections=[moved_up, new_vice]),
    ):
        assert moved.chair_on(D(2024, 6, 3)) == NYKVARN
        assert moved.holder_on(D(2024, 6, 3), Post.VICE_CHAIR).party == HANINGE
        assert moved.chair_on(D(2024, 6, 2)) == SALEM


def test_a_by_election_on_the_day_of_the_yearly_election_holds_that_day() -> None:
    filled = ELECTED.with_by_election(
        ByElection(elected_on=D(2024, 1, 16), post=Post.CHAIR, party="Haninge")
    )
    assert filled.chair_on(D(2024, 1, 16)) == HANINGE
    assert filled.holder_on(D(2024, 1, 16)).term_began == D(2024, 1, 16)


def test_holder_on_wants_a_date_word_for_word() -> None:
    with pytest.raises(GovernanceError) as raised:
        ELECTED.holder_on("2024-05-02")  # type: ignore[arg-type]
    assert str(raised.value) == (
        "date '2024-05-02' is not a date; expected a datetime.date such as 2024-03-15"
    )
    assert error_text(raised.value, "sv") == (
        "date: '2024-05-02' är inte ett datum; ett datetime.date (till exempel 2024-03-15) väntades"
    )
