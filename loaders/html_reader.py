"""HTML to text: a saved web page's visible text in reading order, laid out as the DOCX reader lays
out a document (:mod:`.docx_reader`).

* Every block element (``p``, ``div``, ``h1``–``h6``, ``li``, ``blockquote``, ``pre`` …) is a
  block of text, blocks separated by a blank line; ``<br>`` is a line break and a ``pre``
  keeps its lines. Inside a block, white space (source line breaks too) collapses to one
  space, as a browser shows it; ``&nbsp;`` is a space, entities are decoded.
* A table row becomes lines laid out like a two-column page: line *k* of a row holds the
  *k*-th line of every non-empty cell, cells joined by `` | `` (``BỘ TÀI CHÍNH | CỘNG HÒA XÃ
  HỘI CHỦ NGHĨA VIỆT NAM`` / ``Số: 12/2024/TT-BTC | Hà Nội, ngày 05 tháng 3 năm 2024``), the
  layout the header reader knows. A nested table's lines are lines of its cell. A row with a
  cell of more than :data:`SIDE_BY_SIDE_LINES` lines is a page laid out with a table (a menu
  beside the content), not a document's header: its cells are written one after another,
  so neither column is cut into the other line by line.
* Not shown, not kept: ``script``, ``style``, ``noscript``, ``template``, ``head`` (and
  its ``title``), ``svg``, the fallback content of ``iframe``, ``object`` and ``noframes``,
  and any element with the ``hidden`` attribute or an inline ``display:none``. Menus,
  footers and lists of related documents are kept, in reading order: the layout stage
  finds the document among them.

The page's encoding: a byte order mark, else its ``<meta charset>`` (or ``http-equiv``
content type), else UTF-8, else Windows-1258 (:func:`decode_page`). lxml's HTML parser
(libxml2) reads the markup, broken markup (unclosed ``<p>``, ``<td>``, ``<tr>``) too, in
linear time however deep it nests; ``bench/html_parsers.py`` measured it against selectolax
and the standard library's ``html.parser`` (``docs/inputs.md``).

The text returned is the file's text for every later step: evidence spans point into it,
as they point into the text a DOCX or PDF reader returns.

>>> page = '''<html><head><title>Công văn</title><style>p {}</style></head><body>
... <table><tr><td>TỈNH ỦY LẠNG SƠN<br>*<br>Số 1154-CV/TU</td>
...            <td><p>ĐẢNG CỘNG SẢN VIỆT NAM<p>Lạng Sơn, ngày 12 tháng 6 năm 2023</td></tr></table>
... <p>Kính gửi:&nbsp;Các   huyện ủy,
...    thành ủy<div hidden>menu</div>'''
>>> print(html_text(page.encode(), "cv.html"))
TỈNH ỦY LẠNG SƠN | ĐẢNG CỘNG SẢN VIỆT NAM
* | Lạng Sơn, ngày 12 tháng 6 năm 2023
Số 1154-CV/TU
<BLANKLINE>
Kính gửi: Các huyện ủy, thành ủy
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Mapping

from vanban.errors import LoadError

__all__ = ["SIDE_BY_SIDE_LINES", "HtmlLayout", "decode_page", "html_text"]

# A cell longer than this is a column of a page, not of a document's header or signature block.
SIDE_BY_SIDE_LINES = 40
# Tables nested deeper are read as blocks: no page needs more, and flattening each level's
# lines into the level above would cost the square of the depth.
_MAX_TABLE_DEPTH = 64
_PRESCAN = 4096  # bytes searched for a charset declaration, as browsers do (they take 1,024)

_DROPPED = frozenset({"script", "style", "noscript", "template", "head", "title", "svg", "iframe",
                      "object", "noframes"})
_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
    "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "frameset", "h1", "h2",
    "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "listing", "main", "menu",
    "nav", "ol", "optgroup", "option", "p", "plaintext", "pre", "search", "section", "summary", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "xmp"})
_PREFORMATTED = frozenset({"pre", "listing", "xmp", "plaintext", "textarea"})
_HIDING_STYLE = re.compile(r"display\s*:\s*none", re.IGNORECASE)
# HTML's white space, and no-break spaces read as spaces; zero-width characters and soft
# hyphens are not seen. (Regular expressions: str.translate is ten times slower here.)
_SPACES = re.compile("[ \t\n\r\f\xa0\u202f\u2007]+")
_NO_BREAK_SPACES = re.compile("[\xa0\u202f\u2007]")
_INVISIBLE = re.compile("[\u200b\ufeff\xad\x00]")
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_COMMENT = re.compile(rb"<!--.*?(?:-->|\Z)", re.DOTALL)
_META_CHARSET = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.IGNORECASE)


def html_text(data: bytes, name: str, max_chars: int | None = None) -> str:
    """The visible text of an HTML page's bytes, in reading order (see the module's docstring).

    Raises :class:`LoadError` for a page with no text, or more than ``max_chars`` characters.

    >>> html_text(b"<p>S&#7889; 54-KL/TW<br>ng&agrave;y 09/5/2023<script>x()</script>", "kl.html")
    'Số 54-KL/TW\\nngày 09/5/2023'
    """
    from lxml import etree  # imported here so plain-text runs never load it

    text, _ = decode_page(data)
    layout = HtmlLayout(name, max_chars)
    # huge_tree: without it libxml2 silently drops a text node over 10 MB; the target parser
    # builds no tree, so neither depth nor size costs more than the events themselves.
    parser = etree.HTMLParser(target=layout, encoding="utf-8", huge_tree=True, no_network=True,
                              remove_comments=True, remove_pis=True)
    try:
        parser.feed(text.encode("utf-8"))  # the page's own charset declaration is overridden
        found = parser.close()
    except etree.LxmlError as error:
        raise LoadError(name, f"damaged HTML ({type(error).__name__})") from error
    if not found.strip():
        raise LoadError(name, "HTML page with no text (a page whose scripts load its content "
                              "saves empty: save it once shown, or print it to PDF)")
    return found


def decode_page(data: bytes) -> tuple[str, str]:
    """(text, codec) of a page's bytes: its BOM, else its declared charset, else UTF-8, else
    Windows-1258. A declared ``utf-16`` means UTF-8 (the declaration itself was read as
    ASCII), a declared Latin-1 or ASCII means Windows-1252, as in browsers. Text is NFC.

    >>> decode_page(b'<meta charset="windows-1258"><p>S\\xf4\\xec</p>')
    ('<meta charset="windows-1258"><p>Số</p>', 'cp1258')
    >>> decode_page(b"<p>S\\xf4\\xec</p>")[1], decode_page("<p>Số</p>".encode())[1]
    ('cp1258', 'utf-8')
    """
    codec = next((codec for bom, codec in _BOMS if data.startswith(bom)), None) or _declared(data)
    if codec is None:
        try:
            return _normal(data.decode("utf-8")), "utf-8"
        except UnicodeDecodeError:
            codec = "cp1258"
    return _normal(data.decode(codec, errors="replace")), codec


def _declared(data: bytes) -> str | None:
    head = _COMMENT.sub(b"", data[:_PRESCAN])
    found = _META_CHARSET.search(head)
    if found is None:
        return None
    try:
        codec = codecs.lookup(found.group(1).decode("ascii")).name
    except LookupError:
        return None  # x-user-defined and other labels Python does not know: read as undeclared
    if codec.startswith(("utf-16", "utf-32")):
        return "utf-8"
    return "cp1252" if codec in ("iso8859-1", "ascii", "latin-1") else codec


def _hides(style: str | None) -> bool:
    return style is not None and _HIDING_STYLE.search(style) is not None


def _normal(text: str) -> str:
    return unicodedata.normalize("NFC", text.replace("\x00", ""))


class _Box:
    """The document or a table cell: finished blocks, the block's lines, the line's pieces."""

    __slots__ = ("blocks", "lines", "pieces", "space")

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self.lines: list[str] = []
        self.pieces: list[str] = []
        self.space = True  # the line so far is empty or ends with a space

    def write(self, text: str, preformatted: bool) -> None:
        if not preformatted:
            text = _SPACES.sub(" ", text)
            if self.space and text.startswith(" "):
                text = text[1:]
        if text:
            self.pieces.append(text)
            self.space = text[-1] == " "

    def line_break(self) -> None:
        self.lines.append("".join(self.pieces).rstrip())
        self.pieces = []
        self.space = True

    def end_block(self) -> str | None:
        """Close the block being written; its text, if it has any."""
        if self.pieces:
            line = "".join(self.pieces).rstrip()
            if line:
                self.lines.append(line)
            self.pieces = []
            self.space = True
        if not self.lines:
            return None
        block = re.sub(r"\n{3,}", "\n\n", "\n".join(self.lines)).strip("\n")
        self.lines = []
        return block or None

    def cell_lines(self) -> list[str]:
        """The non-empty lines of a cell, stripped, as the DOCX reader takes them."""
        last = self.end_block()
        blocks = [*self.blocks, last] if last else self.blocks
        return [line.strip() for block in blocks for line in block.split("\n") if line.strip()]


class _Table:
    __slots__ = ("cells_open", "row", "rows")

    def __init__(self) -> None:
        self.rows: list[list[list[str]]] = []
        self.row: list[list[str]] | None = None
        self.cells_open = 0

    def end_row(self) -> None:
        if self.row is not None:
            self.rows.append(self.row)
            self.row = None

    def lines(self) -> list[str]:
        self.end_row()
        out: list[str] = []
        for cells in self.rows:
            if max(map(len, cells), default=0) > SIDE_BY_SIDE_LINES:
                out += [line for cell in cells for line in cell]
                continue
            for k in range(max(map(len, cells), default=0)):
                filled = [cell[k] for cell in cells if k < len(cell) and cell[k]]
                if filled:
                    out.append(" | ".join(filled))
        return out


class HtmlLayout:
    """A parser target (``start``, ``end``, ``data``, ``close``, as lxml's parser targets)
    that lays out the text of the events it is given. It needs balanced events, as a
    parser that builds a tree gives; its state is a few counters and one box per open table
    cell, so nesting costs no recursion.

    >>> layout = HtmlLayout("a.html")
    >>> for tag, text in (("p", "BỘ TÀI CHÍNH"), ("p", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")):
    ...     layout.start(tag, {}); layout.data(text); layout.end(tag)
    >>> layout.close()
    'BỘ TÀI CHÍNH\\n\\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'
    >>> layout = HtmlLayout("a.html")
    >>> for tag in ("table", "tr", "td"): layout.start(tag, {})
    >>> layout.data("BỘ TÀI CHÍNH"); layout.end("td"); layout.start("td", {})
    >>> layout.data("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    >>> for tag in ("td", "tr", "table"): layout.end(tag)
    >>> layout.close()
    'BỘ TÀI CHÍNH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'
    """

    def __init__(self, name: str, max_chars: int | None = None) -> None:
        self.name = name
        self.max_chars = max_chars
        self._boxes = [_Box()]  # the document, then each open table cell
        self._tables: list[_Table] = []
        self._flat_tables = 0  # open tables nested too deep, read as blocks
        self._hidden = 0  # depth inside a dropped element
        self._pre = 0  # open preformatted elements
        self._pre_start = False  # a newline right after <pre> is not text
        self._text: list[str] = []  # text given since the last tag
        self._size = 0

    def start(self, tag: str, attrib: Mapping[str, str | None]) -> None:
        if self._hidden:
            self._hidden += 1
            return
        if self._text:
            self._flush_text()
        self._pre_start = False
        if tag in _DROPPED or (attrib and ("hidden" in attrib or _hides(attrib.get("style")))):
            self._hidden = 1
            return
        box = self._boxes[-1]
        if tag == "br":
            box.line_break()
            return
        if tag in _PREFORMATTED:
            self._pre += 1
            self._pre_start = True
        if tag in ("table", "tr", "td", "th") and not self._flat_tables:
            self._start_table_part(tag)
        elif tag == "table":
            self._flat_tables += 1
            self._end_block(box)
        elif tag in _BLOCKS:
            self._end_block(box)

    def end(self, tag: str) -> None:
        if self._hidden:
            self._hidden -= 1
            return
        if self._text:
            self._flush_text()
        self._pre_start = False
        if tag in _PREFORMATTED and self._pre:
            self._pre -= 1
        if tag in ("table", "tr", "td", "th") and not self._flat_tables:
            self._end_table_part(tag)
        elif tag == "table":
            self._flat_tables -= 1
            self._end_block(self._boxes[-1])
        elif tag in _BLOCKS:
            self._end_block(self._boxes[-1])

    def data(self, text: str) -> None:
        if not self._hidden:
            self._text.append(text)  # a parser gives a run of text in pieces (at each entity)

    def _flush_text(self) -> None:
        """Write the run of text given since the last tag."""
        text = _INVISIBLE.sub("", "".join(self._text))
        self._text = []
        box = self._boxes[-1]
        if not self._pre:
            box.write(text, preformatted=False)
            return
        text = _NO_BREAK_SPACES.sub(" ", text)
        if self._pre_start and text.startswith(("\n", "\r")):
            text = text[2:] if text.startswith("\r\n") else text[1:]
        for k, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n")):
            if k:
                box.line_break()
            box.write(line, preformatted=True)

    def close(self) -> str:
        """The text laid out so far (tables left open are closed)."""
        if self._text:
            self._flush_text()
        while self._tables:
            self._end_table_part("table")
        self._end_block(self._boxes[0])
        return "\n\n".join(self._boxes[0].blocks)

    def _start_table_part(self, tag: str) -> None:
        box = self._boxes[-1]
        if tag == "table":
            if len(self._tables) >= _MAX_TABLE_DEPTH:
                self._flat_tables += 1
                self._end_block(box)
                return
            self._end_block(box)
            self._tables.append(_Table())
            return
        if not self._tables:  # a row or cell outside any table is no cell: browsers ignore its tags
            return
        table = self._tables[-1]
        if tag == "tr":
            table.end_row()
            table.row = []
            return
        if table.row is None:
            table.row = []
        table.cells_open += 1
        self._boxes.append(_Box())

    def _end_table_part(self, tag: str) -> None:
        if not self._tables:
            return
        table = self._tables[-1]
        if tag == "tr":
            table.end_row()
        elif tag in ("td", "th"):
            if table.cells_open:
                table.cells_open -= 1
                cell = self._boxes.pop().cell_lines()
                if table.row is None:
                    table.row = []
                table.row.append(cell)
        else:
            while table.cells_open:  # cells a broken page left open
                self._end_table_part("td")
            self._tables.pop()
            box = self._boxes[-1]
            self._end_block(box)  # text inside the table but outside its cells comes first
            self._add_block(box, "\n".join(table.lines()))

    def _end_block(self, box: _Box) -> None:
        block = box.end_block()
        if block:
            self._add_block(box, block)

    def _add_block(self, box: _Box, block: str) -> None:
        if not block:
            return
        if box is self._boxes[0]:
            self._size += len(block) + (2 if box.blocks else 0)  # the blank line before it
            if self.max_chars is not None and self._size > self.max_chars:
                raise LoadError(self.name, f"text too long: over {self.max_chars:,} characters")
        box.blocks.append(block)
