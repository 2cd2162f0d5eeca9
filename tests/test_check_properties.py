"""Laws of the checks: order and units do not change findings; consistent data finds nothing."""

from __future__ import annotations

from typing import Any

import attrs
from hypothesis import given
from hypothesis import strategies as st

import incursion
import incursion.checks
from incursion import (
    Allegation,
    Assessment,
    CasualtyReport,
    Count,
    Document,
    Estimate,
    Policy,
    Record,
    Region,
    Source,
    TerritorialClaim,
)
from incursion.checks import Finding, Severity

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


def findings(items: list[Record], **options: Any) -> list[tuple[str, Severity, frozenset[str]]]:
    return sorted(
        (key(f) for f in incursion.check(Document.from_records(items), **options).findings),
        key=repr,
    )


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

    @given(st.integers(1, 50), st.integers(5, 60), st.integers(1, 30), st.integers(1, 5))
    def test_consistent_figures_find_nothing(
        self, depth: int, front: int, share: int, n: int
    ) -> None:
        """Areas within depth × front, agreeing counts, growing series: no warning or error."""
        items: list[Record] = [
            TerritorialClaim(
                id="box",
                source=SOURCES[1],
                subject="a",
                as_of="2024-08-12",
                controller="Ukraine",
                depth=f"{depth} km",
                front_width=f"{front} km",
            ),
            TerritorialClaim(
                id="area",
                source=SOURCES[0],
                subject="a",
                as_of="2024-08-12",
                controller="Ukraine",
                area=f"{depth * front * share // 40 + 1} km²",
            ),
        ]
        items += [
            CasualtyReport(
                id=f"k{i}",
                source=SOURCES[i % 3],
                subject="a",
                as_of=f"2024-08-{10 + i:02d}",
                killed=f"{10 * (i + 1) * n} people",
            )
            for i in range(3)
        ]
        assert [f for f in findings(items) if f[1] is not Severity.INFO] == []


def _claim(id_: str, source: Source, **fields: Any) -> Record:
    return TerritorialClaim(
        id=id_,
        source=source,
        subject="a",
        as_of=fields.pop("as_of", "2024-08-12"),
        controller="Ukraine",
        **fields,
    )


def _casualties(id_: str, source: Source, **fields: Any) -> Record:
    return CasualtyReport(
        id=id_,
        source=source,
        subject="a",
        as_of=fields.pop("as_of", "2024-08-12"),
        population="civilian",
        **fields,
    )


@st.composite
def injected(draw: st.DrawFn, check: str) -> tuple[list[Record], list[Region]]:
    """Records with exactly one inconsistency of the kind ``check`` finds."""
    n = draw(st.integers(2, 400))
    ua, ru = SOURCES[0], SOURCES[1]
    if check == "conversion":
        miles = round(n / 1.609344 * 2) + 2
        return [_claim("a", ua, depth=f"{n} km ({miles} miles)")], []
    if check == "extent":
        depth, front = draw(st.integers(2, 40)), draw(st.integers(2, 60))
        return [
            _claim("box", ru, depth=f"{depth} km", front_width=f"{front} km"),
            _claim("area", ua, area=f"{(depth + 1) * (front + 1) * 2:,} km²"),
        ], []
    if check == "part-whole":
        return [
            _casualties("a", ru, wounded=Count(total=f"{n}", parts={"children": f"{2 * n + 5}"}))
        ], []
    if check == "disagreement":
        return [
            _casualties("a", ru, killed=f"{n}"),
            _casualties("b", ua, killed=f"{3 * n + 50}"),
        ], []
    if check == "self-contradiction":
        return [
            _casualties("a", ru, killed=f"{n}"),
            _casualties("b", ru, killed=f"{3 * n + 50}"),
        ], []
    if check == "cumulative-decrease":
        return [
            _casualties("a", ru, killed=f"{3 * n + 50}"),
            _casualties("b", ru, killed=f"{n}", as_of="2024-08-20"),
        ], []
    if check == "rate":
        return [
            _claim("a", ua, depth=f"{n} km", as_of="2024-08-10"),
            _claim("b", ua, depth=f"{n + 200} km", as_of="2024-08-11"),
        ], []
    if check == "containment":
        region = Region(id="r", name="A region", area=f"{n:,} km²")
        return [_claim("a", ua, area=f"{3 * n + 100:,} km²", region="r")], [region]
    if check == "unsupported-allegation":
        return [
            Allegation(
                id="a",
                source=ru,
                subject="a",
                as_of="2024-08-12",
                credibility=draw(st.integers(1, 2)),
            )
        ], []
    return [Assessment(id="a", source=ru, subject="a", as_of="2024-08-12", proposition="p")], []


CHECK_IDS = [c.id for c in incursion.checks.BUILTIN]


class TestInjected:
    """A generated inconsistency of each kind is found by its check, and by no other."""

    @given(st.data())
    def test_each_kind_is_found(self, data: st.DataObject) -> None:
        """One injected inconsistency gives a finding of its own check."""
        for check in CHECK_IDS:
            items, regions = data.draw(injected(check), label=check)
            report = incursion.check(Document.from_records(items, regions))
            assert check in {f.check for f in report.findings}, check
