"""SPARQL over the RDF export, with rdflib (small graphs) or Oxigraph (large graphs).

Queries never have values pasted into them: parameters are passed as bindings (rdflib's
``initBindings``, Oxigraph's ``substitutions``). The canned questions live in
``queries/*.rq``; :func:`ask` runs one and shapes its rows exactly like the records of
:mod:`vanban.queries.questions`.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("organ:a", kind="Organ", name="Ban A", collective=False)
>>> engine = open_engine(g, engine="rdflib")
>>> engine.select("SELECT ?id WHERE { ?o <http://www.w3.org/2004/02/skos/core#prefLabel> ?name ;"
...               " <http://purl.org/dc/terms/identifier> ?id }", {"name": "Ban A"})
(['id'], [{'id': 'organ:a'}])
"""

from __future__ import annotations

import decimal
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import networkx as nx
from rdflib import BNode, Graph, Literal, URIRef, Variable
from rdflib.namespace import XSD

import vanban.queries
from vanban.errors import QueryError, StoreError
from vanban.graph.rdf.export import OxigraphTerms, graph_triples, to_rdflib
from vanban.graph.rdf.uris import DEFAULT_BASE
from vanban.loaders.text import fold

__all__ = [
    "OXIGRAPH_FROM_TRIPLES",
    "QUESTION_DEFAULTS",
    "QUESTION_FILES",
    "OxigraphEngine",
    "RdflibEngine",
    "SparqlEngine",
    "ask",
    "load_engine",
    "open_engine",
    "question_text",
    "resolve_subject",
]

# Above this many triples "auto" picks Oxigraph (see docs/rdf.md, "Benchmark"): loading plus
# the canned questions is already faster with Oxigraph on the samples (~3,700 triples).
OXIGRAPH_FROM_TRIPLES = 2_000
QUERIES_DIR = Path(vanban.queries.__file__).resolve().parent
_SEP = "\u001f"


class SparqlEngine(Protocol):
    name: str

    def select(self, query: str, bindings: Mapping[str, Any] | None = None
               ) -> tuple[list[str], list[dict[str, Any]]]:
        """Column names and one dict per solution (plain Python values, None if unbound)."""


def _python(value: Any) -> Any:
    """Plain value of a literal: integers, booleans and decimals as numbers, the rest as text."""
    if isinstance(value, bool | int):
        return value
    if isinstance(value, decimal.Decimal | float):
        return int(value) if value == int(value) else float(value)
    return str(value)


@dataclass
class RdflibEngine:
    graph: Graph
    name: str = "rdflib"

    def select(self, query, bindings=None):
        init = {Variable(k): _rdflib_term(v) for k, v in (bindings or {}).items()}
        try:
            result = self.graph.query(query, initBindings=init)
        except Exception as error:  # rdflib raises pyparsing and plain exceptions
            raise QueryError(f"SPARQL: {error}") from error
        if result.type != "SELECT":
            raise QueryError("only SELECT queries are supported")
        names = [str(v) for v in result.vars]
        rows = []
        for row in result:
            out = {}
            for name, term in zip(names, row, strict=True):
                if term is None:
                    out[name] = None
                elif isinstance(term, Literal):
                    out[name] = _python(term.toPython()) if term.datatype in _NUMERIC else str(term)
                else:
                    out[name] = str(term)
            rows.append(out)
        return _unbound_columns(names, rows, bindings)


def _unbound_columns(names: list[str], rows: list[dict], bindings: Mapping[str, Any] | None):
    """Drop the columns of bound variables (they are projected only to be substitutable)."""
    bound = set(bindings or ())
    keep = [n for n in names if n not in bound]
    return keep, [{n: row[n] for n in keep} for row in rows]


_NUMERIC = {XSD.integer, XSD.int, XSD.long, XSD.decimal, XSD.double, XSD.float, XSD.boolean,
            XSD.nonNegativeInteger, XSD.positiveInteger, XSD.short}


def _rdflib_term(value: Any):
    if isinstance(value, URIRef | Literal | BNode):
        return value
    if isinstance(value, str) and value.startswith("<") and value.endswith(">"):
        return URIRef(value[1:-1])
    return Literal(value)


@dataclass
class OxigraphEngine:
    store: Any  # pyoxigraph.Store
    name: str = "oxigraph"

    def select(self, query, bindings=None):
        import pyoxigraph as ox

        subs = {ox.Variable(k): _ox_term(ox, v) for k, v in (bindings or {}).items()}
        try:
            result = self.store.query(query, substitutions=subs)
        except (SyntaxError, OSError, ValueError, RuntimeError) as error:
            raise QueryError(f"SPARQL: {error} (bound variables must be in the SELECT projection)"
                             if "projection" in str(error) else f"SPARQL: {error}") from error
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError("only SELECT queries are supported")
        names = [v.value for v in result.variables]
        numeric = {str(t) for t in _NUMERIC}
        rows = []
        for solution in result:
            out = {}
            for name in names:
                term = solution[name]
                if term is None:
                    out[name] = None
                elif isinstance(term, ox.Literal):
                    out[name] = _ox_value(term) if term.datatype.value in numeric else term.value
                else:
                    out[name] = term.value
            rows.append(out)
        return _unbound_columns(names, rows, bindings)


def _ox_value(term) -> Any:
    if term.datatype.value == str(XSD.boolean):
        return term.value in ("true", "1")
    return _python(decimal.Decimal(term.value))


def _ox_term(ox, value: Any):
    if isinstance(value, URIRef):
        return ox.NamedNode(str(value))
    if isinstance(value, str) and value.startswith("<") and value.endswith(">"):
        return ox.NamedNode(value[1:-1])
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=ox.NamedNode(str(XSD.boolean)))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode(str(XSD.integer)))
    return ox.Literal(str(value))


def _pick(engine: str, triples: int) -> str:
    if engine not in ("auto", "rdflib", "oxigraph"):
        raise StoreError(f"unknown SPARQL engine {engine!r}; use auto, rdflib or oxigraph")
    if engine == "auto":
        try:
            import pyoxigraph  # noqa: F401
        except ImportError:
            return "rdflib"
        return "oxigraph" if triples >= OXIGRAPH_FROM_TRIPLES else "rdflib"
    return engine


def open_engine(graph: nx.MultiDiGraph, engine: str = "auto", base: str = DEFAULT_BASE) -> SparqlEngine:
    """A SPARQL engine over a vanban graph (converted to RDF in memory)."""
    estimate = 8 * graph.number_of_nodes() + 12 * graph.number_of_edges()
    if _pick(engine, estimate) == "rdflib":
        return RdflibEngine(to_rdflib(graph, base))
    import pyoxigraph as ox

    store = ox.Store()
    store.bulk_extend(ox.Quad(s, p, o) for s, p, o in graph_triples(graph, OxigraphTerms(), base))
    return OxigraphEngine(store)


_SUFFIX = {".ttl": ("turtle", "TURTLE"), ".nt": ("nt", "N_TRIPLES"), ".jsonld": ("json-ld", "JSON_LD")}


def load_engine(path: str | Path, engine: str = "auto") -> SparqlEngine:
    """A SPARQL engine over an RDF export file (``.ttl``, ``.nt`` or ``.jsonld``)."""
    path = Path(path)
    if path.suffix.lower() not in _SUFFIX:
        raise StoreError(f"{path}: unknown RDF file type; use .ttl, .nt or .jsonld")
    if not path.exists():
        raise StoreError(f"{path}: no RDF export; run 'vanban rdf PATH --out {path}'")
    rdflib_name, ox_name = _SUFFIX[path.suffix.lower()]
    # about 100 bytes of Turtle per triple
    if _pick(engine, path.stat().st_size // 100) == "rdflib":
        try:
            return RdflibEngine(Graph().parse(str(path), format=rdflib_name))
        except (ValueError, SyntaxError) as error:
            raise StoreError(f"{path}: cannot read RDF ({error})") from error
    import pyoxigraph as ox

    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=getattr(ox.RdfFormat, ox_name))
    except (SyntaxError, ValueError) as error:
        raise StoreError(f"{path}: cannot read RDF ({error})") from error
    return OxigraphEngine(store)


# --- the canned questions -----------------------------------------------------------------------

def _task_order(number: str | None) -> tuple:
    parts = (number or "").replace("-", ".").split(".")
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in parts)


def _split(value: str | None) -> list[str]:
    return [v for v in (value or "").split(_SEP) if v]


@dataclass(frozen=True)
class _Question:
    file: str
    subject: str | None  # the binding that names the document or organ
    columns: dict[str, str]  # record key -> SPARQL column
    sort: Callable[[dict], tuple]
    shape: Callable[[dict], dict] = lambda r: r


def _ordered_shape(row: dict) -> dict:
    return {**row, "collective": bool(row["collective"]), "roles": sorted(_split(row["roles"])),
            "tasks": sorted(set(_split(row["tasks"])), key=_task_order),
            "implemented_by": sorted(set(_split(row["implemented_by"]))),
            "implemented": bool(row["implemented"])}


QUESTION_FILES: dict[str, _Question] = {
    "implementers": _Question(
        "implementers.rq", "directive",
        {k: k for k in ("document", "label", "doc_type", "date", "issuer", "depth", "lag_days")},
        lambda r: (r["depth"], r["date"] or "9999", r["document"], r["issuer"] or "")),
    "ordered": _Question(
        "ordered.rq", "directive",
        {k: k for k in ("organ", "name", "collective", "roles", "tasks", "implemented_by", "implemented")},
        lambda r: (r["implemented"], fold(r["name"])), _ordered_shape),
    "cites": _Question(
        "cites.rq", "document",
        {"document": "target", "label": "label", "relation": "relation", "source_file": "source_file",
         "evidence": "evidence"},
        lambda r: (r["relation"], r["document"], r["source_file"] or "")),
    "cited-by": _Question(
        "cited_by.rq", "document",
        {"document": "source", "label": "label", "relation": "relation", "source_file": "source_file"},
        lambda r: (r["relation"], r["document"], r["source_file"] or "")),
    "reporting-chain": _Question(
        "reporting_chain.rq", "organ",
        {k: k for k in ("depth", "from", "to", "via", "document")},
        lambda r: (r["depth"], r["from"], r["to"], r["via"] or "", r["document"] or "")),
    "tasks": _Question(
        "tasks.rq", "organ",
        {k: k for k in ("task", "number", "role", "document", "label", "text")},
        lambda r: (r["document"] or "", _task_order(r["number"]), r["role"])),
    "most-cited": _Question(
        "most_cited.rq", None, {k: k for k in ("document", "label", "cited_by")},
        lambda r: (-r["cited_by"], r["document"])),
}


# Bindings a canned question needs even when the user gives none.
QUESTION_DEFAULTS: dict[str, dict[str, Any]] = {"implementers": {"transitive": False}}


def question_text(name: str) -> str:
    """The SPARQL text of a canned question."""
    if name not in QUESTION_FILES:
        raise QueryError(f"no question {name!r}; one of {', '.join(sorted(QUESTION_FILES))}")
    return (QUERIES_DIR / QUESTION_FILES[name].file).read_text(encoding="utf-8")


_FIND = {
    "id": "SELECT ?value ?node WHERE { ?node <http://purl.org/dc/terms/identifier> ?value }",
    "symbol": "SELECT ?value ?id WHERE { ?node <http://data.europa.eu/eli/ontology#number> ?value ;"
              " <http://purl.org/dc/terms/identifier> ?id }",
    "name": "SELECT ?value ?id WHERE { ?node <http://www.w3.org/2004/02/skos/core#prefLabel> ?value ;"
            " <http://purl.org/dc/terms/identifier> ?id }",
}


def resolve_subject(engine: SparqlEngine, value: str) -> str:
    """The vanban id that ``value`` names: an id, a document symbol or an exact organ name.

    The canned queries take ids; this keeps them to one indexed lookup per subject.
    """
    if engine.select(_FIND["id"], {"value": value})[1]:
        return value
    for how in ("symbol", "name"):
        ids = sorted({row["id"] for row in engine.select(_FIND[how], {"value": value})[1]})
        if len(ids) == 1:
            return ids[0]
        if ids:
            raise QueryError(f"{value!r} names {len(ids)} nodes; pass one id: {', '.join(ids)}")
    raise QueryError(f"no document or organ {value!r} in the data")


def ask(engine: SparqlEngine, name: str, subject: str | None = None, *,
        transitive: bool | None = None, limit: int = 10) -> list[dict]:
    """Answer a canned question in SPARQL; the records equal those of
    :data:`vanban.queries.questions.QUESTIONS` for the same node id."""
    question = QUESTION_FILES.get(name)
    text = question_text(name)
    assert question is not None
    bindings: dict[str, Any] = {}
    if question.subject:
        if subject is None:
            raise QueryError(f"'{name}' needs a {question.subject}")
        bindings[question.subject] = subject
    if name == "implementers":
        bindings["transitive"] = bool(transitive)
    _, rows = engine.select(text, bindings)
    records = [question.shape({key: row.get(col) for key, col in question.columns.items()}) for row in rows]
    records.sort(key=question.sort)
    return records[:limit] if name == "most-cited" else records
