"""The ``vanban`` command line: parses arguments and calls the library, nothing more."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from vanban import __version__
from vanban.cli_html import kind_name
from vanban.cli_html import register as register_html
from vanban.cli_neo4j import load_graph, open_store
from vanban.cli_neo4j import register as register_neo4j
from vanban.cli_rdf import register as register_rdf
from vanban.cli_serve import register as register_serve
from vanban.errors import EmptyInputError, VanbanError, check_writable, writing
from vanban.loaders.files import DEFAULT_MAX_BYTES
from vanban.loaders.formats import SUFFIXES
from vanban.queries.spec import QUESTIONS, canonical_question
from vanban.tables import Progress, format_table, print_records, readable_records

if TYPE_CHECKING:
    import networkx as nx

    from vanban.pipeline import GraphInput, InputResult
    from vanban.queries.backend import Backend

# Each command imports the parts it runs when it runs (the extraction pipeline, networkx,
# rdflib, the Neo4j driver, the page renderer): parsing the arguments, --help and a mistyped
# option need none of them.

__all__ = ["main", "summary"]

DEFAULT_GRAPH = "out/graph.json"
SUMMARY_WIDTH = 110  # characters in a listed line of the build summary, "…" included
SUMMARY_ITEMS = 10  # conflicts, warnings, skipped and failed files listed of each, without --all
DOCUMENTS = "documents (" + ", ".join(SUFFIXES) + ") or folders of them"

DESCRIPTION = """\
vanban reads Vietnamese directive documents (.txt, .md, .docx, .pdf, .html) and builds a
graph of who orders what, who implements what and who reports to whom, with the evidence
for every fact."""

EPILOG = """\
first steps:
  vanban build samples                  read a folder, write out/graph.json and a summary
  vanban implementers 54-KL/TW          who implements a directive, and who was told to
  vanban show 54-kl/tw                  a document's facts, each with its files and evidence
  vanban ask cited-by 54-KL/TW          a canned question (vanban ask --help lists them)
  vanban html out/graph.json            the graph as one offline page (out/graph.html)

exit status: 0 done (every file read, or skipped as holding no document), 1 done but a file
could not be read, 2 nothing done (an error, one line on standard error; nothing written).
'vanban COMMAND --help' tells a command's options; --debug shows the traceback of an error."""


def main(argv: list[str] | None = None) -> int:
    # pypdf logs every defect it repairs as a warning; the build summary names the files that
    # could not be read, so the command line (not the library) silences those warnings.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    parser = _parser()
    args = parser.parse_args(bounded_lists(sys.argv[1:] if argv is None else list(argv)))
    try:
        return int(args.run(args))
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("vanban: interrupted", file=sys.stderr)
        return 130
    except Exception as error:
        if args.debug:
            raise
        print(f"vanban: {_one_line(error)}", file=sys.stderr)
        return 2


def _one_line(error: Exception) -> str:
    """What a failure says: a vanban error as it is; a system error with its file and reason;
    anything else named as an internal error (``--debug`` shows where)."""
    if isinstance(error, VanbanError):
        return str(error)
    if isinstance(error, OSError) and error.strerror:
        return f"{error.filename}: {error.strerror}" if error.filename else error.strerror
    if isinstance(error, MemoryError):
        return f"out of memory ({error}); nothing written" if str(error) else "out of memory; nothing written"
    return f"internal error ({type(error).__name__}: {error}); run again with --debug to see where"


# --- arguments --------------------------------------------------------------------------------

# Options taking several values, and what each of their values looks like: the values go on
# while they look so, and what follows is the command's own argument (see bounded_lists).
_LISTS: dict[str, Callable[[str], bool]] = {
    "--from": lambda value: Path(value).exists(),
    "--kinds": lambda value: all(kind_name(v) for v in value.split(",")),
}


def bounded_lists(argv: list[str]) -> list[str]:
    """``argv`` with every option of :data:`_LISTS` given once per value, its values ending
    where a word does not look like one, so that such an option cannot swallow the argument
    after it (``--kinds Document Organ out/g.json``: ``out/g.json`` is not a kind).

    >>> bounded_lists(["html", "--kinds", "Document", "organ", "out/g.json"])
    ['html', '--kinds', 'Document', '--kinds', 'organ', 'out/g.json']
    """
    out: list[str] = []
    words = iter(argv)
    pending: str | None = None  # the list option whose values are being read
    for word in words:
        if word == "--":
            out += [word, *words]
            break
        if word in _LISTS:
            out.append(word)
            first = next(words, None)
            if first is not None:
                out.append(first)
                pending = word
            continue
        if pending and not word.startswith("-") and _LISTS[pending](word):
            out += [pending, word]
            continue
        pending = None
        out.append(word)
    return out


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="vanban", description=DESCRIPTION, epilog=EPILOG,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"vanban {__version__}")
    parser.add_argument("--debug", action="store_true", help="show the traceback of an error")
    sub = parser.add_subparsers(required=True, metavar="COMMAND", title="commands")

    build = sub.add_parser("build", help="read documents, build the graph, write exports",
                           description="Read documents, build the graph, write its exports and print "
                           f"a summary. Without --json, --graphml or --neo4j it writes {DEFAULT_GRAPH}.")
    build.add_argument("paths", nargs="+", metavar="PATH", help=DOCUMENTS)
    build.add_argument("--json", metavar="FILE",
                       help=f"write the node-link JSON export (default {DEFAULT_GRAPH})")
    build.add_argument("--graphml", metavar="FILE", help="write GraphML (for Gephi)")
    build.add_argument("-j", "--workers", type=int, default=1, metavar="N",
                       help="extract in N processes (0: one per core)")
    build.add_argument("-q", "--quiet", action="store_true", help="no progress on the terminal")
    build.add_argument("--all", action="store_true",
                       help=f"list every conflict, warning, skipped and failed file, each in full (the "
                            f"summary lists the first {SUMMARY_ITEMS} of each, cut to {SUMMARY_WIDTH} "
                            "characters)")
    build.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, metavar="N",
                       help=f"refuse files larger than N bytes (default {DEFAULT_MAX_BYTES:,})")
    build.add_argument("--neo4j", action="store_true",
                       help="also store the facts in Neo4j ($NEO4J_URI, $NEO4J_USER, $NEO4J_PASSWORD, "
                            "$NEO4J_DATABASE), replacing what these files said before")
    allow_empty(build)
    build.set_defaults(run=_build)

    impl = sub.add_parser("implementers", help="bodies implementing a directive, and who was told to")
    impl.add_argument("symbol", help="the directive: its symbol (54-KL/TW, any case, D for Đ), title "
                                     "words, or node id")
    impl.add_argument("--transitive", action="store_true", help="follow implementation chains")
    _graph_source(impl)
    impl.set_defaults(run=_implementers)

    show = sub.add_parser("show", help="a document's facts with their evidence")
    show.add_argument("symbol", help="the document: its symbol (any case, D for Đ), title words, or node id")
    _graph_source(show)
    show.set_defaults(run=_show)

    question = sub.add_parser("ask", help="a canned question: " + ", ".join(QUESTIONS),
                              formatter_class=argparse.RawDescriptionHelpFormatter,
                              description="A canned question, the same on every back end:\n" + "\n".join(
                                  f"  {q.name:<16} {q.summary}" for q in QUESTIONS.values()))
    question.add_argument("question", type=canonical_question, choices=sorted(QUESTIONS), metavar="QUESTION",
                          help="one of " + ", ".join(QUESTIONS))
    question.add_argument("subject", nargs="?",
                          help="its document (symbol, title words or id) or organ (name, or part of it); "
                               "most-cited takes none")
    question.add_argument("--transitive", action="store_true", help="follow implementation chains")
    _graph_source(question)
    question.set_defaults(run=_ask)
    for register in (register_neo4j, register_rdf, register_html, register_serve):
        register(sub)
    for command in sub.choices.values():  # every command takes --debug too, after its name
        if "--debug" not in command._option_string_actions:
            command.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                                 help="show the traceback of an error")
    return parser


def allow_empty(parser: argparse.ArgumentParser) -> None:
    """The ``--allow-empty`` option of a command that writes an output."""
    parser.add_argument("--allow-empty", action="store_true",
                        help="write the output even when the inputs hold no document (by default "
                             "that is an error and a previous output stays as it was)")


def _graph_source(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--graph", metavar="FILE",
                        default=os.environ.get("VANBAN_GRAPH", DEFAULT_GRAPH),
                        help=f"JSON export to read (default: $VANBAN_GRAPH or {DEFAULT_GRAPH})")
    parser.add_argument("--from", dest="inputs", action="append", metavar="PATH",
                        help="build from these documents or folders instead of reading an export "
                             "(repeatable; paths after it are taken while they exist)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--backend", choices=("embedded", "neo4j", "sparql"), default="embedded",
                        help="answer from the JSON export or --from (embedded, the default), from the "
                             "Neo4j database named by $NEO4J_URI, or in SPARQL over the same graph as RDF")


def _load_graph(args: argparse.Namespace) -> GraphInput:
    from vanban.pipeline import GraphInput, read_export, read_graph

    if args.inputs:
        progress = Progress()
        loaded = read_graph(args.inputs, progress=progress.files)
        progress.done()
        return loaded
    path = Path(args.graph)
    if not path.exists():
        raise VanbanError(f"{path}: no graph export; run 'vanban build PATH --json {path}' or pass --from")
    return GraphInput(read_export(path))


@contextmanager
def _backend(args: argparse.Namespace) -> Iterator[tuple[Backend, int]]:
    """The back end ``--backend`` names, open for the block, and the exit status its inputs
    give (1 when a file given with ``--from`` could not be read)."""
    if args.backend == "neo4j":
        from vanban.queries.cypher import Neo4jBackend

        with open_store() as store:
            yield Neo4jBackend(store), 0
    else:
        loaded = _load_graph(args)
        if args.backend == "sparql":
            from vanban.graph.rdf.sparql import open_engine
            from vanban.queries.sparql import SparqlBackend

            yield SparqlBackend(open_engine(loaded.graph)), loaded.status
        else:
            from vanban.queries.embedded import GraphBackend

            yield GraphBackend(loaded.graph), loaded.status


# --- build ----------------------------------------------------------------------------------

def _build(args: argparse.Namespace) -> int:
    """Exit status 0 when every file was read or skipped as holding no document, 1 when a file
    could not be read (the others are exported); no document read at all is an error (status 2,
    nothing written) unless ``--allow-empty``."""
    from vanban.graph.export import write_graphml, write_json
    from vanban.pipeline import build_graph, collector_paused, nothing_read, read_inputs

    if not (args.json or args.graphml or args.neo4j):
        args.json = DEFAULT_GRAPH
    outputs = [path for path in (args.json, args.graphml) if path]
    for path in outputs:
        check_writable(path)
    progress = Progress(args.quiet)
    result = read_inputs(args.paths, progress=progress.files,
                         workers=args.workers or os.cpu_count() or 1, max_bytes=args.max_bytes)
    if not result.source_files() and not args.allow_empty:
        progress.done()
        print(summary(build_graph(()), result, full=args.all))
        raise EmptyInputError(nothing_read(result, args.paths))
    with collector_paused():  # the merge and the exports make no reference cycles
        progress.step(f"merging the facts of {len(result.source_files()):,} files")
        graph = build_graph(result.take_facts())
        for path, write in ((args.json, write_json), (args.graphml, write_graphml)):
            if path:
                progress.step(f"writing {path}")
                with writing(path):
                    write(graph, path)
    progress.done()
    print(summary(graph, result, full=args.all))
    for path in outputs:
        print(f"wrote {path} ({Path(path).stat().st_size:,} bytes)")
    if args.neo4j:
        print(f"neo4j: {load_graph(graph, result.source_files())}")
    return 1 if result.failures else 0


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
    from vanban.queries.ask import implementers_report

    with _backend(args) as (backend, status):
        report = implementers_report(backend, args.symbol, transitive=args.transitive)
    if args.json:
        print(json.dumps({k: report[k] for k in ("directive", "implementers", "ordered")},
                         ensure_ascii=False, indent=1))
        return status
    root, short = report["root"], report["short"]
    print(f"{root.get('doc_type') or 'Document'} {short.get(report['directive'], report['directive'])} "
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
    return status


def _show(args: argparse.Namespace) -> int:
    from vanban.queries.lookup import find_document
    from vanban.queries.questions import document_facts, edge_details

    loaded = _load_graph(args)
    facts = document_facts(loaded.graph, find_document(loaded.graph, args.symbol))
    if args.json:
        print(json.dumps(facts, ensure_ascii=False, indent=1))
        return loaded.status
    print(facts["id"])
    for key in ("symbol", "doc_type", "date", "place", "title", "term", "scope", "sources", "conflicts"):
        value = facts.get(key)
        if value:
            print(f"  {key:<10} {', '.join(value) if isinstance(value, list) else value}")
    print()
    print(format_table(["edge", "to", "detail", "files", "evidence"],
                       [[e["type"], _short(e["target_label"], 60), _detail(e, edge_details),
                         _files(e["files"]), _short(e.get("evidence"))] for e in facts["out"]]))
    if facts["in"]:
        print("\nReferred to by")
        print(format_table(["edge", "from", "files", "evidence"],
                           [[e["type"], e["source_label"], _files(e["files"]), _short(e["evidence"])]
                            for e in facts["in"]]))
    return loaded.status


def _detail(edge: dict, details: Callable[[str], Sequence[str]]) -> str:
    """The edge's detail fields (``details``: which ones an edge type has) in one cell."""
    return " ".join(str(edge[k]) for k in details(edge["type"]) if edge.get(k))


def _files(files: list[str], shown: int = 2) -> str:
    """The files stating a relation, the first ``shown`` by name.

    >>> _files(["a.txt"]), _files(["a.txt", "b.txt", "c.txt"])
    ('a.txt', 'a.txt, b.txt +1')
    """
    return ", ".join(files[:shown]) + (f" +{len(files) - shown}" if len(files) > shown else "")


def _short(text: str | None, width: int = 70) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _ask(args: argparse.Namespace) -> int:
    from vanban.queries.ask import ask, document_names

    with _backend(args) as (backend, status):
        rows = ask(backend, args.question, args.subject, transitive=args.transitive)
        names = {} if args.json else document_names(backend, rows)
    if args.json:
        print_records(list(rows[0]) if rows else [], rows, True, _cell)
    else:
        columns, readable = readable_records(rows, names)
        print_records(columns, readable, False, _cell)
    return status


def _cell(value: object) -> str:
    if isinstance(value, list | tuple | set):
        return ", ".join(str(v) for v in value)
    return _short(str(value), 60) if value is not None else ""


if __name__ == "__main__":
    sys.exit(main())
