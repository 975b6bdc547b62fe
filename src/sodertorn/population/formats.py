"""Readers of population files, and the sniffing that picks the reader.

``load`` (a path) and ``read`` (a stream) read at most 16 MiB, find the encoding and the
shape, and hand the bytes to one of: ``parse_csv``, the library's own CSV
(``code,year,population``, optional ``name``, ``#`` comments carrying the provenance);
``parse_scb_csv``, every CSV table SCB gives (the statistical database's export, wide or
long, and the yearly table "Folkmängd i riket, län och kommuner 31 december");
``parse_xlsx``, the same tables as xlsx workbooks, through openpyxl
(``sodertorn[excel]``), imported only when a workbook is read; and the readers of
``sodertorn.population.jsonstat`` for SCB's API. Each returns a plain ``Loaded`` value,
which :class:`~sodertorn.Population`'s loaders turn into a register, so the readers do
not depend on the register. Whatever the bytes, only
:class:`~sodertorn.PopulationDataError` leaves these functions.
"""

from __future__ import annotations

import csv
import io
import re
from typing import TYPE_CHECKING, Any

from sodertorn import _checks
from sodertorn.errors import (
    Listing,
    Phrase,
    PopulationDataError,
    UnknownMunicipalityError,
    message,
)
from sodertorn.parties import MUNICIPALITIES, Municipality, municipality
from sodertorn.population._cells import (
    Loaded,
    known_parties,
    names_match,
    parse_count,
    parse_region,
    parse_year,
)
from sodertorn.population._reading import decode, read_bytes, read_stream, sniff
from sodertorn.population.provenance import PopulationSource

if TYPE_CHECKING:
    import os
    from collections.abc import Iterable
    from typing import BinaryIO

    from sodertorn.population._tables import Row

__all__ = [
    "MAX_ROWS",
    "known_parties",
    "load",
    "parse_any",
    "parse_csv",
    "parse_scb_csv",
    "parse_xlsx",
    "read",
]

MAX_ROWS = 100_000
"""The most rows read from one table (290 municipalities × 60 years is 17 400)."""

_OWN_HEADER = {"code", "year", "population"}
_PROVENANCE_KEYS = ("table", "url", "updated", "fetched", "status", "provisional")


def _text(text: object, source: str) -> str:
    if isinstance(text, bytes):
        return decode(text, source)
    if not isinstance(text, str):
        raise PopulationDataError.of(
            "expected the file's text as str or bytes, got {kind}",
            source=source,
            kind=type(text).__name__,
        )
    return decode(text, source)


def _made(
    counts: dict[tuple[Municipality, int], int], source: str, origin: PopulationSource
) -> Loaded:
    return Loaded.made(counts, source, origin)


# -- sniffing ----------------------------------------------------------------------------


def load(
    path: str | os.PathLike[str],
    *,
    parties: Iterable[Municipality] = MUNICIPALITIES,
    year: int | None = None,
    provisional: bool = False,
) -> Loaded:
    """Read the population file at *path*, whatever its supported shape (see the module)."""
    data, where = read_bytes(path)
    return parse_any(
        data,
        source=where,
        parties=parties,
        year=year,
        origin=PopulationSource.file(where, provisional=provisional),
    )


def read(
    stream: BinaryIO,
    *,
    name: str = "<stdin>",
    parties: Iterable[Municipality] = MUNICIPALITIES,
    year: int | None = None,
    provisional: bool = False,
) -> Loaded:
    """Read population data from a binary *stream* (standard input), as :func:`load` does."""
    data = read_stream(stream, name)
    return parse_any(
        data,
        source=name,
        parties=parties,
        year=year,
        origin=PopulationSource.file(name, provisional=provisional),
    )


def parse_any(
    data: bytes | str,
    *,
    source: str,
    parties: Iterable[Municipality] = MUNICIPALITIES,
    year: int | None = None,
    origin: PopulationSource | None = None,
) -> Loaded:
    """Recognise the shape of *data* and read it with the matching reader."""
    from sodertorn.population import jsonstat  # noqa: PLC0415 - a sibling, on first use

    known = known_parties(parties, source)
    if origin is None:
        origin = PopulationSource.given(source)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    kind, text = sniff(raw, source)
    if kind == "xlsx":
        return parse_xlsx(raw, source=source, parties=known, year=year, origin=origin)
    if kind == "json":
        parsed = jsonstat.load_json(text, source)
        if isinstance(parsed, dict) and "columns" in parsed and "data" in parsed:
            return jsonstat.parse_scb_json(parsed, source=source, parties=known, origin=origin)
        return jsonstat.parse_jsonstat(parsed, source=source, parties=known, origin=origin)
    if _is_own_csv(text):
        own = parse_csv(text, source=source, parties=known)
        if own.provenance and all(s.kind == "fetch" for s in own.provenance.values()):
            return own  # a file the fetch wrote keeps the fetch's provenance, and its path
        return _made(dict(own.counts), source, _with_status(origin, own))
    return parse_scb_csv(text, source=source, parties=known, year=year, origin=origin)


def _with_status(origin: PopulationSource, own: Loaded) -> PopulationSource:
    provisional = any(s.provisional for s in (own.provenance or {}).values())
    if provisional and not origin.provisional:
        from attrs import evolve  # noqa: PLC0415

        return evolve(origin, provisional=True)
    return origin


def _is_own_csv(text: str) -> bool:
    for raw in text.splitlines()[:200]:
        if raw.strip() and not raw.lstrip().startswith("#"):
            fields = {f.strip().strip('"').lower() for f in re.split(r"[,;\t]", raw)}
            return fields >= _OWN_HEADER
    return False


# -- the library's own CSV ---------------------------------------------------------------


def _rows(text: str, source: str, delimiter: str = ",") -> list[Row]:
    """The rows of CSV *text* with their line numbers; a CSV error names its line."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[Row] = []
    line = 1
    try:
        for cells in reader:
            rows.append((line, cells))
            line = reader.line_num + 1
            if len(rows) > MAX_ROWS:
                raise PopulationDataError.of(
                    "more than {rows} rows; export only the regions and years you need",
                    source=source,
                    rows=str(MAX_ROWS),
                )
    except csv.Error as error:
        raise PopulationDataError.of(
            "not readable as CSV: {reason}",
            line=reader.line_num or line,
            source=source,
            reason=str(error),
        ) from None
    return rows


def parse_csv(
    text: str | bytes,
    *,
    source: str = "<csv>",
    parties: Iterable[Municipality] = MUNICIPALITIES,
) -> Loaded:
    """Read the library's own CSV (see :meth:`sodertorn.Population.parse_csv`)."""
    known = known_parties(parties, source)
    decoded = _text(text, source)
    meta: dict[str, str] = {}
    lines: list[Row] = []
    for line, cells in _rows(decoded, source):
        first = cells[0].strip() if cells else ""
        if not any(c.strip() for c in cells):
            continue
        if first.startswith("#"):
            if not lines:
                field, _, value = ",".join(cells).lstrip("# ").partition(":")
                if field.strip().lower() in _PROVENANCE_KEYS:
                    meta[field.strip().lower()] = value.strip()
            continue
        lines.append((line, cells))
    if not lines:
        raise PopulationDataError.of("empty population file; expected a header", source=source)
    header_line, header = lines[0]
    columns = [c.strip().lower() for c in header]
    missing = [c for c in ("code", "year", "population") if c not in columns]
    if missing:
        template = (
            message(
                "missing header column {columns} in {header}; expected 'code,year,population' "
                "(and optionally 'name')"
            )
            if len(missing) == 1
            else message(
                "missing header columns {columns} in {header}; expected 'code,year,population' "
                "(and optionally 'name')"
            )
        )
        raise PopulationDataError.of(
            template,
            line=header_line,
            source=source,
            columns=Listing(missing),
            header=repr(",".join(header)),
        )
    index = {name: columns.index(name) for name in ("code", "year", "population")}
    name_at = columns.index("name") if "name" in columns else None
    # The party of each code as written, found once: a file repeats its codes every year.
    by_code: dict[str, Municipality] = {}
    counts: dict[tuple[Municipality, int], int] = {}
    first_seen: dict[tuple[Municipality, int], int] = {}
    for number, row in lines[1:]:
        if len(row) != len(columns):
            raise PopulationDataError.of(
                "expected {expected} fields, got {count}: {row}",
                line=number,
                source=source,
                expected=str(len(columns)),
                count=str(len(row)),
                row=repr(",".join(row)[:80]),
            )
        code = row[index["code"]]
        party = by_code.get(code)
        if party is None:
            party = by_code[code] = _own_party(code, known, number, source)
        if (
            name_at is not None
            and row[name_at] != party.name  # the name as written: no need to fold it
            and not names_match(row[name_at], party)
        ):
            raise PopulationDataError.of(
                "name {name} does not match code {code} ({party})",
                line=number,
                source=source,
                name=repr(row[name_at]),
                code=party.code,
                party=party.name,
            )
        year = parse_year(
            row[index["year"]], where=Phrase(message("year")), line=number, source=source
        )
        key = (party, year)
        if key in counts:
            raise PopulationDataError.of(
                "duplicate row for {code} {party}, {year} (first on line {first})",
                line=number,
                source=source,
                code=party.code,
                party=party.name,
                year=str(year),
                first=str(first_seen[key]),
            )
        counts[key] = parse_count(
            row[index["population"]], where=f"{party.name} {year}", line=number, source=source
        )
        first_seen[key] = number
    provisional = meta.get("status", "").lower() == "provisional" or meta.get(
        "provisional", ""
    ).lower() in ("yes", "true", "1", "ja")
    if meta.get("url") or meta.get("fetched"):
        origin = PopulationSource(
            kind="fetch",
            path="" if source.startswith("<") else source,
            url=meta.get("url", ""),
            table=meta.get("table", ""),
            updated=meta.get("updated", ""),
            fetched=meta.get("fetched", ""),
            provisional=provisional,
        )
        return _made(counts, source, origin)
    origin = PopulationSource(kind="given", note=source, provisional=provisional)
    if not provisional:
        return Loaded(counts, source)
    return _made(counts, source, origin)


def _own_party(code: str, known: tuple[Municipality, ...], line: int, source: str) -> Municipality:
    cleaned = code.strip().strip('"')
    if not re.fullmatch(r"\d{4}", cleaned):
        raise PopulationDataError.of(
            "code {code} is not a four-digit municipality code",
            line=line,
            source=source,
            code=repr(code[:20]),
        )
    try:
        return municipality(cleaned, among=known)
    except UnknownMunicipalityError:
        raise PopulationDataError.of(
            "unknown municipality code {code}; expected one of {codes}",
            line=line,
            source=source,
            code=repr(cleaned),
            codes=Listing((m.code for m in known), alternatives=True),
        ) from None


# -- SCB's tables: CSV and xlsx ----------------------------------------------------------


def _delimiter(text: str) -> str:
    """``;``, tab or ``,``: the one that splits the most lines into the same number of fields."""
    sample = [line for line in text.splitlines()[:300] if line.strip()]
    best, best_score = ",", -1
    for delimiter in (";", "\t", ","):
        widths: dict[int, int] = {}
        for line in sample:
            width = _fields(line, delimiter)
            if width > 1:
                widths[width] = widths.get(width, 0) + 1
        score = max(widths.values(), default=0)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _fields(line: str, delimiter: str) -> int:
    count, quoted = 1, False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            count += 1
    return count


def parse_scb_csv(
    text: str | bytes,
    *,
    source: str = "<scb csv>",
    parties: Iterable[Municipality] = MUNICIPALITIES,
    year: int | None = None,
    skip_unknown: bool = True,
    origin: PopulationSource | None = None,
) -> Loaded:
    """Read a CSV table from SCB (see :meth:`sodertorn.Population.parse_scb_csv`)."""
    known = known_parties(parties, source)
    _check_year(year, source)
    decoded = _text(text, source)
    rows = _rows(decoded, source, _delimiter(decoded))
    if not skip_unknown:
        _refuse_unknown(rows, known, source)
    from sodertorn.population._tables import read_table  # noqa: PLC0415 - not for our own CSV

    counts = read_table(rows, source=source, known=known, year=year)
    return _made(counts, source, origin or PopulationSource.given(source))


_YEAR = (
    _checks.year(PopulationDataError, low=1700, high=2199, what=message("a year"))
    .or_none()
    .worded(message("year {value} is not a year such as 2025"))
)


def _check_year(year: object, source: str) -> None:
    _YEAR.check(year, "year", source=source)


def _refuse_unknown(rows: list[Row], known: tuple[Municipality, ...], source: str) -> None:
    codes = {party.code for party in known}
    for line, cells in rows:
        region = parse_region(cells[0]) if cells else None
        if region is not None and region.code and region.code not in codes and len(cells) > 1:
            raise PopulationDataError.of(
                "region {region} is not one of the parties ({codes}) and skip_unknown is false",
                line=line,
                source=source,
                region=repr(str(region)),
                codes=Listing(sorted(codes)),
            )


def parse_xlsx(
    data: bytes,
    *,
    source: str = "<xlsx>",
    parties: Iterable[Municipality] = MUNICIPALITIES,
    year: int | None = None,
    origin: PopulationSource | None = None,
) -> Loaded:
    """Read an xlsx workbook from SCB (see :meth:`sodertorn.Population.parse_xlsx`).

    The first sheet with a header is read, as :func:`parse_scb_csv` reads a CSV file;
    line numbers in errors are the sheet's row numbers.
    """
    known = known_parties(parties, source)
    _check_year(year, source)
    if not isinstance(data, bytes):
        raise PopulationDataError.of(
            "expected the workbook's bytes, got {kind}", source=source, kind=type(data).__name__
        )
    if not data.startswith(b"PK\x03\x04"):
        raise PopulationDataError.of("not an xlsx workbook (no zip signature)", source=source)
    sheets = _sheets(data, source)
    from sodertorn.population._tables import read_table  # noqa: PLC0415 - not for our own CSV

    refusal: PopulationDataError | None = None
    for title, rows in sheets:
        where = f"{source} [{title}]" if len(sheets) > 1 else source
        try:
            counts = read_table(rows, source=where, known=known, year=year)
        except PopulationDataError as error:
            refusal = refusal or error
            continue
        return _made(counts, source, origin or PopulationSource.given(source))
    raise refusal or PopulationDataError.of("the workbook has no sheets", source=source)


def _sheets(data: bytes, source: str) -> list[tuple[str, list[Row]]]:
    try:
        import openpyxl  # noqa: PLC0415 - optional, only for workbooks
    except ImportError:
        raise PopulationDataError.of(
            "reading an xlsx workbook needs openpyxl: pip install 'sodertorn[excel]', or save "
            "the sheet as CSV",
            source=source,
        ) from None
    import warnings  # noqa: PLC0415

    sheets: list[tuple[str, list[Row]]] = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles it does not know
            workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            try:
                for sheet in workbook.worksheets[:20]:
                    rows: list[Row] = []
                    for number, values in enumerate(
                        sheet.iter_rows(values_only=True, max_col=200), start=1
                    ):
                        if number > MAX_ROWS:
                            raise PopulationDataError.of(
                                "sheet {sheet} has more than {rows} rows; export only the "
                                "regions and years you need",
                                source=source,
                                sheet=repr(sheet.title),
                                rows=str(MAX_ROWS),
                            )
                        cells = [_cell_text(value) for value in values]
                        if any(cells):
                            rows.append((number, cells))
                    sheets.append((str(sheet.title), rows))
            finally:
                workbook.close()
    except PopulationDataError:
        raise
    except Exception as error:  # openpyxl and zipfile raise many kinds for a broken file
        raise PopulationDataError.of(
            "not a readable xlsx workbook ({kind}: {reason})",
            source=source,
            kind=type(error).__name__,
            reason=str(error)[:120],
        ) from None
    return sheets


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)
