"""Plain-text tables for the command line."""

from __future__ import annotations

__all__ = ["format_table"]


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
