"""Findings, the check protocol, the context checks read, and selection."""

from __future__ import annotations

import enum
import functools
import operator
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, ClassVar, NamedTuple, Protocol, TypeVar, runtime_checkable

import attrs

from incursion._estimates import DEFAULT_POLICY, Estimate, Hedge, Policy, describe, lower_bound
from incursion._records import (
    Count,
    Document,
    Record,
    Region,
    Tally,
    equipment_key,
)
from incursion._units import resolve_unit
from incursion._validation import path_key
from incursion.checks._scope import COMBINED, PART_QUALIFIER, QUALIFIERS

__all__ = ["Check", "Cited", "Context", "Figure", "Finding", "Severity", "cite", "fmt", "interval"]

T = TypeVar("T")


def strings(values: Iterable[str]) -> tuple[str, ...]:
    """Converter: any iterable of strings to a tuple."""
    return tuple(values)


def labelled(values: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """Converter: any iterable of ``(label, value)`` pairs to a tuple."""
    return tuple((str(label), str(value)) for label, value in values)


class Severity(enum.StrEnum):
    """How bad a finding is.

    .. versionadded:: 0.1.0
    """

    #: Irreconcilable under every reading the wording admits.
    ERROR = "error"
    #: Reconcilable only at the edge of the stated precision, or a suspicious pattern.
    WARNING = "warning"
    #: Worth a look.
    INFO = "info"

    @property
    def rank(self) -> int:
        """2 for an error, 1 for a warning, 0 for info."""
        return _RANKS[self.value]

    # Severities compare by how bad they are, not as the strings they also are:
    # ``Severity.ERROR > Severity.WARNING > Severity.INFO``, and ``sorted`` puts info first.
    # A plain string that names a severity ("warning") compares as that severity.

    def __lt__(self, other: object) -> bool:
        """Less severe than ``other``."""
        return _rank_of(self) < _rank_of(other)

    def __le__(self, other: object) -> bool:
        """No more severe than ``other``."""
        return _rank_of(self) <= _rank_of(other)

    def __gt__(self, other: object) -> bool:
        """More severe than ``other``."""
        return _rank_of(self) > _rank_of(other)

    def __ge__(self, other: object) -> bool:
        """At least as severe as ``other``."""
        return _rank_of(self) >= _rank_of(other)


_RANKS: dict[str, int] = {"error": 2, "warning": 1, "info": 0}


def _rank_of(value: object) -> int:
    """The rank of a severity, or of the string naming one; a clear error for anything else."""
    rank = _RANKS.get(value) if isinstance(value, str) else None
    if rank is None:
        raise TypeError(
            f"a severity compares only with a severity ('error', 'warning' or 'info'), "
            f"not {value!r:.40}"
        )
    return rank


@attrs.frozen(kw_only=True)
class Cited:
    """A figure a finding rests on: what was said, by whom, where, and its interval.

    Attributes:
        label: What the figure is in the finding (the source's name, or ``"depth ×
            front"`` for a figure worked out).
        value: The figure as said (``"about 121,000 people"``).
        record: The id of the record it comes from, if it comes from one.
        path: Its JSON path, if it comes from a record.
        words: Its interval in words (``"between 108,900 and 133,100 people"``,
            ``"120 or more people"``, ``"12 km, unhedged"``).
        low: The low end, in ``unit``.
        high: The high end, in ``unit``; ``None`` when unbounded.
        unit: The unit of ``low`` and ``high`` (the canonical unit of its dimension).

    .. versionadded:: 0.1.0
    """

    label: str
    value: str
    record: str | None = None
    path: str | None = None
    words: str = ""
    low: float | None = None
    high: float | None = None
    unit: str = ""

    def to_json(self) -> dict[str, Any]:
        """The entry of a finding's ``figures`` in the JSON report."""
        return attrs.asdict(self)


def _cited(values: Iterable[Cited]) -> tuple[Cited, ...]:
    return tuple(values)


def _figures_of(finding: Finding) -> tuple[tuple[str, str], ...]:
    return tuple((c.label, c.value) for c in finding.cited)


@attrs.frozen(kw_only=True)
class Finding:
    """What a check found: which records, at which JSON paths, and the arithmetic.

    Attributes:
        check: The id of the check (``"extent"``).
        severity: How bad it is.
        records: The ids of the records involved.
        paths: The JSON paths of the figures involved (``$.records[0].area``).
        message: One line that shows the arithmetic.
        explanation: A longer explanation: what the rule is and how to resolve it.
        cited: The figures used, each with its record, path and interval.
        figures: The figures used, as ``(label, value)`` pairs of text (by default, those
            of ``cited``).

    .. versionadded:: 0.1.0
    """

    check: str
    severity: Severity = attrs.field(converter=Severity)
    records: tuple[str, ...] = attrs.field(converter=strings)
    paths: tuple[str, ...] = attrs.field(default=(), converter=strings)
    message: str
    explanation: str = ""
    cited: tuple[Cited, ...] = attrs.field(default=(), converter=_cited)
    figures: tuple[tuple[str, str], ...] = attrs.field(
        default=attrs.Factory(_figures_of, takes_self=True), converter=labelled
    )

    def figures_json(self) -> list[dict[str, Any]]:
        """The ``figures`` of the JSON report: each with its record, path and interval."""
        if len(self.cited) == len(self.figures):
            return [c.to_json() for c in self.cited]
        return [Cited(label=k, value=v).to_json() for k, v in self.figures]


class Figure(NamedTuple):
    """One figure of one record, with where it stands, as the checks see it.

    Attributes:
        record: The record.
        field: The field (``"area"``), ``"wounded.parts.children"`` for a part, or
            ``"equipment.tanks"`` for an equipment type.
        estimate: The estimate (a documented figure as the lower bound it is).
        position: The record's position in the document.
        key: What it measures: field, dimension, subject, record kind, qualifiers and the
            tally its count states, if any.  Figures with different keys are never
            compared.

    .. versionadded:: 0.1.0
    """

    record: Record
    field: str
    estimate: Estimate
    position: int
    key: tuple[Any, ...]

    @property
    def tally(self) -> Tally:
        """Whether the figure is cumulative or a stock: its count's say, else its field's."""
        stated = self.key[-1] if self.key else None
        if stated.__class__ is Tally:
            return stated  # the count's own say
        return self.record.default_tally(self.field.partition(".parts.")[0])

    @property
    def path(self) -> str:
        """The figure's JSON path (``$.records[3].area``)."""
        return field_path(self.position, self.field)


def field_path(position: int, field: str) -> str:
    """The JSON path of a record's field: ``$.records[3].equipment["armoured vehicles"]``.

    Equipment types and part names are keys as written, quoted where they are no names.
    """
    head, dot, rest = field.partition(".")
    path = f"$.records[{position}].{head}"
    if head == "equipment" and dot:
        name, dot, rest = rest.partition(".parts.")
        path += path_key(name) + (".parts" if dot else "")
        return path + (path_key(rest) if dot else "")
    if rest.startswith("parts."):
        return path + ".parts" + path_key(rest.removeprefix("parts."))
    return path + (f".{rest}" if dot else "")


@attrs.frozen(kw_only=True)
class Context:
    """What checks read: the records, their positions, the regions and the policy.

    Estimates are re-read under the context's policy when it is not the default.

    Attributes:
        records: The records being checked, in document order.
        regions: The document's regions, by id.
        policy: The reading policy.
        positions: Each record's position (by ``id()``), for JSON paths.
        memo: Values shared between checks (see :meth:`shared`).

    .. versionadded:: 0.1.0
    """

    records: tuple[Record, ...]
    regions: Mapping[str, Region] = attrs.field(factory=dict)
    policy: Policy = DEFAULT_POLICY
    positions: dict[int, int] = attrs.field(init=False, eq=False, repr=False)
    memo: dict[str, Any] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        """Index the records' positions, for JSON paths."""
        object.__setattr__(self, "positions", {id(r): i for i, r in enumerate(self.records)})
        object.__setattr__(self, "memo", {})

    def shared(self, name: str, build: Callable[[], T]) -> T:
        """A value several checks need, built once per context (figures, groupings)."""
        if name not in self.memo:
            self.memo[name] = build()
        value: T = self.memo[name]
        return value

    @classmethod
    def of(cls, data: Document | Iterable[Record], policy: Policy | None = None) -> Context:
        """Build the context of a document or of records."""
        if isinstance(data, Document):
            return cls(
                records=data.records,
                regions={r.id: r for r in data.regions},
                policy=policy or DEFAULT_POLICY,
            )
        return cls(records=tuple(data), policy=policy or DEFAULT_POLICY)

    def read(self, estimate: Estimate) -> Estimate:
        """The estimate as the policy reads it."""
        if estimate.policy is self.policy or estimate.policy == self.policy:
            return estimate
        return estimate.reread(self.policy)

    def figures(self) -> tuple[Figure, ...]:
        """Every figure of every record, totals and named parts alike (built once)."""
        return self.shared("figures", lambda: tuple(self._figures()))

    def changes(self) -> Mapping[tuple[int, str], Estimate]:
        """The day's change each count states ("58 tanks (+6)": 6), by record id and field.

        Keyed by ``(id(record), field)``; gathered while :meth:`figures` is built.
        """
        self.figures()
        changes: dict[tuple[int, str], Estimate] = self.memo["changes"]
        return changes

    def composite(self) -> tuple[Figure, ...]:
        """The figures that add up with others of their record: parts, and combined counts.

        "Killed, including 24 children" gives the part ``killed.parts.children``; a
        ``killed_and_wounded`` count adds up its single counts.  Gathered while
        :meth:`figures` is built, in document order.
        """
        self.figures()
        composite: list[Figure] = self.memo["composite"]
        return tuple(composite)

    def _figures(self) -> Iterator[Figure]:
        plain = self.read
        documented = self._documented
        changes: dict[tuple[int, str], Estimate] = {}
        composite: list[Figure] = []
        self.memo["changes"] = changes
        self.memo["composite"] = composite
        policy = self.policy
        new = tuple.__new__  # a Figure without the call of its named-tuple constructor
        plans: dict[type, _Plan | None] = {}
        for i, record in enumerate(self.records):
            cls = record.__class__
            if cls in plans:
                plan = plans[cls]
            else:
                plan = plans[cls] = _plan(cls) if cls.figures_are_fields else None
            is_documented = record.status_documented
            read = documented if is_documented else plain
            if plan is None:
                yield from self._listed(self._item_figures(record, i, read, changes), composite)
                continue
            fields, qualifiers_of = plan
            qualifiers = None
            for name in fields:
                value = getattr(record, name)
                if value is None:
                    continue
                if qualifiers is None:
                    qualifiers = qualifiers_of(record)
                estimate, tally = value, None
                if value.__class__ is Count:
                    if value.change is not None:
                        changes[(id(record), name)] = value.change
                    if value.parts:
                        parted = self._count_figures(record, i, read, name, name, value, qualifiers)
                        yield from self._listed(parted, composite, name in COMBINED)
                        continue
                    estimate, tally = value.total, value.tally
                if is_documented or estimate.policy is not policy:
                    estimate = read(estimate)
                key = (name, estimate.dimension, *qualifiers, tally)
                figure = new(Figure, (record, name, estimate, i, key))
                if name in COMBINED:
                    composite.append(figure)
                yield figure

    @staticmethod
    def _listed(
        figures: Iterable[Figure], composite: list[Figure], combined: bool = False
    ) -> Iterator[Figure]:
        """The figures, listing in ``composite`` the parts (and all, of a combined count)."""
        for figure in figures:
            if combined or ".parts." in figure.field:
                composite.append(figure)
            yield figure

    def _item_figures(
        self,
        record: Record,
        i: int,
        read: Callable[[Estimate], Estimate],
        changes: dict[tuple[int, str], Estimate],
    ) -> Iterator[Figure]:
        """The figures of a record whose figures are named items (equipment types)."""
        qualifiers = _qualifiers(record)
        for name, value in record.figure_items():
            measure = measure_of(name)
            if isinstance(value, Count):
                if value.change is not None:
                    changes[(id(record), name)] = value.change
                yield from self._count_figures(record, i, read, name, measure, value, qualifiers)
            else:
                estimate = read(value)
                yield Figure(
                    record, name, estimate, i, (measure, estimate.dimension, *qualifiers, None)
                )

    @staticmethod
    def _count_figures(
        record: Record,
        i: int,
        read: Callable[[Estimate], Estimate],
        name: str,
        measure: str,
        count: Count,
        qualifiers: tuple[Any, ...],
    ) -> Iterator[Figure]:
        """A count's total and parts; a count that says its own tally is another measure."""
        tally = count.tally
        total = read(count.total)
        yield Figure(record, name, total, i, (measure, total.dimension, *qualifiers, tally))
        # A part names a group where the record's kind counts groups, and the record
        # counts none: "killed, including 24 children" measures what a record of the
        # children killed does.  Otherwise a part is a measure of its own.
        slot = PART_QUALIFIER.get(record.kind)
        grouped = slot is not None and qualifiers[2 + slot] is None
        for part in count.parts:
            estimate = read(part.estimate)
            if grouped:
                held = [*qualifiers]
                held[2 + slot] = part.name  # type: ignore[operator]
                key = (measure, estimate.dimension, *held, tally)
            else:
                key = (f"{measure}.parts.{part.name}", estimate.dimension, *qualifiers, tally)
            yield Figure(record, f"{name}.parts.{part.name}", estimate, i, key)

    def _documented(self, estimate: Estimate) -> Estimate:
        """A documented figure as the checks read it: a lower bound (visually confirmed)."""
        return lower_bound(self.read(estimate))

    def related(self) -> tuple[Record, ...]:
        """The records that name another: by ``within``, ``share_of`` or ``revises``."""
        return self.shared(
            "related",
            lambda: tuple(
                r
                for r in self.records
                if r.within is not None or r.share_of is not None or r.revises is not None
            ),
        )

    def figure_at(self, record: Record, field: str) -> Figure | None:
        """The figure of ``record`` at ``field``, as :meth:`figures` lists it, or ``None``."""
        index: dict[tuple[int, str], Figure] = self.shared(
            "figure-index", lambda: {(id(f.record), f.field): f for f in self.figures()}
        )
        return index.get((id(record), field))

    def by_id(self) -> Mapping[str, Record]:
        """The records by id (built once)."""
        return self.shared("by-id", lambda: {r.id: r for r in self.records})

    def figure(self, record: Record, field: str) -> Estimate | None:
        """A record's figure at ``field``, read under the policy, as its own words say.

        A documented figure is read as written here: within one record its parts and
        total were counted alike.  Against other records it is a lower bound
        (:meth:`figures`).
        """
        estimate = record.figure(field)
        return None if estimate is None else self.read(estimate)

    def path(self, record: Record, field: str | None = None) -> str:
        """The JSON path of a record, or of one of its fields."""
        position = self.positions[id(record)]
        return field_path(position, field) if field else f"$.records[{position}]"


@runtime_checkable
class Check(Protocol):
    """A check: an immutable object with a stable id, called on a context.

    Built-in checks are :mod:`attrs` classes whose thresholds are fields, so a report can
    print the thresholds it used.  Write your own as any object with these attributes.

    .. versionadded:: 0.1.0
    """

    id: ClassVar[str]
    title: ClassVar[str]
    severity: ClassVar[Severity]
    what: ClassVar[str]
    why: ClassVar[str]
    example: ClassVar[str]
    todo: ClassVar[str]

    def __call__(self, context: Context) -> Iterable[Finding]:
        """Return the findings of this check on the context."""
        ...


def fmt(value: float | None, unit: str = "") -> str:
    """A number as a finding shows it: thousands separated, at most 4 significant digits."""
    if value is None:
        return "no upper bound"
    text = f"{round(value):,}" if abs(value) >= 100 or value == int(value) else f"{value:,.4g}"
    return f"{text} {unit}".strip()


def said(estimate: Estimate) -> str:
    """The figure in short, as its hedge word, number and unit (``around 1,000 km²``)."""
    return describe(estimate)


def unit_of(estimate: Estimate) -> str:
    """The symbol of the canonical unit of a figure's dimension (``km²``, ``person``)."""
    if estimate.dimension in ("number", "ratio"):
        return ""
    info = resolve_unit(estimate.canonical_unit)
    return info.symbol or estimate.canonical_unit


def interval(estimate: Estimate) -> str:
    """A figure's interval in words, in the canonical unit.

    >>> from incursion import Estimate
    >>> [interval(Estimate.parse(t)) for t in ("about 100 km", "at least 120", "40")]
    ['between 90 and 110 km', '120 or more', '40, unhedged']
    >>> interval(Estimate.parse("12 km"))
    '12, unhedged, read as 11.5 to 12.5 km'
    >>> interval(Estimate.parse("more than 600 km²")), interval(Estimate.parse("up to 30"))
    ('more than 600 km²', 'at most 30')
    """
    low, high = estimate.canonical_low, estimate.canonical_high
    unit = "" if estimate.is_count else unit_of(estimate)
    if high is None:
        text = f"more than {fmt(low)}" if estimate.low_open else f"{fmt(low)} or more"
    elif low == high:
        shown = fmt(low, unit)
        return f"{shown}, unhedged" if estimate.hedge is Hedge.EXACT else shown
    elif estimate.hedge is Hedge.EXACT:  # precise only to its last written digit
        text = f"{fmt(estimate.canonical_value)}, unhedged, read as {fmt(low)} to {fmt(high)}"
    elif low == 0 and estimate.hedge in (Hedge.UP_TO, Hedge.FEWER_THAN):
        text = f"fewer than {fmt(high)}" if estimate.high_open else f"at most {fmt(high)}"
    else:
        text = f"between {fmt(low)} and {fmt(high)}"
    return f"{text} {unit}".strip()


def gloss(estimate: Estimate) -> str:
    """What a figure as said admits, for a message to add in brackets after it.

    Nothing for an exact count; ``unhedged, read as 95,000 to 105,000`` for a round
    figure; otherwise its :func:`interval` (``between 108,900 and 133,100``).

    >>> from incursion import Estimate
    >>> [gloss(Estimate.parse(t)) for t in ("100,000 people", "about 121,000", "40 people")]
    ['unhedged, read as 95,000 to 105,000', 'between 108,900 and 133,100', '']
    """
    low, high = estimate.canonical_low, estimate.canonical_high
    if estimate.hedge is Hedge.EXACT and high is not None:
        return "" if low == high else f"unhedged, read as {fmt(low)} to {fmt(high)}"
    return interval(estimate)


def told(estimate: Estimate, who: str) -> str:
    """A figure, who gave it and what it admits, unless its words already say it.

    ``about 121,000 people (Smirnov: between 108,900 and 133,100)``; ``more than 600 km²
    (Syrskyi)``.
    """
    words, extra = said(estimate), gloss(estimate)
    return f"{words} ({who}: {extra})" if extra and extra not in words else f"{words} ({who})"


def cite(
    estimate: Estimate, label: str, record: str | None = None, path: str | None = None
) -> Cited:
    """A figure as a finding cites it: what was said, and its interval."""
    return Cited(
        label=label,
        value=said(estimate),
        record=record,
        path=path,
        words=interval(estimate),
        low=estimate.canonical_low,
        high=estimate.canonical_high,
        unit=unit_of(estimate),
    )


def cite_figure(figure: Figure) -> Cited:
    """A record's figure as a finding cites it, labelled with its source's name."""
    return cite(figure.estimate, figure.record.source.name, figure.record.id, figure.path)


@functools.lru_cache(maxsize=4096)
def measure_of(field: str) -> str:
    """What a field measures: an equipment type by its words, whatever their case or number.

    ``equipment.Tanks`` and ``equipment.tank`` both measure ``equipment.tank``; "Leopard
    2A6" is a measure of its own, not all the tanks.
    """
    if not field.startswith("equipment."):
        return field
    name, parts, part = field.removeprefix("equipment.").partition(".parts.")
    return f"equipment.{equipment_key(name)}{parts}{part}"


def measure_key(
    record: Record, field: str, dimension: str, tally: Tally | None = None
) -> tuple[Any, ...]:
    """The key a figure of ``record`` at ``field`` has, or would have (see :class:`Figure`).

    A record that states a figure only as a share of another leaves the field out; its
    key says which figures that share is to be compared with.
    """
    return (field, dimension, *_qualifiers(record), tally)


def _qualifiers(record: Record) -> tuple[Any, ...]:
    """What a record's figures are about, apart from the field: subject, kind, qualifiers.

    The qualifiers are those :data:`~incursion.checks._scope.QUALIFIERS` lists for the
    record's kind, as the record says them (``None`` where it leaves one out).
    """
    values: tuple[Any, ...] = _qualifier_getter(record.kind)(record)
    return values


def _qualifier_getter(kind: str) -> Callable[[Record], tuple[Any, ...]]:
    """The function that gives a record of ``kind`` its subject, kind and qualifiers."""
    getter = _QUALIFIER_GETTERS.get(kind)
    if getter is None:
        names = [q.name for q in QUALIFIERS.get(kind, ())]
        getter = _QUALIFIER_GETTERS[kind] = operator.attrgetter("subject", "kind", *names)
    return getter


_QUALIFIER_GETTERS: dict[str, Callable[[Record], tuple[Any, ...]]] = {}


#: What :meth:`Context.figures` reads of each record of a kind: its figure fields, and a
#: function that gives a record's qualifiers.
_Plan = tuple[tuple[str, ...], Callable[[Record], tuple[Any, ...]]]


def _plan(cls: type[Record]) -> _Plan:
    """What :meth:`Context.figures` reads of each record of a kind: fields and qualifiers."""
    return cls.figure_fields(), _qualifier_getter(cls.kind)


def params(check: object) -> dict[str, Any]:
    """A check's thresholds, for a report."""
    if attrs.has(type(check)):
        return attrs.asdict(check)  # type: ignore[arg-type]
    return {}


def unique(items: Sequence[str]) -> tuple[str, ...]:
    """The items without repeats, in order."""
    return tuple(dict.fromkeys(items))
