"""Hypothesis strategies for figures, records and documents, to property-test your code.

Install Hypothesis with the extra: ``pip install 'incursion[hypothesis]'``.

``st.builds`` cannot see the validators of incursion's records (a claim needs a figure, a
count is a whole number, a range runs upwards, ids are unique, records cite listed
sources), so every strategy here draws each field from values the library accepts, within
realistic ranges.  With incursion installed, Hypothesis also knows them by type:
``st.from_type(TerritorialClaim)`` draws from :func:`territorial_claims`, and so on for
:class:`~incursion.Estimate`, :class:`~incursion.Source`, :class:`~incursion.Citation`,
:class:`~incursion.Span`, :class:`~incursion.Likelihood`, :class:`~incursion.Count`,
:class:`~incursion.Part`, :class:`~incursion.Region`, the six record kinds (territorial
claims, casualty reports, allegations, assessments, materiel losses and measurements) and
:class:`~incursion.Document`.

Records drawn into a document sometimes carry relations to other records' figures
(``within``, ``share_of``, ``revises``) that always name a record, a field and a figure of
a kind the document accepts.

Besides any valid data, :func:`consistent_documents` draws documents on which no built-in
check reports a warning or an error, and :func:`inconsistent_documents` draws one with a
single inconsistency that a named check finds.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import collections
import datetime as dt
import functools
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Final, Literal, TypeVar

import attrs

try:
    from hypothesis import strategies as st
    from hypothesis.errors import InvalidArgument
except ImportError as _error:  # pragma: no cover - exercised in a test that hides Hypothesis
    raise ImportError(
        "incursion.strategies needs Hypothesis: install it with "
        "pip install 'incursion[hypothesis]'",
        name=__name__,
    ) from _error

from incursion._estimates import HEDGE_WORDS, VAGUE_QUANTITIES, Conversion, Estimate, Hedge
from incursion._likelihood import SCALES, Likelihood
from incursion._records import (
    MEASURES,
    RECORD_TYPES,
    Act,
    Allegation,
    Assessment,
    CasualtyReport,
    Confidence,
    Count,
    Document,
    Evidence,
    Fate,
    MaterielLoss,
    Measurement,
    Part,
    Population,
    Predicate,
    Record,
    Region,
    Relation,
    Share,
    Status,
    Tally,
    TerritorialClaim,
)
from incursion._sources import Citation, Reliability, Source
from incursion._time import Span
from incursion._units import CANONICAL_UNITS, lookup_unit
from incursion._units import within as within_dimension
from incursion.checks import RateCheck

_T = TypeVar("_T")

__all__ = [
    "DIMENSIONS",
    "INJECTABLE_CHECKS",
    "allegations",
    "assessments",
    "casualty_reports",
    "citations",
    "consistent_documents",
    "counts",
    "documents",
    "estimates",
    "figure_texts",
    "inconsistent_documents",
    "likelihoods",
    "materiel_losses",
    "measurements",
    "parts",
    "records",
    "regions",
    "sources",
    "spans",
    "territorial_claims",
]

# -- units ----------------------------------------------------------------------------------

#: Spellings of the units of each dimension, as news text writes them.
_SPELLINGS: Final[Mapping[str, tuple[str, ...]]] = {
    "area": (
        "square kilometres",
        "square kilometers",
        "sq km",
        "km²",
        "km2",
        "square miles",
        "sq mi",
        "hectares",
        "acres",
    ),
    "length": ("kilometres", "kilometers", "km", "miles", "metres", "meters", "nautical miles"),
    "mass": ("kilograms", "kg", "tonnes", "pounds"),
    "person": ("people", "civilians", "soldiers", "residents", "troops", "refugees"),
    "settlement": ("settlements", "villages", "towns"),
    "strike": ("strikes", "attacks", "airstrikes"),
    "vehicle": ("vehicles", "trucks"),
    "armoured_vehicle": ("armoured vehicles", "armored vehicles", "AFVs"),
    "tank": ("tanks",),
    "infantry_fighting_vehicle": ("IFVs", "infantry fighting vehicles"),
    "armoured_personnel_carrier": ("APCs", "armoured personnel carriers"),
    "drone": ("drones", "UAVs"),
    "missile": ("missiles", "rockets"),
    "aircraft": ("aircraft", "planes", "jets"),
    "helicopter": ("helicopters",),
    "building": ("buildings", "houses", "homes"),
    "ship": ("ships", "vessels"),
    "artillery": ("howitzers", "artillery pieces"),
    "mlrs": ("MLRS", "multiple rocket launchers"),
    "shell": ("shells", "artillery shells"),
}
#: The pint names of the units of each measured dimension, for bracketed conversions.
_MEASURED_UNITS: Final[Mapping[str, tuple[str, ...]]] = {
    "area": ("kilometer ** 2", "mile ** 2", "hectare", "acre", "meter ** 2"),
    "length": ("kilometer", "mile", "meter", "yard", "nautical_mile"),
    "mass": ("kilogram", "metric_ton", "pound"),
}

#: The dimensions :func:`estimates` and :func:`figure_texts` draw: ``"area"``,
#: ``"length"``, ``"mass"``, then the counted things (``"person"``, ``"settlement"``,
#: ``"tank"``, …).
#:
#: .. versionadded:: 0.1.0
DIMENSIONS: Final[tuple[str, ...]] = tuple(_SPELLINGS)


def _is_measured(dimension: str) -> bool:
    return dimension in _MEASURED_UNITS


def _dimension(dimension: str | None) -> str | None:
    if dimension is not None and dimension not in _SPELLINGS:
        raise InvalidArgument(
            f"dimension={dimension!r} is not one incursion.strategies draws: expected None "
            f"or one of {', '.join(map(repr, DIMENSIONS))}"
        )
    return dimension


def _hedges(hedges: Iterable[Hedge | str] | None) -> tuple[Hedge, ...]:
    if hedges is None:
        return tuple(Hedge)
    try:
        chosen = tuple(dict.fromkeys(Hedge(h) for h in hedges))
    except ValueError:
        raise InvalidArgument(
            f"hedges={hedges!r} names a hedge that is not one of "
            f"{', '.join(repr(h.value) for h in Hedge)}"
        ) from None
    if not chosen:
        raise InvalidArgument("hedges must name at least one hedge")
    return chosen


# -- numerals -------------------------------------------------------------------------------

# The strategies' own number words, to write numerals; the tests keep another list, as an
# oracle independent of both these strategies and the reader.
_SMALL_WORDS: Final = (
    *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    *("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"),
    *("eighteen", "nineteen"),
)
_TENS_WORDS: Final = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def _number_word(n: int) -> str:
    """A whole number from 0 to 99 in words (``"twenty-one"``)."""
    if n < 20:
        return _SMALL_WORDS[n]
    tens, unit = divmod(n, 10)
    return _TENS_WORDS[tens - 2] + (f"-{_SMALL_WORDS[unit]}" if unit else "")


# -- hedges ---------------------------------------------------------------------------------

#: Hedge words that follow the number (``40 or so km``, ``1,000+ people``).
_SUFFIX_WORDS: Final = ("or so", "or more", "or fewer", "or less", "plus", "odd")
_GLUED_WORDS: Final = ("+", "-plus", "-odd")
_RANGE_WORDS: Final = ("between", "from", "-", "–", "—", "to", "and", "or")


def _hedge_words(hedge: Hedge) -> tuple[str, ...]:
    """The words of one hedge class, except range words and vague quantities."""
    return tuple(
        w
        for w, h in HEDGE_WORDS.items()
        if h is hedge and w not in _RANGE_WORDS and w not in VAGUE_QUANTITIES
    )


def _render_hedged(word: str, number: str, unit: str, *, at_end: bool = False) -> str:
    """Place a (non-range) hedge word where news text puts it."""
    tail = f" {unit}" if unit else ""
    if word in _SUFFIX_WORDS:
        if at_end and unit and word not in ("plus", "odd"):
            return f"{number}{tail} {word}"
        return f"{number} {word}{tail}"
    if word in _GLUED_WORDS:
        return f"{number}{word}{tail}"
    return f"{word} {number}{tail}"


def _render_range(word: str, low: str, high: str, unit: str) -> str:
    """Write a range with one of the range words."""
    tail = f" {unit}" if unit else ""
    if word in ("between", "and"):
        return f"between {low} and {high}{tail}"
    if word == "from":
        return f"from {low} to {high}{tail}"
    if word in ("to", "or"):
        return f"{low} {word} {high}{tail}"
    return f"{low}{word}{high}{tail}"


# Any character but a lone surrogate (which JSON cannot carry).  Named by category, not by
# codec: Hypothesis builds its table of what a codec encodes by trying every code point,
# some seconds on a project's first run, and its health check then fails a user's first test.
_SURROGATES: Final[tuple[Literal["Cs"]]] = ("Cs",)
_CHARACTERS: Final = st.characters(exclude_categories=_SURROGATES)


def _text(*, min_size: int = 0, max_size: int | None = None) -> st.SearchStrategy[str]:
    return st.text(_CHARACTERS, min_size=min_size, max_size=max_size)


# -- drawing helpers ------------------------------------------------------------------------
#
# A document holds dozens of figures, so drawing is kept cheap: the builders below are
# plain functions that take ``draw`` (a new ``@st.composite`` strategy object per figure
# costs several times a draw), and the strategies they draw from are built once.


def _pick(draw: st.DrawFn, values: Sequence[_T]) -> _T:
    """One of ``values``, drawn by index (Hypothesis keeps one strategy per index range)."""
    return values[draw(st.integers(0, len(values) - 1))]


def _some(draw: st.DrawFn, values: Sequence[_T], least: int, most: int) -> list[_T]:
    """Between ``least`` and ``most`` distinct items of ``values``, drawn by index."""
    most = min(most, len(values))
    if most == 0:
        return []
    chosen = st.lists(st.integers(0, len(values) - 1), min_size=least, max_size=most, unique=True)
    return [values[i] for i in draw(chosen)]


def _shuffled(draw: st.DrawFn, values: Sequence[_T]) -> list[_T]:
    """``values`` in a drawn order (each inserted at a drawn place)."""
    out: list[_T] = []
    for value in values:
        out.insert(draw(st.integers(0, len(out))), value)
    return out


def _maybe(draw: st.DrawFn, make: Callable[[], _T]) -> _T | None:
    """``make()`` or ``None``, half and half."""
    return make() if draw(st.booleans()) else None


# -- figures as text ------------------------------------------------------------------------


@attrs.frozen
class _Written:
    """A figure as text, with the dimension and unit word it was written in."""

    text: str
    dimension: str
    unit_word: str


def _numeral_text(draw: st.DrawFn, *, whole: bool) -> str:
    """A numeral in any style news text uses; only whole numbers when ``whole``."""
    return _NUMERAL_STYLES[_pick(draw, _WHOLE_STYLES if whole else _STYLES)](draw)


def _scaled_numeral(draw: st.DrawFn) -> str:
    """A scaled numeral: "2.5 million", "12 thousand"."""
    word = _pick(draw, ("thousand", "million"))
    if draw(st.booleans()):
        tenths = draw(st.integers(11, 99))
        tenths += tenths % 10 == 0  # 2.0 million is written 2 million
        return f"{tenths // 10}.{tenths % 10} {word}"
    return f"{draw(st.integers(1, 99))} {word}"


def _decimal_numeral(draw: st.DrawFn) -> str:
    """A decimal numeral: "12.5", "0.75"."""
    places = draw(st.integers(1, 2))
    whole_part = draw(st.integers(0, 9_999))
    fraction = draw(st.integers(1, 10**places - 1))
    return f"{whole_part}.{fraction:0{places}d}"


#: Each style of numeral news text uses, and how to draw one.
_NUMERAL_STYLES: Final[Mapping[str, Callable[[st.DrawFn], str]]] = {
    "comma": lambda draw: f"{draw(st.integers(1_000, 9_999_999)):,}",
    "space": lambda draw: f"{draw(st.integers(1_000, 9_999_999)):,}".replace(",", " "),
    "plain": lambda draw: str(draw(st.integers(1, 99_999))),
    "scaled": _scaled_numeral,
    "word": lambda draw: _number_word(draw(st.integers(1, 99))),
    "decimal": _decimal_numeral,
}
_STYLES: Final = tuple(_NUMERAL_STYLES)
_WHOLE_STYLES: Final = _STYLES[:-1]


def _range_text(draw: st.DrawFn, unit: str) -> str:
    low = draw(st.integers(0, 99_999))
    high = low + draw(st.integers(1, 99_999))
    if high % 1000 == 0 and low >= 1 and low * 1000 < high <= low * 10_000:
        high += 1  # "10-15,000" is refused as ambiguous: ten, or ten thousand?
    word = _pick(draw, _RANGE_WORDS)
    comma = draw(st.booleans())
    low_text, high_text = (f"{n:,}" if comma else str(n) for n in (low, high))
    text = _render_range(word, low_text, high_text, unit)
    if word not in ("between", "and", "from") and draw(st.integers(0, 3)) == 0:
        text = f"{_pick(draw, ('about', 'around', 'approximately', 'roughly', 'some'))} {text}"
    return text


def _decimals(value: float) -> int:
    """Decimal places that write ``value`` to at least three significant figures."""
    return max(0, 2 - math.floor(math.log10(value))) if value > 0 else 0


def _write_number(value: float, decimals: int, style: str) -> str:
    """``value`` to ``decimals`` places, in a numeral style.

    Three places after a whole number read as thousands ("1.500"), so they become four.
    """
    if decimals == 3 and abs(round(value, 3)) >= 1:
        decimals = 4
    text = f"{value:,.{decimals}f}"
    if style == "plain":
        return text.replace(",", "")
    if style == "space":
        return text.replace(",", " ")
    return text


def _spelled(unit: str) -> str:
    """A pint unit name (``"mile ** 2"``) as news text spells it (``"square miles"``)."""
    named = {
        "kilometer ** 2": "km²",
        "mile ** 2": "square miles",
        "meter ** 2": "square metres",
        "metric_ton": "tonnes",
    }
    return named.get(unit, unit.replace("_", " ") + "s")


def _bracket(draw: st.DrawFn, number: float, unit: str, dimension: str) -> str:
    """A bracketed conversion of ``number`` into another unit, correctly rounded."""
    own = lookup_unit(unit)
    other = _pick(draw, [u for u in _MEASURED_UNITS[dimension] if u != own.name])
    converted = number * own.factor / lookup_unit(other).factor
    return f" ({_write_number(converted, _decimals(converted), 'comma')} {_spelled(other)})"


def _written_figure(
    draw: st.DrawFn,
    dimension: str | None,
    hedges: tuple[Hedge, ...],
    spellings: Mapping[str, tuple[str, ...]] = _SPELLINGS,
    *,
    conversions: bool = True,
) -> _Written:
    """A figure as news text writes it: a hedge, a numeral and a unit of ``dimension``.

    With ``conversions``, a measured figure sometimes carries a bracketed conversion into
    another unit ("12 km (7.46 miles)"), correct to the precision it is written to.
    """
    if dimension is None:
        dimension = _pick(draw, tuple(spellings))
    count = not _is_measured(dimension)
    unit = _pick(draw, spellings[dimension])
    hedge = _pick(draw, hedges)
    if hedge is Hedge.BETWEEN:
        if count and draw(st.integers(0, 3)) == 0:
            return _Written(f"{_pick(draw, _VAGUE)} of {unit}", dimension, unit)
        return _Written(_range_text(draw, unit), dimension, unit)
    numeral = _numeral_text(draw, whole=count)
    if hedge is Hedge.EXACT:
        text = f"{numeral} {unit}"
    else:
        word = _pick(draw, _hedge_words(hedge))
        text = _render_hedged(word, numeral, unit, at_end=draw(st.booleans()))
    if conversions and not count and draw(st.integers(0, 3)) == 0:
        text += _bracket(draw, Estimate.parse(text).number, unit, dimension)
    return _Written(text, dimension, unit)


_VAGUE: Final = tuple(VAGUE_QUANTITIES)


@st.composite
def _written(
    draw: st.DrawFn,
    dimension: str | None = None,
    hedges: tuple[Hedge, ...] = tuple(Hedge),
    spellings: Mapping[str, tuple[str, ...]] = _SPELLINGS,
    *,
    conversions: bool = True,
) -> _Written:
    """Figures as text, with the dimension and unit word each is written in."""
    return _written_figure(draw, dimension, hedges, spellings, conversions=conversions)


@functools.cache
def _figure_texts(dimension: str | None, hedges: tuple[Hedge, ...]) -> st.SearchStrategy[str]:
    return _written(dimension, hedges).map(lambda w: w.text)


def figure_texts(
    dimension: str | None = None, *, hedges: Iterable[Hedge | str] | None = None
) -> st.SearchStrategy[str]:
    """Figures as news text writes them, which :meth:`~incursion.Estimate.parse` reads.

    Every hedge in its words and places ("about", "nearly 2,000", "40 km or so", "1,000+",
    "between 10 and 15", "dozens of"), numerals in every style ("1,000", "1 000", "7.5",
    "1.2 million", "twelve") and unit spellings ("sq km", "km²", "square miles",
    "hectares", "villages"), sometimes with a bracketed conversion ("12 kilometres
    (7.46 miles)").

    Args:
        dimension: The dimension of the figures, one of :data:`DIMENSIONS`; any when
            ``None``.
        hedges: The hedge classes to draw from (:class:`~incursion.Hedge` members or their
            values); all when ``None``.

    Returns:
        A strategy for text such as ``"around 1,000 square kilometres"``.

    Raises:
        hypothesis.errors.InvalidArgument: An unknown dimension or hedge, or no hedges.

    .. versionadded:: 0.1.0
    """
    chosen = _hedges(hedges)
    return _figure_texts(_dimension(dimension), chosen)


# -- estimates ------------------------------------------------------------------------------


def _constructed_estimate(
    draw: st.DrawFn, dimension: str | None, hedges: tuple[Hedge, ...]
) -> Estimate:
    """An estimate built in Python with ``Estimate.of`` or ``Estimate(...)``."""
    if dimension is None:
        dimension = _pick(draw, DIMENSIONS)
    count = not _is_measured(dimension)
    unit = _pick(draw, _SPELLINGS[dimension])
    number = float(draw(st.integers(0, 1_000_000)))
    if not count and draw(st.booleans()):
        number = draw(st.integers(0, 10_000_000)) / 100
    hedge = _pick(draw, hedges)
    if hedge is not Hedge.BETWEEN and draw(st.booleans()):
        return Estimate.of(number, unit, hedge)
    low = high = None
    if hedge is Hedge.BETWEEN:
        low = number
        high = number + 2 * float(draw(st.integers(0, 10_000)))
        number = (low + high) / 2
    conversions: tuple[Conversion, ...] = ()
    if not count and draw(st.booleans()):
        info, own = lookup_unit(_pick(draw, _MEASURED_UNITS[dimension])), lookup_unit(unit)
        converted = round(number * own.factor / info.factor, 1)
        conversions = (Conversion(number=converted, unit=info.name, step=0.1),)
    words = _hedge_words(hedge)
    return Estimate(
        number=number,
        unit=unit,
        hedge=hedge,
        word=_pick(draw, words) if words else None,
        stated_low=low,
        stated_high=high,
        conversions=conversions,
    )


def _estimate(draw: st.DrawFn, dimension: str | None, hedges: tuple[Hedge, ...]) -> Estimate:
    """An estimate read from a figure's text, or built in Python, half and half."""
    if draw(st.booleans()):
        return _constructed_estimate(draw, dimension, hedges)
    return Estimate.parse(_written_figure(draw, dimension, hedges).text)


@st.composite
def _parsed_estimates(
    draw: st.DrawFn, dimension: str | None = None, hedges: tuple[Hedge, ...] = tuple(Hedge)
) -> Estimate:
    """Estimates read from generated figure texts."""
    return Estimate.parse(_written_figure(draw, dimension, hedges).text)


@st.composite
def _constructed_estimates(
    draw: st.DrawFn, dimension: str | None = None, hedges: tuple[Hedge, ...] = tuple(Hedge)
) -> Estimate:
    """Estimates built in Python with ``Estimate.of`` or ``Estimate(...)``."""
    return _constructed_estimate(draw, dimension, hedges)


@st.composite
def _any_estimates(draw: st.DrawFn, dimension: str | None, hedges: tuple[Hedge, ...]) -> Estimate:
    return _estimate(draw, dimension, hedges)


@functools.cache
def _estimates(dimension: str | None, hedges: tuple[Hedge, ...]) -> st.SearchStrategy[Estimate]:
    return _any_estimates(dimension, hedges)


def estimates(
    dimension: str | None = None, *, hedges: Iterable[Hedge | str] | None = None
) -> st.SearchStrategy[Estimate]:
    """Estimates of any hedge, unit spelling and numeral style, read from text or built.

    Half are read with :meth:`~incursion.Estimate.parse` from :func:`figure_texts`; half
    are built in Python, with :meth:`~incursion.Estimate.of` or the constructor (ranges,
    hedge words and bracketed conversions given as fields).

    Args:
        dimension: The dimension of the estimates, one of :data:`DIMENSIONS`; any when
            ``None``.
        hedges: The hedge classes to draw from; all when ``None``.

    Returns:
        A strategy for :class:`~incursion.Estimate`.

    Raises:
        hypothesis.errors.InvalidArgument: An unknown dimension or hedge, or no hedges.

    .. versionadded:: 0.1.0
    """
    chosen = _hedges(hedges)
    return _estimates(_dimension(dimension), chosen)


# -- sources, citations, spans, likelihoods -------------------------------------------------


@functools.cache
def _ids() -> st.SearchStrategy[str]:
    return st.from_regex(r"\A[A-Za-z0-9][A-Za-z0-9._:-]{0,15}\Z")


@functools.cache
def _short_text() -> st.SearchStrategy[str]:
    return _text(max_size=30)


@functools.cache
def _optional_text() -> st.SearchStrategy[str | None]:
    return st.none() | _short_text()


@functools.cache
def _parties() -> st.SearchStrategy[str | None]:
    return st.none() | st.sampled_from(("Ukraine", "Russia")) | _short_text()


@functools.cache
def _subjects() -> st.SearchStrategy[str]:
    return st.sampled_from(("kursk-2024", "sumy-2024", "belgorod-2024")) | _text(
        min_size=1, max_size=40
    ).filter(str.strip)


@functools.cache
def _dates() -> st.SearchStrategy[dt.date]:
    return st.dates(dt.date(2014, 1, 1), dt.date(2030, 12, 31))


@functools.cache
def _source_fields() -> dict[str, st.SearchStrategy[Any]]:
    return {
        "name": _text(min_size=1, max_size=40),
        "side": _parties(),
        "role": _optional_text(),
        "organisation": _optional_text(),
        "kind": st.none() | st.sampled_from(("official", "military", "think-tank", "osint")),
        "reliability": st.none() | st.sampled_from(tuple(Reliability)),
    }


@functools.cache
def _any_sources() -> st.SearchStrategy[Source]:
    return st.builds(Source, id=_ids(), **_source_fields())


def sources(*, ids: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Source]:
    """Sources with every optional field sometimes set.

    Args:
        ids: A strategy for the source's ``id``; short valid ids when ``None``.

    Returns:
        A strategy for :class:`~incursion.Source`.

    .. versionadded:: 0.1.0
    """
    if ids is None:
        return _any_sources()
    return st.builds(Source, id=ids, **_source_fields())


@functools.cache
def _citations() -> st.SearchStrategy[Citation]:
    return st.builds(
        Citation,
        outlet=_optional_text(),
        url=st.none() | st.just("https://example.org/news/1") | _short_text(),
        published=st.none() | _dates(),
        quote=st.none() | _text(max_size=120),
    )


@functools.cache
def _optional_citations() -> st.SearchStrategy[Citation | None]:
    return st.none() | _citations()


@functools.cache
def _credibilities() -> st.SearchStrategy[int | None]:
    return st.none() | st.integers(1, 6)


def citations() -> st.SearchStrategy[Citation]:
    """Citations, each field sometimes set.

    Returns:
        A strategy for :class:`~incursion.Citation`.

    .. versionadded:: 0.1.0
    """
    return _citations()


def _span(draw: st.DrawFn) -> Span:
    day = draw(_dates())
    kind = _pick(draw, ("day", "week", "month", "year", "span"))
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
    return _span(draw)


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


def _confidence_free(term: str) -> bool:
    """Whether a term leaves confidence out (the ``estimative-language`` check warns)."""
    return "confiden" not in term.lower()


@functools.cache
def _likelihoods() -> st.SearchStrategy[Likelihood]:
    on_scale = st.sampled_from(
        [(scale, term) for scale, terms in SCALES.items() for term in terms]
    ).map(lambda pair: Likelihood(scale=pair[0], term=pair[1]))
    bare = _text(min_size=1, max_size=20).filter(str.strip).map(lambda t: Likelihood(term=t))
    return on_scale | bare


def likelihoods() -> st.SearchStrategy[Likelihood]:
    """Likelihood terms on the ICD 203 and PHIA scales, or a term on no scale.

    Returns:
        A strategy for :class:`~incursion.Likelihood`.

    .. versionadded:: 0.1.0
    """
    return _likelihoods()


# -- records --------------------------------------------------------------------------------

_PART_NAMES: Final = ("children", "women", "men", "elderly", "servicemen")
_PERSON_PARTS: Final[Mapping[str, str]] = dict.fromkeys(_PART_NAMES, "person")
_COUNT_FIELDS: Final = ("killed", "wounded", "missing", "captured", "displaced")
#: The combined casualty counts, with the single counts each adds up.
_COMBINED: Final[Mapping[str, tuple[str, ...]]] = {
    "killed_and_wounded": ("killed", "wounded"),
    "losses": ("killed", "wounded", "missing", "captured"),
}
_CASUALTY_FIELDS: Final = (*_COUNT_FIELDS, *_COMBINED)
#: Groups a casualty report may count alone.
_GROUPS: Final = ("children", "women", "men", "elderly")
_CLAIM_FIGURES: Final = (
    ("area", "area"),
    ("depth", "length"),
    ("front_width", "length"),
    ("settlements", "settlement"),
)
_ALL_HEDGES: Final = tuple(Hedge)

#: Equipment types as documents write them, with the counted thing each names.
_EQUIPMENT: Final[Mapping[str, str]] = {
    "tanks": "tank",
    "IFVs": "infantry_fighting_vehicle",
    "APCs": "armoured_personnel_carrier",
    "armoured vehicles": "armoured_vehicle",
    "MLRS": "mlrs",
    "artillery systems": "artillery",
    "helicopters": "helicopter",
    "aircraft": "aircraft",
    "drones": "drone",
}
#: The narrower equipment types a count of each type may have as parts.
_EQUIPMENT_PARTS: Final[Mapping[str, tuple[str, ...]]] = {
    "armoured vehicles": ("tanks", "IFVs", "APCs"),
    "artillery systems": ("MLRS",),
    "aircraft": ("helicopters",),
}
_MEASURE_NAMES: Final = tuple(MEASURES)
#: Measures outside :data:`~incursion.MEASURES`, with what their figures count.
_OTHER_MEASURES: Final[Mapping[str, str]] = {
    "shelters": "building",
    "sorties": "aircraft",
    "convoys": "vehicle",
}
_MEASURED_OF: Final = ("Sudzha", "Kursk Oblast", "the assault force", "Iskander-M", "the border")
_FATES: Final = (None, *Fate)
_STATUSES: Final = (None, *Status)


def _common(draw: st.DrawFn, record_id: str, source: Source) -> dict[str, Any]:
    """The fields every record has, apart from those its kind adds (and relations)."""
    return {
        "id": record_id,
        "source": source,
        "subject": draw(_subjects()),
        "as_of": _span(draw),
        "citation": draw(_optional_citations()),
        "credibility": draw(_credibilities()),
        "note": draw(_optional_text()),
    }


def _claim(
    draw: st.DrawFn, record_id: str, source: Source, region_ids: Sequence[str] = ()
) -> TerritorialClaim:
    figures: dict[str, Any] = {}
    for name, dimension in _some(draw, _CLAIM_FIGURES, 1, 4):
        figures[name] = _estimate(draw, dimension, _ALL_HEDGES)
    return TerritorialClaim(
        **_common(draw, record_id, source),
        controller=draw(_parties()),
        predicate=_pick(draw, (None, *Predicate)),
        status=_pick(draw, _STATUSES),
        region=_pick(draw, (None, *region_ids)),
        **figures,
    )


def _counted_figure(draw: st.DrawFn, dimension: str) -> Estimate:
    """A figure of ``dimension``; of a counted thing, sometimes a bare number.

    A bare number counts what its field or name says (people, tanks), as in JSON.
    """
    if not _is_measured(dimension) and draw(st.integers(0, 4)) == 0:
        return Estimate.of(draw(st.integers(0, 100_000)))
    return _estimate(draw, dimension, _ALL_HEDGES)


def _part(draw: st.DrawFn, name: str, dimension: str = "person") -> Part:
    return Part(name=name, estimate=_counted_figure(draw, dimension))


def _count(
    draw: st.DrawFn, dimension: str = "person", part_names: Mapping[str, str] = _PERSON_PARTS
) -> Count:
    """A count of ``dimension``, sometimes with parts, the day's change or a tally.

    Parts are named from ``part_names`` (each name with what it counts), and sometimes
    marked complete.
    """
    total = _counted_figure(draw, dimension)
    counted = not _is_measured(dimension)
    named = (
        tuple(_part(draw, name, part_names[name]) for name in _some(draw, tuple(part_names), 0, 3))
        if counted
        else ()
    )
    change = None
    if draw(st.integers(0, 3)) == 0:
        # A bare change reads as the total's kind; a change with a unit needs a total with one.
        if total.dimension == "number":
            change = Estimate.of(draw(st.integers(0, 10_000)))
        elif counted:
            change = _counted_figure(draw, dimension)
        else:
            change = _estimate(draw, dimension, _ALL_HEDGES)
    return Count(
        total=total,
        parts=named,
        complete=draw(st.booleans()),
        change=change,
        tally=_pick(draw, (None, None, *Tally)),
    )


def _casualties(draw: st.DrawFn, record_id: str, source: Source) -> CasualtyReport:
    made: dict[str, Any] = {name: _count(draw) for name in _some(draw, _CASUALTY_FIELDS, 1, 3)}
    return CasualtyReport(
        **_common(draw, record_id, source),
        party=draw(_parties()),
        population=_pick(draw, (None, *Population)),
        group=draw(_groups()),
        status=_pick(draw, _STATUSES),
        **made,
    )


@functools.cache
def _groups() -> st.SearchStrategy[str | None]:
    return st.none() | st.sampled_from(_GROUPS) | _short_text()


def _allegation(
    draw: st.DrawFn, record_id: str, source: Source, deniers: Callable[[], Source]
) -> Allegation:
    """An allegation; one denied names its deniers, each drawn by ``deniers``."""
    dimension = _pick(draw, ("strike", "person", "tank", "drone", "missile"))
    evidence = _pick(draw, tuple(Evidence))
    denied_by: dict[str, Source] = {}
    if evidence is Evidence.DENIED:
        for _ in range(draw(st.integers(0, 2))):
            denier = deniers()
            denied_by.setdefault(denier.id, denier)
    return Allegation(
        **_common(draw, record_id, source),
        accused=draw(_parties()),
        act=_pick(draw, tuple(Act)),
        count=_maybe(draw, lambda: _estimate(draw, dimension, _ALL_HEDGES)),
        status=_pick(draw, _STATUSES),
        evidence=evidence,
        denied_by=tuple(denied_by.values()),
    )


def _assessment(draw: st.DrawFn, record_id: str, source: Source) -> Assessment:
    return Assessment(
        **_common(draw, record_id, source),
        proposition=draw(st.none() | _text(max_size=80)),
        likelihood=_maybe(draw, lambda: draw(_likelihoods())),
        confidence=_pick(draw, (None, *Confidence)),
        horizon=draw(st.none() | st.sampled_from(("months", "weeks", "2025")) | _short_text()),
    )


def _equipment_count(draw: st.DrawFn, name: str) -> Count:
    parts = {part: _EQUIPMENT[part] for part in _EQUIPMENT_PARTS.get(name, ())}
    return _count(draw, _EQUIPMENT[name], parts)


def _materiel(draw: st.DrawFn, record_id: str, source: Source) -> MaterielLoss:
    names = _some(draw, tuple(_EQUIPMENT), 1, 3)
    return MaterielLoss(
        **_common(draw, record_id, source),
        party=draw(_parties()),
        fate=_pick(draw, _FATES),
        status=_pick(draw, _STATUSES),
        equipment={name: _equipment_count(draw, name) for name in names},
    )


@functools.cache
def _other_measure_names() -> st.SearchStrategy[str]:
    return st.from_regex(r"\A[a-z0-9][a-z0-9-]{0,29}\Z").filter(lambda m: m not in MEASURES)


def _measurement(draw: st.DrawFn, record_id: str, source: Source) -> Measurement:
    """A measurement of a known measure, of another listed here, or of any name."""
    choice = draw(st.integers(0, 3))
    if choice < 2:
        measure = _pick(draw, _MEASURE_NAMES)
        dimension = MEASURES[measure].dimension or _pick(draw, DIMENSIONS)
    elif choice == 2:
        measure = _pick(draw, tuple(_OTHER_MEASURES))
        dimension = _OTHER_MEASURES[measure]
    else:
        measure, dimension = draw(_other_measure_names()), _pick(draw, DIMENSIONS)
    parts = _PERSON_PARTS if dimension == "person" else {}
    return Measurement(
        **_common(draw, record_id, source),
        measure=measure,
        of=draw(st.none() | st.sampled_from(_MEASURED_OF) | _short_text()),
        status=_pick(draw, _STATUSES),
        value=_count(draw, dimension, parts),
    )


def _record(
    draw: st.DrawFn,
    kind: type[Record],
    record_id: str,
    source: Source,
    region_ids: Sequence[str] = (),
    deniers: Callable[[], Source] | None = None,
) -> Record:
    """A record of one kind, with the given id and source, and no relations to others.

    An allegation denied names sources drawn by ``deniers`` (its own source when ``None``).
    A record with figure fields sometimes states its figure only as a share of a whole
    named in words, and holds no other.
    """
    record: Record
    if kind is TerritorialClaim:
        record = _claim(draw, record_id, source, region_ids)
    elif kind is CasualtyReport:
        record = _casualties(draw, record_id, source)
    elif kind is Allegation:
        record = _allegation(draw, record_id, source, deniers or (lambda: source))
    elif kind is MaterielLoss:
        return _materiel(draw, record_id, source)
    elif kind is Measurement:
        record = _measurement(draw, record_id, source)
    else:
        return _assessment(draw, record_id, source)
    if draw(st.integers(0, 9)) == 0:
        return _stated_as_share(draw, record)
    return record


#: The record classes, in the order documents list their kinds.
_KINDS: Final[tuple[type[Record], ...]] = tuple(RECORD_TYPES.values())  # type: ignore[arg-type]


# -- relations ------------------------------------------------------------------------------
#
# A relation names a figure of a record of the document (``"killed"``,
# ``"equipment.armoured vehicles.parts.tanks"``) of a kind the relating figure can lie
# within, and, when its own record holds more than one figure, which of its own it is
# about.  Drawn records relate only to records drawn with them (a record alone, only to
# itself), so that every reference resolves.


def _slots(record: Record) -> list[tuple[str, Estimate]]:
    """Each figure a relation can name in a record: totals and parts, with their paths."""
    out: list[tuple[str, Estimate]] = []
    for name, value in record.figure_items():
        if isinstance(value, Count):
            out.append((name, value.total))
            out.extend((f"{name}.parts.{p.name}", p.estimate) for p in value.parts)
        else:
            out.append((name, value))
    return out


def _fits(own: Estimate, wider: Estimate) -> bool:
    """Whether a document accepts ``own`` related to ``wider``: of a kind that lies within it.

    (A figure related to itself, at the same record and field, is refused too: callers
    leave it out.)
    """
    dims = own.dimension, wider.dimension
    return "number" in dims or within_dimension(*dims)


def _own_figure(draw: st.DrawFn, record: Record, field: str) -> str | None:
    """The ``figure`` a relation of ``record`` about ``field`` names (``None`` if it may)."""
    totals = record.figures()
    if len(totals) == 1 and totals[0][0] == field and draw(st.booleans()):
        return None
    return field


@functools.cache
def _percents() -> st.SearchStrategy[Estimate]:
    def written(pair: tuple[int, int]) -> Estimate:
        hedge, number = pair
        text = _PERCENT_FORMS[hedge].format(n=number / 10, low=number / 20)
        return Estimate.parse(text)

    texts = st.tuples(st.integers(0, len(_PERCENT_FORMS) - 1), st.integers(1, 1_000)).map(written)
    built = st.integers(0, 100).map(lambda n: Estimate.of(n, "percent"))
    return texts | built


_PERCENT_FORMS: Final = (
    "{n:g}%",
    "about {n:g}%",
    "{n:g} per cent",
    "nearly {n:g} percent",
    "more than {n:g}%",
    "up to {n:g}%",
    "at least {n:g} per cent",
    "between {low:g}% and {n:g}%",
)


def _targets(record: Record, field: str, own: Estimate, pool: Sequence[Record]) -> list[Any]:
    """The figures of ``pool`` that the figure at ``field`` of ``record`` may lie within."""
    return [
        (other.id, path)
        for other in pool
        for path, wider in _slots(other)
        if _fits(own, wider) and not (other is record and path == field)
    ]


def _relation(draw: st.DrawFn, record: Record, pool: Sequence[Record]) -> Relation | None:
    """A relation of one of the record's figures to a figure of ``pool`` it may lie within."""
    own = _slots(record)
    if not own:
        return None
    field, estimate = _pick(draw, own)
    targets = _targets(record, field, estimate, pool)
    if not targets:
        return None
    target, path = _pick(draw, targets)
    return Relation(record=target, field=path, figure=_own_figure(draw, record, field))


#: Wholes a share names in words when no record holds them.
_WHOLES: Final = ("the population", "the region", "the town's residents", "pre-war stocks")


def _share(draw: st.DrawFn, record: Record, pool: Sequence[Record]) -> Share | None:
    """A share of one of the record's figures, or of a figure field it leaves empty.

    The whole is a figure of ``pool`` the part may lie within, or one named only in words
    (``whole``); a part stated only as the share names a figure field the record leaves
    out, and its whole may be any figure of ``pool``.
    """
    percent = draw(_percents())
    whole = _pick(draw, (None, *_WHOLES))
    empty = [name for name in record.figure_fields() if getattr(record, name) is None]
    own = _slots(record)
    mode = draw(st.integers(0, 3))
    if empty and (mode == 0 or not own):  # the part stated only as the share
        unstated = _pick(draw, empty)
        anything = [(other.id, path) for other in pool for path, _ in _slots(other)]
        if draw(st.booleans()) and anything:
            target, path = _pick(draw, anything)
            return Share(percent=percent, record=target, field=path, figure=unstated, whole=whole)
        return Share(percent=percent, figure=unstated, whole=whole or _pick(draw, _WHOLES))
    if not own:
        return None
    field, estimate = _pick(draw, own)
    figure = _own_figure(draw, record, field)
    targets = _targets(record, field, estimate, pool)
    if mode == 1 or not targets:  # a whole not recorded
        return Share(percent=percent, figure=figure, whole=whole or _pick(draw, _WHOLES))
    target, path = _pick(draw, targets)
    return Share(percent=percent, record=target, field=path, figure=figure, whole=whole)


def _stated_as_share(draw: st.DrawFn, record: Record) -> Record:
    """The record with its figures left out, one stated only as a share of a whole in words.

    ("Almost 90% of the town's residents were displaced.")
    """
    fields = record.figure_fields()
    share = Share(percent=draw(_percents()), figure=_pick(draw, fields), whole=_pick(draw, _WHOLES))
    cleared: dict[str, Any] = dict.fromkeys(fields)
    return attrs.evolve(record, **cleared, share_of=share)


def _related(draw: st.DrawFn, made: Sequence[Record]) -> list[Record]:
    """The records, some given relations (within, share_of, revises) among themselves."""
    out = list(made)
    for i, record in enumerate(made):
        changes: dict[str, Any] = {}
        if draw(st.integers(0, 3)) == 0:
            changes["within"] = _relation(draw, record, made)
        if record.share_of is None and draw(st.integers(0, 3)) == 0:
            changes["share_of"] = _share(draw, record, made)
        earlier = [r.id for r in made[:i] if (r.kind, r.subject) == (record.kind, record.subject)]
        if earlier and draw(st.integers(0, 4)) == 0:  # an earlier one: no circles
            changes["revises"] = _pick(draw, earlier)
        if any(v is not None for v in changes.values()):
            out[i] = attrs.evolve(record, **changes)
    return out


_R = TypeVar("_R", bound=Record)


def _alone(draw: st.DrawFn, record: _R) -> _R:
    """A record drawn alone: sometimes with a relation between two of its own figures."""
    return _related(draw, [record])[0]  # type: ignore[return-value]


def _origin(
    draw: st.DrawFn, ids: st.SearchStrategy[str] | None, given: st.SearchStrategy[Source] | None
) -> tuple[str, Source]:
    """A record's id and source, from the strategies given or the defaults."""
    return draw(ids if ids is not None else _ids()), draw(
        given if given is not None else _any_sources()
    )


def _denier(draw: st.DrawFn, given: st.SearchStrategy[Source] | None) -> Callable[[], Source]:
    """Draws a source that denies an allegation, from the sources strategy given."""
    return lambda: draw(given if given is not None else _any_sources())


@st.composite
def _claims(
    draw: st.DrawFn,
    ids: st.SearchStrategy[str] | None,
    given: st.SearchStrategy[Source] | None,
    region_ids: tuple[str, ...],
) -> TerritorialClaim:
    return _alone(draw, _claim(draw, *_origin(draw, ids, given), region_ids))


@st.composite
def _casualty_reports(
    draw: st.DrawFn, ids: st.SearchStrategy[str] | None, given: st.SearchStrategy[Source] | None
) -> CasualtyReport:
    return _alone(draw, _casualties(draw, *_origin(draw, ids, given)))


@st.composite
def _allegations(
    draw: st.DrawFn, ids: st.SearchStrategy[str] | None, given: st.SearchStrategy[Source] | None
) -> Allegation:
    return _alone(draw, _allegation(draw, *_origin(draw, ids, given), _denier(draw, given)))


@st.composite
def _assessments(
    draw: st.DrawFn, ids: st.SearchStrategy[str] | None, given: st.SearchStrategy[Source] | None
) -> Assessment:
    return _assessment(draw, *_origin(draw, ids, given))


@st.composite
def _materiel_losses(
    draw: st.DrawFn, ids: st.SearchStrategy[str] | None, given: st.SearchStrategy[Source] | None
) -> MaterielLoss:
    return _alone(draw, _materiel(draw, *_origin(draw, ids, given)))


@st.composite
def _measurements(
    draw: st.DrawFn, ids: st.SearchStrategy[str] | None, given: st.SearchStrategy[Source] | None
) -> Measurement:
    return _alone(draw, _measurement(draw, *_origin(draw, ids, given)))


@st.composite
def _records(
    draw: st.DrawFn,
    kinds: tuple[type[Record], ...],
    ids: st.SearchStrategy[str] | None,
    given: st.SearchStrategy[Source] | None,
) -> Record:
    kind = _pick(draw, kinds)
    record_id, source = _origin(draw, ids, given)
    return _alone(draw, _record(draw, kind, record_id, source, deniers=_denier(draw, given)))


def territorial_claims(
    *,
    ids: st.SearchStrategy[str] | None = None,
    sources: st.SearchStrategy[Source] | None = None,
    region_ids: Iterable[str] = (),
) -> st.SearchStrategy[TerritorialClaim]:
    """Territorial claims with one to four figures: area, depth, front width, settlements.

    The predicate and status are sometimes left unsaid (``None``); a claim sometimes
    relates one of its figures to another of its own (``within``, ``share_of``).

    Args:
        ids: A strategy for the record's ``id``; short valid ids when ``None``.
        sources: A strategy for its source; any source when ``None``.  To put several
            drawn records in one document, draw their sources from a fixed list
            (``st.sampled_from(my_sources)``) and their ids without repeats, or use
            :func:`documents`.
        region_ids: Region ids a claim may name in ``region`` (or none); with none given,
            ``region`` is ``None``.

    Returns:
        A strategy for :class:`~incursion.TerritorialClaim`.

    .. versionadded:: 0.1.0
    """
    return _claims(ids, sources, tuple(region_ids))


def parts() -> st.SearchStrategy[Part]:
    """Named parts of a casualty count ("children", "women", …), each a count of people.

    A part's figure is sometimes a bare number, which counts what its name or its count
    counts.

    Returns:
        A strategy for :class:`~incursion.Part`.

    .. versionadded:: 0.1.0
    """
    return _parts()


@st.composite
def _parts(draw: st.DrawFn) -> Part:
    return _part(draw, _pick(draw, _PART_NAMES))


@st.composite
def _counts(draw: st.DrawFn) -> Count:
    return _count(draw)


def counts() -> st.SearchStrategy[Count]:
    """Counts of people, sometimes with named parts, marked complete, the day's change or a tally.

    The parts and the change are drawn independently of the total, so they need not fit
    it: use :func:`consistent_documents` for counts whose parts fit their totals.

    Returns:
        A strategy for :class:`~incursion.Count`.

    .. versionadded:: 0.1.0
    """
    return _counts()


def casualty_reports(
    *,
    ids: st.SearchStrategy[str] | None = None,
    sources: st.SearchStrategy[Source] | None = None,
) -> st.SearchStrategy[CasualtyReport]:
    """Casualty reports with one to three counts, some with named parts.

    The counts are drawn from the single ones (killed, wounded, missing, captured,
    displaced) and the combined ones (``killed_and_wounded``, ``losses``), independently
    of each other; a report sometimes counts one group (``"children"``), and its
    population and status are sometimes left unsaid.

    Args:
        ids: A strategy for the record's ``id``; short valid ids when ``None``.
        sources: A strategy for its source; any source when ``None``.

    Returns:
        A strategy for :class:`~incursion.CasualtyReport`.

    .. versionadded:: 0.1.0
    """
    return _casualty_reports(ids, sources)


def allegations(
    *,
    ids: st.SearchStrategy[str] | None = None,
    sources: st.SearchStrategy[Source] | None = None,
) -> st.SearchStrategy[Allegation]:
    """Allegations of every act and grade of evidence, sometimes with a count of the acts.

    An allegation whose evidence is ``denied`` sometimes names the sources that deny it
    (``denied_by``), drawn like its own source.

    Args:
        ids: A strategy for the record's ``id``; short valid ids when ``None``.
        sources: A strategy for its source and those that deny it; any source when
            ``None``.

    Returns:
        A strategy for :class:`~incursion.Allegation`.

    .. versionadded:: 0.1.0
    """
    return _allegations(ids, sources)


def assessments(
    *,
    ids: st.SearchStrategy[str] | None = None,
    sources: st.SearchStrategy[Source] | None = None,
) -> st.SearchStrategy[Assessment]:
    """Assessments with a likelihood on a named scale, on none, or no likelihood at all.

    Args:
        ids: A strategy for the record's ``id``; short valid ids when ``None``.
        sources: A strategy for its source; any source when ``None``.

    Returns:
        A strategy for :class:`~incursion.Assessment`.

    .. versionadded:: 0.1.0
    """
    return _assessments(ids, sources)


def materiel_losses(
    *,
    ids: st.SearchStrategy[str] | None = None,
    sources: st.SearchStrategy[Source] | None = None,
) -> st.SearchStrategy[MaterielLoss]:
    """Materiel losses of one to three equipment types, some with narrower types as parts.

    Equipment types are written as documents write them (``"tanks"``, ``"IFVs"``,
    ``"armoured vehicles"``, ``"MLRS"``, ``"helicopters"``, ``"drones"``, …); a count of
    armoured vehicles may name tanks, IFVs and APCs as parts, one of artillery systems
    MLRS, one of aircraft helicopters.  Counts are sometimes bare numbers, and sometimes
    give the day's change or a tally; every fate and status, or none, is drawn.

    Args:
        ids: A strategy for the record's ``id``; short valid ids when ``None``.
        sources: A strategy for its source; any source when ``None``.

    Returns:
        A strategy for :class:`~incursion.MaterielLoss`.

    .. versionadded:: 0.1.0
    """
    return _materiel_losses(ids, sources)


def measurements(
    *,
    ids: st.SearchStrategy[str] | None = None,
    sources: st.SearchStrategy[Source] | None = None,
) -> st.SearchStrategy[Measurement]:
    """Measurements of the known measures, of a few others and of any valid name.

    A known measure's value measures what the measure does (people for ``force-size``,
    a length for ``distance``, a mass for ``warhead-mass``, …); another measure's value
    measures anything, or is a bare number.  Values are counts, sometimes with named
    parts, the day's change or a tally.

    Args:
        ids: A strategy for the record's ``id``; short valid ids when ``None``.
        sources: A strategy for its source; any source when ``None``.

    Returns:
        A strategy for :class:`~incursion.Measurement`.

    .. versionadded:: 0.1.0
    """
    return _measurements(ids, sources)


def _kinds(kinds: Iterable[type[Record]] | None) -> tuple[type[Record], ...]:
    if kinds is None:
        return _KINDS
    chosen = tuple(dict.fromkeys(kinds))
    if not chosen or any(k not in _KINDS for k in chosen):
        raise InvalidArgument(
            f"kinds={kinds!r} must name at least one record class, each of "
            f"{', '.join(k.__name__ for k in _KINDS)}"
        )
    return chosen


def records(
    *,
    kinds: Iterable[type[Record]] | None = None,
    ids: st.SearchStrategy[str] | None = None,
    sources: st.SearchStrategy[Source] | None = None,
) -> st.SearchStrategy[Record]:
    """Records of any of the given kinds.

    A record drawn alone sometimes relates one of its figures to another of its own
    (``within``, ``share_of``); it never revises another, as there is none.

    Args:
        kinds: The record classes to draw from (:class:`~incursion.TerritorialClaim`,
            :class:`~incursion.CasualtyReport`, :class:`~incursion.Allegation`,
            :class:`~incursion.Assessment`, :class:`~incursion.MaterielLoss`,
            :class:`~incursion.Measurement`); all six
            when ``None``.
        ids: A strategy for each record's ``id``; short valid ids when ``None``.
        sources: A strategy for each record's source; any source when ``None``.

    Returns:
        A strategy for :data:`~incursion.Record`.

    Raises:
        hypothesis.errors.InvalidArgument: ``kinds`` is empty or names another class.

    .. versionadded:: 0.1.0
    """
    return _records(_kinds(kinds), ids, sources)


def _region(draw: st.DrawFn, region_id: str) -> Region:
    return Region(
        id=region_id,
        name=draw(_text(min_size=1, max_size=30)),
        area=_maybe(draw, lambda: _estimate(draw, "area", _ALL_HEDGES)),
    )


@st.composite
def _regions(draw: st.DrawFn, ids: st.SearchStrategy[str] | None) -> Region:
    return _region(draw, draw(ids if ids is not None else _ids()))


def regions(*, ids: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Region]:
    """Named regions, sometimes with their area.

    Args:
        ids: A strategy for the region's ``id``; short valid ids when ``None``.

    Returns:
        A strategy for :class:`~incursion.Region`.

    .. versionadded:: 0.1.0
    """
    return _regions(ids)


@st.composite
def _documents(draw: st.DrawFn, kinds: tuple[type[Record], ...]) -> Document:
    source_ids = draw(st.lists(_ids(), min_size=1, max_size=4, unique=True))
    listed = tuple(draw(st.builds(Source, id=st.just(i), **_source_fields())) for i in source_ids)
    region_ids = tuple(draw(st.lists(_ids(), max_size=2, unique=True)))
    listed_regions = tuple(_region(draw, i) for i in region_ids)
    chosen = [*kinds, *(_pick(draw, kinds) for _ in range(draw(st.integers(0, 3))))]
    record_ids = draw(st.lists(_ids(), min_size=len(chosen), max_size=len(chosen), unique=True))
    made = [
        _record(draw, kind, record_id, _pick(draw, listed), region_ids, lambda: _pick(draw, listed))
        for record_id, kind in zip(record_ids, chosen, strict=True)
    ]
    return Document(sources=listed, records=_related(draw, made), regions=listed_regions)


@functools.cache
def _documents_of(kinds: tuple[type[Record], ...]) -> st.SearchStrategy[Document]:
    return _documents(kinds)


def documents(*, kinds: Iterable[type[Record]] | None = None) -> st.SearchStrategy[Document]:
    """Valid documents: unique ids, every source listed, every region a claim names listed.

    Each record kind asked for appears at least once, with up to three more records of
    those kinds.  Some records relate a figure to a figure of another record, or of
    their own (``within``, ``share_of``), or revise another record; every relation names
    a record of the document, a figure it holds and one of a kind the relating figure can
    lie within.  A denied allegation's ``denied_by`` names sources of the document.  The
    figures are drawn independently, so the checks usually find something; see
    :func:`consistent_documents` and :func:`inconsistent_documents` for documents built
    for the checks.

    Args:
        kinds: The record classes the records are drawn from, each at least once; all
            six when ``None``.

    Returns:
        A strategy for :class:`~incursion.Document`.

    Raises:
        hypothesis.errors.InvalidArgument: ``kinds`` is empty or names another class.

    .. versionadded:: 0.1.0
    """
    return _documents_of(_kinds(kinds))


# -- consistent figures ---------------------------------------------------------------------
#
# A consistent document is written from a small model of the truth: for each measure (an
# area held, a depth, people killed by day, …) a true value, and every figure a source
# gives for it is a hedged reading whose interval contains that value.  Intervals that all
# contain one value meet, so no two figures disagree; and two-sided figures keep their best
# value within 0 to +5% of the truth (plus rounding), well inside the checks' 25% tension.
# Cumulative counts grow by more than 5% a day, so each day's best values lie above every
# earlier day's.
#
# Drawing is kept cheap, since a document holds dozens of figures: every strategy drawn
# from here is built once, and names, subjects and ids come from short lists.

_LOW_BOUNDED: Final = (Hedge.EXACT, Hedge.ABOUT, Hedge.NEARLY, Hedge.AT_LEAST, Hedge.MORE_THAN)
_HIGH_BOUNDED: Final = (Hedge.EXACT, Hedge.ABOUT, Hedge.NEARLY, Hedge.UP_TO, Hedge.FEWER_THAN)

_SOURCE_NAMES: Final = (
    ("Oleksandr Syrskyi", "Ukraine", "military"),
    ("Volodymyr Zelensky", "Ukraine", "official"),
    ("Alexei Smirnov", "Russia", "official"),
    ("Russian Ministry of Defence", "Russia", "military"),
    ("Institute for the Study of War", None, "think-tank"),
    ("DeepState", None, "osint"),
)
_CONSISTENT_SUBJECTS: Final = ("kursk-2024", "sumy-2024", "belgorod-2024", "kharkiv-2024")
_REGION_NAMES: Final = ("Kursk Oblast", "Sumy Oblast", "Belgorod Oblast", "Kharkiv Oblast")
_ID_PREFIXES: Final = ("r", "rec-", "ua.", "claim:", "R_")
_PROPOSITIONS: Final = (
    "Ukraine will hold the ground for months",
    "Russia will retake the salient by spring",
    "The offensive aims to divert Russian forces",
)
_FORMS: Final = ("built", "comma", "plain", "space")


def _up(value: float, decimals: int) -> float:
    scale = 10.0**decimals
    return math.ceil(value * scale - 1e-9) / scale


def _down(value: float, decimals: int) -> float:
    scale = 10.0**decimals
    return math.floor(value * scale + 1e-9) / scale


@functools.cache
def _per_mille(low: int, high: int) -> st.SearchStrategy[float]:
    """Fractions from ``low``/1000 to ``high``/1000, shrinking towards ``low``."""
    return st.integers(low, high).map(lambda n: n / 1000)


def _count_numbers(truth: int, hedge: Hedge, a: float, b: float) -> tuple[int, int | None]:
    """The number (or range ends) a source writes for a count of true value ``truth`` ≥ 2.

    ``a`` and ``b`` are fractions in [0, 1) that choose among the numbers the hedge
    allows; 0 gives the number closest to the truth.
    """
    one = _ONE_COUNT.get(hedge)
    if one is not None:
        return one(truth, a), None
    middle = truth + math.floor(truth * a / 20)
    low = min(truth - 1, truth - math.floor(truth * (0.02 + b / 8)))
    return low, 2 * middle - low


#: The one number each hedge but "between" writes for a count of true value ``truth``,
#: chosen by ``a`` in [0, 1) (0: closest to the truth).
_ONE_COUNT: Final[Mapping[Hedge, Callable[[int, float], int]]] = {
    Hedge.EXACT: lambda truth, _: truth,
    Hedge.ABOUT: lambda truth, a: truth + math.floor(truth * a / 20),  # to 105% of truth
    Hedge.NEARLY: lambda truth, a: truth + math.floor(truth * a / 20),
    Hedge.AT_LEAST: lambda truth, a: truth - math.floor(truth * a / 2),  # to 50% of truth
    Hedge.MORE_THAN: lambda truth, a: min(truth - 1, truth - math.floor(truth * a / 2)),
    Hedge.UP_TO: lambda truth, a: truth + math.ceil(truth * a / 2),  # to 150% of truth
    Hedge.FEWER_THAN: lambda truth, a: max(truth + 1, truth + math.ceil(truth * a / 2)),
}


def _measured_numbers(
    truth: float, hedge: Hedge, a: float, b: float
) -> tuple[float, float | None, int]:
    """As :func:`_count_numbers`, for a measure; also the decimal places to write.

    Three places after a whole number would read as thousands ("1.001"): a truth just
    below 1 whose numbers reach 1 is written to four.
    """
    places = _decimals(truth)
    numbers = _rounded_numbers(truth, hedge, a, b, places)
    if places == 3 and max(numbers[0], numbers[1] or 0.0) >= 1:
        return _rounded_numbers(truth, hedge, a, b, 4)
    return numbers


def _rounded_numbers(
    truth: float, hedge: Hedge, a: float, b: float, places: int
) -> tuple[float, float | None, int]:
    one = _ONE_MEASURE.get(hedge)
    if one is not None:
        return one(truth, a, places), None, places
    middle = truth * (1 + a / 20)
    half = (middle - truth) + truth * (0.02 + b / 12)
    return _down(middle - half, places), _up(middle + half, places), places


#: The one number each hedge but "between" writes for a measure of true value ``truth``,
#: chosen by ``a`` in [0, 1), to ``places`` decimal places.
_ONE_MEASURE: Final[Mapping[Hedge, Callable[[float, float, int], float]]] = {
    Hedge.EXACT: lambda truth, _, places: round(truth, places),
    Hedge.ABOUT: lambda truth, a, places: _up(truth * (1 + a / 20), places),
    Hedge.NEARLY: lambda truth, a, places: _up(truth * (1 + a / 20), places),
    Hedge.AT_LEAST: lambda truth, a, places: _down(truth * (1 - a / 2), places),
    Hedge.MORE_THAN: lambda truth, a, places: _down(truth * (0.99 - a / 2), places),
    Hedge.UP_TO: lambda truth, a, places: _up(truth * (1 + a / 2), places),
    Hedge.FEWER_THAN: lambda truth, a, places: _up(truth * (1.01 + a / 2), places),
}


def _consistent_figure(
    draw: st.DrawFn, truth: float, dimension: str, hedges: tuple[Hedge, ...] = tuple(Hedge)
) -> Estimate:
    """A figure for ``truth`` (in the dimension's canonical unit) whose interval holds it.

    The unit, hedge word and its place, numeral style, bracketed conversion and whether it
    is read from text or built in Python are all drawn.
    """
    unit = _pick(draw, _SPELLINGS[dimension])
    hedge = _pick(draw, hedges)
    a = draw(_per_mille(0, 999))
    b = draw(_per_mille(0, 999)) if hedge is Hedge.BETWEEN else 0.0
    if _is_measured(dimension):
        number, high, places = _measured_numbers(truth / lookup_unit(unit).factor, hedge, a, b)
    else:
        whole, whole_high = _count_numbers(round(truth), hedge, a, b)
        number, high, places = float(whole), None if whole_high is None else float(whole_high), 0
    form = _pick(draw, _FORMS)
    if form == "built":
        if high is not None:
            return Estimate(
                number=(number + high) / 2,
                unit=unit,
                hedge=Hedge.BETWEEN,
                stated_low=number,
                stated_high=high,
            )
        return Estimate.of(number, unit, hedge)
    written = _write_number(number, places, form)
    if high is not None:
        word = _pick(draw, _RANGE_WORDS)
        return Estimate.parse(_render_range(word, written, _write_number(high, places, form), unit))
    if 0 < number < 100 and number.is_integer() and draw(st.integers(0, 3)) == 0:
        written = _number_word(int(number))
    if hedge is Hedge.EXACT:
        text = f"{written} {unit}"
    else:
        word = _pick(draw, _hedge_words(hedge))
        at_end = word in _SUFFIX_WORDS and draw(st.booleans())
        text = _render_hedged(word, written, unit, at_end=at_end)
    if _is_measured(dimension) and draw(st.integers(0, 3)) == 0:
        own = lookup_unit(unit)
        other = _pick(draw, [u for u in _MEASURED_UNITS[dimension] if u != own.name])
        converted = number * own.factor / lookup_unit(other).factor
        text += f" ({_write_number(converted, _decimals(converted), 'comma')} {_spelled(other)})"
    return Estimate.parse(text)


def _grow(first: int, days: int, growth: float) -> list[int]:
    """A cumulative count by day: each day's truth above 105% of the day before's."""
    values = [first]
    for _ in range(days - 1):
        last = values[-1]
        values.append(max(math.ceil(last * growth), math.floor(last * 1.05) + 1))
    return values


@attrs.frozen
class _Model:
    """What a consistent document is written from: sources, days and its subjects."""

    sources: tuple[Source, ...]
    days: tuple[dt.date, ...]
    subjects: tuple[str, ...]


@functools.cache
def _realistic_sources() -> st.SearchStrategy[tuple[Source, ...]]:
    def made(chosen: list[tuple[int, Reliability | None]]) -> tuple[Source, ...]:
        return tuple(
            Source(
                id=f"s{i}-{_SOURCE_NAMES[n][0].split()[-1].lower()}",
                name=_SOURCE_NAMES[n][0],
                side=_SOURCE_NAMES[n][1],
                kind=_SOURCE_NAMES[n][2],
                reliability=reliability,
            )
            for i, (n, reliability) in enumerate(chosen)
        )

    grades = st.none() | st.sampled_from(tuple(Reliability))
    entry = st.tuples(st.integers(0, len(_SOURCE_NAMES) - 1), grades)
    return st.lists(entry, min_size=2, max_size=4, unique_by=lambda e: e[0]).map(made)


def _model(draw: st.DrawFn) -> _Model:
    first = draw(st.dates(dt.date(2014, 1, 1), dt.date(2030, 11, 30)))
    days = [first]
    for gap in draw(st.lists(st.integers(1, 5), max_size=3)):
        days.append(days[-1] + dt.timedelta(days=gap))
    subjects = draw(
        st.lists(st.sampled_from(_CONSISTENT_SUBJECTS), min_size=1, max_size=2, unique=True)
    )
    return _Model(draw(_realistic_sources()), tuple(days), tuple(subjects))


def _record_fields(draw: st.DrawFn, model: _Model, subject: str) -> dict[str, Any]:
    return {
        "id": "x",  # replaced once every record of the document is made
        "source": _pick(draw, model.sources),
        "subject": subject,
        "credibility": draw(_credibilities()),
    }


#: What a consistent record is written from: the true value of each figure it holds, by
#: the figure's path (``"area"``, ``"killed.parts.children"``, ``"equipment.tanks"``), in
#: the canonical unit of its dimension.
_Truths = dict[str, float]
_Made = list[tuple[Record, _Truths]]


def _front(
    draw: st.DrawFn, model: _Model, subject: str, controller: str, region_id: str | None
) -> tuple[_Made, list[Region]]:
    """Claims about one front (a subject and controller), consistent with one box.

    The true depth and front width bound the true area, which is at most half their
    product; the region, if any, is at least twice that area.
    """
    depth = draw(st.integers(50, 600)) / 10
    width = draw(st.integers(100, 1_000)) / 10
    truths = {
        "depth": (depth, "length"),
        "front_width": (width, "length"),
        "area": (depth * width * draw(_per_mille(100, 500)), "area"),
        "settlements": (float(draw(st.integers(2, 200))), "settlement"),
    }
    regions: list[Region] = []
    if region_id is not None:
        area = truths["area"][0] * draw(st.integers(2, 20))
        regions.append(
            Region(
                id=region_id,
                name=_pick(draw, _REGION_NAMES),
                area=_consistent_figure(draw, area, "area"),
            )
        )
    claims: _Made = []
    for _ in range(draw(st.integers(1, 3))):
        fields = _some(draw, tuple(truths), 1, 3)
        figures: dict[str, Any] = {name: _consistent_figure(draw, *truths[name]) for name in fields}
        claim = TerritorialClaim(
            **_record_fields(draw, model, subject),
            as_of=draw(_any_spans()),
            controller=controller,
            predicate=_pick(draw, (None, *Predicate)),
            status=_pick(draw, _STATUSES),
            region=_pick(draw, (None, region_id)),
            **figures,
        )
        claims.append((claim, {name: truths[name][0] for name in fields}))
    return claims, regions


def _split(total: int, shares: Sequence[tuple[str, float]]) -> list[tuple[str, int]]:
    """``total`` split by fixed shares, the last name taking what the others leave."""
    split = [(name, math.floor(total * share)) for name, share in shares[:-1]]
    split.append((shares[-1][0], total - sum(n for _, n in split)))
    return split


def _shares(draw: st.DrawFn) -> list[tuple[str, float]]:
    """Two or three part names with their shares of a total (the last one the rest)."""
    names = _some(draw, _PART_NAMES, 2, 3)
    shares = [(n, 0.1 + draw(_per_mille(0, 200))) for n in names[:-1]]
    shares.append((names[-1], 0.0))
    return shares


def _change(draw: st.DrawFn, series: Sequence[int], day: int, total: Estimate) -> Estimate | None:
    """Sometimes, the change of a growing count since the model's day before ``day``.

    The change of a bare total is a bare number; of any other, a figure of its kind.
    """
    if day == 0 or not draw(st.booleans()):
        return None
    change = series[day] - series[day - 1]
    if change < 2:
        return None
    if total.dimension == "number":
        return Estimate.of(change)
    return _consistent_figure(draw, change, total.dimension)


def _consistent_count(
    draw: st.DrawFn, truth: float, dimension: str, hedges: tuple[Hedge, ...] = tuple(Hedge)
) -> Estimate:
    """As :func:`_consistent_figure`; a count is sometimes a bare number, as JSON writes it."""
    if not _is_measured(dimension) and draw(st.integers(0, 4)) == 0:
        return Estimate.of(round(truth))
    return _consistent_figure(draw, truth, dimension, hedges)


def _casualty_series(
    draw: st.DrawFn, model: _Model, subject: str, party: str | None, population: Population
) -> _Made:
    """Reports of one party's casualties by day, each count consistent with its truth.

    Each single count has a true value by day, and its named parts split that value in
    fixed shares; a combined count is the sum of its single counts.  Some reports count
    one group alone, as many as the part of that name.
    """
    singles = {
        name: _grow(draw(st.integers(20, 200_000)), len(model.days), 1 + draw(_per_mille(60, 500)))
        for name in _COUNT_FIELDS
    }
    truths: dict[str, list[int]] = dict(singles)
    for combined, members in _COMBINED.items():
        truths[combined] = [sum(day) for day in zip(*(singles[m] for m in members), strict=True)]
    fields = _some(draw, _CASUALTY_FIELDS, 1, 3)
    if "killed_and_wounded" in fields and draw(st.booleans()):  # all the counts of a sum
        fields = list(dict.fromkeys([*fields, *_COMBINED["killed_and_wounded"]]))
    shares = {name: _shares(draw) for name in fields if name in singles}
    written = (None, population) if population is Population.ALL else (population,)
    reports: _Made = []
    for _ in range(draw(st.integers(1, 3))):
        day = draw(st.integers(0, len(model.days) - 1))
        made: dict[str, Any] = {}
        known: _Truths = {}
        for name in _some(draw, fields, 1, 4):
            total = truths[name][day]
            given = _some(draw, _split(total, shares[name]), 0, 3) if name in shares else []
            figure = _consistent_count(draw, total, "person")
            made[name] = Count(
                total=figure,
                parts=tuple(
                    Part(name=n, estimate=_consistent_figure(draw, truth, "person"))
                    for n, truth in given
                ),
                complete=len(given) == len(shares.get(name, ())) > 0 and draw(st.booleans()),
                change=_change(draw, truths[name], day, figure),
                tally=_pick(draw, (None, CasualtyReport.tally(name))),
            )
            known[name] = total
            known.update((f"{name}.parts.{n}", truth) for n, truth in given)
        reports.append(
            (
                CasualtyReport(
                    **_record_fields(draw, model, subject),
                    as_of=Span.day(model.days[day]),
                    party=party,
                    population=_pick(draw, written),
                    status=_pick(draw, _STATUSES),
                    **made,
                ),
                known,
            )
        )
    groups = [(name, n) for name, split in shares.items() for n, _ in split]
    for name, group in _some(draw, groups, 0, 1):
        day = draw(st.integers(0, len(model.days) - 1))
        truth = dict(_split(truths[name][day], shares[name]))[group]
        counts: dict[str, Any] = {name: _consistent_count(draw, truth, "person")}
        report = CasualtyReport(
            **_record_fields(draw, model, subject),
            as_of=Span.day(model.days[day]),
            party=party,
            population=_pick(draw, written),
            group=group,
            status=_pick(draw, _STATUSES),
            **counts,
        )
        reports.append((report, {name: truth}))
    return reports


#: Evidence that does not bear out a grade of 1 or 2 (the unsupported-allegation check
#: warns of none-public; refuted is kept clear of high grades too).
_WEAK_EVIDENCE: Final = frozenset({Evidence.NONE_PUBLIC, Evidence.REFUTED})


def _allegation_series(
    draw: st.DrawFn, model: _Model, subject: str, accused: str | None, act: Act
) -> _Made:
    """Allegations of one act by day, each graded no higher than its evidence allows."""
    dimension = _pick(draw, ("strike", "drone", "missile", "person"))
    growth = 1 + draw(_per_mille(60, 500))
    truths = _grow(draw(st.integers(2, 5_000)), len(model.days), growth)
    made: _Made = []
    for _ in range(draw(st.integers(1, 2))):
        day = draw(st.integers(0, len(model.days) - 1))
        fields = _record_fields(draw, model, subject)
        evidence = draw(st.sampled_from(tuple(Evidence)))
        if evidence in _WEAK_EVIDENCE and (fields["credibility"] or 3) < 3:
            fields["credibility"] += 2  # graded 1 or 2 with no evidence: a warning
        deniers = [s for s in model.sources if s.id != fields["source"].id]
        counted = draw(st.booleans())
        allegation = Allegation(
            **fields,
            as_of=Span.day(model.days[day]),
            accused=accused,
            act=act,
            count=_consistent_figure(draw, truths[day], dimension) if counted else None,
            status=_pick(draw, _STATUSES),
            evidence=evidence,
            denied_by=_some(draw, deniers, 0, 2) if evidence is Evidence.DENIED else (),
        )
        made.append((allegation, {"count": truths[day]} if counted else {}))
    return made


#: The equipment types a consistent document's losses count, one by one ("leaves");
#: armoured vehicles are the sum of tanks, IFVs, APCs and, sometimes, others.
_LEAF_EQUIPMENT: Final = ("tanks", "IFVs", "APCs", "MLRS", "helicopters", "drones")
_ARMOURED: Final = ("tanks", "IFVs", "APCs")
_LOSS_TYPES: Final = (*_LEAF_EQUIPMENT, "armoured vehicles")


def _materiel_series(draw: st.DrawFn, model: _Model, subject: str, party: str | None) -> _Made:
    """One party's equipment losses by day, of one fate: each type's truth grows.

    Armoured vehicles are the sum of tanks, IFVs, APCs and sometimes others; parts of
    their counts are the narrower types', marked complete only when there are no others.
    """
    days = len(model.days)
    truths = {
        name: _grow(draw(st.integers(20, 5_000)), days, 1 + draw(_per_mille(60, 500)))
        for name in _LEAF_EQUIPMENT
    }
    others = draw(st.integers(0, 3)) == 0
    extra = _grow(draw(st.integers(20, 500)), days, 1.06) if others else [0] * days
    truths["armoured vehicles"] = [
        sum(day) for day in zip(*(truths[n] for n in _ARMOURED), extra, strict=True)
    ]
    fate = _pick(draw, _FATES)
    types = _some(draw, _LOSS_TYPES, 1, 3)
    if "armoured vehicles" not in types and draw(st.booleans()):  # the type with parts
        types = ["armoured vehicles", *types[:2]]
    made: _Made = []
    for _ in range(draw(st.integers(1, 3))):
        day = draw(st.integers(0, days - 1))
        equipment: dict[str, Count] = {}
        known: _Truths = {}
        for name in _some(draw, types, 1, 3):
            total = truths[name][day]
            given: Sequence[str] = []
            if name == "armoured vehicles":  # often every part, so that they must add up
                given = _ARMOURED if draw(st.booleans()) else _some(draw, _ARMOURED, 0, 3)
            figure = _consistent_count(draw, total, _EQUIPMENT[name])
            equipment[name] = Count(
                total=figure,
                parts=tuple(
                    Part(
                        name=part,
                        estimate=_consistent_count(draw, truths[part][day], _EQUIPMENT[part]),
                    )
                    for part in given
                ),
                complete=len(given) == len(_ARMOURED) and not others and draw(st.booleans()),
                change=_change(draw, truths[name], day, figure),
                tally=_pick(draw, (None, Tally.CUMULATIVE)),
            )
            known[f"equipment.{name}"] = total
            known.update((f"equipment.{name}.parts.{p}", truths[p][day]) for p in given)
        loss = MaterielLoss(
            **_record_fields(draw, model, subject),
            as_of=Span.day(model.days[day]),
            party=party,
            fate=fate,
            status=_pick(draw, _STATUSES),
            equipment=equipment,
        )
        made.append((loss, known))
    return made


@attrs.frozen
class _Measured:
    """A measure a consistent document gives: what it measures and its true range."""

    dimension: str
    low: int
    high: int
    grows: bool = False


_CONSISTENT_MEASURES: Final[Mapping[str, _Measured]] = {
    "force-size": _Measured("person", 500, 50_000),
    "distance": _Measured("length", 1, 200),
    "population": _Measured("person", 1_000, 3_000_000),
    "planned-evacuation": _Measured("person", 1_000, 500_000),
    "evacuated": _Measured("person", 100, 200_000, grows=True),
    "warhead-mass": _Measured("mass", 100, 1_500),
    "range": _Measured("length", 10, 500),
    "area": _Measured("area", 100, 50_000),
    "shelters": _Measured("building", 5, 2_000),
}


def _measurement_series(draw: st.DrawFn, model: _Model, subject: str, measure: str) -> _Made:
    """Measurements of one measure of one thing by day: a stock holds, a running total grows.

    A count of people is sometimes split into named parts in fixed shares.
    """
    spec = _CONSISTENT_MEASURES[measure]
    first = draw(st.integers(spec.low, spec.high))
    if spec.grows:
        truths = _grow(first, len(model.days), 1 + draw(_per_mille(60, 500)))
    else:
        truths = [first] * len(model.days)
    tally = MEASURES[measure].tally if measure in MEASURES else Tally.STOCK
    shares = _shares(draw) if spec.dimension == "person" and draw(st.booleans()) else []
    of = _pick(draw, _MEASURED_OF)
    made: _Made = []
    for _ in range(draw(st.integers(1, 2))):
        day = draw(st.integers(0, len(model.days) - 1))
        total = truths[day]
        given = _some(draw, _split(total, shares), 0, 3) if shares else []
        figure = _consistent_count(draw, total, spec.dimension)
        value = Count(
            total=figure,
            parts=tuple(
                Part(name=n, estimate=_consistent_figure(draw, truth, "person"))
                for n, truth in given
            ),
            complete=bool(given) and len(given) == len(shares) and draw(st.booleans()),
            change=_change(draw, truths, day, figure) if spec.grows else None,
            tally=_pick(draw, (None, tally)),
        )
        measurement = Measurement(
            **_record_fields(draw, model, subject),
            as_of=Span.day(model.days[day]),
            measure=measure,
            of=of,
            status=_pick(draw, _STATUSES),
            value=value,
        )
        known = {"value": float(total)} | {f"value.parts.{n}": t for n, t in given}
        made.append((measurement, known))
    return made


@functools.cache
def _confidence_free_likelihoods() -> st.SearchStrategy[Likelihood | None]:
    return st.none() | likelihoods().filter(lambda likelihood: _confidence_free(likelihood.term))


def _consistent_assessment(draw: st.DrawFn, model: _Model) -> Assessment:
    return Assessment(
        **_record_fields(draw, model, _pick(draw, model.subjects)),
        as_of=draw(_any_spans()),
        proposition=_pick(draw, (None, *_PROPOSITIONS)),
        likelihood=draw(_confidence_free_likelihoods()),
        confidence=draw(st.none() | st.sampled_from(tuple(Confidence))),
        horizon=_pick(draw, (None, "months", "weeks", "2025")),
    )


def _numbered(draw: st.DrawFn, made: Sequence[Record], taken: Iterable[str] = ()) -> list[Record]:
    """The records with unique ids (``r0``, ``rec-1``, …), none of them ``taken``.

    A relation that names a record among them by an id only it has (``within``,
    ``share_of``, ``revises``) follows that record to its new id.
    """
    prefix = _pick(draw, _ID_PREFIXES)
    used = set(taken)
    new_ids = []
    i = 0
    for _ in made:
        while f"{prefix}{i}" in used:
            i += 1
        new_ids.append(f"{prefix}{i}")
        i += 1
    counted = collections.Counter(r.id for r in made)
    renamed = {r.id: new for r, new in zip(made, new_ids, strict=True) if counted[r.id] == 1}
    numbered = []
    for record, new_id in zip(made, new_ids, strict=True):
        changes: dict[str, Any] = {"id": new_id}
        for name in ("within", "share_of"):
            relation = getattr(record, name)
            if relation is not None and relation.record in renamed:
                changes[name] = attrs.evolve(relation, record=renamed[relation.record])
        if record.revises in renamed:
            changes["revises"] = renamed[record.revises]
        numbered.append(attrs.evolve(record, **changes))
    return numbered


def _holds(percent: Estimate, share: float) -> bool:
    """Whether a percentage's interval holds ``share`` (a fraction), clear of its ends."""
    high = percent.canonical_high
    margin = share * 1e-6
    return percent.canonical_low <= share - margin and (high is None or high >= share + margin)


_SHARE_FORMS: Final = ("exact", "about", "nearly", "more-than", "up-to", "between", "built")


def _percent_for(draw: st.DrawFn, share: float) -> Estimate:
    """A percentage, in a drawn form, whose interval holds ``share`` (a fraction)."""
    value = share * 100
    form = _pick(draw, _SHARE_FORMS)
    word = _pick(draw, ("%", " percent", " per cent"))
    for places in range(3):  # three places would read as thousands ("1.500")
        scale = 10**places
        near, up, down = (
            round(value, places),
            math.ceil(value * scale) / scale,
            math.floor(value * scale) / scale,
        )
        if form == "built":
            percent = Estimate.of(near, "percent")
        elif form == "between":
            low, high = down * 0.95, up * 1.05
            percent = Estimate.parse(f"between {low:.{places}f}% and {high:.{places}f}%")
        else:
            number, hedge = {
                "exact": (near, ""),
                "about": (near, "about "),
                "nearly": (up, "nearly "),
                "more-than": (down, "more than "),
                "up-to": (up, "up to "),
            }[form]
            percent = Estimate.parse(f"{hedge}{number:.{places}f}{word}")
        if _holds(percent, share):
            return percent
    return Estimate.parse(f"between {math.floor(value) - 1}% and {math.ceil(value) + 1}%")


def _true_slots(record: Record, truths: _Truths) -> list[tuple[str, Estimate, float]]:
    """The figures of a record whose truth is known, with their paths and truths."""
    return [(path, e, truths[path]) for path, e in _slots(record) if path in truths]


def _below(own: Estimate, truth: float, wider: Estimate, wider_truth: float) -> bool:
    """Whether ``own`` may lie within ``wider``: their kinds fit and its truth is no larger.

    A measured truth keeps clear of the wider one, so that rounding in conversions
    cannot put their intervals apart.
    """
    if "number" in (own.dimension, wider.dimension) or not _fits(own, wider):
        return False
    if _is_measured(own.dimension):
        return truth <= wider_truth * (1 - 1e-6)
    return truth <= wider_truth


def _true_relation(
    draw: st.DrawFn,
    i: int,
    records: Sequence[Record],
    slots: Sequence[list[tuple[str, Estimate, float]]],
    *,
    share: bool,
) -> Relation | Share | None:
    """A relation of one of record ``i``'s figures that the truths bear out.

    Within: the wider figure's truth is at least the figure's own.  A share: the figure's
    truth is 2% to 100% of the whole's, and the percentage's interval holds that share;
    or, now and then, a share of a whole named only in words, each its own whole (the
    words name the record), so that no two imply one whole.
    """
    field, own, truth = _pick(draw, slots[i])
    targets = [
        (j, path, wider_truth)
        for j, those in enumerate(slots)
        for path, wider, wider_truth in those
        if not (j == i and path == field)
        and _below(own, truth, wider, wider_truth)
        and (not share or truth >= 0.02 * wider_truth)
    ]
    figure = _own_figure(draw, records[i], field)
    if share and (not targets or draw(st.integers(0, 4)) == 0):
        whole = f"{_pick(draw, _WHOLES)} of {records[i].id}"
        return Share(percent=draw(_percents()), figure=figure, whole=whole)
    if not targets:
        return None
    j, path, wider_truth = _pick(draw, targets)
    if share:
        return Share(
            percent=_percent_for(draw, truth / wider_truth),
            record=records[j].id,
            field=path,
            figure=figure,
            whole=_pick(draw, (None, None, *_WHOLES)),
        )
    return Relation(record=records[j].id, field=path, figure=figure)


def _true_relations(
    draw: st.DrawFn, records: Sequence[Record], truths: Sequence[_Truths]
) -> list[Record]:
    """The records, some related by figures their truths bear out, some revising others.

    A revision names an earlier record of the same source, kind and subject.
    """
    slots = [_true_slots(r, t) for r, t in zip(records, truths, strict=True)]
    out = list(records)
    for i, record in enumerate(records):
        changes: dict[str, Any] = {}
        if slots[i] and draw(st.integers(0, 3)) == 0:
            changes["within"] = _true_relation(draw, i, records, slots, share=False)
        if slots[i] and draw(st.integers(0, 3)) == 0:
            changes["share_of"] = _true_relation(draw, i, records, slots, share=True)
        earlier = [
            r.id
            for r in records[:i]
            if (r.source, r.kind, r.subject) == (record.source, record.kind, record.subject)
        ]
        if earlier and draw(st.integers(0, 3)) == 0:
            changes["revises"] = _pick(draw, earlier)
        if any(v is not None for v in changes.values()):
            out[i] = attrs.evolve(record, **changes)
    return out


@st.composite
def _consistent(draw: st.DrawFn) -> tuple[_Model, Document]:
    model = _model(draw)
    made: _Made = []
    listed: list[Region] = []
    sides: tuple[str | None, ...] = ("Ukraine", "Russia", None)
    fronts = [(subject, side) for subject in model.subjects for side in ("Ukraine", "Russia")]
    for i, (subject, controller) in enumerate(_some(draw, fronts, 1, 2)):
        region_id = f"region-{i}" if draw(st.booleans()) else None
        claims, regions_of_front = _front(draw, model, subject, controller, region_id)
        made += claims
        listed += regions_of_front
    # One truth per scope: a party or population left out matches any other, so a
    # subject's casualties (an act's allegations, equipment losses) follow one series.
    for subject in _some(draw, model.subjects, 0, 2):
        party, population = _pick(draw, sides), _pick(draw, tuple(Population))
        made += _casualty_series(draw, model, subject, party, population)
    for subject, act in _some(draw, [(s, act) for s in model.subjects for act in Act], 0, 2):
        made += _allegation_series(draw, model, subject, _pick(draw, sides), act)
    for subject in _some(draw, model.subjects, 0, 2):
        made += _materiel_series(draw, model, subject, _pick(draw, sides))
    measured = [(s, m) for s in model.subjects for m in _CONSISTENT_MEASURES]
    for subject, measure in _some(draw, measured, 0, 3):
        made += _measurement_series(draw, model, subject, measure)
    made += [(_consistent_assessment(draw, model), {}) for _ in range(draw(st.integers(0, 2)))]
    numbered = _numbered(draw, [record for record, _ in made])
    related = _true_relations(draw, numbered, [truths for _, truths in made])
    ordered = _shuffled(draw, related)
    return model, Document(sources=model.sources, records=ordered, regions=listed)


def consistent_documents() -> st.SearchStrategy[Document]:
    """Documents on which no built-in check reports a warning or an error.

    Each is written from a small model of the truth: territorial claims about one or two
    fronts (areas within depth × front width, inside their region); casualty counts,
    allegations and equipment losses that grow day by day, with named parts that split
    their totals (tanks, IFVs and APCs of armoured vehicles), combined counts that add up
    their single ones and the day's change; measurements, of stocks that hold and running
    totals that grow; groups counted alone; and assessments.  Some records relate a figure
    to another that its truth lies within (``within``), or state it as a share of one
    (``share_of``, with a percentage that holds the true share), and some revise an
    earlier record of their source.  Sources give each figure in any unit, hedge, numeral
    style and form (read from text or built in Python, sometimes with a bracketed
    conversion, a count sometimes a bare number), always one the truth satisfies, and
    with every status: a documented figure is read as the lower bound it is.  The checks
    may still add notes (``info`` findings), such as an assessment with no likelihood
    term.

    Consistency is under the default thresholds and the default
    :data:`~incursion.DEFAULT_POLICY`: a narrower reading of "about" can make figures
    disagree.

    Returns:
        A strategy for :class:`~incursion.Document`.

    .. versionadded:: 0.1.0
    """
    return _consistent().map(lambda pair: pair[1])


# -- injected inconsistencies ---------------------------------------------------------------
#
# Each injector writes records about a subject of their own, so that they meet none of the
# consistent document's figures, with one inconsistency the named check finds whatever the
# hedges: one figure is written with hedges that bound it above (its interval ends below
# some value), the other, at least three times further, with hedges that bound it below.


@attrs.frozen
class _Scene:
    """Where injected records go: a fresh subject, the document's sources and a day."""

    subject: str
    sources: tuple[Source, ...]
    day: dt.date
    region_id: str


def _fresh(taken: Iterable[str], wanted: str) -> str:
    """``wanted``, changed until it is none of ``taken``."""
    used = set(taken)
    while wanted in used:
        wanted += "-x"
    return wanted


def _claim_of(scene: _Scene, source: Source, day: dt.date, **fields: Any) -> TerritorialClaim:
    return TerritorialClaim(
        id="x",
        source=source,
        subject=scene.subject,
        as_of=Span.day(day),
        controller="Ukraine",
        **fields,
    )


def _casualties_of(scene: _Scene, source: Source, day: dt.date, **fields: Any) -> CasualtyReport:
    return CasualtyReport(
        id="x",
        source=source,
        subject=scene.subject,
        as_of=Span.day(day),
        population=Population.CIVILIAN,
        **fields,
    )


_Injected = tuple[list[Record], list[Region]]


def _conversion(draw: st.DrawFn, scene: _Scene) -> _Injected:
    """A measured figure whose bracketed conversion is 1.5 to 3 times what it should be."""
    field, dimension = draw(st.sampled_from((("area", "area"), ("depth", "length"))))
    unit = _pick(draw, _SPELLINGS[dimension])
    own = lookup_unit(unit)
    number = float(draw(st.integers(2, 5_000)))
    other = _pick(draw, [u for u in _MEASURED_UNITS[dimension] if u != own.name])
    wrong = number * own.factor / lookup_unit(other).factor * (1.5 + draw(_per_mille(0, 1_500)))
    word = draw(st.sampled_from(("", "about", "around", "approximately", "nearly", "up to")))
    bracket = f"{_write_number(wrong, _decimals(wrong), 'comma')} {_spelled(other)}"
    text = f"{word} {number:,.0f} {unit} ({bracket})".strip()
    source = _pick(draw, scene.sources)
    return [_claim_of(scene, source, scene.day, **{field: text})], []


def _extent(draw: st.DrawFn, scene: _Scene) -> _Injected:
    """An area at least three times the largest depth × front the figures allow."""
    depth = _consistent_figure(draw, draw(st.integers(20, 600)) / 10, "length", _HIGH_BOUNDED)
    width = _consistent_figure(draw, draw(st.integers(20, 1_000)) / 10, "length", _HIGH_BOUNDED)
    bound = (depth.canonical_high or 0.0) * (width.canonical_high or 0.0)
    area = _consistent_figure(draw, bound * draw(st.integers(6, 20)), "area", _LOW_BOUNDED)
    first, second = _pick(draw, scene.sources), _pick(draw, scene.sources)
    return [
        _claim_of(scene, first, scene.day, depth=depth, front_width=width),
        _claim_of(scene, second, scene.day, area=area),
    ], []


def _part_whole(draw: st.DrawFn, scene: _Scene) -> _Injected:
    """A named part of a count at least three times the highest reading of its total."""
    total = _consistent_figure(draw, draw(st.integers(2, 100_000)), "person", _HIGH_BOUNDED)
    part_truth = math.ceil((total.canonical_high or 0.0) * draw(st.integers(6, 20))) + 2
    part = Part(
        name=_pick(draw, _PART_NAMES),
        estimate=_consistent_figure(draw, part_truth, "person", _LOW_BOUNDED),
    )
    field = _pick(draw, _COUNT_FIELDS)
    source = _pick(draw, scene.sources)
    return [
        _casualties_of(scene, source, scene.day, **{field: Count(total=total, parts=(part,))})
    ], []


#: Statuses whose figures keep their upper bound (a documented one is a lower bound).
_BOUNDED_STATUSES: Final = (None, Status.CLAIMED, Status.ASSESSED)


def _far_above(draw: st.DrawFn, figure: Estimate) -> float:
    """A truth 6 to 20 times (and 2 more than) the highest reading of ``figure``.

    A figure of it drawn with :data:`_LOW_BOUNDED` hedges reads at least half of it: three
    times ``figure``'s highest.
    """
    return math.ceil((figure.canonical_high or 0.0) * draw(st.integers(6, 20))) + 2


def _equipment_part(draw: st.DrawFn, scene: _Scene) -> _Injected:
    """A narrower equipment type, as a part, at least three times its total's highest."""
    name = _pick(draw, tuple(_EQUIPMENT_PARTS))
    part = _pick(draw, _EQUIPMENT_PARTS[name])
    total = _consistent_figure(draw, draw(st.integers(2, 5_000)), _EQUIPMENT[name], _HIGH_BOUNDED)
    larger = _consistent_figure(draw, _far_above(draw, total), _EQUIPMENT[part], _LOW_BOUNDED)
    loss = MaterielLoss(
        id="x",
        source=_pick(draw, scene.sources),
        subject=scene.subject,
        as_of=Span.day(scene.day),
        party=_pick(draw, ("Russia", "Ukraine")),
        fate=_pick(draw, _FATES),
        status=_pick(draw, _BOUNDED_STATUSES),
        equipment={name: Count(total=total, parts=(Part(name=part, estimate=larger),))},
    )
    return [loss], []


def _single_above_combined(draw: st.DrawFn, scene: _Scene) -> _Injected:
    """A single casualty count at least three times the highest of a combined one."""
    combined = _pick(draw, tuple(_COMBINED))
    single = _pick(draw, _COMBINED[combined])
    whole = _consistent_figure(draw, draw(st.integers(2, 100_000)), "person", _HIGH_BOUNDED)
    larger = _consistent_figure(draw, _far_above(draw, whole), "person", _LOW_BOUNDED)
    counts: dict[str, Any] = {combined: whole, single: larger}
    source = _pick(draw, scene.sources)
    report = _casualties_of(
        scene, source, scene.day, status=_pick(draw, _BOUNDED_STATUSES), **counts
    )
    return [report], []


def _singles_short(draw: st.DrawFn, scene: _Scene) -> _Injected:
    """All the single counts of a combined count, adding up to a third of it at most."""
    combined = _pick(draw, tuple(_COMBINED))
    singles = {
        name: _consistent_figure(draw, draw(st.integers(2, 50_000)), "person", _HIGH_BOUNDED)
        for name in _COMBINED[combined]
    }
    top = sum(e.canonical_high or 0.0 for e in singles.values())
    truth = math.ceil(top * draw(st.integers(6, 20))) + 2
    counts: dict[str, Any] = {
        **singles,
        combined: _consistent_figure(draw, truth, "person", _LOW_BOUNDED),
    }
    source = _pick(draw, scene.sources)
    report = _casualties_of(
        scene, source, scene.day, status=_pick(draw, _BOUNDED_STATUSES), **counts
    )
    return [report], []


#: Pairs of records, one holding a wider figure and the other one that lies within it:
#: the kind of pair, with what the wider and the narrower figure measure.
_PAIRS: Final[Mapping[str, tuple[str, str]]] = {
    "evacuated": ("person", "person"),
    "area": ("area", "area"),
    "equipment": ("armoured_vehicle", "tank"),
    "group": ("person", "person"),
}


def _pair(
    draw: st.DrawFn, scene: _Scene, kind: str, wider: Estimate, own: Estimate, link: str, **how: Any
) -> list[Record]:
    """Two records of a pair: the wider figure, and one that names it in ``link``.

    ``link`` is ``within`` or ``share_of``; ``how`` holds what a share adds (``percent``).
    Each record has an id of its own among the injected ones, for the relation.
    """
    first, second = _pick(draw, scene.sources), _pick(draw, scene.sources)
    common: dict[str, Any] = {"subject": scene.subject, "as_of": Span.day(scene.day)}
    bounded: dict[str, Any] = {"status": _pick(draw, _BOUNDED_STATUSES)}
    if kind == "evacuated":
        place = _pick(draw, ("Sudzha", "Sumy", "Kursk Oblast"))
        measure = _pick(draw, ("population", "planned-evacuation"))
        whole: Record = Measurement(
            id="w", source=first, measure=measure, of=place, value=wider, **common, **bounded
        )
        field, own_field = "value", "value"
        part: Callable[..., Record] = functools.partial(
            Measurement, measure="evacuated", of=place, value=own
        )
    elif kind == "area":
        place = _pick(draw, _REGION_NAMES)
        whole = Measurement(
            id="w", source=first, measure="area", of=place, value=wider, **common, **bounded
        )
        field, own_field = "value", "area"
        part = functools.partial(TerritorialClaim, controller="Ukraine", area=own)
    elif kind == "equipment":
        whole = MaterielLoss(
            id="w",
            source=first,
            party="Russia",
            equipment={"armoured vehicles": wider},
            **common,
            **bounded,
        )
        field, own_field = "equipment.armoured vehicles", "equipment.tanks"
        part = functools.partial(MaterielLoss, party="Russia", equipment={"tanks": own})
    else:
        whole = _casualties_of(scene, first, scene.day, killed=wider, **bounded)
        whole = attrs.evolve(whole, id="w")
        field, own_field = "killed", "killed"
        part = functools.partial(
            CasualtyReport, population=Population.CIVILIAN, group="children", killed=own
        )
    cls = Share if link == "share_of" else Relation
    relation = cls(record="w", field=field, figure=_pick(draw, (None, own_field)), **how)
    narrower = part(
        id="p",
        source=second,
        status=_pick(draw, _BOUNDED_STATUSES),
        **common,
        **{link: relation},
    )
    return [whole, narrower]


def _within(draw: st.DrawFn, scene: _Scene) -> _Injected:
    """A figure at least three times the highest reading of the one it lies ``within``."""
    kind = _pick(draw, tuple(_PAIRS))
    wide, narrow = _PAIRS[kind]
    wider = _consistent_figure(draw, draw(st.integers(2, 50_000)), wide, _HIGH_BOUNDED)
    own = _consistent_figure(draw, _far_above(draw, wider), narrow, _LOW_BOUNDED)
    return _pair(draw, scene, kind, wider, own, "within"), []


_LOW_PERCENTS: Final = ("{n}%", "about {n}%", "at least {n} per cent", "more than {n}%")
_HIGH_PERCENTS: Final = ("{n}%", "about {n} percent", "up to {n}%", "nearly {n}%")


def _share_below(draw: st.DrawFn, scene: _Scene) -> _Injected:
    """A part at most a third of the lowest reading of its share of the whole."""
    kind = _pick(draw, tuple(_PAIRS))
    wide, narrow = _PAIRS[kind]
    wider = _consistent_figure(draw, draw(st.integers(1_000, 100_000)), wide, _LOW_BOUNDED)
    percent = Estimate.parse(_pick(draw, _LOW_PERCENTS).format(n=draw(st.integers(10, 100))))
    least = percent.canonical_low * wider.canonical_low
    truth = least / draw(st.integers(6, 20))
    if not _is_measured(narrow):
        truth = max(2, math.floor(truth))
    own = _consistent_figure(draw, truth, narrow, _HIGH_BOUNDED)
    return _pair(draw, scene, kind, wider, own, "share_of", percent=percent), []


def _share_above(draw: st.DrawFn, scene: _Scene) -> _Injected:
    """A part at least three times the highest reading of its share of the whole."""
    kind = _pick(draw, tuple(_PAIRS))
    wide, narrow = _PAIRS[kind]
    wider = _consistent_figure(draw, draw(st.integers(20, 100_000)), wide, _HIGH_BOUNDED)
    percent = Estimate.parse(_pick(draw, _HIGH_PERCENTS).format(n=draw(st.integers(5, 30))))
    most = (percent.canonical_high or 0.0) * (wider.canonical_high or 0.0)
    own = _consistent_figure(
        draw, math.ceil(most * draw(st.integers(6, 20))) + 2, narrow, _LOW_BOUNDED
    )
    return _pair(draw, scene, kind, wider, own, "share_of", percent=percent), []


def _apart(draw: st.DrawFn, *, totals: bool = True) -> tuple[str, str, Estimate, Estimate]:
    """Two figures of one measure whose intervals lie far apart: (kind, field, low, high).

    Without ``totals``, no running total: one source's two values of one on one day are an
    update, not a slip.
    """
    measures = (
        ("claim", "area", "area"),
        ("claim", "depth", "length"),
        ("casualties", "displaced", "person"),
    )
    kind, field, dimension = draw(
        st.sampled_from(measures + ((("casualties", "killed", "person"),) if totals else ()))
    )
    low = _consistent_figure(draw, draw(st.integers(20, 2_000)), dimension, _HIGH_BOUNDED)
    high_truth = math.ceil((low.canonical_high or 0.0) * draw(st.integers(6, 20))) + 2
    high = _consistent_figure(draw, high_truth, dimension, _LOW_BOUNDED)
    return kind, field, low, high


def _of_kind(
    kind: str, scene: _Scene, source: Source, day: dt.date, **fields: Any
) -> TerritorialClaim | CasualtyReport:
    if kind == "claim":
        return _claim_of(scene, source, day, **fields)
    return _casualties_of(scene, source, day, **fields)


def _disagreement(draw: st.DrawFn, scene: _Scene) -> _Injected:
    """Two sources give figures for one measure and day whose intervals lie far apart."""
    kind, field, low, high = _apart(draw)
    first, second = _some(draw, scene.sources, 2, 2)
    pair: list[Record] = [
        _of_kind(kind, scene, first, scene.day, **{field: low}),
        _of_kind(kind, scene, second, scene.day, **{field: high}),
    ]
    return pair, []


def _self_contradiction(draw: st.DrawFn, scene: _Scene) -> _Injected:
    """One source gives figures for one measure and day whose intervals lie far apart."""
    kind, field, low, high = _apart(draw, totals=False)
    source = _pick(draw, scene.sources)
    pair: list[Record] = [
        _of_kind(kind, scene, source, scene.day, **{field: low}),
        _of_kind(kind, scene, source, scene.day, **{field: high}),
    ]
    return pair, []


def _cumulative_decrease(draw: st.DrawFn, scene: _Scene) -> _Injected:
    """One source's cumulative count falls, the later interval wholly below the earlier."""
    field = draw(st.sampled_from(("killed", "wounded", "captured")))
    before = _consistent_figure(draw, draw(st.integers(100, 100_000)), "person", _LOW_BOUNDED)
    after_truth = max(2, math.floor(before.canonical_low / draw(st.integers(3, 10))))
    after = _consistent_figure(draw, after_truth, "person", _HIGH_BOUNDED)
    later = scene.day + dt.timedelta(days=draw(st.integers(1, 30)))
    source = _pick(draw, scene.sources)
    return [
        _casualties_of(scene, source, scene.day, **{field: before}),
        _casualties_of(scene, source, later, **{field: after}),
    ], []


def _rate(draw: st.DrawFn, scene: _Scene) -> _Injected:
    """One source's depth (or area) grows far faster than the rate check allows."""
    limits = RateCheck()
    field, dimension, per_day = draw(
        st.sampled_from(
            (
                ("depth", "length", limits.max_depth_per_day),
                ("area", "area", limits.max_area_per_day),
            )
        )
    )
    before = _consistent_figure(draw, draw(st.integers(5, 500)), dimension, _HIGH_BOUNDED)
    days = draw(st.integers(1, 3))
    after_truth = 2 * ((before.canonical_high or 0.0) + per_day * days * 3)
    after = _consistent_figure(draw, after_truth, dimension, _LOW_BOUNDED)
    source = _pick(draw, scene.sources)
    later = scene.day + dt.timedelta(days=days)
    return [
        _claim_of(scene, source, scene.day, **{field: before}),
        _claim_of(scene, source, later, **{field: after}),
    ], []


def _unround(n: int) -> int:
    """``n``, or the next number, so that its last digit is not 0."""
    return n + 1 if n % 10 == 0 else n


def _running_total(draw: st.DrawFn, scene: _Scene) -> _Injected:
    """One source's running total moves, from one day to the next, by more than it says."""
    # Totals not round (a round total is read to its last significant digit); the gap
    # beyond the change wider than a round change's own precision.
    total, change = _unround(draw(st.integers(10, 10_000))), draw(st.integers(0, 50))
    later = _unround(total + change + draw(st.integers(10, 100)))
    source = _pick(draw, scene.sources)
    kind = _pick(draw, ("tanks", "drones", "APCs"))

    def loss(day: dt.date, count: Count) -> MaterielLoss:
        return MaterielLoss(
            id="x",
            source=source,
            subject=scene.subject,
            as_of=Span.day(day),
            party="Russia",
            equipment={kind: count},
        )

    return [
        loss(scene.day, Count(total=total)),
        loss(scene.day + dt.timedelta(days=1), Count(total=later, change=change)),
    ], []


def _containment(draw: st.DrawFn, scene: _Scene) -> _Injected:
    """A claim's area at least three times the largest reading of its region's area."""
    whole = _consistent_figure(draw, draw(st.integers(100, 50_000)), "area", _HIGH_BOUNDED)
    area_truth = (whole.canonical_high or 0.0) * draw(st.integers(6, 20))
    area = _consistent_figure(draw, area_truth, "area", _LOW_BOUNDED)
    region = Region(id=scene.region_id, name=_pick(draw, _REGION_NAMES), area=whole)
    source = _pick(draw, scene.sources)
    return [_claim_of(scene, source, scene.day, area=area, region=scene.region_id)], [region]


def _unsupported_allegation(draw: st.DrawFn, scene: _Scene) -> _Injected:
    """An allegation graded credible (1 or 2) with no public evidence."""
    allegation = Allegation(
        id="x",
        source=_pick(draw, scene.sources),
        subject=scene.subject,
        as_of=Span.day(scene.day),
        credibility=draw(st.integers(1, 2)),
        accused=draw(st.none() | st.sampled_from(("Ukraine", "Russia"))),
        act=draw(st.sampled_from(tuple(Act))),
        evidence=Evidence.NONE_PUBLIC,
    )
    return [allegation], []


def _estimative_language(draw: st.DrawFn, scene: _Scene) -> _Injected:
    """An assessment whose likelihood term speaks of confidence."""
    term = draw(
        st.sampled_from(
            ("high confidence", "moderate confidence", "we are confident", "low confidence")
        )
    )
    assessment = Assessment(
        id="x",
        source=_pick(draw, scene.sources),
        subject=scene.subject,
        as_of=Span.day(scene.day),
        proposition=_pick(draw, (None, *_PROPOSITIONS)),
        likelihood=Likelihood(term=term),
    )
    return [assessment], []


_Injector = Callable[[st.DrawFn, _Scene], _Injected]

#: For each check, the kinds of slip it finds that can be injected, by name.
_INJECTORS: Final[Mapping[str, Mapping[str, _Injector]]] = {
    "conversion": {"conversion": _conversion},
    "extent": {"extent": _extent},
    "part-whole": {
        "casualty-part": _part_whole,
        "equipment-part": _equipment_part,
        "single-above-combined": _single_above_combined,
        "singles-short": _singles_short,
        "within": _within,
    },
    "disagreement": {"disagreement": _disagreement},
    "self-contradiction": {"self-contradiction": _self_contradiction},
    "cumulative-decrease": {"cumulative-decrease": _cumulative_decrease},
    "running-total": {"running-total": _running_total},
    "rate": {"rate": _rate},
    "containment": {"containment": _containment},
    "unsupported-allegation": {"unsupported-allegation": _unsupported_allegation},
    "estimative-language": {"estimative-language": _estimative_language},
    "share": {"share-below": _share_below, "share-above": _share_above},
}

#: The ids of the checks :func:`inconsistent_documents` can inject an inconsistency for:
#: every built-in check that reports one (``revision`` only notes a correction).
#:
#: .. versionadded:: 0.1.0
INJECTABLE_CHECKS: Final[tuple[str, ...]] = tuple(_INJECTORS)


@st.composite
def _inconsistent(draw: st.DrawFn, check: str | None, slip: str | None = None) -> Document:
    """A consistent document with one slip of the kind ``check`` finds (any, if ``None``).

    ``slip`` names one of the check's kinds of slip (:data:`_INJECTORS`); any if ``None``.
    """
    model, base = draw(_consistent())
    name = check if check is not None else draw(st.sampled_from(INJECTABLE_CHECKS))
    slips = _INJECTORS[name]
    inject = slips[slip] if slip is not None else slips[_pick(draw, tuple(slips))]
    scene = _Scene(
        subject=_fresh(model.subjects, _pick(draw, _CONSISTENT_SUBJECTS)),
        sources=model.sources,
        day=_pick(draw, model.days),
        region_id=_fresh((r.id for r in base.regions), "region-x"),
    )
    injected, new_regions = inject(draw, scene)
    records_now = list(base.records)
    for record in _numbered(draw, injected, taken=(r.id for r in base.records)):
        records_now.insert(draw(st.integers(0, len(records_now))), record)
    return Document(
        sources=base.sources, records=records_now, regions=(*base.regions, *new_regions)
    )


def inconsistent_documents(check: str | None = None) -> st.SearchStrategy[Document]:
    """Consistent documents with one inconsistency added, of the kind ``check`` finds.

    The document is drawn from :func:`consistent_documents`, and records with one
    inconsistency are inserted among its records, about a subject of their own: the named
    check reports them (at its default severity, a warning or an error), and no check
    reports anything else at warning or above.

    A check that finds several kinds of slip gets any of them: ``part-whole`` a named
    part larger than its total (of a casualty count, or a narrower equipment type of an
    equipment count), a single casualty count larger than a combined count that includes
    it, single counts that cannot add up to their combined count, or a figure larger than
    the one it lies ``within``; ``share`` a figure below or above what its percentage of
    its whole allows.

    Args:
        check: The id of a built-in check, one of :data:`INJECTABLE_CHECKS`
            (``"extent"``, ``"disagreement"``, …); any of them when ``None``.

    Returns:
        A strategy for :class:`~incursion.Document`.

    Raises:
        hypothesis.errors.InvalidArgument: ``check`` is not one of
            :data:`INJECTABLE_CHECKS`.

    .. versionadded:: 0.1.0
    """
    if check is not None and check not in _INJECTORS:
        raise InvalidArgument(
            f"check={check!r} names no check inconsistent_documents can inject an "
            f"inconsistency for: expected None or one of {', '.join(INJECTABLE_CHECKS)}"
        )
    return _inconsistent(check)


def _load_units() -> None:
    """Load pint's unit definitions now, not in the first draw of a user's test.

    Hypothesis times a test's first draws; the definitions take about a second to load, and
    that second would fail its health check ("input generation is slow").
    """
    for dimension in DIMENSIONS:
        Estimate.of(1, CANONICAL_UNITS[dimension]).value  # noqa: B018 - builds the quantity


_load_units()
