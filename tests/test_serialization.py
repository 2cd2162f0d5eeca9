"""JSON documents: round trips, wording kept, files, and errors that list every problem."""

from __future__ import annotations

import io
import json
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import incursion
from incursion import (
    Document,
    Estimate,
    Hedge,
    IncursionError,
    Source,
    TerritorialClaim,
    dump,
    dumps,
    load,
    loads,
)
from incursion._records import RECORD_TYPES
from incursion._serialization import _SOURCES, make_converter, record_hooks
from incursion.examples import kursk_2024, kursk_2024_json
from incursion.exceptions import DocumentError, Problem
from strategies import KINDS, Figure, documents, estimates, figure_texts, spans

KURSK_AREA = "around 1,000 square kilometres (386 square miles)"

#: A generous bound on one hostile input; each is at most a few megabytes.
HOSTILE_SECONDS = 2.0


def kursk() -> dict[str, Any]:
    """The bundled document as parsed JSON, fresh for each use."""
    raw: dict[str, Any] = json.loads(kursk_2024_json())
    return raw


def minimal(**record: Any) -> dict[str, Any]:
    """A one-source, one-claim document, with the claim's fields updated by ``record``."""
    claim: dict[str, Any] = {
        "kind": "territorial-claim",
        "id": "claim-1",
        "source": "syrskyi",
        "subject": "kursk-2024",
        "as_of": "2024-08-12",
        "area": KURSK_AREA,
    }
    claim.update(record)
    return {
        "incursion": 1,
        "sources": [{"id": "syrskyi", "name": "Oleksandr Syrskyi"}],
        "records": [claim],
    }


def problems_of(data: str | bytes | dict[str, Any]) -> tuple[Problem, ...]:
    """Load ``data`` expecting exactly one DocumentError; return its problems."""
    text = data if isinstance(data, str | bytes) else json.dumps(data, ensure_ascii=False)
    with pytest.raises(DocumentError) as info:
        loads(text)
    error = info.value
    assert isinstance(error, IncursionError)
    assert error.problems
    for problem in error.problems:
        assert isinstance(problem, Problem)
        assert problem.path.startswith("$")
        _assert_clean_message(problem.message)
    return error.problems


_EXCEPTION_NAME = re.compile(r"\b[A-Z][A-Za-z]*(Error|Exception)\b")


def _assert_clean_message(message: str) -> None:
    """A message is our own words: no traceback, no cattrs, pint or Python error names."""
    assert "Traceback" not in message, message
    assert 'File "' not in message, message
    assert "cattrs" not in message, message
    assert "pint." not in message, message
    assert not _EXCEPTION_NAME.search(message), message


def paths(problems: tuple[Problem, ...]) -> dict[str, str]:
    """Map each problem's path to its message (all messages at a path, joined)."""
    found: dict[str, str] = {}
    for p in problems:
        found[p.path] = (found[p.path] + " | " if p.path in found else "") + p.message
    return found


# -- round trips --------------------------------------------------------------------------------


class TestRoundTrip:
    """``loads(dumps(d)) == d`` and dumping is stable, for documents of every record kind."""

    @given(documents())
    def test_any_document(self, document: Document) -> None:
        """A generated document with every record kind survives a round trip."""
        text = dumps(document)
        again = loads(text)
        assert again == document
        assert dumps(again) == text

    @pytest.mark.parametrize("kind", KINDS)
    @given(data=st.data())
    def test_each_kind(self, kind: str, data: st.DataObject) -> None:
        """A document led by one record kind survives a round trip."""
        document = data.draw(documents(kinds=(kind,)))
        text = dumps(document)
        assert loads(text) == document
        assert dumps(loads(text)) == text

    @given(st.sampled_from(("area", "length", "settlement")).flatmap(estimates))
    def test_any_estimate_in_a_claim(self, estimate: Estimate) -> None:
        """Any estimate, from text or built in Python, survives a round trip in a claim."""
        field = {"area": "area", "length": "depth"}.get(estimate.dimension, "settlements")
        source = Source(id="s", name="S")
        figure: dict[str, Any] = {field: estimate}
        claim = TerritorialClaim(id="c", source=source, subject="x", as_of="2024-08-12", **figure)
        document = Document(sources=(source,), records=(claim,))
        again = loads(dumps(document))
        assert again == document
        assert getattr(again.records[0], field).interval == estimate.interval

    @given(spans())
    def test_any_span(self, span: incursion.Span) -> None:
        """Every kind of span (day, week, month, year, explicit) survives a round trip."""
        document = loads(json.dumps(minimal()))
        claim = document.records[0]
        assert isinstance(claim, TerritorialClaim)
        changed = Document(sources=document.sources, records=(attrs.evolve(claim, as_of=span),))
        assert loads(dumps(changed)).records[0].as_of == span

    def test_bundled_example(self) -> None:
        """The bundled Kursk document round-trips and dumps stably."""
        document = kursk_2024()
        text = dumps(document)
        assert loads(text) == document
        assert dumps(loads(text)) == text


class TestWordingIsKept:
    """Dumping writes a figure back in the words it was read from."""

    def test_kursk_area(self) -> None:
        """Syrskyi's figure is written back as the exact string it was loaded from."""
        text = dumps(loads(json.dumps(minimal())))
        assert json.loads(text)["records"][0]["area"] == KURSK_AREA

    def test_bundled_figures(self) -> None:
        """Every figure string of the bundled document appears verbatim in its dump."""
        raw = kursk()
        out = json.loads(dumps(kursk_2024()))
        for before, after in zip(raw["records"], out["records"], strict=True):
            for key, value in before.items():
                if key in ("area", "depth", "front_width", "settlements", "killed", "count"):
                    assert after[key] == value
        assert out["records"][3]["wounded"] == raw["records"][3]["wounded"]
        assert out["regions"][0]["area"] == raw["regions"][0]["area"]

    @given(figure_texts(dimension="area"))
    def test_any_area_text(self, figure: Figure) -> None:
        """Any area figure as news text writes it is dumped as that text."""
        out = json.loads(dumps(loads(json.dumps(minimal(area=figure.text)))))
        assert out["records"][0]["area"] == figure.text

    @given(st.sampled_from(("person", "settlement")).flatmap(figure_texts))
    def test_any_count_text(self, figure: Figure) -> None:
        """Any count as news text writes it is dumped as that text."""
        if figure.dimension == "person":
            raw = minimal(kind="casualty-report", killed=figure.text)
            del raw["records"][0]["area"]
            field = "killed"
        else:
            raw = minimal(settlements=figure.text)
            field = "settlements"
        out = json.loads(dumps(loads(json.dumps(raw))))
        assert out["records"][0][field] == figure.text


class TestObjectForm:
    """A figure may be written as an object with its parts spelled out."""

    FIGURE: dict[str, Any] = {  # noqa: RUF012 - read-only test data
        "value": 1000,
        "unit": "km²",
        "hedge": "about",
        "word": "around",
        "low": 900,
        "high": 1100,
        "equivalents": [{"value": 386, "unit": "sq mi"}],
        "text": KURSK_AREA,
    }

    def test_loads(self) -> None:
        """The object form loads into the estimate it describes."""
        area = loads(json.dumps(minimal(area=self.FIGURE))).records[0].area  # type: ignore[union-attr]
        assert isinstance(area, Estimate)
        assert area.hedge is Hedge.ABOUT
        assert area.number == 1000
        assert area.interval == (900.0, 1100.0)
        assert area.dimension == "area"
        assert area.text == KURSK_AREA
        assert [(q.magnitude, str(q.units)) for q in area.equivalents] == [(386, "mile ** 2")]

    def test_round_trips(self) -> None:
        """The object form survives a round trip, with a stable dump."""
        document = loads(json.dumps(minimal(area=self.FIGURE)))
        text = dumps(document)
        assert loads(text) == document
        assert dumps(loads(text)) == text

    def test_same_as_the_words(self) -> None:
        """An object giving what the words say reads to the same interval as the words."""
        words = loads(json.dumps(minimal())).records[0].area  # type: ignore[union-attr]
        obj = loads(json.dumps(minimal(area=self.FIGURE))).records[0].area  # type: ignore[union-attr]
        assert words is not None
        assert obj is not None
        assert words.interval == obj.interval
        assert words.canonical_low == obj.canonical_low

    @pytest.mark.parametrize(
        ("figure", "interval"),
        [
            ({"value": 12, "unit": "km"}, (11.5, 12.5)),
            (
                {"value": 15, "unit": "kilometres", "hedge": "between", "low": 10, "high": 20},
                (10, 20),
            ),
            ({"hedge": "between", "low": 10, "high": 20, "unit": "km"}, (10, 20)),
            ({"value": 40, "unit": "miles", "hedge": "up-to"}, (0, 40)),
            ({"value": 12, "unit": "km", "hedge": "at-least"}, (12, None)),
            ({"value": 12.5, "unit": "km", "precision": 0.5}, (12.25, 12.75)),
        ],
    )
    def test_length_objects(self, figure: dict[str, Any], interval: tuple[float, float]) -> None:
        """Object figures of each hedge read to their interval and round-trip."""
        document = loads(json.dumps(minimal(area=None, depth=figure)))
        depth = document.records[0].depth  # type: ignore[union-attr]
        assert depth is not None
        assert depth.interval == interval
        assert loads(dumps(document)) == document


class TestFilesAndText:
    """load/dump take paths and file objects; loads takes str and bytes; dumps is UTF-8 text."""

    def test_loads_str_and_bytes(self) -> None:
        """``loads`` accepts the same document as text and as UTF-8 bytes."""
        text = kursk_2024_json()
        assert loads(text) == loads(text.encode("utf-8")) == kursk_2024()

    def test_load_path(self, tmp_path: Path) -> None:
        """``load`` reads a path given as a ``Path`` or a ``str``."""
        path = tmp_path / "kursk.json"
        path.write_text(kursk_2024_json(), encoding="utf-8")
        assert load(path) == load(str(path)) == kursk_2024()

    def test_load_binary_file(self, tmp_path: Path) -> None:
        """``load`` reads an open binary file and an in-memory bytes buffer."""
        path = tmp_path / "kursk.json"
        path.write_bytes(kursk_2024_json().encode("utf-8"))
        with path.open("rb") as f:
            from_file = load(f)
        assert from_file == load(io.BytesIO(path.read_bytes())) == kursk_2024()

    def test_dump_path(self, tmp_path: Path) -> None:
        """``dump`` to a path writes the same UTF-8 text as ``dumps``."""
        document = kursk_2024()
        for target in (tmp_path / "a.json", str(tmp_path / "b.json")):
            dump(document, target)
            data = Path(target).read_bytes()
            assert data.decode("utf-8") == dumps(document)
            assert "km²".encode() in data
            assert load(target) == document

    def test_dump_text_file(self, tmp_path: Path) -> None:
        """``dump`` to an open text file or a StringIO writes the ``dumps`` text."""
        document = kursk_2024()
        buffer = io.StringIO()
        dump(document, buffer)
        assert buffer.getvalue() == dumps(document)
        path = tmp_path / "c.json"
        with path.open("w", encoding="utf-8") as f:
            dump(document, f)
        assert load(path) == document

    def test_dumps_is_utf8_without_escapes(self) -> None:
        """``dumps`` returns text that keeps "km²" and other non-ASCII characters as written."""
        text = dumps(kursk_2024())
        assert isinstance(text, str)
        assert "km²" in text
        assert "\\u" not in text
        raw = minimal(note="Zelenskyy — «Суми»", area="1,000 km²")
        out = dumps(loads(json.dumps(raw)))
        assert "Zelenskyy — «Суми»" in out
        assert '"1,000 km²"' in out
        out.encode("utf-8")

    def test_load_origin_in_message(self, tmp_path: Path) -> None:
        """A document loaded from a path names that path in its error."""
        path = tmp_path / "bad.json"
        path.write_text(json.dumps(minimal(area="2,000 kilometres")), encoding="utf-8")
        with pytest.raises(DocumentError) as info:
            load(path)
        assert str(path) in str(info.value)


# -- errors -------------------------------------------------------------------------------------


class TestEveryProblemListed:
    """A bad document raises one DocumentError listing every problem with path and expectation."""

    def test_several_problems_in_several_records(self) -> None:
        """Problems in different records and fields are all reported, each at its path."""
        raw = kursk()
        raw["records"][0]["area"] = "2,000 kilometres"
        raw["records"][1]["depth"] = "5 km²"
        raw["records"][2]["as_of"] = "2024-13-01"
        raw["records"][3]["killed"] = "twelve km"
        raw["records"][4]["population"] = "aliens"
        raw["records"][6]["act"] = "jaywalking"
        raw["records"][7]["source"] = "nobody"
        raw["records"][8]["likelihood"] = {"scale": "phia", "term": "probable"}
        found = paths(problems_of(raw))
        assert found["$.records[0].area"] == 'expected an area, got "2,000 kilometres" (a length)'
        assert found["$.records[1].depth"] == 'expected a length, got "5 km²" (an area)'
        assert "2024-13-01" in found["$.records[2].as_of"]
        assert found["$.records[3].killed"] == (
            'expected a count of people, got "twelve km" (a length)'
        )
        assert "'civilian'" in found["$.records[4].population"]
        assert "aliens" in found["$.records[4].population"]
        assert "'chemical-weapons-use'" in found["$.records[6].act"]
        assert "jaywalking" in found["$.records[6].act"]
        assert "unknown source id 'nobody'" in found["$.records[7].source"]
        assert "'unlikely'" in found["$.records[8].likelihood"]
        assert "phia" in found["$.records[8].likelihood"]
        assert len(found) == 8, found

    def test_problems_in_sources_regions_and_records(self) -> None:
        """Problems in sources, regions and records are reported together, in that order."""
        raw = kursk()
        raw["sources"].append({"id": "uncited"})
        raw["regions"].append({"id": "sumy-oblast", "name": "Sumy Oblast", "area": "23,834 km"})
        raw["records"][0]["subject"] = ""
        found = problems_of(raw)
        assert [p.path for p in found] == [
            "$.sources[6].name",
            "$.regions[1].area",
            "$.records[0].subject",
        ], found

    def test_a_broken_source_is_reported_once(self) -> None:
        """A listed source that fails to load is not also reported as unknown where cited."""
        raw = kursk()
        del raw["sources"][1]["name"]
        found = paths(problems_of(raw))
        assert "$.sources[1].name" in found
        assert not any("unknown source id 'smirnov'" in m for m in found.values()), found

    def test_a_broken_region_is_reported_once(self) -> None:
        """A listed region that fails to load is not also reported as unknown where named."""
        raw = kursk()
        raw["regions"][0]["area"] = "29,997 km"
        found = paths(problems_of(raw))
        assert "$.regions[0].area" in found
        assert not any("unknown region id" in m for m in found.values()), found


#: The keys of a figure object: a problem with one of them may be reported at that key.
FIGURE_KEYS = ("value", "unit", "hedge", "word", "low", "high", "precision", "equivalents", "text")


def _assert_reported(raw: dict[str, Any], path: str, needles: tuple[str, ...]) -> None:
    """Loading ``raw`` reports a problem at ``path`` (or a figure key under it) with needles."""
    found = paths(problems_of(raw))
    accepted = [path, *(f"{path}.{key}" for key in FIGURE_KEYS)]
    at = [p for p in accepted if p in found]
    assert at, f"no problem at {path}: {found}"
    for needle in needles:
        assert needle in found[at[0]], (needle, found[at[0]])


class TestEachProblem:
    """Each kind of problem is reported at its JSON path with what was expected."""

    @pytest.mark.parametrize(
        ("change", "path", "needles"),
        [
            (
                lambda d: d["records"][0].update(source="nobody"),
                "$.records[0].source",
                ("unknown source id 'nobody'", "'syrskyi'"),
            ),
            (
                lambda d: d["records"][1].update(id="syrskyi-0812"),
                "$.records[1].id",
                ("duplicate record id 'syrskyi-0812'",),
            ),
            (
                lambda d: d["sources"][5].update(id="syrskyi"),
                "$.sources[5].id",
                ("duplicate source id 'syrskyi'",),
            ),
            (
                lambda d: d["records"][0].update(kind="rumour"),
                "$.records[0].kind",
                ("'territorial-claim'", "rumour"),
            ),
            (lambda d: d.update(incursion=2), "$.incursion", ("version 1", "2")),
            (lambda d: d.pop("incursion"), "$.incursion", ("version 1",)),
            (lambda d: d.update(comment="hi"), "$", ("unexpected", "comment")),
            (
                lambda d: d["records"][0].update(colour="red"),
                "$.records[0]",
                ("unexpected", "colour"),
            ),
            (
                lambda d: d["sources"][0].update(colour="red"),
                "$.sources[0]",
                ("unexpected", "colour"),
            ),
            (lambda d: d["records"][0].pop("subject"), "$.records[0].subject", ("missing",)),
            (
                lambda d: d["records"][0].update(region="nowhere"),
                "$.records[0].region",
                ("unknown region id 'nowhere'", "'kursk-oblast'"),
            ),
            (
                lambda d: d["records"][0].update(predicate="owns"),
                "$.records[0].predicate",
                ("'controls'", "owns"),
            ),
            (
                lambda d: d["records"][0].update(credibility=9),
                "$.records[0].credibility",
                ("1", "6", "9"),
            ),
            (lambda d: d["records"][0].update(area=None), "$.records[0]", ("at least one figure",)),
            (
                lambda d: d["records"][3].update(killed="1.5 people"),
                "$.records[3].killed",
                ("whole number", "1.5"),
            ),
            (
                lambda d: d["records"][0].update(
                    area={"value": 1000, "unit": "km²", "hedge": "guess"}
                ),
                "$.records[0].area",
                ("'about'", "guess"),
            ),
            (
                lambda d: d["records"][0].update(area={"value": 1000, "unit": "km²", "size": 2}),
                "$.records[0].area",
                ("size",),
            ),
            (lambda d: d["records"][0].update(area=[1, 2]), "$.records[0].area", ("figure",)),
            (
                lambda d: d["records"][0].update(citation={"published": "yesterday"}),
                "$.records[0].citation.published",
                ("date", "yesterday"),
            ),
            (
                lambda d: d["records"][8].update(likelihood={"scale": "nato", "term": "likely"}),
                "$.records[8].likelihood",
                ("nato", "phia", "icd-203"),
            ),
            (lambda d: d.update(records={}), "$.records", ("list",)),
            (
                lambda d: d["records"][0].update(kind=["territorial-claim"]),
                "$.records[0].kind",
                ("'territorial-claim'",),
            ),
            (lambda d: d.pop("sources"), "$.sources", ("missing",)),
        ],
        ids=[
            "unknown-source",
            "duplicate-record-id",
            "duplicate-source-id",
            "unknown-kind",
            "wrong-version",
            "missing-version",
            "extra-top-level-key",
            "extra-record-key",
            "extra-source-key",
            "missing-subject",
            "unknown-region",
            "bad-predicate",
            "credibility-out-of-range",
            "no-figure",
            "fractional-count",
            "bad-hedge",
            "extra-figure-key",
            "figure-as-list",
            "bad-date",
            "unknown-scale",
            "records-not-a-list",
            "kind-as-list",
            "missing-sources",
        ],
    )
    def test_reported(
        self, change: Callable[[dict[str, Any]], Any], path: str, needles: tuple[str, ...]
    ) -> None:
        """The problem is reported at its path, naming what was expected and what was found."""
        raw = kursk()
        change(raw)
        _assert_reported(raw, path, needles)

    @pytest.mark.parametrize(
        ("change", "path", "needles"),
        [
            # The reliability grade is an enum: name the allowed grades, as other enums do.
            (
                lambda d: d["sources"][5].update(reliability="Z"),
                "$.sources[5].reliability",
                ("'A'", "'F'", "Z"),
            ),
            # An object figure's path names the JSON key, not the Estimate attribute.
            (
                lambda d: d["records"][0].update(
                    area={"value": 1000, "unit": "km²", "hedge": "between", "low": 5, "high": 3}
                ),
                "$.records[0].area",
                ("5", "3"),
            ),
            (
                lambda d: d["records"][0].update(area={"value": -5, "unit": "km²"}),
                "$.records[0].area",
                ("-5",),
            ),
            (
                lambda d: d["records"][3].update(killed={"value": 1.5, "unit": "people"}),
                "$.records[3].killed",
                ("whole number", "1.5"),
            ),
            # A part's problem is reported at the part.
            (
                lambda d: d["records"][3].update(
                    wounded={"total": "121 civilians", "parts": {"children": "10 km"}}
                ),
                "$.records[3].wounded.parts.children",
                ("count of people", "10 km"),
            ),
            # Equivalents must be a list of figures of the same dimension.
            (
                lambda d: d["records"][0].update(
                    area={"value": 1000, "unit": "km²", "equivalents": "386 sq mi"}
                ),
                "$.records[0].area",
                ("equivalents", "list"),
            ),
            (
                lambda d: d["records"][0].update(
                    area={"value": 1000, "unit": "km²", "equivalents": [{"value": 5, "unit": "km"}]}
                ),
                "$.records[0].area",
                ("length",),
            ),
            (
                lambda d: d["records"][0].update(
                    area={
                        "value": 1000,
                        "unit": "km²",
                        "equivalents": [{"value": -5, "unit": "sq mi"}],
                    }
                ),
                "$.records[0].area",
                ("-5",),
            ),
            (
                lambda d: d["records"][0].update(area={"value": "1000", "unit": "km²"}),
                "$.records[0].area",
                ("number", "1000"),
            ),
            # Wrong JSON types are rejected, not coerced by str() or int().
            (
                lambda d: d["records"][0].update(credibility=3.7),
                "$.records[0].credibility",
                ("3.7",),
            ),
            (
                lambda d: d["records"][0].update(credibility="3"),
                "$.records[0].credibility",
                ("whole number",),
            ),
            (
                lambda d: d["records"][0].update(credibility=True),
                "$.records[0].credibility",
                ("whole number",),
            ),
            (
                lambda d: d["records"][0].update(controller=["Ukraine"]),
                "$.records[0].controller",
                ("text",),
            ),
            (lambda d: d["records"][0].update(note={"a": 1}), "$.records[0].note", ("text",)),
            (lambda d: d["records"][0].update(subject=5), "$.records[0].subject", ("5",)),
            (lambda d: d["sources"][5].update(name=5), "$.sources[5].name", ("5",)),
            # A figure too large for a float is a figure we cannot read, in our own words.
            (
                lambda d: d["records"][0].update(area="1" * 350 + " km²"),
                "$.records[0].area",
                ("111",),
            ),
        ],
        ids=[
            "bad-reliability",
            "figure-low-above-high",
            "negative-area-object",
            "fractional-count-object",
            "bad-part",
            "equivalents-as-text",
            "equivalent-of-other-dimension",
            "negative-equivalent",
            "value-as-text",
            "credibility-float",
            "credibility-text",
            "credibility-bool",
            "controller-list",
            "note-object",
            "subject-number",
            "source-name-number",
            "too-many-digits",
        ],
    )
    def test_reported_at_the_json_path(
        self, change: Callable[[dict[str, Any]], Any], path: str, needles: tuple[str, ...]
    ) -> None:
        """Figure objects, parts and wrongly typed values are reported at their JSON path."""
        raw = kursk()
        change(raw)
        _assert_reported(raw, path, needles)

    def test_record_id_must_be_text(self) -> None:
        """A record id given as a JSON number is rejected, not turned into text."""
        raw = kursk()
        raw["records"][0]["id"] = 5
        found = paths(problems_of(raw))
        assert "$.records[0].id" in found, found

    def test_no_foreign_exception_escapes(self) -> None:
        """Only DocumentError leaves loads, for input that upsets each layer."""
        raw = kursk()
        raw["records"][0]["area"] = {"value": 5, "unit": "km²", "hedge": None}
        raw["records"][1]["depth"] = {"value": 12, "unit": "km ** 1.5"}
        raw["records"][2]["settlements"] = {"value": 12, "unit": "[length]"}
        raw["records"][3]["killed"] = {"total": None}
        raw["records"][4]["as_of"] = {"start": 20240812, "end": "x"}
        raw["records"][5]["displaced"] = {"value": 5, "unit": "people", "equivalents": None}
        raw["records"][6]["act"] = None
        raw["records"][7]["count"] = {"value": 5, "unit": "strikes", "word": 5}
        raw["records"][8]["likelihood"] = {"term": None}
        problems_of(json.dumps(raw))


# -- hostile inputs -----------------------------------------------------------------------------


def _rejected_quickly(data: str | bytes) -> tuple[Problem, ...]:
    start = time.perf_counter()
    found = problems_of(data)
    elapsed = time.perf_counter() - start
    assert elapsed < HOSTILE_SECONDS, f"rejecting took {elapsed:.2f} s"
    return found


def _with_area(figure: Any) -> str:
    return json.dumps(minimal(area=figure), ensure_ascii=False)


class TestHostileInputs:
    """Hostile inputs are rejected with a DocumentError, each within two seconds."""

    @pytest.mark.parametrize(
        "figure",
        [
            "10**10**10 km",
            "10**10**10 km²",
            "5 " + "x" * 1_000_000,
            "5 km²" + " (386 " + "y" * 1_000_000 + ")",
            "(" * 10_000 + ")" * 10_000,
            "5 km² " + "(" * 10_000 + "5 sq mi" + ")" * 10_000,
            "(" * 10_000,
            "1" * 350 + " km²",
            "-5 km²",
            "about -5 km²",
            {"value": -5, "unit": "km²"},
            {"value": 5, "unit": "x" * 1_000_000},
            {"value": 5, "unit": "km**2**10**10"},
            {"value": 5, "unit": "km²", "equivalents": [{"value": 2, "unit": "z" * 1_000_000}]},
            {"value": 5, "unit": "km²", "text": "t" * 1_000_000},
            {"value": 10**400, "unit": "km²"},
        ],
        ids=lambda f: repr(f)[:40],
    )
    def test_hostile_figure(self, figure: Any) -> None:
        """A hostile figure is rejected at its record's area, quickly."""
        found = paths(_rejected_quickly(_with_area(figure)))
        assert any(p.startswith("$.records[0].area") for p in found), found

    @pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity", "1e999", "-1e999"])
    def test_non_finite_figure_values(self, constant: str) -> None:
        """NaN, infinities and overflowing numbers are rejected as figure values."""
        text = _with_area({"value": 0, "unit": "km²"}).replace('"value": 0', f'"value": {constant}')
        assert constant in text
        _rejected_quickly(text)

    @pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
    def test_non_finite_json_constants(self, constant: str) -> None:
        """NaN and infinities are rejected anywhere in the JSON."""
        for raw in (
            json.dumps(minimal(credibility=0)).replace(
                '"credibility": 0', f'"credibility": {constant}'
            ),
            json.dumps(minimal()).replace('"incursion": 1', f'"incursion": {constant}'),
            f"[{constant}]",
        ):
            assert constant in raw
            _rejected_quickly(raw)

    @pytest.mark.parametrize(
        "text",
        [
            "[" * 100_000,
            "[" * 100_000 + "]" * 100_000,
            '{"a":' * 100_000,
            json.dumps(minimal()).replace('"kursk-2024"', "[" * 100_000 + "]" * 100_000, 1),
            "",
            "   ",
            "\x00",
            "{",
            '{"incursion": 1, "sources": [], "records": []',
            "[]",
            "null",
            "1",
            '"x"',
        ],
        ids=lambda t: repr(t)[:30],
    )
    def test_broken_json(self, text: str) -> None:
        """Malformed, empty, non-object and deeply nested JSON is rejected at ``$``."""
        found = paths(_rejected_quickly(text))
        assert "$" in found, found

    @pytest.mark.parametrize(
        "data",
        [b"\xff\xfe\x00", b"\x80abc", "caf\xe9".encode("latin-1")],
        ids=["bom-junk", "continuation", "latin-1"],
    )
    def test_bytes_that_are_not_utf8(self, data: bytes) -> None:
        """Bytes that are not UTF-8 are rejected with a DocumentError."""
        _rejected_quickly(data)

    def test_many_bad_records(self) -> None:
        """Ten thousand bad records are all reported, quickly."""
        raw = minimal()
        raw["records"] = [
            {**raw["records"][0], "id": f"r{i}", "area": "2,000 kilometres"} for i in range(10_000)
        ]
        found = _rejected_quickly(json.dumps(raw))
        assert len(found) == 10_000

    def test_duplicate_and_unknown_ids(self) -> None:
        """Duplicate source ids, duplicate record ids and unknown sources are all reported."""
        raw = minimal()
        raw["sources"].append({"id": "syrskyi", "name": "Again"})
        raw["records"].append(dict(raw["records"][0]))
        raw["records"].append({**raw["records"][0], "id": "claim-2", "source": "nobody"})
        found = paths(_rejected_quickly(json.dumps(raw)))
        assert "duplicate source id" in found["$.sources[1].id"]
        assert "duplicate record id" in found["$.records[1].id"]
        assert "unknown source id 'nobody'" in found["$.records[2].source"]

    def test_unknown_kind_and_version_together(self) -> None:
        """A wrong version, an extra top-level key and an unknown kind are all reported."""
        raw = minimal(kind="rumour")
        raw["incursion"] = "1"
        raw["extra"] = True
        found = paths(_rejected_quickly(json.dumps(raw)))
        assert {"$", "$.incursion", "$.records[0].kind"} <= set(found), found


class TestErrorHierarchy:
    """Every loading error is one DocumentError, an IncursionError."""

    def test_document_error_is_an_incursion_error(self) -> None:
        """DocumentError is part of the public error hierarchy (and a ValueError)."""
        assert issubclass(DocumentError, IncursionError)
        assert issubclass(DocumentError, ValueError)
        assert incursion.IncursionError is IncursionError

    def test_message_lists_every_problem(self) -> None:
        """The error's text has one line per problem, each "path: message"."""
        raw = kursk()
        raw["records"][0]["area"] = "2,000 kilometres"
        raw["records"][1]["depth"] = "5 km²"
        with pytest.raises(DocumentError) as info:
            loads(json.dumps(raw))
        text = str(info.value)
        for problem in info.value.problems:
            assert str(problem) in text


class TestPathsAfterAFailedRecord:
    """Paths of later problems count every record, including those that failed."""

    def test_region_problem_after_a_failed_record(self) -> None:
        """A bad region in the third record is reported at $.records[2], not [1]."""
        document = json.loads(kursk_2024_json())
        document["records"][0]["area"] = "12 km"
        document["records"][2]["region"] = "nowhere"
        with pytest.raises(DocumentError) as excinfo:
            incursion.loads(json.dumps(document))
        paths = {p.path for p in excinfo.value.problems}
        assert paths == {"$.records[0].area", "$.records[2].region"}


class TestPathsInTheNewFields:
    """Problems inside counts, relations and denials name the key they are at."""

    @pytest.mark.parametrize(
        ("record", "path"),
        [
            (
                {"kind": "casualty-report", "killed": {"total": "3", "tally": "weekly"}},
                "killed.tally",
            ),
            (
                {
                    "kind": "casualty-report",
                    "killed": {"total": "3", "parts": {"in Kursk": "3 km"}},
                },
                'killed.parts["in Kursk"]',
            ),
            (
                {"kind": "allegation", "evidence": "denied", "denied_by": ["s", "nobody"]},
                "denied_by[1]",
            ),
            (
                {"kind": "casualty-report", "killed": "3", "within": {"record": 5, "field": "x"}},
                "within.record",
            ),
            (
                {
                    "kind": "materiel-loss",
                    "equipment": {"armoured vehicles": {"total": "9", "parts": {"x": "3 km"}}},
                },
                'equipment["armoured vehicles"].parts.x',
            ),
        ],
    )
    def test_the_path_ends_at_the_key(self, record: dict[str, Any], path: str) -> None:
        """The JSON path of each problem goes down to the key that holds it."""
        text = json.dumps(
            {
                "incursion": 1,
                "sources": [{"id": "s", "name": "S"}],
                "records": [{"id": "r", "source": "s", "subject": "x", "as_of": "2024", **record}],
            }
        )
        with pytest.raises(DocumentError) as caught:
            loads(text)
        assert [p.path for p in caught.value.problems] == [f"$.records[0].{path}"]


@given(documents())
def test_a_loaded_record_is_the_record_its_init_builds_from_the_same_fields(
    document: incursion.Document,
) -> None:
    # The loader builds records without checking twice what its hooks checked
    # (incursion._build); whatever it skips, the record must be the one __init__ builds.
    raw = json.loads(incursion.dumps(document))
    loaded = incursion.loads(json.dumps(raw))
    conv = make_converter()
    token = _SOURCES.set({s.id: s for s in loaded.sources})
    try:
        for item, record in zip(raw["records"], loaded.records, strict=True):
            cls = RECORD_TYPES[item.pop("kind")]
            hooks = record_hooks(conv, cls)
            built = cls(**{key: hooks[key][0](value, hooks[key][1]) for key, value in item.items()})
            assert built == record
            for a in attrs.fields(cls):
                assert type(getattr(built, a.name)) is type(getattr(record, a.name)), a.name
    finally:
        _SOURCES.reset(token)


_TWO_SOURCES = [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}]
_BASE = {"id": "r", "source": "a", "subject": "s", "as_of": "2024-08-12"}


@pytest.mark.parametrize(
    ("record", "path", "message"),
    [
        ({"kind": "territorial-claim", "area": "5 km²", "id": "-r"}, "id", "must be 1–128"),
        ({"kind": "territorial-claim", "area": "5 km²", "subject": " "}, "subject", "non-empty"),
        ({"kind": "territorial-claim", "area": "5 km²", "credibility": 7}, "credibility", "1 "),
        ({"kind": "territorial-claim", "area": "5 km²", "revises": "?"}, "revises", "must be"),
        ({"kind": "measurement", "measure": "", "value": "5 km"}, "measure", "measure"),
        (
            {"kind": "materiel-loss", "equipment": {"tanks": "3", "tank": "2"}},
            "equipment",
            "name one equipment type",
        ),
        (
            {"kind": "allegation", "count": "3 strikes", "denied_by": ["b", "b"]},
            "denied_by",
            "denies it twice",
        ),
    ],
)
def test_the_loader_still_makes_the_checks_its_hooks_leave_to_the_record(
    record: dict[str, Any], path: str, message: str
) -> None:
    # Fields whose hooks only type the value are converted and validated as __init__ does.
    document = {"incursion": 1, "sources": _TWO_SOURCES, "records": [{**_BASE, **record}]}
    with pytest.raises(DocumentError) as caught:
        incursion.loads(json.dumps(document))
    (problem,) = caught.value.problems
    assert problem.path == f"$.records[0].{path}"
    assert message in problem.message


@pytest.mark.parametrize("key", ["value", "precision"])
def test_a_figure_object_read_before_does_not_let_true_stand_for_1(key: str) -> None:
    # Figure objects are read once and remembered by their items; true == 1 in Python,
    # so the memory must not answer for an object that says true where a number goes.
    read = {"value": 1, "unit": "km", "precision": 1}
    (record,) = incursion.loads(_one_area_document({**read, "unit": "km²"})).records
    assert record.figure("area") == incursion.Estimate.of(1, "km²")
    with pytest.raises(DocumentError, match="must be a number"):
        incursion.loads(_one_area_document({**read, "unit": "km²", key: True}))


def _one_area_document(area: dict[str, Any]) -> str:
    record = {**_BASE, "kind": "territorial-claim", "area": area}
    return json.dumps({"incursion": 1, "sources": _TWO_SOURCES, "records": [record]})
