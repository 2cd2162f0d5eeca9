"""The figure grammar: how the words of a figure are read, in documents and articles alike.

The patterns of a figure's parts (a hedge before or after the number, a range, a scale,
brackets) and :func:`read_figure`, which reads a figure's words with them, taking its
hedge words from :mod:`incursion._hedges` and the words after the number from
:mod:`incursion._nouns`.  :class:`~incursion.Estimate` reads a figure's text with it, and
:func:`~incursion.extract` reads each figure where it stands in running text with it too
(:func:`incursion._estimates.read_words`).  It builds on the numerals and the units, and
on nothing above them.
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

import attrs

from incursion._hedges import (
    HEDGE_PREFIXES,
    HEDGE_WORDS,
    VAGUE_QUANTITIES,
    Hedge,
)
from incursion._nouns import MODEL, unit_words
from incursion._numerals import (
    NUMBER_WORDS,
    NUMERAL_PATTERN,
    SCALE_WORDS,
    Numeral,
    alternatives,
    ambiguity,
    numeral_from_match,
)
from incursion._units import lookup_unit, unit_or_none
from incursion._validation import quoted
from incursion.exceptions import IncursionError, ParseError, UnitError

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
_MILLION: Final = SCALE_WORDS["million"]
#: The word right after a position, letters only: "km" of "15km", "kilomteres".
WORD_AFTER: Final = re.compile(r"\s*([^\W\d_]+)")
#: A number with an "m" of million after it: million only when a unit follows the figure
#: ("1.2m people", "1.2-1.5m people"), metres otherwise ("300m", "300m to 400m").
_NUMBER_M_RE: Final = re.compile(
    rf"(?:{NUMERAL_PATTERN})(?P<million>{MILLIONS_PATTERN})?", re.IGNORECASE | re.ASCII
)
#: The vague quantities as a pattern, longest first, for use inside larger patterns.
#: Words that say how many: a vague quantity before one is part of a larger one
#: ("several tens of thousands"), read from that one on.
_HOW_MANY: Final = alternatives(
    {*NUMBER_WORDS, *(w for w in SCALE_WORDS if len(w) > 3), "tens", "scores", "dozen"}
    | {f"{w}s" for w in (*SCALE_WORDS, "dozen") if len(w) > 3}
)
VAGUE_PATTERN: Final = (
    "(?:"
    + "|".join(w.replace(" ", r"\s+") for w in sorted(VAGUE_QUANTITIES, key=len, reverse=True))
    + rf")\b(?!\s+(?:{_HOW_MANY})\b|\s+\d)"
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
        tail = _TAIL_RE.match(tail_words.rstrip())  # " or so", as the scanner found it
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
        unit = unit_words(said.rest.lstrip("-").strip(), text, adjectival=adjectival)
    elif said.rest.strip():
        raise ParseError(f"expected the unit after the number in {quoted(text)}")
    number = (low + high) / 2 if low is not None and high is not None else numeral.value
    return Figure(number, unit, said.hedge, said.word, numeral.step, low, high, adjectival)


def _numeral(said: _Said, match: re.Match[str], min_significant: int) -> Numeral:
    """The number a match of the figure's numbers reads, in millions after an "m"."""
    if said.numbers is NUMBER_RE or not match["million"]:
        return numeral_from_match(match, min_significant)
    if match["scale"] or not match["digits"]:  # "2 thousand m", "ten m": metres after all
        raise _NoMillions
    said.millions = True
    return numeral_from_match(match, min_significant, _MILLION)


def _vague_figure(said: _Said, vague: re.Match[str], unit: str | None) -> Figure:
    """A vague quantity read as its fixed range: "dozens of civilians" is 24–99 people."""
    if said.word is not None:
        raise ParseError(f"two hedges in {quoted(said.text)}")
    words = " ".join(vague["vague"].split())
    low_end, high_end = VAGUE_QUANTITIES[words.lower()]
    if unit is None:
        unit = unit_words(said.rest[vague.end() :].strip(), said.text)
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
    scale = SCALE_WORDS[second["scale"].lower()] if second["scale"] else _MILLION  # "1.2-1.5m"
    return numeral_from_match(first, min_significant, scale)


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
    if MODEL.match(said.rest, rng.start("unit")) and not _unit_again(said, rng, unit):
        return None, ""  # "12 T-72 tanks": a model's name, not a range of tonnes
    return rng, unit


def _unit_again(said: _Said, rng: re.Match[str], unit: str) -> bool:
    """Whether the range's second end is in the first's measure too: "10KM-15KM"."""
    second = said.numbers.match(said.rest, rng.end())
    word = WORD_AFTER.match(said.rest, second.end()) if second else None
    info = unit_or_none(word[1]) if word else None
    return info is not None and info.dimension == lookup_unit(unit).dimension


def _in_unit_of_second(numeral: Numeral, unit: str, rest: str, text: str) -> Numeral:
    """The first end of a range, written in ``unit``, in the unit of the second.

    "10km to 15km" needs nothing; "200 metres to two kilometres" is 0.2 to 2 km.  Ends of
    other dimensions, or two counts, are refused.
    """
    last = unit_words(rest.lstrip("-").strip(), text)
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
