"""The template, the Swedish catalogue and its compiled form agree, checked with Babel's tools.

The template (``locale/sodertorn.pot``) is what ``pybabel extract`` finds in the package
(docs/contributing.md gives the command); every message in it has Swedish in the ``.po``;
the ``.mo`` the build compiled is the ``.po``'s, and translating reads it, not the ``.po``.
"""

from __future__ import annotations

import string
import subprocess
import sys
from pathlib import Path
from typing import Any

import babel
import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po

import sodertorn
from sodertorn import LocaleError
from sodertorn._msgfmt import compile_po, stamp
from sodertorn.i18n import load_translations, translations

PACKAGE = Path(sodertorn.__file__).parent  # the source tree, or the installed wheel
LOCALE = PACKAGE / "locale"
PO = LOCALE / "sv" / "LC_MESSAGES" / "sodertorn.po"

KEYWORDS: dict[str, Any] = {
    **DEFAULT_KEYWORDS,
    "message": None,
    "plural": (1, 2),
    "of": None,
    "_label": None,
    # The command line's: its translator, its errors, and argparse's own strings.
    "tr": None,
    "UsageError": None,
    "DataError": None,
    "_BugError": None,
    "_refuse": None,
    "_argparse": None,
    "_error": None,
    # The population's provenance: _text(lang, message).
    "_text": (2,),
}
"""The keywords of the documented ``pybabel extract`` command (-k message -k plural:1,2 ...)."""


def _read(path: Path, lang: str | None = "sv") -> Any:
    with path.open("rb") as handle:
        return read_po(handle, locale=lang, domain="sodertorn")


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


TEMPLATE = _read(LOCALE / "sodertorn.pot", None)
SWEDISH = _read(PO)
MSGIDS = sorted((m.id for m in TEMPLATE if m.id), key=str)


@pytest.mark.skipif(
    tuple(int(part) for part in babel.__version__.split(".")[:2]) < (2, 19),
    reason="the template is made with Babel 2.19 or newer; older releases extract some calls "
    "differently (the key of a subscript inside a marked call)",
)
def test_the_template_is_what_extraction_finds() -> None:
    found = {
        message
        for _, _, message, _, _ in extract_from_dir(
            str(PACKAGE), method_map=[("**.py", "python")], keywords=KEYWORDS
        )
    }
    committed = {m.id for m in TEMPLATE if m.id}
    assert found == committed, (
        "the template is out of date; run the pybabel extract command of docs/contributing.md "
        f"(missing: {sorted(map(str, found - committed))}, "
        f"no longer found: {sorted(map(str, committed - found))})"
    )


def test_the_template_has_the_messages_a_person_reads() -> None:
    assert "Total" in MSGIDS
    assert ("{count} sub-goal", "{count} sub-goals") in MSGIDS
    assert not any(
        any(m.string) if isinstance(m.string, tuple) else m.string for m in TEMPLATE if m.id
    )
    assert len(MSGIDS) > 100


@pytest.mark.parametrize("msgid", MSGIDS, ids=str)
def test_every_template_message_has_swedish(msgid: str | tuple[str, str]) -> None:
    entry = SWEDISH.get(msgid)
    assert entry is not None, f"no Swedish for {msgid!r}"
    assert not entry.fuzzy
    if isinstance(msgid, tuple):
        assert isinstance(entry.string, tuple)
        assert len(entry.string) == 2
        for form in entry.string:
            assert form
            assert _fields(form) <= _fields(msgid[0]) | _fields(msgid[1])
    else:
        assert entry.string
        assert _fields(entry.string) == _fields(msgid)


def test_babel_finds_no_error_in_the_catalogue() -> None:
    problems = [(str(message.id), errors) for message, errors in SWEDISH.check() if errors]
    assert not problems
    assert SWEDISH.num_plurals == 2
    assert SWEDISH.plural_expr == "(n != 1)"


def test_the_compiled_catalogue_is_the_po_s() -> None:
    mo = PO.with_suffix(".mo")
    assert mo.is_file(), "no compiled catalogue: pip install -e . (the build compiles it)"
    compiled = translations("sv")
    assert compiled.info()["project-id-version"] == f"sodertorn {stamp(PO.read_bytes())}", (
        "the .mo is older than the .po: pip install -e . again"
    )
    for message in SWEDISH:
        if not message.id or not message.string:
            continue
        if isinstance(message.id, tuple):
            singular, plural = message.id
            assert compiled.ngettext(singular, plural, 1) == message.string[0]
            assert compiled.ngettext(singular, plural, 2) == message.string[1]
        else:
            assert compiled.gettext(message.id) == message.string


def test_compiling_twice_gives_the_same_bytes() -> None:
    source = PO.read_bytes()
    assert compile_po(source, "sv") == compile_po(source, "sv")
    assert stamp(source) != stamp(source + b"\n")


def _same_translations(directory: Path) -> None:
    loaded = load_translations("sv", str(directory))
    for message in SWEDISH:
        if message.id and isinstance(message.id, str) and message.string:
            assert loaded.gettext(message.id) == message.string
    assert loaded.ngettext("{count} sub-goal", "{count} sub-goals", 1) == "{count} delmål"


def _tree(root: Path, po: bytes | None, mo: bytes | None) -> Path:
    folder = root / "sv" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    if po is not None:
        (folder / "sodertorn.po").write_bytes(po)
    if mo is not None:
        (folder / "sodertorn.mo").write_bytes(mo)
    return root


def test_a_tree_without_a_compiled_catalogue_compiles_the_po(tmp_path: Path) -> None:
    _same_translations(_tree(tmp_path, PO.read_bytes(), None))


def test_a_compiled_catalogue_older_than_its_po_is_not_used(tmp_path: Path) -> None:
    source = PO.read_bytes()
    older = source.replace(b'msgstr "Summa"', b'msgstr "Gammal summa"')
    assert older != source
    _same_translations(_tree(tmp_path, source, compile_po(older, "sv")))


def test_a_compiled_catalogue_alone_is_used(tmp_path: Path) -> None:
    _same_translations(_tree(tmp_path, None, compile_po(PO.read_bytes(), "sv")))


def test_no_catalogue_says_how_to_build_one(tmp_path: Path) -> None:
    with pytest.raises(LocaleError, match=r"no catalogue for 'sv'.*pip install -e \."):
        load_translations("sv", str(_tree(tmp_path, None, None)))
    assert load_translations("en", str(tmp_path)).gettext("Total") == "Total"


def test_translating_reads_the_compiled_catalogue_without_babel() -> None:
    code = (
        "import sys\n"
        "from sodertorn.i18n import gettext, ngettext\n"
        "print(gettext('Total', 'sv'), ngettext('{count} sub-goal', '{count} sub-goals', 2, 'sv'),"
        " sorted(m for m in sys.modules if m.startswith('babel')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["Summa", "{count}", "delmål", "[]"]
