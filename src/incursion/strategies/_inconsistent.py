"""Inconsistent documents: :func:`inconsistent_documents`, one slip a named check finds.

Each injector writes records about a subject of their own, so that they meet none of the
consistent document's figures, with one inconsistency the named check finds whatever the
hedges: one figure is written with hedges that bound it above (its interval ends below
some value), the other, at least three times further, with hedges that bound it below.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Final

import attrs

from incursion._estimates import Estimate
from incursion._likelihood import Likelihood
from incursion._records import (
    Act,
    Allegation,
    Assessment,
    CasualtyReport,
    Count,
    Document,
    Evidence,
    MaterielLoss,
    Measurement,
    Part,
    Population,
    Record,
    Region,
    Relation,
    Share,
    Status,
    TerritorialClaim,
)
from incursion._sources import Source
from incursion._time import Span
from incursion._units import lookup_unit
from incursion.checks import RateCheck
from incursion.strategies._consistent import (
    CONSISTENT_SUBJECTS,
    HIGH_BOUNDED,
    LOW_BOUNDED,
    PROPOSITIONS,
    REGION_NAMES,
    consistent_figure,
    modelled_documents,
    per_mille,
    renumbered,
)
from incursion.strategies._draw import InvalidArgument, pick, some, st
from incursion.strategies._figures import MEASURED_UNITS, SPELLINGS, is_measured, spelled
from incursion.strategies._numbers import significant_places, write_number
from incursion.strategies._records import (
    COMBINED,
    COUNT_FIELDS,
    EQUIPMENT,
    EQUIPMENT_PARTS,
    FATES,
    PART_NAMES,
)

__all__ = ["INJECTABLE_CHECKS", "INJECTORS", "documents_with_slip", "inconsistent_documents"]


@attrs.frozen
class _Scene:
    """Where injected records go: a fresh subject, the document's sources and a day."""

    subject: str
    sources: tuple[Source, ...]
    day: dt.date
    region_id: str


def _fresh(taken: Iterable[str], wanted: str) -> str:
    """``wanted``, changed until it is none of ``taken``."""
    used = set(taken)
    while wanted in used:
        wanted += "-x"
    return wanted


def _claim_of(scene: _Scene, source: Source, day: dt.date, **fields: Any) -> TerritorialClaim:
    return TerritorialClaim(
        id="x",
        source=source,
        subject=scene.subject,
        as_of=Span.day(day),
        controller="Ukraine",
        **fields,
    )


def _casualties_of(scene: _Scene, source: Source, day: dt.date, **fields: Any) -> CasualtyReport:
    return CasualtyReport(
        id="x",
        source=source,
        subject=scene.subject,
        as_of=Span.day(day),
        population=Population.CIVILIAN,
        **fields,
    )


_Injected = tuple[list[Record], list[Region]]


def _conversion(draw: st.DrawFn, scene: _Scene) -> _Injected:
    """A measured figure whose bracketed conversion is 1.5 to 3 times what it should be."""
    field, dimension = draw(st.sampled_from((("area", "area"), ("depth", "length"))))
    unit = pick(draw, SPELLINGS[dimension])
    own = lookup_unit(unit)
    number = float(draw(st.integers(2, 5_000)))
    other = pick(draw, [u for u in MEASURED_UNITS[dimension] if u != own.name])
    wrong = number * own.factor / lookup_unit(other).factor * (1.5 + draw(per_mille(0, 1_500)))
    word = draw(st.sampled_from(("", "about", "around", "approximately", "nearly", "up to")))
    bracket = f"{write_number(wrong, significant_places(wrong), 'comma')} {spelled(other)}"
    text = f"{word} {number:,.0f} {unit} ({bracket})".strip()
    source = pick(draw, scene.sources)
    return [_claim_of(scene, source, scene.day, **{field: text})], []


def _extent(draw: st.DrawFn, scene: _Scene) -> _Injected:
    """An area at least three times the largest depth × front the figures allow."""
    depth = consistent_figure(draw, draw(st.integers(20, 600)) / 10, "length", HIGH_BOUNDED)
    width = consistent_figure(draw, draw(st.integers(20, 1_000)) / 10, "length", HIGH_BOUNDED)
    bound = (depth.canonical_high or 0.0) * (width.canonical_high or 0.0)
    area = consistent_figure(draw, bound * draw(st.integers(6, 20)), "area", LOW_BOUNDED)
    first, second = pick(draw, scene.sources), pick(draw, scene.sources)
    return [
        _claim_of(scene, first, scene.day, depth=depth, front_width=width),
        _claim_of(scene, second, scene.day, area=area),
    ], []


def _part_whole(draw: st.DrawFn, scene: _Scene) -> _Injected:
    """A named part of a count at least three times the highest reading of its total."""
    total = consistent_figure(draw, draw(st.integers(2, 100_000)), "person", HIGH_BOUNDED)
    part_truth = math.ceil((total.canonical_high or 0.0) * draw(st.integers(6, 20))) + 2
    part = Part(
        name=pick(draw, PART_NAMES),
        estimate=consistent_figure(draw, part_truth, "person", LOW_BOUNDED),
    )
    field = pick(draw, COUNT_FIELDS)
    source = pick(draw, scene.sources)
    return [
        _casualties_of(scene, source, scene.day, **{field: Count(total=total, parts=(part,))})
    ], []


#: Statuses whose figures keep their upper bound (a documented one is a lower bound).
_BOUNDED_STATUSES: Final = (None, Status.CLAIMED, Status.ASSESSED)


def _far_above(draw: st.DrawFn, figure: Estimate) -> float:
    """A truth 6 to 20 times (and 2 more than) the highest reading of ``figure``.

    A figure of it drawn with :data:`LOW_BOUNDED` hedges reads at least half of it: three
    times ``figure``'s highest.
    """
    return math.ceil((figure.canonical_high or 0.0) * draw(st.integers(6, 20))) + 2


def _equipment_part(draw: st.DrawFn, scene: _Scene) -> _Injected:
    """A narrower equipment type, as a part, at least three times its total's highest."""
    name = pick(draw, tuple(EQUIPMENT_PARTS))
    part = pick(draw, EQUIPMENT_PARTS[name])
    total = consistent_figure(draw, draw(st.integers(2, 5_000)), EQUIPMENT[name], HIGH_BOUNDED)
    larger = consistent_figure(draw, _far_above(draw, total), EQUIPMENT[part], LOW_BOUNDED)
    loss = MaterielLoss(
        id="x",
        source=pick(draw, scene.sources),
        subject=scene.subject,
        as_of=Span.day(scene.day),
        party=pick(draw, ("Russia", "Ukraine")),
        fate=pick(draw, FATES),
        status=pick(draw, _BOUNDED_STATUSES),
        equipment={name: Count(total=total, parts=(Part(name=part, estimate=larger),))},
    )
    return [loss], []


def _single_above_combined(draw: st.DrawFn, scene: _Scene) -> _Injected:
    """A single casualty count at least three times the highest of a combined one."""
    combined = pick(draw, tuple(COMBINED))
    single = pick(draw, COMBINED[combined])
    whole = consistent_figure(draw, draw(st.integers(2, 100_000)), "person", HIGH_BOUNDED)
    larger = consistent_figure(draw, _far_above(draw, whole), "person", LOW_BOUNDED)
    counts: dict[str, Any] = {combined: whole, single: larger}
    source = pick(draw, scene.sources)
    report = _casualties_of(
        scene, source, scene.day, status=pick(draw, _BOUNDED_STATUSES), **counts
    )
    return [report], []


def _singles_short(draw: st.DrawFn, scene: _Scene) -> _Injected:
    """All the single counts of a combined count, adding up to a third of it at most."""
    combined = pick(draw, tuple(COMBINED))
    singles = {
        name: consistent_figure(draw, draw(st.integers(2, 50_000)), "person", HIGH_BOUNDED)
        for name in COMBINED[combined]
    }
    top = sum(e.canonical_high or 0.0 for e in singles.values())
    truth = math.ceil(top * draw(st.integers(6, 20))) + 2
    counts: dict[str, Any] = {
        **singles,
        combined: consistent_figure(draw, truth, "person", LOW_BOUNDED),
    }
    source = pick(draw, scene.sources)
    report = _casualties_of(
        scene, source, scene.day, status=pick(draw, _BOUNDED_STATUSES), **counts
    )
    return [report], []


#: Pairs of records, one holding a wider figure and the other one that lies within it:
#: the kind of pair, with what the wider and the narrower figure measure.
_PAIRS: Final[Mapping[str, tuple[str, str]]] = {
    "evacuated": ("person", "person"),
    "area": ("area", "area"),
    "equipment": ("armoured_vehicle", "tank"),
    "group": ("person", "person"),
}


def _pair(
    draw: st.DrawFn, scene: _Scene, kind: str, wider: Estimate, own: Estimate, link: str, **how: Any
) -> list[Record]:
    """Two records of a pair: the wider figure, and one that names it in ``link``.

    ``link`` is ``within`` or ``share_of``; ``how`` holds what a share adds (``percent``).
    Each record has an id of its own among the injected ones, for the relation.
    """
    first, second = pick(draw, scene.sources), pick(draw, scene.sources)
    common: dict[str, Any] = {"subject": scene.subject, "as_of": Span.day(scene.day)}
    bounded: dict[str, Any] = {"status": pick(draw, _BOUNDED_STATUSES)}
    if kind == "evacuated":
        place = pick(draw, ("Sudzha", "Sumy", "Kursk Oblast"))
        measure = pick(draw, ("population", "planned-evacuation"))
        whole: Record = Measurement(
            id="w", source=first, measure=measure, of=place, value=wider, **common, **bounded
        )
        field, own_field = "value", "value"
        part: Callable[..., Record] = functools.partial(
            Measurement, measure="evacuated", of=place, value=own
        )
    elif kind == "area":
        place = pick(draw, REGION_NAMES)
        whole = Measurement(
            id="w", source=first, measure="area", of=place, value=wider, **common, **bounded
        )
        field, own_field = "value", "area"
        part = functools.partial(TerritorialClaim, controller="Ukraine", area=own)
    elif kind == "equipment":
        whole = MaterielLoss(
            id="w",
            source=first,
            party="Russia",
            equipment={"armoured vehicles": wider},
            **common,
            **bounded,
        )
        field, own_field = "equipment.armoured vehicles", "equipment.tanks"
        part = functools.partial(MaterielLoss, party="Russia", equipment={"tanks": own})
    else:
        whole = _casualties_of(scene, first, scene.day, killed=wider, **bounded)
        whole = attrs.evolve(whole, id="w")
        field, own_field = "killed", "killed"
        part = functools.partial(
            CasualtyReport, population=Population.CIVILIAN, group="children", killed=own
        )
    cls = Share if link == "share_of" else Relation
    relation = cls(record="w", field=field, figure=pick(draw, (None, own_field)), **how)
    narrower = part(
        id="p",
        source=second,
        status=pick(draw, _BOUNDED_STATUSES),
        **common,
        **{link: relation},
    )
    return [whole, narrower]


def _within(draw: st.DrawFn, scene: _Scene) -> _Injected:
    """A figure at least three times the highest reading of the one it lies ``within``."""
    kind = pick(draw, tuple(_PAIRS))
    wide, narrow = _PAIRS[kind]
    wider = consistent_figure(draw, draw(st.integers(2, 50_000)), wide, HIGH_BOUNDED)
    own = consistent_figure(draw, _far_above(draw, wider), narrow, LOW_BOUNDED)
    return _pair(draw, scene, kind, wider, own, "within"), []


_LOW_PERCENTS: Final = ("{n}%", "about {n}%", "at least {n} per cent", "more than {n}%")
_HIGH_PERCENTS: Final = ("{n}%", "about {n} percent", "up to {n}%", "nearly {n}%")


def _share_below(draw: st.DrawFn, scene: _Scene) -> _Injected:
    """A part at most a third of the lowest reading of its share of the whole."""
    kind = pick(draw, tuple(_PAIRS))
    wide, narrow = _PAIRS[kind]
    wider = consistent_figure(draw, draw(st.integers(1_000, 100_000)), wide, LOW_BOUNDED)
    percent = Estimate.parse(pick(draw, _LOW_PERCENTS).format(n=draw(st.integers(10, 100))))
    least = percent.canonical_low * wider.canonical_low
    truth = least / draw(st.integers(6, 20))
    if not is_measured(narrow):
        truth = max(2, math.floor(truth))
    own = consistent_figure(draw, truth, narrow, HIGH_BOUNDED)
    return _pair(draw, scene, kind, wider, own, "share_of", percent=percent), []


def _share_above(draw: st.DrawFn, scene: _Scene) -> _Injected:
    """A part at least three times the highest reading of its share of the whole."""
    kind = pick(draw, tuple(_PAIRS))
    wide, narrow = _PAIRS[kind]
    wider = consistent_figure(draw, draw(st.integers(20, 100_000)), wide, HIGH_BOUNDED)
    percent = Estimate.parse(pick(draw, _HIGH_PERCENTS).format(n=draw(st.integers(5, 30))))
    most = (percent.canonical_high or 0.0) * (wider.canonical_high or 0.0)
    own = consistent_figure(
        draw, math.ceil(most * draw(st.integers(6, 20))) + 2, narrow, LOW_BOUNDED
    )
    return _pair(draw, scene, kind, wider, own, "share_of", percent=percent), []


def _apart(draw: st.DrawFn, *, totals: bool = True) -> tuple[str, str, Estimate, Estimate]:
    """Two figures of one measure whose intervals lie far apart: (kind, field, low, high).

    Without ``totals``, no running total: one source's two values of one on one day are an
    update, not a slip.
    """
    measures = (
        ("claim", "area", "area"),
        ("claim", "depth", "length"),
        ("casualties", "displaced", "person"),
    )
    kind, field, dimension = draw(
        st.sampled_from(measures + ((("casualties", "killed", "person"),) if totals else ()))
    )
    low = consistent_figure(draw, draw(st.integers(20, 2_000)), dimension, HIGH_BOUNDED)
    high_truth = math.ceil((low.canonical_high or 0.0) * draw(st.integers(6, 20))) + 2
    high = consistent_figure(draw, high_truth, dimension, LOW_BOUNDED)
    return kind, field, low, high


def _of_kind(
    kind: str, scene: _Scene, source: Source, day: dt.date, **fields: Any
) -> TerritorialClaim | CasualtyReport:
    if kind == "claim":
        return _claim_of(scene, source, day, **fields)
    return _casualties_of(scene, source, day, **fields)


def _disagreement(draw: st.DrawFn, scene: _Scene) -> _Injected:
    """Two sources give figures for one measure and day whose intervals lie far apart."""
    kind, field, low, high = _apart(draw)
    first, second = some(draw, scene.sources, 2, 2)
    pair: list[Record] = [
        _of_kind(kind, scene, first, scene.day, **{field: low}),
        _of_kind(kind, scene, second, scene.day, **{field: high}),
    ]
    return pair, []


def _self_contradiction(draw: st.DrawFn, scene: _Scene) -> _Injected:
    """One source gives figures for one measure and day whose intervals lie far apart."""
    kind, field, low, high = _apart(draw, totals=False)
    source = pick(draw, scene.sources)
    pair: list[Record] = [
        _of_kind(kind, scene, source, scene.day, **{field: low}),
        _of_kind(kind, scene, source, scene.day, **{field: high}),
    ]
    return pair, []


def _cumulative_decrease(draw: st.DrawFn, scene: _Scene) -> _Injected:
    """One source's cumulative count falls, the later interval wholly below the earlier."""
    field = draw(st.sampled_from(("killed", "wounded", "captured")))
    before = consistent_figure(draw, draw(st.integers(100, 100_000)), "person", LOW_BOUNDED)
    after_truth = max(2, math.floor(before.canonical_low / draw(st.integers(3, 10))))
    after = consistent_figure(draw, after_truth, "person", HIGH_BOUNDED)
    later = scene.day + dt.timedelta(days=draw(st.integers(1, 30)))
    source = pick(draw, scene.sources)
    return [
        _casualties_of(scene, source, scene.day, **{field: before}),
        _casualties_of(scene, source, later, **{field: after}),
    ], []


def _rate(draw: st.DrawFn, scene: _Scene) -> _Injected:
    """One source's depth (or area) grows far faster than the rate check allows."""
    limits = RateCheck()
    field, dimension, per_day = draw(
        st.sampled_from(
            (
                ("depth", "length", limits.max_depth_per_day),
                ("area", "area", limits.max_area_per_day),
            )
        )
    )
    before = consistent_figure(draw, draw(st.integers(5, 500)), dimension, HIGH_BOUNDED)
    days = draw(st.integers(1, 3))
    after_truth = 2 * ((before.canonical_high or 0.0) + per_day * days * 3)
    after = consistent_figure(draw, after_truth, dimension, LOW_BOUNDED)
    source = pick(draw, scene.sources)
    later = scene.day + dt.timedelta(days=days)
    return [
        _claim_of(scene, source, scene.day, **{field: before}),
        _claim_of(scene, source, later, **{field: after}),
    ], []


def _unround(n: int) -> int:
    """``n``, or the next number, so that its last digit is not 0."""
    return n + 1 if n % 10 == 0 else n


def _running_total(draw: st.DrawFn, scene: _Scene) -> _Injected:
    """One source's running total moves, from one day to the next, by more than it says."""
    # Totals not round (a round total is read to its last significant digit); the gap
    # beyond the change wider than a round change's own precision.
    total, change = _unround(draw(st.integers(10, 10_000))), draw(st.integers(0, 50))
    later = _unround(total + change + draw(st.integers(10, 100)))
    source = pick(draw, scene.sources)
    kind = pick(draw, ("tanks", "drones", "APCs"))

    def loss(day: dt.date, count: Count) -> MaterielLoss:
        return MaterielLoss(
            id="x",
            source=source,
            subject=scene.subject,
            as_of=Span.day(day),
            party="Russia",
            equipment={kind: count},
        )

    return [
        loss(scene.day, Count(total=total)),
        loss(scene.day + dt.timedelta(days=1), Count(total=later, change=change)),
    ], []


def _containment(draw: st.DrawFn, scene: _Scene) -> _Injected:
    """A claim's area at least three times the largest reading of its region's area."""
    whole = consistent_figure(draw, draw(st.integers(100, 50_000)), "area", HIGH_BOUNDED)
    area_truth = (whole.canonical_high or 0.0) * draw(st.integers(6, 20))
    area = consistent_figure(draw, area_truth, "area", LOW_BOUNDED)
    region = Region(id=scene.region_id, name=pick(draw, REGION_NAMES), area=whole)
    source = pick(draw, scene.sources)
    return [_claim_of(scene, source, scene.day, area=area, region=scene.region_id)], [region]


def _unsupported_allegation(draw: st.DrawFn, scene: _Scene) -> _Injected:
    """An allegation graded credible (1 or 2) with no public evidence."""
    allegation = Allegation(
        id="x",
        source=pick(draw, scene.sources),
        subject=scene.subject,
        as_of=Span.day(scene.day),
        credibility=draw(st.integers(1, 2)),
        accused=draw(st.none() | st.sampled_from(("Ukraine", "Russia"))),
        act=draw(st.sampled_from(tuple(Act))),
        evidence=Evidence.NONE_PUBLIC,
    )
    return [allegation], []


def _estimative_language(draw: st.DrawFn, scene: _Scene) -> _Injected:
    """An assessment whose likelihood term speaks of confidence."""
    term = draw(
        st.sampled_from(
            ("high confidence", "moderate confidence", "we are confident", "low confidence")
        )
    )
    assessment = Assessment(
        id="x",
        source=pick(draw, scene.sources),
        subject=scene.subject,
        as_of=Span.day(scene.day),
        proposition=pick(draw, (None, *PROPOSITIONS)),
        likelihood=Likelihood(term=term),
    )
    return [assessment], []


_Injector = Callable[[st.DrawFn, _Scene], _Injected]

#: For each check, the kinds of slip it finds that can be injected, by name.
INJECTORS: Final[Mapping[str, Mapping[str, _Injector]]] = {
    "conversion": {"conversion": _conversion},
    "extent": {"extent": _extent},
    "part-whole": {
        "casualty-part": _part_whole,
        "equipment-part": _equipment_part,
        "single-above-combined": _single_above_combined,
        "singles-short": _singles_short,
        "within": _within,
    },
    "disagreement": {"disagreement": _disagreement},
    "self-contradiction": {"self-contradiction": _self_contradiction},
    "cumulative-decrease": {"cumulative-decrease": _cumulative_decrease},
    "running-total": {"running-total": _running_total},
    "rate": {"rate": _rate},
    "containment": {"containment": _containment},
    "unsupported-allegation": {"unsupported-allegation": _unsupported_allegation},
    "estimative-language": {"estimative-language": _estimative_language},
    "share": {"share-below": _share_below, "share-above": _share_above},
}

# The ids of the checks :func:`inconsistent_documents` can inject an inconsistency for:
# every built-in check that reports one (``revision`` only notes a correction).
# Documented in docs/api.md: autodoc reads no comment of a name the package imports.
INJECTABLE_CHECKS: Final[tuple[str, ...]] = tuple(INJECTORS)


@st.composite
def documents_with_slip(draw: st.DrawFn, check: str | None, slip: str | None = None) -> Document:
    """A consistent document with one slip of the kind ``check`` finds (any, if ``None``).

    ``slip`` names one of the check's kinds of slip (:data:`INJECTORS`); any if ``None``.
    """
    model, base = draw(modelled_documents())
    name = check if check is not None else draw(st.sampled_from(INJECTABLE_CHECKS))
    slips = INJECTORS[name]
    inject = slips[slip] if slip is not None else slips[pick(draw, tuple(slips))]
    scene = _Scene(
        subject=_fresh(model.subjects, pick(draw, CONSISTENT_SUBJECTS)),
        sources=model.sources,
        day=pick(draw, model.days),
        region_id=_fresh((r.id for r in base.regions), "region-x"),
    )
    injected, new_regions = inject(draw, scene)
    records_now = list(base.records)
    for record in renumbered(draw, injected, taken=(r.id for r in base.records)):
        records_now.insert(draw(st.integers(0, len(records_now))), record)
    return Document(
        sources=base.sources, records=records_now, regions=(*base.regions, *new_regions)
    )


def inconsistent_documents(check: str | None = None) -> st.SearchStrategy[Document]:
    """Consistent documents with one inconsistency added, of the kind ``check`` finds.

    The document is drawn from :func:`consistent_documents`, and records with one
    inconsistency are inserted among its records, about a subject of their own: the named
    check reports them (at its default severity, a warning or an error), and no check
    reports anything else at warning or above.

    A check that finds several kinds of slip gets any of them: ``part-whole`` a named
    part larger than its total (of a casualty count, or a narrower equipment type of an
    equipment count), a single casualty count larger than a combined count that includes
    it, single counts that cannot add up to their combined count, or a figure larger than
    the one it lies ``within``; ``share`` a figure below or above what its percentage of
    its whole allows.

    Args:
        check: The id of a built-in check, one of :data:`INJECTABLE_CHECKS`
            (``"extent"``, ``"disagreement"``, …); any of them when ``None``.

    Returns:
        A strategy for :class:`~incursion.Document`.

    Raises:
        hypothesis.errors.InvalidArgument: ``check`` is not one of
            :data:`INJECTABLE_CHECKS`.

    .. versionadded:: 0.1.0
    """
    if check is not None and check not in INJECTORS:
        raise InvalidArgument(
            f"check={check!r} names no check inconsistent_documents can inject an "
            f"inconsistency for: expected None or one of {', '.join(INJECTABLE_CHECKS)}"
        )
    return documents_with_slip(check)
