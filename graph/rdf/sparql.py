"""SPARQL engines over the RDF export: rdflib (small graphs) or Oxigraph (large graphs).

Queries never have values pasted into them: parameters are passed as bindings (rdflib's
``initBindings``, Oxigraph's ``substitutions``). The canned questions (``queries/*.rq``) are
asked through :class:`vanban.queries.sparql.SparqlBackend`.

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
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, cast

import networkx as nx
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Identifier, Node

from vanban.errors import QueryError, StoreError
from vanban.graph.rdf.export import OxigraphTerms, graph_triples, to_rdflib
from vanban.graph.rdf.uris import DEFAULT_BASE

__all__ = [
    "OXIGRAPH_FROM_TRIPLES",
    "OxigraphEngine",
    "RdflibEngine",
    "SparqlEngine",
    "load_engine",
    "open_engine",
]

# Above this many triples "auto" picks Oxigraph (see docs/rdf.md, "Benchmark"): loading plus
# the canned questions is already faster with Oxigraph on the samples (~3,700 triples).
OXIGRAPH_FROM_TRIPLES = 2_000


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

    def select(self, query: str, bindings: Mapping[str, Any] | None = None
               ) -> tuple[list[str], list[dict[str, Any]]]:
        init: dict[str, Identifier] = {k: _rdflib_term(v) for k, v in (bindings or {}).items()}
        try:
            result = self.graph.query(query, initBindings=init)
        except Exception as error:  # rdflib raises pyparsing and plain exceptions
            raise QueryError(f"SPARQL: {error}") from error
        if result.type != "SELECT":
            raise QueryError("only SELECT queries are supported")
        names = [str(v) for v in result.vars or ()]
        rows = []
        for row in result:
            out: dict[str, Any] = {}
            for name, term in zip(names, cast("tuple[Node | None, ...]", row), strict=True):
                if term is None:
                    out[name] = None
                elif isinstance(term, Literal):
                    out[name] = _python(term.toPython()) if term.datatype in _NUMERIC else str(term)
                else:
                    out[name] = str(term)
            rows.append(out)
        return _unbound_columns(names, rows, bindings)


def _unbound_columns(names: list[str], rows: list[dict[str, Any]], bindings: Mapping[str, Any] | None
                     ) -> tuple[list[str], list[dict[str, Any]]]:
    """Drop the columns of bound variables (they are projected only to be substitutable)."""
    bound = set(bindings or ())
    keep = [n for n in names if n not in bound]
    return keep, [{n: row[n] for n in keep} for row in rows]


_NUMERIC = {XSD.integer, XSD.int, XSD.long, XSD.decimal, XSD.double, XSD.float, XSD.boolean,
            XSD.nonNegativeInteger, XSD.positiveInteger, XSD.short}


def _rdflib_term(value: Any) -> Identifier:
    if isinstance(value, URIRef | Literal | BNode):
        return value
    if isinstance(value, str) and value.startswith("<") and value.endswith(">"):
        return URIRef(value[1:-1])
    return Literal(value)


@dataclass
class OxigraphEngine:
    store: Any  # pyoxigraph.Store
    name: str = "oxigraph"

    def select(self, query: str, bindings: Mapping[str, Any] | None = None
               ) -> tuple[list[str], list[dict[str, Any]]]:
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
            out: dict[str, Any] = {}
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


def _ox_value(term: Any) -> Any:
    if term.datatype.value == str(XSD.boolean):
        return term.value in ("true", "1")
    return _python(decimal.Decimal(term.value))


def _ox_term(ox: Any, value: Any) -> Any:
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
