"""Our own numeral reader: digits with separators, decimals, scale words and number words.

pint's expression parser is never used for numbers: it reads ``"1 000 km"`` as 0 km and
``"1,5 km"`` as 15 km, and it hangs on ``"10**10**10 km"``.  Here a numeral is matched by
a closed grammar and its implied precision (one unit of the last significant digit) is
kept beside its value.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

import attrs

from incursion._tokens import AMBIGUOUS_PATTERN, DIGITS_PATTERN, digits_value
from incursion._units import ONE_OF
from incursion._validation import quoted
from incursion.exceptions import ParseError

__all__ = [
    "NUMBER_WORDS",
    "NUMERAL_PATTERN",
    "SCALE_WORDS",
    "Numeral",
    "alternatives",
    "ambiguity",
    "digits_numeral",
    "implied_step",
    "parse_numeral",
]

_SMALL: Final[dict[str, int]] = {
    word: n
    for n, word in enumerate(
        [
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
        ]
    )
}
_TENS: Final[dict[str, int]] = {
    word: 10 * n
    for n, word in enumerate(
        ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"], 2
    )
}
#: The scale words after a number, by their factor: "hundred", "thousand", "million", "k".
SCALE_WORDS: Final[dict[str, int]] = {
    "hundred": 100,
    "thousand": 1_000,
    "k": 1_000,
    "million": 1_000_000,
    "mln": 1_000_000,
    "mn": 1_000_000,
    "billion": 1_000_000_000,
    "bn": 1_000_000_000,
}
#: The number words, by their value: "zero" to "nineteen", and the tens.  Every reader
#: of number words (the grammar, the extractor's context rules) takes them from here.
NUMBER_WORDS: Final[dict[str, int]] = {**_SMALL, **_TENS}


def alternatives(words: Iterable[str]) -> str:
    """Words as alternatives of a pattern, longer first: "fourteen" is not "four".

    The words are put in as they are: escape any that are not plain words.
    """
    return "|".join(sorted(words, key=len, reverse=True))


_UNITS_PATTERN: Final = alternatives(w for w, n in _SMALL.items() if 0 < n < 10)
_WORD = (  # whole words only
    rf"(?:(?:{alternatives(_TENS)})(?:[- ](?:{_UNITS_PATTERN})\b)?|{alternatives(_SMALL)})\b"
)
# "a" and "an" are one before a scale ("a hundred") and before a unit of measure ("a mile").
_ONE_OF: Final = alternatives(map(re.escape, ONE_OF))
#: The numeral grammar, for use inside larger patterns (named groups ``digits``,
#: ``word``, ``dozen`` and ``scale``).
NUMERAL_PATTERN: Final = (
    rf"(?:(?P<digits>{DIGITS_PATTERN})"
    r"|(?P<dozen>(?:a|one|two|three|four|five|six|half\ a)\ dozen)"
    r"|(?P<half>half\ an?|(?:a|one)\ quarter(?:\ of\ an?)?|three\ quarters(?:\ of\ an?)?)"
    rf"(?=\ (?:hundred|thousand|million|billion|{_ONE_OF})\b)"
    rf"|(?P<word>{_WORD}|an?(?=\ (?:hundred|thousand|million|billion|{_ONE_OF})\b))"
    rf"(?:\ hundred(?:\ and)?\ (?P<hundreds>{_WORD}))?)"  # "one hundred and fifty"
    r"(?:\ ?(?P<scale>hundred|thousand|million|mln|mn|billion|bn|k)\b)?"
)
_NUMERAL: Final = re.compile(NUMERAL_PATTERN + r"$", re.IGNORECASE | re.ASCII)
_MAX_LENGTH: Final = 40
_MAX_DIGITS: Final = 15  # a float holds 15 significant digits exactly


@attrs.frozen
class Numeral:
    """A number as written: its value and its implied precision.

    Attributes:
        value: The number.
        step: One unit of its last significant digit (``1,000`` → 100, ``7.5`` → 0.1);
            words for numbers are read like the digits (``twelve`` → 1).
    """

    value: float
    step: float


def implied_step(digits: str, decimals: int, min_significant: int = 2) -> float:
    """Return one unit of the last significant digit of an integer or decimal numeral.

    Trailing zeros of a round integer count as significant down to ``min_significant``
    figures: ``"1000"`` → 100, ``"121000"`` → 1,000, ``"12"`` → 1.

    Args:
        digits: The integer digits, without separators.
        decimals: How many digits were written after the decimal point.
        min_significant: The fewest significant figures a round integer is read to.
    """
    if decimals:
        return 10.0**-decimals
    stripped = digits.lstrip("0") or "0"
    zeros = len(stripped) - len(stripped.rstrip("0"))
    significant = max(len(stripped) - zeros, min(min_significant, len(stripped)))
    return float(10 ** (len(stripped) - significant))


def parse_numeral(text: str, min_significant: int = 2) -> Numeral:
    """Read a numeral: ``"1,000"``, ``"1 000"``, ``"7.5"``, ``"1.2 million"``, ``"twelve"``.

    Raises:
        ParseError: The text is not a numeral we read (including ambiguous forms such as
            ``"1,5"`` or ``"1.000.000"``).
    """
    stripped = text.strip()
    if len(stripped) > _MAX_LENGTH:
        raise ParseError(f"expected a number, got {quoted(text)}")
    match = _NUMERAL.match(stripped)
    if match is None and (why := ambiguity(stripped)):
        raise ParseError(why)
    if match is None:
        raise ParseError(f"expected a number such as 1,000 or 7.5 or twelve, got {quoted(text)}")
    return numeral_from_match(match, min_significant)


def numeral_from_match(
    match: re.Match[str], min_significant: int = 2, scale: int | None = None
) -> Numeral:
    """Build a :class:`Numeral` from a match of :data:`NUMERAL_PATTERN`.

    ``scale`` is the factor its scale word gives; given, it stands for the one written
    (the first end of "1.5-2 million" takes the second's).
    """
    if scale is None:
        scale = SCALE_WORDS[match["scale"].lower()] if match["scale"] else 1
    if match["digits"]:
        return digits_numeral(match["digits"], scale, min_significant)
    if match["dozen"]:
        count = match["dozen"].lower().rsplit(" ", 1)[0]
        items = 6 if count == "half a" else 12 * (1 if count in ("a", "one") else _SMALL[count])
        return Numeral(value=float(items * scale), step=implied_step(str(items * scale), 0))
    if match["half"]:  # "half a million", "a quarter of a million", "half a mile"
        said = match["half"].lower()
        part = 0.5 if said.startswith("half") else 0.75 if "three" in said else 0.25
        value = scale * part
        if scale == 1:  # "half a mile" is read as "0.5 mile" is
            decimals = len(str(part)) - 2
            return Numeral(value=value, step=implied_step("0", decimals, min_significant))
        return Numeral(value=value, step=implied_step(str(int(value)), 0, min_significant))
    word = match["word"].lower()
    value = 1 if word in ("a", "an") else _word_value(word)
    if match["hundreds"]:
        value = value * 100 + _word_value(match["hundreds"].lower())
    value *= scale
    return Numeral(value=float(value), step=implied_step(str(value), 0, min_significant))


def digits_numeral(raw: str, scale: int = 1, min_significant: int = 2) -> Numeral:
    """The number digits write, times ``scale`` ("1.2" and a million: 1,200,000 ± 50,000)."""
    whole, fraction = digits_value(raw)
    if len(whole) > _MAX_DIGITS or len(fraction) > _MAX_DIGITS:
        raise ParseError(f"number {raw[:40]!r}… has more digits than a figure can hold")
    # Integer arithmetic, one rounding: 8.3 million is 8,300,000, not 8300000.000000001.
    whole = whole or "0"  # ".5"
    value = int(whole + fraction) * scale / 10 ** len(fraction)
    if scale == 1:
        step = implied_step(whole, len(fraction), min_significant)
    elif fraction:
        step = scale / 10 ** len(fraction)
    else:
        step = implied_step(str(int(whole) * scale), 0, min_significant)
    return Numeral(value=value, step=step)


def _word_value(word: str) -> int:
    tens, _, unit = word.replace("-", " ").partition(" ")
    return _TENS[tens] + _SMALL[unit] if unit else _TENS.get(tens, _SMALL.get(tens, 0))


def ambiguity(text: str) -> str | None:
    """Say why a numeral at the start of ``text`` is ambiguous, or return ``None``."""
    match = AMBIGUOUS_NUMERAL.match(text)
    if match is None:
        return None
    return (
        f"ambiguous number {match[0]!r}: write thousands with commas (1,500) and decimals "
        "with a point (1.5) or a comma (1,5)"
    )


#: A run of digits that reads more than one way ("1.000.000", "2.500", "1,2345").
AMBIGUOUS_NUMERAL: Final = re.compile(AMBIGUOUS_PATTERN)
