"""The command line's frame: parser, shared options, error boundary, languages, output."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

from sodertorn.cli import SUBCOMMANDS, build_parser, main

from .running import run, spawn

if TYPE_CHECKING:
    from pathlib import Path


def test_fees_table_for_2024(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "fees", "2024")
    assert status == 0 and err == ""
    assert "Summa" in out and "2\xa0083\xa0296\xa0kr" in out
    assert "Nynäshamn" in out and "15 mars 2024" in out
    lines = out.splitlines()
    assert lines[0].split()[:2] == ["Kommunkod", "Kommun"]
    assert lines[2].split()[:2] == ["0126", "Huddinge"]


def test_default_year_is_the_latest_the_data_allows(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "fees", "--format", "json")
    assert status == 0
    assert json.loads(out)["year"] == 2025


def test_fees_json(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "fees", "2024", "--format", "json")
    data = json.loads(out)
    assert next(iter(data)) == "schema" and data["schema"] == "sodertorn/fees/1"
    assert (data["year"], data["rule"], data["due_date"]) == (2024, "per_capita", "2024-03-15")
    assert (data["population_date"], data["unit"], data["rounding"]) == (
        "2023-12-31",
        "krona",
        "half-up",
    )
    assert data["payable_by"] == "2024-03-15"
    assert data["total"] == "2083296"
    assert data["fees"][0] == {
        "code": "0126", "name": "Huddinge", "population": 113920, "amount": "455680"
    }  # fmt: skip


def test_fees_csv(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "fees", "2010", "--format", "csv")
    rows = out.splitlines()
    assert rows[0] == "code,name,population,amount,population_source"
    assert rows[1].startswith("0126,Huddinge,")
    # Every row names where its population comes from.
    assert all(row.endswith('(Källa: SCB)"') for row in rows[1:])
    assert len(rows) == 9
    assert sum(int(row.split(",")[3]) for row in rows[1:]) == 860_000


def test_csv_for_swedish_excel(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "fees.csv"
    status, out, _ = run(
        capsys, "fees", "2024", "--format", "csv", "--excel", "--output", str(target)
    )
    assert (status, out) == (0, "")
    data = target.read_bytes()
    assert data.startswith("\ufeff".encode())
    lines = data.decode("utf-8-sig").split("\r\n")
    assert lines[0] == "code;name;population;amount;population_source"
    assert lines[1].startswith('="0126";Huddinge;113920;455680;"Statistics Sweden (SCB)')
    assert lines[-1] == ""


def test_excel_needs_csv(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "fees", "2024", "--excel", "--lang", "en")
    assert status == 2
    assert err == "sodertorn: error: --excel needs --format csv\n"


def test_fees_explain_in_both_languages(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "fees", "2024", "--lang", "en", "--explain", "salem")
    assert out.startswith("Fee year 2024: Salem")
    _, out, _ = run(capsys, "fees", "2024", "--explain")
    assert out.startswith("Avgiftsår 2024\n")


def test_explain_goes_into_json_and_is_refused_with_csv(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "fees", "2024", "--explain", "Salem", "--format", "json")
    assert json.loads(out)["explanation"].startswith("Avgiftsår 2024: Salem")
    status, out, err = run(capsys, "fees", "2024", "--explain", "--format", "csv")
    assert (status, out) == (2, "")
    assert "--explain kan inte skrivas som CSV" in err


def test_population_file_and_stdin(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "code,year,population\n" + "".join(
        f"{c},2030,1000\n" for c in ["0126", "0127", "0128", "0136", "0138", "0140", "0181", "0192"]
    )
    path = tmp_path / "pop.csv"
    path.write_text(text, encoding="utf-8")
    status, out, _ = run(capsys, "fees", "--population", str(path), "--format", "json")
    assert status == 0
    assert json.loads(out)["total"] == "32000"
    result = spawn("fees", "--population", "-", "--format", "json", stdin=text.encode())
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["population_source"] == "file <stdin>"


def test_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "fees.json"
    status, out, err = run(capsys, "fees", "2024", "--format", "json", "--output", str(target))
    assert (status, out, err) == (0, "", "")
    assert json.loads(target.read_text(encoding="utf-8"))["total"] == "2083296"
    status, out, _ = run(capsys, "fees", "2024", "--output", "-")
    assert status == 0 and "Summa" in out


def test_output_that_cannot_be_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "fees", "2024", "--output", str(tmp_path), "--lang", "en")
    assert (status, out) == (1, "")
    assert err.startswith("sodertorn: error: cannot write '") and err.count("\n") == 1


@pytest.mark.parametrize(
    ("argv", "status", "needle"),
    [
        ([], 2, "the following arguments are required: COMMAND"),
        (["fees", "abc"], 2, "argument YEAR: 'abc' is not a year"),
        (["fees", "99999"], 2, "'99999' is not a year"),
        (["fees", "2025-2010"], 2, "'2025-2010' is not a year or a span of years"),
        (["fees", "2010-2025", "--explain", "Salem"], 2, "--explain PARTY needs one fee year"),
        (["fees", "2024", "--trace"], 2, "--trace needs --format json"),
        (["fees", "2024", "--format", "xlsx"], 2, "--format xlsx needs --output FILE.xlsx"),
        (["fees", "1990"], 1, "no fee rule for fee year 1990; the rules cover the fee years"),
        (["fees", "2024", "--format", "xml"], 2, "invalid choice: 'xml'"),
        (["fees", "2024", "--lang", "de"], 2, "invalid choice: 'de'"),
        (["fees", "--population", "/nonexistent/pop.csv"], 1, "cannot read population file"),
        (["fees", "2024", "--explain", "Gotland"], 2, "'Gotland' is not one of the parties"),
        (["nonsense"], 2, "invalid choice: 'nonsense'"),
        (["fees", "2024", "--form", "json"], 2, "unrecognized arguments: --form json"),
        (["goals", "sup1999"], 1, "unknown programme 'sup1999'"),
    ],
)
def test_errors_are_one_line_with_their_status(
    capsys: pytest.CaptureFixture[str], argv: list[str], status: int, needle: str
) -> None:
    got, out, err = run(capsys, *argv, "--lang", "en")
    assert got == status
    assert out == ""
    assert err.count("\n") == 1 and err.endswith("\n")
    assert err.startswith("sodertorn")
    assert ": error: " in err
    assert needle in err


def test_errors_are_swedish_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "fees", "20x4")
    assert status == 2
    assert err == (
        "sodertorn fees: fel: argument ÅR: '20x4' är inte ett år eller ett intervall av år; "
        "fyra siffror väntades, till exempel 2024, eller 2010-2025\n"
    )
    _, _, err = run(capsys, "fees", "2024", "--format", "xml")
    assert "ogiltigt val: 'xml' (välj bland 'table', 'csv', 'json', 'xlsx')" in err
    _, _, err = run(capsys, "--lang", "en", "fees", "2024", "--format", "xml")
    assert "invalid choice" in err


@pytest.mark.parametrize(
    ("argv", "swedish"),
    [
        (
            ["fees", "1990"],
            "sodertorn: fel: ingen avgiftsregel för avgiftsåret 1990; reglerna gäller "
            "avgiftsåren 2010–2017 och från 2018",
        ),
        (
            ["fees", "2030"],
            "sodertorn: fel: ingen folkmängd för den 31 december 2029 i de inbyggda "
            "uppgifterna; där finns 2008–2024",
        ),
        (
            ["goals", "sup1999"],
            "sodertorn: fel: okänt program 'sup1999'; ange sup2013, sup2035 eller sup2040",
        ),
    ],
)
def test_common_data_errors_in_swedish(
    argv: list[str], swedish: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, *argv) == (1, "", swedish + "\n")


def test_the_lang_before_the_command_counts(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "--lang", "en", "fees", "2024")
    assert "Total" in out


def test_help_in_swedish_and_english(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("användning: sodertorn")
    assert "visa den här hjälptexten och avsluta" in out
    for command in SUBCOMMANDS:
        assert command in out
    assert main(["fees", "--help", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: sodertorn fees") and "common options" in out
    assert main(["fees", "--help", "--lang", "sv"]) == 0
    assert "gemensamma flaggor" in capsys.readouterr().out


def test_argparse_speaks_english_again_after_a_swedish_run(
    capsys: pytest.CaptureFixture[str],
) -> None:
    import argparse

    run(capsys, "fees", "--help")
    with pytest.raises(SystemExit):
        argparse.ArgumentParser(prog="other").parse_args(["--nothing"])
    assert "unrecognized arguments" in capsys.readouterr().err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    from sodertorn import __version__

    assert run(capsys, "--version") == (0, f"sodertorn {__version__}\n", "")


@pytest.mark.parametrize("argv", [["--version"], ["--help"], ["--help", "--lang", "en"]])
def test_version_and_help_import_no_subcommand(argv: list[str], tmp_path: Path) -> None:
    code = (
        "import sys; from sodertorn.cli import main; status = main(sys.argv[1:]);"
        "print(status, sorted(m for m in sys.modules if m.startswith(('sodertorn.cli.',"
        " 'sodertorn.agreement', 'sodertorn.programme', 'sodertorn.fees', 'sodertorn.population'))"
        " and m not in ('sodertorn.cli._i18n', 'sodertorn.cli._stream')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, *argv],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    assert result.stdout.strip().splitlines()[-1] == "0 []"


def test_fees_does_not_load_the_other_subcommands(tmp_path: Path) -> None:
    code = (
        "import sys; from sodertorn.cli import main; main(['fees', '2024', '--format', 'json']);"
        "print(sorted(m for m in sys.modules if m.startswith(('sodertorn.agreement',"
        " 'sodertorn.programme', 'sodertorn.cli.agreement', 'sodertorn.cli.goals', 'babel'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_build_parser_has_every_subcommand() -> None:
    parser = build_parser()
    args = parser.parse_args(["meeting", "--date", "2024-03-21", "--present", "Salem"])
    assert args.command == "meeting" and args.format == "text"
    assert build_parser("fees", lang="en").parse_args(["fees"]).format == "table"
    help_text = build_parser(lang="en").format_help()
    for command in SUBCOMMANDS:
        assert command in help_text


def test_a_plugged_in_subcommand_gets_the_shared_options(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import types

    def register(subparsers: object) -> None:
        parser = subparsers.add_parser("hello", help="say hello")  # type: ignore[attr-defined]
        parser.set_defaults(func=lambda args: print(args.lang, args.format) or 0)

    module = types.ModuleType("sodertorn_test_plugin")
    module.register = register  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "sodertorn_test_plugin", module)
    monkeypatch.setitem(SUBCOMMANDS, "hello", ("sodertorn_test_plugin", "say hello"))
    assert run(capsys, "hello", "--lang", "en", "--format", "csv") == (0, "en csv\n", "")


def test_a_plugged_in_command_with_its_own_subcommands(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import types

    def register(subparsers: object) -> None:
        parser = subparsers.add_parser("population", help="population data")  # type: ignore[attr-defined]
        actions = parser.add_subparsers(dest="action", required=True)
        fetch = actions.add_parser("fetch", help="fetch", formats=("csv", "json"))
        fetch.add_argument("--year", type=int)
        fetch.set_defaults(func=lambda args: print(args.year, args.lang, args.format) or 0)

    module = types.ModuleType("sodertorn_test_population")
    module.register = register  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "sodertorn_test_population", module)
    monkeypatch.setitem(SUBCOMMANDS, "population", ("sodertorn_test_population", "population"))
    argv = ["population", "fetch", "--year", "2024", "--lang", "en", "--format", "json"]
    assert run(capsys, *argv) == (0, "2024 en json\n", "")
    status, _, err = run(capsys, "population", "fetch", "--format", "xml", "--lang", "en")
    assert status == 2 and "sodertorn population fetch: error: argument --format" in err
    assert main(["--help"]) == 0
    assert "population" in capsys.readouterr().out


def test_an_unexpected_exception_is_a_bug_report(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sodertorn.cli.fees

    def broken(args: object) -> int:
        raise KeyError("surprise")

    monkeypatch.setattr(sodertorn.cli.fees, "fees", broken)
    status, out, err = run(capsys, "fees", "2024", "--lang", "en")
    assert (status, out) == (1, "")
    assert err.count("\n") == 1
    assert "internal error (KeyError), a bug in sodertorn" in err and "--debug" in err
    assert "Traceback" not in err
    status, _, err = run(capsys, "fees", "2024", "--lang", "en", "--debug")
    assert status == 1
    assert err.startswith("Traceback (most recent call last):")
    assert "KeyError: 'surprise'" in err
    assert err.splitlines()[-1].startswith("sodertorn: error: internal error (KeyError)")


def test_an_interrupt_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sodertorn.cli.fees

    def interrupted(args: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(sodertorn.cli.fees, "fees", interrupted)
    assert run(capsys, "fees") == (130, "", "sodertorn: fel: avbrutet\n")


def test_a_broken_catalogue_still_gives_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sodertorn.cli

    def broken(lang: str) -> object:
        if lang == "sv":
            raise OSError("no catalogue")
        return lambda text: text

    monkeypatch.setattr(sodertorn.cli, "translator", broken)
    status, out, err = run(capsys, "fees", "20x4")
    assert (status, out) == (2, "")
    assert err.startswith("sodertorn fees: error: argument YEAR: '20x4' is not a year")


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


@pytest.mark.parametrize("encoding", ["ascii", "cp1252", "latin-1", "utf-8"])
def test_output_in_the_terminals_encoding(encoding: str, tmp_path: Path) -> None:
    result = spawn(
        "fees", "2024", "--explain", "Tyresö", env={"PYTHONIOENCODING": encoding}, cwd=str(tmp_path)
    )
    assert result.returncode == 0, result.stderr
    text = result.stdout.decode(encoding)
    if encoding == "ascii":
        assert text.startswith("Avgifts?r 2024: Tyres?\n")
    else:
        assert text.startswith("Avgiftsår 2024: Tyresö\n")
    result = spawn("--help", env={"PYTHONIOENCODING": encoding}, cwd=str(tmp_path))
    assert result.returncode == 0
    assert result.stdout.decode(encoding).startswith("anv")
    result = spawn("fees", "Södertälje", env={"PYTHONIOENCODING": encoding}, cwd=str(tmp_path))
    assert result.returncode == 2
    assert result.stderr.decode(encoding).count("\n") == 1


def test_python_dash_m_and_the_script(tmp_path: Path) -> None:
    result = spawn("fees", "2024", "--format", "json", cwd=str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["total"] == "2083296"
    script = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from sodertorn.cli import main; sys.exit(main())",
            "fees",
            "x",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert script.returncode == 2 and "Traceback" not in script.stderr
