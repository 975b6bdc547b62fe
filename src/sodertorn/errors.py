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


class SodertornError(Exception):
    """Root of every exception raised by :mod:`sodertorn`.

    An error made with :meth:`of` keeps its English message as a template with values, so
    that :func:`sodertorn.i18n.error_text` can say it in Swedish too.
    """

    __module__ = "sodertorn"

    template: str | None = None
    values: dict[str, str] | None = None

    @classmethod
    def of(cls, template: str, /, **values: str) -> SodertornError:
        """An error whose message is *template* (English, in the catalogue) filled in."""
        error = cls(template.format(**values))
        error.template, error.values = template, values
        return error


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


class PopulationDataError(SodertornError, ValueError):
    """A population file or table that is malformed; the message names the line."""

    __module__ = "sodertorn"

    def __init__(self, message: str, *, line: int | None = None, source: str | None = None):
        where = ""
        if source is not None:
            where += f"{source}: "
        if line is not None:
            where += f"line {line}: "
        super().__init__(where + message)
        self.line = line
        self.source = source


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


class FollowUpError(SodertornError, ValueError):
    """A status or indicator record, or a follow-up file, that cannot be read; names the line."""

    __module__ = "sodertorn"

    def __init__(self, message: str, *, line: int | None = None, source: str | None = None):
        where = ""
        if source is not None:
            where += f"{source}: "
        if line is not None:
            where += f"line {line}: "
        super().__init__(where + message)
        self.line = line
        self.source = source
