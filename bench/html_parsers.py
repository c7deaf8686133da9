"""HTML parsers for saved pages: the speed and the text of lxml, selectolax and ``html.parser``.

    .venv/bin/python bench/html_parsers.py             # best of 7 rounds
    .venv/bin/python -m bench.html_parsers --rounds 15

Three pages are built here, each with the text a reader must give (the layout of
``loaders/html_reader.py``):

* ``portal``: a national portal's document page, about 150 KB: CSS and scripts (holding
  ``<p>`` and ``</div>`` in strings), a menu of unclosed ``<li>``, a search form with a list
  of issuers, the two-column header table with unclosed ``<p>``, ``<td>`` and ``<tr>``,
  articles of unclosed ``<p>`` with ``&nbsp;``, named and numeric entities, hidden
  elements, a task table with nested tables and a row span, the Nơi nhận / signature table,
  related documents and a footer with ``noscript`` and ``svg``.
* ``word``: a page saved by a word processor, about 60 KB, in Windows-1258 (base letters and
  combining tone marks): ``MsoNormal`` paragraphs whose text wraps over source lines,
  ``<o:p>`` tags, conditional comments, the header in a layout table.
* ``law``: a long law as the legal database shows it, about 200 KB: chapters, articles,
  clauses, and an appendix table of 120 rows with nested tables and cells left open.

Each candidate turns the page's bytes into text: the same decoding (``decode_page``) and the
same layout (``HtmlLayout``, a parser target) for all, so only the parser differs: lxml's
libxml2 HTML parser calling the target as it parses, selectolax's Lexbor (an HTML5 tree
builder) walked node by node, or the standard library's tokenizer ``html.parser`` with the
few tree-building rules written here (implied ends of ``p``, ``li``, cells and rows; void
elements; scopes bounded by tables and cells). Times are this process's CPU time, best of
the rounds. Then unclosed ``<div>`` nested 10,000 and 40,000 deep: time of one read.
"""

from __future__ import annotations

import argparse
import html
import importlib.util
import os
import platform
import sys
import textwrap
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser

from vanban.loaders.encodings import encode
from vanban.loaders.html_reader import HtmlLayout, decode_page

__all__ = ["CANDIDATES", "MARKUP_CASES", "Page", "main", "markup_misses", "pages", "read_lxml",
           "read_selectolax", "read_stdlib"]


# --- the candidates ---------------------------------------------------------------------------

def read_lxml(data: bytes) -> str:
    """libxml2's HTML parser calling the layout as it parses (what ``html_text`` does)."""
    from lxml import etree

    text, _ = decode_page(data)
    parser = etree.HTMLParser(target=HtmlLayout("bench.html"), encoding="utf-8", huge_tree=True,
                              no_network=True, remove_comments=True, remove_pis=True)
    parser.feed(text.encode("utf-8"))
    return parser.close()


def read_selectolax(data: bytes) -> str:
    """Lexbor's HTML5 tree, walked depth first without recursion."""
    from selectolax.lexbor import LexborHTMLParser

    text, _ = decode_page(data)
    layout = HtmlLayout("bench.html")
    node = LexborHTMLParser(text).root
    while node is not None:
        tag = node.tag
        if tag == "-text":
            layout.data(node.text_content or "")
        elif tag[0] not in "-_#!":  # comments, the doctype
            layout.start(tag, node.attributes)
            child = node.child
            if child is not None:
                node = child
                continue
            layout.end(tag)
        while node is not None and node.next is None:
            node = node.parent
            if node is not None and node.tag[0] not in "-_#!":
                layout.end(node.tag)
        node = node.next if node is not None else None
    return layout.close()


_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                   "source", "track", "wbr"})
_CLOSES_P = frozenset({
    "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hgroup", "hr", "li", "listing", "main", "menu", "nav", "ol", "p", "plaintext", "pre", "section",
    "summary", "table", "ul", "xmp", "dd", "dt"})
_SCOPES = frozenset({"html", "table", "td", "th", "caption", "template"})
_CELL_PARTS = frozenset({"tr", "td", "th", "tbody", "thead", "tfoot"})


class _StdlibTree(HTMLParser):
    """``html.parser``'s tokens with enough tree building for balanced events.

    One counter of open elements per scope (a table, a cell) answers "is a ``p`` open here?"
    in constant time, so deep nesting stays linear.
    """

    def __init__(self, target: HtmlLayout) -> None:
        super().__init__(convert_charrefs=True)
        self.target = target
        self.open: list[str] = []
        self.scopes: list[Counter[str]] = [Counter()]
        self.owners: list[str] = ["#document"]

    def _push(self, tag: str, attrs: dict[str, str | None]) -> None:
        self.target.start(tag, attrs)
        self.open.append(tag)
        self.scopes[-1][tag] += 1
        if tag in _SCOPES:
            self.scopes.append(Counter())
            self.owners.append(tag)

    def _pop(self) -> None:
        tag = self.open.pop()
        if tag in _SCOPES:
            self.scopes.pop()
            self.owners.pop()
        self.scopes[-1][tag] -= 1
        self.target.end(tag)

    def _close(self, tag: str) -> None:
        while self.open and self.open[-1] != tag:
            self._pop()
        if self.open:
            self._pop()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        scope = self.scopes[-1]
        if tag in _CLOSES_P and scope["p"]:
            self._close("p")
        if tag == "li" and scope["li"]:
            self._close("li")
        if tag in ("dd", "dt"):
            for item in ("dd", "dt"):
                if self.scopes[-1][item]:
                    self._close(item)
        if tag == "option" and scope["option"]:
            self._close("option")
        if tag in _CELL_PARTS and self.owners[-1] in ("td", "th"):
            self._close(self.owners[-1])  # a new cell or row ends the open cell
        if tag in ("tr", "tbody", "thead", "tfoot") and self.scopes[-1]["tr"]:
            self._close("tr")
        self._push(tag, dict(attrs))
        if tag in _VOID:
            self._pop()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and self.open and self.open[-1] == tag:
            self._pop()

    def handle_endtag(self, tag: str) -> None:
        if tag == "br":
            self.handle_starttag("br", [])
            return
        for k in range(len(self.open) - 1, -1, -1):
            found = self.open[k]
            if found == tag:
                self._close(tag)
                return
            # an end tag does not reach out of a table or cell, except a table part's end
            if found in _SCOPES and not (tag in ("table", *_CELL_PARTS) and found in ("td", "th")):
                return

    def handle_data(self, data: str) -> None:
        self.target.data(data)


def read_stdlib(data: bytes) -> str:
    """The standard library's ``html.parser`` tokenizer and the tree rules above."""
    text, _ = decode_page(data)
    layout = HtmlLayout("bench.html")
    tree = _StdlibTree(layout)
    tree.feed(text)
    tree.close()
    while tree.open:
        tree._pop()
    return layout.close()


CANDIDATES: dict[str, Callable[[bytes], str]] = {
    "lxml": read_lxml, "selectolax": read_selectolax, "html.parser": read_stdlib}


# --- the pages --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Page:
    """A page's bytes and the text a reader must give."""

    name: str
    data: bytes
    text: str


class _Builder:
    """HTML and its expected text written side by side: ``add(markup, *blocks)``."""

    def __init__(self) -> None:
        self.markup: list[str] = []
        self.blocks: list[str] = []

    def add(self, markup: str, *blocks: str) -> None:
        self.markup.append(markup)
        self.blocks += blocks

    def page(self, name: str, encoding: str = "utf-8") -> Page:
        source = "".join(self.markup)
        data = encode(source, "windows-1258") if encoding == "windows-1258" else source.encode(encoding)
        return Page(name, data, "\n\n".join(self.blocks))


_ISSUERS = ["Bộ Tài chính", "Bộ Tư pháp", "Bộ Công an", "Bộ Quốc phòng", "Bộ Nội vụ", "Bộ Y tế",
            "Bộ Giáo dục và Đào tạo", "Bộ Xây dựng", "Ngân hàng Nhà nước Việt Nam", "Thanh tra Chính phủ"]
_SENTENCE = ("Cơ quan, tổ chức, cá nhân có liên quan thực hiện nghiêm Kết luận số 54-KL/TW ngày 09/5/2023 "
             "của Ban Bí thư và Quyết định số 99-QĐ/TW, bảo đảm “công khai, minh bạch” & đúng thời hạn")
_SCRIPT = ("function show(id){var s='<p class=\"x\">'+id+'</div>';document.getElementById(id).innerHTML=s;}\n"
           "if (a < b && b > c) { track('Trang chủ'); }\n")


def _entities(text: str) -> str:
    """Text with its characters written as a portal's editor writes them: named and numeric
    character references, ``&nbsp;`` after numbers."""
    out = html.escape(text, quote=False).replace("“", "&ldquo;").replace("”", "&rdquo;")
    out = out.replace("ố", "&#7889;").replace("à", "&agrave;").replace("ệ", "&#x1EC7;")
    return out.replace("số ", "số&nbsp;")


def portal_page(articles: int = 60) -> Page:
    b = _Builder()
    css = "".join(f".c{k} {{ margin: {k}px; content: '<p>'; }}\n" for k in range(700))
    b.add("<!DOCTYPE html>\n<html lang='vi'><head><meta charset='utf-8'>"
          f"<title>Thông tư 12/2024/TT-BTC</title><style>{css}</style>"
          f"<script>{_SCRIPT * 200}</script></head>\n<body>\n")
    b.add("<div id='top'><div class='logo'>CƠ SỞ DỮ LIỆU QUỐC GIA VỀ VĂN BẢN PHÁP LUẬT</div>\n"
          "<ul class='menu'><li><a href='/'>Trang chủ</a><li><a href='/vb'>Văn bản</a>\n"
          "<li>Hỏi đáp</ul></div>\n",
          "CƠ SỞ DỮ LIỆU QUỐC GIA VỀ VĂN BẢN PHÁP LUẬT", "Trang chủ", "Văn bản", "Hỏi đáp")
    options = "".join(f"<option value={k}>{name}\n" for k, name in enumerate(_ISSUERS * 6))
    b.add(f"<form action='/tim'><select name='cq'>{options}</select>"
          "<input type=submit value='Tìm'></form>\n", *(_ISSUERS * 6))
    b.add("<div class='crumb'>Trang chủ &raquo; Văn bản &raquo;\n Thông tư</div>\n",
          "Trang chủ » Văn bản » Thông tư")
    b.add("<div class='content'>\n<table class='header' width='100%'>\n"
          "<tr><td width='40%'><p align=center><b>BỘ TÀI CHÍNH</b><br>-------</td>\n"
          "<td><p align=center><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</b>"
          "<br>---------------</td></tr>\n"
          "<tr><td><p align=center>Số:&nbsp;12/2024/TT-BTC"
          "<td><p align=right><i>Hà Nội, ngày 05 tháng 3 năm 2024</i>\n</table>\n",
          "BỘ TÀI CHÍNH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n------- | Độc lập - Tự do - Hạnh phúc\n"
          "---------------\nSố: 12/2024/TT-BTC | Hà Nội, ngày 05 tháng 3 năm 2024")
    b.add("<p align=center><b>THÔNG TƯ</b>\n"
          "<p align=center><b>Hướng dẫn thực hiện\n   Kết luận số 54-KL/TW</b>\n",
          "THÔNG TƯ", "Hướng dẫn thực hiện Kết luận số 54-KL/TW")
    for k in range(1, articles + 1):
        issuer = _ISSUERS[k % 10]
        b.add(f"<p><b>Điều {k}.</b> <span style='font-size:13pt'>{_entities(_SENTENCE)}</span>\n"
              f"<p>{k}.1.&nbsp;Trách nhiệm của {issuer}<br>\n - báo cáo trước ngày 15/12;"
              f"<span hidden>mã {k}</span>\n<div style='display:none'>Ẩn {k}</div>\n",
              f"Điều {k}. {_SENTENCE}", f"{k}.1. Trách nhiệm của {issuer}\n- báo cáo trước ngày 15/12;")
    rows = "".join(f"<tr><td>{k}<td>{_ISSUERS[k % 10]} chủ trì"
                   f"<td><table><tr><td>Quý {k % 4 + 1}<tr><td>năm 2024</table>\n" for k in range(1, 31))
    b.add(f"<table border=1><tr><th>TT<th>Nhiệm vụ<th>Thời hạn</tr>{rows}</table>\n",
          "\n".join(["TT | Nhiệm vụ | Thời hạn"] + [
              f"{k} | {_ISSUERS[k % 10]} chủ trì | Quý {k % 4 + 1}\nnăm 2024" for k in range(1, 31)]))
    b.add("<table><tr><td rowspan=2><p><b><i>Nơi nhận:</i></b><br>- Như Điều 3;<br>- Lưu: VT, Vụ PC.</td>"
          "<td><p align=center><b>KT. BỘ TRƯỞNG<br>THỨ TRƯỞNG</b></td></tr>\n"
          "<tr><td><p align=center><br><br><b>Nguyễn Văn Anh</b></td></tr></table>\n</div>\n",
          "Nơi nhận: | KT. BỘ TRƯỞNG\n- Như Điều 3; | THỨ TRƯỞNG\n- Lưu: VT, Vụ PC.\nNguyễn Văn Anh")
    related = "".join(f"<li><a href='/vb/{k}'>Thông tư {k}/2023/TT-BTC</a> "
                      f"<span class=date>{k:02d}/01/2023</span>" for k in range(1, 41))
    b.add(f"<div class='related'><h3>Văn bản liên quan</h3><ul>{related}</ul></div>\n",
          "Văn bản liên quan", *(f"Thông tư {k}/2023/TT-BTC {k:02d}/01/2023" for k in range(1, 41)))
    b.add("<div id='footer'>© 2024 Bộ Tư pháp<noscript>Hãy bật JavaScript</noscript>"
          "<svg width=10><text>biểu tượng</text></svg><br>Địa chỉ: 60 Trần Phú</div>"
          f"<script>{_SCRIPT * 150}</script></body></html>\n",
          "© 2024 Bộ Tư pháp\nĐịa chỉ: 60 Trần Phú")
    return b.page("portal")


_WORD_CELL = ("<p class=MsoNormal align=center style='text-align:center'><b>"
              "<span lang=VI style='font-size:13.0pt'>{}<o:p></o:p></span></b></p>\n")


def word_page(paragraphs: int = 60) -> Page:
    b = _Builder()
    b.add('<html xmlns:o="urn:schemas-microsoft-com:office:office" '
          'xmlns:w="urn:schemas-microsoft-com:office:word">\n'
          '<head><meta http-equiv=Content-Type content="text/html; charset=windows-1258">\n'
          "<!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>VP</o:Author></o:DocumentProperties>"
          "</xml><![endif]-->\n<style><!-- p.MsoNormal {margin:0cm; font-size:14.0pt;} --></style></head>\n"
          "<body lang=VI style='tab-interval:36.0pt'><div class=WordSection1>\n")
    b.add("<table class=MsoNormalTable border=0 cellspacing=0 cellpadding=0>\n"
          " <tr>\n  <td width=239 valign=top>\n"
          + "".join(_WORD_CELL.format(line) for line in ("TỈNH ỦY LẠNG SƠN", "*", "Số 1154-CV/TU"))
          + "  </td>\n  <td width=380 valign=top>\n" + _WORD_CELL.format("ĐẢNG CỘNG SẢN VIỆT NAM")
          + "<p class=MsoNormal align=right><i><span lang=VI>Lạng Sơn, ngày 12 tháng 6 năm\n2023"
          "</span></i></p>\n  </td>\n </tr>\n</table>\n",
          "TỈNH ỦY LẠNG SƠN | ĐẢNG CỘNG SẢN VIỆT NAM\n* | Lạng Sơn, ngày 12 tháng 6 năm 2023\nSố 1154-CV/TU")
    b.add("<p class=MsoNormal><o:p>&nbsp;</o:p></p>\n")
    words = (_SENTENCE + ". ") * 3
    for k in range(1, paragraphs + 1):
        wrapped = "\n".join(textwrap.wrap(words, 70))  # source lines, not text lines
        b.add("<p class=MsoNormal style='text-align:justify;text-indent:36.0pt;line-height:120%'>"
              f"<span lang=VI style='font-size:14.0pt'>{k}. {html.escape(wrapped, quote=False)}"
              "<![if !supportLists]><![endif]></span></p>\n<p class=MsoNormal><o:p>&nbsp;</o:p></p>\n",
              f"{k}. " + " ".join(words.split()))
    b.add("</div></body></html>\n")
    return b.page("word", encoding="windows-1258")


def law_page(chapters: int = 8, articles: int = 12) -> Page:
    b = _Builder()
    b.add("<!DOCTYPE html><html><head><meta charset=utf-8><title>Luật</title></head><body><div id=toanvan>\n"
          "<table><tr><td><b>QUỐC HỘI</b><br>--------<td><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br>"
          "<b>Độc lập - Tự do - Hạnh phúc</b>\n<tr><td>Luật số: 140/2025/QH15<td>&nbsp;</table>\n",
          "QUỐC HỘI | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n-------- | Độc lập - Tự do - Hạnh phúc\n"
          "Luật số: 140/2025/QH15")
    b.add("<p align=center><b>LUẬT</b><p align=center><b>SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA LUẬT GIÁ</b>",
          "LUẬT", "SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA LUẬT GIÁ")
    n = 0
    sentence = _entities(_SENTENCE)
    for c in range(1, chapters + 1):
        b.add(f"<h3>Chương {c}<br>QUY ĐỊNH CHUNG</h3>", f"Chương {c}\nQUY ĐỊNH CHUNG")
        for _ in range(articles):
            n += 1
            b.add(f"<p><b>Điều {n}. Phạm vi điều chỉnh</b>", f"Điều {n}. Phạm vi điều chỉnh")
            for clause in range(1, 4):
                b.add(f"<p>{clause}. {sentence}:\n<p>a) {sentence};<p>b) Tổ chức thực hiện.",
                      f"{clause}. {_SENTENCE}:", f"a) {_SENTENCE};", "b) Tổ chức thực hiện.")
    rows = []
    lines = ["STT | Tên hàng hóa | Đơn vị | Ghi chú"]
    for k in range(1, 121):
        note = f"<table><tr><td>Giá tối đa<td>{k * 1000:,}</table>" if k % 3 == 0 else "&nbsp;"
        rows.append(f"<tr><td>{k}<td>Mặt hàng {k}<br>nhóm {k % 7}<td>đồng/kg<td>{note}")
        lines.append(f"{k} | Mặt hàng {k} | đồng/kg" + (f" | Giá tối đa | {k * 1000:,}" if k % 3 == 0 else "")
                     + f"\nnhóm {k % 7}")
    b.add("<p align=center><b>PHỤ LỤC</b><table border=1><tr><td>STT<td>Tên hàng hóa<td>Đơn vị<td>Ghi chú"
          + "\n".join(rows) + "</table></div></body></html>", "PHỤ LỤC", "\n".join(lines))
    return b.page("law")


def pages() -> list[Page]:
    return [portal_page(), word_page(), law_page()]


# Broken or unusual markup, and the text a browser shows for it (the HTML5 parsing algorithm).
MARKUP_CASES = [
    ("<b><p>a</b>b</p>", "ab"),  # misnested formatting: one paragraph
    ("<p>a<table><tr><td>b</table>c", "a\n\nb\n\nc"),
    ("<table><tr><td>a</td></tr><p>lạc</p><tr><td>b</td></tr></table>", "lạc\n\na\nb"),  # fostered out
    ("<td>a</td><td>b</td>", "ab"),  # cells outside a table are not cells
    ("<p>a</br>b", "a\nb"),  # </br> is <br>
    ("<p>a<!-- unclosed <p>b", "a"),  # an unclosed comment runs to the end
    ("<p>&nbsp &amp x &copy2024 &#128; &#x1ED1 &notit;", "& x ©2024 € ố ¬it;"),
    ("<a href=x><p>a<p>b</a>c", "a\n\nbc"),  # </a> does not end the paragraph
    ("<ul><li>a<ul><li>b</ul><li>c</ul>", "a\n\nb\n\nc"),
    ("<p>a<div>b</div>c</p>d", "a\n\nb\n\nc\n\nd"),  # a stray </p> is an empty paragraph
    ("<h1>a<h2>b</h1>c", "a\n\nb\n\nc"),
    ("<table><tr><td>a<table><tr><td>b</td></tr></table>c</td><td>d</td></tr></table>", "a | d\nb\nc"),
    ("<select><option>a<option>b</select>", "a\n\nb"),
    ("<p>x</p><title>t</title><p>y", "x\n\ny"),
    ("<textarea>a\n b</textarea>", "a\n b"),
    ("<table><tr><td>a<tr><td>b</table><table><td>c</table>", "a\nb\n\nc"),
    ("<dl><dt>a<dd>b<dt>c</dl>", "a\n\nb\n\nc"),
    ("<p>a<p>b<li>c", "a\n\nb\n\nc"),
    ("<body><p>a</body><p>b</html><p>c", "a\n\nb\n\nc"),
    ("<frameset><frame src=a></frameset><noframes>nf</noframes>", ""),
    ("<plaintext><p>a", "<p>a"),
    ("<p>a<xmp><b>b</b></xmp>", "a\n\n<b>b</b>"),
    ("<div>a<p>b<div>c</div>d</div>e", "a\n\nb\n\nc\n\nd\n\ne"),
    ("<table><tr><td>a</td><td>b</td></tr><tr><td colspan=2>c</td></tr></table>", "a | b\nc"),
    ("<p>x<script>document.write('</p><p>')</script>y", "xy"),
    ("<p>a<style>p{}</style>b", "ab"),
    ("<p>a<img alt=b>c<input value=d>e", "ace"),
    ("<font face='.VnTime'><p>a<p>b</font>", "a\n\nb"),
    ("<center>a<table><tr><td>b</td></tr></table></center>", "a\n\nb"),
    ("<p>a</p></p>b", "a\n\nb"),
]


def markup_misses(read: Callable[[bytes], str]) -> list[tuple[str, str, str]]:
    """The markup cases a reader gets wrong: (markup, expected, found)."""
    misses = []
    for markup, expected in MARKUP_CASES:
        found = read(f"<!DOCTYPE html><html><body>{markup}".encode())
        if found != expected:
            misses.append((markup, expected, found))
    return misses


# --- the run ----------------------------------------------------------------------------------

def _difference(found: str, expected: str) -> str:
    if found == expected:
        return "ok"
    got, want = found.split("\n"), expected.split("\n")
    k = next((k for k, (a, b) in enumerate(zip(got, want, strict=False)) if a != b), min(len(got), len(want)))
    return (f"WRONG at line {k + 1}: got {got[k][:60]!r}" if k < len(got) else "WRONG: text ends early") + (
        f", expected {want[k][:60]!r}" if k < len(want) else ", expected the end")


def _best(read: Callable[[bytes], str], data: bytes, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.process_time()
        read(data)
        times.append(time.process_time() - start)
    return min(times)


def _machine() -> str:
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    from importlib.metadata import PackageNotFoundError, version

    from lxml import etree

    try:
        selectolax = version("selectolax")
    except PackageNotFoundError:
        selectolax = "absent"
    return (f"{os.cpu_count()} cores, Python {platform.python_version()}, lxml {etree.__version__} "
            f"(libxml2 {'.'.join(map(str, etree.LIBXML_VERSION))}), selectolax {selectolax}; "
            f"load average at start {load}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args(argv)
    print(f"# {_machine()}")
    print(f"{'page':<8} {'KB':>5}  {'parser':<11} {'ms':>7} {'MB/s':>6}  text")
    wrong = 0
    candidates = dict(CANDIDATES)
    if importlib.util.find_spec("selectolax") is None:
        print("# selectolax is not installed (pip install selectolax): left out")
        del candidates["selectolax"]
    for page in pages():
        for name, read in candidates.items():
            verdict = _difference(read(page.data), page.text)
            wrong += verdict != "ok"
            seconds = _best(read, page.data, args.rounds)
            print(f"{page.name:<8} {len(page.data) / 1024:5.0f}  {name:<11} {seconds * 1000:7.1f} "
                  f"{len(page.data) / seconds / 1e6:6.1f}  {verdict}")
    for name, read in candidates.items():
        misses = markup_misses(read)
        print(f"{'markup':<8} {len(MARKUP_CASES):>5}  {name:<11} {'':>7} {'':>6}  "
              f"{len(MARKUP_CASES) - len(misses)} as a browser shows them")
        for markup, expected, found in misses:
            print(f"{'':<35}{markup!r}: {found!r}, not {expected!r}")
    for depth in (10_000, 40_000):
        data = ("<!DOCTYPE html><body>" + "<div>" * depth + "Số 54-KL/TW").encode()
        for name, read in candidates.items():
            start = time.process_time()
            text = read(data)
            verdict = "ok" if text == "Số 54-KL/TW" else "WRONG"
            print(f"{'deep':<8} {depth:>5}  {name:<11} {(time.process_time() - start) * 1000:7.1f} "
                  f"{'':>6}  {verdict} (unclosed <div> nested {depth:,} deep)")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
