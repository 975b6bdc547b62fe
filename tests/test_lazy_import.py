"""The package root imports its names on first use, and every name still arrives."""

from __future__ import annotations

import subprocess
import sys

import pytest

import sodertorn


def _run(code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def test_import_loads_only_the_errors_and_the_version() -> None:
    code = "import sys, sodertorn\nprint(sorted(m for m in sys.modules if 'sodertorn' in m or m == 'attrs'))"
    assert _run(code) == "['sodertorn', 'sodertorn._version', 'sodertorn.errors']"


def test_every_public_name_resolves_without_babel_or_hypothesis() -> None:
    code = (
        "import sys, sodertorn\n"
        "values = [getattr(sodertorn, name) for name in sodertorn.__all__]\n"
        "print(len(values), sorted(m for m in ('babel', 'hypothesis') if m in sys.modules))"
    )
    assert _run(code) == f"{len(sodertorn.__all__)} []"


def test_from_import_gives_the_object_of_its_module() -> None:
    from sodertorn import SEK, annual_fees, money
    from sodertorn.fees import annual_fees as defined

    assert annual_fees is defined
    assert SEK is money.SEK


@pytest.mark.parametrize("name", sorted(sodertorn.__all__))
def test_each_name_lives_in_its_module(name: str) -> None:
    value = getattr(sodertorn, name)
    assert name in dir(sodertorn)
    if name in sodertorn._LAZY:
        module = sys.modules[sodertorn._LAZY[name]]
        assert getattr(module, name) is value


def test_the_lazy_names_and_the_eager_ones_are_exactly_all() -> None:
    eager = {"__version__"} | {
        name for name in sodertorn.__all__ if name.endswith(("Error", "Warning"))
    }
    assert set(sodertorn._LAZY) | eager == set(sodertorn.__all__)
    assert not set(sodertorn._LAZY) & eager


def test_subpackages_are_reachable_as_attributes() -> None:
    assert sodertorn.agreement.__name__ == "sodertorn.agreement"
    assert getattr(sodertorn, "programme").__name__ == "sodertorn.programme"  # noqa: B009


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="has no attribute 'Nothing'"):
        _ = sodertorn.Nothing  # type: ignore[attr-defined]
    with pytest.raises(ImportError):
        exec("from sodertorn import Nothing", {})
