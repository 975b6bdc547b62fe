"""Statuses of a plan's activities, the follow-up of a year, its files, and carrying over."""

from __future__ import annotations

import datetime
import json

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sodertorn import FollowUpError, PlanError, SchemaError, load_plan
from sodertorn.i18n import gettext
from sodertorn.programme import (
    ActivityStatus,
    Continuation,
    FollowUp,
    Status,
    plan_from_dict,
    plan_to_dict,
)
from sodertorn.testing import follow_ups, plans

PLAN = load_plan(2024)
TEN = [activity.id for activity in PLAN.activities]


def day(month: int, date: int) -> datetime.date:
    return datetime.date(2024, month, date)


def status(activity: str, value: str | Status, when: datetime.date, **extra: str) -> ActivityStatus:
    return ActivityStatus(activity=activity, status=value, date=when, **extra)


def filled_csv(template: str | None = None) -> str:
    """The 2024 *template* with three activities reported, one of them twice."""
    rows = (FollowUp(plan=PLAN).to_csv() if template is None else template).splitlines()
    by_id = {row.split(",", 1)[0]: n for n, row in enumerate(rows)}
    rows[by_id["rufs-yttrande"]] = rows[by_id["rufs-yttrande"]].removesuffix(",,,") + (
        ",genomförd,2024-11-29,Inlämnat till regionen"
    )
    rows[by_id["elforsorjning"]] = rows[by_id["elforsorjning"]].removesuffix(",,,") + (
        ",ongoing,2024-03-01,"
    )
    rows[by_id["inriktningsunderlag"]] = (
        rows[by_id["inriktningsunderlag"]].removesuffix(",,,") + ",postponed,2024-06-14,"
    )
    rows.insert(
        by_id["elforsorjning"] + 1,
        "elforsorjning,klimatomstallning,klimatstrategier,,cancelled,2024-09-30,Ingår i REST",
    )
    return "\n".join(rows) + "\n"


# -- the status record -------------------------------------------------------------------


def test_a_status_reads_english_and_swedish_words() -> None:
    assert status("elforsorjning", "Pågår", day(5, 2)).status is Status.ONGOING
    assert status("elforsorjning", " inställd ", day(5, 2)).status is Status.CANCELLED
    assert status("elforsorjning", Status.DONE, day(5, 2)).status is Status.DONE
    assert status("elforsorjning", "done", day(5, 2), comment="  klart  ").comment == "klart"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"status": "klar"}, "invalid status 'klar'; expected one of 'planned'"),
        ({"date": "2024-05-02"}, "invalid status date '2024-05-02'"),
        ({"date": datetime.datetime(2024, 5, 2, 12)}, "invalid status date"),
        ({"activity": "Elförsörjning"}, "invalid activity id 'Elförsörjning'"),
        ({"comment": "  "}, "invalid comment ''"),
        ({"network": "Klimat"}, "invalid network id 'Klimat'"),
    ],
)
def test_a_bad_status_is_refused(fields: dict[str, object], message: str) -> None:
    values: dict[str, object] = {"activity": "elforsorjning", "status": "done", "date": day(5, 2)}
    values.update(fields)
    with pytest.raises(FollowUpError, match=message.replace("(", r"\(")):
        ActivityStatus(**values)  # type: ignore[arg-type]


def test_every_status_has_a_swedish_word_that_reads_back() -> None:
    for value in Status:
        swedish = gettext(value.label, "sv")
        assert swedish != value.label
        assert Status.parse(swedish) is value


# -- the follow-up ------------------------------------------------------------------------


def test_last_status_history_and_carried_over() -> None:
    year = FollowUp.from_csv(filled_csv(), PLAN)
    assert year.year == 2024
    assert [e.status for e in year.history("elforsorjning")] == [Status.ONGOING, Status.CANCELLED]
    last = year.last("rufs-yttrande")
    assert last is not None
    assert (last.status, last.date, last.comment) == (
        Status.DONE,
        day(11, 29),
        "Inlämnat till regionen",
    )
    assert last.network == "rufs"
    assert year.last("rufs-presentation") is None
    assert [a.id for a in year.without_status()] == [
        i for i in TEN if i not in {"rufs-yttrande", "elforsorjning", "inriktningsunderlag"}
    ]
    # Done and cancelled are closed; postponed and unreported are carried over.
    assert [a.id for a in year.carried_over()] == [
        i for i in TEN if i not in {"rufs-yttrande", "elforsorjning"}
    ]


@pytest.mark.parametrize(
    ("statuses", "message"),
    [
        ([status("rymden", "done", day(3, 1))], "unknown activity 'rymden'; expected an activity"),
        ([status("elforsorjning", "done", datetime.date(2025, 1, 2))], "outside the plan year"),
        (
            [
                status("elforsorjning", "done", day(3, 1)),
                status("elforsorjning", "ongoing", day(3, 1)),
            ],
            "two statuses for 'elforsorjning' on 2024-03-01",
        ),
        ([status("elforsorjning", "done", day(3, 1), network="skola")], "unknown network 'skola'"),
        (["done"], "invalid status 'done'; expected an ActivityStatus"),
        ("done", "invalid statuses 'done'"),
    ],
)
def test_a_follow_up_refuses_what_the_plan_does_not_allow(statuses: object, message: str) -> None:
    with pytest.raises(FollowUpError, match=message):
        FollowUp(plan=PLAN, statuses=statuses)  # type: ignore[arg-type]


def test_a_follow_up_needs_a_plan() -> None:
    with pytest.raises(FollowUpError, match="invalid plan 2024; expected a Plan"):
        FollowUp(plan=2024)
    with pytest.raises(FollowUpError, match="unknown activity 'rymden'; expected an activity"):
        FollowUp(plan=PLAN).last("rymden")


# -- the status file ----------------------------------------------------------------------


def test_the_template_lists_the_ten_activities_of_2024() -> None:
    rows = FollowUp(plan=PLAN).to_csv().splitlines()
    assert rows[0] == "activity,goal,network,text,status,date,comment"
    assert [row.split(",", 1)[0] for row in rows[1:]] == TEN
    assert all(row.endswith(",,,") for row in rows[1:])
    assert FollowUp.from_csv("\n".join(rows), PLAN) == FollowUp(plan=PLAN)


def test_a_file_from_a_swedish_spreadsheet_reads() -> None:
    text = "\ufeffActivity;Status;Date;Comment\r\nrufs-klimat;Genomförd;2024-10-01;Klart\r\n"
    year = FollowUp.from_csv(text, PLAN)
    assert year.statuses == (status("rufs-klimat", "done", day(10, 1), comment="Klart"),)


def _with_row(row: str) -> str:
    return "activity,status,date,comment\nrufs-klimat,done,2024-10-01,\n" + row + "\n"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (_with_row("rymden,done,2024-10-01,"), "line 3: unknown activity 'rymden'"),
        (
            _with_row("rufs-klimat,done,2025-01-10,"),
            "line 3: date 2025-01-10 is outside the plan year 2024",
        ),
        (
            _with_row("rufs-klimat,ongoing,2024-10-01,"),
            "line 3: two statuses for 'rufs-klimat' on 2024-10-01",
        ),
        (_with_row("rufs-klimat,klar,2024-10-02,"), "line 3: invalid status 'klar'"),
        (
            _with_row("rufs-klimat,done,1 okt,"),
            "line 3: invalid date '1 okt'; expected an ISO date",
        ),
        (_with_row("rufs-klimat,done,,"), "line 3: a status without a date"),
        (_with_row("rufs-klimat,done,20241002,"), "line 3: invalid date '20241002'"),
        (_with_row("rufs-klimat,done,2024-02-30,"), "line 3: invalid date '2024-02-30'"),
        (_with_row("rufs-klimat,,2024-10-02,"), "line 3: a date or comment without a status"),
        (_with_row("rufs-klimat,done"), "line 3: 2 fields; expected 4"),
        ("activity,state,date\n", "line 1: invalid header"),
        ("activity,status\n", "line 1: invalid header"),
        ("activity,status,date,date\n", "line 1: invalid header"),
        ("", "the status file is empty"),
    ],
)
def test_a_bad_status_file_names_the_line(text: str, message: str) -> None:
    with pytest.raises(FollowUpError, match=message) as caught:
        FollowUp.from_csv(text, PLAN, source="status.csv")
    assert str(caught.value).startswith("status.csv: ")


def test_a_multi_line_comment_keeps_the_line_numbers_right() -> None:
    text = 'activity,status,date,comment\nrufs-klimat,done,2024-10-01,"a\nb"\nrymden,done,2024-10-01,\n'
    with pytest.raises(FollowUpError, match="line 4: unknown activity 'rymden'") as caught:
        FollowUp.from_csv(text, PLAN)
    assert caught.value.line == 4


def test_json_reads_and_refuses_by_entry() -> None:
    year = FollowUp.from_csv(filled_csv(), PLAN)
    document = json.loads(year.to_json())
    assert document["schema"] == "sodertorn/follow-up/1"
    assert [a["id"] for a in document["activities"]] == TEN
    assert FollowUp.from_json(year.to_json(indent=None), PLAN) == year
    document["statuses"][1]["date"] = "2023-12-31"
    with pytest.raises(FollowUpError, match=r"f.json: statuses\[1\]: date 2023-12-31 is outside"):
        FollowUp.from_json(json.dumps(document), PLAN, source="f.json")
    for bad, message in [
        ("{", "not a JSON follow-up document"),
        ("[]", "not a follow-up document"),
        (
            '{"schema": "sodertorn/follow-up/1", "plan": 2019}',
            "follows up plan 2019; expected 2024",
        ),
        ('{"schema": "sodertorn/follow-up/1", "plan": 2024, "x": 1}', r"unknown key \['x'\]"),
        ('{"schema": "sodertorn/follow-up/1", "plan": 2024, "statuses": {}}', "invalid statuses"),
        (
            '{"schema": "sodertorn/follow-up/1", "plan": 2024, "statuses": [1]}',
            r"statuses\[0\]: invalid status 1",
        ),
        (
            '{"schema": "sodertorn/follow-up/1", "plan": 2024, "statuses": [{"activity": 5, "status": "done", "date": "2024-01-02"}]}',
            r"statuses\[0\]: invalid activity id 5",
        ),
        (
            '{"schema": "sodertorn/follow-up/1", "plan": 2024, "statuses": [{"activity": "rufs-klimat", "status": "done", "date": 20240102}]}',
            r"statuses\[0\]: invalid date 20240102",
        ),
    ]:
        with pytest.raises(FollowUpError, match=message):
            FollowUp.from_json(bad, PLAN)
    with pytest.raises(FollowUpError, match="invalid indent"):
        year.to_json(indent="  ")  # type: ignore[arg-type]
    # Bounded: a huge indent would overflow the encoder or fill the memory.
    with pytest.raises(FollowUpError, match="from 0 to 16"):
        year.to_json(indent=10**30)
    assert year.to_json(indent=16) == year.to_json(indent=16)


# -- properties ---------------------------------------------------------------------------


@given(st.data())
def test_status_file_round_trip(data: st.DataObject) -> None:
    plan = data.draw(st.sampled_from([PLAN, load_plan(2019)]) | plans())
    year = data.draw(follow_ups(plan))
    again = FollowUp.from_csv(year.to_csv(), plan)
    assert again.plan is plan
    assert sorted(again.statuses, key=_key) == sorted(year.statuses, key=_key)
    again = FollowUp.from_json(year.to_json(), plan)
    assert sorted(again.statuses, key=_key) == sorted(year.statuses, key=_key)


def _key(entry: ActivityStatus) -> tuple[str, datetime.date]:
    return entry.activity, entry.date


@given(st.data())
def test_carried_over_is_exactly_what_is_neither_done_nor_cancelled(data: st.DataObject) -> None:
    plan = data.draw(st.sampled_from([PLAN, load_plan(2019)]) | plans())
    year = data.draw(follow_ups(plan))
    latest: dict[str, ActivityStatus] = {}
    for entry in year.statuses:
        if entry.activity not in latest or entry.date > latest[entry.activity].date:
            latest[entry.activity] = entry
    closed = {
        activity
        for activity, entry in latest.items()
        if entry.status in (Status.DONE, Status.CANCELLED)
    }
    carried = year.carried_over()
    assert [a.id for a in carried] == [a.id for a in plan.activities if a.id not in closed]
    assert {a.id for a in year.without_status()} <= {a.id for a in carried}


# -- continuing an earlier year's activity ------------------------------------------------


def test_the_2024_plan_marks_what_continues_from_2023() -> None:
    continuing = {a.id: a.continues for a in PLAN.activities if a.continues is not None}
    assert continuing == {
        "rufs-samverkansformer": Continuation(year=2023),
        "fossilfritt-2030": Continuation(year=2023),
    }


def test_next_years_plan_takes_up_what_is_carried_over() -> None:
    year = FollowUp.from_csv(filled_csv(), PLAN)
    taken = year.carried_over()[0]
    document = plan_to_dict(PLAN)
    document["year"] = 2025
    document["activities"] = [
        {
            **plan_to_dict(PLAN)["activities"][0],
            "id": "rufs-forts",
            "continues": {"year": 2024, "activity": taken.id},
        }
    ]
    later = plan_from_dict(document)
    assert later.activities[0].continues == Continuation(year=2024, activity=taken.id)


def test_a_continuation_must_be_of_an_earlier_year() -> None:
    activity = attrs.evolve(PLAN.activities[0], continues=Continuation(year=2024))
    with pytest.raises(PlanError, match="continues one of 2024; expected a year before"):
        attrs.evolve(PLAN, activities=[activity])
    with pytest.raises(PlanError, match="invalid continued activity id 'X'"):
        Continuation(year=2023, activity="X")
    with pytest.raises(PlanError, match="invalid continuation 2023"):
        attrs.evolve(PLAN.activities[0], continues=2023)  # type: ignore[arg-type]


def test_a_bad_continuation_in_a_plan_document_names_its_path() -> None:
    document = plan_to_dict(PLAN)
    document["activities"][0]["continues"] = {"year": "2023"}
    with pytest.raises(
        SchemaError, match=r"activities\[0\]\.continues\.year: invalid value '2023'"
    ):
        plan_from_dict(document)
    document["activities"][0]["continues"] = {"year": 2023, "by": "x"}
    with pytest.raises(SchemaError, match=r"activities\[0\]\.continues: unknown key \['by'\]"):
        plan_from_dict(document)
