"""Population's repr, spans in messages, merge, hash, and how ``load`` recognises a
format and passes the source and parties on."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from sodertorn import MUNICIPALITIES, MissingDataError, Population, PopulationDataError

if TYPE_CHECKING:
    from pathlib import Path

HUDDINGE, BOTKYRKA, NYKVARN = MUNICIPALITIES[0], MUNICIPALITIES[1], MUNICIPALITIES[5]


def test_repr_whole() -> None:
    two = Population({(HUDDINGE, 2023): 1, (NYKVARN, 2020): 2}, source="x")
    assert repr(two) == "<Population 2 parties, 2020, 2023, x>"
    assert repr(Population({})) == "<Population 0 parties, no years>"
    assert repr(Population({(HUDDINGE, 2023): 1})) == "<Population 1 party, 2023>"
    span = Population({(HUDDINGE, 2022): 1, (HUDDINGE, 2023): 1})
    assert repr(span) == "<Population 1 party, 2022-2023>"


@pytest.mark.parametrize(
    ("counts", "year", "text"),
    [
        ({}, 2023, "no population for 31 Dec 2023; the data has no years"),
        (
            {(HUDDINGE, 2023): 1, (NYKVARN, 2020): 2},
            2021,
            "no population for 31 Dec 2021; the data has 2020, 2023",
        ),
        ({(HUDDINGE, 2023): 1}, 2022, "no population for 31 Dec 2022; the data has 2023"),
        (
            {(HUDDINGE, 2022): 1, (HUDDINGE, 2023): 1},
            2021,
            "no population for 31 Dec 2021; the data has 2022-2023",
        ),
    ],
)
def test_missing_year_names_the_span(
    counts: dict[tuple[object, int], int], year: int, text: str
) -> None:
    with pytest.raises(MissingDataError) as info:
        Population(counts).at(year)  # type: ignore[arg-type]
    assert str(info.value) == text


def test_missing_party_year_names_its_years() -> None:
    population = Population({(HUDDINGE, 2023): 1, (NYKVARN, 2020): 2})
    with pytest.raises(MissingDataError) as info:
        population.count(HUDDINGE, 2020)
    assert str(info.value) == "no population for Huddinge on 31 Dec 2020; the data has 2023 for it"


def test_merge_joins_the_sources() -> None:
    x = Population({(HUDDINGE, 2023): 1}, source="x")
    y = Population({(BOTKYRKA, 2023): 3, (HUDDINGE, 2023): 2}, source="y")
    merged = x.merge(y)
    assert merged.source == "x; y"
    assert merged.at(2023) == {HUDDINGE: 2, BOTKYRKA: 3}
    assert Population({}).merge(x).source == "x"
    assert x.merge(Population({})).source == "x"
    assert Population({}).merge(Population({})).source == ""


def test_hash_follows_counts_and_source() -> None:
    a = Population({(HUDDINGE, 2023): 1}, source="x")
    assert hash(a) == hash(Population({(HUDDINGE, 2023): 1}, source="x"))
    others = [
        Population({(HUDDINGE, 2023): 2}, source="x"),
        Population({(HUDDINGE, 2023): 1}, source="y"),
        Population({(NYKVARN, 2023): 1}, source="x"),
    ]
    assert len({hash(a), *(hash(o) for o in others)}) == 4
    assert a not in others and a == Population({(HUDDINGE, 2023): 1}, source="x")
    assert a != "x"


# -- load: the format is recognised from the content --------------------------------------

JSONSTAT = {
    "id": ["Region", "Tid"],
    "size": [2, 1],
    "dimension": {
        "Region": {"category": {"index": ["0126", "0140"]}},
        "Tid": {"category": {"index": ["2023"]}},
    },
    "value": [5, 7],
}


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_load_json_after_leading_blank_lines(tmp_path: Path) -> None:
    path = write(tmp_path, "d.json", "\n  \n " + json.dumps(JSONSTAT) + "\n")
    population = Population.load(path)
    assert population.at(2023) == {HUDDINGE: 5, NYKVARN: 7}
    assert population.source == str(path)


def test_load_own_csv_after_blank_and_comment_lines(tmp_path: Path) -> None:
    path = write(tmp_path, "p.csv", '\n# about\n"Code";"Year";"Population"\n0126;2023;5\n')
    with pytest.raises(PopulationDataError) as info:  # own CSV is comma-separated
        Population.load(path)
    assert info.value.source == str(path)
    assert str(info.value).startswith(f"{path}: line 3: missing header columns")
    path = write(tmp_path, "q.csv", '\n# about\n"code","year","population"\n0126,2023,5\n')
    population = Population.load(path)
    assert population.at(2023) == {HUDDINGE: 5}
    assert population.source == str(path)


def test_load_scb_csv_when_the_header_is_not_ours(tmp_path: Path) -> None:
    path = write(tmp_path, "s.csv", '"region";"2023"\n"0126 Huddinge";5\n')
    population = Population.load(path)
    assert population.at(2023) == {HUDDINGE: 5}
    assert population.source == str(path)
    # A comment is skipped when sniffing, even one that names our columns.
    titled = write(tmp_path, "t.csv", "#,code,year,population\nregion,2023\n0126 Huddinge,6\n")
    assert Population.load(titled).at(2023) == {HUDDINGE: 6}


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("d.json", json.dumps(JSONSTAT)),
        ("p.csv", "code,year,population\n0126,2023,5\n0140,2023,7\n"),
        ("s.csv", "region,2023\n0126 Huddinge,5\n0140 Nykvarn,7\n"),
    ],
)
def test_load_passes_the_parties_on(tmp_path: Path, name: str, text: str) -> None:
    path = write(tmp_path, name, text)
    with pytest.raises(PopulationDataError) as info:
        Population.load(path, parties=[MUNICIPALITIES[1]])
    # The library's own CSV is for the parties alone; SCB's files have other regions.
    expected = "unknown municipality code '0126'" if name == "p.csv" else "no rows for Botkyrka"
    assert expected in str(info.value)
    assert info.value.source == str(path)
    if name != "p.csv":  # SCB's files have other regions: skipped
        assert Population.load(path, parties=[HUDDINGE]).parties == (HUDDINGE,)
    assert Population.load(path, parties=[HUDDINGE, NYKVARN]).parties == (HUDDINGE, NYKVARN)


# -- JSON-stat2: what the result carries ---------------------------------------------------


def test_jsonstat_result_carries_its_source() -> None:
    assert Population.parse_jsonstat(JSONSTAT, source="d.json").source == "d.json"
    assert Population.parse_jsonstat(json.dumps(JSONSTAT)).source == "<json-stat2>"
    assert Population.parse_csv("code,year,population\n0126,2023,5\n").source == "<csv>"
    assert Population.parse_scb_csv("region,2023\n0126 Huddinge,5\n").source == "<scb csv>"


def test_jsonstat_skips_an_unknown_region_before_a_known_one() -> None:
    data = json.loads(json.dumps(JSONSTAT))
    data["dimension"]["Region"]["category"]["index"] = ["0180", "0140"]
    population = Population.parse_jsonstat(data, skip_unknown=True)
    assert population.at(2023) == {NYKVARN: 7}


def test_jsonstat_with_an_empty_dimension_has_no_counts() -> None:
    data = json.loads(json.dumps(JSONSTAT))
    data["size"] = [0, 1]
    data["dimension"]["Region"]["category"]["index"] = []
    data["value"] = []
    with pytest.raises(PopulationDataError) as info:
        Population.parse_jsonstat(data, source="d.json")
    assert str(info.value).startswith("d.json: the dataset has no rows for Huddinge, ")
    assert "; it has no regions at all;" in str(info.value)


@pytest.mark.parametrize("loader", ["parse_csv", "parse_scb_csv", "parse_jsonstat"])
def test_loaders_name_the_source_when_refusing_the_parties(loader: str) -> None:
    with pytest.raises(PopulationDataError) as info:
        getattr(Population, loader)("", source="f", parties=[5])
    assert (info.value.source, info.value.line) == ("f", None)
    assert str(info.value) == "f: parties [5] must be one or more Municipality"


def test_a_code_is_found_as_municipality_finds_it_however_often_it_recurs() -> None:
    from sodertorn.population.formats import parse_csv

    # Full-width digits fold to the code, as municipality() folds them; each year repeats it.
    text = "code,name,year,population\n０１２６,Huddinge,2020,5\n０１２６,huddinge,2021,6\n"
    loaded = parse_csv(text)
    assert [(party.code, year) for party, year in loaded.counts] == [("0126", 2020), ("0126", 2021)]
    with pytest.raises(PopulationDataError, match="line 3: unknown municipality code '0999'"):
        parse_csv("code,year,population\n0126,2020,5\n0999,2020,5\n")
