"""One year of § 8's indexed fee for one party (Samarbetsavtal 2010, § 8)."""

from __future__ import annotations

from fractions import Fraction

import attrs

__all__ = ["IndexStep"]


@attrs.frozen(kw_only=True)
class IndexStep:
    """One year of the indexed fee for one party: fee(y) = fee(y−1) × P(y−1) / P(y−2).

    The first step (``before == 0``) is the base split: fee = total × P / ΣP, where ΣP is
    ``base_population``.
    """

    __module__ = "sodertorn.fees"

    year: int
    before: int
    """Population on 31 Dec of ``year - 2`` (0 for the base split)."""
    after: int
    """Population on 31 Dec of ``year - 1``."""
    fee: Fraction
    """The exact fee of ``year``."""
    base_population: int | None = attrs.field(default=None, repr=False)
    """For the base split: the population of all the base parties (ΣP)."""

    @property
    def change(self) -> Fraction:
        """The relative change of population, ``after / before - 1``."""
        return Fraction(self.after, self.before) - 1
