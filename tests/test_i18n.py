"""The Swedish catalogue covers every message, with the same placeholders."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

import sodertorn
from sodertorn import LocaleError, Population
from sodertorn.i18n import catalogue, check_language, format_date, format_number, gettext

SRC = Path(sodertorn.__file__).parent  # the source tree, or the installed wheel


def _messages() -> set[str]:
    """The single messages of the template that ``pybabel extract`` made from the package."""
    with (SRC / "locale" / "sodertorn.pot").open("rb") as handle:
        return {
            str(m.id) for m in read_po(handle, domain="sodertorn") if isinstance(m.id, str) and m.id
        }


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


MESSAGES_IN_TEMPLATE = _messages()
MESSAGES = sorted(MESSAGES_IN_TEMPLATE)


def test_messages_are_found() -> None:
    assert "Total" in MESSAGES
    assert len(MESSAGES) > 10


@pytest.mark.parametrize("message", MESSAGES)
def test_every_message_has_a_swedish_translation(message: str) -> None:
    translated = catalogue("sv").get(message)
    assert translated, f"no Swedish translation of {message!r}"
    assert _fields(translated) == _fields(message)


def test_catalogue_has_no_stale_entries() -> None:
    # The one message that is data, not code: the built-in register's source, translated
    # where it is shown.
    data = {Population.builtin().source}
    stale = set(catalogue("sv")) - MESSAGES_IN_TEMPLATE - data
    assert not stale, f"translations of messages no longer used: {sorted(stale)}"


def test_english_is_the_source_language() -> None:
    assert catalogue("en") == {}
    assert gettext("Total", "en") == "Total"


def test_unknown_language_is_refused() -> None:
    with pytest.raises(LocaleError, match="'de'"):
        check_language("de")
    with pytest.raises(LocaleError, match="'xx'"):
        gettext("Total", "xx")


def test_dates_and_numbers_follow_the_language() -> None:
    import datetime

    assert format_date(datetime.date(2024, 3, 15), "sv") == "15 mars 2024"
    assert format_date(datetime.date(2024, 3, 15), "en") == "March 15, 2024"
    assert format_number(520824, "sv") == "520\xa0824"
    assert format_number(520824, "en") == "520,824"
