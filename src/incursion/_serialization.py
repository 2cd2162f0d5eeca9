"""JSON documents: one cattrs converter factory, and load / loads / dump / dumps.

Every figure field accepts a string as news text writes it or an object; dumping writes the
original words back where they read to the same estimate, so a document survives a
round trip with its wording intact.  Loading reports every problem with its JSON path.
"""

from __future__ import annotations

import collections
import contextvars
import datetime as dt
import enum
import functools
import json
import os
import re
import typing
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any, Final

import attrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override
from cattrs.preconf.json import JsonConverter
from cattrs.preconf.json import make_converter as _make_json_converter

from incursion._build import Hook, structurer
from incursion._estimates import (
    DEFAULT_POLICY,
    MAX_TEXT,
    Conversion,
    Estimate,
    Hedge,
    Policy,
    adopt,
    describe,
    make_estimate,
    step_of,
)
from incursion._gc import collector_paused
from incursion._likelihood import Likelihood
from incursion._records import (
    FORMAT_VERSION,
    MEASURES,
    RECORD_TYPES,
    Act,
    Confidence,
    Count,
    Document,
    Evidence,
    Fate,
    Measurement,
    Part,
    Population,
    Predicate,
    Record,
    Region,
    Relation,
    Share,
    Status,
    Tally,
    check_dimension,
    equipment_unit,
    part_unit,
    relation_problems,
    to_estimate,
    unsigned,
)
from incursion._sources import Citation, Reliability, Source
from incursion._time import SPAN_FORMS, Precision, Span
from incursion._units import describe_dimension, lookup_unit, within
from incursion._validation import member, path_key, quoted
from incursion.exceptions import DocumentError, IncursionError, Problem, UnitError

__all__ = ["dump", "dumps", "load", "loads", "make_converter"]

_SOURCES: contextvars.ContextVar[Mapping[str, Source]] = contextvars.ContextVar("sources")
_ESTIMATE_KEYS: Final = frozenset(
    {"value", "unit", "hedge", "word", "low", "high", "precision", "equivalents", "text", "policy"}
)
_EQUIVALENT_KEYS: Final = frozenset({"value", "unit", "precision"})
_POLICY_KEYS: Final = frozenset(a.name for a in attrs.fields(Policy))
_COUNT_KEYS: Final = frozenset({"total", "parts", "complete", "change", "tally"})
_TOP_KEYS: Final = ("incursion", "sources", "records", "regions")


# -- structuring hooks ------------------------------------------------------------------------


def _number(value: Any, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{what} must be a number, got {json.dumps(value)[:60]}")
    try:
        return float(value)
    except OverflowError:
        raise ValueError(f"{what} is too large: {len(str(value)):,} digits") from None


def structure_estimate(value: Any, _: Any = None) -> Estimate:
    """Read an estimate from a string as news text writes it, or from an object."""
    if isinstance(value, str):
        return Estimate.parse(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return to_estimate(value)
    if not isinstance(value, dict):
        raise TypeError(
            f'expected a figure as text ("about 1,000 km²") or an object, got '
            f"{json.dumps(value)[:60]}"
        )
    if len(value) == 2 and "value" in value and "unit" in value:  # the common shape
        return Estimate.of(value["value"], value["unit"], Hedge.EXACT)
    # A figure object is a value: the same keys and values read to the same estimate.
    # Objects that hold a list or an object (equivalents, a policy) are read each time.
    try:
        key = tuple(value.items())
        hit = _OBJECTS.get(key)
    except TypeError:
        key, hit = None, None
    if hit is not None and not any(v.__class__ is bool for v in value.values()):
        return hit  # (true == 1 in a key, but true is no number: read, and refused, anew)
    estimate = _structure_object(value)
    if key is not None:
        if len(_OBJECTS) >= _OBJECTS_KEPT:
            _OBJECTS.clear()
        _OBJECTS[key] = estimate
    return estimate


#: Figure objects already read, by their items (see structure_estimate), up to a bound.
_OBJECTS: dict[tuple[tuple[str, Any], ...], Estimate] = {}
_OBJECTS_KEPT: Final = 1 << 16


def _structure_object(value: dict[str, Any]) -> Estimate:
    """Read a figure object of any shape (see :func:`structure_estimate`)."""
    _only(value, _ESTIMATE_KEYS, "a figure")
    hedge = _HEDGES.get(value.get("hedge", "exact"))
    if hedge is None:
        allowed = ", ".join(repr(h.value) for h in Hedge)
        raise ValueError(f"hedge must be one of {allowed}, got {json.dumps(value['hedge'])[:40]}")
    low = value.get("low")
    high = value.get("high")
    if "value" in value:
        number = _number(value["value"], "value")
    elif hedge is Hedge.BETWEEN and low is not None and high is not None:
        number = (_number(low, "low") + _number(high, "high")) / 2
    else:
        raise ValueError("a figure object needs a value (or low and high for 'between')")
    unit = value.get("unit", "")
    if not isinstance(unit, str):
        raise TypeError(f"unit must be text, got {json.dumps(unit)[:60]}")
    precision = value.get("precision")
    equivalents = value.get("equivalents", ())
    if not isinstance(equivalents, list | tuple):
        raise TypeError("equivalents must be a list")
    text, word = _words(value)
    estimate = make_estimate(
        number,
        unit,
        hedge,
        word=word,
        step=None if precision is None else _number(precision, "precision"),
        low=None if low is None else _number(low, "low"),
        high=None if high is None else _number(high, "high"),
        conversions=tuple(_conversion(c) for c in equivalents),
        text=text,
        policy=_policy(value["policy"]) if "policy" in value else DEFAULT_POLICY,
    )
    if text is not None:
        _agrees_with_text(estimate, text)
    return estimate


def _words(value: dict[str, Any]) -> tuple[str | None, str | None]:
    """A figure object's words as written (``text``) and its hedge word (``word``)."""
    text = value.get("text")
    if text is not None and not isinstance(text, str):
        raise TypeError("text must be a string")
    if text is not None and len(text) > MAX_TEXT:
        raise ValueError(f"text is longer than a figure's words can be ({MAX_TEXT} characters)")
    word = value.get("word")
    if word is not None and not isinstance(word, str):
        raise TypeError("word must be a string")
    return text, word


def _policy(value: Any) -> Policy:
    if not isinstance(value, dict):
        raise TypeError(f"policy must be an object, got {json.dumps(value)[:60]}")
    _only(value, _POLICY_KEYS, "a policy")
    return Policy(**value)


def _agrees_with_text(estimate: Estimate, text: str) -> None:
    """The words kept with a figure object must not say another figure than its value.

    Words that cannot be read as a figure (a quote in another form) are kept as they are.
    Words with no hedge of their own may stand in a hedged object: a hedge that covers a
    whole list ("approximately: 20,300 personnel, 773 tanks, …") is said once, before it.
    """
    try:
        said = Estimate.parse(text)
    except IncursionError:
        return
    same_unit = (
        said.unit == estimate.unit
        or said.dimension == "number"  # "12" left unsaid
        or within(said.dimension, estimate.dimension)  # "146 helicopters" as aircraft
        or adopt(said, estimate.unit or None) == estimate  # a noun that only describes
    )
    same_hedge = said.hedge is estimate.hedge or (
        said.hedge is Hedge.EXACT and said.word is None and estimate.word is not None
    )
    if said.number != estimate.number or not same_unit or not same_hedge:
        raise ValueError(
            f"text {quoted(text)} reads as {describe(said)}, but the figure says "
            f"{describe(estimate)}"
        )


_HEDGES: Final[dict[str, Hedge]] = {h.value: h for h in Hedge}


def _conversion(value: Any) -> Conversion:
    if isinstance(value, str):
        estimate = Estimate.parse(value)
        return Conversion(number=estimate.number, unit=estimate.unit, step=estimate.step)
    if not isinstance(value, dict) or "value" not in value:
        raise ValueError(f'expected an equivalent such as "386 sq mi", got {value!r:.60}')
    _only(value, _EQUIVALENT_KEYS, "an equivalent")
    number = _number(value["value"], "value")
    info = lookup_unit(str(value.get("unit", "")))
    precision = value.get("precision")
    step = step_of(number, 2) if precision is None else _number(precision, "precision")
    return Conversion(number=number, unit=info.name, step=step)


_NUMBER_TYPES: Final = (int, float)
#: The dimension of a field whose figures may measure anything (a measurement's value).
ANY_DIMENSION: Final = "*"


def _figure_hook(dimension: str | None, count_unit: str | None) -> Callable[[Any, Any], Any]:
    """Structure a figure field: read it, let a bare number count ``count_unit``, check it."""

    def hook(value: Any, _: Any) -> Estimate | None:
        if value is None:
            return None
        estimate = structure_figure(value)
        if dimension == ANY_DIMENSION:
            return adopt(estimate, count_unit)
        return check_dimension(adopt(estimate, count_unit), dimension)

    return hook


def _count_hook_for(unit: str | None, dimension: str | None) -> Callable[[Any, Any], Any]:
    """Structure a count field: a figure, or an object with a total and what is said of it.

    Bare numbers count ``unit``; the total must be of ``dimension`` (any, if ``None``).
    """
    figure_hook = _figure_hook(dimension, unit)

    def hook(value: Any, _: Any) -> Count | None:
        if value is None:
            return None
        if not (isinstance(value, dict) and "total" in value):
            # The hook checked the total; a count without parts needs no more.
            return Count._of_total(figure_hook(value, None))  # noqa: SLF001
        _only(value, _COUNT_KEYS, "a count")
        parts = value.get("parts", {})
        if not isinstance(parts, dict):
            raise TypeError('parts must be an object such as {"children": "10"}')
        complete = value.get("complete", False)
        if not isinstance(complete, bool):
            raise TypeError(f"complete must be true or false, got {complete!r}")
        total = figure_hook(value["total"], None)
        structured = []
        for name, part in parts.items():
            try:
                estimate = adopt(structure_figure(part), part_unit(name, total))
                if total.dimension != "number" and not within(estimate.dimension, total.dimension):
                    raise UnitError(
                        f"expected {describe_dimension(total.dimension)} (or a kind of it), "
                        f"got {estimate} ({describe_dimension(estimate.dimension)})"
                    )
                structured.append(Part(name=name, estimate=estimate))
            except IncursionError as error:
                raise _NestedError(f".parts{path_key(name)}", error) from None
        change = value.get("change")
        if change is not None:
            try:
                change = adopt(structure_figure(unsigned(change)), total.unit or None)
            except IncursionError as error:
                raise _NestedError(".change", error) from None
        tally = value.get("tally")
        try:
            tally = None if tally is None else member(Tally, tally, "tally")
        except IncursionError as error:
            raise _NestedError(".tally", error) from None
        return Count(
            total=total,
            parts=tuple(structured),
            complete=complete,
            change=change,
            tally=tally,
        )

    return hook


def structure_figure(value: Any) -> Estimate:
    """Read a figure from text, a number or an object, on the common fast paths."""
    if value.__class__ is str:
        return Estimate.parse(value)
    if (
        value.__class__ is dict
        and len(value) == 2
        and (number := value.get("value")).__class__ in _NUMBER_TYPES
        and (unit := value.get("unit")).__class__ is str
    ):  # {"value": 12, "unit": "km"}: the shape dumps writes most
        return Estimate.of(number, unit)
    return structure_estimate(value)


_count_hook: Final = _count_hook_for("person", "person")


def equipment_hook(value: Any, _: Any) -> dict[str, Count]:
    if not isinstance(value, dict):
        raise TypeError(
            'expected equipment types with their counts, such as {"tanks": "12"}, got '
            f"{json.dumps(value)[:60]}"
        )
    out = {}
    for name, figure in value.items():
        try:
            unit = equipment_unit(name)
            out[name] = _count_hook_for(unit, None)(figure, None)
        except _NestedError as error:
            raise _NestedError(f"{path_key(name)}{error.subpath}", error) from None
        except (IncursionError, ValueError, TypeError) as error:
            raise _NestedError(path_key(name), error) from None
    return out


def _denied_by_hook(value: Any, _: Any) -> tuple[Source, ...]:
    if not isinstance(value, list):
        raise TypeError(f"expected a list of source ids, got {json.dumps(value)[:60]}")
    sources = []
    for i, item in enumerate(value):
        try:
            sources.append(_source_hook(item, None))
        except ValueError as error:
            raise _NestedError(f"[{i}]", error) from None
    return tuple(sources)


def _relation_hook(cls: type[Relation | Share]) -> Callable[[Any, Any], Any]:
    keys = frozenset(a.name for a in attrs.fields(cls))
    required = [a.name for a in attrs.fields(cls) if a.default is attrs.NOTHING]

    def hook(value: Any, _: Any) -> Relation | Share | None:
        if value is None:
            return None
        if not isinstance(value, dict):
            raise TypeError(
                f'expected an object such as {{"record": "an-id", "field": "area"}}, got '
                f"{json.dumps(value)[:60]}"
            )
        _only(value, keys, "a relation")
        missing = [k for k in required if k not in value]
        if missing:
            raise ValueError(f"a relation needs {' and '.join(missing)}")
        for key in ("record", "field", "figure", "whole"):
            if key in value and not isinstance(value[key], str):
                raise _NestedError(
                    f".{key}", TypeError(f"expected text, got {json.dumps(value[key])[:60]}")
                )
        if "percent" not in value:
            return cls(**value)
        try:
            percent = structure_figure(value["percent"])
        except (IncursionError, ValueError, TypeError) as error:
            raise _NestedError(".percent", error) from None
        return cls(**{**value, "percent": percent})

    return hook


def _source_hook(value: Any, _: Any) -> Source:
    if isinstance(value, str):
        sources = _SOURCES.get(None)
        if sources is None:
            raise ValueError("a source id can only be resolved inside a document")
        try:
            return sources[value]
        except KeyError:
            known = ", ".join(map(repr, list(sources)[:20])) or "none"
            raise ValueError(
                f"unknown source id {value!r}: expected one of the ids in $.sources ({known})"
            ) from None
    raise ValueError(f"expected the id of a source, got {json.dumps(value)[:60]}")


def _span_hook(value: Any, _: Any) -> Span:
    if isinstance(value, str):
        return Span.parse(value)
    if isinstance(value, dict):
        _only(value, _SPAN_KEYS, "a span")
        missing = [key for key in ("start", "end") if key not in value]
        if missing:
            raise ValueError(f"a span needs {' and '.join(missing)}")
        return Span(
            start=_date_hook(value["start"], None),
            end=_date_hook(value["end"], None),
            precision=member(Precision, value.get("precision", "span"), "precision"),
        )
    raise TypeError(f"{SPAN_FORMS}, got {json.dumps(value)[:60]}")


_SPAN_KEYS: Final = frozenset({"start", "end", "precision"})


def _only(value: dict[str, Any], allowed: frozenset[str], what: str) -> None:
    """Refuse keys outside ``allowed`` in an object that stands for ``what``."""
    extra = set(value) - allowed
    if extra:
        raise ValueError(
            f"unexpected key{'s' if len(extra) > 1 else ''} {', '.join(sorted(extra))} in "
            f"{what}: expected {', '.join(sorted(allowed))}"
        )


def _date_hook(value: Any, _: Any) -> dt.date:
    if not isinstance(value, str):
        raise TypeError(f'expected a date such as "2024-08-12", got {json.dumps(value)[:60]}')
    # date.fromisoformat also takes "20240812" and "2024-W33-1"; documents write days only.
    if _ISO_DAY.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise ValueError(f'expected a date such as "2024-08-12", got {value!r:.60}')


_ISO_DAY: Final = re.compile(r"\d{4}-\d{2}-\d{2}\Z", re.ASCII)


def _likelihood_hook(value: Any, _: Any) -> Likelihood | None:
    if value is None:
        return None
    if isinstance(value, str):
        return Likelihood(term=value)
    if isinstance(value, dict) and set(value) <= {"scale", "term"} and "term" in value:
        return Likelihood(scale=value.get("scale"), term=value["term"])
    raise ValueError(
        'expected a likelihood such as {"scale": "phia", "term": "unlikely"} or a term, '
        f"got {json.dumps(value)[:60]}"
    )


# -- unstructuring hooks ----------------------------------------------------------------------


def unstructure_estimate(estimate: Estimate, count: str | None = None) -> Any:
    """Write an estimate as its original words when they read back the same, else an object.

    ``count`` is the unit a bare number counts in the field being written ("12" killed
    reads back as 12 people); ``None`` where a bare number stays a bare number.
    """
    text = estimate.text
    if text is not None and estimate.policy is DEFAULT_POLICY:
        try:
            parsed = Estimate.parse(text)
        except IncursionError:
            parsed = None
        if parsed is not None and adopt(parsed, count) == estimate:
            return text
    out: dict[str, Any] = {"value": json_number(estimate.number)}
    if estimate.unit:
        out["unit"] = estimate.unit
    if estimate.hedge is not Hedge.EXACT:
        out["hedge"] = estimate.hedge.value
    if estimate.word is not None:
        out["word"] = estimate.word
    if estimate.stated_low is not None:
        out["low"] = json_number(estimate.stated_low)
    if estimate.stated_high is not None:
        out["high"] = json_number(estimate.stated_high)
    if estimate.step != step_of(estimate.number, 2):
        out["precision"] = json_number(estimate.step)
    if estimate.conversions:
        out["equivalents"] = [_unstructure_conversion(c) for c in estimate.conversions]
    if text is not None:
        out["text"] = text
    if estimate.policy != DEFAULT_POLICY:
        out["policy"] = attrs.asdict(estimate.policy)
    return out


def _unstructure_conversion(c: Conversion) -> dict[str, Any]:
    out: dict[str, Any] = {"value": json_number(c.number), "unit": c.unit}
    if c.step != step_of(c.number, 2):
        out["precision"] = json_number(c.step)
    return out


def json_number(x: float) -> float | int:
    return int(x) if x.is_integer() and abs(x) < 2**53 else x


def _unstructure_figure(count: str | None, estimate: Estimate | None) -> Any:
    return None if estimate is None else unstructure_estimate(estimate, count)


def _unstructure_count(count: Count, unit: str | None) -> Any:
    """A count as a document writes it; ``unit`` is what a bare number counts in its field."""
    total = unstructure_estimate(count.total, unit)
    if count.plain:
        return total
    out: dict[str, Any] = {"total": total}
    if count.parts:
        out["parts"] = {
            p.name: unstructure_estimate(p.estimate, part_unit(p.name, count.total))
            for p in count.parts
        }
    if count.complete:
        out["complete"] = True
    if count.change is not None:
        out["change"] = unstructure_estimate(count.change, count.total.unit or None)
    if count.tally is not None:
        out["tally"] = count.tally.value
    return out


def _unstructure_people(count: Count) -> Any:
    return _unstructure_count(count, "person")


def _unstructure_equipment(equipment: Mapping[str, Count]) -> dict[str, Any]:
    return {
        name: _unstructure_count(count, equipment_unit(name)) for name, count in equipment.items()
    }


def _measure_count(measure: str) -> str | None:
    """What a bare number counts in a measurement of ``measure`` (as its loader reads it)."""
    known = MEASURES.get(measure)
    return None if known is None else known.count


def _unstructure_relation(relation: Relation | Share) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if isinstance(relation, Share):
        out["percent"] = unstructure_estimate(relation.percent)
    for key in ("record", "field", "figure", "whole"):
        if (value := getattr(relation, key, None)) is not None:
            out[key] = value
    return out


def _unstructure_span(span: Span) -> Any:
    if span.precision is Precision.SPAN:
        return {"start": span.start.isoformat(), "end": span.end.isoformat()}
    text = str(span)
    if Span.parse(text) == span:
        return text
    return {
        "start": span.start.isoformat(),
        "end": span.end.isoformat(),
        "precision": span.precision.value,
    }


def _unstructure_likelihood(likelihood: Likelihood) -> Any:
    if likelihood.scale is None:
        return likelihood.term
    return {"scale": likelihood.scale, "term": likelihood.term}


# -- the converter ----------------------------------------------------------------------------


def make_converter() -> JsonConverter:
    """Build the cattrs converter for documents (a new one each call; none is global).

    .. versionadded:: 0.1.0
    """
    conv = _make_json_converter(forbid_extra_keys=True, detailed_validation=True)
    # JSON scalars are taken as they are: cattrs would otherwise turn 2024 into "2024"
    # and 2.9 into 2, silently.
    conv.register_structure_hook(str, _strict(str, "text"))
    conv.register_structure_hook(str | None, _strict(str, "text", optional=True))
    conv.register_structure_hook(int, _strict(int, "a whole number"))
    conv.register_structure_hook(bool, _strict(bool, "true or false"))
    for field, enum_type in _ENUM_FIELDS.items():
        conv.register_structure_hook(enum_type, _enum_hook(enum_type, field))
        # Optional qualifiers straight to the hook, past cattrs' generic union handling.
        conv.register_structure_hook(enum_type | None, _enum_hook(enum_type, field))
    conv.register_structure_hook(Estimate, structure_estimate)
    conv.register_unstructure_hook(Estimate, unstructure_estimate)
    conv.register_structure_hook(Count, _count_hook)
    conv.register_unstructure_hook(Count, _unstructure_people)
    for relation_type in (Relation, Share):
        conv.register_structure_hook(relation_type, _relation_hook(relation_type))
        conv.register_unstructure_hook(relation_type, _unstructure_relation)
    conv.register_structure_hook(Span, _span_hook)
    conv.register_unstructure_hook(Span, _unstructure_span)
    conv.register_structure_hook(dt.date, _date_hook)
    conv.register_unstructure_hook(dt.date, dt.date.isoformat)
    conv.register_structure_hook(Likelihood, _likelihood_hook)
    conv.register_unstructure_hook(Likelihood, _unstructure_likelihood)
    for cls in (Source, Citation):
        conv.register_unstructure_hook(
            cls, make_dict_unstructure_fn(cls, conv, _cattrs_omit_if_default=True)
        )
    conv.register_structure_hook(
        Region,
        make_dict_structure_fn(
            Region,
            conv,
            _cattrs_forbid_extra_keys=True,
            area=override(struct_hook=_figure_hook("area", None)),
        ),
    )
    conv.register_unstructure_hook(
        Region, make_dict_unstructure_fn(Region, conv, _cattrs_omit_if_default=True)
    )
    for kind, record_type in RECORD_TYPES.items():
        conv.register_structure_hook(record_type, _record_hook(conv, record_type))
        unstructure_overrides: dict[str, Any] = {
            a.name: override(
                unstruct_hook=functools.partial(_unstructure_figure, a.metadata["count"])
            )
            for a in attrs.fields(record_type)
            if "count" in a.metadata and not a.metadata.get("parts")
        }
        if "equipment" in attrs.fields_dict(record_type):
            unstructure_overrides["equipment"] = override(unstruct_hook=_unstructure_equipment)
        if "denied_by" in attrs.fields_dict(record_type):
            unstructure_overrides["denied_by"] = override(unstruct_hook=_source_ids)
        unstructure = make_dict_unstructure_fn(
            record_type,
            conv,
            _cattrs_omit_if_default=True,
            source=override(unstruct_hook=_source_id),
            **unstructure_overrides,
        )
        if record_type is Measurement:
            unstructure = _with_measure_count(unstructure)
        conv.register_unstructure_hook(record_type, _with_kind(kind, unstructure))
    return conv


def _record_hook(conv: JsonConverter, record_type: type) -> Callable[[Any, Any], Any]:
    """Structure a record: each field the object gives by its hook, then the record built.

    The record is built without checking twice what the hooks checked (see
    :mod:`incursion._build`): a field in :func:`checked_fields` is set as its hook reads
    it; any other is converted and validated as the record's ``__init__`` would.
    """
    return structurer(record_type, record_hooks(conv, record_type), checked_fields(record_type))


def record_hooks(conv: JsonConverter, record_type: type) -> dict[str, tuple[Hook, Any]]:
    """Each field's structure hook, with the type it is passed: its own, or its type's."""
    types = typing.get_type_hints(record_type)
    own = field_hooks(record_type)
    return {
        a.name: (own.get(a.name) or conv.get_structure_hook(types[a.name]), types[a.name])
        for a in attrs.fields(record_type)
    }


def checked_fields(record_type: type) -> frozenset[str]:
    """The fields whose hooks do all that their converter and validator do (see ``_build``).

    A figure's hook reads it as the field's converter would and checks its dimension as
    the field's validator does; the source's hook finds the :class:`Source` itself; the
    date's hook makes the :class:`Span`, and a qualifier's hook the member of its
    enumeration, that the converter would make of them.
    """
    return frozenset(
        a.name
        for a in attrs.fields(record_type)
        if a.name in _CHECKED_BY_HOOK
        or ("dimension" in a.metadata and not a.metadata.get("equipment"))
    )


def field_hooks(record_type: type) -> dict[str, Callable[[Any, Any], Any]]:
    """The structure hooks of a record's source and figure fields (they check dimensions)."""
    hooks: dict[str, Callable[[Any, Any], Any]] = {"source": _source_hook}
    for a in attrs.fields(record_type):
        if a.name == "denied_by":
            hooks[a.name] = _denied_by_hook
        elif a.metadata.get("equipment"):
            hooks[a.name] = equipment_hook
        elif a.metadata.get("parts"):
            dimension = a.metadata["dimension"]
            hooks[a.name] = _count_hook_for(
                a.metadata.get("count"), ANY_DIMENSION if dimension is None else dimension
            )
        elif "dimension" in a.metadata:
            hooks[a.name] = _figure_hook(a.metadata["dimension"], a.metadata.get("count"))
    return hooks


_ENUM_FIELDS: Final[dict[str, type[enum.Enum]]] = {
    "predicate": Predicate,
    "status": Status,
    "population": Population,
    "act": Act,
    "evidence": Evidence,
    "fate": Fate,
    "confidence": Confidence,
    "reliability": Reliability,
}
#: Fields whose hooks give what their converters make, by name (and see checked_fields).
_CHECKED_BY_HOOK: Final = frozenset({"source", "as_of", *_ENUM_FIELDS})


def _enum_hook(enum_type: type[enum.Enum], field: str) -> Callable[[Any, Any], Any]:
    def hook(value: Any, _: Any) -> Any:
        return None if value is None else member(enum_type, value, field)

    return hook


def _strict(kind: type, expected: str, *, optional: bool = False) -> Callable[[Any, Any], Any]:
    def hook(value: Any, _: Any) -> Any:
        if value.__class__ is not kind and not (optional and value is None):
            raise TypeError(f"expected {expected}, got {json.dumps(value)[:60]}")
        return value

    return hook


def _source_id(source: Source) -> str:
    return source.id


def _source_ids(sources: tuple[Source, ...]) -> list[str]:
    return [source.id for source in sources]


def _with_measure_count(fn: Callable[[Any], dict[str, Any]]) -> Callable[[Any], dict[str, Any]]:
    """A measurement's value written as its measure reads bare numbers back."""

    def unstructure(record: Measurement) -> dict[str, Any]:
        out = fn(record)
        if record.value is not None:
            out["value"] = _unstructure_count(record.value, _measure_count(record.measure))
        return out

    return unstructure


def _with_kind(kind: str, fn: Callable[[Any], dict[str, Any]]) -> Callable[[Any], Any]:
    def unstructure(record: Any) -> dict[str, Any]:
        return {"kind": kind, **fn(record)}

    return unstructure


@functools.cache
def shared_converter() -> JsonConverter:
    """The converter the module's functions use, built once on first use."""
    return make_converter()


# -- errors -----------------------------------------------------------------------------------


class _NestedError(ValueError):
    """A problem found inside a field's value, at ``subpath`` below the field."""

    def __init__(self, subpath: str, error: BaseException) -> None:
        super().__init__(str(error))
        self.subpath = subpath


def _problems(error: BaseException, path: str, *, in_field: bool = False) -> Iterator[Problem]:
    """Flatten a cattrs error tree into problems with JSON paths and our own messages.

    Errors raised while one field was structured are reported at that field's path.
    Errors raised by a record's ``__init__`` (a validator) name their field themselves.
    """
    if isinstance(error, ClassValidationError | IterableValidationError):
        for inner in error.exceptions:
            sub, inner_in_field = path, False
            for note in getattr(inner, "__notes__", ()):
                name = getattr(note, "name", None)
                index = getattr(note, "index", None)
                if name is not None:
                    sub, inner_in_field = f"{path}.{name}", True
                elif index is not None:
                    sub, inner_in_field = f"{path}[{index}]", True
            yield from _problems(inner, sub, in_field=inner_in_field)
        return
    if isinstance(error, _NestedError):
        yield Problem(f"{path}{error.subpath}", str(error))
    elif isinstance(error, ForbiddenExtraKeysError):
        extra = sorted(error.extra_fields)
        yield Problem(path, f"unexpected field{'s' if len(extra) > 1 else ''} {', '.join(extra)}")
    elif isinstance(error, KeyError):
        yield Problem(path, "required field missing")
    elif isinstance(error, IncursionError) and error.field is not None and not in_field:
        yield Problem(f"{path}.{error.field}", str(error))
    elif isinstance(error, IncursionError | ValueError | TypeError):
        yield Problem(path, str(error))
    else:  # never expected: say what it was rather than lose it
        yield Problem(path, f"{type(error).__name__}: {error}")


# -- documents --------------------------------------------------------------------------------


def no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """Build a JSON object, refusing a key given twice (the last would silently win)."""
    obj = dict(pairs)
    if len(obj) != len(pairs):
        counts = collections.Counter(key for key, _ in pairs)
        twice = ", ".join(repr(key) for key, n in counts.items() if n > 1)
        raise ValueError(f"a key given twice in one object: {twice}")
    return obj


def reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON documents may hold")


def loads(data: str | bytes, *, origin: str | None = None) -> Document:
    """Load a document from JSON text.

    Args:
        data: The JSON text (``str``, or UTF-8 ``bytes``).
        origin: Where it came from, named in error messages.

    Returns:
        The document, every record validated.

    Raises:
        DocumentError: Something is wrong; ``.problems`` holds every problem with its JSON
            path (``$.records[3].area: expected an area, got "2,000 kilometres" (a length)``)
            and the message shows the first 50.

    .. versionadded:: 0.1.0
    """
    with collector_paused():
        try:
            raw = json.loads(
                data, parse_constant=reject_constant, object_pairs_hook=no_duplicate_keys
            )
        except (ValueError, RecursionError) as error:
            reason = "nested too deeply" if isinstance(error, RecursionError) else str(error)
            raise DocumentError(
                [Problem("$", f"not valid JSON: {reason}")], origin=origin
            ) from None
        return structure_document(raw, origin=origin)


def structure_document(raw: Any, *, origin: str | None = None) -> Document:
    """Build a :class:`~incursion.Document` from parsed JSON (dicts and lists).

    The list of records is consumed: each raw record is dropped once it is built.

    Raises:
        DocumentError: Listing every problem with its JSON path.
    """
    if not isinstance(raw, dict):
        raise DocumentError(
            [Problem("$", 'expected a JSON object with "incursion": 1, "sources" and "records"')],
            origin=origin,
        )
    problems = list(_header_problems(raw))
    conv = shared_converter()
    sources = _structure_sources(conv, raw, problems)
    regions, region_ids = _structure_regions(conv, raw, problems)
    # Without a list of sources, every record would also report its source as unknown.
    listed = isinstance(raw.get("sources"), list)
    token = _SOURCES.set(sources if listed else _AnySource())
    try:
        records, positions, ids, referring = _structure_records(conv, raw, problems)
    finally:
        _SOURCES.reset(token)
    problems.extend(_duplicate_regions(regions, region_ids))
    problems.extend(_reference_problems(referring, region_ids, listed=listed))
    if any(
        r.within is not None or r.share_of is not None or r.revises is not None
        for _, r in referring
    ):
        problems.extend(
            Problem(*problem) for problem in relation_problems(records, positions, known=ids)
        )
    if problems:
        raise DocumentError(problems, origin=origin)
    # Every id and reference was checked above, record by record; skip the second pass.
    return Document._trusted(  # noqa: SLF001 - the loader is the trusted caller
        tuple(sources.values()), tuple(records), tuple(regions)
    )


def _header_problems(raw: dict[str, Any]) -> Iterator[Problem]:
    """What is wrong with a document's top-level keys and format version."""
    extra = set(raw) - set(_TOP_KEYS)
    if extra:
        yield Problem(
            "$",
            f"unexpected fields {', '.join(sorted(extra))}: expected "
            "incursion, sources, records, regions",
        )
    version = raw.get("incursion")
    if version is True or version is False:
        version = str(version).lower()  # true is not the version 1
    if "incursion" not in raw:
        yield Problem("$.incursion", f"required field missing: the format version {FORMAT_VERSION}")
    elif version != FORMAT_VERSION:
        yield Problem(
            "$.incursion",
            f"expected the format version {FORMAT_VERSION}, got {json.dumps(version)[:40]}",
        )


def _structure_sources(
    conv: JsonConverter, raw: dict[str, Any], problems: list[Problem]
) -> dict[str, Source]:
    """The document's sources by id; a broken one stands as a placeholder."""
    sources: dict[str, Source] = {}
    for i, item in _items(raw, "sources", problems):
        try:
            source = conv.structure(item, Source)
        except Exception as error:  # noqa: BLE001 - every failure becomes a Problem
            problems.extend(_problems(error, f"$.sources[{i}]"))
            source_id = item.get("id") if isinstance(item, dict) else None
            if isinstance(source_id, str) and source_id not in sources:
                # Known but broken: records citing it are not reported again.
                sources[source_id] = _PLACEHOLDER
            continue
        if source.id in sources:
            problems.append(Problem(f"$.sources[{i}].id", f"duplicate source id {source.id!r}"))
        sources[source.id] = source
    return sources


def _structure_regions(
    conv: JsonConverter, raw: dict[str, Any], problems: list[Problem]
) -> tuple[list[Region], set[str]]:
    """The document's regions, and every region id it gives (broken regions' too)."""
    regions = []
    broken = set()
    for i, item in _items(raw, "regions", problems):
        try:
            regions.append(conv.structure(item, Region))
        except Exception as error:  # noqa: BLE001
            problems.extend(_problems(error, f"$.regions[{i}]"))
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                broken.add(item["id"])  # known, though broken: no second report
    return regions, {region.id for region in regions} | broken


def _duplicate_regions(regions: list[Region], region_ids: set[str]) -> Iterator[Problem]:
    if len(region_ids) != len(regions):
        yield from (
            Problem(f"$.regions[{i}].id", f"duplicate region id {region.id!r}")
            for i, region in enumerate(regions)
            if region.id in {r.id for r in regions[:i]}
        )


def _structure_records(
    conv: JsonConverter, raw: dict[str, Any], problems: list[Problem]
) -> tuple[list[Record], list[int], set[Any], list[tuple[int, Record]]]:
    """The records built, their places in ``$.records``, their ids, and those that refer.

    Failed records leave gaps in the places; a record that names a region, a source or
    another record is listed with its place, for :func:`_reference_problems`.
    """
    records: list[Record] = []
    positions: list[int] = []
    ids: set[Any] = set()
    referring: list[tuple[int, Record]] = []
    hooks = {kind: (conv.get_structure_hook(cls), cls) for kind, cls in RECORD_TYPES.items()}
    items = raw.get("records")
    for i, item in _items(raw, "records", problems):
        # The path is written only for a problem: most records have none.
        if item.__class__ is not dict and not isinstance(item, dict):
            problems.append(
                Problem(f"$.records[{i}]", f"expected a record object, got {json.dumps(item)[:60]}")
            )
            continue
        record_id = item.get("id")
        if record_id.__class__ is str or isinstance(record_id, str):
            if record_id in ids:
                problems.append(Problem(f"$.records[{i}].id", f"duplicate record id {record_id!r}"))
            ids.add(record_id)
        kind = item.pop("kind", None)
        hook = hooks.get(kind) if isinstance(kind, str) else None
        if hook is None:
            problems.append(_kind_problem(f"$.records[{i}]", kind))
            continue
        try:
            records.append(hook[0](item, hook[1]))
            positions.append(i)
            if not _REFERRING.isdisjoint(item):
                referring.append((i, records[-1]))
        except Exception as error:  # noqa: BLE001
            problems.extend(_problems(error, f"$.records[{i}]"))
        # The raw record is done with: let it go, so that a large document is not held
        # twice over, as dicts and as records.
        items[i] = None  # type: ignore[index]
    return records, positions, ids, referring


def _kind_problem(path: str, kind: Any) -> Problem:
    if kind is None:
        return Problem(f"{path}.kind", "required field missing")
    return Problem(
        f"{path}.kind",
        f"expected one of {', '.join(map(repr, RECORD_TYPES))}, got {json.dumps(kind)[:40]}",
    )


def _reference_problems(
    referring: list[tuple[int, Record]], region_ids: set[str], *, listed: bool
) -> Iterator[Problem]:
    """Regions and denying sources that the document does not give."""
    for i, record in referring:
        region = getattr(record, "region", None)
        if region is not None and region not in region_ids:
            known = ", ".join(map(repr, sorted(region_ids))) or "none"
            yield Problem(
                f"$.records[{i}].region",
                f"unknown region id {region!r}: expected one of the ids in $.regions ({known})",
            )
        for j, denier in enumerate(getattr(record, "denied_by", ())):
            if denier is _PLACEHOLDER and listed:
                yield Problem(f"$.records[{i}].denied_by[{j}]", "unknown source")


#: The fields by which a record names a region, a source or another record.
_REFERRING: Final = frozenset({"region", "denied_by", "within", "share_of", "revises"})


class _AnySource(dict[str, Source]):
    """Stands in for the sources of a document that has no list of them."""

    def __missing__(self, key: str) -> Source:
        return _PLACEHOLDER


_PLACEHOLDER: Final = Source(id="invalid", name="invalid")


def _items(raw: dict[str, Any], key: str, problems: list[Problem]) -> Iterator[tuple[int, Any]]:
    value = raw.get(key, [])
    if key != "regions" and key not in raw:
        problems.append(Problem(f"$.{key}", "required field missing"))
        return
    if not isinstance(value, list):
        problems.append(Problem(f"$.{key}", f"expected a list, got {type(value).__name__}"))
        return
    yield from enumerate(value)


def load(source: str | os.PathLike[str] | IO[bytes]) -> Document:
    """Load a document from a path or a binary file.

    Raises:
        DocumentError: Listing every problem with its JSON path.

    .. versionadded:: 0.1.0
    """
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        return loads(path.read_bytes(), origin=str(path))
    return loads(source.read(), origin=getattr(source, "name", None))


def unstructure_document(document: Document) -> dict[str, Any]:
    """Turn a document into JSON-ready dicts and lists, keeping the original wording."""
    conv = shared_converter()
    out: dict[str, Any] = {
        "incursion": FORMAT_VERSION,
        "sources": [conv.unstructure(s, Source) for s in document.sources],
    }
    if document.regions:
        out["regions"] = [conv.unstructure(r, Region) for r in document.regions]
    out["records"] = [conv.unstructure(r, type(r)) for r in document.records]
    return out


def dumps(document: Document, *, indent: int | None = 2) -> str:
    """Write a document as JSON text (UTF-8, no ASCII escaping).

    ``loads(dumps(document)) == document`` for every document.

    .. versionadded:: 0.1.0
    """
    return json.dumps(unstructure_document(document), ensure_ascii=False, indent=indent) + "\n"


def dump(
    document: Document, target: str | os.PathLike[str] | IO[str], *, indent: int | None = 2
) -> None:
    """Write a document as JSON to a path or a text file.

    .. versionadded:: 0.1.0
    """
    text = dumps(document, indent=indent)
    if isinstance(target, str | os.PathLike):
        Path(target).write_text(text, encoding="utf-8")
    else:
        target.write(text)
