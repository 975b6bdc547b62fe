"""Where a year's population figures came from, said in Swedish and English.

A :class:`PopulationSource` travels with every count of a
:class:`~sodertorn.Population` and into every result made from it: the fee table's
footer, its explanations, CSV, JSON and HTML.

>>> from sodertorn.population import PopulationSource
>>> source = PopulationSource.file("befolkning-2025.csv", provisional=True)
>>> source.describe("en")
'file befolkning-2025.csv (provisional figures)'
>>> source.describe("sv")
'filen befolkning-2025.csv (preliminära uppgifter)'
"""

from __future__ import annotations

from typing import Any, Literal

import attrs

__all__ = ["BUILTIN_SOURCE", "PopulationSource"]

BUILTIN_SOURCE = (
    "Statistics Sweden (SCB), population on 31 December 2008-2024; licence CC0 1.0 (Källa: SCB)"
)
"""Provenance of :meth:`Population.builtin`."""


def _text(lang: str, english: str) -> str:
    from sodertorn.i18n import gettext  # noqa: PLC0415 - Babel only when a text is asked for

    return gettext(english, lang)


@attrs.frozen(kw_only=True)
class PopulationSource:
    """The provenance of population figures: a file, SCB's API, the built-in data, a caller.

    *kind* is ``"builtin"`` (the SCB publication shipped with the library), ``"file"``
    (a file the user brought; *path*), ``"fetch"`` (SCB's API: *url*, *table*, SCB's
    *updated* time and when it was *fetched*; with *path* when read back from the file
    the fetch wrote) or ``"given"`` (figures made in Python, described by *note*).
    *provisional* marks figures that are not SCB's final ones; *replaces* is the source
    of figures these replaced (a file's year that the built-in data also has).
    """

    __module__ = "sodertorn.population"

    kind: Literal["builtin", "file", "fetch", "given"]
    path: str = ""
    url: str = ""
    table: str = ""
    updated: str = ""
    fetched: str = ""
    note: str = ""
    provisional: bool = False
    replaces: PopulationSource | None = None

    @classmethod
    def builtin(cls) -> PopulationSource:
        """The built-in SCB publication (``BUILTIN_SOURCE``)."""
        return cls(kind="builtin", note=BUILTIN_SOURCE)

    @classmethod
    def file(cls, path: str, *, provisional: bool = False) -> PopulationSource:
        """A file the user brought."""
        return cls(kind="file", path=path, provisional=provisional)

    @classmethod
    def given(cls, note: str = "") -> PopulationSource:
        """Figures made in Python, described by *note* (the register's ``source``)."""
        return cls(kind="given", note=note)

    def describe(self, lang: str = "sv") -> str:
        """One phrase for a footer or an explanation, in *lang* (``"sv"`` or ``"en"``)."""
        from sodertorn.i18n import check_language  # noqa: PLC0415

        check_language(lang)
        if self.kind == "builtin":
            text = _text(lang, self.note or BUILTIN_SOURCE)
        elif self.kind == "fetch":
            text = _text(lang, "Statistics Sweden's (SCB) API, table {table}").format(
                table=self.table or "?"
            )
            if self.updated:
                text += _text(lang, ", updated {updated}").format(updated=self.updated)
            if self.fetched:
                text += _text(lang, ", fetched {fetched}").format(fetched=self.fetched)
            if self.url:
                text += f" ({self.url})"
            if self.path:
                text = _text(lang, "file {path}: {source}").format(path=self.path, source=text)
        elif self.kind == "file":
            text = _text(lang, "file {path}").format(path=self.path)
        else:
            text = self.note
        if self.provisional:
            text += " (" + _text(lang, "provisional figures") + ")"
        if self.replaces is not None:
            text += _text(lang, ", replacing {source}").format(source=self.replaces.describe(lang))
        return text

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: the kind, the fields that are set, and the description in English."""
        data: dict[str, Any] = {"kind": self.kind}
        for name in ("path", "url", "table", "updated", "fetched", "note"):
            value = getattr(self, name)
            if value:
                data[name] = value
        if self.provisional:
            data["provisional"] = True
        if self.replaces is not None:
            data["replaces"] = self.replaces.to_dict()
        data["description"] = self.describe("en")
        return data
