"""Hypothesis strategies for the library's domain values, for tools that build on it.

A system that imports :mod:`sodertorn` can property-test its own code against valid
values (amounts, weights, municipalities, population registers, fee schedules, notices,
agreements with members and withdrawals, meetings, assets and liabilities, goal trees)
and against values the library refuses. This module needs Hypothesis, which the library
itself does not: install the ``testing`` extra (``pip install 'sodertorn[testing]'``).

Every strategy is a function that returns a :class:`hypothesis.strategies.SearchStrategy`:

>>> from hypothesis import find
>>> from sodertorn import SEK, allocate
>>> from sodertorn.testing import amounts, weights
>>> find(amounts(), lambda amount: amount > SEK(100))
SEK('100.01')
>>> drawn = find(weights(), lambda w: len(w) == 3)
>>> len(drawn), sum(drawn.values()) > 0
(3, True)
>>> from sodertorn.testing import populations
>>> find(populations(first_year=2022, last_year=2023), lambda p: True).years
(2022, 2023)

Importing this module (or just Hypothesis, where the library is installed) also teaches
``st.from_type`` the library's value types: :class:`~sodertorn.SEK` draws
:func:`amounts`, :class:`~sodertorn.Municipality` one of the eight :func:`parties`, and
:class:`~sodertorn.Population` :func:`populations`:

>>> from hypothesis import strategies as st
>>> from sodertorn import MUNICIPALITIES, Municipality
>>> find(st.from_type(Municipality), lambda party: True) in MUNICIPALITIES
True
>>> find(st.from_type(SEK), lambda amount: amount < SEK(0))
SEK('-0.01')

In a test, draw from them with ``@given``::

    @given(amounts(), weights())
    def test_parts_sum_to_the_total(total, w):
        assert SEK.total(allocate(total, w, unit=Unit.ORE).values()) == total

The strategies by subject:

- text, ids and days: :func:`words`, :func:`slugs`, :func:`few_slugs`, :func:`texts`,
  :func:`days`;
- money and shares: :func:`amounts`, :func:`whole_kronor`, :func:`weights`,
  :func:`exact_shares`;
- the parties and their population: :func:`municipalities`, :func:`parties`,
  :func:`party_sets`, :func:`populations`, :func:`sparse_populations`;
- the fees (§ 8): :func:`fee_rules`, :func:`fee_schedules`;
- the agreement (§§ 2-10): :func:`days_in_force`, :func:`receipt_dates`, :func:`notices`,
  :func:`agreements`, :func:`meetings`, :func:`decisions`, :func:`items`;
- the development programme: :func:`adoption_records`, :func:`programmes`,
  :func:`programme_chains`, :func:`contributions`, :func:`plans` and their parts
  (:func:`calendar_entries`, :func:`budget_lines`, :func:`budgets`, :func:`editions`,
  :func:`conferences`), and :func:`follow_ups` with their :func:`comments`;
- values the library refuses: :func:`invalid_amounts`, :func:`invalid_weights` and
  :func:`invalid_population_counts` give values a constructor or function refuses with a
  :class:`~sodertorn.SodertornError`, for testing that a caller's error handling holds;
  :func:`junk` gives values of any wrong type, which every public name refuses;
- the edges, where files and command lines come in: :func:`population_texts`,
  :func:`population_bytes`, :func:`magic_bytes`, :func:`json_structures` and
  :func:`jsonstat_datasets` for the population loaders, :func:`command_lines` and
  :func:`environments` for the ``sodertorn`` command. They are shaped for this library's
  readers and command line rather than for a caller's code; a tool that wraps either can
  feed them to its wrapper.

The library's own tests draw their values from these strategies, so what is published
is what the library is tested with. All are cheap to draw from: bounded sizes, small
alphabets with the Swedish letters for valid text, no regular expressions and no
filtered Unicode text.
"""

from __future__ import annotations

try:
    import hypothesis  # noqa: F401 - only to say what to install
except ImportError as error:
    raise ImportError(
        "sodertorn.testing needs Hypothesis, which is not installed; "
        "install the 'testing' extra: pip install 'sodertorn[testing]'"
    ) from error

from sodertorn._hypothesis_plugin import _hypothesis_setup_hook
from sodertorn.testing._agreement import (
    agreements,
    days_in_force,
    decisions,
    items,
    meetings,
    notices,
    receipt_dates,
)
from sodertorn.testing._edges import (
    command_lines,
    environments,
    json_structures,
    jsonstat_datasets,
    junk,
    magic_bytes,
    population_bytes,
    population_texts,
)
from sodertorn.testing._programme import (
    adoption_records,
    budget_lines,
    budgets,
    calendar_entries,
    comments,
    conferences,
    contributions,
    days,
    editions,
    few_slugs,
    follow_ups,
    plans,
    programme_chains,
    programmes,
    texts,
)
from sodertorn.testing._values import (
    amounts,
    exact_shares,
    fee_rules,
    fee_schedules,
    invalid_amounts,
    invalid_population_counts,
    invalid_weights,
    municipalities,
    parties,
    party_sets,
    populations,
    slugs,
    sparse_populations,
    weights,
    whole_kronor,
    words,
)

__all__ = [
    "adoption_records",
    "agreements",
    "amounts",
    "budget_lines",
    "budgets",
    "calendar_entries",
    "command_lines",
    "comments",
    "conferences",
    "contributions",
    "days",
    "days_in_force",
    "decisions",
    "editions",
    "environments",
    "exact_shares",
    "fee_rules",
    "fee_schedules",
    "few_slugs",
    "follow_ups",
    "invalid_amounts",
    "invalid_population_counts",
    "invalid_weights",
    "items",
    "json_structures",
    "jsonstat_datasets",
    "junk",
    "magic_bytes",
    "meetings",
    "municipalities",
    "notices",
    "parties",
    "party_sets",
    "plans",
    "population_bytes",
    "population_texts",
    "populations",
    "programme_chains",
    "programmes",
    "receipt_dates",
    "slugs",
    "sparse_populations",
    "texts",
    "weights",
    "whole_kronor",
    "words",
]


# -- st.from_type ----------------------------------------------------------------------------

_hypothesis_setup_hook()
