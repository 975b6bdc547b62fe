from __future__ import annotations

import datetime
import json
from fractions import Fraction
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sodertorn import (
    MUNICIPALITIES,
    SEK,
    FeeRuleError,
    LocaleError,
    MissingDataError,
    Municipality,
    Population,
    PopulationDataError,
    annual_fees,
    municipality,
)
from sodertorn.fees import FeeSchedule, IndexedRule, PerCapitaRule
from sodertorn.i18n import format_money
from sodertorn.money import Rounding, Unit
from sodertorn.testing import parties, party_sets, populations

BUILTIN = Population.builtin()
BASE_SUM_2009 = BUILTIN.total(2009)


# -- worked examples from the documents ---------------------------------------------------


def test_2024_is_four_kronor_times_520_824() -> None:
    fees = annual_fees(2024)
    assert fees.total == SEK(4 * 520_824) == SEK(2_083_296)
    assert fees.rule.kind == "per_capita"
    assert fees.due_date == datetime.date(2024, 3, 15)
    for party, amount in fees.amounts.items():
        assert amount == SEK(4 * BUILTIN.count(party, 2023))


def test_2010_split_sums_to_exactly_860_000() -> None:
    fees = annual_fees(2010)
    assert fees.total == SEK(860_000)
    assert sum(fees.amounts.values(), SEK(0)) == SEK(860_000)
    assert fees.exact_total == 860_000
    assert fees.rule.source == "Samarbetsavtal 2010, § 8"


def test_the_rule_changes_between_2017_and_2018() -> None:
    assert annual_fees(2017).rule.kind == "indexed"
    assert annual_fees(2018).rule.kind == "per_capita"
    assert annual_fees(2018).total == SEK(4 * BUILTIN.total(2017))


def test_a_fee_year_without_population_data() -> None:
    with pytest.raises(MissingDataError, match="2030.*2008-2024"):
        annual_fees(2031)


# -- properties ---------------------------------------------------------------------------


@given(populations(), st.integers(min_value=2010, max_value=2017), party_sets())
def test_chained_indexed_fee_equals_the_closed_form(
    population: Population, year: int, parties: tuple[Municipality, ...]
) -> None:
    fees = annual_fees(year, population, parties=parties)
    base = population.total(2009)
    for line in fees.lines:
        assert line.exact == Fraction(860_000 * population.count(line.party, year - 1), base)
        assert line.steps[-1].fee == line.exact
        assert [s.year for s in line.steps] == list(range(2010, year + 1))


@given(
    populations(),
    st.integers(min_value=2010, max_value=2025),
    party_sets(),
    st.sampled_from(list(Rounding)),
    st.sampled_from(list(Unit)),
)
def test_parts_sum_to_the_total_and_stay_within_one_unit(
    population: Population,
    year: int,
    parties: tuple[Municipality, ...],
    rounding: Rounding,
    unit: Unit,
) -> None:
    fees = annual_fees(year, population, parties=parties, rounding=rounding, unit=unit)
    assert sum(fees.amounts.values(), SEK(0)) == fees.total
    assert abs(fees.total.exact - fees.exact_total) < Fraction(unit.value, 100)
    for line in fees.lines:
        assert abs(line.amount.exact - line.exact) < Fraction(unit.value, 100)
        assert line.amount.ore % unit.value == 0
    assert fees.parties == parties


@given(populations(), st.integers(min_value=2018, max_value=2025), party_sets())
def test_per_capita_fees_are_exact(
    population: Population, year: int, parties: tuple[Municipality, ...]
) -> None:
    fees = annual_fees(year, population, parties=parties)
    for line in fees.lines:
        assert line.amount == SEK(4 * population.count(line.party, year - 1))
        assert line.population == population.count(line.party, year - 1)
    assert fees.total == SEK(4 * population.total(year - 1, parties))


@given(
    populations(),
    st.integers(min_value=2010, max_value=2025),
    parties(),
)
def test_a_withdrawn_party_leaves_the_others_exact_fees_unchanged(
    population: Population, year: int, leaver: Municipality
) -> None:
    everyone = annual_fees(year, population)
    stayers = tuple(p for p in MUNICIPALITIES if p != leaver)
    without = annual_fees(year, population, parties=stayers)
    assert leaver not in without.amounts
    for line in without.lines:
        assert line.exact == everyone.line(line.party).exact


def test_parties_order_and_duplicates_do_not_matter() -> None:
    a = annual_fees(2015, parties=["Salem", "huddinge", "0128"])
    b = annual_fees(2015, parties=[municipality("Huddinge"), municipality("Salem")])
    assert a == b
    assert a.parties == (municipality("Huddinge"), municipality("Salem"))


# -- rounding options ---------------------------------------------------------------------


def test_ore_unit_and_other_rounding() -> None:
    kronor = annual_fees(2015)
    ore = annual_fees(2015, unit=Unit.ORE)
    assert kronor.exact_total == ore.exact_total
    assert not ore.total.is_whole_kronor or ore.total == kronor.total
    assert abs(ore.total.exact - ore.exact_total) <= Fraction(1, 200)
    floor = annual_fees(2015, rounding=Rounding.FLOOR)
    assert floor.total.exact <= floor.exact_total


# -- schedules as data --------------------------------------------------------------------


def test_default_schedule_is_the_data_file() -> None:
    schedule = FeeSchedule.default()
    indexed, per_capita = schedule.rules
    assert isinstance(indexed, IndexedRule) and isinstance(per_capita, PerCapitaRule)
    assert (indexed.first_year, indexed.last_year, indexed.base_total) == (2010, 2017, SEK(860000))
    assert (per_capita.first_year, per_capita.last_year, per_capita.rate) == (2018, None, SEK(4))
    assert per_capita.decided == datetime.date(2017, 2, 2)
    assert FeeSchedule.from_dict(schedule.to_dict()) == schedule
    assert FeeSchedule.from_json(json.dumps(schedule.to_dict())) == schedule


def test_a_new_rate_is_added_as_data() -> None:
    five = PerCapitaRule(first_year=2027, last_year=None, rate=SEK(5), source="Beslut 2026")
    schedule = FeeSchedule.default().with_rule(five)
    assert schedule.rule_for(2026).rate == SEK(4)  # type: ignore[union-attr]
    assert schedule.rule_for(2027) is five
    counts = {(p, 2026): 1000 * (i + 1) for i, p in enumerate(MUNICIPALITIES)}
    fees = annual_fees(2027, BUILTIN.merge(Population(counts)), schedule=schedule)
    assert fees.total == SEK(5 * 36_000)
    assert annual_fees(2027, BUILTIN.merge(Population(counts))).total == SEK(4 * 36_000)


def test_with_rule_replaces_rules_inside_its_span_and_keeps_later_ones() -> None:
    schedule = FeeSchedule.default()
    interim = PerCapitaRule(first_year=2015, last_year=2016, rate=SEK(3), source="x")
    changed = schedule.with_rule(interim)
    assert [(r.first_year, r.last_year) for r in changed.rules] == [
        (2010, 2014), (2015, 2016), (2018, None)
    ]  # fmt: skip
    with pytest.raises(FeeRuleError, match="no fee rule for fee year 2017"):
        changed.rule_for(2017)
    early = PerCapitaRule(first_year=2000, last_year=2005, rate=SEK(1), source="y")
    assert [r.first_year for r in schedule.with_rule(early).rules] == [2000, 2010, 2018]


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        ({}, "list of 'rules'"),
        ({"rules": [], "due": 5}, "'due' must be an object"),
        ({"rules": [5]}, "rule 1: expected an object"),
        ({"rules": [{"kind": "flat", "first_year": 2030}]}, "rule 1: unknown kind 'flat'"),
        ({"rules": [{"kind": "per_capita", "first_year": 2030}]}, "rule 1: missing field 'rate'"),
        (
            {"rules": [{"kind": "per_capita", "first_year": 2030, "rate": "4"}]},
            "rule 1: source ''",
        ),
        (
            {"rules": [{"kind": "per_capita", "first_year": 2030, "rate": 4.5, "source": "s"}]},
            "rule 1: refusing float 4.5",
        ),
        (
            {
                "rules": [
                    {
                        "kind": "indexed",
                        "first_year": 2030,
                        "base_total": "1",
                        "source": "s",
                        "decided": "yesterday",
                    }
                ]
            },
            "rule 1: Invalid isoformat string: 'yesterday'",
        ),
        (
            {
                "rules": [
                    {
                        "kind": "indexed",
                        "first_year": 2030,
                        "base_total": "1",
                        "source": "s",
                        "base_parties": ["Gotland"],
                    }
                ]
            },
            "rule 1: unknown municipality 'Gotland'",
        ),
        (
            {
                "rules": [
                    {"kind": "per_capita", "first_year": 2030, "rate": "4", "source": "a"},
                    {"kind": "per_capita", "first_year": 2031, "rate": "5", "source": "b"},
                ]
            },
            "fee rules overlap: a from 2030",
        ),
        ({"rules": [], "due": {"month": 2, "day": 30}}, "due day 2-30"),
    ],
)
def test_bad_schedules_are_clear_errors(data: Any, needle: str) -> None:
    with pytest.raises(FeeRuleError, match=needle):
        FeeSchedule.from_dict(data)


def test_bad_json_schedule() -> None:
    with pytest.raises(FeeRuleError, match="not valid JSON"):
        FeeSchedule.from_json("{")
    with pytest.raises(FeeRuleError, match="covers no years"):
        FeeSchedule(rules=()).rule_for(2020)
    with pytest.raises(FeeRuleError, match="not a fee rule"):
        FeeSchedule(rules=["x"])  # type: ignore[list-item]


@pytest.mark.parametrize(
    ("kwargs", "needle"),
    [
        ({"first_year": 99}, "first_year 99"),
        ({"first_year": True}, "first_year True"),
        ({"last_year": 2009}, "last_year 2009 is before first_year 2010"),
        ({"last_year": "2020"}, "last_year '2020'"),
        ({"rate": SEK(0)}, "rate SEK"),
        ({"source": " "}, "source ' '"),
        ({"decided": datetime.datetime(2017, 2, 2)}, "is not a date"),
    ],
)
def test_rule_constructors_validate(kwargs: dict[str, Any], needle: str) -> None:
    base: dict[str, Any] = {"first_year": 2010, "last_year": None, "rate": SEK(4), "source": "s"}
    with pytest.raises(FeeRuleError, match=needle):
        PerCapitaRule(**{**base, **kwargs})


def test_indexed_rule_validates() -> None:
    with pytest.raises(FeeRuleError, match="base_total SEK"):
        IndexedRule(first_year=2010, last_year=None, base_total=SEK(0), source="s")
    with pytest.raises(FeeRuleError, match="base_parties"):
        IndexedRule(first_year=2010, last_year=None, base_total=SEK(1), source="s", base_parties=())


def test_indexed_rule_edge_cases() -> None:
    rule = IndexedRule(
        first_year=2010,
        last_year=None,
        base_total=SEK(100),
        source="s",
        base_parties=MUNICIPALITIES[:1],
    )
    schedule = FeeSchedule(rules=[rule])
    with pytest.raises(FeeRuleError, match="Botkyrka was not a party in fee year 2010"):
        annual_fees(2011, schedule=schedule, parties=["Botkyrka"])
    huddinge = MUNICIPALITIES[0]
    zero_then_some = Population({(huddinge, 2009): 0, (huddinge, 2010): 5})
    with pytest.raises(FeeRuleError, match="zero"):
        annual_fees(2011, zero_then_some, schedule=schedule)
    gap = Population({(huddinge, 2009): 5, (huddinge, 2010): 0, (huddinge, 2011): 5})
    with pytest.raises(FeeRuleError, match="no inhabitants on 31 Dec 2010"):
        annual_fees(2012, gap, schedule=schedule)


def test_bad_arguments() -> None:
    with pytest.raises(FeeRuleError, match="'2024'"):
        annual_fees("2024")  # type: ignore[arg-type]
    with pytest.raises(MissingDataError, match="expected a Population"):
        annual_fees(2024, {"a": 1})  # type: ignore[arg-type]
    with pytest.raises(FeeRuleError, match="no parties"):
        annual_fees(2024, parties=[])
    with pytest.raises(FeeRuleError, match="Unit"):
        annual_fees(2024, unit="krona")  # type: ignore[arg-type]


# -- explanations ---------------------------------------------------------------------------


def test_explain_in_swedish_names_inputs_rule_and_rounding() -> None:
    text = annual_fees(2024).explain()
    assert "Avgiftsår 2024" in text
    assert "Samarbetskommitténs beslut 2017-02-02" in text
    assert "520\xa0824" in text
    assert "2\xa0083\xa0296\xa0kr" in text
    assert "Avgifterna är hela kronor; ingen avrundning behövs." in text
    assert "lagen (1970:1029)" in annual_fees(2012).explain()
    assert "15 mars 2024" in text
    assert "Samarbetsavtal 2010, § 8" in text


def test_explain_one_party_of_an_indexed_year() -> None:
    text = annual_fees(2012).explain("Nykvarn", lang="en")
    assert text.splitlines()[0] == "Fee year 2012: Nykvarn"
    assert "2010: SEK 860,000 × 9,227 / 431,423" in text
    assert "2011: population 9,227 → 9,331 (+1.13 %)" in text
    assert "2012: population 9,331 → 9,331 (±0 %)" in text
    assert text.endswith(f"Nykvarn pays {format_money(annual_fees(2012)['Nykvarn'], 'en')}.")


def test_explain_shows_falling_population_with_a_minus_sign() -> None:
    huddinge = MUNICIPALITIES[0]
    counts = {(p, y): 100 for p in MUNICIPALITIES for y in (2009, 2010)}
    counts[(huddinge, 2010)] = 90
    text = annual_fees(2011, Population(counts)).explain(huddinge, lang="en")
    assert "(-10 %)" in text or "(-10.00 %)" in text


def test_explain_refuses_unknown_language_and_party() -> None:
    fees = annual_fees(2024)
    with pytest.raises(LocaleError, match="'de'"):
        fees.explain(lang="de")
    with pytest.raises(LookupError, match="Gotland"):
        fees.explain("Gotland")


def test_table_json_and_html() -> None:
    fees = annual_fees(2024)
    table = fees.table(lang="en")
    assert "Municipality" in table and "Total" in table and "SEK 2,083,296" in table
    assert table.count("\n") >= 12
    data = fees.to_dict()
    assert data["total"] == "2083296" and data["due_date"] == "2024-03-15"
    assert [f["code"] for f in data["fees"]] == [m.code for m in MUNICIPALITIES]
    assert sum(int(f["amount"]) for f in data["fees"]) == 2_083_296
    html = fees._repr_html_()
    assert html.startswith("<table>") and "Tyresö" in html and "2\xa0083\xa0296\xa0kr" in html


def test_assessment_is_immutable() -> None:
    fees = annual_fees(2024)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        fees.total = SEK(1)  # type: ignore[misc]


def test_schedule_parts_of_the_wrong_kind_are_refused() -> None:
    with pytest.raises(FeeRuleError, match="rules None must be an iterable"):
        FeeSchedule(rules=None)  # type: ignore[arg-type]
    with pytest.raises(FeeRuleError, match="base_parties None must be one or more"):
        IndexedRule(
            first_year=2010,
            last_year=None,
            base_total=SEK(1),
            source="x",
            base_parties=None,  # type: ignore[arg-type]
        )
    with pytest.raises(FeeRuleError, match="base_parties .* must be one or more"):
        IndexedRule(
            first_year=2010,
            last_year=None,
            base_total=SEK(1),
            source="x",
            base_parties=(MUNICIPALITIES[0], 5),  # type: ignore[arg-type]
        )
    with pytest.raises(FeeRuleError, match="as str or bytes, got None"):
        FeeSchedule.from_json(None)  # type: ignore[arg-type]
    with pytest.raises(FeeRuleError, match="not valid JSON"):
        FeeSchedule.from_json("[" * 100_000)


@given(
    st.one_of(
        st.text(),
        st.binary(),
        st.recursive(
            st.none()
            | st.booleans()
            | st.integers()
            | st.floats(allow_nan=False)
            | st.text(max_size=6),
            lambda inner: (
                st.lists(inner, max_size=3)
                | st.dictionaries(
                    st.sampled_from(
                        [
                            "rules",
                            "due",
                            "kind",
                            "first_year",
                            "last_year",
                            "rate",
                            "base_total",
                            "source",
                            "decided",
                            "base_parties",
                            "month",
                            "day",
                        ]
                    ),
                    inner,
                    max_size=6,
                )
            ),
            max_leaves=20,
        ).map(json.dumps),
    )
)
def test_from_json_raises_only_fee_rule_errors(text: str | bytes) -> None:
    try:
        schedule = FeeSchedule.from_json(text)
    except FeeRuleError:
        return
    assert FeeSchedule.from_dict(schedule.to_dict()) == schedule


@pytest.mark.parametrize("parties", [False, 5, "Salem", MUNICIPALITIES[0]])
def test_annual_fees_wants_a_collection_of_parties(parties: object) -> None:
    with pytest.raises(FeeRuleError, match="must be a collection of municipalities"):
        annual_fees(2024, parties=parties)  # type: ignore[arg-type]


def test_annual_fees_wants_a_fee_schedule() -> None:
    with pytest.raises(FeeRuleError, match="schedule False is not a FeeSchedule"):
        annual_fees(2024, schedule=False)  # type: ignore[arg-type]


# Typed as Any so the junk below reaches the methods past the type checker.
_SCHEDULE: Any = FeeSchedule.default()
_REGISTER: Any = BUILTIN


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: _SCHEDULE.due_date(None), FeeRuleError, "fee year None"),
        (lambda: _SCHEDULE.rule_for("2024"), FeeRuleError, "fee year '2024'"),
        (lambda: _SCHEDULE.rules[0].covers(None), FeeRuleError, "fee year None"),
        (lambda: _SCHEDULE.rules[1].covers(True), FeeRuleError, "fee year True"),
        (lambda: _SCHEDULE.rules[0].describe(lang=[]), LocaleError, r"\[\]"),
        (lambda: _SCHEDULE.rules[1].describe(lang=[]), LocaleError, r"\[\]"),
        (lambda: _SCHEDULE.with_rule(None), FeeRuleError, "None is not a fee rule"),
        (
            lambda: _SCHEDULE.rules[0].exact_fees(None, BUILTIN, MUNICIPALITIES),
            FeeRuleError,
            "fee year None",
        ),
        (
            lambda: _SCHEDULE.rules[1].exact_fees(2024, None, MUNICIPALITIES),
            MissingDataError,
            "population None is not a Population",
        ),
        (
            lambda: _SCHEDULE.rules[1].exact_fees(2024, BUILTIN, ["Salem"]),
            FeeRuleError,
            "tuple of Municipality",
        ),
        (lambda: _REGISTER.merge(None), PopulationDataError, "merge another Population, got None"),
    ],
)
def test_methods_refuse_junk_with_the_packages_errors(
    call: Any, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        call()


def test_the_builtin_source_is_named_in_the_language_asked() -> None:
    fees = annual_fees(2024)
    assert "Källa för folkmängden: Statistiska centralbyrån (SCB)" in fees.explain()
    assert "Population source: Statistics Sweden (SCB)" in fees.explain(lang="en")
    own = Population({(p, 2023): 1 for p in MUNICIPALITIES}, source="egen fil.csv")
    assert "Källa för folkmängden: egen fil.csv." in annual_fees(2024, own).explain()
