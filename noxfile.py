#!/usr/bin/env python3
# /// script
# dependencies = ["nox>=2025.2.9"]
# ///
"""The checks of the library, one session each: ``nox -l`` lists them.

``.ci/run`` runs them all, on every Python from 3.10 to 3.13 the machine has; locally,
``nox -s tests-3.13`` or ``nox -s lint`` runs one. Each session installs what it needs
from ``pyproject.toml`` (the package, its extras and its dependency groups) into a
virtual environment of its own, with the newest releases the requirements allow, except
``minimum``, which pins the runtime dependencies to the oldest releases they allow. The
sessions other than ``tests``, ``coverage`` and ``minimum`` use the Python that runs nox.
"""

from __future__ import annotations

import re
import shutil
import tarfile
import tempfile
from pathlib import Path

import nox

nox.needs_version = ">=2025.2.9"
# uv where it is installed (much faster to install into each session), else venv.
nox.options.default_venv_backend = "uv|venv"
nox.options.reuse_venv = "no"

ROOT = Path(__file__).parent
PYPROJECT = nox.project.load_toml(ROOT / "pyproject.toml")
PYTHONS = ["3.10", "3.11", "3.12", "3.13"]
OLDEST = PYTHONS[0]


def _group(name: str) -> list[str]:
    return list(nox.project.dependency_groups(PYPROJECT, name))


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """The whole suite, with the newest releases of every dependency."""
    session.install("--upgrade", "-e", ".", *_group("test"))
    session.run("python", "-m", "pytest", "-p", "no:cacheprovider", *session.posargs)


@nox.session(python=OLDEST)
def minimum(session: nox.Session) -> None:
    """The whole suite on the oldest Python with the oldest runtime dependencies allowed."""
    constraints = Path(session.create_tmp()) / "minimum.txt"
    constraints.write_text("\n".join(_minimum_versions()) + "\n", encoding="utf-8")
    session.install("-c", str(constraints), "-e", ".", *_group("test"))
    session.run(  # the versions installed, for the log (uv's environments have no pip)
        "python",
        "-c",
        "from importlib.metadata import version as v; "
        "print(*(f'{n} {v(n)}' for n in ('attrs', 'python-dateutil', 'babel')), sep=', ')",
    )
    session.run("python", "-m", "pytest", "-p", "no:cacheprovider", *session.posargs)


def _minimum_versions() -> list[str]:
    """``name==X.Y.*`` (or ``==X.Y.Z``) for every ``name>=X.Y`` runtime requirement."""
    pins = []
    for requirement in PYPROJECT["project"]["dependencies"]:
        match = re.fullmatch(r"([A-Za-z0-9_.-]+)\s*>=\s*([0-9.]+)", requirement)
        if match is None:
            raise ValueError(f"runtime requirement {requirement!r} has no plain lower bound")
        name, version = match.groups()
        pins.append(f"{name}=={version}" + (".*" if version.count(".") < 2 else ""))
    return pins


@nox.session(python=PYTHONS)
def coverage(session: nox.Session) -> None:
    """The whole suite under branch coverage, newest releases; fails below ``fail_under``."""
    session.install("--upgrade", "-e", ".", *_group("coverage"))
    session.run(
        "python",
        "-m",
        "pytest",
        "-p",
        "no:cacheprovider",
        "--cov",
        "--cov-branch",
        "--cov-report=term-missing:skip-covered",
        *session.posargs,
    )


@nox.session(python=None)
def lint(session: nox.Session) -> None:
    """Lint: ruff and mypy --strict over the package, its tests, the examples and this file."""
    session.install("--upgrade", "-e", ".", *_group("lint"), "nox")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("mypy", "src", "tests")
    session.run("mypy", "examples", "tools", "noxfile.py")


@nox.session(python=None)
def docs(session: nox.Session) -> None:
    """The documentation, nitpicky, with every warning an error."""
    session.install("--upgrade", "-e", ".[testing]", *_group("docs"))
    build = ROOT / "docs" / "_build"
    shutil.rmtree(build, ignore_errors=True)
    session.run(
        "python", "-m", "sphinx", "-n", "-W", "--keep-going", "-q", "-b", "html", "docs",
        str(build / "html"),
    )  # fmt: skip


@nox.session(python=None)
def notebook(session: nox.Session) -> None:
    """The example notebook in a fresh kernel, with only the ``notebook`` extra."""
    session.install("--upgrade", "-e", ".[notebook]")
    session.run("python", "-m", "pytest", "--nbmake", "examples/", "-p", "no:cacheprovider")


@nox.session(python=None)
def sdist(session: nox.Session) -> None:
    """The package as PyPI gets it: the wheel alone runs, and the sdist's tests pass on it."""
    session.install("build", "twine", "check-wheel-contents", "validate-pyproject[all]")
    dist = Path(session.create_tmp()) / "dist"
    shutil.rmtree(dist, ignore_errors=True)
    session.run("python", "-m", "build", "-q", "--outdir", str(dist))
    (wheel,) = dist.glob("*.whl")
    (archive,) = dist.glob("*.tar.gz")
    session.run("twine", "check", "--strict", str(wheel), str(archive))
    session.run("check-wheel-contents", str(wheel))
    session.run("validate-pyproject", "pyproject.toml")
    session.install(str(wheel), *_group("test"))
    with tempfile.TemporaryDirectory() as scratch:
        with tarfile.open(archive) as tar:
            tar.extractall(scratch, filter="data")
        (unpacked,) = Path(scratch).iterdir()
        # Move src/ out of the way: the tests must import the installed wheel.
        shutil.rmtree(unpacked / "src")
        with session.chdir(unpacked):
            session.run("sodertorn", "fees", "2024", "--format", "json", silent=True)
            session.run("python", "-m", "pytest", "-p", "no:cacheprovider", *session.posargs)


if __name__ == "__main__":
    nox.main()
