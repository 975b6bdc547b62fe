"""Indicators for the programme's goals, and the values recorded for them year by year.

SUP 2040 words its long-term goals so that indicators can measure how far they are met
when that is needed (SUP 2040, "Långsiktiga mål"). It names no indicator, and the
library ships none: an :class:`~sodertorn.programme.Indicator` (its name, unit, source, the direction that
counts as progress, and an optional baseline and target) and the :class:`~sodertorn.programme.IndicatorValue`
of each year come from whoever follows the programme up, in a JSON document read by
:meth:`~sodertorn.programme.Indicators.from_json`. The yearly report shows them beside their goal.

The figures below are an example, not data about Södertörn:

>>> from decimal import Decimal
>>> charging = Indicator(id="laddpunkter", goal="klimatomstallning",
...                      name=Text("Publika laddpunkter", en="Public charging points"),
...                      unit="st", source="Example source", direction=Direction.INCREASE,
...                      baseline=Measure(year=2022, value=Decimal(100)),
...                      target=Measure(year=2026, value=Decimal(200)))
>>> measured = Indicators(indicators=[charging], values=[
...     IndicatorValue(indicator="laddpunkter", year=2024, value=Decimal(150),
...                    source="Example source")])
>>> measured.value("laddpunkter", 2024).value, measured.value("laddpunkter", 2023)
(Decimal('150'), None)
>>> Indicators(indicators=[charging, charging])
Traceback (most recent call last):
...
sodertorn.FollowUpError: indicator id 'laddpunkter' is given twice; expected each once
"""

from __future__ import annotations

import csv
import enum
import io
import json
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

import attrs

from sodertorn.errors import FollowUpError, GoalTreeError
from sodertorn.programme._checks import json_indent
from sodertorn.programme.model import Text, check_id

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

__all__ = [
    "INDICATORS_SCHEMA",
    "Direction",
    "Indicator",
    "IndicatorValue",
    "Indicators",
    "Measure",
]

INDICATORS_SCHEMA = "sodertorn/indicators/1"
"""The ``schema`` value of an indicators JSON document."""

CSV_COLUMNS = (
    "id",
    "goal",
    "name",
    "name_en",
    "unit",
    "source",
    "direction",
    "baseline_year",
    "baseline",
    "target_year",
    "target",
    "year",
    "value",
    "value_source",
)
"""The columns of an indicator table (:meth:`Indicators.to_csv`)."""


class Direction(enum.Enum):
    """Which way an indicator moves when its goal comes closer."""

    __module__ = "sodertorn.programme"

    INCREASE = "increase"
    """Higher is better."""
    DECREASE = "decrease"
    """Lower is better."""


def _number(value: object) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        raise FollowUpError(
            f"invalid indicator value {value!r}; expected an int or a Decimal (not a float)"
        )
    number = Decimal(value)
    if not number.is_finite():
        raise FollowUpError(f"invalid indicator value {value!r}; expected a finite number")
    return number


def _year(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 9999:
        raise FollowUpError(f"invalid {attribute.name} {value!r}; expected a year such as 2024")


def _text(what: str) -> Any:
    def check(_: object, __: attrs.Attribute[Any], value: object) -> None:
        if not (isinstance(value, str) and value.strip()):
            raise FollowUpError(f"invalid {what} {value!r}; expected a non-empty string")

    return check


def _slug(what: str) -> Any:
    def check(_: object, __: attrs.Attribute[Any], value: object) -> None:
        check_id(value, what, error=FollowUpError)

    return check


def _optional(kind: type, what: str) -> Any:
    def check(_: object, __: attrs.Attribute[Any], value: object) -> None:
        if value is not None and not isinstance(value, kind):
            raise FollowUpError(f"invalid {what} {value!r}; expected a {kind.__name__} or None")

    return check


def _required(kind: type, what: str) -> Any:
    def check(_: object, __: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kind):
            raise FollowUpError(f"invalid {what} {value!r}; expected a {kind.__name__}")

    return check


@attrs.frozen(kw_only=True)
class Measure:
    """A value of an indicator for a year: a baseline or a target.

    >>> Measure(year=2022, value=12).value
    Decimal('12')
    >>> Measure(year=2022, value=1.5)
    Traceback (most recent call last):
    ...
    sodertorn.FollowUpError: invalid indicator value 1.5; expected an int or a Decimal (not a float)
    """

    __module__ = "sodertorn.programme"

    year: int = attrs.field(validator=_year)
    value: Decimal = attrs.field(converter=_number)


@attrs.frozen(kw_only=True)
class Indicator:
    """An indicator of one goal: what is measured, in what unit, from which source.

    *goal* is a goal id of the plan's tree; *direction* says whether a higher or a lower
    value brings the goal closer; *baseline* and *target* are optional.

    >>> Indicator(id="x", goal="tillganglighet", name=Text("Restid"), unit="min",
    ...           source="Example source", direction=Direction.DECREASE).baseline is None
    True
    >>> Indicator(id="x", goal="tillganglighet", name="Restid", unit="min",
    ...           source="Example source", direction=Direction.DECREASE)
    Traceback (most recent call last):
    ...
    sodertorn.FollowUpError: invalid indicator name 'Restid'; expected a Text
    """

    __module__ = "sodertorn.programme"

    id: str = attrs.field(validator=_slug("indicator id"))
    goal: str = attrs.field(validator=_slug("goal id"))
    name: Text = attrs.field(validator=_required(Text, "indicator name"))
    unit: str = attrs.field(validator=_text("unit"))
    source: str = attrs.field(validator=_text("indicator source"))
    direction: Direction = attrs.field(validator=_required(Direction, "direction"))
    baseline: Measure | None = attrs.field(default=None, validator=_optional(Measure, "baseline"))
    target: Measure | None = attrs.field(default=None, validator=_optional(Measure, "target"))


@attrs.frozen(kw_only=True)
class IndicatorValue:
    """The value of an indicator in one year, with the source it was taken from.

    >>> from decimal import Decimal
    >>> IndicatorValue(indicator="x", year=2024, value=Decimal("3.5"), source="Example").value
    Decimal('3.5')
    >>> IndicatorValue(indicator="x", year=2024, value=3, source=" ")
    Traceback (most recent call last):
    ...
    sodertorn.FollowUpError: invalid value source ' '; expected a non-empty string
    """

    __module__ = "sodertorn.programme"

    indicator: str = attrs.field(validator=_slug("indicator id"))
    year: int = attrs.field(validator=_year)
    value: Decimal = attrs.field(converter=_number)
    source: str = attrs.field(validator=_text("value source"))


def _sequence(value: Iterable[Any]) -> tuple[Any, ...]:
    if isinstance(value, (str, bytes)) or not hasattr(value, "__iter__"):
        raise FollowUpError(f"expected a sequence, got {value!r}")
    return tuple(value)


def _each(kind: type, what: str) -> Any:
    def check(_: object, __: attrs.Attribute[Any], values: tuple[Any, ...]) -> None:
        for value in values:
            if not isinstance(value, kind):
                raise FollowUpError(f"invalid {what} {value!r}; expected a {kind.__name__}")

    return check


@attrs.frozen(kw_only=True)
class Indicators:
    """A set of indicators and their recorded values.

    Validated when built: ids are unique, every value belongs to one of the indicators,
    and an indicator has at most one value a year. Whether each indicator's goal is a
    goal of the plan is checked by the report, which knows the plan.
    """

    __module__ = "sodertorn.programme"

    indicators: tuple[Indicator, ...] = attrs.field(
        default=(), converter=_sequence, validator=_each(Indicator, "indicator")
    )
    values: tuple[IndicatorValue, ...] = attrs.field(
        default=(), converter=_sequence, validator=_each(IndicatorValue, "indicator value")
    )

    def __attrs_post_init__(self) -> None:
        ids: set[str] = set()
        for indicator in self.indicators:
            if indicator.id in ids:
                raise FollowUpError(
                    f"indicator id {indicator.id!r} is given twice; expected each once"
                )
            ids.add(indicator.id)
        seen: set[tuple[str, int]] = set()
        for value in self.values:
            if value.indicator not in ids:
                raise FollowUpError(
                    f"a value for unknown indicator {value.indicator!r}; expected one of "
                    f"{sorted(ids)!r}"
                )
            if (value.indicator, value.year) in seen:
                raise FollowUpError(
                    f"two values of {value.indicator!r} for {value.year}; expected one a year"
                )
            seen.add((value.indicator, value.year))

    def of_goal(self, goal: str) -> tuple[Indicator, ...]:
        """The indicators of *goal*, in the order given."""
        if not isinstance(goal, str):
            raise FollowUpError(f"invalid goal id {goal!r}; expected a string such as 'klimat'")
        return tuple(indicator for indicator in self.indicators if indicator.goal == goal)

    def value(self, indicator: str, year: int) -> IndicatorValue | None:
        """The value of *indicator* in *year*, or ``None`` if none is recorded."""
        ids = [i.id for i in self.indicators]
        if not isinstance(indicator, str) or indicator not in ids:
            raise FollowUpError(f"unknown indicator {indicator!r}; expected one of {ids!r}")
        if isinstance(year, bool) or not isinstance(year, int):
            raise FollowUpError(f"invalid year {year!r}; expected a year such as 2024")
        for value in self.values:
            if value.indicator == indicator and value.year == year:
                return value
        return None

    def to_json(self, *, indent: int | None = 2) -> str:
        """The indicators and values as a JSON document (numbers written as strings)."""
        indent = json_indent(indent, FollowUpError)

        def measure(found: Measure | None) -> dict[str, Any] | None:
            return None if found is None else {"year": found.year, "value": str(found.value)}

        document = {
            "schema": INDICATORS_SCHEMA,
            "indicators": [
                {
                    "id": i.id,
                    "goal": i.goal,
                    "name": {"sv": i.name.sv, "en": i.name.en},
                    "unit": i.unit,
                    "source": i.source,
                    "direction": i.direction.value,
                    "baseline": measure(i.baseline),
                    "target": measure(i.target),
                }
                for i in self.indicators
            ],
            "values": [
                {
                    "indicator": v.indicator,
                    "year": v.year,
                    "value": str(v.value),
                    "source": v.source,
                }
                for v in self.values
            ],
        }
        return json.dumps(document, ensure_ascii=False, indent=indent) + "\n"

    def to_csv(self) -> str:
        """The indicators and values as one table, for a spreadsheet.

        A row a value, or one row for an indicator without values; the indicator's own
        columns are repeated on each of its rows.
        """
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        for indicator in self.indicators:
            fixed = [
                indicator.id,
                indicator.goal,
                indicator.name.sv,
                indicator.name.en or "",
                indicator.unit,
                indicator.source,
                indicator.direction.value,
                *_measure_cells(indicator.baseline),
                *_measure_cells(indicator.target),
            ]
            values = [v for v in self.values if v.indicator == indicator.id]
            for value in values:
                writer.writerow([*fixed, value.year, str(value.value), value.source])
            if not values:
                writer.writerow([*fixed, "", "", ""])
        return buffer.getvalue()

    @classmethod
    def from_csv(cls, text: str, *, source: str | None = None) -> Indicators:
        """Read the table of :meth:`to_csv`; errors name the line.

        The rows of one indicator must agree on its own columns. Numbers may use a decimal
        comma (``42,5``); the delimiter is a comma, or a semicolon as Swedish spreadsheets
        write it.
        """
        if not isinstance(text, str):
            raise FollowUpError(
                f"invalid indicator file {text!r}; expected its text", source=source
            )
        text = text.removeprefix("\ufeff")
        header = text.split("\n", 1)[0]
        reader = csv.reader(
            io.StringIO(text), delimiter=";" if ";" in header and "," not in header else ","
        )
        rows = _csv_rows(reader, source)
        columns = [name.strip().casefold() for name in next(rows, [])]
        if columns != list(CSV_COLUMNS):
            raise FollowUpError(
                f"invalid header {columns!r}; expected the columns {list(CSV_COLUMNS)!r}",
                line=1,
                source=source,
            )
        indicators: dict[str, Indicator] = {}
        values: list[IndicatorValue] = []
        for row in rows:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            try:
                if len(row) != len(columns):
                    raise FollowUpError(f"{len(row)} fields; expected {len(columns)}")
                cells = dict(zip(columns, (cell.strip() for cell in row), strict=True))
                indicator = _indicator_from_cells(cells)
                known = indicators.setdefault(indicator.id, indicator)
                if known != indicator:
                    raise FollowUpError(
                        f"indicator {indicator.id!r} differs from its earlier row; expected the "
                        f"same goal, name, unit, source, direction, baseline and target"
                    )
                if cells["year"] or cells["value"] or cells["value_source"]:
                    values.append(
                        IndicatorValue(
                            indicator=indicator.id,
                            year=_whole(cells["year"], "year"),
                            value=_decimal(cells["value"]),
                            source=cells["value_source"],
                        )
                    )
                cls(indicators=list(indicators.values()), values=values)
            except (FollowUpError, GoalTreeError) as error:
                raise FollowUpError(str(error), line=line, source=source) from None
        return cls(indicators=list(indicators.values()), values=values)

    @classmethod
    def from_json(cls, text: str | bytes, *, source: str | None = None) -> Indicators:
        """Read an indicators document (see :meth:`to_json`); errors name the entry.

        Numbers may be written as JSON numbers or as strings; they are read exactly.
        """
        try:
            document = json.loads(text, parse_float=Decimal)
        except (json.JSONDecodeError, UnicodeDecodeError, TypeError) as error:
            raise FollowUpError(f"not a JSON indicators document: {error}", source=source) from None
        if not isinstance(document, dict) or document.get("schema") != INDICATORS_SCHEMA:
            raise FollowUpError(
                f"not an indicators document; expected an object with schema {INDICATORS_SCHEMA!r}",
                source=source,
            )
        unknown = sorted(set(document) - {"schema", "indicators", "values"})
        if unknown:
            raise FollowUpError(f"unknown key(s) {unknown!r}", source=source)
        indicators = [
            _at(f"indicators[{n}]", source, _read_indicator, item)
            for n, item in enumerate(_list(document, "indicators", source))
        ]
        values = [
            _at(f"values[{n}]", source, _read_value, item)
            for n, item in enumerate(_list(document, "values", source))
        ]
        try:
            return cls(indicators=indicators, values=values)
        except FollowUpError as error:
            raise FollowUpError(str(error), source=source) from None


def _measure_cells(found: Measure | None) -> list[object]:
    return ["", ""] if found is None else [found.year, str(found.value)]


def _csv_rows(reader: Any, source: str | None) -> Iterator[list[str]]:
    """The rows of a :func:`csv.reader`, its own errors turned into ours."""
    while True:
        try:
            row: list[str] = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise FollowUpError(
                f"not a CSV indicator file: {error}", line=reader.line_num, source=source
            ) from None
        yield row


def _whole(text: str, what: str) -> int:
    if not (text.isascii() and text.isdigit()):
        raise FollowUpError(f"invalid {what} {text!r}; expected a year such as 2024")
    return int(text)


def _indicator_from_cells(cells: dict[str, str]) -> Indicator:
    def measure(year: str, value: str, what: str) -> Measure | None:
        if not (cells[year] or cells[value]):
            return None
        return Measure(year=_whole(cells[year], f"{what} year"), value=_decimal(cells[value]))

    try:
        direction = Direction(cells["direction"])
    except ValueError:
        raise FollowUpError(
            f"invalid direction {cells['direction']!r}; expected 'increase' or 'decrease'"
        ) from None
    return Indicator(
        id=cells["id"],
        goal=cells["goal"],
        name=Text(cells["name"], en=cells["name_en"] or None),
        unit=cells["unit"],
        source=cells["source"],
        direction=direction,
        baseline=measure("baseline_year", "baseline", "baseline"),
        target=measure("target_year", "target", "target"),
    )


def _list(document: dict[str, Any], key: str, source: str | None) -> list[Any]:
    items = document.get(key, [])
    if not isinstance(items, list):
        raise FollowUpError(f"invalid {key} {items!r}; expected a list", source=source)
    return items


def _at(where: str, source: str | None, read: Any, item: object) -> Any:
    try:
        if not isinstance(item, dict):
            raise FollowUpError(f"invalid entry {item!r}; expected an object")
        return read(item)
    except FollowUpError as error:
        raise FollowUpError(f"{where}: {error}", source=source) from None


def _v(item: dict[str, Any], key: str) -> Any:
    """The value of *key* in *item*, ``None`` if absent (checked by the constructors)."""
    return item.get(key)


def _keys(item: dict[str, Any], *allowed: str) -> None:
    unknown = sorted(set(item) - set(allowed))
    if unknown:
        raise FollowUpError(f"unknown key(s) {unknown!r}; expected only {sorted(allowed)!r}")


def _decimal(value: object) -> Decimal:
    if isinstance(value, str):
        try:
            return _number(Decimal(value.strip().replace(",", ".")))
        except InvalidOperation:
            raise FollowUpError(
                f"invalid number {value!r}; expected digits such as '12.5'"
            ) from None
    return _number(value)


def _measure(value: object) -> Measure | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise FollowUpError(f"invalid measure {value!r}; expected an object with year and value")
    _keys(value, "year", "value")
    return Measure(year=_v(value, "year"), value=_decimal(_v(value, "value")))


def _name(value: object) -> Text:
    if isinstance(value, str):
        return Text(value)
    if isinstance(value, dict):
        _keys(value, "sv", "en")
        return Text(_v(value, "sv"), en=_v(value, "en"))
    raise FollowUpError(f"invalid indicator name {value!r}; expected a string or {{sv, en}}")


def _read_indicator(item: dict[str, Any]) -> Indicator:
    _keys(item, "id", "goal", "name", "unit", "source", "direction", "baseline", "target")
    try:
        direction = Direction(_v(item, "direction"))
    except ValueError:
        raise FollowUpError(
            f"invalid direction {_v(item, 'direction')!r}; expected 'increase' or 'decrease'"
        ) from None
    try:
        name = _name(_v(item, "name"))
    except GoalTreeError as error:  # Text's own refusal of an empty text
        raise FollowUpError(str(error)) from None
    return Indicator(
        id=_v(item, "id"),
        goal=_v(item, "goal"),
        name=name,
        unit=_v(item, "unit"),
        source=_v(item, "source"),
        direction=direction,
        baseline=_measure(_v(item, "baseline")),
        target=_measure(_v(item, "target")),
    )


def _read_value(item: dict[str, Any]) -> IndicatorValue:
    _keys(item, "indicator", "year", "value", "source")
    return IndicatorValue(
        indicator=_v(item, "indicator"),
        year=_v(item, "year"),
        value=_decimal(_v(item, "value")),
        source=_v(item, "source"),
    )
