"""The JSON Schema of documents: a valid schema, shipped as generated, agreeing with loads.

What the schema cannot express, so that only ``loads`` checks it (the cases of
``TestOnlyLoadsChecks``; ``incursion._schema.LOADS_ONLY`` lists them for the schema's
``$comment``):

- ids unique among the sources, the records and the regions, and references between them:
  a record's source, an allegation's ``denied_by`` and a claim's region must be listed in
  the document; a relation (``within``, ``share_of``) must name a record's figure that can
  hold the figure it is about, and ``revises`` another record;
- what a figure's words say: that text reads as a figure, its unit and so what it measures
  (an area in ``area``, people in a casualty count, a share in ``percent``, a known
  measure's dimension in a measurement), whole numbers in counts, a figure object's
  ``text`` agreeing with its value, ``low`` not above ``high``, equivalents measuring what
  their figure measures;
- equipment types that name a counted thing (``tanks``, not ``kilometres``);
- the hedge words of each hedge class: expressible, but the vocabulary grows with the
  reader while the format stays version 1, so the schema leaves it to ``loads``;
- the calendar: 2024-02-30, 2023-W53, a span that ends before it starts, an object span
  whose precision does not fit its start and end;
- a key given twice in one object (a schema sees the object after parsing);
- whole numbers written with a fraction: JSON Schema counts 2.0 as an integer;
- figures too large for their dimension's canonical unit.
"""

from __future__ import annotations

import copy
import enum
import json
from importlib.resources import files
from typing import Any, Final

import attrs
import pytest
from hypothesis import given, settings
from jsonschema import Draft202012Validator  # type: ignore[import-untyped]

import incursion
from incursion import Document, Estimate, dumps, loads
from incursion._likelihood import SCALES
from incursion._records import (
    RECORD_TYPES,
    Count,
    Fate,
    Region,
    Relation,
    Share,
    measures,
)
from incursion._schema import SCHEMA_ID, _Builder, schema, schema_text
from incursion._serialization import (
    _COUNT_KEYS,
    _EQUIVALENT_KEYS,
    _ESTIMATE_KEYS,
    _POLICY_KEYS,
    _SPAN_KEYS,
    _TOP_KEYS,
)
from incursion._sources import Citation, Source
from incursion._time import Span
from incursion._validation import Constraint, constraint_of, states
from incursion.examples import kursk_2024, kursk_2024_json
from incursion.exceptions import DocumentError
from strategies import documents

SCHEMA: Final = schema()
VALIDATOR: Final = Draft202012Validator(SCHEMA)
SHIPPED: Final = files("incursion").joinpath("data", "document.schema.json")
REGENERATE: Final = (
    "regenerate it: python -c 'import incursion._schema as s; print(s.schema_text(), end=\"\")'"
    " > src/incursion/data/document.schema.json"
)
DELETE: Final = object()


def errors(document: Any) -> list[str]:
    """The schema's complaints about a document, each with its JSON path."""
    return [f"{e.json_path}: {e.message}" for e in VALIDATOR.iter_errors(document)]


def loads_error(document: Any) -> DocumentError | None:
    """The error ``loads`` raises for a document, or ``None`` when it loads."""
    try:
        loads(json.dumps(document))
    except DocumentError as error:
        return error
    return None


def document() -> dict[str, Any]:
    """A small valid document: one record of each kind, a source and a region."""
    common = {"source": "isw", "subject": "kursk-2024", "as_of": "2024-08-12"}
    return {
        "incursion": 1,
        "sources": [{"id": "isw", "name": "Institute for the Study of War"}],
        "regions": [{"id": "kursk-oblast", "name": "Kursk Oblast", "area": "29,997 km²"}],
        "records": [
            {
                "kind": "territorial-claim",
                "id": "claim",
                **common,
                "area": "about 1,000 km²",
            },
            {"kind": "casualty-report", "id": "report", **common, "killed": "12"},
            {"kind": "allegation", "id": "allegation", **common, "act": "looting"},
            {
                "kind": "assessment",
                "id": "assessment",
                **common,
                "likelihood": {"scale": "phia", "term": "unlikely"},
            },
            {"kind": "materiel-loss", "id": "losses", **common, "equipment": {"tanks": "12"}},
            {
                "kind": "measurement",
                "id": "town",
                **common,
                "measure": "population",
                "value": "about 5,000 people",
            },
        ],
    }


def changed(path: tuple[str | int, ...], value: Any) -> dict[str, Any]:
    """The small document with the value at ``path`` replaced (or deleted, with DELETE)."""
    out = document()
    *parents, last = path
    target: Any = out
    for key in parents:
        target = target[key]
    if value is DELETE:
        del target[last]
    else:
        target[last] = copy.deepcopy(value)
    return out


def reworked(path: tuple[str, int], *, drop: tuple[str, ...] = (), **keys: Any) -> Any:
    """The small document's record at ``path`` without the keys ``drop``, with ``keys``."""
    out = {k: v for k, v in document()["records"][path[1]].items() if k not in drop}
    return {**out, **keys}


CLAIM: Final = ("records", 0)
REPORT: Final = ("records", 1)
ALLEGATION: Final = ("records", 2)
ASSESSMENT: Final = ("records", 3)
LOSS: Final = ("records", 4)
MEASUREMENT: Final = ("records", 5)
# The report's 12 killed lie within the town's 5,000 people.
WITHIN: Final = {"record": "town", "field": "value"}
SHARE: Final = {**WITHIN, "percent": "0.24%"}

# Documents both refuse: (path, value) changes to the small document.
REFUSED: Final = [
    pytest.param(("extra",), 1, id="unknown key at the top"),
    pytest.param(("incursion",), DELETE, id="no format version"),
    pytest.param(("incursion",), 2, id="format version 2"),
    pytest.param(("incursion",), True, id="format version true"),
    pytest.param(("records",), DELETE, id="no records"),
    pytest.param(("regions",), None, id="regions null"),
    pytest.param(("sources", 0, "url"), "https://example.org", id="unknown key in a source"),
    pytest.param(("sources", 0, "name"), DELETE, id="source without a name"),
    pytest.param(("sources", 0, "reliability"), "G", id="reliability G"),
    pytest.param(("regions", 0, "name"), DELETE, id="region without a name"),
    pytest.param((*CLAIM, "are"), "1 km²", id="unknown key in a record"),
    pytest.param((*CLAIM, "kind"), "claim", id="unknown kind"),
    pytest.param((*CLAIM, "kind"), DELETE, id="no kind"),
    pytest.param((*CLAIM, "id"), DELETE, id="no id"),
    pytest.param((*CLAIM, "id"), "a claim", id="id with a space"),
    pytest.param((*CLAIM, "id"), "c" * 129, id="id of 129 characters"),
    pytest.param((*CLAIM, "source"), {"id": "isw", "name": "ISW"}, id="source as an object"),
    pytest.param((*CLAIM, "subject"), " ", id="blank subject"),
    pytest.param((*CLAIM, "subject"), "s" * 201, id="subject of 201 characters"),
    pytest.param((*CLAIM, "area"), DELETE, id="claim without a figure"),
    pytest.param((*CLAIM, "area"), None, id="claim whose only figure is null"),
    pytest.param((*REPORT, "killed"), DELETE, id="casualty report without a count"),
    pytest.param((*CLAIM, "predicate"), "holds", id="unknown predicate"),
    pytest.param((*CLAIM, "status"), "confirmed", id="unknown status"),
    pytest.param((*REPORT, "population"), "children", id="unknown population"),
    pytest.param(("records", 2, "act"), "shelling", id="unknown act"),
    pytest.param(("records", 2, "evidence"), "proven", id="unknown evidence"),
    pytest.param((*ASSESSMENT, "confidence"), "certain", id="unknown confidence"),
    pytest.param((*CLAIM, "credibility"), 7, id="credibility 7"),
    pytest.param((*CLAIM, "credibility"), "3", id="credibility as text"),
    pytest.param((*CLAIM, "credibility"), True, id="credibility true"),
    pytest.param((*CLAIM, "as_of"), "2024-13-01", id="month 13"),
    pytest.param((*CLAIM, "as_of"), "12 August 2024", id="date in words"),
    pytest.param((*CLAIM, "as_of"), {"start": "2024-08-01"}, id="span without an end"),
    pytest.param(
        (*CLAIM, "as_of"),
        {"start": "2024-08-01", "end": "2024-08-31", "precision": "fortnight"},
        id="unknown span precision",
    ),
    pytest.param(
        (*CLAIM, "as_of"),
        {"start": "2024-08-01", "end": "2024-08-31", "days": 31},
        id="unknown key in a span",
    ),
    pytest.param((*CLAIM, "citation"), {"outlet": "BBC", "page": 3}, id="unknown citation key"),
    pytest.param((*CLAIM, "citation"), {"published": "12/08/2024"}, id="published 12/08/2024"),
    pytest.param((*CLAIM, "area"), "", id="empty figure text"),
    pytest.param((*CLAIM, "area"), "1" * 401 + " km²", id="figure text of 405 characters"),
    pytest.param((*REPORT, "killed"), -5, id="negative count"),
    pytest.param((*REPORT, "killed"), True, id="count true"),
    pytest.param((*CLAIM, "area"), {"values": 5, "unit": "km²"}, id="unknown key in a figure"),
    pytest.param((*CLAIM, "area"), {"unit": "km²", "hedge": "about"}, id="figure without value"),
    pytest.param((*CLAIM, "area"), {"value": -5, "unit": "km²"}, id="negative value"),
    pytest.param((*CLAIM, "area"), {"value": 5, "unit": None}, id="unit null"),
    pytest.param(
        (*CLAIM, "area"), {"value": 5, "unit": "km²", "hedge": "roughly"}, id="word as hedge"
    ),
    pytest.param(
        (*CLAIM, "area"),
        {"unit": "km²", "hedge": "between", "low": 800},
        id="between without high",
    ),
    pytest.param(
        (*CLAIM, "area"),
        {"value": 1000, "unit": "km²", "hedge": "between", "low": 800, "high": None},
        id="between with high null",
    ),
    pytest.param((*CLAIM, "area"), {"value": 5, "unit": "km²", "low": -1}, id="negative low"),
    pytest.param(
        (*CLAIM, "area"), {"value": 5, "unit": "km²", "precision": -1}, id="negative precision"
    ),
    pytest.param(
        (*CLAIM, "area"),
        {"value": 5, "unit": "km²", "text": "about 5 km²" + " " * 400},
        id="text of 411 characters",
    ),
    pytest.param(
        (*CLAIM, "area"), {"value": 5, "unit": "km²", "equivalents": "2 sq mi"}, id="equiv text"
    ),
    pytest.param(
        (*CLAIM, "area"),
        {"value": 5, "unit": "km²", "equivalents": [{"unit": "sq mi"}]},
        id="equivalent without value",
    ),
    pytest.param(
        (*CLAIM, "area"),
        {"value": 5, "unit": "km²", "equivalents": [{"value": 2, "unit": "sq mi", "as": "x"}]},
        id="unknown key in an equivalent",
    ),
    pytest.param(
        (*CLAIM, "area"),
        {"value": 5, "unit": "km²", "policy": {"margin": 0.2}},
        id="unknown key in a policy",
    ),
    pytest.param(
        (*CLAIM, "area"),
        {"value": 5, "unit": "km²", "policy": {"about_margin": -0.1}},
        id="negative margin",
    ),
    pytest.param(
        (*CLAIM, "area"),
        {"value": 5, "unit": "km²", "policy": {"min_significant": 0}},
        id="min_significant 0",
    ),
    pytest.param((*REPORT, "killed"), {"total": "12", "dead": "3"}, id="unknown key in a count"),
    pytest.param((*REPORT, "killed"), {"total": None}, id="count total null"),
    pytest.param((*REPORT, "killed"), {"total": "12", "parts": ["3"]}, id="parts as a list"),
    pytest.param((*REPORT, "killed"), {"total": "12", "parts": {"men": None}}, id="part null"),
    pytest.param((*REPORT, "killed"), {"total": "12", "complete": "yes"}, id="complete yes"),
    pytest.param(
        (*ASSESSMENT, "likelihood"), {"scale": "nato", "term": "likely"}, id="unknown scale"
    ),
    pytest.param(
        (*ASSESSMENT, "likelihood"),
        {"scale": "phia", "term": "probable"},
        id="term of another scale",
    ),
    pytest.param((*ASSESSMENT, "likelihood"), " ", id="blank term"),
    pytest.param((*ASSESSMENT, "likelihood"), {"scale": "phia"}, id="likelihood without term"),
    pytest.param((*ASSESSMENT, "likelihood"), 0.3, id="likelihood as a number"),
    pytest.param((*REPORT, "killed"), {"total": "12", "tally": "running"}, id="unknown tally"),
    pytest.param((*REPORT, "killed"), {"total": "12", "tally": True}, id="tally true"),
    pytest.param((*REPORT, "killed"), {"total": "12", "change": -2}, id="negative change"),
    pytest.param((*REPORT, "killed"), {"value": 12, "change": 2}, id="change in a figure"),
    pytest.param((*REPORT, "killed"), {"change": "+2"}, id="count without total"),
    pytest.param((*REPORT, "killed_and_wounded"), -5, id="negative killed and wounded"),
    pytest.param((*REPORT, "group"), 5, id="group as a number"),
    pytest.param((*REPORT, "status"), "verified", id="unknown casualty status"),
    pytest.param((*REPORT, "within"), "town", id="within as text"),
    pytest.param((*REPORT, "within"), {**WITHIN, "of": "x"}, id="unknown key in a relation"),
    pytest.param((*REPORT, "within"), {**WITHIN, "percent": "1%"}, id="percent in within"),
    pytest.param((*REPORT, "within"), {"record": "town"}, id="relation without field"),
    pytest.param((*REPORT, "within"), {"field": "value"}, id="relation without record"),
    pytest.param((*REPORT, "within"), {**WITHIN, "record": "a town"}, id="relation record id"),
    pytest.param((*REPORT, "within"), {**WITHIN, "field": " "}, id="blank relation field"),
    pytest.param((*REPORT, "within"), {**WITHIN, "field": "f" * 301}, id="field of 301"),
    pytest.param((*REPORT, "within"), {**WITHIN, "figure": None}, id="relation figure null"),
    pytest.param((*REPORT, "share_of"), WITHIN, id="share_of without percent"),
    pytest.param((*REPORT, "share_of"), {**SHARE, "percent": None}, id="percent null"),
    pytest.param((*REPORT, "share_of"), {**SHARE, "of": "x"}, id="unknown key in a share"),
    pytest.param(
        (*REPORT, "share_of"), {"percent": "1%", "record": "town"}, id="share_of without field"
    ),
    pytest.param(
        (*REPORT, "share_of"), {"percent": "1%", "field": "value"}, id="share_of without record"
    ),
    pytest.param((*REPORT, "share_of"), {**SHARE, "whole": None}, id="whole null"),
    pytest.param((*REPORT, "share_of"), {"percent": "1%", "whole": 5000}, id="whole a number"),
    pytest.param((*REPORT, "share_of"), {**SHARE, "record": None}, id="share record null"),
    pytest.param(
        MEASUREMENT,
        reworked(MEASUREMENT, drop=("value",), share_of={"percent": "1%"}),
        id="measurement without value, its share naming no figure",
    ),
    pytest.param(
        MEASUREMENT,
        reworked(MEASUREMENT, drop=("value",), share_of={"percent": "1%", "figure": "area"}),
        id="measurement without value, its share naming another field",
    ),
    pytest.param((*CLAIM, "revises"), "a claim", id="revises with a space"),
    pytest.param((*CLAIM, "revises"), 3, id="revises as a number"),
    pytest.param((*ALLEGATION, "evidence"), "alleged", id="unknown evidence state"),
    pytest.param((*ALLEGATION, "denied_by"), ["isw"], id="denied_by without denied"),
    pytest.param((*ALLEGATION, "denied_by"), "isw", id="denied_by as text"),
    pytest.param((*ALLEGATION, "denied_by"), None, id="denied_by null"),
    pytest.param(
        (*ALLEGATION, "denied_by"), [{"id": "isw", "name": "ISW"}], id="denier as an object"
    ),
    pytest.param((*ALLEGATION, "status"), "denied", id="evidence state as status"),
    pytest.param((*LOSS, "equipment"), DELETE, id="materiel loss without equipment"),
    pytest.param((*LOSS, "equipment"), {}, id="materiel loss with no equipment type"),
    pytest.param((*LOSS, "equipment"), None, id="equipment null"),
    pytest.param((*LOSS, "equipment"), ["tanks"], id="equipment as a list"),
    pytest.param((*LOSS, "equipment"), {"tanks": None}, id="equipment count null"),
    pytest.param((*LOSS, "equipment"), {"tanks": -1}, id="negative equipment count"),
    pytest.param(
        (*LOSS, "equipment"), {"tanks": {"total": 9, "tally": "running"}}, id="equipment tally"
    ),
    pytest.param((*LOSS, "fate"), "sunk", id="unknown fate"),
    pytest.param((*LOSS, "status"), "confirmed", id="unknown materiel status"),
    pytest.param((*MEASUREMENT, "measure"), "Force size", id="measure with capitals"),
    pytest.param((*MEASUREMENT, "measure"), "-range", id="measure starting with a hyphen"),
    pytest.param((*MEASUREMENT, "measure"), "range\n", id="measure with a newline"),
    pytest.param((*MEASUREMENT, "measure"), "m" * 101, id="measure of 101 characters"),
    pytest.param((*MEASUREMENT, "measure"), DELETE, id="measurement without measure"),
    pytest.param((*MEASUREMENT, "measure"), None, id="measure null"),
    pytest.param((*MEASUREMENT, "value"), DELETE, id="measurement without value"),
    pytest.param((*MEASUREMENT, "value"), None, id="value of a known measure null"),
    pytest.param((*MEASUREMENT, "of"), ["Sudzha"], id="of as a list"),
]

# Documents both accept: the forms the schema must not refuse.
ACCEPTED: Final = [
    pytest.param((), None, id="the small document"),
    pytest.param(("regions",), DELETE, id="no regions"),
    pytest.param(("incursion",), 1.0, id="format version 1.0"),
    pytest.param(("sources", 0, "kind"), None, id="source kind null"),
    pytest.param(("sources", 0, "reliability"), "B", id="reliability B"),
    pytest.param(("sources", 0, "name"), "", id="empty source name"),
    pytest.param(("regions", 0, "area"), None, id="region area null"),
    pytest.param((*CLAIM, "region"), "kursk-oblast", id="region listed"),
    pytest.param((*CLAIM, "region"), None, id="region null"),
    pytest.param((*CLAIM, "citation"), None, id="citation null"),
    pytest.param((*CLAIM, "citation"), {"published": None}, id="published null"),
    pytest.param((*CLAIM, "credibility"), None, id="credibility null"),
    pytest.param((*CLAIM, "subject"), "s" * 200, id="subject of 200 characters"),
    pytest.param((*CLAIM, "id"), "c" * 128, id="id of 128 characters"),
    pytest.param((*CLAIM, "as_of"), "2024-W33", id="ISO week"),
    pytest.param((*CLAIM, "as_of"), "2024-08", id="month"),
    pytest.param((*CLAIM, "as_of"), "2024", id="year"),
    pytest.param((*CLAIM, "as_of"), "2024-06-01/2024-08-31", id="span as text"),
    pytest.param(
        (*CLAIM, "as_of"),
        {"start": "2024-08-01", "end": "2024-08-31", "precision": "month"},
        id="month as an object",
    ),
    pytest.param((*CLAIM, "area"), {"value": 1000, "unit": "km²"}, id="value and unit"),
    pytest.param(
        (*CLAIM, "area"),
        {"value": 1000, "unit": "km²", "hedge": "about", "word": "AROUND"},
        id="hedge word in capitals",
    ),
    pytest.param(
        (*CLAIM, "area"),
        {"hedge": "between", "low": 800, "high": 1200, "unit": "km²", "word": "about"},
        id="between as its midpoint",
    ),
    pytest.param(
        (*CLAIM, "area"),
        {"value": 1000, "unit": "km²", "low": None, "word": None, "text": None},
        id="optional keys null",
    ),
    pytest.param(
        (*CLAIM, "area"),
        {
            "value": 1000,
            "unit": "km²",
            "hedge": "about",
            "precision": 1,
            "equivalents": ["386 sq mi", {"value": 386, "unit": "sq mi", "precision": None}],
            "text": "about 1,000 km²",
            "policy": {"about_margin": 0.25, "nearly_margin": 0, "min_significant": 3},
        },
        id="every key of a figure",
    ),
    pytest.param((*REPORT, "killed"), 12, id="count as a number"),
    pytest.param(
        (*REPORT, "killed"),
        {"total": "121", "parts": {"children": "10"}, "complete": False},
        id="count with parts",
    ),
    pytest.param((*REPORT, "wounded"), None, id="a null count beside another"),
    pytest.param((*ASSESSMENT, "likelihood"), "unlikely", id="bare term"),
    pytest.param((*ASSESSMENT, "likelihood"), {"term": "unlikely"}, id="term without scale"),
    pytest.param((*ASSESSMENT, "likelihood"), {"scale": None, "term": "x"}, id="scale null"),
    pytest.param(
        (*ASSESSMENT, "likelihood"),
        {"scale": "phia", "term": " Highly\u00a0 LIKELY "},
        id="term in capitals and spaces",
    ),
    pytest.param(
        (*ASSESSMENT, "likelihood"),
        {"scale": "phia", "term": "li\u212aely"},
        id="term with a Kelvin sign",
    ),
    pytest.param((*ASSESSMENT, "confidence"), None, id="confidence null"),
    pytest.param((*CLAIM, "predicate"), None, id="predicate null"),
    pytest.param((*CLAIM, "status"), None, id="status null"),
    pytest.param((*CLAIM, "status"), "documented", id="status documented"),
    pytest.param((*REPORT, "population"), None, id="population null"),
    pytest.param(
        (*REPORT, "killed"),
        {"total": "8,491", "change": "+7", "tally": "cumulative"},
        id="count with change and tally",
    ),
    pytest.param(
        (*REPORT, "killed"),
        {"total": 120, "parts": {"children": 10}, "complete": False, "change": 7, "tally": None},
        id="count with a bare change",
    ),
    pytest.param(
        (*REPORT, "killed"),
        {"total": "12", "change": {"value": 2, "hedge": "at-least"}, "tally": "stock"},
        id="count with a change object",
    ),
    pytest.param((*REPORT, "killed"), {"total": "12", "change": None}, id="change null"),
    pytest.param((*REPORT, "killed"), {"total": "12", "change": " +2 "}, id="change with spaces"),
    pytest.param(
        (*REPORT, "killed"),
        {"total": "12", "change": "+2" + " " * 400},
        id="signed change of 402 characters",
    ),
    pytest.param((*REPORT, "group"), "children", id="casualty group"),
    pytest.param((*REPORT, "status"), "documented", id="casualty status documented"),
    pytest.param((*REPORT, "killed_and_wounded"), "about 40", id="killed and wounded"),
    pytest.param(
        (*REPORT, "losses"),
        {"total": "at least 60", "parts": {"civilians": 20}, "tally": "cumulative"},
        id="losses with parts",
    ),
    pytest.param((*REPORT, "within"), WITHIN, id="within"),
    pytest.param((*REPORT, "within"), {**WITHIN, "figure": "killed"}, id="within with figure"),
    pytest.param((*REPORT, "within"), None, id="within null"),
    pytest.param((*REPORT, "share_of"), SHARE, id="share_of"),
    pytest.param(
        (*REPORT, "share_of"),
        {**SHARE, "figure": "killed", "percent": {"value": 0.24, "unit": "%"}},
        id="share_of with figure and a percent object",
    ),
    pytest.param((*REPORT, "share_of"), None, id="share_of null"),
    pytest.param((*REPORT, "share_of"), {"percent": "0.24%"}, id="share_of no whole"),
    pytest.param(
        (*REPORT, "share_of"),
        {"percent": "about 0.2 percent", "whole": "the town's people"},
        id="share_of a whole in words",
    ),
    pytest.param(
        REPORT,
        reworked(REPORT, drop=("killed",), share_of={**SHARE, "figure": "killed"}),
        id="killed stated only as a share",
    ),
    pytest.param(
        MEASUREMENT,
        reworked(
            MEASUREMENT,
            drop=("value",),
            share_of={"percent": "almost 90%", "whole": "the oblast's people", "figure": "value"},
        ),
        id="measurement stated only as a share",
    ),
    pytest.param((*CLAIM, "revises"), None, id="revises null"),
    pytest.param(
        ALLEGATION,
        reworked(ALLEGATION, evidence="denied", denied_by=["isw"], status="claimed", count="3"),
        id="evidence denied with denied_by",
    ),
    pytest.param((*ALLEGATION, "denied_by"), [], id="denied_by empty"),
    pytest.param((*ALLEGATION, "evidence"), "disputed", id="evidence disputed"),
    pytest.param((*ALLEGATION, "evidence"), "under-investigation", id="under investigation"),
    pytest.param(
        LOSS,
        reworked(
            LOSS,
            party="Russia",
            fate="destroyed",
            status="documented",
            equipment={
                "tanks": "12",
                "IFVs": 30,
                "armoured vehicles": {
                    "total": "47",
                    "parts": {"tanks": 9, "IFVs": "20"},
                    "complete": False,
                },
                "artillery systems": {"total": "8,491", "change": "+7", "tally": "cumulative"},
            },
        ),
        id="materiel loss with every key",
    ),
    pytest.param((*LOSS, "fate"), None, id="fate null"),
    pytest.param((*LOSS, "fate"), "lost", id="fate lost"),
    pytest.param(
        MEASUREMENT,
        reworked(
            MEASUREMENT,
            measure="evacuated",
            of="Kursk Oblast",
            status="claimed",
            value={"total": "more than 120,000", "change": "+3,000", "tally": "cumulative"},
        ),
        id="measurement with a count object",
    ),
    pytest.param((*MEASUREMENT, "measure"), "shelters-open", id="measure of no known name"),
    pytest.param((*MEASUREMENT, "measure"), "m" * 100, id="measure of 100 characters"),
    pytest.param((*MEASUREMENT, "value"), 5000, id="measurement as a bare number"),
]

# Documents only loads refuses: the schema cannot tell (see the module docstring).
ONLY_LOADS: Final = [
    pytest.param(("records", 1, "id"), "claim", id="duplicate record id"),
    pytest.param(
        ("regions",), [{"id": "kursk-oblast", "name": "Kursk"}] * 2, id="duplicate region id"
    ),
    pytest.param(("sources",), [{"id": "isw", "name": "ISW"}] * 2, id="duplicate source id"),
    pytest.param((*CLAIM, "source"), "putin", id="unknown source"),
    pytest.param((*CLAIM, "region"), "sumy-oblast", id="unknown region"),
    pytest.param((*CLAIM, "area"), "lots of ground", id="text that is no figure"),
    pytest.param((*CLAIM, "area"), "2,000 kilometres", id="length as an area"),
    pytest.param((*CLAIM, "area"), {"value": 5, "unit": "widgets"}, id="unknown unit"),
    pytest.param((*REPORT, "killed"), 12.5, id="half a person"),
    pytest.param(
        (*CLAIM, "area"),
        {"value": 1200, "unit": "km²", "hedge": "about", "text": "about 1,000 km²"},
        id="text disagreeing with value",
    ),
    pytest.param(
        (*CLAIM, "area"),
        {"value": 1000, "unit": "km²", "hedge": "about", "word": "nearly"},
        id="word of another hedge",
    ),
    pytest.param(
        (*CLAIM, "area"),
        {"hedge": "between", "low": 1200, "high": 800, "unit": "km²"},
        id="low above high",
    ),
    pytest.param(
        (*CLAIM, "area"),
        {"value": 5, "unit": "km²", "equivalents": ["3 miles"]},
        id="equivalent of another dimension",
    ),
    pytest.param((*CLAIM, "area"), {"value": 1e308, "unit": "sq mi"}, id="too large"),
    pytest.param((*CLAIM, "as_of"), "2024-02-30", id="30 February"),
    pytest.param((*CLAIM, "as_of"), "2023-W53", id="week 53 of 2023"),
    pytest.param((*CLAIM, "as_of"), "2024-08-31/2024-06-01", id="span backwards"),
    pytest.param(
        (*CLAIM, "as_of"),
        {"start": "2024-08-01", "end": "2024-08-30", "precision": "month"},
        id="precision that does not fit",
    ),
    pytest.param((*CLAIM, "credibility"), 2.0, id="credibility 2.0"),
    pytest.param((*REPORT, "within"), {**WITHIN, "record": "village"}, id="relation to no record"),
    pytest.param((*REPORT, "within"), {**WITHIN, "field": "area"}, id="relation to no figure"),
    pytest.param((*CLAIM, "within"), WITHIN, id="area within people"),
    pytest.param((*REPORT, "within"), {**WITHIN, "figure": "wounded"}, id="no figure of its own"),
    pytest.param((*REPORT, "share_of"), {**SHARE, "percent": 0.24}, id="percent as a number"),
    pytest.param((*REPORT, "share_of"), {**SHARE, "percent": "12 km²"}, id="percent an area"),
    pytest.param((*CLAIM, "revises"), "claim", id="revises itself"),
    pytest.param((*CLAIM, "revises"), "earlier", id="revises no record"),
    pytest.param((*CLAIM, "revises"), "allegation", id="revises another kind"),
    pytest.param(
        ALLEGATION,
        reworked(ALLEGATION, evidence="denied", denied_by=["putin"]),
        id="denied by an unknown source",
    ),
    pytest.param((*REPORT, "killed"), {"total": "12", "change": "-2"}, id="change as -2"),
    pytest.param((*LOSS, "equipment"), {"kilometres": 3}, id="equipment type of no count"),
    pytest.param((*LOSS, "equipment"), {"tanks": "3 km"}, id="equipment count a length"),
    pytest.param(
        (*LOSS, "equipment"),
        {"armoured vehicles": {"total": 9, "parts": {"tanks": "2 km"}}},
        id="equipment part a length",
    ),
    pytest.param((*MEASUREMENT, "value"), "10 km", id="population a length"),
]


class TestTheSchema:
    def test_is_a_valid_draft_2020_12_schema(self) -> None:
        """The schema is itself valid under the draft 2020-12 metaschema."""
        Draft202012Validator.check_schema(SCHEMA)
        assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert SCHEMA["$id"] == SCHEMA_ID

    def test_shipped_copy_is_the_schema(self) -> None:
        """The copy in incursion/data is what schema() builds now."""
        assert json.loads(SHIPPED.read_text(encoding="utf-8")) == SCHEMA, REGENERATE

    def test_shipped_copy_is_written_as_schema_text(self) -> None:
        """The copy is written exactly as schema_text() writes it, so regenerating is a no-op."""
        assert SHIPPED.read_text(encoding="utf-8") == schema_text(), REGENERATE

    def test_each_call_builds_a_new_schema(self) -> None:
        """Changing a returned schema does not change the next."""
        changed = schema()
        changed["$defs"].clear()
        assert schema() == SCHEMA

    @pytest.mark.parametrize(
        ("name", "cls"),
        [
            *((cls.__name__, cls) for cls in RECORD_TYPES.values()),
            ("Source", Source),
            ("Citation", Citation),
            ("Region", Region),
            ("Policy", incursion.Policy),
            ("CountObject", Count),
            ("Relation", Relation),
            ("Share", Share),
            ("SpanObject", Span),
            ("LikelihoodObject", incursion.Likelihood),
        ],
    )
    def test_every_field_is_a_property(self, name: str, cls: type) -> None:
        """Each class's fields are exactly its definition's properties (and a record's kind)."""
        fields = {a.name for a in attrs.fields(cls) if a.init}
        properties = set(SCHEMA["$defs"][name]["properties"])
        assert properties == fields | ({"kind"} if cls in RECORD_TYPES.values() else set())

    @pytest.mark.parametrize(
        ("name", "keys"),
        [
            ("FigureObject", _ESTIMATE_KEYS),
            ("Equivalent", _EQUIVALENT_KEYS),
            ("CountObject", _COUNT_KEYS),
            ("SpanObject", _SPAN_KEYS),
            ("Policy", _POLICY_KEYS),
        ],
    )
    def test_object_forms_take_the_loaders_keys(self, name: str, keys: frozenset[str]) -> None:
        """The hand-written object forms list exactly the keys the loader accepts."""
        definition = SCHEMA["$defs"][name]
        assert set(definition["properties"]) == keys
        assert definition["additionalProperties"] is False

    def test_the_top_level_takes_the_loaders_keys(self) -> None:
        """The top level lists the loader's keys and requires all but regions."""
        assert set(SCHEMA["properties"]) == set(_TOP_KEYS)
        assert SCHEMA["required"] == ["incursion", "sources", "records"]

    @pytest.mark.parametrize(
        "enum_type",
        [
            incursion.Predicate,
            incursion.Status,
            incursion.Population,
            incursion.Act,
            incursion.Evidence,
            Fate,
            incursion.Tally,
            incursion.Confidence,
            incursion.Reliability,
            incursion.Hedge,
            incursion.Precision,
        ],
        ids=lambda enum_type: enum_type.__name__,
    )
    def test_enumerations_are_the_enums(self, enum_type: type[enum.Enum]) -> None:
        """Each enumeration lists its enum's values, in order."""
        values = [member.value for member in enum_type]
        assert SCHEMA["$defs"][enum_type.__name__]["enum"] == values

    def test_kinds_and_scales_are_the_loaders(self) -> None:
        """Record kinds are the loader's, scales the built-in ones."""
        assert SCHEMA["$defs"]["Record"]["properties"]["kind"]["enum"] == list(RECORD_TYPES)
        scale = SCHEMA["$defs"]["LikelihoodObject"]["properties"]["scale"]
        assert scale["enum"] == [*SCALES, None]

    def test_descriptions_come_from_docstrings(self) -> None:
        """Classes and fields are described by their docstrings, without markup."""
        claim = SCHEMA["$defs"]["TerritorialClaim"]
        assert claim["description"].startswith("A claim about ground")
        assert claim["properties"]["area"]["description"].startswith("The area (an Estimate")
        assert claim["properties"]["subject"]["description"].startswith("What the record")
        count = SCHEMA["$defs"]["CountObject"]["properties"]["complete"]
        assert "(default false:" in count["description"]  # JSON's words, not Python's

    @pytest.mark.parametrize(
        ("kind", "field", "reading"),
        [
            ("TerritorialClaim", "predicate", "controls"),
            ("TerritorialClaim", "status", "claimed"),
            ("CasualtyReport", "population", "all"),
            ("CasualtyReport", "status", "claimed"),
            ("MaterielLoss", "status", "claimed"),
            ("Allegation", "status", "claimed"),
        ],
    )
    def test_fields_left_out_say_how_they_read(self, kind: str, field: str, reading: str) -> None:
        """Left out or null is unsaid, no default; the description says how it reads."""
        prop = SCHEMA["$defs"][kind]["properties"][field]
        assert "default" not in prop
        assert prop["anyOf"][1] == {"type": "null"}
        assert f"null when not said, read as {reading}" in prop["description"]

    def test_the_loaders_own_forms_of_fields(self) -> None:
        """Fields with their own loader hooks take the hooks' forms, not their classes'."""
        loss = SCHEMA["$defs"]["MaterielLoss"]
        assert "equipment" in loss["required"]
        assert loss["properties"]["equipment"]["minProperties"] == 1
        equipment = SCHEMA["$defs"]["Equipment"]
        assert equipment["additionalProperties"] == {"$ref": "#/$defs/Count"}
        denied_by = SCHEMA["$defs"]["Allegation"]["properties"]["denied_by"]
        assert denied_by["items"] == {"$ref": "#/$defs/SourceId"}
        record = SCHEMA["$defs"]["Measurement"]["properties"]
        assert record["within"]["anyOf"][0] == {"$ref": "#/$defs/Relation"}
        assert record["share_of"]["anyOf"][0] == {"$ref": "#/$defs/Share"}
        assert record["revises"]["type"] == ["string", "null"]
        share = SCHEMA["$defs"]["Share"]
        assert share["required"] == ["percent"]
        assert share["dependentRequired"] == {"record": ["field"], "field": ["record"]}

    def test_a_field_of_an_unknown_type_is_refused(self) -> None:
        """A field the walk cannot map raises, rather than being left out."""

        @attrs.frozen
        class Odd:
            number: complex

        with pytest.raises(TypeError, match="no JSON Schema for the type"):
            _Builder().object_(Odd)

    def test_a_field_with_an_unknown_validator_is_refused(self) -> None:
        """A validator the walk cannot map raises, rather than being left out."""

        @attrs.frozen
        class Short:
            name: str = attrs.field(validator=attrs.validators.max_len(5))

        with pytest.raises(TypeError, match="no JSON Schema for the validator"):
            _Builder().object_(Short)

    def test_a_validator_of_ones_own_states_its_constraint(self) -> None:
        """The schema asks each validator what it constrains: a new one needs no change here."""

        @states(Constraint(max_length=12, pattern="[a-z]+"))
        def code(_: object, attribute: attrs.Attribute[str], value: str) -> None:
            """Short lower-case letters."""

        @attrs.frozen
        class Coded:
            name: str = attrs.field(validator=code)

        shown = _Builder().object_(Coded)["properties"]["name"]
        assert shown["maxLength"] == 12
        assert shown["pattern"] == "^(?:[a-z]+)$(?!\\n)"
        assert constraint_of(code) == Constraint(max_length=12, pattern="[a-z]+")

    def test_a_figure_field_of_ratios_is_refused(self) -> None:
        """A field that may hold negative figures (a ratio) raises: figures are not negative."""

        @attrs.frozen
        class Share:
            share: Estimate | None = attrs.field(default=None, validator=measures("ratio"))

        with pytest.raises(TypeError, match="ratio"):
            _Builder().object_(Share)

    def test_whitespace_and_case_lie_in_the_basic_plane(self) -> None:
        """No character beyond the BMP is whitespace or lower-cases into the BMP."""
        outside = [
            hex(code)
            for code in range(0x10000, 0x110000)
            if chr(code).isspace() or (len(low := chr(code).lower()) == 1 and ord(low) < 0x10000)
        ]
        assert outside == []


class TestValidDocuments:
    def test_the_small_document_has_every_kind(self) -> None:
        """The small document the cases change holds a record of each kind, and loads."""
        assert [r["kind"] for r in document()["records"]] == list(RECORD_TYPES)
        assert loads_error(document()) is None

    def test_the_bundled_example(self) -> None:
        """The Kursk example, as shipped and as dumps writes it, is valid."""
        assert errors(json.loads(kursk_2024_json())) == []
        assert errors(json.loads(dumps(kursk_2024()))) == []

    # Generating documents costs ~0.1 s each and the round-trip tests already draw many:
    # the profile's number of examples, at most 100 (50 locally, 100 in CI).
    @settings(max_examples=min(settings().max_examples, 100))
    @given(documents())
    def test_generated_documents(self, generated: Document) -> None:
        """Every document dumps writes, with records of every kind, is valid."""
        assert errors(json.loads(dumps(generated))) == []

    @pytest.mark.parametrize(("path", "value"), ACCEPTED)
    def test_forms_loads_accepts(self, path: tuple[str | int, ...], value: Any) -> None:
        """Each form loads accepts, the schema accepts."""
        written = changed(path, value) if path else document()
        assert loads_error(written) is None
        assert errors(written) == []


class TestRefusedDocuments:
    @pytest.mark.parametrize(("path", "value"), REFUSED)
    def test_refused_by_both(self, path: tuple[str | int, ...], value: Any) -> None:
        """Each document loads refuses for its structure, the schema refuses too."""
        written = changed(path, value)
        assert loads_error(written) is not None
        assert errors(written) != []

    def test_errors_name_the_path(self) -> None:
        """A schema error points at the object that holds the problem."""
        written = changed((*REPORT, "dead"), "3")
        assert errors(written) == [
            "$.records[1]: Additional properties are not allowed ('dead' was unexpected)"
        ]

    def test_a_needed_field_is_named(self) -> None:
        """A record kind with one field that holds its figures requires it by name."""
        written = changed((*LOSS, "equipment"), DELETE)
        assert errors(written) == ["$.records[4]: 'equipment' is a required property"]

    def test_a_denial_names_the_evidence(self) -> None:
        """Sources that deny an allegation need the evidence denied."""
        written = changed((*ALLEGATION, "denied_by"), ["isw"])
        assert errors(written) == ["$.records[2]: 'evidence' is a required property"]


class TestOnlyLoadsChecks:
    @pytest.mark.parametrize(("path", "value"), ONLY_LOADS)
    def test_accepted_by_the_schema_refused_by_loads(
        self, path: tuple[str | int, ...], value: Any
    ) -> None:
        """What the schema cannot express passes it; loads refuses it."""
        written = changed(path, value)
        assert errors(written) == []
        assert loads_error(written) is not None

    def test_a_key_given_twice(self) -> None:
        """A key given twice parses to one (the last) for the schema; loads refuses it."""
        text = json.dumps(document())[:-1] + ', "incursion": 1}'
        assert errors(json.loads(text)) == []
        with pytest.raises(DocumentError, match="given twice"):
            loads(text)
