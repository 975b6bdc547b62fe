"""An assessment worked through by hand (Samarbetsavtal 2010, § 8): every output, exactly.

Fee year 2011 with one inhabitant in each party and four in Huddinge, in both 2009 and
2010: the 860 000 kronor of 2010 split by 2009's population gives 860 000/11 to each of
seven parties and 3 440 000/11 to Huddinge, and an unchanged population keeps those fees
in 2011. Rounded down they are 78 181 and 312 727, six kronor short of the total: the
six kronor go to the six largest remainders (9/11 each), the ties by lowest municipality
code, so every party but Huddinge (3/11) and Nynäshamn, the last code, pays 78 182.

Fee year 2024 at 4 kronor per inhabitant (Samarbetskommitténs beslut 2017-02-02): 10
and 20 inhabitants pay 40 and 80 kronor.
"""

from __future__ import annotations

import datetime
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sodertorn import (
    MUNICIPALITIES,
    SEK,
    Agreement,
    FeeRuleError,
    MissingDataError,
    Municipality,
    Notice,
    Population,
    UnknownMunicipalityError,
    annual_fees,
    municipality,
)
from sodertorn.fees import FEE_COLUMNS, FeeSchedule, IndexedRule, InvoiceDetails
from sodertorn.money import Rounding, Unit

if TYPE_CHECKING:
    from pathlib import Path

D = datetime.date
HUDDINGE = municipality("Huddinge")
SALEM = municipality("Salem")
NYKVARN = municipality("Nykvarn")
NYNASHAMN = municipality("Nynäshamn")
ELEVEN = Population(
    {(p, y): 4 if p == HUDDINGE else 1 for p in MUNICIPALITIES for y in (2009, 2010)},
    source="Small",
)
THIRTY = Population({(SALEM, 2023): 10, (NYKVARN, 2023): 20}, source="Test register")
SOURCE_2017 = "Samarbetskommitténs beslut 2017-02-02"
STATUTE = "Lag (1970:1029) om avrundning av vissa öresbelopp, 2 §"


def test_the_largest_remainders_and_their_ties() -> None:
    fees = annual_fees(2011, ELEVEN)
    assert fees.exact_total == 860_000 and fees.total == SEK(860_000)
    expected = {p: SEK(78_182) for p in MUNICIPALITIES}
    expected[HUDDINGE] = SEK(312_727)
    expected[NYNASHAMN] = SEK(78_181)
    assert fees.amounts == expected
    assert fees.parties == MUNICIPALITIES
    huddinge = fees.line("Huddinge")
    assert (huddinge.population, huddinge.exact) == (4, Fraction(3_440_000, 11))
    assert [(s.year, s.before, s.after) for s in huddinge.steps] == [(2010, 0, 4), (2011, 4, 4)]
    assert huddinge.source is not None and huddinge.source.describe("en") == "Small"
    trace = fees.to_dict(trace=True)["trace"]
    assert trace["population"] == {"date": "2010-12-31", "source": "Small", "total": 11}
    assert trace["exact_total"] == "860000"
    assert trace["allocation"] == {
        "method": "largest remainder",
        "ties": "lowest municipality code",
        "left_over": "6",
    }
    assert [(p["code"], p["remainder"], p["adjustment"]) for p in trace["parties"]] == [
        ("0126", "3/11", "0"),
        *((p.code, "9/11", "1") for p in MUNICIPALITIES[1:-1]),
        ("0192", "9/11", "0"),
    ]
    assert trace["parties"][0]["steps"][1] == {
        "step": "index",
        "year": 2011,
        "population_before": 4,
        "before_date": "2009-12-31",
        "population_after": 4,
        "after_date": "2010-12-31",
        "factor": "1",
        "fee": "3440000/11",
    }
    assert trace["rule"]["parameters"]["chain"] == "exact"
    assert trace["rule"]["kind"] == "indexed"


def test_the_data_and_its_trace_of_a_per_capita_year() -> None:
    fees = annual_fees(2024, THIRTY, parties=["Nykvarn", SALEM])
    plain = {
        "year": 2024,
        "rule": "per_capita",
        "source": SOURCE_2017,
        "due_date": "2024-03-15",
        "payable_by": "2024-03-15",
        "population_date": "2023-12-31",
        "population_source": "Test register",
        "population_sources": [
            {"kind": "given", "note": "Test register", "description": "Test register"}
        ],
        "unit": "krona",
        "rounding": "half-up",
        "total": "120",
        "fees": [
            {"code": "0128", "name": "Salem", "population": 10, "amount": "40"},
            {"code": "0140", "name": "Nykvarn", "population": 20, "amount": "80"},
        ],
    }
    assert fees.to_dict() == plain

    def party(code: str, name: str, population: int, fee: str) -> dict[str, object]:
        return {
            "code": code,
            "name": name,
            "population": population,
            "population_date": "2023-12-31",
            "steps": [
                {
                    "step": "per_capita",
                    "year": 2024,
                    "rate": "4",
                    "population": population,
                    "population_date": "2023-12-31",
                    "fee": fee,
                }
            ],
            "exact": fee,
            "whole": fee,
            "remainder": "0",
            "adjustment": "0",
            "part": fee,
            "amount": fee,
        }

    assert fees.to_dict(trace=True) == {
        **plain,
        "trace": {
            "rule": {
                "kind": "per_capita",
                "first_year": 2018,
                "last_year": None,
                "rate": "4",
                "source": SOURCE_2017,
                "decided": "2017-02-02",
                "parameters": {"rate": "4"},
            },
            "population": {"date": "2023-12-31", "source": "Test register", "total": 30},
            "exact_total": "120",
            "rounding": {
                "mode": "half-up",
                "unit": "krona",
                "statute": STATUTE,
                "rounded_total": "120",
            },
            "allocation": {
                "method": "largest remainder",
                "ties": "lowest municipality code",
                "left_over": "0",
            },
            "due": {
                "source": "Samarbetsavtal 2010, § 8",
                "due_date": "2024-03-15",
                "payable_by": "2024-03-15",
            },
            "parties": [party("0128", "Salem", 10, "40"), party("0140", "Nykvarn", 20, "80")],
        },
    }


def test_the_statute_is_named_only_for_half_up_whole_kronor() -> None:
    for unit, rounding in (
        (Unit.ORE, Rounding.HALF_UP),
        (Unit.KRONA, Rounding.HALF_EVEN),
        (Unit.ORE, Rounding.DOWN),
    ):
        fees = annual_fees(2011, ELEVEN, unit=unit, rounding=rounding)
        assert (fees.unit, fees.rounding) == (unit, rounding)
        rounded = fees.to_dict(trace=True)["trace"]["rounding"]
        assert rounded["statute"] is None
        assert (rounded["mode"], rounded["unit"]) == (rounding.value, unit.label)
    fees = annual_fees(2011, ELEVEN, unit=Unit.ORE)
    assert fees.total == SEK(860_000)
    assert (fees[SALEM], fees[NYNASHAMN]) == (SEK("78181.82"), SEK("78181.81"))
    assert fees.to_dict(trace=True)["trace"]["allocation"]["left_over"] == "0.06"


def test_rows_records_and_table() -> None:
    fees = annual_fees(
        2025, Population({(SALEM, 2024): 10, (NYKVARN, 2024): 20}), parties=[SALEM, NYKVARN]
    )
    row = (2025, "0128", "Salem", 10, D(2024, 12, 31), 40, "per_capita", SOURCE_2017)
    assert fees.rows() == [
        (*row, D(2025, 3, 15), D(2025, 3, 17)),
        (
            2025,
            "0140",
            "Nykvarn",
            20,
            D(2024, 12, 31),
            80,
            *row[6:],
            D(2025, 3, 15),
            D(2025, 3, 17),
        ),
    ]
    assert fees.to_records()[1] == dict(zip(FEE_COLUMNS, fees.rows()[1], strict=True))
    assert fees.payable_by == D(2025, 3, 17)
    table = fees.to_table(lang="en")
    assert table.title == "Fee 2025"
    assert table.columns == FEE_COLUMNS
    assert table.money == frozenset({"amount"})
    assert table.rows == tuple(fees.rows())
    assert fees.to_table().title == "Avgift 2025"
    assert [r[-1] for r in annual_fees(2101, _ones(2100)).rows()] == [None] * 8
    assert annual_fees(2101, _ones(2100)).to_dict()["payable_by"] is None


def _ones(year: int) -> Population:
    return Population({(p, year): 1 for p in MUNICIPALITIES})


def test_the_views_follow_the_language() -> None:
    fees = annual_fees(2024, THIRTY, parties=[SALEM, NYKVARN])
    english = fees.html(lang="en")
    assert "<th>Code</th>" in english and "SEK 120" in english
    assert "<th>Kommunkod</th>" in fees.html()
    assert fees._repr_html_() == fees.html(lang="sv")
    view = fees.view(lang="en")
    assert view.html == english and view.text == fees.table(lang="en")
    assert "Total" in fees.table(lang="en") and "Summa" in fees.table()
    assert fees.view().text == fees.table()
    invoice = fees.invoice_html("Salem", lang="en", details=InvoiceDetails(reference="KS 2024/1"))
    assert "KS 2024/1" in invoice and "Invoice: annual fee 2024" in invoice
    assert "Faktura: årsavgift 2024" in fees.invoice_html("Salem")


def test_the_explanation_of_one_party_and_of_all() -> None:
    fees = annual_fees(2024, THIRTY, parties=[SALEM, NYKVARN])
    assert fees.explain("Nykvarn", lang="en").splitlines()[0] == "Fee year 2024: Nykvarn"
    assert fees.explain(lang="en").splitlines()[0] == "Fee year 2024"
    assert fees.explain().splitlines()[0] == "Avgiftsår 2024"


def test_the_agreement_decides_the_parties_of_a_fee_year() -> None:
    leaving = Agreement().with_notice(
        Notice(
            party="Nykvarn",
            council_decision_date=D(2024, 3, 1),
            received_by_chair=D(2024, 3, 15),
        )
    )
    in_notice = annual_fees(2025, _ones(2024), agreement=leaving)
    assert in_notice.parties == MUNICIPALITIES
    gone = annual_fees(2026, _ones(2025), agreement=leaving)
    assert gone.parties == tuple(p for p in MUNICIPALITIES if p != NYKVARN)
    assert gone.total == SEK(28)


class _Listed:
    def __init__(self, *parties: object) -> None:
        self.parties = parties
        self.asked: list[D] = []

    def parties_on(self, day: D) -> tuple[Municipality, ...]:
        self.asked.append(day)
        return self.parties  # type: ignore[return-value]


def test_anything_that_answers_parties_on_is_an_agreement() -> None:
    listed = _Listed(NYKVARN, SALEM)
    fees = annual_fees(2024, THIRTY, agreement=listed)
    assert listed.asked == [D(2024, 1, 1)]
    assert fees.parties == (SALEM, NYKVARN)


@pytest.mark.parametrize(
    ("arguments", "text"),
    [
        (
            {"parties": "Salem"},
            "parties 'Salem' must be a collection of municipalities (names, codes or "
            "Municipality), such as ['Huddinge', 'Salem']",
        ),
        ({"parties": []}, "no parties given; expected at least one municipality"),
        (
            {"parties": ["Salem"], "agreement": Agreement()},
            "give parties or agreement, not both; the agreement's notices decide the parties",
        ),
        ({"agreement": "x"}, "agreement 'x' is not an Agreement; expected sodertorn.Agreement()"),
        ({"agreement": _Listed()}, "the agreement has no parties on 1 January 2024"),
        (
            {"agreement": _Listed(SALEM, "Nykvarn")},
            "the agreement has no parties on 1 January 2024",
        ),
        (
            {"unit": "x"},
            "unit 'x' is unknown; expected Unit.KRONA or Unit.ORE",
        ),
        (
            {"rounding": "x"},
            "rounding 'x' is unknown; expected Rounding.HALF_UP, Rounding.HALF_EVEN, Rounding.DOWN, "
            "Rounding.UP, Rounding.FLOOR or Rounding.CEILING",
        ),
        (
            {"schedule": 1},
            "schedule 1 is not a FeeSchedule; expected a FeeSchedule such as "
            "FeeSchedule.default(), or None",
        ),
    ],
)
def test_the_refusals_word_for_word(arguments: dict[str, object], text: str) -> None:
    with pytest.raises(FeeRuleError) as raised:
        annual_fees(2024, **arguments)  # type: ignore[arg-type]
    assert str(raised.value) == text


def test_a_population_that_is_not_one() -> None:
    with pytest.raises(MissingDataError) as raised:
        annual_fees(2024, 1)  # type: ignore[arg-type]
    assert str(raised.value) == (
        "population 1 is not a Population; expected a Population such as Population.builtin(), "
        "or None"
    )


def test_the_parties_are_looked_up_among_the_populations() -> None:
    assert annual_fees(2024, THIRTY, parties=["0140", "Salem"]).parties == (SALEM, NYKVARN)
    with pytest.raises(UnknownMunicipalityError) as raised:
        annual_fees(2024, Population({(SALEM, 2023): 10}), parties=["Nykvarn"])
    assert str(raised.value) == "unknown municipality 'Nykvarn'; expected one of 0128 Salem"
    # A register without counts looks among the eight.
    with pytest.raises(UnknownMunicipalityError, match=r"'Gotland'; expected one of 0126 Huddinge"):
        annual_fees(2024, Population({}), parties=["Gotland"])


def test_a_schedule_given_is_the_one_used() -> None:
    schedule = FeeSchedule.default()
    fees = annual_fees(2024, THIRTY, parties=[SALEM], schedule=schedule)
    assert fees.rule is schedule.rule_for(2024)
    assert fees.due_date == D(2024, 3, 15)


@given(st.integers(0, 10**5), st.integers(0, 10**5))
def test_per_capita_fees_are_four_kronor_each(salem: int, nykvarn: int) -> None:
    population = Population({(SALEM, 2023): salem, (NYKVARN, 2023): nykvarn})
    fees = annual_fees(2024, population, parties=[SALEM, NYKVARN])
    assert fees.amounts == {SALEM: SEK(4 * salem), NYKVARN: SEK(4 * nykvarn)}
    assert fees.total == SEK(4 * (salem + nykvarn))
    assert fees.to_dict(trace=True)["trace"]["population"]["total"] == salem + nykvarn


def test_a_party_not_assessed_has_no_line() -> None:
    fees = annual_fees(2024, THIRTY, parties=[SALEM])
    with pytest.raises(UnknownMunicipalityError) as raised:
        fees.line("Nykvarn")
    assert str(raised.value) == "unknown municipality 'Nykvarn'; expected one of 0128 Salem"
    with pytest.raises(UnknownMunicipalityError):
        fees[NYKVARN]


def test_the_table_notes_in_both_languages() -> None:
    fees = annual_fees(2024, THIRTY, parties=[SALEM])
    assert fees.to_table(lang="en").notes == (
        ("Rule", "SEK 4 per inhabitant on 31 December of the year before the fee year"),
        ("Source", SOURCE_2017),
        ("Due date", "Due 15 March 2024."),
        ("Population on", "31 December 2023"),
        ("Population source", "Test register"),
    )
    assert fees.to_table().notes == (
        ("Regel", "4\xa0kr per invånare den 31 december året före avgiftsåret"),
        ("Källa", SOURCE_2017),
        ("Förfallodag", "Förfallodag: 15 mars 2024."),
        ("Folkmängd per", "31 december 2023"),
        ("Källa för folkmängden", "Test register"),
    )


def test_the_workbook_has_the_explanation(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    fees = annual_fees(2024, THIRTY, parties=[SALEM, NYKVARN])
    sheets = openpyxl.load_workbook(fees.to_excel(tmp_path / "fees.xlsx", lang="en")).worksheets
    lines = fees.explain(lang="en").splitlines()
    written = [row[0] or "" for row in sheets[1].iter_rows(values_only=True)]
    assert written[: len(lines)] == lines


def test_an_assessment_of_no_party_traces_to_nothing() -> None:
    fees = annual_fees(2024, THIRTY, parties=[SALEM])
    empty = attrs.evolve(fees, lines=(), exact_total=Fraction(0), total=SEK(0))
    trace = empty.to_dict(trace=True)["trace"]
    assert trace["allocation"]["left_over"] == "0"
    assert trace["parties"] == [] and trace["population"]["total"] == 0


def test_the_sources_are_those_of_the_parties_assessed() -> None:
    merged = Population({(SALEM, 2023): 10}, source="A").merge(
        Population({(NYKVARN, 2023): 20}, source="B")
    )
    one = annual_fees(2024, merged, parties=[SALEM])
    assert one.population_source == "A"
    assert [s.describe("en") for s in one.population_sources] == ["A"]
    both = annual_fees(2024, merged, parties=[SALEM, NYKVARN])
    assert both.population_source == "A; B"
    assert [s.describe("en") for s in both.population_sources] == ["A", "B"]
    assert both.line("Nykvarn").source == both.population_sources[1]


def test_the_invoiced_chain_rounds_each_year_as_asked() -> None:
    default = FeeSchedule.default()
    indexed = default.rules[0]
    assert isinstance(indexed, IndexedRule)
    rule = attrs.evolve(indexed, chain="invoiced")
    schedule = attrs.evolve(default, rules=(rule, *default.rules[1:]))
    totals = set()
    for unit, rounding in (
        (Unit.KRONA, Rounding.HALF_UP),
        (Unit.ORE, Rounding.HALF_UP),
        (Unit.KRONA, Rounding.DOWN),
    ):
        fees = annual_fees(2013, schedule=schedule, unit=unit, rounding=rounding)
        invoiced, steps = rule.invoiced(
            2013, Population.builtin(), MUNICIPALITIES, unit=unit, rounding=rounding
        )
        assert fees.amounts == invoiced
        assert {line.party: line.exact for line in fees.lines} == {
            party: walked[-1].fee for party, walked in steps.items()
        }
        assert fees.to_dict(trace=True)["trace"]["allocation"]["method"] == (
            "each fee rounded on its own, as invoiced"
        )
        totals.add(fees.exact_total)
    assert len(totals) == 3


def test_a_municipality_outside_the_data_is_not_a_party_here() -> None:
    stockholm = Municipality(code="0180", name="Stockholm")
    for year in (2012, 2024):
        with pytest.raises(UnknownMunicipalityError) as raised:
            annual_fees(year, parties=[SALEM, stockholm])
        assert str(raised.value) == (
            "Municipality(code='0180', name='Stockholm') is not a party here; expected one of "
            "0126 Huddinge, 0127 Botkyrka, 0128 Salem, 0136 Haninge, 0138 Tyresö, 0140 Nykvarn, "
            "0181 Södertälje or 0192 Nynäshamn"
        )
