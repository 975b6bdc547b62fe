from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from sodertorn import MUNICIPALITIES, SEK, AllocationError, allocate
from sodertorn.allocation import allocate_units, remainder_trace, round_to_total
from sodertorn.money import Unit
from sodertorn.testing import exact_shares, weights

if TYPE_CHECKING:
    import random

totals = st.integers(min_value=-(10**9), max_value=10**9)


# Examples that trip known implementations.
def test_ties_at_the_cut_off_go_to_the_first_key() -> None:
    assert list(allocate(SEK(3), {"a": 1, "b": 1, "c": 3}).values()) == [SEK(1), SEK(0), SEK(2)]


def test_large_weight_keeps_its_units() -> None:
    assert list(allocate(SEK(2), {"a": 4, "b": 1, "c": 1}).values()) == [SEK(2), SEK(0), SEK(0)]


def test_negative_total_is_the_negation() -> None:
    parts = allocate(SEK(-5), {"a": 3, "b": 7})
    assert sum(parts.values(), SEK(0)) == SEK(-5)
    assert parts == {"a": SEK(-2), "b": SEK(-3)}
    assert {k: -v for k, v in allocate(SEK(5), {"a": 3, "b": 7}).items()} == parts


def test_municipality_ties_go_to_the_lowest_code() -> None:
    salem, huddinge = MUNICIPALITIES[2], MUNICIPALITIES[0]
    parts = allocate(SEK(1), {salem: 1, huddinge: 1})
    assert parts == {huddinge: SEK(1), salem: SEK(0)}
    assert list(parts) == [huddinge, salem]


def test_ore_unit() -> None:
    parts = allocate(SEK("0.10"), {"a": 1, "b": 2}, unit=Unit.ORE)
    assert parts == {"a": SEK("0.03"), "b": SEK("0.07")}


@given(totals, weights())
def test_conserves_the_total(total: int, w: dict[str, int]) -> None:
    parts = allocate_units(total, w)
    assert sum(parts.values()) == total


@given(totals, weights())
def test_each_part_within_one_unit_of_its_exact_share(total: int, w: dict[str, int]) -> None:
    parts = allocate_units(total, w)
    denominator = sum(w.values())
    for key, part in parts.items():
        exact = Fraction(total * w[key], denominator)
        assert abs(part - exact) < 1


@given(totals, weights())
def test_zero_weight_gets_zero(total: int, w: dict[str, int]) -> None:
    parts = allocate_units(total, w)
    for key, weight in w.items():
        if weight == 0:
            assert parts[key] == 0


@given(totals, weights(), st.randoms(use_true_random=False))
def test_invariant_to_key_order(total: int, w: dict[str, int], rnd: random.Random) -> None:
    items = list(w.items())
    rnd.shuffle(items)
    assert allocate_units(total, dict(items)) == allocate_units(total, w)
    assert list(allocate_units(total, dict(items))) == sorted(w)


@given(totals, weights(), st.integers(min_value=2, max_value=1000))
def test_invariant_to_scaling_weights(total: int, w: dict[str, int], k: int) -> None:
    assert allocate_units(total, {key: k * v for key, v in w.items()}) == allocate_units(total, w)


@given(totals, weights())
def test_sign_symmetric(total: int, w: dict[str, int]) -> None:
    positive = allocate_units(total, w)
    negative = allocate_units(-total, w)
    assert negative == {key: -value for key, value in positive.items()}


@given(st.integers(min_value=0, max_value=10**7), weights())
def test_money_allocation_matches_unit_allocation(kronor: int, w: dict[str, int]) -> None:
    parts = allocate(SEK(kronor), w)
    assert {k: v.ore // 100 for k, v in parts.items()} == allocate_units(kronor, w)
    assert all(v.is_whole_kronor for v in parts.values())


@pytest.mark.parametrize(
    ("w", "needle"),
    [
        ({"a": 0, "b": 0}, "all zero"),
        ({}, "all zero"),
        ({"a": -1, "b": 2}, "negative"),
        ({"a": 1.5}, "not an integer"),
        ({"a": True}, "not an integer"),
        ({"a": "3"}, "not an integer"),
    ],
)
def test_bad_weights_are_clear_errors(w: dict[str, object], needle: str) -> None:
    with pytest.raises(AllocationError, match=needle):
        allocate(SEK(10), w)  # type: ignore[arg-type]
    with pytest.raises(AllocationError, match=needle):
        allocate_units(10, w)  # type: ignore[arg-type]


def test_bad_totals_and_keys() -> None:
    with pytest.raises(AllocationError, match="10.5"):
        allocate(10.5, {"a": 1})  # type: ignore[arg-type]
    with pytest.raises(AllocationError, match="'7'"):
        allocate_units("7", {"a": 1})  # type: ignore[arg-type]
    with pytest.raises(AllocationError, match="krona"):
        allocate(SEK("0.50"), {"a": 1})
    with pytest.raises(AllocationError, match="unit"):
        allocate(SEK(1), {"a": 1}, unit="krona")  # type: ignore[arg-type]
    with pytest.raises(AllocationError, match="ordered"):
        allocate(SEK(1), {1: 1, "a": 1})
    with pytest.raises(AllocationError, match="mapping"):
        allocate(SEK(1), [1, 2])  # type: ignore[arg-type]


@given(exact_shares(), st.sampled_from([-1, 0, 1]))
def test_round_to_total_conserves_and_stays_within_one_unit(
    exact: dict[str, Fraction], nudge: int
) -> None:
    exact_sum = sum(exact.values(), Fraction(0))
    total = round(exact_sum) + nudge
    assume(abs(total - exact_sum) < 1)
    parts = round_to_total(SEK(total), exact)
    assert sum(parts.values(), SEK(0)) == SEK(total)
    for key, part in parts.items():
        assert abs(part.exact - exact[key]) < 1


def test_round_to_total_refuses_bad_input() -> None:
    with pytest.raises(AllocationError, match="not within one krona"):
        round_to_total(SEK(5), {"a": Fraction(1, 2)})
    with pytest.raises(AllocationError, match="negative"):
        round_to_total(SEK(0), {"a": Fraction(-1, 2)})
    with pytest.raises(AllocationError, match="0.5"):
        round_to_total(SEK(1), {"a": 0.5})  # type: ignore[dict-item]
    with pytest.raises(AllocationError, match="expected an amount"):
        round_to_total(1, {"a": Fraction(1)})  # type: ignore[arg-type]
    with pytest.raises(AllocationError, match="whole number of krona"):
        round_to_total(SEK("0.5"), {"a": Fraction(1, 2)})
    assert round_to_total(
        SEK("0.01"), {"a": Fraction(1, 300), "b": Fraction(2, 300)}, unit=Unit.ORE
    ) == {"a": SEK(0), "b": SEK("0.01")}


def test_many_keys() -> None:
    # Correctness at scale; speed is measured in the benchmarks, not here.
    w = {f"{i:07d}": 1 + (i * 7919) % 1000 for i in range(200_000)}
    parts = allocate_units(86_000_000, w)
    assert sum(parts.values()) == 86_000_000


def test_round_to_total_refuses_a_bad_unit_or_mapping() -> None:
    with pytest.raises(AllocationError, match="unit None is unknown"):
        round_to_total(SEK(1), {}, unit=None)  # type: ignore[arg-type]
    with pytest.raises(AllocationError, match="cannot round None"):
        round_to_total(SEK(1), None)  # type: ignore[arg-type]


def test_remainder_trace_of_a_negative_share_in_ore() -> None:
    # -3.505 kronor: 350 whole öre toward zero, -1/200 krona left, one öre more away from zero
    exact = {"a": Fraction(-701, 200), "b": Fraction(0)}
    trace = remainder_trace(exact, {"a": SEK("-3.51"), "b": SEK(0)}, unit=Unit.ORE)
    assert trace == {
        "a": {
            "exact": "-701/200",
            "whole": "-3.50",
            "remainder": "-1/200",
            "adjustment": "-0.01",
            "part": "-3.51",
        },
        "b": {"exact": "0", "whole": "0", "remainder": "0", "adjustment": "0", "part": "0"},
    }


def test_remainder_trace_refuses_a_bad_unit() -> None:
    with pytest.raises(AllocationError) as caught:
        remainder_trace({}, {}, unit="öre")  # type: ignore[arg-type]
    assert str(caught.value) == "unit 'öre' is unknown; expected Unit.KRONA or Unit.ORE"
