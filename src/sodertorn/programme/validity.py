"""Whether a programme is in force on a day: yes, no, or unknown, never a guess.

A programme is in force from the day every party's executive board has adopted it until
its successor is (DOMAIN.md § 5, "Programmes in force"): SUP 2013 ended when SUP 2035
took over, SUP 2035 when SUP 2040 did. A successor is a programme whose ``replaces``
names this one; the chain is followed, so that SUP 2040 in force also ends SUP 2013.

:func:`in_force` answers with a three-valued :class:`~sodertorn.programme.InForce`, which refuses
to be used as a plain truth value:

>>> import datetime
>>> from sodertorn import load_programme
>>> sup = load_programme("sup2040")
>>> sup.in_force(datetime.date(2024, 6, 1)).answer
<Answer.YES: 'yes'>
>>> result = sup.in_force(datetime.date(2023, 3, 1))
>>> result.answer, len(result.unrecorded), result.unrecorded[-1].name
(<Answer.UNKNOWN: 'unknown'>, 8, 'Nynäshamn')
>>> bool(result)
Traceback (most recent call last):
...
sodertorn.UndecidedError: the answer is 'unknown'; test .answer (yes, no or unknown) ...
>>> in_force(load_programme("sup2013"), datetime.date(2024, 6, 1)).replaced_by
'sup2035'
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from sodertorn.errors import GoalTreeError
from sodertorn.parties import MUNICIPALITIES, Municipality
from sodertorn.programme._checks import day
from sodertorn.programme.builtin import load_programme, programme_names
from sodertorn.programme.model import Programme, check_programme
from sodertorn.programme.record import EXECUTIVE_BOARD, AdoptionRecord, Answer, InForce
from sodertorn.reasons import Plural, Reason, message, plural

__all__ = ["in_force"]


_DAY = day()


def _party_status(records: Iterable[AdoptionRecord], day: datetime.date) -> bool | None:
    answers = [record.adopted_by(day) for record in records]
    if True in answers:
        return True
    if None in answers or not answers:
        return None
    return False


def _records(programme: Programme, party: Municipality) -> list[AdoptionRecord]:
    return [r for r in programme.adoptions if r.party == party and r.body == EXECUTIVE_BOARD]


def _check_parties(parties: Iterable[Municipality] | None) -> tuple[Municipality, ...]:
    if parties is not None and (
        isinstance(parties, (str, bytes, Municipality)) or not isinstance(parties, Iterable)
    ):
        raise GoalTreeError(
            f"invalid parties {parties!r}; expected a collection of Municipality values"
        )
    required = tuple(MUNICIPALITIES if parties is None else parties)
    if not required:
        raise GoalTreeError("no parties given; expected at least one Municipality")
    for party in required:
        if not isinstance(party, Municipality):
            raise GoalTreeError(f"invalid party {party!r}; expected a Municipality")
    return required


def _check_programmes(programmes: Iterable[Programme] | None) -> tuple[Programme, ...]:
    if programmes is None:
        return tuple(load_programme(name) for name in programme_names())
    if isinstance(programmes, (str, bytes, Programme)) or not isinstance(programmes, Iterable):
        raise GoalTreeError(
            f"invalid programmes {programmes!r}; expected a collection of Programme values "
            f"to look for successors in"
        )
    found = tuple(programmes)
    for candidate in found:
        check_programme(candidate)
    return found


def _answer(
    programme: Programme,
    day: datetime.date,
    value: Answer,
    why: Reason,
    *,
    not_adopted: tuple[Municipality, ...] = (),
    unrecorded: tuple[Municipality, ...] = (),
    replaced_by: str | None = None,
) -> InForce:
    """An answer that explains itself with *why*."""
    return InForce(
        programme=programme.id,
        day=day,
        answer=value,
        reasons=(why,),
        not_adopted=not_adopted,
        unrecorded=unrecorded,
        replaced_by=replaced_by,
    )


def _why(programme: Programme, template: str | Plural, /, **values: object) -> Reason:
    """A reason that rests on the programme: its period, its decision, its adoptions."""
    return Reason.cited(programme.short_name, "", template, **values)


def _own_answer(
    programme: Programme, day: datetime.date, required: tuple[Municipality, ...]
) -> InForce:
    """The answer from the programme's own period, decision and adoption records."""
    if day.year not in programme.period:
        return _answer(
            programme,
            day,
            Answer.NO,
            _why(
                programme,
                message("{day} is outside the period {period}"),
                day=day,
                period=programme.period,
            ),
        )
    decided = programme.decided
    if decided is not None and day < decided:
        return _answer(
            programme,
            day,
            Answer.NO,
            _why(
                programme,
                message("{day} is before the committee's decision on {decided}"),
                day=day,
                decided=decided,
            ),
        )
    status = {party: _party_status(_records(programme, party), day) for party in required}
    later = tuple(party for party, adopted in status.items() if adopted is False)
    unknown = tuple(party for party, adopted in status.items() if adopted is None)
    if later:
        return _answer(
            programme,
            day,
            Answer.NO,
            _why(programme, message("not yet adopted by {names}"), names=later),
            not_adopted=later,
        )
    if unknown:
        return _answer(
            programme,
            day,
            Answer.UNKNOWN,
            _why(
                programme,
                message("no adoption on record by {day} for {names}"),
                day=day,
                names=unknown,
            ),
            unrecorded=unknown,
        )
    return _answer(
        programme,
        day,
        Answer.YES,
        _why(
            programme,
            plural("adopted by its only party", "adopted by all {count} parties"),
            count=len(required),
        ),
    )


def _started(
    programme: Programme, day: datetime.date, required: tuple[Municipality, ...]
) -> Answer:
    """Whether *programme* had come into force on some day up to *day*, by its records."""
    first = datetime.date(programme.period.start, 1, 1)
    if programme.decided is not None:
        first = max(first, programme.decided)
    if day < first:
        return Answer.NO
    certain: list[datetime.date] = []
    for party in required:
        records = _records(programme, party)
        if _party_status(records, day) is False:
            return Answer.NO
        known = [record.date or record.latest for record in records]
        days = [found for found in known if found is not None]
        if not days:
            return Answer.UNKNOWN
        certain.append(min(days))
    start = max([first, *certain])
    ended = programme.period.end is not None and start.year > programme.period.end
    return Answer.YES if start <= day and not ended else Answer.UNKNOWN


def _taken_over(
    programme: Programme,
    day: datetime.date,
    required: tuple[Municipality, ...],
    pool: tuple[Programme, ...],
    seen: frozenset[str],
) -> tuple[Answer, Programme | None]:
    """Whether *programme* or a programme after it had come into force by *day*.

    With a yes comes the programme found in force: *programme* itself or one after it.
    """
    later = [
        _taken_over(successor, day, required, pool, seen | {successor.id})
        for successor in _successors(programme, pool, seen)
    ]
    for found, which in later:
        if found is Answer.YES:
            return found, which
    own = _started(programme, day, required)
    if own is Answer.YES:
        return own, programme
    if own is Answer.UNKNOWN or any(found is Answer.UNKNOWN for found, _ in later):
        return Answer.UNKNOWN, None
    return Answer.NO, None


def _successors(
    programme: Programme, pool: tuple[Programme, ...], seen: frozenset[str]
) -> tuple[Programme, ...]:
    return tuple(
        candidate
        for candidate in pool
        if candidate.replaces == programme.id and candidate.id not in seen
    )


def in_force(
    programme: Programme,
    day: datetime.date,
    *,
    parties: Iterable[Municipality] | None = None,
    programmes: Iterable[Programme] | None = None,
) -> InForce:
    """Whether *programme* is in force on *day*: yes, no, or unknown.

    Yes when *day* lies in the programme's period, on or after its decision date, every
    party (default: the eight) has a recorded executive-board adoption on or before
    *day*, and no successor had taken over by then. No when *day* is outside the period
    or before the decision, some party is recorded as adopting later, or a successor (a
    programme whose ``replaces`` names this one, or a programme after that one) had come
    into force by *day*. Otherwise unknown, naming the parties the records cannot answer
    for. Only records whose body is the executive board count. Successors are looked for
    in *programmes*, by default the built-in ones. The answer's reason
    (``InForce.reasons``) cites the programme.

    Source: SUP 2040 (Nynäshamn KS § 55/23, "Ärendet"); SUP 2035 (Tyresö KS § 60, 2019);
    DOMAIN.md § 5 ("Programmes in force").

    >>> from sodertorn import load_programme
    >>> in_force(load_programme("sup2040"), datetime.date(2027, 1, 1)).explain("en")
    '1 January 2027 is outside the period 2023–2026 (SUP 2040)'
    >>> in_force(load_programme("sup2013"), datetime.date(2024, 6, 1)).answer
    <Answer.NO: 'no'>
    >>> in_force(load_programme("sup2040"), "2024-01-01")
    Traceback (most recent call last):
    ...
    sodertorn.GoalTreeError: invalid day '2024-01-01'; expected a datetime.date such as 2024-03-15
    """
    check_programme(programme)
    _DAY.check(day, "day")
    required = _check_parties(parties)
    pool = _check_programmes(programmes)
    own = _own_answer(programme, day, required)
    if own.answer is Answer.NO:
        return own
    seen = frozenset({programme.id})
    doubt: Programme | None = None
    for successor in _successors(programme, pool, seen):
        found, which = _taken_over(successor, day, required, pool, seen | {successor.id})
        if found is Answer.YES and which is not None:
            return _answer(
                programme,
                day,
                Answer.NO,
                _replaced(programme, successor, which, day),
                replaced_by=successor.id,
            )
        if found is Answer.UNKNOWN and doubt is None:
            doubt = successor
    if doubt is not None and own.answer is Answer.YES:
        return _answer(
            programme,
            day,
            Answer.UNKNOWN,
            _why(
                programme,
                message(
                    "{reason}, but the records cannot say whether {successor}, which replaces "
                    "it, had come into force by {day}"
                ),
                reason=own.reasons[0],
                successor=doubt.short_name,
                day=day,
            ),
        )
    return own


def _replaced(
    programme: Programme, successor: Programme, which: Programme, day: datetime.date
) -> Reason:
    """Why a programme is over: *successor*, or *which* after it, was in force by *day*."""
    if which is successor:
        return _why(
            programme,
            message("replaced by {successor}, in force by {day}"),
            successor=successor.short_name,
            day=day,
        )
    return _why(
        programme,
        message("replaced by {successor}; {later}, which follows it, was in force by {day}"),
        successor=successor.short_name,
        later=which.short_name,
        day=day,
    )
