"""Command-line subcommands for the html capability (registered by vanban.cli)."""

from __future__ import annotations

import argparse
from pathlib import Path

from vanban.graph.vocabulary import NodeKind
from vanban.pipeline import graph_from_paths
from vanban.queries.lookup import find_document
from vanban.visualize import LARGE_GRAPH, neighbourhood, only_kinds, write_html

__all__ = ["register"]


def register(sub: argparse._SubParsersAction) -> None:
    """Add this capability's subcommands to the vanban parser."""
    html = sub.add_parser("html", help="draw the graph as one offline, interactive HTML page")
    html.add_argument("paths", nargs="+", metavar="PATH",
                      help="files or folders of .txt/.md, or one .json export")
    html.add_argument("--out", metavar="FILE", default="out/graph.html",
                      help="page to write (default: %(default)s)")
    html.add_argument("--focus", metavar="SYMBOL", help="draw only the neighbourhood of this document")
    html.add_argument("--depth", type=int, default=2, metavar="N",
                      help="with --focus: how many edges away to go (default: %(default)s)")
    html.add_argument("--kinds", nargs="+", metavar="KIND", choices=[k.value for k in NodeKind],
                      help="node kinds to keep: " + ", ".join(k.value for k in NodeKind))
    html.add_argument("--title", help="page title (default: from the inputs)")
    html.add_argument("--large", type=int, default=LARGE_GRAPH, metavar="N",
                      help="above N nodes, lay out in Python and draw without physics (default: %(default)s)")
    html.set_defaults(run=_html)


def _html(args: argparse.Namespace) -> int:
    graph = graph_from_paths(args.paths)
    title = args.title or "vanban — " + ", ".join(Path(p).name for p in args.paths)
    if args.focus:
        center = find_document(graph, args.focus)
        graph = neighbourhood(graph, center, args.depth)
        name = graph.nodes[center].get("symbol") or args.focus
        title = args.title or f"vanban — {name}, depth {args.depth}"
    if args.kinds:
        graph = only_kinds(graph, args.kinds)
    path = write_html(graph, args.out, title=title, large_threshold=args.large)
    print(f"wrote {path} ({graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges, "
          f"{path.stat().st_size // 1024} KiB)")
    return 0
