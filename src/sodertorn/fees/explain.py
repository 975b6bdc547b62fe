"""The fee assessment for people: the derivation in words, a terminal table, HTML.

Everything here reads a finished assessment and writes text; nothing computes a fee. The
words come from the library's catalogue, Swedish by default (``lang="sv"``) or English.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

import attrs

from sodertorn.fees.banking import payable_by_or_none
from sodertorn.fees.rules import IndexedRule, PerCapitaRule
from sodertorn.i18n import (
    check_language,
    format_date,
    format_exact,
    format_money,
    format_number,
    format_weekday,
    gettext,
    ngettext,
    shown_decimal,
)
from sodertorn.money import Rounding, Unit
from sodertorn.population import PopulationSource, reference_date

if TYPE_CHECKING:
    import datetime
    from collections.abc import Sequence
    from fractions import Fraction

    from sodertorn.fees.rules import FeeRule, IndexStep
    from sodertorn.money import SEK
    from sodertorn.parties import Municipality

__all__ = [
    "Assessed",
    "AssessedLine",
    "View",
    "assessment_html",
    "due_text",
    "explain",
    "notes",
    "table",
]


class AssessedLine(Protocol):
    """The shape of one party's line that the views read."""

    @property
    def party(self) -> Municipality: ...  # noqa: D102
    @property
    def population(self) -> int: ...  # noqa: D102
    @property
    def exact(self) -> Fraction: ...  # noqa: D102
    @property
    def amount(self) -> SEK: ...  # noqa: D102
    @property
    def steps(self) -> tuple[IndexStep, ...]: ...  # noqa: D102


class Assessed(Protocol):
    """The shape of an assessment that the views read."""

    @property
    def year(self) -> int: ...  # noqa: D102
    @property
    def rule(self) -> FeeRule: ...  # noqa: D102
    @property
    def due_date(self) -> datetime.date: ...  # noqa: D102
    @property
    def lines(self) -> Sequence[AssessedLine]: ...  # noqa: D102
    @property
    def exact_total(self) -> Fraction: ...  # noqa: D102
    @property
    def total(self) -> SEK: ...  # noqa: D102
    @property
    def unit(self) -> Unit: ...  # noqa: D102
    @property
    def rounding(self) -> Rounding: ...  # noqa: D102
    @property
    def population_source(self) -> str: ...  # noqa: D102
    def line(self, party: Municipality | str) -> AssessedLine: ...  # noqa: D102


def table(assessment: Assessed, lang: str) -> str:
    """A plain-text table for a terminal: party, population, fee, and the total."""
    check_language(lang)
    header = (
        gettext("Municipality", lang),
        gettext("Population {date}", lang).format(
            date=format_date(reference_date(assessment.year - 1), lang)
        ),
        gettext("Fee {year}", lang).format(year=assessment.year),
    )
    rows = [
        (line.party.name, format_number(line.population, lang), format_money(line.amount, lang))
        for line in assessment.lines
    ]
    rows.append(
        (
            gettext("Total", lang),
            format_number(sum(line.population for line in assessment.lines), lang),
            format_money(assessment.total, lang),
        )
    )
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(3)]

    def render(row: tuple[str, str, str]) -> str:
        return "  ".join(
            [row[0].ljust(widths[0]), row[1].rjust(widths[1]), row[2].rjust(widths[2])]
        )

    rule_line = gettext("Rule: {rule} ({source}). Due {due}.", lang).format(
        rule=assessment.rule.describe(lang),
        source=assessment.rule.source,
        due=format_date(assessment.due_date, lang),
    )
    payable = payable_by_or_none(assessment.due_date)
    if payable is not None and payable != assessment.due_date:
        rule_line += "\n" + due_text(assessment.due_date, lang)
    rule_text = "\n".join([render(header), "  ".join("-" * w for w in widths)])
    body = [render(row) for row in rows[:-1]]
    footer = ["  ".join("-" * w for w in widths), render(rows[-1])]
    return "\n".join([rule_text, *body, *footer, "", rule_line, *source_lines(assessment, lang)])


def source_lines(assessment: Assessed, lang: str) -> list[str]:
    """The footer line naming the population's source, if it has one."""
    source = population_source_text(assessment.population_source, lang, _sources(assessment))
    return [gettext("Population source: {source}.", lang).format(source=source)] if source else []


def assessment_html(assessment: Assessed, lang: str) -> str:
    """The assessment as an HTML table with headers in *lang*, for notebooks and pages."""
    from html import escape  # noqa: PLC0415 - only for HTML

    check_language(lang)
    year = assessment.year
    head = "".join(
        f"<th>{escape(text)}</th>"
        for text in (
            gettext("Code", lang),
            gettext("Municipality", lang),
            gettext("Population {date}", lang).format(
                date=format_date(reference_date(year - 1), lang)
            ),
            gettext("Fee {year}", lang).format(year=year),
        )
    )
    right = " style='text-align:right'"
    body = "".join(
        f"<tr><td>{escape(line.party.code)}</td><td>{escape(line.party.name)}</td>"
        f"<td{right}>{escape(format_number(line.population, lang))}</td>"
        f"<td{right}>{escape(format_money(line.amount, lang))}</td></tr>"
        for line in assessment.lines
    )
    foot = (
        f"<tr><th colspan='2'>{escape(gettext('Total', lang))}</th>"
        f"<th{right}>{escape(format_number(sum(x.population for x in assessment.lines), lang))}"
        f"</th><th{right}>{escape(format_money(assessment.total, lang))}</th></tr>"
        + "".join(
            f"<tr><td colspan='4'>{escape(text)}</td></tr>"
            for text in source_lines(assessment, lang)
        )
    )
    caption = (
        gettext("Fee {year}", lang).format(year=year)
        + f" ({assessment.rule.source}). "
        + due_text(assessment.due_date, lang)
    )
    return (
        f"<table><caption>{escape(caption)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{body}</tbody><tfoot>{foot}</tfoot></table>"
    )


@attrs.frozen
class View:
    """A result in one language for a notebook: shown as HTML, printed as text."""

    html: str
    text: str

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.text


def due_text(due: datetime.date, lang: str) -> str:
    """When to pay, in *lang*: the due date, and the banking day when they differ.

    ``Förfaller 15 mars 2024.`` or ``15 mars 2026 är en söndag; betalning senast måndag
    den 16 mars 2026 är i tid.`` Beyond the banking-day calendar's years only the due date.
    """
    payable = payable_by_or_none(due)
    if payable is None or payable == due:
        return gettext("Due {date}.", lang).format(date=format_date(due, lang))
    if due.weekday() >= 5:
        text = gettext(
            "{due} is a {weekday}; payment by {payable_weekday}, {payable} is on time.", lang
        )
    else:
        text = gettext(
            "{due} is not a banking day ({weekday}); payment by {payable_weekday}, {payable} "
            "is on time.",
            lang,
        )
    return text.format(
        due=format_date(due, lang),
        weekday=format_weekday(due, lang),
        payable_weekday=format_weekday(payable, lang),
        payable=format_date(payable, lang),
    )


def notes(assessment: Assessed, lang: str) -> tuple[tuple[str, str], ...]:
    """The rule, its paragraph, the due date and the population's source, as labelled lines."""
    pairs = [
        (gettext("Rule", lang), assessment.rule.describe(lang)),
        (gettext("Source", lang), assessment.rule.source),
        (gettext("Due date", lang), due_text(assessment.due_date, lang)),
        (
            gettext("Population on", lang),
            format_date(reference_date(assessment.year - 1), lang),
        ),
        (
            gettext("Population source", lang),
            population_source_text(assessment.population_source, lang, _sources(assessment)),
        ),
    ]
    return tuple((label, text) for label, text in pairs if text)


def explain(assessment: Assessed, party: Municipality | str | None, lang: str) -> str:
    """The derivation in words; with *party*, of that party's fee only."""
    check_language(lang)
    if party is not None:
        return "\n".join(_explain_party(assessment, assessment.line(party), lang))
    rule = assessment.rule
    lines = [
        gettext("Fee year {year}", lang).format(year=assessment.year),
        _rule_text(rule, lang),
        ngettext(
            "Population on 31 December {year}: {count} ({n} municipality).",
            "Population on 31 December {year}: {count} ({n} municipalities).",
            len(assessment.lines),
            lang,
        ).format(
            year=assessment.year - 1,
            count=format_number(sum(x.population for x in assessment.lines), lang),
            n=len(assessment.lines),
        ),
    ]
    if assessment.population_source:
        lines.append(
            gettext("Population source: {source}.", lang).format(
                source=population_source_text(
                    assessment.population_source, lang, _sources(assessment)
                )
            )
        )
    lines.append(
        gettext("Exact total: {exact}.", lang).format(
            exact=_money_exact(assessment.exact_total, lang)
        )
    )
    unit = unit_text(assessment.unit, lang)
    step = gettext("one krona", lang) if assessment.unit is Unit.KRONA else gettext("one öre", lang)
    if all(
        (line.exact * 100 / assessment.unit.value).denominator == 1 for line in assessment.lines
    ):
        lines.append(
            gettext("The fees are whole {unit}; no rounding is needed.", lang).format(
                unit=gettext("kronor", lang) if assessment.unit is Unit.KRONA else unit
            )
        )
    else:
        lines.append(_rounding_line(assessment, unit, step, lang))
    for line in assessment.lines:
        lines.append(
            ngettext(
                "{party}: {count} inhabitant, exact {exact}, pays {fee}.",
                "{party}: {count} inhabitants, exact {exact}, pays {fee}.",
                line.population,
                lang,
            ).format(
                party=line.party.name,
                count=format_number(line.population, lang),
                exact=_money_exact(line.exact, lang),
                fee=format_money(line.amount, lang),
            )
        )
    lines.append(
        gettext("Due no later than {date} ({section}).", lang).format(
            date=format_date(assessment.due_date, lang), section="Samarbetsavtal 2010, § 8"
        )
    )
    payable = payable_by_or_none(assessment.due_date)
    if payable is not None and payable != assessment.due_date:
        lines.append(due_text(assessment.due_date, lang))
    return "\n".join(lines)


def population_source_text(source: str, lang: str, sources: Sequence[PopulationSource] = ()) -> str:
    """The population's source in *lang*: from its sources, else the built-in data's text."""
    if sources:
        return "; ".join(s.describe(lang) for s in sources if s.describe(lang))
    return gettext(source, lang)


def _sources(assessment: object) -> tuple[PopulationSource, ...]:
    """The assessment's population sources (an assessment made elsewhere may have none)."""
    return tuple(getattr(assessment, "population_sources", ()))


def _rule_text(rule: FeeRule, lang: str) -> str:
    return gettext("Rule: {rule} ({source}).", lang).format(
        rule=rule.describe(lang), source=rule.source
    )


def _explain_party(assessment: Assessed, line: AssessedLine, lang: str) -> list[str]:
    rule = assessment.rule
    lines = [
        gettext("Fee year {year}: {party}", lang).format(
            year=assessment.year, party=line.party.name
        ),
        _rule_text(rule, lang),
        gettext("Population on 31 December {year}: {count}.", lang).format(
            year=assessment.year - 1, count=format_number(line.population, lang)
        ),
    ]
    source = getattr(line, "source", None)
    if isinstance(source, PopulationSource) and source.describe(lang):
        lines.append(
            gettext("Population source: {source}.", lang).format(source=source.describe(lang))
        )
    lines.extend(derivation_lines(assessment, line, lang))
    lines.append(
        (
            gettext("{party} pays {fee}.", lang)
            if line.exact == line.amount.exact
            else gettext(
                "Rounded total {total} spread by largest remainder; {party} pays {fee}.", lang
            )
            if not _invoiced(rule)
            else gettext("Each fee is rounded on its own, as invoiced; {party} pays {fee}.", lang)
        ).format(
            total=format_money(assessment.total, lang),
            party=line.party.name,
            fee=format_money(line.amount, lang),
        )
    )
    return lines


def derivation_lines(assessment: Assessed, line: AssessedLine, lang: str) -> list[str]:
    """The steps from the inputs to the party's exact fee, one sentence each."""
    rule = assessment.rule
    if isinstance(rule, PerCapitaRule):
        return [
            gettext("Exact fee: {count} × {rate} = {fee}.", lang).format(
                count=format_number(line.population, lang),
                rate=format_money(rule.rate, lang),
                fee=_money_exact(line.exact, lang),
            )
        ]
    first, *later = line.steps
    out = [
        gettext(
            "{year}: {total} × {count} / {base_sum} (population of the parties on 31 December "
            "{base}) → {fee}.",
            lang,
        ).format(
            year=first.year,
            total=format_money(rule.base_total, lang),
            count=format_number(first.after, lang),
            base_sum=format_number(first.base_population or 0, lang),
            base=first.year - 1,
            fee=_money_exact(first.fee, lang),
        )
    ]
    for step in later:
        out.append(
            gettext("{year}: population {before} → {after} ({change} %), fee {fee}.", lang).format(
                year=step.year,
                before=format_number(step.before, lang),
                after=format_number(step.after, lang),
                change=_signed_percent(step.change, lang),
                fee=_money_exact(step.fee, lang),
            )
        )
    return out


def _signed_percent(change: Fraction, lang: str) -> str:
    value = shown_decimal(change * 100, places=2)
    text = format_number(value, lang)
    if value == 0:
        return "±" + text
    return text if value < 0 else "+" + text


def _money_exact(value: Fraction, lang: str) -> str:
    # To the öre, always two decimals where cut, so every exact amount reads alike.
    return format_exact(value, lang, places=2)


def _rounding_line(assessment: Assessed, unit: str, step: str, lang: str) -> str:
    text = (
        gettext(
            "Rounded once to {unit} ({rounding}): {total}; spread over the parties by the "
            "largest remainder method on their exact fees (where remainders are equal, the "
            "lowest municipality code comes first), so the parts sum to the total and no fee "
            "differs from its exact fee by more than {step}.",
            lang,
        )
        if not _invoiced(assessment.rule)
        else gettext(
            "Each party's fee is rounded on its own to {unit} ({rounding}), as invoiced; "
            "the total, {total}, is their sum.",
            lang,
        )
    )
    return text.format(
        unit=unit,
        rounding=rounding_text(assessment.rounding, lang),
        total=format_money(assessment.total, lang),
        step=step,
    )


def _invoiced(rule: FeeRule) -> bool:
    return isinstance(rule, IndexedRule) and rule.chain == "invoiced"


def unit_text(unit: Unit, lang: str) -> str:
    """The unit of rounding in words."""
    return gettext("whole kronor", lang) if unit is Unit.KRONA else gettext("öre", lang)


def rounding_text(rounding: Rounding, lang: str) -> str:
    """The rounding mode in words, naming the statute for the default."""
    if rounding is Rounding.HALF_UP:
        return gettext("statutory rule, Lag (1970:1029) 2 §: 1–49 öre down, 50–99 up", lang)
    return gettext("rounding mode {mode}", lang).format(mode=rounding.value)
