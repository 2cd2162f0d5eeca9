"""The four kinds of record, regions and documents: frozen values, validated once."""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, ClassVar, Final, TypeAlias, TypeVar

import attrs

from incursion._estimates import Estimate, adopt
from incursion._likelihood import Likelihood
from incursion._nouns import read_unit
from incursion._sources import Citation, Source
from incursion._time import Span, to_span
from incursion._units import (
    COUNT_UNITS,
    UnitInfo,
    describe_dimension,
    lookup_unit,
    singular,
)
from incursion._units import within as within_dimension
from incursion._validation import (
    TYPED,
    Constraint,
    constraint_of,
    instance_of,
    member,
    quoted,
    states,
    text_field,
    valid_id,
)
from incursion.exceptions import (
    DocumentError,
    IncursionError,
    Problem,
    RecordError,
    UnitError,
)

__all__ = [
    "FORMAT_VERSION",
    "MEASURES",
    "Act",
    "Allegation",
    "Assessment",
    "CasualtyReport",
    "Confidence",
    "Count",
    "Document",
    "Evidence",
    "Fate",
    "FigureLike",
    "MaterielLoss",
    "Measure",
    "Measurement",
    "Part",
    "Population",
    "Predicate",
    "Record",
    "Region",
    "Relation",
    "Share",
    "Status",
    "Tally",
    "TerritorialClaim",
    "adopt",
    "check_dimension",
    "count_of",
    "document_problems",
    "equipment_key",
    "equipment_unit",
    "measures",
    "part_unit",
    "relation_figure",
    "relation_problems",
    "to_any_count",
    "to_count",
    "to_estimate",
    "to_figure",
    "to_settlements",
    "unsigned",
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
    """Whose figure it is: a party's claim, an independent assessment, or documented.

    A ``documented`` figure counts what was visually confirmed (as open-source loss
    trackers publish): a lower bound, with no upper bound.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.1.0 ``documented`` added; every kind with figures has a status.
    """

    CLAIMED = "claimed"
    ASSESSED = "assessed"
    DOCUMENTED = "documented"


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
    DISPUTED = "disputed"
    DENIED = "denied"
    UNDER_INVESTIGATION = "under-investigation"


class Fate(enum.StrEnum):
    """What happened to equipment: ``lost`` is any of the others.

    .. versionadded:: 0.1.0
    """

    DESTROYED = "destroyed"
    DAMAGED = "damaged"
    ABANDONED = "abandoned"
    CAPTURED = "captured"
    LOST = "lost"


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
if TYPE_CHECKING:  # pint is loaded when a quantity is first built, not on import
    import pint


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
        shown = quoted(value.text) if value.text is not None else f"{value.number:g}"
        raise UnitError(f"expected {expected}, got {shown} ({got})", field=field)
    return value


@attrs.frozen(repr=False)
class _Measures:
    dimension: str | None

    def __call__(self, _: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None or (value.__class__ is Estimate and value.dimension == self.dimension):
            return  # the common case, without a call
        check_dimension(value, self.dimension, attribute.name)

    def __repr__(self) -> str:
        what = describe_dimension(self.dimension) if self.dimension else "a count"
        return f"<measures validator: {what}>"

    @property
    def constraint(self) -> Constraint:
        """The type says it, but a ratio may be negative."""
        return Constraint(signed=self.dimension == "ratio")


def measures(dimension: str | None) -> _Measures:
    """A validator: the field holds an :class:`Estimate` of ``dimension``, or ``None``.

    With ``dimension`` ``None``, any count or bare number.
    """
    return _Measures(dimension)


def to_figure(value: FigureLike | None) -> Estimate | None:
    """Converter of an optional figure field (see :data:`FigureLike`)."""
    if value is None or value.__class__ is Estimate:
        return value
    return to_estimate(value)


def to_settlements(value: FigureLike | None) -> Estimate | None:
    """Converter of an optional count of settlements: a bare number counts settlements."""
    return None if value is None else adopt(to_estimate(value), "settlement")


def figure_metadata(
    dimension: str | None, tally: Tally, *, count: str | None = None
) -> dict[str, Any]:
    """The metadata of a figure field: its dimension, its tally and what bare numbers count."""
    return {"tally": tally, "dimension": dimension, "count": count}


@states(Constraint(minimum=1, maximum=6))
def _credibility(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 6:
        raise RecordError(
            f"credibility must be a whole number from 1 (confirmed) to 6 (cannot be judged), "
            f"got {value!r}",
            field=attribute.name,
        )


@states(Constraint(non_blank=True, max_length=200))
def _subject(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str) or not value.strip() or len(value) > 200:
        raise RecordError(
            f"subject must be a non-empty key of at most 200 characters, got {value!r}",
            field=attribute.name,
        )


@states(TYPED)
def _source(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, Source):
        raise RecordError(f"source must be a Source, got {value!r}", field=attribute.name)


@states(TYPED)
def _citation(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and not isinstance(value, Citation):
        raise RecordError(f"citation must be a Citation, got {value!r}", field=attribute.name)


def _predicate(value: object) -> Predicate | None:
    return None if value is None else member(Predicate, value, "predicate")


def _status(value: object) -> Status | None:
    return None if value is None else member(Status, value, "status")


def _population(value: object) -> Population | None:
    return None if value is None else member(Population, value, "population")


def _fate(value: object) -> Fate | None:
    return None if value is None else member(Fate, value, "fate")


def _act(value: object) -> Act:
    return member(Act, value, "act")


def _evidence(value: object) -> Evidence:
    return member(Evidence, value, "evidence")


def _confidence(value: object) -> Confidence | None:
    return None if value is None else member(Confidence, value, "confidence")


def _tuple_of_sources(value: Any) -> tuple[Source, ...]:
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise RecordError(f"expected a list of sources, got {value!r:.60}", field="denied_by")
    sources = tuple(value)
    for source in sources:
        if not isinstance(source, Source):
            raise RecordError(f"expected a Source, got {source!r:.60}", field="denied_by")
    ids = [source.id for source in sources]
    if len(set(ids)) != len(ids):
        raise RecordError(f"a source denies it twice: {ids}", field="denied_by")
    return sources


_FIGURE_FIELDS: dict[type, tuple[str, ...]] = {}
_TALLIES: dict[tuple[type, str], Tally] = {}


@states(Constraint(non_blank=True, max_length=300))
def _field_name(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is None and attribute.default is None:
        return
    if not isinstance(value, str) or not value.strip() or len(value) > 300:
        raise RecordError(
            f'{attribute.name} must name a figure field such as "area" or '
            f'"equipment.tanks", got {value!r:.60}',
            field=attribute.name,
        )


@states(constraint_of(valid_id) or TYPED)  # an id, or null
def _optional_id(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        valid_id(instance, attribute, value)


@attrs.frozen(kw_only=True)
class Relation:
    """A figure of this record that cannot exceed a figure of another (or of itself).

    "4,000 of the town's 6,000 people have left": the evacuees lie ``within`` the
    population.

    Attributes:
        record: The id of the record that holds the wider figure.
        field: Its field (``"value"``, ``"area"``, ``"equipment.tanks"``,
            ``"killed.parts.children"``).
        figure: The field of this record the relation is about; needed only when the
            record holds more than one figure.

    .. versionadded:: 0.1.0
    """

    record: str = attrs.field(validator=valid_id)
    field: str = attrs.field(validator=_field_name)
    figure: str | None = attrs.field(default=None, validator=_field_name)


def _percent(value: Any) -> Estimate:
    estimate = to_estimate(value)
    if estimate.dimension != "ratio" or estimate.number < 0:
        raise UnitError(f'percent must be a share such as "85%", got {estimate}', field="percent")
    return estimate


@attrs.frozen(kw_only=True)
class Share:
    """A figure of this record stated as a share of another: "1,100 km², or 85% of it".

    Either side may be unstated.  When the text gives only the share of a recorded
    whole ("almost 90% of the 2.3 million people were displaced"), ``figure`` names the
    field the share stands for and the record leaves that field out.  When the whole is
    not recorded ("1.9 million, more than 85% of the population"), leave out ``record``
    and ``field`` and say what it is in ``whole``.

    Attributes:
        percent: The share as stated (``"85%"``, ``"more than 85 percent"``).
        record: The id of the record that holds the whole, if it is recorded.
        field: The whole's field in that record (``"value"``, ``"area"``).
        figure: The field of this record that is the part; needed when the record holds
            more than one figure, or none (the part is then only stated as the share).
        whole: What the whole is, in words, when it is not recorded.

    .. versionadded:: 0.1.0
    """

    percent: Estimate = attrs.field(converter=_percent)
    record: str | None = attrs.field(default=None, validator=_optional_id)
    field: str | None = attrs.field(default=None, validator=_field_name)
    figure: str | None = attrs.field(default=None, validator=_field_name)
    whole: str | None = attrs.field(default=None, validator=text_field)

    def __attrs_post_init__(self) -> None:
        """A recorded whole needs both its record and its field."""
        if (self.record is None) != (self.field is None):
            raise RecordError(
                "a share names its whole by both record and field, or by neither",
                field="record" if self.record is None else "field",
            )


def _relation(value: Any) -> Relation | None:
    return None if value is None else _related(Relation, value, "within")


def _share(value: Any) -> Share | None:
    return None if value is None else _related(Share, value, "share_of")


_T = TypeVar("_T", Relation, Share)


def _related(cls: type[_T], value: Any, field: str) -> _T | None:
    """A relation from itself or from a dict of its keys, or a RecordError naming ``field``."""
    if value is None or value.__class__ is cls:
        return value
    if isinstance(value, Mapping):
        keys = {a.name for a in attrs.fields(cls)}
        extra = sorted(set(value) - keys)
        if extra:
            raise RecordError(
                f"unexpected key {extra[0]!r} in {field}: expected {', '.join(sorted(keys))}",
                field=field,
            )
        try:
            return cls(**value)
        except TypeError:
            needed = [a.name for a in attrs.fields(cls) if a.default is attrs.NOTHING]
            raise RecordError(f"{field} needs {' and '.join(needed)}", field=field) from None
    raise RecordError(f"expected a {cls.__name__}, got {value!r:.60}", field=field)


# -- records --------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class RecordBase:
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
        within: A figure of another record (or of this one) that this record's figure
            cannot exceed: the evacuees of a town within its population.
        share_of: This record's figure stated as a share of another ("1,100 km², or 85%
            of it").
        revises: The id of an earlier record that this one revises (a corrected toll).
    """

    kind: ClassVar[str]
    #: Whether the record's figures are its figure fields (not, as equipment, a mapping).
    figures_are_fields: ClassVar[bool] = True

    id: str = attrs.field(validator=valid_id)
    source: Source = attrs.field(validator=_source)
    subject: str = attrs.field(validator=_subject)
    as_of: Span = attrs.field(converter=to_span)
    citation: Citation | None = attrs.field(default=None, validator=_citation)
    credibility: int | None = attrs.field(default=None, validator=_credibility)
    note: str | None = attrs.field(default=None, validator=text_field)
    within: Relation | None = attrs.field(default=None, converter=_relation)
    share_of: Share | None = attrs.field(default=None, converter=_share)
    revises: str | None = attrs.field(default=None, validator=_optional_id)

    @property
    def status_documented(self) -> bool:
        """Whether the record's figures were confirmed one by one (status documented)."""
        return getattr(self, "status", None) is Status.DOCUMENTED

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
        return [
            (name, value.total if isinstance(value, Count) else value)
            for name, value in self.figure_items()
        ]

    def figure_items(self) -> list[tuple[str, Estimate | Count]]:
        """Each figure field that holds something, with its value (a count or a figure)."""
        return [
            (name, value)
            for name in self.figure_fields()
            if (value := getattr(self, name)) is not None
        ]

    def figure_tally(self, field: str, value: Estimate | Count) -> Tally:
        """Whether the figure in ``field`` is cumulative or a stock (a count may say)."""
        if isinstance(value, Count) and value.tally is not None:
            return value.tally
        return self.default_tally(field)

    def default_tally(self, field: str) -> Tally:
        """The tally of ``field`` when its count says none: the field's own."""
        return self.tally(field)

    def figure(self, field: str) -> Estimate | None:
        """The figure at ``field`` (``"area"``, ``"killed.parts.children"``), or ``None``."""
        name, _, part = field.partition(".parts.")
        value = self._figure_value(name)
        if value is None or not isinstance(value, Count):
            return None if part else value
        if not part:
            return value.total
        return next((p.estimate for p in value.parts if p.name == part), None)

    def _figure_value(self, name: str) -> Estimate | Count | None:
        """What the figure field ``name`` holds, or ``None``."""
        if name not in self.figure_fields():
            return None
        value: Estimate | Count | None = getattr(self, name)
        return value


def _needs_a_figure(record: RecordBase) -> None:
    for name in record.figure_fields():
        if getattr(record, name) is not None:
            return
    if record.share_of is not None and record.share_of.figure in record.figure_fields():
        return  # the figure is stated only as a share of another
    fields = ", ".join(record.figure_fields())
    raise RecordError(f"a {record.kind} needs at least one figure ({fields})")


@attrs.frozen(kw_only=True)
class TerritorialClaim(RecordBase):
    """A claim about ground: who controls, advanced into or retook it, and how much.

    Attributes:
        controller: The party said to hold or advance (``"Ukraine"``).
        predicate: What is said of the ground; ``None`` when not said, read as
            ``controls``.
        status: ``claimed`` by a party, ``assessed`` independently or ``documented``;
            ``None`` when not said, read as ``claimed``.
        region: The id of a region of the document the ground lies in.
        area: The area (an :class:`~incursion.Estimate` of an area): a stock.
        depth: How deep the advance reaches (a length).
        front_width: How wide the front is (a length).
        settlements: How many settlements (a count of settlements): a stock.

    .. versionadded:: 0.1.0
    """

    kind: ClassVar[str] = "territorial-claim"

    controller: str | None = attrs.field(default=None, validator=text_field)
    predicate: Predicate | None = attrs.field(default=None, converter=_predicate)
    status: Status | None = attrs.field(default=None, converter=_status)
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
    """A named part of a count: of 121 wounded, 10 ``children``; of 47 vehicles, 9 ``tanks``.

    Attributes:
        name: What the part counts (``"children"``, ``"tanks"``).
        estimate: How many (a bare number counts people unless the count says otherwise).

    .. versionadded:: 0.1.0
    """

    name: str = attrs.field(validator=instance_of(str, "text"))
    estimate: Estimate = attrs.field(converter=to_estimate)


def part_unit(name: str, total: Estimate) -> str | None:
    """What a bare number in a part counts: the part's name if it names a kind of the total.

    ``"tanks": 9`` of armoured vehicles counts tanks; ``"children": 10`` of the killed
    people; ``"drones": 20`` of the killed (killed by drones) counts what the total
    counts, people, as does ``"in Kursk": 3``.
    """
    named = lookup_count(name)
    if named is not None and (
        total.dimension == "number" or within_dimension(named, total.dimension)
    ):
        return named
    return total.unit or None


def _parts(value: Any) -> tuple[Part, ...]:
    if isinstance(value, dict):
        return tuple(Part(name=k, estimate=v) for k, v in value.items())
    parts = tuple(value)
    for part in parts:
        if part.__class__ is not Part:
            raise RecordError(f"parts must be Part objects, got {part!r:.60}", field="parts")
    return parts


def _tally(value: object) -> Tally | None:
    return None if value is None else member(Tally, value, "tally")


def unsigned(value: Any) -> Any:
    """A change as tallies write it, without its plus sign: "+7" is 7."""
    if isinstance(value, str) and value.strip().startswith("+"):
        return value.strip()[1:]
    return value


def _change(value: object) -> Estimate | None:
    return to_figure(unsigned(value))


@attrs.frozen(kw_only=True)
class Count:
    """A figure with what a report says of it: named parts, the day's change, its tally.

    Casualty counts, equipment counts and measurements hold one.  A plain figure is a
    count with no parts.

    Attributes:
        total: The whole figure.
        parts: Named parts of it (children, women, …; tanks of armoured vehicles), each
            of the total's kind or a narrower one.
        complete: Whether the parts must add up to the total (default ``False``: the
            parts are "of which" breakdowns that may leave some out).
        change: The change since the last report, as running tallies give it
            ("tanks — 8,491 (+7)": 7).
        tally: ``cumulative`` or ``stock``, where this figure differs from its field's
            default ("have left since 6 August" against "are in shelters now").

    .. versionadded:: 0.1.0
    """

    total: Estimate = attrs.field(converter=to_estimate)
    parts: tuple[Part, ...] = attrs.field(default=(), converter=_parts)
    complete: bool = attrs.field(default=False, validator=instance_of(bool, "true or false"))
    change: Estimate | None = attrs.field(default=None, converter=_change)
    tally: Tally | None = attrs.field(default=None, converter=_tally)

    @classmethod
    def _of_total(cls, total: Estimate) -> Count:
        """A count with no parts, from a total already checked."""
        count = cls.__new__(cls)
        # The slots' own setters: a frozen class's __setattr__ refuses, and
        # object.__setattr__ looks each name up again.
        set_total, set_parts, set_complete, set_change, set_tally = _COUNT_SLOTS
        set_total(count, total)
        set_parts(count, ())
        set_complete(count, False)  # noqa: FBT003 - a slot's setter takes its value
        set_change(count, None)
        set_tally(count, None)
        return count

    def __attrs_post_init__(self) -> None:
        """Read bare numbers in parts by their names; check the parts' kinds and names."""
        names = [p.name for p in self.parts]
        if len(set(names)) != len(names):
            raise RecordError(f"part names must be distinct, got {names}", field="parts")
        parts = tuple(map(self._part, self.parts))
        if parts != self.parts:
            object.__setattr__(self, "parts", parts)
        change = self.change
        if change is not None and change.dimension not in ("number", self.total.dimension):
            raise UnitError(
                f"the change is {describe_dimension(change.dimension)}, the total "
                f"{describe_dimension(self.total.dimension)}",
                field="change",
            )

    def _part(self, part: Part) -> Part:
        """The part with a bare number read by its name (see :func:`part_unit`), checked."""
        estimate = part.estimate
        if estimate.dimension == "number":
            unit = part_unit(part.name, self.total)
            if unit is None:
                return part
            estimate = adopt(estimate, unit)
            part = Part(name=part.name, estimate=estimate)
        total = self.total.dimension
        if total != "number" and not within_dimension(estimate.dimension, total):
            raise UnitError(
                f"part {part.name!r} is {describe_dimension(estimate.dimension)}, the total "
                f"{describe_dimension(total)}",
                field="parts",
            )
        return part

    @property
    def plain(self) -> bool:
        """Whether the count says nothing but its total."""
        return not self.parts and not self.complete and self.change is None and self.tally is None


#: The setters of a count's slots, in the order :meth:`Count._of_total` fills them.
_COUNT_SLOTS: Final = tuple(
    getattr(Count, name).__set__ for name in ("total", "parts", "complete", "change", "tally")
)


def to_count(value: Count | FigureLike | None) -> Count | None:
    """Converter of a casualty count: a :class:`Count` or any figure, bare numbers people."""
    if value is None:
        return None
    if isinstance(value, Count) and value.total.dimension == "person" and value.plain:
        return value  # as the loader builds them: nothing to adopt
    return count_of("person", value)


def to_any_count(value: Count | FigureLike | None) -> Count | None:
    """Converter of a count of anything: a :class:`Count` or any figure as its total."""
    return None if value is None else count_of(None, value)


def count_of(unit: str | None, value: Count | FigureLike) -> Count:
    """A :class:`Count` whose bare numbers (total, parts, change) count ``unit``.

    A bare number in a part counts the part's name where that is a counted noun
    ("tanks": 9), else what the total counts.
    """
    if not isinstance(value, Count):
        return Count._of_total(adopt(to_estimate(value), unit))  # noqa: SLF001
    count = value
    total = adopt(count.total, unit)
    change = None if count.change is None else adopt(count.change, total.unit or None)
    if total is count.total and change is count.change:
        return count  # its parts were read by this very total when it was made
    # The new count reads its parts' bare numbers by the new total (Count._part).
    return Count(
        total=total, parts=count.parts, complete=count.complete, change=change, tally=count.tally
    )


def lookup_count(name: str) -> str | None:
    """The known count unit a word names (``"tanks"``: tank), or ``None``."""
    try:
        info = lookup_unit(name)
    except IncursionError:
        return None
    return info.name if info.count else None


def count_metadata(tally: Tally, dimension: str | None = "person") -> dict[str, Any]:
    """The metadata of a count field: its dimension, its tally, parts allowed."""
    return {"tally": tally, "dimension": dimension, "count": dimension, "parts": True}


@attrs.frozen(kw_only=True)
class CasualtyReport(RecordBase):
    """A report of people killed, wounded, missing, captured or displaced.

    Each count is a :class:`Count` (or anything :class:`~incursion.Estimate` accepts, a
    bare number counting people).  Killed, wounded and captured are cumulative: they
    never fall over time.  Missing and displaced are stocks: people are found, return
    home.

    ``killed_and_wounded`` (what many sources call casualties) and ``losses`` (killed,
    wounded, missing and captured together) are combined counts: each single count they
    include can be no larger, and when all of them are given they must add up.

    Attributes:
        party: The party whose people are counted (``"Russia"``).
        population: ``civilian``, ``military`` or ``all``; ``None`` when not said, read
            as ``all``.
        group: A group within the population (``"children"``, ``"women"``), if the
            record counts only that group.
        status: ``claimed``, ``assessed`` or ``documented`` (a named, confirmed lower
            bound); ``None`` when not said, read as ``claimed``.
        killed: People killed (cumulative).
        wounded: People wounded (cumulative).
        missing: People missing (a stock).
        captured: People captured (cumulative).
        displaced: People displaced (a stock).
        killed_and_wounded: People killed or wounded, together (cumulative).
        losses: People killed, wounded, missing or captured, together (cumulative).

    .. versionadded:: 0.1.0
    """

    kind: ClassVar[str] = "casualty-report"

    party: str | None = attrs.field(default=None, validator=text_field)
    population: Population | None = attrs.field(default=None, converter=_population)
    group: str | None = attrs.field(default=None, validator=text_field)
    status: Status | None = attrs.field(default=None, converter=_status)
    killed: Count | None = attrs.field(
        default=None,
        converter=to_count,
        metadata=count_metadata(Tally.CUMULATIVE),
    )
    wounded: Count | None = attrs.field(
        default=None,
        converter=to_count,
        metadata=count_metadata(Tally.CUMULATIVE),
    )
    missing: Count | None = attrs.field(
        default=None, converter=to_count, metadata=count_metadata(Tally.STOCK)
    )
    captured: Count | None = attrs.field(
        default=None,
        converter=to_count,
        metadata=count_metadata(Tally.CUMULATIVE),
    )
    displaced: Count | None = attrs.field(
        default=None, converter=to_count, metadata=count_metadata(Tally.STOCK)
    )
    killed_and_wounded: Count | None = attrs.field(
        default=None,
        converter=to_count,
        metadata=count_metadata(Tally.CUMULATIVE),
    )
    losses: Count | None = attrs.field(
        default=None,
        converter=to_count,
        metadata=count_metadata(Tally.CUMULATIVE),
    )

    def __attrs_post_init__(self) -> None:
        """Require at least one count, each of people."""
        given = False
        for name in self.figure_fields():
            count = getattr(self, name)
            if count is not None:
                given = True
                if count.total.dimension != "person":
                    check_dimension(count.total, "person", name)
        if not given:
            _needs_a_figure(self)


@attrs.frozen(kw_only=True)
class Allegation(RecordBase):
    """An accusation that a party committed an act, with how well it is evidenced.

    Attributes:
        accused: The party accused, if named.
        act: What it is accused of, from :class:`Act` (default ``other``).
        count: How many acts are alleged ("nearly 2,000 strikes"), if stated: cumulative.
        status: Whose figure the count is (``None`` when not said, read as ``claimed``).
        evidence: How far the allegation is evidenced (default ``none-public``).
        denied_by: The sources that deny it (with evidence ``denied``) or dispute it
            (``disputed``).

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
    status: Status | None = attrs.field(default=None, converter=_status)
    evidence: Evidence = attrs.field(default=Evidence.NONE_PUBLIC, converter=_evidence)
    denied_by: tuple[Source, ...] = attrs.field(default=(), converter=_tuple_of_sources)

    def __attrs_post_init__(self) -> None:
        """Who denies or disputes it is said only when the evidence is denied or disputed."""
        if self.denied_by and self.evidence not in (Evidence.DENIED, Evidence.DISPUTED):
            raise RecordError(
                f"denied_by is given, but evidence is {self.evidence.value!r}: expected "
                "'denied' or 'disputed'",
                field="denied_by",
            )


def _likelihood(value: Any) -> Likelihood | None:
    if value is None or isinstance(value, Likelihood):
        return value
    if isinstance(value, str):
        return Likelihood(term=value)
    raise RecordError(f"expected a likelihood, got {value!r}", field="likelihood")


@attrs.frozen(kw_only=True)
class Assessment(RecordBase):
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


def equipment_key(name: str) -> str:
    """An equipment type's words, whatever their case or number: "Tanks" and "tank" alike."""
    words = name.lower().split()
    return " ".join([*words[:-1], singular(words[-1])]) if words else ""


def equipment_unit(name: object) -> str:
    """The count unit an equipment type names (``"IFVs"``: infantry_fighting_vehicle).

    Raises:
        UnitError: The name is no counted thing.
    """
    if not isinstance(name, str):
        raise RecordError(f"an equipment type must be text, got {name!r:.60}")
    try:
        info: UnitInfo | None = read_unit(name)
    except IncursionError:
        info = None
    if info is None or not info.count:
        raise UnitError(
            f"equipment type {quoted(name)} names no counted thing: expected a kind of "
            "equipment such as tanks, IFVs, artillery systems or drones"
        )
    return info.name


def _equipment(value: Any) -> Mapping[str, Count]:
    if not isinstance(value, Mapping):
        raise RecordError(
            f'equipment must map equipment types to counts, such as {{"tanks": "12"}}, '
            f"got {value!r:.60}",
            field="equipment",
        )
    out: dict[str, Count] = {}
    named: dict[str, str] = {}  # each type's key, and the name it was first given by
    for name, figure in value.items():
        try:
            unit = equipment_unit(name)
            count = count_of(unit, figure)
            if not within_dimension(count.total.dimension, unit):
                raise UnitError(
                    f"expected {describe_dimension(unit)}, got "
                    f"{describe_dimension(count.total.dimension)}"
                )
        except IncursionError as error:
            raise type(error)(f"{name}: {error}", field="equipment") from None
        twin = named.setdefault(equipment_key(name), name)
        if twin != name:
            raise RecordError(
                f"{twin!r} and {name!r} name one equipment type: give it once",
                field="equipment",
            )
        out[name] = count
    return MappingProxyType(out)


@attrs.frozen(kw_only=True)
class MaterielLoss(RecordBase):
    """Equipment lost by a party, counted by type: "47 armoured vehicles, including 9 tanks".

    Equipment types are count units in one hierarchy (a tank is an armoured vehicle, an
    armoured vehicle a vehicle; MLRS are artillery; helicopters aircraft), so a part may
    be any narrower type of its total.  Losses accumulate: every count is cumulative
    unless it says otherwise.

    Attributes:
        party: Whose equipment (``"Russia"``).
        fate: ``destroyed``, ``damaged``, ``abandoned``, ``captured`` or ``lost`` (any of
            them); ``None`` when not said.
        status: ``claimed`` (by either side), ``assessed``, or ``documented`` (visually
            confirmed, a lower bound); ``None`` when not said, read as ``claimed``.
        equipment: Each equipment type as written (``"tanks"``, ``"IFVs"``) with its
            :class:`Count` (parts, ``complete``, the day's ``change``).

    .. versionadded:: 0.1.0
    """

    kind: ClassVar[str] = "materiel-loss"
    figures_are_fields: ClassVar[bool] = False

    party: str | None = attrs.field(default=None, validator=text_field)
    fate: Fate | None = attrs.field(default=None, converter=_fate)
    status: Status | None = attrs.field(default=None, converter=_status)
    equipment: Mapping[str, Count] = attrs.field(
        factory=dict, converter=_equipment, hash=False, metadata={"equipment": True}
    )

    def __attrs_post_init__(self) -> None:
        """Require at least one equipment type."""
        if not self.equipment:
            raise RecordError(
                'a materiel-loss needs at least one equipment type, such as {"tanks": "12"}',
                field="equipment",
            )

    def figure_items(self) -> list[tuple[str, Estimate | Count]]:
        """Each equipment type's count, at ``equipment.<type>``."""
        return [(f"equipment.{name}", count) for name, count in self.equipment.items()]

    def _figure_value(self, name: str) -> Estimate | Count | None:
        """The count of the equipment type at ``equipment.<type>``, or ``None``."""
        return (
            self.equipment.get(name.removeprefix("equipment."))
            if name.startswith("equipment.")
            else None
        )

    def default_tally(self, field: str) -> Tally:  # noqa: ARG002 - every type alike
        """Losses are cumulative."""
        return Tally.CUMULATIVE


@attrs.frozen(kw_only=True)
class Measure:
    """A known measure: what its figures measure and whether they only grow.

    Attributes:
        name: The measure's name in documents (``"force-size"``).
        dimension: What its figures measure (``"person"``, ``"length"``, …), or ``None``
            for any.
        tally: ``stock`` (can rise and fall) or ``cumulative`` (only grows).
        description: What it is, for the documentation.
        example: A sentence of the kind it records.

    .. versionadded:: 0.1.0
    """

    name: str
    dimension: str | None
    tally: Tally
    description: str
    example: str

    @property
    def count(self) -> str | None:
        """The dimension a bare number of this measure counts (``None`` if it measures)."""
        return self.dimension if self.dimension in COUNT_UNITS else None


#: The known measures of :class:`Measurement`, by name.  Any other name is allowed: its
#: figures are compared only with figures of the same name, and are stocks.
MEASURES: Final[dict[str, Measure]] = {
    m.name: m
    for m in (
        Measure(
            name="force-size",
            dimension="person",
            tally=Tally.STOCK,
            description="The number of troops in a force: deployed, attacking or defending.",
            example="Up to 1,000 soldiers took part in the first assault.",
        ),
        Measure(
            name="distance",
            dimension="length",
            tally=Tally.STOCK,
            description="A distance between two places, such as a town and the border.",
            example="The town lies about 10 km from the border.",
        ),
        Measure(
            name="population",
            dimension="person",
            tally=Tally.STOCK,
            description="How many people live in a place (before the war, or now).",
            example="The town had about 5,000 residents before the war.",
        ),
        Measure(
            name="planned-evacuation",
            dimension="person",
            tally=Tally.STOCK,
            description="How many people an evacuation plan is to move.",
            example="Officials plan to evacuate 20,000 people from the district.",
        ),
        Measure(
            name="evacuated",
            dimension="person",
            tally=Tally.CUMULATIVE,
            description="How many people have been evacuated since a date: a running total.",
            example="More than 120,000 people have been evacuated since 6 August.",
        ),
        Measure(
            name="warhead-mass",
            dimension="mass",
            tally=Tally.STOCK,
            description="The mass of a weapon's warhead or explosive charge.",
            example="The missile carries a 480-kilogram warhead.",
        ),
        Measure(
            name="range",
            dimension="length",
            tally=Tally.STOCK,
            description="How far a weapon reaches.",
            example="The rockets have a range of up to 300 km.",
        ),
        Measure(
            name="area",
            dimension="area",
            tally=Tally.STOCK,
            description="The area of a place (a district, a pocket, a zone).",
            example="The district covers some 1,600 square kilometres.",
        ),
    )
}


_MEASURE_NAME: Final = re.compile(r"[a-z0-9][a-z0-9-]{0,99}", re.ASCII)


@states(Constraint(pattern=_MEASURE_NAME.pattern))
def _measure_name(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str) or not _MEASURE_NAME.fullmatch(value):
        raise RecordError(
            "measure must be a name of 1–100 lower-case letters, digits and hyphens, such "
            f"as 'force-size', got {value!r:.60}",
            field=attribute.name,
        )


@attrs.frozen(kw_only=True)
class Measurement(RecordBase):
    """Any other figure a report gives: a force's size, a distance, a population, a mass.

    Known measures (:data:`MEASURES`) fix what their figure measures and its tally; a
    bare number counts people where the measure counts people.  Any other measure name
    is allowed and compared only with itself.

    Attributes:
        measure: The measure's name (``"force-size"``, ``"distance"``, …).
        of: What it is of: a place, a force, a weapon (``"Sudzha to the border"``).
        party: The party it belongs to, if it belongs to one: whose force, whose town.
        status: ``claimed``, ``assessed`` or ``documented``; ``None`` when not said.
        value: The figure, as a :class:`Count` (parts, tally and change allowed); left
            out only when the figure is stated as a share of another (``share_of``).

    .. versionadded:: 0.1.0
    """

    kind: ClassVar[str] = "measurement"

    measure: str = attrs.field(validator=_measure_name)
    of: str | None = attrs.field(default=None, validator=text_field)
    party: str | None = attrs.field(default=None, validator=text_field)
    status: Status | None = attrs.field(default=None, converter=_status)
    value: Count | None = attrs.field(
        default=None,
        converter=to_any_count,
        metadata={"tally": Tally.STOCK, "dimension": None, "parts": True},
    )

    def __attrs_post_init__(self) -> None:
        """Read a bare number as the measure's count; check the measure's dimension."""
        _needs_a_figure(self)
        known = MEASURES.get(self.measure)
        value = self.value
        if known is None or known.dimension is None or value is None:
            return
        if known.count is not None:  # "12,000" and "3,000 defenders" count people
            value = count_of(known.count, value)
            if value is not self.value:
                object.__setattr__(self, "value", value)
        if not within_dimension(value.total.dimension, known.dimension):
            check_dimension(value.total, known.dimension, "value")

    def default_tally(self, field: str) -> Tally:  # noqa: ARG002 - one figure, value
        """The measure's tally (a stock for a measure not in :data:`MEASURES`)."""
        known = MEASURES.get(self.measure)
        return known.tally if known is not None else Tally.STOCK


#: Any of the record kinds.
Record: TypeAlias = (
    TerritorialClaim | CasualtyReport | Allegation | Assessment | MaterielLoss | Measurement
)

RECORD_TYPES: Final[dict[str, type[RecordBase]]] = {
    cls.kind: cls
    for cls in (
        TerritorialClaim,
        CasualtyReport,
        Allegation,
        Assessment,
        MaterielLoss,
        Measurement,
    )
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
        """Build a document from records, collecting their sources in order of first use.

        The sources that deny an allegation (``denied_by``) are collected too.
        """
        records = tuple(records)
        sources: dict[str, Source] = {}
        for record in records:
            for source in (record.source, *getattr(record, "denied_by", ())):
                sources.setdefault(source.id, source)
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
    yield from _listed("sources", document.sources, Source, "a Source", sources)
    regions: dict[str, Region] = {}
    yield from _listed("regions", document.regions, Region, "a Region", regions)
    given_records: tuple[object, ...] = document.records
    yield from _listed(
        "records",
        given_records,
        RecordBase,
        "a record",
        {},
        then=lambda i, record: _reference_problems(f"$.records[{i}]", record, sources, regions),
    )
    records = [r for r in given_records if isinstance(r, RecordBase)]
    positions = [i for i, r in enumerate(given_records) if isinstance(r, RecordBase)]
    yield from relation_problems(records, positions)  # type: ignore[arg-type]


def _listed(
    section: str,
    given: tuple[object, ...],
    kind: type[Any],
    what: str,
    by_id: dict[str, Any],
    then: Callable[[int, Any], Iterable[tuple[str, str]]] | None = None,
) -> Iterator[tuple[str, str]]:
    """Problems of the list ``$.<section>``: an item of another kind, an id given twice.

    ``what`` names the kind in messages, ``then`` finds more of each item of the right
    kind, and the items, by id, go into ``by_id``.
    """
    for i, item in enumerate(given):
        if not isinstance(item, kind):
            yield f"$.{section}[{i}]", f"expected {what}, got {type(item).__name__}"
            continue
        if item.id in by_id:
            yield f"$.{section}[{i}].id", f"duplicate {section[:-1]} id {item.id!r}"
        by_id[item.id] = item
        if then is not None:
            yield from then(i, item)


def _reference_problems(
    path: str, record: RecordBase, sources: Mapping[str, Source], regions: Mapping[str, Region]
) -> Iterator[tuple[str, str]]:
    """A record's source, deniers and region that the document does not give."""
    known = sources.get(record.source.id)
    if known is None:
        known_ids = ", ".join(map(repr, sources)) or "none"
        message = (
            f"unknown source id {record.source.id!r}: expected one of the ids in "
            f"$.sources ({known_ids})"
        )
        yield f"{path}.source", message
    elif known != record.source:
        yield (
            f"{path}.source",
            f"source {record.source.id!r} differs from the source of that id in $.sources",
        )
    for j, denier in enumerate(getattr(record, "denied_by", ())):
        if sources.get(denier.id) != denier:
            yield (
                f"{path}.denied_by[{j}]",
                f"unknown source {denier.id!r}: expected one of the ids in $.sources",
            )
    region_id = getattr(record, "region", None)
    if region_id is not None and region_id not in regions:
        known_regions = ", ".join(map(repr, sorted(regions))) or "none"
        message = (
            f"unknown region id {region_id!r}: expected one of the ids in $.regions "
            f"({known_regions})"
        )
        yield f"{path}.region", message


def relation_problems(
    records: Sequence[Record], positions: Sequence[int], known: Iterable[object] = ()
) -> Iterator[tuple[str, str]]:
    """Yield ``(path, message)`` for every relation that names no figure or a wrong kind.

    ``positions`` holds each record's place in ``$.records``; ``known`` the ids of records
    that failed to load (their problems are reported already, and not again here).
    """
    by_id = {r.id: r for r in records}
    broken = set(known) - set(by_id)
    for record, i in zip(records, positions, strict=True):
        path = f"$.records[{i}]"
        if record.revises is not None:
            revision = _revision_problem(record, by_id, broken)
            if revision is not None:
                yield f"{path}.revises", revision
        for name in ("within", "share_of"):
            relation = getattr(record, name)
            if relation is not None and relation.record not in broken:
                problem = _relation_problem(record, relation, by_id)
                if problem is not None:
                    yield f"{path}.{name}.{problem[0]}", problem[1]


def _revision_problem(
    record: Record, by_id: Mapping[str, Record], broken: set[object]
) -> str | None:
    """What is wrong with a record's ``revises``, or ``None``."""
    earlier = by_id.get(record.revises or "")
    if record.revises == record.id:
        return "a record cannot revise itself"
    if earlier is None:
        return None if record.revises in broken else f"unknown record id {record.revises!r}"
    if (earlier.kind, earlier.subject) != (record.kind, record.subject):
        return (
            f"a record revises one of its own kind and subject: {earlier.id!r} is a "
            f"{earlier.kind} on {earlier.subject!r}"
        )
    seen = {record.id}
    while earlier is not None and earlier.revises is not None:
        if earlier.id in seen:
            return f"the revisions go round in a circle through {earlier.id!r}"
        seen.add(earlier.id)
        earlier = by_id.get(earlier.revises)
    return None


def _relation_problem(
    record: Record, relation: Relation | Share, by_id: Mapping[str, Record]
) -> tuple[str, str] | None:
    """What is wrong with one relation, as (key, message), or ``None``."""
    wider, problem = _wider_figure(relation, by_id)
    if problem is not None:
        return problem
    own = relation_figure(record, relation)
    if own is None:
        return _no_own_figure(record, relation)
    if wider is None:
        return None
    if relation.record == record.id and relation.field == own[0]:
        return "field", "a figure cannot be related to itself"
    dims = own[1].dimension, wider.dimension
    if "number" not in dims and not within_dimension(*dims):
        return "field", (
            f"{describe_dimension(dims[0])} cannot lie within {describe_dimension(dims[1])}"
        )
    return None


def _wider_figure(
    relation: Relation | Share, by_id: Mapping[str, Record]
) -> tuple[Estimate | None, tuple[str, str] | None]:
    """The figure a relation names in another record, or what is wrong with the naming."""
    if relation.record is None or relation.field is None:
        return None, None
    target = by_id.get(relation.record)
    if target is None:
        return None, ("record", f"unknown record id {relation.record!r}")
    wider = target.figure(relation.field)
    if wider is None:
        known = ", ".join(repr(f) for f, _ in target.figures()) or "none"
        return None, (
            "field",
            f"record {target.id!r} has no figure at {relation.field!r} ({known})",
        )
    return wider, None


def _no_own_figure(record: Record, relation: Relation | Share) -> tuple[str, str] | None:
    """What is wrong when a relation names no figure of its own record (a share may not)."""
    known = ", ".join(repr(f) for f, _ in record.figures()) or "none"
    if relation.figure is None:
        return "figure", f"name which figure of this record it is about ({known})"
    if isinstance(relation, Share) and relation.figure in record.figure_fields():
        return None  # stated only as the share
    return "figure", f"this record has no figure at {relation.figure!r} ({known})"


def relation_figure(record: Record, relation: Relation | Share) -> tuple[str, Estimate] | None:
    """The field and figure of ``record`` that a relation is about, or ``None``."""
    if relation.figure is not None:
        figure = record.figure(relation.figure)
        return None if figure is None else (relation.figure, figure)
    figures = record.figures()
    return figures[0] if len(figures) == 1 else None
