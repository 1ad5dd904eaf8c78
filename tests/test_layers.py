"""Imports run one way: base -> data readers -> catalogue -> queries -> stored -> presenters -> cli, with no circle.

Every import in ``src/careercli`` counts: at the top of a module, inside a function, and under ``TYPE_CHECKING``
(a type names what a module depends on). ``from a import b`` counts as an import of ``a.b`` when that is a module.
"""

from __future__ import annotations

import ast
from pathlib import Path

SOURCE = Path(__file__).resolve().parent.parent / "src" / "careercli"

# Each module's layer, lowest first; a module may import its own layer and the ones below, never one above.
# A package's entry holds for every module in it; a module's own entry wins over its package's.
LAYERS: dict[str, int] = {
    # 0 base: errors, records and the model, where files are and how they are written, user state, cache keys,
    # the terminal, the command table (no imports: read by the entry and by the help page)
    "careercli": 0,
    "careercli._version": 0,
    "careercli.errors": 0,
    "careercli.records": 0,
    "careercli.model": 0,
    "careercli.paths": 0,
    "careercli.atomic": 0,
    "careercli.user_files": 0,
    "careercli.cachekey": 0,
    "careercli.output": 0,
    "careercli.cache": 0,
    "careercli.config": 0,
    "careercli.profile": 0,
    "careercli.commands": 0,
    # 1 data readers: O*NET and BLS files
    "careercli.onet": 1,
    "careercli.bls": 1,
    # 2 the catalogue: the curated TOML checked into one catalogue, and the keyed store primitive
    "careercli.catalogue": 2,
    # 3 queries: answers worked out from the catalogue and the O*NET database
    "careercli.queries": 3,
    # 4 stored: the catalogue and the search index as kept in the store, with the tables queries precompute
    "careercli.stored": 4,
    # 5 presenters: pages, JSON, Markdown
    "careercli.presenters": 5,
    # 6 the command line: Typer commands, the direct path, the replay, completion, the entry point
    "careercli.cli": 6,
    "careercli.entry": 6,
    "careercli.__main__": 6,
    "careercli.replay": 6,
    "careercli.replay_store": 6,
    "careercli.completion": 6,
    "careercli.completion_rules": 6,
    "careercli.completion_values": 6,
}
NAMES = ["base", "data", "catalogue", "queries", "stored", "presenters", "cli"]


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted(SOURCE.rglob("*.py")):
        parts = list(path.relative_to(SOURCE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def imports(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The careercli modules ``name`` imports, anywhere in its source."""

    def module_of(dotted: str) -> str | None:
        while dotted and dotted not in known:
            dotted = dotted.rpartition(".")[0]
        return dotted or None

    found: set[str | None] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(module_of(alias.name) for alias in node.names if alias.name.split(".")[0] == "careercli")
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
                package = package[: len(package) - node.level + 1]
                base = ".".join(package + ([base] if base else []))
            if base.split(".")[0] != "careercli":
                continue
            for alias in node.names:
                whole = f"{base}.{alias.name}"
                found.add(whole if whole in known else module_of(base))
    found.discard(None)
    found.discard(name)
    return {module for module in found if module is not None}


def layer(name: str) -> int:
    probe = name
    while probe not in LAYERS:
        if "." not in probe:
            raise KeyError(f"{name} has no layer in LAYERS: add it")
        probe = probe.rpartition(".")[0]
    return LAYERS[probe]


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imports(name, path, known) for name, path in known.items()}


def upward(edges: dict[str, set[str]]) -> list[str]:
    return sorted(
        f"{name} ({NAMES[layer(name)]}) -> {target} ({NAMES[layer(target)]})"
        for name, targets in edges.items()
        for target in targets
        if layer(target) > layer(name)
    )


def cycles(edges: dict[str, set[str]]) -> list[str]:
    """Each group of modules that import one another (a strongly connected component of two or more), found with
    Tarjan's algorithm."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[str] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(edges.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(" <-> ".join(sorted(group)))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return sorted(groups)


def test_every_module_has_a_layer() -> None:
    missing = []
    for name in modules():
        try:
            layer(name)
        except KeyError as error:
            missing.append(str(error))
    assert not missing


def test_no_module_imports_a_higher_layer() -> None:
    found = upward(graph())
    assert not found, "upward imports:\n" + "\n".join(found)


def test_no_modules_import_one_another_in_a_circle() -> None:
    found = cycles(graph())
    assert not found, "circles:\n" + "\n".join(found)


def test_the_graph_sees_imports_inside_functions_and_type_checking(tmp_path: Path) -> None:
    """The parser itself: an import inside a function, a relative one, one under TYPE_CHECKING and a
    ``from package import module`` each count; a circle and an upward import are each reported."""
    package = tmp_path / "careercli"
    (package / "queries").mkdir(parents=True)
    (package / "__init__.py").write_text("", "utf-8")
    (package / "queries" / "__init__.py").write_text("", "utf-8")
    (package / "errors.py").write_text("def f():\n    from careercli.queries import a\n", "utf-8")
    (package / "queries" / "a.py").write_text("from . import b\n", "utf-8")
    (package / "queries" / "b.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from careercli.queries.a import x\n", "utf-8"
    )
    known = {}
    for path in sorted(package.rglob("*.py")):
        parts = list(path.relative_to(tmp_path).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        known[".".join(parts)] = path
    edges = {name: imports(name, path, known) for name, path in known.items()}
    assert edges["careercli.errors"] == {"careercli.queries.a"}
    assert edges["careercli.queries.a"] == {"careercli.queries.b"}
    assert edges["careercli.queries.b"] == {"careercli.queries.a"}
    assert upward(edges) == ["careercli.errors (base) -> careercli.queries.a (queries)"]
    assert cycles(edges) == ["careercli.queries.a <-> careercli.queries.b"]
