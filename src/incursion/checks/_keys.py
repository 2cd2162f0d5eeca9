"""What makes two figures comparable: the same measure of the same thing."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Final

from incursion.checks._core import Context, Figure, measure_of
from incursion.checks._scope import COMBINED, FIELD_WITHIN, Scope, relate

__all__ = ["by_measure", "measure_groups", "multi_groups", "related_groups", "series"]


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


def multi_groups(context: Context) -> list[list[Figure]]:
    """The measure groups of two figures or more (built once).

    Only these hold figures of one measure to compare with each other.
    """
    return context.shared(
        "multi-groups", lambda: [g for g in measure_groups(context).values() if len(g) > 1]
    )


def _current(context: Context) -> tuple[Figure, ...]:
    """The figures that no revision restates.

    A revision replaces each figure it restates; the figures it leaves out still stand.
    """
    restated = {
        (record.revises, measure_of(field))
        for record in context.related()
        if record.revises is not None
        for field, _ in record.figure_items()
    }
    figures = context.figures()
    if not restated:
        return figures
    return tuple(
        f
        for f in figures
        if (f.record.id, measure_of(f.field.partition(".parts.")[0])) not in restated
    )


def series(context: Context, wanted: Callable[[Figure], bool]) -> Iterator[list[Figure]]:
    """Each series of two or more figures of one measure, from any source, by end date.

    ``wanted`` is asked of the first figure of each measure group.
    """
    return iter(context.shared(f"series {wanted.__qualname__}", lambda: _series(context, wanted)))


def _series(context: Context, wanted: Callable[[Figure], bool]) -> list[list[Figure]]:
    """The series :func:`series` yields, sorted once for every check that follows them."""
    return [
        sorted(group, key=lambda f: (f.record.as_of.end, f.record.id))
        for group in multi_groups(context)
        if wanted(group[0])
    ]


#: The measures that can lie within another (combined counts and their members) share
#: one family; any other measure relates only to itself.
_FAMILY: Final = dict.fromkeys((*COMBINED, *FIELD_WITHIN), "combined")

#: Two measure groups whose scopes are related, the narrower (or either) first, with the
#: relation and what it assumes of a qualifier one side leaves out.
RelatedGroups = tuple[list[Figure], list[Figure], Scope, tuple[str, ...]]


def related_groups(context: Context) -> list[RelatedGroups]:
    """The pairs of measure groups whose scopes are related (built once, shared).

    Groups of one subject, kind, dimension and stated tally whose qualifiers differ are
    related when :func:`~incursion.checks._scope.relate` finds them the same scope (by
    an assumption) or one within the other; the narrower group comes first.
    """
    return context.shared("related-groups", lambda: list(_related(measure_groups(context))))


def _related(groups: dict[tuple[Any, ...], list[Figure]]) -> Iterator[RelatedGroups]:
    # Most families have one member: each family keeps its first member's key, and only
    # the families that gain a second get a list (a large document makes millions).
    first: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    families: dict[tuple[Any, ...], list[tuple[Any, ...]]] = {}
    for key in groups:  # only one measure, or combined counts, can relate
        family = (key[1], key[2], key[3], key[-1], _FAMILY.get(key[0], key[0]))
        seen = first.setdefault(family, key)
        if seen is not key:
            families.setdefault(family, [seen]).append(key)
    del first
    for family, members in families.items():
        kind = family[2]
        for i, key_a in enumerate(members):
            for key_b in members[i + 1 :]:
                scope, assumed = relate(kind, key_a[0], key_b[0], key_a[4:-1], key_b[4:-1])
                if scope is Scope.WIDER:
                    yield groups[key_b], groups[key_a], Scope.NARROWER, assumed
                elif scope is not Scope.APART:
                    yield groups[key_a], groups[key_b], scope, assumed
