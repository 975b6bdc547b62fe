"""Writing text to a stream in its own encoding, whatever that is."""

from __future__ import annotations

import sys
from typing import Any

__all__ = ["write_text"]


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
