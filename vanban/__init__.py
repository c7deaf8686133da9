"""vanban: Vietnamese directive documents as a knowledge graph.

The verbs::

    from vanban import build_graph, read_inputs
    result = read_inputs(["samples/"])
    graph = build_graph(result.take_facts())  # each file's facts freed once merged

``build_graph(result.facts)`` gives the same graph and keeps the facts for later use.

The verbs are imported on first use, so that importing one part of the package (the command
line's argument parser, the graph model) does not load the whole extraction pipeline.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING

from vanban.lazy import lazy_exports

if TYPE_CHECKING:
    from vanban.pipeline import build_graph, read_inputs

try:
    __version__ = version("vanban")
except PackageNotFoundError:  # run from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = ["__version__", "build_graph", "read_inputs"]

__getattr__ = lazy_exports(__name__, {"vanban.pipeline": ("build_graph", "read_inputs")})
