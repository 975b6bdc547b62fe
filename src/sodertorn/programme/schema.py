"""Programmes and plans to and from plain dicts and JSON, with a versioned schema.

Every document names its schema and version in its ``"schema"`` key
(``"sodertorn/programme/1"`` or ``"sodertorn/plan/1"``); a reader refuses a version it does
not know. Within a version the schema only ever gains optional keys. The writer emits every
key (``null`` where a value is absent); the reader accepts a missing optional key as
``null``, refuses unknown keys, and names the path of anything wrong. Texts are objects
``{"sv": ..., "en": ...}`` (a bare string is read as Swedish only); dates are ISO strings;
amounts are strings of kronor (``"2083296"``, ``"0.50"``) so that they stay exact; parties
are SCB codes (``"0192"``). See ``docs/programme.md`` for the full schema.

>>> from sodertorn import load_programme
>>> from sodertorn.programme import programme_from_dict, programme_to_dict
>>> sup = load_programme("sup2040")
>>> programme_from_dict(programme_to_dict(sup)) == sup
True
>>> programme_from_dict({"schema": "sodertorn/programme/9"})
Traceback (most recent call last):
...
sodertorn.SchemaError: schema: unsupported schema 'sodertorn/programme/9'; expected ...
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from sodertorn.errors import SchemaError
from sodertorn.programme._checks import json_indent
from sodertorn.programme._reader import (
    Reader,
    check_schema,
    read_list,
    read_text,
    strings,
)
from sodertorn.programme._slots import Slot
from sodertorn.programme.budget import Budget, BudgetLine
from sodertorn.programme.calendar import (
    CalendarEntry,
    CalendarKind,
    CollaborationBody,
    Office,
    OfficeRole,
)
from sodertorn.programme.conferences import Conference, Edition, Hosting
from sodertorn.programme.model import (
    Claim,
    Contribution,
    Network,
    Node,
    NodeKind,
    Period,
    Programme,
    Text,
)
from sodertorn.programme.plan import Activity, Continuation, Plan
from sodertorn.programme.record import AdoptionRecord

if TYPE_CHECKING:
    import datetime
    from collections.abc import Callable, Mapping

    from sodertorn.money import SEK

__all__ = [
    "PLAN_SCHEMA",
    "PROGRAMME_SCHEMA",
    "plan_from_dict",
    "plan_from_json",
    "plan_to_dict",
    "plan_to_json",
    "programme_from_dict",
    "programme_from_json",
    "programme_to_dict",
    "programme_to_json",
]

PROGRAMME_SCHEMA = "sodertorn/programme/1"
"""The schema id and version written in every programme document."""
PLAN_SCHEMA = "sodertorn/plan/1"
"""The schema id and version written in every plan document."""

# -- writing ---------------------------------------------------------------------------


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

    The programme is written as its id; :func:`plan_from_dict` looks it up again.
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


# -- reading ---------------------------------------------------------------------------


def _read_node(reader: Reader) -> Node:
    reader.expect("id", "kind", "parent", "text", "title", "network")
    return Node(
        id=reader.string("id"),
        kind=reader.enum("kind", NodeKind),
        parent=reader.string("parent"),
        text=reader.text("text"),
        title=reader.optional_text("title"),
        network=reader.string("network", required=False),
    )


def _read_conference(item: Reader) -> Conference:
    def hosting(entry: Reader) -> Hosting:
        entry.expect("year", "parties")
        return Hosting(year=entry.integer("year"), parties=entry.parties("parties"))

    def edition(entry: Reader) -> Edition:
        entry.expect("year", "when", "note")
        return Edition(
            year=entry.integer("year"),
            when=entry.string("when", required=False),
            note=entry.string("note", required=False),
        )

    item.expect("id", "name", "aliases", "arranged_by", "every", "note", "rotation", "editions")
    return Conference(
        id=item.string("id"),
        name=item.string("name"),
        aliases=strings(item, "aliases"),
        arranged_by=item.string("arranged_by", required=False),
        every=item.integer("every", required=False),
        note=item.string("note", required=False),
        rotation=read_list(item, "rotation", hosting),
        editions=read_list(item, "editions", edition),
    )


def programme_from_dict(data: Mapping[str, Any]) -> Programme:
    """Read a programme document; :class:`~sodertorn.SchemaError` names what is wrong.

    The tree is then validated by :class:`~sodertorn.Programme` itself
    (:class:`~sodertorn.GoalTreeError` for a duplicate id, a dangling parent, a cycle).
    """
    reader = Reader(data, "")
    check_schema(reader, PROGRAMME_SCHEMA)
    reader.expect(
        "schema",
        "id",
        "short_name",
        "name",
        "period",
        "decided",
        "replaces",
        "vision_title",
        "vision",
        "purpose",
        "themes",
        "networks",
        "nodes",
        "adoptions",
        "claims",
        "contributions",
        "conferences",
        "sources",
    )
    period = Reader(reader.raw("period"), reader.at("period"))
    period.expect("start", "end")
    start, end = period.integer("start"), period.integer("end", required=False)

    def adoption(item: Reader) -> AdoptionRecord:
        item.expect("party", "body", "reference", "date", "earliest", "latest", "source")
        return AdoptionRecord(
            party=item.party("party"),
            body=item.string("body"),
            reference=item.string("reference", required=False),
            date=item.date("date"),
            earliest=item.date("earliest"),
            latest=item.date("latest"),
            source=item.string("source"),
        )

    def claim(item: Reader) -> Claim:
        item.expect("kind", "per", "count", "source")
        return Claim(
            kind=item.enum("kind", NodeKind),
            per=item.enum("per", NodeKind, required=False),
            count=item.integer("count"),
            source=item.string("source"),
        )

    def network(item: Reader) -> Network:
        item.expect("id", "name")
        return Network(id=item.string("id"), name=item.text("name"))

    def contribution(item: Reader) -> Contribution:
        item.expect("plan", "goals", "source")
        return Contribution(
            plan=item.text("plan"),
            goals=[read_text(goal, path) for path, goal in item.items("goals")],
            source=item.string("source"),
        )

    return Programme(
        id=reader.string("id"),
        short_name=reader.string("short_name"),
        name=reader.text("name"),
        period=Period(start, end),
        decided=reader.date("decided"),
        replaces=reader.string("replaces", required=False),
        vision_title=reader.optional_text("vision_title"),
        vision=reader.text("vision"),
        purpose=reader.optional_text("purpose"),
        themes=[read_text(item, path) for path, item in reader.items("themes")],
        networks=read_list(reader, "networks", network),
        nodes=read_list(reader, "nodes", _read_node),
        adoptions=read_list(reader, "adoptions", adoption),
        claims=read_list(reader, "claims", claim),
        contributions=read_list(reader, "contributions", contribution),
        conferences=read_list(reader, "conferences", _read_conference),
        sources=strings(reader, "sources"),
    )


BUILT_IN: Slot[[str], Programme] = Slot("load_programme")
"""The resolver :func:`plan_from_dict` uses when given none: the built-in programmes,
filled by :mod:`sodertorn.programme` with :func:`~sodertorn.load_programme`."""


def plan_from_dict(
    data: Mapping[str, Any],
    *,
    programme: Programme | None = None,
    resolve: Callable[[str], Programme] | None = None,
) -> Plan:
    """Read a plan document; its programme is *programme*, else the one *resolve* returns.

    The document names its programme by id; *resolve* turns the id into a
    :class:`~sodertorn.Programme` (default: :func:`~sodertorn.load_programme`, the
    built-in programmes). Activities are then checked against the programme by
    :class:`~sodertorn.Plan` (:class:`~sodertorn.PlanError` for an activity serving a goal
    of another programme).
    """
    reader = Reader(data, "")
    check_schema(reader, PLAN_SCHEMA)
    reader.expect(
        "schema",
        "year",
        "programme",
        "title",
        "date",
        "sub_goals",
        "activities",
        "budget",
        "calendar",
        "offices",
        "conferences",
        "sources",
    )
    if programme is not None and not isinstance(programme, Programme):
        raise SchemaError(
            f"invalid programme {programme!r}; expected a Programme or None (the built-in one)"
        )
    if resolve is not None and not callable(resolve):
        raise SchemaError(
            f"invalid resolver {resolve!r}; expected a function from a programme id to a "
            f"Programme, or None (the built-in programmes)"
        )
    programme_id = reader.string("programme")
    if programme is None:
        programme = (BUILT_IN if resolve is None else resolve)(programme_id)
        if not isinstance(programme, Programme) or programme.id != programme_id:
            given = (
                f"programme {programme.id!r}"
                if isinstance(programme, Programme)
                else repr(programme)
            )
            raise SchemaError(
                f"the resolver gave {given} for {programme_id!r}; expected the Programme of "
                f"that id",
                path="programme",
            )
    elif programme.id != programme_id:
        raise SchemaError(
            f"plan is for programme {programme_id!r}, but {programme.id!r} was given",
            path="programme",
        )

    def activity(item: Reader) -> Activity:
        item.expect(
            "id",
            "goal",
            "text",
            "network",
            "working_group",
            "when",
            "cost",
            "cost_note",
            "section",
            "continues",
        )
        continues = None
        if item.raw("continues", required=False) is not None:
            continued = Reader(item.raw("continues"), item.at("continues"))
            continued.expect("year", "activity")
            continues = Continuation(
                year=continued.integer("year"),
                activity=continued.string("activity", required=False),
            )
        return Activity(
            id=item.string("id"),
            goal=item.string("goal"),
            text=item.text("text"),
            network=item.string("network", required=False),
            working_group=item.parties("working_group"),
            when=item.string("when", required=False),
            cost=item.sek("cost"),
            continues=continues,
            cost_note=item.string("cost_note", required=False),
            section=item.string("section", required=False),
        )

    def line(item: Reader) -> BudgetLine:
        item.expect("label", "amount", "approximate")
        approximate = item.raw("approximate", required=False)
        if approximate is not None and not isinstance(approximate, bool):
            raise SchemaError(
                f"invalid value {approximate!r}; expected true or false",
                path=item.at("approximate"),
            )
        return BudgetLine(
            label=item.text("label"),
            amount=item.amount("amount"),
            approximate=bool(approximate),
        )

    def entry(item: Reader) -> CalendarEntry:
        item.expect("start", "end", "body", "kind", "place", "host", "conference")
        return CalendarEntry(
            start=item.day("start"),
            end=item.date("end"),
            body=item.enum("body", CollaborationBody, required=False),
            kind=item.enum("kind", CalendarKind),
            place=item.string("place", required=False),
            host=item.optional_party("host"),
            conference=item.string("conference", required=False),
        )

    def office(item: Reader) -> Office:
        item.expect("body", "role", "party")
        return Office(
            body=item.enum("body", CollaborationBody),
            role=item.enum("role", OfficeRole),
            party=item.party("party"),
        )

    budget = None
    if reader.raw("budget", required=False) is not None:
        budget_reader = Reader(reader.raw("budget"), "budget")
        budget_reader.expect("rate", "population", "population_date", "note", "revenue", "costs")
        budget = Budget(
            rate=budget_reader.sek("rate"),
            population=budget_reader.integer("population", required=False),
            population_date=budget_reader.date("population_date"),
            note=budget_reader.string("note", required=False),
            revenue=read_list(budget_reader, "revenue", line),
            costs=read_list(budget_reader, "costs", line),
        )
    return Plan(
        year=reader.integer("year"),
        programme=programme,
        title=reader.text("title"),
        date=reader.date("date"),
        sub_goals=read_list(reader, "sub_goals", _read_node),
        activities=read_list(reader, "activities", activity),
        budget=budget,
        calendar=read_list(reader, "calendar", entry),
        offices=read_list(reader, "offices", office),
        conferences=read_list(reader, "conferences", _read_conference),
        sources=strings(reader, "sources"),
    )


def _loads(text: str | bytes, what: str) -> Any:
    try:
        return json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError, TypeError) as error:
        raise SchemaError(f"not a JSON {what} document: {error}") from None


def programme_from_json(text: str | bytes) -> Programme:
    """Read a programme from a JSON document (see :func:`programme_from_dict`)."""
    return programme_from_dict(_loads(text, "programme"))


def plan_from_json(
    text: str | bytes,
    *,
    programme: Programme | None = None,
    resolve: Callable[[str], Programme] | None = None,
) -> Plan:
    """Read a plan from a JSON document (see :func:`plan_from_dict`)."""
    return plan_from_dict(_loads(text, "plan"), programme=programme, resolve=resolve)
