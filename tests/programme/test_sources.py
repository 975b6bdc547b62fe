"""Facts from the source documents, checked against the shipped data."""

from __future__ import annotations

import datetime
import subprocess
import sys

from sodertorn import SEK, load_plan, load_programme, municipality
from sodertorn.i18n import catalogue
from sodertorn.programme import NodeKind, conference_hosts


def test_sup2040_has_exactly_two_long_term_goals_and_the_vision_of_the_brief() -> None:
    sup = load_programme("sup2040")
    long_term = sup.nodes_of(NodeKind.LONG_TERM_GOAL)
    assert len(long_term) == 2
    assert [goal.network for goal in long_term] == ["klimatstrategier", "trafikstrategier"]
    assert sup.vision.sv == "Södertörn leder Sveriges starka och hållbara tillväxt"
    assert sup.decided == datetime.date(2023, 1, 12)
    assert (sup.period.start, sup.period.end, sup.replaces) == (2023, 2026, "sup2035")
    (overarching,) = sup.nodes_of(NodeKind.OVERARCHING_GOAL)
    assert overarching.text.sv.startswith("En tillgänglig och hållbar infrastruktur")
    assert overarching.network == "rufs"


def test_sup2035_has_four_focus_areas_in_two_groups() -> None:
    sup = load_programme("sup2035")
    groups = sup.nodes_of(NodeKind.FOCUS_AREA_GROUP)
    assert [[a.text.sv for a in sup.children(g.id)] for g in groups] == [
        ["Infrastruktur", "Utbildning", "Näringsliv"],
        ["Funktionell samordning"],
    ]
    assert sup.vision.sv.startswith("Södertörn driver Stockholmsregionen")
    assert [theme.sv for theme in sup.themes] == ["Hållbar utveckling"]
    assert [r.reference for r in sup.adoptions] == ["§ 60, Dnr 2019/KS 0260 005"]


def test_sup2013_has_four_subject_areas_and_five_goals_with_networks() -> None:
    sup = load_programme("sup2013")
    assert len(sup.nodes_of(NodeKind.SUBJECT_AREA)) == 4
    assert sup.nodes_of(NodeKind.FOCUS_AREA) == ()
    goals = sup.nodes_of(NodeKind.GOAL)
    assert len(goals) == 5
    assert all(goal.network is not None for goal in goals)
    assert [len(sup.children(goal.id)) for goal in goals] == [3, 1, 1, 2, 1]


def test_the_2024_budget_balances_at_2_083_296_kr() -> None:
    budget = load_plan(2024).budget
    assert budget is not None
    assert budget.is_balanced
    assert budget.total_revenue == SEK(2_083_296) == SEK(4) * 520_824


def test_nykvarn_hosts_radslaget_in_2025() -> None:
    assert conference_hosts("Rådslaget", 2025) == (municipality("Nykvarn"),)


def test_offices_2019_and_2024() -> None:
    assert [o.party.name for o in load_plan(2019).offices_of()] == ["Haninge", "Huddinge"]
    assert [o.party.name for o in load_plan(2024).offices_of()] == ["Salem", "Nykvarn"]


def test_every_label_has_a_swedish_translation() -> None:
    swedish = catalogue("sv")
    for kind in NodeKind:
        assert kind.label in swedish
    for message in ("Vision", "Purpose", "Network", "Revenue", "Costs", "Balance", "Decided"):
        assert swedish[message] != ""


def test_importing_the_package_reads_no_data_and_no_babel() -> None:
    code = (
        "import sys, sodertorn; "
        "from sodertorn.programme import builtin; "
        "print(builtin._load_programme.cache_info().currsize, 'babel' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == ["0", "False"]
