"""From paths to facts to a graph: reading inputs without letting one bad file stop a batch.

Extraction is a pure function of each file, so large batches can spread over processes
(``workers``): files go out in chunks, results come back in input order, and a file that
fails, or is skipped for holding no document, is recorded exactly as in a serial run.

>>> result = read_inputs(["samples"], workers=2)  # doctest: +SKIP
>>> graph = build_graph(result.facts)  # doctest: +SKIP
"""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import NamedTuple

import networkx as nx

from vanban.errors import LoadError, NotADocumentError, VanbanError
from vanban.graph.build import build_graph
from vanban.graph.export import read_json
from vanban.graph.model import FileFacts
from vanban.graph.packed import PackedFacts
from vanban.loaders.extract import extract_text
from vanban.loaders.files import DEFAULT_MAX_BYTES, read_file
from vanban.loaders.formats import SUFFIXES as FORMAT_SUFFIXES

__all__ = ["DEFAULT_MAX_BYTES", "InputResult", "InputWarning", "build_graph", "collect_files",
           "collector_paused", "graph_from_paths", "read_inputs"]

SUFFIXES = tuple(FORMAT_SUFFIXES)  # .txt, .md, .docx, .pdf, .html, .htm


@dataclass(frozen=True)
class InputWarning:
    """A file that was read, but with something to double-check (an encoding guessed)."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass
class InputResult:
    """What a batch of files gave: the facts of each file read, the files skipped because they
    hold no directive document (notes, a news article), the files that could not be read
    (``failures``), and warnings about files read; each list in input order."""

    facts: list[FileFacts] = field(default_factory=list)
    failures: list[LoadError] = field(default_factory=list)
    warnings: list[InputWarning] = field(default_factory=list)
    skipped: list[NotADocumentError] = field(default_factory=list)
    _taken: list[str] | None = field(default=None, repr=False)  # names of the facts handed over

    def source_files(self) -> list[str]:
        """Names of the files whose facts were read, also after :meth:`take_facts`."""
        if self._taken is not None:
            return list(self._taken)
        facts = self.facts
        return facts.source_files() if isinstance(facts, PackedFacts) else [f.source_file for f in facts]

    def take_facts(self) -> Sequence[FileFacts]:
        """The facts, handed over: ``facts`` is empty afterwards (``source_files()`` still
        names them), so that :func:`build_graph` frees each file's facts once merged.

        >>> result = InputResult(facts=[FileFacts("a.txt", ())])
        >>> len(result.take_facts()), result.facts, result.source_files()
        (1, [], ['a.txt'])
        """
        self._taken = self.source_files()
        facts, self.facts = self.facts, []
        return facts

    def left_out(self) -> list[str]:
        """One line per file whose facts are missing: skipped (no document) or not read.

        >>> result = InputResult(skipped=[NotADocumentError("notes.txt", "no recognisable document")],
        ...                      failures=[LoadError("cut.docx", "damaged DOCX")])
        >>> result.left_out()
        ['skipped notes.txt: no recognisable document', 'could not read cut.docx: damaged DOCX']
        """
        return [f"skipped {skip}" for skip in self.skipped] + [f"could not read {e}" for e in self.failures]


def collect_files(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, and the readable files inside folders named (sorted, recursive):
    ``.txt``, ``.md``, ``.docx``, ``.pdf`` (Word's ``~$…`` lock files skipped)."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
                            and not p.name.startswith("~$"))
        else:
            found.append(path)
    return found


def read_inputs(paths: Iterable[str | Path],
                progress: Callable[[int, int, Path], None] | None = None,
                workers: int = 1, chunksize: int | None = None,
                max_bytes: int = DEFAULT_MAX_BYTES) -> InputResult:
    """Extract every file; a file that fails, or holds no document, is recorded, the others go on.

    ``workers`` > 1 extracts in that many processes, ``chunksize`` files at a time (by
    default enough chunks for each worker to get about eight); facts, skipped files, failures
    and warnings keep the order of the files, so the result equals a serial run's. A file larger than
    ``max_bytes`` (or a DOCX or PDF holding more text) fails with a size error unread.

    The facts are held packed (:class:`~vanban.graph.packed.PackedFacts`, a sequence of
    :class:`FileFacts` about a tenth of their size), so a batch of 100,000 files fits in memory.
    """
    result = InputResult(facts=PackedFacts())  # type: ignore[arg-type]  # a Sequence[FileFacts]
    files = collect_files(paths)
    for n, (path, outcome) in enumerate(_outcomes(files, workers, chunksize, max_bytes), 1):
        if outcome.facts is not None:
            result.facts.append(outcome.facts, outcome.name)  # type: ignore[call-arg]
        elif outcome.no_document:
            result.skipped.append(NotADocumentError(outcome.name, outcome.reason or "no document"))
        else:
            result.failures.append(LoadError(outcome.name, outcome.reason or "unreadable"))
        result.warnings += [InputWarning(outcome.name, message) for message in outcome.warnings]
        if progress is not None:
            progress(n, len(files), path)
    return result


class _Outcome(NamedTuple):
    """What reading one file gave, as plain values (sent back from worker processes)."""

    name: str
    facts: FileFacts | None
    reason: str | None  # of the LoadError, when it failed or was skipped
    warnings: tuple[str, ...] = ()
    no_document: bool = False  # skipped (a NotADocumentError), not failed


def _read_one(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> _Outcome:
    warnings: tuple[str, ...] = ()
    try:
        read = read_file(path, max_bytes)
        warnings = read.warnings
        return _Outcome(path.name, extract_text(read.text, path.name), None, warnings)
    except LoadError as error:  # the error (path, reason, its class) is re-made in the parent
        return _Outcome(error.path, None, error.reason, warnings, isinstance(error, NotADocumentError))
    except Exception as error:  # a bug must cost one file, not the batch; the reason says so
        return _Outcome(path.name, None, f"internal error ({type(error).__name__}: {error}); "
                                         "please report it with the file", warnings)


def _read_chunk(paths: list[Path], max_bytes: int = DEFAULT_MAX_BYTES) -> list[_Outcome]:
    """Outcomes of a worker process, their facts packed (:meth:`PackedFacts.pack`): sent back
    as a few bytes each and kept that way, instead of thousands of objects to unpickle."""
    return [outcome._replace(facts=PackedFacts.pack(outcome.facts))  # type: ignore[arg-type]  # packed
            if outcome.facts is not None else outcome
            for outcome in map(partial(_read_one, max_bytes=max_bytes), paths)]


def _outcomes(files: list[Path], workers: int, chunksize: int | None,
              max_bytes: int) -> Iterator[tuple[Path, _Outcome]]:
    if workers <= 1 or len(files) < 2:
        for path in files:
            yield path, _read_one(path, max_bytes)
        return
    size = chunksize or max(1, min(64, len(files) // (workers * 8)))
    chunks = [files[i : i + size] for i in range(0, len(files), size)]
    with ProcessPoolExecutor(max_workers=min(workers, len(chunks))) as pool:
        outcomes = pool.map(partial(_read_chunk, max_bytes=max_bytes), chunks)
        for chunk, chunk_outcomes in zip(chunks, outcomes, strict=True):
            yield from zip(chunk, chunk_outcomes, strict=True)


def graph_from_paths(paths: list[str]) -> nx.MultiDiGraph:
    """The graph of one ``.json`` export, or built from documents and folders; files that
    hold no document or cannot be read are named on standard error (see
    :meth:`InputResult.left_out`) and left out."""
    exports = [p for p in paths if str(p).lower().endswith(".json")]
    if exports:
        if len(paths) > 1:
            raise VanbanError("pass either one .json export or documents and folders, not both")
        if not Path(exports[0]).exists():
            raise VanbanError(f"{exports[0]}: no such export")
        return read_json(exports[0])
    result = read_inputs(paths)
    for line in result.left_out():
        print(f"vanban: {line}", file=sys.stderr)
    return build_graph(result.take_facts())


class _Pauses:
    """How many blocks hold the collector paused, and whether it ran before the first."""

    lock = threading.Lock()
    count = 0
    was_enabled = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for the block; restore it as it was after.

    Merging a large batch (:func:`build_graph`) and writing its JSON export make millions of
    objects and no reference cycles: the collector would only walk them again and again (a
    third of the merge's time on 10,000 files). The collector is process-wide state, so the
    library never pauses it by itself: the command line pauses it around the merge and the
    exports, and a program embedding vanban may do the same. Nested and concurrent blocks are
    counted, and the collector's state is restored when the last one ends.

    >>> import gc
    >>> before = gc.isenabled()
    >>> with collector_paused():
    ...     with collector_paused():
    ...         pass
    ...     gc.isenabled()
    False
    >>> gc.isenabled() == before
    True
    """
    with _Pauses.lock:
        if _Pauses.count == 0:
            _Pauses.was_enabled = gc.isenabled()
            gc.disable()
        _Pauses.count += 1
    try:
        yield
    finally:
        with _Pauses.lock:
            _Pauses.count -= 1
            if _Pauses.count == 0 and _Pauses.was_enabled:
                gc.enable()
