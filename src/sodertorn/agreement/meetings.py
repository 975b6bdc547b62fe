"""Committee meetings: who may attend, whether there is a quorum, whether an extra meeting stands.

Source: Samarbetsavtal 2010, § 3 (the committee can decide when at least half of its
members are present; taking part by telephone or video counts) and § 4 (about six
meetings a year; an extra meeting is called by the chair or when at least five members ask).
SUP 2040 asks for at least six meetings a year plus a planning conference.

Our reading: "the members" are the parties on the meeting's date, so after a withdrawal
half of the seven remaining members (3.5, so four) is needed; "five members" is an absolute
number, whatever the size of the committee. Presence is by party: a party's member or the
substitute the party sends counts toward the quorum. "Konferens via datanät" is a meeting
held in real time over a network (record it as *remote*); answers sent round by e-mail are
not a meeting (:class:`~sodertorn.agreement.Circulation`). The yearly planning conference does not
count toward "about six" meetings (SUP 2040: six meetings *and* a planning conference).

>>> import datetime
>>> from sodertorn.agreement import Meeting
>>> meeting = Meeting(
...     date=datetime.date(2024, 3, 21),
...     in_room={"Huddinge", "Botkyrka", "Salem"},
...     remote={"Haninge"},
... )
>>> meeting.quorum, meeting.is_quorate
(4, True)
>>> Meeting(date=datetime.date(2024, 3, 21), in_room={"Huddinge"}, remote={"huddinge"})
Traceback (most recent call last):
...
sodertorn.GovernanceError: Huddinge is recorded both in the room and by phone or video; expected
each member once
"""

from __future__ import annotations

import enum
import math
import warnings
from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs

from sodertorn import _checks as _shared
from sodertorn.agreement import _checks
from sodertorn.agreement.membership import Agreement
from sodertorn.agreement.terms import EXTRA_MEETING_REQUESTERS, MEETINGS_PER_YEAR, QUORUM_SHARE
from sodertorn.errors import FewMeetingsWarning, GovernanceError
from sodertorn.i18n import check_language
from sodertorn.reasons import Reason, message, plural, render

if TYPE_CHECKING:
    import datetime

    from sodertorn.parties import Municipality

__all__ = ["Meeting", "MeetingCalendar", "MeetingKind", "quorum_for"]


class MeetingKind(enum.Enum):
    """What kind of committee meeting (§ 4)."""

    __module__ = "sodertorn.agreement"

    ORDINARY = message("ordinary meeting")
    EXTRA = message("extra meeting")
    PLANNING_CONFERENCE = message("planning conference")


_MEMBERS = _shared.whole(GovernanceError, low=0).worded(
    "cannot take a quorum of {value} {name}; expected {expected}"
)


def quorum_for(members: int) -> int:
    """How many members must be present for a quorum: at least half of *members* (§ 3).

    >>> quorum_for(8), quorum_for(7)
    (4, 4)
    >>> quorum_for(-1)
    Traceback (most recent call last):
    ...
    sodertorn.GovernanceError: cannot take a quorum of -1 members; expected an int of 0 or more
    """
    return math.ceil(QUORUM_SHARE * _MEMBERS.check(members, "members"))


def _date(value: object) -> datetime.date:
    return _checks.check_date(value, "meeting date", GovernanceError)


_KIND = _shared.member(MeetingKind, GovernanceError)


def _kind(value: object) -> MeetingKind:
    return _KIND.check(value, "meeting kind")


def _members(value: object) -> frozenset[Municipality]:
    return _checks.parties(value, "members", GovernanceError)


def _caller(value: object) -> Municipality | None:
    return None if value is None else _checks.party(value, GovernanceError)


_AGREEMENT = _shared.is_a(Agreement, GovernanceError, expected="an Agreement such as Agreement()")


def _agreement(value: object) -> Agreement:
    return _AGREEMENT.check(value, "agreement")


@attrs.frozen(kw_only=True)
class Meeting:
    """A meeting of the committee on a date, with the members present.

    Members are named by party (each party's member is the chair of its executive
    board, § 3). *in_room* and *remote* (telephone or video) both count as present. A
    present member, caller or requester that is not a party on the meeting's date is an
    error. *substitutes* are the present parties represented by the substitute the party
    sent: a substitute counts toward the quorum and takes the party's position. For an
    extra meeting, *called_by* is the member who called it and *requested_by* the members
    who asked for it (§ 4).

    >>> import datetime
    >>> Meeting(date=datetime.date(2025, 5, 8), in_room={"Nykvarn"}, agreement=Agreement(
    ...     parties=("Huddinge", "Botkyrka")))
    Traceback (most recent call last):
    ...
    sodertorn.GovernanceError: Nykvarn is present at the meeting on 2025-05-08 but is not a party
    that day; expected members among Huddinge, Botkyrka
    """

    __module__ = "sodertorn.agreement"

    date: datetime.date = attrs.field(converter=_date)
    kind: MeetingKind = attrs.field(default=MeetingKind.ORDINARY, converter=_kind)
    in_room: frozenset[Municipality] = attrs.field(default=frozenset(), converter=_members)
    remote: frozenset[Municipality] = attrs.field(default=frozenset(), converter=_members)
    called_by: Municipality | None = attrs.field(default=None, converter=_caller)
    requested_by: frozenset[Municipality] = attrs.field(default=frozenset(), converter=_members)
    substitutes: frozenset[Municipality] = attrs.field(default=frozenset(), converter=_members)
    agreement: Agreement = attrs.field(factory=Agreement, converter=_agreement, repr=False)

    def __attrs_post_init__(self) -> None:
        both = self.in_room & self.remote
        if both:
            raise GovernanceError(
                f"{_checks.names(both)} is recorded both in the room and by phone or video; "
                f"expected each member once"
            )
        absent = self.substitutes - self.present
        if absent:
            raise GovernanceError(
                f"{_checks.names(absent)} is recorded as represented by a substitute but is not "
                f"present; expected substitutes only for parties in_room or remote"
            )
        members = self.members
        for role, who in (
            ("is present at", self.present),
            ("called", {self.called_by} if self.called_by else set()),
            ("requested", self.requested_by),
        ):
            for party in sorted(who):
                if party not in members:
                    raise GovernanceError(
                        f"{party.name} {role} the meeting on {self.date} but is not a party "
                        f"that day; expected members among {_checks.names(members)}"
                    )

    @property
    def members(self) -> tuple[Municipality, ...]:
        """The committee's members on the meeting's date: one per party (§ 3)."""
        return self.agreement.parties_on(self.date)

    @property
    def present(self) -> frozenset[Municipality]:
        """The members present, in the room or by telephone or video (§ 3)."""
        return self.in_room | self.remote

    @property
    def quorum(self) -> int:
        """How many members must be present: at least half of the members (§ 3)."""
        return quorum_for(len(self.members))

    @property
    def is_quorate(self) -> bool:
        """Whether at least half of the members on the meeting's date are present (§ 3)."""
        return len(self.present) >= self.quorum

    @property
    def is_validly_called(self) -> bool:
        """Whether an extra meeting was called by the chair or asked for by five members.

        Ordinary meetings and planning conferences are called by the chair as a matter of
        course (§ 4) and are always valid here. For an extra meeting called by someone,
        the chair on the date must be known (:meth:`Agreement.with_election`).
        """
        return self._call_reason()[0]

    def _call_reason(self) -> tuple[bool, Reason]:
        if self.kind is not MeetingKind.EXTRA:
            return True, Reason("§ 4", message("The chair calls the committee's meetings."))
        asked = len(self.requested_by)
        if asked >= EXTRA_MEETING_REQUESTERS:
            return True, Reason(
                "§ 4",
                message("The extra meeting was requested by {count} members ({who})."),
                count=asked,
                who=self.requested_by,
            )
        if self.called_by is not None and self.called_by == self.agreement.chair_on(self.date):
            return True, Reason(
                "§ 4",
                message("The extra meeting was called by the chair ({chair})."),
                chair=self.called_by,
            )
        return False, Reason(
            "§ 4",
            plural(
                "The extra meeting was not duly called: the chair did not call it, and only "
                "{count} member requested it (at least {needed} are needed).",
                "The extra meeting was not duly called: the chair did not call it, and only "
                "{count} members requested it (at least {needed} are needed).",
            ),
            count=asked,
            needed=EXTRA_MEETING_REQUESTERS,
        )

    def _quorum_reason(self) -> Reason:
        if self.remote:
            template = (
                plural(
                    "Quorate: {present} of {members} member present ({remote} of them by "
                    "phone or video); at least {needed} needed.",
                    "Quorate: {present} of {members} members present ({remote} of them by "
                    "phone or video); at least {needed} needed.",
                    count="members",
                )
                if self.is_quorate
                else plural(
                    "Not quorate: {present} of {members} member present ({remote} of them "
                    "by phone or video); at least {needed} needed.",
                    "Not quorate: {present} of {members} members present ({remote} of them "
                    "by phone or video); at least {needed} needed.",
                    count="members",
                )
            )
        else:
            template = (
                plural(
                    "Quorate: {present} of {members} member present; at least {needed} needed.",
                    "Quorate: {present} of {members} members present; at least {needed} needed.",
                    count="members",
                )
                if self.is_quorate
                else plural(
                    "Not quorate: {present} of {members} member present; at least {needed} needed.",
                    "Not quorate: {present} of {members} members present; at least {needed} "
                    "needed.",
                    count="members",
                )
            )
        return Reason(
            "§ 3",
            template,
            present=len(self.present),
            members=len(self.members),
            remote=len(self.remote),
            needed=self.quorum,
        )

    def reasons(self) -> tuple[Reason, ...]:
        """Why the meeting is or is not quorate, and validly called, with paragraphs."""
        substitutes = (
            (
                Reason(
                    "§ 3",
                    message(
                        "Represented by a substitute: {who}; a substitute counts toward the "
                        "quorum and takes the party's position."
                    ),
                    who=self.substitutes,
                ),
            )
            if self.substitutes
            else ()
        )
        return (self._call_reason()[1], *substitutes, self._quorum_reason())

    def explain(self, lang: str = "sv") -> str:
        """Explain the meeting, its call and its quorum, in Swedish or English.

        >>> import datetime
        >>> meeting = Meeting(date=datetime.date(2024, 3, 21), in_room={"Huddinge", "Salem"},
        ...                   remote={"Tyresö"})
        >>> print(meeting.explain("en"))
        Ordinary meeting on 21 March 2024; present: Huddinge, Salem and Tyresö.
        The chair calls the committee's meetings. (Samarbetsavtal 2010, § 4)
        Not quorate: 3 of 8 members present (1 of them by phone or video); at least 4 needed.
        (Samarbetsavtal 2010, § 3)
        """
        check_language(lang)
        head = render(
            message("{kind} on {date}; present: {present}.")
            if self.present
            else message("{kind} on {date}; no members present."),
            lang,
            kind=self.kind,
            date=self.date,
            present=self.present,
        )
        return "\n".join([head[:1].upper() + head[1:], *(r.text(lang) for r in self.reasons())])


def _meetings(value: object) -> tuple[Meeting, ...]:
    items = tuple(value) if isinstance(value, Iterable) and not isinstance(value, str) else None
    if items is None or not all(isinstance(m, Meeting) for m in items):
        raise GovernanceError(f"meetings {value!r} is not a collection of Meeting values")
    return tuple(sorted(items, key=lambda m: m.date))


_YEAR = _shared.year(GovernanceError)


def _year(value: object) -> int:
    return _YEAR.check(value, "year")


@attrs.frozen(kw_only=True)
class MeetingCalendar:
    """A year's committee meetings, checked against § 4 and SUP 2040.

    :meth:`check` warns with :class:`~sodertorn.FewMeetingsWarning` when the year has
    fewer than six committee meetings (ordinary or extra) or no planning conference: the
    agreement says "about six", so too few is worth a warning, not an error.

    >>> import datetime, warnings
    >>> days = [datetime.date(2024, m, d) for m, d in ((3, 21), (5, 2), (9, 12), (11, 7))]
    >>> calendar = MeetingCalendar(year=2024, meetings=[
    ...     Meeting(date=datetime.date(2024, 1, 16), kind=MeetingKind.PLANNING_CONFERENCE),
    ...     *(Meeting(date=day) for day in days)])
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     calendar.check(lang="en")
    ('The committee has 4 meetings in 2024; the agreement asks for about six, SUP 2040 for at
    least 6. (Samarbetsavtal 2010, § 4)',)
    >>> MeetingCalendar(year=2023, meetings=[Meeting(date=datetime.date(2024, 1, 16))])
    Traceback (most recent call last):
    ...
    sodertorn.GovernanceError: meeting on 2024-01-16 is not in 2023; expected only meetings of the
    calendar's year
    """

    __module__ = "sodertorn.agreement"

    year: int = attrs.field(converter=_year)
    meetings: tuple[Meeting, ...] = attrs.field(converter=_meetings)

    def __attrs_post_init__(self) -> None:
        for meeting in self.meetings:
            if meeting.date.year != self.year:
                raise GovernanceError(
                    f"meeting on {meeting.date} is not in {self.year}; expected only "
                    f"meetings of the calendar's year"
                )

    @property
    def committee_meetings(self) -> tuple[Meeting, ...]:
        """The ordinary and extra meetings, without planning conferences."""
        return tuple(m for m in self.meetings if m.kind is not MeetingKind.PLANNING_CONFERENCE)

    @property
    def planning_conferences(self) -> tuple[Meeting, ...]:
        """The year's planning conferences."""
        return tuple(m for m in self.meetings if m.kind is MeetingKind.PLANNING_CONFERENCE)

    def reasons(self) -> tuple[Reason, ...]:
        """How the year's meetings are counted (§ 4): planning conferences apart."""
        return (
            Reason(
                "§ 4",
                plural(
                    "{count} committee meeting in {year}; a planning conference does not "
                    "count toward the about six meetings a year.",
                    "{count} committee meetings in {year}; a planning conference does not "
                    "count toward the about six meetings a year.",
                ),
                count=len(self.committee_meetings),
                year=self.year,
            ),
        )

    def shortfalls(self) -> tuple[Reason, ...]:
        """What the year lacks against § 4 and SUP 2040, as reasons (empty when all is well).

        >>> import datetime
        >>> year = MeetingCalendar(year=2024, meetings=[Meeting(date=datetime.date(2024, 3, 21))])
        >>> [reason.text("en") for reason in year.shortfalls()]  # doctest: +NORMALIZE_WHITESPACE
        ['The committee has 1 meeting in 2024; the agreement asks for about six, SUP 2040 for at
        least 6. (Samarbetsavtal 2010, § 4)', 'The committee has no planning conference in 2024;
        the development programme asks for one a year. (SUP 2040)']
        """
        found: list[Reason] = []
        count = len(self.committee_meetings)
        if count < MEETINGS_PER_YEAR:
            found.append(
                Reason(
                    "§ 4",
                    plural(
                        "The committee has {count} meeting in {year}; the agreement asks for "
                        "about six, SUP 2040 for at least {minimum}.",
                        "The committee has {count} meetings in {year}; the agreement asks for "
                        "about six, SUP 2040 for at least {minimum}.",
                    ),
                    count=count,
                    year=self.year,
                    minimum=MEETINGS_PER_YEAR,
                )
            )
        if not self.planning_conferences:
            found.append(
                Reason.cited(
                    "SUP 2040",
                    "",
                    message(
                        "The committee has no planning conference in {year}; the development "
                        "programme asks for one a year."
                    ),
                    year=self.year,
                )
            )
        return tuple(found)

    def check(self, *, lang: str = "sv") -> tuple[str, ...]:
        """Warn about each shortfall, and return the messages (empty when all is well).

        The messages are the :meth:`shortfalls` in *lang*, Swedish by default like every
        other text, each with its source.
        """
        check_language(lang)
        findings = tuple(reason.text(lang) for reason in self.shortfalls())
        for finding in findings:
            warnings.warn(finding, FewMeetingsWarning, stacklevel=2)
        return findings
