"""DOCX to text: body paragraphs and tables in document order.

Each paragraph becomes one block of text (its soft line breaks kept), blocks separated by a
blank line, so paragraph ends are never guessed. A table becomes lines laid out like a
two-column page: line *k* of a row holds the *k*-th line of every cell, cells separated by
`` | `` — the layout the header reader already knows (``BAN CHẤP HÀNH TRUNG ƯƠNG | ĐẢNG CỘNG
SẢN VIỆT NAM`` / ``* | Hà Nội, ngày 09 tháng 5 năm 2023`` / ``Số 54-KL/TW``). A line with one
filled cell is written alone, so a subject wrapped inside its cell still reads as one text.

>>> import docx, io
>>> document = docx.Document()
>>> row = document.add_table(rows=1, cols=2).rows[0]
>>> row.cells[0].text, row.cells[1].text = "TỈNH ỦY LẠNG SƠN\\nSố 1154-CV/TU", "ĐẢNG CỘNG SẢN VIỆT NAM"
>>> _ = document.add_paragraph("Kính gửi: Các huyện ủy")
>>> buffer = io.BytesIO(); document.save(buffer)
>>> print(docx_text(buffer.getvalue(), "cv.docx"))
TỈNH ỦY LẠNG SƠN | ĐẢNG CỘNG SẢN VIỆT NAM
Số 1154-CV/TU
<BLANKLINE>
Kính gửi: Các huyện ủy
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

from vanban.errors import LoadError

__all__ = ["DOCUMENT_PART", "docx_text"]

DOCUMENT_PART = "word/document.xml"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_text(data: bytes, name: str, max_chars: int | None = None) -> str:
    """The text of a DOCX file's body. Raises :class:`LoadError` for a damaged file, or one
    whose document part unpacks to more than ``8 * max_chars`` bytes or holds more than
    ``max_chars`` characters of text."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        archive.getinfo(DOCUMENT_PART)
        unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as error:
        raise LoadError(name, "damaged DOCX (truncated or not a ZIP archive)") from error
    except KeyError as error:
        raise LoadError(name, f"ZIP archive without {DOCUMENT_PART}: not a DOCX document") from error
    # python-docx unpacks every part: a ZIP bomb must be refused before it is opened.
    if max_chars is not None and unpacked > 8 * max_chars:
        raise LoadError(name, f"DOCX too large: unpacks to {unpacked:,} bytes (limit {8 * max_chars:,})")
    body = _body(data, name)
    blocks: list[str] = []
    size = 0
    for block in _blocks(body):
        if block.strip():
            blocks.append(block)
            size += len(block) + 2
            if max_chars is not None and size > max_chars:
                raise LoadError(name, f"text too long: over {max_chars:,} characters")
    return "\n\n".join(blocks)


def _body(data: bytes, name: str):
    import docx  # python-docx; imported here so plain-text runs never load it
    from docx.opc.exceptions import PackageNotFoundError

    try:
        body = docx.Document(io.BytesIO(data)).element.body
    except PackageNotFoundError as error:
        raise LoadError(name, "damaged DOCX (no Word document inside)") from error
    except Exception as error:  # python-docx and lxml report a damaged part through many types
        raise LoadError(name, f"damaged DOCX ({type(error).__name__})") from error
    if body is None:
        raise LoadError(name, "damaged DOCX (its document has no body)")
    return body


def _blocks(container) -> Iterator[str]:
    """Paragraph and table texts of a body or table cell, in document order."""
    for child in container.iterchildren():
        tag = child.tag
        if tag == f"{_W}p":
            yield _paragraph(child)
        elif tag == f"{_W}tbl":
            yield "\n".join(_table_lines(child))
        elif tag == f"{_W}sdt":  # a content control wraps paragraphs and tables
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _blocks(content)


def _paragraph(p) -> str:
    """A paragraph's text; ``w:br``/``w:cr`` are line breaks, ``w:tab`` a tab."""
    parts: list[str] = []
    for node in p.iter(f"{_W}t", f"{_W}br", f"{_W}cr", f"{_W}tab", f"{_W}noBreakHyphen"):
        tag = node.tag
        if tag == f"{_W}t":
            parts.append(node.text or "")
        elif tag == f"{_W}tab":
            parts.append("\t")
        elif tag == f"{_W}noBreakHyphen":
            parts.append("-")
        elif node.get(f"{_W}type") not in ("page", "column"):
            parts.append("\n")
        else:
            parts.append("\n\n")
    return "".join(parts)


def _table_lines(tbl) -> Iterator[str]:
    for tr in tbl.iterchildren(f"{_W}tr"):
        cells = [[] if _continues_merge(tc) else _cell_lines(tc) for tc in tr.iterchildren(f"{_W}tc")]
        for k in range(max((len(c) for c in cells), default=0)):
            row = [c[k] if k < len(c) else "" for c in cells]
            filled = [text for text in row if text]
            if filled:
                yield " | ".join(filled)


def _cell_lines(tc) -> list[str]:
    """The non-empty lines of a table cell (nested tables flattened in place)."""
    lines: list[str] = []
    for block in _blocks(tc):
        lines += [line.strip() for line in block.split("\n") if line.strip()]
    return lines


def _continues_merge(tc) -> bool:
    """A cell continuing a vertical merge: its text belongs to the cell above."""
    merge = tc.find(f"{_W}tcPr/{_W}vMerge")
    return merge is not None and merge.get(f"{_W}val") in (None, "continue")
