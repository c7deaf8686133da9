"""The graph a server browses, indexed once: nodes by URI path, the search index, the counts.

Every node's page lives at the **path of its RDF URI** (:class:`vanban.graph.rdf.uris.UriMinter`):
``https://w3id.org/vanban/id/doc/vn/2023/54-KL/TW`` is served at
``/vanban/id/doc/vn/2023/54-KL/TW``, so a URI copied from the Turtle export opens its page once
its scheme and host are the server's. Paths are compared segment by segment after decoding
and encoding each one again as the minter does, so ``Đ`` typed as is or as ``%C4%90`` (in
either case) finds the same node.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("doc:54-KL/TW", kind="Document", symbol="54-KL/TW", date="2023-05-09", read=True)
>>> g.add_node("task:doc:54-KL/TW/6-3", kind="Task", number="6-3", document="doc:54-KL/TW")
>>> g.add_node("organ:ban-bi-thu", kind="Organ", name="Ban Bí thư")
>>> uris = NodeUris(g)
>>> uris.path("doc:54-KL/TW"), uris.path("task:doc:54-KL/TW/6-3")
('/vanban/id/doc/vn/2023/54-KL/TW', '/vanban/id/doc/vn/2023/54-KL/TW/task/6-3')
>>> uris.node("doc/vn/2023/54-kl/TW"), uris.node("doc/vn/2023/54-KL/TW/task/6-3")
(None, 'task:doc:54-KL/TW/6-3')
>>> uris.node_of_uri("https://w3id.org/vanban/id/organ/ban-bi-thu")
'organ:ban-bi-thu'
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar
from urllib.parse import unquote, urlsplit

import networkx as nx

from vanban.graph.keys import name_key, symbol_key
from vanban.graph.labels import document_label
from vanban.graph.rdf.uris import DEFAULT_BASE, UriMinter, segment
from vanban.graph.vocabulary import NodeKind
from vanban.serve.search import Entry, SearchIndex
from vanban.visualize.counts import GraphCounts, graph_counts
from vanban.visualize.style import node_group, node_label

__all__ = ["Catalog", "NodeUris", "node_title", "typed_edges"]


class NodeUris:
    """Each node's URI (as the RDF export mints it) and the node each URI path names."""

    def __init__(self, graph: nx.MultiDiGraph, base: str = DEFAULT_BASE) -> None:
        self.graph = graph
        self.minter = UriMinter(base)
        self.base = self.minter.base
        self.prefix = urlsplit(self.base).path or "/"
        self._relative: dict[str, str] = {}
        self._nodes: dict[str, str] = {}
        for node, attrs in graph.nodes(data=True):
            kind = attrs.get("kind")
            if kind == NodeKind.DOCUMENT:
                uri = self.minter.document(node, attrs)
            elif kind == NodeKind.ORGAN:
                uri = self.minter.organ(node)
            elif kind == NodeKind.PERSON:
                uri = self.minter.person(node)
            else:
                continue
            relative = uri[len(self.base) :]
            self._relative[node] = relative
            self._nodes.setdefault(relative, node)

    def uri(self, node: str) -> str:
        """The node's URI, as in the RDF export."""
        attrs = self.graph.nodes[node]
        if attrs.get("kind") == NodeKind.TASK:
            doc = attrs.get("document")
            if doc in self._relative:
                return self.minter.task(node, self.base + self._relative[doc], doc)
            return f"{self.base}task/{node.removeprefix('task:').replace('/', '%2F')}"
        return self.base + self._relative[node]

    def path(self, node: str) -> str:
        """The path the server shows the node at: its URI's path."""
        return self.prefix + self.uri(node)[len(self.base) :]

    def path_of_uri(self, uri: str) -> str:
        """The server path of any URI under the base."""
        return self.prefix + uri[len(self.base) :]

    def node(self, relative: str) -> str | None:
        """The node at a path below the prefix (``doc/vn/2023/54-KL/TW``), or None."""
        relative = relative.strip("/")
        if relative.startswith("task/"):
            orphan = "task:" + unquote(relative[5:])
            return orphan if orphan in self.graph else None
        normal = "/".join(segment(unquote(part)) for part in relative.split("/"))
        found = self._nodes.get(normal)
        if found is not None:
            return found
        owner, marker, task = normal.rpartition("/task/")
        if marker and (doc := self._nodes.get(owner)) is not None:
            candidate = f"task:{doc}/{unquote(task)}"
            if candidate in self.graph:
                return candidate
        return None

    def node_of_uri(self, uri: str) -> str | None:
        """The node a full URI names (under this base), or None."""
        uri = uri.strip().strip("<>")
        if not uri.startswith(self.base):
            return None
        return self.node(uri[len(self.base) :].split("?")[0].split("#")[0])


def typed_edges(graph: nx.MultiDiGraph, node: str, direction: str) -> Iterator[tuple[str, str]]:
    """(other node, edge type) of each statement from (``out``) or to (``in``) a node."""
    raw: Any = graph
    adjacency = raw._succ[node] if direction == "out" else raw._pred[node]
    for other, keyed in adjacency.items():
        for data in keyed.values():
            yield other, str(data.get("type"))


def node_title(attrs: dict[str, Any], width: int = 80) -> str:
    """A node's heading: a document's symbol (or title), an organ's or person's name, ``Task N``.

    >>> node_title({"kind": "Task", "number": "2"}), node_title({"kind": "Organ", "name": "Ban A"})
    ('Task 2', 'Ban A')
    """
    if attrs.get("kind") == NodeKind.TASK:
        return f"Task {attrs.get('number') or '?'}"
    if attrs.get("kind") == NodeKind.DOCUMENT and not attrs.get("symbol"):
        title = document_label(attrs, width)
        kind = attrs.get("doc_type")
        return (
            f"{kind} {title}"
            if kind and title and not title.lower().startswith(kind.lower())
            else (title or kind or "document")
        )
    return document_label(attrs, width)


_SEARCHED = (NodeKind.DOCUMENT, NodeKind.ORGAN, NodeKind.PERSON)
REMEMBERED = 64
SUMMARIES = 200_000
T = TypeVar("T")


@dataclass
class Catalog:
    """The graph, its URIs, its search index, its counts and lookup keys."""

    graph: nx.MultiDiGraph
    uris: NodeUris
    index: SearchIndex
    counts: GraphCounts
    by_symbol_key: dict[str, list[str]] = field(default_factory=dict)
    by_name_key: dict[str, list[str]] = field(default_factory=dict)
    by_source: dict[str, list[str]] = field(default_factory=dict)
    _memory: OrderedDict = field(default_factory=OrderedDict, repr=False)
    _summaries: dict[str, dict[str, Any]] = field(default_factory=dict, repr=False)
    _memory_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @classmethod
    def of(cls, graph: nx.MultiDiGraph, base: str = DEFAULT_BASE) -> Catalog:
        by_symbol: dict[str, list[str]] = {}
        by_name: dict[str, list[str]] = {}
        by_source: dict[str, list[str]] = {}
        for node, attrs in graph.nodes(data=True):
            if attrs.get("kind") == NodeKind.DOCUMENT:
                for name in attrs.get("sources") or ():
                    by_source.setdefault(name, []).append(node)
            if attrs.get("kind") == NodeKind.DOCUMENT and attrs.get("symbol"):
                by_symbol.setdefault(symbol_key(attrs["symbol"]), []).append(node)
            elif attrs.get("kind") == NodeKind.ORGAN and attrs.get("name"):
                by_name.setdefault(name_key(attrs["name"]), []).append(node)
        return cls(
            graph,
            NodeUris(graph, base),
            SearchIndex(_entries(graph)),
            graph_counts(graph),
            by_symbol,
            by_name,
            by_source,
        )

    def remembered(self, key: Hashable, compute: Callable[[], T], worth_it: bool = True) -> T:
        """``compute()``, kept for the next call with the same key when ``worth_it`` (the last
        :data:`REMEMBERED` such answers: the graph never changes while it is served)."""
        if not worth_it:
            return compute()
        with self._memory_lock:
            if key in self._memory:
                self._memory.move_to_end(key)
                return self._memory[key]
        value = compute()
        with self._memory_lock:
            self._memory[key] = value
            while len(self._memory) > REMEMBERED:
                self._memory.popitem(last=False)
        return value

    def source_path(self, name: str) -> str:
        """The path of a source file's page (its URI's path in the RDF export)."""
        return self.uris.path_of_uri(self.uris.minter.source_file(name))

    def summary(self, node: str) -> dict[str, Any]:
        """What a list or the graph view shows of a node: id, kind, style group, label, path
        (the last :data:`SUMMARIES` asked for are kept: lists name the same hubs again and again)."""
        found = self._summaries.get(node)
        if found is None:
            attrs = self.graph.nodes[node]
            found = {
                "id": node,
                "kind": attrs.get("kind"),
                "group": node_group(attrs),
                "label": node_title(attrs, 60),
                "short": node_label(attrs),
                "date": attrs.get("date"),
                "url": self.uris.path(node),
            }
            if len(self._summaries) >= SUMMARIES:
                self._summaries.clear()
            self._summaries[node] = found
        return dict(found)


def _detail(attrs: dict[str, Any]) -> str:
    if attrs.get("kind") == NodeKind.DOCUMENT:
        parts = [attrs.get("doc_type"), attrs.get("date"), None if attrs.get("read") else "referenced only"]
        return " · ".join(p for p in parts if p)
    return ""


def _entries(graph: nx.MultiDiGraph) -> Iterator[Entry]:
    degree = graph.degree
    for node, attrs in graph.nodes(data=True):
        kind = attrs.get("kind")
        if kind not in _SEARCHED:
            continue
        if kind == NodeKind.DOCUMENT:
            texts = tuple(t for t in (attrs.get("symbol"), attrs.get("title"), attrs.get("doc_type")) if t)
        else:
            texts = (attrs.get("name") or node,)
        yield Entry(
            node, str(kind), node_title(attrs, 60), texts, attrs.get("symbol"), _detail(attrs), degree(node)
        )
