"""What each page of the server shows, as plain data for its template.

A document's page: its facts, the relations it states with their evidence, what it cites
and what cites it, the implementers table with lags and the bodies ordered to act but with
no implementing document, its implementation tree and its tasks. An organ's page: the
documents it issued, the tasks assigned to it, its reporting lines, the bodies it belongs to
and those that belong to it. The canned questions come from the server's back end (the graph
in memory, or Neo4j) through :func:`vanban.queries.ask.ask`; everything else from the graph.
Long lists stop at :data:`LIST_LIMIT` rows and say how many were left out.
"""

from __future__ import annotations

from typing import Any

from vanban.graph.schema import Show, edge_attributes, node_attributes
from vanban.graph.vocabulary import EdgeType, NodeKind
from vanban.queries.ask import ask, implementers_report
from vanban.queries.backend import Backend
from vanban.queries.spec import task_order
from vanban.serve.catalog import Catalog, node_title, typed_edges
from vanban.visualize import fields
from vanban.visualize.style import EDGE_STYLES, NODE_STYLES, node_group
from vanban.visualize.trees import implementation_tree

__all__ = ["LIST_LIMIT", "TREE_LIMIT", "node_view", "reading_view"]

LIST_LIMIT = 300
TREE_LIMIT = 400
_REFERENCES = {EdgeType.IMPLEMENTS.value, EdgeType.CITES.value}
# Relations a page lists in a section of their own, not under "Relations and evidence".
_OWN_SECTIONS = {
    NodeKind.DOCUMENT.value: {
        ("IMPLEMENTS", "out"),
        ("CITES", "out"),
        ("IMPLEMENTS", "in"),
        ("CITES", "in"),
        ("HAS_TASK", "out"),
    },
    NodeKind.ORGAN.value: {
        ("ISSUED_BY", "in"),
        ("ASSIGNED_TO", "in"),
        ("PART_OF", "in"),
        ("PART_OF", "out"),
        ("REPORTS_TO", "out"),
        ("ADDRESSED_TO", "in"),
    },
    NodeKind.PERSON.value: {("SIGNED_BY", "in")},
    NodeKind.TASK.value: {("HAS_TASK", "in")},
}


def node_view(catalog: Catalog, backend: Backend, node: str, transitive: bool = False) -> dict[str, Any]:
    """Everything the page of ``node`` shows (the template picks the sections of its kind)."""
    graph = catalog.graph
    attrs = graph.nodes[node]
    kind = str(attrs.get("kind"))
    group = node_group(attrs)
    view: dict[str, Any] = {
        "id": node,
        "kind": kind,
        "group": group,
        "kind_label": NODE_STYLES[group]["legend"],
        "title": node_title(attrs, 200),
        "uri": catalog.uris.uri(node),
        "path": catalog.uris.path(node),
        "facts": _facts(catalog, kind, attrs),
        "conflicts": list(attrs.get("conflicts") or []),
        "relations": _relations(catalog, node, _OWN_SECTIONS.get(kind, set())),
        "backend": backend.name,
    }
    if kind == NodeKind.DOCUMENT:
        view.update(_document(catalog, backend, node, transitive))
    elif kind == NodeKind.ORGAN:
        view.update(_organ(catalog, backend, node))
    elif kind == NodeKind.PERSON:
        view["signed"] = _linked(catalog, node, EdgeType.SIGNED_BY, "in")
    elif kind == NodeKind.TASK:
        view["task_text"] = attrs.get("text")
        owner = attrs.get("document")
        view["document"] = catalog.summary(str(owner)) if owner in graph else None
    return view


def _facts(catalog: Catalog, kind: str, attrs: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for attribute in node_attributes(kind):
        raw = attrs.get(attribute.key)
        if attribute.show not in (Show.FACT, Show.DETAIL) or raw in (None, "", [], {}):
            continue
        row: dict[str, Any] = {
            "key": attribute.key,
            "label": fields.label(kind, attribute.key),
            "explain": fields.EXPLAINED.get(attribute.key, ""),
            "value": fields.value(kind, attribute.key, raw),
        }
        if attribute.key == "sources":
            row["links"] = [{"label": name, "url": catalog.source_path(name)} for name in raw]
        elif attribute.key == "document" and raw in catalog.graph:
            row["links"] = [catalog.summary(raw)]
        rows.append(row)
    if kind == NodeKind.DOCUMENT and not attrs.get("read"):
        rows.append(
            {
                "key": "read",
                "label": "read",
                "explain": fields.EXPLAINED["read"],
                "value": "no: only referred to by other documents",
            }
        )
    return rows


def _statement(edge_type: str, data: dict[str, Any]) -> dict[str, Any]:
    """One file's statement of a relation: its details, evidence sentence and where it was read."""
    details = []
    for attribute in edge_attributes(edge_type):
        raw = data.get(attribute.key)
        if (
            attribute.show in (Show.DETAIL, Show.FACT)
            and raw not in (None, "", [], {})
            and not attribute.copy_of
        ):
            if attribute.key in ("via_id", "document"):
                continue
            details.append(
                {
                    "label": fields.label(edge_type, attribute.key),
                    "explain": fields.EXPLAINED.get(attribute.key, ""),
                    "value": fields.value(edge_type, attribute.key, raw),
                }
            )
    span = data.get("span")
    return {
        "details": details,
        "evidence": data.get("evidence"),
        "source_file": data.get("source_file"),
        "span": fields.value(edge_type, "span", span) if span else "",
        "rule": data.get("rule"),
    }


def _relations(catalog: Catalog, node: str, skip: set[tuple[str, str]]) -> list[dict[str, Any]]:
    """The node's other relations, grouped by type and direction, each with its statements."""
    graph = catalog.graph
    grouped: dict[tuple[str, str], dict[str, list[dict[str, Any]]]] = {}
    for direction, edges in (
        ("out", graph.out_edges(node, data=True)),
        ("in", graph.in_edges(node, data=True)),
    ):
        for u, v, data in edges:
            edge_type = str(data.get("type"))
            if (edge_type, direction) in skip:
                continue
            other = v if direction == "out" else u
            grouped.setdefault((edge_type, direction), {}).setdefault(other, []).append(data)
    order = {edge.value: n for n, edge in enumerate(EdgeType)}
    out = []
    for (edge_type, direction), others in sorted(
        grouped.items(), key=lambda g: (order.get(g[0][0], 99), g[0][1])
    ):
        items = sorted(others.items(), key=lambda item: item[0])
        style = EDGE_STYLES.get(edge_type, {})
        out.append(
            {
                "type": edge_type,
                "direction": direction,
                "legend": style.get("legend", edge_type),
                "color": style.get("color", "#777"),
                "total": len(items),
                "items": [
                    {
                        "node": catalog.summary(other),
                        "statements": [_statement(edge_type, d) for d in statements],
                    }
                    for other, statements in items[:LIST_LIMIT]
                ],
            }
        )
    return out


def _linked(
    catalog: Catalog, node: str, edge_type: EdgeType, direction: str, newest_first: bool = True
) -> dict[str, Any]:
    """Distinct neighbours over one relation, newest documents first, at most LIST_LIMIT."""
    graph = catalog.graph
    others = {other for other, t in typed_edges(graph, node, direction) if t == edge_type}
    rows = sorted(others, key=lambda n: (graph.nodes[n].get("date") or "", n), reverse=newest_first)
    return {"total": len(rows), "items": [catalog.summary(n) for n in rows[:LIST_LIMIT]]}


def _limited(rows: list[dict[str, Any]]) -> dict[str, Any]:
    return {"total": len(rows), "rows": rows[:LIST_LIMIT]}


def _document(catalog: Catalog, backend: Backend, node: str, transitive: bool) -> dict[str, Any]:
    graph = catalog.graph
    report = implementers_report(backend, node, transitive=transitive)
    tasks: list[dict[str, Any]] = []
    for task in sorted({other for other, t in typed_edges(graph, node, "out") if t == EdgeType.HAS_TASK}):
        assignees: dict[str, set[str]] = {}
        for _, organ, data in graph.out_edges(task, data=True):
            if data.get("type") == EdgeType.ASSIGNED_TO:
                assignees.setdefault(organ, set()).add(fields.value("ASSIGNED_TO", "role", data.get("role")))
        tasks.append(
            {
                "id": task,
                "url": catalog.uris.path(task),
                "number": graph.nodes[task].get("number"),
                "text": graph.nodes[task].get("text"),
                "assignees": [
                    {**catalog.summary(o), "roles": sorted(r for r in roles if r)}
                    for o, roles in sorted(assignees.items())
                ],
            }
        )
    tasks.sort(key=lambda t: task_order(t["number"]))
    has_implementers = any(t == EdgeType.IMPLEMENTS for _, t in typed_edges(graph, node, "in"))
    return {
        "cites": _limited(ask(backend, "cites", node)),
        "cited_by": _limited(ask(backend, "cited-by", node)),
        "implementers": _limited(report["implementers"]),
        "ordered": _limited(report["ordered"]),
        "short": report["short"],
        "transitive": transitive,
        "tree": _tree(catalog, node) if has_implementers else None,
        "tasks": tasks[:LIST_LIMIT],
        "tasks_total": len(tasks),
    }


def _tree(catalog: Catalog, node: str) -> dict[str, Any]:
    """The implementation tree as nested items: documents by depth, each with its issuers."""
    tree = implementation_tree(catalog.graph, node)
    parents: dict[str, list[str]] = {}
    issuers: dict[str, list[str]] = {}
    for edge in tree["edges"]:
        if edge["type"] == EdgeType.IMPLEMENTS:
            parents.setdefault(edge["to"], []).append(edge["from"])
        else:
            issuers.setdefault(edge["from"], []).append(edge["to"])
    by_id = {n["id"]: n for n in tree["nodes"]}
    shown = 0
    seen: set[str] = set()

    def item(doc: str) -> dict[str, Any]:
        nonlocal shown
        shown += 1
        seen.add(doc)
        entry = by_id[doc]
        children = []
        for child in sorted(
            parents.get(doc, ()), key=lambda c: (catalog.graph.nodes[c].get("date") or "9999", c)
        ):
            if child in seen or shown >= TREE_LIMIT:
                continue
            children.append(item(child))
        return {
            "node": catalog.summary(doc),
            "label": entry["label"].replace("\n", " · "),
            "issuers": [catalog.summary(by_id[i]["ref"]) for i in issuers.get(doc, ())],
            "children": children,
        }

    root = item(node)
    documents = sum(1 for n in tree["nodes"] if n["kind"] == NodeKind.DOCUMENT) - 1
    return {"root": root, "documents": documents, "shown": shown - 1}


def _organ(catalog: Catalog, backend: Backend, node: str) -> dict[str, Any]:
    graph = catalog.graph
    reporters = {u for u, t in typed_edges(graph, node, "in") if t == EdgeType.REPORTS_TO}
    return {
        "issued": _linked(catalog, node, EdgeType.ISSUED_BY, "in"),
        "addressed": _linked(catalog, node, EdgeType.ADDRESSED_TO, "in"),
        "tasks": _limited(ask(backend, "tasks", node)),
        "chain": _limited(ask(backend, "reporting-chain", node)),
        "reporters": [catalog.summary(n) for n in sorted(reporters)[:LIST_LIMIT]],
        "reporters_total": len(reporters),
        "part_of": _linked(catalog, node, EdgeType.PART_OF, "out", newest_first=False),
        "parts": _linked(catalog, node, EdgeType.PART_OF, "in", newest_first=False),
    }


def reading_view(
    catalog: Catalog, source: str, target: str, data: dict[str, Any], uri: str
) -> dict[str, Any]:
    """One reading of the RDF export: a relation as one file states it, with its evidence."""
    edge_type = str(data.get("type"))
    style = EDGE_STYLES.get(edge_type, {})
    return {
        "uri": uri,
        "type": edge_type,
        "legend": style.get("legend", edge_type),
        "color": style.get("color", "#777"),
        "source": catalog.summary(source),
        "target": catalog.summary(target),
        "statement": _statement(edge_type, data),
    }
