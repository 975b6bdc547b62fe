"""SCB's API responses: JSON-stat2 (API v1 and PxWebApi 2.0) and API v1 ``"format": "json"``.

Both are checked before anything is allocated: the product of a JSON-stat dataset's
sizes must match its values, and only the cells of the parties are looked up, never a
dense copy of the cube. Every dimension other than region, year and the measure must
hold a total (``tot``, ``TotSa``, the variable's elimination value); the measure must be
the population (``BE0101N1``); periods must be years.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from sodertorn.errors import Listing, Phrase, PopulationDataError, json_problem, message
from sodertorn.parties import MUNICIPALITIES, Municipality
from sodertorn.population._cells import (
    Loaded,
    Region,
    count_from_number,
    fold,
    is_population_measure,
    is_total,
    known_parties,
    missing_parties,
    parse_region,
    parse_year,
    party_of,
    shown,
    some_of,
)
from sodertorn.population._reading import decode
from sodertorn.population.provenance import PopulationSource

__all__ = ["MAX_CELLS", "load_json", "parse_jsonstat", "parse_scb_json"]

MAX_CELLS = 10**12
"""The largest cube whose sizes are accepted (sparse values are looked up, not expanded)."""

_MAX_DIMENSIONS = 32


def load_json(text: str | bytes, source: str) -> Any:
    """Parsed JSON; invalid or too deeply nested JSON is refused."""
    decoded = decode(text, source)
    try:
        return json.loads(decoded)
    except RecursionError:
        raise PopulationDataError.of("the JSON is nested too deeply", source=source) from None
    except ValueError as error:
        raise PopulationDataError.of(
            "not valid JSON: {reason}", source=source, reason=json_problem(error)
        ) from None


def _shown(code: str, label: str) -> str:
    if code == "00" and not label:
        label = "Riket"
    if not label or label == code or label.startswith(f"{code} "):
        return label or code
    return f"{code} {label}"


def _categories(
    dimension: object, name: str, source: str
) -> tuple[list[str], dict[str, str], Mapping[str, Any]]:
    """The category codes in index order, their labels, and the dimension's extension."""
    category = dimension.get("category") if isinstance(dimension, Mapping) else None
    index = category.get("index") if isinstance(category, Mapping) else None
    if index is None:
        raise PopulationDataError.of(
            "dimension {name} has no category index", source=source, name=repr(name)
        )
    if isinstance(index, list) and all(isinstance(i, str) for i in index):
        codes = list(index)
    elif isinstance(index, Mapping) and all(
        isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool)
        for k, v in index.items()
    ):
        ordered = sorted(index.items(), key=lambda item: item[1])
        if [v for _, v in ordered] != list(range(len(ordered))):
            raise PopulationDataError.of(
                "dimension {name} has a category index that is not 0..n-1",
                source=source,
                name=repr(name),
            )
        codes = [k for k, _ in ordered]
    else:
        raise PopulationDataError.of(
            "dimension {name} has a malformed category index {index}",
            source=source,
            name=repr(name),
            index=shown(index, 80),
        )
    assert isinstance(dimension, Mapping)  # it has a category index
    assert isinstance(category, Mapping)
    raw_labels = category.get("label")
    labels = (
        {k: v for k, v in raw_labels.items() if isinstance(k, str) and isinstance(v, str)}
        if isinstance(raw_labels, Mapping)
        else {}
    )
    extension = dimension.get("extension")
    return codes, labels, extension if isinstance(extension, Mapping) else {}


def _dataset(
    data: Mapping[str, Any], source: str
) -> tuple[list[str], list[int], Mapping[str, Any], Mapping[str, Any], Any]:
    """ids, sizes, dimensions, roles and values, from JSON-stat 2 or 1 (``{"dataset": ...}``)."""
    if "id" not in data and isinstance(data.get("dataset"), Mapping):
        data = data["dataset"]
        dimensions = data.get("dimension")
        if not isinstance(dimensions, Mapping):
            dimensions = {}
        ids, sizes, role = dimensions.get("id"), dimensions.get("size"), dimensions.get("role")
    else:
        dimensions = data.get("dimension")
        ids, sizes, role = data.get("id"), data.get("size"), data.get("role")
    if not (
        isinstance(ids, list)
        and isinstance(sizes, list)
        and isinstance(dimensions, Mapping)
        and len(ids) == len(sizes) <= _MAX_DIMENSIONS
        and all(isinstance(i, str) and i in dimensions for i in ids)
        and all(isinstance(s, int) and not isinstance(s, bool) and s >= 0 for s in sizes)
        and len(set(ids)) == len(ids)
    ):
        raise PopulationDataError.of(
            "not a JSON-stat2 dataset: expected 'id', 'size' and 'dimension' that agree",
            source=source,
        )
    return ids, sizes, dimensions, role if isinstance(role, Mapping) else {}, data.get("value")


def parse_jsonstat(
    data: str | bytes | Mapping[str, Any],
    *,
    source: str = "<json-stat2>",
    parties: Iterable[Municipality] = MUNICIPALITIES,
    skip_unknown: bool = True,
    origin: PopulationSource | None = None,
) -> Loaded:
    """Read a JSON-stat dataset from SCB's API (see :meth:`sodertorn.Population.parse_jsonstat`)."""
    known = known_parties(parties, source)
    if isinstance(data, (str, bytes)):
        data = load_json(data, source)
    if not isinstance(data, Mapping):
        raise PopulationDataError.of(
            "expected a JSON-stat2 dataset object, got {kind}",
            source=source,
            kind=type(data).__name__,
        )
    ids, sizes, dimensions, role, values = _dataset(data, source)

    def find(role_name: str, fallbacks: tuple[str, ...]) -> str:
        named = role.get(role_name)
        if isinstance(named, list) and len(named) == 1 and named[0] in ids:
            return str(named[0])
        for candidate in ids:
            if fold(candidate) in (fold(f) for f in fallbacks):
                return candidate
        raise PopulationDataError.of(
            "no {role} dimension (role {quoted} or id {id}) among {ids}",
            source=source,
            role=role_name,
            quoted=repr(role_name),
            id=repr(fallbacks[0]),
            ids=repr(ids),
        )

    region_id = find("geo", ("Region",))
    time_id = find("time", ("Tid", "år", "year", "time"))
    if region_id == time_id:
        raise PopulationDataError.of(
            "dimension {name} cannot be both region and time", source=source, name=repr(region_id)
        )
    metric = role.get("metric")
    metrics = [m for m in metric if m in ids] if isinstance(metric, list) else []
    cells = 1
    for size in sizes:
        cells *= size
        if cells > MAX_CELLS:
            raise PopulationDataError.of(
                "the sizes {sizes} claim more than {cells} cells; not a table of population by "
                "region and year",
                source=source,
                sizes=str(sizes),
                cells=str(MAX_CELLS),
            )
    chosen: dict[str, int] = {}
    categories: dict[str, tuple[list[str], dict[str, str]]] = {}
    extensions: dict[str, Mapping[str, Any]] = {}
    for name, size in zip(ids, sizes, strict=False):
        codes, labels, extension = _categories(dimensions[name], name, source)
        if len(codes) != size:
            template = (
                message("dimension {name} has {count} category but size {size}")
                if len(codes) == 1
                else message("dimension {name} has {count} categories but size {size}")
            )
            raise PopulationDataError.of(
                template,
                source=source,
                name=repr(name),
                count=str(len(codes)),
                size=str(size),
            )
        categories[name] = (codes, labels)
        extensions[name] = extension
    expected = (
        message("expected {cells} value (the product of 'size'), got {got}")
        if cells == 1
        else message("expected {cells} values (the product of 'size'), got {got}")
    )
    if isinstance(values, list):
        if len(values) != cells:
            raise PopulationDataError.of(
                expected, source=source, cells=str(cells), got=str(len(values))
            )
    elif not isinstance(values, Mapping):
        raise PopulationDataError.of(
            expected, source=source, cells=str(cells), got=shown(values, 40)
        )
    else:
        for key in values:
            if not (
                isinstance(key, str)
                and key.isascii()
                and key.isdigit()
                and len(key) <= 13
                and key == str(int(key))  # "007" would never be read: the cells are "7" ...
                and int(key) < cells
            ):
                raise PopulationDataError.of(
                    "value index {key} out of range", source=source, key=shown(key, 20)
                )
    for name in ids:
        if name not in (region_id, time_id):
            codes, labels = categories[name]
            chosen[name] = _choose(
                name,
                codes=codes,
                labels=labels,
                extension=extensions[name],
                dimension=dimensions[name],
                metrics=metrics,
                source=source,
            )
    strides = [1] * len(sizes)
    for axis in range(len(sizes) - 2, -1, -1):
        strides[axis] = strides[axis + 1] * sizes[axis + 1]
    fixed = sum(chosen[name] * strides[ids.index(name)] for name in chosen)
    region_stride, time_stride = strides[ids.index(region_id)], strides[ids.index(time_id)]
    region_codes, region_labels = categories[region_id]
    time_codes, _ = categories[time_id]
    years = [parse_year(code, where=str(time_id), line=None, source=source) for code in time_codes]
    counts: dict[tuple[Municipality, int], int] = {}
    others: list[str] = []
    for r, code in enumerate(region_codes):
        label = region_labels.get(code, "")
        region = parse_region(code)
        name = parse_region(label).name if parse_region(label).code == code else label
        region = Region(region.code or code, name or region.name)
        party = party_of(region, known, where=Phrase(message("region")), line=None, source=source)
        if party is None:
            if not skip_unknown and len(code) == 4 and code.isdigit():
                raise PopulationDataError.of(
                    "unknown municipality code {code}; expected one of {codes}",
                    source=source,
                    code=repr(code),
                    codes=Listing((m.code for m in known), alternatives=True),
                )
            others.append(_shown(code, label))
            continue
        for t, year in enumerate(years):
            at = fixed + r * region_stride + t * time_stride
            value = values[at] if isinstance(values, list) else values.get(str(at))
            if (party, year) in counts:
                raise PopulationDataError.of(
                    "{party} {year} is given twice (regions {code} and another)",
                    source=source,
                    party=party.name,
                    year=str(year),
                    code=repr(code),
                )
            if isinstance(value, str):
                raise PopulationDataError.of(
                    "count {value} for {party} {year} is not a whole number of inhabitants "
                    "(JSON-stat values are numbers)",
                    source=source,
                    value=shown(value, 20),
                    party=party.name,
                    year=str(year),
                )
            counts[(party, year)] = count_from_number(
                value, where=f"{party.name} {year}", source=source
            )
    if not counts:
        raise missing_parties(known, others, what="dataset", source=source)
    updated = data.get("updated")
    return Loaded(
        counts,
        source,
        dict.fromkeys(
            counts,
            origin
            or PopulationSource(
                kind="given", note=source, updated=updated if isinstance(updated, str) else ""
            ),
        ),
    )


def _choose(
    name: str,
    *,
    codes: list[str],
    labels: dict[str, str],
    extension: Mapping[str, Any],
    dimension: Mapping[str, Any],
    metrics: list[str],
    source: str,
) -> int:
    """The index of the category to read in a dimension other than region and year."""
    label_of = dimension.get("label")
    shown = f"{name!r}" + (f" ({label_of})" if isinstance(label_of, str) else "")
    found = some_of([_shown(c, labels.get(c, "")) for c in codes])
    if name in metrics or fold(name) in ("contentscode", "tabellinnehall"):
        picks = [i for i, c in enumerate(codes) if is_population_measure(c, labels.get(c, ""))]
        if len(picks) == 1:
            return picks[0]
        raise PopulationDataError.of(
            "measure {shown} is {found}, not the population (Folkmängd, BE0101N1); choose the "
            "contents 'Folkmängd'",
            source=source,
            shown=shown,
            found=found,
        )
    elimination = extension.get("eliminationValueCode")
    picks = [i for i, c in enumerate(codes) if c == elimination or is_total(c, labels.get(c, ""))]
    if len(picks) == 1:
        return picks[0]
    if not codes:
        raise PopulationDataError.of(
            "dimension {shown} has no categories", source=source, shown=shown
        )
    template = (
        message(
            "dimension {shown} has {found} and no total; the fee needs the whole population: "
            "leave {name} out of the query (it is then eliminated) or select its total"
        )
        if not picks
        else message(
            "dimension {shown} has {found}, more than one total; the fee needs the whole "
            "population: leave {name} out of the query (it is then eliminated) or select its "
            "total"
        )
    )
    raise PopulationDataError.of(template, source=source, shown=shown, found=found, name=repr(name))


def parse_scb_json(
    data: str | bytes | Mapping[str, Any],
    *,
    source: str = "<scb json>",
    parties: Iterable[Municipality] = MUNICIPALITIES,
    origin: PopulationSource | None = None,
) -> Loaded:
    """Read SCB's API v1 ``json`` response (see :meth:`sodertorn.Population.parse_scb_json`)."""
    known = known_parties(parties, source)
    if isinstance(data, (str, bytes)):
        data = load_json(data, source)
    columns = data.get("columns") if isinstance(data, Mapping) else None
    rows = data.get("data") if isinstance(data, Mapping) else None
    if not (
        isinstance(columns, list)
        and isinstance(rows, list)
        and all(
            isinstance(c, Mapping)
            and isinstance(c.get("code"), str)
            and c.get("type") in ("d", "t", "c")
            for c in columns
        )
    ):
        raise PopulationDataError.of(
            "not an SCB API json response: expected 'columns' (each with code and type) and 'data'",
            source=source,
        )
    keys = [c for c in columns if c["type"] in ("d", "t")]
    measures = [c for c in columns if c["type"] == "c"]
    region_at = next(
        (
            i
            for i, c in enumerate(keys)
            if fold(c["code"]) == "region" or fold(str(c.get("text", ""))) == "region"
        ),
        None,
    )
    times = [i for i, c in enumerate(keys) if c["type"] == "t"]
    if region_at is None or len(times) != 1:
        raise PopulationDataError.of(
            "the response needs one region column (code 'Region') and one time column (type "
            "'t'); it has {found}",
            source=source,
            found=Listing(str(c["code"]) for c in keys) if keys else Phrase(message("none")),
        )
    time_at = times[0]
    population = [
        i
        for i, c in enumerate(measures)
        if is_population_measure(c["code"], str(c.get("text", "")))
    ]
    if len(population) != 1:
        raise PopulationDataError.of(
            "the measure is {found}, not the population (Folkmängd, BE0101N1)",
            source=source,
            found=Listing(f"{c['code']} ({c.get('text', '')})" for c in measures)
            if measures
            else Phrase(message("none")),
        )
    value_at = population[0]
    others = [i for i in range(len(keys)) if i not in (region_at, time_at)]
    seen: dict[int, dict[str, None]] = {i: {} for i in others}
    for row in rows:
        key = row.get("key") if isinstance(row, Mapping) else None
        values = row.get("values") if isinstance(row, Mapping) else None
        if not (
            isinstance(key, list)
            and isinstance(values, list)
            and len(key) == len(keys)
            and len(values) == len(measures)
            and all(isinstance(k, str) for k in key)
        ):
            raise PopulationDataError.of(
                "row {row} does not match the columns {columns}",
                source=source,
                row=shown(row, 80),
                columns=Listing(str(c["code"]) for c in columns),
            )
        for i in others:
            seen[i].setdefault(key[i], None)
    for i in others:
        totals = [c for c in seen[i] if is_total(c)]
        if seen[i] and len(totals) != 1:
            template = (
                message(
                    "column {name} has {found} and no total; the fee needs the whole "
                    "population: select the total of {name}"
                )
                if not totals
                else message(
                    "column {name} has {found} and more than one total; the fee needs the "
                    "whole population: select the total of {name}"
                )
            )
            raise PopulationDataError.of(
                template,
                source=source,
                name=repr(keys[i]["code"]),
                found=some_of(list(seen[i])),
            )
    counts: dict[tuple[Municipality, int], int] = {}
    found_regions: list[str] = []
    for row in rows:
        key, values = row["key"], row["values"]
        if not all(is_total(key[i]) for i in others):
            continue
        region = parse_region(key[region_at])
        party = party_of(region, known, where=Phrase(message("region")), line=None, source=source)
        if party is None:
            found_regions.append(_shown(key[region_at], ""))
            continue
        year = parse_year(key[time_at], where=Phrase(message("period")), line=None, source=source)
        if (party, year) in counts:
            raise PopulationDataError.of(
                "{party} {year} is given twice", source=source, party=party.name, year=str(year)
            )
        counts[(party, year)] = count_from_number(
            values[value_at], where=f"{party.name} {year}", source=source
        )
    if not counts:
        raise missing_parties(known, found_regions, what="response", source=source)
    return Loaded.made(counts, source, origin or PopulationSource.given(source))
