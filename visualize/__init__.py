"""Drawing the graph: one self-contained, offline HTML page to browse it.

>>> from vanban.pipeline import build_graph, read_inputs
>>> from vanban.visualize import write_html
>>> write_html(build_graph(read_inputs(["samples"]).facts), "out/graph.html")  # doctest: +SKIP
PosixPath('out/graph.html')
"""

from __future__ import annotations

from vanban.visualize.page import LARGE_GRAPH, render_html, write_html
from vanban.visualize.select import neighbourhood, only_kinds

__all__ = ["LARGE_GRAPH", "neighbourhood", "only_kinds", "render_html", "write_html"]
