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

>>> from sodertorn import SEK
>>> from sodertorn.agreement import Item, split_items
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
from fractions import Fraction
from typing import TYPE_CHECKING, Any, ClassVar

import attrs

from sodertorn import _checks as _shared
from sodertorn.agreement import _checks
from sodertorn.agreement.decisions import Decision
from sodertorn.allocation import allocate, remainder_trace
from sodertorn.errors import DissolutionError
from sodertorn.i18n import check_language, gettext
from sodertorn.money import SEK, Unit
from sodertorn.parties import MUNICIPALITIES, Municipality
from sodertorn.population import Population, reference_date
from sodertorn.reasons import Reason, message, render
from sodertorn.tabular import Cell, Table, Tabulated, money_cell

if TYPE_CHECKING:
    import datetime
    import os
    from pathlib import Path


__all__ = [
    "DISSOLUTION_COLUMNS",
    "DissolutionStatement",
    "Item",
    "PartyStatement",
    "dissolve",
    "split_items",
]

DISSOLUTION_COLUMNS: tuple[str, ...] = (
    "code",
    "name",
    "population",
    "population_date",
    "item",
    "kind",
    "amount",
)
"""The columns of :meth:`~sodertorn.agreement.DissolutionStatement.rows`, one row per party and item: the SCB
code (text), the name, the population (an integer) on ``population_date``, the item's
name, its ``kind`` (``"asset"`` or ``"liability"``) and the party's share (``int`` kronor,
or ``Decimal`` with öre; negative for a liability)."""


def _name(value: object) -> str:
    return _checks.check_text(value, "item name", DissolutionError, "a name such as 'Bank'")


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

    __module__ = "sodertorn.agreement"

    name: str = attrs.field(converter=_name)
    amount: SEK = attrs.field(converter=_amount)

    @property
    def is_liability(self) -> bool:
        """Whether the item is a liability (a negative amount)."""
        return self.amount.ore < 0


@attrs.frozen(kw_only=True)
class PartyStatement:
    """One party's share of every item: its assets, its liabilities and the net (§ 10)."""

    __module__ = "sodertorn.agreement"

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
        Nykvarn: population 12,107 of 520,824 on 31 December 2023. (Samarbetsavtal 2010, § 10)
          Bank account: SEK 23,246
          Consultancy contract: -SEK 5,811
        Assets SEK 23,246, liabilities -SEK 5,811, net SEK 17,435.
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
class DissolutionStatement(Tabulated):
    """The split of every item between the parties, and each party's statement (§ 10)."""

    __module__ = "sodertorn.agreement"

    columns: ClassVar[tuple[str, ...]] = DISSOLUTION_COLUMNS

    items: tuple[Item, ...]
    population_year: int
    unit: Unit
    statements: tuple[PartyStatement, ...]
    population_source: str = ""

    def __attrs_post_init__(self) -> None:
        names = tuple(item.name for item in self.items)
        for statement in self.statements:
            named = tuple(name for name, _ in statement.shares)
            if named != names:
                raise DissolutionError(
                    f"the shares of {statement.party.name} name {named!r}, not the items "
                    f"{names!r}; expected one share of each item, in the order of the items"
                )
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

    @property
    def population_date(self) -> datetime.date:
        """The day the populations count: 31 December of ``population_year``."""
        return reference_date(self.population_year)

    def rows(self) -> list[tuple[Cell, ...]]:
        """One row per party and item, in the order of :data:`~sodertorn.agreement.dissolution.DISSOLUTION_COLUMNS`."""
        day = self.population_date
        return [
            (
                statement.party.code,
                statement.party.name,
                statement.population,
                day,
                item.name,
                "liability" if item.is_liability else "asset",
                money_cell(share),
            )
            for statement in self.statements
            for item, (_, share) in zip(self.items, statement.shares, strict=True)
        ]

    def to_table(self, *, lang: str = "sv") -> Table:
        """The rows as a :class:`~sodertorn.tabular.Table` with notes in *lang*."""
        check_language(lang)
        from sodertorn.i18n import format_date  # noqa: PLC0415 - Babel is heavy

        notes = [
            (gettext("Source", lang), "Samarbetsavtal 2010, § 10"),
            (gettext("Population on", lang), format_date(self.population_date, lang)),
            (gettext("Population source", lang), gettext(self.population_source, lang)),
        ]
        return Table(
            columns=self.columns,
            rows=self.rows(),
            title=gettext("Dissolution", lang),
            money=frozenset({"amount"}),
            notes=tuple((label, text) for label, text in notes if text),
        )

    def to_excel(self, path: str | os.PathLike[str], *, lang: str = "sv") -> Path:
        """Write the statement to an Excel workbook (``pip install 'sodertorn[excel]'``).

        The total row is the net of everything split: the assets less the liabilities.
        """
        return self.to_table(lang=lang).to_excel(
            path, lang=lang, explanation=self.explain(lang).splitlines()
        )

    def to_dict(self, *, trace: bool = False) -> dict[str, Any]:
        """Plain JSON-ready data: amounts as exact decimal strings, ISO dates.

        With *trace*, the derivation as data: the rule, the key's populations with their
        date and source, and for each item and party the exact share, whole units,
        remainder and the largest-remainder adjustment.
        """
        data: dict[str, Any] = {
            "population_date": self.population_date.isoformat(),
            "population_source": self.population_source,
            "unit": self.unit.label,
            "items": [
                {
                    "name": item.name,
                    "kind": "liability" if item.is_liability else "asset",
                    "amount": str(item.amount.amount),
                }
                for item in self.items
            ],
            "statements": [
                {
                    "code": s.party.code,
                    "name": s.party.name,
                    "population": s.population,
                    "shares": [
                        {"item": name, "amount": str(share.amount)} for name, share in s.shares
                    ],
                    "assets": str(s.assets.amount),
                    "liabilities": str(s.liabilities.amount),
                    "net": str(s.net.amount),
                }
                for s in self.statements
            ],
        }
        if trace:
            key = sum(s.population for s in self.statements)
            items = []
            for index, item in enumerate(self.items):
                exact = {
                    s.party: item.amount.exact * Fraction(s.population, key)
                    for s in self.statements
                }
                parts = {s.party: s.shares[index][1] for s in self.statements}
                steps = remainder_trace(exact, parts, unit=self.unit)
                items.append(
                    {
                        "name": item.name,
                        "amount": str(item.amount.amount),
                        "parties": [
                            {
                                "code": s.party.code,
                                "share": f"{s.population}/{key}",
                                **steps[s.party],
                            }
                            for s in self.statements
                        ],
                    }
                )
            data["trace"] = {
                "rule": {
                    "source": "Samarbetsavtal 2010, § 10",
                    "key": "population on 31 December of the year before the decision",
                },
                "population": {
                    "date": self.population_date.isoformat(),
                    "source": self.population_source,
                    "total": key,
                },
                "allocation": {
                    "method": "largest remainder, each item on its own",
                    "ties": "lowest municipality code",
                    "unit": self.unit.label,
                },
                "items": items,
            }
        return data

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
        raise DissolutionError.of("no assets or liabilities to split; expected at least one Item")
    names = [i.name for i in items]
    for name in names:
        if names.count(name) > 1:
            raise DissolutionError.of(
                "two items named {name}; expected each name once", name=repr(name)
            )
    return items


_UNIT = _shared.member(Unit, DissolutionError)
_POPULATION = _shared.is_a(
    Population, DissolutionError, expected="a Population such as Population.builtin(), or None"
)
_DECISION = _shared.is_a(Decision, DissolutionError, expected="an adopted Decision of § 10")


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
    _UNIT.check(unit, "unit")
    for item in checked:
        if item.amount.ore % unit.value:
            raise DissolutionError(
                f"item {item.name!r} of {item.amount!r} is not a whole number of "
                f"{unit.label}; expected unit=Unit.ORE for amounts with öre"
            )
    sharing = _checks.parties(parties, "parties", DissolutionError)
    if not sharing:
        raise DissolutionError("no parties to share between; expected at least one")
    register = (
        Population.builtin() if population is None else _POPULATION.check(population, "population")
    )
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
        items=checked,
        population_year=population_year,
        unit=unit,
        statements=statements,
        population_source=register.source,
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
    outcome = _DECISION.check(decision, "decision").outcome
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
