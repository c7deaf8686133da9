"""Implementation trees: a directive, the documents implementing it (at any depth), their issuers.

The page draws one of these as a top-down hierarchy when a reader picks a directive. Each
tree node keeps the id of the graph node it stands for, so a click opens that node's facts.
Issuers are repeated under every document they issued, so the drawing stays a tree; the
directive's own issuer is drawn above it.

>>> from vanban.pipeline import build_graph, read_inputs
>>> g = build_graph(read_inputs(["samples"]).facts)  # doctest: +SKIP
>>> tree = implementation_tree(g, "doc:54-KL/TW")  # doctest: +SKIP
>>> tree["nodes"][0]["level"], tree["nodes"][0]["ref"]  # doctest: +SKIP
(0, 'doc:54-KL/TW')
"""

from __future__ import annotations

from datetime import date

import networkx as nx

from vanban.graph.vocabulary import EdgeType, NodeKind
from vanban.queries.questions import implementing_documents
from vanban.visualize.style import node_label

__all__ = ["implementation_tree", "implementation_trees"]


def implementation_trees(graph: nx.MultiDiGraph) -> dict[str, dict]:
    """A tree for every document that at least one other document implements."""
    directives = sorted({v for _, v, d in graph.edges(data=True) if d.get("type") == EdgeType.IMPLEMENTS
                         and graph.nodes[v].get("kind") == NodeKind.DOCUMENT})
    return {d: implementation_tree(graph, d) for d in directives}


def implementation_tree(graph: nx.MultiDiGraph, directive: str) -> dict:
    """``{"nodes": [...], "edges": [...]}`` ready for a hierarchical vis-network view."""
    members = dict(implementing_documents(graph, directive, transitive=True))
    members[directive] = 0
    nodes = [_tree_node(graph, directive, directive, 0, None)]
    edges = []
    def order(item: tuple[str, int]) -> tuple:
        return item[1], graph.nodes[item[0]].get("date") or "9999", item[0]

    for doc, depth in sorted(members.items(), key=order):
        if doc == directive:
            continue
        nodes.append(_tree_node(graph, doc, doc, 2 * depth, graph.nodes[directive].get("date")))
        parents = sorted({v for _, v, d in graph.out_edges(doc, data=True)
                          if d.get("type") == EdgeType.IMPLEMENTS and v in members and members[v] < depth})
        edges += [{"from": doc, "to": p, "type": EdgeType.IMPLEMENTS.value} for p in parents]
    for doc, depth in members.items():
        # each issuer once, however many files name it (one ISSUED_BY edge per stating file)
        issuers = sorted({organ for _, organ, d in graph.out_edges(doc, data=True)
                          if d.get("type") == EdgeType.ISSUED_BY})
        for organ in issuers:
            tid = f"{doc}|{organ}"
            # the directive's own issuer goes above it, the others below their document
            nodes.append(_tree_node(graph, tid, organ, 2 * depth + 1 if depth else -1, None))
            edges.append({"from": doc, "to": tid, "type": EdgeType.ISSUED_BY.value})
    return {"directive": directive, "label": node_label(graph.nodes[directive], 60), "nodes": nodes,
            "edges": edges}


def _tree_node(graph: nx.MultiDiGraph, tid: str, ref: str, level: int, root_date: str | None) -> dict:
    attrs = graph.nodes[ref]
    lines = [node_label(attrs)]
    if attrs.get("kind") == NodeKind.DOCUMENT:
        if attrs.get("doc_type") and not lines[0].startswith(attrs["doc_type"]):
            lines.insert(0, attrs["doc_type"])
        lines.append(attrs.get("date") or "undated")
        lag = _lag_days(root_date, attrs.get("date"))
        if lag is not None:
            lines[-1] += f"  (+{lag} days)" if lag >= 0 else f"  ({lag} days)"
    return {"id": tid, "ref": ref, "level": level, "kind": attrs.get("kind"), "label": "\n".join(lines)}


def _lag_days(start: str | None, end: str | None) -> int | None:
    if not start or not end:
        return None
    try:
        return (date.fromisoformat(end) - date.fromisoformat(start)).days
    except ValueError:
        return None
