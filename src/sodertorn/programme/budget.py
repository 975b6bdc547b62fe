"""The year's budget: revenue and cost lines as the plan states them, checked against § 8.

Source: Samarbetsavtal 2010, § 8; Verksamhetsplan 2019, § 8; Verksamhetsplan och budget
2024, § 6.
"""

from __future__ import annotations

import datetime

import attrs

from sodertorn.errors import PlanError
from sodertorn.fees import FeeAssessment, PerCapitaRule
from sodertorn.i18n import check_language, gettext
from sodertorn.money import SEK
from sodertorn.population import reference_date
from sodertorn.programme._checks import count, each, is_a, plan_tuple
from sodertorn.programme.text import Text
from sodertorn.reasons import Count, Reason, message, plural

__all__ = ["Budget", "BudgetLine", "RevenueCheck"]


@attrs.frozen(kw_only=True)
class BudgetLine:
    """One line of revenue or cost, as the plan states it; *approximate* for "ca".

    >>> BudgetLine(label=Text("Möten"), amount=SEK(100000), approximate=True).amount
    SEK(100000)
    >>> BudgetLine(label=Text("Möten"), amount=100000)
    Traceback (most recent call last):
    ...
    sodertorn.PlanError: invalid budget amount 100000; expected a SEK
    """

    __module__ = "sodertorn.programme"

    label: Text = attrs.field(validator=is_a(Text, "budget label"))
    amount: SEK = attrs.field(validator=is_a(SEK, "budget amount"))
    approximate: bool = attrs.field(default=False)

    @approximate.validator
    def _check_approximate(self, _: attrs.Attribute[bool], value: object) -> None:
        if not isinstance(value, bool):
            raise PlanError(f"invalid approximate flag {value!r}; expected True or False")


@attrs.frozen(kw_only=True)
class Budget:
    """The year's budget: revenue and cost lines as stated, and the fee basis.

    *rate* is the fee per inhabitant and *population* the count it is applied to, when
    the plan gives them (2024: 4 kr × 520 824 on 31 Dec 2023). The fee rule itself lives
    with the agreement's rules (§ 8); :meth:`revenue_difference` checks the stated revenue
    against a total computed there.

    Source: Verksamhetsplan 2019, § 8; Verksamhetsplan och budget 2024, § 6.

    >>> from sodertorn import load_plan
    >>> budget = load_plan(2024).budget
    >>> budget.is_balanced, budget.basis_total
    (True, SEK(2083296))
    >>> budget.revenue_difference(SEK(2083300))
    SEK(-4)
    >>> budget.revenue_difference(2083296)
    Traceback (most recent call last):
    ...
    sodertorn.PlanError: invalid expected revenue 2083296; expected a SEK
    """

    __module__ = "sodertorn.programme"

    revenue: tuple[BudgetLine, ...] = attrs.field(
        converter=plan_tuple, validator=each(BudgetLine, "revenue line")
    )
    costs: tuple[BudgetLine, ...] = attrs.field(
        converter=plan_tuple, validator=each(BudgetLine, "cost line")
    )
    rate: SEK | None = attrs.field(default=None, validator=is_a(SEK, "rate", optional=True))
    population: int | None = attrs.field(default=None, validator=count("population", optional=True))
    population_date: datetime.date | None = attrs.field(
        default=None, validator=is_a(datetime.date, "population date", optional=True)
    )
    note: str | None = attrs.field(default=None, validator=is_a(str, "budget note", optional=True))

    @property
    def total_revenue(self) -> SEK:
        """The sum of the revenue lines."""
        return SEK.total(line.amount for line in self.revenue)

    @property
    def total_costs(self) -> SEK:
        """The sum of the cost lines."""
        return SEK.total(line.amount for line in self.costs)

    @property
    def balance(self) -> SEK:
        """Revenue minus costs: positive is a surplus, negative a deficit."""
        return self.total_revenue - self.total_costs

    @property
    def is_balanced(self) -> bool:
        """Whether revenue and costs are equal to the öre."""
        return self.balance == SEK(0)

    @property
    def basis_total(self) -> SEK | None:
        """Rate × population, if the plan states both; else ``None``."""
        if self.rate is None or self.population is None:
            return None
        return self.rate * self.population

    def revenue_difference(self, expected: SEK) -> SEK:
        """Stated revenue minus *expected* (e.g. the fee total computed by the § 8 rules)."""
        if not isinstance(expected, SEK):
            raise PlanError(f"invalid expected revenue {expected!r}; expected a SEK")
        return self.total_revenue - expected

    def check_revenue(self, assessment: FeeAssessment) -> RevenueCheck:
        """Compare the stated revenue with the fees of *assessment* (Samarbetsavtal 2010, § 8).

        The result holds both totals and their difference and, where the budget gives a
        rate and the assessment charges that rate per inhabitant, the population each
        side counts: the budget's own figure, or its revenue divided by the rate when
        that is a whole number. It explains itself (:meth:`RevenueCheck.explain`).

        >>> from sodertorn import annual_fees, load_plan
        >>> check = load_plan(2019).budget.check_revenue(annual_fees(2019))
        >>> check.stated, check.assessed, check.difference
        (SEK(1977400), SEK(1984804), SEK(-7404))
        >>> check.counted, check.assessed_population, check.population_difference
        (494350, 496201, -1851)
        >>> load_plan(2019).budget.check_revenue(2019)
        Traceback (most recent call last):
        ...
        sodertorn.PlanError: invalid assessment 2019; expected a FeeAssessment (see annual_fees)
        """
        if not isinstance(assessment, FeeAssessment):
            raise PlanError(
                f"invalid assessment {assessment!r}; expected a FeeAssessment (see annual_fees)"
            )
        comparable = (
            self.rate is not None
            and isinstance(assessment.rule, PerCapitaRule)
            and assessment.rule.rate == self.rate
        )
        counted: int | None = None
        if comparable and self.rate is not None:
            if self.population is not None:
                counted = self.population
            else:
                ratio = self.total_revenue / self.rate
                counted = ratio.numerator if ratio.denominator == 1 else None
        return RevenueCheck(
            year=assessment.year,
            stated=self.total_revenue,
            approximate=any(line.approximate for line in self.revenue),
            assessed=assessment.total,
            rate=self.rate if comparable else None,
            counted=counted,
            assessed_population=sum(line.population for line in assessment.lines),
            note=self.note,
        )


@attrs.frozen(kw_only=True)
class RevenueCheck:
    """A budget's stated revenue beside the fees assessed for its year (§ 8).

    *stated* is the budget's revenue (*approximate* if the plan says "ca"), *assessed*
    the assessment's total. *rate*, *counted* and *assessed_population* are there when
    both sides charge the same rate per inhabitant: *counted* is the population the
    stated revenue pays for (``None`` if the budget does not say and the revenue is not
    a whole multiple of the rate), *assessed_population* the count the fees use, on 31
    December of the year before. *note* is the budget's own note, which often says why.

    Made by :meth:`Budget.check_revenue` and :meth:`Plan.revenue_check`.
    """

    __module__ = "sodertorn.programme"

    year: int
    stated: SEK
    approximate: bool
    assessed: SEK
    rate: SEK | None = None
    counted: int | None = None
    assessed_population: int | None = None
    note: str | None = None

    @property
    def difference(self) -> SEK:
        """Stated minus assessed: negative when the budget expects less than the fees bring."""
        return self.stated - self.assessed

    @property
    def matches(self) -> bool:
        """Whether the stated revenue equals the assessed fees to the öre."""
        return self.difference == SEK(0)

    @property
    def population_difference(self) -> int | None:
        """*counted* minus *assessed_population*, when both are known."""
        if self.counted is None or self.assessed_population is None:
            return None
        return self.counted - self.assessed_population

    @property
    def population_date(self) -> datetime.date:
        """The day the assessed population refers to: 31 December before the fee year."""
        return reference_date(self.year - 1)

    def reasons(self) -> tuple[Reason, ...]:
        """The comparison step by step, each citing the fee paragraph (§ 8).

        The revenue against the fees; where both count inhabitants at the same rate,
        the populations. The budget's own note is not a reason: :meth:`explain` adds it.

        >>> from sodertorn import load_plan
        >>> head, counts = load_plan(2019).revenue_check().reasons()
        >>> head.template, dict(head.values)["difference"]
        ('The stated revenue, {stated}, is {difference} less than the fees assessed for {year}, {assessed}.', SEK(7404))
        >>> dict(counts.values)["counted"], counts.section
        (Count(value=494350), '§ 8')
        """
        stated: object = self.stated
        if self.approximate:
            stated = Reason("§ 8", message("≈ {amount}"), amount=self.stated)
        values = {
            "stated": stated,
            "assessed": self.assessed,
            "difference": abs(self.difference),
            "year": self.year,
        }
        if self.matches:
            head = message(
                "The stated revenue, {stated}, equals the fees assessed for {year}, {assessed}."
            )
        elif self.difference < SEK(0):
            head = message(
                "The stated revenue, {stated}, is {difference} less than the fees assessed "
                "for {year}, {assessed}."
            )
        else:
            head = message(
                "The stated revenue, {stated}, is {difference} more than the fees assessed "
                "for {year}, {assessed}."
            )
        found = [Reason("§ 8", head, **values)]
        if self.rate is not None and self.counted is not None:
            counts = {
                "rate": self.rate,
                "counted": Count(self.counted),
                "assessed": Count(self.assessed_population or 0),
                "date": self.population_date,
                "difference": Count(abs(self.population_difference or 0)),
            }
            if self.population_difference == 0:
                line = plural(
                    "At {rate} per inhabitant both count {counted} inhabitant ({date}).",
                    "At {rate} per inhabitant both count {counted} inhabitants ({date}).",
                    count="counted",
                )
            else:
                line = plural(
                    "At {rate} per inhabitant the stated revenue pays for {counted} "
                    "inhabitant; the fees count {assessed} ({date}), a difference of "
                    "{difference}.",
                    "At {rate} per inhabitant the stated revenue pays for {counted} "
                    "inhabitants; the fees count {assessed} ({date}), a difference of "
                    "{difference}.",
                    count="counted",
                )
            found.append(Reason("§ 8", line, **counts))
        return tuple(found)

    def explain(self, lang: str = "sv") -> str:
        """The comparison in words, in Swedish or English: the :meth:`reasons` and the note.

        >>> from sodertorn import load_plan
        >>> print(load_plan(2024).revenue_check().explain("en"))
        The stated revenue, SEK 2,083,296, equals the fees assessed for 2024, SEK 2,083,296.
        (Samarbetsavtal 2010, § 8)
        At SEK 4 per inhabitant both count 520,824 inhabitants (31 December 2023).
        (Samarbetsavtal 2010, § 8)
        Budget note: Avgift 4 kr per invånare enligt samarbetskommitténs beslut 2017-02-02
        """
        lang = check_language(lang)
        lines = [reason.text(lang) for reason in self.reasons()]
        if self.note is not None:
            lines.append(gettext("Budget note: {note}", lang).format(note=self.note))
        return "\n".join(lines)
