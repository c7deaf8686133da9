"""SPARQL: the engines take values as bindings only, report bad queries, pick rdflib or
Oxigraph; every question has its ``.rq`` file; the `vanban sparql` command. (Every answer is
compared with the embedded one, record for record, in ``test_backend_parity.py``.)"""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

from vanban.cli import main
from vanban.errors import QueryError
from vanban.graph.rdf.export import write_rdf
from vanban.graph.rdf.sparql import load_engine, open_engine
from vanban.queries.ask import ask
from vanban.queries.embedded import GraphBackend
from vanban.queries.lookup import find_document, find_organ
from vanban.queries.questions import assigned_tasks, implementers
from vanban.queries.sparql import SparqlBackend, question_text
from vanban.queries.spec import QUERY_DIR, QUESTIONS

ORGANS = ["Ban Dân vận Tỉnh ủy Lạng Sơn", "Các huyện ủy, thành ủy, đảng ủy trực thuộc",
          "Ban Dân vận Đảng ủy Khối Doanh nghiệp Trung ương", "Ban Thường vụ Tỉnh ủy Lạng Sơn"]


@pytest.fixture(scope="module", params=["rdflib", "oxigraph"])
def engine(request, sample_graph: nx.MultiDiGraph):
    return open_engine(sample_graph, engine=request.param)


def test_every_question_has_a_query_file_taking_its_bindings() -> None:
    assert {q.sparql for q in QUESTIONS.values()} == {p.name for p in QUERY_DIR.glob("*.rq")}
    for spec in QUESTIONS.values():
        text = question_text(spec.name)
        if spec.parameter:
            assert f"?{spec.parameter}" in text.split("WHERE")[0], spec.name  # projected (SEP-0007)
        assert ("?transitive" in text) == (spec.transitive is not None), spec.name


def test_answers_are_not_empty_where_the_samples_have_facts(engine, sample_graph) -> None:
    backend = SparqlBackend(engine)
    rows = ask(backend, "implementers", "54-KL/TW")
    assert {r["issuer"] for r in rows} >= {"Tỉnh ủy Lạng Sơn"}
    cv = find_document(sample_graph, "1154-CV/TU")
    assert {r["lag_days"] for r in rows if r["document"] == cv} == {34}
    ordered = ask(backend, "ordered", "54-KL/TW")
    assert any(r["implemented"] for r in ordered) and not all(r["implemented"] for r in ordered)
    assert len(ask(backend, "tasks", "Các huyện ủy, thành ủy, đảng ủy trực thuộc")) >= 5
    assert {r["depth"] for r in ask(backend, "implementers", "99-QĐ/TW", transitive=True)} == {1, 2}


def test_subjects_resolve_from_symbols_and_names_in_any_spelling(engine, sample_graph) -> None:
    backend = SparqlBackend(engine)
    assert ask(backend, "cited-by", "54-kl/tw") == ask(backend, "cited-by", "doc:54-KL/TW")
    organ = find_organ(sample_graph, "Ban Dân vận Tỉnh ủy Lạng Sơn")
    assert ask(backend, "tasks", "ban dan van tinh uy lang son") == ask(backend, "tasks", organ)
    with pytest.raises(QueryError, match="no organ"):
        ask(backend, "tasks", "Ban Không Có")


@pytest.mark.parametrize("hostile", ['54-KL/TW" } UNION { ?a ?b ?c', "54-KL/TW> . ?s ?p ?o #", "' OR 1=1"])
def test_values_are_bound_never_pasted(engine, hostile: str) -> None:
    assert SparqlBackend(engine).answer(QUESTIONS["cites"], hostile, transitive=False, limit=None) == []
    assert engine.select("SELECT ?id ?o WHERE { ?o <http://purl.org/dc/terms/identifier> ?id }",
                         {"id": hostile}) == (["o"], [])


def test_bad_query_is_a_query_error(engine) -> None:
    with pytest.raises(QueryError):
        engine.select("SELECT WHERE {", {})
    if engine.name == "oxigraph":  # pre-binding needs the variable in the projection
        with pytest.raises(QueryError, match="projection"):
            engine.select("SELECT ?o WHERE { ?o ?p ?id }", {"id": "x"})
    with pytest.raises(QueryError, match="needs a directive"):
        ask(SparqlBackend(engine), "implementers")


@pytest.fixture(scope="module")
def ttl(sample_graph, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("rdf") / "graph.ttl"
    write_rdf(sample_graph, path)
    return path


@pytest.mark.parametrize("engine_name", ["rdflib", "oxigraph"])
def test_loaded_export_answers_like_the_graph(ttl: Path, sample_graph, engine_name: str) -> None:
    backend = SparqlBackend(load_engine(ttl, engine_name))
    for text in ORGANS:
        assert ask(backend, "tasks", text) == ask(GraphBackend(sample_graph), "tasks", text)


def test_cli_sparql_resolves_names_for_questions(ttl: Path, sample_graph, capsys) -> None:
    name = "Các huyện ủy, thành ủy, đảng ủy trực thuộc"
    assert main(["sparql", "tasks", "--param", f"organ={name}", "--data", str(ttl), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and len(rows) == len(assigned_tasks(sample_graph, find_organ(sample_graph, name)))


def test_cli_sparql_named_question_with_params(ttl: Path, sample_graph, capsys) -> None:
    assert main(["sparql", "implementers", "--param", "directive=54-kl/tw", "--data", str(ttl), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    expected = implementers(sample_graph, "doc:54-KL/TW")
    assert sorted(r["document"] for r in rows) == sorted(r["document"] for r in expected)
    assert all(r["depth"] == 1 for r in rows)


def test_cli_sparql_file_text_and_from(samples_dir: Path, ttl: Path, sample_graph, capsys) -> None:
    rq = str(QUERY_DIR / "tasks.rq")
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
