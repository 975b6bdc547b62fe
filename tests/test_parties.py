from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sodertorn import MUNICIPALITIES, Municipality, UnknownMunicipalityError, municipality
from sodertorn.testing import parties


def test_the_eight_parties_in_code_order() -> None:
    assert [m.code for m in MUNICIPALITIES] == [
        "0126", "0127", "0128", "0136", "0138", "0140", "0181", "0192",
    ]  # fmt: skip
    assert [m.name for m in MUNICIPALITIES] == [
        "Huddinge", "Botkyrka", "Salem", "Haninge", "Tyresö", "Nykvarn", "Södertälje",
        "Nynäshamn",
    ]  # fmt: skip
    assert list(MUNICIPALITIES) == sorted(MUNICIPALITIES)


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("nynashamn", "0192"),
        ("NYNÄSHAMN", "0192"),
        ("Sodertalje", "0181"),
        ("tyreso", "0138"),
        ("  Huddinge ", "0126"),
        ("0140", "0140"),
    ],
)
def test_lookup_forgives_case_and_diacritics(query: str, code: str) -> None:
    assert municipality(query).code == code


@given(parties())
def test_lookup_round_trips(party: Municipality) -> None:
    assert municipality(party.code) is party
    assert municipality(party.name) is party
    assert municipality(party.name.upper()) is party
    assert municipality(party) is party
    assert str(party) == party.name


@pytest.mark.parametrize("bad", ["Stockholm", "0180", "", "Nykvarnn"])
def test_unknown_names_list_the_valid_ones(bad: str) -> None:
    with pytest.raises(UnknownMunicipalityError) as info:
        municipality(bad)
    message = str(info.value)
    assert repr(bad) in message
    assert "0126 Huddinge" in message and "0192 Nynäshamn" in message
    assert isinstance(info.value, LookupError)


def test_non_string_and_foreign_municipalities() -> None:
    with pytest.raises(UnknownMunicipalityError, match="126"):
        municipality(126)  # type: ignore[arg-type]
    gotland = Municipality(code="0980", name="Gotland")
    with pytest.raises(UnknownMunicipalityError, match="Gotland"):
        municipality(gotland)
    assert municipality("gotland", among=[gotland]) is gotland


@given(st.text())
def test_municipality_constructor_validates(code: str) -> None:
    if len(code) == 4 and code.isascii() and code.isdigit():
        assert Municipality(code=code, name="X").code == code
    else:
        with pytest.raises(UnknownMunicipalityError, match="code"):
            Municipality(code=code, name="X")


def test_empty_name_is_refused() -> None:
    with pytest.raises(UnknownMunicipalityError, match="name"):
        Municipality(code="0126", name=" ")


def test_among_must_be_iterable() -> None:
    with pytest.raises(UnknownMunicipalityError, match="cannot search None"):
        municipality("Salem", among=None)  # type: ignore[arg-type]
    with pytest.raises(UnknownMunicipalityError, match="cannot search '0126'"):
        municipality("0126", among="0126")  # type: ignore[arg-type]
