"""The graph as parameter rows for batched writes, and how rows are shared among writers.

Rows are lists with one column per property, grouped by the property names they hold, rather
than a map per row: cheaper to send and to apply.
"""

from __future__ import annotations

import zlib
from collections import defaultdict
from collections.abc import Iterator, Mapping
from typing import Any, LiteralString

import networkx as nx

from vanban.graph.neo4j.properties import JSON_PROPERTIES, edge_id, to_properties
from vanban.graph.schema import Attribute, edge_attributes, node_attributes, store_keys
from vanban.graph.vocabulary import EdgeType, NodeKind

__all__ = ["EdgeGroup", "NodeGroup", "Work", "batches", "edge_rows", "files_of", "node_rows", "partitions",
           "split"]

NodeGroup = tuple[NodeKind, tuple[str, ...]]
EdgeGroup = tuple[EdgeType, NodeKind, NodeKind, tuple[str, ...]]


def _properties_of(table: tuple[Attribute, ...]) -> dict[str, str | None]:
    """Attribute key -> Neo4j property (``None``: not a property, as an edge's ``type``)."""
    return {attr.key: attr.property for attr in table}


_NODE_PROPERTIES = {kind: _properties_of(node_attributes(kind)) for kind in NodeKind}
_EDGE_PROPERTIES = {edge: _properties_of(edge_attributes(edge)) for edge in EdgeType}


def _as_properties(attrs: Mapping[str, Any], names: Mapping[str, str | None]) -> dict[str, Any]:
    """``attrs`` under their Neo4j property names (an attribute the schema does not list keeps
    its own), without those that are not properties; ``None`` values kept, so that a value
    gone since a previous load is removed."""
    out: dict[str, Any] = {}
    for key, value in attrs.items():
        name = names.get(key, key)
        if name is not None:
            out[name] = value
    return out


def node_rows(graph: nx.MultiDiGraph) -> dict[NodeGroup, list[list]]:
    """The graph's nodes as parameter rows ``[id, sources, values…]``, grouped by kind and by
    the property names the values belong to (the group key's second part). Besides the
    attributes, each node carries the store keys of :data:`vanban.graph.schema.STORE_KEYS`.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("organ:a", kind="Organ", name="Ban A", collective=False)
    >>> dict(node_rows(g))
    {(<NodeKind.ORGAN: 'Organ'>, ('collective', 'json_properties', 'kind', 'label', 'name', 'name_key')): \
[['organ:a', None, False, None, 'Organ', 'Ban A', 'Ban A', 'ban a']]}
    """
    rows: dict[NodeGroup, list[list]] = defaultdict(list)
    for node, attrs in graph.nodes(data=True):
        kind = NodeKind(attrs["kind"])
        sources = attrs.get("sources")
        given = _as_properties({k: v for k, v in attrs.items() if k != "sources"}, _NODE_PROPERTIES[kind])
        props = to_properties(given)
        props.update(store_keys(kind, attrs))
        for name, value in given.items():  # None now must not survive from a previous load
            if value is None:
                props[name] = None
        props.setdefault(JSON_PROPERTIES, None)
        names = tuple(sorted(props))
        rows[(kind, names)].append(
            [node, sorted(set(sources)) if isinstance(sources, list | tuple) else None,
             *(props[name] for name in names)])
    return rows


def edge_rows(graph: nx.MultiDiGraph) -> dict[EdgeGroup, list[list]]:
    """The graph's edges as parameter rows ``[source, target, edge_id, values…]``, grouped by
    type, the kinds of both ends and the property names of the values."""
    rows: dict[EdgeGroup, list[list]] = defaultdict(list)
    kinds = {node: NodeKind(attrs["kind"]) for node, attrs in graph.nodes(data=True)}
    for source, target, key, attrs in graph.edges(keys=True, data=True):
        edge = EdgeType(attrs["type"])
        given = _as_properties({**attrs, "key": str(key)}, _EDGE_PROPERTIES[edge])
        props = to_properties(given)
        for name, value in given.items():
            if value is None:
                props[name] = None
        props.setdefault(JSON_PROPERTIES, None)
        names = tuple(sorted(props))
        rows[(edge, kinds[source], kinds[target], names)].append(
            [source, target, edge_id(source, target, str(key)), *(props[name] for name in names)])
    return rows


# Rows to write with a statement, and the statement to run instead where they conflict.
Work = tuple[LiteralString, LiteralString | None, list[list]]


def split(rows: list[list], key: int, held: set[str], create: LiteralString,
           merge: LiteralString) -> list[Work]:
    """Rows whose key column the database does not hold yet go to ``create`` (with ``merge``
    as its fallback, should another writer create one first); the others to ``merge``.

    >>> [(s, f, r) for s, f, r in split([["a"], ["b"]], 0, {"b"}, "C", "M")]
    [('C', 'M', [['a']]), ('M', None, [['b']])]
    """
    new = [row for row in rows if row[key] not in held]
    old = [row for row in rows if row[key] in held]
    return [work for work in ((create, merge, new), (merge, None, old)) if work[2]]


def partitions(rows: list[list], count: int, by_target: bool) -> list[list[list]]:
    """Rows dealt to ``count`` writers by their first column (a node id), so no two writers
    write the same node or the same relationship. With ``by_target`` each share of
    relationship rows is sorted by target, so writers meet on shared end nodes in one order.

    >>> partitions([["a", "y"], ["a", "x"], ["b", "x"]], 1, by_target=True)
    [[['a', 'x'], ['b', 'x'], ['a', 'y']]]
    """
    shares: list[list[list]] = [[] for _ in range(count)]
    for row in rows:
        shares[zlib.crc32(row[0].encode("utf-8")) % count].append(row)
    if by_target:
        for share in shares:
            share.sort(key=lambda row: (row[1], row[0]))
    return shares


def files_of(graph: nx.MultiDiGraph) -> list[str]:
    """Every input file the graph's facts were read from."""
    found = {f for _, d in graph.nodes(data=True) for f in d.get("sources") or ()}
    found |= {d["source_file"] for _, _, d in graph.edges(data=True) if d.get("source_file")}
    return sorted(found)


def batches(rows: list, size: int) -> Iterator[list]:
    for start in range(0, len(rows), size):
        yield rows[start:start + size]
