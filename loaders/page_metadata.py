"""A legal portal's metadata table: a second witness of a document's own facts.

Saved pages show the document's number, type, issuer, signer and date in a table of labelled
fields (``Số hiệu:`` / ``5348/CT-CS``, ``Loại văn bản:`` / ``Công văn`` …), written as
markdown with each value on its own line between ``|`` lines, as a pipe table, or as the
``label | value`` rows an HTML table becomes. The labels are data
(``data/page_metadata.tsv``); a table is three or more of them close together, two of them
among the five fields read. Each value keeps its span, so a fact taken from the table has its
own evidence (rule ``page-metadata``).

The table only witnesses: :mod:`.extract` uses a field where the document's own text is
silent and records a conflict where the two disagree.

>>> from vanban.loaders.text import clean_view
>>> view = clean_view("|\\n**Số hiệu:**\\n|\\n5348/CT-CS\\n|\\n**Loại văn bản:**\\n|\\nCông văn\\n|\\n"
...     "**Người ký:**\\n|\\nPhạm Thị Minh Hiền\\n|\\n**Ngày ban hành:**\\n|\\n20/11/2025\\n|\\n")
>>> table = read_page_metadata(view)
>>> table.symbol.value, table.doc_type.value, table.signer.value, table.date_iso
('5348/CT-CS', 'Công văn', 'Phạm Thị Minh Hiền', '2025-11-20')
>>> view.text[table.symbol.span[0] : table.symbol.span[1]]
'5348/CT-CS'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from vanban.loaders.lexicon import doc_types, page_metadata_labels
from vanban.loaders.patterns import by_first_letter
from vanban.loaders.symbols import SYMBOL, parse_date
from vanban.loaders.text import TextView, fold

__all__ = ["MetadataField", "PageMetadata", "read_page_metadata", "read_page_title"]

RULE = "page-metadata"
FIELDS = ("symbol", "doc_type", "issuer", "signer", "date")


@dataclass(frozen=True)
class MetadataField:
    """One field of the table: its label as written, its value and the value's span (view
    positions)."""

    label: str
    value: str
    span: tuple[int, int]


@dataclass(frozen=True)
class PageMetadata:
    """The fields a page's metadata table gives, and where the table stands in the view."""

    start: int
    end: int
    symbol: MetadataField | None = None
    doc_type: MetadataField | None = None
    issuer: MetadataField | None = None
    signer: MetadataField | None = None
    date: MetadataField | None = None

    @property
    def date_iso(self) -> str | None:
        return parse_date(self.date.value) if self.date else None


class _Cell:
    __slots__ = ("end", "start", "text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.start, self.end = text, start, end


_CELL_BREAK = re.compile(r"\s*\|\s*|\s{3,}")
_TRIM = " *_#>\t"
_UNKNOWN = frozenset({"da biet", "dang cap nhat", "khong xac dinh", "khong co", "chua xac dinh", "..."})


def _cells(view: TextView, start: int = 0, end: int | None = None) -> list[_Cell]:
    """The non-empty cells of a stretch of the view: lines split at ``|`` and wide gaps."""
    text = view.text
    end = len(text) if end is None else end
    cells: list[_Cell] = []
    pos = start
    for line in text[start:end].split("\n"):
        at = 0
        for piece in _CELL_BREAK.split(line):
            found = line.find(piece, at) if piece else -1
            if found < 0:
                continue
            at = found + len(piece)
            stripped = piece.strip(_TRIM)
            if stripped:
                lead = found + len(piece) - len(piece.lstrip(_TRIM))
                cells.append(_Cell(stripped, pos + lead, pos + lead + len(stripped)))
        pos += len(line) + 1
    return cells


@cache
def _labels() -> dict[str, str]:
    """Folded label → field."""
    return {fold(label): field for label, field in page_metadata_labels().items()}


@cache
def _lower_labels() -> tuple[str, ...]:
    """The labels in lower case, longest first."""
    return tuple(sorted((label.lower() for label in page_metadata_labels()), key=len, reverse=True))


@cache
def _label_endings() -> frozenset[str]:
    """The last characters of each label in lower case, as many for each (three, or the
    shortest label's length)."""
    width = min(3, *map(len, _lower_labels()))
    return frozenset(label[len(label) - width :] for label in _lower_labels())


def _label_starts(text: str) -> Iterator[int]:
    """Where a label stands before a colon (spaces between them), in any case: found from the
    colons, which a page has far fewer of than it has the labels' first letters.

    >>> list(_label_starts("Số hiệu: 12/QĐ-UBND | NGƯỜI KÝ :  x | Ghi chú: y"))
    [0, 22]
    """
    labels = _lower_labels()
    longest = len(labels[0])
    endings = _label_endings()
    width = len(next(iter(endings)))
    colon = text.find(":")
    while colon >= 0:
        end = colon
        while end > 0 and text[end - 1].isspace():
            end -= 1  # (each run of spaces stands before one colon: walked once)
        # The last few characters first: lower() maps them as it maps them in a longer stretch
        # (save a final sigma's form, in no label), so a label ends there only if its ending does.
        ending = text[max(0, end - width) : end].lower()[-width:]
        if ending in endings and (before := text[max(0, end - longest) : end].lower()).endswith(labels):
            yield end - len(next(label for label in labels if before.endswith(label)))
        colon = text.find(":", colon + 1)


def _label(text: str) -> tuple[str, str, str] | None:
    """(field, label as written, the value written after the colon) when a cell opens with a
    known label, else None."""
    head, colon, rest = text.partition(":")
    if not colon and text.endswith(":"):
        return None
    field = _labels().get(fold(head).strip())
    if field is None or (not colon and len(text) > 40):
        return None
    return field, head.strip(_TRIM), rest.strip(_TRIM)


def read_page_metadata(view: TextView) -> PageMetadata | None:
    """The first metadata table of a view, or None (see the module's docstring)."""
    hits = _first_cluster(_label_starts(view.text))
    if len(hits) < 3:  # a table has three labels or more
        return None
    # Only the stretch around the labels is cut into cells: a value follows its label closely.
    cells = _cells(view, view.text.rfind("\n", 0, hits[0]) + 1, min(len(view.text), hits[-1] + 600))
    found: list[tuple[int, str, MetadataField | None]] = []  # (label's cell index, field, value)
    k = 0
    while k < len(cells):
        cell = cells[k]
        labelled = _label(cell.text) if len(cell.text) < 80 else None
        if labelled is None:
            k += 1
            continue
        field, label, rest = labelled
        value: MetadataField | None = None
        if rest:
            at = cell.text.rfind(rest)
            value = MetadataField(label, rest, (cell.start + at, cell.start + at + len(rest)))
        elif k + 1 < len(cells) and _label(cells[k + 1].text) is None:
            nxt = cells[k + 1]
            value = MetadataField(label, nxt.text, (nxt.start, nxt.end))
        found.append((k, field, value))
        k += 2 if value is not None and not rest else 1
    table = _first_table(found)
    if table is None:
        return None
    fields = {field: _checked(field, value) for _, field, value in table if field in FIELDS and value}
    start = cells[table[0][0]].start
    end = max([cells[k].end for k, _, _ in table] + [value.span[1] for _, _, value in table if value])
    return PageMetadata(start, end, **{f: v for f, v in fields.items() if v is not None})


def _first_cluster(starts: Iterable[int], gap: int = 1500) -> list[int]:
    """Where the labels of the first cluster of three or more stand (each within ``gap``
    characters of the one before), or of the last cluster tried."""
    hits: list[int] = []
    for start in starts:
        if hits and start - hits[-1] > gap:
            if len(hits) >= 3:
                break
            hits = []
        hits.append(start)
    return hits


def _first_table(found: list[tuple[int, str, MetadataField | None]]) -> list | None:
    """The first run of labelled cells close together (at most four cells apart) with three
    labels or more, two of them fields read."""
    run: list[tuple[int, str, MetadataField | None]] = []
    for item in [*found, None]:
        if item is not None and (not run or item[0] - run[-1][0] <= 4):
            run.append(item)
            continue
        if len(run) >= 3 and len({f for _, f, _ in run if f in FIELDS}) >= 2:
            return run
        run = [item] if item is not None else []
    return None


def _checked(field: str, value: MetadataField) -> MetadataField | None:
    """The value, unless it says nothing ("Đã biết", "Đang cập nhật") or is not what the
    field holds (a number that is no symbol, a date that is none)."""
    if fold(value.value) in _UNKNOWN:
        return None
    if field == "symbol":
        m = SYMBOL.search(value.value.replace(" ", ""))
        return MetadataField(value.label, m.group(), value.span) if m else None
    if field == "date":
        return value if parse_date(value.value) else None
    return value


@cache
def _title_line() -> re.Pattern[str]:
    names = by_first_letter(re.escape(t.name) for t in doc_types())  # longest first
    return re.compile(
        rf"^(?P<type>{names})\s+(?P<symbol>{SYMBOL.pattern})"
        r"(?:\s+năm\s+\d{4}|\s+ngày\s+(?P<date>\d{1,2}/\d{1,2}/\d{4}))?"
        # the last "do": "… tổn thất do bão lũ … do Cục Thuế ban hành"
        r"(?!\.\s)(?:.*\s+do\s+(?P<issuer>[^,;]{3,120}?)\s+(?:ban hành|điện)\s*$)?")


def read_page_title(lines: list[tuple[str, int]]) -> PageMetadata | None:
    """The document's facts as a website titles it, from the given lines (text, view
    position) of a page's chrome: "Công văn 5348/CT-CS ngày 20/11/2025 hướng dẫn … do Cục
    Thuế ban hành". Several such lines complete one another; a crawler's prefix ("Quyết
    định 435/QĐ-UBND năm 2020. Điều 2.") is none.

    >>> title = read_page_title([
    ...     ("Công văn 5348/CT-CS năm 2025 hướng dẫn góp vốn do Cục Thuế ban hành", 0),
    ...     ("Công văn 5348/CT-CS ngày 20/11/2025 hướng dẫn góp vốn do Cục Thuế ban hành", 70)])
    >>> title.symbol.value, title.doc_type.value, title.date_iso, title.issuer.value
    ('5348/CT-CS', 'Công văn', '2025-11-20', 'Cục Thuế')
    >>> read_page_title([("Công văn 5526/CT-CS năm 2025 hỗ trợ người bị tổn thất do bão lũ do Cục Thuế "
    ...                   "ban hành", 0)]).issuer.value
    'Cục Thuế'
    """
    fields: dict[str, MetadataField] = {}
    start = end = None
    for text, at in lines:
        m = _title_line().match(text) if "/" in text[:90] else None
        if m is None or len(text) > 600:
            continue
        if fields.get("symbol") and fields["symbol"].value != m.group("symbol"):
            continue  # another document's title
        start = at if start is None else start
        end = at + len(text)
        for field, group, label in (("symbol", "symbol", "title"), ("doc_type", "type", "title"),
                                    ("date", "date", "title"), ("issuer", "issuer", "title")):
            if m.group(group) and field not in fields:
                fields[field] = MetadataField(label, m.group(group),
                                              (at + m.start(group), at + m.end(group)))
    if start is None or end is None:
        return None
    return PageMetadata(start, end, **fields)
