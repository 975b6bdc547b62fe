"""Reading a JSON document into values: an object with the path of every value in it.

:class:`Reader` wraps one JSON object; its methods read a key as a given type and raise
:class:`~sodertorn.SchemaError` naming the path (``nodes[3].parent``) and the value when
it is missing or of the wrong kind. :mod:`sodertorn.programme.schema` maps the programme
and plan documents onto the model with it.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from sodertorn import _checks
from sodertorn.errors import (
    InvalidAmountError,
    Listing,
    SchemaError,
    SodertornError,
    UnknownMunicipalityError,
    message,
)
from sodertorn.money import SEK
from sodertorn.parties import Municipality, municipality
from sodertorn.programme.text import Text

if TYPE_CHECKING:
    import enum
    from collections.abc import Callable

__all__ = ["Reader", "check_schema", "read_list", "read_party", "read_text", "strings"]


def _value_of(kind: type, what: str) -> _checks.Check[Any]:
    """A value of *kind* (a bool is no int), refused as ``invalid value …; expected <what>``."""
    check: _checks.Check[Any] = _checks.is_a(kind, SchemaError, what=what, expected=what)
    return check.worded(message("invalid value {value}; expected {what}"))


_STRING = _value_of(str, message("a string"))
_INTEGER = _value_of(int, message("an integer"))


class Reader:
    """A JSON object being read, with the path used in error messages."""

    def __init__(self, data: object, path: str) -> None:
        if not isinstance(data, dict):
            raise SchemaError.of(
                "expected an object, got {value}", path=path or "document", value=repr(data)
            )
        self.data: dict[str, Any] = data
        self.path = path

    def at(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def raw(self, key: str, *, required: bool = True) -> Any:
        if key not in self.data or self.data[key] is None:
            if required:
                raise SchemaError.of("missing required value", path=self.at(key))
            return None
        return self.data[key]

    def typed(self, key: str, check: _checks.Check[Any], *, required: bool = True) -> Any:
        """The value of *key* if *check* passes it (or it is absent and not *required*)."""
        value = self.raw(key, required=required)
        if value is not None:
            check.check(value, key, path=self.at(key))
        return value

    def string(self, key: str, *, required: bool = True) -> Any:
        return self.typed(key, _STRING, required=required)

    def integer(self, key: str, *, required: bool = True) -> Any:
        return self.typed(key, _INTEGER, required=required)

    def items(self, key: str) -> list[tuple[str, Any]]:
        value = self.raw(key, required=False)
        if value is None:
            return []
        if not isinstance(value, list):
            raise SchemaError.of(
                "invalid value {value}; expected a list", path=self.at(key), value=repr(value)
            )
        return [(f"{self.at(key)}[{index}]", item) for index, item in enumerate(value)]

    def objects(self, key: str) -> list[Reader]:
        return [Reader(item, path) for path, item in self.items(key)]

    def text(self, key: str) -> Text:
        text = read_text(self.raw(key), self.at(key))
        assert text is not None
        return text

    def optional_text(self, key: str) -> Text | None:
        return read_text(self.raw(key, required=False), self.at(key))

    def day(self, key: str) -> datetime.date:
        found = self.date(key, required=True)
        assert found is not None
        return found

    def date(self, key: str, *, required: bool = False) -> datetime.date | None:
        value = self.string(key, required=required)
        if value is None:
            return None
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            raise SchemaError.of(
                "invalid date {value}; expected an ISO date such as '2024-01-16'",
                path=self.at(key),
                value=repr(value),
            ) from None

    def amount(self, key: str) -> SEK:
        found = self.sek(key, required=True)
        assert found is not None
        return found

    def sek(self, key: str, *, required: bool = False) -> SEK | None:
        value = self.string(key, required=required)
        if value is None:
            return None
        try:
            return SEK(value)
        except InvalidAmountError as error:
            raise _moved(error, self.at(key)) from None

    def party(self, key: str) -> Municipality:
        return read_party(self.string(key), self.at(key))

    def optional_party(self, key: str) -> Municipality | None:
        value = self.string(key, required=False)
        return None if value is None else read_party(value, self.at(key))

    def parties(self, key: str) -> list[Municipality]:
        found = []
        for path, item in self.items(key):
            if not isinstance(item, str):
                raise SchemaError.of(
                    "invalid party {value}; expected an SCB code", path=path, value=repr(item)
                )
            found.append(read_party(item, path))
        return found

    def enum(self, key: str, kind: type[enum.Enum], *, required: bool = True) -> Any:
        value = self.raw(key, required=required)
        if value is None:
            return None
        try:
            return kind(value)
        except ValueError:
            raise SchemaError.of(
                "invalid value {value}; expected one of {allowed}",
                path=self.at(key),
                value=repr(value),
                allowed=Listing((repr(member.value) for member in kind), alternatives=True),
            ) from None

    def expect(self, *keys: str) -> None:
        """Refuse keys other than *keys*, before any value is read."""
        unknown = sorted(set(self.data) - set(keys))
        if unknown:
            template = (
                message("unknown key {keys}; expected only {allowed}")
                if len(unknown) == 1
                else message("unknown keys {keys}; expected only {allowed}")
            )
            raise SchemaError.of(
                template,
                path=self.path or "document",
                keys=repr(unknown),
                allowed=repr(sorted(keys)),
            )


def read_text(value: object, path: str) -> Text | None:
    if value is None:
        return None
    if isinstance(value, str):
        return Text(value)
    reader = Reader(value, path)
    reader.expect("sv", "en")
    sv = reader.string("sv")
    en = reader.string("en", required=False)
    return Text(sv, en=en)


def read_party(code: str, path: str) -> Municipality:
    try:
        return municipality(code)
    except UnknownMunicipalityError as error:
        raise _moved(error, path) from None


def _moved(error: SodertornError, path: str) -> SchemaError:
    """*error*, of a value read at *path*, as a :class:`~sodertorn.SchemaError` there."""
    if error.template is not None and error.values is not None:
        return SchemaError.of(error.template, path=path, **error.values)
    return SchemaError(str(error), path=path)


def check_schema(reader: Reader, expected: str) -> None:
    found = reader.raw("schema")
    if found != expected:
        raise SchemaError.of(
            "unsupported schema {found}; expected {expected}",
            path=reader.at("schema"),
            found=repr(found),
            expected=repr(expected),
        )


def read_list(reader: Reader, key: str, read: Callable[[Reader], Any]) -> list[Any]:
    return [read(item) for item in reader.objects(key)]


def strings(reader: Reader, key: str) -> list[str]:
    found = []
    for path, item in reader.items(key):
        if not isinstance(item, str):
            raise SchemaError.of(
                "invalid value {value}; expected a string", path=path, value=repr(item)
            )
        found.append(item)
    return found
