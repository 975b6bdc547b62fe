"""Indicators for the programme's goals, and the values recorded for them year by year.

SUP 2040 words its long-term goals so that indicators can measure how far they are met
when that is needed (SUP 2040, "Långsiktiga mål"). It names no indicator, and the
library ships none: an :class:`~sodertorn.programme.Indicator` (its name, unit, source, the direction that
counts as progress, and an optional baseline and target) and the :class:`~sodertorn.programme.IndicatorValue`
of each year come from whoever follows the programme up, in a JSON document read by
:meth:`~sodertorn.programme.Indicators.from_json`. The yearly report shows them beside their goal.

The figures below are an example, not data about Södertörn:

>>> from decimal import Decimal
>>> charging = Indicator(id="laddpunkter", goal="klimatomstallning",
...                      name=Text("Publika laddpunkter", en="Public charging points"),
...                      unit="st", source="Example source", direction=Direction.INCREASE,
...                      baseline=Measure(year=2022, value=Decimal(100)),
...                      target=Measure(year=2026, value=Decimal(200)))
>>> measured = Indicators(indicators=[charging], values=[
...     IndicatorValue(indicator="laddpunkter", year=2024, value=Decimal(150),
...                    source="Example source")])
>>> measured.value("laddpunkter", 2024).value, measured.value("laddpunkter", 2023)
(Decimal('150'), None)
>>> Indicators(indicators=[charging, charging])
Traceback (most recent call last):
...
sodertorn.FollowUpError: indicator id 'laddpunkter' is given twice; expected each once
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from sodertorn import _checks
from sodertorn.errors import FollowUpError, Listing, message
from sodertorn.programme._checks import calendar_year, count, is_a
from sodertorn.programme._slots import Slot
from sodertorn.programme.model import Text, check_id

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "INDICATORS_SCHEMA",
    "Direction",
    "Indicator",
    "IndicatorValue",
    "Indicators",
    "Measure",
]

INDICATORS_SCHEMA = "sodertorn/indicators/1"
"""The ``schema`` value of an indicators JSON document."""

CSV_COLUMNS = (
    "id",
    "goal",
    "name",
    "name_en",
    "unit",
    "source",
    "direction",
    "baseline_year",
    "baseline",
    "target_year",
    "target",
    "year",
    "value",
    "value_source",
)
"""The columns of an indicator table (:meth:`Indicators.to_csv`)."""


class Direction(enum.Enum):
    """Which way an indicator moves when its goal comes closer."""

    __module__ = "sodertorn.programme"

    INCREASE = "increase"
    """Higher is better."""
    DECREASE = "decrease"
    """Lower is better."""


def exact_number(value: object) -> Decimal:
    """*value* as an exact, finite Decimal; a float or anything else is refused."""
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        raise FollowUpError.of(
            "invalid indicator value {value}; expected an int or a Decimal (not a float)",
            value=repr(value),
        )
    number = Decimal(value)
    if not number.is_finite():
        raise FollowUpError.of(
            "invalid indicator value {value}; expected a finite number", value=repr(value)
        )
    return number


_year = calendar_year(error=FollowUpError)
_ANY_YEAR = count(message("year"), low=None, error=FollowUpError)


_SOME_TEXT = _checks.text(FollowUpError, expected=message("a non-empty string")).worded(
    message("invalid {name} {value}; expected a non-empty string")
)


def _text(what: str) -> Any:
    return _SOME_TEXT.named(what)


def _slug(what: str) -> Any:
    def check(_: object, __: attrs.Attribute[Any], value: object) -> None:
        check_id(value, what, error=FollowUpError)

    return check


def _optional(kind: type, what: str) -> Any:
    return is_a(kind, what, optional=True, error=FollowUpError)


def _required(kind: type, what: str) -> Any:
    return is_a(kind, what, error=FollowUpError)


@attrs.frozen(kw_only=True)
class Measure:
    """A value of an indicator for a year: a baseline or a target.

    >>> Measure(year=2022, value=12).value
    Decimal('12')
    >>> Measure(year=2022, value=1.5)
    Traceback (most recent call last):
    ...
    sodertorn.FollowUpError: invalid indicator value 1.5; expected an int or a Decimal (not a float)
    """

    __module__ = "sodertorn.programme"

    year: int = attrs.field(validator=_year)
    value: Decimal = attrs.field(converter=exact_number)


@attrs.frozen(kw_only=True)
class Indicator:
    """An indicator of one goal: what is measured, in what unit, from which source.

    *goal* is a goal id of the plan's tree; *direction* says whether a higher or a lower
    value brings the goal closer; *baseline* and *target* are optional.

    >>> Indicator(id="x", goal="tillganglighet", name=Text("Restid"), unit="min",
    ...           source="Example source", direction=Direction.DECREASE).baseline is None
    True
    >>> Indicator(id="x", goal="tillganglighet", name="Restid", unit="min",
    ...           source="Example source", direction=Direction.DECREASE)
    Traceback (most recent call last):
    ...
    sodertorn.FollowUpError: invalid indicator name 'Restid'; expected a Text
    """

    __module__ = "sodertorn.programme"

    id: str = attrs.field(validator=_slug("indicator id"))
    goal: str = attrs.field(validator=_slug("goal id"))
    name: Text = attrs.field(validator=_required(Text, message("indicator name")))
    unit: str = attrs.field(validator=_text(message("unit")))
    source: str = attrs.field(validator=_text(message("indicator source")))
    direction: Direction = attrs.field(validator=_required(Direction, message("direction")))
    baseline: Measure | None = attrs.field(
        default=None, validator=_optional(Measure, message("baseline"))
    )
    target: Measure | None = attrs.field(
        default=None, validator=_optional(Measure, message("target"))
    )


@attrs.frozen(kw_only=True)
class IndicatorValue:
    """The value of an indicator in one year, with the source it was taken from.

    >>> from decimal import Decimal
    >>> IndicatorValue(indicator="x", year=2024, value=Decimal("3.5"), source="Example").value
    Decimal('3.5')
    >>> IndicatorValue(indicator="x", year=2024, value=3, source=" ")
    Traceback (most recent call last):
    ...
    sodertorn.FollowUpError: invalid value source ' '; expected a non-empty string
    """

    __module__ = "sodertorn.programme"

    indicator: str = attrs.field(validator=_slug("indicator id"))
    year: int = attrs.field(validator=_year)
    value: Decimal = attrs.field(converter=exact_number)
    source: str = attrs.field(validator=_text(message("value source")))


def _sequence(value: Iterable[Any]) -> tuple[Any, ...]:
    if isinstance(value, (str, bytes)) or not hasattr(value, "__iter__"):
        raise FollowUpError(f"expected a sequence, got {value!r}")
    return tuple(value)


def _each(kind: type, what: str) -> Any:
    def check(_: object, __: attrs.Attribute[Any], values: tuple[Any, ...]) -> None:
        for value in values:
            if not isinstance(value, kind):
                raise FollowUpError(f"invalid {what} {value!r}; expected a {kind.__name__}")

    return check


@attrs.frozen(kw_only=True)
class Indicators:
    """A set of indicators and their recorded values.

    Validated when built: ids are unique, every value belongs to one of the indicators,
    and an indicator has at most one value a year. Whether each indicator's goal is a
    goal of the plan is checked by the report, which knows the plan.
    """

    __module__ = "sodertorn.programme"

    indicators: tuple[Indicator, ...] = attrs.field(
        default=(), converter=_sequence, validator=_each(Indicator, "indicator")
    )
    values: tuple[IndicatorValue, ...] = attrs.field(
        default=(), converter=_sequence, validator=_each(IndicatorValue, "indicator value")
    )

    def __attrs_post_init__(self) -> None:
        ids: set[str] = set()
        for indicator in self.indicators:
            if indicator.id in ids:
                raise FollowUpError.of(
                    "indicator id {id} is given twice; expected each once", id=repr(indicator.id)
                )
            ids.add(indicator.id)
        seen: set[tuple[str, int]] = set()
        for value in self.values:
            if value.indicator not in ids:
                raise FollowUpError.of(
                    "a value for unknown indicator {indicator}; expected one of {ids}",
                    indicator=repr(value.indicator),
                    ids=Listing((repr(i) for i in sorted(ids)), alternatives=True),
                )
            if (value.indicator, value.year) in seen:
                raise FollowUpError.of(
                    "two values of {indicator} for {year}; expected one a year",
                    indicator=repr(value.indicator),
                    year=str(value.year),
                )
            seen.add((value.indicator, value.year))

    def of_goal(self, goal: str) -> tuple[Indicator, ...]:
        """The indicators of *goal*, in the order given."""
        if not isinstance(goal, str):
            raise FollowUpError(f"invalid goal id {goal!r}; expected a string such as 'klimat'")
        return tuple(indicator for indicator in self.indicators if indicator.goal == goal)

    def value(self, indicator: str, year: int) -> IndicatorValue | None:
        """The value of *indicator* in *year*, or ``None`` if none is recorded."""
        ids = [i.id for i in self.indicators]
        if not isinstance(indicator, str) or indicator not in ids:
            raise FollowUpError(f"unknown indicator {indicator!r}; expected one of {ids!r}")
        _ANY_YEAR.check(year, "year")
        for value in self.values:
            if value.indicator == indicator and value.year == year:
                return value
        return None

    def to_json(self, *, indent: int | None = 2) -> str:
        """The indicators and values as a JSON document (numbers written as strings)."""
        return TO_JSON(self, indent=indent)

    def to_csv(self) -> str:
        """The indicators and values as one table, for a spreadsheet.

        A row a value, or one row for an indicator without values; the indicator's own
        columns are repeated on each of its rows.
        """
        return TO_CSV(self)

    @classmethod
    def from_csv(cls, text: str, *, source: str | None = None) -> Indicators:
        """Read the table of :meth:`to_csv`; errors name the line.

        The rows of one indicator must agree on its own columns. Numbers may use a decimal
        comma (``42,5``); the delimiter is a comma, or a semicolon as Swedish spreadsheets
        write it.
        """
        return FROM_CSV(cls, text, source=source)

    @classmethod
    def from_json(cls, text: str | bytes, *, source: str | None = None) -> Indicators:
        """Read an indicators document (see :meth:`to_json`); errors name the entry.

        Numbers may be written as JSON numbers or as strings; they are read exactly.
        """
        return FROM_JSON(cls, text, source=source)


# Reading and writing the documents is in indicator_files, above this module;
# sodertorn.programme hands it in.
TO_JSON: Slot[..., str] = Slot("Indicators.to_json")
TO_CSV: Slot[[Indicators], str] = Slot("Indicators.to_csv")
FROM_CSV: Slot[..., Indicators] = Slot("Indicators.from_csv")
FROM_JSON: Slot[..., Indicators] = Slot("Indicators.from_json")
