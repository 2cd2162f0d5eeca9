"""No module imports from a layer above its own (the table is ``incursion._layers``)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from incursion._layers import LAYERS

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "incursion"
LAYER = {module: i for i, (_, _, modules) in enumerate(LAYERS) for module in modules}


def _module(path: Path) -> str:
    """The table's name for a file: its top-level module, or its package (``checks``, …)."""
    relative = path.relative_to(PACKAGE)
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


def _imported(path: Path) -> set[str]:
    """The incursion modules a file imports, by the table's names."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            parts = node.module.split(".")
            if parts[0] == "incursion" and len(parts) > 1:
                names.add(parts[1])
            elif parts[0] == "incursion":  # "from incursion import strategies": a module
                names |= {a.name if a.name in LAYER else "__init__" for a in node.names}
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == "incursion":
                    names.add(parts[1] if len(parts) > 1 else "__init__")
    return names


FILES = sorted(PACKAGE.rglob("*.py"))


def test_every_module_has_a_layer() -> None:
    """A module missing from the table has no place in the architecture yet."""
    assert {_module(path) for path in FILES} == set(LAYER)


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_import_from_a_higher_layer(path: Path) -> None:
    """Each import goes to the module's own layer or one below it."""
    own = LAYER[_module(path)]
    above = {name for name in _imported(path) - {_module(path)} if LAYER[name] > own}
    assert not above, f"{path.name} imports {sorted(above)} from above its layer"


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_private_name_is_imported_from_another_module(path: Path) -> None:
    """A helper two modules need has a public name inside its private module."""
    private = {
        alias.name
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("incursion")
        for alias in node.names
        if alias.name.startswith("_") and not alias.name.startswith("__")
    }
    assert not private, f"{path.name} imports {sorted(private)}"
