"""Rendering in text, Markdown and HTML; the loaders."""

from __future__ import annotations

import pytest

from sodertorn import LocaleError, UnknownProgrammeError, load_plan, load_programme, programme_names
from sodertorn.programme import goals_html, goals_markdown, goals_text, plan_html, plan_years


def test_text_tree_in_swedish() -> None:
    text = goals_text(load_programme("sup2040"))
    lines = text.splitlines()
    assert lines[0] == "SUP 2040 – Södertörns utvecklingsprogram 2040 (2023–2026)"
    assert "Vision: Södertörn leder Sveriges starka och hållbara tillväxt" in lines
    assert "Fokusområde: Infrastruktur" in lines
    assert lines[-1].startswith("    Långsiktigt mål: Tillgänglighet – Södertörn – Sveriges")
    assert lines[-1].endswith("[Nätverk: Nätverket för trafikstrategier]")


def test_sup2013_and_sup2035_render_their_own_shapes() -> None:
    text13 = load_programme("sup2013").to_text()
    assert "Vision: Vision 2025 – Södertörn är en attraktiv del" in text13
    assert "    Delmål: Vi förbättrar företagsklimatet på Södertörn" in text13
    text35 = load_programme("sup2035").to_text("en")
    assert "Cross-cutting theme: Sustainable development" in text35
    assert "Focus area group: Regional development" in text35


def test_markdown_is_a_nested_list() -> None:
    markdown = load_programme("sup2040").to_markdown("en")
    assert markdown.startswith("# SUP 2040 – Södertörn development programme 2040 (2023–2026)\n")
    assert "- **Vision:** Södertörn leads Sweden's strong and sustainable growth" in markdown
    assert "    - **Long-term goal:** Accessibility – " in markdown
    assert "(Network: the network for traffic strategies)\n" in markdown
    assert markdown.endswith(
        "\n\n*The English texts are our translation; the programme's own text is Swedish.*\n"
    )
    assert "our translation" not in goals_markdown(load_programme("sup2040"))
    assert goals_markdown(load_programme("sup2040")).count("- **Långsiktigt mål:**") == 2
    assert (
        load_programme("sup2040")
        .to_markdown()
        .startswith("# SUP 2040 – Södertörns utvecklingsprogram 2040 (2023–2026)\n")
    )


def test_html_for_notebooks_escapes_and_nests() -> None:
    sup = load_programme("sup2040")
    html = sup._repr_html_()
    assert html == goals_html(sup, "sv")
    assert html.count("<ul>") == 3
    assert "<strong>Långsiktigt mål:</strong>" in html
    assert "<em>(Nätverk: Nätverket för klimatstrategier)</em>" in html
    assert "Sweden&#x27;s" in goals_html(sup, "en")


def test_plan_html_shows_activities_and_budget() -> None:
    html = load_plan(2024)._repr_html_()
    assert "<strong>Delmål:</strong> Heltäckande och god laddinfrastruktur" in html
    assert "Bevaka frågan om elförsörjning och elkapacitet" in html
    assert "<th>Balans</th><td>0\xa0kr</td>" in html
    assert "<th>Balance</th>" in plan_html(load_plan(2019), "en")


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(LocaleError, match="unsupported language 'de'"):
        load_programme("sup2040").to_markdown("de")


def test_loaders_are_cached_and_forgiving() -> None:
    assert load_programme("sup2040") is load_programme("SUP-2040")
    assert load_plan(2024) is load_plan(2024)
    assert programme_names() == ("sup2013", "sup2035", "sup2040")
    assert plan_years() == (2019, 2024)


@pytest.mark.parametrize("name", [None, 2040, "", "sup", "2041"])
def test_unknown_programmes(name: object) -> None:
    with pytest.raises(UnknownProgrammeError, match="expected one of 'sup2013'") as caught:
        load_programme(name)  # type: ignore[arg-type]
    assert isinstance(caught.value, LookupError)


@pytest.mark.parametrize("year", [2020, True, "2024"])
def test_unknown_plans(year: object) -> None:
    with pytest.raises(UnknownProgrammeError, match="no built-in activity plan for"):
        load_plan(year)  # type: ignore[arg-type]


def test_a_bare_programme_and_plan_render() -> None:
    import attrs

    sup = attrs.evolve(load_programme("sup2040"), purpose=None, decided=None)
    assert "Syfte" not in sup.to_text()
    assert "Beslutat" not in sup.to_text()
    plan = attrs.evolve(load_plan(2019), budget=None)
    assert "<table>" not in plan_html(plan)


def test_body_labels_are_translated() -> None:
    from sodertorn.i18n import gettext
    from sodertorn.programme import CollaborationBody

    labels = [gettext(body.label, "sv") for body in CollaborationBody]
    assert labels == ["Samarbetskommittén", "Ledningsgruppen"]
