"""``sodertorn goals NAME``."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from sodertorn import load_programme
from sodertorn.programme import goals_text

from .running import run

if TYPE_CHECKING:
    import pytest


def test_the_text_tree(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "goals", "sup2040") == (0, goals_text(load_programme("sup2040")) + "\n", "")


def test_markdown_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "goals", "SUP 2035", "--format", "markdown", "--lang", "en")
    assert out.startswith("# SUP 2035 – Södertörn development programme 2035")
    _, out, _ = run(capsys, "goals", "2013", "--format", "json")
    document = json.loads(out)
    assert (document["schema"], document["id"]) == ("sodertorn/programme/1", "sup2013")


def test_unknown_programme_and_format(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "goals", "sup1999", "--lang", "en")
    assert (status, out) == (1, "")
    assert "unknown programme 'sup1999'" in err
    status, _, err = run(capsys, "goals", "sup2040", "--format", "pdf", "--lang", "en")
    assert status == 2 and "invalid choice: 'pdf'" in err
