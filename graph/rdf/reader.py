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

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, RDF, SKOS

from vanban.errors import StoreError
from vanban.graph.rdf.export import EDGE_PREDICATES, EDGE_STRINGS
from vanban.graph.rdf.terms import ELI, VB
from vanban.graph.vocabulary import EdgeType, NodeKind

__all__ = ["rdf_to_graph", "read_rdf"]

_KINDS = {VB.Document: NodeKind.DOCUMENT, ORG.Organization: NodeKind.ORGAN,
          FOAF.Person: NodeKind.PERSON, VB.Task: NodeKind.TASK}
_EDGE_OF = {predicate: edge for edge, predicate in EDGE_PREDICATES.items()}
_SUFFIX_FORMATS = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".json": "json-ld"}


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


def _value(term):
    return term.toPython() if isinstance(term, Literal) else term


def rdf_to_graph(rdf: Graph) -> nx.MultiDiGraph:
    """Rebuild the vanban graph from the RDF form written by :func:`graph_triples`."""
    props: dict[URIRef, dict[URIRef, list]] = defaultdict(lambda: defaultdict(list))
    for s, p, o in rdf:
        props[s][p].append(o)

    def one(subject, predicate):
        values = props[subject].get(predicate)
        return _value(values[0]) if values else None

    def text(subject, predicate):
        value = one(subject, predicate)
        return None if value is None else str(value)

    ids = {s: str(one(s, DCTERMS.identifier)) for s, p in props.items() if DCTERMS.identifier in p}
    kinds = {s: _KINDS[t] for s, p in props.items() for t in p.get(RDF.type, ()) if t in _KINDS}

    def sources(subject) -> list[str]:
        return sorted(ids[f] for f in props[subject].get(PROV.wasDerivedFrom, ()))

    g = nx.MultiDiGraph()
    for subject in sorted(kinds, key=lambda s: ids[s]):
        kind = kinds[subject]
        node = ids[subject]
        if kind == NodeKind.DOCUMENT:
            date = one(subject, ELI.date_document)
            g.add_node(node, kind=kind.value, symbol=text(subject, ELI.number),
                       doc_type=text(subject, VB.docType), date=None if date is None else str(date),
                       title=text(subject, DCTERMS.title), place=text(subject, VB.place),
                       term=text(subject, VB.term), scope=text(subject, VB.scope),
                       sources=sources(subject), read=bool(one(subject, VB.read)),
                       conflicts=sorted(str(c) for c in props[subject].get(VB.conflict, ())))
        elif kind == NodeKind.ORGAN:
            g.add_node(node, kind=kind.value, name=text(subject, SKOS.prefLabel),
                       collective=bool(one(subject, VB.collective)))
        elif kind == NodeKind.PERSON:
            g.add_node(node, kind=kind.value, name=text(subject, FOAF.name))
        else:
            part_of = props[subject].get(ELI.is_part_of)
            g.add_node(node, kind=kind.value, number=text(subject, VB.taskNumber),
                       text=text(subject, VB.text), document=ids[part_of[0]] if part_of else None,
                       sources=sources(subject))

    readings = [s for s, p in props.items() if VB.Reading in p.get(RDF.type, ())]
    rows = []
    for r in readings:
        predicate = props[r][RDF.predicate][0]
        if predicate not in _EDGE_OF:
            raise StoreError(f"reading {r}: unknown predicate {predicate}")
        edge = _EDGE_OF[predicate]
        u, v = ids[props[r][RDF.subject][0]], ids[props[r][RDF.object][0]]
        attrs: dict = {"type": edge.value}
        source = props[r].get(PROV.wasDerivedFrom)
        attrs["source_file"] = ids[source[0]] if source else None
        start, end = one(r, VB.spanStart), one(r, VB.spanEnd)
        if start is not None and end is not None:
            attrs["span"] = (int(start), int(end))
        if (evidence := text(r, VB.evidence)) is not None:
            attrs["evidence"] = evidence
        if (mentions := one(r, VB.mentions)) is not None:
            attrs["mentions"] = int(mentions)
        for name, term in EDGE_STRINGS.items():
            if (value := text(r, term)) is not None:
                attrs[name] = value
        for name in _NULLABLE.get(edge, ()):
            attrs.setdefault(name, None)
        if edge == EdgeType.REPORTS_TO:
            via = props[r].get(VB.via)
            attrs["via_id"] = ids[via[0]] if via else None
            ordered = props[r].get(VB.orderedBy)
            attrs["document"] = ids[ordered[0]] if ordered else None
        rows.append((str(one(r, VB.edgeKey)), u, v, attrs))
    for key, u, v, attrs in sorted(rows, key=lambda row: (row[1], row[2], row[0])):
        g.add_edge(u, v, key=key, **attrs)
    return g


# Attributes an edge type always has, even when empty (see graph.build).
_NULLABLE = {
    EdgeType.SIGNED_BY: ("capacity", "title"),
    EdgeType.ADDRESSED_TO: ("purpose",),
    EdgeType.REPORTS_TO: ("via",),
}
