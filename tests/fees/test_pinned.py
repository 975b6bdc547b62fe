"""Pinned outputs of the fee assessment: explanations, tables and data, byte for byte.

The expected texts in ``tests/pinned/fees.json`` were written by the straightforward
implementation (every fee year chained step by step from the base year, every figure
formatted on its own); the faster one must give the same bytes. Regenerate only for a
deliberate change of output: ``python tests/fees/test_pinned.py``.
"""

from __future__ import annotations

import functools
import hashlib
import json
import random
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from sodertorn import (
    SEK,
    FeeAssessment,
    MissingDataError,
    Municipality,
    Population,
    SodertornError,
    annual_fees,
)
from sodertorn.fees import FeeSchedule, IndexedRule, PerCapitaRule
from sodertorn.money import Unit

if TYPE_CHECKING:
    from collections.abc import Callable

PINNED = Path(__file__).parents[1] / "pinned" / "fees.json"
YEARS = (2010, 2011, 2014, 2017, 2018, 2024)
PARTIES = ("Huddinge", "Nykvarn")


def _synthetic(parties: int = 40) -> tuple[tuple[Municipality, ...], Population]:
    rng = random.Random(290)
    members = tuple(
        Municipality(code=f"{i:04d}", name=f"Kommun {i}") for i in range(1, parties + 1)
    )
    counts = {
        (m, year): rng.randint(1_000, 1_000_000) for m in members for year in range(1999, 2031)
    }
    return members, Population(counts, source="synthetic")


def _synthetic_schedule(members: tuple[Municipality, ...]) -> FeeSchedule:
    return FeeSchedule(
        rules=[
            IndexedRule(
                first_year=2001,
                last_year=2020,
                base_total=SEK(860_000),
                source="synthetic § 8",
                base_parties=members,
            ),
            PerCapitaRule(first_year=2021, last_year=None, rate=SEK("4.25"), source="synthetic"),
        ]
    )


def _broken() -> tuple[tuple[Municipality, ...], Population]:
    """Three parties: one drops to zero inhabitants, one has a year missing."""
    a, b, c = (Municipality(code=f"{i:04d}", name=f"Ort {i}") for i in (1, 2, 3))
    counts = {(m, year): 1_000 + year for m in (a, b, c) for year in range(2000, 2010)}
    counts[(b, 2004)] = 0
    del counts[(c, 2006)]
    return (a, b, c), Population(counts, source="broken")


def _error(call: Callable[[], FeeAssessment]) -> str:
    try:
        result = call()
    except SodertornError as error:
        return f"{type(error).__name__}: {error}"
    return f"ok: {result.to_dict()!r}"


def outputs() -> dict[str, str]:
    """Every pinned text, by a name that says what it is."""
    out: dict[str, str] = {}
    for year in YEARS:
        fees = annual_fees(year)
        for lang in ("sv", "en"):
            out[f"builtin {year} explain {lang}"] = fees.explain(lang=lang)
            out[f"builtin {year} table {lang}"] = fees.table(lang=lang)
            for party in PARTIES:
                out[f"builtin {year} explain {party} {lang}"] = fees.explain(party, lang=lang)
        out[f"builtin {year} to_dict"] = json.dumps(fees.to_dict(), ensure_ascii=False)
        out[f"builtin {year} repr"] = repr(fees)
    in_ore = annual_fees(2013, unit=Unit.ORE, parties=["Salem", "Tyresö", "Botkyrka"])
    out["builtin 2013 in öre, three parties, explain sv"] = in_ore.explain(lang="sv")
    out["builtin 2013 in öre, Salem, explain en"] = in_ore.explain("Salem", lang="en")
    members, population = _synthetic()
    schedule = _synthetic_schedule(members)
    digest = hashlib.sha256()
    for year in range(2001, 2031):
        fees = annual_fees(year, population, parties=members[::3], schedule=schedule)
        for lang in ("sv", "en"):
            digest.update(fees.explain(lang=lang).encode())
            digest.update(fees.table(lang=lang).encode())
            digest.update(fees.explain(members[3], lang=lang).encode())
        digest.update(repr(fees).encode())
    out["synthetic 40 parties 2001-2030, sha256"] = digest.hexdigest()
    out["synthetic 2020 explain Kommun 4 sv"] = annual_fees(
        2020, population, parties=members, schedule=schedule
    ).explain(members[3])
    parties, broken = _broken()
    rule = IndexedRule(
        first_year=2001, last_year=None, base_total=SEK(1000), source="x", base_parties=parties
    )
    schedule = FeeSchedule(rules=[rule])
    for year in range(2001, 2011):
        out[f"broken {year}"] = _error(
            functools.partial(annual_fees, year, broken, parties=parties, schedule=schedule)
        )
        out[f"broken {year} without the zero"] = _error(
            functools.partial(annual_fees, year, broken, parties=parties[::2], schedule=schedule)
        )
    return out


EXPECTED: dict[str, str] = json.loads(PINNED.read_text(encoding="utf-8"))
ACTUAL = outputs()


def test_the_pinned_cases_are_all_there() -> None:
    assert set(ACTUAL) == set(EXPECTED)
    assert any(value.startswith("MissingDataError") for value in EXPECTED.values())
    assert any("no inhabitants" in value for value in EXPECTED.values())


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_output_is_byte_identical(name: str) -> None:
    assert ACTUAL[name] == EXPECTED[name]


def test_missing_data_is_still_reported_through_population() -> None:
    parties, broken = _broken()
    rule = IndexedRule(
        first_year=2001, last_year=None, base_total=SEK(1000), source="x", base_parties=parties
    )
    with pytest.raises(MissingDataError, match="Ort 3 on 31 Dec 2006"):
        annual_fees(2009, broken, parties=parties[2:], schedule=FeeSchedule(rules=[rule]))


if __name__ == "__main__":  # pragma: no cover - regenerates the pinned texts
    PINNED.write_text(json.dumps(outputs(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
