"""Conferences, their editions and calendar entries; contributions; the schema's new keys."""

from __future__ import annotations

import datetime
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sodertorn import (
    GoalTreeError,
    PlanError,
    Programme,
    SchemaError,
    load_plan,
    load_programme,
)
from sodertorn.programme import (
    CalendarEntry,
    CalendarKind,
    CollaborationBody,
    Conference,
    Contribution,
    Edition,
    Text,
    plan_from_dict,
    plan_to_dict,
    programme_from_dict,
    programme_to_dict,
)
from sodertorn.testing import conferences, contributions

D = datetime.date


@given(
    st.lists(conferences(), max_size=3, unique_by=lambda c: c.id),
    st.lists(contributions(), max_size=2),
)
def test_conferences_and_contributions_round_trip(
    found: list[Conference], given_contributions: list[Contribution]
) -> None:
    sup = attrs.evolve(
        load_programme("sup2040"), conferences=found, contributions=given_contributions
    )
    assert programme_from_dict(programme_to_dict(sup)) == sup
    plan = attrs.evolve(load_plan(2024), conferences=found, calendar=())
    assert plan_from_dict(plan_to_dict(plan), programme=plan.programme) == plan


def test_a_conference_entry_round_trips_with_its_conference() -> None:
    plan = load_plan(2019)
    data = plan_to_dict(plan)
    entry = data["calendar"][-1]
    assert entry == {
        "start": "2019-09-25",
        "end": None,
        "body": None,
        "kind": "conference",
        "place": None,
        "host": None,
        "conference": "sodertornskonferensen",
    }
    assert plan_from_dict(data) == plan


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"every": 0}, "invalid interval 0; expected an int of 1 or more"),
        ({"every": True}, "invalid interval True"),
        ({"arranged_by": 5}, "invalid conference arranger 5"),
        ({"note": 5}, "invalid conference note 5"),
        (
            {"editions": [Edition(year=2020), Edition(year=2020)]},
            "lists a year twice in its editions",
        ),
        ({"editions": [2020]}, "invalid edition 2020; expected an Edition"),
    ],
)
def test_bad_conferences_are_refused(fields: dict[str, Any], message: str) -> None:
    with pytest.raises(PlanError, match=message):
        Conference(id="c", name="Konferensen", **fields)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"year": "2025"}, "invalid edition year '2025'"),
        ({"year": 2025, "when": 5}, "invalid edition time 5"),
        ({"year": 2025, "note": b"x"}, "invalid edition note b'x'"),
    ],
)
def test_bad_editions_are_refused(fields: dict[str, Any], message: str) -> None:
    with pytest.raises(PlanError, match=message):
        Edition(**fields)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"kind": CalendarKind.CONFERENCE}, "conference on 2024-05-02 names no conference"),
        (
            {"body": CollaborationBody.COMMITTEE, "conference": "radslaget"},
            "a meeting on 2024-05-02 names conference 'radslaget'; expected a conference only",
        ),
        ({}, "meeting on 2024-05-02 names no body; expected the committee or the management"),
        (
            {"kind": CalendarKind.CONFERENCE, "conference": "Rådslaget"},
            "invalid conference id 'Rådslaget'",
        ),
        ({"body": "committee"}, "invalid body 'committee'; expected a CollaborationBody or None"),
    ],
)
def test_bad_calendar_entries_are_refused(fields: dict[str, Any], message: str) -> None:
    with pytest.raises(PlanError, match=message):
        CalendarEntry(start=D(2024, 5, 2), **fields)


def test_a_conference_entry_needs_no_body_and_stays_out_of_the_committee_calendar() -> None:
    entry = CalendarEntry(start=D(2024, 5, 2), kind=CalendarKind.CONFERENCE, conference="a")
    assert entry.body is None
    arranged = attrs.evolve(entry, body=CollaborationBody.COMMITTEE)
    plan = load_plan(2024)
    extended = attrs.evolve(
        plan,
        conferences=[Conference(id="a", name="A")],
        calendar=[*plan.calendar, arranged],
    )
    assert len(extended.committee_calendar().meetings) == len(plan.committee_calendar().meetings)
    assert extended.meetings(kind=CalendarKind.CONFERENCE) == (arranged,)


def test_a_plan_refuses_an_entry_for_a_conference_it_does_not_list() -> None:
    entry = CalendarEntry(start=D(2024, 5, 2), kind=CalendarKind.CONFERENCE, conference="x")
    with pytest.raises(PlanError, match="names conference 'x'; expected one of"):
        attrs.evolve(load_plan(2024), calendar=[entry])


def test_a_programme_refuses_a_conference_twice() -> None:
    twice = [Conference(id="a", name="A"), Conference(id="a", name="B")]
    with pytest.raises(GoalTreeError, match="lists a conference twice"):
        attrs.evolve(load_programme("sup2040"), conferences=twice)
    with pytest.raises(GoalTreeError, match="invalid conference 'a'"):
        attrs.evolve(load_programme("sup2040"), conferences=["a"])


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"goals": []}, "a contribution to 'RUFS' names no goal; expected at least one"),
        ({"goals": ["Mål"]}, "invalid plan goal 'Mål'; expected a Text"),
        ({"goals": "Mål"}, "expected a sequence, got 'Mål'"),
        ({"plan": "RUFS"}, "invalid contributed plan 'RUFS'; expected a Text"),
        ({"source": None}, "invalid contribution source None"),
    ],
)
def test_bad_contributions_are_refused(fields: dict[str, Any], message: str) -> None:
    base: dict[str, Any] = {"plan": Text("RUFS"), "goals": [Text("Mål")], "source": "s"}
    with pytest.raises(GoalTreeError, match=message):
        Contribution(**{**base, **fields})


def _programme_document(**changes: Any) -> dict[str, Any]:
    return {**programme_to_dict(load_programme("sup2035")), **changes}


@pytest.mark.parametrize(
    ("changes", "path", "message"),
    [
        (
            {"conferences": [{"id": "a", "name": "A", "every": "2"}]},
            "conferences[0].every",
            "expected an integer",
        ),
        (
            {"conferences": [{"id": "a", "name": "A", "editions": [{"year": 2020, "day": 1}]}]},
            "conferences[0].editions[0]",
            "unknown key ['day']",
        ),
        (
            {"contributions": [{"plan": "RUFS", "goals": "x", "source": "s"}]},
            "contributions[0].goals",
            "expected a list",
        ),
        (
            {"contributions": [{"plan": "RUFS", "goals": [], "source": "s", "x": 1}]},
            "contributions[0]",
            "unknown key ['x']",
        ),
    ],
)
def test_the_reader_names_the_path_of_a_bad_new_key(
    changes: dict[str, Any], path: str, message: str
) -> None:
    with pytest.raises(SchemaError) as caught:
        programme_from_dict(_programme_document(**changes))
    assert caught.value.path == path
    assert message in str(caught.value)


def test_documents_without_the_new_keys_are_still_read() -> None:
    data = _programme_document()
    del data["conferences"], data["contributions"]
    assert programme_from_dict(data).conferences == ()
    plan = plan_to_dict(load_plan(2024))
    for activity in plan["activities"]:
        del activity["cost_note"], activity["section"]
    for entry in plan["calendar"]:
        del entry["conference"]
    assert plan_from_dict(plan).activities[-1].section is None


def test_a_plan_reader_is_handed_its_resolver() -> None:
    asked: list[str] = []

    def resolve(programme_id: str) -> Programme:
        asked.append(programme_id)
        return load_programme(programme_id)

    data = plan_to_dict(load_plan(2024))
    assert plan_from_dict(data, resolve=resolve) == load_plan(2024)
    assert asked == ["sup2040"]
    with pytest.raises(SchemaError, match="invalid resolver 'sup2040'"):
        plan_from_dict(data, resolve="sup2040")  # type: ignore[arg-type]
    with pytest.raises(SchemaError, match="the resolver gave None for 'sup2040'") as caught:
        plan_from_dict(data, resolve=lambda _: None)  # type: ignore[arg-type,return-value]
    assert caught.value.path == "programme"
    with pytest.raises(SchemaError, match="gave programme 'sup2035' for 'sup2040'"):
        plan_from_dict(data, resolve=lambda _: load_programme("sup2035"))
