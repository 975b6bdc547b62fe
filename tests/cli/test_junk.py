"""Junk in, one line out: whatever the arguments, files or environment, no traceback.

Every run ends with exit status 0, 1 (data) or 2 (usage); a failure writes nothing to
standard output and exactly one line to standard error.
"""

from __future__ import annotations

import contextlib
import io
import sys
from typing import TYPE_CHECKING
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sodertorn.cli import main

from .running import spawn

if TYPE_CHECKING:
    from pathlib import Path

COMMANDS = [
    "fees", "contributions", "dissolve", "meeting", "notice", "goals", "invoices", "nonsense", "",
]  # fmt: skip

# --output is left out: junk would write files where the tests run; it has its own tests.
OPTIONS = [
    "--lang", "--format", "--excel", "--explain", "--population", "--items",
    "--year", "--unit", "--date", "--present", "--remote", "--requested-by", "--called-by",
    "--chair", "--party", "--council-decision", "--received", "--decided", "--debug",
    "--help", "-h", "--version", "--trace", "--details", "--", "-",
]  # fmt: skip

VALUES = [
    "sv", "en", "de", "table", "csv", "json", "text", "markdown", "xlsx", "krona", "ore",
    "2024", "2010", "1990", "9999", "0", "-1", "99999", "9" * 5000, "2024-03-21", "2010-2025",
    "2025-2010", "2024-", "-2024",
    "2024-02-30", "9999-12-31", "0001-01-01", "2009-12-31", "Salem", "salem", "0126",
    "Gotland", "", " ", "\x00", "é", "sup2040", "sup1999", "500000", "1000.50", "1e9",
    "NaN", "-0", "1,5", "x" * 300,
]  # fmt: skip

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
    return folder


TEMPLATES = [
    ["fees", "Y", "--population", "F", "--format", "V", "--explain", "V"],
    ["fees", "V", "--format", "json", "--trace", "--population", "F"],
    [
        "dissolve",
        "--items",
        "F",
        "--year",
        "Y",
        "--population",
        "F",
        "--format",
        "V",
        "--unit",
        "V",
    ],
    ["contributions", "V", "--decided", "D", "--unit", "V", "--population", "F", "--explain"],
    [
        "meeting",
        "--date",
        "D",
        "--present",
        "V",
        "--remote",
        "V",
        "--called-by",
        "V",
        "--chair",
        "V",
    ],
    ["notice", "--party", "V", "--council-decision", "D", "--received", "D", "--format", "V"],
]
"""Commands of the right shape, their values drawn from junk: they reach the rules."""


def _tokens(folder: Path) -> st.SearchStrategy[list[str]]:
    files = [str(folder / name) for name in JUNK_FILES] + [
        str(folder),
        "/dev/null",
        "/nonexistent",
        "-",
    ]
    token = st.sampled_from(OPTIONS) | st.sampled_from(VALUES) | st.sampled_from(files)
    free = st.builds(
        lambda command, rest: [command, *rest] if command else rest,
        st.sampled_from(COMMANDS),
        st.lists(token, max_size=8),
    )
    slot = {
        "F": st.sampled_from(files),
        "Y": st.sampled_from(
            ["2010", "2018", "2024", "2025", "2026", "1990", "0000", "9999", "2016-2019"]
        ),
        "D": st.sampled_from(
            ["2024-03-21", "2010-01-01", "2009-12-31", "9999-12-31", "2024-02-30"]
        ),
        "V": st.sampled_from(VALUES),
    }
    shaped = st.sampled_from(TEMPLATES).flatmap(
        lambda template: st.tuples(*(slot.get(part, st.just(part)) for part in template)).map(list)
    )
    return shaped | free


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
    argv = data.draw(_tokens(junk))
    out, err = io.StringIO(), io.StringIO()
    fake_stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    with (
        mock.patch.object(sys, "stdin", fake_stdin),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        status = main(argv)
    check(status, out.getvalue(), err.getvalue())


ENVIRONMENTS = st.fixed_dictionaries(
    {},
    optional={
        "PYTHONIOENCODING": st.sampled_from(["ascii", "cp1252", "latin-1", "utf-8", "utf-16"]),
        "LANG": st.sampled_from(["C", "POSIX", "sv_SE.UTF-8", "en_US.ISO-8859-1", "xx_YY.junk"]),
        "LC_ALL": st.sampled_from(["C", "sv_SE.UTF-8", "", "junk"]),
        "COLUMNS": st.sampled_from(["0", "1", "-5", "abc", "100000"]),
        "TZ": st.sampled_from(["UTC", "Europe/Stockholm", "junk/zone"]),
        "HOME": st.sampled_from(["/nonexistent", ""]),
    },
)

RUNS = [
    ["fees", "2024"],
    ["fees", "2024", "--lang", "en", "--explain", "Tyresö"],
    ["fees", "Södertälje"],
    ["meeting", "--date", "2024-03-21", "--present", "Tyresö"],
    ["--help"],
    ["goals", "sup2040", "--format", "markdown"],
    ["dissolve", "--items", "-"],
]


@settings(max_examples=12)  # each example starts a Python process
@given(environment=ENVIRONMENTS, argv=st.sampled_from(RUNS))
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
    ]
    for argv in cases:
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = main(argv)
        assert status == 1, (argv, err.getvalue())
        check(status, out.getvalue(), err.getvalue())
        assert "internal error" not in err.getvalue()
