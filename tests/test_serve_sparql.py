"""``/sparql``: the SPARQL 1.1 protocol over the samples' RDF in Oxigraph, asked by stock clients.

rdflib's SPARQLStore and plain HTTP get the answers ``vanban sparql`` prints; updates and
SERVICE are refused before anything runs; a query that outlives the timeout is stopped and
the next one is answered.
"""

from __future__ import annotations

import csv
import io
import json
import urllib.error
import urllib.parse
import urllib.request

import pytest
from rdflib import RDF, Graph, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore

from vanban.cli import main
from vanban.graph.export import write_json
from vanban.graph.rdf.export import to_rdflib
from vanban.graph.rdf.terms import VB
from vanban.queries.sparql import question_text, refusal
from vanban.queries.spec import QUESTIONS
from vanban.serve import ServeOptions, close, prepare, serving
from vanban.serve.sparql import Choice, negotiate


@pytest.fixture(scope="module")
def endpoint(sample_graph):
    state = prepare(sample_graph, ServeOptions(timeout=5), wait=True)
    assert state.sparql.state == "ready", state.sparql.reason
    with serving(state) as base:
        yield base + "/sparql"
    close(state)


@pytest.fixture(scope="module")
def export(sample_graph, tmp_path_factory):
    path = tmp_path_factory.mktemp("sparql") / "graph.json"
    write_json(sample_graph, path)
    return path


def _cli(capsys, *args: str) -> list[dict]:
    assert main(["sparql", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def _http(url: str, data: bytes | None = None, headers: dict[str, str] | None = None) -> tuple[int, str, str]:
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.headers.get("content-type", ""), response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("content-type", ""), error.read().decode("utf-8")


def _rows(result) -> list[dict]:
    names = [str(v) for v in result.vars]
    return [
        {n: (None if row[i] is None else row[i].toPython()) for i, n in enumerate(names)} for row in result
    ]


def _same(records: list[dict]) -> list[tuple]:
    return sorted(tuple(sorted((k, str(v)) for k, v in r.items() if v is not None)) for r in records)


def _records(name: str, rows: list[dict]) -> list[dict]:
    """SPARQL solutions as the question's records (its columns, from the variables that hold them)."""
    spec = QUESTIONS[name]
    return [{key: row.get(spec.sparql_column(key)) for key in spec.columns} for row in rows]


def test_a_stock_client_gets_the_command_lines_answer(endpoint, export, capsys):
    """most-cited (no subject) through rdflib's SPARQLStore equals ``vanban sparql most-cited``."""
    expected = _cli(capsys, "most-cited", "--from", str(export))
    text = question_text("most-cited") + f"\nLIMIT {len(expected)}"  # the CLI keeps the question's first rows
    store = SPARQLStore(query_endpoint=endpoint, returnFormat="json")
    got = _records("most-cited", _rows(Graph(store=store).query(text)))
    assert expected and [_same([r]) for r in got] == [_same([r]) for r in expected]


def test_a_question_with_its_subject_written_in(endpoint, export, capsys):
    """cited-by 54-KL/TW: the CLI binds ?document; a plain HTTP client writes it as VALUES."""
    expected = _cli(capsys, "cited-by", "--param", "document=54-KL/TW", "--from", str(export))
    text = question_text("cited-by").replace("WHERE {", 'WHERE {\n  VALUES ?document { "doc:54-KL/TW" }', 1)
    status, media, body = _http(
        endpoint + "?" + urllib.parse.urlencode({"query": text}),
        headers={"Accept": "application/sparql-results+json"},
    )
    assert status == 200 and media.startswith("application/sparql-results+json")
    data = json.loads(body)
    got = _records("cited-by", [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]])
    assert expected and _same(got) == _same(expected)
    store = SPARQLStore(query_endpoint=endpoint)  # rdflib's default: XML results
    assert _same(_records("cited-by", _rows(Graph(store=store).query(text)))) == _same(expected)


FREE_TEXT = """PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?symbol ?issuer WHERE { ?d eli:number ?symbol ; eli:passed_by ?o . ?o skos:prefLabel ?issuer }
ORDER BY ?symbol ?issuer"""


def test_a_query_of_ones_own_gets_the_command_lines_answer(endpoint, export, capsys):
    expected = _cli(capsys, FREE_TEXT, "--from", str(export))
    store = SPARQLStore(query_endpoint=endpoint, returnFormat="csv")
    got = _rows(Graph(store=store).query(FREE_TEXT))
    assert len(expected) > 5 and got == expected


COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@pytest.mark.parametrize(
    ("how", "accept", "parse"),
    [
        (
            "get",
            "application/sparql-results+json",
            lambda b: json.loads(b)["results"]["bindings"][0]["n"]["value"],
        ),
        ("get", "text/csv", lambda b: list(csv.reader(io.StringIO(b)))[1][0]),
        ("form", "text/tab-separated-values", lambda b: b.splitlines()[1]),
        (
            "body",
            "application/sparql-results+xml",
            lambda b: b.split("<literal")[1].split(">")[1].split("<")[0],
        ),
    ],
)
def test_get_and_post_in_every_results_format(endpoint, sample_graph, how, accept, parse):
    if how == "get":
        answer = _http(endpoint + "?" + urllib.parse.urlencode({"query": COUNT}), headers={"Accept": accept})
    elif how == "form":
        answer = _http(
            endpoint,
            urllib.parse.urlencode({"query": COUNT}).encode(),
            {"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"},
        )
    else:
        answer = _http(
            endpoint, COUNT.encode(), {"Accept": accept, "Content-Type": "application/sparql-query"}
        )
    status, media, body = answer
    assert status == 200 and media.startswith(accept)
    count = int(parse(body).strip().split("^^")[0].strip('"'))
    assert count > sample_graph.number_of_nodes() + sample_graph.number_of_edges()


@pytest.mark.parametrize(
    ("data", "query"),
    [
        ({"update": "INSERT DATA { <http://a/b> <http://a/c> <http://a/d> }"}, None),
        (None, "INSERT DATA { <http://a/b> <http://a/c> <http://a/d> }"),
        (None, "PREFIX ex: <http://a/> DELETE WHERE { ?s ?p ?o }"),
        (None, "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }"),
        (None, "SELECT * WHERE { service  silent  ?endpoint { ?s ?p ?o } }"),
    ],
)
def test_updates_and_federation_are_refused(endpoint, data, query):
    fields = data or {"query": query}
    status, _, body = _http(
        endpoint,
        urllib.parse.urlencode(fields).encode(),
        {"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert status == 403 and "refused" in body
    status, _, _ = _http(
        endpoint,
        b"INSERT DATA { <http://a/b> <http://a/c> 1 }",
        {"Content-Type": "application/sparql-update"},
    )
    assert status == 403
    status, _, body = _http(
        endpoint + "?" + urllib.parse.urlencode({"query": "ASK { <http://a/b> ?p ?o }"}),
        headers={"Accept": "application/sparql-results+json"},
    )
    assert status == 200 and json.loads(body)["boolean"] is False  # nothing was written


def test_bad_queries_and_formats_get_clear_errors(endpoint):
    status, _, body = _http(endpoint + "?" + urllib.parse.urlencode({"query": "SELECT ?x WHERE {"}))
    assert status == 400 and body.strip()
    status, _, body = _http(
        endpoint + "?" + urllib.parse.urlencode({"query": COUNT}), headers={"Accept": "image/png"}
    )
    assert status == 406
    status, _, _ = _http(endpoint)
    assert status == 400


def test_a_query_that_runs_too_long_is_stopped_and_the_next_answered(endpoint):
    endless = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    status, _, body = _http(endpoint + "?" + urllib.parse.urlencode({"query": endless}))
    assert status == 504 and "stopped" in body
    status, _, body = _http(
        endpoint + "?" + urllib.parse.urlencode({"query": COUNT}),
        headers={"Accept": "application/sparql-results+json"},
    )
    assert status == 200 and json.loads(body)["results"]["bindings"]


def test_a_graph_result_is_turtle(endpoint):
    query = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 5"
    status, media, body = _http(
        endpoint + "?" + urllib.parse.urlencode({"query": query}), headers={"Accept": "text/turtle"}
    )
    assert status == 200 and media.startswith("text/turtle")
    assert len(Graph().parse(data=body, format="turtle")) == 5


@pytest.mark.parametrize(
    ("query", "refused"),
    [
        ("SELECT ?service WHERE { ?service <http://x/p> ?o }", False),
        ('SELECT * WHERE { ?s <http://x/SERVICE> "SERVICE" } # SERVICE', False),
        ("PREFIX ex: <http://x/> SELECT * WHERE { ?s ex:delete ?o }", False),
        ("SELECT * WHERE { ?s ?p ?o . SERVICE<http://x/>{ ?s ?p ?o } }", True),
        ("select * where { Service ?x { ?s ?p ?o } }", True),
        ("SELECT * WHERE { ?s ?p ?o . \\u0053ERVICE <http://x/> { ?s ?p ?o } }", True),
        ("SELECT * FROM <http://example.org/g.ttl> WHERE { ?s ?p ?o }", True),
        ("CLEAR ALL", True),
        ("LOAD <http://example.org/data.ttl>", True),
    ],
)
def test_the_endpoint_refuses_what_vanban_sparql_refuses(endpoint, query, refused):
    """Keywords, not names: the endpoint refuses exactly what :func:`refusal` refuses."""
    status, _, body = _http(endpoint + "?" + urllib.parse.urlencode({"query": query + " LIMIT 1"}))
    assert (status == 403) is refused, body
    assert (refusal(query) is not None) is refused


def test_negotiation_follows_quality_for_each_kind_of_result():
    assert negotiate("text/csv, application/sparql-results+json;q=0.5", None).results.name == "csv"
    assert negotiate("application/sparql-results+json;q=0, text/csv;q=0.1", None).results.name == "csv"
    both = negotiate("application/rdf+xml, application/sparql-results+xml", None)  # rdflib's SPARQLStore
    assert (both.results.name, both.graph.name) == ("xml", "rdfxml")
    assert negotiate(None, "tsv").results.name == "tsv"
    assert negotiate("image/png", None) == negotiate(None, "png") == Choice(None, None)


def test_a_reading_and_a_source_file_of_the_export_open_their_pages(endpoint, sample_graph):
    """The RDF export's readings (one file's statement of a relation) and source files have
    pages too, at their URIs' paths; a reading is looked up in the SPARQL store."""
    rdf = to_rdflib(sample_graph)
    base = endpoint.removesuffix("/sparql")
    evidence = URIRef(str(VB.evidence))
    readings = sorted(r for r in rdf.subjects(RDF.type, URIRef(str(VB.Reading))) if rdf.value(r, evidence))
    for reading in readings[:5]:
        status, _, page = _http(base + urllib.parse.urlsplit(str(reading)).path, headers={"Accept": "text/html"})
        sentence = str(rdf.value(reading, evidence))
        assert status == 200 and sentence.replace("&", "&amp;").replace('"', "&#34;")[:40] in page
    source = next(iter(rdf.subjects(RDF.type, URIRef(str(VB.SourceFile)))))
    status, _, page = _http(base + "/search?" + urllib.parse.urlencode({"q": str(source)}))
    assert status == 200 and "Documents read from it or mentioned in it" in page
