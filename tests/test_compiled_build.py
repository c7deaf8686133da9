"""The compiled build (``setup.py``: the extractor compiled with mypyc for a regular install)
extracts exactly what the editable, pure Python install does.

It runs against ``build/compiled``, which ``scripts/build-compiled`` makes (``make test`` runs it
before pytest); without it the tests skip, and fail in CI.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLES, SHARED, unavailable

COMPILED = ROOT / "build" / "compiled"
WITH_COMPILED = ROOT / "scripts" / "with-compiled"
VANBAN = Path(sys.executable).parent / "vanban"
# What the compiled build extracts from, each folder one export: the samples, and the corpus with
# its saved web pages when ../shared is beside the repository.
FOLDERS = {"samples": SAMPLES, "corpus": SHARED / "corpus"}


def _compiled_build() -> Path:
    if not (COMPILED / "vanban").is_dir():
        unavailable(f"no compiled build in {COMPILED} (scripts/build-compiled makes it)")
    return COMPILED


def _run(command: list[str], compiled: bool) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONSAFEPATH")}
    env["PYTHONHASHSEED"] = "0"
    full = [str(WITH_COMPILED), *command] if compiled else command
    return subprocess.run(full, env=env, cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)


def test_the_compiled_build_imports_its_extractor_compiled_and_the_editable_one_does_not() -> None:
    _compiled_build()
    probe = "import vanban.loaders.extract as m, vanban.loaders.files as f; print(m.__file__); print(f.__file__)"
    compiled, pure = (_run([sys.executable, "-c", probe], compiled=c) for c in (True, False))
    assert compiled.returncode == 0 and pure.returncode == 0, compiled.stderr + pure.stderr
    extractor, reader = compiled.stdout.split()
    assert Path(extractor).is_relative_to(COMPILED) and extractor.endswith(".so")
    assert reader.endswith(".py")  # the file readers stay in Python
    assert all(f.endswith(".py") and not Path(f).is_relative_to(COMPILED) for f in pure.stdout.split())


@pytest.mark.parametrize("name", sorted(FOLDERS))
def test_the_compiled_build_exports_the_same_graph(name: str, tmp_path: Path) -> None:
    _compiled_build()
    folder = FOLDERS[name]
    if not folder.is_dir():
        unavailable(f"no {folder} (../shared beside the repository)")
    exports = {}
    for compiled in (False, True):
        out = tmp_path / f"{name}-{'compiled' if compiled else 'pure'}.json"
        done = _run([str(VANBAN), "build", str(folder), "-q", "--json", str(out)], compiled)
        assert out.is_file(), f"{'compiled' if compiled else 'pure'} build wrote no export: {done.stderr}"
        exports[compiled] = out.read_bytes()
    assert exports[True] == exports[False]
    assert json.loads(exports[True])["nodes"]  # (a graph, not two empty ones)
