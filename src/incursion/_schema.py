"""The JSON Schema of documents, generated from the record classes.

:func:`schema` walks the attrs fields of every class a document holds (records, sources,
citations, regions, and the object forms of counts, spans, likelihoods and reading
policies) and maps each field's type, validators and default to JSON Schema, draft
2020-12.  Enumerations come from the enums, likelihood terms from the scales, descriptions
from the docstrings.  A field whose type or validator this module does not know raises
:class:`TypeError`, so a new field cannot be left out of the schema unnoticed: the tests
build the schema.

Written by hand, each beside the loader hook it mirrors: the JSON forms that are not the
fields of a class.  A figure is text, a number or an object whose keys are not
:class:`~incursion.Estimate`'s fields; a count is a figure or an object with parts, a change
(which may be written with a leading ``+``) and a tally; a materiel loss's equipment is an
object of equipment type and count; a relation takes its text keys as text or not at all; a
span and a likelihood are a string or an object; a date is a string; a record names its
source, and an allegation the sources that deny it, by id.  So are the rules a record's
``__attrs_post_init__`` keeps that JSON Schema can say: a figure the record needs (or a
share that states it), ``denied_by`` only with the evidence ``denied`` or ``disputed``, a
share's whole named by both record and field or by neither.

What only :func:`incursion.loads` checks is listed in :data:`LOADS_ONLY` (and in the
schema's ``$comment``).
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import inspect
import json
import operator
import re
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Final

import attrs

from incursion._estimates import (
    MAX_TEXT,
    Estimate,
    Hedge,
    Policy,
)
from incursion._likelihood import SCALES, Likelihood
from incursion._records import (
    FORMAT_VERSION,
    RECORD_TYPES,
    Count,
    Document,
    Evidence,
    Part,
    RecordBase,
    Relation,
    Share,
)
from incursion._serialization import json_number
from incursion._sources import Source
from incursion._time import Span
from incursion._validation import TYPED, constraint_of, valid_id
from incursion.exceptions import RecordError

__all__ = ["DIALECT", "LOADS_ONLY", "SCHEMA_ID", "schema", "schema_text"]

#: The JSON Schema dialect of :func:`schema`.
DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"

#: The ``$id`` of the schema: it names the format version, and changes with it.
SCHEMA_ID: Final = f"urn:incursion:document:{FORMAT_VERSION}"


# The loader's id pattern (Python's "\Z": the end of the text, not before a final newline),
# written for ECMA-262, where "$" without the m flag is the end of the text.
def _whole(pattern: str) -> str:
    """A pattern the whole text matches, in ECMA-262 (where "$" may precede a newline)."""
    return f"^(?:{pattern})$(?!\\n)"


_ID_PATTERN: Final = _whole((constraint_of(valid_id) or TYPED).pattern or "")

#: The rules of the document format that only :func:`incursion.loads` checks: JSON Schema
#: cannot express them, or (the vocabularies of hedge and unit words) the schema should not
#: pin them, since they grow with the reader while the format stays the same.
LOADS_ONLY: Final = (
    "ids unique among the sources, the records and the regions",
    "a record's source, a claim's region and an allegation's deniers listed in the document",
    "within and share_of naming a record's figure that can hold the figure they are about",
    "revises naming an earlier record of the same kind and subject, never in a circle",
    "figure text that reads as a figure, with unit words incursion reads",
    "equipment types that name a counted thing (tanks, not kilometres)",
    "a figure object's hedge word being a word of its hedge's class",
    "what a figure measures: an area in area, a length in depth, people in a casualty count",
    "a share in percent, and an equipment type's or a known measure's kind in its count",
    "a count's parts and change of its total's kind",
    "whole numbers in counts (12 people, not 12.5)",
    "a figure object's text agreeing with its value, unit and hedge",
    "low not above high, and equivalents measuring what their figure measures",
    "dates that exist (not 2024-02-30 or 2023-W53)",
    "spans that do not end before they start, whose precision fits their start and end",
    "a key given twice in one object",
    "whole numbers not written with a fraction (2.0 as a credibility or min_significant)",
    "figures small enough for their dimension's canonical unit",
)

_NULL: Final = {"type": "null"}
# Only a ratio may be negative, and no field of a document holds one that may be:
# _constraints refuses a field that measures a ratio, so that this rule cannot become wrong
# unnoticed.  The one ratio a document holds, a share's percent, is a share of a figure.
_NOT_NEGATIVE: Final = {"minimum": 0}
_PRIMITIVES: Final[Mapping[Any, str]] = {
    str: "string",
    bool: "boolean",
    int: "integer",
    float: "number",
}
# Span.parse's forms, with month, day and week numbers in range; the calendar is loads'.
_YEAR: Final = "[0-9]{4}"
_DAY: Final = f"{_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])"
_SPAN_FORMS: Final = (
    _DAY,
    f"{_YEAR}-W(?:0[1-9]|[1-4][0-9]|5[0-3])",
    f"{_YEAR}-(?:0[1-9]|1[0-2])",
    _YEAR,
    f"{_DAY}/{_DAY}",
)


def schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of the document format.

    Generated from the record classes on each call, so it always describes the documents
    this version reads; the same schema ships as ``incursion/data/document.schema.json``
    for tools in other languages.  It checks every key, record kind, enumeration,
    likelihood term and id, and the forms of figures, counts, spans and dates.  Unique ids,
    references between records, sources and regions, and what a figure's words say are
    left to :func:`~incursion.loads` (the schema's ``$comment`` lists them): a document
    that passes the schema may still fail to load.

    >>> schema()["properties"]["incursion"]["const"]
    1

    Returns:
        A new dict of JSON values each call: change it freely.

    .. versionadded:: 0.1.0
    """
    builder = _Builder()
    document = builder.object_(Document)
    return {
        "$schema": DIALECT,
        "$id": SCHEMA_ID,
        "title": "incursion document",
        "description": document["description"],
        "$comment": "Generated from the record classes by incursion.schema(); regenerate the "
        "shipped copy with `incursion schema`. Only incursion.loads checks: "
        + "; ".join(LOADS_ONLY)
        + ".",
        "type": "object",
        # Document defaults its lists, but the loader requires sources and records (_items).
        "required": ["incursion", "sources", "records"],
        "properties": {
            "incursion": {"description": "The format version.", "const": FORMAT_VERSION},
            **document["properties"],
        },
        "additionalProperties": False,
        "$defs": dict(sorted(builder.defs.items())),
    }


def schema_text() -> str:
    """Return :func:`schema` as JSON text, exactly as the shipped copy is written.

    .. versionadded:: 0.1.0
    """
    # ASCII only: written through any terminal's encoding, the copy is the same bytes.
    return json.dumps(schema(), indent=2) + "\n"


class _Builder:
    """Builds a schema's definitions, each once, as the walk first reaches it."""

    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}
        # The types whose JSON form is not an object of their fields: written by hand.
        self.custom: dict[Any, Callable[[], dict[str, Any]]] = {
            Estimate: lambda: self.define("Figure", self.figure),
            Count: lambda: self.define("Count", self.count),
            tuple[Part, ...]: self.parts,
            Relation: lambda: self.define("Relation", functools.partial(self.relation, Relation)),
            Share: lambda: self.define("Share", self.share),
            Span: lambda: self.define("Span", self.span),
            dt.date: lambda: self.define("Date", _date),
            Likelihood: lambda: self.define("Likelihood", self.likelihood),
        }

    def define(self, name: str, build: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        """Build the definition ``name`` unless it is built; return a reference to it."""
        if name not in self.defs:
            self.defs[name] = {}  # taken: a definition that refers to itself stops here
            self.defs[name] = build()
        return {"$ref": f"#/$defs/{name}"}

    # -- the generated part ---------------------------------------------------------------

    def type_(self, hint: Any) -> dict[str, Any]:
        """The schema of a field's type."""
        args = typing.get_args(hint)
        if typing.get_origin(hint) in (types.UnionType, typing.Union):
            union = self._union(args)
            if union is not None:
                return union
        custom = self.custom.get(hint)
        if custom is not None:
            return custom()
        if typing.get_origin(hint) is tuple and len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": self.type_(args[0])}
        if hint in _PRIMITIVES:
            return {"type": _PRIMITIVES[hint]}
        if isinstance(hint, type) and issubclass(hint, enum.Enum):
            return self.define(hint.__name__, functools.partial(_enum, hint))
        if isinstance(hint, type) and attrs.has(hint):
            return self.define(hint.__name__, functools.partial(self.object_, hint))
        raise TypeError(f"no JSON Schema for the type {hint!r}: teach incursion._schema")

    def _union(self, args: tuple[Any, ...]) -> dict[str, Any] | None:
        """The schema of a union: an optional type, or any record."""
        if type(None) in args:
            rest = [arg for arg in args if arg is not type(None)]
            return _nullable(self.type_(functools.reduce(operator.or_, rest)))
        if all(isinstance(arg, type) and issubclass(arg, RecordBase) for arg in args):
            return self.define("Record", self.records)
        return None

    def object_(
        self, cls: type, overrides: Mapping[str, dict[str, Any]] | None = None
    ) -> dict[str, Any]:
        """The schema of an attrs class written as an object of its fields."""
        hints = typing.get_type_hints(cls)
        docs = _field_docs(cls)
        properties: dict[str, Any] = {}
        required = []
        for attribute in attrs.fields(cls):
            if not attribute.init:
                continue
            if overrides is not None and attribute.name in overrides:
                field = dict(overrides[attribute.name])
            else:
                field = {**self.type_(hints[attribute.name]), **_constraints(attribute)}
            if attribute.name in docs:
                field = {"description": docs[attribute.name], **field}
            properties[attribute.name] = {**field, **_default(attribute)}
            if attribute.default is attrs.NOTHING:
                required.append(attribute.name)
        out: dict[str, Any] = {"description": _summary(cls), "type": "object"}
        if required:
            out["required"] = required
        out["properties"] = properties
        out["additionalProperties"] = False  # the converter forbids extra keys everywhere
        return out

    def records(self) -> dict[str, Any]:
        """A record of any kind: the kind chooses the record's schema."""
        return {
            "description": "A record: its kind says which of the record types it is.",
            "type": "object",
            "required": ["kind"],
            "properties": {"kind": {"enum": list(RECORD_TYPES)}},
            "allOf": [
                {
                    "if": {"required": ["kind"], "properties": {"kind": {"const": kind}}},
                    "then": self.define(cls.__name__, functools.partial(self.record, cls)),
                }
                for kind, cls in RECORD_TYPES.items()
            ],
        }

    def record(self, cls: type[RecordBase]) -> dict[str, Any]:
        """A record of one kind: ``kind``, then its fields."""
        # A record names its source by id, as the loader's _source_hook reads it; the
        # fields with their own hooks (field_hooks) are written by hand.
        source_id = self.define("SourceId", _source_id)
        overrides = {"source": source_id}
        for attribute in attrs.fields(cls):
            if attribute.name == "denied_by":  # _denied_by_hook: a list of source ids
                overrides[attribute.name] = {"type": "array", "items": source_id}
            elif attribute.metadata.get("equipment"):
                overrides[attribute.name] = self.define("Equipment", self.equipment)
        out = self.object_(cls, overrides=overrides)
        out["required"] = ["kind", *out["required"]]
        kind = {"description": f"The kind of record: {cls.kind}.", "const": cls.kind}
        out["properties"] = {"kind": kind, **out["properties"]}
        holders = _figure_holders(cls)
        if len(holders) == 1:  # required outright, so that an error names the field
            [(name, holds)] = holders
            out["required"].append(name)
            out["properties"][name] = {**out["properties"][name], **holds}
        elif holders:
            out["anyOf"] = [
                {"required": [name], "properties": {name: holds}} for name, holds in holders
            ]
        if "denied_by" in out["properties"]:
            out["allOf"] = [_denied()]
        return out

    # -- the hand-written part: JSON forms that are not the fields of a class -------------

    def figure(self) -> dict[str, Any]:
        """A figure: text, a number, or an object (structure_estimate and _figure_hook)."""
        return {
            "description": "A figure: text as news writes it, a bare number, or an object.",
            "anyOf": [
                _figure_text("Text as news writes it: around 1,000 km² (386 sq mi)."),
                {
                    "description": "A bare number; in a field that counts something, a count "
                    "of it.",
                    "type": "number",
                    **_NOT_NEGATIVE,
                },
                self.define("FigureObject", self.figure_object),
            ],
        }

    def figure_object(self) -> dict[str, Any]:
        """A figure as an object: its keys are structure_estimate's, not Estimate's fields."""
        number = {"type": ["number", "null"], **_NOT_NEGATIVE}
        properties = {
            "value": {
                "description": "The number. Required, except for a between figure with low "
                "and high, whose value is their midpoint.",
                "type": "number",
                **_NOT_NEGATIVE,
            },
            "unit": {
                "description": "A unit word as text writes it (km², square miles, people); "
                "none for a bare number, which in a field that counts something counts it.",
                "type": "string",
            },
            "hedge": {**self.type_(Hedge), "default": Hedge.EXACT.value},
            "word": {
                "description": "The hedge as written (around): a word of the hedge's class "
                "(a between figure may also take an about word).",
                "type": ["string", "null"],
            },
            "low": {"description": "A lower bound stated outright.", **number},
            "high": {"description": "An upper bound stated outright.", **number},
            "precision": {
                "description": "One unit of the value's last significant digit (1 reads "
                "1,000 as 999.5 to 1,000.5); by default worked out from the value.",
                **number,
            },
            "equivalents": {
                "description": "The conversions stated in brackets.",
                "type": "array",
                "items": {
                    "anyOf": [
                        _figure_text("A conversion as text writes it: 386 sq mi."),
                        self.define("Equivalent", _equivalent),
                    ]
                },
            },
            "text": {
                "description": "The original words, kept for display.",
                "type": ["string", "null"],
                "maxLength": MAX_TEXT,
            },
            "policy": self.type_(Policy),
        }
        return {
            "description": "A figure as an object, for figures text cannot write.",
            "type": "object",
            "properties": properties,
            "additionalProperties": False,
            "allOf": [_between()],
        }

    def count(self) -> dict[str, Any]:
        """A count: a figure, or an object with a total and what is said of it (_count_hook)."""
        return {
            "description": _summary(Count),
            "anyOf": [
                self.define("Figure", self.figure),
                self.define("CountObject", self.count_object),
            ],
        }

    def count_object(self) -> dict[str, Any]:
        """A count as an object: its change may be text with a leading + (_change_figure)."""
        change = {
            "anyOf": [
                self.define("Figure", self.figure),
                _signed_text("A change as text with a leading +: +7."),
                _NULL,
            ]
        }
        return self.object_(Count, overrides={"change": change})

    def equipment(self) -> dict[str, Any]:
        """Equipment: an object of equipment type and count, not a dict field (equipment_hook)."""
        return {
            "description": "Each equipment type as written (tanks, IFVs, armoured vehicles), "
            "with its count; a bare number counts that type.",
            "type": "object",
            "additionalProperties": self.define("Count", self.count),
        }

    def relation(self, cls: type[Relation | Share]) -> dict[str, Any]:
        """A relation: an object of its fields, text given as text (_relation_hook)."""
        # The hook takes record, field, figure and whole as text, or not at all: not null.
        hints = typing.get_type_hints(cls)
        texts = {
            a.name: {"type": "string", **_constraints(a)}
            for a in attrs.fields(cls)
            if hints[a.name] in (str, str | None)
        }
        return self.object_(cls, overrides=texts)

    def share(self) -> dict[str, Any]:
        """A share: a relation whose whole is named by both record and field, or by neither."""
        out = self.relation(Share)
        out["dependentRequired"] = {"record": ["field"], "field": ["record"]}  # Share's check
        return out

    def parts(self) -> dict[str, Any]:
        """A count's parts: an object of name and figure, not a list of Part (_count_hook)."""
        return {
            "type": "object",
            "additionalProperties": self.define("Figure", self.figure),
        }

    def span(self) -> dict[str, Any]:
        """A span: one of Span.parse's strings, or an object of its fields (_span_hook)."""
        return {
            "description": _summary(Span),
            "anyOf": [
                {
                    "description": "A day (2024-08-12), an ISO week (2024-W33), a month "
                    "(2024-08), a year (2024) or a span (2024-06-01/2024-08-31).",
                    "type": "string",
                    "pattern": f"^(?:{'|'.join(_SPAN_FORMS)})$",
                },
                self.define("SpanObject", functools.partial(self.object_, Span)),
            ],
        }

    def likelihood(self) -> dict[str, Any]:
        """A likelihood: a bare term, or an object of scale and term (_likelihood_hook)."""
        return {
            "description": _summary(Likelihood),
            "anyOf": [
                {
                    "description": "A term as written, on no named scale.",
                    "type": "string",
                    "pattern": _non_blank(),
                },
                self.define("LikelihoodObject", self.likelihood_object),
            ],
        }

    def likelihood_object(self) -> dict[str, Any]:
        """A likelihood object: on a named scale, the term must be one of the scale's."""
        scale = {"enum": [*SCALES, None]}  # _scale_and_term checks it, on the term
        out = self.object_(Likelihood, overrides={"scale": scale})
        out["allOf"] = [
            {
                "if": {"required": ["scale"], "properties": {"scale": {"const": name}}},
                "then": {"properties": {"term": {"pattern": _terms(terms)}}},
            }
            for name, terms in SCALES.items()
        ]
        return out


# -- the generated part: validators, defaults, descriptions ---------------------------------


def _constraints(attribute: attrs.Attribute[Any]) -> dict[str, Any]:
    """What a field's validators add to its type, in JSON Schema: each states its own."""
    out: dict[str, Any] = {}
    validators = () if attribute.validator is None else (attribute.validator,)
    # attrs keeps the validators of a list in an and_ validator's _validators.
    validators = getattr(attribute.validator, "_validators", validators)
    for validator in validators:
        stated = constraint_of(validator)
        if stated is None:
            raise TypeError(
                f"no JSON Schema for the validator {validator!r} of {attribute.name}: it "
                "states no constraint (incursion._validation.states)"
            )
        if stated.pattern is not None and stated.non_blank:
            raise TypeError(
                f"{attribute.name}: a constraint states a pattern or non_blank, not both"
            )
        if stated.signed:
            raise TypeError(f"{attribute.name} measures a ratio: figures may not be negative")
        if stated.max_length is not None:
            out["maxLength"] = stated.max_length
        if stated.pattern is not None:
            out["pattern"] = _whole(stated.pattern)
        if stated.non_blank:
            out["pattern"] = _non_blank()
        if stated.minimum is not None:
            out["minimum"] = json_number(float(stated.minimum))
        if stated.maximum is not None:
            out["maximum"] = json_number(float(stated.maximum))
    return out


def _figure_holders(cls: type[RecordBase]) -> list[tuple[str, dict[str, Any]]]:
    """What a record of ``cls`` must hold one of, if it needs a figure: asked of the class.

    Each is a field and what it must be there: a figure not null, equipment not empty, or
    a share whose ``figure`` names a field the record may leave out, stated only as the
    share.  None when the record's required fields are all it needs.
    """
    optional = [
        a
        for a in attrs.fields(cls)
        if ("tally" in a.metadata or a.metadata.get("equipment")) and a.default is not attrs.NOTHING
    ]
    if not optional or _builds(cls):
        return []
    holders: list[tuple[str, dict[str, Any]]] = [
        (a.name, {"minProperties": 1} if a.metadata.get("equipment") else {"not": _NULL})
        for a in optional
    ]
    shared = [
        a.name for a in optional if _builds(cls, share_of=Share(percent="50%", figure=a.name))
    ]
    if shared:
        stated = {
            "type": "object",
            "required": ["figure"],
            "properties": {"figure": {"enum": shared}},
        }
        holders.append(("share_of", stated))
    return holders


# What the probes give the required fields of a record: a record's own, and its kind's.
_PROBE: Final[Mapping[str, Any]] = {
    "id": "probe",
    "source": Source(id="probe", name="probe"),
    "subject": "probe",
    "as_of": "2024",
    "measure": "probe",
}


def _builds(cls: type[RecordBase], **fields: Any) -> bool:
    """Whether a record of ``cls`` builds from its required fields alone (and ``fields``)."""
    required = [a.name for a in attrs.fields(cls) if a.init and a.default is attrs.NOTHING]
    unknown = [name for name in required if name not in _PROBE]
    if unknown:
        raise TypeError(
            f"no probe value for {', '.join(unknown)} of {cls.__name__}: teach incursion._schema"
        )
    try:
        cls(**{name: _PROBE[name] for name in required}, **fields)
    except RecordError:
        return False
    return True


def _denied() -> dict[str, Any]:
    """Sources that deny or dispute an allegation only with that evidence (Allegation's check)."""
    return {
        "if": {"required": ["denied_by"], "properties": {"denied_by": {"minItems": 1}}},
        "then": {
            "required": ["evidence"],
            "properties": {"evidence": {"enum": [Evidence.DENIED.value, Evidence.DISPUTED.value]}},
        },
    }


def _default(attribute: attrs.Attribute[Any]) -> dict[str, Any]:
    default = attribute.default
    if default is attrs.NOTHING or default is None:
        return {}
    if isinstance(default, enum.Enum):
        return {"default": default.value}
    if isinstance(default, bool | int | float | str):
        return {"default": json_number(default) if isinstance(default, float) else default}
    return {}  # a factory or an empty tuple: no JSON value to show


def _enum(enum_type: type[enum.Enum]) -> dict[str, Any]:
    return {
        "description": _summary(enum_type),
        "type": "string",
        "enum": [member.value for member in enum_type],
    }


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    kind = schema.get("type")
    if isinstance(kind, str) and set(schema) <= {"type", "description"}:
        return {**schema, "type": [kind, "null"]}
    return {"anyOf": [schema, _NULL]}


_ROLE: Final = re.compile(r":[a-z]+:`(~?)([^`]+)`")
# Python's constants, as a document writes them.
_JSON_LITERALS: Final = {"``None``": "null", "``True``": "true", "``False``": "false"}


def _plain(text: str) -> str:
    """Docstring text without reStructuredText markup, Python's constants as JSON's."""

    def role(match: re.Match[str]) -> str:
        return match[2].rsplit(".", 1)[-1] if match[1] else match[2]

    text = _ROLE.sub(role, text)
    for literal, written in _JSON_LITERALS.items():
        text = text.replace(literal, written)
    return text.replace("``", "")


def _summary(cls: type) -> str:
    """The first paragraph of a class's docstring, on one line."""
    doc = inspect.cleandoc(cls.__doc__ or "")
    return _plain(" ".join(doc.split("\n\n", 1)[0].split()))


_ATTRIBUTE: Final = re.compile(r"^    (\w+): (.*)$")


@functools.cache
def _field_docs(cls: type) -> Mapping[str, str]:
    """Each field's description from the ``Attributes:`` sections of the class and its bases."""
    docs: dict[str, str] = {}
    for base in reversed(cls.__mro__):
        name = None
        lines = iter(inspect.cleandoc(base.__dict__.get("__doc__") or "").splitlines())
        for line in lines:
            if line == "Attributes:":
                break
        for line in lines:
            if match := _ATTRIBUTE.match(line):
                name = match[1]
                docs[name] = match[2]
            elif name is not None and line.startswith("        "):
                docs[name] += " " + line.strip()
            else:
                break
    return {name: _plain(" ".join(text.split())) for name, text in docs.items()}


# -- the hand-written part: forms and patterns ----------------------------------------------


def _source_id() -> dict[str, Any]:
    return {
        "description": "The id of a source in the document.",
        "type": "string",
        "pattern": _ID_PATTERN,
    }


def _date() -> dict[str, Any]:
    """A date: the loader's _date_hook reads it with date.fromisoformat."""
    return {
        "description": "A day: 2024-08-12.",
        "type": "string",
        "pattern": f"^{_DAY}$",
        "format": "date",
    }


def _figure_text(description: str) -> dict[str, Any]:
    """A figure as text: Estimate.parse reads at most MAX_TEXT characters, and not none."""
    return {"description": description, "type": "string", "minLength": 1, "maxLength": MAX_TEXT}


def _signed_text(description: str) -> dict[str, Any]:
    """A change as text with a leading +: _change_figure strips the text, then the +.

    Estimate.parse reads at most MAX_TEXT characters of what is left.
    """
    space = f"[{_spaces()}]"
    return {
        "description": description,
        "type": "string",
        "pattern": f"^{space}*\\+[\\s\\S]{{0,{MAX_TEXT}}}{space}*$",
    }


def _equivalent() -> dict[str, Any]:
    """A bracketed conversion as an object (the loader's _conversion)."""
    return {
        "description": "A conversion stated in brackets, as an object.",
        "type": "object",
        "required": ["value"],
        "properties": {
            "value": {"type": "number", **_NOT_NEGATIVE},
            "unit": {"type": "string"},
            "precision": {"type": ["number", "null"], **_NOT_NEGATIVE},
        },
        "additionalProperties": False,
    }


def _between() -> dict[str, Any]:
    """A between figure needs low and high; any other needs a value (structure_estimate)."""
    return {
        "if": {"required": ["hedge"], "properties": {"hedge": {"const": Hedge.BETWEEN.value}}},
        "then": {
            "required": ["low", "high"],
            "properties": {"low": {"type": "number"}, "high": {"type": "number"}},
        },
        "else": {"required": ["value"]},
    }


def _terms(terms: Iterable[str]) -> str:
    """A term of a scale, as the loader compares it: case and runs of spaces ignored."""
    space = f"[{_spaces()}]"
    written = (f"{space}+".join(map(_caseless, term.split())) for term in terms)
    return f"^{space}*(?:{'|'.join(written)}){space}*$"


def _non_blank() -> str:
    """Text with something other than whitespace in it, as ``str.strip`` sees whitespace."""
    return f"[^{_spaces()}]"


_SYNTAX: Final = frozenset("^$\\.*+?()[]{}|/")


def _literal(character: str) -> str:
    """A character in an ECMA-262 pattern (which escapes only its syntax characters)."""
    if character in _SYNTAX:
        return "\\" + character
    if character.isspace() or not character.isprintable():
        return _escaped(ord(character))
    return character


def _caseless(text: str) -> str:
    """A pattern of lower-case ``text`` that matches whatever ``str.lower`` turns into it."""
    uppers = _characters()[1]
    out = []
    for character in text:
        variants = character + uppers.get(character, "")
        if len(variants) == 1:
            out.append(_literal(character))
        else:
            out.append("[" + "".join(map(_literal, variants)) + "]")
    return "".join(out)


def _spaces() -> str:
    """Python's whitespace, as the inside of a character class (runs written as ranges)."""
    runs: list[list[int]] = []
    for code in map(ord, _characters()[0]):
        if runs and code == runs[-1][-1] + 1:
            runs[-1].append(code)
        else:
            runs.append([code])
    return "".join(
        f"\\u{run[0]:04x}-\\u{run[-1]:04x}" if len(run) > 2 else "".join(map(_escaped, run))
        for run in runs
    )


def _escaped(code: int) -> str:
    return f"\\u{code:04x}"


@functools.cache
def _characters() -> tuple[str, Mapping[str, str]]:
    """Python's whitespace, and for each character the others that ``str.lower`` maps to it.

    All of them lie in the Basic Multilingual Plane (a test checks the other planes).
    """
    spaces = []
    uppers: dict[str, str] = {}
    for code in range(0x10000):
        character = chr(code)
        if character.isspace():
            spaces.append(character)
        lower = character.lower()
        if lower != character and len(lower) == 1:
            uppers[lower] = uppers.get(lower, "") + character
    return "".join(spaces), uppers
