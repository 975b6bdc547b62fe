"""The ``sodertorn`` command line: ``sodertorn fees [YEAR]`` and friends.

Bad arguments and bad input give one line on standard error and exit status 2, never a
traceback. Output goes to standard output in the chosen ``--format`` and ``--lang``.
"""

from __future__ import annotations

import argparse
import csv
import importlib
import io
import json
import os
import sys
from typing import TYPE_CHECKING, Any, NoReturn

from sodertorn._version import __version__
from sodertorn.errors import SodertornError
from sodertorn.i18n import LANGUAGES

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

__all__ = ["main"]


class _UsageError(Exception):
    """Raised instead of argparse's exit, so that main() reports it in one line."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{self.prog}: error: {message}")


def _fees(args: argparse.Namespace) -> int:
    from sodertorn.fees import annual_fees  # noqa: PLC0415 - keep --help fast
    from sodertorn.population import Population  # noqa: PLC0415

    population = (
        Population.builtin() if args.population is None else Population.load(args.population)
    )
    year = args.year if args.year is not None else population.years[-1] + 1
    assessment = annual_fees(year, population)
    if args.format == "json":
        print(json.dumps(assessment.to_dict(), ensure_ascii=False, indent=2))
    elif args.format == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(["code", "name", "population", "amount"])
        for line in assessment.lines:
            writer.writerow([line.party.code, line.party.name, line.population, line.amount.amount])
        print(buffer.getvalue(), end="")
    elif args.explain is not None:
        print(assessment.explain(args.explain or None, lang=args.lang))
    else:
        print(assessment.table(lang=args.lang))
    return 0


def _add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang", choices=LANGUAGES, default="sv", help="language of the output (default: sv)"
    )


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser of the ``sodertorn`` command.

    With *command*, only the modules that subcommand needs are imported (so ``sodertorn
    fees`` does not load the governance and programme rules); without it, or for a name
    that is no subcommand, all of them, so that help and errors list every subcommand.
    """
    parser = _Parser(
        prog="sodertorn",
        description="The Södertörn collaboration agreement: fees, rules and programmes.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True

    fees = commands.add_parser(
        "fees",
        help="the annual fee of every party (Samarbetsavtal 2010, § 8)",
        description="The annual fee of every party for a fee year (Samarbetsavtal 2010, § 8).",
    )
    fees.add_argument(
        "year",
        nargs="?",
        type=int,
        metavar="YEAR",
        help="fee year (default: the latest the population data allows)",
    )
    fees.add_argument(
        "--population",
        metavar="FILE",
        help="population file: the library's CSV, an SCB CSV export or SCB JSON-stat2 "
        "(default: the built-in SCB data)",
    )
    fees.add_argument(
        "--format", choices=("table", "csv", "json"), default="table", help="output format"
    )
    fees.add_argument(
        "--explain",
        nargs="?",
        const="",
        metavar="PARTY",
        help="explain the derivation, of one party if named",
    )
    _add_common(fees)
    fees.set_defaults(func=_fees)

    if command == "fees":
        modules: list[str] = []
    elif command in _SUBCOMMANDS:
        modules = [_SUBCOMMANDS[command]]
    else:
        modules = sorted(set(_SUBCOMMANDS.values()))
    for module in modules:
        register: Callable[[Any], None] = importlib.import_module(module).register
        register(commands)
    return parser


_SUBCOMMANDS = {
    "notice": "sodertorn.agreement._cli",
    "dissolve": "sodertorn.agreement._cli",
    "goals": "sodertorn.programme._cli",
    "report": "sodertorn.programme._report_cli",
}
"""Where each subcommand other than ``fees`` is defined."""


def _command(argv: Sequence[str]) -> str | None:
    """The subcommand named in *argv*: its first argument that is not an option."""
    return next((arg for arg in argv if not arg.startswith("-")), None)


def _error_line(error: SodertornError, lang: str) -> str:
    """One line for *error*, in *lang* where the catalogue has its message, else English."""
    from sodertorn.i18n import error_text, gettext  # noqa: PLC0415 - Babel only on error

    text = error_text(error, lang)
    label = gettext("error", lang) if text != str(error) else "error"
    return f"sodertorn: {label}: {' '.join(text.split())}"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default: ``sys.argv[1:]``); return the exit status."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(_command(arguments))
    args: argparse.Namespace | None = None
    try:
        args = parser.parse_args(arguments)
        status: int = args.func(args)
    except _UsageError as error:
        print(str(error).splitlines()[0], file=sys.stderr)
        return 2
    except SodertornError as error:
        print(_error_line(error, getattr(args, "lang", "sv")), file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader left early (`sodertorn fees | head`): stop quietly, as Unix tools do,
        # and keep Python from reporting the pipe again when it flushes at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return status
