"""Write a check of your own and run it beside the built-in checks.

The house rule here: a count given as a bare round number ("100,000 people", with no
"about") is probably an estimate said as if it were a count, and an editor should ask
whether it was hedged. The check is a frozen attrs class, like the built-in checks:
``id``, ``title``, ``severity`` and the four catalogue texts (``what``, ``why``,
``example``, ``todo``) as class attributes, its threshold as a field, and
``__call__(context)`` yielding findings.

The script registers it, runs every available check on the bundled Kursk example, and
prints the report: beside the built-in findings, one note on Vladimir Putin's "100,000
people" from ``my-desk.round-count``. Then it passes the checks to run instead of
registering: the built-in ones and the rule with a threshold of 100,000, under which the
same figure, rounded to the nearest 10,000, is not reported; the report records the
threshold used. See docs/howto-custom-check.md for more.

Run:  python examples/custom_check.py
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import attrs

import incursion
from incursion import Hedge
from incursion.checks import BUILTIN, Context, Finding, Severity, register, unregister
from incursion.examples import kursk_2024


@attrs.frozen
class RoundCount:
    """A count given as a bare round number, with no hedge."""

    id: ClassVar[str] = "my-desk.round-count"  # prefixed: it can never clash with another
    title: ClassVar[str] = "Unhedged round counts"
    severity: ClassVar[Severity] = Severity.INFO
    what: ClassVar[str] = (
        "Reports each count with no hedge whose last significant digit stands for the "
        "threshold or more."
    )
    why: ClassVar[str] = "A round count said without 'about' is usually an estimate."
    example: ClassVar[str] = '"100,000 people" fled: rounded to the nearest 10,000.'
    todo: ClassVar[str] = "Ask the source whether the figure was an estimate; quote it so."

    threshold: float = 1_000  # a field: the report shows the value used

    def __call__(self, context: Context) -> Iterator[Finding]:
        """Yield a finding for each unhedged count rounded to the threshold or more."""
        for figure in context.figures():  # every figure of every record, read once
            estimate = figure.estimate
            # step: one unit of the last significant digit as written (10,000 for 100,000)
            if not estimate.is_count or estimate.hedge is not Hedge.EXACT:
                continue
            if estimate.step >= self.threshold:
                yield Finding(
                    check=self.id,
                    severity=self.severity,
                    records=[figure.record.id],
                    paths=[figure.path],
                    message=(
                        f"{figure.record.source.name} gives {estimate} with no hedge: "
                        f"rounded to the nearest {estimate.step:,.0f}"
                    ),
                    figures=[(figure.field, str(estimate))],
                )


def main() -> None:
    """Register the check and run every check; then pass it, more lenient, with the others."""
    document = kursk_2024()
    register(RoundCount())  # now incursion.check runs it, and select/ignore know its id
    try:
        report = incursion.check(document)
        print(report.render_text())
        print(f"{RoundCount.id} ran with {report.thresholds[RoundCount.id]}")
    finally:
        unregister(RoundCount.id)  # registration lasts as long as the process

    # Without registering: pass the checks to run, here the built-in ones and the rule
    # with a higher threshold. 100,000 is rounded to 10,000 only, so it is not reported.
    lenient = incursion.check(document, checks=[*BUILTIN, RoundCount(threshold=100_000)])
    print()
    print(f"{RoundCount.id} with {lenient.thresholds[RoundCount.id]}, beside the built-ins:")
    for check_id, count in lenient.by_check.items():
        print(f"  {check_id}: {count} finding{'' if count == 1 else 's'}")


if __name__ == "__main__":
    main()
