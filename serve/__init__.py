"""``vanban serve``: a local web application to browse a graph of any size.

Search over every document and organ, a page per node at the path of its RDF URI, a graph
view that grows from one node on click, the canned questions (from the graph or Neo4j) and a
read-only SPARQL endpoint over the RDF export in Oxigraph. See docs/serve.md.

>>> from vanban.pipeline import build_graph, read_inputs
>>> from vanban.serve import ServeOptions, prepare, run
>>> state = prepare(build_graph(read_inputs(["samples"]).facts), ServeOptions())  # doctest: +SKIP
>>> run(state, ServeOptions(port=8000))  # doctest: +SKIP
"""

from __future__ import annotations

from vanban.serve.app import AppState, create_app
from vanban.serve.catalog import Catalog
from vanban.serve.server import ServeOptions, close, prepare, run, serving

__all__ = ["AppState", "Catalog", "ServeOptions", "close", "create_app", "prepare", "run", "serving"]
