"""Sphinx configuration for the incursion documentation.

Build the HTML and run the examples as two steps, both warning-free::

    sphinx-build -n -W --keep-going -b html docs docs/_build/html
    sphinx-build -n -W -b doctest docs docs/_build/doctest

There is no ``intersphinx``: the build machines have no internet, so types from other
projects (pint, attrs, cattrs, the standard library's ``datetime`` and ``typing``) are
listed in ``nitpick_ignore`` below instead of being linked.
"""

from __future__ import annotations

from importlib.metadata import version as _version

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
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
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
    ("py:class", "attrs.Attribute"),
    ("py:class", "JsonConverter"),
    ("py:class", "cattrs.preconf.json.JsonConverter"),
]
nitpick_ignore_regex = [
    (r"py:.*", r"pint\..*"),
    (r"py:.*", r"attrs?\..*"),
    (r"py:.*", r"cattrs\..*"),
    (r"py:.*", r"typing\..*"),
    (r"py:.*", r"(datetime|dt)\..*"),
    (r"py:.*", r"collections\.abc\..*"),
    (r"py:.*", r"types\..*"),
]
