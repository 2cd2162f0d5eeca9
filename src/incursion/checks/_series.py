"""Checks that compare figures of the same measure: across sources, within one, over time."""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import Any, ClassVar, Final

import attrs

from incursion._estimates import Estimate, Hedge
from incursion._records import (
    CasualtyReport,
    Count,
    Record,
    Relation,
    Share,
    Status,
    Tally,
    relation_figure,
)
from incursion._units import resolve_unit
from incursion.checks._core import (
    Cited,
    Context,
    Figure,
    Finding,
    Severity,
    cite,
    cite_figure,
    fmt,
    measure_key,
    said,
    told,
    unique,
)
from incursion.checks._coverage import overlapping
from incursion.checks._keys import (
    RelatedGroups,
    measure_groups,
    multi_groups,
    parts_of_their_measure,
    related_groups,
    series,
)
from incursion.checks._scope import COMBINED, Scope, narrowing

__all__ = [
    "CumulativeDecreaseCheck",
    "DisagreementCheck",
    "PartWholeCheck",
    "RevisionCheck",
    "RunningTotalCheck",
    "SelfContradictionCheck",
    "ShareCheck",
]


def _gap(a: Estimate, b: Estimate) -> float | None:
    """How far apart two intervals are (canonical units), or ``None`` if they meet.

    Intervals that touch at a point one of them excludes ("more than 70 km" and "up to
    70 km") do not meet: they are 0 apart.
    """
    for lo, hi in ((a, b), (b, a)):
        high = lo.canonical_high
        if high is not None and (
            high < hi.canonical_low or (high == hi.canonical_low and (lo.high_open or hi.low_open))
        ):
            return hi.canonical_low - high
    return None


def _unit(e: Estimate) -> str:
    """The canonical unit's symbol, or nothing for counts and bare numbers."""
    if e.is_count or e.dimension in ("number", "ratio"):
        return ""
    return resolve_unit(e.canonical_unit).symbol


def _tension(a: Estimate, b: Estimate) -> float:
    larger = max(abs(a.canonical_value), abs(b.canonical_value))
    return abs(a.canonical_value - b.canonical_value) / larger if larger else 0.0


def _gap_below(later: Estimate, earlier: Estimate) -> bool:
    """Whether ``later`` lies wholly below ``earlier``."""
    high = later.canonical_high
    return high is not None and (
        high < earlier.canonical_low
        or (high == earlier.canonical_low and (later.high_open or earlier.low_open))
    )


def two_sided(e: Estimate) -> bool:
    """Whether a figure bounds its value on both sides (so its best value means something).

    "At least 39" and "up to 1,000" are one-sided: only their bound is a claim.
    """
    return e.canonical_high is not None and e.hedge not in _ONE_SIDED


_ONE_SIDED: Final = frozenset({Hedge.AT_LEAST, Hedge.MORE_THAN, Hedge.UP_TO, Hedge.FEWER_THAN})


class _Extremes:
    """The figures of one source in the open window that can conflict with a new one."""

    __slots__ = ("max_low", "max_value", "min_high", "min_value")

    def __init__(self) -> None:
        self.min_high: Figure | None = None
        self.max_low: Figure | None = None
        self.min_value: Figure | None = None
        self.max_value: Figure | None = None

    def add(self, f: Figure) -> None:
        e = f.estimate
        if e.canonical_high is not None and (
            self.min_high is None or e.canonical_high < self.min_high.estimate.canonical_high  # type: ignore[operator]
        ):
            self.min_high = f
        if self.max_low is None or e.canonical_low > self.max_low.estimate.canonical_low:
            self.max_low = f
        if two_sided(e):
            if (
                self.min_value is None
                or e.canonical_value < self.min_value.estimate.canonical_value
            ):
                self.min_value = f
            if (
                self.max_value is None
                or e.canonical_value > self.max_value.estimate.canonical_value
            ):
                self.max_value = f


class _PairCheck:
    """Compares each figure with the figures of its measure whose windows overlap its own.

    Against each other source (or its own source), a new figure is compared with the
    figures that could conflict with it most — the lowest high, the highest low, the
    smallest and largest best values — so that work grows with the number of sources in
    a window, not with the square of the figures in it, and one figure gives at most one
    finding per source.
    """

    id: ClassVar[str]
    what: ClassVar[str]
    same_source: ClassVar[bool]
    tension: float

    def __call__(self, context: Context) -> Iterator[Finding]:
        """Compare figures of the same measure whose windows overlap.

        Figures of one scope are compared; so are figures whose scopes are the same only
        where one record leaves a qualifier out, as warnings that name the assumption.
        """
        for a, b, assumed in _pairs(context)[self.same_source]:
            finding = self._compare(a, b, assumed)
            if finding is not None:
                yield finding
        for group in multi_groups(context):
            if len(group) > 2:
                yield from self._group(group)
        for narrower, wider, scope, assumed in related_groups(context):
            if scope is Scope.SAME and len(narrower) + len(wider) > 2:
                yield from self._group(_merged(narrower, wider), {id(f) for f in wider}, assumed)

    def compared(self, context: Context) -> Iterator[Figure]:
        """The figures this check put beside another: of one scope, in overlapping windows."""
        for a, b, _ in _pairs(context)[self.same_source]:
            yield a
            yield b
        for group in multi_groups(context):
            if len(group) > 2:
                yield from self._overlapping(group, None)
        for narrower, wider, scope, _ in related_groups(context):
            if scope is Scope.SAME and len(narrower) + len(wider) > 2:
                yield from self._overlapping(_merged(narrower, wider), {id(f) for f in wider})

    def _overlapping(self, group: list[Figure], across: set[int] | None) -> Iterator[Figure]:
        """Figures of the group that meet one this check compares them with."""

        def side(f: Figure) -> bool:
            return across is not None and id(f) in across

        if not self.same_source:
            if across is None:
                yield from overlapping(group, _source_of)
            else:  # another side and another source
                yield from overlapping(group, lambda f: (side(f), f.record.source.id), _both_differ)
            return
        by_source: dict[str, list[Figure]] = {}
        for figure in group:
            by_source.setdefault(figure.record.source.id, []).append(figure)
        if len(by_source) == len(group):
            return  # one figure a source: no source compared with itself
        for figures in by_source.values():
            if across is None:
                yield from overlapping(figures, lambda f: f.record.id)
            else:
                yield from overlapping(figures, side)

    def _group(
        self, group: list[Figure], across: set[int] | None = None, assumed: tuple[str, ...] = ()
    ) -> Iterator[Finding]:
        """Sweep a group sorted by start; ``across`` marks one side when two groups meet."""
        active: list[Figure] = []
        extremes: dict[tuple[bool, str], _Extremes] = {}
        earliest_end = None
        for figure in group:
            start = figure.record.as_of.start
            if earliest_end is not None and earliest_end < start:  # some windows closed
                active = [f for f in active if f.record.as_of.end >= start]
                extremes = {}
                for f in active:
                    side = across is not None and id(f) in across
                    extremes.setdefault((side, f.record.source.id), _Extremes()).add(f)
                earliest_end = min((f.record.as_of.end for f in active), default=None)
            source = figure.record.source.id
            side = across is not None and id(figure) in across
            for (other_side, other_source), ext in extremes.items():
                if (other_side != side or across is None) and (
                    other_source == source
                ) is self.same_source:
                    finding = self._against(figure, ext, assumed)
                    if finding is not None:
                        yield finding
            active.append(figure)
            extremes.setdefault((side, source), _Extremes()).add(figure)
            end = figure.record.as_of.end
            earliest_end = end if earliest_end is None else min(earliest_end, end)

    def _against(self, figure: Figure, ext: _Extremes, assumed: tuple[str, ...]) -> Finding | None:
        for other in (ext.min_high, ext.max_low):
            if (
                other is not None
                and other.record is not figure.record
                and not _relates(other.record, figure.record)
                and _gap(other.estimate, figure.estimate) is not None
            ):
                return self._compare(other, figure, assumed)
        if two_sided(figure.estimate):
            for other in (ext.min_value, ext.max_value):
                if (
                    other is not None
                    and other.record is not figure.record
                    and not _relates(other.record, figure.record)
                    and _tension(other.estimate, figure.estimate) > self.tension
                ):
                    return self._compare(other, figure, assumed)
        return None

    def _compare(self, a: Figure, b: Figure, assumed: tuple[str, ...] = ()) -> Finding | None:
        if _relates(a.record, b.record):
            return None  # the document says one is part of the other: not the same thing
        if _since_one_start(a, b):
            return self._since(a, b, assumed)
        if (b.position, b.field) < (a.position, a.field):  # name them in document order
            a, b = b, a
        ea, eb = a.estimate, b.estimate
        gap = _gap(ea, eb)
        if gap is None and not (
            two_sided(ea) and two_sided(eb) and _tension(ea, eb) > self.tension
        ):
            return None  # the common case: the two agree
        unit = _unit(ea)
        same_window = a.record.as_of == b.record.as_of
        if gap is not None:
            severity = Severity.ERROR if same_window else Severity.WARNING
            detail = f"the ranges are {fmt(gap, unit)} apart"
        else:  # they meet, but their best values are far apart
            severity = Severity.WARNING
            detail = (
                f"the best values differ by {_tension(ea, eb):.0%} of the larger "
                f"(more than {self.tension:.0%}), though the two meet"
            )
        if not same_window:
            detail += (
                f"; their windows ({a.record.as_of}, {b.record.as_of}) only overlap, so they "
                "may describe different moments"
            )
        elif self.same_source and _updates(a, b):
            severity = Severity.INFO
            detail += f"; {_UPDATE.format(window=a.record.as_of)}"
        if assumed:
            severity = min(severity, Severity.WARNING)
            detail += f"; {_assuming(assumed)}"
        statuses = (_status(a.record), _status(b.record))
        if statuses[0] != statuses[1]:
            detail += f"; {statuses[0]} against {statuses[1]}"
        first, second = a.record.source.name, b.record.source.name
        if self.same_source:
            first, second = _dated(a), _dated(b)
        message = f"{_words(a.key[0])}: {told(ea, first)} against {told(eb, second)}: {detail}"
        return _of_two(self, severity, a, b, message)

    def _since(self, a: Figure, b: Figure, assumed: tuple[str, ...]) -> Finding | None:
        """Totals over two periods from one start: the longer may not be the smaller.

        "205 settlements since 1 January" to 25 September and "212" to 7 October are two
        running totals, not two values of one: only a fall between them is a finding.
        """
        if b.record.as_of.end < a.record.as_of.end:
            a, b = b, a  # a: the shorter period
        high = b.estimate.canonical_high
        if high is None or high >= a.estimate.canonical_low:
            return None
        severity = Severity.ERROR if self.same_source and not assumed else Severity.WARNING
        detail = f"; {_assuming(assumed)}" if assumed else ""
        start = a.record.as_of.start
        message = (
            f"{_words(a.key[0])}: {told(a.estimate, _dated(a))} but "
            f"{told(b.estimate, _dated(b))}: a total since {start} is smaller over the "
            f"longer period{detail}"
        )
        return _of_two(self, severity, a, b, message)


def _of_two(check: Any, severity: Severity, a: Figure, b: Figure, message: str) -> Finding:
    """A finding of ``check`` on two figures, citing both."""
    return Finding(
        check=check.id,
        severity=severity,
        records=(a.record.id, b.record.id),
        paths=(a.path, b.path),
        message=message,
        explanation=check.what,
        cited=(cite_figure(a), cite_figure(b)),
    )


def _dated(figure: Figure) -> str:
    """A figure's source and window, as a message names them."""
    return f"{figure.record.source.name}, {figure.record.as_of}"


def _since_one_start(a: Figure, b: Figure) -> bool:
    """Whether two figures are totals over two periods from one start ("since 1 January")."""
    first, second = a.record.as_of, b.record.as_of
    return first.start == second.start and first.end != second.end


@attrs.frozen
class DisagreementCheck(_PairCheck):
    """Different sources give incompatible figures for the same measure, subject and time."""

    id: ClassVar[str] = "disagreement"
    title: ClassVar[str] = "Sources that disagree"
    severity: ClassVar[Severity] = Severity.ERROR
    same_source: ClassVar[bool] = False
    what: ClassVar[str] = (
        "Compares figures from different sources that measure the same thing (same subject, "
        "record kind and field, and qualifiers that are equal or left out on one side; a "
        "claim and an assessment alike) in overlapping time windows: an error when the "
        "intervals their wording admits are disjoint and the windows are the same (a "
        "warning when the windows only overlap, as a month and a day in it may describe "
        "different moments, or when the comparison rests on a qualifier one record left "
        "out); a warning when the intervals meet but the best values differ by more than "
        'the tension threshold.  Lower bounds ("at least 39") agree with anything above '
        "them.  Growth over time is not disagreement: figures of different dates are "
        "followed by cumulative-decrease, running-total and rate instead; figures over two "
        'periods from one start ("since 1 January", to two dates) are running totals, and '
        "only the longer period's being the smaller is a finding."
    )
    why: ClassVar[str] = "Two figures for the same thing that cannot both be true: one is wrong."
    example: ClassVar[str] = (
        "100,000 people fled (95,000–105,000) against about 121,000 evacuated "
        "(108,900–133,100) on the same day: 3,900 apart."
    )
    todo: ClassVar[str] = (
        "Check that both measure the same thing (fled versus evacuated, held versus "
        "operating in); if they do, weigh the sources."
    )

    tension: float = attrs.field(
        default=0.25,
        metadata={
            "why": "A share of the larger best value. Sources rounding the same count rarely "
            "differ by more than a quarter; a larger gap between figures whose intervals "
            "meet is worth a look."
        },
    )


@attrs.frozen
class SelfContradictionCheck(_PairCheck):
    """One source gives two incompatible figures for the same measure and time."""

    id: ClassVar[str] = "self-contradiction"
    title: ClassVar[str] = "A source that contradicts itself"
    severity: ClassVar[Severity] = Severity.ERROR
    same_source: ClassVar[bool] = True
    what: ClassVar[str] = (
        "Compares the figures one source gives for the same measure in overlapping time "
        "windows, under the same rules as disagreement, with one difference: two values of "
        "a running total (killed, wounded, captured) on the same day are info, not an "
        "error, since a source updates its toll as it rises and a date does not say which "
        "statement came first; a longer window is a period, whose count is given once. "
        "Two such statements must then rise together: when one running total rises from "
        "the first to the second and another falls (174 killed, 29 of them women, then "
        "181, 21 of them women), they are in no order at all, an error."
    )
    why: ClassVar[str] = (
        "A source that gives two incompatible figures for one thing has revised, misspoken "
        "or been mis-reported."
    )
    example: ClassVar[str] = "One official gives 28 and then 74 settlements for the same day."
    todo: ClassVar[str] = "Find the later or the corrected statement; record only that one."

    tension: float = attrs.field(
        default=0.25,
        metadata={
            "why": "A share of the larger best value. Sources rounding the same count rarely "
            "differ by more than a quarter; a larger gap between figures whose intervals "
            "meet is worth a look."
        },
    )

    def __call__(self, context: Context) -> Iterator[Finding]:
        """The pair comparisons, and one day's two updates that cannot be in either order."""
        yield from super().__call__(context)
        yield from self._no_order(context)

    def _no_order(self, context: Context) -> Iterator[Finding]:
        """Two statements of one source on one day whose running totals cross.

        Two same-day values of a running total are an update (info), the lower the
        earlier.  Two statements giving several running totals must then rise together:
        "174 killed, 29 of them women" and "181 killed, 21 of them women" are in no order
        in which both rise.
        """
        # For two statements (by their positions), a running total lower in the first.
        lower: dict[tuple[int, int], tuple[Figure, Figure]] = {}
        for group in multi_groups(context):
            if len(group) == 2 and group[0].record.source.id != group[1].record.source.id:
                continue  # the common case: two sources, no update
            if group[0].tally is not Tally.CUMULATIVE:
                continue
            days: dict[tuple[str, Any], list[Figure]] = defaultdict(list)
            for figure in group:  # one source's figures of one day, a handful at most
                days[figure.record.source.id, figure.record.as_of].append(figure)
            for same in days.values():
                for i, a in enumerate(same):
                    for b in same[i + 1 :]:
                        order = _lower_first(a, b) if _updates(a, b) else None
                        if order is not None:
                            lower.setdefault((order[0].position, order[1].position), order)
        for (first, second), up in lower.items():
            crossing = lower.get((second, first))
            if first > second or crossing is None:
                continue  # up rises from the earlier statement to the later; crossing falls
            down = (crossing[1], crossing[0])
            yield Finding(
                check=self.id,
                severity=Severity.ERROR,
                records=(up[0].record.id, up[1].record.id),
                paths=(up[0].path, up[1].path, down[0].path, down[1].path),
                message=(
                    f"{_dated(up[0])}: in no order do both running totals rise: "
                    f"{_counted(up[0].field)} {said(up[0].estimate)} then "
                    f"{said(up[1].estimate)}, but {_counted(down[0].field)} "
                    f"{said(down[0].estimate)} then {said(down[1].estimate)}"
                ),
                explanation=self.what,
                cited=tuple(cite_figure(f) for f in (*up, *down)),
            )


def _counted(field: str) -> str:
    """A count or a part of it, as a message names it: "women of the killed"."""
    name, _, part = field.partition(".parts.")
    return f"{part} of the {_words(name)}" if part else _words(name)


def _lower_first(a: Figure, b: Figure) -> tuple[Figure, Figure] | None:
    """The two figures, the wholly lower first, or ``None`` if their intervals meet."""
    a_high, b_high = a.estimate.canonical_high, b.estimate.canonical_high
    if a_high is not None and a_high < b.estimate.canonical_low:
        return a, b
    if b_high is not None and b_high < a.estimate.canonical_low:
        return b, a
    return None


def _merged(a: list[Figure], b: list[Figure]) -> list[Figure]:
    """Two groups' figures in one list, sorted as each group is (by start of span)."""
    return sorted(a + b, key=lambda f: (f.record.as_of.start, f.record.as_of.end, f.record.id))


_STATUS_WORDS: Final = {
    Status.CLAIMED: "claim",
    Status.ASSESSED: "assessment",
    Status.DOCUMENTED: "documented count",
}


def _status(record: Record) -> str:
    """What a record's figures are: a claim, an assessment or a documented count."""
    return _STATUS_WORDS[getattr(record, "status", None) or Status.CLAIMED]


#: Two figures of one scope whose windows overlap, and what their scope assumes.
_Pair = tuple[Figure, Figure, tuple[str, ...]]


def _pairs(context: Context) -> dict[bool, list[_Pair]]:
    """The scopes of exactly two figures, of two records whose windows overlap (built once).

    Keyed by whether the two come from the same source: the commonest comparisons, made
    directly rather than by a sweep.
    """
    return context.shared("pairs", lambda: _gather_pairs(context))


def _gather_pairs(context: Context) -> dict[bool, list[_Pair]]:
    pairs: dict[bool, list[_Pair]] = {True: [], False: []}
    twos: list[_Pair] = [(g[0], g[1], ()) for g in multi_groups(context) if len(g) == 2]
    twos += (
        (narrower[0], wider[0], assumed)
        for narrower, wider, scope, assumed in related_groups(context)
        if scope is Scope.SAME and len(narrower) == len(wider) == 1
    )
    for a, b, assumed in twos:
        if a.record is not b.record and a.record.as_of.overlaps(b.record.as_of):
            pairs[a.record.source.id == b.record.source.id].append((a, b, assumed))
    return pairs


def _source_of(figure: Figure) -> str:
    return figure.record.source.id


def _both_differ(a: tuple[Any, ...], b: tuple[Any, ...]) -> bool:
    """Whether two keys differ in every part (another side and another source)."""
    return all(x != y for x, y in zip(a, b, strict=True))


def _itself(figure: Figure) -> int:
    """A key for two figures of two groups: any two distinct figures differ by it."""
    return id(figure)


def _sides(first: list[Figure]) -> Callable[[Figure], bool]:
    """A key that tells the figures of ``first`` from the others."""
    ids = frozenset(id(f) for f in first)
    return lambda f: id(f) in ids


def _ends(context: Context, record: Record, relation: Relation | Share) -> Iterator[Figure]:
    """The figures at both ends of a relation, when both exist."""
    target = context.by_id().get(relation.record or "")
    own = relation_figure(record, relation)
    if target is None or own is None or relation.field is None:
        return
    mine, theirs = context.figure_at(record, own[0]), context.figure_at(target, relation.field)
    if mine is not None and theirs is not None:
        yield from (mine, theirs)


def _relates(a: Record, b: Record) -> bool:
    """Whether one record says its figure lies within, or is a share of, the other's."""
    if a.within is None and a.share_of is None and b.within is None and b.share_of is None:
        return False  # the common case: neither names another
    return any(
        relation is not None and relation.record == other.id
        for record, other in ((a, b), (b, a))
        for relation in (record.within, record.share_of)
    )


def _lowest_high(figures: Iterable[Figure]) -> Figure | None:
    """Of the figures, the one whose interval ends lowest (unbounded ones never do)."""
    bounded = [f for f in figures if f.estimate.canonical_high is not None]
    return min(bounded, key=lambda f: f.estimate.canonical_high or 0.0, default=None)


def _assuming(assumed: tuple[str, ...]) -> str:
    """What a comparison assumed of the qualifiers one record left out."""
    return f"compared assuming {' and '.join(assumed)} where one record does not say"


def _updates(a: Figure, b: Figure) -> bool:
    """Whether one of two figures of one day may be a later update of the other.

    A running total (killed, wounded, captured) rises as a source updates it, and a date
    does not say which of two statements that day came first: one source's two values of
    it on one day are an update, not a contradiction.  A longer window ("during the last
    24 hours", 21 to 22 October) is a period, whose count one source should give once.
    """
    span = a.record.as_of
    return span.start == span.end and a.tally is b.tally is Tally.CUMULATIVE


_UPDATE: Final = (
    "a running total can rise during {window}, so the higher may be a later update of the lower"
)


def _cumulative(figure: Figure) -> bool:
    """Whether a figure is a total that only grows over time (not a part, not a stock)."""
    return ".parts." not in figure.key[0] and figure.tally is Tally.CUMULATIVE


class _Leaders:
    """The highest figures added so far, by a key: each source's, and two of distinct sources.

    A new figure meets its own source's highest and the highest of any other source in
    constant time, however many sources there are.
    """

    __slots__ = ("by_source", "key", "top")

    def __init__(self, key: Callable[[Figure], float]) -> None:
        self.key = key
        self.by_source: dict[str, Figure] = {}
        self.top: list[Figure] = []  # at most two, of distinct sources, highest first

    def add(self, figure: Figure) -> None:
        source, value = figure.record.source.id, self.key(figure)
        own = self.by_source.get(source)
        if own is None or value > self.key(own):
            self.by_source[source] = figure
            others = [f for f in self.top if f.record.source.id != source]
            self.top = sorted([figure, *others], key=self.key, reverse=True)[:2]

    def own(self, figure: Figure) -> Figure | None:
        """The highest earlier figure of the figure's own source."""
        return self.by_source.get(figure.record.source.id)

    def other(self, figure: Figure) -> Figure | None:
        """The highest earlier figure of any other source."""
        source = figure.record.source.id
        return next((f for f in self.top if f.record.source.id != source), None)


@attrs.frozen
class CumulativeDecreaseCheck:
    """A cumulative count that falls over time: within one source, or from one to another."""

    id: ClassVar[str] = "cumulative-decrease"
    title: ClassVar[str] = "Cumulative counts that fall"
    severity: ClassVar[Severity] = Severity.ERROR
    what: ClassVar[str] = (
        "Follows each series of a cumulative count (killed, wounded, captured, acts "
        "alleged, people evacuated since a date) over time, across all sources, comparing "
        "each figure with the highest of those dated before it: a later figure whose "
        "interval lies wholly below an earlier one of its own source is an error, below "
        "another source's a warning (definitions drift between sources); a later best value "
        "below an earlier one of its own source is a warning.  Stocks, such as area held "
        "or people displaced now, may fall and are not checked."
    )
    why: ClassVar[str] = (
        "The dead of a war do not come back; a falling total is a slip or a redefinition."
    )
    example: ClassVar[str] = "12 civilians killed on 12 August, 9 on 14 August, same source."
    todo: ClassVar[str] = (
        "Check whether the later figure covers a shorter period or a narrower group."
    )

    def __call__(self, context: Context) -> Iterator[Finding]:
        """Check each cumulative series for falls."""
        for figures in series(context, _cumulative):
            yield from self._series(figures)

    def compared(self, context: Context) -> Iterator[Figure]:
        """The figures of each cumulative series that spans two dates or more."""
        for figures in series(context, _cumulative):
            if figures[0].record.as_of.end != figures[-1].record.as_of.end:
                yield from figures

    def _series(self, figures: list[Figure]) -> Iterator[Finding]:
        """Compare each figure with the highest of those dated strictly before it."""
        if len(figures) == 2:  # the commonest series: one figure against the other
            before, after = figures
            if before.record.as_of.end != after.record.as_of.end:
                finding = self._pair(before, after)
                if finding is not None:
                    yield finding
            return
        highest = _Leaders(lambda f: f.estimate.canonical_low)
        best = _Leaders(lambda f: f.estimate.canonical_value)
        pending: list[Figure] = []
        day = None
        for figure in figures:
            if figure.record.as_of.end != day:  # figures of earlier days now count
                for f in pending:
                    highest.add(f)
                    if two_sided(f.estimate):
                        best.add(f)
                pending, day = [], figure.record.as_of.end
            pending.append(figure)
            e = figure.estimate
            own, other = highest.own(figure), highest.other(figure)
            rival = best.own(figure)
            if own is not None and _gap_below(e, own.estimate):
                yield self._finding(own, figure, Severity.ERROR)
            elif other is not None and _gap_below(e, other.estimate):
                yield self._finding(other, figure, Severity.WARNING)
            elif (
                rival is not None
                and two_sided(e)
                and e.canonical_value < rival.estimate.canonical_value
            ):
                yield self._finding(rival, figure, Severity.WARNING)

    def _pair(self, before: Figure, after: Figure) -> Finding | None:
        """The finding, if any, on a later figure against one earlier figure."""
        same = before.record.source.id == after.record.source.id
        e, earlier = after.estimate, before.estimate
        if _gap_below(e, earlier):
            return self._finding(before, after, Severity.ERROR if same else Severity.WARNING)
        if (
            same
            and two_sided(e)
            and two_sided(earlier)
            and e.canonical_value < earlier.canonical_value
        ):
            return self._finding(before, after, Severity.WARNING)
        return None

    def _finding(self, before: Figure, after: Figure, severity: Severity) -> Finding:
        a, b = before.estimate, after.estimate
        across = before.record.source.id != after.record.source.id
        message = (
            f"{_words(before.key[0])} fell from {told(a, _dated(before))} to "
            f"{told(b, _dated(after))}"
        )
        if across:
            message += "; the two come from different sources, whose definitions may differ"
        return _of_two(self, severity, before, after, message)


def _comparable(before: Figure, after: Figure) -> bool:
    """Whether two running totals a day apart bound the change between them.

    An open total ("more than 4,130", or a documented lower bound) bounds no difference.
    """
    return (
        (after.record.as_of.end - before.record.as_of.end).days == 1
        and before.estimate.canonical_high is not None
        and after.estimate.canonical_high is not None
    )


@attrs.frozen
class RunningTotalCheck:
    """A running total that moved by other than the day's change it states."""

    id: ClassVar[str] = "running-total"
    title: ClassVar[str] = "Running totals and the day's change"
    severity: ClassVar[Severity] = Severity.WARNING
    what: ClassVar[str] = (
        "For each cumulative count that states the day's change (\"65 tanks, six of them "
        "in the past day\"), finds the same source's total of the day before and compares "
        "the difference of the two totals with the change, each read to the precision its "
        "words allow: a difference that cannot be the change is a warning.  Reports more "
        "than a day apart are not compared: a report in between may be missing."
    )
    why: ClassVar[str] = (
        "Daily tallies (equipment lost, people evacuated) state both the total and the "
        "change; when they do not add up, one of them was mis-copied or revised silently."
    )
    example: ClassVar[str] = "58 tanks on 20 August; 65 tanks, six in the past day, on 21 August."
    todo: ClassVar[str] = (
        "Check the two reports; if the earlier total was revised, record the revision."
    )

    def __call__(self, context: Context) -> Iterator[Finding]:
        """Compare each stated change with the difference of two consecutive totals."""
        changes = context.changes()
        if not changes:
            return
        for figures in series(context, _cumulative):
            latest: dict[str, Figure] = {}  # each source's latest figure of an earlier day
            pending: list[Figure] = []
            day = None
            for figure in figures:
                if figure.record.as_of.end != day:
                    latest.update((f.record.source.id, f) for f in pending)
                    pending, day = [], figure.record.as_of.end
                pending.append(figure)
                change = changes.get((id(figure.record), figure.field))
                before = latest.get(figure.record.source.id)
                if change is not None and before is not None:
                    yield from self._compare(before, figure, context.read(change))

    def compared(self, context: Context) -> Iterator[Figure]:
        """The totals that state a change, and the day-before totals they met."""
        changes = context.changes()
        if not changes:
            return
        for figures in series(context, _cumulative):
            by_day = {(f.record.source.id, f.record.as_of.end): f for f in figures}
            for figure in figures:
                before = by_day.get(
                    (figure.record.source.id, figure.record.as_of.end - dt.timedelta(days=1))
                )
                if (
                    before is not None
                    and (id(figure.record), figure.field) in changes
                    and _comparable(before, figure)
                ):
                    yield from (before, figure)

    def _compare(self, before: Figure, after: Figure, change: Estimate) -> Iterator[Finding]:
        if not _comparable(before, after):
            return
        a, b = before.estimate, after.estimate
        assert a.canonical_high is not None  # _comparable says so
        assert b.canonical_high is not None
        low, high = b.canonical_low - a.canonical_high, b.canonical_high - a.canonical_low
        top = change.canonical_high
        if (top is None or low <= top) and high >= change.canonical_low:
            return
        source = after.record.source.name
        yield Finding(
            check=self.id,
            severity=Severity.WARNING,
            records=(before.record.id, after.record.id),
            paths=(before.path, after.path),
            message=f"{_words(after.key[0])}: {told(a, f'{source}, {before.record.as_of}')} "
            f"to {told(b, f'{source}, {after.record.as_of}')} is a change of "
            f"{fmt(low)}" + (f" to {fmt(high)}" if high != low else "") + ", not the "
            f"{said(change)} the later report states",
            explanation=self.what,
            cited=(cite_figure(before), cite_figure(after), cite(change, "change")),
        )


def _words(field: str) -> str:
    """A field as a message names it: "killed and wounded", "tanks" (of equipment)."""
    return field.removeprefix("equipment.").replace("_", " ")


@attrs.frozen
class PartWholeCheck:
    """A part larger than its whole, parts that overflow it, complete parts that miss it."""

    id: ClassVar[str] = "part-whole"
    title: ClassVar[str] = "Parts and wholes"
    severity: ClassVar[Severity] = Severity.ERROR
    what: ClassVar[str] = (
        "Within each record: a named part of a count (children of the wounded, tanks of "
        "the armoured vehicles lost) whose lowest reading exceeds the total's highest; "
        "when the parts are marked complete (they split the total, with no overlap), parts "
        "whose sum exceeds the total or cannot reach it; a single casualty count (killed, "
        "wounded, missing, captured) above a combined count that includes it "
        "(killed_and_wounded, losses), or all of its single counts given and not adding up "
        "to it; and a figure above the one its within relation names.  Parts not marked "
        "complete may overlap (children, girls) and are not added up.  Across records, a "
        "narrower figure (children within all people, one party within all) above a wider "
        "one in overlapping windows is an error, a warning when the windows only overlap or "
        "a qualifier was assumed, and info when one source gives both values of a running "
        "total on one day (the later may update the earlier)."
    )
    why: ClassVar[str] = "Of 121 wounded, no more than 121 can be children."
    example: ClassVar[str] = (
        "121 wounded, of whom 130 children; 47 armoured vehicles, including 9 tanks, 20 IFVs "
        "and 19 APCs, marked complete (48 > 47); 300 killed and 800 wounded against 1,500 "
        "killed and wounded."
    )
    todo: ClassVar[str] = "Check which count each part belongs to, and whether it is cumulative."

    def __call__(self, context: Context) -> Iterator[Finding]:
        """Check every count with parts, combined counts and within relations."""
        # Only records with parts or a combined count have anything to add up.
        records = {id(f.record): f.record for f in context.composite()}
        for record in records.values():
            for name, value in record.figure_items():
                if value.__class__ is Count and value.parts:
                    yield from self._count(context, record, name, value)
            if isinstance(record, CasualtyReport):
                yield from self._combined(context, record)
        for record in context.related():
            if record.within is not None:
                yield from self._within(context, record)
        for narrower, wider, _, assumed in self._narrower_and_wider(context):
            if len(narrower) == 1 and len(wider) == 1:  # the common case, directly
                part, whole = narrower[0], wider[0]
                if part.record.as_of.overlaps(whole.record.as_of):
                    yield from self._above(part, whole, assumed)
            else:
                yield from self._across(narrower, wider, assumed)

    @staticmethod
    def _narrower_and_wider(context: Context) -> Iterator[RelatedGroups]:
        """Each narrower group with its wider: related scopes, and parts of their measure."""
        yield from (group for group in related_groups(context) if group[2] is Scope.NARROWER)
        groups = measure_groups(context)
        for part in parts_of_their_measure(context):
            wider = groups.get(part.key)
            if wider:
                yield [part], wider, Scope.NARROWER, ()

    def compared(self, context: Context) -> Iterator[Figure]:
        """The figures this check put beside another.

        Parts and their totals, combined counts and their members, the ends of within
        relations, and narrower and wider figures of other records in overlapping windows.
        """
        for figure in context.composite():
            if ".parts." in figure.field:
                total = context.figure_at(figure.record, figure.field.partition(".parts.")[0])
                yield from (figure,) if total is None else (figure, total)
            elif figure.field in COMBINED:
                members = [
                    context.figure_at(figure.record, m)
                    for row in COMBINED[figure.field]
                    for m in row
                ]
                given = [m for m in members if m is not None]
                if given:
                    yield figure
                    yield from given
        for record in context.related():
            if record.within is not None:
                yield from _ends(context, record, record.within)
        for narrower, wider, _, _ in self._narrower_and_wider(context):
            if len(narrower) == 1 and len(wider) == 1:
                yield from overlapping(narrower + wider, _itself)
            else:
                yield from overlapping(_merged(narrower, wider), _sides(narrower))

    def _across(
        self, narrower: list[Figure], wider: list[Figure], assumed: tuple[str, ...]
    ) -> Iterator[Finding]:
        """A narrower scope's figure above a wider scope's, in overlapping windows.

        One sweep by start date keeps, of the figures whose windows are open, the
        narrower one with the highest low end and the wider one with the lowest high end:
        each new figure is compared with the other side's extreme.
        """
        inner = {id(f) for f in narrower}
        active: list[Figure] = []
        top: Figure | None = None  # the open narrower figure with the highest low
        bottom: Figure | None = None  # the open wider figure with the lowest high
        earliest_end = None
        for figure in _merged(narrower, wider):
            start = figure.record.as_of.start
            if earliest_end is not None and earliest_end < start:  # some windows closed
                active = [f for f in active if f.record.as_of.end >= start]
                top = max(
                    (f for f in active if id(f) in inner),
                    key=lambda f: f.estimate.canonical_low,
                    default=None,
                )
                bottom = _lowest_high(f for f in active if id(f) not in inner)
                earliest_end = min((f.record.as_of.end for f in active), default=None)
            if id(figure) in inner:
                if bottom is not None:
                    yield from self._above(figure, bottom, assumed)
                if top is None or figure.estimate.canonical_low > top.estimate.canonical_low:
                    top = figure
            else:
                if top is not None:
                    yield from self._above(top, figure, assumed)
                bottom = _lowest_high((figure,) if bottom is None else (bottom, figure))
            active.append(figure)
            end = figure.record.as_of.end
            earliest_end = end if earliest_end is None else min(earliest_end, end)

    def _above(self, part: Figure, whole: Figure, assumed: tuple[str, ...]) -> Iterator[Finding]:
        """A finding if the narrower figure lies wholly above the wider one."""
        high = whole.estimate.canonical_high
        if high is None or part.estimate.canonical_low <= high:
            return
        if part.record is whole.record or _relates(part.record, whole.record):
            return  # checked within the record, or by the relation the document states
        same_window = part.record.as_of == whole.record.as_of
        kind = part.record.kind
        why = narrowing(kind, part.key[0], whole.key[0], part.key[4:-1], whole.key[4:-1])
        within = part.record.within
        if not why and within is not None:  # a part of its own measure (see _keys)
            field = _words(within.field or "")
            why = (f"the document puts it within the {field} of {within.record}",)
        detail = "; ".join(why)
        severity = Severity.ERROR if same_window and not assumed else Severity.WARNING
        if not same_window:
            detail += f"; their windows ({part.record.as_of}, {whole.record.as_of}) only overlap"
        elif part.record.source.id == whole.record.source.id and _updates(part, whole):
            severity = Severity.INFO
            detail += f"; {_UPDATE.format(window=part.record.as_of)}"
        if assumed:
            detail += f"; {_assuming(assumed)}"
        message = (
            f"{_words(part.field)} {told(part.estimate, part.record.source.name)} is more "
            f"than {_words(whole.field)} {told(whole.estimate, whole.record.source.name)}, "
            f"a wider count that includes it ({detail})"
        )
        yield _of_two(self, severity, part, whole, message)

    def _count(
        self, context: Context, record: Record, name: str, count: Count
    ) -> Iterator[Finding]:
        total = context.figure(record, name)
        if total is None:  # pragma: no cover - the name comes from the record
            return
        high = total.canonical_high
        path = context.path(record, name)
        parts = [(p.name, context.figure(record, f"{name}.parts.{p.name}")) for p in count.parts]
        read = [(part, e) for part, e in parts if e is not None]
        for part, estimate in read:
            if high is not None and estimate.canonical_low > high:
                yield self._finding(
                    (record.id,),
                    (context.path(record, f"{name}.parts.{part}"), path),
                    f"{_words(name)}: part {part!r} {said(estimate)} is larger than the whole "
                    f"{said(total)}",
                )
        lows = sum(e.canonical_low for _, e in read)
        # "Of whom" parts may overlap (children, girls): only complete parts must add up.
        if count.complete and high is not None and lows > high and len(read) > 1:
            yield self._finding(
                (record.id,),
                (path,),
                f"{_words(name)}: the parts add up to at least {fmt(lows)}, more than the "
                f"whole {said(total)} (at most {fmt(high)})",
            )
        if count.complete:
            highs = [e.canonical_high for _, e in read]
            top = None if None in highs else sum(h for h in highs if h is not None)
            if lows > (high if high is not None else lows) or (
                top is not None and top < total.canonical_low
            ):
                yield self._finding(
                    (record.id,),
                    (path,),
                    f"{_words(name)}: the complete parts add up to {fmt(lows)}–{fmt(top)}, "
                    f"which cannot be the whole {said(total)}",
                )

    def _combined(self, context: Context, record: CasualtyReport) -> Iterator[Finding]:
        for combined, rows in COMBINED.items():
            if getattr(record, combined) is None:
                continue
            whole = context.figure(record, combined)
            if whole is None:  # pragma: no cover - the field holds a count
                continue
            high = whole.canonical_high
            members = dict.fromkeys(m for row in rows for m in row)
            for member in members:
                single = context.figure(record, member)
                if single is not None and high is not None and single.canonical_low > high:
                    yield self._finding(
                        (record.id,),
                        (context.path(record, member), context.path(record, combined)),
                        f"{_words(member)} {said(single)} is more than {_words(combined)} "
                        f"{said(whole)}, which includes it",
                    )
            for row in rows:
                given = [(m, context.figure(record, m)) for m in row]
                if any(e is None for _, e in given):
                    continue
                yield from self._sum(context, record, combined, whole, given)
                break  # the fullest row given decides

    def _sum(
        self,
        context: Context,
        record: Record,
        combined: str,
        whole: Estimate,
        given: list[tuple[str, Estimate | None]],
    ) -> Iterator[Finding]:
        estimates = [e for _, e in given if e is not None]
        low = sum(e.canonical_low for e in estimates)
        highs = [e.canonical_high for e in estimates]
        top = None if None in highs else sum(h for h in highs if h is not None)
        whole_high = whole.canonical_high
        if (whole_high is not None and low > whole_high) or (
            top is not None and top < whole.canonical_low
        ):
            terms = " + ".join(f"{_words(m)} {said(e)}" for m, e in given if e is not None)
            yield self._finding(
                (record.id,),
                (*(context.path(record, m) for m, _ in given), context.path(record, combined)),
                f"{terms} = {fmt(low)}–{fmt(top)}, which cannot be {_words(combined)} "
                f"{said(whole)}",
            )

    def _within(self, context: Context, record: Record) -> Iterator[Finding]:
        relation = record.within
        target = context.by_id().get(relation.record) if relation is not None else None
        own = relation_figure(record, relation) if relation is not None else None
        if relation is None or target is None or own is None:
            return
        part = context.figure(record, own[0])
        whole = context.figure(target, relation.field)
        if part is None or whole is None:
            return
        high = whole.canonical_high
        if high is not None and part.canonical_low > high:
            paths = (context.path(record, own[0]), context.path(target, relation.field))
            yield self._finding(
                (record.id, target.id),
                paths,
                f"{_words(own[0])} {told(part, record.source.name)} is more than "
                f"{_words(relation.field)} {told(whole, target.source.name)}, which it lies "
                "within",
                (
                    cite(part, record.source.name, record.id, paths[0]),
                    cite(whole, target.source.name, target.id, paths[1]),
                ),
            )

    def _finding(
        self,
        records: tuple[str, ...],
        paths: tuple[str, ...],
        message: str,
        cited: tuple[Cited, ...] = (),
    ) -> Finding:
        return Finding(
            check=self.id,
            severity=Severity.ERROR,
            records=records,
            paths=paths,
            message=message,
            explanation=self.what,
            cited=cited,
        )


@attrs.frozen
class ShareCheck:
    """A figure stated as a share of another that is not that share of it."""

    id: ClassVar[str] = "share"
    title: ClassVar[str] = "Shares of a whole"
    severity: ClassVar[Severity] = Severity.ERROR
    what: ClassVar[str] = (
        'For each record whose figure is stated as a share of another (share_of: "1,100 '
        'km², or 85% of it"): the share applied to the whole gives the range the part must '
        "lie in; a part outside that range, under every reading the wording admits, is an "
        "error. A figure stated only as the share (its record leaves the field out: "
        '"one-fifth of the 330 residents were killed") is held against the figures of that '
        "measure from other records: one outside the range is an error in the same window, "
        "a warning in windows that only overlap. Shares of a whole named only in words "
        '("63% of the Gaza Strip", "20% of the Gaza Strip") each imply the whole (part ÷ '
        "share); two that cannot meet are an error in one window, a warning across windows."
    )
    why: ClassVar[str] = (
        "A percentage and the two figures it relates are three claims: if they do not fit, "
        "one of them is wrong, or the share is of another whole."
    )
    example: ClassVar[str] = (
        "1,100 km², said to be 85% of a region of 1,000 km²: 85% × 950–1,050 km² is 803–898 km²."
    )
    todo: ClassVar[str] = (
        "Check which whole the share is of, and whether both figures are of one date."
    )

    def __call__(self, context: Context) -> Iterator[Finding]:
        """Check every share relation."""
        for record, target, share, whole in _shares(context):
            own = relation_figure(record, share)
            if own is None:  # stated only as the share: held against the measure's figures
                for other in _implied_peers(context, record, share, whole):
                    finding = self._implied(context, record, target, share, whole, other)
                    if finding is not None:
                        yield finding
                continue
            part = context.figure(record, own[0])
            if part is None:  # pragma: no cover - relation_figure found it
                continue
            finding = self._check(context, record, target, own[0], share, part, whole)
            if finding is not None:
                yield finding
        for group in _unrecorded_wholes(context).values():
            finding = self._one_whole(group)
            if finding is not None:
                yield finding

    def compared(self, context: Context) -> Iterator[Figure]:
        """The two ends of each share relation whose whole is recorded.

        For a figure stated only as a share, the whole and the figures of the same
        measure it was held against; for shares of one whole named in words, the parts
        that imply it.
        """
        for record in context.related():
            if record.share_of is not None:
                yield from _ends(context, record, record.share_of)
        for group in _unrecorded_wholes(context).values():
            if len(group) > 1:
                yield from (figure for figure, _ in group)
        for record, target, share, whole in _shares(context):
            if relation_figure(record, share) is None:
                peers = list(_implied_peers(context, record, share, whole))
                at = context.figure_at(target, share.field or "")
                if peers and at is not None:
                    yield at
                    yield from peers

    def _one_whole(self, group: list[tuple[Figure, Estimate]]) -> Finding | None:
        """A finding if two shares of one whole imply wholes that cannot meet.

        "230 km², 63% of the Strip" makes the Strip 361–369 km²; "79 km², 20% of the
        Strip" makes it 383–408 km².  Of the shares, the one implying the largest low end
        and the one implying the smallest high end are compared.
        """
        if len(group) < 2:
            return None
        implied = [(f, percent, *_whole_of(f.estimate, percent)) for f, percent in group]
        top = max(implied, key=lambda row: row[2])
        bottom = min(implied, key=lambda row: math.inf if row[3] is None else row[3])
        if bottom[3] is None or top[2] <= bottom[3]:
            return None
        (a, pa, a_low, a_high), (b, pb, b_low, b_high) = sorted(
            (top, bottom), key=lambda row: row[0].position
        )
        same_window = a.record.as_of == b.record.as_of
        whole = a.record.share_of.whole if a.record.share_of else ""
        unit = _unit(a.estimate)
        detail = (
            ""
            if same_window
            else (
                f"; their windows ({a.record.as_of}, {b.record.as_of}) differ, and the whole may "
                "have changed between"
            )
        )
        return Finding(
            check=self.id,
            severity=Severity.ERROR if same_window else Severity.WARNING,
            records=unique((a.record.id, b.record.id)),
            paths=(a.path, b.path),
            message=(
                f"{whole}: {told(a.estimate, a.record.source.name)} as {said(pa)} of it makes "
                f"it {fmt(a_low)} to {fmt(a_high)} {unit}, but "
                f"{told(b.estimate, b.record.source.name)} as {said(pb)} makes it "
                f"{fmt(b_low)} to {fmt(b_high)} {unit}: no one whole is both{detail}"
            ),
            explanation=self.what,
            cited=(cite_figure(a), cite(pa, "share"), cite_figure(b), cite(pb, "share")),
        )

    def _implied(
        self,
        context: Context,
        record: Record,
        target: Record,
        share: Share,
        whole: Estimate,
        other: Figure,
    ) -> Finding | None:
        """A finding if another figure of the measure lies outside the share's range."""
        assert share.field is not None
        assert share.figure is not None
        percent, low, high = _share_range(context, share, whole)
        estimate = other.estimate
        top = estimate.canonical_high
        if not (
            (top is not None and top < low) or (high is not None and estimate.canonical_low > high)
        ):
            return None
        same_window = record.as_of == other.record.as_of
        detail = (
            ""
            if same_window
            else (f"; their windows ({record.as_of}, {other.record.as_of}) only overlap")
        )
        return Finding(
            check=self.id,
            severity=Severity.ERROR if same_window else Severity.WARNING,
            records=unique((record.id, target.id, other.record.id)),
            paths=(
                context.path(record, "share_of"),
                context.path(target, share.field),
                other.path,
            ),
            message=(
                f"{_words(share.figure)}: {said(percent)} of {_named(target, share.field)} "
                f"{told(whole, target.source.name)}, as {record.source.name} puts it, is "
                f"{fmt(low)} to {fmt(high)}, but {told(estimate, other.record.source.name)}"
                f"{detail}"
            ),
            explanation=self.what,
            cited=(
                cite(percent, "share"),
                cite(whole, target.source.name, target.id, context.path(target, share.field)),
                cite_figure(other),
            ),
        )

    def _check(
        self,
        context: Context,
        record: Record,
        target: Record,
        field: str,
        share: Share,
        part: Estimate,
        whole: Estimate,
    ) -> Finding | None:
        assert share.field is not None
        percent, low, high = _share_range(context, share, whole)
        part_high = part.canonical_high
        below = part_high is not None and part_high < low
        above = high is not None and part.canonical_low > high
        if not (below or above):
            return None
        unit = _unit(whole)
        return Finding(
            check=self.id,
            severity=Severity.ERROR,
            records=unique((record.id, target.id)),
            paths=(context.path(record, field), context.path(target, share.field)),
            message=(
                f"{_words(field)} {told(part, record.source.name)} is said to be "
                f"{said(percent)} of {_words(share.field)} {told(whole, target.source.name)}: "
                f"that share is {fmt(low)} to {fmt(high)} {unit}".rstrip()
                + ", which the part cannot be"
            ),
            explanation=self.what,
            cited=(
                cite(part, record.source.name, record.id, context.path(record, field)),
                cite(percent, "share"),
                cite(whole, target.source.name, target.id, context.path(target, share.field)),
            ),
        )


def _named(record: Record, field: str) -> str:
    """A record's field as a message names it: a measurement's value by its measure."""
    measure = getattr(record, "measure", None)
    return measure.replace("-", " ") if field == "value" and measure else _words(field)


def _shares(context: Context) -> Iterator[tuple[Record, Record, Share, Estimate]]:
    """Each share of a recorded whole: its record, the whole's record, it, the whole."""
    for record in context.related():
        share = record.share_of
        if share is None or share.record is None or share.field is None:
            continue  # the whole is not recorded: nothing to compare with here
        target = context.by_id().get(share.record)
        whole = None if target is None else context.figure(target, share.field)
        if target is not None and whole is not None:
            yield record, target, share, whole


def _share_range(
    context: Context, share: Share, whole: Estimate
) -> tuple[Estimate, float, float | None]:
    """The share as read, and the range it gives of the whole (canonical units)."""
    percent = context.read(share.percent)
    low = percent.canonical_low * whole.canonical_low
    high = (
        None
        if percent.canonical_high is None or whole.canonical_high is None
        else percent.canonical_high * whole.canonical_high
    )
    return percent, low, high


def _unrecorded_wholes(
    context: Context,
) -> dict[tuple[str, str, str], list[tuple[Figure, Estimate]]]:
    """The shares of each whole named only in words, with the parts they are shares of.

    Built once per context, for the check and for what it compared.

    Keyed by the whole's words (case and spacing aside), the parts' dimension and their
    subject: "63% of the Gaza Strip" and "20% of the Gaza Strip" of one subject are shares
    of one whole.  Words as common as "the population" name another whole in another
    subject, so the subject must be one.
    """
    return context.shared("unrecorded-wholes", lambda: _group_unrecorded_wholes(context))


def _group_unrecorded_wholes(
    context: Context,
) -> dict[tuple[str, str, str], list[tuple[Figure, Estimate]]]:
    groups: dict[tuple[str, str, str], list[tuple[Figure, Estimate]]] = defaultdict(list)
    for record in context.related():
        share = record.share_of
        if share is None or share.record is not None or not share.whole:
            continue
        own = relation_figure(record, share)
        figure = None if own is None else context.figure_at(record, own[0])
        if figure is not None:
            words = " ".join(share.whole.lower().split())
            key = (words, figure.estimate.dimension, record.subject)
            groups[key].append((figure, context.read(share.percent)))
    return groups


def _whole_of(part: Estimate, percent: Estimate) -> tuple[float, float | None]:
    """The whole a part implies as a share of it: part ÷ share, at both ends."""
    top = percent.canonical_high
    low = 0.0 if top is None or top == 0 else part.canonical_low / top
    high = (
        None
        if part.canonical_high is None or percent.canonical_low <= 0
        else part.canonical_high / percent.canonical_low
    )
    return low, high


def _implied_peers(
    context: Context, record: Record, share: Share, whole: Estimate
) -> Iterator[Figure]:
    """The figures of the measure a share-only figure stands for, in overlapping windows.

    "One-fifth of the village's 330 residents were killed": the killed of the same
    subject, with the same qualifiers, from other records.
    """
    if share.figure is None:
        return
    key = measure_key(record, share.figure, whole.dimension)
    for other in measure_groups(context).get(key, ()):
        if other.record is not record and other.record.as_of.overlaps(record.as_of):
            yield other


@attrs.frozen
class RevisionCheck:
    """A record that revises an earlier one: the old and the new figures, side by side."""

    id: ClassVar[str] = "revision"
    title: ClassVar[str] = "Revised figures"
    severity: ClassVar[Severity] = Severity.INFO
    what: ClassVar[str] = (
        "For each record that says it revises an earlier one (revises), shows each figure "
        "the two share, old and new.  The revised record's figures are then left out of "
        "the comparisons between sources and over time: a correction is not a "
        "disagreement, and a toll revised down is not a cumulative count that fell."
    )
    why: ClassVar[str] = (
        "Tolls are corrected as bodies are identified and counts are checked; a reader "
        "should see the correction, not mistake it for a contradiction."
    )
    example: ClassVar[str] = "A toll of 1,400 revised to around 1,200 a month later."
    todo: ClassVar[str] = "Nothing, if the revision is the source's own; cite the newer figure."

    def __call__(self, context: Context) -> Iterator[Finding]:
        """Report each revision."""
        for record in context.related():
            if record.revises is None:
                continue
            earlier = context.by_id().get(record.revises)
            if earlier is not None:
                yield self._finding(context, earlier, record)

    def compared(self, context: Context) -> Iterator[Figure]:
        """The figures a revision restates, old and new."""
        for record in context.related():
            earlier = context.by_id().get(record.revises or "")
            if earlier is None:
                continue
            for field, _ in record.figures():
                old, new = context.figure_at(earlier, field), context.figure_at(record, field)
                if old is not None and new is not None:
                    yield from (old, new)

    def _finding(self, context: Context, old: Record, new: Record) -> Finding:
        before = dict(old.figures())
        shared = [(field, e) for field, e in new.figures() if field in before]
        changes = [
            f"{_words(field)} {said(before[field])} → {said(after)}" for field, after in shared
        ] or [f"{_words(field)} {said(after)}" for field, after in new.figures()]
        return Finding(
            check=self.id,
            severity=Severity.INFO,
            records=(old.id, new.id),
            paths=(context.path(old), context.path(new)),
            message=(
                f"{new.id} ({new.source.name}, {new.as_of}) revises {old.id} "
                f"({old.source.name}, {old.as_of}): " + "; ".join(changes)
            ),
            explanation=self.what,
            cited=[
                cite(e, f"{label} {_words(field)}", record.id, context.path(record, field))
                for field, after in shared
                for label, record, e in (("old", old, before[field]), ("new", new, after))
            ],
        )
