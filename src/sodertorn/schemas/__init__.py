"""JSON Schemas of the command line's JSON documents, one file a kind and version.

Every ``--format json`` document names its schema in its first key, ``"schema":
"sodertorn/<kind>/<version>"``; the file ``<kind>-<version>.json`` in this package is
its JSON Schema (draft 2020-12). Dates are ISO 8601 strings, amounts exact decimal
strings of kronor (``"455680"``, ``"-0.50"``), municipality codes four-digit strings.
Within a version keys may be added, never removed or changed in meaning.

>>> from sodertorn.schemas import KINDS, schema
>>> KINDS
('contributions', 'dissolution', 'fee-history', 'fees', 'invoices', 'meeting', 'notice', 'programme')
>>> schema("sodertorn/fees/1")["properties"]["schema"]
{'const': 'sodertorn/fees/1'}
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sodertorn.errors import SchemaError

__all__ = ["KINDS", "path", "schema"]

KINDS = (
    "contributions",
    "dissolution",
    "fee-history",
    "fees",
    "invoices",
    "meeting",
    "notice",
    "programme",
)
"""The kinds of document the command line writes."""

_HERE = Path(__file__).parent


def path(name: str) -> Path:
    """The file of the schema *name* (``"sodertorn/fees/1"``)."""
    prefix, _, rest = name.partition("/")
    kind, _, version = rest.partition("/")
    if prefix != "sodertorn" or kind not in KINDS or not version.isdigit():
        raise SchemaError(
            f"unknown schema {name!r}; expected 'sodertorn/<kind>/<version>' with a kind "
            f"among {', '.join(KINDS)}"
        )
    found = _HERE / f"{kind}-{int(version)}.json"
    if not found.is_file():
        raise SchemaError(f"unknown schema {name!r}: no version {version} of {kind!r}")
    return found


def schema(name: str) -> dict[str, Any]:
    """The JSON Schema of documents that say ``"schema": name``, as parsed JSON."""
    loaded: dict[str, Any] = json.loads(path(name).read_text(encoding="utf-8"))
    return loaded
