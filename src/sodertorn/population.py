"""The population register: inhabitants per municipality on 31 December of each year.

Population is the key of every split in the agreement (§§ 7, 8, 10). A
:class:`Population` is immutable and validated when it is made; its loaders read the
library's own CSV, and what Statistics Sweden (SCB) gives for "population by region and
year": the CSV export of its statistical database and the JSON-stat2 of its API. The
library does no network I/O: bring the file.

The built-in data set is SCB's year-end count for 2008–2024 (CC0, "Källa: SCB"):

>>> from sodertorn import Population, municipality
>>> population = Population.builtin()
>>> population.total(2023)
520824
>>> population.count(municipality("Nykvarn"), 2009)
9227
>>> population.at(1999)
Traceback (most recent call last):
...
sodertorn.MissingDataError: no population for 31 Dec 1999; the data has 2008-2024
"""

from __future__ import annotations

import csv
import datetime
import functools
import json
import os
import re
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any

import attrs

from sodertorn.errors import MissingDataError, PopulationDataError, UnknownMunicipalityError
from sodertorn.parties import MUNICIPALITIES, Municipality, municipality

__all__ = ["BUILTIN_SOURCE", "Population", "reference_date"]

BUILTIN_SOURCE = (
    "Statistics Sweden (SCB), population on 31 December 2008-2024; licence CC0 1.0 (Källa: SCB)"
)
"""Provenance of :meth:`Population.builtin`."""

_YEAR = re.compile(r"^\d{4}$")
_REGION = re.compile(r"^(\d{4})\b\s*(.*)$")


def reference_date(year: int) -> datetime.date:
    """The day a year's count refers to: 31 December of *year*.

    >>> reference_date(2023)
    datetime.date(2023, 12, 31)
    """
    if isinstance(year, bool) or not isinstance(year, int) or not 1 <= year <= 9999:
        raise PopulationDataError(f"year {year!r} is not a calendar year; expected such as 2023")
    return datetime.date(year, 12, 31)


def _freeze(
    counts: Mapping[tuple[Municipality, int], int],
) -> Mapping[tuple[Municipality, int], int]:
    if not isinstance(counts, Mapping):
        raise PopulationDataError(
            f"expected a mapping of (Municipality, year) to a count, got {counts!r}"
        )
    checked: dict[tuple[Municipality, int], int] = {}
    for key, count in counts.items():
        if not (
            isinstance(key, tuple)
            and len(key) == 2
            and isinstance(key[0], Municipality)
            and isinstance(key[1], int)
            and not isinstance(key[1], bool)
        ):
            raise PopulationDataError(f"expected a key (Municipality, year), got {key!r}")
        _check_count(count, key)
        checked[key] = count
    return MappingProxyType(dict(sorted(checked.items())))


def _check_count(count: object, where: object, *, line: int | None = None) -> None:
    if isinstance(count, bool) or not isinstance(count, int):
        raise PopulationDataError(
            f"count {count!r} for {where!r} is not a whole number of inhabitants", line=line
        )
    if count < 0:
        raise PopulationDataError(
            f"count {count!r} for {where!r} is negative; expected 0 or more", line=line
        )


def _parse_count(text: str, where: object, line: int | None, source: str | None) -> int:
    cleaned = text.strip().replace("\xa0", "").replace(" ", "")
    if not re.fullmatch(r"-?\d+", cleaned):
        raise PopulationDataError(
            f"count {text!r} for {where} is not a whole number of inhabitants",
            line=line,
            source=source,
        )
    value = int(cleaned)
    if value < 0:
        raise PopulationDataError(
            f"count {text!r} for {where} is negative; expected 0 or more",
            line=line,
            source=source,
        )
    return value


def _parse_year(text: str, line: int | None, source: str | None) -> int:
    cleaned = text.strip()
    if not _YEAR.fullmatch(cleaned):
        raise PopulationDataError(
            f"year {text!r} is not a four-digit year", line=line, source=source
        )
    return int(cleaned)


def _span(years: Iterable[int]) -> str:
    ordered = sorted(set(years))
    if not ordered:
        return "no years"
    if ordered == list(range(ordered[0], ordered[-1] + 1)):
        return f"{ordered[0]}-{ordered[-1]}" if len(ordered) > 1 else str(ordered[0])
    return ", ".join(map(str, ordered))


def _decode(data: bytes) -> str:
    """UTF-8 (with or without BOM) if it decodes, else Latin-1 (Windows-1252)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _known(parties: Iterable[Municipality], source: str | None) -> tuple[Municipality, ...]:
    try:
        known = tuple(parties)
    except TypeError:
        known = ()
    if not known or not all(isinstance(p, Municipality) for p in known):
        raise PopulationDataError(
            f"parties {parties!r} must be one or more Municipality", source=source
        )
    return known


def _text(text: object, source: str | None) -> str:
    if isinstance(text, bytes):
        return _decode(text)
    if not isinstance(text, str):
        raise PopulationDataError(
            f"expected the file's text as str or bytes, got {type(text).__name__}", source=source
        )
    return text


def _read(path: str | os.PathLike[str]) -> tuple[str, str]:
    if not isinstance(path, (str, os.PathLike)):
        raise PopulationDataError(f"expected a path to a population file, got {path!r}")
    try:
        with open(path, "rb") as handle:
            return _decode(handle.read()), os.fspath(path)
    except OSError as error:
        raise PopulationDataError(
            f"cannot read population file {os.fspath(path)!r}: {error.strerror}"
        ) from None


@attrs.frozen
class Population:
    """Inhabitants per municipality on 31 December of each year; immutable.

    Build one from a mapping ``{(municipality, year): count}``, or with a loader
    (:meth:`builtin`, :meth:`parse_csv`, :meth:`parse_scb_csv`, :meth:`parse_jsonstat`,
    :meth:`load`). Counts must be whole and non-negative.

    >>> from sodertorn import MUNICIPALITIES
    >>> huddinge = MUNICIPALITIES[0]
    >>> Population({(huddinge, 2023): 113_373}).at(2023)
    {Municipality(code='0126', name='Huddinge'): 113373}
    >>> Population({(huddinge, 2023): -1})
    Traceback (most recent call last):
    ...
    sodertorn.PopulationDataError: count -1 for (Municipality(code='0126', name='Huddinge'), 2023) is negative; expected 0 or more
    """

    __module__ = "sodertorn"

    counts: Mapping[tuple[Municipality, int], int] = attrs.field(
        converter=_freeze, eq=False, repr=False
    )
    source: str = attrs.field(default="", kw_only=True)
    # Derived once: every lookup searches the parties, so they must not be rebuilt per call.
    _years: tuple[int, ...] = attrs.field(init=False, eq=False, repr=False)
    _parties: tuple[Municipality, ...] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_years", tuple(sorted({year for _, year in self.counts})))
        object.__setattr__(self, "_parties", tuple(sorted({party for party, _ in self.counts})))

    @property
    def _comparable(self) -> tuple[tuple[tuple[Municipality, int], int], ...]:
        return tuple(self.counts.items())

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Population):
            return NotImplemented
        return self._comparable == other._comparable and self.source == other.source

    def __hash__(self) -> int:
        return hash((self._comparable, self.source))

    def __repr__(self) -> str:
        return (
            f"<Population {len(self.parties)} parties, {_span(self.years)}"
            + (f", {self.source}" if self.source else "")
            + ">"
        )

    # -- queries -----------------------------------------------------------------------

    @property
    def years(self) -> tuple[int, ...]:
        """The years with at least one count, ascending."""
        return self._years

    @property
    def parties(self) -> tuple[Municipality, ...]:
        """The municipalities with at least one count, in code order."""
        return self._parties

    def count(self, party: Municipality | str, year: int) -> int:
        """Inhabitants of *party* on 31 December of *year*."""
        if isinstance(year, bool) or not isinstance(year, int):
            raise MissingDataError(f"no population for year {year!r}; expected an integer year")
        if isinstance(party, Municipality) and (party, year) in self.counts:
            return self.counts[(party, year)]  # a party with a count is one of ours
        found = municipality(party, among=self.parties or MUNICIPALITIES)
        try:
            return self.counts[(found, year)]
        except KeyError:
            years = [y for p, y in self.counts if p == found]
            raise MissingDataError(
                f"no population for {found.name} on 31 Dec {year!r}; "
                f"the data has {_span(years)} for it"
            ) from None

    def at(
        self, year: int, parties: Iterable[Municipality] | None = None
    ) -> dict[Municipality, int]:
        """Counts on 31 December of *year*, for *parties* (default: all in the data).

        The result is in code order, and is what :func:`~sodertorn.allocate` takes as
        weights.
        """
        if year not in self.years:
            raise MissingDataError(
                f"no population for 31 Dec {year!r}; the data has {_span(self.years)}"
            )
        if parties is None:
            return {p: c for (p, y), c in self.counts.items() if y == year}
        chosen = set(parties)
        if all(isinstance(p, Municipality) for p in chosen):
            # Municipalities order by code alone: the same order as sorted(), faster.
            return {p: self.count(p, year) for p in sorted(chosen, key=_code)}
        return {p: self.count(p, year) for p in sorted(chosen)}

    def total(self, year: int, parties: Iterable[Municipality] | None = None) -> int:
        """Sum of the counts on 31 December of *year* (for *parties*, default all)."""
        return sum(self.at(year, parties).values())

    def merge(self, other: Population) -> Population:
        """A register with the counts of both; *other* wins where both have a count."""
        if not isinstance(other, Population):
            raise PopulationDataError(f"can only merge another Population, got {other!r}")
        return Population(
            {**self.counts, **other.counts},
            source="; ".join(s for s in (self.source, other.source) if s),
        )

    # -- loaders -----------------------------------------------------------------------

    @classmethod
    def builtin(cls) -> Population:
        """SCB's year-end population of the eight parties, 2008–2024, shipped with us.

        >>> Population.builtin().years[0], Population.builtin().years[-1]
        (2008, 2024)
        """
        return _builtin()

    @classmethod
    def load(
        cls, path: str | os.PathLike[str], *, parties: Iterable[Municipality] = MUNICIPALITIES
    ) -> Population:
        """Read a file in any of the supported formats, recognised by its content.

        JSON is read as JSON-stat2; a CSV whose header is ``code,year,population``
        (optionally with ``name``) as the library's own format; any other CSV as an
        export from SCB's statistical database.
        """
        text, source = _read(path)
        return cls._parse_any(text, source=source, parties=parties)

    @classmethod
    def _parse_any(cls, text: str, *, source: str, parties: Iterable[Municipality]) -> Population:
        stripped = text.lstrip()
        if stripped.startswith("{"):
            return cls.parse_jsonstat(text, source=source, parties=parties)
        for raw in stripped.splitlines():
            if raw.strip() and not raw.startswith("#"):
                fields = {f.strip().strip('"').lower() for f in re.split(r"[,;\t]", raw)}
                if {"code", "year", "population"} <= fields:
                    return cls.parse_csv(text, source=source, parties=parties)
                break
        return cls.parse_scb_csv(text, source=source, parties=parties)

    @classmethod
    def parse_csv(
        cls,
        text: str | bytes,
        *,
        source: str = "<csv>",
        parties: Iterable[Municipality] = MUNICIPALITIES,
    ) -> Population:
        """Read the library's own CSV: a header ``code,year,population`` and one row each.

        A ``name`` column may be present and must then match the code. Lines starting
        with ``#`` are comments; bytes are decoded as UTF-8, else Latin-1. Errors name
        the line.

        >>> Population.parse_csv("code,year,population\\n0140,2023,11800\\n").total(2023)
        11800
        >>> Population.parse_csv("code,year,population\\n0140,2023,11800\\n0140,2023,1\\n")
        Traceback (most recent call last):
        ...
        sodertorn.PopulationDataError: <csv>: line 3: duplicate row for 0140 Nykvarn, 2023 (first on line 2)
        """
        known = _known(parties, source)
        lines = [
            (number, line)
            for number, line in enumerate(_text(text, source).splitlines(), start=1)
            if line.strip() and not line.lstrip().startswith("#")
        ]
        if not lines:
            raise PopulationDataError("empty population file; expected a header", source=source)
        header_line, header = lines[0]
        columns = [c.strip().lower() for c in next(csv.reader([header]))]
        missing = [c for c in ("code", "year", "population") if c not in columns]
        if missing:
            raise PopulationDataError(
                f"missing header column(s) {', '.join(missing)} in {header!r}; "
                f"expected 'code,year,population' (and optionally 'name')",
                line=header_line,
                source=source,
            )
        index = {name: columns.index(name) for name in ("code", "year", "population")}
        name_at = columns.index("name") if "name" in columns else None
        counts: dict[tuple[Municipality, int], int] = {}
        first_seen: dict[tuple[Municipality, int], int] = {}
        for number, line in lines[1:]:
            row = next(csv.reader([line]))
            if len(row) != len(columns):
                raise PopulationDataError(
                    f"expected {len(columns)} fields, got {len(row)}: {line!r}",
                    line=number,
                    source=source,
                )
            party = _party(row[index["code"]], known, number, source)
            if name_at is not None and _fold_name(row[name_at]) != _fold_name(party.name):
                raise PopulationDataError(
                    f"name {row[name_at]!r} does not match code {party.code} ({party.name})",
                    line=number,
                    source=source,
                )
            year = _parse_year(row[index["year"]], number, source)
            key = (party, year)
            if key in counts:
                raise PopulationDataError(
                    f"duplicate row for {party.code} {party.name}, {year} "
                    f"(first on line {first_seen[key]})",
                    line=number,
                    source=source,
                )
            counts[key] = _parse_count(
                row[index["population"]], f"{party.name} {year}", number, source
            )
            first_seen[key] = number
        return cls(counts, source=source)

    @classmethod
    def parse_scb_csv(
        cls,
        text: str | bytes,
        *,
        source: str = "<scb csv>",
        parties: Iterable[Municipality] = MUNICIPALITIES,
        skip_unknown: bool = False,
    ) -> Population:
        """Read a CSV export of SCB's table of population by region and year.

        Title lines before the header are skipped; the header is the first row with a
        year column; region cells read like ``0126 Huddinge``; ``;``, ``,`` or tab
        separate fields; bytes are decoded as UTF-8, else Latin-1. Regions that are not
        among *parties* (a county, another municipality) are an error unless
        *skip_unknown*.

        >>> export = '"Folkmängd efter region och år"\\n\\n"region";"2022";"2023"\\n"0140 Nykvarn";11655;11800\\n'
        >>> Population.parse_scb_csv(export).at(2023)
        {Municipality(code='0140', name='Nykvarn'): 11800}
        """
        known = _known(parties, source)
        lines = _text(text, source).splitlines()
        header_at: int | None = None
        delimiter = ","
        year_columns: list[tuple[int, int]] = []
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            delimiter = max(";,\t", key=line.count)
            cells = next(csv.reader([line], delimiter=delimiter))
            years = [
                (position, int(cell.strip()))
                for position, cell in enumerate(cells)
                if position > 0 and _YEAR.fullmatch(_year_label(cell))
            ]
            if years:
                header_at = number
                year_columns = [(p, int(_year_label(cells[p]))) for p, _ in years]
                break
        if header_at is None:
            raise PopulationDataError(
                'no header row with year columns (such as \'"region";"2022";"2023"\')',
                source=source,
            )
        counts: dict[tuple[Municipality, int], int] = {}
        first_seen: dict[tuple[Municipality, int], int] = {}
        for number, line in enumerate(lines[header_at:], start=header_at + 1):
            if not line.strip():
                continue
            cells = next(csv.reader([line], delimiter=delimiter))
            if len(cells) == 1 and not _REGION.match(cells[0].strip()):
                continue  # footnote or trailing title line
            match = _REGION.match(cells[0].strip())
            if match is None:
                raise PopulationDataError(
                    f"region {cells[0]!r} does not start with a four-digit municipality "
                    f"code; expected a cell such as '0126 Huddinge'",
                    line=number,
                    source=source,
                )
            try:
                party = _party(match.group(1), known, number, source)
            except PopulationDataError:
                if skip_unknown:
                    continue
                raise
            if len(cells) < len(lines[header_at - 1].split(delimiter)):
                raise PopulationDataError(
                    f"row has {len(cells)} fields, fewer than the header: {line!r}",
                    line=number,
                    source=source,
                )
            for position, year in year_columns:
                key = (party, year)
                if key in counts:
                    raise PopulationDataError(
                        f"duplicate row for {party.code} {party.name}, {year} "
                        f"(first on line {first_seen[key]})",
                        line=number,
                        source=source,
                    )
                counts[key] = _parse_count(cells[position], f"{party.name} {year}", number, source)
                first_seen[key] = number
        if not counts:
            raise PopulationDataError("no rows for any party under the header", source=source)
        return cls(counts, source=source)

    @classmethod
    def parse_jsonstat(
        cls,
        data: str | bytes | Mapping[str, Any],
        *,
        source: str = "<json-stat2>",
        parties: Iterable[Municipality] = MUNICIPALITIES,
        skip_unknown: bool = False,
    ) -> Population:
        """Read the JSON-stat2 dataset SCB's API returns for population by region and year.

        The region dimension is the one with role ``geo`` (or id ``Region``), the year
        dimension the one with role ``time`` (or id ``Tid``); any other dimension must
        have a single category (for example the contents code ``BE0101N1``).
        """
        known = _known(parties, source)
        return _parse_jsonstat(cls, data, source, known, skip_unknown=skip_unknown)


def _code(party: Municipality) -> str:
    return party.code


def _year_label(cell: str) -> str:
    return cell.strip().strip('"').strip()


def _fold_name(name: str) -> str:
    from sodertorn.parties import _fold  # noqa: PLC0415 - private helper, one home

    return _fold(name)


def _party(
    code: str, known: tuple[Municipality, ...], line: int | None, source: str | None
) -> Municipality:
    cleaned = code.strip().strip('"')
    if not re.fullmatch(r"\d{4}", cleaned):
        raise PopulationDataError(
            f"code {code!r} is not a four-digit municipality code", line=line, source=source
        )
    try:
        return municipality(cleaned, among=known)
    except UnknownMunicipalityError:
        raise PopulationDataError(
            f"unknown municipality code {cleaned!r}; expected one of "
            + ", ".join(m.code for m in known),
            line=line,
            source=source,
        ) from None


def _categories(dimension: Mapping[str, Any], name: str, source: str) -> list[str]:
    try:
        index = dimension["category"]["index"]
    except (KeyError, TypeError):
        raise PopulationDataError(
            f"dimension {name!r} has no category index", source=source
        ) from None
    if isinstance(index, list) and all(isinstance(i, str) for i in index):
        return list(index)
    if isinstance(index, Mapping) and all(
        isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool)
        for k, v in index.items()
    ):
        ordered = sorted(index.items(), key=lambda item: item[1])
        if [v for _, v in ordered] != list(range(len(ordered))):
            raise PopulationDataError(
                f"dimension {name!r} has a category index that is not 0..n-1", source=source
            )
        return [k for k, _ in ordered]
    raise PopulationDataError(
        f"dimension {name!r} has a malformed category index {index!r}", source=source
    )


def _parse_jsonstat(
    cls: type[Population],
    data: str | bytes | Mapping[str, Any],
    source: str,
    known: tuple[Municipality, ...],
    *,
    skip_unknown: bool,
) -> Population:
    if isinstance(data, (str, bytes)):
        try:
            data = json.loads(data)
        except (ValueError, RecursionError) as error:
            raise PopulationDataError(f"not valid JSON: {error}", source=source) from None
    if not isinstance(data, Mapping):
        raise PopulationDataError(
            f"expected a JSON-stat2 dataset object, got {type(data).__name__}", source=source
        )
    ids, sizes, dimensions = data.get("id"), data.get("size"), data.get("dimension")
    if not (
        isinstance(ids, list)
        and isinstance(sizes, list)
        and isinstance(dimensions, Mapping)
        and len(ids) == len(sizes)
        and all(isinstance(i, str) and i in dimensions for i in ids)
        and all(isinstance(s, int) and not isinstance(s, bool) and s >= 0 for s in sizes)
    ):
        raise PopulationDataError(
            "not a JSON-stat2 dataset: expected 'id', 'size' and 'dimension' that agree",
            source=source,
        )
    role = data.get("role") if isinstance(data.get("role"), Mapping) else {}
    assert isinstance(role, Mapping)

    def find(role_name: str, fallback: str) -> str:
        named = role.get(role_name)
        if isinstance(named, list) and len(named) == 1 and named[0] in ids:
            return str(named[0])
        for candidate in ids:
            if candidate.lower() == fallback.lower():
                return str(candidate)
        raise PopulationDataError(
            f"no {role_name} dimension (role {role_name!r} or id {fallback!r}) among {ids!r}",
            source=source,
        )

    region_id, time_id = find("geo", "Region"), find("time", "Tid")
    categories = {name: _categories(dimensions[name], name, source) for name in ids}
    for name, size in zip(ids, sizes, strict=False):
        if len(categories[name]) != size:
            raise PopulationDataError(
                f"dimension {name!r} has {len(categories[name])} categories but size {size}",
                source=source,
            )
        if name not in (region_id, time_id) and size != 1:
            raise PopulationDataError(
                f"dimension {name!r} has {size} categories; select one (such as the total) "
                f"so that each region and year has one count",
                source=source,
            )
    values = data.get("value")
    total_cells = 1
    for size in sizes:
        total_cells *= size
    if isinstance(values, Mapping):
        cells: list[object] = [None] * total_cells
        for key, value in values.items():
            if not (isinstance(key, str) and key.isdigit() and int(key) < total_cells):
                raise PopulationDataError(f"value index {key!r} out of range", source=source)
            cells[int(key)] = value
    elif isinstance(values, list) and len(values) == total_cells:
        cells = list(values)
    else:
        raise PopulationDataError(
            f"expected {total_cells} values (the product of 'size'), got "
            f"{len(values) if isinstance(values, (list, Mapping)) else values!r}",
            source=source,
        )
    region_axis, time_axis = ids.index(region_id), ids.index(time_id)
    strides = [1] * len(sizes)
    for axis in range(len(sizes) - 2, -1, -1):
        strides[axis] = strides[axis + 1] * sizes[axis + 1]
    counts: dict[tuple[Municipality, int], int] = {}
    for r, region in enumerate(categories[region_id]):
        try:
            party = _party(region[:4], known, None, source)
        except PopulationDataError:
            if skip_unknown:
                continue
            raise
        for t, period in enumerate(categories[time_id]):
            year = _parse_year(period, None, source)
            value = cells[r * strides[region_axis] + t * strides[time_axis]]
            where = f"{party.name} {year}"
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise PopulationDataError(
                    f"count {value!r} for {where} is not a whole number of inhabitants",
                    source=source,
                )
            if isinstance(value, float):
                if not value.is_integer():
                    raise PopulationDataError(
                        f"count {value!r} for {where} is not a whole number of inhabitants",
                        source=source,
                    )
                value = int(value)
            if value < 0:
                raise PopulationDataError(
                    f"count {value!r} for {where} is negative; expected 0 or more",
                    source=source,
                )
            counts[(party, year)] = value
    if not counts:
        raise PopulationDataError("the dataset has no counts for any party", source=source)
    return cls(counts, source=source)


@functools.cache
def _builtin() -> Population:
    # Read beside the module, not through importlib.resources, which is heavy to import.
    path = os.path.join(os.path.dirname(__file__), "data", "population.csv")
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    return Population.parse_csv(text, source=BUILTIN_SOURCE)
