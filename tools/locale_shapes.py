"""Write ``src/sodertorn/_shapes.py``: how ``sv_SE`` and ``en`` write numbers, kronor and dates.

Run it when Babel's locale data (CLDR) changes: ``python tools/locale_shapes.py``; with
``--check`` it writes nothing and exits 1 if the module is not what it would write. The
library formats its two languages from that module without importing Babel
(:mod:`sodertorn._format`); every other locale it formats through Babel. The shapes are
what the library's Babel path looks up for each number (symbols, grouping, affixes of the
decimal pattern and of the SEK currency pattern, with and without öre), and the long date
pattern, month names and day names. The script checks, before it writes, that the shapes
format a spread of numbers and every day of a leap year as Babel does.
"""

from __future__ import annotations

import datetime
import re
import sys
from decimal import Decimal
from pathlib import Path

import babel
from babel import Locale
from babel.core import get_cldr_version
from babel.dates import format_date, get_day_names, get_month_names

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from sodertorn import _format  # noqa: E402

TARGET = ROOT / "src" / "sodertorn" / "_shapes.py"
LOCALES = ("sv_SE", "en")
DATE_LOCALES = {"sv_SE": "sv_SE", "en": "en_GB"}
"""Whose long dates each language takes: English writes the day first ("31 December 2024"),
as the library's English texts do ("population on 31 December {year}"), so that one output
has one date style."""
KINDS = ("decimal", "SEK", "SEK.00")
FIELDS = {"d", "MMMM", "y"}
"""The fields of a long date pattern the library formats itself: day, month name, year."""

HEADER = '''"""How ``sv_SE`` and ``en`` write numbers, amounts in kronor and dates (CLDR {cldr}).

Written by ``tools/locale_shapes.py`` from Babel {babel}'s locale data; do not edit. Read by
:mod:`sodertorn._format`, which formats the library's two languages from these shapes
without importing Babel. ``NUMBERS`` holds, for a locale and a kind (``decimal``; ``SEK``
for whole kronor; ``SEK.00`` with öre), the fields of :class:`sodertorn._format.Shape`:
prefixes and suffixes (non-negative, negative), group symbol, decimal symbol, grouping,
fewest integer digits, fewest and most fraction digits. ``DATES`` holds, for a locale, the
long date pattern as a ``%`` template of its fields (``d``, ``MMMM``, ``y``), the month
names (January first) and the day names (Monday first).
"""

'''


Dates = dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]]


def shapes() -> tuple[dict[tuple[str, str], tuple[object, ...]], Dates]:
    """The numbers' shapes and the dates' patterns and names, from Babel's locale data."""
    numbers: dict[tuple[str, str], tuple[object, ...]] = {}
    dates: Dates = {}
    for locale in LOCALES:
        for kind in KINDS:
            shape = _format.babel_shape(locale, kind)
            if shape is None:
                raise SystemExit(f"{locale} {kind}: not a plain pattern; the library needs Babel")
            numbers[(locale, kind)] = tuple(shape)
        data = Locale.parse(DATE_LOCALES[locale])
        pattern = data.date_formats["long"]
        fields = set(re.findall(r"%\((\w+)\)s", pattern.format))
        if not fields <= FIELDS:
            raise SystemExit(f"{locale}: the long date {pattern.pattern!r} has other fields")
        months = get_month_names("wide", "format", data)
        days = get_day_names("wide", "format", data)
        dates[locale] = (
            pattern.format,
            tuple(str(months[m]) for m in range(1, 13)),
            tuple(str(days[d]) for d in range(7)),
        )
    return numbers, dates


def _literal(value: object) -> str:
    """*value* (text, a whole number or a tuple of them) as Python, in the project's style."""
    if isinstance(value, tuple):
        items = [_literal(item) for item in value]
        return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"
    if isinstance(value, str):
        text = repr(value)
        return '"' + text[1:-1] + '"' if text.startswith("'") and '"' not in value else text
    if isinstance(value, int):
        return str(value)
    raise TypeError(f"cannot write {value!r}")


def source() -> str:
    """The text of the module."""
    numbers, dates = shapes()
    lines = [
        HEADER.format(cldr=get_cldr_version(), babel=babel.__version__).rstrip("\n"),
        "",
        "from __future__ import annotations",
        "",
        f"CLDR = {_literal(get_cldr_version())}",
        '"""The CLDR version of the locale data the shapes were taken from."""',
        "",
        f"LOCALES = {_literal(LOCALES)}",
        '"""The locales described here."""',
        "",
        "NUMBERS: dict[tuple[str, str], tuple[object, ...]] = {",
        *(f"    {_literal(key)}: {_literal(value)}," for key, value in numbers.items()),
        "}",
        "",
        "DATES: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {",
    ]
    for locale, (pattern, months, days) in dates.items():
        lines += [f"    {_literal(locale)}: (", f"        {_literal(pattern)},", "        ("]
        lines += [f"            {_literal(month)}," for month in months]
        lines += ["        ),", "        ("]
        lines += [f"            {_literal(day)}," for day in days]
        lines += ["        ),", "    ),"]
    lines += ["}", ""]
    return "\n".join(lines)


def check_against_babel(text: str) -> None:
    """The module *text*'s shapes format as Babel does: numbers and a leap year's days."""
    from babel.dates import format_date as babel_date  # noqa: PLC0415

    module = type(sys)("_shapes")
    exec(compile(text, str(TARGET), "exec"), module.__dict__)
    vars(_format)["_shapes"] = module  # the shapes just written, not the installed ones
    _format._SHAPES.clear()
    values = [Decimal(v) for v in ("0", "1", "-1", "0.5", "-0.05", "1234.5", "-1000000")]
    values += [Decimal(10) ** k + Decimal(k) / 7 for k in range(-6, 16)]
    for locale in LOCALES:
        data = Locale.parse(locale)
        for value in values:
            ours = _format.format_amount(value, locale)
            whole = value == value.to_integral_value()
            theirs = _format._apply(_format._currency_pattern(data, whole), value, data, "SEK")
            if ours != theirs:
                raise SystemExit(f"{locale} {value}: {ours!r}, Babel {theirs!r}")
            ours = _format.format_number(value, locale)
            theirs = _format._apply(_format._decimal_pattern(data), value, data, None)
            if ours != theirs:
                raise SystemExit(f"{locale} {value}: {ours!r}, Babel {theirs!r}")
        data = Locale.parse(DATE_LOCALES[locale])
        day = datetime.date(2024, 1, 1)
        while day.year == 2024:
            if _format.format_date(day, locale) != babel_date(day, "long", locale=data):
                raise SystemExit(f"{locale} {day}: the date differs from Babel's")
            if _format.format_weekday(day, locale) != format_date(day, "EEEE", locale=data):
                raise SystemExit(f"{locale} {day}: the weekday differs from Babel's")
            day += datetime.timedelta(days=1)


def main(argv: list[str]) -> int:
    """Write the module, or with ``--check`` say whether it is current; the exit status."""
    text = source()
    if "--check" in argv:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print(f"{TARGET} is not what tools/locale_shapes.py writes; run it", file=sys.stderr)
            return 1
        check_against_babel(text)
        return 0
    check_against_babel(text)
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET} (CLDR {get_cldr_version()}, Babel {babel.__version__})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
