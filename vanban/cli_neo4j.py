"""Command-line subcommands for the neo4j capability (registered by vanban.cli).

``vanban load-neo4j PATH…`` reads documents and stores their facts in Neo4j (replacing what
those files said before); ``vanban cypher QUERY|FILE`` runs Cypher, read-only unless
``--write``. Connection settings come from ``NEO4J_URI``, ``NEO4J_USER``, ``NEO4J_PASSWORD``
and ``NEO4J_DATABASE``; :func:`open_store` opens the store the questions use for
``--backend neo4j``.

>>> parse_params(["document=54-KL/TW", "limit:=5", "flag:=true", "n=5"])
{'document': '54-KL/TW', 'limit': 5, 'flag': True, 'n': '5'}
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vanban.errors import EmptyInputError, QueryError, VanbanError
from vanban.graph.neo4j.settings import DEFAULT_BATCH
from vanban.loaders.formats import SUFFIXES
from vanban.queries.spec import QUESTIONS
from vanban.tables import Progress, format_table

if TYPE_CHECKING:
    import networkx as nx

    from vanban.graph.neo4j import LoadReport, Neo4jStore

__all__ = ["load_graph", "open_store", "parse_params", "register"]


def register(sub: argparse._SubParsersAction) -> None:
    """Add this capability's subcommands to the vanban parser."""
    load = sub.add_parser("load-neo4j", help="store documents' facts in Neo4j ($NEO4J_URI)",
                          description="Read documents and store their facts in Neo4j. Facts "
                          "previously loaded from the same files are replaced; other files' stay.")
    load.add_argument("paths", nargs="+", metavar="PATH",
                      help=f"documents ({', '.join(SUFFIXES)}) or folders of them")
    load.add_argument("--batch-size", type=int, default=DEFAULT_BATCH, metavar="N",
                      help=f"rows per write transaction (default {DEFAULT_BATCH})")
    load.add_argument("--clear", action="store_true",
                      help="delete everything in the database first (all files, not just these)")
    load.add_argument("--allow-empty", action="store_true",
                      help="go on when the inputs hold no document (by default that is an error and "
                           "the database stays as it was)")
    load.add_argument("-q", "--quiet", action="store_true", help="no progress on the terminal")
    load.set_defaults(run=_load)

    cypher = sub.add_parser("cypher", help="run a Cypher query on Neo4j (read-only unless --write)",
                            description="Run Cypher on the Neo4j database named by $NEO4J_URI. "
                            "QUERY is Cypher text, a .cypher file, or the name of a canned question ("
                            + ", ".join(QUESTIONS) + "), spelt as in 'vanban ask'.")
    cypher.add_argument("query", metavar="QUERY|FILE",
                        help="Cypher text, a .cypher file, or a canned question's name")
    cypher.add_argument("--param", "-p", action="append", default=[], metavar="K=V",
                        help="a query parameter: k=v passes the string v, k:=v passes JSON "
                             "(number, true, null, list); repeatable")
    cypher.add_argument("--json", action="store_true", help="print a JSON list of records")
    cypher.add_argument("--write", action="store_true", help="allow the query to write")
    cypher.set_defaults(run=_cypher)


# --- load ---------------------------------------------------------------------------------------

def open_store() -> Neo4jStore:
    """The store the environment names, connected (fails fast with the reason if it cannot)."""
    from vanban.graph.neo4j import Neo4jStore

    store = Neo4jStore.from_env()
    try:
        store.ping()
    except VanbanError:
        store.close()
        raise
    return store


def load_graph(graph: nx.MultiDiGraph, files: list[str] | None = None,
               batch_size: int = DEFAULT_BATCH, clear: bool = False) -> LoadReport:
    """Store ``graph`` as the facts of ``files`` in the Neo4j database the environment names
    (what ``vanban build --neo4j`` calls)."""
    with open_store() as store:
        if clear:
            store.clear()
        store.ensure_schema()
        return store.load(graph, files=files, batch_size=batch_size)


def _load(args: argparse.Namespace) -> int:
    from vanban.pipeline import build_graph, collector_paused, nothing_read, read_inputs

    if args.batch_size < 1:
        raise VanbanError("--batch-size must be at least 1")
    progress = Progress(args.quiet)
    result = read_inputs(args.paths, progress=progress.files)
    progress.done()
    for line in result.left_out():
        print(f"vanban: {line}", file=sys.stderr)
    if not result.source_files() and not args.allow_empty:
        raise EmptyInputError(nothing_read(result, args.paths).replace("nothing written", "nothing loaded"))
    with collector_paused():
        progress.step(f"merging the facts of {len(result.source_files()):,} files")
        graph = build_graph(result.take_facts())
    progress.step(f"storing {graph.number_of_nodes():,} nodes and {graph.number_of_edges():,} edges in Neo4j")
    report = load_graph(graph, result.source_files(),
                        batch_size=args.batch_size, clear=args.clear)
    progress.done()
    print(f"neo4j: {report}")
    return 1 if result.failures else 0


# --- cypher -------------------------------------------------------------------------------------

def parse_params(pairs: list[str]) -> dict[str, Any]:
    """``k=v`` gives the string ``v``; ``k:=v`` parses ``v`` as JSON."""
    params: dict[str, Any] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name or name == ":":
            raise QueryError(f"--param {pair!r}: expected NAME=VALUE or NAME:=JSON")
        if name.endswith(":"):
            try:
                params[name[:-1]] = json.loads(value)
            except json.JSONDecodeError as error:
                raise QueryError(f"--param {name[:-1]}: not JSON ({error.msg})") from error
        else:
            params[name] = value
    return params


def _query_text(query: str) -> str:
    from vanban.queries.cypher import cypher_files, load_cypher

    path = Path(query)
    if query.endswith(".cypher") or (len(query) < 256 and "\n" not in query and path.is_file()):
        try:
            return path.read_text(encoding="utf-8")
        except OSError as error:
            raise QueryError(f"{query}: cannot read it ({error.strerror})") from error
    if query in cypher_files() or query.replace("-", "_") in cypher_files():
        return load_cypher(query.replace("-", "_"))
    return query


def _plain(value: Any) -> Any:
    """A driver value as JSON-ready data (nodes and relationships as their properties)."""
    from neo4j.graph import Node, Path, Relationship  # the driver, loaded only by Neo4j users

    if isinstance(value, Node):
        return {"labels": sorted(value.labels), **{k: _plain(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        return {"type": value.type, **{k: _plain(v) for k, v in value.items()}}
    if isinstance(value, Path):
        return [_plain(n) for n in value.nodes]
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)  # dates, durations, points


def _cell(value: Any, width: int = 60) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        text = ", ".join(_cell(v, width) for v in value)
    elif isinstance(value, dict):
        text = json.dumps(value, ensure_ascii=False)
    else:
        text = str(value)
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _cypher(args: argparse.Namespace) -> int:
    text = _query_text(args.query)
    params = parse_params(args.param)
    with open_store() as store:
        keys, rows = store.run(text, params, write=args.write)
    records = [{k: _plain(v) for k, v in zip(keys, row, strict=True)} for row in rows]
    if args.json:
        print(json.dumps(records, ensure_ascii=False, indent=1))
    elif records:
        print(format_table(keys, [[_cell(r[k]) for k in keys] for r in records]))
    else:
        print("(no records)")
    return 0
