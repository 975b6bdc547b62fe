"""The ``goals`` subcommand: print a programme's goal tree.

``sodertorn goals sup2040 [--format text|markdown|json] [--lang sv|en]``. The main
command-line program calls :func:`register` with its subparsers; the handler prints to
standard output and returns 0, and raises a :class:`~sodertorn.SodertornError` for bad
input (an unknown programme), which the main program reports.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sodertorn.i18n import LANGUAGES
from sodertorn.programme.builtin import load_programme, programme_names
from sodertorn.programme.render import goals_markdown, goals_text
from sodertorn.programme.schema import programme_to_json

if TYPE_CHECKING:
    import argparse

__all__ = ["goals", "register"]

FORMATS = ("text", "markdown", "json")


def goals(args: argparse.Namespace) -> int:
    """Print the goal tree of programme ``args.name`` in ``args.format`` and ``args.lang``."""
    programme = load_programme(args.name)
    if args.format == "json":
        output = programme_to_json(programme).rstrip("\n")
    elif args.format == "markdown":
        output = goals_markdown(programme, args.lang).rstrip("\n")
    else:
        output = goals_text(programme, args.lang)
    print(output)
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``goals`` subcommand to *subparsers* (from ``add_subparsers()``)."""
    parser = subparsers.add_parser(
        "goals",
        help="print a development programme's goal tree",
        description="Print the goal tree of a development programme (SUP).",
    )
    parser.add_argument(
        "name", metavar="NAME", help="the programme: " + ", ".join(programme_names())
    )
    parser.add_argument(
        "--format", choices=FORMATS, default="text", help="output format (default: text)"
    )
    parser.add_argument(
        "--lang", choices=sorted(LANGUAGES), default="sv", help="language of the labels"
    )
    parser.set_defaults(func=goals)
