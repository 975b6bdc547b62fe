"""The annual fee (avgift) of Samarbetsavtal 2010, § 8, and the rules that followed it.

The committee's budget is paid for by a yearly fee from each party. Which rule sets the
fee depends on the fee year, so the rules are data, each with its source and the years
it covers (:class:`~sodertorn.fees.FeeSchedule`):

* fee years 2010–2017, :class:`~sodertorn.fees.IndexedRule` (§ 8): 860 000 kr in 2010, split by
  population on 31 Dec 2009; each later year every party's fee moves by the percentage
  its own population moved between the two preceding year-ends;
* from fee year 2018, :class:`~sodertorn.fees.PerCapitaRule` (committee decision 2017-02-02): 4 kr per
  inhabitant on 31 Dec of the year before the fee year.

>>> from sodertorn import annual_fees, municipality
>>> fees = annual_fees(2024)
>>> fees.total
SEK(2083296)
>>> fees[municipality("Nykvarn")]
SEK(48428)
>>> fees.due_date
datetime.date(2024, 3, 15)
>>> annual_fees(2009)
Traceback (most recent call last):
...
sodertorn.FeeRuleError: no fee rule for fee year 2009; the schedule covers 2010-2017, 2018 onwards

The package, one job a module: ``rules`` (the rules and their one question,
``exact_fees``), ``schedule`` (the rules as dated data), ``assessment``
(:func:`~sodertorn.annual_fees` and its result), ``history`` (many years), ``banking``
(the banking day a payment is on time), ``explain`` (the result in words, tables and
HTML) and :mod:`~sodertorn.fees.invoices` (invoice pages).
"""

from typing import TYPE_CHECKING

from sodertorn.fees.assessment import FEE_COLUMNS, FeeAssessment, FeeLine, annual_fees
from sodertorn.fees.banking import is_banking_day, next_banking_day
from sodertorn.fees.rules import FeeRule, IndexedRule, IndexStep, PerCapitaRule
from sodertorn.fees.schedule import FeeSchedule

if TYPE_CHECKING:
    from sodertorn.fees.history import FeeHistory, fee_history
    from sodertorn.fees.invoices import (
        InvoiceDetails,
        invoice_html,
        read_invoice_details,
        write_invoices,
    )

__all__ = [
    "FEE_COLUMNS",
    "FeeAssessment",
    "FeeHistory",
    "FeeLine",
    "FeeRule",
    "FeeSchedule",
    "IndexStep",
    "IndexedRule",
    "InvoiceDetails",
    "PerCapitaRule",
    "annual_fees",
    "fee_history",
    "invoice_html",
    "is_banking_day",
    "next_banking_day",
    "read_invoice_details",
    "write_invoices",
]

_LAZY = {
    "FeeHistory": "sodertorn.fees.history",
    "fee_history": "sodertorn.fees.history",
    "InvoiceDetails": "sodertorn.fees.invoices",
    "invoice_html": "sodertorn.fees.invoices",
    "read_invoice_details": "sodertorn.fees.invoices",
    "write_invoices": "sodertorn.fees.invoices",
}
"""Names imported on first use: a year's fees need neither many years nor invoices (nor
the text and HTML those import)."""

_SUBMODULES = ("explain", "history", "invoices")
"""The modules imported on first use, as attributes (``sodertorn.fees.invoices``)."""

# Hidden from type checkers, which see the imports above: a misspelt name stays an error.
if not TYPE_CHECKING:

    def __getattr__(name: str) -> object:
        import importlib  # noqa: PLC0415

        if name in _LAZY:
            value = getattr(importlib.import_module(_LAZY[name]), name)
            globals()[name] = value
            return value
        if name in _SUBMODULES:
            return importlib.import_module(f"{__name__}.{name}")
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY, *_SUBMODULES})
