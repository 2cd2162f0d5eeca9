"""Tests for unit words, count units and their installation into pint registries."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
import time
from importlib.resources import files
from typing import Any

import pint
import pytest

from incursion import Estimate, install_units, loads
from incursion._units import (
    _SHIPPED,
    COUNT_UNITS,
    _pint_knows,
    lookup_unit,
    unit_object,
    unit_table,
)
from incursion.exceptions import IncursionError, ParseError, UnitError


def _app() -> Any:
    """The application registry (a proxy: never cached)."""
    return pint.get_application_registry()  # type: ignore[no-untyped-call]


class TestMeasuredUnits:
    """Areas, lengths and masses in British and US spellings and in news abbreviations."""

    @pytest.mark.parametrize(
        ("word", "dimension", "factor"),
        [
            pytest.param("square kilometres", "area", 1.0, id="square-kilometres"),
            pytest.param("square kilometers", "area", 1.0, id="square-kilometers"),
            pytest.param("sq km", "area", 1.0, id="sq-km"),
            pytest.param("sq. km", "area", 1.0, id="sq-dot-km"),
            pytest.param("SQ KM", "area", 1.0, id="sq-km-upper"),
            pytest.param("km2", "area", 1.0, id="km2"),
            pytest.param("km²", "area", 1.0, id="km-superscript-2"),
            pytest.param("km^2", "area", 1.0, id="km-caret-2"),
            pytest.param("square miles", "area", 2.589988110336, id="square-miles"),
            pytest.param("sq mi", "area", 2.589988110336, id="sq-mi"),
            pytest.param("sq miles", "area", 2.589988110336, id="sq-miles"),
            pytest.param("hectares", "area", 0.01, id="hectares"),
            pytest.param("kilometres", "length", 1.0, id="kilometres"),
            pytest.param("kilometers", "length", 1.0, id="kilometers"),
            pytest.param("km", "length", 1.0, id="km"),
            pytest.param("miles", "length", 1.609344, id="miles"),
            pytest.param("metres", "length", 0.001, id="metres"),
            pytest.param("kilograms", "mass", 1.0, id="kilograms"),
            pytest.param("pounds", "mass", 0.45359237, id="pounds"),
            pytest.param("tonnes", "mass", 1_000.0, id="tonnes"),
        ],
    )
    def test_dimension_and_factor(self, word: str, dimension: str, factor: float) -> None:
        """A unit word resolves to its dimension and its factor to km², km or kg."""
        info = lookup_unit(word)
        assert info.dimension == dimension
        assert info.factor == pytest.approx(factor)
        assert info.count is False

    @pytest.mark.parametrize(
        ("word", "name"),
        [
            pytest.param("square kilometres", "kilometer ** 2", id="square-kilometres"),
            pytest.param("sq mi", "mile ** 2", id="sq-mi"),
            pytest.param("kilometres", "kilometer", id="kilometres"),
            pytest.param("tonnes", "metric_ton", id="tonnes"),
        ],
    )
    def test_pint_name(self, word: str, name: str) -> None:
        """A news spelling resolves to the pint unit name."""
        assert lookup_unit(word).name == name

    def test_empty_word_is_a_bare_number(self) -> None:
        """No unit word means a bare number."""
        assert lookup_unit("").dimension == "number"


class TestCountUnits:
    """Counted things, each a dimension of its own."""

    @pytest.mark.parametrize(
        ("word", "dimension"),
        [
            pytest.param("person", "person", id="person"),
            pytest.param("people", "person", id="people"),
            pytest.param("civilians", "person", id="civilians"),
            pytest.param("residents", "person", id="residents"),
            pytest.param("soldiers", "person", id="soldiers"),
            pytest.param("troops", "person", id="troops"),
            pytest.param("children", "person", id="children"),
            pytest.param("settlement", "settlement", id="settlement"),
            pytest.param("settlements", "settlement", id="settlements"),
            pytest.param("villages", "settlement", id="villages"),
            pytest.param("strike", "strike", id="strike"),
            pytest.param("strikes", "strike", id="strikes"),
            pytest.param("vehicle", "vehicle", id="vehicle"),
            pytest.param("vehicles", "vehicle", id="vehicles"),
            pytest.param("tank", "tank", id="tank"),
            pytest.param("tanks", "tank", id="tanks"),
        ],
    )
    def test_count_noun(self, word: str, dimension: str) -> None:
        """A counted noun resolves to its count unit, with factor 1 and count set."""
        info = lookup_unit(word)
        assert info.dimension == dimension
        assert info.name == dimension
        assert info.factor == 1.0
        assert info.count is True

    def test_each_count_unit_is_its_own_dimension(self) -> None:
        """No two counted things share a dimension."""
        dimensions = [lookup_unit(name).dimension for name in COUNT_UNITS]
        assert len(set(dimensions)) == len(dimensions)

    def test_people_and_settlements_cannot_be_converted(self) -> None:
        """In the application registry, people cannot be converted to settlements."""
        reg = _app()
        install_units(reg)
        people = reg.Quantity(121_000, "people")
        with pytest.raises(pint.DimensionalityError):
            people.to("settlement")
        assert people.dimensionality != reg.Quantity(28, "settlements").dimensionality

    def test_nouns_are_aliases_in_the_registry(self) -> None:
        """Plural nouns are aliases of the count unit in the application registry."""
        reg = _app()
        install_units(reg)
        assert reg.Quantity(12, "civilians").to("person").magnitude == 12


class TestInstallUnits:
    """install_units puts our count units into a registry, once."""

    def test_idempotent_on_the_application_registry(self) -> None:
        """Installing twice into the application registry raises nothing and units still work."""
        reg = _app()
        install_units(reg)
        install_units(reg)
        install_units()
        assert reg.Quantity(3, "troops").to("person").magnitude == 3

    def test_idempotent_on_a_fresh_registry(self) -> None:
        """Installing twice into a fresh registry raises nothing and units still work."""
        reg: Any = pint.UnitRegistry()
        install_units(reg)
        install_units(reg)
        quantity = reg.Quantity(28, "settlements")
        assert quantity.to("settlement").magnitude == 28
        with pytest.raises(pint.DimensionalityError):
            quantity.to("person")

    def test_every_new_registry_gets_the_units(self) -> None:
        """A new registry gets the units, even one at a collected registry's address."""
        for _ in range(5):
            reg = _RecordingRegistry()
            install_units(reg)
            assert "person" in reg.defined
            del reg
            gc.collect()


class _RecordingRegistry:
    """The least of a pint registry that install_units uses: ``in`` and ``define``."""

    def __init__(self) -> None:
        self.defined: list[str] = []

    def __contains__(self, name: object) -> bool:
        return name in self.defined

    def define(self, definition: str) -> None:
        self.defined.append(definition.split(" ", 1)[0])


class TestQuantitiesLeaveWordsAlone:
    """Building a quantity never changes how a word is read afterwards."""

    @pytest.mark.parametrize("name", ["mile", "kilometer ** 2", "dimensionless"])
    def test_a_unit_pint_knows_stays_a_unit(self, name: str) -> None:
        """A pint unit's object, once built, does not turn its name into a counted noun."""
        unit_object(name)
        assert _pint_knows(name.partition(" ")[0])


class TestUnknownUnits:
    """Unknown unit words are refused with a UnitError that names them."""

    @pytest.mark.parametrize(
        "word",
        [
            pytest.param("wibbles", id="nonsense"),
            pytest.param("furlongs-ish", id="hyphenated-nonsense"),
            pytest.param("kilometre per fortnight", id="unknown-rate"),
            pytest.param("sq wibbles", id="square-of-nonsense"),
        ],
    )
    def test_unknown_word(self, word: str) -> None:
        """The error is a UnitError (an IncursionError and a ValueError) quoting the word."""
        with pytest.raises(UnitError) as excinfo:
            lookup_unit(word)
        assert word in str(excinfo.value)
        assert isinstance(excinfo.value, IncursionError)
        assert isinstance(excinfo.value, ValueError)

    @pytest.mark.parametrize("word", ["meter * kilogram", "point", "hands", "stone", "barn"])
    def test_pint_names_outside_our_tables(self, word: str) -> None:
        """pint's other units (compound, or English words like "point") are not guessed at."""
        with pytest.raises(UnitError, match="unknown unit"):
            lookup_unit(word)

    def test_huge_unit_name_is_rejected_fast(self) -> None:
        """A 1 MB unit name is refused in well under a second with a short message."""
        word = "x" * 1_000_000
        start = time.perf_counter()
        with pytest.raises(UnitError) as excinfo:
            lookup_unit(word)
        assert time.perf_counter() - start < 0.5
        assert len(str(excinfo.value)) < 300


class TestMisspeltUnits:
    """A word a slip away from a metric unit is refused with "did you mean", not counted."""

    @pytest.mark.parametrize(
        ("text", "meant"),
        [
            pytest.param("12 kilomteres", "kilometres", id="swapped"),
            pytest.param("12 hectres", "hectares", id="dropped"),
            pytest.param("12 meteres", "meters", id="added"),
            pytest.param("12 kilogrmas", "kilograms", id="swapped-end"),
            pytest.param("400 tonnse", "tonnes", id="short-word-one-edit"),
        ],
    )
    def test_refused_with_the_unit_meant(self, text: str, meant: str) -> None:
        with pytest.raises(ParseError, match=f"did you mean '{meant}'"):
            Estimate.parse(text)

    @pytest.mark.parametrize(
        "noun", ["rounds", "tunnels", "matters", "mouths", "occupiers", "villagers", "members"]
    )
    def test_other_nouns_still_count_their_own_kind(self, noun: str) -> None:
        """Nouns two edits from a short unit word ("rounds", "tunnels") are not slips."""
        assert Estimate.parse(f"12 {noun}").is_count

    def test_a_document_names_the_field(self) -> None:
        """In a document, the refusal names the record's field and the unit meant."""
        document = {
            "incursion": 1,
            "records": [
                {
                    "kind": "territorial-claim",
                    "id": "a",
                    "source": "s",
                    "subject": "x",
                    "as_of": "2024-08-12",
                    "depth": "12 kilomteres",
                }
            ],
        }
        with pytest.raises(IncursionError, match=r"\$\.records\[0\]\.depth.*did you mean"):
            loads(json.dumps(document))


class TestShippedUnitTable:
    """The table shipped in ``data/units.json`` says what pint says of every tabled unit."""

    def test_table_is_what_pint_says(self) -> None:
        """Each unit of the tables has the pint name, dimension, factor and symbol pint gives."""
        shipped = json.loads(
            files("incursion").joinpath("data", "units.json").read_text(encoding="utf-8")
        )
        assert shipped == unit_table(), (
            "data/units.json is stale: regenerate it with "
            "python -c 'import incursion._units as u; u.write_unit_table()'"
        )

    def test_every_tabled_word_reads_from_the_table(self) -> None:
        """The unit words of the tables resolve to the shipped readings, without pint."""
        for word in ("km²", "square miles", "hectares", "miles", "km/h", "tonnes", "people"):
            info = lookup_unit(word)
            assert _SHIPPED[info.name] is info

    def test_reading_a_document_builds_no_registry(self) -> None:
        """Loading and checking the usual units never asks pint for its definitions."""
        code = (
            "import incursion._units as u\n"
            "def refuse(*args): raise AssertionError('pint registry built')\n"
            "u.registry = refuse\n"
            "from incursion import check, loads\n"
            "from incursion.examples import kursk_2024_json\n"
            "report = check(loads(kursk_2024_json()))\n"
            "print(len(report.findings), report.coverage.compared)\n"
        )
        done = subprocess.run(  # noqa: S603 - our own interpreter, our own code
            [sys.executable, "-c", code], capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, done.stderr
        findings, compared = map(int, done.stdout.split())
        assert findings > 0
        assert compared > 0
