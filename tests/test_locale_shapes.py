"""Swedish and English formatted from their locales' shapes, without importing Babel.

The worked examples are fixed strings, read off how Swedish and English write numbers and
dates. Where the installed Babel has the CLDR version the shapes were taken from
(``sodertorn._shapes.CLDR``), the shapes also format whatever is drawn as Babel's locale
data does; with another CLDR version, the shapes stay as they were taken, and
``tools/locale_shapes.py`` tells whether the new data changes them.
"""

from __future__ import annotations

import datetime
import subprocess
import sys
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sodertorn import SEK, _format, _shapes
from sodertorn.i18n import format_date, format_money, format_number, format_weekday

D = datetime.date

MONTHS = {
    "sv": "januari februari mars april maj juni juli augusti september oktober november december",
    "en": "January February March April May June July August September October November December",
}
WEEKDAYS = {
    "sv": "måndag tisdag onsdag torsdag fredag lördag söndag",
    "en": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_month_and_weekday(lang: str) -> None:
    for month, name in enumerate(MONTHS[lang].split(), start=1):
        expected = f"3 {name} 2025"  # the day first in both languages
        assert format_date(D(2025, month, 3), lang) == expected
    # 2024-03-11 is a Monday.
    for offset, name in enumerate(WEEKDAYS[lang].split()):
        assert format_weekday(D(2024, 3, 11 + offset), lang) == name


def test_dates_of_any_year_and_day() -> None:
    assert format_date(D(1, 1, 1), "sv") == "1 januari 1"
    assert format_date(D(9999, 12, 31), "en") == "31 December 9999"
    assert format_date(datetime.datetime(2024, 3, 15, 23, 59), "sv") == "15 mars 2024"


@pytest.mark.parametrize(
    ("value", "sv", "en"),
    [
        (0, "0", "0"),
        (7, "7", "7"),
        (1000, "1\xa0000", "1,000"),
        (-520824, "-520\xa0824", "-520,824"),
        (Decimal("1234567.891"), "1\xa0234\xa0567,891", "1,234,567.891"),
        (Decimal("0.5000"), "0,5", "0.5"),
        (Decimal("-0.0001"), "-0,0001", "-0.0001"),
        (10**15, "1\xa0000\xa0000\xa0000\xa0000\xa0000", "1,000,000,000,000,000"),
    ],
)
def test_numbers(value: int | Decimal, sv: str, en: str) -> None:
    assert format_number(value, "sv") == sv
    assert format_number(value, "en") == en


@pytest.mark.parametrize(
    ("amount", "sv", "en"),
    [
        ("0", "0\xa0kr", "SEK 0"),
        ("4", "4\xa0kr", "SEK 4"),
        ("2083296", "2\xa0083\xa0296\xa0kr", "SEK 2,083,296"),
        ("-1250", "-1\xa0250\xa0kr", "-SEK 1,250"),
        ("0.05", "0,05\xa0kr", "SEK 0.05"),
        ("-1234.5", "-1\xa0234,50\xa0kr", "-SEK 1,234.50"),
        ("1000000.10", "1\xa0000\xa0000,10\xa0kr", "SEK 1,000,000.10"),
    ],
)
def test_amounts(amount: str, sv: str, en: str) -> None:
    assert format_money(SEK(amount), "sv") == sv
    assert format_money(SEK(amount), "en") == en
    # The two languages' locales named as locales are formatted from the same shapes; a
    # locale keeps CLDR's pattern, which puts the code against the digits in English.
    assert format_money(SEK(amount), locale="sv_SE") == sv
    assert format_money(SEK(amount), locale="en") == en.replace("SEK ", "SEK")


def test_swedish_and_english_import_no_babel() -> None:
    script = (
        "import sys, datetime\n"
        "from sodertorn import SEK\n"
        "from sodertorn.i18n import format_date, format_money, format_number, format_weekday\n"
        "day = datetime.date(2024, 3, 15)\n"
        "for lang in ('sv', 'en'):\n"
        "    format_date(day, lang), format_weekday(day, lang)\n"
        "    format_money(SEK('1.5'), lang), format_number(10**6, lang)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'babel'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_other_locales_are_formatted_through_babel() -> None:
    assert format_money(SEK(-1250), locale="en_IN") == "-SEK1,250"
    assert format_money(SEK(12345678), locale="en_IN") == "SEK1,23,45,678"


def _same_cldr() -> bool:
    import babel.core

    # Babel before 2.13 cannot say its CLDR version: then the data are not comparable.
    get_cldr_version = getattr(babel.core, "get_cldr_version", None)
    return get_cldr_version is not None and str(get_cldr_version()) == _shapes.CLDR


same_cldr = pytest.mark.skipif(
    not _same_cldr(),
    reason="the installed Babel has other CLDR data than the shapes were taken from",
)


@same_cldr
@given(
    st.decimals(
        allow_nan=False, allow_infinity=False, places=None, min_value=-(10**12), max_value=10**12
    )
    | st.integers(min_value=-(10**15), max_value=10**15),
    st.sampled_from(_shapes.LOCALES),
)
def test_numbers_are_formatted_as_the_locale_data_says(value: Decimal | int, locale: str) -> None:
    from babel import Locale

    data = Locale.parse(locale)
    number = Decimal(value)
    babel_number = _format._apply(_format._decimal_pattern(data), value, data, None)
    assert _format.format_number(value, locale) == babel_number
    whole = number == number.to_integral_value()
    babel_amount = _format._apply(_format._currency_pattern(data, whole), number, data, "SEK")
    assert _format.format_amount(number, locale) == babel_amount


@same_cldr
@given(st.dates(), st.sampled_from(_shapes.LOCALES))
def test_dates_are_formatted_as_the_locale_data_says(day: datetime.date, locale: str) -> None:
    from babel.dates import format_date as babel_format_date

    # English dates are written day first, as British English does (tools/locale_shapes.py).
    dates = {"en": "en_GB"}.get(locale, locale)
    assert _format.format_date(day, locale) == babel_format_date(day, "long", locale=dates)
    assert _format.format_weekday(day, locale) == babel_format_date(day, "EEEE", locale=dates)


@same_cldr
@pytest.mark.parametrize("locale", _shapes.LOCALES)
def test_the_shapes_are_the_locale_data_s(locale: str) -> None:
    for kind in ("decimal", "SEK", "SEK.00"):
        shape = _format.babel_shape(locale, kind)
        assert shape is not None
        assert tuple(shape) == _shapes.NUMBERS[(locale, kind)]
