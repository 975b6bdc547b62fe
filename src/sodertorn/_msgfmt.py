"""Compile a gettext catalogue (``.po``) to the binary form (``.mo``) the standard library reads.

Used twice: by the build (``hatch_build.py`` loads this file on its own, so it needs nothing
but the standard library and Babel), and by :mod:`sodertorn.i18n` when a source tree has no
compiled catalogue, or one older than its ``.po``. Babel's message tools parse the ``.po``
and write the ``.mo``; :class:`gettext.GNUTranslations` reads it.

The compiled catalogue records which ``.po`` it was made from: its ``Project-Id-Version``
header is ``sodertorn po-`` followed by the CRC-32 of the ``.po``'s bytes (:func:`stamp`).
"""

from __future__ import annotations

import zlib

__all__ = ["compile_po", "stamp"]

DOMAIN = "sodertorn"


def stamp(po: bytes) -> str:
    """The version a catalogue compiled from *po* carries: ``po-`` and the bytes' CRC-32."""
    return f"po-{zlib.crc32(po):08x}"


def compile_po(po: bytes, lang: str) -> bytes:
    """The ``.mo`` of the ``.po`` *po* for *lang*; fuzzy and untranslated entries are left out.

    The result depends only on *po* (and Babel's version): its creation date is fixed, so
    two builds of the same source give the same bytes.
    """
    import datetime  # noqa: PLC0415 - only when compiling
    import io  # noqa: PLC0415

    from babel.messages.mofile import write_mo  # noqa: PLC0415
    from babel.messages.pofile import read_po  # noqa: PLC0415

    catalog = read_po(io.BytesIO(po), locale=lang, domain=DOMAIN, abort_invalid=True)
    catalog.project, catalog.version = DOMAIN, stamp(po)
    catalog.creation_date = catalog.revision_date = datetime.datetime(
        2010, 1, 1, tzinfo=datetime.timezone.utc
    )
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()
