"""Command-line subcommands for linked data: ``vanban rdf`` (export) and ``vanban sparql``."""

from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import sys
from pathlib import Path

from vanban.errors import QueryError, check_writable, writing
from vanban.graph.rdf.prefixes import PREFIXES
from vanban.graph.rdf.uris import DEFAULT_BASE
from vanban.loaders.formats import SUFFIXES
from vanban.queries.spec import QUESTIONS, canonical_question
from vanban.tables import Progress, print_records, read_with_progress, readable_records

__all__ = ["format_of", "parse_param", "register", "with_prefixes"]

DEFAULT_RDF = "out/graph.ttl"
# Above this many edges `vanban rdf` streams through Oxigraph.
_OXIGRAPH_EXPORT_FROM_EDGES = 5_000

# Names a format is given by (--format, or the output's extension) -> its name in FORMATS.
_FORMAT_NAMES = {"turtle": "turtle", "ttl": "turtle", "json-ld": "json-ld", "jsonld": "json-ld",
                 "json": "json-ld", "nt": "nt", "ntriples": "nt", "n-triples": "nt"}


def register(sub: argparse._SubParsersAction) -> None:
    """Add this capability's subcommands to the vanban parser."""
    rdf = sub.add_parser("rdf", help="export the graph as linked data (Turtle, JSON-LD, N-Triples)")
    rdf.add_argument("paths", nargs="+", metavar="PATH",
                     help=f"documents ({', '.join(SUFFIXES)}) or folders of them, or one .json export")
    rdf.add_argument("--out", metavar="FILE", required=True,
                     help="file to write (atomically); its extension gives the format: .ttl Turtle, "
                          ".jsonld JSON-LD, .nt N-Triples")
    rdf.add_argument("--format", type=_format_argument, metavar="FORMAT",
                     help="turtle, json-ld or nt (default: from the extension of --out, else turtle)")
    rdf.add_argument("--base", default=DEFAULT_BASE, help=f"base of the minted URIs (default {DEFAULT_BASE})")
    rdf.add_argument("--engine", choices=("auto", "rdflib", "oxigraph"), default="auto",
                     help="serialiser: rdflib, or Oxigraph (streaming, for large graphs); auto picks by size")
    rdf.add_argument("--validate", action="store_true",
                     help="check the export against the SHACL shapes (slow: seconds per thousand nodes)")
    rdf.add_argument("--allow-empty", action="store_true",
                     help="write the export even when the inputs hold no document (by default that is "
                          "an error and a previous export stays as it was)")
    rdf.set_defaults(run=_rdf)

    names = ", ".join(QUESTIONS)
    sparql = sub.add_parser("sparql", help="run a SPARQL query (a canned question, a .rq file or text)",
                            description="Run a SPARQL SELECT query over the graph's RDF form. The "
                            "standard prefixes (" + ", ".join(PREFIXES) + ") are declared for you.")
    sparql.add_argument("query", metavar="QUERY|FILE",
                        help=f"a canned question ({names}), a .rq file, or SPARQL text")
    sparql.add_argument("--param", "-p", action="append", default=[], metavar="K=V",
                        help="bind ?K to V (true/false, integers, <iri>, else a string; K:=JSON for a "
                             "JSON value); repeatable. A question's subject may be an id, a symbol, title "
                             "words or an organ's name (in any case, with or without diacritics)")
    source = sparql.add_mutually_exclusive_group()
    source.add_argument("--data", metavar="FILE", default=os.environ.get("VANBAN_RDF", DEFAULT_RDF),
                        help=f"RDF export to query (default: $VANBAN_RDF or {DEFAULT_RDF})")
    source.add_argument("--from", dest="inputs", action="append", metavar="PATH",
                        help="build from documents (or a .json export) instead of reading RDF (repeatable; "
                             "paths after it are taken while they exist)")
    sparql.add_argument("--engine", choices=("auto", "rdflib", "oxigraph"), default="auto",
                        help="SPARQL engine: rdflib, or Oxigraph (fast on large graphs); auto picks by size")
    sparql.add_argument("--json", action="store_true", help="print JSON instead of a table")
    sparql.set_defaults(run=_sparql)


def _format_argument(text: str) -> str:
    name = _FORMAT_NAMES.get(text.strip().lower())
    if name is None:
        from vanban.graph.rdf.export import FORMATS

        raise argparse.ArgumentTypeError(f"{text!r}: one of {', '.join(FORMATS)}")
    return name


def format_of(path: str, given: str | None = None) -> str:
    """The RDF format to write ``path`` in: the one given, else the one its extension names,
    else Turtle.

    >>> format_of("g.jsonld"), format_of("g.NT"), format_of("g.ttl"), format_of("g.rdf")
    ('json-ld', 'nt', 'turtle', 'turtle')
    >>> format_of("g.ttl", "nt")
    'nt'
    """
    return given or _FORMAT_NAMES.get(Path(path).suffix.lower().lstrip("."), "turtle")


def _rdf(args: argparse.Namespace) -> int:
    from vanban.graph.rdf.export import to_rdflib, write_rdf
    from vanban.graph.rdf.validate import validate

    check_writable(args.out)
    progress = Progress()
    loaded = read_with_progress(progress, args.paths, args.allow_empty)
    graph = loaded.graph
    engine = args.engine
    if engine == "auto":
        engine = "oxigraph" if graph.number_of_edges() >= _OXIGRAPH_EXPORT_FROM_EDGES else "rdflib"
    fmt = format_of(args.out, args.format)
    progress.step(f"writing {args.out}")
    with writing(args.out):
        count = write_rdf(graph, args.out, fmt, base=args.base, engine=engine)
    progress.done()
    print(f"wrote {count} triples ({graph.number_of_nodes()} nodes, {graph.number_of_edges()} relations) "
          f"to {args.out} ({fmt})")
    if args.validate:
        print(f"validating {count:,} triples against the SHACL shapes…", file=sys.stderr, flush=True)
        result = validate(to_rdflib(graph, args.base))
        for line in result.violations:
            print(f"SHACL {line}")
        print("SHACL: conforms" if result.conforms else f"SHACL: {len(result.violations)} violations")
        return loaded.status if result.conforms else 1
    return loaded.status


def parse_param(text: str) -> tuple[str, object]:
    """``k=v`` -> (k, value): ``true``/``false`` are booleans, digits integers, ``<…>`` IRIs
    (kept as ``<…>`` for the engine), ``"…"`` a string as written, anything else a string;
    ``k:=v`` parses ``v`` as JSON (as ``vanban cypher`` does).

    >>> parse_param("directive=54-KL/TW"), parse_param("transitive=true"), parse_param('n="7"')
    (('directive', '54-KL/TW'), ('transitive', True), ('n', '7'))
    >>> parse_param("limit:=5"), parse_param('name:="5"')
    (('limit', 5), ('name', '5'))
    """
    name, sep, value = text.partition("=")
    as_json = name.endswith(":")
    name = name.removesuffix(":").strip().lstrip("?$")
    if not sep or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
        raise QueryError(f"--param {text!r}: expected NAME=VALUE or NAME:=JSON")
    if as_json:
        try:
            return name, json.loads(value)
        except json.JSONDecodeError as error:
            raise QueryError(f"--param {name}: not JSON ({error.msg})") from error
    if value in ("true", "false"):
        return name, value == "true"
    if re.fullmatch(r"-?\d+", value):
        return name, int(value)
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return name, value[1:-1]
    return name, value


def with_prefixes(text: str) -> str:
    """The query with a ``PREFIX`` line for each standard prefix it uses without declaring it.

    >>> print(with_prefixes("SELECT ?d WHERE { ?d a eli:LegalResource }"))
    PREFIX eli: <http://data.europa.eu/eli/ontology#>
    SELECT ?d WHERE { ?d a eli:LegalResource }
    >>> with_prefixes("PREFIX eli: <urn:x#> SELECT * { ?d a eli:X }").count("PREFIX")
    1
    """
    declared = {m.lower() for m in re.findall(r"(?i)\bPREFIX\s+([A-Za-z][\w.-]*)?:", text)}
    used = [name for name in PREFIXES if name not in declared and re.search(rf"(?<![\w?$<]){name}:", text)]
    return "".join(f"PREFIX {name}: <{PREFIXES[name]}>\n" for name in used) + text


def _query_text(query: str) -> str:
    """The SPARQL a ``QUERY`` argument stands for: a canned question's, a file's, or itself."""
    from vanban.queries.sparql import question_text

    name = canonical_question(query)
    if name in QUESTIONS:
        return question_text(name)
    path = Path(query)
    if query.endswith(".rq") or (len(query) < 4096 and path.is_file()):
        if not path.is_file():
            raise QueryError(f"{path}: no such query file")
        return path.read_text(encoding="utf-8")
    if re.fullmatch(r"[\w-]+", query):  # one word: a question misspelt, not SPARQL
        near = difflib.get_close_matches(name, QUESTIONS, n=1, cutoff=0.6)
        hint = f"did you mean {near[0]}? " if near else ""
        raise QueryError(f"no question {query!r}; {hint}the questions are {', '.join(QUESTIONS)} "
                         "(or pass SPARQL text or a .rq file)")
    return query


def _sparql_error(error: QueryError, text: str) -> QueryError:
    """An engine's error about the query as the user wrote it, in one line: line numbers as in
    their text (before the prefixes added), an unknown prefix named, and no parser's list of
    every character it expected.

    >>> query = "SELECT ?d WHERE { ?d a foo:X }"
    >>> prefix_error = QueryError("SPARQL: error at 2:27: expected one of Prefix not found, ['%']")
    >>> str(_sparql_error(prefix_error, query))
    "SPARQL: unknown prefix 'foo' (declare it: PREFIX foo: <…>)"
    >>> unclosed = "SELECT * { ?s eli:number ?o"
    >>> str(_sparql_error(QueryError("SPARQL: error at 2:31: expected one of ['.'], [':']"), unclosed))
    "SPARQL: syntax error at 1:31 near '?o'"
    """
    message = str(error)
    added = with_prefixes(text).count("\n") - text.count("\n")
    declared = {m.lower() for m in re.findall(r"(?i)\bPREFIX\s+([A-Za-z][\w.-]*)?:", text)}
    unknown = sorted({name for name in re.findall(r"(?<![\w?$<:/#.-])([A-Za-z][\w.-]*):(?!//)", text)
                      if name.lower() not in declared and name not in PREFIXES})
    if unknown and ("Prefix not found" in message or "namespace prefix" in message):
        names = ", ".join(repr(name) for name in unknown)
        return QueryError(f"SPARQL: unknown prefix {names} (declare it: PREFIX {unknown[0]}: <…>)")
    lines = text.splitlines()

    def shifted(line: int, column: int) -> str:
        line -= added
        if "expected one of" in message and 0 < line <= len(lines):
            words = lines[line - 1][: max(0, column - 1)].split()
            return f"{line}:{column} near {words[-1]!r}" if words else f"{line}:{column}"
        return f"{line}:{column}"
    message = re.sub(r"error at (\d+):(\d+)", lambda m: f"syntax error at {shifted(int(m[1]), int(m[2]))}",
                     message)
    message = re.sub(r"\s*\(at char \d+\),\s*\(line:(\d+), col:(\d+)\)",
                     lambda m: f" (line {int(m[1]) - added}, column {m[2]})", message)
    return QueryError(message.split(": expected one of")[0].splitlines()[0][:300])


def _sparql(args: argparse.Namespace) -> int:
    from vanban.graph.rdf.sparql import load_engine, open_engine
    from vanban.pipeline import read_graph
    from vanban.queries.ask import ask, document_names
    from vanban.queries.sparql import SparqlBackend, check_query

    text = check_query(_query_text(args.query))
    bindings = dict(parse_param(p) for p in args.param)
    status = 0
    if args.inputs:
        loaded = read_graph(args.inputs)
        engine, status = open_engine(loaded.graph, args.engine), loaded.status
    else:
        engine = load_engine(args.data, args.engine)
    spec = QUESTIONS.get(canonical_question(args.query))
    if spec is not None:  # a canned question: answered and printed as `vanban ask` does
        backend = SparqlBackend(engine)
        subject = bindings.get(spec.parameter) if spec.parameter else None
        transitive, limit = bindings.get("transitive"), bindings.get("limit")
        rows = ask(backend, spec.name, None if subject is None else str(subject),
                   transitive=None if transitive is None else bool(transitive),
                   limit=limit if isinstance(limit, int) else None)
        if args.json:
            print_records(list(rows[0]) if rows else [], rows, True, _cell)
        else:
            columns, readable = readable_records(rows, document_names(backend, rows))
            print_records(columns, readable, False, _cell)
        return status
    try:
        names, rows = engine.select(with_prefixes(text), bindings)
    except QueryError as error:
        raise _sparql_error(error, text) from error
    print_records(names, rows, args.json, _cell)
    return status


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        value = ", ".join(str(v) for v in value)
    text = " ".join(str(value).replace("\u001f", ", ").split())
    return text if len(text) <= 70 else text[:69] + "…"
