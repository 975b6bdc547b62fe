"""Swedish banking days: when a payment due on a given day is on time.

Samarbetsavtal 2010, § 8, makes the fee due no later than 15 March. Our reading
(docs/decisions.md): when that day is not a Swedish banking day, payment on the next
banking day is on time, by analogy with lag (1930:173) om beräkning av lagstadgad tid.
A banking day is a weekday that is neither a public holiday nor one of the days the law
treats like one (midsommarafton, julafton and nyårsafton).

The calendar is the ``holidays`` package's for Sweden, for every year that package
covers (1953–2100), shipped as the data file ``data/non_banking_weekdays.txt``, which
``tools/banking_days.py`` writes from it. The library reads the file, so the fee outputs
need neither the package nor the time it takes to import; a day outside those years is
refused.

>>> import datetime
>>> next_banking_day(datetime.date(2025, 3, 15))  # a Saturday
datetime.date(2025, 3, 17)
>>> next_banking_day(datetime.date(2024, 3, 15))  # a Friday
datetime.date(2024, 3, 15)
>>> next_banking_day(datetime.date(2101, 3, 15))
Traceback (most recent call last):
...
sodertorn.MissingDataError: the Swedish banking-day calendar covers 1953-2100, not 2101-03-15
"""

from __future__ import annotations

import datetime
import functools
import os

from sodertorn import _checks
from sodertorn.errors import MissingDataError

__all__ = ["is_banking_day", "next_banking_day", "payable_by_or_none"]

_DATA = os.path.join(os.path.dirname(os.path.dirname(__file__)), "data", "non_banking_weekdays.txt")


@functools.cache
def _calendar() -> tuple[int, int, frozenset[str]]:
    """The years the data file covers, and the weekdays in them that are no banking days.

    The days as ISO dates (``2024-12-24``), as the file writes them: a day is looked up by
    its ``isoformat()``, which spares reading some 1 450 dates to ask about one.
    """
    with open(_DATA, encoding="utf-8") as file:
        lines = file.read().splitlines()
    years = next(line for line in lines if line.startswith("# years: "))
    first, _, last = years.removeprefix("# years: ").partition("-")
    closed = frozenset(line[:10] for line in lines if not line.startswith("#"))
    return int(first), int(last), closed


_DAY = _checks.date(MissingDataError)


def _checked(day: object) -> datetime.date:
    checked = _DAY.check(day, "day")
    first, last, _ = _calendar()
    if not first <= checked.year <= last:
        raise MissingDataError(
            f"the Swedish banking-day calendar covers {first}-{last}, not {checked.isoformat()}"
        )
    return checked


def is_banking_day(day: datetime.date) -> bool:
    """Whether *day* is a Swedish banking day (not a weekend, holiday or holiday eve)."""
    checked = _checked(day)
    return checked.weekday() < 5 and checked.isoformat() not in _calendar()[2]  # Monday to Friday


def next_banking_day(day: datetime.date) -> datetime.date:
    """The first Swedish banking day on or after *day*."""
    current = _checked(day)
    first, last, closed = _calendar()
    while current.weekday() >= 5 or current.isoformat() in closed:
        current += datetime.timedelta(days=1)
        if current.year > last:
            raise MissingDataError(
                f"the Swedish banking-day calendar covers {first}-{last}; "
                f"it has no banking day on or after {day.isoformat()}"
            )
    return current


def payable_by_or_none(due: datetime.date) -> datetime.date | None:
    """:func:`next_banking_day` of *due*, or ``None`` beyond the calendar's years.

    For outputs that show the banking day when they can and the due date always.
    """
    try:
        return next_banking_day(due)
    except MissingDataError:
        return None
