"""Unit spellings, figures as text and estimates: :func:`figure_texts` and :func:`estimates`.

Importing this module loads pint's unit definitions, so that a user's first test does not
wait for them.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from typing import Final

import attrs

from incursion._estimates import Conversion, Estimate, Hedge
from incursion._hedges import VAGUE_QUANTITIES
from incursion._units import CANONICAL_UNITS, lookup_unit
from incursion.strategies._draw import InvalidArgument, pick, st
from incursion.strategies._numbers import (
    hedge_words,
    numeral_text,
    range_text,
    render_hedged,
    significant_places,
    write_number,
)

__all__ = [
    "DIMENSIONS",
    "MEASURED_UNITS",
    "SPELLINGS",
    "Written",
    "any_estimate",
    "constructed_estimates",
    "estimates",
    "figure_texts",
    "is_measured",
    "parsed_estimates",
    "spelled",
    "written",
]

# -- units ----------------------------------------------------------------------------------

#: Spellings of the units of each dimension, as news text writes them.
SPELLINGS: Final[Mapping[str, tuple[str, ...]]] = {
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
MEASURED_UNITS: Final[Mapping[str, tuple[str, ...]]] = {
    "area": ("kilometer ** 2", "mile ** 2", "hectare", "acre", "meter ** 2"),
    "length": ("kilometer", "mile", "meter", "yard", "nautical_mile"),
    "mass": ("kilogram", "metric_ton", "pound"),
}

# The dimensions :func:`estimates` and :func:`figure_texts` draw: ``"area"``, ``"length"``,
# ``"mass"``, then the counted things (``"person"``, ``"settlement"``, ``"tank"``, …).
# Documented in docs/api.md: autodoc reads no comment of a name the package imports.
DIMENSIONS: Final[tuple[str, ...]] = tuple(SPELLINGS)


def is_measured(dimension: str) -> bool:
    """Whether figures of ``dimension`` are measured in units (area, length, mass)."""
    return dimension in MEASURED_UNITS


def _dimension(dimension: str | None) -> str | None:
    if dimension is not None and dimension not in SPELLINGS:
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


# -- figures as text ------------------------------------------------------------------------


@attrs.frozen
class Written:
    """A figure as text, with the dimension and unit word it was written in."""

    text: str
    dimension: str
    unit_word: str


def spelled(unit: str) -> str:
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
    other = pick(draw, [u for u in MEASURED_UNITS[dimension] if u != own.name])
    converted = number * own.factor / lookup_unit(other).factor
    return f" ({write_number(converted, significant_places(converted), 'comma')} {spelled(other)})"


def _written_figure(
    draw: st.DrawFn,
    dimension: str | None,
    hedges: tuple[Hedge, ...],
    spellings: Mapping[str, tuple[str, ...]] = SPELLINGS,
    *,
    conversions: bool = True,
) -> Written:
    """A figure as news text writes it: a hedge, a numeral and a unit of ``dimension``.

    With ``conversions``, a measured figure sometimes carries a bracketed conversion into
    another unit ("12 km (7.46 miles)"), correct to the precision it is written to.
    """
    if dimension is None:
        dimension = pick(draw, tuple(spellings))
    count = not is_measured(dimension)
    unit = pick(draw, spellings[dimension])
    hedge = pick(draw, hedges)
    if hedge is Hedge.BETWEEN:
        if count and draw(st.integers(0, 3)) == 0:
            return Written(f"{pick(draw, _VAGUE)} of {unit}", dimension, unit)
        return Written(range_text(draw, unit), dimension, unit)
    numeral = numeral_text(draw, whole=count)
    if hedge is Hedge.EXACT:
        text = f"{numeral} {unit}"
    else:
        word = pick(draw, hedge_words(hedge))
        text = render_hedged(word, numeral, unit, at_end=draw(st.booleans()))
    if conversions and not count and draw(st.integers(0, 3)) == 0:
        text += _bracket(draw, Estimate.parse(text).number, unit, dimension)
    return Written(text, dimension, unit)


_VAGUE: Final = tuple(VAGUE_QUANTITIES)


@st.composite
def written(
    draw: st.DrawFn,
    dimension: str | None = None,
    hedges: tuple[Hedge, ...] = tuple(Hedge),
    spellings: Mapping[str, tuple[str, ...]] = SPELLINGS,
    *,
    conversions: bool = True,
) -> Written:
    """Figures as text, with the dimension and unit word each is written in."""
    return _written_figure(draw, dimension, hedges, spellings, conversions=conversions)


@functools.cache
def _figure_texts(dimension: str | None, hedges: tuple[Hedge, ...]) -> st.SearchStrategy[str]:
    return written(dimension, hedges).map(lambda w: w.text)


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
        dimension = pick(draw, DIMENSIONS)
    count = not is_measured(dimension)
    unit = pick(draw, SPELLINGS[dimension])
    number = float(draw(st.integers(0, 1_000_000)))
    if not count and draw(st.booleans()):
        number = draw(st.integers(0, 10_000_000)) / 100
    hedge = pick(draw, hedges)
    if hedge is not Hedge.BETWEEN and draw(st.booleans()):
        return Estimate.of(number, unit, hedge)
    low = high = None
    if hedge is Hedge.BETWEEN:
        low = number
        high = number + 2 * float(draw(st.integers(0, 10_000)))
        number = (low + high) / 2
    conversions: tuple[Conversion, ...] = ()
    if not count and draw(st.booleans()):
        info, own = lookup_unit(pick(draw, MEASURED_UNITS[dimension])), lookup_unit(unit)
        converted = round(number * own.factor / info.factor, 1)
        conversions = (Conversion(number=converted, unit=info.name, step=0.1),)
    words = hedge_words(hedge)
    return Estimate(
        number=number,
        unit=unit,
        hedge=hedge,
        word=pick(draw, words) if words else None,
        stated_low=low,
        stated_high=high,
        conversions=conversions,
    )


def any_estimate(draw: st.DrawFn, dimension: str | None, hedges: tuple[Hedge, ...]) -> Estimate:
    """An estimate read from a figure's text, or built in Python, half and half."""
    if draw(st.booleans()):
        return _constructed_estimate(draw, dimension, hedges)
    return Estimate.parse(_written_figure(draw, dimension, hedges).text)


@st.composite
def parsed_estimates(
    draw: st.DrawFn, dimension: str | None = None, hedges: tuple[Hedge, ...] = tuple(Hedge)
) -> Estimate:
    """Estimates read from generated figure texts."""
    return Estimate.parse(_written_figure(draw, dimension, hedges).text)


@st.composite
def constructed_estimates(
    draw: st.DrawFn, dimension: str | None = None, hedges: tuple[Hedge, ...] = tuple(Hedge)
) -> Estimate:
    """Estimates built in Python with ``Estimate.of`` or ``Estimate(...)``."""
    return _constructed_estimate(draw, dimension, hedges)


@st.composite
def _any_estimates(draw: st.DrawFn, dimension: str | None, hedges: tuple[Hedge, ...]) -> Estimate:
    return any_estimate(draw, dimension, hedges)


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


def _load_units() -> None:
    """Load pint's unit definitions now, not in the first draw of a user's test.

    Hypothesis times a test's first draws; the definitions take about a second to load, and
    that second would fail its health check ("input generation is slow").
    """
    for dimension in DIMENSIONS:
        Estimate.of(1, CANONICAL_UNITS[dimension]).value  # noqa: B018 - builds the quantity


_load_units()
