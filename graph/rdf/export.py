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
>>> sorted(str(o) for o in rdf.objects(predicate=ELI.number))
['54-KL/TW']
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, RDF, SKOS, XSD

from vanban.errors import StoreError
from vanban.graph.rdf.terms import ELI, PREFIXES, VB
from vanban.graph.rdf.uris import DEFAULT_BASE, UriMinter
from vanban.graph.vocabulary import EdgeType, NodeKind

__all__ = [
    "EDGE_PREDICATES",
    "FORMATS",
    "OxigraphTerms",
    "RdflibTerms",
    "graph_triples",
    "to_rdflib",
    "write_rdf",
]

EDGE_PREDICATES: dict[EdgeType, URIRef] = {
    EdgeType.IMPLEMENTS: ELI.ensures_implementation_of,
    EdgeType.CITES: ELI.cites,
    EdgeType.COPIES: VB.copies,
    EdgeType.ISSUED_BY: ELI.passed_by,
    EdgeType.SIGNED_BY: VB.signedBy,
    EdgeType.HAS_TASK: VB.hasTask,
    EdgeType.ASSIGNED_TO: VB.assignedTo,
    EdgeType.REPORTS_TO: VB.reportsTo,
    EdgeType.ADDRESSED_TO: VB.addressedTo,
    EdgeType.PART_OF: ORG.subOrganizationOf,
}

# Edge attributes written as plain string literals on the Reading.
EDGE_STRINGS: dict[str, URIRef] = {
    "rule": VB.rule,
    "role": VB.role,
    "capacity": VB.capacity,
    "title": VB.signatoryTitle,
    "kind": VB.addressKind,
    "purpose": VB.purpose,
    "via": VB.viaName,
}

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

    def iri(self, value: str):
        node = self._iris.get(value)
        if node is None:
            node = self._ox.NamedNode(value)
            if len(self._iris) < 4096 or "/ns#" in value:
                self._iris[value] = node
        return node

    def string(self, value: str):
        return self._ox.Literal(value)

    def text(self, value: str):
        return self._ox.Literal(value, language="vi")

    def integer(self, value: int):
        return self._ox.Literal(str(int(value)), datatype=self._types[XSD.integer])

    def boolean(self, value: bool):
        return self._ox.Literal("true" if value else "false", datatype=self._types[XSD.boolean])

    def date(self, value: str):
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


def graph_triples(graph: nx.MultiDiGraph, terms: Any, base: str = DEFAULT_BASE) -> Iterator[tuple]:
    """Every triple of the graph's RDF form, built with ``terms`` (:class:`RdflibTerms` or
    :class:`OxigraphTerms`). Raises :class:`StoreError` if two nodes would share a URI."""
    minter = UriMinter(base)
    uris = _node_uris(graph, minter)
    iri, string = terms.iri, terms.string
    p = {name: iri(str(term)) for name, term in _PREDICATES.items()}
    sources: dict[str, Any] = {}

    def source(name: str):
        node = sources.get(name)
        if node is None:
            node = sources[name] = iri(minter.source_file(name))
        return node

    for node, attrs in graph.nodes(data=True):
        s = iri(uris[node])
        yield s, p["identifier"], string(node)
        kind = attrs["kind"]
        if kind == NodeKind.DOCUMENT:
            yield s, p["type"], p["Document"]
            yield s, p["type"], p["LegalResource"]
            if attrs.get("symbol"):
                yield s, p["number"], string(attrs["symbol"])
            if attrs.get("date"):
                yield s, p["date"], terms.date(attrs["date"])
            if attrs.get("title"):
                yield s, p["title"], terms.text(attrs["title"])
            for key in ("doc_type", "place", "term", "scope"):
                if attrs.get(key):
                    yield s, p[key], string(attrs[key])
            yield s, p["read"], terms.boolean(bool(attrs.get("read")))
            for conflict in attrs.get("conflicts") or ():
                yield s, p["conflict"], string(conflict)
        elif kind == NodeKind.ORGAN:
            yield s, p["type"], p["Organization"]
            yield s, p["prefLabel"], string(attrs["name"])
            yield s, p["foldedName"], string(_fold(attrs["name"]))
            yield s, p["collective"], terms.boolean(bool(attrs.get("collective")))
        elif kind == NodeKind.PERSON:
            yield s, p["type"], p["Person"]
            yield s, p["name"], string(attrs["name"])
        else:
            yield s, p["type"], p["Task"]
            yield s, p["taskNumber"], string(str(attrs.get("number")))
            if attrs.get("text"):
                yield s, p["text"], terms.text(attrs["text"])
            if attrs.get("document") in uris:
                yield s, p["isPartOf"], iri(uris[attrs["document"]])
        for name in attrs.get("sources") or ():
            yield s, p["derivedFrom"], source(name)

    asserted: set[tuple[str, str, str]] = set()  # parallel edges assert one triple
    for u, v, key, attrs in graph.edges(keys=True, data=True):
        kind = attrs.get("type")
        try:
            predicate = p[EdgeType(kind)]
        except ValueError:
            raise StoreError(f"{u} -> {v}: unknown edge type {kind!r}") from None
        s, o = iri(uris[u]), iri(uris[v])
        if (u, kind, v) not in asserted:
            asserted.add((u, kind, v))
            yield s, predicate, o
        r = iri(minter.reading(u, str(key), v))
        yield r, p["type"], p["Reading"]
        yield r, p["subject"], s
        yield r, p["predicate"], predicate
        yield r, p["object"], o
        yield r, p["edgeKey"], string(str(key))
        if attrs.get("source_file"):
            yield r, p["derivedFrom"], source(attrs["source_file"])
        span = attrs.get("span")
        if span:
            yield r, p["spanStart"], terms.integer(span[0])
            yield r, p["spanEnd"], terms.integer(span[1])
        if attrs.get("evidence"):
            yield r, p["evidence"], terms.text(attrs["evidence"])
        if attrs.get("mentions") is not None:
            yield r, p["mentions"], terms.integer(attrs["mentions"])
        for name in EDGE_STRINGS:
            if attrs.get(name) is not None:
                yield r, p[f"edge:{name}"], string(str(attrs[name]))
        if attrs.get("via_id") in uris:
            yield r, p["via"], iri(uris[attrs["via_id"]])
        if attrs.get("document") in uris:
            yield r, p["orderedBy"], iri(uris[attrs["document"]])

    for name, node in sources.items():
        yield node, p["type"], p["SourceFile"]
        yield node, p["identifier"], string(name)


def _fold(text: str) -> str:
    from vanban.loaders.text import fold

    return fold(text)


_PREDICATES: dict[Any, URIRef] = {
    "type": RDF.type, "subject": RDF.subject, "predicate": RDF.predicate, "object": RDF.object,
    "identifier": DCTERMS.identifier, "title": DCTERMS.title,
    "Document": VB.Document, "LegalResource": ELI.LegalResource, "Task": VB.Task,
    "Reading": VB.Reading, "SourceFile": VB.SourceFile,
    "Organization": ORG.Organization, "Person": FOAF.Person,
    "number": ELI.number, "date": ELI.date_document, "isPartOf": ELI.is_part_of,
    "doc_type": VB.docType, "place": VB.place, "term": VB.term, "scope": VB.scope,
    "read": VB.read, "conflict": VB.conflict,
    "prefLabel": SKOS.prefLabel, "foldedName": VB.foldedName, "collective": VB.collective,
    "name": FOAF.name, "taskNumber": VB.taskNumber, "text": VB.text,
    "derivedFrom": PROV.wasDerivedFrom, "edgeKey": VB.edgeKey,
    "spanStart": VB.spanStart, "spanEnd": VB.spanEnd, "evidence": VB.evidence, "mentions": VB.mentions,
    "via": VB.via, "orderedBy": VB.orderedBy,
    **{f"edge:{name}": term for name, term in EDGE_STRINGS.items()},
    **EDGE_PREDICATES,
}


def to_rdflib(graph: nx.MultiDiGraph, base: str = DEFAULT_BASE) -> Graph:
    """The graph as an rdflib ``Graph`` with vanban's prefixes bound."""
    rdf = Graph(bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        rdf.bind(prefix, namespace)
    add = rdf.add
    for triple in graph_triples(graph, RdflibTerms(), base):
        add(triple)
    return rdf


def _atomic(path: Path, write: Callable[[Path], None]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_rdf(graph: nx.MultiDiGraph, path: str | Path, fmt: str = "turtle",
              base: str = DEFAULT_BASE, engine: str = "rdflib") -> int:
    """Write the graph as ``fmt`` (``turtle``, ``json-ld`` or ``nt``) atomically; returns the
    number of triples written.

    ``engine="oxigraph"`` streams the triples through pyoxigraph's serialiser without
    holding an RDF graph in memory (much faster on large graphs); ``"rdflib"`` needs only
    the core dependencies.
    """
    if fmt not in FORMATS:
        raise StoreError(f"unknown RDF format {fmt!r}; use one of {', '.join(FORMATS)}")
    rdflib_name, ox_name, _ = FORMATS[fmt]
    count = [0]
    if engine == "oxigraph":
        try:
            import pyoxigraph
        except ImportError as error:
            raise StoreError("the oxigraph engine needs pyoxigraph (pip install pyoxigraph)") from error

        def write(tmp: Path) -> None:
            def triples():
                for s, p, o in graph_triples(graph, OxigraphTerms(), base):
                    count[0] += 1
                    yield pyoxigraph.Triple(s, p, o)
            pyoxigraph.serialize(triples(), str(tmp), getattr(pyoxigraph.RdfFormat, ox_name),
                                 prefixes=PREFIXES)
    elif engine == "rdflib":
        def write(tmp: Path) -> None:
            rdf = to_rdflib(graph, base)
            count[0] = len(rdf)
            if fmt == "json-ld":
                rdf.serialize(destination=str(tmp), format=rdflib_name, context=PREFIXES, auto_compact=True)
            else:
                rdf.serialize(destination=str(tmp), format=rdflib_name, encoding="utf-8")
    else:
        raise StoreError(f"unknown RDF engine {engine!r}; use rdflib or oxigraph")
    _atomic(Path(path), write)
    return count[0]
