"""``fees FIRST-LAST``, ``--format xlsx``, ``--trace`` and ``invoices``."""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from typing import TYPE_CHECKING

import pytest

from .running import run

if TYPE_CHECKING:
    from pathlib import Path


def test_a_span_of_years_as_csv_has_a_row_per_year_and_party(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = run(capsys, "fees", "2010-2025", "--format", "csv")
    assert status == 0
    rows = out.splitlines()
    assert rows[0] == "year,code,name,population,amount,rule,population_source"
    assert len(rows) == 1 + 128
    assert rows[1].startswith("2010,0126,Huddinge,95798,190964,indexed,")
    assert rows[-1].startswith("2025,0192,Nynäshamn,") and ",per_capita," in rows[-1]
    assert all("Statistics Sweden (SCB)" in row for row in rows[1:])
    assert sum(int(row.split(",")[4]) for row in rows[1:] if row.startswith("2024,")) == 2_083_296


def test_a_span_of_years_as_table_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "fees", "2017–2018", "--lang", "en")
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["Fee", "year", "Code"]
    assert "2018-2018: SEK 4 per inhabitant" in out and "2018: total SEK 1,954,940." in out
    _, out, _ = run(capsys, "fees", "2017-2018", "--format", "json")
    data = json.loads(out)
    assert data["schema"] == "sodertorn/fee-history/1"
    assert [year["year"] for year in data["years"]] == [2017, 2018]
    assert [year["rule"] for year in data["years"]] == ["indexed", "per_capita"]


def test_the_banking_day_when_the_due_date_is_none(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "fees", "2025", "--lang", "en")
    assert out.splitlines()[-2] == (
        "15 March 2025 is a Saturday; payment by Monday, 17 March 2025 is on time."
    )
    _, out, _ = run(capsys, "fees", "2025", "--format", "json")
    data = json.loads(out)
    assert (data["due_date"], data["payable_by"]) == ("2025-03-15", "2025-03-17")


def test_trace(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "fees", "2024", "--format", "json", "--trace")
    trace = json.loads(out)["trace"]
    assert trace["rounding"]["mode"] == "half-up"
    _, out, _ = run(
        capsys, "contributions", "100", "--decided", "2024-05-02", "--format", "json", "--trace"
    )
    assert "trace" in json.loads(out)
    status, _, err = run(capsys, "contributions", "100", "--decided", "2024-05-02", "--trace")
    assert status == 2 and "--trace kräver --format json" in err


openpyxl = pytest.importorskip("openpyxl")


def test_fees_to_excel(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "f.xlsx"
    assert run(capsys, "fees", "2024", "--format", "xlsx", "--output", str(target)) == (0, "", "")
    sheet = openpyxl.load_workbook(target).worksheets[0]
    header = [cell.value for cell in sheet[1]]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
    codes = [row[header.index("Kommunkod")] for row in rows[:8]]
    assert codes[0] == "0126"
    amounts = [row[header.index("Belopp")] for row in rows[:8]]
    assert all(isinstance(amount, int) for amount in amounts)
    assert sum(amounts) == 2_083_296


@pytest.mark.parametrize(
    "argv",
    [
        ["fees", "2010-2025"],
        ["contributions", "500000", "--decided", "2024-05-02"],
        ["contributions", "1000.50", "--decided", "2024-05-02", "--unit", "ore"],
    ],
)
def test_other_workbooks(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out.xlsx"
    status, out, err = run(
        capsys, *argv, "--format", "xlsx", "--output", str(target), "--lang", "en"
    )
    assert (status, out, err) == (0, "", "")
    assert len(openpyxl.load_workbook(target).sheetnames) == 2


def test_dissolve_to_excel(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    items = tmp_path / "items.csv"
    items.write_text("name,amount\nBank,1000\nLease,-200\n", encoding="utf-8")
    target = tmp_path / "d.xlsx"
    argv = ["dissolve", "--items", str(items), "--format", "xlsx", "--output", str(target)]
    assert run(capsys, *argv) == (0, "", "")
    assert openpyxl.load_workbook(target).worksheets[0].max_row > 8


def test_excel_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(
        capsys, "fees", "2024", "--format", "xlsx", "--output", str(tmp_path / "f.csv")
    )
    assert status == 2 and "--format xlsx skriver en arbetsbok med namnet *.xlsx" in err
    status, _, err = run(
        capsys, "fees", "2024", "--format", "xlsx", "--output", "-", "--lang", "en"
    )
    assert status == 2 and "needs --output FILE.xlsx" in err
    status, _, err = run(
        capsys, "fees", "2024", "--format", "xlsx", "--excel", "--output", str(tmp_path / "f.xlsx")
    )
    assert status == 2


def test_excel_without_openpyxl(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    target = str(tmp_path / "f.xlsx")
    status, out, err = run(capsys, "fees", "2024", "--format", "xlsx", "--output", target)
    assert (status, out) == (1, "")
    assert err == "sodertorn: fel: --format xlsx kräver openpyxl: pip install 'sodertorn[excel]'\n"


def test_invoices(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    details = tmp_path / "details.csv"
    details.write_text("code,reference\n0128,Kommunstyrelsen\n", encoding="utf-8")
    target = tmp_path / "fakturor"
    status, out, err = run(
        capsys, "invoices", "2024", "--output", str(target), "--details", str(details)
    )
    assert (status, err) == (0, "")
    assert out.splitlines()[0] == f"Skrivet till {target}:"
    pages = sorted(target.glob("invoice-2024-*.html"))
    assert len(pages) == 8
    salem = (target / "invoice-2024-0128.html").read_text(encoding="utf-8")
    assert "69\xa0804\xa0kr" in salem and "15 mars 2024" in salem and "Kommunstyrelsen" in salem
    summary = json.loads((target / "invoices.json").read_text(encoding="utf-8"))
    assert summary["schema"] == "sodertorn/invoices/1"
    assert sum(Decimal(invoice["amount"]) for invoice in summary["invoices"]) == 2_083_296
    assert (target / "invoices.csv").read_text(encoding="utf-8").count("\n") == 9


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


@pytest.mark.parametrize(
    ("argv", "status", "needle"),
    [
        (["invoices", "2024"], 2, "the following arguments are required: --output"),
        (["invoices", "1990", "--output", "x"], 1, "no fee rule for fee year 1990"),
        (["invoices", "2024", "--output", "/dev/null"], 1, "cannot write invoices"),
        (["invoices", "2024", "--output", "o", "--details", "/nonexistent"], 1, "cannot read"),
    ],
)
@pytest.mark.usefixtures("in_tmp")
def test_invoice_errors(
    argv: list[str], status: int, needle: str, capsys: pytest.CaptureFixture[str]
) -> None:
    got, out, err = run(capsys, *argv, "--lang", "en")
    assert (got, out) == (status, "")
    assert needle in err and err.count("\n") == 1
