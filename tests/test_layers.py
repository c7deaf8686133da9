"""The package's layers point one way: core → loaders → graph build → stores and exports →
queries → page → server → command line, with no import cycle and no import hidden in a function to
dodge one. Only the heavy optional libraries are imported where they are first needed, and the
command line imports each lower layer in the command that runs it: ``vanban --help`` and the
argument parser load none of them.

Read from the source with :mod:`ast`, nothing is imported (but for the one test that starts the
command line's parser in a fresh interpreter). A module's parent packages run first when it is
imported, so an import also counts as importing each parent package (for the layers, not for
cycles: a package importing its own modules is how packages work). The root package ``vanban``
is the facade of the top layer (``from vanban import build_graph``) and is left out of that rule.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# Top-level folders and the package each one installs as (pyproject.toml, package-dir).
FOLDERS = {"vanban": "vanban", "graph": "vanban.graph", "loaders": "vanban.loaders",
           "queries": "vanban.queries", "visualize": "vanban.visualize", "serve": "vanban.serve"}

# Layers, lowest first; a module belongs to the first layer with a prefix it has (a prefix
# names a module or a package and everything in it).
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    ("core", ("vanban.errors", "vanban.lazy", "vanban.graph.vocabulary", "vanban.graph.model", "vanban.graph.keys",
              "vanban.graph.labels", "vanban.graph.schema", "vanban.graph.atomic", "vanban.graph:")),
    ("loaders", ("vanban.loaders",)),
    ("graph build", ("vanban.graph.identity", "vanban.graph.packed", "vanban.graph.build")),
    ("stores and exports", ("vanban.graph.export", "vanban.graph.neo4j", "vanban.graph.rdf", "vanban.pipeline")),
    ("queries", ("vanban.queries",)),
    ("page", ("vanban.visualize",)),
    ("server", ("vanban.serve",)),
    ("command line", ("vanban.cli", "vanban.cli_html", "vanban.cli_neo4j", "vanban.cli_rdf", "vanban.cli_serve",
                      "vanban.tables", "vanban:")),
]
# Heavy optional libraries, imported inside the function that needs them (networkx's habit):
# only their users pay for loading them.
LAZY = {"neo4j", "rdflib", "pyoxigraph", "pyshacl", "playwright", "docx", "pypdf", "lxml", "uvicorn"}


def _modules() -> dict[str, Path]:
    found = {}
    for folder, package in FOLDERS.items():
        for path in sorted((ROOT / folder).rglob("*.py")):
            parts = path.relative_to(ROOT / folder).with_suffix("").parts
            name = ".".join((package, *parts))
            found[name.removesuffix(".__init__")] = path
    return found


MODULES = _modules()


def layer_of(module: str) -> int:
    """The index of the module's layer (``name:`` prefixes match the package itself only).

    >>> LAYERS[layer_of("vanban.graph.rdf.export")][0], LAYERS[layer_of("vanban.graph")][0]
    ('stores and exports', 'core')
    """
    for index, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if prefix.endswith(":"):
                if module == prefix[:-1]:
                    return index
            elif module == prefix or module.startswith(prefix + "."):
                return index
    raise KeyError(f"{module} is in no layer: add it to LAYERS in {Path(__file__).name}")


def _where(module: str) -> str:
    path = MODULES[module]
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def _is_package(module: str) -> bool:
    return MODULES[module].name == "__init__.py"


def _imports(module: str) -> Iterator[tuple[ast.stmt, list[str], bool]]:
    """Each import statement of a module: the vanban modules it names, and whether it sits in a
    function or class body."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))

    def walk(node: ast.AST, nested: bool) -> Iterator[tuple[ast.stmt, list[str], bool]]:
        for child in ast.iter_child_nodes(node):
            inner = nested or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Lambda)
            if isinstance(child, ast.Import):
                yield child, [alias.name for alias in child.names], inner
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:  # relative: from the module's own package
                    package = module if _is_package(module) else module.rpartition(".")[0]
                    for _ in range(child.level - 1):
                        package = package.rpartition(".")[0]
                    base = f"{package}.{base}" if base else package
                yield child, [f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base
                              for alias in child.names], inner
            else:
                yield from walk(child, inner)
    yield from walk(tree, False)


def _targets(name: str) -> tuple[str | None, list[str]]:
    """The vanban module an imported name loads, and the parent packages that run first."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    if not name:
        return None, []
    parts = name.split(".")
    parents = [".".join(parts[:i]) for i in range(2, len(parts))]
    return name, [p for p in parents if p in MODULES]


def _graph() -> dict[str, set[str]]:
    """Module -> the vanban modules it imports at module level (explicit imports only)."""
    edges: dict[str, set[str]] = {module: set() for module in MODULES}
    for module in MODULES:
        for _, names, nested in _imports(module):
            for name in names:
                target, _ = _targets(name)
                if target is not None and not nested and target != module:
                    edges[module].add(target)
    return edges


def test_every_module_has_a_layer() -> None:
    for module in MODULES:
        layer_of(module)


def test_no_module_imports_a_higher_layer() -> None:
    upward = []
    for module in MODULES:
        own = layer_of(module)
        for statement, names, _ in _imports(module):
            for name in names:
                target, parents = _targets(name)
                for imported in [target, *parents] if target else []:
                    if layer_of(imported) > own:
                        upward.append(f"{_where(module)}:{statement.lineno}: {module} "
                                      f"({LAYERS[own][0]}) imports {imported} ({LAYERS[layer_of(imported)][0]})")
    assert not upward, "imports pointing up a layer:\n" + "\n".join(upward)


def test_no_import_cycle() -> None:
    edges = _graph()
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def connect(node: str) -> None:  # Tarjan's strongly connected components
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(edges[node]):
            if nxt not in index:
                connect(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for module in sorted(edges):
        if module not in index:
            connect(module)
    assert not cycles, "import cycles:\n" + "\n".join(" <-> ".join(c) for c in cycles)


def test_no_import_is_hidden_in_a_function() -> None:
    """Only the heavy optional libraries may be imported where they are used, and a command of
    the command line may import a lower layer; any other import of a vanban module (or anything
    else) inside a function is how a cycle hides. (Nothing imports the command line, so its
    commands' imports of a layer below close no cycle.)"""
    hidden = []
    top = len(LAYERS) - 1
    for module in MODULES:
        for statement, names, nested in _imports(module):
            if not nested:
                continue
            roots = ({alias.name.split(".")[0] for alias in statement.names} if isinstance(statement, ast.Import)
                     else {(statement.module or "").split(".")[0]})
            relative = isinstance(statement, ast.ImportFrom) and statement.level > 0
            targets = [_targets(name)[0] for name in names]
            command = layer_of(module) == top and roots == {"vanban"} and all(
                target is not None and layer_of(target) < top for target in targets)
            if not command and (relative or not roots <= LAZY):
                hidden.append(f"{_where(module)}:{statement.lineno}: {', '.join(names)}")
    assert not hidden, "imports inside functions:\n" + "\n".join(hidden)


@pytest.mark.parametrize(("check", "text"), [
    (test_no_module_imports_a_higher_layer, "from vanban.queries.lookup import find_document\n"),
    (test_no_import_cycle, "from vanban.graph.schema import STORE_KEYS\n"),
    (test_no_import_is_hidden_in_a_function, "def f():\n    from vanban.graph.model import Evidence\n"),
])
def test_the_checks_catch_what_they_look_for(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, check, text: str) -> None:
    """A core module (``vanban.graph.keys``) made to import up a layer, to close a cycle
    (``schema`` imports ``keys``) and to hide an import in a function fails each check."""
    planted = tmp_path / "keys.py"
    planted.write_text(text, encoding="utf-8")
    monkeypatch.setitem(MODULES, "vanban.graph.keys", planted)
    with pytest.raises(AssertionError):
        check()


def test_a_command_hiding_an_import_of_its_own_layer_is_caught(monkeypatch: pytest.MonkeyPatch,
                                                              tmp_path: Path) -> None:
    """A command may import a lower layer where it runs, not another part of the command line
    (which could close a cycle there)."""
    planted = tmp_path / "cli_html.py"
    planted.write_text("def f():\n    from vanban.tables import Progress\n", encoding="utf-8")
    monkeypatch.setitem(MODULES, "vanban.cli_html", planted)
    with pytest.raises(AssertionError, match=r"vanban\.tables"):
        test_no_import_is_hidden_in_a_function()


# What the argument parser must not load: the extraction pipeline and the libraries of the
# commands (graph, RDF, Neo4j, page, server).
HEAVY = ("vanban.pipeline", "vanban.loaders.extract", "vanban.graph.build", "vanban.queries.ask",
         "networkx", "rdflib", "neo4j", "jinja2", "pyvis", "starlette", "uvicorn")


def test_the_command_line_parser_loads_no_heavy_part() -> None:
    """``vanban --help`` answers at once: building the parser loads none of :data:`HEAVY` (each
    command imports what it runs)."""
    script = ("import sys; from vanban.cli import _parser; _parser(); "
              f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                            timeout=120).stdout.split()
    assert loaded == []
