"""Real news sentences with their figures labelled by hand, and how well ``extract`` reads them.

``data/real_sentences.json`` holds sentences copied from stored public news pages, with
their URLs, and for each the figures a careful reader finds in it (text, value or range or
vague quantity, hedge class, unit or counted noun, bracketed conversions) and the numbers
that are not figures (years, dates, ages, percentages, money, identifiers, durations).  The
labels were written before any code ran on the sentences, and the set was split once at
random into a development half, which may be looked at while the extractor is built, and a
validation half, scored once, at the end.

A labelled figure is *fully right* when a mention covers its words and reads its value (or
both ends of its range, or a vague quantity as a range), its hedge class, its unit or
counted noun (the noun as written, or the same kind of thing: "510 injured" counts the
people the sentence names),
and its bracketed conversions.  A mention that covers no labelled figure is a
number reported that is not a figure.

Run ``python tests/real_sentences.py development`` for the score and the misses.
"""

from __future__ import annotations

import contextlib
import json
import math
import re
from pathlib import Path
from typing import Any

import incursion
from incursion._nouns import read_unit
from incursion._units import resolve_unit
from incursion.exceptions import IncursionError

DATA = Path(__file__).with_name("data") / "real_sentences.json"

#: Quotation marks and punctuation a counted noun may carry as the page wrote it.
_STRIP = "\"'“”‘’«»()[],.;: "


def sentences() -> dict[str, Any]:
    """The labelled set: ``about``, ``sentences`` and the ``split`` into two halves."""
    data: dict[str, Any] = json.loads(DATA.read_text(encoding="utf-8"))
    return data


def spans(sentence: dict[str, Any]) -> list[tuple[int, int]]:
    """Where each labelled figure's words stand, in order (a repeated text counts on)."""
    out: list[tuple[int, int]] = []
    text = sentence["sentence"]
    for figure in sentence["figures"]:
        # Whole words only: the "6" of "with 6 missing", not the 6 of "2,906".
        words = re.compile(rf"(?<![\w,.]){re.escape(figure['text'])}(?!\w)")
        found = words.search(text, out[-1][0] + 1 if out else 0) or words.search(text)
        start = found.start() if found else text.find(figure["text"])
        out.append((start, start + len(figure["text"])))
    return out


def _close(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def _head(noun: str) -> str:
    return noun.strip(_STRIP).split()[-1].strip(_STRIP).lower() if noun.strip(_STRIP) else ""


def _same_unit(label: str, unit: str | None) -> bool:
    if unit is None:
        return False
    try:
        want, got = resolve_unit(label), resolve_unit(unit)
    except Exception:  # noqa: BLE001 - a label no unit table knows is simply not met
        return False
    return want.dimension == got.dimension and math.isclose(want.factor, got.factor)


def _counts(noun: str, mention: incursion.Mention) -> bool:
    """Whether a mention counts what the label's noun names: the same head noun as
    written, or the same kind ("510 injured" and the sentence's "people" count people)."""
    if _head(mention.noun or "") == _head(noun):
        return True
    if not mention.estimate.is_count:
        return False
    return mention.estimate.dimension in _kinds(noun.strip(_STRIP))


def _kinds(noun: str) -> set[str]:
    """What a labelled noun counts: as a document reads it, and as a sentence does.

    A document reads "Palestinians" as a noun of its own; the extractor reads "nine
    Palestinians" as people, so a figure the extractor reads as people counts what
    "N Palestinians" would.
    """
    kinds = set()
    with contextlib.suppress(IncursionError):
        kinds.add(read_unit(noun.lower()).dimension)
    read = incursion.extract(f"There were 2 {noun}.")
    if len(read) == 1 and read[0].rule == "own-words":
        kinds.add(read[0].estimate.dimension)
    return kinds


def problems(label: dict[str, Any], mention: incursion.Mention) -> list[str]:
    """What a mention gets wrong of a labelled figure (nothing: fully right)."""
    estimate = mention.estimate
    wrong = []
    if label.get("vague"):
        if estimate.stated_low is None or estimate.stated_high is None:
            wrong.append("vague")
    elif label.get("low") is not None:
        low, high = estimate.stated_low, estimate.stated_high
        if not (_close(low, label["low"]) and _close(high, label["high"])):
            wrong.append(f"range {estimate.stated_low}-{estimate.stated_high}")
    elif not _close(estimate.number, label["value"]):
        wrong.append(f"value {estimate.number}")
    hedges = {label["hedge"], label.get("hedge_also") or label["hedge"]}
    if estimate.hedge.value not in hedges:
        wrong.append(f"hedge {estimate.hedge.value}")
    if label.get("unit"):
        if not _same_unit(label["unit"], estimate.unit):
            wrong.append(f"unit {estimate.unit}")
    elif label.get("noun") and not _counts(label["noun"], mention):
        wrong.append(f"noun {mention.noun}")
    equivalents = label.get("equivalents") or []
    got = estimate.equivalents
    if len(got) != len(equivalents) or not all(
        _close(q.magnitude, number) and _same_unit(unit, str(q.units))
        for q, (number, unit) in zip(got, equivalents, strict=False)
    ):
        wrong.append(f"equivalents {[str(q) for q in got]}")
    return wrong


def score(half: str) -> tuple[int, int, int, list[str]]:
    """Figures fully right, figures labelled, numbers reported that are not figures; misses."""
    data = sentences()
    by_id = {s["id"]: s for s in data["sentences"]}
    right = total = false = 0
    misses = []
    for sentence_id in data["split"][half]:
        sentence = by_id[sentence_id]
        mentions = incursion.extract(sentence["sentence"])
        places = spans(sentence)
        used: set[int] = set()
        for label, (start, end) in zip(sentence["figures"], places, strict=True):
            total += 1
            overlapping = [
                (min(end, m.end) - max(start, m.start), i)
                for i, m in enumerate(mentions)
                if m.start < end and start < m.end
            ]
            if not overlapping:
                misses.append(f"{sentence_id} {label['text']!r}: not read")
                continue
            _, best = max(overlapping)
            used.add(best)
            wrong = problems(label, mentions[best])
            if wrong:
                read = mentions[best].text
                misses.append(f"{sentence_id} {label['text']!r} as {read!r}: {wrong}")
            else:
                right += 1
        for i, m in enumerate(mentions):
            if i not in used and not any(m.start < e and s < m.end for s, e in places):
                false += 1
                misses.append(f"{sentence_id} {m.text!r}: not a figure")
    return right, total, false, misses


if __name__ == "__main__":  # python tests/real_sentences.py development
    import sys

    got, of, reported, missed = score(sys.argv[1])
    head = f"{sys.argv[1]}: {got} of {of} figures fully right ({got / of:.1%}); "
    lines = [head + f"{reported} numbers reported that are not figures"]
    if "-v" in sys.argv:
        lines += missed
    sys.stdout.write("\n".join(lines) + "\n")
