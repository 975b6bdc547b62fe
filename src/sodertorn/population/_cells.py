"""What one cell of a population table means: a region, a year, a count, a total.

Shared by every reader, so that a figure means one thing whatever the file: the total
population of one municipality on 31 December of one year.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Literal

import attrs

from sodertorn.errors import Listing, Phrase, PopulationDataError, Worded, message

if TYPE_CHECKING:
    from sodertorn.parties import Municipality
    from sodertorn.population.provenance import PopulationSource

__all__ = [
    "MAX_COUNT",
    "Loaded",
    "Region",
    "count_from_number",
    "fold",
    "is_other_measure",
    "is_population_measure",
    "is_total",
    "known_parties",
    "missing_parties",
    "parse_count",
    "parse_region",
    "parse_year",
    "party_of",
    "shown",
    "some_of",
]

MAX_COUNT = 10**8
"""No municipality has a hundred million inhabitants: a larger count is a mistake."""

_CODE = re.compile(r"^([0-9][0-9A-Za-z_]*)(?:\s*[-–:]\s*|\s+|$)(.*)$", re.DOTALL)
_COUNT = re.compile(r"^\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+$|^\d+$")
_PERIOD = re.compile(r"^(\d{4})\s*([MKQH]\s*\d{1,2}|-\d{2}(?:-\d{2})?)$", re.IGNORECASE)
_TOTALS = ("tot", "totalt", "total", "totsa", "samtliga", "alla", "all", "both sexes")


@attrs.frozen
class Loaded:
    """What a reader found: the counts, the source text and each count's provenance.

    The readers return this plain value; :class:`~sodertorn.Population` is made from it by
    the register, so the readers do not depend on the register.
    """

    counts: dict[tuple[Municipality, int], int]
    source: str
    provenance: dict[tuple[Municipality, int], PopulationSource] | None = None

    @classmethod
    def made(
        cls, counts: dict[tuple[Municipality, int], int], source: str, origin: PopulationSource
    ) -> Loaded:
        """Every count from *origin*."""
        return cls(counts, source, dict.fromkeys(counts, origin))


def known_parties(parties: object, source: str | None) -> tuple[Municipality, ...]:
    """*parties* as a tuple of one or more :class:`~sodertorn.Municipality`."""
    from sodertorn.parties import Municipality as _Municipality  # noqa: PLC0415

    given: tuple[object, ...] = ()
    if isinstance(parties, Iterable) and not isinstance(parties, (str, bytes)):
        try:
            given = tuple(parties)
        except TypeError:
            given = ()
    known = tuple(p for p in given if isinstance(p, _Municipality))
    if not known or len(known) != len(given):
        raise PopulationDataError.of(
            "parties {parties} must be one or more Municipality",
            source=source,
            parties=repr(parties),
        )
    return known


def fold(text: str) -> str:
    """Case-folded, without diacritics and with single spaces: for comparing names.

    NFKD makes a no-break space a space, and ``split()`` takes any run of white space.
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.split())


def _cut(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def shown(value: object, limit: int = 60) -> str:
    """*value* as a message quotes it, cut after *limit* characters with ``…``.

    A text is cut inside its quotes (``'12345…'``); anything else is cut as written.
    """
    return repr(_cut(value, limit)) if isinstance(value, str) else _cut(repr(value), limit)


@attrs.frozen
class Region:
    """A region cell split into its code (possibly empty) and its name (possibly empty)."""

    code: str
    name: str

    def __str__(self) -> str:
        return " ".join(part for part in (self.code, self.name) if part)


def parse_region(cell: str) -> Region:
    """Split ``"0126 Huddinge"``, ``"0126"``, ``"Huddinge"`` or ``"01 Stockholms län"``."""
    text = cell.strip().strip('"').strip()
    match = _CODE.match(text)
    if match is None:
        return Region("", text)
    return Region(match.group(1), match.group(2).strip())


def _name_key(name: str) -> str:
    key = fold(name)
    for suffix in (" kommun", " municipality"):
        key = key.removesuffix(suffix)
    return key


def names_match(given: str, party: Municipality) -> bool:
    """Whether *given* names *party*: case, diacritics, "kommun" and a genitive s forgiven."""
    key, own = _name_key(given), _name_key(party.name)
    return key in (own, own + "s")


def party_of(
    region: Region,
    known: tuple[Municipality, ...],
    *,
    where: str,
    line: int | None,
    source: str,
) -> Municipality | None:
    """The party a region cell names, or ``None`` for another region (to be skipped).

    Only a four-digit code is a municipality: a county (``01``), Riket (``00``) or a
    longer code (DeSO ``0126C1010``, RegSO ...) is another region, never cut to four
    characters. A name must match its code; a name alone may name a party.
    """
    by_code = {party.code: party for party in known}
    if region.code:
        party = by_code.get(region.code)  # a party's code has four digits: no other matches
        if party is None:
            named = _named(region.name, known)
            if named is not None and re.fullmatch(r"\d{4}", region.code):
                raise PopulationDataError.of(
                    "{where} {region}: code {code} is not {party} ({party_code}); correct the "
                    "code or the name",
                    line=line,
                    source=source,
                    where=where,
                    region=str(region),
                    code=region.code,
                    party=named.name,
                    party_code=named.code,
                )
            return None
        if region.name and not names_match(region.name, party):
            raise PopulationDataError.of(
                "{where} {region}: the name {name} does not match code {code}, which is "
                "{party}; correct the code or the name",
                line=line,
                source=source,
                where=where,
                region=str(region),
                name=repr(region.name),
                code=party.code,
                party=party.name,
            )
        return party
    return _named(region.name, known)


def _named(name: str, known: tuple[Municipality, ...]) -> Municipality | None:
    if not name:
        return None
    return next((party for party in known if names_match(name, party)), None)


def parse_year(text: str, *, where: str, line: int | None, source: str) -> int:
    """A four-digit year; a month or quarter (``2025M12``, ``2025K4``) is refused."""
    if len(text) == 4 and text.isdecimal():  # as written: what \d{4} below would match
        return int(text)
    cleaned = text.strip().strip('"').strip()
    if re.fullmatch(r"\d{4}", cleaned):
        return int(cleaned)
    if _PERIOD.fullmatch(cleaned):
        raise PopulationDataError.of(
            "{where} {value} is a month or quarter, not a year; the fee weighs the population "
            "on 31 December: choose the yearly table (Folkmängd efter region ... och år, "
            "TAB638)",
            line=line,
            source=source,
            where=where,
            value=shown(cleaned),
        )
    raise PopulationDataError.of(
        "{where} {value} is not a four-digit year",
        line=line,
        source=source,
        where=where,
        value=shown(cleaned),
    )


def parse_count(text: str, *, where: str, line: int | None, source: str) -> int:
    """A whole count, with space or no-break-space thousands separators where unambiguous."""
    if text.isdecimal() and len(text) <= 20:  # as written: what the checks below would pass
        return _bounded(int(text), text, where=where, line=line, source=source)
    cleaned = text.strip().strip('"').strip()
    if cleaned in ("..", "-", "–", ".", ""):
        raise PopulationDataError.of(
            "count for {where} is missing ({value}); SCB publishes no figure there",
            line=line,
            source=source,
            where=where,
            value=repr(cleaned),
        )
    if len(cleaned) > 20 or not _COUNT.fullmatch(cleaned):
        if cleaned.startswith("-") and _COUNT.fullmatch(cleaned[1:].strip()):
            raise PopulationDataError.of(
                "count {value} for {where} is negative; expected 0 or more",
                line=line,
                source=source,
                where=where,
                value=shown(cleaned),
            )
        template = (
            message(
                "count {value} for {where} is not a whole number of inhabitants (a comma or "
                "point may be a decimal sign or a thousands separator: export without "
                "separators)"
            )
            if re.search(r"\d[,.]\d", cleaned)
            else message("count {value} for {where} is not a whole number of inhabitants")
        )
        raise PopulationDataError.of(
            template, line=line, source=source, where=where, value=shown(cleaned)
        )
    value = int(re.sub(r"\D", "", cleaned))
    return _bounded(value, cleaned, where=where, line=line, source=source)


def _bounded(value: int, written: str, *, where: str, line: int | None, source: str) -> int:
    if value > MAX_COUNT:
        raise PopulationDataError.of(
            "count {value} for {where} is more than {most}; no municipality has that many "
            "inhabitants",
            line=line,
            source=source,
            where=where,
            value=shown(written),
            most=Worded({"en": f"{MAX_COUNT:,}", "sv": f"{MAX_COUNT:,}".replace(",", " ")}),
        )
    return value


def _not_whole(shown: str, where: str, source: str) -> PopulationDataError:
    return PopulationDataError.of(
        "count {value} for {where} is not a whole number of inhabitants",
        source=source,
        where=where,
        value=shown,
    )


def count_from_number(value: object, *, where: str, source: str) -> int:
    """A count from a JSON number (or a numeric string, as API v1 gives)."""
    if isinstance(value, str):
        return parse_count(value, where=where, line=None, source=source)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _not_whole("null (no figure)" if value is None else shown(value), where, source)
    if isinstance(value, float):
        if not value.is_integer():
            raise _not_whole(repr(value), where, source)
        value = int(value)
    if value < 0:
        raise PopulationDataError.of(
            "count {value} for {where} is negative; expected 0 or more",
            source=source,
            where=where,
            value=repr(value),
        )
    return _bounded(value, str(value), where=where, line=None, source=source)


def is_total(code: str, *labels: str) -> bool:
    """Whether a category is the total of its variable (``tot``, ``TotSa``, "totalt" ...)."""
    for text in (code, *labels):
        key = fold(text)
        if key in _TOTALS or key.startswith(("totalt", "total ", "tot ", "samtliga", "alla ")):
            return True
    return False


def is_population_measure(code: str, *labels: str) -> bool:
    """Whether a measure (contents) is the population (BE0101N1, "Folkmängd")."""
    if code.strip().upper() == "BE0101N1":
        return True
    for text in (code, *labels):
        key = fold(text)
        if re.match(r"^(folkmangd(en)?|population|invanare|invanarantal)\b", key) and not (
            is_other_measure(text)
        ):
            return True
    return False


def is_other_measure(text: str) -> bool:
    """Whether a heading names a measure other than the population (folkökning, födda ...)."""
    key = fold(text)
    return bool(
        re.search(
            r"okning|forandring|tillvaxt|fodda|doda|flytt|change|increase|growth|births|deaths|migration|"
            r"overskott|justering|medelfolkmangd|average|per km|tathet|density",
            key,
        )
    )


def some_of(items: Sequence[str], limit: int = 6) -> str:
    """*items* as a message lists them: all, or the first *limit* and how many more.

    ``A, B and C``, or ``A, B, C and 4 more``; joined in the user's language.
    """
    if len(items) > limit:
        rest = Phrase(message("{count} more"), count=str(len(items) - limit))
        return Listing([*items[:limit], rest])
    return Listing(items)


def missing_parties(
    known: Iterable[Municipality],
    others: list[str],
    *,
    source: str,
    what: Literal["file", "dataset", "response"],
) -> PopulationDataError:
    """The refusal of a file without the parties: who is missing, what it has, what to do.

    *what* is ``"file"``, ``"dataset"`` or ``"response"``.
    """
    wanted = Listing(party.name for party in known)
    seen = list(dict.fromkeys(others))
    advice = Phrase(
        message(
            "select the parties' municipalities (0126 Huddinge ... 0192 Nynäshamn) when "
            "exporting, or run 'sodertorn population fetch YEAR --output FILE'"
        )
    )
    if not seen:
        template = {
            "file": message(
                "the file has no rows for {wanted}; it has no regions at all; {advice}"
            ),
            "dataset": message(
                "the dataset has no rows for {wanted}; it has no regions at all; {advice}"
            ),
            "response": message(
                "the response has no rows for {wanted}; it has no regions at all; {advice}"
            ),
        }[what]
        return PopulationDataError.of(template, source=source, wanted=wanted, advice=advice)
    if len(seen) > 5:
        template = {
            "file": message(
                "the file has no rows for {wanted}; it has {found} and {more} more; {advice}"
            ),
            "dataset": message(
                "the dataset has no rows for {wanted}; it has {found} and {more} more; {advice}"
            ),
            "response": message(
                "the response has no rows for {wanted}; it has {found} and {more} more; {advice}"
            ),
        }[what]
        return PopulationDataError.of(
            template,
            source=source,
            wanted=wanted,
            found=", ".join(seen[:5]),
            more=str(len(seen) - 5),
            advice=advice,
        )
    template = {
        "file": message("the file has no rows for {wanted}; it has {found}; {advice}"),
        "dataset": message("the dataset has no rows for {wanted}; it has {found}; {advice}"),
        "response": message("the response has no rows for {wanted}; it has {found}; {advice}"),
    }[what]
    return PopulationDataError.of(
        template, source=source, wanted=wanted, found=Listing(seen), advice=advice
    )
