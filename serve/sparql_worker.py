"""SPARQL queries run in worker processes over an Oxigraph store on disk, each with a timeout.

Oxigraph cannot stop a query half-way, so a query runs in a separate process that opens the
store read-only; when a query outlives its timeout its process is ended and a fresh one
takes its place. Results are written by Oxigraph's own serialisers (SPARQL JSON, XML, CSV,
TSV; Turtle, N-Triples, RDF/XML) into a buffer that refuses to grow past ``max_bytes``.

The store is built once from the graph (:func:`build_store`) and only read afterwards.
"""

from __future__ import annotations

import multiprocessing
import shutil
import threading
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import IO, Any, cast

import networkx as nx

from vanban.errors import QueryError
from vanban.graph.rdf.export import OxigraphTerms, graph_triples

__all__ = ["QueryTimeout", "SparqlAnswer", "SparqlWorkers", "build_store"]

MAX_BYTES = 64 * 1024 * 1024


class QueryTimeout(QueryError):
    """A query ran longer than the endpoint's timeout and was stopped."""


@dataclass(frozen=True)
class SparqlAnswer:
    body: bytes
    kind: str  # "solutions", "boolean" or "graph"


def build_store(graph: nx.MultiDiGraph, path: Path, base: str) -> int:
    """Write the graph's RDF form into a new Oxigraph store at ``path``; returns the triples."""
    import pyoxigraph as ox

    if path.exists():
        shutil.rmtree(path)
    store = ox.Store(str(path))
    count = 0

    def quads() -> Any:
        nonlocal count
        for s, p, o in graph_triples(graph, OxigraphTerms(), base):
            count += 1
            yield ox.Quad(s, p, o)

    store.bulk_extend(quads())
    store.flush()
    store.optimize()
    del store  # closes the database: readers may open it now
    return count


class _Capped:
    """A binary sink that refuses to hold more than ``limit`` bytes."""

    def __init__(self, limit: int) -> None:
        self.parts: list[bytes] = []
        self.size = 0
        self.limit = limit

    def write(self, data: bytes) -> int:
        self.size += len(data)
        if self.size > self.limit:
            raise OverflowError(f"the result is larger than {self.limit // (1024 * 1024)} MiB; add a LIMIT")
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass


def _serve(path: str, connection: Connection, max_bytes: int) -> None:
    """The worker's loop: read a request, answer it, until the pipe closes."""
    import pyoxigraph as ox

    store = ox.Store.read_only(path)
    while True:
        try:
            request = connection.recv()
        except (EOFError, OSError):
            return
        query, results_format, graph_format, default_graphs, named_graphs = request
        try:
            options: dict[str, Any] = {}
            if default_graphs:
                options["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
            if named_graphs:
                options["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
            result = store.query(query, **options)
            sink = _Capped(max_bytes)
            if isinstance(result, ox.QueryTriples):
                if graph_format is None:
                    raise ValueError(
                        "a graph result (CONSTRUCT, DESCRIBE) needs an RDF format: "
                        "Accept text/turtle or application/n-triples"
                    )
                result.serialize(cast(IO[bytes], sink), getattr(ox.RdfFormat, graph_format))
                kind = "graph"
            else:
                if results_format is None:
                    raise ValueError(
                        "solutions and booleans need a results format: Accept "
                        "application/sparql-results+json, text/csv, … "
                    )
                result.serialize(cast(IO[bytes], sink), getattr(ox.QueryResultsFormat, results_format))
                kind = "boolean" if isinstance(result, ox.QueryBoolean) else "solutions"
            connection.send(("ok", b"".join(sink.parts), kind))
        except (SyntaxError, ValueError, OSError, OverflowError, RuntimeError) as error:
            connection.send(
                (
                    "error",
                    f"{type(error).__name__ if isinstance(error, SyntaxError) else ''}"
                    f"{': ' if isinstance(error, SyntaxError) else ''}{error}",
                    "",
                )
            )


class _Worker:
    def __init__(self, path: Path, max_bytes: int) -> None:
        context = multiprocessing.get_context("spawn")
        self.connection, child = context.Pipe()
        self.process = context.Process(
            target=_serve, args=(str(path), child, max_bytes), daemon=True, name="vanban-sparql"
        )
        self.process.start()
        child.close()

    def stop(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.connection.close()


class SparqlWorkers:
    """A few worker processes over one store; :meth:`query` blocks, so call it from a thread."""

    def __init__(
        self,
        path: Path,
        workers: int = 1,
        timeout: float = 10.0,
        max_bytes: int = MAX_BYTES,
        on_restart: Callable[[], None] | None = None,
    ) -> None:
        self.path = path
        self.timeout = timeout
        self.max_bytes = max_bytes
        self._idle = [_Worker(path, max_bytes) for _ in range(max(1, workers))]
        self._free = threading.Semaphore(len(self._idle))
        self._lock = threading.Lock()
        self._on_restart = on_restart
        self._closed = False

    def query(
        self,
        query: str,
        results_format: str | None,
        graph_format: str | None,
        default_graphs: tuple[str, ...] = (),
        named_graphs: tuple[str, ...] = (),
    ) -> SparqlAnswer:
        """Run one query; :class:`QueryTimeout` after the timeout, :class:`QueryError` if it fails."""
        if not self._free.acquire(timeout=self.timeout):
            raise QueryTimeout(f"every SPARQL worker stayed busy for {self.timeout:g} s; try again")
        with self._lock:
            worker = self._idle.pop()
        try:
            worker.connection.send((query, results_format, graph_format, default_graphs, named_graphs))
            if not worker.connection.poll(self.timeout):
                worker.stop()
                worker = _Worker(self.path, self.max_bytes)
                if self._on_restart:
                    self._on_restart()
                raise QueryTimeout(f"the query ran longer than {self.timeout:g} s and was stopped")
            status, payload, kind = worker.connection.recv()
        except (EOFError, OSError) as error:  # the worker died (out of memory, killed)
            worker.stop()
            worker = _Worker(self.path, self.max_bytes)
            raise QueryError(f"the SPARQL worker stopped ({error or 'no answer'}); try again") from error
        finally:
            with self._lock:
                if self._closed:
                    worker.stop()
                else:
                    self._idle.append(worker)
            self._free.release()
        if status != "ok":
            raise QueryError(str(payload))
        return SparqlAnswer(payload, kind)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for worker in idle:
            worker.stop()
