"""Exact Swedish money: :class:`~sodertorn.SEK`, counted in whole öre, never a binary float.

>>> from sodertorn import SEK
>>> SEK(860000) + SEK("0.50")
SEK('860000.50')
>>> SEK("2.50").round()
SEK(3)
>>> SEK(-2.5)
Traceback (most recent call last):
...
sodertorn.InvalidAmountError: refusing float -2.5: binary floats cannot hold money exactly; pass an int, a str such as '-2.5' or a Decimal

Whole kronor are rounded by the statutory rule unless another :class:`~sodertorn.money.Rounding` is
asked for: *Lag (1970:1029) om avrundning av vissa öresbelopp*, 2 §, rounds 1–49 öre
down and 50–99 öre up, the same way for negative amounts.
"""

from __future__ import annotations

import enum
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs

from sodertorn import _checks
from sodertorn.errors import InvalidAmountError, SodertornDeprecationWarning

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["SEK", "Rounding", "Unit", "round_fraction"]


class Unit(enum.Enum):
    """The unit an amount is rounded or split to, valued in öre."""

    __module__ = "sodertorn.money"

    KRONA = 100
    ORE = 1

    @property
    def label(self) -> str:
        """The unit's Swedish name: ``krona`` or ``öre``."""
        return "krona" if self is Unit.KRONA else "öre"


class Rounding(enum.Enum):
    """How an exact amount is brought to a whole unit."""

    __module__ = "sodertorn.money"

    HALF_UP = "half-up"
    """Halves away from zero: the statutory rule of Lag (1970:1029), 2 §."""
    HALF_EVEN = "half-even"
    """Halves to the even unit (banker's rounding); what Babel does when it formats."""
    DOWN = "down"
    """Toward zero."""
    UP = "up"
    """Away from zero."""
    FLOOR = "floor"
    """Toward minus infinity."""
    CEILING = "ceiling"
    """Toward plus infinity."""


def _round_int(value: Fraction, rounding: Rounding) -> int:
    """Round an exact rational number to an integer."""
    floor, rest = divmod(value.numerator, value.denominator)
    if rest == 0:
        return floor
    ceiling = floor + 1
    twice = 2 * rest  # compare the fraction part with one half, exactly
    if rounding is Rounding.FLOOR:
        return floor
    if rounding is Rounding.CEILING:
        return ceiling
    toward_zero, away = (floor, ceiling) if value > 0 else (ceiling, floor)
    if rounding is Rounding.DOWN:
        return toward_zero
    if rounding is Rounding.UP:
        return away
    if twice != value.denominator:
        return floor if twice < value.denominator else ceiling
    if rounding is Rounding.HALF_UP:
        return away
    return floor if floor % 2 == 0 else ceiling


_UNIT = _checks.member(Unit, InvalidAmountError)
_ROUNDING = _checks.member(Rounding, InvalidAmountError)


def round_fraction(
    value: Fraction | int,
    *,
    unit: Unit = Unit.KRONA,
    rounding: Rounding = Rounding.HALF_UP,
) -> SEK:
    """Round an exact amount in kronor to a whole *unit*, as :class:`SEK`.

    The default is whole kronor by the statutory rule (Lag (1970:1029), 2 §).

    >>> from fractions import Fraction
    >>> round_fraction(Fraction(2499, 1000))
    SEK(2)
    >>> round_fraction(Fraction(-5, 2))
    SEK(-3)
    >>> round_fraction(Fraction(-5, 2), rounding=Rounding.HALF_EVEN)
    SEK(-2)
    >>> round_fraction(Fraction(1, 3), unit=Unit.ORE)
    SEK('0.33')
    """
    if isinstance(value, bool) or not isinstance(value, (int, Fraction)):
        raise InvalidAmountError(
            f"cannot round {value!r}; expected an exact int or fractions.Fraction in kronor"
        )
    _UNIT.check(unit, "unit")
    _ROUNDING.check(rounding, "rounding")
    units = _round_int(Fraction(value) * 100 / unit.value, rounding)
    return SEK.from_ore(units * unit.value)


def _ore_from(amount: object) -> int:
    """Parse a constructor argument into an exact count of öre, or raise."""
    if isinstance(amount, SEK):
        return amount.ore
    if isinstance(amount, float):
        raise InvalidAmountError(
            f"refusing float {amount!r}: binary floats cannot hold money exactly; "
            f"pass an int, a str such as '{amount!r}' or a Decimal"
        )
    if isinstance(amount, bool):
        raise InvalidAmountError(f"refusing bool {amount!r}; expected an amount in kronor")
    if isinstance(amount, int):
        return amount * 100
    if isinstance(amount, str):
        try:
            decimal = Decimal(amount.strip())
        except InvalidOperation:
            raise InvalidAmountError(
                f"cannot read {amount!r} as an amount; expected kronor such as '860000' or '0.50'"
            ) from None
    elif isinstance(amount, Decimal):
        decimal = amount
    else:
        raise InvalidAmountError(
            f"cannot make an amount of {amount!r} ({type(amount).__name__}); "
            f"expected an int, str or Decimal in kronor"
        )
    if not decimal.is_finite():
        raise InvalidAmountError(f"refusing {amount!r}; an amount must be a finite number")
    ore = decimal * 100
    if ore != ore.to_integral_value():
        raise InvalidAmountError(
            f"{amount!r} has a fraction of an öre; round it first (SEK.from_exact) "
            f"or pass at most two decimals"
        )
    return int(ore)


@attrs.frozen(init=False, order=True, repr=False)
class SEK:
    """An exact amount of Swedish kronor, held as an integer number of öre.

    ``SEK(860000)`` is 860 000 kr; ``SEK("0.50")`` is 50 öre. ``int``, ``str`` and
    :class:`~decimal.Decimal` are accepted; a ``float`` is refused, and so is any value
    with a fraction of an öre. Liabilities are negative amounts.

    >>> sum([SEK(1), SEK("2.25"), -SEK(3)], SEK(0))
    SEK('0.25')
    >>> SEK(10) * 3, SEK(10) / SEK(4)
    (SEK(30), Fraction(5, 2))
    >>> SEK("1.005")
    Traceback (most recent call last):
    ...
    sodertorn.InvalidAmountError: '1.005' has a fraction of an öre; ...
    """

    __module__ = "sodertorn"

    ore: int
    """The amount in öre (hundredths of a krona)."""

    def __init__(self, amount: int | str | Decimal | SEK) -> None:
        self.__attrs_init__(_ore_from(amount))

    @classmethod
    def from_ore(cls, ore: int) -> SEK:
        """Make an amount from a whole number of öre.

        >>> SEK.from_ore(50)
        SEK('0.50')
        """
        if isinstance(ore, bool) or not isinstance(ore, int):
            raise InvalidAmountError(f"expected a whole number of öre, got {ore!r}")
        instance = cls.__new__(cls)
        instance.__attrs_init__(ore)
        return instance

    @classmethod
    def from_exact(
        cls,
        value: Fraction | int,
        *,
        unit: Unit = Unit.KRONA,
        rounding: Rounding = Rounding.HALF_UP,
    ) -> SEK:
        """Round an exact amount in kronor; same as :func:`round_fraction`."""
        return round_fraction(value, unit=unit, rounding=rounding)

    @property
    def amount(self) -> Decimal:
        """The amount in kronor as a :class:`~decimal.Decimal` with two decimals, or none."""
        if self.ore % 100 == 0:
            return Decimal(self.ore // 100)
        return Decimal(self.ore).scaleb(-2)

    @property
    def exact(self) -> Fraction:
        """The amount in kronor as a :class:`~fractions.Fraction`."""
        return Fraction(self.ore, 100)

    @property
    def is_whole_kronor(self) -> bool:
        """Whether the amount has no öre part."""
        return self.ore % 100 == 0

    def round(self, unit: Unit = Unit.KRONA, rounding: Rounding = Rounding.HALF_UP) -> SEK:
        """Round to a whole *unit*; by default whole kronor by the statutory rule.

        >>> SEK("-0.50").round(), SEK("0.49").round(), SEK("0.50").round(rounding=Rounding.DOWN)
        (SEK(-1), SEK(0), SEK(0))
        """
        return round_fraction(self.exact, unit=unit, rounding=rounding)

    def format(self, locale: str = "sv_SE") -> str:
        """Format for people with Babel, in an explicit *locale* (never the process's).

        .. deprecated:: 0.1.0
           An amount is a value; presentation lives with the languages. Use
           :func:`sodertorn.i18n.format_money`: ``format_money(amount, "sv")``, or
           ``format_money(amount, locale="de_CH")`` for any other locale. This method warns
           with :class:`~sodertorn.SodertornDeprecationWarning` and gives the same text.

        >>> import warnings
        >>> with warnings.catch_warnings():
        ...     warnings.simplefilter("ignore", DeprecationWarning)
        ...     SEK("1234.5").format("en")
        'SEK1,234.50'
        """
        import warnings  # noqa: PLC0415 - only for a deprecated method

        warnings.warn(
            "SEK.format is deprecated: an amount carries no presentation; use "
            "sodertorn.i18n.format_money(amount, lang) or format_money(amount, locale=...)",
            SodertornDeprecationWarning,
            stacklevel=2,
        )
        from sodertorn._format import format_amount  # noqa: PLC0415 - Babel is heavy

        return format_amount(self.amount, locale)

    def __repr__(self) -> str:
        if self.is_whole_kronor:
            return f"SEK({self.ore // 100})"
        return f"SEK({str(self.amount)!r})"

    def __str__(self) -> str:
        return f"{self.amount} kr"

    def __bool__(self) -> bool:
        return self.ore != 0

    def __neg__(self) -> SEK:
        return SEK.from_ore(-self.ore)

    def __pos__(self) -> SEK:
        return self

    def __abs__(self) -> SEK:
        return SEK.from_ore(abs(self.ore))

    def __add__(self, other: SEK) -> SEK:
        if not isinstance(other, SEK):
            return NotImplemented
        return SEK.from_ore(self.ore + other.ore)

    def __radd__(self, other: int) -> SEK:
        # Lets the builtin sum() start from 0.
        if isinstance(other, int) and not isinstance(other, bool) and other == 0:
            return self
        return NotImplemented

    def __sub__(self, other: SEK) -> SEK:
        if not isinstance(other, SEK):
            return NotImplemented
        return SEK.from_ore(self.ore - other.ore)

    def __mul__(self, factor: int) -> SEK:
        if isinstance(factor, bool) or not isinstance(factor, int):
            return NotImplemented
        return SEK.from_ore(self.ore * factor)

    __rmul__ = __mul__

    def __truediv__(self, other: SEK) -> Fraction:
        if not isinstance(other, SEK):
            return NotImplemented
        if other.ore == 0:
            raise InvalidAmountError(f"cannot divide {self!r} by a zero amount")
        return Fraction(self.ore, other.ore)

    @staticmethod
    def total(amounts: Iterable[SEK]) -> SEK:
        """Sum amounts exactly; the empty sum is ``SEK(0)``.

        >>> SEK.total([SEK(1), SEK("0.5")])
        SEK('1.50')
        >>> SEK.total([SEK(1), 2])
        Traceback (most recent call last):
        ...
        sodertorn.InvalidAmountError: cannot total 2 (int); expected amounts of SEK
        """
        try:
            items = iter(amounts)
        except TypeError:
            raise InvalidAmountError(
                f"cannot total {amounts!r}; expected an iterable of SEK amounts"
            ) from None
        ore = 0
        for amount in items:
            if not isinstance(amount, SEK):
                raise InvalidAmountError(
                    f"cannot total {amount!r} ({type(amount).__name__}); expected amounts of SEK"
                )
            ore += amount.ore
        return SEK.from_ore(ore)
