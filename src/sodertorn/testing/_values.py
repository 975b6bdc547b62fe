"""Strategies for text, money, the parties, their population and the fees (§ 8)."""

from __future__ import annotations

import datetime
from collections.abc import Hashable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, TypeVar

from hypothesis import strategies as st

from sodertorn.fees import FeeRule, FeeSchedule, IndexedRule, PerCapitaRule
from sodertorn.money import SEK
from sodertorn.parties import MUNICIPALITIES, Municipality
from sodertorn.population import Population

if TYPE_CHECKING:
    from fractions import Fraction

    from hypothesis.strategies import SearchStrategy


K = TypeVar("K", bound=Hashable)

_LIMIT = SEK(10**12)  # a trillion kronor: beyond any municipal budget


_LETTERS = "abcdefghijklmnopqrstuvwxyzåäöABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖé"
_WORD_CHARACTERS = _LETTERS + "0123456789 -–.,:;()/&'\"§"
_SLUG_HEAD = "abcdefghijklmnopqrstuvwxyz"
_SLUG_TAIL = _SLUG_HEAD + "0123456789"


def words(*, max_size: int = 12) -> SearchStrategy[str]:
    """Short texts as names and goals are written, never blank, never padded with spaces.

    A letter, then letters, digits, spaces and punctuation, Swedish letters among them.

    A small alphabet keeps drawing cheap; the library's text handling does not depend on
    which characters beyond these appear.
    """
    if max_size < 1:
        raise ValueError(f"max_size {max_size!r} must be at least 1")
    return st.builds(
        lambda head, tail: (head + tail).rstrip(),
        st.sampled_from(_LETTERS),
        st.text(alphabet=_WORD_CHARACTERS, max_size=max_size - 1),
    )


def slugs() -> SearchStrategy[str]:
    """Stable ids such as ``infra`` or ``k2-a1``.

    A lower-case letter, up to five letters or digits, and an optional suffix of a hyphen
    and one to three letters or digits.
    """
    return st.builds(
        lambda head, body, suffix: head + body + (f"-{suffix}" if suffix else ""),
        st.sampled_from(_SLUG_HEAD),
        st.text(alphabet=_SLUG_TAIL, max_size=5),
        st.text(alphabet=_SLUG_TAIL, max_size=3),
    )


def amounts(*, min_value: SEK = -_LIMIT, max_value: SEK = _LIMIT) -> SearchStrategy[SEK]:
    """Amounts of :class:`~sodertorn.SEK` between *min_value* and *max_value*, to the öre."""
    return st.integers(min_value=min_value.ore, max_value=max_value.ore).map(SEK.from_ore)


def whole_kronor(*, min_value: int = -(10**12), max_value: int = 10**12) -> SearchStrategy[SEK]:
    """Amounts of whole kronor between *min_value* and *max_value* kronor."""
    return st.integers(min_value=min_value, max_value=max_value).map(SEK)


def invalid_amounts() -> SearchStrategy[object]:
    """Values ``SEK(...)`` refuses with :class:`~sodertorn.InvalidAmountError`.

    Floats, booleans, fractions of an öre, non-finite decimals, text that is not a
    number, and objects of other types.
    """
    return st.one_of(
        st.floats(),
        st.booleans(),
        st.integers(min_value=1, max_value=999)
        .filter(lambda n: n % 10 != 0)
        .map(lambda n: Decimal(n).scaleb(-3) + 1),
        st.sampled_from([Decimal("NaN"), Decimal("Infinity"), Decimal("-Infinity")]),
        st.text(alphabet=_JUNK_ALPHABET, max_size=8).filter(_not_a_number),
        st.none(),
        st.lists(st.integers(), max_size=2),
        st.builds(object),
    )


_JUNK_ALPHABET = "0123456789.,;:-+eE _abcåäöÖ\u00a0\u2212"
"""Characters of numbers and of what is mistaken for them: enough to make near misses."""


def _not_a_number(text: str) -> bool:
    try:
        SEK(text)
    except ValueError:
        return True
    return False


def weights(
    keys: SearchStrategy[K] | None = None,
    *,
    min_size: int = 1,
    max_size: int = 12,
    max_weight: int = 1_000_000,
) -> SearchStrategy[dict[K, int]]:
    """Mappings of keys to non-negative integer weights, not all zero.

    *keys* defaults to short strings; the weights go up to *max_weight*. These are
    what :func:`~sodertorn.allocate` and :func:`~sodertorn.allocate_units` split by.
    """
    if min_size < 1:
        raise ValueError(f"min_size {min_size!r} must be at least 1: some weight must be positive")
    key_strategy: SearchStrategy[K] = (
        keys if keys is not None else words(max_size=4)  # type: ignore[assignment]
    )

    @st.composite
    def build(draw: st.DrawFn) -> dict[K, int]:
        chosen = draw(st.lists(key_strategy, min_size=min_size, max_size=max_size, unique=True))
        counts = draw(
            st.lists(
                st.integers(min_value=0, max_value=max_weight),
                min_size=len(chosen),
                max_size=len(chosen),
            )
        )
        if sum(counts) == 0:
            counts[-1] = draw(st.integers(min_value=1, max_value=max_weight))
        return dict(zip(chosen, counts, strict=True))

    return build()


def invalid_weights() -> SearchStrategy[object]:
    """Weights :func:`~sodertorn.allocate` refuses with :class:`~sodertorn.AllocationError`.

    Mappings with a negative, fractional, boolean or non-numeric weight, mappings whose
    weights are all zero, and things that are not mappings.
    """
    bad_weight = st.one_of(
        st.integers(max_value=-1),
        st.floats(allow_nan=False),
        st.booleans(),
        st.text(max_size=3),
        st.none(),
    )
    return st.one_of(
        st.dictionaries(st.text(max_size=3), bad_weight, min_size=1, max_size=4),
        st.dictionaries(st.text(max_size=3), st.just(0), max_size=4),
        st.lists(st.integers(min_value=0), max_size=3),
        st.none(),
        st.integers(),
    )


def exact_shares(
    keys: SearchStrategy[K] | None = None, *, max_size: int = 10
) -> SearchStrategy[dict[K, Fraction]]:
    """Exact shares before rounding: keys mapped to fractions from 0 to a million.

    One to *max_size* keys (short texts by default), each with a :class:`~fractions.Fraction`
    whose denominator is at most 10 000: what :func:`~sodertorn.round_to_total`
    rounds to whole units.
    """
    key_strategy: SearchStrategy[K] = (
        keys if keys is not None else words(max_size=3)  # type: ignore[assignment]
    )
    return st.lists(key_strategy, min_size=1, max_size=max_size, unique=True).flatmap(
        lambda chosen: st.tuples(
            *(st.fractions(min_value=0, max_value=10**6, max_denominator=10**4) for _ in chosen)
        ).map(lambda shares: dict(zip(chosen, shares, strict=True)))
    )


def municipalities() -> SearchStrategy[Municipality]:
    """Any valid :class:`~sodertorn.Municipality`: a four-digit code and a name.

    Not only the eight parties; for those, use :func:`parties`.
    """
    return st.builds(
        Municipality,
        code=st.integers(min_value=0, max_value=9999).map("{:04d}".format),
        name=words(max_size=20),
    )


def parties() -> SearchStrategy[Municipality]:
    """One of the eight parties to the agreement."""
    return st.sampled_from(MUNICIPALITIES)


def party_sets(
    among: Sequence[Municipality] = MUNICIPALITIES, *, min_size: int = 1
) -> SearchStrategy[tuple[Municipality, ...]]:
    """Sets of parties drawn from *among*, at least *min_size*, as a tuple in code order."""
    return st.sets(st.sampled_from(tuple(among)), min_size=min_size).map(
        lambda chosen: tuple(sorted(chosen))
    )


def populations(
    among: Sequence[Municipality] = MUNICIPALITIES,
    *,
    first_year: int = 2008,
    last_year: int = 2024,
    min_count: int = 1,
    max_count: int = 1_000_000,
) -> SearchStrategy[Population]:
    """Registers with a count for every party of *among* and every year in the span.

    Counts are at least *min_count* (1 by default, so every population change is
    defined; pass 0 to allow empty municipalities).
    """
    keys = [(party, year) for party in among for year in range(first_year, last_year + 1)]
    return st.lists(
        st.integers(min_value=min_count, max_value=max_count),
        min_size=len(keys),
        max_size=len(keys),
    ).map(lambda counts: Population(dict(zip(keys, counts, strict=True)), source="generated"))


def invalid_population_counts() -> SearchStrategy[object]:
    """Mappings ``Population(...)`` refuses with :class:`~sodertorn.PopulationDataError`.

    A negative, fractional, boolean or textual count, a key that is not a
    ``(Municipality, year)`` pair, or something that is not a mapping at all.
    """
    key = st.tuples(parties(), st.integers(min_value=1000, max_value=9999))
    bad_count = st.one_of(
        st.integers(max_value=-1),
        st.floats(),
        st.booleans(),
        st.text(max_size=5),
        st.none(),
    )
    bad_key = st.one_of(
        st.text(max_size=5),
        st.integers(),
        st.tuples(st.text(max_size=4), st.integers()),
        st.tuples(parties(), st.booleans()),
        st.tuples(parties(), st.integers(), st.integers()),
    )
    return st.one_of(
        st.dictionaries(key, bad_count, min_size=1, max_size=3),
        st.dictionaries(bad_key, st.integers(min_value=0), min_size=1, max_size=3),
        st.lists(st.integers(), max_size=3),
        st.none(),
        st.text(max_size=5),
    )


@st.composite
def sparse_populations(
    draw: st.DrawFn,
    among: Sequence[Municipality] = MUNICIPALITIES,
    *,
    first_year: int = 2008,
    last_year: int = 2024,
    required: Sequence[int] = (),
) -> Population:
    """Registers with small counts, often zero, and about one year in ten missing.

    For what a caller does when a population change is undefined (a count of zero) or a
    year's count is missing. The years in *required* (a base year, say) have a positive
    count for every party of *among*.
    """
    counts: dict[tuple[Municipality, int], int] = {}
    for party in among:
        for year in range(first_year, last_year + 1):
            if year in required:
                counts[(party, year)] = draw(st.sampled_from([1, 2, 5, 1000]))
            elif draw(st.integers(0, 9)):
                counts[(party, year)] = draw(st.sampled_from([0, 1, 2, 5, 1000]))
    return Population(counts)


def _rule(
    kind: str, first_year: int, last_year: int | None, amount: int, base: tuple[Municipality, ...]
) -> FeeRule:
    if kind == "indexed":
        return IndexedRule(
            first_year=first_year,
            last_year=last_year,
            base_total=SEK(amount * 1000),
            source=f"generated indexed rule from {first_year}",
            base_parties=base,
        )
    return PerCapitaRule(
        first_year=first_year,
        last_year=last_year,
        rate=SEK(amount),
        source=f"generated per-capita rule from {first_year}",
        decided=datetime.date(first_year - 1, 1, 1),
    )


def fee_rules(
    *, first_year: int = 2010, last_year: int = 2100, among: Sequence[Municipality] = MUNICIPALITIES
) -> SearchStrategy[FeeRule]:
    """A single :class:`~sodertorn.IndexedRule` or :class:`~sodertorn.PerCapitaRule`.

    Its span lies within *first_year*..*last_year*, or is open-ended; an indexed rule
    splits over a non-empty subset of *among*.
    """

    @st.composite
    def build(draw: st.DrawFn) -> FeeRule:
        start = draw(st.integers(min_value=first_year, max_value=last_year))
        end = draw(st.none() | st.integers(min_value=start, max_value=last_year))
        kind = draw(st.sampled_from(["indexed", "per_capita"]))
        amount = draw(st.integers(min_value=1, max_value=10_000))
        return _rule(kind, start, end, amount, draw(party_sets(among)))

    return build()


def fee_schedules(
    *,
    first_year: int = 2010,
    last_year: int = 2100,
    max_rules: int = 4,
    among: Sequence[Municipality] = MUNICIPALITIES,
) -> SearchStrategy[FeeSchedule]:
    """Valid :class:`~sodertorn.FeeSchedule` values: one to *max_rules* rules, no overlap.

    The rules follow one another without gaps from their first year; the last one
    either ends by *last_year* or runs on. The due day is any day of the year.
    """

    @st.composite
    def build(draw: st.DrawFn) -> FeeSchedule:
        starts = sorted(
            draw(
                st.sets(
                    st.integers(min_value=first_year, max_value=last_year),
                    min_size=1,
                    max_size=max_rules,
                )
            )
        )
        final = draw(st.none() | st.integers(min_value=starts[-1], max_value=last_year))
        ends: list[int | None] = [later - 1 for later in starts[1:]]
        ends.append(final)
        rules = [
            _rule(
                draw(st.sampled_from(["indexed", "per_capita"])),
                start,
                end,
                draw(st.integers(min_value=1, max_value=10_000)),
                draw(party_sets(among)),
            )
            for start, end in zip(starts, ends, strict=True)
        ]
        due = draw(st.dates(datetime.date(2001, 1, 1), datetime.date(2001, 12, 31)))
        return FeeSchedule(rules=rules, due_month=due.month, due_day=due.day)

    return build()
