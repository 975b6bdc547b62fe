"""The yearly report (årsredovisning) of an activity plan, made from its follow-up.

After each year SUP 2040 asks for a report of which activities were carried out and
what effects they had (SUP 2040, "Målstruktur, genomförande och uppföljning"). The
report is made from what was recorded: for every goal of the plan's tree, in the
programme's order (vision, overarching goal, long-term goals, sub-goals), its
responsible network, its activities with their last status, and the indicators with
their values against baseline and target; then the activities without a status ("ingen
uppgift"), the goals without an activity, what is carried into next year, and the
year's budget beside the fees of that year. The library measures nothing itself.

>>> from sodertorn import load_plan
>>> from sodertorn.programme import FollowUp
>>> from sodertorn.programme.report import report
>>> plan = load_plan(2024)
>>> yearly = report(plan, FollowUp(plan=plan), lang="en")
>>> print(yearly.to_text().splitlines()[0])
Yearly report 2024: Activity plan and budget 2024 (SUP 2040)
>>> len(yearly.without_status), len(yearly.carried_over)
(19, 19)
>>> report(plan, FollowUp(plan=load_plan(2019)))
Traceback (most recent call last):
...
sodertorn.FollowUpError: the follow-up is of the 2019 plan; expected one of the 2024 plan

Source: SUP 2040 (Verksamhetsplan och budget 2024, bilaga 3); Verksamhetsplan och budget
2024, §§ 2 and 6; Samarbetsavtal 2010, § 8 (the fees the budget is checked against).
"""

from __future__ import annotations

import html
import io
from typing import TYPE_CHECKING, Any

import attrs

from sodertorn.errors import FeeRuleError, FollowUpError, MissingDataError
from sodertorn.i18n import Language, check_language, format_date, format_number, gettext
from sodertorn.programme.followup import ActivityStatus, FollowUp, check_plan_like
from sodertorn.programme.indicators import Direction, Indicators

if TYPE_CHECKING:
    from sodertorn.programme.indicators import Indicator, IndicatorValue

if TYPE_CHECKING:
    from collections.abc import Iterable
    from decimal import Decimal

    from sodertorn.programme.model import Network, Node
    from sodertorn.programme.plans import Activity, Plan, RevenueCheck

__all__ = ["ActivityLine", "GoalSection", "IndicatorLine", "YearReport", "report"]


def _is(kind: type, what: str, *, none: bool = False) -> Any:
    def check(_: object, __: attrs.Attribute[Any], value: object) -> None:
        if not (isinstance(value, kind) or (none and value is None)):
            raise FollowUpError(
                f"invalid {what} {value!r}; expected {kind.__name__}" + (" or None" if none else "")
            )

    return check


@attrs.frozen(kw_only=True)
class ActivityLine:
    """An activity of the plan and its last recorded status (``None``: no information)."""

    activity: Activity
    status: ActivityStatus | None


@attrs.frozen(kw_only=True)
class IndicatorLine:
    """An indicator of a goal and its value in the report's year (``None``: no value)."""

    indicator: Indicator
    value: IndicatorValue | None


@attrs.frozen(kw_only=True)
class GoalSection:
    """One node of the plan's tree: the goal, its network, its activities and indicators.

    *depth* is the node's depth in the tree (0 for a child of the programme); *network*
    the network that answers for it, its own or the nearest above. Focus areas have
    sections too, so that the report keeps the programme's structure.
    """

    node: Node
    depth: int
    network: Network | None
    activities: tuple[ActivityLine, ...]
    indicators: tuple[IndicatorLine, ...]


@attrs.frozen(kw_only=True)
class YearReport:
    """The yearly report of a plan: what was recorded about the year, goal by goal.

    Made by :func:`report` (or :meth:`Plan.report <sodertorn.Plan.report>`); rendered
    by :meth:`to_text`, :meth:`to_markdown` and :meth:`to_html` in its language unless
    another is asked for. *revenue* is ``None`` when the plan has no budget or the fees
    of its year cannot be assessed from the population data.

    >>> from sodertorn import load_plan
    >>> from sodertorn.programme import FollowUp
    >>> plan = load_plan(2024)
    >>> yearly = report(plan, FollowUp(plan=plan))
    >>> [section.node.id for section in yearly.sections][:2]
    ['infrastruktur', 'overgripande-mal']
    >>> yearly.to_markdown(lang="fi")
    Traceback (most recent call last):
    ...
    sodertorn.LocaleError: unsupported language 'fi'; expected one of 'en', 'sv'
    """

    __module__ = "sodertorn.programme"

    plan: Plan = attrs.field(converter=check_plan_like)
    follow_up: FollowUp = attrs.field(validator=_is(FollowUp, "follow-up"))
    indicators: Indicators | None = attrs.field(validator=_is(Indicators, "indicators", none=True))
    lang: Language = attrs.field(converter=check_language)
    sections: tuple[GoalSection, ...]
    without_status: tuple[Activity, ...]
    goals_without_activity: tuple[Node, ...]
    carried_over: tuple[Activity, ...]
    revenue: RevenueCheck | None

    @property
    def year(self) -> int:
        """The year reported on."""
        return self.plan.year

    def _lang(self, lang: str | None) -> Language:
        return self.lang if lang is None else check_language(lang)

    def to_text(self, *, lang: str | None = None) -> str:
        """The report as plain text, indented by the goal tree."""
        return _text(self, self._lang(lang))

    def to_markdown(self, *, lang: str | None = None) -> str:
        """The report as Markdown: a heading per goal, a table of its activities."""
        return _markdown(self, self._lang(lang))

    def to_html(self, *, lang: str | None = None) -> str:
        """The report as an HTML fragment."""
        return _html(self, self._lang(lang))

    def to_xlsx(self, *, lang: str | None = None) -> bytes:
        """The report as an Excel workbook: one row an activity, and the indicators.

        Needs openpyxl, the ``excel`` extra (``pip install 'sodertorn[excel]'``).
        """
        return _xlsx(self, self._lang(lang))

    def __str__(self) -> str:
        return self.to_text()

    def _repr_html_(self) -> str:
        return self.to_html()


def report(
    plan: Plan,
    follow_up: FollowUp,
    *,
    indicators: Indicators | None = None,
    lang: str = "sv",
) -> YearReport:
    """The yearly report of *plan* from *follow_up* and, if given, *indicators*.

    Every activity of the plan appears once, under the goal it serves; every indicator
    under its goal. An indicator whose goal is not a goal of the plan's tree is refused.

    Source: SUP 2040, "Målstruktur, genomförande och uppföljning"; Samarbetsavtal 2010,
    § 8 (the revenue check).

    >>> from sodertorn import load_plan
    >>> from sodertorn.programme import FollowUp
    >>> plan = load_plan(2024)
    >>> report(plan, FollowUp(plan=plan)).revenue.matches
    True
    >>> report(plan, None)
    Traceback (most recent call last):
    ...
    sodertorn.FollowUpError: invalid follow-up None; expected a FollowUp
    """
    plan = check_plan_like(plan)
    language = check_language(lang)
    if not isinstance(follow_up, FollowUp):
        raise FollowUpError(f"invalid follow-up {follow_up!r}; expected a FollowUp")
    if follow_up.plan != plan:
        raise FollowUpError(
            f"the follow-up is of the {follow_up.plan.year} plan; expected one of the "
            f"{plan.year} plan"
        )
    if indicators is not None and not isinstance(indicators, Indicators):
        raise FollowUpError(f"invalid indicators {indicators!r}; expected Indicators or None")
    tree = plan.tree
    for indicator in () if indicators is None else indicators.indicators:
        if indicator.goal not in tree or not tree.node(indicator.goal).kind.is_goal:
            raise FollowUpError(
                f"indicator {indicator.id!r} measures {indicator.goal!r}, which is not a goal "
                f"of the {plan.year} plan; expected one of "
                f"{[goal.id for goal in tree.goals()]!r}"
            )
    sections = tuple(
        GoalSection(
            node=node,
            depth=tree.depth(node.id),
            network=tree.responsible(node.id),
            activities=tuple(
                ActivityLine(activity=activity, status=follow_up.last(activity.id))
                for activity in plan.activities
                if activity.goal == node.id
            ),
            indicators=()
            if indicators is None
            else tuple(
                IndicatorLine(indicator=i, value=indicators.value(i.id, plan.year))
                for i in indicators.of_goal(node.id)
            ),
        )
        for node in tree.walk()
    )
    revenue = None
    if plan.budget is not None:
        try:
            revenue = plan.revenue_check()
        except (MissingDataError, FeeRuleError):
            revenue = None
    return YearReport(
        plan=plan,
        follow_up=follow_up,
        indicators=indicators,
        lang=language,
        sections=sections,
        without_status=follow_up.without_status(),
        goals_without_activity=plan.goals_without_activity(),
        carried_over=follow_up.carried_over(),
        revenue=revenue,
    )


# -- words ---------------------------------------------------------------------------------


def _joined(items: Iterable[str], lang: str) -> str:
    """*items* as a list in words: "a, b and c" ("a, b och c")."""
    shown = list(items)
    if len(shown) < 2:
        return "".join(shown)
    return gettext("{items} and {last}", lang).format(items=", ".join(shown[:-1]), last=shown[-1])


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


def _text(yearly: YearReport, lang: str) -> str:
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


def _markdown(yearly: YearReport, lang: str) -> str:
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


def _html(yearly: YearReport, lang: str) -> str:
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


def _xlsx(yearly: YearReport, lang: str) -> bytes:
    try:
        from openpyxl import Workbook  # noqa: PLC0415 - an optional dependency, loaded on use
    except ImportError:
        raise FollowUpError(
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
