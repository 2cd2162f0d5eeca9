"""Tests for Span: the window of time a figure describes."""

from __future__ import annotations

import datetime as dt

import pytest

from incursion import IncursionError, Precision, Span
from incursion.exceptions import ParseError, RecordError


class TestParse:
    """Span.parse reads a day, an ISO week, a month or a year."""

    @pytest.mark.parametrize(
        ("text", "start", "end", "precision"),
        [
            pytest.param(
                "2024-08-12", dt.date(2024, 8, 12), dt.date(2024, 8, 12), Precision.DAY, id="day"
            ),
            pytest.param(
                "2024-W33", dt.date(2024, 8, 12), dt.date(2024, 8, 18), Precision.WEEK, id="week"
            ),
            pytest.param(
                "2020-W53", dt.date(2020, 12, 28), dt.date(2021, 1, 3), Precision.WEEK, id="w53"
            ),
            pytest.param(
                "2024-08", dt.date(2024, 8, 1), dt.date(2024, 8, 31), Precision.MONTH, id="month"
            ),
            pytest.param(
                "2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29), Precision.MONTH, id="leap"
            ),
            pytest.param(
                "2023-02", dt.date(2023, 2, 1), dt.date(2023, 2, 28), Precision.MONTH, id="feb"
            ),
            pytest.param(
                "2024", dt.date(2024, 1, 1), dt.date(2024, 12, 31), Precision.YEAR, id="year"
            ),
        ],
    )
    def test_form(self, text: str, start: dt.date, end: dt.date, precision: Precision) -> None:
        """Each form gives its first day, its last day and its precision."""
        span = Span.parse(text)
        assert (span.start, span.end, span.precision) == (start, end, precision)

    @pytest.mark.parametrize(
        ("text", "days"),
        [
            pytest.param("2024-08-12", 1, id="day"),
            pytest.param("2024-W33", 7, id="week"),
            pytest.param("2024-08", 31, id="month"),
            pytest.param("2024", 366, id="leap-year"),
        ],
    )
    def test_days(self, text: str, days: int) -> None:
        """A span counts its days inclusively."""
        assert Span.parse(text).days == days

    @pytest.mark.parametrize(
        "text",
        [
            pytest.param("2024-13", id="month-13"),
            pytest.param("2024-00", id="month-0"),
            pytest.param("2024-02-30", id="february-30"),
            pytest.param("2023-02-29", id="not-a-leap-year"),
            pytest.param("2024-08-00", id="day-0"),
            pytest.param("2023-W53", id="week-53-of-a-52-week-year"),
            pytest.param("2024-W00", id="week-0"),
            pytest.param("0000", id="year-0"),
        ],
    )
    def test_no_such_date(self, text: str) -> None:
        """A well-formed text that names no real date is refused with a ParseError."""
        with pytest.raises(ParseError, match="no real date"):
            Span.parse(text)

    @pytest.mark.parametrize(
        "text",
        [
            pytest.param("2024-8-12", id="unpadded"),
            pytest.param("12/08/2024", id="slashes"),
            pytest.param("12 August 2024", id="words"),
            pytest.param("", id="empty"),
            pytest.param("2024-08-12T10:00", id="datetime"),
            pytest.param("x" * 1_000_000, id="huge"),
        ],
    )
    def test_not_a_span(self, text: str) -> None:
        """A text of none of the four forms is refused with a ParseError listing them."""
        with pytest.raises(ParseError, match="ISO week") as excinfo:
            Span.parse(text)
        assert len(str(excinfo.value)) < 400

    def test_parse_rejects_non_text(self) -> None:
        """A number is not a span."""
        with pytest.raises(ParseError):
            Span.parse(20240812)  # type: ignore[arg-type]


class TestExplicit:
    """Spans built from a start and an end."""

    def test_explicit_span(self) -> None:
        """An explicit span keeps its ends and has precision span."""
        span = Span(start=dt.date(2024, 6, 1), end=dt.date(2024, 8, 31))
        assert span.start == dt.date(2024, 6, 1)
        assert span.end == dt.date(2024, 8, 31)
        assert span.precision is Precision.SPAN
        assert span.days == 92

    def test_end_before_start(self) -> None:
        """A span that ends before it starts is refused, naming both dates."""
        with pytest.raises(RecordError, match=r"2024-08-01.*2024-08-31") as excinfo:
            Span(start=dt.date(2024, 8, 31), end=dt.date(2024, 8, 1))
        assert excinfo.value.field == "end"

    def test_one_day(self) -> None:
        """A span may start and end on the same day."""
        assert Span(start=dt.date(2024, 8, 12), end=dt.date(2024, 8, 12)).days == 1

    @pytest.mark.parametrize(
        "start",
        [
            pytest.param("2024-08-12", id="string"),
            pytest.param(dt.datetime(2024, 8, 12, tzinfo=dt.UTC), id="datetime"),
        ],
    )
    def test_ends_must_be_dates(self, start: object) -> None:
        """A span's ends must be dates (not strings, not datetimes)."""
        with pytest.raises(RecordError, match="start must be a date"):
            Span(start=start, end=dt.date(2024, 8, 31))  # type: ignore[arg-type]

    def test_unknown_precision_is_an_incursion_error(self) -> None:
        """An unknown precision is refused with an IncursionError."""
        with pytest.raises(IncursionError):
            Span(start=dt.date(2024, 8, 1), end=dt.date(2024, 8, 31), precision="fortnight")

    def test_day(self) -> None:
        """Span.day gives the one-day span with precision day."""
        assert Span.day(dt.date(2024, 8, 12)) == Span.parse("2024-08-12")

    def test_frozen_value(self) -> None:
        """Equal spans are equal and hash equal."""
        first = Span(start=dt.date(2024, 6, 1), end=dt.date(2024, 8, 31))
        second = Span(start=dt.date(2024, 6, 1), end=dt.date(2024, 8, 31))
        assert first == second
        assert hash(first) == hash(second)


class TestCoerce:
    """Span.coerce accepts what a record's as_of field may be given."""

    def test_date(self) -> None:
        """A date becomes its one-day span."""
        assert Span.coerce(dt.date(2024, 8, 12)) == Span.day(dt.date(2024, 8, 12))

    def test_datetime(self) -> None:
        """A datetime becomes the one-day span of its date."""
        moment = dt.datetime(2024, 8, 12, 10, 30, tzinfo=dt.UTC)
        assert Span.coerce(moment) == Span.day(dt.date(2024, 8, 12))

    def test_string(self) -> None:
        """A string is parsed."""
        assert Span.coerce("2024-W33") == Span.parse("2024-W33")

    def test_span(self) -> None:
        """A span is returned as it is."""
        span = Span(start=dt.date(2024, 6, 1), end=dt.date(2024, 8, 31))
        assert Span.coerce(span) is span

    def test_other(self) -> None:
        """Anything else is refused with a RecordError on as_of."""
        with pytest.raises(RecordError) as excinfo:
            Span.coerce(20240812)
        assert excinfo.value.field == "as_of"


class TestStr:
    """str() gives the span as a document writes it."""

    @pytest.mark.parametrize(
        "text",
        [
            pytest.param("2024-08-12", id="day"),
            pytest.param("2024-W33", id="week"),
            pytest.param("2024-W01", id="week-padded"),
            pytest.param("2024-08", id="month"),
            pytest.param("2024", id="year"),
        ],
    )
    def test_round_trip(self, text: str) -> None:
        """Parsing and printing gives back the text, and parsing that the same span."""
        span = Span.parse(text)
        assert str(span) == text
        assert Span.parse(str(span)) == span

    def test_explicit_span(self) -> None:
        """An explicit span prints as start/end."""
        span = Span(start=dt.date(2024, 6, 1), end=dt.date(2024, 8, 31))
        assert str(span) == "2024-06-01/2024-08-31"


class TestOverlaps:
    """Whether two spans share a day."""

    @pytest.mark.parametrize(
        ("first", "second", "expected"),
        [
            pytest.param("2024-08-12", "2024-08-12", True, id="same-day"),
            pytest.param("2024-08-12", "2024-08-13", False, id="next-day"),
            pytest.param("2024-08-12", "2024-W33", True, id="day-in-week"),
            pytest.param("2024-08-11", "2024-W33", False, id="day-before-week"),
            pytest.param("2024-08-18", "2024-W33", True, id="last-day-of-week"),
            pytest.param("2024-08", "2024", True, id="month-in-year"),
            pytest.param("2024-08", "2024-09", False, id="adjacent-months"),
            pytest.param("2024-12-31", "2025", False, id="year-end"),
        ],
    )
    def test_overlaps(self, first: str, second: str, expected: bool) -> None:
        """Spans overlap exactly when they share at least one day, in either order."""
        a, b = Span.parse(first), Span.parse(second)
        assert a.overlaps(b) is expected
        assert b.overlaps(a) is expected

    def test_explicit_span_overlaps_day(self) -> None:
        """The summer span overlaps 12 August and not 1 September."""
        summer = Span(start=dt.date(2024, 6, 1), end=dt.date(2024, 8, 31))
        assert summer.overlaps(Span.parse("2024-08-12"))
        assert not summer.overlaps(Span.parse("2024-09-01"))
