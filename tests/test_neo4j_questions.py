"""Every canned question answered in Cypher equals the embedded answer, record for record.

Needs ``NEO4J_URI`` and ``NEO4J_PASSWORD``; skipped without them, failed in CI.
"""

from __future__ import annotations

import pytest

from vanban.errors import QueryError
from vanban.loaders.text import fold
from vanban.queries.cypher import QUESTION_FILES, Neo4jQuestions, cypher_files, load_cypher
from vanban.queries.lookup import find_document, find_organ
from vanban.queries.questions import QUESTIONS

pytestmark = pytest.mark.neo4j

DOCUMENTS = ["54-KL/TW", "99-QĐ/TW", "1154-CV/TU"]
ORGANS = ["Ban Dân vận Tỉnh ủy Lạng Sơn", "Ban Dân vận Trung ương",
          "Các huyện ủy, thành ủy, đảng ủy trực thuộc"]
ON_DOCUMENTS = ["implementers", "ordered", "cites", "cited-by"]
ON_ORGANS = ["reporting-chain", "tasks"]


@pytest.fixture(scope="module")
def neo4j(neo4j_store, sample_graph):
    neo4j_store.load(sample_graph)
    return Neo4jQuestions(neo4j_store)


def test_every_question_has_a_cypher_file():
    assert set(QUESTION_FILES) == set(QUESTIONS)
    assert set(QUESTION_FILES.values()) <= set(cypher_files())
    for name in QUESTION_FILES:
        text = load_cypher(name)
        assert "$" in text
    with pytest.raises(QueryError):
        load_cypher("../questions")


@pytest.mark.parametrize("question", ON_DOCUMENTS)
@pytest.mark.parametrize("subject", DOCUMENTS)
@pytest.mark.parametrize("transitive", [False, True])
def test_document_questions_match(neo4j, sample_graph, question, subject, transitive):
    document = find_document(sample_graph, subject)
    assert neo4j.find_document(subject) == document
    extra = {"transitive": transitive} if question in ("implementers", "ordered") else {}
    expected = QUESTIONS[question](sample_graph, document, **extra)
    assert neo4j.questions[question](document, **extra) == expected


@pytest.mark.parametrize("question", ON_ORGANS)
@pytest.mark.parametrize("subject", ORGANS)
def test_organ_questions_match(neo4j, sample_graph, question, subject):
    organ = find_organ(sample_graph, subject)
    assert neo4j.find_organ(subject) == organ
    assert neo4j.questions[question](organ) == QUESTIONS[question](sample_graph, organ)


@pytest.mark.parametrize("limit", [1, 3, 10, 1000])
def test_most_cited_matches(neo4j, sample_graph, limit):
    expected = QUESTIONS["most-cited"](sample_graph, limit=limit)
    assert neo4j.most_cited(limit=limit) == expected
    assert expected  # the samples cite documents


def test_the_named_subjects_give_non_trivial_answers(neo4j, sample_graph):
    """Guards the comparisons above against comparing empty lists only."""
    kl54 = find_document(sample_graph, "54-KL/TW")
    assert len(neo4j.implementers(kl54, transitive=True)) >= 2
    ordered = neo4j.ordered_not_implementing(kl54)
    assert any(not r["implemented"] for r in ordered)
    # implemented only through the collective-member rule (no document issued by the group itself)
    direct = {r["organ"] for r in neo4j._run("ordered", document=kl54, transitive=True) if r["implemented"]}
    assert any(r["collective"] and r["implemented"] and r["organ"] not in direct for r in ordered)
    assert neo4j.ordered_not_implementing(find_document(sample_graph, "1154-CV/TU"))
    assert neo4j.cites(kl54) and neo4j.cited_by(find_document(sample_graph, "99-QĐ/TW"))
    assert neo4j.assigned_tasks(find_organ(sample_graph, ORGANS[2]))


def test_every_document_and_organ_of_the_samples(neo4j, sample_graph):
    kinds = {n: d["kind"] for n, d in sample_graph.nodes(data=True)}
    compared = 0
    for node, kind in sorted(kinds.items()):
        if kind == "Document":
            for question in ON_DOCUMENTS:
                for transitive in (False, True):
                    extra = {"transitive": transitive} if question in ("implementers", "ordered") else {}
                    assert neo4j.questions[question](node, **extra) == \
                        QUESTIONS[question](sample_graph, node, **extra), (question, node, transitive)
                    compared += 1
        elif kind == "Organ":
            for question in ON_ORGANS:
                assert neo4j.questions[question](node) == QUESTIONS[question](sample_graph, node), (question, node)
                compared += 1
    assert compared > 100


def test_unknown_subjects_are_reported(neo4j):
    with pytest.raises(QueryError, match="no document"):
        neo4j.find_document("999-XX/YY")
    with pytest.raises(QueryError, match="no organ"):
        neo4j.find_organ("Bộ Không Tồn Tại")


def _same_answer(embedded, neo4j_lookup, text):
    """Both backends name the same node, or both fail with the same message."""
    try:
        expected = embedded(text)
    except QueryError as error:
        with pytest.raises(QueryError) as raised:
            neo4j_lookup(text)
        assert str(raised.value) == str(error), text
        return None
    assert neo4j_lookup(text) == expected, text
    return expected


def test_every_name_a_user_may_type_resolves_as_embedded(neo4j, sample_graph):
    """Ids, symbols (as written and spaced out), titles and their words, organ names exact,
    in other case and tones, and in part: the index lookups and the fallbacks agree."""
    found = 0
    for node, attrs in sample_graph.nodes(data=True):
        if attrs["kind"] == "Document":
            texts = [node, attrs.get("symbol"), attrs.get("title"),
                     " ".join((attrs.get("title") or "").split()[:4])]
            if attrs.get("symbol"):
                texts.append(attrs["symbol"].replace("-", " - ").lower())
            for text in filter(None, texts):
                found += _same_answer(lambda t: find_document(sample_graph, t), neo4j.find_document, text) is not None
        elif attrs["kind"] == "Organ":
            name = attrs["name"]
            for text in (node, name, name.upper(), fold(name), " ".join(name.split()[-2:])):
                found += _same_answer(lambda t: find_organ(sample_graph, t), neo4j.find_organ, text) is not None
    assert found > 100


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
        assert neo4j.find_document("54-KL/TW") == find_document(sample_graph, "54-KL/TW")
        assert neo4j.find_organ("Ban Dân vận Trung ương") == find_organ(sample_graph, "Ban Dân vận Trung ương")
    finally:
        neo4j_store.load(sample_graph)
    assert neo4j_store.read("MATCH (d:Document {symbol_key: '54-KL/TW'}) RETURN count(d) AS n")[0]["n"] == 1
