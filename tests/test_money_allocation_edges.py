"""Money and allocation at their edges: every error message whole, halves in öre,
negative totals, and the one-unit bound of round_to_total at exact equality."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest

import sodertorn
import sodertorn.allocation
import sodertorn.money
from sodertorn import SEK, AllocationError, InvalidAmountError, allocate
from sodertorn.allocation import allocate_units, round_to_total
from sodertorn.money import Rounding, Unit, round_fraction

# Junk arguments go through an untyped view of the package.
api: Any = sodertorn
money_api: Any = sodertorn.money
allocation_api: Any = sodertorn.allocation


@pytest.mark.parametrize(
    ("bad", "text"),
    [
        (
            0.5,
            "refusing float 0.5: binary floats cannot hold money exactly; pass an int, a str "
            "such as '0.5' or a Decimal",
        ),
        (True, "refusing bool True; expected an amount in kronor"),
        ("abc", "cannot read 'abc' as an amount; expected kronor such as '860000' or '0.50'"),
        ("NaN", "refusing 'NaN'; an amount must be a finite number"),
        (Decimal("-Infinity"), "refusing Decimal('-Infinity'); an amount must be a finite number"),
        (
            "1.005",
            "'1.005' has a fraction of an öre; round it first (SEK.from_exact) or pass at most "
            "two decimals",
        ),
        (
            None,
            "cannot make an amount of None (NoneType); expected an int, str or Decimal in kronor",
        ),
        ([1], "cannot make an amount of [1] (list); expected an int, str or Decimal in kronor"),
    ],
)
def test_amount_errors_whole(bad: Any, text: str) -> None:
    with pytest.raises(InvalidAmountError) as info:
        SEK(bad)
    assert str(info.value) == text


def test_other_money_errors_whole() -> None:
    cases: list[tuple[Any, str]] = [
        (lambda: api.SEK.from_ore(1.0), "expected a whole number of öre, got 1.0"),
        (
            lambda: money_api.round_fraction(0.5),
            "cannot round 0.5; expected an exact int or fractions.Fraction in kronor",
        ),
        (
            lambda: money_api.round_fraction(Fraction(1), unit="x"),
            "unit 'x' is unknown; expected Unit.KRONA or Unit.ORE",
        ),
        (
            lambda: money_api.round_fraction(Fraction(1), rounding="x"),
            "rounding 'x' is unknown; expected "
            "Rounding.HALF_UP, Rounding.HALF_EVEN, Rounding.DOWN, Rounding.UP, Rounding.FLOOR or Rounding.CEILING",
        ),
        (lambda: SEK(1) / SEK(0), "cannot divide SEK(1) by a zero amount"),
        (lambda: api.SEK.total(None), "cannot total None; expected an iterable of SEK amounts"),
        (lambda: api.SEK.total([1]), "cannot total 1 (int); expected amounts of SEK"),
    ]
    for call, text in cases:
        with pytest.raises(InvalidAmountError) as info:
            call()
        assert str(info.value) == text


def test_decimal_places_and_signs() -> None:
    assert SEK(Decimal("1.50")).ore == 150
    assert SEK("-0.01").ore == -1
    assert SEK(-3).ore == -300
    assert SEK("5").amount == Decimal(5) and str(SEK("5").amount) == "5"
    assert str(SEK("-0.5").amount) == "-0.50"
    assert str(SEK("-1")) == "-1 kr"
    assert repr(SEK("-1.00")) == "SEK(-1)"
    assert SEK(0).is_whole_kronor and not SEK("0.01").is_whole_kronor
    assert not SEK(0) and SEK("-0.01")
    assert abs(SEK("-0.01")) == SEK("0.01") and abs(SEK("0.01")) == SEK("0.01")


def test_sum_starts_only_from_zero() -> None:
    assert sum([SEK(1), SEK(2)]) == SEK(3)
    with pytest.raises(TypeError):
        sum([SEK(1)], 5)
    with pytest.raises(TypeError):
        sum([SEK(1)], False)
    assert 3 * SEK("0.01") == SEK("0.03")


@pytest.mark.parametrize(
    ("rounding", "half", "minus_half", "one_and_half"),
    [
        (Rounding.HALF_UP, 1, -1, 2),
        (Rounding.HALF_EVEN, 0, 0, 2),
        (Rounding.DOWN, 0, 0, 1),
        (Rounding.UP, 1, -1, 2),
        (Rounding.FLOOR, 0, -1, 1),
        (Rounding.CEILING, 1, 0, 2),
    ],
)
def test_half_an_ore(rounding: Rounding, half: int, minus_half: int, one_and_half: int) -> None:
    def ore(value: Fraction) -> int:
        return round_fraction(value, unit=Unit.ORE, rounding=rounding).ore

    assert ore(Fraction(1, 200)) == half
    assert ore(Fraction(-1, 200)) == minus_half
    assert ore(Fraction(3, 200)) == one_and_half
    assert ore(Fraction(7, 100)) == 7  # exact öre are left alone in every mode


def test_rounding_defaults_and_whole_values() -> None:
    assert round_fraction(3) == SEK(3)
    assert round_fraction(Fraction(-3)) == SEK(-3)
    assert SEK.from_exact(Fraction(5, 2)) == SEK(3)
    assert SEK.from_exact(Fraction(5, 2), rounding=Rounding.HALF_EVEN) == SEK(2)
    assert SEK.from_exact(Fraction(1, 200), unit=Unit.ORE) == SEK("0.01")
    assert SEK("2.50").round() == SEK(3)
    assert SEK("2.51").round(Unit.KRONA, Rounding.DOWN) == SEK(2)
    assert SEK("2.55").round(Unit.ORE) == SEK("2.55")
    assert round_fraction(Fraction(-7, 2), rounding=Rounding.HALF_EVEN) == SEK(-4)
    assert round_fraction(Fraction(-9, 4), rounding=Rounding.HALF_EVEN) == SEK(-2)
    assert round_fraction(Fraction(-11, 4), rounding=Rounding.HALF_EVEN) == SEK(-3)


# -- allocation ----------------------------------------------------------------------------


def test_allocation_errors_whole() -> None:
    cases: list[tuple[Any, str]] = [
        (
            lambda: api.allocate(5, {"a": 1}),
            "total 5 is not an amount of SEK; expected an amount such as SEK(100)",
        ),
        (
            lambda: api.allocate(SEK(1), {"a": 1}, unit="k"),
            "unit 'k' is unknown; expected Unit.KRONA or Unit.ORE",
        ),
        (
            lambda: api.allocate(SEK(1), [1]),
            "cannot split SEK(1) by [1]; expected a mapping of keys to weights",
        ),
        (
            lambda: api.allocate(SEK(1), {"a": 1.0}),
            "weight 1.0 for 'a' is not an integer; expected a whole, non-negative count such "
            "as a population",
        ),
        (
            lambda: api.allocate(SEK(1), {"a": True}),
            "weight True for 'a' is not an integer; expected a whole, non-negative count such "
            "as a population",
        ),
        (
            lambda: api.allocate(SEK(1), {"a": -1}),
            "weight -1 for 'a' is negative; expected a non-negative count",
        ),
        (
            lambda: api.allocate(SEK(1), {"a": 0}),
            "cannot split SEK(1) by weights that are all zero: {'a': 0}",
        ),
        (
            lambda: allocation_api.allocate_units(5, {"a": 0, "b": 0}),
            "cannot split 5 by weights that are all zero: {'a': 0, 'b': 0}",
        ),
        (
            lambda: api.allocate(SEK("0.5"), {"a": 1}),
            "SEK('0.50') is not a whole number of krona; round it first, or split by unit=Unit.ORE",
        ),
        (
            lambda: allocation_api.allocate_units(1.0, {"a": 1}),
            "total 1.0 is not a whole number; expected an int, the number of units to split",
        ),
        (
            lambda: allocation_api.allocate_units(True, {"a": 1}),
            "total True is not a whole number; expected an int, the number of units to split",
        ),
        (
            lambda: allocation_api.allocate_units(1, {"a": 1, 2: 1}),
            "the keys of dict cannot be ordered, and ties are broken by key order; use keys of "
            "one comparable type (such as Municipality)",
        ),
        (
            lambda: allocation_api.round_to_total(5, {}),
            "total 5 is not an amount of SEK; expected an amount such as SEK(100)",
        ),
        (
            lambda: allocation_api.round_to_total(SEK(1), {}, unit=1),
            "unit 1 is unknown; expected Unit.KRONA or Unit.ORE",
        ),
        (
            lambda: allocation_api.round_to_total(SEK(1), [1]),
            "cannot round [1]; expected a mapping of keys to exact amounts",
        ),
        (
            lambda: allocation_api.round_to_total(SEK(1), {"a": 0.5}),
            "exact amount 0.5 for 'a' is not an int or Fraction",
        ),
        (
            lambda: allocation_api.round_to_total(SEK(1), {"a": False}),
            "exact amount False for 'a' is not an int or Fraction",
        ),
        (
            lambda: allocation_api.round_to_total(SEK(1), {"a": Fraction(-1, 2)}),
            "exact amount Fraction(-1, 2) for 'a' is negative",
        ),
        (
            lambda: allocation_api.round_to_total(SEK("0.5"), {"a": Fraction(1, 2)}),
            "SEK('0.50') is not a whole number of krona",
        ),
        (
            lambda: allocation_api.round_to_total(SEK(2), {"a": Fraction(1, 2)}),
            "total SEK(2) is not within one krona of the exact sum 1/2",
        ),
        (
            lambda: allocation_api.round_to_total(SEK(1), {}),
            "total SEK(1) is not within one krona of the exact sum 0",
        ),
        (
            lambda: allocation_api.round_to_total(
                SEK("0.03"), {"a": Fraction(1, 100)}, unit=Unit.ORE
            ),
            "total SEK('0.03') is not within one öre of the exact sum 1/100",
        ),
    ]
    for call, text in cases:
        with pytest.raises(AllocationError) as info:
            call()
        assert str(info.value) == text


def test_allocation_of_zero_and_negative_totals() -> None:
    assert allocate_units(0, {"a": 1, "b": 3}) == {"a": 0, "b": 0}
    assert allocate_units(-1, {"a": 1, "b": 1}) == {"a": -1, "b": 0}
    assert allocate_units(-3, {"a": 1, "b": 2}) == {"a": -1, "b": -2}
    assert allocate(SEK("-0.03"), {"a": 1, "b": 1}, unit=Unit.ORE) == {
        "a": SEK("-0.02"),
        "b": SEK("-0.01"),
    }
    assert allocate(SEK(-3), {"b": 1, "a": 1}) == {"a": SEK(-2), "b": SEK(-1)}
    assert list(allocate(SEK(3), {"b": 1, "a": 1})) == ["a", "b"]


def test_allocation_gives_left_over_units_to_the_largest_remainders() -> None:
    assert allocate_units(10, {"a": 1, "b": 1, "c": 1}) == {"a": 4, "b": 3, "c": 3}
    assert allocate_units(7, {"a": 1, "b": 2, "c": 4}) == {"a": 1, "b": 2, "c": 4}
    assert allocate_units(5, {"a": 2, "b": 3, "c": 3}) == {"a": 1, "b": 2, "c": 2}
    assert allocate_units(3, {"a": 10, "b": 0, "c": 1}) == {"a": 3, "b": 0, "c": 0}
    assert allocate(SEK(1), {"a": 1, "b": 1}, unit=Unit.ORE) == {"a": SEK("0.50"), "b": SEK("0.50")}


def test_round_to_total_at_the_one_unit_bound() -> None:
    halves = {"a": Fraction(1, 2), "b": Fraction(1, 2)}
    assert round_to_total(SEK(1), halves) == {"a": SEK(1), "b": SEK(0)}
    for total in (SEK(0), SEK(2)):  # exactly one krona from the exact sum 1
        with pytest.raises(AllocationError, match="not within one krona of the exact sum 1$"):
            round_to_total(total, halves)
    tenths = {"a": Fraction(1, 10), "b": Fraction(1, 10)}
    assert round_to_total(SEK(0), tenths) == {"a": SEK(0), "b": SEK(0)}
    assert round_to_total(SEK(1), tenths) == {"a": SEK(1), "b": SEK(0)}
    with pytest.raises(AllocationError, match="exact sum 1/5$"):
        round_to_total(SEK(2), tenths)
    assert round_to_total(SEK(0), {}) == {}
    assert round_to_total(SEK(3), {"b": Fraction(3), "a": Fraction(0)}) == {
        "a": SEK(0),
        "b": SEK(3),
    }
    assert round_to_total(
        SEK("0.02"), {"a": Fraction(1, 200), "b": Fraction(3, 200)}, unit=Unit.ORE
    ) == {"a": SEK("0.01"), "b": SEK("0.01")}
    assert round_to_total(SEK(4), {"a": Fraction(7, 4), "b": Fraction(9, 4)}) == {
        "a": SEK(2),
        "b": SEK(2),
    }
