"""Records and reports as pandas DataFrames, and DataFrames of figures back to documents.

Install the extra first: ``pip install 'incursion[pandas]'``.

:func:`to_dataframe` gives one row per figure (totals and named parts alike) with the
figure's interval as floats in the canonical unit of its dimension, ready for pandas;
:func:`from_dataframe` reads such a frame back, checking it as :func:`incursion.loads`
checks JSON: every problem is collected and raised in one
:class:`~incursion.exceptions.DocumentError`.  ``from_dataframe(to_dataframe(document))``
equals ``document``, for every kind of record.

Every figure is a row, whatever its record's kind: a casualty count's total and each of
its named parts (``wounded``, ``wounded.parts.children``); each equipment type of a
materiel loss, under its name as written, and its parts (``equipment.armoured vehicles``,
``equipment.armoured vehicles.parts.tanks``); a measurement's figure (``value``).  What a
count says besides its figures is in the columns ``complete`` and ``tally`` (on every
row of the count) and ``change`` (the change since the last report, on its total's row).

Record-level fields are columns repeated on each of a record's rows.  The relations
``within`` and ``share_of`` are flattened into a column per key (``within_record``,
``within_field``, ``within_figure``; ``share_of_record``, ``share_of_field``,
``share_of_figure``, ``share_of_percent``, ``share_of_whole``) rather than kept as JSON
text in one cell, so that they filter, group and join like any other column: merging a
frame with itself on ``within_record`` and ``within_field`` puts each figure beside the
one it lies within.  ``revises`` is a record id; ``denied_by`` the ids of the sources
that deny an allegation, separated by commas.  A field the record leaves unspecified
(``predicate``, ``status``, ``population``) is an empty cell, and reads back unspecified.

Paths in problems name the frame as JSON paths name a document: ``$`` is the frame,
``$.rows[3]`` its fourth row by position (``frame.iloc[3]``, whatever the index says),
``$.rows[3].value`` the ``value`` cell of that row, ``$.rows[3].citation.published`` a
key inside the JSON a cell holds, ``$.columns.value`` the column itself, and
``$.attrs.incursion.sources[0]`` the first source the frame carries in ``frame.attrs``.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import json
import math
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Final, Literal

import attrs

try:
    import numpy as np
    import pandas as pd
except ImportError as error:  # pragma: no cover - tested in a process without pandas
    raise ImportError(
        "incursion.dataframes needs pandas: install it with pip install 'incursion[pandas]'"
    ) from error

from incursion._estimates import Estimate, Hedge
from incursion._likelihood import Likelihood
from incursion._records import (
    MEASURES,
    RECORD_TYPES,
    Count,
    Document,
    MaterielLoss,
    Measurement,
    Record,
    Region,
    Relation,
    Share,
    Tally,
    count_of,
    equipment_unit,
)
from incursion._serialization import (
    equipment_hook,
    field_hooks,
    no_duplicate_keys,
    reject_constant,
    shared_converter,
    structure_document,
    structure_figure,
)
from incursion._sources import Source
from incursion._time import Span
from incursion._units import resolve_unit, within
from incursion._validation import quoted
from incursion.checks import Report, Severity
from incursion.exceptions import DocumentError, IncursionError, Problem

__all__ = ["ATTRS_KEY", "COLUMNS", "REPORT_COLUMNS", "from_dataframe", "to_dataframe"]

#: The key of ``frame.attrs`` under which :func:`to_dataframe` keeps a document's sources
#: and regions, in their JSON form (``{"incursion": 1, "sources": [...], "regions":
#: [...]}``).
#:
#: .. versionadded:: 0.1.0
ATTRS_KEY: Final = "incursion"

# -- the columns ------------------------------------------------------------------------------

_COMMON: Final = (
    "id",
    "source",
    "subject",
    "as_of",
    "citation",
    "credibility",
    "note",
    "revises",
    "within",
    "share_of",
)
_SOURCE_COLUMNS: Final[dict[str, str]] = {
    a.name: "source" if a.name == "id" else f"source_{a.name}" for a in attrs.fields(Source)
}
_FIGURE_COLUMNS: Final = (
    "field",
    "dimension",
    "unit",
    "value",
    "low",
    "high",
    "hedge",
    "word",
    "text",
    "figure",
    "complete",
    "change",
    "tally",
)
#: The columns a figure's other columns show of it (checked against it on the way back).
_VIEWS: Final = ("dimension", "unit", "value", "low", "high", "hedge", "word", "text")
#: The columns of a count as a whole: the same on the rows of its total and its parts.
_COUNT_LEVEL: Final = ("complete", "tally")
_TALLIES: Final = tuple(t.value for t in Tally)
#: The relations every record may have, by field, with their classes.
_RELATION_CLASSES: Final[dict[str, Any]] = {"within": Relation, "share_of": Share}
#: The order of a relation's keys in the columns.
_RELATION_ORDER: Final = ("record", "field", "figure", "percent", "whole")
#: Each relation flattened into a column per key of its JSON object: ``within`` into
#: ``within_record``, ``within_field`` and ``within_figure``.
_RELATION_COLUMNS: Final[dict[str, dict[str, str]]] = {
    name: {
        key: f"{name}_{key}"
        for key in sorted(
            (a.name for a in attrs.fields(cls)),
            key=lambda k: (
                _RELATION_ORDER.index(k) if k in _RELATION_ORDER else len(_RELATION_ORDER)
            ),
        )
    }
    for name, cls in _RELATION_CLASSES.items()
}
#: The keys each relation must have (those without a default).
_RELATION_REQUIRED: Final[dict[str, frozenset[str]]] = {
    name: frozenset(a.name for a in attrs.fields(cls) if a.default is attrs.NOTHING)
    for name, cls in _RELATION_CLASSES.items()
}
#: What each key of a relation holds, for the message when it is missing.
_RELATION_KEYS: Final = {
    "record": "the id of the record that holds the wider figure",
    "field": 'the field of that record ("area", "equipment.tanks")',
    "percent": 'the share as stated ("85%")',
}


def _kind_columns() -> dict[str, tuple[str, ...]]:
    """Each record kind's own columns: its fields that are neither common nor figures."""
    out = {}
    for kind, cls in RECORD_TYPES.items():
        names: list[str] = []
        for a in attrs.fields(cls):
            if a.name in _COMMON or "tally" in a.metadata or a.metadata.get("equipment"):
                continue
            names.append(a.name)
            if a.name == "likelihood":
                names.append("likelihood_scale")
        out[kind] = tuple(names)
    return out


_KIND_COLUMNS: Final = _kind_columns()
_OWN_COLUMNS: Final = frozenset(c for names in _KIND_COLUMNS.values() for c in names)

#: The columns of a frame of records, in order.  One row per figure:
#:
#: - ``id``, ``kind``: the record's id and kind (``"territorial-claim"``, …);
#: - ``source``, ``source_name``, ``source_side``, ``source_role``, ``source_organisation``,
#:   ``source_kind``, ``source_reliability``: the record's source, its id and fields;
#: - ``subject``; ``as_of`` as a document writes it (``"2024-08-12"``, ``"2024-W33"``,
#:   ``"2024-06-01/2024-08-31"``), with its first and last days in ``as_of_start`` and
#:   ``as_of_end`` (``datetime64``);
#: - ``field``: the figure's field (``"area"``, ``"value"`` for a measurement's value),
#:   ``"equipment.tanks"`` for an equipment type of a materiel loss (the type as written),
#:   or ``"wounded.parts.children"`` (``"equipment.tanks.parts.T-72"``) for a named part of
#:   a count; empty on the one row of a record without figures;
#: - ``dimension`` (``"area"``, ``"person"``, …), ``unit`` (the canonical unit of the
#:   dimension, ``"kilometer ** 2"``), ``value``, ``low`` and ``high`` (floats in that unit;
#:   ``high`` is NaN when the wording sets no upper bound), ``hedge`` (``"about"``),
#:   ``word`` (``"around"``) and ``text`` (the words as written): what the figure says;
#: - ``figure``: the figure itself in its JSON form, as a document writes it: its words
#:   (``"around 1,000 square kilometres (386 square miles)"``), or a JSON object as text
#:   (``'{"value": 12.5, "unit": "kilometer", "hedge": "about"}'``);
#: - ``complete`` and ``tally``: for a count (of people, of equipment, a measurement's
#:   value), whether its parts add up to its total, and the tally it states
#:   (``"cumulative"`` or ``"stock"``; empty where the field's own applies), on the rows of
#:   its total and of each part alike; empty for a figure that is no count;
#: - ``change``: a count's change since the last report (``"7"`` of "8,491 (+7)"), as
#:   ``figure`` writes a figure, on the row of its total only;
#: - ``citation`` (a JSON object as text), ``credibility`` and ``note``;
#: - ``revises``: the id of the record this one revises;
#: - the relations, one column per key: ``within_record``, ``within_field`` and
#:   ``within_figure`` (the figure of this record that lies within the other's, where the
#:   record holds more than one), and ``share_of_record``, ``share_of_field``,
#:   ``share_of_figure``, ``share_of_percent`` (as ``figure`` writes a figure:
#:   ``"about 85%"``) and ``share_of_whole`` (the whole in words, when it is not
#:   recorded); empty where the record has none;
#: - each kind's own fields: ``controller``, ``predicate``, ``status``, ``region``
#:   (territorial claims), ``party``, ``population``, ``group``, ``status`` (casualty
#:   reports), ``accused``, ``act``, ``status``, ``evidence``, ``denied_by`` (the ids of the
#:   sources that deny it, separated by commas: ``"mod-ru, kremlin"``) (allegations),
#:   ``proposition``, ``likelihood`` (the term), ``likelihood_scale``, ``confidence``,
#:   ``horizon`` (assessments), ``party``, ``fate``, ``status`` (materiel losses),
#:   ``measure``, ``of``, ``status`` (measurements); empty on other kinds, and where a
#:   field is not given (``predicate``, ``status``, ``population``: unspecified).
#:
#: .. versionadded:: 0.1.0
COLUMNS: Final[tuple[str, ...]] = (
    "id",
    "kind",
    *_SOURCE_COLUMNS.values(),
    "subject",
    "as_of",
    "as_of_start",
    "as_of_end",
    *_FIGURE_COLUMNS,
    "citation",
    "credibility",
    "note",
    "revises",
    *(c for columns in _RELATION_COLUMNS.values() for c in columns.values()),
    *dict.fromkeys(c for names in _KIND_COLUMNS.values() for c in names),
)

#: The columns of a frame of a report's findings, in order.  One row per finding, with
#: ``check``, ``severity`` (an ordered categorical, ``info`` < ``warning`` < ``error``),
#: ``records`` and ``paths`` (tuples of text), ``message``, ``explanation`` and
#: ``figures`` (a tuple of ``(label, value)`` pairs).
#:
#: .. versionadded:: 0.1.0
REPORT_COLUMNS: Final[tuple[str, ...]] = (
    "check",
    "severity",
    "records",
    "paths",
    "message",
    "explanation",
    "figures",
)

#: The columns a frame must have to be read back (the others may be left out).
_REQUIRED: Final = ("id", "kind", "source", "subject", "as_of", "field", "figure")
#: Record-level columns whose cells must agree on every row of one record.
_RECORD_LEVEL: Final = tuple(
    c
    for c in COLUMNS
    if c not in _FIGURE_COLUMNS
    and c not in ("id", "as_of_start", "as_of_end")
    and not c.startswith("source_")
)
_FLOATS: Final = ("value", "low", "high")
#: Each kind's columns of other kinds: empty on its rows.
_NOT_OWN: Final = {
    kind: tuple(c for c in COLUMNS if c in _OWN_COLUMNS and c not in own)
    for kind, own in _KIND_COLUMNS.items()
}
_DATES: Final = ("as_of_start", "as_of_end")
_RECORD_CLASSES: Final = tuple(RECORD_TYPES.values())


# -- to a frame -------------------------------------------------------------------------------


def to_dataframe(data: Document | Report | Iterable[Record]) -> pd.DataFrame:
    """Make a DataFrame of a document's or some records' figures, or of a report's findings.

    For records: one row per figure, totals and named parts of counts alike, in the order
    of :data:`COLUMNS`; a record without any figure gives one row whose figure columns are
    empty.  The ``figure`` column and the record-level columns hold everything a record
    has, so :func:`from_dataframe` can rebuild it exactly.  For a document, ``frame.attrs``
    also keeps its sources (those no record cites too, in their order) and its regions
    under :data:`ATTRS_KEY`.

    For a :class:`~incursion.checks.Report`: one row per finding, with the columns of
    :data:`REPORT_COLUMNS`.

    >>> from incursion.dataframes import to_dataframe
    >>> frame = to_dataframe(kursk_2024())
    >>> area = frame.iloc[0]
    >>> print(area.id, area.field, area.value, area.low, area.high, area.unit)
    syrskyi-0812 area 1000.0 900.0 1100.0 kilometer ** 2

    Args:
        data: A document, records, or a report.

    Returns:
        A new DataFrame, indexed from 0.

    Raises:
        TypeError: ``data`` is none of those.

    .. versionadded:: 0.1.0
    """
    if isinstance(data, Report):
        return _report_frame(data)
    if isinstance(data, Document):
        frame = _records_frame(data.records)
        frame.attrs[ATTRS_KEY] = _carried(data)
        return frame
    return _records_frame(tuple(data))


def _carried(document: Document) -> dict[str, Any]:
    """What a frame keeps of a document besides its records, in JSON form."""
    conv = shared_converter()
    return {
        "incursion": 1,
        "sources": [conv.unstructure(s, Source) for s in document.sources],
        "regions": [conv.unstructure(r, Region) for r in document.regions],
    }


def _records_frame(records: Iterable[Record]) -> pd.DataFrame:
    columns: dict[str, list[Any]] = {name: [] for name in COLUMNS}
    record_columns = [c for c in COLUMNS if c not in _FIGURE_COLUMNS]
    conv = shared_converter()
    for record in records:
        if not isinstance(record, _RECORD_CLASSES):
            raise TypeError(
                f"expected a Document, records or a Report, got {type(record).__name__} "
                "among the records"
            )
        # The record as a document writes it: figures, counts and relations in their
        # JSON form, which the cells keep and from_dataframe reads back.
        written = conv.unstructure(record, type(record))
        cells = _record_cells(record, written)
        rows = list(_figure_rows(record, written)) or [{}]
        for row in rows:
            for name in record_columns:
                columns[name].append(cells.get(name))
            for name in _FIGURE_COLUMNS:
                columns[name].append(row.get(name))
    data: dict[str, Any] = dict(columns)
    for name in _FLOATS:
        data[name] = pd.array(columns[name], dtype="float64")
    for name in _DATES:
        data[name] = pd.Series(np.array(columns[name], dtype="datetime64[s]"))
    data["credibility"] = pd.array(columns["credibility"], dtype="Int64")
    data["complete"] = pd.array(columns["complete"], dtype="boolean")
    return pd.DataFrame(data, columns=list(COLUMNS))


def _record_cells(record: Record, written: dict[str, Any]) -> dict[str, Any]:
    """The record-level cells of a record: the same on each of its rows."""
    cells: dict[str, Any] = {"id": record.id, "kind": record.kind}
    for name, column in _SOURCE_COLUMNS.items():
        cells[column] = _plain(getattr(record.source, name))
    span = record.as_of
    cells["subject"] = record.subject
    cells["as_of"] = str(span)
    cells["as_of_start"] = span.start
    cells["as_of_end"] = span.end
    if "citation" in written:
        cells["citation"] = json.dumps(written["citation"], ensure_ascii=False)
    cells["credibility"] = record.credibility
    cells["note"] = record.note
    cells["revises"] = record.revises
    for name, columns in _RELATION_COLUMNS.items():
        relation = written.get(name) or {}
        for key, column in columns.items():
            cells[column] = _figure_text(relation.get(key))
    for name in _KIND_COLUMNS[record.kind]:
        if name == "likelihood_scale":
            continue
        value = getattr(record, name)
        if isinstance(value, Likelihood):
            cells["likelihood"] = value.term
            cells["likelihood_scale"] = value.scale
        elif isinstance(value, tuple):  # denied_by: sources, by id
            cells[name] = ", ".join(source.id for source in value) or None
        else:
            cells[name] = _plain(value)
    return cells


def _plain(value: Any) -> Any:
    """An enumeration member as its value; anything else as it is."""
    return value.value if isinstance(value, enum.Enum) else value


def _figure_rows(record: Record, written: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """One row per figure of a record: each total, then the parts of its count."""
    for field, value in record.figure_items():
        if field.startswith("equipment.") and isinstance(record, MaterielLoss):
            form = written["equipment"][field.removeprefix("equipment.")]
        else:
            form = written[field]
        if not isinstance(value, Count):
            yield {"field": field, **_views(value), "figure": _figure_text(form)}
            continue
        # A count is written as its total alone, or as an object with a total.
        count = form if isinstance(form, dict) and "total" in form else {"total": form}
        shared = {"complete": value.complete, "tally": count.get("tally")}
        yield {
            "field": field,
            **_views(value.total),
            "figure": _figure_text(count["total"]),
            **shared,
            "change": _figure_text(count.get("change")),
        }
        for part in value.parts:
            yield {
                "field": f"{field}.parts.{part.name}",
                **_views(part.estimate),
                "figure": _figure_text(count["parts"][part.name]),
                **shared,
            }


def _figure_text(written: Any) -> Any:
    """A figure in its JSON form as a cell: its words, or its JSON object as text."""
    if written is None or isinstance(written, str):
        return written
    return json.dumps(written, ensure_ascii=False)


def _views(estimate: Estimate) -> dict[str, Any]:
    """The columns that only show a figure: its dimension, interval, hedge and words."""
    return {
        "dimension": estimate.dimension,
        "unit": estimate.canonical_unit,
        "value": estimate.canonical_value,
        "low": estimate.canonical_low,
        "high": estimate.canonical_high,
        "hedge": estimate.hedge.value,
        "word": estimate.word,
        "text": estimate.text,
    }


def _report_frame(report: Report) -> pd.DataFrame:
    findings = report.findings
    severities = [s.value for s in sorted(Severity, key=lambda s: s.rank)]
    return pd.DataFrame(
        {
            "check": [f.check for f in findings],
            "severity": pd.Categorical(
                [f.severity.value for f in findings], categories=severities, ordered=True
            ),
            "records": pd.Series([f.records for f in findings], dtype=object),
            "paths": pd.Series([f.paths for f in findings], dtype=object),
            "message": [f.message for f in findings],
            "explanation": [f.explanation for f in findings],
            "figures": pd.Series([f.figures for f in findings], dtype=object),
        },
        columns=list(REPORT_COLUMNS),
    )


# -- from a frame -----------------------------------------------------------------------------


def from_dataframe(
    frame: pd.DataFrame,
    *,
    sources: Iterable[Source] | None = None,
    regions: Iterable[Region] | None = None,
) -> Document:
    """Build a document from a DataFrame of figures, as :func:`to_dataframe` makes them.

    Rows are grouped into records by ``id``, in the order the ids first appear; a count's
    named parts keep the order of their rows.  The columns ``id``, ``kind``, ``source``,
    ``subject``, ``as_of``, ``field`` and ``figure`` are required; any other column of
    :data:`COLUMNS` may be left out (a record-level field left out, or empty, takes its
    default), and a column outside :data:`COLUMNS` is an error: drop columns of your own
    first.  The index is ignored.

    Each figure is read from its ``figure`` cell, in either form a document allows (its
    words, or a figure object as JSON text or a :class:`dict`); so are a count's
    ``change`` and a share's ``share_of_percent``.  The columns that show a figure
    (``dimension``, ``unit``, ``value``, ``low``, ``high``, ``hedge``, ``word``, ``text``),
    and ``as_of_start`` and ``as_of_end``, are checked against what they show (floats to
    nine significant digits); a changed ``value`` is an error, never a change of the
    figure.  Record-level cells must agree on every row of a record, a count's
    ``complete`` and ``tally`` on every row of the count, and the source columns on every
    row that names the same source.  ``denied_by`` may also hold a list of source ids.

    The sources are ``sources`` if given, else those the frame carries in
    ``frame.attrs["incursion"]`` (a frame made from a document does), else they are built
    from the source columns (``source_name`` is then required; they describe only the
    sources records cite, so a frame with a denial by a source no record cites needs
    ``sources``).  The regions likewise: ``regions``, else ``frame.attrs``, else none.

    Cells that pandas changed on the way are taken for what they mean: a whole float
    credibility (``3.0``) is that whole number; a date or midnight timestamp in ``as_of``
    is that day.  A CSV file keeps neither ``frame.attrs`` nor the columns' types: give
    ``sources`` and ``regions``, and read the text columns as text (``dtype=str`` for all
    but ``value``, ``low``, ``high``, ``credibility`` and ``complete``), or pandas reads an
    ``as_of`` of ``2024`` or a figure of ``28`` as a number.  Empty text comes back from a
    CSV file as a missing value.

    >>> from incursion.dataframes import from_dataframe, to_dataframe
    >>> document = kursk_2024()
    >>> from_dataframe(to_dataframe(document)) == document
    True

    Args:
        frame: The figures, one row per figure.
        sources: The sources the records cite (all the document's sources).
        regions: The regions claims name.

    Returns:
        The document, every record validated.

    Raises:
        DocumentError: Something is wrong; ``.problems`` lists every problem, each with
            its path (``$.rows[3].hedge: hedge must be one of …``), in row order.
        TypeError: ``frame`` is not a DataFrame.

    .. versionadded:: 0.1.0
    """
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"expected a pandas DataFrame, got {type(frame).__name__}")
    return _Reader(frame, sources, regions).read()


_Origin = Literal["rows", "attrs", "argument"]
_MISSING: Final = object()


@attrs.define
class _Locator:
    """Where a record's parts are in the frame: for mapping JSON paths back to cells."""

    first: int
    kind: str
    figures: dict[tuple[str, str | None], int] = attrs.field(factory=dict)
    #: Whether cells of the record were left out for problems already reported.
    partial: bool = False


class _Reader:
    """One reading of a frame: the cells, the problems found so far, and the rows of each."""

    def __init__(
        self,
        frame: pd.DataFrame,
        sources: Iterable[Source] | None,
        regions: Iterable[Region] | None,
    ) -> None:
        self.frame = frame
        self.given_sources = sources
        self.given_regions = regions
        self.problems: list[Problem] = []
        self.cells: dict[str, list[Any]] = {}
        self.locators: list[_Locator] = []
        self.source_rows: list[int] = []
        self.source_origin: _Origin = "rows"
        self.region_origin: _Origin = "rows"
        self.partial: set[str] = set()

    def problem(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message))

    # -- the steps -----------------------------------------------------------------------

    def read(self) -> Document:
        meta = self.frame.attrs.get(ATTRS_KEY, _MISSING)
        if self.given_sources is not None:
            self.source_origin = "argument"
        elif meta is not _MISSING:
            self.source_origin = "attrs"
        if self.given_regions is not None:
            self.region_origin = "argument"
        elif meta is not _MISSING:
            self.region_origin = "attrs"
        if not self.columns():
            raise DocumentError(self.problems)
        groups = self.groups()
        raw_records = [r for r in (self.record(i, rows) for i, rows in groups.items()) if r]
        self.partial = {f"$.rows[{loc.first}]" for loc in self.locators if loc.partial}
        raw: dict[str, Any] = {"incursion": 1, "records": raw_records}
        listed = self.sources(meta)
        if listed is not _MISSING:  # else reported as missing
            raw["sources"] = listed
        raw["regions"] = self.regions(meta)
        if isinstance(meta, dict) and "attrs" in (self.source_origin, self.region_origin):
            raw.pop("incursion")
            if "incursion" in meta:
                raw["incursion"] = meta["incursion"]
        reported = {p.path for p in self.problems}
        try:
            document = structure_document(raw)
        except DocumentError as error:
            for problem in error.problems:
                path = self.where(problem.path, problem.message)
                # A cell already reported, or a record left partial by one: said once.
                if path not in reported and path not in self.partial:
                    self.problem(path, self.reword(problem.message, path))
            raise DocumentError(self.ordered() or error.problems) from None
        if self.problems:
            raise DocumentError(self.ordered())
        return document

    def ordered(self) -> list[Problem]:
        """The problems found, each once: those of columns, then sources, then by row."""
        return sorted(dict.fromkeys(self.problems), key=_row_order)

    def columns(self) -> bool:
        """Check the column names and take the cells; ``False`` if a column is missing."""
        names = list(self.frame.columns)
        seen: set[object] = set()
        for name in names:
            if name in seen:
                self.problem(f"$.columns.{name}", "column given twice")
            seen.add(name)
            if name not in COLUMNS:
                self.problem(
                    f"$.columns.{name}",
                    "unexpected column: the columns are those of incursion.dataframes.COLUMNS; "
                    "drop columns of your own before converting",
                )
        required = list(_REQUIRED)
        if self.source_origin == "rows":
            required.append("source_name")
        for name in required:
            if name not in seen:
                extra = (
                    " (the frame carries no sources in frame.attrs and no sources were given)"
                    if name == "source_name"
                    else ""
                )
                self.problem(f"$.columns.{name}", f"required column missing{extra}")
        if self.problems:
            return False
        for name in names:
            self.cells[name] = [_native(v) for v in self.frame[name].tolist()]
        return True

    def cell(self, row: int, column: str) -> Any:
        cells = self.cells.get(column)
        return None if cells is None else cells[row]

    def groups(self) -> dict[str, list[int]]:
        groups: dict[str, list[int]] = {}
        for row, record_id in enumerate(self.cells["id"]):
            if record_id is None:
                self.problem(f"$.rows[{row}].id", "required: the id of the row's record")
            elif not isinstance(record_id, str):
                self.problem(f"$.rows[{row}].id", f"expected text, got {_show(record_id)}")
            else:
                groups.setdefault(record_id, []).append(row)
        return groups

    def record(self, record_id: str, rows: list[int]) -> dict[str, Any] | None:
        """The JSON form of one record, from its rows; ``None`` without a known kind.

        Cells found unusable are reported and left out, and the record marked partial.
        """
        first = rows[0]
        self.agree(record_id, rows)
        kind = self.cell(first, "kind")
        if kind is None:
            self.problem(f"$.rows[{first}].kind", "required field missing")
            return None
        if not isinstance(kind, str) or kind not in RECORD_TYPES:
            self.problem(
                f"$.rows[{first}].kind",
                f"expected one of {', '.join(map(repr, RECORD_TYPES))}, got {_show(kind)}",
            )
            return None
        raw: dict[str, Any] = {"kind": kind, "id": record_id}
        locator = _Locator(first=first, kind=kind)
        usable = self.record_fields(kind, first, raw)
        usable = self.figures(record_id, kind, rows, raw, locator) and usable
        locator.partial = not usable
        self.locators.append(locator)
        return raw

    def agree(self, record_id: str, rows: list[int]) -> None:
        """Report each record-level cell that differs from the record's first row."""
        first = rows[0]
        for column in _RECORD_LEVEL:
            cells = self.cells.get(column)
            if cells is None:
                continue
            base = cells[first]
            for row in rows[1:]:
                if not _same(cells[row], base):
                    self.problem(
                        f"$.rows[{row}].{column}",
                        f"record {record_id!r} has {column} {_show(base)} in $.rows[{first}], "
                        f"{_show(cells[row])} here: the rows of one record must agree",
                    )

    def record_fields(self, kind: str, row: int, raw: dict[str, Any]) -> bool:
        """Put the record-level cells of ``row`` into ``raw``; ``False`` if one is unusable."""
        usable = True
        own = _KIND_COLUMNS[kind]
        # The id is the row's key, and relations span several columns (self.relation).
        common = (c for c in _COMMON if c != "id" and c not in _RELATION_COLUMNS)
        for column in (*common, *own):
            value = self.cell(row, column)
            if value is None or column == "likelihood_scale":
                continue
            value = self.record_cell(row, column, value)
            if value is _MISSING:
                usable = False
            else:
                raw[column] = value
        for name in _RELATION_COLUMNS:
            relation = self.relation(row, name)
            if relation is _MISSING:
                usable = False
            elif relation is not None:
                raw[name] = relation
        if "likelihood_scale" in own and not self.likelihood_scale(row, raw):
            usable = False
        for column in _NOT_OWN[kind]:
            value = self.cell(row, column)
            if value is not None:
                self.problem(
                    f"$.rows[{row}].{column}",
                    f"a {kind} has no {column}: leave the cell empty, got {_show(value)}",
                )
        return usable

    def record_cell(self, row: int, column: str, value: Any) -> Any:
        """A record-level cell as its JSON field, or ``_MISSING`` (its problem said)."""
        if column == "citation" and isinstance(value, str):
            return self.json(row, column, value)
        value = _CELL_READERS.get(column, _as_is)(value)
        if not _is_json(value):
            self.problem(
                f"$.rows[{row}].{column}", f"expected {_expected(column)}, got {_show(value)}"
            )
            return _MISSING
        return value

    def likelihood_scale(self, row: int, raw: dict[str, Any]) -> bool:
        """Join the likelihood scale cell to the term; ``False`` if there is no term."""
        scale = self.cell(row, "likelihood_scale")
        if scale is None:
            return True
        if "likelihood" not in raw:
            self.problem(
                f"$.rows[{row}].likelihood_scale",
                "a likelihood scale needs a term: the likelihood column is empty",
            )
            return False
        raw["likelihood"] = {"scale": scale, "term": raw["likelihood"]}
        return True

    def relation(self, row: int, name: str) -> Any:
        """The JSON object of a relation, from its columns in ``row``.

        ``None`` when its columns are all empty; ``_MISSING`` (reported) when one is
        unusable.  The relation is built once here, so that a bad id or field is named by
        its column; whether its record and figure exist is for the document's reading.
        """
        columns = _RELATION_COLUMNS[name]
        given = {key: self.cell(row, column) for key, column in columns.items()}
        if all(value is None for value in given.values()):
            return None
        shown = ", ".join(columns[key] for key, value in given.items() if value is not None)
        relation: dict[str, Any] = {}
        arguments: dict[str, Any] = {}
        for key, value in given.items():
            path = f"$.rows[{row}].{columns[key]}"
            if value is None:
                if key in _RELATION_REQUIRED[name]:
                    what = _RELATION_KEYS.get(key, key)
                    self.problem(path, f"required, as {shown} is given: {what}")
                    relation[key] = _MISSING
                continue
            if key == "percent":
                value = self.figure_value(row, columns[key], value)  # noqa: PLW2901
                if value is _MISSING:
                    relation[key] = _MISSING
                    continue
                try:
                    arguments[key] = structure_figure(value)
                except (IncursionError, ValueError, TypeError) as error:
                    self.problem(path, str(error))
                    relation[key] = _MISSING
                    continue
            elif not isinstance(value, str):
                self.problem(path, f"expected text, got {_show(value)}")
                relation[key] = _MISSING
                continue
            else:
                arguments[key] = value
            relation[key] = value
        if _MISSING in relation.values():
            return _MISSING
        try:
            _RELATION_CLASSES[name](**arguments)
        except IncursionError as error:
            column = columns.get(error.field or "record", columns["record"])
            self.problem(f"$.rows[{row}].{column}", str(error))
            return _MISSING
        return relation

    def json(self, row: int, column: str, text: str) -> Any:
        """Parse the JSON text of a cell; report it and return ``_MISSING`` if it is not."""
        try:
            return json.loads(
                text, parse_constant=reject_constant, object_pairs_hook=no_duplicate_keys
            )
        except (ValueError, RecursionError) as error:
            reason = "nested too deeply" if isinstance(error, RecursionError) else str(error)
            self.problem(f"$.rows[{row}].{column}", f"not valid JSON: {reason}")
            return _MISSING

    def figure_value(self, row: int, column: str, value: Any) -> Any:
        """A figure from its cell: its words, or its JSON object (as text or a dict).

        ``_MISSING`` (reported) if the cell holds neither.
        """
        if isinstance(value, str) and value.lstrip().startswith("{"):
            return self.json(row, column, value)
        if not _is_json(value):
            self.problem(
                f"$.rows[{row}].{column}",
                f"expected a figure as its words or a JSON object, got {_show(value)}",
            )
            return _MISSING
        return value

    def figures(
        self, record_id: str, kind: str, rows: list[int], raw: dict[str, Any], locator: _Locator
    ) -> bool:
        """Put the record's figures, one per row, into ``raw``; ``False`` if one is unusable."""
        usable = True
        read = _Read()
        for row in rows:
            usable = self.figure_row(record_id, kind, row, locator, read) and usable
        for (name, part), value in read.written.items():
            if part is None:
                figure = read.count_of(name, value)
                if kind == MaterielLoss.kind:
                    raw.setdefault("equipment", {})[name.removeprefix("equipment.")] = figure
                else:
                    raw[name] = figure
        for (name, part), row in locator.figures.items():
            if part is not None and (name, None) not in locator.figures:
                self.problem(
                    f"$.rows[{row}].field",
                    f"{name}.parts.{part} of record {record_id!r} is a part of a count with no "
                    f"total: add a row whose field is {name!r}",
                )
                usable = False
        if any(column in self.cells for column in _VIEWS):
            for key in read.written:
                estimate = _estimate(kind, raw, key, read.written)
                if estimate is not None:
                    self.views(locator.figures[key], estimate)
        if "as_of" in raw:
            for row in rows:
                self.span_views(row, raw["as_of"])
        return usable

    def figure_row(
        self, record_id: str, kind: str, row: int, locator: _Locator, read: _Read
    ) -> bool:
        """Read one row's figure into ``read``; ``False`` if it is unusable."""
        field = self.cell(row, "field")
        if field is None:
            self.no_figure(row)
            return True
        if not isinstance(field, str):
            self.problem(f"$.rows[{row}].field", f"expected text, got {_show(field)}")
            return False
        located = self.locate(kind, row, field)
        if located is None:
            return False
        name, part, counted = located
        key = (name, part)
        if key in locator.figures:
            self.problem(
                f"$.rows[{row}].field",
                f"record {record_id!r} has a {field} already, in $.rows[{locator.figures[key]}]",
            )
            return False
        locator.figures[key] = row
        if counted:
            read.counts.add(name)
        usable = self.count_cells(row, name, part, counted, read.shared, read.changes)
        value = self.row_figure(row)
        if value is _MISSING:
            return False
        read.written[key] = value
        return usable

    def row_figure(self, row: int) -> Any:
        """The JSON of a row's figure cell, or ``_MISSING`` (its problem said)."""
        value = self.cell(row, "figure")
        if value is None:
            self.problem(
                f"$.rows[{row}].figure",
                'required: the figure, as its words ("about 1,000 km²") or a JSON object',
            )
            return _MISSING
        return self.figure_value(row, "figure", value)

    def locate(self, kind: str, row: int, field: str) -> tuple[str, str | None, bool] | None:
        """The figure a ``field`` cell names: its field, its part, whether it is a count.

        ``None`` (reported) if the record's kind has no such figure.
        """
        cls = RECORD_TYPES[kind]
        if kind == MaterielLoss.kind:
            kind_of, dot, part = field.removeprefix("equipment.").partition(".parts.")
            if not field.startswith("equipment.") or not kind_of:
                self.problem(
                    f"$.rows[{row}].field",
                    f"a {kind} has no figure {field!r}: expected equipment.TYPE for an "
                    "equipment type as written (equipment.tanks), or "
                    "equipment.TYPE.parts.NAME for a part of its count",
                )
                return None
            try:
                equipment_unit(kind_of)
            except IncursionError as error:
                self.problem(f"$.rows[{row}].field", str(error))
                return None
            return f"equipment.{kind_of}", part if dot else None, True
        fields = attrs.fields_dict(cls)
        names = cls.figure_fields()
        name, dot, rest = field.partition(".")
        counted = name in names and bool(fields[name].metadata.get("parts", False))
        if name not in names or (dot and (not rest.startswith("parts.") or not counted)):
            allowed = ", ".join(names)
            counts_any = any(fields[n].metadata.get("parts") for n in names)
            extra = ", or FIELD.parts.NAME for a part of a count" if counts_any else ""
            self.problem(
                f"$.rows[{row}].field",
                f"a {kind} has no figure {field!r}: expected one of {allowed}{extra}",
            )
            return None
        return name, rest.removeprefix("parts.") if dot else None, counted

    def change_cell(
        self, row: int, name: str, part: str | None, value: Any, changes: dict[str, Any]
    ) -> bool:
        """Keep a count's ``change`` cell in ``changes``; ``False`` if it is unusable."""
        if part is not None:
            self.problem(
                f"$.rows[{row}].change",
                "a part has no change of its own: the change is its count's, on the "
                f"row whose field is {name!r}",
            )
            return False
        value = self.figure_value(row, "change", value)
        if value is _MISSING:
            return False
        changes[name] = value
        return True

    def count_cells(
        self,
        row: int,
        name: str,
        part: str | None,
        counted: bool,
        shared: dict[tuple[str, str], tuple[int, Any]],
        changes: dict[str, Any],
    ) -> bool:
        """Check the ``complete``, ``tally`` and ``change`` cells of a figure's row.

        A count's ``complete`` and ``tally`` are kept in ``shared`` (its rows must agree),
        its change in ``changes``.  ``False`` if a cell is unusable.
        """
        usable = True
        for column in (*_COUNT_LEVEL, "change"):
            value = self.cell(row, column)
            path = f"$.rows[{row}].{column}"
            if value is None:
                if column == "change" or not counted:
                    continue
            elif not counted:
                self.problem(path, f"only a count has {column}; {name} is not one: leave it empty")
                usable = False
                continue
            if column == "change":
                usable = self.change_cell(row, name, part, value, changes) and usable
                continue
            if column == "complete" and value is not None and not isinstance(value, bool):
                self.problem(path, f"expected true or false, got {_show(value)}")
                usable = False
                continue
            if column == "tally" and not (value is None or _is_tally(value)):
                allowed = ", ".join(map(repr, _TALLIES))
                self.problem(path, f"tally must be one of {allowed}, got {_show(value)}")
                usable = False
                continue
            if (name, column) in shared:
                first, base = shared[name, column]
                if not _same(value, base):
                    self.problem(
                        path,
                        f"the count {name} has {column} {_show(base)} in $.rows[{first}], "
                        f"{_show(value)} here: the rows of one count must agree",
                    )
                    usable = False
            else:
                shared[name, column] = (row, value)
        return usable

    def no_figure(self, row: int) -> None:
        """A row with no field holds no figure: its figure columns must be empty."""
        for column in _FIGURE_COLUMNS[1:]:
            value = self.cell(row, column)
            if value is not None:
                self.problem(
                    f"$.rows[{row}].{column}",
                    f"the row has no field, so no figure: {column} must be empty, got "
                    f"{_show(value)}",
                )

    def views(self, row: int, estimate: Estimate) -> None:
        """Check the columns that show a figure against the figure itself."""
        shown = quoted(str(estimate))
        for column, want in _views(estimate).items():
            if column not in self.cells:
                continue
            got = self.cells[column][row]
            if _agrees(column, got, want):
                continue
            invalid = _invalid(column, got)
            if invalid is not None:
                message = f"{invalid} (the figure {shown} gives {_show(want)})"
            else:
                message = (
                    f"{column} is {_show(got)} here, but the figure {shown} gives "
                    f"{_show(want)}: the figure column holds the figure; change it there"
                )
            self.problem(f"$.rows[{row}].{column}", message)

    def span_views(self, row: int, as_of: Any) -> None:
        """Check ``as_of_start`` and ``as_of_end`` against the span in ``as_of``."""
        if not isinstance(as_of, str) or not any(column in self.cells for column in _DATES):
            return
        try:
            span = Span.parse(as_of)
        except IncursionError:
            return
        for column, want in (("as_of_start", span.start), ("as_of_end", span.end)):
            if column not in self.cells:
                continue
            got = self.cells[column][row]
            day = _day_of(got)
            if day is None:
                self.problem(f"$.rows[{row}].{column}", f"expected a date, got {_show(got)}")
            elif day != want:
                self.problem(
                    f"$.rows[{row}].{column}",
                    f"{column} is {day.isoformat()} here, but as_of {as_of!r} gives "
                    f"{want.isoformat()}: the as_of column holds the span; change it there",
                )

    # -- sources and regions ---------------------------------------------------------------

    def sources(self, meta: Any) -> Any:
        """The document's sources in JSON form, from wherever they come; rows checked."""
        conv = shared_converter()
        if self.source_origin == "argument":
            listed = []
            given: Iterable[object] = self.given_sources or ()
            for i, source in enumerate(given):
                if isinstance(source, Source):
                    listed.append(conv.unstructure(source, Source))
                else:
                    self.problem(f"sources[{i}]", f"expected a Source, got {_show(source)}")
            self.check_source_cells(listed, "sources=")
            return listed
        if self.source_origin == "attrs":
            if not isinstance(meta, dict):
                self.problem(
                    f"$.attrs.{ATTRS_KEY}",
                    'expected {"incursion": 1, "sources": [...], "regions": [...]}, got '
                    f"{_show(meta)}",
                )
                return _MISSING
            extra = set(meta) - {"incursion", "sources", "regions"}
            if extra:
                self.problem(
                    f"$.attrs.{ATTRS_KEY}",
                    f"unexpected keys {', '.join(sorted(map(str, extra)))}: expected incursion, "
                    "sources, regions",
                )
            listed = meta.get("sources", _MISSING)
            if isinstance(listed, list):
                self.check_source_cells(listed, f"$.attrs.{ATTRS_KEY}.sources")
            return listed
        return self.sources_from_rows()

    def check_source_cells(self, listed: list[Any], where: str) -> None:
        known = {s["id"]: s for s in listed if isinstance(s, dict) and isinstance(s.get("id"), str)}
        present = [(f, c) for f, c in _SOURCE_COLUMNS.items() if f != "id" and c in self.cells]
        for row, source_id in enumerate(self.cells["source"]):
            source = known.get(source_id) if isinstance(source_id, str) else None
            if source is None:
                continue
            for field, column in present:
                got, want = self.cells[column][row], source.get(field)
                if not _same(got, want):
                    self.problem(
                        f"$.rows[{row}].{column}",
                        f"source {source_id!r} has {field} {_show(want)} in {where}, "
                        f"{_show(got)} here",
                    )

    def sources_from_rows(self) -> list[dict[str, Any]]:
        built: dict[str, tuple[int, dict[str, Any]]] = {}
        for row, source_id in enumerate(self.cells["source"]):
            if not isinstance(source_id, str):
                continue  # the record's reading reports it
            source: dict[str, Any] = {}
            for field, column in _SOURCE_COLUMNS.items():
                value = self.cell(row, column)
                if value is None:
                    continue
                if not _is_json(value):
                    self.problem(f"$.rows[{row}].{column}", f"expected text, got {_show(value)}")
                    continue
                source[field] = value
            if source_id not in built:
                built[source_id] = (row, source)
                continue
            first, base = built[source_id]
            for field, column in _SOURCE_COLUMNS.items():
                if column in self.cells and not _same(source.get(field), base.get(field)):
                    self.problem(
                        f"$.rows[{row}].{column}",
                        f"source {source_id!r} has {field} {_show(base.get(field))} in "
                        f"$.rows[{first}], {_show(source.get(field))} here: the rows of one "
                        "source must agree",
                    )
        self.source_rows = [row for row, _ in built.values()]
        return [source for _, source in built.values()]

    def regions(self, meta: Any) -> Any:
        if self.region_origin == "argument":
            conv = shared_converter()
            listed = []
            given: Iterable[object] = self.given_regions or ()
            for i, region in enumerate(given):
                if isinstance(region, Region):
                    listed.append(conv.unstructure(region, Region))
                else:
                    self.problem(f"regions[{i}]", f"expected a Region, got {_show(region)}")
            return listed
        if self.region_origin == "attrs" and isinstance(meta, dict):
            return meta.get("regions", [])
        return []

    # -- paths -----------------------------------------------------------------------------

    def where(self, path: str, message: str = "") -> str:
        """The place in the frame of a problem found at ``path`` in the assembled JSON."""
        if match := _RECORD_PATH.fullmatch(path):
            locator = self.locators[int(match[1])]
            return self.cell_of(locator, match[2], message)
        if match := _SECTION_PATH.fullmatch(path):
            section, index, tail = match[1], match[2], match[3]
            origin = self.source_origin if section == "sources" else self.region_origin
            if origin == "rows" and section == "sources" and index is not None:
                row = self.source_rows[int(index)]
                named = _NAMED.fullmatch(tail)
                if named is None:
                    return f"$.rows[{row}]{tail}"
                return f"$.rows[{row}].{_SOURCE_COLUMNS.get(named[1], named[1])}{named[2]}"
            where = f"$.attrs.{ATTRS_KEY}.{section}" if origin == "attrs" else section
            return f"{where}{f'[{index}]' if index is not None else ''}{tail}"
        if path == "$.incursion":
            return f"$.attrs.{ATTRS_KEY}.incursion"
        return path

    def cell_of(self, locator: _Locator, rest: str, message: str) -> str:
        """The cell of a record's rows that ``rest``, a path within the record, names."""
        first = f"$.rows[{locator.first}]"
        named = _NAMED.fullmatch(rest)
        if named is None:
            return f"{first}{rest}"
        name, tail = named[1], named[2]
        if name == "equipment" and (key := _EQUIPMENT_KEY.fullmatch(tail)):
            kind_of = json.loads(key[1]) if key[1] is not None else key[2]
            name, tail = f"equipment.{kind_of}", key[3]
        if name in _RELATION_COLUMNS:
            inner = _NAMED.fullmatch(tail)
            columns = _RELATION_COLUMNS[name]
            return f"{first}.{columns.get(inner[1] if inner else '', columns['record'])}"
        if name == "denied_by":
            return f"{first}.denied_by"
        if (name, None) in locator.figures:
            return _figure_cell(locator, name, tail, message)
        if name == "equipment" or name in RECORD_TYPES[locator.kind].figure_fields():
            return f"{first}.field"  # a figure that has no row
        return f"{first}.{name}{tail}"

    def label(self, section: str) -> str:
        """How messages name where the sources or regions came from."""
        origin = self.source_origin if section == "sources" else self.region_origin
        if origin == "attrs":
            return f"$.attrs.{ATTRS_KEY}.{section}"
        if origin == "argument" or section == "regions":
            return f"{section}="
        return "the source columns"

    def reword(self, message: str, path: str = "") -> str:
        """Name the frame's sources and regions where a message names a document's."""
        if message == "required field missing" and path.endswith(".field"):
            return "required field missing: add a row for it, with its field and figure"
        for section in ("sources", "regions"):
            message = message.replace(f"$.{section}", self.label(section))
        return message


@functools.cache
def _hooks(kind: str) -> dict[str, Callable[[Any, Any], Any]]:
    """The structure hooks of a record kind's figure fields, by field name (as JSON is read)."""
    return field_hooks(RECORD_TYPES[kind])


_RECORD_PATH: Final = re.compile(r"\$\.records\[(\d+)\](.*)", re.DOTALL)
_SECTION_PATH: Final = re.compile(r"\$\.(sources|regions)(?:\[(\d+)\])?(.*)", re.DOTALL)
_NAMED: Final = re.compile(r"\.([A-Za-z_]+)(.*)", re.DOTALL)
#: An equipment type in a path, as the document's reading writes it: ``.tanks`` or
#: ``["armoured vehicles"]`` (also after a dot), then what follows.
_EQUIPMENT_KEY: Final = re.compile(r'(?:\.?\[("(?:[^"\\]|\\.)*")\]|\.(\w+))(.*)', re.DOTALL)
_ROW: Final = re.compile(r"\$\.rows\[(\d+)\]")


def _row_order(problem: Problem) -> tuple[int, int]:
    """Problems of the columns, then of the sources and regions, then row by row."""
    if problem.path.startswith("$.columns"):
        return (0, 0)
    match = _ROW.match(problem.path)
    if match is None:
        return (1, 0)
    return (2, int(match[1]))


def _estimate(
    kind: str, raw: dict[str, Any], key: tuple[str, str | None], written: dict[Any, Any]
) -> Estimate | None:
    """The figure a row holds, read as the record reads it; ``None`` if it cannot be read.

    A part is read with its count's total, which says what its bare numbers count; a
    measurement's value as its measure says.
    """
    name, part = key
    total = written.get((name, None), _MISSING)
    if total is _MISSING:
        return None
    value = total if part is None else {"total": total, "parts": {part: written[key]}}
    found: Any
    try:
        if kind == MaterielLoss.kind:
            kind_of = name.removeprefix("equipment.")
            found = equipment_hook({kind_of: value}, None)[kind_of]
        else:
            found = _hooks(kind)[name](value, None)
        if not isinstance(found, Count):
            return found if isinstance(found, Estimate) else None
        count: Count | None = found
        if kind == Measurement.kind:
            count = _measured(raw.get("measure"), found)
        if count is None:
            return None
        return count.total if part is None else count.parts[0].estimate
    except Exception:  # noqa: BLE001 - the record's reading reports what is wrong
        return None


def _measured(measure: Any, count: Count) -> Count | None:
    """A measurement's count as the record makes it: bare numbers count what it measures.

    ``None`` if the measure is known and the count is of another dimension.
    """
    known = MEASURES.get(measure) if isinstance(measure, str) else None
    if known is None or known.dimension is None:
        return count
    if known.count is not None and count.total.dimension == "number":
        count = count_of(known.count, count)
    return count if within(count.total.dimension, known.dimension) else None


# -- cells ------------------------------------------------------------------------------------


def _source_ids(value: Any) -> Any:
    """The ids in a ``denied_by`` cell: text separated by commas, or a list or tuple."""
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, tuple):
        return list(value)
    return value


def _is_tally(value: Any) -> bool:
    return isinstance(value, str) and value in _TALLIES


def _native(value: Any) -> Any:
    """A cell as a plain Python value: ``None`` for NaN, NA and NaT; numpy scalars unboxed."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def _is_json(value: Any) -> bool:
    """Whether a value is one that JSON holds (the converter reads nothing else)."""
    if isinstance(value, list):
        return all(_is_json(v) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _is_json(v) for k, v in value.items())
    return value is None or value.__class__ in (bool, int, float, str)


def _expected(column: str) -> str:
    if column == "denied_by":
        return 'the ids of sources, separated by commas ("mod-ru, kremlin")'
    if column == "as_of":
        return 'a span such as "2024-08-12" or "2024-W33", or a date'
    if column == "credibility":
        return "a whole number from 1 to 6"
    return "text"


@attrs.define
class _Read:
    """A record's figures as its rows give them, while they are read."""

    #: Each figure's JSON, by field and part (``None`` for a total).
    written: dict[tuple[str, str | None], Any] = attrs.Factory(dict)
    #: The fields that hold counts.
    counts: set[str] = attrs.Factory(set)
    #: A count's own cells (tally, complete), by field and column, with their row.
    shared: dict[tuple[str, str], tuple[int, Any]] = attrs.Factory(dict)
    #: The day's change a count states, by field.
    changes: dict[str, Any] = attrs.Factory(dict)

    def count_of(self, name: str, total: Any) -> Any:
        """A field's JSON: its total, or a count object when it says parts or more."""
        if name not in self.counts:
            return total
        parts = {p: v for (n, p), v in self.written.items() if n == name and p is not None}
        said = {
            column: self.shared[name, column][1]
            for column in _COUNT_LEVEL
            if self.shared.get((name, column), (0, None))[1] is not None
        }
        if name in self.changes:
            said["change"] = self.changes[name]
        return {"total": total, "parts": parts, **said} if parts or said else total


def _figure_cell(locator: _Locator, name: str, tail: str, message: str) -> str:
    """The cell of a figure's row that a problem at ``name`` + ``tail`` is about."""
    if tail == ".change" or message.startswith("the change"):
        return f"$.rows[{locator.figures[name, None]}].change"
    part = tail.removeprefix(".parts.") if tail.startswith(".parts.") else None
    if part is None:  # a problem of a part found with its count: "part 'tanks' is …"
        part = next(
            (p for n, p in locator.figures if n == name and message.startswith(f"part {p!r} ")),
            None,
        )
    row = locator.figures.get((name, part), locator.figures[name, None])
    return f"$.rows[{row}].figure"


def _as_is(value: Any) -> Any:
    return value


def _whole_credibility(value: Any) -> Any:
    """A credibility a spreadsheet wrote as a float (3.0) is the whole number it is."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


#: How a record-level cell becomes its JSON field, where it is not taken as it is.
_CELL_READERS: Final[dict[str, Callable[[Any], Any]]] = {
    "as_of": lambda value: _day(value) if isinstance(value, dt.date) else value,
    "credibility": _whole_credibility,
    "denied_by": _source_ids,
}


def _same(a: Any, b: Any) -> bool:
    """Whether two cells say the same (``True`` and ``1`` do not)."""
    if isinstance(a, bool) != isinstance(b, bool):
        return False
    try:
        return bool(a == b)
    except (TypeError, ValueError):
        return False


def _day(value: dt.date) -> Any:
    """A date as a document writes it; a timestamp only if it is a whole day."""
    if isinstance(value, dt.datetime):
        if value.time() != dt.time(0) or value.tzinfo is not None:
            return value
        value = value.date()
    return value.isoformat()


def _day_of(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date() if value.time() == dt.time(0) and value.tzinfo is None else None
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _show(value: Any) -> str:
    """A cell for a message: JSON where it is JSON, else its type and text."""
    if value is None:
        return "empty"
    if isinstance(value, str):
        return quoted(value)
    try:
        return json.dumps(value, ensure_ascii=False)[:60]
    except (TypeError, ValueError):
        return f"{type(value).__name__} {str(value)[:40]!r}"


_TOLERANCE: Final = 1e-9


def _agrees(column: str, got: Any, want: Any) -> bool:
    """Whether a cell that shows a figure shows what the figure says."""
    if column in _FLOATS:
        if got is None or want is None:
            return got is want
        return (
            isinstance(got, int | float)
            and not isinstance(got, bool)
            and math.isclose(got, want, rel_tol=_TOLERANCE, abs_tol=_TOLERANCE * 1e-3)
        )
    if (got is None or isinstance(got, str)) and _same(got, want):
        return True
    if column == "unit" and isinstance(got, str):
        try:
            return bool(resolve_unit(got).name == want)  # another spelling of the same unit
        except IncursionError:
            return False
    return False


def _invalid(column: str, got: Any) -> str | None:
    """Why a cell can show no figure at all, or ``None`` if it could show one."""
    if column in _FLOATS:
        if got is not None and (isinstance(got, bool) or not isinstance(got, int | float)):
            return f"{column} must be a number, got {_show(got)}"
        return None
    if got is not None and not isinstance(got, str):
        return f"{column} must be text, got {_show(got)}"
    if column == "hedge" and got is not None and got not in _HEDGES:
        allowed = ", ".join(repr(h.value) for h in Hedge)
        return f"hedge must be one of {allowed}, got {_show(got)}"
    if column == "unit" and got is not None:
        try:
            resolve_unit(got)
        except IncursionError as error:
            return str(error)
    return None


_HEDGES: Final = frozenset(h.value for h in Hedge)
