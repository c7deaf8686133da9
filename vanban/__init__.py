"""vanban: Vietnamese directive documents as a knowledge graph.

The verbs::

    from vanban import build_graph, read_inputs
    result = read_inputs(["samples/"])
    graph = build_graph(result.take_facts())  # each file's facts freed once merged

``build_graph(result.facts)`` gives the same graph and keeps the facts for later use.
"""

from importlib.metadata import PackageNotFoundError, version

from vanban.pipeline import build_graph, read_inputs

try:
    __version__ = version("vanban")
except PackageNotFoundError:  # run from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = ["__version__", "build_graph", "read_inputs"]
