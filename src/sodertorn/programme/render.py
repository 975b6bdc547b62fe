"""Goal trees for people: indented text, Markdown, and HTML for notebooks.

Structural labels (Vision, Goal, Sub-goal, Network…) go through the package's gettext
domain, so they read in Swedish (the default) or English; goal texts are shown in their
original Swedish unless an English rendering exists and English is asked for; the English
output then ends with a line saying the English texts are the library's translation.

>>> from sodertorn import load_programme
>>> from sodertorn.programme import goals_text
>>> print(goals_text(load_programme("sup2040"), "en"))
SUP 2040 – Södertörn development programme 2040 (2023–2026)
Decided: 2023-01-12
Vision: Södertörn leads Sweden's strong and sustainable growth
Purpose: ...
Focus area: Infrastructure
  Overarching goal: ... [Network: the network for strategic regional development (the RUFS network)]
    Long-term goal: Climate transition – ... [Network: the network for climate strategies]
    Long-term goal: Accessibility – ... [Network: the network for traffic strategies]
(The English texts are our translation; the programme's own text is Swedish.)
>>> goals_text(load_programme("sup2040"), "fi")
Traceback (most recent call last):
...
sodertorn.LocaleError: unsupported language 'fi'; expected one of 'en', 'sv'
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from sodertorn.i18n import check_language, format_money, gettext
from sodertorn.programme.model import check_programme
from sodertorn.programme.plan import check_plan

if TYPE_CHECKING:
    from sodertorn.programme.model import Node, Programme
    from sodertorn.programme.plan import Plan

__all__ = ["goals_html", "goals_markdown", "goals_text", "plan_html"]


def _label(message: str, lang: str) -> str:
    return gettext(message, lang)


def _header(programme: Programme, lang: str) -> list[tuple[str, str]]:
    rows = [(programme.short_name, f"{programme.name.get(lang)} ({programme.period})")]
    if programme.decided is not None:
        rows.append((_label("Decided", lang), programme.decided.isoformat()))
    vision = programme.vision.get(lang)
    if programme.vision_title is not None:
        vision = f"{programme.vision_title.get(lang)} – {vision}"
    rows.append((_label("Vision", lang), vision))
    if programme.purpose is not None:
        rows.append((_label("Purpose", lang), programme.purpose.get(lang)))
    rows.extend(
        (_label("Cross-cutting theme", lang), theme.get(lang)) for theme in programme.themes
    )
    for contribution in programme.contributions:
        label = _label("Contributes to the goals of {plan}", lang)
        rows.append(
            (
                label.format(plan=contribution.plan.get(lang)),
                "; ".join(goal.get(lang) for goal in contribution.goals),
            )
        )
    return rows


def _translated(programme: Programme, lang: str) -> bool:
    """Whether any text shown in *lang* is the library's English rendering."""
    if lang != "en":
        return False
    texts = [programme.name, programme.vision, *programme.themes]
    texts += [node.text for node in programme.nodes]
    return any(text.en is not None for text in texts)


def _translation_note(lang: str) -> str:
    return gettext(
        "The English texts are our translation; the programme's own text is Swedish.", lang
    )


def _line(programme: Programme, node: Node, lang: str) -> tuple[str, str, str | None]:
    text = node.text.get(lang)
    if node.title is not None:
        text = f"{node.title.get(lang)} – {text}"
    network = None if node.network is None else programme.network(node.network).name.get(lang)
    return _label(node.kind.label, lang), text, network


def goals_text(programme: Programme, lang: str = "sv") -> str:
    """Return the goal tree as indented text, one node a line (``sodertorn goals`` prints it)."""
    check_programme(programme)
    lang = check_language(lang)
    head = _header(programme, lang)
    lines = [f"{head[0][0]} – {head[0][1]}"] + [f"{label}: {value}" for label, value in head[1:]]
    network_label = _label("Network", lang)
    for node in programme.walk():
        label, text, network = _line(programme, node, lang)
        suffix = "" if network is None else f" [{network_label}: {network}]"
        lines.append("  " * programme.depth(node.id) + f"{label}: {text}{suffix}")
    if _translated(programme, lang):
        lines.append(f"({_translation_note(lang)})")
    return "\n".join(lines)


def goals_markdown(programme: Programme, lang: str = "sv") -> str:
    """Return the goal tree as Markdown: a heading, the programme's fields, a nested list.

    >>> from sodertorn import load_programme
    >>> print(goals_markdown(load_programme("sup2040")).splitlines()[0])
    # SUP 2040 – Södertörns utvecklingsprogram 2040 (2023–2026)
    """
    check_programme(programme)
    lang = check_language(lang)
    head = _header(programme, lang)
    lines = [f"# {head[0][0]} – {head[0][1]}", ""]
    lines += [f"- **{label}:** {value}" for label, value in head[1:]]
    lines.append("")
    network_label = _label("Network", lang)
    for node in programme.walk():
        label, text, network = _line(programme, node, lang)
        suffix = "" if network is None else f" ({network_label}: {network})"
        lines.append("  " * programme.depth(node.id) + f"- **{label}:** {text}{suffix}")
    if _translated(programme, lang):
        lines += ["", f"*{_translation_note(lang)}*"]
    return "\n".join(lines) + "\n"


def _html_nodes(programme: Programme, parent: str | None, lang: str) -> str:
    children = programme.children(parent)
    if not children:
        return ""
    items = []
    network_label = html.escape(_label("Network", lang))
    for node in children:
        label, text, network = _line(programme, node, lang)
        extra = "" if network is None else f" <em>({network_label}: {html.escape(network)})</em>"
        items.append(
            f"<li><strong>{html.escape(label)}:</strong> {html.escape(text)}{extra}"
            f"{_html_nodes(programme, node.id, lang)}</li>"
        )
    return "<ul>" + "".join(items) + "</ul>"


def goals_html(programme: Programme, lang: str = "sv") -> str:
    """Return the goal tree as an HTML fragment (used by ``Programme._repr_html_`` in notebooks).

    >>> from sodertorn import load_programme
    >>> goals_html(load_programme("sup2040"))[:59]
    '<div class="sodertorn-programme"><h3>SUP 2040 – Södertörns '
    >>> goals_html(None)
    Traceback (most recent call last):
    ...
    sodertorn.GoalTreeError: invalid programme None; expected a Programme (see load_programme)
    """
    check_programme(programme)
    lang = check_language(lang)
    head = _header(programme, lang)
    parts = [
        '<div class="sodertorn-programme">',
        f"<h3>{html.escape(head[0][0])} – {html.escape(head[0][1])}</h3>",
        "<dl>",
        *(f"<dt>{html.escape(k)}</dt><dd>{html.escape(v)}</dd>" for k, v in head[1:]),
        "</dl>",
        _html_nodes(programme, None, lang),
        *(
            [f"<p><em>{html.escape(_translation_note(lang))}</em></p>"]
            if _translated(programme, lang)
            else []
        ),
        "</div>",
    ]
    return "".join(parts)


def plan_html(plan: Plan, lang: str = "sv") -> str:
    r"""Return an activity plan as an HTML fragment: activities under their goals, and the budget.

    >>> from sodertorn import load_plan
    >>> "2 083 296" in plan_html(load_plan(2024)).replace("\xa0", " ")
    True
    """
    tree = check_plan(plan).tree
    lang = check_language(lang)
    parts = [
        '<div class="sodertorn-plan">',
        f"<h3>{html.escape(plan.title.get(lang))} ({html.escape(tree.short_name)})</h3><ul>",
    ]
    for goal in tree.goals():
        served = plan.activities_for(goal.id, below=False)
        if not served:
            continue
        label, text, _ = _line(tree, goal, lang)
        items = "".join(f"<li>{html.escape(a.text.get(lang))}</li>" for a in served)
        parts.append(
            f"<li><strong>{html.escape(label)}:</strong> {html.escape(text)}<ul>{items}</ul></li>"
        )
    parts.append("</ul>")
    if plan.budget is not None:
        rows = [
            (_label("Revenue", lang), format_money(plan.budget.total_revenue, lang)),
            (_label("Costs", lang), format_money(plan.budget.total_costs, lang)),
            (_label("Balance", lang), format_money(plan.budget.balance, lang)),
        ]
        parts.append(
            "<table>"
            + "".join(
                f"<tr><th>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>" for k, v in rows
            )
            + "</table>"
        )
    parts.append("</div>")
    return "".join(parts)
