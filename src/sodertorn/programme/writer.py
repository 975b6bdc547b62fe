"""Programmes and plans written as plain dicts and JSON, under a versioned schema.

The writer emits every key (``null`` where a value is absent) and names the schema and
its version in the ``"schema"`` key; :mod:`sodertorn.programme.schema` reads the same
documents back. See ``docs/programme.md`` for the full schema.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from sodertorn.errors import SchemaError
from sodertorn.programme._checks import json_indent
from sodertorn.programme.model import Programme
from sodertorn.programme.plan import Plan

if TYPE_CHECKING:
    import datetime

    from sodertorn.money import SEK
    from sodertorn.programme.budget import BudgetLine
    from sodertorn.programme.conferences import Conference
    from sodertorn.programme.model import Node, Text

__all__ = [
    "PLAN_SCHEMA",
    "PROGRAMME_SCHEMA",
    "plan_to_dict",
    "plan_to_json",
    "programme_to_dict",
    "programme_to_json",
]

PROGRAMME_SCHEMA = "sodertorn/programme/1"
"""The schema id and version written in every programme document."""
PLAN_SCHEMA = "sodertorn/plan/1"
"""The schema id and version written in every plan document."""


def _text(text: Text | None) -> dict[str, str | None] | None:
    return None if text is None else {"sv": text.sv, "en": text.en}


def _date(value: datetime.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _sek(value: SEK | None) -> str | None:
    return None if value is None else str(value.amount)


def _node(node: Node) -> dict[str, Any]:
    return {
        "id": node.id,
        "kind": node.kind.value,
        "parent": node.parent,
        "text": _text(node.text),
        "title": _text(node.title),
        "network": node.network,
    }


def programme_to_dict(programme: Programme) -> dict[str, Any]:
    """*programme* as plain, JSON-ready data following :data:`PROGRAMME_SCHEMA`."""
    if not isinstance(programme, Programme):
        raise SchemaError(f"cannot write {programme!r}; expected a Programme")
    return {
        "schema": PROGRAMME_SCHEMA,
        "id": programme.id,
        "short_name": programme.short_name,
        "name": _text(programme.name),
        "period": {"start": programme.period.start, "end": programme.period.end},
        "decided": _date(programme.decided),
        "replaces": programme.replaces,
        "vision_title": _text(programme.vision_title),
        "vision": _text(programme.vision),
        "purpose": _text(programme.purpose),
        "themes": [_text(theme) for theme in programme.themes],
        "networks": [
            {"id": network.id, "name": _text(network.name)} for network in programme.networks
        ],
        "nodes": [_node(node) for node in programme.nodes],
        "adoptions": [
            {
                "party": record.party.code,
                "body": record.body,
                "reference": record.reference,
                "date": _date(record.date),
                "earliest": _date(record.earliest),
                "latest": _date(record.latest),
                "source": record.source,
            }
            for record in programme.adoptions
        ],
        "claims": [
            {
                "kind": claim.kind.value,
                "per": None if claim.per is None else claim.per.value,
                "count": claim.count,
                "source": claim.source,
            }
            for claim in programme.claims
        ],
        "contributions": [
            {
                "plan": _text(contribution.plan),
                "goals": [_text(goal) for goal in contribution.goals],
                "source": contribution.source,
            }
            for contribution in programme.contributions
        ],
        "conferences": [_conference(conference) for conference in programme.conferences],
        "sources": list(programme.sources),
    }


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """*plan* as plain, JSON-ready data following :data:`PLAN_SCHEMA`.

    The programme is written as its id; :func:`~sodertorn.programme.plan_from_dict` looks it up again.
    """
    if not isinstance(plan, Plan):
        raise SchemaError(f"cannot write {plan!r}; expected a Plan")
    budget = plan.budget
    return {
        "schema": PLAN_SCHEMA,
        "year": plan.year,
        "programme": plan.programme.id,
        "title": _text(plan.title),
        "date": _date(plan.date),
        "sub_goals": [_node(node) for node in plan.sub_goals],
        "activities": [
            {
                "id": activity.id,
                "goal": activity.goal,
                "text": _text(activity.text),
                "network": activity.network,
                "working_group": [party.code for party in activity.working_group],
                "when": activity.when,
                "cost": _sek(activity.cost),
                "continues": None
                if activity.continues is None
                else {"year": activity.continues.year, "activity": activity.continues.activity},
                "cost_note": activity.cost_note,
                "section": activity.section,
            }
            for activity in plan.activities
        ],
        "budget": None
        if budget is None
        else {
            "rate": _sek(budget.rate),
            "population": budget.population,
            "population_date": _date(budget.population_date),
            "note": budget.note,
            "revenue": [_line(line) for line in budget.revenue],
            "costs": [_line(line) for line in budget.costs],
        },
        "calendar": [
            {
                "start": entry.start.isoformat(),
                "end": _date(entry.end),
                "body": None if entry.body is None else entry.body.value,
                "kind": entry.kind.value,
                "place": entry.place,
                "host": None if entry.host is None else entry.host.code,
                "conference": entry.conference,
            }
            for entry in plan.calendar
        ],
        "offices": [
            {"body": office.body.value, "role": office.role.value, "party": office.party.code}
            for office in plan.offices
        ],
        "conferences": [_conference(conference) for conference in plan.conferences],
        "sources": list(plan.sources),
    }


def _conference(conference: Conference) -> dict[str, Any]:
    return {
        "id": conference.id,
        "name": conference.name,
        "aliases": list(conference.aliases),
        "arranged_by": conference.arranged_by,
        "every": conference.every,
        "note": conference.note,
        "rotation": [
            {"year": hosting.year, "parties": [p.code for p in hosting.parties]}
            for hosting in conference.rotation
        ],
        "editions": [
            {"year": edition.year, "when": edition.when, "note": edition.note}
            for edition in conference.editions
        ],
    }


def _line(line: BudgetLine) -> dict[str, Any]:
    return {
        "label": _text(line.label),
        "amount": _sek(line.amount),
        "approximate": line.approximate,
    }


def _indent(value: object) -> int | None:
    return json_indent(value, SchemaError)


def programme_to_json(programme: Programme, *, indent: int | None = 2) -> str:
    """*programme* as a JSON document (UTF-8 text, å/ä/ö kept as they are)."""
    document = programme_to_dict(programme)
    return json.dumps(document, ensure_ascii=False, indent=_indent(indent)) + "\n"


def plan_to_json(plan: Plan, *, indent: int | None = 2) -> str:
    """*plan* as a JSON document (UTF-8 text, å/ä/ö kept as they are)."""
    return json.dumps(plan_to_dict(plan), ensure_ascii=False, indent=_indent(indent)) + "\n"
