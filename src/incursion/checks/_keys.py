"""What makes two figures comparable: the same measure of the same thing."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from incursion.checks._core import Context, Figure

__all__ = ["by_measure", "measure_groups", "source_series"]


def by_measure(figures: Iterable[Figure]) -> dict[tuple[Any, ...], list[Figure]]:
    """Group figures by their measure key, each group sorted by the start of its span."""
    groups: dict[tuple[Any, ...], list[Figure]] = defaultdict(list)
    for figure in figures:
        groups[figure.key].append(figure)
    for group in groups.values():
        if len(group) > 1:
            group.sort(key=lambda f: (f.record.as_of.start, f.record.as_of.end, f.record.id))
    return groups


def measure_groups(context: Context) -> dict[tuple[Any, ...], list[Figure]]:
    """The context's figures grouped by measure, built once and shared by the checks.

    The figures of a record that a later record revises are left out: a correction
    replaces what it corrects, and is reported as a revision, not as a disagreement or a
    fall.
    """
    return context.shared("by-measure", lambda: by_measure(_current(context)))


def _current(context: Context) -> tuple[Figure, ...]:
    """The figures that no revision restates.

    A revision replaces each figure it restates; the figures it leaves out still stand.
    """
    restated = {
        (record.revises, field)
        for record in context.related()
        if record.revises is not None
        for field, _ in record.figure_items()
    }
    figures = context.figures()
    if not restated:
        return figures
    return tuple(
        f for f in figures if (f.record.id, f.field.partition(".parts.")[0]) not in restated
    )


def source_series(context: Context, wanted: Callable[[Figure], bool]) -> Iterator[list[Figure]]:
    """Each source's series of two or more figures of one measure, sorted by end date.

    ``wanted`` is asked of the first figure of each measure group: a check that follows
    series over time says which measures it follows.
    """
    for group in measure_groups(context).values():
        if len(group) < 2 or not wanted(group[0]):
            continue
        by_source: dict[str, list[Figure]] = {}
        for figure in group:
            by_source.setdefault(figure.record.source.id, []).append(figure)
        for series in by_source.values():
            if len(series) > 1:
                series.sort(key=lambda f: (f.record.as_of.end, f.record.id))
                yield series
