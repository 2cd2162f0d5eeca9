"""Record and cross-check hedged, unit-aware numeric claims about armed-conflict events."""

from typing import Any

from incursion._estimates import DEFAULT_POLICY, Conversion, Estimate, Hedge, Policy
from incursion._extract import CONTEXT_RULES, ContextRule, Mention, Unread, extract
from incursion._likelihood import SCALES, Likelihood
from incursion._records import (
    FORMAT_VERSION,
    MEASURES,
    Act,
    Allegation,
    Assessment,
    CasualtyReport,
    Confidence,
    Count,
    Document,
    Evidence,
    Fate,
    FigureLike,
    MaterielLoss,
    Measure,
    Measurement,
    Part,
    Population,
    Predicate,
    Record,
    Region,
    Relation,
    Share,
    Status,
    Tally,
    TerritorialClaim,
)
from incursion._schema import schema
from incursion._serialization import dump, dumps, load, loads
from incursion._sources import Citation, Reliability, Source
from incursion._time import Precision, Span
from incursion._units import install_units
from incursion.checks import Finding, Report, Severity
from incursion.checks import run as check
from incursion.exceptions import IncursionError


def __getattr__(name: str) -> Any:
    """``__version__``, read from the installed metadata when first asked for."""
    if name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415 - a tenth of a second

        globals()["__version__"] = value = version("incursion")
        return value
    raise AttributeError(f"module 'incursion' has no attribute {name!r}")


__all__ = [
    "CONTEXT_RULES",
    "DEFAULT_POLICY",
    "FORMAT_VERSION",
    "MEASURES",
    "SCALES",
    "Act",
    "Allegation",
    "Assessment",
    "CasualtyReport",
    "Citation",
    "Confidence",
    "ContextRule",
    "Conversion",
    "Count",
    "Document",
    "Estimate",
    "Evidence",
    "Fate",
    "FigureLike",
    "Finding",
    "Hedge",
    "IncursionError",
    "Likelihood",
    "MaterielLoss",
    "Measure",
    "Measurement",
    "Mention",
    "Part",
    "Policy",
    "Population",
    "Precision",
    "Predicate",
    "Record",
    "Region",
    "Relation",
    "Reliability",
    "Report",
    "Severity",
    "Share",
    "Source",
    "Span",
    "Status",
    "Tally",
    "TerritorialClaim",
    "Unread",
    "__version__",
    "check",
    "dump",
    "dumps",
    "extract",
    "install_units",
    "load",
    "loads",
    "schema",
]
