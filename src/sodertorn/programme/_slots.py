"""A function a value module calls but does not import: the module above hands it in.

The programme's values (:class:`~sodertorn.Programme`, :class:`~sodertorn.Plan`) keep a
few convenience methods (``programme.in_force(day)``, ``plan.activities_for(goal)``,
``_repr_html_`` for notebooks) whose work is done by the queries and views built on them.
A value module must not import those (they import it), so it declares a :class:`Slot`
for each, and :mod:`sodertorn.programme`, which imports every module of the package
before any of them is used, fills the slots with the real functions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Generic, ParamSpec, TypeVar

from sodertorn.errors import SodertornError

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["Slot"]

P = ParamSpec("P")
R = TypeVar("R")


class Slot(Generic[P, R]):
    """A named place for a function of a higher module; calling the slot calls it."""

    __slots__ = ("_function", "name")

    def __init__(self, name: str) -> None:
        self.name = name
        self._function: Callable[P, R] | None = None

    def fill(self, function: Callable[P, R]) -> None:
        """Hand in the function that does the work."""
        self._function = function

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R:
        if self._function is None:
            raise SodertornError(
                f"{self.name} is not available; import sodertorn.programme to load it"
            )
        return self._function(*args, **kwargs)

    def __repr__(self) -> str:
        return f"Slot({self.name!r})"
