"""The checks that can run: the built-in ones, those registered, and those of plugins."""

from __future__ import annotations

import sys
from importlib.metadata import EntryPoint, entry_points

from incursion.checks._core import Check
from incursion.checks._figures import ContainmentCheck, ConversionCheck, ExtentCheck, RateCheck
from incursion.checks._language import EstimativeLanguageCheck, UnsupportedAllegationCheck
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

__all__ = ["BUILTIN", "ENTRY_POINT_GROUP", "CheckError", "available", "register", "unregister"]

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
