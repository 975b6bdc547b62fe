"""§ 7 and § 10 splits as tables and as data, with their derivation."""

from __future__ import annotations

import datetime
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

import pytest
from hypothesis import given, settings

from sodertorn import SEK
from sodertorn.agreement import Item, special_contributions, split_items
from sodertorn.testing import items, whole_kronor

if TYPE_CHECKING:
    from pathlib import Path

DAY = datetime.date(2024, 5, 2)


def _sek(cell: object) -> SEK:
    assert isinstance(cell, (int, Decimal))
    return SEK(cell)


@settings(max_examples=30, deadline=None)
@given(whole_kronor(min_value=0, max_value=10**9))
def test_contributions_rows_and_trace_conserve_the_cost(cost: SEK) -> None:
    split = special_contributions(cost, decided_on=DAY)
    records = split.to_records()
    assert SEK.total(_sek(r["amount"]) for r in records) == cost
    assert [r["code"] for r in records] == [p.code for p in split.parties]
    trace = split.to_dict(trace=True)["trace"]
    assert trace["rule"]["source"] == "Samarbetsavtal 2010, § 7"
    assert trace["population"]["date"] == "2023-12-31"
    for party in trace["parties"]:
        assert Fraction(party["exact"]) == cost.exact * Fraction(party["share"])
        assert SEK(party["whole"]) + SEK(party["adjustment"]) == SEK(party["amount"])


@settings(max_examples=30, deadline=None)
@given(items())
def test_dissolution_rows_and_trace_conserve_every_item(things: tuple[Item, ...]) -> None:
    statement = split_items(things, population_year=2023)
    records = statement.to_records()
    assert len(records) == 8 * len(things)
    for item in things:
        shares = [r["amount"] for r in records if r["item"] == item.name]
        assert SEK.total(_sek(s) for s in shares) == item.amount
        assert {r["kind"] for r in records if r["item"] == item.name} == {
            "liability" if item.is_liability else "asset"
        }
    for traced, item in zip(statement.to_dict(trace=True)["trace"]["items"], things, strict=True):
        assert traced["name"] == item.name
        total = SEK(0)
        for party in traced["parties"]:
            assert Fraction(party["exact"]) == item.amount.exact * Fraction(party["share"])
            assert SEK(party["whole"]) + SEK(party["adjustment"]) == SEK(party["part"])
            total += SEK(party["part"])
        assert total == item.amount


def test_pandas_and_excel(tmp_path: Path) -> None:
    pytest.importorskip("pandas")
    openpyxl = pytest.importorskip("openpyxl")
    split = special_contributions(SEK(500_000), decided_on=DAY)
    frame = split.to_pandas()
    assert frame["amount"].sum() == 500_000 and frame["code"].iloc[0] == "0126"
    sheet = openpyxl.load_workbook(split.to_excel(tmp_path / "c.xlsx", lang="en")).worksheets
    rows = list(sheet[0].iter_rows(values_only=True))
    assert rows[0][0] == "Code" and rows[-1][0] == "Total" and rows[-1][4] == 500_000
    assert any("§ 7" in str(c) for row in sheet[1].iter_rows(values_only=True) for c in row)
    statement = split_items(
        [Item(name="Bank", amount=SEK(1_000)), Item(name="Lease", amount=SEK(-250))],
        population_year=2023,
    )
    assert statement.to_pandas()["amount"].sum() == 750
    workbook = openpyxl.load_workbook(statement.to_excel(tmp_path / "d.xlsx"))
    assert list(workbook.worksheets[0].iter_rows(values_only=True))[-1][-1] == 750
    assert statement.to_dict()["statements"][0]["net"] == str(statement.statements[0].net.amount)


def test_html_headers_follow_the_language() -> None:
    split = special_contributions(SEK(500_000), decided_on=DAY)
    assert "<th>Kommunkod</th>" in split._repr_html_()
    assert "<th>Code</th>" in split.html(lang="en") and "SEK 500,000" in split.html(lang="en")
    statement = split_items([Item(name="Bank", amount=SEK(1_000))], population_year=2023)
    assert "<th>Post</th>" in statement._repr_html_()
    assert "<th>Item</th>" in statement.html(lang="en")
