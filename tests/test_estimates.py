"""Tests for Estimate: hedges, units, brackets, intervals and the pint quantities users see."""

from __future__ import annotations

from typing import Any

import attrs
import pint
import pytest

from incursion import DEFAULT_POLICY, Estimate, Hedge, IncursionError, Policy, extract
from incursion._estimates import HEDGE_BOUNDS, HedgeBounds
from incursion._hedges import HEDGE_WORDS
from incursion.exceptions import ParseError, RecordError, UnitError


def _app() -> Any:
    """The registry that is current now (never cached: the host may replace it)."""
    return pint.get_application_registry().get()  # type: ignore[no-untyped-call]


def _unit(name: str) -> Any:
    """A unit of the application registry."""
    return _app().Unit(name)


def _ends(estimate: Estimate) -> tuple[float, float | None]:
    """The interval read through the pint quantities, in the estimate's own unit."""
    high = estimate.high
    return (float(estimate.low.magnitude), None if high is None else float(high.magnitude))


class TestHedges:
    """Each hedge word is read into its class, the word as written and its interval."""

    @pytest.mark.parametrize(
        ("text", "hedge", "word", "interval"),
        [
            # exact: a bare figure, read to half a unit of its last significant digit
            pytest.param("1,000 km", "exact", None, (950.0, 1050.0), id="exact"),
            # about: ± 10 %, never narrower than the implied precision
            pytest.param("about 1,000 km", "about", "about", (900.0, 1100.0), id="about"),
            pytest.param("About 1,000 km", "about", "About", (900.0, 1100.0), id="About"),
            pytest.param("around 1,000 km", "about", "around", (900.0, 1100.0), id="around"),
            pytest.param(
                "approximately 1,000 km",
                "about",
                "approximately",
                (900.0, 1100.0),
                id="approximately",
            ),
            pytest.param("roughly 1,000 km", "about", "roughly", (900.0, 1100.0), id="roughly"),
            pytest.param("some 1,000 km", "about", "some", (900.0, 1100.0), id="some"),
            pytest.param("circa 1,000 km", "about", "circa", (900.0, 1100.0), id="circa"),
            pytest.param("approx. 1,000 km", "about", "approx.", (900.0, 1100.0), id="approx."),
            pytest.param("~1,000 km", "about", "~", (900.0, 1100.0), id="tilde"),
            pytest.param("1,000 km or so", "about", "or so", (900.0, 1100.0), id="or-so"),
            # nearly: below the value, down by the margin
            pytest.param("nearly 1,000 km", "nearly", "nearly", (900.0, 1000.0), id="nearly"),
            pytest.param("almost 1,000 km", "nearly", "almost", (900.0, 1000.0), id="almost"),
            pytest.param("close to 1,000 km", "nearly", "close to", (900.0, 1000.0), id="close-to"),
            pytest.param(
                "just under 1,000 km", "nearly", "just under", (900.0, 1000.0), id="just-under"
            ),
            # at-least: the value or more, unbounded above
            pytest.param(
                "at least 1,000 km", "at-least", "at least", (1000.0, None), id="at-least"
            ),
            pytest.param(
                "no fewer than 1,000 km",
                "at-least",
                "no fewer than",
                (1000.0, None),
                id="no-fewer-than",
            ),
            pytest.param(
                "a minimum of 1,000 km",
                "at-least",
                "a minimum of",
                (1000.0, None),
                id="a-minimum-of",
            ),
            pytest.param("1,000 or more", "at-least", "or more", (1000.0, None), id="or-more-bare"),
            pytest.param("reached 1,000", "at-least", "reached", (1000.0, None), id="reached"),
            pytest.param("hit 1,000 km", "at-least", "hit", (1000.0, None), id="hit"),
            # more-than: above the value, unbounded above
            pytest.param(
                "more than 1,000 km", "more-than", "more than", (1000.0, None), id="more-than"
            ),
            pytest.param("over 1,000 km", "more-than", "over", (1000.0, None), id="over"),
            pytest.param(
                "upwards of 1,000 km",
                "more-than",
                "upwards of",
                (1000.0, None),
                id="upwards-of",
            ),
            pytest.param(
                "in excess of 1,000 km",
                "more-than",
                "in excess of",
                (1000.0, None),
                id="in-excess-of",
            ),
            pytest.param(
                "exceeded 1,000 km", "more-than", "exceeded", (1000.0, None), id="exceeded"
            ),
            pytest.param("1,000+", "more-than", "+", (1000.0, None), id="plus-sign-bare"),
            pytest.param("1,000+ km", "more-than", "+", (1000.0, None), id="plus-sign"),
            pytest.param("1,000-plus km", "more-than", "-plus", (1000.0, None), id="v-plus"),
            # up-to: from zero to the value
            pytest.param("up to 1,000 km", "up-to", "up to", (0.0, 1000.0), id="up-to"),
            pytest.param(
                "as many as 1,000 km", "up-to", "as many as", (0.0, 1000.0), id="as-many-as"
            ),
            pytest.param("at most 1,000 km", "up-to", "at most", (0.0, 1000.0), id="at-most"),
            pytest.param(
                "no more than 1,000 km",
                "up-to",
                "no more than",
                (0.0, 1000.0),
                id="no-more-than",
            ),
            # fewer-than: from zero to below the value
            pytest.param(
                "fewer than 1,000 km", "fewer-than", "fewer than", (0.0, 1000.0), id="fewer-than"
            ),
            pytest.param(
                "less than 1,000 km", "fewer-than", "less than", (0.0, 1000.0), id="less-than"
            ),
            pytest.param("under 1,000 km", "fewer-than", "under", (0.0, 1000.0), id="under"),
            pytest.param("below 1,000 km", "fewer-than", "below", (0.0, 1000.0), id="below"),
            # between: the stated range
            pytest.param(
                "between 900 and 1,300", "between", "between", (900.0, 1300.0), id="between"
            ),
            pytest.param("5,700-5,900", "between", "-", (5700.0, 5900.0), id="hyphen-range"),
            pytest.param("5,700–5,900", "between", "–", (5700.0, 5900.0), id="en-dash-range"),
            pytest.param("200 to 300", "between", "to", (200.0, 300.0), id="to-range"),
        ],
    )
    def test_hedge(
        self, text: str, hedge: str, word: str | None, interval: tuple[float, float | None]
    ) -> None:
        """The hedge class, the word as written and the interval follow the hedge table."""
        estimate = Estimate.parse(text)
        assert estimate.hedge.value == hedge
        assert estimate.hedge is Hedge(hedge)
        assert estimate.word == word
        assert estimate.interval == pytest.approx(interval)
        assert _ends(estimate) == pytest.approx(interval)

    @pytest.mark.parametrize(
        "text",
        [
            pytest.param("at least 1,000 km", id="at-least"),
            pytest.param("more than 1,000 km", id="more-than"),
            pytest.param("1,000 or more", id="or-more"),
            pytest.param("1,000+", id="plus"),
        ],
    )
    def test_lower_bounded_figures_have_no_high(self, text: str) -> None:
        """A figure bounded only from below has ``high`` None."""
        estimate = Estimate.parse(text)
        assert estimate.high is None
        assert estimate.high_number is None
        assert estimate.canonical_high is None

    def test_up_to_starts_at_zero(self) -> None:
        """The low end of "up to" is zero, as a pint quantity in the figure's unit."""
        low = Estimate.parse("up to 1,000 km").low
        assert low.magnitude == 0
        assert low.units == _unit("kilometer")

    def test_more_than_is_open_below(self) -> None:
        """ "More than" excludes its value; "at least" includes it."""
        assert Estimate.parse("more than 1,000 km").low_open is True
        assert Estimate.parse("at least 1,000 km").low_open is False

    def test_fewer_than_is_open_above(self) -> None:
        """ "Fewer than" excludes its value; "up to" includes it."""
        assert Estimate.parse("fewer than 1,000 km").high_open is True
        assert Estimate.parse("up to 1,000 km").high_open is False

    @pytest.mark.parametrize(
        ("text", "number"),
        [
            pytest.param("between 900 and 1,300", 1100.0, id="between"),
            pytest.param("5,700-5,900", 5800.0, id="hyphen"),
            pytest.param("200 to 300", 250.0, id="to"),
        ],
    )
    def test_range_number_is_its_midpoint(self, text: str, number: float) -> None:
        """A range's number is its midpoint and its ends are its stated bounds."""
        estimate = Estimate.parse(text)
        assert estimate.number == number
        assert (estimate.stated_low, estimate.stated_high) == estimate.interval

    def test_about_is_never_narrower_than_the_implied_precision(self) -> None:
        """With a zero margin, "about 1,000" still spans half a unit of its last digit."""
        estimate = Estimate.parse("about 1,000 km", policy=Policy(about_margin=0.0))
        assert estimate.interval == (950.0, 1050.0)

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            pytest.param("5,900-5,700", "backwards", id="backwards-range"),
            pytest.param("at least 5,700-5,900", "range", id="hedged-range"),
            pytest.param("between 900 to 1,300", "between", id="between-to"),
            pytest.param("between 900", "second number", id="between-one-number"),
            pytest.param("about 1,000 km or so", "two hedges", id="two-hedges"),
        ],
    )
    def test_malformed_hedges_are_rejected(self, text: str, message: str) -> None:
        """Contradictory or incomplete hedges are refused with a ParseError saying why."""
        with pytest.raises(ParseError, match=message):
            Estimate.parse(text)

    @pytest.mark.parametrize(
        ("text", "word"),
        [
            pytest.param("Nearly 2,000 strikes", "Nearly", id="prefix"),
            pytest.param("1,000 Or More people", "Or More", id="suffix"),
        ],
    )
    def test_word_is_kept_as_written(self, text: str, word: str) -> None:
        """The hedge word keeps the case it was written in, before or after the number."""
        assert Estimate.parse(text).word == word


class TestRanges:
    """Ranges of counts and ranges that share one scale word."""

    @pytest.mark.parametrize(
        ("text", "interval"),
        [
            pytest.param("between 900 and 1,300 people", (900.0, 1300.0), id="between-even"),
            pytest.param("5,700-5,900 people", (5700.0, 5900.0), id="hyphen-even"),
            pytest.param("between 5 and 10 people", (5.0, 10.0), id="between-odd-sum"),
            pytest.param("5-10 people", (5.0, 10.0), id="hyphen-odd-sum"),
            pytest.param("200 to 301 troops", (200.0, 301.0), id="to-odd-sum"),
        ],
    )
    def test_count_range(self, text: str, interval: tuple[float, float]) -> None:
        """A range of a count is read whatever the parity of the sum of its ends."""
        estimate = Estimate.parse(text)
        assert estimate.hedge is Hedge.BETWEEN
        assert estimate.interval == interval

    @pytest.mark.parametrize(
        ("text", "interval"),
        [
            pytest.param("1.5 million to 2 million", (1_500_000.0, 2_000_000.0), id="both-scaled"),
            pytest.param("1 to 2 million", (1_000_000.0, 2_000_000.0), id="to-million"),
            pytest.param("1.5-2 million", (1_500_000.0, 2_000_000.0), id="hyphen-million"),
            pytest.param("between 5 and 10 thousand", (5_000.0, 10_000.0), id="between-thousand"),
            pytest.param("1,000-1,500 million", (1e9, 1.5e9), id="thousands-of-millions"),
            pytest.param("1.5-2 million people", (1_500_000.0, 2_000_000.0), id="million-people"),
        ],
    )
    def test_scale_word_after_the_second_number(
        self, text: str, interval: tuple[float, float]
    ) -> None:
        """A scale word written once, after a range, scales both ends."""
        assert Estimate.parse(text).interval == interval

    @pytest.mark.parametrize(
        ("text", "interval", "unit"),
        [
            pytest.param("1.2-1.5m people", (1_200_000.0, 1_500_000.0), "person", id="once"),
            pytest.param(
                "between 1.2m and 1.5m people", (1_200_000.0, 1_500_000.0), "person", id="both"
            ),
            pytest.param("250,000 to 2m people", (250_000.0, 2_000_000.0), "person", id="own"),
            pytest.param("1.2m people", (1_150_000.0, 1_250_000.0), "person", id="one"),
            pytest.param("2m tonnes", (1_950_000.0, 2_050_000.0), "metric_ton", id="two-places"),
            pytest.param("1-2m people", (1_000_000.0, 2_000_000.0), "person", id="whole-ends"),
            pytest.param("300m to 400m", (300.0, 400.0), "meter", id="metres"),
            pytest.param("12 m²", (11.5, 12.5), "meter ** 2", id="square-metres"),
        ],
    )
    def test_an_m_is_million_only_when_a_unit_follows(
        self, text: str, interval: tuple[float, float], unit: str
    ) -> None:
        """ "1.2-1.5m people" is in millions, each end; "300m to 400m" is in metres."""
        estimate = Estimate.parse(text)
        assert (estimate.interval, estimate.unit) == (interval, unit)

    @pytest.mark.parametrize(
        ("text", "interval"),
        [
            pytest.param("450,000 to 1.2 million", (450_000.0, 1_200_000.0), id="to"),
            pytest.param("250,000 to 2 million people", (250_000.0, 2_000_000.0), id="people"),
            pytest.param("between 300,000 and 1.5 million", (300_000.0, 1_500_000.0), id="and"),
        ],
    )
    def test_a_first_end_too_large_to_share_the_scale_keeps_its_own(
        self, text: str, interval: tuple[float, float]
    ) -> None:
        """A first end that, scaled, would run past the second keeps its own size."""
        assert Estimate.parse(text).interval == interval


class TestUnitForms:
    """Units glued to the number, adjectival forms and count nouns."""

    @pytest.mark.parametrize(
        ("text", "number", "unit"),
        [
            pytest.param("1,000sq km", 1000.0, "kilometer ** 2", id="glued-sq-km"),
            pytest.param("386sq miles", 386.0, "mile ** 2", id="glued-sq-miles"),
            pytest.param("1,000 km²", 1000.0, "kilometer ** 2", id="km-superscript"),
            pytest.param("1,000 km2", 1000.0, "kilometer ** 2", id="km2"),
            pytest.param("40-kilometre", 40.0, "kilometer", id="adjectival-kilometre"),
            pytest.param("40-kilometer", 40.0, "kilometer", id="adjectival-kilometer"),
            pytest.param("25-mile", 25.0, "mile", id="adjectival-mile"),
            pytest.param("53-kilogram", 53.0, "kilogram", id="adjectival-kilogram"),
            pytest.param("1,000 hectares", 1000.0, "hectare", id="hectares"),
            pytest.param("10 tonnes", 10.0, "metric_ton", id="tonnes"),
            pytest.param("10 pounds", 10.0, "pound", id="pounds"),
        ],
    )
    def test_unit_form(self, text: str, number: float, unit: str) -> None:
        """The number and the unit are read from every way news text joins them."""
        estimate = Estimate.parse(text)
        assert estimate.number == number
        assert estimate.unit == unit
        assert estimate.value.units == _unit(unit)

    def test_adjectival_with_adjectival_bracket(self) -> None:
        """ "53-kilogram (117-pound)" reads 53 kg with a 117 lb equivalent."""
        estimate = Estimate.parse("53-kilogram (117-pound)")
        assert estimate.value.magnitude == 53
        assert estimate.value.units == _unit("kilogram")
        (pounds,) = estimate.equivalents
        assert pounds.magnitude == 117
        assert pounds.units == _unit("pound")

    @pytest.mark.parametrize(
        ("text", "unit"),
        [
            pytest.param("12 civilians", "person", id="civilians"),
            pytest.param("about 121,000 people", "person", id="people"),
            pytest.param("10 children", "person", id="children"),
            pytest.param("28 Russian settlements", "settlement", id="adjective-settlements"),
            pytest.param("nearly 2,000 cross-border strikes", "strike", id="adjective-strikes"),
            pytest.param("over 100 tanks", "tank", id="tanks"),
            pytest.param("some 30 vehicles", "vehicle", id="vehicles"),
        ],
    )
    def test_count_noun(self, text: str, unit: str) -> None:
        """A counted noun, after any adjectives, gives the count unit."""
        estimate = Estimate.parse(text)
        assert estimate.unit == unit
        assert estimate.dimension == unit
        assert estimate.is_count is True

    def test_unknown_noun_counts_its_own_kind(self) -> None:
        """A plain noun outside the table counts its own kind, singular and plural alike."""
        estimate = Estimate.parse("12 wibbles")
        assert (estimate.dimension, estimate.is_count) == ("wibble", True)
        assert Estimate.of(1, "wibble").dimension == "wibble"
        assert str(Estimate.of(3, "wibble")) == "3 wibbles"

    @pytest.mark.parametrize(
        ("text", "one", "unit"),
        [
            ("a mile", "one mile", "mile"),
            ("about a kilometre", "about one kilometre", "kilometer"),
            ("a tonne", "one tonne", "metric_ton"),
        ],
    )
    def test_a_or_an_is_one_of_a_unit_of_measure(self, text: str, one: str, unit: str) -> None:
        """'a mile' is one mile, read as 'one mile' is."""
        estimate = Estimate.parse(text)
        assert (estimate.number, estimate.unit) == (1, unit)
        assert estimate.interval == Estimate.parse(one).interval

    @pytest.mark.parametrize(
        ("text", "decimal"), [("half a mile", "0.5 mile"), ("a quarter of a mile", "0.25 mile")]
    )
    def test_a_fraction_of_a_unit_reads_as_its_decimal(self, text: str, decimal: str) -> None:
        """'half a mile' is 0.5 mile, with the precision '0.5 mile' has."""
        assert Estimate.parse(text).interval == Estimate.parse(decimal).interval

    @pytest.mark.parametrize(
        ("text", "interval"),
        [
            ("200 metres to two kilometres", (0.2, 2.0)),
            ("between 500 m and 2 km", (0.5, 2.0)),
            ("10km to 15km", (10.0, 15.0)),
        ],
    )
    def test_a_range_with_a_unit_on_each_end(
        self, text: str, interval: tuple[float, float]
    ) -> None:
        """The first end is read in the unit of the second: 0.2 to 2 km."""
        estimate = Estimate.parse(text)
        assert estimate.unit == "kilometer"
        assert estimate.interval == pytest.approx(interval)

    @pytest.mark.parametrize(
        ("text", "why"),
        [
            ("2 km to 200 m", "runs backwards"),
            ("10 km to 20 people", "other units"),
        ],
    )
    def test_a_range_of_two_units_is_refused(self, text: str, why: str) -> None:
        """Ends that run backwards once converted, or of two measures, are refused."""
        with pytest.raises(ParseError, match=why):
            Estimate.parse(text)

    def test_an_about_hedge_before_between(self) -> None:
        """'roughly between 20 and 40 km': the range, its ends widened; a range must follow."""
        estimate = Estimate.parse("roughly between 20 and 40 km")
        assert (estimate.hedge, estimate.word, estimate.interval) == (
            Hedge.BETWEEN,
            "roughly",
            (18.0, 44.0),
        )
        with pytest.raises(ParseError, match="second number after 'between'"):
            Estimate.parse("roughly between 20 km")

    @pytest.mark.parametrize(
        ("text", "unit"),
        [
            ("7 more soldiers", "person"),
            ("121 other civilians", "person"),
            ("30 additional troops", "person"),
            ("12 civilian casualties", "person"),
            ("1,524 were children", "person"),
            ("3 wounded Ukrainian soldiers", "person"),
        ],
    )
    def test_words_before_a_counted_noun(self, text: str, unit: str) -> None:
        """Words that add to a count, and nouns of the same kind, describe the counted noun.

        A document reads them as running text does ("7 more soldiers" counts soldiers).
        """
        assert Estimate.parse(text).unit == unit
        assert [m.estimate.unit for m in extract(f"Officials said {text} were seen.")] == [unit]

    def test_lower_case_plurals_before_a_known_noun(self) -> None:
        """In a document the noun is known: "12 special forces soldiers" counts soldiers."""
        assert Estimate.parse("12 special forces soldiers").unit == "person"
        assert Estimate.parse("300 armed forces personnel").unit == "person"

    @pytest.mark.parametrize("text", ["12 km front", "3 stones", "5 trillion", "7 have soldiers"])
    def test_unknown_unit_is_named(self, text: str) -> None:
        """Words that are no plain noun (a unit of measure, a scale word) are refused."""
        with pytest.raises(UnitError, match=text.split(" ", 1)[1]):
            Estimate.parse(text)


class TestBrackets:
    """Conversions stated in brackets are kept as equivalents."""

    def test_syrskyi_area(self) -> None:
        """ "around 1,000 square kilometres (386 square miles)" is 900–1,100 km² with 386 mi²."""
        text = "around 1,000 square kilometres (386 square miles)"
        estimate = Estimate.parse(text)
        assert estimate.hedge is Hedge.ABOUT
        assert estimate.interval == (900.0, 1100.0)
        assert estimate.value.units == _unit("kilometer ** 2")
        (miles,) = estimate.equivalents
        assert isinstance(miles, _app().Quantity)
        assert miles.magnitude == 386
        assert miles.units == _unit("mile ** 2")
        assert estimate.text == text
        assert str(estimate) == text

    def test_smirnov_depth(self) -> None:
        """ "12 kilometres (7.5 miles)" is 11.5–12.5 km with a 7.5 mi equivalent."""
        estimate = Estimate.parse("12 kilometres (7.5 miles)")
        assert estimate.interval == (11.5, 12.5)
        assert estimate.value.units == _unit("kilometer")
        (miles,) = estimate.equivalents
        assert miles.magnitude == 7.5
        assert miles.units == _unit("mile")

    def test_several_conversions(self) -> None:
        """Alternatives in one bracket each become an equivalent, in order."""
        estimate = Estimate.parse("about 1,000 sq km (386 sq mi; 100,000 hectares)")
        assert [q.magnitude for q in estimate.equivalents] == [386, 100_000]
        assert [q.units for q in estimate.equivalents] == [_unit("mile ** 2"), _unit("hectare")]

    def test_conversion_keeps_its_written_precision(self) -> None:
        """A bracketed number keeps one unit of its last digit as its step."""
        (conversion,) = Estimate.parse("12 kilometres (7.5 miles)").conversions
        assert conversion.step == pytest.approx(0.1)
        assert conversion.unit == "mile"

    def test_no_brackets_no_equivalents(self) -> None:
        """A figure without brackets has no equivalents."""
        assert Estimate.parse("12 km").equivalents == ()

    def test_wrong_dimension_in_brackets(self) -> None:
        """A bracket that measures something else is refused with a UnitError."""
        with pytest.raises(UnitError, match="386 sq mi"):
            Estimate.parse("1,000 km (386 sq mi)")

    @pytest.mark.parametrize(
        "text",
        [
            pytest.param("1,000 km (386 (x) mi)", id="nested"),
            pytest.param("1,000 km ((386 mi)", id="double-open"),
            pytest.param("1,000 km (386 mi", id="unclosed"),
            pytest.param("1,000 km 386 mi)", id="unopened"),
            pytest.param("1,000 km) (", id="reversed"),
        ],
    )
    def test_unbalanced_or_nested_brackets(self, text: str) -> None:
        """Nested or unbalanced brackets are refused with a ParseError."""
        with pytest.raises(ParseError, match="bracket"):
            Estimate.parse(text)


class TestSeedFigures:
    """The figures of the Kursk report read to the intervals DESIGN.md gives."""

    @pytest.mark.parametrize(
        ("text", "interval", "unit"),
        [
            pytest.param("about 121,000 people", (108_900, 133_100), "person", id="displaced"),
            pytest.param("100,000 people", (95_000, 105_000), "person", id="putin"),
            pytest.param("12 civilians", (12, 12), "person", id="killed"),
            pytest.param("121 civilians", (121, 121), "person", id="wounded"),
            pytest.param("28 Russian settlements", (28, 28), "settlement", id="settlements"),
            pytest.param(
                "nearly 2,000 cross-border strikes", (1_800, 2_000), "strike", id="strikes"
            ),
            pytest.param("1,000", (950, 1_050), "", id="bare-1000"),
            pytest.param("121,000", (120_500, 121_500), "", id="bare-121000"),
            pytest.param("12 km", (11.5, 12.5), "kilometer", id="12-km"),
        ],
    )
    def test_seed_interval(self, text: str, interval: tuple[float, float], unit: str) -> None:
        """Each seed figure has the interval the implied-precision rules give it."""
        estimate = Estimate.parse(text)
        assert estimate.interval == interval
        assert estimate.unit == unit

    @pytest.mark.parametrize(
        "text",
        [
            pytest.param("12 civilians", id="exact"),
            pytest.param("about 12 people", id="about"),
            pytest.param("nearly 12 people", id="nearly"),
            pytest.param("more than 1,000 people", id="more-than"),
            pytest.param("fewer than 1,000 people", id="fewer-than"),
            pytest.param("1,000+ people", id="plus"),
        ],
    )
    def test_counts_have_whole_number_ends(self, text: str) -> None:
        """The interval of a count has integer ends."""
        low, high = Estimate.parse(text).interval
        assert low == int(low)
        assert high is None or high == int(high)

    @pytest.mark.parametrize(
        ("text", "interval"),
        [
            pytest.param("about 12 people", (11, 13), id="about"),
            pytest.param("more than 1,000 people", (1_001, None), id="more-than"),
            pytest.param("1,000+ people", (1_001, None), id="plus"),
            pytest.param("fewer than 1,000 people", (0, 999), id="fewer-than"),
        ],
    )
    def test_count_interval(self, text: str, interval: tuple[float, float | None]) -> None:
        """Open ends of a count move to the next whole number inside."""
        assert Estimate.parse(text).interval == interval

    def test_a_count_must_be_whole(self) -> None:
        """A fractional count of people is refused."""
        with pytest.raises(ParseError, match=r"12\.5"):
            Estimate.parse("12.5 people")


class TestCanonical:
    """Bounds are kept as floats in the canonical unit of the dimension."""

    def test_square_miles_in_square_kilometres(self) -> None:
        """A figure in square miles has its canonical value and bounds in km²."""
        estimate = Estimate.parse("about 386 square miles")
        factor = 2.589988110336
        assert estimate.canonical_unit == "kilometer ** 2"
        assert estimate.canonical_value == pytest.approx(386 * factor)
        assert estimate.canonical_low == pytest.approx(386 * 0.9 * factor)
        assert estimate.canonical_high == pytest.approx(386 * 1.1 * factor)

    def test_km_is_its_own_canonical(self) -> None:
        """A figure in km has canonical bounds equal to its own."""
        estimate = Estimate.parse("12 kilometres (7.5 miles)")
        assert (estimate.canonical_low, estimate.canonical_high) == (11.5, 12.5)
        assert estimate.canonical_unit == "kilometer"

    @pytest.mark.parametrize(
        ("text", "canonical"),
        [
            pytest.param("53 kilograms", "kilogram", id="mass"),
            pytest.param("12 civilians", "person", id="people"),
            pytest.param("28 settlements", "settlement", id="settlements"),
        ],
    )
    def test_canonical_unit(self, text: str, canonical: str) -> None:
        """Each dimension has its canonical unit."""
        assert Estimate.parse(text).canonical_unit == canonical


class TestQuantities:
    """value, low and high are pint quantities of the application registry."""

    def test_quantities_of_the_application_registry(self) -> None:
        """value, low, high and the equivalents are quantities of the current registry."""
        estimate = Estimate.parse("around 1,000 square kilometres (386 square miles)")
        quantity_type = _app().Quantity
        assert estimate.high is not None
        for quantity in (estimate.value, estimate.low, estimate.high, *estimate.equivalents):
            assert isinstance(quantity, quantity_type)

    def test_magnitudes_and_units(self) -> None:
        """The quantities carry the number and the interval ends in the written unit."""
        estimate = Estimate.parse("about 1,000 km")
        assert estimate.value == _app().Quantity(1000, "km")
        assert estimate.low == _app().Quantity(900, "km")
        assert estimate.high == _app().Quantity(1100, "km")

    def test_bare_number_is_dimensionless(self) -> None:
        """A figure with no unit is a dimensionless quantity."""
        assert Estimate.parse("1,000").value.dimensionless


class TestConstruction:
    """Building estimates from numbers and from pint quantities."""

    def test_of(self) -> None:
        """Estimate.of(12, "km") reads 12 km to its implied precision."""
        estimate = Estimate.of(12, "km")
        assert estimate.interval == (11.5, 12.5)
        assert estimate.value == _app().Quantity(12, "km")
        assert estimate.hedge is Hedge.EXACT
        assert estimate.text is None

    def test_of_with_hedge(self) -> None:
        """Estimate.of takes a hedge by name."""
        assert Estimate.of(1000, "km", "about").interval == (900.0, 1100.0)

    @pytest.mark.parametrize(
        "number",
        [pytest.param("12", id="string"), pytest.param(True, id="bool")],
    )
    def test_of_rejects_non_numbers(self, number: object) -> None:
        """Estimate.of refuses anything but an int or a float."""
        with pytest.raises(RecordError):
            Estimate.of(number, "km")  # type: ignore[arg-type]

    def test_of_rejects_a_bool_even_after_the_equal_number(self) -> None:
        """Estimate.of(True, "km") is refused even after Estimate.of(1, "km") was built."""
        Estimate.of(1, "km")
        with pytest.raises(RecordError):
            Estimate.of(True, "km")  # noqa: FBT003

    def test_of_rejects_non_finite(self) -> None:
        """Estimate.of refuses infinity."""
        with pytest.raises(RecordError, match="finite"):
            Estimate.of(float("inf"), "km")

    def test_from_foreign_quantity(self) -> None:
        """A quantity of a foreign registry is converted into the application registry."""
        foreign: Any = pint.UnitRegistry()
        quantity = foreign.Quantity(12, "mile")
        estimate = Estimate.from_quantity(quantity)
        assert not isinstance(estimate.value, foreign.Quantity)
        assert isinstance(estimate.value, _app().Quantity)
        assert estimate.value.magnitude == 12
        assert estimate.value.units == _unit("mile")
        assert estimate.interval == (11.5, 12.5)
        assert estimate.canonical_low == pytest.approx(11.5 * 1.609344)

    def test_from_foreign_area_with_hedge(self) -> None:
        """A foreign area quantity with a hedge reads to the hedged interval."""
        foreign: Any = pint.UnitRegistry()
        estimate = Estimate.from_quantity(foreign.Quantity(1000, "km ** 2"), "about")
        assert estimate.dimension == "area"
        assert estimate.interval == (900.0, 1100.0)

    def test_from_quantity_rejects_non_quantities(self) -> None:
        """Estimate.from_quantity refuses a plain number."""
        with pytest.raises(RecordError, match="quantity"):
            Estimate.from_quantity(12)

    def test_parse_rejects_non_text(self) -> None:
        """Estimate.parse refuses a number."""
        with pytest.raises(ParseError, match="int"):
            Estimate.parse(12)  # type: ignore[arg-type]

    def test_parse_rejects_long_text_fast(self) -> None:
        """A 1 MB text is refused with a short message."""
        with pytest.raises(ParseError) as excinfo:
            Estimate.parse("1" * 1_000_000)
        assert len(str(excinfo.value)) < 300

    def test_negative_figure_rejected(self) -> None:
        """A negative number of kilometres is refused."""
        with pytest.raises(RecordError, match="non-negative"):
            Estimate.of(-3, "km")


class TestTo:
    """Expressing an estimate in another unit of its dimension."""

    def test_to_mile_keeps_the_canonical_interval(self) -> None:
        """Converting to miles changes the unit, not the canonical interval."""
        estimate = Estimate.parse("12 kilometres (7.5 miles)")
        miles = estimate.to("mile")
        assert miles.unit == "mile"
        assert miles.number == pytest.approx(12 / 1.609344)
        assert miles.canonical_low == pytest.approx(estimate.canonical_low)
        assert miles.canonical_high == pytest.approx(estimate.canonical_high)
        assert miles.hedge is estimate.hedge

    def test_to_square_miles_keeps_the_canonical_interval(self) -> None:
        """Converting an about-area to square miles keeps its canonical interval."""
        estimate = Estimate.parse("around 1,000 square kilometres (386 square miles)")
        miles = estimate.to("square miles")
        assert miles.canonical_low == pytest.approx(900.0)
        assert miles.canonical_high == pytest.approx(1100.0)
        assert miles.equivalents == estimate.equivalents

    def test_to_and_back(self) -> None:
        """Converting to another unit and back gives the same interval."""
        estimate = Estimate.parse("between 900 and 1,300 sq km")
        back = estimate.to("sq mi").to("sq km")
        assert back.interval == pytest.approx(estimate.interval)

    def test_to_other_dimension(self) -> None:
        """Converting a length to a mass is refused with a UnitError naming both."""
        with pytest.raises(UnitError, match=r"a length.*a mass"):
            Estimate.parse("1,000 km").to("kg")


class TestPolicy:
    """One policy object governs how wording is read."""

    def test_parse_with_wider_margin(self) -> None:
        """Policy(about_margin=0.2) widens "about 1,000" to 800–1,200."""
        policy = Policy(about_margin=0.2)
        assert Estimate.parse("about 1,000 km", policy=policy).interval == (800.0, 1200.0)

    def test_reread(self) -> None:
        """reread computes the interval again under another policy."""
        estimate = Estimate.parse("about 1,000 km")
        wider = estimate.reread(Policy(about_margin=0.2))
        assert wider.interval == (800.0, 1200.0)
        assert estimate.interval == (900.0, 1100.0)

    def test_margin_leaves_exact_figures_alone(self) -> None:
        """The about-margin does not touch a bare figure."""
        assert Estimate.parse("1,000 km", policy=Policy(about_margin=0.2)).interval == (
            950.0,
            1050.0,
        )

    def test_default_policy(self) -> None:
        """The default policy reads about with 10 % and round integers to two figures."""
        assert Policy() == DEFAULT_POLICY
        assert DEFAULT_POLICY.about_margin == 0.10
        assert DEFAULT_POLICY.min_significant == 2

    def test_negative_margin_is_an_incursion_error(self) -> None:
        """A negative margin is refused with an IncursionError."""
        with pytest.raises(IncursionError):
            Policy(about_margin=-0.1)


class TestValueSemantics:
    """Estimates are frozen, hashable values."""

    def test_frozen(self) -> None:
        """Assigning to a field raises FrozenInstanceError."""
        estimate = Estimate.parse("about 1,000 km")
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            estimate.number = 5  # type: ignore[misc]

    def test_frozen_when_built_by_of(self) -> None:
        """An estimate built by Estimate.of is frozen too."""
        estimate = Estimate.of(12, "km")
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            estimate.unit = "mile"  # type: ignore[misc]

    def test_equal_inputs_equal_and_hash_equal(self) -> None:
        """Two estimates built from equal inputs are equal and hash equal."""
        first = Estimate(number=12, unit="km", hedge="about", word="about")
        second = Estimate(number=12.0, unit="kilometres", hedge=Hedge.ABOUT, word="about")
        assert first == second
        assert hash(first) == hash(second)
        assert len({first, second}) == 1

    def test_parsed_equals_constructed(self) -> None:
        """An estimate parsed from text equals one built from the same parts."""
        parsed = Estimate.parse("about 1,000 km")
        built = Estimate(number=1000, unit="km", hedge="about", word="about", text="about 1,000 km")
        assert parsed == built
        assert hash(parsed) == hash(built)
        assert built.interval == parsed.interval

    def test_different_figures_differ(self) -> None:
        """Estimates of different numbers are unequal."""
        assert Estimate.of(12, "km") != Estimate.of(13, "km")
        assert Estimate.of(12, "km") != Estimate.of(12, "mile")

    def test_str_without_text(self) -> None:
        """An estimate built in Python renders its hedge, number and unit symbol."""
        assert str(Estimate.of(1000, "km", "about")) == "about 1,000 km"

    @pytest.mark.parametrize(
        "build",
        [
            pytest.param(lambda: Estimate(number="abc"), id="number-not-numeric"),
            pytest.param(lambda: Estimate(number=5, hedge="bogus"), id="unknown-hedge"),
        ],
    )
    def test_bad_fields_raise_incursion_errors(self, build: object) -> None:
        """Building an estimate with a bad field raises an IncursionError."""
        assert callable(build)
        with pytest.raises(IncursionError):
            build()


def test_parse_error_hierarchy() -> None:
    """UnitError is a ParseError, and both are IncursionErrors and ValueErrors."""
    assert issubclass(UnitError, ParseError)
    assert issubclass(ParseError, IncursionError)
    assert issubclass(ParseError, ValueError)


class TestNewsForms:
    """Forms news text writes that a reader must neither misread nor refuse."""

    @pytest.mark.parametrize(
        "text",
        [
            pytest.param("47 missiles and 40 drones", id="two-figures"),
            pytest.param("12 km from the nearest village", id="unit-before-noun"),
            pytest.param("100 metres from homes", id="metres-from-homes"),
            pytest.param("12 killed and 30 wounded civilians", id="conjunction"),
            pytest.param("100 at least people", id="hedge-in-the-slot"),
            pytest.param("100 fewer civilians", id="comparative-in-the-slot"),
        ],
    )
    def test_words_that_change_a_figure_are_not_dropped(self, text: str) -> None:
        """A unit, number, hedge or conjunction before a counted noun is an error."""
        with pytest.raises(ParseError):
            Estimate.parse(text)

    @pytest.mark.parametrize(
        ("text", "number", "unit"),
        [
            pytest.param("1m people", 1_000_000, "person", id="m-before-people"),
            pytest.param("2.5m people", 2_500_000, "person", id="decimal-m"),
            pytest.param("5 M people", 5_000_000, "person", id="capital-m"),
            pytest.param("300k people", 300_000, "person", id="k"),
            pytest.param("1.5 mn people", 1_500_000, "person", id="mn"),
            pytest.param("1.2m", 1.2, "meter", id="m-alone-is-metres"),
            pytest.param("half a million people", 500_000, "person", id="half-a-million"),
            pytest.param("one hundred and fifty people", 150, "person", id="hundred-and"),
            pytest.param(".5 km", 0.5, "kilometer", id="leading-point"),
            pytest.param("3 Ukrainian prisoners of war", 3, "person", id="multiword-noun"),
            pytest.param("12 hostages", 12, "person", id="hostages"),
            pytest.param("5 nm", 5, "nautical_mile", id="nautical-miles"),
            pytest.param("5 km a day", 5, "kilometer / day", id="rate-a-day"),
            pytest.param("80 kilometres per hour", 80, "kilometer / hour", id="rate-per-hour"),
            pytest.param("1,000 sq km of territory", 1000, "kilometer ** 2", id="of-territory"),
            pytest.param("2 tonnes of explosives", 2, "metric_ton", id="of-explosives"),
            pytest.param("15 km deep", 15, "kilometer", id="deep"),
        ],
    )
    def test_read_as_written(self, text: str, number: float, unit: str) -> None:
        """Scale abbreviations, compound number words and describing words read right."""
        estimate = Estimate.parse(text)
        assert (estimate.number, estimate.unit) == (number, unit)

    @pytest.mark.parametrize("text", ["5 B", "5 a", "5 Gs"])
    def test_short_pint_symbols_are_refused(self, text: str) -> None:
        """One- and two-letter symbols only pint knows (barn, year) are not guessed at."""
        with pytest.raises(ParseError):
            Estimate.parse(text)

    @pytest.mark.parametrize(
        ("text", "interval"),
        [
            pytest.param("between 10km and 15km", (10.0, 15.0), id="unit-on-both-ends"),
            pytest.param("15%-20%", (15.0, 20.0), id="percent-range"),
            pytest.param("about 200-300 people", (180.0, 330.0), id="hedged-range-widened"),
            pytest.param(
                "approximately 12,000 to 15,000 troops", (10_800.0, 16_500.0), id="approx-range"
            ),
        ],
    )
    def test_ranges(self, text: str, interval: tuple[float, float]) -> None:
        """Ranges with a unit on each end, and "about" ranges widened by the margin."""
        estimate = Estimate.parse(text)
        assert estimate.hedge is Hedge.BETWEEN
        assert estimate.interval == pytest.approx(interval)

    def test_range_ends_in_different_units_are_converted(self) -> None:
        """A range whose ends are in two units of one measure is read in the second's unit
        (unit arithmetic, not a guess); ends of two measures are an error."""
        estimate = Estimate.parse("10 km to 15 miles")
        assert estimate.unit == "mile"
        assert estimate.interval == pytest.approx((10 / 1.609344, 15))
        with pytest.raises(ParseError, match="other units"):
            Estimate.parse("10 km to 15 tonnes")

    @pytest.mark.parametrize(
        ("text", "equivalents"),
        [
            pytest.param("12 km (7.5 miles, 12,000 m)", [(7.5, "mile"), (12_000, "meter")]),
            pytest.param("1,000 km² (386 sq mi, 259 ha)", [(386, "mile ** 2"), (259, "hectare")]),
            pytest.param("10 to 15 km (6 to 9 miles)", [(6, "mile"), (9, "mile")]),
        ],
    )
    def test_bracket_lists_and_ranges(
        self, text: str, equivalents: list[tuple[float, str]]
    ) -> None:
        """Brackets list several conversions after commas; a bracketed range gives both ends."""
        got = [(q.magnitude, str(q.units)) for q in Estimate.parse(text).equivalents]
        assert got == equivalents


class TestHedgeWords:
    """The word kept beside a hedge must belong to its class."""

    def test_a_word_of_another_class_is_refused(self) -> None:
        """ "nearly" cannot stand for an "about" hedge."""
        with pytest.raises(RecordError, match="nearly"):
            Estimate(number=1000, unit="km²", hedge=Hedge.ABOUT, word="nearly")

    def test_an_unknown_word_is_refused(self) -> None:
        """A word outside the hedge vocabulary is refused."""
        with pytest.raises(RecordError, match="not a hedge word"):
            Estimate(number=1000, unit="km²", hedge=Hedge.ABOUT, word="perhaps")

    def test_a_word_of_the_class_is_kept(self) -> None:
        """A word of the hedge's class is kept as written."""
        assert Estimate(number=1000, unit="km²", hedge=Hedge.ABOUT, word="Roughly").word == (
            "Roughly"
        )


@pytest.mark.parametrize("row", list(HEDGE_BOUNDS.values()), ids=lambda row: row.hedge.value)
def test_each_hedge_class_reads_its_example_as_its_table_row_says(row: HedgeBounds) -> None:
    text, interval = row.example
    estimate = Estimate.parse(text)
    assert estimate.hedge is row.hedge
    assert estimate.interval == pytest.approx(interval)


def test_the_hedge_table_has_a_row_for_every_class_in_order() -> None:
    assert list(HEDGE_BOUNDS) == list(Hedge)
    assert set(HEDGE_WORDS.values()) == set(Hedge) - {Hedge.EXACT}  # a bare figure needs no word


@pytest.mark.parametrize(
    ("text", "hedge", "interval"),
    [
        ("40 or so people", "about", (36, 44)),
        ("40or so people", "about", (36, 44)),  # written against the number, as before
        ("1,000or more", "at-least", (1000, None)),
    ],
)
def test_a_hedge_after_the_number(
    text: str, hedge: str, interval: tuple[float, float | None]
) -> None:
    estimate = Estimate.parse(text)
    assert (estimate.hedge.value, estimate.interval) == (hedge, interval)
