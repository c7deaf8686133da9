"""Finding documents and organs in an embedded graph by what users type (see :mod:`.resolve`).

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("doc:54-KL/TW", kind="Document", symbol="54-KL/TW")
>>> g.add_node("organ:ban-dan-van-trung-uong", kind="Organ", name="Ban Dân vận Trung ương")
>>> find_document(g, "54-kl/tw"), find_organ(g, "ban dan van trung uong")
('doc:54-KL/TW', 'organ:ban-dan-van-trung-uong')
"""

from __future__ import annotations

import networkx as nx

from vanban.queries import resolve
from vanban.queries.embedded import GraphBackend

__all__ = ["find_document", "find_organ"]


def find_document(graph: nx.MultiDiGraph, text: str) -> str:
    """The one document ``text`` names; an error lists the candidates when it is ambiguous."""
    return resolve.resolve_document(GraphBackend(graph), text)


def find_organ(graph: nx.MultiDiGraph, text: str) -> str:
    """The organ named ``text`` (id, exact folded name, else the one name containing it)."""
    return resolve.resolve_organ(GraphBackend(graph), text)
