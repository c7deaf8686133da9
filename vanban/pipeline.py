"""From paths to facts to a graph: reading inputs without letting one bad file stop a batch.

Extraction is a pure function of each file, so large batches can spread over processes
(``workers``): files go out in chunks, results come back in input order, and a file that
fails is recorded exactly as in a serial run.

>>> result = read_inputs(["samples"], workers=2)  # doctest: +SKIP
>>> graph = build_graph(result.facts)  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
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
                progress: Callable[[int, int, Path], None] | None = None,
                workers: int = 1, chunksize: int | None = None) -> InputResult:
    """Extract every file; a file that fails is recorded, the others go on.

    ``workers`` > 1 extracts in that many processes, ``chunksize`` files at a time (by
    default enough chunks for each worker to get about eight); facts and failures keep the
    order of the files, so the result equals a serial run's.
    """
    result = InputResult()
    files = collect_files(paths)
    for n, (path, outcome) in enumerate(_outcomes(files, workers, chunksize), 1):
        if isinstance(outcome, FileFacts):
            result.facts.append(outcome)
        else:
            result.failures.append(LoadError(*outcome))
        if progress is not None:
            progress(n, len(files), path)
    return result


_Outcome = FileFacts | tuple[str, str]  # facts, or (file name, reason) of a LoadError


def _read_one(path: Path) -> _Outcome:
    try:
        return extract_text(read_text(path), path.name)
    except LoadError as error:  # sent back as plain values: LoadError(path, reason) re-made here
        return (error.path, error.reason)


def _read_chunk(paths: list[Path]) -> list[_Outcome]:
    return [_read_one(path) for path in paths]


def _outcomes(files: list[Path], workers: int, chunksize: int | None) -> Iterator[tuple[Path, _Outcome]]:
    if workers <= 1 or len(files) < 2:
        for path in files:
            yield path, _read_one(path)
        return
    size = chunksize or max(1, min(64, len(files) // (workers * 8)))
    chunks = [files[i : i + size] for i in range(0, len(files), size)]
    with ProcessPoolExecutor(max_workers=min(workers, len(chunks))) as pool:
        for chunk, outcomes in zip(chunks, pool.map(_read_chunk, chunks), strict=True):
            yield from zip(chunk, outcomes, strict=True)
