"""Plain text for the command line: tables of records, and progress on the terminal."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vanban.pipeline import GraphInput

__all__ = ["Progress", "format_table", "print_records", "readable_records"]


def format_table(headers: list[str], rows: list[list]) -> str:
    """Left-aligned columns separated by two spaces; empty string when there are no rows.

    >>> print(format_table(["a", "bb"], [[1, None], ["xyz", "q"]]))
    a    bb
    ---  --
    1
    xyz  q
    """
    if not rows:
        return ""
    cells = [[("" if v is None else str(v)) for v in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(headers)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    return "\n".join(lines)


def print_records(names: list[str], rows: list[dict], as_json: bool, cell: Callable[[object], str]) -> None:
    """Records as a JSON list, or as a table of ``cell(value)`` (a line saying so when empty)."""
    if as_json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
    elif not rows:
        print("(no answer in the graph)")
    else:
        print(format_table(names, [[cell(row[n]) for n in names] for row in rows]))


# Id columns left out of a table when a readable column says the same.
_SAID_BY = {"label": "document", "organ": "name", "task": "number"}


def readable_records(rows: list[dict], names: Mapping[str, str]) -> tuple[list[str], list[dict]]:
    """The columns and values a table prints of a question's records: documents by their
    names (``names``, see :func:`vanban.queries.ask.document_names`), yes/no for true/false,
    and id columns left out where a readable one says the same.

    >>> rows = [{"organ": "organ:x", "name": "Ban X", "implemented_by": ["doc:a"], "implemented": True}]
    >>> columns, readable = readable_records(rows, {"doc:a": "Kế hoạch [a.txt]"})
    >>> columns, readable[0]["implemented_by"], readable[0]["implemented"]
    (['name', 'implemented_by', 'implemented'], ['Kế hoạch [a.txt]'], 'yes')
    """
    if not rows:
        return [], []
    columns = [c for c in rows[0] if not (c in _SAID_BY and _SAID_BY[c] in rows[0])]

    def value(column: str, raw: object) -> object:
        if isinstance(raw, bool):
            return "yes" if raw else "no"
        if column in ("document", "implemented_by"):
            return [names.get(v, v) for v in raw] if isinstance(raw, list) else names.get(str(raw), raw)
        return raw
    return columns, [{c: value(c, row[c]) for c in columns} for row in rows]


class Progress:
    """What a long command is doing, on one line of the terminal (nothing when standard error
    is not a terminal, or with ``quiet``)."""

    def __init__(self, quiet: bool = False) -> None:
        self.enabled = not quiet and sys.stderr.isatty()

    def step(self, text: str) -> None:
        """Show ``text`` in place of the previous step."""
        if self.enabled:
            print(f"\r\033[K{text}", end="", file=sys.stderr, flush=True)

    def reading(self, n: int, total: int, path: Path) -> None:
        """A bar of the files read so far (the ``progress`` of :func:`vanban.pipeline.read_inputs`)."""
        width = 30
        done = int(width * n / total)
        self.step(f"[{'#' * done}{'.' * (width - done)}] {n}/{total} {path.name[:40]}")

    @property
    def files(self) -> Callable[[int, int, Path], None] | None:
        """:meth:`reading`, or None when nothing is shown."""
        return self.reading if self.enabled else None

    def done(self) -> None:
        """Clear the line."""
        self.step("")


def read_with_progress(progress: Progress, paths: Sequence[str], allow_empty: bool) -> GraphInput:
    """Say "reading PATHS" and read them into one graph, counting files on ``progress``."""
    from vanban.pipeline import read_graph  # loaded only by the commands that read documents

    progress.step(f"reading {', '.join(paths)}")
    return read_graph(paths, allow_empty=allow_empty, progress=progress.files)
