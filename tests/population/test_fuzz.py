"""Whatever the bytes or structures, the population loaders raise only PopulationDataError."""

from __future__ import annotations

import contextlib
import io
import json
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sodertorn import Population, PopulationDataError
from sodertorn.population import formats, jsonstat

if TYPE_CHECKING:
    from collections.abc import Callable

TOKENS = [
    '"region"', "region", "år", "Tid", "Folkmängd", "Folkmängd 2024", "Folkökning", "kön",
    "män", "totalt", "tot", "TotSa", "2023", "2024", "2025M12", "1700", "0126 Huddinge",
    "0126", "Huddinge", "0127 Huddinge", "01 Stockholms län", "00 Riket", "0126C1010", "..",
    "113 920", "114\xa0304", "-3", "5.5", "9" * 30, "code", "year", "population", "name",
    "#", "# url: x", "31 december 2024", "Kommunkod", "Kommun", '"', "", " ",
]  # fmt: skip
SEPARATORS = [";", ",", "\t", "\n", "\r\n", '"']

tables = st.lists(st.sampled_from(TOKENS) | st.sampled_from(SEPARATORS), max_size=40).map("".join)
encoded = st.tuples(tables, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"])).map(
    lambda pair: pair[0].encode(pair[1], errors="replace")
)
raw = st.binary(max_size=200)
prefixed = st.tuples(
    st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"PK\x03\x04", b"{", b"\x00"]),
    raw,
).map(b"".join)

KEYS = [
    "id", "size", "dimension", "value", "role", "category", "index", "label", "extension",
    "eliminationValueCode", "geo", "time", "metric", "Region", "Tid", "ContentsCode", "Kon",
    "columns", "data", "key", "values", "code", "type", "text", "dataset", "updated",
]  # fmt: skip
leaves = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-3, max_value=3)
    | st.integers(min_value=10**6, max_value=10**7)
    | st.sampled_from([0.5, 2.0, -1.0])
    | st.sampled_from(["0126", "0140", "00", "2024", "2025M12", "BE0101N1", "tot", "TotSa", "1", "d", "t", "c", "x"])
)  # fmt: skip
structures = st.recursive(
    leaves,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(KEYS), children, max_size=5)
    ),
    max_leaves=25,
)

TEXT_LOADERS: dict[str, Callable[[bytes], object]] = {
    "parse_any": lambda data: formats.parse_any(data, source="f"),
    "parse_csv": Population.parse_csv,
    "parse_scb_csv": Population.parse_scb_csv,
    "parse_scb_csv year": lambda data: Population.parse_scb_csv(data, year=2024),
    "parse_jsonstat": Population.parse_jsonstat,
    "parse_scb_json": Population.parse_scb_json,
    "read": lambda data: Population.read(io.BytesIO(data)),
}


def _only_our_error(load: Callable[[Any], object], data: Any) -> None:
    with contextlib.suppress(PopulationDataError):
        load(data)


@pytest.mark.parametrize("loader", sorted(TEXT_LOADERS))
@settings(max_examples=60, deadline=None)
@given(data=encoded | prefixed | tables.map(str.encode))
def test_every_loader_raises_only_its_error_for_any_bytes(loader: str, data: bytes) -> None:
    _only_our_error(TEXT_LOADERS[loader], data)


@settings(max_examples=60, deadline=None)
@given(text=tables)
def test_text_given_as_str_raises_only_its_error(text: str) -> None:
    for load in (Population.parse_csv, Population.parse_scb_csv, Population.parse_jsonstat):
        _only_our_error(load, text)


@settings(max_examples=30, deadline=None)
@given(data=prefixed)
def test_xlsx_raises_only_its_error(data: bytes) -> None:
    pytest.importorskip("openpyxl")
    _only_our_error(Population.parse_xlsx, data)


@settings(max_examples=100, deadline=None)
@given(structure=structures)
def test_json_structures_raise_only_its_error(structure: object) -> None:
    _only_our_error(Population.parse_jsonstat, structure)
    _only_our_error(Population.parse_scb_json, structure)
    _only_our_error(lambda s: formats.parse_any(json.dumps(s), source="f"), structure)
    _only_our_error(lambda s: jsonstat.parse_jsonstat({"dataset": s}), structure)


DIMENSION = st.fixed_dictionaries(
    {"category": st.fixed_dictionaries({"index": structures, "label": structures})}
)


@settings(max_examples=100, deadline=None)
@given(
    ids=st.lists(st.sampled_from(["Region", "Tid", "ContentsCode", "Kon"]), max_size=4),
    sizes=st.lists(st.integers(min_value=0, max_value=3), max_size=4),
    dimensions=st.dictionaries(
        st.sampled_from(["Region", "Tid", "ContentsCode", "Kon"]), DIMENSION
    ),
    values=structures,
    role=structures,
)
def test_dataset_shaped_structures_raise_only_its_error(
    ids: list[str], sizes: list[int], dimensions: dict[str, Any], values: object, role: object
) -> None:
    data = {"id": ids, "size": sizes, "dimension": dimensions, "value": values, "role": role}
    _only_our_error(Population.parse_jsonstat, data)
