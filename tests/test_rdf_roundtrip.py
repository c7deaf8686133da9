"""Round trip: an RDF export read back is the same graph."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import networkx as nx
import pytest

from vanban.graph.rdf.export import write_rdf
from vanban.graph.rdf.reader import read_rdf
from vanban.queries.lookup import find_document

LIST_ATTRS = ("sources", "conflicts")  # multi-valued: they come back sorted


def _normal(attrs: dict) -> dict:
    return {k: sorted(v) if k in LIST_ATTRS else v for k, v in attrs.items()}


@pytest.fixture(scope="module", params=[("turtle", "ttl", "oxigraph"), ("nt", "nt", "rdflib"),
                                        ("json-ld", "jsonld", "oxigraph")])
def back(request, sample_graph, tmp_path_factory) -> nx.MultiDiGraph:
    fmt, suffix, engine = request.param
    path = tmp_path_factory.mktemp("rt") / f"graph.{suffix}"
    write_rdf(sample_graph, path, fmt, engine=engine)
    return read_rdf(path)


def test_counts_by_kind_and_type_survive(back, sample_graph) -> None:
    def kinds(g):
        return Counter(d["kind"] for _, d in g.nodes(data=True))

    def types(g):
        return Counter(d["type"] for _, _, d in g.edges(data=True))

    assert kinds(back) == kinds(sample_graph)
    assert set(kinds(back)) == {"Document", "Organ", "Person", "Task"}
    assert types(back) == types(sample_graph)
    assert len(types(back)) == 10
    assert back.number_of_edges() == sample_graph.number_of_edges() > 200


def test_every_node_and_edge_is_the_same(back, sample_graph) -> None:
    assert set(back.nodes) == set(sample_graph.nodes)
    for node, attrs in sample_graph.nodes(data=True):
        assert back.nodes[node] == _normal(attrs), node
    ours = {(u, v, k): d for u, v, k, d in sample_graph.edges(keys=True, data=True)}
    theirs = {(u, v, k): d for u, v, k, d in back.edges(keys=True, data=True)}
    assert theirs == ours


def test_sample_facts(back) -> None:
    kl54 = back.nodes["doc:54-KL/TW"]
    assert (kl54["symbol"], kl54["doc_type"], kl54["date"], kl54["term"]) == ("54-KL/TW", "Kết luận", "2023-05-09", "XIII")
    assert back.nodes["doc:05-CT/TW"]["conflicts"][0].startswith("date: 2015-05-15 and 2016-05-15")
    (edge,) = [d for d in back.get_edge_data(find_document(back, "1154-CV/TU"), "doc:54-KL/TW").values()
               if d["type"] == "IMPLEMENTS"]
    assert edge["source_file"] == "001_84c014d27a31ff24.txt" and "54-KL/TW" in edge["evidence"]
    signed = [d for _, _, d in back.out_edges("doc:002_0e9743fee6540fc9.txt#0", data=True) if d["type"] == "SIGNED_BY"]
    assert signed[0]["capacity"] == "T/M BAN THƯỜNG VỤ" and signed[0]["title"] == "PHÓ BÍ THƯ"
    roles = {d["role"] for _, _, d in back.edges(data=True) if d["type"] == "ASSIGNED_TO"}
    assert roles <= {"lead", "coordinate", "perform"} and "lead" in roles
    reports = [d for _, _, d in back.edges(data=True) if d["type"] == "REPORTS_TO"]
    assert all(d["document"] in back for d in reports)
    assert back.nodes["task:doc:54-KL/TW/6-3"]["document"] == "doc:54-KL/TW"


def test_unknown_file_type_is_an_error(tmp_path: Path) -> None:
    from vanban.errors import StoreError

    (tmp_path / "g.xml").write_text("<rdf/>", encoding="utf-8")
    with pytest.raises(StoreError, match="unknown RDF file type"):
        read_rdf(tmp_path / "g.xml")
