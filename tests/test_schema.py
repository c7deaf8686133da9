"""The attribute schema is the one list: the built graph follows it, the export contract's
attributes are in it, every RDF term it names exists, and the page shows what it says."""

from __future__ import annotations

import json
import re

import networkx as nx
import pytest

from vanban.graph.export import graph_to_json, read_json
from vanban.graph.neo4j import node_rows
from vanban.graph.rdf.terms import term
from vanban.graph.schema import (
    EDGE_PREDICATES,
    NODE_CLASSES,
    STORE_KEYS,
    RdfForm,
    Show,
    attribute,
    edge_attributes,
    node_attributes,
)
from vanban.graph.vocabulary import EdgeType, NodeKind
from vanban.visualize.page import page_data

# The attributes the external scorer reads (../shared/design/EXPORT.md): never renamed or removed.
CONTRACT = {
    NodeKind.DOCUMENT: ("id", "kind", "symbol", "doc_type", "date", "title", "sources", "conflicts"),
    NodeKind.ORGAN: ("id", "kind", "name"),
    NodeKind.PERSON: ("id", "kind", "name"),
    NodeKind.TASK: ("id", "kind", "number", "text"),
    EdgeType.IMPLEMENTS: ("type", "source_file", "evidence", "span"),
    EdgeType.CITES: ("type", "source_file", "evidence", "span"),
    EdgeType.COPIES: ("type", "source_file"),
    EdgeType.ISSUED_BY: ("type", "source_file"),
    EdgeType.SIGNED_BY: ("type", "source_file", "capacity", "title"),
    EdgeType.HAS_TASK: ("type", "source_file"),
    EdgeType.ASSIGNED_TO: ("type", "source_file", "role"),
    EdgeType.REPORTS_TO: ("type", "source_file", "via", "document"),
    EdgeType.ADDRESSED_TO: ("type", "source_file", "kind", "purpose"),
    EdgeType.PART_OF: ("type", "source_file"),
}


def test_the_export_contract_is_in_the_schema() -> None:
    for owner, keys in CONTRACT.items():
        for key in keys:
            assert attribute(owner, key).property in (key, None), (owner, key)


def test_every_key_appears_once_per_owner_and_is_a_plain_property() -> None:
    for owner in [*NodeKind, *EdgeType]:
        table = node_attributes(owner) if owner in set(NodeKind) else edge_attributes(owner)
        keys = [a.key for a in table]
        assert len(keys) == len(set(keys)), owner
        for attr in table:
            assert attr.property is None or re.fullmatch(r"[a-z][a-z_]*", attr.property), (owner, attr.key)
            assert attr.copy_of is None or attr.copy_of in keys, (owner, attr.key)
            assert attr.label and attr.show in Show


def test_every_rdf_term_exists_in_its_closed_namespace() -> None:
    curies = {c for kind in NodeKind for a in node_attributes(kind) for c in a.rdf}
    curies |= {c for edge in EdgeType for a in edge_attributes(edge) for c in a.rdf}
    curies |= {c for key in STORE_KEYS for c in key.rdf} | set(EDGE_PREDICATES.values())
    curies |= {c for classes in NODE_CLASSES.values() for c in classes}
    for curie in curies:
        assert term(curie)  # raises on an unknown term
    spans = [a for edge in EdgeType for a in edge_attributes(edge) if a.form is RdfForm.SPAN]
    assert spans and all(len(a.rdf) == 2 for a in spans)


def test_one_meaning_per_key() -> None:
    """``kind`` is a node's kind; the address of a recipient is ``address`` (``kind`` on
    ADDRESSED_TO stays as its copy, for the export contract); ``via`` is the via organ's name
    everywhere, RDF included, and ``via_id`` its id."""
    assert attribute(EdgeType.ADDRESSED_TO, "kind").copy_of == "address"
    assert attribute(EdgeType.ADDRESSED_TO, "kind").rdf == ()
    assert attribute(EdgeType.ADDRESSED_TO, "address").rdf == ("vb:addressKind",)
    via, via_id = attribute(EdgeType.REPORTS_TO, "via"), attribute(EdgeType.REPORTS_TO, "via_id")
    assert (via.rdf, via.form, via.property) == (("vb:via",), RdfForm.STRING, "via")
    assert (via_id.rdf, via_id.form, via_id.property) == (("vb:viaOrgan",), RdfForm.NODE, "via_id")


@pytest.fixture(scope="module")
def exported(sample_graph: nx.MultiDiGraph) -> dict:
    return json.loads(graph_to_json(sample_graph))


def test_the_built_graph_follows_the_schema(exported: dict) -> None:
    """Every node has exactly its kind's attributes; every edge attribute is its type's; the
    nullable ones are always there; a copy equals its original."""
    for node in exported["nodes"]:
        assert set(node) == {a.key for a in node_attributes(node["kind"])}, node["id"]
    seen: set[tuple[str, str]] = set()
    for link in exported["links"]:
        table = {a.key: a for a in edge_attributes(link["type"])}
        extra = set(link) - set(table) - {"source", "target"}
        assert not extra, (link["type"], extra)
        assert all(key in link for key, a in table.items() if a.nullable), link["type"]
        for key, attr in table.items():
            if attr.copy_of and key in link:
                assert link[key] == link[attr.copy_of]
            if key in link:
                seen.add((link["type"], key))
    assert (EdgeType.ADDRESSED_TO, "address") in seen and (EdgeType.REPORTS_TO, "via") in seen


def test_the_store_writes_the_schema_keys(sample_graph: nx.MultiDiGraph) -> None:
    names = {name for (kind, columns) in node_rows(sample_graph) for name in columns}
    assert {key.neo4j for key in STORE_KEYS if key.neo4j} <= names


def test_the_page_embeds_the_schema_and_shows_the_address(sample_graph: nx.MultiDiGraph) -> None:
    data = page_data(sample_graph)
    assert data["schema"]["edgeOrder"] == [e.value for e in EdgeType]
    details = {key for key, _, show in data["schema"]["edges"]["ADDRESSED_TO"] if show == "detail"}
    assert {"address", "purpose"} <= details
    addressed = [f for statements in data["edgeFacts"] for f in statements if f.get("type") == "ADDRESSED_TO"]
    assert addressed and all("address" in f and "kind" not in f for f in addressed)
    assert all("kind" not in f for f in data["facts"].values())


def test_an_export_without_the_address_reads_as_a_new_one(sample_graph: nx.MultiDiGraph, tmp_path) -> None:
    """An export written before ``address`` existed holds only ``kind``: read back, the graph
    (and so the page, RDF and Neo4j) has the address too."""
    data = json.loads(graph_to_json(sample_graph))
    for link in data["links"]:
        link.pop("address", None)
    old = tmp_path / "old.json"
    old.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert graph_to_json(read_json(old)) == graph_to_json(sample_graph)
