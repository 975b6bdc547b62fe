"""``sodertorn fees [YEAR | FIRST-LAST]``: the annual fee of every party (Samarbetsavtal 2010, § 8)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sodertorn.cli import SUBCOMMANDS
from sodertorn.cli._i18n import (
    DataError,
    Joined,
    UsageError,
    current,
    message,
    translator,
)
from sodertorn.cli._input import party, years
from sodertorn.cli._output import Column, Report
from sodertorn.cli._population import add_population, population, require_year

if TYPE_CHECKING:
    import argparse

    from sodertorn.fees import FeeAssessment, FeeHistory

__all__ = ["FORMATS", "add_trace", "check_trace", "fees", "register", "require_rule"]

FORMATS = ("table", "csv", "json", "xlsx")
"""The formats of the subcommands whose results have a workbook of their own."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``fees`` subcommand to *subparsers*."""
    tr = current()
    parser = subparsers.add_parser(
        "fees",
        formats=FORMATS,
        help=tr(SUBCOMMANDS["fees"][1]),
        description=tr(
            "The annual fee of every party for a fee year, or for every fee year of a "
            "span (Samarbetsavtal 2010, § 8)."
        ),
    )
    parser.add_argument(
        "years",
        nargs="?",
        type=years,
        metavar=tr("YEAR"),
        help=tr(
            "fee year, or a span such as 2010-2025 (default: the latest the population data allows)"
        ),
    )
    add_population(parser)
    parser.add_argument(
        "--explain",
        nargs="?",
        const=True,
        type=party,
        metavar=tr("PARTY"),
        help=tr("explain the derivation, of one party if named (table or json)"),
    )
    add_trace(parser)
    parser.set_defaults(func=fees)


def add_trace(parser: argparse.ArgumentParser) -> None:
    """Add ``--trace``: the derivation as data, in the JSON document."""
    tr = current()
    parser.add_argument(
        "--trace",
        action="store_true",
        help=tr("with --format json: the derivation as data, every step and exact value"),
    )


def check_trace(args: argparse.Namespace) -> bool:
    """Whether ``--trace`` was given; a usage error unless the format is JSON."""
    if args.trace and args.format != "json":
        raise UsageError("--trace needs --format json")
    return bool(args.trace)


def fees(args: argparse.Namespace) -> Report:
    """The fees of a year or a span of years as a report."""
    from sodertorn.fees import annual_fees  # noqa: PLC0415

    trace = check_trace(args)
    register = population(args.population)
    first, last = args.years if args.years is not None else (register.years[-1] + 1, None)
    for fee_year in range(first, (last or first) + 1):
        require_rule(fee_year, args.lang)
        require_year(register, fee_year - 1, args.population)
    if last is None:
        return _year(annual_fees(first, register), args, trace=trace)
    if args.explain not in (None, True):
        raise UsageError("--explain PARTY needs one fee year; give --explain alone for a span")
    from sodertorn.fees.history import fee_history  # noqa: PLC0415 - only for a span

    return _history(fee_history(first, last, population=register), args, trace=trace)


def require_rule(fee_year: int, lang: str) -> None:
    """Refuse, in the user's language, a fee year that no rule of the schedule covers."""
    from sodertorn.fees import FeeSchedule  # noqa: PLC0415

    rules = FeeSchedule.default().rules
    if any(rule.covers(fee_year) for rule in rules):
        return
    tr = translator(lang)
    spans = Joined(
        f"{rule.first_year}–{rule.last_year}"
        if rule.last_year is not None
        else tr(message("from {year}")).format(year=rule.first_year)
        for rule in rules
    )
    raise DataError(
        "no fee rule for fee year {year}; the rules cover the fee years {spans}",
        year=fee_year,
        spans=spans,
    )


def _notes(assessment: FeeAssessment, lang: str) -> tuple[str, ...]:
    """The rule, the due date, the banking day when payment may wait, and the population's source."""
    from sodertorn.fees.banking import payable_by_or_none  # noqa: PLC0415
    from sodertorn.fees.explain import due_text, source_lines  # noqa: PLC0415 - Babel
    from sodertorn.i18n import format_date  # noqa: PLC0415

    rule = translator(lang)(message("Rule: {rule} ({source}). Due {due}.")).format(
        rule=assessment.rule.describe(lang),
        source=assessment.rule.source,
        due=format_date(assessment.due_date, lang),
    )
    payable = payable_by_or_none(assessment.due_date)
    sources = tuple(source_lines(assessment, lang))
    if payable is None or payable == assessment.due_date:
        return (rule, *sources)
    return (rule, due_text(assessment.due_date, lang), *sources)


def _year(assessment: FeeAssessment, args: argparse.Namespace, *, trace: bool) -> Report:
    lang: str = args.lang
    explanation = None
    if args.explain is not None:
        explanation = assessment.explain(None if args.explain is True else args.explain, lang=lang)
    columns = (
        Column("code", message("Code"), "code"),
        Column("name", message("Municipality")),
        Column(
            "population",
            message("Population {date}"),
            "count",
            (("date", assessment.population_date),),
        ),
        Column("amount", message("Fee {year}"), "money", (("year", assessment.year),)),
        Column("population_source", message("Population source"), in_table=False),
    )
    source = assessment.population_source
    return Report(
        kind="fees",
        document=assessment.to_dict(trace=trace),
        columns=columns,
        rows=tuple(
            (line.party.code, line.party.name, line.population, line.amount, source)
            for line in assessment.lines
        ),
        total=(
            "",
            message("Total"),
            sum(line.population for line in assessment.lines),
            assessment.total,
            "",
        ),
        notes=lambda: _notes(assessment, lang),
        excel=lambda path, lang: assessment.to_excel(path, lang=lang),
        explanation=explanation,
    )


def _history(history: FeeHistory, args: argparse.Namespace, *, trace: bool) -> Report:
    from sodertorn.money import SEK  # noqa: PLC0415

    lang: str = args.lang
    columns = (
        Column("year", message("Fee year")),
        Column("code", message("Code"), "code"),
        Column("name", message("Municipality")),
        Column("population", message("Inhabitants"), "count"),
        Column("amount", message("Fee"), "money"),
        Column("rule", message("Rule")),
        Column("population_source", message("Population source"), in_table=False),
    )
    rows = tuple(
        (
            a.year,
            line.party.code,
            line.party.name,
            line.population,
            line.amount,
            a.rule.kind,
            a.population_source,
        )
        for a in history
        for line in a.lines
    )
    return Report(
        kind="fee-history",
        document=history.to_dict(trace=trace),
        columns=columns,
        rows=rows,
        total=("", "", message("Total"), None, SEK.total(a.total for a in history), "", ""),
        notes=lambda: tuple(history.explain(lang=lang).splitlines()),
        excel=lambda path, lang: history.to_excel(path, lang=lang),
        explanation=history.explain(lang=lang) if args.explain is not None else None,
    )
