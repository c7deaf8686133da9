"""Where every node of the page goes, and which nodes a large page hides at first.

The **core** — documents, organs and persons related to one another — is laid out by the
force-directed layout (:mod:`.force`). Tasks sit in a small ring around their document, so
showing them disturbs nothing. A node with no relation to any other node but tasks is
**isolated** (an organ only ever assigned tasks, a body named once): isolated nodes are lined
up in a block below the picture, by kind and name. A large page hides tasks and isolated
nodes at first; both are one click away in the legend.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("doc:1", kind="Document"); g.add_node("organ:a", kind="Organ")
>>> g.add_node("task:1", kind="Task"); g.add_node("organ:lonely", kind="Organ")
>>> _ = g.add_edge("doc:1", "organ:a", type="ISSUED_BY")
>>> _ = g.add_edge("doc:1", "task:1", type="HAS_TASK")
>>> placed = place(g)
>>> sorted(placed.isolated), sorted(placed.positions) == sorted(g)
(['organ:lonely'], True)
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import networkx as nx

from vanban.graph.labels import document_label
from vanban.graph.vocabulary import EdgeType, NodeKind
from vanban.visualize.force import force_layout

__all__ = ["Placement", "place"]

SPACING = 70.0


@dataclass(frozen=True)
class Placement:
    positions: dict[str, tuple[float, float]]
    isolated: frozenset[str]


def place(graph: nx.MultiDiGraph, spacing: float = SPACING) -> Placement:
    """Positions for every node, and the isolated ones (see the module docstring)."""
    kinds = {n: d.get("kind") for n, d in graph.nodes(data=True)}
    tasks = {n for n, kind in kinds.items() if kind == NodeKind.TASK}
    related: set[str] = set()
    for u, v in graph.edges():
        if u != v and u not in tasks and v not in tasks:
            related.update((u, v))
    isolated = frozenset(n for n in graph if n not in tasks and n not in related)
    core = graph.subgraph(related)
    positions = _packed(core, force_layout(core, spacing), spacing) if related else {}
    positions.update(_around_documents(graph, tasks, positions, spacing))
    positions.update(_block(graph, isolated | (tasks - positions.keys()), positions, spacing))
    return Placement(positions, isolated)


def _packed(
    core: nx.MultiDiGraph, positions: dict[str, tuple[float, float]], spacing: float
) -> dict[str, tuple[float, float]]:
    """The largest connected part where the layout put it, the small ones in rows under it
    (left alone, the forces let a pair of nodes drift far from the rest)."""
    parts = sorted(
        (sorted(c, key=str) for c in nx.connected_components(core.to_undirected(as_view=True))),
        key=lambda c: (-len(c), str(c[0])),
    )
    out = {n: positions[n] for n in parts[0]}
    xs = [x for x, _ in out.values()]
    ys = [y for _, y in out.values()]
    left, right, y = min(xs), max(xs), max(ys) + 2 * spacing
    x, row = left, 0.0
    for part in parts[1:]:
        px = [positions[n][0] for n in part]
        py = [positions[n][1] for n in part]
        width, height = max(px) - min(px), max(py) - min(py)
        if x > left and x + width > right:
            x, y, row = left, y + row + spacing, 0.0
        for n in part:
            out[n] = (round(positions[n][0] - min(px) + x, 1), round(positions[n][1] - min(py) + y, 1))
        x += width + spacing
        row = max(row, height)
    return out


def _around_documents(
    graph: nx.MultiDiGraph, tasks: set[str], placed: dict[str, tuple[float, float]], spacing: float
) -> dict[str, tuple[float, float]]:
    """Each document's tasks on a ring around it, in their order."""
    owners: dict[str, list[str]] = {}
    for task in sorted(tasks):
        doc = graph.nodes[task].get("document")
        if doc not in placed:
            incoming: Any = graph.in_edges(task, data="type")
            doc = next((u for u, _, t in incoming if t == EdgeType.HAS_TASK and u in placed), None)
        if doc is not None:
            owners.setdefault(doc, []).append(task)
    out = {}
    for doc, members in owners.items():
        x, y = placed[doc]
        radius = max(spacing * 0.6, len(members) * spacing * 0.35 / (2 * math.pi))
        for i, task in enumerate(members):
            angle = 2 * math.pi * i / len(members)
            out[task] = (round(x + radius * math.cos(angle), 1), round(y + radius * math.sin(angle), 1))
    return out


def _block(
    graph: nx.MultiDiGraph,
    nodes: set[str] | frozenset[str],
    placed: dict[str, tuple[float, float]],
    spacing: float,
) -> dict[str, tuple[float, float]]:
    """Nodes in rows below what is placed, by kind and name."""
    if not nodes:
        return {}
    ys = [y for _, y in placed.values()] or [0.0]
    xs = [x for x, _ in placed.values()] or [0.0]
    left, top = min(xs), max(ys) + 3 * spacing
    per_row = max(8, int((max(xs) - left) / (spacing * 2)) or 8)
    order = sorted(nodes, key=lambda n: (str(graph.nodes[n].get("kind")), document_label(graph.nodes[n]), n))
    return {
        n: (round(left + (i % per_row) * spacing * 2, 1), round(top + (i // per_row) * spacing, 1))
        for i, n in enumerate(order)
    }
