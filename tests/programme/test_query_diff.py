"""Finding goals, activities per goal, goals without activity, diffs and consistency."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sodertorn import (
    GoalTreeError,
    PlanError,
    Programme,
    SodertornDeprecationWarning,
    load_plan,
    load_programme,
)
from sodertorn.programme import (
    Claim,
    Finding,
    NodeKind,
    Text,
    activities_for,
    check_consistency,
    diff_programmes,
    find_goals,
    goals_without_activity,
)
from sodertorn.reasons import Reason
from sodertorn.testing import few_slugs, programmes


def ids(nodes: object) -> list[str]:
    return [node.id for node in nodes]  # type: ignore[attr-defined]


def test_find_by_text_folds_case_and_diacritics() -> None:
    sup = load_programme("sup2040")
    assert ids(sup.find("HÅLLBART TRANSPORTSYSTEM")) == ["klimatomstallning"]
    assert ids(sup.find("hallbart transportsystem")) == ["klimatomstallning"]
    assert ids(sup.find("climate transition")) == ["klimatomstallning"]
    assert ids(sup.find("Klimatomställning")) == ["klimatomstallning"]
    assert sup.find("rymden") == ()


def test_find_by_network_and_kind() -> None:
    sup = load_programme("sup2040")
    assert ids(sup.find(network="trafikstrategier")) == ["tillganglighet"]
    assert ids(sup.find(network="traffic strategies")) == ["tillganglighet"]
    assert ids(sup.find(kind=NodeKind.LONG_TERM_GOAL)) == ["klimatomstallning", "tillganglighet"]
    assert ids(sup.find("Södertörn", kind=NodeKind.OVERARCHING_GOAL)) == ["overgripande-mal"]
    sup13 = load_programme("sup2013")
    assert ids(find_goals(sup13, network="SNUG")) == ["naringsliv-och-hogskola.naringsliv"]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({}, "find_goals needs a text, a network or a kind"),
        ({"text": 3}, "invalid search text 3"),
        ({"network": 3}, "invalid network 3"),
        ({"kind": "goal"}, "invalid kind 'goal'"),
    ],
)
def test_find_refuses_bad_criteria(arguments: dict[str, object], message: str) -> None:
    with pytest.raises(GoalTreeError, match=message):
        find_goals(load_programme("sup2040"), **arguments)  # type: ignore[arg-type]


def test_activities_per_goal() -> None:
    plan = load_plan(2024)
    assert len(activities_for(plan, "overgripande-mal")) == 19
    assert len(plan.activities_for("overgripande-mal", below=False)) == 12
    climate = ["fossilfritt-2030", "rufs-klimat", "elforsorjning"]
    assert ids(plan.activities_for("klimatomstallning")) == climate
    assert plan.activities_for("klimatomstallning", below=False) == ()
    assert ids(plan.activities_for("klimatomstallning.laddinfrastruktur")) == climate
    with pytest.raises(PlanError, match="no goal 'x' in plan 2024"):
        plan.activities_for("x")


def test_goals_without_activity_this_year() -> None:
    assert load_plan(2024).goals_without_activity() == ()
    assert goals_without_activity(load_plan(2019)) == ()
    plan = load_plan(2019)
    sparse = attrs.evolve(plan, activities=plan.activities[:1])
    assert "klimat.mal" in ids(sparse.goals_without_activity())
    assert "infrastruktur.mal" not in ids(sparse.goals_without_activity())


@given(programmes(ids=few_slugs()))
def test_a_programme_diffed_with_itself_is_empty(programme: Programme) -> None:
    change = diff_programmes(programme, programme)
    assert change.is_empty
    assert (change.added, change.removed, change.changed) == ((), (), ())


@given(programmes(ids=few_slugs(), programme_id="sup1"), programmes(ids=few_slugs()))
def test_a_diff_inverts(a: Programme, b: Programme) -> None:
    forward, backward = diff_programmes(a, b), diff_programmes(b, a)
    assert forward.inverted() == backward
    assert backward.inverted() == forward
    assert {n.id for n in forward.added} == {n.id for n in b.nodes} - {n.id for n in a.nodes}
    assert {n.id for n in forward.removed} == {n.id for n in a.nodes} - {n.id for n in b.nodes}
    assert forward.is_empty == (forward.attributes == () and backward.is_empty)


def test_sup2035_to_sup2040() -> None:
    change = diff_programmes(load_programme("sup2035"), load_programme("sup2040"))
    assert ids(change.added) == ["klimatomstallning", "tillganglighet"]
    assert "utbildning.mal" in ids(change.removed)
    assert [c.new.id for c in change.moved] == ["infrastruktur", "overgripande-mal"]
    assert [c.new.id for c in change.reworded] == ["overgripande-mal"]
    (infrastruktur,) = [c for c in change.changed if c.new.id == "infrastruktur"]
    assert infrastruktur.fields == ("parent",)
    assert "vision" in change.attributes
    assert "period" in change.attributes


def test_rewording_a_goal_is_reported() -> None:
    sup = load_programme("sup2040")
    node = sup.node("tillganglighet")
    edited = attrs.evolve(
        sup,
        nodes=[
            attrs.evolve(n, text=Text("Södertörn – tillgängligt")) if n is node else n
            for n in sup.nodes
        ],
    )
    change = diff_programmes(sup, edited)
    assert [(c.old.text.sv, c.new.text.sv) for c in change.reworded] == [
        ("Södertörn – Sveriges mest tillgängliga storstadsregion", "Södertörn – tillgängligt")
    ]
    assert change.attributes == ()


def test_diff_refuses_other_objects() -> None:
    with pytest.raises(GoalTreeError, match="invalid programme 'sup2035'"):
        diff_programmes("sup2035", load_programme("sup2040"))  # type: ignore[arg-type]


def test_sup2035_contradicts_itself_on_utbildning() -> None:
    (finding,) = check_consistency(load_programme("sup2035"))
    assert finding.node == "utbildning.mal"
    assert (finding.found, finding.claim.count) == (2, 3)
    assert finding.text("en").startswith("goal 'utbildning.mal' has 2 sub-goals; the source says 3")
    assert finding.text().startswith("mål 'utbildning.mal' har 2 delmål; källan anger 3")


def test_the_other_programmes_are_consistent_with_what_they_claim() -> None:
    assert load_programme("sup2040").findings() == ()
    assert load_programme("sup2013").findings() == ()


def test_a_whole_programme_claim_can_be_contradicted() -> None:
    sup = load_programme("sup2040")
    claims = [attrs.evolve(c, count=3) for c in sup.claims if c.kind is NodeKind.LONG_TERM_GOAL]
    (finding,) = attrs.evolve(sup, claims=claims).findings()
    assert finding.node is None
    assert finding.text("en").startswith(
        "programme 'sup2040' has 2 long-term goals; the source says 3"
    )
    assert finding.text("sv").startswith(
        "programmet 'sup2040' har 2 långsiktiga mål; källan anger 3"
    )


def test_message_is_deprecated_and_says_what_it_said() -> None:
    (finding,) = check_consistency(load_programme("sup2035"))
    with pytest.warns(SodertornDeprecationWarning, match=r"Finding\.message is deprecated"):
        assert finding.message == finding.text("en")


# Swedish nouns for the kinds, in the forms for one and for more than one.
_SWEDISH = {
    NodeKind.FOCUS_AREA_GROUP: ("område", "områden"),
    NodeKind.FOCUS_AREA: ("fokusområde", "fokusområden"),
    NodeKind.SUBJECT_AREA: ("ämnesområde", "ämnesområden"),
    NodeKind.OVERARCHING_GOAL: ("övergripande mål", "övergripande mål"),
    NodeKind.GOAL: ("mål", "mål"),
    NodeKind.LONG_TERM_GOAL: ("långsiktigt mål", "långsiktiga mål"),
    NodeKind.SUB_GOAL: ("delmål", "delmål"),
}


@given(
    kind=st.sampled_from(NodeKind),
    per=st.none() | st.sampled_from(NodeKind),
    claimed=st.integers(0, 20),
    found=st.integers(0, 20),
    node=few_slugs(),
)
def test_a_finding_explains_itself_in_both_languages(
    kind: NodeKind, per: NodeKind | None, claimed: int, found: int, node: str
) -> None:
    claim = Claim(kind=kind, per=per, count=claimed, source="SUP 2035, 'Fokusområden'")
    finding = Finding(
        programme="sup2035", claim=claim, node=None if per is None else node, found=found
    )
    (reason,) = finding.reasons()
    assert isinstance(reason, Reason)
    assert reason.citation == claim.source
    english, swedish = finding.text("en"), finding.text("sv")
    assert finding.text() == swedish
    for text in (english, swedish):
        assert text.endswith(f" {claimed} (SUP 2035, 'Fokusområden')")
        assert (f"'{node}'" if per is not None else "'sup2035'") in text
    noun = {"long-term-goal": "long-term goal", "sub-goal": "sub-goal"}.get(
        kind.value, kind.value.replace("-", " ")
    )
    assert f" has {found} {noun}{'' if found == 1 else 's'};" in english
    assert f" har {found} {_SWEDISH[kind][found != 1]}; källan anger {claimed} " in swedish
    assert swedish.startswith("programmet " if per is None else _SWEDISH[per][0] + " ")


def test_consistency_refuses_other_objects() -> None:
    with pytest.raises(GoalTreeError, match="expected a Programme"):
        check_consistency("sup2035")  # type: ignore[arg-type]
