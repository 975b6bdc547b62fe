"""The fee rules over time: which rule sets the fee of which fee year, and the due day.

Rules are data: the library's ``data/fee_rules.json`` holds the indexed rule of § 8 for
2010–2017 and 4 kr per inhabitant from 2018; a new rate is a new entry with its source
and its years, not new code. The file carries the version of its format (``"schema":
1``); a version the library does not know, or a key it does not know, is refused rather
than half read.

>>> schedule = FeeSchedule.default()
>>> schedule.rule_for(2024).source
'Samarbetskommitténs beslut 2017-02-02'
>>> FeeSchedule.from_dict({"schema": 1, "rules": [], "colour": "blue"})
Traceback (most recent call last):
...
sodertorn.FeeRuleError: fee schedule: unknown key 'colour'; expected some of 'about', 'due', 'rules', 'schema'
"""

from __future__ import annotations

import datetime
import functools
import itertools
import json
import os
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from sodertorn import _checks
from sodertorn.errors import FeeRuleError, SodertornError
from sodertorn.fees.rules import FeeRule, IndexedRule, PerCapitaRule, check_fee_year
from sodertorn.money import SEK
from sodertorn.parties import MUNICIPALITIES, municipality

__all__ = ["SCHEDULE_SCHEMA", "FeeSchedule"]

SCHEDULE_SCHEMA = 1
"""The version of the schedule's JSON format this library reads and writes."""

_DATA = os.path.join(os.path.dirname(os.path.dirname(__file__)), "data", "fee_rules.json")

_TOP_KEYS = frozenset({"schema", "about", "due", "rules"})
_DUE_KEYS = frozenset({"month", "day", "source"})
_COMMON_KEYS = frozenset({"kind", "first_year", "last_year", "source", "decided", "about"})
_RULE_KEYS = {
    "indexed": _COMMON_KEYS | {"base_total", "base_parties", "chain"},
    "per_capita": _COMMON_KEYS | {"rate"},
}


_RULE = _checks.is_a(
    (IndexedRule, PerCapitaRule),
    FeeRuleError,
    what="a fee rule",
    expected="an IndexedRule or a PerCapitaRule",
)


def _rules(value: Iterable[FeeRule]) -> tuple[FeeRule, ...]:
    try:
        rules = tuple(value)
    except TypeError:
        raise FeeRuleError(f"rules {value!r} must be an iterable of fee rules") from None
    for rule in rules:
        _RULE.check(rule, "rule")
    ordered = tuple(sorted(rules, key=lambda r: r.first_year))
    for earlier, later in itertools.pairwise(ordered):
        if earlier.last_year is None or earlier.last_year >= later.first_year:
            raise FeeRuleError(
                f"fee rules overlap: {earlier.source} from {earlier.first_year} "
                f"(to {earlier.last_year or 'further notice'}) and {later.source} from "
                f"{later.first_year}; expected each fee year to have exactly one rule"
            )
    return ordered


def _unknown_keys(where: str, data: Mapping[Any, Any], known: frozenset[str]) -> None:
    unknown = sorted(repr(key) for key in data if key not in known)
    if unknown:
        raise FeeRuleError(
            f"{where}: unknown key {unknown[0]}; expected some of "
            + ", ".join(repr(key) for key in sorted(known))
        )


@attrs.frozen(kw_only=True)
class FeeSchedule:
    """The fee rules over time, each covering a span of fee years, and the due day.

    The default schedule is the library's data file: the indexed rule of § 8 for
    2010–2017 and 4 kr per inhabitant from 2018. A caller adds a new rule as data:

    >>> from sodertorn import SEK
    >>> from sodertorn.fees import PerCapitaRule
    >>> five = PerCapitaRule(first_year=2027, last_year=None, rate=SEK(5), source="Beslut")
    >>> schedule = FeeSchedule.default().with_rule(five)
    >>> [(r.kind, r.first_year, r.last_year) for r in schedule.rules]
    [('indexed', 2010, 2017), ('per_capita', 2018, 2026), ('per_capita', 2027, None)]
    """

    __module__ = "sodertorn.fees"

    rules: tuple[FeeRule, ...] = attrs.field(converter=_rules)
    due_month: int = attrs.field(default=3)
    due_day: int = attrs.field(default=15)

    @due_day.validator
    def _check_due(self, _: object, value: int) -> None:
        try:
            datetime.date(2000, self.due_month, value)
        except (TypeError, ValueError):
            raise FeeRuleError(
                f"due day {self.due_month!r}-{value!r} is not a day of the year"
            ) from None

    @classmethod
    def default(cls) -> FeeSchedule:
        """The schedule in the library's data (§ 8 and the decision of 2017-02-02)."""
        return _default_schedule()

    def rule_for(self, year: int) -> FeeRule:
        """The rule that sets the fees of fee year *year*."""
        return self.terms(year)[0]

    def due_date(self, year: int) -> datetime.date:
        """The last day to pay the fee of *year* (15 March: Samarbetsavtal 2010, § 8)."""
        return self._due(check_fee_year(year))

    def terms(self, year: int) -> tuple[FeeRule, datetime.date]:
        """The rule of fee year *year* and its due date; *year* is checked here, once.

        >>> rule, due = FeeSchedule.default().terms(2025)
        >>> rule.kind, due
        ('per_capita', datetime.date(2025, 3, 15))
        """
        checked = check_fee_year(year)
        for rule in self.rules:
            if rule.first_year <= checked and (rule.last_year is None or checked <= rule.last_year):
                return rule, self._due(checked)
        spans = ", ".join(
            f"{r.first_year}-{r.last_year}" if r.last_year else f"{r.first_year} onwards"
            for r in self.rules
        )
        raise FeeRuleError(
            f"no fee rule for fee year {checked!r}; the schedule covers {spans or 'no years'}"
        )

    def _due(self, year: int) -> datetime.date:
        try:
            return datetime.date(year, self.due_month, self.due_day)
        except ValueError:
            raise FeeRuleError(
                f"due day {self.due_month}-{self.due_day} does not exist in {year}; "
                f"expected a schedule whose due day is in every year"
            ) from None

    def with_rule(self, rule: FeeRule) -> FeeSchedule:
        """A schedule where *rule* sets the fees of its years; earlier rules end before it.

        A rule still in force when *rule* starts is cut off at the year before; a rule
        wholly inside *rule*'s span is dropped; a rule that starts later is kept only if
        *rule* ends before it. An earlier rule is not resumed after *rule*'s span: give
        those years a rule of their own.
        """
        _RULE.check(rule, "rule")
        kept: list[FeeRule] = []
        for old in self.rules:
            if old.first_year < rule.first_year:
                if old.last_year is None or old.last_year >= rule.first_year:
                    kept.append(attrs.evolve(old, last_year=rule.first_year - 1))
                else:
                    kept.append(old)
            elif rule.last_year is not None and old.first_year > rule.last_year:
                kept.append(old)
        return attrs.evolve(self, rules=(*kept, rule))

    def to_dict(self) -> dict[str, Any]:
        """The schedule as plain JSON-ready data; :meth:`from_dict` reads it back."""
        return {
            "schema": SCHEDULE_SCHEMA,
            "due": {"month": self.due_month, "day": self.due_day},
            "rules": [rule.to_dict() for rule in self.rules],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> FeeSchedule:
        """Read a schedule from plain data (the format of the library's ``fee_rules.json``).

        ``"schema"`` is the format's version: 1, the only one so far, also when it is
        left out. Keys the format does not have are refused, so a misspelt field is
        never silently ignored.

        >>> FeeSchedule.from_dict({"rules": [{"kind": "flat", "first_year": 2030}]})
        Traceback (most recent call last):
        ...
        sodertorn.FeeRuleError: rule 1: unknown kind 'flat'; expected 'indexed' or 'per_capita'
        >>> FeeSchedule.from_dict({"schema": 2, "rules": []})
        Traceback (most recent call last):
        ...
        sodertorn.FeeRuleError: fee schedule: schema 2 is not known; expected 1 (this version of sodertorn reads format 1)
        """
        if not isinstance(data, Mapping) or not isinstance(data.get("rules"), list):
            raise FeeRuleError(f"expected an object with a list of 'rules', got {data!r}")
        _unknown_keys("fee schedule", data, _TOP_KEYS)
        schema = data.get("schema", SCHEDULE_SCHEMA)
        if isinstance(schema, bool) or schema != SCHEDULE_SCHEMA:
            raise FeeRuleError(
                f"fee schedule: schema {schema!r} is not known; expected {SCHEDULE_SCHEMA} "
                f"(this version of sodertorn reads format {SCHEDULE_SCHEMA})"
            )
        due = data.get("due", {})
        if not isinstance(due, Mapping):
            raise FeeRuleError(f"'due' must be an object with month and day, got {due!r}")
        _unknown_keys("fee schedule, 'due'", due, _DUE_KEYS)
        rules = [_rule_from_dict(n, item) for n, item in enumerate(data["rules"], start=1)]
        return cls(
            rules=rules,
            due_month=due.get("month", 3),
            due_day=due.get("day", 15),
        )

    @classmethod
    def from_json(cls, text: str | bytes) -> FeeSchedule:
        """Read a schedule from JSON text in the format of :meth:`from_dict`."""
        if not isinstance(text, (str, bytes)):
            raise FeeRuleError(f"expected the schedule's JSON as str or bytes, got {text!r}")
        try:
            data = json.loads(text)
        except (ValueError, RecursionError) as error:
            raise FeeRuleError(f"fee schedule is not valid JSON: {error}") from None
        return cls.from_dict(data)


def _rule_from_dict(number: int, item: object) -> FeeRule:
    if not isinstance(item, Mapping):
        raise FeeRuleError(f"rule {number}: expected an object, got {item!r}")
    kind = item.get("kind")
    try:
        common: dict[str, Any] = {
            "first_year": item["first_year"],
            "last_year": item.get("last_year"),
            "source": item.get("source", ""),
            "decided": (
                datetime.date.fromisoformat(item["decided"]) if item.get("decided") else None
            ),
        }
        if kind not in _RULE_KEYS:
            raise FeeRuleError(
                f"rule {number}: unknown kind {kind!r}; expected 'indexed' or 'per_capita'"
            )
        _unknown_keys(f"rule {number}", item, _RULE_KEYS[kind])
        if kind == "indexed":
            codes = item.get("base_parties")
            parties = MUNICIPALITIES if codes is None else tuple(municipality(c) for c in codes)
            return IndexedRule(
                base_total=SEK(item["base_total"]),
                base_parties=parties,
                chain=item.get("chain", "exact"),
                **common,
            )
        return PerCapitaRule(rate=SEK(item["rate"]), **common)
    except KeyError as error:
        raise FeeRuleError(f"rule {number}: missing field {error.args[0]!r}") from None
    except FeeRuleError as error:
        if str(error).startswith(f"rule {number}:"):
            raise
        raise FeeRuleError(f"rule {number}: {error}") from None
    except (SodertornError, TypeError, ValueError) as error:
        raise FeeRuleError(f"rule {number}: {error}") from None


@functools.cache
def _default_schedule() -> FeeSchedule:
    # Read beside the module, not through importlib.resources, which is heavy to import.
    with open(_DATA, "rb") as handle:
        return FeeSchedule.from_json(handle.read())
