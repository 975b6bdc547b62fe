"""The Södertörn municipalities' collaboration agreement as exact, typed Python.

Re-exports only; each name lives in the module of its concept.
"""

from sodertorn._version import __version__
from sodertorn.allocation import allocate, allocate_units, round_to_total
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
from sodertorn.fees import (
    FeeAssessment,
    FeeLine,
    FeeRule,
    FeeSchedule,
    IndexedRule,
    IndexStep,
    PerCapitaRule,
    annual_fees,
)
from sodertorn.money import SEK, Rounding, Unit, round_fraction
from sodertorn.parties import MUNICIPALITIES, Municipality, municipality
from sodertorn.population import Population, reference_date

__all__ = [
    "MUNICIPALITIES",
    "SEK",
    "AllocationError",
    "FeeAssessment",
    "FeeLine",
    "FeeRule",
    "FeeRuleError",
    "FeeSchedule",
    "IndexStep",
    "IndexedRule",
    "InvalidAmountError",
    "LocaleError",
    "MissingDataError",
    "Municipality",
    "PerCapitaRule",
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
    "annual_fees",
    "municipality",
    "reference_date",
    "round_fraction",
    "round_to_total",
]
