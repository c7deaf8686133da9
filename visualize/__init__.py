"""Drawing the graph: one self-contained, offline HTML page to browse it.

>>> from vanban.pipeline import build_graph, read_inputs
>>> from vanban.visualize import write_html
>>> write_html(build_graph(read_inputs(["samples"]).facts), "out/graph.html")  # doctest: +SKIP
PosixPath('out/graph.html')
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vanban.lazy import lazy_exports

if TYPE_CHECKING:
    from vanban.visualize.page import render_html, write_html
    from vanban.visualize.select import neighbourhood, only_kinds
    from vanban.visualize.style import LARGE_GRAPH

__all__ = ["LARGE_GRAPH", "neighbourhood", "only_kinds", "render_html", "write_html"]

__getattr__ = lazy_exports(__name__, {
    "vanban.visualize.page": ("render_html", "write_html"),
    "vanban.visualize.select": ("neighbourhood", "only_kinds"),
    "vanban.visualize.style": ("LARGE_GRAPH",),
})
