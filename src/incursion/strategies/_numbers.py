"""Numerals, number words and hedged numbers, as news text writes them.

The strategies' own number words and numeral styles, the hedge words and where each goes
around a number, ranges, and a value written to the places its precision needs.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Final

from incursion._estimates import Hedge
from incursion._hedges import HEDGE_WORDS, REACHING, TRAILING_HEDGES, VAGUE_QUANTITIES
from incursion._hedges import RANGE_WORDS as GRAMMAR_RANGE_WORDS
from incursion.strategies._draw import pick, st

__all__ = [
    "RANGE_WORDS",
    "SUFFIX_WORDS",
    "hedge_words",
    "number_word",
    "numeral_text",
    "range_text",
    "render_hedged",
    "render_range",
    "significant_places",
    "write_number",
]

# -- numerals -------------------------------------------------------------------------------

# The strategies' own number words, to write numerals; the tests keep another list, as an
# oracle independent of both these strategies and the reader.
_SMALL_WORDS: Final = (
    *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    *("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"),
    *("eighteen", "nineteen"),
)
_TENS_WORDS: Final = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def number_word(n: int) -> str:
    """A whole number from 0 to 99 in words (``"twenty-one"``)."""
    if n < 20:
        return _SMALL_WORDS[n]
    tens, unit = divmod(n, 10)
    return _TENS_WORDS[tens - 2] + (f"-{_SMALL_WORDS[unit]}" if unit else "")


def numeral_text(draw: st.DrawFn, *, whole: bool) -> str:
    """A numeral in any style news text uses; only whole numbers when ``whole``."""
    return _NUMERAL_STYLES[pick(draw, _WHOLE_STYLES if whole else _STYLES)](draw)


def _scaled_numeral(draw: st.DrawFn) -> str:
    """A scaled numeral: "2.5 million", "12 thousand"."""
    word = pick(draw, ("thousand", "million"))
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
    "word": lambda draw: number_word(draw(st.integers(1, 99))),
    "decimal": _decimal_numeral,
}
_STYLES: Final = tuple(_NUMERAL_STYLES)
_WHOLE_STYLES: Final = _STYLES[:-1]


# -- hedges ---------------------------------------------------------------------------------

#: Hedge words that follow the number, as the grammar reads them: after a space
#: (``40 or so km``) or glued to it (``1,000+ people``, ``40-odd``).
SUFFIX_WORDS: Final = tuple(sorted(w for w in TRAILING_HEDGES if w[0].isalpha()))
_GLUED_WORDS: Final = tuple(sorted(w for w in TRAILING_HEDGES if not w[0].isalpha()))
#: The words that join the ends of a range, as the grammar reads them.
RANGE_WORDS: Final = tuple(sorted(GRAMMAR_RANGE_WORDS))


def hedge_words(hedge: Hedge) -> tuple[str, ...]:
    """The words of one hedge class, except range words, vague quantities and verbs.

    Verbs of reaching ("reached", "hit") hedge a figure in running text only by its
    context ("strikes hit 12 towns" counts the towns hit), so a figure drawn to stand
    anywhere in a sentence never starts with one.
    """
    return tuple(
        w
        for w, h in HEDGE_WORDS.items()
        if h is hedge and w not in RANGE_WORDS and w not in VAGUE_QUANTITIES and w not in REACHING
    )


def render_hedged(word: str, number: str, unit: str, *, at_end: bool = False) -> str:
    """Place a (non-range) hedge word where news text puts it."""
    tail = f" {unit}" if unit else ""
    if word in SUFFIX_WORDS:
        if at_end and unit and word not in ("plus", "odd"):
            return f"{number}{tail} {word}"
        return f"{number} {word}{tail}"
    if word in _GLUED_WORDS:
        return f"{number}{word}{tail}"
    return f"{word} {number}{tail}"


def render_range(word: str, low: str, high: str, unit: str) -> str:
    """Write a range with one of the range words."""
    tail = f" {unit}" if unit else ""
    if word in ("between", "and"):
        return f"between {low} and {high}{tail}"
    if word == "from":
        return f"from {low} to {high}{tail}"
    if word in ("to", "or"):
        return f"{low} {word} {high}{tail}"
    return f"{low}{word}{high}{tail}"


def range_text(draw: st.DrawFn, unit: str) -> str:
    """A range of whole numbers in ``unit``, with any range word ("between 10 and 15 km")."""
    low = draw(st.integers(0, 99_999))
    high = low + draw(st.integers(1, 99_999))
    if high % 1000 == 0 and low >= 1 and low * 1000 < high <= low * 10_000:
        high += 1  # "10-15,000" is refused as ambiguous: ten, or ten thousand?
    word = pick(draw, RANGE_WORDS)
    comma = draw(st.booleans())
    low_text, high_text = (f"{n:,}" if comma else str(n) for n in (low, high))
    text = render_range(word, low_text, high_text, unit)
    if word not in ("between", "and", "from") and draw(st.integers(0, 3)) == 0:
        text = f"{pick(draw, ('about', 'around', 'approximately', 'roughly', 'some'))} {text}"
    return text


# -- values written to a precision ----------------------------------------------------------


def significant_places(value: float) -> int:
    """Decimal places that write ``value`` to at least three significant figures."""
    return max(0, 2 - math.floor(math.log10(value))) if value > 0 else 0


def write_number(value: float, decimals: int, style: str) -> str:
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
