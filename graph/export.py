"""Write the graph: node-link JSON (the export contract) and GraphML for Gephi.

Both are written atomically (temporary file in the same folder, then rename), so an
interrupted run never leaves a half-written export.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import networkx as nx

__all__ = ["graph_to_json", "read_json", "write_graphml", "write_json"]


def graph_to_json(graph: nx.MultiDiGraph) -> str:
    """Node-link JSON text, byte-identical for the same graph."""
    data = nx.node_link_data(graph, edges="links")
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def _atomic_write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_json(graph: nx.MultiDiGraph, path: str | Path) -> None:
    _atomic_write(Path(path), graph_to_json(graph))


def read_json(path: str | Path) -> nx.MultiDiGraph:
    """Read an export back into a graph."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return nx.node_link_graph(data, directed=True, multigraph=True, edges="links")


def write_graphml(graph: nx.MultiDiGraph, path: str | Path) -> None:
    """GraphML with lists and nulls flattened to strings (GraphML has scalar values only)."""
    flat = nx.MultiDiGraph()
    for node, attrs in graph.nodes(data=True):
        flat.add_node(node, **_scalars(attrs))
    for u, v, key, attrs in graph.edges(keys=True, data=True):
        flat.add_edge(u, v, key=key, **_scalars(attrs))
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(fd)
    try:
        nx.write_graphml(flat, tmp, encoding="utf-8")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _scalars(attrs: dict) -> dict:
    out = {}
    for k, v in attrs.items():
        if v is None:
            continue
        if isinstance(v, list | dict | tuple):
            out[k] = json.dumps(v, ensure_ascii=False)
        else:
            out[k] = v
    return out
