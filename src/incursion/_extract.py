"""Reading figures out of news text: :func:`extract` and :class:`Mention`.

The extractor finds where a figure stands in prose and how far its words run (a hedge
before it, a range, its unit or counted noun, a bracketed conversion after it), reading
the words after a number with :func:`incursion._nouns.unit_at`; the words are then read
where they stand by the one figure grammar of :meth:`Estimate.parse
<incursion.Estimate.parse>` (:func:`incursion._estimates.read_words`), nothing rebuilt.
So a figure is read the same whether it comes from an article or from a JSON document.
What the words around a number make of it (no figure, or what a bare number counts) is
decided by the rules of :data:`CONTEXT_RULES`.

The scan is a single pass of one regular expression over the text, with a bounded look
around each number, so its cost is linear in the length of the text.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Final, Literal, TypeVar, overload

import attrs

from incursion._estimates import (
    DEFAULT_POLICY,
    Estimate,
    Hedge,
    Policy,
    adopt,
    read_words,
    rebuilt,
)
from incursion._grammar import (
    ARTICLE_PATTERN,
    BRACKET_PATTERN,
    HEDGE_AFTER,
    MILLIONS_PATTERN,
    NUMBER_RE,
    RANGE_SEPARATOR,
    TAIL_HEDGE_PATTERN,
    UNIT_RANGE_SEPARATOR,
    VAGUE_OF,
    VAGUE_PATTERN,
    WORD_AFTER,
    bracketed,
)
from incursion._hedges import HEDGE_PREFIXES, HEDGE_WORDS, REACHING
from incursion._nouns import (
    AUXILIARY_AFTER,
    DIMENSION_WORDS,
    NO_UNIT,
    PARTICIPLES,
    PEOPLE_AFTER,
    UNIT_WORD,
    UnitRead,
    unit_at,
)
from incursion._numerals import (
    AMBIGUOUS_NUMERAL,
    NUMBER_WORDS,
    NUMERAL_PATTERN,
    alternatives,
    ambiguity,
)
from incursion._units import (
    NUMBER,
    UnitInfo,
    near_unit,
    resolve_unit,
)
from incursion.exceptions import IncursionError, ParseError

__all__ = [
    "BARE_NUMBER",
    "CONTEXT_RULES",
    "OWN_WORDS",
    "ContextRule",
    "Mention",
    "Unread",
    "extract",
]

_FLAGS: Final = re.IGNORECASE | re.ASCII

# -- what a figure may start with ---------------------------------------------------------

# A number not glued to a word before it ("MH17", "T-72", "mid-2024", "$61bn", "#3").
_CANDIDATE: Final = re.compile(
    r"(?<![\w$£€¥₴₽#@/\\])(?<![A-Za-z]-)(?<![A-Za-z]\.)(?<!\d[.,:])"
    rf"(?:(?P<vague>{VAGUE_PATTERN})\b|{NUMERAL_PATTERN})",
    _FLAGS,
)
# The hedges that stand before a number, as the grammar reads them.
_PREFIX_SET: Final = frozenset(HEDGE_PREFIXES)
_SYMBOL_HEDGES: Final = tuple(w for w in HEDGE_PREFIXES if not w[0].isalpha())
# "rose from 200 to 300" is two figures, a change, not a range.
_CHANGE_WORDS: Final = frozenset(
    [
        "rose",
        "risen",
        "rising",
        "rises",
        "climbed",
        "climbing",
        "increased",
        "increasing",
        "grew",
        "grown",
        "growing",
        "jumped",
        "soared",
        "surged",
        "fell",
        "fallen",
        "falling",
        "dropped",
        "dropping",
        "declined",
        "declining",
        "decreased",
        "decreasing",
        "shrank",
        "shrunk",
        "reduced",
        "cut",
        "raised",
        "revised",
        "up",
        "down",
    ]
)
_WORD_SPAN: Final = re.compile(r"\S+")
_OPENING: Final = "(\"'“‘["
_ARTICLE: Final = re.compile(rf"{ARTICLE_PATTERN}$", re.IGNORECASE)

# -- what follows a number ----------------------------------------------------------------

_RANGE: Final = re.compile(
    rf"\s*(?P<sep>{RANGE_SEPARATOR})\s*(?:{NUMERAL_PATTERN})(?![\d,.]\d)", _FLAGS
)
_MILLIONS: Final = re.compile(MILLIONS_PATTERN, re.ASCII)
_BRACKET: Final = re.compile(BRACKET_PATTERN)
_TAIL_HEDGE: Final = re.compile(TAIL_HEDGE_PATTERN, _FLAGS)

# -- what is not a figure -----------------------------------------------------------------

_MONTH: Final = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
)
_MONTH_BEFORE: Final = re.compile(rf"\b{_MONTH}\.?\s*$")
_MONTH_AFTER: Final = re.compile(
    rf"(?:\s*[-–]\s*\d{{1,2}})?(?:st|nd|rd|th)?\s*(?:of\s+)?{_MONTH}\b"
)
_ORDINAL_AFTER: Final = re.compile(r"(?:st|nd|rd|th)\b|s\b|'s\b")  # "47th", "the 1990s"
#: The words after a number that say it is a clock time: "3pm", "0400 GMT".
_CLOCK_WORDS: Final = (
    "a.m.",
    "p.m.",
    "am",
    "pm",
    "o'clock",
    "hrs",
    "GMT",
    "UTC",
    "BST",
    "CET",
    "MSK",
    "local time",
)
_TIME_AFTER: Final = re.compile(
    r":\d|\s*(?:"
    + "|".join(re.escape(w) + (r"\b" if w[-1].isalnum() else "") for w in _CLOCK_WORDS)
    + ")",
    re.IGNORECASE,
)
_OLD_AFTER: Final = re.compile(
    r"(?:-|\s)(?:years?|months?|weeks?|days?)(?:-|\s)old\b", re.IGNORECASE
)
_FRACTION_AFTER: Final = re.compile(r"[½¼¾⅓⅔]|\s+\d+/\d+\b")  # "1½ miles", "1 1/2 miles"
#: The currencies a sum of money is written in: signs and codes before, words after.
_CURRENCY_SIGNS: Final = "$£€¥₴₽"
_CURRENCY_CODES: Final = ("US", "USD", "EUR", "GBP", "UAH", "RUB")
_CURRENCY_WORDS: Final = (
    "dollars",
    "euros",
    "roubles",
    "rubles",
    "hryvnia",
    "hryvnias",
    "yuan",
    "pounds sterling",
)
_MONEY_BEFORE: Final = re.compile(
    rf"(?:[{_CURRENCY_SIGNS}]|\b(?:{'|'.join(_CURRENCY_CODES)})\s*\$?)\s*$"
)
_MONEY_AFTER: Final = re.compile(
    r"\s?(?:m|bn|k)?\s*(?:" + "|".join(w.replace(" ", r"\s+") for w in _CURRENCY_WORDS) + r")\b",
    re.IGNORECASE,
)
_PERCENTAGE_AFTER: Final = re.compile(r"\s*percentage\b", re.IGNORECASE)
#: The comparatives after "times" that make a number a multiplier: "2.5 times higher".
_COMPARATIVES: Final = (
    "higher",
    "more",
    "less",
    "lower",
    "larger",
    "greater",
    "bigger",
    "smaller",
    "as",
    "the",
    "over",
    "faster",
    "slower",
    "longer",
    "shorter",
    "heavier",
    "deadlier",
    "stronger",
    "worse",
    "better",
    "cheaper",
)
_MULTIPLIER_AFTER: Final = re.compile(
    rf"\s*(?:times\s+(?:{'|'.join(_COMPARATIVES)})\b|-?fold\b)", re.IGNORECASE
)
_LETTER_AFTER: Final = re.compile(r"[A-JLN-Z]")  # "2S19", "3D", "5G" (K and M are scales)
# An abbreviation in capitals right before a number: "(FFG 62)", "MH 17".
_CODE_BEFORE: Final = re.compile(r"(?:^|[\s(\[])[A-Z]{2,5}\s+$")
# Whom a source told, right before a number: "told Reuters", "told the BBC".
_TOLD_BEFORE: Final = re.compile(r"\btold\s+(?:the\s+)?[A-Z][\w.&-]*\s+$")
# The second day of a range of days: "between July 22 and 27", "November 11-20".
_DAYS_BEFORE: Final = re.compile(
    rf"\b{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\s*(?:and|to|until|through|-|–|—)\s*$",
    re.IGNORECASE,
)
# The second year of two: "in 2011 and 2012", "from 2014 to 2022".
_YEARS_BEFORE: Final = re.compile(r"\b(?:1[89]|20)\d\d\s*(?:and|or|to|until|-|–|—)\s*$")
# An age in apposition: "Mohamed Masto, 31, said", "his brother, 60, was".
_APPOSITION_BEFORE: Final = re.compile(r"[^\W\d_]\s*,\s*$")
_APPOSITION_AFTER: Final = re.compile(
    r"\s*,\s*(?:who|was|is|were|are|said|says|told|had|has|have|died|from|of|a|an|the"
    r"|[a-z]+ed)\b"
)
_AGE_BEFORE: Final = re.compile(
    r"\b(?:aged?|ages|age\s+of|born\s+in)\s+(?:(?:between|from|under|over|about|around)\s+)?$",
    re.IGNORECASE,
)
_LABELS: Final = frozenset(
    [
        "no",
        "nos",
        "number",
        "page",
        "pages",
        "article",
        "chapter",
        "section",
        "paragraph",
        "level",
        "phase",
        "round",
        "category",
        "grade",
        "route",
        "highway",
        "flight",
        "resolution",
        "unit",
        "brigade",
        "battalion",
        "regiment",
        "division",
        "corps",
        "group",
        "platoon",
        "company",
        "squad",
        "zone",
        "sector",
        "subsection",
        "sub-section",
        "item",
        "table",
        "figure",
        "line",
        "point",
        "stage",
        "step",
        "tier",
        "version",
        "model",
        "type",
        "class",
        "block",
        "building",
        "checkpoint",
        "gate",
        "district",
        "road",
        "exit",
        "terminal",
        "camp",
        "bus",
        "tram",
        "train",
    ]
)
# A capitalised word right before a number names it: "Article 5", "Leopard 2", unless it
# opens the sentence ("Killed 12").
_NAME_BEFORE: Final = re.compile(r"(?P<lead>^|.)\s*\b(?P<word>[A-Z][A-Za-z]*)\.?\s+$", re.DOTALL)
_DAYS: Final = frozenset(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
)
_SENTENCE_OPENERS: Final = frozenset(
    {
        "a",
        "all",
        "almost",
        "and",
        "another",
        "as",
        "at",
        "but",
        "by",
        "for",
        "in",
        "just",
        "of",
        "on",
        "only",
        "some",
        "that",
        "the",
        "these",
        "those",
        "to",
        "when",
        "while",
        "with",
    }
)
_PEOPLE_BEFORE: Final = re.compile(
    r"\b(?:children|people|men|women|boys|girls|adults|those|anyone|residents|citizens)\s+"
    r"(?:aged\s+)?(?:under|over|below|above)\s+$",
    re.IGNORECASE,
)
# Dates and clock times written with digits only: "2024-08-12", "12/08/2024", "10:30".
_DATES_AND_TIMES: Final = re.compile(
    r"\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\b\d{1,2}:\d{2}(?::\d{2})?\b"
    r"|\b0\d{3}\b|\b\d{1,2}/\d{1,2}\b"
)
# A bare number tied to the figure after it: "45 of 52 drones", "from 200 to 300 people".
_LINK_AFTER: Final = re.compile(
    r"\s+(?:of\s+(?:the\s+|its\s+|their\s+|some\s+|(?-i:[A-Z])[\w-]*['’]s\s+)?|to\s+|out\s+of\s+"
    r"|(?-i:[A-Z][\w-]*\s+){1,2}(?:and|or)\s+)",  # "30 Russian and 12 Ukrainian soldiers"
    re.IGNORECASE,
)
# A bare number tied to the count before it: "600,000 people, down from 1.3 million".
_BACK_LINK_BEFORE: Final = re.compile(
    r"(?:\b(?:down|up|rising|falling|compared)\s+(?:from|to|with)|\b(?:versus|vs\.?|against)"
    r"|\b(?:puts?|putting|estimates?|estimated|placed?|placing)\s+(?:the\s+)?"
    r"(?:number|toll|figure|total|tally|count|it|them)\s+at"
    r"|\b(?:including|of\s+which|of\s+whom|among\s+them|among\s+whom|an\s+average\s+of"
    r"|average\s+of)"  # "125 drones, including 38 over Kursk"
    r"|,\s+or"  # "250,000 shells a month, or roughly 3 million a year"
    r"|(?-i:(?:,|\band)\s+[A-Z][a-z]+))"  # "Russia lost 30 aircraft, Ukraine 12"
    r"\s+(?:(?-i:[A-Z])[\w-]*['’]s\s+)?$",  # "compared with Russia's 10,000"
    re.IGNORECASE,
)
_KILLED_BEFORE: Final = re.compile(
    r"\b(?:killed|killing|kills|wounded|wounding|wounds|injured|injuring|injures|killed\s+or\s+"
    r"wounded|displaced|displacing|evacuated|evacuating|uprooted)\s+(?:(?:at\s+least|about|around|some|nearly|almost|more\s+than|over|up\s+to|another|a\s+further|an\s+additional)\s+)?$",
    re.IGNORECASE,
)
# The joint of a list: "…, four over the Voronezh Region", "… and 42 in the south".
_AND_BEFORE: Final = re.compile(r"(?:[,;:]\s+|\band\s+|(?:--|[–—])\s*)$", re.IGNORECASE)
# After a list's joint: a place ("… and 42 in the south"), what befell the items ("544
# tanks captured, 79 damaged and 65 abandoned") or "of them".
_WHERE_AFTER: Final = re.compile(
    r"\s+(?:in|on|at|near|over|from|across|along|around|outside|inside|of\s+them"
    r"|[a-z]+ed\b(?!\s+(?:by|to|from|for|with)\b))\b",
    re.IGNORECASE,
)
_POPULATION_BEFORE: Final = re.compile(
    r"\bpopulation\s+(?:of\s+)?(?:(?:about|around|some|nearly|roughly|almost|over)\s+)?$",
    re.IGNORECASE,
)
_YEAR_BEFORE: Final = re.compile(
    r"\b(?:in|since|until|till|during|early|late|mid|before|after)\s+$", re.IGNORECASE
)
_TOLL: Final = re.compile(
    r"\b(?:death\s+)?toll\b|\bnumber\s+of\s+(?:the\s+)?(?:dead|displaced|wounded|injured|killed"
    r"|refugees|casualties|victims|people|evacuees)\b"
    r"|\b(?:population|displaced|refugees|fatalities|casualties|deaths)\b",
    re.IGNORECASE,
)
# A tally's label, then a dash or a colon: "tanks ‒ 8,491", "Civilians killed: 12".
_TALLY_BEFORE: Final = re.compile(
    r"(?:^|(?<=[\n,;:•·*(]))\s*(?P<label>[A-Za-z][A-Za-z ./'-]{0,40}?)\s*(?:[—–‒:]|\s-)\s*$"
)
_TALLY_REACH: Final = 60
_CHANGE_IN_BRACKETS: Final = re.compile(r"\(\s*[+−-]?\s*$")
_SENTENCE_REACH: Final = 300  # characters: "the number of soldiers of … has surpassed 100"
_OF_THEM_AFTER: Final = re.compile(r"\s+of\s+(?:them|these|those)\b", re.IGNORECASE)
_TOLL_REACH: Final = 120  # characters: "the death toll from Tuesday's strike rose to 39"
# "the number of IDPs", "the total number of the displaced": what a later bare number counts.
_NUMBER_OF: Final = re.compile(
    r"\b(?:number|numbers|total|tally|count)\s+of\s+(?:the\s+|all\s+)?", re.IGNORECASE
)
_VAGUE_OF: Final = re.compile(VAGUE_OF, re.IGNORECASE)
_LIST_MARK: Final = re.compile(r"[.)]\s")
_UNIT_RANGE: Final = re.compile(rf"\s*(?:{UNIT_RANGE_SEPARATOR})\s*", re.IGNORECASE)
_UNIT_RANGE_AND: Final = re.compile(rf"\s*(?:{UNIT_RANGE_SEPARATOR}|\band\b)\s*", re.IGNORECASE)
_METRES_AFTER: Final = re.compile(
    r"[ -]?(?:away|from|high|long|deep|wide|tall|above|below|across|into|under|underground"
    r"|radius|diameter|in\s+(?:diameter|length|width|height|depth))\b",
    re.IGNORECASE,
)
_NUMBER_BEFORE: Final = re.compile(r"[\d.,]+$")
_SLASH: Final = re.compile(r"\s*/\s*(?=\d)")
_DASH_OR: Final = re.compile(r"\s*[–—]\s*or\s+(?=\d)")  # "40 km – or 25 miles –"
_DASH: Final = re.compile(r"\s*[–—]")
_DASHES: Final = ("-", "–", "—")
# An aside between dashes right after a number: "5,712,506—almost 15 percent—were".
_ASIDE: Final = re.compile(r"\s*[–—]\s*[^–—\n]{1,80}?\s*[–—]")
_MODEL_AHEAD: Final = re.compile(r"\s+[A-Z][\w-]*\s+\d")
_CLAUSE_END: Final = re.compile(r"\s*(?:[,.;:)]|$)")
_COMMA_NAME: Final = re.compile(r"(?:,|\band)\s+[A-Z][a-z]+\s+$")
# A capitalised word after a preposition is a place, not a name for the number after it.
_PLACE_BEFORE: Final = re.compile(
    r"\b(?i:in|on|at|from|near|around|outside|inside|across|into|towards?|of)\s+[A-Z][\w'’-]*\s+$"
)
_WEAPONS: Final = frozenset(
    [
        "gun",
        "guns",
        "howitzer",
        "howitzers",
        "artillery",
        "ammunition",
        "ammo",
        "mortar",
        "mortars",
        "cannon",
        "cannons",
        "calibre",
        "caliber",
        "round",
        "rounds",
        "shell",
        "shells",
    ]
)
# A unit of an army after a number names it: "155 Marine Brigade".
_FORMATION_AFTER: Final = re.compile(
    r"\s+(?:[A-Z][a-z]+\s+){0,2}(?:Brigade|Battalion|Regiment|Division|Corps|Army|Fleet"
    r"|Squadron|Detachment|Platoon|Company)\b"
)
_YEAR_RANGE: Final = re.compile(r"\s*(?:[-–/]|to)\s*\d{1,4}\b")
# A proportion: "3 in 10", "one in four", "1 in every 5" (the first below the second).
_RATIO_AFTER: Final = re.compile(
    r"\s+in\s+(?:every\s+)?(?P<whole>\d{1,3}(?![\d,.])|"
    + alternatives(w for w, n in NUMBER_WORDS.items() if 0 < n <= 10)
    + r")\b",
    re.IGNORECASE,
)
_LIST_NUMBER: Final = re.compile(r"(?:^|\n)[ \t]*$")
# Number words that name one person or thing rather than count: "one of the officials".
_ONE: Final = frozenset({"one", "a", "an"})

# -- sentences ----------------------------------------------------------------------------

_SENTENCE_END: Final = re.compile(
    r"(?<![.!?…])(?P<stop>[.!?…]++)(?P<close>[\"'”’)\]]*)\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n[ \t]*\n\s*"
    r"|(?<=[^\s,;:\-–a-z])[ \t]*\n\s*(?=\S)"
    r"|(?:(?<=\n)|^)(?P<heading>[^\n]{1,60}[^\s.,;:!?])(?<!\band)(?<!\bor)(?<!\bthe)(?<!\bof)(?<!\bin)"
    r"(?<!\bon)(?<!\bat)(?<!\bto)(?<!\bby)(?<!\ba)(?<!\ban)(?<!\bfor)(?<!\bwith)(?<!\bfrom)"
    r"[ \t]*\n\s*(?=[\"'“‘(\[]?[A-Z])"
)
_ABBREVIATIONS: Final = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "cpt",
        "sgt",
        "adm",
        "cpl",
        "pvt",
        "st",
        "sr",
        "jr",
        "prof",
        "rep",
        "sen",
        "gov",
        "pres",
        "no",
        "nos",
        "approx",
        "ca",
        "c",
        "vs",
        "e.g",
        "i.e",
        "u.s",
        "u.k",
        "u.n",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "sq",
        "fig",
        "vol",
        "est",
        "incl",
        "govt",
        "dept",
        "brig",
        "cmdr",
        "mt",
    }
)
_LAST_WORD: Final = re.compile(r"([\w.]+)$")

_WINDOW: Final = 40  # characters looked at before a number


class _Placed:
    """Words of a text that know where they stand: ``start`` and ``end`` of ``span``."""

    __slots__ = ()
    span: tuple[int, int]

    @property
    def start(self) -> int:
        """Where the words start in the text."""
        return self.span[0]

    @property
    def end(self) -> int:
        """Where the words end in the text (just past the last character)."""
        return self.span[1]


@attrs.frozen(kw_only=True)
class Mention(_Placed):
    """A figure found in text: where it stands, its words, its sentence and its reading.

    Attributes:
        span: Where the figure's words start and end in the text (``text[start:end]``).
        text: The figure's words as they stand: hedge, number, unit or counted noun and
            any bracketed conversion ("around 1,000 square kilometres (386 square miles)").
        sentence: The sentence the figure stands in.
        estimate: The figure read: value, unit, hedge, interval and stated conversions.
        noun: The counted noun as written, when the figure counts something ("Russian
            settlements", "others"); ``None`` for a measure or a bare number.
        rule: What decided what the figure counts: ``"own-words"`` (its unit or counted
            noun), the id of one of :data:`CONTEXT_RULES` (its sentence), or
            ``"bare-number"`` (nothing: a bare number).

    .. versionadded:: 0.1.0
    """

    span: tuple[int, int]
    text: str
    sentence: str
    estimate: Estimate
    noun: str | None = None
    rule: str = "own-words"

    def __str__(self) -> str:
        """The figure's words and where they stand."""
        return f"{self.text!r} at {self.span[0]}–{self.span[1]}"


@attrs.frozen
class Unread(_Placed):
    """Words that look like a figure but could not be read as one, and why.

    Attributes:
        span: Where the words start and end in the text.
        text: The words as they stand.
        sentence: The sentence they stand in.
        reason: Why they were not read ("ambiguous number '1.000.000': …", "the range in
            '20-10 km' runs backwards").

    .. versionadded:: 0.1.0
    """

    span: tuple[int, int]
    text: str
    sentence: str
    reason: str


@overload
def extract(
    text: str,
    *,
    percentages: bool = ...,
    durations: bool = ...,
    policy: Policy = ...,
    unread: Literal[False] = ...,
) -> list[Mention]: ...


@overload
def extract(
    text: str,
    *,
    percentages: bool = ...,
    durations: bool = ...,
    policy: Policy = ...,
    unread: Literal[True],
) -> list[Mention | Unread]: ...


def extract(
    text: str,
    *,
    percentages: bool = False,
    durations: bool = False,
    policy: Policy = DEFAULT_POLICY,
    unread: bool = False,
) -> list[Mention] | list[Mention | Unread]:
    """Find every figure in English prose, with its hedge, unit and bracketed conversions.

    >>> [m.text for m in extract("Officials said around 1,000 sq km (386 sq mi) and "
    ...                          "28 Russian settlements were held on 12 August 2024.")]
    ['around 1,000 sq km (386 sq mi)', '28 Russian settlements']

    Years, dates, clock times, ages, ordinals, sums of money and numbers that name
    things ("Article 5", "F-16") are not figures.  Percentages and durations are left
    out unless asked for.

    Args:
        text: The text to read.
        percentages: Also return percentages ("15%", "15 per cent").
        durations: Also return durations ("12 days", "three weeks").
        policy: The reading policy of the estimates.
        unread: Also return, as :class:`Unread` items in text order among the mentions,
            the words that look like a figure but could not be read (an ambiguous
            number, a range that runs backwards, a unit misspelt, a number word whose
            sentence does not say what it counts), so that nothing is lost silently.

    Raises:
        ParseError: ``text`` is not a string.

    >>> [(u.text, u.reason) for u in extract("It fell to 1.000.000 tonnes.", unread=True)]
    [('1.000.000', "ambiguous number '1.000.000': write thousands with commas (1,500) and \
decimals with a point (1.5) or a comma (1,5)")]

    .. versionadded:: 0.1.0
    """
    if not isinstance(text, str):
        raise ParseError(f"expected text to extract figures from, got {type(text).__name__}")
    if not isinstance(policy, Policy):
        raise ParseError(f"expected a Policy, got {type(policy).__name__}")
    scanner = _Scanner(text, percentages, durations, policy)
    mentions = list(scanner.mentions())
    if not unread:
        return mentions
    items: list[Mention | Unread] = [*mentions, *scanner.unread()]
    items.sort(key=lambda item: item.span)
    return items


@attrs.define
class _Found:
    start: int
    end: int
    estimate: Estimate
    noun: str | None
    counted: bool  # the noun says what is counted (not an anaphor)
    # A number word with no noun: a figure only if its sentence says what it counts.
    tentative: bool = False


@attrs.frozen
class _Around:
    """What a context rule sees of a bare number: the figure and its sentence around it."""

    scanner: _Scanner
    figure: _Found
    following: _Found | None  # the next figure, in the same sentence
    previous: str | None  # the unit of the last count before it in the sentence
    people: str  # the people the sentence counted last ("Palestinians"), or people
    before: str  # the words before it (a bounded window)
    after: str  # the words after it (a bounded window)
    sentence_start: int


@attrs.frozen
class ContextRule:
    """A rule that says what a number is (no figure) or counts, from the words around it.

    Attributes:
        id: The rule's name, as :attr:`Mention.rule` gives it.
        what: What the rule looks for, in one line.
        examples: Sentences it decides, each with the figure's words and what it counts.
        decide: The rule: what the number counts (a unit name), ``""`` (no figure), or
            ``None`` when the rule does not apply, given what it sees of the number.
        stage: When the rule is asked: ``"refuses"`` of every number, as it is found
            (years, dates, ages, money: no figure, whatever follows); ``"names"`` of a
            bare number in digits ("Article 5", "(3)"); ``"counts"`` of a bare number
            that is a figure, for what it counts; ``"uncounted"`` of a bare number no
            rule counts, which may name something ("implement 2334"; listed unread).  An
            example of a rule that refuses, names or finds uncounted gives ``""`` for
            what the number counts.

    .. versionadded:: 0.1.0
    """

    id: str
    what: str
    examples: tuple[tuple[str, str, str], ...]
    # Given what it sees of the number (a private view of the figure and its sentence).
    decide: Callable[[Any], str | None] = attrs.field(repr=False)
    stage: str = "counts"


def _next_figure(a: _Around) -> str | None:
    following = a.following
    if following is None or not _is_count(following.estimate):
        return None
    link = _LINK_AFTER.match(a.after)
    return (
        following.estimate.unit if link and a.figure.end + link.end() == following.start else None
    )


def _then_previous(test: Callable[[_Around], object]) -> Callable[[_Around], str | None]:
    """A rule that answers with the last count's unit when ``test`` holds."""
    return lambda a: a.previous if a.previous is not None and test(a) else None


def _anaphor(a: _Around) -> str | None:
    """What "121 others", "seven more died" or "643 of them" count."""
    if not ((a.figure.noun is not None and not a.figure.counted) or _OF_THEM_AFTER.match(a.after)):
        return None
    if PEOPLE_AFTER.match(a.after):  # "seven more died"
        return a.people
    return a.previous


def _people(a: _Around) -> str | None:
    if PEOPLE_AFTER.match(a.after) or _POPULATION_BEFORE.search(a.before):
        return a.people
    return None


def _toll(a: _Around) -> str | None:
    near = max(a.sentence_start, a.figure.start - _TOLL_REACH)
    toll = _TOLL.search(a.scanner.text, near, a.figure.start)
    return a.people if _KILLED_BEFORE.search(a.before) or toll else None


def _a_designation(a: _Around) -> bool:
    """Four digits or more, ungrouped and unhedged: "implement 2334"."""
    words = a.scanner.text[a.figure.start : a.figure.end]
    return len(words) >= 4 and words.isdigit() and words.isascii()


def _number_of(a: _Around) -> str | None:
    """What "the number of …" earlier in the sentence counts, read as any counted noun is."""
    near = max(a.sentence_start, a.figure.start - _SENTENCE_REACH)
    said = list(_NUMBER_OF.finditer(a.scanner.text, near, a.figure.start))
    if not said:
        return None
    counted = unit_at(a.scanner.text, said[-1].end())
    return counted.info.name if counted.info is not None and counted.info.count else None


#: What a rule of :data:`CONTEXT_RULES` decides of a number that is no figure.
NOT_A_FIGURE: Final = ""


@attrs.frozen
class _Seen:
    """What a rule of what is not a figure sees of a number, before its unit is read."""

    scanner: _Scanner
    reading: _Reading

    @property
    def before(self) -> str:
        return self.reading.before

    @property
    def after(self) -> str:
        return self.reading.after

    @property
    def digits(self) -> str | None:
        return self.reading.digits

    @property
    def hedged(self) -> bool:
        return self.reading.hedge is not None


#: What a rule sees of a number: before its unit is read (``_Seen``) or, for a bare
#: number, with its sentence (``_Around``).
_View = TypeVar("_View")


def _no_figure(test: Callable[[_View], object]) -> Callable[[_View], str | None]:
    """A rule that says "no figure" when ``test`` holds of what it sees of the number."""
    return lambda seen: NOT_A_FIGURE if test(seen) else None


def _a_year(seen: _Seen) -> bool:
    digits, r = seen.digits, seen.reading
    return bool(
        digits
        and _is_year(digits, r.match["scale"])
        and (
            not seen.scanner._unit_follows(r.end)  # noqa: SLF001 - the scanner's own view
            or _YEAR_BEFORE.search(seen.before)
            or _YEARS_BEFORE.search(seen.before)
        )
    )


def _an_age(seen: _Seen) -> bool:
    before, after, digits = seen.before, seen.after, seen.digits
    return bool(
        _OLD_AFTER.match(after)
        or _AGE_BEFORE.search(before)
        or _PEOPLE_BEFORE.search(before)  # "children under 18"
        or (
            digits is not None
            and not seen.hedged
            and len(digits) <= 3
            and _APPOSITION_BEFORE.search(before)
            and _APPOSITION_AFTER.match(after)
        )
    )


def _a_date(seen: _Seen) -> bool:
    before, digits = seen.before, seen.digits
    return bool(
        _MONTH_BEFORE.search(before)
        or _MONTH_AFTER.match(seen.after)
        or (digits is not None and _DAYS_BEFORE.search(before) and int(digits) <= 31)
    )


def _a_label(seen: _Seen) -> bool:
    """After a label ("page 12", "Resolutions 242"), or joined to a labelled number ("and 338")."""
    said = [w.lower().rstrip(".") for _, w in seen.reading.words]
    if not said or not seen.before[-1:].isspace():
        return False
    if said[-1] in ("and", "or", "&") and len(said) >= 3 and NUMBER_RE.fullmatch(said[-2]):
        return _plural_label(said[-3])  # "Resolutions 242 and 338": the second too
    return said[-1] in _LABELS or _plural_label(said[-1])


def _a_code(seen: _Seen) -> bool:
    """After an abbreviation in capitals ("FFG 62").

    Not when a clause ends with the number outside brackets ("and the EU 20.", a count of
    what came before), nor after whom a source told.
    """
    code = _CODE_BEFORE.search(seen.before)
    if code is None or _TOLD_BEFORE.search(seen.before):
        return False
    return code[0][:1] in "([" or not _CLAUSE_END.match(seen.after)


def _plural_label(word: str) -> bool:
    """The plural of a word of :data:`_LABELS`: "resolutions", "articles"."""
    return word.endswith("s") and word[:-1] in _LABELS


def _words(words: Iterable[str]) -> str:
    """Words of a table, for a rule's description: "page, chapter, article"."""
    return ", ".join(sorted(words, key=str.lower))


#: What a number is not (a figure) and what a bare number counts, by the words around it
#: in its sentence: the rules in the order they are tried, by stage.  The first that
#: answers decides.
CONTEXT_RULES: Final[tuple[ContextRule, ...]] = (
    ContextRule(
        "money",
        f"A sum of money: a number after a currency sign or code ({' '.join(_CURRENCY_SIGNS)}, "
        f"{_words(_CURRENCY_CODES)}) or before a currency word ({_words(_CURRENCY_WORDS)}), "
        "with a scale or not",
        (("Aid of US$ 5 million came.", "5 million", ""), ("It cost 4.5m dollars.", "4.5", "")),
        _no_figure(lambda s: _MONEY_BEFORE.search(s.before) or _MONEY_AFTER.match(s.after)),
        "refuses",
    ),
    ContextRule(
        "ordinal",
        "An ordinal or a decade: a number before st, nd, rd, th or s",
        (("Men of the 47th Brigade fought.", "47", ""), ("It began in the 1990s.", "1990", "")),
        _no_figure(lambda s: _ORDINAL_AFTER.match(s.after)),
        "refuses",
    ),
    ContextRule(
        "time",
        f"A clock time: before a colon and minutes, or before {_words(_CLOCK_WORDS)}",
        (("The strike came at 3pm.", "3", ""), ("Sirens sounded at 10 a.m. on Monday.", "10", "")),
        _no_figure(lambda s: _TIME_AFTER.match(s.after)),
        "refuses",
    ),
    ContextRule(
        "date",
        "A day of a date: after or before a month, and the second day of a range of days",
        (
            ("The offensive began on 6 August.", "6", ""),
            ("Talks ran between July 22 and 27.", "27", ""),
        ),
        _no_figure(_a_date),
        "refuses",
    ),
    ContextRule(
        "age",
        "An age: before -year-old, after aged or born in, after children (people, men, "
        "women) under or over, and a number of at most three digits between commas after "
        "a word and before a verb (an age in apposition)",
        (
            ("A 45-year-old man was hurt.", "45", ""),
            ("Men aged 18 to 60 may not leave.", "18", ""),
            ("Mohamed Masto, 31, said the house was hit.", "31", ""),
        ),
        _no_figure(_an_age),
        "refuses",
    ),
    ContextRule(
        "fraction",
        "A number before a vulgar fraction (1½, 1 1/2): skipped, not read as its whole part",
        (("The column stood 1½ miles away.", "1", ""),),
        _no_figure(lambda s: _FRACTION_AFTER.match(s.after)),
        "refuses",
    ),
    ContextRule(
        "multiplier",
        f"A multiplier: before times and {_words(_COMPARATIVES)}, or before fold; and a "
        "number of percentage points",
        (
            ("Losses were 2.5 times higher.", "2.5", ""),
            ("Support fell 15 percentage points.", "15", ""),
        ),
        _no_figure(lambda s: _MULTIPLIER_AFTER.match(s.after) or _PERCENTAGE_AFTER.match(s.after)),
        "refuses",
    ),
    ContextRule(
        "formation",
        "An army formation: a number before up to two capitalised words and Brigade, "
        "Battalion, Regiment, Division, Corps, Army, Fleet, Squadron, Detachment, Platoon or "
        "Company",
        (("Troops of the 155 Marine Brigade advanced.", "155", ""),),
        _no_figure(lambda s: _FORMATION_AFTER.match(s.after)),
        "refuses",
    ),
    ContextRule(
        "name",
        "A number in a name: before a capital letter other than K or M (which are scales), "
        "or, unhedged, after a capitalised word that names it (see below)",
        (
            ("They fired 2S19 howitzers.", "2", ""),
            ("The Leopard 2 tanks arrived.", "2", ""),
            ("Putin cited Protocol 5 of the treaty.", "5", ""),
        ),
        _no_figure(
            lambda s: (
                _LETTER_AFTER.match(s.after)
                or (s.digits and not s.hedged and _designation(s.before, s.after))
            )
        ),
        "refuses",
    ),
    ContextRule(
        "year",
        "A year: a four-digit number from 1800 to 2100 with no unit or counted noun after "
        "it; one after in, since, until, till, during, early, late, mid, before or after, "
        "whatever follows; and the second of two years",
        (("The 2022 invasion began.", "2022", ""), ("In 2011 and 2012 killed", "2012", "")),
        _no_figure(_a_year),
        "refuses",
    ),
    ContextRule(
        "label",
        f"A bare number after a word that labels it, or its plural: {_words(_LABELS)}; and "
        "a number joined to a labelled one by and or or",
        (
            ("See page 12 of the report.", "12", ""),
            ("Resolutions 242 and 338 were cited.", "338", ""),
        ),
        _no_figure(_a_label),
        "names",
    ),
    ContextRule(
        "code",
        "A bare number after an abbreviation in capitals that names it: a hull or a flight number",
        (("The frigate (FFG 62) sailed.", "62", ""),),
        _no_figure(_a_code),
        "names",
    ),
    ContextRule(
        "list-number",
        "A bare number that numbers a list, at the start of a line: 1. or 1)",
        (("Losses:\n1. Kyiv", "1", ""),),
        _no_figure(lambda s: _LIST_NUMBER.search(s.before) and _LIST_MARK.match(s.after)),
        "names",
    ),
    ContextRule(
        "note",
        "A bare number of at most three digits alone in brackets, (3), or a note's number, "
        "[1]; a larger one is a figure, as in 'Borno (1,446,829)'",
        (("They were displaced by violence.[1]", "1", ""), ("See item (3) below.", "3", "")),
        _no_figure(
            lambda s: (
                s.digits is not None
                and len(s.digits) <= 3
                and (
                    (s.before.endswith("[") and s.after.startswith("]"))
                    or (s.before.endswith("(") and s.after.startswith(")"))
                )
            )
        ),
        "names",
    ),
    ContextRule(
        "next-figure",
        "What the next figure counts, when only of, out of or to (and a determiner or a "
        "possessive), or a capitalised word and and/or, stand between",
        (("Air defences destroyed 45 of 52 drones.", "45", "drone"),),
        _next_figure,
    ),
    ContextRule(
        "anaphor",
        "What the sentence counted last (its people, when what befalls people follows), "
        "when others, other or more, or of them, follows the number",
        (
            ("12 civilians were killed and 121 others wounded.", "121 others", "person"),
            ("867 centres were opened, with 643 of them full.", "643", "centre"),
        ),
        _anaphor,
    ),
    ContextRule(
        "back-link",
        "What the sentence counted last, after down from, compared with, versus, puts it "
        "at, including, of whom, an average of, ', or', or a comma and a capitalised word",
        (("About 600,000 people remain, down from 1.3 million.", "1.3 million", "person"),),
        _then_previous(lambda a: _BACK_LINK_BEFORE.search(a.before)),
    ),
    ContextRule(
        "tally-change",
        "What the tally counts, for the day's change in brackets after it",
        (("tanks ‒ 8,491 (+7)", "7", "tank"),),
        _then_previous(lambda a: _CHANGE_IN_BRACKETS.search(a.before)),
    ),
    ContextRule(
        "people",
        "The people the sentence counted last (people, unless a count it named was killed, "
        "wounded and the like), when killed, wounded, displaced, fled, died, men, women, "
        "children and the like follow, or a population of comes before",
        (
            ("Officials said 23 were wounded.", "23", "person"),
            ("146 occupiers were killed, and 287 were wounded.", "287", "occupier"),
        ),
        _people,
    ),
    ContextRule(
        "tally",
        "What a tally's label names: a line such as 'tanks ‒ 8,491' or 'Killed: 12'",
        (("Killed: 12", "12", "person"),),
        lambda a: a.scanner.tally(a.figure.start),
    ),
    ContextRule(
        "auxiliary",
        "What the sentence counted last, when were, was, have, fell, hit, reached and the "
        "like follow",
        (("Of the 52 drones launched, 45 were shot down.", "45", "drone"),),
        _then_previous(lambda a: AUXILIARY_AFTER.match(a.after)),
    ),
    ContextRule(
        "list",
        "What the sentence counted last, after a comma, a semicolon or and, before a place "
        "or what befell the items",
        (
            ("There were 18 assaults in the east and 42 in the south.", "42", "strike"),
            ("Ukraine captured 544 tanks, 79 damaged and 65 abandoned.", "79", "tank"),
        ),
        _then_previous(lambda a: _AND_BEFORE.search(a.before) and _WHERE_AFTER.match(a.after)),
    ),
    ContextRule(
        "number-of",
        "What the number of (or the total of) a counted noun earlier in the sentence counts",
        (
            (
                "The number of soldiers killed in the fighting has surpassed 100, officials said.",
                "surpassed 100",
                "person",
            ),
        ),
        _number_of,
    ),
    ContextRule(
        "toll",
        "The people the sentence counted last (as for people), after killing or wounding, "
        "or after a toll, the dead, casualties or the displaced earlier in the sentence",
        (
            ("The death toll rose to 39.", "39", "person"),
            ("The raid killed eight occupiers and wounded about 35.", "about 35", "occupier"),
        ),
        _toll,
    ),
    ContextRule(
        "uncounted-designation",
        "A bare number that no rule above says counts anything, written in four digits or "
        "more without a thousands separator: news text groups the thousands of a count, so "
        "such a number may name something (a resolution, a document); it is listed unread",
        (("The council urged both sides to implement 2334.", "2334", ""),),
        _no_figure(_a_designation),
        "uncounted",
    ),
)

#: The rules by stage, in the table's order.
_REFUSING: Final = tuple(r for r in CONTEXT_RULES if r.stage == "refuses")
_NAMING: Final = tuple(r for r in CONTEXT_RULES if r.stage == "names")
_COUNTING: Final = tuple(r for r in CONTEXT_RULES if r.stage == "counts")
_UNCOUNTED: Final = tuple(r for r in CONTEXT_RULES if r.stage == "uncounted")

_NOTHING_COUNTED: Final = "a number word, and nothing in its sentence says what it counts"
_UNCOUNTED_REASON: Final = (
    "four digits or more without a thousands separator, and nothing in its sentence says "
    "what it counts: it may name something (as in 'implement 2334')"
)

#: :attr:`Mention.rule` for a figure whose own words say what it counts.
OWN_WORDS: Final = "own-words"
#: :attr:`Mention.rule` for a bare number that no rule gave a meaning.
BARE_NUMBER: Final = "bare-number"


class _Scanner:
    """One pass over one text."""

    def __init__(self, text: str, percentages: bool, durations: bool, policy: Policy) -> None:
        self.text = text
        self.percentages = percentages
        self.durations = durations
        self.policy = policy
        self.excluded = [(m.start(), m.end()) for m in _DATES_AND_TIMES.finditer(text)]
        self.sentences = _sentences(text)
        self.starts = [s for s, _ in self.sentences]
        self.sentence_texts: dict[tuple[int, int], str] = {}
        # Words that looked like a figure and were not read: start, end and why.
        self.failed: list[tuple[int, int, str]] = []
        # Numbers a rule said were no figure: start, end and the rule's id.
        self.skipped: list[tuple[int, int, str]] = []

    def unread(self) -> Iterator[Unread]:
        """What looked like a figure and was not read, once :meth:`mentions` has run.

        Ambiguous numbers ("1.000.000") are no candidates at all, so they are found here.
        """
        text = self.text
        failed = self.failed + [
            (m.start(), m.end(), ambiguity(m[0]) or "ambiguous number")
            for m in AMBIGUOUS_NUMERAL.finditer(text)
            if not any(s <= m.start() < e for s, e in self.excluded)
        ]
        for start, end, reason in sorted(set(failed)):
            index = self._sentence_of(start)
            yield Unread(
                span=(start, end),
                text=text[start:end],
                sentence=self._sentence_text(index, end),
                reason=reason,
            )

    def mentions(self) -> Iterator[Mention]:
        text = self.text
        found = list(self._figures())
        sentences = [self._sentence_of(f.start) for f in found]
        previous: str | None = None  # the unit of the last count in the sentence
        people = "person"  # the people the sentence counted last
        last: _Found | None = None  # the last figure read, in the sentence
        listed = _coordinated(found, text)
        for i, figure in enumerate(found):
            if i and sentences[i] != sentences[i - 1]:
                previous = last = None
                people = "person"
            estimate = figure.estimate
            if last is not None and listed[i] and (hedged := _distributed(last, figure)):
                estimate = figure.estimate = hedged
            rule = OWN_WORDS
            if estimate.dimension == "number":
                rule = BARE_NUMBER
                context = self._counted_by_context(found, sentences, i, previous, people)
                if context is not None and context[0] == NOT_A_FIGURE:  # listed, not lost
                    self.failed.append((figure.start, figure.end, _UNCOUNTED_REASON))
                    continue
                if context is not None and (counted := _adopted(estimate, context[0])):
                    estimate, rule = counted, context[1]
                elif figure.tentative:  # a number word that counts nothing the sentence names
                    self.failed.append((figure.start, figure.end, _NOTHING_COUNTED))
                    continue
            elif figure.noun in PARTICIPLES and people != "person":
                # "249 Palestinians had been killed and 510 injured": Palestinians too
                estimate, rule = rebuilt(estimate, resolve_unit(people), estimate.text), "people"
            if _is_count(estimate):
                previous = estimate.unit
                if self._names_people(figure, estimate):
                    people = estimate.unit
            last = figure
            yield Mention(
                span=(figure.start, figure.end),
                text=text[figure.start : figure.end],
                sentence=self._sentence_text(sentences[i], figure.end),
                estimate=estimate,
                noun=figure.noun,
                rule=rule,
            )

    def _figures(self) -> Iterator[_Found]:
        """Every figure, in order, each read on its own."""
        consumed = 0
        excluded = iter(self.excluded)
        skip = next(excluded, None)
        for match in _CANDIDATE.finditer(self.text):
            start = match.start()
            if start < consumed:
                continue
            while skip is not None and skip[1] <= start:
                skip = next(excluded, None)
            if skip is not None and skip[0] <= start:
                consumed = skip[1]
                continue
            try:
                found = self._read(match)
            except IncursionError as error:
                self.failed.append((match.start(), match.end(), str(error)))
                found = None
            if found is None:
                consumed = match.end()
            elif isinstance(found, int):  # not a figure; skip the words it runs to
                consumed = found
            else:
                consumed = found.end
                yield found

    def _names_people(self, figure: _Found, estimate: Estimate) -> bool:
        """Whether a count counts people: people by name, or a noun killed, wounded and the like.

        "146 occupiers were killed" and "killed eight Palestinians" count people of a kind
        the tables do not know.
        """
        if estimate.dimension == "person":
            return True
        text = self.text
        return bool(
            figure.noun is not None
            and (
                PEOPLE_AFTER.match(text[figure.end : figure.end + 40])
                or _KILLED_BEFORE.search(text[max(0, figure.start - _WINDOW) : figure.start])
            )
        )

    def _counted_by_context(
        self,
        found: list[_Found],
        sentences: list[int],
        i: int,
        previous: str | None,
        people: str,
    ) -> tuple[str, str] | None:
        """What a bare number counts, and the rule that says so, from its sentence.

        The rules of :data:`CONTEXT_RULES` are tried in order; the first that answers
        decides.  "121 others" and "down from 1.3 million" count what the sentence counted
        last; "45 of 52 drones" what the next figure counts; "the death toll rose to 39"
        people.
        """
        text = self.text
        figure = found[i]
        following = (
            found[i + 1] if i + 1 < len(found) and sentences[i + 1] == sentences[i] else None
        )
        around = _Around(
            scanner=self,
            figure=figure,
            following=following,
            previous=previous,
            people=people,
            before=text[max(0, figure.start - _WINDOW) : figure.start],
            after=_past_aside(text, figure.end),
            sentence_start=self.sentences[sentences[i]][0],
        )
        for rule in (*_COUNTING, *_UNCOUNTED):
            unit = rule.decide(around)
            if unit is not None:
                return unit, rule.id
        return None

    def tally(self, start: int) -> str | None:
        """The count a tally's label names: "personnel ‒ about 592,920", "Killed: 12"."""
        line_start = self.text.rfind("\n", max(0, start - _TALLY_REACH), start) + 1
        label = _TALLY_BEFORE.search(self.text[max(line_start, start - _TALLY_REACH) : start])
        if label is None:
            return None
        info = self._unit_in(" " + label["label"], 0)
        return info.name if info is not None and info.count else None

    def _sentence_text(self, index: int, end: int) -> str:
        """The text of a sentence (through ``end``, should a figure run past it), once."""
        key = (index, end) if end > self.sentences[index][1] else (index, 0)
        sentence = self.sentence_texts.get(key)
        if sentence is None:
            start, stop = self.sentences[index]
            sentence = self.text[start : max(stop, end)].strip()
            self.sentence_texts[key] = sentence
        return sentence

    def _sentence_of(self, position: int) -> int:
        return max(bisect.bisect_right(self.starts, position) - 1, 0)

    # -- one candidate --------------------------------------------------------------------

    def _read(self, match: re.Match[str]) -> _Found | int | None:
        """Read the figure that starts at ``match``; an int is where a non-figure ends."""
        r = _Reading.of(match, self.text)
        refused = self._refused(r)
        if refused is not None:
            return refused
        ended = self._hedge_and_range(r)
        if ended is not None:
            return ended
        refused = self._unit_of(r)
        if refused is not None:
            return None if refused < 0 else refused
        return self._figure_of(r)

    def _refused(self, r: _Reading) -> int | None:
        """Where a number that is no figure ends: "1.000.000", a year, "3 in 10 homes"."""
        text, end = self.text, r.end
        if r.digits and (odd := AMBIGUOUS_NUMERAL.match(text, r.start)):
            return odd.end()  # "1.000.000", "1,5": refused by the grammar, so skipped whole
        if self._skipped_by(_REFUSING, r):
            return _skip_range(text, end)
        if (ratio := _RATIO_AFTER.match(text, end)) and _below(r.match, ratio["whole"]):
            return ratio.end()  # "3 in 10 homes": a proportion, not two figures
        return None

    def _hedge_and_range(self, r: _Reading) -> int | None:
        """The hedge before the number and a range after it; where a date ends, if one does."""
        text = self.text
        if r.word == "from" and r.change:
            r.hedge, r.word = None, ""  # "rose from 200 to 300": two figures
        if not r.match["vague"]:
            rng = _RANGE.match(text, r.cursor)
            if rng and r.change and rng["sep"] not in _DASHES:
                rng = None  # "rose 200 to 300": two figures; "fell 10-15%" is one
            if rng and (rng["sep"].lower() != "and" or r.word == "between"):
                if _MONTH_AFTER.match(text, rng.end()):  # "6-7 August"
                    return rng.end()
                r.cursor, r.ranged = rng.end(), True
        r.suffix = HEDGE_AFTER.match(text, r.cursor)
        if r.suffix:
            r.cursor = r.suffix.end()
        return None

    def _unit_of(self, r: _Reading) -> int | None:
        """The unit or counted noun ("1.2m people" and "1.9m of the 2.3m" are millions).

        Returns where a non-figure ends, -1 for a number that is no figure at all, or
        ``None`` to read on.
        """
        text, match = self.text, r.match
        if match["vague"] and (of := _VAGUE_OF.match(text, r.cursor)):
            r.cursor = of.end()  # "dozens of civilians"
        numbers = r.digits or r.ranged  # "1.2m", "two-3m people"
        r.millions = self._millions(r.cursor) if numbers and not match["scale"] else None
        self._range_in_millions(r)
        r.number_end = r.millions.end() if r.millions else r.cursor
        if r.millions and not r.suffix and (suffix := HEDGE_AFTER.match(text, r.number_end)):
            r.suffix, r.number_end = suffix, suffix.end()  # "2m-plus people", "1.2m+ people"
        unit = r.unit = unit_at(text, r.number_end)
        slip = WORD_AFTER.match(text, r.cursor) if unit.info is None else None
        if slip is not None and (meant := near_unit(slip[1])) is not None:
            # "12 kilomteres": not 12 of nothing, and not a new kind of count
            self.failed.append(
                (r.start, slip.end(), f"unknown unit {slip[1]!r}: did you mean {meant!r}?")
            )
            return slip.end()
        said = r.said
        if (
            said is not None
            and said.lower() in _ONE
            and (unit.noun or "").lower().startswith("of ")
        ):
            return -1  # "one of the children told him": a person, not a count
        if unit.info is None and unit.noun is None and not r.millions:
            return self._bare(r)
        if unit.info is not None and unit.info.name == "millimeter" and self._weapon(unit.end):
            return unit.end  # a calibre: "155mm shells"
        return None

    def _bare(self, r: _Reading) -> int | None:
        """A number with no unit: tentative, if a word; no figure, if it names something."""
        if not r.digits:
            listed = _AND_BEFORE.search(r.before) and _WHERE_AFTER.match(r.after)
            if r.said is None or (r.said.lower() in _ONE and not listed):
                return -1  # "one of the officials": a person, not a count
            # "28 drones …, four over the Voronezh Region": counts what the sentence
            # counts, or is no figure at all (see mentions()).
            r.tentative = True
        elif r.hedge is None and self._skipped_by(_NAMING, r):  # a hedged number is a figure
            return _skip_range(self.text, r.end)
        return None

    def _figure_of(self, r: _Reading) -> _Found | int | None:
        """Read the figure's words, with the bracketed conversion when there is one."""
        text, unit = self.text, r.unit
        cursor = unit.end if unit.end > r.cursor or not r.millions else r.millions.end()
        if unit.info is not None and not unit.info.count and not r.ranged:
            # "10km to 15km", "between 10 km and 15 km"; after a change, "fell 3km-4km" only
            cursor, r.ranged = self._range_after_unit(
                cursor, unit.info, and_=r.word == "between", dash=r.change
            )
        if r.word in ("between", "from") and not r.ranged:
            r.hedge = None  # "from 200" alone is not a range
        if r.word in REACHING and not self._reaches_a_level(r):
            r.hedge = None  # "strikes hit 12 towns", "forces reached 5 km from the city"
        first = r.start - len(r.before) + r.hedge[0] if r.hedge else r.start
        tail = None if r.suffix else _TAIL_HEDGE.match(text, cursor)
        if tail:
            cursor = tail.end()
        read = self._converted(r, first, cursor)
        if read is None:
            try:
                read = self._parse(first, r.start, cursor, unit, r.number_end, r.millions), cursor
            except IncursionError as error:
                if r.ranged:  # "10-15,000 people" is refused, not read as 15,000
                    self.failed.append((first, cursor, str(error)))
                    return cursor
                raise
        (estimate, first), surface_end = read
        dimension = estimate.dimension
        if (
            (dimension == "ratio" and not self.percentages)
            or (dimension == "duration" and not self.durations)
            or (dimension == "number" and r.digits and _is_year(r.digits, r.match["scale"]))
        ):
            return surface_end
        return _Found(first, surface_end, estimate, unit.noun, unit.counted, r.tentative)

    def _reaches_a_level(self, r: _Reading) -> bool:
        """Whether a verb of reaching before the number says a total got there: at least.

        So it does after a total in its clause ("the death toll has reached 1,200 people")
        and before a bare number ("by Monday it hit 1,200"); not before what the verb
        acts on or where it goes ("strikes hit 12 towns", "hit 30 times", "forces reached
        5 km from the city").
        """
        if _TOTAL.search(_clause_of(self.text[max(0, r.start - _TOLL_REACH) : r.start])):
            return True
        unit = r.unit
        return unit.info is None and unit.noun is None and not _TIMES_AFTER.match(r.after)

    def _converted(
        self, r: _Reading, first: int, cursor: int
    ) -> tuple[tuple[Estimate, int], int] | None:
        """The figure read with its conversion, in brackets or after a slash, and its end."""
        text, unit = self.text, r.unit
        if unit.info is None or unit.info.count:
            return None
        bracket = _BRACKET.match(text, cursor)
        conversion: tuple[int, int] | None = None
        if bracket:
            end, written = bracket.end(), 0
        elif (slash := self._slashed(cursor, unit.info)) is not None:
            # "300km/186 miles" reads as "300km (186 miles)"
            end, conversion, written = cursor, slash, slash[1]
        else:
            return None
        try:
            read = self._parse(
                first, r.start, end, unit, r.number_end, r.millions, conversion, written
            )
        except IncursionError:
            return None
        return read, written or end

    def _skipped_by(self, rules: tuple[ContextRule, ...], r: _Reading) -> bool:
        """Whether one of ``rules`` says the number is no figure; the first that does is noted."""
        seen = _Seen(self, r)
        for rule in rules:
            if rule.decide(seen) is not None:
                self.skipped.append((r.start, r.end, rule.id))
                return True
        return False

    def _range_after_unit(
        self, cursor: int, info: UnitInfo, *, and_: bool, dash: bool = False
    ) -> tuple[int, bool]:
        """Where a range of units ends after its first unit, and whether there is one.

        "10km to 15km", and "200 metres to two kilometres" (another unit of one measure);
        with ``dash``, only a dash joins the ends ("fell 3km-4km").
        """
        sep = (_UNIT_RANGE_AND if and_ else _UNIT_RANGE).match(self.text, cursor)
        if sep and dash and sep[0].strip() not in _DASHES:
            return cursor, False
        second = sep and NUMBER_RE.match(self.text, sep.end())
        if second and (second["digits"] or second["word"]):
            unit = unit_at(self.text, second.end()).info
            if unit is not None and unit.dimension == info.dimension:  # "200 m to 2 km" too
                return unit_at(self.text, second.end()).end, True
        return cursor, False

    def _weapon(self, position: int) -> bool:
        """Whether a weapon or a count follows: "155mm shells", "a 120-mm mortar"."""
        after = unit_at(self.text, position)
        if after.info is not None and after.info.count:
            return True
        word = UNIT_WORD.match(self.text, position)
        return word is not None and word["word"].lower() in _WEAPONS

    def _slashed(self, cursor: int, info: UnitInfo) -> tuple[int, int] | None:
        """Where a conversion of a figure in ``info`` after a slash or between dashes stands.

        "300km/186 miles" and "40 kilometres – or 25 miles –" give "186 miles", "25 miles";
        between dashes, only the same measure in another unit ("12 km – or 30 km –" is two
        figures).
        """
        text = self.text
        dashed = _DASH_OR.match(text, cursor)
        opened = dashed or _SLASH.match(text, cursor)
        number = opened and NUMBER_RE.match(text, opened.end())
        if not number or not number["digits"]:
            return None
        after = unit_at(self.text, number.end())
        unit, end = after.info, after.end
        if unit is None:
            return None
        if dashed and (
            not _DASH.match(text, end) or unit.name == info.name or unit.dimension != info.dimension
        ):
            return None  # a dash opens a conversion, into another unit, that a dash closes
        return number.start(), end

    def _millions(self, cursor: int) -> re.Match[str] | None:
        """An "m" for million after a number: "1.2m people", "2m tonnes", "1.9m of the".

        It is metres when a word of distance follows ("300m away", "10m deep"), a
        bracketed length ("300m (984ft)"), or when it describes a noun ("a 1.2m wall").
        """
        m = _MILLIONS.match(self.text, cursor)
        if m is None:
            return None
        if (rng := self._range_of_millions(m)) is not None:
            # "1.2m to 1.5m people", "300m to 400m long": million when a unit follows the
            # second end, as the grammar reads a range ("a 2m-3m wall": metres)
            second = _MILLIONS.match(self.text, rng.end())
            if second is None or self._metres_before(cursor):
                return None
            return m if self._a_million(second) else None
        if self._a_million(m):
            return m  # "1.2M people": never metres; "1.2m people", "2m tonnes"
        return None if self._metres(m, cursor) else m

    def _a_million(self, m: re.Match[str]) -> bool:
        """Whether an "M", or a unit after the "m", makes it million."""
        return bool(m["upper"]) or unit_at(self.text, m.end()).info is not None

    def _metres_before(self, cursor: int) -> bool:
        """Whether an article before the number says it describes a noun: "a 1.2m wall"."""
        number = _NUMBER_BEFORE.search(self.text, max(0, cursor - 40), cursor)
        return bool(
            number and _ARTICLE.search(self.text, max(0, number.start() - 10), number.start())
        )

    def _range_in_millions(self, r: _Reading) -> None:
        """A range with an "m" of million after each end: "between 1.2m and 1.5m people"."""
        rng = None if r.millions is None or r.ranged else self._range_of_millions(r.millions)
        if rng is not None and (rng["sep"].lower() != "and" or r.word == "between"):
            r.millions, r.ranged = _MILLIONS.match(self.text, rng.end()), True

    def _range_of_millions(self, m: re.Match[str]) -> re.Match[str] | None:
        """A range's second end with an "m" after it, after the first's: "1.2m-1.5m"."""
        rng = _RANGE.match(self.text, m.end())
        if rng is None or not _MILLIONS.match(self.text, rng.end()):
            return None
        return rng

    def _metres(self, m: re.Match[str], cursor: int) -> bool:
        """Whether the "m" after a number with no unit after it is metres."""
        if m["space"] or _METRES_AFTER.match(self.text, m.end()):
            return True  # "300 m.", "300m away"
        if self._metres_before(cursor):
            return True  # "a 1.2m wall"
        bracket = _BRACKET.match(self.text, m.end())
        inside = bracket and bracketed(bracket).strip()
        if inside and (inner := _CANDIDATE.match(inside)):
            after_inner = self._unit_in(inside, inner.end())
            return after_inner is not None and after_inner.dimension == "length"  # "(984ft)"
        return False

    def _unit_in(self, words: str, position: int) -> UnitInfo | None:
        """The unit named at ``position`` of some other words (a bracket's)."""
        return unit_at(words, position).info

    def _parse(
        self,
        first: int,
        start: int,
        end: int,
        unit: UnitRead,
        number_end: int,
        millions: re.Match[str] | None,
        conversion: tuple[int, int] | None = None,
        written_end: int = 0,
    ) -> tuple[Estimate, int]:
        """Read the words from ``first`` to ``end``; without the hedge if they do not read.

        The grammar reads the words where they stand.  A counted noun the scanner has read
        is given to it as its unit ("70 drone attacks" counts strikes), and an anaphor as
        no unit ("121 others"); the grammar then reads the words up to the noun.  Returns
        the estimate and where its words start (at the number if the hedge went).
        """
        text = self.text
        for begin in (first, start) if first != start else (first,):
            written = (begin, written_end or end)
            try:
                if unit.noun is None and (millions is None or unit.info is not None):
                    brackets = (conversion,) if conversion else ()
                    estimate = read_words(
                        text,
                        words=(begin, end),
                        brackets=brackets,
                        written=written,
                        policy=self.policy,
                    )
                else:
                    counted = unit.info or NUMBER
                    estimate = read_words(
                        text,
                        words=(begin, number_end),
                        unit=counted,
                        tail=(unit.end, end),
                        written=written,
                        policy=self.policy,
                    )
            except IncursionError:
                if begin == start:
                    raise
                continue
            return estimate, begin
        raise ParseError(f"cannot read {text[first:end]!r}")  # pragma: no cover - returns

    def _unit_follows(self, position: int) -> bool:
        """Whether a unit follows, after any range or hedge: "1800 or more settlements"."""
        if rng := _RANGE.match(self.text, position):
            position = rng.end()
        if suffix := HEDGE_AFTER.match(self.text, position):
            position = suffix.end()
        info = unit_at(self.text, position).info
        return info is not None and info.dimension not in ("duration", "ratio")


@attrs.define
class _Reading:
    """A figure being read from its number on: what has been found so far."""

    match: re.Match[str]
    start: int
    end: int
    before: str  # the words before the number (a bounded window)
    after: str  # the words after it
    words: list[tuple[int, str]]  # the last words before it, with where they start
    hedge: tuple[int, str] | None  # the hedge before it, and where it starts in before
    word: str  # the hedge's words, lower case
    change: bool  # a verb of change before it: "rose from 200 to 300"
    cursor: int  # how far the figure's words reach
    ranged: bool = False
    suffix: re.Match[str] | None = None
    millions: re.Match[str] | None = None
    unit: UnitRead = NO_UNIT
    number_end: int = 0
    tentative: bool = False

    @classmethod
    def of(cls, match: re.Match[str], text: str) -> _Reading:
        """Start reading at a candidate number."""
        start, end = match.span()
        before = text[max(0, start - _WINDOW) : start]
        words = _words_before(before)
        hedge = _hedge_before(before, words)
        word = hedge[1].lower() if hedge else ""
        if word.endswith(" between"):
            word = "between"  # "roughly between": a range, its ends widened
        change = _is_change(words, before_offset=hedge[0] if hedge else len(before))
        if word == "from" and not change:  # "revised its projection … from 100,000 to 245,000"
            change = _changed_in_sentence(text[max(0, start - _SENTENCE_REACH) : start])
        return cls(
            match=match,
            start=start,
            end=end,
            before=before,
            after=text[end : end + _WINDOW],
            words=words,
            hedge=hedge,
            word=word,
            change=change,
            cursor=end,
        )

    @property
    def digits(self) -> str | None:
        """The number's digits, if it is written in digits."""
        digits: str | None = self.match["digits"]
        return digits

    @property
    def said(self) -> str | None:
        """The number's words, if it is written in words ("four", "dozens", "a dozen")."""
        if self.digits:
            return None
        m = self.match
        said: str | None = m["word"] or m["vague"] or m["dozen"] or m["half"]
        return said


def _designation(before: str, after: str) -> bool:
    """Whether the capitalised word before a number names it ("Leopard 2", "Article 5").

    Not when a model follows ("Britain 14 Challenger 2 tanks") or the number ends a
    clause after a comma ("Russia lost 30 aircraft, Ukraine 12.").
    """
    if _MODEL_AHEAD.match(after) or (_CLAUSE_END.match(after) and _COMMA_NAME.search(before)):
        return False
    name = _NAME_BEFORE.search(before)
    if name is None or name["lead"] in ("", ".", "!", "?", ":", ";", "\n", '"', "“", "(", "‘"):
        return False
    if name["lead"] in ("”", "’", "'", ")") or _PLACE_BEFORE.search(before):
        return False  # the start of a sentence after a quote; "In Kharkiv 12 people died"
    if _TOLD_BEFORE.search(before):
        return False  # whom a source told: "a spokesman told Reuters 10 people were killed"
    word = name["word"].lower()
    return word not in _SENTENCE_OPENERS and word not in HEDGE_WORDS and word not in _DAYS


def _words_before(before: str) -> list[tuple[int, str]]:
    """The last four words of ``before``, each with where it starts."""
    return [(m.start(), m[0]) for m in _WORD_SPAN.finditer(before)][-4:]


def _hedge_before(before: str, words: list[tuple[int, str]]) -> tuple[int, str] | None:
    """The hedge that ends right before a number, and where it starts in ``before``.

    "around 1,000", "just under 30,000", "(about 300", "~300", ">= 12".
    """
    if not before:
        return None
    if not before[-1].isspace():  # only a symbol is glued to the number: "~300"
        symbol = next((w for w in _SYMBOL_HEDGES if before.endswith(w)), None)
        return (len(before) - len(symbol), symbol) if symbol else None
    for n in (4, 3, 2, 1):
        if len(words) < n:
            continue
        offset, head = words[-n]
        bare = head.lstrip(_OPENING)
        said = [bare] + [w for _, w in words[len(words) - n + 1 :]]
        if " ".join(said).lower() in _PREFIX_SET:
            start = offset + len(head) - len(bare)
            if " ".join(said).lower() == "between":  # "roughly between 20k and 40k"
                start = _about_before(words[: len(words) - n], start)
            return start, before[start:].rstrip()
    return None


def _about_before(words: list[tuple[int, str]], start: int) -> int:
    """Where an `about` hedge right before ``start`` starts ("roughly"), else ``start``."""
    for n in (3, 2, 1):
        if len(words) >= n:
            offset, head = words[-n]
            bare = head.lstrip(_OPENING)
            said = " ".join([bare] + [w for _, w in words[len(words) - n + 1 :]]).lower()
            if HEDGE_WORDS.get(said) is Hedge.ABOUT:
                return offset + len(head) - len(bare)
    return start


def _is_change(words: list[tuple[int, str]], before_offset: int) -> bool:
    """Whether a verb of change stands before ``before_offset``: "rose (by|from)".

    The change may come between: "fell by 12,408, from 3.21 million to 3.19 million".
    """
    said = [w.lower().rstrip(",") for offset, w in words if offset < before_offset]
    if said and said[-1] in ("by", "from"):
        said.pop()
    if len(said) > 2 and said[-2] == "by" and NUMBER_RE.fullmatch(said[-1]):
        del said[-2:]
    return bool(said) and said[-1] in _CHANGE_WORDS


def _changed_in_sentence(before: str) -> bool:
    """Whether a verb of change stands earlier in the clause that ``before`` ends.

    "From X to Y" then says where the figure started and where it ended, two figures,
    however far the verb stands in its clause: "the UNHCR revised its projection for
    refugees from 100,000 to 245,000"; but not "Russia increased its attacks, launching
    from 100 to 150 drones a night".
    """
    return any(w.lower() in _CHANGE_VERBS for w in _WORD_SPAN.findall(_clause_of(before)))


def _clause_of(before: str) -> str:
    """The end of ``before`` since its last clause began (see :data:`_CLAUSE_BREAK`)."""
    breaks = list(_CLAUSE_BREAK.finditer(before))
    return before[breaks[-1].end() :] if breaks else before


#: The words of change that say a figure changed wherever they stand in its clause:
#: "up" and "down" only right before it ("up from 200 to 300"), and "cut", "reduced" and
#: "raised" are too often something else ("cut through the forest").
_CHANGE_VERBS: Final = _CHANGE_WORDS - {"up", "down", "cut", "reduced", "raised"}
#: A total, whose level a verb of reaching gives: "the death toll has reached 1,200".
_TOTAL: Final = re.compile(r"\b(?:toll|total|tally|number|count|figures?)\b", re.IGNORECASE)
_TIMES_AFTER: Final = re.compile(r"\s+times\b", re.IGNORECASE)
#: Where a clause begins: after a stop, a comma, a colon or semicolon, or a conjunction.
_CLAUSE_BREAK: Final = re.compile(
    r"[.!?;:,]|\b(?:and|as|while|but|when|after|before|because|which|who|where|leaving)\b",
    re.IGNORECASE,
)


def _adopted(estimate: Estimate, unit: str) -> Estimate | None:
    """The bare number read as a count of ``unit``, or ``None`` if it cannot be one (14.5)."""
    try:
        return _retext(adopt(estimate, unit), estimate.text)
    except IncursionError:
        return None


def _below(match: re.Match[str], whole: str) -> bool:
    """Whether the number of ``match`` is below ``whole`` ("3 in 10", not "12 in 2")."""
    part = match[0].lower()
    small = NUMBER_WORDS.get(part)
    value = small if small is not None else float(part) if part.isdigit() else None
    total = NUMBER_WORDS.get(whole.lower()) or (int(whole) if whole.isdigit() else None)
    return value is not None and total is not None and value < total


def _is_count(estimate: Estimate) -> bool:
    return bool(estimate.unit) and resolve_unit(estimate.unit).count


def _distributed(last: _Found, figure: _Found) -> Estimate | None:
    """The figure with the hedge of the figure before it, coordinated with it.

    A hedge before a figure reaches the figures coordinated with it (see
    :func:`_coordinated`) that say what they count and carry no hedge of their own: "some
    3,000 women and 5,000 children".
    """
    said, own = last.estimate, figure.estimate
    if (
        own.hedge is not Hedge.EXACT
        or own.dimension == "number"  # a bare number: what it counts is told elsewhere
        or said.hedge in (Hedge.EXACT, Hedge.BETWEEN)
        or said.word is None
    ):
        return None
    try:
        return attrs.evolve(own, hedge=said.hedge, word=said.word)
    except IncursionError:  # pragma: no cover - a hedge word of its class always fits
        return None


def _coordinated(found: list[_Found], text: str) -> list[bool]:
    """For each figure, whether it is coordinated with the figure before it.

    Two figures are, when `and` joins them ("some 3,000 women and 5,000 children"), or a
    comma does in a list that `and` closes ("some 900 tonnes of flour, 40 tents, and 6
    ambulances").  A comma alone is no joint: after it come breakdowns ("at least 20
    people, 12 of them children") as often as list items, and so is a comma before items
    that make up the figure before it (see :func:`_breakdown`).
    """
    joints: list[str | None] = [None]
    for before, figure in itertools.pairwise(found):
        if figure.start - before.end > _JOINT_REACH or _OF_THEM.search(
            text, figure.start, figure.end
        ):
            joints.append(None)  # far apart, or a breakdown: "12 of them children"
        elif _LIST_JOINT.fullmatch(text, before.end, figure.start):
            joints.append("and")
        elif _LIST_COMMA.fullmatch(text, before.end, figure.start):
            joints.append(",")
        else:
            joints.append(None)
    closed = [False] * len(found)
    listed = False  # whether the figures after the one at hand close a list
    for i in reversed(range(len(found))):
        if joints[i] == "and":
            closed[i] = True
            head = i - 1
            while head > 0 and joints[head] == ",":
                head -= 1
            listed = not _breakdown(found[head], found[head + 1 : i + 1])
        elif joints[i] == ",":
            closed[i] = listed
        else:
            listed = False
    return closed


def _breakdown(head: _Found, items: list[_Found]) -> bool:
    """Whether ``items``, after a comma, say what ``head`` was made of rather than list more.

    They do when they count what it counts and add up to no more than it: "at least 20
    people, 12 Palestinians and 8 Israelis".  "Some 3,000 women, 5,000 children and 2,000
    men" add up to more; "about 5,000 soldiers, 300 tanks and 20 aircraft" count other
    things: lists, whose items the hedge reaches.
    """
    whole = head.estimate
    if len(items) < 2 or any(f.estimate.dimension != whole.dimension for f in items):
        return False
    return sum(f.estimate.number for f in items) <= whole.number


#: What may stand between two coordinated figures: the dimension the first measures, or a
#: few words of what it is of, then `and` (" deep and ", "of water and ", ", and ").
_LIST_JOINT: Final = re.compile(
    rf"(?:\s++(?:{'|'.join(sorted(DIMENSION_WORDS))}))?"  # "about 12km deep and 40km wide"
    r"(?:\s++of\s++[^\W\d_][\w'’-]*+(?:\s++[^\W\d_][\w'’-]*+){0,3})?"
    r"(?:\s*+,\s*+and\s++|\s++and\s++)",
    re.IGNORECASE,
)
#: A figure that counts some of what was counted before: "12 of them children".
_OF_THEM: Final = re.compile(r"\bof\s+(?:them|these|those|whom)\b", re.IGNORECASE)
#: The same with a comma for the `and`: an item of a list that `and` closes further on.
_LIST_COMMA: Final = re.compile(
    r"(?:\s++of\s++[^\W\d_][\w'’-]*+(?:\s++[^\W\d_][\w'’-]*+){0,3})?\s*+,\s++"
)
_JOINT_REACH: Final = 60  # characters


def _retext(estimate: Estimate, text: str | None) -> Estimate:
    """The estimate with the words as they stand in the text."""
    if estimate.text == text:
        return estimate
    return rebuilt(estimate, resolve_unit(estimate.unit) if estimate.unit else NUMBER, text)


def _past_aside(text: str, end: int) -> str:
    """The words after a number, past an aside between dashes.

    "5,712,506—almost 15 percent of the country—were displaced": what follows the number
    is "were displaced".
    """
    aside = _ASIDE.match(text, end)
    if aside is None:
        return text[end : end + 40]
    return " " + text[aside.end() : aside.end() + 40]  # the closing dash parts the words


def _is_year(digits: str, scale: str | None) -> bool:
    return scale is None and len(digits) == 4 and digits.isdigit() and 1800 <= int(digits) <= 2100


def _skip_range(text: str, end: int) -> int:
    """Where a non-figure ends, with a range after it ("2022-23", "18 to 60")."""
    rng = _YEAR_RANGE.match(text, end)
    return rng.end() if rng else end


def _sentences(text: str) -> list[tuple[int, int]]:
    """The spans of the sentences of ``text``."""
    spans = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if match["stop"] == ".":
            word = _LAST_WORD.search(text, max(0, match.start() - 12), match.start())
            if word and (
                word[1].lower() in _ABBREVIATIONS or (len(word[1]) == 1 and word[1].isupper())
            ):
                continue
        if match["heading"]:  # a short line without a stop, then a capital: a heading
            spans.append((start, match.end("heading")))
        else:
            spans.append((start, match.end("close") if match["stop"] else match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans
