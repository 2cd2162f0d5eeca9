"""Statements of the kinds real reports make, each recorded as a document and checked.

Each test quotes a sentence written for it (in the style of the reports the kind comes
from), records it as JSON records, and says what the checks find, or that they find
nothing.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

import incursion
from incursion import Count, MaterielLoss, Measurement, Status
from incursion.checks import Severity
from incursion.exceptions import DocumentError

SOURCES = [
    {"id": "mod", "name": "Defence ministry"},
    {"id": "staff", "name": "General Staff"},
    {"id": "governor", "name": "Regional governor"},
    {"id": "monitor", "name": "Open-source monitor"},
    {"id": "health", "name": "Health ministry"},
    {"id": "army", "name": "Army spokesman"},
]


def document(*records: dict[str, Any]) -> incursion.Document:
    """The records loaded as a JSON document, on one subject and day unless they say."""
    common = {"subject": "border-2025", "as_of": "2025-03-01"}
    return incursion.loads(
        json.dumps(
            {"incursion": 1, "sources": SOURCES, "records": [{**common, **r} for r in records]}
        )
    )


def found(doc: incursion.Document) -> list[tuple[str, Severity, str]]:
    """Each finding as (check, severity, message)."""
    return [(f.check, f.severity, f.message) for f in incursion.check(doc).findings]


class TestMaterielLosses:
    def test_parts_that_overflow_their_total(self) -> None:
        """'47 armoured vehicles, including 9 tanks, 20 IFVs and 19 APCs', complete: 48 > 47."""
        doc = document(
            {
                "kind": "materiel-loss",
                "id": "mod-1",
                "source": "mod",
                "party": "Ukraine",
                "fate": "destroyed",
                "equipment": {
                    "armoured vehicles": {
                        "total": "47",
                        "parts": {"tanks": "9", "IFVs": "20", "APCs": "19"},
                        "complete": True,
                    }
                },
            }
        )
        record = doc.record("mod-1")
        assert isinstance(record, MaterielLoss)
        parts = {p.name: p.estimate.dimension for p in record.equipment["armoured vehicles"].parts}
        assert parts == {
            "tanks": "tank",
            "IFVs": "infantry_fighting_vehicle",
            "APCs": "armoured_personnel_carrier",
        }
        checks = {(check, severity) for check, severity, _ in found(doc)}
        assert checks == {("part-whole", Severity.ERROR)}
        assert any("at least 48, more than the whole 47" in m for _, _, m in found(doc))

    def test_including_parts_need_not_add_up(self) -> None:
        """'47 armoured vehicles, including 9 tanks and 20 IFVs': parts that leave some out."""
        doc = document(
            {
                "kind": "materiel-loss",
                "id": "mod-1",
                "source": "mod",
                "equipment": {
                    "armoured vehicles": {
                        "total": "47",
                        "parts": {"tanks": "9", "IFVs": "20"},
                    }
                },
            }
        )
        assert found(doc) == []

    def test_a_part_larger_than_its_total(self) -> None:
        """'12 armoured vehicles, including 14 tanks': a part above its whole, not complete."""
        doc = document(
            {
                "kind": "materiel-loss",
                "id": "mod-1",
                "source": "mod",
                "equipment": {"armoured vehicles": {"total": "12", "parts": {"tanks": "14"}}},
            }
        )
        assert found(doc) == [
            (
                "part-whole",
                Severity.ERROR,
                (
                    "armoured vehicles: part 'tanks' 14 tanks is larger than the whole "
                    "12 armoured vehicles"
                ),
            )
        ]

    def test_a_running_tally_with_the_days_change(self) -> None:
        """'Tanks: 8,512 (+9)': the change is kept, counting tanks, and nothing is wrong."""
        doc = document(
            {
                "kind": "materiel-loss",
                "id": "staff-1",
                "source": "staff",
                "party": "Russia",
                "equipment": {"tanks": {"total": "8,512", "change": "+9"}},
            }
        )
        count = doc.record("staff-1").equipment["tanks"]  # type: ignore[union-attr]
        assert count.change is not None
        assert (count.change.number, count.change.dimension) == (9.0, "tank")
        assert found(doc) == []

    def test_a_claim_below_the_confirmed_losses(self) -> None:
        """A ministry's 2,000 tanks against 3,140 confirmed one by one: the claim is too low."""
        doc = document(
            {
                "kind": "materiel-loss",
                "id": "monitor-1",
                "source": "monitor",
                "party": "Russia",
                "status": "documented",
                "equipment": {"tanks": "3,140"},
            },
            {
                "kind": "materiel-loss",
                "id": "mod-1",
                "source": "mod",
                "party": "Russia",
                "equipment": {"tanks": "2,000"},
            },
        )
        assert [(c, s) for c, s, _ in found(doc)] == [("disagreement", Severity.ERROR)]

    def test_a_claim_above_the_confirmed_losses_agrees_with_them(self) -> None:
        """3,500 claimed against at least 3,140 confirmed: a lower bound agrees with more."""
        doc = document(
            {
                "kind": "materiel-loss",
                "id": "monitor-1",
                "source": "monitor",
                "party": "Russia",
                "status": "documented",
                "equipment": {"tanks": "3,140"},
            },
            {
                "kind": "materiel-loss",
                "id": "mod-1",
                "source": "mod",
                "party": "Russia",
                "equipment": {"tanks": "3,500"},
            },
        )
        assert doc.record("monitor-1").status is Status.DOCUMENTED  # type: ignore[union-attr]
        assert found(doc) == []

    def test_more_shot_down_than_launched(self) -> None:
        """'Of the 120 drones launched overnight, 134 were shot down.'"""
        doc = document(
            {
                "kind": "measurement",
                "id": "launched",
                "source": "staff",
                "measure": "drones-launched",
                "value": "120 drones",
            },
            {
                "kind": "materiel-loss",
                "id": "down",
                "source": "staff",
                "party": "Russia",
                "fate": "destroyed",
                "equipment": {"drones": "134"},
                "within": {"record": "launched", "field": "value"},
            },
        )
        assert found(doc) == [
            (
                "part-whole",
                Severity.ERROR,
                (
                    "drones 134 drones (General Staff) is more than value 120 drones (General "
                    "Staff: unhedged, read as 115 to 125), which it lies within"
                ),
            )
        ]


class TestCombinedCounts:
    def test_singles_that_do_not_add_up(self) -> None:
        """'About 1,200 killed and wounded: 300 killed and 1,100 wounded.'"""
        doc = document(
            {
                "kind": "casualty-report",
                "id": "army-1",
                "source": "army",
                "killed_and_wounded": "about 1,200",
                "killed": "300",
                "wounded": "1,100",
            }
        )
        ((check, severity, message),) = found(doc)
        assert (check, severity) == ("part-whole", Severity.ERROR)
        assert message.startswith("killed 300 people + wounded 1,100 people = 1,345–1,455")

    def test_a_single_count_above_its_combined_count(self) -> None:
        """'Some 5,000 troops were lost in the battle, 6,200 of them killed.'"""
        doc = document(
            {
                "kind": "casualty-report",
                "id": "army-1",
                "source": "army",
                "losses": "some 5,000 troops",
                "killed": "6,200",
            }
        )
        assert found(doc) == [
            (
                "part-whole",
                Severity.ERROR,
                "killed 6,200 people is more than losses some 5,000 people, which includes it",
            )
        ]

    def test_singles_that_add_up(self) -> None:
        """'2,400 killed and wounded: 700 killed and 1,700 wounded' is consistent."""
        doc = document(
            {
                "kind": "casualty-report",
                "id": "army-1",
                "source": "army",
                "killed_and_wounded": "2,400",
                "killed": "700",
                "wounded": "1,700",
            }
        )
        assert found(doc) == []


class TestMeasurements:
    def test_a_force_a_distance_and_a_warhead(self) -> None:
        """'Up to 12,000 troops; the town lies 9 km (7 miles) from the border; 450 kg.'"""
        doc = document(
            {
                "kind": "measurement",
                "id": "force",
                "source": "army",
                "measure": "force-size",
                "value": "up to 12,000 troops",
            },
            {
                "kind": "measurement",
                "id": "distance",
                "source": "army",
                "measure": "distance",
                "value": "9 km (7 miles)",
            },
            {
                "kind": "measurement",
                "id": "warhead",
                "source": "army",
                "measure": "warhead-mass",
                "value": "a 450-kilogram warhead",
            },
        )
        dimensions = [r.value.total.dimension for r in doc.records]  # type: ignore[union-attr]
        assert dimensions == ["person", "length", "mass"]
        assert [(c, s) for c, s, _ in found(doc)] == [("conversion", Severity.ERROR)]

    def test_a_known_measure_refuses_another_dimension(self) -> None:
        """A warhead's mass given as '450 people' is refused at its JSON path."""
        with pytest.raises(DocumentError) as caught:
            document(
                {
                    "kind": "measurement",
                    "id": "w",
                    "source": "army",
                    "measure": "warhead-mass",
                    "value": "450 people",
                }
            )
        ((path, message),) = [(p.path, p.message) for p in caught.value.problems]
        assert path == "$.records[0].value"
        assert "expected a mass" in message

    def test_evacuees_above_the_population(self) -> None:
        """'Of the 6,000 who lived in the town before the war, 7,500 have left.'"""
        doc = document(
            {
                "kind": "measurement",
                "id": "population",
                "source": "governor",
                "measure": "population",
                "value": "6,000",
            },
            {
                "kind": "measurement",
                "id": "left",
                "source": "governor",
                "measure": "evacuated",
                "value": "7,500",
                "within": {"record": "population", "field": "value"},
            },
        )
        assert [(c, s) for c, s, _ in found(doc)] == [("part-whole", Severity.ERROR)]

    def test_forces_of_two_parties_are_two_measures(self) -> None:
        """'Up to 12,000 Russian troops' and '3,000 Ukrainian defenders' never disagree."""
        doc = document(
            {
                "kind": "measurement",
                "id": "ru",
                "source": "army",
                "measure": "force-size",
                "party": "Russia",
                "value": "up to 12,000 troops",
            },
            {
                "kind": "measurement",
                "id": "ua",
                "source": "mod",
                "measure": "force-size",
                "party": "Ukraine",
                "value": "3,000 defenders",
            },
        )
        assert found(doc) == []
        same = document(
            {
                "kind": "measurement",
                "id": "ru",
                "source": "army",
                "measure": "force-size",
                "party": "Russia",
                "value": "12,000 troops",
            },
            {
                "kind": "measurement",
                "id": "ru2",
                "source": "mod",
                "measure": "force-size",
                "party": "Russia",
                "value": "3,000 troops",
            },
        )
        assert [(c, s) for c, s, _ in found(same)] == [("disagreement", Severity.ERROR)]

    def test_a_hedge_said_once_for_a_list(self) -> None:
        """'Losses comprise approximately: 773 tanks, …': each item keeps its words."""
        doc = document(
            {
                "kind": "materiel-loss",
                "id": "gs",
                "source": "staff",
                "equipment": {
                    "tanks": {
                        "value": 773,
                        "unit": "tanks",
                        "hedge": "about",
                        "word": "approximately",
                        "text": "773 tanks",
                    }
                },
            }
        )
        total = doc.record("gs").equipment["tanks"].total  # type: ignore[union-attr]
        assert (total.hedge.value, total.word, total.text) == (
            "about",
            "approximately",
            "773 tanks",
        )
        with pytest.raises(DocumentError, match="reads as about 773 tanks"):
            document(
                {
                    "kind": "materiel-loss",
                    "id": "gs",
                    "source": "staff",
                    "equipment": {
                        "tanks": {
                            "value": 773,
                            "unit": "tanks",
                            "hedge": "up-to",
                            "text": "about 773 tanks",
                        }
                    },
                }
            )

    def test_an_unknown_measure_counts_its_own_kind(self) -> None:
        """'1,240 compensation applications': a count of applications, compared with itself."""
        doc = document(
            {
                "kind": "measurement",
                "id": "claims",
                "source": "governor",
                "measure": "compensation-claims",
                "value": "1,240 applications",
            }
        )
        record = doc.record("claims")
        assert isinstance(record, Measurement)
        assert record.value is not None
        assert record.value.total.dimension == "application"
        assert found(doc) == []


class TestShares:
    def test_a_share_that_does_not_fit(self) -> None:
        """'1,150 km², or 85% of the 1,000 km² district.'"""
        doc = document(
            {
                "kind": "measurement",
                "id": "district",
                "source": "governor",
                "measure": "area",
                "value": "1,000 km²",
            },
            {
                "kind": "territorial-claim",
                "id": "held",
                "source": "army",
                "controller": "Ukraine",
                "area": "1,150 km²",
                "share_of": {"record": "district", "field": "value", "percent": "85%"},
            },
        )
        ((check, severity, message),) = found(doc)
        assert (check, severity) == ("share", Severity.ERROR)
        assert "that share is 803 to 898 km²" in message

    def test_a_share_that_fits(self) -> None:
        """'850 km², or 85% of the 1,000 km² district.'"""
        doc = document(
            {
                "kind": "measurement",
                "id": "district",
                "source": "governor",
                "measure": "area",
                "value": "1,000 km²",
            },
            {
                "kind": "territorial-claim",
                "id": "held",
                "source": "army",
                "controller": "Ukraine",
                "area": "850 km²",
                "share_of": {"record": "district", "field": "value", "percent": "85%"},
            },
        )
        assert found(doc) == []

    def test_a_share_of_an_unrecorded_whole(self) -> None:
        """'Up to 1.9 million people, more than 85% of the population, have been displaced.'"""
        doc = document(
            {
                "kind": "casualty-report",
                "id": "displaced",
                "source": "governor",
                "displaced": "up to 1.9 million people",
                "share_of": {"percent": "more than 85%", "whole": "the population"},
            },
        )
        share = doc.record("displaced").share_of
        assert share is not None
        assert (share.record, share.whole) == (None, "the population")
        assert found(doc) == []


class TestTalliesAndGroups:
    def test_a_cumulative_count_of_evacuees_that_falls(self) -> None:
        """'More than 120,000 have left since 6 August', then '110,000 have left': it fell."""
        doc = document(
            {
                "kind": "casualty-report",
                "id": "left-1",
                "source": "governor",
                "as_of": "2025-03-01",
                "displaced": {"total": "more than 120,000 people", "tally": "cumulative"},
            },
            {
                "kind": "casualty-report",
                "id": "left-2",
                "source": "governor",
                "as_of": "2025-03-04",
                "displaced": {"total": "110,000", "tally": "cumulative"},
            },
        )
        assert [(c, s) for c, s, _ in found(doc)] == [("cumulative-decrease", Severity.ERROR)]

    def test_people_in_shelters_may_fall(self) -> None:
        """'31,000 are in shelters now', then '25,000': a stock may fall."""
        doc = document(
            {
                "kind": "casualty-report",
                "id": "s-1",
                "source": "governor",
                "as_of": "2025-03-01",
                "displaced": "31,000",
            },
            {
                "kind": "casualty-report",
                "id": "s-2",
                "source": "governor",
                "as_of": "2025-03-04",
                "displaced": "25,000",
            },
        )
        assert found(doc) == []

    def test_a_standalone_count_of_children(self) -> None:
        """'The health ministry said 212 children were among the dead.'"""
        doc = document(
            {
                "kind": "casualty-report",
                "id": "h-1",
                "source": "health",
                "population": "civilian",
                "group": "children",
                "killed": "212 children",
            }
        )
        record = doc.record("h-1")
        assert isinstance(record, incursion.CasualtyReport)
        assert record.group == "children"
        assert record.killed == Count(total="212 children")
        assert found(doc) == []


class TestEvidenceAndRevisions:
    def test_a_denied_allegation_names_who_denies_it(self) -> None:
        """'Officials accused the army of shelling a market; the army denied it.'"""
        doc = document(
            {
                "kind": "allegation",
                "id": "market",
                "source": "governor",
                "accused": "the army",
                "act": "strikes-on-civilians",
                "evidence": "denied",
                "denied_by": ["army"],
                "credibility": 2,
            }
        )
        assert [s.name for s in doc.record("market").denied_by] == ["Army spokesman"]  # type: ignore[union-attr]
        assert found(doc) == []

    def test_a_denial_by_an_unknown_source_is_refused(self) -> None:
        """A denier that is not among the sources is reported at its JSON path."""
        with pytest.raises(DocumentError) as caught:
            document(
                {
                    "kind": "allegation",
                    "id": "market",
                    "source": "governor",
                    "evidence": "denied",
                    "denied_by": ["nobody"],
                }
            )
        assert [p.path for p in caught.value.problems] == ["$.records[0].denied_by[0]"]

    def test_a_revision_names_an_earlier_record(self) -> None:
        """'The ministry raised the toll to 42, from 38': the later record revises the first."""
        doc = document(
            {"kind": "casualty-report", "id": "toll-1", "source": "health", "killed": "38"},
            {
                "kind": "casualty-report",
                "id": "toll-2",
                "source": "health",
                "killed": "42",
                "revises": "toll-1",
            },
        )
        assert doc.record("toll-2").revises == "toll-1"
        assert found(doc) == [
            (
                "revision",
                Severity.INFO,
                (
                    "toll-2 (Health ministry, 2025-03-01) revises toll-1 (Health ministry, "
                    "2025-03-01): "
                    "killed 38 people → 42 people"
                ),
            )
        ]
        with pytest.raises(DocumentError) as caught:
            document(
                {
                    "kind": "casualty-report",
                    "id": "toll-2",
                    "source": "health",
                    "killed": "42",
                    "revises": "toll-0",
                }
            )
        assert [p.path for p in caught.value.problems] == ["$.records[0].revises"]

    def test_a_toll_revised_down_is_no_fall_and_no_disagreement(self) -> None:
        """'Killed 1,400', a month later 'around 1,200', revised: a correction, not a fall."""
        records: list[dict[str, Any]] = [
            {
                "kind": "casualty-report",
                "id": "c1",
                "source": "health",
                "as_of": "2025-03-01",
                "killed": "1,400",
            },
            {
                "kind": "casualty-report",
                "id": "c2",
                "source": "health",
                "as_of": "2025-03-01",
                "killed": "around 1,200",
            },
        ]
        unrevised = {c for c, _, _ in found(document(*records))}
        assert unrevised == {"self-contradiction"}
        records[1]["revises"] = "c1"
        assert [(c, s) for c, s, _ in found(document(*records))] == [("revision", Severity.INFO)]

    def test_a_revision_replaces_only_what_it_restates(self) -> None:
        """A revision of the killed leaves the first record's wounded compared as before."""
        doc = document(
            {
                "kind": "casualty-report",
                "id": "r1",
                "source": "health",
                "killed": "38",
                "wounded": "200",
            },
            {
                "kind": "casualty-report",
                "id": "r2",
                "source": "health",
                "killed": "42",
                "revises": "r1",
            },
            {"kind": "casualty-report", "id": "r3", "source": "army", "wounded": "5,000"},
        )
        assert sorted(c for c, _, _ in found(doc)) == ["disagreement", "revision"]

    def test_what_was_not_said_is_not_written_back(self) -> None:
        """A report with no population is read as all people but written back without one."""
        doc = document({"kind": "casualty-report", "id": "t", "source": "health", "killed": "12"})
        assert doc.record("t").population is None  # type: ignore[union-attr]
        assert "population" not in incursion.dumps(doc)
        said = document(
            {
                "kind": "casualty-report",
                "id": "t",
                "source": "health",
                "killed": "12",
                "population": "all",
            }
        )
        assert '"population": "all"' in incursion.dumps(said)
