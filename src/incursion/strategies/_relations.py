"""Relations between records' figures: ``within``, ``share_of`` and ``revises``.

A relation names a figure of a record of the document (``"killed"``,
``"equipment.armoured vehicles.parts.tanks"``) of a kind the relating figure can lie
within, and, when its own record holds more than one figure, which of its own it is
about.  Drawn records relate only to records drawn with them (a record alone, only to
itself), so that every reference resolves.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any, Final

import attrs

from incursion._estimates import Estimate
from incursion._records import Count, Record, Relation, Share
from incursion._units import within as within_dimension
from incursion.strategies._draw import pick, st

__all__ = [
    "WHOLES",
    "figure_slots",
    "fits",
    "own_figure",
    "percents",
    "related",
    "stated_as_share",
]


def figure_slots(record: Record) -> list[tuple[str, Estimate]]:
    """Each figure a relation can name in a record: totals and parts, with their paths."""
    out: list[tuple[str, Estimate]] = []
    for name, value in record.figure_items():
        if isinstance(value, Count):
            out.append((name, value.total))
            out.extend((f"{name}.parts.{p.name}", p.estimate) for p in value.parts)
        else:
            out.append((name, value))
    return out


def fits(own: Estimate, wider: Estimate) -> bool:
    """Whether a document accepts ``own`` related to ``wider``: of a kind that lies within it.

    (A figure related to itself, at the same record and field, is refused too: callers
    leave it out.)
    """
    dims = own.dimension, wider.dimension
    return "number" in dims or within_dimension(*dims)


def own_figure(draw: st.DrawFn, record: Record, field: str) -> str | None:
    """The ``figure`` a relation of ``record`` about ``field`` names (``None`` if it may)."""
    totals = record.figures()
    if len(totals) == 1 and totals[0][0] == field and draw(st.booleans()):
        return None
    return field


@functools.cache
def percents() -> st.SearchStrategy[Estimate]:
    """Percentages, read from text in any of its forms or built in Python."""

    def written(pair: tuple[int, int]) -> Estimate:
        hedge, number = pair
        text = _PERCENT_FORMS[hedge].format(n=number / 10, low=number / 20)
        return Estimate.parse(text)

    texts = st.tuples(st.integers(0, len(_PERCENT_FORMS) - 1), st.integers(1, 1_000)).map(written)
    built = st.integers(0, 100).map(lambda n: Estimate.of(n, "percent"))
    return texts | built


_PERCENT_FORMS: Final = (
    "{n:g}%",
    "about {n:g}%",
    "{n:g} per cent",
    "nearly {n:g} percent",
    "more than {n:g}%",
    "up to {n:g}%",
    "at least {n:g} per cent",
    "between {low:g}% and {n:g}%",
)


def _targets(record: Record, field: str, own: Estimate, pool: Sequence[Record]) -> list[Any]:
    """The figures of ``pool`` that the figure at ``field`` of ``record`` may lie within."""
    return [
        (other.id, path)
        for other in pool
        for path, wider in figure_slots(other)
        if fits(own, wider) and not (other is record and path == field)
    ]


def _relation(draw: st.DrawFn, record: Record, pool: Sequence[Record]) -> Relation | None:
    """A relation of one of the record's figures to a figure of ``pool`` it may lie within."""
    own = figure_slots(record)
    if not own:
        return None
    field, estimate = pick(draw, own)
    targets = _targets(record, field, estimate, pool)
    if not targets:
        return None
    target, path = pick(draw, targets)
    return Relation(record=target, field=path, figure=own_figure(draw, record, field))


#: Wholes a share names in words when no record holds them.
WHOLES: Final = ("the population", "the region", "the town's residents", "pre-war stocks")


def _share(draw: st.DrawFn, record: Record, pool: Sequence[Record]) -> Share | None:
    """A share of one of the record's figures, or of a figure field it leaves empty.

    The whole is a figure of ``pool`` the part may lie within, or one named only in words
    (``whole``); a part stated only as the share names a figure field the record leaves
    out, and its whole may be any figure of ``pool``.
    """
    percent = draw(percents())
    whole = pick(draw, (None, *WHOLES))
    empty = [name for name in record.figure_fields() if getattr(record, name) is None]
    own = figure_slots(record)
    mode = draw(st.integers(0, 3))
    if empty and (mode == 0 or not own):  # the part stated only as the share
        unstated = pick(draw, empty)
        anything = [(other.id, path) for other in pool for path, _ in figure_slots(other)]
        if draw(st.booleans()) and anything:
            target, path = pick(draw, anything)
            return Share(percent=percent, record=target, field=path, figure=unstated, whole=whole)
        return Share(percent=percent, figure=unstated, whole=whole or pick(draw, WHOLES))
    if not own:
        return None
    field, estimate = pick(draw, own)
    figure = own_figure(draw, record, field)
    targets = _targets(record, field, estimate, pool)
    if mode == 1 or not targets:  # a whole not recorded
        return Share(percent=percent, figure=figure, whole=whole or pick(draw, WHOLES))
    target, path = pick(draw, targets)
    return Share(percent=percent, record=target, field=path, figure=figure, whole=whole)


def stated_as_share(draw: st.DrawFn, record: Record) -> Record:
    """The record with its figures left out, one stated only as a share of a whole in words.

    ("Almost 90% of the town's residents were displaced.")
    """
    fields = record.figure_fields()
    share = Share(percent=draw(percents()), figure=pick(draw, fields), whole=pick(draw, WHOLES))
    cleared: dict[str, Any] = dict.fromkeys(fields)
    return attrs.evolve(record, **cleared, share_of=share)


def related(draw: st.DrawFn, made: Sequence[Record]) -> list[Record]:
    """The records, some given relations (within, share_of, revises) among themselves."""
    out = list(made)
    for i, record in enumerate(made):
        changes: dict[str, Any] = {}
        if draw(st.integers(0, 3)) == 0:
            changes["within"] = _relation(draw, record, made)
        if record.share_of is None and draw(st.integers(0, 3)) == 0:
            changes["share_of"] = _share(draw, record, made)
        earlier = [r.id for r in made[:i] if (r.kind, r.subject) == (record.kind, record.subject)]
        if earlier and draw(st.integers(0, 4)) == 0:  # an earlier one: no circles
            changes["revises"] = pick(draw, earlier)
        if any(v is not None for v in changes.values()):
            out[i] = attrs.evolve(record, **changes)
    return out
