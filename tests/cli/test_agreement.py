"""``notice``, ``contributions``, ``meeting`` and ``dissolve``."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import TYPE_CHECKING

import pytest

from .running import run, spawn

if TYPE_CHECKING:
    from pathlib import Path

NOTICE = ["notice", "--party", "Nykvarn", "--council-decision", "2024-02-26"]


def test_notice_text(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, *NOTICE, "--received", "2024-03-15", "--lang", "en")
    assert status == 0
    assert "1 April 2024 to 31 March 2025, inclusive" in out
    assert "2024 and 2025" in out


def test_notice_json_and_csv(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, *NOTICE, "--received", "2024-03-15", "--format", "json")
    data = json.loads(out)
    assert data["schema"] == "sodertorn/notice/1"
    assert data["party"] == {"code": "0140", "name": "Nykvarn"}
    assert (data["period_start"], data["last_day"]) == ("2024-04-01", "2025-03-31")
    assert data["fee_years_owed"] == [2024, 2025]
    assert data["refund"] == "0"
    assert [reason["section"] for reason in data["reasons"]] == ["§ 2", "§ 2", "§ 2", "§ 8", "§ 9"]
    _, out, _ = run(capsys, *NOTICE, "--received", "2024-03-15", "--format", "csv")
    assert out.splitlines() == [
        "code,name,received_by_chair,period_start,period_end,last_day,fee_years_owed,refund",
        "0140,Nykvarn,2024-03-15,2024-04-01,2025-03-31,2025-03-31,2024 2025,0",
    ]


@pytest.mark.parametrize(
    ("received", "status", "needle"),
    [
        ("2024-13-01", 2, "argument --received: '2024-13-01' is not a date; expected YYYY-MM-DD"),
        ("2024-02-01", 1, "--received 2024-02-01 is before --council-decision 2024-02-26"),
        ("9999-12-31", 1, "--received 9999-12-31 is too late"),
    ],
)
def test_notice_errors(
    capsys: pytest.CaptureFixture[str], received: str, status: int, needle: str
) -> None:
    got, out, err = run(capsys, *NOTICE, "--received", received, "--lang", "en")
    assert (got, out) == (status, "")
    assert needle in err and err.count("\n") == 1


def test_contributions(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "contributions", "500000", "--decided", "2024-05-02")
    assert status == 0
    lines = out.splitlines()
    assert lines[0].split() == [
        "Kommunkod",
        "Kommun",
        "Invånarantal",
        "31",
        "december",
        "2023",
        "Anslag",
    ]
    assert lines[2].split()[:2] == ["0126", "Huddinge"] and "109\xa0365\xa0kr" in lines[2]
    assert "500\xa0000\xa0kr" in lines[11]
    assert lines[-1].endswith("(Samarbetsavtal 2010, § 7)")


def test_contributions_json_csv_and_explain(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["contributions", "1000.50", "--decided", "2024-05-02", "--unit", "ore"]
    _, out, _ = run(capsys, *argv, "--format", "json", "--explain", "--lang", "en")
    data = json.loads(out)
    assert (data["schema"], data["cost"], data["total"]) == (
        "sodertorn/contributions/1",
        "1000.50",
        "1000.50",
    )
    assert data["population_date"] == "2023-12-31" and data["unit"] == "öre"
    assert sum(Decimal(c["amount"]) for c in data["contributions"]) == Decimal("1000.50")
    assert data["explanation"].startswith(
        "A special contribution of SEK 1,000.50 (decided on 2 May 2024)"
    )
    _, out, _ = run(capsys, *argv, "--format", "csv")
    rows = out.splitlines()
    assert rows[0] == "code,name,population,amount"
    assert sum(Decimal(row.split(",")[3]) for row in rows[1:]) == Decimal("1000.50")
    status, _, err = run(capsys, *argv, "--format", "csv", "--explain")
    assert status == 2 and "--explain" in err


@pytest.mark.parametrize(
    ("argv", "status", "needle"),
    [
        (["lots"], 2, "'lots' is not an amount"),
        (["-5"], 2, "expected one argument"),
        (["1" * 5000], 2, "is not an amount"),
        (["100.5"], 2, "the cost '100.5' has öre; add --unit ore"),
        (["100", "--decided", "2024-02-30"], 2, "'2024-02-30' is not a date"),
        (["100", "--decided", "2030-01-01"], 1, "no population on 31 December 2029"),
        (["100", "--decided", "2009-12-31"], 1, "--decided 2009-12-31 is before the agreement"),
    ],
)
def test_contributions_errors(
    capsys: pytest.CaptureFixture[str], argv: list[str], status: int, needle: str
) -> None:
    full = (
        ["contributions", *argv]
        if "--decided" in argv
        else ["contributions", *argv, "--decided", "2024-05-02"]
    )
    if argv == ["-5"]:
        full = ["contributions", "--decided", "2024-05-02", "--unit"]
    got, out, err = run(capsys, *full, "--lang", "en")
    assert (got, out) == (status, "")
    assert needle in err and err.count("\n") == 1


MEETING = ["meeting", "--date", "2024-03-21"]


def test_meeting_quorate_with_remote_members(capsys: pytest.CaptureFixture[str]) -> None:
    argv = [*MEETING, "--present", "Huddinge", "Salem", "--remote", "Tyresö", "0136"]
    status, out, _ = run(capsys, *argv, "--lang", "en")
    assert status == 0
    assert out.splitlines() == [
        "Ordinary meeting on 21 March 2024; present: Huddinge, Salem, Haninge and Tyresö.",
        "The chair calls the committee's meetings. (Samarbetsavtal 2010, § 4)",
        "Quorate: 4 of 8 members present (2 of them by phone or video); at least 4 needed. "
        "(Samarbetsavtal 2010, § 3)",
    ]
    _, out, _ = run(capsys, *argv, "--format", "json")
    data = json.loads(out)
    assert (data["quorum"], data["present"], data["quorate"]) == (4, 4, True)
    assert data["kind"] == "ordinary" and data["validly_called"] is True
    _, out, _ = run(capsys, *argv, "--format", "csv")
    rows = out.splitlines()
    assert rows[0] == "code,name,attendance,requested"
    assert rows[1:4] == [
        "0126,Huddinge,in_room,false",
        "0127,Botkyrka,absent,false",
        "0128,Salem,in_room,false",
    ]
    assert rows[4] == "0136,Haninge,remote,false"


def test_an_extra_meeting_requested_by_five(capsys: pytest.CaptureFixture[str]) -> None:
    five = ["Huddinge", "Botkyrka", "Salem", "Haninge", "Tyresö"]
    _, out, _ = run(
        capsys, *MEETING, "--present", *five, "--requested-by", *five, "--format", "json"
    )
    data = json.loads(out)
    assert (data["kind"], data["validly_called"], data["quorate"]) == ("extra", True, True)
    _, out, _ = run(capsys, *MEETING, "--present", "Salem", "--requested-by", "Salem", "Nykvarn")
    assert "Det extra sammanträdet är inte behörigen inkallat" in out
    assert out.splitlines()[2].startswith("Inte beslutför: 1 av 8 ledamöter närvarande")


def test_an_extra_meeting_called_by_the_chair(capsys: pytest.CaptureFixture[str]) -> None:
    argv = [*MEETING, "--present", "Salem", "--called-by", "Salem", "--format", "json"]
    status, _, err = run(capsys, *argv, "--lang", "en")
    assert status == 2 and "--called-by needs --chair" in err
    _, out, _ = run(capsys, *argv, "--chair", "Salem")
    assert json.loads(out)["validly_called"] is True
    _, out, _ = run(capsys, *argv, "--chair", "Huddinge")
    assert json.loads(out)["validly_called"] is False


@pytest.mark.parametrize(
    ("argv", "status", "needle"),
    [
        (["--present", "Gotland"], 2, "'Gotland' is not one of the parties"),
        (["--present"], 2, "argument --present: expected at least one argument"),
        (["--present", "Salem", "--remote", "salem"], 2, "Salem is given both with --present"),
    ],
)
def test_meeting_errors(
    capsys: pytest.CaptureFixture[str], argv: list[str], status: int, needle: str
) -> None:
    got, out, err = run(capsys, *MEETING, *argv, "--lang", "en")
    assert (got, out) == (status, "")
    assert needle in err and err.count("\n") == 1


def test_meeting_before_the_agreement(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "meeting", "--date", "2009-06-01", "--present", "Salem")
    assert status == 1
    assert err == (
        "sodertorn: fel: --date 2009-06-01 är före den 2010-01-01, då avtalet trädde i kraft "
        "(§ 2)\n"
    )


ITEMS = "name,amount\nBank account,1000000\n# a comment\nOffice lease,-250000\n"


def test_dissolve_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "items.csv"
    path.write_text(ITEMS, encoding="utf-8")
    status, out, _ = run(capsys, "dissolve", "--items", str(path), "--year", "2024", "--lang", "en")
    assert status == 0
    assert "31 December 2023" in out.splitlines()[0]
    lines = out.splitlines()
    assert lines[2].split()[:3] == ["Code", "Party", "Inhabitants"]
    assert lines[-1].split()[0] == "Total"
    assert "SEK 750,000" in lines[-1]


def test_dissolve_json_csv_and_explain(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "items.json"
    path.write_text('[{"name": "Bank", "amount": 1000.5}, {"name": "Lease", "amount": "-3"}]')
    _, out, _ = run(capsys, "dissolve", "--items", str(path), "--format", "json", "--unit", "ore")
    data = json.loads(out)
    assert data["schema"] == "sodertorn/dissolution/1"
    assert data["population_date"] == f"{data['decision_year'] - 1}-12-31"
    for index, (name, total) in enumerate((("Bank", Decimal("1000.5")), ("Lease", Decimal(-3)))):
        shares = [party["shares"][index] for party in data["statements"]]
        assert {share["item"] for share in shares} == {name}
        assert sum(Decimal(share["amount"]) for share in shares) == total
    _, out, _ = run(capsys, "dissolve", "--items", str(path), "--format", "csv", "--unit", "ore")
    rows = out.splitlines()
    assert rows[0] == "code,name,population,assets,liabilities,net"
    assert sum(Decimal(row.split(",")[5]) for row in rows[1:]) == Decimal("997.50")
    _, out, _ = run(capsys, "dissolve", "--items", str(path), "--unit", "ore", "--explain")
    assert out.count("(Samarbetsavtal 2010, § 10)") == 9


def test_dissolve_with_a_population_file_and_stdin(tmp_path: Path) -> None:
    population = tmp_path / "pop.csv"
    population.write_text(
        "code,year,population\n"
        + "".join(
            f"{c},2030,1000\n"
            for c in ["0126", "0127", "0128", "0136", "0138", "0140", "0181", "0192"]
        ),
        encoding="utf-8",
    )
    result = spawn(
        "dissolve", "--items", "-", "--population", str(population), "--format", "json",
        stdin=b"name,amount\nBank,800\n",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["decision_year"] == 2031
    assert {party["net"] for party in data["statements"]} == {"100"}


def test_dissolve_reads_windows_1252(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "items.csv"
    path.write_bytes("name,amount\nLokalhyra för kontor,-250000\n".encode("cp1252"))
    status, out, _ = run(capsys, "dissolve", "--items", str(path), "--format", "json")
    assert status == 0
    assert json.loads(out)["items"] == [
        {"name": "Lokalhyra för kontor", "kind": "liability", "amount": "-250000"}
    ]


@pytest.mark.parametrize(
    ("make", "needle"),
    [
        (lambda tmp: str(tmp / "nope.csv"), "cannot read items file '"),
        (str, "not a regular file"),
        (lambda tmp: "/dev/zero", "not a regular file"),
    ],
)
def test_dissolve_files_that_cannot_be_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make: object, needle: str
) -> None:
    assert callable(make)
    status, out, err = run(capsys, "dissolve", "--items", make(tmp_path), "--lang", "en")
    assert (status, out) == (1, "")
    assert needle in err and err.count("\n") == 1


def test_a_fifo_is_refused_not_waited_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import os

    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    status, _, err = run(capsys, "dissolve", "--items", str(fifo), "--lang", "en")
    assert status == 1 and "not a regular file" in err


def test_dissolve_never_echoes_another_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "shadow"
    path.write_text("root:$6$saltsalt$hash:19000:0:99999:7:::\n", encoding="utf-8")
    status, _, err = run(capsys, "dissolve", "--items", str(path))
    assert status == 1
    assert "saltsalt" not in err
