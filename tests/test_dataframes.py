"""pandas interop: figures and findings as DataFrames, and frames back, every problem named."""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import sys
from typing import Any

import numpy as np
import pytest

pytest.importorskip("pandas", reason="the pandas extra is not installed")

import pandas as pd
from hypothesis import given, settings

import incursion
from incursion import (
    Allegation,
    CasualtyReport,
    Count,
    Document,
    MaterielLoss,
    Measurement,
    Predicate,
    Region,
    Source,
    Tally,
    TerritorialClaim,
)
from incursion.dataframes import (
    ATTRS_KEY,
    COLUMNS,
    REPORT_COLUMNS,
    from_dataframe,
    to_dataframe,
)
from incursion.examples import kursk_2024
from incursion.exceptions import DocumentError, Problem
from incursion.strategies import documents as documents_of_every_kind
from strategies import documents

SOURCE = Source(id="ua", name="Ukrainian official", side="Ukraine")


def kursk_frame() -> pd.DataFrame:
    """The bundled document as a frame, fresh for each use."""
    return to_dataframe(kursk_2024())


def row(frame: pd.DataFrame, record_id: str, field: str | None = None) -> pd.Series[Any]:
    """The one row of a record's figure (or of a record without figures)."""
    chosen = frame[
        (frame.id == record_id) & (frame.field.isna() if field is None else frame.field == field)
    ]
    assert len(chosen) == 1
    return chosen.iloc[0]


def problems(frame: pd.DataFrame, **kwargs: Any) -> list[Problem]:
    """The problems reading ``frame`` raises, in the order reported."""
    with pytest.raises(DocumentError) as caught:
        from_dataframe(frame, **kwargs)
    return list(caught.value.problems)


def paths(found: list[Problem]) -> list[str]:
    return [p.path for p in found]


# -- to a frame -------------------------------------------------------------------------------


class TestToDataFrame:
    def test_one_row_per_figure_totals_and_parts_alike(self) -> None:
        """Kursk has 9 totals and 1 part; 2 records without figures get a row each."""
        frame = kursk_frame()
        assert len(frame) == 12
        assert tuple(frame.columns) == COLUMNS
        assert list(frame.index) == list(range(12))
        assert frame.id.drop_duplicates().tolist() == [r.id for r in kursk_2024().records]

    def test_the_area_row_gives_the_interval_in_square_kilometres(self) -> None:
        """Syrskyi's "around 1,000 square kilometres" is 900 to 1,100 km², about."""
        area = row(kursk_frame(), "syrskyi-0812", "area")
        assert (area.kind, area.dimension, area.unit) == (
            "territorial-claim",
            "area",
            "kilometer ** 2",
        )
        assert (area.value, area.low, area.high) == (1000.0, 900.0, 1100.0)
        assert (area.hedge, area.word) == ("about", "around")
        assert area.text == area.figure == "around 1,000 square kilometres (386 square miles)"
        assert (area.source, area.source_name, area.source_side) == (
            "syrskyi",
            "Oleksandr Syrskyi",
            "Ukraine",
        )
        assert area.as_of == "2024-08-12"
        assert area.as_of_start == area.as_of_end == pd.Timestamp("2024-08-12")
        assert area.region == "kursk-oblast"
        assert pd.isna(area.party)

    def test_a_named_part_is_a_row_of_its_own(self) -> None:
        """Of the 121 wounded, the 10 children are the row wounded.parts.children."""
        frame = kursk_frame()
        children = row(frame, "smirnov-0812-casualties", "wounded.parts.children")
        assert (children.dimension, children.unit) == ("person", "person")
        assert (children.value, children.low, children.high) == (10.0, 10.0, 10.0)
        assert children.figure == "10 children"
        assert not children.complete
        assert row(frame, "smirnov-0812-casualties", "wounded").value == 121.0

    def test_a_record_without_figures_has_one_row_with_the_figure_columns_empty(self) -> None:
        """The RUSI assessment holds no figure: one row, its figure columns empty."""
        assessment = row(kursk_frame(), "rusi-0812-sustain")
        assert assessment.kind == "assessment"
        for column in ("field", "dimension", "unit", "value", "low", "high", "figure", "complete"):
            assert pd.isna(assessment[column]), column
        assert isinstance(assessment.likelihood, str)

    def test_an_unbounded_figure_has_no_high(self) -> None:
        """ "More than 100 square kilometres" sets no upper bound: high is NaN."""
        claim = TerritorialClaim(
            id="c", source=SOURCE, subject="k", as_of="2024-08", area="more than 100 km²"
        )
        area = to_dataframe([claim]).iloc[0]
        assert area.value == 100.0
        assert area.low == 100.0
        assert pd.isna(area.high)
        assert area.as_of_start == pd.Timestamp("2024-08-01")
        assert area.as_of_end == pd.Timestamp("2024-08-31")

    def test_values_are_in_the_canonical_unit_whatever_the_unit_written(self) -> None:
        """386 square miles is shown in square kilometres; the figure keeps the miles."""
        claim = TerritorialClaim(id="c", source=SOURCE, subject="k", as_of="2024", area="386 sq mi")
        area = to_dataframe([claim]).iloc[0]
        assert area.unit == "kilometer ** 2"
        assert area.value == pytest.approx(999.73, abs=0.01)
        assert area.figure == "386 sq mi"

    def test_a_figure_without_words_is_json_text(self) -> None:
        """A figure built from numbers is written as a JSON object, as in a document."""
        claim = TerritorialClaim(
            id="c",
            source=SOURCE,
            subject="k",
            as_of="2024-08-12",
            depth=incursion.Estimate.of(12.5, "km", "about"),
        )
        depth = to_dataframe([claim]).iloc[0]
        assert json.loads(depth.figure) == {"value": 12.5, "unit": "kilometer", "hedge": "about"}
        assert pd.isna(depth.text)

    def test_the_columns_have_the_types_analysis_needs(self) -> None:
        """Floats for values, nullable integers and booleans, datetimes for spans."""
        frame = kursk_frame()
        assert str(frame.value.dtype) == "float64"
        assert str(frame.credibility.dtype) == "Int64"
        assert str(frame.complete.dtype) == "boolean"
        assert str(frame.as_of_start.dtype).startswith("datetime64")

    def test_a_document_frame_carries_its_sources_and_regions(self) -> None:
        """frame.attrs keeps every source, cited or not, and the regions, as JSON."""
        document = kursk_2024()
        carried = to_dataframe(document).attrs[ATTRS_KEY]
        assert [s["id"] for s in carried["sources"]] == [s.id for s in document.sources]
        assert carried["regions"] == [
            {"id": "kursk-oblast", "name": "Kursk Oblast", "area": "29,997 km²"}
        ]
        json.dumps(carried)  # JSON, so that it survives where frame.attrs is stored

    def test_records_give_the_same_rows_without_attrs(self) -> None:
        """A frame of records is the document's frame without frame.attrs."""
        document = kursk_2024()
        frame = to_dataframe(document.records)
        assert frame.attrs == {}
        pd.testing.assert_frame_equal(frame, to_dataframe(document), check_flags=False)

    def test_anything_but_records_is_refused(self) -> None:
        """to_dataframe takes a document, records or a report."""
        with pytest.raises(TypeError, match="got str among the records"):
            to_dataframe(["not a record"])  # type: ignore[list-item]

    def test_an_empty_document_gives_the_columns_and_no_rows(self) -> None:
        """No records, no rows; the columns are all there."""
        frame = to_dataframe(Document(sources=[SOURCE]))
        assert len(frame) == 0
        assert tuple(frame.columns) == COLUMNS
        assert from_dataframe(frame) == Document(sources=[SOURCE])


class TestReports:
    def test_one_row_per_finding(self) -> None:
        """The Kursk report's findings, one a row, errors first, as the report has them."""
        report = incursion.check(kursk_2024())
        frame = to_dataframe(report)
        assert tuple(frame.columns) == REPORT_COLUMNS
        assert len(frame) == len(report.findings) > 0
        assert frame.check.tolist() == [f.check for f in report.findings]
        assert frame.message.tolist() == [f.message for f in report.findings]
        first = frame.iloc[0]
        assert first.records == report.findings[0].records
        assert first.paths == report.findings[0].paths
        assert first.figures == report.findings[0].figures

    def test_severity_is_ordered(self) -> None:
        """Severity is an ordered categorical: a filter keeps warnings and errors."""
        frame = to_dataframe(incursion.check(kursk_2024()))
        assert frame.severity.cat.ordered
        assert list(frame.severity.cat.categories) == ["info", "warning", "error"]
        serious = frame[frame.severity >= "warning"]
        assert set(serious.severity) <= {"warning", "error"}
        assert len(serious) == sum(
            f.severity.rank >= 1 for f in incursion.check(kursk_2024()).findings
        )

    def test_a_report_without_findings_gives_the_columns(self) -> None:
        """No findings, no rows."""
        frame = to_dataframe(incursion.check(Document()))
        assert len(frame) == 0
        assert tuple(frame.columns) == REPORT_COLUMNS


# -- back from a frame ------------------------------------------------------------------------


class TestRoundTrip:
    @settings(max_examples=25, deadline=None)
    @given(documents())
    def test_a_document_survives_a_frame(self, document: Document) -> None:
        """from_dataframe(to_dataframe(document)) is the document: records, sources, regions."""
        assert from_dataframe(to_dataframe(document)) == document

    @settings(max_examples=15, deadline=None)
    @given(documents())
    def test_without_attrs_the_sources_and_regions_can_be_given(self, document: Document) -> None:
        """A frame that lost frame.attrs reads back with sources= and regions=."""
        frame = to_dataframe(document)
        frame.attrs.clear()
        back = from_dataframe(frame, sources=document.sources, regions=document.regions)
        assert back == document

    @settings(max_examples=40, deadline=None)
    @given(documents_of_every_kind())
    def test_a_document_of_every_kind_survives_a_frame(self, document: Document) -> None:
        """Materiel losses, measurements, relations and denials too, with attrs or without."""
        frame = to_dataframe(document)
        assert from_dataframe(frame) == document
        frame.attrs.clear()
        assert from_dataframe(frame, sources=document.sources, regions=document.regions) == document

    def test_the_bundled_example_survives_a_frame(self) -> None:
        """The Kursk document, wording and all."""
        document = kursk_2024()
        assert from_dataframe(to_dataframe(document)) == document

    def test_without_attrs_the_sources_are_read_from_their_columns(self) -> None:
        """With no sources carried or given, the source columns make them, cited ones only."""
        document = kursk_2024()
        frame = to_dataframe(document)
        frame.attrs.clear()
        back = from_dataframe(frame, regions=document.regions)
        assert back == Document.from_records(document.records, document.regions)

    def test_a_filtered_frame_gives_the_records_left(self) -> None:
        """Rows kept by a filter are the records they hold; the sources come along in attrs."""
        frame = kursk_frame()
        casualties = from_dataframe(frame[frame.kind == "casualty-report"])
        assert [r.id for r in casualties.records] == [
            r.id for r in kursk_2024().records if r.kind == "casualty-report"
        ]
        assert casualties.sources == kursk_2024().sources

    def test_a_changed_figure_is_read_when_its_views_are_dropped(self) -> None:
        """Change the figure column, drop what showed the old one: the new figure is read."""
        frame = kursk_frame().drop(columns=["value", "low", "high", "hedge", "word", "text"])
        frame.loc[0, "figure"] = "about 1,200 square kilometres"
        claim = from_dataframe(frame).record("syrskyi-0812")
        assert isinstance(claim, TerritorialClaim)
        assert claim.area is not None
        assert claim.area.interval == (1080.0, 1320.0)

    def test_a_frame_of_the_required_columns_alone_is_read(self) -> None:
        """id, kind, source, subject, as_of, field and figure are enough, with sources given."""
        frame = pd.DataFrame(
            {
                "id": ["c1", "c1", "r1", "r1"],
                "kind": [
                    "territorial-claim",
                    "territorial-claim",
                    "casualty-report",
                    "casualty-report",
                ],
                "source": ["ua"] * 4,
                "subject": ["k"] * 4,
                "as_of": ["2024-08-12"] * 4,
                "field": ["area", "depth", "wounded", "wounded.parts.children"],
                "figure": [
                    "about 1,000 km²",
                    {"value": 12, "unit": "km"},
                    "121",
                    '{"value": 10, "hedge": "at-least"}',
                ],
            }
        )
        document = from_dataframe(frame, sources=[SOURCE])
        claim, report = document.records
        assert isinstance(claim, TerritorialClaim)
        assert claim.predicate is None  # a column left out is unspecified, as in JSON
        assert claim.status is None
        assert claim.depth == incursion.Estimate.of(12, "km")
        assert isinstance(report, CasualtyReport)
        assert report.wounded is not None
        assert report.wounded.total.dimension == "person"
        assert [p.name for p in report.wounded.parts] == ["children"]
        assert report.population is None

    def test_parts_keep_the_order_of_their_rows(self) -> None:
        """A count's parts are in row order, whether or not the rows are together."""
        report = CasualtyReport(
            id="r",
            source=SOURCE,
            subject="k",
            as_of="2024",
            wounded=Count(
                total="100 people", parts={"women": "20 people", "children": "10 people"}
            ),
        )
        swapped = to_dataframe([report]).iloc[[0, 2, 1]]
        (back,) = from_dataframe(swapped).records
        assert isinstance(back, CasualtyReport)
        assert back.wounded is not None
        assert [p.name for p in back.wounded.parts] == ["children", "women"]

    def test_what_pandas_does_to_cells_is_undone(self) -> None:
        """A whole float credibility is that number; a date in as_of is that day."""
        frame = kursk_frame()
        frame["credibility"] = frame.credibility.astype("float64")
        frame["as_of"] = [dt.date(2024, 8, 12) if a == "2024-08-12" else a for a in frame.as_of]
        frame = frame.astype({"complete": object})
        assert from_dataframe(frame) == kursk_2024()


class TestErrors:
    def test_every_problem_is_listed_with_its_row_and_column(self) -> None:
        """A bad unit, a bad hedge, a missing id and conflicting fields: one error, each named."""
        frame = kursk_frame()
        frame.loc[0, "unit"] = "parsecs"  # a unit that is no unit
        frame.loc[1, "figure"] = '{"value": 12, "unit": "parsecs"}'  # ... in the figure itself
        frame.loc[7, "hedge"] = "roughly-ish"
        frame.loc[10, "id"] = None
        frame.loc[5, "party"] = "Ukraine"  # the record's other rows say Russia
        found = problems(frame)
        assert paths(found) == [
            "$.rows[0].unit",
            "$.rows[1].figure",
            "$.rows[5].party",
            "$.rows[7].hedge",
            "$.rows[10].id",
        ]
        messages = {p.path: p.message for p in found}
        assert messages["$.rows[0].unit"].startswith('unknown unit "parsecs"')
        assert messages["$.rows[1].figure"] == 'unknown unit "parsecs"'
        assert "must agree" in messages["$.rows[5].party"]
        assert '"Russia" in $.rows[4]' in messages["$.rows[5].party"]
        assert messages["$.rows[7].hedge"].startswith("hedge must be one of 'exact', 'about'")
        assert messages["$.rows[10].id"] == "required: the id of the row's record"

    def test_a_changed_value_is_an_error_not_a_change_of_the_figure(self) -> None:
        """Editing value alone would silently be lost: it is reported against the figure."""
        frame = kursk_frame()
        frame.loc[0, "value"] = 1200.0
        frame.loc[0, "high"] = float("nan")
        found = problems(frame)
        assert paths(found) == ["$.rows[0].value", "$.rows[0].high"]
        assert "the figure column holds the figure" in found[0].message

    def test_the_rows_of_one_source_must_agree(self) -> None:
        """Source columns must agree with the sources carried, or else with each other."""
        frame = kursk_frame()
        frame.loc[2, "source_name"] = "A. Smirnov"
        with_attrs = problems(frame)
        assert paths(with_attrs) == ["$.rows[2].source_name"]
        assert "in $.attrs.incursion.sources" in with_attrs[0].message
        frame.attrs.clear()
        without = problems(frame, regions=kursk_2024().regions)
        assert paths(without) == ["$.rows[2].source_name"]
        assert "in $.rows[1]" in without[0].message

    def test_columns_are_checked_first(self) -> None:
        """A column of one's own and a missing required column are reported, and nothing else."""
        frame = kursk_frame().assign(ratio=1.0).drop(columns=["figure"])
        frame.loc[0, "hedge"] = "roughly-ish"
        assert paths(problems(frame)) == ["$.columns.ratio", "$.columns.figure"]
        bare = kursk_frame().drop(columns=["source_name"])
        bare.attrs.clear()
        missing = problems(bare)
        assert paths(missing) == ["$.columns.source_name"]
        assert "no sources were given" in missing[0].message

    def test_rows_that_cannot_be_figures_of_their_record(self) -> None:
        """A field the kind lacks, a figure given twice, a part not written as one."""
        frame = kursk_frame()
        frame.loc[0, "field"] = "wounded"
        frame.loc[2, "field"] = "depth"
        frame.loc[6, "field"] = "wounded.children"
        found = problems(frame)
        assert paths(found) == ["$.rows[0].field", "$.rows[2].field", "$.rows[6].field"]
        assert "a territorial-claim has no figure 'wounded'" in found[0].message
        assert "has a depth already, in $.rows[1]" in found[1].message
        assert found[2].message.endswith("or FIELD.parts.NAME for a part of a count")

    def test_a_part_without_its_total(self) -> None:
        """The children wounded without the wounded: add the total's row."""
        frame = kursk_frame().drop(index=5)
        found = problems(frame)
        assert paths(found) == ["$.rows[5].field"]
        assert "add a row whose field is 'wounded'" in found[0].message

    def test_a_field_of_another_kind_must_be_empty(self) -> None:
        """A territorial claim has no party: a value there is reported, not dropped."""
        frame = kursk_frame()
        frame.loc[0, "party"] = "Russia"
        assert paths(problems(frame)) == ["$.rows[0].party"]

    def test_record_fields_are_checked_as_in_json(self) -> None:
        """A bad credibility, a bad predicate and unreadable JSON, each at its cell."""
        frame = kursk_frame()
        frame.loc[0, "credibility"] = 9
        frame.loc[3, "predicate"] = "holds"
        frame.loc[[4, 5, 6], "citation"] = '{"published": "12 August"'  # the record's 3 rows
        frame.loc[10, "figure"] = "nearly 2,000 square kilometres"  # not a count of strikes
        frame = frame.drop(
            columns=["dimension", "unit", "value", "low", "high", "hedge", "word", "text"]
        )
        found = problems(frame)
        assert paths(found) == [
            "$.rows[0].credibility",
            "$.rows[3].predicate",
            "$.rows[4].citation",
            "$.rows[10].figure",
        ]
        assert found[0].message.startswith("credibility must be a whole number from 1")
        assert found[1].message.startswith("predicate must be one of 'controls'")
        assert found[2].message.startswith("not valid JSON")
        assert found[3].message.startswith("expected a count")

    def test_an_unknown_region_names_where_regions_come_from(self) -> None:
        """Without regions carried or given, a claim's region is unknown."""
        frame = kursk_frame()
        frame.attrs.clear()
        found = problems(frame)
        assert paths(found) == ["$.rows[0].region", "$.rows[1].region", "$.rows[3].region"]
        assert found[0].message == (
            "unknown region id 'kursk-oblast': expected one of the ids in regions= (none)"
        )

    def test_broken_attrs_are_named_in_attrs(self) -> None:
        """A source carried in frame.attrs that is not one is reported there."""
        frame = kursk_frame()
        del frame.attrs[ATTRS_KEY]["sources"][0]["name"]
        frame.attrs[ATTRS_KEY]["regions"] = [
            {"id": "kursk-oblast", "name": "Kursk Oblast", "area": "29,997 km"}
        ]
        assert paths(problems(frame)) == [
            "$.attrs.incursion.sources[0].name",
            "$.attrs.incursion.regions[0].area",
            "$.rows[0].source_name",
        ]

    def test_no_problem_is_a_traceback(self) -> None:
        """Cells pandas can hold but a document cannot are named, never a crash."""
        frame = kursk_frame().astype({"subject": object, "figure": object, "value": object})
        frame.loc[0, "subject"] = pd.Timestamp("2024-08-12 10:30")
        frame.loc[1, "figure"] = 3 + 4j
        frame.loc[2, "value"] = "forty"
        found = problems(frame)
        assert paths(found) == ["$.rows[0].subject", "$.rows[1].figure", "$.rows[2].value"]
        assert found[0].message.startswith("expected text, got Timestamp")
        assert found[1].message.startswith("expected a figure as its words or a JSON object")
        assert found[2].message.startswith('value must be a number, got "forty"')

    def test_lists_and_arrays_in_cells_are_named(self) -> None:
        """A list for a kind or an array for a word, as read_json leaves them, are problems."""
        frame = kursk_frame().astype({"kind": object, "word": object})
        # .at stores a list or an array in one cell; .loc would spread it over cells.
        frame.at[0, "kind"] = ["territorial-claim"]  # type: ignore[assignment]  # noqa: PD008
        frame.at[1, "word"] = np.array([1, 2])  # type: ignore[assignment]  # noqa: PD008
        assert paths(problems(frame))[:2] == ["$.rows[0].kind", "$.rows[1].word"]

    def test_a_row_without_field_holds_no_figure(self) -> None:
        """A figure on a row with no field, and a complete flag off a count, are reported."""
        frame = kursk_frame()
        frame.loc[9, "figure"] = "12 strikes"
        frame.loc[0, "complete"] = True
        frame.loc[6, "complete"] = True  # its total, row 5, says false
        found = problems(frame)
        assert paths(found) == ["$.rows[0].complete", "$.rows[6].complete", "$.rows[9].figure"]
        assert "only a count has complete" in found[0].message
        assert "the rows of one count must agree" in found[1].message
        assert found[2].message.startswith("the row has no field, so no figure")

    def test_sources_given_win_over_attrs_and_are_checked_too(self) -> None:
        """sources= replaces what frame.attrs carries; the source columns must agree with it."""
        frame = kursk_frame()
        renamed = [
            Source(id=s.id, name="Anon", side=s.side) if s.id == "putin" else s
            for s in kursk_2024().sources
        ]
        found = problems(frame, sources=renamed)
        assert paths(found) == [
            "$.rows[8].source_name",
            "$.rows[8].source_role",
            "$.rows[8].source_kind",
        ]
        assert found[0].message == (
            'source \'putin\' has name "Anon" in sources=, "Vladimir Putin" here'
        )
        twice = [*kursk_2024().sources, kursk_2024().sources[0]]
        assert paths(problems(frame, sources=twice)) == ["sources[6].id"]

    def test_attrs_that_are_not_ours_are_reported(self) -> None:
        """frame.attrs["incursion"] must be what to_dataframe writes."""
        frame = kursk_frame()
        frame.attrs[ATTRS_KEY] = ["not", "it"]
        found = problems(frame)
        assert paths(found)[0] == "$.attrs.incursion"
        frame.attrs[ATTRS_KEY] = {"incursion": 2, "sources": [], "extra": 1}
        assert paths(problems(frame))[:2] == ["$.attrs.incursion", "$.attrs.incursion.incursion"]

    def test_not_a_frame(self) -> None:
        """Anything but a DataFrame is a TypeError: a mistake in the code, not in the data."""
        with pytest.raises(TypeError, match="expected a pandas DataFrame, got list"):
            from_dataframe([])  # type: ignore[arg-type]

    def test_sources_given_must_be_sources(self) -> None:
        """sources= holds Source objects; another value is named by its place in it."""
        frame = kursk_frame()
        given: list[Any] = [*kursk_2024().sources, "putin"]
        assert paths(problems(frame, sources=given)) == ["sources[6]"]


class TestEmptyText:
    def test_empty_text_is_not_missing(self) -> None:
        """An empty note or proposition is text, and reads back as such."""
        claim = TerritorialClaim(
            id="c", source=SOURCE, subject="k", as_of="2024", area="5 km²", note="", controller=""
        )
        document = Document.from_records([claim])
        frame = to_dataframe(document)
        assert frame.note.tolist() == [""]
        assert from_dataframe(frame) == document


class TestWithoutPandas:
    def test_importing_says_which_extra_to_install(self) -> None:
        """Without pandas, importing the module says to install incursion[pandas]."""
        code = "import sys; sys.modules['pandas'] = None; import incursion.dataframes"
        done = subprocess.run(  # noqa: S603 - our own interpreter on our own code
            [sys.executable, "-c", code], capture_output=True, text=True, check=False
        )
        assert done.returncode == 1
        assert "ImportError: incursion.dataframes needs pandas" in done.stderr
        assert "pip install 'incursion[pandas]'" in done.stderr


class TestBareNumbers:
    def test_allegation_counts_read_back_as_they_were(self) -> None:
        """A bare-number count of an allegation stays a bare number."""
        allegation = Allegation(id="a", source=SOURCE, subject="k", as_of="2024", count="12")
        document = Document(
            sources=[SOURCE], records=[allegation], regions=[Region(id="r", name="R")]
        )
        assert from_dataframe(to_dataframe(document)) == document


# -- the grown record model: materiel losses, measurements, relations, denials --------------

RU = Source(id="ru-mod", name="Russian Ministry of Defence", side="Russia")
KREMLIN = Source(id="kremlin", name="Kremlin", side="Russia")


def materiel_loss() -> MaterielLoss:
    """47 armoured vehicles (+3), among them 9 tanks and about 12 IFVs; 4 MLRS, a stock."""
    return MaterielLoss(
        id="losses",
        source=SOURCE,
        subject="k",
        as_of="2024-08-20",
        party="Russia",
        fate="destroyed",
        status="documented",
        equipment={
            "armoured vehicles": Count(
                total="47", parts={"tanks": "9", "IFVs": "about 12"}, change="+3"
            ),
            "MLRS": Count(total="4", tally="stock"),
        },
    )


def grown() -> Document:
    """A document with every new kind and field: relations, a revision, a denial."""
    records = [
        materiel_loss(),
        Measurement(
            id="population",
            source=SOURCE,
            subject="k",
            as_of="2024-08",
            measure="population",
            of="Sudzha",
            value="about 5,000",
        ),
        Measurement(
            id="evacuated",
            source=RU,
            subject="k",
            as_of="2024-08-20",
            measure="evacuated",
            of="Sudzha",
            status="claimed",
            value="4,000",
            within={"record": "population", "field": "value"},
        ),
        TerritorialClaim(
            id="whole", source=SOURCE, subject="k", as_of="2024-08-20", area="1,300 km²"
        ),
        TerritorialClaim(
            id="share",
            source=RU,
            subject="k",
            as_of="2024-08-21",
            status="assessed",
            area="1,100 km²",
            share_of={"record": "whole", "field": "area", "percent": "about 85%"},
            revises="whole",
        ),
        CasualtyReport(
            id="casualties",
            source=RU,
            subject="k",
            as_of="2024-08-20",
            population="military",
            group="conscripts",
            status="claimed",
            killed=Count(total="100", change="+5"),
            wounded="200",
            killed_and_wounded="300",
            displaced=Count(total="1,000", tally="cumulative"),
            within={"record": "population", "field": "value", "figure": "killed"},
            share_of={"percent": "more than 85%", "whole": "the regiment", "figure": "killed"},
        ),
        Allegation(
            id="denied",
            source=SOURCE,
            subject="k",
            as_of="2024-08",
            accused="Russia",
            act="chemical-weapons-use",
            status="claimed",
            count="nearly 2,000 strikes",
            evidence="denied",
            denied_by=(RU, KREMLIN),
        ),
    ]
    return Document(sources=[SOURCE, RU, KREMLIN], records=records)


class TestGrownModel:
    def test_equipment_counts_and_their_parts_are_rows(self) -> None:
        """Each equipment type is a row equipment.TYPE; its parts rows of their own."""
        frame = to_dataframe([materiel_loss()])
        assert frame.field.tolist() == [
            "equipment.armoured vehicles",
            "equipment.armoured vehicles.parts.tanks",
            "equipment.armoured vehicles.parts.IFVs",
            "equipment.MLRS",
        ]
        assert frame.dimension.tolist() == [
            "armoured_vehicle",
            "tank",
            "infantry_fighting_vehicle",
            "mlrs",
        ]
        assert frame.value.tolist() == [47.0, 9.0, 12.0, 4.0]
        assert (frame.party.unique().tolist(), frame.fate.unique().tolist()) == (
            ["Russia"],
            ["destroyed"],
        )
        assert frame.status.unique().tolist() == ["documented"]

    def test_a_count_change_is_on_its_total_row_and_its_tally_on_every_row(self) -> None:
        """The day's change ("+3") is the total's; a stated tally is the count's, row by row."""
        frame = to_dataframe([materiel_loss()])
        assert frame.change[0] == "3"
        assert frame.change[1:].isna().all()
        assert frame.tally[:3].isna().all()
        assert frame.tally[3] == "stock"
        assert frame.complete.tolist() == [False, False, False, False]

    def test_a_materiel_loss_with_parts_and_change_survives_a_frame(self) -> None:
        """Equipment, parts, change and tally come back as they were."""
        document = Document.from_records([materiel_loss()])
        back = from_dataframe(to_dataframe(document))
        assert back == document
        (loss,) = back.records
        assert isinstance(loss, MaterielLoss)
        vehicles = loss.equipment["armoured vehicles"]
        assert vehicles.change is not None
        assert vehicles.change.number == 3
        assert [p.name for p in vehicles.parts] == ["tanks", "IFVs"]
        assert loss.equipment["MLRS"].tally is Tally.STOCK

    def test_a_measurement_value_is_a_row_whose_field_is_value(self) -> None:
        """A population of "about 5,000" is a row of people; the measure is a column."""
        document = grown()
        frame = to_dataframe(document)
        population = row(frame, "population", "value")
        assert (population.kind, population.measure, population.of) == (
            "measurement",
            "population",
            "Sudzha",
        )
        assert (population.dimension, population.value, population.figure) == (
            "person",
            5000.0,
            "about 5,000",
        )
        measured = Document.from_records([document.record("population")])
        assert from_dataframe(to_dataframe(measured)) == measured

    def test_relations_are_columns_of_their_keys(self) -> None:
        """within and share_of are flattened, one column per key; revises is an id."""
        frame = to_dataframe(grown())
        evacuated = row(frame, "evacuated", "value")
        assert (evacuated.within_record, evacuated.within_field) == ("population", "value")
        assert pd.isna(evacuated.within_figure)
        share = row(frame, "share", "area")
        assert (share.share_of_record, share.share_of_field, share.share_of_percent) == (
            "whole",
            "area",
            "about 85%",
        )
        assert share.revises == "whole"
        casualties = row(frame, "casualties", "killed")
        assert (casualties.within_figure, casualties.share_of_figure) == ("killed", "killed")
        assert (casualties.share_of_whole, casualties.share_of_percent) == (
            "the regiment",
            "more than 85%",
        )
        assert pd.isna(casualties.share_of_record)
        assert pd.isna(row(frame, "whole", "area").within_record)

    def test_denied_by_is_source_ids_separated_by_commas(self) -> None:
        """The sources that deny an allegation, by id, in one cell."""
        frame = to_dataframe(grown())
        assert row(frame, "denied", "count").denied_by == "ru-mod, kremlin"
        assert pd.isna(row(frame, "whole", "area").denied_by)

    def test_every_new_kind_and_field_survives_a_frame(self) -> None:
        """Measurements, materiel losses, relations, revisions and denials come back."""
        document = grown()
        back = from_dataframe(to_dataframe(document))
        assert back == document
        denied = back.record("denied")
        assert isinstance(denied, Allegation)
        assert denied.denied_by == (RU, KREMLIN)
        share = back.record("share")
        assert share.share_of is not None
        assert (share.share_of.percent.number, share.share_of.percent.unit) == (85.0, "percent")

    def test_the_grown_document_survives_without_attrs_and_as_csv(self) -> None:
        """With sources= and regions=, and text read as text, nothing is lost."""
        document = grown()
        frame = to_dataframe(document)
        frame.attrs.clear()
        assert from_dataframe(frame, sources=document.sources) == document
        text = frame.to_csv(index=False)
        numbers = {
            "value": "float64",
            "low": "float64",
            "high": "float64",
            "credibility": "Int64",
            "complete": "boolean",
        }
        again = pd.read_csv(io.StringIO(text), dtype={c: numbers.get(c, str) for c in COLUMNS})
        assert from_dataframe(again, sources=document.sources) == document

    def test_unspecified_qualifiers_stay_unspecified(self) -> None:
        """No predicate, status or population is an empty cell, not the reading of one."""
        said = TerritorialClaim(
            id="said",
            source=SOURCE,
            subject="k",
            as_of="2024",
            area="5 km²",
            predicate=Predicate.CONTROLS,
            status="claimed",
        )
        unsaid = TerritorialClaim(
            id="unsaid", source=SOURCE, subject="k", as_of="2024", area="5 km²"
        )
        report = CasualtyReport(id="r", source=SOURCE, subject="k", as_of="2024", killed="3")
        document = Document.from_records([said, unsaid, report])
        frame = to_dataframe(document)
        assert row(frame, "said", "area").predicate == "controls"
        assert pd.isna(row(frame, "unsaid", "area").predicate)
        assert pd.isna(row(frame, "unsaid", "area").status)
        assert pd.isna(row(frame, "r", "killed").population)
        back = from_dataframe(frame)
        assert back == document
        unsaid_back = back.record("unsaid")
        assert isinstance(unsaid_back, TerritorialClaim)
        assert (unsaid_back.predicate, unsaid_back.status) == (None, None)


class TestGrownModelErrors:
    def test_equipment_rows_are_checked(self) -> None:
        """A type that counts nothing, a change on a part, a bad tally, a count that disagrees."""
        frame = to_dataframe(Document.from_records([materiel_loss()]))
        frame.loc[3, "field"] = "equipment.parsecs"
        frame.loc[1, "change"] = "2"
        frame.loc[2, "tally"] = "stock"  # its total, row 0, states none
        found = problems(frame)
        assert paths(found) == ["$.rows[1].change", "$.rows[2].tally", "$.rows[3].field"]
        assert found[0].message.startswith("a part has no change of its own")
        assert "the rows of one count must agree" in found[1].message
        assert found[2].message.startswith('equipment type "parsecs" names no counted thing')

    def test_a_field_a_materiel_loss_cannot_have(self) -> None:
        """A materiel loss has equipment.TYPE rows only; a tally must be one."""
        frame = to_dataframe(Document.from_records([materiel_loss()]))
        frame.loc[0, "tally"] = "sometimes"
        frame.loc[3, "field"] = "tanks"
        found = problems(frame)
        assert paths(found) == ["$.rows[0].tally", "$.rows[3].field"]
        assert found[0].message.startswith("tally must be one of 'cumulative', 'stock'")
        assert "expected equipment.TYPE" in found[1].message

    def test_a_change_that_is_no_change_of_the_count(self) -> None:
        """A change must be of what its total counts: named at the change cell."""
        frame = to_dataframe(grown())
        killed = frame.index[(frame.id == "casualties") & (frame.field == "killed")][0]
        area = frame.index[(frame.id == "whole") & (frame.field == "area")][0]
        frame.loc[killed, "change"] = "5 km"
        frame.loc[area, "change"] = "5 km²"
        found = problems(frame)
        assert paths(found) == [f"$.rows[{area}].change", f"$.rows[{killed}].change"]
        assert found[0].message.startswith("only a count has change; area is not one")
        assert found[1].message == "the change is a length, the total a count of people"

    def test_relations_are_checked_at_their_columns(self) -> None:
        """A relation without its record, to an unknown record, or to no figure of it."""
        frame = to_dataframe(grown())
        evacuated = row_number(frame, "evacuated")
        share = row_number(frame, "share")
        killed = row_number(frame, "casualties")
        frame.loc[evacuated, "within_record"] = None
        frame.loc[share, "share_of_record"] = "nowhere"
        frame.loc[share, "revises"] = "nothing"
        casualties = frame.id == "casualties"
        frame.loc[casualties, "within_field"] = "area"
        found = problems(frame)
        assert paths(found) == [
            f"$.rows[{evacuated}].within_record",
            f"$.rows[{share}].revises",
            f"$.rows[{share}].share_of_record",
            f"$.rows[{killed}].within_field",
        ]
        assert found[0].message.startswith("required, as within_field is given")
        assert found[1].message == "unknown record id 'nothing'"
        assert found[2].message == "unknown record id 'nowhere'"
        assert found[3].message.startswith("record 'population' has no figure at 'area'")

    def test_a_relation_cell_that_cannot_be_read(self) -> None:
        """A bad id or share is named at its own column, before the document is read."""
        frame = to_dataframe(grown())
        evacuated = row_number(frame, "evacuated")
        share = row_number(frame, "share")
        frame.loc[evacuated, "within_record"] = "no such id!"
        frame.loc[share, "share_of_percent"] = "5 km"
        found = problems(frame)
        assert paths(found) == [
            f"$.rows[{evacuated}].within_record",
            f"$.rows[{share}].share_of_percent",
        ]
        assert found[0].message.startswith("record must be 1–128 letters")
        assert found[1].message.startswith("percent must be a share")

    def test_an_unknown_denier_is_named_at_denied_by(self) -> None:
        """denied_by names sources the document has; without them, give sources=."""
        frame = to_dataframe(grown())
        denied = row_number(frame, "denied")
        frame.loc[denied, "denied_by"] = "ru-mod, nobody"
        found = problems(frame)
        assert paths(found) == [f"$.rows[{denied}].denied_by"]
        assert found[0].message.startswith("unknown source id 'nobody'")
        assert "$.attrs.incursion.sources" in found[0].message

    def test_a_measurement_needs_its_value_row(self) -> None:
        """A measurement whose value row is gone is named at its first row."""
        frame = to_dataframe(grown())
        population = row_number(frame, "population")
        figure_columns = ["field", "dimension", "unit", "value", "low", "high", "hedge"]
        frame.loc[population, [*figure_columns, "word", "text", "figure", "complete"]] = None
        found = problems(frame)
        assert paths(found)[0] == f"$.rows[{population}]"
        assert "needs at least one figure (value)" in found[0].message

    def test_a_measurement_value_is_checked_against_its_measure(self) -> None:
        """A length for a population is reported at the figure, and its views left alone."""
        frame = to_dataframe(grown())
        population = row_number(frame, "population")
        frame.loc[population, "figure"] = "5 km"
        found = problems(frame)
        assert paths(found)[0] == f"$.rows[{population}].figure"
        assert found[0].message == 'expected a count of people, got "5 km" (a length)'


def row_number(frame: pd.DataFrame, record_id: str) -> int:
    """The position of a record's first row."""
    return int(np.flatnonzero(frame.id == record_id)[0])
