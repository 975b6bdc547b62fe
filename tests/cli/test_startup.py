"""What ``sodertorn fees`` loads to start, and the floor its start-up is measured against.

No timing here (docs/benchmarks.md has the measurements): these tests hold what the
measurements rest on. The floor script prints the command's JSON byte for byte from the
same built-in data, so that the two do the same work; and the command's JSON and its
Swedish table leave out the modules they do not need.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import sodertorn

from .running import spawn

FLOOR = Path(__file__).resolve().parents[2] / "benchmarks" / "floor_fees.py"
DATA = Path(sodertorn.__file__).parent / "data"


@pytest.mark.parametrize("year", ["2018", "2024", "2025"])
def test_the_floor_prints_the_command_s_json_byte_for_byte(year: str) -> None:
    floor = subprocess.run(
        [sys.executable, str(FLOOR), year, "--data", str(DATA)],
        capture_output=True,
        check=True,
        timeout=60,
    )
    command = spawn("fees", year, "--format", "json")
    assert command.returncode == 0, command.stderr
    assert floor.stdout == command.stdout
    assert b'"schema": "sodertorn/fees/1"' in floor.stdout


def _loaded(*argv: str) -> set[str]:
    """The modules ``sodertorn *argv`` imports in a fresh process (not those there before it).

    What the environment loads at start-up (a ``.pth`` file's imports) is not counted.
    """
    script = (
        "import sys\n"
        "before = set(sys.modules)\n"
        "import io, contextlib\n"
        "from sodertorn.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    status = main({list(argv)!r})\n"
        "assert status == 0, status\n"
        "print(' '.join(sorted(set(sys.modules) - before)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
        env={**os.environ, "COLUMNS": "80"},
    )
    return set(result.stdout.split())


NOT_FOR_JSON = {
    # Babel and the standard library's heavier modules: formatting, package data, archives.
    "babel",
    "importlib.resources",
    "pathlib",
    "shutil",
    "tempfile",
    "zipfile",
    "html",
    # The fee package's views and the readers of other shapes than the library's own CSV.
    "sodertorn.fees.explain",
    "sodertorn.fees.history",
    "sodertorn.fees.invoices",
    "sodertorn.tabular",
    "sodertorn.population._tables",
    "sodertorn.population.jsonstat",
    "sodertorn._format",
    # No catalogue: JSON is not translated.
    "sodertorn._msgfmt",
    # Nothing of the agreement or the programme.
    "sodertorn.agreement",
    "sodertorn.programme",
    "sodertorn.reasons",
}


def test_the_fees_json_loads_only_what_it_needs() -> None:
    loaded = _loaded("fees", "2024", "--format", "json")
    assert "sodertorn.population.formats" in loaded  # the check can see what is loaded
    assert not NOT_FOR_JSON & loaded


def test_the_swedish_fee_table_formats_without_babel() -> None:
    loaded = _loaded("fees", "2024")
    assert "sodertorn._format" in loaded
    assert not {"babel", "importlib.resources", "pathlib", "shutil"} & loaded


def test_the_built_in_programmes_are_read_without_importlib_resources() -> None:
    loaded = _loaded("goals", "sup2040")
    assert "sodertorn.programme.builtin" in loaded
    assert not {"importlib.resources", "pathlib", "zipfile", "tempfile", "babel"} & loaded


def test_the_command_exits_with_the_status_of_main() -> None:
    # python -m sodertorn runs the command's entry point, as the installed script does.
    assert spawn("fees", "2024", "--format", "json").returncode == 0
    data_error = spawn("fees", "1999")
    assert data_error.returncode == 1
    assert data_error.stderr.decode().count("\n") == 1
    assert spawn("fees", "--no-such-option").returncode == 2


def test_the_fee_package_s_lazy_names_and_modules_arrive_on_first_use() -> None:
    script = (
        "import sys, sodertorn.fees as fees\n"
        "first = sorted(m for m in ('sodertorn.fees.history', 'sodertorn.fees.invoices',"
        " 'sodertorn.fees.explain') if m in sys.modules)\n"
        "assert fees.FeeHistory is fees.history.FeeHistory\n"
        "assert fees.write_invoices is fees.invoices.write_invoices\n"
        "assert fees.explain.__name__ == 'sodertorn.fees.explain'\n"
        "assert {'FeeHistory', 'history', 'invoice_html'} <= set(dir(fees))\n"
        "print(first)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"
