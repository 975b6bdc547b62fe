"""§§ 6 and 7 worked through by hand: who pays, and every output of a split, word for word.

Two parties with populations 1 and 2 split 100 kronor as 100/3 and 200/3: 33 and 66
whole kronor, and the krona left goes to the larger remainder (2/3), so 33 and 67. Agreed
shares of 1 and 1 split 101 kronor into two halves of 50.5: the krona left goes to the
lower municipality code (Salem, 0128, before Nykvarn, 0140). The built-in register gives
the population of Södertörn on 31 December 2023, 520 824 (the activity plan for 2024 names
the same total).
"""

from __future__ import annotations

import datetime
import re
from fractions import Fraction
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sodertorn import (
    MUNICIPALITIES,
    SEK,
    Agreement,
    GovernanceError,
    Notice,
    Population,
    municipality,
)
from sodertorn.agreement import (
    Decision,
    Financing,
    Meeting,
    Position,
    Project,
    special_contributions,
)
from sodertorn.money import Unit

if TYPE_CHECKING:
    from pathlib import Path

D = datetime.date
DAY = D(2024, 5, 2)
SALEM = municipality("Salem")
NYKVARN = municipality("Nykvarn")
SMALL = Population({(SALEM, 2023): 1, (NYKVARN, 2023): 2}, source="Test register")
ONES = Population({(p, 2023): 1 for p in MUNICIPALITIES}, source="Ones")
CHARGING = Project(name="Charging", concerns={"Salem", "Nykvarn"})


def kr(text: str) -> str:
    """An amount keeps its "kr" on its line: a no-break space before it."""
    return re.sub(r" kr\b", "\N{NO-BREAK SPACE}kr", text)


def notice(party: str) -> Notice:
    return Notice(
        party=party, council_decision_date=D(2024, 3, 1), received_by_chair=D(2024, 3, 15)
    )


def adopted(matter: str, *, objector: str | None = None) -> Decision:
    members = [m.name for m in Agreement().parties_on(DAY)]
    positions = dict.fromkeys(members, Position.SUPPORT)
    if objector:
        positions[objector] = Position.OBJECT
    return Decision(
        meeting=Meeting(date=DAY, in_room=members, agreement=Agreement()),
        matter=matter,
        positions=positions,
    )


# Who pays (§ 6).


def test_a_project_of_all_parties_word_for_word() -> None:
    project = Project(name="RUFS", concerns=MUNICIPALITIES)
    assert project.explain(lang="en") == (
        "RUFS concerns all parties: financed from the committee's budget. "
        "(Samarbetsavtal 2010, § 6)"
    )
    assert project.explain() == (
        "RUFS berör samtliga avtalsparter: finansieras via kommitténs budget. "
        "(Samarbetsavtal 2010, § 6)"
    )


def test_a_project_the_committee_decided_matters_for_the_whole() -> None:
    project = Project(
        name="E-archive",
        concerns={"Botkyrka", "Huddinge"},
        judged_by=adopted("The e-archive matters for the whole"),
    )
    assert project.important_for_whole
    assert project.financing() is Financing.COMMITTEE_MAY_FINANCE
    assert project.explain(lang="en") == (
        "E-archive concerns only Huddinge and Botkyrka, but the committee decided on 2 May 2024 "
        "that it is of great importance for the whole: may be financed by the committee. "
        "(Samarbetsavtal 2010, § 6)"
    )
    assert project.explain(lang="sv") == (
        "E-archive berör endast Huddinge och Botkyrka, men kommittén beslutade den 2 maj 2024 "
        "att projektet har stor betydelse för helheten: kan finansieras av kommittén. "
        "(Samarbetsavtal 2010, § 6)"
    )


def test_a_project_judged_important_without_a_recorded_decision() -> None:
    project = Project(name="E-archive", concerns={"Botkyrka", "Huddinge"}, important_for_whole=True)
    assert project.explain(lang="en") == (
        "E-archive concerns only Huddinge and Botkyrka, but the committee judges it of great "
        "importance for the whole: may be financed by the committee. (Samarbetsavtal 2010, § 6)"
    )


def test_a_project_of_one_party_word_for_word() -> None:
    project = Project(name="Depot", concerns={"Botkyrka"})
    assert not project.important_for_whole
    assert project.explain(lang="en") == (
        "Depot concerns only Botkyrka: financed by the parties concerned, outside the budget. "
        "(Samarbetsavtal 2010, § 6)"
    )
    assert project.explain() == (
        "Depot berör endast Botkyrka: finansieras av de berörda kommunerna, utanför kommitténs "
        "budget. (Samarbetsavtal 2010, § 6)"
    )


def test_the_parties_on_a_day_decide_what_all_means() -> None:
    left = Agreement().with_notice(notice("Nykvarn"))
    seven = Project(name="RUFS", concerns=left.parties_on(D(2025, 5, 1)))
    assert seven.financing(D(2025, 5, 1), agreement=left) is Financing.COMMITTEE_BUDGET
    assert seven.explain(D(2025, 5, 1), agreement=left, lang="en").startswith(
        "RUFS concerns all parties"
    )
    assert seven.financing(agreement=left) is Financing.CONCERNED_PARTIES
    with pytest.raises(GovernanceError) as raised:
        Project(name="Depot", concerns={"Nykvarn", "Salem"}).financing(
            D(2025, 5, 1), agreement=left
        )
    assert str(raised.value) == (
        "project 'Depot' concerns Nykvarn, not a party; expected parties among Huddinge, "
        "Botkyrka, Salem, Haninge, Tyresö, Södertälje, Nynäshamn"
    )


def test_the_refusals_of_a_project_word_for_word() -> None:
    cases: list[tuple[dict[str, object], str]] = [
        ({"name": " "}, "project name ' ' is empty or not text; expected the project's name"),
        ({"concerns": []}, "project 'P' concerns no party; expected at least one"),
        ({"important_for_whole": 1}, "important_for_whole 1 is not True or False"),
        ({"judged_by": "yes"}, "judged_by 'yes' is not a Decision of the committee"),
        (
            {"judged_by": adopted("It matters", objector="Salem")},
            "judged_by 'It matters' of 2024-05-02 was not adopted; § 6 needs the committee's "
            "decision that the project matters for the whole",
        ),
    ]
    for arguments, text in cases:
        with pytest.raises(GovernanceError) as raised:
            Project(**{"name": "P", "concerns": ["Salem"], **arguments})
        assert str(raised.value) == text
    assert Project(name=" P ", concerns=["Salem"]).name == "P"
    assert Project(name="P", concerns=["Salem"], important_for_whole=True).important_for_whole


# Special contributions (§ 7).


def test_special_contributions_of_the_seed_year() -> None:
    split = special_contributions(SEK(500_000), decided_on=DAY)
    assert split.population_year == 2023
    assert sum(split.weights.values()) == 520_824
    assert split.amounts[municipality("Huddinge")] == SEK(109_365)
    assert split.total == SEK(500_000)
    assert split.project is None and not split.agreed and split.in_notice == frozenset()
    assert split.population_source == Population.builtin().source


SECTION_7 = (
    "A special contribution of SEK 800 (decided on 2 May 2024) is split in proportion to the "
    "number of inhabitants on 31 December 2023 by the largest remainder method, so that the "
    "parts sum exactly to the cost. (Samarbetsavtal 2010, § 7)"
)
PARAGRAF_7 = (
    "Ett särskilt anslag på 800 kr (beslutat den 2 maj 2024) fördelas i förhållande till "
    "invånarantalet den 31 december 2023 enligt största restmetoden, så att delbeloppen "
    "summerar exakt till kostnaden. (Samarbetsavtal 2010, § 7)"
)


def test_special_contributions_explained_word_for_word() -> None:
    split = special_contributions(SEK(800), decided_on=DAY, population=ONES)
    assert split.explain("en") == "\n".join(
        [SECTION_7, *(f"  {p.name} (1): SEK 100" for p in MUNICIPALITIES)]
    )
    assert split.explain() == kr(
        "\n".join([PARAGRAF_7, *(f"  {p.name} (1): 100 kr" for p in MUNICIPALITIES)])
    )


def test_a_party_in_its_notice_period_pays_and_is_told_so() -> None:
    one = Agreement().with_notice(notice("Nykvarn"))
    split = special_contributions(SEK(800), decided_on=DAY, agreement=one, population=ONES)
    assert split.in_notice == frozenset({NYKVARN})
    assert split.amounts[NYKVARN] == SEK(100)
    assert [r.text("en") for r in split.reasons()] == [
        SECTION_7,
        "Nykvarn is in its notice period but still a party, so it pays; nothing is refunded "
        "when it leaves. (Samarbetsavtal 2010, § 9)",
    ]
    assert split.reasons()[1].text("sv") == (
        "Nykvarn är under uppsägningstid men fortfarande avtalspart och betalar därför; inget "
        "återbetalas när kommunen lämnar samarbetet. (Samarbetsavtal 2010, § 9)"
    )
    two = one.with_notice(notice("Salem"))
    split = special_contributions(SEK(800), decided_on=DAY, agreement=two, population=ONES)
    assert split.reasons()[1].text("en") == (
        "Salem and Nykvarn are in their notice period but still parties, so they pay; nothing "
        "is refunded when they leave. (Samarbetsavtal 2010, § 9)"
    )
    assert split.explain("sv").splitlines()[1] == (
        "Salem och Nykvarn är under uppsägningstid men fortfarande avtalsparter och betalar "
        "därför; inget återbetalas när de lämnar samarbetet. (Samarbetsavtal 2010, § 9)"
    )


def test_special_contributions_as_rows_table_and_data() -> None:
    split = special_contributions(SEK(800), decided_on=DAY, population=ONES)
    assert split.rows()[0] == ("0126", "Huddinge", 1, D(2023, 12, 31), 100, DAY)
    table = split.to_table(lang="en")
    assert table.title == "Special contributions"
    assert table.columns == (
        "code",
        "name",
        "population",
        "population_date",
        "amount",
        "decided_on",
    )
    assert table.money == frozenset({"amount"})
    assert table.notes == (
        ("Source", "Samarbetsavtal 2010, § 7"),
        ("Population on", "31 December 2023"),
        ("Population source", "Ones"),
    )
    swedish = split.to_table()
    assert swedish.title == "Särskilda anslag"
    assert swedish.notes == (
        ("Källa", "Samarbetsavtal 2010, § 7"),
        ("Folkmängd per", "31 december 2023"),
        ("Källa för folkmängden", "Ones"),
    )
    assert "trace" not in split.to_dict()
    trace = split.to_dict(trace=True)["trace"]
    assert trace["rule"] == {
        "source": "Samarbetsavtal 2010, § 7",
        "key": "population on 31 December of the year before the decision",
    }
    assert trace["population"] == {"date": "2023-12-31", "source": "Ones", "total": 8}


def test_special_contributions_in_ore() -> None:
    split = special_contributions(SEK("0.08"), decided_on=DAY, population=ONES, unit=Unit.ORE)
    data = split.to_dict(trace=True)
    assert data["unit"] == "öre"
    assert data["trace"]["allocation"]["unit"] == "öre"
    assert data["trace"]["parties"][0] == {
        "code": "0126",
        "name": "Huddinge",
        "population": 1,
        "share": "1/8",
        "exact": "1/100",
        "whole": "0.01",
        "remainder": "0",
        "adjustment": "0",
        "part": "0.01",
        "amount": "0.01",
    }


def test_the_refusals_of_special_contributions_word_for_word() -> None:
    cases: list[tuple[dict[str, object], str]] = [
        ({"cost": SEK(-1)}, "cost SEK(-1) is not an amount; expected SEK, 0 or more"),
        ({"cost": 100}, "cost 100 is not an amount; expected SEK, 0 or more"),
        ({"unit": "ore"}, "unit 'ore' is unknown; expected Unit.KRONA or Unit.ORE"),
        (
            {"cost": SEK("0.5")},
            "cost SEK('0.50') is not a whole number of krona; expected unit=Unit.ORE",
        ),
        ({"population": {}}, "population {} is not a Population; expected a Population or None"),
        (
            {"agreement": 1},
            "agreement 1 is not an Agreement; expected an Agreement such as Agreement()",
        ),
        (
            {"decided_on": datetime.datetime(2024, 5, 2, 12, 0)},
            "decided_on datetime.datetime(2024, 5, 2, 12, 0) is not a date; expected a "
            "datetime.date such as 2024-03-15",
        ),
    ]
    for arguments, text in cases:
        with pytest.raises(GovernanceError) as raised:
            special_contributions(**{"cost": SEK(100), "decided_on": DAY, **arguments})  # type: ignore[arg-type]
        assert str(raised.value) == text


# A project the parties concerned pay themselves (§ 6).


def test_the_parties_concerned_share_by_population() -> None:
    split = CHARGING.split_cost(SEK(100), decided_on=DAY, population=SMALL)
    assert dict(split.amounts) == {SALEM: SEK(33), NYKVARN: SEK(67)}
    assert split.project == "Charging" and not split.agreed
    assert split.population_source == "Test register"
    assert split.explain("en") == (
        "The parties concerned pay Charging themselves, outside the committee's budget: SEK 100 "
        "(decided on 2 May 2024) is split in proportion to the number of inhabitants on 31 "
        "December 2023 by the largest remainder method, so that the parts sum exactly to the "
        "cost. (Samarbetsavtal 2010, § 6)\n"
        "  Salem (1): SEK 33\n"
        "  Nykvarn (2): SEK 67"
    )
    assert split.explain() == kr(
        "De berörda kommunerna finansierar Charging själva, utanför kommitténs budget: 100 kr "
        "(beslutat den 2 maj 2024) fördelas i förhållande till invånarantalet den 31 december "
        "2023 enligt största restmetoden, så att delbeloppen summerar exakt till kostnaden. "
        "(Samarbetsavtal 2010, § 6)\n"
        "  Salem (1): 33 kr\n"
        "  Nykvarn (2): 67 kr"
    )
    assert split.to_table(lang="en").notes[0] == ("Source", "Samarbetsavtal 2010, § 6")
    assert split.to_dict(trace=True)["trace"] == {
        "rule": {
            "source": "Samarbetsavtal 2010, § 6",
            "key": "population on 31 December of the year before the decision",
        },
        "population": {"date": "2023-12-31", "source": "Test register", "total": 3},
        "allocation": {
            "method": "largest remainder",
            "ties": "lowest municipality code",
            "unit": "krona",
        },
        "parties": [
            {
                "code": "0128",
                "name": "Salem",
                "population": 1,
                "share": "1/3",
                "exact": "100/3",
                "whole": "33",
                "remainder": "1/3",
                "adjustment": "0",
                "part": "33",
                "amount": "33",
            },
            {
                "code": "0140",
                "name": "Nykvarn",
                "population": 2,
                "share": "2/3",
                "exact": "200/3",
                "whole": "66",
                "remainder": "2/3",
                "adjustment": "1",
                "part": "67",
                "amount": "67",
            },
        ],
    }


def test_the_parties_concerned_share_as_they_agreed() -> None:
    split = CHARGING.split_cost(SEK(101), decided_on=DAY, shares={"Salem": 1, NYKVARN: 1})
    assert dict(split.amounts) == {SALEM: SEK(51), NYKVARN: SEK(50)}
    assert split.agreed and split.population_source == ""
    assert split.explain("en").splitlines()[0] == (
        "The parties concerned pay Charging themselves, outside the committee's budget: SEK 101 "
        "(decided on 2 May 2024) is split in the shares they agreed by the largest remainder "
        "method, so that the parts sum exactly to the cost. (Samarbetsavtal 2010, § 6)"
    )
    assert split.explain().splitlines()[0] == kr(
        "De berörda kommunerna finansierar Charging själva, utanför kommitténs budget: 101 kr "
        "(beslutat den 2 maj 2024) fördelas enligt de andelar de kommit överens om, enligt "
        "största restmetoden, så att delbeloppen summerar exakt till kostnaden. "
        "(Samarbetsavtal 2010, § 6)"
    )
    trace = split.to_dict(trace=True)["trace"]
    assert trace["rule"]["key"] == "the shares the parties concerned agreed"
    assert [(p["share"], p["adjustment"]) for p in trace["parties"]] == [("1/2", "1"), ("1/2", "0")]
    assert split.to_table(lang="en").notes == (
        ("Source", "Samarbetsavtal 2010, § 6"),
        ("Population on", "31 December 2023"),
    )
    free = CHARGING.split_cost(SEK(100), decided_on=DAY, shares={"Salem": 0, "Nykvarn": 1})
    assert dict(free.amounts) == {SALEM: SEK(0), NYKVARN: SEK(100)}


def test_the_refusals_of_a_split_cost_word_for_word() -> None:
    cases: list[tuple[dict[str, object], str]] = [
        ({"shares": [1]}, "shares [1] is not a mapping; expected {party: int}"),
        (
            {"shares": {"Salem": -1, "Nykvarn": 1}},
            "share -1 of 'Salem' is not a whole number; expected an int of 0 or more",
        ),
        (
            {"shares": {"Salem": True, "Nykvarn": 1}},
            "share True of 'Salem' is not a whole number; expected an int of 0 or more",
        ),
        (
            {"shares": {"Salem": 1.0, "Nykvarn": 1}},
            "share 1.0 of 'Salem' is not a whole number; expected an int of 0 or more",
        ),
        (
            {"shares": {"Salem": 1}},
            "shares name Salem; expected the parties concerned, Salem, Nykvarn",
        ),
        (
            {"shares": {"Salem": 1, "Nykvarn": 1, "Huddinge": 1}},
            "shares name Huddinge, Salem, Nykvarn; expected the parties concerned, Salem, Nykvarn",
        ),
        (
            {"decided_on": "x"},
            "decided_on 'x' is not a date; expected a datetime.date such as 2024-03-15",
        ),
        ({"population": 1}, "population 1 is not a Population; expected a Population or None"),
        ({"unit": "x"}, "unit 'x' is unknown; expected Unit.KRONA or Unit.ORE"),
        ({"cost": SEK(-5)}, "cost SEK(-5) is not an amount; expected SEK, 0 or more"),
        ({"cost": 5}, "cost 5 is not an amount; expected SEK, 0 or more"),
        (
            {"cost": SEK("0.5")},
            "cost SEK('0.50') is not a whole number of krona; expected unit=Unit.ORE",
        ),
    ]
    for arguments, text in cases:
        with pytest.raises(GovernanceError) as raised:
            CHARGING.split_cost(**{"cost": SEK(100), "decided_on": DAY, **arguments})  # type: ignore[arg-type]
        assert str(raised.value) == text
    with pytest.raises(GovernanceError, match=r"^unknown municipality 'Gotland'"):
        CHARGING.split_cost(SEK(100), decided_on=DAY, shares={"Gotland": 1})


def test_contributions_that_do_not_conserve_word_for_word() -> None:
    split = CHARGING.split_cost(SEK(100), decided_on=DAY, population=SMALL)
    with pytest.raises(GovernanceError) as raised:
        type(split)(
            cost=SEK(99),
            decided_on=DAY,
            population_year=2023,
            weights=split.weights,
            amounts=split.amounts,
        )
    assert str(raised.value) == (
        "contributions {Municipality(code='0128', name='Salem'): SEK(33), "
        "Municipality(code='0140', name='Nykvarn'): SEK(67)} do not sum to SEK(99); expected "
        "the cost conserved"
    )


def test_the_workbook_has_the_table_and_the_explanation(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    split = CHARGING.split_cost(SEK(100), decided_on=DAY, population=SMALL)
    path = split.to_excel(tmp_path / "charging.xlsx", lang="en")
    table, explanation = openpyxl.load_workbook(path).worksheets
    rows = list(table.iter_rows(values_only=True))
    assert rows[0][:2] == ("Code", "Municipality")
    assert rows[-1][0] == "Total" and rows[-1][4] == 100
    lines = [row[0] or "" for row in explanation.iter_rows(values_only=True)]
    assert lines[:3] == split.explain("en").splitlines()
    swedish = openpyxl.load_workbook(split.to_excel(tmp_path / "anslag.xlsx")).worksheets
    assert next(swedish[0].iter_rows(values_only=True))[:2] == ("Kommunkod", "Kommun")
    assert swedish[1]["A1"].value == split.explain().splitlines()[0]


@given(st.integers(0, 10**6), st.integers(1, 10**6), st.integers(0, 10**9))
def test_agreed_shares_split_by_largest_remainder(salem: int, nykvarn: int, cost: int) -> None:
    split = CHARGING.split_cost(
        SEK(cost), decided_on=DAY, shares={"Salem": salem, "Nykvarn": nykvarn}
    )
    assert split.total == SEK(cost)
    for party, weight in ((SALEM, salem), (NYKVARN, nykvarn)):
        assert abs(split.amounts[party].exact - Fraction(cost * weight, salem + nykvarn)) < 1
