"""Invoice pages: one HTML page per party, with print CSS for A4, and a summary.

Samarbetsavtal 2010, § 8: Huddinge invoices each party, and the fee is due no later
than 15 March of the fee year. A page shows the amount, the due date and the banking day
(when 15 March is not one), the population and its source, the rule with its paragraph,
and the derivation step by step. It states no fact the library does not have:
organisation numbers, addresses, invoice numbers and references appear only when the
caller supplies them, in a CSV read by :func:`~sodertorn.fees.read_invoice_details`:

.. code-block:: text

    code,invoice_number,organisation_number,address,reference
    0126,2024-001,212000-0142,"Box 1, 141 85 Huddinge",Kommunstyrelsen

``code`` (the SCB code) is required; the other columns are optional, any of them may be
left out or empty, and a column not listed here is refused.

>>> from sodertorn import annual_fees
>>> page = annual_fees(2025).invoice_html("Salem", lang="en")
>>> "SEK 70,028" in page and "Monday, 17 March 2025" in page
True
"""

from __future__ import annotations

import csv
import io
import json
import os
from html import escape
from typing import TYPE_CHECKING, Any

import attrs

from sodertorn._version import __version__
from sodertorn.errors import (
    Listing,
    MissingDataError,
    OutputError,
    Phrase,
    UnknownMunicipalityError,
    message,
    os_reason,
)
from sodertorn.fees import explain as _explain
from sodertorn.fees.banking import payable_by_or_none
from sodertorn.i18n import check_language, format_date, format_money, format_number, gettext
from sodertorn.parties import Municipality, municipality
from sodertorn.population import reference_date

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

    from sodertorn.fees.explain import Assessed

__all__ = [
    "DETAIL_COLUMNS",
    "INVOICE_COLUMNS",
    "InvoiceDetails",
    "invoice_html",
    "read_invoice_details",
    "write_invoices",
]

DETAIL_COLUMNS = ("code", "invoice_number", "organisation_number", "address", "reference")
"""The columns of the invoice details CSV; only ``code`` is required."""

INVOICE_COLUMNS = (
    "year",
    "code",
    "name",
    "population",
    "population_date",
    "amount",
    "due_date",
    "payable_by",
    "file",
    "invoice_number",
    "organisation_number",
    "address",
    "reference",
)
"""The columns of ``invoices.csv``, and the keys of each invoice in ``invoices.json``."""

INVOICES_SCHEMA = "sodertorn/invoices/1"
"""The ``schema`` of ``invoices.json``."""


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise MissingDataError(f"invoice detail {value!r} is not text")
    return value.strip()


@attrs.frozen(kw_only=True)
class InvoiceDetails:
    """What the caller knows about one party's invoice; every field may be empty."""

    __module__ = "sodertorn"

    invoice_number: str = attrs.field(default="", converter=_text)
    organisation_number: str = attrs.field(default="", converter=_text)
    address: str = attrs.field(default="", converter=_text)
    reference: str = attrs.field(default="", converter=_text)

    def to_dict(self) -> dict[str, str]:
        """The details as plain data."""
        return attrs.asdict(self)


def read_invoice_details(
    source: str | os.PathLike[str], *, text: bool = False
) -> dict[Municipality, InvoiceDetails]:
    """Read invoice details from a CSV file (or, with *text*, from CSV text).

    >>> details = read_invoice_details("code,reference\\n0128,Kommunstyrelsen\\n", text=True)
    >>> details[municipality("Salem")].reference
    'Kommunstyrelsen'
    >>> read_invoice_details("code,colour\\n0128,blue\\n", text=True)
    Traceback (most recent call last):
    ...
    sodertorn.MissingDataError: invoice details, line 1: unknown column 'colour'; expected some of 'code', 'invoice_number', 'organisation_number', 'address' and 'reference'
    """
    name: str = Phrase(message("invoice details"))
    if text:
        if not isinstance(source, str):
            raise MissingDataError.of("expected CSV text, got {value}", value=repr(source))
        content = source
    else:
        name = os.fspath(source)
        try:
            with open(name, encoding="utf-8-sig", newline="") as handle:
                content = handle.read()
        except (OSError, UnicodeDecodeError) as error:
            raise MissingDataError.of(
                "cannot read invoice details {file}: {reason}",
                file=repr(name),
                reason=(
                    os_reason(error)
                    if isinstance(error, OSError)
                    else Phrase(message("not UTF-8 text; save the file as UTF-8"))
                ),
            ) from None
    try:
        rows = list(csv.reader(io.StringIO(content), strict=True))
    except csv.Error as error:
        raise MissingDataError.of(
            "{name}: not a CSV file ({reason})", name=name, reason=str(error)
        ) from None
    if not rows:
        raise MissingDataError.of(
            "{name}: empty; expected a header such as 'code,reference'", name=name
        )
    header = [cell.strip() for cell in rows[0]]
    for column in header:
        if column not in DETAIL_COLUMNS:
            raise MissingDataError.of(
                "{name}, line 1: unknown column {column}; expected some of {columns}",
                name=name,
                column=repr(column),
                columns=Listing(repr(c) for c in DETAIL_COLUMNS),
            )
    if "code" not in header:
        raise MissingDataError.of(
            "{name}, line 1: no 'code' column; expected the SCB code", name=name
        )
    found: dict[Municipality, InvoiceDetails] = {}
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            template = (
                message("{name}, line {line}: {count} cell for {columns} columns")
                if len(row) == 1
                else message("{name}, line {line}: {count} cells for {columns} columns")
            )
            raise MissingDataError.of(
                template,
                name=name,
                line=str(number),
                count=str(len(row)),
                columns=str(len(header)),
            )
        values = dict(zip(header, row, strict=True))
        code = values.pop("code").strip()
        try:
            party = municipality(code)
        except UnknownMunicipalityError:
            raise MissingDataError.of(
                "{name}, line {line}: code {code} is not one of the parties; expected an SCB "
                "code such as '0126'",
                name=name,
                line=str(number),
                code=repr(code),
            ) from None
        if party in found:
            raise MissingDataError.of(
                "{name}, line {line}: a second row for {party}",
                name=name,
                line=str(number),
                party=party.name,
            )
        found[party] = InvoiceDetails(**values)
    return found


_CSS = """
@page { size: A4; margin: 20mm 18mm; }
body { font-family: "Helvetica Neue", Arial, sans-serif; font-size: 10.5pt; color: #111;
       max-width: 174mm; margin: 0 auto; }
h1 { font-size: 18pt; margin: 0 0 4mm; }
table.facts { border-collapse: collapse; width: 100%; margin: 4mm 0; }
table.facts th { text-align: left; font-weight: normal; color: #444; width: 45mm;
                 padding: 1.5mm 0; vertical-align: top; }
table.facts td { padding: 1.5mm 0; }
.amount { font-size: 16pt; font-weight: bold; }
ol { padding-left: 6mm; }
li { margin: 1mm 0; }
footer { margin-top: 10mm; font-size: 8.5pt; color: #555; }
@media print { a { color: inherit; text-decoration: none; } }
"""


def _fact(label: str, value: str, css: str = "") -> str:
    attribute = f" class='{css}'" if css else ""
    return f"<tr><th>{escape(label)}</th><td{attribute}>{escape(value)}</td></tr>"


def invoice_html(
    assessment: Assessed,
    party: Municipality | str,
    *,
    lang: str = "sv",
    details: InvoiceDetails | None = None,
) -> str:
    """One party's invoice page as a complete HTML document (A4 print CSS)."""
    lang = check_language(lang)
    if details is not None and not isinstance(details, InvoiceDetails):
        raise MissingDataError(f"details {details!r} is not InvoiceDetails")
    line = assessment.line(party)
    year = assessment.year
    payable = payable_by_or_none(assessment.due_date)
    title = gettext("Invoice: annual fee {year}", lang).format(year=year)
    facts = [
        _fact(gettext("Invoiced by", lang), gettext("Huddinge, for the committee", lang)),
        _fact(gettext("To", lang), line.party.name),
        _fact(gettext("Code", lang), line.party.code),
    ]
    if details is not None:
        for label, value in (
            (gettext("Invoice number", lang), details.invoice_number),
            (gettext("Organisation number", lang), details.organisation_number),
            (gettext("Address", lang), details.address),
            (gettext("Reference", lang), details.reference),
        ):
            if value:
                facts.append(_fact(label, value))
    facts += [
        _fact(gettext("Amount", lang), format_money(line.amount, lang), "amount"),
        _fact(gettext("Due date", lang), format_date(assessment.due_date, lang)),
    ]
    if payable is not None and payable != assessment.due_date:
        facts.append(_fact(gettext("Payable by", lang), format_date(payable, lang)))
    facts += [
        _fact(
            gettext("Population {date}", lang).format(
                date=format_date(reference_date(year - 1), lang)
            ),
            format_number(line.population, lang),
        ),
        _fact(
            gettext("Population source", lang),
            _explain.population_source_text(
                assessment.population_source, lang, _explain._sources(assessment)
            ),
        ),
        _fact(
            gettext("Rule", lang),
            f"{assessment.rule.describe(lang)} ({assessment.rule.source})",
        ),
    ]
    steps = "".join(
        f"<li>{escape(text)}</li>" for text in assessment_steps(assessment, line.party, lang)
    )
    # The messages outside the f-string, where every Python's extractor finds them.
    computed = gettext("How the fee was computed", lang)
    invoiced = gettext("Samarbetsavtal 2010, § 8: Huddinge invoices the parties.", lang)
    return (
        f"<!DOCTYPE html>\n<html lang='{lang}'><head><meta charset='utf-8'>"
        f"<title>{escape(title)}: {escape(line.party.name)}</title><style>{_CSS}</style>"
        f"</head><body><h1>{escape(title)}</h1>"
        f"<p>{escape(_explain.due_text(assessment.due_date, lang))}</p>"
        f"<table class='facts'>{''.join(facts)}</table>"
        f"<h2>{escape(computed)}</h2><ol>{steps}</ol>"
        f"<footer>{escape(invoiced)}"
        f" sodertorn {escape(__version__)}</footer></body></html>\n"
    )


def assessment_steps(assessment: Assessed, party: Municipality | str, lang: str) -> list[str]:
    """The derivation of *party*'s fee, one sentence a step."""
    # The heading and the rule are on the page already.
    return _explain.explain(assessment, party, lang).splitlines()[2:]


def _file_name(year: int, party: Municipality) -> str:
    return f"invoice-{year}-{party.code}.html"


def write_invoices(
    assessment: Assessed,
    directory: str | os.PathLike[str],
    *,
    lang: str = "sv",
    details: Mapping[Municipality, InvoiceDetails] | None = None,
) -> tuple[Path, ...]:
    """Write one invoice page per party, ``invoices.csv`` and ``invoices.json`` to *directory*.

    The pages are named ``invoice-YEAR-CODE.html``; the directory is made if missing.
    Returns the paths written, the pages first. *details* come from
    :func:`read_invoice_details`; a party without details gets none.
    """
    from pathlib import Path  # noqa: PLC0415 - pathlib only when files are written

    lang = check_language(lang)
    known = details or {}
    if not isinstance(directory, (str, os.PathLike)) or not os.fspath(directory):
        raise OutputError(f"directory {directory!r} is not a path")
    target = Path(os.fspath(directory))
    try:
        target.mkdir(parents=True, exist_ok=True)
        return _write(assessment, target, lang, known)
    except OSError as error:
        raise OutputError.of(
            "cannot write invoices to {directory}: {reason}",
            directory=repr(str(target)),
            reason=os_reason(error),
        ) from None


def _write(
    assessment: Assessed,
    target: Path,
    lang: str,
    known: Mapping[Municipality, InvoiceDetails],
) -> tuple[Path, ...]:
    written: list[Path] = []
    payable = payable_by_or_none(assessment.due_date)
    records: list[dict[str, Any]] = []
    for line in assessment.lines:
        extra = known.get(line.party)
        page = target / _file_name(assessment.year, line.party)
        page.write_text(
            invoice_html(assessment, line.party, lang=lang, details=extra), encoding="utf-8"
        )
        written.append(page)
        records.append(
            {
                "year": assessment.year,
                "code": line.party.code,
                "name": line.party.name,
                "population": line.population,
                "population_date": reference_date(assessment.year - 1).isoformat(),
                "amount": str(line.amount.amount),
                "due_date": assessment.due_date.isoformat(),
                "payable_by": payable.isoformat() if payable else None,
                "file": page.name,
                **(extra or InvoiceDetails()).to_dict(),
            }
        )
    summary_csv = target / "invoices.csv"
    with summary_csv.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=INVOICE_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for record in records:
            writer.writerow({k: "" if v is None else v for k, v in record.items()})
    summary_json = target / "invoices.json"
    summary_json.write_text(
        json.dumps(
            {
                "schema": INVOICES_SCHEMA,
                "year": assessment.year,
                "rule": assessment.rule.kind,
                "source": assessment.rule.source,
                "due_date": assessment.due_date.isoformat(),
                "payable_by": payable.isoformat() if payable else None,
                "population_source": assessment.population_source,
                "total": str(assessment.total.amount),
                "invoices": records,
            },
            ensure_ascii=False,
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )
    return (*written, summary_csv, summary_json)
