"""Consistency checks: the built-in checks, the registry, and running them.

Each check is an immutable object with a stable ``id``, a default severity, its thresholds
as fields, and a documentation entry (:attr:`what` / :attr:`why` / :attr:`example` /
:attr:`todo`); calling it on a :class:`Context` yields :class:`Finding` objects.  Built-in
checks are the tuple :data:`BUILTIN`; others are added with :func:`register` or arrive
through the ``incursion.checks`` entry-point group.

This module is the package's manifest: the checks live in ``_figures``, ``_series`` and
``_language``, the registry in ``_registry``, the runner in ``_runner``, what checks read
in ``_core`` and the report in ``_report``.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from incursion.checks._core import Check, Cited, Context, Figure, Finding, Severity
from incursion.checks._coverage import Coverage, Uncompared
from incursion.checks._figures import ContainmentCheck, ConversionCheck, ExtentCheck, RateCheck
from incursion.checks._language import EstimativeLanguageCheck, UnsupportedAllegationCheck
from incursion.checks._registry import (
    BUILTIN,
    ENTRY_POINT_GROUP,
    CheckError,
    available,
    register,
    unregister,
)
from incursion.checks._report import Report
from incursion.checks._runner import run
from incursion.checks._series import (
    CumulativeDecreaseCheck,
    DisagreementCheck,
    PartWholeCheck,
    RevisionCheck,
    RunningTotalCheck,
    SelfContradictionCheck,
    ShareCheck,
)

__all__ = [
    "BUILTIN",
    "ENTRY_POINT_GROUP",
    "Check",
    "CheckError",
    "Cited",
    "ContainmentCheck",
    "Context",
    "ConversionCheck",
    "Coverage",
    "CumulativeDecreaseCheck",
    "DisagreementCheck",
    "EstimativeLanguageCheck",
    "ExtentCheck",
    "Figure",
    "Finding",
    "PartWholeCheck",
    "RateCheck",
    "Report",
    "RevisionCheck",
    "RunningTotalCheck",
    "SelfContradictionCheck",
    "Severity",
    "ShareCheck",
    "Uncompared",
    "UnsupportedAllegationCheck",
    "available",
    "register",
    "run",
    "unregister",
]
