"""The yearly report: every goal, its activities and statuses, the gaps, indicators, budget."""

from __future__ import annotations

import collections
import io
import json
import sys
from decimal import Decimal
from html import escape
from typing import TYPE_CHECKING

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sodertorn import FollowUpError, LocaleError, load_plan
from sodertorn.programme import (
    Direction,
    FollowUp,
    Indicator,
    Indicators,
    IndicatorValue,
    Measure,
    Text,
    YearReport,
)
from sodertorn.programme.report import report
from sodertorn.testing import follow_ups, plans

if TYPE_CHECKING:
    from collections.abc import Callable
from .test_followup import PLAN, filled_csv

# Example indicator figures, made up for the tests; they describe nothing real.
EXAMPLE = Indicators(
    indicators=[
        Indicator(
            id="laddpunkter",
            goal="klimatomstallning.laddinfrastruktur",
            name=Text("Publika laddpunkter", en="Public charging points"),
            unit="st",
            source="Exempelkälla",
            direction=Direction.INCREASE,
            baseline=Measure(year=2022, value=100),
            target=Measure(year=2026, value=Decimal(200)),
        ),
        Indicator(
            id="restid",
            goal="tillganglighet",
            name=Text("Restid"),
            unit="min",
            source="Exempelkälla",
            direction=Direction.DECREASE,
            baseline=Measure(year=2022, value=Decimal("42.5")),
        ),
        Indicator(
            id="utan-varde",
            goal="tillganglighet",
            name=Text("Utan värde"),
            unit="%",
            source="Exempelkälla",
            direction=Direction.INCREASE,
        ),
    ],
    values=[
        IndicatorValue(indicator="laddpunkter", year=2024, value=150, source="Exempel 2024"),
        IndicatorValue(indicator="restid", year=2024, value=Decimal("45"), source="Exempel"),
        IndicatorValue(indicator="restid", year=2023, value=Decimal("40"), source="Exempel"),
    ],
)


def yearly(lang: str = "sv", indicators: Indicators | None = None) -> YearReport:
    return report(PLAN, FollowUp.from_csv(filled_csv(), PLAN), indicators=indicators, lang=lang)


def test_markdown_in_swedish() -> None:
    text = yearly().to_markdown()
    lines = text.splitlines()
    assert lines[0] == "# Årsredovisning 2024: Verksamhetsplan och budget 2024 (SUP 2040)"
    assert "## Fokusområde: Infrastruktur" in lines
    assert (
        "### Övergripande mål: En tillgänglig och hållbar infrastruktur bidrar till ett "
        "välmående näringsliv, motverkar segregation och skapar en gemensam arbetsmarknad på "
        "Södertörn" in lines
    )
    assert "##### Delmål: Heltäckande och god laddinfrastruktur på Södertörn" in lines
    assert "*Nätverk: Nätverket för klimatstrategier*" in lines
    assert (
        "| Lämna in ett Södertörnsgemensamt yttrande på samrådsförslaget till ny RUFS "
        "(`rufs-yttrande`) | genomförd, 29 november 2024 | Inlämnat till regionen |"
    ) in lines
    assert (
        "| Bevaka frågan om elförsörjning och elkapacitet (`elforsorjning`) | inställd, "
        "30 september 2024 | Ingår i REST |"
    ) in lines
    assert any(
        "(`rufs-samverkansformer`); fortsätter från 2023 | ingen uppgift |" in line
        for line in lines
    )
    assert "## Aktiviteter utan uppgift" in lines
    assert "- `rufs-presentation`" in lines
    assert "## Mål utan aktivitet" in lines
    assert lines[lines.index("## Mål utan aktivitet") + 2] == "Inga."
    assert "## Förs över till nästa år (inte genomförda, inte inställda)" in lines
    assert "- `inriktningsunderlag`" in lines
    assert "## Budget och avgifter" in lines
    assert "Budgeterade intäkter, 2\xa0083\xa0296\xa0kr, är lika med avgifterna" in text
    for english in ("no information", "Activity", "Carried over", "done,"):
        assert english not in text


def test_markdown_in_english() -> None:
    text = yearly("en").to_markdown()
    lines = text.splitlines()
    assert lines[0] == "# Yearly report 2024: Activity plan and budget 2024 (SUP 2040)"
    assert "## Focus area: Infrastructure" in lines
    assert "*Network: the network for climate strategies*" in lines
    assert "| Activity | Status | Comment |" in lines
    assert any("(`rufs-yttrande`) | done, 29 November 2024 |" in line for line in lines)
    assert any("(`inriktningsunderlag`) | postponed, 14 June 2024 |" in line for line in lines)
    assert any("; continues from 2023 | no information |" in line for line in lines)
    assert "## Activities without a status" in lines
    assert "## Goals without an activity" in lines
    assert lines[lines.index("## Goals without an activity") + 2] == "None."
    assert "## Carried over into next year (not done, not cancelled)" in lines
    assert "The stated revenue, SEK 2,083,296, equals the fees assessed for 2024" in text
    for swedish in ("ingen uppgift", "genomförd", "Aktivitet", "Mål utan"):
        assert swedish not in text


def test_the_report_value_lists_the_gaps() -> None:
    result = yearly()
    assert result.year == 2024
    assert [a.id for a in result.without_status] == [
        "rufs-samverkansformer",
        "rufs-presentation",
        "fossilfritt-2030",
        "rufs-klimat",
        "rufs-infrastruktur",
        "infrastrukturunderlag",
        "pagaende-projekt",
        *(f"kommunikation-{n}" for n in range(1, 10)),
    ]
    assert result.goals_without_activity == ()
    assert "rufs-yttrande" not in {a.id for a in result.carried_over}
    assert "inriktningsunderlag" in {a.id for a in result.carried_over}
    assert result.revenue is not None and result.revenue.matches


def test_text_and_html() -> None:
    text = str(yearly())
    assert text.startswith("Årsredovisning 2024: Verksamhetsplan och budget 2024 (SUP 2040)\n")
    assert "Aktiviteter utan uppgift: rufs-samverkansformer, rufs-presentation, " in text
    assert "kommunikation-8 och kommunikation-9." in text
    assert "Mål utan aktivitet: inga." in text
    html = yearly().to_html(lang="en")
    assert html.startswith('<div class="sodertorn-report"><h2>Yearly report 2024')
    assert "<code>rufs-yttrande</code>" in html and html.endswith("</div>")
    assert yearly()._repr_html_() == yearly().to_html()


def test_indicators_against_baseline_and_target() -> None:
    sv = yearly(indicators=EXAMPLE).to_markdown()
    assert (
        "- Publika laddpunkter: 150 st år 2024 (källa: Exempel 2024); utgångsvärde 100 st (2022); "
        "målvärde 200 st (2026); bättre än utgångsvärdet; högre är bättre"
    ) in sv.splitlines()
    assert (
        "- Restid: 45 min år 2024 (källa: Exempel); utgångsvärde 42,5 min (2022); sämre än "
        "utgångsvärdet; lägre är bättre"
    ) in sv.splitlines()
    assert "- Utan värde: inget värde för 2024; högre är bättre" in sv.splitlines()
    en = yearly("en", EXAMPLE).to_text()
    assert (
        "Indicator: Public charging points: 150 st in 2024 (source: Exempel 2024); baseline 100 st "
        "(2022); target 200 st (2026); better than the baseline; higher is better"
    ) in en
    same = Indicators(
        indicators=[EXAMPLE.indicators[1]],
        values=[IndicatorValue(indicator="restid", year=2024, value=Decimal("42.50"), source="x")],
    )
    assert "same as the baseline" in yearly("en", same).to_html()


def test_indicators_round_trip_and_refusals() -> None:
    assert Indicators.from_json(EXAMPLE.to_json()) == EXAMPLE
    document = json.loads(EXAMPLE.to_json())
    document["values"][0]["value"] = 150.25  # a JSON number is read exactly
    assert Indicators.from_json(json.dumps(document)).values[0].value == Decimal("150.25")
    changes: list[tuple[dict[str, object], str]] = [
        ({"schema": "x"}, "not an indicators document"),
        ({"x": 1}, r"unknown key \['x'\]"),
        (
            {"values": [{"indicator": "okand", "year": 2024, "value": "1", "source": "s"}]},
            "unknown indicator 'okand'",
        ),
        (
            {"values": [{"indicator": "restid", "year": 2024, "value": "ett", "source": "s"}]},
            r"values\[0\]: invalid number 'ett'",
        ),
        (
            {"values": [{"indicator": "restid", "year": 2024, "value": "NaN", "source": "s"}]},
            "expected a finite number",
        ),
        (
            {"indicators": [{"id": "a", "direction": "up"}]},
            r"indicators\[0\]: invalid direction 'up'",
        ),
        (
            {"indicators": [{"id": "a", "direction": "increase", "name": ""}]},
            r"indicators\[0\]: invalid Swedish text",
        ),
        ({"indicators": "x"}, "invalid indicators 'x'; expected a list"),
    ]
    for change, message in changes:
        with pytest.raises(FollowUpError, match=message):
            Indicators.from_json(json.dumps({**document, **change}), source="ind.json")
    with pytest.raises(FollowUpError, match="not a JSON indicators document"):
        Indicators.from_json("{")
    with pytest.raises(FollowUpError, match="two values of 'restid' for 2024"):
        Indicators(indicators=EXAMPLE.indicators, values=[*EXAMPLE.values, EXAMPLE.values[1]])
    with pytest.raises(FollowUpError, match="unknown indicator 'x'"):
        EXAMPLE.value("x", 2024)


def test_refusals() -> None:
    with pytest.raises(FollowUpError, match="invalid follow-up None; expected a FollowUp"):
        report(PLAN, None)  # type: ignore[arg-type]
    with pytest.raises(FollowUpError, match="invalid plan 'plan'; expected a Plan"):
        report("plan", FollowUp(plan=PLAN))  # type: ignore[arg-type]
    with pytest.raises(FollowUpError, match="the follow-up is of the 2019 plan"):
        report(PLAN, FollowUp(plan=load_plan(2019)))
    with pytest.raises(FollowUpError, match="invalid indicators"):
        report(PLAN, FollowUp(plan=PLAN), indicators=[])  # type: ignore[arg-type]
    elsewhere = Indicators(
        indicators=[
            Indicator(
                id="x",
                goal="infrastruktur",
                name=Text("x"),
                unit="st",
                source="s",
                direction=Direction.INCREASE,
            )
        ]
    )
    with pytest.raises(
        FollowUpError, match="indicator 'x' measures 'infrastruktur', which is not a goal"
    ):
        report(PLAN, FollowUp(plan=PLAN), indicators=elsewhere)
    with pytest.raises(LocaleError):
        report(PLAN, FollowUp(plan=PLAN), lang="fi")


def test_the_plan_method_is_the_function() -> None:
    follow_up = FollowUp.from_csv(filled_csv(), PLAN)
    assert PLAN.report(follow_up, lang="en") == report(PLAN, follow_up, lang="en")


def test_a_plan_with_no_budget_or_no_fees() -> None:
    no_budget = attrs.evolve(PLAN, budget=None)
    result = report(no_budget, FollowUp(plan=no_budget), lang="en")
    assert result.revenue is None and "The plan has no budget." in result.to_text()
    early = attrs.evolve(PLAN, year=2005, activities=[])
    text = report(early, FollowUp(plan=early), lang="en").to_markdown()
    assert "The fees of 2005 cannot be assessed from the population data." in text
    assert "- Overarching goal:" in text  # every goal is without an activity
    assert "None." in text


# -- properties ---------------------------------------------------------------------------


@given(st.data())
def test_the_report_names_every_activity_exactly_once(data: st.DataObject) -> None:
    plan = data.draw(st.sampled_from([PLAN, load_plan(2019)]) | plans())
    follow_up = data.draw(follow_ups(plan))
    result = report(plan, follow_up, lang=data.draw(st.sampled_from(["sv", "en"])))
    named = collections.Counter(
        line.activity.id for section in result.sections for line in section.activities
    )
    assert named == collections.Counter(activity.id for activity in plan.activities)
    for section in result.sections:
        for line in section.activities:
            assert line.activity.goal == section.node.id
            assert line.status == follow_up.last(line.activity.id)
    assert [s.node.id for s in result.sections] == [n.id for n in plan.tree.walk()]


@given(st.data())
def test_the_rendered_2024_report_names_every_activity_once(data: st.DataObject) -> None:
    follow_up = data.draw(follow_ups(PLAN))
    lang = data.draw(st.sampled_from(["sv", "en"]))
    result = report(PLAN, follow_up, lang=lang)
    renderings: list[tuple[str, Callable[[str], str]]] = [
        (result.to_markdown(), str),
        (result.to_text(), str),
        (result.to_html(), escape),
    ]
    for text, shown in renderings:
        for activity in PLAN.activities:
            assert activity.text.en is not None
            assert text.count(shown(activity.text.get(lang))) == 1
            assert text.count(shown(activity.text.sv if lang == "en" else activity.text.en)) == 0
    assert len(result.without_status) == len(
        {a.id for a in PLAN.activities} - {e.activity for e in follow_up.statuses}
    )


def test_a_workbook_in_swedish_with_indicators() -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.load_workbook(io.BytesIO(yearly(indicators=EXAMPLE).to_xlsx()))
    assert book.sheetnames == ["Aktiviteter", "Indikatorer", "Budget och avgifter"]
    rows = list(book["Indikatorer"].iter_rows(values_only=True))
    assert rows[0] == ("Mål", "Indikator", "Enhet", "2024", "Källa", "Utgångsvärde", "Målvärde")
    assert rows[1][1:] == ("Publika laddpunkter", "st", 150, "Exempel 2024", 100, 200)
    assert rows[3][1:4] == ("Utan värde", "%", None)
    budget = [row[0] for row in book["Budget och avgifter"].iter_rows(values_only=True)]
    assert budget[0].startswith("Budgeterade intäkter")


def test_without_openpyxl_the_workbook_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(FollowUpError, match="the xlsx format needs openpyxl; install the 'excel'"):
        yearly().to_xlsx()


def test_indicator_table_round_trip_and_refusals() -> None:
    table = EXAMPLE.to_csv()
    lines = table.splitlines()
    assert lines[0] == (
        "id,goal,name,name_en,unit,source,direction,baseline_year,baseline,target_year,target,"
        "year,value,value_source"
    )
    assert lines[-1] == "utan-varde,tillganglighet,Utan värde,,%,Exempelkälla,increase,,,,,,,"
    again = Indicators.from_csv(table)
    assert again.indicators == EXAMPLE.indicators
    assert set(again.values) == set(EXAMPLE.values)
    swedish = table.replace(",", ";").replace("42.5", "42,5")
    assert Indicators.from_csv(swedish).indicators == EXAMPLE.indicators
    header = lines[0]
    for row, message in [
        (
            "restid,tillganglighet,Restid,,min,Exempelkälla,decrease,2022,42.5,,,2024,1,x",
            "line 3: two values of 'restid' for 2024",
        ),
        (
            "restid,tillganglighet,Restid,,h,Exempelkälla,decrease,2022,42.5,,,2025,1,x",
            "line 3: indicator 'restid' differs from its earlier row",
        ),
        ("x,tillganglighet,X,,h,Exempel,upp,,,,,,,", "line 3: invalid direction 'upp'"),
        ("x,tillganglighet,,,h,Exempel,increase,,,,,,,", "line 3: invalid Swedish text"),
        (
            "x,tillganglighet,X,,h,Exempel,increase,tjugo,1,,,,,",
            "line 3: invalid baseline_year 'tjugo'",
        ),
        (
            "x,tillganglighet,X,,h,Exempel,increase,,,,,2024,1.5.1,x",
            "line 3: invalid number '1.5.1'",
        ),
        ("x,tillganglighet,X,,h,Exempel,increase", "line 3: 7 fields; expected 14"),
    ]:
        first = (
            "restid,tillganglighet,Restid,,min,Exempelkälla,decrease,2022,42.5,,,2024,45,Exempel"
        )
        with pytest.raises(FollowUpError, match=message):
            Indicators.from_csv("\n".join([header, first, row]), source="ind.csv")
    with pytest.raises(FollowUpError, match="line 1: invalid header"):
        Indicators.from_csv("id,goal\n")
    with pytest.raises(FollowUpError, match="invalid indicator file None"):
        Indicators.from_csv(None)  # type: ignore[arg-type]
