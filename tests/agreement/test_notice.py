from __future__ import annotations

import datetime

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given

from sodertorn import SEK, Notice, NoticeError, SodertornError, municipality
from sodertorn.agreement import Revocation, notice_period
from sodertorn.i18n import error_text
from sodertorn.testing import notices, receipt_dates

D = datetime.date
NYKVARN = municipality("Nykvarn")


DECIDED = D(2024, 2, 26)


def nykvarn(received: D, decided: D | None = DECIDED) -> Notice:
    return Notice(party=NYKVARN, council_decision_date=decided, received_by_chair=received)


# Worked examples from the brief (DOMAIN.md, § 2 Decision).


def test_received_mid_month_runs_april_to_march() -> None:
    notice = nykvarn(D(2024, 3, 15))
    assert (notice.period_start, notice.period_end) == (D(2024, 4, 1), D(2025, 3, 31))
    assert notice.last_day == D(2025, 3, 31)
    assert notice.first_day_outside == D(2025, 4, 1)


def test_received_on_the_first_waits_for_the_next_turn_of_the_month() -> None:
    assert nykvarn(D(2024, 3, 1)).period_start == D(2024, 4, 1)


def test_received_in_december_starts_in_january() -> None:
    assert notice_period(D(2024, 12, 31)) == (D(2025, 1, 1), D(2025, 12, 31))


def test_received_on_leap_day() -> None:
    assert notice_period(D(2024, 2, 29)) == (D(2024, 3, 1), D(2025, 2, 28))


def test_fee_years_owed_run_from_the_notice_to_the_last_year_begun() -> None:
    assert nykvarn(D(2024, 3, 15)).fee_years_owed == (2024, 2025)
    # Period 2025-01-01..2025-12-31: 1 January 2026 is outside, so 2026 is not owed.
    assert nykvarn(D(2024, 12, 2)).fee_years_owed == (2024, 2025)


def test_nothing_is_refunded() -> None:
    assert nykvarn(D(2024, 3, 15)).refund == SEK(0)


def test_party_by_name_or_code() -> None:
    assert (
        Notice(
            party="0140", council_decision_date=D(2024, 1, 1), received_by_chair=D(2024, 1, 1)
        ).party
        == NYKVARN
    )


def test_council_decision_on_the_day_of_receipt_is_accepted() -> None:
    assert nykvarn(D(2024, 3, 15), decided=D(2024, 3, 15)).period_start == D(2024, 4, 1)


# Refusals.


def test_not_decided_by_the_council() -> None:
    with pytest.raises(NoticeError, match=r"notice by Nykvarn has no council decision"):
        nykvarn(D(2024, 3, 15), decided=None)


def test_received_before_the_council_decided() -> None:
    with pytest.raises(NoticeError) as raised:
        nykvarn(D(2024, 3, 15), decided=D(2024, 3, 20))
    assert isinstance(raised.value, ValueError)
    assert isinstance(raised.value, SodertornError)
    assert "reached the chair on 2024-03-15, before the council decided on 2024-03-20" in str(
        raised.value
    )


def test_received_before_the_agreement() -> None:
    with pytest.raises(NoticeError, match=r"before the agreement came into force on 2010-01-01"):
        nykvarn(D(2009, 12, 1), decided=D(2009, 11, 1))


@pytest.mark.parametrize(
    ("field", "value", "pattern"),
    [
        ("party", "Stockholm", r"unknown municipality 'Stockholm'"),
        ("party", 140, r"party 140 is not a municipality"),
        ("received_by_chair", "2024-03-15", r"received_by_chair '2024-03-15' is not a date"),
        (
            "received_by_chair",
            datetime.datetime(2024, 3, 15, 12),
            r"received_by_chair datetime.datetime\(2024, 3, 15, 12, 0\) is not a date",
        ),
        ("council_decision_date", "yesterday", r"council_decision_date 'yesterday' is not a date"),
    ],
)
def test_bad_arguments_name_the_value(field: str, value: object, pattern: str) -> None:
    arguments: dict[str, object] = {
        "party": NYKVARN,
        "council_decision_date": D(2024, 2, 26),
        "received_by_chair": D(2024, 3, 15),
        field: value,
    }
    with pytest.raises(NoticeError, match=pattern):
        Notice(**arguments)


def test_explain_in_both_languages() -> None:
    notice = nykvarn(D(2024, 3, 15))
    english, swedish = notice.explain("en"), notice.explain("sv")
    assert "1 April 2024 to 31 March 2025, inclusive" in english
    assert "1 april 2024 till och med 31 mars 2025" in swedish
    assert "Nykvarn är avtalspart till och med den 31 mars 2025" in swedish
    for section in ("§ 2", "§ 8", "§ 9"):
        assert f"(Samarbetsavtal 2010, {section})" in english
    assert "Hel årsavgift ska betalas för 2024 och 2025" in swedish


# Properties.


@given(receipt_dates())
def test_period_starts_on_a_first_strictly_after_receipt(received: D) -> None:
    start, _ = notice_period(received)
    assert start.day == 1
    assert start > received
    assert (start.year, start.month) == (
        (received.year + 1, 1) if received.month == 12 else (received.year, received.month + 1)
    )


@given(receipt_dates())
def test_period_lasts_exactly_twelve_calendar_months(received: D) -> None:
    start, end = notice_period(received)
    assert end + datetime.timedelta(days=1) == start + relativedelta(months=12)
    assert end.day == (start + relativedelta(months=12) - datetime.timedelta(days=1)).day
    assert (end.year - start.year) * 12 + end.month - start.month == 11
    assert 365 <= (end - start).days + 1 <= 366


@given(notices())
def test_fee_years_are_every_year_begun_from_the_notice(notice: Notice) -> None:
    years = notice.fee_years_owed
    assert years[0] == notice.received_by_chair.year
    assert all(D(year, 1, 1) <= notice.last_day for year in years)
    assert D(years[-1] + 1, 1, 1) > notice.last_day
    assert list(years) == list(range(years[0], years[-1] + 1))


def test_a_notice_refused_word_for_word_in_both_languages() -> None:
    with pytest.raises(NoticeError) as raised:
        nykvarn(D(2024, 3, 15), decided=D(2024, 3, 20))
    assert str(raised.value) == (
        "notice by Nykvarn reached the chair on 2024-03-15, before the council decided on "
        "2024-03-20; expected it to be received on or after the council's decision"
    )
    assert error_text(raised.value, "sv") == (
        "uppsägningen från Nykvarn kom ordföranden tillhanda den 2024-03-15, innan "
        "kommunfullmäktige beslutade den 2024-03-20; den ska tas emot samma dag som beslutet "
        "eller senare"
    )
    with pytest.raises(NoticeError) as raised:
        nykvarn(D(2009, 12, 1), decided=D(2009, 11, 2))
    assert str(raised.value) == (
        "notice by Nykvarn received on 2009-12-01, before the agreement came into force on "
        "2010-01-01; expected a date on or after it"
    )
    assert error_text(raised.value, "sv") == (
        "uppsägningen från Nykvarn togs emot den 2009-12-01, innan avtalet trädde i kraft den "
        "2010-01-01; ange ett datum från och med den dagen"
    )


def test_a_notice_period_past_the_calendar_is_refused_word_for_word() -> None:
    assert notice_period(D(9998, 11, 30)) == (D(9998, 12, 1), D(9999, 11, 30))
    with pytest.raises(NoticeError) as raised:
        notice_period(D(9998, 12, 1))
    assert str(raised.value) == (
        "a notice received on 9998-12-01 would end its notice period after 9999-12-31, the "
        "last date the calendar has; expected an earlier date"
    )


def test_a_revocation_refuses_a_bad_date_and_an_empty_matter_word_for_word() -> None:
    with pytest.raises(NoticeError) as raised:
        Revocation(party="Nykvarn", decided_on="2024-09-12", matter="Stays")
    assert str(raised.value) == (
        "decided_on '2024-09-12' is not a date; expected a datetime.date such as 2024-03-15"
    )
    assert error_text(raised.value, "sv") == (
        "decided_on: '2024-09-12' är inte ett datum; ett datetime.date (till exempel 2024-03-15) "
        "väntades"
    )
    with pytest.raises(NoticeError) as raised:
        Revocation(party="Nykvarn", decided_on=D(2024, 9, 12), matter=" ")
    assert str(raised.value) == (
        "matter ' ' is empty or not text; expected a description of the matter"
    )
