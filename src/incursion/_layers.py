"""The layers of the package, lowest first: a module imports only from its own or lower ones.

``tests/test_layers.py`` holds every module to this table, and the architecture page
shows it.  A new module gets a row here before it is written.
"""

from __future__ import annotations

from typing import Final

__all__ = ["LAYERS"]

#: Each layer: its name, what it holds, and its modules (``checks`` and ``strategies`` are
#: whole packages).
LAYERS: Final[tuple[tuple[str, str, tuple[str, ...]], ...]] = (
    (
        "foundations",
        "errors, validators, record builders, the collector pause, the tokenizer and this table",
        ("exceptions", "_validation", "_build", "_gc", "_tokens", "_layers"),
    ),
    (
        "numerals, units and the grammar",
        (
            "numbers, units and counted things, the figure grammar (hedge words, ranges, the "
            "words after a number), times, sources, likelihood words"
        ),
        (
            "_numerals",
            "_units",
            "_hedges",
            "_nouns",
            "_grammar",
            "_time",
            "_sources",
            "_likelihood",
        ),
    ),
    (
        "estimates and records",
        "figures read with their hedges, the records, documents and their JSON",
        ("_estimates", "_records", "_serialization", "_schema", "examples"),
    ),
    ("extraction", "figures found in running text", ("_extract",)),
    ("checks", "the comparisons and their findings", ("checks",)),
    (
        "renderers",
        "reports and tables made from records, mentions and findings",
        ("_extraction_report", "dataframes", "strategies", "_hypothesis_hook"),
    ),
    ("command line", "the command and the package's front", ("_cli", "__main__", "__init__")),
)
