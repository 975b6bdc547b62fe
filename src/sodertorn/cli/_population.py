"""``--population FILE``: the register a subcommand weighs by, read safely."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sodertorn.cli._i18n import DataError, Term, current, message
from sodertorn.cli._input import read_text, reading

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
        help=tr(
            "population file: the library's CSV, an SCB CSV export or SCB JSON-stat2; "
            "'-' reads standard input (default: the built-in SCB data)"
        ),
    )


def population(path: str | None) -> Population:
    """The built-in register, or the one in the file *path* (``-``: standard input)."""
    from sodertorn.parties import MUNICIPALITIES  # noqa: PLC0415
    from sodertorn.population import Population  # noqa: PLC0415

    if path is None:
        return Population.builtin()
    text, source = read_text(path, Term(message("population file")))
    with reading(source):
        return Population._parse_any(text, source=source, parties=MUNICIPALITIES)


def require_year(register: Population, year: int, source: str | None) -> None:
    """Refuse, in the user's language, a register without counts on 31 December *year*.

    The rules refuse it too; this says it in the terms of the command line first.
    """
    if year not in register.years:
        first, last = register.years[0], register.years[-1]
        raise DataError(
            "no population on 31 December {year} in {data}; it has {first}–{last}",
            year=year,
            data=Term(message("the built-in data")) if source is None else source,
            first=first,
            last=last,
        )
