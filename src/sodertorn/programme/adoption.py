"""Adoption: a programme is valid only once every party's executive board has adopted it.

The committee proposes a development programme; it "ska beslutas i respektive
kommunstyrelse för att vara gällande" (Nynäshamn KS § 55/23; Tyresö KS § 60, 2019).
An :class:`AdoptionRecord` holds what a source says about one adoption: the party, the
body, the reference (``"KS § 55/23"``) and the date, or, where the source gives no day,
the window the day must lie in (the year of the reference; the date of a document that
reports the adoption as done).

:func:`in_force` answers with a three-valued :class:`InForce`: yes, no, or unknown with
the parties whose adoption is not recorded. It never guesses, and refuses to be used as a
plain truth value:

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
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import attrs

from sodertorn.errors import GoalTreeError, UndecidedError
from sodertorn.i18n import check_language, format_date, gettext, join_list, ngettext
from sodertorn.parties import MUNICIPALITIES, Municipality

if TYPE_CHECKING:
    from sodertorn.programme.model import Programme

__all__ = ["EXECUTIVE_BOARD", "AdoptionRecord", "Answer", "InForce", "in_force"]

EXECUTIVE_BOARD = "kommunstyrelsen"
"""The body whose adoption makes a programme valid (DOMAIN.md § 3)."""


def _date_or_none(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and (
        not isinstance(value, datetime.date) or isinstance(value, datetime.datetime)
    ):
        raise GoalTreeError(
            f"invalid adoption {attribute.name} {value!r}; expected a datetime.date or None"
        )


def _text_or_none(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and not (isinstance(value, str) and value.strip()):
        raise GoalTreeError(
            f"invalid adoption {attribute.name} {value!r}; expected a non-empty string or None"
        )


@attrs.frozen(kw_only=True)
class AdoptionRecord:
    """One party's adoption of a programme, as a source records it.

    Give *date* when the source names the day. Otherwise give the window the day lies
    in: *earliest* and/or *latest* (both inclusive); an open end is unknown.

    >>> import datetime
    >>> from sodertorn import municipality
    >>> record = AdoptionRecord(party=municipality("Tyresö"), reference="KS § 78",
    ...                         date=datetime.date(2013, 4, 29), source="SUP 2035, Tyresö § 60")
    >>> record.adopted_by(datetime.date(2013, 5, 1)), record.adopted_by(datetime.date(2013, 1, 1))
    (True, False)
    >>> AdoptionRecord(party=municipality("Salem"), source="x",
    ...                earliest=datetime.date(2024, 1, 1), latest=datetime.date(2023, 1, 1))
    Traceback (most recent call last):
    ...
    sodertorn.GoalTreeError: adoption window for Salem is empty: earliest 2024-01-01 is after ...
    """

    __module__ = "sodertorn"

    party: Municipality = attrs.field()
    body: str = attrs.field(default=EXECUTIVE_BOARD)
    reference: str | None = attrs.field(default=None, validator=_text_or_none)
    date: datetime.date | None = attrs.field(default=None, validator=_date_or_none)
    earliest: datetime.date | None = attrs.field(default=None, validator=_date_or_none)
    latest: datetime.date | None = attrs.field(default=None, validator=_date_or_none)
    source: str = attrs.field()

    @party.validator
    def _check_party(self, _: attrs.Attribute[Municipality], value: object) -> None:
        if not isinstance(value, Municipality):
            raise GoalTreeError(f"invalid adopting party {value!r}; expected a Municipality")

    @body.validator
    def _check_body(self, _: attrs.Attribute[str], value: object) -> None:
        if not (isinstance(value, str) and value.strip()):
            raise GoalTreeError(f"invalid adopting body {value!r}; expected a non-empty string")

    @source.validator
    def _check_source(self, _: attrs.Attribute[str], value: object) -> None:
        if not (isinstance(value, str) and value.strip()):
            raise GoalTreeError(
                f"invalid adoption source {value!r}; expected a citation such as "
                f"'Nynäshamn KS § 55/23'"
            )

    def __attrs_post_init__(self) -> None:
        if self.date is not None and (self.earliest is not None or self.latest is not None):
            raise GoalTreeError(
                f"adoption by {self.party.name} has a date {self.date.isoformat()} and a "
                f"window; expected one or the other"
            )
        if self.earliest is not None and self.latest is not None and self.earliest > self.latest:
            raise GoalTreeError(
                f"adoption window for {self.party.name} is empty: earliest "
                f"{self.earliest.isoformat()} is after latest {self.latest.isoformat()}"
            )

    def adopted_by(self, day: datetime.date) -> bool | None:
        """Whether the adoption had happened on *day*; ``None`` if the source cannot say."""
        if not _is_day(day):
            raise GoalTreeError(f"invalid day {day!r}; expected a datetime.date")
        if self.date is not None:
            return self.date <= day
        if self.latest is not None and self.latest <= day:
            return True
        if self.earliest is not None and day < self.earliest:
            return False
        return None


class Answer(enum.Enum):
    """A three-valued answer."""

    __module__ = "sodertorn"

    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


@attrs.frozen(kw_only=True)
class InForce:
    """The answer to "is this programme in force on this day?", with its reasons.

    *not_adopted* are parties whose adoption is recorded as later than the day;
    *unrecorded* are parties for which the records cannot say. ``bool()`` works for a
    yes or a no and raises :class:`~sodertorn.UndecidedError` for an unknown.
    """

    __module__ = "sodertorn"

    programme: str
    day: datetime.date
    answer: Answer
    reason: str
    """Why, in English; :meth:`explain` gives it in Swedish or English."""
    not_adopted: tuple[Municipality, ...] = ()
    unrecorded: tuple[Municipality, ...] = ()
    _explain: Any = attrs.field(default=None, eq=False, repr=False, alias="_explain")

    def explain(self, lang: str = "sv") -> str:
        """Why the answer is what it is, in *lang* (Swedish by default).

        >>> from sodertorn import load_programme
        >>> in_force(load_programme("sup2040"), datetime.date(2027, 1, 1)).explain()
        '1 januari 2027 ligger utanför perioden 2023–2026'
        """
        check_language(lang)
        return self.reason if self._explain is None else str(self._explain(lang))

    def __bool__(self) -> bool:
        if self.answer is Answer.UNKNOWN:
            raise UndecidedError(
                "the answer is 'unknown'; test .answer (yes, no or unknown) instead of truth"
            )
        return self.answer is Answer.YES


def _is_day(value: object) -> bool:
    return isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)


def _party_status(records: Iterable[AdoptionRecord], day: datetime.date) -> bool | None:
    answers = [record.adopted_by(day) for record in records]
    if True in answers:
        return True
    if None in answers or not answers:
        return None
    return False


def in_force(
    programme: Programme,
    day: datetime.date,
    *,
    parties: Iterable[Municipality] | None = None,
) -> InForce:
    """Whether *programme* is in force on *day*: yes, no, or unknown.

    Yes when *day* lies in the programme's period, on or after its decision date, and
    every party (default: the eight) has a recorded executive-board adoption on or before
    *day*. No when *day* is outside the period or before the decision, or some party is
    recorded as adopting later. Otherwise unknown, naming the parties the records cannot
    answer for. Only records whose body is the executive board count.

    Source: SUP 2040 (Nynäshamn KS § 55/23, "Ärendet"); SUP 2035 (Tyresö KS § 60, 2019).

    >>> from sodertorn import load_programme
    >>> in_force(load_programme("sup2040"), datetime.date(2027, 1, 1)).reason
    'January 1, 2027 is outside the period 2023–2026'
    >>> in_force(load_programme("sup2040"), "2024-01-01")
    Traceback (most recent call last):
    ...
    sodertorn.GoalTreeError: invalid day '2024-01-01'; expected a datetime.date
    """
    from sodertorn.programme.model import check_programme  # noqa: PLC0415 - import cycle

    check_programme(programme)
    if not _is_day(day):
        raise GoalTreeError(f"invalid day {day!r}; expected a datetime.date")
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

    def answer(
        value: Answer, why: Callable[[str], str], **found: tuple[Municipality, ...]
    ) -> InForce:
        return InForce(
            programme=programme.id, day=day, answer=value, reason=why("en"), _explain=why, **found
        )

    def names(parties: tuple[Municipality, ...], lang: str) -> str:
        return join_list((party.name for party in parties), lang)

    if day.year not in programme.period:
        return answer(
            Answer.NO,
            lambda lang: gettext("{day} is outside the period {period}", lang).format(
                day=format_date(day, lang), period=programme.period
            ),
        )
    decided = programme.decided
    if decided is not None and day < decided:
        return answer(
            Answer.NO,
            lambda lang: gettext(
                "{day} is before the committee's decision on {decided}", lang
            ).format(day=format_date(day, lang), decided=format_date(decided, lang)),
        )
    status = {
        party: _party_status(
            (r for r in programme.adoptions if r.party == party and r.body == EXECUTIVE_BOARD),
            day,
        )
        for party in required
    }
    later = tuple(party for party, adopted in status.items() if adopted is False)
    unknown = tuple(party for party, adopted in status.items() if adopted is None)
    if later:
        return answer(
            Answer.NO,
            lambda lang: gettext("not yet adopted by {names}", lang).format(
                names=names(later, lang)
            ),
            not_adopted=later,
        )
    if unknown:
        return answer(
            Answer.UNKNOWN,
            lambda lang: gettext("no adoption on record by {day} for {names}", lang).format(
                day=format_date(day, lang), names=names(unknown, lang)
            ),
            unrecorded=unknown,
        )
    return answer(
        Answer.YES,
        lambda lang: ngettext(
            "adopted by the {count} party", "adopted by all {count} parties", len(required), lang
        ).format(count=len(required)),
    )
