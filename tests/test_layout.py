"""The package tree is the pipeline: a stage imports only the stages before it and the shared
lower layers, never a later one, and no modules import each other in a cycle."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from .conftest import ROOT

PACKAGE = ROOT / "src" / "articlegen"

# Bottom to top. A package may import its own modules and those of any earlier layer; packages
# that share a layer may not import each other. "(api)" is the package's own __init__.py.
LAYERS: tuple[frozenset[str], ...] = tuple(
    frozenset(layer)
    for layer in (
        {"errors", "resources", "english"},  # shared lower layers
        {"facts"},
        {"plan"},
        {"wording"},
        {"realize"},
        {"render"},
        {"pipeline"},
        {"(api)"},
        {"corpus"},
        {"gates"},
        {"editing", "bulk", "sources"},
        {"cli"},
        {"__main__"},
    )
)
RANK = {name: rank for rank, layer in enumerate(LAYERS) for name in layer}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _unit(module: str) -> str:
    """The layer entry a module belongs to: its top-level subpackage or module under articlegen."""
    parts = module.split(".")
    return "(api)" if len(parts) == 1 else parts[1]


def _imports(path: Path) -> set[str]:
    """The articlegen modules a file imports, anywhere in it (a lazy import still depends)."""
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.split(".")[0] == "articlegen"}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            if target.split(".")[0] != "articlegen":
                continue
            found.add(target)
            # "from . import numbers" imports a module by name
            found |= {
                f"{target}.{alias.name}" for alias in node.names if _is_module(f"{target}.{alias.name}")
            }
    return found


def _is_module(name: str) -> bool:
    path = PACKAGE.parent.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def _sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def layering_violations(files: list[Path]) -> list[str]:
    problems = []
    for path in files:
        module = _module_name(path)
        unit = _unit(module)
        for target in sorted(_imports(path)):
            other = _unit(target)
            if other == unit:
                continue
            if RANK[other] >= RANK[unit]:
                later = "a later stage" if RANK[other] > RANK[unit] else "a package of its own layer"
                problems.append(f"{module} imports {target}, {later}")
    return problems


def test_every_module_has_a_place_in_the_layers():
    units = {_unit(_module_name(path)) for path in _sources()}
    assert units - set(RANK) == set(), "a new top-level module or package needs a layer in LAYERS"
    assert set(RANK) - units == set(), "LAYERS names a package that no longer exists"


def test_no_module_imports_a_later_stage():
    assert layering_violations(_sources()) == []


def test_no_import_cycles():
    graph = {_module_name(path): _imports(path) for path in _sources()}
    done: set[str] = set()

    def visit(module: str, trail: list[str]) -> None:
        if module in trail:
            pytest.fail("import cycle: " + " -> ".join([*trail[trail.index(module) :], module]))
        if module in done or module not in graph:
            return
        for target in sorted(graph[module] - {module}):
            visit(target, [*trail, module])
        done.add(module)

    for module in sorted(graph):
        visit(module, [])


def test_the_check_fails_on_an_upward_import(monkeypatch):
    """The layering test must be able to fail: plant a planner module that imports the realizer."""
    planted = PACKAGE / "plan" / "upward.py"
    source = "from ..realize.document import Document\n"
    monkeypatch.setattr(Path, "read_text", _reading({planted: source}))
    assert layering_violations([planted]) == [
        "articlegen.plan.upward imports articlegen.realize.document, a later stage"
    ]
    sibling = PACKAGE / "gates" / "sideways.py"
    monkeypatch.setattr(Path, "read_text", _reading({sibling: "from ..bulk import run_bulk\n"}))
    assert layering_violations([sibling]) == [
        "articlegen.gates.sideways imports articlegen.bulk, a later stage"
    ]
    editing = PACKAGE / "editing" / "sideways.py"
    monkeypatch.setattr(Path, "read_text", _reading({editing: "from ..bulk.jobs import KINDS\n"}))
    assert layering_violations([editing]) == [
        "articlegen.editing.sideways imports articlegen.bulk.jobs, a package of its own layer"
    ]


def _reading(planted: dict[Path, str]):
    real = Path.read_text

    def read_text(self: Path, *args, **kwargs) -> str:
        return planted[self] if self in planted else real(self, *args, **kwargs)

    return read_text
