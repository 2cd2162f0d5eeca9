"""Each check finds what it must, and keeps quiet on a near miss."""

from __future__ import annotations

import itertools
import re
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any, ClassVar

import attrs
import pytest

import incursion
from incursion import (
    Allegation,
    Assessment,
    CasualtyReport,
    Count,
    Document,
    Likelihood,
    MaterielLoss,
    Record,
    Region,
    Source,
    TerritorialClaim,
)
from incursion.checks import (
    BUILTIN,
    CheckError,
    Context,
    Finding,
    Report,
    Severity,
    available,
    register,
    run,
)
from incursion.examples import kursk_2024

UKRAINE = Source(id="ua", name="Ukrainian official", side="Ukraine")
RUSSIA = Source(id="ru", name="Russian official", side="Russia")


def claim(id_: str, source: Source = UKRAINE, as_of: str = "2024-08-12", **fields: Any) -> Record:
    return TerritorialClaim(
        id=id_, source=source, subject="k", as_of=as_of, controller="Ukraine", **fields
    )


def casualties(
    id_: str, source: Source = RUSSIA, as_of: str = "2024-08-12", **fields: Any
) -> Record:
    return CasualtyReport(
        id=id_,
        source=source,
        subject="k",
        as_of=as_of,
        party="Russia",
        population="civilian",
        **fields,
    )


def found(check: str, records: Iterable[Record], regions: Iterable[Region] = ()) -> list[Finding]:
    document = Document.from_records(records, regions)
    return list(run(document, select=[check]).findings)


class TestSeed:
    """The bundled Kursk example gives the findings the design describes."""

    def test_extent_error_shows_480_and_506(self) -> None:
        """Syrskyi's area against Smirnov's depth and front is an error with the arithmetic."""
        (finding,) = list(run(kursk_2024(), select=["extent"]).findings)
        assert finding.severity is Severity.ERROR
        assert finding.records == ("syrskyi-0812", "smirnov-0812-advance")
        assert "480 km²" in finding.message
        assert "506 km²" in finding.message

    def test_correct_conversions_raise_nothing_at_warning_or_above(self) -> None:
        """386 sq mi, 7.5 mi and 25 mi are right; at most an info note on precision."""
        findings = list(run(kursk_2024(), select=["conversion"]).findings)
        assert all(f.severity is Severity.INFO for f in findings)

    def test_displaced_figures_disagree(self) -> None:
        """100,000 against about 121,000 on the same day: disjoint, an error, 3,900 apart."""
        (finding,) = list(run(kursk_2024(), select=["disagreement"]).findings)
        assert finding.severity is Severity.ERROR
        assert set(finding.records) == {"putin-0812-displaced", "smirnov-0812-displaced"}
        assert "3,900" in finding.message

    def test_the_whole_report(self) -> None:
        """Two errors, no warnings on the bundled example."""
        report = incursion.check(kursk_2024())
        assert report.by_severity["error"] == 2
        assert report.by_severity["warning"] == 0


class TestConversion:
    """A bracketed conversion must match the figure to the precision it was written to."""

    def test_wrong_conversion_is_an_error(self) -> None:
        """700 square miles is 1,813 km², not 2,000."""
        (finding,) = found("conversion", [claim("a", area="about 700 square miles (2,000 km²)")])
        assert finding.severity is Severity.ERROR
        assert "1,813" in finding.message

    def test_right_conversion_passes(self) -> None:
        """12 km is 7.46 miles: "(7.5 miles)" is right to its tenth."""
        assert found("conversion", [claim("a", depth="12 km (7.5 miles)")]) == []

    def test_truncation_is_info(self) -> None:
        """40 km is 24.85 miles: "(24 miles)" truncates rather than rounds."""
        (finding,) = found("conversion", [claim("a", depth="40 km (24 miles)")])
        assert finding.severity is Severity.INFO
        assert "truncated" in finding.message

    def test_range_conversions_pair_their_ends(self) -> None:
        """Each end of a bracketed range is checked against its own end."""
        assert found("conversion", [claim("a", depth="10 to 15 km (6 to 9 miles)")]) == []
        (finding,) = found("conversion", [claim("a", depth="10 to 15 km (6 to 19 miles)")])
        assert finding.severity is Severity.ERROR

    def test_a_bound_may_be_converted_from_the_value_beyond_it(self) -> None:
        """More than 6,000 km² bounds a value the bracket converts: 2,400 mi² is 6,216 km²."""
        (finding,) = found("conversion", [claim("a", area="more than 6,000 km² (2,400 sq mi)")])
        assert finding.severity is Severity.INFO
        assert "6,000–6,150 km²" in finding.message
        assert "beyond the bound" in finding.message

    def test_a_bound_bracket_on_the_closed_side_is_an_error(self) -> None:
        """2,200 mi² is 5,698 km²: below "more than 6,000 km²", so the bracket is wrong."""
        (finding,) = found("conversion", [claim("a", area="more than 6,000 km² (2,200 sq mi)")])
        assert finding.severity is Severity.ERROR

    def test_a_bound_is_exact_on_its_closed_side(self) -> None:
        """75 mi² is 194 km²: not "more than 200 km²", though 195–205 km² would meet it."""
        (finding,) = found("conversion", [claim("a", area="more than 200 km² (75 sq mi)")])
        assert finding.severity is Severity.ERROR
        assert found("conversion", [claim("a", area="more than 200 km² (77 sq mi)")]) == []

    def test_a_bound_reaches_one_step_only(self) -> None:
        """2,600 mi² is 6,734 km²: more than one step (100 km²) beyond the bound: an error."""
        (finding,) = found("conversion", [claim("a", area="more than 6,000 km² (2,600 sq mi)")])
        assert finding.severity is Severity.ERROR

    def test_an_upper_bound_reaches_below(self) -> None:
        """ "Up to 40 km (24 miles)": 24 mi is 38.6 km, one step below the bound: info."""
        (finding,) = found("conversion", [claim("a", depth="up to 40 km (24 miles)")])
        assert finding.severity is Severity.INFO
        assert "38.5–40 km" in finding.message

    def test_both_precisions_meeting_is_info(self) -> None:
        """7 mi is 11.3 km, outside 11.5–12.5 km; but 6.5–7.5 mi meets it: info, not error."""
        (finding,) = found("conversion", [claim("a", depth="7 miles (12 km)")])
        assert finding.severity is Severity.INFO
        assert "6.5–7.5 mi" in finding.message

    def test_hedges_do_not_excuse_a_wrong_bracket(self) -> None:
        """ "about" widens the figure's reading, not the precision the bracket is held to."""
        (finding,) = found("conversion", [claim("a", depth="about 10 km (8 miles)")])
        assert finding.severity is Severity.ERROR


class TestExtent:
    """An area cannot exceed depth × front."""

    def test_fits_inside(self) -> None:
        """400 km² fits within 12 km × 40 km."""
        records = [
            claim("a", area="400 km²"),
            claim("b", RUSSIA, depth="12 km", front_width="40 km"),
        ]
        assert found("extent", records) == []

    def test_only_at_the_edge_is_a_warning(self) -> None:
        """500 km² fits 12 km × 40 km only at the edge of the stated precision (506 km²)."""
        records = [
            claim("a", area="500 km²"),
            claim("b", RUSSIA, depth="12 km", front_width="40 km"),
        ]
        (finding,) = found("extent", records)
        assert finding.severity is Severity.WARNING

    def test_different_days_are_not_compared(self) -> None:
        """An area a week later is not bounded by an earlier depth and front."""
        records = [
            claim("a", area="1,000 km²", as_of="2024-08-19"),
            claim("b", RUSSIA, depth="12 km", front_width="40 km"),
        ]
        assert found("extent", records) == []


class TestDisagreement:
    """Different sources, same measure, same day."""

    def test_near_miss_agrees(self) -> None:
        """About 110,000 and 100,000 overlap (99,000–121,000 and 95,000–105,000)."""
        records = [
            casualties("a", displaced="about 110,000 people"),
            casualties("b", UKRAINE, displaced="100,000 people"),
        ]
        assert found("disagreement", records) == []

    def test_tension_is_a_warning(self) -> None:
        """Intervals that meet but best values 30% apart: a warning."""
        records = [
            casualties("a", displaced="between 40,000 and 100,000 people"),
            casualties("b", UKRAINE, displaced="about 100,000 people"),
        ]
        (finding,) = found("disagreement", records)
        assert finding.severity is Severity.WARNING

    def test_upper_bounds_have_no_best_value(self) -> None:
        """ "Up to 1,000" against 10 is no tension: only the bound is a claim."""
        records = [
            casualties("a", displaced="up to 1,000 people"),
            casualties("b", UKRAINE, displaced="10 people"),
        ]
        assert found("disagreement", records) == []

    def test_open_edges_do_not_meet(self) -> None:
        """ "More than 70 km" and "up to 70 km" cannot both hold."""
        records = [claim("a", depth="more than 70 km"), claim("b", RUSSIA, depth="up to 70 km")]
        (finding,) = found("disagreement", records)
        assert finding.severity is Severity.ERROR

    def test_overlapping_but_different_windows_are_a_warning(self) -> None:
        """500 killed in August against 12 on 12 August may be different moments."""
        records = [
            casualties("a", killed="500", as_of="2024-08"),
            casualties("b", UKRAINE, killed="12"),
        ]
        (finding,) = found("disagreement", records)
        assert finding.severity is Severity.WARNING

    def test_many_agreeing_figures_are_fast(self) -> None:
        """Thousands of agreeing figures of one measure on one day: no pairwise walk."""
        records = [
            casualties(f"r{i}", Source(id=f"s{i % 7}", name=f"S{i % 7}"), killed="120")
            for i in range(3000)
        ]
        start = time.perf_counter()
        assert found("disagreement", records) == []
        assert time.perf_counter() - start < 5

    def test_lower_bounds_are_compatible(self) -> None:
        """ "At least 39" agrees with 70."""
        records = [
            casualties("a", killed="at least 39 civilians"),
            casualties("b", UKRAINE, killed="70 civilians"),
        ]
        assert found("disagreement", records) == []

    def test_different_measures_are_not_compared(self) -> None:
        """Civilians killed and all killed are different measures."""
        records = [
            casualties("a", killed="12 civilians"),
            CasualtyReport(
                id="b",
                source=UKRAINE,
                subject="k",
                as_of="2024-08-12",
                party="Russia",
                population="all",
                killed="300 people",
            ),
        ]
        assert found("disagreement", records) == []

    def test_different_days_are_a_series(self) -> None:
        """12 killed on one day and 40 a week later is growth, not disagreement."""
        records = [
            casualties("a", killed="12 civilians"),
            casualties("b", UKRAINE, as_of="2024-08-19", killed="40 civilians"),
        ]
        assert found("disagreement", records) == []


class TestSelfContradiction:
    """One source, two incompatible figures."""

    def test_found(self) -> None:
        """28 and 74 settlements from one source on one day."""
        records = [
            claim("a", settlements="28 settlements"),
            claim("b", settlements="74 settlements"),
        ]
        (finding,) = found("self-contradiction", records)
        assert finding.severity is Severity.ERROR

    def test_a_toll_updated_within_the_day_is_info(self) -> None:
        """182 killed, then 356, from one source on one day: an update, not a contradiction."""
        records = [
            casualties("a", killed="182 people", wounded="727"),
            casualties("b", killed="356", wounded="1,246"),
        ]
        findings = found("self-contradiction", records)
        assert [f.severity for f in findings] == [Severity.INFO, Severity.INFO]
        assert all("a later update of the lower" in f.message for f in findings)

    def test_a_toll_from_two_sources_on_one_day_is_still_an_error(self) -> None:
        """The update rule is one source's: two sources' disjoint tolls disagree."""
        records = [
            casualties("a", killed="182 people"),
            casualties("b", UKRAINE, killed="356"),
        ]
        (finding,) = found("disagreement", records)
        assert finding.severity is Severity.ERROR

    def test_same_figure_twice_is_fine(self) -> None:
        """The same figure repeated is no contradiction."""
        records = [
            claim("a", settlements="28 settlements"),
            claim("b", settlements="28 settlements"),
        ]
        assert found("self-contradiction", records) == []


class TestCumulativeDecrease:
    """Cumulative counts do not fall; stocks may."""

    def test_killed_falls(self) -> None:
        """12 killed, then 9 two days later, same source: an error."""
        records = [
            casualties("a", killed="12 civilians"),
            casualties("b", as_of="2024-08-14", killed="9 civilians"),
        ]
        (finding,) = found("cumulative-decrease", records)
        assert finding.severity is Severity.ERROR

    def test_displaced_may_fall(self) -> None:
        """Displaced people are a stock: they go home."""
        records = [
            casualties("a", displaced="121,000 people"),
            casualties("b", as_of="2024-08-20", displaced="60,000 people"),
        ]
        assert found("cumulative-decrease", records) == []

    def test_growth_is_fine(self) -> None:
        """12 then 15 killed is no finding."""
        records = [
            casualties("a", killed="12 civilians"),
            casualties("b", as_of="2024-08-14", killed="15 civilians"),
        ]
        assert found("cumulative-decrease", records) == []


class TestPartWhole:
    """Parts and their whole."""

    def test_part_larger_than_whole(self) -> None:
        """Of 121 wounded, 130 children: an error."""
        record = casualties("a", wounded=Count(total="121", parts={"children": "130"}))
        (finding,) = found("part-whole", [record])
        assert "children" in finding.message

    def test_parts_within_whole(self) -> None:
        """Of 121 wounded, 10 children: fine."""
        assert (
            found(
                "part-whole",
                [casualties("a", wounded=Count(total="121", parts={"children": "10"}))],
            )
            == []
        )

    def test_complete_parts_must_sum(self) -> None:
        """Complete parts 5 + 3 cannot make 20."""
        record = casualties(
            "a", killed=Count(total="20", parts={"men": "5", "women": "3"}, complete=True)
        )
        (finding,) = found("part-whole", [record])
        assert "complete" in finding.message


class TestRate:
    """Gains faster than the plausibility bound."""

    def test_jump_is_found(self) -> None:
        """12 km deep, then 95 km deep the next day: at least 82 km in a day."""
        records = [
            claim("a", depth="12 km", as_of="2024-08-10"),
            claim("b", depth="95 km", as_of="2024-08-11"),
        ]
        (finding,) = found("rate", records)
        assert finding.severity is Severity.WARNING

    def test_steady_advance_is_fine(self) -> None:
        """12 km, then 20 km two days later."""
        records = [
            claim("a", depth="12 km", as_of="2024-08-10"),
            claim("b", depth="20 km", as_of="2024-08-12"),
        ]
        assert found("rate", records) == []


class TestContainment:
    """An area inside a region cannot exceed it."""

    def test_larger_than_region(self) -> None:
        """35,000 km² in a region of 29,997 km²."""
        region = Region(id="r", name="Kursk Oblast", area="29,997 km²")
        (finding,) = found("containment", [claim("a", area="35,000 km²", region="r")], [region])
        assert finding.severity is Severity.ERROR

    def test_within_region(self) -> None:
        """1,000 km² in a region of 29,997 km²."""
        region = Region(id="r", name="Kursk Oblast", area="29,997 km²")
        assert found("containment", [claim("a", area="1,000 km²", region="r")], [region]) == []


class TestUnsupportedAllegation:
    """A high grade needs public evidence."""

    def allegation(self, **fields: Any) -> Record:
        return Allegation(
            id="a",
            source=RUSSIA,
            subject="k",
            as_of="2024-08-12",
            accused="Ukraine",
            act="chemical-weapons-use",
            **fields,
        )

    def test_found(self) -> None:
        """Graded 2 with no public evidence."""
        (finding,) = found("unsupported-allegation", [self.allegation(credibility=2)])
        assert finding.severity is Severity.WARNING

    def test_near_miss(self) -> None:
        """Graded 3, or graded 2 with documented evidence, is fine."""
        assert found("unsupported-allegation", [self.allegation(credibility=3)]) == []
        assert (
            found("unsupported-allegation", [self.allegation(credibility=2, evidence="documented")])
            == []
        )


class TestEstimativeLanguage:
    """Assessments say how likely, on a named scale."""

    def assessment(self, likelihood: Likelihood | None) -> Record:
        return Assessment(
            id="a",
            source=UKRAINE,
            subject="k",
            as_of="2024-08-12",
            proposition="p",
            likelihood=likelihood,
        )

    def test_no_scale(self) -> None:
        """A bare term is noted, with the scales it stands on."""
        (finding,) = found("estimative-language", [self.assessment(Likelihood(term="unlikely"))])
        assert finding.severity is Severity.INFO
        assert "phia" in finding.message

    def test_confidence_as_likelihood(self) -> None:
        """A likelihood that speaks of confidence is a warning."""
        (finding,) = found(
            "estimative-language", [self.assessment(Likelihood(term="high confidence"))]
        )
        assert finding.severity is Severity.WARNING

    def test_named_scale_is_fine(self) -> None:
        """A term on a named scale passes."""
        assert (
            found(
                "estimative-language", [self.assessment(Likelihood(scale="phia", term="unlikely"))]
            )
            == []
        )


class TestSelection:
    """Select and ignore by id; unknown ids are errors."""

    def test_ignore(self) -> None:
        """Ignoring extent leaves it out of the run."""
        report = run(kursk_2024(), ignore=["extent"])
        assert "extent" not in report.checks
        assert all(f.check != "extent" for f in report.findings)

    def test_unknown_id(self) -> None:
        """An unknown id raises CheckError naming it."""
        with pytest.raises(CheckError, match="nope"):
            run(kursk_2024(), select=["nope"])

    def test_builtin_ids_are_the_contract(self) -> None:
        """The built-in ids: the ten of the public contract and those added since."""
        assert {c.id for c in BUILTIN} == {
            "running-total",
            "conversion",
            "extent",
            "part-whole",
            "share",
            "revision",
            "disagreement",
            "self-contradiction",
            "cumulative-decrease",
            "rate",
            "containment",
            "unsupported-allegation",
            "estimative-language",
        }


@attrs.frozen
class _TooManyRecords:
    id: ClassVar[str] = "test-too-many-records"
    title: ClassVar[str] = "Too many records"
    severity: ClassVar[Severity] = Severity.INFO
    what: ClassVar[str] = "Notes documents with more than a set number of records."
    why: ClassVar[str] = "A test."
    example: ClassVar[str] = "Ten records when five are expected."
    todo: ClassVar[str] = "Nothing."

    limit: int = 5

    def __call__(self, context: Context) -> Iterable[Finding]:
        if len(context.records) > self.limit:
            yield Finding(
                check=self.id,
                severity=self.severity,
                records=[r.id for r in context.records][:1],
                message=f"{len(context.records)} records",
            )


class TestCustomChecks:
    """Users' own checks run beside the built-in ones."""

    def test_passed_directly(self) -> None:
        """A check given to run() runs, and its thresholds are reported."""
        report = run(kursk_2024(), checks=[_TooManyRecords()])
        assert [f.check for f in report.findings] == ["test-too-many-records"]
        assert report.thresholds["test-too-many-records"] == {"limit": 5}

    def test_registered(self) -> None:
        """A registered check is available by id; its id cannot be registered twice."""
        check = _TooManyRecords()
        if check.id not in available():
            register(check)
        assert check.id in available()
        with pytest.raises(CheckError):
            register(check)

    def test_not_a_check(self) -> None:
        """Registering something that is no check is refused."""
        with pytest.raises(CheckError):
            register(object())  # type: ignore[arg-type]


class TestReport:
    """Reports count and render their findings."""

    def test_counts(self) -> None:
        """Counts by severity and check cover every severity and every check that ran."""
        report = incursion.check(kursk_2024())
        assert set(report.by_severity) == {"error", "warning", "info"}
        assert set(report.by_check) == set(report.checks)
        assert isinstance(report, Report)

    def test_text_fits_80_columns(self) -> None:
        """Every line of the text rendering fits an 80-column terminal."""
        text = incursion.check(kursk_2024()).render_text()
        assert max(len(line) for line in text.splitlines()) <= 80

    def test_markdown_has_a_table_per_check(self) -> None:
        """The Markdown rendering has a section for each check with findings."""
        text = incursion.check(kursk_2024()).render_markdown()
        assert "## `extent`" in text
        assert "## `disagreement`" in text


class TestSeverityOrder:
    """Severities compare by how bad they are, in Python as in the JSON's order."""

    def test_error_above_warning_above_info(self) -> None:
        assert Severity.ERROR > Severity.WARNING > Severity.INFO
        assert Severity.ERROR >= Severity.WARNING
        assert not Severity.INFO >= Severity.WARNING
        assert Severity.WARNING <= Severity.WARNING

    def test_sorted_and_max_follow_the_rank(self) -> None:
        assert sorted(Severity) == [Severity.INFO, Severity.WARNING, Severity.ERROR]
        assert max(Severity) is Severity.ERROR
        assert min(Severity) is Severity.INFO

    def test_a_string_naming_a_severity_compares_as_it(self) -> None:
        """Filtering with a value read from a command line or a file works."""
        assert Severity.ERROR >= "warning"
        assert Severity.INFO < "error"
        assert Severity.WARNING == "warning"  # type: ignore[comparison-overlap]

    @pytest.mark.parametrize("other", [3, None, "fatal"])
    def test_anything_else_is_a_clear_type_error(self, other: object) -> None:
        with pytest.raises(TypeError, match="compares only with a severity"):
            _ = Severity.ERROR < other  # noqa: SIM300

    def test_exported_at_the_top_level(self) -> None:
        assert incursion.Severity is Severity
        assert incursion.Report is Report
        assert incursion.Finding is Finding

    def test_filtering_a_report_keeps_every_error(self) -> None:
        report = incursion.check(kursk_2024())
        kept = [f for f in report.findings if f.severity >= Severity.WARNING]
        assert kept
        assert [f for f in report.findings if f.severity is Severity.ERROR] == [
            f for f in kept if f.severity is Severity.ERROR
        ]
        assert report.worst() is Severity.ERROR


class TestRegistry:
    """Registering, unregistering and passing checks are checked too."""

    def test_unregister(self) -> None:
        """A registered check can be removed again; an unknown id is an error."""
        check = _TooManyRecords(limit=1)
        if check.id in available():
            incursion.checks.unregister(check.id)
        register(check)
        incursion.checks.unregister(check.id)
        assert check.id not in available()
        with pytest.raises(CheckError):
            incursion.checks.unregister(check.id)

    def test_passed_checks_must_be_checks_with_distinct_ids(self) -> None:
        """run(checks=...) refuses objects that are no checks and ids given twice."""
        with pytest.raises(CheckError):
            run(kursk_2024(), checks=[object()])  # type: ignore[list-item]
        with pytest.raises(CheckError, match="share an id"):
            run(kursk_2024(), checks=[_TooManyRecords(), _TooManyRecords(limit=2)])

    def test_findings_come_in_document_order(self) -> None:
        """Within a check, findings follow the records' order in the document."""
        later = [casualties("z1", killed="10 people"), casualties("z2", UKRAINE, killed="90")]
        earlier = [
            attrs.evolve(r, id=f"a{i}", subject="first")
            for i, r in enumerate(
                [casualties("x", killed="10"), casualties("y", UKRAINE, killed="90")]
            )
        ]
        findings = found("disagreement", [*earlier, *later])
        assert [f.records[0][0] for f in findings] == ["a", "z"]

    def test_numbers_stay_with_their_units_when_wrapped(self) -> None:
        """The text rendering never ends a line between a number and its unit."""
        for width in range(40, 81):
            lines = incursion.check(kursk_2024()).render_text(width=width).splitlines()
            for line, following in itertools.pairwise(lines):
                ends_in_number = re.search(r"[0-9]$", line.rstrip()) is not None
                assert not (ends_in_number and following.lstrip()[:1].isalpha()), (width, line)


_PLUGIN = """
from typing import ClassVar

import attrs

from incursion.checks import Finding, Severity


@attrs.frozen
class EveryRecord:
    id: ClassVar[str] = "plugin.every-record"
    title: ClassVar[str] = "Every record"
    severity: ClassVar[Severity] = Severity.INFO
    what: ClassVar[str] = "Notes every record."
    why: ClassVar[str] = "To show that plugins load."
    example: ClassVar[str] = "any record"
    todo: ClassVar[str] = "nothing"

    def __call__(self, context):
        for record in context.records:
            yield Finding(
                check=self.id, severity=self.severity, records=(record.id,), message="seen"
            )
"""


def _install_plugin(path: Path, module: str, target: str) -> None:
    """A distribution on ``path`` whose ``incursion.checks`` entry point names ``target``."""
    (path / f"{module}.py").write_text(_PLUGIN, encoding="utf-8")
    info = path / f"{module}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {module}\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(f"[incursion.checks]\nplugin = {target}\n")


class TestEntryPoints:
    """Checks installed by other packages, through the ``incursion.checks`` entry points."""

    def test_an_installed_check_runs(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """A check class named by an entry point is found, instantiated and run."""
        _install_plugin(tmp_path, "incursion_plugin_ok", "incursion_plugin_ok:EveryRecord")
        assert "plugin.every-record" not in available()
        monkeypatch.syspath_prepend(str(tmp_path))
        assert "plugin.every-record" in available()
        report = run(kursk_2024(), select=["plugin.every-record"])
        assert len(report.findings) == len(kursk_2024().records)

    def test_a_broken_plugin_is_named(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """An entry point that cannot be loaded is a CheckError that names it."""
        _install_plugin(tmp_path, "incursion_plugin_bad", "incursion_plugin_bad:Missing")
        monkeypatch.syspath_prepend(str(tmp_path))
        with pytest.raises(CheckError, match="'plugin' could not be loaded"):
            available()


class TestReviewedSemantics:
    """Cases where a naive comparison would be wrong."""

    def test_a_fall_is_found_past_a_lower_bound(self) -> None:
        """100, then "at least 10", then 50: the fall from 100 to 50 is found."""
        records = [
            casualties("a", killed="100", as_of="2024-08-10"),
            casualties("b", killed="at least 10", as_of="2024-08-11"),
            casualties("c", killed="50", as_of="2024-08-12"),
        ]
        findings = found("cumulative-decrease", records)
        assert [(f.severity, set(f.records)) for f in findings] == [(Severity.ERROR, {"a", "c"})]

    def test_rate_keeps_predicates_apart(self) -> None:
        """ "Controls 10 km²" then "operating in 2,000 km²" is no implausible gain."""
        records = [
            claim("a", area="10 km²", as_of="2024-08-10"),
            claim("b", area="2,000 km²", as_of="2024-08-11", predicate="operating-in-or-near"),
        ]
        assert found("rate", records) == []

    def test_regions_are_different_measures(self) -> None:
        """Areas in two regions are not compared."""
        regions = [Region(id="r1", name="One"), Region(id="r2", name="Two")]
        records = [
            claim("a", area="1,000 km²", region="r1"),
            claim("b", RUSSIA, area="100 km²", region="r2"),
        ]
        assert found("disagreement", records, regions) == []

    def test_of_whom_parts_may_overlap(self) -> None:
        """Of 10, 8 children and 5 girls: the parts overlap; not an error unless complete."""
        record = casualties("a", wounded=Count(total="10", parts={"children": "8", "girls": "5"}))
        assert found("part-whole", [record]) == []

    def test_an_equal_policy_reads_like_the_default(self) -> None:
        """Policy() and no policy give the same findings."""
        from incursion import Estimate, Policy  # noqa: PLC0415

        loose = Estimate.parse("about 1,000 km²", policy=Policy(about_margin=0.5))
        records = [claim("a", area=loose), claim("b", RUSSIA, area="about 400 km²")]
        document = Document.from_records(records)
        assert [f.check for f in run(document).findings] == [
            f.check for f in run(document, policy=Policy()).findings
        ]


class TestRateSeries:
    """Rates compare each day with the day before, whatever the record ids."""

    @pytest.mark.parametrize("ids", [("b0", "b1"), ("b1", "b0")])
    def test_a_jump_is_found_whatever_the_ids(self, ids: tuple[str, str]) -> None:
        """10 km², then on the next day "up to 8,000 km²" and "8,000 km²": the jump is found."""
        records = [
            claim("a", area="10 km²", as_of="2024-08-10"),
            claim(ids[0], area="up to 8,000 km²", as_of="2024-08-11"),
            claim(ids[1], area="8,000 km²", as_of="2024-08-11"),
        ]
        (finding,) = found("rate", records)
        assert set(finding.records) == {"a", ids[1]}


class TestSeriesAcrossSources:
    """Series follow a measure across every source, with bounds grounded in real moves."""

    def test_the_kharkiv_advance_passes(self) -> None:
        """About 3,000 km² on 11 September 2022, about 6,000 km² the next day: no finding."""
        records = [
            claim("a", area="about 3,000 km²", as_of="2022-09-11"),
            claim("b", RUSSIA, area="about 6,000 km²", as_of="2022-09-12"),
        ]
        assert found("rate", records) == []

    def test_a_jump_between_sources_is_found(self) -> None:
        """500 km² (one source), 9,000 km² the next day (another): a warning naming both."""
        records = [
            claim("a", area="500 km²", as_of="2024-08-10"),
            claim("b", RUSSIA, area="9,000 km²", as_of="2024-08-11"),
        ]
        (finding,) = found("rate", records)
        assert finding.severity is Severity.WARNING
        assert "Ukrainian official" in finding.message
        assert "Russian official" in finding.message

    def test_a_fall_from_an_open_figure_is_found(self) -> None:
        """More than 20,000 km², then 1,000 km² the next day: a fall of at least 18,950."""
        records = [
            claim("a", area="more than 20,000 km²", as_of="2024-08-12"),
            claim("b", area="1,000 km²", as_of="2024-08-13"),
        ]
        (finding,) = found("rate", records)
        assert "fell" in finding.message

    def test_a_fall_is_found_too(self) -> None:
        """Ground is lost as fast as it is taken, no faster."""
        records = [
            claim("a", area="9,000 km²", as_of="2024-08-10"),
            claim("b", RUSSIA, area="500 km²", as_of="2024-08-11"),
        ]
        (finding,) = found("rate", records)
        assert "fell" in finding.message

    def test_settlements_and_displaced_people_are_paced(self) -> None:
        settled = [
            claim("a", settlements="28", as_of="2024-08-12"),
            claim("b", RUSSIA, settlements="274", as_of="2024-08-13"),
        ]
        assert [f.check for f in found("rate", settled)] == ["rate"]
        fled = [
            casualties("c", UKRAINE, as_of="2022-03-01", displaced="100,000"),
            casualties("d", RUSSIA, as_of="2022-03-02", displaced="about 250,000"),
        ]
        assert found("rate", fled) == []

    def test_a_cumulative_count_falling_across_sources_is_a_warning(self) -> None:
        """120 killed (one source), 90 killed two days later (another): a warning."""
        records = [
            casualties("a", UKRAINE, as_of="2024-08-10", killed="120"),
            casualties("b", RUSSIA, as_of="2024-08-12", killed="90"),
        ]
        (finding,) = found("cumulative-decrease", records)
        assert finding.severity is Severity.WARNING
        assert "different sources" in finding.message

    def test_within_one_source_it_stays_an_error(self) -> None:
        records = [
            casualties("a", as_of="2024-08-10", killed="120"),
            casualties("b", as_of="2024-08-12", killed="90"),
        ]
        (finding,) = found("cumulative-decrease", records)
        assert finding.severity is Severity.ERROR


class TestRunningTotal:
    """A running total must move by the day's change it states."""

    def _losses(self, id_: str, as_of: str, tanks: Any) -> Record:
        return MaterielLoss(
            id=id_,
            source=RUSSIA,
            subject="k",
            as_of=as_of,
            party="Ukraine",
            equipment={"tanks": tanks},
        )

    def test_a_total_that_does_not_add_up_is_found(self) -> None:
        """58 tanks, then 65 "including six in the past day": 58 + 6 is 64."""
        records = [
            self._losses("a", "2024-08-20", "58"),
            self._losses("b", "2024-08-21", Count(total="65", change="6")),
        ]
        (finding,) = found("running-total", records)
        assert finding.severity is Severity.WARNING
        assert "is a change of 7, not the 6 tanks" in finding.message

    def test_near_miss(self) -> None:
        records = [
            self._losses("a", "2024-08-20", "58"),
            self._losses("b", "2024-08-21", Count(total="64", change="6")),
        ]
        assert found("running-total", records) == []

    def test_reports_two_days_apart_are_not_compared(self) -> None:
        """A report in between may be missing: the change is since that one."""
        records = [
            self._losses("a", "2024-08-19", "58"),
            self._losses("b", "2024-08-21", Count(total="65", change="6")),
        ]
        assert found("running-total", records) == []

    def test_open_totals_bound_nothing(self) -> None:
        """More than 4,130, then more than 4,400 with up to 300 in the day: no finding."""
        records = [
            casualties("a", RUSSIA, as_of="2024-08-20", losses="more than 4,130"),
            casualties(
                "b",
                RUSSIA,
                as_of="2024-08-21",
                losses=Count(total="more than 4,400", change="up to 300"),
            ),
        ]
        assert found("running-total", records) == []
