"""The package's exceptions and warnings.

Every exception the library raises on purpose derives from :class:`~sodertorn.SodertornError`.
Leaves also derive from the builtin they resemble, so ``except ValueError`` keeps
working for callers who do not know this package:

>>> from sodertorn import municipality, SodertornError
>>> try:
...     municipality("Stockholm")
... except LookupError as error:
...     isinstance(error, SodertornError)
True

Warnings derive from :class:`~sodertorn.SodertornWarning`, itself a :class:`UserWarning`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "AllocationError",
    "DissolutionError",
    "FeeRuleError",
    "FewMeetingsWarning",
    "FollowUpError",
    "GoalTreeError",
    "GovernanceError",
    "InvalidAmountError",
    "LocaleError",
    "MissingDataError",
    "MissingDependencyError",
    "NoticeError",
    "OutputError",
    "PlanError",
    "PopulationDataError",
    "SchemaError",
    "SodertornDeprecationWarning",
    "SodertornError",
    "SodertornWarning",
    "UndecidedError",
    "UnknownMunicipalityError",
    "UnknownProgrammeError",
]


_E = TypeVar("_E", bound="SodertornError")
_L = TypeVar("_L", bound="_LocatedError")
_S = TypeVar("_S", bound="SchemaError")


def message(text: str) -> str:
    """Mark *text* as a message of the catalogue (see :func:`sodertorn.i18n.message`)."""
    return text


_OS_REASONS = {
    "ENOENT": message("no such file or directory"),
    "EACCES": message("permission denied"),
    "EPERM": message("operation not permitted"),
    "EISDIR": message("it is a directory"),
    "ENOTDIR": message("a part of the path is not a directory"),
    "EEXIST": message("the file already exists"),
    "ENOSPC": message("no space left on the device"),
    "EROFS": message("the file system is read-only"),
    "ENAMETOOLONG": message("the file name is too long"),
    "EINVAL": message("the name or the operation is not valid here"),
}
"""The operating system's common reasons by errno name, worded for the catalogue."""


def os_reason(error: OSError) -> str:
    """Why the operating system refused, as a value of a message in the user's language.

    The common reasons are :class:`Phrase` values, translated with the message they are
    in; any other is the system's own text, which only the system can translate.
    """
    import errno  # noqa: PLC0415 - only when a file operation has failed

    name = errno.errorcode.get(error.errno or -1, "")
    if name in _OS_REASONS:
        return Phrase(_OS_REASONS[name])
    return str(error.strerror or type(error).__name__)


class Phrase(str):
    """A value of an error's message that is itself an English message, translated with it.

    ``PopulationDataError.of("{where} {value} is not a four-digit year",
    where=Phrase(message("year")), value="'20x4'")`` says "year" in the user's language too.
    A phrase with values of its own is its template filled in:
    ``Phrase(message("line {line}, column {column}"), line="1", column="7")``.
    """

    template: str
    values: dict[str, str]

    def __new__(cls, template: str, /, **values: str) -> Phrase:
        phrase = super().__new__(cls, template.format(**values) if values else template)
        phrase.template, phrase.values = template, values
        return phrase


class Listing(str):
    """A list as a value of an error's message, joined in the user's language.

    ``str()`` of it is the English: ``A, B and C``, or ``A, B or C`` for *alternatives*.
    """

    items: tuple[str, ...]
    alternatives: bool

    def __new__(cls, items: Iterable[str], *, alternatives: bool = False) -> Listing:
        words = tuple(items)
        last = " or " if alternatives else " and "
        text = last.join([", ".join(words[:-1]), words[-1]]) if len(words) > 1 else "".join(words)
        listing = super().__new__(cls, text)
        listing.items, listing.alternatives = words, alternatives
        return listing


class Worded(str):
    """A value of an error's message already put into words in each language.

    ``str()`` of it is the English; ``words`` maps each language to its text.
    """

    words: dict[str, str]

    def __new__(cls, words: dict[str, str]) -> Worded:
        worded = super().__new__(cls, words["en"])
        worded.words = dict(words)
        return worded


def json_problem(error: Exception) -> str:
    """Where the JSON parser found the text wrong, as a value of an error's message.

    Python's own message is English, so the line and column it names stand for it.
    """
    line, column = getattr(error, "lineno", None), getattr(error, "colno", None)
    if line is None or column is None:
        return str(error)
    return Phrase(message("line {line}, column {column}"), line=str(line), column=str(column))


def _place(source: str | None, line: int | None) -> tuple[str, dict[str, str]] | None:
    """Where an error is, as a template and values: ``("{source}: line {line}: ", ...)``."""
    if source is not None and line is not None:
        return message("{source}: line {line}: "), {"source": source, "line": str(line)}
    if source is not None:
        return message("{source}: "), {"source": source}
    if line is not None:
        return message("line {line}: "), {"line": str(line)}
    return None


class SodertornError(Exception):
    """Root of every exception raised by :mod:`sodertorn`.

    An error made with :meth:`of` keeps its English message as a template with values, so
    that :func:`sodertorn.i18n.error_text` can say it in Swedish too; an error that names
    its file and line keeps where it is in ``place``, a template of its own.
    """

    __module__ = "sodertorn"

    template: str | None = None
    values: dict[str, str] | None = None
    place: tuple[str, dict[str, str]] | None = None
    """Where the error is (a file, a line), a template and its values, said before the message."""

    @classmethod
    def of(cls: type[_E], template: str, /, **values: str) -> _E:
        """An error whose message is *template* (English, in the catalogue) filled in."""
        error = cls(template.format(**values))
        error.template, error.values = template, values
        return error


class _LocatedError(SodertornError):
    """An error in a file that names the file (*source*) and the line, before its message."""

    def __init__(self, message: str, *, line: int | None = None, source: str | None = None):
        place = _place(source, line)
        super().__init__((place[0].format(**place[1]) if place else "") + message)
        self.line = line
        self.source = source

    @classmethod
    def of(
        cls: type[_L],
        template: str,
        /,
        *,
        line: int | str | None = None,
        source: str | None = None,
        **values: str,
    ) -> _L:
        """An error whose message is *template* filled in, at *line* of *source* if given."""
        number = int(line) if isinstance(line, str) else line
        error = cls(template.format(**values), line=number, source=source)
        error.template, error.values = template, values
        error.place = _place(source, number)
        return error

    def at(self: _L, *, line: int | None = None, source: str | None = None) -> _L:
        """The same error, said to be at *line* of *source* (for a reader that knows where)."""
        if self.template is not None and self.values is not None and self.place is None:
            return type(self).of(self.template, line=line, source=source, **self.values)
        return type(self)(str(self), line=line, source=source)


class SodertornWarning(UserWarning):
    """Root of every warning issued by :mod:`sodertorn`."""

    __module__ = "sodertorn"


class UnknownMunicipalityError(SodertornError, LookupError):
    """A name or code that is not one of the parties."""

    __module__ = "sodertorn"


class InvalidAmountError(SodertornError, ValueError):
    """A money amount that cannot be represented exactly, or is of a refused type."""

    __module__ = "sodertorn"


class AllocationError(SodertornError, ValueError):
    """Weights or totals that cannot be split (all zero, negative, not integers)."""

    __module__ = "sodertorn"


class PopulationDataError(_LocatedError, ValueError):
    """A population file or table that is malformed; the message names the line."""

    __module__ = "sodertorn"


class MissingDataError(SodertornError, LookupError):
    """A year, party or value that the data does not contain."""

    __module__ = "sodertorn"


class FeeRuleError(SodertornError, ValueError):
    """A fee rule or fee schedule that is inconsistent, or no rule for a year."""

    __module__ = "sodertorn"


class LocaleError(SodertornError, ValueError):
    """A locale or language the library cannot format or translate for."""

    __module__ = "sodertorn"


class NoticeError(SodertornError, ValueError):
    """A notice of withdrawal that § 2 does not accept (not decided, or received too early)."""

    __module__ = "sodertorn"


class GoalTreeError(SodertornError, ValueError):
    """A goal tree that cannot be a programme: duplicate id, dangling parent, cycle."""

    __module__ = "sodertorn"


class GovernanceError(SodertornError, ValueError):
    """A meeting, election, decision or project that contradicts the agreement (§§ 3, 4, 6)."""

    __module__ = "sodertorn"


class PlanError(SodertornError, ValueError):
    """An activity plan at odds with its programme, or a budget or calendar that is malformed."""

    __module__ = "sodertorn"


class DissolutionError(SodertornError, ValueError):
    """A dissolution that § 10 does not allow, or assets and liabilities that cannot be split."""

    __module__ = "sodertorn"


class SchemaError(SodertornError, ValueError):
    """A programme or plan document that does not follow the schema; names the path."""

    __module__ = "sodertorn"

    def __init__(self, message: str, *, path: str = ""):
        super().__init__(f"{path}: {message}" if path else message)
        self.path = path

    @classmethod
    def of(cls: type[_S], template: str, /, *, path: str = "", **values: str) -> _S:
        """An error whose message is *template* filled in, at *path* of the document if given."""
        error = cls(template.format(**values), path=path)
        error.template, error.values = template, values
        error.place = _place(path or None, None)
        return error


class UnknownProgrammeError(SodertornError, LookupError):
    """A programme name or plan year that the library does not have."""

    __module__ = "sodertorn"


class SodertornDeprecationWarning(SodertornWarning, DeprecationWarning):
    """A name or method that still works but will be removed; the message says what replaces it."""

    __module__ = "sodertorn"


class FewMeetingsWarning(SodertornWarning):
    """A year's calendar with fewer committee meetings than the programme asks for."""

    __module__ = "sodertorn"


class MissingDependencyError(SodertornError, ImportError):
    """An optional package (an extra such as ``sodertorn[excel]``) that is not installed."""

    __module__ = "sodertorn"


class OutputError(SodertornError, OSError):
    """A file or directory the library was asked to write that cannot be written."""

    __module__ = "sodertorn"


class UndecidedError(SodertornError, TypeError):
    """A three-valued answer (yes, no, unknown) used as if it were a plain truth value."""

    __module__ = "sodertorn"


class FollowUpError(_LocatedError, ValueError):
    """A status or indicator record, or a follow-up file, that cannot be read; names the line."""

    __module__ = "sodertorn"
