"""Fees over many years, and the agreement's notices deciding who pays (§§ 2, 8, 9)."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sodertorn import (
    MUNICIPALITIES,
    SEK,
    Agreement,
    FeeHistory,
    FeeRuleError,
    MissingDataError,
    Notice,
    Population,
    annual_fees,
    fee_history,
    municipality,
)
from sodertorn.testing import agreements, populations

if TYPE_CHECKING:
    from pathlib import Path

NYKVARN = municipality("Nykvarn")
NOTICE = Notice(
    party="Nykvarn",
    council_decision_date=datetime.date(2024, 2, 26),
    received_by_chair=datetime.date(2024, 3, 15),
)


def _with_2025() -> Population:
    builtin = Population.builtin()
    carried = Population(
        {(p, 2025): builtin.count(p, 2024) for p in MUNICIPALITIES}, source="carried forward"
    )
    return builtin.merge(carried)


def test_2010_to_2025_has_128_rows_and_one_rule_change() -> None:
    history = fee_history(2010, 2025)
    assert len(history) == 16 and len(history.rows()) == 128
    assert history.years == tuple(range(2010, 2026))
    assert history.rule_changes() == (2018,)
    rules = {(r["year"], r["rule"]) for r in history.to_records()}
    assert {rule for year, rule in rules if year in range(2010, 2018)} == {"indexed"}
    assert {rule for year, rule in rules if year in range(2018, 2026)} == {"per_capita"}
    assert history.totals[2024] == SEK(2_083_296)


@settings(max_examples=15, deadline=None)
@given(populations(), st.integers(2010, 2024), st.integers(0, 6))
def test_the_history_is_the_yearly_assessments(
    population: Population, first: int, span: int
) -> None:
    last = min(first + span, 2025)
    history = fee_history(first, last, population=population)
    expected = [annual_fees(year, population) for year in range(first, last + 1)]
    assert list(history) == expected
    assert history.rows() == [row for a in expected for row in a.rows()]
    assert all(history[a.year] == a for a in expected)


@settings(max_examples=25, deadline=None)
@given(agreements(), st.integers(2011, 2025))
def test_the_agreement_decides_who_pays(agreement: Agreement, year: int) -> None:
    fees = annual_fees(year, agreement=agreement)
    assert fees.parties == agreement.parties_on(datetime.date(year, 1, 1))
    assert sum(fees.amounts.values(), SEK(0)) == fees.total


def test_a_party_in_its_notice_period_pays_the_whole_year() -> None:
    agreement = Agreement().with_notice(NOTICE)  # last day 2025-03-31
    population = _with_2025()
    assert NYKVARN in annual_fees(2025, population, agreement=agreement).parties
    without = annual_fees(2026, population, agreement=agreement)
    assert NYKVARN not in without.parties and len(without.parties) == 7
    history = fee_history(2024, 2026, population=population, agreement=agreement)
    assert [len(a.parties) for a in history] == [8, 8, 7]
    assert len(history.rows()) == 23
    assert NYKVARN in history.parties


def test_history_tables_and_views(tmp_path: Path) -> None:
    history = fee_history(2016, 2019)
    assert history.explain(lang="en").splitlines()[:3] == [
        "Fees 2016-2019",
        "2016-2017: SEK 860,000 in 2010 split by population on 31 December 2009; each later "
        "year each party's fee changes by the percentage its own population changed between "
        "the two preceding year-ends (Samarbetsavtal 2010, § 8).",
        "2018-2019: SEK 4 per inhabitant on 31 December of the year before the fee year "
        "(Samarbetskommitténs beslut 2017-02-02).",
    ]
    html = history.html(lang="en")
    assert "<th>Fee year</th><th>Huddinge</th>" in html and "<th>Total</th>" in html
    assert "<th>Avgiftsår</th>" in history._repr_html_()
    matrix = history.matrix(lang="en")
    assert len(matrix.rows) == 4 and matrix.rows[2][0] == 2018
    assert history.to_dict()["years"][0] == annual_fees(2016).to_dict()
    pd = pytest.importorskip("pandas")
    assert isinstance(history.to_pandas(), pd.DataFrame)
    openpyxl = pytest.importorskip("openpyxl")
    sheet = openpyxl.load_workbook(history.to_excel(tmp_path / "h.xlsx")).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 1 + 32 + 1
    assert rows[-1][5] == sum(a.total.ore // 100 for a in history)


def test_bad_spans_and_years() -> None:
    with pytest.raises(FeeRuleError, match="first year 2025 is after last year 2010"):
        fee_history(2025, 2010)
    with pytest.raises(FeeRuleError, match="fee year '2010'"):
        fee_history("2010", 2012)  # type: ignore[arg-type]
    with pytest.raises(MissingDataError, match="no fee year 2030"):
        fee_history(2010, 2011)[2030]
    with pytest.raises(FeeRuleError, match="not consecutive"):
        FeeHistory([annual_fees(2010), annual_fees(2012)])
    with pytest.raises(FeeRuleError, match="one or more FeeAssessment"):
        FeeHistory([])


def test_history_as_text() -> None:
    text = fee_history(2016, 2019).table(lang="en")
    lines = text.splitlines()
    assert lines[0].split()[:3] == ["Fee", "year", "Huddinge"]
    assert lines[2].startswith("2016 ") and lines[7].startswith("Total ")
    assert lines[-2].startswith("2016-2017: SEK 860,000 in 2010")
    assert lines[-1].startswith("2018-2019: SEK 4 per inhabitant")
    assert "SEK 5,838,521" in lines[7]
