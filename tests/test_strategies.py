"""incursion.strategies: what each strategy draws, documents built for the checks, the hook."""

from __future__ import annotations

import importlib
import importlib.metadata
import json
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import incursion
from incursion import (
    MEASURES,
    Allegation,
    Assessment,
    CasualtyReport,
    Count,
    Document,
    Estimate,
    Evidence,
    Fate,
    Hedge,
    MaterielLoss,
    Measurement,
    Record,
    Region,
    Share,
    Source,
    Status,
    TerritorialClaim,
)
from incursion import strategies as strategies_module
from incursion._hypothesis_hook import STRATEGIES, _hypothesis_setup_hook
from incursion.checks import BUILTIN, Report, Severity
from incursion.strategies import (
    DIMENSIONS,
    INJECTABLE_CHECKS,
    allegations,
    casualty_reports,
    consistent_documents,
    documents,
    estimates,
    figure_texts,
    inconsistent_documents,
    materiel_losses,
    measurements,
    records,
    territorial_claims,
)
from incursion.strategies._inconsistent import INJECTORS, documents_with_slip

HOOK = "incursion._hypothesis_hook:_hypothesis_setup_hook"
#: For ``find``: the first example found will do; shrinking it costs seconds.
FIRST_FOUND = settings(phases=[Phase.generate], database=None, max_examples=1_000)
RECORD_CLASSES = (
    TerritorialClaim,
    CasualtyReport,
    Allegation,
    Assessment,
    MaterielLoss,
    Measurement,
)
#: Sources to draw records from, so that a record, and those that deny it, are listed.
SOURCES = (Source(id="ua", name="Ukrainian official"), Source(id="ru", name="Russian official"))
#: Built-in checks that only ever add notes (info): there is no inconsistency to inject.
NOTES_ONLY = {"revision"}
#: Each kind of slip ``inconsistent_documents`` injects, with the check that finds it.
SLIPS = [(check_id, slip) for check_id, slips in INJECTORS.items() for slip in slips]


def check(document: Document) -> Report:
    """The built-in checks on a document (no checks of other installed packages)."""
    return incursion.check(document, checks=BUILTIN)


def loud(report: Report) -> list[str]:
    """The findings at warning or above, as messages."""
    return [f"{f.check}: {f.message}" for f in report.findings if f.severity is not Severity.INFO]


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    """Run code in a fresh interpreter of this environment."""
    return subprocess.run(  # noqa: S603 - our own interpreter, our own code
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120
    )


class TestFromType:
    """With incursion installed, ``st.from_type`` draws its types through the entry point."""

    def test_the_entry_point_is_registered(self) -> None:
        """The installed package declares the hook in the ``hypothesis`` entry-point group."""
        points = importlib.metadata.entry_points(group="hypothesis")
        assert HOOK in {p.value for p in points}

    @pytest.mark.parametrize("cls", list(STRATEGIES), ids=lambda c: c.__name__)
    @given(data=st.data())
    @settings(max_examples=10)
    def test_draws_valid_values(self, cls: type, data: st.DataObject) -> None:
        """Each registered type draws instances of itself, built through its validators."""
        assert isinstance(data.draw(st.from_type(cls)), cls)

    @pytest.mark.parametrize("cls", RECORD_CLASSES, ids=lambda c: c.__name__)
    def test_the_record_union_draws_every_kind(self, cls: type) -> None:
        """``st.from_type(Record)`` reaches each of the six record kinds."""
        drawn: st.SearchStrategy[Record] = st.from_type(Record)  # type: ignore[arg-type]
        found = find(drawn, lambda r: isinstance(r, cls), settings=FIRST_FOUND)
        assert isinstance(found, cls)

    def test_registers_our_types_and_no_other(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """The hook registers exactly incursion's types, each with a strategy of its own."""
        registered: dict[type, Any] = {}
        monkeypatch.setattr(st, "register_type_strategy", registered.__setitem__)
        _hypothesis_setup_hook()
        assert set(registered) == set(STRATEGIES)
        assert all(cls.__module__.startswith("incursion.") for cls in registered)
        for cls, resolve in registered.items():
            assert isinstance(resolve(cls), st.SearchStrategy)

    def test_the_hook_is_cheap(self) -> None:
        """Importing Hypothesis imports incursion's types, not the strategies module."""
        result = run_python(
            "import sys, hypothesis; "
            "assert 'incursion' in sys.modules; "
            "assert 'incursion.strategies' not in sys.modules"
        )
        assert result.returncode == 0, result.stderr

    def test_incursion_does_not_import_hypothesis(self) -> None:
        """Importing incursion leaves Hypothesis unimported."""
        result = run_python("import sys, incursion; assert 'hypothesis' not in sys.modules")
        assert result.returncode == 0, result.stderr

    def test_strategies_import_before_hypothesis(self) -> None:
        """Importing the strategies first, which imports Hypothesis and so runs the hook, works."""
        result = run_python(
            "import incursion.strategies\n"
            "from hypothesis import strategies as st\n"
            "from incursion import Document\n"
            "assert st.from_type(Document) is not None\n"
        )
        assert result.returncode == 0, result.stderr


class TestWithoutHypothesis:
    """Without Hypothesis, importing the strategies says how to install it."""

    def test_import_error_names_the_extra(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """The ImportError tells the user to install ``incursion[hypothesis]``."""
        monkeypatch.setitem(sys.modules, "hypothesis", None)
        package = "incursion.strategies"
        for name in [n for n in sys.modules if n == package or n.startswith(f"{package}.")]:
            monkeypatch.delitem(sys.modules, name)  # the package and its modules, as if new
        with pytest.raises(ImportError, match=r"pip install 'incursion\[hypothesis\]'"):
            importlib.import_module("incursion.strategies")


class TestFigures:
    """Figure texts and estimates are what they were asked for, and always readable."""

    @given(data=st.data())
    def test_figure_texts_read_as_asked(self, data: st.DataObject) -> None:
        """A figure text of a dimension and hedges reads to that dimension and one of them."""
        dimension = data.draw(st.sampled_from(DIMENSIONS))
        hedges = data.draw(st.lists(st.sampled_from(tuple(Hedge)), min_size=1, unique=True))
        estimate = Estimate.parse(data.draw(figure_texts(dimension, hedges=hedges)))
        assert estimate.dimension == dimension
        assert estimate.hedge in hedges

    @given(data=st.data())
    def test_estimates_are_as_asked(self, data: st.DataObject) -> None:
        """An estimate of a dimension and hedges has that dimension and one of them."""
        dimension = data.draw(st.sampled_from(DIMENSIONS))
        hedge = data.draw(st.sampled_from(tuple(Hedge)))
        estimate = data.draw(estimates(dimension, hedges=[hedge.value]))
        assert (estimate.dimension, estimate.hedge) == (dimension, hedge)

    @pytest.mark.parametrize(
        ("make", "names"),
        [
            (lambda: estimates("volume"), "'area', 'length', 'mass', 'person'"),
            (lambda: figure_texts(hedges=["sort of"]), "'exact', 'about'"),
            (lambda: figure_texts(hedges=[]), "at least one hedge"),
            (lambda: records(kinds=[Region]), "TerritorialClaim, CasualtyReport"),  # type: ignore[list-item]
            (lambda: documents(kinds=[]), "TerritorialClaim, CasualtyReport"),
        ],
    )
    def test_a_wrong_argument_names_the_right_ones(self, make: Any, names: str) -> None:
        """A wrong argument raises InvalidArgument at once, naming what is accepted."""
        with pytest.raises(InvalidArgument, match=names):
            make()


class TestDocuments:
    """Generated documents hold the record kinds asked for."""

    @pytest.mark.parametrize("cls", RECORD_CLASSES, ids=lambda c: c.__name__)
    @given(data=st.data())
    @settings(max_examples=10)
    def test_of_one_kind(self, cls: type[Record], data: st.DataObject) -> None:
        """``documents(kinds=[cls])`` draws documents of that kind of record only."""
        document = data.draw(documents(kinds=[cls]))
        assert document.records
        assert all(isinstance(r, cls) for r in document.records)


def counts(record: Record) -> list[Count]:
    """The counts a record holds (casualty counts, equipment counts, a measurement's value)."""
    return [value for _, value in record.figure_items() if isinstance(value, Count)]


def share_checked(record: Record) -> bool:
    """Whether a record states one of its own figures as a share of a recorded figure."""
    share = record.share_of
    return share is not None and share.record is not None and bool(record.figures())


def stated_only_as_share(record: Record) -> bool:
    """Whether a record's figure is stated only as a share (its field left out)."""
    share = record.share_of
    return share is not None and share.figure in record.figure_fields()


def equipment_parts(record: Record) -> bool:
    """Whether a materiel loss counts narrower equipment types as parts."""
    return isinstance(record, MaterielLoss) and any(c.parts for c in counts(record))


def having(attribute: str, value: object) -> Any:
    """A test of a record: whether its ``attribute`` is ``value``."""
    return lambda record: getattr(record, attribute, None) is value


#: What the strategies draw of the model's newer kinds, fields and values, by name.
FEATURES: dict[str, Any] = {
    "materiel loss with parts": equipment_parts,
    "materiel loss of a bare number": lambda r: (
        isinstance(r, MaterielLoss)
        and any(c.total.text is None and c.total.hedge is Hedge.EXACT for c in counts(r))
    ),
    **{f"fate {fate.value}": having("fate", fate) for fate in Fate},
    "known measure": lambda r: isinstance(r, Measurement) and r.measure in MEASURES,
    "measure of another name": lambda r: isinstance(r, Measurement) and r.measure not in MEASURES,
    "a mass": lambda r: any(e.dimension == "mass" for _, e in r.figures()),
    "status documented": lambda r: getattr(r, "status", None) is Status.DOCUMENTED,
    "status unsaid": lambda r: hasattr(r, "status") and r.status is None,
    "predicate unsaid": lambda r: isinstance(r, TerritorialClaim) and r.predicate is None,
    "population unsaid": lambda r: isinstance(r, CasualtyReport) and r.population is None,
    **{
        f"evidence {evidence.value}": having("evidence", evidence)
        for evidence in (Evidence.DISPUTED, Evidence.DENIED, Evidence.UNDER_INVESTIGATION)
    },
    "denied by a source": lambda r: bool(getattr(r, "denied_by", ())),
    "group": lambda r: isinstance(r, CasualtyReport) and r.group is not None,
    "killed and wounded": lambda r: getattr(r, "killed_and_wounded", None) is not None,
    "losses": lambda r: isinstance(r, CasualtyReport) and r.losses is not None,
    "change": lambda r: any(c.change is not None for c in counts(r)),
    "tally": lambda r: any(c.tally is not None for c in counts(r)),
    "within": lambda r: r.within is not None,
    "within with its figure named": lambda r: r.within is not None and r.within.figure is not None,
    "within a part": lambda r: r.within is not None and ".parts." in r.within.field,
    "share of a recorded figure": share_checked,
    "share of a whole in words": lambda r: r.share_of is not None and r.share_of.record is None,
    "figure stated only as a share": stated_only_as_share,
    "revises": lambda r: r.revises is not None,
}


class TestNewKindsAndFields:
    """The strategies draw every record kind, field and value of the model, valid as drawn."""

    @pytest.mark.parametrize(
        "strategy",
        [materiel_losses, measurements, casualty_reports, allegations, territorial_claims],
        ids=lambda s: s.__name__,
    )
    @given(data=st.data())
    @settings(max_examples=30)
    def test_records_round_trip(self, strategy: Any, data: st.DataObject) -> None:
        """A record drawn alone, in a document of its sources, loads back equal."""
        record = data.draw(strategy(sources=st.sampled_from(SOURCES)))
        document = Document(sources=SOURCES, records=[record])
        assert incursion.loads(incursion.dumps(document)) == document

    @given(documents())
    @settings(max_examples=30)
    def test_documents_round_trip(self, document: Document) -> None:
        """A drawn document, relations and all, loads back equal."""
        assert incursion.loads(incursion.dumps(document)) == document

    @given(documents())
    @settings(max_examples=30)
    def test_relations_name_figures_of_the_document(self, document: Document) -> None:
        """Relations name a record of the document and a figure it holds; deniers are listed."""
        ids = {r.id for r in document.records}
        for record in document.records:
            for relation in (record.within, record.share_of):
                if relation is not None and relation.record is not None:
                    assert relation.field is not None
                    assert document.record(relation.record).figure(relation.field) is not None
            assert record.revises is None or record.revises in ids - {record.id}
            for denier in getattr(record, "denied_by", ()):
                assert denier in document.sources

    @given(documents())
    @settings(max_examples=20)
    def test_documents_match_the_schema(self, document: Document) -> None:
        """A drawn document, as written, is valid under the JSON Schema."""
        jsonschema = pytest.importorskip("jsonschema")
        jsonschema.validate(json.loads(incursion.dumps(document)), incursion.schema())

    @pytest.mark.parametrize("feature", list(FEATURES))
    def test_each_is_drawn(self, feature: str) -> None:
        """Some drawn document holds a record with each newer kind, field and value."""
        wanted = FEATURES[feature]

        def holds(document: Document) -> bool:
            return any(wanted(r) for r in document.records)

        assert holds(find(documents(), holds, settings=FIRST_FOUND))

    @pytest.mark.parametrize("cls", [MaterielLoss, Measurement], ids=lambda c: c.__name__)
    def test_a_record_alone_relates_its_own_figures(self, cls: type[Record]) -> None:
        """A record drawn alone sometimes holds a figure within another of its own."""

        def related(record: Record) -> bool:
            return record.within is not None and record.within.record == record.id

        found = find(records(kinds=[cls]), related, settings=FIRST_FOUND)
        assert isinstance(found, cls)
        assert related(found)
        assert incursion.loads(incursion.dumps(Document.from_records([found]))).records[0] == found


class TestConsistentDocuments:
    """Documents built to be consistent give the checks nothing to warn of."""

    @given(consistent_documents())
    @settings(max_examples=300)
    def test_no_warning_or_error(self, document: Document) -> None:
        """No built-in check reports a warning or an error, across a few hundred documents."""
        assert loud(check(document)) == []

    def test_every_record_kind_and_a_region_are_drawn(self) -> None:
        """Some consistent document holds every record kind, a region, parts and a range."""

        def rich(document: Document) -> bool:
            kinds = {type(r) for r in document.records}
            parts = any(
                count.parts
                for r in document.records
                if isinstance(r, CasualtyReport)
                for count in (r.killed, r.wounded, r.missing, r.captured, r.displaced)
                if count is not None
            )
            ranges = any(e.hedge is Hedge.BETWEEN for r in document.records for _, e in r.figures())
            return kinds == set(RECORD_CLASSES) and bool(document.regions) and parts and ranges

        assert rich(find(consistent_documents(), rich, settings=FIRST_FOUND))

    @given(consistent_documents())
    @settings(max_examples=20)
    def test_they_load_again(self, document: Document) -> None:
        """A consistent document survives a round trip through JSON."""
        assert incursion.loads(incursion.dumps(document)) == document

    @pytest.mark.parametrize(
        "feature",
        [
            "materiel loss with parts",
            "known measure",
            "a mass",
            "status documented",
            "denied by a source",
            "group",
            "killed and wounded",
            "losses",
            "change",
            "tally",
            "within",
            "within a part",
            "share of a recorded figure",
            "revises",
        ],
    )
    def test_the_newer_kinds_and_relations_are_drawn(self, feature: str) -> None:
        """Consistent documents hold the newer kinds and fields, so the checks see them."""
        wanted = FEATURES[feature]

        def holds(document: Document) -> bool:
            return any(wanted(r) for r in document.records)

        assert holds(find(consistent_documents(), holds, settings=FIRST_FOUND))

    @pytest.mark.parametrize(
        "whole",
        [
            pytest.param(
                lambda r: (
                    isinstance(r, MaterielLoss)
                    and any(c.complete and len(c.parts) >= 2 for c in counts(r))
                ),
                id="complete-equipment-parts",
            ),
            pytest.param(
                lambda r: (
                    isinstance(r, CasualtyReport)
                    and None not in (r.killed, r.wounded, r.killed_and_wounded)
                ),
                id="killed-wounded-and-their-sum",
            ),
        ],
    )
    def test_wholes_given_with_all_their_parts(self, whole: Any) -> None:
        """Some consistent record gives a whole with all its parts, which must add up."""

        def holds(document: Document) -> bool:
            return any(whole(r) for r in document.records)

        assert holds(find(consistent_documents(), holds, settings=FIRST_FOUND))


class TestInconsistentDocuments:
    """One injected inconsistency is found by its check, and nothing else is."""

    def test_every_builtin_check_can_be_injected(self) -> None:
        """There is an inconsistency to inject for each built-in check that reports one."""
        assert set(INJECTABLE_CHECKS) == {c.id for c in BUILTIN} - NOTES_ONLY

    @pytest.mark.parametrize("check_id", INJECTABLE_CHECKS)
    @given(data=st.data())
    @settings(max_examples=20)
    def test_found_by_its_check_alone(self, check_id: str, data: st.DataObject) -> None:
        """The named check reports a warning or an error; no other check does."""
        report = check(data.draw(inconsistent_documents(check_id)))
        found = {f.check for f in report.findings if f.severity is not Severity.INFO}
        assert found == {check_id}, loud(report)

    @pytest.mark.parametrize(("check_id", "slip"), SLIPS, ids=[slip for _, slip in SLIPS])
    @given(data=st.data())
    @settings(max_examples=10)
    def test_each_kind_of_slip_is_found_by_its_check_alone(
        self, check_id: str, slip: str, data: st.DataObject
    ) -> None:
        """Each kind of slip a check finds, injected on its own, is found by that check alone."""
        document = data.draw(documents_with_slip(check_id, slip))
        report = check(document)
        found = {f.check for f in report.findings if f.severity is not Severity.INFO}
        assert found == {check_id}, loud(report)
        assert incursion.loads(incursion.dumps(document)) == document

    @pytest.mark.parametrize(
        ("slip", "wanted"),
        [
            ("equipment-part", lambda f, _: any(".equipment" in p for p in f.paths)),
            (
                "single-above-combined",
                lambda f, _: any(p.endswith(("killed_and_wounded", "losses")) for p in f.paths),
            ),
            (
                "singles-short",
                lambda f, _: (
                    len(f.paths) > 2 and f.paths[-1].endswith(("killed_and_wounded", "losses"))
                ),
            ),
            ("within", lambda f, d: any(d.record(r).within is not None for r in f.records)),
        ],
    )
    @given(data=st.data())
    @settings(max_examples=10)
    def test_the_new_part_whole_slips(self, slip: str, wanted: Any, data: st.DataObject) -> None:
        """Part-whole finds each new slip where it was put: equipment, combined counts, within."""
        document = data.draw(documents_with_slip("part-whole", slip))
        findings = [f for f in check(document).findings if f.check == "part-whole"]
        assert findings
        assert all(wanted(f, document) for f in findings)

    @pytest.mark.parametrize("slip", ["share-below", "share-above"])
    @given(data=st.data())
    @settings(max_examples=10)
    def test_a_share_that_does_not_fit_is_found(self, slip: str, data: st.DataObject) -> None:
        """The share check names the record whose share does not fit, and its whole."""
        document = data.draw(documents_with_slip("share", slip))
        (finding,) = [f for f in check(document).findings if f.check == "share"]
        part = document.record(finding.records[0])
        assert isinstance(part.share_of, Share)
        assert finding.records == (part.id, part.share_of.record)

    @pytest.mark.parametrize(
        "slip",
        [
            pytest.param(lambda f, _: any(".equipment" in p for p in f.paths), id="equipment"),
            pytest.param(
                lambda f, _: any(p.endswith(("killed_and_wounded", "losses")) for p in f.paths),
                id="combined",
            ),
            pytest.param(
                lambda f, d: any(d.record(r).within is not None for r in f.records), id="within"
            ),
        ],
    )
    def test_naming_the_check_draws_each_of_its_slips(self, slip: Any) -> None:
        """``inconsistent_documents("part-whole")`` reaches each kind of slip the check finds."""

        def found(document: Document) -> bool:
            return any(
                slip(f, document) for f in check(document).findings if f.check == "part-whole"
            )

        assert found(find(inconsistent_documents("part-whole"), found, settings=FIRST_FOUND))

    @given(inconsistent_documents())
    @settings(max_examples=20)
    def test_any_check(self, document: Document) -> None:
        """With no check named, one of the injectable checks finds something."""
        found = {f.check for f in check(document).findings if f.severity is not Severity.INFO}
        assert len(found) == 1
        assert found <= set(INJECTABLE_CHECKS)

    def test_an_unknown_check_names_the_known(self) -> None:
        """Naming a check that cannot be injected raises InvalidArgument listing those that can."""
        with pytest.raises(InvalidArgument, match="extent, part-whole"):
            inconsistent_documents("my-org.large-displacement")


def test_every_public_name_is_documented() -> None:
    """Each name in ``__all__`` has a docstring saying since when it exists (or is a constant)."""
    for name in strategies_module.__all__:
        value = getattr(strategies_module, name)
        if callable(value):
            assert ".. versionadded:: 0.1.0" in (value.__doc__ or ""), name
