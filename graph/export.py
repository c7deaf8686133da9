"""Write the graph: node-link JSON (the export contract) and GraphML for Gephi.

Both are written atomically (:mod:`vanban.graph.atomic`: a temporary file in the same folder,
then a rename), so an interrupted run never leaves a half-written export; the files get the
mode the umask gives.

The JSON is the text of ``json.dumps(nx.node_link_data(graph, edges="links"),
ensure_ascii=False, indent=1, sort_keys=True)`` plus a newline, produced node by node and
edge by edge (:func:`json_chunks`): no copy of the graph and no single string of the whole
export is ever held, and the encoder below is several times faster than the standard
library's indenting one, which it reproduces byte for byte.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, cast

import networkx as nx

from vanban.graph.atomic import atomic_path, write_text
from vanban.graph.schema import edge_attributes
from vanban.graph.vocabulary import EdgeType

__all__ = ["graph_to_json", "json_chunks", "read_json", "write_graphml", "write_json"]

_BATCH = 2000  # nodes or edges per chunk written


def graph_to_json(graph: nx.MultiDiGraph) -> str:
    """Node-link JSON text, byte-identical for the same graph."""
    return "".join(json_chunks(graph))


def json_chunks(graph: nx.MultiDiGraph) -> Iterator[str]:
    """The node-link JSON text of :func:`graph_to_json`, in pieces of a few thousand items."""
    yield "{\n \"directed\": " + _encode(graph.is_directed(), " ")
    yield ",\n \"graph\": " + _encode(graph.graph, " ")
    links = ({**attrs, "source": u, "target": v, "key": k}
             for u, v, k, attrs in graph.edges(keys=True, data=True))
    yield from _list_chunks("links", links)
    yield ",\n \"multigraph\": " + _encode(graph.is_multigraph(), " ")
    yield from _list_chunks("nodes", ({**attrs, "id": node} for node, attrs in graph.nodes(data=True)))
    yield "\n}\n"


def _list_chunks(name: str, items: Iterable[dict]) -> Iterator[str]:
    """``,\n "name": [ … ]`` at the export's second level, ``_BATCH`` items a chunk."""
    head = ",\n \"" + name + "\": ["
    batch: list[str] = []
    for item in items:
        batch.append(_encode(item, "  "))
        if len(batch) == _BATCH:
            yield head + "\n  " + ",\n  ".join(batch)
            head, batch = ",", []
    if batch:
        yield head + "\n  " + ",\n  ".join(batch)
    elif head != ",":  # nothing at all
        yield head + "]"
        return
    yield "\n ]"


_encode_string = json.encoder.encode_basestring  # the C encoder json.dumps uses (ensure_ascii=False)


def _encode(value: Any, indent: str) -> str:
    """``value`` as ``json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True)`` writes
    it when it starts on a line indented by ``indent`` (one space a level)."""
    if isinstance(value, str):
        return _encode_string(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return _float(value)
    inner = indent + " "
    if isinstance(value, list | tuple):
        if not value:
            return "[]"
        return ("[\n" + inner + (",\n" + inner).join([_encode(v, inner) for v in value])
                + "\n" + indent + "]")
    if isinstance(value, dict):
        if not value:
            return "{}"
        return ("{\n" + inner + (",\n" + inner).join(
            [_encode_string(_key(k)) + ": " + _encode(v, inner) for k, v in sorted(value.items())])
                + "\n" + indent + "}")
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return float.__repr__(value)


def _key(key: object) -> str:
    """A dictionary key as JSON writes it (keys are strings in JSON)."""
    if isinstance(key, str):
        return key
    if isinstance(key, float):
        return _float(key)
    if key is True or key is False or key is None:
        return {True: "true", False: "false", None: "null"}[key]
    if isinstance(key, int):
        return int.__repr__(key)
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")


def write_json(graph: nx.MultiDiGraph, path: str | Path) -> None:
    """Write :func:`graph_to_json`'s text to ``path``, streamed, atomically.

    The export makes no reference cycles: a caller writing a large graph can pause the cyclic
    garbage collector meanwhile (:func:`vanban.pipeline.collector_paused`, as the command line
    does).
    """
    write_text(path, json_chunks(graph))


def read_json(path: str | Path) -> nx.MultiDiGraph:
    """Read an export back into a graph (an edge's ``span`` a ``(start, end)`` pair, as built).

    An export written before an attribute got its own name holds only the copy the schema
    keeps under the old one (``kind`` of an ADDRESSED_TO edge): the attribute is filled in
    from it, so the graph is the one a build gives now.
    """
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    for link in data.get("links", ()):
        if isinstance(link.get("span"), list):
            link["span"] = tuple(link["span"])
        for original, copy in _COPIES.get(link.get("type"), ()):
            if original not in link and copy in link:
                link[original] = link[copy]
    return cast(nx.MultiDiGraph, nx.node_link_graph(data, directed=True, multigraph=True, edges="links"))


# Per edge type: (attribute, the attribute that copies it), from the schema.
_COPIES = {edge.value: [(a.copy_of, a.key) for a in edge_attributes(edge) if a.copy_of] for edge in EdgeType}


def write_graphml(graph: nx.MultiDiGraph, path: str | Path) -> None:
    """GraphML with lists and nulls flattened to strings (GraphML has scalar values only)."""
    flat: nx.MultiDiGraph = nx.MultiDiGraph()
    for node, attrs in graph.nodes(data=True):
        flat.add_node(node, **_scalars(attrs))
    for u, v, key, attrs in graph.edges(keys=True, data=True):
        flat.add_edge(u, v, key=key, **_scalars(attrs))
    with atomic_path(path) as tmp:
        nx.write_graphml(flat, tmp, encoding="utf-8")


def _scalars(attrs: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in attrs.items():
        if v is None:
            continue
        if isinstance(v, list | dict | tuple):
            out[k] = json.dumps(v, ensure_ascii=False)
        else:
            out[k] = v
    return out
