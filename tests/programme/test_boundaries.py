"""The programme's refusals, pinned whole: the type of the error and what its message says.

Junk of every kind given to the programme's functions and to its values' methods is the
junk-input contract's (``tests/test_contract.py``); here each refusal a user meets is
pinned: the error, the value it names, and what was expected instead.
"""

from __future__ import annotations

import datetime
import re
from typing import TYPE_CHECKING, Any

import pytest

import sodertorn
from sodertorn import (
    SEK,
    GoalTreeError,
    LocaleError,
    PlanError,
    SchemaError,
    SodertornError,
    annual_fees,
    load_plan,
    load_programme,
)
from sodertorn.programme import (
    CollaborationBody,
    Text,
    activities_for,
    conference_hosts,
    find_goals,
    goals_html,
    goals_markdown,
    goals_text,
    goals_without_activity,
    in_force,
    plan_from_dict,
    plan_html,
    plan_to_dict,
    plan_to_json,
    programme_to_json,
)

if TYPE_CHECKING:
    from collections.abc import Callable

DAY = datetime.date(2024, 6, 1)


def _any(value: object) -> Any:
    """*value*, typed so that junk can be passed where the annotations forbid it."""
    return value


def _plan() -> sodertorn.Plan:
    return load_plan(2024)


def _sup() -> sodertorn.Programme:
    return load_programme("sup2040")


REFUSALS: list[tuple[str, Callable[[], object], type[SodertornError], str]] = [
    # functions re-exported from sodertorn
    (
        "find_goals",
        lambda: find_goals(_any(None), "klimat"),
        GoalTreeError,
        "invalid programme None; expected a Programme (see load_programme)",
    ),
    (
        "find_goals",
        lambda: find_goals(_any("sup2040"), "klimat"),
        GoalTreeError,
        "invalid programme 'sup2040'; expected a Programme",
    ),
    (
        "activities_for",
        lambda: activities_for(_any(2024), "klimat"),
        PlanError,
        "invalid plan 2024; expected a Plan (see load_plan)",
    ),
    (
        "activities_for",
        lambda: activities_for(_plan(), _any(None)),
        PlanError,
        "invalid goal id None; expected a string such as 'tillganglighet'",
    ),
    (
        "activities_for",
        lambda: activities_for(_plan(), "tillganglighet", below=_any("no")),
        PlanError,
        "invalid flag below='no'; expected True or False",
    ),
    (
        "goals_without_activity",
        lambda: goals_without_activity(_any(_sup())),
        PlanError,
        "invalid plan Programme(id='sup2040'",
    ),
    (
        "goals_text",
        lambda: goals_text(_any(_plan())),
        GoalTreeError,
        "invalid programme Plan(year=2024",
    ),
    (
        "goals_text",
        lambda: goals_text(_sup(), _any(None)),
        LocaleError,
        "unsupported language None; expected one of 'en', 'sv'",
    ),
    (
        "goals_markdown",
        lambda: goals_markdown(_any([])),
        GoalTreeError,
        "invalid programme []; expected a Programme",
    ),
    (
        "goals_markdown",
        lambda: goals_markdown(_sup(), "de"),
        LocaleError,
        "unsupported language 'de'",
    ),
    (
        "goals_html",
        lambda: goals_html(_any(1.5)),
        GoalTreeError,
        "invalid programme 1.5; expected a Programme",
    ),
    (
        "plan_html",
        lambda: plan_html(_any(_sup())),
        PlanError,
        "invalid plan Programme(id='sup2040'",
    ),
    ("plan_html", lambda: plan_html(_plan(), ""), LocaleError, "unsupported language ''"),
    (
        "conference_hosts",
        lambda: conference_hosts(_any(None), 2025),
        PlanError,
        "invalid conference name None; expected a name such as 'Rådslaget'",
    ),
    (
        "conference_hosts",
        lambda: conference_hosts("", 2025),
        PlanError,
        "invalid conference name ''",
    ),
    (
        "conference_hosts",
        lambda: conference_hosts("Rådslaget", _any("2025")),
        PlanError,
        "invalid year '2025'; expected an int from 1 to 9999, such as 2024",
    ),
    (
        "conference_hosts",
        lambda: conference_hosts("Rådslaget", True),
        PlanError,
        "invalid year True",
    ),
    (
        "in_force",
        lambda: in_force(_any(None), DAY),
        GoalTreeError,
        "invalid programme None; expected a Programme",
    ),
    (
        "in_force",
        lambda: in_force(_sup(), DAY, parties=_any(5)),
        GoalTreeError,
        "invalid parties 5; expected a collection of Municipality values",
    ),
    (
        "in_force",
        lambda: in_force(_sup(), DAY, parties=_any("Salem")),
        GoalTreeError,
        "invalid parties 'Salem'",
    ),
    (
        "in_force",
        lambda: in_force(_sup(), DAY, parties=[]),
        GoalTreeError,
        "no parties given; expected at least one Municipality",
    ),
    (
        "plan_from_dict",
        lambda: plan_from_dict(plan_to_dict(_plan()), programme=_any("sup2040")),
        SchemaError,
        "invalid programme 'sup2040'; expected a Programme or None",
    ),
    (
        "plan_to_json",
        lambda: plan_to_json(_plan(), indent=_any("  ")),
        SchemaError,
        "invalid indent '  '; expected an int from 0 to 16 or None",
    ),
    (
        "plan_to_json",
        lambda: plan_to_json(_plan(), indent=10**30),
        SchemaError,
        "invalid indent 1000000000000000000000000000000; expected an int from 0 to 16",
    ),
    (
        "programme_to_json",
        lambda: programme_to_json(_sup(), indent=-1),
        SchemaError,
        "invalid indent -1",
    ),
    # methods of the values
    (
        "Programme.node",
        lambda: _sup().node(_any(None)),
        GoalTreeError,
        "invalid node id None; expected the id of a node of 'sup2040'",
    ),
    (
        "Programme.nodes_of",
        lambda: _sup().nodes_of(_any("goal")),
        GoalTreeError,
        "invalid kind 'goal'; expected a NodeKind",
    ),
    (
        "Programme.network",
        lambda: _sup().network(_any(0)),
        GoalTreeError,
        "invalid network id 0; expected one of [",
    ),
    (
        "Programme.in_force",
        lambda: _sup().in_force(_any("2024-06-01")),
        GoalTreeError,
        "invalid day '2024-06-01'; expected a datetime.date",
    ),
    ("Programme.to_text", lambda: _sup().to_text("fi"), LocaleError, "unsupported language 'fi'"),
    (
        "Text.get",
        lambda: Text("Klimat", en="Climate").get("EN"),
        LocaleError,
        "unsupported language 'EN'",
    ),
    (
        "AdoptionRecord.adopted_by",
        lambda: _sup().adoptions[0].adopted_by(_any(2024)),
        GoalTreeError,
        "invalid day 2024; expected a datetime.date",
    ),
    (
        "Plan.meetings",
        lambda: _plan().meetings(_any("committee")),
        PlanError,
        "invalid body 'committee'; expected a CollaborationBody or None",
    ),
    (
        "Plan.meetings",
        lambda: _plan().meetings(kind=_any("meeting")),
        PlanError,
        "invalid calendar kind 'meeting'; expected a CalendarKind or None",
    ),
    (
        "Plan.offices_of",
        lambda: _plan().offices_of(_any(None)),
        PlanError,
        "invalid body None; expected a CollaborationBody",
    ),
    (
        "Plan.conference",
        lambda: _plan().conference(_any(7)),
        PlanError,
        "invalid conference name 7",
    ),
    (
        "Plan.hosts",
        lambda: load_plan(2019).hosts("Rådslaget", _any(2025.0)),
        PlanError,
        "invalid year 2025.0",
    ),
    (
        "Plan.activities_for",
        lambda: _plan().activities_for(_any(["klimat"])),
        PlanError,
        "invalid goal id ['klimat']",
    ),
    (
        "Plan.revenue_check",
        lambda: _plan().revenue_check(_any(SEK(2083296))),
        PlanError,
        "invalid assessment SEK(2083296); expected a FeeAssessment (see annual_fees)",
    ),
    (
        "Plan.revenue_check",
        lambda: _plan().revenue_check(annual_fees(2019)),
        PlanError,
        "the assessment is of fee year 2019; expected the plan's year 2024",
    ),
    (
        "Budget.check_revenue",
        lambda: _any(_plan().budget).check_revenue(None),
        PlanError,
        "invalid assessment None; expected a FeeAssessment",
    ),
    (
        "Conference.hosts",
        lambda: load_plan(2019).conferences[0].hosts(_any(None)),
        PlanError,
        "invalid year None",
    ),
    (
        "Conference.matches",
        lambda: load_plan(2019).conferences[0].matches(_any(b"x")),
        PlanError,
        "invalid conference name b'x'",
    ),
    (
        "RevenueCheck.explain",
        lambda: _plan().revenue_check().explain("no"),
        LocaleError,
        "unsupported language 'no'",
    ),
]


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [pytest.param(call, error, message, id=name) for name, call, error, message in REFUSALS],
)
def test_refusals_name_the_value_and_what_was_expected(
    call: Callable[[], object], error: type[SodertornError], message: str
) -> None:
    with pytest.raises(error, match=re.escape(message)):
        call()


def test_meetings_are_checked_when_called_not_when_iterated() -> None:
    plan = _plan()
    with pytest.raises(PlanError):
        plan.meetings(_any(CollaborationBody.COMMITTEE.value))
    assert plan.meetings(CollaborationBody.COMMITTEE) == tuple(
        plan.meetings(CollaborationBody.COMMITTEE)
    )
