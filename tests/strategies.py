"""Hypothesis strategies for the tests: :mod:`incursion.strategies`, and what only tests need.

The strategies users get ship in :mod:`incursion.strategies`, and the tests draw from them
(re-exported here).  What stays here is for the tests alone:

- numerals with the value each stands for, written from our own list of number words: a
  test oracle, kept apart from both the reader (``incursion._numerals``) and the shipped
  strategies' own words, so that "the number read is the number written" is checked
  against something neither of them wrote;
- the unit spellings the laws in ``test_properties.py`` are written for (some laws swap
  one spelling for another, or skip the units they do not cover), and the unit tables
  those laws use;
- :func:`figure_texts`, drawing the shipped figures as text in those spellings, with the
  dimension and unit word each is written in;
- :data:`KINDS` and :func:`documents` taking record kinds by name, as the round-trip
  tests are parametrised.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

import attrs
from hypothesis import strategies as st

from incursion import (
    Allegation,
    Assessment,
    CasualtyReport,
    Document,
    Estimate,
    Hedge,
    Record,
    TerritorialClaim,
)
from incursion.strategies import documents as _documents
from incursion.strategies import estimates, spans
from incursion.strategies._figures import Written, written
from incursion.strategies._figures import constructed_estimates as _constructed_estimates
from incursion.strategies._figures import parsed_estimates as _parsed_estimates
from incursion.strategies._numbers import RANGE_WORDS, hedge_words, render_hedged

__all__ = [
    "COUNT_DIMENSIONS",
    "KINDS",
    "MEASURED_DIMENSIONS",
    "MEASURED_UNITS",
    "NUMBER_WORDS",
    "RANGE_WORDS",
    "SAME_UNIT",
    "STYLES",
    "TENS_WORDS",
    "UNIT_SPELLINGS",
    "Figure",
    "Numeral",
    "constructed_estimates",
    "documents",
    "estimates",
    "figure_texts",
    "hedge_words",
    "number_word",
    "numerals",
    "parsed_estimates",
    "render_hedged",
    "spans",
]

# -- numerals: a test oracle ----------------------------------------------------------------


@attrs.frozen
class Numeral:
    """A numeral as written and the value it stands for."""

    text: str
    value: float
    style: str


# The tests' own number words, independent of the reader's and of incursion.strategies'.
NUMBER_WORDS: Final = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)
TENS_WORDS: Final = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")

#: The styles :func:`numerals` renders; ``decimal`` is left out for counts.
STYLES: Final = ("comma", "space", "plain", "decimal", "scaled", "word")
WHOLE_STYLES: Final = ("comma", "space", "plain", "scaled", "word")


def _comma() -> st.SearchStrategy[Numeral]:
    return st.integers(1_000, 9_999_999).map(lambda n: Numeral(f"{n:,}", float(n), "comma"))


def _space() -> st.SearchStrategy[Numeral]:
    return st.integers(1_000, 9_999_999).map(
        lambda n: Numeral(f"{n:,}".replace(",", " "), float(n), "space")
    )


def _plain() -> st.SearchStrategy[Numeral]:
    return st.integers(1, 99_999).map(lambda n: Numeral(str(n), float(n), "plain"))


@st.composite
def _decimal(draw: st.DrawFn) -> Numeral:
    places = draw(st.integers(1, 2))
    whole = draw(st.integers(0, 9_999))
    fraction = draw(st.integers(1, 10**places - 1))
    text = f"{whole}.{fraction:0{places}d}"
    return Numeral(text, float(text), "decimal")


@st.composite
def _scaled(draw: st.DrawFn) -> Numeral:
    word, scale = draw(st.sampled_from((("thousand", 1_000), ("million", 1_000_000))))
    if draw(st.booleans()):
        tenths = draw(st.integers(11, 99).filter(lambda n: n % 10))
        return Numeral(f"{tenths // 10}.{tenths % 10} {word}", tenths * scale // 10, "scaled")
    whole = draw(st.integers(1, 99))
    return Numeral(f"{whole} {word}", float(whole * scale), "scaled")


def number_word(n: int) -> str:
    """Write a whole number from 0 to 99 in words (``"twenty-one"``)."""
    if n < 20:
        return NUMBER_WORDS[n]
    tens, unit = divmod(n, 10)
    return TENS_WORDS[tens - 2] + (f"-{NUMBER_WORDS[unit]}" if unit else "")


def _word() -> st.SearchStrategy[Numeral]:
    return st.integers(1, 99).map(lambda n: Numeral(number_word(n), float(n), "word"))


_STYLE_STRATEGIES: Final = {
    "comma": _comma,
    "space": _space,
    "plain": _plain,
    "decimal": _decimal,
    "scaled": _scaled,
    "word": _word,
}


def numerals(*, whole: bool = False) -> st.SearchStrategy[Numeral]:
    """Numerals in every style we read; only whole numbers when ``whole``."""
    styles = WHOLE_STYLES if whole else STYLES
    return st.one_of(*(_STYLE_STRATEGIES[s]() for s in styles))


# -- units the laws are written for ---------------------------------------------------------

#: Spellings of units per dimension key, as news text writes them.
UNIT_SPELLINGS: Final[dict[str, tuple[str, ...]]] = {
    "area": ("square kilometres", "sq km", "km²", "km2", "square miles", "sq mi", "hectares"),
    "length": ("kilometres", "kilometers", "km", "miles"),
    "person": ("people", "civilians"),
    "settlement": ("settlements",),
    "strike": ("strikes",),
    "tank": ("tanks",),
}
#: Different spellings of one unit, for the unit-invariance law.
SAME_UNIT: Final[dict[str, tuple[str, ...]]] = {
    "kilometer ** 2": ("square kilometres", "sq km", "km²", "km2", "square kilometers"),
    "mile ** 2": ("square miles", "sq mi", "sq miles"),
    "kilometer": ("kilometres", "kilometers", "km"),
    "mile": ("miles", "mi"),
}
#: The pint unit names of the units of each measured dimension, for ``Estimate.to``.
MEASURED_UNITS: Final[dict[str, tuple[str, ...]]] = {
    "area": ("kilometer ** 2", "mile ** 2", "hectare", "acre", "meter ** 2"),
    "length": ("kilometer", "mile", "meter", "yard", "nautical_mile"),
}
COUNT_DIMENSIONS: Final = ("person", "settlement", "strike", "tank")
MEASURED_DIMENSIONS: Final = ("area", "length")

# -- the shipped strategies, as the tests use them ------------------------------------------

# RANGE_WORDS, hedge_words and render_hedged are the shipped strategies' own (imported
# above): ranges are written with the range words, which alone hedge nothing.

#: A figure as text, with ``.text``, ``.dimension`` and ``.unit_word``.
Figure = Written


def figure_texts(
    dimension: str | None = None, hedges: tuple[Hedge, ...] = tuple(Hedge)
) -> st.SearchStrategy[Figure]:
    """The shipped figures as text, in :data:`UNIT_SPELLINGS` and with no brackets.

    Tests append brackets of their own and swap unit words, so the figures here have none.
    """
    return written(dimension, hedges, UNIT_SPELLINGS, conversions=False)


def parsed_estimates(
    dimension: str | None = None, hedges: tuple[Hedge, ...] = tuple(Hedge)
) -> st.SearchStrategy[Estimate]:
    """Estimates read from the shipped figure texts."""
    return _parsed_estimates(dimension, hedges)


def constructed_estimates(dimension: str | None = None) -> st.SearchStrategy[Estimate]:
    """Estimates built in Python with ``Estimate.of`` or ``Estimate(...)``."""
    return _constructed_estimates(dimension)


_BY_KIND: Final[dict[str, type[Record]]] = {
    cls.kind: cls for cls in (TerritorialClaim, CasualtyReport, Allegation, Assessment)
}
#: The record kinds, by the names documents give them.
KINDS: Final = tuple(_BY_KIND)


def documents(kinds: Iterable[str] = KINDS) -> st.SearchStrategy[Document]:
    """:func:`incursion.strategies.documents`, with record kinds named as documents name them."""
    return _documents(kinds=[_BY_KIND[k] for k in kinds])
