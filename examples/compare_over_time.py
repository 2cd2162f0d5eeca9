"""Compare two sources' figures over several days: disagreements, falling totals, jumps.

A regional administration and a relief agency each give the number of people displaced
on four days; the administration also gives the civilians killed to date and the ground
the other side holds. The figures are invented to show the checks at work; they are no
one's reported figures.

The script prints each source's series, field by field and day by day, with the
interval each figure's words allow, then the findings of three checks:

- ``disagreement``: on 14 August the agency's "120,000 people" and the administration's
  "about 75,000 people" cannot both be right (an error). Growth from day to day is not
  disagreement: only figures for the same day are compared.
- ``cumulative-decrease``: the administration's civilians killed fall from 12 to 9 (an
  error: the dead do not come back). Displacement may fall; it is not checked.
- ``rate``: the ground held grows from about 150 km² to about 15,000 km² in two days,
  at least 6,668 km² a day (a warning, above the 5,000 km² a day the check allows: more
  than the fastest advance on record).

Run:  python examples/compare_over_time.py
"""

from __future__ import annotations

import itertools

import incursion
from incursion import CasualtyReport, Document, Record, Source, TerritorialClaim

ADMINISTRATION = Source(id="administration", name="Regional administration", kind="official")
AGENCY = Source(id="agency", name="Relief agency", kind="ngo")
SUBJECT = "example-offensive"  # records are compared only within one subject

# (source, day, field, figure as the source worded it)
FIGURES = [
    (ADMINISTRATION, "2024-08-10", "displaced", "about 40,000 people"),
    (ADMINISTRATION, "2024-08-12", "displaced", "about 60,000 people"),
    (ADMINISTRATION, "2024-08-14", "displaced", "about 75,000 people"),
    (ADMINISTRATION, "2024-08-16", "displaced", "about 80,000 people"),
    (AGENCY, "2024-08-10", "displaced", "38,000 people"),
    (AGENCY, "2024-08-12", "displaced", "more than 60,000 people"),
    (AGENCY, "2024-08-14", "displaced", "120,000 people"),
    (AGENCY, "2024-08-16", "displaced", "82,000 people"),
    (ADMINISTRATION, "2024-08-10", "killed", "at least 5 civilians"),
    (ADMINISTRATION, "2024-08-12", "killed", "12 civilians"),
    (ADMINISTRATION, "2024-08-14", "killed", "9 civilians"),
    (ADMINISTRATION, "2024-08-16", "killed", "15 civilians"),
    (ADMINISTRATION, "2024-08-10", "area", "about 150 square kilometres"),
    (ADMINISTRATION, "2024-08-12", "area", "about 15,000 square kilometres"),
]


def build() -> Document:
    """One record per figure: a territorial claim for an area, else a casualty report."""
    records: list[Record] = []
    for source, day, field, words in FIGURES:
        key = f"{source.id}-{field}-{day}"
        if field == "area":
            records.append(
                TerritorialClaim(
                    id=key, source=source, subject=SUBJECT, as_of=day, controller="East", area=words
                )
            )
        else:  # civilians of the same party, so that the two sources' counts are compared
            records.append(
                CasualtyReport(
                    id=key,
                    source=source,
                    subject=SUBJECT,
                    as_of=day,
                    party="West",
                    population="civilian",
                    killed=words if field == "killed" else None,
                    displaced=words if field == "displaced" else None,
                )
            )
    return Document(sources=[ADMINISTRATION, AGENCY], records=records)


def interval(estimate: incursion.Estimate) -> str:
    """The interval the words allow, as '36,000–44,000 people' or '5 people or more'."""
    unit = "people" if estimate.unit == "person" else f"{estimate.value.units:~P}"
    low, high = estimate.interval
    if high is None:
        return f"{low:,.0f} {unit} or more"
    return f"{low:,.0f} {unit}" if low == high else f"{low:,.0f}–{high:,.0f} {unit}"


def main() -> None:
    """Print each source's series, then the findings on them."""
    document = build()
    for source in document.sources:
        print(source.name)
        figures = [
            (field, record.as_of, estimate)
            for record in document.records
            if record.source == source
            for field, estimate in record.figures()
        ]
        figures.sort(key=lambda figure: (figure[0], figure[1].start))
        for field, days in itertools.groupby(figures, key=lambda figure: figure[0]):
            print(f"  {field}")
            for _, as_of, estimate in days:
                print(f"    {as_of}  {estimate!s:30} {interval(estimate)}")  # words as given
        print()

    report = incursion.check(document, select=["disagreement", "cumulative-decrease", "rate"])
    print(f"{len(report.findings)} findings:")
    for finding in report.findings:
        print(f"  {finding.severity.value.upper():7} {finding.check}: {finding.message}")


if __name__ == "__main__":
    main()
