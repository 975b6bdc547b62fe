"""Swedish banking days: when a payment due on a given day is on time.

Samarbetsavtal 2010, § 8, makes the fee due no later than 15 March. Our reading
(docs/decisions.md): when that day is not a Swedish banking day, payment on the next
banking day is on time, by analogy with lag (1930:173) om beräkning av lagstadgad tid.
A banking day is a weekday that is neither a public holiday nor one of the days the law
treats like one (midsommarafton, julafton and nyårsafton). The calendar is the
``holidays`` package's for Sweden (``pip install 'sodertorn[holidays]'``), imported
only when a banking day is asked for.

>>> import datetime
>>> next_banking_day(datetime.date(2025, 3, 15))  # a Saturday
datetime.date(2025, 3, 17)
>>> next_banking_day(datetime.date(2024, 3, 15))  # a Friday
datetime.date(2024, 3, 15)
"""

from __future__ import annotations

import datetime
import functools
from typing import TYPE_CHECKING

from sodertorn.errors import MissingDataError, MissingDependencyError

if TYPE_CHECKING:
    from holidays import HolidayBase

__all__ = ["is_banking_day", "next_banking_day", "payable_by_or_none"]


@functools.lru_cache(maxsize=64)
def _calendar(year: int) -> HolidayBase:
    try:
        import holidays  # noqa: PLC0415 - optional and heavy: only when a banking day is asked
        from holidays.constants import DE_FACTO, PUBLIC  # noqa: PLC0415
    except ImportError:
        raise MissingDependencyError(
            "the banking day needs the holidays package; install it with: "
            "pip install 'sodertorn[holidays]'"
        ) from None
    # PUBLIC: allmänna helgdagar; DE_FACTO: midsommarafton, julafton and nyårsafton.
    return holidays.country_holidays("SE", years=year, categories=(PUBLIC, DE_FACTO))


def _checked(day: object) -> datetime.date:
    if not isinstance(day, datetime.date) or isinstance(day, datetime.datetime):
        raise MissingDataError(f"day {day!r} is not a datetime.date")
    return day


def is_banking_day(day: datetime.date) -> bool:
    """Whether *day* is a Swedish banking day (not a weekend, holiday or holiday eve)."""
    checked = _checked(day)
    return bool(_calendar(checked.year).is_working_day(checked))


def next_banking_day(day: datetime.date) -> datetime.date:
    """The first Swedish banking day on or after *day*."""
    current = _checked(day)
    while not is_banking_day(current):
        if current == datetime.date.max:
            raise MissingDataError(f"no banking day on or after {day}")
        current += datetime.timedelta(days=1)
    return current


def payable_by_or_none(due: datetime.date) -> datetime.date | None:
    """:func:`next_banking_day` of *due*, or ``None`` when the holidays package is missing.

    For outputs that show the banking day when they can and the due date always.
    """
    try:
        return next_banking_day(due)
    except MissingDependencyError:
        return None
