"""Plain dicts and JSON: round trips, the shipped files, and clear errors on load."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import pytest
from hypothesis import given

from sodertorn import (
    GoalTreeError,
    Plan,
    PlanError,
    Programme,
    SchemaError,
    load_plan,
    load_programme,
    programme_names,
)
from sodertorn.programme import (
    PLAN_SCHEMA,
    PROGRAMME_SCHEMA,
    plan_from_dict,
    plan_from_json,
    plan_to_dict,
    plan_to_json,
    plan_years,
    programme_from_dict,
    programme_from_json,
    programme_to_dict,
    programme_to_json,
)
from sodertorn.testing import plans, programmes


@given(programmes())
def test_any_programme_round_trips_through_dict_and_json(programme: Programme) -> None:
    data = programme_to_dict(programme)
    assert programme_from_dict(data) == programme
    assert programme_from_json(programme_to_json(programme)) == programme
    assert programme_to_dict(programme_from_json(json.dumps(data))) == data


@given(plans())
def test_any_plan_round_trips_through_dict_and_json(plan: Plan) -> None:
    data = plan_to_dict(plan)
    assert plan_from_dict(data, programme=plan.programme) == plan
    assert plan_from_json(plan_to_json(plan), programme=plan.programme) == plan
    assert plan_from_json(plan_to_json(plan).encode(), programme=plan.programme) == plan


@pytest.mark.parametrize("name", programme_names())
def test_shipped_programmes_round_trip(name: str) -> None:
    programme = load_programme(name)
    assert programme_from_json(programme_to_json(programme)) == programme
    raw = json.loads(
        resources.files("sodertorn.programme").joinpath("data").joinpath(f"{name}.json").read_text()
    )
    assert raw["schema"] == PROGRAMME_SCHEMA
    assert raw["id"] == name


@pytest.mark.parametrize("year", plan_years())
def test_shipped_plans_round_trip(year: int) -> None:
    plan = load_plan(year)
    assert plan_from_json(plan_to_json(plan)) == plan
    assert plan_to_dict(plan)["schema"] == PLAN_SCHEMA


def programme_data(**changes: Any) -> dict[str, Any]:
    data = programme_to_dict(load_programme("sup2040"))
    data.update(changes)
    return data


def plan_data(**changes: Any) -> dict[str, Any]:
    data = plan_to_dict(load_plan(2024))
    data.update(changes)
    return data


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "document: expected an object, got []"),
        (programme_data(schema=None), "schema: missing required value"),
        (programme_data(id=5), "id: invalid value 5; expected a string"),
        (programme_data(extra=1), "document: unknown key ['extra']"),
        (programme_data(period={"start": True}), "period.start: invalid value True"),
        (programme_data(period={"start": 2023, "stop": 1}), "period: unknown key ['stop']"),
        (programme_data(decided="12 jan 2023"), "decided: invalid date '12 jan 2023'"),
        (programme_data(vision={"en": "x"}), "vision.sv: missing required value"),
        (programme_data(themes="x"), "themes: invalid value 'x'; expected a list"),
        (programme_data(sources=[1]), "sources[0]: invalid value 1; expected a string"),
        (
            programme_data(nodes=[{"id": "a", "kind": "aim", "parent": "sup2040", "text": "x"}]),
            "nodes[0].kind: invalid value 'aim'; expected one of 'focus-area-group'",
        ),
        (
            programme_data(adoptions=[{"party": "9999", "body": "ks", "source": "s"}]),
            "adoptions[0].party: unknown municipality '9999'",
        ),
        (programme_data(adoptions=[{"party": 126}]), "adoptions[0].party: invalid value 126"),
    ],
)
def test_bad_programme_documents_name_the_path(data: Any, message: str) -> None:
    with pytest.raises(SchemaError) as caught:
        programme_from_dict(data)
    assert message in str(caught.value)
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (plan_data(schema=PROGRAMME_SCHEMA), "schema: unsupported schema 'sodertorn/programme/1'"),
        (
            plan_data(budget={"revenue": [], "costs": [{"label": "x", "amount": "1.005"}]}),
            "costs[0].amount: '1.005' has a fraction of an öre",
        ),
        (
            plan_data(budget={"costs": [{"label": "x", "amount": "1", "approximate": "ca"}]}),
            "costs[0].approximate: invalid value 'ca'; expected true or false",
        ),
        (plan_data(budget={"costs": [{"label": "x"}]}), "costs[0].amount: missing required value"),
        (
            plan_data(calendar=[{"body": "committee", "kind": "meeting"}]),
            "calendar[0].start: missing required value",
        ),
        (
            plan_data(activities=[{"id": "a", "goal": "x", "text": "t", "working_group": [1]}]),
            "activities[0].working_group[0]: invalid party 1; expected an SCB code",
        ),
        (plan_data(programme="sup2099"), "unknown programme 'sup2099'"),
    ],
)
def test_bad_plan_documents_name_the_path(data: Any, message: str) -> None:
    with pytest.raises(LookupError if "unknown programme" in message else SchemaError) as caught:
        plan_from_dict(data)
    assert message in str(caught.value)


def test_a_plan_read_for_another_programme_is_refused() -> None:
    with pytest.raises(SchemaError, match="plan is for programme 'sup2040', but 'sup2035' was"):
        plan_from_dict(plan_data(), programme=load_programme("sup2035"))


def test_tree_errors_surface_from_the_model() -> None:
    nodes = [{"id": "a", "kind": "goal", "parent": "b", "text": "x"}]
    with pytest.raises(GoalTreeError, match="names parent 'b'"):
        programme_from_dict(programme_data(nodes=nodes))
    activity = {"id": "a", "goal": "utbildning.mal", "text": "t"}
    with pytest.raises(
        PlanError, match=r"serves 'utbildning\.mal', which is not a goal of 'sup2040'"
    ):
        plan_from_dict(plan_data(activities=[activity]))


def test_bare_strings_are_swedish_texts_and_missing_keys_are_null() -> None:
    data = {
        "schema": PROGRAMME_SCHEMA,
        "id": "sup2030",
        "short_name": "SUP 2030",
        "name": "Södertörns utvecklingsprogram 2030",
        "period": {"start": 2027},
        "vision": "Södertörn",
    }
    programme = programme_from_dict(data)
    assert programme.name.en is None
    assert programme.period.end is None
    assert programme.nodes == ()


def test_not_json_is_a_schema_error() -> None:
    with pytest.raises(SchemaError, match="not a JSON programme document"):
        programme_from_json("{")
    with pytest.raises(SchemaError, match="not a JSON plan document"):
        plan_from_json(b"\xff")


def test_writers_refuse_other_objects() -> None:
    with pytest.raises(SchemaError, match="cannot write 'sup2040'; expected a Programme"):
        programme_to_dict("sup2040")  # type: ignore[arg-type]
    with pytest.raises(SchemaError, match="cannot write 2024; expected a Plan"):
        plan_to_dict(2024)  # type: ignore[arg-type]


def test_unknown_keys_are_reported_before_anything_is_built() -> None:
    node = {"id": "a", "kind": "goal", "parent": "nowhere", "text": "x", "netwrok": "n"}
    with pytest.raises(SchemaError, match=r"nodes\[0\]: unknown key \['netwrok'\]"):
        programme_from_dict(programme_data(nodes=[node]))
