"""Tests for records, sources, likelihoods and documents: fields and validation at construction."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any, ClassVar

import attrs
import pytest

from incursion import (
    MEASURES,
    Act,
    Allegation,
    Assessment,
    CasualtyReport,
    Citation,
    Confidence,
    Count,
    Document,
    Estimate,
    Evidence,
    Fate,
    Hedge,
    IncursionError,
    Likelihood,
    MaterielLoss,
    Measurement,
    Part,
    Population,
    Precision,
    Predicate,
    Record,
    Region,
    Reliability,
    Share,
    Source,
    Span,
    Status,
    Tally,
    TerritorialClaim,
    loads,
)
from incursion.exceptions import DocumentError, RecordError, UnitError

SUBJECT = "kursk-2024"
AS_OF = "2024-08-12"


@pytest.fixture
def smirnov() -> Source:
    """The acting governor of Kursk Oblast, as a source."""
    return Source(
        id="smirnov",
        name="Alexei Smirnov",
        side="Russia",
        role="Acting Governor of Kursk Oblast",
        organisation="Kursk Oblast administration",
        kind="official",
        reliability="C",
    )


@pytest.fixture
def syrskyi() -> Source:
    """Ukraine's commander-in-chief, as a source."""
    return Source(id="syrskyi", name="Oleksandr Syrskyi", side="Ukraine", kind="military")


def _claim(source: Any, **fields: Any) -> TerritorialClaim:
    values: dict[str, Any] = {"id": "claim-1", "subject": SUBJECT, "as_of": AS_OF, **fields}
    return TerritorialClaim(source=source, **values)


def _report(source: Any, **fields: Any) -> CasualtyReport:
    values: dict[str, Any] = {"id": "report-1", "subject": SUBJECT, "as_of": AS_OF, **fields}
    return CasualtyReport(source=source, **values)


def _allegation(source: Any, **fields: Any) -> Allegation:
    values: dict[str, Any] = {
        "id": "allegation-1",
        "subject": SUBJECT,
        "as_of": AS_OF,
        "accused": "Ukraine",
        "act": "chemical-weapons-use",
        **fields,
    }
    return Allegation(source=source, **values)


def _assessment(source: Any, **fields: Any) -> Assessment:
    values: dict[str, Any] = {
        "id": "assessment-1",
        "subject": SUBJECT,
        "as_of": AS_OF,
        "proposition": "Ukraine will hold the ground",
        **fields,
    }
    return Assessment(source=source, **values)


def _kwargs(**fields: Any) -> dict[str, Any]:
    """Keyword arguments of any type, to build objects with deliberately wrong fields."""
    return fields


class TestSource:
    """Sources: who said it."""

    def test_fields(self, smirnov: Source) -> None:
        """A source keeps its name, side, role, organisation, kind and reliability grade."""
        assert smirnov.name == "Alexei Smirnov"
        assert smirnov.side == "Russia"
        assert smirnov.role == "Acting Governor of Kursk Oblast"
        assert smirnov.organisation == "Kursk Oblast administration"
        assert smirnov.kind == "official"
        assert smirnov.reliability is Reliability.C

    def test_optional_fields_default_to_none(self) -> None:
        """Only id and name are required."""
        source = Source(id="x", name="X")
        assert (source.side, source.role, source.organisation, source.reliability) == (
            None,
            None,
            None,
            None,
        )

    @pytest.mark.parametrize(
        "source_id",
        [
            pytest.param("", id="empty"),
            pytest.param("a b", id="space"),
            pytest.param("-x", id="leading-hyphen"),
            pytest.param("x" * 129, id="too-long"),
            pytest.param("syrskyi/0812", id="slash"),
        ],
    )
    def test_bad_id(self, source_id: str) -> None:
        """An id must be 1–128 letters, digits, '.', '_', ':' or '-'."""
        with pytest.raises(RecordError, match="id must be") as excinfo:
            Source(id=source_id, name="X")
        assert excinfo.value.field == "id"


class TestCitation:
    """Citations: where it was published."""

    def test_fields(self) -> None:
        """A citation keeps outlet, url, publication date and quote."""
        citation = Citation(
            outlet="Sky News",
            url="https://news.sky.com/story/x",
            published=dt.date(2024, 8, 12),
            quote="currently control 28 Russian settlements",
        )
        assert citation.outlet == "Sky News"
        assert citation.published == dt.date(2024, 8, 12)
        assert citation.quote == "currently control 28 Russian settlements"


class TestTerritorialClaim:
    """Territorial claims: area, depth, front width and settlements."""

    def test_fields(self, smirnov: Source) -> None:
        """A claim holds the common fields and its own, with figures read from text."""
        citation = Citation(outlet="Sky News", published=dt.date(2024, 8, 12))
        claim = _claim(
            smirnov,
            controller="Ukraine",
            predicate="advanced-into",
            status="claimed",
            region="kursk-oblast",
            depth="12 kilometres (7.5 miles)",
            front_width="40-kilometre (25-mile)",
            settlements="28 Russian settlements",
            citation=citation,
            credibility=3,
            note="reported to Putin",
        )
        assert claim.id == "claim-1"
        assert claim.source is smirnov
        assert claim.subject == SUBJECT
        assert claim.as_of == Span.day(dt.date(2024, 8, 12))
        assert claim.citation is citation
        assert claim.credibility == 3
        assert claim.note == "reported to Putin"
        assert claim.controller == "Ukraine"
        assert claim.predicate is Predicate.ADVANCED_INTO
        assert claim.status is Status.CLAIMED
        assert claim.region == "kursk-oblast"
        assert claim.depth is not None
        assert claim.depth.interval == (11.5, 12.5)
        assert claim.front_width is not None
        assert claim.front_width.number == 40
        assert claim.settlements is not None
        assert claim.settlements.unit == "settlement"
        assert claim.area is None

    def test_defaults(self, syrskyi: Source) -> None:
        """Predicate and status left out stay unspecified (read as controls and claimed)."""
        claim = _claim(syrskyi, area="around 1,000 square kilometres (386 square miles)")
        assert claim.predicate is None
        assert claim.status is None
        assert claim.credibility is None
        said = _claim(syrskyi, area="12 km²", predicate="controls", status="claimed")
        assert (said.predicate, said.status) == (Predicate.CONTROLS, Status.CLAIMED)

    def test_area_accepts_an_estimate(self, syrskyi: Source) -> None:
        """An Estimate object is kept as given."""
        area = Estimate.parse("around 1,000 square kilometres (386 square miles)")
        assert _claim(syrskyi, area=area).area is area

    def test_area_must_be_an_area(self, syrskyi: Source) -> None:
        """A length in the area field is refused with a UnitError naming expected and got."""
        with pytest.raises(UnitError, match=r"expected an area.*a length"):
            _claim(syrskyi, area="about 1,000 km")

    def test_area_error_names_the_field(self, syrskyi: Source) -> None:
        """The UnitError for a wrong-dimension figure carries the field name."""
        with pytest.raises(UnitError) as excinfo:
            _claim(syrskyi, area="about 1,000 km")
        assert excinfo.value.field == "area"

    def test_depth_must_be_a_length(self, syrskyi: Source) -> None:
        """An area in the depth field is refused with a UnitError naming expected and got."""
        with pytest.raises(UnitError, match=r"expected a length.*an area"):
            _claim(syrskyi, depth="1,000 sq km")

    def test_settlements_must_count_settlements(self, smirnov: Source) -> None:
        """People in the settlements field are refused."""
        with pytest.raises(UnitError, match=r"settlements.*people"):
            _claim(smirnov, settlements="12 people")

    @pytest.mark.parametrize(
        "value",
        [pytest.param("28", id="text"), pytest.param(28, id="int")],
    )
    def test_bare_number_counts_settlements(self, smirnov: Source, value: object) -> None:
        """A bare number in the settlements field counts settlements."""
        settlements = _claim(smirnov, settlements=value).settlements
        assert settlements is not None
        assert settlements.unit == "settlement"
        assert settlements.interval == (28.0, 28.0)

    def test_needs_a_figure(self, syrskyi: Source) -> None:
        """A claim with no figure at all is refused, listing the figure fields."""
        with pytest.raises(RecordError, match="at least one figure") as excinfo:
            _claim(syrskyi, controller="Ukraine")
        assert "area" in str(excinfo.value)
        assert "settlements" in str(excinfo.value)

    def test_tallies(self) -> None:
        """A claim's area and settlements are stocks."""
        assert TerritorialClaim.tally("area") is Tally.STOCK
        assert TerritorialClaim.tally("settlements") is Tally.STOCK

    def test_figures(self, smirnov: Source) -> None:
        """figures() lists the fields that hold figures, in declaration order."""
        claim = _claim(smirnov, depth="12 km", front_width="40 km")
        assert [name for name, _ in claim.figures()] == ["depth", "front_width"]


class TestCommonFields:
    """Validation of the fields every record has."""

    @pytest.mark.parametrize("credibility", [1, 3, 6])
    def test_credibility_in_range(self, syrskyi: Source, credibility: int) -> None:
        """Credibility 1 to 6 is accepted."""
        assert _claim(syrskyi, area="1,000 km²", credibility=credibility).credibility == (
            credibility
        )

    @pytest.mark.parametrize(
        "credibility",
        [
            pytest.param(0, id="zero"),
            pytest.param(7, id="seven"),
            pytest.param(-1, id="negative"),
            pytest.param(3.0, id="float"),
            pytest.param("3", id="string"),
            pytest.param(True, id="true"),
            pytest.param(False, id="false"),
        ],
    )
    def test_credibility_out_of_range(self, syrskyi: Source, credibility: object) -> None:
        """Credibility outside 1–6, not an int, or a bool is refused."""
        with pytest.raises(RecordError, match="credibility") as excinfo:
            _claim(syrskyi, area="1,000 km²", credibility=credibility)
        assert excinfo.value.field == "credibility"

    @pytest.mark.parametrize(
        "record_id",
        [
            pytest.param("", id="empty"),
            pytest.param("bad id", id="space"),
            pytest.param("-x", id="leading-hyphen"),
            pytest.param("x" * 129, id="too-long"),
            pytest.param(12, id="not-text"),
        ],
    )
    def test_bad_record_id(self, syrskyi: Source, record_id: object) -> None:
        """A record id is validated like a source id."""
        with pytest.raises(RecordError, match="id must be") as excinfo:
            _claim(syrskyi, id=record_id, area="1,000 km²")
        assert excinfo.value.field == "id"

    @pytest.mark.parametrize(
        "record_id",
        ["syrskyi-0812", "a", "A.b_c:d-1", "x" * 128],
    )
    def test_good_record_id(self, syrskyi: Source, record_id: str) -> None:
        """Letters, digits, '.', '_', ':' and '-' up to 128 characters are accepted."""
        assert _claim(syrskyi, id=record_id, area="1,000 km²").id == record_id

    def test_source_must_be_a_source(self) -> None:
        """A source id string where a Source belongs is refused."""
        with pytest.raises(RecordError, match="Source"):
            _claim("syrskyi", area="1,000 km²")

    def test_subject_must_not_be_empty(self, syrskyi: Source) -> None:
        """An empty subject is refused."""
        with pytest.raises(RecordError, match="subject"):
            _claim(syrskyi, subject=" ", area="1,000 km²")

    def test_as_of_accepts_a_date(self, syrskyi: Source) -> None:
        """as_of accepts a date and reads it as a one-day span."""
        claim = _claim(syrskyi, as_of=dt.date(2024, 8, 12), area="1 km²")
        assert claim.as_of.precision is Precision.DAY

    def test_as_of_rejects_impossible_dates(self, syrskyi: Source) -> None:
        """as_of refuses a month that does not exist."""
        with pytest.raises(IncursionError, match="2024-13"):
            _claim(syrskyi, as_of="2024-13", area="1 km²")

    def test_records_are_frozen(self, syrskyi: Source) -> None:
        """Assigning to a record's field raises FrozenInstanceError."""
        claim = _claim(syrskyi, area="1,000 km²")
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            claim.controller = "Russia"  # type: ignore[misc]

    def test_equal_records_are_equal(self, syrskyi: Source) -> None:
        """Two records built from the same fields are equal and hash equal."""
        first = _claim(syrskyi, area="1,000 km²")
        second = _claim(syrskyi, area="1,000 km²")
        assert first == second
        assert hash(first) == hash(second)


class TestCasualtyReport:
    """Casualty reports: counts of people, with parts and tallies."""

    def test_fields(self, smirnov: Source) -> None:
        """A report keeps its party, population and counts."""
        report = _report(
            smirnov,
            party="Russia",
            population="civilian",
            killed="12 civilians",
            wounded=Count(total="121 civilians", parts={"children": "10 children"}),
            displaced="about 121,000 people",
        )
        assert report.party == "Russia"
        assert report.population is Population.CIVILIAN
        assert report.killed is not None
        assert report.killed.total.interval == (12.0, 12.0)
        assert report.wounded is not None
        assert report.wounded.total.number == 121
        assert report.displaced is not None
        assert report.displaced.total.interval == (108_900.0, 133_100.0)
        assert report.missing is None
        assert report.captured is None

    def test_population_left_out_stays_unspecified(self, smirnov: Source) -> None:
        """Population left out is None (read as all); said, it is kept."""
        assert _report(smirnov, killed="12").population is None
        assert _report(smirnov, killed="12", population="all").population is Population.ALL

    @pytest.mark.parametrize(
        "value",
        [
            pytest.param("12", id="text"),
            pytest.param(12, id="int"),
            pytest.param(Estimate.of(12), id="estimate"),
        ],
    )
    def test_bare_number_counts_people(self, smirnov: Source, value: object) -> None:
        """A bare number in a count field counts people."""
        killed = _report(smirnov, killed=value).killed
        assert killed is not None
        assert killed.total.unit == "person"
        assert killed.total.dimension == "person"
        assert killed.total.interval == (12.0, 12.0)

    @pytest.mark.parametrize(
        ("value", "got"),
        [
            pytest.param("12 settlements", "settlements", id="settlements"),
            pytest.param("12 km", "length", id="length"),
            pytest.param("12 tanks", "tanks", id="tanks"),
        ],
    )
    def test_counts_must_count_people(self, smirnov: Source, value: str, got: str) -> None:
        """A count of something other than people is refused, naming what it counts."""
        with pytest.raises(UnitError, match=rf"people.*{got}"):
            _report(smirnov, killed=value)

    @pytest.mark.parametrize(
        "value",
        [
            pytest.param(-1, id="negative-int"),
            pytest.param("-1", id="negative-text"),
            pytest.param(-3.0, id="negative-float"),
        ],
    )
    def test_counts_are_non_negative(self, smirnov: Source, value: object) -> None:
        """A negative count is refused."""
        with pytest.raises(IncursionError):
            _report(smirnov, killed=value)

    def test_counts_are_whole(self, smirnov: Source) -> None:
        """A fractional count of people is refused."""
        with pytest.raises(IncursionError, match=r"12\.5"):
            _report(smirnov, killed="about 12.5")

    def test_needs_a_figure(self, smirnov: Source) -> None:
        """A report with no count is refused."""
        with pytest.raises(RecordError, match="at least one figure"):
            _report(smirnov, party="Russia")

    @pytest.mark.parametrize(
        ("field", "tally"),
        [
            pytest.param("killed", Tally.CUMULATIVE, id="killed"),
            pytest.param("wounded", Tally.CUMULATIVE, id="wounded"),
            pytest.param("captured", Tally.CUMULATIVE, id="captured"),
            pytest.param("missing", Tally.STOCK, id="missing"),
            pytest.param("displaced", Tally.STOCK, id="displaced"),
        ],
    )
    def test_tally(self, field: str, tally: Tally) -> None:
        """Killed, wounded and captured are cumulative; missing and displaced are stocks."""
        assert CasualtyReport.tally(field) is tally

    def test_figures_are_totals(self, smirnov: Source) -> None:
        """figures() gives each count's total."""
        report = _report(smirnov, killed="12", wounded=Count(total="121", parts={"c": "10"}))
        assert [(name, e.number) for name, e in report.figures()] == [
            ("killed", 12),
            ("wounded", 121),
        ]


class TestCount:
    """Counts with named parts."""

    def test_parts_from_a_dict(self) -> None:
        """A dict of parts becomes Part objects, bare numbers counting people."""
        count = Count(total="121 civilians", parts={"children": "10"})
        (part,) = count.parts
        assert part.name == "children"
        assert part.estimate.unit == "person"
        assert part.estimate.interval == (10.0, 10.0)
        assert count.complete is False

    def test_parts_from_part_objects(self) -> None:
        """A tuple of Part objects is kept; a bare total counts what its field counts."""
        part = Part(name="children", estimate="10 children")
        count = Count(total="121", parts=(part,))
        assert count.parts == (part,)
        assert count.total.unit == ""
        report = CasualtyReport(
            id="r", source=Source(id="s", name="S"), subject="x", as_of="2024", wounded=count
        )
        assert report.wounded is not None
        assert report.wounded.total.unit == "person"

    def test_complete_flag(self) -> None:
        """complete marks parts that must add up to the total."""
        count = Count(total="22", parts={"men": "12", "women": "10"}, complete=True)
        assert count.complete is True

    def test_complete_must_be_a_bool(self) -> None:
        """A non-bool complete flag is refused with an IncursionError."""
        with pytest.raises(IncursionError, match="complete"):
            Count(**_kwargs(total="22", complete="yes"))

    def test_duplicate_part_names(self) -> None:
        """Two parts with one name are refused."""
        parts = (Part(name="children", estimate="10"), Part(name="children", estimate="5"))
        with pytest.raises(RecordError, match="distinct"):
            Count(total="121", parts=parts)

    def test_part_must_count_people(self, smirnov: Source) -> None:
        """A part of a count of people that counts settlements is refused, naming both."""
        with pytest.raises(UnitError, match="children") as excinfo:
            _report(smirnov, killed=Count(total="121", parts={"children": "10 settlements"}))
        message = str(excinfo.value)
        assert "settlements" in message
        assert "people" in message

    def test_a_part_named_by_another_kind_counts_what_its_total_counts(self) -> None:
        """'Killed: 100, of them 20 by drones': a part named "drones" counts people."""
        count = Count(total="100 people", parts={"drones": "20"})
        assert count.parts[0].estimate.dimension == "person"

    def test_total_must_count_people(self) -> None:
        """A count of tanks is a count, but not of a casualty report's killed."""
        assert Count(total="12 tanks").total.dimension == "tank"
        with pytest.raises(UnitError, match="tanks"):
            CasualtyReport(
                id="r",
                source=Source(id="s", name="S"),
                subject="x",
                as_of="2024",
                killed=Count(total="12 tanks"),
            )

    def test_hedged_total(self) -> None:
        """A hedged total keeps its hedge."""
        assert Count(total="about 121,000 people").total.hedge is Hedge.ABOUT


class TestAllegation:
    """Allegations: an accused party, an act, an optional count and evidence."""

    def test_fields(self, smirnov: Source) -> None:
        """An allegation keeps accused, act and evidence; evidence defaults to none-public."""
        allegation = _allegation(smirnov, credibility=6)
        assert allegation.accused == "Ukraine"
        assert allegation.act is Act.CHEMICAL_WEAPONS_USE
        assert allegation.evidence is Evidence.NONE_PUBLIC
        assert allegation.count is None
        assert allegation.credibility == 6

    def test_count_of_acts(self, smirnov: Source) -> None:
        """A count of strikes is read into an estimate of strikes."""
        allegation = _allegation(
            smirnov,
            act="cross-border-strikes",
            count="nearly 2,000 cross-border strikes",
            evidence="asserted",
        )
        assert allegation.count is not None
        assert allegation.count.unit == "strike"
        assert allegation.count.interval == (1_800.0, 2_000.0)
        assert allegation.evidence is Evidence.ASSERTED
        assert Allegation.tally("count") is Tally.CUMULATIVE

    def test_count_must_count_things(self, smirnov: Source) -> None:
        """A length where a count of acts belongs is refused."""
        with pytest.raises(UnitError, match="length"):
            _allegation(smirnov, count="12 km")

    def test_allegation_needs_no_figure(self, smirnov: Source) -> None:
        """An allegation without a count is valid."""
        assert _allegation(smirnov).figures() == []


class TestLikelihood:
    """Likelihood terms on named scales."""

    @pytest.mark.parametrize(
        ("scale", "term", "band"),
        [
            pytest.param("icd-203", "unlikely", (0.20, 0.45), id="icd-unlikely"),
            pytest.param("icd-203", "very likely", (0.80, 0.95), id="icd-very-likely"),
            pytest.param("icd-203", "Roughly Even Chance", (0.45, 0.55), id="icd-case"),
            pytest.param("phia", "unlikely", (0.25, 0.35), id="phia-unlikely"),
            pytest.param("phia", "realistic possibility", (0.40, 0.50), id="phia-realistic"),
            pytest.param("phia", "highly  likely", (0.80, 0.90), id="phia-spaces"),
        ],
    )
    def test_band(self, scale: str, term: str, band: tuple[float, float]) -> None:
        """A term on a scale has that scale's probability band and keeps its words."""
        likelihood = Likelihood(scale=scale, term=term)
        assert likelihood.band == band
        assert likelihood.term == term

    @pytest.mark.parametrize(
        ("scale", "term"),
        [
            pytest.param("phia", "roughly even chance", id="icd-term-on-phia"),
            pytest.param("icd-203", "realistic possibility", id="phia-term-on-icd"),
            pytest.param("icd-203", "a fair bet", id="nonsense"),
        ],
    )
    def test_unknown_term(self, scale: str, term: str) -> None:
        """A term that is not on the named scale is refused, listing the scale's terms."""
        with pytest.raises(RecordError, match=f"not a term of the {scale} scale"):
            Likelihood(scale=scale, term=term)

    def test_unknown_scale(self) -> None:
        """An unknown scale is refused, naming the known ones."""
        with pytest.raises(RecordError, match=r"icd-203, phia"):
            Likelihood(scale="nato", term="likely")

    def test_bare_term(self) -> None:
        """A term without a scale is kept as written, with no band."""
        likelihood = Likelihood(term="a fair bet")
        assert likelihood.scale is None
        assert likelihood.band is None

    def test_empty_term(self) -> None:
        """An empty term is refused."""
        with pytest.raises(RecordError, match="term"):
            Likelihood(term=" ")


class TestAssessment:
    """Assessments: a proposition, likelihood, confidence and horizon."""

    def test_fields(self, syrskyi: Source) -> None:
        """An assessment keeps its proposition, likelihood, confidence and horizon."""
        assessment = _assessment(
            syrskyi,
            likelihood=Likelihood(scale="phia", term="unlikely"),
            confidence="moderate",
            horizon="months",
        )
        assert assessment.proposition == "Ukraine will hold the ground"
        assert assessment.likelihood == Likelihood(scale="phia", term="unlikely")
        assert assessment.confidence is Confidence.MODERATE
        assert assessment.horizon == "months"

    def test_bare_term(self, syrskyi: Source) -> None:
        """A likelihood given as a string is a term with no scale."""
        assessment = _assessment(syrskyi, likelihood="unlikely")
        assert assessment.likelihood == Likelihood(term="unlikely")
        assert assessment.likelihood.scale is None

    def test_bad_likelihood(self, syrskyi: Source) -> None:
        """A number where a likelihood belongs is refused."""
        with pytest.raises(RecordError, match="likelihood"):
            _assessment(syrskyi, likelihood=0.3)


class TestRegion:
    """Regions that claims refer to."""

    def test_area(self) -> None:
        """A region's area is read as an area."""
        region = Region(id="kursk-oblast", name="Kursk Oblast", area="29,997 km²")
        assert region.area is not None
        assert region.area.dimension == "area"

    def test_area_must_be_an_area(self) -> None:
        """A length where a region's area belongs is refused."""
        with pytest.raises(UnitError, match="area"):
            Region(id="kursk-oblast", name="Kursk Oblast", area="29,997 km")


class TestDocument:
    """Documents: ids unique, references resolved, every problem listed with its path."""

    def test_from_records_collects_sources(self, smirnov: Source, syrskyi: Source) -> None:
        """from_records lists each record's source once, in order of first use."""
        records: list[Record] = [
            _claim(syrskyi, id="a", area="1,000 km²"),
            _report(smirnov, id="b", killed="12"),
            _claim(syrskyi, id="c", depth="12 km"),
        ]
        document = Document.from_records(records)
        assert document.sources == (syrskyi, smirnov)
        assert document.records == tuple(records)
        assert document.source("smirnov") is smirnov
        assert document.record("b") is records[1]

    def test_lookup_of_missing_ids(self, smirnov: Source) -> None:
        """Looking up an id that is not there raises KeyError."""
        document = Document.from_records([_report(smirnov, killed="12")])
        with pytest.raises(KeyError):
            document.record("nope")
        with pytest.raises(KeyError):
            document.source("nope")

    def test_duplicate_record_ids(self, smirnov: Source) -> None:
        """Two records with one id are refused, with the path of the second."""
        report = _report(smirnov, killed="12")
        with pytest.raises(DocumentError) as excinfo:
            Document.from_records([report, report])
        (problem,) = excinfo.value.problems
        assert problem.path == "$.records[1].id"
        assert "report-1" in problem.message

    def test_duplicate_source_ids(self, smirnov: Source) -> None:
        """Two sources with one id are refused."""
        with pytest.raises(DocumentError) as excinfo:
            Document(sources=(smirnov, smirnov), records=(_report(smirnov, killed="12"),))
        assert [p.path for p in excinfo.value.problems] == ["$.sources[1].id"]

    def test_unknown_source(self, smirnov: Source) -> None:
        """A record whose source is not listed is refused, with the path of its source."""
        with pytest.raises(DocumentError) as excinfo:
            Document(sources=(), records=(_report(smirnov, killed="12"),))
        (problem,) = excinfo.value.problems
        assert problem.path == "$.records[0].source"
        assert "smirnov" in problem.message

    def test_source_that_differs_from_the_listed_one(self, smirnov: Source) -> None:
        """A record whose source differs from the listed source of that id is refused."""
        impostor = Source(id="smirnov", name="Someone else")
        with pytest.raises(DocumentError) as excinfo:
            Document(sources=(smirnov,), records=(_report(impostor, killed="12"),))
        assert [p.path for p in excinfo.value.problems] == ["$.records[0].source"]

    def test_unknown_region(self, syrskyi: Source) -> None:
        """A claim naming a region that is not listed is refused, with its path."""
        claim = _claim(syrskyi, area="1,000 km²", region="kursk-oblast")
        with pytest.raises(DocumentError) as excinfo:
            Document.from_records([claim])
        (problem,) = excinfo.value.problems
        assert problem.path == "$.records[0].region"
        assert "kursk-oblast" in problem.message

    def test_known_region(self, syrskyi: Source) -> None:
        """A claim naming a listed region is accepted."""
        region = Region(id="kursk-oblast", name="Kursk Oblast", area="29,997 km²")
        claim = _claim(syrskyi, area="1,000 km²", region="kursk-oblast")
        assert Document.from_records([claim], regions=[region]).regions == (region,)

    def test_every_problem_is_listed(self, smirnov: Source, syrskyi: Source) -> None:
        """All problems are reported at once, in document order, each with its path."""
        report = _report(smirnov, killed="12")
        claim = _claim(syrskyi, id="z", area="1 km²", region="nowhere")
        with pytest.raises(DocumentError) as excinfo:
            Document(sources=(smirnov,), records=(report, report, claim))
        paths = [p.path for p in excinfo.value.problems]
        assert paths == ["$.records[1].id", "$.records[2].source", "$.records[2].region"]
        message = str(excinfo.value)
        assert message.startswith("3 problems")
        for path in paths:
            assert path in message

    def test_document_error_is_an_incursion_error(self) -> None:
        """DocumentError is an IncursionError and a ValueError."""
        assert issubclass(DocumentError, IncursionError)
        assert issubclass(DocumentError, ValueError)


def _bad_builds() -> list[Any]:
    source = Source(id="s", name="S")
    common: dict[str, Any] = {"id": "r", "source": source, "subject": SUBJECT, "as_of": AS_OF}

    def claim(**fields: Any) -> Callable[[], object]:
        return lambda: TerritorialClaim(**{**common, **fields})

    def report(**fields: Any) -> Callable[[], object]:
        return lambda: CasualtyReport(**{**common, **fields})

    def allegation(**fields: Any) -> Callable[[], object]:
        values: dict[str, Any] = {"accused": "Ukraine", "act": "looting", **fields}
        return lambda: Allegation(**common, **values)

    def assessment(**fields: Any) -> Callable[[], object]:
        values: dict[str, Any] = {"proposition": "p", **fields}
        return lambda: Assessment(**common, **values)

    return [
        pytest.param(claim(area="about 1,000 km"), id="area-is-a-length"),
        pytest.param(claim(), id="claim-without-figure"),
        pytest.param(claim(area="1 km²", credibility=9), id="credibility"),
        pytest.param(claim(area="1 km²", as_of="2024-02-30"), id="impossible-date"),
        pytest.param(claim(area="1 km²", controller=5), id="controller-not-text"),
        pytest.param(claim(area="1 km²", predicate="occupies"), id="unknown-predicate"),
        pytest.param(claim(area="1 km²", status="rumoured"), id="unknown-status"),
        pytest.param(claim(area="1 km²", citation="Sky"), id="citation-not-citation"),
        pytest.param(claim(area="wibble"), id="figure-not-a-figure"),
        pytest.param(claim(area=["1 km²"]), id="figure-a-list"),
        pytest.param(report(killed="12 km"), id="killed-is-a-length"),
        pytest.param(report(killed=-1), id="negative-count"),
        pytest.param(report(killed=True), id="count-a-bool"),
        pytest.param(report(killed="12", population="soldiers"), id="unknown-population"),
        pytest.param(allegation(act="sabotage"), id="unknown-act"),
        pytest.param(allegation(evidence="rumour"), id="unknown-evidence"),
        pytest.param(allegation(accused=5), id="accused-not-text"),
        pytest.param(assessment(confidence="certain"), id="unknown-confidence"),
        pytest.param(assessment(proposition=5), id="proposition-not-text"),
        pytest.param(assessment(likelihood=0.3), id="likelihood-a-number"),
        pytest.param(lambda: Source(id="s", name="S", reliability="G"), id="unknown-grade"),
        pytest.param(lambda: Source(**_kwargs(id="s", name=5)), id="source-name-not-text"),
        pytest.param(
            lambda: Citation(**_kwargs(published="2024-08-12")), id="published-not-a-date"
        ),
        pytest.param(lambda: Count(**_kwargs(total="12", complete="yes")), id="complete-not-bool"),
        pytest.param(lambda: Part(**_kwargs(name=5, estimate="10")), id="part-name-not-text"),
        pytest.param(lambda: Region(**_kwargs(id="r", name=5)), id="region-name-not-text"),
        pytest.param(lambda: Likelihood(scale="phia", term="maybe"), id="unknown-term"),
        pytest.param(lambda: Document(**_kwargs(records=(5,))), id="document-record-not-a-record"),
    ]


class TestErrors:
    """Every error raised on bad input is an IncursionError."""

    @pytest.mark.parametrize("build", _bad_builds())
    def test_incursion_error(self, build: Callable[[], object]) -> None:
        """Bad input raises an IncursionError subclass, never a bare ValueError or TypeError."""
        with pytest.raises(Exception) as excinfo:  # noqa: PT011
            build()
        assert isinstance(excinfo.value, IncursionError), repr(excinfo.value)


def _loss(source: Source, **fields: Any) -> MaterielLoss:
    return MaterielLoss(id="loss-1", source=source, subject=SUBJECT, as_of=AS_OF, **fields)


class TestMaterielLoss:
    """Equipment counted by type, the types in one hierarchy of counted things."""

    @pytest.mark.parametrize(
        ("name", "kind"),
        [
            ("tanks", "tank"),
            ("IFVs", "infantry_fighting_vehicle"),
            ("armoured personnel carriers", "armoured_personnel_carrier"),
            ("armored combat vehicles", "armoured_vehicle"),
            ("MLRS", "mlrs"),
            ("UAVs", "drone"),
            ("helicopters", "helicopter"),
            ("M2 Bradleys", "infantry_fighting_vehicle"),
            ("Leopard 2A6", "tank"),
            ("units of air defence equipment", "air_defence_system"),
            ("ships/boats", "ship"),
            ("armoured fighting vehicles", "armoured_vehicle"),
            ("primary healthcare centres", "centre"),
        ],
    )
    def test_types_read_from_the_usual_spellings(
        self, syrskyi: Source, name: str, kind: str
    ) -> None:
        """A type is read from its spelling, abbreviation or model name; a bare number counts it."""
        loss = _loss(syrskyi, equipment={name: "12"})
        assert loss.equipment[name].total.dimension == kind

    def test_parts_of_narrower_types(self, syrskyi: Source) -> None:
        """'47 armoured vehicles, including 9 tanks': parts may be narrower kinds."""
        loss = _loss(syrskyi, equipment={"armoured vehicles": Count(total=47, parts={"tanks": 9})})
        count = loss.equipment["armoured vehicles"]
        assert (count.total.dimension, count.parts[0].estimate.dimension) == (
            "armoured_vehicle",
            "tank",
        )
        assert loss.figures() == [("equipment.armoured vehicles", count.total)]

    def test_a_part_of_a_wider_kind_is_refused(self, syrskyi: Source) -> None:
        """Vehicles cannot be a part of tanks."""
        with pytest.raises(UnitError, match="vehicles"):
            _loss(syrskyi, equipment={"tanks": Count(total=9, parts={"vehicles": 47})})

    def test_a_type_that_counts_nothing_is_refused(self, syrskyi: Source) -> None:
        """A unit of measure is no equipment type."""
        with pytest.raises(UnitError, match="km"):
            _loss(syrskyi, equipment={"km": "12"})

    def test_a_figure_of_another_kind_is_refused(self, syrskyi: Source) -> None:
        """'tanks: 12 people' names the type and the field, and what was expected."""
        with pytest.raises(UnitError, match="tanks: expected a count of tanks"):
            _loss(syrskyi, equipment={"tanks": "12 people"})

    def test_at_least_one_type(self, syrskyi: Source) -> None:
        """A materiel loss without equipment is refused."""
        with pytest.raises(RecordError, match="at least one equipment type"):
            _loss(syrskyi)

    def test_losses_are_cumulative_unless_a_count_says(self, syrskyi: Source) -> None:
        """Every count is cumulative by default; a count object may say stock."""
        loss = _loss(syrskyi, equipment={"tanks": "12", "drones": Count(total=3, tally="stock")})
        tallies = [loss.figure_tally(f, v) for f, v in loss.figure_items()]
        assert tallies == [Tally.CUMULATIVE, Tally.STOCK]

    def test_fate_and_status(self, syrskyi: Source) -> None:
        """Fate and status are read from their names; left out, they stay unspecified."""
        loss = _loss(syrskyi, equipment={"tanks": "3"}, fate="captured", status="documented")
        assert (loss.fate, loss.status) == (Fate.CAPTURED, Status.DOCUMENTED)
        assert (_loss(syrskyi, equipment={"tanks": "3"}).fate) is None
        with pytest.raises(IncursionError, match="fate"):
            _loss(syrskyi, equipment={"tanks": "3"}, fate="burnt")


class TestMeasurement:
    """Any other figure: a known measure fixes its kind, any other name is its own."""

    def _measure(self, source: Source, **fields: Any) -> Measurement:
        return Measurement(id="m-1", source=source, subject=SUBJECT, as_of=AS_OF, **fields)

    def test_a_bare_number_counts_what_the_measure_counts(self, smirnov: Source) -> None:
        """A force's size of '12,000' counts people; an unknown measure's stays a number."""
        force = self._measure(smirnov, measure="force-size", value="12,000")
        other = self._measure(smirnov, measure="sorties", value="12")
        assert force.value is not None
        assert other.value is not None
        assert (force.value.total.dimension, other.value.total.dimension) == ("person", "number")

    def test_a_known_measure_refuses_another_kind(self, smirnov: Source) -> None:
        """A distance of 12 tanks is refused, naming the field."""
        with pytest.raises(UnitError, match="expected a length") as caught:
            self._measure(smirnov, measure="distance", value="12 tanks")
        assert caught.value.field == "value"

    def test_tally_from_the_registry(self, smirnov: Source) -> None:
        """'evacuated' is cumulative and 'population' a stock, as MEASURES says."""
        for name in ("evacuated", "population"):
            record = self._measure(smirnov, measure=name, value="1,000")
            assert record.value is not None
            assert record.figure_tally("value", record.value) is MEASURES[name].tally

    @pytest.mark.parametrize("name", ["Force size", "", "x" * 101, "force_size"])
    def test_a_measure_name_is_a_lower_case_key(self, smirnov: Source, name: str) -> None:
        """Measure names are lower-case letters, digits and hyphens."""
        with pytest.raises(RecordError, match="measure"):
            self._measure(smirnov, measure=name, value="12")

    def test_a_value_or_a_share(self, smirnov: Source) -> None:
        """A measurement needs a value unless its figure is stated only as a share."""
        with pytest.raises(RecordError, match="needs at least one figure"):
            self._measure(smirnov, measure="area-lost")
        share = Share(percent="40%", figure="value", whole="the ground held")
        assert self._measure(smirnov, measure="area-lost", share_of=share).value is None


class TestRelations:
    """within, share_of and revises name figures that exist and can be compared."""

    def _document(self, *records: dict[str, Any]) -> list[tuple[str, str]]:
        """The problems of a document of these records, as (path, message)."""
        text = json.dumps(
            {
                "incursion": 1,
                "sources": [{"id": "s", "name": "S"}],
                "records": [
                    {"source": "s", "subject": SUBJECT, "as_of": AS_OF, **r} for r in records
                ],
            }
        )
        try:
            loads(text)
        except DocumentError as error:
            return [(p.path, p.message) for p in error.problems]
        return []

    POPULATION: ClassVar[dict[str, Any]] = {
        "kind": "measurement",
        "id": "pop",
        "measure": "population",
        "value": "6,000",
    }

    def test_a_valid_relation_loads(self) -> None:
        """Evacuees within a population load without a problem."""
        assert (
            self._document(
                self.POPULATION,
                {
                    "kind": "measurement",
                    "id": "left",
                    "measure": "evacuated",
                    "value": "4,000",
                    "within": {"record": "pop", "field": "value"},
                },
            )
            == []
        )

    @pytest.mark.parametrize(
        ("within", "path", "words"),
        [
            ({"record": "nope", "field": "value"}, "record", "unknown record id"),
            ({"record": "pop", "field": "area"}, "field", "has no figure at 'area'"),
            ({"record": "pop", "field": "value", "figure": "killed"}, "figure", "no figure"),
        ],
    )
    def test_a_broken_reference_is_named_at_its_path(
        self, within: dict[str, str], path: str, words: str
    ) -> None:
        """An unknown record, field or figure is reported at the relation's key."""
        ((where, message),) = self._document(
            self.POPULATION,
            {"kind": "casualty-report", "id": "c", "displaced": "4,000", "within": within},
        )
        assert where == f"$.records[1].within.{path}"
        assert words in message

    def test_figures_of_other_kinds_cannot_be_related(self) -> None:
        """Tanks cannot lie within a population."""
        ((where, message),) = self._document(
            self.POPULATION,
            {
                "kind": "materiel-loss",
                "id": "m",
                "equipment": {"tanks": "3"},
                "within": {"record": "pop", "field": "value"},
            },
        )
        assert where == "$.records[1].within.field"
        assert "a count of tanks cannot lie within a count of people" in message

    def test_a_record_of_several_figures_names_its_own(self) -> None:
        """A relation on a record of two figures must say which one it is about."""
        ((where, message),) = self._document(
            self.POPULATION,
            {
                "kind": "casualty-report",
                "id": "c",
                "killed": "3",
                "displaced": "4,000",
                "within": {"record": "pop", "field": "value"},
            },
        )
        assert where == "$.records[1].within.figure"
        assert "'killed', 'displaced'" in message

    def test_a_share_needs_a_percentage(self) -> None:
        """A share of '85 km²' is refused; a share names its whole by record and field."""
        problems = self._document(
            self.POPULATION,
            {
                "kind": "casualty-report",
                "id": "c",
                "displaced": "4,000",
                "share_of": {"record": "pop", "field": "value", "percent": "85 km²"},
            },
            {
                "kind": "casualty-report",
                "id": "d",
                "displaced": "4,000",
                "share_of": {"record": "pop", "percent": "85%"},
            },
        )
        assert [p for p, _ in problems] == ["$.records[1].share_of", "$.records[2].share_of"]

    def test_a_revision_of_itself_is_refused(self) -> None:
        """A record cannot revise itself."""
        assert self._document(
            {"kind": "casualty-report", "id": "c", "killed": "3", "revises": "c"}
        ) == [("$.records[0].revises", "a record cannot revise itself")]

    def test_a_revision_of_another_kind_or_in_a_circle_is_refused(self) -> None:
        """A record revises one of its own kind and subject, and revisions never loop."""
        assert self._document(
            self.POPULATION,
            {"kind": "casualty-report", "id": "c", "killed": "3", "revises": "pop"},
        ) == [
            (
                "$.records[1].revises",
                (
                    "a record revises one of its own kind and subject: 'pop' is a measurement "
                    "on 'kursk-2024'"
                ),
            )
        ]
        problems = self._document(
            {"kind": "casualty-report", "id": "a", "killed": "3", "revises": "b"},
            {"kind": "casualty-report", "id": "b", "killed": "4", "revises": "a"},
        )
        assert [p for p, _ in problems] == ["$.records[0].revises", "$.records[1].revises"]
        assert all("circle" in m for _, m in problems)

    def test_documents_built_in_python_are_checked_alike(self, smirnov: Source) -> None:
        """Document() refuses a relation to a record it does not hold."""
        report = _report(smirnov, killed="3", within={"record": "nope", "field": "killed"})
        with pytest.raises(DocumentError, match="unknown record id 'nope'"):
            Document(sources=(smirnov,), records=(report,))


class TestOpenVocabulary:
    """A noun outside the table counts its own kind; the number of such kinds is bounded."""

    def test_singular_and_plural_share_a_kind(self) -> None:
        """'applications' and 'application' count one kind, apart from people."""
        assert Estimate.parse("3 applications").dimension == "application"
        assert Estimate.of(1, "application").dimension == "application"

    def test_in_a_field_that_counts_people_the_noun_describes(self, smirnov: Source) -> None:
        """As killed, '2 Palestinians' is 2 people, with its words kept."""
        report = _report(smirnov, killed="2 Palestinians")
        assert report.killed is not None
        assert (report.killed.total.unit, report.killed.total.text) == (
            "person",
            "2 Palestinians",
        )

    def test_reading_a_noun_changes_nothing_elsewhere(self) -> None:
        """A noun that is also a pint dimension's name ("time") leaves durations alone."""
        assert Estimate.parse("2 time").dimension == "time"
        assert Estimate.parse("2 time").value.magnitude == 2
        assert Estimate.parse("3 hours").to("days").number == 0.125
        assert Estimate.parse("2 days").dimension == "duration"

    def test_the_noun_does_not_depend_on_what_was_read_before(self) -> None:
        """'1 sortie' and '40 sorties' count one kind, in either order."""
        first = Estimate.parse("1 sortie")
        assert first.value.magnitude == 1  # builds the pint unit
        assert Estimate.parse("40 sorties").dimension == first.dimension


class TestFromRecords:
    def test_deniers_are_collected_with_the_sources(self, smirnov: Source) -> None:
        """Document.from_records lists the sources that deny an allegation as well."""
        kremlin = Source(id="kremlin", name="Kremlin")
        allegation = _allegation(smirnov, evidence="denied", denied_by=[kremlin])
        document = Document.from_records([allegation])
        assert [s.id for s in document.sources] == ["smirnov", "kremlin"]
