"""Prints, after the benchmarks, each group's ratio against its reference."""

from __future__ import annotations

from typing import Any

import pytest

# group -> (reference name, subject name); ratio = subject / reference (median times)
RATIOS = {
    "allocate-8": ("test_apportionment[8]", "test_sodertorn[8]"),
    "allocate-1000": ("test_apportionment[1000]", "test_sodertorn[1000]"),
    "allocate-100000": ("test_apportionment[100000]", "test_sodertorn[100000]"),
    "import": ("test_import_attrs", "test_import_sodertorn"),
    "cli": ("test_import_sodertorn_again", "test_cli_fees_json"),
}


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    session = getattr(config, "_benchmarksession", None)
    if session is None:
        return
    done = [bench for bench in session.benchmarks if bench.stats.data]
    median = {bench.name: bench.stats.median for bench in done}
    terminalreporter.section("ratios (median time, subject / reference)")
    for group, (reference, subject) in RATIOS.items():
        if reference in median and subject in median:
            ratio = median[subject] / median[reference]
            terminalreporter.write_line(
                f"{group:18} {subject} / {reference} = {ratio:.3f}"
                f"  ({median[subject] * 1e3:.3f} ms vs {median[reference] * 1e3:.3f} ms)"
            )
    for bench in done:
        if bench.group not in RATIOS:
            terminalreporter.write_line(
                f"{bench.group:18} {bench.name} median {bench.stats.median:.3f} s"
            )
