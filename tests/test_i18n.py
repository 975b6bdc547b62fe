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
    assert format_date(datetime.date(2024, 3, 15), "en") == "15 March 2024"
    assert format_number(520824, "sv") == "520\xa0824"
    assert format_number(520824, "en") == "520,824"


def test_an_error_with_a_place_says_both_in_either_language() -> None:
    from sodertorn import FollowUpError, PopulationDataError
    from sodertorn.errors import Listing, Phrase
    from sodertorn.i18n import error_text

    error = PopulationDataError.of(
        "{where} {value} is not a four-digit year",
        source="p.csv",
        line=3,
        where=Phrase("year"),
        value="'20x4'",
    )
    assert str(error) == "p.csv: line 3: year '20x4' is not a four-digit year"
    assert (error.line, error.source) == (3, "p.csv")
    assert error_text(error, "en") == str(error)
    assert error_text(error, "sv") == "p.csv: rad 3: året '20x4' är inget fyrsiffrigt år"
    moved = FollowUpError.of("unknown keys {keys}", keys="['a', 'b']").at(line=2, source="s.csv")
    assert str(moved) == "s.csv: line 2: unknown keys ['a', 'b']"
    assert error_text(moved, "sv") == "s.csv: rad 2: okända nycklar ['a', 'b']"
    plain = FollowUpError("no template").at(line=4)
    assert (str(plain), plain.template) == ("line 4: no template", None)
    listed = FollowUpError.of(
        "unknown network {network}; expected one of {networks}",
        network="'x'",
        networks=Listing(["'a'", "'b'", "'c'"], alternatives=True),
    )
    assert str(listed) == "unknown network 'x'; expected one of 'a', 'b' or 'c'"
    assert error_text(listed, "sv") == "okänt nätverk 'x'; ange 'a', 'b' eller 'c'"


def test_a_value_worded_in_each_language() -> None:
    from sodertorn import Population, PopulationDataError
    from sodertorn.i18n import error_text
    from sodertorn.parties import municipality

    huddinge = municipality("Huddinge")
    first = Population({(huddinge, 2025): 5}, source="a.csv")
    second = Population({(huddinge, 2025): 6}, source="b.csv")
    with pytest.raises(PopulationDataError) as caught:
        first.merge(second, on_conflict="error")
    assert str(caught.value) == (
        "two figures for Huddinge on 31 Dec 2025: 5 from a.csv and 6 from b.csv; say which "
        "wins or correct one"
    )
    assert error_text(caught.value, "sv").startswith(
        "två uppgifter för Huddinge den 31 december 2025: 5 från a.csv och 6 från b.csv;"
    )


def test_invalid_json_is_placed_by_line_and_column_in_either_language() -> None:
    from sodertorn import Population, PopulationDataError
    from sodertorn.i18n import error_text

    with pytest.raises(PopulationDataError) as caught:
        Population.parse_jsonstat('{"a": ', source="p.json")
    assert str(caught.value) == "p.json: not valid JSON: line 1, column 7"
    assert error_text(caught.value, "sv") == "p.json: ogiltig JSON: rad 1, kolumn 7"


def test_lists_join_with_and_or_or() -> None:
    from sodertorn.errors import Listing
    from sodertorn.i18n import join_list

    assert join_list(["A", "B", "C"], "sv", alternatives=True) == "A, B eller C"
    assert join_list(["A", "B"], "en", alternatives=True) == "A or B"
    assert (str(Listing(["A"])), str(Listing([])), str(Listing(["A", "B"]))) == ("A", "", "A and B")


@pytest.mark.parametrize(
    ("code", "english", "swedish"),
    [
        ("ENOENT", "no such file or directory", "filen eller mappen finns inte"),
        ("EACCES", "permission denied", "behörighet saknas"),
        ("EISDIR", "it is a directory", "det är en mapp"),
        ("ENOSPC", "no space left on the device", "det finns inget utrymme kvar på enheten"),
    ],
)
def test_the_systems_common_reasons_are_said_in_the_language(
    code: str, english: str, swedish: str
) -> None:
    import errno

    from sodertorn.errors import PopulationDataError, os_reason
    from sodertorn.i18n import error_text

    error = OSError(getattr(errno, code), "the system's own words", "p.csv")
    refused = PopulationDataError.of(
        "cannot read population file {file}: {reason}", file="'p.csv'", reason=os_reason(error)
    )
    assert error_text(refused, "en") == str(refused)
    assert str(refused) == f"cannot read population file 'p.csv': {english}"
    assert error_text(refused, "sv") == f"kan inte läsa folkmängdsfilen 'p.csv': {swedish}"


def test_a_rare_reason_is_the_systems_own() -> None:
    from sodertorn.errors import os_reason

    assert os_reason(OSError(9999, "Odd failure")) == "Odd failure"
    assert os_reason(OSError("no errno")) == "OSError"
