"""Run the doctests of the agreement's methods.

pytest's doctest collection finds a public class through ``sodertorn`` (its
``__module__``) but skips its methods, whose globals belong to the defining module; this
runs every docstring of every public class in the defining module's namespace.
"""

from __future__ import annotations

import doctest
import importlib
import inspect

import pytest

MODULES = [
    "sodertorn.agreement.decisions",
    "sodertorn.agreement.dissolution",
    "sodertorn.agreement.financing",
    "sodertorn.agreement.meetings",
    "sodertorn.agreement.membership",
    "sodertorn.agreement.notice",
    "sodertorn.agreement.reasons",
]


def _tests() -> list[doctest.DocTest]:
    finder = doctest.DocTestFinder(exclude_empty=True)
    found: list[doctest.DocTest] = []
    for name in MODULES:
        module = importlib.import_module(name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == "sodertorn" and cls.__qualname__ in module.__all__:
                found.extend(finder.find(cls, cls.__qualname__, module=False, globs=vars(module)))
    return sorted((test for test in found if test.examples), key=lambda test: test.name)


TESTS = _tests()


def test_every_public_class_has_examples() -> None:
    assert len(TESTS) >= 10


@pytest.mark.parametrize("test", TESTS, ids=[test.name for test in TESTS])
def test_method_doctest(test: doctest.DocTest) -> None:
    runner = doctest.DocTestRunner(
        optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS, verbose=False
    )
    report: list[str] = []
    runner.run(test, out=report.append)
    assert runner.failures == 0, "".join(report)
