"""The RDF export: URIs, vocabulary alignment, evidence on readings, formats, atomic writes."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SKOS, XSD

from vanban.cli import main
from vanban.errors import StoreError
from vanban.graph.rdf.export import to_rdflib, write_rdf
from vanban.graph.rdf.prefixes import PREFIXES
from vanban.graph.rdf.terms import ELI, VB, term
from vanban.graph.rdf.uris import UriMinter, segment
from vanban.graph.rdf.validate import ONTOLOGY
from vanban.graph.schema import EDGE_PREDICATES
from vanban.graph.vocabulary import EdgeType
from vanban.queries.lookup import find_document

BASE = "https://w3id.org/vanban/id/"


@pytest.fixture(scope="module")
def sample_rdf(sample_graph: nx.MultiDiGraph) -> Graph:
    return to_rdflib(sample_graph)


def _uri(rdf: Graph, node_id: str) -> URIRef:
    subjects = list(rdf.subjects(DCTERMS.identifier, Literal(node_id)))
    assert len(subjects) == 1, node_id
    return subjects[0]


@pytest.mark.parametrize(("node_id", "attrs", "path"), [
    ("doc:54-KL/TW", {"symbol": "54-KL/TW", "date": "2023-05-09"}, "doc/vn/2023/54-KL/TW"),
    ("doc:05-HD/TU@tinh-uy-lang-son", {"symbol": "05-HD/TU", "date": "2017-11-27"},
     "doc/tinh-uy-lang-son/2017/05-HD/TU"),
    ("doc:26-NQ/TW", {"symbol": "26-NQ/TW", "term": "XII"}, "doc/vn/xii/26-NQ/TW"),
    ("doc:12-CT/TW~XIII", {"symbol": "12-CT/TW", "date": "2017-01-01"}, "doc/vn/xiii/12-CT/TW"),
    ("doc:99-QĐ/TW", {"symbol": "99-QĐ/TW"}, "doc/vn/nd/99-Q%C4%90/TW"),
    ("doc:nghi-quyet-dai-hoi-xiii", {"title": "Nghị quyết Đại hội XIII của Đảng"},
     "named/vn/nd/nghi-quyet-dai-hoi-xiii"),
    ("doc:002_0e9743fee6540fc9.txt#0", {"title": "về thực hiện …"}, "text/002_0e9743fee6540fc9.txt/0"),
])
def test_document_uris_carry_scope_period_and_symbol(node_id: str, attrs: dict, path: str) -> None:
    assert UriMinter().document(node_id, attrs) == BASE + path


def test_uri_segments_are_percent_encoded_and_never_dot_segments() -> None:
    assert segment("Đ/..?#x y") == "%C4%90%2F..%3F%23x%20y"
    assert segment("..") == "%2E%2E" and segment(".") == "%2E"
    # NFD input gives the same URI as NFC input
    assert segment("Quy\u0301") == segment("Qu\u00fd")


def test_every_sample_uri_is_ascii_and_unique(sample_rdf: Graph, sample_graph: nx.MultiDiGraph) -> None:
    ids = {str(o): s for s, o in sample_rdf.subject_objects(DCTERMS.identifier)}
    assert set(sample_graph.nodes) <= set(ids)
    uris = [ids[n] for n in sample_graph.nodes]
    assert len(set(uris)) == len(uris)
    assert all(str(u).isascii() and " " not in u for u in uris)
    assert _uri(sample_rdf, "task:doc:54-KL/TW/6-3") == URIRef(BASE + "doc/vn/2023/54-KL/TW/task/6-3")


def test_each_prefix_names_the_namespace_of_its_terms() -> None:
    """The prefixes are plain strings (the command line lists them without loading rdflib):
    each must be the IRI of the namespace its terms are minted in."""
    namespaces = {"vb": VB, "eli": ELI, "org": ORG, "prov": PROV, "foaf": FOAF, "skos": SKOS,
                  "dcterms": DCTERMS, "rdf": RDF, "rdfs": RDFS, "xsd": XSD}
    assert {name: str(namespace) for name, namespace in namespaces.items()} == PREFIXES


def test_uri_collision_is_an_error() -> None:
    g = nx.MultiDiGraph()
    g.add_node("organ:a b", kind="Organ", name="A", collective=False)
    g.add_node("organ:a%20b", kind="Organ", name="B", collective=False)
    g.add_node("organ:x", kind="Organ", name="X", collective=False)
    assert len(to_rdflib(g.subgraph(["organ:a b", "organ:x"]).copy())) > 0
    g.add_node("doc:a", kind="Document", symbol="a")
    g.add_node("doc:a~nd", kind="Document", symbol="a")
    with pytest.raises(StoreError, match="would share the URI"):
        to_rdflib(g)


def test_unknown_node_kind_is_an_error() -> None:
    g = nx.MultiDiGraph()
    g.add_node("x:1", kind="Meeting")
    with pytest.raises(StoreError, match="unknown node kind"):
        to_rdflib(g)


def test_documents_use_eli_organs_org_people_foaf(sample_rdf: Graph, sample_graph: nx.MultiDiGraph) -> None:
    kl54 = _uri(sample_rdf, "doc:54-KL/TW")
    assert (kl54, RDF.type, ELI.LegalResource) in sample_rdf
    assert (kl54, RDF.type, VB.Document) in sample_rdf
    assert sample_rdf.value(kl54, ELI.number) == Literal("54-KL/TW")
    assert sample_rdf.value(kl54, ELI.date_document) == Literal("2023-05-09", datatype=XSD.date)
    assert sample_rdf.value(kl54, VB.docType) == Literal("Kết luận")
    assert (kl54, ELI.passed_by, _uri(sample_rdf, "organ:ban-bi-thu")) in sample_rdf
    cv = _uri(sample_rdf, find_document(sample_graph, "1154-CV/TU"))
    assert (cv, ELI.ensures_implementation_of, kl54) in sample_rdf
    ban = _uri(sample_rdf, "organ:ban-bi-thu")
    assert (ban, RDF.type, ORG.Organization) in sample_rdf
    assert sample_rdf.value(ban, SKOS.prefLabel) == Literal("Ban Bí thư")
    assert (ban, ORG.subOrganizationOf, _uri(sample_rdf, "organ:ban-chap-hanh-trung-uong")) in sample_rdf
    people = set(sample_rdf.subjects(RDF.type, FOAF.Person))
    assert len(people) == 6 and all(sample_rdf.value(p, FOAF.name) for p in people)
    assert (kl54, PROV.wasDerivedFrom, URIRef(BASE + "source/000_b60ebe935850062d.txt")) in sample_rdf


def test_every_edge_has_a_reading_with_its_evidence(sample_rdf: Graph, sample_graph: nx.MultiDiGraph) -> None:
    readings = set(sample_rdf.subjects(RDF.type, VB.Reading))
    assert len(readings) == sample_graph.number_of_edges()
    cv_id = find_document(sample_graph, "1154-CV/TU")
    cv = _uri(sample_rdf, cv_id)
    kl54 = _uri(sample_rdf, "doc:54-KL/TW")
    found = [r for r in readings if sample_rdf.value(r, RDF.subject) == cv
             and sample_rdf.value(r, RDF.object) == kl54]
    assert len(found) == 1
    reading = found[0]
    edge = sample_graph.get_edge_data(cv_id, "doc:54-KL/TW")
    (attrs,) = [a for a in edge.values() if a["type"] == "IMPLEMENTS"]
    assert sample_rdf.value(reading, RDF.predicate) == ELI.ensures_implementation_of
    assert sample_rdf.value(reading, VB.evidence) == Literal(attrs["evidence"], lang="vi")
    assert sample_rdf.value(reading, VB.spanStart).toPython() == attrs["span"][0]
    assert sample_rdf.value(reading, VB.spanEnd).toPython() == attrs["span"][1]
    assert str(sample_rdf.value(reading, VB.rule)) == attrs["rule"]
    source = sample_rdf.value(reading, PROV.wasDerivedFrom)
    assert str(sample_rdf.value(source, DCTERMS.identifier)) == attrs["source_file"] == "001_84c014d27a31ff24.txt"
    # the span points at the symbol in the source file
    assert "54-KL/TW" in attrs["evidence"]


def test_parallel_edges_stay_apart(sample_rdf: Graph, sample_graph: nx.MultiDiGraph) -> None:
    pairs: dict[tuple, int] = {}
    for u, v, d in sample_graph.edges(data=True):
        pairs[(u, v, d["type"])] = pairs.get((u, v, d["type"]), 0) + 1
    (u, v, kind), count = max(pairs.items(), key=lambda kv: kv[1])
    assert count > 1
    s, o = _uri(sample_rdf, u), _uri(sample_rdf, v)
    readings = [r for r in sample_rdf.subjects(RDF.subject, s) if sample_rdf.value(r, RDF.object) == o
                and sample_rdf.value(r, RDF.predicate) == term(EDGE_PREDICATES[EdgeType(kind)])]
    assert len(readings) == count


def test_ontology_labels_every_vanban_term_in_both_languages() -> None:
    onto = Graph().parse(ONTOLOGY, format="turtle")
    defined = {s for s in onto.subjects(RDFS.label) if str(s).startswith(str(VB._NS)) and str(s) != str(VB._NS)}
    declared = {VB[name] for name in VB.__annotations__}
    assert defined - {URIRef("https://w3id.org/vanban/ns")} == declared
    for declared_term in declared:
        langs = {label.language for label in onto.objects(declared_term, RDFS.label)}
        assert langs == {"vi", "en"}, declared_term
        assert (declared_term, RDF.type, OWL.Class) in onto or (declared_term, RDF.type, OWL.ObjectProperty) in onto \
            or (declared_term, RDF.type, OWL.DatatypeProperty) in onto
    assert (VB.Document, RDFS.subClassOf, ELI.LegalResource) in onto
    assert (VB.reportsTo, RDFS.subPropertyOf, ORG.reportsTo) in onto


def test_namespaces_are_closed() -> None:
    with pytest.raises(AttributeError):
        _ = VB.implements
    with pytest.raises(AttributeError):
        _ = ELI.implements  # deprecated in ELI; ensures_implementation_of / applies replace it


@pytest.mark.parametrize("fmt", ["turtle", "json-ld", "nt"])
@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_formats_and_engines_write_the_same_graph(fmt: str, engine: str, sample_graph: nx.MultiDiGraph,
                                                  sample_rdf: Graph, tmp_path: Path) -> None:
    out = tmp_path / f"g.{fmt}"
    count = write_rdf(sample_graph, out, fmt, engine=engine)
    back = Graph().parse(str(out), format=fmt)
    assert count == len(sample_rdf) == len(back)
    assert isomorphic(back, sample_rdf)
    assert oct(out.stat().st_mode & 0o777) == oct(0o644)


def test_write_is_atomic_on_failure(sample_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    out = tmp_path / "g.ttl"
    out.write_text("old", encoding="utf-8")
    broken = sample_graph.copy()
    broken.add_edge("doc:54-KL/TW", "organ:ban-bi-thu", type="GOSSIPS")
    with pytest.raises(StoreError, match="unknown edge type"):
        write_rdf(broken, out, engine="oxigraph")
    assert out.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["g.ttl"]


@pytest.mark.slow  # validates with SHACL
def test_cli_rdf_from_documents_and_from_json(samples_dir: Path, tmp_path: Path, capsys,
                                              sample_graph: nx.MultiDiGraph) -> None:
    ttl = tmp_path / "graph.ttl"
    assert main(["rdf", str(samples_dir), "--out", str(ttl), "--validate"]) == 0
    printed = capsys.readouterr().out
    assert "SHACL: conforms" in printed
    assert f"{sample_graph.number_of_nodes()} nodes, {sample_graph.number_of_edges()} relations" in printed
    js = tmp_path / "graph.json"
    assert main(["build", str(samples_dir), "--json", str(js)]) == 0
    nt = tmp_path / "graph.nt"
    assert main(["rdf", str(js), "--out", str(nt), "--format", "nt", "--base", "https://example.org/vb"]) == 0
    a, b = Graph().parse(str(ttl)), Graph().parse(str(nt), format="nt")
    assert len(a) == len(b)
    assert all(str(s).startswith("https://example.org/vb/") for s in b.subjects(DCTERMS.identifier))
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary file left
