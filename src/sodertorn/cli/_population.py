"""``--population FILE``: the register a subcommand weighs by, read safely."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from sodertorn.cli._i18n import DataError, Joined, Term, current, message
from sodertorn.cli._input import reading

# Marked on its own: the extractor does not look inside a call within a marked call.
_BUILT_IN = message("the built-in data")

if TYPE_CHECKING:
    import argparse

    from sodertorn.population import Population

__all__ = ["add_population", "population", "require_year"]


def add_population(parser: argparse.ArgumentParser) -> None:
    """Add ``--population FILE`` to *parser*."""
    tr = current()
    parser.add_argument(
        "--population",
        metavar=tr("FILE"),
        action="append",
        help=tr(
            "population file to add to the built-in SCB data (its years win): the library's "
            "CSV, an SCB CSV or xlsx table, or SCB API JSON; repeatable; '-' reads standard input"
        ),
    )


def population(paths: str | list[str] | None) -> Population:
    """The built-in register with the files *paths* added (``-``: standard input).

    Where a file gives a figure the built-in data also has, the file's is used and its
    source says so; two files that give different figures for a party and year are refused.
    """
    from sodertorn.population import Population  # noqa: PLC0415

    register = Population.builtin()
    if not paths:
        return register
    merged: Population | None = None
    for path in [paths] if isinstance(paths, str) else paths:
        if path == "-":
            loaded = Population.read(sys.stdin.buffer)
        else:
            with reading(path):
                loaded = Population.load(path)
        merged = loaded if merged is None else merged.merge(loaded, on_conflict="error")
    assert merged is not None
    return register.merge(merged)


def require_year(register: Population, year: int, source: str | list[str] | None) -> None:
    """Refuse, in the user's language, a register without counts on 31 December *year*.

    The rules refuse it too; this says it in the terms of the command line first.
    """
    if year not in register.years:
        first, last = register.years[0], register.years[-1]
        raise DataError(
            "no population on 31 December {year} in {data}; it has {first}–{last}",
            year=year,
            data=Term(_BUILT_IN)
            if not source
            else Joined([source] if isinstance(source, str) else source),
            first=first,
            last=last,
        )
