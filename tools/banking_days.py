"""Write ``src/sodertorn/data/non_banking_weekdays.txt`` from the ``holidays`` package.

Run it when the ``holidays`` package changes Sweden's calendar, or to extend the years:
``python tools/banking_days.py``. The package never imports this script; it reads the file
it writes. The file lists every weekday (Monday to Friday) of the years covered that is not
a Swedish banking day: the public holidays (allmänna helgdagar) and the days treated like
them (midsommarafton, julafton, nyårsafton), the ``PUBLIC`` and ``DE_FACTO`` categories of
``holidays.country_holidays("SE")``. Weekends are never banking days and are not listed.
"""

from __future__ import annotations

import datetime
import sys
from importlib.metadata import version
from pathlib import Path

import holidays
from holidays.constants import DE_FACTO, PUBLIC

TARGET = Path(__file__).resolve().parents[1] / "src" / "sodertorn" / "data"
TARGET = TARGET / "non_banking_weekdays.txt"


def main() -> int:
    """Write the file; 0 on success."""
    # Every year the package knows Sweden's calendar for (it is silent beyond them).
    known = holidays.country_holidays("SE")
    first, last = known.start_year, known.end_year
    calendar = holidays.country_holidays(
        "SE", years=range(first, last + 1), categories=(PUBLIC, DE_FACTO)
    )
    days = sorted(day for day in calendar if day.weekday() < 5)
    header = [
        "# Weekdays that are not Swedish banking days: public holidays, midsommarafton,",
        "# julafton and nyårsafton that fall on Monday to Friday.",
        f"# Source: the holidays package {version('holidays')}, Sweden, categories PUBLIC"
        " and DE_FACTO;",
        f"# written by tools/banking_days.py on {datetime.date.today().isoformat()}.",
        f"# years: {first}-{last}",
    ]
    lines = [*header, *(f"{day.isoformat()} {calendar[day]}" for day in days)]
    TARGET.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{TARGET}: {len(days)} days, {first}-{last}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
