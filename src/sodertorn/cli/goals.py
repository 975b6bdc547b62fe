"""``sodertorn goals NAME``: a development programme's goal tree (text, Markdown or JSON)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sodertorn.cli import SUBCOMMANDS
from sodertorn.cli._i18n import DataError, Joined, current
from sodertorn.cli._output import Report

if TYPE_CHECKING:
    import argparse

__all__ = ["goals", "register"]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``goals`` subcommand to *subparsers*."""
    from sodertorn.programme.builtin import programme_names  # noqa: PLC0415

    tr = current()
    parser = subparsers.add_parser(
        "goals",
        formats=("text", "markdown", "json"),
        help=tr(SUBCOMMANDS["goals"][1]),
        description=tr("Print the goal tree of a development programme (SUP)."),
    )
    parser.add_argument(
        "name",
        metavar=tr("NAME"),
        help=tr("the programme: {names}").format(
            names=Joined(programme_names(), alternatives=True).render(tr)
        ),
    )
    parser.set_defaults(func=goals)


def goals(args: argparse.Namespace) -> Report:
    """The goal tree of programme ``args.name``."""
    from sodertorn.errors import UnknownProgrammeError  # noqa: PLC0415
    from sodertorn.programme.builtin import load_programme, programme_names  # noqa: PLC0415
    from sodertorn.programme.render import goals_markdown, goals_text  # noqa: PLC0415
    from sodertorn.programme.schema import programme_to_dict  # noqa: PLC0415

    try:
        programme = load_programme(args.name)
    except UnknownProgrammeError:
        raise DataError(
            "unknown programme {name}; expected one of {names}",
            name=args.name,
            names=Joined(programme_names(), alternatives=True),
        ) from None
    document = programme_to_dict(programme)
    texts = {
        "text": lambda: goals_text(programme, args.lang) + "\n",
        "markdown": lambda: goals_markdown(programme, args.lang).rstrip("\n") + "\n",
    }
    # The programme's document names its schema itself: "sodertorn/programme/1".
    return Report(kind="programme", document=document, texts=texts)
