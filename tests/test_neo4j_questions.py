"""Every canned question answered in Cypher equals the embedded answer, record for record.

Needs ``NEO4J_URI`` and ``NEO4J_PASSWORD``; skipped without them, failed in CI.
"""

from __future__ import annotations

import pytest

from vanban.errors import QueryError
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
