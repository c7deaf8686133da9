"""What the page's header and legend count, the way ``vanban build`` counts in its summary.

Nodes are counted per kind, documents split into those read from a file and those only
referenced. Edges are counted as **statements**: one per fact and per file that states it,
as the graph holds them and the build summary counts them (``31 implements, 1651 cites``);
the page draws a relation several files state as one line, so it also counts the lines.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("doc:1", kind="Document", read=True)
>>> g.add_node("doc:2", kind="Document", read=False)
>>> _ = g.add_edge("doc:1", "doc:2", type="CITES", source_file="a.txt")
>>> _ = g.add_edge("doc:1", "doc:2", type="CITES", source_file="b.txt")
>>> c = graph_counts(g)
>>> c.kinds["Document"], c.read_documents, c.types["CITES"], c.relations
(2, 1, 2, 1)
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import networkx as nx

from vanban.graph.vocabulary import EdgeType, NodeKind

__all__ = ["GraphCounts", "graph_counts"]


@dataclass(frozen=True)
class GraphCounts:
    """Nodes per kind, documents read, statements per edge type, and distinct relations."""

    kinds: dict[str, int]
    read_documents: int
    types: dict[str, int]
    relations: int

    @property
    def nodes(self) -> int:
        return sum(self.kinds.values())

    @property
    def statements(self) -> int:
        return sum(self.types.values())

    @property
    def referenced_documents(self) -> int:
        return self.kinds.get(NodeKind.DOCUMENT.value, 0) - self.read_documents

    def as_dict(self) -> dict:
        return {
            "nodes": self.nodes,
            "kinds": self.kinds,
            "read_documents": self.read_documents,
            "referenced_documents": self.referenced_documents,
            "statements": self.statements,
            "types": self.types,
            "relations": self.relations,
        }


def graph_counts(graph: nx.MultiDiGraph) -> GraphCounts:
    """The counts of ``graph`` (every kind and edge type of the vocabulary, zero included)."""
    kinds = Counter(str(d.get("kind")) for _, d in graph.nodes(data=True))
    read = sum(1 for _, d in graph.nodes(data=True) if d.get("kind") == NodeKind.DOCUMENT and d.get("read"))
    types = Counter(str(d.get("type")) for _, _, d in graph.edges(data=True))
    relations = len({(u, v, d.get("type")) for u, v, d in graph.edges(data=True)})
    return GraphCounts(
        {k.value: kinds.get(k.value, 0) for k in NodeKind},
        read,
        {t.value: types.get(t.value, 0) for t in EdgeType},
        relations,
    )
