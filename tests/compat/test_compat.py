"""Documents that loaded before the model grew keep loading, with the same findings.

``documents.jsonl.gz`` was written by ``snapshot.py`` before materiel losses, measurements,
combined counts, relations and the open vocabulary of counted things were added: the
bundled example, the documents of the docs and of the test suite, and 1,000 documents
drawn by ``strategies.documents()``.

The comparisons have since grown (status is not scope, a qualifier left out matches,
narrower figures are held below wider ones across records): every finding of the snapshot
is still found, by the same check, on the same records and paths, at the same severity;
new findings may be added, and messages may say more.  One change is deliberate and
listed in ``CHANGED``: two values of a running total from one source in one window are a
same-day update (info), no longer a self-contradiction error.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

import incursion

SNAPSHOT = Path(__file__).with_name("documents.jsonl.gz")

#: Deliberate changes of severity: (check, old severity) to the new severity, and the words
#: the new finding's message must hold.
CHANGED = {("self-contradiction", "error"): ("info", "a later update of the lower")}


def _lines() -> list[dict[str, object]]:
    with gzip.open(SNAPSHOT, "rt", encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


LINES = _lines()


def _findings(document: incursion.Document) -> list[list[object]]:
    return [
        [f.check, f.severity.value, list(f.records), list(f.paths), f.message]
        for f in incursion.check(document).findings
    ]


def _still_found(before: list[object], now: list[list[object]]) -> bool:
    """Whether a saved finding is found again, or changed only as ``CHANGED`` allows."""
    if any(f[:4] == before for f in now):
        return True
    changed = CHANGED.get((str(before[0]), str(before[1])))
    if changed is None:
        return False
    severity, words = changed
    return any(f[:4] == [before[0], severity, *before[2:]] and words in str(f[4]) for f in now)


class TestCompatibility:
    def test_the_snapshot_covers_every_origin(self) -> None:
        """The snapshot holds the example, the docs', the tests' and 990+ drawn documents."""
        origins = {str(line["origin"]).split("#")[0] for line in LINES}
        assert origins == {"example", "docs", "tests", "drawn"}
        assert sum(str(line["origin"]).startswith("drawn") for line in LINES) >= 990

    @pytest.mark.parametrize("start", range(0, len(LINES), 100))
    def test_documents_load_with_the_same_findings(self, start: int) -> None:
        """Each saved document loads, survives a round trip and gives its findings again.

        The text ``dumps`` writes may be shorter than before (words that now read as the
        figure are written as words), never different in meaning.
        """
        for line in LINES[start : start + 100]:
            document = incursion.loads(str(line["document"]))
            assert incursion.loads(incursion.dumps(document)) == document, line["origin"]
            now = _findings(document)
            before = [finding[:4] for finding in line["findings"]]  # type: ignore[attr-defined]
            assert [f for f in before if not _still_found(f, now)] == [], line["origin"]
