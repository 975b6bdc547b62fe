"""Notice of withdrawal: when the period runs, the last day as a party, the fees still owed.

Source: Samarbetsavtal 2010, § 2 (term and notice) and § 9 (withdrawal). A party may give
notice; the notice must be decided by its municipal council (*kommunfullmäktige*) and
reach the committee's chair, and the twelve-month period runs from the turn of the month
nearest after the chair received it.

Our reading (the agreement leaves it open): the period starts on the first day of the
month after the month of receipt, even when the notice arrived on a 1st, because that
turn of the month had already passed; it ends the day before the same date twelve months
later, and the party remains a party up to and including that day. Every fee year whose
1 January falls within the membership is owed in full (§ 8, no pro rata), and nothing
already paid is refunded (§ 9).

>>> import datetime
>>> from sodertorn import Notice
>>> notice = Notice(
...     party="Nykvarn",
...     council_decision_date=datetime.date(2024, 2, 26),
...     received_by_chair=datetime.date(2024, 3, 15),
... )
>>> notice.period_start, notice.last_day
(datetime.date(2024, 4, 1), datetime.date(2025, 3, 31))
>>> notice.fee_years_owed
(2024, 2025)
>>> Notice(
...     party="Nykvarn",
...     council_decision_date=datetime.date(2024, 3, 20),
...     received_by_chair=datetime.date(2024, 3, 15),
... )
Traceback (most recent call last):
...
sodertorn.NoticeError: notice by Nykvarn reached the chair on 2024-03-15, before the council decided
on 2024-03-20; expected it to be received on or after the council's decision
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

import attrs
from dateutil.relativedelta import relativedelta

from sodertorn.agreement import _checks
from sodertorn.agreement.terms import IN_FORCE_FROM, NOTICE_MONTHS
from sodertorn.errors import NoticeError
from sodertorn.i18n import check_language
from sodertorn.money import SEK
from sodertorn.reasons import Reason, message

if TYPE_CHECKING:
    from sodertorn.parties import Municipality

__all__ = ["Notice", "Revocation", "notice_period"]


def notice_period(received_by_chair: datetime.date) -> tuple[datetime.date, datetime.date]:
    """Return the notice period, first and last day inclusive, for a notice received on a date.

    Source: Samarbetsavtal 2010, § 2. The period runs from the turn of the month after
    receipt (a notice received on the 1st waits for the next turn of the month) for
    twelve calendar months.

    >>> notice_period(datetime.date(2024, 3, 1))
    (datetime.date(2024, 4, 1), datetime.date(2025, 3, 31))
    >>> notice_period(datetime.date(2023, 12, 31))
    (datetime.date(2024, 1, 1), datetime.date(2024, 12, 31))
    >>> notice_period("2024-03-01")
    Traceback (most recent call last):
    ...
    sodertorn.NoticeError: received_by_chair '2024-03-01' is not a date; expected a datetime.date
    such as 2024-03-15
    """
    received = _checks.check_date(received_by_chair, "received_by_chair", NoticeError)
    try:
        start = received.replace(day=1) + relativedelta(months=1)
        end = start + relativedelta(months=NOTICE_MONTHS) - datetime.timedelta(days=1)
    except (OverflowError, ValueError):
        raise NoticeError(
            f"a notice received on {received} would end its notice period after "
            f"{datetime.date.max}, the last date the calendar has; expected an earlier date"
        ) from None
    return start, end


def _party(value: object) -> Municipality:
    return _checks.party(value, NoticeError)


def _received(value: object) -> datetime.date:
    return _checks.check_date(value, "received_by_chair", NoticeError)


def _council_date(value: object) -> datetime.date | None:
    if value is None:
        return None
    return _checks.check_date(value, "council_decision_date", NoticeError)


@attrs.frozen(kw_only=True)
class Notice:
    """A party's notice of withdrawal, decided by its council and received by the chair.

    Source: Samarbetsavtal 2010, § 2 and § 9. *party* may be a :class:`Municipality`, its
    name or its SCB code. A notice without a council decision (``None``), or one that
    reached the chair before the council decided, is refused with
    :class:`~sodertorn.NoticeError`: the agreement gives it no date.

    >>> import datetime
    >>> notice = Notice(
    ...     party="0140",
    ...     council_decision_date=datetime.date(2024, 2, 26),
    ...     received_by_chair=datetime.date(2024, 3, 1),
    ... )
    >>> notice.period_start, notice.period_end, notice.refund
    (datetime.date(2024, 4, 1), datetime.date(2025, 3, 31), SEK(0))
    >>> Notice(party="Nykvarn", council_decision_date=None,
    ...        received_by_chair=datetime.date(2024, 3, 1))
    Traceback (most recent call last):
    ...
    sodertorn.NoticeError: notice by Nykvarn has no council decision (council_decision_date=None); §
    2 requires the notice to be decided by the municipal council
    """

    __module__ = "sodertorn"

    party: Municipality = attrs.field(converter=_party)
    council_decision_date: datetime.date | None = attrs.field(converter=_council_date)
    received_by_chair: datetime.date = attrs.field(converter=_received)

    def __attrs_post_init__(self) -> None:
        name, received = self.party.name, str(self.received_by_chair)
        decided = self.council_decision_date
        if decided is None:
            raise NoticeError.of(
                "notice by {party} has no council decision (council_decision_date=None); "
                "§ 2 requires the notice to be decided by the municipal council",
                party=name,
            )
        if self.received_by_chair < decided:
            raise NoticeError.of(
                "notice by {party} reached the chair on {received}, before the council "
                "decided on {decided}; expected it to be received on or after the council's "
                "decision",
                party=name,
                received=received,
                decided=str(decided),
            )
        if self.received_by_chair < IN_FORCE_FROM:
            raise NoticeError.of(
                "notice by {party} received on {received}, before the agreement came into "
                "force on {start}; expected a date on or after it",
                party=name,
                received=received,
                start=str(IN_FORCE_FROM),
            )

    @property
    def period_start(self) -> datetime.date:
        """The first day of the notice period: the 1st of the month after receipt (§ 2)."""
        return notice_period(self.received_by_chair)[0]

    @property
    def period_end(self) -> datetime.date:
        """The last day of the notice period, inclusive (§ 2)."""
        return notice_period(self.received_by_chair)[1]

    @property
    def last_day(self) -> datetime.date:
        """The last day on which the party is a party: the end of the notice period."""
        return self.period_end

    @property
    def first_day_outside(self) -> datetime.date:
        """The first day on which the party is no longer a party."""
        return self.period_end + datetime.timedelta(days=1)

    @property
    def fee_years_owed(self) -> tuple[int, ...]:
        """Fee years still owed in full, from the year of the notice to the last one begun.

        A fee year is owed when its 1 January falls within the membership (our reading of
        § 8 with § 9: the full fee, no pro rata). The year in which the notice is given is
        owed too, whether or not its fee was paid before the notice.
        """
        return tuple(range(self.received_by_chair.year, self.last_day.year + 1))

    @property
    def refund(self) -> SEK:
        """What the party gets back on leaving: nothing (§ 9)."""
        return SEK(0)

    def reasons(self) -> tuple[Reason, ...]:
        """List the steps from the notice to its consequences, each with its paragraph."""
        return (
            Reason(
                "§ 2",
                message(
                    "{party}'s notice was decided by the municipal council on {decided} "
                    "and reached the committee chair on {received}."
                ),
                party=self.party,
                decided=self.council_decision_date,
                received=self.received_by_chair,
            ),
            Reason(
                "§ 2",
                message(
                    "The notice period of {months} months runs from the turn of the month "
                    "after receipt: {start} to {end}, inclusive."
                ),
                months=NOTICE_MONTHS,
                start=self.period_start,
                end=self.period_end,
            ),
            Reason(
                "§ 2",
                message("{party} is a party up to and including {last_day}."),
                party=self.party,
                last_day=self.last_day,
            ),
            Reason(
                "§ 8",
                message(
                    "A full annual fee is owed for {years} (years whose 1 January falls while "
                    "{party} is a party; the fee is not prorated)."
                ),
                years=self.fee_years_owed,
                party=self.party,
            ),
            Reason(
                "§ 9",
                message(
                    "Nothing is refunded: not fees, special project money or other contributions."
                ),
            ),
        )

    def explain(self, lang: str = "sv") -> str:
        """Explain the notice, its period and its consequences, in Swedish or English.

        >>> import datetime
        >>> notice = Notice(party="Nykvarn", council_decision_date=datetime.date(2024, 2, 26),
        ...                 received_by_chair=datetime.date(2024, 3, 15))
        >>> print(notice.explain("en"))
        Nykvarn's notice was decided by the municipal council on 26 February 2024 and reached the
        committee chair on 15 March 2024. (Samarbetsavtal 2010, § 2)
        The notice period of 12 months runs from the turn of the month after receipt: 1 April 2024
        to 31 March 2025, inclusive. (Samarbetsavtal 2010, § 2)
        Nykvarn is a party up to and including 31 March 2025. (Samarbetsavtal 2010, § 2)
        A full annual fee is owed for 2024 and 2025 (years whose 1 January falls while Nykvarn is a
        party; the fee is not prorated). (Samarbetsavtal 2010, § 8)
        Nothing is refunded: not fees, special project money or other contributions. (Samarbetsavtal
        2010, § 9)
        """
        check_language(lang)
        return "\n".join(reason.text(lang) for reason in self.reasons())


def _decided(value: object) -> datetime.date:
    return _checks.check_date(value, "decided_on", NoticeError)


def _matter(value: object) -> str:
    return _checks.check_text(value, "matter", NoticeError, "a description of the matter")


@attrs.frozen(kw_only=True)
class Revocation:
    """The committee's decision to let a party withdraw its notice (§ 2, our reading).

    A notice that has reached the chair binds the party that gave it; the party stays
    only if the committee agrees, by a decision recorded in its minutes (§ 3). Make one
    from an adopted decision with :meth:`Decision.revocation
    <sodertorn.agreement.Decision.revocation>`, or from the minutes' date and matter.

    >>> import datetime
    >>> Revocation(party="Nykvarn", decided_on=datetime.date(2024, 9, 12),
    ...            matter="Nykvarn withdraws its notice")
    Revocation(party=Municipality(code='0140', name='Nykvarn'), decided_on=datetime.date(2024, 9,
    12), matter='Nykvarn withdraws its notice')
    """

    __module__ = "sodertorn.agreement"

    party: Municipality = attrs.field(converter=_party)
    decided_on: datetime.date = attrs.field(converter=_decided)
    matter: str = attrs.field(converter=_matter)

    def reasons(self) -> tuple[Reason, ...]:
        """Why the notice no longer ends the membership."""
        return (
            Reason(
                "§ 2",
                message(
                    "The committee decided on {date} that {party} may withdraw its notice "
                    "({matter}); {party} remains a party."
                ),
                date=self.decided_on,
                party=self.party,
                matter=self.matter,
            ),
        )
