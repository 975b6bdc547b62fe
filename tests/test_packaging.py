"""What the built package must carry, and what keeps the docs and changelog in step."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import pytest

import sodertorn

# Type checkers see the package's names, not its __all__, which is made from a table.
ROOT_NAMES: list[str] = vars(sodertorn)["__all__"]

ROOT = Path(__file__).parent.parent


@pytest.mark.parametrize(
    "path",
    [
        "py.typed",
        "data/population.csv",
        "data/fee_rules.json",
        "data/non_banking_weekdays.txt",
        "locale/sv/LC_MESSAGES/sodertorn.po",
        "locale/sv/LC_MESSAGES/sodertorn.mo",
        "locale/sodertorn.pot",
    ],
)
def test_package_data_is_importable(path: str) -> None:
    resource = resources.files("sodertorn").joinpath(path)
    assert resource.is_file()
    assert resource.read_bytes() or path == "py.typed"


def test_version_is_in_the_changelog() -> None:
    changelog = ROOT / "CHANGELOG.md"
    if not changelog.is_file():
        pytest.skip("CHANGELOG.md is not in this tree")
    headings = re.findall(r"^## \[([^\]]+)\]", changelog.read_text("utf-8"), re.MULTILINE)
    assert headings, "the changelog has no '## [...]' headings"
    assert headings[0] == "Unreleased" or headings[0] == sodertorn.__version__
    assert sodertorn.__version__ not in headings[1:], "a released version is listed twice"


def test_reference_lists_every_public_name() -> None:
    reference = ROOT / "docs" / "reference.md"
    if not reference.is_file():
        pytest.skip("docs/ is not in this tree")
    text = reference.read_text("utf-8")
    missing = [
        name
        for name in ROOT_NAMES
        if not name.startswith("_") and not re.search(rf"\.{re.escape(name)}\b", text)
    ]
    assert not missing, f"add to docs/reference.md: {missing}"


def test_reference_shows_each_moved_name_in_its_package_and_deprecated_at_the_root() -> None:
    reference = ROOT / "docs" / "reference.md"
    if not reference.is_file():
        pytest.skip("docs/ is not in this tree")
    text = reference.read_text("utf-8")
    for name, module in sodertorn._MOVED.items():
        assert re.search(rf"^\.\. auto\w+:: {re.escape(module)}\.{name}$", text, re.MULTILINE), (
            f"docs/reference.md: document {name} as {module}.{name}"
        )
        assert f"| `sodertorn.{name}` | `from {module} import {name}` |" in text, (
            f"docs/reference.md: list sodertorn.{name} under the moved names"
        )


def test_notebooks_are_committed_without_outputs() -> None:
    for notebook in sorted((ROOT / "examples").glob("*.ipynb")):
        cells = json.loads(notebook.read_text("utf-8"))["cells"]
        for cell in cells:
            if cell["cell_type"] == "code":
                assert cell["outputs"] == [], f"{notebook.name}: clear the outputs"
                assert cell["execution_count"] is None, f"{notebook.name}: clear the outputs"
