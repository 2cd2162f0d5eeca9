"""incursion.strategies: what each strategy draws, documents built for the checks, the hook."""

from __future__ import annotations

import importlib
import importlib.metadata
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import incursion
from incursion import (
    Allegation,
    Assessment,
    CasualtyReport,
    Document,
    Estimate,
    Hedge,
    Record,
    Region,
    TerritorialClaim,
)
from incursion import strategies as strategies_module
from incursion._hypothesis_hook import STRATEGIES, _hypothesis_setup_hook
from incursion.checks import BUILTIN, Report, Severity
from incursion.strategies import (
    DIMENSIONS,
    INJECTABLE_CHECKS,
    consistent_documents,
    documents,
    estimates,
    figure_texts,
    inconsistent_documents,
    records,
)

HOOK = "incursion._hypothesis_hook:_hypothesis_setup_hook"
#: For ``find``: the first example found will do; shrinking it costs seconds.
FIRST_FOUND = settings(phases=[Phase.generate], database=None, max_examples=1_000)
RECORD_CLASSES = (TerritorialClaim, CasualtyReport, Allegation, Assessment)


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
        """``st.from_type(Record)`` reaches each of the four record kinds."""
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
        monkeypatch.delitem(sys.modules, "incursion.strategies")
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
            (lambda: estimates("volume"), "'area', 'length', 'person'"),
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


class TestInconsistentDocuments:
    """One injected inconsistency is found by its check, and nothing else is."""

    def test_every_builtin_check_can_be_injected(self) -> None:
        """There is an inconsistency to inject for each built-in check."""
        assert set(INJECTABLE_CHECKS) == {c.id for c in BUILTIN}

    @pytest.mark.parametrize("check_id", INJECTABLE_CHECKS)
    @given(data=st.data())
    @settings(max_examples=20)
    def test_found_by_its_check_alone(self, check_id: str, data: st.DataObject) -> None:
        """The named check reports a warning or an error; no other check does."""
        report = check(data.draw(inconsistent_documents(check_id)))
        found = {f.check for f in report.findings if f.severity is not Severity.INFO}
        assert found == {check_id}, loud(report)

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
