"""The example script runs and prints what its docstring promises."""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).parent.parent / "examples" / "fees.py"

pytestmark = pytest.mark.skipif(not SCRIPT.is_file(), reason="examples/ not in this tree")


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            [
                "SEK 860,000",
                "SEK 2,094,488",
                "2025 without Nykvarn: SEK 2,045,120",
                "SEK 2,356,299",
            ],
        ),
        ("sv", ["860\xa0000\xa0kr", "Avgiftsår 2025: Nynäshamn", "2\xa0045\xa0120\xa0kr"]),
    ],
)
def test_fees_script(
    lang: str,
    expected: list[str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(sys, "argv", [str(SCRIPT), "--lang", lang])
    runpy.run_path(str(SCRIPT), run_name="__main__")
    out = capsys.readouterr().out
    for text in expected:
        assert text in out
    assert out.count("\n") > 40
