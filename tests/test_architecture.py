"""The rooms' arrows beyond import-linter's contracts (``make lint``): no import cycle
among our modules, and function-local imports of our own modules only where a comment
says why. A local import to dodge a cycle is still a cycle, so grimp's graph (which
reads imports inside functions too) must have none; docs/architecture.md names the
few local imports that remain."""

from __future__ import annotations

import ast
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parent.parent
OURS = ("exemplars", "exemplars_search", "demo", "newsroom")
PACKAGES = {"exemplars": ROOT / "exemplars", "exemplars_search": ROOT / "search"}
LOCAL_IMPORTS_MAX = 15


def _cycles(graph) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []
    for root in sorted(graph.modules):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.find_modules_directly_imported_by(root))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append(
                        (child, iter(sorted(graph.find_modules_directly_imported_by(child))))
                    )
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_no_import_cycle_among_our_modules():
    graph = grimp.build_graph(*PACKAGES, include_external_packages=False)
    # A package's __init__ that re-exports its submodules is not a cycle of the code:
    # grimp records ``from exemplars.models.pages import X`` as an import of the module itself.
    assert _cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle():
    graph = grimp.ImportGraph()
    for module in ("a", "a.b", "a.c", "a.d"):
        graph.add_module(module)
    graph.add_import(importer="a.b", imported="a.c")
    graph.add_import(importer="a.c", imported="a.d")
    graph.add_import(importer="a.d", imported="a.b")
    assert _cycles(graph) == [["a.b", "a.c", "a.d"]]


def _local_imports(path: Path):
    """(line, statement, reason) of each import of our modules inside a function."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source)
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for node in ast.walk(function):
            if not isinstance(node, ast.Import | ast.ImportFrom):
                continue
            names = (
                [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else [alias.name for alias in node.names]
            )
            if not getattr(node, "level", 0) and not any(n.split(".")[0] in OURS for n in names):
                continue
            # The reason: a comment above this import or above the run of imports it is in.
            row = node.lineno - 2
            while row >= 0 and lines[row].strip().startswith(("from ", "import ")):
                row -= 1
            reason = lines[row].strip() if row >= 0 else ""
            yield node.lineno, ast.unparse(node), reason


def test_function_local_imports_of_our_modules_are_few_and_explained():
    found = []
    for folder in (ROOT / "exemplars", ROOT / "search", ROOT / "site"):
        for path in sorted(folder.rglob("*.py")):
            if "migrations" in path.parts:
                continue
            for line, statement, reason in _local_imports(path):
                found.append((f"{path.relative_to(ROOT)}:{line}", statement, reason))
    unexplained = [f for f in found if not f[2].startswith("#")]
    assert unexplained == [], "a function-local import of our own code needs a # reason above it"
    assert len(found) <= LOCAL_IMPORTS_MAX, "\n".join(f"{w}: {s}" for w, s, _ in found)
