"""What makes two figures comparable: the same measure of the same thing."""

from __future__ import annotations

import operator
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Final

from incursion._records import relation_figure
from incursion.checks._core import Context, Figure, measure_of
from incursion.checks._scope import COMBINED, FIELD_WITHIN, Scope, relate

__all__ = [
    "by_measure",
    "measure_groups",
    "multi_groups",
    "parts_of_their_measure",
    "related_groups",
    "series",
]


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

    Left out are the figures of a record that a later record revises (a correction
    replaces what it corrects, and is reported as a revision, not as a disagreement or a
    fall) and a figure its record states ``within`` another record's: the document says
    it is a part of that figure's measure ("this week alone, 776 km²" of the offensive's
    2,434 km²), so it is held to its whole by ``part-whole``, not compared as the same
    measure with the whole's other figures.
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
    """The figures that stand for their measure: none a revision restates, none a part.

    A revision replaces each figure it restates; the figures it leaves out still stand.
    A figure stated within another record's is a part of that measure (see
    :func:`measure_groups`).
    """
    related = context.related()
    restated = {
        (record.revises, measure_of(field))
        for record in related
        if record.revises is not None
        for field, _ in record.figure_items()
    }
    parts = {id(figure) for figure in parts_of_their_measure(context)}
    figures = context.figures()
    if not restated and not parts:
        return figures
    return tuple(
        f
        for f in figures
        if (f.record.id, measure_of(f.field.partition(".parts.")[0])) not in restated
        and id(f) not in parts
    )


def parts_of_their_measure(context: Context) -> list[Figure]:
    """The figures stated within another record's figure of the same measure (built once).

    "Killed: about 300, within a force of 2,000" stays a count of the killed; "776 km²
    this week, within the 2,434 km² of the offensive" is a part of the area retaken, held
    below every figure of that measure (``part-whole``), not compared as equal to them.
    """
    return context.shared("parts-of-their-measure", lambda: list(_parts_of_their_measure(context)))


def _parts_of_their_measure(context: Context) -> Iterator[Figure]:
    for record in context.related():
        relation = record.within
        if relation is None or relation.record in (None, record.id) or relation.field is None:
            continue
        own = relation_figure(record, relation)
        target = context.by_id().get(relation.record or "")
        if own is None or target is None:
            continue
        part, whole = context.figure_at(record, own[0]), context.figure_at(target, relation.field)
        if part is not None and whole is not None and part.key == whole.key:
            yield part


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

#: A key's family: its measure, dimension, subject, kind and stated tally (the measure's
#: family instead, for the measures of :data:`_FAMILY`).
_FAMILY_OF: Final = operator.itemgetter(0, 1, 2, 3, -1)
_COMBINED: Final = operator.itemgetter(1, 2, 3, -1)

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
        family = (_COMBINED(key), "combined") if key[0] in _FAMILY else _FAMILY_OF(key)
        seen = first.setdefault(family, key)
        if seen is not key:
            families.setdefault(family, [seen]).append(key)
    del first
    for members in families.values():
        kind = members[0][3]
        for i, key_a in enumerate(members):
            for key_b in members[i + 1 :]:
                scope, assumed = relate(kind, key_a[0], key_b[0], key_a[4:-1], key_b[4:-1])
                if scope is Scope.WIDER:
                    yield groups[key_b], groups[key_a], Scope.NARROWER, assumed
                elif scope is not Scope.APART:
                    yield groups[key_a], groups[key_b], scope, assumed
