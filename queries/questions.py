"""The canned questions, answered from the embedded (networkx) graph.

Each question returns a list of plain records (dicts) in a fixed order. The same questions
exist as Cypher (``queries/*.cypher``) and SPARQL (``queries/*.rq``); tests compare the
answers record for record.

>>> from vanban.pipeline import build_graph, read_inputs
>>> g = build_graph(read_inputs(["samples"]).facts)  # doctest: +SKIP
>>> [r["issuer"] for r in implementers(g, "doc:54-KL/TW")]  # doctest: +SKIP
['Tỉnh ủy Lạng Sơn', ...]
"""

from __future__ import annotations

from collections import deque
from datetime import date

import networkx as nx

from vanban.loaders.text import fold
from vanban.queries.lookup import document_label

__all__ = [
    "QUESTIONS",
    "assigned_tasks",
    "cited_by",
    "cites",
    "implementers",
    "most_cited",
    "ordered_not_implementing",
    "reporting_chain",
]


def _out(graph: nx.MultiDiGraph, node: str, edge_type: str):
    for _, target, data in graph.out_edges(node, data=True):
        if data.get("type") == edge_type:
            yield target, data


def _in(graph: nx.MultiDiGraph, node: str, edge_type: str):
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
        for source, _ in _in(graph, current, "IMPLEMENTS"):
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
        issuers = sorted({graph.nodes[o]["name"] for o, _ in _out(graph, doc, "ISSUED_BY")}) or [None]
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
    return sorted(rows, key=lambda r: (r["depth"], r["date"] or "9999", r["document"], r["issuer"] or ""))


_PARTY_COMMITTEES = ("tinh uy", "thanh uy", "huyen uy", "quan uy", "thi uy", "dang uy")


def _member_of(issuer: str, group: str) -> bool:
    """Is an issuer one of a collective addressee (``Tỉnh ủy Lạng Sơn`` in ``Các tỉnh ủy``)?

    >>> _member_of("Tỉnh ủy Lạng Sơn", "Các tỉnh ủy, thành ủy"), _member_of("Bộ Tài chính", "Các tỉnh ủy")
    (True, False)
    >>> _member_of("Huyện ủy Lộc Bình", "Các cấp ủy, tổ chức đảng")
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
        for organ, _ in _out(graph, doc, "ISSUED_BY"):
            issued.append((organ, doc))
    ordered: dict[str, dict] = {}
    for task, _ in _out(graph, directive, "HAS_TASK"):
        for organ, data in _out(graph, task, "ASSIGNED_TO"):
            row = ordered.setdefault(organ, {"organ": organ, "name": graph.nodes[organ]["name"],
                                             "collective": bool(graph.nodes[organ].get("collective")),
                                             "roles": set(), "tasks": set()})
            row["roles"].add(data.get("role"))
            row["tasks"].add(graph.nodes[task].get("number"))
    rows = []
    for organ, row in ordered.items():
        by = sorted({doc for o, doc in issued if o == organ or (
            row["collective"] and _member_of(graph.nodes[o]["name"], row["name"]))})
        rows.append({**row, "roles": sorted(r for r in row["roles"] if r),
                     "tasks": sorted(row["tasks"], key=_task_order),
                     "implemented_by": by, "implemented": bool(by)})
    return sorted(rows, key=lambda r: (r["implemented"], fold(r["name"])))


def _task_order(number: str | None) -> tuple:
    parts = (number or "").replace("-", ".").split(".")
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in parts)


def cites(graph: nx.MultiDiGraph, document: str) -> list[dict]:
    """What a document refers to (IMPLEMENTS and CITES), with the evidence sentence."""
    rows = []
    for target, data in list(_out(graph, document, "IMPLEMENTS")) + list(_out(graph, document, "CITES")):
        attrs = graph.nodes[target]
        rows.append({"document": target, "label": document_label(attrs), "relation": data["type"],
                     "source_file": data.get("source_file"), "evidence": data.get("evidence")})
    return sorted(rows, key=lambda r: (r["relation"], r["document"], r["source_file"] or ""))


def cited_by(graph: nx.MultiDiGraph, document: str) -> list[dict]:
    """Documents that refer to this one."""
    rows = []
    for source, data in list(_in(graph, document, "IMPLEMENTS")) + list(_in(graph, document, "CITES")):
        attrs = graph.nodes[source]
        rows.append({"document": source, "label": document_label(attrs), "relation": data["type"],
                     "source_file": data.get("source_file")})
    return sorted(rows, key=lambda r: (r["relation"], r["document"], r["source_file"] or ""))


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
            for target, data in _out(graph, current, "REPORTS_TO"):
                rows.append({"depth": depth, "from": graph.nodes[current]["name"],
                             "to": graph.nodes[target]["name"], "via": data.get("via"),
                             "document": data.get("document")})
                if target not in seen:
                    seen.add(target)
                    nxt.append(target)
        frontier = nxt
    unique = {tuple(sorted((k, str(v)) for k, v in r.items())): r for r in rows}
    return sorted(unique.values(), key=lambda r: (r["depth"], r["from"], r["to"], r["via"] or "",
                                                  r["document"] or ""))


def assigned_tasks(graph: nx.MultiDiGraph, organ: str) -> list[dict]:
    """Tasks assigned to an organ, with role and the ordering document."""
    rows = []
    for task, data in _in(graph, organ, "ASSIGNED_TO"):
        attrs = graph.nodes[task]
        doc = attrs.get("document")
        rows.append({"task": task, "number": attrs.get("number"), "role": data.get("role"),
                     "document": doc, "label": document_label(graph.nodes[doc]) if doc in graph else None,
                     "text": (attrs.get("text") or "")[:160]})
    unique = {(r["task"], r["role"]): r for r in rows}
    return sorted(unique.values(), key=lambda r: (r["document"] or "", _task_order(r["number"]), r["role"]))


def most_cited(graph: nx.MultiDiGraph, limit: int = 10) -> list[dict]:
    """Documents referred to by the most distinct documents."""
    counts = []
    for node, attrs in graph.nodes(data=True):
        if attrs.get("kind") != "Document":
            continue
        citing = {s for s, _ in _in(graph, node, "CITES")} | {s for s, _ in _in(graph, node, "IMPLEMENTS")}
        citing.discard(node)
        if citing:
            counts.append({"document": node, "label": document_label(attrs), "cited_by": len(citing)})
    return sorted(counts, key=lambda r: (-r["cited_by"], r["document"]))[:limit]


QUESTIONS = {
    "implementers": implementers,
    "ordered": ordered_not_implementing,
    "cites": cites,
    "cited-by": cited_by,
    "reporting-chain": reporting_chain,
    "tasks": assigned_tasks,
    "most-cited": most_cited,
}
