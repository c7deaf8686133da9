"""Every export is written the same way: atomically, with the mode the umask gives a new file
(as any other tool), and without a temporary file left behind when the write fails."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import networkx as nx
import pytest

import vanban.graph.rdf.export as rdf_export
import vanban.visualize.page as page
from vanban.graph.export import write_graphml, write_json
from vanban.graph.rdf.export import write_rdf
from vanban.visualize import write_html

WRITERS: dict[str, Callable[[nx.MultiDiGraph, Path], object]] = {
    "json": write_json,
    "graphml": write_graphml,
    "html": write_html,
    "turtle (rdflib)": lambda graph, path: write_rdf(graph, path, "turtle", engine="rdflib"),
    "turtle (oxigraph)": lambda graph, path: write_rdf(graph, path, "turtle", engine="oxigraph"),
    "n-triples": lambda graph, path: write_rdf(graph, path, "nt", engine="rdflib"),
    "json-ld": lambda graph, path: write_rdf(graph, path, "json-ld", engine="oxigraph"),
}


@pytest.fixture()
def umask() -> Iterator[Callable[[int], None]]:
    """Sets the process's umask for the test, and puts the old one back."""
    old = os.umask(0o022)
    os.umask(old)
    yield os.umask
    os.umask(old)


@pytest.fixture(scope="module")
def small_graph(sample_graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    keep = [n for n, d in sample_graph.nodes(data=True) if d["kind"] in ("Document", "Organ")][:40]
    return sample_graph.subgraph(keep).copy()


@pytest.mark.parametrize("mask", [0o022, 0o077, 0o002])
@pytest.mark.parametrize("name", WRITERS)
def test_exports_get_the_mode_the_umask_gives(small_graph, tmp_path: Path, umask, name: str, mask: int) -> None:
    umask(mask)
    target = tmp_path / "export"
    WRITERS[name](small_graph, target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask
    assert [p.name for p in tmp_path.iterdir()] == ["export"]


def test_a_failed_page_leaves_the_old_one(small_graph, tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "graph.html"
    target.write_text("old page\n", encoding="utf-8")

    def failing(*args, **kwargs):
        raise MemoryError("out of memory while rendering")

    monkeypatch.setattr(page, "render_html", failing)
    with pytest.raises(MemoryError):
        write_html(small_graph, target)
    assert target.read_text(encoding="utf-8") == "old page\n"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.html"]


_real_triples = rdf_export.graph_triples


def _interrupted(graph, terms, base=rdf_export.DEFAULT_BASE):
    """The first triples, then Ctrl-C."""
    for count, triple in enumerate(_real_triples(graph, terms, base)):
        if count == 10:
            raise KeyboardInterrupt
        yield triple


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_a_failed_rdf_export_leaves_the_old_one(small_graph, tmp_path: Path, monkeypatch, engine: str) -> None:
    target = tmp_path / "graph.ttl"
    target.write_text("old export\n", encoding="utf-8")

    monkeypatch.setattr(rdf_export, "graph_triples", _interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_rdf(small_graph, target, engine=engine)
    assert target.read_text(encoding="utf-8") == "old export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]

