"""Every canned question, asked of every back end, gives the same records, however the subject
is typed: networkx (the reference), SPARQL on rdflib and on Oxigraph (in memory and from a
Turtle export), and Neo4j on a real server.

Neo4j needs ``NEO4J_URI`` and ``NEO4J_PASSWORD`` (``scripts/neo4j-dev start``): without them its
cases skip with one line, and fail in CI.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from vanban.errors import QueryError
from vanban.graph.keys import fold, symbol_key
from vanban.graph.rdf.export import write_rdf
from vanban.graph.rdf.sparql import load_engine, open_engine
from vanban.queries.ask import ask, implementers_report
from vanban.queries.backend import Backend
from vanban.queries.cypher import Neo4jBackend
from vanban.queries.embedded import GraphBackend
from vanban.queries.resolve import find_documents, resolve_organ
from vanban.queries.sparql import SparqlBackend
from vanban.queries.spec import QUESTIONS

BACKENDS = ["rdflib", "oxigraph", "oxigraph-turtle", "neo4j"]
FAST = ["oxigraph", "neo4j"]  # exhaustive over every node of the samples

# Subjects of the samples, each typed as users type it: as written, in other case, spaced out,
# without diacritics (Đ folded), by id, by title words, by part of a name.
DOCUMENTS = ["54-KL/TW", "54-kl/tw", "54 - KL / TW", "doc:54-KL/TW", "99-QĐ/TW", "99-qd/tw", "1154-CV/TU",
             "21-kl/tw", "130-BS/VPQU", "01-qđi/đuk", "01-QDI/DUK", "nghi quyet dai hoi", "KẾ HOẠCH",
             "999-XX/YY"]
ORGANS = ["Ban Dân vận Trung ương", "ban dan van trung uong", "BAN DÂN VẬN TỈNH ỦY LẠNG SƠN",
          "ban dan van tinh uy lang son", "Các huyện ủy, thành ủy, đảng ủy trực thuộc",
          "cac huyen uy, thanh uy, dang uy truc thuoc", "Ban Thường vụ Tỉnh ủy Lạng Sơn",
          "organ:ban-bi-thu", "doanh nghiep trung uong", "Bộ Không Tồn Tại"]


@pytest.fixture(scope="module")
def turtle(sample_graph: nx.MultiDiGraph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("parity") / "graph.ttl"
    write_rdf(sample_graph, path)
    return path


@pytest.fixture(scope="module")
def reference(sample_graph: nx.MultiDiGraph) -> Backend:
    return GraphBackend(sample_graph)


@pytest.fixture(scope="module", params=BACKENDS)
def backend(request: pytest.FixtureRequest, sample_graph: nx.MultiDiGraph, turtle: Path) -> Iterator[Backend]:
    yield from _backend(request, request.param, sample_graph, turtle)


@pytest.fixture(scope="module", params=FAST)
def fast_backend(request: pytest.FixtureRequest, sample_graph: nx.MultiDiGraph, turtle: Path) -> Iterator[Backend]:
    yield from _backend(request, request.param, sample_graph, turtle)


def _backend(request: pytest.FixtureRequest, name: str, graph: nx.MultiDiGraph, turtle: Path) -> Iterator[Backend]:
    if name == "neo4j":
        store = request.getfixturevalue("neo4j_store")  # skips with one line without a server
        store.load(graph)
        yield Neo4jBackend(store)
    elif name == "oxigraph-turtle":
        yield SparqlBackend(load_engine(turtle, "oxigraph"))
    else:
        yield SparqlBackend(open_engine(graph, engine=name))


def _outcome(call: Callable[[], Any]) -> Any:
    """What a call gives: its value, or the message of the QueryError it raises."""
    try:
        return call()
    except QueryError as error:
        return f"QueryError: {error}"


def _cases() -> Iterator[tuple[str, str | None, bool | None]]:
    for spec in QUESTIONS.values():
        subjects: list[str | None] = (DOCUMENTS if spec.subject == "Document" else ORGANS) if spec.subject else [None]
        for subject in subjects:
            for transitive in ([False, True] if spec.transitive is not None else [None]):
                yield spec.name, subject, transitive


CASES = list(_cases())


def test_the_cases_cover_every_question_and_answer_something(reference: Backend) -> None:
    """Guards the comparisons below against comparing empty lists or errors only."""
    assert {name for name, _, _ in CASES} == set(QUESTIONS)
    outcomes = {case: _outcome(lambda c=case: ask(reference, c[0], c[1], transitive=c[2])) for case in CASES}
    assert {case[0] for case, outcome in outcomes.items() if isinstance(outcome, list) and outcome} == set(QUESTIONS)
    assert sum(isinstance(outcome, str) for outcome in outcomes.values()) >= 4  # unknown and ambiguous names
    assert len(CASES) > 100


@pytest.mark.parametrize(("question", "subject", "transitive"), CASES)
def test_every_question_and_spelling_gives_the_reference_records(backend: Backend, reference: Backend, question: str,
                                                                  subject: str | None, transitive: bool | None) -> None:
    expected = _outcome(lambda: ask(reference, question, subject, transitive=transitive))
    assert _outcome(lambda: ask(backend, question, subject, transitive=transitive)) == expected


@pytest.mark.parametrize("limit", [1, 3, 1000])
def test_most_cited_limits(backend: Backend, reference: Backend, limit: int) -> None:
    expected = ask(reference, "most-cited", limit=limit)
    assert ask(backend, "most-cited", limit=limit) == expected and expected


def test_records_have_the_declared_columns(backend: Backend) -> None:
    for name, spec in QUESTIONS.items():
        subject = {"Document": "54-KL/TW", "Organ": "Các huyện ủy, thành ủy, đảng ủy trực thuộc"}.get(
            str(spec.subject)) if spec.subject else None
        rows = ask(backend, name, subject)
        assert rows and all(tuple(row) == spec.columns for row in rows), name


def test_implementers_report(backend: Backend, reference: Backend) -> None:
    assert implementers_report(backend, "54-kl/tw", transitive=True) == \
        implementers_report(reference, "54-KL/TW", transitive=True)


def test_every_document_and_organ_by_id(fast_backend: Backend, reference: Backend,
                                        sample_graph: nx.MultiDiGraph) -> None:
    compared = 0
    for node, kind in sorted(nx.get_node_attributes(sample_graph, "kind").items()):
        for spec in QUESTIONS.values():
            if spec.subject != kind:
                continue
            for transitive in ([False, True] if spec.transitive is not None else [None]):
                expected = ask(reference, spec.name, node, transitive=transitive)
                assert ask(fast_backend, spec.name, node, transitive=transitive) == expected, (spec.name, node)
                compared += 1
    assert compared > 200


def test_every_name_a_user_may_type_resolves_alike(fast_backend: Backend, reference: Backend,
                                                   sample_graph: nx.MultiDiGraph) -> None:
    """Ids, symbols (as written, spaced out, lower case, without diacritics), titles and their
    words, organ names exact, in other case and tones, and in part: the same node, or the same
    error, on every back end."""
    found = 0
    for node, attrs in sample_graph.nodes(data=True):
        if attrs["kind"] == "Document":
            symbol, title = attrs.get("symbol"), attrs.get("title") or ""
            texts = [node, symbol, title, " ".join(title.split()[:4])]
            if symbol:
                texts += [symbol.replace("-", " - ").lower(), symbol_key(symbol)]
            for text in filter(None, texts):
                expected = _outcome(lambda t=text: find_documents(reference, t))
                assert _outcome(lambda t=text: find_documents(fast_backend, t)) == expected, text
                found += bool(expected)
        elif attrs["kind"] == "Organ":
            name = attrs["name"]
            for text in (node, name, name.upper(), fold(name), " ".join(name.split()[-2:])):
                expected = _outcome(lambda t=text: resolve_organ(reference, t))
                assert _outcome(lambda t=text: resolve_organ(fast_backend, t)) == expected, text
                found += not expected.startswith("QueryError")
    assert found > 100


def test_hostile_subjects_are_values(backend: Backend) -> None:
    """Text written to break string-built Cypher or SPARQL names nothing, on every back end."""
    for hostile in ('54-KL/TW" } UNION { ?a ?b ?c', "54-KL/TW> . ?s ?p ?o #", "' OR 1=1",
                    "x'}) DETACH DELETE n //"):
        assert _outcome(lambda h=hostile: ask(backend, "cites", h)).startswith("QueryError: no document")
        assert _outcome(lambda h=hostile: ask(backend, "tasks", h)).startswith("QueryError: no organ")
