"""Whole explanations and tables, pinned in both languages, for a per-capita year (2024)
and an indexed year (2012). Babel's grouping separator in Swedish is U+00A0."""

from __future__ import annotations

import pytest

from sodertorn import MUNICIPALITIES, Population, annual_fees
from sodertorn.money import Rounding, Unit

EXPLAIN_2024_SV = (
    "Avgiftsår 2024\n"
    "Regel: 4\xa0kr per invånare den 31 december året före avgiftsåret (Samarbetskommitténs beslut 2017-02-02).\n"
    "Folkmängd den 31 december 2023: 520\xa0824 (8 kommuner).\n"
    "Källa för folkmängden: Statistiska centralbyrån (SCB), folkmängd den 31 december 2008–2024; licens CC0 1.0 (Källa: SCB).\n"
    "Exakt summa: 2\xa0083\xa0296\xa0kr.\n"
    "Avgifterna är hela kronor; ingen avrundning behövs.\n"
    "Huddinge: 113\xa0920 invånare, exakt 455\xa0680\xa0kr, betalar 455\xa0680\xa0kr.\n"
    "Botkyrka: 95\xa0592 invånare, exakt 382\xa0368\xa0kr, betalar 382\xa0368\xa0kr.\n"
    "Salem: 17\xa0451 invånare, exakt 69\xa0804\xa0kr, betalar 69\xa0804\xa0kr.\n"
    "Haninge: 99\xa0751 invånare, exakt 399\xa0004\xa0kr, betalar 399\xa0004\xa0kr.\n"
    "Tyresö: 49\xa0173 invånare, exakt 196\xa0692\xa0kr, betalar 196\xa0692\xa0kr.\n"
    "Nykvarn: 12\xa0107 invånare, exakt 48\xa0428\xa0kr, betalar 48\xa0428\xa0kr.\n"
    "Södertälje: 102\xa0519 invånare, exakt 410\xa0076\xa0kr, betalar 410\xa0076\xa0kr.\n"
    "Nynäshamn: 30\xa0311 invånare, exakt 121\xa0244\xa0kr, betalar 121\xa0244\xa0kr.\n"
    "Avgiften ska betalas senast den 15 mars 2024 (Samarbetsavtal 2010, § 8)."
)

EXPLAIN_2024_NYKVARN_SV = (
    "Avgiftsår 2024: Nykvarn\n"
    "Regel: 4\xa0kr per invånare den 31 december året före avgiftsåret (Samarbetskommitténs beslut 2017-02-02).\n"
    "Folkmängd den 31 december 2023: 12\xa0107.\n"
    "Källa för folkmängden: Statistiska centralbyrån (SCB), folkmängd den 31 december 2008–2024; "
    "licens CC0 1.0 (Källa: SCB).\n"
    "Exakt avgift: 12\xa0107 × 4\xa0kr = 48\xa0428\xa0kr.\n"
    "Nykvarn betalar 48\xa0428\xa0kr."
)

TABLE_2024_SV = (
    "Kommun      Folkmängd 31 december 2023   Avgift 2024\n"
    "----------  --------------------------  ------------\n"
    "Huddinge                       113\xa0920    455\xa0680\xa0kr\n"
    "Botkyrka                        95\xa0592    382\xa0368\xa0kr\n"
    "Salem                           17\xa0451     69\xa0804\xa0kr\n"
    "Haninge                         99\xa0751    399\xa0004\xa0kr\n"
    "Tyresö                          49\xa0173    196\xa0692\xa0kr\n"
    "Nykvarn                         12\xa0107     48\xa0428\xa0kr\n"
    "Södertälje                     102\xa0519    410\xa0076\xa0kr\n"
    "Nynäshamn                       30\xa0311    121\xa0244\xa0kr\n"
    "----------  --------------------------  ------------\n"
    "Summa                          520\xa0824  2\xa0083\xa0296\xa0kr\n"
    "\n"
    "Regel: 4\xa0kr per invånare den 31 december året före avgiftsåret (Samarbetskommitténs beslut 2017-02-02). Förfallodag: 15 mars 2024."
    "\n"
    "Källa för folkmängden: Statistiska centralbyrån (SCB), folkmängd den 31 december 2008–2024; "
    "licens CC0 1.0 (Källa: SCB)."
)

EXPLAIN_2024_EN = (
    "Fee year 2024\n"
    "Rule: SEK 4 per inhabitant on 31 December of the year before the fee year (Samarbetskommitténs beslut 2017-02-02).\n"
    "Population on 31 December 2023: 520,824 (8 municipalities).\n"
    "Population source: Statistics Sweden (SCB), population on 31 December 2008-2024; licence CC0 1.0 (Källa: SCB).\n"
    "Exact total: SEK 2,083,296.\n"
    "The fees are whole kronor; no rounding is needed.\n"
    "Huddinge: 113,920 inhabitants, exact SEK 455,680, pays SEK 455,680.\n"
    "Botkyrka: 95,592 inhabitants, exact SEK 382,368, pays SEK 382,368.\n"
    "Salem: 17,451 inhabitants, exact SEK 69,804, pays SEK 69,804.\n"
    "Haninge: 99,751 inhabitants, exact SEK 399,004, pays SEK 399,004.\n"
    "Tyresö: 49,173 inhabitants, exact SEK 196,692, pays SEK 196,692.\n"
    "Nykvarn: 12,107 inhabitants, exact SEK 48,428, pays SEK 48,428.\n"
    "Södertälje: 102,519 inhabitants, exact SEK 410,076, pays SEK 410,076.\n"
    "Nynäshamn: 30,311 inhabitants, exact SEK 121,244, pays SEK 121,244.\n"
    "Due no later than 15 March 2024 (Samarbetsavtal 2010, § 8)."
)

EXPLAIN_2024_NYKVARN_EN = (
    "Fee year 2024: Nykvarn\n"
    "Rule: SEK 4 per inhabitant on 31 December of the year before the fee year (Samarbetskommitténs beslut 2017-02-02).\n"
    "Population on 31 December 2023: 12,107.\n"
    "Population source: Statistics Sweden (SCB), population on 31 December 2008-2024; licence "
    "CC0 1.0 (Källa: SCB).\n"
    "Exact fee: 12,107 × SEK 4 = SEK 48,428.\n"
    "Nykvarn pays SEK 48,428."
)

TABLE_2024_EN = (
    "Municipality  Population 31 December 2023       Fee 2024\n"
    "------------  ---------------------------  -------------\n"
    "Huddinge                          113,920    SEK 455,680\n"
    "Botkyrka                           95,592    SEK 382,368\n"
    "Salem                              17,451     SEK 69,804\n"
    "Haninge                            99,751    SEK 399,004\n"
    "Tyresö                             49,173    SEK 196,692\n"
    "Nykvarn                            12,107     SEK 48,428\n"
    "Södertälje                        102,519    SEK 410,076\n"
    "Nynäshamn                          30,311    SEK 121,244\n"
    "------------  ---------------------------  -------------\n"
    "Total                             520,824  SEK 2,083,296\n"
    "\n"
    "Rule: SEK 4 per inhabitant on 31 December of the year before the fee year (Samarbetskommitténs beslut 2017-02-02). Due 15 March 2024."
    "\n"
    "Population source: Statistics Sweden (SCB), population on 31 December 2008-2024; licence "
    "CC0 1.0 (Källa: SCB)."
)

EXPLAIN_2012_SV = (
    "Avgiftsår 2012\n"
    "Regel: 860\xa0000\xa0kr år 2010 fördelat efter invånarantalet den 31 december 2009; varje följande år räknas varje kommuns avgift om med samma procentsats som kommunens invånarantal har förändrats mellan de två närmast föregående årsskiftena (Samarbetsavtal 2010, § 8).\n"
    "Folkmängd den 31 december 2011: 444\xa0338 (8 kommuner).\n"
    "Källa för folkmängden: Statistiska centralbyrån (SCB), folkmängd den 31 december 2008–2024; licens CC0 1.0 (Källa: SCB).\n"
    "Exakt summa: ≈ 885\xa0744,80\xa0kr.\n"
    "Avrundat en gång till hela kronor (enligt 2 § lagen (1970:1029) om avrundning av vissa öresbelopp: 1–49 öre avrundas nedåt, 50–99 öre uppåt): 885\xa0745\xa0kr; fördelas på kommunerna enligt största restmetoden utifrån de exakta avgifterna (vid lika stora rester går kommunen med lägst kommunkod först), så att delbeloppen summerar till totalen och ingen avgift avviker mer än en krona från den exakta avgiften.\n"
    "Huddinge: 99\xa0049 invånare, exakt ≈ 197\xa0444,60\xa0kr, betalar 197\xa0445\xa0kr.\n"
    "Botkyrka: 84\xa0677 invånare, exakt ≈ 168\xa0795,40\xa0kr, betalar 168\xa0795\xa0kr.\n"
    "Salem: 15\xa0694 invånare, exakt ≈ 31\xa0284,47\xa0kr, betalar 31\xa0285\xa0kr.\n"
    "Haninge: 78\xa0326 invånare, exakt ≈ 156\xa0135,30\xa0kr, betalar 156\xa0135\xa0kr.\n"
    "Tyresö: 43\xa0328 invånare, exakt ≈ 86\xa0370,17\xa0kr, betalar 86\xa0370\xa0kr.\n"
    "Nykvarn: 9\xa0331 invånare, exakt ≈ 18\xa0600,45\xa0kr, betalar 18\xa0600\xa0kr.\n"
    "Södertälje: 87\xa0685 invånare, exakt ≈ 174\xa0791,56\xa0kr, betalar 174\xa0792\xa0kr.\n"
    "Nynäshamn: 26\xa0248 invånare, exakt ≈ 52\xa0322,85\xa0kr, betalar 52\xa0323\xa0kr.\n"
    "Avgiften ska betalas senast den 15 mars 2012 (Samarbetsavtal 2010, § 8)."
)

EXPLAIN_2012_NYKVARN_SV = (
    "Avgiftsår 2012: Nykvarn\n"
    "Regel: 860\xa0000\xa0kr år 2010 fördelat efter invånarantalet den 31 december 2009; varje följande år räknas varje kommuns avgift om med samma procentsats som kommunens invånarantal har förändrats mellan de två närmast föregående årsskiftena (Samarbetsavtal 2010, § 8).\n"
    "Folkmängd den 31 december 2011: 9\xa0331.\n"
    "Källa för folkmängden: Statistiska centralbyrån (SCB), folkmängd den 31 december 2008–2024; "
    "licens CC0 1.0 (Källa: SCB).\n"
    "2010: 860\xa0000\xa0kr × 9\xa0227 / 431\xa0423 (kommunernas invånarantal den 31 december 2009) → ≈ 18\xa0393,13\xa0kr.\n"
    "2011: invånarantal 9\xa0227 → 9\xa0331 (+1,13 %), avgift ≈ 18\xa0600,45\xa0kr.\n"
    "2012: invånarantal 9\xa0331 → 9\xa0331 (±0 %), avgift ≈ 18\xa0600,45\xa0kr.\n"
    "Den avrundade summan 885\xa0745\xa0kr fördelas enligt största restmetoden; Nykvarn betalar 18\xa0600\xa0kr."
)

TABLE_2012_SV = (
    "Kommun      Folkmängd 31 december 2011  Avgift 2012\n"
    "----------  --------------------------  -----------\n"
    "Huddinge                        99\xa0049   197\xa0445\xa0kr\n"
    "Botkyrka                        84\xa0677   168\xa0795\xa0kr\n"
    "Salem                           15\xa0694    31\xa0285\xa0kr\n"
    "Haninge                         78\xa0326   156\xa0135\xa0kr\n"
    "Tyresö                          43\xa0328    86\xa0370\xa0kr\n"
    "Nykvarn                          9\xa0331    18\xa0600\xa0kr\n"
    "Södertälje                      87\xa0685   174\xa0792\xa0kr\n"
    "Nynäshamn                       26\xa0248    52\xa0323\xa0kr\n"
    "----------  --------------------------  -----------\n"
    "Summa                          444\xa0338   885\xa0745\xa0kr\n"
    "\n"
    "Regel: 860\xa0000\xa0kr år 2010 fördelat efter invånarantalet den 31 december 2009; varje följande år räknas varje kommuns avgift om med samma procentsats som kommunens invånarantal har förändrats mellan de två närmast föregående årsskiftena (Samarbetsavtal 2010, § 8). Förfallodag: 15 mars 2012."
    "\n"
    "Källa för folkmängden: Statistiska centralbyrån (SCB), folkmängd den 31 december 2008–2024; "
    "licens CC0 1.0 (Källa: SCB)."
)

EXPLAIN_2012_EN = (
    "Fee year 2012\n"
    "Rule: SEK 860,000 in 2010 split by population on 31 December 2009; each later year each party's fee changes by the percentage its own population changed between the two preceding year-ends (Samarbetsavtal 2010, § 8).\n"
    "Population on 31 December 2011: 444,338 (8 municipalities).\n"
    "Population source: Statistics Sweden (SCB), population on 31 December 2008-2024; licence CC0 1.0 (Källa: SCB).\n"
    "Exact total: ≈ SEK 885,744.80.\n"
    "Rounded once to whole kronor (statutory rule, Lag (1970:1029) 2 §: 1–49 öre down, 50–99 up): SEK 885,745; spread over the parties by the largest remainder method on their exact fees (where remainders are equal, the lowest municipality code comes first), so the parts sum to the total and no fee differs from its exact fee by more than one krona.\n"
    "Huddinge: 99,049 inhabitants, exact ≈ SEK 197,444.60, pays SEK 197,445.\n"
    "Botkyrka: 84,677 inhabitants, exact ≈ SEK 168,795.40, pays SEK 168,795.\n"
    "Salem: 15,694 inhabitants, exact ≈ SEK 31,284.47, pays SEK 31,285.\n"
    "Haninge: 78,326 inhabitants, exact ≈ SEK 156,135.30, pays SEK 156,135.\n"
    "Tyresö: 43,328 inhabitants, exact ≈ SEK 86,370.17, pays SEK 86,370.\n"
    "Nykvarn: 9,331 inhabitants, exact ≈ SEK 18,600.45, pays SEK 18,600.\n"
    "Södertälje: 87,685 inhabitants, exact ≈ SEK 174,791.56, pays SEK 174,792.\n"
    "Nynäshamn: 26,248 inhabitants, exact ≈ SEK 52,322.85, pays SEK 52,323.\n"
    "Due no later than 15 March 2012 (Samarbetsavtal 2010, § 8)."
)

EXPLAIN_2012_NYKVARN_EN = (
    "Fee year 2012: Nykvarn\n"
    "Rule: SEK 860,000 in 2010 split by population on 31 December 2009; each later year each party's fee changes by the percentage its own population changed between the two preceding year-ends (Samarbetsavtal 2010, § 8).\n"
    "Population on 31 December 2011: 9,331.\n"
    "Population source: Statistics Sweden (SCB), population on 31 December 2008-2024; licence "
    "CC0 1.0 (Källa: SCB).\n"
    "2010: SEK 860,000 × 9,227 / 431,423 (population of the parties on 31 December 2009) → ≈ SEK 18,393.13.\n"
    "2011: population 9,227 → 9,331 (+1.13 %), fee ≈ SEK 18,600.45.\n"
    "2012: population 9,331 → 9,331 (±0 %), fee ≈ SEK 18,600.45.\n"
    "Rounded total SEK 885,745 spread by largest remainder; Nykvarn pays SEK 18,600."
)

TABLE_2012_EN = (
    "Municipality  Population 31 December 2011     Fee 2012\n"
    "------------  ---------------------------  -----------\n"
    "Huddinge                           99,049  SEK 197,445\n"
    "Botkyrka                           84,677  SEK 168,795\n"
    "Salem                              15,694   SEK 31,285\n"
    "Haninge                            78,326  SEK 156,135\n"
    "Tyresö                             43,328   SEK 86,370\n"
    "Nykvarn                             9,331   SEK 18,600\n"
    "Södertälje                         87,685  SEK 174,792\n"
    "Nynäshamn                          26,248   SEK 52,323\n"
    "------------  ---------------------------  -----------\n"
    "Total                             444,338  SEK 885,745\n"
    "\n"
    "Rule: SEK 860,000 in 2010 split by population on 31 December 2009; each later year each party's fee changes by the percentage its own population changed between the two preceding year-ends (Samarbetsavtal 2010, § 8). Due 15 March 2012."
    "\n"
    "Population source: Statistics Sweden (SCB), population on 31 December 2008-2024; licence "
    "CC0 1.0 (Källa: SCB)."
)

HTML_2024 = (
    "<table><caption>Avgift 2024 (Samarbetskommitténs beslut 2017-02-02). Förfallodag"
    ": 15 mars 2024.</caption><thead><tr><th>Kommunkod</th><th>Kommun</th><th>Folkmän"
    "gd 31 december 2023</th><th>Avgift 2024</th></tr></thead><tbody><tr><td>0126</td"
    "><td>Huddinge</td><td style='text-align:right'>113\xa0920</td><td style='text-align"
    ":right'>455\xa0680\xa0kr</td></tr><tr><td>0127</td><td>Botkyrka</td><td style='text-al"
    "ign:right'>95\xa0592</td><td style='text-align:right'>382\xa0368\xa0kr</td></tr><tr><td>0"
    "128</td><td>Salem</td><td style='text-align:right'>17\xa0451</td><td style='text-al"
    "ign:right'>69\xa0804\xa0kr</td></tr><tr><td>0136</td><td>Haninge</td><td style='text-a"
    "lign:right'>99\xa0751</td><td style='text-align:right'>399\xa0004\xa0kr</td></tr><tr><td>"
    "0138</td><td>Tyresö</td><td style='text-align:right'>49\xa0173</td><td style='text-"
    "align:right'>196\xa0692\xa0kr</td></tr><tr><td>0140</td><td>Nykvarn</td><td style='tex"
    "t-align:right'>12\xa0107</td><td style='text-align:right'>48\xa0428\xa0kr</td></tr><tr><t"
    "d>0181</td><td>Södertälje</td><td style='text-align:right'>102\xa0519</td><td style"
    "='text-align:right'>410\xa0076\xa0kr</td></tr><tr><td>0192</td><td>Nynäshamn</td><td s"
    "tyle='text-align:right'>30\xa0311</td><td style='text-align:right'>121\xa0244\xa0kr</td><"
    "/tr></tbody><tfoot><tr><th colspan='2'>Summa</th><th style='text-align:right'>52"
    "0\xa0824</th><th style='text-align:right'>2\xa0083\xa0296\xa0kr</th></tr><tr><td colspan='4'>"
    "Källa för folkmängden: Statistiska centralbyrån (SCB), folkmängd den 31 december "
    "2008–2024; licens CC0 1.0 (Källa: SCB).</td></tr></tfoot></table>"
)


@pytest.mark.parametrize(
    ("year", "lang", "expected"),
    [
        (2024, "sv", EXPLAIN_2024_SV),
        (2024, "en", EXPLAIN_2024_EN),
        (2012, "sv", EXPLAIN_2012_SV),
        (2012, "en", EXPLAIN_2012_EN),
    ],
)
def test_whole_explanation(year: int, lang: str, expected: str) -> None:
    assert annual_fees(year).explain(lang=lang) == expected


@pytest.mark.parametrize(
    ("year", "lang", "expected"),
    [
        (2024, "sv", EXPLAIN_2024_NYKVARN_SV),
        (2024, "en", EXPLAIN_2024_NYKVARN_EN),
        (2012, "sv", EXPLAIN_2012_NYKVARN_SV),
        (2012, "en", EXPLAIN_2012_NYKVARN_EN),
    ],
)
def test_whole_explanation_of_one_party(year: int, lang: str, expected: str) -> None:
    assert annual_fees(year).explain("Nykvarn", lang=lang) == expected


def test_explanation_defaults_to_swedish() -> None:
    fees = annual_fees(2012)
    assert fees.explain() == EXPLAIN_2012_SV
    assert fees.explain("Nykvarn") == EXPLAIN_2012_NYKVARN_SV
    assert fees.rule.describe() == fees.rule.describe("sv") != fees.rule.describe("en")
    per_capita = annual_fees(2024).rule
    assert per_capita.describe() == per_capita.describe("sv") != per_capita.describe("en")


@pytest.mark.parametrize(
    ("year", "lang", "expected"),
    [
        (2024, "sv", TABLE_2024_SV),
        (2024, "en", TABLE_2024_EN),
        (2012, "sv", TABLE_2012_SV),
        (2012, "en", TABLE_2012_EN),
    ],
)
def test_whole_table(year: int, lang: str, expected: str) -> None:
    assert annual_fees(year).table(lang=lang) == expected


def test_table_defaults_to_swedish() -> None:
    assert annual_fees(2024).table() == TABLE_2024_SV


def test_whole_html() -> None:
    assert annual_fees(2024)._repr_html_() == HTML_2024


def test_html_headers_follow_the_language() -> None:
    english = annual_fees(2024).html(lang="en")
    assert "<th>Code</th><th>Municipality</th><th>Population 31 December 2023</th>" in english
    assert "<th>Fee 2024</th>" in english and "Summa" not in english
    assert "<th>Kommunkod</th><th>Kommun</th>" in annual_fees(2024).html()
    view = annual_fees(2025).view(lang="en")
    assert view._repr_html_().startswith("<table>") and "Saturday" in view._repr_html_()
    assert str(view) == annual_fees(2025).table(lang="en")


def test_explanation_in_ore_with_another_rounding_mode() -> None:
    fees = annual_fees(2012, unit=Unit.ORE, rounding=Rounding.FLOOR)
    assert fees.explain(lang="en").splitlines()[4:6] == [
        "Exact total: ≈ SEK 885,744.80.",
        "Rounded once to öre (rounding mode floor): SEK 885,744.80; spread over the parties "
        "by the largest remainder method on their exact fees (where remainders are equal, the "
        "lowest municipality code comes first), so the parts sum to the total and no fee "
        "differs from its exact fee by more than one öre.",
    ]
    assert (
        fees.explain(lang="sv")
        .splitlines()[5]
        .startswith("Avrundat en gång till öre (avrundningsregel floor): 885\xa0744,80\xa0kr; ")
    )


def test_explanation_without_a_population_source_has_no_source_line() -> None:
    counts = {(party, 2023): 100 + i for i, party in enumerate(MUNICIPALITIES)}
    population = Population(counts)
    assert population.source == ""
    lines = annual_fees(2024, population).explain(lang="en").splitlines()
    assert lines[:4] == [
        "Fee year 2024",
        "Rule: SEK 4 per inhabitant on 31 December of the year before the fee year "
        "(Samarbetskommitténs beslut 2017-02-02).",
        "Population on 31 December 2023: 828 (8 municipalities).",
        "Exact total: SEK 3,312.",
    ]
    assert len(lines) == 14
    one = annual_fees(2024, population, parties=["Salem"]).explain(lang="sv").splitlines()
    assert one[2] == "Folkmängd den 31 december 2023: 102 (1 kommun)."


def test_falling_population_step_in_swedish() -> None:
    huddinge = MUNICIPALITIES[0]
    counts = {(p, y): 100 for p in MUNICIPALITIES for y in (2009, 2010)}
    counts[(huddinge, 2010)] = 90
    text = annual_fees(2011, Population(counts)).explain(huddinge)
    assert text.splitlines()[3:] == [
        "2010: 860\xa0000\xa0kr × 100 / 800 (kommunernas invånarantal den 31 december 2009) "
        "→ 107\xa0500\xa0kr.",
        "2011: invånarantal 100 → 90 (-10 %), avgift 96\xa0750\xa0kr.",
        "Huddinge betalar 96\xa0750\xa0kr.",
    ]


def test_a_count_of_one_takes_the_singular() -> None:
    counts = {(party, 2023): 1 + i for i, party in enumerate(MUNICIPALITIES)}
    fees = annual_fees(2024, Population(counts))
    english = fees.explain(lang="en").splitlines()
    assert any(line.startswith(f"{MUNICIPALITIES[0].name}: 1 inhabitant,") for line in english)
    assert any(line.startswith(f"{MUNICIPALITIES[1].name}: 2 inhabitants,") for line in english)
    swedish = fees.explain(lang="sv").splitlines()
    assert any(line.startswith(f"{MUNICIPALITIES[0].name}: 1 invånare,") for line in swedish)
