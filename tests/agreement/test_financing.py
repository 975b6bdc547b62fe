from __future__ import annotations

import datetime

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
from sodertorn.agreement import Financing, Project, special_contributions
from sodertorn.money import Unit
from sodertorn.testing import agreements, amounts

D = datetime.date
NYKVARN = municipality("Nykvarn")
LEFT = Agreement().with_notice(
    Notice(party="Nykvarn", council_decision_date=D(2024, 3, 1), received_by_chair=D(2024, 3, 15))
)


def test_a_project_of_all_parties_is_in_the_budget() -> None:
    project = Project(name="RUFS", concerns=MUNICIPALITIES)
    assert project.financing() is Financing.COMMITTEE_BUDGET
    assert "RUFS concerns all parties: financed from the committee's budget." in project.explain(
        lang="en"
    )


def test_after_a_withdrawal_all_means_the_seven() -> None:
    seven = LEFT.parties_on(D(2025, 5, 1))
    project = Project(name="RUFS", concerns=seven)
    assert project.financing(D(2025, 5, 1), agreement=LEFT) is Financing.COMMITTEE_BUDGET
    assert project.financing(D(2024, 5, 1), agreement=LEFT) is Financing.CONCERNED_PARTIES


def test_some_parties_important_for_the_whole_may_be_financed() -> None:
    project = Project(name="E-archive", concerns={"Botkyrka", "Huddinge"}, important_for_whole=True)
    assert project.financing() is Financing.COMMITTEE_MAY_FINANCE
    assert (
        "bedömer att projektet har stor betydelse för helheten: kan finansieras av kommittén"
        in project.explain()
    )


def test_some_parties_otherwise_pay_themselves() -> None:
    project = Project(name="E-archive", concerns={"Botkyrka", "Huddinge"})
    assert project.financing() is Financing.CONCERNED_PARTIES
    assert "Huddinge and Botkyrka" in project.explain(lang="en")


def test_a_project_of_a_former_party_is_an_error() -> None:
    project = Project(name="Depot", concerns={"Nykvarn"})
    with pytest.raises(GovernanceError, match=r"project 'Depot' concerns Nykvarn, not a party"):
        project.financing(D(2025, 5, 1), agreement=LEFT)


@pytest.mark.parametrize(
    ("arguments", "pattern"),
    [
        ({"name": ""}, r"project name '' is empty"),
        ({"concerns": []}, r"project 'P' concerns no party; expected at least one"),
        ({"concerns": "Salem"}, r"concerns 'Salem' is not a collection of parties"),
        ({"important_for_whole": "yes"}, r"important_for_whole 'yes' is not True or False"),
    ],
)
def test_bad_projects(arguments: dict[str, object], pattern: str) -> None:
    with pytest.raises(GovernanceError, match=pattern):
        Project(**{"name": "P", "concerns": ["Salem"], **arguments})


def test_bad_agreement_for_classification() -> None:
    with pytest.raises(GovernanceError, match=r"agreement 'x' is not an Agreement"):
        Project(name="P", concerns=["Salem"]).financing(agreement="x")  # type: ignore[arg-type]


def test_special_contributions_by_population_of_the_year_before() -> None:
    split = special_contributions(SEK(500_000), decided_on=D(2024, 5, 2))
    population = Population.builtin().at(2023)
    assert split.population_year == 2023
    assert split.total == SEK(500_000)
    assert split.parties == MUNICIPALITIES
    for party, amount in split.amounts.items():
        assert abs(amount.exact - 500_000 * population[party] / sum(population.values())) < 1
    text = split.explain("en")
    assert "split in proportion to the number of inhabitants on 31 December 2023" in text
    assert "(Samarbetsavtal 2010, § 7)" in text
    assert "Nykvarn (12,107)" in text


def test_special_contributions_leave_a_former_party_out() -> None:
    split = special_contributions(SEK(70_000), decided_on=D(2025, 5, 2), agreement=LEFT)
    assert NYKVARN not in split.amounts


@pytest.mark.parametrize(
    ("arguments", "pattern"),
    [
        ({"cost": SEK(-1)}, r"cost SEK\(-1\) is not an amount; expected SEK, 0 or more"),
        ({"cost": 100}, r"cost 100 is not an amount"),
        ({"decided_on": "2024"}, r"decided_on '2024' is not a date"),
        ({"unit": "ore"}, r"unit 'ore' is unknown; expected Unit.KRONA or Unit.ORE"),
        ({"cost": SEK("0.5")}, r"cost SEK\('0.50'\) is not a whole number of krona"),
        ({"population": {}}, r"population \{\} is not a Population"),
        ({"agreement": 1}, r"agreement 1 is not an Agreement"),
    ],
)
def test_bad_special_contributions(arguments: dict[str, object], pattern: str) -> None:
    base: dict[str, object] = {"cost": SEK(100), "decided_on": D(2024, 5, 2)}
    with pytest.raises(GovernanceError, match=pattern):
        special_contributions(**{**base, **arguments})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("arguments", "pattern"),
    [
        ({"cost": SEK(-1)}, r"^cost SEK\(-1\) is not an amount; expected SEK, 0 or more$"),
        ({"unit": 1}, r"^unit 1 is unknown; expected Unit.KRONA or Unit.ORE$"),
        (
            {"shares": {"Haninge": -1, "Nynäshamn": 1}},
            r"^share -1 of 'Haninge' is not a whole number; expected an int of 0 or more$",
        ),
        (
            {"shares": {"Haninge": True, "Nynäshamn": 1}},
            r"^share True of 'Haninge' is not a whole number",
        ),
        ({"population": 5}, r"^population 5 is not a Population; expected a Population or None"),
    ],
)
def test_bad_costs_of_a_project(arguments: dict[str, object], pattern: str) -> None:
    project = Project(name="Charging", concerns={"Haninge", "Nynäshamn"})
    base: dict[str, object] = {"cost": SEK(10), "decided_on": D(2024, 5, 2)}
    with pytest.raises(GovernanceError, match=pattern):
        project.split_cost(**{**base, **arguments})  # type: ignore[arg-type]


def test_contributions_that_do_not_conserve_cannot_be_made() -> None:
    split = special_contributions(SEK(100), decided_on=D(2024, 5, 2))
    with pytest.raises(GovernanceError, match=r"do not sum to SEK\(101\)"):
        type(split)(
            cost=SEK(101),
            decided_on=split.decided_on,
            population_year=2023,
            weights=split.weights,
            amounts=split.amounts,
        )


@given(
    agreements(),
    amounts(min_value=SEK(0), max_value=SEK(10**10)),
    st.dates(D(2011, 1, 1), D(2025, 12, 31)),
)
def test_special_contributions_conserve_and_leave_leavers_out(
    agreement: Agreement, cost: SEK, day: D
) -> None:
    if not agreement.parties_on(day):
        return
    split = special_contributions(cost, decided_on=day, agreement=agreement, unit=Unit.ORE)
    assert split.total == cost
    assert set(split.amounts) == set(agreement.parties_on(day))
    assert all(amount.ore >= 0 for amount in split.amounts.values())
