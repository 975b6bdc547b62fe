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

The strategies by subject:

- text, ids and days: :func:`words`, :func:`slugs`, :func:`few_slugs`, :func:`texts`,
  :func:`days`;
- money and shares: :func:`amounts`, :func:`whole_kronor`, :func:`weights`,
  :func:`exact_shares`;
- the parties and their population: :func:`municipalities`, :func:`parties`,
  :func:`party_sets`, :func:`populations`, :func:`sparse_populations`;
- the fees (§ 8): :func:`fee_rules`, :func:`fee_schedules`;
- the agreement (§§ 2-10): :func:`days_in_force`, :func:`receipt_dates`, :func:`notices`,
  :func:`agreements`, :func:`meetings`, :func:`decisions`, :func:`items`;
- the development programme: :func:`adoption_records`, :func:`programmes`,
  :func:`programme_chains`, :func:`contributions`, :func:`plans` and their parts
  (:func:`calendar_entries`, :func:`budget_lines`, :func:`budgets`, :func:`editions`,
  :func:`conferences`), and :func:`follow_ups` with their :func:`comments`;
- values the library refuses: :func:`invalid_amounts`, :func:`invalid_weights` and
  :func:`invalid_population_counts` give values a constructor or function refuses with a
  :class:`~sodertorn.SodertornError`, for testing that a caller's error handling holds;
  :func:`junk` gives values of any wrong type, which every public name refuses;
- the edges, where files and command lines come in: :func:`population_texts`,
  :func:`population_bytes`, :func:`magic_bytes`, :func:`json_structures` and
  :func:`jsonstat_datasets` for the population loaders, :func:`command_lines` and
  :func:`environments` for the ``sodertorn`` command. They are shaped for this library's
  readers and command line rather than for a caller's code; a tool that wraps either can
  feed them to its wrapper.

The library's own tests draw their values from these strategies, so what is published
is what the library is tested with. All are cheap to draw from: bounded sizes, small
alphabets with the Swedish letters for valid text, no regular expressions and no
filtered Unicode text.
"""

from __future__ import annotations

import datetime
from collections.abc import Hashable, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, TypeVar

try:
    from hypothesis import strategies as st
except ImportError as error:
    raise ImportError(
        "sodertorn.testing needs Hypothesis, which is not installed; "
        "install the 'testing' extra: pip install 'sodertorn[testing]'"
    ) from error

import sodertorn
from sodertorn._hypothesis_plugin import _hypothesis_setup_hook
from sodertorn.agreement import (
    Agreement,
    Decision,
    DecisionRule,
    Item,
    Meeting,
    Notice,
    Position,
)
from sodertorn.agreement.terms import IN_FORCE_FROM
from sodertorn.fees import FeeRule, FeeSchedule, IndexedRule, PerCapitaRule
from sodertorn.money import SEK
from sodertorn.parties import MUNICIPALITIES, Municipality
from sodertorn.population import Population
from sodertorn.programme import (
    Activity,
    ActivityStatus,
    AdoptionRecord,
    Budget,
    BudgetLine,
    CalendarEntry,
    CalendarKind,
    Claim,
    CollaborationBody,
    Conference,
    Continuation,
    Contribution,
    Edition,
    FollowUp,
    Hosting,
    Network,
    Node,
    NodeKind,
    Office,
    OfficeRole,
    Period,
    Plan,
    Programme,
    Status,
    Text,
)

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

__all__ = [
    "adoption_records",
    "agreements",
    "amounts",
    "budget_lines",
    "budgets",
    "calendar_entries",
    "command_lines",
    "comments",
    "conferences",
    "contributions",
    "days",
    "days_in_force",
    "decisions",
    "editions",
    "environments",
    "exact_shares",
    "fee_rules",
    "fee_schedules",
    "few_slugs",
    "follow_ups",
    "invalid_amounts",
    "invalid_population_counts",
    "invalid_weights",
    "items",
    "json_structures",
    "jsonstat_datasets",
    "junk",
    "magic_bytes",
    "meetings",
    "municipalities",
    "notices",
    "parties",
    "party_sets",
    "plans",
    "population_bytes",
    "population_texts",
    "populations",
    "programme_chains",
    "programmes",
    "receipt_dates",
    "slugs",
    "sparse_populations",
    "texts",
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


# -- the agreement (Samarbetsavtal 2010, §§ 2-10) -------------------------------------------


def days_in_force() -> SearchStrategy[datetime.date]:
    """Days on which the agreement is in force: from 1 January 2010 to the end of 2099."""
    return st.dates(min_value=IN_FORCE_FROM, max_value=datetime.date(2099, 12, 31))


_MONTH_ENDS = st.builds(
    lambda year, month: datetime.date(year, month, 1) - datetime.timedelta(days=1),
    st.integers(2011, 2099),
    st.integers(1, 12),
)


def receipt_dates() -> SearchStrategy[datetime.date]:
    """Days a notice may reach the chair, with month ends, 29 February and December likely."""
    return st.one_of(days_in_force(), _MONTH_ENDS, st.just(datetime.date(2024, 2, 29)))


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
    day = draw(days_in_force().filter(lambda d: bool(current.parties_on(d))))
    members = current.parties_on(day)
    present = draw(st.lists(st.sampled_from(members), unique=True))
    remote = draw(st.frozensets(st.sampled_from(present))) if present else frozenset()
    return Meeting(date=day, in_room=frozenset(present) - remote, remote=remote, agreement=current)


@st.composite
def decisions(
    draw: st.DrawFn,
    rule: DecisionRule = DecisionRule.CONSENSUS,
    *,
    agreement: Agreement | None = None,
) -> Decision:
    """A :class:`~sodertorn.Decision` under *rule* at a meeting someone attends (§ 6).

    Every member present takes a position, any :class:`~sodertorn.Position`; the meeting
    is quorate or not, as drawn.
    """
    meeting = draw(meetings(agreement).filter(lambda m: bool(m.present)))
    chosen = {party: draw(st.sampled_from(Position)) for party in meeting.present}
    return Decision(meeting=meeting, matter="Matter", positions=chosen, rule=rule)


@st.composite
def items(draw: st.DrawFn, amount: SearchStrategy[SEK] | None = None) -> tuple[Item, ...]:
    """Named assets (positive) and liabilities (negative) to split on dissolution (§ 10)."""
    values = draw(st.lists(whole_kronor() if amount is None else amount, min_size=1, max_size=6))
    return tuple(Item(name=f"item {i}", amount=value) for i, value in enumerate(values))


# -- the development programme (SUP) --------------------------------------------------------


def few_slugs() -> SearchStrategy[str]:
    """Ids from a pool of eight one-letter ids, so that programmes drawn twice share some.

    Pass it as *ids* to :func:`programmes` to draw pairs worth comparing (diffs, merges).
    """
    return st.sampled_from("abcdefgh")


def texts() -> SearchStrategy[Text]:
    """A :class:`~sodertorn.Text` in Swedish, with or without its English translation."""
    return st.builds(Text, words(), en=st.none() | words())


def days(
    *,
    min_value: datetime.date = datetime.date(2000, 1, 1),
    max_value: datetime.date = datetime.date(2040, 12, 31),
) -> SearchStrategy[datetime.date]:
    """Days between *min_value* and *max_value*: by default the programmes' years, 2000-2040."""
    return st.dates(min_value=min_value, max_value=max_value)


@st.composite
def _periods(draw: st.DrawFn) -> Period:
    start = draw(st.integers(2000, 2040))
    return Period(start, draw(st.none() | st.integers(start, start + 8)))


@st.composite
def adoption_records(draw: st.DrawFn) -> AdoptionRecord:
    """An executive board's adoption of a programme, on a day or within a window."""
    if draw(st.booleans()):
        window: dict[str, Any] = {"date": draw(days())}
    else:
        first, second = sorted([draw(days()), draw(days())])
        window = {
            "earliest": draw(st.none() | st.just(first)),
            "latest": draw(st.none() | st.just(second)),
        }
    return AdoptionRecord(
        party=draw(parties()),
        body=draw(st.sampled_from(["kommunstyrelsen", "kommunfullmäktige"])),
        reference=draw(st.none() | words()),
        source=draw(words()),
        **window,
    )


@st.composite
def programmes(
    draw: st.DrawFn,
    *,
    ids: SearchStrategy[str] | None = None,
    max_nodes: int = 10,
    programme_id: str | None = None,
) -> Programme:
    """Valid :class:`~sodertorn.Programme` goal trees, their nodes in any order.

    Every node hangs under the root or under a node of a higher level; networks,
    adoptions and claims are drawn too. *ids* draws node ids (:func:`slugs` by default;
    :func:`few_slugs` makes two programmes share some, for diffs).
    """
    node_id_strategy = slugs() if ids is None else ids
    root = programme_id if programme_id is not None else draw(st.sampled_from(["sup1", "sup2"]))
    networks = draw(
        st.lists(st.builds(Network, id=slugs(), name=texts()), max_size=3, unique_by=lambda n: n.id)
    )
    network_ids = [network.id for network in networks]
    node_ids = draw(
        st.lists(node_id_strategy.filter(lambda i: i != root), max_size=max_nodes, unique=True)
    )
    nodes: list[Node] = []
    for node_id in node_ids:
        kind = draw(st.sampled_from(NodeKind))
        parents = [root] + [n.id for n in nodes if n.kind.level < kind.level]
        nodes.append(
            Node(
                id=node_id,
                kind=kind,
                parent=draw(st.sampled_from(parents)),
                text=draw(texts()),
                title=draw(st.none() | texts()),
                network=draw(st.none() | st.sampled_from(network_ids)) if network_ids else None,
            )
        )
    claims = st.builds(
        Claim,
        kind=st.sampled_from(NodeKind),
        count=st.integers(0, 5),
        per=st.none() | st.sampled_from(NodeKind),
        source=words(),
    )
    return Programme(
        id=root,
        short_name=draw(words()),
        name=draw(texts()),
        period=draw(_periods()),
        decided=draw(st.none() | days()),
        vision=draw(texts()),
        vision_title=draw(st.none() | texts()),
        purpose=draw(st.none() | texts()),
        themes=draw(st.lists(texts(), max_size=2)),
        networks=networks,
        nodes=draw(st.permutations(nodes)),
        adoptions=draw(st.lists(adoption_records(), max_size=3)),
        claims=draw(st.lists(claims, max_size=2)),
        replaces=draw(st.none() | slugs()),
        sources=draw(st.lists(words(), max_size=2)),
    )


def _successor(
    index: int, start: int, end: int | None, adopted: datetime.date | None, *, window: bool
) -> Programme:
    if adopted is None:
        adoptions: list[AdoptionRecord] = []
    elif window:
        adoptions = [AdoptionRecord(party=p, latest=adopted, source="s") for p in MUNICIPALITIES]
    else:
        adoptions = [AdoptionRecord(party=p, date=adopted, source="s") for p in MUNICIPALITIES]
    return Programme(
        id=f"p{index}",
        short_name=f"P{index}",
        name=Text(f"Program {index}"),
        period=Period(start, end),
        vision=Text("Vision"),
        adoptions=adoptions,
        replaces=None if index == 0 else f"p{index - 1}",
    )


@st.composite
def programme_chains(
    draw: st.DrawFn, *, min_size: int = 2, max_size: int = 4
) -> tuple[Programme, ...]:
    """Programmes ``p0``, ``p1``... each replacing the one before, for questions of succession.

    Each starts in a year from 2000 to 2010 and runs up to three years more or without an
    end; all eight parties adopt it on a day, or by a day, in its first three years, or no
    adoption is recorded.
    """
    found = []
    for index in range(draw(st.integers(min_size, max_size))):
        start = draw(st.integers(2000, 2010))
        end = draw(st.none() | st.integers(start, start + 3))
        adopted = draw(
            st.none() | st.dates(datetime.date(start, 1, 1), datetime.date(start + 2, 12, 31))
        )
        found.append(_successor(index, start, end, adopted, window=draw(st.booleans())))
    return tuple(found)


def contributions() -> SearchStrategy[Contribution]:
    """A programme's :class:`~sodertorn.Contribution` to one to three goals of a regional plan."""
    return st.builds(
        Contribution,
        plan=texts(),
        goals=st.lists(st.builds(Text, words()), min_size=1, max_size=3),
        source=words(),
    )


_PLAN_AMOUNTS = amounts(min_value=SEK(-(10**7)), max_value=SEK(10**7))


@st.composite
def calendar_entries(draw: st.DrawFn) -> CalendarEntry:
    """A meeting or planning conference of a collaboration body, on one day or several."""
    start = draw(days())
    return CalendarEntry(
        start=start,
        end=draw(st.none() | st.dates(min_value=start, max_value=datetime.date(2041, 1, 1))),
        body=draw(st.sampled_from(CollaborationBody)),
        kind=draw(st.sampled_from([CalendarKind.MEETING, CalendarKind.PLANNING_CONFERENCE])),
        place=draw(st.none() | words()),
        host=draw(st.none() | parties()),
    )


def budget_lines() -> SearchStrategy[BudgetLine]:
    """A :class:`~sodertorn.BudgetLine`: a label and an amount, exact or approximate."""
    return st.builds(BudgetLine, label=texts(), amount=_PLAN_AMOUNTS, approximate=st.booleans())


def budgets() -> SearchStrategy[Budget]:
    """A plan's :class:`~sodertorn.Budget`: a few lines of revenue and costs, a rate or not."""
    return st.builds(
        Budget,
        revenue=st.lists(budget_lines(), max_size=2),
        costs=st.lists(budget_lines(), max_size=4),
        rate=st.none() | _PLAN_AMOUNTS,
        population=st.none() | st.integers(0, 10**6),
        population_date=st.none() | days(),
        note=st.none() | words(),
    )


def editions() -> SearchStrategy[Edition]:
    """One year's :class:`~sodertorn.Edition` of a conference, its time and kind in words."""
    return st.builds(
        Edition, year=st.integers(2000, 2040), when=st.none() | words(), note=st.none() | words()
    )


@st.composite
def conferences(draw: st.DrawFn) -> Conference:
    """A recurring :class:`~sodertorn.Conference` with hosts by year and announced editions."""
    years = draw(st.lists(st.integers(2000, 2040), max_size=4, unique=True))
    return Conference(
        id=draw(slugs()),
        name=draw(words()),
        aliases=draw(st.lists(words(), max_size=2)),
        rotation=[
            Hosting(year=year, parties=draw(st.lists(parties(), min_size=1, max_size=2)))
            for year in years
        ],
        arranged_by=draw(st.none() | words()),
        every=draw(st.none() | st.integers(1, 4)),
        note=draw(st.none() | words()),
        editions=draw(st.lists(editions(), max_size=3, unique_by=lambda e: e.year)),
    )


@st.composite
def plans(draw: st.DrawFn, programme: Programme | None = None) -> Plan:
    """A valid yearly :class:`~sodertorn.Plan` of *programme* (or of one of :func:`programmes`).

    Sub-goals under the programme's goals, activities towards them, a budget or none,
    calendar entries, offices and conferences.
    """
    if programme is None:
        programme = draw(programmes())
    goals = [node for node in programme.nodes if node.kind.is_goal]
    network_ids = [network.id for network in programme.networks]
    parents = [g.id for g in goals if g.kind is not NodeKind.SUB_GOAL]
    sub_goals = [
        Node(
            id=sub_id,
            kind=NodeKind.SUB_GOAL,
            parent=draw(st.sampled_from(parents)),
            text=draw(texts()),
        )
        for sub_id in (
            draw(st.lists(st.sampled_from(["plan.x", "plan.y"]), unique=True)) if parents else []
        )
    ]
    targets = [g.id for g in goals] + [s.id for s in sub_goals]
    activities = [
        Activity(
            id=activity_id,
            goal=draw(st.sampled_from(targets)),
            text=draw(texts()),
            network=draw(st.none() | st.sampled_from(network_ids)) if network_ids else None,
            working_group=draw(st.lists(parties(), max_size=3, unique=True)),
            when=draw(st.none() | words()),
            cost=draw(st.none() | _PLAN_AMOUNTS),
            continues=draw(
                st.none()
                | st.builds(
                    Continuation, year=st.integers(1990, 1999), activity=st.none() | slugs()
                )
            ),
        )
        for activity_id in (draw(st.lists(slugs(), max_size=4, unique=True)) if targets else [])
    ]
    return Plan(
        year=draw(st.integers(2000, 2040)),
        programme=programme,
        title=draw(texts()),
        date=draw(st.none() | days()),
        sub_goals=sub_goals,
        activities=activities,
        budget=draw(st.none() | budgets()),
        calendar=draw(st.lists(calendar_entries(), max_size=4)),
        offices=draw(
            st.lists(
                st.builds(
                    Office,
                    body=st.sampled_from(CollaborationBody),
                    role=st.sampled_from(OfficeRole),
                    party=parties(),
                ),
                max_size=3,
            )
        ),
        conferences=draw(st.lists(conferences(), max_size=2, unique_by=lambda c: c.id)),
        sources=draw(st.lists(words(), max_size=2)),
    )


def comments() -> SearchStrategy[str]:
    """Short comments on one or more lines, with the characters a CSV file must quote."""
    return st.text(alphabet='abå ,;"|\n', min_size=1, max_size=8).map(str.strip).filter(bool)


@st.composite
def follow_ups(draw: st.DrawFn, plan: Plan) -> FollowUp:
    """A valid :class:`~sodertorn.FollowUp` of *plan*: dated statuses of its activities.

    A few statuses at most, on days of the plan's year, in any order.
    """
    ids = [activity.id for activity in plan.activities]
    networks = [network.id for network in plan.programme.networks]
    year = st.dates(datetime.date(plan.year, 1, 1), datetime.date(plan.year, 12, 31))
    keys = (
        draw(st.lists(st.tuples(st.sampled_from(ids), year), max_size=8, unique=True))
        if ids
        else []
    )
    return FollowUp(
        plan=plan,
        statuses=[
            ActivityStatus(
                activity=activity,
                status=draw(st.sampled_from(Status)),
                date=day,
                comment=draw(st.none() | comments()),
                network=draw(st.none() | st.sampled_from(networks)) if networks else None,
            )
            for activity, day in keys
        ],
    )


# -- junk: what careless callers pass --------------------------------------------------------


def junk() -> SearchStrategy[object]:
    """Values of every kind, as a careless caller passes them: mostly the wrong ones.

    ``None``, booleans, integers small and huge, floats (infinities and NaN among them),
    NaN decimals and negative fractions, short text and bytes, empty and small lists,
    sets and dicts, a bare ``object()``, a type, a module, a party and an amount. Whatever
    a public function, constructor or method of the library is given from these, it
    returns or answers with a :class:`~sodertorn.SodertornError` (or Python's own
    :class:`TypeError` when the arguments do not bind), never another exception: the
    library's contract, which its own tests check for every public name.

    >>> from hypothesis import find
    >>> find(junk(), lambda value: isinstance(value, bytes))
    b''
    """
    return st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(10**6), max_value=10**6),
        st.sampled_from(
            [-1, 0, 10**30, 1e308, float("nan"), -0.5, Decimal("NaN"), Fraction(-1, 3)]
        ),
        st.floats(),
        st.text(max_size=8),
        st.binary(max_size=8),
        st.sampled_from([(), [], {}, set(), "", b"", object(), type, sodertorn]),
        st.lists(st.integers(min_value=-5, max_value=5) | st.text(max_size=2), max_size=3),
        st.dictionaries(st.text(max_size=2), st.integers() | st.none(), max_size=3),
        st.sampled_from(MUNICIPALITIES),
        st.just(SEK(1)),
    )


# -- edges: files and command lines, for the library's own tests of its edges -------------
#
# Inputs shaped for this library's readers and command line rather than for a caller's
# code: the library's tests feed them to its population loaders and to ``sodertorn``,
# and a tool that wraps either can feed them to its wrapper.

_TOKENS = [
    '"region"', "region", "år", "Tid", "Folkmängd", "Folkmängd 2024", "Folkökning", "kön",
    "män", "totalt", "tot", "TotSa", "2023", "2024", "2025M12", "1700", "0126 Huddinge",
    "0126", "Huddinge", "0127 Huddinge", "01 Stockholms län", "00 Riket", "0126C1010", "..",
    "113 920", "114\xa0304", "-3", "5.5", "9" * 30, "code", "year", "population", "name",
    "#", "# url: x", "31 december 2024", "Kommunkod", "Kommun", '"', "", " ",
]  # fmt: skip
_SEPARATORS = [";", ",", "\t", "\n", "\r\n", '"']
_PREFIXES = [b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"PK\x03\x04", b"{", b"\x00"]
_JSON_KEYS = [
    "id", "size", "dimension", "value", "role", "category", "index", "label", "extension",
    "eliminationValueCode", "geo", "time", "metric", "Region", "Tid", "ContentsCode", "Kon",
    "columns", "data", "key", "values", "code", "type", "text", "dataset", "updated",
]  # fmt: skip
_JSON_LEAVES = [
    "0126", "0140", "00", "2024", "2025M12", "BE0101N1", "tot", "TotSa", "1", "d", "t", "c", "x",
]  # fmt: skip
_DIMENSION_IDS = ["Region", "Tid", "ContentsCode", "Kon"]


def population_texts() -> SearchStrategy[str]:
    """Texts made of the pieces of population tables: headings, codes, counts, separators.

    Mostly near misses of the files Statistics Sweden (SCB) publishes, the odd one a valid
    table.
    """
    piece = st.sampled_from(_TOKENS) | st.sampled_from(_SEPARATORS)
    return st.lists(piece, max_size=40).map("".join)


def magic_bytes() -> SearchStrategy[bytes]:
    """Bytes that begin like a file of some kind (byte-order marks, a zip, JSON, a NUL)."""
    return st.tuples(st.sampled_from(_PREFIXES), st.binary(max_size=200)).map(b"".join)


def population_bytes() -> SearchStrategy[bytes]:
    """Files a population loader may be given, readable or not.

    :func:`population_texts` encoded in four encodings, and :func:`magic_bytes`.
    """
    encodings = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"])
    encoded = st.tuples(population_texts(), encodings).map(
        lambda pair: pair[0].encode(pair[1], errors="replace")
    )
    return encoded | magic_bytes() | population_texts().map(str.encode)


def json_structures() -> SearchStrategy[object]:
    """Nested lists and objects under the keys of JSON-stat and SCB's JSON, any shape."""
    leaves = (
        st.none()
        | st.booleans()
        | st.integers(min_value=-3, max_value=3)
        | st.integers(min_value=10**6, max_value=10**7)
        | st.sampled_from([0.5, 2.0, -1.0])
        | st.sampled_from(_JSON_LEAVES)
    )
    return st.recursive(
        leaves,
        lambda children: (
            st.lists(children, max_size=4)
            | st.dictionaries(st.sampled_from(_JSON_KEYS), children, max_size=5)
        ),
        max_leaves=25,
    )


def jsonstat_datasets() -> SearchStrategy[dict[str, object]]:
    """JSON-stat 2.0 datasets with the right keys and any values under them."""
    structures = json_structures()
    dimension = st.fixed_dictionaries(
        {"category": st.fixed_dictionaries({"index": structures, "label": structures})}
    )
    return st.fixed_dictionaries(
        {
            "id": st.lists(st.sampled_from(_DIMENSION_IDS), max_size=4),
            "size": st.lists(st.integers(min_value=0, max_value=3), max_size=4),
            "dimension": st.dictionaries(st.sampled_from(_DIMENSION_IDS), dimension),
            "value": structures,
            "role": structures,
        }
    )


_COMMANDS = [
    "fees", "contributions", "dissolve", "meeting", "notice", "goals", "invoices", "nonsense", "",
]  # fmt: skip
# --output is left out: junk would write files where the command runs.
_OPTIONS = [
    "--lang", "--format", "--excel", "--explain", "--population", "--items",
    "--year", "--unit", "--date", "--present", "--remote", "--requested-by", "--called-by",
    "--chair", "--party", "--council-decision", "--received", "--decided", "--debug",
    "--help", "-h", "--version", "--trace", "--details", "--", "-",
]  # fmt: skip
_VALUES = [
    "sv", "en", "de", "table", "csv", "json", "text", "markdown", "xlsx", "krona", "ore",
    "2024", "2010", "1990", "9999", "0", "-1", "99999", "9" * 5000, "2024-03-21", "2010-2025",
    "2025-2010", "2024-", "-2024",
    "2024-02-30", "9999-12-31", "0001-01-01", "2009-12-31", "Salem", "salem", "0126",
    "Gotland", "", " ", "\x00", "é", "sup2040", "sup1999", "500000", "1000.50", "1e9",
    "NaN", "-0", "1,5", "x" * 300,
]  # fmt: skip
_TEMPLATES = [
    ["fees", "Y", "--population", "F", "--format", "V", "--explain", "V"],
    ["fees", "V", "--format", "json", "--trace", "--population", "F"],
    ["dissolve", "--items", "F", "--year", "Y", "--population", "F", "--format", "V",
     "--unit", "V"],
    ["contributions", "V", "--decided", "D", "--unit", "V", "--population", "F", "--explain"],
    ["meeting", "--date", "D", "--present", "V", "--remote", "V", "--called-by", "V",
     "--chair", "V"],
    ["notice", "--party", "V", "--council-decision", "D", "--received", "D", "--format", "V"],
]  # fmt: skip
"""Commands of the right shape, their values drawn from junk: they reach the rules."""


def command_lines(files: Sequence[str] = ("-",)) -> SearchStrategy[list[str]]:
    """Arguments for the ``sodertorn`` command, most of them wrong.

    Free sequences of its commands, options and awkward values (a 5 000-digit year, NUL,
    30 February, 31 December 9999), and commands of the right shape whose values are
    drawn from those, so that they get past the parser to the rules. File arguments are
    drawn from *files* (paths, ``-`` for standard input). ``--output`` is never drawn.
    """
    paths = st.sampled_from(list(files))
    token = st.sampled_from(_OPTIONS) | st.sampled_from(_VALUES) | paths
    free = st.builds(
        lambda command, rest: [command, *rest] if command else rest,
        st.sampled_from(_COMMANDS),
        st.lists(token, max_size=8),
    )
    slot = {
        "F": paths,
        "Y": st.sampled_from(
            ["2010", "2018", "2024", "2025", "2026", "1990", "0000", "9999", "2016-2019"]
        ),
        "D": st.sampled_from(
            ["2024-03-21", "2010-01-01", "2009-12-31", "9999-12-31", "2024-02-30"]
        ),
        "V": st.sampled_from(_VALUES),
    }
    shaped = st.sampled_from(_TEMPLATES).flatmap(
        lambda template: st.tuples(*(slot.get(part, st.just(part)) for part in template)).map(list)
    )
    return shaped | free


def environments() -> SearchStrategy[dict[str, str]]:
    """Environment variables a command may meet, many of them broken.

    Output encodings, locales, terminal widths, time zones and a home directory, each
    set or not.
    """
    return st.fixed_dictionaries(
        {},
        optional={
            "PYTHONIOENCODING": st.sampled_from(["ascii", "cp1252", "latin-1", "utf-8", "utf-16"]),
            "LANG": st.sampled_from(
                ["C", "POSIX", "sv_SE.UTF-8", "en_US.ISO-8859-1", "xx_YY.junk"]
            ),
            "LC_ALL": st.sampled_from(["C", "sv_SE.UTF-8", "", "junk"]),
            "COLUMNS": st.sampled_from(["0", "1", "-5", "abc", "100000"]),
            "TZ": st.sampled_from(["UTC", "Europe/Stockholm", "junk/zone"]),
            "HOME": st.sampled_from(["/nonexistent", ""]),
        },
    )


# -- st.from_type ----------------------------------------------------------------------------

_hypothesis_setup_hook()
