"""Indicators and their values read from and written to JSON and CSV.

:class:`~sodertorn.programme.Indicators` is the value (:mod:`sodertorn.programme.indicators`);
this module reads and writes its documents, and is handed to its ``to_json``, ``to_csv``,
``from_json`` and ``from_csv`` by :mod:`sodertorn.programme`.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from sodertorn.errors import (
    FollowUpError,
    GoalTreeError,
    Listing,
    SodertornError,
    json_problem,
    message,
)
from sodertorn.programme._checks import json_indent
from sodertorn.programme.indicators import (
    CSV_COLUMNS,
    INDICATORS_SCHEMA,
    Direction,
    Indicator,
    IndicatorValue,
    Measure,
    exact_number,
)
from sodertorn.programme.model import Text

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sodertorn.programme.indicators import Indicators

__all__ = [
    "indicators_from_csv",
    "indicators_from_json",
    "indicators_to_csv",
    "indicators_to_json",
]


def indicators_to_json(indicators: Indicators, *, indent: int | None = 2) -> str:
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
            for i in indicators.indicators
        ],
        "values": [
            {
                "indicator": v.indicator,
                "year": v.year,
                "value": str(v.value),
                "source": v.source,
            }
            for v in indicators.values
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=indent) + "\n"


def indicators_to_csv(indicators: Indicators) -> str:
    """The indicators and values as one table, a row a value."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for indicator in indicators.indicators:
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
        values = [v for v in indicators.values if v.indicator == indicator.id]
        for value in values:
            writer.writerow([*fixed, value.year, str(value.value), value.source])
        if not values:
            writer.writerow([*fixed, "", "", ""])
    return buffer.getvalue()


def indicators_from_csv(
    cls: type[Indicators], text: str, *, source: str | None = None
) -> Indicators:
    """Read the table of :func:`indicators_to_csv`; errors name the line."""
    if not isinstance(text, str):
        raise FollowUpError.of(
            "invalid indicator file {value}; expected its text", source=source, value=repr(text)
        )
    text = text.removeprefix("\ufeff")
    header = text.split("\n", 1)[0]
    reader = csv.reader(
        io.StringIO(text), delimiter=";" if ";" in header and "," not in header else ","
    )
    rows = _csv_rows(reader, source)
    columns = [name.strip().casefold() for name in next(rows, [])]
    if columns != list(CSV_COLUMNS):
        raise FollowUpError.of(
            "invalid header; expected the columns {columns}",
            line=1,
            source=source,
            columns=Listing(repr(name) for name in CSV_COLUMNS),
        )
    indicators: dict[str, Indicator] = {}
    values: list[IndicatorValue] = []
    for row in rows:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        try:
            if len(row) != len(columns):
                template = (
                    message("{count} field; expected {expected}")
                    if len(row) == 1
                    else message("{count} fields; expected {expected}")
                )
                raise FollowUpError.of(
                    template,
                    count=str(len(row)),
                    expected=str(len(columns)),
                )
            cells = dict(zip(columns, (cell.strip() for cell in row), strict=True))
            indicator = _indicator_from_cells(cells)
            known = indicators.setdefault(indicator.id, indicator)
            if known != indicator:
                raise FollowUpError.of(
                    "indicator {id} differs from its earlier row; expected the same goal, "
                    "name, unit, source, direction, baseline and target",
                    id=repr(indicator.id),
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
            raise _moved(error, line=line, source=source) from None
    return cls(indicators=list(indicators.values()), values=values)


def indicators_from_json(
    cls: type[Indicators], text: str | bytes, *, source: str | None = None
) -> Indicators:
    """Read an indicators document; errors name the entry."""
    try:
        document = json.loads(text, parse_float=Decimal)
    except (json.JSONDecodeError, UnicodeDecodeError, TypeError) as error:
        raise FollowUpError.of(
            "not a JSON indicators document: {reason}",
            source=source,
            reason=json_problem(error),
        ) from None
    if not isinstance(document, dict) or document.get("schema") != INDICATORS_SCHEMA:
        raise FollowUpError.of(
            "not an indicators document; expected an object with schema {schema}",
            source=source,
            schema=repr(INDICATORS_SCHEMA),
        )
    unknown = sorted(set(document) - {"schema", "indicators", "values"})
    if unknown:
        raise _unknown_keys(unknown).at(source=source)
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
        raise error.at(source=source) from None


def _moved(
    error: SodertornError, *, line: int | None = None, source: str | None = None
) -> FollowUpError:
    """*error* (of a record) as a :class:`~sodertorn.FollowUpError` at *line* of *source*."""
    if isinstance(error, FollowUpError):
        return error.at(line=line, source=source)
    if error.template is not None and error.values is not None:
        return FollowUpError.of(error.template, line=line, source=source, **error.values)
    return FollowUpError(str(error), line=line, source=source)


def _unknown_keys(keys: list[str], allowed: list[str] | None = None) -> FollowUpError:
    if allowed is None:
        template = (
            message("unknown key {keys}") if len(keys) == 1 else message("unknown keys {keys}")
        )
        return FollowUpError.of(template, keys=repr(keys))
    template = (
        message("unknown key {keys}; expected only {allowed}")
        if len(keys) == 1
        else message("unknown keys {keys}; expected only {allowed}")
    )
    return FollowUpError.of(template, keys=repr(keys), allowed=repr(allowed))


def _invalid_direction(value: object) -> FollowUpError:
    return FollowUpError.of(
        "invalid direction {value}; expected 'increase' or 'decrease'", value=repr(value)
    )


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
            raise FollowUpError.of(
                "not a CSV indicator file: {reason}",
                line=reader.line_num,
                source=source,
                reason=str(error),
            ) from None
        yield row


def _whole(text: str, what: str) -> int:
    """The year in *text*, a cell of the column *what* (``year``, ``baseline_year`` ...)."""
    if not (text.isascii() and text.isdigit()):
        raise FollowUpError.of(
            "invalid {column} {value}; expected a year such as 2024", column=what, value=repr(text)
        )
    return int(text)


def _indicator_from_cells(cells: dict[str, str]) -> Indicator:
    def measure(year: str, value: str, what: str) -> Measure | None:
        if not (cells[year] or cells[value]):
            return None
        return Measure(year=_whole(cells[year], year), value=_decimal(cells[value]))

    try:
        direction = Direction(cells["direction"])
    except ValueError:
        raise _invalid_direction(cells["direction"]) from None
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
        raise FollowUpError.of(
            "invalid {key} {value}; expected a list", source=source, key=key, value=repr(items)
        )
    return items


def _at(where: str, source: str | None, read: Any, item: object) -> Any:
    try:
        if not isinstance(item, dict):
            raise FollowUpError.of("invalid entry {value}; expected an object", value=repr(item))
        return read(item)
    except FollowUpError as error:
        raise error.at(source=where if source is None else f"{source}: {where}") from None


def _v(item: dict[str, Any], key: str) -> Any:
    """The value of *key* in *item*, ``None`` if absent (checked by the constructors)."""
    return item.get(key)


def _keys(item: dict[str, Any], *allowed: str) -> None:
    unknown = sorted(set(item) - set(allowed))
    if unknown:
        raise _unknown_keys(unknown, sorted(allowed))


def _decimal(value: object) -> Decimal:
    if isinstance(value, str):
        try:
            return exact_number(Decimal(value.strip().replace(",", ".")))
        except InvalidOperation:
            raise FollowUpError.of(
                "invalid number {value}; expected digits such as '12.5'", value=repr(value)
            ) from None
    return exact_number(value)


def _measure(value: object) -> Measure | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise FollowUpError.of(
            "invalid measure {value}; expected an object with year and value", value=repr(value)
        )
    _keys(value, "year", "value")
    return Measure(year=_v(value, "year"), value=_decimal(_v(value, "value")))


def _name(value: object) -> Text:
    if isinstance(value, str):
        return Text(value)
    if isinstance(value, dict):
        _keys(value, "sv", "en")
        return Text(_v(value, "sv"), en=_v(value, "en"))
    raise FollowUpError.of(
        "invalid indicator name {value}; expected a string or {{sv, en}}", value=repr(value)
    )


def _read_indicator(item: dict[str, Any]) -> Indicator:
    _keys(item, "id", "goal", "name", "unit", "source", "direction", "baseline", "target")
    try:
        direction = Direction(_v(item, "direction"))
    except ValueError:
        raise _invalid_direction(_v(item, "direction")) from None
    try:
        name = _name(_v(item, "name"))
    except GoalTreeError as error:  # Text's own refusal of an empty text
        raise _moved(error) from None
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
