"""§ 10 worked through by hand: every output of a dissolution, word for word and to the krona.

Two parties with populations 1 and 2 split 100 kronor as 100/3 and 200/3: 33 and 66
whole kronor, and the one krona left goes to the larger remainder (2/3), so 33 and 67.
A liability splits the same way with the opposite sign. The built-in register gives the
population of Södertörn on 31 December 2023, 520 824 (the activity plan for 2024 names
the same total).
"""

from __future__ import annotations

import datetime
import re
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sodertorn import (
    SEK,
    Agreement,
    DissolutionError,
    Population,
    municipality,
)
from sodertorn.agreement import (
    Decision,
    DecisionRule,
    Item,
    Meeting,
    Position,
    dissolve,
    split_items,
)
from sodertorn.money import Unit

if TYPE_CHECKING:
    from pathlib import Path

D = datetime.date
SALEM = municipality("Salem")
NYKVARN = municipality("Nykvarn")
SMALL = Population({(SALEM, 2023): 1, (NYKVARN, 2023): 2}, source="Test register")
BANK = Item(name="Bank", amount=SEK(100))
LEASE = Item(name="Lease", amount=SEK(-100))


def test_the_shares_and_the_statement_of_each_party() -> None:
    statement = split_items(
        [BANK, LEASE], population_year=2023, parties=[SALEM, NYKVARN], population=SMALL
    )
    assert statement.population_source == "Test register"
    assert statement.population_date == D(2023, 12, 31)
    assert statement.parties == (SALEM, NYKVARN)
    salem, nykvarn = statement.statements
    assert salem.shares == (("Bank", SEK(33)), ("Lease", SEK(-33)))
    assert nykvarn.shares == (("Bank", SEK(67)), ("Lease", SEK(-67)))
    assert (nykvarn.population, nykvarn.total_population, nykvarn.population_year) == (2, 3, 2023)
    assert (nykvarn.assets, nykvarn.liabilities, nykvarn.net) == (SEK(67), SEK(-67), SEK(0))
    assert statement.share("Lease", "0140") == SEK(-67)


def test_an_item_of_zero_is_an_asset_and_adds_nothing() -> None:
    nothing = Item(name="Nothing", amount=SEK(0))
    assert not nothing.is_liability
    statement = split_items(
        [nothing, BANK], population_year=2023, parties=[SALEM, NYKVARN], population=SMALL
    )
    assert [row[5] for row in statement.rows()] == ["asset"] * 4
    salem = statement.of("Salem")
    assert (salem.assets, salem.liabilities, salem.net) == (SEK(33), SEK(0), SEK(33))


def test_names_are_trimmed() -> None:
    assert Item(name="  Bank account ", amount=SEK(1)).name == "Bank account"


def test_rows_one_per_party_and_item() -> None:
    statement = split_items(
        [BANK, LEASE], population_year=2023, parties=[SALEM, NYKVARN], population=SMALL
    )
    day = D(2023, 12, 31)
    assert statement.rows() == [
        ("0128", "Salem", 1, day, "Bank", "asset", 33),
        ("0128", "Salem", 1, day, "Lease", "liability", -33),
        ("0140", "Nykvarn", 2, day, "Bank", "asset", 67),
        ("0140", "Nykvarn", 2, day, "Lease", "liability", -67),
    ]


def test_the_table_has_its_title_and_notes_in_both_languages() -> None:
    statement = split_items(
        [BANK, LEASE], population_year=2023, parties=[SALEM, NYKVARN], population=SMALL
    )
    english = statement.to_table(lang="en")
    assert english.title == "Dissolution"
    assert english.columns == (
        "code", "name", "population", "population_date", "item", "kind", "amount"
    )  # fmt: skip
    assert english.money == frozenset({"amount"})
    assert english.rows == tuple(statement.rows())
    assert english.notes == (
        ("Source", "Samarbetsavtal 2010, § 10"),
        ("Population on", "31 December 2023"),
        ("Population source", "Test register"),
    )
    swedish = statement.to_table()
    assert swedish.title == "Upplösning"
    assert swedish.notes == (
        ("Källa", "Samarbetsavtal 2010, § 10"),
        ("Folkmängd per", "31 december 2023"),
        ("Källa för folkmängden", "Test register"),
    )


def test_the_table_translates_the_built_in_source_and_drops_an_empty_one() -> None:
    builtin = split_items([BANK], population_year=2023)
    assert builtin.to_table().notes[2] == (
        "Källa för folkmängden",
        "Statistiska centralbyrån (SCB), folkmängd den 31 december 2008–2024; licens CC0 1.0 "
        "(Källa: SCB)",
    )
    unnamed = Population({(SALEM, 2023): 1, (NYKVARN, 2023): 2})
    statement = split_items([BANK], population_year=2023, parties=[SALEM], population=unnamed)
    assert statement.to_table(lang="en").notes == (
        ("Source", "Samarbetsavtal 2010, § 10"),
        ("Population on", "31 December 2023"),
    )


def test_the_data_and_its_trace() -> None:
    statement = split_items(
        [BANK, LEASE], population_year=2023, parties=[SALEM, NYKVARN], population=SMALL
    )
    plain = statement.to_dict()
    assert plain == {
        "population_date": "2023-12-31",
        "population_source": "Test register",
        "unit": "krona",
        "items": [
            {"name": "Bank", "kind": "asset", "amount": "100"},
            {"name": "Lease", "kind": "liability", "amount": "-100"},
        ],
        "statements": [
            {
                "code": "0128",
                "name": "Salem",
                "population": 1,
                "shares": [{"item": "Bank", "amount": "33"}, {"item": "Lease", "amount": "-33"}],
                "assets": "33",
                "liabilities": "-33",
                "net": "0",
            },
            {
                "code": "0140",
                "name": "Nykvarn",
                "population": 2,
                "shares": [{"item": "Bank", "amount": "67"}, {"item": "Lease", "amount": "-67"}],
                "assets": "67",
                "liabilities": "-67",
                "net": "0",
            },
        ],
    }
    traced = statement.to_dict(trace=True)
    assert {k: v for k, v in traced.items() if k != "trace"} == plain
    assert traced["trace"] == {
        "rule": {
            "source": "Samarbetsavtal 2010, § 10",
            "key": "population on 31 December of the year before the decision",
        },
        "population": {"date": "2023-12-31", "source": "Test register", "total": 3},
        "allocation": {
            "method": "largest remainder, each item on its own",
            "ties": "lowest municipality code",
            "unit": "krona",
        },
        "items": [
            {
                "name": "Bank",
                "amount": "100",
                "parties": [
                    {
                        "code": "0128",
                        "share": "1/3",
                        "exact": "100/3",
                        "whole": "33",
                        "remainder": "1/3",
                        "adjustment": "0",
                        "part": "33",
                    },
                    {
                        "code": "0140",
                        "share": "2/3",
                        "exact": "200/3",
                        "whole": "66",
                        "remainder": "2/3",
                        "adjustment": "1",
                        "part": "67",
                    },
                ],
            },
            {
                "name": "Lease",
                "amount": "-100",
                "parties": [
                    {
                        "code": "0128",
                        "share": "1/3",
                        "exact": "-100/3",
                        "whole": "-33",
                        "remainder": "-1/3",
                        "adjustment": "0",
                        "part": "-33",
                    },
                    {
                        "code": "0140",
                        "share": "2/3",
                        "exact": "-200/3",
                        "whole": "-66",
                        "remainder": "-2/3",
                        "adjustment": "-1",
                        "part": "-67",
                    },
                ],
            },
        ],
    }


def test_the_trace_in_ore() -> None:
    statement = split_items(
        [Item(name="Cash", amount=SEK("1.00"))],
        population_year=2023,
        parties=[SALEM, NYKVARN],
        population=SMALL,
        unit=Unit.ORE,
    )
    trace = statement.to_dict(trace=True)["trace"]
    assert trace["allocation"]["unit"] == "öre"
    assert statement.to_dict()["unit"] == "öre"
    assert trace["items"][0]["parties"][1] == {
        "code": "0140",
        "share": "2/3",
        "exact": "2/3",
        "whole": "0.66",
        "remainder": "1/150",
        "adjustment": "0.01",
        "part": "0.67",
    }


ENGLISH = """\
Every asset and liability is split between the parties in proportion to their population \
on 31 December 2023, each item on its own, by largest remainder in whole kronor, so that \
the shares sum exactly to the item. (Samarbetsavtal 2010, § 10)

Salem: population 1 of 3 on 31 December 2023. (Samarbetsavtal 2010, § 10)
  Bank: SEK 33
  Lease: -SEK 33
Assets SEK 33, liabilities -SEK 33, net SEK 0.

Nykvarn: population 2 of 3 on 31 December 2023. (Samarbetsavtal 2010, § 10)
  Bank: SEK 67
  Lease: -SEK 67
Assets SEK 67, liabilities -SEK 67, net SEK 0."""

SWEDISH = """\
Varje tillgång och skuld fördelas mellan kommunerna i förhållande till deras invånarantal \
den 31 december 2023, post för post, enligt största restmetoden i hela kronor, så att \
andelarna summerar exakt till posten. (Samarbetsavtal 2010, § 10)

Salem: invånarantal 1 av 3 den 31 december 2023. (Samarbetsavtal 2010, § 10)
  Bank: 33 kr
  Lease: -33 kr
Tillgångar 33 kr, skulder -33 kr, netto 0 kr.

Nykvarn: invånarantal 2 av 3 den 31 december 2023. (Samarbetsavtal 2010, § 10)
  Bank: 67 kr
  Lease: -67 kr
Tillgångar 67 kr, skulder -67 kr, netto 0 kr."""


def kr(text: str) -> str:
    """An amount keeps its "kr" on its line: a no-break space before it."""
    return re.sub(r" kr\b", "\N{NO-BREAK SPACE}kr", text)


def test_the_explanation_word_for_word() -> None:
    statement = split_items(
        [BANK, LEASE], population_year=2023, parties=[SALEM, NYKVARN], population=SMALL
    )
    assert statement.explain("en") == ENGLISH
    assert statement.explain("sv") == kr(SWEDISH)
    assert statement.explain() == kr(SWEDISH)
    assert statement.of("Salem").explain() == kr(SWEDISH).split("\n\n")[1]


def test_the_explanation_in_ore() -> None:
    statement = split_items(
        [Item(name="Cash", amount=SEK("1.00"))],
        population_year=2023,
        parties=[SALEM, NYKVARN],
        population=SMALL,
        unit=Unit.ORE,
    )
    assert "by largest remainder in whole öre, so that" in statement.explain("en")
    assert "enligt största restmetoden i hela öre, så att" in statement.explain("sv")
    assert kr("  Cash: 0,67 kr\nTillgångar 0,67 kr, skulder 0 kr, netto 0,67 kr.") in (
        statement.explain("sv")
    )


def test_the_workbook_has_the_table_and_the_explanation(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    statement = split_items(
        [BANK, LEASE], population_year=2023, parties=[SALEM, NYKVARN], population=SMALL
    )
    path = statement.to_excel(tmp_path / "dissolution.xlsx", lang="en")
    table, explanation = openpyxl.load_workbook(path).worksheets
    rows = list(table.iter_rows(values_only=True))
    assert rows[0] == (
        "Code",
        "Municipality",
        "Population",
        "Population on",
        "Item",
        "Kind",
        "Amount",
    )
    assert rows[-1][0] == "Total" and rows[-1][-1] == 0
    lines = [row[0] or "" for row in explanation.iter_rows(values_only=True)]
    assert lines[: len(ENGLISH.splitlines())] == ENGLISH.splitlines()


def test_the_messages_of_a_bad_request_word_for_word() -> None:
    statement = split_items([BANK, LEASE], population_year=2023)
    with pytest.raises(DissolutionError) as raised:
        statement.share("Car", "Salem")
    assert str(raised.value) == "no item named 'Car'; expected one of 'Bank', 'Lease'"
    with pytest.raises(DissolutionError) as raised:
        split_items([BANK], population_year=2023, parties=[])
    assert str(raised.value) == "no parties to share between; expected at least one"
    with pytest.raises(DissolutionError) as raised:
        split_items([BANK], population_year=2023, parties="Salem")
    assert str(raised.value) == (
        "parties 'Salem' is not a collection of parties; expected e.g. a set"
    )
    with pytest.raises(DissolutionError, match=r"^unknown municipality 'Gotland'"):
        split_items([BANK], population_year=2023, parties=["Gotland"])


def test_a_statement_built_by_hand_must_share_each_item_once() -> None:
    statement = split_items(
        [BANK, LEASE], population_year=2023, parties=[SALEM, NYKVARN], population=SMALL
    )
    salem, nykvarn = statement.statements
    extra = attrs.evolve(salem, shares=(*salem.shares, ("Car", SEK(0))))
    with pytest.raises(DissolutionError) as raised:
        attrs.evolve(statement, statements=(extra, nykvarn))
    assert str(raised.value) == (
        "the shares of Salem name ('Bank', 'Lease', 'Car'), not the items ('Bank', 'Lease'); "
        "expected one share of each item, in the order of the items"
    )
    short = attrs.evolve(nykvarn, shares=nykvarn.shares[:1])
    with pytest.raises(DissolutionError, match=r"^the shares of Nykvarn name \('Bank',\), not"):
        attrs.evolve(statement, statements=(salem, short))
    swapped = attrs.evolve(salem, shares=salem.shares[::-1])
    with pytest.raises(DissolutionError, match=r"^the shares of Salem name \('Lease', 'Bank'\)"):
        attrs.evolve(statement, statements=(swapped, nykvarn))
    more = attrs.evolve(salem, shares=(("Bank", SEK(34)), ("Lease", SEK(-33))))
    with pytest.raises(DissolutionError) as raised:
        attrs.evolve(statement, statements=(more, nykvarn))
    assert str(raised.value) == (
        "the shares of 'Bank' sum to SEK(101), not SEK(100); expected every item conserved"
    )


def _majority_vote(day: D) -> Decision:
    members = [m.name for m in Agreement().parties_on(day)]
    return Decision(
        meeting=Meeting(date=day, in_room=members, agreement=Agreement()),
        matter="Dissolve the committee",
        positions={
            m: Position.SUPPORT if i % 2 else Position.OBJECT for i, m in enumerate(members)
        },
        rule=DecisionRule.MAJORITY,
        rule_agreed_by=members,
    )


def test_a_tied_majority_vote_does_not_dissolve() -> None:
    decision = _majority_vote(D(2024, 5, 2))
    assert len(decision.outcome.reasons) == 3
    with pytest.raises(DissolutionError) as raised:
        dissolve(decision, [BANK])
    assert str(raised.value) == (
        "the committee did not decide to dissolve ('Dissolve the committee' on 2024-05-02 was "
        "not adopted: Not adopted by majority: 4 in favour, 4 against. (Samarbetsavtal 2010, "
        "§ 3)); § 10 needs a decision of the committee"
    )


def test_dissolve_weighs_by_the_population_given() -> None:
    members = [m.name for m in Agreement().parties_on(D(2024, 5, 2))]
    decision = Decision(
        meeting=Meeting(date=D(2024, 5, 2), in_room=members, agreement=Agreement()),
        matter="Dissolve the committee",
        positions=dict.fromkeys(members, Position.SUPPORT),
    )
    everyone = Population({(p, 2023): 1 for p in Agreement().parties_on(D(2024, 5, 2))})
    statement = dissolve(
        decision, [Item(name="Cash", amount=SEK("0.08"))], population=everyone, unit=Unit.ORE
    )
    assert [s.shares[0][1] for s in statement.statements] == [SEK("0.01")] * 8
    assert statement.unit is Unit.ORE


@given(st.integers(1, 10**6), st.integers(1, 10**6), st.integers(-(10**9), 10**9))
def test_two_parties_split_each_item_by_largest_remainder(
    salem: int, nykvarn: int, amount: int
) -> None:
    population = Population({(SALEM, 2023): salem, (NYKVARN, 2023): nykvarn})
    statement = split_items(
        [Item(name="Item", amount=SEK(amount))],
        population_year=2023,
        parties=[SALEM, NYKVARN],
        population=population,
    )
    parts = statement.to_dict(trace=True)["trace"]["items"][0]["parties"]
    assert [p["share"] for p in parts] == [
        f"{salem}/{salem + nykvarn}",
        f"{nykvarn}/{salem + nykvarn}",
    ]
    shares = [s.shares[0][1].exact for s in statement.statements]
    assert sum(shares) == amount
    for share, weight in zip(shares, (salem, nykvarn), strict=True):
        assert abs(share - Fraction(amount * weight, salem + nykvarn)) < 1


def test_an_item_without_a_name_is_refused_word_for_word() -> None:
    with pytest.raises(DissolutionError) as raised:
        Item(name=" ", amount=SEK(100))
    assert str(raised.value) == (
        "item name ' ' is empty or not text; expected a name such as 'Bank'"
    )
