"""Committee decisions: consensus by default, another rule only if every member agreed.

Source: Samarbetsavtal 2010, § 3. The committee decides by consensus unless all its
members have agreed otherwise; it can decide when at least half of its members are
present; decisions are recorded in minutes sent to every party.

Our reading: consensus means that, at a quorate meeting, at least one present member
supports the matter and none objects (a member may support or stand aside; a proposal
that everyone stands aside from is not adopted). Presence is by party: the party's member,
or the substitute it sends. A decision by e-mail circulation (per capsulam) is not taken
at a meeting, so it is not a decision of the committee (:class:`~sodertorn.agreement.Circulation`). Another rule, such as a simple majority, applies to a
matter only if every member on the meeting's date, not just those present, agreed to it;
otherwise the decision is taken by consensus, and the outcome says why.

>>> import datetime
>>> from sodertorn.agreement import Decision, Meeting, Position
>>> meeting = Meeting(date=datetime.date(2024, 5, 2),
...                   in_room={"Huddinge", "Botkyrka", "Salem", "Haninge"})
>>> decision = Decision(meeting=meeting, matter="Joint consultation response on RUFS",
...                     positions={"Huddinge": Position.SUPPORT, "Botkyrka": Position.SUPPORT,
...                                "Salem": Position.STAND_ASIDE, "Haninge": Position.OBJECT})
>>> decision.outcome.adopted
False
>>> print(decision.outcome.explain("en"))
Quorate: 4 of 8 members present; at least 4 needed. (Samarbetsavtal 2010, § 3)
Not adopted: objection by Haninge; decisions are taken by consensus. (Samarbetsavtal 2010, § 3)
>>> Decision(meeting=meeting, matter="RUFS", positions={"Tyresö": Position.SUPPORT})
Traceback (most recent call last):
...
sodertorn.GovernanceError: Tyresö takes a position on 'RUFS' but is not present at the meeting on
2024-05-02; expected positions of Huddinge, Botkyrka, Salem, Haninge
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

import attrs

from sodertorn import _checks as _shared
from sodertorn.agreement import _checks
from sodertorn.agreement.meetings import Meeting
from sodertorn.agreement.notice import Revocation
from sodertorn.errors import GovernanceError
from sodertorn.i18n import check_language
from sodertorn.reasons import Reason, message, render

if TYPE_CHECKING:
    import datetime

    from sodertorn.parties import Municipality

__all__ = ["Circulation", "Decision", "DecisionRule", "Minutes", "Outcome", "Position"]


class Position(enum.Enum):
    """A present member's position on a matter (§ 3)."""

    __module__ = "sodertorn.agreement"

    SUPPORT = message("support")
    STAND_ASIDE = message("stand aside")
    OBJECT = message("object")


class DecisionRule(enum.Enum):
    """How a matter is decided (§ 3).

    ``CONSENSUS`` (the agreement's rule): adopted when at least one present member
    supports and none objects.
    ``MAJORITY``: adopted when more present members support than object (standing aside
    is abstaining); it applies only if every member agreed to it.
    """

    __module__ = "sodertorn.agreement"

    CONSENSUS = message("consensus")
    MAJORITY = message("majority")


@attrs.frozen(kw_only=True)
class Outcome:
    """Whether a matter was adopted, under which rule, and why (§ 3)."""

    __module__ = "sodertorn.agreement"

    adopted: bool
    rule: DecisionRule
    """The rule that was applied (consensus when another rule was not agreed by all)."""
    objections: frozenset[Municipality]
    reasons: tuple[Reason, ...]

    def explain(self, lang: str = "sv") -> str:
        """Explain the outcome step by step, each step with its paragraph."""
        check_language(lang)
        return "\n".join(reason.text(lang) for reason in self.reasons)


_MEETING = _shared.is_a(Meeting, GovernanceError)
_RULE = _shared.member(DecisionRule, GovernanceError)
_POSITION = _shared.member(Position, GovernanceError).worded(
    "position {value} of {name} is unknown; expected {expected}"
)


def _meeting(value: object) -> Meeting:
    if isinstance(value, Circulation):
        raise GovernanceError(
            f"the circulation of {value.date} is not a meeting: a decision by e-mail "
            f"(per capsulam) is not a decision of the committee; § 3 decides at a meeting, in "
            f"the room, by phone or video, or by a conference held in real time over a network"
        )
    return _MEETING.check(value, "meeting")


def _circulation_date(value: object) -> datetime.date:
    return _checks.check_date(value, "date", GovernanceError)


def _circulation_matter(value: object) -> str:
    return _matter(value)


@attrs.frozen(kw_only=True)
class Circulation:
    """A proposal sent round by e-mail for the members to answer (*per capsulam*).

    Our reading of § 3: the committee decides at meetings, and a meeting may be held by
    telephone, video or a conference in real time over a network; answers sent one by one
    are not a meeting, so a circulation decides nothing, whatever the answers. Give it to
    :class:`Decision` and it is refused; :meth:`reasons` says why.

    >>> import datetime
    >>> Circulation(date=datetime.date(2024, 6, 3), matter="Consultation response").reasons()[0].text("en")
    'Consultation response: sent round by e-mail on 3 June 2024, which is not a meeting; a decision per capsulam is not a decision of the committee. (Samarbetsavtal 2010, § 3)'
    """

    __module__ = "sodertorn.agreement"

    date: datetime.date = attrs.field(converter=_circulation_date)
    matter: str = attrs.field(converter=_circulation_matter)

    def reasons(self) -> tuple[Reason, ...]:
        """Why a circulation decides nothing (§ 3)."""
        return (
            Reason(
                "§ 3",
                message(
                    "{matter}: sent round by e-mail on {date}, which is not a meeting; a "
                    "decision per capsulam is not a decision of the committee."
                ),
                matter=self.matter,
                date=self.date,
            ),
        )


def _matter(value: object) -> str:
    return _checks.check_text(value, "matter", GovernanceError, "a description of the matter")


def _positions(value: object) -> tuple[tuple[Municipality, Position], ...]:
    if not isinstance(value, Mapping):
        raise GovernanceError(
            f"positions {value!r} is not a mapping; expected {{party: Position, ...}}"
        )
    result: dict[Municipality, Position] = {}
    for key, position in value.items():
        _POSITION.check(position, _shared.shown(key))
        result[_checks.party(key, GovernanceError)] = position
    return tuple(sorted(result.items()))


def _rule(value: object) -> DecisionRule:
    return _RULE.check(value, "decision rule")


def _agreed(value: object) -> frozenset[Municipality]:
    return _checks.parties(value, "rule_agreed_by", GovernanceError)


@attrs.frozen(kw_only=True)
class Decision:
    """A matter before a meeting, each present member's position, and the rule asked for.

    *positions* maps every present member (by party) to a :class:`Position`; a missing or
    an absent member's position is an error. *rule* is consensus unless another rule is
    asked for; *rule_agreed_by* names the parties whose members agreed to that rule.
    """

    __module__ = "sodertorn.agreement"

    meeting: Meeting = attrs.field(converter=_meeting)
    matter: str = attrs.field(converter=_matter)
    positions: tuple[tuple[Municipality, Position], ...] = attrs.field(converter=_positions)
    rule: DecisionRule = attrs.field(default=DecisionRule.CONSENSUS, converter=_rule)
    rule_agreed_by: frozenset[Municipality] = attrs.field(default=frozenset(), converter=_agreed)

    def __attrs_post_init__(self) -> None:
        present = self.meeting.present
        expected = _checks.names(present)
        for party, _ in self.positions:
            if party not in present:
                raise GovernanceError(
                    f"{party.name} takes a position on {self.matter!r} but is not present at "
                    f"the meeting on {self.meeting.date}; expected positions of {expected}"
                )
        missing = present - {party for party, _ in self.positions}
        if missing:
            raise GovernanceError(
                f"no position on {self.matter!r} for {_checks.names(missing)}, present at the "
                f"meeting on {self.meeting.date}; expected positions of {expected}"
            )
        if self.rule is DecisionRule.CONSENSUS and self.rule_agreed_by:
            raise GovernanceError(
                f"rule_agreed_by {_checks.names(self.rule_agreed_by)} given for a consensus "
                f"decision; expected it only with another rule such as DecisionRule.MAJORITY"
            )

    def _with(self, position: Position) -> frozenset[Municipality]:
        return frozenset(p for p, taken in self.positions if taken is position)

    @property
    def outcome(self) -> Outcome:
        """Adopted or not, and why (§ 3)."""
        meeting = self.meeting
        quorum = meeting.reasons()[-1]
        objections = self._with(Position.OBJECT)
        if not meeting.is_quorate:
            return Outcome(
                adopted=False,
                rule=self.rule,
                objections=objections,
                reasons=(
                    quorum,
                    Reason("§ 3", message("Not adopted: the committee is not quorate.")),
                ),
            )
        reasons = [quorum]
        rule = self.rule
        if rule is not DecisionRule.CONSENSUS:
            not_agreed = frozenset(meeting.members) - self.rule_agreed_by
            if not_agreed:
                reasons.append(
                    Reason(
                        "§ 3",
                        message(
                            "A majority decision cannot be applied: {who} did not agree to "
                            "it, and a rule other than consensus needs the agreement of all "
                            "members."
                        ),
                        who=not_agreed,
                    )
                )
                rule = DecisionRule.CONSENSUS
            else:
                reasons.append(
                    Reason("§ 3", message("All members have agreed to decide by majority."))
                )
        supporters = self._with(Position.SUPPORT)
        if rule is DecisionRule.CONSENSUS:
            adopted = not objections and bool(supporters)
            if adopted:
                reasons.append(
                    Reason(
                        "§ 3",
                        message(
                            "Adopted by consensus: no present member objects ({support} in "
                            "favour, {aside} standing aside)."
                        ),
                        support=len(supporters),
                        aside=len(self._with(Position.STAND_ASIDE)),
                    )
                )
            elif not objections:
                reasons.append(
                    Reason(
                        "§ 3",
                        message(
                            "Not adopted: no present member supports the proposal; consensus "
                            "needs at least one in favour and none against."
                        ),
                    )
                )
            else:
                reasons.append(
                    Reason(
                        "§ 3",
                        message(
                            "Not adopted: objection by {who}; decisions are taken by consensus."
                        ),
                        who=objections,
                    )
                )
        else:
            adopted = len(supporters) > len(objections)
            reasons.append(
                Reason(
                    "§ 3",
                    message("Adopted by majority: {support} in favour, {object} against.")
                    if adopted
                    else message("Not adopted by majority: {support} in favour, {object} against."),
                    support=len(supporters),
                    object=len(objections),
                )
            )
        return Outcome(adopted=adopted, rule=rule, objections=objections, reasons=tuple(reasons))

    def revocation(self, party: Municipality | str) -> Revocation:
        """The committee's agreement, by this decision, that *party* withdraws its notice (§ 2).

        The decision must be adopted; record the result with
        :meth:`Agreement.with_revocation <sodertorn.Agreement.with_revocation>`.
        """
        outcome = self.outcome
        if not outcome.adopted:
            raise GovernanceError(
                f"{self.matter!r} of {self.meeting.date} was not adopted, so it cannot "
                f"withdraw a notice: {outcome.reasons[-1].text('en')}"
            )
        return Revocation(party=party, decided_on=self.meeting.date, matter=self.matter)


def _decisions(value: object) -> tuple[Decision, ...]:
    items = tuple(value) if isinstance(value, Iterable) and not isinstance(value, str) else None
    if items is None or not all(isinstance(d, Decision) for d in items):
        raise GovernanceError(f"decisions {value!r} is not a collection of Decision values")
    return items


@attrs.frozen(kw_only=True)
class Minutes:
    """The minutes of a meeting: its decisions, sent to every party (§ 3).

    >>> import datetime
    >>> meeting = Meeting(date=datetime.date(2024, 5, 2),
    ...                   in_room={"Huddinge", "Botkyrka", "Salem", "Haninge"})
    >>> decision = Decision(meeting=meeting, matter="Joint consultation response on RUFS",
    ...                     positions={"Huddinge": Position.SUPPORT, "Botkyrka": Position.SUPPORT,
    ...                                "Salem": Position.STAND_ASIDE, "Haninge": Position.OBJECT})
    >>> minutes = Minutes(meeting=meeting, decisions=[decision])
    >>> len(minutes.recipients)
    8
    >>> print(minutes.text("en"))
    Minutes: ordinary meeting on 2 May 2024; present: Huddinge, Botkyrka, Salem and Haninge.
    Joint consultation response on RUFS: not adopted.
    Sent to: Huddinge, Botkyrka, Salem, Haninge, Tyresö, Nykvarn, Södertälje and Nynäshamn.
    """

    __module__ = "sodertorn.agreement"

    meeting: Meeting = attrs.field(converter=_meeting)
    decisions: tuple[Decision, ...] = attrs.field(converter=_decisions)

    def __attrs_post_init__(self) -> None:
        for decision in self.decisions:
            if decision.meeting != self.meeting:
                raise GovernanceError(
                    f"decision on {decision.matter!r} was taken at the meeting on "
                    f"{decision.meeting.date}, not at this one on {self.meeting.date}"
                )

    @property
    def recipients(self) -> tuple[Municipality, ...]:
        """Every party on the meeting's date: the minutes go to all of them (§ 3)."""
        return self.meeting.members

    def text(self, lang: str = "sv") -> str:
        """Write the minutes as plain text in Swedish or English."""
        check_language(lang)
        lines = [
            render(
                message("Minutes: {kind} on {date}; present: {present}."),
                lang,
                kind=self.meeting.kind,
                date=self.meeting.date,
                present=self.meeting.present,
            )
        ]
        adopted, rejected = message("{matter}: adopted."), message("{matter}: not adopted.")
        lines.extend(
            render(adopted if d.outcome.adopted else rejected, lang, matter=d.matter)
            for d in self.decisions
        )
        lines.append(render(message("Sent to: {recipients}."), lang, recipients=self.recipients))
        return "\n".join(lines)
