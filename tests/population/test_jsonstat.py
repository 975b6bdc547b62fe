"""SCB's API responses read or refused, from the real samples in tests/data/scb-samples.

The samples (see that folder's README for their provenance) are changed only as a query
would change them: other regions, other categories selected, another measure.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sodertorn import MUNICIPALITIES, Population, PopulationDataError
from sodertorn.i18n import error_text

SAMPLES = Path(__file__).parents[1] / "data" / "scb-samples"
HUDDINGE, NYKVARN = MUNICIPALITIES[0], MUNICIPALITIES[5]
TOTAL_HINT = "the fee needs the whole population"


def tab638(**categories: dict[str, str]) -> dict[str, Any]:
    """The TAB638 sample with every other variable at its total, and *categories* set."""
    data: dict[str, Any] = json.loads(
        (SAMPLES / "tab638-v2-jsonstat2-riket.json").read_text("utf-8")
    )
    for name in ("Civilstand", "Alder", "Kon"):
        data["dimension"][name]["category"] = {"index": {"tot": 0}, "label": {"tot": "totalt"}}
    data["dimension"]["Region"]["category"] = {
        "index": {"0126": 0},
        "label": {"0126": "Huddinge"},
    }
    for name, labels in categories.items():
        data["dimension"][name]["category"] = {
            "index": {code: i for i, code in enumerate(labels)},
            "label": labels,
        }
    sizes = [len(data["dimension"][name]["category"]["index"]) for name in data["id"]]
    data["size"] = sizes
    cells = 1
    for size in sizes:
        cells *= size
    data["value"] = list(range(100, 100 + cells))
    return data


def refusal(data: object, reader: str = "parse_jsonstat", **options: Any) -> str:
    with pytest.raises(PopulationDataError) as info:
        getattr(Population, reader)(data, source="r.json", **options)
    assert (info.value.source, info.value.line) == ("r.json", None)
    text = str(info.value)
    assert text.startswith("r.json: ")
    return text.removeprefix("r.json: ")


# -- JSON-stat2 ----------------------------------------------------------------------------


def test_the_sample_with_totals_and_a_party_is_read_with_its_update_time() -> None:
    population = Population.parse_jsonstat(tab638(), source="r.json")
    assert population.at(2024) == {HUDDINGE: 100}
    (source,) = population.sources(2024)
    assert (source.kind, source.updated) == ("given", "2025-02-21T07:00:00Z")
    assert source.describe("en").startswith("r.json")


def test_regions_shown_when_the_parties_are_missing() -> None:
    """Riket by its code alone, a county by code and name, a label that repeats its code."""
    data = tab638(
        Region={
            "00": "",
            "01": "Stockholms län",
            "0180": "0180 Stockholm",
            "0114": "0114",
            "03": "Uppsala län",
            "0380": "Uppsala",
            "0381": "Enköping",
        }
    )
    assert refusal(data).startswith(
        "the dataset has no rows for Huddinge, Botkyrka, Salem, Haninge, Tyresö, Nykvarn, "
        "Södertälje and Nynäshamn; it has 00 Riket, 01 Stockholms län, 0180 Stockholm, 0114, "
        "03 Uppsala län and 2 more; select"
    )


@pytest.mark.parametrize("count", [49, 50, 60])
def test_the_regions_found_are_counted_in_full(count: int) -> None:
    data = tab638(Region={f"{1000 + i}": f"Kommun {i}" for i in range(count)})
    assert f" and {count - 5} more; select" in refusal(data)


def test_a_label_that_starts_with_its_code_names_the_region() -> None:
    data = tab638(Region={"0126": "0126 Huddinge", "0140": "0140 Nykvarn kommun"})
    assert Population.parse_jsonstat(data).at(2024) == {HUDDINGE: 100, NYKVARN: 101}
    wrong = tab638(Region={"0126": "0126 Nykvarn"})
    assert refusal(wrong) == (
        "region 0126 Nykvarn: the name 'Nykvarn' does not match code 0126, which is Huddinge; "
        "correct the code or the name"
    )


def test_a_category_that_is_not_a_total_names_the_dimension_and_its_label() -> None:
    ages = {str(a): f"{a} år" for a in range(8)}
    assert refusal(tab638(Alder=ages)) == (
        "dimension 'Alder' (ålder) has 0 år, 1 år, 2 år, 3 år, 4 år, 5 år and 2 more and no "
        f"total; {TOTAL_HINT}: leave 'Alder' out of the query (it is then eliminated) "
        "or select its total"
    )
    two = tab638(Kon={"1": "män", "2": "kvinnor", "1+2": "totalt", "tot": "totalt"})
    assert refusal(two) == (
        "dimension 'Kon' (kön) has 1 män, 2 kvinnor, 1+2 totalt and tot totalt, more than one "
        f"total; {TOTAL_HINT}: leave 'Kon' out of the query (it is then eliminated) or select "
        "its total"
    )
    unlabelled = tab638(Kon={"1": "män"})
    del unlabelled["dimension"]["Kon"]["label"]
    assert refusal(unlabelled).startswith("dimension 'Kon' has 1 män and no total;")


def test_the_elimination_value_is_the_total() -> None:
    data = tab638(Kon={"1": "män", "2": "kvinnor", "1+2": "män och kvinnor"})
    data["dimension"]["Kon"]["extension"] = {"eliminationValueCode": "1+2"}
    assert Population.parse_jsonstat(data).at(2024) == {HUDDINGE: 102}


def test_a_dimension_without_categories() -> None:
    data = tab638(Kon={})
    assert refusal(data) == "dimension 'Kon' (kön) has no categories"


def test_the_measure_is_found_by_its_role_or_its_id() -> None:
    data = tab638(ContentsCode={"BE0101N1": "Folkmängd", "BE0101N2": "Folkökning"})
    assert Population.parse_jsonstat(data).at(2024) == {HUDDINGE: 100}
    del data["role"]["metric"]
    assert Population.parse_jsonstat(data).at(2024) == {HUDDINGE: 100}
    growth = tab638(ContentsCode={f"BE0101N{i}": f"mått {i}" for i in range(2, 10)})
    assert refusal(growth) == (
        "measure 'ContentsCode' (tabellinnehåll) is BE0101N2 mått 2, BE0101N3 mått 3, "
        "BE0101N4 mått 4, BE0101N5 mått 5, BE0101N6 mått 6, BE0101N7 mått 7 and 2 more, not "
        "the population (Folkmängd, BE0101N1); choose the contents 'Folkmängd'"
    )


def test_a_dimension_both_region_and_time() -> None:
    data = tab638()
    data["role"] = {"geo": ["Tid"], "time": ["Tid"]}
    assert refusal(data) == "dimension 'Tid' cannot be both region and time"


def test_a_party_twice() -> None:
    data = tab638(Region={"0126": "Huddinge", "0140": "Nykvarn"})
    data["dimension"]["Region"]["category"]["index"] = ["0126", "0126"]
    assert refusal(data) == "Huddinge 2024 is given twice (regions '0126' and another)"


def test_sizes_that_claim_too_many_cells() -> None:
    data = tab638()
    data["size"] = [10**6, 10**6, 2, 1, 1, 1]
    assert refusal(data) == (
        "the sizes [1000000, 1000000, 2, 1, 1, 1] claim more than 1000000000000 cells; not a "
        "table of population by region and year"
    )
    data["size"] = [10**6, 10**6, 1, 1, 1, 1]
    assert refusal(data) == "dimension 'Region' has 1 category but size 1000000"


@given(st.integers(0, 2**40))
def test_a_sparse_value_index_must_be_a_cell(index: int) -> None:
    data = tab638()
    data["value"] = {str(index): 5}
    if index == 0:
        assert Population.parse_jsonstat(data).at(2024) == {HUDDINGE: 5}
    else:
        assert refusal(data) == f"value index {str(index)[:20]!r} out of range"


def test_a_missing_sparse_value_is_refused() -> None:
    data = tab638(Region={"0126": "Huddinge", "0140": "Nykvarn"})
    data["value"] = {"0": 5}
    assert refusal(data) == (
        "count null (no figure) for Nykvarn 2024 is not a whole number of inhabitants"
    )


def sv_refusal(data: dict[str, Any]) -> str:
    with pytest.raises(PopulationDataError) as info:
        Population.parse_jsonstat(data, source="r.json")
    return error_text(info.value, "sv")


def test_a_long_sparse_value_index_is_cut_in_the_message() -> None:
    data = tab638()
    data["value"] = {"123456789012345678901234": 5}
    assert refusal(data) == "value index '12345678901234567890…' out of range"
    assert sv_refusal(data) == (
        "r.json: värdeindexet '12345678901234567890…' ligger utanför intervallet"
    )
    data["value"] = {"1" * 5000: 5}  # too long to be read as a number at all
    assert refusal(data) == f"value index '{'1' * 20}…' out of range"


def test_a_sparse_value_index_of_fourteen_characters_is_refused() -> None:
    data = tab638(Region={"0126": "Huddinge", "0140": "Nykvarn"})
    data["value"] = {"0": 5, "1": 6, "00000000000001": 7}
    assert refusal(data) == "value index '00000000000001' out of range"


def test_values_that_are_neither_a_list_nor_an_object_are_shown_cut() -> None:
    data = tab638()
    data["value"] = "114304,95905,17000,93000,51000,12342,104000,60000"
    assert refusal(data) == (
        "expected 1 value (the product of 'size'), got '114304,95905,17000,93000,51000,12342,104…'"
    )
    assert sv_refusal(data) == (
        "r.json: 1 värde väntades (produkten av 'size'), "
        "fick '114304,95905,17000,93000,51000,12342,104…'"
    )


def test_a_count_given_as_text_is_shown_cut() -> None:
    data = tab638()
    data["value"] = ["114304 (preliminär siffra)"]
    assert refusal(data) == (
        "count '114304 (preliminär s…' for Huddinge 2024 is not a whole number of inhabitants "
        "(JSON-stat values are numbers)"
    )
    assert sv_refusal(data) == (
        "r.json: folkmängden '114304 (preliminär s…' för Huddinge 2024 är inget helt antal "
        "invånare (värden i JSON-stat är tal)"
    )


def test_a_label_with_another_code_is_shown_whole() -> None:
    data = tab638(Region={"0126": "0140 Nykvarn"})
    assert refusal(data) == (
        "region 0126 0140 Nykvarn: the name '0140 Nykvarn' does not match code 0126, which is "
        "Huddinge; correct the code or the name"
    )
    assert sv_refusal(data) == (
        "r.json: regionen 0126 0140 Nykvarn: namnet '0140 Nykvarn' stämmer inte med koden "
        "0126, som är Huddinge; rätta koden eller namnet"
    )


@pytest.mark.parametrize("updated", [None, 20250221])
def test_an_update_time_that_is_not_text_is_left_empty(updated: object) -> None:
    data = tab638()
    if updated is None:
        del data["updated"]
    else:
        data["updated"] = updated
    (source,) = Population.parse_jsonstat(data, source="r.json").sources(2024)
    assert (source.kind, source.note, source.updated) == ("given", "r.json", "")


# -- API v1 "json" --------------------------------------------------------------------------


def v1(rows: list[tuple[str, str, str, str]]) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (SAMPLES / "befolkningny-v1-json-riket.json").read_text("utf-8")
    )
    data["data"] = [{"key": [r, a, t], "values": [v]} for r, a, t, v in rows]
    return data


def test_v1_json_is_read_by_its_codes() -> None:
    data = v1([("0126", "tot", "2019", "110003"), ("0140", "tot", "2019", "11000")])
    population = Population.parse_scb_json(data, source="r.json")
    assert population.at(2019) == {HUDDINGE: 110_003, NYKVARN: 11_000}
    assert [s.describe("en") for s in population.sources(2019)] == ["r.json"]
    by_text = v1([("0126", "tot", "2019", "1")])
    by_text["columns"][0]["code"] = "Kommun"
    assert Population.parse_scb_json(by_text).at(2019) == {HUDDINGE: 1}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d.update(columns="Region"),
            "not an SCB API json response: expected 'columns' (each with code and type) and 'data'",
        ),
        (
            lambda d: d["columns"][1].update(type="x"),
            "not an SCB API json response: expected 'columns' (each with code and type) and 'data'",
        ),
        (
            lambda d: d["columns"][1].update(code=5),
            "not an SCB API json response: expected 'columns' (each with code and type) and 'data'",
        ),
        (
            lambda d: d.update(data={}),
            "not an SCB API json response: expected 'columns' (each with code and type) and 'data'",
        ),
        (
            lambda d: d["columns"][0].update(code="Lan", text="län"),
            "the response needs one region column (code 'Region') and one time column (type "
            "'t'); it has Lan, Alder and Tid",
        ),
        (
            lambda d: d["columns"][1].update(type="t"),
            "the response needs one region column (code 'Region') and one time column (type "
            "'t'); it has Region, Alder and Tid",
        ),
        (
            lambda d: d.update(columns=[c for c in d["columns"] if c["type"] == "c"]),
            "the response needs one region column (code 'Region') and one time column (type "
            "'t'); it has none",
        ),
        (
            lambda d: d["columns"][3].update(code="BE0101N2", text="Population growth"),
            "the measure is BE0101N2 (Population growth), not the population (Folkmängd, BE0101N1)",
        ),
        (
            lambda d: d["columns"].append({"code": "BE0101N1", "text": "Folkmängd", "type": "c"}),
            "the measure is BE0101N1 (Population) and BE0101N1 (Folkmängd), not the population "
            "(Folkmängd, BE0101N1)",
        ),
        (
            lambda d: d.update(columns=[c for c in d["columns"] if c["type"] != "c"]),
            "the measure is none, not the population (Folkmängd, BE0101N1)",
        ),
        (
            lambda d: d["data"][0].update(key=["0126", "tot"]),
            "row {'key': ['0126', 'tot'], 'values': ['110003']} does not match the columns "
            "Region, Alder, Tid and BE0101N1",
        ),
        (
            lambda d: d["data"][0].update(values=[]),
            "row {'key': ['0126', 'tot', '2019'], 'values': []} does not match the columns "
            "Region, Alder, Tid and BE0101N1",
        ),
        (
            lambda d: d["data"][0].update(key=["0126", 0, "2019"]),
            "row {'key': ['0126', 0, '2019'], 'values': ['110003']} does not match the columns "
            "Region, Alder, Tid and BE0101N1",
        ),
        (
            lambda d: d["data"].__setitem__(0, "0126"),
            "row '0126' does not match the columns Region, Alder, Tid and BE0101N1",
        ),
        (
            lambda d: d["data"].extend(
                {"key": ["0126", a, "2019"], "values": ["1"]} for a in ("40", "totalt")
            ),
            "column 'Alder' has tot, 40 and totalt and more than one total; the fee needs the whole "
            "population: select the total of 'Alder'",
        ),
        (
            lambda d: d.update(
                data=[{"key": ["0126", str(a), "2019"], "values": ["1"]} for a in range(40, 48)]
            ),
            "column 'Alder' has 40, 41, 42, 43, 44, 45 and 2 more and no total; the fee needs the whole "
            "population: select the total of 'Alder'",
        ),
        (
            lambda d: d["data"].append({"key": ["0126", "tot", "2019"], "values": ["2"]}),
            "Huddinge 2019 is given twice",
        ),
        (
            lambda d: d["data"][0].update(values=[None]),
            "count null (no figure) for Huddinge 2019 is not a whole number of inhabitants",
        ),
        (
            lambda d: d["data"][0].update(key=["0126", "tot", "2019M12"]),
            "period '2019M12' is a month or quarter, not a year; the fee weighs the population on "
            "31 December: choose the yearly table (Folkmängd efter region ... och år, TAB638)",
        ),
    ],
)
def test_v1_json_refusal(change: Any, message: str) -> None:
    data = v1([("0126", "tot", "2019", "110003")])
    change(data)
    assert refusal(data, "parse_scb_json") == message


def test_v1_json_as_text_or_bytes_and_its_refusals_name_the_source() -> None:
    data = v1([("0126", "tot", "2019", "110003")])
    for text in (json.dumps(data), json.dumps(data).encode()):
        assert Population.parse_scb_json(text).at(2019) == {HUDDINGE: 110_003}
    assert refusal("{", "parse_scb_json") == "not valid JSON: line 1, column 2"
    assert refusal(json.dumps(data), "parse_scb_json", parties=["0126"]) == (
        "parties ['0126'] must be one or more Municipality"
    )
    assert refusal("[" * 100_000, "parse_scb_json") == "the JSON is nested too deeply"
    assert refusal('{"columns": "\x00"}', "parse_scb_json") == (
        "the text has NUL characters; it is not a CSV or JSON file; save it as CSV in UTF-8"
    )


def test_v1_json_reads_every_row_past_the_ones_it_skips() -> None:
    data = v1(
        [
            ("0180", "tot", "2019", "1"),
            ("0126", "40", "2019", "2"),
            ("0126", "tot", "2019", "110003"),
            ("0140", "tot", "2019", "11000"),
        ]
    )
    assert Population.parse_scb_json(data).at(2019) == {HUDDINGE: 110_003, NYKVARN: 11_000}


def test_v1_json_columns_by_code_or_text() -> None:
    data = v1([("0126", "tot", "2019", "5")])
    data["columns"][0]["text"] = "area"
    assert Population.parse_scb_json(data).at(2019) == {HUDDINGE: 5}
    coded = v1([("0126", "tot", "2019", "5")])
    coded["columns"][3] = {"code": "BE0101N1", "text": "Antal", "type": "c"}
    assert Population.parse_scb_json(coded).at(2019) == {HUDDINGE: 5}
    named = v1([("0126", "tot", "2019", "5")])
    named["columns"][3] = {"code": "000001NV", "text": "Folkmängd", "type": "c"}
    assert Population.parse_scb_json(named).at(2019) == {HUDDINGE: 5}
    untexted = v1([("0126", "tot", "2019", "5")])
    untexted["columns"][3] = {"code": "BE0101N2", "type": "c"}
    assert refusal(untexted, "parse_scb_json") == (
        "the measure is BE0101N2 (), not the population (Folkmängd, BE0101N1)"
    )


def test_v1_json_long_row_and_mismatched_region() -> None:
    data = v1([("0126", "tot", "2019", "5")])
    data["data"][0]["key"] = ["0126", "tot", "2019", "x" * 100]
    assert refusal(data, "parse_scb_json") == (
        "row {'key': ['0126', 'tot', '2019', 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx… "
        "does not match the columns Region, Alder, Tid and BE0101N1"
    )
    wrong = v1([("0127 Huddinge", "tot", "2019", "5")])
    assert refusal(wrong, "parse_scb_json") == (
        "region 0127 Huddinge: the name 'Huddinge' does not match code 0127, which is "
        "Botkyrka; correct the code or the name"
    )


# -- more JSON-stat -------------------------------------------------------------------------


def test_the_reader_itself_names_its_default_sources() -> None:
    from sodertorn.population import jsonstat

    with pytest.raises(PopulationDataError) as info:
        jsonstat.parse_jsonstat("[]")
    assert str(info.value) == "<json-stat2>: expected a JSON-stat2 dataset object, got list"
    with pytest.raises(PopulationDataError) as info:
        jsonstat.parse_scb_json("[]")
    assert str(info.value).startswith("<scb json>: not an SCB API json response")


def test_a_long_malformed_index_is_cut_to_80_characters() -> None:
    data = tab638()
    index = [f"{year}" for year in range(2000, 2030)] + [2030]
    data["dimension"]["Tid"]["category"] = {"index": index}
    assert refusal(data) == (
        "dimension 'Tid' has a malformed category index ['2000', '2001', '2002', '2003', "
        "'2004', '2005', '2006', '2007', '2008', '2009',…"
    )


def test_labels_that_are_not_text_are_ignored() -> None:
    data = tab638()
    data["dimension"]["Region"]["category"]["label"] = {"0126": 5, 7: "x"}
    assert Population.parse_jsonstat(data).at(2024) == {HUDDINGE: 100}


def test_a_version_2_dataset_with_a_dataset_member_is_still_version_2() -> None:
    data = tab638()
    data["dataset"] = {"label": "Folkmängd"}
    assert Population.parse_jsonstat(data).at(2024) == {HUDDINGE: 100}


def test_version_1_roles_name_the_dimensions() -> None:
    data = tab638()
    data["dimension"]["Area"] = data["dimension"].pop("Region")
    data["id"] = ["Area" if i == "Region" else i for i in data["id"]]
    version_1 = {
        "dataset": {
            "dimension": {
                **data["dimension"],
                "id": data["id"],
                "size": data["size"],
                "role": {"geo": ["Area"], "time": ["Tid"], "metric": ["ContentsCode"]},
            },
            "value": data["value"],
        }
    }
    assert Population.parse_jsonstat(version_1).at(2024) == {HUDDINGE: 100}


@pytest.mark.parametrize("time_id", ["Tid", "år", "År", "year", "Year", "time"])
def test_the_time_dimension_by_its_id(time_id: str) -> None:
    data = tab638()
    data["dimension"][time_id] = data["dimension"].pop("Tid")
    data["id"] = [time_id if i == "Tid" else i for i in data["id"]]
    del data["role"]["time"]
    assert Population.parse_jsonstat(data).at(2024) == {HUDDINGE: 100}


@pytest.mark.parametrize("name", ["ContentsCode", "Tabellinnehåll", "tabellinnehall"])
def test_the_measure_by_its_id(name: str) -> None:
    data = tab638(ContentsCode={"BE0101N2": "Folkökning", "BE0101N1": "Folkmängd"})
    data["dimension"][name] = data["dimension"].pop("ContentsCode")
    data["id"] = [name if i == "ContentsCode" else i for i in data["id"]]
    del data["role"]["metric"]
    assert Population.parse_jsonstat(data).at(2024) == {HUDDINGE: 101}


@pytest.mark.parametrize("extra", [31 - 6, 32 - 6, 33 - 6])
def test_at_most_32_dimensions(extra: int) -> None:
    data = tab638()
    for i in range(extra):
        data["dimension"][f"V{i}"] = {"category": {"index": {"tot": 0}}}
    data["id"] = [*data["id"], *(f"V{i}" for i in range(extra))]
    data["size"] = [*data["size"], *([1] * extra)]
    if len(data["id"]) <= 32:
        assert Population.parse_jsonstat(data).at(2024) == {HUDDINGE: 100}
    else:
        assert refusal(data) == (
            "not a JSON-stat2 dataset: expected 'id', 'size' and 'dimension' that agree"
        )


@pytest.mark.parametrize("count", [6, 7])
def test_six_categories_are_shown_and_the_rest_counted(count: int) -> None:
    ages = {str(a): f"{a} år" for a in range(count)}
    shown = "4 år, 5 år and 1 more" if count == 7 else "4 år and 5 år"
    assert refusal(tab638(Alder=ages)).startswith(
        f"dimension 'Alder' (ålder) has 0 år, 1 år, 2 år, 3 år, {shown} and no total;"
    )


def test_the_rest_is_counted_in_swedish_too() -> None:
    ages = {str(a): f"{a} år" for a in range(8)}
    with pytest.raises(PopulationDataError) as info:
        Population.parse_jsonstat(tab638(Alder=ages))
    assert "0 år, 1 år, 2 år, 3 år, 4 år, 5 år och 2 till men ingen" in error_text(info.value, "sv")


def test_the_measure_by_its_metric_role() -> None:
    data = tab638(ContentsCode={"BE0101N2": "Folkökning", "BE0101N1": "Folkmängd"})
    data["dimension"]["Mått"] = data["dimension"].pop("ContentsCode")
    data["id"] = ["Mått" if i == "ContentsCode" else i for i in data["id"]]
    data["role"]["metric"] = ["Mått", "Saknas"]
    assert Population.parse_jsonstat(data).at(2024) == {HUDDINGE: 101}
    data["role"]["metric"] = "Mått"  # not a list: no measure by role
    assert refusal(data).startswith(
        "dimension 'Mått' (tabellinnehåll) has BE0101N2 Folkökning and BE0101N1 Folkmängd and no "
        "total;"
    )


@pytest.mark.parametrize("index", ["00", "01", "0000000000000"])
def test_a_sparse_value_index_with_leading_zeros_is_refused(index: str) -> None:
    data = tab638(Region={"0126": "Huddinge", "0140": "Nykvarn"})
    data["value"] = {"0": 5, "1": 6, index: 7}
    assert refusal(data) == f"value index {index!r} out of range"
