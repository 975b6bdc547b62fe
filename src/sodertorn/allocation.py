"""Splitting an amount in proportion to weights, conserved to the last unit.

The agreement splits money "in proportion to population" in three places: the 2010 fee
(§ 8), special contributions (§ 7) and assets and liabilities on dissolution (§ 10).
:func:`~sodertorn.allocate` is the one mechanism behind all three: the largest-remainder method
(Hamilton's method) in exact integers.

>>> from sodertorn import SEK, allocate
>>> allocate(SEK(3), {"a": 1, "b": 1, "c": 3})
{'a': SEK(1), 'b': SEK(0), 'c': SEK(2)}
>>> allocate(SEK(10), {"a": 0, "b": 0})
Traceback (most recent call last):
...
sodertorn.AllocationError: cannot split SEK(10) by weights that are all zero: {'a': 0, 'b': 0}

Known limit: like every largest-remainder method it is not monotone in the total (the
Alabama paradox): raising the total by one unit can lower one part by one unit.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from fractions import Fraction
from typing import TypeVar

from sodertorn import _checks
from sodertorn.errors import AllocationError
from sodertorn.money import SEK, Unit

__all__ = ["allocate", "allocate_units", "remainder_trace", "round_to_total"]

K = TypeVar("K")

_TOTAL = _checks.is_a(
    SEK, AllocationError, what="an amount of SEK", expected="an amount such as SEK(100)"
)
_UNITS = _checks.is_a(
    int, AllocationError, what="a whole number", expected="an int, the number of units to split"
)
_UNIT = _checks.member(Unit, AllocationError)


def _check_weights(total: object, weights: Mapping[K, int]) -> int:
    """Validate *weights* and return their sum; *total* only names what is split."""
    if not isinstance(weights, Mapping):
        raise AllocationError(
            f"cannot split {total!r} by {weights!r}; expected a mapping of keys to weights"
        )
    for key, weight in weights.items():
        if isinstance(weight, bool) or not isinstance(weight, int):
            raise AllocationError(
                f"weight {weight!r} for {key!r} is not an integer; expected a whole, "
                f"non-negative count such as a population"
            )
        if weight < 0:
            raise AllocationError(
                f"weight {weight!r} for {key!r} is negative; expected a non-negative count"
            )
    denominator = sum(weights.values())
    if denominator == 0:
        raise AllocationError(
            f"cannot split {total!r} by weights that are all zero: {dict(weights)!r}"
        )
    return denominator


def _sorted_keys(weights: Mapping[K, object]) -> list[K]:
    try:
        return sorted(weights)  # type: ignore[type-var]
    except TypeError:
        raise AllocationError(
            f"the keys of {type(weights).__name__} cannot be ordered, and ties are broken "
            f"by key order; use keys of one comparable type (such as Municipality)"
        ) from None


def _largest_remainder(total: int, numerators: list[int], denominator: int) -> list[int]:
    """Round the quotas ``numerators[i] / denominator`` to integers that sum to *total*.

    Each quota first gets its whole part; the units left over go one each to the
    largest remainders, ties to the earlier position. The caller guarantees that
    ``0 <= left over <= number of non-zero remainders``.
    """
    parts: list[int] = []
    remainders: list[int] = []
    for numerator in numerators:
        quotient, remainder = divmod(numerator, denominator)
        parts.append(quotient)
        remainders.append(remainder)
    left_over = total - sum(parts)
    if left_over:
        # sorted() is stable also with reverse=True: equal remainders keep key order.
        ranked = sorted(range(len(parts)), key=remainders.__getitem__, reverse=True)
        for position in ranked[:left_over]:
            parts[position] += 1
    return parts


def allocate_units(total: int, weights: Mapping[K, int]) -> dict[K, int]:
    """Split a whole number of units by largest remainder; the parts sum to *total*.

    Each key first gets the whole part of its exact share ``total × w / Σw``; the units
    left over go one each to the keys with the largest remainders, ties to the key that
    sorts first. A negative total splits as the negation of the positive one. The result
    is in the keys' sorted order, whatever the order of *weights*.

    The integer core of :func:`allocate`, the population key of Samarbetsavtal 2010,
    §§ 7, 8 and 10.

    >>> allocate_units(2, {"x": 4, "y": 1, "z": 1})
    {'x': 2, 'y': 0, 'z': 0}
    >>> allocate_units(-5, {"a": 3, "b": 7})
    {'a': -2, 'b': -3}
    """
    _UNITS.check(total, "total")
    denominator = _check_weights(total, weights)
    keys = _sorted_keys(weights)
    sign, magnitude = (-1, -total) if total < 0 else (1, total)
    numerators = [magnitude * weights[key] for key in keys]
    parts = _largest_remainder(magnitude, numerators, denominator)
    return {key: sign * part for key, part in zip(keys, parts, strict=False)}


def allocate(
    total: SEK,
    weights: Mapping[K, int],
    *,
    unit: Unit = Unit.KRONA,
) -> dict[K, SEK]:
    """Split *total* over *weights* into parts that sum exactly to it.

    Each part is within one *unit* (krona by default, or öre) of its exact share
    ``total × weight / Σweights``, and a key of zero weight gets nothing. Ties for the
    last units go to the key that sorts first (for municipalities: the lowest SCB code),
    so the result does not depend on the order of the mapping. A negative total
    (a liability) splits as the negation of the positive one.

    Source: the population key of Samarbetsavtal 2010, §§ 7, 8 and 10.

    >>> from sodertorn import MUNICIPALITIES
    >>> huddinge, botkyrka = MUNICIPALITIES[:2]
    >>> allocate(SEK(-5), {huddinge: 3, botkyrka: 7})
    {Municipality(code='0126', name='Huddinge'): SEK(-2), Municipality(code='0127', name='Botkyrka'): SEK(-3)}
    >>> allocate(SEK("0.03"), {"a": 1, "b": 2})
    Traceback (most recent call last):
    ...
    sodertorn.AllocationError: SEK('0.03') is not a whole number of krona; round it first, or split by unit=Unit.ORE
    """
    _TOTAL.check(total, "total")
    _UNIT.check(unit, "unit")
    _check_weights(total, weights)
    units, rest = divmod(total.ore, unit.value)
    if rest:
        raise AllocationError(
            f"{total!r} is not a whole number of {unit.label}; round it first, "
            f"or split by unit=Unit.ORE"
        )
    return {
        key: SEK.from_ore(part * unit.value) for key, part in allocate_units(units, weights).items()
    }


def round_to_total(
    total: SEK,
    exact: Mapping[K, Fraction],
    *,
    unit: Unit = Unit.KRONA,
) -> dict[K, SEK]:
    """Round exact amounts (in kronor) to whole *units* that sum exactly to *total*.

    *total* must be within one unit of the exact sum. Each part becomes the whole part
    of its exact amount, or one unit more: the units needed to reach *total* go to the
    largest remainders, ties to the key that sorts first. So every part is within one
    unit of its exact amount and the parts sum to *total*. This is how a total rounded
    once (Samarbetsavtal 2010, § 8, and the rounding Decision) is spread over the parties.

    >>> from fractions import Fraction
    >>> round_to_total(SEK(2), {"a": Fraction(3, 4), "b": Fraction(3, 4)})
    {'a': SEK(1), 'b': SEK(1)}
    >>> round_to_total(SEK(3), {"a": Fraction(3, 4), "b": Fraction(3, 4)})
    Traceback (most recent call last):
    ...
    sodertorn.AllocationError: total SEK(3) is not within one krona of the exact sum 3/2
    """
    _TOTAL.check(total, "total")
    _UNIT.check(unit, "unit")
    if not isinstance(exact, Mapping):
        raise AllocationError(
            f"cannot round {exact!r}; expected a mapping of keys to exact amounts"
        )
    for key, value in exact.items():
        checked: object = value
        if isinstance(checked, bool) or not isinstance(checked, (int, Fraction)):
            raise AllocationError(f"exact amount {value!r} for {key!r} is not an int or Fraction")
        if value < 0:
            raise AllocationError(f"exact amount {value!r} for {key!r} is negative")
    keys = _sorted_keys(exact)
    units, rest = divmod(total.ore, unit.value)
    if rest:
        raise AllocationError(f"{total!r} is not a whole number of {unit.label}")
    scale = Fraction(100, unit.value)
    quotas = [Fraction(exact[key]) * scale for key in keys]
    denominator = math.lcm(*(q.denominator for q in quotas))  # 1 when there are none
    numerators = [q.numerator * (denominator // q.denominator) for q in quotas]
    exact_sum = sum(quotas)
    # Within one unit, every part can be its floor or one more: the total lies between
    # the sum of the floors and that sum plus the number of parts with a remainder.
    if abs(units - exact_sum) >= 1:
        raise AllocationError(
            f"total {total!r} is not within one {unit.label} of the exact sum {exact_sum / scale}"
        )
    parts = _largest_remainder(units, numerators, denominator)
    return {key: SEK.from_ore(part * unit.value) for key, part in zip(keys, parts, strict=False)}


def remainder_trace(
    exact: Mapping[K, Fraction], parts: Mapping[K, SEK], *, unit: Unit = Unit.KRONA
) -> dict[K, dict[str, str]]:
    """How each part came from its exact amount: whole units, remainder, the unit added.

    For each key, as exact strings in kronor: ``exact`` (the exact share, a fraction),
    ``whole`` (its whole *units*, toward zero), ``remainder`` (what was left, a fraction),
    ``adjustment`` (what the largest-remainder step added: nothing or one unit) and
    ``part``. The derivation as data, for :func:`~sodertorn.allocate` and
    :func:`~sodertorn.allocation.round_to_total`.

    >>> from fractions import Fraction
    >>> parts = round_to_total(SEK(2), {"a": Fraction(3, 4), "b": Fraction(5, 4)})
    >>> remainder_trace({"a": Fraction(3, 4), "b": Fraction(5, 4)}, parts)["a"]
    {'exact': '3/4', 'whole': '0', 'remainder': '3/4', 'adjustment': '1', 'part': '1'}
    """
    _UNIT.check(unit, "unit")
    step = Fraction(unit.value, 100)
    out: dict[K, dict[str, str]] = {}
    for key in _sorted_keys(exact):
        value = Fraction(exact[key])
        units = math.floor(abs(value) / step)
        whole = units * step if value >= 0 else -units * step
        part = parts[key]
        out[key] = {
            "exact": str(value),
            "whole": str(SEK.from_ore(int(whole * 100)).amount),
            "remainder": str(value - whole),
            "adjustment": str(SEK.from_ore(part.ore - int(whole * 100)).amount),
            "part": str(part.amount),
        }
    return out
