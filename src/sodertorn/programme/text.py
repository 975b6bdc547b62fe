"""A text in its original Swedish, with the library's English rendering where it has one."""

from __future__ import annotations

import attrs

from sodertorn.errors import GoalTreeError
from sodertorn.i18n import check_language

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

    sv: str = attrs.field()
    en: str | None = attrs.field(default=None, kw_only=True)

    @sv.validator
    def _check_sv(self, _: attrs.Attribute[str], value: object) -> None:
        if not (isinstance(value, str) and value.strip()):
            raise GoalTreeError.of(
                "invalid Swedish text {value}; expected a non-empty string", value=repr(value)
            )

    @en.validator
    def _check_en(self, _: attrs.Attribute[str | None], value: object) -> None:
        if value is not None and not (isinstance(value, str) and value.strip()):
            raise GoalTreeError.of(
                "invalid English text {value}; expected a non-empty string or None",
                value=repr(value),
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
