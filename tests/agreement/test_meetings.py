from __future__ import annotations

import datetime
import os
import warnings

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sodertorn import (
    MUNICIPALITIES,
    Agreement,
    FewMeetingsWarning,
    GovernanceError,
    LocaleError,
    MissingDataError,
    Notice,
    SodertornWarning,
)
from sodertorn.agreement import Election, Meeting, MeetingCalendar, MeetingKind, quorum_for
from sodertorn.testing import agreements, meetings

D = datetime.date
DAY = D(2024, 3, 21)
NAMES = [m.name for m in MUNICIPALITIES]
WITHOUT_NYKVARN = Agreement().with_notice(
    Notice(party="Nykvarn", council_decision_date=D(2024, 3, 1), received_by_chair=D(2024, 3, 15))
)
CHAIRED = Agreement().with_election(
    Election(elected_on=D(2024, 1, 16), chair="Salem", vice_chair="Nykvarn")
)


def test_eight_members_four_suffice() -> None:
    assert quorum_for(8) == 4
    assert Meeting(date=DAY, in_room=NAMES[:4]).is_quorate
    assert not Meeting(date=DAY, in_room=NAMES[:3]).is_quorate


def test_after_a_withdrawal_seven_members_need_four() -> None:
    day = D(2025, 4, 10)
    present = ["Huddinge", "Botkyrka", "Salem"]
    assert Meeting(date=day, in_room=present, agreement=WITHOUT_NYKVARN).quorum == 4
    assert not Meeting(date=day, in_room=present, agreement=WITHOUT_NYKVARN).is_quorate
    # The day before the period ends Nykvarn is still a member.
    assert len(Meeting(date=D(2025, 3, 31), agreement=WITHOUT_NYKVARN).members) == 8


def test_phone_and_video_count_as_present() -> None:
    meeting = Meeting(date=DAY, in_room=NAMES[:2], remote=NAMES[2:4])
    assert meeting.is_quorate
    assert len(meeting.present) == 4


def test_a_withdrawn_party_present_is_an_error() -> None:
    with pytest.raises(GovernanceError) as raised:
        Meeting(date=D(2025, 4, 10), remote={"Nykvarn"}, agreement=WITHOUT_NYKVARN)
    assert isinstance(raised.value, ValueError)
    assert str(raised.value).startswith(
        "Nykvarn is present at the meeting on 2025-04-10 but is not a party that day"
    )


def test_present_twice_is_an_error() -> None:
    with pytest.raises(GovernanceError, match=r"Salem is recorded both in the room and by phone"):
        Meeting(date=DAY, in_room={"Salem"}, remote={"0128"})


@pytest.mark.parametrize(
    ("arguments", "pattern"),
    [
        ({"date": "2024-03-21"}, r"meeting date '2024-03-21' is not a date"),
        (
            {"date": DAY, "kind": "extra"},
            r"meeting kind 'extra' is unknown; expected MeetingKind.ORDINARY",
        ),
        ({"date": DAY, "in_room": "Salem"}, r"members 'Salem' is not a collection of parties"),
        ({"date": DAY, "agreement": None}, r"agreement None is not an Agreement"),
        ({"date": D(2009, 6, 1)}, r"date 2009-06-01 is before the agreement came into force"),
    ],
)
def test_bad_meeting_arguments(arguments: dict[str, object], pattern: str) -> None:
    with pytest.raises(GovernanceError, match=pattern):
        Meeting(**arguments)


@pytest.mark.parametrize("members", [-1, True, 2.5, "8"])
def test_quorum_of_nonsense(members: object) -> None:
    with pytest.raises(GovernanceError, match=rf"cannot take a quorum of {members!r} members"):
        quorum_for(members)  # type: ignore[arg-type]


def test_quorum_of_odd_sizes_rounds_up() -> None:
    assert [quorum_for(n) for n in range(9)] == [0, 1, 1, 2, 2, 3, 3, 4, 4]


# Extra meetings (§ 4).


def extra(**arguments: object) -> Meeting:
    return Meeting(date=DAY, kind=MeetingKind.EXTRA, agreement=CHAIRED, **arguments)


def test_extra_meeting_called_by_the_chair_is_valid() -> None:
    assert extra(called_by="Salem").is_validly_called


def test_extra_meeting_called_by_another_member_is_not() -> None:
    meeting = extra(called_by="Haninge", requested_by=NAMES[:4])
    assert not meeting.is_validly_called
    assert "only 4 members requested it (at least 5 are needed)" in meeting.explain("en")
    one = extra(called_by="Haninge", requested_by=NAMES[:1]).explain("sv")
    assert "endast 1 ledamot har begärt det (minst 5 krävs)" in one


def test_extra_meeting_requested_by_five_members_is_valid() -> None:
    assert extra(requested_by=NAMES[:5]).is_validly_called
    assert not extra(requested_by=NAMES[:4]).is_validly_called


def test_five_is_a_number_not_a_share_even_after_withdrawals() -> None:
    agreement = Agreement(
        notices=[
            Notice(party=name, council_decision_date=D(2020, 1, 1), received_by_chair=D(2020, 1, 1))
            for name in NAMES[4:]
        ]
    )
    remaining = agreement.parties_on(DAY)
    assert len(remaining) == 4
    meeting = Meeting(date=DAY, kind=MeetingKind.EXTRA, requested_by=remaining, agreement=agreement)
    assert not meeting.is_validly_called


def test_extra_meeting_called_without_a_known_chair() -> None:
    meeting = Meeting(date=DAY, kind=MeetingKind.EXTRA, called_by="Salem")
    with pytest.raises(MissingDataError, match=r"no election of a chair on or before 2024-03-21"):
        _ = meeting.is_validly_called


def test_a_non_member_cannot_request_or_call() -> None:
    with pytest.raises(GovernanceError, match=r"Nykvarn requested the meeting on 2025-04-10"):
        Meeting(date=D(2025, 4, 10), requested_by={"Nykvarn"}, agreement=WITHOUT_NYKVARN)
    with pytest.raises(GovernanceError, match=r"Nykvarn called the meeting on 2025-04-10"):
        Meeting(date=D(2025, 4, 10), called_by="Nykvarn", agreement=WITHOUT_NYKVARN)


def test_ordinary_meetings_are_called_by_the_chair() -> None:
    assert Meeting(date=DAY).is_validly_called


def test_explain_in_both_languages() -> None:
    meeting = extra(in_room=NAMES[:3], remote=["Nykvarn"], called_by="Salem")
    english = meeting.explain("en")
    assert english.startswith("Extra meeting on 21 March 2024; present: Huddinge, Botkyrka,")
    assert "called by the chair (Salem). (Samarbetsavtal 2010, § 4)" in english
    assert "Quorate: 4 of 8 members present (1 of them by phone or video); at least 4" in english
    swedish = meeting.explain("sv")
    assert swedish.startswith("Extra sammanträde den 21 mars 2024; närvarande:")
    assert "Beslutför: 4 av 8 ledamöter närvarande (varav 1 via telefon eller video)" in swedish


# The year's calendar (§ 4, SUP 2040).


def calendar(count: int, *, conference: bool = True) -> MeetingCalendar:
    days = [Meeting(date=D(2024, month, 10)) for month in range(2, 2 + count)]
    if conference:
        days.append(Meeting(date=D(2024, 1, 16), kind=MeetingKind.PLANNING_CONFERENCE))
    return MeetingCalendar(year=2024, meetings=days)


def test_six_meetings_and_a_conference_are_enough() -> None:
    full = calendar(6)
    assert full.check() == ()
    assert len(full.committee_meetings) == 6
    assert len(full.planning_conferences) == 1


def test_five_meetings_warn() -> None:
    with pytest.warns(
        FewMeetingsWarning, match=r"The committee has 5 meetings in 2024; the agreement"
    ):
        findings = calendar(5).check(lang="en")
    assert len(findings) == 1


def test_no_planning_conference_warns() -> None:
    with pytest.warns(SodertornWarning, match=r"har ingen planeringskonferens 2024"):
        calendar(6, conference=False).check()


def test_calendar_2024_from_the_activity_plan_warns() -> None:
    days = [D(2024, 3, 21), D(2024, 5, 2), D(2024, 9, 12), D(2024, 11, 7)]
    plan = MeetingCalendar(
        year=2024,
        meetings=[
            Meeting(date=D(2024, 1, 16), kind=MeetingKind.PLANNING_CONFERENCE),
            *(Meeting(date=day) for day in days),
        ],
    )
    with pytest.warns(FewMeetingsWarning):
        assert plan.check(lang="en") == (
            "The committee has 4 meetings in 2024; the agreement asks for about six, SUP 2040 "
            "for at least 6. (Samarbetsavtal 2010, § 4)",
        )


@pytest.mark.parametrize(
    ("arguments", "pattern"),
    [
        ({"year": "2024", "meetings": []}, r"year '2024' is not a calendar year"),
        ({"year": 2024, "meetings": "x"}, r"meetings 'x' is not a collection of Meeting"),
        ({"year": 2023, "meetings": [Meeting(date=DAY)]}, r"meeting on 2024-03-21 is not in 2023"),
    ],
)
def test_bad_calendars(arguments: dict[str, object], pattern: str) -> None:
    with pytest.raises(GovernanceError, match=pattern):
        MeetingCalendar(**arguments)


# Properties.


@given(st.integers(0, 400))
def test_quorum_flips_exactly_at_half(members: int) -> None:
    needed = quorum_for(members)
    assert 2 * needed >= members
    assert needed == 0 or 2 * (needed - 1) < members


@given(agreements().flatmap(meetings), st.data())
def test_quorum_is_monotone_in_attendance(meeting: Meeting, data: st.DataObject) -> None:
    absent = [m for m in meeting.members if m not in meeting.present]
    more = data.draw(st.lists(st.sampled_from(absent), unique=True) if absent else st.just([]))
    larger = Meeting(
        date=meeting.date,
        in_room=meeting.in_room | set(more),
        remote=meeting.remote,
        agreement=meeting.agreement,
    )
    assert not meeting.is_quorate or larger.is_quorate
    assert meeting.is_quorate == (2 * len(meeting.present) >= len(meeting.members))


def test_calendar_warnings_in_swedish() -> None:
    with pytest.warns(FewMeetingsWarning) as caught:
        findings = calendar(5, conference=False).check()
    assert [str(w.message) for w in caught] == list(findings)
    assert findings == (
        "Samarbetskommittén har 5 sammanträden 2024; avtalet anger ca sex, SUP 2040 minst 6. "
        "(Samarbetsavtal 2010, § 4)",
        "Samarbetskommittén har ingen planeringskonferens 2024; utvecklingsprogrammet anger en "
        "om året. (SUP 2040)",
    )
    with pytest.warns(FewMeetingsWarning):
        assert calendar(1).check()[0].startswith("Samarbetskommittén har 1 sammanträde 2024;")
    with pytest.raises(LocaleError, match="'de'"):
        calendar(6).check(lang="de")


@given(st.integers(0, 8), st.booleans())
def test_the_shortfalls_are_reasons_and_check_says_them(count: int, conference: bool) -> None:
    year = calendar(count, conference=conference)
    shortfalls = year.shortfalls()
    assert [(r.source, r.section) for r in shortfalls] == [
        *([("Samarbetsavtal 2010", "§ 4")] if count < 6 else []),
        *([] if conference else [("SUP 2040", "")]),
    ]
    said = {}
    for lang in ("sv", "en"):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            said[lang] = year.check(lang=lang)
        assert said[lang] == tuple(r.text(lang) for r in shortfalls)
        assert [str(w.message) for w in caught] == list(said[lang])
        assert all(w.category is FewMeetingsWarning for w in caught)
    if count < 6:
        sammantrade = "sammanträde" if count == 1 else "sammanträden"
        meeting = "meeting" if count == 1 else "meetings"
        assert f"har {count} {sammantrade} 2024;" in said["sv"][0]
        assert f"has {count} {meeting} in 2024;" in said["en"][0]


def test_quorum_reason_counts_one_member_in_the_singular() -> None:
    import datetime

    from sodertorn import Agreement
    from sodertorn.agreement import Meeting

    alone = Agreement(parties=["Salem"])
    meeting = Meeting(date=datetime.date(2024, 5, 2), in_room=["Salem"], agreement=alone)
    assert "Quorate: 1 of 1 member present; at least 1 needed." in meeting.explain("en")
    assert "Beslutför: 1 av 1 ledamot närvarande; minst 1 krävs." in meeting.explain("sv")
    assert "of 8 members present" in Meeting(date=datetime.date(2024, 5, 2)).explain("en")


def test_a_caller_who_is_not_a_municipality_is_refused() -> None:
    with pytest.raises(GovernanceError) as raised:
        Meeting(date=DAY, kind=MeetingKind.EXTRA, called_by=42)
    assert str(raised.value) == "party 42 is not a municipality; expected a name or an SCB code"


def test_an_extra_meeting_requested_by_five_explained_word_for_word() -> None:
    five = NAMES[:5]
    meeting = Meeting(date=D(2024, 5, 2), kind=MeetingKind.EXTRA, requested_by=five, in_room=five)
    assert meeting.explain("en").splitlines() == [
        "Extra meeting on 2 May 2024; present: Huddinge, Botkyrka, Salem, Haninge and Tyresö.",
        "The extra meeting was requested by 5 members (Huddinge, Botkyrka, Salem, Haninge and "
        "Tyresö). (Samarbetsavtal 2010, § 4)",
        "Quorate: 5 of 8 members present; at least 4 needed. (Samarbetsavtal 2010, § 3)",
    ]
    assert meeting.explain("sv").splitlines()[1] == (
        "Det extra sammanträdet har begärts av 5 ledamöter (Huddinge, Botkyrka, Salem, Haninge "
        "och Tyresö). (Samarbetsavtal 2010, § 4)"
    )


def test_an_extra_meeting_not_duly_called_explained_word_for_word() -> None:
    meeting = Meeting(
        date=D(2024, 5, 2),
        kind=MeetingKind.EXTRA,
        requested_by=NAMES[:1],
        in_room=NAMES[:3],
        remote=NAMES[3:4],
    )
    assert meeting.explain("en").splitlines()[1:] == [
        "The extra meeting was not duly called: the chair did not call it, and only 1 member "
        "requested it (at least 5 are needed). (Samarbetsavtal 2010, § 4)",
        "Quorate: 4 of 8 members present (1 of them by phone or video); at least 4 needed. "
        "(Samarbetsavtal 2010, § 3)",
    ]
    assert meeting.explain("sv").splitlines()[1] == (
        "Det extra sammanträdet är inte behörigen inkallat: ordföranden har inte kallat till "
        "det, och endast 1 ledamot har begärt det (minst 5 krävs). (Samarbetsavtal 2010, § 4)"
    )


def test_a_meeting_short_of_its_quorum_with_a_substitute_explained_word_for_word() -> None:
    meeting = Meeting(
        date=D(2024, 5, 2), in_room=NAMES[:2], remote=NAMES[3:4], substitutes={NAMES[0]}
    )
    assert meeting.explain("en").splitlines() == [
        "Ordinary meeting on 2 May 2024; present: Huddinge, Botkyrka and Haninge.",
        "The chair calls the committee's meetings. (Samarbetsavtal 2010, § 4)",
        "Represented by a substitute: Huddinge; a substitute counts toward the quorum and takes "
        "the party's position. (Samarbetsavtal 2010, § 3)",
        "Not quorate: 3 of 8 members present (1 of them by phone or video); at least 4 needed. "
        "(Samarbetsavtal 2010, § 3)",
    ]
    assert meeting.explain("sv").splitlines() == [
        "Ordinarie sammanträde den 2 maj 2024; närvarande: Huddinge, Botkyrka och Haninge.",
        "Ordföranden kallar till kommitténs sammanträden. (Samarbetsavtal 2010, § 4)",
        "Företrädd av ersättare: Huddinge; en ersättare räknas in i beslutförheten och för "
        "kommunens talan. (Samarbetsavtal 2010, § 3)",
        "Inte beslutför: 3 av 8 ledamöter närvarande (varav 1 via telefon eller video); minst 4 "
        "krävs. (Samarbetsavtal 2010, § 3)",
    ]


def test_a_meeting_with_nobody_present_says_so() -> None:
    meeting = Meeting(date=D(2024, 5, 2))
    assert (
        meeting.explain("en").splitlines()[0]
        == "Ordinary meeting on 2 May 2024; no members present."
    )
    assert meeting.explain("sv").splitlines()[0] == (
        "Ordinarie sammanträde den 2 maj 2024; inga ledamöter närvarande."
    )


@pytest.mark.parametrize("meetings", [5, "x"])
def test_meetings_that_are_not_a_collection_are_refused_word_for_word(meetings: object) -> None:
    with pytest.raises(GovernanceError) as raised:
        MeetingCalendar(year=2024, meetings=meetings)
    assert str(raised.value) == f"meetings {meetings!r} is not a collection of Meeting values"


def test_the_calendar_counts_its_committee_meetings_word_for_word() -> None:
    year = MeetingCalendar(
        year=2024,
        meetings=[
            Meeting(date=D(2024, 1, 16), kind=MeetingKind.PLANNING_CONFERENCE),
            Meeting(date=D(2024, 3, 21)),
            Meeting(date=D(2024, 5, 2)),
        ],
    )
    (reason,) = year.reasons()
    assert reason.text("en") == (
        "2 committee meetings in 2024; a planning conference does not count toward the about "
        "six meetings a year. (Samarbetsavtal 2010, § 4)"
    )
    assert reason.text("sv") == (
        "2 sammanträden 2024; planeringskonferensen räknas inte in i de ca sex sammanträdena om "
        "året. (Samarbetsavtal 2010, § 4)"
    )


@pytest.mark.skipif(
    "MUTANT_UNDER_TEST" in os.environ,
    reason="mutation testing calls every function of a mutated module one frame deeper",
)
def test_the_warning_points_at_the_line_that_checks() -> None:
    with pytest.warns(FewMeetingsWarning) as caught:
        calendar(5).check(lang="en")
    assert [w.filename for w in caught] == [__file__]
