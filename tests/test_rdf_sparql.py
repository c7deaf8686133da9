"""SPARQL: every canned question gives the same records as the Python questions, on both
engines; values are always passed as bindings; the `vanban sparql` command."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

from vanban.cli import main
from vanban.errors import QueryError
from vanban.graph.rdf.export import write_rdf
from vanban.graph.rdf.sparql import (
    QUERIES_DIR,
    QUESTION_FILES,
    ask,
    load_engine,
    open_engine,
    resolve_subject,
)
from vanban.queries.lookup import find_document, find_organ
from vanban.queries.questions import QUESTIONS

DOCUMENTS = ["54-KL/TW", "99-QĐ/TW", "1154-CV/TU", "21-KL/TW", "130-BS/VPQU"]
ORGANS = ["Ban Dân vận Tỉnh ủy Lạng Sơn", "Các huyện ủy, thành ủy, đảng ủy trực thuộc",
          "Ban Dân vận Đảng ủy Khối Doanh nghiệp Trung ương", "Ban Thường vụ Tỉnh ủy Lạng Sơn"]
DOC_QUESTIONS = ["implementers", "ordered", "cites", "cited-by"]
ORGAN_QUESTIONS = ["reporting-chain", "tasks"]


@pytest.fixture(scope="module", params=["rdflib", "oxigraph"])
def engine(request, sample_graph: nx.MultiDiGraph):
    return open_engine(sample_graph, engine=request.param)


@pytest.fixture(scope="module")
def oxigraph(sample_graph: nx.MultiDiGraph):
    return open_engine(sample_graph, engine="oxigraph")


def _python(graph, name, subject, **kw):
    return QUESTIONS[name](graph, subject, **kw) if subject is not None else QUESTIONS[name](graph)


def test_every_question_has_a_query_file() -> None:
    assert set(QUESTION_FILES) == set(QUESTIONS)
    assert {q.file for q in QUESTION_FILES.values()} == {p.name for p in QUERIES_DIR.glob("*.rq")}


@pytest.mark.parametrize("question", DOC_QUESTIONS)
@pytest.mark.parametrize("text", DOCUMENTS)
def test_document_questions_match_python(engine, sample_graph, question: str, text: str) -> None:
    doc = find_document(sample_graph, text)
    assert ask(engine, question, doc) == _python(sample_graph, question, doc)


@pytest.mark.parametrize("question", ORGAN_QUESTIONS)
@pytest.mark.parametrize("text", ORGANS)
def test_organ_questions_match_python(engine, sample_graph, question: str, text: str) -> None:
    organ = find_organ(sample_graph, text)
    assert ask(engine, question, organ) == _python(sample_graph, question, organ)


@pytest.mark.parametrize("text", ["54-KL/TW", "99-QĐ/TW"])
def test_transitive_implementers_match_python(engine, sample_graph, text: str) -> None:
    doc = find_document(sample_graph, text)
    expected = QUESTIONS["implementers"](sample_graph, doc, transitive=True)
    assert ask(engine, "implementers", doc, transitive=True) == expected
    if text == "99-QĐ/TW":
        assert {r["depth"] for r in expected} == {1, 2}


def test_most_cited_matches_python(engine, sample_graph) -> None:
    assert ask(engine, "most-cited") == QUESTIONS["most-cited"](sample_graph)
    assert ask(engine, "most-cited", limit=3) == QUESTIONS["most-cited"](sample_graph, limit=3)


def test_answers_are_not_empty_where_the_samples_have_facts(engine, sample_graph) -> None:
    kl54 = find_document(sample_graph, "54-KL/TW")
    rows = ask(engine, "implementers", kl54)
    assert {r["issuer"] for r in rows} >= {"Tỉnh ủy Lạng Sơn"}
    cv = find_document(sample_graph, "1154-CV/TU")
    assert {r["lag_days"] for r in rows if r["document"] == cv} == {34}
    ordered = ask(engine, "ordered", kl54)
    assert any(r["implemented"] for r in ordered) and not all(r["implemented"] for r in ordered)
    group = find_organ(sample_graph, "Các huyện ủy, thành ủy, đảng ủy trực thuộc")
    assert len(ask(engine, "tasks", group)) >= 5


def test_every_document_and_organ_matches_on_oxigraph(oxigraph, sample_graph) -> None:
    kinds = nx.get_node_attributes(sample_graph, "kind")
    counts = {k: list(kinds.values()).count(k) for k in ("Document", "Organ")}
    checked = 0
    for node, kind in sorted(kinds.items()):
        names = DOC_QUESTIONS if kind == "Document" else ORGAN_QUESTIONS if kind == "Organ" else []
        for name in names:
            assert ask(oxigraph, name, node) == _python(sample_graph, name, node), (name, node)
            checked += 1
    assert checked == 4 * counts["Document"] + 2 * counts["Organ"] > 100


def test_subjects_resolve_from_symbols_and_names(engine, sample_graph) -> None:
    assert resolve_subject(engine, "54-KL/TW") == "doc:54-KL/TW"
    assert resolve_subject(engine, "doc:54-KL/TW") == "doc:54-KL/TW"
    organ = find_organ(sample_graph, "Ban Dân vận Tỉnh ủy Lạng Sơn")
    assert resolve_subject(engine, "Ban Dân vận Tỉnh ủy Lạng Sơn") == organ
    with pytest.raises(QueryError, match="no document or organ"):
        resolve_subject(engine, "Ban Không Có")


@pytest.mark.parametrize("hostile", ['54-KL/TW" } UNION { ?a ?b ?c', "54-KL/TW> . ?s ?p ?o #", "' OR 1=1"])
def test_values_are_bound_never_pasted(engine, hostile: str) -> None:
    assert ask(engine, "cites", hostile) == []
    assert engine.select("SELECT ?id ?o WHERE { ?o <http://purl.org/dc/terms/identifier> ?id }",
                         {"id": hostile}) == (["o"], [])


def test_bad_query_is_a_query_error(engine) -> None:
    with pytest.raises(QueryError):
        engine.select("SELECT WHERE {", {})
    if engine.name == "oxigraph":  # pre-binding needs the variable in the projection
        with pytest.raises(QueryError, match="projection"):
            engine.select("SELECT ?o WHERE { ?o ?p ?id }", {"id": "x"})
    with pytest.raises(QueryError, match="needs a directive"):
        ask(engine, "implementers")


@pytest.fixture(scope="module")
def ttl(sample_graph, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("rdf") / "graph.ttl"
    write_rdf(sample_graph, path)
    return path


@pytest.mark.parametrize("engine_name", ["rdflib", "oxigraph"])
def test_loaded_export_answers_like_the_graph(ttl: Path, sample_graph, engine_name: str) -> None:
    engine = load_engine(ttl, engine_name)
    for text in ORGANS:
        organ = find_organ(sample_graph, text)
        assert ask(engine, "tasks", organ) == QUESTIONS["tasks"](sample_graph, organ)


def test_cli_sparql_resolves_names_for_questions(ttl: Path, sample_graph, capsys) -> None:
    name = "Các huyện ủy, thành ủy, đảng ủy trực thuộc"
    assert main(["sparql", "tasks", "--param", f"organ={name}", "--data", str(ttl), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and len(rows) == len(QUESTIONS["tasks"](sample_graph, find_organ(sample_graph, name)))


def test_cli_sparql_named_question_with_params(ttl: Path, sample_graph, capsys) -> None:
    assert main(["sparql", "implementers", "--param", "directive=54-KL/TW", "--data", str(ttl), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    expected = QUESTIONS["implementers"](sample_graph, "doc:54-KL/TW")
    assert sorted(r["document"] for r in rows) == sorted(r["document"] for r in expected)
    assert all(r["depth"] == 1 for r in rows)


def test_cli_sparql_file_text_and_from(samples_dir: Path, ttl: Path, sample_graph, capsys) -> None:
    rq = str(QUERIES_DIR / "tasks.rq")
    organ = find_organ(sample_graph, "Ban Dân vận Tỉnh ủy Lạng Sơn")
    assert main(["sparql", rq, "--param", f"organ={organ}", "--from", str(samples_dir)]) == 0
    table = capsys.readouterr().out
    cv = find_document(sample_graph, "1154-CV/TU")
    assert f"task:{cv}/6-4" in table and "lead" in table
    query = "SELECT ?n WHERE { ?d <http://data.europa.eu/eli/ontology#number> ?n ; " \
            "<http://data.europa.eu/eli/ontology#date_document> ?date } ORDER BY ?n LIMIT 2"
    assert main(["sparql", query, "--data", str(ttl), "--engine", "oxigraph", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == [{"n": "01-KL/TW"}, {"n": "01-QĐi/ĐUK"}]


def test_cli_sparql_errors(tmp_path: Path, capsys) -> None:
    assert main(["sparql", "most-cited", "--data", str(tmp_path / "none.ttl")]) == 2
    assert "no RDF export" in capsys.readouterr().err
    assert main(["sparql", "most-cited", "--param", "=x", "--data", str(tmp_path / "none.ttl")]) == 2
