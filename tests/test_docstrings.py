"""Run every docstring example of the package that is imported, wherever it came from.

The examples are collected from the imported modules, not from the files under ``src/``,
so that the tests of the source distribution run against an installed wheel without
importing a second copy of the package. Each module's docstring and functions are
collected as doctest collects them; public classes report the package a user imports
them from as their ``__module__`` (``sodertorn``, ``sodertorn.agreement``…, so reprs and
docs name that package), which doctest's own collection skips, so each module's public classes (those in its ``__all__`` that it defines, not
those it re-exports) are collected explicitly. Every test runs with the globals of the
module it comes from.
"""

from __future__ import annotations

import doctest
import importlib
import inspect
import pkgutil
import re
from typing import TYPE_CHECKING

import pytest

import sodertorn

if TYPE_CHECKING:
    from types import ModuleType


def _modules() -> list[ModuleType]:
    found = [sodertorn]
    for info in pkgutil.walk_packages(sodertorn.__path__, prefix="sodertorn."):
        if info.name.endswith("__main__"):
            continue
        found.append(importlib.import_module(info.name))
    return found


_MODULE_OF: dict[str, str] = {}


def _defined_in(module: ModuleType, name: str) -> bool:
    """Whether the doctest *name* found in *module* is of the module's own code.

    A package re-exports classes whose ``__module__`` names the package; those are
    collected where they are defined, with that module's globals.
    """
    first = name.removeprefix(module.__name__).lstrip(".").split(".")[0]
    value = getattr(module, first, None) if first else None
    return not isinstance(value, type) or _defines(module, first)


def _defines(module: ModuleType, name: str) -> bool:
    return re.search(rf"^class {name}\b", inspect.getsource(module), re.MULTILINE) is not None


def _tests() -> list[doctest.DocTest]:
    finder = doctest.DocTestFinder(exclude_empty=True)
    root_finder = doctest.DocTestFinder(recurse=False, exclude_empty=True)
    tests: list[doctest.DocTest] = []
    for module in _modules():
        is_package = hasattr(module, "__path__")  # re-exports only
        # The package root's namespace fills as its lazy names are first used, so what a
        # finder would find in it depends on which tests ran before: take its docstring only.
        own = (root_finder if module is sodertorn else finder).find(module, module.__name__)
        own = [test for test in own if _defined_in(module, test.name)]
        for test in own:
            _MODULE_OF[test.name] = module.__name__
        tests.extend(own)
        for name in getattr(module, "__all__", ()):
            obj = getattr(module, name)
            if (
                isinstance(obj, type)
                and obj.__module__ != module.__name__
                and not is_package
                and _defines(module, name)
            ):
                found = finder.find(obj, f"{module.__name__}.{name}", module=False, globs={})
                for test in found:
                    _MODULE_OF[test.name] = module.__name__
                tests.extend(found)
    # Mutation testing adds mutated copies of methods to classes under names with "ǁ";
    # they are its own, and a doctest of one is no test of ours.
    return [test for test in tests if test.examples and "\u01c1" not in test.name]


TESTS = _tests()
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


def test_public_classes_have_examples() -> None:
    names = {test.name for test in TESTS}
    assert "sodertorn.money.SEK" in names
    assert "sodertorn.population.register.Population.parse_csv" in names
    assert {"sodertorn.testing", "sodertorn.allocation.allocate"} <= names


@pytest.mark.parametrize("test", TESTS, ids=[test.name for test in TESTS])
def test_docstring_examples(test: doctest.DocTest) -> None:
    # Fresh globals for every run: the finder shares one dict between a class and the
    # objects found under it, and a run clears it, so tests must not depend on order.
    test.globs = dict(vars(importlib.import_module(_MODULE_OF[test.name])))
    report: list[str] = []
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    result = runner.run(test, out=report.append)
    if result.failed:
        pytest.fail("".join(report), pytrace=False)
