"""Coverage: which figures the checks put side by side with another, and which stood alone.

A report that finds nothing means something only beside what was compared.  Each built-in
check that compares figures says which it compared (its ``compared`` method, built from
the same groupings it checks); a check of one's own may say so too.  The figures no check
that ran compared are *alone*, and :func:`uncompared` says, for each, the nearest figure it
was not compared with and why: another measure, another subject, dates too far apart, or
scopes that do not overlap.
"""

from __future__ import annotations

import operator
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from typing import Any, Final

import attrs

from incursion.checks._core import Check, Context, Figure
from incursion.checks._scope import Scope, relate

__all__ = ["Coverage", "Uncompared", "coverage", "overlapping"]

#: Why two figures were not compared, in the order :func:`uncompared` looks for them.
REASONS: Final = ("scope", "dates", "subject", "measure")


@attrs.frozen
class Uncompared:
    """A figure no check compared with another: the nearest figure, and why not compared.

    Attributes:
        records: The id of the record whose figure stood alone, then that of the nearest
            figure's record (none when there is no figure of its subject or measure).
        reason: ``scope`` (one measure of one subject, but scopes that do not overlap:
            civilians and soldiers), ``dates`` (one measure and scope, but windows too far
            apart to compare), ``subject`` (one measure of different subjects),
            ``measure`` (one subject, different measures), ``checks`` (comparable, but
            the checks that compare them were not selected) or ``nothing`` (no other
            figure of its subject or its measure).
        fields: The figures' fields, in the order of ``records``.

    .. versionadded:: 0.1.0
    """

    records: tuple[str, ...]
    reason: str
    fields: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class Coverage:
    """How many figures the checks compared with another, and how many stood alone.

    Attributes:
        figures: Every figure of every record (totals and named parts alike).
        compared: The figures that at least one check that ran compared with another.
        uncompared: With ``explain``, for each figure that stood alone, the nearest
            figure it was not compared with and why.

    .. versionadded:: 0.1.0
    """

    figures: int = 0
    compared: int = 0
    uncompared: tuple[Uncompared, ...] = ()

    @property
    def alone(self) -> int:
        """The figures no check compared with another."""
        return self.figures - self.compared

    def to_json(self) -> dict[str, int]:
        """The ``summary.coverage`` object of the JSON report."""
        return {"figures": self.figures, "compared": self.compared, "alone": self.alone}

    def describe(self) -> str:
        """The coverage in words, as the end of a report's summary line says it."""
        if not self.figures:
            return "no figures to compare"
        if not self.compared:
            return f"none of the {_figures(self.figures)} was compared with another"
        return (
            f"{self.compared} of {_figures(self.figures)} compared with another, {self.alone} alone"
        )


def _figures(n: int) -> str:
    return f"{n} figure{'s' if n != 1 else ''}"


def coverage(context: Context, checks: Sequence[Check], *, explain: bool = False) -> Coverage:
    """The coverage of a run of ``checks`` on ``context``.

    Args:
        context: What the checks read.
        checks: The checks that ran.  A check without a ``compared`` method is taken to
            have compared nothing.
        explain: Also say, for each figure that stood alone, what it was not compared
            with and why.
    """
    figures = context.figures()
    seen: set[int] = set()  # the figures' ids: each is held by the context while it runs
    for check in checks:
        if len(seen) == len(figures):
            break  # every figure was compared: the other checks cannot add one
        compared: Callable[[Context], Iterable[Figure]] | None = getattr(check, "compared", None)
        if compared is not None:
            seen.update(map(id, compared(context)))
    if not explain:  # a count, without a list of the figures left alone
        count = sum(map(seen.__contains__, map(id, figures)))
        return Coverage(figures=len(figures), compared=count)
    alone = [f for f in figures if id(f) not in seen]
    return Coverage(
        figures=len(figures),
        compared=len(figures) - len(alone),
        uncompared=tuple(uncompared(figures, alone)),
    )


#: Up to this many figures, :func:`overlapping` compares every pair.
_SMALL: Final = 8


def overlapping(
    figures: Iterable[Figure],
    key: Callable[[Figure], Hashable],
    differs: Callable[[Any, Any], bool] | None = None,
) -> Iterator[Figure]:
    """The figures whose window overlaps that of a figure with another ``key``.

    ``figures`` must be sorted by the start of their window.  ``differs`` says which keys
    are "another" (default: any key not equal).  One sweep keeps the latest-ending window
    of each key seen so far (only the two latest of distinct keys, with the default), so
    each figure learns whether some earlier figure of another key is still open; the open
    figures not yet yielded wait by key, and are yielded when a figure of another key
    meets them.
    """
    other_key = differs or operator.ne
    figures = list(figures)
    if len(figures) <= _SMALL:
        yield from _few_overlapping(figures, key, other_key)
        return
    waiting: dict[Hashable, list[Figure]] = defaultdict(list)
    latest: dict[Hashable, Any] = {}  # each key's latest end (two keys, with the default)
    for figure in figures:
        start, end, own = figure.record.as_of.start, figure.record.as_of.end, key(figure)
        if any(other_key(k, own) and e >= start for k, e in latest.items()):
            yield figure
            for other, items in waiting.items():
                if other_key(other, own) and items:
                    yield from (f for f in items if f.record.as_of.end >= start)
                    items.clear()  # each met now, or closed for every later figure
        else:
            waiting[own].append(figure)
        latest[own] = max(end, latest.get(own, end))
        if differs is None and len(latest) > 2:  # the two latest of distinct keys suffice
            top = sorted(latest.items(), key=lambda item: item[1], reverse=True)[:2]
            latest = dict(top)


def _few_overlapping(
    figures: list[Figure], key: Callable[[Figure], Hashable], other_key: Callable[[Any, Any], bool]
) -> Iterator[Figure]:
    """:func:`overlapping` for a few figures: every pair, without the sweep's bookkeeping."""
    if len(figures) == 2:  # the commonest case: two figures
        a, b = figures
        if other_key(key(a), key(b)) and a.record.as_of.overlaps(b.record.as_of):
            yield from figures
        return
    spans = [(key(f), f.record.as_of.start, f.record.as_of.end) for f in figures]
    for figure, (own, start, end) in zip(figures, spans, strict=True):
        for other, first, last in spans:
            if other_key(other, own) and first <= end and start <= last:
                yield figure
                break


def uncompared(figures: Sequence[Figure], alone: Sequence[Figure]) -> Iterator[Uncompared]:
    """For each figure that stood alone, the nearest figure of another record, and why.

    Looks first for a figure of the same measure and subject whose scope does not
    overlap (``scope``), then one of the same measure and scope on other dates
    (``dates``), then one of the same measure of another subject (``subject``), then
    another measure of the same subject (``measure``).  Each index keeps, of each kind
    of difference, two figures of distinct records: a lookup stops within a few steps.
    """
    indexes: dict[str, dict[Hashable, dict[Hashable, list[Figure]]]] = {
        reason: defaultdict(dict) for reason in REASONS
    }
    for figure in figures:
        for reason in REASONS:
            index, differing = _keys(reason, figure)
            bucket = indexes[reason][index].setdefault(differing, [])
            if len(bucket) < 2 and all(f.record is not figure.record for f in bucket):
                bucket.append(figure)
    for figure in alone:
        for reason in REASONS:
            index, own = _keys(reason, figure)
            near = _nearest(figure, own, indexes[reason][index], same=reason == "dates")
            if near is not None:
                yield Uncompared(
                    records=(figure.record.id, near.record.id),
                    reason=_why(reason, figure, near),
                    fields=(figure.field, near.field),
                )
                break
        else:  # no figure of its subject or its measure anywhere else
            yield Uncompared(records=(figure.record.id,), reason="nothing", fields=(figure.field,))


def _why(reason: str, figure: Figure, near: Figure) -> str:
    """The reason, made exact: scopes that meet are not apart, windows that meet not far."""
    if reason == "scope":
        a, b = figure.key, near.key
        if relate(a[3], a[0], b[0], a[4:-1], b[4:-1])[0] is not Scope.APART:
            reason = "dates"  # the scopes meet: the dates (or the checks) kept them apart
    if reason == "dates" and figure.record.as_of.overlaps(near.record.as_of):
        return "checks"  # comparable, and yet alone: no check that compares them ran
    return reason


def _keys(reason: str, figure: Figure) -> tuple[Hashable, Hashable]:
    """Where a figure is indexed for ``reason``, and what must differ there."""
    measure, dimension, subject, kind = figure.key[:4]
    if reason == "scope":  # one measure of one subject; the qualifiers differ
        return (measure, dimension, subject, kind, figure.key[-1]), figure.key
    if reason == "dates":  # one measure, one scope; nothing else differs
        return figure.key, None
    if reason == "subject":  # one measure; the subject differs
        return (measure, dimension, kind), subject
    return (subject, kind), measure  # one subject; the measure differs


def _nearest(
    figure: Figure, own: Hashable, buckets: dict[Hashable, list[Figure]], *, same: bool
) -> Figure | None:
    """A figure of another record from a bucket whose key differs (or, if ``same``, not)."""
    for differing, bucket in buckets.items():
        if (differing == own) is not same:
            continue
        for other in bucket:
            if other.record is not figure.record:
                return other
    return None
