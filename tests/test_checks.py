"""The argument checks: attrs validators that raise the package's own errors."""

from __future__ import annotations

import datetime
import enum
import json
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sodertorn import _checks
from sodertorn.errors import (
    FeeRuleError,
    FollowUpError,
    GoalTreeError,
    NoticeError,
    PlanError,
    PopulationDataError,
    SodertornError,
    message,
)
from sodertorn.i18n import error_text

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

ERRORS = st.sampled_from([FeeRuleError, GoalTreeError, NoticeError, PlanError])
NAMES = st.text(alphabet="abcdefg_ ", min_size=1, max_size=10)

# Values of every kind the checks meet; small, so that drawing them is cheap.
ANYTHING: st.SearchStrategy[Any] = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.floats(allow_nan=False),
    st.text(alphabet="ab 2-0", max_size=6),
    st.binary(max_size=4),
    st.dates(),
    st.datetimes(),
    st.sampled_from([Decimal("2024"), Fraction(1, 3), (), [], {}, object()]),
    st.lists(st.integers(min_value=0, max_value=3000), max_size=3).map(tuple),
)


def _refused(check: _checks.Check[Any], value: object, name: str) -> SodertornError:
    with pytest.raises(check.error) as info:
        check.check(value, name)
    return info.value


@given(ERRORS, NAMES, st.integers(min_value=-5000, max_value=15000))
def test_a_year_is_an_int_within_its_bounds(
    error: type[SodertornError], name: str, value: int
) -> None:
    check = _checks.year(error, low=1000, high=9999)
    if 1000 <= value <= 9999:
        assert check.check(value, name) == value
    else:
        refused = _refused(check, value, name)
        assert str(refused) == (
            f"{name} {value} is not a calendar year; expected an int from 1000 to 9999, "
            "such as 2024"
        )


@given(ERRORS, NAMES, ANYTHING)
def test_a_year_refuses_whatever_is_not_an_int(
    error: type[SodertornError], name: str, value: object
) -> None:
    check = _checks.year(error)
    if type(value) is int and 1 <= value <= 9999:
        assert check.check(value, name) is value
    else:
        refused = _refused(check, value, name)
        assert type(refused) is error
        assert str(refused).startswith(f"{name} {_checks.shown(value)} is not a calendar year;")


@given(ERRORS, NAMES, ANYTHING)
def test_a_date_is_a_day_without_a_time(
    error: type[SodertornError], name: str, value: object
) -> None:
    check = _checks.date(error)
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        assert check.check(value, name) is value
    else:
        assert str(_refused(check, value, name)) == (
            f"{name} {_checks.shown(value)} is not a date; "
            "expected a datetime.date such as 2024-03-15"
        )


@given(ERRORS, NAMES, ANYTHING)
def test_or_none_lets_none_through_and_nothing_else(
    error: type[SodertornError], name: str, value: object
) -> None:
    check = _checks.date(error).or_none()
    assert check.check(None, name) is None
    is_day = isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)
    if value is not None and not is_day:
        assert str(_refused(check, value, name)).endswith(" or None")


@given(ERRORS, NAMES, ANYTHING, st.integers(min_value=-3, max_value=3))
def test_whole_numbers_are_never_truth_values(
    error: type[SodertornError], name: str, value: object, low: int
) -> None:
    check = _checks.whole(error, low=low)
    passes = type(value) is int and value >= low
    if passes:
        assert check.check(value, name) is value
    else:
        assert f"expected an int of {low} or more" in str(_refused(check, value, name))


@given(ERRORS, NAMES, ANYTHING)
def test_text_has_something_besides_spaces(
    error: type[SodertornError], name: str, value: object
) -> None:
    check = _checks.text(error, expected="a name")
    if isinstance(value, str) and value.strip():
        assert check.check(value, name) is value
    else:
        assert str(_refused(check, value, name)) == (
            f"{name} {_checks.shown(value)} is empty or not text; expected a name"
        )


@given(ERRORS, NAMES, st.lists(st.sampled_from("abcd"), min_size=1, max_size=4), ANYTHING)
def test_one_of_lists_what_it_takes(
    error: type[SodertornError], name: str, options: list[str], value: object
) -> None:
    check = _checks.one_of(tuple(options), error, what="an option")
    if value in options:
        assert check.check(value, name) == value
    else:
        message = str(_refused(check, value, name))
        assert message.startswith(f"{name} {_checks.shown(value)} is not an option; expected ")
        assert all(repr(option) in message for option in options)


@given(ERRORS, NAMES, ANYTHING)
def test_is_a_keeps_bools_out_of_ints_and_datetimes_out_of_dates(
    error: type[SodertornError], name: str, value: object
) -> None:
    for kind, refused in ((int, bool), (datetime.date, datetime.datetime), (str, ())):
        check = _checks.is_a(kind, error)
        if isinstance(value, kind) and not isinstance(value, refused):
            assert check.check(value, name) is value
        else:
            assert type(_refused(check, value, name)) is error


def test_is_a_names_the_kinds() -> None:
    assert str(_refused(_checks.is_a(int, PlanError), "x", "n")) == (
        "n 'x' is not an int; expected an int"
    )
    check = _checks.is_a((int, Fraction), FeeRuleError)
    assert str(_refused(check, 1.5, "fee")) == (
        "fee 1.5 is not an int or a Fraction; expected an int or a Fraction"
    )
    assert type(_refused(check, True, "fee")) is FeeRuleError  # a bool is no int here either
    assert _checks.is_a((int, bool), FeeRuleError).check(True, "flag") is True


@given(ERRORS, st.lists(ANYTHING, max_size=4))
def test_each_checks_the_container_and_every_item(
    error: type[SodertornError], values: list[object]
) -> None:
    check = _checks.each(_checks.year(error), what="a tuple of years")
    good = all(type(v) is int and 1 <= v <= 9999 for v in values)
    as_tuple = tuple(values)
    if good:
        assert check.check(as_tuple, "years") is as_tuple
    else:
        assert "is not a calendar year" in str(_refused(check, as_tuple, "years"))
    assert str(_refused(check, values, "years")).startswith(
        f"years {_checks.shown(values)} is not a tuple of years; expected a tuple"
    )


@attrs.frozen
class _Example:
    year: int = attrs.field(validator=_checks.year(PlanError))
    decided: datetime.date | None = attrs.field(
        default=None, validator=_checks.date(PlanError).or_none()
    )


@given(ANYTHING)
def test_as_an_attrs_validator_it_names_the_field(value: object) -> None:
    if type(value) is int and 1 <= value <= 9999:
        assert _Example(year=value).year == value
        return
    with pytest.raises(PlanError) as info:
        _Example(year=value)  # type: ignore[arg-type]
    assert str(info.value).startswith(f"year {_checks.shown(value)} is not a calendar year")


def test_as_an_attrs_validator_it_checks_each_field() -> None:
    with pytest.raises(PlanError, match=r"^decided '2024-01-01' is not a date"):
        _Example(year=2024, decided="2024-01-01")  # type: ignore[arg-type]


@given(ERRORS, NAMES, st.integers(min_value=-5, max_value=5))
def test_raising_and_worded_change_only_the_error_and_the_words(
    error: type[SodertornError], name: str, value: int
) -> None:
    check = _checks.whole(FeeRuleError, low=0).raising(error).worded("invalid {name} {value}")
    if value >= 0:
        assert check.check(value, name) == value
    else:
        refused = _refused(check, value, name)
        assert type(refused) is error
        assert str(refused) == f"invalid {name} {value}"


def test_where_goes_to_errors_that_name_a_file_and_line() -> None:
    check = _checks.year(PopulationDataError)
    with pytest.raises(PopulationDataError) as info:
        check.check("x", "year", source="data.csv", line=3)
    assert (info.value.source, info.value.line) == ("data.csv", 3)
    assert str(info.value).startswith("data.csv: line 3: year 'x' is not a calendar year")
    with pytest.raises(FollowUpError, match="^f.csv: "):
        check.raising(FollowUpError).check(None, "year", source="f.csv")


def test_an_error_of_an_inner_check_is_not_reworded() -> None:
    inner = _checks.year(NoticeError)
    outer: _checks.Check[int] = _checks.Check(inner, FeeRuleError, "anything", "anything")
    with pytest.raises(NoticeError, match="^y 0 is not a calendar year"):
        outer.check(0, "y")


@given(st.text(max_size=300))
def test_shown_values_are_short(text: str) -> None:
    assert len(_checks.shown(text)) <= 81
    assert _checks.shown(text) == repr(text) or _checks.shown(text).endswith("…")


def test_shown_survives_an_int_too_long_to_write() -> None:
    assert _checks.shown(10**5000) == "<int of 16610 bits>"
    with pytest.raises(FeeRuleError, match="^year <int of 16610 bits> is not a calendar year"):
        _checks.year(FeeRuleError).check(10**5000, "year")


# -- one figure walked through the code ------------------------------------------------------


def _year_checks(monkeypatch: pytest.MonkeyPatch, year: int) -> list[str]:
    from sodertorn import annual_fees

    annual_fees(year)  # the schedule and the register read once, before counting
    names: list[str] = []
    check = _checks.Check.check

    def counted(self: _checks.Check[Any], value: object, name: str, **where: Any) -> Any:
        if "year" in name:
            names.append(name)
        return check(self, value, name, **where)

    monkeypatch.setattr(_checks.Check, "check", counted)
    annual_fees(year)
    return names


@pytest.mark.parametrize("year", [2010, 2015, 2024])
def test_the_year_of_annual_fees_is_checked_once_per_public_boundary(
    monkeypatch: pytest.MonkeyPatch, year: int
) -> None:
    # FeeSchedule.terms (annual_fees' own check), the rule's exact_fees and the register's
    # at(): never once per party or per step of the indexed chain.
    assert _year_checks(monkeypatch, year) == ["fee year", "fee year", "year"]


@given(st.integers(min_value=2011, max_value=2025), st.sampled_from(["a.csv", "b.csv"]))
def test_annual_fees_names_the_sources_the_register_names(year: int, other: str) -> None:
    from sodertorn import MUNICIPALITIES, Population, annual_fees

    builtin = Population.builtin()
    salem = MUNICIPALITIES[-1]
    mixed = builtin.merge(
        Population({(salem, year - 1): 1 + builtin.count(salem, year - 1)}, source=other)
    )
    fees = annual_fees(year, mixed)
    assert fees.population_sources == mixed.sources(year - 1, fees.parties)
    assert len(fees.population_sources) == 2


def test_or_none_reads_as_a_sentence() -> None:
    assert _checks.date(PlanError).or_none().expected == (
        "a datetime.date such as 2024-03-15 or None"
    )
    assert _checks.whole(PlanError, low=1).or_none().expected == "an int of 1 or more, or None"
    assert _checks.year(PlanError).or_none().expected == (
        "an int from 1 to 9999, such as 2024, or None"
    )


class _Unwritable:
    def __repr__(self) -> str:
        raise ValueError("no")


def test_shown_survives_a_value_that_cannot_be_written() -> None:
    assert _checks.shown(_Unwritable()) == "<_Unwritable>"


class _Colour(enum.Enum):
    RED = 1
    GREEN = 2
    BLUE = 3


@given(ERRORS, NAMES, st.one_of(ANYTHING, st.sampled_from(_Colour)))
def test_member_names_every_member(error: type[SodertornError], name: str, value: object) -> None:
    check = _checks.member(_Colour, error)
    if isinstance(value, _Colour):
        assert check.check(value, name) is value
    else:
        assert str(_refused(check, value, name)) == (
            f"{name} {_checks.shown(value)} is unknown; "
            "expected _Colour.RED, _Colour.GREEN or _Colour.BLUE"
        )


# -- the refusals in both languages ---------------------------------------------------------


def test_a_refusal_is_said_in_swedish_through_the_catalogue() -> None:
    refused = _refused(_checks.year(PlanError), "2025", "plan year")
    assert error_text(refused, "en") == str(refused)
    assert error_text(refused, "sv") == (
        "plan year: '2025' är inte ett kalenderår; "
        "ett heltal (int) från 1 till 9999 (till exempel 2024) väntades"
    )


@pytest.mark.parametrize(
    ("check", "value", "swedish"),
    [
        (
            _checks.date(NoticeError).or_none(),
            "2024-03-15",
            "x: '2024-03-15' är inte ett datum; "
            "ett datetime.date (till exempel 2024-03-15) eller None väntades",
        ),
        (
            _checks.whole(PlanError, low=1).or_none(),
            0,
            "x: 0 är inte ett heltal; ett heltal (int) på minst 1 eller None väntades",
        ),
        (
            _checks.whole(PlanError, high=9),
            10,
            "x: 10 är inte ett heltal; ett heltal (int) på högst 9 väntades",
        ),
        (
            _checks.is_a((int, Fraction), FeeRuleError),
            1.5,
            "x: 1.5 är inte ett värde av typen int eller ett värde av typen Fraction; "
            "ett värde av typen int eller ett värde av typen Fraction väntades",
        ),
        (
            _checks.one_of(("exact", "invoiced"), FeeRuleError, what="a chain"),
            "y",
            "x: 'y' är inte a chain; 'exact' eller 'invoiced' väntades",
        ),
        (
            _checks.member(_Colour, PlanError),
            "red",
            "x: 'red' är okänt; _Colour.RED, _Colour.GREEN eller _Colour.BLUE väntades",
        ),
        (
            _checks.text(GoalTreeError),
            " ",
            "x: ' ' är tomt eller inte en text; någon text väntades",
        ),
        (
            _checks.each(_checks.year(PlanError)),
            [2024],
            "x: [2024] är inte en samling; ett värde av typen tuple väntades",
        ),
    ],
)
def test_every_kind_of_check_is_said_in_swedish(
    check: _checks.Check[Any], value: object, swedish: str
) -> None:
    refused = _refused(check, value, "x")
    assert error_text(refused, "en") == str(refused)
    assert error_text(refused, "sv") == swedish


# Pieces of the checks' English that no Swedish rendering may keep.
_ENGLISH = ("is not", "expected", "such as", "an int", "a date", " or ", "from 1 to", "empty")


@given(
    ERRORS,
    NAMES,
    ANYTHING,
    st.sampled_from(
        [
            _checks.year,
            lambda error: _checks.year(error).or_none(),
            lambda error: _checks.date(error).or_none(),
            lambda error: _checks.whole(error, low=0, high=16).or_none(),
            _checks.text,
            lambda error: _checks.is_a((int, Fraction), error),
            lambda error: _checks.each(_checks.year(error)),
        ]
    ),
)
def test_a_refusal_is_english_as_before_and_swedish_without_english(
    error: type[SodertornError],
    name: str,
    value: object,
    check: Callable[[type[SodertornError]], _checks.Check[Any]],
) -> None:
    try:
        check(error).check(value, name)
    except SodertornError as refused:
        assert type(refused) is error
        assert error_text(refused, "en") == str(refused)
        swedish = error_text(refused, "sv")
        assert "väntades" in swedish
        # The names are drawn from letters that spell none of the pieces; the value may.
        words = swedish.replace(_checks.shown(value), "<value>")
        assert not [piece for piece in _ENGLISH if piece in words]


def test_where_goes_to_the_swedish_refusal_too() -> None:
    with pytest.raises(PopulationDataError) as info:
        _checks.year(PopulationDataError).check("x", "år", source="data.csv", line=3)
    assert error_text(info.value, "sv").startswith(
        "data.csv: rad 3: år: 'x' är inte ett kalenderår"
    )


def test_a_field_named_by_a_phrase_is_said_in_swedish() -> None:
    @attrs.frozen
    class Sourced:
        source: str = attrs.field(validator=_checks.text(PlanError).named(message("value source")))

    with pytest.raises(PlanError) as info:
        Sourced(source="")
    assert str(info.value) == "value source '' is empty or not text; expected some text"
    assert error_text(info.value, "sv") == (
        "värdets källa: '' är tomt eller inte en text; någon text väntades"
    )


# -- the checks reached from a file say what they said before, in both languages ------------


def _both(call: Any) -> tuple[str, str]:
    with pytest.raises(SodertornError) as info:
        call()
    assert error_text(info.value, "en") == str(info.value)
    return str(info.value), error_text(info.value, "sv")


def test_the_checks_reached_from_a_file_keep_their_words() -> None:
    from sodertorn.population.fetch import query
    from sodertorn.population.formats import parse_scb_csv
    from sodertorn.programme import IndicatorValue, Text
    from sodertorn.programme._reader import Reader

    assert _both(lambda: Text("  ")) == (
        "invalid Swedish text '  '; expected a non-empty string",
        "ogiltig svensk text '  '; en icke-tom text väntades",
    )
    assert _both(lambda: Text("Klimat", en="")) == (
        "invalid English text ''; expected a non-empty string or None",
        "ogiltig engelsk text ''; en icke-tom text eller None väntades",
    )
    assert _both(lambda: Reader({"a": 5}, "doc").string("a")) == (
        "doc.a: invalid value 5; expected a string",
        "doc.a: ogiltigt värde 5; en textsträng väntades",
    )
    assert _both(lambda: Reader({"a": True}, "doc").integer("a")) == (
        "doc.a: invalid value True; expected an integer",
        "doc.a: ogiltigt värde True; ett heltal väntades",
    )

    def unsourced() -> object:
        return IndicatorValue(indicator="restid", year=2024, value=Decimal(1), source=" ")

    assert _both(unsourced) == (
        "invalid value source ' '; expected a non-empty string",
        "ogiltigt värde för värdets källa: ' '; en icke-tom text väntades",
    )
    assert _both(lambda: query(["2024"])) == (  # type: ignore[list-item]
        "year '2024' is not a year such as 2025",
        "'2024' är inget år; ange ett år, till exempel 2025",
    )
    assert _both(lambda: parse_scb_csv("", year=1699, source="x.csv")) == (
        "x.csv: year 1699 is not a year such as 2025",
        "x.csv: 1699 är inget år; ange ett år, till exempel 2025",
    )


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "sv",
            "sodertorn: fel: {file}: values[0]: ogiltigt värde för year: 20245; "
            "ett heltal (int) från 1 till 9999 (till exempel 2024) väntades",
        ),
        (
            "en",
            "sodertorn: error: {file}: values[0]: invalid year 20245; "
            "expected an int from 1 to 9999, such as 2024",
        ),
    ],
)
def test_the_command_line_says_a_refusal_in_the_chosen_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, said: str
) -> None:
    from sodertorn.cli import main

    status = tmp_path / "status.csv"
    status.write_text("activity,status,date\nrufs-klimat,pågår,2024-01-02\n", encoding="utf-8")
    indicators = tmp_path / "indicators.json"
    indicators.write_text(
        json.dumps(
            {
                "schema": "sodertorn/indicators/1",
                "indicators": [
                    {
                        "id": "restid",
                        "goal": "infrastruktur",
                        "name": "Restid",
                        "unit": "min",
                        "source": "SCB",
                        "direction": "decrease",
                    }
                ],
                "values": [{"indicator": "restid", "year": 20245, "value": "45", "source": "x"}],
            }
        ),
        encoding="utf-8",
    )
    argv = ["report", "2024", "--status", str(status), "--indicators", str(indicators)]
    assert main([*argv, "--lang", lang]) == 1
    assert capsys.readouterr().err == said.format(file=indicators) + "\n"
