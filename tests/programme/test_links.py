"""A plan against the agreement's rules: its committee calendar (§ 4) and its revenue (§ 8)."""

from __future__ import annotations

import datetime
import warnings

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from sodertorn import SEK, FewMeetingsWarning, Plan, PlanError, Population, annual_fees, load_plan
from sodertorn.agreement import MeetingCalendar, MeetingKind
from sodertorn.programme import (
    Budget,
    BudgetLine,
    CalendarEntry,
    CalendarKind,
    CollaborationBody,
    RevenueCheck,
    Text,
)
from sodertorn.reasons import Count
from sodertorn.testing import plans

D = datetime.date
COMMITTEE = CollaborationBody.COMMITTEE


# -- the committee calendar ----------------------------------------------------------------


def test_the_2024_committee_calendar_warns_of_too_few_meetings() -> None:
    calendar = load_plan(2024).committee_calendar()
    assert isinstance(calendar, MeetingCalendar)
    assert calendar.year == 2024
    assert [m.date for m in calendar.committee_meetings] == [
        D(2024, 3, 21),
        D(2024, 5, 2),
        D(2024, 9, 12),
        D(2024, 11, 7),
    ]
    assert [m.date for m in calendar.planning_conferences] == [D(2024, 1, 16)]
    with pytest.warns(FewMeetingsWarning, match="The committee has 4 meetings in 2024; the"):
        findings = calendar.check(lang="en")
    assert findings == (
        "The committee has 4 meetings in 2024; the agreement asks for about six, SUP 2040 for "
        "at least 6. (Samarbetsavtal 2010, § 4)",
    )


def test_the_2019_committee_calendar_meets_the_rule() -> None:
    calendar = load_plan(2019).committee_calendar()
    assert len(calendar.committee_meetings) == 6
    assert len(calendar.planning_conferences) == 2
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert calendar.check() == ()


def test_the_management_group_is_not_the_committee() -> None:
    plan = load_plan(2024)
    management = plan.meetings(CollaborationBody.MANAGEMENT_GROUP)
    dates = {m.date for m in plan.committee_calendar().meetings}
    assert management
    assert not dates & {entry.start for entry in management}


def test_a_plan_without_a_planning_conference_is_warned_about() -> None:
    plan = load_plan(2019)
    meetings = plan.meetings(COMMITTEE, kind=CalendarKind.MEETING)
    calendar = attrs.evolve(plan, calendar=meetings).committee_calendar()
    with pytest.warns(FewMeetingsWarning, match="no planning conference in 2019"):
        calendar.check(lang="en")


def test_a_committee_meeting_outside_the_plans_year_is_refused() -> None:
    plan = load_plan(2024)
    stray = CalendarEntry(start=D(2025, 1, 14), body=COMMITTEE)
    with pytest.raises(
        PlanError, match="committee meeting on 2025-01-14 is not in the plan's year"
    ):
        attrs.evolve(plan, calendar=(*plan.calendar, stray)).committee_calendar()


def test_a_plan_before_the_agreement_has_no_committee_calendar() -> None:
    plan = attrs.evolve(load_plan(2019), year=2009, calendar=())
    with pytest.raises(PlanError, match="plan year 2009 is before the agreement came into force"):
        plan.committee_calendar()


@given(plans())
def test_every_committee_entry_becomes_a_meeting_of_its_kind(plan: Plan) -> None:
    assume(plan.year >= 2010)
    entries = [e for e in plan.meetings(COMMITTEE) if e.start.year == plan.year]
    plan = attrs.evolve(plan, calendar=entries)
    calendar = plan.committee_calendar()
    kinds = {
        CalendarKind.MEETING: MeetingKind.ORDINARY,
        CalendarKind.PLANNING_CONFERENCE: MeetingKind.PLANNING_CONFERENCE,
    }
    assert sorted((m.date, m.kind.value) for m in calendar.meetings) == sorted(
        (e.start, kinds[e.kind].value) for e in entries
    )
    assert all(not m.present for m in calendar.meetings)


# -- the revenue against the fees ----------------------------------------------------------


def test_the_2024_revenue_is_the_2024_fees() -> None:
    check = load_plan(2024).revenue_check()
    assert isinstance(check, RevenueCheck)
    assert check.stated == annual_fees(2024).total == SEK(2083296)
    assert check.difference == SEK(0)
    assert check.matches
    assert (check.counted, check.assessed_population) == (520824, 520824)
    assert check.population_difference == 0
    assert check.population_date == D(2023, 12, 31)
    assert not check.approximate


def test_the_2019_revenue_used_a_provisional_count() -> None:
    check = load_plan(2019).revenue_check()
    fees = annual_fees(2019)
    assert check.assessed == fees.total == SEK(1984804)
    assert check.stated == SEK(1977400)
    assert check.difference == SEK(-7404)
    assert not check.matches
    assert check.approximate
    # 1 977 400 kr at 4 kr is 494 350 inhabitants; the fees count 496 201 on 31 Dec 2018.
    assert check.counted == 494350
    assert check.assessed_population == Population.builtin().total(2018) == 496201
    assert check.population_difference == -1851
    assert check.rate is not None
    assert check.rate * -check.population_difference == -check.difference
    assert check.note is not None
    assert "oktober 2018" in check.note


def test_the_revenue_check_explains_itself_in_both_languages() -> None:
    check = load_plan(2019).revenue_check()
    english = check.explain("en").splitlines()
    assert english[0] == (
        "The stated revenue, ≈ SEK 1,977,400, is SEK 7,404 less than the fees assessed for "
        "2019, SEK 1,984,804. (Samarbetsavtal 2010, § 8)"
    )
    assert english[1] == (
        "At SEK 4 per inhabitant the stated revenue pays for 494,350 inhabitants; the fees "
        "count 496,201 (31 December 2018), a difference of 1,851. (Samarbetsavtal 2010, § 8)"
    )
    assert english[2].startswith("Budget note: Avgift 4 kr per invånare")
    swedish = check.explain().replace("\xa0", " ").splitlines()
    assert swedish[0] == (
        "Budgeterade intäkter, ≈ 1 977 400 kr, är 7 404 kr mindre än avgifterna för 2019, "
        "1 984 804 kr. (Samarbetsavtal 2010, § 8)"
    )
    assert swedish[1] == (
        "Med 4 kr per invånare motsvarar de budgeterade intäkterna 494 350 invånare; "
        "avgifterna räknar med 496 201 (31 december 2018), en skillnad på 1 851. "
        "(Samarbetsavtal 2010, § 8)"
    )
    matching = load_plan(2024).revenue_check().explain("en").splitlines()
    assert matching[0].endswith(
        "equals the fees assessed for 2024, SEK 2,083,296. (Samarbetsavtal 2010, § 8)"
    )
    assert matching[1] == (
        "At SEK 4 per inhabitant both count 520,824 inhabitants (31 December 2023). "
        "(Samarbetsavtal 2010, § 8)"
    )


def test_the_revenue_check_gives_its_reasons_as_data() -> None:
    check = load_plan(2019).revenue_check()
    head, counts = check.reasons()
    assert (head.section, counts.section) == ("§ 8", "§ 8")
    values = dict(head.values)
    assert (values["assessed"], values["difference"], values["year"]) == (
        SEK(1984804),
        SEK(7404),
        2019,
    )
    assert dict(counts.values)["counted"] == Count(494350)
    assert check.explain("en").splitlines()[:2] == [r.text("en") for r in check.reasons()]
    exact = attrs.evolve(check, approximate=False)
    assert dict(exact.reasons()[0].values)["stated"] == SEK(1977400)
    assert "≈" not in exact.explain()
    assert [r.section for r in attrs.evolve(check, rate=None).reasons()] == ["§ 8"]


@given(st.integers(1, 3), st.integers(-2, 2), st.booleans())
def test_revenue_check_counts_in_the_right_form(
    counted: int, difference: int, approximate: bool
) -> None:
    assume(counted - difference >= 0)
    check = RevenueCheck(
        year=2024,
        stated=SEK(4) * counted,
        approximate=approximate,
        assessed=SEK(4) * (counted - difference),
        rate=SEK(4),
        counted=counted,
        assessed_population=counted - difference,
    )
    english, swedish = check.explain("en").splitlines(), check.explain("sv").splitlines()
    noun = "inhabitant" if counted == 1 else "inhabitants"
    if difference == 0:
        assert check.matches
        assert f"both count {counted} {noun} (" in english[1]
        assert f"räknar båda med {counted} invånare (" in swedish[1]
    else:
        assert f"pays for {counted} {noun};" in english[1]
        assert f"en skillnad på {abs(difference)}." in swedish[1]
        word = "more" if difference > 0 else "less"
        assert f"is SEK {4 * abs(difference)} {word} than" in english[0]
    assert english[0].startswith(
        "The stated revenue, ≈ SEK" if approximate else "The stated revenue, SEK"
    )
    assert all(line.endswith("(Samarbetsavtal 2010, § 8)") for line in english + swedish)


FOUR = SEK(4)


def _budget(revenue: SEK, *, rate: SEK | None = FOUR, population: int | None = None) -> Budget:
    line = BudgetLine(label=Text("Avgifter"), amount=revenue)
    return Budget(revenue=[line], costs=[line], rate=rate, population=population)


def test_more_revenue_than_the_fees_says_more() -> None:
    fees = annual_fees(2024)
    check = _budget(fees.total + SEK(8)).check_revenue(fees)
    assert check.difference == SEK(8)
    assert check.population_difference == 2
    assert "is SEK 8 more than the fees assessed for 2024" in check.explain("en")
    assert "är 8\xa0kr mer än avgifterna för 2024" in check.explain("sv")


def test_populations_are_compared_only_at_the_same_rate_per_inhabitant() -> None:
    fees = annual_fees(2024)
    other_rate = _budget(fees.total, rate=SEK(5)).check_revenue(fees)
    assert (other_rate.rate, other_rate.counted) == (None, None)
    assert other_rate.matches
    assert len(other_rate.explain("en").splitlines()) == 1
    indexed = _budget(SEK(860000)).check_revenue(annual_fees(2010))
    assert indexed.counted is None
    assert indexed.matches
    uneven = _budget(SEK(6)).check_revenue(fees)
    assert (uneven.rate, uneven.counted, uneven.population_difference) == (SEK(4), None, None)
    stated = _budget(fees.total, population=520000).check_revenue(fees)
    assert stated.population_difference == -824


@given(st.integers(min_value=-(10**6), max_value=10**6))
def test_the_difference_is_stated_minus_assessed(offset: int) -> None:
    fees = annual_fees(2024)
    check = _budget(fees.total + SEK(offset)).check_revenue(fees)
    assert check.difference == SEK(offset)
    assert check.matches is (offset == 0)
    if offset % 4 == 0:
        assert check.population_difference == offset // 4
    else:
        assert check.counted is None


def test_a_plan_without_a_budget_has_no_revenue_to_check() -> None:
    plan = attrs.evolve(load_plan(2024), budget=None)
    with pytest.raises(PlanError, match="the 2024 plan has no budget; expected one to check"):
        plan.revenue_check()


def test_the_check_can_use_another_assessment() -> None:
    plan = load_plan(2024)
    without_salem = annual_fees(
        2024, parties=[p for p in annual_fees(2024).parties if p.name != "Salem"]
    )
    check = plan.revenue_check(without_salem)
    assert check.assessed == without_salem.total
    assert check.difference == annual_fees(2024)["Salem"]
