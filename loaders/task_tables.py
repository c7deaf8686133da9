"""Tasks in a table: a plan's rows with ``Cơ quan chủ trì``, ``Cơ quan phối hợp`` or ``Cơ quan
thực hiện`` columns, flattened as `` | ``-separated cells on one line, or one cell a line between
``|`` lines. Pure text functions: organ names are returned as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vanban.graph.vocabulary import Role
from vanban.loaders.bodies import split_bodies
from vanban.loaders.organ_names import looks_like_organ
from vanban.loaders.tasks import GENERIC
from vanban.loaders.text import fold

__all__ = ["TableTask", "table_tasks"]


@dataclass(frozen=True)
class TableTask:
    """A row of a table of tasks that names who leads, coordinates or performs it."""

    number: str
    text: str
    line: int  # index of the row's first line
    organs: tuple[tuple[str, Role], ...]


# A column naming who does a task: "Cơ quan chủ trì", "Đơn vị phối hợp", "Cơ quan chủ trì thực hiện".
_COLUMN_WORDS = r"(?:cơ quan|đơn vị)\s+(?P<kind>chủ trì|phối hợp|thực hiện)\b"
_COLUMN = re.compile(rf"(?i:{_COLUMN_WORDS})")
_COLUMN_LOWER = re.compile(_COLUMN_WORDS)  # the same in a text in lower case: scanned for far faster


_ROW_NUMBER = re.compile(r"^(?P<n>\d{1,3}(?:\.\d{1,3})*)\.?$")


_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$|\s\|\s")


def table_tasks(lines: list[str]) -> list[TableTask]:
    """The rows of the tables of tasks among ``lines`` whose header names who leads them
    (``Cơ quan chủ trì``), coordinates (``Cơ quan phối hợp``) or performs (``Đơn vị thực
    hiện``): a table flattened as ``|``-separated cells on a line per row, or as one cell per
    line between ``|`` lines. Rows open with their number (``1``, ``2.``, ``1.3``) in the
    header's first column (``TT``); section rows (``I``, a heading) are not tasks.

    >>> rows = table_tasks(["| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp |", "| --- | --- | --- |",
    ...                     "| 1. | Rà soát quy định | Sở Tư pháp | Sở Tài chính, các sở liên quan |"])
    >>> [(r.number, r.text, r.organs) for r in rows]  # doctest: +NORMALIZE_WHITESPACE
    [('1', 'Rà soát quy định', (('Sở Tư pháp', <Role.LEAD: 'lead'>),
                                ('Sở Tài chính', <Role.COORDINATE: 'coordinate'>)))]
    """
    out: list[TableTask] = []
    if not any(_COLUMN_LOWER.search(line.lower()) for line in lines if "ơ quan" in line or "ơn vị" in line
               or "Ơ QUAN" in line or "ƠN VỊ" in line):
        return out  # no table names who does its tasks
    cells = _cells(lines)
    width = 0
    roles: dict[int, Role] = {}
    for i, (text, line) in enumerate(cells):
        header = _header(cells, i)
        if header is not None:
            width, roles = header
            continue
        number = _ROW_NUMBER.match(text) if roles else None
        if number is None or (i > 0 and cells[i - 1][0]):
            continue  # a row opens after the end of the one before (an empty cell)
        row = [cell for cell, _ in cells[i:i + width]]
        organs = tuple((name, role) for column, role in roles.items() if column < len(row)
                       for name in split_bodies(_ROLE_AFTER.sub("", row[column]))
                       if looks_like_organ(name) and not GENERIC.search(name))
        if organs and len(row) > 1:
            out.append(TableTask(number.group("n"), row[1][:4000], line, organs))
    return out


_ROLES = {"chủ trì": Role.LEAD, "phối hợp": Role.COORDINATE, "thực hiện": Role.PERFORM}
# The role written after the body in its cell: "Các địa phương chủ trì".
_ROLE_AFTER = re.compile(r"(?<=\S)\s++(?:" + "|".join(_ROLES) + r")\s*$")


def _header(cells: list[tuple[str, int]], at: int) -> tuple[int, dict[int, Role]] | None:
    """(width, column → role) of a table header that opens at ``cells[at]`` ("TT" first), if any."""
    if fold(cells[at][0]) not in ("tt", "stt", "so tt"):
        return None
    roles: dict[int, Role] = {}
    width = 1
    for j in range(at + 1, min(at + 12, len(cells))):
        if not cells[j][0]:
            break  # the header's row ends
        column = _COLUMN.search(cells[j][0])
        if column is not None:
            roles.setdefault(j - at, _ROLES[column.group("kind").lower()])
        width += 1
    return (width, roles) if roles else None


def _cells(lines: list[str]) -> list[tuple[str, int]]:
    """(text, line) of the cells among ``lines``, an empty text for an empty cell or the end of a
    row: "| a | b |" rows, or one cell per line (or per paragraph) between "|" lines."""
    out: list[tuple[str, int]] = []
    current: list[str] = []
    start = 0
    for i, line in enumerate(lines):
        stripped = line.strip()
        if stripped != "|" and "|" in stripped and _PIPE_ROW.search(stripped):
            if not set(stripped) - set("|-: "):
                continue  # a markdown rule under the header
            out += [(cell.strip(" *"), i) for cell in stripped.strip("|").split("|")]
            out.append(("", i))
        elif stripped.strip("* ") in ("|", ""):
            out.append((" ".join(current).strip(" *"), start))
            current = []
        else:
            if not current:
                start = i
            current.append(stripped)
    return out
