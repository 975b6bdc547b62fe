"""The parts of the frame that a normal run does not reach: every failure stays one line."""

from __future__ import annotations

import argparse
import io
import sys
from typing import TYPE_CHECKING

import pytest

from sodertorn.cli import _classify, main
from sodertorn.cli._i18n import DataError, argparse_in, shown, translator
from sodertorn.cli._output import Column, Report, render
from sodertorn.cli._stream import write_text

from .running import run

if TYPE_CHECKING:
    from pathlib import Path


def test_lang_with_an_equals_sign(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "fees", "2024", "--lang=en")
    assert status == 0 and "Total" in out
    status, _, err = run(capsys, "fees", "x", "--lang=en")
    assert status == 2 and "is not a year" in err


@pytest.mark.parametrize(
    ("error", "status", "needle"),
    [
        (FileNotFoundError(2, "No such file or directory", "a.csv"), 1, "'a.csv': no such file"),
        (MemoryError(), 1, "too large for the memory available"),
        (RecursionError(), 1, "nested too deeply"),
        (OverflowError(), 1, "out of range"),
        (ZeroDivisionError(), 1, "internal error (ZeroDivisionError)"),
    ],
)
def test_exceptions_are_classified(error: Exception, status: int, needle: str) -> None:
    classified = _classify(error)
    assert classified.status == status
    assert needle in classified.render(translator("en"))


def test_a_handler_that_returns_nonsense_is_a_bug(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sodertorn.cli.fees

    monkeypatch.setattr(sodertorn.cli.fees, "fees", lambda args: "text")
    status, _, err = run(capsys, "fees", "--lang", "en")
    assert status == 1 and "internal error (TypeError)" in err


def test_a_closed_pipe_in_the_process(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sodertorn.cli.fees

    def closed(args: object) -> int:
        raise BrokenPipeError

    monkeypatch.setattr(sodertorn.cli.fees, "fees", closed)
    assert run(capsys, "fees") == (1, "", "")


def test_an_unknown_stream_encoding_is_ascii_with_replacements() -> None:
    class Stream(io.StringIO):
        encoding = "no-such-encoding"

    stream = Stream()
    write_text("Tyresö\n", stream)
    assert stream.getvalue() == "Tyres?\n"


def test_a_file_too_large(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sodertorn.cli._input

    monkeypatch.setattr(sodertorn.cli._input, "LARGEST", 10)
    path = tmp_path / "items.csv"
    path.write_text("name,amount\nBank,1\n", encoding="utf-8")
    status, _, err = run(capsys, "dissolve", "--items", str(path), "--lang", "en")
    assert status == 1 and "larger than 0 MB" in err


def test_standard_input_without_bytes(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("name,amount\n"))
    status, _, err = run(capsys, "dissolve", "--items", "-", "--lang", "en")
    assert status == 1 and "items file: standard input cannot be read" in err


def test_argparse_plurals_go_through_the_catalogue() -> None:
    with argparse_in(translator("sv")):
        assert argparse.ngettext("expected %s argument", "expected %s arguments", 2) == (  # type: ignore[attr-defined]
            "%s argument väntades"
        )
    assert argparse.ngettext("a", "b", 2) == "b"  # type: ignore[attr-defined]


def test_shown_values() -> None:
    assert shown(12) == "12"
    assert shown("a\x1b[31mb") == "'a\\x1b[31mb'"
    assert shown("x" * 100).endswith("…'")


def test_tables_show_yes_no_and_blank_cells() -> None:
    report = Report(
        kind="test",
        document={},
        columns=(Column("flag", "Total"), Column("ok", "Total", "bool")),
        rows=(("a", True), (None, False)),
    )
    assert render(report, "table", "sv").splitlines()[2:] == ["a      ja", "       nej"]
    assert render(report, "csv", "sv") == "flag,ok\na,true\n,false\n"


def test_data_errors_are_status_1() -> None:
    assert DataError("x").status == 1


def test_main_reads_sys_argv(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "argv", ["sodertorn", "--version"])
    assert main() == 0
    assert capsys.readouterr().out.startswith("sodertorn ")
