"""Dissolving the committee: every asset and every liability split by population.

Source: Samarbetsavtal 2010, § 10. The committee may be dissolved by its own decision;
all its assets and liabilities, including agreements, contracts and other commitments it
has entered into, are then split between the parties by the principle used for the fees:
in proportion to population.

Our reading: the dissolution is a committee decision, so it must be adopted under § 3
(a quorate meeting, consensus unless all members agreed otherwise). The key is each party's
population on 31 December of the year before the decision, among the parties on the day of
the decision. Each item (an asset is positive, a liability negative) is split on its own
with :func:`~sodertorn.allocate`, so each item is conserved to the last unit; a party that
has left gets nothing, and owes nothing.

>>> from sodertorn import SEK, Item, split_items
>>> statement = split_items(
...     [Item(name="Bank account", amount=SEK(1_000_000)),
...      Item(name="Consultancy contract", amount=SEK(-250_000))],
...     population_year=2023,
... )
>>> nykvarn = statement.of("Nykvarn")
>>> nykvarn.assets, nykvarn.liabilities, nykvarn.net
(SEK(23246), SEK(-5811), SEK(17435))
>>> split_items([], population_year=2023)
Traceback (most recent call last):
...
sodertorn.DissolutionError: no assets or liabilities to split; expected at least one Item
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import attrs

from sodertorn.agreement import _checks
from sodertorn.agreement.decisions import Decision
from sodertorn.agreement.reasons import Reason, message, render
from sodertorn.allocation import allocate
from sodertorn.errors import DissolutionError
from sodertorn.i18n import check_language
from sodertorn.money import SEK, Unit
from sodertorn.parties import MUNICIPALITIES, Municipality
from sodertorn.population import Population

__all__ = ["DissolutionStatement", "Item", "PartyStatement", "dissolve", "split_items"]


def _name(value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise DissolutionError(f"item name {value!r} is empty; expected a name such as 'Bank'")
    return value.strip()


def _amount(value: object) -> SEK:
    if not isinstance(value, SEK):
        raise DissolutionError(
            f"item amount {value!r} is not SEK; expected e.g. SEK(1000), negative for a liability"
        )
    return value


@attrs.frozen(kw_only=True)
class Item:
    """One of the committee's assets (positive) or liabilities (negative), by name.

    Liabilities include the agreements, contracts and other commitments the committee
    has entered into (§ 10), valued as what they will cost.

    >>> Item(name="Lease", amount=SEK(-120_000)).is_liability
    True
    >>> Item(name="Lease", amount=-120_000)
    Traceback (most recent call last):
    ...
    sodertorn.DissolutionError: item amount -120000 is not SEK; expected e.g. SEK(1000), negative
    for a liability
    """

    __module__ = "sodertorn"

    name: str = attrs.field(converter=_name)
    amount: SEK = attrs.field(converter=_amount)

    @property
    def is_liability(self) -> bool:
        """Whether the item is a liability (a negative amount)."""
        return self.amount.ore < 0


@attrs.frozen(kw_only=True)
class PartyStatement:
    """One party's share of every item: its assets, its liabilities and the net (§ 10)."""

    __module__ = "sodertorn"

    party: Municipality
    population: int
    """The party's population on 31 December of *population_year*: its weight."""
    total_population: int
    """The population of all the parties that share."""
    population_year: int
    shares: tuple[tuple[str, SEK], ...]
    """``(item name, share)`` in the order of the items."""

    @property
    def assets(self) -> SEK:
        """The sum of the party's shares of the assets."""
        return SEK.total(share for _, share in self.shares if share.ore > 0)

    @property
    def liabilities(self) -> SEK:
        """The sum of the party's shares of the liabilities (zero or negative)."""
        return SEK.total(share for _, share in self.shares if share.ore < 0)

    @property
    def net(self) -> SEK:
        """Assets plus liabilities."""
        return SEK.total(share for _, share in self.shares)

    def explain(self, lang: str = "sv") -> str:
        """Explain the party's shares, their key and the rounding, in Swedish or English.

        >>> statement = split_items([Item(name="Bank account", amount=SEK(1_000_000)),
        ...     Item(name="Consultancy contract", amount=SEK(-250_000))], population_year=2023)
        >>> print(statement.of("Nykvarn").explain("en"))
        Nykvarn: population 12,107 of 520,824 on December 31, 2023. (Samarbetsavtal 2010, § 10)
          Bank account: SEK23,246
          Consultancy contract: -SEK5,811
        Assets SEK23,246, liabilities -SEK5,811, net SEK17,435.
        """
        check_language(lang)
        import datetime  # noqa: PLC0415 - only for the reference date

        from sodertorn.i18n import format_number  # noqa: PLC0415 - Babel is heavy

        own, total = self.population, self.total_population
        head = Reason(
            "§ 10",
            message("{party}: population {own} of {total} on {date}."),
            party=self.party,
            own=format_number(own, lang),
            total=format_number(total, lang),
            date=datetime.date(self.population_year, 12, 31),
        ).text(lang)
        lines = [head]
        lines.extend(
            f"  {name}: {render('{amount}', lang, amount=share)}" for name, share in self.shares
        )
        lines.append(
            render(
                message("Assets {assets}, liabilities {liabilities}, net {net}."),
                lang,
                assets=self.assets,
                liabilities=self.liabilities,
                net=self.net,
            )
        )
        return "\n".join(lines)


@attrs.frozen(kw_only=True)
class DissolutionStatement:
    """The split of every item between the parties, and each party's statement (§ 10)."""

    __module__ = "sodertorn"

    items: tuple[Item, ...]
    population_year: int
    unit: Unit
    statements: tuple[PartyStatement, ...]

    def __attrs_post_init__(self) -> None:
        for index, item in enumerate(self.items):
            parts = SEK.total(s.shares[index][1] for s in self.statements)
            if parts != item.amount:
                raise DissolutionError(
                    f"the shares of {item.name!r} sum to {parts!r}, not {item.amount!r}; "
                    f"expected every item conserved"
                )

    @property
    def parties(self) -> tuple[Municipality, ...]:
        """The parties that share, in code order."""
        return tuple(s.party for s in self.statements)

    def of(self, party: Municipality | str) -> PartyStatement:
        """Return the statement of *party*; a party that does not share is an error."""
        found = _checks.party(party, DissolutionError)
        for statement in self.statements:
            if statement.party == found:
                return statement
        raise DissolutionError(
            f"{found.name} has no share; expected one of {_checks.names(self.parties)}"
        )

    def share(self, item: str, party: Municipality | str) -> SEK:
        """Return the share of the item named *item* that falls to *party*."""
        statement = self.of(party)
        for name, amount in statement.shares:
            if name == item:
                return amount
        raise DissolutionError(
            f"no item named {item!r}; expected one of "
            + ", ".join(repr(i.name) for i in self.items)
        )

    def explain(self, lang: str = "sv") -> str:
        """Explain the rule, then every party's statement, in Swedish or English."""
        check_language(lang)
        rule = Reason(
            "§ 10",
            message(
                "Every asset and liability is split between the parties in proportion to "
                "their population on 31 December {year}, each item on its own, by largest "
                "remainder in whole {unit}, so that the shares sum exactly to the item."
            ),
            year=self.population_year,
            unit=render(message("kronor") if self.unit is Unit.KRONA else message("öre"), lang),
        ).text(lang)
        return "\n\n".join([rule, *(s.explain(lang) for s in self.statements)])


def _items(value: object) -> tuple[Item, ...]:
    if isinstance(value, (str, Mapping)) or not isinstance(value, Iterable):
        raise DissolutionError(f"items {value!r} is not a collection of Item values")
    items = tuple(value)
    for item in items:
        if not isinstance(item, Item):
            raise DissolutionError(f"{item!r} is not an Item; expected Item(name=..., amount=...)")
    if not items:
        raise DissolutionError("no assets or liabilities to split; expected at least one Item")
    names = [i.name for i in items]
    for name in names:
        if names.count(name) > 1:
            raise DissolutionError(f"two items named {name!r}; expected each name once")
    return items


def split_items(
    items: Iterable[Item],
    *,
    population_year: int,
    parties: Iterable[Municipality | str] = MUNICIPALITIES,
    population: Population | None = None,
    unit: Unit = Unit.KRONA,
) -> DissolutionStatement:
    """Split every item between *parties* by their population on 31 Dec *population_year*.

    The arithmetic of § 10, without the decision: see :func:`dissolve` for the rule that
    takes the parties and the year from the committee's decision. *population* defaults
    to the built-in register; *unit* is the unit of the shares (whole kronor by default;
    an item with öre needs ``unit=Unit.ORE``).
    """
    checked = _items(items)
    if not isinstance(unit, Unit):
        raise DissolutionError(f"unit {unit!r} is unknown; expected Unit.KRONA or Unit.ORE")
    for item in checked:
        if item.amount.ore % unit.value:
            raise DissolutionError(
                f"item {item.name!r} of {item.amount!r} is not a whole number of "
                f"{unit.label}; expected unit=Unit.ORE for amounts with öre"
            )
    sharing = _checks.parties(parties, "parties", DissolutionError)
    if not sharing:
        raise DissolutionError("no parties to share between; expected at least one")
    register = Population.builtin() if population is None else population
    if not isinstance(register, Population):
        raise DissolutionError(f"population {register!r} is not a Population")
    weights = register.at(population_year, sharing)
    total = sum(weights.values())
    splits = [allocate(item.amount, weights, unit=unit) for item in checked]
    statements = tuple(
        PartyStatement(
            party=party,
            population=weights[party],
            total_population=total,
            population_year=population_year,
            shares=tuple(
                (item.name, split[party]) for item, split in zip(checked, splits, strict=True)
            ),
        )
        for party in sorted(weights)
    )
    return DissolutionStatement(
        items=checked, population_year=population_year, unit=unit, statements=statements
    )


def dissolve(
    decision: Decision,
    items: Iterable[Item],
    *,
    population: Population | None = None,
    unit: Unit = Unit.KRONA,
) -> DissolutionStatement:
    """Dissolve the committee by *decision* and split *items* between its parties (§ 10).

    The decision must be adopted (§ 3: quorate, and by consensus unless every member agreed
    to another rule). The parties are those on the decision's date; the key is their
    population on 31 December of the year before.
    """
    if not isinstance(decision, Decision):
        raise DissolutionError(f"decision {decision!r} is not a Decision")
    outcome = decision.outcome
    if not outcome.adopted:
        raise DissolutionError(
            f"the committee did not decide to dissolve ({decision.matter!r} on "
            f"{decision.meeting.date} was not adopted: "
            f"{outcome.reasons[-1].text('en')}); § 10 needs a decision of the committee"
        )
    return split_items(
        items,
        population_year=decision.meeting.date.year - 1,
        parties=decision.meeting.members,
        population=population,
        unit=unit,
    )
