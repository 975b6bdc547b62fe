"""The command line's language: its messages, argparse's own strings, and its errors.

Messages are English in the code and translated through the library's catalogue, like
everything else the library says. argparse's strings (``usage:``, ``options``, ``invalid
choice: ...``) go through the same catalogue while a parser is built and used
(:func:`argparse_in`).
"""

from __future__ import annotations

import argparse
import contextlib
from typing import TYPE_CHECKING

from sodertorn import errors
from sodertorn.errors import Phrase

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

__all__ = [
    "CommandError",
    "DataError",
    "Joined",
    "Nested",
    "Plain",
    "Term",
    "UsageError",
    "argparse_in",
    "as_is",
    "current",
    "message",
    "shown",
    "translator",
]


def message(text: str) -> str:
    """Mark *text* as a message to translate when shown; returns it unchanged."""
    return text


def _english(message: str) -> str:
    return message


def translator(lang: str) -> Callable[[str], str]:
    """Translate English messages into *lang* (``"sv"`` or ``"en"``) through the catalogue."""
    if lang != "sv":
        return _english
    from sodertorn.i18n import gettext  # noqa: PLC0415 - the catalogue only when Swedish

    def swedish(message: str) -> str:
        return gettext(message, "sv")

    return swedish


_current: list[Callable[[str], str]] = [_english]


def current() -> Callable[[str], str]:
    """The translator of the parser being built or used (English outside one)."""
    return _current[-1]


@contextlib.contextmanager
def argparse_in(tr: Callable[[str], str]) -> Iterator[None]:
    """Let argparse speak through *tr* while the block runs (its strings are looked up late)."""
    saved = (argparse._, argparse.ngettext)  # type: ignore[attr-defined]

    def ngettext(singular: str, plural: str, count: int) -> str:
        return tr(singular if count == 1 else plural)

    argparse._ = tr  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
    _current.append(tr)
    try:
        yield
    finally:
        _current.pop()
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


class CommandError(Exception):
    """An error of the command line: an English template and its values, shown translated."""

    status = 1

    def __init__(self, template: str, /, *, prog: str = "sodertorn", **values: object) -> None:
        super().__init__(template)
        self.template = template
        self.values = values
        self.prog = prog

    def render(self, tr: Callable[[str], str]) -> str:
        """The message in the language of *tr*, each value shown safely (see :func:`shown`)."""
        return tr(self.template).format(**{k: _said(v, tr) for k, v in self.values.items()})


def _said(value: object, tr: Callable[[str], str]) -> str:
    if isinstance(value, Term):
        return tr(value)
    if isinstance(value, Phrase):
        return tr(value.template).format(**value.values)
    if isinstance(value, (Joined, Nested)):
        return value.render(tr)
    return shown(value)


class UsageError(CommandError):
    """Arguments the command does not accept: exit status 2."""

    status = 2


class DataError(CommandError):
    """Input the command cannot use (a value, a file): exit status 1."""

    status = 1


LONGEST = 60
"""The most characters of a value an error message shows."""


def os_reason(error: OSError) -> str:
    """Why the system refused a file, in the user's language where the catalogue has it."""
    reason = errors.os_reason(error)
    return reason if isinstance(reason, Phrase) else Plain(reason)


class Plain(str):
    """Text of the library's own (not from the user's input): shown as it is, on one line."""

    __slots__ = ()


class Term(str):
    """An English message within a message: translated when the error is shown."""

    __slots__ = ()


class Joined:
    """A list within a message, joined with "and" (or, for *alternatives*, "or") when shown.

    >>> Joined(["Salem", "Tyresö", "Nykvarn"], alternatives=True).render(translator("sv"))
    'Salem, Tyresö eller Nykvarn'
    """

    __slots__ = ("alternatives", "items")

    def __init__(self, items: Iterable[object], *, alternatives: bool = False) -> None:
        self.items = tuple(_kept(item) for item in items)
        self.alternatives = alternatives

    def render(self, tr: Callable[[str], str]) -> str:
        """The items, each shown as :func:`shown` shows it, joined in the language of *tr*.

        An item that is a message itself (a :class:`Term` or :class:`Nested`) is translated.
        """
        words = [_said(item, tr) for item in self.items]
        if len(words) < 2:
            return "".join(words)
        last = tr("or") if self.alternatives else tr("and")
        return f"{', '.join(words[:-1])} {last} {words[-1]}"


class Nested:
    """A message within a message, with values of its own: translated when shown."""

    __slots__ = ("template", "values")

    def __init__(self, template: str, values: dict[str, object]) -> None:
        self.template, self.values = template, values

    def render(self, tr: Callable[[str], str]) -> str:
        """The message in the language of *tr*, its values as the library put them.

        A value that is a message itself (a :class:`Term`, :class:`Nested` or
        :class:`Joined`) is translated too.
        """
        values = {k: _said(_kept(v), tr) for k, v in self.values.items()}
        return tr(self.template).format(**values)


def _kept(value: object) -> object:
    """*value* if it is a message or a list to translate, else as :class:`Plain` text."""
    return value if isinstance(value, (Term, Joined, Nested, Plain)) else Plain(str(value))


def as_is(value: object) -> Plain:
    """A value the library has already put into words: without quotes, printable, short.

    At most twice :data:`LONGEST` characters.
    """
    text = str(value)
    if len(text) > 2 * LONGEST:
        text = text[: 2 * LONGEST] + "…"
    return Plain("".join(c if c.isprintable() else repr(c)[1:-1] for c in text))


def shown(value: object) -> str:
    """*value* as an error message may show it: quoted, printable, at most :data:`LONGEST`.

    >>> shown("a\\x00b\\nc")
    "'a\\\\x00b\\\\nc'"
    >>> len(shown("x" * 1000)) <= LONGEST + 3
    True
    """
    if isinstance(value, Plain):
        return " ".join(value.split())
    if not isinstance(value, str):
        return str(value)
    text = value if len(value) <= LONGEST else value[:LONGEST] + "…"
    return "'" + "".join(c if c.isprintable() else repr(c)[1:-1] for c in text) + "'"


def _argparse(text: str) -> str:
    """Mark one of argparse's own strings, so that the catalogue keeps its translation."""
    return text


ARGPARSE = (
    _argparse("usage: "),
    _argparse("positional arguments"),
    _argparse("options"),
    _argparse("subcommands"),
    _argparse("%(heading)s:"),
    _argparse("show this help message and exit"),
    _argparse("show program's version number and exit"),
    _argparse("argument %(argument_name)s: %(message)s"),
    _argparse("the following arguments are required: %s"),
    _argparse("one of the arguments %s is required"),
    _argparse("invalid choice: %(value)r (choose from %(choices)s)"),
    _argparse("invalid %(type)s value: %(value)r"),
    _argparse("unrecognized arguments: %s"),
    _argparse("expected one argument"),
    _argparse("expected at most one argument"),
    _argparse("expected at least one argument"),
    _argparse("expected %s argument"),
    _argparse("expected %s arguments"),
    _argparse("not allowed with argument %s"),
    _argparse("ignored explicit argument %r"),
    _argparse("ambiguous option: %(option)s could match %(matches)s"),
    _argparse("unexpected option string: %s"),
    _argparse("can't open '%(filename)s': %(error)s"),
)
"""The strings of :mod:`argparse` a user may see, which the catalogue translates."""
