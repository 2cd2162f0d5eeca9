"""Shared test configuration: Hypothesis profiles chosen by ``HYPOTHESIS_PROFILE``.

``dev`` (the default) is quick enough for every local run; ``ci`` runs many more
examples with no deadline, prints a reproduction blob for every failure and derandomises
so that a CI failure reproduces on the next run.
"""

from __future__ import annotations

import datetime as dt
import os

from hypothesis import settings

# The first figure in a new unit goes through pint (milliseconds); a one-second deadline
# keeps that warm-up from being reported as a flaky test while still catching a slow path.
settings.register_profile("dev", max_examples=50, deadline=dt.timedelta(seconds=1))
settings.register_profile(
    "ci",
    max_examples=300,
    deadline=None,
    derandomize=True,
    print_blob=True,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
