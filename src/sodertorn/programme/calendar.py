"""The year's calendar and offices: when the bodies meet, and who holds the chair.

The activity plan states the dates of the committee's and the management group's meetings,
their planning conferences, the conferences the collaboration arranges, and which parties
hold the offices of the year (DOMAIN.md § 4). Offices are recorded by party, never by
person.

Source: Verksamhetsplan 2019, §§ 6–7; Verksamhetsplan och budget 2024, §§ 4–5.
"""

from __future__ import annotations

import datetime
import enum

import attrs

from sodertorn.errors import PlanError
from sodertorn.i18n import message
from sodertorn.parties import Municipality
from sodertorn.programme._checks import is_a
from sodertorn.programme._ids import check_id

__all__ = ["CalendarEntry", "CalendarKind", "CollaborationBody", "Office", "OfficeRole"]


class CollaborationBody(enum.Enum):
    """The two standing bodies of the collaboration (DOMAIN.md § 4)."""

    __module__ = "sodertorn.programme"

    COMMITTEE = "committee"
    """Samarbetskommittén: the eight executive-board chairs."""
    MANAGEMENT_GROUP = "management-group"
    """Ledningsgruppen: the eight municipal directors."""

    @property
    def label(self) -> str:
        """The English name, a msgid for :func:`sodertorn.i18n.gettext`."""
        if self is CollaborationBody.COMMITTEE:
            return message("Committee")
        return message("Management group")


class CalendarKind(enum.Enum):
    """What a calendar entry is."""

    __module__ = "sodertorn.programme"

    MEETING = "meeting"
    """A meeting of the committee or the management group."""
    PLANNING_CONFERENCE = "planning-conference"
    """The yearly planning conference of the committee or the management group."""
    CONFERENCE = "conference"
    """A conference of the collaboration (Södertörns Rådslag, Södertörnskonferensen…)."""


class OfficeRole(enum.Enum):
    """An office held for a year."""

    __module__ = "sodertorn.programme"

    CHAIR = "chair"
    VICE_CHAIR = "vice-chair"


@attrs.frozen(kw_only=True)
class CalendarEntry:
    """A meeting or planning conference of a body, or a conference of the collaboration.

    *end* is the last day of a meeting of several days (``None`` for one day); *host* is
    the party that hosts, *place* the venue, when the plan names them. A meeting or a
    planning conference names its *body*; a conference (kind ``CONFERENCE``) names the
    *conference* by its id in the plan, and a body only if one arranges it.

    >>> import datetime
    >>> entry = CalendarEntry(start=datetime.date(2024, 8, 29), end=datetime.date(2024, 8, 30),
    ...     body=CollaborationBody.MANAGEMENT_GROUP, kind=CalendarKind.PLANNING_CONFERENCE)
    >>> entry.days
    2
    >>> CalendarEntry(start=datetime.date(2024, 8, 29), end=datetime.date(2024, 8, 1),
    ...               body=CollaborationBody.COMMITTEE)
    Traceback (most recent call last):
    ...
    sodertorn.PlanError: calendar entry ends 2024-08-01, before it starts 2024-08-29
    """

    __module__ = "sodertorn.programme"

    start: datetime.date = attrs.field(validator=is_a(datetime.date, "start date"))
    end: datetime.date | None = attrs.field(
        default=None, validator=is_a(datetime.date, "end date", optional=True)
    )
    body: CollaborationBody | None = attrs.field(
        default=None, validator=is_a(CollaborationBody, "body", optional=True)
    )
    kind: CalendarKind = attrs.field(
        default=CalendarKind.MEETING, validator=is_a(CalendarKind, "calendar kind")
    )
    place: str | None = attrs.field(default=None, validator=is_a(str, "place", optional=True))
    host: Municipality | None = attrs.field(
        default=None, validator=is_a(Municipality, "host", optional=True)
    )
    conference: str | None = attrs.field(default=None)

    @conference.validator
    def _check_conference(self, _: attrs.Attribute[str | None], value: object) -> None:
        if value is not None:
            check_id(value, "conference id", error=PlanError)

    def __attrs_post_init__(self) -> None:
        is_conference = self.kind is CalendarKind.CONFERENCE
        if is_conference and self.conference is None:
            raise PlanError(
                f"conference on {self.start.isoformat()} names no conference; expected the "
                f"id of one of the plan's conferences"
            )
        if not is_conference and self.conference is not None:
            raise PlanError(
                f"a {self.kind.value} on {self.start.isoformat()} names conference "
                f"{self.conference!r}; expected a conference only for kind 'conference'"
            )
        if not is_conference and self.body is None:
            raise PlanError(
                f"{self.kind.value} on {self.start.isoformat()} names no body; expected "
                f"the committee or the management group"
            )
        if self.end is not None and self.end < self.start:
            raise PlanError(
                f"calendar entry ends {self.end.isoformat()}, before it starts "
                f"{self.start.isoformat()}"
            )

    @property
    def last_day(self) -> datetime.date:
        """The last day of the entry (the start, for a one-day meeting)."""
        return self.start if self.end is None else self.end

    @property
    def days(self) -> int:
        """How many calendar days the entry spans."""
        return (self.last_day - self.start).days + 1


@attrs.frozen(kw_only=True)
class Office:
    """An office of the year: chair or vice chair of a body, recorded by party.

    >>> from sodertorn import municipality
    >>> Office(body=CollaborationBody.COMMITTEE, role=OfficeRole.CHAIR,
    ...        party=municipality("Salem")).party.name
    'Salem'
    >>> Office(body=CollaborationBody.COMMITTEE, role="chair", party=municipality("Salem"))
    Traceback (most recent call last):
    ...
    sodertorn.PlanError: invalid office role 'chair'; expected an OfficeRole
    """

    __module__ = "sodertorn.programme"

    body: CollaborationBody = attrs.field(validator=is_a(CollaborationBody, "office body"))
    role: OfficeRole = attrs.field(validator=is_a(OfficeRole, "office role"))
    party: Municipality = attrs.field(validator=is_a(Municipality, "office holder"))
