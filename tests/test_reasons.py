"""Reason, the one way a result explains itself: its source, its sentence, its values."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sodertorn import LocaleError, municipality
from sodertorn.i18n import format_number
from sodertorn.reasons import AGREEMENT, Count, Reason, plural
from sodertorn.testing import words

LANGS = st.sampled_from(["sv", "en"])
SECTIONS = st.sampled_from(["", "§ 3", "§ 8", "bilaga 1"])
# Messages of the catalogue, with the values they need.
TEMPLATES = st.sampled_from(
    [
        ("{day} is outside the period {period}", {"day": datetime.date(2027, 1, 1)}),
        ("not yet adopted by {names}", {"names": (municipality("Salem"),)}),
        ("The chair calls the committee's meetings.", {}),
    ]
)


@given(words(), SECTIONS, TEMPLATES, LANGS)
def test_a_cited_reason_ends_with_its_source_and_section(
    source: str, section: str, template: tuple[str, dict[str, object]], lang: str
) -> None:
    message, values = template
    values = {"period": "2023–2026", **values}
    reason = Reason.cited(source, section, message, **values)
    citation = f"{source}, {section}" if section else source
    assert reason.citation == citation
    assert reason.text(lang) == f"{reason.sentence(lang)} ({citation})"
    assert reason.sentence("sv") == Reason("§ 1", message, **values).sentence("sv")


@given(SECTIONS, LANGS)
def test_a_reason_cites_the_agreement_unless_told_otherwise(section: str, lang: str) -> None:
    reason = Reason(section, "The chair calls the committee's meetings.")
    assert reason.source == AGREEMENT
    assert reason.text(lang).endswith(f"({AGREEMENT}, {section})" if section else f"({AGREEMENT})")


@given(st.integers(0, 10**7), LANGS)
def test_a_count_is_grouped_for_the_language_and_chooses_the_form(count: int, lang: str) -> None:
    reason = Reason.cited(
        "SUP 2035", "", plural("{count} focus area", "{count} focus areas"), count=Count(count)
    )
    shown = format_number(count, lang)
    assert reason.sentence(lang).startswith(shown + " ")
    one = reason.sentence(lang).endswith(("focus area", "fokusområde"))
    assert one == (count == 1)


@given(LANGS)
def test_a_reason_given_as_a_value_is_shown_as_its_sentence(lang: str) -> None:
    inner = Reason.cited("SUP 2040", "", plural("{count} goal", "{count} goals"), count=2)
    outer = Reason.cited(
        "SUP 2035",
        "",
        "{where} has {what}; the source says {claimed}",
        where="x",
        what=inner,
        claimed=3,
    )
    assert inner.sentence(lang) in outer.text(lang)
    assert "SUP 2040" not in outer.text(lang)
    assert outer.text("sv") == "x har 2 mål; källan anger 3 (SUP 2035)"
    assert outer.text("en") == "x has 2 goals; the source says 3 (SUP 2035)"


@pytest.mark.parametrize(
    ("arguments", "pattern"),
    [
        (("", "", "x"), "reason source '' is empty"),
        ((" ", "§ 3", "x"), "reason source ' ' is empty"),
        ((None, "", "x"), "reason source None is not a str"),
        (("SUP 2040", 3, "x"), "reason section 3 is not a str"),
        (("SUP 2040", "", 3), "reason template 3 is not a message"),
    ],
)
def test_a_reason_refuses_what_it_cannot_cite_or_say(
    arguments: tuple[object, object, object], pattern: str
) -> None:
    with pytest.raises(LocaleError, match=pattern):
        Reason.cited(*arguments)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [True, 1.5, "3", None])
def test_a_count_is_a_whole_number(value: object) -> None:
    with pytest.raises(LocaleError, match="is not a whole number"):
        Count(value)  # type: ignore[arg-type]
