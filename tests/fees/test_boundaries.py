"""Fee rules and schedules at their edges: year limits, spans, due days, ``with_rule``,
rounding at exact halves and öre, and every message whole."""

from __future__ import annotations

import datetime
import json
from fractions import Fraction
from typing import Any

import pytest

from sodertorn import (
    MUNICIPALITIES,
    SEK,
    FeeRuleError,
    LocaleError,
    MissingDataError,
    Population,
    annual_fees,
)
from sodertorn.fees import FeeSchedule, IndexedRule, IndexStep, PerCapitaRule
from sodertorn.money import Rounding, Unit
from sodertorn.population import BUILTIN_SOURCE

HUDDINGE, BOTKYRKA, SALEM = MUNICIPALITIES[:3]


FOUR = SEK(4)


def per_capita(first: int, last: int | None, rate: SEK = FOUR, source: str = "s") -> PerCapitaRule:
    return PerCapitaRule(first_year=first, last_year=last, rate=rate, source=source)


def message(info: pytest.ExceptionInfo[FeeRuleError]) -> str:
    return str(info.value)


# -- years ---------------------------------------------------------------------------------


@pytest.mark.parametrize("year", [1000, 9999])
def test_four_digit_years_at_the_limits(year: int) -> None:
    rule = per_capita(year, year)
    assert (rule.first_year, rule.last_year) == (year, year)
    assert rule.covers(year)
    assert not rule.covers(year - 1) and not rule.covers(year + 1)


@pytest.mark.parametrize(
    ("first", "last", "text"),
    [
        (
            999,
            None,
            "first_year 999 is not a calendar year; expected an int from 1000 to 9999, such as 2024",
        ),
        (
            10000,
            None,
            "first_year 10000 is not a calendar year; expected an int from 1000 to 9999, such as 2024",
        ),
        (
            2010,
            999,
            "last_year 999 is not a calendar year; expected an int from 1000 to 9999, such as 2024",
        ),
        (
            2010,
            10000,
            "last_year 10000 is not a calendar year; expected an int from 1000 to 9999, such as 2024",
        ),
        (
            2010,
            True,
            "last_year True is not a calendar year; expected an int from 1000 to 9999, such as 2024",
        ),
        (
            2010,
            2009,
            "last_year 2009 is before first_year 2010; expected a span of one year or more",
        ),
    ],
)
def test_years_out_of_range(first: int, last: int | None, text: str) -> None:
    for make in (
        lambda: per_capita(first, last),
        lambda: IndexedRule(first_year=first, last_year=last, base_total=SEK(1), source="s"),
    ):
        with pytest.raises(FeeRuleError) as info:
            make()
        assert message(info) == text


def test_a_rule_of_one_year_covers_that_year_only() -> None:
    rule = IndexedRule(first_year=2010, last_year=2010, base_total=SEK(1), source="s")
    assert rule.covers(2010)
    assert not rule.covers(2009) and not rule.covers(2011)
    open_ended = per_capita(2018, None)
    assert open_ended.covers(2018) and open_ended.covers(9999) and not open_ended.covers(2017)


# -- the other fields ----------------------------------------------------------------------


def test_amounts_must_be_positive_and_one_ore_is() -> None:
    assert per_capita(2030, None, rate=SEK("0.01")).rate == SEK("0.01")
    indexed = IndexedRule(first_year=2010, last_year=None, base_total=SEK("0.01"), source="s")
    assert indexed.base_total.ore == 1
    for bad in (SEK(0), SEK("-0.01")):
        with pytest.raises(FeeRuleError) as info:
            per_capita(2030, None, rate=bad)
        assert message(info) == f"rate {bad!r} must be a positive amount per inhabitant"
        with pytest.raises(FeeRuleError) as info:
            IndexedRule(first_year=2010, last_year=None, base_total=bad, source="s")
        assert message(info) == f"base_total {bad!r} must be a positive amount"


@pytest.mark.parametrize("source", ["", " \t", None])
def test_source_must_name_the_paragraph(source: Any) -> None:
    with pytest.raises(FeeRuleError) as info:
        per_capita(2030, None, source=source)
    assert message(info) == (
        f"source {source!r} is empty or not text; expected the paragraph or decision the rule "
        "comes from"
    )


def test_decided_is_a_date_or_none() -> None:
    day = datetime.date(2017, 2, 2)
    rule = PerCapitaRule(first_year=2018, last_year=None, rate=SEK(4), source="s", decided=day)
    assert rule.decided == day
    for bad in ("2017-02-02", datetime.datetime(2017, 2, 2)):
        with pytest.raises(FeeRuleError) as info:
            PerCapitaRule(first_year=2018, last_year=None, rate=SEK(4), source="s", decided=bad)  # type: ignore[arg-type]
        assert message(info) == (
            f"decided {bad!r} is not a date; expected a datetime.date such as 2024-03-15 or None"
        )


def test_base_parties_are_sorted_and_checked() -> None:
    rule = IndexedRule(
        first_year=2010,
        last_year=None,
        base_total=SEK(1),
        source="s",
        base_parties=[SALEM, HUDDINGE],
    )
    assert rule.base_parties == (HUDDINGE, SALEM)
    assert IndexedRule(
        first_year=2010, last_year=None, base_total=SEK(1), source="s"
    ).base_parties == (MUNICIPALITIES)
    with pytest.raises(FeeRuleError) as info:
        IndexedRule(first_year=2010, last_year=None, base_total=SEK(1), source="s", base_parties=())
    assert message(info) == "base_parties () must be one or more Municipality"
    with pytest.raises(FeeRuleError) as info:
        IndexedRule(
            first_year=2010,
            last_year=None,
            base_total=SEK(1),
            source="s",
            base_parties=[1, "a"],  # type: ignore[list-item]
        )
    assert message(info) == "base_parties [1, 'a'] must be one or more Municipality"


def test_rules_as_plain_data() -> None:
    indexed = IndexedRule(
        first_year=2010,
        last_year=2017,
        base_total=SEK("860000.50"),
        source="§ 8",
        decided=datetime.date(2010, 8, 18),
        base_parties=[SALEM, HUDDINGE],
    )
    assert indexed.to_dict() == {
        "kind": "indexed",
        "first_year": 2010,
        "last_year": 2017,
        "base_total": "860000.50",
        "source": "§ 8",
        "decided": "2010-08-18",
        "base_parties": ["0126", "0128"],
    }
    assert per_capita(2018, None, rate=SEK("4.25")).to_dict() == {
        "kind": "per_capita",
        "first_year": 2018,
        "last_year": None,
        "rate": "4.25",
        "source": "s",
        "decided": None,
    }


def test_index_step_change() -> None:
    step = IndexStep(year=2011, before=200, after=150, fee=Fraction(1))
    assert step.change == Fraction(-1, 4)
    assert IndexStep(year=2011, before=4, after=5, fee=Fraction(1)).change == Fraction(1, 4)


# -- schedules -----------------------------------------------------------------------------


def test_rules_are_ordered_and_may_touch_but_not_overlap() -> None:
    later, earlier = per_capita(2020, None, source="b"), per_capita(2010, 2019, source="a")
    assert FeeSchedule(rules=[later, earlier]).rules == (earlier, later)
    with pytest.raises(FeeRuleError) as info:
        FeeSchedule(rules=[per_capita(2010, 2020, source="a"), later])
    assert message(info) == (
        "fee rules overlap: a from 2010 (to 2020) and b from 2020; "
        "expected each fee year to have exactly one rule"
    )
    with pytest.raises(FeeRuleError) as info:
        FeeSchedule(rules=[later, per_capita(2010, None, source="a")])
    assert message(info) == (
        "fee rules overlap: a from 2010 (to further notice) and b from 2020; "
        "expected each fee year to have exactly one rule"
    )


def test_schedule_refuses_what_is_not_rules() -> None:
    with pytest.raises(FeeRuleError) as info:
        FeeSchedule(rules=5)  # type: ignore[arg-type]
    assert message(info) == "rules 5 must be an iterable of fee rules"
    with pytest.raises(FeeRuleError) as info:
        FeeSchedule(rules=["x"])  # type: ignore[list-item]
    assert message(info) == (
        "rule 'x' is not a fee rule; expected an IndexedRule or a PerCapitaRule"
    )


def test_rule_for_at_the_edges_and_the_spans_it_names() -> None:
    a, b = per_capita(2010, 2017, source="a"), per_capita(2018, 2020, source="b")
    schedule = FeeSchedule(rules=[a, b])
    assert schedule.rule_for(2010) is a and schedule.rule_for(2017) is a
    assert schedule.rule_for(2018) is b and schedule.rule_for(2020) is b
    for year in (2009, 2021):
        with pytest.raises(FeeRuleError) as info:
            schedule.rule_for(year)
        assert message(info) == (
            f"no fee rule for fee year {year}; the schedule covers 2010-2017, 2018-2020"
        )
    with pytest.raises(FeeRuleError) as info:
        FeeSchedule.default().rule_for(2009)
    assert message(info) == (
        "no fee rule for fee year 2009; the schedule covers 2010-2017, 2018 onwards"
    )
    with pytest.raises(FeeRuleError) as info:
        FeeSchedule(rules=()).rule_for(2020)
    assert message(info) == "no fee rule for fee year 2020; the schedule covers no years"


@pytest.mark.parametrize(
    ("month", "day", "due"),
    [(3, 15, datetime.date(2024, 3, 15)), (1, 1, datetime.date(2024, 1, 1)), (12, 31, None)],
)
def test_due_days_that_exist(month: int, day: int, due: datetime.date | None) -> None:
    schedule = FeeSchedule(rules=(), due_month=month, due_day=day)
    assert schedule.due_date(2024) == (due or datetime.date(2024, month, day))


def test_default_due_day_and_leap_day() -> None:
    schedule = FeeSchedule(rules=())
    assert (schedule.due_month, schedule.due_day) == (3, 15)
    assert FeeSchedule(rules=(), due_month=2, due_day=29).due_date(2024) == datetime.date(
        2024, 2, 29
    )


@pytest.mark.parametrize(
    ("month", "day", "text"),
    [
        (2, 30, "due day 2-30 is not a day of the year"),
        (13, 1, "due day 13-1 is not a day of the year"),
        (0, 1, "due day 0-1 is not a day of the year"),
        (4, 31, "due day 4-31 is not a day of the year"),
        (3, 0, "due day 3-0 is not a day of the year"),
        (3, "15", "due day 3-'15' is not a day of the year"),
        (None, 15, "due day None-15 is not a day of the year"),
    ],
)
def test_due_days_that_do_not_exist(month: Any, day: Any, text: str) -> None:
    with pytest.raises(FeeRuleError) as info:
        FeeSchedule(rules=(), due_month=month, due_day=day)
    assert message(info) == text


def test_a_leap_day_due_in_a_common_year_is_refused_whole() -> None:
    schedule = FeeSchedule(rules=(), due_month=2, due_day=29)
    with pytest.raises(FeeRuleError) as info:
        schedule.due_date(2025)
    assert message(info) == (
        "due day 2-29 does not exist in 2025; expected a schedule whose due day is in every year"
    )


# -- with_rule -------------------------------------------------------------------------------


def test_with_rule_refuses_what_is_not_a_rule() -> None:
    with pytest.raises(FeeRuleError) as info:
        FeeSchedule(rules=()).with_rule(5)  # type: ignore[arg-type]
    assert message(info) == "rule 5 is not a fee rule; expected an IndexedRule or a PerCapitaRule"


def spans(schedule: FeeSchedule) -> list[tuple[str, int, int | None]]:
    return [(r.source, r.first_year, r.last_year) for r in schedule.rules]


def test_with_rule_cuts_a_rule_that_ends_on_its_first_year() -> None:
    schedule = FeeSchedule(rules=[per_capita(2010, 2020, source="old")])
    changed = schedule.with_rule(per_capita(2020, None, source="new"))
    assert spans(changed) == [("old", 2010, 2019), ("new", 2020, None)]


def test_with_rule_keeps_a_rule_that_ends_the_year_before() -> None:
    old = per_capita(2010, 2019, source="old")
    changed = FeeSchedule(rules=[old]).with_rule(per_capita(2020, None, source="new"))
    assert changed.rules[0] is old
    assert spans(changed) == [("old", 2010, 2019), ("new", 2020, None)]


def test_with_rule_replaces_a_rule_starting_the_same_year() -> None:
    schedule = FeeSchedule(
        rules=[per_capita(2010, 2017, source="a"), per_capita(2018, None, source="b")]
    )
    changed = schedule.with_rule(per_capita(2018, None, source="c"))
    assert spans(changed) == [("a", 2010, 2017), ("c", 2018, None)]


def test_with_rule_drops_a_later_rule_starting_on_its_last_year_and_keeps_the_next() -> None:
    schedule = FeeSchedule(
        rules=[
            per_capita(2010, 2014, source="a"),
            per_capita(2015, 2015, source="b"),
            per_capita(2016, None, source="c"),
        ]
    )
    changed = schedule.with_rule(per_capita(2012, 2015, source="n"))
    assert spans(changed) == [("a", 2010, 2011), ("n", 2012, 2015), ("c", 2016, None)]
    open_ended = schedule.with_rule(per_capita(2012, None, source="n"))
    assert spans(open_ended) == [("a", 2010, 2011), ("n", 2012, None)]


def test_with_rule_keeps_the_due_day() -> None:
    schedule = FeeSchedule(rules=(), due_month=4, due_day=30)
    changed = schedule.with_rule(per_capita(2030, None))
    assert (changed.due_month, changed.due_day) == (4, 30)


# -- schedules as data -----------------------------------------------------------------------


def test_schedule_to_dict_whole() -> None:
    assert FeeSchedule.default().to_dict() == {
        "schema": 1,
        "due": {"month": 3, "day": 15},
        "rules": [
            {
                "kind": "indexed",
                "first_year": 2010,
                "last_year": 2017,
                "base_total": "860000",
                "source": "Samarbetsavtal 2010, § 8",
                "decided": "2010-08-18",
                "base_parties": [m.code for m in MUNICIPALITIES],
            },
            {
                "kind": "per_capita",
                "first_year": 2018,
                "last_year": None,
                "rate": "4",
                "source": "Samarbetskommitténs beslut 2017-02-02",
                "decided": "2017-02-02",
            },
        ],
    }


def test_from_dict_defaults() -> None:
    schedule = FeeSchedule.from_dict(
        {
            "rules": [
                {
                    "kind": "indexed",
                    "first_year": 2010,
                    "base_total": "1",
                    "source": "a",
                    "decided": "",
                },
            ]
        }
    )
    (rule,) = schedule.rules
    assert isinstance(rule, IndexedRule)
    assert (rule.last_year, rule.decided, rule.base_parties) == (None, None, MUNICIPALITIES)
    assert (schedule.due_month, schedule.due_day) == (3, 15)
    partial = FeeSchedule.from_dict({"rules": [], "due": {"day": 1}})
    assert (partial.due_month, partial.due_day) == (3, 1)
    partial = FeeSchedule.from_dict({"rules": [], "due": {"month": 4}})
    assert (partial.due_month, partial.due_day) == (4, 15)
    chosen = FeeSchedule.from_dict(
        {
            "rules": [
                {
                    "kind": "indexed",
                    "first_year": 2010,
                    "base_total": "1",
                    "source": "a",
                    "base_parties": ["Salem", "0126"],
                }
            ]
        }
    )
    assert chosen.rules[0].base_parties == (HUDDINGE, SALEM)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ([], "expected an object with a list of 'rules', got []"),
        ({"rules": {}}, "expected an object with a list of 'rules', got {'rules': {}}"),
        ({"rules": [], "due": [3, 15]}, "'due' must be an object with month and day, got [3, 15]"),
        ({"rules": [{}, 5]}, "rule 1: missing field 'first_year'"),
        (
            {"rules": [], "due": {"month": 3, "dag": 1}},
            "fee schedule, 'due': unknown key 'dag'; expected some of 'day', 'month', 'source'",
        ),
        (
            {
                "rules": [
                    {"kind": "per_capita", "first_year": 2010, "rate": "4", "source": "a"},
                    {"kind": "per_capita", "first_year": 2011, "rates": "4", "source": "a"},
                ]
            },
            "rule 2: unknown key 'rates'; expected some of 'about', 'decided', 'first_year', "
            "'kind', 'last_year', 'rate', 'source'",
        ),
        (
            {"rules": [{"kind": "per_capita", "first_year": 2010, "rate": "4", "source": "a"}, 5]},
            "rule 2: expected an object, got 5",
        ),
        (
            {"rules": [{"kind": "per_capita", "first_year": 2010, "source": "a"}]},
            "rule 1: missing field 'rate'",
        ),
        (
            {"rules": [{"kind": "indexed", "first_year": 2010, "source": "a"}]},
            "rule 1: missing field 'base_total'",
        ),
        (
            {"rules": [{"first_year": 2010}]},
            "rule 1: unknown kind None; expected 'indexed' or 'per_capita'",
        ),
        (
            {"rules": [{"kind": "per_capita", "first_year": 2010, "rate": "4"}]},
            "rule 1: source '' is empty or not text; expected the paragraph or decision the rule "
            "comes from",
        ),
        (
            {
                "rules": [
                    {
                        "kind": "per_capita",
                        "first_year": 2010,
                        "rate": "4",
                        "source": "a",
                        "decided": 5,
                    }
                ]
            },
            "rule 1: fromisoformat: argument must be str",
        ),
        (
            {
                "rules": [
                    {
                        "kind": "indexed",
                        "first_year": 2010,
                        "base_total": "1",
                        "source": "a",
                        "base_parties": 5,
                    }
                ]
            },
            "rule 1: 'int' object is not iterable",
        ),
    ],
)
def test_from_dict_errors_whole(data: Any, text: str) -> None:
    with pytest.raises(FeeRuleError) as info:
        FeeSchedule.from_dict(data)
    assert message(info) == text


def test_from_json_reads_bytes_and_names_the_json_error() -> None:
    data = json.dumps(FeeSchedule.default().to_dict()).encode("utf-8")
    assert FeeSchedule.from_json(data) == FeeSchedule.default()
    with pytest.raises(FeeRuleError) as info:
        FeeSchedule.from_json("{")
    assert message(info) == (
        "fee schedule is not valid JSON: Expecting property name enclosed in double quotes: "
        "line 1 column 2 (char 1)"
    )
    with pytest.raises(FeeRuleError) as info:
        FeeSchedule.from_json(5)  # type: ignore[arg-type]
    assert message(info) == "expected the schedule's JSON as str or bytes, got 5"


# -- assessments: rounding at exact halves and in öre ------------------------------------------


HALF_RULE = FeeSchedule(rules=[per_capita(2030, None, rate=SEK("0.50"))])


def one_party(count: int, year: int = 2029) -> Population:
    return Population({(HUDDINGE, year): count})


@pytest.mark.parametrize(
    ("rounding", "kronor"),
    [
        (Rounding.HALF_UP, 4),
        (Rounding.HALF_EVEN, 4),
        (Rounding.DOWN, 3),
        (Rounding.UP, 4),
        (Rounding.FLOOR, 3),
        (Rounding.CEILING, 4),
    ],
)
def test_total_of_an_exact_half_krona(rounding: Rounding, kronor: int) -> None:
    fees = annual_fees(
        2030, one_party(7), parties=[HUDDINGE], schedule=HALF_RULE, rounding=rounding
    )
    assert fees.exact_total == Fraction(7, 2)
    assert fees.total == SEK(kronor) == fees[HUDDINGE]
    assert fees.rounding is rounding and fees.unit is Unit.KRONA


def test_half_even_rounds_five_halves_down() -> None:
    fees = annual_fees(
        2030, one_party(5), parties=[HUDDINGE], schedule=HALF_RULE, rounding=Rounding.HALF_EVEN
    )
    assert fees.total == SEK(2)
    assert annual_fees(2030, one_party(5), parties=[HUDDINGE], schedule=HALF_RULE).total == SEK(3)


def test_ore_unit_keeps_the_half_krona() -> None:
    fees = annual_fees(2030, one_party(7), parties=[HUDDINGE], schedule=HALF_RULE, unit=Unit.ORE)
    assert fees.total == SEK("3.50") == fees[HUDDINGE]
    assert fees.unit is Unit.ORE
    cheap = FeeSchedule(rules=[per_capita(2030, None, rate=SEK("0.01"))])
    assert annual_fees(
        2030, one_party(3), parties=[HUDDINGE], schedule=cheap, unit=Unit.ORE
    ).total == SEK("0.03")
    assert annual_fees(2030, one_party(3), parties=[HUDDINGE], schedule=cheap).total == SEK(0)


def test_halves_spread_over_parties_by_largest_remainder() -> None:
    population = Population({(HUDDINGE, 2029): 1, (BOTKYRKA, 2029): 1, (SALEM, 2029): 1})
    fees = annual_fees(2030, population, parties=population.parties, schedule=HALF_RULE)
    assert fees.exact_total == Fraction(3, 2) and fees.total == SEK(2)
    assert fees.amounts == {HUDDINGE: SEK(1), BOTKYRKA: SEK(1), SALEM: SEK(0)}
    assert [line.exact for line in fees.lines] == [Fraction(1, 2)] * 3


def test_assessment_lines_and_lookup() -> None:
    fees = annual_fees(2024)
    line = fees.line("Salem")
    assert (line.party, line.population, line.exact, line.amount, line.steps) == (
        SALEM,
        17_451,
        Fraction(69_804),
        SEK(69_804),
        (),
    )
    assert fees["0128"] == fees[SALEM] == SEK(69_804)
    assert fees.parties == MUNICIPALITIES
    assert list(fees.amounts) == list(MUNICIPALITIES)
    assert fees.population_source.startswith("Statistics Sweden (SCB)")
    indexed = annual_fees(2012).line("Salem")
    assert [(s.year, s.before, s.after) for s in indexed.steps] == [
        (2010, 0, 15_313),
        (2011, 15_313, 15_391),
        (2012, 15_391, 15_694),
    ]


def test_assessment_to_dict_whole() -> None:
    data = annual_fees(2012).to_dict()
    assert {k: v for k, v in data.items() if k != "fees"} == {
        "year": 2012,
        "rule": "indexed",
        "source": "Samarbetsavtal 2010, § 8",
        "due_date": "2012-03-15",
        "payable_by": "2012-03-15",
        "population_date": "2011-12-31",
        "population_source": BUILTIN_SOURCE,
        "unit": "krona",
        "rounding": "half-up",
        "population_sources": [
            {"kind": "builtin", "note": BUILTIN_SOURCE, "description": BUILTIN_SOURCE}
        ],
        "total": "885745",
    }
    assert data["fees"][0] == {
        "code": "0126",
        "name": "Huddinge",
        "population": 99_049,
        "amount": "197445",
    }
    assert len(data["fees"]) == 8
    ore = annual_fees(
        2030, one_party(7), parties=[HUDDINGE], schedule=HALF_RULE, unit=Unit.ORE
    ).to_dict()
    assert ore["total"] == "3.50" and ore["fees"][0]["amount"] == "3.50"


def test_indexed_fee_of_the_first_year_and_a_party_subset() -> None:
    fees = annual_fees(2010, parties=["Salem"])
    (line,) = fees.lines
    assert line.exact == Fraction(860_000 * 15_313, 431_423)
    assert [(s.year, s.before, s.after) for s in line.steps] == [(2010, 0, 15_313)]
    assert line.population == 15_313


# -- annual_fees arguments -------------------------------------------------------------------


def test_annual_fees_messages_whole() -> None:
    with pytest.raises(FeeRuleError) as info:
        annual_fees(True)
    assert message(info) == (
        "fee year True is not a calendar year; expected an int from 1 to 9999, such as 2024"
    )
    with pytest.raises(FeeRuleError) as info:
        annual_fees(2024, unit=Unit.ORE, rounding="half-up")  # type: ignore[arg-type]
    assert message(info) == (
        "rounding 'half-up' is unknown; expected "
        "Rounding.HALF_UP, Rounding.HALF_EVEN, Rounding.DOWN, Rounding.UP, Rounding.FLOOR or Rounding.CEILING"
    )
    with pytest.raises(FeeRuleError) as info:
        annual_fees(2024, parties="Salem")
    assert message(info) == (
        "parties 'Salem' must be a collection of municipalities (names, codes or "
        "Municipality), such as ['Huddinge', 'Salem']"
    )
    with pytest.raises(FeeRuleError) as info:
        annual_fees(2024, parties=())
    assert message(info) == "no parties given; expected at least one municipality"


def test_parties_are_looked_up_among_the_population_or_the_eight() -> None:
    population = one_party(10, 2023)
    fees = annual_fees(2024, population, parties=["Huddinge"])
    assert fees.amounts == {HUDDINGE: SEK(40)}
    with pytest.raises(LookupError, match="Salem"):
        annual_fees(2024, population, parties=["Salem"])
    empty = Population({})
    with pytest.raises(LookupError):
        annual_fees(2024, empty, parties=["Salem"])


def test_indexed_rule_errors_whole() -> None:
    rule = IndexedRule(
        first_year=2010, last_year=None, base_total=SEK(100), source="s", base_parties=[HUDDINGE]
    )
    schedule = FeeSchedule(rules=[rule])
    cases: list[tuple[Population | None, int, str]] = [
        (None, 2011, "was not a party"),
        (
            Population({(HUDDINGE, 2009): 0, (HUDDINGE, 2010): 5}),
            2011,
            "the population of the base parties on 31 Dec 2009 is zero",
        ),
        (
            Population({(HUDDINGE, 2009): 5, (HUDDINGE, 2010): 0, (HUDDINGE, 2011): 5}),
            2012,
            "Huddinge had no inhabitants on 31 Dec 2010, so its population change to 2011 "
            "is undefined",
        ),
    ]
    with pytest.raises(FeeRuleError) as info:
        annual_fees(2011, schedule=schedule, parties=["Botkyrka"])
    assert message(info) == (
        "Botkyrka was not a party in fee year 2010, so the indexed rule (s) gives it no fee"
    )
    for population, year, text in cases[1:]:
        with pytest.raises(FeeRuleError) as info:
            annual_fees(year, population, schedule=schedule, parties=[HUDDINGE])
        assert message(info) == text


def test_indexed_fee_with_a_single_base_party_is_the_whole_base_total() -> None:
    rule = IndexedRule(
        first_year=2010, last_year=None, base_total=SEK(100), source="s", base_parties=[HUDDINGE]
    )
    population = Population({(HUDDINGE, 2009): 50, (HUDDINGE, 2010): 75, (HUDDINGE, 2011): 60})
    fees = annual_fees(2012, population, schedule=FeeSchedule(rules=[rule]), parties=[HUDDINGE])
    line = fees.line(HUDDINGE)
    assert [(s.year, s.before, s.after, s.fee) for s in line.steps] == [
        (2010, 0, 50, Fraction(100)),
        (2011, 50, 75, Fraction(150)),
        (2012, 75, 60, Fraction(120)),
    ]
    assert fees.total == SEK(120) and line.population == 60


def test_table_and_explain_refuse_unknown_languages() -> None:
    fees = annual_fees(2024)
    expected = "unsupported language 'de'; expected one of 'en', 'sv'"
    with pytest.raises(LocaleError) as refused:
        fees.table(lang="de")
    assert str(refused.value) == expected
    with pytest.raises(LocaleError) as refused:
        fees.explain("Salem", lang="de")
    assert str(refused.value) == expected


def test_annual_fees_wrong_kinds_whole() -> None:
    with pytest.raises(MissingDataError) as missing:
        annual_fees(2024, {"a": 1})  # type: ignore[arg-type]
    assert str(missing.value) == (
        "population {'a': 1} is not a Population; expected a Population such as "
        "Population.builtin(), or None"
    )
    with pytest.raises(FeeRuleError) as info:
        annual_fees(2024, schedule=5)  # type: ignore[arg-type]
    assert message(info) == (
        "schedule 5 is not a FeeSchedule; expected a FeeSchedule such as "
        "FeeSchedule.default(), or None"
    )
    with pytest.raises(FeeRuleError) as info:
        annual_fees(2024, unit=Unit.ORE, rounding=5)  # type: ignore[arg-type]
    assert message(info) == (
        "rounding 5 is unknown; expected "
        "Rounding.HALF_UP, Rounding.HALF_EVEN, Rounding.DOWN, Rounding.UP, Rounding.FLOOR or Rounding.CEILING"
    )
    with pytest.raises(FeeRuleError) as info:
        annual_fees(2024, unit=1)  # type: ignore[arg-type]
    assert message(info) == "unit 1 is unknown; expected Unit.KRONA or Unit.ORE"


@pytest.mark.parametrize(
    ("call", "text"),
    [
        (
            lambda rule: rule.exact_fees(2024, Population.builtin(), "Salem"),
            "parties 'Salem' is not a tuple of Municipality; expected a tuple",
        ),
        (
            lambda rule: rule.rounded_fees(
                2024, Population.builtin(), {}, unit="krona", rounding=Rounding.HALF_UP
            ),
            "unit 'krona' is unknown; expected Unit.KRONA or Unit.ORE",
        ),
        (
            lambda rule: rule.rounded_fees(
                2024, Population.builtin(), {}, unit=Unit.KRONA, rounding="half"
            ),
            "rounding 'half' is unknown; expected Rounding.HALF_UP, Rounding.HALF_EVEN, "
            "Rounding.DOWN, Rounding.UP, Rounding.FLOOR or Rounding.CEILING",
        ),
        (
            lambda rule: rule.rounded_fees(
                2024, Population.builtin(), {"a": 1}, unit=Unit.KRONA, rounding=Rounding.HALF_UP
            ),
            "exact fees {'a': 1} must map each Municipality to a Fraction",
        ),
        (
            lambda rule: rule.derivation(2024, 1, Fraction(1), 5),
            "steps 5 is not a tuple of IndexStep; expected a tuple",
        ),
    ],
)
def test_rule_methods_refuse_junk_whole(call: Any, text: str) -> None:
    for rule in (annual_fees(2012).rule, annual_fees(2024).rule):
        with pytest.raises(FeeRuleError) as info:
            call(rule)
        assert message(info) == text
