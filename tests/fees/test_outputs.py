"""The fees where the users work: rows, pandas, Excel, the derivation as data, notebooks."""

from __future__ import annotations

import datetime
import itertools
import sys
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sodertorn import (
    MUNICIPALITIES,
    SEK,
    FeeRuleError,
    MissingDependencyError,
    OutputError,
    Population,
    annual_fees,
)
from sodertorn.fees import FEE_COLUMNS
from sodertorn.money import Unit
from sodertorn.testing import party_sets, populations

if TYPE_CHECKING:
    from pathlib import Path


def test_the_worked_example_in_pandas() -> None:
    pytest.importorskip("pandas")
    frame = annual_fees(2024).to_pandas()
    assert frame["amount"].sum() == 2_083_296
    assert list(frame.columns) == list(FEE_COLUMNS)
    assert frame["code"].tolist()[:2] == ["0126", "0127"]
    assert all(isinstance(code, str) for code in frame["code"])
    assert str(frame["population"].dtype) == "int64"
    assert frame["population"].sum() == 520_824


def test_records_have_the_documented_columns_and_exact_values() -> None:
    fees = annual_fees(2024)
    first = fees.to_records()[0]
    assert first == {
        "year": 2024,
        "code": "0126",
        "name": "Huddinge",
        "population": 113_920,
        "population_date": datetime.date(2023, 12, 31),
        "amount": 455_680,
        "rule": "per_capita",
        "source": "Samarbetskommitténs beslut 2017-02-02",
        "due_date": datetime.date(2024, 3, 15),
        "payable_by": first["payable_by"],
    }
    assert fees.rows()[0] == tuple(first.values())


def test_ore_amounts_are_decimals() -> None:
    fees = annual_fees(2013, unit=Unit.ORE)
    amounts = [record["amount"] for record in fees.to_records()]
    assert any(isinstance(a, Decimal) for a in amounts)
    assert sum((Decimal(a) for a in amounts if isinstance(a, (int, Decimal))), Decimal(0)) == (
        fees.total.amount
    )
    assert all(isinstance(a, (int, Decimal)) for a in amounts)


@settings(max_examples=30, deadline=None)
@given(populations(), st.integers(2010, 2024), party_sets())
def test_rows_conserve_the_total(
    population: Population, year: int, parties: tuple[object, ...]
) -> None:
    fees = annual_fees(year, population, parties=parties)  # type: ignore[arg-type]
    amounts = [record["amount"] for record in fees.to_records()]
    assert sum(SEK(a) for a in amounts if isinstance(a, (int, Decimal))) == fees.total
    assert [r["code"] for r in fees.to_records()] == [p.code for p in fees.parties]


@settings(max_examples=30, deadline=None)
@given(populations(), st.integers(2010, 2024), party_sets())
def test_the_trace_recomputes_every_amount(
    population: Population, year: int, parties: tuple[object, ...]
) -> None:
    fees = annual_fees(year, population, parties=parties)  # type: ignore[arg-type]
    trace = fees.to_dict(trace=True)["trace"]
    assert Fraction(trace["exact_total"]) == fees.exact_total
    assert trace["population"]["date"] == f"{year - 1}-12-31"
    assert trace["rounding"] == {
        "mode": "half-up",
        "unit": "krona",
        "statute": "Lag (1970:1029) om avrundning av vissa öresbelopp, 2 §",
        "rounded_total": str(fees.total.amount),
    }
    left_over = SEK(0)
    for line, party in zip(fees.lines, trace["parties"], strict=True):
        assert party["code"] == line.party.code
        assert Fraction(party["exact"]) == line.exact
        assert Fraction(party["whole"]) + Fraction(party["remainder"]) == line.exact
        assert 0 <= Fraction(party["remainder"]) < 1
        assert SEK(party["whole"]) + SEK(party["adjustment"]) == line.amount
        assert party["adjustment"] in ("0", "1")
        left_over += SEK(party["adjustment"])
        steps = party["steps"]
        assert Fraction(steps[-1]["fee"]) == line.exact
        if fees.rule.kind == "indexed":
            assert [s["year"] for s in steps] == list(range(2010, year + 1))
            base = steps[0]
            assert Fraction(base["fee"]) == Fraction(
                860_000 * base["population"], base["base_population"]
            )
            for before, after in itertools.pairwise(steps):
                assert Fraction(after["fee"]) == Fraction(before["fee"]) * Fraction(after["factor"])
        else:
            assert steps == [
                {
                    "step": "per_capita",
                    "year": year,
                    "rate": "4",
                    "population": line.population,
                    "population_date": f"{year - 1}-12-31",
                    "fee": str(line.exact),
                }
            ]
    assert SEK(trace["allocation"]["left_over"]) == left_over


def test_the_trace_of_2012_by_hand() -> None:
    trace = annual_fees(2012).to_dict(trace=True)["trace"]
    huddinge = trace["parties"][0]
    assert huddinge["steps"][0] == {
        "step": "base_split",
        "year": 2010,
        "base_total": "860000",
        "population": 95_798,
        "population_date": "2009-12-31",
        "base_population": Population.builtin().total(2009),
        "base_parties": [m.code for m in MUNICIPALITIES],
        "fee": str(Fraction(860_000 * 95_798, 431_423)),
    }
    assert huddinge["steps"][2]["before_date"] == "2010-12-31"
    assert huddinge["steps"][2]["factor"] == str(Fraction(99_049, 97_453))
    assert trace["rule"]["parameters"] == {
        "base_total": "860000",
        "base_year": 2009,
        "base_parties": [m.code for m in MUNICIPALITIES],
        "chain": "exact",
    }


def test_pandas_round_trip() -> None:
    pd = pytest.importorskip("pandas")
    fees = annual_fees(2017)
    frame = fees.to_pandas()
    assert frame.to_dict("records") == fees.to_records()
    assert pd.DataFrame.from_records(fees.to_records()).equals(frame)


def test_without_pandas(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingDependencyError, match=r"sodertorn\[pandas\]"):
        annual_fees(2024).to_pandas()


def test_without_openpyxl(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(MissingDependencyError, match=r"sodertorn\[excel\]"):
        annual_fees(2024).to_excel(tmp_path / "fees.xlsx")


def _read(path: Path) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]], object]:
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.load_workbook(path)
    first, second = workbook.worksheets
    return (
        list(first.iter_rows(values_only=True)),
        list(second.iter_rows(values_only=True)),
        first,
    )


def test_excel_has_codes_as_text_numbers_and_a_total(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    fees = annual_fees(2024)
    written = fees.to_excel(tmp_path / "fees.xlsx")
    rows, notes, sheet = _read(written)
    header, *body, total = rows
    assert header[:3] == ("Avgiftsår", "Kommunkod", "Kommun")
    assert [row[1] for row in body] == [m.code for m in MUNICIPALITIES]
    assert sheet["B2"].data_type == "s" and sheet["B2"].value == "0126"  # type: ignore[index]
    amounts = [row[FEE_COLUMNS.index("amount")] for row in body]
    assert all(isinstance(a, int) for a in amounts)
    assert sum(a for a in amounts if isinstance(a, int)) == 2_083_296
    assert total[FEE_COLUMNS.index("amount")] == 2_083_296
    assert total[0] == "Summa"
    assert sheet["F2"].number_format == '#,##0 "kr"'  # type: ignore[index]
    english = fees.to_excel(tmp_path / "fees-en.xlsx", lang="en")
    assert _read(english)[2]["F2"].number_format == '"SEK "#,##0'  # type: ignore[index]
    text = "\n".join(str(cell) for row in notes for cell in row if cell is not None)
    assert "Samarbetskommitténs beslut 2017-02-02" in text
    assert "Statistiska centralbyrån" in text or "SCB" in text
    assert "4\xa0kr per invånare" in text


def test_excel_in_english_and_its_round_trip(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    fees = annual_fees(2013)
    rows, notes, _ = _read(fees.to_excel(tmp_path / "fees.xlsx", lang="en"))
    assert rows[0][:3] == ("Fee year", "Code", "Municipality")
    assert rows[-1][0] == "Total"
    for written, record in zip(rows[1:-1], fees.to_records(), strict=True):
        assert written[:4] == (record["year"], record["code"], record["name"], record["population"])
        assert written[5] == record["amount"]
    assert any("Samarbetsavtal 2010, § 8" in str(cell) for row in notes for cell in row)


@pytest.mark.parametrize("path", ["fees.csv", "", 5])
def test_excel_wants_an_xlsx_path(path: object) -> None:
    with pytest.raises(OutputError, match="ending in .xlsx"):
        annual_fees(2024).to_excel(path)  # type: ignore[arg-type]


def test_excel_into_a_missing_directory(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    with pytest.raises(OutputError, match="cannot write"):
        annual_fees(2024).to_excel(tmp_path / "no" / "such" / "fees.xlsx")


def test_to_dict_carries_the_dates_the_unit_and_the_source() -> None:
    data = annual_fees(2025).to_dict()
    assert data["due_date"] == "2025-03-15" and data["payable_by"] == "2025-03-17"
    assert data["population_date"] == "2024-12-31"
    assert data["population_source"].startswith("Statistics Sweden (SCB)")
    assert (data["unit"], data["rounding"]) == ("krona", "half-up")
    assert "trace" not in data


def test_due_text_in_both_languages() -> None:
    counts = {(p, 2025): 1000 for p in MUNICIPALITIES}
    fees = annual_fees(2026, Population(counts))
    assert "15 mars 2026 är en söndag; betalning senast måndag den 16 mars 2026 är i tid." in (
        fees.table()
    )
    assert "15 March 2026 is a Sunday; payment by Monday, 16 March 2026 is on time." in (
        fees.explain(lang="en")
    )
    plain = annual_fees(2024)
    assert "söndag" not in plain.table() and "i tid" not in plain.explain()


def test_agreement_and_parties_together_are_refused() -> None:
    from sodertorn import Agreement

    with pytest.raises(FeeRuleError, match="not both"):
        annual_fees(2024, parties=["Salem"], agreement=Agreement())
    with pytest.raises(FeeRuleError, match="is not an Agreement"):
        annual_fees(2024, agreement="Salem")  # type: ignore[arg-type]


def test_importing_the_fees_loads_no_optional_package() -> None:
    import subprocess

    code = (
        "import sys, sodertorn.fees\n"
        "first = sorted(m for m in ('holidays', 'importlib.resources') if m in sys.modules)\n"
        "sodertorn.fees.annual_fees(2024).rows()\n"
        "print(first, sorted(m for m in ('pandas', 'openpyxl') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[] []"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((None, 1, Fraction(1), ()), "fee year None"),
        ((2024, "1", Fraction(1), ()), "population '1' is not a count"),
        ((2024, 1, 1.5, ()), "exact fee 1.5 is not a Fraction"),
        ((2024, 1, Fraction(1), [1]), "is not a tuple of IndexStep"),
    ],
)
def test_derivation_refuses_junk(args: tuple[object, ...], message: str) -> None:
    for rule in (annual_fees(2012).rule, annual_fees(2024).rule):
        with pytest.raises(FeeRuleError, match=message):
            rule.derivation(*args)  # type: ignore[arg-type]
