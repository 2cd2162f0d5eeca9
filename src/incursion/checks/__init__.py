"""Consistency checks: the built-in checks, the registry, and running them.

Each check is an immutable object with a stable ``id``, a default severity, its thresholds
as fields, and a documentation entry (:attr:`what` / :attr:`why` / :attr:`example` /
:attr:`todo`); calling it on a :class:`Context` yields :class:`Finding` objects.  Built-in
checks are the tuple :data:`BUILTIN`; others are added with :func:`register` or arrive
through the ``incursion.checks`` entry-point group.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Sequence
from importlib.metadata import EntryPoint, entry_points

from incursion._estimates import Policy
from incursion._gc import collector_paused
from incursion._records import Document, Record
from incursion.checks._core import Check, Cited, Context, Figure, Finding, Severity, params
from incursion.checks._coverage import Coverage, Uncompared, coverage
from incursion.checks._figures import ContainmentCheck, ConversionCheck, ExtentCheck, RateCheck
from incursion.checks._language import EstimativeLanguageCheck, UnsupportedAllegationCheck
from incursion.checks._report import Report
from incursion.checks._series import (
    CumulativeDecreaseCheck,
    DisagreementCheck,
    PartWholeCheck,
    RevisionCheck,
    RunningTotalCheck,
    SelfContradictionCheck,
    ShareCheck,
)
from incursion.exceptions import IncursionError

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

#: The built-in checks, in the order they run and are reported.
BUILTIN: tuple[Check, ...] = (
    ConversionCheck(),
    ExtentCheck(),
    PartWholeCheck(),
    ShareCheck(),
    RevisionCheck(),
    DisagreementCheck(),
    SelfContradictionCheck(),
    CumulativeDecreaseCheck(),
    RunningTotalCheck(),
    RateCheck(),
    ContainmentCheck(),
    UnsupportedAllegationCheck(),
    EstimativeLanguageCheck(),
)

#: The entry-point group third-party packages register checks under.
ENTRY_POINT_GROUP = "incursion.checks"

_REGISTERED: dict[str, Check] = {}


class CheckError(IncursionError, ValueError):
    """A check was named that does not exist, or a check object is not usable.

    .. versionadded:: 0.1.0
    """


def register(check: Check) -> Check:
    """Add a check to those :func:`available` returns (its ``id`` must be new).

    Returns the check, so that it can be used as ``register(MyCheck())``.

    Raises:
        CheckError: The object is not a check, or its id is taken.

    .. versionadded:: 0.1.0
    """
    if not isinstance(check, Check):
        raise CheckError(
            f"{check!r:.60} is not a check: it needs id, title, severity, what, why, "
            "example, todo and __call__"
        )
    if check.id in available():
        raise CheckError(f"a check with the id {check.id!r} is already available")
    _REGISTERED[check.id] = check
    return check


def unregister(check_id: str) -> None:
    """Remove a check added with :func:`register` (built-in checks stay).

    Raises:
        CheckError: No registered check has that id.

    .. versionadded:: 0.1.0
    """
    if _REGISTERED.pop(check_id, None) is None:
        raise CheckError(f"no registered check has the id {check_id!r}")


def available() -> dict[str, Check]:
    """Every check that can run, by id: built-in, registered, then from entry points.

    .. versionadded:: 0.1.0
    """
    checks: dict[str, Check] = {c.id: c for c in BUILTIN}
    checks.update(_REGISTERED)
    for point in _entry_points():
        try:
            loaded = point.load()
        except Exception as error:  # noqa: BLE001 - a broken plugin is reported, not fatal
            raise CheckError(f"the check {point.name!r} could not be loaded: {error}") from None
        check = loaded() if isinstance(loaded, type) else loaded
        if isinstance(check, Check) and check.id not in checks:
            checks[check.id] = check
    return checks


def _entry_points() -> tuple[EntryPoint, ...]:
    """The entry points of the ``incursion.checks`` group, found once per ``sys.path``.

    Scanning every installed distribution costs milliseconds, and checks run often (in
    a property test, for every example); a change to ``sys.path`` scans again.
    """
    key = tuple(sys.path)
    points = _ENTRY_POINTS.get(key)
    if points is None:
        points = tuple(entry_points(group=ENTRY_POINT_GROUP))
        _ENTRY_POINTS.clear()
        _ENTRY_POINTS[key] = points
    return points


_ENTRY_POINTS: dict[tuple[str, ...], tuple[EntryPoint, ...]] = {}


def _chosen(
    checks: Sequence[Check] | None, select: Iterable[str] | None, ignore: Iterable[str] | None
) -> tuple[Check, ...]:
    if checks is not None:
        for check in checks:
            if not isinstance(check, Check):
                raise CheckError(f"{check!r:.60} is not a check")
        ids = [c.id for c in checks]
        if len(set(ids)) != len(ids):
            raise CheckError(
                f"two checks share an id: {sorted(i for i in ids if ids.count(i) > 1)}"
            )
    pool = {c.id: c for c in checks} if checks is not None else available()
    wanted = list(select) if select is not None else list(pool)
    skipped = set(ignore or ())
    unknown = [i for i in [*wanted, *skipped] if i not in pool]
    if unknown:
        raise CheckError(
            f"unknown check id{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))}: "
            f"expected some of {', '.join(pool)}"
        )
    return tuple(pool[i] for i in pool if i in wanted and i not in skipped)


_POSITION = re.compile(r"^\$\.records\[(\d+)\]")


def _position(finding: Finding) -> int:
    """The position in the document of the first record a finding names (by its paths)."""
    positions = [int(m[1]) for p in finding.paths if (m := _POSITION.match(p))]
    return min(positions, default=0)


def run(
    data: Document | Iterable[Record],
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    policy: Policy | None = None,
    checks: Sequence[Check] | None = None,
    explain: bool = False,
) -> Report:
    """Run checks on a document or on records and return the report.

    Findings come errors first, then by check (in run order), then in document order.

    Args:
        data: A :class:`~incursion.Document` or any iterable of records.
        select: The ids of the checks to run (default: all
            :func:`~incursion.checks.available`).
        ignore: Ids of checks not to run.
        policy: How figures are read (default: :data:`~incursion.DEFAULT_POLICY`).
        checks: The checks to choose from instead of :func:`available`.
        explain: Also say, for each figure no check compared with another, the nearest
            figure it was not compared with and why (:attr:`~incursion.Report.coverage`).

    Raises:
        CheckError: ``select`` or ``ignore`` names a check that does not exist.

    .. versionadded:: 0.1.0
    """
    chosen = _chosen(checks, select, ignore)
    context = Context.of(data, policy)
    order = {c.id: i for i, c in enumerate(chosen)}
    with collector_paused():
        findings = [f for check in chosen for f in check(context)]
        covered = coverage(context, chosen, explain=explain)
    findings.sort(
        key=lambda f: (-f.severity.rank, order.get(f.check, 0), _position(f), f.records, f.message)
    )
    return Report(
        findings=findings,
        checks=[c.id for c in chosen],
        thresholds={c.id: params(c) for c in chosen},
        policy=context.policy,
        records=len(context.records),
        coverage=covered,
    )
