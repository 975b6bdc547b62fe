"""Hypothesis profiles for the suite, chosen by ``SODERTORN_HYPOTHESIS_PROFILE``.

- ``dev`` (the default): 50 examples a test, enough to find most mistakes in a quick run.
- ``ci`` (the default when ``CI`` is set): 100 examples, derandomised so that a run on a
  clean clone fails or passes for the code alone, and the failing example printed as a blob.
- ``thorough``: 500 examples, for mutation testing and before a release.
- ``compat``: 20 examples, derandomised, for the runs that ask whether the code works on
  another Python or with the oldest dependencies allowed, not whether a rare input breaks
  it (the run of the README's command with ``ci`` asks that).

No profile has a deadline, as timing depends on the machine's load, not on the code; none
suppresses a health check: a strategy too slow to draw from is made cheaper instead.
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("dev", max_examples=50, deadline=None)
settings.register_profile(
    "ci", max_examples=100, deadline=None, derandomize=True, database=None, print_blob=True
)
settings.register_profile(
    "compat", max_examples=20, deadline=None, derandomize=True, database=None, print_blob=True
)
settings.register_profile(
    "thorough",
    max_examples=500,
    deadline=None,
)
settings.load_profile(
    os.environ.get("SODERTORN_HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
)
