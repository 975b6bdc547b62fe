"""§ 8 read as a finance officer reads it: index last year's invoiced, rounded fee."""

from __future__ import annotations

from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sodertorn import MUNICIPALITIES, SEK, FeeRuleError, Population, annual_fees
from sodertorn.fees import FeeSchedule, IndexedRule, IndexStep
from sodertorn.money import Unit
from sodertorn.testing import populations

DEFAULT = FeeSchedule.default()


def _indexed() -> IndexedRule:
    rule = DEFAULT.rules[0]
    assert isinstance(rule, IndexedRule)
    return rule


INDEXED = _indexed()
INVOICED = attrs.evolve(
    DEFAULT, rules=(attrs.evolve(INDEXED, chain="invoiced"), *DEFAULT.rules[1:])
)

# Both series, 2010-2017, as printed in docs/decisions.md.
EXACT_TOTALS = [860_000, 871_241, 885_745, 900_711, 914_458, 929_153, 941_084, 957_693]
INVOICED_TOTALS = [860_000, 871_241, 885_745, 900_711, 914_457, 929_151, 941_082, 957_691]


@pytest.mark.parametrize("year", range(2010, 2018))
def test_both_series(year: int) -> None:
    assert annual_fees(year).total == SEK(EXACT_TOTALS[year - 2010])
    assert annual_fees(year, schedule=INVOICED).total == SEK(INVOICED_TOTALS[year - 2010])


def test_the_invoiced_chain_moves_each_fee_by_a_krona_or_two() -> None:
    for year in range(2011, 2018):
        exact, invoiced = annual_fees(year), annual_fees(year, schedule=INVOICED)
        gaps = {abs(invoiced[p].ore - exact[p].ore) // 100 for p in exact.parties}
        assert gaps <= {0, 1, 2}
        assert gaps - {0}


def test_the_invoiced_chain_explains_itself() -> None:
    text = annual_fees(2017, schedule=INVOICED).explain(lang="en")
    assert "invoiced fee of the year before" in text
    assert "rounded on its own to whole kronor" in text
    assert "the total, SEK 957,691, is their sum" in text
    swedish = annual_fees(2017, schedule=INVOICED).explain("Salem")
    assert "Varje avgift avrundas för sig, som den faktureras; Salem betalar 33\xa0120\xa0kr." in (
        swedish
    )


def test_the_option_is_data() -> None:
    data = INVOICED.to_dict()
    assert data["rules"][0]["chain"] == "invoiced"
    assert "chain" not in DEFAULT.to_dict()["rules"][0]
    assert FeeSchedule.from_dict(data) == INVOICED
    with pytest.raises(
        FeeRuleError, match=r"chain 'rounded' is not a known chain; expected 'exact' or"
    ):
        attrs.evolve(INDEXED, chain="rounded")


TWO = MUNICIPALITIES[:2]
RULE = IndexedRule(
    first_year=2010, last_year=None, base_total=SEK(860_000), source="§ 8", base_parties=TWO
)


@given(populations(TWO, first_year=2009, last_year=2016), st.integers(2011, 2017))
def test_each_year_rounds_last_years_invoice_times_the_change(
    population: Population, year: int
) -> None:
    rule = attrs.evolve(RULE, chain="invoiced")
    before, _ = rule.invoiced(year - 1, population, TWO)
    now, steps = rule.invoiced(year, population, TWO)
    for party in TWO:
        change = Fraction(population.count(party, year - 1), population.count(party, year - 2))
        assert steps[party][-1].fee == before[party].exact * change
        assert now[party] == SEK.from_exact(before[party].exact * change)
    first, _ = rule.invoiced(2010, population, TWO)
    assert first == dict(
        annual_fees(2010, population, parties=TWO, schedule=FeeSchedule(rules=[RULE])).amounts
    )


@given(populations(TWO, first_year=2009, last_year=2016), st.integers(2010, 2017))
def test_the_invoiced_option_is_annual_fees_under_that_rule(
    population: Population, year: int
) -> None:
    rule = attrs.evolve(RULE, chain="invoiced")
    fees = annual_fees(year, population, parties=TWO, schedule=FeeSchedule(rules=[rule]))
    invoiced, _ = rule.invoiced(year, population, TWO)
    assert dict(fees.amounts) == invoiced
    assert fees.total == SEK.total(invoiced.values())


# A worked example in öre: 100 kronor split 1 : 2 in 2010 (33.33 and 66.67 kr), then
# Huddinge grows 1 -> 3 -> 4 and Botkyrka 2 -> 2 -> 3.
HUDDINGE, BOTKYRKA = TWO
SMALL = Population(
    {
        (HUDDINGE, 2009): 1,
        (BOTKYRKA, 2009): 2,
        (HUDDINGE, 2010): 3,
        (BOTKYRKA, 2010): 2,
        (HUDDINGE, 2011): 4,
        (BOTKYRKA, 2011): 3,
    }
)
HUNDRED = attrs.evolve(RULE, base_total=SEK(100), chain="invoiced")


def test_the_invoiced_chain_in_ore_worked_by_hand() -> None:
    fees, steps = HUNDRED.invoiced(2012, SMALL, TWO, unit=Unit.ORE)
    # 2011: 33.33 × 3/1 = 99.99 and 66.67 × 2/2 = 66.67; 2012: 99.99 × 4/3 = 133.32 and
    # 66.67 × 3/2 = 100.005, rounded half up to the öre.
    assert fees == {HUDDINGE: SEK("133.32"), BOTKYRKA: SEK("100.01")}
    assert steps == {
        HUDDINGE: (
            IndexStep(year=2010, before=0, after=1, fee=Fraction(100, 3), base_population=3),
            IndexStep(year=2011, before=1, after=3, fee=Fraction(9999, 100)),
            IndexStep(year=2012, before=3, after=4, fee=Fraction(3333, 25)),
        ),
        BOTKYRKA: (
            IndexStep(year=2010, before=0, after=2, fee=Fraction(200, 3), base_population=3),
            IndexStep(year=2011, before=2, after=2, fee=Fraction(6667, 100)),
            IndexStep(year=2012, before=2, after=3, fee=Fraction(20001, 200)),
        ),
    }


def test_the_invoiced_chain_refuses_a_party_not_in_the_base_whole() -> None:
    salem = MUNICIPALITIES[2]
    with pytest.raises(FeeRuleError) as info:
        HUNDRED.invoiced(2011, SMALL, (salem,))
    assert str(info.value) == (
        "Salem was not a party in fee year 2010, so the indexed rule (§ 8) gives it no fee"
    )


def test_the_invoiced_chain_refuses_a_year_end_without_inhabitants_whole() -> None:
    counts = dict(SMALL.counts)
    counts[(HUDDINGE, 2010)] = 0
    with pytest.raises(FeeRuleError) as info:
        HUNDRED.invoiced(2012, Population(counts), TWO)
    assert str(info.value) == (
        "Huddinge had no inhabitants on 31 Dec 2010, so its population change to 2011 is undefined"
    )


def test_the_invoiced_rule_describes_itself_whole() -> None:
    rule = attrs.evolve(INDEXED, chain="invoiced")
    assert rule.describe("en") == (
        "SEK 860,000 in 2010 split by population on 31 December 2009; each later year each "
        "party's invoiced fee of the year before changes by the percentage its own population "
        "changed between the two preceding year-ends, and is rounded on its own"
    )
    assert rule.describe() == (
        "860\xa0000\xa0kr år 2010 fördelat efter invånarantalet den 31 december 2009; varje "
        "följande år räknas varje kommuns fakturerade avgift för föregående år om med samma "
        "procentsats som kommunens invånarantal har förändrats mellan de två närmast "
        "föregående årsskiftena, och avrundas för sig"
    )
