"""The conferences the collaboration holds, and which parties host them each year.

Lookups fold case and diacritics, so ``"radslaget"`` finds Södertörns Rådslag.

Source: Verksamhetsplan 2019, § 7 (host rotations, the conferences of 2019); SUP 2035,
"Konferenser" (Tyresö KS § 60, 2019); Verksamhetsplan och budget 2024, bilaga 1, note 2.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

import attrs

from sodertorn.errors import MissingDataError, PlanError
from sodertorn.parties import Municipality
from sodertorn.programme._checks import check_year, count, each, is_a, plan_tuple, words
from sodertorn.programme._ids import check_id

if TYPE_CHECKING:
    from sodertorn._checks import Check

__all__ = ["Conference", "Edition", "Hosting", "check_conference_name"]


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    return "".join(c for c in decomposed if c.isalnum())


_NAME: Check[str] = words("conference name", expected="a name such as 'Rådslaget'", error=PlanError)


def check_conference_name(value: object) -> str:
    """Return *value* if it can name a conference, else raise :class:`~sodertorn.PlanError`."""
    return _NAME.check(value, "conference name")


@attrs.frozen(kw_only=True)
class Hosting:
    """The parties that host a conference in one year.

    >>> from sodertorn import municipality
    >>> Hosting(year=2025, parties=[municipality("Nykvarn")]).parties[0].name
    'Nykvarn'
    >>> Hosting(year=2025, parties=[])
    Traceback (most recent call last):
    ...
    sodertorn.PlanError: hosting in 2025 names no party; expected at least one host
    """

    __module__ = "sodertorn.programme"

    year: int = attrs.field(validator=is_a(int, "hosting year"))
    parties: tuple[Municipality, ...] = attrs.field(
        converter=plan_tuple, validator=each(Municipality, "host")
    )

    def __attrs_post_init__(self) -> None:
        if not self.parties:
            raise PlanError(f"hosting in {self.year} names no party; expected at least one host")


@attrs.frozen(kw_only=True)
class Edition:
    """One year's edition of a conference as a source announces it, in its own words.

    *when* is the time as the source gives it (``"hösten 2019"``, ``"våren 2025"``), for
    an edition whose day is not given (a dated edition is also in the plan's calendar);
    *note* says what kind of edition it is, when the source says.

    >>> Edition(year=2025, when="våren 2025", note="extern konferens").when
    'våren 2025'
    >>> Edition(year="2025")
    Traceback (most recent call last):
    ...
    sodertorn.PlanError: invalid edition year '2025'; expected an int
    """

    __module__ = "sodertorn.programme"

    year: int = attrs.field(validator=is_a(int, "edition year"))
    when: str | None = attrs.field(default=None, validator=is_a(str, "edition time", optional=True))
    note: str | None = attrs.field(default=None, validator=is_a(str, "edition note", optional=True))


@attrs.frozen(kw_only=True)
class Conference:
    """A recurring conference: who arranges it, how often, its hosts and its editions.

    *aliases* are other names people use for it (``"Rådslaget"``); lookups fold case
    and diacritics. *arranged_by* names who arranges it when that is not the hosts (a
    network); *every* is the number of years between editions (1 yearly, 2 every other
    year); *note* is the source's own rule in its words; *rotation* the host parties by
    year and *editions* the editions the source announces without a day.

    >>> from sodertorn import municipality
    >>> nykvarn = Hosting(year=2025, parties=[municipality("Nykvarn")])
    >>> radslaget = Conference(id="radslaget", name="Södertörns Rådslag",
    ...                        aliases=("Rådslaget",), rotation=[nykvarn])
    >>> radslaget.matches("radslaget"), radslaget.hosts(2025)[0].name
    (True, 'Nykvarn')
    >>> radslaget.hosts(2030)
    Traceback (most recent call last):
    ...
    sodertorn.MissingDataError: no host of 'Södertörns Rådslag' recorded for 2030; the rotation ...
    """

    __module__ = "sodertorn.programme"

    id: str = attrs.field()
    name: str = attrs.field(validator=is_a(str, "conference name"))
    aliases: tuple[str, ...] = attrs.field(
        default=(), converter=plan_tuple, validator=each(str, "conference alias")
    )
    rotation: tuple[Hosting, ...] = attrs.field(
        default=(), converter=plan_tuple, validator=each(Hosting, "hosting")
    )
    arranged_by: str | None = attrs.field(
        default=None, validator=is_a(str, "conference arranger", optional=True)
    )
    every: int | None = attrs.field(default=None, validator=count("interval", low=1, optional=True))
    note: str | None = attrs.field(
        default=None, validator=is_a(str, "conference note", optional=True)
    )
    editions: tuple[Edition, ...] = attrs.field(
        default=(), converter=plan_tuple, validator=each(Edition, "edition")
    )

    @id.validator
    def _check_id(self, _: attrs.Attribute[str], value: object) -> None:
        check_id(value, "conference id", error=PlanError)

    def __attrs_post_init__(self) -> None:
        years = [hosting.year for hosting in self.rotation]
        if len(set(years)) != len(years):
            raise PlanError(f"conference {self.id!r} lists a year twice in its rotation {years!r}")
        years = [edition.year for edition in self.editions]
        if len(set(years)) != len(years):
            raise PlanError(f"conference {self.id!r} lists a year twice in its editions {years!r}")

    def matches(self, name: str) -> bool:
        """Whether *name* is this conference's id, name or an alias (folded)."""
        key = _fold(check_conference_name(name))
        return key in {_fold(candidate) for candidate in (self.id, self.name, *self.aliases)}

    def hosts(self, year: int) -> tuple[Municipality, ...]:
        """Return the parties hosting in *year*; :class:`~sodertorn.MissingDataError` if none."""
        check_year(year)
        for hosting in self.rotation:
            if hosting.year == year:
                return hosting.parties
        covered = ", ".join(str(hosting.year) for hosting in self.rotation) or "no year"
        raise MissingDataError(
            f"no host of {self.name!r} recorded for {year!r}; the rotation covers {covered}"
        )
