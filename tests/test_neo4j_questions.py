"""The canned questions in Cypher: files with parameters only, index seeks for names, the
collective-member rule, stores written before lookup keys. (Every answer is compared with the
embedded one, record for record, in ``test_backend_parity.py``.)

Needs ``NEO4J_URI`` and ``NEO4J_PASSWORD``; skipped without them, failed in CI.
"""

from __future__ import annotations

import pytest

from vanban.errors import QueryError
from vanban.queries.ask import ask
from vanban.queries.cypher import Neo4jBackend, cypher_files, load_cypher
from vanban.queries.embedded import GraphBackend
from vanban.queries.lookup import find_document, find_organ
from vanban.queries.spec import QUESTIONS

pytestmark = pytest.mark.neo4j


@pytest.fixture(scope="module")
def neo4j(neo4j_store, sample_graph):
    neo4j_store.load(sample_graph)
    return Neo4jBackend(neo4j_store)


def test_every_question_has_a_cypher_file_taking_its_parameters():
    assert {q.cypher.removesuffix(".cypher") for q in QUESTIONS.values()} <= set(cypher_files())
    for spec in QUESTIONS.values():
        text = load_cypher(spec.cypher)
        assert "$" in text
        if spec.parameter:
            assert f"${spec.parameter}" in text, spec.name
        assert ("$transitive" in text) == (spec.transitive is not None), spec.name
        assert ("$limit" in text) == (spec.limit is not None), spec.name
    with pytest.raises(QueryError):
        load_cypher("../questions")


def test_the_collective_member_rule_is_applied(neo4j, sample_graph):
    """A collective addressee counts as implementing through its members' documents: rows the
    query alone (without the rule) leaves unimplemented."""
    kl54 = find_document(sample_graph, "54-KL/TW")
    ordered = ask(neo4j, "ordered", kl54)
    assert any(not r["implemented"] for r in ordered)
    direct = {r["organ"] for r in neo4j._run("ordered.cypher", directive=kl54, transitive=True) if r["implemented"]}
    assert any(r["collective"] and r["implemented"] and r["organ"] not in direct for r in ordered)


@pytest.mark.parametrize(("lookup", "parameters"), [
    ("lookup_document_exact", {"id": "doc:54-KL/TW", "symbol_key": "54-KL/TW"}),
    ("lookup_organ_exact", {"id": "organ:ban-bi-thu", "name_key": "ban bi thu"}),
])
def test_exact_lookups_are_index_seeks(neo4j_store, lookup, parameters):
    """No label scan: a national store holds hundreds of thousands of documents."""
    summary = neo4j_store.driver.execute_query("EXPLAIN " + load_cypher(lookup), parameters,
                                               database_=neo4j_store.settings.database).summary

    def operators(plan):
        yield plan["operatorType"]
        for child in plan.get("children", []):
            yield from operators(child)
    found = list(operators(summary.plan))
    assert sum("IndexSeek" in op for op in found) == 2, found
    assert not any("LabelScan" in op or "AllNodesScan" in op for op in found), found


def test_a_store_loaded_without_lookup_keys_still_resolves(neo4j, neo4j_store, sample_graph):
    """Data written before the keys existed is found by the wider lookups until reloaded."""
    neo4j_store.run("MATCH (n) WHERE n.symbol_key IS NOT NULL OR n.name_key IS NOT NULL "
                    "REMOVE n.symbol_key, n.name_key", write=True)
    try:
        assert ask(neo4j, "cited-by", "54-kl/tw") == ask(GraphBackend(sample_graph), "cited-by", "54-KL/TW")
        assert ask(neo4j, "tasks", "ban dan van trung uong")[0]["task"] in {
            r["task"] for r in ask(GraphBackend(sample_graph), "tasks", find_organ(sample_graph, "Ban Dân vận Trung ương"))}
    finally:
        neo4j_store.load(sample_graph)
    assert neo4j_store.read("MATCH (d:Document {symbol_key: '54-KL/TW'}) RETURN count(d) AS n")[0]["n"] == 1
