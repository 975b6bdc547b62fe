from __future__ import annotations

import argparse
import json
from decimal import Decimal
from typing import TYPE_CHECKING

import pytest

from sodertorn import DissolutionError, NoticeError, SodertornError
from sodertorn.agreement._cli import read_items, register

if TYPE_CHECKING:
    from pathlib import Path


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="sodertorn")
    register(parser.add_subparsers(required=True))
    args = parser.parse_args(argv)
    result: int = args.func(args)
    return result


NOTICE = ["notice", "--party", "Nykvarn", "--council-decision", "2024-02-26"]


def test_notice_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert run([*NOTICE, "--received", "2024-03-15", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "April 1, 2024 to March 31, 2025, inclusive" in out
    assert "2024 and 2025" in out


def test_notice_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert run([*NOTICE, "--received", "2024-03-15", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["party"] == {"code": "0140", "name": "Nykvarn"}
    assert (data["period_start"], data["last_day"]) == ("2024-04-01", "2025-03-31")
    assert data["fee_years_owed"] == [2024, 2025]
    assert data["refund"] == "0"


def test_notice_bad_date() -> None:
    with pytest.raises(NoticeError, match=r"date of receipt '2024-13-01' is not a date; expected"):
        run([*NOTICE, "--received", "2024-13-01"])


def test_notice_received_too_early_is_a_package_error() -> None:
    with pytest.raises(SodertornError, match=r"before the council decided"):
        run([*NOTICE, "--received", "2024-02-01"])


ITEMS = "name,amount\nBank account,1000000\n# a comment\nOffice lease,-250000\n"


def test_dissolve_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "items.csv"
    path.write_text(ITEMS, encoding="utf-8")
    assert run(["dissolve", "--items", str(path), "--year", "2024", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "31 December 2023" in out
    lines = out.splitlines()
    assert lines[2].startswith("Party")
    assert "Inhabitants December 31, 2023" in lines[2]
    assert lines[-1].split()[0] == "Total"
    assert "SEK750,000" in lines[-1]


def test_dissolve_table_in_swedish(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "items.csv"
    path.write_text(ITEMS, encoding="utf-8")
    assert run(["dissolve", "--items", str(path), "--year", "2024"]) == 0
    header = capsys.readouterr().out.splitlines()[2]
    assert header.split()[:4] == ["Kommun", "Invånarantal", "31", "december"]


def test_dissolve_json_default_year(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "items.json"
    path.write_text('[{"name": "Bank", "amount": 1000.5}, {"name": "Lease", "amount": "-3"}]')
    assert run(["dissolve", "--items", str(path), "--format", "json", "--unit", "ore"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["decision_year"] == data["population_year"] + 1
    for name, total in (("Bank", Decimal("1000.5")), ("Lease", Decimal(-3))):
        assert sum(Decimal(party["shares"][name]) for party in data["parties"]) == total


def test_read_items_json_object() -> None:
    items = read_items('{"Bank": 10, "Lease": -4}')
    assert [(i.name, i.amount.ore) for i in items] == [("Bank", 1000), ("Lease", -400)]


@pytest.mark.parametrize(
    ("text", "pattern"),
    [
        ("", r"<items>: expected a CSV header 'name,amount', got 'nothing'"),
        ("item,value\n", r"expected a CSV header 'name,amount', got 'item,value'"),
        ("name,amount\nBank,1,2\n", r"<items>: line 2: expected 2 fields \(name,amount\), got 3"),
        ("name,amount\nBank,lots\n", r"line 2: amount of 'Bank': cannot read 'lots'"),
        ("name,amount\nBank,1.005\n", r"line 2: amount of 'Bank': '1.005' has a fraction"),
        ("[1, 2]", r"expected a JSON list of"),
        ("[{]", r"<items>: not valid JSON"),
        ('{"Bank": true}', r"item 1: amount True of 'Bank' is not a number"),
        ('{"Bank": null}', r"item 1: amount None of 'Bank' is not a number"),
    ],
)
def test_read_items_errors(text: str, pattern: str) -> None:
    with pytest.raises(DissolutionError, match=pattern):
        read_items(text)


def test_dissolve_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.csv"
    with pytest.raises(DissolutionError, match=r"cannot read items file '.*nope.csv'"):
        run(["dissolve", "--items", str(missing)])
