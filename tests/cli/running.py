"""Running the command line in the test's process, or in a fresh one."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import TYPE_CHECKING

from sodertorn.cli import main

if TYPE_CHECKING:
    import pytest


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Exit status, standard output and standard error of ``sodertorn *argv``."""
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def spawn(
    *argv: str, stdin: bytes = b"", env: dict[str, str] | None = None, cwd: str | None = None
) -> subprocess.CompletedProcess[bytes]:
    """``python -m sodertorn *argv`` in a fresh process, with *env* added to the environment."""
    environment = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "sodertorn", *argv],
        input=stdin,
        capture_output=True,
        check=False,
        env=environment,
        cwd=cwd,
        timeout=60,
    )
