"""The ``population`` subcommand: ``sodertorn population fetch YEAR ... --output FILE``.

:func:`register` adds it to the main parser's subparsers. The fetch is the one place
the command line touches the network; it writes the library's own CSV with the
provenance (table, URL, SCB's "updated" time, when fetched) in ``#`` lines, ready for
``sodertorn fees --population FILE``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sodertorn.cli._i18n import DataError, current, os_reason, translator
from sodertorn.cli._input import seconds
from sodertorn.cli._stream import write_file, write_text

if TYPE_CHECKING:
    import argparse

__all__ = ["register"]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``population`` subcommand (with ``fetch``) to *subparsers*."""
    from sodertorn.cli import SUBCOMMANDS  # noqa: PLC0415 - loaded by the caller

    tr = current()
    population = subparsers.add_parser(
        "population",
        help=tr(SUBCOMMANDS["population"][1]),
        description=tr("Population figures of the parties on 31 December of each year."),
    )
    actions = population.add_subparsers(
        dest="action", metavar=tr("ACTION"), parser_class=type(population)
    )
    actions.required = True
    fetch = actions.add_parser(
        "fetch",
        help=tr("fetch the parties' year-end population from SCB's API (PxWebApi 2.0)"),
        description=tr(
            "Fetch the eight parties' population on 31 December of each YEAR from SCB's "
            "PxWebApi 2.0 (table TAB638, BE0101N1) in one request, and write it as the "
            "library's CSV with its provenance. SCB publishes a year-end in late February of "
            "the next year."
        ),
    )
    fetch.add_argument(
        "years", nargs="+", type=int, metavar=tr("YEAR"), help=tr("the year-ends to fetch")
    )
    fetch.add_argument(
        "--output",
        required=True,
        metavar=tr("FILE"),
        help=tr("the CSV file to write ('-' for standard output)"),
    )
    fetch.add_argument(
        "--api-url",
        metavar="URL",
        default=None,
        help=tr(
            "base URL of PxWebApi 2.0 (default: SCB's, https://statistikdatabasen.scb.se/api/v2)"
        ),
    )
    fetch.add_argument(
        "--timeout",
        type=seconds,
        default=30.0,
        metavar=tr("SECONDS"),
        help=tr("how long to wait for SCB's answer (default: 30)"),
    )
    fetch.set_defaults(func=fetch_command)


def fetch_command(args: argparse.Namespace) -> int:
    """Fetch, then write the CSV; the file is written only when the fetch succeeded."""
    from sodertorn.population import Population  # noqa: PLC0415 - keep --help fast

    population = Population.fetch_scb(args.years, api_url=args.api_url, timeout=args.timeout)
    text = population.to_csv()
    if args.output == "-":
        write_text(text)
        return 0
    try:
        write_file(args.output, text)
    except OSError as error:
        raise DataError(
            "cannot write {file}: {reason}",
            file=args.output,
            reason=os_reason(error),
        ) from None
    from sodertorn.i18n import join_list, ngettext  # noqa: PLC0415 - after the fetch

    lang = "en" if args.lang == "en" else "sv"
    figures = ngettext("{count} figure", "{count} figures", len(population.counts), lang)
    tr = translator(lang)
    day = tr("31 December {years}")
    years = join_list(map(str, population.years), lang)
    print(
        f"{args.output}: {figures.format(count=len(population.counts))}, {day.format(years=years)}"
    )
    return 0
