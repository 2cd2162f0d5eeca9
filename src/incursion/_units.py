"""Unit words as news text writes them, our count units, and the canonical unit table.

pint is used at the edges only: a unit word is resolved once, through a cache, to a
:class:`UnitInfo` that carries the pint unit name, the dimension key and the factor to the
canonical unit of that dimension.  Estimates then work in plain floats.
"""

from __future__ import annotations

import contextlib
import json
import re
import threading
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any, Final

import attrs

from incursion._validation import quoted
from incursion.exceptions import IncursionError, UnitError

__all__ = [
    "CANONICAL_UNITS",
    "COUNT_UNITS",
    "MEASURED",
    "ONE_OF",
    "WITHIN",
    "UnitInfo",
    "broader",
    "canonical_unit",
    "install_units",
    "is_count_dimension",
    "lookup_unit",
    "open_count",
    "plural",
    "registry",
    "resolve_unit",
    "unit_object",
    "unit_or_none",
    "within",
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
        "truck",
        "trucks",
        "lorry",
        "lorries",
        "car",
        "cars",
        "bus",
        "buses",
        "pickup",
        "pickups",
        "humvee",
        "humvees",
        "jeep",
        "jeeps",
        "military_vehicle",
        "military_vehicles",
    ),
    "armoured_vehicle": (
        "armoured_vehicles",
        "armored_vehicle",
        "armored_vehicles",
        "afv",
        "afvs",
        "apv",
        "apvs",
        "armoured_fighting_vehicle",
        "armoured_fighting_vehicles",
        "armored_fighting_vehicle",
        "armored_fighting_vehicles",
        "armoured_combat_vehicle",
        "armoured_combat_vehicles",
        "armored_combat_vehicle",
        "armored_combat_vehicles",
        "armoured_personnel_vehicle",
        "armoured_personnel_vehicles",
        "armored_personnel_vehicle",
        "armored_personnel_vehicles",
    ),
    "tank": ("tanks", "leopard", "leopards", "abrams", "main_battle_tank", "main_battle_tanks"),
    "infantry_fighting_vehicle": (
        "ifv",
        "ifvs",
        "infantry_fighting_vehicles",
        "bmp",
        "bmps",
        "bradley",
        "bradleys",
    ),
    "armoured_personnel_carrier": (
        "apc",
        "apcs",
        "personnel_carrier",
        "personnel_carriers",
        "armoured_personnel_carriers",
        "armored_personnel_carrier",
        "armored_personnel_carriers",
        "btr",
        "btrs",
        "stryker",
        "strykers",
        "mrap",
        "mraps",
    ),
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
        "warplane",
        "warplanes",
        "airplane",
        "airplanes",
    ),
    "helicopter": ("helicopters", "chopper", "choppers", "gunship", "gunships"),
    "air_defence_system": (
        "air_defence_systems",
        "air_defense_system",
        "air_defense_systems",
        "air_defence",
        "air_defense",
        "anti_aircraft_system",
        "anti_aircraft_systems",
        "anti_aircraft_missile_system",
        "anti_aircraft_missile_systems",
        "sam_system",
        "sam_systems",
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
        "artillery_gun",
        "artillery_guns",
        "field_artillery_gun",
        "field_artillery_guns",
    ),
    "mlrs": (
        "rocket_launcher",
        "rocket_launchers",
        "rocket_system",
        "rocket_systems",
        "multiple_rocket_launcher",
        "multiple_rocket_launchers",
        "multiple_launch_rocket_system",
        "multiple_launch_rocket_systems",
        "multiple_rocket_launch_system",
        "multiple_rocket_launch_systems",
        "himars",
        "grad",
        "grads",
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

#: Counted things that are kinds of another: a tank is an armoured vehicle, which is a
#: vehicle.  A count of the narrower kind may be a part of a count of the wider one.
WITHIN: Final[dict[str, str]] = {
    "tank": "armoured_vehicle",
    "infantry_fighting_vehicle": "armoured_vehicle",
    "armoured_personnel_carrier": "armoured_vehicle",
    "armoured_vehicle": "vehicle",
    "mlrs": "artillery",
    "helicopter": "aircraft",
}


def broader(dimension: str) -> tuple[str, ...]:
    """The kinds a counted thing belongs to, nearest first (``tank``: armoured vehicle, …)."""
    chain = []
    while (dimension := WITHIN.get(dimension, "")) and dimension not in chain:
        chain.append(dimension)
    return tuple(chain)


def within(narrow: str, wide: str) -> bool:
    """Whether a figure of dimension ``narrow`` can be part of one of ``wide``."""
    return narrow == wide or wide in broader(narrow)


#: The canonical unit of each dimension key; estimates keep their bounds in these units.
#: A counted noun outside :data:`COUNT_UNITS` is its own (:func:`canonical_unit`).
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
    "night": "day",  # "over two nights": a duration of two days' nights
    "nights": "day",
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
    "minute": "minute",
    "minutes": "minute",
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
    import pint  # noqa: PLC0415 - loaded when first needed: most documents never need it

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
        import pint  # noqa: PLC0415 - see registry()

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
        if is_count_dimension(name) and name not in COUNT_UNITS:
            _define_noun(reg, name)
        unit = reg.Unit(name)
        _UNIT_REGISTRY[id(target)] = target
        _UNITS[key] = unit
    return unit


def _define_noun(reg: Any, name: str) -> None:
    """Define a counted noun outside the table in ``reg``, when a quantity of it is built.

    Its dimension is named apart from pint's own (``[noun_time]``, never ``[time]``).
    """
    with _install_lock:
        if name not in reg:  # a unit pint knows ("mile") stays a unit of measure
            _NOUNS_DEFINED.add(name)
            reg.define(f"{name} = [noun_{name}] = _")


# The counted nouns defined in some registry: pint knows them, but not as units of measure.
_NOUNS_DEFINED: set[str] = set()


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


def unit_or_none(words: str) -> UnitInfo | None:
    """The unit ``words`` name (see :func:`lookup_unit`), or ``None`` for no unit or none known.

    Misses are remembered too: readers of running text ask of most words, and most miss.
    """
    try:
        return _KNOWN_OR_NOT[words]
    except KeyError:
        pass
    try:
        info: UnitInfo | None = lookup_unit(words)
    except IncursionError:
        info = None
    if info is NUMBER:
        info = None
    if len(_KNOWN_OR_NOT) >= _KNOWN_OR_NOT_SIZE:
        _KNOWN_OR_NOT.clear()
    _KNOWN_OR_NOT[words] = info
    return info


_KNOWN_OR_NOT: dict[str, UnitInfo | None] = {}
_KNOWN_OR_NOT_SIZE: Final = 1 << 16


@lru_cache(maxsize=4096)
def _lookup(word: str) -> UnitInfo:
    if not word:
        return NUMBER
    if len(word) > _MAX_UNIT_LENGTH:
        raise UnitError(f"unknown unit {quoted(word)}: longer than any unit name")
    name = _pint_name(" ".join(word.replace("-", " ").split()))
    if name is None:
        raise UnitError(f"unknown unit {quoted(word)}")
    return _resolve(name, word)


def _pint_name(word: str) -> str | None:
    """The pint name of a unit word, by the first reading of :data:`_READINGS` that knows it."""
    for reading in _READINGS:
        name = reading(word)
        if name is not None:
            return name
    return None


def _named(word: str) -> str | None:
    """A unit word of the tables: "km", "tonnes", "days"."""
    return _LENGTHS.get(word) or _OTHERS.get(word)


def _squared(word: str) -> str | None:
    """A square of a length: "square kilometres", "sq mi", "km²", "sqkm"."""
    for pattern in (_SQUARE_PREFIX, _SQUARE_SUFFIX):
        match = pattern.match(word)
        if match and match["rest"].strip(". ") in _LENGTHS:
            return f"{_LENGTHS[match['rest'].strip('. ')]} ** 2"
    return f"{_LENGTHS[word[2:]]} ** 2" if word in ("sqkm", "sqmi") else None


def _per_time(word: str) -> str | None:
    """A length per time: "30 kilometres a day", "5 km/h"."""
    rate = _RATE.match(word)
    if rate and rate["length"] in _LENGTHS:
        return f"{_LENGTHS[rate['length']]} / {_TIMES[rate['time']]}"
    return None


def _counted(word: str) -> str | None:
    """A counted noun of the table: "civilians", "armoured vehicles"."""
    return _COUNT_NOUNS.get(word) or _COUNT_NOUNS.get(word.replace(" ", "_"))


def _pint_named(word: str) -> str | None:
    """Pint's names of the units above, as documents write them ("kilometer ** 2").

    No other pint name: English words such as "point", "hand" or "stone" are units to
    pint, and short symbols ("B", "a") are misreadings waiting.
    """
    return word if word in _PINT_NAMES else None


#: The units that "a" or "an" counts one of: "about a mile", "a tonne of flour".  Lengths,
#: areas and masses only, and only words that are seldom anything else: "a ton of", "a
#: pound", "a foot patrol", "a yard sale", "a meter reader" and "a day" are idioms, other
#: things or other measures more often than figures.
ONE_OF: Final = (
    "kilometre",
    "kilometer",
    "metre",
    "mile",
    "hectare",
    "acre",
    "square kilometre",
    "square kilometer",
    "square mile",
    "square metre",
    "square meter",
    "tonne",
    "kilogram",
)

#: How a unit word is read, in order: the first reading that knows it names its unit.
_READINGS: Final = (_named, _squared, _per_time, _counted, _pint_named)


_COUNT_NOUNS: Final[dict[str, str]] = {
    noun: name for name, nouns in COUNT_UNITS.items() for noun in (name, *nouns)
}
_PINT_NAMES: Final = frozenset(
    {*_LENGTHS.values(), *_OTHERS.values()}
    | {f"{name} ** 2" for name in _LENGTHS.values()}
    | {f"{name} / {time}" for name in _LENGTHS.values() for time in ("day", "hour", "week")}
)


def _resolve(name: str, word: str) -> UnitInfo:
    """The unit called ``name`` (written ``word``): from the shipped table, else from pint."""
    known = _SHIPPED.get(name)
    if known is not None:
        return known
    return _resolve_in_pint(name, word)


def _resolve_in_pint(name: str, word: str) -> UnitInfo:
    reg = registry()
    import pint  # noqa: PLC0415 - loaded by registry() above

    try:
        unit = reg.Unit(name)
    except (pint.errors.PintError, AttributeError, TypeError, ValueError, SyntaxError):
        raise UnitError(f"unknown unit {quoted(word)}") from None
    dims = str(unit.dimensionality)
    if unit.dimensionless:
        dimension = "ratio"
    elif dims in _DIMENSION_KEYS:
        dimension = _DIMENSION_KEYS[dims]
    else:
        raise UnitError(f"unit {quoted(word)} measures {dims}, which no figure of ours has")
    canonical = CANONICAL_UNITS[dimension]
    factor = float(reg.Quantity(1.0, unit).to(canonical).magnitude)
    return UnitInfo(
        name=str(unit), dimension=dimension, factor=factor, count=dimension in COUNT_UNITS
    )


def unit_table() -> dict[str, list[Any]]:
    """Every unit the tables name, as pint reads it.

    ``{name: [pint name, dimension, factor, symbol]}``.  ``incursion/data/units.json``
    ships this table, so that reading a document of the usual units never loads pint's
    definitions (a quarter of a second); a test holds the file to what pint says.
    Regenerate it with ``python -c "import incursion._units as u; u.write_unit_table()"``.
    """
    table = {}
    for name in sorted(_PINT_NAMES | COUNT_UNITS.keys()):
        info = _resolve_in_pint(name, name)
        table[name] = [info.name, info.dimension, info.factor, f"{unit_object(info.name):~P}"]
    return table


def write_unit_table() -> None:
    """Write :func:`unit_table` into the package's ``data/units.json``."""
    rows = [
        f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in unit_table().items()
    ]
    text = "{\n" + ",\n".join(rows) + "\n}\n"
    Path(__file__).with_name("data").joinpath(_TABLE_FILE).write_text(text, encoding="utf-8")


def _shipped() -> dict[str, UnitInfo]:
    """The shipped table of :func:`unit_table`, as unit readings (their symbols noted)."""
    text = files("incursion").joinpath("data", _TABLE_FILE).read_text(encoding="utf-8")
    table = {}
    for key, (name, dimension, factor, symbol) in json.loads(text).items():
        table[key] = UnitInfo(
            name=name, dimension=dimension, factor=factor, count=dimension in COUNT_UNITS
        )
        _SYMBOLS[name] = symbol
    return table


_TABLE_FILE: Final = "units.json"
_SHIPPED: Final = _shipped()


def plural(name: str) -> str:
    """The plural noun of a count unit, for messages: ``"people"``, ``"aircraft"``."""
    known = _PLURALS.get(name)
    if known is not None:
        return known
    return _plural_word(name.replace("_", " "))


def _plural_word(words: str) -> str:
    last = words.rsplit(" ", 1)[-1]
    if last in _IRREGULAR_PLURALS:  # "series", "goose": the irregulars, back again
        return words[: len(words) - len(last)] + _IRREGULAR_PLURALS[last]
    if words.endswith(("s", "x", "z", "ch", "sh")):
        return f"{words}es"
    if words.endswith("y") and words[-2:-1] not in ("a", "e", "o", "u"):
        return f"{words[:-1]}ies"
    return f"{words}s"


_PLURALS: Final[dict[str, str]] = {
    "person": "people",
    "aircraft": "aircraft",
    "artillery": "artillery pieces",
    "mlrs": "MLRS",
    "armoured_vehicle": "armoured vehicles",
    "air_defence_system": "air defence systems",
}


#: The dimensions that measure rather than count; every other dimension key counts things.
MEASURED: Final = frozenset(CANONICAL_UNITS.keys() - COUNT_UNITS.keys())


def is_count_dimension(dimension: str) -> bool:
    """Whether a dimension key counts discrete things (known or read as a counted noun)."""
    return dimension not in MEASURED


def canonical_unit(dimension: str) -> str:
    """The canonical unit of a dimension key; a counted noun is its own."""
    return CANONICAL_UNITS.get(dimension, dimension)


def resolve_unit(word: object) -> UnitInfo:
    """Resolve a unit word or name in a record: a known unit, else a counted noun of its own.

    ``"applications"`` (or the name ``"application"``) counts applications: a dimension of
    its own, compared only with itself.  Use :func:`lookup_unit` where only known units
    may be read (reading running text).

    Raises:
        UnitError: The word is neither a unit we know nor a plain noun.
    """
    try:
        return lookup_unit(word)  # type: ignore[arg-type] # it names what it refuses
    except UnitError:
        info = open_count(word) if isinstance(word, str) else None
        if info is None:
            raise
        return info


_NOUN_RE: Final = re.compile(r"[a-z]{3,30}(?:[ _][a-z]{2,30}){0,3}", re.ASCII)
_IRREGULAR: Final[dict[str, str]] = {
    "men": "man",
    "women": "woman",
    "children": "child",
    "people": "person",
    "feet": "foot",
    "geese": "goose",
    "mice": "mouse",
    "teeth": "tooth",
    "lives": "life",
    "wives": "wife",
    "knives": "knife",
    "halves": "half",
    "series": "series",
    "species": "species",
    "heroes": "hero",
    "torpedoes": "torpedo",
    "echoes": "echo",
    "vetoes": "veto",
}
#: The irregular plurals, by their singular.
_IRREGULAR_PLURALS: Final = {v: k for k, v in _IRREGULAR.items()}

# Words that change a figure or join two: never read as a counted noun.
_NOT_NOUN_WORDS: Final = (
    "and or of to the a an with than as by per from in on at plus minus more less fewer most "
    "least some about around over under nearly almost up between among each every thousand "
    "thousands million millions billion billions trillion trillions hundred hundreds dozen "
    "dozens score scores lakh lakhs crore crores bn bln mn mln k m percent pct times fold "
    "half quarter other others additional extra further new total totals same rest nan inf "
    "infinity"
)
_NOT_NOUNS: Final = frozenset(_NOT_NOUN_WORDS.split())


def singular(word: str) -> str:
    """The singular of a plural noun by the regular rules; "-men" nouns end in "-man".

    "Policemen" is ``policeman``.

    "sorties" and "sortie" are both ``sorty``, as "batteries" and "battery" are
    ``battery``: one key however the noun is written.
    """
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word.endswith("men") and len(word) > 5:
        return word[:-3] + "man"  # "policemen", "fishermen", "servicemen"
    for end, replace in (
        ("ies", "y"),
        ("sses", "ss"),
        ("ches", "ch"),
        ("shes", "sh"),
        ("xes", "x"),
        ("zes", "z"),
    ):
        if word.endswith(end) and len(word) > len(end) + 1:
            return word[: -len(end)] + replace
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        word = word[:-1]
    if word.endswith("ie") and len(word) > 3:
        return word[:-2] + "y"
    return word


@lru_cache(maxsize=8192)
def open_count(word: str) -> UnitInfo | None:
    """A counted noun outside the table as a count of its own kind, or ``None``.

    The noun (up to four plain words) is put in the singular and names a dimension:
    ``"applications"`` and ``"application"`` both count ``application``.  Words that pint
    knows as units of measure, number and scale words, hedges and conjunctions are not
    nouns here.  Reading a noun changes nothing: it becomes a pint unit only when a
    quantity of it is built (:func:`unit_object`), so what one document reads never
    changes how another is read.
    """
    written = word.split()
    if written and written[-1].isalpha() and len(written[-1]) < 4 and _pint_knows(written[-1]):
        return None  # a short symbol only pint knows: "Gs" (gauss)
    words = " ".join(word.strip().lower().replace("-", " ").split())
    if not _NOUN_RE.fullmatch(words):
        return None
    if (near := near_unit(words.rsplit(" ", 1)[-1])) is not None:
        raise UnitError(f"unknown unit {quoted(word)}: did you mean {near!r}?")
    parts = words.replace("_", " ").split()
    if any(p in _NOT_NOUNS for p in parts):
        return None
    key = "_".join([*parts[:-1], singular(parts[-1])])
    if not is_count_dimension(key) or key in COUNT_UNITS:
        return None  # a dimension of ours ("area") or a known kind's own name
    if _pint_knows(key) or (
        len(parts) == 1 and _pint_knows(parts[0]) and parts[0] not in _COUNT_NOUNS
    ):
        return None  # a unit of measure ("stones", "light years")
    return UnitInfo(name=key, dimension=key, factor=1.0, count=True)


def near_unit(word: str) -> str | None:
    """The metric unit word that ``word`` misspells, if any: "kilomteres" is "kilometres".

    A word is a slip for a unit word of eight letters or more when two edits (a letter
    added, dropped, changed, or two swapped) or fewer make it that word, and for a shorter
    one ("metres", "tonnes") when one edit does; otherwise it may be a noun of its own
    ("rounds", "tunnels"), which is not refused.
    """
    word = word.lower()
    if len(word) < _SHORTEST or word in _UNIT_WORDS:
        return None
    near = []
    for known in _MISSPELLABLE:
        allowed = 2 if len(known) >= 8 else 1
        if abs(len(known) - len(word)) <= allowed:
            edits = _edits(word, known, allowed)
            if edits <= allowed:
                near.append((edits, known))
    return min(near)[1] if near else None


def _edits(a: str, b: str, most: int) -> int:
    """The edits (insert, delete, change, swap two neighbours) from ``a`` to ``b``.

    Stops early, returning ``most + 1``, once every alignment needs more than ``most``.
    """
    before: list[int] = []
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        above, row = row, [i] + [0] * len(b)
        for j, y in enumerate(b, 1):
            row[j] = min(above[j] + 1, row[j - 1] + 1, above[j - 1] + (x != y))
            if i > 1 and j > 1 and x == b[j - 2] and a[i - 2] == y:
                row[j] = min(row[j], before[j - 2] + 1)
        if min(row) > most:
            return most + 1
        before = above
    return row[-1]


#: The written words of the metric units, whose long names news text misspells.
_MISSPELLABLE: Final = tuple(
    sorted(
        word
        for word, name in {**_LENGTHS, **_OTHERS}.items()
        if word.isalpha()
        and len(word) >= 6
        and name
        in {"kilometer", "meter", "centimeter", "millimeter", "hectare", "kilogram", "metric_ton"}
    )
)
_SHORTEST: Final = min(map(len, _MISSPELLABLE)) - 1
_UNIT_WORDS: Final = frozenset({*_LENGTHS, *_OTHERS})


def _pint_knows(word: str) -> bool:
    """Whether pint reads ``word`` as a unit; a word pint chokes on is no unit of ours."""
    if word in _NOUNS_DEFINED:
        return False  # a counted noun of ours, defined when a quantity of it was built
    try:
        return bool(word in registry())
    except Exception:  # noqa: BLE001 - pint raises what its parser meets ("nan", "2A6")
        return True


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
