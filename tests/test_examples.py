"""Tests for the bundled Kursk 2024 document: the seed figures, read as DESIGN.md reads them."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pint
import pytest

from incursion import (
    Act,
    Allegation,
    Assessment,
    CasualtyReport,
    Document,
    Estimate,
    Evidence,
    Hedge,
    Population,
    Precision,
    Predicate,
    Record,
    Span,
    TerritorialClaim,
)
from incursion.examples import kursk_2024, kursk_2024_json

AUGUST_12 = Span.day(dt.date(2024, 8, 12))


@pytest.fixture(scope="module")
def document() -> Document:
    """The bundled document, loaded once for this module."""
    return kursk_2024()


def _unit(name: str) -> Any:
    """A unit of the application registry."""
    return pint.get_application_registry().Unit(name)  # type: ignore[no-untyped-call]


def _claim(document: Document, record_id: str) -> TerritorialClaim:
    record: Record = document.record(record_id)
    assert isinstance(record, TerritorialClaim)
    return record


def _report(document: Document, record_id: str) -> CasualtyReport:
    record: Record = document.record(record_id)
    assert isinstance(record, CasualtyReport)
    return record


def _allegation(document: Document, record_id: str) -> Allegation:
    record: Record = document.record(record_id)
    assert isinstance(record, Allegation)
    return record


class TestDocument:
    """The document as a whole."""

    def test_is_a_document(self, document: Document) -> None:
        """kursk_2024() returns a Document."""
        assert isinstance(document, Document)

    def test_record_ids(self, document: Document) -> None:
        """The document holds the nine seed records, in order."""
        assert [r.id for r in document.records] == [
            "syrskyi-0812",
            "smirnov-0812-advance",
            "smirnov-0812-settlements",
            "smirnov-0812-casualties",
            "smirnov-0812-displaced",
            "putin-0812-displaced",
            "governor-0812-chemical",
            "zelenskyy-summer-strikes",
            "rusi-0812-sustain",
        ]

    def test_every_record_cites_a_listed_source(self, document: Document) -> None:
        """Each record's source is the listed source of that id."""
        for record in document.records:
            assert document.source(record.source.id) == record.source

    def test_region(self, document: Document) -> None:
        """Kursk Oblast is listed with its area in km²."""
        (region,) = document.regions
        assert region.id == "kursk-oblast"
        assert region.area is not None
        assert region.area.value.magnitude == 29_997
        assert region.area.value.units == _unit("kilometer ** 2")

    def test_fresh_each_call(self) -> None:
        """Two calls give equal documents."""
        assert kursk_2024() == kursk_2024()

    def test_json_text(self) -> None:
        """The JSON text is the format-1 document."""
        assert kursk_2024_json().lstrip().startswith("{")
        assert '"incursion": 1' in kursk_2024_json()


class TestTerritory:
    """The territorial figures of Syrskyi and Smirnov."""

    def test_syrskyi_area(self, document: Document) -> None:
        """Syrskyi: around 1,000 km² (900–1,100) with a 386 mi² equivalent."""
        claim = _claim(document, "syrskyi-0812")
        assert claim.source.name == "Oleksandr Syrskyi"
        assert claim.controller == "Ukraine"
        assert claim.predicate is Predicate.CONTROLS
        assert claim.as_of == AUGUST_12
        assert claim.area is not None
        assert claim.area.hedge is Hedge.ABOUT
        assert claim.area.word == "around"
        assert claim.area.interval == (900.0, 1100.0)
        assert claim.area.value.units == _unit("kilometer ** 2")
        (miles,) = claim.area.equivalents
        assert miles.magnitude == 386
        assert miles.units == _unit("mile ** 2")

    def test_smirnov_depth_and_front(self, document: Document) -> None:
        """Smirnov: 12 km (7.5 mi) deep across a 40 km (25 mi) front."""
        claim = _claim(document, "smirnov-0812-advance")
        assert claim.predicate is Predicate.ADVANCED_INTO
        assert claim.depth is not None
        assert claim.depth.interval == (11.5, 12.5)
        assert claim.depth.value.units == _unit("kilometer")
        (depth_miles,) = claim.depth.equivalents
        assert depth_miles.magnitude == 7.5
        assert depth_miles.units == _unit("mile")
        assert claim.front_width is not None
        assert claim.front_width.number == 40
        assert claim.front_width.value.units == _unit("kilometer")
        (front_miles,) = claim.front_width.equivalents
        assert front_miles.magnitude == 25
        assert front_miles.units == _unit("mile")

    def test_settlements(self, document: Document) -> None:
        """Smirnov: exactly 28 settlements."""
        claim = _claim(document, "smirnov-0812-settlements")
        assert claim.settlements is not None
        assert claim.settlements.unit == "settlement"
        assert claim.settlements.interval == (28.0, 28.0)


class TestCasualties:
    """The casualty and displacement figures."""

    def test_killed_and_wounded(self, document: Document) -> None:
        """Smirnov: 12 civilians killed; 121 wounded, 10 of them children."""
        report = _report(document, "smirnov-0812-casualties")
        assert report.population is Population.CIVILIAN
        assert report.party == "Russia"
        assert report.killed is not None
        assert report.killed.total.interval == (12.0, 12.0)
        assert report.killed.total.unit == "person"
        assert report.wounded is not None
        assert report.wounded.total.interval == (121.0, 121.0)
        (children,) = report.wounded.parts
        assert children.name == "children"
        assert children.estimate.interval == (10.0, 10.0)
        assert children.estimate.unit == "person"

    def test_governor_displaced(self, document: Document) -> None:
        """Smirnov: about 121,000 displaced, read as 108,900–133,100 people."""
        report = _report(document, "smirnov-0812-displaced")
        assert report.displaced is not None
        total: Estimate = report.displaced.total
        assert total.hedge is Hedge.ABOUT
        assert total.interval == (108_900.0, 133_100.0)
        assert total.unit == "person"

    def test_putin_displaced(self, document: Document) -> None:
        """Putin: 100,000 who fled, read as 95,000–105,000 people."""
        report = _report(document, "putin-0812-displaced")
        assert report.source.name == "Vladimir Putin"
        assert report.displaced is not None
        assert report.displaced.total.hedge is Hedge.EXACT
        assert report.displaced.total.interval == (95_000.0, 105_000.0)

    def test_displaced_figures_are_disjoint(self, document: Document) -> None:
        """The two displaced figures leave a 3,900 gap, as DESIGN.md section 4 says."""
        governor = _report(document, "smirnov-0812-displaced").displaced
        putin = _report(document, "putin-0812-displaced").displaced
        assert governor is not None
        assert putin is not None
        putin_high = putin.total.canonical_high
        assert putin_high is not None
        assert governor.total.canonical_low - putin_high == 3_900


class TestAllegations:
    """The chemical-weapons and cross-border-strike allegations."""

    def test_chemical_weapons(self, document: Document) -> None:
        """A governor's chemical-weapons allegation, with no public evidence."""
        allegation = _allegation(document, "governor-0812-chemical")
        assert allegation.accused == "Ukraine"
        assert allegation.act is Act.CHEMICAL_WEAPONS_USE
        assert allegation.evidence is Evidence.NONE_PUBLIC
        assert allegation.count is None
        assert allegation.credibility == 6

    def test_zelenskyy_strikes(self, document: Document) -> None:
        """Zelenskyy: nearly 2,000 cross-border strikes over the summer."""
        allegation = _allegation(document, "zelenskyy-summer-strikes")
        assert allegation.accused == "Russia"
        assert allegation.act is Act.CROSS_BORDER_STRIKES
        assert allegation.count is not None
        assert allegation.count.hedge is Hedge.NEARLY
        assert allegation.count.unit == "strike"
        assert allegation.count.interval == (1_800.0, 2_000.0)
        assert allegation.as_of == Span(start=dt.date(2024, 6, 1), end=dt.date(2024, 8, 31))
        assert allegation.as_of.precision is Precision.SPAN
        assert allegation.subject == "sumy-2024"


class TestAssessment:
    """The RUSI analyst's assessment."""

    def test_rusi(self, document: Document) -> None:
        """RUSI: unlikely on the PHIA scale, with its probability band."""
        record = document.record("rusi-0812-sustain")
        assert isinstance(record, Assessment)
        assert record.source.organisation == "Royal United Services Institute"
        assert record.likelihood is not None
        assert record.likelihood.scale == "phia"
        assert record.likelihood.term == "unlikely"
        assert record.likelihood.band == (0.25, 0.35)
        assert record.horizon == "months"
