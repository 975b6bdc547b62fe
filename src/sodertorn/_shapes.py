"""How ``sv_SE`` and ``en`` write numbers, amounts in kronor and dates (CLDR 49).

Written by ``tools/locale_shapes.py`` from Babel 2.19.0's locale data; do not edit. Read by
:mod:`sodertorn._format`, which formats the library's two languages from these shapes
without importing Babel. ``NUMBERS`` holds, for a locale and a kind (``decimal``; ``SEK``
for whole kronor; ``SEK.00`` with öre), the fields of :class:`sodertorn._format.Shape`:
prefixes and suffixes (non-negative, negative), group symbol, decimal symbol, grouping,
fewest integer digits, fewest and most fraction digits. ``DATES`` holds, for a locale, the
long date pattern as a ``%`` template of its fields (``d``, ``MMMM``, ``y``), the month
names (January first) and the day names (Monday first).
"""

from __future__ import annotations

CLDR = "49"
"""The CLDR version of the locale data the shapes were taken from."""

LOCALES = ("sv_SE", "en")
"""The locales described here."""

NUMBERS: dict[tuple[str, str], tuple[object, ...]] = {
    ("sv_SE", "decimal"): (("", "-"), ("", ""), "\xa0", ",", (3, 3), 1, (0, 3)),
    ("sv_SE", "SEK"): (("", "-"), ("\xa0kr", "\xa0kr"), "\xa0", ",", (3, 3), 1, (0, 0)),
    ("sv_SE", "SEK.00"): (("", "-"), ("\xa0kr", "\xa0kr"), "\xa0", ",", (3, 3), 1, (2, 2)),
    ("en", "decimal"): (("", "-"), ("", ""), ",", ".", (3, 3), 1, (0, 3)),
    ("en", "SEK"): (("SEK", "-SEK"), ("", ""), ",", ".", (3, 3), 1, (0, 0)),
    ("en", "SEK.00"): (("SEK", "-SEK"), ("", ""), ",", ".", (3, 3), 1, (2, 2)),
}

DATES: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "sv_SE": (
        "%(d)s %(MMMM)s %(y)s",
        (
            "januari",
            "februari",
            "mars",
            "april",
            "maj",
            "juni",
            "juli",
            "augusti",
            "september",
            "oktober",
            "november",
            "december",
        ),
        (
            "måndag",
            "tisdag",
            "onsdag",
            "torsdag",
            "fredag",
            "lördag",
            "söndag",
        ),
    ),
    "en": (
        "%(d)s %(MMMM)s %(y)s",
        (
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ),
        (
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ),
    ),
}
