"""Contract: junk given to any public name raises only the library's own errors.

Walks ``sodertorn.__all__`` (so names added later are covered without editing this
file): every public function, every public class's constructor, and its public class
and static methods (the loaders and alternative constructors). Whatever
junk they get, what escapes is a :class:`~sodertorn.SodertornError`, or a
:class:`TypeError` from Python's own argument binding when the arity is wrong; never
an ``AttributeError``, ``KeyError``, ``ZeroDivisionError`` or the like.
"""

from __future__ import annotations

import enum
import inspect
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sodertorn

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.sampled_from([-1, 0, 10**30, 1e308, float("nan"), -0.5, Decimal("NaN"), Fraction(-1, 3)]),
    st.floats(),
    st.text(max_size=8),
    st.binary(max_size=8),
    st.sampled_from([(), [], {}, set(), "", b"", object(), type, sodertorn]),
    st.lists(st.integers(min_value=-5, max_value=5) | st.text(max_size=2), max_size=3),
    st.dictionaries(st.text(max_size=2), st.integers() | st.none(), max_size=3),
    st.sampled_from(sodertorn.MUNICIPALITIES),
    st.just(sodertorn.SEK(1)),
)

_MAX_ARGS = 4


def _is_exception(value: object) -> bool:
    return isinstance(value, type) and issubclass(value, BaseException)


def _public_callables() -> Iterator[tuple[str, Callable[..., Any]]]:
    for name in sorted(sodertorn.__all__):
        value = getattr(sodertorn, name)
        if _is_exception(value) or not callable(value):
            continue
        if isinstance(value, type) and issubclass(value, enum.Enum):
            continue  # Enum(value) lookup is the standard library's own contract
        yield name, value
        if not isinstance(value, type):
            continue
        for attribute, member in sorted(vars(value).items()):
            if "\u01c1" in attribute:
                continue  # the mutated copies `mutmut run` adds to classes, not our API
            if not attribute.startswith("_") and isinstance(member, (classmethod, staticmethod)):
                yield f"{name}.{attribute}", getattr(value, attribute)


CALLABLES = dict(_public_callables())


def test_the_walk_finds_constructors_functions_and_methods() -> None:
    assert {"SEK", "allocate", "Population.parse_csv", "SEK.total", "FeeSchedule.from_json"} <= set(
        CALLABLES
    )


# Programme queries and renderers that do not yet check their arguments at the boundary
# (junk reaches attribute access); tracked for the programme's next change.
KNOWN_GAPS = {
    "activities_for",
    "conference_hosts",
    "find_goals",
    "goals_html",
    "goals_markdown",
    "goals_text",
    "goals_without_activity",
    "plan_html",
}


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(
            name,
            marks=pytest.mark.xfail(
                strict=False, reason="known gap: no argument checks at the boundary yet"
            ),
        )
        if name in KNOWN_GAPS
        else name
        for name in sorted(CALLABLES)
    ],
)
@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    args=st.lists(JUNK, max_size=_MAX_ARGS),
    kwargs=st.dictionaries(st.text(max_size=12), JUNK, max_size=2),
    keyword_junk=st.data(),
)
def test_junk_raises_only_documented_errors(
    name: str, args: list[object], kwargs: dict[str, object], keyword_junk: st.DataObject
) -> None:
    function = CALLABLES[name]
    try:
        signature = inspect.signature(function)
    except ValueError:  # pragma: no cover - builtins without a signature
        signature = None
    if signature is not None:
        # Aim most keyword junk at the parameters that exist, so it gets past binding.
        names = [
            p.name
            for p in signature.parameters.values()
            if p.kind in (p.KEYWORD_ONLY, p.POSITIONAL_OR_KEYWORD)
        ]
        if names:
            kwargs.update(
                keyword_junk.draw(st.dictionaries(st.sampled_from(names), JUNK, max_size=2))
            )
            for key in list(kwargs):
                if key in names[: len(args)]:
                    del kwargs[key]
    try:
        binds = signature is None or bool(signature.bind(*args, **kwargs))
    except TypeError:
        binds = False
    try:
        function(*args, **kwargs)
    except sodertorn.SodertornError:
        pass
    except TypeError:
        assert not binds, f"{name}(*{args!r}, **{kwargs!r}) raised TypeError past binding"
