from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sodertorn import (
    MUNICIPALITIES,
    SEK,
    Agreement,
    DissolutionError,
    Notice,
    Population,
    municipality,
)
from sodertorn.agreement import Decision, Item, Meeting, Position, dissolve, split_items
from sodertorn.money import Unit
from sodertorn.testing import agreements, amounts, items

D = datetime.date
NAMES = [m.name for m in MUNICIPALITIES]
NYKVARN = municipality("Nykvarn")
BANK = Item(name="Bank account", amount=SEK(1_000_000))
LEASE = Item(name="Office lease", amount=SEK(-250_000))


def dissolution(
    day: D, *, agreement: Agreement | None = None, objector: str | None = None
) -> Decision:
    current = Agreement() if agreement is None else agreement
    members = [m.name for m in current.parties_on(day)]
    positions = dict.fromkeys(members, Position.SUPPORT)
    if objector:
        positions[objector] = Position.OBJECT
    return Decision(
        meeting=Meeting(date=day, in_room=members, agreement=current),
        matter="Dissolve the committee",
        positions=positions,
    )


def test_split_by_population_of_the_year_before_the_decision() -> None:
    statement = dissolve(dissolution(D(2024, 5, 2)), [BANK, LEASE])
    population = Population.builtin().at(2023)
    assert statement.population_year == 2023
    assert statement.parties == MUNICIPALITIES
    for item in (BANK, LEASE):
        assert SEK.total(statement.share(item.name, p) for p in MUNICIPALITIES) == item.amount
        for party in MUNICIPALITIES:
            exact = item.amount.exact * population[party] / sum(population.values())
            assert abs(statement.share(item.name, party).exact - exact) < 1
    nykvarn = statement.of("Nykvarn")
    assert nykvarn.net == nykvarn.assets + nykvarn.liabilities
    assert nykvarn.liabilities.ore < 0 < nykvarn.assets.ore


def test_a_withdrawn_party_gets_nothing() -> None:
    agreement = Agreement().with_notice(
        Notice(
            party="Nykvarn",
            council_decision_date=D(2024, 3, 1),
            received_by_chair=D(2024, 3, 15),
        )
    )
    statement = dissolve(dissolution(D(2025, 5, 8), agreement=agreement), [BANK, LEASE])
    assert NYKVARN not in statement.parties
    assert len(statement.parties) == 7
    with pytest.raises(DissolutionError, match=r"Nykvarn has no share; expected one of Huddinge"):
        statement.of(NYKVARN)


def test_dissolution_needs_an_adopted_decision() -> None:
    with pytest.raises(DissolutionError) as raised:
        dissolve(dissolution(D(2024, 5, 2), objector="Salem"), [BANK])
    assert isinstance(raised.value, ValueError)
    assert "was not adopted: Not adopted: objection by Salem" in str(raised.value)
    with pytest.raises(DissolutionError, match=r"decision 'yes' is not a Decision"):
        dissolve("yes", [BANK])  # type: ignore[arg-type]


def test_ore_amounts_need_the_ore_unit() -> None:
    odd = Item(name="Rounding", amount=SEK("0.07"))
    with pytest.raises(DissolutionError, match=r"item 'Rounding' of SEK\('0.07'\) is not a whole"):
        split_items([odd], population_year=2023)
    statement = split_items([odd], population_year=2023, unit=Unit.ORE)
    assert SEK.total(s.shares[0][1] for s in statement.statements) == SEK("0.07")


@pytest.mark.parametrize(
    ("arguments", "pattern"),
    [
        ({"items": []}, r"no assets or liabilities to split; expected at least one Item"),
        ({"items": "Bank"}, r"items 'Bank' is not a collection of Item values"),
        ({"items": [1]}, r"1 is not an Item"),
        ({"items": [BANK, BANK]}, r"two items named 'Bank account'; expected each name once"),
        ({"unit": "krona"}, r"unit 'krona' is unknown"),
        ({"parties": []}, r"no parties to share between"),
        ({"population": {}}, r"population \{\} is not a Population"),
    ],
)
def test_bad_split_arguments(arguments: dict[str, object], pattern: str) -> None:
    base: dict[str, object] = {"items": [BANK], "population_year": 2023}
    with pytest.raises(DissolutionError, match=pattern):
        split_items(**{**base, **arguments})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("arguments", "pattern"),
    [
        ({"name": " "}, r"item name ' ' is empty"),
        ({"amount": 100}, r"item amount 100 is not SEK"),
    ],
)
def test_bad_items(arguments: dict[str, object], pattern: str) -> None:
    with pytest.raises(DissolutionError, match=pattern):
        Item(**{"name": "Bank", "amount": SEK(1), **arguments})


def test_unknown_item_share() -> None:
    statement = split_items([BANK], population_year=2023)
    with pytest.raises(DissolutionError, match=r"no item named 'Car'; expected one of 'Bank"):
        statement.share("Car", "Salem")


def test_a_statement_that_does_not_conserve_cannot_be_made() -> None:
    statement = split_items([BANK], population_year=2023)
    first = statement.statements[0]
    broken = type(first)(
        party=first.party,
        population=first.population,
        total_population=first.total_population,
        population_year=2023,
        shares=(("Bank account", SEK(1)),),
    )
    with pytest.raises(DissolutionError, match=r"the shares of 'Bank account' sum to"):
        type(statement)(
            items=statement.items,
            population_year=2023,
            unit=Unit.KRONA,
            statements=(broken, *statement.statements[1:]),
        )


def test_explain_in_both_languages() -> None:
    statement = split_items([BANK, LEASE], population_year=2023)
    english = statement.explain("en")
    assert "31 December 2023, each item on its own, by largest remainder in whole kronor" in english
    assert "(Samarbetsavtal 2010, § 10)" in english
    swedish = statement.of("Salem").explain("sv")
    assert swedish.startswith("Salem: invånarantal")
    assert "Tillgångar" in swedish
    assert "netto" in swedish


# Properties.


@given(agreements(), items(), st.dates(D(2011, 1, 1), D(2025, 12, 31)))
def test_every_item_is_conserved_and_leavers_get_nothing(
    agreement: Agreement, assets: tuple[Item, ...], day: D
) -> None:
    members = agreement.parties_on(day)
    if not members:
        return
    statement = split_items(assets, population_year=day.year - 1, parties=members)
    assert set(statement.parties) == set(members)
    for index, item in enumerate(assets):
        assert SEK.total(s.shares[index][1] for s in statement.statements) == item.amount
        for share in (s.shares[index][1] for s in statement.statements):
            assert share.ore == 0 or (share.ore < 0) == (item.amount.ore < 0)
    net = SEK.total(s.net for s in statement.statements)
    assert net == SEK.total(item.amount for item in assets)


@given(items(amounts()))
def test_ore_items_are_conserved_to_the_ore(assets: tuple[Item, ...]) -> None:
    statement = split_items(assets, population_year=2023, unit=Unit.ORE)
    for index, item in enumerate(assets):
        assert SEK.total(s.shares[index][1] for s in statement.statements) == item.amount
