"""What records are made of besides figures: ids, texts, sources, citations, spans, likelihoods."""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

from incursion._likelihood import SCALES, Likelihood
from incursion._sources import Citation, Reliability, Source
from incursion._time import Span
from incursion.strategies._draw import any_text, pick, st

__all__ = [
    "any_sources",
    "any_span",
    "citations",
    "confidence_free",
    "credibilities",
    "likelihoods",
    "optional_citations",
    "optional_text",
    "parties",
    "short_text",
    "source_fields",
    "sources",
    "spans",
    "subjects",
    "valid_ids",
]


@functools.cache
def valid_ids() -> st.SearchStrategy[str]:
    """Short valid ids: a letter or digit, then up to 15 more (or ``.``, ``_``, ``:``, ``-``)."""
    return st.from_regex(r"\A[A-Za-z0-9][A-Za-z0-9._:-]{0,15}\Z")


@functools.cache
def short_text() -> st.SearchStrategy[str]:
    """Any text of up to 30 characters."""
    return any_text(max_size=30)


@functools.cache
def optional_text() -> st.SearchStrategy[str | None]:
    """Short text, or ``None``."""
    return st.none() | short_text()


@functools.cache
def parties() -> st.SearchStrategy[str | None]:
    """A side: ``"Ukraine"``, ``"Russia"``, any short text, or ``None``."""
    return st.none() | st.sampled_from(("Ukraine", "Russia")) | short_text()


@functools.cache
def subjects() -> st.SearchStrategy[str]:
    """Subjects: a few real ones, or any text that is not blank."""
    return st.sampled_from(("kursk-2024", "sumy-2024", "belgorod-2024")) | any_text(
        min_size=1, max_size=40
    ).filter(str.strip)


@functools.cache
def _dates() -> st.SearchStrategy[dt.date]:
    return st.dates(dt.date(2014, 1, 1), dt.date(2030, 12, 31))


@functools.cache
def source_fields() -> dict[str, st.SearchStrategy[Any]]:
    """A strategy for each field of a source but its ``id``."""
    return {
        "name": any_text(min_size=1, max_size=40),
        "side": parties(),
        "role": optional_text(),
        "organisation": optional_text(),
        "kind": st.none() | st.sampled_from(("official", "military", "think-tank", "osint")),
        "reliability": st.none() | st.sampled_from(tuple(Reliability)),
    }


@functools.cache
def any_sources() -> st.SearchStrategy[Source]:
    """Sources with short valid ids: :func:`sources` with no ``ids`` given."""
    return st.builds(Source, id=valid_ids(), **source_fields())


def sources(*, ids: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Source]:
    """Sources with every optional field sometimes set.

    Args:
        ids: A strategy for the source's ``id``; short valid ids when ``None``.

    Returns:
        A strategy for :class:`~incursion.Source`.

    .. versionadded:: 0.1.0
    """
    if ids is None:
        return any_sources()
    return st.builds(Source, id=ids, **source_fields())


@functools.cache
def _citations() -> st.SearchStrategy[Citation]:
    return st.builds(
        Citation,
        outlet=optional_text(),
        url=st.none() | st.just("https://example.org/news/1") | short_text(),
        published=st.none() | _dates(),
        quote=st.none() | any_text(max_size=120),
    )


@functools.cache
def optional_citations() -> st.SearchStrategy[Citation | None]:
    """A citation, or ``None``."""
    return st.none() | _citations()


@functools.cache
def credibilities() -> st.SearchStrategy[int | None]:
    """A credibility grade from 1 to 6, or ``None``."""
    return st.none() | st.integers(1, 6)


def citations() -> st.SearchStrategy[Citation]:
    """Citations, each field sometimes set.

    Returns:
        A strategy for :class:`~incursion.Citation`.

    .. versionadded:: 0.1.0
    """
    return _citations()


def any_span(draw: st.DrawFn) -> Span:
    """A span of time: a day, an ISO week, a month, a year or explicit."""
    day = draw(_dates())
    kind = pick(draw, ("day", "week", "month", "year", "span"))
    if kind == "day":
        return Span.day(day)
    if kind == "week":
        year, week, _ = day.isocalendar()
        return Span.parse(f"{year}-W{week:02d}")
    if kind == "month":
        return Span.parse(day.strftime("%Y-%m"))
    if kind == "year":
        return Span.parse(str(day.year))
    return Span(start=day, end=day + dt.timedelta(days=draw(st.integers(0, 400))))


@st.composite
def _spans(draw: st.DrawFn) -> Span:
    return any_span(draw)


@functools.cache
def _any_spans() -> st.SearchStrategy[Span]:
    return _spans()


def spans() -> st.SearchStrategy[Span]:
    """Spans of time between 2014 and 2031: a day, an ISO week, a month, a year or explicit.

    Returns:
        A strategy for :class:`~incursion.Span`.

    .. versionadded:: 0.1.0
    """
    return _any_spans()


def confidence_free(term: str) -> bool:
    """Whether a term leaves confidence out (the ``estimative-language`` check warns)."""
    return "confiden" not in term.lower()


@functools.cache
def _likelihoods() -> st.SearchStrategy[Likelihood]:
    on_scale = st.sampled_from(
        [(scale, term) for scale, terms in SCALES.items() for term in terms]
    ).map(lambda pair: Likelihood(scale=pair[0], term=pair[1]))
    bare = any_text(min_size=1, max_size=20).filter(str.strip).map(lambda t: Likelihood(term=t))
    return on_scale | bare


def likelihoods() -> st.SearchStrategy[Likelihood]:
    """Likelihood terms on the ICD 203 and PHIA scales, or a term on no scale.

    Returns:
        A strategy for :class:`~incursion.Likelihood`.

    .. versionadded:: 0.1.0
    """
    return _likelihoods()
