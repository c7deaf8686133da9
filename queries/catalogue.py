"""Every document of a back end, with what a reader tells documents apart by: the list the
subject resolver (:mod:`.resolve`) searches by title words, lists candidates from and
suggests the nearest symbols from.

The embedded graph gives it from memory (:meth:`GraphBackend.catalogue
<vanban.queries.embedded.GraphBackend.catalogue>`); Neo4j and SPARQL from one read-only query
each (below); any other back end from its searchable documents (ids, symbols and titles only).

>>> import networkx as nx
>>> from vanban.queries.embedded import GraphBackend
>>> g = nx.MultiDiGraph()
>>> g.add_node("doc:a.txt#0", kind="Document", title="thực hiện Kết luận 54", doc_type="Kế hoạch")
>>> g.add_node("organ:x", kind="Organ", name="Tỉnh ủy X")
>>> _ = g.add_edge("doc:a.txt#0", "organ:x", type="ISSUED_BY")
>>> [(e.id, e.doc_type, e.issuers) for e in document_catalogue(GraphBackend(g))]
[('doc:a.txt#0', 'Kế hoạch', ('Tỉnh ủy X',))]
"""

from __future__ import annotations

from typing import Any, NamedTuple

from vanban.graph.vocabulary import NodeKind
from vanban.queries.backend import Backend
from vanban.queries.cypher import Neo4jBackend
from vanban.queries.sparql import SparqlBackend

__all__ = ["Entry", "document_catalogue"]

_SEP = "\u001f"

# Every document with its issuers' names (read-only; no parameter).
_CYPHER = """MATCH (doc:Document)
OPTIONAL MATCH (doc)-[:ISSUED_BY]->(issuer:Organ)
RETURN doc.id AS id, doc.symbol AS symbol, doc.title AS title, doc.doc_type AS doc_type,
       doc.date AS date, collect(DISTINCT issuer.name) AS issuers
ORDER BY id"""

_SPARQL = """PREFIX vb: <https://w3id.org/vanban/ns#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?id ?symbol ?title ?doc_type ?date (GROUP_CONCAT(DISTINCT ?by; separator="\u001f") AS ?issuers)
WHERE {
  ?d a vb:Document ; dcterms:identifier ?id .
  OPTIONAL { ?d eli:number ?symbol }
  OPTIONAL { ?d dcterms:title ?title }
  OPTIONAL { ?d vb:docType ?doc_type }
  OPTIONAL { ?d eli:date_document ?day }
  BIND(STR(?day) AS ?date)
  OPTIONAL { ?d eli:passed_by/skos:prefLabel ?issuer }
  BIND(COALESCE(?issuer, "") AS ?by)
}
GROUP BY ?id ?symbol ?title ?doc_type ?date"""


class Entry(NamedTuple):
    """One document: its id, symbol, title, type, date and issuers' names (sorted)."""

    id: str
    symbol: str | None = None
    title: str | None = None
    doc_type: str | None = None
    date: str | None = None
    issuers: tuple[str, ...] = ()

    @classmethod
    def of(cls, row: dict[str, Any]) -> Entry:
        """The entry of a query's row (``issuers`` a list, or one string joined with U+001F)."""
        issuers = row.get("issuers") or ()
        if isinstance(issuers, str):
            issuers = issuers.split(_SEP)
        return cls(row["id"], row.get("symbol") or None, row.get("title") or None,
                   row.get("doc_type") or None, str(row["date"]) if row.get("date") else None,
                   tuple(sorted({i for i in issuers if i})))


def document_catalogue(backend: Backend) -> list[Entry]:
    """Every document ``backend`` holds, sorted by id."""
    own = getattr(backend, "catalogue", None)
    if own is not None:
        entries = list(own())
    elif isinstance(backend, Neo4jBackend):
        entries = [Entry.of(row) for row in backend.store.read(_CYPHER)]
    elif isinstance(backend, SparqlBackend):
        entries = [Entry.of(row) for row in backend.engine.select(_SPARQL)[1]]
    else:
        entries = [Entry(c.id, c.symbol, c.text) for c in backend.searchable(NodeKind.DOCUMENT)]
    return sorted(entries)
