"""Fees 2010–2025 for the eight Södertörn municipalities, and two what-ifs.

The same walk-through as the notebook ``fees-2010-2025.ipynb``, without the chart::

    python examples/fees.py            # in Swedish
    python examples/fees.py --lang en  # in English
"""

from __future__ import annotations

import argparse

from sodertorn import MUNICIPALITIES, SEK, Population, annual_fees, fee_history
from sodertorn.fees import FeeSchedule, PerCapitaRule
from sodertorn.i18n import format_money

FIRST, LAST = 2010, 2025
"""The fee years the built-in population (31 Dec 2008–2024) allows."""


def history(lang: str) -> str:
    """Each party's fee for every fee year, one row a year, formatted for *lang*."""
    header = ["", *(party.name for party in MUNICIPALITIES), "Σ"]
    rows = [header]
    for fees in fee_history(FIRST, LAST):
        rows.append(
            [
                str(fees.year),
                *(format_money(fees[party], lang) for party in MUNICIPALITIES),
                format_money(fees.total, lang),
            ]
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    return "\n".join(
        "  ".join(cell.rjust(width) for cell, width in zip(row, widths, strict=True))
        for row in rows
    )


def main() -> None:
    """Print the fee table, one explanation and the two what-ifs."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=("sv", "en"), default="sv")
    lang = parser.parse_args().lang

    print(history(lang))
    print()
    latest = annual_fees(LAST)
    print(latest.table(lang=lang))
    print()
    print(latest.explain("Nynäshamn", lang=lang))
    print()

    # What if Nykvarn had left before 1 January of the latest year? The others' fees stay.
    seven = [party for party in MUNICIPALITIES if party.name != "Nykvarn"]
    without = annual_fees(LAST, parties=seven)
    label = {"sv": "{year} utan Nykvarn: {total}", "en": "{year} without Nykvarn: {total}"}
    print(label[lang].format(year=LAST, total=format_money(without.total, lang)))

    # What if the rate were 4.50 kr from next year? The count of 31 Dec LAST - 1 is not
    # published yet, so carry the latest one forward as a provisional count.
    population = Population.builtin()
    provisional = Population(
        {(party, LAST): population.count(party, LAST - 1) for party in MUNICIPALITIES},
        source="provisional: latest count carried forward",
    )
    raised = PerCapitaRule(first_year=LAST + 1, last_year=None, rate=SEK("4.50"), source="What-if")
    schedule = FeeSchedule.default().with_rule(raised)
    next_year = annual_fees(LAST + 1, population.merge(provisional), schedule=schedule)
    print(next_year.table(lang=lang))


if __name__ == "__main__":
    main()
