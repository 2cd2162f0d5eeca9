"""Print every figure of the bundled Kursk 2024 document, hedge and interval included.

For each record: who gave the figure, on which day, how it was hedged and the interval
its wording admits, with any conversions the source stated in brackets.

Run:  python examples/kursk_figures.py
"""

from __future__ import annotations

import incursion
from incursion.examples import kursk_2024


def describe(estimate: incursion.Estimate) -> str:
    """The figure's words, its hedge class and its interval in its own unit."""
    low, high = estimate.interval
    if estimate.is_count:  # 28 settlements, 12 people
        unit = " people" if estimate.unit == "person" else f" {estimate.unit}s"
    else:
        unit = f" {estimate.value.units:~P}" if estimate.unit else ""
    if high is None:
        interval = f"{low:,g}{unit} or more"
    elif low == high:
        interval = f"exactly {low:,g}{unit}"
    else:
        interval = f"{low:,g} to {high:,g}{unit}"
    stated = ", ".join(f"{q.magnitude:,g} {q.units:~P}" for q in estimate.equivalents)
    return f"{estimate}  ->  {estimate.hedge.value}: {interval}" + (
        f"  [brackets state {stated}]" if stated else ""
    )


def main() -> None:
    """Load the bundled document and print its figures, record by record."""
    document = kursk_2024()
    for record in document.records:
        print(f"{record.id} ({record.source.name}, {record.as_of}):")
        figures = record.figures()
        if not figures:
            print(f"  ({record.kind}: no figure)")
        for field, estimate in figures:
            print(f"  {field}: {describe(estimate)}")


if __name__ == "__main__":
    main()
