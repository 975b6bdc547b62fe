"""The indexed fee's fast closed form against a plain walk of § 8's yearly chain."""

from __future__ import annotations

import gc
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
    MissingDataError,
    Municipality,
    Population,
    SodertornError,
    annual_fees,
)
from sodertorn.fees import FeeSchedule, IndexedRule, IndexStep, indexed
from sodertorn.testing import sparse_populations

TWO = MUNICIPALITIES[:2]
RULE = IndexedRule(
    first_year=2010, last_year=None, base_total=SEK(860_000), source="§ 8", base_parties=TWO
)
SCHEDULE = FeeSchedule(rules=[RULE])


def reference(
    year: int, population: Population, party: Municipality
) -> tuple[Fraction, list[tuple[int, int, int]]]:
    """Samarbetsavtal 2010, § 8, read literally: split in 2010, then a step a year."""
    base = {p: population.count(p, 2009) for p in TWO}
    fee = Fraction(860_000 * base[party], sum(base.values()))
    steps = [(2010, 0, base[party])]
    for step_year in range(2011, year + 1):
        before = population.count(party, step_year - 2)
        after = population.count(party, step_year - 1)
        if before == 0:
            raise FeeRuleError(
                f"{party.name} had no inhabitants on 31 Dec {step_year - 2}, so its "
                f"population change to {step_year - 1} is undefined"
            )
        fee = fee * after / before
        steps.append((step_year, before, after))
    return fee, steps


@given(sparse_populations(TWO, last_year=2020, required=[2009]), st.integers(2010, 2021))
def test_the_fast_fee_is_the_chained_fee_or_the_chain_s_error(
    population: Population, year: int
) -> None:
    expected: dict[Municipality, tuple[Fraction, list[tuple[int, int, int]]]] = {}
    try:
        for party in TWO:
            expected[party] = reference(year, population, party)
    except SodertornError as error:
        with pytest.raises(type(error)) as caught:
            annual_fees(year, population, parties=TWO, schedule=SCHEDULE)
        assert str(caught.value) == str(error)
        with pytest.raises(type(error)):
            RULE.exact_fees(year, population, TWO)
        return
    fees = annual_fees(year, population, parties=TWO, schedule=SCHEDULE)
    exact, history = RULE.exact_fees(year, population, TWO)
    for line in fees.lines:
        fee, steps = expected[line.party]
        assert line.exact == fee == exact[line.party]
        for shown in (line.steps, history[line.party]):
            assert [(s.year, s.before, s.after) for s in shown] == steps
            assert shown[-1].fee == fee


def test_a_missing_year_is_the_chain_s_missing_data() -> None:
    counts = {(p, y): 10 for p in TWO for y in (2009, 2010, 2012)}
    with pytest.raises(MissingDataError, match="Huddinge on 31 Dec 2011"):
        annual_fees(2013, Population(counts), parties=TWO, schedule=SCHEDULE)


def test_a_zero_after_the_last_step_is_no_error() -> None:
    counts = {(p, y): 10 for p in TWO for y in (2009, 2010)}
    counts[(TWO[0], 2010)] = 0
    fees = annual_fees(2011, Population(counts), parties=TWO, schedule=SCHEDULE)
    assert fees.line(TWO[0]).exact == 0
    with pytest.raises(FeeRuleError, match="no inhabitants on 31 Dec 2010"):
        annual_fees(2012, Population({**counts, **{(p, 2011): 10 for p in TWO}}),
                    parties=TWO, schedule=SCHEDULE)  # fmt: skip


@pytest.mark.parametrize("chain", ["exact", "invoiced"])
def test_rounded_fees_refuses_junk_with_fee_rule_errors(chain: str) -> None:
    from sodertorn import MUNICIPALITIES, FeeRuleError, Population
    from sodertorn.fees import IndexedRule
    from sodertorn.money import Rounding, Unit

    rule = IndexedRule(
        first_year=2010, last_year=2017, base_total=SEK(860000), source="§ 8", chain=chain
    )
    register = Population({(party, 2009): 1000 for party in MUNICIPALITIES})
    exact = {MUNICIPALITIES[0]: Fraction(1, 3)}
    cases: list[dict[str, object]] = [
        {"exact": None},
        {"exact": {"Huddinge": Fraction(1)}},
        {"exact": {MUNICIPALITIES[0]: True}},
        {"unit": None},
        {"rounding": "half-up"},
    ]
    for bad in cases:
        arguments: dict[str, Any] = {"exact": exact, "unit": Unit.KRONA}
        arguments |= {"rounding": Rounding.HALF_UP} | bad
        with pytest.raises(FeeRuleError):
            rule.rounded_fees(2010, register, **arguments)


def _small() -> Population:
    huddinge, botkyrka = TWO
    counts = {(huddinge, 2009): 1, (huddinge, 2010): 3, (huddinge, 2011): 4}
    counts |= {(botkyrka, 2009): 2, (botkyrka, 2010): 2, (botkyrka, 2011): 3}
    return Population(counts)


def test_two_rules_on_one_register_keep_their_own_chains() -> None:
    huddinge, botkyrka = TWO
    population = _small()
    hundred = attrs.evolve(RULE, base_total=SEK(100))
    hundred.exact_fees(2012, population, TWO)
    fees, steps = attrs.evolve(RULE, base_total=SEK(300)).exact_fees(2012, population, TWO)
    # 300 kronor split 1 : 2, then 100 × 3/1 × 4/3 and 200 × 2/2 × 3/2
    assert fees == {huddinge: Fraction(400), botkyrka: Fraction(300)}
    assert steps == {
        huddinge: (
            IndexStep(year=2010, before=0, after=1, fee=Fraction(100), base_population=3),
            IndexStep(year=2011, before=1, after=3, fee=Fraction(300)),
            IndexStep(year=2012, before=3, after=4, fee=Fraction(400)),
        ),
        botkyrka: (
            IndexStep(year=2010, before=0, after=2, fee=Fraction(200), base_population=3),
            IndexStep(year=2011, before=2, after=2, fee=Fraction(200)),
            IndexStep(year=2012, before=2, after=3, fee=Fraction(300)),
        ),
    }


def test_the_chains_walked_are_dropped_with_the_register() -> None:
    population = _small()
    RULE.exact_fees(2012, population, TWO)
    key = id(population)
    assert key in indexed._CHAINS
    del population
    gc.collect()
    assert key not in indexed._CHAINS
