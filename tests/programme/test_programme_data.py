"""The shipped programme data against the sources (../shared/seeds), item by item."""

from __future__ import annotations

import datetime

import pytest

from sodertorn import (
    MUNICIPALITIES,
    SEK,
    Programme,
    load_plan,
    load_programme,
    municipality,
    programme_names,
)
from sodertorn.cli import main
from sodertorn.i18n import catalogue
from sodertorn.programme import CalendarKind, NodeKind, Text, goals_text

D = datetime.date


def _texts(programme: Programme) -> list[Text]:
    texts = [programme.name, programme.vision, *programme.themes]
    texts += [t for t in (programme.vision_title, programme.purpose) if t is not None]
    texts += [network.name for network in programme.networks]
    for node in programme.nodes:
        texts += [node.text] + ([node.title] if node.title is not None else [])
    for contribution in programme.contributions:
        texts += [contribution.plan, *contribution.goals]
    return texts


@pytest.mark.parametrize("name", programme_names())
def test_every_text_of_every_programme_has_an_english_translation(name: str) -> None:
    missing = [text.sv for text in _texts(load_programme(name)) if text.en is None]
    assert not missing


@pytest.mark.parametrize("name", programme_names())
def test_the_english_tree_prints_no_swedish_goal_text(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    programme = load_programme(name)
    assert main(["goals", name, "--lang", "en"]) == 0
    out = capsys.readouterr().out
    for node in programme.nodes:
        assert node.text.en is not None
        assert node.text.en in out
        if node.text.sv != node.text.en:
            assert node.text.sv not in out
    assert out.rstrip().endswith(
        "(The English texts are our translation; the programme's own text is Swedish.)"
    )


def test_the_swedish_tree_is_not_marked_as_a_translation() -> None:
    for name in programme_names():
        assert "översättning" not in goals_text(load_programme(name))
        assert "translation" not in goals_text(load_programme(name))


def test_sup2013_has_subject_areas_as_the_2019_plan_calls_them() -> None:
    sup = load_programme("sup2013")
    assert [n.text.sv for n in sup.nodes_of(NodeKind.SUBJECT_AREA)] == [
        "Infrastruktur",
        "Klimat",
        "Näringsliv och högskola",
        "Olikhet och mångfald",
    ]
    assert sup.findings() == ()
    text = goals_text(sup)
    assert "Ämnesområde: Infrastruktur" in text
    assert "Fokusområde" not in text
    assert "Subject area: Infrastructure" in goals_text(sup, "en")
    assert NodeKind.SUBJECT_AREA.level == NodeKind.FOCUS_AREA.level


def test_sup2035_contributes_to_the_three_goals_of_rufs_2050() -> None:
    (rufs,) = load_programme("sup2035").contributions
    assert rufs.plan.sv.startswith("RUFS 2050")
    assert [goal.sv for goal in rufs.goals] == [
        "En resurseffektiv och resilient region utan klimatpåverkande utsläpp",
        "En öppen, jämställd, jämlik och inkluderande region",
        "En ledande tillväxt- och kunskapsregion",
    ]
    text = goals_text(load_programme("sup2035"))
    assert "Bidrar till målen i RUFS 2050" in text
    assert "En ledande tillväxt- och kunskapsregion" in text


def test_sup2035_names_three_conferences_the_third_by_the_finance_directors() -> None:
    conferences = load_programme("sup2035").conferences
    assert [c.name for c in conferences] == [
        "Södertörns Rådslag",
        "Södertörnskonferensen",
        "Temadag för effektiv verksamhetsutveckling",
    ]
    temadag = conferences[2]
    assert temadag.arranged_by == "Nätverket för ekonomidirektörer"
    assert temadag.matches("Temadag Effektiv verksamhetsutveckling")
    assert temadag.note is not None
    assert "Nyckeltalsdagen" in temadag.note
    assert [c.every for c in conferences] == [1, 1, None]


def test_the_2019_conferences_are_in_the_calendar() -> None:
    plan = load_plan(2019)
    entries = plan.meetings(kind=CalendarKind.CONFERENCE)
    assert [(e.start, e.conference, e.host) for e in entries] == [
        (D(2019, 4, 10), "radslaget", municipality("Salem")),
        (D(2019, 9, 25), "sodertornskonferensen", None),
    ]
    assert all(entry.body is None for entry in entries)
    hosts = plan.hosts("Södertörnskonferensen", 2019)
    assert {party.name for party in hosts} == {"Haninge", "Nynäshamn"}
    assert plan.hosts("Rådslaget", 2019) == (municipality("Salem"),)
    assert len(plan.committee_calendar().meetings) == 8


def test_nyckeltalsdagen_is_held_every_other_year_by_the_finance_directors() -> None:
    nyckeltal = load_plan(2019).conference("Nyckeltalsdagen")
    assert (nyckeltal.arranged_by, nyckeltal.every) == ("Ekonomidirektörerna", 2)
    assert [(e.year, e.when) for e in nyckeltal.editions] == [(2019, "hösten 2019")]
    assert not [e for e in load_plan(2019).calendar if e.conference == "nyckeltalsdagen"]
    assert any("Nyckeltalsdagen" in source for source in load_plan(2019).sources)


def test_sodertornskonferensen_after_2022() -> None:
    plan = load_plan(2024)
    konferensen = plan.conference("Södertörnskonferensen")
    assert konferensen.every == 2
    assert konferensen.rotation == ()
    assert konferensen.note is not None
    assert "om inte samarbetskommittén beslutar annat" in konferensen.note
    editions = {edition.year: edition for edition in konferensen.editions}
    assert sorted(editions) == [2023, 2025]
    assert "intern" in (editions[2023].note or "")
    assert editions[2025].when == "våren 2025"
    assert "extern" in (editions[2025].note or "")
    assert any("senast år 2023" in source for source in plan.sources)


def test_the_2024_plan_lists_nine_communication_activities() -> None:
    plan = load_plan(2024)
    outreach = [a for a in plan.activities if a.section == "bilaga 1"]
    assert [a.id for a in outreach] == [f"kommunikation-{n}" for n in range(1, 10)]
    assert all(a.when for a in outreach)
    assert all(a.goal == "overgripande-mal" and a.network is None for a in outreach)
    assert all(a.text.en is not None for a in outreach)
    assert [a.cost_note is not None for a in outreach] == [True] * 7 + [False] * 2
    assert "80 000" in (outreach[3].cost_note or "")
    assert "2025" in (outreach[2].when or "")


def test_the_2024_climate_activities_serve_the_charging_sub_goal() -> None:
    plan = load_plan(2024)
    served = plan.activities_for("klimatomstallning.laddinfrastruktur", below=False)
    assert [a.id for a in served] == ["fossilfritt-2030", "rufs-klimat", "elforsorjning"]
    assert plan.goals_without_activity() == ()


def test_the_2019_action_plan_rows() -> None:
    plan = load_plan(2019)
    by_id = {a.id: a for a in plan.activities}
    assert by_id["naringslivsanalys"].text.sv == (
        "Uppdatera gemensam BISNOD-analys av näringslivet på Södertörn"
    )
    assert by_id["naringslivsutveckling"].cost == SEK(4000)
    trafikverket = by_id["trafikverket"]
    assert trafikverket.goal == "infrastruktur.mal.delmal-1"
    assert "Trafikverket" in trafikverket.text.sv
    assert "ny teknik" in trafikverket.text.sv
    assert trafikverket.when == "Löpande"
    assert [a.id for a in plan.activities_for("infrastruktur.mal.delmal-1")][:3] == [
        "tvar-sodertorn",
        "passage-sodertalje-kanal",
        "trafikverket",
    ]


def test_sup2040_has_one_adoption_record_per_party() -> None:
    records = load_programme("sup2040").adoptions
    assert len(records) == len(MUNICIPALITIES) == 8
    assert {record.party for record in records} == set(MUNICIPALITIES)
    (nynashamn,) = [r for r in records if r.party == municipality("Nynäshamn")]
    assert nynashamn.reference == "KS § 55/23 (KS/2023/0052/106)"


def test_tyreso_reference_is_whole() -> None:
    (record,) = load_programme("sup2035").adoptions
    assert record.reference == "§ 60, Dnr 2019/KS 0260 005"


def test_paragraph_6_says_stor_betydelse() -> None:
    swedish = [text for text in catalogue("sv").values() if "för helheten" in text]
    assert swedish
    assert all("stor betydelse för helheten" in text for text in swedish)


@pytest.mark.parametrize("name", programme_names())
def test_sources_name_what_they_cannot_settle(name: str) -> None:
    sources = " ".join(load_programme(name).sources)
    assert "translation" in sources
