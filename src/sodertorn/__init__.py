"""The Södertörn municipalities' collaboration agreement as exact, typed Python.

Re-exports only; each name lives in the module of its concept.
"""

from sodertorn._version import __version__
from sodertorn.allocation import allocate, allocate_units
from sodertorn.errors import (
    AllocationError,
    FeeRuleError,
    InvalidAmountError,
    LocaleError,
    MissingDataError,
    PopulationDataError,
    SodertornError,
    SodertornWarning,
    UnknownMunicipalityError,
)
from sodertorn.money import SEK, Rounding, Unit, round_fraction
from sodertorn.parties import MUNICIPALITIES, Municipality, municipality
from sodertorn.population import Population, reference_date

__all__ = [
    "MUNICIPALITIES",
    "SEK",
    "AllocationError",
    "FeeRuleError",
    "InvalidAmountError",
    "LocaleError",
    "MissingDataError",
    "Municipality",
    "Population",
    "PopulationDataError",
    "Rounding",
    "SodertornError",
    "SodertornWarning",
    "Unit",
    "UnknownMunicipalityError",
    "__version__",
    "allocate",
    "allocate_units",
    "municipality",
    "reference_date",
    "round_fraction",
]
