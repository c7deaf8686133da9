"""``vanban serve`` over HTTP: a real uvicorn server on the samples, asked as a browser or a script would.

Search, a page per node at its RDF URI's path, the canned questions on the pages, the graph
view's expansion, escaping, the safety headers and the command line. SPARQL is in
``test_serve_sparql.py``, the pages in a real browser in ``test_serve_browser.py``.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest
from rdflib import URIRef
from rdflib.namespace import DCTERMS

from vanban.graph.keys import fold
from vanban.graph.rdf.export import to_rdflib
from vanban.graph.vocabulary import EdgeType
from vanban.queries.ask import ask
from vanban.queries.embedded import GraphBackend
from vanban.queries.lookup import find_document, find_organ
from vanban.serve import ServeOptions, close, prepare, serving
from vanban.serve.app import CSP

ROOT = Path(__file__).resolve().parents[1]


class Client:
    """Plain HTTP against the running server (no redirect followed unless asked)."""

    def __init__(self, base: str) -> None:
        self.base = base

    def get(
        self, path: str, accept: str = "text/html", follow: bool = True, headers: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str], str]:
        request = urllib.request.Request(self.base + path, headers={"Accept": accept, **(headers or {})})
        opener = urllib.request.build_opener() if follow else urllib.request.build_opener(_NoRedirect())
        try:
            with opener.open(request, timeout=30) as response:
                return response.status, dict(response.headers), response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read().decode("utf-8")

    def json(self, path: str) -> dict:
        status, _, body = self.get(path, accept="application/json")
        assert status == 200, body
        return json.loads(body)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def quoted(path: str) -> str:
    return urllib.parse.quote(path, safe="/%@-_~")


@pytest.fixture(scope="module")
def served(sample_graph):
    state = prepare(sample_graph, ServeOptions(sparql=False), wait=True)
    with serving(state) as base:
        yield state, Client(base)
    close(state)


def test_search_is_folded_and_ranked(served, sample_graph):
    _, client = served
    hits = client.json("/api/search?q=54-kl%2Ftw")["hits"]
    assert hits[0]["id"] == find_document(sample_graph, "54-KL/TW") and hits[0]["rank"] == 0
    organ = find_organ(sample_graph, "Tỉnh ủy Lạng Sơn")
    for typed in ("tinh uy lang son", "TỈNH ỦY LẠNG SƠN", "Tinh Uy Lang"):
        hits = client.json("/api/search?q=" + urllib.parse.quote(typed))["hits"]
        assert hits[0]["id"] == organ, typed
    assert client.json("/api/search?q=zzzz-nothing")["hits"] == []
    status, _, page = client.get("/search?q=" + urllib.parse.quote("lạng sơn"))
    assert status == 200 and f'data-id="{organ}"' in page


def test_every_node_of_the_turtle_export_opens_its_page(served, sample_graph):
    """A URI from the RDF export, with the server's scheme and host, is the node's page."""
    state, client = served
    rdf = to_rdflib(sample_graph)
    base = state.catalog.uris.base
    subjects = {
        (str(s), str(o))
        for s, o in rdf.subject_objects(DCTERMS.identifier)
        if isinstance(s, URIRef) and str(o) in sample_graph
    }
    assert len(subjects) == sample_graph.number_of_nodes()
    for uri, node in sorted(subjects):
        path = urllib.parse.urlsplit(uri).path
        status, _, page = client.get(path, follow=False)
        assert status == 200, (uri, status)
        assert f'data-node="{_attr(node)}"' in page, uri
        status, headers, _ = client.get("/uri?u=" + urllib.parse.quote(uri), follow=False)
        assert status == 303 and headers["location"] == path
    assert base.endswith("/id/")


def _attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&#34;").replace("<", "&lt;").replace(">", "&gt;")


def test_a_path_matches_however_its_letters_are_encoded(served, sample_graph):
    state, client = served
    node = next(n for n, d in sample_graph.nodes(data=True) if "%" in state.catalog.uris.path(n))
    path = state.catalog.uris.path(node)
    lower_escapes = re.sub(r"%[0-9A-F]{2}", lambda m: m.group(0).lower(), path)
    for variant in (path, lower_escapes, urllib.parse.unquote(path)):
        status, _, page = client.get(quoted(variant), follow=False)
        assert status == 200 and f'data-node="{_attr(node)}"' in page, variant
    assert client.get(state.catalog.uris.prefix + "doc/vn/1999/NO-SUCH/TW")[0] == 404


def test_a_document_page_answers_the_canned_questions(served, sample_graph):
    state, client = served
    kl54 = find_document(sample_graph, "54-KL/TW")
    page = client.get(state.catalog.uris.path(kl54))[1:][1]
    backend = GraphBackend(sample_graph)
    implementers = ask(backend, "implementers", kl54)
    rows = re.findall(r'<tr><td>\d+</td><td><a href="/node\?id=([^"]+)"', _section(page, "implementers"))
    assert [urllib.parse.unquote(r) for r in rows] == [r["document"] for r in implementers]
    ordered = ask(backend, "ordered", kl54)
    missing = sum(1 for r in ordered if not r["implemented"])
    assert missing and _section(page, "ordered").count("NONE — ordered, not implemented") == missing
    assert "(+34 days)" in _section(page, "tree")  # 1154-CV/TU, dated, in the implementation tree
    cited_by = ask(backend, "cited-by", kl54)
    assert f"Cited by ({len(cited_by)})" in page
    stated = {
        d["evidence"]
        for _, _, d in sample_graph.out_edges(kl54, data=True)
        if d.get("evidence") and d["type"] != EdgeType.HAS_TASK
    }  # a task shows its own text
    assert stated
    for sentence in stated:
        assert _escaped(sentence) in page
    transitive = client.get(state.catalog.uris.path(kl54) + "?transitive=1")[2]
    deep = ask(backend, "implementers", kl54, transitive=True)
    assert f"Implementing documents ({len(deep)})" in transitive


def _section(page: str, name: str) -> str:
    start = page.index(f'<section id="{name}">')
    return page[start : page.index("</section>", start)]


def _escaped(text: str) -> str:
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&#34;")
        .replace("'", "&#39;")
    )


def test_an_organ_page_lists_tasks_reports_and_documents(served, sample_graph):
    state, client = served
    organ = find_organ(sample_graph, "Ban Dân vận Tỉnh ủy Lạng Sơn")
    page = client.get(state.catalog.uris.path(organ))[2]
    tasks = ask(GraphBackend(sample_graph), "tasks", organ)
    assert tasks and f"Tasks assigned ({len(tasks)})" in page
    chain = ask(GraphBackend(sample_graph), "reporting-chain", organ)
    assert chain and all(_escaped(r["to"]) in _section(page, "reporting") for r in chain)
    issuer = find_organ(sample_graph, "Tỉnh ủy Lạng Sơn")
    issued = {u for u, _, t in sample_graph.in_edges(issuer, data="type") if t == EdgeType.ISSUED_BY}
    assert f"Documents issued ({len(issued)})" in client.get(state.catalog.uris.path(issuer))[2]


def test_expand_groups_every_neighbour_and_pages_through_them(served, sample_graph):
    _, client = served
    kl54 = find_document(sample_graph, "54-KL/TW")
    view = client.json("/api/expand?id=" + urllib.parse.quote(kl54))
    expected: Counter = Counter()
    for direction, edges in (
        ("out", sample_graph.out_edges(kl54, data="type")),
        ("in", sample_graph.in_edges(kl54, data="type")),
    ):
        for pair in {(t, v if direction == "out" else u) for u, v, t in edges}:
            expected[(pair[0], direction)] += 1
    assert {(g["type"], g["direction"]): g["total"] for g in view["groups"]} == dict(expected)
    big = max(view["groups"], key=lambda g: g["total"])
    seen = []
    for offset in range(0, big["total"], 2):
        page = client.json(
            f"/api/expand?id={urllib.parse.quote(kl54)}&type={big['type']}"
            f"&direction={big['direction']}&limit=2&offset={offset}"
        )
        seen += [n["id"] for n in page["groups"][0]["nodes"]]
    assert len(seen) == len(set(seen)) == big["total"]
    assert client.get("/api/expand?id=doc:nothing", accept="application/json")[0] == 404


def test_every_response_carries_the_policy_and_no_outside_reference(served, sample_graph):
    state, client = served
    kl54 = find_document(sample_graph, "54-KL/TW")
    for path in (
        "/",
        "/search?q=tinh",
        state.catalog.uris.path(kl54),
        "/graph?id=" + urllib.parse.quote(kl54),
        "/static/graph.js",
        "/api/search?q=a",
        "/no/such/page",
    ):
        _, headers, body = client.get(path)
        assert headers["content-security-policy"] == CSP, path
        assert "default-src 'none'" in CSP and "connect-src 'self'" in CSP
        assert headers["x-content-type-options"] == "nosniff"
        for link in re.findall(r'(?:src|href|action)="([^"]*)"', body):
            assert link.startswith(("/", "#", "?", "data:")), (path, link)


def test_a_request_for_another_host_is_refused(served):
    _, client = served
    assert client.get("/", headers={"Host": "rebound.example"})[0] == 400
    assert client.get("/", headers={"Host": "localhost"})[0] == 200


HOSTILE = '<script>alert(1)</script>" onmouseover="alert(2)'


def test_document_text_is_escaped_everywhere():
    g = nx.MultiDiGraph()
    g.add_node(
        "doc:x",
        kind="Document",
        symbol="<img src=x onerror=alert(3)>",
        title=HOSTILE,
        read=True,
        sources=['a"<b>.txt'],
        date="2024-01-02",
    )
    g.add_node("doc:y", kind="Document", symbol="1-KH/TU", title="kế hoạch", read=True, sources=["b.txt"])
    g.add_node("organ:x", kind="Organ", name="</script><script>alert(4)</script>", collective=False)
    g.add_edge(
        "doc:y",
        "doc:x",
        type="IMPLEMENTS",
        source_file="b.txt",
        span=(0, 5),
        rule="r",
        evidence='<img src=x onerror="alert(6)">Thực hiện',
    )
    g.add_edge("doc:x", "organ:x", type="ISSUED_BY", source_file="a.txt")
    state = prepare(g, ServeOptions(sparql=False), wait=True)
    with serving(state) as base:
        client = Client(base)
        for node in g:
            page = client.get(quoted(state.catalog.uris.path(node)))[2]
            assert "<script>alert" not in page and "<img" not in page and 'onmouseover="' not in page
            assert len(re.findall(r"<script", page)) == 1  # the search script only
        page = client.get(quoted(state.catalog.uris.path("doc:x")))[2]
        assert _escaped(HOSTILE) in page
        hits = client.json("/api/search?q=img+src")["hits"]
        assert hits[0]["label"] == "<img src=x onerror=alert(3)>"  # JSON keeps the text as text
    close(state)


def test_most_cited_is_listed_on_the_home_page(served, sample_graph):
    state, client = served
    page = client.get("/")[2]
    top = ask(GraphBackend(sample_graph), "most-cited")
    assert top and all(r["document"] in {m["document"] for m in state.most_cited} for r in top)
    assert f'href="{state.catalog.uris.path(top[0]["document"])}"' in page
    counts = dict(re.findall(r'data-count="(\w+)">([\d,]+)<', page))
    kinds = Counter(d["kind"] for _, d in sample_graph.nodes(data=True))
    assert {k: int(v.replace(",", "")) for k, v in counts.items()} == dict(kinds)


@pytest.mark.neo4j
def test_with_neo4j_the_pages_answer_from_cypher(neo4j_store, sample_graph):
    from vanban.serve.answers import TimedNeo4jBackend

    neo4j_store.load(sample_graph)
    backend = TimedNeo4jBackend(neo4j_store, timeout=10)
    state = prepare(sample_graph, ServeOptions(sparql=False), backend=backend, wait=True)
    kl54 = find_document(sample_graph, "54-KL/TW")
    with serving(state) as base:
        client = Client(base)
        answer = client.json(f"/api/ask/implementers?subject={urllib.parse.quote(kl54)}&transitive=1")
        assert answer["backend"] == "neo4j"
        assert answer["records"] == ask(GraphBackend(sample_graph), "implementers", kl54, transitive=True)
        page = client.get(state.catalog.uris.path(kl54))[2]
        assert "questions answered by neo4j" in page
        ordered = ask(GraphBackend(sample_graph), "ordered", kl54)
        assert _section(page, "ordered").count("NONE — ordered, not implemented") == sum(
            1 for r in ordered if not r["implemented"]
        )
    close(state)


@pytest.mark.parametrize("processes", [1, 2])
def test_the_command_line_serves_the_samples(samples_dir, processes):
    """``vanban serve samples`` as on a fresh clone: it reads the folder and answers search and
    SPARQL, from one process or from two forked ones sharing the socket and the store."""
    with subprocess.Popen(
        [
            sys.executable,
            "-m",
            "vanban.cli",
            "serve",
            str(samples_dir),
            "--port",
            "0",
            "--processes",
            str(processes),
        ],
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    ) as process:
        try:
            address = _address(process)
            for _ in range(6):
                assert (
                    json.loads(_fetch(address + "api/search?q=54-kl%2Ftw"))["hits"][0]["label"] == "54-KL/TW"
                )
            count = urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"})
            answers = [_fetch(address + "sparql?" + count, ready=True) for _ in range(6)]
            assert all(json.loads(a)["boolean"] is True for a in answers)
        finally:
            process.send_signal(signal.SIGINT)
            assert process.wait(30) in (0, 130)  # stopped as by Ctrl-C


def _fetch(url: str, ready: bool = False) -> str:
    """The body at ``url``, waiting for the server to listen (it prints its address first) and,
    with ``ready``, for its SPARQL store (503 until then)."""
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(url, timeout=30) as response:
                return response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            if not (ready and error.code == 503) or time.monotonic() > deadline:
                raise
            time.sleep(0.2)
        except urllib.error.URLError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def _address(process: subprocess.Popen) -> str:
    deadline = time.monotonic() + 120
    assert process.stderr is not None
    while time.monotonic() < deadline:
        line = process.stderr.readline()
        if not line and process.poll() is not None:
            raise AssertionError(f"vanban serve stopped with status {process.returncode}")
        found = re.search(r"(http://\S+/)", line)
        if found:
            return found.group(1)
    raise AssertionError("vanban serve printed no address")


def test_serve_without_a_graph_says_so_in_one_line(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "vanban.cli", "serve"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "VANBAN_GRAPH": str(tmp_path / "none.json")},
        timeout=120,
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "no graph export" in result.stderr


def test_search_finds_every_symbol_and_name_first(served, sample_graph):
    """Every document's symbol and every organ's name, typed in lower case without tones, finds
    that node (or a node with the same symbol or name) at the top."""
    state, _ = served
    index = state.catalog.index
    for node, attrs in sample_graph.nodes(data=True):
        text = attrs.get("symbol") if attrs["kind"] == "Document" else attrs.get("name")
        if not text or attrs["kind"] not in ("Document", "Organ"):
            continue
        top = index.search(fold(text))[0]
        same = attrs.get("symbol") and sample_graph.nodes[top.id].get("symbol") == attrs["symbol"]
        assert top.id == node or same or fold(sample_graph.nodes[top.id].get("name")) == fold(text), text
        assert top.rank <= 1
