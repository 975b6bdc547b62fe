"""The ``report`` subcommand: the template, the report from a filled file, refusals in one line."""

from __future__ import annotations

import datetime
import json
from typing import TYPE_CHECKING

import pytest

from sodertorn import load_plan
from sodertorn.cli import main
from sodertorn.programme import FollowUp

from .test_followup import TEN, filled_csv
from .test_report import EXAMPLE

if TYPE_CHECKING:
    from pathlib import Path


USAGE_ERROR = 2
DATA_ERROR = 1
"""The exit statuses of the command line: 2 for arguments it does not take, 1 for bad data."""


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_the_template_lists_the_ten_activities(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "status.csv"
    assert run(capsys, "report", "template", "2024", "--output", str(target)) == (0, "", "")
    rows = target.read_text(encoding="utf-8").splitlines()
    assert rows[0] == "activity,goal,network,text,status,date,comment"
    assert [row.split(",", 1)[0] for row in rows[1:]] == TEN
    status, out, _ = run(capsys, "report", "template", "2024")
    assert status == 0 and out.splitlines() == rows
    as_json = tmp_path / "status.json"
    assert run(capsys, "report", "template", "2024", "--output", str(as_json))[0] == 0
    document = json.loads(as_json.read_text(encoding="utf-8"))
    assert [a["id"] for a in document["activities"]] == TEN and document["statuses"] == []


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_filled_template_gives_the_report(
    lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status_file = tmp_path / "status.csv"
    assert run(capsys, "report", "template", "2024", "--output", str(status_file))[0] == 0
    status_file.write_text(filled_csv(status_file.read_text(encoding="utf-8")), encoding="utf-8")
    status, out, err = run(
        capsys,
        "report",
        "2024",
        "--status",
        str(status_file),
        "--format",
        "markdown",
        "--lang",
        lang,
    )
    assert (status, err) == (0, "")
    headings = {
        "sv": (
            "# Årsredovisning 2024",
            "## Aktiviteter utan uppgift",
            "## Mål utan aktivitet",
            "genomförd, 29 november 2024",
            "ingen uppgift",
        ),
        "en": (
            "# Yearly report 2024",
            "## Activities without a status",
            "## Goals without an activity",
            "done, 29 November 2024",
            "no information",
        ),
    }[lang]
    for heading in headings:
        assert heading in out
    for activity in TEN:
        assert f"(`{activity}`)" in out


def test_other_formats_indicators_and_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = load_plan(2024)
    status_file = tmp_path / "status.json"
    status_file.write_text(FollowUp.from_csv(filled_csv(), plan).to_json(), encoding="utf-8")
    indicators = tmp_path / "indicators.json"
    indicators.write_text(EXAMPLE.to_json(), encoding="utf-8")
    table = tmp_path / "indicators.csv"
    table.write_text(EXAMPLE.to_csv(), encoding="utf-8")
    status, out, _ = run(
        capsys, "report", "2024", "--status", str(status_file), "--indicators", str(table)
    )
    assert status == 0 and "Indikator: Restid: 45 min år 2024" in out
    status, out, _ = run(
        capsys, "report", "2024", "--status", str(status_file), "--indicators", str(indicators)
    )
    assert status == 0 and out.startswith("Årsredovisning 2024")
    assert "Indikator: Publika laddpunkter: 150 st år 2024" in out
    status, out, _ = run(
        capsys, "report", "2024", "--status", str(status_file), "--format", "html", "--lang", "en"
    )
    assert status == 0 and out.startswith('<div class="sodertorn-report">')


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("rymden,done,2024-05-02,", "rad 3: okänd aktivitet 'rymden'"),
        ("rufs-klimat,done,2023-12-31,", "rad 3: datumet 2023-12-31 ligger utanför planåret 2024"),
        ("rufs-klimat,ongoing,2024-10-01,", "rad 3: två statusar för 'rufs-klimat' den 2024-10-01"),
    ],
)
def test_a_wrong_line_is_one_line_on_stderr(
    row: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status_file = tmp_path / "status.csv"
    status_file.write_text(
        f"activity,status,date,comment\nrufs-klimat,done,2024-10-01,\n{row}\n", encoding="utf-8"
    )
    status, out, err = run(capsys, "report", "2024", "--status", str(status_file))
    assert status == DATA_ERROR and out == ""
    assert err == f"sodertorn: fel: {status_file}: {message}" + err.split(message, 1)[1]
    assert err.count("\n") == 1


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["report", "template"], "sodertorn report: fel: mallen behöver ett ÅR"),
        (["report", "2024"], "sodertorn report: fel: rapporten behöver statusfilen"),
        (
            ["report", "tjugo", "--status", "x.csv"],
            "ogiltigt år 'tjugo'; ange ett planår, till exempel 2019 eller 2024",
        ),
        (["report", "template", "2024", "--status", "x.csv"], "tar varken --status"),
        (["report", "2024", "2025", "--status", "x.csv"], "okänt argument '2025'"),
        (
            ["report", "2024", "--status", "x.csv", "--format", "xlsx"],
            "ange en fil med --output",
        ),
        (["report", "template", "--lang", "en"], "sodertorn report: error: the template needs"),
        (
            ["report", "tjugo", "--status", "x.csv", "--lang", "en"],
            "invalid year 'tjugo'; expected a plan year such as 2019 or 2024",
        ),
        (["report", "2024", "--status", "x.csv", "--format", "pdf"], "ogiltigt val: 'pdf'"),
    ],
)
def test_usage_errors(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, *argv)
    assert status == USAGE_ERROR and out == ""
    assert message in err and err.count("\n") == 1


def test_data_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # a name short enough to be shown whole
    missing = "nope.csv"
    status, _, err = run(capsys, "report", "2024", "--status", missing)
    assert status == DATA_ERROR
    assert (
        err
        == "sodertorn: fel: kan inte läsa statusfilen 'nope.csv': filen eller mappen finns inte\n"
    )
    latin = tmp_path / "latin.csv"
    latin.write_bytes("activity,status,date\nrufs-klimat,pågår,2024-01-02\n".encode("latin-1"))
    status, _, err = run(capsys, "report", "2024", "--status", str(latin))
    assert status == DATA_ERROR and "inte text i UTF-8; spara filen som UTF-8" in err
    status, _, err = run(capsys, "report", "2025", "--status", str(latin))
    assert status == DATA_ERROR and "ingen inbyggd verksamhetsplan för 2025; ange 2019 eller" in err
    status, _, err = run(
        capsys, "report", "template", "2024", "--output", str(tmp_path / "no" / "dir.csv")
    )
    assert status == DATA_ERROR and "kan inte skriva filen" in err
    status, _, err = run(capsys, "report", "2024", "--status", missing, "--lang", "en")
    assert (
        err == "sodertorn: error: cannot read status file 'nope.csv': no such file or directory\n"
    )


def test_the_report_to_a_file_and_as_a_workbook(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status_file = tmp_path / "status.csv"
    status_file.write_text(filled_csv(), encoding="utf-8")
    markdown = tmp_path / "report.md"
    argv = ["report", "2024", "--status", str(status_file), "--format", "markdown"]
    assert run(capsys, *argv, "--output", str(markdown)) == (0, "", "")
    assert markdown.read_text(encoding="utf-8").startswith("# Årsredovisning 2024")
    openpyxl = pytest.importorskip("openpyxl")
    workbook = tmp_path / "report.xlsx"
    argv = ["report", "2024", "--status", str(status_file), "--format", "xlsx", "--lang", "en"]
    assert run(capsys, *argv, "--output", str(workbook)) == (0, "", "")
    book = openpyxl.load_workbook(workbook)
    assert book.sheetnames == ["Activities", "Indicators", "Budget and fees"]
    rows = list(book["Activities"].iter_rows(values_only=True))
    assert rows[0] == (
        "Goal",
        "Network",
        "Activity",
        "id",
        "Status",
        "Date",
        "Comment",
        "Carried over",
    )
    by_id = {row[3]: row for row in rows[1:] if row[3] is not None}
    tree = load_plan(2024).tree
    in_goal_order = [
        activity.id
        for goal in tree.goals()
        for activity in load_plan(2024).activities_for(goal.id, below=False)
    ]
    assert sorted(in_goal_order) == sorted(TEN)
    assert list(by_id) == in_goal_order
    done = by_id["rufs-yttrande"]
    assert done[4:] == ("done", datetime.datetime(2024, 11, 29), "Inlämnat till regionen", "no")
    assert by_id["rufs-presentation"][4:] == ("no information", None, None, "yes")
    assert str(by_id["elforsorjning"][0]).startswith("Sub-goal: Comprehensive and good charging")
