"""Figures generated from the grammar's own tables read back as what they were built from.

The strategies of :mod:`incursion.strategies` write figures from chosen spellings.  Here
every word comes from the tables the grammar reads by: each hedge word of
``HEDGE_WORDS``, placed after the number when it is one of ``TRAILING_HEDGES`` and before
it otherwise, each range word of ``RANGE_WORDS``, each vague quantity, each unit spelling
of the unit tables (squared too) and each counted noun of ``COUNT_UNITS``.  A word added
to a table is drawn from the next run on, with no strategy to update.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from incursion import Estimate, Hedge, extract
from incursion._estimates import MAX_TEXT
from incursion._hedges import (
    HEDGE_WORDS,
    RANGE_WORDS,
    REACHING,
    TRAILING_HEDGES,
    VAGUE_QUANTITIES,
)
from incursion._units import _LENGTHS, _OTHERS, COUNT_UNITS, lookup_unit
from incursion.exceptions import IncursionError

#: Every unit spelling the tables give, lengths squared too ("square km", "sq miles", "km²").
UNIT_SPELLINGS = sorted(
    {
        *_LENGTHS,
        *_OTHERS,
        *(f"square {w}" for w in _LENGTHS if len(w) > 2),
        *(f"sq {w}" for w in _LENGTHS if len(w) > 2),
        *(f"{w}²" for w in _LENGTHS if " " not in w),
        *(noun for nouns in COUNT_UNITS.values() for noun in nouns),
    }
)
#: The hedge words that stand alone before or after a number (range words and vague
#: quantities are drawn as ranges; verbs of reaching hedge a level only in context).
SINGLE_HEDGES = sorted(
    word
    for word in HEDGE_WORDS
    if word not in RANGE_WORDS and word not in VAGUE_QUANTITIES and word not in REACHING
)
#: Glued to the number: "40-odd", "1,000+", "40-plus".
_GLUED = ("-", "+")


@st.composite
def numbers(draw: st.DrawFn) -> tuple[str, float]:
    """A number in digits, grouped or not, or with a decimal: its text and value."""
    whole = draw(st.integers(1, 9_999_999))
    style = draw(st.sampled_from(["comma", "plain", "decimal"]))
    if style == "decimal":
        tenths = draw(st.integers(1, 9))
        return f"{whole % 10_000}.{tenths}", whole % 10_000 + tenths / 10
    return (f"{whole:,}" if style == "comma" else str(whole)), float(whole)


def _placed(word: str, number: str, unit: str) -> str:
    """Where the grammar reads the hedge word: after the number if it trails, else before."""
    if word not in TRAILING_HEDGES:
        return f"{word} {number} {unit}"
    if word.startswith(_GLUED):
        return f"{number}{word} {unit}"
    return f"{number} {word} {unit}"


@given(st.sampled_from(SINGLE_HEDGES), numbers(), st.sampled_from(UNIT_SPELLINGS))
def test_a_hedged_figure_from_the_tables_reads_back(
    word: str, number: tuple[str, float], unit: str
) -> None:
    """Each hedge word of the table, in its place, with any number and any unit spelling."""
    if lookup_unit(unit).count and not number[1].is_integer():
        number = (f"{number[1]:.0f}", round(number[1]))  # counts are whole: "1,000 tanks"
    text = _placed(word, number[0], unit)
    estimate = Estimate.parse(text)
    assert (estimate.hedge, estimate.number) == (HEDGE_WORDS[word], number[1]), text
    assert estimate.unit == lookup_unit(unit).name, text


@given(
    st.sampled_from(sorted(RANGE_WORDS)),
    st.integers(0, 99_999),
    st.integers(1, 99_999),
    st.sampled_from(UNIT_SPELLINGS),
)
def test_a_range_from_the_tables_reads_back(word: str, low: int, width: int, unit: str) -> None:
    """Each range word of the table joins two numbers into one range of their unit."""
    high = low + width
    if high % 1000 == 0 and low >= 1 and low * 1000 < high <= low * 10_000:
        high += 1  # "10-15,000" is refused: ten, or ten thousand?
    if word in ("between", "and"):
        text = f"between {low:,} and {high:,} {unit}"
    elif word == "from":
        text = f"from {low:,} to {high:,} {unit}"
    elif word.isalpha():
        text = f"{low:,} {word} {high:,} {unit}"
    else:
        text = f"{low:,}{word}{high:,} {unit}"
    estimate = Estimate.parse(text)
    assert estimate.hedge is Hedge.BETWEEN, text
    assert (estimate.stated_low, estimate.stated_high) == (low, high), text
    assert estimate.unit == lookup_unit(unit).name, text


@pytest.mark.parametrize("words", sorted(VAGUE_QUANTITIES))
def test_each_vague_quantity_of_the_table_reads_as_its_range(words: str) -> None:
    """ "Dozens of people" is the table's range of people."""
    low, high = VAGUE_QUANTITIES[words]
    estimate = Estimate.parse(f"{words} of people")
    assert (estimate.stated_low, estimate.stated_high, estimate.unit) == (low, high, "person")
    assert math.isclose(estimate.number, (low + high) / 2)


@pytest.mark.parametrize(
    ("words", "unit"),
    [
        pytest.param("ships/boats", "ship", id="slash-one-known"),
        pytest.param("tanks/IFVs", "armoured_vehicle", id="slash-both-kinds"),
        pytest.param("artillery units", "artillery", id="generic-head"),
        pytest.param("air defence equipment", "air_defence_system", id="equipment"),
        pytest.param("Russian settlements", "settlement", id="adjective"),
        pytest.param("drone attacks", "strike", id="singular-noun-modifies"),
        pytest.param("T-72 tanks", "tank", id="model-hyphen"),
        pytest.param("Leopard 2 tanks", "tank", id="model-number"),
        pytest.param("tank losses", "tank_loss", id="open-compound"),
        pytest.param("drone operators", "drone_operator", id="open-compound-2"),
        pytest.param("Palestinians", "person", id="people"),
        pytest.param("internally displaced people", "person", id="participle"),
        pytest.param("wounded Ukrainian soldiers", "person", id="participle-adjective"),
        pytest.param("primary healthcare centers", "center", id="open-head"),
    ],
)
def test_both_readers_read_the_words_after_a_number_alike(words: str, unit: str) -> None:
    """A document's "12 <words>" and running text's count the same kind of thing."""
    assert Estimate.parse(f"12 {words}").unit == unit
    (mention,) = extract(f"They counted 12 {words} on Monday.")
    assert (mention.text, mention.estimate.unit) == (f"12 {words}", unit)


@pytest.mark.parametrize(
    ("text", "unit", "interval"),
    [
        pytest.param("ten m", "meter", (9.5, 10.5), id="word-then-m"),
        pytest.param("2 thousand m", "meter", (1950.0, 2050.0), id="scale-then-m"),
        pytest.param("2m deep", "meter", (1.5, 2.5), id="m-then-dimension-word"),
        pytest.param("10KM-15KM", "kilometer", (10.0, 15.0), id="capital-units-range"),
        pytest.param("10 Km-15 Km", "kilometer", (10.0, 15.0), id="capital-units-spaced"),
        pytest.param("two-3m people", "person", (2_000_000.0, 3_000_000.0), id="word-first-end"),
    ],
)
def test_an_m_reads_as_the_words_around_it_say(
    text: str, unit: str, interval: tuple[float, float]
) -> None:
    """Million only when a unit follows the figure and the number is in digits."""
    estimate = Estimate.parse(text)
    assert (estimate.unit, estimate.interval) == (unit, interval)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("300 shells/day", id="rate"),
        pytest.param("3 people/km²", id="density"),
        pytest.param("12 tanks/civilians", id="no-common-kind"),
        pytest.param("12 May 2023 attacks", id="a-date-is-no-model"),
        pytest.param("several tens of thousands of people", id="vague-before-vague"),
    ],
)
def test_words_that_name_no_one_kind_are_refused(text: str) -> None:
    """Slashes that make a rate, kinds with nothing in common, a date: no unit."""
    with pytest.raises(IncursionError):
        Estimate.parse(text)


@pytest.mark.parametrize(
    ("text", "words", "unit", "interval"),
    [
        pytest.param("They built a 2m-3m wall.", "2m-3m", "meter", (2.0, 3.0), id="a-wall"),
        pytest.param("It ran 300m to 400m.", "300m to 400m", "meter", (300.0, 400.0), id="end"),
        pytest.param(
            "Some two-3m people fled.", "Some two-3m people", "person", None, id="word-end"
        ),
        pytest.param(
            "Several tens of thousands of people fled.",
            "tens of thousands of people",
            "person",
            (20_000.0, 99_999.0),
            id="several-tens",
        ),
        pytest.param("It fell 3km-4km.", "3km-4km", "kilometer", (3.0, 4.0), id="change-dash"),
        pytest.param(
            "Some 2m-plus people fled.", "2m-plus people", "person", None, id="m-then-plus"
        ),
        pytest.param("About 1.2m+ people fled.", "1.2m+ people", "person", None, id="m-plus"),
        pytest.param(
            "It took 3 wounded Ukrainian prisoners of war.",
            "3 wounded Ukrainian prisoners of war",
            "person",
            (3.0, 3.0),
            id="participle-long-noun",
        ),
    ],
)
def test_running_text_reads_them_alike(
    text: str, words: str, unit: str, interval: tuple[float, float] | None
) -> None:
    """The extractor's readings of the same forms."""
    (mention,) = extract(text)
    assert (mention.text, mention.estimate.unit) == (words, unit)
    if interval is not None:
        assert mention.estimate.interval == interval


def test_hostile_ranges_and_brackets_stay_bounded() -> None:
    """Long chains of "m" ends or calibres, and long brackets, never recurse or overrun."""
    extract("-".join(f"{i}m" for i in range(1, 1600)) + " people", unread=True)
    extract("12" + " 155mm" * 2000 + " shells", unread=True)
    text = "It is 12 km (" + "7 miles, " * 60 + "7 miles) long."
    assert all(len(m.text) <= MAX_TEXT for m in extract(text))
