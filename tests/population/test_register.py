"""The population register itself: what it accepts, what it answers, how it merges and writes.

Every refusal is pinned whole (the value, and what to do); the queries are checked
against the counts they were made from, as properties over small registers.
"""

from __future__ import annotations

import datetime
import io
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
    UnknownMunicipalityError,
)
from sodertorn.population import PopulationSource, reference_date
from sodertorn.population._cells import Loaded

if TYPE_CHECKING:
    from pathlib import Path

HUDDINGE, BOTKYRKA, NYKVARN = MUNICIPALITIES[0], MUNICIPALITIES[1], MUNICIPALITIES[5]

registers = st.dictionaries(
    st.tuples(st.sampled_from(MUNICIPALITIES), st.integers(2008, 2030)),
    st.integers(0, 10**6),
    max_size=12,
)


# -- what it accepts ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("counts", "message"),
    [
        ([1, 2], "expected a mapping of (Municipality, year) to a count, got [1, 2]"),
        ({("0126", 2020): 1}, "expected a key (Municipality, year), got ('0126', 2020)"),
        (
            {(HUDDINGE, "2020"): 1},
            f"expected a key (Municipality, year), got ({HUDDINGE!r}, '2020')",
        ),
        ({(HUDDINGE, True): 1}, f"expected a key (Municipality, year), got ({HUDDINGE!r}, True)"),
        (
            {(HUDDINGE, 2020, 1): 1},
            f"expected a key (Municipality, year), got ({HUDDINGE!r}, 2020, 1)",
        ),
        ({(HUDDINGE,): 1}, f"expected a key (Municipality, year), got ({HUDDINGE!r},)"),
        ({HUDDINGE: 1}, f"expected a key (Municipality, year), got {HUDDINGE!r}"),
        (
            {(HUDDINGE, 2020): 1.5},
            f"count 1.5 for ({HUDDINGE!r}, 2020) is not a whole number of inhabitants",
        ),
        (
            {(HUDDINGE, 2020): True},
            f"count True for ({HUDDINGE!r}, 2020) is not a whole number of inhabitants",
        ),
        (
            {(HUDDINGE, 2020): -1},
            f"count -1 for ({HUDDINGE!r}, 2020) is negative; expected 0 or more",
        ),
    ],
)
def test_what_the_register_refuses(counts: Any, message: str) -> None:
    with pytest.raises(PopulationDataError) as info:
        Population(counts)
    assert (str(info.value), info.value.line, info.value.source) == (message, None, None)


def test_a_count_of_zero_and_a_source_that_is_not_text() -> None:
    assert Population({(HUDDINGE, 2020): 0}).count(HUDDINGE, 2020) == 0
    with pytest.raises(PopulationDataError) as info:
        Population({}, source=5)  # type: ignore[arg-type]
    assert str(info.value) == "source 5 must be text"
    with pytest.raises(PopulationDataError) as info:
        Population({(HUDDINGE, 2020): 1}, provenance=[1])  # type: ignore[arg-type]
    assert str(info.value) == (
        "provenance must map (Municipality, year) to a PopulationSource, got [1]"
    )


@given(st.integers(1, 9999))
def test_reference_date_is_the_last_of_december(year: int) -> None:
    assert reference_date(year) == datetime.date(year, 12, 31)


@pytest.mark.parametrize("year", [0, 10000, -1, True, 2023.0, "2023", None])
def test_reference_date_refuses(year: object) -> None:
    with pytest.raises(PopulationDataError) as info:
        reference_date(year)  # type: ignore[arg-type]
    assert str(info.value) == (
        f"year {year!r} is not a calendar year; expected an int from 1 to 9999, such as 2024"
    )


# -- what it answers ------------------------------------------------------------------------


@given(registers)
def test_queries_follow_the_counts(counts: dict[tuple[Any, int], int]) -> None:
    population = Population(counts)
    assert list(population.counts) == sorted(counts)
    assert population.years == tuple(sorted({y for _, y in counts}))
    assert population.parties == tuple(sorted({p for p, _ in counts}, key=lambda p: p.code))
    for year in population.years:
        expected = {p: c for (p, y), c in sorted(counts.items()) if y == year}
        assert population.at(year) == expected
        assert list(population.at(year)) == sorted(expected, key=lambda p: p.code)
        assert population.total(year) == sum(expected.values())
        chosen = list(expected)[::2]
        assert population.at(year, reversed(chosen)) == {p: expected[p] for p in chosen}
        assert population.total(year, chosen) == sum(expected[p] for p in chosen)
        for party, count in expected.items():
            assert population.count(party, year) == count
            assert population.count(party.code, year) == count
            assert population.count(party.name, year) == count


def test_at_with_parties_by_name_or_code() -> None:
    population = Population({(HUDDINGE, 2023): 1, (NYKVARN, 2023): 2, (BOTKYRKA, 2023): 3})
    chosen = population.at(2023, ["Nykvarn", "0126"])  # type: ignore[list-item]
    assert list(chosen.items()) == [("0126", 1), ("Nykvarn", 2)]  # type: ignore[comparison-overlap]


def test_count_refusals() -> None:
    population = Population({(HUDDINGE, 2023): 1, (HUDDINGE, 2024): 2, (NYKVARN, 2020): 3})
    with pytest.raises(MissingDataError) as info:
        population.count(HUDDINGE, "2023")  # type: ignore[arg-type]
    assert str(info.value) == "year '2023' is not a year; expected an int"
    with pytest.raises(MissingDataError) as info:
        population.count(HUDDINGE, True)
    assert str(info.value) == "year True is not a year; expected an int"
    with pytest.raises(MissingDataError) as info:
        population.count("Huddinge", 2025)
    assert str(info.value) == (
        "no population for Huddinge on 31 Dec 2025; the data has 2023-2024 for it; SCB "
        "publishes the population on 31 December 2025 in late February 2026: fetch it with "
        "'sodertorn population fetch 2025 --output FILE' (Population.fetch_scb) or load a "
        "file with it"
    )
    with pytest.raises(MissingDataError) as info:
        population.count(NYKVARN, 2019)
    assert str(info.value) == "no population for Nykvarn on 31 Dec 2019; the data has 2020 for it"
    with pytest.raises(LookupError):
        population.count("Botkyrka", 2023)  # not in this register's parties


@pytest.mark.parametrize(
    ("year", "hint"),
    [
        (2025, True),
        (2023, False),
        (2030, True),
        (2019, False),
    ],
)
def test_a_year_after_the_data_says_when_scb_publishes_it(year: int, hint: bool) -> None:
    population = Population({(HUDDINGE, 2020): 1, (HUDDINGE, 2022): 1, (HUDDINGE, 2024): 1})
    with pytest.raises(MissingDataError) as info:
        population.at(year)
    message = f"no population for 31 Dec {year}; the data has 2020, 2022, 2024"
    if hint:
        message += (
            f"; SCB publishes the population on 31 December {year} in late February "
            f"{year + 1}: fetch it with 'sodertorn population fetch {year} --output FILE' "
            "(Population.fetch_scb) or load a file with it"
        )
    assert str(info.value) == message


def test_no_hint_for_a_year_that_is_not_one() -> None:
    population = Population({(HUDDINGE, 2024): 1})
    with pytest.raises(MissingDataError) as info:
        population.at("2025")  # type: ignore[arg-type]
    assert str(info.value) == "no population for 31 Dec '2025'; the data has 2024"
    with pytest.raises(MissingDataError) as info:
        Population({}).count(HUDDINGE, 2025)
    assert (
        str(info.value) == "no population for Huddinge on 31 Dec 2025; the data has no years for it"
    )


def test_sources_of_a_year_and_of_some_parties() -> None:
    a, b = PopulationSource.file("a.csv"), PopulationSource.file("b.csv")
    counts = {(HUDDINGE, 2024): 1, (BOTKYRKA, 2024): 2, (NYKVARN, 2024): 3, (NYKVARN, 2023): 4}
    provenance = {
        (HUDDINGE, 2024): b,
        (BOTKYRKA, 2024): a,
        (NYKVARN, 2024): b,
        (NYKVARN, 2023): a,
    }
    population = Population(counts, source="s", provenance=provenance)
    assert population.sources(2024) == (b, a)
    assert population.sources(2024, [NYKVARN]) == (b,)
    assert population.sources(2023) == (a,)
    with pytest.raises(MissingDataError):
        population.sources(2022)
    partly = Population(counts, source="s", provenance={(HUDDINGE, 2024): a})
    assert partly.sources(2024) == (a, PopulationSource.given("s"))
    assert partly.provenance[(NYKVARN, 2023)] == PopulationSource.given("s")


# -- merging --------------------------------------------------------------------------------


def test_merge_refusals() -> None:
    one = Population({(HUDDINGE, 2025): 5}, source="a.csv")
    with pytest.raises(PopulationDataError) as info:
        one.merge({(HUDDINGE, 2025): 5})  # type: ignore[arg-type]
    assert str(info.value) == (
        f"can only merge another Population, got {{({HUDDINGE!r}, 2025): 5}}"
    )
    with pytest.raises(PopulationDataError) as info:
        one.merge(one, on_conflict="theirs")  # type: ignore[arg-type]
    assert str(info.value) == "on_conflict 'theirs' must be 'other', 'self' or 'error'"
    two = Population(
        {(HUDDINGE, 2025): 6},
        provenance={(HUDDINGE, 2025): PopulationSource.file("b.csv", provisional=True)},
    )
    with pytest.raises(PopulationDataError) as info:
        one.merge(two, on_conflict="error")
    assert str(info.value) == (
        "two figures for Huddinge on 31 Dec 2025: 5 from a.csv and 6 from file b.csv "
        "(provisional figures); say which wins or correct one"
    )


def test_merge_says_what_a_figure_replaces() -> None:
    builtin = Population.builtin()
    file = PopulationSource.file("b.csv")
    newer = Population(
        {(HUDDINGE, 2024): 1, (HUDDINGE, 2025): 2},
        provenance=dict.fromkeys([(HUDDINGE, 2024), (HUDDINGE, 2025)], file),
    )
    merged = builtin.merge(newer)
    assert merged.provenance[(HUDDINGE, 2024)] == PopulationSource(
        kind="file", path="b.csv", replaces=PopulationSource.builtin()
    )
    assert merged.provenance[(HUDDINGE, 2025)] == file
    assert merged.provenance[(BOTKYRKA, 2024)] == PopulationSource.builtin()
    kept = builtin.merge(newer, on_conflict="self")
    assert (kept.count(HUDDINGE, 2024), kept.count(HUDDINGE, 2025)) == (
        builtin.count(HUDDINGE, 2024),
        2,
    )
    assert kept.provenance[(HUDDINGE, 2024)] == PopulationSource.builtin()
    # two given registers: the figure merged in wins without a note of what it replaced
    given_a = Population({(HUDDINGE, 2024): 1}, source="a")
    given_b = Population({(HUDDINGE, 2024): 2}, source="b")
    assert given_a.merge(given_b).provenance[(HUDDINGE, 2024)] == PopulationSource.given("b")
    # a given register over a file: the file is named as replaced
    over_file = newer.merge(given_b)
    assert over_file.provenance[(HUDDINGE, 2024)] == PopulationSource(
        kind="given", note="b", replaces=file
    )
    # the same source twice replaces nothing
    again = newer.merge(newer)
    assert again.provenance[(HUDDINGE, 2024)] == file


@given(registers, registers)
def test_merge_is_the_union_with_the_other_winning(
    ours: dict[tuple[Any, int], int], theirs: dict[tuple[Any, int], int]
) -> None:
    merged = Population(ours, source="a").merge(Population(theirs, source="b"))
    assert dict(merged.counts) == {**ours, **theirs}
    kept = Population(ours, source="a").merge(Population(theirs, source="b"), on_conflict="self")
    assert dict(kept.counts) == {**theirs, **ours}
    assert merged.source == "a; b"


# -- writing --------------------------------------------------------------------------------


def test_to_csv_names_every_source_and_provisional_figures() -> None:
    a = PopulationSource.file("a.csv", provisional=True)
    b = PopulationSource.given("made\nin  Python")
    population = Population(
        {(NYKVARN, 2024): 3, (HUDDINGE, 2024): 1, (HUDDINGE, 2023): 2},
        provenance={(NYKVARN, 2024): a, (HUDDINGE, 2024): b, (HUDDINGE, 2023): a},
    )
    assert population.to_csv() == (
        "# source: file a.csv (provisional figures)\n"
        "# source: made in Python\n"
        "code,name,year,population\n"
        "0126,Huddinge,2023,2\n"
        "0126,Huddinge,2024,1\n"
        "0140,Nykvarn,2024,3\n"
    )
    provisional = Population({(HUDDINGE, 2025): 1}, provenance={(HUDDINGE, 2025): a})
    assert provisional.to_csv().splitlines()[:2] == [
        "# source: file a.csv (provisional figures)",
        "# status: provisional",
    ]
    back = Population.parse_csv(provisional.to_csv())
    assert back.sources(2025)[0].provisional
    assert Population({}).to_csv() == "code,name,year,population\n"


def test_to_csv_of_a_fetch_keeps_what_it_has() -> None:
    fetched = PopulationSource(kind="fetch", table="TAB638", provisional=True)
    population = Population({(HUDDINGE, 2025): 1}, provenance={(HUDDINGE, 2025): fetched})
    assert population.to_csv() == (
        "# Population (folkmängd) on 31 December; Källa: SCB (CC0 1.0)\n"
        "# table: TAB638\n"
        "# status: provisional\n"
        "code,name,year,population\n"
        "0126,Huddinge,2025,1\n"
    )


# -- the loaders pass on what they are given ------------------------------------------------

YEARLY = "Kommun;Folkmängd\n0126 Huddinge;5\n0127 Botkyrka;6\n"


def test_read_passes_on_its_name_parties_year_and_provisional() -> None:
    population = Population.read(
        io.BytesIO(YEARLY.encode()), name="in.csv", parties=[HUDDINGE], year=2025, provisional=True
    )
    assert population.at(2025) == {HUDDINGE: 5}
    assert population.source == "in.csv"
    assert population.sources(2025) == (PopulationSource.file("in.csv", provisional=True),)


def test_load_passes_on_provisional(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text(YEARLY, encoding="utf-8")
    for provisional in (False, True):
        population = Population.load(path, year=2025, provisional=provisional)
        assert population.sources(2025) == (
            PopulationSource.file(str(path), provisional=provisional),
        )


def test_parse_xlsx_passes_on_its_source_parties_and_year() -> None:
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    for row in (["Kommun", "Folkmängd"], ["0126 Huddinge", 5], ["0127 Botkyrka", 6]):
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    data = buffer.getvalue()
    population = Population.parse_xlsx(data, source="w.xlsx", parties=[BOTKYRKA], year=2025)
    assert population.at(2025) == {BOTKYRKA: 6}
    assert population.source == "w.xlsx"
    with pytest.raises(PopulationDataError, match=r"^<xlsx>: .*no year"):
        Population.parse_xlsx(data)


def test_the_default_source_of_an_scb_json_response() -> None:
    with pytest.raises(PopulationDataError, match=r"^<scb json>: not an SCB API json response"):
        Population.parse_scb_json({"columns": []})


def test_fetch_waits_thirty_seconds_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    from sodertorn.population import fetch

    seen: dict[str, Any] = {}

    def fake(years: Any, *, api_url: str | None, timeout: float) -> Any:
        seen.update(years=list(years), api_url=api_url, timeout=timeout)
        return Loaded({(HUDDINGE, 2024): 1}, "fake")

    monkeypatch.setattr(fetch, "fetch_scb", fake)
    assert Population.fetch_scb([2024]).at(2024) == {HUDDINGE: 1}
    assert seen == {"years": [2024], "api_url": None, "timeout": 30.0}
    assert isinstance(seen["timeout"], float)


def test_sources_refuse_a_party_not_in_the_data() -> None:
    population = Population({(HUDDINGE, 2024): 1})
    with pytest.raises(UnknownMunicipalityError, match="is not a party here"):
        population.sources(2024, [BOTKYRKA])


# -- order ----------------------------------------------------------------------------------

# Municipalities built by hand may share a code; they order by code alone (not by name).
SAME_CODE = (Municipality("0126", "Huddinge"), Municipality("0126", "Annat"), NYKVARN)


@given(
    st.lists(
        st.tuples(st.sampled_from(SAME_CODE), st.integers(2020, 2023)), unique=True, max_size=8
    )
)
def test_the_counts_are_in_key_order_whatever_order_they_were_given(
    keys: list[tuple[Municipality, int]],
) -> None:
    counts = {key: n for n, key in enumerate(keys)}
    population = Population(counts)
    assert list(population.counts) == sorted(counts, key=lambda key: (key[0].code, key[1]))
    rows = population.to_csv().splitlines()[2:]  # after the source and the header
    assert rows == [
        f"{party.code},{party.name},{year},{counts[(party, year)]}"
        for party, year in sorted(counts, key=lambda key: (key[1], key[0].code))
    ]


@given(st.lists(st.sampled_from(SAME_CODE), min_size=1, unique=True))
def test_at_is_in_party_order_whatever_order_the_parties_are_asked_in(
    parties: list[Municipality],
) -> None:
    population = Population({(party, 2024): n for n, party in enumerate(SAME_CODE)})
    # Two of one code tie: they keep the order they were asked in.
    assert list(population.at(2024, parties)) == [
        *(party for party in parties if party.code == "0126"),
        *(party for party in parties if party.code == "0140"),
    ]
