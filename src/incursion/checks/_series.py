"""Checks that compare figures of the same measure: across sources, within one, over time."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import ClassVar

import attrs

from incursion._estimates import Estimate
from incursion._records import CasualtyReport, Count, Tally
from incursion._units import lookup_unit
from incursion.checks._core import Context, Figure, Finding, Severity, fmt, said
from incursion.checks._keys import by_measure, windows

__all__ = [
    "CumulativeDecreaseCheck",
    "DisagreementCheck",
    "PartWholeCheck",
    "SelfContradictionCheck",
]


def _gap(a: Estimate, b: Estimate) -> float | None:
    """How far apart two intervals are (canonical units), or ``None`` if they meet."""
    if a.canonical_high is not None and a.canonical_high < b.canonical_low:
        return b.canonical_low - a.canonical_high
    if b.canonical_high is not None and b.canonical_high < a.canonical_low:
        return a.canonical_low - b.canonical_high
    return None


def _unit(e: Estimate) -> str:
    """The canonical unit's symbol, or nothing for counts and bare numbers."""
    if e.is_count or e.dimension in ("number", "ratio"):
        return ""
    return lookup_unit(e.canonical_unit).symbol


def _interval(e: Estimate) -> str:
    return f"{fmt(e.canonical_low)}–{fmt(e.canonical_high)} {_unit(e)}".strip()


def _tension(a: Estimate, b: Estimate) -> float:
    larger = max(abs(a.canonical_value), abs(b.canonical_value))
    return abs(a.canonical_value - b.canonical_value) / larger if larger else 0.0


def _lower_bound_only(e: Estimate) -> bool:
    return e.canonical_high is None


class _PairCheck:
    """Compares each figure with the earlier ones of its measure and window."""

    id: ClassVar[str]
    what: ClassVar[str]
    same_source: ClassVar[bool]
    tension: float

    def __call__(self, context: Context) -> Iterator[Finding]:
        """Compare figures of the same measure whose windows overlap."""
        groups = context.shared("by-measure", lambda: by_measure(context.figures()))
        for group in groups.values():
            if len(group) < 2:
                continue
            for figure, earlier in windows(group):
                for other in earlier:
                    same = figure.record.source.id == other.record.source.id
                    if same is self.same_source and figure.record is not other.record:
                        finding = self._compare(other, figure)
                        if finding is not None:
                            yield finding

    def _compare(self, a: Figure, b: Figure) -> Finding | None:
        if (b.position, b.field) < (a.position, a.field):  # name them in document order
            a, b = b, a
        ea, eb = a.estimate, b.estimate
        gap = _gap(ea, eb)
        unit = _unit(ea)
        if gap is not None:
            severity = Severity.ERROR
            detail = f"the intervals {_interval(ea)} and {_interval(eb)} are {fmt(gap, unit)} apart"
        elif (
            not _lower_bound_only(ea)
            and not _lower_bound_only(eb)
            and _tension(ea, eb) > self.tension
        ):
            severity = Severity.WARNING
            detail = (
                f"the best values differ by {_tension(ea, eb):.0%} of the larger "
                f"(more than {self.tension:.0%}), though the intervals meet"
            )
        else:
            return None
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
        "intervals their wording admits are disjoint; a warning when the intervals meet but "
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


@attrs.frozen
class CumulativeDecreaseCheck:
    """A cumulative count that falls over time within one source's series."""

    id: ClassVar[str] = "cumulative-decrease"
    title: ClassVar[str] = "Cumulative counts that fall"
    severity: ClassVar[Severity] = Severity.ERROR
    what: ClassVar[str] = (
        "Follows each source's series of a cumulative count (killed, wounded, captured, acts "
        "alleged) over time: a later figure whose interval lies wholly below an earlier one "
        "is an error; a later best value below an earlier one is a warning.  Stocks, such "
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
        groups = context.shared("by-measure", lambda: by_measure(context.figures()))
        for group in groups.values():
            first = group[0]
            if (
                len(group) < 2
                or "." in first.field
                or type(first.record).tally(first.field) is not Tally.CUMULATIVE
            ):
                continue
            by_source: dict[str, list[Figure]] = {}
            for figure in group:
                by_source.setdefault(figure.record.source.id, []).append(figure)
            for series in by_source.values():
                series.sort(key=lambda f: (f.record.as_of.end, f.record.id))
                for before, after in itertools.pairwise(series):
                    if after.record.as_of.end <= before.record.as_of.end:
                        continue
                    yield from self._compare(before, after)

    def _compare(self, before: Figure, after: Figure) -> Iterator[Finding]:
        a, b = before.estimate, after.estimate
        if b.canonical_high is not None and b.canonical_high < a.canonical_low:
            severity = Severity.ERROR
        elif b.canonical_value < a.canonical_value and b.canonical_high is not None:
            severity = Severity.WARNING
        else:
            return
        yield Finding(
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
        "the total's highest, parts whose lowest readings together exceed it, and — when "
        "the parts are marked complete — parts whose sum cannot equal the total."
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
        if high is not None and lows > high and len(parts) > 1:
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
