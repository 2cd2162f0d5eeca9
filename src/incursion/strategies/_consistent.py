"""Consistent documents: :func:`consistent_documents`, written from a model of the truth.

A consistent document is written from a small model of the truth: for each measure (an
area held, a depth, people killed by day, …) a true value, and every figure a source
gives for it is a hedged reading whose interval contains that value.  Intervals that all
contain one value meet, so no two figures disagree; and two-sided figures keep their best
value within 0 to +5% of the truth (plus rounding), well inside the checks' 25% tension.
Cumulative counts grow by more than 5% a day, so each day's best values lie above every
earlier day's.

Drawing is kept cheap, since a document holds dozens of figures: every strategy drawn
from here is built once, and names, subjects and ids come from short lists.
"""

from __future__ import annotations

import collections
import datetime as dt
import functools
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Final

import attrs

from incursion._estimates import Estimate, Hedge
from incursion._likelihood import Likelihood
from incursion._records import (
    MEASURES,
    Act,
    Allegation,
    Assessment,
    CasualtyReport,
    Confidence,
    Count,
    Document,
    Evidence,
    MaterielLoss,
    Measurement,
    Part,
    Population,
    Predicate,
    Record,
    Region,
    Relation,
    Share,
    Tally,
    TerritorialClaim,
)
from incursion._sources import Reliability, Source
from incursion._time import Span
from incursion._units import lookup_unit
from incursion.strategies._draw import pick, shuffled, some, st
from incursion.strategies._fields import confidence_free, credibilities, likelihoods, spans
from incursion.strategies._figures import MEASURED_UNITS, SPELLINGS, is_measured, spelled
from incursion.strategies._numbers import (
    RANGE_WORDS,
    SUFFIX_WORDS,
    hedge_words,
    number_word,
    render_hedged,
    render_range,
    significant_places,
    write_number,
)
from incursion.strategies._records import (
    CASUALTY_FIELDS,
    COMBINED,
    COUNT_FIELDS,
    EQUIPMENT,
    FATES,
    MEASURED_OF,
    PART_NAMES,
    STATUSES,
)
from incursion.strategies._relations import WHOLES, figure_slots, fits, own_figure, percents

__all__ = [
    "CONSISTENT_SUBJECTS",
    "HIGH_BOUNDED",
    "LOW_BOUNDED",
    "PROPOSITIONS",
    "REGION_NAMES",
    "Model",
    "consistent_documents",
    "consistent_figure",
    "modelled_documents",
    "per_mille",
    "renumbered",
]

LOW_BOUNDED: Final = (Hedge.EXACT, Hedge.ABOUT, Hedge.NEARLY, Hedge.AT_LEAST, Hedge.MORE_THAN)
HIGH_BOUNDED: Final = (Hedge.EXACT, Hedge.ABOUT, Hedge.NEARLY, Hedge.UP_TO, Hedge.FEWER_THAN)

_SOURCE_NAMES: Final = (
    ("Oleksandr Syrskyi", "Ukraine", "military"),
    ("Volodymyr Zelensky", "Ukraine", "official"),
    ("Alexei Smirnov", "Russia", "official"),
    ("Russian Ministry of Defence", "Russia", "military"),
    ("Institute for the Study of War", None, "think-tank"),
    ("DeepState", None, "osint"),
)
CONSISTENT_SUBJECTS: Final = ("kursk-2024", "sumy-2024", "belgorod-2024", "kharkiv-2024")
REGION_NAMES: Final = ("Kursk Oblast", "Sumy Oblast", "Belgorod Oblast", "Kharkiv Oblast")
_ID_PREFIXES: Final = ("r", "rec-", "ua.", "claim:", "R_")
PROPOSITIONS: Final = (
    "Ukraine will hold the ground for months",
    "Russia will retake the salient by spring",
    "The offensive aims to divert Russian forces",
)
_FORMS: Final = ("built", "comma", "plain", "space")


def _up(value: float, decimals: int) -> float:
    scale = 10.0**decimals
    return math.ceil(value * scale - 1e-9) / scale


def _down(value: float, decimals: int) -> float:
    scale = 10.0**decimals
    return math.floor(value * scale + 1e-9) / scale


@functools.cache
def per_mille(low: int, high: int) -> st.SearchStrategy[float]:
    """Fractions from ``low``/1000 to ``high``/1000, shrinking towards ``low``."""
    return st.integers(low, high).map(lambda n: n / 1000)


def _count_numbers(truth: int, hedge: Hedge, a: float, b: float) -> tuple[int, int | None]:
    """The number (or range ends) a source writes for a count of true value ``truth`` ≥ 2.

    ``a`` and ``b`` are fractions in [0, 1) that choose among the numbers the hedge
    allows; 0 gives the number closest to the truth.
    """
    one = _ONE_COUNT.get(hedge)
    if one is not None:
        return one(truth, a), None
    middle = truth + math.floor(truth * a / 20)
    low = min(truth - 1, truth - math.floor(truth * (0.02 + b / 8)))
    return low, 2 * middle - low


#: The one number each hedge but "between" writes for a count of true value ``truth``,
#: chosen by ``a`` in [0, 1) (0: closest to the truth).
_ONE_COUNT: Final[Mapping[Hedge, Callable[[int, float], int]]] = {
    Hedge.EXACT: lambda truth, _: truth,
    Hedge.ABOUT: lambda truth, a: truth + math.floor(truth * a / 20),  # to 105% of truth
    Hedge.NEARLY: lambda truth, a: truth + math.floor(truth * a / 20),
    Hedge.AT_LEAST: lambda truth, a: truth - math.floor(truth * a / 2),  # to 50% of truth
    Hedge.MORE_THAN: lambda truth, a: min(truth - 1, truth - math.floor(truth * a / 2)),
    Hedge.UP_TO: lambda truth, a: truth + math.ceil(truth * a / 2),  # to 150% of truth
    Hedge.FEWER_THAN: lambda truth, a: max(truth + 1, truth + math.ceil(truth * a / 2)),
}


def _measured_numbers(
    truth: float, hedge: Hedge, a: float, b: float
) -> tuple[float, float | None, int]:
    """As :func:`_count_numbers`, for a measure; also the decimal places to write.

    Three places after a whole number would read as thousands ("1.001"): a truth just
    below 1 whose numbers reach 1 is written to four.
    """
    places = significant_places(truth)
    numbers = _rounded_numbers(truth, hedge, a, b, places)
    if places == 3 and max(numbers[0], numbers[1] or 0.0) >= 1:
        return _rounded_numbers(truth, hedge, a, b, 4)
    return numbers


def _rounded_numbers(
    truth: float, hedge: Hedge, a: float, b: float, places: int
) -> tuple[float, float | None, int]:
    one = _ONE_MEASURE.get(hedge)
    if one is not None:
        return one(truth, a, places), None, places
    middle = truth * (1 + a / 20)
    half = (middle - truth) + truth * (0.02 + b / 12)
    return _down(middle - half, places), _up(middle + half, places), places


#: The one number each hedge but "between" writes for a measure of true value ``truth``,
#: chosen by ``a`` in [0, 1), to ``places`` decimal places.
_ONE_MEASURE: Final[Mapping[Hedge, Callable[[float, float, int], float]]] = {
    Hedge.EXACT: lambda truth, _, places: round(truth, places),
    Hedge.ABOUT: lambda truth, a, places: _up(truth * (1 + a / 20), places),
    Hedge.NEARLY: lambda truth, a, places: _up(truth * (1 + a / 20), places),
    Hedge.AT_LEAST: lambda truth, a, places: _down(truth * (1 - a / 2), places),
    Hedge.MORE_THAN: lambda truth, a, places: _down(truth * (0.99 - a / 2), places),
    Hedge.UP_TO: lambda truth, a, places: _up(truth * (1 + a / 2), places),
    Hedge.FEWER_THAN: lambda truth, a, places: _up(truth * (1.01 + a / 2), places),
}


def consistent_figure(
    draw: st.DrawFn, truth: float, dimension: str, hedges: tuple[Hedge, ...] = tuple(Hedge)
) -> Estimate:
    """A figure for ``truth`` (in the dimension's canonical unit) whose interval holds it.

    The unit, hedge word and its place, numeral style, bracketed conversion and whether it
    is read from text or built in Python are all drawn.
    """
    unit = pick(draw, SPELLINGS[dimension])
    hedge = pick(draw, hedges)
    a = draw(per_mille(0, 999))
    b = draw(per_mille(0, 999)) if hedge is Hedge.BETWEEN else 0.0
    if is_measured(dimension):
        number, high, places = _measured_numbers(truth / lookup_unit(unit).factor, hedge, a, b)
    else:
        whole, whole_high = _count_numbers(round(truth), hedge, a, b)
        number, high, places = float(whole), None if whole_high is None else float(whole_high), 0
    form = pick(draw, _FORMS)
    if form == "built":
        if high is not None:
            return Estimate(
                number=(number + high) / 2,
                unit=unit,
                hedge=Hedge.BETWEEN,
                stated_low=number,
                stated_high=high,
            )
        return Estimate.of(number, unit, hedge)
    written = write_number(number, places, form)
    if high is not None:
        word = pick(draw, RANGE_WORDS)
        return Estimate.parse(render_range(word, written, write_number(high, places, form), unit))
    if 0 < number < 100 and number.is_integer() and draw(st.integers(0, 3)) == 0:
        written = number_word(int(number))
    if hedge is Hedge.EXACT:
        text = f"{written} {unit}"
    else:
        word = pick(draw, hedge_words(hedge))
        at_end = word in SUFFIX_WORDS and draw(st.booleans())
        text = render_hedged(word, written, unit, at_end=at_end)
    if is_measured(dimension) and draw(st.integers(0, 3)) == 0:
        own = lookup_unit(unit)
        other = pick(draw, [u for u in MEASURED_UNITS[dimension] if u != own.name])
        converted = number * own.factor / lookup_unit(other).factor
        text += (
            f" ({write_number(converted, significant_places(converted), 'comma')} {spelled(other)})"
        )
    return Estimate.parse(text)


def _grow(first: int, days: int, growth: float) -> list[int]:
    """A cumulative count by day: each day's truth above 105% of the day before's."""
    values = [first]
    for _ in range(days - 1):
        last = values[-1]
        values.append(max(math.ceil(last * growth), math.floor(last * 1.05) + 1))
    return values


@attrs.frozen
class Model:
    """What a consistent document is written from: sources, days and its subjects."""

    sources: tuple[Source, ...]
    days: tuple[dt.date, ...]
    subjects: tuple[str, ...]


@functools.cache
def _realistic_sources() -> st.SearchStrategy[tuple[Source, ...]]:
    def made(chosen: list[tuple[int, Reliability | None]]) -> tuple[Source, ...]:
        return tuple(
            Source(
                id=f"s{i}-{_SOURCE_NAMES[n][0].split()[-1].lower()}",
                name=_SOURCE_NAMES[n][0],
                side=_SOURCE_NAMES[n][1],
                kind=_SOURCE_NAMES[n][2],
                reliability=reliability,
            )
            for i, (n, reliability) in enumerate(chosen)
        )

    grades = st.none() | st.sampled_from(tuple(Reliability))
    entry = st.tuples(st.integers(0, len(_SOURCE_NAMES) - 1), grades)
    return st.lists(entry, min_size=2, max_size=4, unique_by=lambda e: e[0]).map(made)


def _model(draw: st.DrawFn) -> Model:
    first = draw(st.dates(dt.date(2014, 1, 1), dt.date(2030, 11, 30)))
    days = [first]
    for gap in draw(st.lists(st.integers(1, 5), max_size=3)):
        days.append(days[-1] + dt.timedelta(days=gap))
    subjects = draw(
        st.lists(st.sampled_from(CONSISTENT_SUBJECTS), min_size=1, max_size=2, unique=True)
    )
    return Model(draw(_realistic_sources()), tuple(days), tuple(subjects))


def _record_fields(draw: st.DrawFn, model: Model, subject: str) -> dict[str, Any]:
    return {
        "id": "x",  # replaced once every record of the document is made
        "source": pick(draw, model.sources),
        "subject": subject,
        "credibility": draw(credibilities()),
    }


#: What a consistent record is written from: the true value of each figure it holds, by
#: the figure's path (``"area"``, ``"killed.parts.children"``, ``"equipment.tanks"``), in
#: the canonical unit of its dimension.
_Truths = dict[str, float]
_Made = list[tuple[Record, _Truths]]


def _front(
    draw: st.DrawFn, model: Model, subject: str, controller: str, region_id: str | None
) -> tuple[_Made, list[Region]]:
    """Claims about one front (a subject and controller), consistent with one box.

    The true depth and front width bound the true area, which is at most half their
    product; the region, if any, is at least twice that area.
    """
    depth = draw(st.integers(50, 600)) / 10
    width = draw(st.integers(100, 1_000)) / 10
    truths = {
        "depth": (depth, "length"),
        "front_width": (width, "length"),
        "area": (depth * width * draw(per_mille(100, 500)), "area"),
        "settlements": (float(draw(st.integers(2, 200))), "settlement"),
    }
    regions: list[Region] = []
    if region_id is not None:
        area = truths["area"][0] * draw(st.integers(2, 20))
        regions.append(
            Region(
                id=region_id,
                name=pick(draw, REGION_NAMES),
                area=consistent_figure(draw, area, "area"),
            )
        )
    claims: _Made = []
    for _ in range(draw(st.integers(1, 3))):
        fields = some(draw, tuple(truths), 1, 3)
        figures: dict[str, Any] = {name: consistent_figure(draw, *truths[name]) for name in fields}
        claim = TerritorialClaim(
            **_record_fields(draw, model, subject),
            as_of=draw(spans()),
            controller=controller,
            predicate=pick(draw, (None, *Predicate)),
            status=pick(draw, STATUSES),
            region=pick(draw, (None, region_id)),
            **figures,
        )
        claims.append((claim, {name: truths[name][0] for name in fields}))
    return claims, regions


def _split(total: int, shares: Sequence[tuple[str, float]]) -> list[tuple[str, int]]:
    """``total`` split by fixed shares, the last name taking what the others leave."""
    split = [(name, math.floor(total * share)) for name, share in shares[:-1]]
    split.append((shares[-1][0], total - sum(n for _, n in split)))
    return split


def _shares(draw: st.DrawFn) -> list[tuple[str, float]]:
    """Two or three part names with their shares of a total (the last one the rest)."""
    names = some(draw, PART_NAMES, 2, 3)
    shares = [(n, 0.1 + draw(per_mille(0, 200))) for n in names[:-1]]
    shares.append((names[-1], 0.0))
    return shares


def _change(draw: st.DrawFn, series: Sequence[int], day: int, total: Estimate) -> Estimate | None:
    """Sometimes, the change of a growing count since the model's day before ``day``.

    The change of a bare total is a bare number; of any other, a figure of its kind.
    """
    if day == 0 or not draw(st.booleans()):
        return None
    change = series[day] - series[day - 1]
    if change < 2:
        return None
    if total.dimension == "number":
        return Estimate.of(change)
    return consistent_figure(draw, change, total.dimension)


def _consistent_count(
    draw: st.DrawFn, truth: float, dimension: str, hedges: tuple[Hedge, ...] = tuple(Hedge)
) -> Estimate:
    """As :func:`consistent_figure`; a count is sometimes a bare number, as JSON writes it."""
    if not is_measured(dimension) and draw(st.integers(0, 4)) == 0:
        return Estimate.of(round(truth))
    return consistent_figure(draw, truth, dimension, hedges)


def _casualty_series(
    draw: st.DrawFn, model: Model, subject: str, party: str | None, population: Population
) -> _Made:
    """Reports of one party's casualties by day, each count consistent with its truth.

    Each single count has a true value by day, and its named parts split that value in
    fixed shares; a combined count is the sum of its single counts.  Some reports count
    one group alone, as many as the part of that name.
    """
    singles = {
        name: _grow(draw(st.integers(20, 200_000)), len(model.days), 1 + draw(per_mille(60, 500)))
        for name in COUNT_FIELDS
    }
    truths: dict[str, list[int]] = dict(singles)
    for combined, members in COMBINED.items():
        truths[combined] = [sum(day) for day in zip(*(singles[m] for m in members), strict=True)]
    fields = some(draw, CASUALTY_FIELDS, 1, 3)
    if "killed_and_wounded" in fields and draw(st.booleans()):  # all the counts of a sum
        fields = list(dict.fromkeys([*fields, *COMBINED["killed_and_wounded"]]))
    shares = {name: _shares(draw) for name in fields if name in singles}
    written = (None, population) if population is Population.ALL else (population,)
    reports: _Made = []
    for _ in range(draw(st.integers(1, 3))):
        day = draw(st.integers(0, len(model.days) - 1))
        made: dict[str, Any] = {}
        known: _Truths = {}
        for name in some(draw, fields, 1, 4):
            total = truths[name][day]
            given = some(draw, _split(total, shares[name]), 0, 3) if name in shares else []
            figure = _consistent_count(draw, total, "person")
            made[name] = Count(
                total=figure,
                parts=tuple(
                    Part(name=n, estimate=consistent_figure(draw, truth, "person"))
                    for n, truth in given
                ),
                complete=len(given) == len(shares.get(name, ())) > 0 and draw(st.booleans()),
                change=_change(draw, truths[name], day, figure),
                tally=pick(draw, (None, CasualtyReport.tally(name))),
            )
            known[name] = total
            known.update((f"{name}.parts.{n}", truth) for n, truth in given)
        reports.append(
            (
                CasualtyReport(
                    **_record_fields(draw, model, subject),
                    as_of=Span.day(model.days[day]),
                    party=party,
                    population=pick(draw, written),
                    status=pick(draw, STATUSES),
                    **made,
                ),
                known,
            )
        )
    groups = [(name, n) for name, split in shares.items() for n, _ in split]
    for name, group in some(draw, groups, 0, 1):
        day = draw(st.integers(0, len(model.days) - 1))
        truth = dict(_split(truths[name][day], shares[name]))[group]
        counts: dict[str, Any] = {name: _consistent_count(draw, truth, "person")}
        report = CasualtyReport(
            **_record_fields(draw, model, subject),
            as_of=Span.day(model.days[day]),
            party=party,
            population=pick(draw, written),
            group=group,
            status=pick(draw, STATUSES),
            **counts,
        )
        reports.append((report, {name: truth}))
    return reports


#: Evidence that does not bear out a grade of 1 or 2 (the unsupported-allegation check
#: warns of none-public; refuted is kept clear of high grades too).
_WEAK_EVIDENCE: Final = frozenset({Evidence.NONE_PUBLIC, Evidence.REFUTED})


def _allegation_series(
    draw: st.DrawFn, model: Model, subject: str, accused: str | None, act: Act
) -> _Made:
    """Allegations of one act by day, each graded no higher than its evidence allows."""
    dimension = pick(draw, ("strike", "drone", "missile", "person"))
    growth = 1 + draw(per_mille(60, 500))
    truths = _grow(draw(st.integers(2, 5_000)), len(model.days), growth)
    made: _Made = []
    for _ in range(draw(st.integers(1, 2))):
        day = draw(st.integers(0, len(model.days) - 1))
        fields = _record_fields(draw, model, subject)
        evidence = draw(st.sampled_from(tuple(Evidence)))
        if evidence in _WEAK_EVIDENCE and (fields["credibility"] or 3) < 3:
            fields["credibility"] += 2  # graded 1 or 2 with no evidence: a warning
        deniers = [s for s in model.sources if s.id != fields["source"].id]
        counted = draw(st.booleans())
        allegation = Allegation(
            **fields,
            as_of=Span.day(model.days[day]),
            accused=accused,
            act=act,
            count=consistent_figure(draw, truths[day], dimension) if counted else None,
            status=pick(draw, STATUSES),
            evidence=evidence,
            denied_by=some(draw, deniers, 0, 2) if evidence is Evidence.DENIED else (),
        )
        made.append((allegation, {"count": truths[day]} if counted else {}))
    return made


#: The equipment types a consistent document's losses count, one by one ("leaves");
#: armoured vehicles are the sum of tanks, IFVs, APCs and, sometimes, others.
_LEAF_EQUIPMENT: Final = ("tanks", "IFVs", "APCs", "MLRS", "helicopters", "drones")
_ARMOURED: Final = ("tanks", "IFVs", "APCs")
_LOSS_TYPES: Final = (*_LEAF_EQUIPMENT, "armoured vehicles")


def _materiel_series(draw: st.DrawFn, model: Model, subject: str, party: str | None) -> _Made:
    """One party's equipment losses by day, of one fate: each type's truth grows.

    Armoured vehicles are the sum of tanks, IFVs, APCs and sometimes others; parts of
    their counts are the narrower types', marked complete only when there are no others.
    """
    days = len(model.days)
    truths = {
        name: _grow(draw(st.integers(20, 5_000)), days, 1 + draw(per_mille(60, 500)))
        for name in _LEAF_EQUIPMENT
    }
    others = draw(st.integers(0, 3)) == 0
    extra = _grow(draw(st.integers(20, 500)), days, 1.06) if others else [0] * days
    truths["armoured vehicles"] = [
        sum(day) for day in zip(*(truths[n] for n in _ARMOURED), extra, strict=True)
    ]
    fate = pick(draw, FATES)
    types = some(draw, _LOSS_TYPES, 1, 3)
    if "armoured vehicles" not in types and draw(st.booleans()):  # the type with parts
        types = ["armoured vehicles", *types[:2]]
    made: _Made = []
    for _ in range(draw(st.integers(1, 3))):
        day = draw(st.integers(0, days - 1))
        equipment: dict[str, Count] = {}
        known: _Truths = {}
        for name in some(draw, types, 1, 3):
            total = truths[name][day]
            given: Sequence[str] = []
            if name == "armoured vehicles":  # often every part, so that they must add up
                given = _ARMOURED if draw(st.booleans()) else some(draw, _ARMOURED, 0, 3)
            figure = _consistent_count(draw, total, EQUIPMENT[name])
            equipment[name] = Count(
                total=figure,
                parts=tuple(
                    Part(
                        name=part,
                        estimate=_consistent_count(draw, truths[part][day], EQUIPMENT[part]),
                    )
                    for part in given
                ),
                complete=len(given) == len(_ARMOURED) and not others and draw(st.booleans()),
                change=_change(draw, truths[name], day, figure),
                tally=pick(draw, (None, Tally.CUMULATIVE)),
            )
            known[f"equipment.{name}"] = total
            known.update((f"equipment.{name}.parts.{p}", truths[p][day]) for p in given)
        loss = MaterielLoss(
            **_record_fields(draw, model, subject),
            as_of=Span.day(model.days[day]),
            party=party,
            fate=fate,
            status=pick(draw, STATUSES),
            equipment=equipment,
        )
        made.append((loss, known))
    return made


@attrs.frozen
class _Measured:
    """A measure a consistent document gives: what it measures and its true range."""

    dimension: str
    low: int
    high: int
    grows: bool = False


_CONSISTENT_MEASURES: Final[Mapping[str, _Measured]] = {
    "force-size": _Measured("person", 500, 50_000),
    "distance": _Measured("length", 1, 200),
    "population": _Measured("person", 1_000, 3_000_000),
    "planned-evacuation": _Measured("person", 1_000, 500_000),
    "evacuated": _Measured("person", 100, 200_000, grows=True),
    "warhead-mass": _Measured("mass", 100, 1_500),
    "range": _Measured("length", 10, 500),
    "area": _Measured("area", 100, 50_000),
    "shelters": _Measured("building", 5, 2_000),
}


def _measurement_series(draw: st.DrawFn, model: Model, subject: str, measure: str) -> _Made:
    """Measurements of one measure of one thing by day: a stock holds, a running total grows.

    A count of people is sometimes split into named parts in fixed shares.
    """
    spec = _CONSISTENT_MEASURES[measure]
    first = draw(st.integers(spec.low, spec.high))
    if spec.grows:
        truths = _grow(first, len(model.days), 1 + draw(per_mille(60, 500)))
    else:
        truths = [first] * len(model.days)
    tally = MEASURES[measure].tally if measure in MEASURES else Tally.STOCK
    shares = _shares(draw) if spec.dimension == "person" and draw(st.booleans()) else []
    of = pick(draw, MEASURED_OF)
    made: _Made = []
    for _ in range(draw(st.integers(1, 2))):
        day = draw(st.integers(0, len(model.days) - 1))
        total = truths[day]
        given = some(draw, _split(total, shares), 0, 3) if shares else []
        figure = _consistent_count(draw, total, spec.dimension)
        value = Count(
            total=figure,
            parts=tuple(
                Part(name=n, estimate=consistent_figure(draw, truth, "person"))
                for n, truth in given
            ),
            complete=bool(given) and len(given) == len(shares) and draw(st.booleans()),
            change=_change(draw, truths, day, figure) if spec.grows else None,
            tally=pick(draw, (None, tally)),
        )
        measurement = Measurement(
            **_record_fields(draw, model, subject),
            as_of=Span.day(model.days[day]),
            measure=measure,
            of=of,
            status=pick(draw, STATUSES),
            value=value,
        )
        known = {"value": float(total)} | {f"value.parts.{n}": t for n, t in given}
        made.append((measurement, known))
    return made


@functools.cache
def _confidence_free_likelihoods() -> st.SearchStrategy[Likelihood | None]:
    return st.none() | likelihoods().filter(lambda likelihood: confidence_free(likelihood.term))


def _consistent_assessment(draw: st.DrawFn, model: Model) -> Assessment:
    return Assessment(
        **_record_fields(draw, model, pick(draw, model.subjects)),
        as_of=draw(spans()),
        proposition=pick(draw, (None, *PROPOSITIONS)),
        likelihood=draw(_confidence_free_likelihoods()),
        confidence=draw(st.none() | st.sampled_from(tuple(Confidence))),
        horizon=pick(draw, (None, "months", "weeks", "2025")),
    )


def renumbered(draw: st.DrawFn, made: Sequence[Record], taken: Iterable[str] = ()) -> list[Record]:
    """The records with unique ids (``r0``, ``rec-1``, …), none of them ``taken``.

    A relation that names a record among them by an id only it has (``within``,
    ``share_of``, ``revises``) follows that record to its new id.
    """
    prefix = pick(draw, _ID_PREFIXES)
    used = set(taken)
    new_ids = []
    i = 0
    for _ in made:
        while f"{prefix}{i}" in used:
            i += 1
        new_ids.append(f"{prefix}{i}")
        i += 1
    counted = collections.Counter(r.id for r in made)
    renamed = {r.id: new for r, new in zip(made, new_ids, strict=True) if counted[r.id] == 1}
    numbered = []
    for record, new_id in zip(made, new_ids, strict=True):
        changes: dict[str, Any] = {"id": new_id}
        for name in ("within", "share_of"):
            relation = getattr(record, name)
            if relation is not None and relation.record in renamed:
                changes[name] = attrs.evolve(relation, record=renamed[relation.record])
        if record.revises in renamed:
            changes["revises"] = renamed[record.revises]
        numbered.append(attrs.evolve(record, **changes))
    return numbered


def _holds(percent: Estimate, share: float) -> bool:
    """Whether a percentage's interval holds ``share`` (a fraction), clear of its ends."""
    high = percent.canonical_high
    margin = share * 1e-6
    return percent.canonical_low <= share - margin and (high is None or high >= share + margin)


_SHARE_FORMS: Final = ("exact", "about", "nearly", "more-than", "up-to", "between", "built")


def _percent_for(draw: st.DrawFn, share: float) -> Estimate:
    """A percentage, in a drawn form, whose interval holds ``share`` (a fraction)."""
    value = share * 100
    form = pick(draw, _SHARE_FORMS)
    word = pick(draw, ("%", " percent", " per cent"))
    for places in range(3):  # three places would read as thousands ("1.500")
        scale = 10**places
        near, up, down = (
            round(value, places),
            math.ceil(value * scale) / scale,
            math.floor(value * scale) / scale,
        )
        if form == "built":
            percent = Estimate.of(near, "percent")
        elif form == "between":
            low, high = down * 0.95, up * 1.05
            percent = Estimate.parse(f"between {low:.{places}f}% and {high:.{places}f}%")
        else:
            number, hedge = {
                "exact": (near, ""),
                "about": (near, "about "),
                "nearly": (up, "nearly "),
                "more-than": (down, "more than "),
                "up-to": (up, "up to "),
            }[form]
            percent = Estimate.parse(f"{hedge}{number:.{places}f}{word}")
        if _holds(percent, share):
            return percent
    return Estimate.parse(f"between {math.floor(value) - 1}% and {math.ceil(value) + 1}%")


def _true_slots(record: Record, truths: _Truths) -> list[tuple[str, Estimate, float]]:
    """The figures of a record whose truth is known, with their paths and truths."""
    return [(path, e, truths[path]) for path, e in figure_slots(record) if path in truths]


def _below(own: Estimate, truth: float, wider: Estimate, wider_truth: float) -> bool:
    """Whether ``own`` may lie within ``wider``: their kinds fit and its truth is no larger.

    A measured truth keeps clear of the wider one, so that rounding in conversions
    cannot put their intervals apart.
    """
    if "number" in (own.dimension, wider.dimension) or not fits(own, wider):
        return False
    if is_measured(own.dimension):
        return truth <= wider_truth * (1 - 1e-6)
    return truth <= wider_truth


def _true_relation(
    draw: st.DrawFn,
    i: int,
    records: Sequence[Record],
    slots: Sequence[list[tuple[str, Estimate, float]]],
    *,
    share: bool,
) -> Relation | Share | None:
    """A relation of one of record ``i``'s figures that the truths bear out.

    Within: the wider figure's truth is at least the figure's own.  A share: the figure's
    truth is 2% to 100% of the whole's, and the percentage's interval holds that share;
    or, now and then, a share of a whole named only in words, each its own whole (the
    words name the record), so that no two imply one whole.
    """
    field, own, truth = pick(draw, slots[i])
    targets = [
        (j, path, wider_truth)
        for j, those in enumerate(slots)
        for path, wider, wider_truth in those
        if not (j == i and path == field)
        and _below(own, truth, wider, wider_truth)
        and (not share or truth >= 0.02 * wider_truth)
    ]
    figure = own_figure(draw, records[i], field)
    if share and (not targets or draw(st.integers(0, 4)) == 0):
        whole = f"{pick(draw, WHOLES)} of {records[i].id}"
        return Share(percent=draw(percents()), figure=figure, whole=whole)
    if not targets:
        return None
    j, path, wider_truth = pick(draw, targets)
    if share:
        return Share(
            percent=_percent_for(draw, truth / wider_truth),
            record=records[j].id,
            field=path,
            figure=figure,
            whole=pick(draw, (None, None, *WHOLES)),
        )
    return Relation(record=records[j].id, field=path, figure=figure)


def _true_relations(
    draw: st.DrawFn, records: Sequence[Record], truths: Sequence[_Truths]
) -> list[Record]:
    """The records, some related by figures their truths bear out, some revising others.

    A revision names an earlier record of the same source, kind and subject.
    """
    slots = [_true_slots(r, t) for r, t in zip(records, truths, strict=True)]
    out = list(records)
    for i, record in enumerate(records):
        changes: dict[str, Any] = {}
        if slots[i] and draw(st.integers(0, 3)) == 0:
            changes["within"] = _true_relation(draw, i, records, slots, share=False)
        if slots[i] and draw(st.integers(0, 3)) == 0:
            changes["share_of"] = _true_relation(draw, i, records, slots, share=True)
        earlier = [
            r.id
            for r in records[:i]
            if (r.source, r.kind, r.subject) == (record.source, record.kind, record.subject)
        ]
        if earlier and draw(st.integers(0, 3)) == 0:
            changes["revises"] = pick(draw, earlier)
        if any(v is not None for v in changes.values()):
            out[i] = attrs.evolve(record, **changes)
    return out


@st.composite
def modelled_documents(draw: st.DrawFn) -> tuple[Model, Document]:
    """Consistent documents, each with the model of the truth it is written from."""
    model = _model(draw)
    made: _Made = []
    listed: list[Region] = []
    sides: tuple[str | None, ...] = ("Ukraine", "Russia", None)
    fronts = [(subject, side) for subject in model.subjects for side in ("Ukraine", "Russia")]
    for i, (subject, controller) in enumerate(some(draw, fronts, 1, 2)):
        region_id = f"region-{i}" if draw(st.booleans()) else None
        claims, regions_of_front = _front(draw, model, subject, controller, region_id)
        made += claims
        listed += regions_of_front
    # One truth per scope: a party or population left out matches any other, so a
    # subject's casualties (an act's allegations, equipment losses) follow one series.
    for subject in some(draw, model.subjects, 0, 2):
        party, population = pick(draw, sides), pick(draw, tuple(Population))
        made += _casualty_series(draw, model, subject, party, population)
    for subject, act in some(draw, [(s, act) for s in model.subjects for act in Act], 0, 2):
        made += _allegation_series(draw, model, subject, pick(draw, sides), act)
    for subject in some(draw, model.subjects, 0, 2):
        made += _materiel_series(draw, model, subject, pick(draw, sides))
    measured = [(s, m) for s in model.subjects for m in _CONSISTENT_MEASURES]
    for subject, measure in some(draw, measured, 0, 3):
        made += _measurement_series(draw, model, subject, measure)
    made += [(_consistent_assessment(draw, model), {}) for _ in range(draw(st.integers(0, 2)))]
    numbered = renumbered(draw, [record for record, _ in made])
    related = _true_relations(draw, numbered, [truths for _, truths in made])
    ordered = shuffled(draw, related)
    return model, Document(sources=model.sources, records=ordered, regions=listed)


def consistent_documents() -> st.SearchStrategy[Document]:
    """Documents on which no built-in check reports a warning or an error.

    Each is written from a small model of the truth: territorial claims about one or two
    fronts (areas within depth × front width, inside their region); casualty counts,
    allegations and equipment losses that grow day by day, with named parts that split
    their totals (tanks, IFVs and APCs of armoured vehicles), combined counts that add up
    their single ones and the day's change; measurements, of stocks that hold and running
    totals that grow; groups counted alone; and assessments.  Some records relate a figure
    to another that its truth lies within (``within``), or state it as a share of one
    (``share_of``, with a percentage that holds the true share), and some revise an
    earlier record of their source.  Sources give each figure in any unit, hedge, numeral
    style and form (read from text or built in Python, sometimes with a bracketed
    conversion, a count sometimes a bare number), always one the truth satisfies, and
    with every status: a documented figure is read as the lower bound it is.  The checks
    may still add notes (``info`` findings), such as an assessment with no likelihood
    term.

    Consistency is under the default thresholds and the default
    :data:`~incursion.DEFAULT_POLICY`: a narrower reading of "about" can make figures
    disagree.

    Returns:
        A strategy for :class:`~incursion.Document`.

    .. versionadded:: 0.1.0
    """
    return modelled_documents().map(lambda pair: pair[1])
