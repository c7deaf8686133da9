"""The embedded back end: the canned questions over a networkx graph in memory.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("organ:a", kind="Organ", name="Ban Dân vận Trung ương", collective=False)
>>> backend = GraphBackend(g)
>>> backend.exact(NodeKind.ORGAN, "x", "ban dan van trung uong")
[Candidate(id='organ:a', symbol=None, text='Ban Dân vận Trung ương')]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import networkx as nx

from vanban.graph.keys import name_key, symbol_key
from vanban.graph.vocabulary import NodeKind
from vanban.queries.backend import DOCUMENT_FIELDS, Candidate
from vanban.queries.catalogue import Entry
from vanban.queries.questions import (
    assigned_tasks,
    cited_by,
    cites,
    implementers,
    most_cited,
    ordered_not_implementing,
    reporting_chain,
)
from vanban.queries.spec import Question

__all__ = ["GraphBackend"]

_ANSWERS: dict[str, Callable[..., list[dict[str, Any]]]] = {
    "implementers": implementers,
    "ordered": ordered_not_implementing,
    "cites": cites,
    "cited-by": cited_by,
    "reporting-chain": reporting_chain,
    "tasks": assigned_tasks,
    "most-cited": most_cited,
}


class GraphBackend:
    """The questions of :mod:`vanban.queries.spec` answered by :mod:`vanban.queries.questions`."""

    name = "networkx"

    def __init__(self, graph: nx.MultiDiGraph) -> None:
        self.graph = graph

    def answer(self, question: Question, subject: str | None, *, transitive: bool,
               limit: int | None) -> list[dict[str, Any]]:
        function = _ANSWERS[question.name]
        options: dict[str, Any] = {} if question.transitive is None else {"transitive": transitive}
        if question.limit is not None:
            options["limit"] = limit if limit is not None else question.limit
        subjects = (subject,) if question.subject else ()
        return function(self.graph, *subjects, **options)

    def _of_kind(self, kind: NodeKind) -> Iterable[tuple[str, dict[str, Any]]]:
        return ((n, d) for n, d in self.graph.nodes(data=True) if d.get("kind") == kind)

    def exact(self, kind: NodeKind, text: str, key: str) -> list[Candidate]:
        def matches(node: str, attrs: dict[str, Any]) -> bool:
            if node == text:
                return True
            if kind is NodeKind.DOCUMENT:
                return bool(attrs.get("symbol")) and symbol_key(attrs["symbol"]) == key
            return name_key(attrs.get("name")) == key
        return [Candidate.of(kind, {**d, "id": n}) for n, d in self._of_kind(kind) if matches(n, d)]

    def searchable(self, kind: NodeKind) -> list[Candidate]:
        return [Candidate.of(kind, {**d, "id": n}) for n, d in self._of_kind(kind)
                if kind is not NodeKind.DOCUMENT or not d.get("symbol")]

    def catalogue(self) -> list[Entry]:
        """Every document, with its type, date and issuers (see :mod:`.catalogue`)."""
        nodes, edges = self.graph.nodes, self.graph.out_edges
        return [Entry(n, d.get("symbol"), d.get("title"), d.get("doc_type"), d.get("date"),
                      tuple(sorted({nodes[o].get("name") or o for _, o, e in edges(n, data=True)
                                    if e.get("type") == "ISSUED_BY"})))
                for n, d in self._of_kind(NodeKind.DOCUMENT)]

    def documents(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        nodes = self.graph.nodes
        return {node: {field: nodes[node].get(field) for field in DOCUMENT_FIELDS}
                for node in ids if node in nodes and nodes[node].get("kind") == NodeKind.DOCUMENT}
