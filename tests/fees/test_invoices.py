"""Invoice pages: one per party, with the amount, the due date and the banking day."""

from __future__ import annotations

import csv
import json
from typing import TYPE_CHECKING

import pytest

from sodertorn import MUNICIPALITIES, MissingDataError, OutputError, annual_fees, municipality
from sodertorn.fees import InvoiceDetails, read_invoice_details, write_invoices
from sodertorn.i18n import format_money

if TYPE_CHECKING:
    from pathlib import Path


def test_eight_pages_and_the_summaries(tmp_path: Path) -> None:
    fees = annual_fees(2024)
    written = write_invoices(fees, tmp_path / "out")
    pages = sorted((tmp_path / "out").glob("invoice-2024-*.html"))
    assert len(pages) == 8 and len(written) == 10
    for page, line in zip(pages, fees.lines, strict=True):
        text = page.read_text("utf-8")
        assert format_money(line.amount, "sv") in text
        assert "15 mars 2024" in text and line.party.name in text
        assert "@page { size: A4" in text
        assert "Organisationsnummer" not in text  # nothing the caller did not give
    with (tmp_path / "out" / "invoices.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["code"] for r in rows] == [m.code for m in MUNICIPALITIES]
    assert sum(int(r["amount"]) for r in rows) == 2_083_296
    data = json.loads((tmp_path / "out" / "invoices.json").read_text("utf-8"))
    assert data["schema"] == "sodertorn/invoices/1" and data["total"] == "2083296"
    assert [i["file"] for i in data["invoices"]] == [p.name for p in pages]


def test_a_page_shows_the_banking_day_and_the_derivation() -> None:
    page = annual_fees(2025).invoice_html("Nykvarn", lang="en")
    assert "15 March 2025 is a Saturday; payment by Monday, 17 March 2025 is on time." in page
    assert "12,342" in page and "Statistics Sweden (SCB)" in page
    assert "Samarbetskommitténs beslut 2017-02-02" in page
    assert "Exact fee: 12,342 × SEK 4 = SEK 49,368." in page
    indexed = annual_fees(2013).invoice_html("Salem")
    assert "2011: folkmängd" in indexed or "2011:" in indexed


def test_details_appear_only_when_given(tmp_path: Path) -> None:
    source = tmp_path / "details.csv"
    source.write_text(
        "code,invoice_number,organisation_number,reference\n"
        "0128,2024-7,212000-0000,Kommunstyrelsen\n",
        encoding="utf-8",
    )
    details = read_invoice_details(source)
    salem = municipality("Salem")
    assert details == {
        salem: InvoiceDetails(
            invoice_number="2024-7", organisation_number="212000-0000", reference="Kommunstyrelsen"
        )
    }
    write_invoices(annual_fees(2024), tmp_path, details=details, lang="en")
    assert "212000-0000" in (tmp_path / "invoice-2024-0128.html").read_text("utf-8")
    assert "212000-0000" not in (tmp_path / "invoice-2024-0126.html").read_text("utf-8")
    data = json.loads((tmp_path / "invoices.json").read_text("utf-8"))
    assert data["invoices"][2]["reference"] == "Kommunstyrelsen"
    assert data["invoices"][0]["reference"] == ""


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("code,colour\n0128,blue\n", "unknown column 'colour'"),
        ("reference\nx\n", "no 'code' column"),
        ("code,reference\n0128,a\n0128,b\n", "line 3: a second row for Salem"),
        ("code,reference\n0128\n", "line 2: 1 cell for 2 columns"),
        ("", "empty"),
        ("code\n0180\n", "line 2: code '0180' is not one of the parties"),
    ],
)
def test_bad_details(text: str, message: str) -> None:
    with pytest.raises(MissingDataError, match=message):
        read_invoice_details(text, text=True)


def test_unwritable_directory(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(OutputError, match="cannot write invoices"):
        write_invoices(annual_fees(2024), blocker / "sub")
    with pytest.raises(OutputError, match="is not a path"):
        write_invoices(annual_fees(2024), "")


def test_details_from_files_and_their_faults(tmp_path: Path) -> None:
    with pytest.raises(MissingDataError, match="cannot read invoice details"):
        read_invoice_details(tmp_path / "missing.csv")
    with pytest.raises(MissingDataError, match="expected CSV text"):
        read_invoice_details(tmp_path, text=True)
    with pytest.raises(MissingDataError, match="not a CSV file"):
        read_invoice_details('code,reference\n0128,"a\nb', text=True)
    with pytest.raises(MissingDataError, match="is not text"):
        InvoiceDetails(reference=5)
    blank_lines = read_invoice_details("code,reference\n\n0128,x\n,\n", text=True)
    assert list(blank_lines) == [municipality("Salem")]
    with pytest.raises(MissingDataError, match="is not InvoiceDetails"):
        annual_fees(2024).invoice_html("Salem", details={"reference": "x"})  # type: ignore[arg-type]
