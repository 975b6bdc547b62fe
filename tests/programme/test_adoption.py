"""Adoption records and the three-valued in_force."""

from __future__ import annotations

import datetime

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sodertorn import (
    MUNICIPALITIES,
    GoalTreeError,
    SodertornDeprecationWarning,
    UndecidedError,
    load_programme,
    municipality,
)
from sodertorn.programme import AdoptionRecord, Answer, InForce, in_force
from sodertorn.reasons import Reason
from sodertorn.testing import adoption_records, days, programmes

D = datetime.date


def test_sup2040_is_in_force_once_the_sources_say_all_eight_adopted_it() -> None:
    sup = load_programme("sup2040")
    result = sup.in_force(D(2024, 1, 16))
    assert result.answer is Answer.YES
    assert bool(result) is True
    assert result.explain("en") == "adopted by all 8 parties (SUP 2040)"
    assert result.explain() == "antaget av samtliga 8 parter (SUP 2040)"


def test_sup2040_during_2023_is_unknown_never_a_guess() -> None:
    result = load_programme("sup2040").in_force(D(2023, 6, 1))
    assert result.answer is Answer.UNKNOWN
    assert set(result.unrecorded) == set(MUNICIPALITIES)
    assert result.not_adopted == ()
    with pytest.raises(UndecidedError, match="the answer is 'unknown'") as caught:
        bool(result)
    assert isinstance(caught.value, TypeError)


def test_nynashamn_record_is_kept_as_the_source_gives_it() -> None:
    records = [
        r
        for r in load_programme("sup2040").adoptions
        if r.party == municipality("Nynäshamn") and r.reference
    ]
    assert [r.reference for r in records] == ["KS § 55/23 (KS/2023/0052/106)"]
    assert records[0].date is None
    assert (records[0].earliest, records[0].latest) == (D(2023, 1, 1), D(2023, 12, 31))


def test_outside_the_period_or_before_the_decision_is_no() -> None:
    sup = load_programme("sup2040")
    assert sup.in_force(D(2022, 12, 31)).answer is Answer.NO
    early = sup.in_force(D(2023, 1, 11))
    assert early.answer is Answer.NO
    assert bool(early) is False
    assert "before the committee's decision on 12 January 2023" in early.explain("en")
    assert "är före samarbetskommitténs beslut den 12 januari 2023" in early.explain()


def test_on_the_day_of_the_decision_the_records_answer() -> None:
    result = load_programme("sup2040").in_force(D(2023, 1, 12))
    assert result.answer is Answer.UNKNOWN
    assert result.explain("en") == (
        "no adoption on record by 12 January 2023 for Huddinge, Botkyrka, Salem, Haninge, "
        "Tyresö, Nykvarn, Södertälje and Nynäshamn (SUP 2040)"
    )


@pytest.mark.parametrize(
    ("name", "day", "parties", "answer", "english"),
    [
        (
            "sup2040",
            D(2022, 12, 31),
            None,
            Answer.NO,
            "31 December 2022 is outside the period 2023–2026 (SUP 2040)",
        ),
        (
            "sup2040",
            D(2023, 1, 11),
            None,
            Answer.NO,
            "11 January 2023 is before the committee's decision on 12 January 2023 (SUP 2040)",
        ),
        ("sup2013", D(2013, 4, 1), ["Tyresö"], Answer.NO, "not yet adopted by Tyresö (SUP 2013)"),
        (
            "sup2035",
            D(2021, 6, 1),
            ["Salem"],
            Answer.UNKNOWN,
            "no adoption on record by 1 June 2021 for Salem (SUP 2035)",
        ),
        ("sup2040", D(2024, 1, 16), None, Answer.YES, "adopted by all 8 parties (SUP 2040)"),
        (
            "sup2013",
            D(2024, 6, 1),
            None,
            Answer.NO,
            "replaced by SUP 2035; SUP 2040, which follows it, was in force by 1 June 2024 "
            "(SUP 2013)",
        ),
    ],
)
def test_every_answer_names_its_programme_and_day(
    name: str, day: datetime.date, parties: list[str] | None, answer: Answer, english: str
) -> None:
    chosen = None if parties is None else [municipality(p) for p in parties]
    result = load_programme(name).in_force(day, parties=chosen)
    assert (result.programme, result.day, result.answer) == (name, day, answer)
    assert result.explain("en") == english


def test_sup2035_only_tyreso_on_record() -> None:
    result = load_programme("sup2035").in_force(D(2020, 6, 1))
    assert result.answer is Answer.UNKNOWN
    assert municipality("Tyresö") not in result.unrecorded
    assert len(result.unrecorded) == 7


def test_sup2013_tyreso_adopted_on_a_known_day() -> None:
    sup = load_programme("sup2013")
    (record,) = sup.adoptions
    assert record.date == D(2013, 4, 29)
    before = sup.in_force(D(2013, 4, 1), parties=[municipality("Tyresö")])
    after = sup.in_force(D(2013, 5, 1), parties=[municipality("Tyresö")])
    assert (before.answer, after.answer) == (Answer.NO, Answer.YES)
    assert before.not_adopted == (municipality("Tyresö"),)
    assert "not yet adopted by Tyresö" in before.explain("en")


def test_only_executive_board_records_count() -> None:
    sup = load_programme("sup2013")
    council = AdoptionRecord(
        party=municipality("Salem"), body="kommunfullmäktige", date=D(2013, 1, 1), source="x"
    )
    changed = attrs.evolve(sup, adoptions=(council,))
    assert changed.in_force(D(2014, 1, 1), parties=[municipality("Salem")]).answer is Answer.UNKNOWN


@given(adoption_records(), days())
def test_a_record_is_monotone_in_time(record: AdoptionRecord, day: datetime.date) -> None:
    answer = record.adopted_by(day)
    if answer is True:
        assert record.adopted_by(day + datetime.timedelta(days=1)) is True
    if answer is False:
        assert record.adopted_by(day - datetime.timedelta(days=1)) is False


@given(programmes(), days())
def test_in_force_says_yes_only_when_every_party_is_on_record(programme, day) -> None:  # type: ignore[no-untyped-def]
    result = in_force(programme, day)
    if result.answer is Answer.YES:
        for party in MUNICIPALITIES:
            assert any(
                r.party == party and r.body == "kommunstyrelsen" and r.adopted_by(day)
                for r in programme.adoptions
            )
    if result.answer is Answer.UNKNOWN:
        assert result.unrecorded


@given(programmes(), days())
def test_every_answer_explains_itself_with_a_reason_citing_the_programme(programme, day) -> None:  # type: ignore[no-untyped-def]
    result = in_force(programme, day)
    (reason,) = result.reasons
    assert isinstance(reason, Reason)
    assert (reason.source, reason.section) == (programme.short_name, "")
    for lang in ("sv", "en"):
        assert result.explain(lang) == reason.text(lang)
        assert result.explain(lang).endswith(f" ({programme.short_name})")
    assert result.explain() == result.explain("sv")
    # Every answer has a Swedish text of its own; dates and names may be the same.
    assert result.explain("sv") != result.explain("en")
    for party in result.not_adopted + result.unrecorded:
        assert party.name in result.explain("sv")
        assert party.name in result.explain("en")


def test_the_reasons_are_data_in_both_languages() -> None:
    haninge, salem = municipality("Haninge"), municipality("Salem")
    result = load_programme("sup2013").in_force(D(2013, 5, 1), parties=[haninge, salem])
    (reason,) = result.reasons
    assert reason.template == "no adoption on record by {day} for {names}"
    assert dict(reason.values) == {"day": D(2013, 5, 1), "names": (haninge, salem)}
    assert result.explain("en") == (
        "no adoption on record by 1 May 2013 for Salem and Haninge (SUP 2013)"
    )
    assert result.explain("sv") == (
        "inget antagande registrerat senast den 1 maj 2013 för Salem och Haninge (SUP 2013)"
    )
    before = load_programme("sup2013").in_force(D(2013, 4, 1), parties=[municipality("Tyresö")])
    assert before.explain() == "ännu inte antaget av Tyresö (SUP 2013)"


def test_one_party_is_one_party() -> None:
    result = load_programme("sup2013").in_force(D(2013, 5, 1), parties=[municipality("Tyresö")])
    assert result.explain("en") == "adopted by its only party (SUP 2013)"
    assert result.explain("sv") == "antaget av den enda parten (SUP 2013)"


def test_reason_is_deprecated_and_says_what_it_said() -> None:
    result = load_programme("sup2040").in_force(D(2027, 1, 1))
    with pytest.warns(SodertornDeprecationWarning, match=r"InForce\.reason is deprecated"):
        assert result.reason == "1 January 2027 is outside the period 2023–2026"


def test_an_answer_made_with_a_reason_text_still_explains_itself() -> None:
    with pytest.warns(SodertornDeprecationWarning, match=r"InForce\(reason=\.\.\.\)") as caught:
        made = InForce(programme="p", day=D(2024, 1, 1), answer=Answer.YES, reason="adopted")
    assert caught[0].filename == __file__
    assert made.explain("sv") == made.explain("en") == "adopted"
    with pytest.warns(SodertornDeprecationWarning):
        assert made.reason == "adopted"
    with pytest.raises(GoalTreeError, match="invalid reasons 'adopted'"):
        InForce(programme="p", day=D(2024, 1, 1), answer=Answer.YES, reasons="adopted")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"party": "Salem"}, "invalid adopting party 'Salem'; expected a Municipality"),
        ({"body": ""}, "invalid adopting body ''"),
        ({"source": " "}, "invalid adoption source ' '"),
        ({"reference": ""}, "invalid adoption reference ''"),
        ({"date": "2023-01-01"}, "invalid adoption date '2023-01-01'"),
        (
            {"date": D(2023, 1, 1), "latest": D(2023, 2, 1)},
            "has a date 2023-01-01 and a window; expected one or the other",
        ),
    ],
)
def test_bad_records_are_refused(fields: dict[str, object], message: str) -> None:
    base: dict[str, object] = {"party": municipality("Salem"), "source": "s"}
    with pytest.raises(GoalTreeError) as caught:
        AdoptionRecord(**{**base, **fields})  # type: ignore[arg-type]
    assert message in str(caught.value)


@given(st.sampled_from(["2024-01-01", datetime.datetime(2024, 1, 1), None]))
def test_in_force_wants_a_day(day: object) -> None:
    with pytest.raises(GoalTreeError, match=r"expected a datetime\.date"):
        in_force(load_programme("sup2040"), day)  # type: ignore[arg-type]


def test_in_force_wants_municipalities() -> None:
    with pytest.raises(GoalTreeError, match="invalid party 'Salem'; expected a Municipality"):
        load_programme("sup2040").in_force(D(2024, 1, 1), parties=["Salem"])  # type: ignore[list-item]


def test_in_force_wants_at_least_one_party() -> None:
    with pytest.raises(GoalTreeError) as info:
        load_programme("sup2040").in_force(D(2024, 1, 1), parties=[])
    assert str(info.value) == "no parties given; expected at least one Municipality"


def test_an_empty_window_is_refused() -> None:
    with pytest.raises(GoalTreeError, match="adoption window for Salem is empty: earliest"):
        AdoptionRecord(
            party=municipality("Salem"), source="s", earliest=D(2024, 1, 2), latest=D(2024, 1, 1)
        )
