"""The words after a number: a unit, a counted noun and the words that describe them.

:func:`unit_at` reads them where they stand in running text, finding where they end
("70 drone attacks were reported": strikes, up to "attacks"); :func:`unit_words` reads
the words after a figure's number as a document writes them ("1,000 sq km of territory",
"28 Russian settlements", "1,200 applications"), and :func:`read_unit` a unit named on
its own.  The word classes here (adjectives, words that add to a count, model names,
participles, what follows a count) are those every reader of figures uses.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

import attrs

from incursion._hedges import HEDGE_WORDS
from incursion._numerals import NUMBER_WORDS, SCALE_WORDS
from incursion._units import (
    UnitInfo,
    broader,
    canonical_unit,
    lookup_unit,
    open_count,
    resolve_unit,
    unit_or_none,
    within,
)
from incursion._validation import quoted
from incursion.exceptions import UnitError

__all__ = [
    "ADDITIVES",
    "ANAPHORS",
    "AUXILIARIES",
    "AUXILIARY_AFTER",
    "DIMENSION_WORDS",
    "MODEL",
    "NO_UNIT",
    "PARTICIPLES",
    "PEOPLE_AFTER",
    "UNIT_WORD",
    "UnitRead",
    "head_info",
    "is_adjective",
    "modifies",
    "read_unit",
    "unit_at",
    "unit_words",
]


def unit_words(words: str, text: str, *, adjectival: bool = False) -> str:
    """Resolve the words after a number: a unit, possibly with words that only describe.

    Accepted besides a plain unit: the noun an adjectival unit qualifies ("40-kilometre
    front"), what a measure is of ("1,000 sq km of territory"), a dimension word ("12 km
    deep") and adjectives before a counted noun ("28 Russian settlements").  Any other
    word — another unit, a number, a hedge, a conjunction — is an error, not dropped.
    """
    if not words or words.lower() in ANAPHORS:  # "360 others": more of what is counted
        return ""
    if words.lower() in DIMENSION_WORDS:  # "2m deep": which way a length runs, no count
        raise UnitError(f"expected a unit before {quoted(words)} in {quoted(text)}")
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
        or (None if adjectival else _counted_through(words) or _open_head(parts))
    )
    if name is None:
        raise UnitError(f"unknown unit {quoted(words)} in {quoted(text)}")
    return name


def _counted_through(words: str) -> str | None:
    """What the words count, read as running text reads them, if they are all its noun.

    "T-72 tanks", "Leopard 2 tanks", "155mm shells", "70 drone attacks", "34,000
    Palestinians": :func:`unit_at` reads the words after a number, and here it must read
    them all.
    """
    said = f" {words}"
    read = unit_at(said, 0)
    if read.info is None or not read.info.count or said[read.end :].strip():
        return None
    return read.info.name


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
        if len(parts) < k:
            continue
        info = head_info(" ".join(parts[-k:]))
        if info is None:
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
        return resolve_unit(unit_words(words.strip(), words))
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


# -- reading the words after a number in running text --------------------------------


_MAX_TOKENS: Final = 6


# A word of a unit or of a counted noun: "km", "km²", "sq", "kilometres", "km/h", "%".
UNIT_WORD: Final = re.compile(
    r"(?P<gap>['’]?[ \t\u00a0]*\n?[ \t\u00a0]*[\"“]?|-)"  # an opening quote: "terrorists"
    r"(?P<word>%|[^\W\d_](?:[\w².]|['’/-](?=[^\W\d_])"
    r"|(?:(?<=\b[A-Z])|(?<=\b[A-Z][A-Za-z])|(?<=\b[A-Z]{3}))-(?=\d)|(?<=\d)/(?=\d))*)"
)


# A model number after a capitalised word: "Leopard 2", "Challenger 2A4".
_MODEL_NUMBER: Final = re.compile(r"[ \t]+\d{1,3}(?!\d)[A-Za-z0-9]*(?:-\d+)?\b")


# A line that starts a new item of a list: "UAV ‒ 15,903", "Tanks: 12".
_LIST_ITEM: Final = re.compile(r"\n\s*(?:[A-Z]|[^\n]{0,40}?[—–‒:])")


_CALIBRE: Final = re.compile(r"[ \t]+\d+(?:\.\d+)?[ -]?mm\b")


PEOPLE_AFTER: Final = re.compile(
    r"(?:\s+of\s+(?:them|whom))?"  # "some 3,000 of them have been killed"
    r"\s+(?:(?:were|was|are|is|have|had|has)\s+)?(?:(?:been|reportedly|now|still|feared)\s+)?"
    r"(?:killed|wounded|injured|hurt|evacuated|displaced|detained|arrested|missing|rescued"
    r"|dead|fled|died|executed|abducted|deported|taken\s+hostage|face|faced|facing|remain"
    r"|trapped|stranded"
    r"|remained|live|lived|need|needed|men|women|children|civilians|soldiers)\b",
    re.IGNORECASE,
)


AUXILIARY_AFTER: Final = re.compile(
    r"\s+(?:were|was|have|had|has|are|is|fell|landed|hit|struck|reached|crossed|arrived)\b",
    re.IGNORECASE,
)


_NOUNISH: Final = re.compile(
    r"(?!(?:this|thus|as|is|was|has|his|its|us|plus|yes|less|unless)$)(?:[a-z]+[^s]s|[a-z]{3,}men)$"
)


_DETERMINERS: Final = frozenset(
    {"the", "its", "their", "his", "her", "our", "these", "those", "own", "whom", "them"}
)


# A people named by its plural: "Palestinians", "Ukrainians", "Israelis", "Sudanese".
_PEOPLES: Final = re.compile(r"[A-Z][a-z]+(?:ians|ans|is|ese)")


# Count nouns that are not plural in "s" and yet may head a count: "12 aircraft".
_COLLECTIVE: Final = frozenset(
    {"aircraft", "personnel", "people", "artillery", "staff", "mlrs", "uav", "himars"} | PARTICIPLES
)


# Parts of a whole, not things counted: "two thirds were women".
_FRACTIONS: Final = frozenset(
    {"halves", "thirds", "quarters", "fifths", "sixths", "sevenths", "eighths", "ninths"}
    | {"tenths"}
)


# Joints, pointers and the verbs that take what befell what is counted as their object.
_NOT_DESCRIBING: Final = frozenset(
    {"and", "or", "&", "another", "nor", "but", "for", "to", "of", "with", "by"}
    | {"suffered", "sustained", "got", "lost", "needed", "received", "required", "took"}
    | {"lacked", "gained", "reserved"}
)


@attrs.frozen
class UnitRead:
    """What follows a number: where it ends, the unit, the noun as written."""

    end: int
    info: UnitInfo | None
    noun: str | None
    counted: bool  # the noun names what is counted (not "others")


#: No unit, before the unit is read.
NO_UNIT: Final = UnitRead(0, None, None, counted=False)


def unit_at(text: str, position: int, *, calibre: bool = True) -> UnitRead:
    """The unit or counted noun right after ``position`` (after one calibre, if ``calibre``)."""
    if calibre and (size := _CALIBRE.match(text, position)):  # "100,000 155mm shells"
        counted = unit_at(text, size.end(), calibre=False)
        if counted.info is not None and counted.info.count:
            noun = text[position : counted.end].strip()
            return UnitRead(counted.end, counted.info, noun, counted=True)
        return UnitRead(position, None, None, counted=False)
    tokens, adjectival = _unit_tokens(text, position)
    none = UnitRead(position, None, None, counted=False)
    if not tokens:
        return none
    words = [w for w, _ in tokens]
    glued = tokens[0][1] - len(words[0]) == position
    if glued and len(words[0]) == 1 and words[0].isupper() and words[0] != "K":
        return none  # "5G", "3D"
    if adjectival:  # "40-kilometre", "1,000-square-kilometre", "50,000-strong"
        return _adjectival_unit(position, words[0]) or none
    return _measure_unit(tokens) or _counted_noun(text, tokens) or none


def _unit_tokens(text: str, position: int) -> tuple[list[tuple[str, int]], bool]:
    """The words after a number, each with where it ends, and whether they are joined.

    Joined: a hyphen joins the first word to the number ("40-kilometre").
    """
    tokens: list[tuple[str, int]] = []  # each word and where it ends
    pos = position
    adjectival = False
    for _ in range(_MAX_TOKENS):
        token = UNIT_WORD.match(text, pos)
        if token is None:
            break
        gap = token["gap"]
        if tokens and (gap == "-" or not gap):
            break
        if "\n" in gap and _LIST_ITEM.match(text, pos + gap.index("\n")):
            break  # "helicopters ‒ 328\nUAV ‒ 15,903": the next line is another item
        adjectival = adjectival or gap == "-"
        word = token["word"]
        if word.endswith(".") and word.lower() not in ("sq.", "approx."):
            word = word.rstrip(".")
        pos = token.start("word") + len(word)
        if adjectival:
            tokens.append((word, pos))
            break
        if word[0].isupper() and (model := _MODEL_NUMBER.match(text, pos)):
            word, pos = f"{word} {model[0].strip()}", model.end()  # "Leopard 2"
        tokens.append((word, pos))
    return tokens, adjectival


def _counted_noun(text: str, tokens: list[tuple[str, int]]) -> UnitRead | None:
    """A counted noun, after adjectives, the last of a run of nouns.

    "28 Russian settlements", "70 drone attacks", "3 prisoners of war"; else the people
    ("34,000 Palestinians") or the anaphor ("121 others") the words name.
    """
    words = [w for w, _ in tokens]
    lead = 0
    if words[0].lower() == "of":  # "40 of its own soldiers"
        lead = 1
        while lead < len(words) - 1 and words[lead].lower() in _DETERMINERS:
            lead += 1
    i = _after_modifiers(words, lead)
    head = _head_noun(words, lead, i)
    start = tokens[0][1] - len(words[0])
    if head is not None:
        end = tokens[head[0] - 1][1]
        return UnitRead(end, head[1], text[start:end], counted=True)
    people = next(
        (k for k in range(lead, min(i + 1, len(words))) if _PEOPLES.fullmatch(words[k])), None
    )
    if people is not None and (  # "34,000 Palestinians", not "12 Chinese firms"
        people + 1 == len(words) or not _NOUNISH.fullmatch(words[people + 1])
    ):
        end = tokens[people][1]
        return UnitRead(end, lookup_unit("person"), text[start:end], counted=True)
    if words[0].lower() in ANAPHORS:  # "121 others", but "25,007 more Colombians"
        return UnitRead(tokens[0][1], None, words[0], counted=False)
    return None


def _adjectival_unit(position: int, word: str) -> UnitRead | None:
    """The unit a hyphen joins to a number: "40-kilometre", "50,000-strong"."""
    parts = word.split("-")
    for k in range(len(parts), 0, -1):
        info = unit_or_none(" ".join(parts[:k]))
        if info is not None and not info.count:
            return UnitRead(position + 1 + len("-".join(parts[:k])), info, None, counted=False)
    if parts[0].lower() == "strong":
        return UnitRead(position + 7, lookup_unit("person"), "strong", counted=True)
    return None


def _measure_unit(tokens: list[tuple[str, int]]) -> UnitRead | None:
    """The longest unit of measure named outright: "km", "square miles", "8m-long"."""
    words = [w for w, _ in tokens]
    direct: tuple[int, UnitInfo] | None = None
    for k in range(1, min(len(words), 4) + 1):
        info = unit_or_none(" ".join(words[:k]))
        if info is not None:
            direct = (k, info)
    if direct is not None:
        if direct[1].count:
            return None
        return UnitRead(tokens[direct[0] - 1][1], direct[1], None, counted=False)
    measured, _, describes = words[0].partition("-")
    if describes.lower() in DIMENSION_WORDS:  # "8m-long", "10km-wide"
        info = unit_or_none(measured)
        if info is not None and not info.count:
            return UnitRead(tokens[0][1] - len(words[0]) + len(measured), info, None, counted=False)
    return None


def _after_modifiers(words: list[str], lead: int) -> int:
    """Where the words that describe a counted noun end: "28 Russian | settlements"."""
    i = lead
    while i < min(len(words), lead + 4):
        if (
            words[i].lower() in ("and", "or", "&")  # "T-72 and T-90 tanks"
            and i > lead
            and i + 1 < len(words)
            and unit_or_none(words[i + 1]) is None
            and modifies(words[i + 1])
        ):
            i += 2
            continue
        if (
            unit_or_none(words[i]) is not None
            or unit_or_none(" ".join(words[i : i + 2])) is not None  # "service members"
            or unit_or_none(" ".join(words[i : i + 3])) is not None  # "unmanned aerial …"
            or not modifies(words[i])
        ):
            break
        i += 1
    return i


def head_info(said: str) -> UnitInfo | None:
    """The unit or counted noun that words name, nouns joined by a slash too ("ships/boats")."""
    info = unit_or_none(said)  # "km/h" is a unit of its own
    if info is None and "/" in said and " " not in said:
        return _alternatives(said)
    return info


def _alternatives(said: str) -> UnitInfo | None:
    """What nouns joined by a slash count: the nearest kind that holds each one known.

    "15 ships/boats" counts ships (boats being no kind of the tables), "12 tanks/IFVs"
    armoured vehicles; the first must be a counted noun of the tables.
    """
    parts = said.split("/")
    first, *others = (unit_or_none(part) for part in parts)
    if first is None or not first.count:
        return None
    pairs = zip(others, parts[1:], strict=True)
    if any(info is None and not _NOUNISH.fullmatch(part) for info, part in pairs):
        return None  # "300 shells/day", "3 people/km²": a rate, not alternatives
    known = [info for info in others if info is not None]
    if not all(info.count for info in known):
        return None
    for kind in (first.dimension, *broader(first.dimension)):
        if all(within(info.dimension, kind) for info in known):
            return resolve_unit(canonical_unit(kind))
    return None  # "12 tanks/civilians": no kind holds both


def _known_head(words: list[str], j: int, lead: int, i: int) -> tuple[int, UnitInfo] | None:
    """A counted noun of the table at ``j``, up to three words wide."""
    for width in (3, 2, 1):
        if j + width > len(words):
            continue
        info = head_info(" ".join(words[j : j + width]))
        if (
            info is not None
            and info.count
            and (j == lead or j > i or width > 1 or words[j].lower() not in PARTICIPLES)
        ):
            return j + width, info
    return None


def _head_noun(words: list[str], lead: int, i: int) -> tuple[int, UnitInfo] | None:
    """The last of a run of counted nouns from ``i``, and where it ends."""
    head: tuple[int, UnitInfo] | None = None
    j = i
    while j < len(words):
        known = _known_head(words, j, lead, i)
        if known is None:
            if head is not None and words[j].lower() in _GENERIC_HEADS:
                return j + 1, head[1]  # "1,147 artillery units": items of the kind
            if head is None and j == i and words[j].lower() in PARTICIPLES:
                j += 1  # "internally displaced people": the participle describes
                continue
            if (
                head is None
                and j == i <= 2
                and lead == 0
                and all(map(_describes_a_noun, words[:i]))
                and (info := _open_noun(words[j])) is not None
            ):
                head = (j + 1, info)  # "146 occupiers": a kind of its own
            break
        head, j = known, known[0]
        said = words[j - 1].lower()
        if said in PARTICIPLES and (described := _described_after(words, j, known[1])):
            return described  # "3 wounded Ukrainian soldiers": the participle describes
        if j < len(words) and said not in _COLLECTIVE and not said.endswith("s"):
            # "drone and missile attacks", "tank crews": a singular noun is a modifier
            if words[j].lower() in ("and", "or") and j + 1 < len(words):
                j += 1
                continue
            if _NOUNISH.fullmatch(words[j]) and unit_or_none(words[j]) is None:
                # "12 drone operators", "12,000 civilian properties": a kind of its own,
                # named by both nouns, as a document's "drone operators" is
                info = _open_noun(words[j], words[j - 1])
                return None if info is None else (j + 1, info)
    return head


def _described_after(words: list[str], j: int, head: UnitInfo) -> tuple[int, UnitInfo] | None:
    """A counted noun of the kind ``head`` after words that describe it, from ``j``."""
    for k in range(j, min(len(words), j + 3)):
        known = _known_head(words, k, k, k)  # "3 wounded Ukrainian prisoners of war"
        if known is not None:
            info = known[1]
            return known if info.count and within(info.dimension, head.dimension) else None
        if not modifies(words[k]):
            return None
    return None


def _describes_a_noun(word: str) -> bool:
    """Whether a word before a noun outside the table may describe it.

    Not a joint or a pointer ("one another and reported allegations"), and not a verb
    whose object the noun would be: "3 suffered burns", "2 needed repairs", "5 got visas"
    (the verbs that follow a count in news text, as the context rules know them, and those
    that take what befell the counted).
    """
    low = word.lower()
    return (
        low not in _NOT_DESCRIBING
        and not AUXILIARY_AFTER.fullmatch(" " + low)
        and not (PEOPLE_AFTER.fullmatch(" " + low))
    )


def _open_noun(word: str, modifier: str = "") -> UnitInfo | None:
    """A plural noun outside the table, counting its own kind as a document's would.

    The model's open vocabulary reads it ("occupiers" counts occupiers; after a singular
    ``modifier``, "drone operators" count drone operators); only a word that looks like a
    plural noun is tried, not a fraction ("two thirds"), and a slip for a unit word is
    none.
    """
    if not _NOUNISH.fullmatch(word) or word.lower() in _FRACTIONS:
        return None
    try:
        return open_count(f"{modifier} {word}" if modifier else word)
    except UnitError:
        return None
