"""A node's neighbours for the graph view, grouped by relation and direction, a page at a time.

A directive cited by thousands of documents must expand as fast as a leaf: each group
(``CITES`` in, ``ISSUED_BY`` out, …) reports how many distinct neighbours it has and lists
``limit`` of them from ``offset``, the best connected first. A hub's ranked groups are kept
for the next request (the graph does not change while it is served), so paging through its
neighbours or expanding it again costs only the page asked for.

>>> import networkx as nx
>>> from vanban.serve.catalog import Catalog
>>> g = nx.MultiDiGraph()
>>> g.add_node("doc:1", kind="Document", symbol="1-KL/TW", read=True)
>>> for i in range(5):
...     g.add_node(f"doc:{i + 2}", kind="Document", symbol=f"{i + 2}-KH/TU", read=True)
...     _ = g.add_edge(f"doc:{i + 2}", "doc:1", type="CITES")
>>> view = expand(Catalog.of(g), "doc:1", limit=2)
>>> [(grp["type"], grp["direction"], grp["total"], len(grp["nodes"])) for grp in view["groups"]]
[('CITES', 'in', 5, 2)]
"""

from __future__ import annotations

from typing import Any

from vanban.errors import QueryError
from vanban.graph.vocabulary import EdgeType
from vanban.serve.catalog import Catalog
from vanban.visualize.style import EDGE_STYLES

__all__ = ["HUB", "MAX_LIMIT", "expand"]

MAX_LIMIT = 200
HUB = 2000  # neighbours above which a node's grouping is remembered for the next request
_ORDER = {edge.value: number for number, edge in enumerate(EdgeType)}


def expand(
    catalog: Catalog, node: str, limit: int = 25, offset: int = 0, only: tuple[str, str] | None = None
) -> dict[str, Any]:
    """The node's summary and its neighbour groups; ``only`` = (type, direction) keeps one group."""
    graph = catalog.graph
    raw: Any = graph  # its adjacency dicts: the views cost more than the work on a hub
    if node not in graph:
        raise QueryError(f"no node {node!r} in the graph")
    limit = max(1, min(int(limit), MAX_LIMIT))
    offset = max(0, int(offset))
    groups = catalog.remembered(
        ("groups", node, only),
        lambda: _ranked(raw, node, only),
        len(raw._succ[node]) + len(raw._pred[node]) > HUB,
    )
    listed = []
    for (edge_type, direction), members in groups:
        style = EDGE_STYLES.get(edge_type, {})
        listed.append(
            {
                "type": edge_type,
                "direction": direction,
                "legend": style.get("legend", edge_type),
                "total": len(members),
                "offset": offset,
                "nodes": [
                    {**catalog.summary(n), "statements": count}
                    for n, count in members[offset : offset + limit]
                ],
            }
        )
    return {"node": catalog.summary(node), "groups": listed}


def _ranked(
    raw: Any, node: str, only: tuple[str, str] | None
) -> list[tuple[tuple[str, str], list[tuple[str, int]]]]:
    """Per (edge type, direction), in the vocabulary's order: the neighbours and their
    statements, the best connected first (most distinct neighbours of their own)."""
    groups: dict[tuple[str, str], dict[str, int]] = {}
    # The adjacency itself: for a node with tens of thousands of relations, the edge views'
    # generators cost several times more.
    for direction, adjacency in (("out", raw._succ[node]), ("in", raw._pred[node])):
        for other, keyed in adjacency.items():
            if other == node:
                continue
            for data in keyed.values():
                edge_type = data.get("type")
                if only is not None and only != (edge_type, direction):
                    continue
                statements = groups.setdefault((str(edge_type), direction), {})
                statements[other] = statements.get(other, 0) + 1
    succ, pred = raw._succ, raw._pred

    def rank(item: tuple[str, int]) -> tuple[int, str]:
        return -(len(succ[item[0]]) + len(pred[item[0]])), item[0]

    return [
        (key, sorted(groups[key].items(), key=rank))
        for key in sorted(groups, key=lambda k: (_ORDER.get(k[0], 99), k[1]))
    ]
