"""Reading a population file: bounded, and decoded only once its encoding is known.

Every reader of the package goes through :func:`read_bytes` (a path) or
:func:`read_stream` (standard input), then :func:`sniff` and :func:`decode`, so that no
CSV reader ever sees bytes it cannot read (Python 3.10's :mod:`csv` stops at a NUL
character, which is what UTF-16 looks like when read as a single-byte encoding).
"""

from __future__ import annotations

import os
import stat
from typing import TYPE_CHECKING, Literal

from sodertorn.errors import PopulationDataError, os_reason

if TYPE_CHECKING:
    from typing import BinaryIO

__all__ = ["MAX_BYTES", "Kind", "decode", "read_bytes", "read_stream", "sniff"]

MAX_BYTES = 16 * 1024 * 1024
"""The largest population file read, in bytes (16 MiB).

A table of all 290 municipalities over sixty years is well under 1 MiB; anything larger
is not a table of population by region and year, and is refused before it is read.
"""

Kind = Literal["xlsx", "json", "text"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def _too_large(where: str) -> PopulationDataError:
    return PopulationDataError.of(
        "the file is larger than {size} MiB, far more than a table of population by region "
        "and year; export only the regions and years you need",
        source=where,
        size=str(MAX_BYTES // (1024 * 1024)),
    )


def read_bytes(path: str | os.PathLike[str]) -> tuple[bytes, str]:
    """The bytes of the regular file at *path* and its name, at most :data:`MAX_BYTES`.

    A directory, a device, a FIFO or a socket is refused before anything is read (a FIFO
    would wait for a writer, ``/dev/zero`` would never end).
    """
    if not isinstance(path, (str, os.PathLike)):
        raise _not_a_path(path)
    try:
        where = os.fspath(path)
    except TypeError:
        raise _not_a_path(path) from None
    if not isinstance(where, str):
        raise _not_a_path(path)
    try:
        mode = os.stat(where).st_mode
    except (OSError, ValueError) as error:
        reason = os_reason(error) if isinstance(error, OSError) else str(error)
        raise _unreadable(where, reason) from None
    _check_regular(mode, where)
    try:
        # O_NONBLOCK: if the path was swapped for a FIFO after the check, open() does not wait.
        descriptor = os.open(where, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise _unreadable(where, os_reason(error)) from None
    try:
        _check_regular(os.fstat(descriptor).st_mode, where)
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise _unreadable(where, os_reason(error)) from None
    finally:
        os.close(descriptor)
    if len(data) > MAX_BYTES:
        raise _too_large(where)
    return data, where


def _not_a_path(path: object) -> PopulationDataError:
    return PopulationDataError.of(
        "expected a path to a population file, got {value}", value=repr(path)
    )


def _unreadable(where: str, reason: str) -> PopulationDataError:
    return PopulationDataError.of(
        "cannot read population file {file}: {reason}", file=repr(where), reason=reason
    )


def _check_regular(mode: int, where: str) -> None:
    if stat.S_ISDIR(mode):
        raise PopulationDataError.of(
            "{file} is a directory; expected a population file (CSV, xlsx or JSON)",
            file=repr(where),
        )
    if not stat.S_ISREG(mode):
        raise PopulationDataError.of(
            "{file} is not a regular file (a device, FIFO or socket); save the figures to a "
            "file first",
            file=repr(where),
        )


def read_stream(stream: BinaryIO, where: str = "<stdin>") -> bytes:
    """At most :data:`MAX_BYTES` from *stream* (standard input), refused if there is more."""
    read = getattr(stream, "read", None)
    if not callable(read):
        raise PopulationDataError.of(
            "expected a binary stream, got {value}", source=where, value=repr(stream)
        )
    try:
        data = read(MAX_BYTES + 1)
    except (OSError, ValueError, TypeError) as error:
        raise PopulationDataError.of(
            "cannot read population data: {reason}", source=where, reason=str(error)
        ) from None
    if not isinstance(data, bytes):
        raise PopulationDataError.of("expected bytes from the stream", source=where)
    if len(data) > MAX_BYTES:
        raise _too_large(where)
    return data


def sniff(data: bytes, where: str) -> tuple[Kind, str]:
    """What the bytes are (an xlsx workbook, JSON or text) and their text; refuse the rest."""
    if data.startswith(b"PK\x03\x04"):
        return "xlsx", ""
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise PopulationDataError.of(
            "this is an Excel 97-2003 workbook (.xls); save it as .xlsx or CSV and load that",
            source=where,
        )
    head = data[:512]
    if head.startswith(b"%PDF"):
        raise PopulationDataError.of(
            "this is a PDF; download the table as CSV or xlsx instead", source=where
        )
    text = decode(data, where)
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")):
        return "json", text
    if stripped[:200].upper().startswith(("CHARSET=", "AXIS-VERSION=", "LANGUAGE=")):
        raise PopulationDataError.of(
            "this is a PC-Axis (.px) file; in the statistical database choose "
            "'Comma-separated text' (CSV) or xlsx instead",
            source=where,
        )
    return "text", text


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' if *data* looks like UTF-16 text without a BOM."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) >= len(odd) * 0.6 and not even.count(0):
        return "utf-16-le"
    if even.count(0) >= len(even) * 0.6 and not odd.count(0):
        return "utf-16-be"
    return None


def decode(data: bytes | str, where: str) -> str:
    """The text of *data*, its encoding found before any parser sees it.

    A byte-order mark decides (UTF-8, UTF-16, UTF-32); NUL bytes without one mean
    UTF-16 without a BOM if they fall on every other byte, and a binary file otherwise;
    other bytes are UTF-8 if they decode as such, else Windows-1252 (Latin-1), as older
    SCB exports are. Text with NUL characters left in it is refused.
    """
    if isinstance(data, str):
        text = data
    else:
        encoding = next((name for bom, name in _BOMS if data.startswith(bom)), None)
        if encoding is None and b"\x00" in data:
            encoding = _utf16_without_bom(data)
            if encoding is None:
                raise PopulationDataError.of(
                    "the file has NUL bytes and no byte-order mark: it is not text in an "
                    "encoding that can be recognised; save it as CSV in UTF-8",
                    source=where,
                )
        try:
            if encoding is not None:
                text = data.decode(encoding)
            else:
                try:
                    text = data.decode("utf-8")
                except UnicodeDecodeError:
                    text = data.decode("cp1252")
        except UnicodeDecodeError as error:
            if encoding is None:  # not UTF-8, and a byte Windows-1252 leaves undefined
                text = data.decode("latin-1")
            else:
                raise PopulationDataError.of(
                    "the file says it is {encoding} but byte {byte} does not decode; save it "
                    "again as CSV in UTF-8",
                    source=where,
                    encoding=encoding.upper(),
                    byte=str(error.start),
                ) from None
    text = text.removeprefix("\ufeff")
    if "\x00" in text:
        raise PopulationDataError.of(
            "the text has NUL characters; it is not a CSV or JSON file; save it as CSV in UTF-8",
            source=where,
        )
    return text
