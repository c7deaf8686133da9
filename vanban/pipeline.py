"""From paths to facts to a graph: reading inputs without letting one bad file stop a batch.

>>> result = read_inputs(["samples"])  # doctest: +SKIP
>>> graph = build_graph(result.facts)  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from vanban.errors import LoadError
from vanban.graph.build import build_graph
from vanban.graph.model import FileFacts
from vanban.loaders.extract import extract_text
from vanban.loaders.files import read_text

__all__ = ["InputResult", "build_graph", "collect_files", "read_inputs"]

SUFFIXES = (".txt", ".md")


@dataclass
class InputResult:
    facts: list[FileFacts] = field(default_factory=list)
    failures: list[LoadError] = field(default_factory=list)


def collect_files(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, and text files inside folders named (sorted, recursive)."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        else:
            found.append(path)
    return found


def read_inputs(paths: Iterable[str | Path],
                progress: Callable[[int, int, Path], None] | None = None) -> InputResult:
    """Extract every file; a file that fails is recorded, the others go on."""
    result = InputResult()
    files = collect_files(paths)
    for n, path in enumerate(files, 1):
        try:
            result.facts.append(extract_text(read_text(path), path.name))
        except LoadError as error:
            result.failures.append(error)
        if progress is not None:
            progress(n, len(files), path)
    return result
