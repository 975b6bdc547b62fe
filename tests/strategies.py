"""Hypothesis strategies for the foundation's domain values."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from sodertorn import MUNICIPALITIES, SEK, Municipality, Population

amounts_ore = st.integers(min_value=-(10**12), max_value=10**12)
sek = amounts_ore.map(SEK.from_ore)
whole_kronor = st.integers(min_value=-(10**9), max_value=10**9).map(SEK)
populations = st.integers(min_value=0, max_value=1_000_000)
positive_populations = st.integers(min_value=1, max_value=1_000_000)
parties = st.sampled_from(MUNICIPALITIES)
party_sets = st.sets(parties, min_size=1).map(lambda s: tuple(sorted(s)))
decimals_two_places = amounts_ore.map(lambda ore: Decimal(ore).scaleb(-2))


@st.composite
def weights(draw: st.DrawFn, min_size: int = 1, max_size: int = 12) -> dict[str, int]:
    """Non-negative integer weights, not all zero, over string keys."""
    keys = draw(
        st.lists(st.text(min_size=1, max_size=4), min_size=min_size, max_size=max_size, unique=True)
    )
    values = draw(st.lists(populations, min_size=len(keys), max_size=len(keys)))
    if sum(values) == 0:
        values[0] = draw(positive_populations)
    return dict(zip(keys, values, strict=False))


@st.composite
def population_registers(draw: st.DrawFn, first: int = 2008, last: int = 2024) -> Population:
    """A register for the eight parties over *first*..*last*, every count positive."""
    counts: dict[tuple[Municipality, int], int] = {}
    for party in MUNICIPALITIES:
        for year in range(first, last + 1):
            counts[(party, year)] = draw(positive_populations)
    return Population(counts, source="generated")
