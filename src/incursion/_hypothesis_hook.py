"""Tell Hypothesis how to draw incursion's types: ``st.from_type(TerritorialClaim)``.

Hypothesis calls :func:`_hypothesis_setup_hook` through the ``hypothesis`` entry point
(see ``pyproject.toml``) when it is imported, and only then: importing incursion never
imports Hypothesis.

The hook lives here rather than in :mod:`incursion.strategies` because that module imports
Hypothesis, and importing Hypothesis runs the hook: were the hook in it, ``import
incursion.strategies`` before Hypothesis would ask the half-imported module for a hook it
has not defined yet, and fail.  Here it registers functions that import
:mod:`incursion.strategies` only when a strategy is first asked for, so that the hook is
cheap and adds nothing to the import of Hypothesis but incursion's own types.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final

from incursion._estimates import Estimate
from incursion._likelihood import Likelihood
from incursion._records import (
    Allegation,
    Assessment,
    CasualtyReport,
    Count,
    Document,
    MaterielLoss,
    Measurement,
    Part,
    Region,
    TerritorialClaim,
)
from incursion._sources import Citation, Source
from incursion._time import Span

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

__all__ = ["STRATEGIES", "_hypothesis_setup_hook"]

#: Each of incursion's types, with the function of :mod:`incursion.strategies` that draws it.
STRATEGIES: Final[dict[type, str]] = {
    Estimate: "estimates",
    Source: "sources",
    Citation: "citations",
    Span: "spans",
    Likelihood: "likelihoods",
    Part: "parts",
    Count: "counts",
    Region: "regions",
    TerritorialClaim: "territorial_claims",
    CasualtyReport: "casualty_reports",
    Allegation: "allegations",
    Assessment: "assessments",
    MaterielLoss: "materiel_losses",
    Measurement: "measurements",
    Document: "documents",
}


def _deferred(name: str) -> Callable[[type[Any]], SearchStrategy[Any]]:
    """A function Hypothesis calls for the strategy, once it is first needed."""

    def resolve(_: type[Any]) -> SearchStrategy[Any]:
        from incursion import strategies  # noqa: PLC0415 - deferred: see the module docstring

        factory: Callable[[], SearchStrategy[Any]] = getattr(strategies, name)
        return factory()

    return resolve


def _hypothesis_setup_hook() -> None:
    """Register a strategy for each of incursion's types with Hypothesis, and no other."""
    from hypothesis import strategies as st  # noqa: PLC0415 - only when Hypothesis calls us

    for cls, name in STRATEGIES.items():
        st.register_type_strategy(cls, _deferred(name))
