"""The public strategies of sodertorn.testing give what they promise."""

from __future__ import annotations

import datetime
import importlib
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sodertorn import (
    MUNICIPALITIES,
    SEK,
    Agreement,
    AllocationError,
    InvalidAmountError,
    Municipality,
    Notice,
    Plan,
    Population,
    PopulationDataError,
    Programme,
    allocate,
)
from sodertorn import testing as domain
from sodertorn.agreement import Decision, DecisionRule
from sodertorn.fees import FeeSchedule, IndexedRule, PerCapitaRule
from sodertorn.programme import (
    Budget,
    CalendarEntry,
    Conference,
    Contribution,
    Text,
    plan_from_dict,
    plan_to_dict,
)
from sodertorn.testing import (
    amounts,
    fee_rules,
    fee_schedules,
    invalid_amounts,
    invalid_population_counts,
    invalid_weights,
    municipalities,
    party_sets,
    populations,
    weights,
    whole_kronor,
)

if TYPE_CHECKING:
    from fractions import Fraction

    from sodertorn.agreement import Item


@given(amounts(min_value=SEK(-3), max_value=SEK("4.50")))
def test_amounts_stay_within_bounds(amount: SEK) -> None:
    assert SEK(-3) <= amount <= SEK("4.50")


@given(whole_kronor(min_value=-5, max_value=5))
def test_whole_kronor_are_whole(amount: SEK) -> None:
    assert amount.is_whole_kronor
    assert SEK(-5) <= amount <= SEK(5)


@given(invalid_amounts())
def test_invalid_amounts_are_refused(value: object) -> None:
    with pytest.raises(InvalidAmountError):
        SEK(value)  # type: ignore[arg-type]


@given(weights(st.integers(), min_size=2, max_size=5, max_weight=9))
def test_weights_are_non_negative_and_not_all_zero(w: dict[int, int]) -> None:
    assert 2 <= len(w) <= 5
    assert all(0 <= v <= 9 for v in w.values())
    assert sum(w.values()) > 0
    assert SEK.total(allocate(SEK(100), w).values()) == SEK(100)


def test_weights_need_room_for_a_positive_weight() -> None:
    with pytest.raises(ValueError, match="min_size 0"):
        weights(min_size=0)


@given(invalid_weights())
def test_invalid_weights_are_refused(value: object) -> None:
    with pytest.raises(AllocationError):
        allocate(SEK(100), value)  # type: ignore[arg-type]


@given(municipalities())
def test_municipalities_are_valid(party: Municipality) -> None:
    assert len(party.code) == 4
    assert party.code.isdigit()
    assert party.name.strip()


@given(party_sets(MUNICIPALITIES[:3], min_size=2))
def test_party_sets_are_sorted_subsets(chosen: tuple[Municipality, ...]) -> None:
    assert 2 <= len(chosen) <= 3
    assert set(chosen) <= set(MUNICIPALITIES[:3])
    assert list(chosen) == sorted(chosen)


@given(populations(MUNICIPALITIES[:2], first_year=2020, last_year=2022, min_count=0, max_count=3))
def test_populations_cover_every_party_and_year(population: Population) -> None:
    assert population.years == (2020, 2021, 2022)
    assert population.parties == MUNICIPALITIES[:2]
    assert all(0 <= count <= 3 for count in population.counts.values())


@given(invalid_population_counts())
def test_invalid_population_counts_are_refused(value: object) -> None:
    with pytest.raises(PopulationDataError):
        Population(value)  # type: ignore[arg-type]


@given(fee_rules(first_year=2030, last_year=2040, among=MUNICIPALITIES[:2]))
def test_fee_rules_lie_in_their_span(rule: IndexedRule | PerCapitaRule) -> None:
    assert 2030 <= rule.first_year <= 2040
    assert rule.last_year is None or rule.first_year <= rule.last_year <= 2040
    if isinstance(rule, IndexedRule):
        assert set(rule.base_parties) <= set(MUNICIPALITIES[:2])


@given(fee_schedules(first_year=2030, last_year=2060, max_rules=3))
def test_fee_schedules_have_one_rule_per_year_from_the_first(schedule: FeeSchedule) -> None:
    rules = schedule.rules
    assert 1 <= len(rules) <= 3
    for year in range(rules[0].first_year, rules[-1].last_year or 2060):
        assert schedule.rule_for(year).covers(year)
    assert FeeSchedule.from_dict(schedule.to_dict()) == schedule


def test_testing_names_the_extra_when_hypothesis_is_missing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "hypothesis", None)
    monkeypatch.delitem(sys.modules, "sodertorn.testing")
    with pytest.raises(ImportError, match=r"sodertorn\[testing\]"):
        importlib.import_module("sodertorn.testing")


def test_importing_the_package_imports_neither_babel_nor_hypothesis() -> None:
    code = (
        "import sys, sodertorn\n"
        "print(sorted(m for m in ('babel', 'hypothesis') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


@given(domain.agreements(), st.data())
def test_agreements_and_meetings_are_consistent(agreement: Agreement, data: st.DataObject) -> None:
    meeting = data.draw(domain.meetings(agreement))
    members = set(agreement.parties_on(meeting.date))
    assert set(meeting.in_room) | set(meeting.remote) <= members
    assert set(agreement.parties_on(datetime.date(2010, 1, 1))) == set(MUNICIPALITIES)


@given(domain.notices())
def test_notices_are_decided_before_they_arrive(notice: Notice) -> None:
    assert notice.council_decision_date is not None
    assert notice.council_decision_date <= notice.received_by_chair
    assert notice.period_start > notice.received_by_chair


@given(domain.items())
def test_items_have_unique_names(drawn: tuple[Item, ...]) -> None:
    assert len({item.name for item in drawn}) == len(drawn) >= 1


@given(domain.programmes())
def test_programmes_are_valid_goal_trees(programme: Programme) -> None:
    ids = [node.id for node in programme.nodes]
    assert len(ids) == len(set(ids))
    assert all(node.parent in {programme.id, *ids} for node in programme.nodes)


@given(
    amount=st.from_type(SEK),
    party=st.from_type(Municipality),
    population=st.from_type(Population),
)
def test_from_type_draws_the_library_s_values(
    amount: SEK, party: Municipality, population: Population
) -> None:
    assert isinstance(amount, SEK)
    assert party in MUNICIPALITIES
    assert set(population.parties) == set(MUNICIPALITIES)


def test_hypothesis_finds_the_setup_hook_in_the_package_metadata() -> None:
    from importlib.metadata import entry_points

    from sodertorn._hypothesis_plugin import _hypothesis_setup_hook

    (hook,) = (entry for entry in entry_points(group="hypothesis") if entry.name == "sodertorn")
    assert hook.load() is _hypothesis_setup_hook


@given(domain.days_in_force(), domain.receipt_dates())
def test_agreement_days_fall_while_it_is_in_force(
    day: datetime.date, received: datetime.date
) -> None:
    assert datetime.date(2010, 1, 1) <= day <= datetime.date(2099, 12, 31)
    assert datetime.date(2010, 1, 1) <= received <= datetime.date(2099, 12, 31)


@given(domain.decisions(DecisionRule.MAJORITY))
def test_decisions_take_every_present_member_s_position(decision: Decision) -> None:
    assert decision.rule is DecisionRule.MAJORITY
    assert {party for party, _ in decision.positions} == set(decision.meeting.present)


@given(domain.programmes(ids=domain.few_slugs()), domain.texts(), domain.days())
def test_programme_parts_are_valid(programme: Programme, text: Text, day: datetime.date) -> None:
    assert {node.id for node in programme.nodes} <= set("abcdefgh")
    assert text.sv.strip() == text.sv != ""
    assert datetime.date(2000, 1, 1) <= day <= datetime.date(2040, 12, 31)


@given(domain.plans(), st.data())
def test_plans_and_their_follow_ups_round_trip(plan: Plan, data: st.DataObject) -> None:
    assert plan_from_dict(plan_to_dict(plan), programme=plan.programme) == plan
    follow_up = data.draw(domain.follow_ups(plan))
    assert {status.activity for status in follow_up.statuses} <= {a.id for a in plan.activities}
    assert all(status.date.year == plan.year for status in follow_up.statuses)


@given(domain.conferences(), domain.contributions(), domain.budgets(), domain.calendar_entries())
def test_plan_parts_are_valid(
    conference: Conference, contribution: Contribution, budget: Budget, entry: CalendarEntry
) -> None:
    assert len({hosting.year for hosting in conference.rotation}) == len(conference.rotation)
    assert len({edition.year for edition in conference.editions}) == len(conference.editions)
    assert contribution.goals
    assert len(budget.revenue) <= 2 and len(budget.costs) <= 4
    assert entry.end is None or entry.start <= entry.end


@given(domain.comments())
def test_comments_are_never_blank(comment: str) -> None:
    assert comment == comment.strip() != ""


@given(domain.junk())
def test_junk_is_an_amount_or_refused_as_one(value: object) -> None:
    try:
        amount = SEK(value)  # type: ignore[arg-type]
    except InvalidAmountError:
        return
    assert isinstance(amount, SEK)


@given(domain.exact_shares(st.integers(), max_size=4))
def test_exact_shares_are_non_negative_fractions(shares: dict[int, Fraction]) -> None:
    assert 1 <= len(shares) <= 4
    assert all(0 <= share <= 10**6 and share.denominator <= 10**4 for share in shares.values())


@given(
    domain.sparse_populations(MUNICIPALITIES[:2], first_year=2008, last_year=2012, required=[2009])
)
def test_sparse_populations_keep_the_required_years(population: Population) -> None:
    assert all(population.count(party, 2009) > 0 for party in MUNICIPALITIES[:2])
    assert all(count >= 0 for count in population.counts.values())


@given(domain.programme_chains(min_size=2, max_size=3))
def test_programme_chains_replace_the_one_before(chain: tuple[Programme, ...]) -> None:
    assert 2 <= len(chain) <= 3
    assert chain[0].replaces is None
    assert [later.replaces for later in chain[1:]] == [earlier.id for earlier in chain[:-1]]


@given(domain.command_lines(["a.csv"]), domain.environments())
def test_command_lines_never_write_files(argv: list[str], environment: dict[str, str]) -> None:
    assert all(isinstance(token, str) for token in argv)
    assert "--output" not in argv
    assert set(environment) <= {"PYTHONIOENCODING", "LANG", "LC_ALL", "COLUMNS", "TZ", "HOME"}


@given(domain.population_bytes(), domain.population_texts(), domain.jsonstat_datasets())
def test_population_inputs_have_their_types(
    data: bytes, text: str, dataset: dict[str, object]
) -> None:
    assert isinstance(data, bytes) and isinstance(text, str)
    assert set(dataset) == {"id", "size", "dimension", "value", "role"}
