"""Records and reports as pandas DataFrames, and DataFrames of figures back to documents.

Install the extra first: ``pip install 'incursion[pandas]'``.

:func:`to_dataframe` gives one row per figure (totals and named parts alike) with the
figure's interval as floats in the canonical unit of its dimension, ready for pandas;
:func:`from_dataframe` reads such a frame back, checking it as :func:`incursion.loads`
checks JSON: every problem is collected and raised in one
:class:`~incursion.exceptions.DocumentError`.  ``from_dataframe(to_dataframe(document))``
equals ``document``.

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
from collections.abc import Iterable, Iterator
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
from incursion._records import RECORD_TYPES, Count, Document, Record, Region
from incursion._serialization import (
    PERSON_HOOK,
    _converter,
    _figure_hook,
    _no_duplicate_keys,
    _reject_constant,
    structure_document,
    unstructure_estimate,
)
from incursion._sources import Citation, Source
from incursion._time import Span
from incursion._units import resolve_unit
from incursion.checks import Report, Severity
from incursion.exceptions import DocumentError, IncursionError, Problem, _quote

__all__ = ["ATTRS_KEY", "COLUMNS", "REPORT_COLUMNS", "from_dataframe", "to_dataframe"]

#: The key of ``frame.attrs`` under which :func:`to_dataframe` keeps a document's sources
#: and regions, in their JSON form (``{"incursion": 1, "sources": [...], "regions":
#: [...]}``).
#:
#: .. versionadded:: 0.1.0
ATTRS_KEY: Final = "incursion"

# -- the columns ------------------------------------------------------------------------------

_COMMON: Final = ("id", "source", "subject", "as_of", "citation", "credibility", "note")
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
)
#: The columns a figure's other columns show of it (checked against it on the way back).
_VIEWS: Final = ("dimension", "unit", "value", "low", "high", "hedge", "word", "text")


def _kind_columns() -> dict[str, tuple[str, ...]]:
    """Each record kind's own columns: its fields that are neither common nor figures."""
    out = {}
    for kind, cls in RECORD_TYPES.items():
        names: list[str] = []
        for a in attrs.fields(cls):
            if a.name in _COMMON or "tally" in a.metadata:
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
#: - ``field``: the figure's field (``"area"``), or ``"wounded.parts.children"`` for a named
#:   part of a count; empty on the one row of a record without figures;
#: - ``dimension`` (``"area"``, ``"person"``, …), ``unit`` (the canonical unit of the
#:   dimension, ``"kilometer ** 2"``), ``value``, ``low`` and ``high`` (floats in that unit;
#:   ``high`` is NaN when the wording sets no upper bound), ``hedge`` (``"about"``),
#:   ``word`` (``"around"``) and ``text`` (the words as written): what the figure says;
#: - ``figure``: the figure itself in its JSON form, as a document writes it: its words
#:   (``"around 1,000 square kilometres (386 square miles)"``), or a JSON object as text
#:   (``'{"value": 12.5, "unit": "kilometer", "hedge": "about"}'``);
#: - ``complete``: for a count of people, whether its parts add up to its total;
#: - ``citation`` (a JSON object as text), ``credibility`` and ``note``;
#: - each kind's own fields: ``controller``, ``predicate``, ``status``, ``region``
#:   (territorial claims), ``party``, ``population`` (casualty reports), ``accused``,
#:   ``act``, ``evidence`` (allegations), ``proposition``, ``likelihood`` (the term),
#:   ``likelihood_scale``, ``confidence``, ``horizon`` (assessments); empty on other kinds.
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
    conv = _converter()
    return {
        "incursion": 1,
        "sources": [conv.unstructure(s, Source) for s in document.sources],
        "regions": [conv.unstructure(r, Region) for r in document.regions],
    }


def _records_frame(records: Iterable[Record]) -> pd.DataFrame:
    columns: dict[str, list[Any]] = {name: [] for name in COLUMNS}
    record_columns = [c for c in COLUMNS if c not in _FIGURE_COLUMNS]
    for record in records:
        if not isinstance(record, _RECORD_CLASSES):
            raise TypeError(
                f"expected a Document, records or a Report, got {type(record).__name__} "
                "among the records"
            )
        cells = _record_cells(record)
        rows = list(_figure_rows(record)) or [{}]
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


def _record_cells(record: Record) -> dict[str, Any]:
    """The record-level cells of a record: the same on each of its rows."""
    cells: dict[str, Any] = {"id": record.id, "kind": record.kind}
    for name, column in _SOURCE_COLUMNS.items():
        cells[column] = _plain(getattr(record.source, name))
    span = record.as_of
    cells["subject"] = record.subject
    cells["as_of"] = str(span)
    cells["as_of_start"] = span.start
    cells["as_of_end"] = span.end
    if record.citation is not None:
        citation = _converter().unstructure(record.citation, Citation)
        cells["citation"] = json.dumps(citation, ensure_ascii=False)
    cells["credibility"] = record.credibility
    cells["note"] = record.note
    for name in _KIND_COLUMNS[record.kind]:
        if name == "likelihood_scale":
            continue
        value = getattr(record, name)
        if isinstance(value, Likelihood):
            cells["likelihood"] = value.term
            cells["likelihood_scale"] = value.scale
        else:
            cells[name] = _plain(value)
    return cells


def _plain(value: Any) -> Any:
    """An enumeration member as its value; anything else as it is."""
    return value.value if isinstance(value, enum.Enum) else value


def _figure_rows(record: Record) -> Iterator[dict[str, Any]]:
    fields = attrs.fields_dict(type(record))
    for name in record.figure_fields():
        value = getattr(record, name)
        if value is None:
            continue
        if isinstance(value, Count):
            yield _figure_cells(name, value.total, "person", value.complete)
            for part in value.parts:
                yield _figure_cells(
                    f"{name}.parts.{part.name}", part.estimate, "person", value.complete
                )
        else:
            yield _figure_cells(name, value, fields[name].metadata["count"], None)


def _figure_cells(
    field: str, estimate: Estimate, count: str | None, complete: bool | None
) -> dict[str, Any]:
    written = unstructure_estimate(estimate, count)
    return {
        "field": field,
        **_views(estimate),
        "figure": written if isinstance(written, str) else json.dumps(written, ensure_ascii=False),
        "complete": complete,
    }


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
    words, or a figure object as JSON text or a :class:`dict`).  The columns that show a
    figure (``dimension``, ``unit``, ``value``, ``low``, ``high``, ``hedge``, ``word``,
    ``text``), and ``as_of_start`` and ``as_of_end``, are checked against what they show
    (floats to nine significant digits); a changed ``value`` is an error, never a change of
    the figure.  Record-level cells must agree on every row of a record, and the source
    columns on every row that names the same source.

    The sources are ``sources`` if given, else those the frame carries in
    ``frame.attrs["incursion"]`` (a frame made from a document does), else they are built
    from the source columns (``source_name`` is then required).  The regions likewise:
    ``regions``, else ``frame.attrs``, else none.

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
                path = self.where(problem.path)
                # A cell already reported, or a record left partial by one: said once.
                if path not in reported and path not in self.partial:
                    self.problem(path, self.reword(problem.message))
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
        locator = _Locator(first=first)
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
        for column in ("source", "subject", "as_of", "citation", "credibility", "note", *own):
            value = self.cell(row, column)
            if value is None or column == "likelihood_scale":
                continue
            if column == "as_of" and isinstance(value, dt.date):
                value = _day(value)
            if column == "credibility" and isinstance(value, float) and value.is_integer():
                value = int(value)
            if column == "citation" and isinstance(value, str):
                value = self.json(row, column, value)
                if value is _MISSING:
                    usable = False
                    continue
            if not _is_json(value):
                self.problem(
                    f"$.rows[{row}].{column}", f"expected {_expected(column)}, got {_show(value)}"
                )
                usable = False
                continue
            raw[column] = value
        if "likelihood_scale" in own:
            scale = self.cell(row, "likelihood_scale")
            if scale is not None:
                if "likelihood" not in raw:
                    self.problem(
                        f"$.rows[{row}].likelihood_scale",
                        "a likelihood scale needs a term: the likelihood column is empty",
                    )
                    usable = False
                else:
                    raw["likelihood"] = {"scale": scale, "term": raw["likelihood"]}
        for column in _NOT_OWN[kind]:
            value = self.cell(row, column)
            if value is not None:
                self.problem(
                    f"$.rows[{row}].{column}",
                    f"a {kind} has no {column}: leave the cell empty, got {_show(value)}",
                )
        return usable

    def json(self, row: int, column: str, text: str) -> Any:
        """Parse the JSON text of a cell; report it and return ``_MISSING`` if it is not."""
        try:
            return json.loads(
                text, parse_constant=_reject_constant, object_pairs_hook=_no_duplicate_keys
            )
        except (ValueError, RecursionError) as error:
            reason = "nested too deeply" if isinstance(error, RecursionError) else str(error)
            self.problem(f"$.rows[{row}].{column}", f"not valid JSON: {reason}")
            return _MISSING

    def figures(
        self, record_id: str, kind: str, rows: list[int], raw: dict[str, Any], locator: _Locator
    ) -> bool:
        """Put the record's figures, one per row, into ``raw``; ``False`` if one is unusable."""
        cls = RECORD_TYPES[kind]
        fields = attrs.fields_dict(cls)
        names = cls.figure_fields()
        counts_any = any(fields[n].metadata.get("parts") for n in names)
        usable = True
        written: dict[tuple[str, str | None], Any] = {}
        completes: dict[str, tuple[int, Any]] = {}
        for row in rows:
            field = self.cell(row, "field")
            if field is None:
                self.no_figure(row)
                continue
            if not isinstance(field, str):
                self.problem(f"$.rows[{row}].field", f"expected text, got {_show(field)}")
                usable = False
                continue
            name, dot, rest = field.partition(".")
            part = rest.removeprefix("parts.") if dot else None
            counts = name in names and fields[name].metadata.get("parts", False)
            if name not in names or (dot and (not rest.startswith("parts.") or not counts)):
                allowed = ", ".join(names)
                extra = ", or FIELD.parts.NAME for a part of a count" if counts_any else ""
                self.problem(
                    f"$.rows[{row}].field",
                    f"a {kind} has no figure {field!r}: expected one of {allowed}{extra}",
                )
                usable = False
                continue
            key = (name, part)
            if key in locator.figures:
                self.problem(
                    f"$.rows[{row}].field",
                    f"record {record_id!r} has a {field} already, in "
                    f"$.rows[{locator.figures[key]}]",
                )
                usable = False
                continue
            locator.figures[key] = row
            usable = self.complete(row, name, counts, completes) and usable
            value = self.cell(row, "figure")
            if value is None:
                self.problem(
                    f"$.rows[{row}].figure",
                    'required: the figure, as its words ("about 1,000 km²") or a JSON object',
                )
                usable = False
                continue
            if isinstance(value, str) and value.lstrip().startswith("{"):
                value = self.json(row, "figure", value)
                if value is _MISSING:
                    usable = False
                    continue
            elif not _is_json(value):
                self.problem(
                    f"$.rows[{row}].figure",
                    f"expected a figure as its words or a JSON object, got {_show(value)}",
                )
                usable = False
                continue
            written[key] = value
            meta = fields[name].metadata
            hook = PERSON_HOOK if counts else _hook(meta["dimension"], meta["count"])
            self.views(row, value, hook)
        for (name, part), value in written.items():
            if part is not None:
                continue
            if fields[name].metadata.get("parts"):
                parts = {p: v for (n, p), v in written.items() if n == name and p is not None}
                complete = completes.get(name, (0, None))[1]
                if parts or complete is not None:
                    count: dict[str, Any] = {"total": value, "parts": parts}
                    if complete is not None:
                        count["complete"] = complete
                    value = count  # noqa: PLW2901 - the count replaces its total
            raw[name] = value
        for (name, part), row in locator.figures.items():
            if part is not None and (name, None) not in locator.figures:
                self.problem(
                    f"$.rows[{row}].field",
                    f"{name}.parts.{part} of record {record_id!r} is a part of a count with no "
                    f"total: add a row whose field is {name!r}",
                )
                usable = False
        if "as_of" in raw:
            for row in rows:
                self.span_views(row, raw["as_of"])
        return usable

    def complete(
        self, row: int, name: str, counts: bool, completes: dict[str, tuple[int, Any]]
    ) -> bool:
        """Check the ``complete`` cell of a figure's row; ``False`` if it is unusable."""
        value = self.cell(row, "complete")
        if not counts:
            if value is not None:
                self.problem(
                    f"$.rows[{row}].complete",
                    f"only a count of people has complete; {name} is not one: leave it empty",
                )
                return False
            return True
        if value is not None and not isinstance(value, bool):
            self.problem(f"$.rows[{row}].complete", f"expected true or false, got {_show(value)}")
            return False
        if name in completes:
            first, base = completes[name]
            if not _same(value, base):
                self.problem(
                    f"$.rows[{row}].complete",
                    f"the count {name} has complete {_show(base)} in $.rows[{first}], "
                    f"{_show(value)} here: the rows of one count must agree",
                )
                return False
        else:
            completes[name] = (row, value)
        return True

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

    def views(self, row: int, written: Any, hook: Any) -> None:
        """Check the columns that show a figure against the figure itself."""
        if not any(column in self.cells for column in _VIEWS):
            return
        try:
            estimate: Estimate = hook(written, None)
        except Exception:  # noqa: BLE001 - the record's reading reports what is wrong
            return
        shown = _quote(str(estimate))
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
        conv = _converter()
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
            conv = _converter()
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

    def where(self, path: str) -> str:
        """The place in the frame of a problem found at ``path`` in the assembled JSON."""
        if match := _RECORD_PATH.fullmatch(path):
            locator = self.locators[int(match[1])]
            rest = match[2]
            named = _NAMED.fullmatch(rest)
            if named is None:
                return f"$.rows[{locator.first}]{rest}"
            name, tail = named[1], named[2]
            if (name, None) in locator.figures:
                part = tail.removeprefix(".parts.") if tail.startswith(".parts.") else None
                row = locator.figures.get((name, part), locator.figures[name, None])
                return f"$.rows[{row}].figure"
            return f"$.rows[{locator.first}].{name}{tail}"
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

    def label(self, section: str) -> str:
        """How messages name where the sources or regions came from."""
        origin = self.source_origin if section == "sources" else self.region_origin
        if origin == "attrs":
            return f"$.attrs.{ATTRS_KEY}.{section}"
        if origin == "argument" or section == "regions":
            return f"{section}="
        return "the source columns"

    def reword(self, message: str) -> str:
        """Name the frame's sources and regions where a message names a document's."""
        for section in ("sources", "regions"):
            message = message.replace(f"$.{section}", self.label(section))
        return message


#: The structure hook of a figure field, by its dimension and what bare numbers count.
_hook: Final = functools.cache(_figure_hook)

_RECORD_PATH: Final = re.compile(r"\$\.records\[(\d+)\](.*)", re.DOTALL)
_SECTION_PATH: Final = re.compile(r"\$\.(sources|regions)(?:\[(\d+)\])?(.*)", re.DOTALL)
_NAMED: Final = re.compile(r"\.([A-Za-z_]+)(.*)", re.DOTALL)
_ROW: Final = re.compile(r"\$\.rows\[(\d+)\]")


def _row_order(problem: Problem) -> tuple[int, int]:
    """Problems of the columns, then of the sources and regions, then row by row."""
    if problem.path.startswith("$.columns"):
        return (0, 0)
    match = _ROW.match(problem.path)
    if match is None:
        return (1, 0)
    return (2, int(match[1]))


# -- cells ------------------------------------------------------------------------------------


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
    if column == "as_of":
        return 'a span such as "2024-08-12" or "2024-W33", or a date'
    if column == "credibility":
        return "a whole number from 1 to 6"
    return "text"


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
        return _quote(value)
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
