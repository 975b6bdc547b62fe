"""The banking day a payment due on 15 March is on time (§ 8 and our reading of it).

The expected dates are fixed here, read off the calendar and the law (weekends, the
public holidays of lag (1989:253), midsommarafton, julafton and nyårsafton); the
``holidays`` package computed the data file they come from, but is never asked what they
should be.
"""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sodertorn import (
    MUNICIPALITIES,
    MissingDataError,
    Population,
    annual_fees,
)
from sodertorn.fees import is_banking_day, next_banking_day

D = datetime.date


@pytest.mark.parametrize(
    ("year", "payable"),
    [(2024, D(2024, 3, 15)), (2025, D(2025, 3, 17)), (2026, D(2026, 3, 16))],
)
def test_the_worked_examples(year: int, payable: datetime.date) -> None:
    counts = {(p, year - 1): 1000 + i for i, p in enumerate(MUNICIPALITIES)}
    fees = annual_fees(year, Population(counts))
    assert fees.due_date == D(year, 3, 15)
    assert fees.payable_by == payable


@pytest.mark.parametrize(
    ("due", "payable"),
    [
        (D(2014, 3, 15), D(2014, 3, 17)),  # Saturday
        (D(2020, 3, 15), D(2020, 3, 16)),  # Sunday
        (D(2024, 12, 24), D(2024, 12, 27)),  # julafton, juldagen, annandag jul
        (D(2024, 12, 31), D(2025, 1, 2)),  # nyårsafton, nyårsdagen
        (D(2025, 6, 20), D(2025, 6, 23)),  # midsommarafton, a Friday
        (D(2025, 4, 18), D(2025, 4, 22)),  # långfredagen to annandag påsk
        (D(2025, 5, 29), D(2025, 5, 30)),  # Kristi himmelsfärdsdag
        (D(2025, 6, 6), D(2025, 6, 9)),  # nationaldagen, a Friday
        (D(2026, 1, 6), D(2026, 1, 7)),  # trettondedag jul
        (D(2025, 5, 1), D(2025, 5, 2)),  # första maj
        (D(2025, 3, 14), D(2025, 3, 14)),  # a Friday
    ],
)
def test_known_days(due: datetime.date, payable: datetime.date) -> None:
    assert next_banking_day(due) == payable
    assert is_banking_day(payable)
    assert is_banking_day(due) is (due == payable)


@given(st.dates(min_value=D(2000, 1, 1), max_value=D(2040, 12, 31)))
def test_the_next_banking_day_is_a_weekday_within_a_week(day: datetime.date) -> None:
    found = next_banking_day(day)
    assert day <= found < day + datetime.timedelta(days=7)
    assert found.weekday() < 5
    assert is_banking_day(found)
    between = (day + datetime.timedelta(days=n) for n in range((found - day).days))
    assert not any(is_banking_day(d) for d in between)


@given(st.integers(2010, 2040))
def test_payable_by_is_a_banking_day_on_or_after_the_due_date(year: int) -> None:
    due = D(year, 3, 15)
    found = next_banking_day(due)
    assert due <= found < due + datetime.timedelta(days=7)
    assert found.weekday() < 5


def test_junk_is_refused() -> None:
    with pytest.raises(MissingDataError) as caught:
        next_banking_day("2025-03-15")  # type: ignore[arg-type]
    assert str(caught.value) == (
        "day '2025-03-15' is not a date; expected a datetime.date such as 2024-03-15"
    )
    with pytest.raises(MissingDataError, match="is not a date; expected a datetime.date"):
        is_banking_day(datetime.datetime(2025, 3, 15))


def test_the_fee_outputs_need_no_calendar_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(__import__("sys").modules, "holidays", None)
    assert next_banking_day(D(2025, 3, 15)) == D(2025, 3, 17)
    assert annual_fees(2025).to_dict()["payable_by"] == "2025-03-17"


def test_days_beyond_the_calendar_are_refused_and_the_outputs_say_nothing_of_them() -> None:
    with pytest.raises(MissingDataError, match=r"covers 1953-2100, not 2101-03-15"):
        next_banking_day(D(2101, 3, 15))
    with pytest.raises(MissingDataError, match=r"covers 1953-2100, not 1952-12-31"):
        is_banking_day(D(1952, 12, 31))
    with pytest.raises(MissingDataError, match=r"no banking day on or after 2100-12-31"):
        next_banking_day(D(2100, 12, 31))
    assert next_banking_day(D(2100, 12, 30)) == D(2100, 12, 30)  # a Thursday
    assert next_banking_day(D(1953, 1, 1)) == D(1953, 1, 2)  # nyårsdagen
    counts = {(p, 2100): 1000 + i for i, p in enumerate(MUNICIPALITIES)}
    fees = annual_fees(2101, Population(counts))
    with pytest.raises(MissingDataError):
        _ = fees.payable_by
    assert fees.to_dict()["payable_by"] is None
    assert fees.rows()[0][-1] is None
    assert "15 mars 2101" in fees.table()


def test_the_fee_outputs_do_not_import_the_holidays_package() -> None:
    import subprocess
    import sys

    script = (
        "import sys; from sodertorn import annual_fees; fees = annual_fees(2025); "
        "assert str(fees.payable_by) == '2025-03-17'; fees.table(); fees.to_dict(); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'holidays'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_the_calendar_s_last_year_still_has_its_banking_days() -> None:
    # Julafton 2100 is a Friday; juldagen and annandag jul fall on the weekend after it.
    assert next_banking_day(D(2100, 12, 24)) == D(2100, 12, 27)


def test_every_line_of_the_calendar_file_is_a_weekday_within_its_years() -> None:
    # The library reads the days as text, so a malformed line would be skipped unread.
    from sodertorn.fees import banking

    first, last, closed = banking._calendar()
    with open(banking._DATA, encoding="utf-8") as file:
        lines = [line for line in file.read().splitlines() if not line.startswith("#")]
    assert len(closed) == len(lines) > 1400
    for line in lines:
        day = datetime.date.fromisoformat(line[:10])
        assert line[10] == " "
        assert first <= day.year <= last
        assert day.weekday() < 5, line
        assert not is_banking_day(day)
