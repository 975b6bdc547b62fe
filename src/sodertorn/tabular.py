"""Results as tables: rows under stable column names, for pandas, Excel and notebooks.

Every result that is a table (the fees of a year or of many years, the § 7 special
contributions, the § 10 dissolution statement) gives a :class:`Table`: plain rows whose
column names never change with the language, with municipality codes as text,
populations as integers and amounts as exact numbers (``int`` for whole kronor,
:class:`~decimal.Decimal` when öre are in play). The optional packages are imported only
by the method that needs them: pandas for :meth:`Table.to_pandas` (``sodertorn[pandas]``)
and openpyxl for :meth:`Table.to_excel` (``sodertorn[excel]``).

>>> from decimal import Decimal
>>> table = Table(columns=("code", "name", "amount"), rows=(("0126", "Huddinge", 5),),
...               money=frozenset({"amount"}))
>>> table.records()
[{'code': '0126', 'name': 'Huddinge', 'amount': 5}]
>>> Table(columns=("code",), rows=((1, 2),))
Traceback (most recent call last):
...
sodertorn.SodertornError: row 1 has 2 cells for 1 columns ('code',)
"""

from __future__ import annotations

import datetime
import os
from decimal import Decimal
from html import escape
from typing import TYPE_CHECKING, ClassVar

import attrs

from sodertorn.errors import MissingDependencyError, OutputError, SodertornError, os_reason
from sodertorn.i18n import check_language, format_date, format_number, gettext, message
from sodertorn.money import SEK

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping
    from pathlib import Path

    import pandas

__all__ = ["HEADERS", "Cell", "Table", "money_cell"]

Cell = str | int | Decimal | datetime.date | None
"""What a table holds: text, an integer, an exact decimal, a date, or nothing."""

HEADERS: dict[str, str] = {
    "year": message("Fee year"),
    "code": message("Code"),
    "name": message("Municipality"),
    "population": message("Population"),
    "population_date": message("Population on"),
    "amount": message("Amount"),
    "rule": message("Rule"),
    "source": message("Source"),
    "due_date": message("Due date"),
    "payable_by": message("Payable by"),
    "decided_on": message("Decided on"),
    "item": message("Item"),
    "kind": message("Kind"),
}
"""The English header of each stable column name; Swedish comes from the catalogue."""


def money_cell(amount: SEK) -> int | Decimal:
    """An amount as a table cell: ``int`` kronor when whole, else a two-decimal Decimal.

    >>> money_cell(SEK(48428)), money_cell(SEK("0.50"))
    (48428, Decimal('0.50'))
    """
    return amount.ore // 100 if amount.is_whole_kronor else amount.amount


def _check_rows(table: Table, _: object, rows: tuple[tuple[Cell, ...], ...]) -> None:
    for number, row in enumerate(rows, start=1):
        if len(row) != len(table.columns):
            raise SodertornError(
                f"row {number} has {len(row)} cells for {len(table.columns)} columns "
                f"{table.columns!r}"
            )


def _tuple_columns(columns: Iterable[str]) -> tuple[str, ...]:
    return tuple(columns)


def _tuple_rows(rows: Iterable[Iterable[Cell]]) -> tuple[tuple[Cell, ...], ...]:
    return tuple(tuple(row) for row in rows)


def _sheet_name(text: str) -> str:
    cleaned = "".join(" " if c in "[]:*?/\\" else c for c in text).strip()
    return cleaned[:31] or "Sheet"


@attrs.frozen(kw_only=True)
class Table:
    """Rows under stable column names, and what a spreadsheet needs to show them.

    *money* names the columns that hold amounts in kronor (summed in the total row and
    shown with a kronor number format); *text* the columns kept as text whatever they
    look like (municipality codes: ``"0126"`` keeps its zero). *notes* are the
    ``(label, text)`` lines of the explanation sheet: the rule, its paragraph and the
    population's source.
    """

    columns: tuple[str, ...] = attrs.field(converter=_tuple_columns)
    rows: tuple[tuple[Cell, ...], ...] = attrs.field(converter=_tuple_rows, validator=_check_rows)
    title: str = ""
    money: frozenset[str] = frozenset()
    text: frozenset[str] = frozenset({"code"})
    notes: tuple[tuple[str, str], ...] = ()

    def records(self) -> list[dict[str, Cell]]:
        """The rows as dictionaries keyed by column name."""
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]

    def totals(self) -> dict[str, int | Decimal]:
        """The sum of each money column, exactly."""
        sums: dict[str, int | Decimal] = {}
        for index, column in enumerate(self.columns):
            if column in self.money:
                cells = [row[index] for row in self.rows]
                numbers = [c for c in cells if isinstance(c, (int, Decimal))]
                total = sum(numbers, 0)
                sums[column] = total
        return sums

    def header(self, column: str, lang: str = "sv") -> str:
        """The header of *column* in *lang*."""
        return gettext(HEADERS.get(column, column), lang)

    def to_pandas(self) -> pandas.DataFrame:
        """A :class:`pandas.DataFrame` with the stable column names (``sodertorn[pandas]``).

        Codes stay text, populations integers, amounts ``int`` kronor or ``Decimal``.
        """
        try:
            import pandas as pd  # noqa: PLC0415 - optional, only when asked for
        except ImportError:
            raise MissingDependencyError(
                "to_pandas() needs pandas; install it with: pip install 'sodertorn[pandas]'"
            ) from None
        frame: pandas.DataFrame = pd.DataFrame.from_records(
            self.records(), columns=list(self.columns)
        )
        for column in self.columns:
            if column in self.money and all(isinstance(v, int) for v in frame[column]):
                frame[column] = frame[column].astype("int64")
        return frame

    def to_excel(
        self,
        path: str | os.PathLike[str],
        *,
        lang: str = "sv",
        sheet: str = "",
        explanation: Iterable[str] = (),
    ) -> Path:
        """Write the table to an Excel workbook at *path* (``sodertorn[excel]``).

        The first sheet has the headers in *lang*, codes as text, amounts as numbers with
        a kronor number format and a total row; the second has the *explanation* lines and
        the notes (rule, paragraph, population source). Returns the path written.
        """
        from pathlib import Path  # noqa: PLC0415 - pathlib only when a file is written

        lang = check_language(lang)
        if not isinstance(path, (str, os.PathLike)) or not os.fspath(path).lower().endswith(
            ".xlsx"
        ):
            raise OutputError(f"Excel file {path!r} must be a path ending in .xlsx")
        try:
            from openpyxl import Workbook  # noqa: PLC0415 - optional, only when asked for
            from openpyxl.styles import Alignment, Font  # noqa: PLC0415
            from openpyxl.utils import get_column_letter  # noqa: PLC0415
        except ImportError:
            raise MissingDependencyError(
                "to_excel() needs openpyxl; install it with: pip install 'sodertorn[excel]'"
            ) from None
        target = Path(os.fspath(path))
        workbook = Workbook()
        main = workbook.active
        assert main is not None  # a new workbook has one sheet
        main.title = _sheet_name(sheet or self.title or gettext("Table", lang))
        bold = Font(bold=True)
        main.append([self.header(column, lang) for column in self.columns])
        for cell in main[1]:
            cell.font = bold
        for row in self.rows:
            main.append(
                [
                    _excel_value(column, value, self)
                    for column, value in zip(self.columns, row, strict=True)
                ]
            )
        totals = self.totals()
        if totals:
            main.append(
                [
                    gettext("Total", lang) if index == 0 else totals.get(column)
                    for index, column in enumerate(self.columns)
                ]
            )
            for cell in main[main.max_row]:
                cell.font = bold
        for index, column in enumerate(self.columns, start=1):
            number_format = self._number_format(column, lang)
            width = len(self.header(column, lang))
            for (cell,) in main.iter_rows(min_row=2, min_col=index, max_col=index):
                if number_format is not None and cell.value is not None:
                    cell.number_format = number_format
                elif isinstance(cell.value, datetime.date):
                    cell.number_format = "yyyy-mm-dd"
                if isinstance(cell.value, (int, Decimal)) or column in self.money:
                    cell.alignment = Alignment(horizontal="right")
                width = max(width, len(str(cell.value or "")) + 2)
            letter = get_column_letter(index)
            main.column_dimensions[letter].width = min(width + 2, 60)
        notes = workbook.create_sheet(_sheet_name(gettext("Explanation", lang)))
        for line in explanation:
            notes.append([line])
        if self.notes:
            if notes.max_row > 1 or notes["A1"].value is not None:
                notes.append([])
            for label, text in self.notes:
                notes.append([label, text])
        notes.column_dimensions["A"].width = 40
        notes.column_dimensions["B"].width = 80
        try:
            workbook.save(target)
        except OSError as error:
            raise OutputError.of(
                "cannot write {file}: {reason}",
                file=repr(str(target)),
                reason=os_reason(error),
            ) from None
        return target

    def _number_format(self, column: str, lang: str = "sv") -> str | None:
        """Excel's number format of *column*: kronor as ``1 234 kr`` or ``SEK 1,234``."""
        if column in self.text:
            return "@"
        if column in self.money:
            whole = all(
                isinstance(row[self.columns.index(column)], (int, type(None))) for row in self.rows
            )
            digits = "#,##0" if whole else "#,##0.00"
            return f'"SEK "{digits}' if lang == "en" else f'{digits} "kr"'
        if column in ("population",):
            return "#,##0"
        return None

    def to_text(self, lang: str = "sv") -> str:
        """The table as plain text for a terminal: headers in *lang*, figures right-aligned.

        >>> print(Table(columns=("code", "amount"), rows=(("0126", 5), ("0127", 7)),
        ...             money=frozenset({"amount"})).to_text("en"))
        Code   Amount
        -----  ------
        0126    SEK 5
        0127    SEK 7
        -----  ------
        Total  SEK 12
        """
        lang = check_language(lang)
        lines = [[self.header(c, lang) for c in self.columns]]
        lines += [
            [_text_cell(c, v, self, lang) for c, v in zip(self.columns, row, strict=True)]
            for row in self.rows
        ]
        totals = self.totals()
        if totals:
            lines.append(
                [
                    gettext("Total", lang)
                    if index == 0
                    else _text_cell(c, totals.get(c), self, lang)
                    for index, c in enumerate(self.columns)
                ]
            )
        widths = [max(len(row[i]) for row in lines) for i in range(len(self.columns))]
        right = [
            c in self.money or (c != "year" and c not in self.text and _numeric(self, c))
            for c in self.columns
        ]

        def render(cells: list[str]) -> str:
            return "  ".join(
                cell.rjust(width) if align else cell.ljust(width)
                for cell, width, align in zip(cells, widths, right, strict=True)
            ).rstrip()

        rule = "  ".join("-" * width for width in widths)
        body = [render(row) for row in lines[1 : len(self.rows) + 1]]
        out = [render(lines[0]), rule, *body]
        if totals:
            out += [rule, render(lines[-1])]
        return "\n".join(out)

    def html(self, lang: str = "sv") -> str:
        """The table as HTML, headers in *lang*, figures formatted for *lang*, with totals."""
        lang = check_language(lang)
        head = "".join(f"<th>{escape(self.header(c, lang))}</th>" for c in self.columns)
        body = "".join(
            "<tr>"
            + "".join(_html_cell(c, v, self, lang) for c, v in zip(self.columns, row, strict=True))
            + "</tr>"
            for row in self.rows
        )
        totals = self.totals()
        foot = ""
        if totals:
            cells = [
                f"<th>{escape(gettext('Total', lang))}</th>"
                if index == 0
                else _html_cell(column, totals.get(column), self, lang, tag="th")
                for index, column in enumerate(self.columns)
            ]
            foot = "<tfoot><tr>" + "".join(cells) + "</tr></tfoot>"
        caption = f"<caption>{escape(self.title)}</caption>" if self.title else ""
        return f"<table>{caption}<thead><tr>{head}</tr></thead><tbody>{body}</tbody>{foot}</table>"


def _excel_value(column: str, value: Cell, table: Table) -> Cell:
    if column in table.text and value is not None:
        return str(value)
    return value


def _numeric(table: Table, column: str) -> bool:
    index = table.columns.index(column)
    return all(isinstance(row[index], (int, Decimal, type(None))) for row in table.rows)


def _text_cell(column: str, value: Cell, table: Table, lang: str) -> str:
    if value is None:
        return ""
    if column in table.money and isinstance(value, (int, Decimal)):
        return _money_text(value, lang)
    if isinstance(value, datetime.date):
        return format_date(value, lang)
    if isinstance(value, (int, Decimal)) and column not in table.text and column != "year":
        return format_number(value, lang)
    return str(value)


def _html_cell(column: str, value: Cell, table: Table, lang: str, tag: str = "td") -> str:
    right = " style='text-align:right'"
    if value is None:
        return f"<{tag}></{tag}>"
    if column in table.money and isinstance(value, (int, Decimal)):
        shown = _money_text(value, lang)
        return f"<{tag}{right}>{escape(shown)}</{tag}>"
    if isinstance(value, datetime.date):
        return f"<{tag}>{escape(format_date(value, lang))}</{tag}>"
    if isinstance(value, (int, Decimal)) and column not in table.text and column != "year":
        return f"<{tag}{right}>{escape(format_number(value, lang))}</{tag}>"
    return f"<{tag}>{escape(str(value))}</{tag}>"


def _money_text(value: int | Decimal, lang: str) -> str:
    from sodertorn.i18n import format_money  # noqa: PLC0415 - one formatter for amounts

    return format_money(SEK(value), lang)


def notes_from(pairs: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    """*pairs* as the notes of a :class:`Table`, empty texts left out."""
    return tuple((label, text) for label, text in pairs.items() if text)


class Tabulated:
    """The table methods a result has once it gives its :meth:`rows` and :meth:`to_table`.

    For the results of the agreement's splits (§ 7 and § 10): their records, HTML for
    notebooks and pages, and pandas all come from the one table.
    """

    __slots__ = ()

    columns: ClassVar[tuple[str, ...]] = ()

    def rows(self) -> list[tuple[Cell, ...]]:
        """One row per entry, in the order of :attr:`columns`."""
        raise NotImplementedError

    def to_table(self, *, lang: str = "sv") -> Table:
        """The rows as a :class:`Table` with notes in *lang*."""
        raise NotImplementedError

    def to_records(self) -> list[dict[str, Cell]]:
        """The rows as dictionaries keyed by column name."""
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows()]

    def html(self, *, lang: str = "sv") -> str:
        """The rows as an HTML table with headers in *lang*, for notebooks and pages."""
        return self.to_table(lang=lang).html(lang)

    def _repr_html_(self) -> str:
        return self.html(lang="sv")

    def to_pandas(self) -> pandas.DataFrame:
        """The rows as a :class:`pandas.DataFrame` (``pip install 'sodertorn[pandas]'``)."""
        return self.to_table().to_pandas()
