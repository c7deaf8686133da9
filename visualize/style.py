"""How each node kind and edge type looks on the page: one table, used by the drawing and the legend.

Colours follow the Okabe–Ito palette, readable by people with the common colour-vision
deficiencies; every edge type also differs by dash pattern or width, not by colour alone.

>>> node_style({"kind": "Document", "read": True})["shape"]
'square'
>>> node_label({"kind": "Document", "symbol": "54-KL/TW", "title": "về tiếp tục ..."})
'54-KL/TW'
>>> node_label({"kind": "Task", "number": "2.3"})
'task 2.3'
>>> node_label({"kind": "Document", "doc_type": "Kế hoạch", "title": "Thực hiện Kết luận 54"})
'Kế hoạch Thực hiện Kết luận 54'
"""

from __future__ import annotations

from vanban.graph.labels import document_label
from vanban.graph.vocabulary import EdgeType, NodeKind

__all__ = [
    "EDGE_STYLES",
    "LARGE_GRAPH",
    "NODE_STYLES",
    "REFERENCED_DOCUMENT",
    "edge_style",
    "node_group",
    "node_label",
    "node_style",
]

# Above this many nodes a page first hides tasks and isolated nodes (one click away).
LARGE_GRAPH = 400

# Group name of a document only referenced by others (not read from a file): drawn lighter.
REFERENCED_DOCUMENT = "DocumentRef"

# Markers only: the page draws labels itself, beside them, where they do not overlap ("font"
# is the label's size in screen pixels and colour). Shapes differ as well as colours.
NODE_STYLES: dict[str, dict] = {
    NodeKind.DOCUMENT: {"legend": "Document", "shape": "square", "size": 9,
                        "color": {"background": "#0072B2", "border": "#00527f"},
                        "font": {"color": "#0b2f4d", "size": 13}},
    REFERENCED_DOCUMENT: {"legend": "Cited document", "shape": "square", "size": 7,
                          "color": {"background": "#cfe3f3", "border": "#0072B2"},
                          "font": {"color": "#103a5c", "size": 12}},
    NodeKind.ORGAN: {"legend": "Organ", "shape": "dot", "size": 8,
                     "color": {"background": "#E69F00", "border": "#a66f00"},
                     "font": {"color": "#3d2a00", "size": 12}},
    NodeKind.PERSON: {"legend": "Person", "shape": "diamond", "size": 8,
                      "color": {"background": "#CC79A7", "border": "#8f4a73"},
                      "font": {"color": "#4a1d37", "size": 12}},
    NodeKind.TASK: {"legend": "Task", "shape": "triangle", "size": 5,
                    "color": {"background": "#009E73", "border": "#00694c"},
                    "font": {"color": "#004d38", "size": 11}},
}

EDGE_STYLES: dict[str, dict] = {
    EdgeType.IMPLEMENTS: {"legend": "implements", "color": "#D55E00", "width": 3.5, "dashes": False},
    EdgeType.CITES: {"legend": "cites", "color": "#56B4E9", "width": 1.5, "dashes": [6, 4]},
    EdgeType.COPIES: {"legend": "copies", "color": "#0072B2", "width": 2, "dashes": [2, 3]},
    EdgeType.ISSUED_BY: {"legend": "issued by", "color": "#E69F00", "width": 2.5, "dashes": False},
    EdgeType.SIGNED_BY: {"legend": "signed by", "color": "#CC79A7", "width": 1.5, "dashes": False},
    EdgeType.HAS_TASK: {"legend": "has task", "color": "#9aa5a0", "width": 1, "dashes": False},
    EdgeType.ASSIGNED_TO: {"legend": "assigned to", "color": "#009E73", "width": 1.2, "dashes": False},
    EdgeType.REPORTS_TO: {"legend": "reports to", "color": "#333333", "width": 2, "dashes": [10, 4]},
    EdgeType.ADDRESSED_TO: {"legend": "addressed to", "color": "#e3b25c", "width": 1, "dashes": [1, 4]},
    EdgeType.PART_OF: {"legend": "part of", "color": "#8c8c8c", "width": 1, "dashes": [3, 3]},
}

_LABEL_WIDTH = 32


def node_group(attrs: dict) -> str:
    """The style group of a node: its kind, or :data:`REFERENCED_DOCUMENT`."""
    kind = attrs.get("kind") or NodeKind.DOCUMENT
    if kind == NodeKind.DOCUMENT and not attrs.get("read"):
        return REFERENCED_DOCUMENT
    return str(kind)


def node_style(attrs: dict) -> dict:
    """vis-network options (shape, colour, font) for a node."""
    style = NODE_STYLES.get(node_group(attrs), NODE_STYLES[NodeKind.DOCUMENT])
    return {k: v for k, v in style.items() if k != "legend"}


def edge_style(attrs: dict) -> dict:
    """vis-network options (colour, width, dashes) for an edge; lead assignments are drawn bolder."""
    style = dict(EDGE_STYLES.get(str(attrs.get("type")), EDGE_STYLES[EdgeType.CITES]))
    style.pop("legend")
    if attrs.get("type") == EdgeType.ASSIGNED_TO and attrs.get("role") == "lead":
        style["width"] = 2.5
    return style


def node_label(attrs: dict, width: int = _LABEL_WIDTH) -> str:
    """The label drawn on a node: symbol, short name or title, ``task N`` for tasks."""
    if attrs.get("kind") == NodeKind.TASK:
        return f"task {attrs.get('number') or '?'}"
    if attrs.get("kind") == NodeKind.DOCUMENT and not attrs.get("symbol") and attrs.get("doc_type"):
        title = attrs.get("title") or ""
        if not title.lower().startswith(attrs["doc_type"].lower()):
            return document_label({"title": f"{attrs['doc_type']} {title}"}, width)
    return document_label(attrs, width)
