"""The agreement's subcommands.

``notice`` (§§ 2, 9), ``contributions`` (§ 7), ``meeting`` (§§ 3–4) and ``dissolve`` (§ 10).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sodertorn.cli import SUBCOMMANDS
from sodertorn.cli._i18n import DataError, Plain, UsageError, current, message
from sodertorn.cli._input import amount, date, party, read_text, reading, year
from sodertorn.cli._output import Column, Report
from sodertorn.cli._population import add_population, population, require_year
from sodertorn.cli.fees import FORMATS, add_trace, check_trace

if TYPE_CHECKING:
    import argparse
    import datetime

    from sodertorn.parties import Municipality

__all__ = ["contributions", "dissolve", "meeting", "notice", "register"]

ATTENDANCE = (
    ("in_room", message("in the room")),
    ("remote", message("by telephone or video")),
    ("absent", message("absent")),
)
"""How a member attends, in CSV and JSON, and as a table shows it."""

TEXT = ("text", "csv", "json")
"""The formats of the subcommands whose first output is an explanation."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``notice``, ``contributions``, ``meeting`` and ``dissolve`` to *subparsers*."""
    tr = current()

    parser = subparsers.add_parser(
        "notice",
        formats=TEXT,
        help=tr(SUBCOMMANDS["notice"][1]),
        description=tr(
            "The notice period, the last day as a party and the fee years still owed for a "
            "notice of withdrawal (Samarbetsavtal 2010, §§ 2, 8, 9)."
        ),
    )
    parser.add_argument(
        "--party",
        required=True,
        type=party,
        metavar=tr("PARTY"),
        help=tr("the municipality: name or SCB code"),
    )
    parser.add_argument(
        "--council-decision",
        required=True,
        type=date,
        metavar=tr("DATE"),
        help=tr("the date the municipal council decided, YYYY-MM-DD"),
    )
    parser.add_argument(
        "--received",
        required=True,
        type=date,
        metavar=tr("DATE"),
        help=tr("the date the chair received the notice, YYYY-MM-DD"),
    )
    parser.set_defaults(func=notice)

    parser = subparsers.add_parser(
        "contributions",
        formats=FORMATS,
        help=tr(SUBCOMMANDS["contributions"][1]),
        description=tr(
            "Split the cost of a common project outside the budget between the parties in "
            "proportion to their population on 31 December of the year before the "
            "committee's decision (Samarbetsavtal 2010, § 7)."
        ),
    )
    parser.add_argument(
        "cost", type=amount, metavar=tr("AMOUNT"), help=tr("the cost in kronor, such as 500000")
    )
    parser.add_argument(
        "--decided",
        required=True,
        type=date,
        metavar=tr("DATE"),
        help=tr("the date the committee decided on the project, YYYY-MM-DD"),
    )
    _add_unit(parser)
    add_population(parser)
    _add_explain(parser)
    add_trace(parser)
    parser.set_defaults(func=contributions)

    parser = subparsers.add_parser(
        "meeting",
        formats=TEXT,
        help=tr(SUBCOMMANDS["meeting"][1]),
        description=tr(
            "Whether a committee meeting is quorate (at least half of the members present, "
            "in the room or by telephone or video, § 3) and, for an extra meeting, whether "
            "it was validly called (by the chair, or asked for by at least five members, § 4)."
        ),
    )
    parser.add_argument(
        "--date",
        required=True,
        type=date,
        metavar=tr("DATE"),
        help=tr("the meeting's date, YYYY-MM-DD"),
    )
    for option, text in (
        ("--present", message("the members in the room, by party")),
        ("--remote", message("the members taking part by telephone or video, by party")),
        ("--requested-by", message("the members who asked for an extra meeting, by party")),
    ):
        parser.add_argument(
            option, nargs="+", default=[], type=party, metavar=tr("PARTY"), help=tr(text)
        )
    parser.add_argument(
        "--called-by",
        type=party,
        metavar=tr("PARTY"),
        help=tr("the member who called an extra meeting (needs --chair)"),
    )
    parser.add_argument(
        "--chair",
        type=party,
        metavar=tr("PARTY"),
        help=tr("the party whose member chairs the committee that year (§ 3)"),
    )
    parser.set_defaults(func=meeting)

    parser = subparsers.add_parser(
        "dissolve",
        formats=FORMATS,
        help=tr(SUBCOMMANDS["dissolve"][1]),
        description=tr(
            "Split every asset and liability between the parties by population on 31 "
            "December of the year before the decision (Samarbetsavtal 2010, § 10). The "
            "items are CSV with the header name,amount (liabilities negative) or JSON."
        ),
    )
    parser.add_argument(
        "--items",
        required=True,
        metavar=tr("FILE"),
        help=tr("the assets and liabilities: CSV (name,amount) or JSON; '-' reads standard input"),
    )
    parser.add_argument(
        "--year",
        type=year,
        metavar=tr("YEAR"),
        help=tr(
            "the year of the dissolution decision (population on 31 December the year "
            "before); default: the year after the latest count"
        ),
    )
    _add_unit(parser)
    add_population(parser)
    _add_explain(parser)
    add_trace(parser)
    parser.set_defaults(func=dissolve)


def _add_unit(parser: argparse.ArgumentParser) -> None:
    tr = current()
    parser.add_argument(
        "--unit",
        choices=("krona", "ore"),
        default="krona",
        help=tr("the unit of the shares: whole kronor (default) or öre"),
    )


def _add_explain(parser: argparse.ArgumentParser) -> None:
    tr = current()
    parser.add_argument(
        "--explain",
        action="store_true",
        help=tr("explain the derivation (with --format table or json)"),
    )


LAST_YEAR = 9998
"""The last year a notice can be received in: its period ends in the year after next."""


def _require_in_force(day: datetime.date, option: str) -> None:
    """Refuse, in the user's language, a date before the agreement came into force (§ 2)."""
    from sodertorn.agreement.terms import IN_FORCE_FROM  # noqa: PLC0415

    if day < IN_FORCE_FROM:
        raise DataError(
            "{option} {day} is before the agreement came into force on {start} (§ 2)",
            option=Plain(option),
            day=Plain(day.isoformat()),
            start=Plain(IN_FORCE_FROM.isoformat()),
        )


def _party(party: Municipality) -> dict[str, str]:
    return {"code": party.code, "name": party.name}


def notice(args: argparse.Namespace) -> Report:
    """A notice's period, last day and fee years still owed."""
    from sodertorn.agreement.notice import Notice  # noqa: PLC0415

    if args.received < args.council_decision:
        raise DataError(
            "--received {received} is before --council-decision {decided}; the chair can "
            "only receive a notice the council has decided (§ 2)",
            received=Plain(args.received.isoformat()),
            decided=Plain(args.council_decision.isoformat()),
        )
    _require_in_force(args.received, "--received")
    if args.received.year > LAST_YEAR:
        raise DataError(
            "--received {received} is too late: the notice period would end after the last "
            "date the calendar has",
            received=Plain(args.received.isoformat()),
        )
    given = Notice(
        party=args.party,
        council_decision_date=args.council_decision,
        received_by_chair=args.received,
    )
    document = {
        "party": _party(given.party),
        "council_decision_date": args.council_decision.isoformat(),
        "received_by_chair": given.received_by_chair.isoformat(),
        "period_start": given.period_start.isoformat(),
        "period_end": given.period_end.isoformat(),
        "last_day": given.last_day.isoformat(),
        "fee_years_owed": list(given.fee_years_owed),
        "refund": str(given.refund.amount),
        "reasons": [{"section": r.section, "text": r.text(args.lang)} for r in given.reasons()],
    }
    columns = (
        Column("code", message("Code"), "code"),
        Column("name", message("Municipality")),
        Column("received_by_chair", message("Received"), "date"),
        Column("period_start", message("Notice period from"), "date"),
        Column("period_end", message("Notice period to"), "date"),
        Column("last_day", message("Last day as a party"), "date"),
        Column("fee_years_owed", message("Fee years owed")),
        Column("refund", message("Refund"), "money"),
    )
    row = (
        given.party.code,
        given.party.name,
        given.received_by_chair,
        given.period_start,
        given.period_end,
        given.last_day,
        " ".join(str(y) for y in given.fee_years_owed),
        given.refund,
    )
    return Report(
        kind="notice",
        document=document,
        columns=columns,
        rows=(row,),
        texts={"text": lambda: given.explain(args.lang) + "\n"},
    )


def _weights_table(
    rows: list[tuple[Municipality, int, Any]],
    total: tuple[int, Any],
    amount_label: str,
    population_date: datetime.date,
) -> tuple[tuple[Column, ...], tuple[tuple[object, ...], ...], tuple[object, ...]]:
    columns = (
        Column("code", message("Code"), "code"),
        Column("name", message("Municipality")),
        Column("population", message("Inhabitants {date}"), "count", (("date", population_date),)),
        Column("amount", amount_label, "money"),
    )
    body = tuple((p.code, p.name, count, value) for p, count, value in rows)
    return columns, body, ("", message("Total"), *total)


def contributions(args: argparse.Namespace) -> Report:
    """Each party's special contribution to a project's cost (§ 7)."""
    from sodertorn.agreement.financing import special_contributions  # noqa: PLC0415
    from sodertorn.money import SEK, Unit  # noqa: PLC0415

    unit = Unit.ORE if args.unit == "ore" else Unit.KRONA
    if unit is Unit.KRONA and args.cost != args.cost.to_integral_value():
        raise UsageError("the cost {cost} has öre; add --unit ore", cost=str(args.cost))
    trace = check_trace(args)
    _require_in_force(args.decided, "--decided")
    register = population(args.population)
    require_year(register, args.decided.year - 1, args.population)
    split = special_contributions(
        SEK(args.cost), decided_on=args.decided, population=register, unit=unit
    )
    columns, rows, total = _weights_table(
        [(p, split.weights[p], split.amounts[p]) for p in split.parties],
        (sum(split.weights.values()), split.total),
        message("Contribution"),
        split.population_date,
    )
    return Report(
        kind="contributions",
        document=split.to_dict(trace=trace),
        excel=lambda path, lang: split.to_excel(path, lang=lang),
        columns=columns,
        rows=rows,
        total=total,
        notes=lambda: (split.explain(args.lang).splitlines()[0],),
        explanation=split.explain(args.lang) if args.explain else None,
    )


def meeting(args: argparse.Namespace) -> Report:
    """Whether a meeting is quorate and, if extra, validly called (§§ 3–4)."""
    from sodertorn.agreement.meetings import Meeting, MeetingKind  # noqa: PLC0415
    from sodertorn.agreement.membership import Agreement, Election  # noqa: PLC0415
    from sodertorn.agreement.terms import EXTRA_MEETING_REQUESTERS  # noqa: PLC0415

    _require_in_force(args.date, "--date")
    both = sorted(set(args.present) & set(args.remote))
    if both:
        raise UsageError(
            "{party} is given both with --present and with --remote; a member is either in "
            "the room or on the line",
            party=Plain(both[0].name),
        )
    extra = bool(args.requested_by) or args.called_by is not None
    agreement = Agreement()
    if args.chair is not None:
        members = agreement.parties_on(args.date)
        # Only the chair decides whether a meeting was called validly (§ 4); the
        # election also names a vice chair, which nothing here reads or shows.
        vice = next(p for p in members if p != args.chair)
        agreement = agreement.with_election(
            Election(elected_on=args.date, chair=args.chair, vice_chair=vice)
        )
    elif args.called_by is not None and len(set(args.requested_by)) < EXTRA_MEETING_REQUESTERS:
        raise UsageError(
            "--called-by needs --chair: whether the caller is the chair decides the call (§ 4)"
        )
    held = Meeting(
        date=args.date,
        kind=MeetingKind.EXTRA if extra else MeetingKind.ORDINARY,
        in_room=set(args.present),
        remote=set(args.remote),
        called_by=args.called_by,
        requested_by=set(args.requested_by),
        agreement=agreement,
    )
    document = {
        "date": held.date.isoformat(),
        "kind": held.kind.name.lower(),
        "members": [_party(p) for p in held.members],
        "in_room": [_party(p) for p in sorted(held.in_room)],
        "remote": [_party(p) for p in sorted(held.remote)],
        "requested_by": [_party(p) for p in sorted(held.requested_by)],
        "called_by": None if held.called_by is None else _party(held.called_by),
        "chair": None if args.chair is None else _party(args.chair),
        "present": len(held.present),
        "quorum": held.quorum,
        "quorate": held.is_quorate,
        "validly_called": held.is_validly_called,
        "reasons": [{"section": r.section, "text": r.text(args.lang)} for r in held.reasons()],
    }
    attendance = {
        **dict.fromkeys(held.in_room, "in_room"),
        **dict.fromkeys(held.remote, "remote"),
    }
    columns = (
        Column("code", message("Code"), "code"),
        Column("name", message("Member")),
        Column("attendance", message("Attendance"), "term", terms=ATTENDANCE),
        Column("requested", message("Requested the meeting"), "bool"),
    )
    rows = tuple(
        (p.code, p.name, attendance.get(p, "absent"), p in held.requested_by) for p in held.members
    )
    return Report(
        kind="meeting",
        document=document,
        columns=columns,
        rows=rows,
        texts={"text": lambda: held.explain(args.lang) + "\n"},
    )


def dissolve(args: argparse.Namespace) -> Report:
    """Each party's share of the committee's assets and liabilities (§ 10)."""
    from sodertorn.agreement.dissolution import split_items  # noqa: PLC0415
    from sodertorn.agreement.items import read_items  # noqa: PLC0415
    from sodertorn.money import SEK, Unit  # noqa: PLC0415

    trace = check_trace(args)
    text, source = read_text(args.items, message("items file"))
    with reading(source):
        items = read_items(text, source=source)
    for item in items:
        if args.unit != "ore" and item.amount.ore % 100:
            # The library's own refusal names its Python argument; this names the option.
            raise UsageError(
                "{file}: the item {name} has öre ({amount}); add --unit ore",
                file=source,
                name=item.name,
                amount=Plain(str(item.amount.amount)),
            )
    register = population(args.population)
    decision_year = register.years[-1] + 1 if args.year is None else args.year
    require_year(register, decision_year - 1, args.population)
    statement = split_items(
        items,
        population_year=decision_year - 1,
        population=register,
        unit=Unit.ORE if args.unit == "ore" else Unit.KRONA,
    )
    parties = statement.statements
    document = {"decision_year": decision_year, **statement.to_dict(trace=trace)}
    columns = (
        Column("code", message("Code"), "code"),
        Column("name", message("Party")),
        Column(
            "population",
            message("Inhabitants {date}"),
            "count",
            (("date", statement.population_date),),
        ),
        Column("assets", message("Assets"), "money"),
        Column("liabilities", message("Liabilities"), "money"),
        Column("net", message("Net"), "money"),
    )
    rows = tuple(
        (s.party.code, s.party.name, s.population, s.assets, s.liabilities, s.net) for s in parties
    )
    total = (
        "",
        message("Total"),
        sum(s.population for s in parties),
        SEK.total(s.assets for s in parties),
        SEK.total(s.liabilities for s in parties),
        SEK.total(s.net for s in parties),
    )
    return Report(
        kind="dissolution",
        document=document,
        excel=lambda path, lang: statement.to_excel(path, lang=lang),
        columns=columns,
        rows=rows,
        total=total,
        heading=lambda: (statement.explain(args.lang).split("\n\n", 1)[0],),
        explanation=statement.explain(args.lang) if args.explain else None,
    )
