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
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import NamedTuple

import networkx as nx

from vanban.errors import EmptyInputError, LoadError, NotADocumentError, VanbanError
from vanban.graph.build import build_graph
from vanban.graph.export import read_json
from vanban.graph.model import FileFacts
from vanban.graph.packed import PackedFacts
from vanban.loaders.extract import extract_text
from vanban.loaders.files import DEFAULT_MAX_BYTES, read_file
from vanban.loaders.folders import source_name, walk_folder
from vanban.loaders.formats import SUFFIXES as FORMAT_SUFFIXES

__all__ = ["DEFAULT_MAX_BYTES", "SUFFIXES", "GraphInput", "InputFile", "InputResult", "InputWarning",
           "build_graph", "collect_files", "collect_inputs", "collector_paused", "graph_from_paths",
           "nothing_read", "read_export", "read_graph", "read_inputs"]

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


@dataclass(frozen=True)
class InputFile:
    """A file to read and its source name: the name its facts, errors and exports carry."""

    path: Path
    name: str
    problem: str | None = None  # why it cannot be read, found while walking its folder


def collect_inputs(paths: Iterable[str | Path]) -> list[InputFile]:
    """Files named, and the readable files inside folders named (sorted, recursive:
    ``.txt``, ``.md``, ``.docx``, ``.pdf``, ``.html``; Word's ``~$…`` lock files skipped), each
    with its source name: the path relative to the folder given (``a/doc.txt``), or the name of
    a file given by itself. Two files that would share a name keep the paths as given, so no
    file's facts are merged into another's; a file named twice is read once.

    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> for folder in ("a", "b"):
    ...     (root / folder).mkdir()
    ...     _ = (root / folder / "doc.txt").write_text("Số 1", encoding="utf-8")
    >>> [f.name for f in collect_inputs([root])]
    ['a/doc.txt', 'b/doc.txt']
    >>> [f.name for f in collect_inputs([root / "a" / "doc.txt"])]
    ['doc.txt']
    """
    found: list[InputFile] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            named = [InputFile(e.path, source_name(e.path.relative_to(path).as_posix()), e.problem)
                     for e in walk_folder(path, SUFFIXES)]
        else:
            named = [InputFile(path, source_name(path.name))]
        for item in named:
            key = _same_file(item.path)
            if key not in seen:
                seen.add(key)
                found.append(item)
    counts = Counter(item.name for item in found)
    return [item if counts[item.name] == 1
            else InputFile(item.path, source_name(item.path.as_posix()), item.problem)
            for item in found]


def _same_file(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # unresolvable (RuntimeError: a link loop): only itself
        return path.absolute()


def collect_files(paths: Iterable[str | Path]) -> list[Path]:
    """The files :func:`collect_inputs` finds, without their source names."""
    return [item.path for item in collect_inputs(paths)]


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
    files = collect_inputs(paths)
    for n, (item, outcome) in enumerate(_outcomes(files, workers, chunksize, max_bytes), 1):
        if outcome.facts is not None:
            result.facts.append(outcome.facts, outcome.name)  # type: ignore[call-arg]
        elif outcome.no_document:
            result.skipped.append(NotADocumentError(outcome.name, outcome.reason or "no document"))
        else:
            result.failures.append(LoadError(outcome.name, outcome.reason or "unreadable"))
        result.warnings += [InputWarning(outcome.name, message) for message in outcome.warnings]
        if progress is not None:
            progress(n, len(files), item.path)
    return result


class _Outcome(NamedTuple):
    """What reading one file gave, as plain values (sent back from worker processes)."""

    name: str
    facts: FileFacts | None
    reason: str | None  # of the LoadError, when it failed or was skipped
    warnings: tuple[str, ...] = ()
    no_document: bool = False  # skipped (a NotADocumentError), not failed


def _read_one(item: InputFile, max_bytes: int = DEFAULT_MAX_BYTES) -> _Outcome:
    warnings: tuple[str, ...] = ()
    if item.problem is not None:
        return _Outcome(item.name, None, item.problem)
    try:
        read = read_file(item.path, max_bytes, name=item.name)
        warnings = read.warnings
        return _Outcome(item.name, extract_text(read.text, item.name), None, warnings)
    except LoadError as error:  # the error (path, reason, its class) is re-made in the parent
        return _Outcome(error.path, None, error.reason, warnings, isinstance(error, NotADocumentError))
    except Exception as error:  # a bug must cost one file, not the batch; the reason says so
        return _Outcome(item.name, None, f"internal error ({type(error).__name__}: {error}); "
                                         "please report it with the file", warnings)


def _read_chunk(items: list[InputFile], max_bytes: int = DEFAULT_MAX_BYTES) -> list[_Outcome]:
    """Outcomes of a worker process, their facts packed (:meth:`PackedFacts.pack`): sent back
    as a few bytes each and kept that way, instead of thousands of objects to unpickle."""
    return [outcome._replace(facts=PackedFacts.pack(outcome.facts))  # type: ignore[arg-type]  # packed
            if outcome.facts is not None else outcome
            for outcome in map(partial(_read_one, max_bytes=max_bytes), items)]


def _outcomes(files: list[InputFile], workers: int, chunksize: int | None,
              max_bytes: int) -> Iterator[tuple[InputFile, _Outcome]]:
    if workers <= 1 or len(files) < 2:
        for item in files:
            yield item, _read_one(item, max_bytes)
        return
    size = chunksize or max(1, min(64, len(files) // (workers * 8)))
    chunks = [files[i : i + size] for i in range(0, len(files), size)]
    with ProcessPoolExecutor(max_workers=min(workers, len(chunks))) as pool:
        outcomes = pool.map(partial(_read_chunk, max_bytes=max_bytes), chunks)
        for chunk, chunk_outcomes in zip(chunks, outcomes, strict=True):
            yield from zip(chunk, chunk_outcomes, strict=True)


@dataclass(frozen=True)
class GraphInput:
    """A graph read from an export or built from documents, and how many files could not be read."""

    graph: nx.MultiDiGraph
    failed: int = 0

    @property
    def status(self) -> int:
        """The exit status a command gives for it: 0 every file read or skipped as holding no
        document, 1 a file could not be read (the others were used)."""
        return 1 if self.failed else 0


def read_graph(paths: Sequence[str | Path], allow_empty: bool = False,
               progress: Callable[[int, int, Path], None] | None = None) -> GraphInput:
    """The graph of one ``.json`` export, or built from documents and folders; files that
    hold no document or cannot be read are named on standard error (see
    :meth:`InputResult.left_out`) and left out.

    Inputs that give no document at all (an empty or mistyped folder, an export of an empty
    graph) raise :class:`EmptyInputError`, so that no command replaces a good output with an
    empty one, unless ``allow_empty``. ``progress`` is told of each file read (see
    :func:`read_inputs`).
    """
    exports = [p for p in paths if str(p).lower().endswith(".json")]
    if exports:
        if len(paths) > 1:
            raise VanbanError("pass either one .json export or documents and folders, not both")
        graph = read_export(exports[0])
        if not allow_empty and not any(d.get("kind") == "Document" for _, d in graph.nodes(data=True)):
            raise EmptyInputError(f"no documents in {exports[0]}; nothing written")
        return GraphInput(graph)
    result = read_inputs(paths, progress=progress)
    for line in result.left_out():
        print(f"vanban: {line}", file=sys.stderr)
    if not result.source_files() and not allow_empty:
        raise EmptyInputError(nothing_read(result, paths))
    return GraphInput(build_graph(result.take_facts()), len(result.failures))


def graph_from_paths(paths: Sequence[str | Path]) -> nx.MultiDiGraph:
    """The graph :func:`read_graph` gives, empty when the inputs hold no document."""
    return read_graph(paths, allow_empty=True).graph


def read_export(path: str | Path) -> nx.MultiDiGraph:
    """A JSON export read back, or a :class:`VanbanError` naming the file and the problem."""
    try:
        return read_json(path)
    except FileNotFoundError:
        raise VanbanError(f"{path}: no such export; run 'vanban build PATH --json {path}'") from None
    except IsADirectoryError:
        raise VanbanError(f"{path}: is a folder, not a JSON export") from None
    except OSError as error:
        raise VanbanError(f"{path}: cannot read it ({error.strerror or error})") from error
    except (ValueError, KeyError, TypeError, nx.NetworkXError) as error:
        reason = f"{type(error).__name__}: {error}"[:200]
        raise VanbanError(f"{path}: not a vanban JSON export ({reason})") from error


def nothing_read(result: InputResult, paths: Sequence[str | Path]) -> str:
    """Why inputs gave no document, in one line.

    >>> nothing_read(InputResult(), ["empty"])
    'no documents in empty (no .txt, .md, .docx, .pdf, .html or .htm file); nothing written'
    """
    if not result.skipped and not result.failures:
        kinds = ", ".join(SUFFIXES[:-1]) + f" or {SUFFIXES[-1]}"
        return f"no documents in {' '.join(str(p) for p in paths)} (no {kinds} file); nothing written"
    return (f"no documents read: {len(result.skipped)} file(s) skipped (no document), "
            f"{len(result.failures)} failed; nothing written")


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
