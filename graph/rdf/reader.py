"""Read an RDF export back into a vanban graph (the round trip of :mod:`.export`).

Nodes come from their types and ``dcterms:identifier``; edges from the readings, so
parallel relations and their evidence survive. Multi-valued attributes (``sources``,
``conflicts``) come back sorted; attributes the export leaves out because they are empty
come back as ``None``.

>>> import networkx as nx
>>> from vanban.graph.rdf.export import to_rdflib
>>> g = nx.MultiDiGraph()
>>> g.add_node("organ:a", kind="Organ", name="A", collective=False)
>>> g.add_node("organ:b", kind="Organ", name="B", collective=True)
>>> _ = g.add_edge("organ:a", "organ:b", key="PART_OF", type="PART_OF", rule="organ-name")
>>> back = rdf_to_graph(to_rdflib(g))
>>> list(back.edges(keys=True, data="rule"))
[('organ:a', 'organ:b', 'PART_OF', 'organ-name')]
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import Graph, Literal
from rdflib.term import Node

from vanban.errors import StoreError
from vanban.graph.rdf.terms import term
from vanban.graph.schema import (
    EDGE_PREDICATES,
    NODE_CLASSES,
    Attribute,
    RdfForm,
    edge_attributes,
    node_attributes,
)
from vanban.graph.vocabulary import EdgeType, NodeKind

__all__ = ["rdf_to_graph", "read_rdf"]

_KINDS: dict[Node, NodeKind] = {term(classes[0]): kind for kind, classes in NODE_CLASSES.items()}
_EDGE_OF: dict[Node, EdgeType] = {term(predicate): edge for edge, predicate in EDGE_PREDICATES.items()}
_SUFFIX_FORMATS = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".json": "json-ld"}
_RDF_TYPE, _IDENTIFIER = term("rdf:type"), term("dcterms:identifier")
_READING, _EDGE_KEY = term("vb:Reading"), term("vb:edgeKey")


def read_rdf(path: str | Path) -> nx.MultiDiGraph:
    """The graph stored in an RDF export (Turtle, N-Triples or JSON-LD, by suffix)."""
    path = Path(path)
    fmt = _SUFFIX_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise StoreError(f"{path}: unknown RDF file type; use .ttl, .nt or .jsonld")
    try:
        rdf = Graph().parse(str(path), format=fmt)
    except (OSError, ValueError, SyntaxError) as error:
        raise StoreError(f"{path}: cannot read RDF ({error})") from error
    return rdf_to_graph(rdf)


def _value(term: Node) -> Any:
    return term.toPython() if isinstance(term, Literal) else term


def rdf_to_graph(rdf: Graph) -> nx.MultiDiGraph:
    """Rebuild the vanban graph from the RDF form written by :func:`graph_triples`: every
    attribute :mod:`vanban.graph.schema` maps to RDF, the nullable ones ``None`` when absent."""
    props: dict[Node, dict[Node, list[Node]]] = defaultdict(lambda: defaultdict(list))
    for s, p, o in rdf:
        props[s][p].append(o)
    ids = {s: str(_value(p[_IDENTIFIER][0])) for s, p in props.items() if _IDENTIFIER in p}
    kinds = {s: _KINDS[t] for s, p in props.items() for t in p.get(_RDF_TYPE, ()) if t in _KINDS}

    def read(subject: Node, attr: Attribute) -> Any:
        """The attribute's value on ``subject``; ``None`` when absent."""
        values = props[subject].get(term(attr.rdf[0])) if attr.rdf else None
        if attr.form is RdfForm.BOOLEAN:
            return bool(_value(values[0])) if values else False
        if attr.many:
            return sorted(ids[v] if attr.form is RdfForm.SOURCE else str(_value(v)) for v in values or ())
        if not values:
            return None
        if attr.form is RdfForm.SPAN:
            end = props[subject].get(term(attr.rdf[1]))
            return (int(_value(values[0])), int(_value(end[0]))) if end else None
        if attr.form in (RdfForm.NODE, RdfForm.SOURCE):
            return ids[values[0]]
        if attr.form is RdfForm.INTEGER:
            return int(_value(values[0]))
        return str(_value(values[0]))

    g: nx.MultiDiGraph = nx.MultiDiGraph()
    for subject in sorted(kinds, key=lambda s: ids[s]):
        kind = kinds[subject]
        attrs: dict[str, Any] = {"kind": kind.value}
        for attr in node_attributes(kind):
            if attr.key not in ("id", "kind"):
                attrs[attr.key] = read(subject, attr)
        g.add_node(ids[subject], **attrs)

    rows = []
    for r, fields in props.items():
        if _READING not in fields.get(_RDF_TYPE, ()):
            continue
        predicate = fields[term("rdf:predicate")][0]
        if predicate not in _EDGE_OF:
            raise StoreError(f"reading {r}: unknown predicate {predicate}")
        edge = _EDGE_OF[predicate]
        u, v = ids[fields[term("rdf:subject")][0]], ids[fields[term("rdf:object")][0]]
        rows.append((str(_value(fields[_EDGE_KEY][0])), u, v, _edge_attrs(edge, r, read)))
    for key, u, v, attrs in sorted(rows, key=lambda row: (row[1], row[2], row[0])):
        g.add_edge(u, v, key=key, **attrs)
    return g


def _edge_attrs(edge: EdgeType, reading: Node, read: Any) -> dict[str, Any]:
    """A relation's attributes from its reading: those present, the nullable ones always, and
    each copy (``copy_of``) from its original."""
    attrs: dict[str, Any] = {"type": edge.value}
    for attr in edge_attributes(edge):
        if attr.key in ("type", "key"):
            continue
        if attr.copy_of is not None:
            if attrs.get(attr.copy_of) is not None:
                attrs[attr.key] = attrs[attr.copy_of]
            continue
        value = read(reading, attr)
        if value is not None or attr.nullable:
            attrs[attr.key] = value
    return attrs
