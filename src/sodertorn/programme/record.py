"""Adoption records: what the sources say about each party's adoption of a programme.

The committee proposes a development programme; it "ska beslutas i respektive
kommunstyrelse för att vara gällande" (Nynäshamn KS § 55/23; Tyresö KS § 60, 2019).
An :class:`AdoptionRecord` holds what a source says about one adoption: the party, the
body, the reference (``"KS § 55/23"``) and the date, or, where the source gives no day,
the window the day must lie in (the year of the reference; the date of a document that
reports the adoption as done). :class:`InForce` is the three-valued answer
:func:`~sodertorn.programme.in_force` (in :mod:`sodertorn.programme.validity`) gives from them.
"""

from __future__ import annotations

import enum
import warnings
from typing import TYPE_CHECKING, Any

import attrs

from sodertorn.errors import GoalTreeError, SodertornDeprecationWarning, UndecidedError
from sodertorn.i18n import check_language
from sodertorn.parties import Municipality
from sodertorn.programme._checks import day, is_a, words
from sodertorn.reasons import Reason

if TYPE_CHECKING:
    import datetime

__all__ = ["EXECUTIVE_BOARD", "AdoptionRecord", "Answer", "InForce"]

EXECUTIVE_BOARD = "kommunstyrelsen"
"""The body whose adoption makes a programme valid (DOMAIN.md § 3)."""


_DAY = day()


def _date_or_none(what: str) -> Any:
    return day(f"adoption {what}", optional=True)


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

    __module__ = "sodertorn.programme"

    party: Municipality = attrs.field(
        validator=is_a(Municipality, "adopting party", error=GoalTreeError)
    )
    body: str = attrs.field(default=EXECUTIVE_BOARD, validator=words("adopting body"))
    reference: str | None = attrs.field(
        default=None, validator=words("adoption reference", optional=True)
    )
    date: datetime.date | None = attrs.field(default=None, validator=_date_or_none("date"))
    earliest: datetime.date | None = attrs.field(default=None, validator=_date_or_none("earliest"))
    latest: datetime.date | None = attrs.field(default=None, validator=_date_or_none("latest"))
    source: str = attrs.field(
        validator=words("adoption source", expected="a citation such as 'Nynäshamn KS § 55/23'")
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
        _DAY.check(day, "day")
        if self.date is not None:
            return self.date <= day
        if self.latest is not None and self.latest <= day:
            return True
        if self.earliest is not None and day < self.earliest:
            return False
        return None


class Answer(enum.Enum):
    """A three-valued answer."""

    __module__ = "sodertorn.programme"

    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


def _reasons(_: object, __: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple) or not all(isinstance(r, Reason) for r in value):
        raise GoalTreeError(f"invalid reasons {value!r}; expected a tuple of Reason values")


def _given_reason(_: object, __: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, str):
        raise GoalTreeError(f"invalid reason {value!r}; expected a str or None")
    warnings.warn(
        "InForce(reason=...) is deprecated; give reasons=(Reason.cited(...),), which "
        "explain themselves in Swedish and English",
        SodertornDeprecationWarning,
        stacklevel=3,
    )


@attrs.frozen(kw_only=True)
class InForce:
    """The answer to "is this programme in force on this day?", with its reasons.

    *reasons* say why, citing the programme (:class:`~sodertorn.reasons.Reason`);
    :meth:`explain` gives them in Swedish or English. *not_adopted* are parties whose
    adoption is recorded as later than the day; *unrecorded* are parties for which the
    records cannot say; *replaced_by* is the id of the successor that had taken over by
    the day, when that is why the answer is no. ``bool()`` works for a yes or a no and
    raises :class:`~sodertorn.UndecidedError` for an unknown.
    """

    __module__ = "sodertorn.programme"

    programme: str
    day: datetime.date
    answer: Answer
    reasons: tuple[Reason, ...] = attrs.field(default=(), validator=_reasons)
    not_adopted: tuple[Municipality, ...] = ()
    unrecorded: tuple[Municipality, ...] = ()
    replaced_by: str | None = None
    _given: str | None = attrs.field(
        default=None, alias="reason", eq=False, repr=False, validator=_given_reason
    )

    @property
    def reason(self) -> str:
        """Why, in English, without the citation.

        .. deprecated:: 0.1.0
           English only: use :meth:`explain` (``explain("en")`` for English, with the
           citation) or ``reasons`` for the reasons as data. Warns with
           :class:`~sodertorn.SodertornDeprecationWarning`.

        >>> import datetime, warnings
        >>> from sodertorn import load_programme
        >>> from sodertorn.programme import in_force
        >>> with warnings.catch_warnings():
        ...     warnings.simplefilter("ignore", DeprecationWarning)
        ...     in_force(load_programme("sup2040"), datetime.date(2027, 1, 1)).reason
        '1 January 2027 is outside the period 2023–2026'
        """
        warnings.warn(
            "InForce.reason is deprecated: it is English only; use InForce.explain(lang) "
            "or InForce.reasons",
            SodertornDeprecationWarning,
            stacklevel=2,
        )
        if self._given is not None:
            return self._given
        return "; ".join(reason.sentence("en") for reason in self.reasons)

    def explain(self, lang: str = "sv") -> str:
        """Why the answer is what it is, in *lang* (Swedish by default), citing the programme.

        >>> import datetime
        >>> from sodertorn import load_programme
        >>> from sodertorn.programme import in_force
        >>> in_force(load_programme("sup2040"), datetime.date(2027, 1, 1)).explain()
        '1 januari 2027 ligger utanför perioden 2023–2026 (SUP 2040)'
        """
        check_language(lang)
        if not self.reasons and self._given is not None:
            return self._given
        return "\n".join(reason.text(lang) for reason in self.reasons)

    def __bool__(self) -> bool:
        if self.answer is Answer.UNKNOWN:
            raise UndecidedError(
                "the answer is 'unknown'; test .answer (yes, no or unknown) instead of truth"
            )
        return self.answer is Answer.YES
