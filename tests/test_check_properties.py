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
    Count,
    Document,
    Estimate,
    MaterielLoss,
    Measurement,
    Policy,
    Record,
    Region,
    Relation,
    Share,
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
        """Reading "about" more loosely never creates a disagreement.

        A figure is compared with the most distant figure of each other source, so when it
        disagrees with two figures of one source, the finding may name either; what a
        looser reading keeps is the figure and the source it disagrees with.
        """
        source = {r.id: r.source.id for r in items}

        def anchors(options: dict[str, Any]) -> list[set[tuple[str, str]]]:
            """For each disagreement error, its figures' records and the source opposed."""
            errors = [
                sorted(f[2])
                for f in findings(items, **options)
                if f[0] == "disagreement" and f[1] is Severity.ERROR
            ]
            return [{(a, source[b]), (b, source[a])} for a, b in errors]

        narrow = set().union(*anchors({}))
        loose = Policy(about_margin=wider, nearly_margin=wider)
        assert all(found & narrow for found in anchors({"policy": loose}))

    @given(inconsistent_documents(), st.randoms(use_true_random=False))
    def test_order_of_a_drawn_document_does_not_matter(self, document: Document, rnd: Any) -> None:
        """Shuffling the records of a document with an inconsistency gives the same findings."""
        items = list(document.records)
        shuffled = list(items)
        rnd.shuffle(shuffled)
        regions = document.regions
        assert findings(shuffled, regions=regions) == findings(items, regions=regions)


# -- laws of the checks within a record ------------------------------------------------------

STAFF = Source(id="staff", name="General Staff")


def _checked(*records: Record, select: tuple[str, ...] = ("part-whole", "share")) -> list[str]:
    """The ids of the checks that find something in these records."""
    document = Document(sources=(STAFF,), records=records)
    return [f.check for f in incursion.check(document, select=select).findings]


def _common(record_id: str) -> dict[str, Any]:
    return {"id": record_id, "source": STAFF, "subject": "s", "as_of": "2025-03-01"}


class TestShareLaws:
    @given(hundreds=st.integers(1, 10**4), percent=st.integers(1, 100))
    def test_a_share_drawn_consistent_is_never_flagged(self, hundreds: int, percent: int) -> None:
        """A part that is the stated percentage of its whole is never flagged."""
        whole, part = hundreds * 100, hundreds * percent
        records = (
            Measurement(**_common("whole"), measure="area", value=f"{whole:,} km²"),
            TerritorialClaim(
                **_common("part"),
                area=f"{part:,} km²",
                share_of=Share(record="whole", field="value", percent=f"{percent}%"),
            ),
        )
        assert _checked(*records) == []

    @given(
        whole=st.integers(1_000, 10**6),
        percent=st.integers(1, 60),
        factor=st.floats(1.1, 3.0),
    )
    def test_a_part_beyond_every_reading_of_its_share_is_flagged(
        self, whole: int, percent: int, factor: float
    ) -> None:
        """A part above the largest share its words allow is always found.

        The largest is half a point more than the percentage written, of the whole's
        highest reading (a bare whole is read to within 5%).
        """
        largest = (percent + 0.5) / 100 * whole * 1.05
        part = round(largest * factor) + 100
        records = (
            Measurement(**_common("whole"), measure="area", value=f"{whole:,} km²"),
            TerritorialClaim(
                **_common("part"),
                area=f"{part:,} km²",
                share_of=Share(record="whole", field="value", percent=f"{percent}%"),
            ),
        )
        assert _checked(*records) == ["share"]


class TestPartWholeLaws:
    @given(killed=st.integers(0, 50_000), wounded=st.integers(0, 50_000))
    def test_combined_counts_drawn_consistent_are_never_flagged(
        self, killed: int, wounded: int
    ) -> None:
        """Killed and wounded that add up to their combined count are never flagged."""
        report = CasualtyReport(
            **_common("c"),
            killed=killed,
            wounded=wounded,
            killed_and_wounded=killed + wounded,
            losses=f"at least {killed + wounded:,}",
        )
        assert _checked(report) == []

    @given(killed=st.integers(0, 50_000), combined=st.integers(0, 50_000))
    def test_a_single_count_is_flagged_exactly_above_its_combined_count(
        self, killed: int, combined: int
    ) -> None:
        """Killed is flagged exactly when it is more than killed and wounded, read widely."""
        report = CasualtyReport(**_common("c"), killed=killed, killed_and_wounded=combined)
        low = Estimate.of(killed, "person").canonical_low
        high = Estimate.of(combined, "person").canonical_high
        assert high is not None
        assert _checked(report) == (["part-whole"] if low > high else [])

    @given(
        kinds=st.lists(
            st.sampled_from(("tanks", "IFVs", "APCs", "armoured vehicles")),
            min_size=1,
            max_size=4,
            unique=True,
        ),
        counts=st.lists(st.integers(0, 500), min_size=4, max_size=4),
        complete=st.booleans(),
    )
    def test_parts_within_their_total_are_never_flagged(
        self, kinds: list[str], counts: list[int], complete: bool
    ) -> None:
        """Parts of narrower kinds whose sum is the total, marked complete or not, pass."""
        parts = dict(zip(kinds, counts, strict=False))
        loss = MaterielLoss(
            **_common("m"),
            equipment={
                "armoured vehicles": Count(
                    total=sum(parts.values()), parts=parts, complete=complete
                )
            },
        )
        assert _checked(loss) == []

    @given(whole=st.integers(0, 10**6), part=st.integers(0, 10**6))
    def test_within_is_the_order_of_the_intervals(self, whole: int, part: int) -> None:
        """A figure within another is flagged exactly when its interval lies above."""
        records = (
            Measurement(**_common("pop"), measure="population", value=whole),
            Measurement(
                **_common("left"),
                measure="evacuated",
                value=part,
                within=Relation(record="pop", field="value"),
            ),
        )
        low = Estimate.of(part, "person").canonical_low
        high = Estimate.of(whole, "person").canonical_high
        assert high is not None
        assert _checked(*records) == (["part-whole"] if low > high else [])


class TestSeverityOrder:
    @given(st.sampled_from(Severity), st.sampled_from(Severity))
    def test_comparisons_agree_with_the_rank(self, a: Severity, b: Severity) -> None:
        """Every comparison of two severities is the comparison of their ranks."""
        assert (a < b) == (a.rank < b.rank)
        assert (a <= b) == (a.rank <= b.rank)
        assert (a > b) == (a.rank > b.rank)
        assert (a >= b) == (a.rank >= b.rank)
        assert (a == b) == (a.rank == b.rank)

    @given(st.lists(st.sampled_from(Severity)))
    def test_sorting_is_by_rank(self, severities: list[Severity]) -> None:
        assert [s.rank for s in sorted(severities)] == sorted(s.rank for s in severities)


# -- laws of comparing across records (scope, series) ---------------------------------------

PEOPLE = ("civilian", "military", "all")
HEDGED = ("{n:,}", "about {n:,}", "at least {n:,}", "up to {n:,}", "nearly {n:,}")


@st.composite
def casualty_pairs(draw: st.DrawFn) -> tuple[CasualtyReport, CasualtyReport]:
    """Two casualty reports of one subject and day, every qualifier said."""
    pair = []
    for i in range(2):
        words = draw(st.sampled_from(HEDGED)).format(n=draw(st.integers(1, 5_000)))
        pair.append(
            CasualtyReport(
                id=f"r{i}",
                source=draw(st.sampled_from(SOURCES)),
                subject="s",
                as_of="2024-08-12",
                party=draw(st.sampled_from(("Russia", "Ukraine"))),
                population=draw(st.sampled_from(PEOPLE)),
                group=draw(st.sampled_from((None, "children"))),
                killed=f"{words} people",
            )
        )
    return pair[0], pair[1]


def _loud_pair(*records: Record) -> bool:
    """Whether the comparing checks give a warning or an error on these records."""
    report = incursion.check(
        Document.from_records(records),
        select=["disagreement", "self-contradiction", "part-whole"],
    )
    return any(f.severity >= Severity.WARNING for f in report.findings)


class TestScopeLaws:
    @given(casualty_pairs(), st.sampled_from(("party", "population")), st.integers(0, 1))
    def test_leaving_a_qualifier_out_hides_nothing(
        self, pair: tuple[CasualtyReport, CasualtyReport], qualifier: str, which: int
    ) -> None:
        """What two records said in full shows, it still shows with a qualifier left out."""
        vaguer = list(pair)
        left_out: dict[str, Any] = {qualifier: None}
        vaguer[which] = attrs.evolve(vaguer[which], **left_out)
        if _loud_pair(*pair):
            assert _loud_pair(*vaguer)

    @given(
        st.sampled_from(
            (
                ({"population": "civilian"}, {"population": "all"}),
                ({"group": "children"}, {}),
                ({"population": "military", "group": "women"}, {"population": "all"}),
                ({"party": "Russia"}, {}),
            )
        ),
        st.integers(1, 100_000),
        st.sampled_from(HEDGED[:3]),
        st.sampled_from(HEDGED[:2] + HEDGED[3:]),
        st.sampled_from(SOURCES),
        st.sampled_from(SOURCES),
    )
    def test_a_narrower_figure_above_a_wider_one_is_found(
        self,
        scopes: tuple[dict[str, Any], dict[str, Any]],
        whole: int,
        low_words: str,
        high_words: str,
        narrow_source: Source,
        wide_source: Source,
    ) -> None:
        """Whatever the sources and hedges, a narrower count above a wider one is found.

        From two sources it is a warning or an error; from one source on one day it is
        info, since one source's running total may have risen between its two statements.
        """
        wider = Estimate.parse(high_words.format(n=whole) + " people")
        assert wider.canonical_high is not None
        above = int(wider.canonical_high * 1.5) + 2
        common: dict[str, Any] = {"subject": "s", "as_of": "2024-08-12"}
        records = (
            CasualtyReport(
                id="narrow",
                source=narrow_source,
                killed=low_words.format(n=above) + " people",
                **scopes[0],
                **common,
            ),
            CasualtyReport(id="wide", source=wide_source, killed=wider, **scopes[1], **common),
        )
        if narrow_source != wide_source:
            assert _loud_pair(*records)
        else:
            findings = incursion.check(
                Document.from_records(records), select=["self-contradiction", "part-whole"]
            ).findings
            assert findings
            assert all("later update" in f.message for f in findings)


class TestSeriesLaws:
    @given(
        st.lists(st.integers(0, 500), min_size=2, max_size=8),
        st.lists(st.sampled_from(SOURCES), min_size=8, max_size=8),
        st.integers(10, 1_000),
    )
    def test_a_consistent_series_across_sources_is_never_flagged(
        self, rises: list[int], sources: list[Source], start: int
    ) -> None:
        """Counts that grow day by day, and ground that grows at a real pace, pass."""
        truth = start
        records: list[Record] = []
        for day, rise in enumerate(rises):
            truth += rise
            common: dict[str, Any] = {
                "id": f"d{day}",
                "source": sources[day],
                "subject": "s",
                "as_of": f"2024-08-{day + 1:02d}",
            }
            records.append(CasualtyReport(killed=f"at least {truth} people", **common))
            records.append(
                TerritorialClaim(
                    **{**common, "id": f"g{day}"}, controller="Ukraine", area=f"about {truth} km²"
                )
            )
        report = incursion.check(
            Document.from_records(records), select=["cumulative-decrease", "rate"]
        )
        assert report.findings == ()
