"""The graph as RDF: ELI documents, ORG organs, FOAF people, and a Reading per relation.

Every edge becomes a direct triple (``<1154-CV/TU> eli:ensures_implementation_of <54-KL/TW>``)
and a :data:`VB.Reading` node that restates it with ``rdf:subject``/``rdf:predicate``/
``rdf:object`` and carries what the edge knows: source file (``prov:wasDerivedFrom``), span,
evidence sentence, rule, mentions, role, capacity, … Parallel edges (the same relation read
in two files) stay apart as two readings.

Triples are produced once, through a term factory, so the same code feeds rdflib (small
graphs, every format) and Oxigraph (large graphs, streaming serialisation).

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("doc:54-KL/TW", kind="Document", symbol="54-KL/TW", date="2023-05-09")
>>> rdf = to_rdflib(g)
>>> sorted(str(o) for o in rdf.objects(predicate=term("eli:number")))
['54-KL/TW']
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD

from vanban.errors import StoreError
from vanban.graph.atomic import atomic_path
from vanban.graph.rdf.terms import PREFIXES, term
from vanban.graph.rdf.uris import DEFAULT_BASE, UriMinter
from vanban.graph.schema import (
    EDGE_PREDICATES,
    NODE_CLASSES,
    STORE_KEYS,
    Attribute,
    RdfForm,
    attribute,
    edge_attributes,
    node_attributes,
)
from vanban.graph.vocabulary import EdgeType, NodeKind

__all__ = [
    "FORMATS",
    "OxigraphTerms",
    "RdflibTerms",
    "graph_triples",
    "to_rdflib",
    "write_rdf",
]

# --format value -> (rdflib serializer, Oxigraph format name, file suffix)
FORMATS: dict[str, tuple[str, str, str]] = {
    "turtle": ("turtle", "TURTLE", ".ttl"),
    "json-ld": ("json-ld", "JSON_LD", ".jsonld"),
    "nt": ("nt", "N_TRIPLES", ".nt"),
}


class RdflibTerms:
    """Builds rdflib terms."""

    def iri(self, value: str) -> URIRef:
        return URIRef(value)

    def string(self, value: str) -> Literal:
        return Literal(value)

    def text(self, value: str) -> Literal:
        return Literal(value, lang="vi")

    def integer(self, value: int) -> Literal:
        return Literal(int(value))

    def boolean(self, value: bool) -> Literal:
        return Literal(bool(value))

    def date(self, value: str) -> Literal:
        return Literal(value, datatype=XSD.date)


class OxigraphTerms:
    """Builds pyoxigraph terms (IRIs of the vocabulary are cached)."""

    def __init__(self) -> None:
        import pyoxigraph

        self._ox = pyoxigraph
        self._iris: dict[str, Any] = {}
        self._types = {t: pyoxigraph.NamedNode(str(t)) for t in (XSD.integer, XSD.boolean, XSD.date)}

    def iri(self, value: str) -> Any:
        node = self._iris.get(value)
        if node is None:
            node = self._ox.NamedNode(value)
            if len(self._iris) < 4096 or "/ns#" in value:
                self._iris[value] = node
        return node

    def string(self, value: str) -> Any:
        return self._ox.Literal(value)

    def text(self, value: str) -> Any:
        return self._ox.Literal(value, language="vi")

    def integer(self, value: int) -> Any:
        return self._ox.Literal(str(int(value)), datatype=self._types[XSD.integer])

    def boolean(self, value: bool) -> Any:
        return self._ox.Literal("true" if value else "false", datatype=self._types[XSD.boolean])

    def date(self, value: str) -> Any:
        return self._ox.Literal(value, datatype=self._types[XSD.date])


def _node_uris(graph: nx.MultiDiGraph, minter: UriMinter) -> dict[str, str]:
    uris: dict[str, str] = {}
    for node, attrs in graph.nodes(data=True):
        kind = attrs.get("kind")
        if kind == NodeKind.DOCUMENT:
            uris[node] = minter.document(node, attrs)
        elif kind == NodeKind.ORGAN:
            uris[node] = minter.organ(node)
        elif kind == NodeKind.PERSON:
            uris[node] = minter.person(node)
        elif kind != NodeKind.TASK:
            raise StoreError(f"{node}: unknown node kind {kind!r}")
    for node, attrs in graph.nodes(data=True):
        if attrs.get("kind") == NodeKind.TASK:
            doc = attrs.get("document")
            if doc in uris:
                uris[node] = minter.task(node, uris[doc], doc)
            else:
                uris[node] = f"{minter.base}task/{node.removeprefix('task:').replace('/', '%2F')}"
    if len(set(uris.values())) != len(uris):
        seen: dict[str, str] = {}
        for node, uri in uris.items():
            if uri in seen:
                raise StoreError(f"{seen[uri]} and {node} would share the URI {uri}")
            seen[uri] = node
    return uris


# What RDF carries of each node kind and edge type, from the schema: attributes with RDF terms,
# and the keys derived from a node's attributes.
_NODE_PLAN = {kind: tuple(a for a in node_attributes(kind) if a.rdf and a.key != "id") for kind in NodeKind}
_EDGE_PLAN = {edge: tuple(a for a in edge_attributes(edge) if a.rdf and a.key != "key") for edge in EdgeType}
_EDGE_KEY = attribute(EdgeType.CITES, "key").rdf[0]  # the edge's key in the MultiDiGraph, on every reading
_NODE_KEYS = {kind: tuple(k for k in STORE_KEYS if k.rdf and k.kind in (None, kind)) for kind in NodeKind}


def graph_triples(graph: nx.MultiDiGraph, terms: Any, base: str = DEFAULT_BASE) -> Iterator[tuple]:
    """Every triple of the graph's RDF form, built with ``terms`` (:class:`RdflibTerms` or
    :class:`OxigraphTerms`), as :mod:`vanban.graph.schema` maps each attribute. Raises
    :class:`StoreError` if two nodes would share a URI."""
    minter = UriMinter(base)
    uris = _node_uris(graph, minter)
    iri, string = terms.iri, terms.string

    def named(curie: str) -> Any:
        return iri(str(term(curie)))

    rdf_type, identifier = named("rdf:type"), named("dcterms:identifier")
    subject, predicate, object_ = named("rdf:subject"), named("rdf:predicate"), named("rdf:object")
    reading_class, source_class, edge_key = named("vb:Reading"), named("vb:SourceFile"), named(_EDGE_KEY)
    classes = {kind: [named(c) for c in NODE_CLASSES[kind]] for kind in NodeKind}
    predicates = {edge: named(EDGE_PREDICATES[edge]) for edge in EdgeType}
    node_plan = {kind: [(a, [named(c) for c in a.rdf]) for a in plan] for kind, plan in _NODE_PLAN.items()}
    edge_plan = {edge: [(a, [named(c) for c in a.rdf]) for a in plan] for edge, plan in _EDGE_PLAN.items()}
    node_keys = {kind: [(k, named(k.rdf[0])) for k in keys] for kind, keys in _NODE_KEYS.items()}
    sources: dict[str, Any] = {}

    def source(name: str) -> Any:
        node = sources.get(name)
        if node is None:
            node = sources[name] = iri(minter.source_file(name))
        return node

    literal = {RdfForm.STRING: lambda v: string(str(v)), RdfForm.TEXT: terms.text, RdfForm.DATE: terms.date,
               RdfForm.INTEGER: terms.integer, RdfForm.SOURCE: source}

    def values(s: Any, plan: list[tuple[Attribute, list[Any]]], attrs: dict[str, Any]) -> list[tuple]:
        """The triples of a node's or a reading's attributes: none for an empty value, but a
        boolean always (one list per subject: cheaper than a generator per attribute)."""
        out: list[tuple] = []
        for attr, terms_of in plan:
            value = attrs.get(attr.key)
            if attr.form is RdfForm.BOOLEAN:
                out.append((s, terms_of[0], terms.boolean(bool(value))))
            elif value is None or value == "":
                continue
            elif attr.form is RdfForm.SPAN:
                if value:
                    out.append((s, terms_of[0], terms.integer(value[0])))
                    out.append((s, terms_of[1], terms.integer(value[1])))
            elif attr.form is RdfForm.NODE:
                if value in uris:
                    out.append((s, terms_of[0], iri(uris[value])))
            elif attr.many:
                make = literal[attr.form]
                out.extend((s, terms_of[0], make(item)) for item in value)
            else:
                out.append((s, terms_of[0], literal[attr.form](value)))
        return out

    for node, attrs in graph.nodes(data=True):
        kind = NodeKind(attrs["kind"])
        s = iri(uris[node])
        yield s, identifier, string(node)
        for cls in classes[kind]:
            yield s, rdf_type, cls
        yield from values(s, node_plan[kind], attrs)
        for key, predicate_of_key in node_keys[kind]:
            if (derived := key.derive(attrs)) is not None:
                yield s, predicate_of_key, string(derived)

    asserted: set[tuple[str, str, str]] = set()  # parallel edges assert one triple
    for u, v, key, attrs in graph.edges(keys=True, data=True):
        type_name = attrs.get("type")
        try:
            edge = EdgeType(str(type_name))
        except ValueError as error:
            raise StoreError(f"{u} -> {v}: unknown edge type {type_name!r}") from error
        s, o, p = iri(uris[u]), iri(uris[v]), predicates[edge]
        if (u, edge, v) not in asserted:
            asserted.add((u, edge, v))
            yield s, p, o
        r = iri(minter.reading(u, str(key), v))
        yield r, rdf_type, reading_class
        yield r, subject, s
        yield r, predicate, p
        yield r, object_, o
        yield r, edge_key, string(str(key))
        yield from values(r, edge_plan[edge], attrs)

    for name, node in sources.items():
        yield node, rdf_type, source_class
        yield node, identifier, string(name)


def to_rdflib(graph: nx.MultiDiGraph, base: str = DEFAULT_BASE) -> Graph:
    """The graph as an rdflib ``Graph`` with vanban's prefixes bound."""
    rdf = Graph(bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        rdf.bind(prefix, namespace)
    add = rdf.add
    for triple in graph_triples(graph, RdflibTerms(), base):
        add(triple)
    return rdf


def write_rdf(graph: nx.MultiDiGraph, path: str | Path, fmt: str = "turtle",
              base: str = DEFAULT_BASE, engine: str = "rdflib") -> int:
    """Write the graph as ``fmt`` (``turtle``, ``json-ld`` or ``nt``) atomically; returns the
    number of triples written.

    ``engine="oxigraph"`` streams the triples through pyoxigraph's serialiser without
    holding an RDF graph in memory (much faster on large graphs); ``"rdflib"`` builds an
    rdflib graph first. The file gets the mode the umask gives (:mod:`vanban.graph.atomic`).
    """
    if fmt not in FORMATS:
        raise StoreError(f"unknown RDF format {fmt!r}; use one of {', '.join(FORMATS)}")
    rdflib_name, ox_name, _ = FORMATS[fmt]
    if engine not in ("rdflib", "oxigraph"):
        raise StoreError(f"unknown RDF engine {engine!r}; use rdflib or oxigraph")
    count = 0
    with atomic_path(path) as tmp:
        if engine == "oxigraph":
            import pyoxigraph  # imported here: loaded only by those who stream with it

            def triples() -> Iterator[Any]:
                nonlocal count
                for s, p, o in graph_triples(graph, OxigraphTerms(), base):
                    count += 1
                    yield pyoxigraph.Triple(s, p, o)
            pyoxigraph.serialize(triples(), str(tmp), getattr(pyoxigraph.RdfFormat, ox_name),
                                 prefixes=PREFIXES)
        else:
            rdf = to_rdflib(graph, base)
            count = len(rdf)
            if fmt == "json-ld":
                rdf.serialize(destination=str(tmp), format=rdflib_name, context=PREFIXES, auto_compact=True)
            else:
                rdf.serialize(destination=str(tmp), format=rdflib_name, encoding="utf-8")
    return count
