"""Large graphs made of copies of a real one, for the store and export benchmarks.

National documents (no issuer scope in their id), their tasks and what those point to are
shared by every copy; each copy relabels the local documents, tasks, organs, people and source
files. So 54-KL/TW gains an implementer in every copy, as a directive does when every province
answers it. Relabelled ids keep the shape the RDF exporter mints URIs from (a document read
without a number keeps its ``file#n`` form), so every copy gets URIs of its own.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("doc:1-KL/TW", kind="Document", sources=["a.txt"])
>>> g.add_node("doc:a.txt#0", kind="Document", sources=["a.txt"])
>>> g.add_node("organ:x", kind="Organ")
>>> g.add_edge("doc:a.txt#0", "doc:1-KL/TW", key="IMPLEMENTS|a.txt", type="IMPLEMENTS", source_file="a.txt")
'IMPLEMENTS|a.txt'
>>> g.add_edge("doc:a.txt#0", "organ:x", key="ISSUED_BY", type="ISSUED_BY", source_file="a.txt")
'ISSUED_BY'
>>> big = replicate(g, 3)
>>> sorted(big), big.nodes["doc:1-KL/TW"]["sources"]
(['doc:1-KL/TW', 'doc:c0-a.txt#0', 'doc:c1-a.txt#0', 'doc:c2-a.txt#0', 'organ:x-c0', 'organ:x-c1', \
'organ:x-c2'], ['a.txt', 'c0-a.txt', 'c1-a.txt', 'c2-a.txt'])
"""

from __future__ import annotations

import math

import networkx as nx

from vanban.graph.vocabulary import NodeKind

__all__ = ["copies_for", "replicate", "shared_nodes"]

REFERENCES = {"IMPLEMENTS", "CITES", "COPIES"}


def shared_nodes(graph: nx.MultiDiGraph) -> set[str]:
    """National documents, and what they point to other than documents (transitively)."""
    seeds = [n for n, d in graph.nodes(data=True) if d["kind"] == NodeKind.DOCUMENT
             and "@" not in n and "#" not in n]
    shared, stack = set(seeds), list(seeds)
    while stack:
        for _, target, data in graph.out_edges(stack.pop(), data=True):
            if data["type"] not in REFERENCES and target not in shared:
                shared.add(target)
                stack.append(target)
    return shared


def copies_for(base: nx.MultiDiGraph, documents: int) -> int:
    """How many copies of ``base`` hold at least ``documents`` documents."""
    shared = shared_nodes(base)
    kinds = nx.get_node_attributes(base, "kind")
    local = sum(1 for n, k in kinds.items() if k == NodeKind.DOCUMENT and n not in shared)
    national = sum(1 for n, k in kinds.items() if k == NodeKind.DOCUMENT and n in shared)
    return max(1, math.ceil((documents - national) / max(local, 1)))


def _relabel(node: str, copy: int, graph: nx.MultiDiGraph, shared: set[str]) -> str:
    if node in shared:
        return node
    kind = graph.nodes[node]["kind"]
    if kind == NodeKind.DOCUMENT:
        return f"doc:c{copy}-{node[4:]}" if "#" in node else f"{node}~c{copy}"
    if kind == NodeKind.TASK:
        doc = graph.nodes[node]["document"]
        return f"task:{_relabel(doc, copy, graph, shared)}/{node[len('task:' + doc + '/'):]}"
    return f"{node}-c{copy}"


def replicate(base: nx.MultiDiGraph, copies: int) -> nx.MultiDiGraph:
    """``copies`` copies of ``base``: shared nodes once (their ``sources`` name every copy's
    files), edges between shared nodes once, everything else once per copy."""
    shared = shared_nodes(base)
    graph = nx.MultiDiGraph(**base.graph)
    for node, attrs in base.nodes(data=True):
        if node in shared:
            graph.add_node(node, **attrs)
    for u, v, key, attrs in base.edges(keys=True, data=True):
        if u in shared and v in shared:
            graph.add_edge(u, v, key=key, **attrs)
    for copy in range(copies):
        name = {n: _relabel(n, copy, base, shared) for n in base.nodes}
        for node, attrs in base.nodes(data=True):
            renamed_sources = [f"c{copy}-{s}" for s in attrs.get("sources") or ()]
            if node in shared:
                if renamed_sources:
                    merged = graph.nodes[node]
                    merged["sources"] = sorted(set(merged.get("sources") or ()) | set(renamed_sources))
                continue
            new = dict(attrs)
            if "sources" in new:
                new["sources"] = renamed_sources
            if new.get("document"):
                new["document"] = name[new["document"]]
            graph.add_node(name[node], **new)
        for u, v, key, attrs in base.edges(keys=True, data=True):
            if u in shared and v in shared:
                continue
            new = dict(attrs)
            if new.get("source_file"):
                new["source_file"] = f"c{copy}-{new['source_file']}"
            for ref in ("document", "via_id"):
                if new.get(ref):
                    new[ref] = name[new[ref]]
            graph.add_edge(name[u], name[v], key=key, **new)
    return graph
