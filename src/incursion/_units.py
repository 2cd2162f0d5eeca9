"""Unit words as news text writes them, our count units, and the canonical unit table.

pint is used at the edges only: a unit word is resolved once, through a cache, to a
:class:`UnitInfo` that carries the pint unit name, the dimension key and the factor to the
canonical unit of that dimension.  Estimates then work in plain floats.
"""

from __future__ import annotations

import contextlib
import re
import threading
from functools import lru_cache
from typing import Any, Final

import attrs
import pint

from incursion.exceptions import UnitError, _quote

__all__ = [
    "CANONICAL_UNITS",
    "COUNT_UNITS",
    "UnitInfo",
    "install_units",
    "lookup_unit",
    "plural",
    "registry",
    "unit_object",
]

#: Each counted thing, a dimension of its own, with the nouns news text uses for it.
COUNT_UNITS: Final[dict[str, tuple[str, ...]]] = {
    "person": (
        "persons",
        "people",
        "civilian",
        "civilians",
        "resident",
        "residents",
        "soldier",
        "soldiers",
        "troop",
        "troops",
        "child",
        "children",
        "adult",
        "adults",
        "man",
        "men",
        "woman",
        "women",
        "casualty",
        "casualties",
        "serviceman",
        "servicemen",
        "fighter",
        "fighters",
        "prisoner",
        "prisoners",
        "refugee",
        "refugees",
        "evacuee",
        "evacuees",
        "inhabitant",
        "inhabitants",
        "individual",
        "individuals",
        "personnel",
        "minor",
        "minors",
        "hostage",
        "hostages",
        "pow",
        "pows",
        "prisoner_of_war",
        "prisoners_of_war",
        "dead",
        "killed",
        "injured",
        "wounded",
        "detainee",
        "detainees",
        "death",
        "deaths",
        "victim",
        "victims",
        "missing",
        "displaced",
        "journalist",
        "journalists",
        "officer",
        "officers",
        "conscript",
        "conscripts",
        "mercenary",
        "mercenaries",
        "volunteer",
        "volunteers",
        "recruit",
        "recruits",
        "militant",
        "militants",
        "insurgent",
        "insurgents",
        "combatant",
        "combatants",
        "marines",
        "paratrooper",
        "paratroopers",
        "sailor",
        "sailors",
        "pilot",
        "pilots",
        "medic",
        "medics",
        "doctor",
        "doctors",
        "patient",
        "patients",
        "worker",
        "workers",
        "student",
        "students",
        "migrant",
        "migrants",
        "captive",
        "captives",
        "convict",
        "convicts",
        "reservist",
        "reservists",
        "staff",
        "boy",
        "boys",
        "girl",
        "girls",
        "baby",
        "babies",
        "infant",
        "infants",
        "fatality",
        "fatalities",
        "body",
        "bodies",
        "gunman",
        "gunmen",
        "rebel",
        "rebels",
        "terrorist",
        "terrorists",
        "settler",
        "settlers",
        "protester",
        "protesters",
        "protestor",
        "protestors",
        "foreigner",
        "foreigners",
        "idp",
        "idps",
        "national",
        "nationals",
        "citizen",
        "citizens",
        "crewman",
        "crewmen",
        "crew_member",
        "crew_members",
        "rohingya",
        "militiaman",
        "militiamen",
        "guard",
        "guards",
        "paramedic",
        "paramedics",
        "nurse",
        "nurses",
        "teacher",
        "teachers",
        "service_member",
        "service_members",
        "servicemember",
        "servicemembers",
    ),
    "settlement": (
        "settlements",
        "village",
        "villages",
        "town",
        "towns",
        "locality",
        "localities",
        "hamlet",
        "hamlets",
        "city",
        "cities",
    ),
    "strike": (
        "strikes",
        "attack",
        "attacks",
        "airstrike",
        "airstrikes",
        "shelling",
        "shellings",
        "bombardment",
        "bombardments",
        "raid",
        "raids",
        "bombing",
        "bombings",
        "assault",
        "assaults",
        "counterattack",
        "counterattacks",
        "counter_attack",
        "counter_attacks",
    ),
    "vehicle": (
        "vehicles",
        "armoured_vehicle",
        "armoured_vehicles",
        "armored_vehicle",
        "armored_vehicles",
        "apc",
        "apcs",
        "truck",
        "trucks",
        "lorry",
        "lorries",
        "personnel_carrier",
        "personnel_carriers",
        "ifv",
        "ifvs",
        "car",
        "cars",
        "bus",
        "buses",
        "pickup",
        "pickups",
        "bmp",
        "bmps",
        "humvee",
        "humvees",
        "jeep",
        "jeeps",
        "bradley",
        "bradleys",
        "stryker",
        "strykers",
    ),
    "tank": ("tanks", "leopard", "leopards", "abrams"),
    "drone": (
        "drones",
        "uav",
        "uavs",
        "unmanned_aerial_vehicle",
        "unmanned_aerial_vehicles",
        "unmanned_aircraft",
        "shahed",
        "shaheds",
        "geran",
        "gerans",
        "lancet",
        "lancets",
    ),
    "missile": (
        "missiles",
        "rocket",
        "rockets",
        "interceptor",
        "interceptors",
        "atacms",
        "kinzhal",
        "kinzhals",
        "iskander",
        "iskanders",
        "kalibr",
        "kalibrs",
    ),
    "bomb": ("bombs", "glide_bomb", "glide_bombs", "aerial_bomb", "aerial_bombs"),
    "aircraft": (
        "aircrafts",
        "plane",
        "planes",
        "jet",
        "jets",
        "fighter_jet",
        "fighter_jets",
        "f_16",
        "f_16s",
        "bomber",
        "bombers",
        "helicopter",
        "helicopters",
        "warplane",
        "warplanes",
        "airplane",
        "airplanes",
    ),
    "building": (
        "buildings",
        "house",
        "houses",
        "home",
        "homes",
        "apartment_block",
        "apartment_blocks",
        "school",
        "schools",
        "hospital",
        "hospitals",
        "structure",
        "structures",
        "mosque",
        "mosques",
        "church",
        "churches",
        "shelter",
        "shelters",
    ),
    "ship": (
        "ships",
        "vessel",
        "vessels",
        "warship",
        "warships",
        "boat",
        "boats",
        "frigate",
        "frigates",
        "submarine",
        "submarines",
        "corvette",
        "corvettes",
        "destroyer",
        "destroyers",
        "cruiser",
        "cruisers",
        "landing_ship",
        "landing_ships",
    ),
    "artillery": (
        "howitzer",
        "howitzers",
        "artillery_piece",
        "artillery_pieces",
        "artillery_system",
        "artillery_systems",
        "launcher",
        "launchers",
        "rocket_launcher",
        "rocket_launchers",
        "rocket_system",
        "rocket_systems",
        "mlrs",
    ),
    "shell": (
        "shells",
        "artillery_shell",
        "artillery_shells",
        "artillery_round",
        "artillery_rounds",
        "mortar_round",
        "mortar_rounds",
        "mortar_shell",
        "mortar_shells",
        "projectile",
        "projectiles",
        "munition",
        "munitions",
    ),
}

#: The canonical unit of each dimension key; estimates keep their bounds in these units.
CANONICAL_UNITS: Final[dict[str, str]] = {
    "area": "kilometer ** 2",
    "length": "kilometer",
    "mass": "kilogram",
    "duration": "day",
    "speed": "kilometer / day",
    "ratio": "dimensionless",
    "number": "dimensionless",
    **{name: name for name in COUNT_UNITS},
}

_DIMENSION_KEYS: Final[dict[str, str]] = {
    "[length] ** 2": "area",
    "[length]": "length",
    "[mass]": "mass",
    "[time]": "duration",
    "[length] / [time]": "speed",
    **{f"[{name}]": name for name in COUNT_UNITS},
}

# News spellings of the units pint knows under another name.  Keys are lower case with
# single spaces; the values are pint unit names.
_LENGTHS: Final[dict[str, str]] = {
    "kilometre": "kilometer",
    "kilometres": "kilometer",
    "kilometer": "kilometer",
    "kilometers": "kilometer",
    "km": "kilometer",
    "kms": "kilometer",
    "metre": "meter",
    "metres": "meter",
    "meter": "meter",
    "meters": "meter",
    "m": "meter",
    "mile": "mile",
    "miles": "mile",
    "mi": "mile",
    "yard": "yard",
    "yards": "yard",
    "yd": "yard",
    "foot": "foot",
    "feet": "foot",
    "ft": "foot",
    "nautical mile": "nautical_mile",
    "nm": "nautical_mile",
    "nmi": "nautical_mile",
    "centimetre": "centimeter",
    "centimetres": "centimeter",
    "centimeter": "centimeter",
    "centimeters": "centimeter",
    "cm": "centimeter",
    "millimetre": "millimeter",
    "millimetres": "millimeter",
    "millimeter": "millimeter",
    "millimeters": "millimeter",
    "mm": "millimeter",
    "nautical miles": "nautical_mile",
}
_OTHERS: Final[dict[str, str]] = {
    "hectare": "hectare",
    "hectares": "hectare",
    "ha": "hectare",
    "acre": "acre",
    "acres": "acre",
    "kilogram": "kilogram",
    "kilograms": "kilogram",
    "kilogramme": "kilogram",
    "kilogrammes": "kilogram",
    "kg": "kilogram",
    "kgs": "kilogram",
    "kilo": "kilogram",
    "kilos": "kilogram",
    "gram": "gram",
    "grams": "gram",
    "g": "gram",
    "pound": "pound",
    "pounds": "pound",
    "lb": "pound",
    "lbs": "pound",
    "tonne": "metric_ton",
    "tonnes": "metric_ton",
    "metric ton": "metric_ton",
    "metric tons": "metric_ton",
    "ton": "ton",  # the US (short) ton of 2,000 pounds, as US reports write "tons"
    "tons": "ton",
    "t": "metric_ton",
    "day": "day",
    "days": "day",
    "week": "week",
    "weeks": "week",
    "month": "month",
    "months": "month",
    "year": "year",
    "years": "year",
    "hour": "hour",
    "hours": "hour",
    "hr": "hour",
    "hrs": "hour",
    "percent": "percent",
    "per cent": "percent",
    "%": "percent",
    "pct": "percent",
    "km/h": "kilometer / hour",
    "kph": "kilometer / hour",
    "mph": "mile / hour",
    "knot": "knot",
    "knots": "knot",
}
_TIMES: Final[dict[str, str]] = {"day": "day", "hour": "hour", "h": "hour", "week": "week"}
_RATE = re.compile(r"^(?P<length>.+?)\s*(?:\ba\b|\bper\b|/|\ban\b)\s*(?P<time>day|hour|h|week)$")
_SQUARE_PREFIX = re.compile(r"^(?:square|sq\.?)\s*(?P<rest>.+)$")
_SQUARE_SUFFIX = re.compile(r"^(?P<rest>[a-z. ]+?)\s*(?:2|²|\^2|\*\*\s*2)$")
_MAX_UNIT_LENGTH: Final = 60

_install_lock = threading.Lock()
# Set on a registry once our units are in it: a mark on the object itself, so that a new
# registry that happens to reuse a freed one's memory is never mistaken for it.
_MARK: Final = "_incursion_count_units"


def registry() -> Any:
    """Return the application registry with our count units installed.

    Called at use time, never cached: the host may replace the application registry.
    """
    reg: Any = pint.get_application_registry()  # type: ignore[no-untyped-call]
    install_units(reg)
    return reg


def install_units(reg: Any = None) -> None:
    """Install our count units into a pint registry; calling it again does nothing.

    Each counted thing (person, settlement, strike, vehicle, tank, drone, missile,
    aircraft, building, ship, artillery, shell) becomes a base unit of a dimension of its
    own, with the nouns news text uses for it (``people``, ``civilians``, ``villages``, …)
    as aliases, so that 28 settlements can never be compared with 121,000 people.

    Args:
        reg: A pint registry; the application registry when omitted.

    .. versionadded:: 0.1.0
    """
    if reg is None:
        reg = pint.get_application_registry()  # type: ignore[no-untyped-call]
    target = reg.get() if hasattr(reg, "get") else reg  # the registry behind a proxy
    if getattr(target, _MARK, False):
        return
    with _install_lock:
        if getattr(target, _MARK, False):
            return
        for name, nouns in COUNT_UNITS.items():
            if name in reg:
                continue
            aliases = " = ".join(n for n in nouns if n not in reg)
            reg.define(f"{name} = [{name}] = _" + (f" = {aliases}" if aliases else ""))
        # A registry that takes no attributes is checked by name next time.
        with contextlib.suppress(AttributeError):
            setattr(target, _MARK, True)


def unit_object(name: str) -> Any:
    """The pint ``Unit`` called ``name`` in the application registry, parsed once.

    A ``Quantity`` built from a cached ``Unit`` costs a few microseconds; from a unit
    string, tens.  The cache is per registry: a host that swaps the application registry
    gets units of the new one.
    """
    reg = registry()
    target = reg.get() if hasattr(reg, "get") else reg
    key = (id(target), name)
    unit = _UNITS.get(key)
    if unit is None or _UNIT_REGISTRY.get(id(target)) is not target:
        unit = reg.Unit(name)
        _UNIT_REGISTRY[id(target)] = target
        _UNITS[key] = unit
    return unit


_UNITS: dict[tuple[int, str], Any] = {}
_SYMBOLS: dict[str, str] = {}
_UNIT_REGISTRY: dict[int, Any] = {}


@attrs.frozen
class UnitInfo:
    """A resolved unit: its pint name, its dimension key and its factor to canonical.

    Attributes:
        name: The pint unit name (``"kilometer ** 2"``), or ``""`` for a bare number.
        dimension: The dimension key (``"area"``, ``"length"``, ``"person"``, …).
        factor: Multiply a magnitude in this unit by it to get the canonical unit.
        count: Whether the unit counts discrete things (so intervals have integer ends).
    """

    name: str
    dimension: str
    factor: float
    count: bool

    @property
    def symbol(self) -> str:
        """The short symbol of the unit (``"km²"``) for messages."""
        if not self.name:
            return ""
        symbol = _SYMBOLS.get(self.name)
        if symbol is None:
            symbol = _SYMBOLS[self.name] = f"{unit_object(self.name):~P}"
        return symbol


NUMBER = UnitInfo(name="", dimension="number", factor=1.0, count=False)


def lookup_unit(word: str) -> UnitInfo:
    """Resolve a unit word as news text writes it (``"sq km"``, ``"miles"``, ``"km²"``).

    Raises:
        UnitError: The word is not a unit we know.
    """
    info = _FAST.get(word)
    if info is None:
        if not isinstance(word, str):
            raise UnitError(f"expected a unit word, got {word!r:.60}")
        info = _lookup(word.strip().lower())
        if len(_FAST) < 4096:
            _FAST[word] = info
            _FAST.setdefault(info.name, info)
    return info


_FAST: dict[str, UnitInfo] = {}


@lru_cache(maxsize=4096)
def _lookup(word: str) -> UnitInfo:
    if not word:
        return NUMBER
    if len(word) > _MAX_UNIT_LENGTH:
        raise UnitError(f"unknown unit {_quote(word)}: longer than any unit name")
    name = _pint_name(" ".join(word.replace("-", " ").split()))
    if name is None:
        raise UnitError(f"unknown unit {_quote(word)}")
    return _resolve(name, word)


def _pint_name(word: str) -> str | None:
    for table in (_LENGTHS, _OTHERS):
        if word in table:
            return table[word]
    for pattern in (_SQUARE_PREFIX, _SQUARE_SUFFIX):
        match = pattern.match(word)
        if match and match["rest"].strip(". ") in _LENGTHS:
            return f"{_LENGTHS[match['rest'].strip('. ')]} ** 2"
    if word in ("sqkm", "sqmi"):
        return f"{_LENGTHS[word[2:]]} ** 2"
    rate = _RATE.match(word)
    if rate and rate["length"] in _LENGTHS:  # "30 kilometres a day", "5 km/h"
        return f"{_LENGTHS[rate['length']]} / {_TIMES[rate['time']]}"
    name = _COUNT_NOUNS.get(word) or _COUNT_NOUNS.get(word.replace(" ", "_"))
    if name is not None:
        return name
    # pint's names of the units above, as our documents write them ("kilometer ** 2",
    # "metric_ton"); no other pint name: English words such as "point", "hand" or
    # "stone" are units to pint, and short symbols ("B", "a") are misreadings waiting.
    if word in _PINT_NAMES:
        return word
    return None


_COUNT_NOUNS: Final[dict[str, str]] = {
    noun: name for name, nouns in COUNT_UNITS.items() for noun in (name, *nouns)
}
_PINT_NAMES: Final = frozenset(
    {*_LENGTHS.values(), *_OTHERS.values()}
    | {f"{name} ** 2" for name in _LENGTHS.values()}
    | {f"{name} / {time}" for name in _LENGTHS.values() for time in ("day", "hour", "week")}
)


def _resolve(name: str, word: str) -> UnitInfo:
    reg = registry()
    try:
        unit = reg.Unit(name)
    except (pint.errors.PintError, AttributeError, TypeError, ValueError, SyntaxError):
        raise UnitError(f"unknown unit {_quote(word)}") from None
    dims = str(unit.dimensionality)
    if unit.dimensionless:
        dimension = "ratio"
    elif dims in _DIMENSION_KEYS:
        dimension = _DIMENSION_KEYS[dims]
    else:
        raise UnitError(f"unit {_quote(word)} measures {dims}, which no figure of ours has")
    canonical = CANONICAL_UNITS[dimension]
    factor = float(reg.Quantity(1.0, unit).to(canonical).magnitude)
    return UnitInfo(
        name=str(unit), dimension=dimension, factor=factor, count=dimension in COUNT_UNITS
    )


def plural(name: str) -> str:
    """The plural noun of a count unit, for messages: ``"people"``, ``"aircraft"``."""
    return _PLURALS.get(name, f"{name}s")


_PLURALS: Final[dict[str, str]] = {
    "person": "people",
    "aircraft": "aircraft",
    "artillery": "artillery pieces",
}


def describe_dimension(dimension: str) -> str:
    """Name a dimension key for a message: ``"an area"``, ``"a count of people"``."""
    return _DESCRIPTIONS.get(dimension, f"a count of {plural(dimension)}")


_DESCRIPTIONS: Final[dict[str, str]] = {
    "area": "an area",
    "length": "a length",
    "mass": "a mass",
    "duration": "a duration",
    "speed": "a speed",
    "ratio": "a ratio",
    "number": "a bare number",
    "person": "a count of people",
}
