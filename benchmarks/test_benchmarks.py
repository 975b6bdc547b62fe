"""Benchmarks against the peers, measured side by side in one run.

Run with (see docs/benchmarks.md)::

    pip install -e '.[bench]'
    python -m pytest benchmarks -o addopts= -p no:cacheprovider --benchmark-sort=name
"""

from __future__ import annotations

import random
import subprocess
import sys
import time
from typing import Any

import pytest
from apportionment.methods import largest_remainder

from sodertorn import SEK, Municipality, Population, annual_fees
from sodertorn.allocation import allocate_units
from sodertorn.fees import FeeSchedule, IndexedRule, PerCapitaRule

TOTAL = 86_000_000  # öre: 860 000 kr, the 2010 fee


def _populations(n: int, seed: int = 2010) -> dict[int, int]:
    rng = random.Random(seed)
    return {i: rng.randint(1_000, 1_000_000) for i in range(n)}


def _has_tie_at_cut_off(total: int, weights: dict[int, int]) -> bool:
    denominator = sum(weights.values())
    remainders = sorted(((total * w) % denominator for w in weights.values()), reverse=True)
    left = total - sum(total * w // denominator for w in weights.values())
    return 0 < left < len(remainders) and remainders[left - 1] == remainders[left]


@pytest.mark.parametrize("n", [8, 1_000, 100_000])
def test_sodertorn(benchmark: Any, n: int) -> None:
    benchmark.group = f"allocate-{n}"
    weights = _populations(n)
    result = benchmark(allocate_units, TOTAL, weights)
    assert sum(result.values()) == TOTAL


@pytest.mark.parametrize("n", [8, 1_000, 100_000])
def test_apportionment(benchmark: Any, n: int) -> None:
    benchmark.group = f"allocate-{n}"
    votes = list(_populations(n).values())
    names = [str(i) for i in range(n)]  # it labels parties by position; the default has 52
    if n >= 100_000:
        result = benchmark.pedantic(largest_remainder, args=(votes, TOTAL, False, names), rounds=3)
    else:
        result = benchmark(largest_remainder, votes, TOTAL, False, names)
    assert sum(result) == TOTAL


@pytest.mark.parametrize("n", [8, 1_000, 100_000])
def test_same_answer_without_a_tie(n: int) -> None:
    weights = _populations(n)
    assert not _has_tie_at_cut_off(TOTAL, weights)
    ours = allocate_units(TOTAL, weights)
    names = [str(i) for i in range(n)]
    theirs = largest_remainder(list(weights.values()), TOTAL, fractions=True, parties=names)
    assert largest_remainder(list(weights.values()), TOTAL, parties=names) == theirs
    assert list(ours.values()) == theirs


def test_the_documented_tie() -> None:
    assert _has_tie_at_cut_off(3, {0: 1, 1: 1, 2: 3})
    assert list(allocate_units(3, {0: 1, 1: 1, 2: 3}).values()) == [1, 0, 2]
    assert largest_remainder([1, 1, 3], 3) == [1, 1, 1]


def test_a_million_parties(benchmark: Any) -> None:
    benchmark.group = "allocate-1000000"
    weights = _populations(1_000_000)
    result = benchmark.pedantic(allocate_units, args=(TOTAL, weights), rounds=3)
    assert sum(result.values()) == TOTAL
    assert benchmark.stats.stats.max < 5


def _run(*argv: str) -> None:
    subprocess.run([sys.executable, *argv], check=True, capture_output=True)


def test_import_attrs(benchmark: Any) -> None:
    benchmark.group = "import"
    benchmark.pedantic(_run, args=("-c", "import attrs"), rounds=30, warmup_rounds=2)


def test_import_sodertorn(benchmark: Any) -> None:
    benchmark.group = "import"
    benchmark.pedantic(_run, args=("-c", "import sodertorn"), rounds=30, warmup_rounds=2)


def test_import_sodertorn_leaves_babel_out() -> None:
    code = "import sys, sodertorn; assert 'babel' not in sys.modules"
    _run("-c", code)


def test_import_sodertorn_again(benchmark: Any) -> None:
    benchmark.group = "cli"
    benchmark.pedantic(_run, args=("-c", "import sodertorn"), rounds=30, warmup_rounds=2)


def test_cli_fees_json(benchmark: Any) -> None:
    benchmark.group = "cli"
    benchmark.pedantic(
        _run, args=("-m", "sodertorn", "fees", "2024", "--format", "json"), rounds=20
    )


def _synthetic(parties: int, first: int, last: int) -> tuple[list[Municipality], Population]:
    rng = random.Random(290)
    members = [Municipality(code=f"{i:04d}", name=f"Kommun {i}") for i in range(1, parties + 1)]
    counts = {
        (m, year): rng.randint(1_000, 1_000_000) for m in members for year in range(first, last + 1)
    }
    return members, Population(counts, source="synthetic")


def _fees_with_explanations(schedule: FeeSchedule, population: Population, years: range) -> int:
    written = 0
    for year in years:
        assessment = annual_fees(year, population, parties=population.parties, schedule=schedule)
        written += len(assessment.explain(lang="en"))
    return written


@pytest.mark.parametrize("kind", ["per_capita", "indexed"])
def test_fees_290_parties_100_years(benchmark: Any, kind: str) -> None:
    benchmark.group = f"fees-290x100-{kind}"
    members, population = _synthetic(290, 1999, 2100)
    if kind == "indexed":
        rule: IndexedRule | PerCapitaRule = IndexedRule(
            first_year=2001,
            last_year=None,
            base_total=SEK(860_000),
            source="synthetic",
            base_parties=tuple(members),
        )
    else:
        rule = PerCapitaRule(first_year=2001, last_year=None, rate=SEK(4), source="synthetic")
    schedule = FeeSchedule(rules=[rule])
    started = time.perf_counter()
    benchmark.pedantic(
        _fees_with_explanations, args=(schedule, population, range(2001, 2101)), rounds=1
    )
    assert time.perf_counter() > started
