"""Real reported figures, labelled by hand, and how faithfully incursion records them.

``data/real_figures.json`` holds sentences copied from stored public news pages, each with
its URL, and hand-made labels of every figure in them: its words, number, unit, hedge,
what it measures, the qualifiers the text gives (party, population, group, fate, status,
tally, the day's change) and the relations between figures (a part of a total, a figure
within another, a share of a whole, a single count within a combined one, a revision).
The labels were written before the model was extended to hold them, and the items were
split at random into a half to design on ("tune") and a half scored once ("test").

``recordings_*.py`` hold, for each item, the records an analyst writes for it with
incursion (as JSON record objects) and which record field holds each labelled figure.
:func:`faithful` loads them as a document and lists every way in which the recording
falls short of the labels.  An item is recorded faithfully when nothing falls short.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import incursion
from incursion import CasualtyReport, Count, Estimate, Hedge
from incursion._records import equipment_unit
from incursion._units import COUNT_UNITS, is_count_dimension, lookup_unit, within
from incursion.checks._scope import COMBINED
from incursion.exceptions import IncursionError

DATA = Path(__file__).with_name("data") / "real_figures.json"


def labels() -> dict[str, Any]:
    """The labelled set: ``about``, ``items`` and the ``split`` into tune and test."""
    data: dict[str, Any] = json.loads(DATA.read_text(encoding="utf-8"))
    return data


def document_of(item: Mapping[str, Any], recording: Mapping[str, Any]) -> str:
    """The JSON document of an item's recorded records, with a source for each id used."""
    records = []
    for record in recording["records"]:
        full = {"subject": item["id"], "as_of": item["as_of"] or "2024", **record}
        records.append(full)
    ids = dict.fromkeys(
        [r["source"] for r in records] + [s for r in records for s in r.get("denied_by", [])]
    )
    sources = [{"id": i, "name": i} for i in ids]
    return json.dumps({"incursion": 1, "sources": sources, "records": records})


def faithful(item: Mapping[str, Any], recording: Mapping[str, Any]) -> list[str]:
    """Every way the recording of ``item`` falls short of its labels (empty: faithful)."""
    if "unrecordable" in recording:
        return [f"not recordable: {recording['unrecordable']}"]
    try:
        document = incursion.loads(document_of(item, recording))
    except IncursionError as error:
        return [f"does not load: {error}"]
    return list(_shortfalls(item, recording, document))


def _shortfalls(
    item: Mapping[str, Any], recording: Mapping[str, Any], document: incursion.Document
) -> Iterator[str]:
    paths: dict[int, str] = {int(k): v for k, v in recording["figures"].items()}
    for k, label in enumerate(item["figures"]):
        if k not in paths:
            yield f"figure {k} ({label['words']!r}) is not recorded"
            continue
        record_id, _, field = paths[k].partition(":")
        record = document.record(record_id)
        estimate, count = _at(record, field)
        if estimate is None:
            yield f"figure {k}: {paths[k]} holds no figure"
            continue
        for problem in _figure(label, estimate, count):
            yield f"figure {k} ({label['words']!r}): {problem}"
        for problem in _qualifiers(label, record, field, estimate, count):
            yield f"figure {k} ({label['words']!r}): {problem}"
    for relation in item["relations"]:
        shortfall = _relation(relation, paths, document)
        if shortfall is not None:
            yield f"relation {relation['type']} {relation['from']}→{relation['to']}: {shortfall}"
    if item["evidence"] is not None:
        allegations = [r for r in document.records if isinstance(r, incursion.Allegation)]
        if not any(a.evidence.value == item["evidence"] for a in allegations):
            yield f"no allegation with evidence {item['evidence']!r}"
        if item["denied_by"] and not any(a.denied_by for a in allegations):
            yield "the denial's source is not recorded"


def _at(record: incursion.Record, field: str) -> tuple[Estimate | None, Count | None]:
    """The figure at ``field`` (also ``share_of.percent``, ``<count>.change`` and
    ``<field>~0``, the first conversion in brackets, read with the figure's hedge)."""
    if "~" in field:
        name, _, index = field.partition("~")
        figure = record.figure(name)
        if figure is None or len(figure.conversions) <= int(index):
            return None, None
        c = figure.conversions[int(index)]
        return Estimate(number=c.number, unit=c.unit, hedge=figure.hedge, word=figure.word), None
    if field == "share_of.percent":
        return (record.share_of.percent if record.share_of else None), None
    if field.endswith(".change"):
        count = dict(record.figure_items()).get(field.removesuffix(".change"))
        return (count.change if isinstance(count, Count) else None), None
    value = dict(record.figure_items()).get(field)
    return record.figure(field), value if isinstance(value, Count) else None


def _figure(label: Mapping[str, Any], e: Estimate, count: Count | None) -> Iterator[str]:
    value = label["value"]
    if isinstance(value, list):
        if (e.stated_low, e.stated_high) != (value[0], value[1]):
            yield f"range {value} recorded as {e.stated_low}–{e.stated_high}"
    elif e.number != value:
        yield f"number {value} recorded as {e.number:g}"
    if e.hedge is not Hedge(label["hedge"]):
        yield f"hedge {label['hedge']} recorded as {e.hedge.value}"
    kind = _label_kind(label["unit"])
    if kind == "ratio" and e.dimension != "ratio":
        yield f"a percentage recorded as {e.dimension}"
    elif (
        kind is not None
        and kind != "ratio"
        and not (within(e.dimension, kind) or within(kind, e.dimension))
    ):
        yield f"unit {label['unit']!r} ({kind}) recorded as {e.dimension}"
    elif kind is None and not e.is_count:
        yield f"a count of {label['unit']!r} recorded as {e.dimension}"
    if label["change"] is not None and (
        count is None or count.change is None or count.change.number != label["change"]
    ):
        yield f"the day's change {label['change']} is not recorded"


def _label_kind(unit: str) -> str | None:
    """What a label's unit measures, where the word is a known unit; ``None``: a count."""
    if unit in ("percent", "%"):
        return "ratio"
    for reader in (lookup_unit, equipment_unit):
        try:
            info = reader(unit)
        except IncursionError:
            continue
        kind = info if isinstance(info, str) else info.dimension
        if kind in COUNT_UNITS or not is_count_dimension(kind):
            return kind
    return None


_PARTY_FIELDS = ("party", "controller", "accused")


def _qualifiers(
    label: Mapping[str, Any],
    record: incursion.Record,
    field: str,
    e: Estimate,
    count: Count | None,
) -> Iterator[str]:
    if label["party"] is not None and any(hasattr(record, f) for f in (*_PARTY_FIELDS, "of")):
        said = [getattr(record, f, None) for f in (*_PARTY_FIELDS, "of")]
        if not any(s and _same(label["party"], s) for s in said):
            yield f"party {label['party']!r} recorded as {said}"
    if label["population"] is not None and hasattr(record, "population"):
        population = getattr(record, "population", None)
        if (population.value if population else None) != label["population"]:
            yield f"population {label['population']!r} recorded as {population}"
    group = label["group"]
    if group is not None:
        named = [getattr(record, "group", None), field.rpartition(".parts.")[2], e.text or ""]
        if not any(n and group.lower() in n.lower() for n in named):
            yield f"group {group!r} is not recorded"
    fate = label["fate"]
    if fate is not None and hasattr(record, "fate") and not field.endswith(f".parts.{fate}"):
        recorded = getattr(record, "fate", None)
        if (recorded.value if recorded else "lost") != fate:
            yield f"fate {fate!r} recorded as {recorded}"
    status = label["status"]
    if status is not None and hasattr(record, "status"):
        recorded = getattr(record, "status", None)
        if (recorded.value if recorded else "claimed") != status:
            yield f"status {status!r} recorded as {recorded}"
    tally = label["tally"]
    if tally is not None and ".parts." not in field and not field.startswith("share_of"):
        field = field.partition("~")[0]
        value = count if count is not None else e
        recorded_tally = record.figure_tally(field.removesuffix(".change"), value)
        if recorded_tally.value != tally:
            yield f"tally {tally!r} recorded as {recorded_tally.value}"


def _same(a: str, b: str) -> bool:
    """Whether two names of a party agree: "Russia" and "Russian troops" do."""
    a, b = a.lower()[:5], b.lower()
    return a in b


def _relation(
    relation: Mapping[str, Any], paths: Mapping[int, str], document: incursion.Document
) -> str | None:
    kind, a, b = relation["type"], relation["from"], relation["to"]
    if kind == "share-of":
        return _share(relation, paths, document)
    if a not in paths or b not in paths:
        return "a figure of it is not recorded"
    (ra, fa), (rb, fb) = (paths[a].split(":", 1), paths[b].split(":", 1))
    first = document.record(ra)
    if kind == "revises":
        return None if first.revises == rb else f"{ra} does not revise {rb}"
    if kind == "combined-of":
        rows = COMBINED.get(fb, ())
        ok = ra == rb and isinstance(first, CasualtyReport) and any(fa in row for row in rows)
        return None if ok else f"{ra}:{fa} is not a count that {rb}:{fb} combines"
    # part-of and within: a part of that count, or a within relation to that figure
    w = first.within
    if (ra == rb and fa.startswith(f"{fb}.parts.")) or (
        w is not None and w.record == rb and w.field == fb
    ):
        return None
    return f"{paths[a]} is neither a part of nor within {paths[b]}"


def _share(
    relation: Mapping[str, Any], paths: Mapping[int, str], document: incursion.Document
) -> str | None:
    percent = relation["percent"]
    if percent not in paths or not paths[percent].endswith(":share_of.percent"):
        return "the percentage is not recorded as a share"
    record = document.record(paths[percent].split(":", 1)[0])
    share = record.share_of
    if share is None:  # pragma: no cover - the path says it has one
        return "no share"
    if relation["from"] is not None:
        part_record, _, part_field = paths.get(relation["from"], ":").partition(":")
        own = share.figure or (record.figures()[0][0] if len(record.figures()) == 1 else None)
        if part_record != record.id or own != part_field:
            return f"the share is not of the part {paths.get(relation['from'])}"
    if relation["to"] is not None:
        whole = paths.get(relation["to"], ":").split(":", 1)
        if [share.record, share.field] != whole:
            return f"the share's whole is not {paths.get(relation['to'])}"
    return None
