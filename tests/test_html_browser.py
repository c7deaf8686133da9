"""The HTML page in a real headless Chromium, offline: search, panel, filters, trees, safety, scale.

Chromium is Debian's (``apt-get install chromium``), driven by Playwright for Python. Without
it these tests skip with one line locally, and fail when ``CI`` is set.
"""

from __future__ import annotations

import contextlib
import io
import math
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
import pytest

from tests.conftest import confine
from tests.test_html_page import summary_counts
from vanban.cli import main
from vanban.graph.export import read_json
from vanban.loaders.text import fold
from vanban.queries.lookup import find_document, find_organ
from vanban.queries.questions import implementing_documents
from vanban.visualize import fields, write_html
from vanban.visualize.placement import place
from vanban.visualize.synthetic import synthetic_graph

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "out" / "test-artifacts"


@dataclass
class OfflinePage:
    """A page opened from a file with every other request aborted, and what it tried to do."""

    page: object
    errors: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def js(self, expression: str, arg=None):
        return self.page.evaluate(expression, arg)


@pytest.fixture
def open_offline(browser):
    contexts = []

    def open_(path: Path, width: int = 1400, height: int = 900, timeout: float = 60_000) -> OfflinePage:
        context = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        page = context.new_page()
        opened = OfflinePage(page)
        url = path.resolve().as_uri()
        confine(context, page, lambda requested: requested == url, opened.outside, opened.errors)
        page.on("dialog", lambda d: (opened.dialogs.append(d.message), d.dismiss()))
        page.goto(url)
        page.wait_for_selector("body[data-ready]", state="attached", timeout=timeout)
        return opened

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture(scope="module")
def samples_page_file(sample_graph, tmp_path_factory) -> Path:
    return write_html(sample_graph, tmp_path_factory.mktemp("html") / "graph.html", title="vanban — samples")


def _click_node(opened: OfflinePage, node: str) -> None:
    """Click ``node`` where it is drawn once the view is still: a click or a search moves the
    view (the chosen node is brought clear of the panel), and a point read during that
    animation is stale by the time the mouse gets there."""
    where = """(id) => {
        const n = window.vanban.network;
        const p = n.canvasToDOM(n.getPositions([id])[id]);
        const box = document.getElementById('graph').getBoundingClientRect();
        return [p.x + box.left, p.y + box.top];
    }"""
    opened.page.wait_for_selector("body:not([data-moving])", state="attached")
    point, previous = opened.js(where, node), None
    while point != previous:
        opened.page.wait_for_timeout(50)
        point, previous = opened.js(where, node), point
    opened.page.mouse.click(*point)


def _click_edge(opened: OfflinePage, edge: str) -> bool:
    """Click a point of a drawn edge where no node or other edge lies; False if it has none."""
    point = opened.js("""(id) => {
        const n = window.vanban.network, box = document.getElementById('graph').getBoundingClientRect();
        for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]) {
            const p = n.canvasToDOM(n.body.edges[id].edgeType.getPoint(t));
            if (n.getNodeAt(p) === undefined && n.getEdgeAt(p) === id) return [p.x + box.left, p.y + box.top];
        }
        return null;
    }""", edge)
    if point is None:
        return False
    opened.page.mouse.click(*point)
    return True


def test_samples_page_is_offline_and_clean(open_offline, samples_page_file, sample_graph):
    opened = open_offline(samples_page_file)
    assert opened.errors == []
    assert opened.outside == []
    assert sorted(opened.js("window.vanban.shownNodeIds()")) == sorted(sample_graph.nodes)
    assert opened.js("window.vanban.network.physics.options.enabled") is False  # off once settled
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    opened.page.screenshot(path=ARTIFACTS / "samples-graph.png")
    assert (ARTIFACTS / "samples-graph.png").stat().st_size > 20_000


def test_search_finds_and_centres_a_directive(open_offline, samples_page_file):
    opened = open_offline(samples_page_file)
    page = opened.page
    page.fill("#search", "54-kl/tw")
    first = page.locator("#results button").first
    assert first.get_attribute("data-id") == "doc:54-KL/TW"
    page.press("#search", "Enter")
    page.wait_for_selector("body:not([data-moving])", state="attached")  # the focus animation
    assert opened.js("window.vanban.network.getSelectedNodes()") == ["doc:54-KL/TW"]
    assert page.locator("#panel h2").text_content() == "54-KL/TW"
    # centred in the part of the canvas left of the detail panel
    x, y, visible_centre_x, centre_y = opened.js("""() => {
        const n = window.vanban.network, p = n.canvasToDOM(n.getPositions(['doc:54-KL/TW'])['doc:54-KL/TW']);
        const box = document.getElementById('graph').getBoundingClientRect();
        const panel = document.getElementById('panel').getBoundingClientRect();
        return [p.x + box.left, p.y + box.top, (box.left + panel.left) / 2, box.top + box.height / 2];
    }""")
    assert abs(x - visible_centre_x) < 5 and abs(y - centre_y) < 5
    assert opened.errors == []


@pytest.mark.parametrize(("typed", "expected"), [
    ("tinh uy lang son", find_organ),
    ("TỈNH ỦY LẠNG SƠN", find_organ),
    ("dang uy khoi doanh nghiep trung uong", find_organ),
    ("1154 cv tu", find_document),
])
def test_search_ignores_tones_and_case(open_offline, samples_page_file, sample_graph, typed, expected):
    opened = open_offline(samples_page_file)
    opened.page.fill("#search", typed)
    wanted = expected(sample_graph, typed.replace(" cv ", "-CV/"))
    assert opened.page.locator("#results button").first.get_attribute("data-id") == wanted


def test_fold_in_the_page_matches_python(open_offline, samples_page_file, sample_graph):
    opened = open_offline(samples_page_file)
    names = [d.get("name") or d.get("title") or "" for _, d in sample_graph.nodes(data=True)]
    names += ["Đảng ủy  Khối", "Tỉnh Uỷ Lạng Sơn", "QUYẾT ĐỊNH"]
    assert opened.js("(names) => names.map(window.vanban.fold)", names) == [fold(n) for n in names]


def test_clicking_a_node_shows_facts_and_evidence(open_offline, samples_page_file, sample_graph):
    opened = open_offline(samples_page_file)
    plan = find_document(sample_graph, "1154-CV/TU")
    _click_node(opened, plan)
    panel = opened.page.locator("#panel")
    assert panel.is_visible()
    assert opened.page.locator("#panel h2").text_content() == "1154-CV/TU"
    evidence = {d["evidence"] for _, _, d in sample_graph.out_edges(plan, data=True)
                if d.get("type") == "IMPLEMENTS"}
    shown = opened.page.locator("#panel blockquote.evidence").all_text_contents()
    assert evidence and evidence <= set(shown)
    assert "001_84c014d27a31ff24.txt" in panel.text_content()
    # each recipient's address and purpose, under the schema's labels, on its relation's line
    details = opened.page.locator("#panel .rel-head .detail").all_text_contents()
    addresses = {d["address"] for _, _, d in sample_graph.out_edges(plan, data=True) if d["type"] == "ADDRESSED_TO"}
    assert addresses and all(any(f"kính gửi / nơi nhận: {fields.value('ADDRESSED_TO', 'address', a)}" in text
                                 for text in details) for a in addresses)
    assert not any("kind" in text or "noi_nhan" in text or "mentions" in text for text in details)
    assert opened.errors == []


def test_clicking_an_edge_shows_its_evidence(open_offline, samples_page_file, sample_graph):
    opened = open_offline(samples_page_file)
    plan = find_document(sample_graph, "1154-CV/TU")
    candidates = opened.js("""(plan) => window.vanban.shownEdgeIds().filter(id => {
        const e = window.vanban.edges.get(id);
        return e.type === 'IMPLEMENTS' && e.from === plan;
    })""", plan)
    edge = next((e for e in candidates if _click_edge(opened, e)), None)
    assert edge
    assert opened.js("window.vanban.network.getSelectedEdges()") == [edge]
    texts = opened.page.locator("#panel blockquote.evidence").all_text_contents()
    sentences = {d["evidence"] for _, _, d in sample_graph.out_edges(plan, data=True)
                 if d.get("type") == "IMPLEMENTS"}
    assert texts and set(texts) <= sentences
    assert "implements" in opened.page.locator("#panel h2").text_content()


def test_a_relation_several_files_state_is_one_line_with_every_statement(open_offline, samples_page_file,
                                                                          sample_graph):
    opened = open_offline(samples_page_file)
    kl54 = find_document(sample_graph, "54-KL/TW")
    stated = [(v, d["source_file"]) for _, v, d in sample_graph.out_edges(kl54, data=True) if d["type"] == "ISSUED_BY"]
    issuer = stated[0][0]
    files = sorted(f for v, f in stated if v == issuer)
    assert len(files) > 1
    lines = opened.js("""([from, to]) => window.vanban.edges.get().filter(
        e => e.type === 'ISSUED_BY' && e.from === from && e.to === to).map(e => e.id)""", [kl54, issuer])
    assert len(lines) == 1
    assert _click_edge(opened, lines[0])
    assert opened.js("window.vanban.network.getSelectedEdges()") == lines
    sources = opened.page.locator("#panel .source").all_text_contents()
    assert sorted(next(f for f in files if f in text) for text in sources) == files
    assert f"Stated in {len(files)} places" in opened.page.locator("#panel").text_content()
    assert opened.errors == []


def test_filters_hide_a_kind_and_an_edge_type(open_offline, samples_page_file, sample_graph):
    opened = open_offline(samples_page_file)

    def shown_kinds():
        return opened.js("window.vanban.shownNodeIds().map(window.vanban.kindOf)")

    tasks = sum(1 for _, d in sample_graph.nodes(data=True) if d["kind"] == "Task")
    assert tasks and shown_kinds().count("Task") == tasks
    before = opened.js("window.vanban.network.getPositions()")
    opened.page.locator('input[data-kind="Task"]').uncheck()
    kinds = shown_kinds()
    assert "Task" not in kinds and "Document" in kinds and "Organ" in kinds
    opened.page.wait_for_selector("body:not([data-settling])", state="attached", timeout=60_000)
    after = opened.js("window.vanban.network.getPositions()")
    moved = [n for n in after if math.dist((before[n]["x"], before[n]["y"]), (after[n]["x"], after[n]["y"])) > 1]
    assert moved  # what is left is laid out again
    assert opened.js("window.vanban.network.physics.options.enabled") is False
    opened.page.locator('input[data-type="CITES"]').uncheck()
    types = opened.js("window.vanban.shownEdgeIds().map(id => window.vanban.edges.get(id).type)")
    assert "CITES" not in types and "IMPLEMENTS" in types
    opened.page.locator('input[data-kind="Task"]').check()
    assert shown_kinds().count("Task") == tasks
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    opened.page.screenshot(path=ARTIFACTS / "samples-filtered.png")


def test_implementation_tree_of_a_directive(open_offline, samples_page_file, sample_graph):
    opened = open_offline(samples_page_file)
    opened.page.select_option("#tree-select", "doc:54-KL/TW")
    assert opened.page.locator("#tree-view").is_visible()
    opened.page.wait_for_function("window.vanban.treeNetwork && window.vanban.treeNetwork.body.data.nodes.length > 0")
    refs = opened.js("window.vanban.treeNetwork.body.data.nodes.get().map(n => [n.ref, n.level, n.label])")
    documents = {ref for ref, level, _ in refs if level % 2 == 0}
    expected = {d for d, _ in implementing_documents(sample_graph, "doc:54-KL/TW", transitive=True)}
    assert documents == expected | {"doc:54-KL/TW"}
    issuers = {ref for ref, level, _ in refs if level % 2 == 1}
    assert find_organ(sample_graph, "Tỉnh ủy Lạng Sơn") in issuers
    label = next(label for ref, _, label in refs if ref == find_document(sample_graph, "1154-CV/TU"))
    assert "2023-06-12" in label and "(+34 days)" in label  # dated, with the lag after 54-KL/TW
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    opened.page.screenshot(path=ARTIFACTS / "tree-54-KL-TW.png")
    opened.page.click("#tree-close")
    assert not opened.page.locator("#tree-view").is_visible()
    assert opened.errors == []


HOSTILE_TITLE = '<script>alert(1)</script>" onmouseover="alert(2)'
HOSTILE_SYMBOL = "<img src=x onerror=alert(3)>"
HOSTILE_ORGAN = "</script><script>alert(4)</script>"


def test_document_text_is_shown_as_text_never_run(open_offline, tmp_path):
    g = nx.MultiDiGraph()
    g.add_node("doc:x", kind="Document", symbol=HOSTILE_SYMBOL, doc_type="Kết luận", title=HOSTILE_TITLE,
               date="2024-01-02", read=True, sources=['a" onload="alert(5).txt'])
    g.add_node("doc:y", kind="Document", symbol="1-KH/TU", title="kế hoạch", read=True)
    g.add_node("organ:x", kind="Organ", name=HOSTILE_ORGAN)
    g.add_edge("doc:y", "doc:x", type="IMPLEMENTS", source_file="b.txt", span=[0, 5],
               evidence='<img src=x onerror="alert(6)">Thực hiện', rule="r")
    g.add_edge("doc:x", "organ:x", type="ISSUED_BY", source_file="a.txt")
    opened = open_offline(write_html(g, tmp_path / "xss.html", title=HOSTILE_TITLE))
    page = opened.page
    assert page.title() == HOSTILE_TITLE
    page.fill("#search", "img src")
    page.press("#search", "Enter")
    assert page.locator("#panel h2").text_content() == HOSTILE_SYMBOL
    assert HOSTILE_TITLE in page.locator("#panel").text_content()
    _click_node(opened, "doc:y")
    page.mouse.move(10, 300)
    _click_node(opened, "organ:x")
    assert page.locator("#panel h2").text_content() == HOSTILE_ORGAN
    page.select_option("#tree-select", "doc:x")
    page.wait_for_timeout(300)
    assert page.locator("img").count() == 0
    assert page.locator("script").count() == 3  # data, vis-network, page script: nothing injected
    assert opened.dialogs == []
    assert opened.errors == []


@pytest.mark.slow
def test_a_5000_node_page_opens_and_responds(open_offline, tmp_path):
    graph = synthetic_graph(5000, seed=3)
    path = write_html(graph, tmp_path / "large.html")
    opened = open_offline(path, timeout=90_000)
    assert opened.js("window.vanban.network.physics.options.enabled") is False
    first = set(opened.js("window.vanban.shownNodeIds()"))
    placed = place(graph)
    assert first == {n for n, d in graph.nodes(data=True) if d["kind"] != "Task" and n not in placed.isolated}
    symbol = graph.nodes["doc:777-NQ/TU"]["symbol"]
    opened.page.fill("#search", symbol)
    opened.page.press("#search", "Enter")
    opened.page.wait_for_selector(f"#panel h2:text-is('{symbol}')")
    opened.page.locator('input[data-kind="Task"]').check()
    assert "Task" in opened.js("window.vanban.shownNodeIds().map(window.vanban.kindOf)")
    assert opened.errors == [] and opened.outside == []


def _overlaps(boxes: list[dict]) -> list[tuple[str, str]]:
    found = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            if a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"] and a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"]:
                found.append((a["id"], b["id"]))
    return found


@pytest.fixture(scope="module")
def corpus_build(shared_dir, tmp_path_factory):
    """The real corpus built as a user builds it: the export and the summary printed."""
    export = tmp_path_factory.mktemp("corpus") / "corpus.json"
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = main(["build", str(shared_dir / "corpus"), "--json", str(export), "--quiet"])
    assert status in (0, 1)
    return read_json(export), summary_counts(out.getvalue())


def test_the_corpus_page_first_view_is_readable(open_offline, corpus_build, tmp_path):
    graph, printed = corpus_build
    path = write_html(graph, tmp_path / "corpus.html", title="vanban — corpus")
    opened = open_offline(path, timeout=120_000)
    page = opened.page
    counts = {el.get_attribute("data-count"): int(el.text_content().replace(",", ""))
              for el in page.locator("#legend .count[data-count]").all()}
    assert {"Document": printed["read"], "DocumentRef": printed["referenced"], "Organ": printed["organs"],
            "Person": printed["persons"], "Task": printed["tasks"], "IMPLEMENTS": printed["implements"],
            "CITES": printed["cites"], "COPIES": printed["copies"], "ASSIGNED_TO": printed["assignments"],
            "REPORTS_TO": printed["reports-to"], "ADDRESSED_TO": printed["addressed"]}.items() <= counts.items()
    nodes = printed["documents"] + printed["organs"] + printed["persons"] + printed["tasks"]
    assert page.locator("#status").text_content().startswith(f"{nodes:,} nodes · {graph.number_of_edges():,} edges")
    shown = opened.js("window.vanban.shownNodeIds()")
    assert "Task" not in {graph.nodes[n]["kind"] for n in shown}  # tasks and isolated nodes one click away
    assert len(shown) < graph.number_of_nodes() - printed["tasks"]
    labels = opened.js("window.vanban.labels()")
    assert len(labels) >= 40 and _overlaps(labels) == []  # labels at rest never overlap
    assert min(b["h"] for b in labels) >= 13  # 11 px type at least, with its halo
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=ARTIFACTS / "corpus-graph.png")
    # zooming in shows labels that did not fit before, still without overlap
    unlabelled = [n for n in opened.js("window.vanban.shownNodeIds()") if n not in {b["id"] for b in labels}]
    target = max(unlabelled, key=lambda n: graph.degree(n))
    from playwright.sync_api import TimeoutError as PlaywrightTimeout  # here: the module imports without it

    at_rest = opened.js("window.vanban.network.getScale()")
    for factor in (4, 8, 16):  # closer and closer on it, until its label has room
        opened.js("""([id, scale]) => { const n = window.vanban.network;
            n.moveTo({position: n.getPositions([id])[id], scale, animation: false}); n.redraw(); }""",
                  [target, factor * at_rest])
        with contextlib.suppress(PlaywrightTimeout):  # labels are placed on the next frame drawn
            page.wait_for_function("(id) => window.vanban.labels().some((b) => b.id === id)", arg=target,
                                   timeout=5_000)
            break
    zoomed = opened.js("window.vanban.labels()")
    assert target in {b["id"] for b in zoomed} and _overlaps(zoomed) == []


def test_the_corpus_page_fits_resets_and_keeps_a_clicked_node_clear_of_the_panel(open_offline, corpus_build,
                                                                                   tmp_path):
    graph, _ = corpus_build
    opened = open_offline(write_html(graph, tmp_path / "corpus.html"), timeout=120_000)
    page = opened.page
    first = opened.js("window.vanban.network.getPositions()")
    page.locator('input[data-kind="Organ"]').uncheck()
    page.wait_for_selector("body:not([data-settling])", state="attached", timeout=60_000)
    assert "Organ" not in opened.js("window.vanban.shownNodeIds().map(window.vanban.kindOf)")
    page.click("#reset")
    assert page.locator('input[data-kind="Organ"]').is_checked()
    again = opened.js("window.vanban.network.getPositions()")
    assert all(math.dist((first[n]["x"], first[n]["y"]), (again[n]["x"], again[n]["y"])) < 0.5 for n in first)
    # a node at the right edge, under where the panel opens
    box = opened.js("(() => { const r = document.getElementById('graph').getBoundingClientRect(); "
                    "return [r.left, r.top, r.right, r.bottom]; })()")
    right = max(opened.js("window.vanban.shownNodeIds()"), key=lambda n: opened.js(
        "(id) => window.vanban.network.canvasToDOM(window.vanban.network.getPositions([id])[id]).x", n)
        if graph.nodes[n]["kind"] == "Document" else -1e9)
    _click_node(opened, right)
    page.wait_for_selector("#panel:not([hidden])")
    page.wait_for_selector("body:not([data-moving])", state="attached")
    x = opened.js("""(id) => { const n = window.vanban.network;
        return n.canvasToDOM(n.getPositions([id])[id]).x + document.getElementById('graph').getBoundingClientRect().left; }""",
                  right)
    assert box[0] < x < page.locator("#panel").bounding_box()["x"]
    page.keyboard.press("Escape")
    assert not page.locator("#panel").is_visible()
    page.click("#fit")
    assert opened.errors == []
