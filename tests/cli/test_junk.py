"""Junk in, one line out: whatever the arguments, files or environment, no traceback.

Every run ends with exit status 0, 1 (data) or 2 (usage); a failure writes nothing to
standard output and exactly one line to standard error.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from typing import TYPE_CHECKING
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sodertorn.cli import main
from sodertorn.cli._input import LARGEST
from sodertorn.testing import command_lines, environments

from .running import spawn

if TYPE_CHECKING:
    from pathlib import Path

JUNK_FILES: dict[str, bytes] = {
    "items.csv": b"name,amount\nBank,1000\nLease,-250000\n",
    "nul.csv": b"name,amount\nA\x00B,1\n",
    "long.csv": b'name,amount\n"' + b"x" * 200_000 + b'",1\n',
    "cp1252.csv": "name,amount\nLokalhyra för kontor,-250000\n".encode("cp1252"),
    "nested.json": b"[" * 50_000,
    "huge.json": b'{"Bank": 1e999999}',
    "digits.json": b'{"Bank": ' + b"9" * 5000 + b"}",
    "population.csv": b"code,year,population\n0126,2023," + b"9" * 5000 + b"\n",
    "scb.csv": b'"region";"2023"\n"0126 Huddinge";"-5"\n',
    "empty.csv": b"",
    "binary.bin": bytes(range(256)),
    "secret": b"root:$6$saltsalt$hash:19000:0:99999:7:::\n",
}


@pytest.fixture(scope="module")
def junk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("junk")
    for name, data in JUNK_FILES.items():
        (folder / name).write_bytes(data)
    with (folder / LARGE).open("wb") as handle:
        handle.truncate(LARGEST + 1)  # sparse: no disk written
    return folder


LARGE = "large.csv"
"""A file one byte over the bound of what the command line reads."""


def _files(folder: Path) -> list[str]:
    """The junk files, the folder itself, devices, a missing file and standard input.

    A FIFO is not among them: a command that waited on it would stop this process;
    test_a_fifo_is_refused_by_every_option runs the commands that read files on one, each
    in a process of its own.
    """
    return [str(folder / name) for name in (*JUNK_FILES, LARGE)] + [
        str(folder),
        "/dev/null",
        "/dev/zero",
        "/nonexistent",
        "-",
    ]


def check(status: int, out: str, err: str) -> None:
    assert status in (0, 1, 2), status
    assert "Traceback" not in err
    if status:
        assert out == ""
        assert err.count("\n") == 1 and err.endswith("\n"), err
        assert "saltsalt" not in err
        assert "internal error" not in err and "internt fel" not in err, err
    else:
        assert err == ""


@given(data=st.data(), stdin=st.sampled_from(list(JUNK_FILES.values())))
def test_arguments_and_files(junk: Path, data: st.DataObject, stdin: bytes) -> None:
    argv = data.draw(command_lines(_files(junk)))
    out, err = io.StringIO(), io.StringIO()
    fake_stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    with (
        mock.patch.object(sys, "stdin", fake_stdin),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        status = main(argv)
    check(status, out.getvalue(), err.getvalue())


RUNS = [
    ["fees", "2024"],
    ["fees", "2024", "--lang", "en", "--explain", "Tyresö"],
    ["fees", "Södertälje"],
    ["meeting", "--date", "2024-03-21", "--present", "Tyresö"],
    ["--help"],
    ["goals", "sup2040", "--format", "markdown"],
    ["dissolve", "--items", "-"],
    ["report", "2024", "--status", "-"],
]


@settings(max_examples=12)  # each example starts a Python process
@given(environment=environments(), argv=st.sampled_from(RUNS))
def test_environments(environment: dict[str, str], argv: list[str]) -> None:
    result = spawn(*argv, env=environment, stdin=JUNK_FILES["cp1252.csv"])
    encoding = environment.get("PYTHONIOENCODING", "utf-8")
    err = result.stderr.decode(encoding, errors="replace")
    assert result.returncode in (0, 1, 2), err
    assert "Traceback" not in err
    if result.returncode:
        assert err.count("\n") == 1, err
    else:
        assert result.stdout


def test_the_issues_bad_inputs_are_data_errors(junk: Path) -> None:
    cases = [
        ["dissolve", "--items", str(junk / "long.csv")],
        ["dissolve", "--items", str(junk / "nested.json")],
        ["dissolve", "--items", str(junk / "huge.json")],
        ["dissolve", "--items", str(junk / "digits.json")],
        ["fees", "--population", str(junk / "population.csv")],
        ["fees", "--population", str(junk / "binary.bin")],
        [
            "notice",
            "--party",
            "Salem",
            "--council-decision",
            "2024-01-01",
            "--received",
            "9999-12-31",
        ],
        ["dissolve", "--items", str(junk / "secret")],
        ["dissolve", "--items", str(junk / LARGE)],
        ["report", "2024", "--status", str(junk / "secret")],
        ["report", "2024", "--status", str(junk / "cp1252.csv")],
        ["report", "2024", "--status", str(junk / "nested.json")],
        ["report", "2024", "--status", str(junk / "nul.csv")],
        ["report", "2024", "--status", str(junk / LARGE)],
        ["report", "2024", "--status", "/dev/zero"],
        ["report", "2024", "--status", str(junk / "items.csv"), "--indicators", "/dev/zero"],
        ["fees", "--population", "/dev/zero"],
    ]
    for argv in cases:
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = main(argv)
        assert status == 1, (argv, err.getvalue())
        check(status, out.getvalue(), err.getvalue())
        assert "internal error" not in err.getvalue()


FILE_OPTIONS = [
    ["dissolve", "--items"],
    ["fees", "2024", "--population"],
    ["invoices", "2024", "--output", "out", "--details"],
    ["report", "2024", "--status"],
    ["report", "2024", "--status", "status.csv", "--indicators"],
]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
@pytest.mark.parametrize("argv", FILE_OPTIONS)
def test_a_fifo_is_refused_by_every_option(tmp_path: Path, argv: list[str]) -> None:
    os.mkfifo(tmp_path / "fifo")
    (tmp_path / "status.csv").write_bytes(b"activity,status,date\n")
    # A process of its own, which the harness's timeout ends should it wait on the FIFO.
    result = spawn(*argv, "fifo", cwd=str(tmp_path))
    err = result.stderr.decode("utf-8", errors="replace")
    check(result.returncode, result.stdout.decode("utf-8", errors="replace"), err)
    assert result.returncode == 1 and "fifo" in err
