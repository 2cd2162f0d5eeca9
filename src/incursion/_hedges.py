"""The hedge vocabulary: the classes of hedge and the words of each, before and after a number.

Every reader of figures (:meth:`~incursion.Estimate.parse`, :func:`~incursion.extract`,
the strategies) takes its hedge words from here.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Final

__all__ = [
    "HEDGE_PREFIXES",
    "HEDGE_WORDS",
    "RANGE_WORDS",
    "REACHING",
    "TRAILING_HEDGES",
    "VAGUE_QUANTITIES",
    "Hedge",
]


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
    "a few": (2, 5),
    "several": (3, 9),
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
