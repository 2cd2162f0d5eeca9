"""Write the compatibility snapshot: documents and the findings the checks give on them.

Run once, before a change to the model, from the repository's top folder::

    python tests/compat/snapshot.py            # writes tests/compat/documents.jsonl.gz

It gathers the bundled example, every JSON document in ``docs/``, every document the test
suite loads (by running it with a hook on ``incursion.loads``) and 1,000 documents drawn by
``strategies.documents()`` with a fixed seed.  Each line holds where the document came
from, the document as ``dumps`` wrote it, and its findings; ``test_compat.py`` loads each
with the current code and checks that the findings are the same.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import incursion
from incursion.examples import kursk_2024

TOP = Path(__file__).resolve().parents[2]
OUT = Path(__file__).with_name("documents.jsonl.gz")
DRAWN = 1000


def findings(document: incursion.Document) -> list[list[object]]:
    """The findings of a document as plain lists: check, severity, records, paths, message."""
    return [
        [f.check, f.severity.value, list(f.records), list(f.paths), f.message]
        for f in incursion.check(document).findings
    ]


def from_docs() -> list[tuple[str, str]]:
    found = []
    for page in sorted((TOP / "docs").glob("*.md")):
        for i, block in enumerate(re.findall(r"```json\n(.*?)```", page.read_text(), re.DOTALL)):
            if '"incursion"' not in block:
                continue
            try:
                document = incursion.loads(block)
            except incursion.IncursionError:
                continue
            found.append((f"docs/{page.name}#{i}", incursion.dumps(document)))
    return found


_HOOK = """
import incursion, incursion._serialization as s, json, os
_real = s.structure_document
def _capture(raw, *, origin=None):
    document = _real(raw, origin=origin)
    with open(os.environ["INCURSION_CAPTURE"], "a", encoding="utf-8") as out:
        out.write(json.dumps(incursion.dumps(document)) + "\\n")
    return document
s.structure_document = _capture
"""


def captured(command: list[str], label: str) -> list[tuple[str, str]]:
    """Every document ``command`` loads, captured by a hook installed at start-up."""
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "sitecustomize.py").write_text(_HOOK)
        capture = Path(folder) / "captured.jsonl"
        subprocess.run(
            command,
            cwd=TOP,
            env={
                **os.environ,
                "PYTHONPATH": folder,
                "INCURSION_CAPTURE": str(capture),
                "HYPOTHESIS_PROFILE": "dev",
            },
            check=True,
        )
        texts = dict.fromkeys(json.loads(line) for line in capture.read_text().splitlines())
    return [(f"{label}#{i}", text) for i, text in enumerate(texts)]


def from_tests() -> list[tuple[str, str]]:
    return captured(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-x",
            "tests",
            "--ignore=tests/compat",
            "-p",
            "no:cacheprovider",
        ],
        "tests",
    )


def from_doctests() -> list[tuple[str, str]]:
    with tempfile.TemporaryDirectory() as out:
        return captured(
            [sys.executable, "-m", "sphinx", "-q", "-b", "doctest", "docs", out], "docs"
        )


def drawn() -> list[tuple[str, str]]:
    from hypothesis import HealthCheck, given, seed, settings

    from incursion import strategies

    out: list[tuple[str, str]] = []

    @seed(20241206)
    @settings(
        max_examples=DRAWN,
        database=None,
        derandomize=True,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(strategies.documents())
    def collect(document: incursion.Document) -> None:
        out.append((f"drawn#{len(out)}", incursion.dumps(document)))

    collect()
    return out


def main() -> None:
    sets = [
        ("example", incursion.dumps(kursk_2024())),
        *from_docs(),
        *from_doctests(),
        *from_tests(),
        *drawn(),
    ]
    seen: set[str] = set()
    with gzip.open(OUT, "wt", encoding="utf-8") as out:
        for origin, text in sets:
            if text in seen:
                continue
            seen.add(text)
            document = incursion.loads(text)
            line = {"origin": origin, "document": text, "findings": findings(document)}
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
    print(f"{len(seen)} documents written to {OUT.relative_to(TOP)}")


if __name__ == "__main__":
    main()
