"""Whatever the bytes or structures, the population loaders raise only PopulationDataError."""

from __future__ import annotations

import contextlib
import io
import json
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given, settings

from sodertorn import Population, PopulationDataError
from sodertorn.population import formats, jsonstat
from sodertorn.testing import (
    json_structures,
    jsonstat_datasets,
    magic_bytes,
    population_bytes,
    population_texts,
)

if TYPE_CHECKING:
    from collections.abc import Callable

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
@given(data=population_bytes())
def test_every_loader_raises_only_its_error_for_any_bytes(loader: str, data: bytes) -> None:
    _only_our_error(TEXT_LOADERS[loader], data)


@settings(max_examples=60, deadline=None)
@given(text=population_texts())
def test_text_given_as_str_raises_only_its_error(text: str) -> None:
    for load in (Population.parse_csv, Population.parse_scb_csv, Population.parse_jsonstat):
        _only_our_error(load, text)


@settings(max_examples=30, deadline=None)
@given(data=magic_bytes())
def test_xlsx_raises_only_its_error(data: bytes) -> None:
    pytest.importorskip("openpyxl")
    _only_our_error(Population.parse_xlsx, data)


@settings(max_examples=100, deadline=None)
@given(structure=json_structures())
def test_json_structures_raise_only_its_error(structure: object) -> None:
    _only_our_error(Population.parse_jsonstat, structure)
    _only_our_error(Population.parse_scb_json, structure)
    _only_our_error(lambda s: formats.parse_any(json.dumps(s), source="f"), structure)
    _only_our_error(lambda s: jsonstat.parse_jsonstat({"dataset": s}), structure)


@settings(max_examples=100, deadline=None)
@given(data=jsonstat_datasets())
def test_dataset_shaped_structures_raise_only_its_error(data: dict[str, object]) -> None:
    _only_our_error(Population.parse_jsonstat, data)
