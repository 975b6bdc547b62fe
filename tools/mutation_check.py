"""Check that mutation testing counts honestly: a mutant that changes nothing survives.

Run it after ``mutmut run``, from the repository's root: ``python tools/mutation_check.py``.
For every mutated module it runs, in ``mutants/`` and with mutation testing's own pytest
arguments, the tests that mutation testing selects for that module's functions, with a
mutant that does not exist under test, so every function runs its original code. Those
tests must pass. A test that fails here would count every mutant of the module as killed
whatever the mutant does, which is how scores get inflated (a test that depends on the
mutated copies' names, or that is not found when run on its own).
"""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MUTANTS = ROOT / "mutants"


def main() -> int:
    """Run the check; 0 when every module's tests pass with no mutant active."""
    try:
        tomllib = importlib.import_module("tomllib")
    except ModuleNotFoundError:
        print("this check reads pyproject.toml with tomllib: Python 3.11 or newer", file=sys.stderr)
        return 2
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["mutmut"]
    stats_path = MUTANTS / "mutmut-stats.json"
    if not stats_path.is_file():
        print(f"{stats_path} is missing: run `mutmut run` first", file=sys.stderr)
        return 2
    stats = json.loads(stats_path.read_text("utf-8"))
    tests: dict[str, set[str]] = defaultdict(set)
    for function, selected in stats["tests_by_mangled_function_name"].items():
        module = function.rpartition(".x")[0]
        tests[module].update(selected)
    failed = []
    for module, selected in sorted(tests.items()):
        environment = dict(
            os.environ,
            MUTANT_UNDER_TEST=f"{module}.x_nothing__mutmut_0",
            # The mutated copy first, as mutation testing itself arranges it.
            PYTHONPATH=os.pathsep.join([str(MUTANTS / "src"), str(MUTANTS)]),
        )
        command = [
            sys.executable,
            "-m",
            "pytest",
            *config.get("pytest_add_cli_args", []),
            "-x",
            "-q",
            *sorted(selected),
        ]
        result = subprocess.run(
            command, cwd=MUTANTS, env=environment, capture_output=True, text=True, check=False
        )
        verdict = "survives" if result.returncode == 0 else "KILLED: the count is not honest"
        print(f"{module}: a mutant that changes nothing {verdict} ({len(selected)} tests)")
        if result.returncode != 0:
            failed.append(module)
            print(result.stdout[-2000:], result.stderr[-2000:], sep="\n", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
