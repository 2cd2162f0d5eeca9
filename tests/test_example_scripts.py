"""The scripts in examples/ run and print what their docstrings promise.

Every script in examples/ has a test class here (one whose ``script`` names it) and a
section in docs/examples.md; :class:`TestEveryScript` fails for a script without either,
so that no example can rot unseen.
"""

from __future__ import annotations

import ast
import functools
import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import ClassVar

import pytest

import incursion
from incursion import Document
from incursion.examples import kursk_2024

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
DOCS_PAGE = ROOT / "docs" / "examples.md"
SCRIPTS = sorted(path.name for path in EXAMPLES.glob("*.py"))


@functools.cache
def result_of(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run a script with our interpreter, once per set of arguments."""
    return subprocess.run(  # noqa: S603 - our own script, run by our own interpreter
        [sys.executable, str(EXAMPLES / script), *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        cwd=ROOT,
    )


def run(script: str, *args: str, status: int = 0) -> str:
    """The standard output of a script that must exit with ``status`` and say nothing on stderr."""
    result = result_of(script, *args)
    assert result.returncode == status, result.stderr
    assert result.stderr == ""
    return result.stdout


def module(script: str) -> ModuleType:
    """Import an example script as a module (its ``main`` does not run)."""
    spec = importlib.util.spec_from_file_location(script.removesuffix(".py"), EXAMPLES / script)
    assert spec is not None
    assert spec.loader is not None
    loaded = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(loaded)
    return loaded


def kursk_report() -> incursion.checks.Report:
    return incursion.check(kursk_2024())


class TestKurskFigures:
    script: ClassVar[str] = "kursk_figures.py"

    def test_prints_every_record(self) -> None:
        """Every record of the bundled document gets a line of its own."""
        out = run(self.script)
        for record in kursk_2024().records:
            assert f"{record.id} (" in out

    @pytest.mark.parametrize(
        "line",
        [
            (
                "area: around 1,000 square kilometres (386 square miles)  ->  about: "
                "900 to 1,100 km²  [brackets state 386 mi²]"
            ),
            "depth: 12 kilometres (7.5 miles)  ->  exact: 11.5 to 12.5 km",
            "killed: 12 civilians  ->  exact: exactly 12 people",
            "displaced: about 121,000 people  ->  about: 108,900 to 133,100 people",
            "displaced: 100,000 people  ->  exact: 95,000 to 105,000 people",
        ],
    )
    def test_prints_the_seed_intervals(self, line: str) -> None:
        """The seed figures are printed with their hedge and interval."""
        assert line in run(self.script)


class TestRecordByHand:
    script: ClassVar[str] = "record_by_hand.py"

    def printed(self) -> tuple[Document, str]:
        """The document the script prints as JSON, and the report printed after it."""
        out = run(self.script)
        data, end = json.JSONDecoder().raw_decode(out)
        return incursion.loads(json.dumps(data)), out[end:]

    def test_prints_a_document_that_loads(self) -> None:
        """The JSON printed is a document of three sources and five records."""
        document, _ = self.printed()
        assert [s.id for s in document.sources] == ["syrskyi", "smirnov", "putin"]
        assert len(document.records) == 5

    def test_keeps_the_words_as_written(self) -> None:
        """Each figure and quote in the JSON is the article's words, as written."""
        out = run(self.script)
        assert '"area": "around 1,000 square kilometres (386 square miles)"' in out
        assert '"front_width": "40-kilometre (25-mile)"' in out
        assert '"wounded": {\n        "total": "121 civilians"' in out
        document, _ = self.printed()
        quotes = {r.citation.quote for r in kursk_2024().records if r.citation}
        assert all(r.citation is not None and r.citation.quote in quotes for r in document.records)

    def test_reports_the_extent_and_disagreement_errors(self) -> None:
        """The report after the JSON has the extent and the disagreement error, and the note."""
        document, report = self.printed()
        assert report.strip() == incursion.check(document).render_text().strip()
        assert "extent (1)\n  ERROR   area around 1,000 km² (Oleksandr Syrskyi) exceeds" in report
        assert (
            "disagreement (1)\n  ERROR   displaced: about 121,000 people (Alexei Smirnov:" in report
        )
        assert report.rstrip().endswith(
            "5 records, 13 checks: 2 errors, 0 warnings, 1 note; 7 of 8 figures compared with\n"
            "another, 1 alone"
        )

    def test_writes_the_json_to_a_file(self, tmp_path: Path) -> None:
        """Given a file name, it writes the same document there instead of printing it."""
        target = tmp_path / "figures.json"
        out = run(self.script, str(target))
        assert out.startswith(f"wrote 5 records to {target}\n")
        assert incursion.load(target) == self.printed()[0]
        assert "2 errors, 0 warnings, 1 note" in out


class TestLoadAndReport:
    script: ClassVar[str] = "load_and_report.py"

    def test_reports_on_the_bundled_example_as_text(self) -> None:
        """With no file it prints the bundled example's text report and exits 1 (errors)."""
        out = run(self.script, status=1)
        assert out == kursk_report().render_text()
        assert out.rstrip().endswith(
            "9 records, 13 checks: 2 errors, 0 warnings, 1 note; 7 of 10 figures compared\n"
            "with another, 3 alone"
        )

    def test_reports_as_json(self) -> None:
        """--format json prints the report as JSON: findings and a summary."""
        data = json.loads(run(self.script, "--format", "json", status=1))
        assert data == json.loads(kursk_report().render_json())
        assert data["summary"]["by_severity"] == {"error": 2, "warning": 0, "info": 1}

    def test_reports_as_markdown(self) -> None:
        """--format markdown prints the report as Markdown tables."""
        out = run(self.script, "--format", "markdown", status=1)
        assert out == kursk_report().render_markdown()
        assert out.startswith(
            "# incursion check\n\n9 records, 13 checks: 2 errors, 0 warnings, 1 note; 7 of 10 "
            "figures compared with another, 3 alone."
        )

    def test_reports_on_a_file_and_exits_0_without_errors(self, tmp_path: Path) -> None:
        """A document given on the command line is loaded from it; a note alone exits 0."""
        kursk = kursk_2024()
        path = tmp_path / "one-claim.json"
        document = Document(
            sources=[kursk.source("syrskyi")],
            records=[kursk.record("syrskyi-0812")],
            regions=kursk.regions,
        )
        incursion.dump(document, path)
        out = run(self.script, str(path))
        assert out.rstrip().endswith(
            " 13 checks: 0 errors, 0 warnings, 1 note; 1 of 1 figure compared with\n"
            "another, 0 alone"
        )

    def test_an_unreadable_document_exits_2_with_every_problem(self, tmp_path: Path) -> None:
        """A document that cannot be loaded: exit 2, each problem with its JSON path."""
        path = tmp_path / "bad.json"
        record = {"kind": "territorial-claim", "id": "a", "source": "x", "subject": "s"}
        record |= {"as_of": "2024-08-12", "area": "about 10 parsecs"}
        path.write_text(json.dumps({"incursion": 1, "sources": [], "records": [record]}))
        result = result_of(self.script, str(path))
        assert (result.returncode, result.stdout) == (2, "")
        assert f"2 problems in {path}:" in result.stderr
        assert "$.records[0].source: unknown source id 'x'" in result.stderr
        assert '$.records[0].area: unknown unit "parsecs"' in result.stderr

    def test_a_missing_file_exits_2(self, tmp_path: Path) -> None:
        """A file that does not exist: exit 2 and the reason on standard error."""
        result = result_of(self.script, str(tmp_path / "missing.json"))
        assert (result.returncode, result.stdout) == (2, "")
        assert "No such file or directory" in result.stderr


class TestCustomCheck:
    script: ClassVar[str] = "custom_check.py"

    def test_reports_the_round_count_beside_the_builtin_findings(self) -> None:
        """The registered check runs with the built-in ones: one note, on Putin's figure."""
        out = run(self.script)
        assert out.startswith(kursk_report().render_text().rsplit("\n\n", 2)[0])
        assert (
            "my-desk.round-count (1)\n"
            "  INFO    Vladimir Putin gives 100,000 people with no hedge: rounded to the\n"
            "          nearest 10,000\n"
            "          at $.records[5].displaced\n"
        ) in out
        assert "9 records, 14 checks: 2 errors, 0 warnings, 2 notes" in out
        assert "my-desk.round-count ran with {'threshold': 1000}" in out

    def test_a_higher_threshold_reports_nothing(self) -> None:
        """Passed with a threshold of 100,000 beside the built-ins, it finds nothing."""
        out = run(self.script)
        _, lenient = out.split(
            "my-desk.round-count with {'threshold': 100000}, beside the built-ins:"
        )
        assert "  extent: 1 finding\n" in lenient
        assert "  my-desk.round-count: 0 findings\n" in lenient

    def test_the_check_is_a_complete_check(self) -> None:
        """The class has every attribute of a check; importing the script registers nothing."""
        check = module(self.script).RoundCount()
        assert isinstance(check, incursion.checks.Check)
        assert check.id not in incursion.checks.available()


class TestExtractFromText:
    script: ClassVar[str] = "extract_from_text.py"

    def test_the_builtin_text_is_only_the_example_quotes(self) -> None:
        """With no file it reads the bundled example's quotes, a full stop after each."""
        quotes = [r.citation.quote for r in kursk_2024().records if r.citation]
        assert module(self.script).builtin_text().splitlines() == [f"{q}." for q in quotes]

    @pytest.mark.parametrize(
        "lines",
        [
            (
                "1:22      around 1,000 square kilometres (386 square miles)\n"
                '          about ("around") · 900–1,100 km²\n'
                "          in: Ukraine now controls around 1,000 square kilometres (386 square "
                "miles) of Russian territory in the Kursk region.\n"
            ),
            "2:86      40-kilometre (25-mile)\n          exact · 39.5–40.5 km\n",
            "3:19      28 Russian settlements\n          exact · 28 settlement(s)\n",
            (
                "5:1       About 121,000 people\n"
                '          about ("About") · 108,900–133,100 people\n'
            ),
            "6:63      100,000 people\n          exact · 95,000–105,000 people\n",
            (
                "8:17      nearly 2,000 cross-border strikes\n"
                '          nearly ("nearly") · 1,800–2,000 strike(s)\n'
            ),
        ],
    )
    def test_prints_each_figure_with_its_hedge_and_sentence(self, lines: str) -> None:
        """Each figure: where it stands, its words, its hedge and interval, its sentence."""
        assert lines in run(self.script)

    def test_prints_the_conversion_findings(self) -> None:
        """Then the findings on the brackets: one note, nothing wrong, exit 0."""
        out = run(self.script)
        assert out.count("\n          in: ") == 10
        assert out.endswith(
            "\n10 figures, 3 bracketed conversions checked\n"
            "  INFO    around 1,000 km²: the bracket 386 mi² is more precise than the figure "
            "(1,000 km² is 386.1 mi²)\n"
            "          at built-in text:1:22\n"
            "0 wrong, 1 worth a look\n"
        )

    def test_a_wrong_bracket_in_a_file_exits_1(self, tmp_path: Path) -> None:
        """A text file with a wrong conversion: the error, at FILE:line:column, and exit 1."""
        path = tmp_path / "slip.txt"
        path.write_text(
            "A line with 12 km (7.5 miles).\n"
            "They said about 700 square miles (2,000 square kilometres) were held.\n",
            encoding="utf-8",
        )
        out = run(self.script, str(path), status=1)
        assert "2:11      about 700 square miles (2,000 square kilometres)\n" in out
        assert "ERROR   about 700 mi²: 700 mi² is 1,813 km², not 2,000 km²" in out
        assert f"at {path}:2:11\n" in out
        assert out.endswith("1 wrong, 0 worth a look\n")


class TestCompareOverTime:
    script: ClassVar[str] = "compare_over_time.py"

    @pytest.mark.parametrize(
        "lines",
        [
            (
                "Regional administration\n"
                "  area\n"
                "    2024-08-10  about 150 square kilometres    135–165 km²\n"
                "    2024-08-12  about 15,000 square kilometres 13,500–16,500 km²\n"
                "  displaced\n"
                "    2024-08-10  about 40,000 people            36,000–44,000 people\n"
            ),
            (
                "  killed\n"
                "    2024-08-10  at least 5 civilians           5 people or more\n"
                "    2024-08-12  12 civilians                   12 people\n"
                "    2024-08-14  9 civilians                    9 people\n"
            ),
            (
                "Relief agency\n"
                "  displaced\n"
                "    2024-08-10  38,000 people                  37,500–38,500 people\n"
                "    2024-08-12  more than 60,000 people        60,001 people or more\n"
                "    2024-08-14  120,000 people                 115,000–125,000 people\n"
            ),
        ],
    )
    def test_prints_each_sources_series(self, lines: str) -> None:
        """Each source's figures, field by field and day by day, with their intervals."""
        assert lines in run(self.script)

    def test_prints_the_three_findings(self) -> None:
        """A disagreement on 14 August, a falling count of the dead, ground taken too fast."""
        out = run(self.script)
        _, findings = out.split("\n3 findings:\n")
        lines = findings.splitlines()
        assert len(lines) == 3
        assert lines[0].startswith(
            "  ERROR   disagreement: displaced: about 75,000 people (Regional administration: "
            "between 67,500 and 82,500) against 120,000 people (Relief agency: unhedged, read as "
            "115,000 to 125,000): the ranges are 32,500 apart"
        )
        assert lines[1].startswith(
            "  ERROR   cumulative-decrease: killed fell from 12 people (Regional administration,"
            " 2024-08-12) to 9 people (Regional administration, 2024-08-14)"
        )
        assert lines[2].startswith(
            "  WARNING rate: area grew from about 150 km² (Regional administration, 2024-08-10: "
            "between 135 and 165 km²) to about 15,000 km²"
        )
        assert lines[2].endswith("at least 6,668 km² a day, above 5,000 km² a day")

    def test_no_other_check_finds_anything(self) -> None:
        """The invented figures trip only the three checks the script shows."""
        report = incursion.check(module(self.script).build())
        assert {check: n for check, n in report.by_check.items() if n} == {
            "disagreement": 1,
            "cumulative-decrease": 1,
            "rate": 1,
        }


TESTED = {
    vars(cls)["script"]: cls
    for cls in list(globals().values())
    if isinstance(cls, type) and cls.__name__.startswith("Test") and "script" in vars(cls)
}


class TestEveryScript:
    def test_every_script_has_a_test_class(self) -> None:
        """Each script in examples/ has a test class here, and each test class a script."""
        assert sorted(TESTED) == SCRIPTS, (
            f"scripts without a test class: {sorted(set(SCRIPTS) - set(TESTED))}; "
            f"test classes without a script: {sorted(set(TESTED) - set(SCRIPTS))}"
        )

    @pytest.mark.parametrize("script", SCRIPTS)
    def test_says_what_it_shows_and_how_to_run_it(self, script: str) -> None:
        """Each script's docstring says what it shows, then how to run it."""
        docstring = ast.get_docstring(ast.parse((EXAMPLES / script).read_text(encoding="utf-8")))
        assert docstring is not None, f"{script} has no module docstring"
        summary, _, rest = docstring.partition("\n\n")
        assert summary.endswith("."), summary
        assert f"Run:  python examples/{script}" in rest

    @pytest.mark.parametrize("script", SCRIPTS)
    def test_is_shown_in_the_docs(self, script: str) -> None:
        """docs/examples.md links each script for download and shows its whole text."""
        page = DOCS_PAGE.read_text(encoding="utf-8")
        assert f"{{download}}`{script} <../examples/{script}>`" in page
        assert f"```{{literalinclude}} ../examples/{script}\n:language: python\n```" in page
