"""What the command line reads: argument values and files, checked before the rules see them.

Each argument type raises :class:`argparse.ArgumentTypeError` with a message in the
language of the parser (so argparse reports it as a usage error naming the option).
Every file the command line reads goes through :func:`read_bytes`: read whole, at most
:data:`LARGEST` bytes, only if it is a regular file or ``-`` (standard input).
:func:`read_text` decodes it as UTF-8 (with or without a byte order mark) or, if that
fails, Windows-1252, as the population loaders do.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import os
import re
import stat
import sys
from typing import TYPE_CHECKING, NoReturn

from sodertorn.cli._i18n import DataError, Joined, Plain, Term, current, os_reason, shown

if TYPE_CHECKING:
    from collections.abc import Iterator
    from decimal import Decimal

    from sodertorn.parties import Municipality

__all__ = [
    "LARGEST",
    "amount",
    "date",
    "party",
    "read_bytes",
    "read_text",
    "reading",
    "year",
    "years",
]

LARGEST = 16 * 1024 * 1024
"""The largest input file read, in bytes: far above any population or item list."""


def _refuse(template: str, **values: object) -> argparse.ArgumentTypeError:
    tr = current()
    return argparse.ArgumentTypeError(
        tr(template).format(
            **{k: v.render(tr) if isinstance(v, Joined) else shown(v) for k, v in values.items()}
        )
    )


def year(text: str) -> int:
    """A year of four digits, such as ``2024``."""
    if not re.fullmatch(r"[0-9]{4}", text.strip()):
        raise _refuse("{value} is not a year; expected four digits such as 2024", value=text)
    return int(text)


def seconds(text: str) -> float:
    """A time to wait, in seconds: more than 0 and at most an hour, such as ``30``."""
    value = text.strip()
    if re.fullmatch(r"[0-9]{1,4}(\.[0-9]{1,3})?", value) and 0 < float(value) <= 3600:
        return float(value)
    raise _refuse(
        "{value} is not a number of seconds; expected more than 0 and at most 3600, such as 30",
        value=text,
    )


def years(text: str) -> tuple[int, int | None]:
    """A year (``2024``) as ``(2024, None)``, or a span of years (``2010-2025``)."""
    first, dash, last = text.strip().replace("–", "-").partition("-")
    if re.fullmatch(r"[0-9]{4}", first) and not dash:
        return int(first), None
    span = re.fullmatch(r"[0-9]{4}", first) and re.fullmatch(r"[0-9]{4}", last.strip())
    if span and int(first) <= int(last):
        return int(first), int(last)
    raise _refuse(
        "{value} is not a year or a span of years; expected four digits such as 2024, or 2010-2025",
        value=text,
    )


def date(text: str) -> datetime.date:
    """A date written YYYY-MM-DD, such as ``2024-03-15``."""
    value = text.strip()
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        with contextlib.suppress(ValueError):
            return datetime.date.fromisoformat(value)
    raise _refuse("{value} is not a date; expected YYYY-MM-DD such as 2024-03-15", value=text)


def party(text: str) -> Municipality:
    """One of the parties, by name or SCB code (``Huddinge``, ``0126``)."""
    from sodertorn.errors import UnknownMunicipalityError  # noqa: PLC0415
    from sodertorn.parties import MUNICIPALITIES, municipality  # noqa: PLC0415

    try:
        return municipality(text)
    except UnknownMunicipalityError:
        raise _refuse(
            "{value} is not one of the parties; expected a name or a code: {known}",
            value=text,
            known=Joined((p.name for p in MUNICIPALITIES), alternatives=True),
        ) from None


def amount(text: str) -> Decimal:
    """An amount in kronor, 0 or more, with at most two decimals (``500000``, ``1250.50``)."""
    from decimal import Decimal  # noqa: PLC0415 - only this subcommand needs it

    value = text.strip().replace(",", ".")
    if re.fullmatch(r"[0-9]{1,15}(\.[0-9]{1,2})?", value):
        return Decimal(value)
    raise _refuse(
        "{value} is not an amount; expected kronor, 0 or more, with at most two decimals, "
        "such as 500000 or 1250.50",
        value=text,
    )


def read_bytes(path: str, what: str) -> tuple[bytes, str]:
    """The bytes of the file *path* (``-`` for standard input) and the name to cite it by.

    The one way the command line reads a file it is given. *what* names the file in
    messages, an English message ("items file"). Refused, with exit status 1: a path that
    cannot be opened, anything but a regular file (a directory, a device or a FIFO would
    hang or never end), a file over :data:`LARGEST` bytes, a standard input that is closed.
    """
    if path == "-":
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:
            raise DataError("{what}: standard input cannot be read", what=Term(what))
        try:
            data = stream.read(LARGEST + 1)
        except (OSError, ValueError) as error:
            raise DataError(
                "cannot read {what} {file}: {reason}",
                what=Term(what),
                file="-",
                reason=os_reason(error)
                if isinstance(error, OSError)
                else Plain(type(error).__name__),
            ) from None
        source = "<stdin>"
    else:
        try:
            # Opened without blocking, so that a FIFO is refused rather than waited on.
            descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        except (OSError, ValueError) as error:
            raise DataError(
                "cannot read {what} {file}: {reason}",
                what=Term(what),
                file=path,
                reason=os_reason(error)
                if isinstance(error, OSError)
                else Plain(type(error).__name__),
            ) from None
        with (
            open(descriptor, "rb", closefd=True)
            if _regular(descriptor)
            else _refused(descriptor, what, path) as handle
        ):
            try:
                data = handle.read(LARGEST + 1)
            except OSError as error:
                raise DataError(
                    "cannot read {what} {file}: {reason}",
                    what=Term(what),
                    file=path,
                    reason=os_reason(error),
                ) from None
        source = path
    if len(data) > LARGEST:
        raise DataError(
            "{file}: larger than {size} MB; expected a smaller file",
            file=source,
            size=LARGEST // (1024 * 1024),
        )
    return data, source


def read_text(path: str, what: str) -> tuple[str, str]:
    """The text of the file *path* (``-`` for standard input) and the name to cite it by.

    Read by :func:`read_bytes`, and decoded as UTF-8 (with or without a byte order mark)
    or, if that fails, as Windows-1252.
    """
    data, source = read_bytes(path, what)
    try:
        return data.decode("utf-8-sig"), source
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), source


def _regular(descriptor: int) -> bool:
    return stat.S_ISREG(os.fstat(descriptor).st_mode)


def _refused(descriptor: int, what: str, path: str) -> NoReturn:
    """Close *descriptor*, of something that is not a regular file, and refuse it."""
    os.close(descriptor)
    raise DataError("cannot read {what} {file}: not a regular file", what=Term(what), file=path)


@contextlib.contextmanager
def reading(source: str) -> Iterator[None]:
    """Turn what a parser may raise on hostile input into a data error naming *source*."""
    import csv  # noqa: PLC0415 - the population readers have imported it by then

    try:
        yield
    except (csv.Error, ValueError, ArithmeticError, RecursionError) as error:
        from sodertorn.errors import SodertornError  # noqa: PLC0415

        if isinstance(error, SodertornError):
            raise
        raise DataError(
            "{file}: cannot be read ({kind})", file=source, kind=Plain(type(error).__name__)
        ) from None
