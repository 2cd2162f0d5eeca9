"""Every public name is documented: each name in a public module's ``__all__`` is in objects.inv.

The HTML docs are built once, into a temporary folder, and the inventory Sphinx writes
beside them (``objects.inv``, what other projects' docs link against) is read back. A
name missing from it has no entry in the API reference (docs/api.md). The build takes a
few seconds; the tests are skipped when the docs extra (Sphinx, MyST) is not installed.
"""

from __future__ import annotations

import importlib
import pkgutil
import posixpath
import subprocess
import sys
from importlib.util import find_spec
from pathlib import Path

import pytest

import incursion

pytestmark = [
    pytest.mark.skipif(find_spec("sphinx") is None, reason="Sphinx is not installed (docs extra)"),
    pytest.mark.skipif(find_spec("myst_parser") is None, reason="MyST is not installed"),
]

DOCS = Path(__file__).resolve().parent.parent / "docs"

#: The public modules, as docs/api.md introduces them.
PUBLIC = [
    "incursion",
    "incursion.checks",
    "incursion.dataframes",
    "incursion.examples",
    "incursion.exceptions",
    "incursion.strategies",
]


@pytest.fixture(scope="module")
def documented(tmp_path_factory: pytest.TempPathFactory) -> frozenset[str]:
    """The Python objects in the inventory of a fresh HTML build of the docs."""
    from sphinx.util.inventory import InventoryFile  # noqa: PLC0415 - only with the docs extra

    out = tmp_path_factory.mktemp("html")
    # The plain theme: the inventory is the same, and the build a second or two faster.
    command = ["-m", "sphinx", "-b", "html", "-q", "-D", "html_theme=basic", str(DOCS), str(out)]
    result = subprocess.run(  # noqa: S603 - Sphinx, run by our own interpreter
        [sys.executable, *command],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    with (out / "objects.inv").open("rb") as stream:
        inventory = InventoryFile.load(stream, "", posixpath.join)
    return frozenset(
        name for kind, objects in inventory.items() if kind.startswith("py:") for name in objects
    )


def public_names(module_name: str) -> list[str]:
    """The module's ``__all__``; skip the test when the module cannot be imported."""
    try:
        module = importlib.import_module(module_name)
    except ImportError as error:  # an optional extra, or a module not written yet
        pytest.skip(f"{module_name} cannot be imported: {error}")
    names: list[str] = module.__all__
    return names


class TestInventory:
    def test_the_list_of_public_modules_is_complete(self) -> None:
        """Every module of the package whose name has no leading underscore is listed."""
        found = ["incursion"] + [
            info.name
            for info in pkgutil.walk_packages(incursion.__path__, "incursion.")
            if not any(part.startswith("_") for part in info.name.split("."))
        ]
        assert sorted(found) == PUBLIC

    @pytest.mark.parametrize("module_name", PUBLIC)
    def test_every_public_name_is_documented(
        self, documented: frozenset[str], module_name: str
    ) -> None:
        """Each module, and each name in its __all__, has an entry in the docs' inventory."""
        names = public_names(module_name)
        missing = [name for name in names if f"{module_name}.{name}" not in documented]
        assert module_name in documented
        assert not missing, f"{module_name}: not in the docs: {', '.join(missing)}"
