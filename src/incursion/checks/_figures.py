"""Checks on the arithmetic of figures: conversions, extent, containment, rate."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator
from typing import Any, ClassVar

import attrs

from incursion._estimates import Estimate
from incursion._records import TerritorialClaim
from incursion._units import resolve_unit
from incursion.checks._core import Context, Figure, Finding, Severity, fmt, said, unique
from incursion.checks._keys import source_series

__all__ = ["ContainmentCheck", "ConversionCheck", "ExtentCheck", "RateCheck"]


def _significant(value: float, step: float) -> int:
    """How many significant figures ``value`` was written to, given its step."""
    if value == 0 or step <= 0:
        return 0
    return max(1, math.floor(math.log10(abs(value) / step) + 1e-9) + 1)


@attrs.frozen
class ConversionCheck:
    """A bracketed conversion disagrees with the figure beyond the precision it was written to."""

    id: ClassVar[str] = "conversion"
    title: ClassVar[str] = "Bracketed conversions"
    severity: ClassVar[Severity] = Severity.ERROR
    what: ClassVar[str] = (
        "Converts the stated number (not its hedged interval) into the unit of each bracketed "
        "equivalent and compares it with the bracketed number read to its written precision: "
        "within half a unit of its last digit passes; a truncation (within one unit, on the "
        "low side) is info; anything further is an error.  A bracket written to more "
        "significant figures than the figure itself is info."
    )
    why: ClassVar[str] = (
        "Reporters and translators convert figures by hand, and slips survive re-reporting. "
        "A wrong bracket means one of the two numbers was mis-copied."
    )
    example: ClassVar[str] = (
        '"about 700 square miles (2,000 km²)": 700 mi² is 1,813 km², outside 1,950–2,050.'
    )
    todo: ClassVar[str] = "Check which of the two numbers the source gave, and correct the other."

    def __call__(self, context: Context) -> Iterator[Finding]:
        """Check every bracketed conversion of every figure."""
        for figure in context.figures():
            if figure.estimate.conversions:
                yield from self.check_estimate(figure.estimate, figure.record.id, figure.path)

    def check_estimate(self, estimate: Estimate, record: str, path: str) -> Iterator[Finding]:
        """Check the bracketed conversions of one estimate, found at ``path`` of ``record``.

        Args:
            estimate: The figure, with the conversions it states.
            record: What the findings name as the record (an id, a line and column).
            path: Where the figure stands (a JSON path, a file and position).

        Returns:
            The findings, one for each conversion that is wrong or worth a look.

        >>> from incursion import Estimate
        >>> wrong = Estimate.parse("about 700 square miles (2,000 square kilometres)")
        >>> [f.message for f in ConversionCheck().check_estimate(wrong, "r1", "$.area")]
        ['about 700 mi²: 700 mi² is 1,813 km², not 2,000 km² (outside 1,950–2,050 km²)']

        .. versionadded:: 0.1.0
        """
        own = resolve_unit(estimate.unit) if estimate.unit else None
        if own is None or not estimate.conversions:
            return
        if estimate.stated_low is not None and len(estimate.conversions) == 2:
            pairs = list(
                zip(
                    (estimate.stated_low, estimate.stated_high or 0.0),
                    estimate.conversions,
                    strict=True,
                )
            )
        else:
            pairs = [(estimate.number, c) for c in estimate.conversions]
        for number, conversion in pairs:
            yield from self._one(record, path, estimate, own, number, conversion)

    def _one(
        self,
        record: str,
        path: str,
        estimate: Estimate,
        own: Any,
        number: float,
        conversion: Any,
    ) -> Iterator[Finding]:
        target = resolve_unit(conversion.unit)
        converted = number * own.factor / target.factor
        stated, step = conversion.number, conversion.step
        half = step / 2 if step else 0.5
        gap = converted - stated
        if abs(gap) <= half + 1e-9 * max(1.0, abs(converted)) and _significant(stated, step) <= max(
            _significant(number, estimate.step), 2
        ):
            return  # the common case, and no message to build
        unit = target.symbol
        shown = f"{fmt(number, own.symbol)} is {converted:,.4g} {unit}"
        if abs(gap) <= half + 1e-9 * max(1.0, abs(converted)):
            if _significant(stated, step) > max(_significant(number, estimate.step), 2):
                yield Finding(
                    check=self.id,
                    severity=Severity.INFO,
                    records=(record,),
                    paths=(path,),
                    message=f"{said(estimate)}: the bracket {fmt(stated, unit)} is more precise "
                    f"than the figure ({shown})",
                    explanation="The conversion carries more significant figures than the "
                    "figure it converts; the extra digits say nothing.",
                    figures=(
                        ("figure", said(estimate)),
                        ("stated", fmt(stated, unit)),
                        ("converted", f"{converted:,.6g} {unit}"),
                    ),
                )
            return
        truncated = 0 < gap < (step or 1) + 1e-9
        yield Finding(
            check=self.id,
            severity=Severity.INFO if truncated else Severity.ERROR,
            records=(record,),
            paths=(path,),
            message=f"{said(estimate)}: {shown}, not {fmt(stated, unit)}"
            + (
                " (truncated, not rounded)"
                if truncated
                else f" (outside {fmt(max(stated - half, 0.0))}–{fmt(stated + half)} {unit})"
            ),
            explanation=self.what,
            figures=(
                ("figure", said(estimate)),
                ("stated", fmt(stated, unit)),
                ("converted", f"{converted:,.6g} {unit}"),
            ),
        )


@attrs.frozen
class ExtentCheck:
    """An area larger than depth × front width allows."""

    id: ClassVar[str] = "extent"
    title: ClassVar[str] = "Area against depth and front"
    severity: ClassVar[Severity] = Severity.ERROR
    what: ClassVar[str] = (
        "For territorial claims of the same subject and controller whose time windows "
        "overlap, whatever their predicate, compares each area with the depth × front width "
        "given together in one record: an area whose lowest reading exceeds the "
        "product of the highest readings of depth and front is an error; one that fits only "
        "at the edge of the stated precision is a warning."
    )
    why: ClassVar[str] = (
        "Ground taken on a front of a given width to a given depth cannot cover more than "
        "their product.  Two sides' figures for the same day often cannot both be true."
    )
    example: ClassVar[str] = (
        "about 1,000 km² held against 12 km deep on a 40 km front: 12 km × 40 km = 480 km², "
        "at most 12.5 km × 40.5 km = 506 km² at the edge of the stated precision."
    )
    todo: ClassVar[str] = (
        "Find which figure is wrong: the area may include ground only raided or contested, "
        "or the depth and front may describe one axis of the advance."
    )

    def __call__(self, context: Context) -> Iterator[Finding]:
        """Compare every area with every depth × front of the same subject and window."""
        areas: dict[tuple[Any, ...], list[tuple[TerritorialClaim, Estimate]]] = defaultdict(list)
        boxes: dict[tuple[Any, ...], list[tuple[TerritorialClaim, Estimate, Estimate]]] = (
            defaultdict(list)
        )
        for record in context.records:
            if not isinstance(record, TerritorialClaim):
                continue
            key = (record.subject, record.controller)
            if record.area is not None:
                areas[key].append((record, context.read(record.area)))
            if record.depth is not None and record.front_width is not None:
                boxes[key].append(
                    (record, context.read(record.depth), context.read(record.front_width))
                )
        for key, claimed in areas.items():
            if key in boxes:
                yield from self._sweep(context, claimed, boxes[key])

    def _sweep(
        self,
        context: Context,
        claimed: list[tuple[TerritorialClaim, Estimate]],
        boxed: list[tuple[TerritorialClaim, Estimate, Estimate]],
    ) -> Iterator[Finding]:
        """Sweep over spans sorted by start, comparing each area with the tightest box.

        Each area meets the open depth × front figures that bound it most tightly, and each
        depth × front the open area that exceeds it most, so that work grows with the
        records, not with their pairs.
        """
        events = sorted(
            [(r.as_of.start, 0, r.id, (r, a)) for r, a in claimed]
            + [(r.as_of.start, 1, r.id, (r, d, f)) for r, d, f in boxed],
            key=lambda event: event[:3],
        )
        open_areas: list[tuple[TerritorialClaim, Estimate]] = []
        open_boxes: list[tuple[TerritorialClaim, Estimate, Estimate]] = []
        tightest: list[tuple[TerritorialClaim, Estimate, Estimate]] = []
        largest: tuple[TerritorialClaim, Estimate] | None = None
        earliest_end = None
        for start, kind, _, item in events:
            if earliest_end is not None and earliest_end < start:  # some windows closed
                open_areas = [x for x in open_areas if x[0].as_of.end >= start]
                open_boxes = [x for x in open_boxes if x[0].as_of.end >= start]
                tightest = _tightest(open_boxes)
                largest = max(open_areas, key=lambda x: x[1].canonical_low, default=None)
                ends = [x[0].as_of.end for x in open_areas] + [x[0].as_of.end for x in open_boxes]
                earliest_end = min(ends, default=None)
            if kind == 0:
                record, area = item  # type: ignore[misc]
                for other, depth, front in tightest:
                    found = list(self._compare(context, record, area, other, depth, front))
                    if found:
                        yield from found
                        break
                open_areas.append((record, area))
                if largest is None or area.canonical_low > largest[1].canonical_low:
                    largest = (record, area)
                end = record.as_of.end
            else:
                other, depth, front = item  # type: ignore[misc]
                if largest is not None:
                    yield from self._compare(context, *largest, other, depth, front)
                open_boxes.append((other, depth, front))
                tightest = (
                    _tightest(open_boxes)
                    if len(open_boxes) < 3
                    else _tightest([*tightest, (other, depth, front)])
                )
                end = other.as_of.end
            earliest_end = end if earliest_end is None else min(earliest_end, end)

    def _compare(
        self,
        context: Context,
        record: TerritorialClaim,
        area: Estimate,
        other: TerritorialClaim,
        depth: Estimate,
        front: Estimate,
    ) -> Iterator[Finding]:
        if depth.canonical_high is None or front.canonical_high is None:
            return
        nominal = depth.canonical_value * front.canonical_value
        bound = depth.canonical_high * front.canonical_high
        low = area.canonical_low
        if low <= nominal + 1e-9:
            return
        severity = Severity.ERROR if low > bound + 1e-9 else Severity.WARNING
        message = (
            f"area {said(area)} ({record.id}) exceeds depth × front "
            f"{fmt(depth.canonical_value, 'km')} × {fmt(front.canonical_value, 'km')} = "
            f"{fmt(nominal, 'km²')}, at most {fmt(bound, 'km²')} ({other.id})"
        )
        yield Finding(
            check=self.id,
            severity=severity,
            records=unique((record.id, other.id)),
            paths=(
                context.path(record, "area"),
                context.path(other, "depth"),
                context.path(other, "front_width"),
            ),
            message=message,
            explanation=(
                f"The area's lowest reading, {fmt(low, 'km²')}, is above "
                + (
                    f"even the largest product the stated precision allows, {fmt(bound, 'km²')}."
                    if severity is Severity.ERROR
                    else f"the nominal product {fmt(nominal, 'km²')}; only the edge of the stated "
                    f"precision ({fmt(bound, 'km²')}) reconciles them."
                )
            ),
            figures=(
                ("area", said(area)),
                ("depth", said(depth)),
                ("front", said(front)),
                ("depth × front", fmt(nominal, "km²")),
                ("at most", fmt(bound, "km²")),
            ),
        )


def _tightest(
    boxes: list[tuple[TerritorialClaim, Estimate, Estimate]],
) -> list[tuple[TerritorialClaim, Estimate, Estimate]]:
    """The boxes with the smallest bound and the smallest nominal product (at most two)."""
    bounded = [
        b for b in boxes if b[1].canonical_high is not None and b[2].canonical_high is not None
    ]
    if not bounded:
        return []
    by_bound = min(bounded, key=lambda b: b[1].canonical_high * b[2].canonical_high)  # type: ignore[operator]
    by_nominal = min(bounded, key=lambda b: b[1].canonical_value * b[2].canonical_value)
    return [by_bound] if by_bound is by_nominal else [by_bound, by_nominal]


@attrs.frozen
class ContainmentCheck:
    """An area larger than the region it lies in."""

    id: ClassVar[str] = "containment"
    title: ClassVar[str] = "Area within its region"
    severity: ClassVar[Severity] = Severity.ERROR
    what: ClassVar[str] = (
        "Compares the area of each territorial claim that names a region with the region's "
        "area, when the document gives it: an area whose lowest reading exceeds the region's "
        "highest is an error; one that fits only at the edges is a warning."
    )
    why: ClassVar[str] = "Ground held inside a region cannot be larger than the region."
    example: ClassVar[str] = "35,000 km² claimed in a region of 29,997 km²."
    todo: ClassVar[str] = "Check the region the claim names and the unit of the area."

    def __call__(self, context: Context) -> Iterator[Finding]:
        """Compare each claim's area with its region's."""
        for record in context.records:
            if not isinstance(record, TerritorialClaim) or record.area is None:
                continue
            region = context.regions.get(record.region or "")
            if region is None or region.area is None:
                continue
            area, whole = context.read(record.area), context.read(region.area)
            high = whole.canonical_high
            if high is None or area.canonical_value <= whole.canonical_value:
                continue
            severity = Severity.ERROR if area.canonical_low > high else Severity.WARNING
            yield Finding(
                check=self.id,
                severity=severity,
                records=(record.id,),
                paths=(context.path(record, "area"),),
                message=f"area {said(area)} ({record.id}) exceeds the area of {region.name}, "
                f"{said(whole)}",
                explanation=self.what,
                figures=(("area", said(area)), ("region", said(whole))),
            )


def _ground(figure: Figure) -> bool:
    """Whether a figure is ground gained: a territorial claim's area or depth."""
    return figure.record.__class__ is TerritorialClaim and figure.field in ("area", "depth")


@attrs.frozen
class RateCheck:
    """A gain faster than a plausibility bound, between two figures of one source."""

    id: ClassVar[str] = "rate"
    title: ClassVar[str] = "Implausible rate of change"
    severity: ClassVar[Severity] = Severity.WARNING
    what: ClassVar[str] = (
        "For each source's series of areas and depths of the same subject and controller, "
        "computes the smallest gain per day the intervals allow between consecutive figures "
        "and reports one above the bound."
    )
    why: ClassVar[str] = (
        "Ground is not taken arbitrarily fast; a jump usually means a changed definition "
        "(held versus raided), a unit slip or a misdated figure."
    )
    example: ClassVar[str] = "12 km deep on 10 August, 95 km deep on 11 August: 83 km in a day."
    todo: ClassVar[str] = "Check the dates and what each figure measures."

    max_area_per_day: float = 1_000.0
    max_depth_per_day: float = 50.0

    def __call__(self, context: Context) -> Iterator[Finding]:
        """Check each series for gains above the bounds."""
        for series in source_series(context, _ground):
            yield from self._series(context, series)

    def _series(self, context: Context, series: list[Figure]) -> Iterator[Finding]:
        """Compare each day's figures with the most generous figure of the day before.

        The series is sorted by end date (see :func:`source_series`).
        """
        previous: Figure | None = None  # the earlier day's figure with the greatest high end
        current: list[Figure] = []
        day = None
        for figure in series:
            if figure.record.as_of.end != day:
                bounded = [f for f in current if f.estimate.canonical_high is not None]
                if bounded:
                    previous = max(bounded, key=lambda f: f.estimate.canonical_high or 0.0)
                current, day = [], figure.record.as_of.end
            current.append(figure)
            if previous is not None:
                yield from self._gain(context, previous, figure)

    def _gain(self, context: Context, earlier: Figure, later: Figure) -> Iterator[Finding]:
        before, after = earlier.record, later.record
        field = later.field
        a, b = earlier.estimate, later.estimate
        bound = self.max_area_per_day if field == "area" else self.max_depth_per_day
        unit = "km²" if field == "area" else "km"
        days = (after.as_of.end - before.as_of.end).days
        if days > 0 and a.canonical_high is not None:
            gain = (b.canonical_low - a.canonical_high) / days
            if gain > bound:
                yield Finding(
                    check=self.id,
                    severity=Severity.WARNING,
                    records=(before.id, after.id),
                    paths=(context.path(before, field), context.path(after, field)),
                    message=f"{field} grew from {said(a)} ({before.id}) to {said(b)} "
                    f"({after.id}) in {days} day{'s' if days > 1 else ''}: at least "
                    f"{fmt(gain, unit)} a day, above {fmt(bound, unit)} a day",
                    explanation=self.what,
                    figures=((field, said(a)), (field, said(b)), ("days", str(days))),
                )
