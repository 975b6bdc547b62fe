"""The follow-up's status file (CSV) and JSON document, read and written.

:class:`~sodertorn.programme.FollowUp` is the value (:mod:`sodertorn.programme.followup`);
this module reads and writes its files, and is handed to its ``to_csv``, ``from_csv``,
``to_json`` and ``from_json`` by :mod:`sodertorn.programme`.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
from typing import TYPE_CHECKING, Any

from sodertorn.errors import FollowUpError, Listing, json_problem
from sodertorn.i18n import message
from sodertorn.programme._checks import json_indent
from sodertorn.programme.followup import (
    _ISO_DATE,
    _REQUIRED_COLUMNS,
    CSV_COLUMNS,
    STATUS_SCHEMA,
    ActivityStatus,
    Status,
    check_plan_like,
    status_problem,
)

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping, Sequence

    from sodertorn.programme.followup import FollowUp
    from sodertorn.programme.plan import Plan

__all__ = ["followup_from_csv", "followup_from_json", "followup_to_csv", "followup_to_json"]


def followup_to_csv(follow_up: FollowUp) -> str:
    """The follow-up as a status file: each activity's statuses, or one blank row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for activity in follow_up.plan.activities:
        fixed = [activity.id, activity.goal]
        history = follow_up.history(activity.id)
        for entry in history:
            writer.writerow(
                [
                    *fixed,
                    entry.network or "",
                    activity.text.sv,
                    entry.status.value,
                    entry.date.isoformat(),
                    entry.comment or "",
                ]
            )
        if not history:
            writer.writerow([*fixed, activity.network or "", activity.text.sv, "", "", ""])
    return buffer.getvalue()


def followup_from_csv(
    cls: type[FollowUp], text: str, plan: Plan, *, source: str | None = None
) -> FollowUp:
    """Read a status file for *plan*; errors name the line."""
    plan = check_plan_like(plan)
    if not isinstance(text, str):
        raise FollowUpError.of(
            "invalid status file {value}; expected its text", source=source, value=repr(text)
        )
    text = text.removeprefix("\ufeff")
    header = text.split("\n", 1)[0]
    delimiter = ";" if ";" in header and "," not in header else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        columns = [name.strip().casefold() for name in next(_rows(reader, source))]
    except StopIteration:
        raise FollowUpError.of(
            "the status file is empty; expected a header row", source=source
        ) from None
    unknown = [name for name in columns if name not in CSV_COLUMNS]
    missing = [name for name in _REQUIRED_COLUMNS if name not in columns]
    if unknown or missing or len(set(columns)) != len(columns):
        raise FollowUpError.of(
            "invalid header; expected the columns {columns} (at least {required}, each once)",
            line=1,
            source=source,
            columns=Listing(repr(name) for name in CSV_COLUMNS),
            required=Listing(repr(name) for name in _REQUIRED_COLUMNS),
        )
    entries: list[ActivityStatus] = []
    seen: set[tuple[str, datetime.date]] = set()
    for row in _rows(reader, source):
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(columns):
            template = (
                message("{count} field; expected {expected} ({columns})")
                if len(row) == 1
                else message("{count} fields; expected {expected} ({columns})")
            )
            raise FollowUpError.of(
                template,
                line=line,
                source=source,
                count=str(len(row)),
                expected=str(len(columns)),
                columns=", ".join(columns),
            )
        cells = {name: cell.strip() for name, cell in zip(columns, row, strict=True)}
        if not (cells["status"] or cells["date"] or cells.get("comment")):
            continue
        try:
            entry = _entry(cells)
        except FollowUpError as error:
            raise error.at(line=line, source=source) from None
        problem = status_problem(plan, entry, seen)
        if problem is not None:
            raise problem.at(line=line, source=source)
        seen.add((entry.activity, entry.date))
        entries.append(entry)
    return cls(plan=plan, statuses=entries)


def followup_to_json(follow_up: FollowUp, *, indent: int | None = 2) -> str:
    """The follow-up as a JSON document; its ``activities`` list is for people only."""
    indent = json_indent(indent, FollowUpError)
    document = {
        "schema": STATUS_SCHEMA,
        "plan": follow_up.year,
        "activities": [
            {"id": a.id, "goal": a.goal, "network": a.network, "text": a.text.sv}
            for a in follow_up.plan.activities
        ],
        "statuses": [
            {
                "activity": entry.activity,
                "status": entry.status.value,
                "date": entry.date.isoformat(),
                "comment": entry.comment,
                "network": entry.network,
            }
            for activity in follow_up.plan.activities
            for entry in follow_up.history(activity.id)
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=indent) + "\n"


def followup_from_json(
    cls: type[FollowUp], text: str | bytes, plan: Plan, *, source: str | None = None
) -> FollowUp:
    """Read a follow-up JSON document for *plan*; errors name the entry."""
    plan = check_plan_like(plan)
    try:
        document = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError, TypeError) as error:
        raise FollowUpError.of(
            "not a JSON follow-up document: {reason}", source=source, reason=json_problem(error)
        ) from None
    if not isinstance(document, dict) or document.get("schema") != STATUS_SCHEMA:
        raise FollowUpError.of(
            "not a follow-up document; expected an object with schema {schema}",
            source=source,
            schema=repr(STATUS_SCHEMA),
        )
    unknown = sorted(set(document) - {"schema", "plan", "activities", "statuses"})
    if unknown:
        raise unknown_keys(unknown).at(source=source)
    if document.get("plan") != plan.year:
        raise FollowUpError.of(
            "the document follows up plan {plan}; expected {year}",
            source=source,
            plan=repr(document.get("plan")),
            year=str(plan.year),
        )
    items = document.get("statuses", [])
    if not isinstance(items, list):
        raise FollowUpError.of(
            "invalid statuses {value}; expected a list", source=source, value=repr(items)
        )
    entries: list[ActivityStatus] = []
    seen: set[tuple[str, datetime.date]] = set()
    for index, item in enumerate(items):
        where = f"statuses[{index}]"
        try:
            if not isinstance(item, dict):
                raise FollowUpError.of(
                    "invalid status {value}; expected an object", value=repr(item)
                )
            unknown = sorted(set(item) - {"activity", "status", "date", "comment", "network"})
            if unknown:
                raise unknown_keys(unknown)
            entry = _entry(item)
            problem = status_problem(plan, entry, seen)
            if problem is not None:
                raise problem
        except FollowUpError as error:
            raise error.at(source=where if source is None else f"{source}: {where}") from None
        seen.add((entry.activity, entry.date))
        entries.append(entry)
    return cls(plan=plan, statuses=entries)


def _rows(reader: Any, source: str | None) -> Iterator[list[str]]:
    """The rows of a :func:`csv.reader`, its own errors turned into ours."""
    while True:
        try:
            row: list[str] = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise FollowUpError.of(
                "not a CSV status file: {reason}",
                line=reader.line_num,
                source=source,
                reason=str(error),
            ) from None
        yield row


def _invalid_date(value: object) -> FollowUpError:
    return FollowUpError.of(
        "invalid date {value}; expected an ISO date such as 2024-06-14", value=repr(value)
    )


def unknown_keys(keys: Sequence[str]) -> FollowUpError:
    """The refusal of a document's keys that the reader does not know."""
    template = message("unknown key {keys}") if len(keys) == 1 else message("unknown keys {keys}")
    return FollowUpError.of(template, keys=repr(list(keys)))


def _entry(cells: Mapping[str, Any]) -> ActivityStatus:
    """An :class:`ActivityStatus` from the cells of a row or the keys of an object."""
    date_text = cells.get("date")
    if not date_text:
        raise FollowUpError.of("a status without a date; expected an ISO date such as 2024-06-14")
    if not isinstance(date_text, str):
        raise _invalid_date(date_text)
    try:
        # Only the extended form: Python 3.11 would also read "20240102" and "2024-W01-2".
        if not _ISO_DATE.fullmatch(date_text):
            raise ValueError(date_text)
        day = datetime.date.fromisoformat(date_text)
    except ValueError:
        raise _invalid_date(date_text) from None
    status = cells.get("status")
    if not status:
        raise FollowUpError.of("a date or comment without a status; expected a status")
    activity: Any = cells.get("activity")  # checked by ActivityStatus
    return ActivityStatus(
        activity=activity,
        status=Status.parse(status),
        date=day,
        comment=cells.get("comment") or None,
        network=cells.get("network") or None,
    )
