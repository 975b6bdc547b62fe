"""A text in its original Swedish, with the library's English rendering where it has one."""

from __future__ import annotations

import attrs

from sodertorn.i18n import check_language
from sodertorn.programme._checks import words

__all__ = ["Text"]


@attrs.frozen
class Text:
    """A text in its original Swedish, with an optional English rendering.

    >>> Text("Infrastruktur", en="Infrastructure").get("en")
    'Infrastructure'
    >>> Text("Klimat").get("en")
    'Klimat'
    >>> Text("  ")
    Traceback (most recent call last):
    ...
    sodertorn.GoalTreeError: invalid Swedish text '  '; expected a non-empty string
    """

    __module__ = "sodertorn.programme"

    sv: str = attrs.field(validator=words("Swedish text"))
    en: str | None = attrs.field(
        default=None, kw_only=True, validator=words("English text", optional=True)
    )

    def get(self, lang: str = "sv") -> str:
        """Return the text in *lang*: English if asked for and given, else the Swedish original.

        *lang* is ``"sv"`` or ``"en"``; any other is a :class:`~sodertorn.LocaleError`.
        """
        if check_language(lang) == "en" and self.en is not None:
            return self.en
        return self.sv

    def __str__(self) -> str:
        return self.sv
