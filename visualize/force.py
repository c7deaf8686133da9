"""A force-directed layout in pure Python that groups documents with their issuers and localities.

Relations pull by how much they say about belonging together: a document sits by the body
that issued it, a department by the committee it is part of, a signer by what they signed,
a document by what it implements; citations and recipient lists pull less. Nodes push their
near neighbours away (Fruchterman–Reingold forces, repulsion only within a few ideal edge
lengths, found through a grid): a step costs time in proportion to nodes and relations, not
their square. Hubs are kept from swallowing the picture by sharing their pull among their
relations. The start is the radial tree layout (:mod:`.layout`), whose rings the forces then
loosen into groups. Deterministic: the same graph gives the same picture.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> for i in range(6):
...     _ = g.add_edge(f"doc:{i}", "organ:a" if i < 3 else "organ:b", type="ISSUED_BY")
>>> pos = force_layout(g)
>>> def far(u, v): return ((pos[u][0] - pos[v][0]) ** 2 + (pos[u][1] - pos[v][1]) ** 2) ** 0.5
>>> far("doc:0", "organ:a") < far("doc:0", "organ:b")
True
"""

from __future__ import annotations

import math
from collections import defaultdict

import networkx as nx

from vanban.graph.vocabulary import EdgeType
from vanban.visualize.layout import radial_layout

__all__ = ["EDGE_WEIGHTS", "force_layout"]

# How strongly each relation pulls its two ends together.
EDGE_WEIGHTS: dict[str, float] = {
    EdgeType.ISSUED_BY: 3.0,
    EdgeType.PART_OF: 3.0,
    EdgeType.SIGNED_BY: 1.5,
    EdgeType.IMPLEMENTS: 2.0,
    EdgeType.COPIES: 2.0,
    EdgeType.REPORTS_TO: 1.0,
    EdgeType.CITES: 0.7,
    EdgeType.HAS_TASK: 2.0,
    EdgeType.ASSIGNED_TO: 0.5,
    EdgeType.ADDRESSED_TO: 0.25,
}


def force_layout(
    graph: nx.Graph, spacing: float = 70.0, iterations: int = 60, weights: dict[str, float] | None = None
) -> dict[str, tuple[float, float]]:
    """Positions (x, y) for every node; ``spacing`` is the ideal length of a relation."""
    weights = weights or EDGE_WEIGHTS
    nodes = sorted(graph.nodes, key=str)
    if not nodes:
        return {}
    index = {n: i for i, n in enumerate(nodes)}
    pull: dict[tuple[int, int], float] = defaultdict(float)
    for u, v, data in graph.edges(data=True):
        if u != v:
            a, b = sorted((index[u], index[v]))
            pull[(a, b)] = min(4.0, pull[(a, b)] + weights.get(str(data.get("type")), 0.5))
    degree = [0] * len(nodes)
    for a, b in pull:
        degree[a] += 1
        degree[b] += 1
    start = radial_layout(graph, spacing)
    xs = [start[n][0] for n in nodes]
    ys = [start[n][1] for n in nodes]
    edges = [(a, b, w / math.sqrt(max(degree[a], degree[b]))) for (a, b), w in pull.items()]
    k = spacing
    reach = 3 * k
    temperature = 4 * k
    for step in range(iterations):
        dx = [0.0] * len(nodes)
        dy = [0.0] * len(nodes)
        _repel(xs, ys, dx, dy, k, reach)
        for a, b, w in edges:
            ex, ey = xs[a] - xs[b], ys[a] - ys[b]
            d = math.sqrt(ex * ex + ey * ey) or 0.01
            f = w * d / k  # FR attraction d²/k, per unit vector
            dx[a] -= ex * f
            dy[a] -= ey * f
            dx[b] += ex * f
            dy[b] += ey * f
        cap = temperature * (1 - step / iterations) + k * 0.05
        for i in range(len(nodes)):
            d = math.sqrt(dx[i] * dx[i] + dy[i] * dy[i])
            if d > cap:
                dx[i] *= cap / d
                dy[i] *= cap / d
            xs[i] += dx[i]
            ys[i] += dy[i]
    return {n: (round(xs[i], 1), round(ys[i], 1)) for i, n in enumerate(nodes)}


def _repel(
    xs: list[float], ys: list[float], dx: list[float], dy: list[float], k: float, reach: float
) -> None:
    """FR repulsion k²/d between nodes closer than ``reach``, through a grid of that cell size."""
    cells: dict[tuple[int, int], list[int]] = defaultdict(list)
    for i in range(len(xs)):
        cells[(int(xs[i] // reach), int(ys[i] // reach))].append(i)
    k2 = k * k
    reach2 = reach * reach
    for (cx, cy), members in cells.items():
        near = []
        for ox in (-1, 0, 1):
            for oy in (-1, 0, 1):
                other = cells.get((cx + ox, cy + oy))
                if other:
                    near.extend(other)
        for i in members:
            xi, yi = xs[i], ys[i]
            fx = fy = 0.0
            for j in near:
                if j == i:
                    continue
                ex, ey = xi - xs[j], yi - ys[j]
                d2 = ex * ex + ey * ey
                if d2 >= reach2:
                    continue
                if d2 < 0.01:
                    ex, ey, d2 = (i - j) * 0.1, 0.1, 0.02 + (i - j) * (i - j) * 0.01
                f = k2 / d2  # k²/d, per unit vector (ex/d)
                fx += ex * f
                fy += ey * f
            dx[i] += fx
            dy[i] += fy
