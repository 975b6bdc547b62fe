"""``sodertorn fees [YEAR]``: the annual fee of every party (Samarbetsavtal 2010, § 8)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sodertorn.cli import SUBCOMMANDS
from sodertorn.cli._i18n import current, message, translator
from sodertorn.cli._input import party, year
from sodertorn.cli._output import Column, Report
from sodertorn.cli._population import add_population, population

if TYPE_CHECKING:
    import argparse

__all__ = ["fees", "register"]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``fees`` subcommand to *subparsers*."""
    tr = current()
    parser = subparsers.add_parser(
        "fees",
        help=tr(SUBCOMMANDS["fees"][1]),
        description=tr("The annual fee of every party for a fee year (Samarbetsavtal 2010, § 8)."),
    )
    parser.add_argument(
        "year",
        nargs="?",
        type=year,
        metavar=tr("YEAR"),
        help=tr("fee year (default: the latest the population data allows)"),
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
    parser.set_defaults(func=fees)


def fees(args: argparse.Namespace) -> Report:
    """The fees of ``args.year`` as a report: one row a party, the total, the rule."""
    from sodertorn.fees import annual_fees  # noqa: PLC0415
    from sodertorn.population import reference_date  # noqa: PLC0415

    lang: str = args.lang
    register = population(args.population)
    fee_year = args.year if args.year is not None else register.years[-1] + 1
    assessment = annual_fees(fee_year, register)
    explanation = None
    if args.explain is not None:
        explanation = assessment.explain(None if args.explain is True else args.explain, lang=lang)
    document = {
        "year": assessment.year,
        "rule": assessment.rule.kind,
        "source": assessment.rule.source,
        "due_date": assessment.due_date.isoformat(),
        "population_year": assessment.year - 1,
        "population_source": assessment.population_source,
        "unit": assessment.unit.label,
        "rounding": assessment.rounding.value,
        "total": str(assessment.total.amount),
        "fees": [
            {
                "code": line.party.code,
                "name": line.party.name,
                "population": line.population,
                "amount": str(line.amount.amount),
            }
            for line in assessment.lines
        ],
    }
    columns = (
        Column("code", message("Code"), "code"),
        Column("name", message("Municipality")),
        Column(
            "population",
            message("Population {date}"),
            "count",
            (("date", reference_date(assessment.year - 1)),),
        ),
        Column("amount", message("Fee {year}"), "money", (("year", assessment.year),)),
    )

    def notes() -> tuple[str, ...]:
        from sodertorn.i18n import format_date  # noqa: PLC0415 - Babel, for a table only

        rule = translator(lang)(message("Rule: {rule} ({source}). Due {due}.")).format(
            rule=assessment.rule.describe(lang),
            source=assessment.rule.source,
            due=format_date(assessment.due_date, lang),
        )
        return (rule,)

    return Report(
        kind="fees",
        document=document,
        columns=columns,
        rows=tuple(
            (line.party.code, line.party.name, line.population, line.amount)
            for line in assessment.lines
        ),
        total=(
            "",
            message("Total"),
            sum(line.population for line in assessment.lines),
            assessment.total,
        ),
        notes=notes,
        explanation=explanation,
    )
