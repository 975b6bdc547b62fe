"""Hypothesis's entry point: ``st.from_type`` draws the library's value types.

Hypothesis calls :func:`_hypothesis_setup_hook` when it is imported, in any environment
where the library is installed (the ``hypothesis`` entry point in the package metadata);
importing :mod:`sodertorn.testing` calls it too. The strategies are deferred, so the hook
imports only the value types, not :mod:`sodertorn.testing` and all it needs, until a test
draws; it then imports the module of the strategies it needs, never the package that
calls it.
"""

from __future__ import annotations

import importlib


def _hypothesis_setup_hook() -> None:
    """Register strategies for ``SEK``, ``Municipality`` (the parties) and ``Population``."""
    from hypothesis import strategies as st  # noqa: PLC0415 - only when Hypothesis runs

    from sodertorn.money import SEK  # noqa: PLC0415
    from sodertorn.parties import Municipality  # noqa: PLC0415
    from sodertorn.population import Population  # noqa: PLC0415

    def testing(name: str) -> st.SearchStrategy[object]:
        strategy: st.SearchStrategy[object] = getattr(
            importlib.import_module("sodertorn.testing._values"), name
        )()
        return strategy

    st.register_type_strategy(SEK, st.deferred(lambda: testing("amounts")))
    st.register_type_strategy(Municipality, st.deferred(lambda: testing("parties")))
    st.register_type_strategy(Population, st.deferred(lambda: testing("populations")))
