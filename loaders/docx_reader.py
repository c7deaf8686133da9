"""DOCX to text: body paragraphs and tables in document order.

Each paragraph becomes one block of text (its soft line breaks kept), blocks separated by a
blank line, so paragraph ends are never guessed. A table becomes lines laid out like a
two-column page: line *k* of a row holds the *k*-th line of every cell, cells separated by
`` | `` — the layout the header reader already knows (``BAN CHẤP HÀNH TRUNG ƯƠNG | ĐẢNG CỘNG
SẢN VIỆT NAM`` / ``* | Hà Nội, ngày 09 tháng 5 năm 2023`` / ``Số 54-KL/TW``). A line with one
filled cell is written alone, so a subject wrapped inside its cell still reads as one text.

The document part is parsed as a stream, one top-level block at a time, each freed once read:
memory holds one block, never the whole tree. A part of more than ``max_elements`` XML
elements (counted as the part unpacks, before it is parsed), or a block of more than
:data:`MAX_BLOCK_ELEMENTS` (as it is parsed), is refused, so a small file that unpacks to
millions of empty paragraphs costs a second, not minutes and gigabytes. Entities are not
expanded and nothing is fetched.

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
import zlib
from collections.abc import Iterator
from typing import TYPE_CHECKING

from vanban.errors import LoadError

if TYPE_CHECKING:
    from lxml.etree import _Element

__all__ = ["DEFAULT_MAX_ELEMENTS", "DOCUMENT_PART", "MAX_BLOCK_ELEMENTS", "docx_text"]

DOCUMENT_PART = "word/document.xml"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Elements of the document part: the longest directive seen (a law with appendices, about 2 MB
# of text) is well under a million even with Word's run-per-word markup; parsing four million
# takes a few seconds.
DEFAULT_MAX_ELEMENTS = 4_000_000
# Elements of one paragraph or table, the most held in memory at once (about 100 MB).
MAX_BLOCK_ELEMENTS = 500_000


def docx_text(data: bytes, name: str, max_chars: int | None = None,
              max_elements: int = DEFAULT_MAX_ELEMENTS) -> str:
    """The text of a DOCX file's body. Raises :class:`LoadError` for a damaged file, or one
    whose parts unpack to more than ``8 * max_chars`` bytes, hold more than ``max_chars``
    characters of text or more than ``max_elements`` XML elements."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        archive.getinfo(DOCUMENT_PART)
        unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as error:
        raise LoadError(name, "damaged DOCX (truncated or not a ZIP archive)") from error
    except KeyError as error:
        raise LoadError(name, f"ZIP archive without {DOCUMENT_PART}: not a DOCX document") from error
    except (NotImplementedError, RuntimeError) as error:  # a ZIP version, method or encryption not read
        raise LoadError(name, f"DOCX in a ZIP form that cannot be read ({error})") from error
    # Refused from the sizes the archive declares, before anything is unpacked.
    if max_chars is not None and unpacked > 8 * max_chars:
        raise LoadError(name, f"DOCX too large: unpacks to {unpacked:,} bytes (limit {8 * max_chars:,})")
    blocks: list[str] = []
    size = 0
    for block in _body_blocks(archive, name, max_elements):
        if block.strip():
            blocks.append(block)
            size += len(block) + 2
            if max_chars is not None and size > max_chars:
                raise LoadError(name, f"text too long: over {max_chars:,} characters")
    return "\n\n".join(blocks)


def _body_blocks(archive: zipfile.ZipFile, name: str, max_elements: int) -> Iterator[str]:
    """The texts of the body's paragraphs and tables, parsed as a stream."""
    from lxml import etree  # imported here so plain-text runs never load it

    try:
        if _elements_at_most(archive) > max_elements:
            raise LoadError(name, f"DOCX too complex: over {max_elements:,} XML elements")
        with archive.open(DOCUMENT_PART) as stream:
            yield from _stream_blocks(etree.iterparse(
                stream, events=("end",), resolve_entities=False, no_network=True, load_dtd=False,
                huge_tree=False, remove_comments=True, remove_pis=True), name)
    except etree.XMLSyntaxError as error:
        raise LoadError(name, "damaged DOCX (its document part is not well-formed XML)") from error
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, etree.LxmlError) as error:
        raise LoadError(name, f"damaged DOCX ({type(error).__name__})") from error
    except (NotImplementedError, RuntimeError) as error:
        raise LoadError(name, f"DOCX in a ZIP form that cannot be read ({error})") from error


def _elements_at_most(archive: zipfile.ZipFile) -> int:
    """At least the number of elements of the document part: its ``<`` not starting ``</``,
    counted as it unpacks, without parsing (a second for 150 MB)."""
    count = 0
    last = b""
    with archive.open(DOCUMENT_PART) as stream:
        while chunk := stream.read(1 << 20):
            count += chunk.count(b"<") - chunk.count(b"</") - (last == b"<" and chunk[:1] == b"/")
            last = chunk[-1:]
    return count


def _stream_blocks(events: Iterator[tuple[str, _Element]], name: str) -> Iterator[str]:
    """Each child of ``w:body`` read when it ends, then dropped from the tree with its elder
    siblings, so memory holds one block; a block of over :data:`MAX_BLOCK_ELEMENTS` is refused."""
    body = f"{_W}body"
    in_block = 0  # elements ended since the last child of the body
    seen_body = False
    for _, element in events:
        parent = element.getparent()
        if parent is None or parent.tag != body:
            in_block += 1
            if in_block > MAX_BLOCK_ELEMENTS:
                raise LoadError(name, f"DOCX too complex: a paragraph or table of over "
                                      f"{MAX_BLOCK_ELEMENTS:,} XML elements")
            seen_body = seen_body or element.tag == body
            continue
        in_block = 0
        if len(element) or element.text:
            yield from _blocks_of(element)
        element.clear()
        while element.getprevious() is not None:
            del parent[0]
    if not seen_body:
        raise LoadError(name, "damaged DOCX (its document has no body)")


def _blocks_of(element: _Element) -> Iterator[str]:
    """The text blocks of a paragraph, a table or a content control (none for anything else)."""
    tag = element.tag
    if tag == f"{_W}p":
        yield _paragraph(element)
    elif tag == f"{_W}tbl":
        yield "\n".join(_table_lines(element))
    elif tag == f"{_W}sdt":  # a content control wraps paragraphs and tables
        content = element.find(f"{_W}sdtContent")
        if content is not None:
            yield from _blocks(content)


def _blocks(container: _Element) -> Iterator[str]:
    """Paragraph and table texts of a table cell or content control, in document order."""
    for child in container.iterchildren():
        yield from _blocks_of(child)


def _paragraph(p: _Element) -> str:
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


def _table_lines(tbl: _Element) -> Iterator[str]:
    for tr in tbl.iterchildren(f"{_W}tr"):
        cells = [[] if _continues_merge(tc) else _cell_lines(tc) for tc in tr.iterchildren(f"{_W}tc")]
        for k in range(max((len(c) for c in cells), default=0)):
            row = [c[k] if k < len(c) else "" for c in cells]
            filled = [text for text in row if text]
            if filled:
                yield " | ".join(filled)


def _cell_lines(tc: _Element) -> list[str]:
    """The non-empty lines of a table cell (nested tables flattened in place)."""
    lines: list[str] = []
    for block in _blocks(tc):
        lines += [line.strip() for line in block.split("\n") if line.strip()]
    return lines


def _continues_merge(tc: _Element) -> bool:
    """A cell continuing a vertical merge: its text belongs to the cell above."""
    merge = tc.find(f"{_W}tcPr/{_W}vMerge")
    return merge is not None and merge.get(f"{_W}val") in (None, "continue")
