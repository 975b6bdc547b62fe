"""The ``sodertorn`` command line: ``sodertorn fees 2024`` and the other subcommands.

One parser, built by :func:`build_parser`; one set of shared options that every
subcommand gets (``--lang``, ``--format``, ``--output``, ``--debug``); one writer for
tables, CSV and JSON (``sodertorn.cli._output``); and one error boundary,
:func:`main`, which turns every failure into one line on standard error in the chosen
language: exit status 2 for a usage error, 1 for a data error. An unexpected exception
is reported as a bug, with its traceback only under ``--debug``.

Subcommands plug in through :data:`SUBCOMMANDS`, a table from each name to the module
that defines it and its one-line help. Only the module of the subcommand asked for is
imported; ``--version`` and ``--help`` import none. A module defines
``register(subparsers)``; every parser it adds with ``subparsers.add_parser(name,
...)`` gets the shared options, and may pass ``formats=(...)`` (default: table, csv,
json). Its handler, set with ``set_defaults(func=...)``, takes the parsed arguments and
returns a ``Report`` (``sodertorn.cli._output``) for the writer, or prints its output
itself and returns an exit status; it raises :class:`~sodertorn.SodertornError`, or a
``CommandError`` of ``sodertorn.cli._i18n``, for bad input.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import importlib
import os
import sys
from typing import TYPE_CHECKING, Any, NoReturn

from sodertorn._version import __version__
from sodertorn.cli._i18n import (
    CommandError,
    DataError,
    Joined,
    Nested,
    Plain,
    Term,
    UsageError,
    argparse_in,
    as_is,
    current,
    message,
    os_reason,
    translator,
)
from sodertorn.cli._stream import write_text

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

__all__ = ["FORMATS", "SUBCOMMANDS", "build_parser", "entry_point", "main"]

SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "fees": (
        "sodertorn.cli.fees",
        message("the annual fee of every party (Samarbetsavtal 2010, § 8)"),
    ),
    "contributions": (
        "sodertorn.cli.agreement",
        message("split a special contribution by population (Samarbetsavtal 2010, § 7)"),
    ),
    "dissolve": (
        "sodertorn.cli.agreement",
        message("split assets and liabilities on dissolution (Samarbetsavtal 2010, § 10)"),
    ),
    "meeting": (
        "sodertorn.cli.agreement",
        message("quorum and call of a committee meeting (Samarbetsavtal 2010, §§ 3–4)"),
    ),
    "notice": (
        "sodertorn.cli.agreement",
        message("date a notice of withdrawal (Samarbetsavtal 2010, §§ 2, 9)"),
    ),
    "invoices": (
        "sodertorn.cli.invoices",
        message("write each party's invoice page for a fee year (Samarbetsavtal 2010, § 8)"),
    ),
    "goals": ("sodertorn.cli.goals", message("print a development programme's goal tree")),
    "population": (
        "sodertorn.cli.population",
        message("population figures: fetch the newest from Statistics Sweden (SCB)"),
    ),
    "report": (
        "sodertorn.cli.report",
        message("the yearly report of an activity plan, or its status template"),
    ),
}
"""Each subcommand: the module whose ``register(subparsers)`` adds it, and its help."""

FORMATS = ("table", "csv", "json")
"""The output formats of a subcommand that names none of its own."""

BUGS = "https://pypi.org/project/sodertorn/"
"""Where to report a bug: the project's page, which links its tracker."""


def _width() -> int:
    """The width argparse wraps help at: the terminal's columns less two.

    Found as :func:`shutil.get_terminal_size` finds it (``COLUMNS``, else the terminal of
    standard output, else 80), without importing :mod:`shutil`, which argparse does for
    every parser it builds and which imports :mod:`bz2`, :mod:`lzma` and more.
    """
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
        columns = columns or 80
    return columns - 2


class _Formatter(argparse.HelpFormatter):
    """argparse's help formatter, given its width (see :func:`_width`)."""

    def __init__(self, prog: str, *args: Any, **kwargs: Any) -> None:
        if len(args) < 3 and kwargs.get("width") is None:
            kwargs["width"] = _width()
        super().__init__(prog, *args, **kwargs)


class _Parser(argparse.ArgumentParser):
    """An argument parser that raises instead of printing and exiting."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        raise UsageError("{message}", message=Plain(message), prog=self.prog)

    def _print_message(self, message: str, file: Any = None) -> None:
        if message:
            write_text(message, sys.stderr if file is None else file)


def _shared(formats: Sequence[str], tr: Callable[[str], str]) -> argparse.ArgumentParser:
    """The options every subcommand has."""
    parent = _Parser(add_help=False, allow_abbrev=False)
    group = parent.add_argument_group(tr("common options"))
    group.add_argument(
        "--lang",
        choices=("sv", "en"),
        default="sv",
        help=tr("language of the output and of the messages (default: sv)"),
    )
    group.add_argument(
        "--format",
        choices=tuple(formats),
        default=formats[0],
        help=tr("output format (default: {default})").format(default=formats[0]),
    )
    group.add_argument(
        "--output",
        metavar=tr("FILE"),
        help=tr("write the output to FILE instead of standard output"),
    )
    if "csv" in formats:
        group.add_argument(
            "--excel",
            action="store_true",
            help=tr(
                "with --format csv: CSV for Swedish Excel (semicolons, decimal commas, a "
                "byte order mark, codes kept as text)"
            ),
        )
    group.add_argument(
        "--debug", action="store_true", help=tr("show the traceback of an unexpected error")
    )
    return parent


class _Commands(argparse._SubParsersAction):  # type: ignore[type-arg]
    """Subparsers that each get the shared options, whichever module adds them."""

    def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser:
        tr = current()
        formats = tuple(kwargs.pop("formats", FORMATS))
        kwargs["parents"] = [*kwargs.get("parents", ()), _shared(formats, tr)]
        kwargs.setdefault("conflict_handler", "resolve")
        kwargs.setdefault("allow_abbrev", False)
        if "help" in kwargs:
            kwargs.setdefault("description", kwargs["help"])
        parser: argparse.ArgumentParser = super().add_parser(name, **kwargs)
        parser.register("action", "parsers", _Commands)
        return parser


def _parser(commands: Sequence[str]) -> argparse.ArgumentParser:
    """The parser, with the subcommands in *commands* loaded and the others listed.

    Called within :func:`~sodertorn.cli._i18n.argparse_in`, whose language it speaks.
    """
    tr = current()
    parser = _Parser(
        prog="sodertorn",
        description=tr("The Södertörn collaboration agreement: fees, rules and programmes."),
        allow_abbrev=False,
    )
    parser.register("action", "parsers", _Commands)
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {__version__}",
        help=tr("show the version and exit"),
    )
    parser.add_argument(
        "--lang",
        choices=("sv", "en"),
        default=argparse.SUPPRESS,
        help=tr("language of the help and of the messages (default: sv)"),
    )
    parser.add_argument(
        "--debug",
        action="store_true",
        default=argparse.SUPPRESS,
        help=tr("show the traceback of an unexpected error"),
    )
    subparsers = parser.add_subparsers(
        dest="command", metavar=tr("COMMAND"), parser_class=_Parser, title=tr("commands")
    )
    subparsers.required = True
    registers: dict[str, Callable[[Any], None]] = {}
    for name in commands:
        module = SUBCOMMANDS[name][0]
        registers.setdefault(module, importlib.import_module(module).register)
    for register in registers.values():
        register(subparsers)
    for name, (_, help_text) in SUBCOMMANDS.items():
        if name not in subparsers.choices:
            # Listed in the help, its module not imported: nothing to parse, so none of
            # the shared options either.
            argparse._SubParsersAction.add_parser(subparsers, name, help=tr(help_text))
    return parser


def build_parser(command: str | None = None, *, lang: str = "en") -> argparse.ArgumentParser:
    """The parser of the ``sodertorn`` command, with every subcommand (for the docs).

    With *command*, only that subcommand's module is imported; the others are listed in
    the help but parse no arguments. Help and messages are in *lang*: English by default,
    as in the documentation (the command itself speaks Swedish unless ``--lang en``).

    >>> parser = build_parser()
    >>> parser.parse_args(["fees", "2024", "--format", "json"]).format
    'json'
    """
    commands = tuple(SUBCOMMANDS) if command is None else (command,)
    with argparse_in(translator(lang)):
        return _parser([c for c in commands if c in SUBCOMMANDS])


def _before_dashes(arguments: Sequence[str]) -> Sequence[str]:
    return arguments[: arguments.index("--")] if "--" in arguments else arguments


def _language(arguments: Sequence[str]) -> str:
    """The language asked for by the last ``--lang``; Swedish unless it is English."""
    lang = "sv"
    options = _before_dashes(arguments)
    for index, argument in enumerate(options):
        if argument == "--lang" and index + 1 < len(options):
            lang = options[index + 1]
        elif argument.startswith("--lang="):
            lang = argument.partition("=")[2]
    return "en" if lang == "en" else "sv"


def _command(arguments: Sequence[str]) -> str | None:
    """The subcommand in *arguments*: the first that is neither an option nor its value."""
    after_lang = False
    for argument in _before_dashes(arguments):
        if after_lang:
            after_lang = False
        elif argument == "--lang":
            after_lang = True
        elif not argument.startswith("-"):
            return argument
    return None


def _parse(arguments: list[str], lang: str, commands: list[str]) -> argparse.Namespace:
    with argparse_in(translator(lang)):
        return _parser(commands).parse_args(arguments)


def _run(arguments: list[str], lang: str) -> int:
    """Parse *arguments* and run the subcommand; every error is raised to :func:`main`."""
    if arguments and arguments[0] == "--version":
        write_text(f"sodertorn {__version__}\n")
        return 0
    command = _command(arguments)
    commands = [command] if command in SUBCOMMANDS else []
    # Parsed in English, which needs no catalogue; help, and the message of an error,
    # in the language asked for.
    helping = any(argument in ("-h", "--help") for argument in _before_dashes(arguments))
    try:
        args = _parse(arguments, lang if helping else "en", commands)
    except UsageError as english:
        if lang == "en" or helping:
            raise
        try:
            _parse(arguments, lang, commands)  # raises the same error, in *lang*
        except UsageError:
            raise
        except Exception:  # no catalogue: the English message will do
            raise english from None
        raise
    except SystemExit as stop:  # --help and --version: argparse printed them
        return stop.code if isinstance(stop.code, int) else 0
    # `sodertorn --lang en fees`: the subcommand's default would hide the option given
    # before it; the last --lang given, wherever it stands, is the one that counts.
    args.lang = lang
    handler: Callable[[argparse.Namespace], object] = args.func
    result = handler(args)
    if isinstance(result, int):
        return result
    from sodertorn.cli import _output  # noqa: PLC0415 - only once there is output

    if not isinstance(result, _output.Report):
        raise TypeError(f"the handler of {args.command!r} returned {type(result).__name__}")
    _output.write(result, args)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default: ``sys.argv[1:]``); return the exit status.

    Never raises, whatever the arguments, files or environment: a failure is one line on
    standard error, ``sodertorn: error: ...`` in the chosen language (see the module's
    text).
    """
    arguments = [str(argument) for argument in (sys.argv[1:] if argv is None else argv)]
    lang = _language(arguments)
    try:
        try:
            return _run(arguments, lang)
        except (BrokenPipeError, CommandError, KeyboardInterrupt):
            raise
        except Exception as error:
            raise _classify(error, lang) from error
    except CommandError as error:
        _report(error, lang, debug="--debug" in _before_dashes(arguments))
        return error.status
    except BrokenPipeError:
        _quiet_stdout()
        return 1
    except KeyboardInterrupt:
        _report(DataError(message("interrupted")), lang, debug=False)
        return 130


def entry_point() -> NoReturn:
    """The ``sodertorn`` command (and ``python -m sodertorn``): :func:`main`, then exit.

    Before the process exits, the objects the run made (some 15 000: modules, classes,
    functions, the data) are set aside from the cycle collector (:func:`gc.freeze`), which
    would otherwise scan them all once more as the interpreter shuts down, only for the
    exit to free them: a tenth of ``sodertorn fees --format json``. Code that calls
    :func:`main` in its own process is not affected.
    """
    status = main()
    gc.freeze()
    sys.exit(status)


def _report(error: CommandError, lang: str, *, debug: bool) -> None:
    """Write *error* as one line on standard error, in *lang* if the catalogue can be read."""
    try:
        tr = translator(lang)
        label = tr("error")  # outside the f-string, where every Python's extractor sees it
        text = f"{error.prog}: {label}: {error.render(tr)}"
    except Exception:  # a broken installation still gets its one line
        text = f"{error.prog}: error: {error.render(translator('en'))}"
    with contextlib.suppress(OSError, ValueError, AttributeError):
        if debug and isinstance(error, _BugError) and error.__cause__ is not None:
            import traceback  # noqa: PLC0415 - only under --debug

            write_text("".join(traceback.format_exception(error.__cause__)), sys.stderr)
        write_text(" ".join(text.split()) + "\n", sys.stderr)


def _classify(error: Exception, lang: str = "sv") -> CommandError:
    """The one-line error for an exception that reached the boundary (the user's *lang*)."""
    from sodertorn.errors import Listing, Phrase, SodertornError, Worded  # noqa: PLC0415

    def value(text: str) -> Any:
        # A phrase's values and a listing's items may be phrases themselves.
        if isinstance(text, Phrase):
            if not text.values:
                return Term(text.template)
            return Nested(text.template, {k: value(v) for k, v in text.values.items()})
        if isinstance(text, Worded):
            return as_is(text.words.get(lang, str(text)))
        if isinstance(text, Listing):
            return Joined(map(value, text.items), alternatives=text.alternatives)
        return as_is(text)

    def said(template: str, values: dict[str, str]) -> DataError:
        return DataError(template, **{k: value(v) for k, v in values.items()})

    if isinstance(error, SodertornError) and error.template and error.values is not None:
        # An error made with SodertornError.of speaks the user's language, through the
        # catalogue like every other message of the command line, and so does its place.
        if error.place is None:
            return said(error.template, error.values)
        return _PlacedError(said(error.template, error.values), said(*error.place))
    if isinstance(error, SodertornError):
        return DataError("{message}", message=Plain(str(error)))
    if isinstance(error, OSError):
        return DataError(
            "{file}: {reason}",
            file=error.filename or "-",
            reason=os_reason(error),
        )
    if isinstance(error, MemoryError):
        return DataError("the input is too large for the memory available")
    if isinstance(error, RecursionError):
        return DataError("the input is nested too deeply")
    if isinstance(error, OverflowError):
        return DataError("a date or a number is out of range")
    return _BugError(
        "internal error ({kind}), a bug in sodertorn {version}: please report it at {url} "
        "with the command you ran; --debug shows the traceback",
        kind=Plain(type(error).__name__),
        version=Plain(__version__),
        url=Plain(BUGS),
    )


class _BugError(DataError):
    """An exception the command line did not expect: a bug, reported as one."""


class _PlacedError(DataError):
    """A data error said after where it is (a file and a line), each through the catalogue."""

    def __init__(self, error: DataError, place: DataError) -> None:
        values: dict[str, Any] = error.values
        super().__init__(error.template, **values)
        self.place = place

    def render(self, tr: Callable[[str], str]) -> str:
        return self.place.render(tr) + super().render(tr)


def _quiet_stdout() -> None:
    """The reader left early (``sodertorn fees | head``): stop quietly, as Unix tools do."""
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
