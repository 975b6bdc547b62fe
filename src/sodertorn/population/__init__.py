"""The population register: inhabitants per municipality on 31 December of each year.

Population is the key of every split in the agreement (§§ 7, 8, 10). A
:class:`~sodertorn.Population` is immutable, validated when it is made, and knows the source of
each year's figures (:class:`~sodertorn.population.PopulationSource`). Its loaders read every shape in which
users get the figures from Statistics Sweden (SCB): the library's own CSV, the
statistical database's CSV and xlsx exports (wide or long), SCB's yearly table
"Folkmängd i riket, län och kommuner 31 december YYYY", and the API's JSON-stat2 and
``json`` responses (``sodertorn.population.formats``, ``sodertorn.population.jsonstat``). The library touches the network
only when asked: :meth:`~sodertorn.Population.fetch_scb` (``sodertorn.population.fetch``).

The built-in data set is SCB's year-end count for 2008–2024 (CC0, "Källa: SCB"):

>>> from sodertorn import Population, municipality
>>> population = Population.builtin()
>>> population.total(2023)
520824
>>> population.count(municipality("Nykvarn"), 2009)
9227
>>> population.at(1999)
Traceback (most recent call last):
...
sodertorn.MissingDataError: no population for 31 Dec 1999; the data has 2008-2024
"""

from __future__ import annotations

from sodertorn.population.provenance import BUILTIN_SOURCE, PopulationSource
from sodertorn.population.register import Population, reference_date

__all__ = ["BUILTIN_SOURCE", "Population", "PopulationSource", "reference_date"]
