"""The scripts in examples/ run and print what their docstrings promise."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from incursion.examples import kursk_2024

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def run(script: str) -> str:
    result = subprocess.run(  # noqa: S603 - our own script, run by our own interpreter
        [sys.executable, str(EXAMPLES / script)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


class TestKurskFigures:
    def test_prints_every_record(self) -> None:
        """Every record of the bundled document gets a line of its own."""
        out = run("kursk_figures.py")
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
        assert line in run("kursk_figures.py")
