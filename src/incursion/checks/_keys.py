"""What makes two figures comparable: the same measure of the same thing."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

from incursion._records import Allegation, CasualtyReport, TerritorialClaim
from incursion.checks._core import Figure

__all__ = ["by_measure", "measure_key", "windows"]


def measure_key(figure: Figure) -> tuple[Any, ...]:
    """The comparability key of a figure: subject, kind, field, qualifiers, dimension.

    Figures with different keys measure different things and are never compared.
    """
    record = figure.record
    key: tuple[Any, ...] = (record.subject, record.kind, figure.field, figure.estimate.dimension)
    if isinstance(record, TerritorialClaim):
        return (*key, record.controller, record.predicate, record.status)
    if isinstance(record, CasualtyReport):
        return (*key, record.party, record.population)
    if isinstance(record, Allegation):
        return (*key, record.accused, record.act)
    return key


def by_measure(figures: Iterable[Figure]) -> dict[tuple[Any, ...], list[Figure]]:
    """Group figures by :func:`measure_key`, each group sorted by the start of its span."""
    groups: dict[tuple[Any, ...], list[Figure]] = defaultdict(list)
    for figure in figures:
        groups[measure_key(figure)].append(figure)
    for group in groups.values():
        group.sort(key=lambda f: (f.record.as_of.start, f.record.as_of.end, f.record.id))
    return groups


def windows(group: list[Figure]) -> Iterator[tuple[Figure, list[Figure]]]:
    """Each figure with the earlier figures of its group whose spans overlap its own.

    A sweep over spans sorted by start: work grows with the number of figures that share
    a window, not with the square of the group.
    """
    active: list[Figure] = []
    for figure in group:
        start = figure.record.as_of.start
        active = [f for f in active if f.record.as_of.end >= start]
        yield figure, active
        active.append(figure)
