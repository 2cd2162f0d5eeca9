"""The four kinds of record, regions and documents: frozen values, validated once."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Any, ClassVar, Final, TypeAlias

import attrs
import pint

from incursion._estimates import Estimate, adopt
from incursion._likelihood import Likelihood
from incursion._sources import Citation, Source
from incursion._time import Span, to_span
from incursion._units import describe_dimension
from incursion._validation import instance_of, member, text_field, valid_id
from incursion.exceptions import DocumentError, Problem, RecordError, UnitError, _quote

__all__ = [
    "FORMAT_VERSION",
    "Act",
    "Allegation",
    "Assessment",
    "CasualtyReport",
    "Confidence",
    "Count",
    "Document",
    "Evidence",
    "FigureLike",
    "Part",
    "Population",
    "Predicate",
    "Record",
    "Region",
    "Status",
    "Tally",
    "TerritorialClaim",
    "adopt",
    "check_dimension",
    "document_problems",
    "measures",
    "to_count",
    "to_estimate",
    "to_figure",
    "to_people",
    "to_settlements",
]

#: The document format version this library reads and writes.
FORMAT_VERSION: Final = 1


class Predicate(enum.StrEnum):
    """What a territorial claim says of the controller and the ground.

    .. versionadded:: 0.1.0
    """

    CONTROLS = "controls"
    OPERATING_IN_OR_NEAR = "operating-in-or-near"
    ADVANCED_INTO = "advanced-into"
    RECAPTURED = "recaptured"


class Status(enum.StrEnum):
    """Whether a territorial figure is a party's claim or an independent assessment.

    .. versionadded:: 0.1.0
    """

    CLAIMED = "claimed"
    ASSESSED = "assessed"


class Population(enum.StrEnum):
    """Whom a casualty count covers.

    .. versionadded:: 0.1.0
    """

    CIVILIAN = "civilian"
    MILITARY = "military"
    ALL = "all"


class Tally(enum.StrEnum):
    """Whether a count only grows over time (cumulative) or can also fall (a stock).

    .. versionadded:: 0.1.0
    """

    CUMULATIVE = "cumulative"
    STOCK = "stock"


class Evidence(enum.StrEnum):
    """How far an allegation is backed by evidence.

    .. versionadded:: 0.1.0
    """

    NONE_PUBLIC = "none-public"
    ASSERTED = "asserted"
    DOCUMENTED = "documented"
    INDEPENDENTLY_VERIFIED = "independently-verified"
    REFUTED = "refuted"


class Act(enum.StrEnum):
    """The controlled vocabulary of acts an allegation can name.

    .. versionadded:: 0.1.0
    """

    CHEMICAL_WEAPONS_USE = "chemical-weapons-use"
    CROSS_BORDER_STRIKES = "cross-border-strikes"
    STRIKES_ON_CIVILIANS = "strikes-on-civilians"
    ATTACK_ON_INFRASTRUCTURE = "attack-on-infrastructure"
    CLUSTER_MUNITIONS_USE = "cluster-munitions-use"
    EXECUTION_OF_PRISONERS = "execution-of-prisoners"
    FORCED_DEPORTATION = "forced-deportation"
    HOSTAGE_TAKING = "hostage-taking"
    LOOTING = "looting"
    OTHER = "other"


class Confidence(enum.StrEnum):
    """The analytic confidence an assessment states, apart from its likelihood.

    .. versionadded:: 0.1.0
    """

    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"


# -- field helpers --------------------------------------------------------------------------


#: What a figure field accepts: an :class:`Estimate`, text as news writes it, a number or
#: a pint quantity (of any registry; it is converted in).
FigureLike: TypeAlias = "Estimate | str | float | int | pint.Quantity[Any]"


def to_estimate(value: Any) -> Estimate:
    """Accept an :class:`Estimate`, text as news writes it, a pint quantity or a number.

    Raises:
        RecordError: The value is none of those.
        ParseError: The text cannot be read as a figure.
    """
    if value.__class__ is Estimate:
        return value
    if isinstance(value, str):
        return Estimate.parse(value)
    if isinstance(value, bool):
        raise RecordError(f"expected a figure, got {value!r}")
    if isinstance(value, int | float):
        return Estimate.of(value)
    if hasattr(value, "magnitude") and hasattr(value, "units"):
        return Estimate.from_quantity(value)
    raise RecordError(f"expected a figure, got {value!r:.60}")


def check_dimension(value: Any, dimension: str | None, field: str | None = None) -> Estimate:
    """Return ``value`` if it is an :class:`Estimate` of ``dimension``; raise otherwise.

    With ``dimension`` ``None`` any count, or a bare number, passes.

    Raises:
        UnitError: The figure measures something else; the message names both.
    """
    if value.__class__ is not Estimate:
        raise RecordError(f"expected an Estimate, got {value!r:.60}", field=field)
    if value.dimension != dimension:
        if dimension is None:
            if value.is_count or value.dimension == "number":
                return value
            expected = "a count"
        else:
            expected = describe_dimension(dimension)
        got = describe_dimension(value.dimension)
        shown = _quote(value.text) if value.text is not None else f"{value.number:g}"
        raise UnitError(f"expected {expected}, got {shown} ({got})", field=field)
    return value


@attrs.frozen(repr=False)
class _Measures:
    dimension: str | None

    def __call__(self, _: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None:
            check_dimension(value, self.dimension, attribute.name)

    def __repr__(self) -> str:
        what = describe_dimension(self.dimension) if self.dimension else "a count"
        return f"<measures validator: {what}>"


def measures(dimension: str | None) -> _Measures:
    """A validator: the field holds an :class:`Estimate` of ``dimension``, or ``None``.

    With ``dimension`` ``None``, any count or bare number.
    """
    return _Measures(dimension)


def to_figure(value: FigureLike | None) -> Estimate | None:
    """Converter of an optional figure field (see :data:`FigureLike`)."""
    return None if value is None else to_estimate(value)


def to_settlements(value: FigureLike | None) -> Estimate | None:
    """Converter of an optional count of settlements: a bare number counts settlements."""
    return None if value is None else adopt(to_estimate(value), "settlement")


def to_people(value: FigureLike) -> Estimate:
    """Converter of a count of people: a bare number counts people."""
    return adopt(to_estimate(value), "person")


def figure_metadata(
    dimension: str | None, tally: Tally, *, count: str | None = None
) -> dict[str, Any]:
    """The metadata of a figure field: its dimension, its tally and what bare numbers count."""
    return {"tally": tally, "dimension": dimension, "count": count}


def _credibility(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 6:
        raise RecordError(
            f"credibility must be a whole number from 1 (confirmed) to 6 (cannot be judged), "
            f"got {value!r}",
            field=attribute.name,
        )


def _subject(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str) or not value.strip() or len(value) > 200:
        raise RecordError(
            f"subject must be a non-empty key of at most 200 characters, got {value!r}",
            field=attribute.name,
        )


def _source(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, Source):
        raise RecordError(f"source must be a Source, got {value!r}", field=attribute.name)


def _citation(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and not isinstance(value, Citation):
        raise RecordError(f"citation must be a Citation, got {value!r}", field=attribute.name)


def _predicate(value: object) -> Predicate:
    return member(Predicate, value, "predicate")


def _status(value: object) -> Status:
    return member(Status, value, "status")


def _population(value: object) -> Population:
    return member(Population, value, "population")


def _act(value: object) -> Act:
    return member(Act, value, "act")


def _evidence(value: object) -> Evidence:
    return member(Evidence, value, "evidence")


def _confidence(value: object) -> Confidence | None:
    return None if value is None else member(Confidence, value, "confidence")


_FIGURE_FIELDS: dict[type, tuple[str, ...]] = {}
_TALLIES: dict[tuple[type, str], Tally] = {}


# -- records --------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class _Record:
    """The fields every record has.

    Attributes:
        id: A key unique among the records of a document.
        source: Who gave the figure (in a document, the id of one of its sources).
        subject: What the record is about: a key of at most 200 characters, such as
            ``kursk-2024``; records are compared only within a subject.
        as_of: The day or span of time the figure describes (not when it was said).
        citation: Where it was published, if known.
        credibility: How credible the information is, from 1 (confirmed) to 6 (cannot be
            judged), if graded.
        note: Free text.
    """

    kind: ClassVar[str]

    id: str = attrs.field(validator=valid_id)
    source: Source = attrs.field(validator=_source)
    subject: str = attrs.field(validator=_subject)
    as_of: Span = attrs.field(converter=to_span)
    citation: Citation | None = attrs.field(default=None, validator=_citation)
    credibility: int | None = attrs.field(default=None, validator=_credibility)
    note: str | None = attrs.field(default=None, validator=text_field)

    @classmethod
    def figure_fields(cls) -> tuple[str, ...]:
        """The names of the fields that hold figures."""
        names = _FIGURE_FIELDS.get(cls)
        if names is None:
            names = tuple(a.name for a in attrs.fields(cls) if "tally" in a.metadata)
            _FIGURE_FIELDS[cls] = names
        return names

    @classmethod
    def tally(cls, field: str) -> Tally:
        """Whether the figure in ``field`` is cumulative or a stock."""
        tally = _TALLIES.get((cls, field))
        if tally is None:
            tally = _TALLIES[cls, field] = attrs.fields_dict(cls)[field].metadata["tally"]
        return tally

    def figures(self) -> list[tuple[str, Estimate]]:
        """Each figure the record holds, with the name of its field (parts not included)."""
        found = []
        for name in self.figure_fields():
            value = getattr(self, name)
            if value is not None:
                found.append((name, value.total if isinstance(value, Count) else value))
        return found


def _needs_a_figure(record: _Record) -> None:
    for name in record.figure_fields():
        if getattr(record, name) is not None:
            return
    fields = ", ".join(record.figure_fields())
    raise RecordError(f"a {record.kind} needs at least one figure ({fields})")


@attrs.frozen(kw_only=True)
class TerritorialClaim(_Record):
    """A claim about ground: who controls, advanced into or retook it, and how much.

    Attributes:
        controller: The party said to hold or advance (``"Ukraine"``).
        predicate: What is said of the ground (default ``controls``).
        status: ``claimed`` by a party or ``assessed`` independently (default ``claimed``).
        region: The id of a region of the document the ground lies in.
        area: The area (an :class:`~incursion.Estimate` of an area): a stock.
        depth: How deep the advance reaches (a length).
        front_width: How wide the front is (a length).
        settlements: How many settlements (a count of settlements): a stock.

    .. versionadded:: 0.1.0
    """

    kind: ClassVar[str] = "territorial-claim"

    controller: str | None = attrs.field(default=None, validator=text_field)
    predicate: Predicate = attrs.field(default=Predicate.CONTROLS, converter=_predicate)
    status: Status = attrs.field(default=Status.CLAIMED, converter=_status)
    region: str | None = attrs.field(default=None, validator=text_field)
    area: Estimate | None = attrs.field(
        default=None,
        converter=to_figure,
        validator=measures("area"),
        metadata=figure_metadata("area", Tally.STOCK),
    )
    depth: Estimate | None = attrs.field(
        default=None,
        converter=to_figure,
        validator=measures("length"),
        metadata=figure_metadata("length", Tally.STOCK),
    )
    front_width: Estimate | None = attrs.field(
        default=None,
        converter=to_figure,
        validator=measures("length"),
        metadata=figure_metadata("length", Tally.STOCK),
    )
    settlements: Estimate | None = attrs.field(
        default=None,
        converter=to_settlements,
        validator=measures("settlement"),
        metadata=figure_metadata("settlement", Tally.STOCK, count="settlement"),
    )

    def __attrs_post_init__(self) -> None:
        """Require at least one figure."""
        _needs_a_figure(self)


@attrs.frozen(kw_only=True)
class Part:
    """A named part of a count: of 121 wounded, 10 ``children``.

    Attributes:
        name: What the part counts (``"children"``).
        estimate: How many.

    .. versionadded:: 0.1.0
    """

    name: str = attrs.field(validator=instance_of(str, "text"))
    estimate: Estimate = attrs.field(converter=to_people)

    @estimate.validator
    def _counts_people(self, attribute: attrs.Attribute[Estimate], value: Estimate) -> None:
        try:
            check_dimension(value, "person", attribute.name)
        except UnitError as error:
            raise UnitError(f"part {self.name!r}: {error}", field="parts") from None


def _parts(value: Any) -> tuple[Part, ...]:
    if isinstance(value, dict):
        return tuple(Part(name=k, estimate=v) for k, v in value.items())
    parts = tuple(value)
    for part in parts:
        if part.__class__ is not Part:
            raise RecordError(f"parts must be Part objects, got {part!r:.60}", field="parts")
    return parts


@attrs.frozen(kw_only=True)
class Count:
    """A casualty count with optional named parts.

    Attributes:
        total: The whole count.
        parts: Named parts of it (children, women, …), each a count.
        complete: Whether the parts must add up to the total (default ``False``: the
            parts are "of which" breakdowns that may leave people out).

    .. versionadded:: 0.1.0
    """

    total: Estimate = attrs.field(converter=to_people, validator=measures("person"))
    parts: tuple[Part, ...] = attrs.field(default=(), converter=_parts)
    complete: bool = attrs.field(default=False, validator=instance_of(bool, "true or false"))

    @classmethod
    def _of_total(cls, total: Estimate) -> Count:
        """A count with no parts, from a total already checked to count people."""
        count = cls.__new__(cls)
        object.__setattr__(count, "total", total)
        object.__setattr__(count, "parts", ())
        object.__setattr__(count, "complete", False)
        return count

    def __attrs_post_init__(self) -> None:
        """Check that every part counts people and that part names are distinct."""
        names = [p.name for p in self.parts]
        if len(set(names)) != len(names):
            raise RecordError(f"part names must be distinct, got {names}", field="parts")
        for part in self.parts:
            if part.estimate.dimension != self.total.dimension:
                raise UnitError(
                    f"part {part.name!r} is {describe_dimension(part.estimate.dimension)}, "
                    f"the total {describe_dimension(self.total.dimension)}",
                    field="parts",
                )


def to_count(value: Count | FigureLike | None) -> Count | None:
    """Converter of a casualty count: a :class:`Count`, or any figure as its total."""
    if value is None or value.__class__ is Count:
        return value
    return Count(total=value)  # type: ignore[arg-type]


def count_metadata(tally: Tally) -> dict[str, Any]:
    """The metadata of a casualty count field: people, its tally, parts allowed."""
    return {"tally": tally, "dimension": "person", "count": "person", "parts": True}


@attrs.frozen(kw_only=True)
class CasualtyReport(_Record):
    """A report of people killed, wounded, missing, captured or displaced.

    Each count is a :class:`Count` (or anything :class:`~incursion.Estimate` accepts, a
    bare number counting people).  Killed, wounded and captured are cumulative: they
    never fall over time.  Missing and displaced are stocks: people are found, return
    home.

    Attributes:
        party: The party whose people are counted (``"Russia"``).
        population: ``civilian``, ``military`` or ``all`` (default).
        killed: People killed (cumulative).
        wounded: People wounded (cumulative).
        missing: People missing (a stock).
        captured: People captured (cumulative).
        displaced: People displaced (a stock).

    .. versionadded:: 0.1.0
    """

    kind: ClassVar[str] = "casualty-report"

    party: str | None = attrs.field(default=None, validator=text_field)
    population: Population = attrs.field(default=Population.ALL, converter=_population)
    killed: Count | None = attrs.field(
        default=None, converter=to_count, metadata=count_metadata(Tally.CUMULATIVE)
    )
    wounded: Count | None = attrs.field(
        default=None, converter=to_count, metadata=count_metadata(Tally.CUMULATIVE)
    )
    missing: Count | None = attrs.field(
        default=None, converter=to_count, metadata=count_metadata(Tally.STOCK)
    )
    captured: Count | None = attrs.field(
        default=None, converter=to_count, metadata=count_metadata(Tally.CUMULATIVE)
    )
    displaced: Count | None = attrs.field(
        default=None, converter=to_count, metadata=count_metadata(Tally.STOCK)
    )

    def __attrs_post_init__(self) -> None:
        """Require at least one count."""
        _needs_a_figure(self)


@attrs.frozen(kw_only=True)
class Allegation(_Record):
    """An accusation that a party committed an act, with how well it is evidenced.

    Attributes:
        accused: The party accused, if named.
        act: What it is accused of, from :class:`Act` (default ``other``).
        count: How many acts are alleged ("nearly 2,000 strikes"), if stated: cumulative.
        evidence: How far the allegation is evidenced (default ``none-public``).

    .. versionadded:: 0.1.0
    """

    kind: ClassVar[str] = "allegation"

    accused: str | None = attrs.field(default=None, validator=text_field)
    act: Act = attrs.field(default=Act.OTHER, converter=_act)
    count: Estimate | None = attrs.field(
        default=None,
        converter=to_figure,
        validator=measures(None),
        metadata=figure_metadata(None, Tally.CUMULATIVE),
    )
    evidence: Evidence = attrs.field(default=Evidence.NONE_PUBLIC, converter=_evidence)


def _likelihood(value: Any) -> Likelihood | None:
    if value is None or isinstance(value, Likelihood):
        return value
    if isinstance(value, str):
        return Likelihood(term=value)
    raise RecordError(f"expected a likelihood, got {value!r}", field="likelihood")


@attrs.frozen(kw_only=True)
class Assessment(_Record):
    """An analyst's judgement: a proposition, how likely, with what confidence.

    Attributes:
        proposition: What is judged (``"Ukraine will hold the ground for months"``), if
            stated.
        likelihood: A term on a named scale (:class:`Likelihood`), if one was used.
        confidence: ``low``, ``moderate`` or ``high``, if stated.
        horizon: The time the judgement looks ahead to, as written.

    .. versionadded:: 0.1.0
    """

    kind: ClassVar[str] = "assessment"

    proposition: str | None = attrs.field(default=None, validator=text_field)
    likelihood: Likelihood | None = attrs.field(default=None, converter=_likelihood)
    confidence: Confidence | None = attrs.field(default=None, converter=_confidence)
    horizon: str | None = attrs.field(default=None, validator=text_field)


#: Any of the four record kinds.
Record: TypeAlias = TerritorialClaim | CasualtyReport | Allegation | Assessment

RECORD_TYPES: Final[dict[str, type[_Record]]] = {
    cls.kind: cls for cls in (TerritorialClaim, CasualtyReport, Allegation, Assessment)
}


@attrs.frozen(kw_only=True)
class Region:
    """A named region that territorial claims can refer to, with its area.

    Attributes:
        id: The key claims use in their ``region`` field.
        name: The region's name (``"Kursk Oblast"``).
        area: Its area, if known.

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(validator=valid_id)
    name: str = attrs.field(validator=instance_of(str, "text"))
    area: Estimate | None = attrs.field(
        default=None, converter=to_figure, validator=measures("area")
    )


def _tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class Document:
    """A set of sources, the records that cite them, and the regions they name.

    Build one in Python or load one with :func:`incursion.load`.  Every record's source
    must be among :attr:`sources`; ids are unique; a claim's region must be listed.

    Attributes:
        sources: The sources, each with a unique id.
        records: The records, each with a unique id.
        regions: The regions claims refer to.

    .. versionadded:: 0.1.0
    """

    sources: tuple[Source, ...] = attrs.field(factory=tuple, converter=_tuple)
    records: tuple[Record, ...] = attrs.field(factory=tuple, converter=_tuple)
    regions: tuple[Region, ...] = attrs.field(factory=tuple, converter=_tuple)

    def __attrs_post_init__(self) -> None:
        """Check ids and references; raise one error that lists every problem."""
        problems = list(document_problems(self))
        if problems:
            raise DocumentError(Problem(path, message) for path, message in problems)

    @classmethod
    def _trusted(
        cls,
        sources: tuple[Source, ...],
        records: tuple[Record, ...],
        regions: tuple[Region, ...],
    ) -> Document:
        """Assemble a document whose ids and references were already checked."""
        document = cls.__new__(cls)
        object.__setattr__(document, "sources", sources)
        object.__setattr__(document, "records", records)
        object.__setattr__(document, "regions", regions)
        return document

    @classmethod
    def from_records(cls, records: Iterable[Record], regions: Iterable[Region] = ()) -> Document:
        """Build a document from records, collecting their sources in order of first use."""
        records = tuple(records)
        sources: dict[str, Source] = {}
        for record in records:
            sources.setdefault(record.source.id, record.source)
        return cls(sources=tuple(sources.values()), records=records, regions=tuple(regions))

    def source(self, source_id: str) -> Source:
        """Return the source with the given id.

        Raises:
            KeyError: No source has that id.
        """
        for source in self.sources:
            if source.id == source_id:
                return source
        raise KeyError(source_id)

    def record(self, record_id: str) -> Record:
        """Return the record with the given id.

        Raises:
            KeyError: No record has that id.
        """
        for record in self.records:
            if record.id == record_id:
                return record
        raise KeyError(record_id)


def document_problems(document: Document) -> Iterable[tuple[str, str]]:
    """Yield ``(path, message)`` for every broken id or reference in a document."""
    sources: dict[str, Source] = {}
    given: tuple[object, ...] = document.sources
    for i, source in enumerate(given):
        if not isinstance(source, Source):
            yield f"$.sources[{i}]", f"expected a Source, got {type(source).__name__}"
            continue
        if source.id in sources:
            yield f"$.sources[{i}].id", f"duplicate source id {source.id!r}"
        sources[source.id] = source
    regions = set()
    given_regions: tuple[object, ...] = document.regions
    for i, region in enumerate(given_regions):
        if not isinstance(region, Region):
            yield f"$.regions[{i}]", f"expected a Region, got {type(region).__name__}"
            continue
        if region.id in regions:
            yield f"$.regions[{i}].id", f"duplicate region id {region.id!r}"
        regions.add(region.id)
    seen: set[str] = set()
    given_records: tuple[object, ...] = document.records
    for i, record in enumerate(given_records):
        if not isinstance(record, _Record):
            yield f"$.records[{i}]", f"expected a record, got {type(record).__name__}"
            continue
        if record.id in seen:
            yield f"$.records[{i}].id", f"duplicate record id {record.id!r}"
        seen.add(record.id)
        known = sources.get(record.source.id)
        if known is None:
            known_ids = ", ".join(map(repr, sources)) or "none"
            message = (
                f"unknown source id {record.source.id!r}: expected one of the ids in "
                f"$.sources ({known_ids})"
            )
            yield f"$.records[{i}].source", message
        elif known != record.source:
            yield (
                f"$.records[{i}].source",
                f"source {record.source.id!r} differs from the source of that id in $.sources",
            )
        region_id = getattr(record, "region", None)
        if region_id is not None and region_id not in regions:
            known_regions = ", ".join(map(repr, sorted(regions))) or "none"
            message = (
                f"unknown region id {region_id!r}: expected one of the ids in $.regions "
                f"({known_regions})"
            )
            yield f"$.records[{i}].region", message
