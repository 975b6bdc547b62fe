"""Every loader error of Population pinned whole: message, ``line`` and ``source``.

The line number is a promise of the CSV loaders; JSON-stat2 has no lines, so its errors
carry the source only.
"""

from __future__ import annotations

import copy
import json
from typing import TYPE_CHECKING, Any

import pytest

from sodertorn import MUNICIPALITIES, Population, PopulationDataError

if TYPE_CHECKING:
    from collections.abc import Callable

HUDDINGE, NYKVARN = MUNICIPALITIES[0], MUNICIPALITIES[5]
KNOWN_CODES = "0126, 0127, 0128, 0136, 0138, 0140, 0181 or 0192"

# -- the library's own CSV --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("", None, "empty population file; expected a header"),
        ("# only a comment\n  \n", None, "empty population file; expected a header"),
        (
            "0126,2023,5\n",
            1,
            "missing header columns code, year and population in '0126,2023,5'; "
            "expected 'code,year,population' (and optionally 'name')",
        ),
        (
            "\n# c\ncode,year\n0126,2023\n",
            3,
            "missing header column population in 'code,year'; "
            "expected 'code,year,population' (and optionally 'name')",
        ),
        (
            "\n# c\ncode,year,population\n0180,2023,5\n",
            4,
            f"unknown municipality code '0180'; expected one of {KNOWN_CODES}",
        ),
        (
            "code,year,population\n126,2023,5\n",
            2,
            "code '126' is not a four-digit municipality code",
        ),
        (
            "code,year,population\n0126,2023,-5\n",
            2,
            "count '-5' for Huddinge 2023 is negative; expected 0 or more",
        ),
        (
            "code,year,population\n0126,2023,5.5\n",
            2,
            "count '5.5' for Huddinge 2023 is not a whole number of inhabitants (a comma or "
            "point may be a decimal sign or a thousands separator: export without separators)",
        ),
        ("code,year,population\n0126,23,5\n", 2, "year '23' is not a four-digit year"),
        ("code,year,population\n0126,2023\n", 2, "expected 3 fields, got 2: '0126,2023'"),
        (
            "code,year,population\n0126,2023,5\n\n0126,2023,6\n",
            4,
            "duplicate row for 0126 Huddinge, 2023 (first on line 2)",
        ),
        (
            "code,name,year,population\n0126,Botkyrka,2023,5\n",
            2,
            "name 'Botkyrka' does not match code 0126 (Huddinge)",
        ),
    ],
)
def test_own_csv_error(text: str, line: int | None, message: str) -> None:
    with pytest.raises(PopulationDataError) as info:
        Population.parse_csv(text, source="p.csv")
    assert (info.value.line, info.value.source) == (line, "p.csv")
    where = "p.csv: " + ("" if line is None else f"line {line}: ")
    assert str(info.value) == where + message


def test_own_csv_default_source_and_spaces_in_counts() -> None:
    with pytest.raises(PopulationDataError) as info:
        Population.parse_csv("code,year,population\n0126,2023,x\n")
    assert info.value.source == "<csv>"
    assert str(info.value).startswith("<csv>: line 2: count 'x'")
    text = 'code,year,population\n0126,2023,"113 920"\n0140,2023," 12\xa0107 "\n'
    assert Population.parse_csv(text).at(2023) == {HUDDINGE: 113_920, NYKVARN: 12_107}
    assert Population.parse_csv("code,year,population\n0126,2023,0\n").count(HUDDINGE, 2023) == 0


# -- Statistics Sweden's CSV export ------------------------------------------------------

NO_PARTIES = (
    "the file has no rows for Huddinge, Botkyrka, Salem, Haninge, Tyresö, Nykvarn, Södertälje "
    "and Nynäshamn; it has {found}; select the parties' municipalities (0126 Huddinge ... 0192 "
    "Nynäshamn) when exporting, or run 'sodertorn population fetch YEAR --output FILE'"
)


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (
            "title only\n",
            None,
            "no header row: expected one with the regions and either one column per year "
            "('region;2023;2024'), a year and a population column ('region,år,Folkmängd'), or "
            "SCB's yearly table with a 'Folkmängd' column",
        ),
        (
            "region,2023\n0126 Huddinge,..\n",
            2,
            "count for Huddinge 2023 is missing ('..'); SCB publishes no figure there",
        ),
        (
            "region,2023\n0126 Huddinge,-3\n",
            2,
            "count '-3' for Huddinge 2023 is negative; expected 0 or more",
        ),
        (
            "region,2022,2023\n0126 Huddinge,5\n",
            2,
            "row has 2 fields, fewer than the header's 3: ['0126 Huddinge', '5']",
        ),
        (
            "t\n\nregion,2023\n0126 Huddinge,5\n\n0126 Huddinge,6\n",
            6,
            "0126 Huddinge 2023 is given twice (first on line 4); keep one row per "
            "municipality and year",
        ),
        ("region,2023\n", None, NO_PARTIES.format(found="no regions at all")),
        (
            'region,2023\n"01 Stockholms län",2454821\n',
            None,
            NO_PARTIES.format(found="01 Stockholms län"),
        ),
        (
            'region,2023\n"0180 Stockholm",988943\n"00 Riket",10551707\n',
            None,
            NO_PARTIES.format(found="0180 Stockholm and 00 Riket"),
        ),
        (
            'region,2023\n"0127 Huddinge",5\n',
            2,
            "region 0127 Huddinge: the name 'Huddinge' does not match code 0127, which is "
            "Botkyrka; correct the code or the name",
        ),
        (
            'region,2023\n"0180 Huddinge",5\n',
            2,
            "region 0180 Huddinge: code 0180 is not Huddinge (0126); correct the code or the name",
        ),
    ],
)
def test_scb_csv_error(text: str, line: int | None, message: str) -> None:
    with pytest.raises(PopulationDataError) as info:
        Population.parse_scb_csv(text, source="s.csv")
    assert (info.value.line, info.value.source) == (line, "s.csv")
    where = "s.csv: " + ("" if line is None else f"line {line}: ")
    assert str(info.value) == where + message


def test_scb_csv_default_source_footnotes_and_first_column() -> None:
    with pytest.raises(PopulationDataError) as info:
        Population.parse_scb_csv("x")
    assert info.value.source == "<scb csv>"
    # A year in the first column is not a year column; footnotes after the rows are skipped.
    text = '2021;"2022";"2023"\n"0126 Huddinge";1;2\n"Fotnot"\n"0140 Nykvarn";3;4\n'
    population = Population.parse_scb_csv(text)
    assert population.years == (2022, 2023)
    assert population.at(2023) == {HUDDINGE: 2, NYKVARN: 4}
    tabs = "region\t2023\n0126 Huddinge\t5\n"
    assert Population.parse_scb_csv(tabs).count(HUDDINGE, 2023) == 5


# -- JSON-stat2 --------------------------------------------------------------------------


def dataset() -> dict[str, Any]:
    return {
        "id": ["Region", "ContentsCode", "Tid"],
        "size": [2, 1, 2],
        "role": {"geo": ["Region"], "time": ["Tid"], "metric": ["ContentsCode"]},
        "dimension": {
            "Region": {"category": {"index": {"0126": 0, "0140": 1}}},
            "ContentsCode": {"category": {"index": {"BE0101N1": 0}}},
            "Tid": {"category": {"index": {"2022": 0, "2023": 1}}},
        },
        "value": [1, 2, 3, 4],
    }


def _rename(data: dict[str, Any], old: str, new: str) -> dict[str, Any]:
    data["id"] = [new if i == old else i for i in data["id"]]
    data["dimension"][new] = data["dimension"].pop(old)
    return data


def _tid_index(index: object) -> Callable[[dict[str, Any]], None]:
    return lambda d: d["dimension"]["Tid"]["category"].update(index=index)


NOT_A_DATASET = "not a JSON-stat2 dataset: expected 'id', 'size' and 'dimension' that agree"
JSONSTAT_ERRORS: dict[str, tuple[Callable[[dict[str, Any]], object], str]] = {
    "no id": (lambda d: d.pop("id"), NOT_A_DATASET),
    "id not a list": (lambda d: d.update(id="Region"), NOT_A_DATASET),
    "size not a list": (lambda d: d.update(size=4), NOT_A_DATASET),
    "dimension not an object": (lambda d: d.update(dimension=[]), NOT_A_DATASET),
    "fewer sizes than ids": (lambda d: d.update(size=[2, 1]), NOT_A_DATASET),
    "an id without a dimension": (
        lambda d: d.update(id=["Region", "Contents", "Tid"]),
        NOT_A_DATASET,
    ),
    "an id that is not text": (lambda d: d.update(id=["Region", 1, "Tid"]), NOT_A_DATASET),
    "a negative size": (lambda d: d.update(size=[2, -1, 2]), NOT_A_DATASET),
    "a size that is a bool": (lambda d: d.update(size=[2, True, 2]), NOT_A_DATASET),
    "a size that is a float": (lambda d: d.update(size=[2, 1.0, 2]), NOT_A_DATASET),
    "no time dimension": (
        lambda d: (d.pop("role"), _rename(d, "Tid", "Period")),
        "no time dimension (role 'time' or id 'Tid') among ['Region', 'ContentsCode', 'Period']",
    ),
    "geo role naming two": (
        lambda d: (d["role"].update(geo=["Area", "Tid"]), _rename(d, "Region", "Area")),
        "no geo dimension (role 'geo' or id 'Region') among ['Area', 'ContentsCode', 'Tid']",
    ),
    "geo role naming no id": (
        lambda d: (d["role"].update(geo=["Area"]), _rename(d, "Region", "Place")),
        "no geo dimension (role 'geo' or id 'Region') among ['Place', 'ContentsCode', 'Tid']",
    ),
    "no category": (
        lambda d: d["dimension"]["Tid"].pop("category"),
        "dimension 'Tid' has no category index",
    ),
    "a dimension that is not an object": (
        lambda d: d["dimension"].update(Tid=5),
        "dimension 'Tid' has no category index",
    ),
    "an index with a gap": (
        _tid_index({"2022": 0, "2023": 2}),
        "dimension 'Tid' has a category index that is not 0..n-1",
    ),
    "an index from one": (
        _tid_index({"2022": 1, "2023": 2}),
        "dimension 'Tid' has a category index that is not 0..n-1",
    ),
    "an index that is a number": (
        _tid_index(7),
        "dimension 'Tid' has a malformed category index 7",
    ),
    "an index list with a number": (
        _tid_index(["2022", 2023]),
        "dimension 'Tid' has a malformed category index ['2022', 2023]",
    ),
    "an index with text positions": (
        _tid_index({"2022": "0"}),
        "dimension 'Tid' has a malformed category index {'2022': '0'}",
    ),
    "size and categories disagree": (
        lambda d: d.update(size=[2, 1, 3]),
        "dimension 'Tid' has 2 categories but size 3",
    ),
    "another dimension of two": (
        lambda d: (
            d.update(size=[2, 2, 2]),
            d["dimension"]["ContentsCode"]["category"].update(index={"A": 0, "B": 1}),
        ),
        "expected 8 values (the product of 'size'), got 4",
    ),
    "a measure that is not the population": (
        lambda d: d["dimension"]["ContentsCode"]["category"].update(index={"A": 0}),
        "measure 'ContentsCode' is A, not the population (Folkmängd, BE0101N1); "
        "choose the contents 'Folkmängd'",
    ),
    "a value index at the end": (
        lambda d: d.update(value={"4": 1}),
        "value index '4' out of range",
    ),
    "a negative value index": (
        lambda d: d.update(value={"-1": 1}),
        "value index '-1' out of range",
    ),
    "too few values": (
        lambda d: d.update(value=[1, 2, 3]),
        "expected 4 values (the product of 'size'), got 3",
    ),
    "too many values": (
        lambda d: d.update(value=[1, 2, 3, 4, 5]),
        "expected 4 values (the product of 'size'), got 5",
    ),
    "no values": (lambda d: d.pop("value"), "expected 4 values (the product of 'size'), got None"),
    "values as text": (
        lambda d: d.update(value="1234"),
        "expected 4 values (the product of 'size'), got '1234'",
    ),
    "a sparse gap": (
        lambda d: d.update(value={"0": 1, "1": 2, "2": 3}),
        "count null (no figure) for Nykvarn 2023 is not a whole number of inhabitants",
    ),
    "a bool count": (
        lambda d: d.update(value=[1, 2, 3, True]),
        "count True for Nykvarn 2023 is not a whole number of inhabitants",
    ),
    "a text count": (
        lambda d: d.update(value=[1, 2, 3, "4"]),
        "count '4' for Nykvarn 2023 is not a whole number of inhabitants (JSON-stat values are "
        "numbers)",
    ),
    "a fractional count": (
        lambda d: d.update(value=[1, 2, 3, 4.5]),
        "count 4.5 for Nykvarn 2023 is not a whole number of inhabitants",
    ),
    "a negative count": (
        lambda d: d.update(value=[1, 2, 3, -4]),
        "count -4 for Nykvarn 2023 is negative; expected 0 or more",
    ),
    "a negative float count": (
        lambda d: d.update(value=[1, 2, 3, -4.0]),
        "count -4 for Nykvarn 2023 is negative; expected 0 or more",
    ),
    "a two-digit year": (
        _tid_index({"2022": 0, "23": 1}),
        "Tid '23' is not a four-digit year",
    ),
    "a name that is not its code's": (
        lambda d: d["dimension"]["Region"]["category"].update(
            label={"0126": "Botkyrka", "0140": "Nykvarn"}
        ),
        "region 0126 Botkyrka: the name 'Botkyrka' does not match code 0126, which is "
        "Huddinge; correct the code or the name",
    ),
}


@pytest.mark.parametrize("case", sorted(JSONSTAT_ERRORS))
def test_jsonstat_error(case: str) -> None:
    mutate, message = JSONSTAT_ERRORS[case]
    data = dataset()
    mutate(data)
    for given in (data, json.dumps(data)):
        with pytest.raises(PopulationDataError) as info:
            Population.parse_jsonstat(given, source="d.json")
        assert (info.value.line, info.value.source) == (None, "d.json")
        assert str(info.value) == "d.json: " + message


def test_jsonstat_that_is_not_a_dataset() -> None:
    with pytest.raises(PopulationDataError) as info:
        Population.parse_jsonstat("{")
    assert (info.value.line, info.value.source) == (None, "<json-stat2>")
    assert str(info.value) == "<json-stat2>: not valid JSON: line 1, column 2"
    with pytest.raises(PopulationDataError) as info:
        Population.parse_jsonstat("[]", source="d.json")
    assert str(info.value) == "d.json: expected a JSON-stat2 dataset object, got list"


def test_jsonstat_skipping_every_region_leaves_no_counts() -> None:
    data = dataset()
    data["dimension"]["Region"]["category"]["index"] = {"0180": 0, "0114": 1}
    with pytest.raises(PopulationDataError) as info:
        Population.parse_jsonstat(data, source="d.json", skip_unknown=True)
    assert str(info.value) == "d.json: " + NO_PARTIES.replace("the file", "the dataset").format(
        found="0180 and 0114"
    )
    with pytest.raises(PopulationDataError) as info:
        Population.parse_jsonstat(data, source="d.json", skip_unknown=False)
    assert (
        str(info.value)
        == f"d.json: unknown municipality code '0180'; expected one of {KNOWN_CODES}"
    )


def test_jsonstat_value_index_that_is_not_text() -> None:
    data = dataset()
    data["value"] = {0: 1}  # only a mapping given directly can have such a key
    with pytest.raises(PopulationDataError) as info:
        Population.parse_jsonstat(data, source="d.json")
    assert str(info.value) == "d.json: value index 0 out of range"


# -- JSON-stat2 layouts that are valid ---------------------------------------------------


def test_jsonstat_region_last_and_time_first() -> None:
    data = dataset()
    data["id"] = ["Tid", "ContentsCode", "Region"]
    data["size"] = [2, 1, 2]
    data["value"] = [1, 2, 3, 4]  # (2022, Huddinge), (2022, Nykvarn), (2023, Huddinge), ...
    population = Population.parse_jsonstat(data)
    assert population.at(2022) == {HUDDINGE: 1, NYKVARN: 2}
    assert population.at(2023) == {HUDDINGE: 3, NYKVARN: 4}


def test_jsonstat_three_years_two_regions_strides() -> None:
    data = dataset()
    data["size"] = [2, 1, 3]
    data["dimension"]["Tid"]["category"]["index"] = ["2021", "2022", "2023"]
    data["value"] = [1, 2, 3, 4, 5, 6]
    population = Population.parse_jsonstat(data)
    assert population.at(2021) == {HUDDINGE: 1, NYKVARN: 4}
    assert population.at(2023) == {HUDDINGE: 3, NYKVARN: 6}


def test_jsonstat_contents_dimension_last() -> None:
    data = dataset()
    data["id"] = ["Region", "Tid", "ContentsCode"]
    data["size"] = [2, 2, 1]
    population = Population.parse_jsonstat(data)
    assert population.at(2022) == {HUDDINGE: 1, NYKVARN: 3}
    assert population.at(2023) == {HUDDINGE: 2, NYKVARN: 4}


def test_jsonstat_roles_and_fallbacks() -> None:
    expected = Population.parse_jsonstat(dataset()).counts
    by_role = dataset()
    _rename(by_role, "Region", "Area")
    _rename(by_role, "Tid", "Year")
    by_role["role"] = {"geo": ["Area"], "time": ["Year"]}
    assert Population.parse_jsonstat(by_role).counts == expected
    ambiguous_role = dataset()
    ambiguous_role["role"] = {"geo": ["Region", "Tid"], "time": "Tid"}
    assert Population.parse_jsonstat(ambiguous_role).counts == expected
    lower_ids = dataset()
    _rename(lower_ids, "Region", "region")
    _rename(lower_ids, "Tid", "tid")
    lower_ids["role"] = ["not", "a", "mapping"]
    assert Population.parse_jsonstat(lower_ids).counts == expected


def test_jsonstat_sparse_values_and_labels() -> None:
    data = dataset()
    data["value"] = {"3": 4.0, "0": 1, "2": 3, "1": 2}
    data["dimension"]["Region"]["category"]["index"] = ["0126 Huddinge", "0140"]
    population = Population.parse_jsonstat(copy.deepcopy(data))
    assert population.counts == Population.parse_jsonstat(dataset()).counts
    assert isinstance(population.count(NYKVARN, 2023), int)
    data["value"] = [0, 0, 0, 0.0]
    assert Population.parse_jsonstat(data).total(2023) == 0
