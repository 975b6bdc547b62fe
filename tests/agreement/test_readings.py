"""The readings of §§ 2, 3, 4, 6 and 7 (docs/decisions.md): worked examples and properties."""

from __future__ import annotations

import contextlib
import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sodertorn import (
    MUNICIPALITIES,
    SEK,
    Agreement,
    FewMeetingsWarning,
    GovernanceError,
    MissingDataError,
    Notice,
    Population,
    municipality,
)
from sodertorn.agreement import (
    ByElection,
    Circulation,
    Decision,
    Election,
    Financing,
    Meeting,
    MeetingCalendar,
    MeetingKind,
    Position,
    Post,
    Project,
    Revocation,
    special_contributions,
)
from sodertorn.testing import days_in_force, parties

D = datetime.date
SALEM, HANINGE, NYKVARN, NYNASHAMN = (
    municipality(n) for n in ("Salem", "Haninge", "Nykvarn", "Nynäshamn")
)
NAMES = [m.name for m in MUNICIPALITIES]


# § 3: the chair's term and by-elections.

SALEM_LEAVES = Notice(
    party="Salem", council_decision_date=D(2024, 1, 10), received_by_chair=D(2024, 1, 15)
)
SALEM_CHAIRS = Agreement(
    notices=[SALEM_LEAVES],
    elections=[Election(elected_on=D(2025, 1, 16), chair="Salem", vice_chair="Nykvarn")],
)


def test_salem_leaves_and_a_by_election_fills_the_chair() -> None:
    assert SALEM_LEAVES.last_day == D(2025, 1, 31)
    with pytest.raises(MissingDataError, match=r"the post is vacant: record a by-election"):
        SALEM_CHAIRS.chair_on(D(2025, 3, 6))
    filled = SALEM_CHAIRS.with_by_election(
        ByElection(elected_on=D(2025, 2, 6), post=Post.CHAIR, party="Haninge")
    )
    assert filled.chair_on(D(2025, 3, 6)) == HANINGE
    assert filled.chair_on(D(2025, 1, 20)) == SALEM
    assert filled.vice_chair_on(D(2025, 3, 6)) == NYKVARN
    meeting = Meeting(
        date=D(2025, 3, 6),
        kind=MeetingKind.EXTRA,
        called_by="Haninge",
        in_room={"Huddinge", "Botkyrka", "Haninge", "Tyresö"},
        agreement=filled,
    )
    assert meeting.is_validly_called
    assert meeting.is_quorate  # four of the seven who remain
    holder = filled.holder_on(D(2025, 3, 6))
    assert (holder.elected_on, holder.term_began, holder.by_election) == (
        D(2025, 2, 6),
        D(2025, 1, 16),
        True,
    )
    assert holder.explain("sv") == (
        "Posten som ordförande innehas av Haninge, vald i fyllnadsval den 6 februari 2025 för "
        "resten av mandattiden från valet den 16 januari 2025. (Samarbetsavtal 2010, § 3)"
    )


def test_the_next_yearly_election_ends_a_by_election() -> None:
    agreement = SALEM_CHAIRS.with_by_election(
        ByElection(elected_on=D(2025, 2, 6), post=Post.CHAIR, party="Haninge")
    ).with_election(Election(elected_on=D(2026, 1, 15), chair="Tyresö", vice_chair="Haninge"))
    assert agreement.chair_on(D(2026, 2, 1)).name == "Tyresö"
    assert not agreement.holder_on(D(2026, 2, 1)).by_election


def test_a_chair_elected_in_2025_asked_about_2027_says_no_later_election() -> None:
    agreement = Agreement().with_election(
        Election(elected_on=D(2025, 1, 16), chair="Salem", vice_chair="Nykvarn")
    )
    holder = agreement.holder_on(D(2027, 5, 1))
    assert holder.party == SALEM
    assert holder.elected_on == D(2025, 1, 16)
    english = holder.explain("en")
    assert "elected on 16 January 2025" in english
    assert "No election after the one on 16 January 2025 is recorded" in english
    assert "Inget val efter valet den 16 januari 2025 finns registrerat" in holder.explain()
    assert len(agreement.holder_on(D(2025, 5, 1)).reasons()) == 1


def test_by_election_refusals() -> None:
    with pytest.raises(GovernanceError, match=r"has no term to complete"):
        Agreement().with_by_election(
            ByElection(elected_on=D(2025, 2, 6), post=Post.CHAIR, party="Haninge")
        )
    with pytest.raises(GovernanceError, match=r"Salem elected chair on 2025-02-06 is not a member"):
        SALEM_CHAIRS.with_by_election(
            ByElection(elected_on=D(2025, 2, 6), post=Post.CHAIR, party="Salem")
        )
    with pytest.raises(GovernanceError, match=r"Nykvarn elected chair on 2025-02-06 already holds"):
        SALEM_CHAIRS.with_by_election(
            ByElection(elected_on=D(2025, 2, 6), post=Post.CHAIR, party="Nykvarn")
        )
    with pytest.raises(GovernanceError, match=r"post 'chair' is unknown"):
        ByElection(elected_on=D(2025, 2, 6), post="chair", party="Haninge")
    with pytest.raises(GovernanceError, match=r"by_elections 'x' is not a sequence"):
        Agreement(by_elections="x")


@given(days_in_force(), parties(), st.integers(0, 400))
def test_the_holder_serves_from_the_election_until_the_next(
    elected: datetime.date, chair: object, later: int
) -> None:
    vice = next(m for m in MUNICIPALITIES if m != chair)
    agreement = Agreement().with_election(
        Election(elected_on=elected, chair=chair, vice_chair=vice)
    )
    day = elected + datetime.timedelta(days=later)
    holder = agreement.holder_on(day)
    assert (holder.party, holder.elected_on) == (chair, elected)
    assert agreement.holder_on(day, Post.VICE_CHAIR).party == vice
    assert (len(holder.reasons()) == 2) == (day.year > elected.year)


@given(parties(), st.integers(1, 300), st.integers(0, 300))
def test_a_by_election_holds_until_the_next_yearly_election(
    new_chair: object, after: int, before_next: int
) -> None:
    start = D(2024, 1, 16)
    agreement = Agreement().with_election(
        Election(elected_on=start, chair="Salem", vice_chair="Nykvarn")
    )
    if new_chair == NYKVARN:
        return
    by = start + datetime.timedelta(days=after)
    filled = agreement.with_by_election(ByElection(elected_on=by, post=Post.CHAIR, party=new_chair))
    day = by + datetime.timedelta(days=before_next)
    assert filled.chair_on(day) == new_chair
    assert filled.chair_on(by - datetime.timedelta(days=1)) == SALEM
    assert filled.holder_on(day).term_began == start


# § 2: a notice is withdrawn only by the committee.

NYKVARN_LEAVES = Notice(
    party="Nykvarn", council_decision_date=D(2024, 2, 26), received_by_chair=D(2024, 3, 15)
)


def all_support(day: datetime.date, matter: str, agreement: Agreement | None = None) -> Decision:
    members = (agreement or Agreement()).parties_on(day)
    return Decision(
        meeting=Meeting(date=day, in_room=members, agreement=agreement or Agreement()),
        matter=matter,
        positions=dict.fromkeys(members, Position.SUPPORT),
    )


def test_a_notice_revoked_by_the_committee_ends_nothing() -> None:
    agreement = Agreement().with_notice(NYKVARN_LEAVES)
    decision = all_support(D(2024, 9, 12), "Nykvarn withdraws its notice", agreement)
    kept = agreement.with_revocation(decision.revocation("Nykvarn"))
    assert kept.is_party("Nykvarn", D(2025, 4, 1))
    assert kept.last_day("Nykvarn") is None
    assert kept.in_notice_on(D(2024, 10, 1)) == ()
    assert agreement.in_notice_on(D(2024, 10, 1)) == (NYKVARN,)
    assert kept.revocation_of("Nykvarn") is not None
    reason = kept.revocation_of("Nykvarn").reasons()[0]  # type: ignore[union-attr]
    assert "Samarbetskommittén beslutade den 12 september 2024 att Nykvarn får återkalla" in (
        reason.text()
    )


def test_revocations_need_an_adopted_decision_while_the_notice_runs() -> None:
    agreement = Agreement().with_notice(NYKVARN_LEAVES)
    aside = Decision(
        meeting=Meeting(date=D(2024, 9, 12), in_room=NAMES[:4]),
        matter="Nykvarn withdraws its notice",
        positions=dict.fromkeys(NAMES[:4], Position.STAND_ASIDE),
    )
    with pytest.raises(GovernanceError, match=r"was not adopted, so it cannot withdraw a notice"):
        aside.revocation("Nykvarn")
    late = Revocation(party="Nykvarn", decided_on=D(2025, 4, 2), matter="Too late")
    with pytest.raises(GovernanceError, match=r"falls outside the notice"):
        agreement.with_revocation(late)
    with pytest.raises(GovernanceError, match=r"Salem, which has given none"):
        agreement.with_revocation(Revocation(party="Salem", decided_on=D(2024, 9, 12), matter="x"))


@given(st.data())
def test_a_revoked_notice_leaves_the_parties_as_without_it(data: st.DataObject) -> None:
    day = data.draw(st.dates(D(2024, 3, 15), D(2025, 3, 31)))
    query = data.draw(days_in_force())
    agreement = (
        Agreement()
        .with_notice(NYKVARN_LEAVES)
        .with_revocation(Revocation(party="Nykvarn", decided_on=day, matter="Withdrawn"))
    )
    assert agreement.parties_on(query) == Agreement().parties_on(query)


def test_a_notice_from_the_chairs_own_municipality_reaches_the_chair_like_any_other() -> None:
    own = Notice(
        party="Salem", council_decision_date=D(2024, 2, 1), received_by_chair=D(2024, 2, 5)
    )
    agreement = Agreement(
        elections=[Election(elected_on=D(2024, 1, 16), chair="Salem", vice_chair="Nykvarn")],
        notices=[own],
    )
    assert agreement.last_day("Salem") == D(2025, 2, 28)


# § 3: consensus needs a supporter; presence by party; per capsulam.


def test_a_proposal_everyone_stands_aside_from_is_not_adopted() -> None:
    decision = Decision(
        meeting=Meeting(date=D(2024, 5, 2), in_room=NAMES[:5]),
        matter="Study",
        positions=dict.fromkeys(NAMES[:5], Position.STAND_ASIDE),
    )
    outcome = decision.outcome
    assert not outcome.adopted
    assert not outcome.objections
    assert "Not adopted: no present member supports the proposal" in outcome.explain("en")
    assert "Ej antaget: ingen närvarande ledamot stöder förslaget" in outcome.explain()


@given(st.lists(st.sampled_from(NAMES), min_size=4, max_size=8, unique=True), st.data())
def test_consensus_is_one_supporter_and_no_objection(
    present: list[str], data: st.DataObject
) -> None:
    chosen = {name: data.draw(st.sampled_from(Position)) for name in present}
    decision = Decision(
        meeting=Meeting(date=D(2024, 5, 2), in_room=present), matter="M", positions=chosen
    )
    values = list(chosen.values())
    expected = Position.SUPPORT in values and Position.OBJECT not in values
    assert decision.outcome.adopted == expected


def test_a_substitute_counts_toward_the_quorum() -> None:
    meeting = Meeting(date=D(2024, 5, 2), in_room=NAMES[:4], substitutes={"Salem"})
    assert meeting.is_quorate
    assert "Represented by a substitute: Salem" in meeting.explain("en")
    assert "Företrädd av ersättare: Salem" in meeting.explain()
    with pytest.raises(GovernanceError, match=r"Tyresö is recorded as represented by a substitute"):
        Meeting(date=D(2024, 5, 2), in_room=NAMES[:4], substitutes={"Tyresö"})


@given(st.lists(st.sampled_from(NAMES), unique=True), st.data())
def test_substitutes_change_nothing_but_the_explanation(
    present: list[str], data: st.DataObject
) -> None:
    subs = data.draw(st.frozensets(st.sampled_from(present))) if present else frozenset()
    plain = Meeting(date=D(2024, 5, 2), in_room=present)
    sent = Meeting(date=D(2024, 5, 2), in_room=present, substitutes=subs)
    assert (plain.is_quorate, plain.quorum) == (sent.is_quorate, sent.quorum)


def test_per_capsulam_is_not_a_meeting() -> None:
    circulation = Circulation(date=D(2024, 6, 3), matter="Consultation response")
    with pytest.raises(GovernanceError, match=r"per capsulam\) is not a decision of the committee"):
        Decision(meeting=circulation, matter="Consultation response", positions={})
    assert "skickades ut per e-post den 3 juni 2024" in circulation.reasons()[0].text()


# § 4: the planning conference does not count toward six.


@given(st.integers(0, 8), st.integers(0, 3))
def test_planning_conferences_never_count_toward_six(meetings: int, conferences: int) -> None:
    days = [Meeting(date=D(2024, 2 + i, 10)) for i in range(meetings)]
    days += [
        Meeting(date=D(2024, 1, 10 + i), kind=MeetingKind.PLANNING_CONFERENCE)
        for i in range(conferences)
    ]
    calendar = MeetingCalendar(year=2024, meetings=days)
    assert len(calendar.committee_meetings) == meetings
    warned = meetings < 6 or not conferences
    with pytest.warns(FewMeetingsWarning) if warned else contextlib.nullcontext():
        findings = calendar.check(lang="en")
    assert any("meeting" in f and "SUP 2040 for at least 6" in f for f in findings) == (
        meetings < 6
    )
    reason = calendar.reasons()[0].text("sv")
    assert reason.startswith(f"{meetings} sammanträde{'' if meetings == 1 else 'n'} 2024;")


# § 6: the committee's judgement; the parties concerned share by population.


def test_the_committees_decision_is_the_judgement_of_great_importance() -> None:
    decision = all_support(D(2024, 5, 2), "The charging study matters for the whole")
    project = Project(name="Charging study", concerns={"Haninge", "Nynäshamn"}, judged_by=decision)
    assert project.important_for_whole
    assert project.financing() is Financing.COMMITTEE_MAY_FINANCE
    assert "the committee decided on 2 May 2024 that it is of great importance" in project.explain(
        lang="en"
    )
    blocked = Decision(
        meeting=Meeting(date=D(2024, 5, 2), in_room=NAMES[:4]),
        matter="x",
        positions={**dict.fromkeys(NAMES[:3], Position.SUPPORT), NAMES[3]: Position.OBJECT},
    )
    with pytest.raises(
        GovernanceError, match=r"was not adopted; § 6 needs the committee's decision"
    ):
        Project(name="Charging study", concerns={"Haninge"}, judged_by=blocked)


def test_the_parties_concerned_share_by_population_unless_they_agree() -> None:
    project = Project(name="Charging", concerns={"Haninge", "Nynäshamn"})
    split = project.split_cost(SEK(100_000), decided_on=D(2024, 5, 2))
    assert split.total == SEK(100_000)
    assert dict(split.weights) == Population.builtin().at(2023, [HANINGE, NYNASHAMN])
    assert split.amounts == {HANINGE: SEK(76_695), NYNASHAMN: SEK(23_305)}
    assert "De berörda kommunerna finansierar Charging själva" in split.explain()
    agreed = project.split_cost(
        SEK(100_000), decided_on=D(2024, 5, 2), shares={"Haninge": 1, "Nynäshamn": 1}
    )
    assert set(agreed.amounts.values()) == {SEK(50_000)}
    assert "in the shares they agreed" in agreed.explain("en")
    with pytest.raises(
        GovernanceError, match=r"shares name Haninge; expected the parties concerned"
    ):
        project.split_cost(SEK(1), decided_on=D(2024, 5, 2), shares={"Haninge": 1})


@given(st.frozensets(parties(), min_size=1), st.integers(0, 10**9))
def test_the_concerned_split_conserves_the_cost(concerns: frozenset[object], kronor: int) -> None:
    split = Project(name="P", concerns=concerns).split_cost(SEK(kronor), decided_on=D(2024, 5, 2))
    assert split.total == SEK(kronor)
    assert set(split.amounts) == concerns


# § 7: a party in its notice period pays the contributions decided while it is one.


def test_a_party_in_its_notice_period_pays_special_contributions() -> None:
    agreement = Agreement().with_notice(NYKVARN_LEAVES)
    during = special_contributions(SEK(100_000), decided_on=D(2024, 5, 2), agreement=agreement)
    assert during.amounts[NYKVARN] == SEK(2_325)
    assert during.in_notice == {NYKVARN}
    assert "Nykvarn är under uppsägningstid men fortfarande avtalspart och betalar därför" in (
        during.explain()
    )
    after = special_contributions(SEK(100_000), decided_on=D(2025, 5, 2), agreement=agreement)
    assert NYKVARN not in after.amounts
    assert "uppsägningstid" not in after.explain()


@given(st.data())
def test_the_notice_period_changes_no_contribution(data: st.DataObject) -> None:
    day = data.draw(st.dates(D(2024, 3, 15), D(2025, 3, 31)))
    agreement = Agreement().with_notice(NYKVARN_LEAVES)
    with_notice = special_contributions(SEK(100_000), decided_on=day, agreement=agreement)
    without = special_contributions(SEK(100_000), decided_on=day)
    assert dict(with_notice.amounts) == dict(without.amounts)
    assert with_notice.in_notice == {NYKVARN}


@given(st.frozensets(parties(), min_size=1), st.booleans())
def test_a_project_of_some_parties_is_the_committees_only_by_its_judgement(
    concerns: frozenset[object], judged: bool
) -> None:
    decision = all_support(D(2024, 5, 2), "Matters for the whole") if judged else None
    project = Project(name="P", concerns=concerns, judged_by=decision)
    if concerns == set(MUNICIPALITIES):
        expected = Financing.COMMITTEE_BUDGET
    elif judged:
        expected = Financing.COMMITTEE_MAY_FINANCE
    else:
        expected = Financing.CONCERNED_PARTIES
    assert project.financing() is expected
    assert project.important_for_whole == judged


@given(days_in_force())
def test_a_circulation_is_never_a_decision(day: datetime.date) -> None:
    with pytest.raises(GovernanceError, match=r"is not a meeting"):
        Decision(meeting=Circulation(date=day, matter="M"), matter="M", positions={})


def test_a_revocation_says_who_stays_and_why_and_refuses_what_is_not_one() -> None:
    from sodertorn import NoticeError
    from sodertorn.agreement import Revocation

    revocation = Revocation(
        party="Nykvarn", decided_on=datetime.date(2024, 9, 12), matter="  Nykvarn stays "
    )
    assert revocation.matter == "Nykvarn stays"
    (reason,) = revocation.reasons()
    assert reason.text("en") == (
        "The committee decided on 12 September 2024 that Nykvarn may withdraw its notice "
        "(Nykvarn stays); Nykvarn remains a party. (Samarbetsavtal 2010, § 2)"
    )
    for matter in (5, None, "   "):
        with pytest.raises(
            NoticeError, match="is empty or not text; expected a description of the matter"
        ):
            Revocation(party="Nykvarn", decided_on=datetime.date(2024, 9, 12), matter=matter)
    with pytest.raises(NoticeError, match="decided_on"):
        Revocation(party="Nykvarn", decided_on="2024-09-12", matter="x")
