"""Sphinx configuration for the incursion documentation.

Build the HTML and run the examples as two steps, both warning-free::

    sphinx-build -n -W --keep-going -b html docs docs/_build/html
    sphinx-build -n -W -b doctest docs docs/_build/doctest

There is no ``intersphinx``: the build machines have no internet, so types from other
projects (pint, attrs, cattrs, the standard library's ``datetime`` and ``typing``) are
listed in ``nitpick_ignore`` below instead of being linked.

The check catalogue (``checks.md``) includes ``_generated/checks-catalogue.md``, which
``write_catalogue`` below writes from ``incursion.checks.BUILTIN`` at the start of every
build, so the catalogue cannot drift from the checks.
"""

from __future__ import annotations

from importlib.metadata import version as _version
from pathlib import Path
from typing import Any

import attrs

from incursion import CONTEXT_RULES, MEASURES
from incursion._estimates import HEDGE_BOUNDS
from incursion._hedges import HEDGE_WORDS, RANGE_WORDS, TRAILING_HEDGES, VAGUE_QUANTITIES
from incursion._layers import LAYERS
from incursion._units import describe_dimension
from incursion.checks import BUILTIN
from incursion.checks._scope import FIELD_WITHIN, QUALIFIERS, Absent

# -- Project -----------------------------------------------------------------------------

project = "incursion"
author = "The incursion developers"
copyright = "2024, The incursion developers"
release = _version("incursion")
version = ".".join(release.split(".")[:2])

# -- General -----------------------------------------------------------------------------

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
]

source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
root_doc = "index"
# _generated holds files written at build time (the check catalogue) to be included by
# pages, not read as pages of their own.
exclude_patterns = ["_build", "_generated", "Thumbs.db", ".DS_Store"]
language = "en"

# Every cross-reference must resolve; what cannot (other projects' types) is listed below.
nitpicky = True

# -- MyST --------------------------------------------------------------------------------

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# -- autodoc and napoleon ----------------------------------------------------------------

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
python_use_unqualified_type_names = True
autodoc_default_options = {"exclude-members": "__init__, __new__"}
python_maximum_signature_line_length = 88
add_module_names = False

napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = False
napoleon_attr_annotations = True

# -- doctest -----------------------------------------------------------------------------

doctest_global_setup = """
import incursion
from incursion import *
from incursion.examples import kursk_2024, kursk_2024_json
"""

# -- HTML --------------------------------------------------------------------------------

html_theme = "furo"
html_title = f"incursion {release}"

# -- Types from other projects (no intersphinx) ------------------------------------------

nitpick_ignore = [
    # The standard library.
    ("py:class", "datetime.date"),
    ("py:class", "dt.date"),
    ("py:class", "os.PathLike"),
    ("py:class", "decimal.Decimal"),
    ("py:class", "IO"),
    ("py:class", "typing.IO"),
    ("py:class", "Any"),
    ("py:class", "typing.Any"),
    ("py:class", "ClassVar"),
    ("py:class", "Final"),
    ("py:class", "TypeAlias"),
    ("py:class", "Iterable"),
    ("py:class", "collections.abc.Iterable"),
    ("py:class", "Mapping"),
    ("py:class", "collections.abc.Mapping"),
    ("py:class", "Callable"),
    ("py:class", "collections.abc.Callable"),
    ("py:class", "Iterator"),
    ("py:class", "collections.abc.Iterator"),
    ("py:class", "enum.StrEnum"),
    ("py:class", "StrEnum"),
    ("py:class", "UserWarning"),
    # pint.
    ("py:class", "pint.Quantity"),
    ("py:class", "pint.Unit"),
    ("py:class", "pint.UnitRegistry"),
    ("py:class", "pint.registry.UnitRegistry"),
    # attrs and cattrs.
    ("py:mod", "attrs"),
    ("py:class", "attrs.Attribute"),
    ("py:class", "JsonConverter"),
    ("py:class", "cattrs.preconf.json.JsonConverter"),
    # A private type variable in the signature of Context.shared.
    ("py:class", "incursion.checks._core.T"),
]
nitpick_ignore_regex = [
    (r"py:.*", r"pint\..*"),
    (r"py:.*", r"attrs?\..*"),
    (r"py:.*", r"cattrs\..*"),
    (r"py:.*", r"typing\..*"),
    (r"py:.*", r"(datetime|dt)\..*"),
    (r"py:.*", r"collections\.abc\..*"),
    (r"py:.*", r"types\..*"),
    (r"py:.*", r"(pandas|pd)\..*"),
    (r"py:.*", r"hypothesis\..*"),  # incursion.strategies returns and raises its types
]

# -- The check catalogue, generated from the registry ------------------------------------

_CATALOGUE = Path(__file__).parent / "_generated" / "checks-catalogue.md"


def _escape(text: str) -> str:
    """Text as Markdown that shows it literally (the checks' texts are plain prose)."""
    return "".join("\\" + c if c in "\\`*_[]<>|$" else c for c in text)


def _threshold_lines(check: Any) -> list[str]:
    """A check's thresholds (its attrs fields) as a Markdown table, or a sentence."""
    fields = attrs.fields(type(check)) if attrs.has(type(check)) else ()
    if not fields:
        return ["Thresholds: none."]
    lines = ["| Threshold | Type | Default | Why this default |", "|---|---|---|---|"]
    for field in fields:
        kind = field.type if isinstance(field.type, str) else getattr(field.type, "__name__", "")
        why = _escape(field.metadata.get("why", ""))
        lines.append(f"| `{field.name}` | `{kind}` | `{field.default!r}` | {why} |")
    return lines


def catalogue() -> str:
    """The check catalogue as Markdown: one section per built-in check, in run order."""
    lines = [
        "<!-- Generated by docs/conf.py from incursion.checks.BUILTIN; do not edit. -->",
        "",
    ]
    for check in BUILTIN:
        cls = type(check)
        lines += [
            f"(check-{check.id})=",
            f"## `{check.id}`",
            "",
            (
                f"**{_escape(check.title)}.** Default severity: **{check.severity.value}**. "
                f"Class: {{class}}`~{cls.__module__.rsplit('._', 1)[0]}.{cls.__name__}`."
            ),
            "",
            *_threshold_lines(check),
            "",
            "What it checks",
            f": {_escape(check.what)}",
            "",
            "Why it matters",
            f": {_escape(check.why)}",
            "",
            "Example",
            f": {_escape(check.example)}",
            "",
            "What to do",
            f": {_escape(check.todo)}",
            "",
        ]
    return "\n".join(lines)


def _table(source: str, *columns: str) -> list[str]:
    """The first lines of a generated Markdown table: where it comes from, its header."""
    return [
        f"<!-- Generated by docs/conf.py from {source}; do not edit. -->",
        "",
        "| " + " | ".join(columns) + " |",
        "|" + "---|" * len(columns),
    ]


def measures_table() -> str:
    """The known measures of measurements as a Markdown table, from the registry."""
    lines = _table("incursion.MEASURES", "Measure", "Measures", "Tally", "What it is", "Example")
    for measure in MEASURES.values():
        dimension = describe_dimension(measure.dimension) if measure.dimension else "anything"
        lines.append(
            f"| `{measure.name}` | {dimension} | {measure.tally.value} | "
            f"{_escape(measure.description)} | {_escape(measure.example)} |"
        )
    return "\n".join(lines) + "\n"


_MEASURES = Path(__file__).parent / "_generated" / "measures.md"


def scope_table() -> str:
    """The qualifiers of each kind of record, from the table the checks read."""
    lines = _table(
        "incursion.checks._scope", "Kind", "Qualifier", "Left out means", "Narrower within wider"
    )
    absent = {
        Absent.UNSPECIFIED: "not said: matches any value (an assumption, named)",
        Absent.WHOLE: "the whole: every value lies within it",
        Absent.EXACT: "nothing assumed: only equal values meet",
    }
    for kind, row in QUALIFIERS.items():
        for qualifier in row:
            within = ", ".join(f"`{a}` within `{b}`" for a, b in qualifier.within.items())
            if qualifier.parts:
                within = (within + "; " if within else "") + "a count's named parts are groups"
            left_out = absent[qualifier.absent]
            lines.append(f"| `{kind}` | `{qualifier.name}` | {left_out} | {within} |")
    fields = ", ".join(
        f"`{member}` within " + " and ".join(f"`{c}`" for c in sorted(wider))
        for member, wider in FIELD_WITHIN.items()
    )
    return "\n".join([*lines, "", f"Across the fields of a casualty report: {fields}.", ""])


_SCOPES = Path(__file__).parent / "_generated" / "scopes.md"


def not_a_figure_table() -> str:
    """What is not a figure, rule by rule, from the table the extractor reads."""
    lines = _table("incursion.CONTEXT_RULES", "Rule", "Not a figure", "For example")
    for rule in CONTEXT_RULES:
        if rule.stage == "counts":
            continue
        examples = "; ".join(
            f'"{_escape(sentence)}": {_escape(figure)}'.replace("\n", " ")
            for sentence, figure, _ in rule.examples
        )
        what = _escape(rule.what) + _STAGE_NOTE.get(rule.stage, "")
        lines.append(f"| `{rule.id}` | {what} | {examples} |")
    return "\n".join(lines) + "\n"


#: What the table of what is not a figure adds to a rule's description, by its stage.
_STAGE_NOTE = {"names": " (a bare number)", "uncounted": " (a bare number nothing counts)"}

_NOT_A_FIGURE = Path(__file__).parent / "_generated" / "not-a-figure.md"


def context_rules_table() -> str:
    """What a bare number counts, rule by rule, from the table the extractor reads."""
    lines = _table("incursion.CONTEXT_RULES", "Rule", "A bare number counts", "For example")
    for rule in CONTEXT_RULES:
        if rule.stage != "counts":
            continue
        examples = "; ".join(
            f'"{_escape(sentence)}": {_escape(figure)} counts {_escape(unit)}'
            for sentence, figure, unit in rule.examples
        )
        lines.append(f"| `{rule.id}` | {_escape(rule.what)} | {examples} |")
    return "\n".join(lines) + "\n"


_CONTEXT_RULES = Path(__file__).parent / "_generated" / "context-rules.md"


def hedges_table() -> str:
    """The hedge classes, their words and their intervals, from the tables figures are read by."""
    lines = _table(
        "incursion._estimates.HEDGE_BOUNDS and incursion._hedges.HEDGE_WORDS",
        "Class",
        "Words we accept",
        "Interval",
        "For example",
    )
    for hedge, row in HEDGE_BOUNDS.items():
        words = [w for w, h in HEDGE_WORDS.items() if h is hedge]
        groups = [
            (
                "",
                [
                    w
                    for w in words
                    if w not in TRAILING_HEDGES | RANGE_WORDS | VAGUE_QUANTITIES.keys()
                ],
            ),
            ("after the number: ", [_after(w) for w in words if w in TRAILING_HEDGES]),
            ("joining the ends: ", [w for w in words if w in RANGE_WORDS]),
            ("a vague quantity: ", [w for w in words if w in VAGUE_QUANTITIES]),
        ]
        said = "; ".join(
            label + ", ".join(map(_escape_words, group)) for label, group in groups if group
        )
        text, interval = row.example
        lines.append(
            f"| `{hedge.value}` | {said or 'none: a bare figure'} | {row.interval} | "
            f"{_escape(text)}: `{interval}` |"
        )
    return "\n".join(lines) + "\n"


def _after(word: str) -> str:
    """A hedge word written after the number, shown after *v*: *v* or so, *v*-odd."""
    return f"*v*{_escape(word)}" if word[0] in "-+" else f"*v* {_escape(word)}"


def _escape_words(word: str) -> str:
    """A word for the table: escaped, unless already shown with its *v*."""
    return word if word.startswith("*v*") else _escape(word)


_HEDGES = Path(__file__).parent / "_generated" / "hedges.md"


def vague_quantities_table() -> str:
    """The vague quantities and the ranges they are read as, from the grammar's table."""
    lines = _table("incursion._hedges.VAGUE_QUANTITIES", "Words", "Interval")
    lines += [f"| {words} | {low:,}–{high:,} |" for words, (low, high) in VAGUE_QUANTITIES.items()]
    return "\n".join(lines) + "\n"


_VAGUE = Path(__file__).parent / "_generated" / "vague-quantities.md"


def layers_table() -> str:
    """The package's layers, lowest first, from the table a test holds the imports to."""
    lines = _table("incursion._layers", "Layer", "Holds", "Modules")
    for name, holds, modules in LAYERS:
        listed = ", ".join(f"`{m}`" for m in modules)
        lines.append(f"| {name} | {_escape(holds)} | {listed} |")
    return "\n".join(lines) + "\n"


_LAYERS = Path(__file__).parent / "_generated" / "layers.md"


def write_catalogue(_app: Any) -> None:
    """Write the generated pages (catalogue and tables) before the pages are read."""
    for path, text in (
        (_CATALOGUE, catalogue()),
        (_MEASURES, measures_table()),
        (_SCOPES, scope_table()),
        (_CONTEXT_RULES, context_rules_table()),
        (_NOT_A_FIGURE, not_a_figure_table()),
        (_LAYERS, layers_table()),
        (_HEDGES, hedges_table()),
        (_VAGUE, vague_quantities_table()),
    ):
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8")


def setup(app: Any) -> None:
    """Connect the catalogue writer."""
    app.connect("builder-inited", write_catalogue)
