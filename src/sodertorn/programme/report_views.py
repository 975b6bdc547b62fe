"""The yearly report in words: plain text, Markdown, HTML and an Excel workbook.

:class:`~sodertorn.programme.YearReport` is the value (:mod:`sodertorn.programme.report`);
this module renders it, in Swedish or English, and is handed to its ``to_text``,
``to_markdown``, ``to_html`` and ``to_xlsx`` by :mod:`sodertorn.programme`.
"""

from __future__ import annotations

import html
import io
from typing import TYPE_CHECKING

from sodertorn.errors import FollowUpError
from sodertorn.i18n import format_date, format_number, gettext, join_list
from sodertorn.programme.indicators import Direction

if TYPE_CHECKING:
    from collections.abc import Iterable
    from decimal import Decimal

    from sodertorn.programme.model import Node
    from sodertorn.programme.plan import Activity
    from sodertorn.programme.report import ActivityLine, IndicatorLine, YearReport

__all__ = ["report_html", "report_markdown", "report_text", "report_xlsx"]


# -- words ---------------------------------------------------------------------------------


def _joined(items: Iterable[str], lang: str) -> str:
    """*items* as a list in words: "a, b and c" ("a, b och c")."""
    return join_list(items, lang)


def _title(yearly: YearReport, lang: str) -> str:
    return gettext("Yearly report {year}: {plan} ({programme})", lang).format(
        year=yearly.year,
        plan=yearly.plan.title.get(lang),
        programme=yearly.plan.programme.short_name,
    )


def _node_text(node: Node, lang: str) -> str:
    text = node.text.get(lang)
    if node.title is not None:
        text = f"{node.title.get(lang)} – {text}"
    return f"{gettext(node.kind.label, lang)}: {text}"


def _status(line: ActivityLine, lang: str) -> str:
    if line.status is None:
        return gettext("no information", lang)
    return f"{gettext(line.status.status.label, lang)}, {format_date(line.status.date, lang)}"


def _continues(activity: Activity, lang: str) -> str | None:
    if activity.continues is None:
        return None
    if activity.continues.activity is None:
        return gettext("continues from {year}", lang).format(year=activity.continues.year)
    return gettext("continues {activity} from {year}", lang).format(
        activity=activity.continues.activity, year=activity.continues.year
    )


def _number(line: IndicatorLine, value: Decimal, lang: str) -> str:
    return f"{format_number(value, lang)} {line.indicator.unit}"


def _indicator(line: IndicatorLine, year: int, lang: str) -> str:
    indicator = line.indicator
    parts = []
    if line.value is None:
        parts.append(gettext("no value for {year}", lang).format(year=year))
    else:
        parts.append(
            gettext("{value} in {year} (source: {source})", lang).format(
                value=_number(line, line.value.value, lang), year=year, source=line.value.source
            )
        )
    if indicator.baseline is not None:
        parts.append(
            gettext("baseline {value} ({year})", lang).format(
                value=_number(line, indicator.baseline.value, lang), year=indicator.baseline.year
            )
        )
    if indicator.target is not None:
        parts.append(
            gettext("target {value} ({year})", lang).format(
                value=_number(line, indicator.target.value, lang), year=indicator.target.year
            )
        )
    if line.value is not None and indicator.baseline is not None:
        parts.append(_trend(line.value.value - indicator.baseline.value, indicator.direction, lang))
    parts.append(
        gettext("higher is better", lang)
        if indicator.direction is Direction.INCREASE
        else gettext("lower is better", lang)
    )
    return f"{indicator.name.get(lang)}: " + "; ".join(parts)


def _trend(change: Decimal, direction: Direction, lang: str) -> str:
    if change == 0:
        return gettext("same as the baseline", lang)
    rising = change > 0
    if rising == (direction is Direction.INCREASE):
        return gettext("better than the baseline", lang)
    return gettext("worse than the baseline", lang)


def _ids(activities: Iterable[Activity], code: str = "") -> list[str]:
    return [f"{code}{activity.id}{code}" for activity in activities]


def _summary(yearly: YearReport, lang: str, code: str = "") -> list[tuple[str, list[str]]]:
    """The closing sections: (heading, items); activity ids between *code* marks."""
    return [
        (gettext("Activities without a status", lang), _ids(yearly.without_status, code)),
        (
            gettext("Goals without an activity", lang),
            [_node_text(node, lang) for node in yearly.goals_without_activity],
        ),
        (
            gettext("Carried over into next year (not done, not cancelled)", lang),
            _ids(yearly.carried_over, code),
        ),
    ]


def _revenue(yearly: YearReport, lang: str) -> str:
    if yearly.plan.budget is None:
        return gettext("The plan has no budget.", lang)
    if yearly.revenue is None:
        return gettext(
            "The fees of {year} cannot be assessed from the population data.", lang
        ).format(year=yearly.year)
    return yearly.revenue.explain(lang)


# -- text ----------------------------------------------------------------------------------


def report_text(yearly: YearReport, lang: str) -> str:
    """The report as plain text, indented by the goal tree, in *lang*."""
    programme = yearly.plan.programme
    lines = [
        _title(yearly, lang),
        f"{gettext('Vision', lang)}: {programme.vision.get(lang)}",
        "",
    ]
    network_label = gettext("Network", lang)
    activity_label = gettext("Activity", lang)
    indicator_label = gettext("Indicator", lang)
    for section in yearly.sections:
        indent = "  " * section.depth
        suffix = ""
        if section.node.kind.is_goal and section.network is not None:
            suffix = f" [{network_label}: {section.network.name.get(lang)}]"
        lines.append(f"{indent}{_node_text(section.node, lang)}{suffix}")
        for line in section.activities:
            extra = _continues(line.activity, lang)
            comment = (
                ""
                if line.status is None or line.status.comment is None
                else (f" ({line.status.comment})")
            )
            lines.append(
                f"{indent}  {activity_label}: {line.activity.text.get(lang)} "
                f"[{line.activity.id}]{'' if extra is None else f' ({extra})'}: "
                f"{_status(line, lang)}{comment}"
            )
        lines.extend(
            f"{indent}  {indicator_label}: {_indicator(line, yearly.year, lang)}"
            for line in section.indicators
        )
    for heading, items in _summary(yearly, lang):
        lines += ["", f"{heading}: {_joined(items, lang) or gettext('none', lang)}."]
    lines += ["", f"{gettext('Budget and fees', lang)}:", _revenue(yearly, lang)]
    return "\n".join(lines)


# -- Markdown ------------------------------------------------------------------------------


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())


def report_markdown(yearly: YearReport, lang: str) -> str:
    """The report as Markdown in *lang*: a heading per goal, a table of its activities."""
    programme = yearly.plan.programme
    lines = [
        f"# {_title(yearly, lang)}",
        "",
        f"**{gettext('Vision', lang)}:** {programme.vision.get(lang)}",
        "",
    ]
    headings = (
        gettext("Activity", lang),
        gettext("Status", lang),
        gettext("Comment", lang),
    )
    for section in yearly.sections:
        level = "#" * min(2 + section.depth, 6)
        lines += [f"{level} {_cell(_node_text(section.node, lang))}", ""]
        if section.node.kind.is_goal and section.network is not None:
            lines += [f"*{gettext('Network', lang)}: {section.network.name.get(lang)}*", ""]
        if section.activities:
            lines += [
                "| " + " | ".join(headings) + " |",
                "| --- | --- | --- |",
            ]
            for line in section.activities:
                extra = _continues(line.activity, lang)
                name = f"{line.activity.text.get(lang)} (`{line.activity.id}`)"
                if extra is not None:
                    name += f"; {extra}"
                comment = (
                    ""
                    if line.status is None or line.status.comment is None
                    else (line.status.comment)
                )
                lines.append(f"| {_cell(name)} | {_cell(_status(line, lang))} | {_cell(comment)} |")
            lines.append("")
        if section.indicators:
            lines += [f"**{gettext('Indicators', lang)}:**", ""]
            lines += [f"- {_indicator(line, yearly.year, lang)}" for line in section.indicators]
            lines.append("")
    for heading, items in _summary(yearly, lang, "`"):
        lines += [f"## {heading}", ""]
        if items:
            lines += [f"- {item}" for item in items]
        else:
            lines.append(gettext("none", lang).capitalize() + ".")
        lines.append("")
    lines += [f"## {gettext('Budget and fees', lang)}", ""]
    lines.append(_revenue(yearly, lang).replace("\n", "\n\n"))
    return "\n".join(lines) + "\n"


# -- HTML ----------------------------------------------------------------------------------


def report_html(yearly: YearReport, lang: str) -> str:
    """The report as an HTML fragment in *lang*."""
    e = html.escape
    programme = yearly.plan.programme
    parts = [
        '<div class="sodertorn-report">',
        f"<h2>{e(_title(yearly, lang))}</h2>",
        f"<p><strong>{e(gettext('Vision', lang))}:</strong> {e(programme.vision.get(lang))}</p>",
    ]
    for section in yearly.sections:
        level = min(3 + section.depth, 6)
        parts.append(f"<h{level}>{e(_node_text(section.node, lang))}</h{level}>")
        if section.node.kind.is_goal and section.network is not None:
            parts.append(
                f"<p><em>{e(gettext('Network', lang))}: "
                f"{e(section.network.name.get(lang))}</em></p>"
            )
        if section.activities:
            rows = []
            for line in section.activities:
                extra = _continues(line.activity, lang)
                comment = (
                    ""
                    if line.status is None or line.status.comment is None
                    else (line.status.comment)
                )
                rows.append(
                    f"<tr><td>{e(line.activity.text.get(lang))} <code>{e(line.activity.id)}</code>"
                    f"{'' if extra is None else '; ' + e(extra)}</td>"
                    f"<td>{e(_status(line, lang))}</td><td>{e(comment)}</td></tr>"
                )
            parts.append(
                "<table><tr>"
                + "".join(
                    f"<th>{e(gettext(h, lang))}</th>" for h in ("Activity", "Status", "Comment")
                )
                + "</tr>"
                + "".join(rows)
                + "</table>"
            )
        if section.indicators:
            parts.append(
                "<ul>"
                + "".join(
                    f"<li>{e(_indicator(line, yearly.year, lang))}</li>"
                    for line in section.indicators
                )
                + "</ul>"
            )
    for heading, items in _summary(yearly, lang):
        parts.append(f"<h3>{e(heading)}</h3>")
        parts.append(
            "<ul>" + "".join(f"<li>{e(item)}</li>" for item in items) + "</ul>"
            if items
            else f"<p>{e(gettext('none', lang).capitalize())}.</p>"
        )
    parts += [
        f"<h3>{e(gettext('Budget and fees', lang))}</h3>",
        f"<p>{e(_revenue(yearly, lang))}</p>",
        "</div>",
    ]
    return "".join(parts)


# -- Excel ---------------------------------------------------------------------------------


def report_xlsx(yearly: YearReport, lang: str) -> bytes:
    """The report as an Excel workbook in *lang*: one row an activity, and the indicators.

    Needs openpyxl, the ``excel`` extra (``pip install 'sodertorn[excel]'``).
    """
    try:
        from openpyxl import Workbook  # noqa: PLC0415 - an optional dependency, loaded on use
    except ImportError:
        raise FollowUpError.of(
            "the xlsx format needs openpyxl; install the 'excel' extra: "
            "pip install 'sodertorn[excel]'"
        ) from None
    carried = {activity.id for activity in yearly.carried_over}
    book = Workbook()
    sheet = book.active
    sheet.title = gettext("Activities", lang)
    sheet.append(
        [
            gettext("Goal", lang),
            gettext("Network", lang),
            gettext("Activity", lang),
            "id",
            gettext("Status", lang),
            gettext("Date", lang),
            gettext("Comment", lang),
            gettext("Carried over", lang),
        ]
    )
    for section in yearly.sections:
        network = "" if section.network is None else section.network.name.get(lang)
        goal = _node_text(section.node, lang)
        if not section.activities and section.node.kind.is_goal:
            sheet.append([goal, network])
        for line in section.activities:
            entry = line.status
            sheet.append(
                [
                    goal,
                    network,
                    line.activity.text.get(lang),
                    line.activity.id,
                    gettext("no information", lang)
                    if entry is None
                    else gettext(entry.status.label, lang),
                    None if entry is None else entry.date,
                    None if entry is None else entry.comment,
                    gettext("yes", lang) if line.activity.id in carried else gettext("no", lang),
                ]
            )
    indicators = book.create_sheet(gettext("Indicators", lang))
    indicators.append(
        [
            gettext("Goal", lang),
            gettext("Indicator", lang),
            gettext("Unit", lang),
            str(yearly.year),
            gettext("Source", lang),
            gettext("Baseline", lang),
            gettext("Target", lang),
        ]
    )
    for section in yearly.sections:
        for found in section.indicators:
            indicator = found.indicator
            indicators.append(
                [
                    _node_text(section.node, lang),
                    indicator.name.get(lang),
                    indicator.unit,
                    None if found.value is None else found.value.value,
                    None if found.value is None else found.value.source,
                    None if indicator.baseline is None else indicator.baseline.value,
                    None if indicator.target is None else indicator.target.value,
                ]
            )
    budget = book.create_sheet(gettext("Budget and fees", lang))
    for text in _revenue(yearly, lang).splitlines():
        budget.append([text])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
