"""``vanban serve`` in a real headless Chromium: search, open a document, expand, follow a URI.

The browser may reach the server and nothing else: every other request is aborted and
recorded, and the page must show no console error. Screenshots go to ``out/test-artifacts/``.
"""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from rdflib.namespace import DCTERMS

from tests.conftest import confine
from vanban.graph.rdf.export import to_rdflib
from vanban.queries.lookup import find_document, find_organ
from vanban.serve import ServeOptions, close, prepare, serving

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "out" / "test-artifacts"


@pytest.fixture(scope="module")
def server(sample_graph):
    state = prepare(sample_graph, ServeOptions(), wait=True)
    with serving(state) as base:
        yield state, base
    close(state)


@dataclass
class Tab:
    page: object
    base: str
    errors: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)

    def js(self, expression: str, arg=None):
        return self.page.evaluate(expression, arg)


@pytest.fixture
def tab(browser, server):
    _, base = server
    context = browser.new_context(viewport={"width": 1300, "height": 900})
    page = context.new_page()
    opened = Tab(page, base)
    confine(context, page, lambda url: url.startswith(base + "/"), opened.outside, opened.errors)
    yield opened
    assert opened.errors == [], opened.errors
    assert opened.outside == [], opened.outside
    context.close()


def test_search_then_open_a_document(tab, sample_graph):
    page = tab.page
    page.goto(tab.base + "/")
    page.fill("#q", "54-kl/tw")
    page.wait_for_selector("#live a")
    first = page.locator("#live a").first
    assert first.get_attribute("data-id") == find_document(sample_graph, "54-KL/TW")
    first.click()
    page.wait_for_selector("h1[data-node]")
    assert page.locator("h1").text_content() == "54-KL/TW"
    assert page.locator("#implementers table tbody tr").count() >= 1
    assert page.locator("#ordered .missing").count() >= 1  # bodies ordered but with no implementing document
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=ARTIFACTS / "serve-document.png")


def test_search_by_tones_and_keyboard(tab, sample_graph):
    page = tab.page
    page.goto(tab.base + "/")
    page.fill("#q", "ban dan van tinh uy lang son")
    page.wait_for_selector("#live a")
    page.press("#q", "ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_selector("h1[data-node]")
    assert page.locator("h1").get_attribute("data-node") == find_organ(
        sample_graph, "Ban Dân vận Tỉnh ủy Lạng Sơn"
    )
    assert "Tasks assigned" in page.locator("#tasks h2").text_content()


def test_the_graph_view_expands_a_node_from_the_server(tab, sample_graph):
    page = tab.page
    kl54 = find_document(sample_graph, "54-KL/TW")
    page.goto(tab.base + "/graph?id=" + urllib.parse.quote(kl54))
    page.wait_for_selector("body[data-expanded='1']", state="attached")
    before = tab.js("window.vanbanGraph.nodes.length")
    neighbours = set(sample_graph.successors(kl54)) | set(sample_graph.predecessors(kl54))
    assert before == len(neighbours) + 1
    issuer = find_organ(sample_graph, "Ban Bí thư")
    page.wait_for_selector("body[data-settled='1']", state="attached")
    x, y = tab.js(
        """(id) => {
        const n = window.vanbanGraph.network, p = n.canvasToDOM(n.getPositions([id])[id]);
        const box = document.getElementById('canvas').getBoundingClientRect();
        return [p.x + box.left, p.y + box.top];
    }""",
        issuer,
    )
    page.mouse.click(x, y)
    page.wait_for_selector("body[data-expanded='2']", state="attached")
    after = tab.js("window.vanbanGraph.nodes.length")
    issued = {u for u, _, t in sample_graph.in_edges(issuer, data="type") if t == "ISSUED_BY"}
    assert after > before and issued <= set(tab.js("window.vanbanGraph.nodes.getIds()"))
    edges = tab.js("window.vanbanGraph.edges.get().map(e => [e.from, e.to, e.type])")
    assert all([doc, issuer, "ISSUED_BY"] in edges for doc in issued)
    assert page.locator("#side h2").text_content() == "Ban Bí thư"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=ARTIFACTS / "serve-graph.png")


def test_a_uri_from_the_turtle_export_opens_its_page(tab, server, sample_graph):
    state, _ = server
    rdf = to_rdflib(sample_graph)
    node = find_document(sample_graph, "01-QĐi/ĐUK")
    uri = next(str(s) for s, o in rdf.subject_objects(DCTERMS.identifier) if str(o) == node)
    page = tab.page
    page.goto(tab.base + "/")
    page.fill("#q", uri)  # pasted into the search box
    page.press("#q", "Enter")
    page.wait_for_selector("h1[data-node]")
    assert page.locator("h1").get_attribute("data-node") == node
    assert page.locator(".uri span").first.text_content() == uri
    page.goto(tab.base + urllib.parse.urlsplit(uri).path)  # or with the server's scheme and host
    assert page.locator("h1").get_attribute("data-node") == node
    assert "/vanban/id/" in state.catalog.uris.path(node)


def test_the_sparql_page_runs_a_query(tab):
    page = tab.page
    page.goto(tab.base + "/sparql")
    page.click("#sparql-form button")
    page.wait_for_selector("#sparql-result")
    assert page.locator("#sparql-result tbody tr").count() >= 3
    assert page.locator("#sparql-result th").all_text_contents() == ["document", "symbol", "cited_by"]
