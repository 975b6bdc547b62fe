from __future__ import annotations

import json
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sodertorn.cli import main

if TYPE_CHECKING:
    from pathlib import Path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_fees_table_for_2024(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "fees", "2024")
    assert status == 0 and err == ""
    assert "Summa" in out and "2\xa0083\xa0296\xa0kr" in out
    assert "Nynäshamn" in out and "15 mars 2024" in out


def test_default_year_is_the_latest_the_data_allows(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "fees", "--format", "json")
    assert status == 0
    assert json.loads(out)["year"] == 2025


def test_fees_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "fees", "2024", "--format", "json")
    data = json.loads(out)
    assert data["year"] == 2024
    assert data["rule"] == "per_capita"
    assert data["due_date"] == "2024-03-15"
    assert data["total"] == "2083296"
    assert data["fees"][0] == {
        "code": "0126", "name": "Huddinge", "population": 113920, "amount": "455680"
    }  # fmt: skip


def test_fees_csv(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "fees", "2010", "--format", "csv")
    rows = out.splitlines()
    assert rows[0] == "code,name,population,amount"
    assert len(rows) == 9
    assert sum(int(row.split(",")[3]) for row in rows[1:]) == 860_000


def test_fees_explain_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "fees", "2024", "--lang", "en", "--explain", "salem")
    assert out.startswith("Fee year 2024: Salem")
    _, out, _ = run(capsys, "fees", "2024", "--explain")
    assert out.startswith("Avgiftsår 2024")


def test_population_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "pop.csv"
    path.write_text(
        "code,year,population\n"
        + "".join(
            f"{c},2030,1000\n"
            for c in ["0126", "0127", "0128", "0136", "0138", "0140", "0181", "0192"]
        ),
        encoding="utf-8",
    )
    status, out, _ = run(capsys, "fees", "--population", str(path), "--format", "json")
    assert status == 0
    assert json.loads(out)["total"] == "32000"


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        ([], "required: COMMAND"),
        (["fees", "abc"], "invalid int value: 'abc'"),
        (["fees", "1990"], "no fee rule for fee year 1990"),
        (["fees", "2024", "--format", "xml"], "invalid choice: 'xml'"),
        (["fees", "2024", "--lang", "de"], "invalid choice: 'de'"),
        (["fees", "--population", "/nonexistent/pop.csv"], "cannot read population file"),
        (["fees", "2024", "--explain", "Gotland"], "okänd kommun 'Gotland'; ange en av"),
        (
            ["fees", "2024", "--explain", "Gotland", "--lang", "en"],
            "unknown municipality 'Gotland'",
        ),
        (["nonsense"], "invalid choice: 'nonsense'"),
    ],
)
def test_bad_arguments_give_one_line_and_status_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], needle: str
) -> None:
    status, out, err = run(capsys, *argv)
    assert status == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert needle in err


@given(
    st.lists(
        st.sampled_from(
            [
                "fees",
                "2024",
                "--format",
                "json",
                "--lang",
                "en",
                "sv",
                "--explain",
                "--population",
                "x",
                "-1",
                "",
                "table",
            ]
        )
    )
    | st.lists(st.text(max_size=8), max_size=5)
)
def test_fuzz_arguments_never_traceback(argv: list[str]) -> None:
    try:
        status = main(argv)
    except SystemExit as stop:  # --help and --version exit through argparse
        assert stop.code == 0
        return
    assert status in (0, 2)


def test_a_closed_pipe_is_not_a_traceback() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "sodertorn", "fees", "2012", "--explain"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # like `| head -0`: nobody reads
    with process.stderr:
        error = process.stderr.read().decode()
    assert process.wait() == 1
    assert "Traceback" not in error and "BrokenPipe" not in error


def test_python_dash_m(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "sodertorn", "fees", "2024", "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["total"] == "2083296"


def test_fees_does_not_load_the_other_subcommands(tmp_path: Path) -> None:
    code = (
        "import sys; from sodertorn.cli import main; main(['fees', '2024', '--format', 'json']);"
        "print(sorted(m for m in sys.modules if m.startswith(('sodertorn.agreement',"
        " 'sodertorn.programme', 'babel'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_help_lists_every_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--help"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    for command in ("fees", "notice", "dissolve", "goals"):
        assert command in out
