"""SCB's tables read from rows of cells: every layout's header, and every refusal pinned whole.

Each refusal is checked as a user sees it: the file, the line of the header or the row,
the value found and what to do. The tables are in the shapes the statistical database
exports (wide or long, pivoted, with title and footnote lines) and SCB's yearly table
"Folkmängd i riket, län och kommuner 31 december YYYY".
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from sodertorn import MUNICIPALITIES, Population, PopulationDataError

FILES = Path(__file__).parents[1] / "data" / "population"
HUDDINGE, BOTKYRKA, NYKVARN = MUNICIPALITIES[0], MUNICIPALITIES[1], MUNICIPALITIES[5]
BUILTIN_2024 = Population.builtin().at(2024)


def refused(text: str, **options: Any) -> PopulationDataError:
    with pytest.raises(PopulationDataError) as info:
        Population.parse_scb_csv(text, source="t.csv", **options)
    assert info.value.source == "t.csv"
    return info.value


# -- where the header is and what its columns are ----------------------------------------


def test_the_region_column_need_not_be_first() -> None:
    """A pivoted export: year and sex before the region; a footnote row of one cell."""
    text = (
        '"år";"kön";"Region/kommun";"Folkmängd"\n'
        '"2024";"totalt";"0126 Huddinge";"114304"\n'
        '"2024";"män";"0126 Huddinge";"57152"\n'
        '"2024";"totalt";"0140 Nykvarn";"12342"\n'
        '"Fotnot"\n'
        '"Senast uppdaterad";"2025-02-21"\n'
    )
    assert Population.parse_scb_csv(text).at(2024) == {HUDDINGE: 114_304, NYKVARN: 12_342}
    # the same table with only another region: the footnotes are not regions
    other = text.replace("0126 Huddinge", "0180 Stockholm").replace("0140 Nykvarn", "01 Län")
    assert str(refused(other)).endswith(
        "it has 0180 Stockholm and 01 Län; select the parties' municipalities (0126 Huddinge ... "
        "0192 Nynäshamn) when exporting, or run 'sodertorn population fetch YEAR --output FILE'"
    )


def test_a_code_and_a_name_column_must_agree() -> None:
    """The yearly table gives the code and the name in two columns; each checks the other."""
    text = "Kommunkod;Kommun;Folkmängd 31 december 2024\n0126;Huddinge;114 304\nKälla: SCB\n"
    assert Population.parse_scb_csv(text).at(2024) == {HUDDINGE: 114_304}
    error = refused(text.replace("0126;", "0127;"))
    assert (error.line, str(error)) == (
        2,
        "t.csv: line 2: region 0127 Huddinge: the name 'Huddinge' does not match code 0127, "
        "which is Botkyrka; correct the code or the name",
    )
    named_only = "Kommunkod;Kommun;Folkmängd 31 december 2024\n;Botkyrka;95 905\n"
    assert Population.parse_scb_csv(named_only).at(2024) == {BOTKYRKA: 95_905}


@pytest.mark.parametrize(
    "heading",
    [
        "2024",
        "Folkmängd 2024",
        "Folkmängd 31 december 2024",
        "Folkmängd den 31 dec 2024",
        "31 dec. 2024",
        "per den 31 dec. 2024",
        "Folkmängd, 2024",
        "Folkmängd per 2024-12-31",
        "31 december 2024",
        "31 december, 2024",
        "2024-12-31",
        "totalt 2024",
        "Invånare – 2024",
    ],
)
def test_year_headings(heading: str) -> None:
    text = f'"region";"{heading}"\n"0126 Huddinge";114304\n'
    assert Population.parse_scb_csv(text).at(2024) == {HUDDINGE: 114_304}


@given(st.integers(1700, 2199))
@example(1700)
@example(2199)
def test_a_heading_of_four_digits_from_1700_to_2199_is_a_year(year: int) -> None:
    text = f'"region";"{year}"\n"0126 Huddinge";5\n'
    assert Population.parse_scb_csv(text).at(year) == {HUDDINGE: 5}


@given(st.one_of(st.integers(1000, 1699), st.integers(2200, 9999)))
@example(1699)
@example(2200)
def test_other_four_digit_headings_are_not_years(number: int) -> None:
    error = refused(f'"region";"{number}"\n"0126 Huddinge";5\n')
    assert str(error).startswith("t.csv: no header row: expected one with the regions")


def test_the_header_is_looked_for_in_the_first_200_rows() -> None:
    rows = '"region";"2024"\n"0126 Huddinge";5\n'
    assert Population.parse_scb_csv("\n" * 199 + rows).at(2024) == {HUDDINGE: 5}
    assert "no header row" in str(refused("\n" * 200 + rows))


def test_comment_lines_before_the_header_are_skipped() -> None:
    text = '  # Källa: SCB;2023\n"region";"2024"\n"0126 Huddinge";5\n'
    assert Population.parse_scb_csv(text).years == (2024,)


def test_a_contents_column_may_hold_the_measures_code() -> None:
    """Exported with codes, the contents column holds BE0101N1 rather than 'Folkmängd'."""
    text = (
        '"region";"tabellinnehåll";"år";"värde"\n'
        '"0126 Huddinge";"BE0101N1";"2024";114304\n'
        '"0126 Huddinge";"BE0101N2";"2024";384\n'
        '"Fotnot"\n'
    )
    assert Population.parse_scb_csv(text).at(2024) == {HUDDINGE: 114_304}


def test_columns_of_other_figures_are_not_variables() -> None:
    """Area and households beside the population: figures, not categories to choose from."""
    text = (
        "Kommunkod;Kommun;Folkmängd;Landareal;Hushåll\n"
        "0126;Huddinge;114 304;131,08;45 000\n0140;Nykvarn;12 342;154,83;5 000\n"
    )
    assert Population.parse_scb_csv(text, year=2024).at(2024) == {
        HUDDINGE: 114_304,
        NYKVARN: 12_342,
    }


def test_a_value_column_is_the_population_when_the_title_says_so() -> None:
    text = 'Folkmängd efter region och år;\n"region";"år";"värde"\n"0126 Huddinge";"2024";114304\n'
    assert Population.parse_scb_csv(text).at(2024) == {HUDDINGE: 114_304}
    english = text.replace("Folkmängd efter region och år", "Population by region and year")
    assert Population.parse_scb_csv(english).at(2024) == {HUDDINGE: 114_304}


def test_lines_before_the_header_that_are_not_it() -> None:
    text = (
        '"Folkmängd efter region och år";"Statistiska centralbyrån"\n'
        '"2025-02-21";"publicerad"\n'
        '"region";"2024"\n"0126 Huddinge";114304\n'
    )
    assert Population.parse_scb_csv(text).at(2024) == {HUDDINGE: 114_304}


@given(st.lists(st.integers(0, 3000), min_size=2, max_size=2))
@example([384, 2045])
def test_rows_of_figures_without_a_header_are_never_taken_for_one(figures: list[int]) -> None:
    """Figures that look like years (a growth of 2045) do not make a data row a header."""
    text = '"0126 Huddinge";114304;{}\n"0140 Nykvarn";12342;{}\n'.format(*figures)
    assert str(refused(text)).startswith("t.csv: no header row")


def test_a_header_whose_region_heading_is_not_known() -> None:
    text = '"Område";"2024";"Folkökning 2024"\n"0126 Huddinge";114304;384\n'
    assert Population.parse_scb_csv(text).at(2024) == {HUDDINGE: 114_304}


def test_columns_of_other_measures_are_skipped_whatever_they_hold() -> None:
    """A dash where there is no figure does not make the growth a variable to choose from."""
    yearly = (
        "Kommunkod;Kommun;Folkmängd 31 december 2024;Folkökning 2024;Folkökning\n"
        "0126;Huddinge;114 304;384;384\n0140;Nykvarn;12 342;–;–\n"
    )
    assert Population.parse_scb_csv(yearly).at(2024) == {HUDDINGE: 114_304, NYKVARN: 12_342}
    categories = '"region";"män 2024";"totalt 2024"\n"0126 Huddinge";–;114304\n'
    assert Population.parse_scb_csv(categories).at(2024) == {HUDDINGE: 114_304}


# -- refusals, whole ---------------------------------------------------------------------

TOTAL_HINT = "the fee needs the whole population: select the total (totalt) of"


@pytest.mark.parametrize(
    ("text", "options", "line", "message"),
    [
        (
            '"region";"män 2024";"kvinnor 2024"\n"0126 Huddinge";1;2\n',
            {},
            1,
            "the year columns are 'män 2024' and 'kvinnor 2024', which are not the total "
            "population; select the total (totalt) of every variable other than region and "
            "year when exporting",
        ),
        (
            '"region";'
            + ";".join(f'"{a}-{a + 9} år 2024"' for a in range(0, 70, 10))
            + '\n"0126 Huddinge";1;2;3;4;5;6;7\n',
            {},
            1,
            "the year columns are '0-9 år 2024', '10-19 år 2024', '20-29 år 2024', "
            "'30-39 år 2024', '40-49 år 2024', '50-59 år 2024' and 1 more, which are not the total "
            "population; select the total (totalt) of every variable other than region and "
            "year when exporting",
        ),
        (
            "Kommunkod;Kommun;Folkmängd;Invånare\n0126;Huddinge;5;5\n",
            {"year": 2024},
            1,
            "more than one population column: 'Folkmängd' and 'Invånare'; keep one",
        ),
        (
            '"region";"Folkökning 2023";"Folkökning 2024"\n"0126 Huddinge";384;385\n',
            {},
            None,
            "the table's measure is 'Folkökning 2023' and 'Folkökning 2024', not the population "
            "(Folkmängd); choose the contents 'Folkmängd' (BE0101N1)",
        ),
        (
            '"region";"Folkökning";"Födda";"Döda";"Inflyttade";"Utflyttade"\n'
            '"0126 Huddinge";1;2;3;4;5\n',
            {},
            None,
            "the table's measure is 'Folkökning', 'Födda', 'Döda', 'Inflyttade' and 1 more, not the "
            "population (Folkmängd); choose the contents 'Folkmängd' (BE0101N1)",
        ),
        (
            '"region";"år";"värde"\n"0126 Huddinge";"2024";114304\n',
            {},
            None,
            "no header row: expected one with the regions and either one column per year "
            "('region;2023;2024'), a year and a population column ('region,år,Folkmängd'), or "
            "SCB's yearly table with a 'Folkmängd' column",
        ),
        (
            "Folkmängd 31 december 2023 och 31 december 2024\n"
            "Kommunkod;Kommun;Folkmängd\n0126;Huddinge;5\n",
            {},
            None,
            "the title names more than one year-end (2023 and 2024); give the year",
        ),
        (
            "Folkmängd 2023-12-31\nKommunkod;Kommun;Folkmängd\n0126;Huddinge;5\n",
            {"year": 2024},
            None,
            "the title says 31 December 2023 but the year 2024 was given; check which year "
            "the table is for",
        ),
        (
            "Kommunkod;Kommun;Folkmängd\n0126;Huddinge;5\n",
            {},
            1,
            "the table has a population column but no year, in its title or its headings; "
            "give the year (Population.load(path, year=2025)) or keep SCB's title line "
            "'... 31 december 2025 ...' above the header",
        ),
        (
            '"region";"år";"2024"\n"0126 Huddinge";"2024";5\n',
            {},
            1,
            "the header has both a year column and columns per year; export one layout",
        ),
        (
            '"region";"2023";"2024"\n"0126 Huddinge";4;5\n',
            {"year": 2025},
            1,
            "the year 2025 was given but the columns are for 2023 and 2024",
        ),
        (
            '"region";"2025M11";"2025M12"\n"0126 Huddinge";4;5\n',
            {},
            1,
            "column heading '2025M11' is a month or quarter, not a year; the fee weighs the "
            "population on 31 December: choose the yearly table (Folkmängd efter region ... "
            "och år, TAB638)",
        ),
        (
            '"region";"år";"Folkmängd"\n"0126 Huddinge";"2024";5\n"0140 Nykvarn";"2025K4";6\n',
            {},
            3,
            "year '2025K4' is a month or quarter, not a year; the fee weighs the population on "
            "31 December: choose the yearly table (Folkmängd efter region ... och år, TAB638)",
        ),
        (
            '"region";"år";"Folkmängd";"kön"\n"0126 Huddinge";"2024";5;"totalt"\n'
            '"0140 Nykvarn";"2024";6\n',
            {},
            3,
            "row has 3 fields, fewer than the header's 4: ['0140 Nykvarn', '2024', '6']",
        ),
        (
            '"region";"ålder";"år";"Folkmängd"\n'
            + "".join(f'"0126 Huddinge";"{a}-{a + 9} år";"2024";5\n' for a in range(0, 80, 10))
            + '"Fotnot: uppgifterna avser 31 december"\n',
            {},
            1,
            "column 'ålder' has '0-9 år', '10-19 år', '20-29 år', '30-39 år', '40-49 år', "
            f"'50-59 år' and 2 more and no total; {TOTAL_HINT} 'ålder' or leave it out when exporting",
        ),
        (
            '"region";"tabellinnehåll";"år";"värde"\n'
            + "".join(
                f'"0126 Huddinge";"{m}";"2024";5\n'
                for m in ("Folkökning", "Födda", "Döda", "Inflyttningar", "Utflyttningar")
            )
            + '"Fotnot"\n',
            {},
            1,
            "the table's contents are 'Döda', 'Folkökning', 'Födda', 'Inflyttningar' and 1 more, not the "
            "population (Folkmängd); choose the contents 'Folkmängd' (BE0101N1)",
        ),
    ],
)
def test_table_refusal(text: str, options: dict[str, Any], line: int | None, message: str) -> None:
    error = refused(text, **options)
    assert error.line == line
    assert str(error) == "t.csv: " + ("" if line is None else f"line {line}: ") + message


@pytest.mark.parametrize("name", ["pxweb-long-monthly.csv", "pxweb-long-folkokning.csv"])
def test_refusals_of_real_shapes_name_the_file_and_the_line(name: str) -> None:
    path = FILES / name
    with pytest.raises(PopulationDataError) as info:
        Population.load(path)
    expected = {
        "pxweb-long-monthly.csv": (
            2,
            "year '2025M12' is a month or quarter, not a year; the fee weighs the population "
            "on 31 December: choose the yearly table (Folkmängd efter region ... och år, TAB638)",
        ),
        "pxweb-long-folkokning.csv": (
            None,
            "the table's measure is 'Folkökning', not the population (Folkmängd); choose the "
            "contents 'Folkmängd' (BE0101N1)",
        ),
    }[name]
    line, message = expected
    assert (info.value.source, info.value.line) == (str(path), line)
    assert str(info.value) == f"{path}: " + ("" if line is None else f"line {line}: ") + message


def test_a_total_of_another_measure_is_that_measure() -> None:
    text = '"region";"Folkmängd 2024";"Totalt folkökning 2024"\n"0126 Huddinge";114304;384\n'
    assert Population.parse_scb_csv(text).at(2024) == {HUDDINGE: 114_304}


# -- the rows ------------------------------------------------------------------------------


def test_a_region_by_its_code_or_by_its_name_alone() -> None:
    text = (
        '"region";"2024"\n"0126";114304\n"Nykvarn";12342\n'
        '"";10587710\n'  # a sum without a region: not a region
        '"# Källa: SCB";"2025"\n  # uppdaterad;2025-02-21\n"Botkyrka kommun";95905\n'
    )
    assert Population.parse_scb_csv(text).at(2024) == {
        HUDDINGE: 114_304,
        BOTKYRKA: 95_905,
        NYKVARN: 12_342,
    }


def test_the_regions_a_file_has_instead_of_the_parties() -> None:
    """Regions with a code or with figures are named; footnotes and comments are not."""
    text = (
        '"Folkmängd 31 december 2024";\n"region";"2024"\n"Riket";10587710\n"0180 Stockholm";988943\n'
        '"Fotnot";"avser kommuner"\n"# Källa: SCB";"2025"\n  # uppdaterad;2025-02-21\n'
    )
    assert "; it has Riket and 0180 Stockholm; select" in str(refused(text))


@pytest.mark.parametrize("count", [5, 6, 60])
def test_the_regions_found_are_counted_in_full(count: int) -> None:
    text = '"region";"2024"\n' + "".join(f'"{1000 + i} Kommun {i}";{i}\n' for i in range(count))
    names = [f"{1000 + i} Kommun {i}" for i in range(5)]
    shown = ", ".join(names) if count > 5 else ", ".join(names[:-1]) + " and " + names[-1]
    more = f" and {count - 5} more" if count > 5 else ""
    assert f"; it has {shown}{more}; select" in str(refused(text))


def test_the_title_is_read_in_the_first_ten_lines_and_before_the_header() -> None:
    header = '"region";"år";"värde"\n"0126 Huddinge";"2024";5\n'
    assert Population.parse_scb_csv("\n" * 9 + '"Folkmängd"\n' + header).years == (2024,)
    assert "no header row" in str(refused("\n" * 10 + '"Folkmängd"\n' + header))
    yearly = (
        "Folkmängd i riket, län och kommuner 31 december 2024\nKommunkod;Kommun;Folkmängd\n"
        "0126;Huddinge;114 304\nFörändring sedan 31 december 2023;;\n"
    )
    assert Population.parse_scb_csv(yearly).at(2024) == {HUDDINGE: 114_304}
    assert Population.parse_scb_csv(yearly, year=2024).at(2024) == {HUDDINGE: 114_304}
    short = yearly.replace("31 december 2024", "31 dec. 2024")
    assert Population.parse_scb_csv(short).at(2024) == {HUDDINGE: 114_304}


def test_the_year_given_may_be_the_columns_year() -> None:
    text = '"region";"2024"\n"0126 Huddinge";5\n'
    assert Population.parse_scb_csv(text, year=2024).at(2024) == {HUDDINGE: 5}


def test_a_short_row_is_shown_cut_to_80_characters() -> None:
    long = "5 " + "x" * 100
    error = refused(f'"region";"2023";"2024"\n"0126 Huddinge";"{long}"\n')
    assert str(error) == (
        "t.csv: line 2: row has 2 fields, fewer than the header's 3: "
        + str(["0126 Huddinge", long])[:80]
    )


def test_a_row_cut_after_its_code_is_refused() -> None:
    text = "Kommunkod;Kommun;Folkmängd 31 december 2024\n0126;Huddinge;114 304\n0140\n"
    assert str(refused(text)) == (
        "t.csv: line 3: row has 1 field, fewer than the header's 3: ['0140']"
    )


def test_every_column_naming_the_regions_is_left_out_of_the_variables() -> None:
    text = (
        "Regionkod;Kommun;Kommunnamn;Folkmängd 31 december 2024\n"
        "0126;Huddinge;Huddinge kommun;114 304\n0140;Nykvarn;Nykvarns kommun;12 342\n"
    )
    assert Population.parse_scb_csv(text).at(2024) == {HUDDINGE: 114_304, NYKVARN: 12_342}
