"""Choosing what to draw: the neighbourhood of one document, or only some node kinds.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("d", kind="Document"); g.add_node("o", kind="Organ"); g.add_node("t", kind="Task")
>>> _ = g.add_edge("d", "t", type="HAS_TASK"), g.add_edge("t", "o", type="ASSIGNED_TO")
>>> sorted(neighbourhood(g, "d", 1))
['d', 't']
>>> sorted(only_kinds(g, ["Document", "Organ"]))
['d', 'o']
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from vanban.errors import QueryError
from vanban.graph.vocabulary import NodeKind

__all__ = ["neighbourhood", "only_kinds"]


def neighbourhood(graph: nx.MultiDiGraph, center: str, depth: int) -> nx.MultiDiGraph:
    """The nodes at most ``depth`` edges from ``center`` (either direction), with their edges."""
    if center not in graph:
        raise QueryError(f"no node {center!r} in the graph")
    if depth < 0:
        raise QueryError(f"depth must be 0 or more, not {depth}")
    seen = {center}
    frontier = [center]
    for _ in range(depth):
        nxt = []
        for node in frontier:
            for other in (*graph.successors(node), *graph.predecessors(node)):
                if other not in seen:
                    seen.add(other)
                    nxt.append(other)
        frontier = nxt
    return graph.subgraph(seen).copy()


def only_kinds(graph: nx.MultiDiGraph, kinds: Iterable[str]) -> nx.MultiDiGraph:
    """The nodes of the given kinds (``Document``, ``Organ``, ``Person``, ``Task``), with their edges."""
    wanted = set(kinds)
    unknown = wanted - {k.value for k in NodeKind}
    if unknown:
        raise QueryError(f"unknown node kind(s) {', '.join(sorted(unknown))}; "
                         f"choose from {', '.join(k.value for k in NodeKind)}")
    return graph.subgraph(n for n, d in graph.nodes(data=True) if d.get("kind") in wanted).copy()
