"""The canned questions as plain functions over the embedded (networkx) graph.

Each question returns a list of plain records (dicts) with the columns and in the order
:mod:`vanban.queries.spec` declares. The same questions exist as Cypher (``queries/*.cypher``)
and SPARQL (``queries/*.rq``); tests compare the answers record for record.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("doc:1", kind="Document", symbol="1-KL/TW", date="2023-05-09")
>>> g.add_node("doc:2", kind="Document", symbol="2-KH/TU", date="2023-06-12")
>>> g.add_node("organ:tu", kind="Organ", name="Tỉnh ủy Lạng Sơn", collective=False)
>>> _ = g.add_edge("doc:2", "doc:1", type="IMPLEMENTS")
>>> _ = g.add_edge("doc:2", "organ:tu", type="ISSUED_BY")
>>> [(r["label"], r["issuer"], r["lag_days"]) for r in implementers(g, "doc:1")]
[('2-KH/TU', 'Tỉnh ủy Lạng Sơn', 34)]
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from datetime import date
from typing import Any

import networkx as nx

from vanban.graph.keys import fold
from vanban.graph.labels import document_label, node_name
from vanban.graph.schema import Show, edge_attributes
from vanban.graph.vocabulary import EdgeType, NodeKind
from vanban.queries.spec import QUESTIONS, task_order

__all__ = [
    "assigned_tasks",
    "cited_by",
    "cites",
    "document_facts",
    "edge_details",
    "implementers",
    "implementing_documents",
    "member_of",
    "most_cited",
    "ordered_not_implementing",
    "reporting_chain",
]


def _out(graph: nx.MultiDiGraph, node: str, edge_type: EdgeType) -> Iterator[tuple[str, dict[str, Any]]]:
    for _, target, data in graph.out_edges(node, data=True):
        if data.get("type") == edge_type:
            yield target, data


def _in(graph: nx.MultiDiGraph, node: str, edge_type: EdgeType) -> Iterator[tuple[str, dict[str, Any]]]:
    for source, _, data in graph.in_edges(node, data=True):
        if data.get("type") == edge_type:
            yield source, data


def _lag(start: str | None, end: str | None) -> int | None:
    if not start or not end:
        return None
    return (date.fromisoformat(end) - date.fromisoformat(start)).days


def implementing_documents(graph: nx.MultiDiGraph, directive: str,
                           transitive: bool = False) -> list[tuple[str, int]]:
    """(document, depth) for every document with an IMPLEMENTS path to ``directive``."""
    seen = {directive: 0}
    queue = deque([directive])
    while queue:
        current = queue.popleft()
        if not transitive and current != directive:
            continue
        for source, _ in _in(graph, current, EdgeType.IMPLEMENTS):
            if source not in seen:
                seen[source] = seen[current] + 1
                queue.append(source)
    return sorted(((n, d) for n, d in seen.items() if n != directive), key=lambda x: (x[1], x[0]))


def implementers(graph: nx.MultiDiGraph, directive: str, transitive: bool = False) -> list[dict]:
    """Bodies implementing a directive: one record per (implementing document, issuer)."""
    root = graph.nodes[directive]
    rows = []
    for doc, depth in implementing_documents(graph, directive, transitive):
        attrs = graph.nodes[doc]
        issuers = sorted({graph.nodes[o]["name"] for o, _ in _out(graph, doc, EdgeType.ISSUED_BY)}) or [None]
        for issuer in issuers:
            rows.append({
                "document": doc,
                "label": document_label(attrs),
                "doc_type": attrs.get("doc_type"),
                "date": attrs.get("date"),
                "issuer": issuer,
                "depth": depth,
                "lag_days": _lag(root.get("date"), attrs.get("date")),
            })
    return sorted(rows, key=QUESTIONS["implementers"].order)


_PARTY_COMMITTEES = ("tinh uy", "thanh uy", "huyen uy", "quan uy", "thi uy", "dang uy")


def member_of(issuer: str, group: str) -> bool:
    """Is an issuer one of a collective addressee (``Tỉnh ủy Lạng Sơn`` in ``Các tỉnh ủy``)?

    The first two words of the issuer's folded name must occur in the group's folded name,
    and every party committee is one of "các cấp ủy, tổ chức đảng". The Neo4j back end
    applies this function to what ``ordered.cypher`` returns; ``ordered.rq`` writes the same
    rule in SPARQL.

    >>> member_of("Tỉnh ủy Lạng Sơn", "Các tỉnh ủy, thành ủy"), member_of("Bộ Tài chính", "Các tỉnh ủy")
    (True, False)
    >>> member_of("Huyện ủy Lộc Bình", "Các cấp ủy, tổ chức đảng")
    True
    """
    words = fold(issuer).split()
    head = " ".join(words[:2]) if len(words) >= 2 else fold(issuer)
    folded_group = fold(group)
    if head in _PARTY_COMMITTEES and ("cap uy" in folded_group or "to chuc dang" in folded_group):
        return True  # every party committee is one of "các cấp ủy, tổ chức đảng"
    return bool(head) and head in folded_group


def ordered_not_implementing(graph: nx.MultiDiGraph, directive: str,
                             transitive: bool = True) -> list[dict]:
    """Bodies the directive assigned tasks to, and whether any implementing document of theirs
    is in the corpus (``implemented_by`` lists those documents)."""
    issued: list[tuple[str, str]] = []
    for doc, _ in implementing_documents(graph, directive, transitive):
        for organ, _ in _out(graph, doc, EdgeType.ISSUED_BY):
            issued.append((organ, doc))
    ordered: dict[str, dict] = {}
    for task, _ in _out(graph, directive, EdgeType.HAS_TASK):
        for organ, data in _out(graph, task, EdgeType.ASSIGNED_TO):
            row = ordered.setdefault(organ, {"organ": organ, "name": graph.nodes[organ]["name"],
                                             "collective": bool(graph.nodes[organ].get("collective")),
                                             "roles": set(), "tasks": set()})
            row["roles"].add(data.get("role"))
            row["tasks"].add(graph.nodes[task].get("number"))
    rows = []
    for organ, row in ordered.items():
        by = sorted({doc for o, doc in issued if o == organ or (
            row["collective"] and member_of(graph.nodes[o]["name"], row["name"]))})
        rows.append({**row, "roles": sorted(r for r in row["roles"] if r),
                     "tasks": sorted(row["tasks"], key=task_order),
                     "implemented_by": by, "implemented": bool(by)})
    return sorted(rows, key=QUESTIONS["ordered"].order)


def cites(graph: nx.MultiDiGraph, document: str) -> list[dict]:
    """What a document refers to (IMPLEMENTS and CITES), with the evidence sentence."""
    rows = []
    for target, data in [*_out(graph, document, EdgeType.IMPLEMENTS), *_out(graph, document, EdgeType.CITES)]:
        attrs = graph.nodes[target]
        rows.append({"document": target, "label": document_label(attrs), "relation": data["type"],
                     "source_file": data.get("source_file"), "evidence": data.get("evidence")})
    return sorted(rows, key=QUESTIONS["cites"].order)


def cited_by(graph: nx.MultiDiGraph, document: str) -> list[dict]:
    """Documents that refer to this one."""
    rows = []
    for source, data in [*_in(graph, document, EdgeType.IMPLEMENTS), *_in(graph, document, EdgeType.CITES)]:
        attrs = graph.nodes[source]
        rows.append({"document": source, "label": document_label(attrs), "relation": data["type"],
                     "source_file": data.get("source_file")})
    return sorted(rows, key=QUESTIONS["cited-by"].order)


def reporting_chain(graph: nx.MultiDiGraph, organ: str, max_depth: int = 10) -> list[dict]:
    """Who an organ reports to, and onwards (breadth first), with the ordering document."""
    rows = []
    seen = {organ}
    frontier = [organ]
    depth = 0
    while frontier and depth < max_depth:
        depth += 1
        nxt = []
        for current in frontier:
            for target, data in _out(graph, current, EdgeType.REPORTS_TO):
                rows.append({"depth": depth, "from": graph.nodes[current]["name"],
                             "to": graph.nodes[target]["name"], "via": data.get("via"),
                             "document": data.get("document")})
                if target not in seen:
                    seen.add(target)
                    nxt.append(target)
        frontier = nxt
    unique = {tuple(sorted((k, str(v)) for k, v in r.items())): r for r in rows}
    return sorted(unique.values(), key=QUESTIONS["reporting-chain"].order)


def assigned_tasks(graph: nx.MultiDiGraph, organ: str) -> list[dict]:
    """Tasks assigned to an organ, with role and the ordering document."""
    rows = []
    for task, data in _in(graph, organ, EdgeType.ASSIGNED_TO):
        attrs = graph.nodes[task]
        doc = attrs.get("document")
        rows.append({"task": task, "number": attrs.get("number"), "role": data.get("role"),
                     "document": doc, "label": document_label(graph.nodes[doc]) if doc in graph else None,
                     "text": (attrs.get("text") or "")[:160]})
    unique = {(r["task"], r["role"]): r for r in rows}
    return sorted(unique.values(), key=QUESTIONS["tasks"].order)


def most_cited(graph: nx.MultiDiGraph, limit: int = 10) -> list[dict]:
    """Documents referred to by the most distinct documents."""
    counts = []
    for node, attrs in graph.nodes(data=True):
        if attrs.get("kind") != NodeKind.DOCUMENT:
            continue
        citing = {s for edge in (EdgeType.CITES, EdgeType.IMPLEMENTS) for s, _ in _in(graph, node, edge)}
        citing.discard(node)
        if citing:
            counts.append({"document": node, "label": document_label(attrs), "cited_by": len(citing)})
    return sorted(counts, key=QUESTIONS["most-cited"].order)[:limit]


_REFERENCES = (EdgeType.IMPLEMENTS, EdgeType.CITES, EdgeType.COPIES)
_EVIDENCE = ("source_file", "span", "evidence", "rule")


def edge_details(edge_type: str) -> tuple[str, ...]:
    """What a relation is told apart by besides its ends: the schema's details of its type
    (role, address and purpose, capacity and title, via), without the mention count.

    >>> edge_details("ADDRESSED_TO"), edge_details("CITES")
    (('address', 'purpose'), ())
    """
    return tuple(a.key for a in edge_attributes(edge_type) if a.show is Show.DETAIL and a.key != "mentions")


def document_facts(graph: nx.MultiDiGraph, document: str) -> dict[str, Any]:
    """What ``vanban show`` prints: the document's attributes, then its relations, each once
    with every file that states it (``files``) and each file's evidence (``statements``);
    ``in`` lists the documents referring to it the same way.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("doc:1", kind="Document", symbol="1-KL/TW")
    >>> g.add_node("doc:2", kind="Document", doc_type="Kế hoạch", sources=["b.txt"])
    >>> for f in ("b.txt", "a.txt"):
    ...     _ = g.add_edge("doc:2", "doc:1", type="CITES", source_file=f, evidence=f"in {f}")
    >>> facts = document_facts(g, "doc:2")
    >>> [(e["target_label"], e["files"], e["evidence"]) for e in facts["out"]]
    [('1-KL/TW', ['a.txt', 'b.txt'], 'in a.txt')]
    >>> [(e["source_label"], e["files"]) for e in document_facts(g, "doc:1")["in"]]
    [('Kế hoạch [b.txt]', ['a.txt', 'b.txt'])]
    """
    nodes = graph.nodes
    out: dict[tuple, dict[str, Any]] = {}
    for _, target, data in graph.out_edges(document, data=True):
        details = {k: data.get(k) for k in edge_details(data["type"]) if data.get(k) is not None}
        key = (data["type"], target, tuple(sorted((k, str(v)) for k, v in details.items())))
        entry = out.setdefault(key, {"type": data["type"], "target": target,
                                     "target_label": node_name(nodes[target]), **details, "statements": []})
        entry["statements"].append({k: data.get(k) for k in _EVIDENCE if data.get(k) is not None})
    incoming: dict[tuple, dict[str, Any]] = {}
    for source, _, data in graph.in_edges(document, data=True):
        if data["type"] in _REFERENCES:
            entry = incoming.setdefault((data["type"], source), {
                "type": data["type"], "source": source, "source_label": node_name(nodes[source]),
                "statements": []})
            entry["statements"].append({k: data.get(k) for k in _EVIDENCE if data.get(k) is not None})
    by_out = sorted(out, key=lambda k: (k[0], out[k]["target_label"], k))
    by_in = sorted(incoming, key=lambda k: (k[0], incoming[k]["source_label"], k))
    return {"id": document, **nodes[document], "out": [_with_files(out[k]) for k in by_out],
            "in": [_with_files(incoming[k]) for k in by_in]}


def _with_files(entry: dict[str, Any]) -> dict[str, Any]:
    """A grouped relation with its statements in file order, its files, and the first file's
    evidence at the top level."""
    statements = sorted(entry["statements"], key=lambda s: (s.get("source_file") or "", s.get("span") or ()))
    first = statements[0]
    return {**entry, "files": sorted({s["source_file"] for s in statements if s.get("source_file")}),
            "source_file": first.get("source_file"), "evidence": first.get("evidence"),
            "statements": statements}
