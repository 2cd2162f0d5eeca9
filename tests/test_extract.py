"""``incursion.extract``: behaviours beyond the corpus, the seed figures, properties, the CLI."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import incursion
from incursion import CONTEXT_RULES, ContextRule, Estimate, Hedge, Mention, Unread, extract
from incursion._cli import main
from incursion._estimates import DEFAULT_POLICY
from incursion._extract import BARE_NUMBER, NOT_A_FIGURE, OWN_WORDS, _Scanner
from incursion._extraction_report import Extraction
from incursion.checks import ConversionCheck, Severity
from incursion.examples import kursk_2024
from incursion.exceptions import ParseError
from strategies import UNIT_SPELLINGS, figure_texts

SEED = Path(
    os.environ.get(
        "INCURSION_SEED",
        Path(__file__).resolve().parents[2] / "shared/seed/kursk-incursion-2024-08-12.txt",
    )
)


def read(
    text: str, *, percentages: bool = False, durations: bool = False
) -> list[tuple[str, float, str, str]]:
    """The text, number, dimension and hedge of every mention."""
    return [
        (m.text, m.estimate.number, m.estimate.dimension, m.estimate.hedge.value)
        for m in extract(text, percentages=percentages, durations=durations)
    ]


def written(e: Estimate) -> tuple[object, ...]:
    """What an estimate says, apart from its words."""
    return (e.number, e.unit, e.hedge, e.word, e.step, e.stated_low, e.stated_high, e.conversions)


class TestMention:
    """The contract of :class:`Mention`."""

    def test_attributes(self) -> None:
        """span, text, sentence, estimate; text is the text at span."""
        text = "Quiet day. Officials said around 1,000 sq km (386 sq mi) were held. Later, none."
        (m,) = extract(text)
        assert isinstance(m, Mention)
        assert m.text == "around 1,000 sq km (386 sq mi)"
        assert text[m.span[0] : m.span[1]] == m.text
        assert (m.start, m.end) == m.span
        assert m.sentence == "Officials said around 1,000 sq km (386 sq mi) were held."
        assert m.estimate.hedge is Hedge.ABOUT
        assert m.estimate.word == "around"
        assert m.estimate.equivalents[0].magnitude == 386
        assert m.estimate.text == m.text
        assert "1,000" in str(m)

    def test_noun_as_written(self) -> None:
        """A count keeps its noun with its adjectives; a measure has none."""
        counted, measured = extract("They hold 28 Russian settlements and 12 km of road.")
        assert counted.noun == "Russian settlements"
        assert counted.estimate.unit == "settlement"
        assert measured.noun is None

    def test_not_text(self) -> None:
        """Anything but a string is refused with an IncursionError."""
        with pytest.raises(ParseError, match="expected text"):
            extract(b"12 people")  # type: ignore[call-overload]

    def test_top_level_names(self) -> None:
        """extract and Mention are public at the top level."""
        assert incursion.extract is extract
        assert {"extract", "Mention"} <= set(incursion.__all__)

    def test_empty_and_figureless(self) -> None:
        """No figure, no mention."""
        assert extract("") == []
        assert extract("The offensive continued; no figures were given.") == []


class TestSeed:
    """The figures of the bundled example, read back from the words it quotes."""

    def test_each_quote_gives_its_record_figures(self) -> None:
        """Every figure of every record is found in its citation quote, read alike."""
        document = kursk_2024()
        for record in document.records:
            quote = record.citation.quote if record.citation else None
            assert quote is not None
            found = [m.estimate for m in extract(quote)]
            expected = []
            for name in record.figure_fields():
                value = getattr(record, name)
                if value is None:
                    continue
                if isinstance(value, incursion.Count):
                    expected.append(value.total)
                    expected.extend(part.estimate for part in value.parts)
                else:
                    expected.append(value)
            key = [(e.number, e.dimension, e.hedge, e.conversions) for e in expected]
            got = [(e.number, e.dimension, e.hedge, e.conversions) for e in found]
            assert sorted(got, key=repr) == sorted(key, key=repr), (record.id, quote)

    def test_others_counts_what_came_before(self) -> None:
        """'121 others' after '12 civilians' counts people."""
        quote = "12 civilians have been killed and 121 others, including 10 children, wounded"
        assert read(quote) == [
            ("12 civilians", 12, "person", "exact"),
            ("121 others", 121, "person", "exact"),
            ("10 children", 10, "person", "exact"),
        ]

    @pytest.mark.skipif(not SEED.exists(), reason="the seed article is not beside the checkout")
    def test_seed_article(self) -> None:
        """Every figure of the bundled example, with its hedge; the brackets all pass."""
        mentions = extract(SEED.read_text(encoding="utf-8"))
        assert [(m.text, m.estimate.hedge.value) for m in mentions] == [
            ("100,000 people", "exact"),
            ("1,000sq km", "exact"),
            ("Three theories", "exact"),  # a count of theories: a kind of its own
            ("around 1,000 square kilometres (386 square miles)", "about"),
            ("12 kilometres (7.5 miles)", "exact"),
            ("40-kilometre (25-mile)", "exact"),
            ("28 Russian settlements", "exact"),
            ("12 civilians", "exact"),
            ("121 others", "exact"),
            ("10 children", "exact"),
            ("About 121,000 people", "about"),
            ("nearly 2,000 cross-border strikes", "nearly"),
        ]
        check = ConversionCheck()
        findings = [f for m in mentions for f in check.check_estimate(m.estimate, "seed", "$")]
        assert sum(len(m.estimate.conversions) for m in mentions) == 3
        assert all(f.severity is Severity.INFO for f in findings)


class TestReadings:
    """Documented readings that the corpus does not pin down alone."""

    def test_a_hedge_reaches_the_figure_coordinated_with_it(self) -> None:
        """'Some' before a figure reaches the next joined by 'and'; a verb or comma ends it."""
        assert read("Some 3,000 women and 5,000 children fled.") == [
            ("Some 3,000 women", 3000, "person", "about"),
            ("5,000 children", 5000, "person", "about"),
        ]
        assert [h for *_, h in read("Some 10 tonnes of water and 137 tents.")] == [
            "about",
            "about",
        ]
        assert read("It killed at least four people and wounded 10.")[1][3] == "exact"
        # A list that `and` closes coordinates its items, commas and all.
        listed = read("Some 900 tonnes of flour, 40 tents, and 6 ambulances arrived.")
        assert [h for *_, h in listed] == ["about", "about", "about"]
        # After a comma come breakdowns as often as items: no reach.
        breakdown = read("More than 40 people, 12 of them children, and 3 km, 2 villages.")
        assert [h for *_, h in breakdown] == ["more-than", "exact", "exact", "exact"]

    def test_number_words_count_what_the_sentence_counts(self) -> None:
        """A list after a count, and a partitive, give number words their noun."""
        text = "28 drones fell over Saratov, four over Voronezh. Three of the nine strikes hit."
        assert read(text) == [
            ("28 drones", 28, "drone", "exact"),
            ("four", 4, "drone", "exact"),
            ("Three", 3, "strike", "exact"),
            ("nine strikes", 9, "strike", "exact"),
        ]
        assert read("One of the officials said they lost twelve.") == []

    def test_verbs_of_exceeding_are_more_than(self) -> None:
        """'surpassed 10,000', 'topped 2,000', 'exceeds 300': above the number."""
        text = "The toll surpassed 10,000 people. Deaths topped 2,000. Losses exceed 300."
        assert [(t, h) for t, _, _, h in read(text)] == [
            ("surpassed 10,000 people", "more-than"),
            ("topped 2,000", "more-than"),
            ("exceed 300", "more-than"),
        ]

    def test_verbs_of_reaching_are_at_least(self) -> None:
        """'the toll reached 120', 'hit 1,200': a total got there, so at least that."""
        text = (
            "The death toll reached 120. By Monday it hit 1,200. "
            "The number of deaths has reached 1,500 people."
        )
        assert [(t, h) for t, _, _, h in read(text)] == [
            ("reached 120", "at-least"),
            ("hit 1,200", "at-least"),
            ("reached 1,500 people", "at-least"),
        ]

    def test_a_verb_of_reaching_does_not_hedge_what_it_acts_on(self) -> None:
        """'strikes hit 12 towns', 'hit 30 times', 'reached 5 km from the city': no hedge."""
        text = (
            "Russian strikes hit 12 towns overnight, and drones reached 5 regions. Kharkiv "
            "was hit 30 times. Forces reached 5 km from the city."
        )
        assert [(t, h) for t, _, _, h in read(text)] == [
            ("12 towns", "exact"),
            ("5 regions", "exact"),
            ("30", "exact"),
            ("5 km", "exact"),
        ]

    def test_a_list_continues_with_what_befell_its_items(self) -> None:
        """'544 tanks captured, 79 damaged and 65 abandoned': all three count tanks."""
        text = "Ukraine captured 544 Russian tanks, 79 damaged and 65 abandoned."
        assert [(t, d) for t, _, d, _ in read(text)] == [
            ("544 Russian tanks", "tank"),
            ("79", "tank"),
            ("65", "tank"),
        ]

    def test_every_form_of_number_words_counts_alike(self) -> None:
        """'Twelve', 'a dozen' and 'half a million' count people in the same sentence."""
        for words, number in (("Twelve", 12), ("A dozen", 12), ("Half a million", 500_000)):
            assert read(f"{words} were killed.") == [(words, number, "person", "exact")]
        assert read("They saw a dozen.") == []

    def test_a_vague_quantity_counts_what_its_sentence_counts(self) -> None:
        """'Thousands were killed' counts people; 'thousands gathered' counts nothing."""
        assert read("Thousands were killed.") == [("Thousands", 5999.5, "person", "between")]
        assert read("Thousands gathered in the square.") == []

    def test_a_noun_outside_the_table_counts_its_own_kind(self) -> None:
        """Open vocabulary: '146 occupiers' counts occupiers; a participle describes."""
        assert read("It said 146 occupiers and 400,000 internally displaced people.") == [
            ("146 occupiers", 146, "occupier", "exact"),
            ("400,000 internally displaced people", 400000, "person", "exact"),
        ]

    def test_a_verb_and_its_object_are_no_counted_noun(self) -> None:
        """'3 suffered burns' counts no burns; 'two thirds' is a fraction, not thirds."""
        text = "40 people were detained and 5 got visas; two thirds were women."
        assert [(t, d) for t, _, d, _ in read(text)] == [("40 people", "person"), ("5", "number")]
        assert read("Of the 20 wounded, 3 lost limbs.")[1][:3] == ("3", 3, "number")

    def test_a_range_end_in_the_thousands_keeps_its_size(self) -> None:
        """'250,000 to 2 million': the scale word is the second end's alone."""
        ((text, number, _, hedge),) = read("Between 250,000 to 2 million people fled.")
        assert (text, hedge) == ("250,000 to 2 million people", "between")
        assert number == 1_125_000

    def test_an_about_hedge_before_between_widens_the_range(self) -> None:
        """'roughly between 20k and 40k refugees': the range, its ends widened, its word kept."""
        ((text, _, dimension, hedge),) = read("They counted roughly between 20k and 40k refugees.")
        assert (text, dimension, hedge) == (
            "roughly between 20k and 40k refugees",
            "person",
            "between",
        )
        (mention,) = extract("They counted roughly between 20k and 40k refugees.")
        assert (mention.estimate.word, mention.estimate.interval) == ("roughly", (18_000, 44_000))

    def test_change_is_two_figures(self) -> None:
        """'rose from 200 to 300' is two figures; 'from 200 to 300' alone is a range."""
        assert read("The count rose from 200 to 300 people.") == [
            ("200", 200, "person", "exact"),  # counts what the figure it runs to counts
            ("300 people", 300, "person", "exact"),
        ]
        assert read("The count rose from 200 to 300.") == [
            ("200", 200, "number", "exact"),
            ("300", 300, "number", "exact"),
        ]
        ((_, value, dimension, hedge),) = read("They fired from 200 to 300 shells.")
        assert (value, dimension, hedge) == (250, "shell", "between")

    def test_change_said_earlier_in_the_sentence_is_two_figures(self) -> None:
        """'revised its projection … from 100,000 to 245,000': the verb of change may stand
        far before; in another sentence it does not count."""
        text = (
            "The agency revised its projection for refugees entering Chad from 100,000 to 245,000."
        )
        assert [(t, h) for t, _, _, h in read(text)] == [("100,000", "exact"), ("245,000", "exact")]
        ((text, _, _, hedge),) = read("Prices rose. They fired from 200 to 300 shells.")
        assert (text, hedge) == ("from 200 to 300 shells", "between")
        ((text, _, _, hedge),) = read("Aid groups set up camps for from 200 to 300 people.")
        assert (text, hedge) == ("from 200 to 300 people", "between")  # "set up": no change

    def test_change_with_its_amount_between_is_three_figures(self) -> None:
        """'fell by 12,408, from 3.21 million to 3.19 million': the change, then both ends."""
        text = "The population fell by 12,408, from 3.21 million to 3.19 million."
        assert [(t, v) for t, v, _, _ in read(text)] == [
            ("12,408", 12_408),
            ("3.21 million", 3_210_000),
            ("3.19 million", 3_190_000),
        ]
        assert extract(text, unread=True)[-1].text == "3.19 million"  # nothing left unread

    def test_others_without_a_count_before_is_a_bare_number(self) -> None:
        """With nothing counted earlier in the sentence, 'others' stays a bare number."""
        (m,) = extract("Officials said 40 others arrived.")
        assert (m.estimate.dimension, m.noun) == ("number", "others")

    def test_others_does_not_reach_into_another_sentence(self) -> None:
        """The counted noun of one sentence does not carry into the next."""
        mentions = extract("Twelve soldiers died. Officials said 40 others arrived.")
        assert [m.estimate.dimension for m in mentions] == ["person", "number"]

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Air defences destroyed 45 of 52 drones.", ["drone", "drone"]),
            ("It lost 40 of its own soldiers.", ["person"]),
            ("The death toll rose to 39.", ["person"]),
            ("The blast killed at least 12 and wounded 30.", ["person", "person"]),
            ("About 600,000 people remain, down from 1.3 million.", ["person", "person"]),
            ("Officials said 34,000 Palestinians were killed.", ["person"]),
            ("The total reached 1,482 by Friday.", ["number"]),
        ],
    )
    def test_bare_numbers_counted_by_their_context(self, text: str, expected: list[str]) -> None:
        """A bare number counts what the words and figures around it in its sentence count."""
        assert [m.estimate.dimension for m in extract(text)] == expected

    def test_vague_quantities(self) -> None:
        """'dozens of' is between 24 and 99; 'tens of thousands' 20,000 to 99,999."""
        a, b = extract("Dozens of drones and tens of thousands of people.")
        assert (a.estimate.stated_low, a.estimate.stated_high, a.estimate.unit) == (24, 99, "drone")
        assert (b.estimate.stated_low, b.estimate.stated_high) == (20_000, 99_999)

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (
                "Russia has increased its attacks, launching from 100 to 150 drones a night.",
                [("from 100 to 150 drones", "between")],
            ),
            (
                "Troops cut through the forest and advanced from 3 to 5 km.",
                [("from 3 to 5 km", "between")],
            ),
            ("At the checkpoint, 12 were detained.", [("12", "exact")]),
            ("A drone hit building 5 and 12 were injured.", [("12", "exact")]),
            (
                "Russia lost about 5,000 soldiers, 300 tanks and 20 aircraft, the ministry said.",
                [
                    ("about 5,000 soldiers", "about"),
                    ("300 tanks", "about"),
                    ("20 aircraft", "about"),
                ],
            ),
            (
                "At least 20 people, 12 Palestinians and 8 Israelis.",
                [
                    ("At least 20 people", "at-least"),
                    ("12 Palestinians", "exact"),
                    ("8 Israelis", "exact"),
                ],
            ),
            (
                "They moved roughly between 20 km and 40 km.",
                [("roughly between 20 km and 40 km", "between")],
            ),
            (
                "Troops advanced 800 metres to a kilometre.",
                [("800 metres to a kilometre", "between")],
            ),
            ("A foot patrol came under fire near a meter reader's yard sale.", []),
        ],
    )
    def test_readings_near_the_new_rules(self, text: str, expected: list[tuple[str, str]]) -> None:
        """Sentences near each new rule that it must leave as they were, or read whole."""
        assert [(t, h) for t, _, _, h in read(text)] == expected

    def test_a_or_an_is_one_of_a_unit_of_measure(self) -> None:
        """'about a mile', 'within a kilometre': one; 'a soldier', 'a day', 'a ton of' are not."""
        text = "It stood about a mile away, within a kilometre of the plant, for a day."
        assert [(t, v, d, h) for t, v, d, h in read(text)] == [
            ("about a mile", 1, "length", "about"),
            ("within a kilometre", 1, "length", "up-to"),
        ]
        assert read("A soldier said it was a ton of work.") == []

    def test_a_range_with_a_unit_on_each_end(self) -> None:
        """'200 metres to two kilometres' is one range, 0.2 to 2 km."""
        (m,) = extract("Shells landed 200 metres to two kilometres from the plant.")
        assert (m.text, m.estimate.unit) == ("200 metres to two kilometres", "kilometer")
        assert m.estimate.interval == pytest.approx((0.2, 2.0))

    def test_a_conversion_between_dashes(self) -> None:
        """'40 kilometres – or 25 miles –' is one figure with its conversion; into the same
        unit it is two figures."""
        (m,) = extract("They advanced as much as 40 kilometres – or 25 miles – into the region.")
        assert m.text == "as much as 40 kilometres – or 25 miles"
        assert [(q.magnitude, str(q.units)) for q in m.estimate.equivalents] == [(25, "mile")]
        assert len(extract("They held 12 km – or 30 km – of the front.")) == 2

    def test_a_vague_quantity_of_a_determined_noun(self) -> None:
        """'dozens of its commanders', 'hundreds of the wounded': the noun after the determiner."""
        a, b = extract("Dozens of its commanders and hundreds of the wounded were moved.")
        assert (a.text, a.estimate.unit) == ("Dozens of its commanders", "commander")
        assert (b.text, b.estimate.unit) == ("hundreds of the wounded", "person")
        assert Estimate.parse("dozens of their drones").unit == "drone"

    def test_percentages_and_durations_when_asked(self) -> None:
        """Left out by default, returned with their own units when asked for."""
        text = "About 15% of the region was held for three weeks."
        assert read(text) == []
        assert read(text, percentages=True) == [("About 15%", 15, "ratio", "about")]
        assert read(text, durations=True) == [("three weeks", 3, "duration", "exact")]

    def test_wrong_bracket_is_kept_as_stated(self) -> None:
        """A wrong conversion is extracted as written, and the check finds it."""
        (m,) = extract("They took about 700 square miles (2,000 square kilometres).")
        (finding,) = ConversionCheck().check_estimate(m.estimate, "x", "$")
        assert finding.severity is Severity.ERROR
        assert "1,813 km²" in finding.message

    def test_not_a_conversion_bracket(self) -> None:
        """A bracket that is no conversion stays out; figures in it are figures."""
        assert read("12 civilians (including three children) died.") == [
            ("12 civilians", 12, "person", "exact"),
            ("three children", 3, "person", "exact"),
        ]

    def test_sentences_and_abbreviations(self) -> None:
        """An abbreviation does not end a sentence; a heading line is a sentence."""
        text = "Front line update\nMr. Smith said 30 tanks were lost. Gen. Ivanov said 12."
        first, second = extract(text)
        assert first.sentence == "Mr. Smith said 30 tanks were lost."
        assert second.sentence == "Gen. Ivanov said 12."

    def test_a_long_text_of_many_figures(self) -> None:
        """A long text of many figures reads every one of them, in order.

        How the time grows with the length of a text is measured by
        benchmarks/bench_extract.py, not here.
        """
        text = "Officials said about 1,000 sq km (386 sq mi) and 28 villages were held. " * 500
        mentions = extract(text)
        assert len(mentions) == 1000
        assert [m.start for m in mentions] == sorted(m.start for m in mentions)


# -- properties ---------------------------------------------------------------------------

TEMPLATES = (
    "Officials said {} had been lost by Tuesday.",
    "{} were reported in the region, the ministry said.",
    "The governor told reporters that {}, by his count, remained.",
    "According to the monitors, {} (a preliminary figure) were recorded.",
)
FRAGMENTS = st.sampled_from(
    [
        "about",
        "1,000",
        " ",
        "(",
        ")",
        "km",
        "sq",
        "-",
        "to",
        "between",
        "and",
        "people",
        "2024",
        "August",
        ".",
        ",",
        "12",
        "million",
        "dozens of",
        "aged",
        "1.5",
        "\n",
        "%",
        "others",
        "rose from",
        "²",
        "Mr.",
        "$",
        "7.5 miles",
        "—",
        "year-old",
    ]
)


class TestProperties:
    """Extraction never fails but with our errors, never hangs, and reads what it finds."""

    @given(st.text(max_size=300) | st.lists(FRAGMENTS | st.text(max_size=5)).map("".join))
    @settings(suppress_health_check=[HealthCheck.too_slow])
    def test_arbitrary_text(self, text: str) -> None:
        """Any text: a list of mentions whose words stand at their spans, in order."""
        mentions = extract(text)
        last = 0
        for m in mentions:
            assert text[m.start : m.end] == m.text
            assert m.start >= last
            last = m.end
            assert " ".join(m.text.split()) in " ".join(m.sentence.split())

    @given(figure_texts(), st.sampled_from(TEMPLATES))
    def test_figure_in_a_sentence_reads_back(self, figure: object, template: str) -> None:
        """A figure put into a sentence is extracted back as the same estimate."""
        text: str = figure.text  # type: ignore[attr-defined]
        if template.startswith("{}"):
            text = text[0].upper() + text[1:]
        sentence = template.format(text)
        mentions = extract(sentence)
        assert [m.text for m in mentions] == [text], sentence
        assert written(mentions[0].estimate) == written(Estimate.parse(text)), sentence

    @given(
        figure_texts(dimension="area", hedges=(Hedge.EXACT, Hedge.ABOUT, Hedge.NEARLY)),
        st.sampled_from(UNIT_SPELLINGS["area"]),
        st.integers(1, 99_999),
    )
    def test_bracketed_conversion_reads_back(self, figure: object, unit: str, n: int) -> None:
        """A figure with a bracketed conversion keeps the conversion as stated."""
        text = f"{figure.text} ({n:,} {unit})"  # type: ignore[attr-defined]
        (m,) = extract(f"Officials said {text} were held.")
        assert m.text == text
        assert written(m.estimate) == written(Estimate.parse(text))


# -- the command line ---------------------------------------------------------------------


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


ARTICLE = (
    "Officials said about 700 square miles (2,000 square kilometres) were held.\n"
    "The governor said 12 kilometres (7.5 miles) and 28 villages, on 12 August 2024.\n"
)


class TestCommand:
    """``incursion extract``: text and JSON, exit codes as for ``incursion check``."""

    def test_text(self, tmp_path: Path) -> None:
        """Each figure with its reading and sentence; the wrong bracket; exit 1."""
        path = tmp_path / "article.txt"
        path.write_text(ARTICLE, encoding="utf-8")
        code, out, err = run("extract", str(path))
        assert (code, err) == (1, "")
        assert "1:16" in out
        assert "about (“about”) · 630–770 mi² · brackets: 2,000 km²" in out
        assert "700 mi² is 1,813 km², not 2,000 km²" in out
        assert f"{path}:1:16" in out
        assert out.rstrip().endswith("3 figures, 2 bracketed conversions checked: 1 wrong")

    def test_json(self, tmp_path: Path) -> None:
        """Mentions with line, column, reading and figure; findings; a summary."""
        path = tmp_path / "article.txt"
        path.write_text(ARTICLE, encoding="utf-8")
        code, out, _ = run("extract", str(path), "--format", "json")
        data = json.loads(out)
        assert code == 1
        first = data["mentions"][0]
        assert (first["line"], first["column"], first["hedge"], first["word"]) == (
            1,
            16,
            "about",
            "about",
        )
        assert first["equivalents"] == [{"value": 2000, "unit": "kilometer ** 2"}]
        assert Estimate.parse(first["figure"]).number == 700
        assert [f["check"] for f in data["findings"]] == ["conversion"]
        assert data["findings"][0]["severity"] == "error"
        assert data["summary"]["mentions"] == 3
        assert data["summary"]["conversions"] == 2

    @pytest.mark.parametrize(("fail_on", "code"), [("error", 0), ("info", 1), ("never", 0)])
    def test_fail_on(self, tmp_path: Path, fail_on: str, code: int) -> None:
        """Only an over-precise bracket (info): exit 1 only with --fail-on info."""
        path = tmp_path / "a.txt"
        path.write_text("Around 1,000 sq km (386 sq mi) were held.", encoding="utf-8")
        assert run("extract", str(path), "--fail-on", fail_on)[0] == code

    def test_missing_file(self, tmp_path: Path) -> None:
        """A missing file: exit 2, a message on stderr, nothing on stdout."""
        code, out, err = run("extract", str(tmp_path / "none.txt"))
        assert (code, out) == (2, "")
        assert err.startswith("incursion: ")
        assert "Traceback" not in err

    def test_not_utf8(self, tmp_path: Path) -> None:
        """Bytes that are not UTF-8: exit 2 with the offset."""
        path = tmp_path / "latin1.txt"
        path.write_bytes("12 km at Kurs\xe9k".encode("latin-1"))
        code, out, err = run("extract", str(path))
        assert (code, out) == (2, "")
        assert "expected UTF-8 text" in err

    def test_stdin(self) -> None:
        """``python -m incursion extract -`` reads standard input."""
        done = subprocess.run(
            [sys.executable, "-m", "incursion", "extract", "-", "--format", "json"],
            input=ARTICLE.encode(),
            capture_output=True,
            check=False,
            timeout=60,
        )
        assert done.returncode == 1
        assert json.loads(done.stdout)["summary"]["mentions"] == 3

    def test_options(self, tmp_path: Path) -> None:
        """--percentages and --durations add those figures."""
        path = tmp_path / "a.txt"
        path.write_text("About 15% of the town was held for three weeks.", encoding="utf-8")
        assert json.loads(run("extract", str(path), "--format", "json")[1])["mentions"] == []
        _, out, _ = run("extract", str(path), "--percentages", "--durations", "--format", "json")
        assert [m["dimension"] for m in json.loads(out)["mentions"]] == ["ratio", "duration"]


# -- news styles ----------------------------------------------------------------------------

NEWS: list[tuple[str, list[tuple[str, float, str, str]]]] = [
    ("The death toll is 2.5 times higher than reported.", []),
    ("The town was shelled more than 100 times.", [("more than 100", 100, "number", "more-than")]),
    (
        "About 1.9m of Gaza's 2.3m people have been displaced.",
        [("About 1.9m", 1.9e6, "person", "about"), ("2.3m people", 2.3e6, "person", "exact")],
    ),
    ("The war has displaced more than 10m.", [("more than 10m", 1e7, "person", "more-than")]),
    (
        "Most were found in Borno (1,446,829) and Yobe (135,442).",
        [("1,446,829", 1446829, "number", "exact"), ("135,442", 135442, "number", "exact")],
    ),
    (
        "And 5,712,506—almost 15 percent of the country—were displaced.",
        [("5,712,506", 5712506, "person", "exact")],
    ),
    (
        "Tens of thousands feared trapped, aid groups said.",
        [("Tens of thousands", 59999.5, "person", "between")],
    ),
    (
        "Between 1.2m and 1.5m people fled.",
        [("Between 1.2m and 1.5m people", 1.35e6, "person", "between")],
    ),
    ("The tunnel ran 300m to 400m deep.", [("300m to 400m", 350, "length", "between")]),
    ("Russia shipped 2m tonnes of grain.", [("2m tonnes", 2e6, "mass", "exact")]),
    (
        "A 1.2m wall stood 300m away.",
        [("1.2m", 1.2, "length", "exact"), ("300m", 300, "length", "exact")],
    ),
    ("It costs about 4.5m dollars.", []),
    (
        "Germany sent 18 Leopard 2 tanks and Britain 14 Challenger 2 tanks.",
        [
            ("18 Leopard 2 tanks", 18, "tank", "exact"),
            ("14 Challenger 2 tanks", 14, "tank", "exact"),
        ],
    ),
    ("The Leopard 2 tanks arrived under Article 5.", []),
    # ages in apposition, the second day or year of two, notes, minutes: not figures
    ("Mohamed Masto, 31, said the reports were lies.", []),
    ("One of the children told him.", []),  # a pronoun
    (  # a plural in -men outside the table counts its own kind
        "Gunmen killed 40 fishermen and 6 policemen.",
        [("40 fishermen", 40, "fisherman", "exact"), ("6 policemen", 6, "policeman", "exact")],
    ),
    (  # "one" ends a list as the other items do
        "It said 28 drones fell over Saratov, two over Crimea, and one over Volgograd.",
        [
            ("28 drones", 28, "drone", "exact"),
            ("two", 2, "drone", "exact"),
            ("one", 1, "drone", "exact"),
        ],
    ),
    (  # whom a source told is no name for the number after it
        "A spokesman told Reuters 10 people were killed.",
        [("10 people", 10, "person", "exact")],
    ),
    ("His brother, 60, was involved, a relative said.", []),
    ("A drought in 2011 and 2012 killed many here.", []),
    (
        "Between November 11 and 20, 40,965 people had to leave.",
        [("40,965 people", 40965, "person", "exact")],
    ),
    ("They were displaced by violence.[1]", []),
    ("It was a 25-minute-long strike.", []),
    (
        "Officials said 12, 40, and 50 were killed.",  # a list, not an age: 40 stays
        [
            ("12", 12, "number", "exact"),
            ("40", 40, "number", "exact"),
            ("50", 50, "person", "exact"),
        ],
    ),
    ("The 155 Marine Brigade fired 155mm shells.", []),
    ("The 2S19 howitzers moved.", []),
    (
        "They hold about 1,500 T-72 and T-90 tanks.",
        [("about 1,500 T-72 and T-90 tanks", 1500, "tank", "about")],
    ),
    (
        "Killed 12, wounded 30.",
        [("12", 12, "person", "exact"), ("30", 30, "person", "exact")],
    ),
    (
        "Russia lost 30 aircraft, Ukraine 12, the analysts said.",
        [("30 aircraft", 30, "aircraft", "exact"), ("12", 12, "aircraft", "exact")],
    ),
    (
        "Of the 52 drones launched, 45 were shot down.",
        [("52 drones", 52, "drone", "exact"), ("45", 45, "drone", "exact")],
    ),
    (
        "Ukraine fires about 2,000 shells a day, compared with Russia's 10,000.",
        [("about 2,000 shells", 2000, "shell", "about"), ("10,000", 10000, "shell", "exact")],
    ),
    ("The number of dead climbed to 1,400.", [("1,400", 1400, "person", "exact")]),
    ("It had a pre-war population of 110,000.", [("110,000", 110000, "person", "exact")]),
    ("In 2022 people fled.", []),
    ("Sanctions hit 12 Chinese firms.", [("12 Chinese firms", 12, "firm", "exact")]),
    ("Some 3.7m Syrians live in Turkey.", [("Some 3.7m Syrians", 3.7e6, "person", "about")]),
    (
        "The Kremlin said 'more than 500' Ukrainian soldiers surrendered.",
        [("more than 500' Ukrainian soldiers", 500, "person", "more-than")],
    ),
    ("Between 10km and 15km were taken.", [("Between 10km and 15km", 12.5, "length", "between")]),
    ("They advanced 2km-3km.", [("2km-3km", 2.5, "length", "between")]),
    ("Aid reached 1.000.000 people.", []),
    ("Losses were 10-15,000 people.", []),
    ("At least 10-20 km were taken.", [("10-20 km", 15, "length", "between")]),
    (
        "A quarter of a million people fled.",
        [("A quarter of a million people", 250_000, "person", "exact")],
    ),
    (
        "Famine killed a quarter million people and three quarters of a million fled.",
        [
            ("a quarter million people", 250_000, "person", "exact"),
            ("three quarters of a million", 750_000, "person", "exact"),
        ],
    ),
    (  # what befalls people after "more": its people, not the last thing counted
        "Six hostages were killed at two locations and seven more died.",
        [
            ("Six hostages", 6, "person", "exact"),
            ("two locations", 2, "location", "exact"),
            ("seven more", 7, "person", "exact"),
        ],
    ),
    ("The strike was 1½ miles away; 3 in 10 homes were hit.", []),
    (
        "The MoD said 26,187 unmanned aerial vehicles were lost.",
        [("26,187 unmanned aerial vehicles", 26187, "drone", "exact")],
    ),
    (
        "They used 500,000 artillery rounds.",
        [("500,000 artillery rounds", 500_000, "shell", "exact")],
    ),
    ("Units were within 3km of the town.", [("within 3km", 3, "length", "up-to")]),
    (
        "Estimates run as high as 150,000 people.",
        [("as high as 150,000 people", 150_000, "person", "up-to")],
    ),
    ("Scores of people were hurt.", [("Scores of people", 69.5, "person", "between")]),
    ("Some 1.2M people fled.", [("Some 1.2M people", 1.2e6, "person", "about")]),
    ("The wall was 300 m.", [("300 m", 300, "length", "exact")]),
    ("In Kharkiv 12 people died.", [("12 people", 12, "person", "exact")]),
    (
        "Russia lost 30 aircraft and Ukraine 12.",
        [("30 aircraft", 30, "aircraft", "exact"), ("12", 12, "aircraft", "exact")],
    ),
    ("The death toll reached 120 in 2023.", [("reached 120", 120, "person", "at-least")]),
    ("Russia returned 90 Ukrainians this week.", [("90 Ukrainians", 90, "person", "exact")]),
    (
        "An 8m-long tunnel ran 10km-wide.",
        [("8m", 8, "length", "exact"), ("10km", 10, "length", "exact")],
    ),
    ("They fired 100,000 155mm shells.", [("100,000 155mm shells", 100_000, "shell", "exact")]),
    ("Rainfall reached 12 mm; a 120-mm mortar fired.", [("12 mm", 12, "length", "exact")]),
    ("It is 2.5 times faster.", []),
    ("Two or three drones got through.", [("Two or three drones", 2.5, "drone", "between")]),
    ("It held 1,000 or more people.", [("1,000 or more people", 1000, "person", "at-least")]),
    (  # a noun outside the table, after known nouns used as modifiers: its own kind
        "They used 575 air defence missile systems.",
        # A kind of its own named by its last two nouns, as a document reads it.
        [("575 air defence missile systems", 575, "missile_system", "exact")],
    ),
    (
        "There were 4,876 Russian drone and missile attacks.",
        [("4,876 Russian drone and missile attacks", 4876, "strike", "exact")],
    ),
    ("It lost 12 drone operators.", [("12 drone operators", 12, "drone_operator", "exact")]),
    (
        "They downed 125 drones, including 38 over Kursk.",
        [("125 drones", 125, "drone", "exact"), ("38", 38, "drone", "exact")],
    ),
    ("Some 3,000 of them have been killed.", [("Some 3,000", 3000, "person", "about")]),
    ("Nearly 26m face acute hunger.", [("Nearly 26m", 26e6, "person", "nearly")]),
    ("On September 2 to 3, six F-16s flew.", [("six F-16s", 6, "aircraft", "exact")]),
    (
        "18 assaults in the east and 42 in the south.",
        [("18 assaults", 18, "strike", "exact"), ("42", 42, "strike", "exact")],
    ),
    (
        "About 150 rockets were fired; some 10 fell in open areas.",
        [("About 150 rockets", 150, "missile", "about"), ("some 10", 10, "missile", "about")],
    ),
    (
        "It makes 250,000 shells a month, or roughly 3 million a year.",
        [
            ("250,000 shells", 250_000, "shell", "exact"),
            ("roughly 3 million", 3e6, "shell", "about"),
        ],
    ),
    (
        "It sent 100 KN-23/24 ballistic missiles.",
        [("100 KN-23/24 ballistic missiles", 100, "missile", "exact")],
    ),
    (
        "It lost 1,469 multiple launch rocket systems.",
        [("1,469 multiple launch rocket systems", 1469, "mlrs", "exact")],
    ),
    ("They repelled four counterattacks.", [("four counterattacks", 4, "strike", "exact")]),
    (
        "Four guided aerial bombs fell on 120 schools.",
        [
            ("Four guided aerial bombs", 4, "bomb", "exact"),
            ("120 schools", 120, "building", "exact"),
        ],
    ),
]

TALLY = (
    "Losses: personnel ‒ about 592,920 (+1,130) persons, tanks ‒ 8,491 (+7),\n"
    "helicopters ‒ 328\nUAV operational-tactical level ‒ 15,903 (+31)\nCivilians killed: 12"
)


def test_tallies() -> None:
    """A tally's label names what its numbers count; each line of a list is an item."""
    assert [(m.text, m.estimate.unit) for m in extract(TALLY)] == [
        ("about 592,920", "person"),
        ("1,130", "person"),
        ("8,491", "tank"),
        ("7", "tank"),
        ("328", "helicopter"),
        ("15,903", "drone"),
        ("31", "drone"),
        ("12", "person"),
    ]


CONVERSIONS: list[tuple[str, str, list[tuple[float, str]]]] = [
    ("The front runs 300 kilometres [186 miles].", "300 kilometres [186 miles]", [(186, "mile")]),
    ("The missile has a range of 300km/186 miles.", "300km/186 miles", [(186, "mile")]),
    ("It is 10 km (or 6 miles) away.", "10 km (or 6 miles)", [(6, "mile")]),
    ("It is 10 km (6 miles or so) away.", "10 km (6 miles or so)", [(6, "mile")]),
    ("The ship made 30 knots (56km/h).", "30 knots (56km/h)", [(56, "kilometer / hour")]),
    ("They delivered 20 tonnes (22 tons).", "20 tonnes (22 tons)", [(22, "ton")]),
]


class TestNewsStyles:
    """Sentences written the ways wire services, ministries and monitors write them."""

    @pytest.mark.parametrize(("text", "expected"), NEWS)
    def test_figures(self, text: str, expected: list[tuple[str, float, str, str]]) -> None:
        """Each figure with its words, value, dimension and hedge; nothing else."""
        got = read(text)
        assert [g[0] for g in got] == [e[0] for e in expected], got
        for (_, number, dimension, hedge), (_, value, want, how) in zip(got, expected, strict=True):
            assert number == pytest.approx(value)
            assert (dimension, hedge) == (want, how)

    @pytest.mark.parametrize(("text", "words", "conversions"), CONVERSIONS)
    def test_conversions(self, text: str, words: str, conversions: list[tuple[float, str]]) -> None:
        """Conversions in brackets of every kind, or after a slash, are kept as stated."""
        (m,) = extract(text)
        assert m.text == words
        assert [(c.number, c.unit) for c in m.estimate.conversions] == conversions

    def test_sentence_keeps_its_closing_quote(self) -> None:
        """A closing quote stays with its sentence."""
        first, _ = extract('"We lost 10 soldiers." Then 5 more tanks went.')
        assert first.sentence == '"We lost 10 soldiers."'

    def test_long_runs_of_stops(self) -> None:
        """Runs of full stops and ellipses around a figure (once read in quadratic time).

        The benchmark (benchmarks/bench_extract.py) measures that the time stays linear.
        """
        (m,) = extract("." * 50_000 + " 12 km " + "…" * 20_000)
        assert m.text == "12 km"

    def test_excerpt_keeps_the_end_of_the_sentence(self, tmp_path: Path) -> None:
        """The text output shows a long sentence's last words when the figure is near them."""
        path = tmp_path / "a.txt"
        path.write_text(
            "Alexei Smirnov, the acting governor of Kursk Oblast, said Ukrainian forces had "
            "pushed 12 kilometres (7.5 miles) into the Kursk region across a 40-kilometre "
            "(25-mile) front.\n",
            encoding="utf-8",
        )
        _, out, _ = run("extract", str(path))
        assert "across a 40-kilometre (25-mile) front.”" in out


@pytest.mark.parametrize(
    ("rule", "sentence", "figure", "unit"),
    [
        pytest.param(rule, sentence, figure, unit, id=f"{rule.id}-{n}")
        for rule in CONTEXT_RULES
        for n, (sentence, figure, unit) in enumerate(rule.examples)
    ],
)
def test_each_context_rule_decides_its_examples(
    rule: ContextRule, sentence: str, figure: str, unit: str
) -> None:
    """Each rule's documented example: the figure counts what the rule says, by that rule;
    a number a rule says is no figure is left out, and that rule is the first to say so."""
    if rule.stage == "counts":
        (mention,) = [m for m in extract(sentence) if m.text == figure]
        assert (mention.estimate.unit, mention.rule) == (unit, rule.id)
        return
    if rule.stage == "uncounted":  # no figure, but listed as unread
        found = extract(sentence, unread=True)
        assert not [m for m in found if isinstance(m, Mention) and figure in m.text]
        assert [u.text for u in found if isinstance(u, Unread)] == [figure]
        return
    assert unit == NOT_A_FIGURE
    scanner = _Scanner(sentence, percentages=False, durations=False, policy=DEFAULT_POLICY)
    assert not [m for m in scanner.mentions() if figure in m.text]
    assert (figure, rule.id) in [(sentence[a:b], rule_id) for a, b, rule_id in scanner.skipped]


def test_context_rules_come_in_stages() -> None:
    """The table lists what is no figure first, then names, then what bare numbers count."""
    stages = [rule.stage for rule in CONTEXT_RULES]
    assert stages == sorted(stages, key=["refuses", "names", "counts", "uncounted"].index)


def test_context_rules_have_distinct_ids_and_examples() -> None:
    """Every rule has an id of its own, a description and at least one example."""
    ids = [rule.id for rule in CONTEXT_RULES]
    assert len(set(ids)) == len(ids)
    assert not {OWN_WORDS, BARE_NUMBER} & set(ids)
    assert all(rule.what and rule.examples for rule in CONTEXT_RULES)


def test_every_mention_names_a_rule() -> None:
    """Own words, a context rule, or a bare number: the JSON says which too."""
    known = {OWN_WORDS, BARE_NUMBER} | {rule.id for rule in CONTEXT_RULES}
    text = (
        "Officials said around 1,000 sq km (386 sq mi) were held. 12 civilians were killed "
        "and 121 others wounded. Air defences destroyed 45 of 52 drones. The death toll "
        "rose to 39. The total reached 1,482."
    )
    mentions = extract(text)
    assert {m.rule for m in mentions} <= known
    assert mentions[-1].rule == BARE_NUMBER
    assert [m["rule"] for m in Extraction.of(text).to_json()["mentions"]] == [
        m.rule for m in mentions
    ]


class TestUnread:
    """What looks like a figure and is not read is listed with the reason, never lost."""

    @pytest.mark.parametrize(
        ("text", "words", "reason"),
        [
            pytest.param(
                "It fell to 1.000.000 tonnes.", "1.000.000", "ambiguous number", id="dots"
            ),
            pytest.param("The range was 20-10 km.", "20-10 km", "runs backwards", id="backwards"),
            pytest.param("It was 12 kilomteres deep.", "12 kilomteres", "did you mean", id="slip"),
            pytest.param("They lost twelve.", "twelve", "says what it counts", id="word"),
            pytest.param(
                "He said 2334 had been violated.", "2334", "may name something", id="ungrouped"
            ),
        ],
    )
    def test_each_kind_is_listed_with_its_reason(self, text: str, words: str, reason: str) -> None:
        """The words and why; ``extract`` without ``unread`` returns only mentions."""
        items = extract(text, unread=True)
        (unread,) = [u for u in items if isinstance(u, Unread)]
        assert (unread.text, text[unread.start : unread.end]) == (words, words)
        assert reason in unread.reason
        assert unread.sentence == text
        assert all(isinstance(m, Mention) for m in extract(text))

    @pytest.mark.parametrize(
        ("text", "words", "rule"),
        [
            pytest.param("The army said it had killed 2334.", "2334", "toll", id="toll"),
            pytest.param("Crowds of 5000 people gathered.", "5000 people", "own-words", id="noun"),
            pytest.param("The total reached 1,482.", "reached 1,482", "bare-number", id="grouped"),
        ],
    )
    def test_an_ungrouped_number_that_something_counts_is_a_figure(
        self, text: str, words: str, rule: str
    ) -> None:
        """Only a number nothing counts is listed for want of a thousands separator."""
        (mention,) = extract(text, unread=True)
        assert isinstance(mention, Mention)
        assert (mention.text, mention.rule) == (words, rule)

    def test_the_command_lists_them_without_failing(self, tmp_path: Path) -> None:
        """`incursion extract` lists the words not read, in text and JSON; exit status 0."""
        path = tmp_path / "a.txt"
        path.write_text("It fell to 1.000.000 tonnes and 12 people fled.", encoding="utf-8")
        out = io.StringIO()
        assert main(["extract", "--format", "json", str(path)], stdout=out) == 0
        data = json.loads(out.getvalue())
        assert [u["text"] for u in data["unread"]] == ["1.000.000"]
        assert data["summary"]["unread"] == 1
        out = io.StringIO()
        assert main(["extract", str(path)], stdout=out) == 0
        assert "not read: ambiguous number" in out.getvalue()
        assert out.getvalue().rstrip().endswith("1 not read")


@given(st.text(max_size=300))
def test_any_text_yields_mentions_and_unread_spans(text: str) -> None:
    """Any text: mentions and unread items, in order, each its own slice of the text."""
    items = extract(text, unread=True)
    assert [item.span for item in items] == sorted(item.span for item in items)
    for item in items:
        assert isinstance(item, Mention | Unread)
        assert text[item.start : item.end] == item.text
