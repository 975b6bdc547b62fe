"""The development programme (SUP) and the annual activity plans, as typed data.

Re-exports only. One concept a module, the values below the queries and views built on
them: ``text`` (Swedish text with its English rendering), ``kinds`` (the kinds of node),
``claims`` (what a source says of its own shape, and where its lists contradict it),
``model`` (the goal tree), ``record`` (adoption records), ``plan`` (the year's
activities), ``budget``, ``calendar`` (meetings and offices) and ``conferences``; then
``schema`` (plain dicts and JSON, handed a resolver for the programme a plan names),
``builtin`` (the programmes and plans shipped as package data), ``validity`` (whether a
programme is in force, following the chain of successors), ``query``, ``consistency``,
``diff`` and ``render``; and the yearly follow-up: ``followup`` (the statuses) and
``followup_files`` (their CSV and JSON), ``indicators`` (the values) and
``indicator_files`` (their JSON and CSV), ``report`` (the report as a value)
and ``report_views`` (it in text, Markdown, HTML and Excel). The old modules ``adoption`` and ``plans`` re-export their former names. The names
a user needs first (``Programme``, ``Plan``, ``load_programme``, ``load_plan``,
``programme_names``) are also at the package root.

The values' convenience methods (``Programme.in_force``, ``Plan.activities_for``, the
notebook views…) call functions of the modules above them; a value module does not import
those, so they are handed in here, before any module of the package is used.
"""

from sodertorn.programme import followup as _followup
from sodertorn.programme import followup_files as _followup_files
from sodertorn.programme import indicator_files as _indicator_files
from sodertorn.programme import indicators as _indicators
from sodertorn.programme import model as _model
from sodertorn.programme import plan as _plan
from sodertorn.programme import report as _report_module
from sodertorn.programme import report_views as _report_views
from sodertorn.programme import schema as _schema
from sodertorn.programme.budget import Budget, BudgetLine, RevenueCheck
from sodertorn.programme.builtin import (
    conference_hosts,
    load_plan,
    load_programme,
    plan_years,
    programme_names,
)
from sodertorn.programme.calendar import (
    CalendarEntry,
    CalendarKind,
    CollaborationBody,
    Office,
    OfficeRole,
)
from sodertorn.programme.conferences import Conference, Edition, Hosting
from sodertorn.programme.consistency import check_consistency
from sodertorn.programme.diff import NodeChange, ProgrammeDiff, diff_programmes
from sodertorn.programme.followup import ActivityStatus, FollowUp, Status
from sodertorn.programme.indicators import (
    Direction,
    Indicator,
    Indicators,
    IndicatorValue,
    Measure,
)
from sodertorn.programme.model import (
    Claim,
    Contribution,
    Finding,
    Network,
    Node,
    NodeKind,
    Period,
    Programme,
    Text,
)
from sodertorn.programme.plan import Activity, Continuation, Plan
from sodertorn.programme.query import activities_for, find_goals, goals_without_activity
from sodertorn.programme.record import AdoptionRecord, Answer, InForce
from sodertorn.programme.render import goals_html, goals_markdown, goals_text, plan_html
from sodertorn.programme.report import YearReport
from sodertorn.programme.report import report as _report
from sodertorn.programme.schema import (
    PLAN_SCHEMA,
    PROGRAMME_SCHEMA,
    plan_from_dict,
    plan_from_json,
    plan_to_dict,
    plan_to_json,
    programme_from_dict,
    programme_from_json,
    programme_to_dict,
    programme_to_json,
)
from sodertorn.programme.validity import in_force

_model.FIND_GOALS.fill(find_goals)
_model.IN_FORCE.fill(in_force)
_model.CHECK_CONSISTENCY.fill(check_consistency)
_model.GOALS_TEXT.fill(goals_text)
_model.GOALS_MARKDOWN.fill(goals_markdown)
_model.GOALS_HTML.fill(goals_html)
_plan.ACTIVITIES_FOR.fill(activities_for)
_plan.GOALS_WITHOUT_ACTIVITY.fill(goals_without_activity)
_plan.PLAN_HTML.fill(plan_html)
_plan.REPORT.fill(_report)
_schema.BUILT_IN.fill(load_programme)
_report_module.TEXT.fill(_report_views.report_text)
_report_module.MARKDOWN.fill(_report_views.report_markdown)
_report_module.HTML.fill(_report_views.report_html)
_report_module.XLSX.fill(_report_views.report_xlsx)
_indicators.TO_JSON.fill(_indicator_files.indicators_to_json)
_indicators.TO_CSV.fill(_indicator_files.indicators_to_csv)
_indicators.FROM_CSV.fill(_indicator_files.indicators_from_csv)
_indicators.FROM_JSON.fill(_indicator_files.indicators_from_json)
_followup.TO_CSV.fill(_followup_files.followup_to_csv)
_followup.FROM_CSV.fill(_followup_files.followup_from_csv)
_followup.TO_JSON.fill(_followup_files.followup_to_json)
_followup.FROM_JSON.fill(_followup_files.followup_from_json)

__all__ = [
    "PLAN_SCHEMA",
    "PROGRAMME_SCHEMA",
    "Activity",
    "ActivityStatus",
    "AdoptionRecord",
    "Answer",
    "Budget",
    "BudgetLine",
    "CalendarEntry",
    "CalendarKind",
    "Claim",
    "CollaborationBody",
    "Conference",
    "Continuation",
    "Contribution",
    "Direction",
    "Edition",
    "Finding",
    "FollowUp",
    "Hosting",
    "InForce",
    "Indicator",
    "IndicatorValue",
    "Indicators",
    "Measure",
    "Network",
    "Node",
    "NodeChange",
    "NodeKind",
    "Office",
    "OfficeRole",
    "Period",
    "Plan",
    "Programme",
    "ProgrammeDiff",
    "RevenueCheck",
    "Status",
    "Text",
    "YearReport",
    "activities_for",
    "check_consistency",
    "conference_hosts",
    "diff_programmes",
    "find_goals",
    "goals_html",
    "goals_markdown",
    "goals_text",
    "goals_without_activity",
    "in_force",
    "load_plan",
    "load_programme",
    "plan_from_dict",
    "plan_from_json",
    "plan_html",
    "plan_to_dict",
    "plan_to_json",
    "plan_years",
    "programme_from_dict",
    "programme_from_json",
    "programme_names",
    "programme_to_dict",
    "programme_to_json",
]
