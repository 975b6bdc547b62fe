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
from sodertorn.errors import DissolutionError, InvalidAmountError, Worded
from sodertorn.money import SEK
from sodertorn.reasons import message

__all__ = ["read_items"]

LARGEST = Decimal(10) ** 15
"""Amounts are refused from a thousand billion kronor up: no balance sheet of the committee
comes near, and a figure that large is a mistake in the file."""

_LONGEST = 60
"""The most characters of a value an error message quotes."""


def _quoted(value: object) -> str:
    text = repr(value)
    return text if len(text) <= _LONGEST else text[:_LONGEST] + "…"


def _error(template: str, /, **values: object) -> DissolutionError:
    error = DissolutionError.of(
        template,
        **{key: value if isinstance(value, str) else str(value) for key, value in values.items()},
    )
    assert isinstance(error, DissolutionError)
    return error


def _huge(value: int | str | Decimal) -> bool:
    """Whether *value* reads as a number of :data:`LARGEST` kronor or more."""
    try:
        number = Decimal(str(value).strip())
    except ArithmeticError:
        return False
    return number.is_finite() and abs(number) >= LARGEST


def _amount(value: object, name: str, source: str, place: tuple[str, int]) -> SEK:
    """The amount *value* of the item *name*, at ``("line", n)`` or ``("item", n)``."""
    where = {"source": source, place[0]: place[1], "name": _quoted(name)}
    csv_line = place[0] == "line"
    if isinstance(value, (int, str, Decimal)) and not isinstance(value, bool):
        try:
            amount: SEK | None = SEK(value)
        except (InvalidAmountError, ArithmeticError):
            amount = None
        if amount is None and not _huge(value):
            raise _error(
                message(
                    "{source}, line {line}: {value} is not an amount in kronor for {name}; "
                    "expected at most two decimals, such as -250000 or 1000.50"
                )
                if csv_line
                else message(
                    "{source}, item {item}: {value} is not an amount in kronor for {name}; "
                    "expected at most two decimals, such as -250000 or 1000.50"
                ),
                value=_quoted(str(value)),
                **where,
            )
        if amount is None or abs(amount.amount) >= LARGEST:
            raise _error(
                message(
                    "{source}, line {line}: the amount of {name} is too large; expected less "
                    "than {largest} kronor"
                )
                if csv_line
                else message(
                    "{source}, item {item}: the amount of {name} is too large; expected less "
                    "than {largest} kronor"
                ),
                largest=Worded(
                    {"en": f"{LARGEST:,.0f}", "sv": f"{LARGEST:,.0f}".replace(",", " ")}
                ),
                **where,
            )
        return amount
    raise _error(
        message(
            "{source}, item {item}: the amount {value} of {name} is not a number; expected "
            "kronor such as -250000 or 1000.50"
        ),
        value=_quoted(value),
        **where,
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
        raise _error(
            "{source}: not readable as CSV ({reason})", source=source, reason=str(error)
        ) from None
    if not rows:
        raise _error("{source}: empty; expected the CSV header 'name,amount'", source=source)
    if [cell.strip().lower() for cell in rows[0][1]] != ["name", "amount"]:
        # The first line is not quoted back: it may be anything (a file given by mistake).
        raise _error(
            "{source}: expected the CSV header 'name,amount' on line {line}",
            source=source,
            line=rows[0][0],
        )
    items: list[Item] = []
    for number, row in rows[1:]:
        if len(row) != 2:
            raise _error(
                "{source}, line {line}: expected 2 fields (name,amount), got {count}",
                source=source,
                line=number,
                count=len(row),
            )
        name = row[0].strip()
        items.append(
            Item(name=name, amount=_amount(row[1].strip(), name, source, ("line", number)))
        )
    return tuple(items)


def _read_json(text: str, source: str) -> tuple[Item, ...]:
    try:
        data: Any = json.loads(text, parse_float=Decimal, parse_int=Decimal)
    except RecursionError:
        raise _error("{source}: JSON nested too deeply", source=source) from None
    except json.JSONDecodeError as error:
        raise _error(
            "{source}: not valid JSON at line {line}, column {column}",
            source=source,
            line=error.lineno,
            column=error.colno,
        ) from None
    except ValueError:
        raise _error("{source}: not valid JSON", source=source) from None
    if isinstance(data, dict):
        pairs = list(data.items())
    elif isinstance(data, list) and all(
        isinstance(entry, dict) and set(entry) == {"name", "amount"} for entry in data
    ):
        pairs = [(entry["name"], entry["amount"]) for entry in data]
    else:
        raise _error(
            '{source}: expected a JSON list of {{"name": ..., "amount": ...}} or an object of '
            "name: amount",
            source=source,
        )
    return tuple(
        Item(name=name, amount=_amount(amount, str(name), source, ("item", index)))
        for index, (name, amount) in enumerate(pairs, start=1)
    )
