"""A text in its original Swedish, with the library's English rendering where it has one."""

from __future__ import annotations

import attrs

from sodertorn import _checks
from sodertorn.errors import GoalTreeError, message
from sodertorn.i18n import check_language

__all__ = ["Text"]

_SOME_TEXT = _checks.text(GoalTreeError, expected=message("a non-empty string"))
_SWEDISH = _SOME_TEXT.worded(message("invalid Swedish text {value}; expected a non-empty string"))
_ENGLISH = _SOME_TEXT.or_none().worded(
    message("invalid English text {value}; expected a non-empty string or None")
)


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

    sv: str = attrs.field(validator=_SWEDISH)
    en: str | None = attrs.field(default=None, kw_only=True, validator=_ENGLISH)

    def get(self, lang: str = "sv") -> str:
        """Return the text in *lang*: English if asked for and given, else the Swedish original.

        *lang* is ``"sv"`` or ``"en"``; any other is a :class:`~sodertorn.LocaleError`.
        """
        if check_language(lang) == "en" and self.en is not None:
            return self.en
        return self.sv

    def __str__(self) -> str:
        return self.sv
