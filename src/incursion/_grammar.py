"""The figure grammar: how the words of a figure are read, in documents and articles alike.

The hedge classes and their words, the patterns of a figure's parts (a hedge before or
after the number, a range, a scale, brackets) and the readers of the words after a number
(a unit, a counted noun and the words that describe it).  :class:`~incursion.Estimate`
reads a figure's text with :func:`read_figure`, and :func:`~incursion.extract` reads
running text with the same vocabulary and patterns.  It builds on the numerals and the
units, and on nothing above them.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Final, NamedTuple

import attrs

from incursion._numerals import (
    NUMBER_WORDS,
    NUMERAL_PATTERN,
    SCALE_WORDS,
    Numeral,
    alternatives,
    ambiguity,
    numeral_from_match,
    parse_numeral,
)
from incursion._units import (
    UnitInfo,
    lookup_unit,
    open_count,
    resolve_unit,
    unit_or_none,
)
from incursion._validation import quoted
from incursion.exceptions import IncursionError, ParseError, UnitError


class Hedge(enum.StrEnum):
    """The class of a hedge: how the wording bounds the figure.

    .. versionadded:: 0.1.0
    """

    #: A bare figure, read to its implied precision.
    EXACT = "exact"
    #: About, around, approximately, roughly, some, circa — ± a relative margin.
    ABOUT = "about"
    #: Nearly, almost, close to, just under — below the value by up to the margin.
    NEARLY = "nearly"
    #: At least, no fewer than, a minimum of — the value or more.
    AT_LEAST = "at-least"
    #: More than, over, upwards of, in excess of, exceeded, v-plus — above the value.
    MORE_THAN = "more-than"
    #: Up to, as many as, at most, no more than — from zero to the value.
    UP_TO = "up-to"
    #: Fewer than, less than, under, below — from zero to below the value.
    FEWER_THAN = "fewer-than"
    #: Between a and b, a–b, a to b — that range; "about a–b" widens both ends.
    BETWEEN = "between"


#: How vague quantities are read: "dozens of civilians" is between 24 and 99 people.  Each
#: runs from two of its unit (or the least the words allow) to just below the next word up,
#: so "dozens" never overlaps "hundreds".
VAGUE_QUANTITIES: Final[Mapping[str, tuple[int, int]]] = {
    "dozens": (24, 99),
    "a few dozen": (24, 60),
    "several dozen": (36, 108),
    "scores": (40, 99),
    "hundreds": (200, 999),
    "a few hundred": (200, 500),
    "several hundred": (300, 900),
    "thousands": (2_000, 9_999),
    "a few thousand": (2_000, 5_000),
    "several thousand": (3_000, 9_000),
    "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999),
    "millions": (2_000_000, 9_999_999),
    "tens of millions": (20_000_000, 99_999_999),
}
#: Verbs of reaching: "the toll reached 120", "hit 120" say the count got there, so at
#: least 120.  In running text they hedge only a level, never the verb's own object: in
#: "strikes hit 12 towns" the 12 towns are what was hit (see :mod:`incursion._extract`).
REACHING: Final = frozenset({"reached", "reaches", "reaching", "hit", "hits"})

#: Every hedge word we read, lower case, mapped to its class.  Longer phrases win.
HEDGE_WORDS: Final[Mapping[str, Hedge]] = {
    **dict.fromkeys(
        (
            "about",
            "around",
            "approximately",
            "approx.",
            "approx",
            "roughly",
            "some",
            "circa",
            "ca.",
            "c.",
            "an estimated",
            "estimated",
            "~",
            "≈",
            "round about",
            "in the region of",
            "of the order of",
            "on the order of",
            "or so",
            "-odd",
            "odd",
            "more or less",
        ),
        Hedge.ABOUT,
    ),
    **dict.fromkeys(
        (
            "nearly",
            "almost",
            "close to",
            "just under",
            "just below",
            "just short of",
            "not quite",
            "shy of",
            "just shy of",
        ),
        Hedge.NEARLY,
    ),
    **dict.fromkeys(
        (
            "at least",
            "no fewer than",
            "no less than",
            "a minimum of",
            "not less than",
            "not fewer than",
            "≥",
            ">=",
            "or more",
            "at a minimum",
            "as few as",
            "as little as",
            *sorted(REACHING),
        ),
        Hedge.AT_LEAST,
    ),
    **dict.fromkeys(
        (
            "more than",
            "over",
            "upwards of",
            "in excess of",
            "upward of",
            "exceeded",
            "exceeding",
            "exceeds",
            "exceed",
            "surpassed",
            "surpassing",
            "surpasses",
            "topped",
            "topping",
            "tops",
            "above",
            "just over",
            "well over",
            "greater than",
            "+",
            "-plus",
            "plus",
            ">",
            "north of",
            "beyond",
        ),
        Hedge.MORE_THAN,
    ),
    **dict.fromkeys(
        (
            "up to",
            "as many as",
            "at most",
            "no more than",
            "a maximum of",
            "not more than",
            "≤",
            "<=",
            "or fewer",
            "or less",
            "as much as",
            "at the most",
            "as high as",
            "within",
        ),
        Hedge.UP_TO,
    ),
    **dict.fromkeys(
        ("fewer than", "less than", "under", "below", "<", "well under", "well below"),
        Hedge.FEWER_THAN,
    ),
    **dict.fromkeys(("between", "from", "-", "–", "—", "to", "and", "or"), Hedge.BETWEEN),
    **dict.fromkeys(VAGUE_QUANTITIES, Hedge.BETWEEN),
}


#: The hedge words written after the number: "40 or so", "40-odd", "40+", "40 or more".
TRAILING_HEDGES: Final = frozenset(
    {"or so", "-odd", "odd", "or more", "or fewer", "or less", "+", "-plus", "plus"}
)
#: The words that join the ends of a range: "10 to 12", "10–12", "two or three".
RANGE_WORDS: Final = frozenset({"between", "from", "-", "–", "—", "to", "and", "or"})
HEDGE_PREFIXES: Final = tuple(
    sorted(
        (
            w
            for w in HEDGE_WORDS
            if w not in TRAILING_HEDGES
            and w not in RANGE_WORDS - {"between", "from"}
            and w not in VAGUE_QUANTITIES
        ),
        key=len,
        reverse=True,
    )
)
_PREFIX_RE: Final = re.compile(
    r"^(?P<hedge>"
    + "|".join(
        re.escape(w) + (r"(?=[\s\d])" if w[-1].isalpha() or w[-1] == "." else "")
        for w in HEDGE_PREFIXES
    )
    + r")\s*",
    re.IGNORECASE | re.ASCII,
)
#: A number, in digits or in words (see :mod:`incursion._numerals`), for ``.match()``.
NUMBER_RE: Final = re.compile(NUMERAL_PATTERN, re.IGNORECASE | re.ASCII)
#: What joins the ends of a range after a unit: "10km to 15km", "2km-3km".
UNIT_RANGE_SEPARATOR: Final = r"-|–|—|\bto\b"
#: What joins the ends of a range: a dash, "to", "and" (after "between"), or "or" that is no
#: hedge ("two or three drones", not "40 or so").
RANGE_SEPARATOR: Final = rf"{UNIT_RANGE_SEPARATOR}|\band\b|\bor\b(?!\s+(?:so|more|fewer|less)\b)"
_RANGE_RE: Final = re.compile(rf"^\s*(?P<sep>{RANGE_SEPARATOR})\s*", re.IGNORECASE | re.ASCII)
#: The hedges written as "or …" after a figure: "40 or so", "40 km or more".
OR_HEDGE_PATTERN: Final = r"or\s+(?:so|more|fewer|less)\b"
#: A hedge written right after the number, as both readers of figures read it: "40+",
#: "40-plus", "40-odd", "40 or so km" (groups ``plus``, ``odd`` and ``tail``).
HEDGE_AFTER: Final = re.compile(
    rf"\s*(?:(?P<plus>\+|-?plus\b)|(?P<odd>-?odd\b)|(?P<tail>{OR_HEDGE_PATTERN}))",
    re.IGNORECASE | re.ASCII,
)
#: An "or …" hedge after a figure's unit: "40 km or more".
TAIL_HEDGE_PATTERN: Final = rf"\s+(?P<hedge>{OR_HEDGE_PATTERN})"
_TAIL_RE: Final = re.compile(rf"{TAIL_HEDGE_PATTERN}$", re.IGNORECASE | re.ASCII)
#: A bracket after a figure, round or square, with nothing nested in it: its words are
#: ``inner`` or ``square`` (see :func:`bracketed`).  Read by both readers.
BRACKET_PATTERN: Final = r"\s*(?:\((?P<inner>[^()\[\]]*)\)|\[(?P<square>[^()\[\]]*)\])"
_BRACKET_RE: Final = re.compile(BRACKET_PATTERN)


def bracketed(bracket: re.Match[str]) -> str:
    """The words inside a bracket matched by :data:`BRACKET_PATTERN`."""
    inner: str = bracket["inner"] if bracket["inner"] is not None else bracket["square"]
    return inner


# "1,000" has no space after its comma, and "km/h" none around its slash.
ALTERNATIVES_RE: Final = re.compile(
    r"\s*;\s*|\s+or\s+(?!(?:so|more|fewer|less)\b)|\s+/\s+|,\s+", re.IGNORECASE
)
_UNIT_THEN_RANGE_RE: Final = re.compile(
    rf"\s*(?P<unit>[^\d().,;:]{{1,30}}?)\s*(?P<sep>{UNIT_RANGE_SEPARATOR}|\band\b)\s*"
    rf"(?=[\d.]|(?:{alternatives([*NUMBER_WORDS, 'an?', 'half'])})\b)",
    re.IGNORECASE | re.ASCII,
)
OR_RE: Final = re.compile(r"^\s*or\s+", re.IGNORECASE)
#: "m" or "M" for million right after a number: "1.2m people" (groups ``space``, ``upper``).
MILLIONS_PATTERN: Final = r"(?P<space>\s?)(?:m|(?P<upper>M))\b"
#: A number with an "m" of million after it: million only when a unit follows the figure
#: ("1.2m people", "1.2-1.5m people"), metres otherwise ("300m", "300m to 400m").
_NUMBER_M_RE: Final = re.compile(
    rf"(?:{NUMERAL_PATTERN})(?P<million>{MILLIONS_PATTERN})?", re.IGNORECASE | re.ASCII
)
#: The vague quantities as a pattern, longest first, for use inside larger patterns.
VAGUE_PATTERN: Final = "|".join(
    w.replace(" ", r"\s+") for w in sorted(VAGUE_QUANTITIES, key=len, reverse=True)
)
#: The "of" after a vague quantity, with the determiner of what it counts: "dozens of its
#: commanders", "hundreds of the wounded".
VAGUE_OF: Final = r"\s+of(?:\s+(?:its|their|his|her|our|the|these|those))?\b"
_VAGUE_RE: Final = re.compile(
    rf"(?P<vague>{VAGUE_PATTERN})\b(?:{VAGUE_OF})?\s*",
    re.IGNORECASE | re.ASCII,
)


def split_brackets(text: str) -> tuple[str, list[str], str]:
    """Split ``text`` into the figure, its bracketed conversions and any words after them.

    Square brackets are brackets too: "800 square kilometers [309 square miles]".
    """
    start = min((i for i in (text.find("("), text.find("[")) if i >= 0), default=-1)
    if start < 0:
        if ")" in text or "]" in text:
            raise ParseError(f"unbalanced brackets in {quoted(text)}")
        return text, [], ""
    body, rest = text[:start], text[start:]
    brackets = []
    pos = 0
    while match := _BRACKET_RE.match(rest, pos):
        brackets.append(bracketed(match))
        pos = match.end()
    trailing = rest[pos:].strip(" .,;:")
    if any(mark in trailing for mark in "()[]"):
        raise ParseError(
            f"expected a figure with at most one level of brackets, got {quoted(text)}"
        )
    return body, brackets, trailing


NOUN_RE: Final = re.compile(r"^[^\W\d_]+(?:[ -][^\W\d_]+){0,3}$")


class Figure(NamedTuple):
    number: float
    unit: str
    hedge: Hedge
    word: str | None
    step: float
    low: float | None
    high: float | None
    adjectival: bool


@attrs.define
class _Said:
    """A figure's words while they are read: what is left, and the hedge read so far."""

    rest: str
    text: str  # the whole text, for messages
    min_significant: int = 2
    hedge: Hedge = Hedge.EXACT
    word: str | None = None
    ranged: bool = False  # "between" follows the hedge: a range must follow
    numbers: re.Pattern[str] = NUMBER_RE  # the numbers, with an "m" of million or not
    millions: bool = False  # an "m" was read as million: a unit must follow

    def hedged(self, word: str, hedge: Hedge | None = None) -> None:
        """Take a hedge word (of its class, unless ``hedge`` says); a second is an error."""
        if self.word is not None:
            raise ParseError(f"two hedges in {quoted(self.text)}")
        self.word = word
        self.hedge = HEDGE_WORDS[word.lower()] if hedge is None else hedge


def read_figure(
    body: str, text: str, min_significant: int, *, unit: str | None = None, tail: str = ""
) -> Figure:
    """Read a figure's words: its hedge, its number or range, and its unit.

    Args:
        body: The words, without their brackets.
        text: The whole text, for messages.
        min_significant: The fewest significant figures a round number is read to.
        unit: The unit, when the caller has read the words after the number already (a
            reader of running text): ``body`` then ends at the number (and its "m" of
            million, its hedge after it), and ``tail`` holds a hedge after the unit ("or
            so").
        tail: See ``unit``.
    """
    try:
        return _read_figure(body, text, min_significant, unit, tail, millions=True)
    except _NoMillions:
        return _read_figure(body, text, min_significant, unit, tail, millions=False)


class _NoMillions(Exception):  # noqa: N818 - a signal, not an error: read "m" as metres
    """An "m" after a number was read as million, and no unit follows: read it again."""


def _read_figure(
    body: str, text: str, min_significant: int, unit: str | None, tail: str, *, millions: bool
) -> Figure:
    said = _Said(" ".join(body.split()).rstrip(" .,;:"), text, min_significant)
    said.numbers = _NUMBER_M_RE if millions else NUMBER_RE
    try:
        figure = _read_said(said, min_significant, unit, tail)
    except IncursionError:
        if said.millions:
            raise _NoMillions from None
        raise
    if said.millions and not figure.unit and unit is None:  # the caller read no unit
        raise _NoMillions
    return figure


def _read_said(said: _Said, min_significant: int, unit: str | None, tail_words: str) -> Figure:
    text = said.text
    if unit is not None and tail_words.strip():
        tail = _TAIL_RE.search(" " + " ".join(tail_words.split()))
        if tail is None:
            raise ParseError(f"expected a hedge such as 'or so' after the unit in {quoted(text)}")
        said.hedged(tail["hedge"])
    elif tail := _TAIL_RE.search(said.rest):
        said.hedged(tail["hedge"])
        said.rest = said.rest[: tail.start()]
    if prefix := _PREFIX_RE.match(said.rest):
        said.hedged(prefix["hedge"])
        said.rest = said.rest[prefix.end() :]
        if said.hedge is Hedge.ABOUT and (opened := _BETWEEN_RE.match(said.rest)):
            said.rest, said.ranged = said.rest[opened.end() :], True  # "roughly between"
    said.rest = _ARTICLE_RE.sub("", said.rest, count=1)  # "a 40-kilometre front"
    if vague := _VAGUE_RE.match(said.rest):  # "dozens of civilians", "tens of thousands"
        return _vague_figure(said, vague, unit)
    first = said.numbers.match(said.rest)
    if first is None or ambiguity(said.rest):
        why = ambiguity(said.rest)
        raise ParseError(
            f"{why} in {quoted(text)}"
            if why
            else f"expected a figure such as 'about 1,000 km²', got {quoted(text)}"
        )
    said.rest = said.rest[first.end() :]
    numeral, low, high = _range_of(said, first, _numeral(said, first, min_significant))
    if suffix := HEDGE_AFTER.match(said.rest):
        hedge = None if suffix["tail"] else Hedge.MORE_THAN if suffix["plus"] else Hedge.ABOUT
        said.hedged(suffix[0].strip(), hedge)
        said.rest = said.rest[suffix.end() :]
    adjectival = said.rest.startswith("-") and not said.rest.startswith("- ")
    if unit is None:
        unit = _unit_words(said.rest.lstrip("-").strip(), text, adjectival=adjectival)
    elif said.rest.strip():
        raise ParseError(f"expected the unit after the number in {quoted(text)}")
    number = (low + high) / 2 if low is not None and high is not None else numeral.value
    return Figure(number, unit, said.hedge, said.word, numeral.step, low, high, adjectival)


def _numeral(said: _Said, match: re.Match[str], min_significant: int) -> Numeral:
    """The number a match of the figure's numbers reads, in millions after an "m"."""
    numeral = numeral_from_match(match, min_significant)
    if said.numbers is NUMBER_RE or not match["million"]:
        return numeral
    if match["scale"] or not match["digits"]:  # "2 thousand m": metres after all
        raise ParseError(f"expected a unit after {match[0]!r} in {quoted(said.text)}")
    said.millions = True
    return Numeral(value=numeral.value * 1_000_000, step=numeral.step * 1_000_000)


def _vague_figure(said: _Said, vague: re.Match[str], unit: str | None) -> Figure:
    """A vague quantity read as its fixed range: "dozens of civilians" is 24–99 people."""
    if said.word is not None:
        raise ParseError(f"two hedges in {quoted(said.text)}")
    words = " ".join(vague["vague"].split())
    low_end, high_end = VAGUE_QUANTITIES[words.lower()]
    if unit is None:
        unit = _unit_words(said.rest[vague.end() :].strip(), said.text)
    return Figure(
        (low_end + high_end) / 2,
        unit,
        Hedge.BETWEEN,
        words,
        1.0,
        float(low_end),
        float(high_end),
        adjectival=False,
    )


def _range_of(
    said: _Said, first: re.Match[str], numeral: Numeral
) -> tuple[Numeral, float | None, float | None]:
    """The range that follows the first number, if one does: the first end, low and high."""
    text, rest, min_significant = said.text, said.rest, said.min_significant
    rng, range_unit = _range_start(said)
    if rng and (why := ambiguity(rest[rng.end() :])):
        raise ParseError(f"{why} in {quoted(text)}")
    second = said.numbers.match(rest, rng.end()) if rng else None
    if rng is None or second is None:
        if said.hedge is Hedge.BETWEEN or said.ranged:
            raise ParseError(
                f"expected a second number after {'between' if said.ranged else said.word!r} "
                f"in {quoted(text)}"
            )
        return numeral, None, None
    _range_hedge(said, rng["sep"])
    other = _numeral(said, second, min_significant)
    if _scaled(second) and not _scaled(first):
        # "1.5-2 million", "1,000-1,500 million" and "1.2-1.5m": one scale for both; but
        # "250,000 to 2 million", which shared would run backwards, has its own.
        shared = _shared_scale(first, second, min_significant)
        if shared.value <= other.value:
            numeral = shared
    _refuse_ambiguous_thousands(first, second, numeral, other, text)
    said.rest = rest[second.end() :]
    if range_unit:
        numeral = _in_unit_of_second(numeral, range_unit, said.rest, text)
    if other.value < numeral.value:
        raise ParseError(f"the range in {quoted(text)} runs backwards")
    if said.word is None:
        said.word = rng["sep"]
    said.hedge = Hedge.BETWEEN  # "about 200-300" keeps its word: the ends are widened
    return numeral, numeral.value, other.value


def _scaled(match: re.Match[str]) -> bool:
    """Whether a number is written with a scale word or an "m" of million after it."""
    return bool(match["scale"] or match.groupdict().get("million"))


def _shared_scale(first: re.Match[str], second: re.Match[str], min_significant: int) -> Numeral:
    """The first end of a range in the scale of the second: "1.5" of "1.5-2 million"."""
    if second["scale"]:
        return parse_numeral(f"{first[0]} {second['scale']}", min_significant)
    numeral = numeral_from_match(first, min_significant)  # "1.2" of "1.2-1.5m"
    return Numeral(value=numeral.value * 1_000_000, step=numeral.step * 1_000_000)


def _range_start(said: _Said) -> tuple[re.Match[str] | None, str]:
    """Where a range's second end starts, and the unit its first end gives, if any.

    "10-15 km" gives no unit; "10km to 15km" and "15%-20%" give the first end's.  "And"
    joins a range only after "between": "12 killed and 30 wounded" are two figures.
    """
    rng = _RANGE_RE.match(said.rest)
    if rng is not None or (rng := _UNIT_THEN_RANGE_RE.match(said.rest)) is None:
        return rng, ""
    unit = _range_unit(rng["unit"])
    between = (said.word or "").lower() == "between" or said.ranged  # "roughly between"
    if not unit or (rng["sep"].lower() == "and" and not between):
        return None, ""
    return rng, unit


def _in_unit_of_second(numeral: Numeral, unit: str, rest: str, text: str) -> Numeral:
    """The first end of a range, written in ``unit``, in the unit of the second.

    "10km to 15km" needs nothing; "200 metres to two kilometres" is 0.2 to 2 km.  Ends of
    other dimensions, or two counts, are refused.
    """
    last = _unit_words(rest.lstrip("-").strip(), text)
    if last == unit:
        return numeral
    first_unit, last_unit = lookup_unit(unit), lookup_unit(last)
    if first_unit.dimension != last_unit.dimension or first_unit.count:
        raise ParseError(f"the two ends of the range in {quoted(text)} have other units")
    ratio = first_unit.factor / last_unit.factor
    return Numeral(value=numeral.value * ratio, step=numeral.step * ratio)


def _range_unit(word: str) -> str:
    """The unit of a range's first end ("10km to 15km"), or nothing if it is none."""
    try:
        return lookup_unit(word).name
    except UnitError:
        return ""


def _range_hedge(said: _Said, separator: str) -> None:
    """Refuse a hedge a range cannot take, and "between … to …"."""
    if said.hedge not in (Hedge.EXACT, Hedge.BETWEEN, Hedge.ABOUT):
        raise ParseError(f"a range cannot also be hedged {said.word!r} in {quoted(said.text)}")
    if (
        said.hedge is Hedge.BETWEEN
        and said.word is not None
        and said.word.lower() == "between"
        and separator.lower() != "and"
    ):
        raise ParseError(f"expected 'between … and …' in {quoted(said.text)}")


def _refuse_ambiguous_thousands(
    first: re.Match[str], second: re.Match[str], numeral: Numeral, other: Numeral, text: str
) -> None:
    """Refuse "10-15,000": ten, or ten thousand? (read so, the ends are within tenfold)."""
    if (
        first["digits"]
        and "," not in first[0]
        and not first["scale"]
        and "," in second[0]
        and other.value % 1000 == 0
        and 1000 <= numeral.value * 1000 < other.value <= numeral.value * 10_000
    ):
        raise ParseError(
            f"ambiguous range in {quoted(text)}: {numeral.value:,.0f} or "
            f"{numeral.value * 1000:,.0f}? Write both ends in full "
            f"({numeral.value * 1000:,.0f}-{other.value:,.0f}), or give the figure as an "
            "object with low and high"
        )


#: An indefinite article before a number: "a 40-kilometre front".
ARTICLE_PATTERN: Final = r"\ban?\s+"
_ARTICLE_RE: Final = re.compile(rf"^{ARTICLE_PATTERN}(?=\d)", re.IGNORECASE | re.ASCII)
_BETWEEN_RE: Final = re.compile(r"between\s+", re.IGNORECASE)


def _unit_words(words: str, text: str, *, adjectival: bool = False) -> str:
    """Resolve the words after a number: a unit, possibly with words that only describe.

    Accepted besides a plain unit: the noun an adjectival unit qualifies ("40-kilometre
    front"), what a measure is of ("1,000 sq km of territory"), a dimension word ("12 km
    deep") and adjectives before a counted noun ("28 Russian settlements").  Any other
    word — another unit, a number, a hedge, a conjunction — is an error, not dropped.
    """
    if not words or words.lower() in ANAPHORS:  # "360 others": more of what is counted
        return ""
    if words.isalpha() and words.lower().endswith("ed") and unit_or_none(words) is None:
        return ""  # "79 damaged": what befell them, not what they are
    try:
        return lookup_unit(words).name
    except UnitError:
        pass
    parts = words.replace("-", " ").split()
    if adjectival and not any(unit_or_none(" ".join(parts[:k])) for k in range(1, len(parts))):
        # "a 5-storey building": the hyphen joins the number to a word that is no unit.
        raise UnitError(f"unknown unit {quoted(parts[0] if parts else words)} in {quoted(text)}")
    name = (
        _known_start(parts, adjectival=adjectival)
        or _known_end(parts)
        or (None if adjectival else _open_head(parts))
    )
    if name is None:
        raise UnitError(f"unknown unit {quoted(words)} in {quoted(text)}")
    return name


def _known_start(parts: list[str], *, adjectival: bool) -> str | None:
    """A unit first, then words that only describe it.

    "40-kilometre front", "1,000 sq km of territory", "12 km deep", "66 air defence
    equipment".
    """
    for k in range(len(parts) - 1, 0, -1):
        try:
            info = lookup_unit(" ".join(parts[:k]))
        except UnitError:
            continue
        rest = parts[k:]
        if adjectival and all(map(_describes, rest)):
            return info.name
        if not info.count and (
            (rest[0].lower() == "of" and len(rest) > 1 and all(map(_describes, rest[1:])))
            or (len(rest) == 1 and rest[0].lower() in DIMENSION_WORDS)
        ):
            return info.name
        if info.count and len(rest) == 1 and rest[0].lower() in _GENERIC_HEADS:
            return info.name  # "66 air defence equipment": the kind, then a word for items
        return None
    return None


def _known_end(parts: list[str]) -> str | None:
    """A counted noun last, after adjectives.

    "28 Russian settlements", "3 Ukrainian prisoners of war".
    """
    for k in (3, 2, 1):
        if len(parts) <= k:
            continue
        try:
            info = lookup_unit(" ".join(parts[-k:]))
        except UnitError:
            continue
        if info.count and len(parts) - k <= 4 and all(modifies(word, info) for word in parts[:-k]):
            return info.name
    return None


def _open_head(parts: list[str]) -> str | None:
    """A noun outside the table, counting its own kind: "1,200 applications".

    So does a compound of a singular noun and a noun outside the table ("tank losses",
    "drone operators", "accommodation points"), never one whose last word is a known
    noun ("drone attacks" are strikes) or whose first is a plural ("tanks destroyed").
    """
    if not parts or len(parts) > 5 or not all(map(_describes, parts)):
        return None
    head = parts[-1]
    if all(map(is_adjective, parts[:-1])) and (noun := open_count(head)) is not None:
        return noun.name
    modifier = parts[-2].lower() if len(parts) >= 2 else "s"
    if (
        unit_or_none(head) is None
        and (not modifier.endswith("s") or modifier.endswith("ss"))
        and modifier not in _NOT_ADJECTIVES
        and ((unit := unit_or_none(modifier)) is None or unit.count)  # not "mile front"
        and all(map(is_adjective, parts[:-2]))
        and (noun := open_count(" ".join(parts[-2:]))) is not None
    ):
        return noun.name
    return None


def read_unit(words: str) -> UnitInfo:
    """Read a unit word as a record gives it, by the rules that read a figure's words.

    A known unit, or the name of one ("kilometer ** 2", "application"), is looked up.
    Other words are read as they are after a number: "primary healthcare centers" counts
    centers, as "72 primary healthcare centers" does.  Failing that, words with digits
    are model names and "units of" a measure word, and the longest known ending, else a
    known beginning, names the kind: "M2 Bradleys" are IFVs, "Leopard 2A6" a tank, "66
    units of air defence equipment" air defence systems.

    Raises:
        UnitError: The words name no unit and no counted thing.
    """
    try:
        return lookup_unit(words)
    except UnitError:
        if not isinstance(words, str):
            raise
    return _read_unit_words(words)


@lru_cache(maxsize=4096)
def _read_unit_words(words: str) -> UnitInfo:
    """:func:`read_unit` past the known units: the grammar, then model names (cached)."""
    if len(words) > _MAX_UNIT_WORDS:
        raise UnitError(f"unknown unit {quoted(words)}: longer than any unit name")
    if " " not in words.strip() and (info := open_count(words)) is not None:
        return info  # read_unit found no known unit of that name: a counted noun of its own
    try:
        return resolve_unit(_unit_words(words.strip(), words))
    except UnitError:
        pass
    info = _kind_of(words)
    if info is None:
        raise UnitError(f"unknown unit {quoted(words)}")
    return info


_MAX_UNIT_WORDS: Final = 100


def _kind_of(words: str) -> UnitInfo | None:
    """The counted kind of words with model names: the longest known ending or beginning."""
    written = words.split()
    if [t.lower() for t in written[:2]] in (["units", "of"], ["pieces", "of"]):
        written = written[2:]  # "66 units of air defence equipment"
    if any(
        t.isdigit() or t.lower() in _NOT_ADJECTIVES or t.lower() in HEDGE_WORDS for t in written
    ):
        return None  # "12 tanks", "tanks and IFVs", "about 5 tanks": not the name of a kind
    plain = [
        w for w in " ".join(written).replace("-", " ").replace("/", " ").split() if w.isalpha()
    ]
    candidates = [" ".join(plain[k:]) for k in range(len(plain))]
    candidates += [" ".join(plain[:k]) for k in range(len(plain) - 1, 0, -1)]
    for candidate in candidates:
        info = unit_or_none(candidate)
        if info is not None and info.count:
            return info
    if not plain:
        return None
    return open_count(" ".join(plain))


def modifies(word: str, head: UnitInfo | None = None) -> bool:
    """Whether ``word`` can stand between a number and its counted noun (``head``, if known).

    An adjective can ("28 Russian settlements"), a word that adds to a count ("7 more
    soldiers", "121 other civilians"), a model name ("14 T-72 tanks") and, before a known
    head, a noun of the same kind ("12 civilian casualties"), a copula ("1,524 were
    children") or a lower-case plural ("12 special forces soldiers").  Another auxiliary
    cannot, nor, before a head not yet known, a lower-case plural: "40 countries have
    pledged troops" counts countries.
    """
    low = word.lower()
    if (
        low in ADDITIVES
        or MODEL.fullmatch(word)
        or (
            word[0].isupper() and any(c.isdigit() for c in word)  # "18 Leopard 2A6 tanks"
        )
    ):
        return True
    if head is not None:  # "12 civilian casualties", "1,524 were children"
        if (info := unit_or_none(word)) is not None:
            return info.dimension == head.dimension
        return low in _COPULAS or (low not in AUXILIARIES and is_adjective(word.replace("-", "")))
    if low in AUXILIARIES or not is_adjective(word.replace("-", "")):
        return False
    plural = (low.endswith("s") and not low.endswith(("ss", "ous"))) or (
        low.endswith("men") and len(low) > 5  # "policemen", "fishermen"
    )
    return not (word.islower() and plural)


#: Words that come between a number and its counted noun without changing it: "30 more
#: soldiers", "121 other civilians".
ADDITIVES: Final = frozenset({"more", "other", "additional", "further", "extra"})
AUXILIARIES: Final = frozenset(
    {
        "am",
        "are",
        "be",
        "been",
        "being",
        "can",
        "could",
        "did",
        "do",
        "does",
        "had",
        "has",
        "have",
        "is",
        "it",
        "may",
        "might",
        "must",
        "not",
        "shall",
        "should",
        "was",
        "were",
        "will",
        "would",
        "reportedly",
        "also",
        "now",
        "still",
        "who",
        "which",
        "that",
        "they",
        "we",
        "he",
        "she",
        "this",
        "these",
        "those",
        "their",
        "its",
        "his",
        "her",
        "our",
        "your",
        "my",
    }
)


_COPULAS: Final = frozenset({"were", "was", "are", "is"})

#: A model name: "T-72", "Su-25", "M777".
MODEL: Final = re.compile(r"[A-Z][A-Za-z]{0,3}-?\d+[A-Za-z]{0,3}(?:-\d+)?")


# Nouns that only say "items of" the kind before them: "air defence equipment", "units".
_GENERIC_HEADS: Final = frozenset(
    {"equipment", "system", "systems", "unit", "units", "piece", "pieces", "platform", "platforms"}
)
#: Words that count more of what the sentence already counts: a bare number in a figure.
ANAPHORS: Final = frozenset({"others", "other", "more"})
# Nouns of people that also describe them: "12 wounded soldiers".
PARTICIPLES: Final = frozenset({"wounded", "injured", "dead", "killed", "missing", "displaced"})
#: The words that say which way a length runs: "12 km deep", "an 8m-long tunnel".
DIMENSION_WORDS: Final = frozenset(
    {"deep", "wide", "long", "high", "tall", "thick", "across", "away"}
)
_NOT_ADJECTIVES: Final = frozenset(
    [
        "and",
        "or",
        "of",
        "from",
        "to",
        "at",
        "in",
        "on",
        "per",
        "a",
        "an",
        "the",
        "with",
        "than",
        "as",
        "by",
        "near",
        "nearest",
        "into",
        "across",
        "over",
        "under",
        "about",
        "around",
        "nearly",
        "some",
        "least",
        "most",
        "more",
        "less",
        "fewer",
        "plus",
        "minus",
        "but",
        "nor",
        "each",
        "every",
        "between",
        "among",
        "square",
        "sq",
        "cubic",
    ]
)


def _describes(word: str) -> bool:
    """Whether ``word`` can only describe ("territory", "Russian"), never change a figure."""
    return word.isalpha() and word.lower() not in HEDGE_WORDS and word.lower() not in _NUMBER_WORDS


def is_adjective(word: str) -> bool:
    """Whether ``word`` can stand between a number and a counted noun."""
    if not _describes(word) or word.lower() in _NOT_ADJECTIVES:
        return False
    if word.lower() in PARTICIPLES:  # "12 wounded soldiers"
        return True
    try:
        lookup_unit(word)
    except UnitError:
        return True
    return False


#: A word that is a number, a scale or a round count: "twelve", "thousand", "dozens".
_NUMBER_WORDS: Final = frozenset(
    {*NUMBER_WORDS, *(w for w in SCALE_WORDS if len(w) > 3), "dozen", "dozens"}
    | {f"{w}s" for w in ("hundred", "thousand", "million")}
)
