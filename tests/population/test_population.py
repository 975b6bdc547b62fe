from __future__ import annotations

import datetime
import json
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sodertorn import (
    MUNICIPALITIES,
    MissingDataError,
    Municipality,
    Population,
    PopulationDataError,
    SodertornError,
    municipality,
)
from sodertorn.population import BUILTIN_SOURCE, reference_date

if TYPE_CHECKING:
    from pathlib import Path

HUDDINGE, BOTKYRKA = MUNICIPALITIES[0], MUNICIPALITIES[1]
NYKVARN = municipality("Nykvarn")


# -- the built-in data ------------------------------------------------------------------


def test_builtin_covers_all_parties_2008_to_2024() -> None:
    population = Population.builtin()
    assert population.years == tuple(range(2008, 2025))
    assert population.parties == MUNICIPALITIES
    assert len(population.counts) == 136
    assert population.source == BUILTIN_SOURCE
    assert "CC0" in population.source and "SCB" in population.source


@pytest.mark.parametrize(
    ("year", "total"), [(2019, 503_200), (2020, 507_552), (2021, 513_445), (2023, 520_824)]
)
def test_builtin_sums_confirmed_by_the_documents(year: int, total: int) -> None:
    assert Population.builtin().total(year) == total


def test_missing_year_names_the_years_there_are() -> None:
    with pytest.raises(MissingDataError) as info:
        Population.builtin().at(2030)
    assert "2030" in str(info.value) and "2008-2024" in str(info.value)
    assert isinstance(info.value, LookupError)


def test_missing_party_year() -> None:
    population = Population({(HUDDINGE, 2020): 1, (HUDDINGE, 2022): 2})
    with pytest.raises(MissingDataError, match="Huddinge on 31 Dec 2021.*2020, 2022"):
        population.count(HUDDINGE, 2021)
    with pytest.raises(MissingDataError, match="Botkyrka"):
        Population({(HUDDINGE, 2020): 1, (BOTKYRKA, 2021): 1}).at(2020, [BOTKYRKA])


def test_queries() -> None:
    population = Population({(BOTKYRKA, 2020): 5, (HUDDINGE, 2020): 7, (HUDDINGE, 2021): 8})
    assert list(population.at(2020)) == [HUDDINGE, BOTKYRKA]
    assert population.at(2020, [BOTKYRKA]) == {BOTKYRKA: 5}
    assert population.total(2020) == 12
    assert population.count("huddinge", 2021) == 8
    assert reference_date(2020).isoformat() == "2020-12-31"
    assert "2 parties, 2020-2021" in repr(population)
    merged = population.merge(Population({(HUDDINGE, 2021): 9}, source="b"))
    assert merged.count(HUDDINGE, 2021) == 9
    assert merged.count(BOTKYRKA, 2020) == 5


def test_value_semantics() -> None:
    a = Population({(HUDDINGE, 2020): 1, (BOTKYRKA, 2020): 2})
    b = Population({(BOTKYRKA, 2020): 2, (HUDDINGE, 2020): 1})
    assert a == b and hash(a) == hash(b)
    assert a != Population({(HUDDINGE, 2020): 1})
    assert a != "population"
    with pytest.raises(TypeError):
        a.counts[(HUDDINGE, 2020)] = 5  # type: ignore[index]


@pytest.mark.parametrize(
    ("counts", "needle"),
    [
        ({(HUDDINGE, 2020): -1}, "negative"),
        ({(HUDDINGE, 2020): 1.5}, "not a whole number"),
        ({(HUDDINGE, 2020): True}, "not a whole number"),
        ({("0126", 2020): 1}, "expected a key"),
        ({(HUDDINGE, "2020"): 1}, "expected a key"),
        ([1, 2], "expected a mapping"),
    ],
)
def test_constructor_validates(counts: Any, needle: str) -> None:
    with pytest.raises(PopulationDataError, match=needle):
        Population(counts)


# -- the library's own CSV --------------------------------------------------------------


def test_own_csv_with_and_without_names() -> None:
    text = "# a comment\ncode,year,population\n0126,2023,113920\n0140,2023,12107\n"
    population = Population.parse_csv(text)
    assert population.at(2023) == {HUDDINGE: 113_920, NYKVARN: 12_107}
    named = Population.parse_csv("year,population,name,code\n2023,5,Nykvarn,0140\n")
    assert named.count(NYKVARN, 2023) == 5


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("", "empty population file"),
        ("0126,2023,5\n", r"line 1: missing header columns code, year and population"),
        ("code,year\n0126,2023\n", r"line 1: missing header column population in"),
        ("code,year,population\n0180,2023,5\n", "line 2: unknown municipality code '0180'"),
        ("code,year,population\n126,2023,5\n", "line 2: code '126' is not a four-digit"),
        ("code,year,population\n0126,2023,-5\n", "line 2: count '-5' .* negative"),
        ("code,year,population\n0126,2023,5.5\n", "line 2: count '5.5' .* not a whole"),
        ("code,year,population\n0126,23,5\n", "line 2: year '23'"),
        ("code,year,population\n0126,2023\n", "line 2: expected 3 fields, got 2"),
        (
            "code,year,population\n0126,2023,5\n\n0126,2023,6\n",
            r"line 4: duplicate row for 0126 Huddinge, 2023 \(first on line 2\)",
        ),
        ("code,name,year,population\n0126,Botkyrka,2023,5\n", "line 2: name 'Botkyrka'"),
    ],
)
def test_own_csv_errors_name_the_line(text: str, needle: str) -> None:
    with pytest.raises(PopulationDataError, match=needle) as info:
        Population.parse_csv(text, source="pop.csv")
    assert str(info.value).startswith("pop.csv: ")


def test_csv_round_trip_of_the_builtin(tmp_path: Path) -> None:
    builtin = Population.builtin()
    lines = ["code,year,population"] + [
        f"{party.code},{year},{count}" for (party, year), count in builtin.counts.items()
    ]
    path = tmp_path / "pop.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    loaded = Population.load(path)
    assert loaded.counts == builtin.counts
    assert loaded.source == str(path)


def test_unreadable_file(tmp_path: Path) -> None:
    with pytest.raises(PopulationDataError, match="cannot read population file"):
        Population.load(tmp_path / "missing.csv")


# -- Statistics Sweden's CSV export ------------------------------------------------------

SCB_EXPORT = (
    '"Folkmängd efter region och år"\n'
    "\n"
    '"region";"2022";"2023"\n'
    '"0126 Huddinge";113373;113920\n'
    '"0140 Nykvarn";11925;12107\n'
    "\n"
    '"Källa: SCB"\n'
)


def test_scb_csv_semicolon_utf8() -> None:
    population = Population.parse_scb_csv(SCB_EXPORT)
    assert population.at(2023) == {HUDDINGE: 113_920, NYKVARN: 12_107}
    assert population.years == (2022, 2023)


def test_scb_csv_comma_latin1_bytes(tmp_path: Path) -> None:
    text = SCB_EXPORT.replace(";", ",").replace("0140 Nykvarn", "0181 Södertälje")
    data = text.encode("latin-1")
    population = Population.parse_scb_csv(data)
    assert population.count("Södertälje", 2022) == 11925
    path = tmp_path / "export.csv"
    path.write_bytes(data)
    assert Population.load(path).counts == population.counts


def test_scb_csv_with_bom_and_tab() -> None:
    text = "\ufeffregion\t2023\n0126 Huddinge\t113920\n"
    assert Population.parse_scb_csv(text.encode("utf-8")).total(2023) == 113_920


def test_scb_csv_other_regions_are_skipped_unless_refused() -> None:
    text = 'region,2023\n"01 Stockholms län",2454821\n"0180 Stockholm",988943\n0126 Huddinge,5\n'
    assert Population.parse_scb_csv(text).total(2023) == 5
    with pytest.raises(PopulationDataError, match="line 2: region '01 Stockholms län' is not"):
        Population.parse_scb_csv(text, skip_unknown=False)
    without_county = text.replace('"01 Stockholms län",2454821\n', "")
    with pytest.raises(PopulationDataError, match="line 2: region '0180 Stockholm' is not"):
        Population.parse_scb_csv(without_county, skip_unknown=False)
    assert Population.parse_scb_csv(without_county, skip_unknown=True).total(2023) == 5


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("title only\n", "no header row"),
        ("region,2023\n0126 Huddinge,..\n", "line 2: count for Huddinge 2023 is missing"),
        ("region,2023\n0126 Huddinge,-3\n", "line 2: count '-3'.*negative"),
        ("region,2022,2023\n0126 Huddinge,5\n", "line 2: row has 2 fields"),
        ("region,2023\n0126 Huddinge,5\n0126 Huddinge,6\n", "line 3: .* is given twice"),
        ("region,2023\n", "no rows for Huddinge"),
    ],
)
def test_scb_csv_errors(text: str, needle: str) -> None:
    with pytest.raises(PopulationDataError, match=needle):
        Population.parse_scb_csv(text)


# -- JSON-stat2 --------------------------------------------------------------------------


def jsonstat(values: list[Any] | dict[str, Any], *, index_as_list: bool = False) -> dict[str, Any]:
    regions = ["0126", "0140"]
    years = ["2022", "2023"]
    return {
        "version": "2.0",
        "class": "dataset",
        "id": ["Region", "ContentsCode", "Tid"],
        "size": [2, 1, 2],
        "role": {"geo": ["Region"], "time": ["Tid"], "metric": ["ContentsCode"]},
        "dimension": {
            "Region": {
                "category": {
                    "index": regions if index_as_list else {r: i for i, r in enumerate(regions)},
                    "label": {"0126": "Huddinge", "0140": "Nykvarn"},
                }
            },
            "ContentsCode": {"category": {"index": {"BE0101N1": 0}}},
            "Tid": {"category": {"index": {y: i for i, y in enumerate(years)}}},
        },
        "value": values,
    }


def test_jsonstat_dense_and_sparse() -> None:
    dense = Population.parse_jsonstat(json.dumps(jsonstat([113373, 113920, 11925, 12107])))
    assert dense.at(2023) == {HUDDINGE: 113_920, NYKVARN: 12_107}
    assert dense.count(NYKVARN, 2022) == 11_925
    sparse = Population.parse_jsonstat(
        jsonstat({"0": 113373, "1": 113920, "2": 11925, "3": 12107.0}, index_as_list=True)
    )
    assert sparse.counts == dense.counts


def test_jsonstat_without_roles_uses_the_ids(tmp_path: Path) -> None:
    data = jsonstat([1, 2, 3, 4])
    del data["role"]
    path = tmp_path / "data.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert Population.load(path).total(2022) == 4


@pytest.mark.parametrize(
    ("mutate", "needle"),
    [
        (lambda d: d.update(value=[1, 2, 3]), "expected 4 values"),
        (lambda d: d.update(value=[1, 2, 3, None]), "count null"),
        (lambda d: d.update(value=[1, 2, 3, -4]), "negative"),
        (lambda d: d.update(value=[1, 2, 3, 4.5]), "4.5"),
        (lambda d: d.update(value={"9": 1}), "out of range"),
        (lambda d: d.update(size=[2, 2, 2]), "has 1 category but size 2"),
        (lambda d: d.pop("id"), "not a JSON-stat2 dataset"),
        (lambda d: d["dimension"]["Tid"].pop("category"), "no category index"),
        (
            lambda d: d["dimension"]["Tid"]["category"].update(index={"2022": 0, "2023": 5}),
            "not 0..n-1",
        ),
        (lambda d: d["dimension"]["Tid"]["category"].update(index=7), "malformed"),
        (
            lambda d: (
                d.pop("role"),
                d.update(id=["Area", "ContentsCode", "Tid"]),
                d["dimension"].update(Area=d["dimension"]["Region"]),
            ),
            "no geo dimension",
        ),
    ],
)
def test_jsonstat_errors(mutate: Any, needle: str) -> None:
    data = jsonstat([1, 2, 3, 4])
    mutate(data)
    with pytest.raises(PopulationDataError, match=needle):
        Population.parse_jsonstat(data)


def test_jsonstat_more_categories_and_unknown_regions() -> None:
    data = jsonstat([1, 2, 3, 4])
    data["dimension"]["Region"]["category"]["index"] = {"0126": 0, "0180": 1}
    with pytest.raises(PopulationDataError, match="'0180'"):
        Population.parse_jsonstat(data, skip_unknown=False)
    assert Population.parse_jsonstat(data).parties == (HUDDINGE,)
    with pytest.raises(PopulationDataError, match="not valid JSON"):
        Population.parse_jsonstat("{")
    with pytest.raises(PopulationDataError, match="expected a JSON-stat2 dataset object"):
        Population.parse_jsonstat("[1]")


# -- fuzzing: only the documented exception escapes, nothing is half-built ---------------


@given(st.text(max_size=300))
def test_fuzz_own_csv(text: str) -> None:
    try:
        result = Population.parse_csv(text)
    except PopulationDataError:
        return
    assert isinstance(result, Population)


@given(st.one_of(st.text(max_size=300), st.binary(max_size=300)))
def test_fuzz_scb_csv(data: str | bytes) -> None:
    try:
        result = Population.parse_scb_csv(data)
    except PopulationDataError:
        return
    assert result.counts


@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=5),
        lambda children: (
            st.lists(children, max_size=4)
            | st.dictionaries(
                st.sampled_from(
                    [
                        "id",
                        "size",
                        "dimension",
                        "value",
                        "role",
                        "category",
                        "index",
                        "Region",
                        "Tid",
                    ]
                ),
                children,
                max_size=5,
            )
        ),
        max_leaves=20,
    )
)
def test_fuzz_jsonstat(data: object) -> None:
    try:
        Population.parse_jsonstat(json.dumps(data))
    except SodertornError as error:
        assert isinstance(error, PopulationDataError)


def test_keys_of_the_register_are_municipalities() -> None:
    for party, year in Population.builtin().counts:
        assert isinstance(party, Municipality) and isinstance(year, int)


def test_reference_date_refuses_what_is_not_a_year() -> None:
    for year in (None, "2023", 2023.0, True, 0, 10_000):
        with pytest.raises(PopulationDataError, match="is not a calendar year"):
            reference_date(year)  # type: ignore[arg-type]
    assert reference_date(1) == datetime.date(1, 12, 31)
    assert reference_date(9999) == datetime.date(9999, 12, 31)


@pytest.mark.parametrize("parties", [None, (), 5, ["0126"]])
def test_loaders_refuse_parties_that_are_not_municipalities(parties: object) -> None:
    text = "code,year,population\n0140,2023,11800\n"
    with pytest.raises(PopulationDataError, match="must be one or more Municipality"):
        Population.parse_csv(text, parties=parties)  # type: ignore[arg-type]
    with pytest.raises(PopulationDataError, match="must be one or more Municipality"):
        Population.parse_scb_csv(text, parties=parties)  # type: ignore[arg-type]
    with pytest.raises(PopulationDataError, match="must be one or more Municipality"):
        Population.parse_jsonstat("{}", parties=parties)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", [None, 5, ["code,year,population"]])
def test_loaders_refuse_text_that_is_not_text(text: object) -> None:
    with pytest.raises(PopulationDataError, match="expected the file's text as str or bytes"):
        Population.parse_csv(text)  # type: ignore[arg-type]
    with pytest.raises(PopulationDataError, match="expected the file's text as str or bytes"):
        Population.parse_scb_csv(text)  # type: ignore[arg-type]


def test_parse_csv_reads_bytes_as_the_loaders_do() -> None:
    data = "code,year,population,name\n0181,2023,102000,Södertälje\n".encode("cp1252")
    assert Population.parse_csv(data).total(2023) == 102000


def test_load_refuses_what_is_not_a_path() -> None:
    with pytest.raises(PopulationDataError, match="expected a path to a population file, got None"):
        Population.load(None)  # type: ignore[arg-type]


def test_years_and_parties_follow_the_counts_through_evolve_and_merge() -> None:
    import attrs

    huddinge, botkyrka = MUNICIPALITIES[:2]
    first = Population({(botkyrka, 2021): 1, (huddinge, 2020): 2})
    assert first.years == (2020, 2021)
    assert first.parties == (huddinge, botkyrka)
    changed = attrs.evolve(first, counts={(botkyrka, 2019): 3})
    assert changed.years == (2019,)
    assert changed.parties == (botkyrka,)
    merged = first.merge(changed)
    assert merged.years == (2019, 2020, 2021)
    assert merged == Population({**first.counts, **changed.counts})
    assert "_years" not in repr(first)


def test_count_refuses_a_year_that_is_not_an_integer() -> None:
    with pytest.raises(MissingDataError, match=r"year \[\] is not a year; expected an int"):
        Population.builtin().count(HUDDINGE, [])  # type: ignore[arg-type]
    with pytest.raises(MissingDataError, match="'2023'"):
        Population.builtin().count(HUDDINGE, "2023")  # type: ignore[arg-type]


def test_jsonstat_category_keys_must_be_text() -> None:
    data = jsonstat([1, 2, 3, 4])
    data["dimension"]["Region"]["category"]["index"] = {126: 0, 140: 1}
    with pytest.raises(PopulationDataError, match="malformed category index"):
        Population.parse_jsonstat(data)
    data["dimension"]["Region"]["category"]["index"] = {"0126": True, "0140": 1}
    with pytest.raises(PopulationDataError, match="malformed category index"):
        Population.parse_jsonstat(data)
