"""The ``population`` subcommand: ``sodertorn population fetch YEAR ... --output FILE``.

:func:`register` adds it to the main parser's subparsers. The fetch is the one place
the command line touches the network; it writes the library's own CSV with the
provenance (table, URL, SCB's "updated" time, when fetched) in ``#`` lines, ready for
``sodertorn fees --population FILE``.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from sodertorn.errors import PopulationDataError

if TYPE_CHECKING:
    import argparse

__all__ = ["register"]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``population`` subcommand (with ``fetch``) to *subparsers*."""
    population = subparsers.add_parser(
        "population",
        help="population figures: fetch the newest from Statistics Sweden (SCB)",
        description="Population figures of the parties on 31 December of each year.",
    )
    actions = population.add_subparsers(
        dest="action", metavar="ACTION", parser_class=type(population)
    )
    actions.required = True
    fetch = actions.add_parser(
        "fetch",
        help="fetch the parties' year-end population from SCB's API (PxWebApi 2.0)",
        description="Fetch the eight parties' population on 31 December of each YEAR from "
        "SCB's PxWebApi 2.0 (table TAB638, BE0101N1) in one request, and write it as the "
        "library's CSV with its provenance. SCB publishes a year-end in late February of "
        "the next year.",
    )
    fetch.add_argument("years", nargs="+", type=int, metavar="YEAR", help="year-end(s) to fetch")
    fetch.add_argument(
        "--output", required=True, metavar="FILE", help="the CSV file to write ('-' for stdout)"
    )
    fetch.add_argument(
        "--api-url",
        metavar="URL",
        default=None,
        help="base URL of PxWebApi 2.0 (default: SCB's, https://statistikdatabasen.scb.se/api/v2)",
    )
    fetch.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS", help="default: 30")
    fetch.set_defaults(func=fetch_command)


def fetch_command(args: argparse.Namespace) -> int:
    """Fetch, then write the CSV; the file is written only when the fetch succeeded."""
    from sodertorn.population import Population  # noqa: PLC0415 - keep --help fast

    population = Population.fetch_scb(args.years, api_url=args.api_url, timeout=args.timeout)
    text = population.to_csv()
    if args.output == "-":
        sys.stdout.write(text)
        return 0
    try:
        with open(args.output, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    except OSError as error:
        raise PopulationDataError(
            f"cannot write {os.fspath(args.output)!r}: {error.strerror}"
        ) from None
    print(
        f"{args.output}: {len(population.counts)} figures, "
        f"31 December {', '.join(map(str, population.years))}"
    )
    return 0
