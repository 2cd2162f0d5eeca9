"""Property tests for the laws of DESIGN.md section 2: how a figure is read."""

from __future__ import annotations

import contextlib
import json
import math
import time
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import incursion
from incursion import Count, Document, Estimate, Hedge, IncursionError, MaterielLoss, Policy, Source
from incursion._hedges import HEDGE_WORDS
from incursion.exceptions import DocumentError
from strategies import (
    COUNT_DIMENSIONS,
    MEASURED_DIMENSIONS,
    MEASURED_UNITS,
    RANGE_WORDS,
    SAME_UNIT,
    UNIT_SPELLINGS,
    Figure,
    constructed_estimates,
    documents,
    figure_texts,
    hedge_words,
    number_word,
    numerals,
    parsed_estimates,
    render_hedged,
)

#: A generous bound on one call: every input here is at most a few kilobytes.
PER_CALL_SECONDS = 1.0


def _contains_or_on_open_edge(estimate: Estimate) -> bool:
    """Whether the stated value lies in the interval, or on the edge a hedge left open."""
    low, high = estimate.interval
    v = estimate.number
    if low <= v and (high is None or v <= high):
        return True
    if not estimate.is_count:
        return False
    # A count's open edge is closed onto the next whole number: "more than 12" is 13–∞.
    if estimate.hedge is Hedge.MORE_THAN:
        return v == low - 1
    if estimate.hedge is Hedge.FEWER_THAN:
        return high is not None and v == high + 1
    return False


def _within(inner: Estimate, outer: Estimate) -> bool:
    """Whether the interval of ``inner`` lies within that of ``outer`` (None is unbounded)."""
    i_low, i_high = inner.interval
    o_low, o_high = outer.interval
    if o_low > i_low:
        return False
    if o_high is None:
        return True
    return i_high is not None and i_high <= o_high


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


class TestStatedValueInInterval:
    """The stated value lies in its interval, or on the edge the hedge leaves open."""

    @given(figure_texts())
    def test_parsed_figures(self, figure: Figure) -> None:
        """A figure read from text holds its stated value."""
        estimate = Estimate.parse(figure.text)
        assert _contains_or_on_open_edge(estimate), (figure.text, estimate.interval)

    @given(constructed_estimates())
    def test_constructed_estimates(self, estimate: Estimate) -> None:
        """An estimate built in Python holds its stated value."""
        assert _contains_or_on_open_edge(estimate), (estimate, estimate.interval)

    @given(st.sampled_from(MEASURED_DIMENSIONS).flatmap(figure_texts))
    def test_open_edges_are_marked_open(self, figure: Figure) -> None:
        """A measured figure read "more than v" or "fewer than v" marks v as an open edge."""
        estimate = Estimate.parse(figure.text)
        if estimate.hedge is Hedge.MORE_THAN:
            assert estimate.low_open
            assert estimate.interval[0] == estimate.number
        if estimate.hedge is Hedge.FEWER_THAN:
            assert estimate.high_open
            assert estimate.interval[1] == estimate.number

    @given(
        figure_texts(),
        st.floats(0, 1),
        st.floats(0, 1),
        st.integers(1, 4),
    )
    def test_under_any_policy(
        self, figure: Figure, about: float, nearly: float, significant: int
    ) -> None:
        """The law holds under every reading policy, not just the default."""
        policy = Policy(about_margin=about, nearly_margin=nearly, min_significant=significant)
        estimate = Estimate.parse(figure.text, policy=policy)
        assert _contains_or_on_open_edge(estimate), (figure.text, policy, estimate.interval)


_MARGINS = st.floats(0, 0.5, allow_nan=False)


class TestWideningTheMargin:
    """Widening a policy margin never narrows an interval."""

    @given(figure_texts(), _MARGINS, _MARGINS, _MARGINS)
    def test_about_margin(self, figure: Figure, a: float, b: float, nearly: float) -> None:
        """A wider ``about_margin`` gives an interval that contains the narrower one."""
        m1, m2 = sorted((a, b))
        narrow = Estimate.parse(figure.text, policy=Policy(about_margin=m1, nearly_margin=nearly))
        wide = Estimate.parse(figure.text, policy=Policy(about_margin=m2, nearly_margin=nearly))
        assert _within(narrow, wide), (figure.text, m1, m2, narrow.interval, wide.interval)

    @given(figure_texts(), _MARGINS, _MARGINS, _MARGINS)
    def test_nearly_margin(self, figure: Figure, a: float, b: float, about: float) -> None:
        """A wider ``nearly_margin`` gives an interval that contains the narrower one."""
        m1, m2 = sorted((a, b))
        narrow = Estimate.parse(figure.text, policy=Policy(about_margin=about, nearly_margin=m1))
        wide = Estimate.parse(figure.text, policy=Policy(about_margin=about, nearly_margin=m2))
        assert _within(narrow, wide), (figure.text, m1, m2, narrow.interval, wide.interval)

    @given(constructed_estimates(), _MARGINS, _MARGINS)
    def test_reread(self, estimate: Estimate, a: float, b: float) -> None:
        """Rereading an estimate under wider margins never narrows its interval."""
        m1, m2 = sorted((a, b))
        narrow = estimate.reread(Policy(about_margin=m1, nearly_margin=m1))
        wide = estimate.reread(Policy(about_margin=m2, nearly_margin=m2))
        assert _within(narrow, wide), (estimate, m1, m2, narrow.interval, wide.interval)


class TestAboutContainsBare:
    """The interval of "about v" contains that of a bare "v"."""

    @given(
        st.sampled_from(tuple(UNIT_SPELLINGS)).flatmap(
            lambda d: st.tuples(
                numerals(whole=d not in MEASURED_DIMENSIONS), st.sampled_from(UNIT_SPELLINGS[d])
            )
        ),
        st.sampled_from(hedge_words(Hedge.ABOUT)),
        _MARGINS,
    )
    def test_about_contains_bare(
        self, numeral_and_unit: tuple[Any, str], word: str, margin: float
    ) -> None:
        """Every "about" word widens the bare figure, under any margin."""
        numeral, unit = numeral_and_unit
        policy = Policy(about_margin=margin)
        bare = Estimate.parse(f"{numeral.text} {unit}", policy=policy)
        about = Estimate.parse(render_hedged(word, numeral.text, unit), policy=policy)
        assert about.hedge is Hedge.ABOUT
        assert _within(bare, about), (numeral.text, unit, word, bare.interval, about.interval)


class TestCountsAreWhole:
    """Counts have integer interval ends."""

    @given(st.sampled_from(COUNT_DIMENSIONS).flatmap(figure_texts))
    def test_parsed_counts(self, figure: Figure) -> None:
        """A count read from text has whole-number ends."""
        estimate = Estimate.parse(figure.text)
        assert estimate.is_count
        low, high = estimate.interval
        assert low.is_integer(), (figure.text, estimate.interval)
        assert high is None or high.is_integer(), (figure.text, estimate.interval)

    @given(st.sampled_from(COUNT_DIMENSIONS).flatmap(constructed_estimates), _MARGINS)
    def test_constructed_counts(self, estimate: Estimate, margin: float) -> None:
        """A count built in Python has whole-number ends under any margin."""
        reread = estimate.reread(Policy(about_margin=margin, nearly_margin=margin))
        for e in (estimate, reread):
            low, high = e.interval
            assert low.is_integer(), (e, e.interval)
            assert high is None or high.is_integer(), (e, e.interval)
            assert not e.low_open
            assert not e.high_open


def _canonical(e: Estimate) -> tuple[float, float, float | None]:
    return (e.canonical_value, e.canonical_low, e.canonical_high)


class TestUnitInvariance:
    """Converting an estimate to another unit of its dimension changes no canonical bound."""

    @given(
        st.sampled_from(MEASURED_DIMENSIONS).flatmap(
            lambda d: st.tuples(
                st.one_of(parsed_estimates(d), constructed_estimates(d)),
                st.sampled_from(MEASURED_UNITS[d]),
            )
        )
    )
    def test_to_another_unit(self, estimate_and_unit: tuple[Estimate, str]) -> None:
        """``.to(unit)`` keeps the canonical value and bounds and the hedge."""
        estimate, unit = estimate_and_unit
        converted = estimate.to(unit)
        assert converted.hedge is estimate.hedge
        assert converted.dimension == estimate.dimension
        for a, b in zip(_canonical(estimate), _canonical(converted), strict=True):
            assert _close(a, b), (estimate, unit, _canonical(estimate), _canonical(converted))

    @given(
        st.sampled_from(MEASURED_DIMENSIONS).flatmap(
            lambda d: st.tuples(parsed_estimates(d), st.sampled_from(MEASURED_UNITS[d]))
        )
    )
    def test_there_and_back(self, estimate_and_unit: tuple[Estimate, str]) -> None:
        """Converting to another unit and back gives the same interval in the first unit."""
        estimate, unit = estimate_and_unit
        back = estimate.to(unit).to(estimate.unit)
        assert back.unit == estimate.unit
        assert _close(back.number, estimate.number)
        assert _close(back.interval[0], estimate.interval[0])
        assert _close(back.interval[1], estimate.interval[1])

    @given(
        st.sampled_from(tuple(SAME_UNIT)).flatmap(
            lambda name: st.tuples(
                st.sampled_from(SAME_UNIT[name]), st.sampled_from(SAME_UNIT[name])
            )
        ),
        st.sampled_from(tuple(Hedge)).filter(lambda h: h is not Hedge.BETWEEN),
        numerals(),
        st.data(),
    )
    def test_spellings_of_one_unit(
        self,
        spellings: tuple[str, str],
        hedge: Hedge,
        numeral: Any,
        data: st.DataObject,
    ) -> None:
        """The same figure in two spellings of one unit reads to the same canonical bounds."""
        first, second = spellings
        word = data.draw(st.sampled_from(hedge_words(hedge))) if hedge is not Hedge.EXACT else None
        texts = [
            render_hedged(word, numeral.text, unit) if word else f"{numeral.text} {unit}"
            for unit in (first, second)
        ]
        a, b = (Estimate.parse(t) for t in texts)
        assert a.unit == b.unit
        assert a.hedge is b.hedge is hedge
        for x, y in zip(_canonical(a), _canonical(b), strict=True):
            assert _close(x, y), (texts, _canonical(a), _canonical(b))

    @given(figure_texts(dimension="area"))
    def test_square_kilometres_and_hectares(self, figure: Figure) -> None:
        """A figure in hectares has one hundredth of the canonical bounds of the same in km²."""
        if "hectares" in figure.text or figure.unit_word in ("square miles", "sq mi"):
            return
        in_km2 = Estimate.parse(figure.text)
        in_ha = Estimate.parse(figure.text.replace(figure.unit_word, "hectares"))
        for x, y in zip(_canonical(in_km2), _canonical(in_ha), strict=True):
            assert _close(None if x is None else x / 100, y), (figure.text, x, y)


class TestHedgeVocabulary:
    """Every word of the hedge vocabulary is read as its class somewhere news text puts it."""

    @pytest.mark.parametrize(
        ("word", "hedge"),
        [(w, h) for w, h in HEDGE_WORDS.items() if w not in RANGE_WORDS],
    )
    def test_word_is_readable(self, word: str, hedge: Hedge) -> None:
        """The word, before, after or glued to "40", or in its place, reads as its class."""
        candidates = (
            f"{word} 40 km",
            f"40 {word} km",
            f"40{word} km",
            f"40 km {word}",
            f"{word} of km",  # "dozens of km"
        )
        read = set()
        for text in candidates:
            try:
                read.add(Estimate.parse(text).hedge)
            except IncursionError:
                continue
        assert hedge in read, f"{word!r} is never read as {hedge.value}: tried {candidates}"


class TestValueAsWritten:
    """The number read is the number written, in every numeral style."""

    @given(numerals(), st.sampled_from(("km", "square miles", "hectares", "")))
    def test_any_style(self, numeral: Any, unit: str) -> None:
        """A numeral in any style reads to its value."""
        estimate = Estimate.parse(f"{numeral.text} {unit}".strip())
        assert math.isclose(estimate.number, numeral.value, rel_tol=1e-12), numeral

    @pytest.mark.parametrize("n", range(100))
    def test_number_words(self, n: int) -> None:
        """A number written in words ("eighteen", "forty-two") reads to its value."""
        text = f"{number_word(n)} people"
        assert Estimate.parse(text).number == n, text

    @pytest.mark.parametrize(
        ("text", "value"),
        [
            ("4.1 million people", 4_100_000),
            ("8.2 million people", 8_200_000),
            ("8.3 million people", 8_300_000),
            ("about 8.3 million people", 8_300_000),
        ],
    )
    def test_scaled_decimals_of_counts(self, text: str, value: int) -> None:
        """A count written with a decimal and a scale word is the whole number it names."""
        estimate = Estimate.parse(text)
        assert estimate.number == value
        assert estimate.interval[0].is_integer()


class TestRangeReading:
    """Ranges of counts and ranges sharing a scale word read as written."""

    @pytest.mark.parametrize("text", ["between 10 and 21 people", "10-21 people", "3 to 4 tanks"])
    def test_count_range_with_a_half_midpoint(self, text: str) -> None:
        """A range of whole counts is accepted even when its midpoint is not whole."""
        estimate = Estimate.parse(text)
        assert estimate.hedge is Hedge.BETWEEN
        low, high = estimate.interval
        assert low.is_integer()
        assert high is not None
        assert high.is_integer()

    @pytest.mark.parametrize(
        ("text", "interval"),
        [
            ("10 to 20 million people", (10_000_000.0, 20_000_000.0)),
            ("between 1 and 2 thousand km", (1_000.0, 2_000.0)),
        ],
    )
    def test_scale_word_applies_to_both_ends(
        self, text: str, interval: tuple[float, float]
    ) -> None:
        """In "10 to 20 million" the scale word belongs to both numbers."""
        assert Estimate.parse(text).interval == interval


_ADVERSARIAL_TOKENS = (
    "0",
    "1",
    "12",
    "1,000",
    "1 000",
    "7.5",
    ",",
    ".",
    " ",
    "(",
    ")",
    "((",
    "))",
    "**",
    "^",
    "-",
    "–",
    "/",
    ";",
    "km",
    "km²",
    "²",
    "2",
    "sq",
    "square",
    "miles",
    "hectares",
    "people",
    "settlements",
    "about",
    "nearly",
    "between",
    "and",
    "to",
    "or so",
    "plus",
    "+",
    "million",
    "billion",
    "dozen",
    "twenty",
    "e",
    "nan",
    "inf",
    "\u00a0",
    "\u202f",
)


def _timed_parse(text: str) -> Estimate | None:
    """Parse ``text``; return the estimate or None on an IncursionError, and time it."""
    start = time.perf_counter()
    try:
        result: Estimate | None = Estimate.parse(text)
    except IncursionError:
        result = None
    elapsed = time.perf_counter() - start
    assert elapsed < PER_CALL_SECONDS, f"parsing {text[:80]!r} took {elapsed:.2f} s"
    return result


class TestParsingNeverCrashes:
    """Parsing any text returns an Estimate or raises an IncursionError, quickly."""

    @given(st.text(max_size=200))
    @example("1" * 350 + " km")
    @example("10**10**10 km")
    @example("(" * 1000 + ")" * 1000)
    def test_arbitrary_text(self, text: str) -> None:
        """Arbitrary text is read or rejected with an IncursionError."""
        result = _timed_parse(text)
        assert result is None or isinstance(result, Estimate)

    @given(st.lists(st.sampled_from(_ADVERSARIAL_TOKENS), max_size=40).map("".join))
    @example("9" * 320 + " people")
    @example("1" * 200 + "." + "1" * 150 + " km")
    @example("0--\xa0-")  # a hyphen and nothing after it: once an IndexError
    def test_adversarial_mixes(self, text: str) -> None:
        """Mixes of digits, separators, brackets, unit and hedge words are read or rejected."""
        result = _timed_parse(text)
        assert result is None or isinstance(result, Estimate)

    @given(st.lists(st.sampled_from(_ADVERSARIAL_TOKENS), max_size=40).map("".join))
    def test_under_a_custom_policy(self, text: str) -> None:
        """A non-default policy (no parse cache) gives the same outcome kinds."""
        start = time.perf_counter()
        with contextlib.suppress(IncursionError):
            Estimate.parse(text, policy=Policy(about_margin=0.2))
        assert time.perf_counter() - start < PER_CALL_SECONDS


class TestUnitWordsNeverCrash:
    """Any words as a unit, an equipment type or a part's name: read, or an IncursionError."""

    @given(st.text(max_size=60))
    @example("nan")
    @example("2A6")
    @example("units of")
    @example("tanks tanks")
    def test_any_unit_word(self, word: str) -> None:
        """Estimate.of with any unit word gives an estimate or an IncursionError."""
        with contextlib.suppress(IncursionError):
            assert isinstance(Estimate.of(3, word), Estimate)

    @given(st.text(max_size=60), st.text(max_size=30))
    def test_any_equipment_type_and_part(self, kind: str, part: str) -> None:
        """A materiel loss of any type, with a part of any name, is built or refused."""
        source = Source(id="s", name="S")
        with contextlib.suppress(IncursionError):
            loss = MaterielLoss(
                id="m",
                source=source,
                subject="x",
                as_of="2024",
                equipment={kind: Count(total=5, parts={part: 2} if part else {})},
            )
            assert loss.equipment[kind].total.is_count


_JSON_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(2**64), 2**64)
    | st.floats()
    | st.text(max_size=30)
    | st.sampled_from(("about 1,000 km²", "12 civilians", "2024-08-12", "controls", "phia"))
)
_JSON_VALUES = st.recursive(
    _JSON_SCALARS,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=20,
)
_FIELD_NAMES = (
    "kind",
    "id",
    "source",
    "subject",
    "as_of",
    "citation",
    "credibility",
    "note",
    "controller",
    "predicate",
    "status",
    "region",
    "area",
    "depth",
    "front_width",
    "settlements",
    "party",
    "population",
    "killed",
    "wounded",
    "displaced",
    "accused",
    "act",
    "count",
    "evidence",
    "proposition",
    "likelihood",
    "confidence",
    "horizon",
)
_KIND_VALUES = st.sampled_from(
    ("territorial-claim", "casualty-report", "allegation", "assessment", "rumour")
)
_DOCUMENT_LIKE = st.fixed_dictionaries(
    {
        "incursion": st.sampled_from((1, 2, "1", None)),
        "sources": st.lists(
            st.fixed_dictionaries(
                {"id": st.sampled_from(("a", "b", 5, "")), "name": _JSON_SCALARS},
                optional={"reliability": _JSON_SCALARS, "side": _JSON_SCALARS},
            ),
            max_size=3,
        ),
        "records": st.lists(
            st.fixed_dictionaries(
                {
                    "kind": _KIND_VALUES,
                    "id": st.sampled_from(("r1", "r2", 7)),
                    "source": st.just("a"),
                },
                optional=dict.fromkeys(_FIELD_NAMES[3:], _JSON_VALUES),
            ),
            max_size=4,
        ),
    },
    optional={"regions": _JSON_VALUES},
)


def _timed_loads(data: str) -> None:
    start = time.perf_counter()
    result: Document | DocumentError
    try:
        result = incursion.loads(data)
    except DocumentError as error:
        result = error
    if isinstance(result, DocumentError):
        assert isinstance(result, IncursionError)
        assert result.problems
    else:
        assert isinstance(result, Document)
    elapsed = time.perf_counter() - start
    assert elapsed < PER_CALL_SECONDS, f"loading {data[:80]!r} took {elapsed:.2f} s"


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for k, v in value.items():
            found += _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            found += _paths(v, (*prefix, i))
    return found


class TestLoadingNeverCrashes:
    """Loading any JSON text returns a Document or raises a DocumentError, quickly."""

    @given(_JSON_VALUES.map(json.dumps))
    def test_arbitrary_json(self, data: str) -> None:
        """Any JSON value is loaded or rejected with a DocumentError."""
        _timed_loads(data)

    @given(_DOCUMENT_LIKE.map(json.dumps))
    def test_document_shaped_json(self, data: str) -> None:
        """JSON shaped like a document, with junk in its fields, is loaded or rejected."""
        _timed_loads(data)

    @given(documents(), st.data())
    def test_mutated_documents(self, document: Document, data: st.DataObject) -> None:
        """A valid document with one value replaced by junk is loaded or rejected."""
        raw = json.loads(incursion.dumps(document))
        path = data.draw(st.sampled_from(_paths(raw)[1:]))
        target = raw
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = data.draw(_JSON_VALUES)
        _timed_loads(json.dumps(raw))

    @given(st.text(max_size=200))
    def test_arbitrary_text(self, data: str) -> None:
        """Text that may not be JSON at all is rejected with a DocumentError."""
        _timed_loads(data)
