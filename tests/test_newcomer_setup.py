"""The first install: `make demo` installs what vanban needs to run and nothing more, `make test`
adds the test tools, the package ships every data file without a packaging warning, and nothing
vanban runs needs a test tool."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
TEST_TOOLS = {"pytest", "ruff", "mypy", "playwright", "hypothesis", "fpdf2", "types-networkx"}
TEST_MODULES = {"pytest", "playwright", "hypothesis", "fpdf", "mypy", "ruff"}


def _requirement_name(requirement: str) -> str:
    return re.split(r"[\s\[<>=!~;]", requirement, maxsplit=1)[0].lower()


def _dry_run(target: str, venv: Path) -> list[str]:
    """The commands ``make TARGET`` runs in a fresh clone (``-B``: as if nothing were installed)."""
    run = subprocess.run(["make", "-n", "-B", target, f"VENV={venv}"], cwd=ROOT, capture_output=True,
                         text=True, check=True)
    return run.stdout.splitlines()


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_make_demo_installs_the_runtime_and_make_test_adds_the_test_tools(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    demo, test = _dry_run("demo", venv), _dry_run("test", venv)
    installs = {name: [line for line in lines if " install " in line] for name, lines in
                (("demo", demo), ("test", test))}
    assert installs["demo"] and all(".[dev]" not in line for line in installs["demo"])
    assert any(".[dev]" in line for line in installs["test"])
    assert all(" -qq " in line for lines in installs.values() for line in lines)  # no pip notices
    assert any("vanban implementers 54-KL/TW" in line for line in demo)
    assert any(line.endswith("bin/pytest") for line in test)
    runtime = {_requirement_name(r) for r in PYPROJECT["project"]["dependencies"]}
    dev = {_requirement_name(r) for r in PYPROJECT["project"]["optional-dependencies"]["dev"]}
    assert runtime & TEST_TOOLS == set() and dev >= TEST_TOOLS


def _package_folders() -> dict[str, Path]:
    """Each package name the install declares -> its folder in the source tree."""
    roots = PYPROJECT["tool"]["setuptools"]["package-dir"]
    folders = {}
    for package in PYPROJECT["tool"]["setuptools"]["packages"]:
        root = next(name for name in sorted(roots, key=len, reverse=True)
                    if package == name or package.startswith(name + "."))
        folders[package] = ROOT / roots[root] / Path(*package[len(root) :].split(".")[1:])
    return folders


def test_every_folder_of_shipped_files_is_a_declared_package() -> None:
    """setuptools warns ("Package … is absent from the `packages` configuration") about a folder
    of data files under a package that is not itself declared; every such folder is declared."""
    folders = _package_folders()
    assert all(folder.is_dir() for folder in folders.values()), folders
    declared = set(folders.values())
    undeclared = sorted(str(sub.relative_to(ROOT)) for folder in declared for sub in folder.iterdir()
                        if sub.is_dir() and sub.name.isidentifier() and sub not in declared
                        and any(f.is_file() for f in sub.iterdir()))
    assert undeclared == []
    data = PYPROJECT["tool"]["setuptools"]["package-data"]
    for package, patterns in data.items():
        assert package in folders, package
        assert all(any(folders[package].glob(pattern)) for pattern in patterns), (package, patterns)
        assert all("/" not in pattern for pattern in patterns), (package, patterns)  # a folder is a package


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    names |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    return {name.split(".")[0] for name in names}


def test_nothing_vanban_runs_needs_a_test_tool() -> None:
    """`make demo` installs no test tool, so no installed module may import one."""
    sources = sorted({path for folder in _package_folders().values() for path in folder.glob("*.py")})
    assert len(sources) > 50
    needing = {str(path.relative_to(ROOT)): sorted(_imported_modules(path) & TEST_MODULES) for path in sources}
    assert {path: tools for path, tools in needing.items() if tools} == {}
