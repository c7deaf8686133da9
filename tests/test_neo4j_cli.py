"""``vanban load-neo4j``, ``vanban cypher`` and the Neo4j answers behind ``--backend neo4j``.

Needs ``NEO4J_URI`` and ``NEO4J_PASSWORD``; skipped without them, failed in CI.
"""

from __future__ import annotations

import json
import os

import networkx as nx
import pytest

from vanban.cli import main
from vanban.queries.ask import ask
from vanban.queries.cypher import Neo4jBackend
from vanban.queries.embedded import GraphBackend
from vanban.queries.lookup import find_document
from vanban.queries.questions import cites

pytestmark = pytest.mark.neo4j

EVIL_ORGAN = "Ban \"}) DETACH DELETE n // {x} 'q' `y` $z"
EVIL_SYMBOL = "9'}) DETACH DELETE n //-KL/TW"
EVIL_FILE = "evil\"}) MATCH (m) DETACH DELETE m //.txt"


@pytest.fixture(scope="module")
def store(neo4j_store):
    return neo4j_store


@pytest.fixture(scope="module")
def loaded(store, samples_dir):
    """The samples loaded through the command line."""
    assert main(["load-neo4j", str(samples_dir)]) == 0
    return store


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def evil_graph() -> nx.MultiDiGraph:
    """A small graph whose names and evidence are written to break string-built Cypher."""
    g = nx.MultiDiGraph()
    g.add_node("doc:evil", kind="Document", symbol=EVIL_SYMBOL, doc_type="Kết luận", date="2024-01-02",
               title="{title: 'x'}) RETURN 1 //", place=None, term=None, scope=None,
               sources=[EVIL_FILE], read=True, conflicts=["date: \"}) DETACH DELETE n"])
    g.add_node("organ:evil", kind="Organ", name=EVIL_ORGAN, collective=False)
    g.add_node("task:doc:evil/1", kind="Task", number="1", text="Làm \"}) DETACH DELETE n //",
               document="doc:evil", sources=[EVIL_FILE])
    g.add_node("doc:54-KL/TW", kind="Document", symbol="54-KL/TW", doc_type="Kết luận", date="2023-05-09",
               title=None, place=None, term=None, scope=None, sources=[EVIL_FILE], read=False, conflicts=[])
    evidence = {"source_file": EVIL_FILE, "span": [0, 10], "evidence": "'}) DETACH DELETE n //", "rule": "x"}
    g.add_edge("doc:evil", "organ:evil", key="ISSUED_BY", type="ISSUED_BY", **evidence)
    g.add_edge("doc:evil", "task:doc:evil/1", key="HAS_TASK", type="HAS_TASK", **evidence)
    g.add_edge("task:doc:evil/1", "organ:evil", key=f"ASSIGNED_TO|lead|{EVIL_FILE}", type="ASSIGNED_TO",
               role="lead", **evidence)
    g.add_edge("doc:evil", "doc:54-KL/TW", key=f"IMPLEMENTS|{EVIL_FILE}", type="IMPLEMENTS",
               mentions=1, **evidence)
    return g


def test_load_neo4j_twice_keeps_the_counts(loaded, sample_graph, samples_dir, capsys):
    counts = loaded.counts()
    assert counts["nodes"] == sample_graph.number_of_nodes()
    code, out, _ = run(capsys, "load-neo4j", str(samples_dir))
    assert code == 0 and "nodes" in out and "removed 0 relationships and 0 nodes" in out
    assert loaded.counts() == counts


def test_build_with_neo4j_writes_the_export_and_the_database(store, samples_dir, tmp_path, capsys):
    store.clear()
    code, out, _ = run(capsys, "build", str(samples_dir), "--json", str(tmp_path / "g.json"), "--neo4j", "-q")
    assert code == 0 and "neo4j: " in out and (tmp_path / "g.json").exists()
    embedded = json.loads((tmp_path / "g.json").read_text(encoding="utf-8"))
    assert store.counts()["nodes"] == len(embedded["nodes"])


@pytest.mark.parametrize("argv", [
    ["implementers", "54-KL/TW", "--transitive"],
    ["implementers", "54-KL/TW"],
    ["ask", "ordered", "54-KL/TW"],
    ["ask", "cited-by", "99-QĐ/TW"],
    ["ask", "reporting-chain", "Ban Dân vận Tỉnh ủy Lạng Sơn"],
    ["ask", "most-cited"],
])
@pytest.mark.parametrize("json_flag", [[], ["--json"]])
def test_backend_neo4j_prints_what_the_embedded_backend_prints(loaded, samples_dir, capsys, argv, json_flag):
    _, embedded, _ = run(capsys, *argv, *json_flag, "--from", str(samples_dir))
    code, from_neo4j, err = run(capsys, *argv, *json_flag, "--backend", "neo4j")
    assert code == 0, err
    assert from_neo4j == embedded and len(embedded.splitlines()) > 1


def test_cypher_prints_a_table_or_json_records(loaded, sample_graph, capsys):
    kl54 = find_document(sample_graph, "54-KL/TW")
    code, out, _ = run(capsys, "cypher", "cites", "--param", f"document={kl54}", "--json")
    assert code == 0
    assert json.loads(out) == cites(sample_graph, kl54)
    code, out, _ = run(capsys, "cypher", "most_cited", "-p", "limit:=3")
    lines = out.splitlines()
    assert code == 0 and lines[0].split() == ["document", "label", "cited_by"] and len(lines) == 5
    code, out, _ = run(capsys, "cypher", "MATCH (d:Document) WHERE d.symbol = $s RETURN d.id AS id",
                       "-p", "s=54-KL/TW", "--json")
    assert json.loads(out) == [{"id": kl54}]


def test_cypher_reads_a_query_file(loaded, tmp_path, capsys):
    query = tmp_path / "count.cypher"
    query.write_text("// documents of a type\nMATCH (d:Document {doc_type: $type}) RETURN count(d) AS n\n",
                     encoding="utf-8")
    code, out, _ = run(capsys, "cypher", str(query), "-p", "type=Kết luận", "--json")
    assert code == 0 and json.loads(out)[0]["n"] >= 2


@pytest.mark.parametrize("query", [
    "CREATE (n:Intruder) RETURN n",
    "MATCH (n) DETACH DELETE n",
    "MERGE (n:Intruder {id: 1})",
    "MATCH (d:Document) SET d.symbol = 'x'",
])
def test_cypher_is_read_only_unless_write(loaded, capsys, query):
    counts = loaded.counts()
    symbols = loaded.read("MATCH (d:Document) RETURN collect(d.symbol) AS s")
    code, out, err = run(capsys, "cypher", query)
    assert code == 2 and out == ""
    assert "read access mode" in err
    assert loaded.counts() == counts
    assert loaded.read("MATCH (d:Document) RETURN collect(d.symbol) AS s") == symbols


def test_cypher_write_needs_the_flag(loaded, capsys):
    before = loaded.counts()["nodes"]
    assert run(capsys, "cypher", "CREATE (n:Scratch {id: $id}) RETURN n.id AS id", "-p", "id=s1",
               "--write")[0] == 0
    assert loaded.counts()["nodes"] == before + 1
    assert run(capsys, "cypher", "MATCH (n:Scratch) DELETE n", "--write")[0] == 0
    assert loaded.counts()["nodes"] == before


def test_malicious_names_are_stored_and_queried_as_plain_values(loaded, sample_graph, capsys):
    evil = evil_graph()
    combined = nx.compose(sample_graph, evil)
    # doc:54-KL/TW's attributes and sources come from the samples plus the evil file
    combined.nodes["doc:54-KL/TW"].update(sample_graph.nodes["doc:54-KL/TW"])
    combined.nodes["doc:54-KL/TW"]["sources"] = sorted([*sample_graph.nodes["doc:54-KL/TW"]["sources"], EVIL_FILE])
    loaded.load(evil, files=[EVIL_FILE])
    nodes = loaded.counts()["nodes"]
    assert nodes == combined.number_of_nodes()

    code, out, err = run(capsys, "cypher", "MATCH (o:Organ {name: $name}) RETURN o.name AS name, o.id AS id",
                         "-p", f"name={EVIL_ORGAN}", "--json")
    assert code == 0, err
    assert json.loads(out) == [{"name": EVIL_ORGAN, "id": "organ:evil"}]
    code, out, _ = run(capsys, "cypher", "MATCH (d:Document {symbol: $s}) RETURN d.symbol AS s, d.conflicts AS c",
                       "-p", f"s:={json.dumps(EVIL_SYMBOL)}", "--json")
    assert json.loads(out) == [{"s": EVIL_SYMBOL, "c": ["date: \"}) DETACH DELETE n"]}]
    code, out, _ = run(capsys, "cypher", "MATCH ()-[r {source_file: $f}]->() RETURN count(r) AS n",
                       "-p", f"f={EVIL_FILE}", "--json")
    assert json.loads(out) == [{"n": 4}]
    # the canned questions, by name, as --backend neo4j asks them
    neo4j, embedded = Neo4jBackend(loaded), GraphBackend(combined)
    assert ask(neo4j, "tasks", EVIL_ORGAN) == ask(embedded, "tasks", "organ:evil")
    assert ask(neo4j, "tasks", EVIL_ORGAN)[0]["text"].startswith("Làm \"})")
    assert ask(neo4j, "cites", "doc:evil") == ask(embedded, "cites", "doc:evil")
    assert ask(neo4j, "implementers", "54-KL/TW") == ask(embedded, "implementers", "doc:54-KL/TW")
    assert loaded.counts()["nodes"] == nodes

    # reloading the evil file with nothing in it takes its facts away again
    loaded.load(nx.MultiDiGraph(), files=[EVIL_FILE])
    assert loaded.counts()["nodes"] == sample_graph.number_of_nodes()
    assert loaded.read("MATCH (d:Document {id: 'doc:54-KL/TW'}) RETURN d.sources AS s")[0]["s"] == \
        sample_graph.nodes["doc:54-KL/TW"]["sources"]


def test_the_password_never_appears(loaded, samples_dir, capsys, caplog, monkeypatch):
    password = os.environ["NEO4J_PASSWORD"]
    seen = []
    seen.append(run(capsys, "load-neo4j", str(samples_dir)))
    seen.append(run(capsys, "cypher", "RETURN 1 AS one"))
    seen.append(run(capsys, "cypher", "CREATE (n:X)"))  # refused
    seen.append(run(capsys, "cypher", "THIS IS NOT CYPHER"))
    monkeypatch.setenv("NEO4J_USER", "vanban-test-nobody")  # a wrong login (not the real user: no lockout)
    seen.append(run(capsys, "cypher", "RETURN 1"))
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:1")
    seen.append(run(capsys, "cypher", "RETURN 1"))
    monkeypatch.delenv("NEO4J_PASSWORD")
    seen.append(run(capsys, "cypher", "RETURN 1"))
    codes = [code for code, _, _ in seen]
    assert codes == [0, 0, 2, 2, 2, 2, 2]
    assert "unauthorized" in seen[4][2] and "127.0.0.1:1" in seen[5][2] and "NEO4J_PASSWORD" in seen[6][2]
    # booleans, so that a failure never prints the password it found
    leaked = [password in out or password in err for _, out, err in seen]
    assert not any(leaked), f"the password appeared in the output of call(s) {leaked}"
    in_log = password in caplog.text
    assert not in_log, "the password appeared in the log"
