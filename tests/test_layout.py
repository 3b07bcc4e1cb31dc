"""The package shows the flow (issue 15): readers → text → meta → engine → views → cli, read from the
source's import statements.

- No module imports a later stage's (the engine never imports the views, the CLI or the package face).
- No import circles at module level; and none through a deferred (function-level) import either, but
  for the archive reader, which reads its members with the readers it belongs to (a zip in a zip).
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "icpolicy"
FLOW = ("readers", "text", "meta", "engine", "views", "cli")
# a deferred import that closes a circle on purpose: the archive reader reads its members with readers.read
DEFERRED_CIRCLES = {frozenset({"icpolicy.readers", "icpolicy.readers.archive"})}


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def _imports(name: str, path: Path, modules: dict[str, Path], top_only: bool) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out = set()
    for node in tree.body if top_only else ast.walk(tree):
        if isinstance(node, ast.Import):
            out |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parent + ([node.module] if node.module else []))
            out |= {f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base for alias in node.names}
    return {m for m in out if m in modules and m != name}


def _graph(top_only: bool) -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imports(name, path, modules, top_only) for name, path in modules.items()}


def _circles(graph: dict[str, set[str]]) -> list[frozenset[str]]:
    """The strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = set()
            while True:
                w = stack.pop()
                group.add(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(frozenset(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def _stage(name: str) -> str:
    parts = name.split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and parts[1] in FLOW) else "(face)"


def test_the_reader_finds_the_packages_modules():
    graph = _graph(top_only=False)
    assert {"icpolicy.readers", "icpolicy.text.normalize", "icpolicy.meta.tagging", "icpolicy.engine.search", "icpolicy.cli.app"} <= set(graph)
    assert "icpolicy.meta.regions" in graph["icpolicy.meta.tagging"]  # the reader sees real edges


def test_no_stage_imports_a_later_one_and_the_engine_never_the_face_or_the_cli():
    upward = []
    for name, deps in _graph(top_only=False).items():
        for dep in deps:
            here, there = _stage(name), _stage(dep)
            if here in FLOW and there in FLOW and FLOW.index(there) > FLOW.index(here):
                upward.append(f"{name} -> {dep}")
            if here == "engine" and there == "(face)" and dep in ("icpolicy", "icpolicy.__main__", "icpolicy.bundled"):
                upward.append(f"{name} -> {dep}")
    assert upward == []


def test_no_import_circles():
    assert _circles(_graph(top_only=True)) == []
    assert set(_circles(_graph(top_only=False))) <= DEFERRED_CIRCLES
