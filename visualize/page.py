"""The graph as one self-contained, offline HTML page (vis-network drawing, layout computed here).

Everything the page needs is inlined: vis-network, the page script and style, and the graph as
a JSON data block. A Content-Security-Policy lets only those exact scripts run (by hash) and
forbids every request, so the page works offline and an injected script would not run even if
escaping failed. Document text reaches the page only as JSON inside that data block, with
``<``, ``>`` and ``&`` escaped, and the script writes it with ``textContent``. The attribute
schema travels with it (:func:`schema_data`): the detail panel labels every attribute and shows
it as the schema says.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("doc:1", kind="Document", symbol="1-KL/TW", title="<script>alert(1)</script>", read=True)
>>> html = render_html(g)
>>> "<script>alert(1)" in html, "\\\\u003cscript\\\\u003ealert(1)" in html
(False, True)
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
from pathlib import Path
from typing import Any

import networkx as nx
from jinja2 import Environment

from vanban.graph.atomic import write_text
from vanban.graph.schema import edge_attributes, node_attributes
from vanban.graph.vocabulary import EdgeType, NodeKind
from vanban.visualize import assets, fields
from vanban.visualize.counts import graph_counts
from vanban.visualize.placement import place
from vanban.visualize.style import EDGE_STYLES, LARGE_GRAPH, NODE_STYLES, node_group, node_label
from vanban.visualize.trees import implementation_trees

__all__ = ["LARGE_GRAPH", "page_data", "render_html", "schema_data", "script_json", "write_html"]

_REFERENCE_TYPES = {EdgeType.IMPLEMENTS, EdgeType.CITES, EdgeType.COPIES}

def script_json(value: object) -> str:
    """JSON safe inside an HTML ``<script>`` element: no ``</script>``, ``<!--`` or ``&`` can appear.

    >>> script_json({"t": "</script><b>&"})
    '{"t":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


# The forces of a re-layout in the browser (after showing or hiding nodes): a short run from
# where the nodes are.
_RELAYOUT_FORCES = {"gravitationalConstant": -50, "springLength": 70, "springConstant": 0.06,
                    "centralGravity": 0.005, "avoidOverlap": 0.4}


def _options() -> dict:
    """vis-network options: no physics at first (the layout is computed here), no labels drawn
    by vis-network (the page draws them where they do not overlap), straight lines."""
    groups = {name: {k: v for k, v in style.items() if k not in ("legend", "font")}
              for name, style in NODE_STYLES.items()}
    return {
        "groups": groups,
        "nodes": {"font": {"size": 0}, "borderWidth": 1.5},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}, "selectionWidth": 2,
                  "smooth": False, "hoverWidth": 1.5},
        "interaction": {"hover": True, "tooltipDelay": 200, "hideEdgesOnDrag": True, "hideEdgesOnZoom": True,
                        "keyboard": False, "navigationButtons": False},
        "physics": {"enabled": False, "solver": "forceAtlas2Based", "stabilization": {"enabled": False},
                    "forceAtlas2Based": _RELAYOUT_FORCES},
        "layout": {"improvedLayout": False, "randomSeed": 7},
    }


def schema_data() -> dict[str, Any]:
    """The attribute schema as the page script reads it: ``[key, label, show]`` per attribute of
    each node kind and edge type, and the edge types in the order the panel lists relations.

    >>> [(key, label) for key, label, show in schema_data()["edges"]["ADDRESSED_TO"] if show == "detail"]
    [('address', 'kính gửi / nơi nhận'), ('purpose', 'purpose'), ('mentions', 'times stated in the file')]
    """
    def rows(owner, table):
        return [[a.key, fields.label(owner, a.key), a.show.value] for a in table]
    return {"nodes": {kind.value: rows(kind.value, node_attributes(kind)) for kind in NodeKind},
            "edges": {edge.value: rows(edge.value, edge_attributes(edge)) for edge in EdgeType},
            "edgeOrder": [edge.value for edge in EdgeType],
            "values": fields.VALUES, "explained": fields.EXPLAINED}


# What the page leaves out of a node's or a relation's facts: the node kind (the drawn node
# carries it) and the attributes that copy another one.
_LEFT_OUT = {str(edge): frozenset(a.key for a in edge_attributes(edge) if a.copy_of) for edge in EdgeType}


def _facts(attrs: dict[str, Any], owner: str | None = None) -> dict[str, Any]:
    """The attributes worth showing: not the node kind nor a copy, nothing empty."""
    left_out = _LEFT_OUT.get(owner or "", frozenset({"kind"}))
    return {k: v for k, v in attrs.items() if k not in left_out and v not in (None, "", [], {})}


def _importance(graph: nx.MultiDiGraph, node: str, group: str) -> int:
    """How much a node's label matters: documents others implement or cite most, then the
    best connected bodies (labels are drawn in that order where they fit)."""
    if group.startswith("Document"):
        edges: Any = graph.in_edges(node, data="type")
        cited = sum(1 for _, _, t in edges if t in _REFERENCE_TYPES)
        return 1000 * cited + 10 * graph.degree(node) + (500 if group == "Document" else 0)
    if group == NodeKind.TASK:
        return 0
    return 5 * graph.degree(node)


def _size(group: str, importance: int) -> float:
    base = NODE_STYLES[group].get("size", 8)
    grow = 1.6 if group.startswith("Document") else 1.0
    return round(base + min(10.0, math.log1p(importance / 50)) * grow, 1)


def page_data(graph: nx.MultiDiGraph, title: str = "vanban graph",
              large_threshold: int = LARGE_GRAPH) -> dict:
    """Everything the page script reads: nodes with their positions, lines, facts, styles, counts,
    trees, and what a large page hides at first."""
    large = graph.number_of_nodes() > large_threshold
    placed = place(graph)
    nodes, facts = [], {}
    for node, attrs in sorted(graph.nodes(data=True), key=lambda item: str(item[0])):
        group = node_group(attrs)
        x, y = placed.positions[node]
        importance = _importance(graph, node, group)
        nodes.append({"id": str(node), "text": node_label(attrs), "group": group, "kind": attrs.get("kind"),
                      "x": x, "y": y, "size": _size(group, importance), "importance": importance,
                      "isolated": node in placed.isolated})
        facts[str(node)] = _facts(attrs)
    # One line per relation (two ends and a type), carrying every statement of it: a relation
    # several files state (one edge each) would otherwise be lines drawn over one another,
    # and a click would show one of them.
    edges: list[dict] = []
    edge_facts: list[list[dict]] = []
    drawn: dict[tuple, int] = {}
    for u, v, attrs in graph.edges(data=True):
        relation = (u, v, attrs.get("type"))
        index = drawn.get(relation)
        if index is None:
            index = drawn[relation] = len(edge_facts)
            edges.append({"id": f"e{index}", "from": str(u), "to": str(v), "type": attrs.get("type")})
            edge_facts.append([])
        edge_facts[index].append(_facts(attrs, attrs.get("type")))
    return {
        "title": title, "large": large, "nodes": nodes, "edges": edges, "options": _options(),
        "facts": facts, "edgeFacts": edge_facts, "schema": schema_data(),
        "styles": {"nodes": NODE_STYLES, "edges": EDGE_STYLES},
        "counts": graph_counts(graph).as_dict(),
        "hidden": {"kinds": [NodeKind.TASK.value] if large else [], "isolated": large},
        "trees": implementation_trees(graph),
    }


def _csp_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def render_html(graph: nx.MultiDiGraph, title: str = "vanban graph",
                large_threshold: int = LARGE_GRAPH) -> str:
    """The page as a string."""
    scripts = [assets.vis_js(), assets.page_script()]
    csp = ("default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
           f"script-src {' '.join(_csp_hash(s) for s in scripts)}; base-uri 'none'; form-action 'none'")
    env = Environment(autoescape=True, keep_trailing_newline=True)
    template = env.from_string(assets.page_template())
    return template.render(
        title=title, csp=csp, vis_css=assets.vis_css(), page_css=assets.page_style(),
        vis_js=scripts[0], page_js=scripts[1],
        data_json=script_json(page_data(graph, title, large_threshold)),
        nodes=graph.number_of_nodes(), edges=graph.number_of_edges(),
    )


def write_html(graph: nx.MultiDiGraph, path: str | Path, title: str = "vanban graph",
               large_threshold: int = LARGE_GRAPH) -> Path:
    """Write the page (atomically: :mod:`vanban.graph.atomic`) and return its path."""
    path = Path(path)
    write_text(path, [render_html(graph, title, large_threshold)])
    return path
