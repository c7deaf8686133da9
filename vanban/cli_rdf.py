"""Command-line subcommands for linked data: ``vanban rdf`` (export) and ``vanban sparql``."""

from __future__ import annotations

import argparse
import os
import re
from pathlib import Path

from vanban.errors import QueryError
from vanban.graph.rdf.export import FORMATS, to_rdflib, write_rdf
from vanban.graph.rdf.sparql import load_engine, open_engine
from vanban.graph.rdf.uris import DEFAULT_BASE
from vanban.graph.rdf.validate import validate
from vanban.pipeline import graph_from_paths
from vanban.queries.resolve import resolve
from vanban.queries.sparql import SparqlBackend, question_text
from vanban.queries.spec import QUESTIONS
from vanban.tables import print_records

__all__ = ["register"]

DEFAULT_RDF = "out/graph.ttl"
# Above this many edges `vanban rdf` streams through Oxigraph.
_OXIGRAPH_EXPORT_FROM_EDGES = 5_000


def register(sub: argparse._SubParsersAction) -> None:
    """Add this capability's subcommands to the vanban parser."""
    rdf = sub.add_parser("rdf", help="export the graph as linked data (Turtle, JSON-LD, N-Triples)")
    rdf.add_argument("paths", nargs="+", metavar="PATH",
                     help="documents or folders to read, or a .json graph export")
    rdf.add_argument("--format", choices=sorted(FORMATS), default="turtle")
    rdf.add_argument("--out", metavar="FILE", required=True, help="file to write (atomically)")
    rdf.add_argument("--base", default=DEFAULT_BASE, help=f"base of the minted URIs (default {DEFAULT_BASE})")
    rdf.add_argument("--engine", choices=("auto", "rdflib", "oxigraph"), default="auto",
                     help="serialiser: rdflib, or Oxigraph (streaming, for large graphs)")
    rdf.add_argument("--validate", action="store_true", help="check the export against the SHACL shapes")
    rdf.set_defaults(run=_rdf)

    sparql = sub.add_parser("sparql", help="run a SPARQL query (a canned question, a .rq file or text)")
    sparql.add_argument("query", metavar="QUERY|FILE",
                        help="question name (" + ", ".join(QUESTIONS) + "), .rq file, or SPARQL text")
    sparql.add_argument("--param", action="append", default=[], metavar="K=V",
                        help="bind ?K to V (true/false, integers, <iri>, else a string); repeatable. "
                             "A question's subject may be an id, a symbol, title words or an organ's name "
                             "(in any case, with or without diacritics)")
    source = sparql.add_mutually_exclusive_group()
    source.add_argument("--data", metavar="FILE", default=os.environ.get("VANBAN_RDF", DEFAULT_RDF),
                        help=f"RDF export to query (default: $VANBAN_RDF or {DEFAULT_RDF})")
    source.add_argument("--from", dest="inputs", nargs="+", metavar="PATH",
                        help="build from documents (or a .json export) instead of reading RDF")
    sparql.add_argument("--engine", choices=("auto", "rdflib", "oxigraph"), default="auto")
    sparql.add_argument("--json", action="store_true", help="print JSON instead of a table")
    sparql.set_defaults(run=_sparql)


def _rdf(args: argparse.Namespace) -> int:
    graph = graph_from_paths(args.paths)
    engine = args.engine
    if engine == "auto":
        engine = "oxigraph" if graph.number_of_edges() >= _OXIGRAPH_EXPORT_FROM_EDGES else "rdflib"
    count = write_rdf(graph, args.out, args.format, base=args.base, engine=engine)
    print(f"wrote {count} triples ({graph.number_of_nodes()} nodes, {graph.number_of_edges()} relations) "
          f"to {args.out}")
    if args.validate:
        result = validate(to_rdflib(graph, args.base))
        for line in result.violations:
            print(f"SHACL {line}")
        print("SHACL: conforms" if result.conforms else f"SHACL: {len(result.violations)} violations")
        return 0 if result.conforms else 1
    return 0


def parse_param(text: str) -> tuple[str, object]:
    """``k=v`` -> (k, value): ``true``/``false`` are booleans, digits integers, ``<…>`` IRIs
    (kept as ``<…>`` for the engine), ``"…"`` a string as written, anything else a string.

    >>> parse_param("directive=54-KL/TW"), parse_param("transitive=true"), parse_param('n="7"')
    (('directive', '54-KL/TW'), ('transitive', True), ('n', '7'))
    """
    name, sep, value = text.partition("=")
    name = name.strip().lstrip("?$")
    if not sep or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
        raise QueryError(f"--param {text!r}: expected NAME=VALUE")
    if value in ("true", "false"):
        return name, value == "true"
    if re.fullmatch(r"-?\d+", value):
        return name, int(value)
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return name, value[1:-1]
    return name, value


def _query_text(query: str) -> str:
    if query in QUESTIONS:
        return question_text(query)
    path = Path(query)
    if query.endswith(".rq") or (len(query) < 4096 and path.is_file()):
        if not path.is_file():
            raise QueryError(f"{path}: no such query file")
        return path.read_text(encoding="utf-8")
    return query


def _sparql(args: argparse.Namespace) -> int:
    text = _query_text(args.query)
    bindings = dict(parse_param(p) for p in args.param)
    engine = open_engine(graph_from_paths(args.inputs), args.engine) if args.inputs \
        else load_engine(args.data, args.engine)
    spec = QUESTIONS.get(args.query)
    if spec is not None:  # a canned question: its defaults, and its subject resolved
        if spec.transitive is not None:
            bindings.setdefault("transitive", spec.transitive)
        if spec.subject and spec.parameter and isinstance(named := bindings.get(spec.parameter), str):
            bindings[spec.parameter] = resolve(SparqlBackend(engine), spec.subject, named)
    names, rows = engine.select(text, bindings)
    print_records(names, rows, args.json, _cell)
    return 0


def _cell(value: object) -> str:
    if value is None:
        return ""
    text = " ".join(str(value).replace("\u001f", ", ").split())
    return text if len(text) <= 70 else text[:69] + "…"
