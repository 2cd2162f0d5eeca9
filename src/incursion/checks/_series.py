"""Checks that compare figures of the same measure: across sources, within one, over time."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar, Final

import attrs

from incursion._estimates import Estimate, Hedge
from incursion._records import CasualtyReport, Count, Tally
from incursion._units import resolve_unit
from incursion.checks._core import Context, Figure, Finding, Severity, fmt, said
from incursion.checks._keys import measure_groups, source_series

__all__ = [
    "CumulativeDecreaseCheck",
    "DisagreementCheck",
    "PartWholeCheck",
    "SelfContradictionCheck",
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


def _interval(e: Estimate) -> str:
    return f"{fmt(e.canonical_low)}–{fmt(e.canonical_high)} {_unit(e)}".strip()


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
        """Compare figures of the same measure whose windows overlap."""
        for group in measure_groups(context).values():
            if len(group) > 1:
                yield from self._group(group)

    def _group(self, group: list[Figure]) -> Iterator[Finding]:
        active: list[Figure] = []
        extremes: dict[str, _Extremes] = {}
        earliest_end = None
        for figure in group:
            start = figure.record.as_of.start
            if earliest_end is not None and earliest_end < start:  # some windows closed
                active = [f for f in active if f.record.as_of.end >= start]
                extremes = {}
                for f in active:
                    extremes.setdefault(f.record.source.id, _Extremes()).add(f)
                earliest_end = min((f.record.as_of.end for f in active), default=None)
            source = figure.record.source.id
            for other_source, ext in extremes.items():
                if (other_source == source) is self.same_source:
                    finding = self._against(figure, ext)
                    if finding is not None:
                        yield finding
            active.append(figure)
            extremes.setdefault(source, _Extremes()).add(figure)
            end = figure.record.as_of.end
            earliest_end = end if earliest_end is None else min(earliest_end, end)

    def _against(self, figure: Figure, ext: _Extremes) -> Finding | None:
        for other in (ext.min_high, ext.max_low):
            if (
                other is not None
                and other.record is not figure.record
                and _gap(other.estimate, figure.estimate) is not None
            ):
                return self._compare(other, figure)
        if two_sided(figure.estimate):
            for other in (ext.min_value, ext.max_value):
                if (
                    other is not None
                    and other.record is not figure.record
                    and _tension(other.estimate, figure.estimate) > self.tension
                ):
                    return self._compare(other, figure)
        return None

    def _compare(self, a: Figure, b: Figure) -> Finding | None:
        if (b.position, b.field) < (a.position, a.field):  # name them in document order
            a, b = b, a
        ea, eb = a.estimate, b.estimate
        gap = _gap(ea, eb)
        unit = _unit(ea)
        same_window = a.record.as_of == b.record.as_of
        if gap is not None:
            severity = Severity.ERROR if same_window else Severity.WARNING
            detail = f"the intervals {_interval(ea)} and {_interval(eb)} are {fmt(gap, unit)} apart"
        elif two_sided(ea) and two_sided(eb) and _tension(ea, eb) > self.tension:
            severity = Severity.WARNING
            detail = (
                f"the best values differ by {_tension(ea, eb):.0%} of the larger "
                f"(more than {self.tension:.0%}), though the intervals meet"
            )
        else:
            return None
        if not same_window:
            detail += (
                f"; their windows ({a.record.as_of}, {b.record.as_of}) only overlap, so they "
                "may describe different moments"
            )
        who = (
            f"{a.record.source.name}, {a.record.id}; {b.record.source.name}, {b.record.id}"
            if not self.same_source
            else f"{a.record.source.name}: {a.record.id}, {b.record.id}"
        )
        return Finding(
            check=self.id,
            severity=severity,
            records=(a.record.id, b.record.id),
            paths=(a.path, b.path),
            message=f"{a.field}: {said(ea)} against {said(eb)} — {detail} ({who})",
            explanation=self.what,
            figures=((a.record.id, said(ea)), (b.record.id, said(eb))),
        )


@attrs.frozen
class DisagreementCheck(_PairCheck):
    """Different sources give incompatible figures for the same measure, subject and time."""

    id: ClassVar[str] = "disagreement"
    title: ClassVar[str] = "Sources that disagree"
    severity: ClassVar[Severity] = Severity.ERROR
    same_source: ClassVar[bool] = False
    what: ClassVar[str] = (
        "Compares figures from different sources that measure the same thing (same subject, "
        "record kind, field and qualifiers) in overlapping time windows: an error when the "
        "intervals their wording admits are disjoint and the windows are the same (a "
        "warning when the windows only overlap, as a month and a day in it may describe "
        "different moments); a warning when the intervals meet but "
        'the best values differ by more than the tension threshold.  Lower bounds ("at '
        'least 39") agree with anything above them.  Figures of different measures, or of '
        "different dates, are never compared: growth over time is not disagreement."
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

    tension: float = 0.25


@attrs.frozen
class SelfContradictionCheck(_PairCheck):
    """One source gives two incompatible figures for the same measure and time."""

    id: ClassVar[str] = "self-contradiction"
    title: ClassVar[str] = "A source that contradicts itself"
    severity: ClassVar[Severity] = Severity.ERROR
    same_source: ClassVar[bool] = True
    what: ClassVar[str] = (
        "Compares the figures one source gives for the same measure in overlapping time "
        "windows, under the same rules as disagreement."
    )
    why: ClassVar[str] = (
        "A source that gives two incompatible figures for one thing has revised, misspoken "
        "or been mis-reported."
    )
    example: ClassVar[str] = "One official gives 28 and then 74 settlements for the same day."
    todo: ClassVar[str] = "Find the later or the corrected statement; record only that one."

    tension: float = 0.25


def _cumulative(figure: Figure) -> bool:
    """Whether a figure is a total that only grows over time (not a part, not a stock)."""
    return "." not in figure.field and type(figure.record).tally(figure.field) is Tally.CUMULATIVE


@attrs.frozen
class CumulativeDecreaseCheck:
    """A cumulative count that falls over time within one source's series."""

    id: ClassVar[str] = "cumulative-decrease"
    title: ClassVar[str] = "Cumulative counts that fall"
    severity: ClassVar[Severity] = Severity.ERROR
    what: ClassVar[str] = (
        "Follows each source's series of a cumulative count (killed, wounded, captured, acts "
        "alleged) over time, comparing each figure with the highest of those dated before "
        "it: a later figure whose interval lies wholly below an earlier one is an error; a "
        "later best value below an earlier one is a warning.  Stocks, such "
        "as area held or people displaced, may fall and are not checked."
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
        for series in source_series(context, _cumulative):
            yield from self._series(series)

    def _series(self, series: list[Figure]) -> Iterator[Finding]:
        """Compare each figure with the highest of those dated strictly before it."""
        highest: Figure | None = None  # the earlier figure with the greatest low end
        best: Figure | None = None  # the earlier two-sided figure with the greatest value
        pending: list[Figure] = []
        day = None
        for figure in series:
            if figure.record.as_of.end != day:  # figures of earlier days now count
                for f in pending:
                    if highest is None or f.estimate.canonical_low > highest.estimate.canonical_low:
                        highest = f
                    if two_sided(f.estimate) and (
                        best is None or f.estimate.canonical_value > best.estimate.canonical_value
                    ):
                        best = f
                pending, day = [], figure.record.as_of.end
            pending.append(figure)
            e = figure.estimate
            if highest is not None and _gap_below(e, highest.estimate):
                yield self._finding(highest, figure, Severity.ERROR)
            elif (
                best is not None
                and two_sided(e)
                and e.canonical_value < best.estimate.canonical_value
            ):
                yield self._finding(best, figure, Severity.WARNING)

    def _finding(self, before: Figure, after: Figure, severity: Severity) -> Finding:
        a, b = before.estimate, after.estimate
        return Finding(
            check=self.id,
            severity=severity,
            records=(before.record.id, after.record.id),
            paths=(before.path, after.path),
            message=f"{before.field} fell from {said(a)} ({before.record.id}, "
            f"{before.record.as_of}) to {said(b)} ({after.record.id}, {after.record.as_of})",
            explanation=self.what,
            figures=((before.record.id, said(a)), (after.record.id, said(b))),
        )


@attrs.frozen
class PartWholeCheck:
    """A part larger than its whole, parts that overflow it, complete parts that miss it."""

    id: ClassVar[str] = "part-whole"
    title: ClassVar[str] = "Parts and wholes"
    severity: ClassVar[Severity] = Severity.ERROR
    what: ClassVar[str] = (
        "Within each casualty count with named parts: a part whose lowest reading exceeds "
        "the total's highest; and, when the parts are marked complete (they split the "
        "total, with no overlap), parts whose sum exceeds the total or cannot reach it.  "
        "Parts not marked complete may overlap (children, girls) and are not added up."
    )
    why: ClassVar[str] = "Of 121 wounded, no more than 121 can be children."
    example: ClassVar[str] = "121 wounded, of whom 130 children."
    todo: ClassVar[str] = "Check which count each part belongs to, and whether it is cumulative."

    def __call__(self, context: Context) -> Iterator[Finding]:
        """Check every count with parts."""
        for i, record in enumerate(context.records):
            if not isinstance(record, CasualtyReport):
                continue
            for name in record.figure_fields():
                count = getattr(record, name)
                if isinstance(count, Count) and count.parts:
                    yield from self._count(context, i, record.id, name, count)

    def _count(
        self, context: Context, index: int, record: str, name: str, count: Count
    ) -> Iterator[Finding]:
        total = context.read(count.total)
        high = total.canonical_high
        path = f"$.records[{index}].{name}"
        parts = [(p.name, context.read(p.estimate)) for p in count.parts]
        for part, estimate in parts:
            if high is not None and estimate.canonical_low > high:
                yield self._finding(
                    record,
                    (f"{path}.parts.{part}", path),
                    f"{name}: part {part!r} {said(estimate)} is larger than the whole "
                    f"{said(total)}",
                )
        lows = sum(e.canonical_low for _, e in parts)
        # "Of whom" parts may overlap (children, girls): only complete parts must add up.
        if count.complete and high is not None and lows > high and len(parts) > 1:
            yield self._finding(
                record,
                (path,),
                f"{name}: the parts add up to at least {fmt(lows)}, more than the whole "
                f"{said(total)} (at most {fmt(high)})",
            )
        if count.complete:
            highs = [e.canonical_high for _, e in parts]
            top = None if None in highs else sum(h for h in highs if h is not None)
            if lows > (high if high is not None else lows) or (
                top is not None and top < total.canonical_low
            ):
                yield self._finding(
                    record,
                    (path,),
                    f"{name}: the complete parts add up to {fmt(lows)}–{fmt(top)}, which "
                    f"cannot be the whole {said(total)}",
                )

    def _finding(self, record: str, paths: tuple[str, ...], message: str) -> Finding:
        return Finding(
            check=self.id,
            severity=Severity.ERROR,
            records=(record,),
            paths=paths,
            message=message,
            explanation=self.what,
        )
