"""Hypothesis strategies for the library's domain values, for tools that build on it.

A system that imports :mod:`sodertorn` can property-test its own code against valid
values (amounts, weights, municipalities, population registers, fee schedules, notices,
agreements with members and withdrawals, meetings, assets and liabilities, goal trees)
and against values the library refuses. This module needs Hypothesis, which the library
itself does not: install the ``testing`` extra (``pip install 'sodertorn[testing]'``).

Every strategy is a function that returns a :class:`hypothesis.strategies.SearchStrategy`:

>>> from hypothesis import find
>>> from sodertorn import SEK, allocate
>>> from sodertorn.testing import amounts, weights
>>> find(amounts(), lambda amount: amount > SEK(100))
SEK('100.01')
>>> drawn = find(weights(), lambda w: len(w) == 3)
>>> len(drawn), sum(drawn.values()) > 0
(3, True)
>>> from sodertorn.testing import populations
>>> find(populations(first_year=2022, last_year=2023), lambda p: True).years
(2022, 2023)

Importing this module (or just Hypothesis, where the library is installed) also teaches
``st.from_type`` the library's value types: :class:`~sodertorn.SEK` draws
:func:`amounts`, :class:`~sodertorn.Municipality` one of the eight :func:`parties`, and
:class:`~sodertorn.Population` :func:`populations`:

>>> from hypothesis import strategies as st
>>> from sodertorn import MUNICIPALITIES, Municipality
>>> find(st.from_type(Municipality), lambda party: True) in MUNICIPALITIES
True
>>> find(st.from_type(SEK), lambda amount: amount < SEK(0))
SEK('-0.01')

In a test, draw from them with ``@given``::

    @given(amounts(), weights())
    def test_parts_sum_to_the_total(total, w):
        assert SEK.total(allocate(total, w, unit=Unit.ORE).values()) == total

The ``invalid_*`` strategies give values a constructor or function refuses with a
:class:`~sodertorn.SodertornError`, for testing that a caller's error handling holds.
"""

from __future__ import annotations

import datetime
from collections.abc import Hashable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar

try:
    from hypothesis import strategies as st
except ImportError as error:
    raise ImportError(
        "sodertorn.testing needs Hypothesis, which is not installed; "
        "install the 'testing' extra: pip install 'sodertorn[testing]'"
    ) from error

from sodertorn._hypothesis_plugin import _hypothesis_setup_hook
from sodertorn.agreement.dissolution import Item
from sodertorn.agreement.meetings import Meeting
from sodertorn.agreement.membership import Agreement
from sodertorn.agreement.notice import Notice
from sodertorn.agreement.terms import IN_FORCE_FROM
from sodertorn.fees import FeeRule, FeeSchedule, IndexedRule, PerCapitaRule
from sodertorn.money import SEK
from sodertorn.parties import MUNICIPALITIES, Municipality
from sodertorn.population import Population
from sodertorn.programme.adoption import AdoptionRecord
from sodertorn.programme.model import Claim, Network, Node, NodeKind, Period, Programme, Text

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

__all__ = [
    "adoption_records",
    "agreements",
    "amounts",
    "fee_rules",
    "fee_schedules",
    "invalid_amounts",
    "invalid_population_counts",
    "invalid_weights",
    "items",
    "meetings",
    "municipalities",
    "notices",
    "parties",
    "party_sets",
    "populations",
    "programmes",
    "receipt_dates",
    "slugs",
    "weights",
    "whole_kronor",
    "words",
]

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


# -- the agreement (Samarbetsavtal 2010, §§ 2-10) -------------------------------------------

_DATES = st.dates(min_value=IN_FORCE_FROM, max_value=datetime.date(2099, 12, 31))
_MONTH_ENDS = st.builds(
    lambda year, month: datetime.date(year, month, 1) - datetime.timedelta(days=1),
    st.integers(2011, 2099),
    st.integers(1, 12),
)


def receipt_dates() -> SearchStrategy[datetime.date]:
    """Days a notice may reach the chair, with month ends, 29 February and December likely."""
    return st.one_of(_DATES, _MONTH_ENDS, st.just(datetime.date(2024, 2, 29)))


@st.composite
def notices(draw: st.DrawFn, party: Municipality | None = None) -> Notice:
    """Valid :class:`~sodertorn.Notice` values: the council decides before the chair hears.

    *party* fixes who gives notice; by default any of the eight.
    """
    received = draw(receipt_dates())
    lag = draw(st.integers(0, 90))
    return Notice(
        party=draw(parties()) if party is None else party,
        council_decision_date=max(IN_FORCE_FROM, received - datetime.timedelta(days=lag)),
        received_by_chair=received,
    )


@st.composite
def agreements(draw: st.DrawFn) -> Agreement:
    """The 2010 :class:`~sodertorn.Agreement` after notices by any subset of the parties."""
    leaving = draw(st.lists(parties(), unique=True, max_size=len(MUNICIPALITIES)))
    return Agreement(notices=tuple(draw(notices(party)) for party in leaving))


@st.composite
def meetings(draw: st.DrawFn, agreement: Agreement | None = None) -> Meeting:
    """A :class:`~sodertorn.Meeting` on a day with members, any of them present or remote."""
    current = Agreement() if agreement is None else agreement
    day = draw(_DATES.filter(lambda d: bool(current.parties_on(d))))
    members = current.parties_on(day)
    present = draw(st.lists(st.sampled_from(members), unique=True))
    remote = draw(st.frozensets(st.sampled_from(present))) if present else frozenset()
    return Meeting(date=day, in_room=frozenset(present) - remote, remote=remote, agreement=current)


@st.composite
def items(draw: st.DrawFn, amount: SearchStrategy[SEK] | None = None) -> tuple[Item, ...]:
    """Named assets (positive) and liabilities (negative) to split on dissolution (§ 10)."""
    values = draw(st.lists(whole_kronor() if amount is None else amount, min_size=1, max_size=6))
    return tuple(Item(name=f"item {i}", amount=value) for i, value in enumerate(values))


# -- the development programme (SUP) --------------------------------------------------------

_SLUGS = slugs()
_WORDS = words()
_TEXTS = st.builds(Text, _WORDS, en=st.none() | _WORDS)
_DAYS = st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2040, 12, 31))


@st.composite
def _periods(draw: st.DrawFn) -> Period:
    start = draw(st.integers(2000, 2040))
    return Period(start, draw(st.none() | st.integers(start, start + 8)))


@st.composite
def adoption_records(draw: st.DrawFn) -> AdoptionRecord:
    """An executive board's adoption of a programme, on a day or within a window."""
    if draw(st.booleans()):
        window: dict[str, Any] = {"date": draw(_DAYS)}
    else:
        first, second = sorted([draw(_DAYS), draw(_DAYS)])
        window = {
            "earliest": draw(st.none() | st.just(first)),
            "latest": draw(st.none() | st.just(second)),
        }
    return AdoptionRecord(
        party=draw(parties()),
        body=draw(st.sampled_from(["kommunstyrelsen", "kommunfullmäktige"])),
        reference=draw(st.none() | _WORDS),
        source=draw(_WORDS),
        **window,
    )


_CLAIMS = st.builds(
    Claim,
    kind=st.sampled_from(NodeKind),
    count=st.integers(0, 5),
    per=st.none() | st.sampled_from(NodeKind),
    source=_WORDS,
)


@st.composite
def programmes(
    draw: st.DrawFn,
    *,
    ids: SearchStrategy[str] = _SLUGS,
    max_nodes: int = 10,
    programme_id: str | None = None,
) -> Programme:
    """Valid :class:`~sodertorn.Programme` goal trees, their nodes in any order.

    Every node hangs under the root or under a node of a higher level; networks,
    adoptions and claims are drawn too. *ids* draws node ids (a small pool makes two
    programmes share some, for diffs).
    """
    root = programme_id if programme_id is not None else draw(st.sampled_from(["sup1", "sup2"]))
    networks = draw(
        st.lists(st.builds(Network, id=_SLUGS, name=_TEXTS), max_size=3, unique_by=lambda n: n.id)
    )
    network_ids = [network.id for network in networks]
    node_ids = draw(st.lists(ids.filter(lambda i: i != root), max_size=max_nodes, unique=True))
    nodes: list[Node] = []
    for node_id in node_ids:
        kind = draw(st.sampled_from(NodeKind))
        parents = [root] + [n.id for n in nodes if n.kind.level < kind.level]
        nodes.append(
            Node(
                id=node_id,
                kind=kind,
                parent=draw(st.sampled_from(parents)),
                text=draw(_TEXTS),
                title=draw(st.none() | _TEXTS),
                network=draw(st.none() | st.sampled_from(network_ids)) if network_ids else None,
            )
        )
    return Programme(
        id=root,
        short_name=draw(_WORDS),
        name=draw(_TEXTS),
        period=draw(_periods()),
        decided=draw(st.none() | _DAYS),
        vision=draw(_TEXTS),
        vision_title=draw(st.none() | _TEXTS),
        purpose=draw(st.none() | _TEXTS),
        themes=draw(st.lists(_TEXTS, max_size=2)),
        networks=networks,
        nodes=draw(st.permutations(nodes)),
        adoptions=draw(st.lists(adoption_records(), max_size=3)),
        claims=draw(st.lists(_CLAIMS, max_size=2)),
        replaces=draw(st.none() | _SLUGS),
        sources=draw(st.lists(_WORDS, max_size=2)),
    )


# -- st.from_type ----------------------------------------------------------------------------

_hypothesis_setup_hook()
