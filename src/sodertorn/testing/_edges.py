"""Strategies for junk and for the edges: files and command lines."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

from hypothesis import strategies as st

import sodertorn
from sodertorn.money import SEK
from sodertorn.parties import MUNICIPALITIES

if TYPE_CHECKING:
    from collections.abc import Sequence

    from hypothesis.strategies import SearchStrategy


# -- junk: what careless callers pass --------------------------------------------------------


def junk() -> SearchStrategy[object]:
    """Values of every kind, as a careless caller passes them: mostly the wrong ones.

    ``None``, booleans, integers small and huge, floats (infinities and NaN among them),
    NaN decimals and negative fractions, short text and bytes, empty and small lists,
    sets and dicts, a bare ``object()``, a type, a module, a party and an amount. Whatever
    a public function, constructor or method of the library is given from these, it
    returns or answers with a :class:`~sodertorn.SodertornError` (or Python's own
    :class:`TypeError` when the arguments do not bind), never another exception: the
    library's contract, which its own tests check for every public name.

    >>> from hypothesis import find
    >>> find(junk(), lambda value: isinstance(value, bytes))
    b''
    """
    return st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(10**6), max_value=10**6),
        st.sampled_from(
            [-1, 0, 10**30, 1e308, float("nan"), -0.5, Decimal("NaN"), Fraction(-1, 3)]
        ),
        st.floats(),
        st.text(max_size=8),
        st.binary(max_size=8),
        st.sampled_from([(), [], {}, set(), "", b"", object(), type, sodertorn]),
        st.lists(st.integers(min_value=-5, max_value=5) | st.text(max_size=2), max_size=3),
        st.dictionaries(st.text(max_size=2), st.integers() | st.none(), max_size=3),
        st.sampled_from(MUNICIPALITIES),
        st.just(SEK(1)),
    )


# -- edges: files and command lines, for the library's own tests of its edges -------------
#
# Inputs shaped for this library's readers and command line rather than for a caller's
# code: the library's tests feed them to its population loaders and to ``sodertorn``,
# and a tool that wraps either can feed them to its wrapper.

_TOKENS = [
    '"region"', "region", "år", "Tid", "Folkmängd", "Folkmängd 2024", "Folkökning", "kön",
    "män", "totalt", "tot", "TotSa", "2023", "2024", "2025M12", "1700", "0126 Huddinge",
    "0126", "Huddinge", "0127 Huddinge", "01 Stockholms län", "00 Riket", "0126C1010", "..",
    "113 920", "114\xa0304", "-3", "5.5", "9" * 30, "code", "year", "population", "name",
    "#", "# url: x", "31 december 2024", "Kommunkod", "Kommun", '"', "", " ",
]  # fmt: skip
_SEPARATORS = [";", ",", "\t", "\n", "\r\n", '"']
_PREFIXES = [b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"PK\x03\x04", b"{", b"\x00"]
_JSON_KEYS = [
    "id", "size", "dimension", "value", "role", "category", "index", "label", "extension",
    "eliminationValueCode", "geo", "time", "metric", "Region", "Tid", "ContentsCode", "Kon",
    "columns", "data", "key", "values", "code", "type", "text", "dataset", "updated",
]  # fmt: skip
_JSON_LEAVES = [
    "0126", "0140", "00", "2024", "2025M12", "BE0101N1", "tot", "TotSa", "1", "d", "t", "c", "x",
]  # fmt: skip
_DIMENSION_IDS = ["Region", "Tid", "ContentsCode", "Kon"]


def population_texts() -> SearchStrategy[str]:
    """Texts made of the pieces of population tables: headings, codes, counts, separators.

    Mostly near misses of the files Statistics Sweden (SCB) publishes, the odd one a valid
    table.
    """
    piece = st.sampled_from(_TOKENS) | st.sampled_from(_SEPARATORS)
    return st.lists(piece, max_size=40).map("".join)


def magic_bytes() -> SearchStrategy[bytes]:
    """Bytes that begin like a file of some kind (byte-order marks, a zip, JSON, a NUL)."""
    return st.tuples(st.sampled_from(_PREFIXES), st.binary(max_size=200)).map(b"".join)


def population_bytes() -> SearchStrategy[bytes]:
    """Files a population loader may be given, readable or not.

    :func:`population_texts` encoded in four encodings, and :func:`magic_bytes`.
    """
    encodings = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"])
    encoded = st.tuples(population_texts(), encodings).map(
        lambda pair: pair[0].encode(pair[1], errors="replace")
    )
    return encoded | magic_bytes() | population_texts().map(str.encode)


def json_structures() -> SearchStrategy[object]:
    """Nested lists and objects under the keys of JSON-stat and SCB's JSON, any shape."""
    leaves = (
        st.none()
        | st.booleans()
        | st.integers(min_value=-3, max_value=3)
        | st.integers(min_value=10**6, max_value=10**7)
        | st.sampled_from([0.5, 2.0, -1.0])
        | st.sampled_from(_JSON_LEAVES)
    )
    return st.recursive(
        leaves,
        lambda children: (
            st.lists(children, max_size=4)
            | st.dictionaries(st.sampled_from(_JSON_KEYS), children, max_size=5)
        ),
        max_leaves=25,
    )


def jsonstat_datasets() -> SearchStrategy[dict[str, object]]:
    """JSON-stat 2.0 datasets with the right keys and any values under them."""
    structures = json_structures()
    dimension = st.fixed_dictionaries(
        {"category": st.fixed_dictionaries({"index": structures, "label": structures})}
    )
    return st.fixed_dictionaries(
        {
            "id": st.lists(st.sampled_from(_DIMENSION_IDS), max_size=4),
            "size": st.lists(st.integers(min_value=0, max_value=3), max_size=4),
            "dimension": st.dictionaries(st.sampled_from(_DIMENSION_IDS), dimension),
            "value": structures,
            "role": structures,
        }
    )


_COMMANDS = [
    "fees", "contributions", "dissolve", "meeting", "notice", "goals", "invoices", "nonsense", "",
]  # fmt: skip
# --output is left out: junk would write files where the command runs.
_OPTIONS = [
    "--lang", "--format", "--excel", "--explain", "--population", "--items",
    "--year", "--unit", "--date", "--present", "--remote", "--requested-by", "--called-by",
    "--chair", "--party", "--council-decision", "--received", "--decided", "--debug",
    "--help", "-h", "--version", "--trace", "--details", "--", "-",
]  # fmt: skip
_VALUES = [
    "sv", "en", "de", "table", "csv", "json", "text", "markdown", "xlsx", "krona", "ore",
    "2024", "2010", "1990", "9999", "0", "-1", "99999", "9" * 5000, "2024-03-21", "2010-2025",
    "2025-2010", "2024-", "-2024",
    "2024-02-30", "9999-12-31", "0001-01-01", "2009-12-31", "Salem", "salem", "0126",
    "Gotland", "", " ", "\x00", "é", "sup2040", "sup1999", "500000", "1000.50", "1e9",
    "NaN", "-0", "1,5", "x" * 300,
]  # fmt: skip
_TEMPLATES = [
    ["fees", "Y", "--population", "F", "--format", "V", "--explain", "V"],
    ["fees", "V", "--format", "json", "--trace", "--population", "F"],
    ["dissolve", "--items", "F", "--year", "Y", "--population", "F", "--format", "V",
     "--unit", "V"],
    ["contributions", "V", "--decided", "D", "--unit", "V", "--population", "F", "--explain"],
    ["meeting", "--date", "D", "--present", "V", "--remote", "V", "--called-by", "V",
     "--chair", "V"],
    ["notice", "--party", "V", "--council-decision", "D", "--received", "D", "--format", "V"],
]  # fmt: skip
"""Commands of the right shape, their values drawn from junk: they reach the rules."""


def command_lines(files: Sequence[str] = ("-",)) -> SearchStrategy[list[str]]:
    """Arguments for the ``sodertorn`` command, most of them wrong.

    Free sequences of its commands, options and awkward values (a 5 000-digit year, NUL,
    30 February, 31 December 9999), and commands of the right shape whose values are
    drawn from those, so that they get past the parser to the rules. File arguments are
    drawn from *files* (paths, ``-`` for standard input). ``--output`` is never drawn.
    """
    paths = st.sampled_from(list(files))
    token = st.sampled_from(_OPTIONS) | st.sampled_from(_VALUES) | paths
    free = st.builds(
        lambda command, rest: [command, *rest] if command else rest,
        st.sampled_from(_COMMANDS),
        st.lists(token, max_size=8),
    )
    slot = {
        "F": paths,
        "Y": st.sampled_from(
            ["2010", "2018", "2024", "2025", "2026", "1990", "0000", "9999", "2016-2019"]
        ),
        "D": st.sampled_from(
            ["2024-03-21", "2010-01-01", "2009-12-31", "9999-12-31", "2024-02-30"]
        ),
        "V": st.sampled_from(_VALUES),
    }
    shaped = st.sampled_from(_TEMPLATES).flatmap(
        lambda template: st.tuples(*(slot.get(part, st.just(part)) for part in template)).map(list)
    )
    return shaped | free


def environments() -> SearchStrategy[dict[str, str]]:
    """Environment variables a command may meet, many of them broken.

    Output encodings, locales, terminal widths, time zones and a home directory, each
    set or not.
    """
    return st.fixed_dictionaries(
        {},
        optional={
            "PYTHONIOENCODING": st.sampled_from(["ascii", "cp1252", "latin-1", "utf-8", "utf-16"]),
            "LANG": st.sampled_from(
                ["C", "POSIX", "sv_SE.UTF-8", "en_US.ISO-8859-1", "xx_YY.junk"]
            ),
            "LC_ALL": st.sampled_from(["C", "sv_SE.UTF-8", "", "junk"]),
            "COLUMNS": st.sampled_from(["0", "1", "-5", "abc", "100000"]),
            "TZ": st.sampled_from(["UTC", "Europe/Stockholm", "junk/zone"]),
            "HOME": st.sampled_from(["/nonexistent", ""]),
        },
    )
