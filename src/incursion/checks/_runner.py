"""Running checks: choosing them, calling them on one context, and the report."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from incursion._estimates import Policy
from incursion._gc import collector_paused
from incursion._records import Document, Record
from incursion.checks._core import Check, Context, Finding, params
from incursion.checks._coverage import coverage
from incursion.checks._registry import CheckError, available
from incursion.checks._report import Report

__all__ = ["run"]


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
