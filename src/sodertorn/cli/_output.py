"""The one writer of the command line: a :class:`Report` as a table, CSV, JSON or text.

A subcommand's handler returns a :class:`Report`: typed rows under named columns, the
JSON document of its kind, and the lines to show around the table. :func:`write` renders
it in the format asked for and writes it to standard output (in the terminal's encoding,
replacing what it cannot encode) or to ``--output FILE`` (UTF-8).

- ``table``: columns aligned for a terminal, amounts and counts formatted for the
  language, a total row, then the report's notes.
- ``csv``: one header line of the columns' stable keys (``code,name,population,amount``)
  and one line per row, amounts as exact decimals with a point. With ``--excel``:
  semicolons, decimal commas, a byte order mark and CRLF, and codes written as
  ``="0126"`` so that Swedish Excel opens the file in columns and keeps the leading zero.
- ``xlsx`` (with ``--output FILE``): the workbook the result writes itself, through
  openpyxl (``sodertorn[excel]``).
- ``json``: the report's document, ``{"schema": "sodertorn/<kind>/<version>", ...}``,
  with dates in ISO 8601 and amounts as exact decimal strings (see
  :mod:`sodertorn.schemas`).
"""

from __future__ import annotations

import datetime
import io
import json
import sys
from typing import TYPE_CHECKING, Any

import attrs

from sodertorn.cli._i18n import DataError, UsageError, message, os_reason, translator
from sodertorn.cli._stream import write_text

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Mapping

__all__ = ["Column", "Report", "render", "write"]

KINDS = ("text", "code", "count", "money", "bool", "date", "term")
"""What a column holds, which decides how it is written."""


@attrs.frozen(eq=False, repr=False)
class Column:
    """A column: its stable *key* (the CSV header) and its *label* for a table.

    The label is an English message, translated when a table is shown, with *values*
    filled in and formatted for the language (``"Fee {year}"``, ``(("year", 2024),)``).
    A column of kind ``term`` holds keys (``in_room``), written as they are in CSV and
    JSON, and shown in a table as the English message *terms* gives them, translated. A
    column not *in_table* is written to CSV only (the table says it in its notes).
    """

    key: str
    label: str
    kind: str = attrs.field(default="text", validator=attrs.validators.in_(KINDS))
    values: tuple[tuple[str, object], ...] = ()
    terms: tuple[tuple[str, str], ...] = ()
    in_table: bool = True


def _lines() -> tuple[str, ...]:
    return ()


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Report:
    """What a subcommand has to say, for :func:`write` to render in any format.

    *kind* and *version* name the JSON schema (``sodertorn/fees/1``); *document* is the
    JSON document without its ``schema`` key. *rows* hold plain values (``str``, ``int``,
    :class:`~sodertorn.SEK`, ``bool``, :class:`datetime.date`, ``None``) in the order of
    *columns*; *total* is the table's last row (not written to CSV), its text cells
    English messages. *heading* gives the lines before the table and *notes* those
    after it, in the report's language; *texts* the outputs the subcommand renders
    itself, by format (``text``, ``markdown``). They are functions, called only for the
    format that shows them. *explanation*, when asked for, replaces the table and goes
    into the JSON document; CSV has no place for it.
    """

    kind: str
    document: Mapping[str, Any]
    columns: tuple[Column, ...] = ()
    rows: tuple[tuple[object, ...], ...] = ()
    total: tuple[object, ...] | None = None
    heading: Callable[[], tuple[str, ...]] = _lines
    notes: Callable[[], tuple[str, ...]] = _lines
    texts: Mapping[str, Callable[[], str]] = attrs.field(factory=dict)
    excel: Callable[[str, str], object] | None = None
    explanation: str | None = None
    version: int = 1

    @property
    def schema(self) -> str:
        """The document's schema: ``sodertorn/<kind>/<version>``."""
        return f"sodertorn/{self.kind}/{self.version}"

    def to_json(self) -> dict[str, Any]:
        """The JSON document, with its ``schema`` first and the explanation if asked for."""
        document: dict[str, Any] = {"schema": self.schema, **self.document}
        if self.explanation is not None:
            document["explanation"] = self.explanation
        return document


def _cell(value: object, kind: str, lang: str) -> str:
    from sodertorn.i18n import format_date, format_money, format_number  # noqa: PLC0415
    from sodertorn.money import SEK  # noqa: PLC0415

    if value is None:
        return ""
    if isinstance(value, bool):
        return translator(lang)(message("yes") if value else message("no"))
    if isinstance(value, SEK):
        return format_money(value, lang)
    if isinstance(value, datetime.date):
        return format_date(value, lang)
    if isinstance(value, int) and kind == "count":
        return format_number(value, lang)
    return str(value)


def _label(column: Column, lang: str) -> str:
    values = {name: _cell(value, "text", lang) for name, value in column.values}
    return translator(lang)(column.label).format(**values)


def table(report: Report, lang: str) -> str:
    """The report as an aligned table: heading, header, rows, the total row, notes."""
    shown = [i for i, column in enumerate(report.columns) if column.in_table]
    if len(shown) < len(report.columns):
        report = attrs.evolve(
            report,
            columns=tuple(report.columns[i] for i in shown),
            rows=tuple(tuple(row[i] for i in shown) for row in report.rows),
            total=None if report.total is None else tuple(report.total[i] for i in shown),
        )
    tr = translator(lang)
    header = [_label(column, lang) for column in report.columns]
    body = [
        [
            tr(dict(c.terms)[v])
            if c.kind == "term" and isinstance(v, str)
            else _cell(v, c.kind, lang)
            for v, c in zip(row, report.columns, strict=True)
        ]
        for row in report.rows
    ]
    footer = (
        [
            [
                tr(v) if isinstance(v, str) and v else _cell(v, c.kind, lang)
                for v, c in zip(report.total, report.columns, strict=True)
            ]
        ]
        if report.total is not None
        else []
    )
    widths = [max(len(row[i]) for row in [header, *body, *footer]) for i in range(len(header))]
    right = [column.kind in ("count", "money") for column in report.columns]

    def line(cells: list[str]) -> str:
        return "  ".join(
            cell.rjust(width) if align else cell.ljust(width)
            for cell, width, align in zip(cells, widths, right, strict=True)
        ).rstrip()

    rule = "  ".join("-" * width for width in widths)
    heading, notes = report.heading(), report.notes()
    lines = [*heading, *([""] if heading else []), line(header), rule]
    lines += [line(row) for row in body]
    if footer:
        lines += [rule, line(footer[0])]
    if notes:
        lines += ["", *notes]
    return "\n".join(lines) + "\n"


def _csv_value(value: object, kind: str, *, excel: bool) -> str:
    from sodertorn.money import SEK  # noqa: PLC0415

    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, SEK):
        text = str(value.amount)
        return text.replace(".", ",") if excel else text
    if isinstance(value, datetime.date):
        return value.isoformat()
    if kind == "code" and excel:
        return f'="{value}"'
    return str(value)


def to_csv(report: Report, *, excel: bool = False) -> str:
    """The report's rows as CSV under the columns' keys (see the module's text)."""
    import csv  # noqa: PLC0415 - only for CSV

    buffer = io.StringIO()
    if not excel:
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow([column.key for column in report.columns])
        for row in report.rows:
            writer.writerow(
                [
                    _csv_value(v, c.kind, excel=False)
                    for v, c in zip(row, report.columns, strict=True)
                ]
            )
        return buffer.getvalue()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    lines = [_excel_line([column.key for column in report.columns], writer, buffer)]
    for row in report.rows:
        cells = [
            _csv_value(v, c.kind, excel=True) for v, c in zip(row, report.columns, strict=True)
        ]
        lines.append(_excel_line(cells, writer, buffer))
    return "\ufeff" + "".join(lines)


def _excel_line(cells: list[str], writer: Any, buffer: io.StringIO) -> str:
    """One line for Excel: a code formula ``="0126"`` unquoted, any other cell as CSV."""
    parts = []
    for cell in cells:
        if cell.startswith('="') and cell[2:-1].isdigit():
            parts.append(cell)
        else:
            buffer.seek(0)
            buffer.truncate()
            writer.writerow([cell])
            parts.append(buffer.getvalue().removesuffix("\r\n"))
    return ";".join(parts) + "\r\n"


def render(report: Report, output_format: str, lang: str, *, excel: bool = False) -> str:
    """The report as the text of *output_format* (``table``, ``csv``, ``json``, or a text)."""
    if excel and output_format != "csv":
        raise UsageError("--excel needs --format csv")
    if output_format in report.texts:
        return report.texts[output_format]()
    if output_format == "json":
        return json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n"
    if report.explanation is not None and output_format != "csv":
        return report.explanation + "\n"
    if output_format == "csv":
        if report.explanation is not None:
            raise UsageError(
                "--explain cannot be written as CSV; use --format table or --format json"
            )
        return to_csv(report, excel=excel)
    return table(report, lang)


def write(report: Report, args: argparse.Namespace) -> None:
    """Render *report* as ``args.format`` and write it to ``args.output`` or standard output."""
    excel = bool(getattr(args, "excel", False))
    destination: str | None = getattr(args, "output", None)
    if args.format == "xlsx":
        if destination is None or destination == "-" or report.excel is None:
            raise UsageError("--format xlsx needs --output FILE.xlsx")
        if excel:
            raise UsageError("--excel needs --format csv")
        if not destination.lower().endswith(".xlsx"):
            raise UsageError(
                "--format xlsx writes a workbook named *.xlsx; got {file}", file=destination
            )
        from sodertorn.errors import MissingDependencyError  # noqa: PLC0415

        try:
            report.excel(destination, args.lang)
        except MissingDependencyError:
            raise DataError(
                "--format xlsx needs openpyxl: pip install 'sodertorn[excel]'"
            ) from None
        return
    text = render(report, args.format, args.lang, excel=excel)
    if destination is None or destination == "-":
        write_text(text, sys.stdout)
        return
    try:
        with open(destination, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    except OSError as error:
        raise DataError(
            "cannot write {file}: {reason}",
            file=destination,
            reason=os_reason(error),
        ) from None
