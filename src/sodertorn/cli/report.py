"""The ``report`` subcommand: the status template of a plan year, and its yearly report.

``sodertorn report template 2024 --output status.csv`` writes the file a network fills
in (``.json`` for JSON); ``sodertorn report 2024 --status status.csv [--indicators
indicators.json] [--format text|markdown|html|xlsx] [--output FILE] [--lang sv|en]``
prints the yearly report (xlsx, which needs the ``excel`` extra, only to a file). The
main command-line program calls :func:`register` with its subparsers; the handler returns 0, and raises a :class:`~sodertorn.SodertornError` for bad input (an
unknown year, a file that cannot be read, a line of the status file that is wrong),
which the main program reports in one line.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sodertorn.cli._i18n import Joined, UsageError, current, message
from sodertorn.cli._input import read_bytes, reading
from sodertorn.cli._stream import write_file, write_text
from sodertorn.errors import FollowUpError, os_reason
from sodertorn.i18n import LANGUAGES
from sodertorn.programme.builtin import load_plan, plan_years
from sodertorn.programme.followup import FollowUp
from sodertorn.programme.indicators import Indicators
from sodertorn.programme.report import report

if TYPE_CHECKING:
    import argparse

    from sodertorn.programme.plan import Plan

__all__ = ["register", "run"]

FORMATS = ("text", "markdown", "html", "xlsx")


# Marked on their own: the extractor does not look inside a call within a marked call.
_STATUS = message("status file")
_INDICATORS = message("indicators file")


def _read(path: str, what: str) -> tuple[str, str, bool]:
    """The text of *path* (``-``: standard input), its name, and whether it is JSON.

    Read as every file of the command line is (bounded, regular files only); the text
    must be UTF-8 (with or without a byte order mark). A file is JSON if its name ends
    in ``.json``; standard input if its text starts with ``{`` or ``[``.
    """
    data, source = read_bytes(path, what)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FollowUpError.of("not UTF-8 text; save the file as UTF-8", source=source) from None
    if path == "-":
        return text, source, text.lstrip().startswith(("{", "["))
    return text, source, path.casefold().endswith(".json")


def _write(path: str | None, text: str) -> None:
    if path is None or path == "-":
        write_text(text)
        return
    try:
        write_file(path, text)
    except OSError as error:
        raise _unwritable(path, error) from None


def _write_bytes(path: str, data: bytes) -> None:
    try:
        write_file(path, data)
    except OSError as error:
        raise _unwritable(path, error) from None


def _unwritable(path: str, error: OSError) -> FollowUpError:
    return FollowUpError.of(
        "cannot write the file ({reason})", source=path, reason=os_reason(error)
    )


def _year(text: str, parser: argparse.ArgumentParser) -> int:
    if not re.fullmatch(r"[0-9]{4}", text):
        raise UsageError(
            "argument YEAR: invalid year {value}; expected a plan year such as {years}",
            prog=parser.prog,
            value=text,
            years=Joined(map(str, plan_years()), alternatives=True),
        )
    return int(text)


def _follow_up(path: str, plan: Plan) -> FollowUp:
    text, source, is_json = _read(path, _STATUS)
    with reading(source):
        if is_json:
            return FollowUp.from_json(text, plan, source=source)
        return FollowUp.from_csv(text, plan, source=source)


def _indicators(path: str) -> Indicators:
    text, source, is_json = _read(path, _INDICATORS)
    with reading(source):
        if is_json:
            return Indicators.from_json(text, source=source)
        return Indicators.from_csv(text, source=source)


def run(args: argparse.Namespace) -> int:
    """Write the template (``report template YEAR``) or print the report (``report YEAR``)."""
    parser: argparse.ArgumentParser = args.report_parser
    if args.target == "template":
        if args.year is None:
            raise UsageError(
                "the template needs a YEAR: sodertorn report template YEAR", prog=parser.prog
            )
        if args.status is not None or args.indicators is not None:
            raise UsageError("the template takes no --status or --indicators", prog=parser.prog)
        plan = load_plan(_year(args.year, parser))
        empty = FollowUp(plan=plan)
        as_json = args.output is not None and args.output.casefold().endswith(".json")
        _write(args.output, empty.to_json() if as_json else empty.to_csv())
        return 0
    if args.year is not None:
        raise UsageError("unrecognized argument {value}", prog=parser.prog, value=args.year)
    if args.status is None:
        raise UsageError("the report needs the status file: --status FILE", prog=parser.prog)
    if args.format == "xlsx" and (args.output is None or args.output == "-"):
        raise UsageError(
            "--format xlsx writes a workbook: give it a file with --output FILE", prog=parser.prog
        )
    if args.status == "-" and args.indicators == "-":
        raise UsageError(
            "--status and --indicators cannot both read standard input", prog=parser.prog
        )
    plan = load_plan(_year(args.target, parser))
    follow_up = _follow_up(args.status, plan)
    indicators = None if args.indicators is None else _indicators(args.indicators)
    yearly = report(plan, follow_up, indicators=indicators, lang=args.lang)
    if args.format == "xlsx":
        _write_bytes(args.output, yearly.to_xlsx())
        return 0
    if args.format == "markdown":
        output = yearly.to_markdown()
    elif args.format == "html":
        output = yearly.to_html() + "\n"
    else:
        output = yearly.to_text() + "\n"
    _write(args.output, output)
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``report`` subcommand to *subparsers* (from ``add_subparsers()``)."""
    from sodertorn.cli import SUBCOMMANDS  # noqa: PLC0415 - loaded by the caller

    tr = current()
    parser = subparsers.add_parser(
        "report",
        help=tr(SUBCOMMANDS["report"][1]),
        description=tr(
            "Write the status template of a plan year (report template YEAR --output FILE), "
            "or print the yearly report from a filled-in status file (report YEAR --status "
            "FILE)."
        ),
    )
    parser.add_argument(
        "target",
        metavar=tr("YEAR|template"),
        help=tr("the plan year to report on, or 'template' followed by the year"),
    )
    parser.add_argument(
        "year", nargs="?", metavar=tr("YEAR"), help=tr("the plan year of the template")
    )
    parser.add_argument(
        "--output",
        metavar=tr("FILE"),
        help=tr(
            "where to write: the template as .csv (default) or .json, or the report (needed "
            "for xlsx); standard output if left out"
        ),
    )
    parser.add_argument(
        "--status",
        metavar=tr("FILE"),
        help=tr("the filled-in status file, CSV or .json; '-' reads standard input"),
    )
    parser.add_argument(
        "--indicators",
        metavar=tr("FILE"),
        help=tr("indicators and their values, CSV or .json; '-' reads standard input"),
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help=tr("output format (default: text); xlsx needs the excel extra and --output"),
    )
    parser.add_argument(
        "--lang",
        choices=sorted(LANGUAGES),
        default="sv",
        help=tr("language of the output and of the messages (default: sv)"),
    )
    parser.set_defaults(func=run, report_parser=parser)
