"""Strategies for our own tests: the public ones of :mod:`sodertorn.testing`, in the
shapes these tests draw from, so that the published strategies are the ones we trust."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from sodertorn import SEK, Population
from sodertorn.testing import (
    amounts,
    fee_rules,
    fee_schedules,
    invalid_amounts,
    invalid_population_counts,
    invalid_weights,
    municipalities,
    populations,
    weights,
    whole_kronor,
)
from sodertorn.testing import parties as _parties
from sodertorn.testing import party_sets as _party_sets

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

__all__ = [
    "amounts",
    "amounts_ore",
    "decimals_two_places",
    "fee_rules",
    "fee_schedules",
    "invalid_amounts",
    "invalid_population_counts",
    "invalid_weights",
    "municipalities",
    "parties",
    "party_sets",
    "population_registers",
    "sek",
    "weights",
    "whole_kronor",
]

sek = amounts(min_value=SEK.from_ore(-(10**12)), max_value=SEK.from_ore(10**12))
amounts_ore = sek.map(lambda amount: amount.ore)
decimals_two_places = amounts_ore.map(lambda ore: Decimal(ore).scaleb(-2))
parties = _parties()
party_sets = _party_sets()


def population_registers(first: int = 2008, last: int = 2024) -> SearchStrategy[Population]:
    """A register for the eight parties over *first*..*last*, every count positive."""
    return populations(first_year=first, last_year=last)
