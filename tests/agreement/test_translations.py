"""Every message the agreement shows has a Swedish translation with the same placeholders."""

from __future__ import annotations

import re
import string
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir

import sodertorn
from sodertorn.agreement import DecisionRule, Financing, MeetingKind, Position
from sodertorn.i18n import catalogue

if TYPE_CHECKING:
    import enum

SOURCES = Path(sodertorn.__file__).parent / "agreement"


def _messages() -> list[str]:
    """The messages Babel's extractor finds in the agreement's modules."""
    return [
        str(message)
        for _, _, message, _, _ in extract_from_dir(
            str(SOURCES),
            method_map=[("**.py", "python")],
            keywords={
                **DEFAULT_KEYWORDS,
                "message": None,
                "plural": (1, 2),
                "of": None,
                "_error": None,
            },
        )
        if isinstance(message, str)
    ]


MESSAGES = _messages()
ENUMS: list[type[enum.Enum]] = [DecisionRule, Financing, MeetingKind, Position]


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_messages_were_found() -> None:
    assert len(MESSAGES) > 30


@pytest.mark.parametrize("msgid", MESSAGES + [str(m.value) for e in ENUMS for m in e])
def test_swedish_translation_exists_with_same_placeholders(msgid: str) -> None:
    swedish = catalogue("sv")
    assert msgid in swedish, f"no Swedish for {msgid!r}"
    assert _fields(swedish[msgid]) == _fields(msgid)


def test_every_catalogue_entry_keeps_its_placeholders() -> None:
    for msgid, msgstr in catalogue("sv").items():
        assert _fields(msgstr) == _fields(msgid), msgid
        # %-placeholders only where the source has them (argparse's own strings), the same.
        percent = r"%(?:\(\w+\))?[srd]"
        assert sorted(re.findall(percent, msgstr)) == sorted(re.findall(percent, msgid)), msgid
