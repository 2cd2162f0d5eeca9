"""Which figures are compared: status is not scope, an unspecified qualifier matches,
a narrower figure is held below a wider one across records, and the table behind it."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from incursion import (
    CasualtyReport,
    Count,
    Document,
    Measurement,
    Record,
    Relation,
    Share,
    Source,
    TerritorialClaim,
)
from incursion.checks import Finding, Severity, run
from incursion.checks._scope import QUALIFIERS, Absent, Scope, relate

MINISTRY = Source(id="moh", name="Health ministry")
MONITOR = Source(id="mon", name="Monitor")
ANALYSTS = Source(id="isw", name="Analysts")
DAY = "2024-08-12"


def report(id_: str, source: Source = MINISTRY, as_of: str = DAY, **fields: Any) -> Record:
    return CasualtyReport(id=id_, source=source, subject="strike", as_of=as_of, **fields)


def ground(id_: str, source: Source = MINISTRY, as_of: str = DAY, **fields: Any) -> Record:
    return TerritorialClaim(
        id=id_, source=source, subject="k", as_of=as_of, controller="Ukraine", **fields
    )


def measured(
    id_: str, measure: str, value: str, source: Source = MINISTRY, as_of: str = DAY
) -> Record:
    return Measurement(
        id=id_, source=source, subject="strike", as_of=as_of, measure=measure, value=value
    )


def checked(*records: Record) -> list[Finding]:
    """Warnings and errors of the comparing checks."""
    select = ["disagreement", "self-contradiction", "part-whole"]
    findings = run(Document.from_records(records), select=select).findings
    return [f for f in findings if f.severity >= Severity.WARNING]


class TestStatusIsNotScope:
    def test_a_claim_and_an_assessment_are_compared(self) -> None:
        """More than 600 km² claimed, roughly 400 km² assessed, same day: an error."""
        (finding,) = checked(
            ground("a", area="more than 600 km²"),
            ground("b", ANALYSTS, status="assessed", area="roughly 400 km²"),
        )
        assert finding.check == "disagreement"
        assert finding.severity is Severity.ERROR
        assert "claim against assessment" in finding.message

    def test_near_miss(self) -> None:
        """More than 600 km² claimed and roughly 650 km² assessed agree."""
        assert (
            checked(
                ground("a", area="more than 600 km²"),
                ground("b", ANALYSTS, status="assessed", area="roughly 650 km²"),
            )
            == []
        )


class TestUnspecifiedQualifiers:
    def test_a_left_out_party_matches_and_warns(self) -> None:
        """40 killed of Russia's civilians against 60–90 civilians: compared, as a warning."""
        (finding,) = checked(
            report("a", party="Russia", population="civilian", killed="40"),
            report("b", MONITOR, population="civilian", killed="60-90"),
        )
        assert finding.check == "disagreement"
        assert finding.severity is Severity.WARNING
        assert "assuming party Russia" in finding.message

    def test_both_leaving_it_out_is_one_scope(self) -> None:
        """Neither says the party: one scope, and the error stays an error."""
        (finding,) = checked(
            report("a", killed="40"),
            report("b", MONITOR, killed="60-90"),
        )
        assert finding.severity is Severity.ERROR
        assert "assuming" not in finding.message

    def test_specified_and_equal_near_miss(self) -> None:
        """40 and about 45 agree, whatever is left out."""
        assert (
            checked(
                report("a", party="Russia", killed="about 40"),
                report("b", MONITOR, killed="about 45"),
            )
            == []
        )

    def test_different_populations_are_apart(self) -> None:
        """Civilians and soldiers are different people: never compared."""
        assert (
            checked(
                report("a", population="civilian", killed="40"),
                report("b", MONITOR, population="military", killed="4,000"),
            )
            == []
        )


class TestLeftOutMatchesWhatIsSaid:
    def test_a_population_left_out_matches_the_other(self) -> None:
        """100 soldiers killed against 60–90 killed of no stated population: one scope."""
        (finding,) = checked(
            report("a", killed="60-90"),
            report("b", MONITOR, population="military", killed="100"),
        )
        assert finding.check == "disagreement"
        assert finding.severity is Severity.WARNING
        assert "assuming population military" in finding.message

    def test_a_predicate_left_out_matches_the_other(self) -> None:
        (finding,) = checked(
            ground("a", depth="40 km"),
            ground("b", ANALYSTS, predicate="operating-in-or-near", depth="about 10 km"),
        )
        assert finding.check == "disagreement"
        assert "assuming predicate operating-in-or-near" in finding.message


class TestNarrowerAgainstWider:
    def test_children_above_all_killed_is_an_error(self) -> None:
        """100 children killed (one source) against 60–90 killed (another), same day."""
        (finding,) = checked(
            report("a", killed="60-90"),
            report("b", MONITOR, group="children", killed="100"),
        )
        assert finding.check == "part-whole"
        assert finding.severity is Severity.ERROR
        assert finding.records == ("b", "a")
        assert "group children within the whole" in finding.message

    def test_near_miss(self) -> None:
        """50 children of 60–90 killed: nothing."""
        assert (
            checked(
                report("a", killed="60-90"), report("b", MONITOR, group="children", killed="50")
            )
            == []
        )

    def test_civilians_above_all_people(self) -> None:
        (finding,) = checked(
            report("a", population="all", killed="about 100"),
            report("b", MONITOR, population="civilian", killed="at least 150"),
        )
        assert finding.check == "part-whole"
        assert "population civilian within all" in finding.message

    def test_resting_on_an_assumption_is_a_warning(self) -> None:
        """The wider count does not say whose people: the finding names the assumption."""
        (finding,) = checked(
            report("a", killed="60-90"),
            report("b", MONITOR, party="Russia", group="children", killed="100"),
        )
        assert finding.severity is Severity.WARNING
        assert "assuming party Russia" in finding.message

    def test_a_single_count_above_a_combined_one_of_another_record(self) -> None:
        """500 killed (one source) cannot be more than 300 killed and wounded (another)."""
        (finding,) = checked(
            report("a", killed="500"),
            report("b", MONITOR, killed_and_wounded="300"),
        )
        assert finding.check == "part-whole"
        assert "killed within killed and wounded" in finding.message

    def test_a_part_is_the_group_it_names(self) -> None:
        """266 killed including 117 children, and another source's 177 children killed."""
        (finding,) = checked(
            report("a", killed=Count(total=266, parts={"children": 117})),
            report("b", MONITOR, group="children", killed="177"),
        )
        assert finding.check == "disagreement"
        assert finding.severity is Severity.ERROR

    def test_ground_controlled_within_ground_operated_in(self) -> None:
        (finding,) = checked(
            ground("a", predicate="operating-in-or-near", area="about 500 km²"),
            ground("b", ANALYSTS, predicate="controls", area="about 800 km²"),
        )
        assert finding.check == "part-whole"

    def test_a_stated_relation_is_not_the_same_scope(self) -> None:
        """About 3,000 fighters said to lie within about 3,800 deaths: no disagreement."""
        assert (
            checked(
                report("all", killed="around 3,800"),
                report(
                    "fighters",
                    MONITOR,
                    party="Hezbollah",
                    killed="about 3,000",
                    within=Relation(record="all", field="killed"),
                ),
            )
            == []
        )


class TestReviewed:
    def test_a_stated_relation_does_not_hide_another_pair(self) -> None:
        """50 said to lie within 10 (source B) is still held below 12 (also B)."""
        found = checked(
            report("w", MONITOR, killed="10"),
            report("w2", MONITOR, killed="12"),
            report("p", killed="50", within=Relation(record="w", field="killed")),
        )
        # 50 is a part of the killed (it lies within 10 of them): above the 10, and above
        # the 12 of the same measure; 10 and 12 from one source on one day are a running
        # total updated that day (info, not among the warnings and errors).
        assert sorted(f.records for f in found) == [("p", "w"), ("p", "w2")]
        assert {f.check for f in found} == {"part-whole"}
        (other,) = [f for f in found if "w2" in f.records]
        assert "the document puts it within the killed of w" in other.message

    def test_a_revision_restates_an_equipment_type_however_spelled(self) -> None:
        """100 "Tanks" revised to 60 "tank": a revision, not a fall."""
        from incursion import MaterielLoss  # noqa: PLC0415 - one test

        records = [
            MaterielLoss(
                id="x", source=MINISTRY, subject="k", as_of="2024-08-20", equipment={"Tanks": "100"}
            ),
            MaterielLoss(
                id="y",
                source=MINISTRY,
                subject="k",
                as_of="2024-08-22",
                equipment={"tank": "60"},
                revises="x",
            ),
        ]
        findings = run(Document.from_records(records)).findings
        assert [f.check for f in findings] == ["revision"]


class TestTheTable:
    @pytest.mark.parametrize("kind", sorted(QUALIFIERS))
    def test_each_row_names_fields_of_its_kind(self, kind: str) -> None:
        """Every qualifier is a field of the records of its kind, and its hierarchy is acyclic."""
        from incursion._records import RECORD_TYPES  # noqa: PLC0415 - one test

        names = {a.name for a in RECORD_TYPES[kind].__attrs_attrs__}
        for qualifier in QUALIFIERS[kind]:
            assert qualifier.name in names
            for value in qualifier.within:
                assert value not in qualifier.wider(value)

    def test_relate_is_symmetric(self) -> None:
        """Swapping the two sides swaps narrower and wider and keeps the assumptions."""
        a = ("Russia", "civilian", "children")
        b = (None, "all", None)
        forward = relate("casualty-report", "killed", "killed", a, b)
        backward = relate("casualty-report", "killed", "killed", b, a)
        assert forward == (Scope.NARROWER, ("party Russia",))
        assert backward == (Scope.WIDER, ("party Russia",))

    def test_crossing_scopes_are_apart(self) -> None:
        """Narrower in one qualifier and wider in another: not comparable."""
        a = (None, "civilian", None)
        b = (None, "all", "children")
        assert relate("casualty-report", "killed", "killed", a, b)[0] is Scope.APART

    def test_exact_qualifiers_match_only_themselves(self) -> None:
        (act,) = [q for q in QUALIFIERS["allegation"] if q.name == "act"]
        assert act.absent is Absent.EXACT
        assert relate("allegation", "count", "count", (None, "looting"), (None, None))[0] is (
            Scope.APART
        )


class TestAPartOfItsMeasure:
    """A figure stated within another record's figure of the same measure is a part of it."""

    def test_the_weeks_gain_is_not_compared_with_the_total_of_another_record(self) -> None:
        """776 km² this week, within the 2,434 km² total: not against 'nearly 2,500 km²'."""
        assert (
            checked(
                ground("nearly", area="nearly 2,500 km²"),
                ground("total", area="2,434 km²"),
                ground(
                    "week",
                    as_of="2024-08-06/2024-08-12",
                    area="776 km²",
                    within=Relation(record="total", field="area"),
                ),
            )
            == []
        )

    def test_found_a_part_above_its_whole_is_still_an_error(self) -> None:
        (finding,) = checked(
            ground("total", area="2,434 km²"),
            ground("week", area="3,000 km²", within=Relation(record="total", field="area")),
        )
        assert finding.check == "part-whole"
        assert finding.severity is Severity.ERROR

    def test_near_miss_within_another_measure_it_stays_a_count_of_its_own(self) -> None:
        """About 300 killed within a force of 2,000 is still compared with 43 killed."""
        (finding,) = checked(
            measured("force", "force-size", "2,000 fighters"),
            report("part", killed="about 300", within=Relation(record="force", field="value")),
            report("other", MONITOR, killed="43"),
        )
        assert finding.check == "disagreement"


@given(
    whole=st.integers(min_value=1, max_value=10_000),
    other=st.integers(min_value=1, max_value=10_000),
    part=st.integers(min_value=1, max_value=10_000),
)
def test_a_part_of_its_measure_above_any_figure_of_the_measure_is_found(
    whole: int, other: int, part: int
) -> None:
    """A part is found above each figure of its measure it lies wholly above, and only those."""
    records = (
        ground("total", area=f"{whole} km²"),
        ground("other", MONITOR, area=f"{other} km²"),
        ground("part", area=f"{part} km²", within=Relation(record="total", field="area")),
    )
    findings = run(Document.from_records(records), select=["part-whole"]).findings
    above = {f.records[1] for f in findings if f.severity >= Severity.WARNING}
    low = records[2].figure("area").canonical_low  # type: ignore[union-attr]
    highs = {r.id: r.figure("area").canonical_high for r in records[:2]}  # type: ignore[union-attr]
    assert above == {record for record, high in highs.items() if high is not None and low > high}


class TestAFigureStatedOnlyAsAShare:
    """A toll said as "one-fifth of the village's 330 people" is compared with the killed."""

    @staticmethod
    def findings(killed: str, as_of: str = DAY) -> list[Finding]:
        records = (
            measured("village", "population", "about 330 people"),
            CasualtyReport(
                id="fifth",
                source=MINISTRY,
                subject="strike",
                as_of=DAY,
                share_of=Share(percent="20%", record="village", field="value", figure="killed"),
            ),
            report("toll", MONITOR, as_of=as_of, killed=killed),
        )
        report_ = run(Document.from_records(records), select=["share"])
        return [f for f in report_.findings if f.severity >= Severity.WARNING]

    def test_found_a_toll_outside_the_share_of_the_whole(self) -> None:
        (finding,) = self.findings("51")
        assert finding.severity is Severity.ERROR
        assert set(finding.records) == {"fifth", "village", "toll"}
        assert "20% of population about 330 people" in finding.message

    def test_near_miss_a_toll_inside_it(self) -> None:
        assert self.findings("60") == []

    def test_in_windows_that_only_overlap_a_warning(self) -> None:
        (finding,) = self.findings("51", as_of="2024-08")
        assert finding.severity is Severity.WARNING


class TestSharesOfOneWholeInWords:
    """Shares of a whole the document names only in words imply one whole."""

    @staticmethod
    def findings(second: str, as_of: str = DAY) -> list[Finding]:
        def part(id_: str, area: str, percent: str, whole: str, when: str) -> Record:
            return Measurement(
                id=id_,
                source=MINISTRY,
                subject="gaza",
                as_of=when,
                measure="area",
                value=area,
                share_of=Share(percent=percent, whole=whole),
            )

        records = (
            part("zone", "230 km²", "63%", "the Gaza Strip", DAY),
            part("later", second, "20%", "The  Gaza strip", as_of),  # words as written
        )
        report_ = run(Document.from_records(records), select=["share"])
        return [f for f in report_.findings if f.severity >= Severity.WARNING]

    def test_found_two_wholes_that_cannot_meet(self) -> None:
        """230 km² as 63% makes 361-369 km²; 79 km² as 20% makes 383-408 km²."""
        (finding,) = self.findings("79 km²")
        assert finding.severity is Severity.ERROR
        assert "no one whole is both" in finding.message

    def test_near_miss_one_whole(self) -> None:
        """73 km² as 20% makes 355-375 km², which meets 361-369 km²."""
        assert self.findings("73 km²") == []

    def test_in_other_windows_a_warning(self) -> None:
        (finding,) = self.findings("79 km²", as_of="2024-09")
        assert finding.severity is Severity.WARNING

    def test_near_miss_the_same_words_in_another_subject_name_another_whole(self) -> None:
        """Of one town's population 63%, of another's 20%: two wholes, not compared."""
        records = [
            Measurement(
                id=town,
                source=MINISTRY,
                subject=town,
                as_of=DAY,
                measure="evacuated",
                value=people,
                share_of=Share(percent=percent, whole="the population"),
            )
            for town, people, percent in (("a", "2,300", "63%"), ("b", "790", "20%"))
        ]
        assert run(Document.from_records(records), select=["share"]).findings == ()


class TestTotalsSinceOneStart:
    """Figures over two periods from one start are running totals, held not to fall."""

    @staticmethod
    def findings(until_september: str, source: Source = MONITOR) -> list[Finding]:
        measure, since = "settlements-captured", "2025-01-01"
        records = (
            measured("sep", measure, until_september, source, f"{since}/2025-09-25"),
            measured("oct", measure, "212 settlements", MINISTRY, f"{since}/2025-10-07"),
        )
        report_ = run(Document.from_records(records), select=["disagreement", "self-contradiction"])
        return [f for f in report_.findings if f.severity >= Severity.WARNING]

    def test_near_miss_a_total_that_grows_is_no_disagreement(self) -> None:
        """205 settlements to 25 September, 212 to 7 October: a total growing."""
        assert self.findings("205 settlements") == []

    def test_found_a_total_smaller_over_the_longer_period(self) -> None:
        (finding,) = self.findings("230 settlements")
        assert finding.check == "disagreement"
        assert finding.severity is Severity.WARNING
        assert "a total since 2025-01-01 is smaller over the longer period" in finding.message

    def test_from_one_source_an_error(self) -> None:
        (finding,) = self.findings("230 settlements", MINISTRY)
        assert finding.check == "self-contradiction"
        assert finding.severity is Severity.ERROR


class TestOneDaysUpdatesRiseTogether:
    """One source's two statements of one day: an update, if their totals rise together."""

    @staticmethod
    def findings(women_later: str) -> list[Finding]:
        records = (
            report("first", killed=Count(total="174", parts={"women": "29 women"})),
            report("second", killed=Count(total="181", parts={"women": women_later})),
        )
        report_ = run(Document.from_records(records), select=["self-contradiction"])
        return [f for f in report_.findings if f.severity >= Severity.WARNING]

    def test_found_a_part_that_falls_as_its_total_rises(self) -> None:
        (finding,) = self.findings("21 women")
        assert finding.severity is Severity.ERROR
        assert "in no order do both running totals rise" in finding.message
        assert finding.message.endswith(
            "killed 174 people then 181 people, but women of the killed 29 people then 21 people"
        )

    def test_near_miss_both_rise(self) -> None:
        assert self.findings("33 women") == []
