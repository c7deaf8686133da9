"""The Neo4j store on a real server: idempotent loads, replacing a file's facts, property fidelity.

Needs ``NEO4J_URI`` and ``NEO4J_PASSWORD`` (``scripts/neo4j-dev start``); skipped without them,
failed in CI. The module starts from an empty database and re-created constraints.
"""

from __future__ import annotations

import os
import shutil

import pytest

from vanban.errors import StoreError
from vanban.graph.neo4j import (
    STORE_EDGE_PROPERTIES,
    STORE_NODE_PROPERTIES,
    Neo4jSettings,
    Neo4jStore,
    edge_id,
    from_properties,
)
from vanban.graph.vocabulary import EdgeType, NodeKind
from vanban.pipeline import build_graph, read_inputs

from .conftest import SAMPLES

pytestmark = pytest.mark.neo4j

CHANGED = "001_84c014d27a31ff24.txt"
REMOVED_TEXT = " gắn với thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVII"
REMOVED_TITLE = "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVII"  # cited by that sentence only


@pytest.fixture(scope="module")
def store(neo4j_store):
    return neo4j_store


def stored_nodes(store: Neo4jStore) -> dict[str, dict]:
    rows = store.read("MATCH (n) RETURN n.id AS id, labels(n) AS labels, properties(n) AS props")
    return {r["id"]: {"labels": r["labels"], **r["props"]} for r in rows}


def stored_edges(store: Neo4jStore) -> dict[str, dict]:
    rows = store.read("MATCH (a)-[r]->(b) RETURN a.id AS source, b.id AS target, type(r) AS type, "
                      "properties(r) AS props")
    return {r["props"]["edge_id"]: {"source": r["source"], "target": r["target"], "type": r["type"],
                                    **r["props"]} for r in rows}


def test_schema_has_a_uniqueness_constraint_on_every_merge_key(store):
    store.ensure_schema()  # a second time: IF NOT EXISTS
    rows = store.read("SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties "
                      "RETURN name, type, labelsOrTypes, properties")
    unique = {(r["labelsOrTypes"][0], tuple(r["properties"])) for r in rows if "UNIQUENESS" in r["type"]}
    assert {(k.value, ("id",)) for k in NodeKind} <= unique
    assert {(e.value, ("edge_id",)) for e in EdgeType} <= unique


def test_loading_twice_leaves_identical_counts(store, sample_graph):
    store.clear()
    first = store.load(sample_graph)
    counts = store.counts()
    second = store.load(sample_graph)
    assert store.counts() == counts
    assert counts["nodes"] == sample_graph.number_of_nodes()
    assert counts["relationships"] == sample_graph.number_of_edges()
    assert first.nodes == second.nodes == sample_graph.number_of_nodes()
    assert second.relationships_removed == 0 and second.nodes_removed == 0


def test_clearing_a_hub_deletes_its_relationships_in_bounded_batches(store):
    """A hub with more relationships than one batch (a directive every body implements) is
    cleared in several transactions, relationships first, and nothing is left."""
    store.clear()
    store._write("CREATE (hub:Document {id: 'hub'}) WITH hub UNWIND range(1, $n) AS i "
                 "CREATE (:Document {id: 'spoke-' + toString(i)})-[:IMPLEMENTS {edge_id: toString(i)}]->(hub)",
                 n=250)
    assert store.counts()["relationships"] == 250
    store.clear(batch_size=40)
    counts = store.counts()
    assert counts["nodes"] == 0 and counts["relationships"] == 0


def test_a_load_raced_by_another_writer_merges_what_it_meant_to_create(store, sample_graph):
    """Nodes and relationships another writer creates between the lookup of what the database
    holds and the writes break the uniqueness constraints; those batches become merges."""
    class Raced(Neo4jStore):
        def _held(self, statement, ids, session):
            return set()  # as if the lookup ran just before another writer loaded everything

    store.clear()
    store.load(sample_graph)
    counts = store.counts()
    with Raced(store.settings) as raced:
        report = raced.load(sample_graph)
    assert store.counts() == counts
    assert report.nodes == sample_graph.number_of_nodes()
    assert report.relationships == sample_graph.number_of_edges()


def test_every_node_and_edge_is_stored_with_all_its_attributes(store, sample_graph):
    store.clear()
    store.load(sample_graph)
    nodes, edges = stored_nodes(store), stored_edges(store)
    assert set(nodes) == set(sample_graph.nodes)
    for node, attrs in sample_graph.nodes(data=True):
        stored = nodes[node]
        assert stored.pop("labels") == [attrs["kind"]]
        assert from_properties(stored, STORE_NODE_PROPERTIES) == {
            "id": node, **{k: v for k, v in attrs.items() if v is not None}}, node
    assert len(edges) == sample_graph.number_of_edges()
    for source, target, key, attrs in sample_graph.edges(keys=True, data=True):
        stored = edges[edge_id(source, target, key)]
        assert (stored.pop("source"), stored.pop("target"), stored.pop("type")) == (source, target, attrs["type"])
        assert stored["key"] == key
        assert from_properties(stored, STORE_EDGE_PROPERTIES) == {  # a span pair comes back a list
            k: list(v) if isinstance(v, tuple) else v for k, v in attrs.items() if v is not None and k != "type"}
    assert any(e.get("evidence") and isinstance(e.get("span"), list) for e in edges.values())


def test_reloading_a_changed_file_replaces_only_its_facts(store, samples_dir, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(samples_dir, corpus)
    store.clear()
    before = read_inputs([corpus])
    graph = build_graph(before.facts)
    store.load(graph, files=[f.source_file for f in before.facts])
    old_nodes, old_edges = stored_nodes(store), stored_edges(store)
    removed = [n for n, d in graph.nodes(data=True) if d.get("title") == REMOVED_TITLE]
    assert len(removed) == 1 and removed[0] in old_nodes

    path = corpus / CHANGED
    text = path.read_text(encoding="utf-8")
    assert text.count(REMOVED_TEXT) == 1
    path.write_text(text.replace(REMOVED_TEXT, ""), encoding="utf-8")
    changed = read_inputs([path])
    report = store.load(build_graph(changed.facts), files=[CHANGED])

    nodes, edges = stored_nodes(store), stored_edges(store)
    expected = build_graph(read_inputs([corpus]).facts)  # a full rebuild after the change
    assert set(nodes) == set(expected.nodes)
    assert set(edges) == {edge_id(u, v, k) for u, v, k in expected.edges(keys=True)}
    assert removed[0] not in nodes
    assert [e for e in old_edges.values() if e["target"] == removed[0]]
    assert not [e for e in edges.values() if e["target"] == removed[0]]
    assert report.relationships_removed >= 1 and report.nodes_removed >= 1
    # what the other files stated is untouched, evidence and all
    others = {k: v for k, v in old_edges.items() if v.get("source_file") not in (CHANGED, None)}
    assert others and all(edges[k] == v for k, v in others.items())
    # the changed file's surviving facts now carry its new offsets
    moved = [k for k, v in edges.items() if v.get("source_file") == CHANGED and k in old_edges
             and v["span"] != old_edges[k]["span"]]
    assert moved
    # the sources of shared documents still list every file
    assert nodes["doc:54-KL/TW"]["sources"] == expected.nodes["doc:54-KL/TW"]["sources"]


@pytest.mark.parametrize("gone", [p.name for p in sorted(SAMPLES.glob("*.txt"))])
def test_reloading_a_file_with_every_fact_gone_leaves_the_others(store, sample_graph, samples_dir, gone):
    """Nodes only that file named go, with the organs and parents only they referred to. Facts
    another file states too stay (002 repeats the whole of 54-KL/TW that 000 holds)."""
    store.clear()
    store.load(sample_graph)
    store.load(build_graph([]), files=[gone])
    expected = build_graph([f for f in read_inputs([samples_dir]).facts if f.source_file != gone])
    assert set(stored_nodes(store)) == set(expected.nodes)
    assert set(stored_edges(store)) == {edge_id(u, v, k) for u, v, k in expected.edges(keys=True)}


def test_connection_errors_never_show_the_password(monkeypatch):
    secret = "pw-Never-Printed-42"
    settings = Neo4jSettings.from_env({"NEO4J_URI": "bolt://127.0.0.1:1", "NEO4J_PASSWORD": secret})
    assert secret not in repr(settings) and secret not in str(settings)
    with Neo4jStore(settings) as closed, pytest.raises(StoreError) as error:
        closed.ping()
    assert "127.0.0.1:1" in str(error.value) and secret not in str(error.value)
    uri = os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687")
    wrong = Neo4jSettings(uri=uri, user="vanban-test-nobody", password=secret)
    with Neo4jStore(wrong) as denied, pytest.raises(StoreError) as error:
        denied.ping()
    assert secret not in str(error.value)
    with pytest.raises(StoreError, match="NEO4J_PASSWORD is not set"):
        Neo4jSettings.from_env({"NEO4J_URI": uri})


@pytest.mark.parametrize("backwards", [False, True])
def test_loading_files_one_at_a_time_gives_the_same_graph(store, sample_graph, samples_dir, backwards):
    """Forwards, 54-KL/TW is read (000) before files that only mention it; backwards, every
    file's name is inserted in front of the names already in ``sources``."""
    store.clear()
    facts = sorted(read_inputs([samples_dir]).facts, key=lambda f: f.source_file, reverse=backwards)
    for one in facts:
        store.load(build_graph([one]), files=[one.source_file])
    nodes, edges = stored_nodes(store), stored_edges(store)
    assert set(nodes) == set(sample_graph.nodes)
    assert set(edges) == {edge_id(u, v, k) for u, v, k in sample_graph.edges(keys=True)}
    for node, attrs in sample_graph.nodes(data=True):
        if "sources" in attrs:
            assert nodes[node]["sources"] == attrs["sources"], node  # merged, sorted, distinct
    # a document read in one file keeps its own attributes when later files only mention it
    kl54 = sample_graph.nodes["doc:54-KL/TW"]
    assert {k: nodes["doc:54-KL/TW"].get(k) for k in ("title", "place", "read")} == \
        {k: kl54[k] for k in ("title", "place", "read")}
