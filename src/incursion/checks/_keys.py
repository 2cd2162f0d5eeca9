"""What makes two figures comparable: the same measure of the same thing."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from incursion.checks._core import Figure

__all__ = ["by_measure"]


def by_measure(figures: Iterable[Figure]) -> dict[tuple[Any, ...], list[Figure]]:
    """Group figures by their measure key, each group sorted by the start of its span."""
    groups: dict[tuple[Any, ...], list[Figure]] = defaultdict(list)
    for figure in figures:
        groups[figure.key].append(figure)
    for group in groups.values():
        if len(group) > 1:
            group.sort(key=lambda f: (f.record.as_of.start, f.record.as_of.end, f.record.id))
    return groups
