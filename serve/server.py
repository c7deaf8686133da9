"""Starting the server: the catalog, the back end, the SPARQL store built behind the scenes, uvicorn.

The catalog is ready before the server listens; the SPARQL store (the graph's RDF form in an
Oxigraph database on disk) and the most-cited list are made in a background thread, so
search and pages answer at once and ``/sparql`` says ``building`` until its store is ready.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import shutil
import signal
import socket
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from vanban.errors import VanbanError
from vanban.graph.rdf.uris import DEFAULT_BASE
from vanban.queries.ask import ask
from vanban.queries.backend import Backend
from vanban.serve.answers import IndexedGraphBackend
from vanban.serve.app import AppState, SparqlService, create_app
from vanban.serve.catalog import Catalog
from vanban.serve.sparql_worker import SparqlWorkers, build_store

__all__ = [
    "ServeOptions",
    "allowed_hosts",
    "close",
    "listening_socket",
    "prepare",
    "run",
    "serving",
    "start_background",
]

LOCAL_HOSTS = ["127.0.0.1", "localhost", "::1", "[::1]"]


@dataclass(frozen=True)
class ServeOptions:
    host: str = "127.0.0.1"
    port: int = 8000
    base: str = DEFAULT_BASE
    timeout: float = 10.0
    sparql: bool = True
    sparql_workers: int = 1
    title: str = "vanban"


def prepare(
    graph: nx.MultiDiGraph,
    options: ServeOptions,
    backend: Backend | None = None,
    wait: bool = False,
    start: bool = True,
) -> AppState:
    """The application state over ``graph``: ``backend`` answers the canned questions (the
    graph itself when None). The SPARQL store and the most-cited list are made in a background
    thread (``wait``: before returning; ``start=False``: not yet, see :func:`run`)."""
    catalog = Catalog.of(graph, options.base)
    state = AppState(
        catalog,
        backend or IndexedGraphBackend(catalog),
        title=options.title,
        timeout=options.timeout,
        sparql=SparqlService("building" if options.sparql else "off"),
    )
    if options.sparql:
        state.sparql.folder = Path(tempfile.mkdtemp(prefix="vanban-sparql-"))
    if start:
        start_background(state, graph, options, wait=wait)
    return state


def start_background(
    state: AppState, graph: nx.MultiDiGraph, options: ServeOptions, wait: bool = False, build: bool = True
) -> None:
    """Make the most-cited list and the SPARQL store (``build=False``: wait for another process
    to build the store, then open it) in a thread."""
    worker = threading.Thread(
        target=_background, args=(state, graph, options, build), name="vanban-prepare", daemon=True
    )
    worker.start()
    if wait:
        worker.join()


def _background(state: AppState, graph: nx.MultiDiGraph, options: ServeOptions, build: bool) -> None:
    try:
        rows = ask(state.backend, "most-cited")
        state.most_cited = [
            {**row, "url": state.catalog.uris.path(row["document"])}
            for row in rows
            if row["document"] in state.catalog.graph
        ]
    except VanbanError as error:
        print(f"vanban serve: most-cited list: {error}", file=sys.stderr)
    folder = state.sparql.folder
    if not options.sparql or folder is None:
        return
    try:
        started = time.perf_counter()
        if build:
            triples = build_store(graph, folder / "store", options.base)
            (folder / "ready").write_text(str(triples), encoding="utf-8")
        else:
            while not (folder / "ready").exists():
                if (folder / "failed").exists():
                    raise VanbanError((folder / "failed").read_text(encoding="utf-8"))
                time.sleep(1)
            triples = int((folder / "ready").read_text(encoding="utf-8"))
        state.sparql.triples = triples
        state.sparql.workers = SparqlWorkers(folder / "store", options.sparql_workers, options.timeout)
        state.sparql.state = "ready"
        if build:
            print(
                f"vanban serve: SPARQL store ready ({triples:,} triples, "
                f"{time.perf_counter() - started:.1f} s)",
                file=sys.stderr,
            )
    except (VanbanError, OSError, ValueError) as error:
        state.sparql.state, state.sparql.reason = "failed", str(error)
        if build:
            (folder / "failed").write_text(str(error), encoding="utf-8")
            print(f"vanban serve: SPARQL store failed: {error}", file=sys.stderr)


def close(state: AppState) -> None:
    """Stop the SPARQL workers and remove their store."""
    state.sparql.close()
    if state.sparql.folder is not None:
        shutil.rmtree(state.sparql.folder, ignore_errors=True)


def allowed_hosts(host: str) -> list[str] | None:
    """The Host names a request may carry: the loopback names when bound to loopback, the bound
    name too otherwise, any when bound to every interface."""
    if host in ("0.0.0.0", "::", ""):
        return None
    return sorted(set(LOCAL_HOSTS) | {host})


def listening_socket(host: str = "127.0.0.1", port: int = 0) -> socket.socket:
    """A socket bound to ``host:port`` (0: a free port, the one the socket then has), so the
    address is known, and a port already taken is an error, before anything is loaded."""
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if hasattr(socket, "SO_REUSEPORT"):  # forked processes bind their own: the kernel spreads connections
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    try:
        sock.bind((host, port))
    except OSError as error:
        sock.close()
        raise VanbanError(f"cannot listen on {host}:{port} ({error.strerror})") from error
    return sock


def _server(state: AppState, host: str) -> Any:
    import uvicorn  # imported here: only the server pays for it

    app = create_app(state, allowed_hosts(host))
    return uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False))


@contextmanager
def serving(state: AppState, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """Serve in a thread for the block (tests, benchmarks); yields the base URL. Port 0 picks
    a free port."""
    sock = listening_socket(host, port)
    port = sock.getsockname()[1]
    server = _server(state, host)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="vanban-serve", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise VanbanError(f"the server did not start on {host}:{port}")
        time.sleep(0.02)
    try:
        yield f"http://{_bracketed(host)}:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()


def _bracketed(host: str) -> str:
    return f"[{host}]" if ":" in host else host


def run(
    state: AppState,
    options: ServeOptions,
    sock: socket.socket | None = None,
    graph: nx.MultiDiGraph | None = None,
    processes: int = 1,
) -> None:
    """Serve until interrupted, on ``sock`` (bound by :func:`listening_socket`) or on the
    options' host and port.

    With ``processes`` > 1 (a state prepared with ``start=False``, and its ``graph``), the
    others are forked once everything is loaded: they share its memory, copy-on-write, and
    accept on the same socket. Only this process builds the SPARQL store; the others open it
    when it is ready.
    """
    sock = sock or listening_socket(options.host, options.port)
    children: list[int] = []
    # uvicorn stops on SIGTERM, then raises it again: leave through ``finally`` (children, store)
    previous = signal.signal(signal.SIGTERM, _exit_on_signal)
    try:
        if processes > 1:
            if graph is None:
                raise VanbanError("several processes need the graph to start their background work")
            for _ in range(processes - 1):
                pid = os.fork()
                if pid == 0:  # a serving process: it must never return into the caller
                    status = 0
                    _die_with_parent()
                    try:
                        start_background(state, graph, options, build=False)
                        own = _own_socket(sock, options.host)
                        _server(state, options.host).run(sockets=[own])
                    except BaseException:
                        status = 1
                    finally:
                        state.sparql.close()
                        os._exit(status)
                children.append(pid)
            start_background(state, graph, options, build=True)
        _server(state, options.host).run(sockets=[sock])
    finally:
        for pid in children:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
        for pid in children:
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, 0)
        close(state)
        sock.close()
        signal.signal(signal.SIGTERM, previous)


def _own_socket(shared: socket.socket, host: str) -> socket.socket:
    """A socket of this process's own on the same port (SO_REUSEPORT: the kernel gives each
    process its share of the connections), else the shared one."""
    if not hasattr(socket, "SO_REUSEPORT"):
        return shared
    try:
        own = listening_socket(host, shared.getsockname()[1])
    except VanbanError:
        return shared
    shared.close()
    return own


def _exit_on_signal(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def _die_with_parent() -> None:
    """On Linux, ask to get SIGTERM when the parent dies (however it dies)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
