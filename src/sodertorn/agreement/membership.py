"""The agreement over time: who is a party on a date, and who chairs the committee.

Source: Samarbetsavtal 2010, preamble (the eight parties), § 2 (in force from 1 January
2010 until further notice), § 3 (the committee elects a chair and a vice chair among its
members every year) and § 9 (a party leaves when its notice period ends).

Our reading of § 3: the holder of a post serves from the election until the next one, so
there is always someone to call a meeting; a post that falls vacant (the party leaves, or
its member is replaced) is filled by a by-election for the rest of the term
(:class:`~sodertorn.agreement.ByElection`). Our reading of § 2: a notice that has reached the chair binds the
party; it is withdrawn only by a decision of the committee (:class:`~sodertorn.agreement.Revocation`).

An :class:`~sodertorn.Agreement` is a value: recording a notice or an election gives a new one, and
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

import enum
from typing import TYPE_CHECKING

import attrs

from sodertorn import _checks as _shared
from sodertorn.agreement import _checks
from sodertorn.agreement.notice import Notice, Revocation
from sodertorn.agreement.terms import IN_FORCE_FROM
from sodertorn.errors import GovernanceError, MissingDataError
from sodertorn.i18n import check_language
from sodertorn.parties import MUNICIPALITIES, Municipality
from sodertorn.reasons import Reason, message

if TYPE_CHECKING:
    import datetime

__all__ = ["Agreement", "ByElection", "Election", "Holder", "Post"]


class Post(enum.Enum):
    """A post the committee fills by election among its members (§ 3)."""

    __module__ = "sodertorn.agreement"

    CHAIR = message("chair")
    VICE_CHAIR = message("vice chair")


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

    __module__ = "sodertorn.agreement"

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


_POST = _shared.member(Post, GovernanceError)


def _post(value: object) -> Post:
    return _POST.check(value, "post")


@attrs.frozen(kw_only=True)
class ByElection:
    """A by-election: a vacant chair or vice chair filled for the rest of the term (§ 3).

    The post falls vacant when its holder's party leaves, or when the party's member is
    replaced; the one elected serves until the committee's next yearly election. That
    the term has begun and that *party* is a member on the day is checked when the
    by-election is recorded in an :class:`Agreement`.

    >>> import datetime
    >>> ByElection(elected_on=datetime.date(2025, 2, 6), post=Post.CHAIR, party="Haninge")
    ByElection(elected_on=datetime.date(2025, 2, 6), post=<Post.CHAIR: 'chair'>,
    party=Municipality(code='0136', name='Haninge'))
    """

    __module__ = "sodertorn.agreement"

    elected_on: datetime.date = attrs.field(converter=_election_date)
    post: Post = attrs.field(converter=_post)
    party: Municipality = attrs.field(converter=_party)


@attrs.frozen(kw_only=True)
class Holder:
    """Who holds a post on a day, since which election, and why (§ 3).

    *term_began* is the yearly election that began the term; *elected_on* the election
    of the holder, the same day or a later by-election.
    """

    __module__ = "sodertorn.agreement"

    post: Post
    party: Municipality
    day: datetime.date
    elected_on: datetime.date
    term_began: datetime.date

    @property
    def by_election(self) -> bool:
        """Whether the holder was elected in a by-election."""
        return self.elected_on != self.term_began

    def reasons(self) -> tuple[Reason, ...]:
        """Why this party holds the post on the day, each step with its paragraph."""
        found = [
            Reason(
                "§ 3",
                message(
                    "The {post} is held by {party}, elected in a by-election on {elected} for "
                    "the rest of the term that began with the election on {term}."
                )
                if self.by_election
                else message("The {post} is held by {party}, elected on {elected}."),
                post=self.post,
                party=self.party,
                elected=self.elected_on,
                term=self.term_began,
            )
        ]
        if self.day.year > self.term_began.year:
            found.append(
                Reason(
                    "§ 3",
                    message(
                        "No election after the one on {term} is recorded; the committee elects "
                        "every year, and the holder serves until the next election."
                    ),
                    term=self.term_began,
                )
            )
        return tuple(found)

    def explain(self, lang: str = "sv") -> str:
        """Explain who holds the post and since when, in Swedish or English.

        >>> import datetime
        >>> agreement = Agreement().with_election(Election(
        ...     elected_on=datetime.date(2025, 1, 16), chair="Salem", vice_chair="Nykvarn"))
        >>> print(agreement.holder_on(datetime.date(2027, 3, 1)).explain("en"))
        The chair is held by Salem, elected on 16 January 2025. (Samarbetsavtal 2010, § 3)
        No election after the one on 16 January 2025 is recorded; the committee elects every
        year, and the holder serves until the next election. (Samarbetsavtal 2010, § 3)
        """
        check_language(lang)
        return "\n".join(reason.text(lang) for reason in self.reasons())


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


def _by_elections(value: object) -> tuple[ByElection, ...]:
    items = tuple(value) if isinstance(value, (tuple, list)) else None
    if items is None or not all(isinstance(e, ByElection) for e in items):
        raise GovernanceError(f"by_elections {value!r} is not a sequence of ByElection values")
    return tuple(sorted(items, key=lambda e: (e.elected_on, e.post is Post.VICE_CHAIR)))


def _revocations(value: object) -> tuple[Revocation, ...]:
    items = tuple(value) if isinstance(value, (tuple, list)) else None
    if items is None or not all(isinstance(r, Revocation) for r in items):
        raise GovernanceError(f"revocations {value!r} is not a sequence of Revocation values")
    return tuple(sorted(items, key=lambda r: (r.decided_on, r.party)))


@attrs.frozen(kw_only=True)
class Agreement:
    """The collaboration agreement: its parties, its start, and what has changed since.

    ``Agreement()`` is the agreement of 2010 between the eight municipalities, in force
    from 1 January 2010 (§ 2). Record a notice of withdrawal with :meth:`with_notice`,
    its withdrawal by the committee with :meth:`with_revocation`, a yearly election with
    :meth:`with_election` and a by-election with :meth:`with_by_election`; a party that
    has given notice stays a party to the end of its notice period and is gone the day
    after (§§ 2, 9).

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
    by_elections: tuple[ByElection, ...] = attrs.field(default=(), converter=_by_elections)
    revocations: tuple[Revocation, ...] = attrs.field(default=(), converter=_revocations)

    def __attrs_post_init__(self) -> None:
        self._check_notices()
        self._check_revocations()
        self._check_elections()
        self._check_by_elections()

    def _check_notices(self) -> None:
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

    def _check_revocations(self) -> None:
        revoked: set[Municipality] = set()
        for revocation in self.revocations:
            notice = next((n for n in self.notices if n.party == revocation.party), None)
            if notice is None:
                raise GovernanceError(
                    f"revocation of a notice by {revocation.party.name}, which has given "
                    f"none; record the notice first with Agreement.with_notice"
                )
            if revocation.party in revoked:
                raise GovernanceError(
                    f"a second revocation of {revocation.party.name}'s notice; a notice is "
                    f"withdrawn once"
                )
            if not notice.received_by_chair <= revocation.decided_on <= notice.last_day:
                raise GovernanceError(
                    f"the committee's decision of {revocation.decided_on} to withdraw "
                    f"{revocation.party.name}'s notice falls outside the notice "
                    f"({notice.received_by_chair} to {notice.last_day}); expected a decision "
                    f"while the notice runs"
                )
            revoked.add(revocation.party)

    def _check_elections(self) -> None:
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

    def _check_by_elections(self) -> None:
        for by in self.by_elections:
            term = self._term_on(by.elected_on)
            if term is None:
                raise GovernanceError(
                    f"by-election of the {by.post.value} on {by.elected_on} has no term to "
                    f"complete: no yearly election on or before it; record one with "
                    f"Agreement.with_election"
                )
            members = self.parties_on(by.elected_on)
            if by.party not in members:
                raise GovernanceError(
                    f"{by.party.name} elected {by.post.value} on {by.elected_on} is not a "
                    f"member that day; § 3 expects one of {_checks.names(members)}"
                )
            other = Post.VICE_CHAIR if by.post is Post.CHAIR else Post.CHAIR
            # The other post at the end of that day: a vice chair moved up to chair on the day
            # a new vice chair is elected holds only the chair.
            holder = self._holder(by.elected_on, other)
            if holder[0] == by.party and holder[0] in members:
                raise GovernanceError(
                    f"{by.party.name} elected {by.post.value} on {by.elected_on} already "
                    f"holds the {other.value}; § 3 expects two different members"
                )

    def with_notice(self, notice: Notice) -> Agreement:
        """Return the agreement with *notice* recorded (§ 2, § 9); checked like the constructor."""
        return attrs.evolve(self, notices=(*self.notices, notice))

    def with_election(self, election: Election) -> Agreement:
        """Return the agreement with the year's *election* recorded (§ 3)."""
        return attrs.evolve(self, elections=(*self.elections, election))

    def with_by_election(self, by_election: ByElection) -> Agreement:
        """Return the agreement with a *by_election* recorded (§ 3).

        A by-election fills a vacant post for the rest of the term begun by the year's
        election; the committee's next yearly election ends it like any other term.

        >>> import datetime
        >>> agreement = Agreement().with_notice(Notice(
        ...     party="Salem", council_decision_date=datetime.date(2024, 1, 10),
        ...     received_by_chair=datetime.date(2024, 1, 15),
        ... )).with_election(Election(
        ...     elected_on=datetime.date(2025, 1, 16), chair="Salem", vice_chair="Nykvarn"))
        >>> agreement.chair_on(datetime.date(2025, 3, 6))
        Traceback (most recent call last):
        ...
        sodertorn.MissingDataError: the chair elected on 2025-01-16, Salem, is no longer a party on
        2025-03-06; the post is vacant: record a by-election with Agreement.with_by_election
        >>> filled = agreement.with_by_election(
        ...     ByElection(elected_on=datetime.date(2025, 2, 6), post=Post.CHAIR, party="Haninge"))
        >>> filled.chair_on(datetime.date(2025, 3, 6)).name
        'Haninge'
        """
        return attrs.evolve(self, by_elections=(*self.by_elections, by_election))

    def with_revocation(self, revocation: Revocation) -> Agreement:
        """Return the agreement with a notice withdrawn by the committee's decision (§ 2).

        The party stays a party as if it had given no notice; the notice stays on record.
        """
        return attrs.evolve(self, revocations=(*self.revocations, revocation))

    def revocation_of(self, party: Municipality | str) -> Revocation | None:
        """Return the committee's decision withdrawing *party*'s notice, if any."""
        found = _party(party)
        return next((r for r in self.revocations if r.party == found), None)

    def notice_of(self, party: Municipality | str) -> Notice | None:
        """Return the notice *party* has given, if any."""
        found = _party(party)
        return next((n for n in self.notices if n.party == found), None)

    def last_day(self, party: Municipality | str) -> datetime.date | None:
        """Return the last day *party* is a party, or ``None`` while no notice runs.

        A notice the committee has withdrawn (:meth:`with_revocation`) ends nothing.
        """
        notice = self.notice_of(party)
        if notice is None or self.revocation_of(notice.party) is not None:
            return None
        return notice.last_day

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
        revoked = {r.party for r in self.revocations}
        ended = {n.party for n in self.notices if n.last_day < day and n.party not in revoked}
        return tuple(p for p in self.parties if p not in ended)

    def in_notice_on(self, day: datetime.date) -> tuple[Municipality, ...]:
        """List the parties in their notice period on *day*: still parties, but leaving (§ 2).

        A party's notice runs from the day it reached the chair to its last day.
        """
        members = self.parties_on(day)
        revoked = {r.party for r in self.revocations}
        return tuple(
            n.party
            for n in sorted(self.notices, key=lambda n: n.party)
            if n.party in members and n.party not in revoked and n.received_by_chair <= day
        )

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

    def _term_on(self, day: datetime.date) -> Election | None:
        held = [e for e in self.elections if e.elected_on <= day]
        return held[-1] if held else None

    def _holder(
        self, day: datetime.date, post: Post
    ) -> tuple[Municipality, datetime.date, datetime.date]:
        """The party holding *post* on *day*, when elected, and when the term began."""
        term = self.election_on(day)
        party = term.chair if post is Post.CHAIR else term.vice_chair
        elected = term.elected_on
        for by in self.by_elections:
            if by.post is post and term.elected_on <= by.elected_on <= day:
                party, elected = by.party, by.elected_on
        return party, elected, term.elected_on

    def holder_on(self, day: datetime.date, post: Post = Post.CHAIR) -> Holder:
        """Who holds *post* on *day*, elected when, and why (§ 3).

        The holder serves from the yearly election, or a later by-election, until the next
        election. A holder whose party has left leaves the post vacant: that is an error
        naming the by-election to record.
        """
        day = _checks.check_date(day, "date", GovernanceError)
        post = _post(post)
        party, elected, term = self._holder(day, post)
        if party not in self.parties_on(day):
            raise MissingDataError(
                f"the {post.value} elected on {elected}, {party.name}, is no longer a party on "
                f"{day}; the post is vacant: record a by-election with "
                f"Agreement.with_by_election"
            )
        return Holder(post=post, party=party, day=day, elected_on=elected, term_began=term)

    def chair_on(self, day: datetime.date) -> Municipality:
        """Return the party whose member chairs the committee on *day* (§ 3)."""
        return self.holder_on(day, Post.CHAIR).party

    def vice_chair_on(self, day: datetime.date) -> Municipality:
        """Return the party whose member is vice chair on *day* (§ 3)."""
        return self.holder_on(day, Post.VICE_CHAIR).party
