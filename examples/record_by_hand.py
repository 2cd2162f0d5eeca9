"""Record the figures of an article by hand, write the document as JSON, and check it.

The "article" is the statements quoted in the bundled Kursk example (12 August 2024).
Each figure is written into its record as the article worded it, hedge, unit and
bracketed conversion included, beside the source that gave it and a citation holding
the quote. The script prints the document as JSON (or writes it to FILE), then the
check report: the area Ukraine claimed is larger than Russia's depth × front allows
(an ``extent`` error), and the two counts of displaced people cannot both be right (a
``disagreement`` error).

Run:  python examples/record_by_hand.py            # the JSON, then the report
      python examples/record_by_hand.py FILE.json  # write the JSON to FILE.json instead
"""

from __future__ import annotations

import datetime as dt
import sys

import incursion
from incursion import CasualtyReport, Citation, Count, Document, Source, TerritorialClaim

PUBLISHED = dt.date(2024, 8, 12)


def record() -> Document:
    """The article's figures as records, each in the words the article used."""
    syrskyi = Source(
        id="syrskyi",
        name="Oleksandr Syrskyi",
        side="Ukraine",
        role="Commander-in-Chief of the Armed Forces of Ukraine",
        kind="military",
    )
    smirnov = Source(
        id="smirnov",
        name="Alexei Smirnov",
        side="Russia",
        role="Acting Governor of Kursk Oblast",
        kind="official",
    )
    putin = Source(id="putin", name="Vladimir Putin", side="Russia", kind="official")

    def quoted(words: str) -> Citation:
        """Where a figure was published: the day and the quote that carries it."""
        return Citation(published=PUBLISHED, quote=words)

    records = [
        TerritorialClaim(
            id="syrskyi-0812",
            subject="kursk-2024",  # what the figure is about
            as_of="2024-08-12",  # the day it holds
            source=syrskyi,
            controller="Ukraine",
            area="around 1,000 square kilometres (386 square miles)",
            citation=quoted(
                "Ukraine now controls around 1,000 square kilometres (386 square miles) "
                "of Russian territory in the Kursk region"
            ),
        ),
        TerritorialClaim(
            id="smirnov-0812-advance",
            subject="kursk-2024",
            as_of="2024-08-12",
            source=smirnov,
            controller="Ukraine",
            predicate="advanced-into",  # an advance, not control: the words say "pushed"
            depth="12 kilometres (7.5 miles)",
            front_width="40-kilometre (25-mile)",
            citation=quoted(
                "Ukrainian forces had pushed 12 kilometres (7.5 miles) into the Kursk "
                "region across a 40-kilometre (25-mile) front"
            ),
        ),
        CasualtyReport(
            id="smirnov-0812-casualties",
            subject="kursk-2024",
            as_of="2024-08-12",
            source=smirnov,
            party="Russia",
            population="civilian",
            killed="12 civilians",
            # "121 others, including 10 children": the children are part of the wounded.
            wounded=Count(total="121 civilians", parts={"children": "10 children"}),
            citation=quoted(
                "12 civilians have been killed and 121 others, including 10 children, "
                "have been wounded"
            ),
        ),
        CasualtyReport(
            id="smirnov-0812-displaced",
            subject="kursk-2024",
            as_of="2024-08-12",
            source=smirnov,
            party="Russia",
            population="civilian",
            displaced="about 121,000 people",
            citation=quoted(
                "About 121,000 people have been evacuated or left the areas affected by "
                "fighting on their own"
            ),
        ),
        CasualtyReport(
            id="putin-0812-displaced",
            subject="kursk-2024",
            as_of="2024-08-12",
            source=putin,
            party="Russia",
            population="civilian",
            displaced="100,000 people",
            citation=quoted(
                "Ukraine's invasion of Russia's Kursk region, which has caused 100,000 "
                "people to flee"
            ),
        ),
    ]
    return Document(sources=[syrskyi, smirnov, putin], records=records)


def main(argv: list[str]) -> int:
    """Build the document, write it as JSON and print the check report."""
    document = record()
    if argv:
        incursion.dump(document, argv[0])
        print(f"wrote {len(document.records)} records to {argv[0]}")
        assert incursion.load(argv[0]) == document  # nothing is lost in the JSON
    else:
        text = incursion.dumps(document)  # each figure keeps the article's words
        print(text)
        assert incursion.loads(text) == document
    print(incursion.check(document).render_text())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
