"""Following up an activity plan: the status of each activity through the year.

SUP 2040 asks for a yearly report after each year of activity that shows which
activities were carried out (SUP 2040, "Målstruktur, genomförande och uppföljning"). The
year is recorded as dated statuses: an :class:`~sodertorn.programme.ActivityStatus` says that an activity of
the plan was planned, ongoing, done, postponed or cancelled on a day, with an optional
comment and the network that reports it. A :class:`~sodertorn.programme.FollowUp` holds the statuses of one
plan year and answers what each activity's last status is, which activities have none,
and which are carried over into next year.

A network fills in a plain CSV file (or JSON); :meth:`~sodertorn.programme.FollowUp.to_csv` of an empty
follow-up is the template, one row per activity of the plan:

>>> from sodertorn import load_plan
>>> from sodertorn.programme import FollowUp
>>> plan = load_plan(2024)
>>> template = FollowUp(plan=plan).to_csv()
>>> template.splitlines()[0]
'activity,goal,network,text,status,date,comment'
>>> len(template.splitlines()) - 1
19
>>> rows = template.splitlines()
>>> rows[1] = rows[1].removesuffix(",,,") + ",done,2024-11-29,Sent to the region"
>>> year = FollowUp.from_csv("\\n".join(rows), plan)
>>> year.last("rufs-yttrande").status
<Status.DONE: 'done'>
>>> len(year.carried_over())
18
>>> FollowUp.from_csv(template.replace(",,,", ",done,2025-01-10,", 1), plan)
Traceback (most recent call last):
...
sodertorn.FollowUpError: line 2: date 2025-01-10 is outside the plan year 2024; ...

Source: SUP 2040 (Verksamhetsplan och budget 2024, bilaga 3, "Målstruktur, genomförande
och uppföljning"); Verksamhetsplan och budget 2024, §§ 1–3.
"""

from __future__ import annotations

import enum
import re
from typing import TYPE_CHECKING, Any

import attrs

from sodertorn.errors import FollowUpError, Listing, Phrase
from sodertorn.i18n import message
from sodertorn.programme._checks import day, words
from sodertorn.programme._slots import Slot
from sodertorn.programme.model import Programme, check_id

if TYPE_CHECKING:
    import datetime
    from collections.abc import Iterable

    from sodertorn.programme.plan import Activity, Plan

__all__ = [
    "STATUS_SCHEMA",
    "ActivityStatus",
    "FollowUp",
    "Status",
    "check_plan_like",
]

STATUS_SCHEMA = "sodertorn/follow-up/1"
"""The ``schema`` value of a follow-up JSON document."""

CSV_COLUMNS = ("activity", "goal", "network", "text", "status", "date", "comment")
"""The columns of a status file; ``goal`` and ``text`` are there to help whoever fills it in."""

_REQUIRED_COLUMNS = ("activity", "status", "date")

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class Status(enum.Enum):
    """Where an activity stands on a day.

    A status file may use the English value or the Swedish word:

    >>> Status.parse("genomförd"), Status.parse("Done")
    (<Status.DONE: 'done'>, <Status.DONE: 'done'>)
    >>> Status.parse("klar")
    Traceback (most recent call last):
    ...
    sodertorn.FollowUpError: invalid status 'klar'; expected one of 'planned', 'ongoing', ...
    """

    __module__ = "sodertorn.programme"

    PLANNED = message("planned")
    """Planned, not yet begun (planerad)."""
    ONGOING = message("ongoing")
    """Begun and going on (pågår)."""
    DONE = message("done")
    """Carried out (genomförd)."""
    POSTPONED = message("postponed")
    """Put off to later (uppskjuten)."""
    CANCELLED = message("cancelled")
    """Will not be carried out (inställd)."""

    @property
    def label(self) -> str:
        """The English word, a msgid for :func:`sodertorn.i18n.gettext`."""
        return self.value

    @property
    def is_closed(self) -> bool:
        """Whether nothing is left to carry into next year: done or cancelled."""
        return self in (Status.DONE, Status.CANCELLED)

    @classmethod
    def parse(cls, text: object) -> Status:
        """The status named by *text*: its English value or its Swedish word, any case."""
        if isinstance(text, str):
            key = text.strip().casefold()
            for status in cls:
                if key == status.value:
                    return status
            if key in _SWEDISH:
                return _SWEDISH[key]
        raise FollowUpError.of(
            "invalid status {value}; expected one of {allowed} (or the Swedish {swedish})",
            value=repr(text),
            allowed=Listing((repr(status.value) for status in cls), alternatives=True),
            swedish=Listing((repr(word) for word in _SWEDISH), alternatives=True),
        )


_SWEDISH = {
    "planerad": Status.PLANNED,
    "pågår": Status.ONGOING,
    "genomförd": Status.DONE,
    "uppskjuten": Status.POSTPONED,
    "inställd": Status.CANCELLED,
}


_check_date = day(message("status date"), error=FollowUpError)


def _check_optional_text(what: str) -> Any:
    return words(what, optional=True, error=FollowUpError)


def _id(what: str) -> Any:
    def check(_: object, __: attrs.Attribute[Any], value: object) -> None:
        check_id(value, what, error=FollowUpError)

    return check


def _optional_id(what: str) -> Any:
    def check(_: object, __: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            check_id(value, what, error=FollowUpError)

    return check


def _stripped(value: object) -> object:
    """A comment without the blanks around it, as a status file gives it back."""
    return value.strip() if isinstance(value, str) else value


def _status(value: object) -> Status:
    return value if isinstance(value, Status) else Status.parse(value)


@attrs.frozen(kw_only=True)
class ActivityStatus:
    """The status of one activity of the plan on one day, as a network reports it.

    *activity* is the activity's id in the plan; *status* a :class:`Status` (or its
    value or Swedish word); *network* the id of the network that reports it, if given.

    >>> import datetime
    >>> ActivityStatus(activity="elforsorjning", status="pågår",
    ...                date=datetime.date(2024, 5, 2)).status
    <Status.ONGOING: 'ongoing'>
    >>> ActivityStatus(activity="elforsorjning", status="done", date="2024-05-02")
    Traceback (most recent call last):
    ...
    sodertorn.FollowUpError: invalid status date '2024-05-02'; expected a datetime.date such as 2024-03-15
    """

    __module__ = "sodertorn.programme"

    activity: str = attrs.field(validator=_id("activity id"))
    status: Status = attrs.field(converter=_status)
    date: datetime.date = attrs.field(validator=_check_date)
    comment: str | None = attrs.field(
        default=None, converter=_stripped, validator=_check_optional_text(message("comment"))
    )
    network: str | None = attrs.field(default=None, validator=_optional_id("network id"))


def check_plan_like(value: object) -> Plan:
    """Return *value* if it is an activity plan, else raise :class:`~sodertorn.FollowUpError`.

    A plan is recognised by what the follow-up reads of it (its year, programme and
    activities), so that this module need not import the plan's own.

    >>> check_plan_like(2024)
    Traceback (most recent call last):
    ...
    sodertorn.FollowUpError: invalid plan 2024; expected a Plan (see load_plan)
    """
    year = getattr(value, "year", None)
    if (
        isinstance(getattr(value, "programme", None), Programme)
        and isinstance(year, int)
        and not isinstance(year, bool)
        and isinstance(getattr(value, "activities", None), tuple)
        and hasattr(value, "tree")
    ):
        plan: Plan = value  # type: ignore[assignment]
        return plan
    raise FollowUpError(f"invalid plan {value!r}; expected a Plan (see load_plan)")


def status_problem(
    plan: Plan, entry: ActivityStatus, seen: set[tuple[str, datetime.date]]
) -> FollowUpError | None:
    """What is wrong with *entry* in the follow-up of *plan*, or ``None``."""
    ids = [activity.id for activity in plan.activities]
    if entry.activity not in ids:
        return FollowUpError.of(
            "unknown activity {activity}; expected an activity of the {year} plan: {known}",
            activity=repr(entry.activity),
            year=str(plan.year),
            known=Listing((repr(known) for known in ids), alternatives=True)
            if ids
            else Phrase(message("none")),
        )
    if entry.date.year != plan.year:
        return FollowUpError.of(
            "date {date} is outside the plan year {year}; expected a date in {year}",
            date=entry.date.isoformat(),
            year=str(plan.year),
        )
    if (entry.activity, entry.date) in seen:
        return FollowUpError.of(
            "two statuses for {activity} on {date}; expected one status an activity a day",
            activity=repr(entry.activity),
            date=entry.date.isoformat(),
        )
    networks = [network.id for network in plan.programme.networks]
    if entry.network is not None and entry.network not in networks:
        return FollowUpError.of(
            "unknown network {network}; expected one of {networks}",
            network=repr(entry.network),
            networks=Listing((repr(n) for n in networks), alternatives=True),
        )
    return None


def _entries(value: Iterable[Any]) -> tuple[Any, ...]:
    if isinstance(value, (str, bytes)) or not hasattr(value, "__iter__"):
        raise FollowUpError(f"invalid statuses {value!r}; expected a sequence of ActivityStatus")
    return tuple(value)


@attrs.frozen(kw_only=True)
class FollowUp:
    """The statuses recorded for the activities of one plan year.

    Validated when built: every status names an activity of *plan*, is dated in the
    plan's year, and no activity has two statuses on one day. An activity's status is
    its latest one; an activity with none is reported as having no information.

    >>> import datetime
    >>> from sodertorn import load_plan
    >>> plan = load_plan(2024)
    >>> year = FollowUp(plan=plan, statuses=[
    ...     ActivityStatus(activity="elforsorjning", status="ongoing",
    ...                    date=datetime.date(2024, 3, 1)),
    ...     ActivityStatus(activity="elforsorjning", status="done",
    ...                    date=datetime.date(2024, 10, 1)),
    ... ])
    >>> year.last("elforsorjning").status, year.last("rufs-yttrande")
    (<Status.DONE: 'done'>, None)
    >>> [a.id for a in year.carried_over()][:2]
    ['rufs-yttrande', 'rufs-samverkansformer']
    >>> FollowUp(plan=plan, statuses=[ActivityStatus(activity="rymden", status="done",
    ...                                              date=datetime.date(2024, 3, 1))])
    Traceback (most recent call last):
    ...
    sodertorn.FollowUpError: unknown activity 'rymden'; expected an activity of the 2024 plan: ...
    """

    __module__ = "sodertorn.programme"

    plan: Plan = attrs.field(converter=check_plan_like)
    statuses: tuple[ActivityStatus, ...] = attrs.field(default=(), converter=_entries)

    def __attrs_post_init__(self) -> None:
        seen: set[tuple[str, datetime.date]] = set()
        for entry in self.statuses:
            if not isinstance(entry, ActivityStatus):
                raise FollowUpError(f"invalid status {entry!r}; expected an ActivityStatus")
            problem = status_problem(self.plan, entry, seen)
            if problem is not None:
                raise problem
            seen.add((entry.activity, entry.date))

    @property
    def year(self) -> int:
        """The plan year followed up."""
        return self.plan.year

    def _activity(self, activity_id: object) -> Activity:
        for activity in self.plan.activities:
            if activity.id == activity_id:
                return activity
        raise FollowUpError(
            f"unknown activity {activity_id!r}; expected an activity of the {self.year} plan"
        )

    def history(self, activity_id: str) -> tuple[ActivityStatus, ...]:
        """The statuses of *activity_id*, oldest first."""
        wanted = self._activity(activity_id).id
        return tuple(
            sorted((e for e in self.statuses if e.activity == wanted), key=lambda e: e.date)
        )

    def last(self, activity_id: str) -> ActivityStatus | None:
        """The latest status of *activity_id*, or ``None`` if none is recorded."""
        history = self.history(activity_id)
        return history[-1] if history else None

    def without_status(self) -> tuple[Activity, ...]:
        """The plan's activities with no status recorded, in plan order."""
        reported = {entry.activity for entry in self.statuses}
        return tuple(a for a in self.plan.activities if a.id not in reported)

    def carried_over(self) -> tuple[Activity, ...]:
        """What next year's plan may take up: every activity not done and not cancelled.

        An activity without a status is not known to be done, so it is carried over.
        Mark the activity that takes it up with :class:`~sodertorn.programme.Continuation`.
        """
        return tuple(
            activity
            for activity in self.plan.activities
            if (last := self.last(activity.id)) is None or not last.status.is_closed
        )

    # -- files -------------------------------------------------------------------------

    def to_csv(self) -> str:
        """The follow-up as a status file: each activity's statuses, or one blank row.

        An activity without a status gets one row with its status, date and comment
        blank, so the file of an empty follow-up is the template a network fills in.
        """
        return TO_CSV(self)

    @classmethod
    def from_csv(cls, text: str, plan: Plan, *, source: str | None = None) -> FollowUp:
        """Read a status file (see :meth:`to_csv`) for *plan*; errors name the line.

        Columns ``activity``, ``status`` and ``date`` are required, ``network`` and
        ``comment`` optional; ``goal`` and ``text`` are read by people only. A row with
        no status, date or comment is an activity not yet reported and is skipped. The
        delimiter is a comma, or a semicolon as Swedish spreadsheets write it.
        """
        return FROM_CSV(cls, text, plan, source=source)

    def to_json(self, *, indent: int | None = 2) -> str:
        """The follow-up as a JSON document; its ``activities`` list is for people only."""
        return TO_JSON(self, indent=indent)

    @classmethod
    def from_json(cls, text: str | bytes, plan: Plan, *, source: str | None = None) -> FollowUp:
        """Read a follow-up JSON document (see :meth:`to_json`); errors name the entry."""
        return FROM_JSON(cls, text, plan, source=source)


# Reading and writing the files is in followup_files, above this module;
# sodertorn.programme hands it in.
TO_CSV: Slot[[FollowUp], str] = Slot("FollowUp.to_csv")
FROM_CSV: Slot[..., FollowUp] = Slot("FollowUp.from_csv")
TO_JSON: Slot[..., str] = Slot("FollowUp.to_json")
FROM_JSON: Slot[..., FollowUp] = Slot("FollowUp.from_json")
