"""What one cell of a population table means, whichever reader reads it.

The cells are given through the readers (SCB's CSV export, the library's own CSV and
JSON-stat2), so that a refusal is checked as the user sees it: the file, the line, the
field, the value and what to do.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sodertorn import MUNICIPALITIES, Population, PopulationDataError
from sodertorn.i18n import error_text
from sodertorn.population._cells import Region, parse_region

HUDDINGE, BOTKYRKA, TYRESO, NYKVARN = (
    MUNICIPALITIES[0],
    MUNICIPALITIES[1],
    MUNICIPALITIES[4],
    MUNICIPALITIES[5],
)
MAX_COUNT = 10**8
SEPARATORS = (" ", "\u00a0", "\u202f", "\u2009")


def wide(region: str, count: str) -> str:
    return f'"region";"2024"\n"{region}";"{count}"\n'


def refused(text: str, **options: Any) -> str:
    with pytest.raises(PopulationDataError) as info:
        Population.parse_scb_csv(text, source="t.csv", **options)
    assert info.value.source == "t.csv"
    return str(info.value)


def grouped(count: int, separator: str) -> str:
    return f"{count:,}".replace(",", separator)


# -- counts ---------------------------------------------------------------------------------


@given(st.integers(0, MAX_COUNT), st.sampled_from(SEPARATORS))
def test_a_count_with_or_without_thousands_separators(count: int, separator: str) -> None:
    for shown in (str(count), grouped(count, separator), f" {count} "):
        assert Population.parse_scb_csv(wide("0126 Huddinge", shown)).at(2024) == {HUDDINGE: count}


@given(st.integers(MAX_COUNT + 1, 10**12), st.sampled_from(SEPARATORS))
def test_a_count_over_a_hundred_million_is_refused(count: int, separator: str) -> None:
    shown = grouped(count, separator)
    assert refused(wide("0126 Huddinge", shown)) == (
        f"t.csv: line 2: count {shown!r} for Huddinge 2024 is more than 100,000,000; no "
        "municipality has that many inhabitants"
    )


@pytest.mark.parametrize("missing", ["..", "-", "–", ".", ""])
def test_a_missing_count(missing: str) -> None:
    assert refused(wide("0126 Huddinge", missing)) == (
        f"t.csv: line 2: count for Huddinge 2024 is missing ({missing!r}); SCB publishes no "
        "figure there"
    )


@pytest.mark.parametrize(
    ("shown", "reason"),
    [
        ("-5", "is negative; expected 0 or more"),
        ("- 1 234", "is negative; expected 0 or more"),
        ("12a", "is not a whole number of inhabitants"),
        ("1 23", "is not a whole number of inhabitants"),
        ("1234 567", "is not a whole number of inhabitants"),
        ("1  234", "is not a whole number of inhabitants"),
        (
            "114,304",
            "is not a whole number of inhabitants (a comma or point may be a decimal sign or a "
            "thousands separator: export without separators)",
        ),
        (
            "12.5",
            "is not a whole number of inhabitants (a comma or point may be a decimal sign or a "
            "thousands separator: export without separators)",
        ),
        ("0" * 21, "is not a whole number of inhabitants"),
        ("1" * 61, "is not a whole number of inhabitants"),
    ],
)
def test_a_count_that_is_not_a_count(shown: str, reason: str) -> None:
    quoted = repr(shown if len(shown) <= 60 else shown[:60] + "…")
    assert refused(wide("0126 Huddinge", shown)) == (
        f"t.csv: line 2: count {quoted} for Huddinge 2024 {reason}"
    )


def test_twenty_digits_are_still_read_and_bounded() -> None:
    assert "more than 100,000,000" in refused(wide("0126 Huddinge", "0" * 11 + "100000001"))
    assert Population.parse_scb_csv(wide("0126 Huddinge", "0" * 20)).at(2024) == {HUDDINGE: 0}


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (None, "count null (no figure) for Huddinge 2024 is not a whole number of inhabitants"),
        (True, "count True for Huddinge 2024 is not a whole number of inhabitants"),
        ([5], "count [5] for Huddinge 2024 is not a whole number of inhabitants"),
        (
            "x" * 80,
            f"count {'x' * 60 + '…'!r} for Huddinge 2024 is not a whole number of inhabitants",
        ),
        (5.5, "count 5.5 for Huddinge 2024 is not a whole number of inhabitants"),
        (-1, "count -1 for Huddinge 2024 is negative; expected 0 or more"),
        (-0.0, None),
        (
            MAX_COUNT + 1,
            "count '100000001' for Huddinge 2024 is more than 100,000,000; no "
            "municipality has that many inhabitants",
        ),
        (float(MAX_COUNT), None),
        ("114304", None),
        (0, None),
    ],
)
def test_a_count_from_json(value: object, message: str | None) -> None:
    data = {
        "columns": [
            {"code": "Region", "text": "region", "type": "d"},
            {"code": "Tid", "text": "år", "type": "t"},
            {"code": "BE0101N1", "text": "Folkmängd", "type": "c"},
        ],
        "data": [{"key": ["0126", "2024"], "values": [value]}],
    }
    if message is None:
        count = Population.parse_scb_json(data, source="r.json").count(HUDDINGE, 2024)
        assert isinstance(count, int)
        assert count == int(value)  # type: ignore[call-overload]
        return
    with pytest.raises(PopulationDataError) as info:
        Population.parse_scb_json(data, source="r.json")
    assert str(info.value) == f"r.json: {message}"


# -- years ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "period",
    ["2025M12", "2025m12", "2025K4", "2025Q4", "2025H2", "2025 M 12", "2025-12", "2025-12-31"],
)
def test_a_period_that_is_not_a_year(period: str) -> None:
    text = f'"region";"år";"Folkmängd"\n"0126 Huddinge";"{period}";5\n'
    assert refused(text) == (
        f"t.csv: line 2: year {period!r} is a month or quarter, not a year; the fee weighs the "
        "population on 31 December: choose the yearly table (Folkmängd efter region ... och "
        "år, TAB638)"
    )


@pytest.mark.parametrize("year", ["24", "20245", "år 2024", "x" * 70])
def test_a_year_that_is_not_four_digits(year: str) -> None:
    shown = repr(year if len(year) <= 60 else year[:60] + "…")
    text = f'"region";"år";"Folkmängd"\n"0126 Huddinge";"{year}";5\n'
    assert refused(text) == f"t.csv: line 2: year {shown} is not a four-digit year"


# -- regions --------------------------------------------------------------------------------


@given(
    st.sampled_from(MUNICIPALITIES),
    st.sampled_from([" ", "  ", " - ", "-", " – ", ": ", ":"]),
    st.sampled_from(["{}", "{} kommun", "{}s kommun", "{} Kommun", "{} KOMMUN", "{}s"]),
)
def test_a_region_by_code_and_name_however_joined(party: Any, joint: str, form: str) -> None:
    cell = f"{party.code}{joint}{form.format(party.name)}"
    assert Population.parse_scb_csv(wide(cell, "5")).at(2024) == {party: 5}


@pytest.mark.parametrize(
    "name",
    [
        "Tyreso",
        "TYRESÖ",
        "tyresö kommun",
        "Tyresö\u00a0kommun",
        "Tyresö Municipality",
        "Tyresös",
        " Tyresö ",
        "Tyreso\u0308",
    ],
)
def test_a_name_forgives_case_diacritics_and_kommun(name: str) -> None:
    assert Population.parse_scb_csv(wide(f"0138 {name}", "5")).at(2024) == {TYRESO: 5}
    assert Population.parse_scb_csv(wide(name, "5")).at(2024) == {TYRESO: 5}


@pytest.mark.parametrize("name", ["Tyresö kommuner", "Tyresöö", "Tyres", "Tyresö län"])
def test_a_name_that_is_not_the_codes(name: str) -> None:
    assert refused(wide(f"0138 {name}", "5")) == (
        f"t.csv: line 2: region 0138 {name}: the name {name!r} does not match code 0138, "
        "which is Tyresö; correct the code or the name"
    )


@pytest.mark.parametrize("code", ["0126A", "01260", "126", "00", "01"])
def test_a_code_that_is_not_a_municipalitys_is_another_region(code: str) -> None:
    """Never cut to four characters; a county or Riket is not a party even named like one."""
    text = f'"region";"2024"\n"{code} Huddinge";7\n"0140 Nykvarn";5\n'
    assert Population.parse_scb_csv(text).at(2024) == {NYKVARN: 5}


def test_a_region_found_twice_is_named_once() -> None:
    text = (
        '"region";"år";"Folkmängd"\n"0180 Stockholm";"2023";1\n"0180 Stockholm";"2024";2\n'
        '"Riket";"2024";3\n'
    )
    assert "; it has 0180 Stockholm and Riket; select" in refused(text)


def test_the_parties_given_limit_what_is_read() -> None:
    text = '"region";"2024"\n"0126 Huddinge";1\n"0127 Botkyrka";2\n'
    assert Population.parse_scb_csv(text, parties=[BOTKYRKA]).at(2024) == {BOTKYRKA: 2}
    assert refused('"region";"2024"\n"0127 Botkyrka";2\n', parties=[HUDDINGE]) == (
        "t.csv: the file has no rows for Huddinge; it has 0127 Botkyrka; select the parties' "
        "municipalities (0126 Huddinge ... 0192 Nynäshamn) when exporting, or run "
        "'sodertorn population fetch YEAR --output FILE'"
    )
    two = refused('"region";"2024"\n"0127 Botkyrka";2\n', parties=[HUDDINGE, NYKVARN])
    assert "has no rows for Huddinge and Nykvarn; it has" in two


class Unlistable:
    def __iter__(self) -> Any:
        raise TypeError("not today")


@pytest.mark.parametrize(
    "parties", [[], "0126", [HUDDINGE, "0127"], Unlistable(), None, (m for m in [1])]
)
def test_parties_that_are_not_municipalities(parties: object) -> None:
    with pytest.raises(PopulationDataError) as info:
        Population.parse_scb_csv(wide("0126 Huddinge", "5"), source="t.csv", parties=parties)  # type: ignore[arg-type]
    assert str(info.value).startswith("t.csv: parties ")
    assert str(info.value).endswith(" must be one or more Municipality")


# -- measures and totals --------------------------------------------------------------------


@pytest.mark.parametrize(
    "heading",
    [
        "Folkmängd",
        "Folkmängden",
        "folkmängd 31 december",
        "Population",
        "Invånare",
        "Invånarantal",
        "Folkmangd",
    ],
)
def test_population_headings(heading: str) -> None:
    text = f'Kommun;"{heading}"\nHuddinge;5\n'
    assert Population.parse_scb_csv(text, year=2024).at(2024) == {HUDDINGE: 5}


@pytest.mark.parametrize(
    "heading",
    [
        "Folkökning",
        "Befolkningsförändring",
        "Befolkningstillväxt",
        "Födda",
        "Döda",
        "Inflyttade",
        "Utflyttade",
        "Population change",
        "Population increase",
        "Population growth",
        "Births",
        "Deaths",
        "Net migration",
        "Födelseöverskott",
        "Justeringspost",
        "Medelfolkmängd",
        "Average population",
        "Invånare per km2",
        "Befolkningstäthet",
        "Population density",
        "Folkmängd, förändring",
    ],
)
def test_other_measures_are_not_the_population(heading: str) -> None:
    text = f'Kommun;"{heading}"\nHuddinge;5\n'
    assert refused(text, year=2024) == (
        f"t.csv: the table's measure is {heading!r}, not the population (Folkmängd); choose "
        "the contents 'Folkmängd' (BE0101N1)"
    )


@pytest.mark.parametrize(
    "total",
    [
        "tot",
        "Totalt",
        "total",
        "TotSa",
        "samtliga",
        "alla",
        "All",
        "both sexes",
        "totalt ålder",
        "Total age",
        "tot ålder",
        "samtliga civilstånd",
        "alla åldrar",
    ],
)
def test_totals_of_a_variable(total: str) -> None:
    text = f'"region";"kön";"år";"Folkmängd"\n"0126 Huddinge";"{total}";"2024";5\n"0126 Huddinge";"män";"2024";2\n'
    assert Population.parse_scb_csv(text).at(2024) == {HUDDINGE: 5}


@pytest.mark.parametrize("category", ["totalen", "alltid", "män", "samt", "total2"])
def test_categories_that_are_not_totals(category: str) -> None:
    text = f'"region";"kön";"år";"Folkmängd"\n"0126 Huddinge";"{category}";"2024";5\n'
    assert f"column 'kön' has {category!r} and no total" in refused(text)


# -- the edges of a cell --------------------------------------------------------------------

ADVICE = (
    "select the parties' municipalities (0126 Huddinge ... 0192 Nynäshamn) when exporting, or "
    "run 'sodertorn population fetch YEAR --output FILE'"
)
ALL_PARTIES = "Huddinge, Botkyrka, Salem, Haninge, Tyresö, Nykvarn, Södertälje and Nynäshamn"


def test_cells_quoted_twice_are_read() -> None:
    """A cell quoted twice over keeps a pair of quotes after the CSV reader; it is read."""
    twice = '"region";"år";"Folkmängd"\n"""0126 Huddinge""";"""2024""";"""1 234"""\n'
    assert Population.parse_scb_csv(twice).at(2024) == {HUDDINGE: 1234}
    assert "more than 100,000,000" in refused(wide("0126 Huddinge", '""12345678901234567890""'))


@pytest.mark.parametrize("year", ["X2024", "2024X", "y" * 60, " 2024x"])
def test_a_year_with_letters_around_it(year: str) -> None:
    text = f'"region";"år";"Folkmängd"\n"0126 Huddinge";"{year}";5\n'
    assert refused(text) == f"t.csv: line 2: year {year.strip()!r} is not a four-digit year"


@pytest.mark.parametrize("count", ["X12", "12X"])
def test_a_count_with_letters_around_it(count: str) -> None:
    assert refused(wide("0126 Huddinge", count)) == (
        f"t.csv: line 2: count {count!r} for Huddinge 2024 is not a whole number of inhabitants"
    )


def test_a_count_over_a_hundred_million_without_separators_names_its_place() -> None:
    with pytest.raises(PopulationDataError) as info:
        Population.parse_scb_csv(wide("0126 Huddinge", "100000001"), source="t.csv")
    assert str(info.value) == (
        "t.csv: line 2: count '100000001' for Huddinge 2024 is more than 100,000,000; no "
        "municipality has that many inhabitants"
    )
    assert error_text(info.value, "sv") == (
        "t.csv: rad 2: folkmängden '100000001' för Huddinge 2024 är större än 100 000 000; "
        "ingen kommun har så många invånare"
    )


def test_a_region_with_letters_before_its_code_is_another_region() -> None:
    assert refused(wide("X0126 Huddinge", "5")) == (
        f"t.csv: the file has no rows for {ALL_PARTIES}; it has X0126 Huddinge; {ADVICE}"
    )


def test_a_region_split_into_code_and_name() -> None:
    assert parse_region('"0126 Huddinge"') == Region("0126", "Huddinge")
    assert parse_region("Huddinge") == Region("", "Huddinge")
    assert parse_region("0126") == Region("0126", "")


def test_a_long_json_value_is_cut_in_the_message() -> None:
    data = {
        "columns": [
            {"code": "Region", "text": "region", "type": "d"},
            {"code": "Tid", "text": "år", "type": "t"},
            {"code": "BE0101N1", "text": "Folkmängd", "type": "c"},
        ],
        "data": [{"key": ["0126", "2024"], "values": [[1] * 40]}],
    }
    with pytest.raises(PopulationDataError) as info:
        Population.parse_scb_json(data, source="r.json")
    shown = "[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,…"
    assert str(info.value) == (
        f"r.json: count {shown} for Huddinge 2024 is not a whole number of inhabitants"
    )


def scb_json(regions: list[str]) -> dict[str, Any]:
    return {
        "columns": [
            {"code": "Region", "text": "region", "type": "d"},
            {"code": "Tid", "text": "år", "type": "t"},
            {"code": "BE0101N1", "text": "Folkmängd", "type": "c"},
        ],
        "data": [{"key": [code, "2024"], "values": ["5"]} for code in regions],
    }


@pytest.mark.parametrize(
    ("regions", "found"),
    [
        ([], "no regions at all"),
        (["0180"], "0180"),
        ([f"01{n}" for n in range(50, 57)], "0150, 0151, 0152, 0153, 0154 and 2 more"),
    ],
)
def test_a_response_without_the_parties(regions: list[str], found: str) -> None:
    with pytest.raises(PopulationDataError) as info:
        Population.parse_scb_json(scb_json(regions), source="r.json")
    assert str(info.value) == (
        f"r.json: the response has no rows for {ALL_PARTIES}; it has {found}; {ADVICE}"
    )


def test_a_file_with_many_other_regions() -> None:
    rows = "".join(f'"01{n} Ort{n}";"5"\n' for n in range(50, 57))
    assert refused('"region";"2024"\n' + rows) == (
        f"t.csv: the file has no rows for {ALL_PARTIES}; it has 0150 Ort50, 0151 Ort51, "
        f"0152 Ort52, 0153 Ort53, 0154 Ort54 and 2 more; {ADVICE}"
    )
