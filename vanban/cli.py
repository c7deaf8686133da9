"""The ``vanban`` command line: parses arguments and calls the library, nothing more."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import networkx as nx

from vanban.cli_html import register as register_html
from vanban.cli_neo4j import load_graph, open_store
from vanban.cli_neo4j import register as register_neo4j
from vanban.cli_rdf import register as register_rdf
from vanban.errors import VanbanError
from vanban.graph.export import read_json, write_graphml, write_json
from vanban.graph.labels import document_label
from vanban.graph.rdf.sparql import open_engine
from vanban.graph.schema import Show, edge_attributes
from vanban.graph.vocabulary import EdgeType
from vanban.pipeline import DEFAULT_MAX_BYTES, InputResult, build_graph, collector_paused, read_inputs
from vanban.queries.ask import ask, implementers_report
from vanban.queries.backend import Backend
from vanban.queries.cypher import Neo4jBackend
from vanban.queries.embedded import GraphBackend
from vanban.queries.lookup import find_document
from vanban.queries.sparql import SparqlBackend
from vanban.queries.spec import QUESTIONS
from vanban.tables import format_table, print_records

__all__ = ["main"]

DEFAULT_GRAPH = "out/graph.json"
SUMMARY_WIDTH = 110  # characters in a listed line of the build summary, "…" included
SUMMARY_ITEMS = 10  # conflicts, warnings, skipped and failed files listed of each, without --all


def main(argv: list[str] | None = None) -> int:
    # pypdf logs every defect it repairs as a warning; the build summary names the files that
    # could not be read, so the command line (not the library) silences those warnings.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except VanbanError as error:
        print(f"vanban: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="vanban", description=__doc__)
    sub = parser.add_subparsers(required=True, metavar="COMMAND")

    build = sub.add_parser("build", help="read documents, build the graph, write exports")
    build.add_argument("paths", nargs="+", metavar="PATH", help="files or folders of .txt/.md")
    build.add_argument("--json", metavar="FILE", help="write the node-link JSON export")
    build.add_argument("--graphml", metavar="FILE", help="write GraphML (for Gephi)")
    build.add_argument("-j", "--workers", type=int, default=1, metavar="N",
                       help="extract in N processes (0: one per core)")
    build.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    build.add_argument("--all", action="store_true",
                       help=f"list every conflict, warning, skipped and failed file, each in full (the "
                            f"summary lists the first {SUMMARY_ITEMS} of each, cut to {SUMMARY_WIDTH} "
                            "characters)")
    build.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, metavar="N",
                       help=f"refuse files larger than N bytes (default {DEFAULT_MAX_BYTES:,})")
    build.add_argument("--neo4j", action="store_true",
                       help="also store the facts in Neo4j ($NEO4J_URI, $NEO4J_USER, $NEO4J_PASSWORD, "
                            "$NEO4J_DATABASE), replacing what these files said before")
    build.set_defaults(run=_build)

    impl = sub.add_parser("implementers", help="bodies implementing a directive, and who was told to")
    impl.add_argument("symbol", help="symbol (54-KL/TW), title words, or node id")
    impl.add_argument("--transitive", action="store_true", help="follow implementation chains")
    _graph_source(impl)
    impl.set_defaults(run=_implementers)

    show = sub.add_parser("show", help="a document's facts with their evidence")
    show.add_argument("symbol")
    _graph_source(show)
    show.set_defaults(run=_show)

    question = sub.add_parser("ask", help="a canned question: " + ", ".join(QUESTIONS),
                              formatter_class=argparse.RawDescriptionHelpFormatter,
                              description="A canned question, the same on every back end:\n" + "\n".join(
                                  f"  {q.name:<16} {q.summary}" for q in QUESTIONS.values()))
    question.add_argument("question", choices=sorted(QUESTIONS))
    question.add_argument("subject", nargs="?", help="document symbol or organ name (most-cited: none)")
    question.add_argument("--transitive", action="store_true")
    _graph_source(question)
    question.set_defaults(run=_ask)
    for register in (register_neo4j, register_rdf, register_html):
        register(sub)
    return parser


def _graph_source(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--graph", metavar="FILE",
                        default=os.environ.get("VANBAN_GRAPH", DEFAULT_GRAPH),
                        help=f"JSON export to read (default: $VANBAN_GRAPH or {DEFAULT_GRAPH})")
    parser.add_argument("--from", dest="inputs", nargs="+", metavar="PATH",
                        help="build from these documents instead of reading an export")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--backend", choices=("embedded", "neo4j", "sparql"), default="embedded",
                        help="answer from the JSON export or --from (embedded, the default), from the "
                             "Neo4j database named by $NEO4J_URI, or in SPARQL over the same graph as RDF")


def _load_graph(args: argparse.Namespace) -> nx.MultiDiGraph:
    if args.inputs:
        result = read_inputs(args.inputs)
        for line in result.left_out():
            print(f"vanban: {line}", file=sys.stderr)
        with collector_paused():
            return build_graph(result.take_facts())
    path = Path(args.graph)
    if not path.exists():
        raise VanbanError(f"{path}: no graph export; run 'vanban build PATH --json {path}' or pass --from")
    return read_json(path)


@contextmanager
def _backend(args: argparse.Namespace) -> Iterator[Backend]:
    """The back end ``--backend`` names, open for the block."""
    if args.backend == "neo4j":
        with open_store() as store:
            yield Neo4jBackend(store)
    elif args.backend == "sparql":
        yield SparqlBackend(open_engine(_load_graph(args)))
    else:
        yield GraphBackend(_load_graph(args))


# --- build ----------------------------------------------------------------------------------

def _progress(enabled: bool) -> Callable[[int, int, Path], None] | None:
    if not enabled:
        return None

    def show(n: int, total: int, path: Path) -> None:
        width = 30
        done = int(width * n / total)
        print(f"\r[{'#' * done}{'.' * (width - done)}] {n}/{total} {path.name[:40]:<40}",
              end="" if n < total else "\n", file=sys.stderr, flush=True)
    return show


def _build(args: argparse.Namespace) -> int:
    """Exit status 0 when every file was read or skipped as holding no document, 1 when a file
    could not be read (the others are exported); no document read at all is an error (status 2,
    nothing written)."""
    show = _progress(not args.quiet and sys.stderr.isatty())
    result = read_inputs(args.paths, progress=show, workers=args.workers or os.cpu_count() or 1,
                         max_bytes=args.max_bytes)
    if not result.source_files():
        print(summary(nx.MultiDiGraph(), result, full=args.all))
        raise VanbanError(_nothing_read(result, args.paths))
    with collector_paused():  # the merge and the exports make no reference cycles
        graph = build_graph(result.take_facts())
        if args.json:
            write_json(graph, args.json)
        if args.graphml:
            write_graphml(graph, args.graphml)
    print(summary(graph, result, full=args.all))
    if args.neo4j:
        print(f"neo4j: {load_graph(graph, result.source_files())}")
    return 1 if result.failures else 0


def _nothing_read(result: InputResult, paths: list[str]) -> str:
    if not result.skipped and not result.failures:
        return f"no document read: no .txt, .md, .docx or .pdf file in {' '.join(paths)}; nothing written"
    return (f"no document read: {len(result.skipped)} file(s) skipped (no document), "
            f"{len(result.failures)} failed; nothing written")


def summary(graph: nx.MultiDiGraph, result: InputResult, full: bool = False) -> str:
    """The one-screen summary of a build: counts, then conflicts, warnings, skipped and failed
    files, the first :data:`SUMMARY_ITEMS` of each, one line each cut to :data:`SUMMARY_WIDTH`
    characters; ``full`` lists them all, in full."""
    kinds = Counter(d.get("kind") for _, d in graph.nodes(data=True))
    types = Counter(d.get("type") for _, _, d in graph.edges(data=True))
    read = sum(1 for _, d in graph.nodes(data=True) if d.get("kind") == "Document" and d.get("read"))
    conflicts = [(n, c) for n, d in graph.nodes(data=True) for c in d.get("conflicts") or []]
    lines = [
        f"files read       {len(result.source_files())} ok, {len(result.skipped)} skipped, "
        f"{len(result.failures)} failed",
        f"documents        {kinds['Document']} ({read} read, {kinds['Document'] - read} referenced only)",
        f"organs           {kinds['Organ']}   persons {kinds['Person']}   tasks {kinds['Task']}",
        f"references       {types['IMPLEMENTS']} implements, {types['CITES']} cites, "
        f"{types['COPIES']} copies",
        f"assignments      {types['ASSIGNED_TO']}   reports-to {types['REPORTS_TO']}   "
        f"addressed {types['ADDRESSED_TO']}",
        f"conflicts        {len(conflicts)}",
    ]
    lines += _listed("  ", [f"{node}: {text}" for node, text in conflicts], "conflicts", full)
    lines += _listed("WARNING ", [str(w) for w in result.warnings], "warnings", full)
    lines += _listed("SKIPPED ", [str(e) for e in result.skipped], "skipped", full)
    lines += _listed("FAILED ", [str(e) for e in result.failures], "failed", full)
    return "\n".join(lines)


def _listed(prefix: str, items: list[str], what: str, full: bool) -> list[str]:
    """``prefix`` + each item, or the first :data:`SUMMARY_ITEMS` cut to :data:`SUMMARY_WIDTH`
    and a line counting the rest.

    >>> _listed("FAILED ", [f"{n}.txt: empty file" for n in range(12)], "failed", False)[-2:]
    ['FAILED 9.txt: empty file', '… and 2 more failed (--all lists them)']
    >>> [(len(line), line[-2:]) for line in _listed("  ", ["doc:1: " + "x" * 200], "conflicts", False)]
    [(110, 'x…')]
    """
    if full:
        return [prefix + item for item in items]
    lines = [prefix + _short(item, SUMMARY_WIDTH - len(prefix)) for item in items[:SUMMARY_ITEMS]]
    if len(items) > SUMMARY_ITEMS:
        lines.append(f"{prefix if prefix.isspace() else ''}… and {len(items) - SUMMARY_ITEMS} more {what} "
                     "(--all lists them)")
    return lines


# --- questions --------------------------------------------------------------------------------

def _implementers(args: argparse.Namespace) -> int:
    report = _implementers_report(args)
    if args.json:
        print(json.dumps({k: report[k] for k in ("directive", "implementers", "ordered")},
                         ensure_ascii=False, indent=1))
        return 0
    root, short = report["root"], report["short"]
    print(f"{root.get('doc_type') or 'Document'} {root.get('symbol') or root.get('title')} "
          f"({root.get('date') or 'undated'}) — {report['directive']}\n")
    print("Implementing documents")
    print(format_table(
        ["depth", "document", "type", "date", "lag (days)", "issuer"],
        [[r["depth"], short[r["document"]], r["doc_type"], r["date"], r["lag_days"], r["issuer"]]
         for r in report["implementers"]]) or "  (none in the corpus)")
    print("\nOrdered to act (assignments in the directive)")
    print(format_table(
        ["body", "role", "tasks", "implementing document in corpus"],
        [[r["name"], ",".join(r["roles"]), ",".join(r["tasks"]),
          ", ".join(short[d] for d in r["implemented_by"]) if r["implemented"]
          else "NONE — ordered, not implemented"]
         for r in report["ordered"]]) or "  (no assignments read)")
    return 0


def _implementers_report(args: argparse.Namespace) -> dict:
    """The directive, its implementers and the bodies it ordered, from the chosen back end (see
    :func:`vanban.queries.ask.implementers_report`)."""
    with _backend(args) as backend:
        return implementers_report(backend, args.symbol, transitive=args.transitive)


def _show(args: argparse.Namespace) -> int:
    graph = _load_graph(args)
    node = find_document(graph, args.symbol)
    attrs = dict(graph.nodes[node])
    edges = []
    for _, target, data in sorted(graph.out_edges(node, data=True), key=lambda e: (e[2]["type"], e[1])):
        edges.append({"type": data["type"], "target": target,
                      "target_label": document_label(graph.nodes[target]),
                      **{k: data.get(k) for k in (*_details(data["type"]), *_EVIDENCE)
                         if data.get(k) is not None}})
    incoming = [{"type": d["type"], "source": s, "source_label": document_label(graph.nodes[s]),
                 "source_file": d.get("source_file"), "evidence": d.get("evidence")}
                for s, _, d in sorted(graph.in_edges(node, data=True), key=lambda e: (e[2]["type"], e[0]))
                if d["type"] in _REFERENCES]
    if args.json:
        print(json.dumps({"id": node, **attrs, "out": edges, "in": incoming}, ensure_ascii=False, indent=1))
        return 0
    print(f"{node}")
    for key in ("symbol", "doc_type", "date", "place", "title", "term", "scope", "sources", "conflicts"):
        value = attrs.get(key)
        if value:
            print(f"  {key:<10} {', '.join(value) if isinstance(value, list) else value}")
    print()
    print(format_table(["edge", "to", "detail", "file", "evidence"],
                       [[e["type"], e["target_label"], _detail(e), e.get("source_file"),
                         _short(e.get("evidence"))] for e in edges]))
    if incoming:
        print("\nReferred to by")
        print(format_table(["edge", "from", "file", "evidence"],
                           [[e["type"], e["source_label"], e["source_file"], _short(e["evidence"])]
                            for e in incoming]))
    return 0


_EVIDENCE = tuple(a.key for a in edge_attributes(EdgeType.CITES) if a.show is Show.EVIDENCE)  # file, span, …
_REFERENCES = (EdgeType.IMPLEMENTS, EdgeType.CITES, EdgeType.COPIES)


def _details(edge_type: str) -> tuple[str, ...]:
    """What ``show`` prints of a relation besides its evidence: the schema's details of its
    type (role, address and purpose, capacity and title, via), without the mention count.

    >>> _details("ADDRESSED_TO"), _details("CITES")
    (('address', 'purpose'), ())
    """
    return tuple(a.key for a in edge_attributes(edge_type) if a.show is Show.DETAIL and a.key != "mentions")


def _detail(edge: dict) -> str:
    return " ".join(str(edge[k]) for k in _details(edge["type"]) if edge.get(k))


def _short(text: str | None, width: int = 70) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _ask(args: argparse.Namespace) -> int:
    rows = _answer(args)
    print_records(list(rows[0]) if rows else [], rows, args.json, _cell)
    return 0


def _answer(args: argparse.Namespace) -> list[dict]:
    """The records of the canned question ``args.question``, from the chosen back end."""
    with _backend(args) as backend:
        return ask(backend, args.question, args.subject, transitive=args.transitive)


def _cell(value: object) -> str:
    if isinstance(value, list | tuple | set):
        return ", ".join(str(v) for v in value)
    return _short(str(value), 60) if value is not None else ""


if __name__ == "__main__":
    sys.exit(main())
