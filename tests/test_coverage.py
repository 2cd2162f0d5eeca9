"""Coverage: a report counts the figures compared, and says why the others stood alone."""

from __future__ import annotations

import datetime as dt
import json
from io import StringIO
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import incursion
from incursion import (
    CasualtyReport,
    Count,
    Document,
    MaterielLoss,
    Record,
    Source,
    TerritorialClaim,
)
from incursion._cli import main
from incursion.checks import Context, run
from incursion.checks._coverage import overlapping
from incursion.examples import kursk_2024

A = Source(id="a", name="Ministry")
B = Source(id="b", name="Monitor")


def report(id_: str, source: Source = A, **fields: Any) -> Record:
    fields.setdefault("subject", "strike")
    fields.setdefault("as_of", "2024-08-12")
    return CasualtyReport(id=id_, source=source, **fields)


def explained(*records: Record, **options: Any) -> list[tuple[tuple[str, ...], str]]:
    coverage = run(Document.from_records(records), explain=True, **options).coverage
    return [(u.records, u.reason) for u in coverage.uncompared]


class TestCounts:
    def test_the_bundled_example(self) -> None:
        """7 of its 10 figures meet another; the other 3 stand alone."""
        coverage = incursion.check(kursk_2024()).coverage
        assert (coverage.figures, coverage.compared, coverage.alone) == (10, 7, 3)
        explained = run(kursk_2024(), explain=True).coverage
        assert len(explained.uncompared) == explained.alone  # each figure left alone, once

    def test_checks_that_compare_nothing_cover_nothing(self) -> None:
        """Conversion alone compares no figure with another: the report says so."""
        report = incursion.check(kursk_2024(), select=["conversion"])
        assert report.coverage.compared == 0
        assert "none of the 10 figures was compared with another" in report.render_text(200)

    def test_in_the_json_summary(self) -> None:
        summary = json.loads(incursion.check(kursk_2024()).render_json())["summary"]
        assert summary["coverage"] == {"figures": 10, "compared": 7, "alone": 3}
        assert "uncompared" not in summary

    def test_two_sources_on_one_day_are_compared(self) -> None:
        coverage = run(
            Document.from_records([report("x", killed="40"), report("y", B, killed="45")])
        ).coverage
        assert coverage.compared == 2


class TestWhyAlone:
    def test_another_subject(self) -> None:
        pairs = explained(report("x", killed="40"), report("y", B, subject="other", killed="45"))
        assert (("x", "y"), "subject") in pairs

    def test_scopes_that_do_not_overlap(self) -> None:
        pairs = explained(
            report("x", population="civilian", killed="40"),
            report("y", B, population="military", killed="45"),
        )
        assert pairs == [(("x", "y"), "scope"), (("y", "x"), "scope")]

    def test_dates_too_far_apart(self) -> None:
        """People missing (a stock, not paced) a year apart are not compared."""
        pairs = explained(
            report("x", missing="40"), report("y", B, as_of="2025-08-12", missing="45")
        )
        assert pairs == [(("x", "y"), "dates"), (("y", "x"), "dates")]

    def test_another_measure(self) -> None:
        pairs = explained(report("x", killed="40"), report("y", B, wounded="45"))
        assert pairs == [(("x", "y"), "measure"), (("y", "x"), "measure")]

    def test_comparable_but_no_check_ran(self) -> None:
        pairs = explained(
            report("x", killed="40"), report("y", B, killed="45"), select=["conversion"]
        )
        assert pairs == [(("x", "y"), "checks"), (("y", "x"), "checks")]

    def test_on_the_command_line(self) -> None:
        """``--explain`` lists the pairs in the text report and in the JSON summary."""
        out = StringIO()
        main(["check", "--explain", "--format", "json"], stdout=out)
        summary = json.loads(out.getvalue())["summary"]
        assert summary["coverage"]["alone"] == 3
        assert {"records", "fields", "reason"} == set(summary["uncompared"][0])
        out = StringIO()
        main(["check", "--explain"], stdout=out)
        text = out.getvalue()
        assert "\nleft alone (each with the nearest figure it was not compared with)\n" in text
        assert (
            "zelenskyy-summer-strikes count: no other figure of its subject or its measure" in text
        )


DAY = dt.date(2024, 8, 1)


class TestOverlapping:
    @given(
        st.lists(
            st.tuples(st.integers(0, 20), st.integers(0, 5), st.sampled_from("abc")),
            max_size=12,
        )
    )
    def test_the_sweep_finds_what_every_pair_finds(
        self, windows: list[tuple[int, int, str]]
    ) -> None:
        """A figure is yielded exactly when another key's window overlaps its own."""
        records = [
            TerritorialClaim(
                id=f"r{i}",
                source=Source(id=key, name=key),
                subject="s",
                as_of=f"{DAY + dt.timedelta(days=start)}/{DAY + dt.timedelta(days=start + length)}",
                controller="x",
                area=f"{i + 1} km²",
            )
            for i, (start, length, key) in enumerate(windows)
        ]
        figures = sorted(
            Context.of(records).figures(), key=lambda f: (f.record.as_of.start, f.record.id)
        )
        found = {f.record.id for f in overlapping(figures, lambda f: f.record.source.id)}
        expected = {
            f.record.id
            for f in figures
            for g in figures
            if g.record.source.id != f.record.source.id
            and f.record.as_of.start <= g.record.as_of.end
            and g.record.as_of.start <= f.record.as_of.end
        }
        assert found == expected


class TestReviewed:
    """Cases a review found, kept so that they stay mended."""

    def test_one_source_across_scopes_is_not_a_disagreement_pair(self) -> None:
        """Disagreement compares other sources only, however many figures each scope has."""
        records = [
            report("a1", killed="10"),
            report("a2", population="civilian", killed="50"),
            report("a3", population="civilian", as_of="2025-01-01", killed="60"),
        ]
        coverage = run(Document.from_records(records), select=["disagreement"]).coverage
        assert coverage.compared == 0

    def test_scopes_that_meet_far_apart_are_alone_for_their_dates(self) -> None:
        """Missing people, one scope by assumption, a year apart: "dates", not "scope"."""
        pairs = explained(
            report("x", missing="40"),
            report("y", B, as_of="2025-08-12", population="civilian", missing="45"),
        )
        assert pairs == [(("x", "y"), "dates"), (("y", "x"), "dates")]

    def test_open_running_totals_are_not_counted_as_compared(self) -> None:
        """More than 58 tanks, then 65 with six in the day: no difference is bounded."""
        records = [
            MaterielLoss(
                id="a",
                source=A,
                subject="k",
                as_of="2024-08-20",
                equipment={"tanks": "more than 58"},
            ),
            MaterielLoss(
                id="b",
                source=A,
                subject="k",
                as_of="2024-08-21",
                equipment={"tanks": Count(total="65", change="6")},
            ),
        ]
        coverage = run(Document.from_records(records), select=["running-total"]).coverage
        assert coverage.compared == 0


class TestLongLists:
    def test_the_text_lists_fifty_and_counts_the_rest(self) -> None:
        """Sixty figures alone: fifty listed, the rest counted; the JSON keeps all sixty."""
        records = [report(f"r{i}", subject=f"s{i}", killed=f"{i + 1}") for i in range(60)]
        result = run(Document.from_records(records), explain=True)
        text = result.render_text()
        assert "  … and 10 more (all in the JSON report)" in text
        assert "r0 killed: one measure, but different subjects (r1 killed)" in text
        assert text.count(": one measure, but different subjects") == 50
        assert len(json.loads(result.render_json())["summary"]["uncompared"]) == 60
