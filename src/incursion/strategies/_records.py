"""Records of each kind, regions and documents: the strategies for any valid data.

The vocabulary here (part names, casualty fields, equipment types, statuses) is shared with
the consistent and inconsistent documents.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Final, TypeVar

from incursion._estimates import Estimate, Hedge
from incursion._records import (
    MEASURES,
    RECORD_TYPES,
    Act,
    Allegation,
    Assessment,
    CasualtyReport,
    Confidence,
    Count,
    Document,
    Evidence,
    Fate,
    MaterielLoss,
    Measurement,
    Part,
    Population,
    Predicate,
    Record,
    Region,
    Status,
    Tally,
    TerritorialClaim,
)
from incursion._sources import Source
from incursion.strategies._draw import InvalidArgument, any_text, maybe, pick, some, st
from incursion.strategies._fields import (
    any_sources,
    any_span,
    credibilities,
    likelihoods,
    optional_citations,
    optional_text,
    parties,
    short_text,
    source_fields,
    subjects,
    valid_ids,
)
from incursion.strategies._figures import DIMENSIONS, any_estimate, is_measured
from incursion.strategies._relations import related, stated_as_share

__all__ = [
    "CASUALTY_FIELDS",
    "COMBINED",
    "COUNT_FIELDS",
    "EQUIPMENT",
    "EQUIPMENT_PARTS",
    "FATES",
    "MEASURED_OF",
    "PART_NAMES",
    "STATUSES",
    "allegations",
    "assessments",
    "casualty_reports",
    "counts",
    "documents",
    "materiel_losses",
    "measurements",
    "parts",
    "records",
    "regions",
    "territorial_claims",
]

PART_NAMES: Final = ("children", "women", "men", "elderly", "servicemen")
_PERSON_PARTS: Final[Mapping[str, str]] = dict.fromkeys(PART_NAMES, "person")
COUNT_FIELDS: Final = ("killed", "wounded", "missing", "captured", "displaced")
#: The combined casualty counts, with the single counts each adds up.
COMBINED: Final[Mapping[str, tuple[str, ...]]] = {
    "killed_and_wounded": ("killed", "wounded"),
    "losses": ("killed", "wounded", "missing", "captured"),
}
CASUALTY_FIELDS: Final = (*COUNT_FIELDS, *COMBINED)
#: Groups a casualty report may count alone.
_GROUPS: Final = ("children", "women", "men", "elderly")
_CLAIM_FIGURES: Final = (
    ("area", "area"),
    ("depth", "length"),
    ("front_width", "length"),
    ("settlements", "settlement"),
)
_ALL_HEDGES: Final = tuple(Hedge)

#: Equipment types as documents write them, with the counted thing each names.
EQUIPMENT: Final[Mapping[str, str]] = {
    "tanks": "tank",
    "IFVs": "infantry_fighting_vehicle",
    "APCs": "armoured_personnel_carrier",
    "armoured vehicles": "armoured_vehicle",
    "MLRS": "mlrs",
    "artillery systems": "artillery",
    "helicopters": "helicopter",
    "aircraft": "aircraft",
    "drones": "drone",
}
#: The narrower equipment types a count of each type may have as parts.
EQUIPMENT_PARTS: Final[Mapping[str, tuple[str, ...]]] = {
    "armoured vehicles": ("tanks", "IFVs", "APCs"),
    "artillery systems": ("MLRS",),
    "aircraft": ("helicopters",),
}
_MEASURE_NAMES: Final = tuple(MEASURES)
#: Measures outside :data:`~incursion.MEASURES`, with what their figures count.
_OTHER_MEASURES: Final[Mapping[str, str]] = {
    "shelters": "building",
    "sorties": "aircraft",
    "convoys": "vehicle",
}
MEASURED_OF: Final = ("Sudzha", "Kursk Oblast", "the assault force", "Iskander-M", "the border")
FATES: Final = (None, *Fate)
STATUSES: Final = (None, *Status)


def _common(draw: st.DrawFn, record_id: str, source: Source) -> dict[str, Any]:
    """The fields every record has, apart from those its kind adds (and relations)."""
    return {
        "id": record_id,
        "source": source,
        "subject": draw(subjects()),
        "as_of": any_span(draw),
        "citation": draw(optional_citations()),
        "credibility": draw(credibilities()),
        "note": draw(optional_text()),
    }


def _claim(
    draw: st.DrawFn, record_id: str, source: Source, region_ids: Sequence[str] = ()
) -> TerritorialClaim:
    figures: dict[str, Any] = {}
    for name, dimension in some(draw, _CLAIM_FIGURES, 1, 4):
        figures[name] = any_estimate(draw, dimension, _ALL_HEDGES)
    return TerritorialClaim(
        **_common(draw, record_id, source),
        controller=draw(parties()),
        predicate=pick(draw, (None, *Predicate)),
        status=pick(draw, STATUSES),
        region=pick(draw, (None, *region_ids)),
        **figures,
    )


def _counted_figure(draw: st.DrawFn, dimension: str) -> Estimate:
    """A figure of ``dimension``; of a counted thing, sometimes a bare number.

    A bare number counts what its field or name says (people, tanks), as in JSON.
    """
    if not is_measured(dimension) and draw(st.integers(0, 4)) == 0:
        return Estimate.of(draw(st.integers(0, 100_000)))
    return any_estimate(draw, dimension, _ALL_HEDGES)


def _part(draw: st.DrawFn, name: str, dimension: str = "person") -> Part:
    return Part(name=name, estimate=_counted_figure(draw, dimension))


def _count(
    draw: st.DrawFn, dimension: str = "person", part_names: Mapping[str, str] = _PERSON_PARTS
) -> Count:
    """A count of ``dimension``, sometimes with parts, the day's change or a tally.

    Parts are named from ``part_names`` (each name with what it counts), and sometimes
    marked complete.
    """
    total = _counted_figure(draw, dimension)
    counted = not is_measured(dimension)
    named = (
        tuple(_part(draw, name, part_names[name]) for name in some(draw, tuple(part_names), 0, 3))
        if counted
        else ()
    )
    change = None
    if draw(st.integers(0, 3)) == 0:
        # A bare change reads as the total's kind; a change with a unit needs a total with one.
        if total.dimension == "number":
            change = Estimate.of(draw(st.integers(0, 10_000)))
        elif counted:
            change = _counted_figure(draw, dimension)
        else:
            change = any_estimate(draw, dimension, _ALL_HEDGES)
    return Count(
        total=total,
        parts=named,
        complete=draw(st.booleans()),
        change=change,
        tally=pick(draw, (None, None, *Tally)),
    )


def _casualties(draw: st.DrawFn, record_id: str, source: Source) -> CasualtyReport:
    made: dict[str, Any] = {name: _count(draw) for name in some(draw, CASUALTY_FIELDS, 1, 3)}
    return CasualtyReport(
        **_common(draw, record_id, source),
        party=draw(parties()),
        population=pick(draw, (None, *Population)),
        group=draw(_groups()),
        status=pick(draw, STATUSES),
        **made,
    )


@functools.cache
def _groups() -> st.SearchStrategy[str | None]:
    return st.none() | st.sampled_from(_GROUPS) | short_text()


def _allegation(
    draw: st.DrawFn, record_id: str, source: Source, deniers: Callable[[], Source]
) -> Allegation:
    """An allegation; one denied names its deniers, each drawn by ``deniers``."""
    dimension = pick(draw, ("strike", "person", "tank", "drone", "missile"))
    evidence = pick(draw, tuple(Evidence))
    denied_by: dict[str, Source] = {}
    if evidence is Evidence.DENIED:
        for _ in range(draw(st.integers(0, 2))):
            denier = deniers()
            denied_by.setdefault(denier.id, denier)
    return Allegation(
        **_common(draw, record_id, source),
        accused=draw(parties()),
        act=pick(draw, tuple(Act)),
        count=maybe(draw, lambda: any_estimate(draw, dimension, _ALL_HEDGES)),
        status=pick(draw, STATUSES),
        evidence=evidence,
        denied_by=tuple(denied_by.values()),
    )


def _assessment(draw: st.DrawFn, record_id: str, source: Source) -> Assessment:
    return Assessment(
        **_common(draw, record_id, source),
        proposition=draw(st.none() | any_text(max_size=80)),
        likelihood=maybe(draw, lambda: draw(likelihoods())),
        confidence=pick(draw, (None, *Confidence)),
        horizon=draw(st.none() | st.sampled_from(("months", "weeks", "2025")) | short_text()),
    )


def _equipment_count(draw: st.DrawFn, name: str) -> Count:
    parts = {part: EQUIPMENT[part] for part in EQUIPMENT_PARTS.get(name, ())}
    return _count(draw, EQUIPMENT[name], parts)


def _materiel(draw: st.DrawFn, record_id: str, source: Source) -> MaterielLoss:
    names = some(draw, tuple(EQUIPMENT), 1, 3)
    return MaterielLoss(
        **_common(draw, record_id, source),
        party=draw(parties()),
        fate=pick(draw, FATES),
        status=pick(draw, STATUSES),
        equipment={name: _equipment_count(draw, name) for name in names},
    )


@functools.cache
def _other_measure_names() -> st.SearchStrategy[str]:
    return st.from_regex(r"\A[a-z0-9][a-z0-9-]{0,29}\Z").filter(lambda m: m not in MEASURES)


def _measurement(draw: st.DrawFn, record_id: str, source: Source) -> Measurement:
    """A measurement of a known measure, of another listed here, or of any name."""
    choice = draw(st.integers(0, 3))
    if choice < 2:
        measure = pick(draw, _MEASURE_NAMES)
        dimension = MEASURES[measure].dimension or pick(draw, DIMENSIONS)
    elif choice == 2:
        measure = pick(draw, tuple(_OTHER_MEASURES))
        dimension = _OTHER_MEASURES[measure]
    else:
        measure, dimension = draw(_other_measure_names()), pick(draw, DIMENSIONS)
    parts = _PERSON_PARTS if dimension == "person" else {}
    return Measurement(
        **_common(draw, record_id, source),
        measure=measure,
        of=draw(st.none() | st.sampled_from(MEASURED_OF) | short_text()),
        status=pick(draw, STATUSES),
        value=_count(draw, dimension, parts),
    )


def _record(
    draw: st.DrawFn,
    kind: type[Record],
    record_id: str,
    source: Source,
    region_ids: Sequence[str] = (),
    deniers: Callable[[], Source] | None = None,
) -> Record:
    """A record of one kind, with the given id and source, and no relations to others.

    An allegation denied names sources drawn by ``deniers`` (its own source when ``None``).
    A record with figure fields sometimes states its figure only as a share of a whole
    named in words, and holds no other.
    """
    record: Record
    if kind is TerritorialClaim:
        record = _claim(draw, record_id, source, region_ids)
    elif kind is CasualtyReport:
        record = _casualties(draw, record_id, source)
    elif kind is Allegation:
        record = _allegation(draw, record_id, source, deniers or (lambda: source))
    elif kind is MaterielLoss:
        return _materiel(draw, record_id, source)
    elif kind is Measurement:
        record = _measurement(draw, record_id, source)
    else:
        return _assessment(draw, record_id, source)
    if draw(st.integers(0, 9)) == 0:
        return stated_as_share(draw, record)
    return record


#: The record classes, in the order documents list their kinds.
_KINDS: Final[tuple[type[Record], ...]] = tuple(RECORD_TYPES.values())  # type: ignore[arg-type]

# -- the strategies -------------------------------------------------------------------------

_R = TypeVar("_R", bound=Record)


def _alone(draw: st.DrawFn, record: _R) -> _R:
    """A record drawn alone: sometimes with a relation between two of its own figures."""
    return related(draw, [record])[0]  # type: ignore[return-value]


def _origin(
    draw: st.DrawFn, ids: st.SearchStrategy[str] | None, given: st.SearchStrategy[Source] | None
) -> tuple[str, Source]:
    """A record's id and source, from the strategies given or the defaults."""
    return draw(ids if ids is not None else valid_ids()), draw(
        given if given is not None else any_sources()
    )


def _denier(draw: st.DrawFn, given: st.SearchStrategy[Source] | None) -> Callable[[], Source]:
    """Draws a source that denies an allegation, from the sources strategy given."""
    return lambda: draw(given if given is not None else any_sources())


@st.composite
def _claims(
    draw: st.DrawFn,
    ids: st.SearchStrategy[str] | None,
    given: st.SearchStrategy[Source] | None,
    region_ids: tuple[str, ...],
) -> TerritorialClaim:
    return _alone(draw, _claim(draw, *_origin(draw, ids, given), region_ids))


@st.composite
def _casualty_reports(
    draw: st.DrawFn, ids: st.SearchStrategy[str] | None, given: st.SearchStrategy[Source] | None
) -> CasualtyReport:
    return _alone(draw, _casualties(draw, *_origin(draw, ids, given)))


@st.composite
def _allegations(
    draw: st.DrawFn, ids: st.SearchStrategy[str] | None, given: st.SearchStrategy[Source] | None
) -> Allegation:
    return _alone(draw, _allegation(draw, *_origin(draw, ids, given), _denier(draw, given)))


@st.composite
def _assessments(
    draw: st.DrawFn, ids: st.SearchStrategy[str] | None, given: st.SearchStrategy[Source] | None
) -> Assessment:
    return _assessment(draw, *_origin(draw, ids, given))


@st.composite
def _materiel_losses(
    draw: st.DrawFn, ids: st.SearchStrategy[str] | None, given: st.SearchStrategy[Source] | None
) -> MaterielLoss:
    return _alone(draw, _materiel(draw, *_origin(draw, ids, given)))


@st.composite
def _measurements(
    draw: st.DrawFn, ids: st.SearchStrategy[str] | None, given: st.SearchStrategy[Source] | None
) -> Measurement:
    return _alone(draw, _measurement(draw, *_origin(draw, ids, given)))


@st.composite
def _records(
    draw: st.DrawFn,
    kinds: tuple[type[Record], ...],
    ids: st.SearchStrategy[str] | None,
    given: st.SearchStrategy[Source] | None,
) -> Record:
    kind = pick(draw, kinds)
    record_id, source = _origin(draw, ids, given)
    return _alone(draw, _record(draw, kind, record_id, source, deniers=_denier(draw, given)))


def territorial_claims(
    *,
    ids: st.SearchStrategy[str] | None = None,
    sources: st.SearchStrategy[Source] | None = None,
    region_ids: Iterable[str] = (),
) -> st.SearchStrategy[TerritorialClaim]:
    """Territorial claims with one to four figures: area, depth, front width, settlements.

    The predicate and status are sometimes left unsaid (``None``); a claim sometimes
    relates one of its figures to another of its own (``within``, ``share_of``).

    Args:
        ids: A strategy for the record's ``id``; short valid ids when ``None``.
        sources: A strategy for its source; any source when ``None``.  To put several
            drawn records in one document, draw their sources from a fixed list
            (``st.sampled_from(my_sources)``) and their ids without repeats, or use
            :func:`documents`.
        region_ids: Region ids a claim may name in ``region`` (or none); with none given,
            ``region`` is ``None``.

    Returns:
        A strategy for :class:`~incursion.TerritorialClaim`.

    .. versionadded:: 0.1.0
    """
    return _claims(ids, sources, tuple(region_ids))


def parts() -> st.SearchStrategy[Part]:
    """Named parts of a casualty count ("children", "women", …), each a count of people.

    A part's figure is sometimes a bare number, which counts what its name or its count
    counts.

    Returns:
        A strategy for :class:`~incursion.Part`.

    .. versionadded:: 0.1.0
    """
    return _parts()


@st.composite
def _parts(draw: st.DrawFn) -> Part:
    return _part(draw, pick(draw, PART_NAMES))


@st.composite
def _counts(draw: st.DrawFn) -> Count:
    return _count(draw)


def counts() -> st.SearchStrategy[Count]:
    """Counts of people, sometimes with named parts, marked complete, the day's change or a tally.

    The parts and the change are drawn independently of the total, so they need not fit
    it: use :func:`consistent_documents` for counts whose parts fit their totals.

    Returns:
        A strategy for :class:`~incursion.Count`.

    .. versionadded:: 0.1.0
    """
    return _counts()


def casualty_reports(
    *,
    ids: st.SearchStrategy[str] | None = None,
    sources: st.SearchStrategy[Source] | None = None,
) -> st.SearchStrategy[CasualtyReport]:
    """Casualty reports with one to three counts, some with named parts.

    The counts are drawn from the single ones (killed, wounded, missing, captured,
    displaced) and the combined ones (``killed_and_wounded``, ``losses``), independently
    of each other; a report sometimes counts one group (``"children"``), and its
    population and status are sometimes left unsaid.

    Args:
        ids: A strategy for the record's ``id``; short valid ids when ``None``.
        sources: A strategy for its source; any source when ``None``.

    Returns:
        A strategy for :class:`~incursion.CasualtyReport`.

    .. versionadded:: 0.1.0
    """
    return _casualty_reports(ids, sources)


def allegations(
    *,
    ids: st.SearchStrategy[str] | None = None,
    sources: st.SearchStrategy[Source] | None = None,
) -> st.SearchStrategy[Allegation]:
    """Allegations of every act and grade of evidence, sometimes with a count of the acts.

    An allegation whose evidence is ``denied`` sometimes names the sources that deny it
    (``denied_by``), drawn like its own source.

    Args:
        ids: A strategy for the record's ``id``; short valid ids when ``None``.
        sources: A strategy for its source and those that deny it; any source when
            ``None``.

    Returns:
        A strategy for :class:`~incursion.Allegation`.

    .. versionadded:: 0.1.0
    """
    return _allegations(ids, sources)


def assessments(
    *,
    ids: st.SearchStrategy[str] | None = None,
    sources: st.SearchStrategy[Source] | None = None,
) -> st.SearchStrategy[Assessment]:
    """Assessments with a likelihood on a named scale, on none, or no likelihood at all.

    Args:
        ids: A strategy for the record's ``id``; short valid ids when ``None``.
        sources: A strategy for its source; any source when ``None``.

    Returns:
        A strategy for :class:`~incursion.Assessment`.

    .. versionadded:: 0.1.0
    """
    return _assessments(ids, sources)


def materiel_losses(
    *,
    ids: st.SearchStrategy[str] | None = None,
    sources: st.SearchStrategy[Source] | None = None,
) -> st.SearchStrategy[MaterielLoss]:
    """Materiel losses of one to three equipment types, some with narrower types as parts.

    Equipment types are written as documents write them (``"tanks"``, ``"IFVs"``,
    ``"armoured vehicles"``, ``"MLRS"``, ``"helicopters"``, ``"drones"``, …); a count of
    armoured vehicles may name tanks, IFVs and APCs as parts, one of artillery systems
    MLRS, one of aircraft helicopters.  Counts are sometimes bare numbers, and sometimes
    give the day's change or a tally; every fate and status, or none, is drawn.

    Args:
        ids: A strategy for the record's ``id``; short valid ids when ``None``.
        sources: A strategy for its source; any source when ``None``.

    Returns:
        A strategy for :class:`~incursion.MaterielLoss`.

    .. versionadded:: 0.1.0
    """
    return _materiel_losses(ids, sources)


def measurements(
    *,
    ids: st.SearchStrategy[str] | None = None,
    sources: st.SearchStrategy[Source] | None = None,
) -> st.SearchStrategy[Measurement]:
    """Measurements of the known measures, of a few others and of any valid name.

    A known measure's value measures what the measure does (people for ``force-size``,
    a length for ``distance``, a mass for ``warhead-mass``, …); another measure's value
    measures anything, or is a bare number.  Values are counts, sometimes with named
    parts, the day's change or a tally.

    Args:
        ids: A strategy for the record's ``id``; short valid ids when ``None``.
        sources: A strategy for its source; any source when ``None``.

    Returns:
        A strategy for :class:`~incursion.Measurement`.

    .. versionadded:: 0.1.0
    """
    return _measurements(ids, sources)


def _kinds(kinds: Iterable[type[Record]] | None) -> tuple[type[Record], ...]:
    if kinds is None:
        return _KINDS
    chosen = tuple(dict.fromkeys(kinds))
    if not chosen or any(k not in _KINDS for k in chosen):
        raise InvalidArgument(
            f"kinds={kinds!r} must name at least one record class, each of "
            f"{', '.join(k.__name__ for k in _KINDS)}"
        )
    return chosen


def records(
    *,
    kinds: Iterable[type[Record]] | None = None,
    ids: st.SearchStrategy[str] | None = None,
    sources: st.SearchStrategy[Source] | None = None,
) -> st.SearchStrategy[Record]:
    """Records of any of the given kinds.

    A record drawn alone sometimes relates one of its figures to another of its own
    (``within``, ``share_of``); it never revises another, as there is none.

    Args:
        kinds: The record classes to draw from (:class:`~incursion.TerritorialClaim`,
            :class:`~incursion.CasualtyReport`, :class:`~incursion.Allegation`,
            :class:`~incursion.Assessment`, :class:`~incursion.MaterielLoss`,
            :class:`~incursion.Measurement`); all six
            when ``None``.
        ids: A strategy for each record's ``id``; short valid ids when ``None``.
        sources: A strategy for each record's source; any source when ``None``.

    Returns:
        A strategy for :data:`~incursion.Record`.

    Raises:
        hypothesis.errors.InvalidArgument: ``kinds`` is empty or names another class.

    .. versionadded:: 0.1.0
    """
    return _records(_kinds(kinds), ids, sources)


def _region(draw: st.DrawFn, region_id: str) -> Region:
    return Region(
        id=region_id,
        name=draw(any_text(min_size=1, max_size=30)),
        area=maybe(draw, lambda: any_estimate(draw, "area", _ALL_HEDGES)),
    )


@st.composite
def _regions(draw: st.DrawFn, ids: st.SearchStrategy[str] | None) -> Region:
    return _region(draw, draw(ids if ids is not None else valid_ids()))


def regions(*, ids: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Region]:
    """Named regions, sometimes with their area.

    Args:
        ids: A strategy for the region's ``id``; short valid ids when ``None``.

    Returns:
        A strategy for :class:`~incursion.Region`.

    .. versionadded:: 0.1.0
    """
    return _regions(ids)


@st.composite
def _documents(draw: st.DrawFn, kinds: tuple[type[Record], ...]) -> Document:
    source_ids = draw(st.lists(valid_ids(), min_size=1, max_size=4, unique=True))
    listed = tuple(draw(st.builds(Source, id=st.just(i), **source_fields())) for i in source_ids)
    region_ids = tuple(draw(st.lists(valid_ids(), max_size=2, unique=True)))
    listed_regions = tuple(_region(draw, i) for i in region_ids)
    chosen = [*kinds, *(pick(draw, kinds) for _ in range(draw(st.integers(0, 3))))]
    record_ids = draw(
        st.lists(valid_ids(), min_size=len(chosen), max_size=len(chosen), unique=True)
    )
    made = [
        _record(draw, kind, record_id, pick(draw, listed), region_ids, lambda: pick(draw, listed))
        for record_id, kind in zip(record_ids, chosen, strict=True)
    ]
    return Document(sources=listed, records=related(draw, made), regions=listed_regions)


@functools.cache
def _documents_of(kinds: tuple[type[Record], ...]) -> st.SearchStrategy[Document]:
    return _documents(kinds)


def documents(*, kinds: Iterable[type[Record]] | None = None) -> st.SearchStrategy[Document]:
    """Valid documents: unique ids, every source listed, every region a claim names listed.

    Each record kind asked for appears at least once, with up to three more records of
    those kinds.  Some records relate a figure to a figure of another record, or of
    their own (``within``, ``share_of``), or revise another record; every relation names
    a record of the document, a figure it holds and one of a kind the relating figure can
    lie within.  A denied allegation's ``denied_by`` names sources of the document.  The
    figures are drawn independently, so the checks usually find something; see
    :func:`consistent_documents` and :func:`inconsistent_documents` for documents built
    for the checks.

    Args:
        kinds: The record classes the records are drawn from, each at least once; all
            six when ``None``.

    Returns:
        A strategy for :class:`~incursion.Document`.

    Raises:
        hypothesis.errors.InvalidArgument: ``kinds`` is empty or names another class.

    .. versionadded:: 0.1.0
    """
    return _documents_of(_kinds(kinds))
