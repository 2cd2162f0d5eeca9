"""incursion.extract against the hand-written corpus in extract_corpus.py.

Each sentence is extracted and its mentions are compared, in order, with the expected
figures: number, dimension, hedge, the stated ends of a range and the bracketed
conversions.  A spurious or missing figure fails the case, and every failure lists what
the extractor did find.
"""

from __future__ import annotations

import re

import pytest

import incursion
from extract_corpus import CASES, KINDS, Case
from incursion._units import lookup_unit


def _case_id(index: int, case: Case) -> str:
    """A test id from the case's place in the corpus and its note."""
    slug = re.sub(r"[^a-z0-9]+", "-", case.note.lower()).strip("-")[:60].rstrip("-")
    return f"{index:03d}-{slug}"


_PARAMS = [pytest.param(case, id=_case_id(i, case)) for i, case in enumerate(CASES)]


@pytest.mark.parametrize("case", _PARAMS)
def test_figures(case: Case) -> None:
    """The extractor finds exactly the expected figures, in order, read as expected."""
    mentions = incursion.extract(case.sentence)
    found = "\n".join(
        f"  {m.text!r} at {m.span}: {m.estimate.number:g} {m.estimate.dimension}"
        f" ({m.estimate.hedge.value})"
        for m in mentions
    )
    context = f"in {case.sentence!r}\nfound:\n{found or '  nothing'}"
    assert len(mentions) == len(case.figures), (
        f"expected {len(case.figures)} figure(s), got {len(mentions)} {context}"
    )
    for index, (mention, expected) in enumerate(zip(mentions, case.figures, strict=True)):
        estimate = mention.estimate
        where = f"figure {index} ({mention.text!r}) {context}"
        assert estimate.number == pytest.approx(expected.value), f"number of {where}"
        assert estimate.dimension == expected.dimension, f"dimension of {where}"
        assert estimate.hedge.value == expected.hedge, f"hedge of {where}"
        if expected.low is not None:
            assert estimate.stated_low == pytest.approx(expected.low), f"low end of {where}"
            assert estimate.stated_high == pytest.approx(expected.high), f"high end of {where}"
        conversions = [(c.number, c.unit) for c in estimate.conversions]
        assert [unit for _, unit in conversions] == [
            lookup_unit(word).name for _, word in expected.equivalents
        ], f"units of the bracketed conversions of {where}: {conversions}"
        assert [number for number, _ in conversions] == pytest.approx(
            [number for number, _ in expected.equivalents]
        ), f"numbers of the bracketed conversions of {where}: {conversions}"


@pytest.mark.parametrize("case", _PARAMS)
def test_spans(case: Case) -> None:
    """Each mention's text is the sentence's text at its span, inside its own sentence."""
    for mention in incursion.extract(case.sentence):
        start, end = mention.span
        assert mention.text == case.sentence[start:end], mention
        assert mention.text in mention.sentence, mention


def test_corpus_size() -> None:
    """The corpus is large enough, and holds enough sentences that must yield nothing."""
    sentences = {case.sentence for case in CASES}
    assert len(sentences) == len(CASES), "a sentence appears twice in the corpus"
    assert len(sentences) >= 60
    negatives = [case for case in CASES if not case.figures or case.note.startswith("negative")]
    assert len(negatives) >= 10


def test_corpus_consistency() -> None:
    """Each case is well formed: a known kind, known units, ranges around their midpoints."""
    for case in CASES:
        assert case.note.split(":", 1)[0] in KINDS, case.note
        for expected in case.figures:
            for _, word in expected.equivalents:
                lookup_unit(word)  # raises for a unit word the library does not know
            if expected.hedge == "between":
                assert expected.low is not None, case
                assert expected.high is not None, case
                assert expected.value == pytest.approx((expected.low + expected.high) / 2), case
            else:
                assert (expected.low, expected.high) == (None, None), case
