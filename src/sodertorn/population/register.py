"""The population register: inhabitants per municipality on 31 December of each year.

A :class:`Population` is immutable, validated when it is made, and knows where each of
its counts came from (:class:`~sodertorn.population.PopulationSource`). Its loaders are
in :mod:`sodertorn.population.formats`; the fetch from SCB's API in
``sodertorn.population.fetch``.
"""

from __future__ import annotations

import csv
import datetime
import functools
import io
import os
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal

import attrs

from sodertorn import _checks
from sodertorn.errors import MissingDataError, PopulationDataError, Worded
from sodertorn.parties import MUNICIPALITIES, Municipality, municipality
from sodertorn.population.provenance import BUILTIN_SOURCE, PopulationSource

if TYPE_CHECKING:
    from typing import BinaryIO

    from sodertorn.population._cells import Loaded

__all__ = ["BUILTIN_SOURCE", "Population", "reference_date"]

_DATA = os.path.join(os.path.dirname(os.path.dirname(__file__)), "data", "population.csv")
"""The built-in data, read relative to this file (neither importlib.resources nor pathlib at
start-up)."""

Conflict = Literal["other", "self", "error"]


_CALENDAR_YEAR = _checks.year(PopulationDataError)
_YEAR = _checks.whole(MissingDataError, what="a year")


def reference_date(year: int) -> datetime.date:
    """The day a year's count refers to: 31 December of *year*.

    >>> reference_date(2023)
    datetime.date(2023, 12, 31)
    """
    return datetime.date(_CALENDAR_YEAR.check(year, "year"), 12, 31)


def _freeze(
    counts: Mapping[tuple[Municipality, int], int],
) -> Mapping[tuple[Municipality, int], int]:
    if not isinstance(counts, Mapping):
        raise PopulationDataError(
            f"expected a mapping of (Municipality, year) to a count, got {counts!r}"
        )
    checked: dict[tuple[Municipality, int], int] = {}
    for key, count in counts.items():
        if not (
            isinstance(key, tuple)
            and len(key) == 2
            and isinstance(key[0], Municipality)
            and isinstance(key[1], int)
            and not isinstance(key[1], bool)
        ):
            raise PopulationDataError(f"expected a key (Municipality, year), got {key!r}")
        _check_count(count, key)
        checked[key] = count
    # Municipalities order by code alone, so by code and year; two of one code (made by hand)
    # keep the order they were given in. Compared as tuples, those two would not be ordered
    # by year.
    items = sorted(checked.items(), key=_code_and_year)
    return MappingProxyType(dict(items))


def _code_and_year(item: tuple[tuple[Municipality, int], int]) -> tuple[str, int]:
    (party, year), _ = item
    return party.code, year


def _check_count(count: object, where: object) -> None:
    if isinstance(count, bool) or not isinstance(count, int):
        raise PopulationDataError(
            f"count {count!r} for {where!r} is not a whole number of inhabitants"
        )
    if count < 0:
        raise PopulationDataError(f"count {count!r} for {where!r} is negative; expected 0 or more")


def _span(years: Iterable[int]) -> str:
    ordered = sorted(set(years))
    if not ordered:
        return "no years"
    if ordered == list(range(ordered[0], ordered[-1] + 1)):
        return f"{ordered[0]}-{ordered[-1]}" if len(ordered) > 1 else str(ordered[0])
    return ", ".join(map(str, ordered))


def _newer_hint(year: object, years: tuple[int, ...]) -> str:
    """Where to get a year-end newer than the data: SCB publishes it in late February."""
    if not years or not isinstance(year, int) or isinstance(year, bool) or year <= years[-1]:
        return ""
    return (
        f"; SCB publishes the population on 31 December {year} in late February {year + 1}: "
        f"fetch it with 'sodertorn population fetch {year} --output FILE' "
        "(Population.fetch_scb) or load a file with it"
    )


@attrs.frozen
class Population:
    """Inhabitants per municipality on 31 December of each year; immutable.

    Build one from a mapping ``{(municipality, year): count}``, or with a loader
    (:meth:`builtin`, :meth:`load`, :meth:`parse_csv`, :meth:`parse_scb_csv`,
    :meth:`parse_xlsx`, :meth:`parse_jsonstat`, :meth:`parse_scb_json`,
    :meth:`fetch_scb`). Counts must be whole and non-negative. Every count knows its
    :class:`~sodertorn.population.PopulationSource` (:meth:`sources`).

    >>> from sodertorn import MUNICIPALITIES
    >>> huddinge = MUNICIPALITIES[0]
    >>> Population({(huddinge, 2023): 113_373}).at(2023)
    {Municipality(code='0126', name='Huddinge'): 113373}
    >>> Population({(huddinge, 2023): -1})
    Traceback (most recent call last):
    ...
    sodertorn.PopulationDataError: count -1 for (Municipality(code='0126', name='Huddinge'), 2023) is negative; expected 0 or more
    """

    __module__ = "sodertorn"

    counts: Mapping[tuple[Municipality, int], int] = attrs.field(
        converter=_freeze, eq=False, repr=False
    )
    source: str = attrs.field(default="", kw_only=True)
    _provenance: Mapping[tuple[Municipality, int], PopulationSource] | None = attrs.field(
        default=None, kw_only=True, eq=False, repr=False
    )
    # Derived once: every lookup searches the parties, so they must not be rebuilt per call.
    _years: tuple[int, ...] = attrs.field(init=False, eq=False, repr=False)
    _parties: tuple[Municipality, ...] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.source, str):
            raise PopulationDataError(f"source {self.source!r} must be text")
        object.__setattr__(self, "_years", tuple(sorted({year for _, year in self.counts})))
        object.__setattr__(self, "_parties", tuple(sorted({party for party, _ in self.counts})))
        given = self._provenance
        if given is not None and not (
            isinstance(given, Mapping)
            and all(isinstance(s, PopulationSource) for s in given.values())
        ):
            raise PopulationDataError(
                f"provenance must map (Municipality, year) to a PopulationSource, got {given!r}"
            )
        default = PopulationSource.given(self.source)
        resolved = {key: (given or {}).get(key, default) for key in self.counts}
        object.__setattr__(self, "_provenance", MappingProxyType(resolved))

    @property
    def _comparable(self) -> tuple[tuple[tuple[Municipality, int], int], ...]:
        return tuple(self.counts.items())

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Population):
            return NotImplemented
        return self._comparable == other._comparable and self.source == other.source

    def __hash__(self) -> int:
        return hash((self._comparable, self.source))

    def __repr__(self) -> str:
        return (
            f"<Population {len(self.parties)} {'party' if len(self.parties) == 1 else 'parties'}, "
            f"{_span(self.years)}" + (f", {self.source}" if self.source else "") + ">"
        )

    # -- queries -----------------------------------------------------------------------

    @property
    def years(self) -> tuple[int, ...]:
        """The years with at least one count, ascending."""
        return self._years

    @property
    def parties(self) -> tuple[Municipality, ...]:
        """The municipalities with at least one count, in code order."""
        return self._parties

    @property
    def provenance(self) -> Mapping[tuple[Municipality, int], PopulationSource]:
        """The source of every count, keyed like ``counts``."""
        assert self._provenance is not None  # set in __attrs_post_init__
        return self._provenance

    def sources(
        self, year: int, parties: Iterable[Municipality] | None = None
    ) -> tuple[PopulationSource, ...]:
        """The distinct sources of the counts on 31 December of *year*, in party order.

        >>> [s.kind for s in Population.builtin().sources(2024)]
        ['builtin']
        """
        self.at(year, parties)  # the same refusals as at()
        chosen = None if parties is None else set(parties)
        found = (
            self.provenance[(party, y)]
            for (party, y) in self.counts
            if y == year and (chosen is None or party in chosen)
        )
        return tuple(dict.fromkeys(found))

    def count(self, party: Municipality | str, year: int) -> int:
        """Inhabitants of *party* on 31 December of *year*."""
        return self._count(party, _YEAR.check(year, "year"))

    def _count(self, party: Municipality | str, year: int) -> int:
        if isinstance(party, Municipality) and (party, year) in self.counts:
            return self.counts[(party, year)]  # a party with a count is one of ours
        found = municipality(party, among=self.parties or MUNICIPALITIES)
        try:
            return self.counts[(found, year)]
        except KeyError:
            years = [y for p, y in self.counts if p == found]
            raise MissingDataError(
                f"no population for {found.name} on 31 Dec {year!r}; "
                f"the data has {_span(years)} for it" + _newer_hint(year, tuple(sorted(years)))
            ) from None

    def at(
        self, year: int, parties: Iterable[Municipality] | None = None
    ) -> dict[Municipality, int]:
        """Counts on 31 December of *year*, for *parties* (default: all in the data).

        The result is in code order, and is what :func:`~sodertorn.allocate` takes as
        weights.
        """
        if year not in self.years:
            raise MissingDataError(
                f"no population for 31 Dec {year!r}; the data has {_span(self.years)}"
                + _newer_hint(year, self.years)
            )
        _YEAR.check(year, "year")  # 2024.0 and True equal years; checked once, not per party
        if parties is None:
            return {p: c for (p, y), c in self.counts.items() if y == year}
        return {p: self._count(p, year) for p in sorted(dict.fromkeys(parties))}

    def total(self, year: int, parties: Iterable[Municipality] | None = None) -> int:
        """Sum of the counts on 31 December of *year* (for *parties*, default all)."""
        return sum(self.at(year, parties).values())

    def merge(self, other: Population, *, on_conflict: Conflict = "other") -> Population:
        """A register with the counts of both.

        Where both have a count for a party and year, *on_conflict* decides: ``"other"``
        (the default: the figures merged in win, and their source says what they
        replace), ``"self"`` (this register's figures stay) or ``"error"`` (two counts
        that differ are refused, naming both sources).
        """
        if not isinstance(other, Population):
            raise PopulationDataError(f"can only merge another Population, got {other!r}")
        if on_conflict not in ("other", "self", "error"):
            raise PopulationDataError(
                f"on_conflict {on_conflict!r} must be 'other', 'self' or 'error'"
            )
        counts = dict(self.counts)
        provenance = dict(self.provenance)
        for key, count in other.counts.items():
            theirs = other.provenance[key]
            if key in counts:
                ours = provenance[key]
                if on_conflict == "error" and counts[key] != count:
                    party, year = key
                    raise PopulationDataError.of(
                        "two figures for {party} on 31 Dec {year}: {ours} from {our_source} "
                        "and {theirs} from {their_source}; say which wins or correct one",
                        party=party.name,
                        year=str(year),
                        ours=str(counts[key]),
                        our_source=Worded({lang: ours.describe(lang) for lang in ("en", "sv")}),
                        theirs=str(count),
                        their_source=Worded({lang: theirs.describe(lang) for lang in ("en", "sv")}),
                    )
                if on_conflict == "self" or ours == theirs:
                    continue
                if theirs.kind != "given" or ours.kind != "given":
                    theirs = attrs.evolve(theirs, replaces=ours)
            counts[key] = count
            provenance[key] = theirs
        return Population(
            counts,
            source="; ".join(s for s in (self.source, other.source) if s),
            provenance=provenance,
        )

    # -- loaders (defined in .formats and .fetch) --------------------------------------

    @classmethod
    def builtin(cls) -> Population:
        """SCB's year-end population of the eight parties, 2008–2024, shipped with us.

        >>> Population.builtin().years[0], Population.builtin().years[-1]
        (2008, 2024)
        """
        return _builtin()

    @classmethod
    def load(
        cls,
        path: str | os.PathLike[str],
        *,
        parties: Iterable[Municipality] = MUNICIPALITIES,
        year: int | None = None,
        provisional: bool = False,
    ) -> Population:
        """Read a file in any of the supported shapes, recognised by its content.

        An xlsx workbook (``sodertorn[excel]``), JSON (JSON-stat2 of SCB's API v1 or v2,
        or the API v1 ``json`` format), the library's own CSV (header
        ``code,year,population``) or any table SCB gives as CSV: the statistical
        database's export, wide or long, and the yearly table "Folkmängd i riket, län
        och kommuner 31 december YYYY" (*year* if its title does not say). Regions other
        than *parties* are skipped. The result's :meth:`sources` name the file, and
        *provisional* marks its figures as such. See docs/howto-population.md.
        """
        from sodertorn.population.formats import load  # noqa: PLC0415

        return _made(load(path, parties=parties, year=year, provisional=provisional))

    @classmethod
    def read(
        cls,
        stream: BinaryIO,
        *,
        name: str = "<stdin>",
        parties: Iterable[Municipality] = MUNICIPALITIES,
        year: int | None = None,
        provisional: bool = False,
    ) -> Population:
        """Like :meth:`load`, from a binary stream such as standard input (read to its end)."""
        from sodertorn.population.formats import read  # noqa: PLC0415

        return _made(read(stream, name=name, parties=parties, year=year, provisional=provisional))

    @classmethod
    def parse_csv(
        cls,
        text: str | bytes,
        *,
        source: str = "<csv>",
        parties: Iterable[Municipality] = MUNICIPALITIES,
    ) -> Population:
        """Read the library's own CSV: a header ``code,year,population`` and one row each.

        A ``name`` column may be present and must then match the code. Lines starting
        with ``#`` are comments; ``# key: value`` comments before the header (as
        :meth:`fetch_scb` writes them) are the file's provenance. Errors name the line.

        >>> Population.parse_csv("code,year,population\\n0140,2023,11800\\n").total(2023)
        11800
        >>> Population.parse_csv("code,year,population\\n0140,2023,11800\\n0140,2023,1\\n")
        Traceback (most recent call last):
        ...
        sodertorn.PopulationDataError: <csv>: line 3: duplicate row for 0140 Nykvarn, 2023 (first on line 2)
        """
        from sodertorn.population.formats import parse_csv  # noqa: PLC0415

        return _made(parse_csv(text, source=source, parties=parties))

    @classmethod
    def parse_scb_csv(
        cls,
        text: str | bytes,
        *,
        source: str = "<scb csv>",
        parties: Iterable[Municipality] = MUNICIPALITIES,
        year: int | None = None,
        skip_unknown: bool = True,
    ) -> Population:
        """Read a CSV table from SCB: the statistical database's export or the yearly table.

        Wide (``"region";"2022";"2023"``) or long (``"region","år","Folkmängd"``), with
        or without title and footnote lines, quoted or not, separated by ``;``, ``,`` or
        a tab, in UTF-8 (with or without BOM), UTF-16 or Windows-1252; other variables
        must be totals. Regions other than the parties are skipped (with
        *skip_unknown* false, a four-digit code that is not a party is refused).

        >>> export = '"Folkmängd efter region och år"\\n\\n"region";"2022";"2023"\\n"01 Stockholms län";2454821;2467874\\n"0140 Nykvarn";11655;11800\\n'
        >>> Population.parse_scb_csv(export).at(2023)
        {Municipality(code='0140', name='Nykvarn'): 11800}
        """
        from sodertorn.population.formats import parse_scb_csv  # noqa: PLC0415

        return _made(
            parse_scb_csv(
                text, source=source, parties=parties, year=year, skip_unknown=skip_unknown
            )
        )

    @classmethod
    def parse_xlsx(
        cls,
        data: bytes,
        *,
        source: str = "<xlsx>",
        parties: Iterable[Municipality] = MUNICIPALITIES,
        year: int | None = None,
    ) -> Population:
        """Read an xlsx workbook from SCB (needs ``sodertorn[excel]``): as :meth:`parse_scb_csv`."""
        from sodertorn.population.formats import parse_xlsx  # noqa: PLC0415

        return _made(parse_xlsx(data, source=source, parties=parties, year=year))

    @classmethod
    def parse_jsonstat(
        cls,
        data: str | bytes | Mapping[str, Any],
        *,
        source: str = "<json-stat2>",
        parties: Iterable[Municipality] = MUNICIPALITIES,
        skip_unknown: bool = True,
    ) -> Population:
        """Read the JSON-stat2 dataset SCB's API (v1 or v2) returns.

        The region dimension is the one with role ``geo`` or id ``Region``, the year the
        one with role ``time`` or id ``Tid``; every other dimension must hold a total
        (``tot``, ``TotSa``, the elimination value) and the measure must be the
        population (``BE0101N1``). Regions other than the parties are skipped.
        """
        from sodertorn.population.jsonstat import parse_jsonstat  # noqa: PLC0415

        return _made(
            parse_jsonstat(data, source=source, parties=parties, skip_unknown=skip_unknown)
        )

    @classmethod
    def parse_scb_json(
        cls,
        data: str | bytes | Mapping[str, Any],
        *,
        source: str = "<scb json>",
        parties: Iterable[Municipality] = MUNICIPALITIES,
    ) -> Population:
        """Read SCB's API v1 ``"format": "json"`` response (``columns`` and ``data``)."""
        from sodertorn.population.jsonstat import parse_scb_json  # noqa: PLC0415

        return _made(parse_scb_json(data, source=source, parties=parties))

    @classmethod
    def fetch_scb(
        cls,
        years: Iterable[int],
        *,
        api_url: str | None = None,
        timeout: float = 30.0,
    ) -> Population:
        """The parties' year-end population for *years*, from SCB's PxWebApi 2.0.

        One request to table TAB638 (measure BE0101N1, every other variable eliminated)
        at *api_url* (default ``sodertorn.population.fetch.SCB_API``); the only
        place the library touches the network. See ``sodertorn.population.fetch``.
        """
        from sodertorn.population.fetch import fetch_scb  # noqa: PLC0415

        return _made(fetch_scb(years, api_url=api_url, timeout=timeout))

    def to_csv(self) -> str:
        """The library's own CSV, with the provenance as ``#`` comment lines.

        >>> print(Population.builtin().to_csv().splitlines()[0])
        # source: Statistics Sweden (SCB), population on 31 December 2008-2024; licence CC0 1.0 (Källa: SCB)
        """
        return _to_csv(self)


def _made(loaded: Loaded) -> Population:
    """The register of what a reader found."""
    return Population(loaded.counts, source=loaded.source, provenance=loaded.provenance)


def _to_csv(population: Population) -> str:
    """The library's own CSV of *population*, its provenance in ``#`` lines before the header."""
    buffer = io.StringIO()
    sources = list(dict.fromkeys(population.provenance.values()))
    if len(sources) == 1 and sources[0].kind == "fetch":
        only = sources[0]
        buffer.write("# Population (folkmängd) on 31 December; Källa: SCB (CC0 1.0)\n")
        for key in ("table", "url", "updated", "fetched"):
            if getattr(only, key):
                buffer.write(f"# {key}: {getattr(only, key)}\n")
        if only.provisional:
            buffer.write("# status: provisional\n")
    else:
        for source in sources:
            buffer.write(f"# source: {' '.join(source.describe('en').split())}\n")
        if sources and all(s.provisional for s in sources):
            buffer.write("# status: provisional\n")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["code", "name", "year", "population"])
    # Year by year; within a year in party order, as the counts are (the sort is stable).
    for (party, year), count in sorted(population.counts.items(), key=_year_of):
        writer.writerow([party.code, party.name, year, count])
    return buffer.getvalue()


def _year_of(item: tuple[tuple[Municipality, int], int]) -> int:
    (_, year), _ = item
    return year


@functools.cache
def _builtin() -> Population:
    from sodertorn.population.formats import parse_csv  # noqa: PLC0415

    with open(_DATA, encoding="utf-8") as file:
        loaded = parse_csv(file.read(), source=BUILTIN_SOURCE)
    builtin = PopulationSource.builtin()
    return Population(
        loaded.counts, source=BUILTIN_SOURCE, provenance=dict.fromkeys(loaded.counts, builtin)
    )
