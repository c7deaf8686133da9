"""The HTML page as text: self-contained, escaped, styled from the closed vocabulary; and the CLI."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import re
import statistics

import networkx as nx
import pytest

from vanban.cli import main
from vanban.errors import QueryError
from vanban.graph.export import read_json, write_json
from vanban.graph.vocabulary import EdgeType, NodeKind
from vanban.queries.lookup import find_document
from vanban.queries.questions import implementing_documents
from vanban.visualize import neighbourhood, only_kinds, render_html, write_html
from vanban.visualize.assets import HERE
from vanban.visualize.force import force_layout
from vanban.visualize.layout import radial_layout
from vanban.visualize.page import page_data, script_json
from vanban.visualize.placement import place
from vanban.visualize.style import EDGE_STYLES, NODE_STYLES
from vanban.visualize.synthetic import synthetic_graph
from vanban.visualize.trees import implementation_tree, implementation_trees


def _data(html: str) -> dict:
    block = re.search(r'<script id="vanban-data" type="application/json">(.*?)</script>', html, re.S)
    return json.loads(block.group(1))


@pytest.fixture(scope="module")
def samples_html(sample_graph) -> str:
    return render_html(sample_graph, title="samples")


def test_page_has_no_external_resource(samples_html):
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", samples_html, re.I)
    assert not re.search(r"url\((?!['\"]?data:)", samples_html)
    assert "@import" not in samples_html
    assert len(re.findall(r"^<script", samples_html, re.M)) == 3


def test_csp_forbids_requests_and_allows_exactly_the_inline_scripts(samples_html):
    csp = html.unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', samples_html).group(1))
    assert "default-src 'none'" in csp and "unsafe-eval" not in csp
    scripts = re.findall(r"<script>(.*?)</script>", samples_html, re.S)
    assert len(scripts) == 2
    for script in scripts:
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp


def test_page_carries_every_node_edge_and_fact(samples_html, sample_graph):
    data = _data(samples_html)
    assert {n["id"] for n in data["nodes"]} == set(sample_graph.nodes)
    relations = {(u, v, d["type"]) for u, v, d in sample_graph.edges(data=True)}
    assert len(data["edges"]) == len(data["edgeFacts"]) == len(relations)  # one line per relation
    assert {(e["from"], e["to"], e["type"]) for e in data["edges"]} == relations
    statements = [f for line in data["edgeFacts"] for f in line]
    assert len(statements) == sample_graph.number_of_edges()  # every statement on its line
    assert any(len(line) > 1 for line in data["edgeFacts"])  # 54-KL/TW's issuer, named in several files
    evidence = {d["evidence"] for _, _, d in sample_graph.edges(data=True) if d.get("evidence")}
    assert evidence == {f["evidence"] for f in statements if "evidence" in f}
    labels = {n["id"]: n["text"] for n in data["nodes"]}
    assert labels["doc:54-KL/TW"] == "54-KL/TW"
    assert not any("label" in n for n in data["nodes"])  # the page draws labels, vis-network does not
    assert all(len(label) <= 32 for label in labels.values())


def test_every_page_is_laid_out_in_python_and_a_large_one_hides_tasks_and_isolated_nodes():
    small = page_data(synthetic_graph(200, seed=1))
    assert small["options"]["physics"]["enabled"] is False and not small["large"]
    assert small["hidden"] == {"kinds": [], "isolated": False}
    graph = synthetic_graph(200, seed=1)
    graph.add_node("organ:alone", kind="Organ", name="Ban Một Mình", collective=False)
    large = page_data(graph, large_threshold=100)
    assert large["large"] and large["hidden"] == {"kinds": ["Task"], "isolated": True}
    assert large["options"]["interaction"]["hideEdgesOnDrag"] is True
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in large["nodes"])
    isolated = {n["id"] for n in large["nodes"] if n["isolated"]}
    assert "organ:alone" in isolated and not any(graph.nodes[n]["kind"] == "Task" for n in isolated)


def test_counts_are_the_build_summarys(samples_dir, tmp_path, capsys):
    """The header and legend count what ``vanban build`` prints: nodes per kind, documents read and
    referenced only, and edges per type as statements (one per fact and file)."""
    export = tmp_path / "graph.json"
    assert main(["build", str(samples_dir), "--json", str(export), "--quiet"]) == 0
    printed = summary_counts(capsys.readouterr().out)
    counts = page_data(read_json(export))["counts"]
    assert printed == {
        "documents": counts["kinds"]["Document"], "read": counts["read_documents"],
        "referenced": counts["referenced_documents"], "organs": counts["kinds"]["Organ"],
        "persons": counts["kinds"]["Person"], "tasks": counts["kinds"]["Task"],
        "implements": counts["types"]["IMPLEMENTS"], "cites": counts["types"]["CITES"],
        "copies": counts["types"]["COPIES"], "assignments": counts["types"]["ASSIGNED_TO"],
        "reports-to": counts["types"]["REPORTS_TO"], "addressed": counts["types"]["ADDRESSED_TO"]}
    assert counts["statements"] == read_json(export).number_of_edges() > counts["relations"]


def summary_counts(text: str) -> dict[str, int]:
    """The numbers of a build summary, by what they count."""
    found = {}
    for name, pattern in {"documents": r"documents\s+(\d+)", "read": r"(\d+) read", "referenced": r"(\d+) referenced",
                          "organs": r"organs\s+(\d+)", "persons": r"persons\s+(\d+)", "tasks": r"tasks\s+(\d+)",
                          "implements": r"(\d+) implements", "cites": r"(\d+) cites", "copies": r"(\d+) copies",
                          "assignments": r"assignments\s+(\d+)", "reports-to": r"reports-to\s+(\d+)",
                          "addressed": r"addressed\s+(\d+)"}.items():
        match = re.search(pattern, text)
        assert match, f"no {name} in the build summary:\n{text}"
        found[name] = int(match.group(1))
    return found


def test_force_layout_puts_documents_by_their_issuers_and_is_deterministic():
    graph = synthetic_graph(600, seed=4)
    view = graph.subgraph(n for n, d in graph.nodes(data=True) if d["kind"] != "Task").copy()
    pos = force_layout(view)
    assert pos == force_layout(view)

    def distance(u, v):
        return math.dist(pos[u], pos[v])

    issued = [(u, v) for u, v, t in view.edges(data="type") if t == "ISSUED_BY"]
    nodes = sorted(view)
    pairs = [(nodes[i], nodes[(i * 7919) % len(nodes)]) for i in range(len(nodes))]
    assert statistics.median(distance(u, v) for u, v in issued) < 0.6 * statistics.median(
        distance(u, v) for u, v in pairs)
    close = sum(1 for u, v in pairs if u != v and distance(u, v) < 5)
    assert close < len(pairs) * 0.01


def test_placement_rings_tasks_round_their_document_and_lines_up_isolated_nodes():
    graph = synthetic_graph(300, seed=2)
    graph.add_node("organ:alone", kind="Organ", name="Ban Một Mình", collective=False)
    placed = place(graph)
    assert set(placed.positions) == set(graph)
    core_bottom = max(y for n, (_, y) in placed.positions.items()
                      if n not in placed.isolated and graph.nodes[n]["kind"] != "Task")
    assert placed.positions["organ:alone"][1] > core_bottom
    for task, attrs in graph.nodes(data=True):
        if attrs["kind"] == "Task":
            assert math.dist(placed.positions[task], placed.positions[attrs["document"]]) < 200
    assert len(set(placed.positions.values())) == len(placed.positions)


def test_every_kind_and_edge_type_has_a_distinct_style():
    assert {str(k) for k in NodeKind} <= set(NODE_STYLES)
    assert {str(t) for t in EdgeType} == set(EDGE_STYLES)
    looks = {(s["color"], s["width"], str(s["dashes"])) for s in EDGE_STYLES.values()}
    assert len(looks) == len(EDGE_STYLES)
    assert len({(s["shape"], s["color"]["background"]) for s in NODE_STYLES.values()}) == len(NODE_STYLES)


@pytest.mark.parametrize("text", ["<script>alert(1)</script>", '" onmouseover="alert(1)', "</script><!--", "a&b"])
def test_document_text_cannot_break_out_of_the_data_block(text):
    g = nx.MultiDiGraph()
    g.add_node("doc:x", kind="Document", symbol=text, title=text, read=True)
    g.add_node("organ:x", kind="Organ", name=text)
    g.add_edge("doc:x", "organ:x", type="ISSUED_BY", evidence=text, source_file=text)
    page = render_html(g, title=text)
    assert text not in page
    assert "<!--" not in page
    data = _data(page)
    assert data["facts"]["doc:x"]["title"] == text and data["edgeFacts"][0][0]["evidence"] == text
    assert json.loads(script_json(text)) == text


def test_page_script_never_writes_html():
    script = (HERE / "page.js").read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in script


def test_implementation_tree_follows_the_implementation_chain(sample_graph):
    directive = find_document(sample_graph, "54-KL/TW")
    tree = implementation_tree(sample_graph, directive)
    documents = {n["ref"] for n in tree["nodes"] if n["kind"] == "Document"}
    assert documents == {d for d, _ in implementing_documents(sample_graph, directive, True)} | {directive}
    ids = {n["id"] for n in tree["nodes"]}
    assert all(e["from"] in ids and e["to"] in ids for e in tree["edges"])
    root = tree["nodes"][0]
    assert root["ref"] == directive and "2023-05-09" in root["label"]


def test_every_tree_names_each_node_once(sample_graph):
    """vis-network refuses a data set with a repeated id: an issuer several files name (one
    ISSUED_BY edge each) is one tree node."""
    trees = implementation_trees(sample_graph)
    assert trees
    for tree in trees.values():
        ids = [n["id"] for n in tree["nodes"]]
        assert len(ids) == len(set(ids)), tree["directive"]
        edges = [(e["from"], e["to"]) for e in tree["edges"]]
        assert len(edges) == len(set(edges)), tree["directive"]
    kl54 = find_document(sample_graph, "54-KL/TW")
    stated = [v for _, v, d in sample_graph.out_edges(kl54, data=True) if d["type"] == "ISSUED_BY"]
    assert len(stated) > len(set(stated))  # the case that repeated ids before
    issuers = [n["ref"] for n in trees[kl54]["nodes"] if n["id"].startswith(kl54 + "|")]
    assert sorted(issuers) == sorted(set(stated))


def test_radial_layout_spreads_a_large_graph():
    g = synthetic_graph(2000, seed=2)
    pos = radial_layout(g)
    assert set(pos) == set(g)
    assert len(set(pos.values())) == len(pos)
    xs = [x for x, _ in pos.values()]
    assert max(xs) - min(xs) > 1000


def test_neighbourhood_and_kinds(sample_graph):
    directive = find_document(sample_graph, "54-KL/TW")
    one = neighbourhood(sample_graph, directive, 1)
    assert directive in one and set(one) == {directive} | set(sample_graph.successors(directive)) | set(
        sample_graph.predecessors(directive))
    assert set(neighbourhood(sample_graph, directive, 2)) > set(one)
    kinds = only_kinds(sample_graph, ["Document"])
    assert {d["kind"] for _, d in kinds.nodes(data=True)} == {"Document"}
    with pytest.raises(QueryError):
        only_kinds(sample_graph, ["Ministry"])
    with pytest.raises(QueryError):
        neighbourhood(sample_graph, "doc:nothing", 1)


def test_cli_writes_the_samples_page(samples_dir, tmp_path, capsys):
    out = tmp_path / "graph.html"
    assert main(["html", str(samples_dir), "--out", str(out)]) == 0
    assert "wrote" in capsys.readouterr().out
    data = _data(out.read_text(encoding="utf-8"))
    assert any(n["text"] == "54-KL/TW" for n in data["nodes"])


def test_cli_focus_and_kinds_from_a_json_export(sample_graph, tmp_path):
    export = tmp_path / "graph.json"
    write_json(sample_graph, export)
    out = tmp_path / "focus.html"
    args = ["html", str(export), "--out", str(out), "--focus", "54-KL/TW", "--depth", "1", "--kinds", "Document"]
    assert main(args) == 0
    data = _data(out.read_text(encoding="utf-8"))
    assert {n["kind"] for n in data["nodes"]} == {"Document"}
    directive = find_document(sample_graph, "54-KL/TW")
    assert {n["id"] for n in data["nodes"]} == set(only_kinds(neighbourhood(sample_graph, directive, 1), ["Document"]))


def test_cli_errors_are_one_line(samples_dir, tmp_path, capsys):
    assert main(["html", str(samples_dir), "--focus", "999-XX/YY", "--out", str(tmp_path / "x.html")]) == 2
    assert "no document" in capsys.readouterr().err
    assert main(["html", str(samples_dir), str(tmp_path / "a.json"), "--out", str(tmp_path / "x.html")]) == 2
    assert not (tmp_path / "x.html").exists()


def test_write_html_returns_the_path(tmp_path):
    path = write_html(synthetic_graph(50), tmp_path / "sub" / "g.html")
    assert path.exists() and path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
