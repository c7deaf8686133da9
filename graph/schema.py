"""The attribute schema: every attribute of every node kind and edge type, listed once.

For each attribute: its key in the graph and the JSON export, the Neo4j property it is
stored as, the RDF term that carries it (and in which form), whether it is *nullable*
(always present, ``None`` when unknown) and how the page's detail panel shows it. The
merge (:mod:`vanban.graph.build`), the exports, the Neo4j store, the RDF export and reader
and the page all read these tables, so a name cannot differ between them.

Besides what the graph holds, :data:`STORE_KEYS` lists the keys the stores derive from
it so that a typed name is found by an index seek (``symbol_key``, ``name_key``) and the
short ``label`` Cypher returns.

>>> [a.key for a in node_attributes(NodeKind.ORGAN)]
['id', 'kind', 'name', 'collective']
>>> attribute(EdgeType.ADDRESSED_TO, "address").label, attribute(EdgeType.REPORTS_TO, "via").rdf
('kính gửi / nơi nhận', ('vb:via',))
>>> [a.key for a in edge_attributes(EdgeType.SIGNED_BY) if a.nullable]
['source_file', 'capacity', 'title']
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from vanban.graph.keys import name_key, symbol_key
from vanban.graph.labels import document_label
from vanban.graph.vocabulary import EdgeType, NodeKind

__all__ = [
    "EDGE_PREDICATES",
    "NODE_CLASSES",
    "STORE_KEYS",
    "Attribute",
    "RdfForm",
    "Show",
    "StoreKey",
    "attribute",
    "edge_attributes",
    "node_attributes",
    "store_keys",
]


class Show(StrEnum):
    """How the page's detail panel shows an attribute."""

    FACT = "fact"  # a line of the node's or relation's facts
    DETAIL = "detail"  # also on the relation's one-line summary in a node's panel
    EVIDENCE = "evidence"  # in the evidence block (sentence, source file, span, rule)
    CONFLICT = "conflict"  # one highlighted line per value
    HIDDEN = "hidden"  # not shown: the panel's heading, the style or another attribute says it


class RdfForm(StrEnum):
    """How a value is written in RDF."""

    STRING = "string"  # xsd:string literal
    TEXT = "text"  # a literal in Vietnamese (@vi)
    DATE = "date"  # xsd:date
    BOOLEAN = "boolean"  # xsd:boolean, always written (false when missing)
    INTEGER = "integer"  # xsd:integer
    NODE = "node"  # the IRI of the node with that id
    SOURCE = "source"  # the IRI of the source file with that name
    SPAN = "span"  # two integers: start and end (two terms)
    CLASS = "class"  # the node kind, as the node's rdf:type (see NODE_CLASSES)
    PREDICATE = "predicate"  # the edge type, as the relation's predicate (see EDGE_PREDICATES)


@dataclass(frozen=True)
class Attribute:
    """One attribute of one node kind or edge type.

    ``rdf`` holds CURIEs (``vb:docType``; two for a span), empty when RDF does not carry the
    attribute; ``neo4j`` is ``None`` when the attribute is not a property (the edge ``type``
    is the relationship type). ``many`` marks a list (every element written as one triple).
    ``copy_of`` names the attribute this one repeats (kept for readers of older exports):
    RDF carries the value once, the page shows it once.
    """

    key: str
    label: str
    show: Show = Show.FACT
    rdf: tuple[str, ...] = ()
    form: RdfForm = RdfForm.STRING
    nullable: bool = False
    many: bool = False
    neo4j: str | None = ""  # "" means: the same as ``key``
    copy_of: str | None = None

    @property
    def property(self) -> str | None:
        """The Neo4j property name (``None``: not a property)."""
        return self.key if self.neo4j == "" else self.neo4j


@dataclass(frozen=True)
class StoreKey:
    """A key the stores derive from a node's attributes (not part of the graph)."""

    kind: NodeKind | None  # None: every kind
    neo4j: str | None
    rdf: tuple[str, ...]
    derive: Callable[[Mapping[str, Any]], str | None]


# RDF classes of each node kind (its rdf:type values, the first one vanban's own) and the RDF
# predicate of each edge type.
NODE_CLASSES: dict[NodeKind, tuple[str, ...]] = {
    NodeKind.DOCUMENT: ("vb:Document", "eli:LegalResource"),
    NodeKind.ORGAN: ("org:Organization",),
    NodeKind.PERSON: ("foaf:Person",),
    NodeKind.TASK: ("vb:Task",),
}

EDGE_PREDICATES: dict[EdgeType, str] = {
    EdgeType.IMPLEMENTS: "eli:ensures_implementation_of",
    EdgeType.CITES: "eli:cites",
    EdgeType.COPIES: "vb:copies",
    EdgeType.ISSUED_BY: "eli:passed_by",
    EdgeType.SIGNED_BY: "vb:signedBy",
    EdgeType.HAS_TASK: "vb:hasTask",
    EdgeType.ASSIGNED_TO: "vb:assignedTo",
    EdgeType.REPORTS_TO: "vb:reportsTo",
    EdgeType.ADDRESSED_TO: "vb:addressedTo",
    EdgeType.PART_OF: "org:subOrganizationOf",
}

_ID = Attribute("id", "id", Show.HIDDEN, ("dcterms:identifier",))
_KIND = Attribute("kind", "kind", Show.HIDDEN, form=RdfForm.CLASS)
_SOURCES = Attribute("sources", "sources", rdf=("prov:wasDerivedFrom",), form=RdfForm.SOURCE, many=True)

_NODES: dict[NodeKind, tuple[Attribute, ...]] = {
    NodeKind.DOCUMENT: (
        _ID, _KIND,
        Attribute("symbol", "symbol", rdf=("eli:number",), nullable=True),
        Attribute("doc_type", "type", rdf=("vb:docType",), nullable=True),
        Attribute("date", "date", rdf=("eli:date_document",), form=RdfForm.DATE, nullable=True),
        Attribute("title", "title", rdf=("dcterms:title",), form=RdfForm.TEXT, nullable=True),
        Attribute("place", "place", rdf=("vb:place",), nullable=True),
        Attribute("term", "term (khóa)", rdf=("vb:term",), nullable=True),
        Attribute("scope", "scope", rdf=("vb:scope",), nullable=True),
        _SOURCES,
        Attribute("read", "read", Show.HIDDEN, ("vb:read",), RdfForm.BOOLEAN),
        Attribute("conflicts", "conflict", Show.CONFLICT, ("vb:conflict",), many=True),
    ),
    NodeKind.ORGAN: (
        _ID, _KIND,
        Attribute("name", "name", rdf=("skos:prefLabel",)),
        Attribute("collective", "collective", rdf=("vb:collective",), form=RdfForm.BOOLEAN),
    ),
    NodeKind.PERSON: (
        _ID, _KIND,
        Attribute("name", "name", rdf=("foaf:name",)),
    ),
    NodeKind.TASK: (
        _ID, _KIND,
        Attribute("number", "number", rdf=("vb:taskNumber",)),
        Attribute("text", "text", rdf=("vb:text",), form=RdfForm.TEXT, nullable=True),
        Attribute("document", "document", rdf=("eli:is_part_of",), form=RdfForm.NODE, nullable=True),
        _SOURCES,
    ),
}

# What every edge carries: its type and key, and the evidence of the file that states it.
_EDGE_HEAD = (
    Attribute("type", "relation", Show.HIDDEN, form=RdfForm.PREDICATE, neo4j=None),
    Attribute("key", "key", Show.HIDDEN, ("vb:edgeKey",)),
    Attribute("source_file", "source file", Show.EVIDENCE, ("prov:wasDerivedFrom",), RdfForm.SOURCE,
              nullable=True),
    Attribute("span", "span", Show.EVIDENCE, ("vb:spanStart", "vb:spanEnd"), RdfForm.SPAN),
    Attribute("evidence", "evidence", Show.EVIDENCE, ("vb:evidence",), RdfForm.TEXT),
    Attribute("rule", "rule", Show.EVIDENCE, ("vb:rule",)),
)
_MENTIONS = Attribute("mentions", "mentions", Show.DETAIL, ("vb:mentions",), RdfForm.INTEGER)

_EDGE_EXTRA: dict[EdgeType, tuple[Attribute, ...]] = {
    EdgeType.SIGNED_BY: (
        Attribute("capacity", "capacity", Show.DETAIL, ("vb:capacity",), nullable=True),
        Attribute("title", "signer's title", Show.DETAIL, ("vb:signatoryTitle",), nullable=True),
    ),
    EdgeType.ASSIGNED_TO: (
        Attribute("role", "role", Show.DETAIL, ("vb:role",)),
    ),
    EdgeType.REPORTS_TO: (
        Attribute("via", "via", Show.DETAIL, ("vb:via",), nullable=True),
        Attribute("via_id", "via (id)", Show.FACT, ("vb:viaOrgan",), RdfForm.NODE, nullable=True),
        Attribute("document", "ordered by", Show.FACT, ("vb:orderedBy",), RdfForm.NODE, nullable=True),
    ),
    EdgeType.ADDRESSED_TO: (
        Attribute("address", "kính gửi / nơi nhận", Show.DETAIL, ("vb:addressKind",)),
        Attribute("kind", "address kind", Show.HIDDEN, copy_of="address"),
        Attribute("purpose", "purpose", Show.DETAIL, ("vb:purpose",), nullable=True),
    ),
}

_EDGES: dict[EdgeType, tuple[Attribute, ...]] = {
    edge: (*_EDGE_HEAD, *_EDGE_EXTRA.get(edge, ()), _MENTIONS) for edge in EdgeType
}


def _symbol_key(attrs: Mapping[str, Any]) -> str | None:
    return symbol_key(attrs["symbol"]) if attrs.get("symbol") else None


def _name_key(attrs: Mapping[str, Any]) -> str | None:
    return name_key(attrs.get("name")) or None


STORE_KEYS: tuple[StoreKey, ...] = (
    StoreKey(None, "label", (), document_label),  # the short label Cypher returns
    StoreKey(NodeKind.DOCUMENT, "symbol_key", ("vb:symbolKey",), _symbol_key),
    StoreKey(NodeKind.ORGAN, "name_key", ("vb:foldedName",), _name_key),
)


_NODE_KINDS = frozenset(kind.value for kind in NodeKind)


def node_attributes(kind: NodeKind | str) -> tuple[Attribute, ...]:
    """The attributes of a node kind, in the order documents list them."""
    return _NODES[NodeKind(kind)]


def edge_attributes(edge: EdgeType | str) -> tuple[Attribute, ...]:
    """The attributes of an edge type (the source and target nodes aside).

    >>> [a.key for a in edge_attributes("ASSIGNED_TO")]
    ['type', 'key', 'source_file', 'span', 'evidence', 'rule', 'role', 'mentions']
    """
    return _EDGES[EdgeType(edge)]


def attribute(owner: NodeKind | EdgeType | str, key: str) -> Attribute:
    """One attribute of a node kind or an edge type, by key (``KeyError`` if it has none)."""
    table = node_attributes(owner) if owner in _NODE_KINDS else edge_attributes(owner)
    for item in table:
        if item.key == key:
            return item
    raise KeyError(f"{owner} has no attribute {key!r}")


def store_keys(kind: NodeKind | str, attrs: Mapping[str, Any]) -> dict[str, str | None]:
    """The Neo4j lookup keys and label of a node (``None`` removes a stale one).

    >>> store_keys("Document", {"symbol": "54-kl/tw"})
    {'label': '54-kl/tw', 'symbol_key': '54-KL/TW'}
    >>> store_keys("Organ", {"name": "Tỉnh ủy Lạng Sơn"})
    {'label': 'Tỉnh ủy Lạng Sơn', 'name_key': 'tinh uy lang son'}
    """
    return {key.neo4j: key.derive(attrs) for key in STORE_KEYS
            if key.neo4j and key.kind in (None, NodeKind(kind))}
