"""List the figures in a text, each with its hedge and sentence, then check the brackets.

Give it a UTF-8 text file; with none, it reads a short text made only of the quotes in
the bundled Kursk example, one per line. For each figure it prints where it stands
(line:column), its words, how it was read (the hedge class, the hedge word as written,
and the interval the words allow) and its sentence. Then come the conversion findings:
each bracketed conversion, such as "1,000 square kilometres (386 square miles)", is
converted back and compared with the figure. On the built-in text there is one note
(386 is more precise than "around 1,000") and no error.

Like ``incursion extract``, it exits 1 when a bracketed conversion is wrong.

Run:  python examples/extract_from_text.py              # the built-in text
      python examples/extract_from_text.py article.txt  # your own text
"""

from __future__ import annotations

import sys
from pathlib import Path

import incursion
from incursion.checks import ConversionCheck, Finding, Severity
from incursion.examples import kursk_2024


def builtin_text() -> str:
    """The citation quotes of the bundled example as they stand, one a line."""
    quotes = [r.citation.quote for r in kursk_2024().records if r.citation and r.citation.quote]
    return "".join(f"{quote}.\n" for quote in quotes)


def reading(estimate: incursion.Estimate) -> str:
    """The hedge and the interval the words allow: 'about ("around") · 900–1,100 km²'."""
    hedge = estimate.hedge.value + (f' ("{estimate.word}")' if estimate.word else "")
    if estimate.unit == "person":
        unit = "people"
    elif estimate.is_count:  # a counted thing: settlement, strike, tank, aircraft, …
        unit = f"{estimate.unit}(s)"
    else:
        unit = f"{estimate.value.units:~P}"  # km², mi; "" for a bare number
    low, high = estimate.interval
    if high is None:
        amount = f"{low:,g} {unit}".rstrip() + " or more"
    elif low == high:
        amount = f"{low:,g} {unit}".rstrip()
    else:
        amount = f"{low:,g}–{high:,g} {unit}".rstrip()
    return f"{hedge} · {amount}"


def main(argv: list[str]) -> int:
    """Print the figures of the text, then the findings on its bracketed conversions."""
    name = argv[0] if argv else "built-in text"
    text = Path(argv[0]).read_text(encoding="utf-8") if argv else builtin_text()
    mentions = incursion.extract(text)
    check = ConversionCheck()
    findings: list[Finding] = []
    for mention in mentions:
        line = text.count("\n", 0, mention.start) + 1
        column = mention.start - (text.rfind("\n", 0, mention.start) + 1) + 1
        where = f"{line}:{column}"
        print(f"{where:8}  {mention.text}")
        print(f"{'':8}  {reading(mention.estimate)}")
        print(f"{'':8}  in: {mention.sentence}")
        # check_estimate(estimate, a name for the figure, where it is): the brackets only
        findings += check.check_estimate(mention.estimate, mention.text, f"{name}:{where}")
    brackets = sum(len(m.estimate.equivalents) for m in mentions)
    print(f"\n{len(mentions)} figures, {brackets} bracketed conversions checked")
    for finding in findings:
        print(f"  {finding.severity.value.upper():7} {finding.message}")
        print(f"  {'':7} at {', '.join(finding.paths)}")
    wrong = [f for f in findings if f.severity is Severity.ERROR]
    print(f"{len(wrong)} wrong, {len(findings) - len(wrong)} worth a look")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
