"""How an analyst records the "tune" half of the real figures with incursion.

Each entry: the records written for the item (JSON record objects; ``subject`` and
``as_of`` default to the item's id and date) and, for each labelled figure by its index,
where it is recorded (``record-id:field``).  See ``real_figures.py``.
"""

from __future__ import annotations

from typing import Any

RECORDINGS: dict[str, dict[str, Any]] = {
    "rf62": {
        "records": [
            {
                "kind": "casualty-report",
                "id": "c1",
                "source": "israel",
                "population": "military",
                "killed": "six militants",
            },
            {
                "kind": "casualty-report",
                "id": "c2",
                "source": "israel",
                "population": "civilian",
                "group": "journalists",
                "killed": "five journalists",
            },
            {
                "kind": "allegation",
                "id": "a1",
                "source": "israel",
                "accused": "Israel",
                "act": "strikes-on-civilians",
                "evidence": "under-investigation",
            },
        ],
        "figures": {0: "c1:killed", 1: "c2:killed"},
    },
    "rf49": {
        "records": [
            {
                "kind": "casualty-report",
                "id": "r1",
                "source": "zelensky",
                "as_of": "2024-07-08",
                "killed": "38 people",
                "wounded": "190",
            },
            {
                "kind": "casualty-report",
                "id": "r2",
                "source": "police",
                "as_of": "2024-07-08",
                "killed": {"total": "42", "parts": {"children": "four children"}},
                "revises": "r1",
            },
        ],
        "figures": {0: "r1:killed", 1: "r1:wounded", 2: "r2:killed", 3: "r2:killed.parts.children"},
    },
    "rf36": {
        "records": [
            {
                "kind": "territorial-claim",
                "id": "t1",
                "source": "ua-gs",
                "as_of": "2024-08",
                "controller": "Ukraine",
                "area": "approximately 1376 km2",
            },
            {
                "kind": "measurement",
                "id": "m1",
                "source": "ua-gs",
                "measure": "area-lost",
                "of": "ground Ukraine held in Kursk",
                "share_of": {
                    "figure": "value",
                    "record": "t1",
                    "field": "area",
                    "percent": "more than 40%",
                },
            },
            {
                "kind": "territorial-claim",
                "id": "t2",
                "source": "ua-gs",
                "controller": "Ukraine",
                "area": "roughly 800 km2",
                "within": {"record": "t1", "field": "area"},
            },
        ],
        "figures": {0: "t1:area", 1: "m1:share_of.percent", 2: "t2:area"},
    },
    "rf38": {
        "records": [
            {
                "kind": "casualty-report",
                "id": "c1",
                "source": "unrwa",
                "as_of": "2024",
                "displaced": {"total": "up to 1.9 million people", "tally": "cumulative"},
                "share_of": {
                    "figure": "displaced",
                    "percent": "more than 85 percent",
                    "whole": "the population of the Gaza Strip",
                },
            },
        ],
        "figures": {0: "c1:displaced", 1: "c1:share_of.percent"},
    },
    "rf06": {
        "records": [
            {
                "kind": "materiel-loss",
                "id": "m1",
                "source": "ua-navy",
                "party": "Russia",
                "fate": "destroyed",
                "equipment": {"ships": "15 ships"},
            },
            {
                "kind": "materiel-loss",
                "id": "m2",
                "source": "ua-navy",
                "party": "Russia",
                "fate": "damaged",
                "equipment": {"ships": "12 ships"},
            },
        ],
        "figures": {0: "m1:equipment.ships", 1: "m2:equipment.ships"},
    },
    "rf43": {
        "records": [
            {
                "kind": "casualty-report",
                "id": "c1",
                "source": "syniehubov",
                "population": "civilian",
                "displaced": {
                    "total": "Nearly 10,000 civilians",
                    "tally": "cumulative",
                    "parts": {"residents of Vovchansk": "2,500 residents"},
                },
            },
        ],
        "figures": {0: "c1:displaced", 1: "c1:displaced.parts.residents of Vovchansk"},
    },
    "rf63": {
        "records": [
            {
                "kind": "casualty-report",
                "id": "c1",
                "source": "gaza-officials",
                "killed": "45 killed",
            },
            {
                "kind": "allegation",
                "id": "a1",
                "source": "gaza-officials",
                "accused": "Israel",
                "act": "strikes-on-civilians",
                "evidence": "under-investigation",
            },
        ],
        "figures": {0: "c1:killed"},
    },
    "rf08": {
        "records": [
            {
                "kind": "materiel-loss",
                "id": "m1",
                "source": "weapons-tracker",
                "party": "Ukraine",
                "fate": "abandoned",
                "equipment": {
                    "Leopard 2A6": "1",
                    "M2 Bradleys": {"total": "4", "parts": {"damaged": "3"}},
                    "BMR-2 Mine-Clearing Tank": "1",
                },
            },
        ],
        "figures": {
            0: "m1:equipment.Leopard 2A6",
            1: "m1:equipment.M2 Bradleys",
            2: "m1:equipment.M2 Bradleys.parts.damaged",
            3: "m1:equipment.BMR-2 Mine-Clearing Tank",
        },
    },
    "rf60": {
        "records": [
            {
                "kind": "casualty-report",
                "id": "c1",
                "source": "gaza-authorities",
                "party": "Palestinians",
                "killed": "Two Palestinians",
            },
            {
                "kind": "allegation",
                "id": "a1",
                "source": "gaza-authorities",
                "accused": "Israel",
                "act": "strikes-on-civilians",
                "evidence": "denied",
                "denied_by": ["israel-military"],
            },
        ],
        "figures": {0: "c1:killed"},
    },
    "rf13": {
        "records": [
            {
                "kind": "casualty-report",
                "id": "c1",
                "source": "pentagon",
                "party": "Russia",
                "population": "military",
                "status": "assessed",
                "killed_and_wounded": "between 70,000 and 80,000 casualties",
            },
        ],
        "figures": {0: "c1:killed_and_wounded"},
    },
    "rf72": {
        "records": [
            {
                "kind": "territorial-claim",
                "id": "t1",
                "source": "syrskyi",
                "controller": "Ukraine",
                "area": "444 square miles",
                "settlements": {
                    "value": 82,
                    "unit": "settlements",
                    "text": "82 villages and towns",
                },
            },
        ],
        "figures": {0: "t1:area", 1: "t1:settlements"},
    },
    "rf37": {
        "records": [
            {
                "kind": "territorial-claim",
                "id": "t1",
                "source": "rudskoi",
                "controller": "Russia",
                "predicate": "recaptured",
                "area": "More than 800 square kilometers [309 square miles]",
                "share_of": {
                    "percent": "about 64%",
                    "whole": "the territory Ukraine initially occupied",
                },
            },
        ],
        "figures": {0: "t1:area", 1: "t1:area~0", 2: "t1:share_of.percent"},
    },
    "rf48": {
        "records": [
            {
                "kind": "materiel-loss",
                "id": "m1",
                "source": "ua-gs",
                "party": "Russia",
                "fate": "destroyed",
                "equipment": {"drones": "58"},
                "within": {"record": "l2", "field": "value"},
            },
            {
                "kind": "measurement",
                "id": "l2",
                "source": "ua-gs",
                "measure": "drones-launched",
                "of": "Russia's attack",
                "value": "59 drones",
                "revises": "l1",
            },
            {
                "kind": "measurement",
                "id": "l1",
                "source": "ua-air-force",
                "measure": "drones-launched",
                "of": "Russia's attack",
                "value": {"value": 54, "unit": "drones", "text": "a record 54 drones"},
            },
        ],
        "figures": {0: "m1:equipment.drones", 1: "l2:value", 2: "l1:value"},
    },
    "rf61": {
        "records": [
            {
                "kind": "casualty-report",
                "id": "c1",
                "source": "who",
                "status": "assessed",
                "killed": "more than 450 people",
            },
            {
                "kind": "allegation",
                "id": "a1",
                "source": "who",
                "accused": "RSF",
                "act": "strikes-on-civilians",
                "evidence": "denied",
                "denied_by": ["rsf"],
            },
        ],
        "figures": {0: "c1:killed"},
    },
    "rf68": {
        "records": [
            {
                "kind": "materiel-loss",
                "id": "m1",
                "source": "ua-military",
                "party": "Russia",
                "equipment": {"tanks": "2,049 Russian tanks"},
            },
        ],
        "figures": {0: "m1:equipment.tanks"},
    },
    "rf22": {
        "records": [
            {
                "kind": "measurement",
                "id": "m1",
                "source": "reporter",
                "measure": "population",
                "of": "Belgorod",
                "value": "about 340,000 inhabitants",
            },
        ],
        "figures": {0: "m1:value"},
    },
    "rf54": {
        "records": [
            {
                "kind": "casualty-report",
                "id": "c1",
                "source": "emergencies-ministry",
                "population": "civilian",
                "displaced": {
                    "total": "more than 10,000 people",
                    "parts": {"children": "2,700 children"},
                },
            },
            {
                "kind": "measurement",
                "id": "m2",
                "source": "emergencies-ministry",
                "measure": "temporary-accommodation-points",
                "of": "Kursk region",
                "value": "200 temporary accommodation points",
            },
        ],
        "figures": {0: "c1:displaced", 1: "c1:displaced.parts.children", 2: "m2:value"},
    },
    "rf16": {
        "records": [
            {
                "kind": "casualty-report",
                "id": "c1",
                "source": "bbc-mediazona",
                "party": "Russia",
                "status": "assessed",
                "killed": "about 45,000 people",
                "losses": "203,000",
            },
        ],
        "figures": {0: "c1:killed", 1: "c1:losses"},
    },
    "rf24": {
        "records": [
            {
                "kind": "measurement",
                "id": "m1",
                "source": "reporter",
                "as_of": "2024-08-06",
                "measure": "force-size",
                "of": "Ukraine's force entering Kursk",
                "value": "up to 1,000 soldiers",
            },
        ],
        "figures": {0: "m1:value"},
    },
    "rf66": {
        "records": [
            {
                "kind": "casualty-report",
                "id": "c1",
                "source": "gaza-moh",
                "group": "children",
                "killed": "18,592 children",
            },
            {
                "kind": "casualty-report",
                "id": "c2",
                "source": "gaza-moh",
                "group": "women",
                "killed": "9,782 women",
            },
            {
                "kind": "allegation",
                "id": "a1",
                "source": "gaza-moh",
                "accused": "Israel",
                "act": "strikes-on-civilians",
                "evidence": "disputed",
                "denied_by": ["israel"],
            },
        ],
        "figures": {0: "c1:killed", 1: "c2:killed"},
    },
    "rf27": {
        "records": [
            {
                "kind": "measurement",
                "id": "m1",
                "source": "gladkov",
                "measure": "planned-evacuation",
                "of": "children of Belgorod",
                "value": {
                    "total": "Around 9,000 children",
                    "parts": {"first group": "1,200 children"},
                },
            },
        ],
        "figures": {0: "m1:value", 1: "m1:value.parts.first group"},
    },
    "rf65": {
        "records": [
            {
                "kind": "casualty-report",
                "id": "c1",
                "source": "reports",
                "population": "civilian",
                "killed": "as many as 16 civilians",
            },
            {
                "kind": "allegation",
                "id": "a1",
                "source": "reports",
                "accused": "United States",
                "act": "strikes-on-civilians",
                "evidence": "denied",
                "denied_by": ["us-military"],
            },
        ],
        "figures": {0: "c1:killed"},
    },
    "rf58": {
        "records": [
            {
                "kind": "casualty-report",
                "id": "c1",
                "source": "ramallah-moh",
                "party": "Palestinians",
                "killed": "about 18,800 Palestinians",
            },
            {
                "kind": "casualty-report",
                "id": "c2",
                "source": "ramallah-moh",
                "party": "Palestinians",
                "group": "women and children",
                "share_of": {
                    "figure": "killed",
                    "record": "c1",
                    "field": "killed",
                    "percent": "70%",
                },
            },
        ],
        "figures": {0: "c1:killed", 1: "c2:share_of.percent"},
    },
    "rf07": {
        "records": [
            {
                "kind": "casualty-report",
                "id": "c1",
                "source": "ru-mod",
                "party": "Ukraine",
                "population": "military",
                "losses": "more than 250 servicepeople",
            },
            {
                "kind": "materiel-loss",
                "id": "m1",
                "source": "ru-mod",
                "party": "Ukraine",
                "fate": "destroyed",
                "equipment": {
                    "tanks": "1",
                    "IFVs": "1",
                    "armored combat vehicles": "2",
                    "cars": "2",
                    "mortars": "4",
                },
            },
        ],
        "figures": {
            0: "c1:losses",
            1: "m1:equipment.tanks",
            2: "m1:equipment.IFVs",
            3: "m1:equipment.armored combat vehicles",
            4: "m1:equipment.cars",
            5: "m1:equipment.mortars",
        },
    },
    "rf56": {
        "records": [
            {
                "kind": "casualty-report",
                "id": "c1",
                "source": "gaza-health",
                "killed": {"total": "49 people", "parts": {"children": "19 children"}},
                "wounded": "360 others",
            },
        ],
        "figures": {0: "c1:killed", 1: "c1:killed.parts.children", 2: "c1:wounded"},
    },
    "rf39": {
        "records": [
            {
                "kind": "measurement",
                "id": "m1",
                "source": "unrwa",
                "measure": "population",
                "of": "Gaza",
                "value": "2.3 million",
            },
            {
                "kind": "casualty-report",
                "id": "c1",
                "source": "unrwa",
                "share_of": {
                    "figure": "displaced",
                    "record": "m1",
                    "field": "value",
                    "percent": "almost 90 percent",
                },
            },
        ],
        "figures": {0: "c1:share_of.percent", 1: "m1:value"},
    },
    "rf28": {
        "records": [
            {
                "kind": "measurement",
                "id": "m1",
                "source": "reporter",
                "measure": "distance",
                "of": "Kharkiv to the Russian border",
                "value": "less than 30 kilometers",
            },
        ],
        "figures": {0: "m1:value"},
    },
    "rf29": {
        "records": [
            {
                "kind": "measurement",
                "id": "m1",
                "source": "lytvynenko",
                "measure": "force-size",
                "of": "Russian troops attacking in Kharkiv Oblast",
                "value": "More than 30,000 Russian troops",
            },
        ],
        "figures": {0: "m1:value"},
    },
    "rf17": {
        "records": [
            {
                "kind": "casualty-report",
                "id": "c1",
                "source": "lebanon-moh",
                "killed": "at least 558 people",
                "wounded": "more than 1,835",
            },
        ],
        "figures": {0: "c1:killed", 1: "c1:wounded"},
    },
    "rf64": {
        "records": [
            {
                "kind": "casualty-report",
                "id": "c1",
                "source": "ua-authorities",
                "population": "civilian",
                "killed": "at least 41 civilian deaths",
            },
            {
                "kind": "allegation",
                "id": "a1",
                "source": "ua-authorities",
                "accused": "Russia",
                "act": "strikes-on-civilians",
                "evidence": "denied",
                "denied_by": ["kremlin"],
            },
        ],
        "figures": {0: "c1:killed"},
    },
    "rf19": {
        "records": [
            {
                "kind": "measurement",
                "id": "m1",
                "source": "reporter",
                "measure": "buildings-damaged",
                "value": "more than 40 buildings",
            },
            {
                "kind": "measurement",
                "id": "m2",
                "source": "reporter",
                "measure": "vehicles-damaged",
                "value": "60 vehicles",
            },
            {
                "kind": "casualty-report",
                "id": "c1",
                "source": "reporter",
                "killed": "25 people",
                "wounded": "over 100 others",
            },
        ],
        "figures": {0: "m1:value", 1: "m2:value", 2: "c1:killed", 3: "c1:wounded"},
    },
    "rf12": {
        "records": [
            {
                "kind": "casualty-report",
                "id": "c1",
                "source": "nato",
                "party": "Russia",
                "population": "military",
                "status": "assessed",
                "losses": "between 30,000 and 40,000 battlefield casualties",
                "killed": "between 7,000 and 15,000 killed",
            },
        ],
        "figures": {0: "c1:losses", 1: "c1:killed"},
    },
    "rf15": {
        "records": [
            {
                "kind": "casualty-report",
                "id": "c1",
                "source": "pentagon",
                "party": "Russia",
                "population": "military",
                "status": "assessed",
                "killed_and_wounded": "more than 600,000 casualties",
            },
        ],
        "figures": {0: "c1:killed_and_wounded"},
    },
    "rf02": {
        "records": [
            {
                "kind": "materiel-loss",
                "id": "m1",
                "source": "ua-gs",
                "party": "Russia",
                "equipment": {"tanks": {"total": "7,834", "change": "+6"}},
            },
        ],
        "figures": {0: "m1:equipment.tanks"},
    },
    "rf31": {
        "records": [
            {
                "kind": "measurement",
                "id": "m1",
                "source": "officials",
                "measure": "applications-processed",
                "value": {"total": "815 applications", "tally": "cumulative"},
            },
            {
                "kind": "measurement",
                "id": "m2",
                "source": "officials",
                "measure": "settlements-of-applicants",
                "value": "82 settlements",
            },
        ],
        "figures": {0: "m1:value", 1: "m2:value"},
    },
    "rf01": {
        "records": [
            {
                "kind": "casualty-report",
                "id": "c1",
                "source": "ru-mod",
                "party": "Ukraine",
                "population": "military",
                "losses": "more than 9,300 servicepeople",
            },
            {
                "kind": "materiel-loss",
                "id": "m1",
                "source": "ru-mod",
                "party": "Ukraine",
                "equipment": {
                    "tanks": "80 tanks",
                    "infantry fighting vehicles": "38",
                    "armored personnel carriers": "70",
                    "armored combat vehicles": "561",
                },
            },
        ],
        "figures": {
            0: "c1:losses",
            1: "m1:equipment.tanks",
            2: "m1:equipment.infantry fighting vehicles",
            3: "m1:equipment.armored personnel carriers",
            4: "m1:equipment.armored combat vehicles",
        },
    },
}
