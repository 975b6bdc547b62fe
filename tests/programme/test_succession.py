"""A programme ends when its successor is in force; in_force follows the replaces chain."""

from __future__ import annotations

import datetime

import attrs
import pytest
from hypothesis import given

from sodertorn import GoalTreeError, Programme, load_programme, municipality
from sodertorn.programme import Answer, in_force
from sodertorn.testing import days, programme_chains
from sodertorn.testing._programme import _successor

D = datetime.date


def _programme(
    index: int, *, start: int, end: int | None, adopted: datetime.date | None, window: bool
) -> Programme:
    # The chains of programme_chains() are made of these links.
    return _successor(index, start, end, adopted, window=window)


@given(programme_chains(), days(max_value=D(2012, 12, 31)))
def test_a_programme_is_not_in_force_once_a_later_one_is(
    chain: tuple[Programme, ...], day: datetime.date
) -> None:
    for later in range(1, len(chain)):
        if in_force(chain[later], day, programmes=()).answer is Answer.YES:
            for index, earlier in enumerate(chain[:later]):
                result = in_force(earlier, day, programmes=chain)
                assert result.answer is Answer.NO
                if in_force(earlier, day, programmes=()).answer is not Answer.NO:
                    assert result.replaced_by == chain[index + 1].id


@given(programme_chains(), days(max_value=D(2012, 12, 31)))
def test_successors_only_take_away(chain: tuple[Programme, ...], day: datetime.date) -> None:
    for programme in chain:
        alone = in_force(programme, day, programmes=())
        followed = in_force(programme, day, programmes=chain)
        if alone.answer is Answer.NO:
            assert followed == alone
        elif followed.answer is Answer.YES:
            assert alone.answer is Answer.YES
            assert followed == alone
        if followed.answer is Answer.UNKNOWN and alone.answer is Answer.YES:
            assert "which replaces it" in followed.explain("en")


@given(programme_chains(), days(max_value=D(2012, 12, 31)))
def test_the_last_programme_answers_by_its_own_records(
    chain: tuple[Programme, ...], day: datetime.date
) -> None:
    assert in_force(chain[-1], day, programmes=chain) == in_force(chain[-1], day, programmes=())


def test_sup2013_ended_when_its_successors_took_over() -> None:
    result = in_force(load_programme("sup2013"), D(2024, 6, 1))
    assert result.answer is Answer.NO
    assert bool(result) is False
    assert result.replaced_by == "sup2035"
    assert result.explain("en") == (
        "replaced by SUP 2035; SUP 2040, which follows it, was in force by 1 June 2024 (SUP 2013)"
    )
    assert load_programme("sup2013").in_force(D(2024, 6, 1)) == result
    assert result.explain() == (
        "ersatt av SUP 2035; SUP 2040, som kom därefter, gällde den 1 juni 2024 (SUP 2013)"
    )


def test_sup2035_answers_by_its_period_and_its_records() -> None:
    sup = load_programme("sup2035")
    assert sup.in_force(D(2024, 6, 1)).explain("en") == (
        "1 June 2024 is outside the period 2019–2022 (SUP 2035)"
    )
    assert sup.in_force(D(2021, 6, 1)).answer is Answer.UNKNOWN
    tyreso = sup.in_force(D(2021, 6, 1), parties=[municipality("Tyresö")])
    assert (tyreso.answer, tyreso.replaced_by) == (Answer.YES, None)


def test_a_direct_successor_in_force_says_so() -> None:
    old = _programme(0, start=2000, end=None, adopted=D(2000, 1, 1), window=False)
    new = _programme(1, start=2003, end=2006, adopted=D(2003, 2, 1), window=False)
    result = in_force(old, D(2004, 1, 1), programmes=[old, new])
    assert (result.answer, result.replaced_by) == (Answer.NO, "p1")
    assert result.explain("en") == "replaced by P1, in force by 1 January 2004 (P0)"
    assert result.explain("sv") == "ersatt av P1, som gällde den 1 januari 2004 (P0)"
    assert in_force(old, D(2003, 1, 31), programmes=[old, new]).answer is Answer.YES
    windowed = _programme(1, start=2003, end=2006, adopted=D(2003, 2, 1), window=True)
    assert in_force(old, D(2003, 1, 31), programmes=[old, windowed]).answer is Answer.UNKNOWN
    assert in_force(old, D(2003, 2, 1), programmes=[old, windowed]).answer is Answer.NO


def test_before_a_successor_can_have_started_the_own_answer_stands() -> None:
    tyreso = [municipality("Tyresö")]
    sup = load_programme("sup2013")
    assert sup.in_force(D(2013, 5, 1), parties=tyreso).answer is Answer.YES
    assert sup.in_force(D(2013, 4, 1), parties=tyreso).answer is Answer.NO


def test_for_one_party_the_successor_it_adopted_ends_the_old_programme() -> None:
    tyreso = [municipality("Tyresö")]
    result = load_programme("sup2013").in_force(D(2020, 6, 1), parties=tyreso)
    assert (result.answer, result.replaced_by) == (Answer.NO, "sup2035")
    own = load_programme("sup2013").in_force(D(2020, 6, 1), parties=tyreso, programmes=())
    assert own.answer is Answer.YES
    assert load_programme("sup2013").in_force(D(2020, 6, 1)).answer is Answer.UNKNOWN


def test_when_the_records_cannot_say_whether_the_successor_took_over() -> None:
    old = _programme(0, start=2000, end=None, adopted=D(2000, 1, 1), window=False)
    new = _programme(1, start=2003, end=None, adopted=None, window=False)
    result = in_force(old, D(2004, 1, 1), programmes=[old, new])
    assert result.answer is Answer.UNKNOWN
    assert result.explain("en") == (
        "adopted by all 8 parties, but the records cannot say whether P1, which "
        "replaces it, had come into force by 1 January 2004 (P0)"
    )
    assert result.explain() == (
        "antaget av samtliga 8 parter, men uppgifterna visar inte om P1, som ersätter det, "
        "hade börjat gälla den 1 januari 2004 (P0)"
    )
    assert in_force(old, D(2002, 12, 31), programmes=[old, new]).answer is Answer.YES


def test_a_successor_in_force_from_the_first_day_of_its_period() -> None:
    old = _programme(0, start=2000, end=None, adopted=D(2000, 1, 1), window=False)
    new = _programme(1, start=2003, end=None, adopted=D(2003, 1, 1), window=False)
    result = in_force(old, D(2003, 1, 1), programmes=[old, new])
    assert (result.answer, result.replaced_by) == (Answer.NO, "p1")
    assert result.explain("en") == "replaced by P1, in force by 1 January 2003 (P0)"


def test_when_a_successor_took_over_the_answer_names_the_day_asked() -> None:
    old = _programme(0, start=2000, end=None, adopted=D(2000, 1, 1), window=False)
    new = _programme(1, start=2003, end=None, adopted=D(2003, 2, 1), window=False)
    replaced = in_force(old, D(2004, 1, 1), programmes=[old, new])
    assert (replaced.programme, replaced.day) == ("p0", D(2004, 1, 1))
    doubtful = _programme(1, start=2003, end=None, adopted=None, window=False)
    unknown = in_force(old, D(2004, 1, 1), programmes=[old, doubtful])
    assert (unknown.programme, unknown.day, unknown.answer) == (
        "p0",
        D(2004, 1, 1),
        Answer.UNKNOWN,
    )


def test_a_successor_adopted_within_its_one_year_period_ends_the_old_one() -> None:
    old = _programme(0, start=2000, end=None, adopted=D(2000, 1, 1), window=False)
    new = _programme(1, start=2001, end=2001, adopted=D(2001, 3, 1), window=False)
    result = in_force(old, D(2003, 1, 1), programmes=[old, new])
    assert (result.answer, result.replaced_by) == (Answer.NO, "p1")
    assert result.explain("en") == "replaced by P1, in force by 1 January 2003 (P0)"


def test_successors_come_from_the_programmes_given() -> None:
    sup2013 = load_programme("sup2013")
    assert in_force(sup2013, D(2024, 6, 1), programmes=()).answer is Answer.UNKNOWN
    only_2040 = in_force(sup2013, D(2024, 6, 1), programmes=[load_programme("sup2040")])
    assert only_2040.answer is Answer.UNKNOWN


def test_a_loop_of_programmes_replacing_each_other_ends() -> None:
    first = _programme(0, start=2000, end=None, adopted=D(2000, 1, 1), window=False)
    second = attrs.evolve(
        _programme(1, start=2001, end=None, adopted=None, window=False), replaces="p0"
    )
    first = attrs.evolve(first, replaces="p1")
    assert in_force(first, D(2002, 1, 1), programmes=[first, second]).answer is Answer.UNKNOWN
    assert in_force(second, D(2002, 1, 1), programmes=[first, second]).answer is Answer.NO


def test_a_loop_of_three_programmes_ends() -> None:
    first = attrs.evolve(
        _programme(0, start=2000, end=None, adopted=D(2000, 1, 1), window=False), replaces="p2"
    )
    second = _programme(1, start=2001, end=None, adopted=None, window=False)
    third = _programme(2, start=2002, end=None, adopted=None, window=False)
    loop = [first, second, third]
    assert in_force(first, D(2003, 1, 1), programmes=loop).answer is Answer.UNKNOWN
    result = in_force(second, D(2003, 1, 1), programmes=loop)
    assert (result.answer, result.replaced_by) == (Answer.NO, "p2")
    assert result.explain("en") == (
        "replaced by P2; P0, which follows it, was in force by 1 January 2003 (P1)"
    )


def test_a_successor_past_its_own_period_does_not_count_as_started() -> None:
    old = _programme(0, start=2000, end=None, adopted=D(2000, 1, 1), window=False)
    new = _programme(1, start=2001, end=2001, adopted=D(2002, 3, 1), window=False)
    assert in_force(old, D(2003, 1, 1), programmes=[old, new]).answer is Answer.UNKNOWN


@pytest.mark.parametrize(
    "programmes", ["sup2040", load_programme("sup2040"), 5, [None], [load_programme("sup2040"), 1]]
)
def test_programmes_must_be_a_collection_of_programmes(programmes: object) -> None:
    with pytest.raises(GoalTreeError, match="invalid programme"):
        in_force(load_programme("sup2013"), D(2024, 1, 1), programmes=programmes)  # type: ignore[arg-type]
