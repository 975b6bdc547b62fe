"""Every message the agreement shows has a Swedish translation with the same placeholders."""

from __future__ import annotations

import ast
import re
import string
from importlib import resources
from typing import TYPE_CHECKING

import pytest

from sodertorn import DecisionRule, Financing, MeetingKind, Position
from sodertorn.i18n import catalogue

if TYPE_CHECKING:
    import enum

SOURCES = resources.files("sodertorn").joinpath("agreement")


def _messages() -> list[str]:
    found: list[str] = []
    for path in sorted(SOURCES.iterdir(), key=lambda p: p.name):
        if not path.name.endswith(".py"):
            continue
        found.extend(
            str(node.args[0].value)
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "message"
            and isinstance(node.args[0], ast.Constant)
        )
    return found


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
