"""Population files in the shapes users get from Statistics Sweden (SCB), read or refused.

The files are in tests/data/population/ (small, in SCB's real shapes: layouts, headings,
encodings, separators) and tests/data/scb-samples/ (real API responses, with their
provenance in that folder's README).
"""

from __future__ import annotations

import copy
import io
import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest

from sodertorn import MUNICIPALITIES, Population, PopulationDataError, annual_fees
from sodertorn.population import PopulationSource
from sodertorn.population._reading import MAX_BYTES

DATA = Path(__file__).parents[1] / "data"
FILES = DATA / "population"
SAMPLES = DATA / "scb-samples"
HUDDINGE, BOTKYRKA = MUNICIPALITIES[0], MUNICIPALITIES[1]
BUILTIN_2024 = Population.builtin().at(2024)
BUILTIN_2023 = Population.builtin().at(2023)
NO_PARTIES = (
    "has no rows for Huddinge, Botkyrka, Salem, Haninge, Tyresö, Nykvarn, Södertälje and "
    "Nynäshamn; it has {found}; select the parties' municipalities (0126 Huddinge ... 0192 "
    "Nynäshamn) when exporting, or run 'sodertorn population fetch YEAR --output FILE'"
)


def refusal(path: Path, **options: Any) -> str:
    with pytest.raises(PopulationDataError) as info:
        Population.load(path, **options)
    return str(info.value)


# -- the shapes that load -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "years"),
    [
        ("pxweb-long-bom.csv", (2024,)),  # long layout, county row first, UTF-8 BOM, CRLF
        ("pxweb-wide-cp1252.csv", (2023, 2024)),  # title, Riket, county, footnotes, cp1252
        ("pxweb-wide-utf16.txt", (2023, 2024)),  # Excel's "Unicode text": UTF-16, tabs
        ("pxweb-long-kon.csv", (2024,)),  # every sex: only the totals are read
        ("yearly-table-2024.csv", (2024,)),  # the yearly table, the year in its title
    ],
)
def test_scb_shapes_give_the_published_figures(name: str, years: tuple[int, ...]) -> None:
    population = Population.load(FILES / name)
    assert population.years == years
    assert population.at(2024) == BUILTIN_2024
    if 2023 in years:
        assert population.at(2023) == BUILTIN_2023
    assert population.parties == MUNICIPALITIES
    assert {s.describe("en") for s in population.sources(2024)} == {f"file {FILES / name}"}


def test_the_long_layout_that_once_gave_2024_inhabitants_each() -> None:
    """The county row first, then the parties: every party keeps its own figure."""
    population = Population.load(FILES / "pxweb-long-bom.csv")
    fees = annual_fees(2025, Population.builtin().merge(population))
    assert {line.party: line.amount.amount for line in fees.lines} == {
        party: 4 * count for party, count in BUILTIN_2024.items()
    }


def test_the_yearly_table_year_from_the_caller() -> None:
    text = (FILES / "yearly-table-2024.csv").read_text(encoding="utf-8")
    untitled = "\n".join(text.splitlines()[2:])
    with pytest.raises(PopulationDataError, match="no year, in its title or its headings"):
        Population.parse_scb_csv(untitled)
    assert Population.parse_scb_csv(untitled, year=2024).at(2024) == BUILTIN_2024
    with pytest.raises(PopulationDataError, match="the title says 31 December 2024 but the year"):
        Population.parse_scb_csv(text, year=2025)


def test_space_thousands_separators_and_the_yearly_tables_other_measures() -> None:
    text = (
        "Kommunkod;Kommun;Folkmängd 31 december 2024;Folkökning 2024\n0126;Huddinge;114 304;384\n"
    )
    assert Population.parse_scb_csv(text).at(2024) == {HUDDINGE: 114_304}
    nbsp = '"region";"2024"\n"0126 Huddinge";"114\xa0304"\n'
    assert Population.parse_scb_csv(nbsp).count(HUDDINGE, 2024) == 114_304
    with pytest.raises(PopulationDataError, match="a comma or point may be a decimal sign"):
        Population.parse_scb_csv('"region";"2024"\n"0126 Huddinge";"114,304"\n')


def test_other_regions_and_longer_codes_are_skipped_never_cut() -> None:
    text = (
        '"region";"2024"\n"0126C1010 Huddinge (DeSO)";999\n"01261";888\n"0126 Huddinge";5\n'
        '"01 Stockholms län";2467874\n'
    )
    assert Population.parse_scb_csv(text).at(2024) == {HUDDINGE: 5}


def test_jsonstat_deso_codes_do_not_overwrite_huddinge() -> None:
    data = _jsonstat(["0126C1010", "01261", "0126"], [7, 8, 114_304])
    assert Population.parse_jsonstat(data).at(2024) == {HUDDINGE: 114_304}
    with pytest.raises(PopulationDataError) as info:
        Population.parse_jsonstat(_jsonstat(["0126C1010", "01261"], [7, 8]))
    assert str(info.value) == "<json-stat2>: the dataset " + NO_PARTIES.format(
        found="0126C1010 and 01261"
    )


def test_names_are_checked_forgiving_case_diacritics_and_kommun() -> None:
    assert "the name 'Huddinge' does not match code 0127, which is Botkyrka" in refusal(
        FILES / "pxweb-wide-wrong-name.csv"
    )
    forgiving = (
        '"region";"2024"\n"0126 HUDDINGE KOMMUN";1\n"0181 Sodertalje";2\n'
        '"0192 Nynäshamns kommun";3\n'
    )
    assert Population.parse_scb_csv(forgiving).total(2024) == 6
    labelled = _jsonstat(["0126"], [5], labels={"0126": "Botkyrka"})
    with pytest.raises(PopulationDataError, match="does not match code 0126, which is Huddinge"):
        Population.parse_jsonstat(labelled)


# -- a figure means one thing ---------------------------------------------------------------


def test_a_category_that_is_not_a_total_is_refused() -> None:
    message = refusal(FILES / "pxweb-long-men.csv")
    assert "column 'kön' has 'män' and no total" in message
    assert message.startswith(f"{FILES / 'pxweb-long-men.csv'}: line 1: ")
    men = _jsonstat(["0126"], [57_000], extra={"Kon": ({"1": 0}, {"1": "män"})})
    with pytest.raises(
        PopulationDataError, match=r"dimension 'Kon' \(kon\) has 1 män and no total"
    ):
        Population.parse_jsonstat(men)
    total = _jsonstat(["0126"], [5], extra={"Kon": ({"TotSa": 0}, {"TotSa": "totalt"})})
    assert Population.parse_jsonstat(total).count(HUDDINGE, 2024) == 5
    eliminated = _jsonstat(["0126"], [6], extra={"Kon": ({"x": 0}, {"x": "alla"})})
    eliminated["dimension"]["Kon"]["extension"] = {"eliminationValueCode": "x"}
    assert Population.parse_jsonstat(eliminated).count(HUDDINGE, 2024) == 6


def test_the_real_tab638_sample_is_refused_for_its_categories() -> None:
    message = refusal(SAMPLES / "tab638-v2-jsonstat2-riket.json")
    assert "dimension 'Civilstand' (civilstånd) has OG ogifta and no total" in message


def test_riket_only_says_the_parties_are_missing() -> None:
    data = json.loads((SAMPLES / "tab638-v2-jsonstat2-riket.json").read_text(encoding="utf-8"))
    for name in ("Civilstand", "Alder", "Kon"):
        data["dimension"][name]["category"] = {"index": {"tot": 0}, "label": {"tot": "totalt"}}
    with pytest.raises(PopulationDataError) as info:
        Population.parse_jsonstat(data, source="riket.json")
    assert str(info.value) == "riket.json: the dataset " + NO_PARTIES.format(found="00 Riket")


def test_the_real_api_v1_json_is_read_and_says_the_parties_are_missing() -> None:
    path = SAMPLES / "befolkningny-v1-json-riket.json"
    assert refusal(path) == f"{path}: the response " + NO_PARTIES.format(found="00 Riket")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["data"] = [{"key": ["0126", "tot", "2019"], "values": ["110003"]}]
    assert Population.parse_scb_json(data).count(HUDDINGE, 2019) == 110_003
    data["data"][0]["key"][1] = "40"
    with pytest.raises(PopulationDataError, match="column 'Alder' has 40 and no total"):
        Population.parse_scb_json(data)
    data["data"][0]["key"][1] = "tot"
    data["columns"][3] = {"code": "BE0101N2", "text": "Population growth", "type": "c"}
    with pytest.raises(PopulationDataError, match="not the population"):
        Population.parse_scb_json(data)


def test_the_real_monthly_sample_is_refused() -> None:
    message = refusal(SAMPLES / "tab6471-v2-jsonstat2-lan-manad.json")
    assert "dimension 'Alder' (ålder) has 0-9 år, 10-19 år" in message
    data = json.loads((SAMPLES / "tab6471-v2-jsonstat2-lan-manad.json").read_text("utf-8"))
    data["dimension"]["Alder"]["category"]["index"] = {
        "tot": 0,
        **{f"a{i}": i for i in range(1, 11)},
    }
    with pytest.raises(PopulationDataError, match="'2026M01' is a month or quarter"):
        Population.parse_jsonstat(data)


def test_monthly_periods_and_other_measures_are_refused() -> None:
    assert "'2025M12' is a month or quarter, not a year" in refusal(
        FILES / "pxweb-long-monthly.csv"
    )
    assert "the table's measure is 'Folkökning', not the population" in refusal(
        FILES / "pxweb-long-folkokning.csv"
    )
    growth = _jsonstat(["0126"], [5], contents=("BE0101N2", "Folkökning"))
    with pytest.raises(PopulationDataError, match="measure 'ContentsCode' is BE0101N2 Folkökning"):
        Population.parse_jsonstat(growth)


def test_a_party_twice_in_a_file_is_refused_naming_both_lines() -> None:
    text = '"region";"2024"\n"0126 Huddinge";5\n"0126 Huddinge kommun";6\n'
    with pytest.raises(PopulationDataError, match=r"line 3: 0126 Huddinge 2024 is given twice"):
        Population.parse_scb_csv(text)


# -- xlsx (sodertorn[excel]) ----------------------------------------------------------------


def _workbook(tmp_path: Path, name: str, rows: list[list[Any]]) -> Path:
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    path = tmp_path / name
    workbook.save(path)
    return path


def test_xlsx_export_of_the_statistical_database(tmp_path: Path) -> None:
    rows: list[list[Any]] = [
        ["Folkmängd efter region och år"],
        [],
        ["region", "2023", "2024"],
        ["00 Riket", 10551707, 10587710],
        *[[f"{p.code} {p.name}", BUILTIN_2023[p], BUILTIN_2024[p]] for p in MUNICIPALITIES],
        [],
        ["Källa: SCB"],
    ]
    population = Population.load(_workbook(tmp_path, "export.xlsx", rows))
    assert population.at(2024) == BUILTIN_2024
    assert population.at(2023) == BUILTIN_2023


def test_xlsx_yearly_table(tmp_path: Path) -> None:
    rows: list[list[Any]] = [
        ["Folkmängd i riket, län och kommuner 31 december 2024 och befolkningsförändringar 2024"],
        ["Kommunkod", "Kommun", "Folkmängd", "Folkökning"],
        [None, "Riket", 10587710, 36003],
        ["01", "Stockholms län", 2467874, 13053],
        *[[p.code, p.name, float(BUILTIN_2024[p]), 1] for p in MUNICIPALITIES],
    ]
    assert Population.load(_workbook(tmp_path, "t.xlsx", rows)).at(2024) == BUILTIN_2024


def test_a_broken_workbook_is_refused(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    assert "not a readable xlsx workbook" in refusal(path)


def test_xlsx_is_imported_only_when_a_workbook_is_read(tmp_path: Path) -> None:
    import subprocess

    code = (
        "import sys; from sodertorn import Population; Population.builtin();"
        "Population.load(sys.argv[1]); print('openpyxl' in sys.modules)"
    )
    path = FILES / "pxweb-wide-cp1252.csv"
    result = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


# -- bounded reading -------------------------------------------------------------------------


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_devices_are_refused_before_reading(device: str) -> None:
    assert refusal(Path(device)) == (
        f"'{device}' is not a regular file (a device, FIFO or socket); save the figures to a "
        "file first"
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_is_refused_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert "is not a regular file" in refusal(fifo)


def test_a_directory_and_a_missing_file_are_refused(tmp_path: Path) -> None:
    assert "is a directory" in refusal(tmp_path)
    assert "cannot read population file" in refusal(tmp_path / "none.csv")


def test_a_file_over_the_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    with path.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: no disk used
    assert "larger than 16 MiB" in refusal(path)


def test_jsonstat_sizes_are_checked_before_allocating() -> None:
    many = {f"r{i}": i for i in range(40_000)}
    data = _jsonstat(["0126"], [5], extra={"Kon": (many, {})})
    data["dimension"]["Region"]["category"]["index"] = many
    data["size"] = [40_000, 40_000, 1, 1]
    with pytest.raises(PopulationDataError, match="expected 1600000000 values"):
        Population.parse_jsonstat(json.dumps(data))
    data["value"] = {"0": 5}
    data["size"][0] = 3
    with pytest.raises(PopulationDataError, match="has 40000 categories but size 3"):
        Population.parse_jsonstat(data)
    data["size"] = [10**7, 10**7, 10**7, 1]
    with pytest.raises(PopulationDataError, match="claim more than"):
        Population.parse_jsonstat(data)


def test_deep_json_long_lines_and_huge_counts_are_refused() -> None:
    with pytest.raises(PopulationDataError, match="nested too deeply"):
        Population.parse_jsonstat("[" * 100_000 + "]" * 100_000)
    with pytest.raises(PopulationDataError, match="not readable as CSV"):
        Population.parse_scb_csv('"region";"2024"\n"0126 Huddinge";"' + "1" * 140_000 + '"\n')
    with pytest.raises(PopulationDataError, match="is not a whole number"):
        Population.parse_scb_csv('"region";"2024"\n"0126 Huddinge";' + "9" * 5000 + "\n")
    with pytest.raises(PopulationDataError, match="more than 100,000,000"):
        Population.parse_scb_csv('"region";"2024"\n"0126 Huddinge";1000000000\n')
    with pytest.raises(PopulationDataError, match="not valid JSON"):
        Population.parse_jsonstat('{"value": [' + "9" * 5000 + "]}")


def test_encodings_are_sniffed_before_any_csv_reader() -> None:
    text = '"region";"2024"\n"0140 Nykvarn";12342\n'
    for encoding in ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252"):
        population = Population.parse_scb_csv(text.encode(encoding))
        assert population.count("Nykvarn", 2024) == 12_342, encoding
    with pytest.raises(PopulationDataError, match="NUL bytes and no byte-order mark"):
        Population.parse_scb_csv(b"region;2024\n\x00\x01\x02\x00\x00\x00binary")
    with pytest.raises(PopulationDataError, match="Excel 97-2003"):
        Population.load(_bytes_file(b"\xd0\xcf\x11\xe0" + b"\x00" * 100))
    with pytest.raises(PopulationDataError, match="PC-Axis"):
        Population.load(_bytes_file(b'CHARSET="ANSI";\nAXIS-VERSION="2010";\n'))


def _bytes_file(data: bytes) -> Path:
    import tempfile

    handle = tempfile.NamedTemporaryFile(delete=False, suffix=".dat")  # noqa: SIM115
    handle.write(data)
    handle.close()
    return Path(handle.name)


# -- files add to the built-in data, and say where their figures came from -------------------


def test_a_file_adds_a_year_and_its_source_travels_into_every_output() -> None:
    newer = Population.load(FILES / "own-2025-provisional.csv")
    combined = Population.builtin().merge(newer)
    assert combined.years == (*range(2008, 2026),)
    fees = annual_fees(2026, combined)
    described = f"file {FILES / 'own-2025-provisional.csv'} (provisional figures)"
    assert fees.population_source == described
    assert f"Population source: {described}." in fees.table(lang="en").splitlines()
    assert f"Population source: {described}." in fees.explain(lang="en").splitlines()
    assert f"Population source: {described}." in fees.explain("Salem", lang="en").splitlines()
    swedish = f"Källa för folkmängden: filen {FILES / 'own-2025-provisional.csv'} (preliminära uppgifter)."
    assert swedish in fees.explain("Salem").splitlines()
    data = fees.to_dict()
    assert (data["population_date"], data["population_source"]) == ("2025-12-31", described)
    assert data["population_sources"] == [
        {
            "kind": "file",
            "path": str(FILES / "own-2025-provisional.csv"),
            "provisional": True,
            "description": described,
        }
    ]
    assert "preliminära uppgifter" in fees._repr_html_()
    # The years before still name the built-in publication.
    assert annual_fees(2025, combined).population_source.startswith("Statistics Sweden (SCB)")


def test_a_file_year_the_builtin_data_has_replaces_it_and_says_so() -> None:
    text = "code,year,population\n" + "".join(f"{p.code},2024,1000\n" for p in MUNICIPALITIES)
    path = _bytes_file(text.encode())
    combined = Population.builtin().merge(Population.load(path))
    fees = annual_fees(2025, combined)
    assert fees.total.amount == 32_000
    assert fees.population_source == (
        f"file {path}, replacing Statistics Sweden (SCB), population on 31 December 2008-2024; "
        "licence CC0 1.0 (Källa: SCB)"
    )
    assert "ersätter" in fees.explain(lang="sv") or "i stället för" in fees.explain(lang="sv")


def test_two_inputs_that_disagree_are_refused_unless_told_which_wins() -> None:
    one = Population({(HUDDINGE, 2025): 5}, source="a.csv")
    two = Population({(HUDDINGE, 2025): 6}, source="b.csv")
    with pytest.raises(
        PopulationDataError,
        match="two figures for Huddinge on 31 Dec 2025: 5 from a.csv and 6 from b.csv",
    ):
        one.merge(two, on_conflict="error")
    assert one.merge(two).count(HUDDINGE, 2025) == 6
    assert one.merge(two, on_conflict="self").count(HUDDINGE, 2025) == 5
    assert (
        one.merge(Population({(HUDDINGE, 2025): 5}), on_conflict="error").count(HUDDINGE, 2025) == 5
    )
    with pytest.raises(PopulationDataError, match="on_conflict 'x'"):
        one.merge(two, on_conflict="x")  # type: ignore[arg-type]


def test_the_missing_year_says_where_to_get_it() -> None:
    with pytest.raises(
        Exception,
        match="SCB publishes the population on 31 December 2025 in late February 2026: fetch it with 'sodertorn population fetch 2025 --output FILE'",
    ):
        annual_fees(2026)


def test_the_own_csv_round_trips_with_its_provenance() -> None:
    fetched = PopulationSource(
        kind="fetch",
        url="http://x/api",
        table="TAB638",
        updated="2026-02-24T07:00:00Z",
        fetched="2026-11-30T05:00:00Z",
    )
    counts = {(p, 2025): 1000 + i for i, p in enumerate(MUNICIPALITIES)}
    original = Population(counts, source="x", provenance=dict.fromkeys(counts, fetched))
    text = original.to_csv()
    assert text.splitlines()[1:5] == [
        "# table: TAB638",
        "# url: http://x/api",
        "# updated: 2026-02-24T07:00:00Z",
        "# fetched: 2026-11-30T05:00:00Z",
    ]
    back = Population.load(_bytes_file(text.encode()))
    assert back.counts == original.counts
    (source,) = back.sources(2025)
    assert (source.kind, source.url, source.updated, source.fetched) == (
        "fetch", "http://x/api", "2026-02-24T07:00:00Z", "2026-11-30T05:00:00Z",
    )  # fmt: skip
    assert source.describe("en").startswith(
        f"file {source.path}: Statistics Sweden's (SCB) API, table TAB638, updated "
        "2026-02-24T07:00:00Z, fetched 2026-11-30T05:00:00Z (http://x/api)"
    )
    assert source.describe("sv").startswith(f"filen {source.path}: SCB:s API, tabell TAB638")


def test_provenance_must_be_sources() -> None:
    with pytest.raises(PopulationDataError, match="provenance must map"):
        Population({(HUDDINGE, 2025): 1}, provenance={(HUDDINGE, 2025): "x"})  # type: ignore[dict-item]


# -- helpers --------------------------------------------------------------------------------


def _jsonstat(
    regions: list[str],
    values: list[int],
    *,
    labels: dict[str, str] | None = None,
    extra: dict[str, tuple[dict[str, int], dict[str, str]]] | None = None,
    contents: tuple[str, str] = ("BE0101N1", "Folkmängd"),
) -> dict[str, Any]:
    extra = extra or {}
    ids = ["Region", *extra, "ContentsCode", "Tid"]
    dimension: dict[str, Any] = {
        "Region": {
            "category": {
                "index": {code: i for i, code in enumerate(regions)},
                **({"label": labels} if labels else {}),
            }
        },
        "ContentsCode": {
            "category": {"index": {contents[0]: 0}, "label": {contents[0]: contents[1]}}
        },
        "Tid": {"category": {"index": {"2024": 0}}},
    }
    for name, (index, label) in extra.items():
        dimension[name] = {"label": name.lower(), "category": {"index": index, "label": label}}
    sizes = [len(regions), *(len(i) for i, _ in extra.values()), 1, 1]
    return copy.deepcopy(
        {
            "version": "2.0",
            "class": "dataset",
            "id": ids,
            "size": sizes,
            "role": {"time": ["Tid"], "metric": ["ContentsCode"]},
            "dimension": dimension,
            "value": values,
        }
    )


def test_categories_in_the_year_headings_and_a_contents_column() -> None:
    every_sex = '"region";"män 2024";"kvinnor 2024";"totalt 2024";"Jan-dec"\n"0126 Huddinge";57000;57304;114304;12\n'
    assert Population.parse_scb_csv(every_sex).at(2024) == {HUDDINGE: 114_304}
    with pytest.raises(
        PopulationDataError, match="the year columns are 'män 2024' and 'kvinnor 2024'"
    ):
        Population.parse_scb_csv('"region";"män 2024";"kvinnor 2024"\n"0126 Huddinge";1;2\n')
    contents = (
        '"region";"tabellinnehåll";"år";"värde"\n"0126 Huddinge";"Folkmängd";"2024";114304\n'
        '"0126 Huddinge";"Folkökning";"2024";384\n'
    )
    assert Population.parse_scb_csv(contents).at(2024) == {HUDDINGE: 114_304}
    with pytest.raises(PopulationDataError, match="the table's contents are 'Folkökning'"):
        Population.parse_scb_csv(contents.replace('"Folkmängd"', '"Folkökning"'))


def test_a_workbook_without_openpyxl_names_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _workbook(tmp_path, "w.xlsx", [["region", "2024"], ["0126 Huddinge", 5]])
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # as if it were not installed
    assert "pip install 'sodertorn[excel]'" in refusal(path)


def test_what_is_not_a_path_or_a_stream_is_refused() -> None:
    with pytest.raises(PopulationDataError, match="expected a path to a population file, got 5"):
        Population.load(5)  # type: ignore[arg-type]
    with pytest.raises(PopulationDataError, match="cannot read population file"):
        Population.load("bad\x00name.csv")
    with pytest.raises(PopulationDataError, match="expected a binary stream, got None"):
        Population.read(None)  # type: ignore[arg-type]

    class Broken(io.RawIOBase):
        def read(self, size: int = -1) -> bytes:
            raise OSError("device gone")

    with pytest.raises(
        PopulationDataError, match="<stdin>: cannot read population data: device gone"
    ):
        Population.read(Broken())  # type: ignore[arg-type]
    with pytest.raises(PopulationDataError, match="expected bytes from the stream"):
        Population.read(io.StringIO("code,year,population\n"))  # type: ignore[arg-type]
    with pytest.raises(PopulationDataError, match="larger than 16 MiB"):
        Population.read(io.BytesIO(b" " * (MAX_BYTES + 1)))


def test_jsonstat_version_1_from_the_api_v1() -> None:
    two = _jsonstat(["0126", "0140"], [114_304, 12_342])
    version_1 = {
        "dataset": {
            "dimension": {
                **two["dimension"],
                "id": two["id"],
                "size": two["size"],
                "role": two["role"],
            },
            "label": "Folkmängd efter region och år",
            "value": two["value"],
        }
    }
    population = Population.parse_jsonstat(json.dumps(version_1))
    assert population.at(2024) == {HUDDINGE: 114_304, MUNICIPALITIES[5]: 12_342}


def test_xlsx_export_in_the_long_layout(tmp_path: Path) -> None:
    rows: list[list[Any]] = [
        ["Folkmängd efter region, kön och år"],
        ["region", "kön", "år", "Folkmängd"],
        *[[f"{p.code} {p.name}", "totalt", 2024, BUILTIN_2024[p]] for p in MUNICIPALITIES],
        *[[f"{p.code} {p.name}", "män", 2024, 1] for p in MUNICIPALITIES],
    ]
    population = Population.load(_workbook(tmp_path, "long.xlsx", rows))
    assert population.at(2024) == BUILTIN_2024
    untitled = _workbook(tmp_path, "yearly.xlsx", [["Kommun", "Folkmängd"], ["0126 Huddinge", 5]])
    assert Population.load(untitled, year=2025).at(2025) == {HUDDINGE: 5}
