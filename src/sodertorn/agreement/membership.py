"""The agreement over time: who is a party on a date, and who chairs the committee.

Source: Samarbetsavtal 2010, preamble (the eight parties), § 2 (in force from 1 January
2010 until further notice), § 3 (the committee elects a chair and a vice chair among its
members every year) and § 9 (a party leaves when its notice period ends).

An :class:`Agreement` is a value: recording a notice or an election gives a new one, and
nothing is ever half-recorded.

>>> import datetime
>>> from sodertorn import Agreement, Notice
>>> agreement = Agreement().with_notice(Notice(
...     party="Nykvarn",
...     council_decision_date=datetime.date(2024, 2, 26),
...     received_by_chair=datetime.date(2024, 3, 15),
... ))
>>> len(agreement.parties_on(datetime.date(2025, 3, 31)))
8
>>> len(agreement.parties_on(datetime.date(2025, 4, 1)))
7
>>> agreement.parties_on(datetime.date(2009, 12, 31))
Traceback (most recent call last):
...
sodertorn.GovernanceError: date 2009-12-31 is before the agreement came into force on 2010-01-01;
expected a date on or after it
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from sodertorn.agreement import _checks
from sodertorn.agreement.notice import Notice
from sodertorn.agreement.terms import IN_FORCE_FROM
from sodertorn.errors import GovernanceError, MissingDataError
from sodertorn.parties import MUNICIPALITIES, Municipality

if TYPE_CHECKING:
    import datetime

__all__ = ["Agreement", "Election"]


def _election_date(value: object) -> datetime.date:
    return _checks.check_date(value, "elected_on", GovernanceError)


def _party(value: object) -> Municipality:
    return _checks.party(value, GovernanceError)


@attrs.frozen(kw_only=True)
class Election:
    """The committee's yearly election of its chair and vice chair (§ 3).

    Chair and vice chair are two different parties; that both are members on the day is
    checked when the election is recorded in an :class:`Agreement`.

    >>> import datetime
    >>> Election(elected_on=datetime.date(2024, 1, 16), chair="Salem", vice_chair="Nykvarn")
    Election(elected_on=datetime.date(2024, 1, 16), chair=Municipality(code='0128', name='Salem'),
    vice_chair=Municipality(code='0140', name='Nykvarn'))
    >>> Election(elected_on=datetime.date(2024, 1, 16), chair="Salem", vice_chair="salem")
    Traceback (most recent call last):
    ...
    sodertorn.GovernanceError: chair and vice chair are both Salem; § 3 expects two different
    members
    """

    __module__ = "sodertorn"

    elected_on: datetime.date = attrs.field(converter=_election_date)
    chair: Municipality = attrs.field(converter=_party)
    vice_chair: Municipality = attrs.field(converter=_party)

    def __attrs_post_init__(self) -> None:
        if self.chair == self.vice_chair:
            raise GovernanceError(
                f"chair and vice chair are both {self.chair.name}; § 3 expects two "
                f"different members"
            )

    @property
    def year(self) -> int:
        """The year the election is for: the committee elects once a year."""
        return self.elected_on.year


def _parties(value: object) -> tuple[Municipality, ...]:
    members = _checks.parties(value, "parties", GovernanceError)
    if not members:
        raise GovernanceError("an agreement needs at least one party; got none")
    return tuple(sorted(members))


def _in_force(value: object) -> datetime.date:
    return _checks.check_date(value, "in_force_from", GovernanceError)


def _notices(value: object) -> tuple[Notice, ...]:
    items = tuple(value) if isinstance(value, (tuple, list)) else None
    if items is None or not all(isinstance(n, Notice) for n in items):
        raise GovernanceError(f"notices {value!r} is not a sequence of Notice values")
    return tuple(sorted(items, key=lambda n: (n.received_by_chair, n.party)))


def _elections(value: object) -> tuple[Election, ...]:
    items = tuple(value) if isinstance(value, (tuple, list)) else None
    if items is None or not all(isinstance(e, Election) for e in items):
        raise GovernanceError(f"elections {value!r} is not a sequence of Election values")
    return tuple(sorted(items, key=lambda e: e.elected_on))


@attrs.frozen(kw_only=True)
class Agreement:
    """The collaboration agreement: its parties, its start, and what has changed since.

    ``Agreement()`` is the agreement of 2010 between the eight municipalities, in force
    from 1 January 2010 (§ 2). Record a notice of withdrawal with :meth:`with_notice`
    and a yearly election with :meth:`with_election`; a party that has given notice
    stays a party to the end of its notice period and is gone the day after (§§ 2, 9).

    >>> import datetime
    >>> agreement = Agreement().with_election(
    ...     Election(elected_on=datetime.date(2024, 1, 16), chair="Salem", vice_chair="Nykvarn"))
    >>> agreement.chair_on(datetime.date(2024, 5, 2)).name
    'Salem'
    >>> agreement.with_election(
    ...     Election(elected_on=datetime.date(2024, 9, 12), chair="Haninge", vice_chair="Tyresö"))
    Traceback (most recent call last):
    ...
    sodertorn.GovernanceError: two elections in 2024 (2024-01-16 and 2024-09-12); § 3 expects one
    election of chair and vice chair a year
    """

    __module__ = "sodertorn"

    parties: tuple[Municipality, ...] = attrs.field(default=MUNICIPALITIES, converter=_parties)
    in_force_from: datetime.date = attrs.field(default=IN_FORCE_FROM, converter=_in_force)
    notices: tuple[Notice, ...] = attrs.field(default=(), converter=_notices)
    elections: tuple[Election, ...] = attrs.field(default=(), converter=_elections)

    def __attrs_post_init__(self) -> None:
        seen: set[Municipality] = set()
        for notice in self.notices:
            if notice.party not in self.parties:
                raise GovernanceError(
                    f"notice by {notice.party.name}, which is not a party; expected one of "
                    f"{_checks.names(self.parties)}"
                )
            if notice.party in seen:
                raise GovernanceError(
                    f"a second notice by {notice.party.name} (received "
                    f"{notice.received_by_chair}); a party gives notice once"
                )
            if notice.received_by_chair < self.in_force_from:
                raise GovernanceError(
                    f"notice by {notice.party.name} received on {notice.received_by_chair}, "
                    f"before the agreement came into force on {self.in_force_from}"
                )
            seen.add(notice.party)
        by_year: dict[int, Election] = {}
        for election in self.elections:
            earlier = by_year.get(election.year)
            if earlier is not None:
                raise GovernanceError(
                    f"two elections in {election.year} ({earlier.elected_on} and "
                    f"{election.elected_on}); § 3 expects one election of chair and vice "
                    f"chair a year"
                )
            by_year[election.year] = election
            members = self.parties_on(election.elected_on)
            for role, elected in (("chair", election.chair), ("vice chair", election.vice_chair)):
                if elected not in members:
                    raise GovernanceError(
                        f"{elected.name} elected {role} on {election.elected_on} is not a "
                        f"member that day; § 3 expects one of {_checks.names(members)}"
                    )

    def with_notice(self, notice: Notice) -> Agreement:
        """Return the agreement with *notice* recorded (§ 2, § 9); checked like the constructor."""
        return attrs.evolve(self, notices=(*self.notices, notice))

    def with_election(self, election: Election) -> Agreement:
        """Return the agreement with the year's *election* recorded (§ 3)."""
        return attrs.evolve(self, elections=(*self.elections, election))

    def notice_of(self, party: Municipality | str) -> Notice | None:
        """Return the notice *party* has given, if any."""
        found = _party(party)
        return next((n for n in self.notices if n.party == found), None)

    def last_day(self, party: Municipality | str) -> datetime.date | None:
        """Return the last day *party* is a party, or ``None`` while it has given no notice."""
        notice = self.notice_of(party)
        return None if notice is None else notice.last_day

    def parties_on(self, day: datetime.date) -> tuple[Municipality, ...]:
        """List the parties on *day*, in code order: those whose notice period has not ended.

        Source: Samarbetsavtal 2010, §§ 2 and 9.
        """
        day = _checks.check_date(day, "date", GovernanceError)
        if day < self.in_force_from:
            raise GovernanceError(
                f"date {day} is before the agreement came into force on "
                f"{self.in_force_from}; expected a date on or after it"
            )
        ended = {n.party for n in self.notices if n.last_day < day}
        return tuple(p for p in self.parties if p not in ended)

    def is_party(self, party: Municipality | str, day: datetime.date) -> bool:
        """Whether *party* is a party on *day*."""
        return _party(party) in self.parties_on(day)

    def election_on(self, day: datetime.date) -> Election:
        """Find the election in force on *day*: the latest one held on or before it (§ 3)."""
        day = _checks.check_date(day, "date", GovernanceError)
        held = [e for e in self.elections if e.elected_on <= day]
        if not held:
            raise MissingDataError(
                f"no election of a chair on or before {day}; record one with "
                f"Agreement.with_election (elections recorded: "
                f"{', '.join(str(e.elected_on) for e in self.elections) or 'none'})"
            )
        return held[-1]

    def chair_on(self, day: datetime.date) -> Municipality:
        """Return the party whose member chairs the committee on *day* (§ 3)."""
        chair = self.election_on(day).chair
        if chair not in self.parties_on(day):
            raise MissingDataError(
                f"the chair elected, {chair.name}, is no longer a party on {day}; record "
                f"a new election with Agreement.with_election"
            )
        return chair

    def vice_chair_on(self, day: datetime.date) -> Municipality:
        """Return the party whose member is vice chair on *day* (§ 3)."""
        vice = self.election_on(day).vice_chair
        if vice not in self.parties_on(day):
            raise MissingDataError(
                f"the vice chair elected, {vice.name}, is no longer a party on {day}; "
                f"record a new election with Agreement.with_election"
            )
        return vice
