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

from typing import TYPE_CHECKING, Any

import attrs

from sodertorn.errors import FeeRuleError, FollowUpError, Listing, MissingDataError
from sodertorn.i18n import Language, check_language
from sodertorn.programme._slots import Slot
from sodertorn.programme.followup import ActivityStatus, FollowUp, check_plan_like
from sodertorn.programme.indicators import Indicators

if TYPE_CHECKING:
    from sodertorn.programme.indicators import Indicator, IndicatorValue

if TYPE_CHECKING:
    from sodertorn.programme.budget import RevenueCheck
    from sodertorn.programme.model import Network, Node
    from sodertorn.programme.plan import Activity, Plan

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
        return TEXT(self, self._lang(lang))

    def to_markdown(self, *, lang: str | None = None) -> str:
        """The report as Markdown: a heading per goal, a table of its activities."""
        return MARKDOWN(self, self._lang(lang))

    def to_html(self, *, lang: str | None = None) -> str:
        """The report as an HTML fragment."""
        return HTML(self, self._lang(lang))

    def to_xlsx(self, *, lang: str | None = None) -> bytes:
        """The report as an Excel workbook: one row an activity, and the indicators.

        Needs openpyxl, the ``excel`` extra (``pip install 'sodertorn[excel]'``).
        """
        return XLSX(self, self._lang(lang))

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
            raise FollowUpError.of(
                "indicator {id} measures {goal}, which is not a goal of the {year} plan; "
                "expected one of {goals}",
                id=repr(indicator.id),
                goal=repr(indicator.goal),
                year=str(plan.year),
                goals=Listing((repr(goal.id) for goal in tree.goals()), alternatives=True),
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


# The views are in report_views, above this module; sodertorn.programme hands them in.
TEXT: Slot[[YearReport, str], str] = Slot("YearReport.to_text")
MARKDOWN: Slot[[YearReport, str], str] = Slot("YearReport.to_markdown")
HTML: Slot[[YearReport, str], str] = Slot("YearReport.to_html")
XLSX: Slot[[YearReport, str], bytes] = Slot("YearReport.to_xlsx")
