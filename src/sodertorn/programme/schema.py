"""Programmes and plans to and from plain dicts and JSON, with a versioned schema.

Every document names its schema and version in its ``"schema"`` key
(``"sodertorn/programme/1"`` or ``"sodertorn/plan/1"``); a reader refuses a version it does
not know. Within a version the schema only ever gains optional keys. The writer emits every
key (``null`` where a value is absent); the reader accepts a missing optional key as
``null``, refuses unknown keys, and names the path of anything wrong. Texts are objects
``{"sv": ..., "en": ...}`` (a bare string is read as Swedish only); dates are ISO strings;
amounts are strings of kronor (``"2083296"``, ``"0.50"``) so that they stay exact; parties
are SCB codes (``"0192"``). See ``docs/programme.md`` for the full schema.

This module reads; :mod:`sodertorn.programme.writer` writes, and its names are
re-exported here.

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

from sodertorn.errors import SchemaError, json_problem, message
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
)
from sodertorn.programme.plan import Activity, Continuation, Plan
from sodertorn.programme.record import AdoptionRecord
from sodertorn.programme.writer import (
    PLAN_SCHEMA,
    PROGRAMME_SCHEMA,
    plan_to_dict,
    plan_to_json,
    programme_to_dict,
    programme_to_json,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping


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
        raise SchemaError.of(
            "plan is for programme {id}, but {given} was given",
            path="programme",
            id=repr(programme_id),
            given=repr(programme.id),
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
            raise SchemaError.of(
                "invalid value {value}; expected true or false",
                path=item.at("approximate"),
                value=repr(approximate),
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
        template = (
            message("not a JSON plan document: {reason}")
            if what == "plan"
            else message("not a JSON programme document: {reason}")
        )
        raise SchemaError.of(template, reason=json_problem(error)) from None


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
