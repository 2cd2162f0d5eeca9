"""The tokenizer: text cut into numbers, words, space and punctuation, covering it exactly."""

from __future__ import annotations

import itertools
import re
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from incursion._tokens import AMBIGUOUS_PATTERN, Kind, digits_value, tokenize


@given(st.text())
def test_tokens_cover_the_text_in_order_without_overlap(text: str) -> None:
    """Any text: each character in exactly one token, in order, each token its own slice."""
    tokens = tokenize(text)
    assert "".join(t.text for t in tokens) == text
    position = 0
    for token in tokens:
        assert token.start == position < token.end
        assert text[token.start : token.end] == token.text
        position = token.end
    assert position == len(text)


@given(st.lists(st.sampled_from(["1,000", "12", " ", "km", "(", "7.5", "2.500", "x"])))
def test_numbers_never_touch_numbers(pieces: list[str]) -> None:
    """Two number tokens are never adjacent: a run of digits is one token."""
    kinds = [t.kind for t in tokenize("".join(pieces))]
    numeric = {Kind.NUMBER, Kind.AMBIGUOUS}
    assert not any(a in numeric and b in numeric for a, b in itertools.pairwise(kinds))


@pytest.mark.parametrize(
    ("text", "kind", "parts"),
    [
        pytest.param("1,000", Kind.NUMBER, ("1000", ""), id="comma-thousands"),
        pytest.param("1,234.5", Kind.NUMBER, ("1234", "5"), id="comma-and-point"),
        pytest.param("20 842", Kind.NUMBER, ("20842", ""), id="space-thousands"),
        pytest.param("76\u00a0000", Kind.NUMBER, ("76000", ""), id="no-break-space"),
        pytest.param("3,70,000", Kind.NUMBER, ("370000", ""), id="indian-groups"),
        pytest.param("12,5", Kind.NUMBER, ("12", "5"), id="decimal-comma"),
        pytest.param("486,55", Kind.NUMBER, ("486", "55"), id="decimal-comma-two"),
        pytest.param("20 842,5", Kind.NUMBER, ("20842", "5"), id="space-thousands-comma"),
        pytest.param("7.5", Kind.NUMBER, ("7", "5"), id="decimal-point"),
        pytest.param("1.000.000", Kind.AMBIGUOUS, None, id="dot-thousands"),
        pytest.param("2.500", Kind.AMBIGUOUS, None, id="one-dot-three-digits"),
        pytest.param("1,2345", Kind.AMBIGUOUS, None, id="comma-four-digits"),
        pytest.param("1,000,5", Kind.AMBIGUOUS, None, id="thousands-then-decimal-comma"),
    ],
)
def test_digit_forms(text: str, kind: Kind, parts: tuple[str, str] | None) -> None:
    """Each form of digits is one token of its kind, read to its whole and fraction."""
    (token,) = tokenize(text)
    assert token.kind is kind
    if parts is not None:
        assert digits_value(token.text) == parts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("1,000sq km", ["1,000", "sq", " ", "km"], id="unit-run-on"),
        pytest.param("1.2m people", ["1.2", "m", " ", "people"], id="scale-letter"),
        pytest.param("M23 rebels", ["M23", " ", "rebels"], id="name-with-digits"),
        pytest.param("Kyiv’s 12", ["Kyiv’s", " ", "12"], id="apostrophe"),
        pytest.param("km² (386 mi²)", ["km²", " ", "(", "386", " ", "mi²", ")"], id="squared"),
        pytest.param("In 2024, 12", ["In", " ", "2024", ",", " ", "12"], id="comma-space"),
        pytest.param("fled 1,000.", ["fled", " ", "1,000", "."], id="full-stop"),
        pytest.param("T-80", ["T", "-", "80"], id="hyphen"),
    ],
)
def test_words_numbers_and_marks(text: str, expected: list[str]) -> None:
    """Words, numbers and marks are cut where a reader would cut them."""
    assert [t.text for t in tokenize(text)] == expected


def test_long_runs_of_digit_groups_are_read_in_linear_time() -> None:
    """A run of 25,000 space groups is one number; finding ambiguous runs stays fast."""
    text = "1" + " 000" * 25_000
    start = time.perf_counter()
    tokens = tokenize(text)
    found = list(re.finditer(AMBIGUOUS_PATTERN, text))
    assert time.perf_counter() - start < 2.0
    assert len(tokens) == 1
    assert found == []
