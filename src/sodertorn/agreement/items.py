"""Reading the committee's assets and liabilities, for a dissolution (Samarbetsavtal 2010, § 10).

Items come as CSV with the header ``name,amount`` (liabilities negative; lines starting
with ``#`` are comments) or as JSON: a list of ``{"name": ..., "amount": ...}`` or an
object ``{name: amount}``. Amounts are kronor, read exactly (never through a float).
Errors name the source, the line or item and the offending value only: never the rest
of the file.

>>> from sodertorn.agreement.items import read_items
>>> [(item.name, str(item.amount.amount)) for item in read_items("name,amount\\nBank,1000.50\\n")]
[('Bank', '1000.50')]
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from typing import Any

from sodertorn.agreement.dissolution import Item
from sodertorn.errors import DissolutionError, InvalidAmountError
from sodertorn.money import SEK

__all__ = ["read_items"]

_LONGEST = 60
"""The most characters of a value an error message quotes."""

LARGEST = Decimal(10) ** 15
"""Amounts are refused from a thousand billion kronor up: no balance sheet of the committee
comes near, and a figure that large is a mistake in the file."""


def _quoted(value: object) -> str:
    text = repr(value)
    return text if len(text) <= _LONGEST else text[:_LONGEST] + "…"


def _amount(value: object, name: str, where: str) -> SEK:
    if isinstance(value, (int, str, Decimal)) and not isinstance(value, bool):
        try:
            amount = SEK(value)
        except InvalidAmountError as error:
            raise DissolutionError(f"{where}: amount of {_quoted(name)}: {error}") from None
        except ArithmeticError:
            amount = None
        if amount is None or abs(amount.amount) >= LARGEST:
            raise DissolutionError(
                f"{where}: amount of {_quoted(name)} is too large; expected less than "
                f"{LARGEST:,.0f} kronor"
            )
        return amount
    raise DissolutionError(
        f"{where}: amount {_quoted(value)} of {_quoted(name)} is not a number; expected "
        f"kronor such as '-250000' or '1000.50'"
    )


def read_items(text: str, *, source: str = "<items>") -> tuple[Item, ...]:
    """Read items from CSV (``name,amount``) or JSON (a list of objects, or an object).

    JSON may be ``[{"name": ..., "amount": ...}, ...]`` or ``{"name": amount, ...}``;
    amounts are kronor (negative for liabilities), numbers or strings, read exactly.
    """
    stripped = text.lstrip("\ufeff").strip()
    if stripped.startswith(("[", "{")):
        return _read_json(stripped, source)
    try:
        rows = [
            (number, row)
            for number, row in enumerate(csv.reader(io.StringIO(stripped)), start=1)
            if row and not row[0].lstrip().startswith("#")
        ]
    except csv.Error as error:
        raise DissolutionError(f"{source}: not readable as CSV ({error})") from None
    if not rows or [cell.strip().lower() for cell in rows[0][1]] != ["name", "amount"]:
        # The first line is not quoted back: it may be anything (a file given by mistake).
        where = f"line {rows[0][0]}" if rows else "an empty file"
        raise DissolutionError(
            f"{source}: expected the CSV header 'name,amount', not found on {where}"
        )
    items: list[Item] = []
    for number, row in rows[1:]:
        where = f"{source}: line {number}"
        if len(row) != 2:
            raise DissolutionError(f"{where}: expected 2 fields (name,amount), got {len(row)}")
        name = row[0].strip()
        items.append(Item(name=name, amount=_amount(row[1].strip(), name, where)))
    return tuple(items)


def _read_json(text: str, source: str) -> tuple[Item, ...]:
    try:
        data: Any = json.loads(text, parse_float=Decimal, parse_int=Decimal)
    except RecursionError:
        raise DissolutionError(f"{source}: JSON nested too deeply") from None
    except ValueError as error:
        message = error.msg if isinstance(error, json.JSONDecodeError) else "not valid"
        where = (
            f" at line {error.lineno}, column {error.colno}"
            if isinstance(error, json.JSONDecodeError)
            else ""
        )
        raise DissolutionError(f"{source}: not valid JSON: {message}{where}") from None
    if isinstance(data, dict):
        pairs = list(data.items())
    elif isinstance(data, list) and all(
        isinstance(entry, dict) and set(entry) == {"name", "amount"} for entry in data
    ):
        pairs = [(entry["name"], entry["amount"]) for entry in data]
    else:
        raise DissolutionError(
            f'{source}: expected a JSON list of {{"name": ..., "amount": ...}} or an '
            f"object of name: amount"
        )
    return tuple(
        Item(name=name, amount=_amount(amount, str(name), f"{source}: item {index}"))
        for index, (name, amount) in enumerate(pairs, start=1)
    )
