"""The graph as one self-contained, offline HTML page (pyvis network data, vis-network drawing).

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
from pathlib import Path
from typing import Any

import networkx as nx
from jinja2 import Environment
from pyvis.network import Network

from vanban.graph.atomic import write_text
from vanban.graph.schema import edge_attributes, node_attributes
from vanban.graph.vocabulary import EdgeType, NodeKind
from vanban.visualize import assets
from vanban.visualize.layout import radial_layout
from vanban.visualize.style import EDGE_STYLES, NODE_STYLES, node_group, node_label
from vanban.visualize.trees import implementation_trees

__all__ = ["LARGE_GRAPH", "page_data", "render_html", "schema_data", "script_json", "write_html"]

_REFERENCE_TYPES = {EdgeType.IMPLEMENTS, EdgeType.CITES, EdgeType.COPIES}

# Above this many nodes the browser does no physics: positions are computed here.
LARGE_GRAPH = 400


class _Network(Network):
    """pyvis' Network with constant-time node lookup (pyvis scans a list on every edge)."""

    def get_nodes(self):  # used by add_edge to check that both ends exist
        return self.node_map


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


def _options(large: bool) -> dict:
    groups = {name: {k: v for k, v in style.items() if k != "legend"} for name, style in NODE_STYLES.items()}
    physics: dict = {"enabled": False}
    if not large:
        physics = {"enabled": True, "solver": "forceAtlas2Based",
                   "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 80,
                                        "springConstant": 0.08, "centralGravity": 0.02, "avoidOverlap": 0.6},
                   "stabilization": {"enabled": True, "iterations": 300, "updateInterval": 50, "fit": True}}
    return {
        "groups": groups,
        "nodes": {"font": {"face": "system-ui,sans-serif"}, "borderWidth": 1.5, "margin": 6},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.55}}, "selectionWidth": 2,
                  "smooth": False if large else {"enabled": True, "type": "continuous", "roundness": 0.3},
                  "hoverWidth": 1.5},
        "interaction": {"hover": not large, "tooltipDelay": 200, "hideEdgesOnDrag": large,
                        "hideEdgesOnZoom": large, "keyboard": False, "navigationButtons": False},
        "physics": physics,
        "layout": {"improvedLayout": False, "randomSeed": 7},
    }


def schema_data() -> dict[str, Any]:
    """The attribute schema as the page script reads it: ``[key, label, show]`` per attribute of
    each node kind and edge type, and the edge types in the order the panel lists relations.

    >>> [(key, label) for key, label, show in schema_data()["edges"]["ADDRESSED_TO"] if show == "detail"]
    [('address', 'kính gửi / nơi nhận'), ('purpose', 'purpose'), ('mentions', 'mentions')]
    """
    def rows(table):
        return [[a.key, a.label, a.show.value] for a in table]
    return {"nodes": {kind.value: rows(node_attributes(kind)) for kind in NodeKind},
            "edges": {edge.value: rows(edge_attributes(edge)) for edge in EdgeType},
            "edgeOrder": [edge.value for edge in EdgeType]}


# What the page leaves out of a node's or a relation's facts: the node kind (the drawn node
# carries it) and the attributes that copy another one.
_LEFT_OUT = {str(edge): frozenset(a.key for a in edge_attributes(edge) if a.copy_of) for edge in EdgeType}


def _facts(attrs: dict[str, Any], owner: str | None = None) -> dict[str, Any]:
    """The attributes worth showing: not the node kind nor a copy, nothing empty."""
    left_out = _LEFT_OUT.get(owner or "", frozenset({"kind"}))
    return {k: v for k, v in attrs.items() if k not in left_out and v not in (None, "", [], {})}


def _emphasis(graph: nx.MultiDiGraph, node: str, group: str) -> dict:
    """Larger type for documents many others implement or cite, so the main directives stand out."""
    if not group.startswith("Document"):
        return {}
    cited = sum(1 for _, _, d in graph.in_edges(node, data=True) if d.get("type") in _REFERENCE_TYPES)
    if cited < 2:
        return {}
    size = NODE_STYLES[group]["font"]["size"] + min(14, 2 * cited)
    return {"font": {"size": size}, "mass": 1 + min(4, cited / 3)}


def page_data(graph: nx.MultiDiGraph, title: str = "vanban graph",
              large_threshold: int = LARGE_GRAPH) -> dict:
    """Everything the page script reads: vis nodes and edges (built with pyvis), facts, styles, trees."""
    large = graph.number_of_nodes() > large_threshold
    positions = radial_layout(graph)
    net = _Network(directed=True)
    net.set_options(json.dumps(_options(large)))
    facts = {}
    for node, attrs in sorted(graph.nodes(data=True), key=lambda item: str(item[0])):
        group = node_group(attrs)
        x, y = positions[node]
        extra = _emphasis(graph, node, group)
        net.add_node(str(node), label=node_label(attrs), shape=NODE_STYLES[group]["shape"], group=group,
                     kind=attrs.get("kind"), x=x, y=y, **extra)
        facts[str(node)] = _facts(attrs)
    # One line per relation (two ends and a type), carrying every statement of it: a relation
    # several files state (one edge each) would otherwise be lines drawn over one another,
    # and a click would show one of them.
    edge_facts: list[list[dict]] = []
    drawn: dict[tuple, int] = {}
    for u, v, attrs in graph.edges(data=True):
        relation = (u, v, attrs.get("type"))
        index = drawn.get(relation)
        if index is None:
            index = drawn[relation] = len(edge_facts)
            net.add_edge(str(u), str(v), id=f"e{index}", type=attrs.get("type"))
            edge_facts.append([])
        edge_facts[index].append(_facts(attrs, attrs.get("type")))
    nodes, edges, _, _, _, options = net.get_network_data()
    return {
        "title": title, "large": large, "nodes": nodes, "edges": edges, "options": json.loads(options),
        "facts": facts, "edgeFacts": edge_facts, "schema": schema_data(),
        "styles": {"nodes": NODE_STYLES, "edges": EDGE_STYLES},
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
