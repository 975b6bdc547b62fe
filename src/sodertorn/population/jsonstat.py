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

from sodertorn.errors import PopulationDataError
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
        raise PopulationDataError("the JSON is nested too deeply", source=source) from None
    except ValueError as error:
        raise PopulationDataError(f"not valid JSON: {error}", source=source) from None


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
        raise PopulationDataError(f"dimension {name!r} has no category index", source=source)
    if isinstance(index, list) and all(isinstance(i, str) for i in index):
        codes = list(index)
    elif isinstance(index, Mapping) and all(
        isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool)
        for k, v in index.items()
    ):
        ordered = sorted(index.items(), key=lambda item: item[1])
        if [v for _, v in ordered] != list(range(len(ordered))):
            raise PopulationDataError(
                f"dimension {name!r} has a category index that is not 0..n-1", source=source
            )
        codes = [k for k, _ in ordered]
    else:
        raise PopulationDataError(
            f"dimension {name!r} has a malformed category index {str(index)[:80]}", source=source
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
        raise PopulationDataError(
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
        raise PopulationDataError(
            f"expected a JSON-stat2 dataset object, got {type(data).__name__}", source=source
        )
    ids, sizes, dimensions, role, values = _dataset(data, source)

    def find(role_name: str, fallbacks: tuple[str, ...]) -> str:
        named = role.get(role_name)
        if isinstance(named, list) and len(named) == 1 and named[0] in ids:
            return str(named[0])
        for candidate in ids:
            if fold(candidate) in (fold(f) for f in fallbacks):
                return candidate
        raise PopulationDataError(
            f"no {role_name} dimension (role {role_name!r} or id {fallbacks[0]!r}) among {ids!r}",
            source=source,
        )

    region_id = find("geo", ("Region",))
    time_id = find("time", ("Tid", "år", "year", "time"))
    if region_id == time_id:
        raise PopulationDataError(
            f"dimension {region_id!r} cannot be both region and time", source=source
        )
    metric = role.get("metric")
    metrics = [m for m in metric if m in ids] if isinstance(metric, list) else []
    cells = 1
    for size in sizes:
        cells *= size
        if cells > MAX_CELLS:
            raise PopulationDataError(
                f"the sizes {sizes} claim more than {MAX_CELLS} cells; not a table of "
                "population by region and year",
                source=source,
            )
    chosen: dict[str, int] = {}
    categories: dict[str, tuple[list[str], dict[str, str]]] = {}
    extensions: dict[str, Mapping[str, Any]] = {}
    for name, size in zip(ids, sizes, strict=False):
        codes, labels, extension = _categories(dimensions[name], name, source)
        if len(codes) != size:
            raise PopulationDataError(
                f"dimension {name!r} has {len(codes)} categories but size {size}", source=source
            )
        categories[name] = (codes, labels)
        extensions[name] = extension
    if isinstance(values, list):
        if len(values) != cells:
            raise PopulationDataError(
                f"expected {cells} values (the product of 'size'), got {len(values)}",
                source=source,
            )
    elif not isinstance(values, Mapping):
        raise PopulationDataError(
            f"expected {cells} values (the product of 'size'), got {repr(values)[:40]}",
            source=source,
        )
    else:
        for key in values:
            if not (
                isinstance(key, str)
                and key.isascii()
                and key.isdigit()
                and len(key) <= 13
                and int(key) < cells
            ):
                raise PopulationDataError(
                    f"value index {repr(key)[:20]} out of range", source=source
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
    years = [
        parse_year(code, where=f"{time_id} category", line=None, source=source)
        for code in time_codes
    ]
    counts: dict[tuple[Municipality, int], int] = {}
    others: list[str] = []
    for r, code in enumerate(region_codes):
        label = region_labels.get(code, "")
        region = parse_region(code)
        name = parse_region(label).name if parse_region(label).code == code else label
        region = Region(region.code or code, name or region.name)
        party = party_of(region, known, where="region", line=None, source=source)
        if party is None:
            if not skip_unknown and len(code) == 4 and code.isdigit():
                raise PopulationDataError(
                    f"unknown municipality code {code!r}; expected one of "
                    + ", ".join(m.code for m in known),
                    source=source,
                )
            others.append(_shown(code, label))
            continue
        for t, year in enumerate(years):
            at = fixed + r * region_stride + t * time_stride
            value = values[at] if isinstance(values, list) else values.get(str(at))
            if (party, year) in counts:
                raise PopulationDataError(
                    f"{party.name} {year} is given twice (regions {code!r} and another)",
                    source=source,
                )
            if isinstance(value, str):
                raise PopulationDataError(
                    f"count {value[:20]!r} for {party.name} {year} is not a whole number of "
                    "inhabitants (JSON-stat values are numbers)",
                    source=source,
                )
            counts[(party, year)] = count_from_number(
                value, where=f"{party.name} {year}", source=source
            )
    if not counts:
        raise PopulationDataError(missing_parties(known, others, what="the dataset"), source=source)
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
    found = ", ".join(_shown(c, labels.get(c, "")) for c in codes[:6]) + (
        f" and {len(codes) - 6} more" if len(codes) > 6 else ""
    )
    if name in metrics or fold(name) in ("contentscode", "tabellinnehall"):
        picks = [i for i, c in enumerate(codes) if is_population_measure(c, labels.get(c, ""))]
        if len(picks) == 1:
            return picks[0]
        raise PopulationDataError(
            f"measure {shown} is {found}, not the population (Folkmängd, BE0101N1); "
            "choose the contents 'Folkmängd'",
            source=source,
        )
    elimination = extension.get("eliminationValueCode")
    picks = [i for i, c in enumerate(codes) if c == elimination or is_total(c, labels.get(c, ""))]
    if len(picks) == 1:
        return picks[0]
    if not codes:
        raise PopulationDataError(f"dimension {shown} has no categories", source=source)
    raise PopulationDataError(
        f"dimension {shown} has {found}"
        + (" and no total" if not picks else ", more than one total")
        + f"; the fee needs the whole population: leave {name!r} out of the query (it is then "
        "eliminated) or select its total",
        source=source,
    )


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
        raise PopulationDataError(
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
        raise PopulationDataError(
            "the response needs one region column (code 'Region') and one time column (type "
            f"'t'); it has {', '.join(c['code'] for c in keys) or 'none'}",
            source=source,
        )
    time_at = times[0]
    population = [
        i
        for i, c in enumerate(measures)
        if is_population_measure(c["code"], str(c.get("text", "")))
    ]
    if len(population) != 1:
        found = ", ".join(f"{c['code']} ({c.get('text', '')})" for c in measures) or "none"
        raise PopulationDataError(
            f"the measure is {found}, not the population (Folkmängd, BE0101N1)", source=source
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
            raise PopulationDataError(
                f"row {str(row)[:80]} does not match the columns "
                f"{', '.join(c['code'] for c in columns)}",
                source=source,
            )
        for i in others:
            seen[i].setdefault(key[i], None)
    for i in others:
        totals = [c for c in seen[i] if is_total(c)]
        if seen[i] and len(totals) != 1:
            found = ", ".join(list(seen[i])[:6])
            raise PopulationDataError(
                f"column {keys[i]['code']!r} has {found} and "
                + ("no total" if not totals else "more than one total")
                + f"; the fee needs the whole population: select the total of {keys[i]['code']!r}",
                source=source,
            )
    counts: dict[tuple[Municipality, int], int] = {}
    found_regions: list[str] = []
    for row in rows:
        key, values = row["key"], row["values"]
        if not all(is_total(key[i]) for i in others):
            continue
        region = parse_region(key[region_at])
        party = party_of(region, known, where="region", line=None, source=source)
        if party is None:
            found_regions.append(_shown(key[region_at], ""))
            continue
        year = parse_year(key[time_at], where="period", line=None, source=source)
        if (party, year) in counts:
            raise PopulationDataError(f"{party.name} {year} is given twice", source=source)
        counts[(party, year)] = count_from_number(
            values[value_at], where=f"{party.name} {year}", source=source
        )
    if not counts:
        raise PopulationDataError(
            missing_parties(known, found_regions, what="the response"), source=source
        )
    return Loaded.made(counts, source, origin or PopulationSource.given(source))
