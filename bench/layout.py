"""Page layouts compared on a real graph: time, crowding, edge length, grouping.

    .venv/bin/python -m bench.layout --graph out/corpus.json     # a built export (or a folder)
    .venv/bin/python -m bench.layout --synthetic 5000            # a generated graph

Each candidate lays out what a large page shows first (documents, organs and persons with a
relation to one another; tasks and isolated nodes hidden). Measures, with ``k`` the ideal
edge length of the layout:

* **time** to compute it (CPU, best of ``--runs``);
* **crowded**: share of nodes with another node closer than ``k/4`` (markers and labels
  collide there);
* **edge / k**: median length of a relation (long lines cross everything);
* **issuer ratio**: median distance from a document to its issuer over the median distance
  between any two nodes (below 1: documents sit by their issuers);
* **part-of ratio**: the same for a department and the body it is part of (localities);
* **spread**: width over height of the drawing (a ring or a line is far from 1).

Candidates: the radial tree layout the page used (``radial``), the force-directed layout
started from it (``force``, the page's), and the force layout with a tenth of the iterations
(``force-short``) and without the relation weights (``force-flat``).
"""

from __future__ import annotations

import argparse
import math
import random
import statistics
import sys
import time
from collections.abc import Callable

import networkx as nx

from vanban.graph.vocabulary import EdgeType, NodeKind
from vanban.pipeline import graph_from_paths
from vanban.visualize.force import force_layout
from vanban.visualize.layout import radial_layout
from vanban.visualize.synthetic import synthetic_graph

__all__ = ["CANDIDATES", "core_view", "quality"]

K = 70.0
CANDIDATES: dict[str, Callable[[nx.MultiDiGraph], dict]] = {
    "radial": lambda g: radial_layout(g, K),
    "force": lambda g: force_layout(g, K),
    "force-short": lambda g: force_layout(g, K, iterations=6),
    "force-flat": lambda g: force_layout(g, K, weights=dict.fromkeys(EdgeType, 1.0)),
}


def core_view(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """What a large page shows first: no tasks, no node without a relation to a non-task."""
    keep = {n for n, d in graph.nodes(data=True) if d.get("kind") != NodeKind.TASK}
    related = {x for u, v in graph.edges() if u != v and u in keep and v in keep for x in (u, v)}
    return graph.subgraph(related).copy()


def _dist(a: tuple[float, float], b: tuple[float, float]) -> float:
    return math.hypot(a[0] - b[0], a[1] - b[1])


def quality(graph: nx.MultiDiGraph, pos: dict, k: float = K, sample: int = 4000) -> dict[str, float]:
    """The measures of the module docstring for positions ``pos``."""
    nodes = list(pos)
    cell = k / 4
    grid: dict[tuple[int, int], list[str]] = {}
    for n in nodes:
        grid.setdefault((int(pos[n][0] // cell), int(pos[n][1] // cell)), []).append(n)
    crowded = 0
    for n in nodes:
        cx, cy = int(pos[n][0] // cell), int(pos[n][1] // cell)
        near = (m for ox in (-1, 0, 1) for oy in (-1, 0, 1) for m in grid.get((cx + ox, cy + oy), ()))
        crowded += any(m != n and _dist(pos[m], pos[n]) < cell for m in near)
    rng = random.Random(1)
    pairs = [_dist(pos[rng.choice(nodes)], pos[rng.choice(nodes)]) for _ in range(sample)]
    typical = statistics.median(pairs) or 1.0

    def ratio(edge_type: EdgeType) -> float:
        lengths = [_dist(pos[u], pos[v]) for u, v, t in graph.edges(data="type") if t == edge_type and u != v]
        return statistics.median(lengths) / typical if lengths else float("nan")

    lengths = [_dist(pos[u], pos[v]) for u, v in graph.edges() if u != v]
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    return {
        "crowded": crowded / len(nodes),
        "edge_k": statistics.median(lengths) / k,
        "issuer": ratio(EdgeType.ISSUED_BY),
        "part_of": ratio(EdgeType.PART_OF),
        "spread": (max(xs) - min(xs) + 1) / (max(ys) - min(ys) + 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--graph", help="a .json export or documents to build from")
    parser.add_argument("--synthetic", type=int, help="a generated graph of this many nodes instead")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--only", nargs="+", choices=sorted(CANDIDATES))
    args = parser.parse_args(argv)
    graph = (
        synthetic_graph(args.synthetic, seed=3)
        if args.synthetic
        else graph_from_paths([args.graph or "samples"])
    )
    view = core_view(graph)
    print(
        f"{graph.number_of_nodes():,} nodes; shown first: {view.number_of_nodes():,} nodes, "
        f"{view.number_of_edges():,} edges"
    )
    print(
        f"{'layout':<12} {'time s':>7} {'crowded':>8} {'edge/k':>7} {'issuer':>7} {'part-of':>8} "
        f"{'spread':>7}"
    )
    for name in args.only or CANDIDATES:
        times = []
        for _ in range(args.runs):
            began = time.process_time()
            pos = CANDIDATES[name](view)
            times.append(time.process_time() - began)
        q = quality(view, pos)
        print(
            f"{name:<12} {min(times):>7.2f} {q['crowded']:>8.1%} {q['edge_k']:>7.2f} {q['issuer']:>7.2f} "
            f"{q['part_of']:>8.2f} {q['spread']:>7.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
