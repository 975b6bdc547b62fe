"""Annual activity plans: re-exports only, so that the names keep their import path.

The plan is in :mod:`sodertorn.programme.plan`, its budget in
:mod:`sodertorn.programme.budget`, its calendar and offices in
:mod:`sodertorn.programme.calendar` and its conferences in
:mod:`sodertorn.programme.conferences`.
"""

from sodertorn.programme._checks import check_year
from sodertorn.programme.budget import Budget, BudgetLine, RevenueCheck
from sodertorn.programme.calendar import (
    CalendarEntry,
    CalendarKind,
    CollaborationBody,
    Office,
    OfficeRole,
)
from sodertorn.programme.conferences import Conference, Hosting, check_conference_name
from sodertorn.programme.plan import Activity, Continuation, Plan, check_plan

__all__ = [
    "Activity",
    "Budget",
    "BudgetLine",
    "CalendarEntry",
    "CalendarKind",
    "CollaborationBody",
    "Conference",
    "Continuation",
    "Hosting",
    "Office",
    "OfficeRole",
    "Plan",
    "RevenueCheck",
    "check_conference_name",
    "check_plan",
    "check_year",
]
