"""Every file the command line reads: bounded, regular files only, ``-`` for standard input.

Each option that names an input file (``report --status`` and ``--indicators``, ``dissolve
--items``, ``invoices --details``, ``--population`` of the others) refuses a FIFO without
waiting for a writer, a device that never ends, and a file over the size bound, in one
line in the language asked for; each reads standard input for ``-``.
"""

from __future__ import annotations

import io
import os
import sys
from typing import TYPE_CHECKING
from unittest import mock

import pytest

from sodertorn.cli._input import LARGEST

from ..programme.test_followup import filled_csv
from ..programme.test_report import EXAMPLE
from .running import run, spawn

if TYPE_CHECKING:
    from pathlib import Path


def _commands(path: str) -> list[list[str]]:
    """A command line per option that reads a file, that file being *path*."""
    return [
        ["report", "2024", "--status", path],
        ["report", "2024", "--status", "status.csv", "--indicators", path],
        ["dissolve", "--items", path],
        ["invoices", "2024", "--output", "out", "--details", path],
        ["fees", "2024", "--population", path],
        ["contributions", "500000", "--decided", "2024-03-21", "--population", path],
    ]


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder of its own to run in, with a filled status file: paths short enough to show."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "status.csv").write_text(filled_csv(), encoding="utf-8")
    return tmp_path


NOT_REGULAR = {"sv": "inte en vanlig fil", "en": "not a regular file"}
POPULATION_NOT_REGULAR = {
    "sv": "är ingen vanlig fil (en enhet, FIFO eller socket)",
    "en": "is not a regular file (a device, FIFO or socket)",
}


def _refusal(argv: list[str], lang: str) -> str:
    return (POPULATION_NOT_REGULAR if "--population" in argv else NOT_REGULAR)[lang]


def _one_line(status: int, out: str, err: str) -> None:
    assert (status, out) == (1, ""), err
    assert err.count("\n") == 1 and err.endswith("\n"), err
    assert "Traceback" not in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("index", range(6))
def test_a_fifo_is_refused_not_waited_on(here: Path, lang: str, index: int) -> None:
    os.mkfifo(here / "fifo")
    argv = _commands("fifo")[index]
    # In a process of its own: the harness's timeout ends it should it wait on the FIFO.
    result = spawn(*argv, "--lang", lang, cwd=str(here))
    err = result.stderr.decode("utf-8")
    _one_line(result.returncode, result.stdout.decode("utf-8"), err)
    assert _refusal(argv, lang) in err and "'fifo'" in err


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("index", range(6))
def test_a_device_is_refused(
    here: Path, capsys: pytest.CaptureFixture[str], lang: str, index: int
) -> None:
    argv = _commands("/dev/zero")[index]
    status, out, err = run(capsys, *argv, "--lang", lang)
    _one_line(status, out, err)
    assert _refusal(argv, lang) in err and "/dev/zero" in err


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("sv", "kan inte läsa statusfilen '{file}': inte en vanlig fil"),
        ("en", "cannot read status file '{file}': not a regular file"),
    ],
)
def test_the_report_names_the_file_it_refuses(
    here: Path, capsys: pytest.CaptureFixture[str], lang: str, message: str
) -> None:
    (here / "folder").mkdir()
    status, out, err = run(capsys, "report", "2024", "--status", "folder", "--lang", lang)
    _one_line(status, out, err)
    label = {"sv": "fel", "en": "error"}[lang]
    assert err == f"sodertorn: {label}: {message.format(file='folder')}\n"


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("sv", "'{file}': större än 16 MB; en mindre fil väntades"),
        ("en", "'{file}': larger than 16 MB; expected a smaller file"),
    ],
)
@pytest.mark.parametrize("index", range(4))
def test_a_file_over_the_bound_is_refused(
    here: Path, capsys: pytest.CaptureFixture[str], lang: str, message: str, index: int
) -> None:
    with (here / "large.csv").open("wb") as handle:
        handle.truncate(LARGEST + 1)  # sparse: no disk written
    status, out, err = run(capsys, *_commands("large.csv")[index], "--lang", lang)
    _one_line(status, out, err)
    assert message.format(file="large.csv") in err


def _with_stdin(
    capsys: pytest.CaptureFixture[str], data: bytes, *argv: str
) -> tuple[int, str, str]:
    stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    with mock.patch.object(sys, "stdin", stdin):
        return run(capsys, *argv)


def test_the_status_file_from_standard_input(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from_file = run(capsys, "report", "2024", "--status", "status.csv")
    from_stdin = _with_stdin(capsys, filled_csv().encode(), "report", "2024", "--status", "-")
    assert from_stdin == from_file
    assert from_stdin[0] == 0 and "genomförd, 29 november 2024" in from_stdin[1]


def test_json_from_standard_input_is_read_as_json(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from sodertorn import load_plan
    from sodertorn.programme import FollowUp

    document = FollowUp.from_csv(filled_csv(), load_plan(2024)).to_json().encode()
    status, out, err = _with_stdin(
        capsys, document, "report", "2024", "--status", "-", "--lang", "en"
    )
    assert (status, err) == (0, "")
    assert "done, 29 November 2024" in out
    indicators = EXAMPLE.to_json().encode()
    status, out, err = _with_stdin(
        capsys, indicators, "report", "2024", "--status", "status.csv", "--indicators", "-"
    )
    assert (status, err) == (0, "")
    assert "Indikator: Publika laddpunkter: 150 st år 2024" in out


def test_a_status_file_with_a_byte_order_mark(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = _with_stdin(
        capsys, b"\xef\xbb\xbf" + filled_csv().encode(), "report", "2024", "--status", "-"
    )
    assert (status, err) == (0, "")


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("sv", "sodertorn: fel: <stdin>: inte text i UTF-8; spara filen som UTF-8\n"),
        ("en", "sodertorn: error: <stdin>: not UTF-8 text; save the file as UTF-8\n"),
    ],
)
def test_a_status_file_not_in_utf8_is_named(
    capsys: pytest.CaptureFixture[str], lang: str, message: str
) -> None:
    data = "activity,status,date\nrufs-klimat,pågår,2024-01-02\n".encode("cp1252")
    status, out, err = _with_stdin(capsys, data, "report", "2024", "--status", "-", "--lang", lang)
    _one_line(status, out, err)
    assert err == message


def test_both_files_from_standard_input_is_a_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = _with_stdin(
        capsys, b"", "report", "2024", "--status", "-", "--indicators", "-", "--lang", "en"
    )
    assert (status, out) == (2, "")
    assert err.endswith(": error: --status and --indicators cannot both read standard input\n")


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("sv", "folkmängdsfilen: standard in kan inte läsas"),
        ("en", "population file: standard input cannot be read"),
    ],
)
def test_a_closed_standard_input_is_a_data_error(
    here: Path, capsys: pytest.CaptureFixture[str], lang: str, message: str
) -> None:
    for argv in _commands("-"):
        with mock.patch.object(sys, "stdin", None):
            status, out, err = run(capsys, *argv, "--lang", lang)
        _one_line(status, out, err)
        if "--population" in argv:
            assert message in err


_OUTPUTS = [
    ["fees", "2024", "--format", "csv", "--output", "out"],
    ["fees", "2024", "--format", "xlsx", "--output", "out.xlsx"],
    ["report", "2024", "--status", "-", "--output", "out"],
]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
@pytest.mark.parametrize(
    ("lang", "reason"),
    [
        ("sv", "ingen process läser från den (en FIFO utan läsare)"),
        ("en", "no process reads from it (a FIFO without a reader)"),
    ],
)
@pytest.mark.parametrize("argv", _OUTPUTS)
def test_an_output_fifo_nobody_reads_is_refused_not_waited_on(
    here: Path, lang: str, reason: str, argv: list[str]
) -> None:
    os.mkfifo(here / argv[-1])
    # In a process of its own: the harness's timeout ends it should it wait on the FIFO.
    result = spawn(*argv, "--lang", lang, cwd=str(here), stdin=filled_csv().encode("utf-8"))
    err = result.stderr.decode("utf-8")
    _one_line(result.returncode, result.stdout.decode("utf-8"), err)
    assert result.returncode == 1
    assert reason in err and argv[-1] in err


def test_an_output_file_is_written_as_given(here: Path) -> None:
    from sodertorn.cli._stream import write_file

    write_file("text.csv", "a;b\r\nc;d\n")
    write_file("data.bin", b"\x00\xff")
    assert (here / "text.csv").read_bytes() == b"a;b\r\nc;d\n"
    assert (here / "data.bin").read_bytes() == b"\x00\xff"


@pytest.mark.parametrize("year", ["²", "٢٠٢٤", "2" * 5000, "20x4"])
def test_a_report_year_that_is_not_four_ascii_digits_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], year: str
) -> None:
    status, out, err = run(capsys, "report", "template", year, "--lang", "en")
    assert (status, out) == (2, "") and err.count("\n") == 1, err
    assert "invalid year" in err and "internal error" not in err


def test_the_report_template_reaches_a_terminal_that_is_not_utf8(here: Path) -> None:
    result = spawn("report", "template", "2024", env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 0, result.stderr
    assert result.stderr == b""
    assert b"activity" in result.stdout


def test_a_wrong_status_header_lists_the_columns_as_a_sentence(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (here / "s.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    status, _, err = run(capsys, "report", "2024", "--status", "s.csv", "--lang", "sv")
    assert status == 1
    assert err.endswith(
        "s.csv: rad 1: ogiltig rubrikrad; kolumnerna 'activity', 'goal', 'network', 'text', "
        "'status', 'date' och 'comment' väntades (minst 'activity', 'status' och 'date', var "
        "och en en gång)\n"
    ), err


@pytest.mark.parametrize("timeout", ["inf", "nan", "1e400", "0", "-1", "3601", "٣٠"])
def test_a_fetch_timeout_out_of_range_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], timeout: str
) -> None:
    status, out, err = run(
        capsys, "population", "fetch", "2024", "--timeout", timeout, "--lang", "en"
    )
    assert (status, out) == (2, "") and err.count("\n") == 1, err
    assert "is not a number of seconds" in err
