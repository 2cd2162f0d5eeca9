"""Checks on the arithmetic of figures: conversions, extent, containment, rate."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator
from typing import Any, ClassVar, Final, cast

import attrs

from incursion._estimates import Estimate, Hedge
from incursion._records import TerritorialClaim
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
    said,
    told,
    unique,
)
from incursion.checks._coverage import overlapping
from incursion.checks._keys import series

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
        "Reads the stated number and each bracketed equivalent to their own written "
        "precision (half a unit of the last digit either side, not the hedge) and converts "
        "one into the other's unit: the number converted within the bracket's precision "
        "passes; the two precisions meeting only when the figure's own is used is info (one "
        'of them was rounded from a more precise value, as in "7 miles (12 km)"); a '
        "truncation (within one unit, on the low side) is info; intervals that do not meet "
        'are an error.  A bound ("more than", "up to") is read exactly on its closed side '
        "and one step of its written precision further on its open side, since the bracket "
        'may convert the value beyond it: "more than 6,000 km² (2,400 sq mi)" is info, 2,400 '
        'mi² being 6,216 km²; "more than 200 km² (75 sq mi)" is an error, 75 mi² being 194 '
        "km².  A "
        "bracket written to more significant figures than the figure itself is info."
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
                    cited=_conversion_cited(estimate, record, path, stated, half, converted, unit),
                )
            return
        truncated = 0 < gap < (step or 1) + 1e-9
        # The figure read to its own written precision (and, for a bound, one step beyond
        # it on its open side), converted: does it meet the bracket?
        meeting = _meeting_reading(estimate, number, own.factor / target.factor, stated, half)
        if meeting is not None:
            low, high, why = meeting
            note = (
                f" (but {fmt(low)}–{fmt(high, own.symbol)}, as written, meets "
                f"{fmt(max(stated - half, 0.0))}–{fmt(stated + half, unit)}: {why})"
            )
        elif truncated:
            note = " (truncated, not rounded)"
        else:
            note = f" (outside {fmt(max(stated - half, 0.0))}–{fmt(stated + half)} {unit})"
        yield Finding(
            check=self.id,
            severity=Severity.INFO if truncated or meeting is not None else Severity.ERROR,
            records=(record,),
            paths=(path,),
            message=f"{said(estimate)}: {shown}, not {fmt(stated, unit)}{note}",
            explanation=self.what,
            cited=_conversion_cited(estimate, record, path, stated, half, converted, unit),
        )


#: How far a bound's reading reaches beyond half a step of its written precision, in
#: steps, below and above.  Its closed side is the bound itself ("more than 200 km²" is
#: not 195 km²); its open side reaches a step further, since the bracket may convert the
#: value beyond the bound: "more than 6,000 km² (2,400 sq mi)" (6,216 km²).
_BOUND_REACH: Final = {
    Hedge.AT_LEAST: (-0.5, 1.0),
    Hedge.MORE_THAN: (-0.5, 1.0),
    Hedge.UP_TO: (1.0, -0.5),
    Hedge.FEWER_THAN: (1.0, -0.5),
}

_ROUNDED: Final = "one of them was rounded from a more precise value"


def _meeting_reading(
    estimate: Estimate, number: float, scale: float, stated: float, half: float
) -> tuple[float, float, str] | None:
    """Where the figure, read to its written precision, meets the bracket ``stated ± half``.

    A bound is read exactly on its closed side and a step further on its open side.
    ``scale`` takes the figure's unit to the bracket's.  Returns the reading's low and high
    (in the figure's unit) and why they meet.
    """
    step = estimate.step or 1.0
    tolerance = 1e-9 * max(1.0, abs(number * scale))
    below, above = _BOUND_REACH.get(estimate.hedge, (0.0, 0.0))
    low, high = number - step * (0.5 + below), number + step * (0.5 + above)
    if low * scale - tolerance <= stated + half and stated - half <= high * scale + tolerance:
        bound = below or above
        return low, high, _BEYOND_THE_BOUND if bound else _ROUNDED
    return None


_BEYOND_THE_BOUND: Final = "the bracket may convert the value beyond the bound, not the bound"


def _conversion_cited(
    estimate: Estimate,
    record: str,
    path: str,
    stated: float,
    half: float,
    converted: float,
    unit: str,
) -> tuple[Cited, ...]:
    """What a conversion finding rests on: the figure, the bracket as written, the result."""
    low, high = max(stated - half, 0.0), stated + half
    return (
        cite(estimate, "figure", record, path),
        Cited(
            label="stated",
            value=fmt(stated, unit),
            record=record,
            path=path,
            words=f"between {fmt(low)} and {fmt(high, unit)}",
            low=low,
            high=high,
            unit=unit,
        ),
        Cited(
            label="converted",
            value=f"{converted:,.6g} {unit}",
            words=f"{converted:,.6g} {unit}",
            low=converted,
            high=converted,
            unit=unit,
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
        areas, boxes = _extents(context)
        read = context.read
        for key, found in areas.items():
            box = boxes.get(key)
            if not box:
                continue
            claimed = [(r, read(r.area)) for r in map(_claim, found) if r.area is not None]
            boxed = [  # one box a record: its depth and its front
                (r, read(r.depth), read(r.front_width))
                for r in (_claim(f) for f in box if f.field == "depth")
                if r.depth is not None and r.front_width is not None
            ]
            if len(claimed) == len(boxed) == 1:  # the common case: one area, one box
                (record, area), box_of = claimed[0], boxed[0]
                if record.as_of.overlaps(box_of[0].as_of):
                    yield from self._compare(context, record, area, *box_of)
            else:
                yield from self._sweep(context, claimed, boxed)

    def compared(self, context: Context) -> Iterator[Figure]:
        """Areas and the depth × front figures they met, in overlapping windows."""
        areas, boxes = _extents(context)
        for key, found in areas.items():
            box = boxes.get(key)
            if not box:
                continue
            window = found[0].record.as_of
            if all(f.record.as_of == window for f in (*found, *box)):
                yield from found  # one window, the common case: every area meets every box
                yield from box
            else:
                both = sorted(found + box, key=lambda f: f.record.as_of.start)
                yield from overlapping(both, _is_area)

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
            f"area {said(area)} ({record.source.name}) exceeds depth × front "
            f"{fmt(depth.canonical_value, 'km')} × {fmt(front.canonical_value, 'km')} = "
            f"{fmt(nominal, 'km²')}, at most {fmt(bound, 'km²')} ({other.source.name})"
        )
        paths = (
            context.path(record, "area"),
            context.path(other, "depth"),
            context.path(other, "front_width"),
        )
        yield Finding(
            check=self.id,
            severity=severity,
            records=unique((record.id, other.id)),
            paths=paths,
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
            cited=(
                cite(area, "area", record.id, paths[0]),
                cite(depth, "depth", other.id, paths[1]),
                cite(front, "front", other.id, paths[2]),
                Cited(
                    label="depth × front",
                    value=fmt(nominal, "km²"),
                    words=f"{fmt(nominal)} km², at most {fmt(bound)} km²",
                    low=nominal,
                    high=bound,
                    unit="km²",
                ),
                Cited(label="at most", value=fmt(bound, "km²"), low=bound, high=bound, unit="km²"),
            ),
        )


_EXTENT_FIELDS: Final = frozenset({"area", "depth", "front_width"})

#: Figures by the subject and controller of their territorial claim.
_Extents = dict[tuple[Any, ...], list[Figure]]


def _extents(context: Context) -> tuple[_Extents, _Extents]:
    """The areas, and the depths and fronts of records that give both (built once).

    Both by subject and controller, in document order.
    """
    return context.shared("extents", lambda: _gather_extents(context))


def _gather_extents(context: Context) -> tuple[_Extents, _Extents]:
    areas: _Extents = defaultdict(list)
    boxes: _Extents = defaultdict(list)
    for figure in context.figures():
        record = figure.record
        if record.__class__ is not TerritorialClaim or figure.field not in _EXTENT_FIELDS:
            continue
        claim = _claim(figure)
        key = (claim.subject, claim.controller)
        if figure.field == "area":
            areas[key].append(figure)
        elif claim.depth is not None and claim.front_width is not None:
            boxes[key].append(figure)
    return areas, boxes


def _claim(figure: Figure) -> TerritorialClaim:
    """The territorial claim a figure of :func:`_extents` comes from."""
    return cast("TerritorialClaim", figure.record)


def _is_area(figure: Figure) -> bool:
    """Whether a figure is an area (rather than a depth or a front width)."""
    return figure.field == "area"


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

    def compared(self, context: Context) -> Iterator[Figure]:
        """The areas of claims whose region's area the document gives."""
        for record in context.records:
            region = context.regions.get(getattr(record, "region", None) or "")
            if region is not None and region.area is not None:
                figure = context.figure_at(record, "area")
                if figure is not None:
                    yield figure

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
                message=f"area {told(area, record.source.name)} exceeds the area of "
                f"{region.name}, {told(whole, 'the document')}",
                explanation=self.what,
                cited=(
                    cite(area, record.source.name, record.id, context.path(record, "area")),
                    cite(whole, region.name),
                ),
            )


#: The measures whose pace is bounded: (record kind, field) → the check's field holding
#: the bound, and the unit the bound is in.  A measure not listed is not rate-checked.
RATE_LIMITS: Final[dict[tuple[str, str], tuple[str, str]]] = {
    ("territorial-claim", "area"): ("max_area_per_day", "km²"),
    ("territorial-claim", "depth"): ("max_depth_per_day", "km"),
    ("territorial-claim", "settlements"): ("max_settlements_per_day", "settlements"),
    ("casualty-report", "displaced"): ("max_displaced_per_day", "people"),
}


def _paced(figure: Figure) -> bool:
    """Whether a figure's measure has a bound on its pace (see :data:`RATE_LIMITS`)."""
    return (figure.record.kind, figure.key[0]) in RATE_LIMITS


@attrs.frozen
class RateCheck:
    """A change faster than anything on record, between figures of nearby dates."""

    id: ClassVar[str] = "rate"
    title: ClassVar[str] = "Implausible rate of change"
    severity: ClassVar[Severity] = Severity.WARNING
    what: ClassVar[str] = (
        "Follows each measure whose pace is bounded (ground held: area, depth and "
        "settlements; people displaced) over time, across all sources, and computes the "
        "smallest change per day the intervals allow between each figure and the figures "
        "of the previous date: a gain or a fall above the bound is a warning.  The bounds "
        "sit above the fastest moves on record, so they do not flag a real rout."
    )
    why: ClassVar[str] = (
        "Ground is not taken, and people do not flee, arbitrarily fast; a jump usually "
        "means a changed definition (held versus raided), a unit slip or a misdated "
        "figure."
    )
    example: ClassVar[str] = "12 km deep on 10 August, 95 km deep on 11 August: 83 km in a day."
    todo: ClassVar[str] = "Check the dates and what each figure measures."

    max_area_per_day: float = attrs.field(
        default=5_000.0,
        metadata={
            "why": "km² a day. Above the fastest move on record: Ukraine's figures for "
            "Kharkiv went from more than 3,000 km² (11 September 2022) to more than 6,000 km² "
            "(12 September)."
        },
    )
    max_depth_per_day: float = attrs.field(
        default=50.0,
        metadata={
            "why": "km a day. Kharkiv, September 2022: 19 km on the first day, 110 km in five."
        },
    )
    max_settlements_per_day: float = attrs.field(
        default=100.0,
        metadata={
            "why": "Settlements a day. Kharkiv, September 2022: almost 400 settlements "
            "retaken in nine days."
        },
    )
    max_displaced_per_day: float = attrs.field(
        default=400_000.0,
        metadata={
            "why": "People a day. Ukraine, 2 March 2022: nearly 200,000 refugees in one day, "
            "the peak of the fastest exodus on record."
        },
    )

    def __call__(self, context: Context) -> Iterator[Finding]:
        """Check each series for changes above the bounds."""
        for figures in series(context, _paced):
            yield from self._series(figures)

    def compared(self, context: Context) -> Iterator[Figure]:
        """The figures of each paced series that spans two dates or more."""
        for figures in series(context, _paced):
            if figures[0].record.as_of.end != figures[-1].record.as_of.end:
                yield from figures

    def _series(self, figures: list[Figure]) -> Iterator[Finding]:
        """Compare each figure with the most generous figures of the previous date.

        The series is sorted by end date (see :func:`series`): the previous date's figure
        with the greatest high end bounds a gain, the one with the least low end a fall.
        """
        highest: Figure | None = None
        lowest: Figure | None = None
        current: list[Figure] = []
        day = None
        for figure in figures:
            if figure.record.as_of.end != day:
                if current:
                    bounded = [f for f in current if f.estimate.canonical_high is not None]
                    highest = max(
                        bounded, key=lambda f: f.estimate.canonical_high or 0.0, default=None
                    )
                    lowest = min(current, key=lambda f: f.estimate.canonical_low)
                current, day = [], figure.record.as_of.end
            current.append(figure)
            if lowest is not None:  # figures of an earlier date to compare with
                yield from self._pace(highest, lowest, figure)

    def _pace(self, highest: Figure | None, lowest: Figure, later: Figure) -> Iterator[Finding]:
        """A finding if ``later`` moved faster than the bound from the previous date's."""
        name, unit = RATE_LIMITS[(later.record.kind, later.key[0])]
        bound: float = getattr(self, name)
        b = later.estimate
        days = (later.record.as_of.end - lowest.record.as_of.end).days
        if days <= 0:
            return
        high = None if highest is None else highest.estimate.canonical_high
        gain = None if high is None else (b.canonical_low - high) / days
        fall = (
            None
            if b.canonical_high is None
            else (lowest.estimate.canonical_low - b.canonical_high) / days
        )
        if gain is not None and gain > bound and highest is not None:
            earlier, change, verb = highest, gain, "grew"
        elif fall is not None and fall > bound:
            earlier, change, verb = lowest, fall, "fell"
        else:
            return
        a = earlier.estimate
        before, after = earlier.record, later.record
        field = later.key[0]
        yield Finding(
            check=self.id,
            severity=Severity.WARNING,
            records=(before.id, after.id),
            paths=(earlier.path, later.path),
            message=f"{field} {verb} from {told(a, f'{before.source.name}, {before.as_of}')} "
            f"to {told(b, f'{after.source.name}, {after.as_of}')} in {days} "
            f"day{'s' if days > 1 else ''}: at least {fmt(change, unit)} a day, above "
            f"{fmt(bound, unit)} a day",
            explanation=self.what,
            cited=(cite_figure(earlier), cite_figure(later)),
        )
