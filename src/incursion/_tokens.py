"""The lowest layer of reading figures: text cut into tokens, each with its offsets.

Every character of a text belongs to exactly one token, in order: numbers written in
digits, words (letters, with digits after them as in "km2", "M23" or "MiG"), runs of
space, and single marks of punctuation.  The digit grammar lives here and only here:
thousands written with commas (``1,000``), spaces (``20 842``) or in Indian groups
(``3,70,000``), a decimal point (``7.5``) and a decimal comma (one comma before one or two
final digits, ``12,5``: a thousands group has three).  Digits written in a convention we
cannot tell apart from another (``1.000.000``, ``2.500``, ``1,2345``) are one token of
kind ``ambiguous``, which the readers above refuse with a clear message.
"""

from __future__ import annotations

import enum
import re
from typing import Final

import attrs

__all__ = ["AMBIGUOUS_PATTERN", "DIGITS_PATTERN", "Kind", "Token", "digits_value", "tokenize"]


class Kind(enum.StrEnum):
    """What a token is."""

    NUMBER = "number"
    AMBIGUOUS = "ambiguous"
    WORD = "word"
    SPACE = "space"
    PUNCT = "punct"


@attrs.frozen(slots=True)
class Token:
    """A piece of text: its kind, where it starts and ends, and its characters.

    Attributes:
        kind: What the token is.
        start: The offset of its first character in the text.
        end: The offset just past its last character (``text[start:end]``).
        text: Its characters.
    """

    kind: Kind
    start: int
    end: int
    text: str


#: Characters that group thousands in news text besides the comma.
SPACES: Final = " \u00a0\u2009\u202f"
_SPACE: Final = f"[{SPACES}]"

_D: Final = "[0-9]"

#: A run of digits with the separators news text puts between them: grouped by spaces
#: (only after one to three digits, and in groups of three) or joined by dots and commas.
_RUN: Final = rf"{_D}{{1,3}}(?:{_SPACE}{_D}{{3}})+(?:[.,]{_D}+)*(?!{_D})|{_D}+(?:[.,]{_D}+)*"

#: The digit grammar: a run that reads one way only, for use inside larger patterns.
#: One to three digits, a dot and three digits ("2.500") are thousands in one convention
#: and a decimal in another, so they are not a number here.
DIGITS_PATTERN: Final = (
    rf"(?<!{_D})(?<!{_D}[,.])(?![1-9]{_D}{{0,2}}\.{_D}{{3}}(?!{_D}|[,.]{_D}))"
    rf"(?:{_D}{{1,2}}(?:,{_D}{{2}})+,{_D}{{3}}"  # Indian groups: 3,70,000
    rf"|{_D}{{1,3}}(?:,{_D}{{3}})+(?:\.{_D}+)?"  # 1,000 and 1,234.5
    rf"|{_D}{{1,3}}(?:{_SPACE}{_D}{{3}})+(?:\.{_D}+|,{_D}{{1,2}})?"  # 1 000, 20 842,5
    rf"|{_D}+,{_D}{{1,2}}"  # a decimal comma: 12,5
    rf"|{_D}+(?:\.{_D}+)?"  # 1000 and 7.5
    rf"|(?<![.,])\.{_D}+)"  # .5
    rf"(?!{_D}|[,.]{_D})"
)

#: A run of digits that is no number: "1.000.000", "2.500", "1,2345".
AMBIGUOUS_PATTERN: Final = rf"(?<!{_D})(?<!{_D}[,.])(?<!{_D}{_SPACE})(?!{DIGITS_PATTERN})(?:{_RUN})"

_TOKEN: Final = re.compile(
    rf"(?P<number>{DIGITS_PATTERN})"
    rf"|(?P<ambiguous>{AMBIGUOUS_PATTERN})"
    r"|(?P<word>[^\W\d_](?:[^\W_]|['’](?=[^\W\d_]))*[²³]?)"
    r"|(?P<space>\s+)"
    r"|(?P<punct>.)",
    re.DOTALL,
)


def tokenize(text: str) -> list[Token]:
    """Cut ``text`` into tokens that cover it, in order, without overlap.

    >>> [(t.kind.value, t.text) for t in tokenize("about 1,000sq km (386 mi²)")]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('word', 'about'), ('space', ' '), ('number', '1,000'), ('word', 'sq'),
     ('space', ' '), ('word', 'km'), ('space', ' '), ('punct', '('), ('number', '386'),
     ('space', ' '), ('word', 'mi²'), ('punct', ')')]
    """
    kinds = _KINDS
    return [
        Token(kinds[match.lastgroup or "punct"], match.start(), match.end(), match[0])
        for match in _TOKEN.finditer(text)
    ]


_KINDS: Final = {kind.value: kind for kind in Kind}


def digits_value(digits: str) -> tuple[str, str]:
    """The whole and fractional digits of a number token, without separators.

    >>> digits_value("1,234.5"), digits_value("12,5"), digits_value("3,70,000")
    (('1234', '5'), ('12', '5'), ('370000', ''))
    """
    plain = digits.translate(_NO_SPACES)
    if "," in plain and _DECIMAL_COMMA.fullmatch(plain):
        whole, _, fraction = plain.partition(",")
        return whole, fraction
    whole, _, fraction = plain.replace(",", "").partition(".")
    return whole, fraction


_DECIMAL_COMMA: Final = re.compile(rf"{_D}+,{_D}{{1,2}}")
_NO_SPACES: Final = str.maketrans("", "", SPACES)
