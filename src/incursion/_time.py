"""When a figure holds: a day, an ISO week, a month, a year or an explicit span."""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import re
from typing import Any, Final

import attrs

from incursion._validation import TYPED, member, quoted, states
from incursion.exceptions import IncursionError, ParseError, RecordError

__all__ = ["SPAN_FORMS", "Precision", "Span", "to_span"]


class Precision(enum.StrEnum):
    """How precisely a span was given.

    .. versionadded:: 0.1.0
    """

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"
    SPAN = "span"


_DAY: Final = re.compile(r"(\d{4})-(\d{2})-(\d{2})\Z", re.ASCII)
_WEEK: Final = re.compile(r"(\d{4})-W(\d{2})\Z", re.ASCII)
_MONTH: Final = re.compile(r"(\d{4})-(\d{2})\Z", re.ASCII)
_YEAR: Final = re.compile(r"(\d{4})\Z", re.ASCII)
_INTERVAL: Final = re.compile(r"(\d{4}-\d{2}-\d{2})/(\d{4}-\d{2}-\d{2})\Z", re.ASCII)


def _precision(value: object) -> Precision:
    return member(Precision, value, "precision")


@states(TYPED)
def _is_date(_: object, attribute: attrs.Attribute[dt.date], value: object) -> None:
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise RecordError(f"{attribute.name} must be a date, got {value!r}", field=attribute.name)


@attrs.frozen(kw_only=True, order=False)
class Span:
    """The window of time a figure describes, from ``start`` to ``end`` inclusive.

    A figure "as of 12 August 2024" is the one-day span 2024-08-12; "over the summer"
    can be the explicit span 2024-06-01 to 2024-08-31.  This is distinct from when the
    figure was published (:attr:`incursion.Citation.published`).

    Attributes:
        start: The first day of the window.
        end: The last day of the window (inclusive).
        precision: How the span was given: a day, ISO week, month, year or explicit span.

    .. versionadded:: 0.1.0
    """

    start: dt.date = attrs.field(validator=_is_date)
    end: dt.date = attrs.field(validator=_is_date)
    precision: Precision = attrs.field(default=Precision.SPAN, converter=_precision)

    def __attrs_post_init__(self) -> None:
        """Check that the span does not run backwards and matches its precision."""
        if self.end < self.start:
            raise RecordError(
                f"span ends ({self.end}) before it starts ({self.start})", field="end"
            )
        if self.precision is not Precision.SPAN and _bounds(self.start, self.precision) != (
            self.start,
            self.end,
        ):
            raise RecordError(
                f"{self.start}/{self.end} is not one {self.precision.value}: give the whole "
                f"{self.precision.value} or the precision 'span'",
                field="precision",
            )

    @classmethod
    def day(cls, day: dt.date) -> Span:
        """The one-day span of ``day``."""
        return cls(start=day, end=day, precision=Precision.DAY)

    @classmethod
    def parse(cls, text: str) -> Span:
        """Read a day, ISO week, month, year or ``start/end`` span, as documents write them.

        The forms: ``"2024-08-12"``, ``"2024-W33"``, ``"2024-08"``, ``"2024"`` and
        ``"2024-06-01/2024-08-31"``.

        >>> span = Span.parse("2024-08")
        >>> span.start, span.end, span.precision.value
        (datetime.date(2024, 8, 1), datetime.date(2024, 8, 31), 'month')

        Raises:
            ParseError: The text is none of those forms, or names no real date.
        """
        given: object = text
        span = _SPANS.get(text) if isinstance(given, str) else None
        if span is None:
            span = cls._parse(text)
            if len(_SPANS) < 65536:
                _SPANS[text] = span
        return span

    @classmethod
    def _parse(cls, text: str) -> Span:
        """Parse without the cache."""
        given: object = text
        if not isinstance(given, str) or len(given) > 21:
            raise ParseError(SPAN_FORMS + f", got {quoted(str(given))}")
        try:
            if m := _DAY.match(text):
                return cls.day(dt.date(int(m[1]), int(m[2]), int(m[3])))
            if m := _WEEK.match(text):
                start = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
                return cls(start=start, end=start + dt.timedelta(days=6), precision=Precision.WEEK)
            if m := _MONTH.match(text):
                year, month = int(m[1]), int(m[2])
                last = calendar.monthrange(year, month)[1]
                return cls(
                    start=dt.date(year, month, 1),
                    end=dt.date(year, month, last),
                    precision=Precision.MONTH,
                )
            if m := _INTERVAL.match(text):
                return cls(start=dt.date.fromisoformat(m[1]), end=dt.date.fromisoformat(m[2]))
            if m := _YEAR.match(text):
                year = int(m[1])
                return cls(
                    start=dt.date(year, 1, 1), end=dt.date(year, 12, 31), precision=Precision.YEAR
                )
        except IncursionError as error:  # a span that runs backwards
            raise ParseError(f"{quoted(text)}: {error}") from None
        except ValueError:
            raise ParseError(f"{quoted(text)} names no real date") from None
        raise ParseError(SPAN_FORMS + f", got {quoted(text)}")

    @classmethod
    def coerce(cls, value: Any) -> Span:
        """Accept a :class:`Span`, a :class:`datetime.date` or a string (see :meth:`parse`)."""
        if isinstance(value, Span):
            return value
        if isinstance(value, dt.datetime):
            return cls.day(value.date())
        if isinstance(value, dt.date):
            return cls.day(value)
        if isinstance(value, str):
            return cls.parse(value)
        raise RecordError(SPAN_FORMS + f", got {value!r}", field="as_of")

    @property
    def days(self) -> int:
        """How many days the span covers."""
        return (self.end - self.start).days + 1

    def overlaps(self, other: Span) -> bool:
        """Whether the two spans share at least one day."""
        return self.start <= other.end and other.start <= self.end

    def __str__(self) -> str:
        """The span as written in a document (``"2024-08-12"``, ``"2024-08"``, …)."""
        if self.precision is Precision.DAY:
            return self.start.isoformat()
        if self.precision is Precision.WEEK:
            year, week, _ = self.start.isocalendar()
            return f"{year:04d}-W{week:02d}"
        if self.precision is Precision.MONTH:
            return f"{self.start.year:04d}-{self.start.month:02d}"
        if self.precision is Precision.YEAR:
            return f"{self.start.year:04d}"
        return f"{self.start.isoformat()}/{self.end.isoformat()}"


_SPANS: dict[str, Span] = {}


def _bounds(day: dt.date, precision: Precision) -> tuple[dt.date, dt.date]:
    """The first and last day of the day, ISO week, month or year that holds ``day``."""
    if precision is Precision.DAY:
        return day, day
    if precision is Precision.WEEK:
        monday = day - dt.timedelta(days=day.weekday())
        return monday, monday + dt.timedelta(days=6)
    if precision is Precision.MONTH:
        last = calendar.monthrange(day.year, day.month)[1]
        return day.replace(day=1), day.replace(day=last)
    return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)


#: The forms a span may take in a document, for messages.
SPAN_FORMS: Final = (
    'expected a date ("2024-08-12"), an ISO week ("2024-W33"), a month ("2024-08"), a year '
    '("2024"), a span ("2024-06-01/2024-08-31") or {"start": …, "end": …}'
)


def to_span(value: Any) -> Span:
    """Accept a :class:`Span`, a :class:`datetime.date` or a string (see :meth:`Span.parse`)."""
    return value if value.__class__ is Span else Span.coerce(value)
