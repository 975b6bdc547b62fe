from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sodertorn import MUNICIPALITIES, GovernanceError, municipality
from sodertorn.agreement import Circulation, Decision, DecisionRule, Meeting, Minutes, Position
from sodertorn.i18n import error_text
from sodertorn.testing import decisions

D = datetime.date
DAY = D(2024, 5, 2)
NAMES = [m.name for m in MUNICIPALITIES]
S, A, OBJ = Position.SUPPORT, Position.STAND_ASIDE, Position.OBJECT


def decide(
    positions: dict[str, Position],
    *,
    rule: DecisionRule = DecisionRule.CONSENSUS,
    agreed: list[str] | None = None,
    remote: tuple[str, ...] = (),
) -> Decision:
    meeting = Meeting(date=DAY, in_room=set(positions) - set(remote), remote=remote)
    return Decision(
        meeting=meeting,
        matter="Joint response",
        positions=positions,
        rule=rule,
        rule_agreed_by=agreed or [],
    )


def test_consensus_with_support_and_standing_aside() -> None:
    outcome = decide({"Huddinge": S, "Botkyrka": A, "Salem": S, "Haninge": S}).outcome
    assert outcome.adopted
    assert outcome.rule is DecisionRule.CONSENSUS
    assert "Adopted by consensus: no present member objects (3 in favour, 1 standing aside)." in (
        outcome.explain("en")
    )


def test_one_objection_blocks_and_is_named() -> None:
    outcome = decide({"Huddinge": S, "Botkyrka": S, "Salem": S, "Tyresö": OBJ}).outcome
    assert not outcome.adopted
    assert outcome.objections == {municipality("Tyresö")}
    assert "Not adopted: objection by Tyresö; decisions are taken by consensus." in (
        outcome.explain("en")
    )
    assert "Ej antaget: invändning från Tyresö" in outcome.explain("sv")


def test_not_quorate_is_not_adopted() -> None:
    outcome = decide({"Huddinge": S, "Botkyrka": S, "Salem": S}).outcome
    assert not outcome.adopted
    assert outcome.explain("en").splitlines() == [
        "Not quorate: 3 of 8 members present; at least 4 needed. (Samarbetsavtal 2010, § 3)",
        "Not adopted: the committee is not quorate. (Samarbetsavtal 2010, § 3)",
    ]


def test_majority_agreed_by_every_member_applies() -> None:
    outcome = decide(
        {"Huddinge": S, "Botkyrka": S, "Salem": OBJ, "Haninge": A},
        rule=DecisionRule.MAJORITY,
        agreed=NAMES,
    ).outcome
    assert outcome.adopted
    assert outcome.rule is DecisionRule.MAJORITY
    assert "All members have agreed to decide by majority." in outcome.explain("en")
    assert "Adopted by majority: 2 in favour, 1 against." in outcome.explain("en")


def test_majority_tied_is_not_adopted() -> None:
    outcome = decide(
        {"Huddinge": S, "Botkyrka": OBJ, "Salem": A, "Haninge": A},
        rule=DecisionRule.MAJORITY,
        agreed=NAMES,
    ).outcome
    assert not outcome.adopted
    assert "Not adopted by majority: 1 in favour, 1 against." in outcome.explain("en")


def test_majority_agreed_only_by_those_present_falls_back_to_consensus() -> None:
    present = {"Huddinge": S, "Botkyrka": S, "Salem": S, "Haninge": OBJ}
    outcome = decide(present, rule=DecisionRule.MAJORITY, agreed=list(present)).outcome
    assert not outcome.adopted
    assert outcome.rule is DecisionRule.CONSENSUS
    text = outcome.explain("en")
    assert (
        "A majority decision cannot be applied: Tyresö, Nykvarn, Södertälje and Nynäshamn did "
        "not agree to it"
    ) in text
    assert "objection by Haninge" in text


def test_positions_must_match_those_present() -> None:
    meeting = Meeting(date=DAY, in_room={"Huddinge", "Salem"})
    with pytest.raises(GovernanceError, match=r"no position on 'X' for Salem, present at the"):
        Decision(meeting=meeting, matter="X", positions={"Huddinge": S})
    with pytest.raises(
        GovernanceError,
        match=r"Tyresö takes a position on 'X' but is not present .*expected positions of "
        r"Huddinge, Salem$",
    ):
        Decision(meeting=meeting, matter="X", positions={"Huddinge": S, "Salem": S, "Tyresö": S})


@pytest.mark.parametrize(
    ("arguments", "pattern"),
    [
        ({"meeting": None}, r"meeting None is not a Meeting"),
        ({"matter": "  "}, r"matter '  ' is empty or not text; expected a description"),
        ({"positions": [("Huddinge", S)]}, r"positions \[.*\] is not a mapping"),
        ({"positions": {"Huddinge": "yes"}}, r"position 'yes' of 'Huddinge' is unknown"),
        ({"rule": "majority"}, r"decision rule 'majority' is unknown"),
        ({"rule_agreed_by": ["Huddinge"]}, r"rule_agreed_by Huddinge given for a consensus"),
        ({"rule_agreed_by": 5}, r"^rule_agreed_by 5 is not a collection of parties"),
        ({"rule_agreed_by": ["Gotland"]}, r"^unknown municipality 'Gotland'"),
        ({"positions": {"Gotland": S}}, r"^unknown municipality 'Gotland'"),
    ],
)
def test_bad_decision_arguments(arguments: dict[str, object], pattern: str) -> None:
    base: dict[str, object] = {
        "meeting": Meeting(date=DAY, in_room={"Huddinge"}),
        "matter": "X",
        "positions": {"Huddinge": S},
    }
    with pytest.raises(GovernanceError, match=pattern):
        Decision(**{**base, **arguments})


def test_minutes_go_to_every_party() -> None:
    decision = decide({"Huddinge": S, "Botkyrka": S, "Salem": S, "Haninge": S})
    minutes = Minutes(meeting=decision.meeting, decisions=[decision])
    assert minutes.recipients == MUNICIPALITIES
    swedish = minutes.text("sv")
    assert swedish.splitlines()[1] == "Joint response: antaget."
    assert swedish.startswith("Minnesanteckningar: ordinarie sammanträde den 2 maj 2024")


def test_minutes_and_outcomes_default_to_swedish() -> None:
    decision = decide({"Huddinge": S, "Botkyrka": S, "Salem": S, "Haninge": S})
    minutes = Minutes(meeting=decision.meeting, decisions=[decision])
    assert minutes.text() == minutes.text("sv") != minutes.text("en")
    outcome = decision.outcome
    assert outcome.explain() == outcome.explain("sv") != outcome.explain("en")


def test_positions_of_absent_members_are_named() -> None:
    meeting = Meeting(date=DAY, in_room={"Huddinge", "Salem", "Botkyrka"})
    with pytest.raises(GovernanceError) as caught:
        Decision(meeting=meeting, matter="X", positions={"Huddinge": S})
    assert "Botkyrka, Salem" in str(caught.value)


def test_minutes_refuse_a_decision_of_another_meeting() -> None:
    decision = decide({"Huddinge": S})
    other = Meeting(date=D(2024, 9, 12))
    with pytest.raises(GovernanceError, match=r"taken at the meeting on 2024-05-02, not at this"):
        Minutes(meeting=other, decisions=[decision])
    with pytest.raises(GovernanceError, match=r"decisions 'x' is not a collection of Decision"):
        Minutes(meeting=other, decisions="x")
    with pytest.raises(GovernanceError, match=r"decisions 5 is not a collection of Decision"):
        Minutes(meeting=other, decisions=5)


# Properties.


@given(decisions(), st.data())
def test_one_objection_always_blocks_consensus(decision: Decision, data: st.DataObject) -> None:
    objector = data.draw(st.sampled_from(sorted(decision.meeting.present)))
    blocked = Decision(
        meeting=decision.meeting,
        matter=decision.matter,
        positions={**dict(decision.positions), objector: Position.OBJECT},
    )
    assert not blocked.outcome.adopted
    assert objector in blocked.outcome.objections or not decision.meeting.is_quorate


@given(decisions(DecisionRule.MAJORITY), st.data())
def test_alternative_rule_agreed_by_all_but_one_never_applies(
    decision: Decision, data: st.DataObject
) -> None:
    members = decision.meeting.members
    holdout = data.draw(st.sampled_from(members))
    others = set(members) - {holdout}
    ruled = Decision(
        meeting=decision.meeting,
        matter=decision.matter,
        positions=dict(decision.positions),
        rule=DecisionRule.MAJORITY,
        rule_agreed_by=others,
    )
    consensus = Decision(
        meeting=decision.meeting, matter=decision.matter, positions=dict(decision.positions)
    )
    assert ruled.outcome.adopted == consensus.outcome.adopted
    if decision.meeting.is_quorate:
        assert ruled.outcome.rule is DecisionRule.CONSENSUS
        assert holdout.name in ruled.outcome.explain("en")


def test_a_circulation_without_a_date_is_refused_word_for_word() -> None:
    with pytest.raises(GovernanceError) as raised:
        Circulation(date="2024-06-03", matter="Consultation response")
    assert str(raised.value) == (
        "date '2024-06-03' is not a date; expected a datetime.date such as 2024-03-15"
    )
    assert error_text(raised.value, "sv") == (
        "date: '2024-06-03' är inte ett datum; ett datetime.date (till exempel 2024-03-15) väntades"
    )


def test_a_revocation_refused_quotes_the_last_reason_of_the_outcome() -> None:
    members = NAMES
    tied = Decision(
        meeting=Meeting(date=D(2024, 9, 12), in_room=members),
        matter="Nykvarn withdraws its notice",
        positions={m: S if i % 2 else OBJ for i, m in enumerate(members)},
        rule=DecisionRule.MAJORITY,
        rule_agreed_by=members,
    )
    assert len(tied.outcome.reasons) == 3
    with pytest.raises(GovernanceError) as raised:
        tied.revocation("Nykvarn")
    assert str(raised.value) == (
        "'Nykvarn withdraws its notice' of 2024-09-12 was not adopted, so it cannot withdraw "
        "a notice: Not adopted by majority: 4 in favour, 4 against. (Samarbetsavtal 2010, § 3)"
    )
