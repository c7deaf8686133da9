"""Plain-text tables for the command line."""

from __future__ import annotations

import json
from collections.abc import Callable

__all__ = ["format_table", "print_records"]


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
