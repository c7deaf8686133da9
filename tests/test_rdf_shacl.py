"""SHACL: the samples' export conforms; broken graphs are reported. (Slow: pySHACL takes
seconds per validation; ``pytest -m "not slow"`` leaves these out.)"""

from __future__ import annotations

import networkx as nx
import pytest
from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS, RDF, XSD

from vanban.graph.rdf.export import to_rdflib
from vanban.graph.rdf.terms import ELI, VB
from vanban.graph.rdf.validate import validate

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def sample_rdf(sample_graph: nx.MultiDiGraph) -> Graph:
    return to_rdflib(sample_graph)


def _copy(rdf: Graph) -> Graph:
    out = Graph()
    for triple in rdf:
        out.add(triple)
    return out


def _subject(rdf: Graph, node_id: str):
    return next(rdf.subjects(DCTERMS.identifier, Literal(node_id)))


def test_samples_export_conforms(sample_rdf: Graph) -> None:
    result = validate(sample_rdf)
    assert result.violations == ()
    assert result.conforms


def test_document_with_two_dates_is_reported(sample_rdf: Graph) -> None:
    broken = _copy(sample_rdf)
    doc = _subject(broken, "doc:54-KL/TW")
    broken.add((doc, ELI.date_document, Literal("2023-05-10", datatype=XSD.date)))
    result = validate(broken)
    assert not result.conforms
    assert len(result.violations) == 1
    assert "date_document" in result.violations[0] and "at most one date" in result.violations[0]
    assert str(doc) in result.violations[0]


def test_task_without_document_is_reported(sample_rdf: Graph) -> None:
    broken = _copy(sample_rdf)
    task = _subject(broken, "task:doc:54-KL/TW/6-3")
    broken.remove((task, ELI.is_part_of, None))
    result = validate(broken)
    assert not result.conforms
    assert any(str(task) in v and "exactly one document" in v for v in result.violations)


def test_built_graph_with_an_orphan_task_is_reported() -> None:
    g = nx.MultiDiGraph()
    g.add_node("doc:1-KL/TW", kind="Document", symbol="1-KL/TW", date="2023-01-01", read=True,
               sources=["a.txt"], conflicts=[])
    g.add_node("task:doc:9-KL/TW/1", kind="Task", number="1", text="Làm", document="doc:9-KL/TW",
               sources=["a.txt"])
    result = validate(to_rdflib(g))
    assert not result.conforms
    assert [v for v in result.violations if "task" in v and "is_part_of" in v]


def test_unknown_property_role_and_unasserted_reading_are_reported(sample_rdf: Graph) -> None:
    broken = _copy(sample_rdf)
    organ = _subject(broken, "organ:ban-bi-thu")
    broken.add((organ, VB.place, Literal("Hà Nội")))  # not an organ property: shapes are closed
    reading = next(broken.subjects(VB.role, Literal("lead")))
    broken.set((reading, VB.role, Literal("boss")))
    implements = next(broken.subjects(RDF.predicate, ELI.ensures_implementation_of))
    s, o = broken.value(implements, RDF.subject), broken.value(implements, RDF.object)
    broken.remove((s, ELI.ensures_implementation_of, o))
    messages = "\n".join(validate(broken).violations)
    assert str(organ) in messages and "vanban/ns#place" in messages
    assert str(reading) in messages and "role" in messages
    assert f"{implements} " in messages and "not asserted" in messages
