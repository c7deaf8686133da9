"""Command-line subcommand ``vanban serve`` (registered by vanban.cli)."""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from vanban.cli_neo4j import open_store
from vanban.errors import VanbanError
from vanban.graph.rdf.uris import DEFAULT_BASE

if TYPE_CHECKING:
    from vanban.queries.backend import Backend

__all__ = ["register"]

DEFAULT_GRAPH = "out/graph.json"


def register(sub: argparse._SubParsersAction) -> None:
    """Add this capability's subcommand to the vanban parser."""
    serve = sub.add_parser(
        "serve", help="browse the graph in a local web application (search, pages, graph view, SPARQL)"
    )
    serve.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help=f"documents or folders to read, or one .json export (default: $VANBAN_GRAPH or {DEFAULT_GRAPH})",
    )
    serve.add_argument(
        "--neo4j",
        action="store_true",
        help="answer the canned questions from Neo4j ($NEO4J_URI, …) instead of the graph",
    )
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: %(default)s, this machine only)"
    )
    serve.add_argument("--port", type=int, default=8000, help="port (default: %(default)s; 0: any free port)")
    serve.add_argument(
        "--timeout",
        type=float,
        default=10.0,
        metavar="SECONDS",
        help="longest a question or SPARQL query may run (default: %(default)s)",
    )
    serve.add_argument(
        "--processes",
        type=int,
        default=1,
        metavar="N",
        help="processes answering requests, forked once the graph is loaded and sharing its memory "
        "(default: %(default)s; not with --neo4j)",
    )
    serve.add_argument("--no-sparql", action="store_true", help="no SPARQL endpoint (no RDF store is built)")
    serve.add_argument(
        "--sparql-workers",
        type=int,
        default=1,
        metavar="N",
        help="processes answering SPARQL queries (default: %(default)s)",
    )
    serve.add_argument("--base", default=DEFAULT_BASE, help=f"base of the RDF URIs (default {DEFAULT_BASE})")
    serve.add_argument("--title", help="name shown in the header (default: from the inputs)")
    serve.set_defaults(run=_serve)


@contextmanager
def _backend(args: argparse.Namespace, timeout: float) -> Iterator[Backend | None]:
    if not args.neo4j:
        yield None
        return
    from vanban.serve.answers import TimedNeo4jBackend

    with open_store() as store:
        yield TimedNeo4jBackend(store, timeout)


def _serve(args: argparse.Namespace) -> int:
    from vanban.pipeline import collector_paused, graph_from_paths
    from vanban.serve import ServeOptions, prepare, run
    from vanban.serve.server import listening_socket

    paths = args.paths or [os.environ.get("VANBAN_GRAPH", DEFAULT_GRAPH)]
    if not args.paths and not os.path.exists(paths[0]):
        raise VanbanError(
            f"{paths[0]}: no graph export; run 'vanban build PATH --json {paths[0]}' "
            "or pass documents, folders or a .json export"
        )
    if args.processes > 1 and args.neo4j:
        raise VanbanError(
            "--processes: one process only with --neo4j (a driver's connections cannot be shared)"
        )
    started = time.perf_counter()
    sock = listening_socket(args.host, args.port)
    port = sock.getsockname()[1]
    try:
        with collector_paused():  # millions of objects and no cycles: nothing for it to find
            graph = graph_from_paths(paths)
        title = args.title or "vanban — " + ", ".join(os.path.basename(os.path.normpath(p)) for p in paths)
        options = ServeOptions(
            host=args.host,
            port=port,
            base=args.base,
            timeout=args.timeout,
            sparql=not args.no_sparql,
            sparql_workers=args.sparql_workers,
            title=title,
        )
        with _backend(args, args.timeout) as backend:
            with collector_paused():
                state = prepare(graph, options, backend, start=args.processes <= 1)
            # The graph and its indexes live as long as the server: out of the collector's sight,
            # so that no request ever waits for it to walk them.
            gc.freeze()
            print(
                f"vanban serve: {graph.number_of_nodes():,} nodes, {graph.number_of_edges():,} edges, "
                f"ready in {time.perf_counter() - started:.1f} s; questions from {state.backend.name}",
                file=sys.stderr,
            )
            print(
                f"vanban serve: http://{_shown(args.host)}:{port}/  (Ctrl-C stops)",
                file=sys.stderr,
                flush=True,
            )
            run(state, options, sock, graph, max(1, args.processes))
    finally:
        sock.close()
    return 0


def _shown(host: str) -> str:
    return f"[{host}]" if ":" in host else host
