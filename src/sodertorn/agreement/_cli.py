"""The agreement's command-line subcommands: ``notice`` and ``dissolve``.

:func:`register` adds them to the main parser's subparsers; each handler prints to
standard output and returns 0, and raises a :class:`~sodertorn.SodertornError` for bad
input.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import os
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sodertorn.agreement.dissolution import DissolutionStatement, Item, split_items
from sodertorn.agreement.notice import Notice
from sodertorn.agreement.reasons import message
from sodertorn.errors import DissolutionError, InvalidAmountError, NoticeError
from sodertorn.i18n import LANGUAGES, format_date, format_money, format_number, gettext
from sodertorn.money import SEK, Unit
from sodertorn.population import Population

if TYPE_CHECKING:
    import argparse

    from sodertorn.parties import Municipality

__all__ = ["register"]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``notice`` and ``dissolve`` subcommands to *subparsers*."""
    notice = subparsers.add_parser(
        "notice",
        help="date a notice of withdrawal (Samarbetsavtal 2010, §§ 2, 9)",
        description="Print the notice period, the last day as a party and the fee years "
        "still owed for a notice of withdrawal (Samarbetsavtal 2010, §§ 2, 8, 9).",
    )
    notice.add_argument("--party", required=True, help="the municipality: name or SCB code")
    notice.add_argument(
        "--council-decision", required=True, help="date the council decided, YYYY-MM-DD"
    )
    notice.add_argument("--received", required=True, help="date the chair received it, YYYY-MM-DD")
    notice.add_argument(
        "--lang", choices=LANGUAGES, default="sv", help="language of the output (default: sv)"
    )
    notice.add_argument("--format", choices=("text", "json"), default="text", dest="output")
    notice.set_defaults(func=notice_command)

    dissolve = subparsers.add_parser(
        "dissolve",
        help="split assets and liabilities on dissolution (Samarbetsavtal 2010, § 10)",
        description="Split every asset and liability between the parties by population "
        "on 31 December of the year before the decision (Samarbetsavtal 2010, § 10). "
        "ITEMS is CSV with the header name,amount (liabilities negative) or JSON.",
    )
    dissolve.add_argument("--items", required=True, help="CSV (name,amount) or JSON file")
    dissolve.add_argument(
        "--year",
        type=int,
        help="year of the dissolution decision (population on 31 Dec the year before); "
        "default: the year after the latest count",
    )
    dissolve.add_argument("--unit", choices=("krona", "ore"), default="krona")
    dissolve.add_argument(
        "--lang", choices=LANGUAGES, default="sv", help="language of the output (default: sv)"
    )
    dissolve.add_argument("--format", choices=("table", "json"), default="table", dest="output")
    dissolve.set_defaults(func=dissolve_command)


def _date(text: str, what: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text.strip())
    except ValueError:
        raise NoticeError(f"{what} {text!r} is not a date; expected YYYY-MM-DD") from None


def _party_json(party: Municipality) -> dict[str, str]:
    return {"code": party.code, "name": party.name}


def notice_command(args: argparse.Namespace) -> int:
    """Print a notice's period, last day and fee years still owed."""
    notice = Notice(
        party=args.party,
        council_decision_date=_date(args.council_decision, "council decision date"),
        received_by_chair=_date(args.received, "date of receipt"),
    )
    if args.output == "json":
        print(
            json.dumps(
                {
                    "party": _party_json(notice.party),
                    "council_decision_date": notice.council_decision_date.isoformat()
                    if notice.council_decision_date
                    else None,
                    "received_by_chair": notice.received_by_chair.isoformat(),
                    "period_start": notice.period_start.isoformat(),
                    "period_end": notice.period_end.isoformat(),
                    "last_day": notice.last_day.isoformat(),
                    "fee_years_owed": list(notice.fee_years_owed),
                    "refund": str(notice.refund.amount),
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        print(notice.explain(args.lang))
    return 0


def _amount(value: object, name: str, where: str) -> SEK:
    if isinstance(value, (int, str, Decimal)) and not isinstance(value, bool):
        try:
            return SEK(value)
        except InvalidAmountError as error:
            raise DissolutionError(f"{where}: amount of {name!r}: {error}") from None
    raise DissolutionError(
        f"{where}: amount {value!r} of {name!r} is not a number; expected kronor such as "
        f"'-250000' or '1000.50'"
    )


def read_items(text: str, *, source: str = "<items>") -> tuple[Item, ...]:
    """Read items from CSV (``name,amount``) or JSON (a list of objects, or an object).

    JSON may be ``[{"name": ..., "amount": ...}, ...]`` or ``{"name": amount, ...}``;
    amounts are kronor (negative for liabilities), numbers or strings, read exactly.
    """
    stripped = text.lstrip("\ufeff").strip()
    if stripped.startswith(("[", "{")):
        return _read_json(stripped, source)
    rows = [
        (number, row)
        for number, row in enumerate(csv.reader(io.StringIO(stripped)), start=1)
        if row and not row[0].lstrip().startswith("#")
    ]
    if not rows or [c.strip().lower() for c in rows[0][1]] != ["name", "amount"]:
        raise DissolutionError(
            f"{source}: expected a CSV header 'name,amount', got "
            f"{','.join(rows[0][1]) if rows else 'nothing'!r}"
        )
    items: list[Item] = []
    for number, row in rows[1:]:
        where = f"{source}: line {number}"
        if len(row) != 2:
            raise DissolutionError(f"{where}: expected 2 fields (name,amount), got {len(row)}")
        name = row[0].strip()
        items.append(Item(name=name, amount=_amount(row[1].strip(), name, where)))
    return tuple(items)


def _read_json(text: str, source: str) -> tuple[Item, ...]:
    try:
        data: Any = json.loads(text, parse_float=Decimal)
    except ValueError as error:
        raise DissolutionError(f"{source}: not valid JSON: {error}") from None
    if isinstance(data, dict):
        pairs = list(data.items())
    elif isinstance(data, list) and all(
        isinstance(entry, dict) and set(entry) == {"name", "amount"} for entry in data
    ):
        pairs = [(entry["name"], entry["amount"]) for entry in data]
    else:
        raise DissolutionError(
            f'{source}: expected a JSON list of {{"name": ..., "amount": ...}} or an '
            f"object of name: amount"
        )
    return tuple(
        Item(name=name, amount=_amount(amount, str(name), f"{source}: item {index}"))
        for index, (name, amount) in enumerate(pairs, start=1)
    )


def _table(statement: DissolutionStatement, lang: str) -> str:
    party, *amounts = (gettext(h, lang) for h in _HEADERS)
    inhabitants = gettext("Inhabitants {date}", lang).format(
        date=format_date(datetime.date(statement.population_year, 12, 31), lang)
    )
    headers = [party, inhabitants, *amounts]
    rows = [
        [
            s.party.name,
            format_number(s.population, lang),
            format_money(s.assets, lang),
            format_money(s.liabilities, lang),
            format_money(s.net, lang),
        ]
        for s in statement.statements
    ]
    rows.append(
        [
            gettext("Total", lang),
            format_number(sum(s.population for s in statement.statements), lang),
            format_money(SEK.total(s.assets for s in statement.statements), lang),
            format_money(SEK.total(s.liabilities for s in statement.statements), lang),
            format_money(SEK.total(s.net for s in statement.statements), lang),
        ]
    )
    widths = [max(len(r[i]) for r in [headers, *rows]) for i in range(len(headers))]
    lines = [
        "  ".join(
            cell.ljust(width) if i == 0 else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        )
        for row in [headers, *rows]
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


_HEADERS = (
    message("Party"),
    message("Assets"),
    message("Liabilities"),
    message("Net"),
)


def dissolve_command(args: argparse.Namespace) -> int:
    """Print each party's share of the committee's assets and liabilities."""
    try:
        with open(args.items, encoding="utf-8-sig") as handle:
            text = handle.read()
    except OSError as error:
        raise DissolutionError(
            f"cannot read items file {os.fspath(args.items)!r}: {error.strerror}"
        ) from None
    items = read_items(text, source=os.fspath(args.items))
    population = Population.builtin()
    year = population.years[-1] + 1 if args.year is None else args.year
    statement = split_items(
        items,
        population_year=year - 1,
        population=population,
        unit=Unit.ORE if args.unit == "ore" else Unit.KRONA,
    )
    if args.output == "json":
        print(
            json.dumps(
                {
                    "decision_year": year,
                    "population_year": statement.population_year,
                    "unit": args.unit,
                    "parties": [
                        {
                            **_party_json(s.party),
                            "population": s.population,
                            "shares": {name: str(share.amount) for name, share in s.shares},
                            "assets": str(s.assets.amount),
                            "liabilities": str(s.liabilities.amount),
                            "net": str(s.net.amount),
                        }
                        for s in statement.statements
                    ],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        print(statement.explain(args.lang).split("\n\n", 1)[0])
        print()
        print(_table(statement, args.lang))
    return 0
