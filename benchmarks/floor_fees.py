"""The floor of ``sodertorn fees YEAR --format json``: the same JSON with the standard library only.

    python benchmarks/floor_fees.py 2024

Reads the same built-in data as the command (the population CSV, the fee rules and the
banking-day calendar) with :mod:`argparse`, :mod:`csv` and :mod:`json`, and prints JSON
byte-identical to the command's for a fee year of the per-capita rule
(``tests/cli/test_floor.py`` checks that). It checks nothing the data does not need and
explains nothing: what is left is the least a process can do to print that document,
which the command's start-up is measured against (docs/benchmarks.md).
"""

from __future__ import annotations

import argparse
import csv
import datetime
import json
import os
import sys

DATA = os.path.join(os.path.dirname(__file__), os.pardir, "src", "sodertorn", "data")

BUILTIN_SOURCE = (
    "Statistics Sweden (SCB), population on 31 December 2008-2024; licence CC0 1.0 (Källa: SCB)"
)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="floor_fees")
    parser.add_argument("year", type=int)
    parser.add_argument("--data", default=DATA, help="the folder of the built-in data")
    args = parser.parse_args(argv)
    year: int = args.year
    with open(os.path.join(args.data, "fee_rules.json"), encoding="utf-8") as file:
        schedule = json.load(file)
    rule = next(
        rule
        for rule in schedule["rules"]
        if rule["first_year"] <= year and (rule["last_year"] is None or year <= rule["last_year"])
    )
    if rule["kind"] != "per_capita" or "." in rule["rate"]:
        raise SystemExit("floor_fees: only fee years of a per-capita rule in whole kronor")
    rate = int(rule["rate"])
    counts: dict[str, tuple[str, int]] = {}
    with open(os.path.join(args.data, "population.csv"), encoding="utf-8", newline="") as file:
        rows = csv.reader(line for line in file if not line.startswith("#"))
        next(rows)
        for code, name, counted, population in rows:
            if int(counted) == year - 1:
                counts[code] = (name, int(population))
    due = datetime.date(year, schedule["due"]["month"], schedule["due"]["day"])
    with open(os.path.join(args.data, "non_banking_weekdays.txt"), encoding="utf-8") as file:
        closed = {line[:10] for line in file if not line.startswith("#")}
    payable = due
    while payable.weekday() >= 5 or payable.isoformat() in closed:
        payable += datetime.timedelta(days=1)
    fees = [
        {"code": code, "name": name, "population": population, "amount": str(rate * population)}
        for code, (name, population) in sorted(counts.items())
    ]
    document = {
        "schema": "sodertorn/fees/1",
        "year": year,
        "rule": rule["kind"],
        "source": rule["source"],
        "due_date": due.isoformat(),
        "payable_by": payable.isoformat(),
        "population_date": f"{year - 1}-12-31",
        "population_source": BUILTIN_SOURCE,
        "population_sources": [
            {"kind": "builtin", "note": BUILTIN_SOURCE, "description": BUILTIN_SOURCE}
        ],
        "unit": "krona",
        "rounding": "half-up",
        "total": str(rate * sum(population for _, population in counts.values())),
        "fees": fees,
    }
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
