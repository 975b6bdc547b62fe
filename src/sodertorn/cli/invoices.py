"""``sodertorn invoices YEAR --output DIR``: one invoice page per party (Samarbetsavtal 2010, § 8)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sodertorn.cli import SUBCOMMANDS
from sodertorn.cli._i18n import current, message, translator
from sodertorn.cli._input import read_text, reading, year
from sodertorn.cli._population import add_population, population, require_year
from sodertorn.cli._stream import write_text
from sodertorn.cli.fees import require_rule

if TYPE_CHECKING:
    import argparse

__all__ = ["invoices", "register"]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``invoices`` subcommand to *subparsers*."""
    tr = current()
    parser = subparsers.add_parser(
        "invoices",
        formats=("text",),
        help=tr(SUBCOMMANDS["invoices"][1]),
        description=tr(
            "Write one invoice page per party for a fee year to a directory (HTML for A4, "
            "which a browser saves as PDF), with invoices.csv and invoices.json: the amount, "
            "the due date and the banking day, the population and its source, the rule "
            "and the derivation (Samarbetsavtal 2010, § 8)."
        ),
    )
    parser.add_argument("year", type=year, metavar=tr("YEAR"), help=tr("the fee year"))
    parser.add_argument(
        "--output",
        required=True,
        metavar=tr("DIR"),
        help=tr("the directory to write to (made if missing)"),
    )
    add_population(parser)
    parser.add_argument(
        "--details",
        metavar=tr("FILE"),
        help=tr(
            "CSV of what the invoices may say beyond the fee: code, invoice_number, "
            "organisation_number, address, reference; '-' reads standard input"
        ),
    )
    parser.set_defaults(func=invoices)


def invoices(args: argparse.Namespace) -> int:
    """Write the invoices of ``args.year`` to ``args.output``; list the files written."""
    from sodertorn.fees import annual_fees, read_invoice_details, write_invoices  # noqa: PLC0415

    details = None
    if args.details is not None:
        text, source = read_text(args.details, message("invoice details file"))
        with reading(source):
            details = read_invoice_details(text, text=True)
    register = population(args.population)
    require_rule(args.year, args.lang)
    require_year(register, args.year - 1, args.population)
    assessment = annual_fees(args.year, register)
    written = write_invoices(assessment, args.output, lang=args.lang, details=details)
    tr = translator(args.lang)
    lines = [
        tr(message("Written to {directory}:")).format(directory=args.output),
        *(f"  {path.name}" for path in written),
    ]
    write_text("\n".join(lines) + "\n")
    return 0
