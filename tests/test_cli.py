"""The command line: output formats, exit codes, errors without tracebacks."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import pytest

import incursion
from incursion._cli import main
from incursion.examples import kursk_2024_json


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


class TestCheck:
    """``incursion check`` on files, on standard input and on the bundled example."""

    def test_bundled_example_by_default(self) -> None:
        """With no file, the bundled example is checked: two errors, exit 1."""
        code, out, _ = run("check")
        assert code == 1
        assert "480 km²" in out
        assert "2 errors" in out

    def test_json_contract(self) -> None:
        """The JSON output has findings with check, severity, records, message; a summary."""
        code, out, _ = run("check", "--format", "json")
        data = json.loads(out)
        assert code == 1
        assert {"findings", "summary"} <= set(data)
        for finding in data["findings"]:
            assert {"check", "severity", "records", "message"} <= set(finding)
            assert finding["severity"] in ("error", "warning", "info")
        assert {f["check"] for f in data["findings"] if f["severity"] == "error"} == {
            "extent",
            "disagreement",
        }

    def test_markdown(self) -> None:
        """Markdown output has a heading per check with findings."""
        _, out, _ = run("check", "--format", "markdown")
        assert "## `extent`" in out

    @pytest.mark.parametrize(
        ("fail_on", "code"), [("error", 1), ("warning", 1), ("info", 1), ("never", 0)]
    )
    def test_fail_on(self, fail_on: str, code: int) -> None:
        """The exit code follows --fail-on."""
        assert run("check", "--fail-on", fail_on)[0] == code

    def test_select_and_ignore(self) -> None:
        """Selecting only checks that find nothing at error level exits 0."""
        code, out, _ = run("check", "--select", "conversion,rate", "--ignore", "rate")
        assert code == 0
        assert "1 check:" in out

    def test_a_file(self, tmp_path: Path) -> None:
        """A file given by path is checked."""
        path = tmp_path / "doc.json"
        path.write_text(kursk_2024_json(), encoding="utf-8")
        code, out, _ = run("check", str(path))
        assert code == 1
        assert "extent" in out

    def test_bad_document_exits_2_with_the_problems(self, tmp_path: Path) -> None:
        """A bad document: exit 2, nothing on stdout, every problem on stderr."""
        path = tmp_path / "bad.json"
        path.write_text('{"incursion": 2, "sources": [], "records": [{}]}', encoding="utf-8")
        code, out, err = run("check", "--format", "json", str(path))
        assert code == 2
        assert out == ""
        assert "$.incursion" in err
        assert "$.records[0].kind" in err
        assert "Traceback" not in err

    def test_missing_file_exits_2(self, tmp_path: Path) -> None:
        """A missing file is a usage error, reported in one line."""
        code, out, err = run("check", str(tmp_path / "nope.json"))
        assert (code, out) == (2, "")
        assert "nope.json" in err

    def test_unknown_check_exits_2(self) -> None:
        """An unknown check id is a usage error."""
        code, out, err = run("check", "--select", "nope")
        assert (code, out) == (2, "")
        assert "nope" in err

    def test_unknown_option_exits_2(self) -> None:
        """argparse's usage errors exit 2."""
        assert run("check", "--bogus")[0] == 2


class TestEntryPoints:
    """The installed command and ``python -m incursion`` both work."""

    def test_python_m_with_stdin(self) -> None:
        """``python -m incursion check -`` reads a document from standard input."""
        result = subprocess.run(
            [sys.executable, "-m", "incursion", "check", "--format", "json", "-"],
            input=kursk_2024_json(),
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
        assert result.returncode == 1
        assert json.loads(result.stdout)["summary"]["by_severity"]["error"] == 2


class TestSeveralFiles:
    """Several files: findings name their file; the summary adds them up."""

    def test_json_summary_adds_up(self, tmp_path: Path) -> None:
        """Two copies of the example: twice the findings, one summary with both files."""
        path = tmp_path / "doc.json"
        path.write_text(kursk_2024_json(), encoding="utf-8")
        code, out, _ = run("check", "--format", "json", str(path), str(path))
        data = json.loads(out)
        assert code == 1
        assert len(data["findings"]) == data["summary"]["findings"] == 6
        assert data["summary"]["by_severity"]["error"] == 4
        assert [f["file"] for f in data["summary"]["files"]] == [str(path), str(path)]
        assert {f["file"] for f in data["findings"]} == {str(path)}


class TestRobustness:
    """Whatever goes wrong, the command line exits 2 with one line, never a traceback."""

    def test_a_figure_too_large_for_its_canonical_unit(self, tmp_path: Path) -> None:
        """1e308 square miles is refused as input, exit 2."""
        path = tmp_path / "big.json"
        document = json.loads(kursk_2024_json())
        document["records"][0]["area"] = {"value": 1e308, "unit": "sq mi"}
        path.write_text(json.dumps(document), encoding="utf-8")
        code, out, err = run("check", str(path))
        assert (code, out) == (2, "")
        assert "$.records[0].area" in err

    def test_empty_selection(self) -> None:
        """--select with no ids is a usage error."""
        code, out, err = run("check", "--select", "")
        assert (code, out) == (2, "")
        assert "check ids" in err

    def test_version_true_is_not_1(self) -> None:
        """ "incursion": true is not the format version."""
        document = json.loads(kursk_2024_json())
        document["incursion"] = True
        import incursion  # noqa: PLC0415

        with pytest.raises(incursion.IncursionError, match=r"\$\.incursion"):
            incursion.loads(json.dumps(document))


class TestSchema:
    """``incursion schema``: the JSON Schema of documents on standard output."""

    def test_prints_the_shipped_schema(self) -> None:
        """The schema is printed as shipped in incursion/data, and the exit status is 0."""
        code, out, err = run("schema")
        assert (code, err) == (0, "")
        assert json.loads(out) == incursion.schema()
        shipped = files("incursion").joinpath("data", "document.schema.json")
        assert out == shipped.read_text(encoding="utf-8")


class TestConveniences:
    """What a newcomer tries first."""

    def test_version(self) -> None:
        """--version prints the version and exits 0."""
        code, out, _ = run("--version")
        assert code == 0
        assert out.strip() == f"incursion {incursion.__version__}"

    def test_a_pipe_without_dash_is_not_read_silently(self) -> None:
        """With input piped in but no FILE, the bundled example is checked, and stderr says so."""
        done = subprocess.run(
            [sys.executable, "-m", "incursion", "check"],
            input=b"{}",
            capture_output=True,
            check=False,
            timeout=60,
        )
        assert done.returncode == 1
        assert b"give - to check standard input" in done.stderr
