"""Command-line subcommands for the html capability (registered by vanban.cli)."""

from __future__ import annotations

import argparse
from pathlib import Path

from vanban.errors import check_writable, writing
from vanban.graph.vocabulary import NodeKind
from vanban.loaders.formats import SUFFIXES
from vanban.tables import Progress, read_with_progress
from vanban.visualize.style import LARGE_GRAPH

__all__ = ["kind_name", "kinds_argument", "register"]


def register(sub: argparse._SubParsersAction) -> None:
    """Add this capability's subcommands to the vanban parser."""
    html = sub.add_parser("html", help="draw the graph as one offline, interactive HTML page")
    html.add_argument("paths", nargs="+", metavar="PATH",
                      help=f"documents ({', '.join(SUFFIXES)}) or folders of them, or one .json export")
    html.add_argument("--out", metavar="FILE", default="out/graph.html",
                      help="page to write (default: %(default)s)")
    html.add_argument("--focus", metavar="SYMBOL", help="draw only the neighbourhood of this document")
    html.add_argument("--depth", type=int, default=2, metavar="N",
                      help="with --focus: how many edges away to go (default: %(default)s)")
    html.add_argument("--kinds", type=kinds_argument, action="extend", metavar="KIND",
                      help="node kinds to keep, in any case: " + ", ".join(k.value for k in NodeKind)
                           + " (several after one --kinds, or separated by commas)")
    html.add_argument("--title", help="page title (default: from the inputs)")
    html.add_argument("--large", type=int, default=LARGE_GRAPH, metavar="N",
                      help="above N nodes, lay out in Python and draw without physics (default: %(default)s)")
    html.add_argument("--allow-empty", action="store_true",
                      help="write the page even when the inputs hold no document (by default that is "
                           "an error and a previous page stays as it was)")
    html.set_defaults(run=_html)


def kind_name(text: str) -> str | None:
    """The node kind ``text`` names, in any case (``organ`` → ``Organ``), else None.

    >>> kind_name("organ"), kind_name("TASK"), kind_name("out/g.json")
    ('Organ', 'Task', None)
    """
    return next((k.value for k in NodeKind if k.value.lower() == text.strip().lower()), None)


def kinds_argument(text: str) -> list[str]:
    """``--kinds`` values: kind names in any case, separated by commas.

    >>> kinds_argument("document,Organ")
    ['Document', 'Organ']
    """
    kinds = [kind_name(part) for part in text.split(",") if part.strip()]
    if not kinds or None in kinds:
        known = ", ".join(k.value for k in NodeKind)
        raise argparse.ArgumentTypeError(f"{text!r}: a node kind is one of {known}")
    return [k for k in kinds if k]


def _html(args: argparse.Namespace) -> int:
    from vanban.queries.lookup import find_document
    from vanban.visualize import neighbourhood, only_kinds, write_html

    check_writable(args.out)
    progress = Progress()
    loaded = read_with_progress(progress, args.paths, args.allow_empty)
    graph = loaded.graph
    title = args.title or "vanban — " + ", ".join(Path(p).name for p in args.paths)
    if args.focus:
        center = find_document(graph, args.focus)
        graph = neighbourhood(graph, center, args.depth)
        name = graph.nodes[center].get("symbol") or args.focus
        title = args.title or f"vanban — {name}, depth {args.depth}"
    if args.kinds:
        graph = only_kinds(graph, args.kinds)
    progress.step(f"drawing {graph.number_of_nodes():,} nodes")
    with writing(args.out):
        path = write_html(graph, args.out, title=title, large_threshold=args.large)
    progress.done()
    print(f"wrote {path} ({graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges, "
          f"{path.stat().st_size // 1024} KiB)")
    return loaded.status
