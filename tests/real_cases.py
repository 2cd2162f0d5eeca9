"""Real cases of reported figures, with a careful reader's verdict, and the checks' verdict.

``data/real_cases.json`` holds small sets of figures about one thing (an event, a place,
a running total) from one or more sources, quoted from stored public news pages with
their URLs, each recorded as an incursion document.  A reader's verdict was written for
each before any check ran on it: ``disagree`` (the figures cannot all be true: disjoint
counts, a part above its whole, a running total that falls, a wrong conversion) or
``agree``.  Each of the two sets was split at random into a half to tune on and a half
scored once ("tune" and "test"; "tune-2" and "test-2").

The checks' verdict on a case is ``disagree`` when they report an error or a warning,
``agree`` when they report neither (info findings are notes, not verdicts).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import incursion
from incursion.checks import Severity

DATA = Path(__file__).with_name("data") / "real_cases.json"


def cases() -> dict[str, Any]:
    """The labelled set: ``about``, ``cases`` and the ``split`` into halves."""
    data: dict[str, Any] = json.loads(DATA.read_text(encoding="utf-8"))
    return data


def verdict(case: dict[str, Any]) -> tuple[str, list[incursion.Finding]]:
    """The checks' verdict on a case, and the findings (warnings and errors) behind it."""
    document = incursion.loads(json.dumps(case["document"]))
    report = incursion.check(document)
    found = [f for f in report.findings if f.severity >= Severity.WARNING]
    return ("disagree" if found else "agree"), found


def score(half: str) -> tuple[int, int, dict[str, str]]:
    """How many of a half's verdicts the checks get right, of how many; and the misses."""
    data = cases()
    by_id = {case["id"]: case for case in data["cases"]}
    misses = {}
    for case_id in data["split"][half]:
        got, found = verdict(by_id[case_id])
        if got != by_id[case_id]["verdict"]:
            misses[case_id] = "; ".join(f"{f.severity.value}: {f.message}" for f in found) or (
                "nothing found"
            )
    total = len(data["split"][half])
    return total - len(misses), total, misses


if __name__ == "__main__":  # python tests/real_cases.py tune|test|tune-2|test-2|tune-3|test-3
    import sys

    right, total, missed = score(sys.argv[1])
    lines = [f"{sys.argv[1]}: {right} of {total} verdicts right"]
    lines += [f"  {case_id}: {why}" for case_id, why in missed.items()]
    sys.stdout.write("\n".join(lines) + "\n")
