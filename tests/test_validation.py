"""Bad values are refused where they enter, with our errors; equal-looking values stay apart."""

from __future__ import annotations

import datetime as dt
import gc
import json
from decimal import Decimal
from typing import Any

import pytest

import incursion
from incursion import (
    Allegation,
    Assessment,
    Citation,
    Count,
    Estimate,
    Hedge,
    Policy,
    Source,
    Span,
)
from incursion.exceptions import DocumentError, IncursionError, RecordError

SOURCE = Source(id="s", name="A source")


def document(**record: Any) -> str:
    base = {"kind": "territorial-claim", "id": "r", "source": "s", "subject": "k"}
    return json.dumps(
        {
            "incursion": 1,
            "sources": [{"id": "s", "name": "A source"}],
            "records": [{**base, "as_of": "2024-08-12", **record}],
        }
    )


def problems(text: str) -> dict[str, str]:
    with pytest.raises(DocumentError) as excinfo:
        incursion.loads(text)
    return {p.path: p.message for p in excinfo.value.problems}


class TestCachedEstimates:
    """Shared cached estimates never stand in for a value of another type."""

    @pytest.mark.parametrize("value", [True, False])
    def test_a_bool_is_refused_after_the_equal_number(self, value: bool) -> None:
        """Estimate.of(True) is refused even after Estimate.of(1) filled the cache."""
        Estimate.of(int(value), "km")
        with pytest.raises(RecordError):
            Estimate.of(value, "km")

    def test_a_json_bool_is_refused_after_the_equal_number(self) -> None:
        """{"value": true} is refused in a document even after {"value": 1} was loaded."""
        incursion.loads(document(depth={"value": 1, "unit": "km"}))
        assert "$.records[0].depth" in problems(document(depth={"value": True, "unit": "km"}))

    def test_a_decimal_is_read_as_its_value(self) -> None:
        """A Decimal builds the same estimate as the float, cached or not."""
        Estimate.of(7, "km")
        assert Estimate.of(Decimal(7), "km").interval == (6.5, 7.5)


class TestPythonConstruction:
    """Wrong types given to constructors raise IncursionError subclasses naming the field."""

    @pytest.mark.parametrize(
        ("build", "field"),
        [
            pytest.param(lambda: Estimate.of(1, None), None, id="unit-none"),  # type: ignore[arg-type]
            pytest.param(lambda: Estimate(number=1, stated_low="0"), "number", id="low-text"),
            pytest.param(lambda: Estimate(number=1, step="x"), "number", id="step-text"),
            pytest.param(lambda: Estimate(number=1, conversions=[1]), "conversions", id="conv"),
            pytest.param(lambda: Estimate(number=1, policy=None), "policy", id="policy-none"),  # type: ignore[arg-type]
            pytest.param(lambda: Estimate(number=1, text="x" * 401), "text", id="long-text"),
            pytest.param(lambda: Count(total=12, parts=[1]), "parts", id="parts"),
            pytest.param(lambda: Policy(min_significant=2.5), "min_significant", id="sig"),  # type: ignore[arg-type]
            pytest.param(lambda: Policy(about_margin=float("inf")), "about_margin", id="inf"),
            pytest.param(
                lambda: Estimate.from_quantity(Estimate.of(5, "km").value, "roughly"),
                "hedge",
                id="from-quantity-hedge",
            ),
            pytest.param(
                lambda: Citation(published=dt.datetime(2024, 8, 12, 15, 30, tzinfo=dt.UTC)),
                "published",
                id="datetime",
            ),
        ],
    )
    def test_refused(self, build: Any, field: str | None) -> None:
        """The error is ours and, where one field is to blame, names it."""
        with pytest.raises(IncursionError) as excinfo:
            build()
        if field is not None:
            assert excinfo.value.field == field

    def test_a_word_of_another_hedge_class_is_refused(self) -> None:
        """The word kept beside a hedge must be one of that hedge's words."""
        with pytest.raises(RecordError, match="nearly"):
            Estimate(number=5, unit="km", hedge=Hedge.ABOUT, word="nearly")


class TestDocumentValues:
    """Values in a document that the constructors would refuse are reported with paths."""

    @pytest.mark.parametrize(
        "figure",
        [
            pytest.param({"value": [1], "unit": "km"}, id="list-value"),
            pytest.param({"value": 1, "unit": 5}, id="number-unit"),
            pytest.param({"value": 12, "unit": "km", "units": "km"}, id="extra-key"),
            pytest.param(
                {"value": 12, "unit": "km", "equivalents": [{"value": 7, "units": "mi"}]},
                id="extra-key-in-equivalent",
            ),
            pytest.param(
                {"hedge": "between", "low": -3, "high": 12, "unit": "km"}, id="negative-low"
            ),
            pytest.param(
                {"value": 12, "unit": "km", "text": "about 500 miles"}, id="text-disagrees"
            ),
            pytest.param(
                {"value": 12, "unit": "km", "hedge": "about", "word": "nearly"},
                id="word-disagrees",
            ),
        ],
    )
    def test_reported_at_the_figure(self, figure: dict[str, Any]) -> None:
        """Each is one problem at $.records[0].depth, in our words."""
        found = problems(document(depth=figure))
        assert list(found) == ["$.records[0].depth"]
        assert "Error" not in found["$.records[0].depth"]

    def test_a_scale_that_is_no_text(self) -> None:
        """A likelihood scale given as a list is reported, not a crash."""
        text = document(
            kind="assessment", proposition="p", likelihood={"scale": ["phia"], "term": "likely"}
        )
        assert "$.records[0].likelihood" in problems(text)

    def test_precision_must_match_the_span(self) -> None:
        """A week-long span is not a month."""
        text = document(
            depth="12 km", as_of={"start": "2024-08-03", "end": "2024-08-09", "precision": "month"}
        )
        assert "$.records[0].as_of" in problems(text)

    def test_many_problems_are_listed_briefly(self) -> None:
        """The message lists 50 problems and counts the rest; .problems holds them all."""
        records = [
            {
                "kind": "territorial-claim",
                "id": f"r{i}",
                "source": "s",
                "subject": "k",
                "as_of": "2024-08-12",
                "area": "12 km",
            }
            for i in range(120)
        ]
        text = json.dumps(
            {"incursion": 1, "sources": [{"id": "s", "name": "S"}], "records": records}
        )
        with pytest.raises(DocumentError) as excinfo:
            incursion.loads(text)
        assert len(excinfo.value.problems) == 120
        assert "and 70 more" in str(excinfo.value)
        assert str(excinfo.value).count("$.records[") == 50


class TestContract:
    """A record needs only kind, id, source, subject and as_of (and a figure for two kinds)."""

    def test_a_bare_allegation_and_assessment_load(self) -> None:
        """Without accused, act or proposition, an allegation and an assessment still load."""
        text = json.dumps(
            {
                "incursion": 1,
                "sources": [{"id": "s", "name": "S"}],
                "records": [
                    {
                        "kind": "allegation",
                        "id": "a",
                        "source": "s",
                        "subject": "k",
                        "as_of": "2024",
                    },
                    {
                        "kind": "assessment",
                        "id": "b",
                        "source": "s",
                        "subject": "k",
                        "as_of": "2024",
                    },
                ],
            }
        )
        allegation, assessment = incursion.loads(text).records
        assert isinstance(allegation, Allegation)
        assert allegation.accused is None
        assert allegation.act.value == "other"
        assert isinstance(assessment, Assessment)
        assert assessment.proposition is None


class TestRoundTrips:
    """What the constructors accept, dumps writes and loads reads back equal."""

    def test_a_non_default_policy_survives(self) -> None:
        """An estimate read under another policy keeps it through a round trip."""
        area = Estimate.parse("about 1,000 km²", policy=Policy(about_margin=0.25))
        record = incursion.TerritorialClaim(
            id="r", source=SOURCE, subject="k", as_of="2024-08-12", area=area
        )
        document = incursion.Document.from_records([record])
        again = incursion.loads(incursion.dumps(document))
        assert again == document
        assert again.records[0].area.interval == (750.0, 1250.0)  # type: ignore[union-attr]

    @pytest.mark.parametrize("precision", ["week", "month", "year"])
    def test_early_years(self, precision: str) -> None:
        """A span in the year 999 is written with four digits and read back."""
        span = Span.parse({"week": "0999-W10", "month": "0999-03", "year": "0999"}[precision])
        assert Span.parse(str(span)) == span

    def test_reread_follows_the_new_precision_rule(self) -> None:
        """Re-reading under min_significant=1 reads "1,000" to the thousand."""
        again = Estimate.parse("1,000 km").reread(Policy(min_significant=1))
        assert (
            again.interval == Estimate.parse("1,000 km", policy=Policy(min_significant=1)).interval
        )
        assert again.interval == (500.0, 1500.0)


class TestCollector:
    """Loading leaves the garbage collector as it found it."""

    @pytest.mark.parametrize("enabled", [True, False])
    def test_state_is_restored(self, enabled: bool) -> None:
        """On stays on and off stays off after a load."""
        was = gc.isenabled()
        try:
            (gc.enable if enabled else gc.disable)()
            incursion.loads(document(depth="12 km"))
            assert gc.isenabled() is enabled
        finally:
            (gc.enable if was else gc.disable)()


class TestUnicode:
    """Letters that only look like ASCII are not read as hedge or number words."""

    @pytest.mark.parametrize("text", ["ſixty km", "ſome 12 km", "İn excess of 5 km"])
    def test_refused_cleanly(self, text: str) -> None:
        """They are refused with a ParseError, never misread, never a KeyError."""
        with pytest.raises(IncursionError):
            Estimate.parse(text)


class TestDuplicateKeys:
    """A key given twice in one JSON object is an error, not a silent overwrite."""

    def test_refused(self) -> None:
        """Two "depth" keys in one record are refused, naming the key."""
        text = document(depth="12 km").replace(
            '"depth": "12 km"', '"depth": "12 km", "depth": "9 km"'
        )
        found = problems(text)
        assert "'depth'" in found["$"]
