"""pandas interop: figures and findings as DataFrames, and frames back, every problem named."""

from __future__ import annotations

import datetime as dt
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
    Region,
    Source,
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
        assert claim.predicate.value == "controls"  # a column left out takes its default
        assert claim.depth == incursion.Estimate.of(12, "km")
        assert isinstance(report, CasualtyReport)
        assert report.wounded is not None
        assert report.wounded.total.dimension == "person"
        assert [p.name for p in report.wounded.parts] == ["children"]

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
        assert "only a count of people has complete" in found[0].message
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
