"""Laws of the checks: order and units do not change findings, nor does a wider margin.

That consistent documents find nothing, and that each injected inconsistency is found by
its check, are tested beside the strategies that build them, in ``test_strategies.py``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs
from hypothesis import given
from hypothesis import strategies as st

import incursion
from incursion import (
    CasualtyReport,
    Document,
    Estimate,
    Policy,
    Record,
    Region,
    Source,
    TerritorialClaim,
)
from incursion.checks import Finding, Severity
from incursion.strategies import inconsistent_documents

SOURCES = (
    Source(id="ua", name="Ukrainian official"),
    Source(id="ru", name="Russian official"),
    Source(id="isw", name="Analysts"),
)
DAYS = ("2024-08-10", "2024-08-11", "2024-08-12")
OTHER_UNITS = {"area": ("hectare", "mile ** 2"), "length": ("mile", "meter"), "person": ()}


@st.composite
def records(draw: st.DrawFn) -> list[Record]:
    """A handful of claims and casualty reports over three days, three sources, two subjects."""
    out: list[Record] = []
    for i in range(draw(st.integers(1, 8))):
        source = draw(st.sampled_from(SOURCES))
        common: dict[str, Any] = {
            "id": f"r{i}",
            "source": source,
            "subject": draw(st.sampled_from(("a", "b"))),
            "as_of": draw(st.sampled_from(DAYS)),
        }
        hedge = draw(st.sampled_from(("", "about ", "nearly ", "at least ", "up to ")))
        if draw(st.booleans()):
            fields: dict[str, Any] = {
                name: f"{hedge}{draw(st.integers(1, 2000)):,} {unit}"
                for name, unit in (("area", "km²"), ("depth", "km"), ("front_width", "km"))
                if draw(st.booleans())
            } or {"area": f"{draw(st.integers(1, 2000)):,} km²"}
            out.append(TerritorialClaim(controller="Ukraine", **common, **fields))
        else:
            field = draw(st.sampled_from(("killed", "wounded", "displaced")))
            value = draw(st.integers(0, 200_000))
            counts: dict[str, Any] = {field: f"{hedge}{value:,} people"}
            out.append(CasualtyReport(population="civilian", **common, **counts))
    return out


def key(finding: Finding) -> tuple[str, Severity, frozenset[str]]:
    return (finding.check, finding.severity, frozenset(finding.records))


def findings(
    items: list[Record], regions: Iterable[Region] = (), **options: Any
) -> list[tuple[str, Severity, frozenset[str]]]:
    # Sorted by the record ids in order, not by repr: two equal frozensets can show their
    # members in different orders, by insertion order and the process's string hashes.
    report = incursion.check(Document.from_records(items, regions), **options)
    return sorted((key(f) for f in report.findings), key=lambda k: (k[0], k[1].rank, sorted(k[2])))


def in_other_units(record: Record, choice: int) -> Record:
    changes: dict[str, Any] = {}
    for name, estimate in record.figures():
        if isinstance(getattr(record, name), Estimate):
            units = OTHER_UNITS.get(estimate.dimension, ())
            if units:
                changes[name] = estimate.to(units[choice % len(units)])
    return attrs.evolve(record, **changes)


class TestLaws:
    """Properties every run of the checks keeps."""

    @given(records(), st.randoms(use_true_random=False))
    def test_record_order_does_not_matter(self, items: list[Record], rnd: Any) -> None:
        """Shuffling the records gives the same findings."""
        shuffled = list(items)
        rnd.shuffle(shuffled)
        assert findings(shuffled) == findings(items)

    @given(records(), st.integers(0, 1))
    def test_units_do_not_matter(self, items: list[Record], choice: int) -> None:
        """Writing every figure in other units gives the same findings."""
        converted = [in_other_units(r, choice) for r in items]
        assert findings(converted) == findings(items)

    @given(records(), st.floats(0.1, 0.5))
    def test_a_wider_margin_adds_no_disagreement(self, items: list[Record], wider: float) -> None:
        """Reading "about" more loosely never creates a disagreement."""
        narrow = {f for f in findings(items) if f[0] == "disagreement" and f[1] is Severity.ERROR}
        wide = {
            f
            for f in findings(items, policy=Policy(about_margin=wider, nearly_margin=wider))
            if f[0] == "disagreement" and f[1] is Severity.ERROR
        }
        assert wide <= narrow

    @given(inconsistent_documents(), st.randoms(use_true_random=False))
    def test_order_of_a_drawn_document_does_not_matter(self, document: Document, rnd: Any) -> None:
        """Shuffling the records of a document with an inconsistency gives the same findings."""
        items = list(document.records)
        shuffled = list(items)
        rnd.shuffle(shuffled)
        regions = document.regions
        assert findings(shuffled, regions=regions) == findings(items, regions=regions)
