"""Population tables as SCB gives them, read from rows of cells (a CSV file or a sheet).

One reader for every tabular shape: the statistical database's export in *wide* layout
(one column per year, ``"region";"2023";"2024"``), in *long* layout (``"region","år",
"Folkmängd"``), with other variables as columns (``kön``, ``ålder``), with title and
footnote lines; and SCB's yearly table "Folkmängd i riket, län och kommuner 31 december
YYYY ..." (one population column, the year in the title or given by the caller, other
measures such as folkökning beside it). Regions other than the parties are skipped.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import attrs

from sodertorn.errors import Listing, Phrase, PopulationDataError, message
from sodertorn.population._cells import (
    Region,
    fold,
    is_other_measure,
    is_population_measure,
    is_total,
    missing_parties,
    parse_count,
    parse_region,
    parse_year,
    party_of,
    some_of,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sodertorn.parties import Municipality

__all__ = ["Row", "read_table"]

Row = tuple[int, list[str]]
"""A row's line (or sheet row) number and its cells as text."""

_REGION_HEADINGS = (
    "region",
    "kommun",
    "kommuner",
    "lan/kommun",
    "lan och kommun",
    "kommunkod",
    "kommunnamn",
    "kod",
    "code",
    "namn",
    "name",
    "municipality",
    "region code",
    "regionkod",
    "regionnamn",
)
_YEAR_HEADINGS = ("ar", "year", "tid", "time", "period", "manad", "month", "kvartal")
_CONTENTS_HEADINGS = ("tabellinnehall", "contents", "table contents", "innehall")
_VALUE_HEADINGS = ("value", "varde", "antal", "observations", "number")
_YEAR_AT_END = re.compile(r"^(.*?)\s*\b(\d{4})(?:-12-31)?$", re.DOTALL)
_PERIOD_AT_END = re.compile(r"^(.*?)\s*\b(\d{4}\s*[MKQ]\s*\d{1,2})$", re.DOTALL | re.IGNORECASE)
_NUMBER = re.compile(r"[\d\s\u00a0.,+-]+|\.\.")
_TITLE_YEAR = re.compile(r"31\s+dec(?:ember|\.)?\s+(\d{4})|(\d{4})-12-31", re.IGNORECASE)
_DATE_WORDS = re.compile(r"\b(den\s+)?31\s+dec(ember|\.)?\b|\bper\b|\bden\b", re.IGNORECASE)


@attrs.frozen
class _YearColumn:
    position: int
    year: int


@attrs.define
class _Header:
    line: int
    region: int
    name: int | None
    years: list[_YearColumn]
    year_dimension: int | None
    measure: int | None
    dimensions: dict[int, str]
    contents: int | None


def _heading_kind(cell: str) -> str:
    key = fold(cell)
    if key in _REGION_HEADINGS or key.startswith("region"):
        return "region"
    if key in _YEAR_HEADINGS:
        return "year"
    if key in _CONTENTS_HEADINGS:
        return "contents"
    return ""


def _year_heading(cell: str, *, line: int, source: str) -> int | str | None:
    """The year of a year column (``2024``, ``Folkmängd 2024``, ``Folkmängd 31 dec 2024``).

    Returns the year, ``"other"`` for another measure's column (folkökning 2024) and
    ``None`` for no year heading. A heading that is a month or quarter is refused.
    """
    text = " ".join(cell.split())
    period = _PERIOD_AT_END.fullmatch(text)  # never also a year: it ends in one or two digits
    if period:
        parse_year(
            period.group(2), where=Phrase(message("column heading")), line=line, source=source
        )
    match = _YEAR_AT_END.fullmatch(text)
    if match is None or not 1700 <= int(match.group(2)) <= 2199:
        return None
    prefix = _DATE_WORDS.sub(" ", match.group(1)).strip(" ,.:-–")
    year = int(match.group(2))
    if not prefix or is_population_measure(prefix):
        return year
    if is_other_measure(prefix):
        return "other"  # before the totals: "Totalt folkökning 2024" is not the population
    if is_total(prefix):
        return year
    return f"category:{prefix}"


def _find_header(
    rows: Sequence[Row], *, source: str, population_title: bool
) -> tuple[int, _Header]:
    for at, (line, cells) in enumerate(rows[:200]):
        filled = [c for c in cells if c.strip()]
        if len(filled) < 2 or cells[0].lstrip().startswith("#"):
            continue
        kinds = [_heading_kind(c) for c in cells]
        if "region" not in kinds:
            kinds[0] = "region"  # the first column holds the regions, whatever its heading
            if parse_region(cells[0]).code and not all(
                re.fullmatch(r"\s*(1[7-9]|2[01])\d\d\s*", c) for c in cells[1:] if c.strip()
            ):
                continue  # a data row: a region and its figures
        years: list[_YearColumn] = []
        measures: list[int] = []
        others: list[str] = []
        categories: list[str] = []
        skipped: set[int] = set()
        for position, cell in enumerate(cells):
            if kinds[position] or not cell.strip():
                continue
            heading = _year_heading(cell, line=line, source=source)
            if isinstance(heading, int):
                years.append(_YearColumn(position, heading))
            elif heading == "other":
                others.append(cell.strip())
                skipped.add(position)
            elif isinstance(heading, str):
                categories.append(cell.strip())
                skipped.add(position)
            elif is_population_measure(cell):
                measures.append(position)
            elif is_other_measure(cell):
                others.append(cell.strip())
                kinds[position] = "other"
            elif fold(cell) in _VALUE_HEADINGS and ("contents" in kinds or population_title):
                measures.append(position)
        year_dimension = kinds.index("year") if "year" in kinds else None
        if not (years or categories or measures):
            if others:
                raise PopulationDataError.of(
                    "the table's measure is {measures}, not the population (Folkmängd); "
                    "choose the contents 'Folkmängd' (BE0101N1)",
                    source=source,
                    measures=some_of([repr(o) for o in others], 4),
                )
            continue
        if categories and not years:
            raise PopulationDataError.of(
                "the year columns are {columns}, which are not the total population; select "
                "the total (totalt) of every variable other than region and year when exporting",
                line=line,
                source=source,
                columns=some_of([repr(c) for c in categories]),
            )
        region_columns = [p for p, kind in enumerate(kinds) if kind == "region"]
        region = region_columns[0]  # there is one: the first column, whatever its heading
        name = region_columns[1] if len(region_columns) > 1 else None
        used = {
            *region_columns,  # a third column naming the regions is not a variable
            *(y.position for y in years),
            *measures,
        }
        if year_dimension is not None:
            used.add(year_dimension)
        contents = kinds.index("contents") if "contents" in kinds else None
        dimensions = {
            p: cells[p].strip()
            for p in range(len(cells))
            if p not in used
            and p not in skipped
            and p != contents
            and kinds[p] != "other"
            and cells[p].strip()
        }
        if len(measures) > 1:
            raise PopulationDataError.of(
                "more than one population column: {columns}; keep one",
                line=line,
                source=source,
                columns=Listing(repr(cells[p]) for p in measures),
            )
        header = _Header(
            line=line,
            region=region,
            name=name,
            years=years,
            year_dimension=year_dimension,
            measure=measures[0] if measures else None,
            dimensions=dimensions,
            contents=contents,
        )
        return at, header
    raise PopulationDataError.of(
        "no header row: expected one with the regions and either one column per year "
        "('region;2023;2024'), a year and a population column ('region,år,Folkmängd'), or "
        "SCB's yearly table with a 'Folkmängd' column",
        source=source,
    )


def _title_year(rows: Sequence[Row], upto: int, *, source: str) -> int | None:
    found: set[int] = set()
    for _, cells in rows[:upto]:
        for cell in cells:
            for match in _TITLE_YEAR.finditer(cell):
                found.add(int(match.group(1) or match.group(2)))
    if len(found) > 1:
        raise PopulationDataError.of(
            "the title names more than one year-end ({years}); give the year",
            source=source,
            years=Listing(map(str, sorted(found))),
        )
    return found.pop() if found else None


def read_table(
    rows: Sequence[Row],
    *,
    source: str,
    known: tuple[Municipality, ...],
    year: int | None = None,
) -> dict[tuple[Municipality, int], int]:
    """Counts of the parties in a population table; every other region is skipped."""
    population_title = any(
        re.search(r"folkmangd|population", fold(cell)) for _, cells in rows[:10] for cell in cells
    )
    at, header = _find_header(rows, source=source, population_title=population_title)
    single_year: int | None = None
    if header.years and header.year_dimension is not None:
        raise PopulationDataError.of(
            "the header has both a year column and columns per year; export one layout",
            line=header.line,
            source=source,
        )
    if not header.years and header.year_dimension is None:
        titled = _title_year(rows, at, source=source)
        if year is not None and titled is not None and year != titled:
            raise PopulationDataError.of(
                "the title says 31 December {titled} but the year {year} was given; check "
                "which year the table is for",
                source=source,
                titled=str(titled),
                year=str(year),
            )
        single_year = year if year is not None else titled
        if single_year is None:
            raise PopulationDataError.of(
                "the table has a population column but no year, in its title or its "
                "headings; give the year (Population.load(path, year=2025)) or keep SCB's "
                "title line '... 31 december 2025 ...' above the header",
                line=header.line,
                source=source,
            )
    elif year is not None and header.years and {c.year for c in header.years} != {year}:
        raise PopulationDataError.of(
            "the year {year} was given but the columns are for {years}",
            line=header.line,
            source=source,
            year=str(year),
            years=Listing(str(c.year) for c in header.years),
        )
    width = max(
        position
        for position in (
            header.region,
            header.name,
            header.year_dimension,
            header.measure,
            header.contents,
            *(c.position for c in header.years),
            *header.dimensions,
        )
        if position is not None
    )
    data = rows[at + 1 :]
    totals = _totals(data, header, width, source=source)
    counts: dict[tuple[Municipality, int], int] = {}
    first_line: dict[tuple[Municipality, int], int] = {}
    others: list[str] = []
    for line, cells in data:
        if not any(c.strip() for c in cells) or cells[0].lstrip().startswith("#"):
            continue
        region = _region_of(cells, header)
        if not region.code and not region.name:
            continue
        party = party_of(region, known, where=Phrase(message("region")), line=line, source=source)
        if party is None:
            if region.code or any(re.search(r"\d", c) for c in cells[1:]):
                others.append(str(region))
            continue
        if len(cells) <= width:
            template = (
                message("row has {count} field, fewer than the header's {expected}: {row}")
                if len(cells) == 1
                else message("row has {count} fields, fewer than the header's {expected}: {row}")
            )
            raise PopulationDataError.of(
                template,
                line=line,
                source=source,
                count=str(len(cells)),
                expected=str(width + 1),
                row=str(cells)[:80],
            )
        if not all(_category(cells[p]) in totals[p] for p in header.dimensions) or (
            header.contents is not None
            and not is_population_measure(*_split(cells[header.contents]))
        ):
            continue
        for column_year, position in _cells_of(cells, header, single_year, line, source):
            key = (party, column_year)
            if key in counts:
                raise PopulationDataError.of(
                    "{code} {party} {year} is given twice (first on line {first}); keep one row "
                    "per municipality and year",
                    line=line,
                    source=source,
                    code=party.code,
                    party=party.name,
                    year=str(column_year),
                    first=str(first_line[key]),
                )
            counts[key] = parse_count(
                cells[position], where=f"{party.name} {column_year}", line=line, source=source
            )
            first_line[key] = line
    if not counts:
        raise missing_parties(known, others, what="file", source=source)
    return counts


def _split(cell: str) -> tuple[str, str]:
    region = parse_region(cell)
    return (region.code, region.name) if region.code else (cell.strip(), cell.strip())


def _category(cell: str) -> str:
    return cell.strip()


def _region_of(cells: list[str], header: _Header) -> Region:
    cell = cells[header.region] if header.region < len(cells) else ""
    region = parse_region(cell)
    if header.name is not None and header.name < len(cells) and not region.name:
        region = Region(region.code, cells[header.name].strip())
    return region


def _totals(
    data: Sequence[Row], header: _Header, width: int, *, source: str
) -> dict[int, set[str]]:
    """Per dimension column, the categories that are totals; refuse a column without one."""
    seen: dict[int, dict[str, None]] = {p: {} for p in header.dimensions}
    for _, cells in data:
        if len(cells) > width and cells[header.region].strip():
            for position in header.dimensions:
                seen[position].setdefault(_category(cells[position]), None)
    totals: dict[int, set[str]] = {}
    for position, name in list(header.dimensions.items()):
        categories = [c for c in seen[position] if c]
        if categories and all(_NUMBER.fullmatch(c) for c in categories):
            del header.dimensions[position]  # figures of some other measure: not a variable
            continue
        totals[position] = {c for c in categories if is_total(*_split(c))}
        if categories and not totals[position]:
            raise PopulationDataError.of(
                "column {name} has {shown} and no total; the fee needs the whole population: "
                "select the total (totalt) of {name} or leave it out when exporting",
                line=header.line,
                source=source,
                name=repr(name),
                shown=some_of([repr(c) for c in categories]),
            )
    if header.contents is not None:
        contents = {
            cells[header.contents].strip()
            for _, cells in data
            if len(cells) > header.contents and cells[header.contents].strip()
        }
        if contents and not any(is_population_measure(*_split(c)) for c in contents):
            raise PopulationDataError.of(
                "the table's contents are {contents}, not the population (Folkmängd); choose "
                "the contents 'Folkmängd' (BE0101N1)",
                line=header.line,
                source=source,
                contents=some_of([repr(c) for c in sorted(contents)], 4),
            )
    return totals


def _cells_of(
    cells: list[str], header: _Header, single_year: int | None, line: int, source: str
) -> list[tuple[int, int]]:
    if header.years:
        return [(column.year, column.position) for column in header.years]
    assert header.measure is not None
    if single_year is not None:
        return [(single_year, header.measure)]
    assert header.year_dimension is not None
    year = parse_year(
        cells[header.year_dimension], where=Phrase(message("year")), line=line, source=source
    )
    return [(year, header.measure)]
