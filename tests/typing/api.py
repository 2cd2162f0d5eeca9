"""Code as users write it against incursion's public API; it must pass ``mypy --strict``.

It builds records from words and from numbers, parses estimates, loads and dumps
documents, runs checks with ``select`` and ``ignore``, registers a check of its own,
reads figures out of text, goes through pandas, reads the JSON Schema and catches
``IncursionError``. ``assert_type`` pins the types users rely on, so a change that turns
one into ``Any`` or into another type fails the type check, not only a user's.

tests/test_typing.py runs ``python -m mypy --strict`` on this file, and runs the file
too, so that it stays real code. pytest does not collect it: its name does not start
with ``test_``. It imports only public modules.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any, ClassVar, assert_type

import attrs
import pandas as pd

import incursion
from incursion import (
    MEASURES,
    Allegation,
    Assessment,
    CasualtyReport,
    Citation,
    Count,
    Document,
    Estimate,
    Hedge,
    Likelihood,
    MaterielLoss,
    Measurement,
    Mention,
    Policy,
    Record,
    Relation,
    Share,
    Source,
    Span,
    TerritorialClaim,
)
from incursion.checks import (
    BUILTIN,
    Check,
    CheckError,
    Context,
    Finding,
    Report,
    Severity,
    available,
    register,
    unregister,
)
from incursion.dataframes import from_dataframe, to_dataframe
from incursion.examples import kursk_2024, kursk_2024_json
from incursion.exceptions import DocumentError, ParseError, Problem, RecordError

ISW = Source(id="isw", name="Institute for the Study of War", kind="think-tank")
SMIRNOV = Source(id="smirnov", name="Alexei Smirnov", side="Russia", kind="official")


def read_figures() -> list[Estimate]:
    """Estimates from news text, from numbers and unit words, and in another unit."""
    area = Estimate.parse("around 1,000 square kilometres (386 square miles)")
    assert_type(area, Estimate)
    low, high = area.interval
    assert_type(low, float)
    assert_type(high, float | None)
    assert area.hedge is Hedge.ABOUT
    assert area.word == "around"
    assert [q.magnitude for q in area.equivalents] == [386.0]

    troops = Estimate.of(12_000, "troops", Hedge.ABOUT)
    assert_type(troops, Estimate)
    loose = Estimate.parse("about 121,000 people", policy=Policy(about_margin=0.15))
    assert loose.canonical_low == 102_850
    in_miles: Estimate = Estimate.parse("12 km").to("miles")
    assert in_miles.hedge is Hedge.EXACT
    return [area, troops, loose, in_miles]


def record_by_hand() -> Document:
    """Records of every kind, their figures given as words, numbers and estimates."""
    cited = Citation(outlet="Example Wire", published=dt.date(2024, 8, 12), quote="…")
    records: list[Record] = [
        TerritorialClaim(
            id="isw-0812",
            source=ISW,
            subject="kursk-2024",
            as_of="2024-08-12",
            controller="Ukraine",
            status="assessed",
            area="about 800 km²",
            citation=cited,
        ),
        CasualtyReport(
            id="smirnov-0812",
            source=SMIRNOV,
            subject="kursk-2024",
            as_of=dt.date(2024, 8, 12),
            party="Russia",
            population="civilian",
            killed=12,
            wounded=Count(total="121 civilians", parts={"children": 10}),
            displaced=Estimate.of(121_000, "people", "about"),
        ),
        Allegation(
            id="isw-summer-strikes",
            source=ISW,
            subject="sumy-2024",
            as_of=Span(start=dt.date(2024, 6, 1), end=dt.date(2024, 8, 31)),
            accused="Russia",
            act="cross-border-strikes",
            count="nearly 2,000 cross-border strikes",
            evidence="asserted",
        ),
        Assessment(
            id="isw-0812-sustain",
            source=ISW,
            subject="kursk-2024",
            as_of="2024-08",
            proposition="Ukraine will hold the ground it took for months",
            likelihood=Likelihood(scale="phia", term="unlikely"),
            confidence="moderate",
        ),
    ]
    document = Document(sources=[ISW, SMIRNOV], records=records)
    record = document.record("isw-0812")
    assert_type(record, Record)
    if isinstance(record, TerritorialClaim) and record.area is not None:
        assert_type(record.area, Estimate)
    figures: list[tuple[str, Estimate]] = document.record("smirnov-0812").figures()
    assert [field for field, _ in figures] == ["killed", "wounded", "displaced"]
    return document


def round_trip(document: Document) -> Document:
    """Dump a document as JSON text and to a file, and load it back from both."""
    text = incursion.dumps(document)
    assert_type(text, str)
    again = incursion.loads(text)
    assert_type(again, Document)
    assert again == incursion.loads(text.encode())
    buffer = io.StringIO()
    incursion.dump(document, buffer, indent=None)
    with TemporaryDirectory() as folder:
        path = Path(folder) / "figures.json"
        incursion.dump(document, path)
        assert incursion.load(path) == again
        with path.open("rb") as binary:
            assert incursion.load(binary) == again
    assert json.loads(buffer.getvalue())["incursion"] == incursion.FORMAT_VERSION
    return again


def run_checks(document: Document) -> Report:
    """Run every check, then some, and read the report."""
    report = incursion.check(document)
    assert_type(report, Report)
    only = incursion.check(document, select=["extent", "disagreement"], ignore=["extent"])
    assert only.checks == ("disagreement",)
    loose = incursion.check(document.records, policy=Policy(about_margin=0.15))
    worst: Severity | None = loose.worst()
    counts: dict[str, int] = report.by_severity
    assert worst is None or worst in Severity
    assert set(counts) == {"error", "warning", "info"}
    for finding in report.findings:
        assert_type(finding, Finding)
        paths: tuple[str, ...] = finding.paths
        assert all(path.startswith("$.records[") for path in paths)
    rendered: list[str] = [report.render_text(), report.render_json(), report.render_markdown()]
    assert all(rendered)
    refused: list[CheckError] = []
    try:
        incursion.check(document, select=["extents"])
    except CheckError as error:  # an unknown id is an error, not an empty selection
        refused.append(error)
    assert len(refused) == 1
    return report


@attrs.frozen
class LargeDisplacement:
    """A count of displaced people large enough to need a second source."""

    id: ClassVar[str] = "my-org.large-displacement"
    title: ClassVar[str] = "Large displacement"
    severity: ClassVar[Severity] = Severity.WARNING
    what: ClassVar[str] = "Reports each displaced count whose lowest reading is over the limit."
    why: ClassVar[str] = "We publish no displacement figure this large on one source."
    example: ClassVar[str] = '"about 121,000 people" displaced: at least 108,900.'
    todo: ClassVar[str] = "Find a second source, or attribute the figure in the text."

    threshold: int = 100_000

    def __call__(self, context: Context) -> Iterator[Finding]:
        for figure in context.figures():
            if figure.field == "displaced" and figure.estimate.canonical_low >= self.threshold:
                yield Finding(
                    check=self.id,
                    severity=self.severity,
                    records=[figure.record.id],
                    paths=[figure.path],
                    message=f"{figure.record.source.name}: {figure.estimate}",
                )


def custom_check(document: Document) -> list[Finding]:
    """Register a check, run it by id, and unregister it."""
    check: Check = register(LargeDisplacement())
    try:
        assert check.id in available()
        report = incursion.check(document, select=[LargeDisplacement.id])
        beside = incursion.check(document, checks=[*BUILTIN, LargeDisplacement(threshold=1)])
        assert beside.thresholds[LargeDisplacement.id] == {"threshold": 1}
    finally:
        unregister(LargeDisplacement.id)
    return list(report.findings)


def extract_figures() -> list[Mention]:
    """Figures read out of text, their estimates used as record fields."""
    mentions = incursion.extract(
        "Officials said around 1,000 sq km (386 sq mi) and 28 Russian settlements were held.",
        percentages=True,
    )
    assert_type(mentions, list[Mention])
    area, settlements = mentions
    start, end = area.span
    assert (start, end) == (area.start, area.end)
    noun: str | None = settlements.noun
    assert noun == "Russian settlements"
    TerritorialClaim(
        id="extracted",
        source=ISW,
        subject="kursk-2024",
        as_of="2024-08-12",
        area=area.estimate,
        settlements=settlements.estimate,
    )
    return mentions


def with_pandas(document: Document, report: Report) -> pd.DataFrame:
    """Figures and findings as DataFrames, and figures back to a document."""
    frame = to_dataframe(document)
    assert_type(frame, pd.DataFrame)
    displaced = frame[frame["field"] == "displaced"]
    assert sorted(displaced["source"]) == ["putin", "smirnov"]
    assert from_dataframe(frame) == document
    again: Document = from_dataframe(frame, sources=document.sources, regions=document.regions)
    assert again == document
    findings = to_dataframe(report)
    assert "severity" in findings.columns
    return frame


def schema_and_errors() -> list[Problem]:
    """The JSON Schema, and the errors a user catches."""
    document_schema = incursion.schema()
    assert_type(document_schema, dict[str, Any])
    assert document_schema["$schema"].endswith("2020-12/schema")

    problems: list[Problem] = []
    refused: list[incursion.IncursionError] = []
    try:
        incursion.loads('{"incursion": 1, "sources": [], "records": [{"kind": "battle"}]}')
    except DocumentError as error:  # every problem, each with its JSON path
        problems += error.problems
        refused.append(error)
    try:
        Estimate.parse("about 10 parsecs")
    except ParseError as error:
        refused.append(error)
    try:
        TerritorialClaim(
            id="bad", source=ISW, subject="kursk-2024", as_of="2024-08-12", area="12 km"
        )
    except incursion.IncursionError as error:  # a length is no area
        refused.append(error)
    try:
        Source(id="", name="Nobody")
    except RecordError as error:
        refused.append(error)
    fields: list[str | None] = [error.field for error in refused]
    assert fields == [None, None, "area", "id"], fields
    return problems


def record_what_reports_say() -> Document:
    """Equipment by type, a measurement, relations between them, and a revision."""
    launched = Measurement(
        id="launched",
        source=ISW,
        subject="kursk-2024",
        as_of="2024-08-12",
        measure="drones-launched",
        party="Russia",
        value="120 drones",
    )
    down = MaterielLoss(
        id="down",
        source=ISW,
        subject="kursk-2024",
        as_of="2024-08-12",
        party="Russia",
        fate="destroyed",
        equipment={"drones": Count(total=100, change="+4")},
        within=Relation(record="launched", field="value"),
    )
    held = TerritorialClaim(
        id="held",
        source=ISW,
        subject="kursk-2024",
        as_of="2024-08-12",
        area="850 km²",
        share_of=Share(percent="85%", whole="the district"),
    )
    assert_type(down.equipment, Mapping[str, Count])
    assert_type(launched.value, Count | None)
    assert MEASURES["force-size"].dimension == "person"
    document = Document.from_records([launched, down, held])
    assert [f.check for f in incursion.check(document).findings] == []
    return document


def main() -> None:
    """Run every part, so that this file is real code as well as typed code."""
    assert incursion.__version__
    read_figures()
    document = round_trip(record_by_hand())
    report = run_checks(document)
    assert custom_check(kursk_2024())
    assert extract_figures()
    with_pandas(kursk_2024(), incursion.check(kursk_2024()))
    assert incursion.loads(kursk_2024_json()) == kursk_2024()
    assert schema_and_errors()
    assert report.records == len(document.records)
    assert incursion.loads(incursion.dumps(record_what_reports_say())).records


if __name__ == "__main__":
    main()
