"""The package root: one table of names, imported on first use; the moved names warn."""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

import sodertorn
from sodertorn import SodertornDeprecationWarning

# Type checkers see the package's names, not its __all__, which is made from a table.
ROOT_NAMES: list[str] = vars(sodertorn)["__all__"]


def _run(code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-W", "error", "-c", code], capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def test_import_loads_only_the_version() -> None:
    code = (
        "import sys, sodertorn\n"
        "print(sorted(m for m in sys.modules if 'sodertorn' in m or m in ('attrs', 'typing')))"
    )
    assert _run(code) == "['sodertorn', 'sodertorn._version']"


def test_every_public_name_resolves_without_babel_or_hypothesis() -> None:
    code = (
        "import sys, sodertorn\n"
        "values = [getattr(sodertorn, name) for name in sodertorn.__all__]\n"
        "print(len(values), sorted(m for m in ('babel', 'hypothesis') if m in sys.modules))"
    )
    assert _run(code) == f"{len(ROOT_NAMES)} []"


def test_from_import_gives_the_object_of_its_module() -> None:
    from sodertorn import SEK, annual_fees, money
    from sodertorn.fees import annual_fees as defined

    assert annual_fees is defined
    assert SEK is money.SEK


def test_all_is_the_table() -> None:
    assert sorted(["__version__", *sodertorn._ROOT]) == ROOT_NAMES
    assert not set(sodertorn._ROOT) & set(sodertorn._MOVED)


def test_the_root_keeps_the_names_a_user_needs_first() -> None:
    first = {"SEK", "Municipality", "MUNICIPALITIES", "municipality", "annual_fees"}
    first |= {"FeeAssessment", "FeeLine", "Population", "Agreement", "load_programme"}
    first |= {"SodertornError", "FeeRuleError", "SodertornDeprecationWarning"}
    assert first <= set(ROOT_NAMES)
    assert {"Item", "Text", "Node", "Answer", "Outcome", "Claim", "Period"} <= set(sodertorn._MOVED)


@pytest.mark.parametrize("name", sorted(sodertorn._ROOT))
def test_each_name_lives_in_its_module(name: str) -> None:
    value = getattr(sodertorn, name)
    assert name in dir(sodertorn)
    assert getattr(importlib.import_module(sodertorn._ROOT[name]), name) is value


@pytest.mark.parametrize("module", sorted({*sodertorn._ROOT.values(), *sodertorn._MOVED.values()}))
def test_each_package_re_exports_the_names_the_root_takes_from_it(module: str) -> None:
    imported = importlib.import_module(module)
    names = {
        name for name, where in {**sodertorn._ROOT, **sodertorn._MOVED}.items() if where == module
    }
    assert names <= set(getattr(imported, "__all__", names)), module
    assert all(hasattr(imported, name) for name in names)


@pytest.mark.parametrize("name", sorted(sodertorn._MOVED))
def test_a_moved_name_still_works_and_says_where_it_went(name: str) -> None:
    module = sodertorn._MOVED[name]
    with pytest.warns(
        SodertornDeprecationWarning, match=rf"from {module} import {name}'"
    ) as caught:
        value = getattr(sodertorn, name)
    assert value is getattr(importlib.import_module(module), name)
    assert caught[0].filename == __file__  # the warning points at the caller's line
    assert name not in dir(sodertorn)
    assert name not in ROOT_NAMES


def test_a_moved_name_warns_at_every_use_and_with_from_import() -> None:
    for _ in range(2):
        with pytest.warns(SodertornDeprecationWarning, match="sodertorn.programme"):
            from sodertorn import Activity  # noqa: F401
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SodertornDeprecationWarning)
        assert sodertorn.Item is sodertorn.agreement.Item


def test_the_type_checking_imports_are_the_table() -> None:
    """Type checkers read the imports under ``if TYPE_CHECKING:``; they must say what the table says."""
    source = Path(sodertorn.__file__).read_text(encoding="utf-8")
    block = next(
        node
        for node in ast.parse(source).body
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"
    )
    seen: dict[str, str] = {}
    for node in block.body:
        assert isinstance(node, ast.ImportFrom)
        assert node.module is not None
        for alias in node.names:
            assert alias.asname == alias.name, f"write '{alias.name} as {alias.name}'"
            seen[alias.name] = node.module
    table = {**sodertorn._ROOT, **sodertorn._MOVED}
    wanted = "".join(
        f"    from {module} import {name} as {name}\n"
        for name, module in sorted(table.items(), key=lambda item: (item[1], item[0]))
    )
    assert seen == table, f"make the block under 'if TYPE_CHECKING:' read:\n{wanted}"


def test_mypy_sees_the_root_and_refuses_unknown_names(tmp_path: Path) -> None:
    api = pytest.importorskip("mypy.api")
    user = tmp_path / "user.py"
    user.write_text(
        "from sodertorn import SEK, FeeRuleError, annual_fees, __version__\n"
        "from sodertorn import Item\n"
        "import sodertorn\n"
        "total: SEK = annual_fees(2024).total\n"
        "version: str = __version__\n"
        "sodertorn.Nothing\n",
        encoding="utf-8",
    )
    out, _, status = api.run(
        ["--strict", "--no-incremental", "--cache-dir", str(tmp_path), str(user)]
    )
    assert status == 1, out
    assert out.count("error:") == 1, out
    assert 'has no attribute "Nothing"' in out


def test_subpackages_are_reachable_as_attributes() -> None:
    assert sodertorn.agreement.__name__ == "sodertorn.agreement"
    assert getattr(sodertorn, "programme").__name__ == "sodertorn.programme"  # noqa: B009


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="has no attribute 'Nothing'"):
        _ = sodertorn.Nothing  # type: ignore[attr-defined]
    with pytest.raises(ImportError):
        exec("from sodertorn import Nothing", {})
