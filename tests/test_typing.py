"""The public API type-checks as users write it: tests/typing/api.py passes mypy --strict."""

from __future__ import annotations

import ast
import fnmatch
import importlib.metadata
import subprocess
import sys
from importlib.util import find_spec
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
API = ROOT / "tests" / "typing" / "api.py"


def installed(distribution: str) -> bool:
    try:
        importlib.metadata.distribution(distribution)
    except importlib.metadata.PackageNotFoundError:
        return False
    return True


class TestPublicApiTypes:
    @pytest.mark.skipif(find_spec("mypy") is None, reason="mypy is not installed")
    @pytest.mark.skipif(
        not installed("pandas-stubs"), reason="pandas-stubs is not installed (the lint extra)"
    )
    def test_user_code_passes_mypy_strict(self) -> None:
        """mypy --strict finds no error in the user code, assert_type checks included."""
        result = subprocess.run(  # noqa: S603 - mypy, run by our own interpreter
            [sys.executable, "-m", "mypy", "--strict", str(API.relative_to(ROOT))],
            capture_output=True,
            text=True,
            check=False,
            timeout=300,
            cwd=ROOT,  # so that the project's mypy settings apply as well
        )
        assert result.returncode == 0, result.stdout + result.stderr
        assert result.stdout.startswith("Success: no issues found in 1 source file")

    @pytest.mark.skipif(find_spec("pandas") is None, reason="the pandas extra is not installed")
    def test_user_code_runs(self) -> None:
        """The user code is real code: it runs, and its assertions hold."""
        result = subprocess.run(  # noqa: S603 - our own file, run by our own interpreter
            [sys.executable, str(API)],
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
            cwd=ROOT,
        )
        assert result.returncode == 0, result.stderr

    def test_pins_the_key_return_types(self) -> None:
        """assert_type pins what parse, check, extract and loads return."""
        tree = ast.parse(API.read_text(encoding="utf-8"))
        pinned = {
            (ast.unparse(call.args[0]), ast.unparse(call.args[1]))
            for call in ast.walk(tree)
            if isinstance(call, ast.Call) and ast.unparse(call.func) == "assert_type"
        }
        assert {
            ("area", "Estimate"),  # area = Estimate.parse(...)
            ("report", "Report"),  # report = incursion.check(document)
            ("mentions", "list[Mention]"),  # mentions = incursion.extract(...)
            ("again", "Document"),  # again = incursion.loads(text)
        } <= pinned

    def test_is_not_collected_by_pytest(self, pytestconfig: pytest.Config) -> None:
        """api.py is not a test module: no pattern of python_files matches its name."""
        patterns = pytestconfig.getini("python_files")
        assert not any(fnmatch.fnmatch(API.name, pattern) for pattern in patterns)
