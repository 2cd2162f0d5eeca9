"""Tests for the numeral reader: every form news text writes numbers in, and what it rejects."""

from __future__ import annotations

import time

import pytest

from incursion._numerals import Numeral, implied_step, parse_numeral
from incursion.exceptions import IncursionError, ParseError


class TestDigitForms:
    """Numerals written in digits, with separators, decimals and scale words."""

    @pytest.mark.parametrize(
        ("text", "value"),
        [
            pytest.param("1,000", 1_000.0, id="comma-thousands"),
            pytest.param("1 000", 1_000.0, id="space-thousands"),
            pytest.param("1\u00a0000", 1_000.0, id="no-break-space-thousands"),
            pytest.param("1\u202f000", 1_000.0, id="narrow-no-break-space-thousands"),
            pytest.param("20 842", 20_842.0, id="space-five-digits"),
            pytest.param("121,000", 121_000.0, id="comma-six-digits"),
            pytest.param("1,000,000", 1_000_000.0, id="comma-millions"),
            pytest.param("1000", 1_000.0, id="no-separator"),
            pytest.param("12", 12.0, id="two-digits"),
            pytest.param("7.5", 7.5, id="decimal"),
            pytest.param("7.50", 7.5, id="decimal-trailing-zero"),
            pytest.param("1,234.5", 1_234.5, id="comma-and-decimal"),
            pytest.param("1.2 million", 1_200_000.0, id="decimal-million"),
            pytest.param("3 mln", 3_000_000.0, id="mln"),
            pytest.param("2.5 bn", 2_500_000_000.0, id="bn"),
            pytest.param(" 1,000 ", 1_000.0, id="surrounding-space"),
            pytest.param("1,5", 1.5, id="decimal-comma"),
            pytest.param("12,34", 12.34, id="decimal-comma-two-digits"),
            pytest.param("486,5", 486.5, id="decimal-comma-three-whole-digits"),
            pytest.param("3,70,000", 370_000.0, id="indian-groups"),
        ],
    )
    def test_value(self, text: str, value: float) -> None:
        """A numeral in digits is read to its value."""
        assert parse_numeral(text).value == value

    @pytest.mark.parametrize(
        ("text", "step"),
        [
            pytest.param("1,000", 100.0, id="1,000"),
            pytest.param("1 000", 100.0, id="1 000"),
            pytest.param("121,000", 1_000.0, id="121,000"),
            pytest.param("100,000", 10_000.0, id="100,000"),
            pytest.param("20 842", 1.0, id="20 842"),
            pytest.param("12", 1.0, id="12"),
            pytest.param("480", 10.0, id="480"),
            pytest.param("7.5", 0.1, id="7.5"),
            pytest.param("7.50", 0.01, id="7.50"),
            pytest.param("1.2 million", 100_000.0, id="1.2 million"),
        ],
    )
    def test_implied_precision(self, text: str, step: float) -> None:
        """A numeral carries one unit of its last significant digit as its step."""
        assert parse_numeral(text).step == pytest.approx(step)


class TestWordForms:
    """Numerals written as words: small numbers, dozens and scale words."""

    @pytest.mark.parametrize(
        ("text", "value"),
        [
            pytest.param("twelve", 12.0, id="twelve"),
            pytest.param("Twelve", 12.0, id="capitalised"),
            pytest.param("zero", 0.0, id="zero"),
            pytest.param("one", 1.0, id="one"),
            pytest.param("nineteen", 19.0, id="nineteen"),
            pytest.param("twenty", 20.0, id="twenty"),
            pytest.param("twenty-one", 21.0, id="twenty-one"),
            pytest.param("forty two", 42.0, id="forty-two-spaced"),
            pytest.param("ninety-nine", 99.0, id="ninety-nine"),
            pytest.param("a dozen", 12.0, id="a-dozen"),
            pytest.param("A Dozen", 12.0, id="a-dozen-capitalised"),
            pytest.param("half a dozen", 6.0, id="half-a-dozen"),
            pytest.param("a hundred", 100.0, id="a-hundred"),
            pytest.param("one hundred", 100.0, id="one-hundred"),
            pytest.param("a thousand", 1_000.0, id="a-thousand"),
            pytest.param("two thousand", 2_000.0, id="two-thousand"),
            pytest.param("twenty-one thousand", 21_000.0, id="twenty-one-thousand"),
        ],
    )
    def test_value(self, text: str, value: float) -> None:
        """A number word is read to its value."""
        assert parse_numeral(text).value == value

    @pytest.mark.parametrize(
        "text",
        [
            pytest.param("twelve", id="twelve"),
            pytest.param("twenty-one", id="twenty-one"),
            pytest.param("a dozen", id="a-dozen"),
            pytest.param("half a dozen", id="half-a-dozen"),
        ],
    )
    def test_small_number_words_are_read_like_digits(self, text: str) -> None:
        """A small number written as a word is read to one unit, like its digits."""
        assert parse_numeral(text).step == 1.0

    @pytest.mark.parametrize(
        ("text", "step"),
        [
            pytest.param("a hundred", 10.0, id="a-hundred"),
            pytest.param("two thousand", 100.0, id="two-thousand"),
            pytest.param("twenty-one thousand", 1_000.0, id="twenty-one-thousand"),
        ],
    )
    def test_scaled_words_are_read_like_their_digits(self, text: str, step: float) -> None:
        """A word with a scale word has the precision of the same number in digits."""
        assert parse_numeral(text).step == step


class TestRejections:
    """Text that is not a numeral, or is ambiguous, is refused with a ParseError."""

    @pytest.mark.parametrize(
        "text",
        [
            pytest.param("1,2345", id="comma-four-digits"),
            pytest.param("1,000,5", id="thousands-and-decimal-comma"),
            pytest.param("1.000.000", id="dot-thousands"),
            pytest.param("1 00", id="space-two-digits"),
            pytest.param("10**10**10", id="power-expression"),
            pytest.param("nan", id="nan"),
            pytest.param("inf", id="inf"),
            pytest.param("-5", id="negative"),
            pytest.param("1e5", id="exponent"),
            pytest.param("", id="empty"),
            pytest.param("   ", id="blank"),
            pytest.param("lots", id="not-a-number"),
        ],
    )
    def test_rejected(self, text: str) -> None:
        """The text is refused with a ParseError that quotes it."""
        with pytest.raises(ParseError) as excinfo:
            parse_numeral(text)
        assert text.strip() in str(excinfo.value)

    def test_parse_error_is_an_incursion_error_and_a_value_error(self) -> None:
        """A ParseError is caught by ``except IncursionError`` and by ``except ValueError``."""
        with pytest.raises(IncursionError):
            parse_numeral("1,2345")
        with pytest.raises(ValueError, match="1,2345"):
            parse_numeral("1,2345")

    def test_huge_input_is_rejected_fast(self) -> None:
        """A 1 MB string is refused in well under a second, with a shortened quote."""
        text = "1" * 1_000_000
        start = time.perf_counter()
        with pytest.raises(ParseError) as excinfo:
            parse_numeral(text)
        assert time.perf_counter() - start < 0.5
        assert len(str(excinfo.value)) < 200

    @pytest.mark.parametrize(
        "text",
        [pytest.param("1,2345", id="comma-four"), pytest.param("1.000.000", id="dot-thousands")],
    )
    def test_ambiguous_forms_are_called_ambiguous(self, text: str) -> None:
        """An ambiguous separator is refused with a message that says it is ambiguous."""
        with pytest.raises(ParseError, match="ambiguous"):
            parse_numeral(text)


class TestImpliedStep:
    """The helper that computes one unit of the last significant digit."""

    @pytest.mark.parametrize(
        ("digits", "decimals", "step"),
        [
            pytest.param("1000", 0, 100.0, id="1000"),
            pytest.param("121000", 0, 1_000.0, id="121000"),
            pytest.param("100000", 0, 10_000.0, id="100000"),
            pytest.param("12", 0, 1.0, id="12"),
            pytest.param("5", 0, 1.0, id="5"),
            pytest.param("480", 0, 10.0, id="480"),
            pytest.param("7", 1, 0.1, id="one-decimal"),
            pytest.param("7", 2, 0.01, id="two-decimals"),
        ],
    )
    def test_step(self, digits: str, decimals: int, step: float) -> None:
        """Round integers keep two significant figures; decimals keep every written digit."""
        assert implied_step(digits, decimals) == pytest.approx(step)

    def test_min_significant_is_configurable(self) -> None:
        """Reading round integers to three significant figures narrows the step."""
        assert implied_step("1000", 0, min_significant=3) == 10.0
        assert implied_step("1000", 0, min_significant=1) == 1_000.0

    def test_numeral_is_a_frozen_value(self) -> None:
        """Two numerals read from the same text are equal."""
        assert parse_numeral("1,000") == Numeral(value=1_000.0, step=100.0)
