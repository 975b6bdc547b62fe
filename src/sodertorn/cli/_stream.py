"""Writing text to a stream in its own encoding, whatever that is."""

from __future__ import annotations

import sys
from typing import Any

__all__ = ["refuse_fifo", "write_file", "write_text"]


def write_text(text: str, stream: Any = None) -> None:
    """Write *text* in the stream's encoding, replacing what it cannot encode.

    The stream is standard output by default; with no stream at all (``pythonw``), nothing.
    """
    stream = sys.stdout if stream is None else stream
    if stream is None:
        return
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        text = text.encode(encoding, "replace").decode(encoding)
    except LookupError:
        text = text.encode("ascii", "replace").decode("ascii")
    stream.write(text)
    stream.flush()


def refuse_fifo(path: str) -> None:
    """Raise :class:`OSError` (``ENXIO``) if *path* is a FIFO that no process reads.

    For a writer that opens *path* itself (a workbook's library), which would wait on it.
    """
    import os  # noqa: PLC0415 - only when writing a file
    import stat  # noqa: PLC0415

    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return  # not there yet, or not a name: opening it says why
    if stat.S_ISFIFO(mode) and hasattr(os, "O_NONBLOCK"):
        # Opening for writing without waiting fails with ENXIO when nobody reads.
        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))


def write_file(path: str, data: str | bytes) -> None:
    """Write *data* (text as UTF-8, lines as given) to the file at *path*.

    A FIFO that no process reads is refused at once (``ENXIO``) instead of waited on; one
    that a process reads, such as a shell's ``>(...)``, is written as a file is. Errors are
    the :class:`OSError` of opening or writing.
    """
    import os  # noqa: PLC0415 - only when writing a file

    nonblocking = getattr(os, "O_NONBLOCK", 0)
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | nonblocking | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags, 0o666)
    try:
        if nonblocking:
            os.set_blocking(descriptor, True)
        handle = open(descriptor, "wb", closefd=True)  # noqa: SIM115 - closed below
    except BaseException:
        os.close(descriptor)
        raise
    with handle:
        handle.write(data.encode("utf-8") if isinstance(data, str) else data)
