"""Saved web pages (.html, .htm): their text laid out as the DOCX reader lays out a document.

Short pages written for each case; one bundled sample written as a page (its header a
two-column table, each other line a paragraph) gives the document facts of its .txt.
"""

from __future__ import annotations

import codecs
import html
import re
import time
from pathlib import Path

import pytest

from vanban.errors import LoadError
from vanban.loaders.encodings import encode
from vanban.loaders.extract import extract_text
from vanban.loaders.files import file_text, read_file
from vanban.loaders.formats import SUFFIXES, Format, sniff
from vanban.loaders.html_reader import SIDE_BY_SIDE_LINES, decode_page, html_text
from vanban.pipeline import collect_files, read_inputs

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "001_84c014d27a31ff24.txt"


def page(body: str, head: str = "<title>Văn bản</title>") -> str:
    """A whole page around ``body``."""
    return f"<!DOCTYPE html>\n<html lang='vi'><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


def read(body: str) -> str:
    return html_text(page(body).encode(), "t.html")


# --- blocks, lines and white space ----------------------------------------------------------

BLOCKS = [
    # (body, text)
    ("<p>Một</p><p>Hai</p>", "Một\n\nHai"),
    ("<p>Một<p>Hai<p>Ba", "Một\n\nHai\n\nBa"),  # unclosed paragraphs
    ("<div>Một<div>Hai</div>Ba</div>", "Một\n\nHai\n\nBa"),
    ("<h1>KẾT LUẬN</h1><h2>của Ban Bí thư</h2><blockquote>Trích</blockquote>",
     "KẾT LUẬN\n\ncủa Ban Bí thư\n\nTrích"),
    ("<ul><li>Như trên;<li>Lưu VT.</ul>", "Như trên;\n\nLưu VT."),
    ("<p>Về việc triển khai thực hiện<br>Kết luận số 54-KL/TW<br/>của Ban Bí thư</p>",
     "Về việc triển khai thực hiện\nKết luận số 54-KL/TW\ncủa Ban Bí thư"),
    ("<p>Đoạn một<br><br>Đoạn hai<br></p>", "Đoạn một\n\nĐoạn hai"),  # <br><br> is a paragraph break
    ("<p><br>Sau dòng trống</p>", "Sau dòng trống"),
    ("<p>  Ban   Thường vụ\n   Tỉnh ủy\tyêu cầu  </p>", "Ban Thường vụ Tỉnh ủy yêu cầu"),
    ("<p>Số <b>54</b>-KL/<i>TW</i>, ngày <span> 09/5/2023 </span> của</p>", "Số 54-KL/TW, ngày 09/5/2023 của"),
    ("<pre>\n1. Một\n   2. Hai  \n</pre><p>Sau</p>", "1. Một\n   2. Hai\n\nSau"),
    ("Chữ ngoài khối<p>Trong khối</p>Sau khối", "Chữ ngoài khối\n\nTrong khối\n\nSau khối"),
    ("<p>Số&nbsp;54-KL/TW&nbsp;&nbsp;ngày</p>", "Số 54-KL/TW ngày"),
    ("<p>&#7889; &#x1ED1; &ocirc; &amp; &lt;b&gt; &quot;x&quot; &ldquo;tự diễn biến&rdquo;</p>",
     "ố ố ô & <b> \"x\" “tự diễn biến”"),
    ("<p>Quyết đ\u00adịnh\u200b số</p>", "Quyết định số"),
    ("<p>Nghị quyết<sup>1</sup> số 10</p><hr><p>Chân trang</p>", "Nghị quyết1 số 10\n\nChân trang"),
]


@pytest.mark.parametrize(("body", "text"), BLOCKS)
def test_blocks_lines_and_white_space(body: str, text: str) -> None:
    assert read(body) == text


# --- what is not shown --------------------------------------------------------------------

DROPPED = [
    "<script>var s = '<p>KẾT LUẬN</p>';</script>",
    "<style>p::before { content: 'KẾT LUẬN' }</style>",
    "<noscript>Bật JavaScript</noscript>",
    "<template><p>Mẫu</p></template>",
    "<svg><text>Biểu tượng</text></svg>",
    "<div hidden><p>Ẩn</p><div>Ẩn nữa</div></div>",
    "<p style='color:red; DISPLAY : none !important'>Ẩn</p>",
    "<span style='display:none'>Ẩn</span>",
    "<iframe>Khung</iframe>",
    "<!-- <p>Chú thích</p> -->",
]


@pytest.mark.parametrize("hidden", DROPPED)
def test_what_a_browser_does_not_show_is_dropped(hidden: str) -> None:
    assert read(f"<p>Trước</p>{hidden}<p>Sau</p>") == "Trước\n\nSau"


def test_head_is_dropped_with_its_title() -> None:
    text = html_text(page("<p>Nội dung</p>", head="<title>Tiêu đề</title><meta name='x' content='y'>"
                          "<script>1</script>").encode(), "t.html")
    assert text == "Nội dung"


def test_site_chrome_is_kept_in_reading_order() -> None:
    text = read("<nav><ul><li>Trang chủ<li>Văn bản</ul></nav><main><p>KẾT LUẬN</p></main>"
                "<footer>Văn bản liên quan</footer>")
    assert text == "Trang chủ\n\nVăn bản\n\nKẾT LUẬN\n\nVăn bản liên quan"


# --- tables ---------------------------------------------------------------------------------

TABLES = [
    # a two-column header: issuer | motto, then Số | place and date
    ("<table><tr><td><p>BỘ TÀI CHÍNH</p><p>-------</p></td>"
     "<td><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p><p>Độc lập - Tự do - Hạnh phúc</p></td></tr>"
     "<tr><td>Số: 12/2024/TT-BTC</td><td><i>Hà Nội, ngày 05 tháng 3 năm 2024</i></td></tr></table>"
     "<p>THÔNG TƯ</p>",
     "BỘ TÀI CHÍNH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n------- | Độc lập - Tự do - Hạnh phúc\n"
     "Số: 12/2024/TT-BTC | Hà Nội, ngày 05 tháng 3 năm 2024\n\nTHÔNG TƯ"),
    # cells with <br>, a short column, an empty cell, and source white space
    ("<table>\n <tr>\n  <td>TỈNH ỦY LẠNG SƠN<br>*<br>Số 1154-CV/TU</td>\n  <td></td>\n"
     "  <td>ĐẢNG CỘNG SẢN VIỆT NAM</td>\n </tr>\n</table>",
     "TỈNH ỦY LẠNG SƠN | ĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố 1154-CV/TU"),
    # unclosed cells and rows, th, thead/tbody
    ("<table><thead><tr><th>TT<th>Nhiệm vụ</thead><tbody><tr><td>1<td>Quán triệt<tr><td>2<td>Báo cáo</table>",
     "TT | Nhiệm vụ\n1 | Quán triệt\n2 | Báo cáo"),
    # a nested table: its lines are lines of its cell
    ("<table><tr><td><p>Nơi nhận:</p><p>- Như trên;</p><p>- Lưu VT.</p></td>"
     "<td><table><tr><td>T/M BAN THƯỜNG VỤ</td></tr><tr><td>PHÓ BÍ THƯ</td></tr></table>"
     "<p>Trần Văn Bắc</p></td></tr></table>",
     "Nơi nhận: | T/M BAN THƯỜNG VỤ\n- Như trên; | PHÓ BÍ THƯ\n- Lưu VT. | Trần Văn Bắc"),
    # a row spanning two: its text once
    ("<table><tr><td rowspan=2>Nơi nhận:<br>- Lưu VT.</td><td>KT. BỘ TRƯỞNG</td></tr>"
     "<tr><td>Lê Văn A</td></tr></table>",
     "Nơi nhận: | KT. BỘ TRƯỞNG\n- Lưu VT.\nLê Văn A"),
    # text between the rows of a broken table comes before the table, as a browser shows it
    ("<p>Trước</p><table>lạc<tr><td>Ô</td></tr></table><p>Sau</p>", "Trước\n\nlạc\n\nÔ\n\nSau"),
    ("<table><caption>Bảng 1</caption><tr><td>a</td><td>b</td></tr></table>", "Bảng 1\n\na | b"),
    ("<table><tr><td>&nbsp;</td><td> </td></tr></table><p>Sau</p>", "Sau"),
]


@pytest.mark.parametrize(("body", "text"), TABLES)
def test_tables_read_as_a_two_column_page(body: str, text: str) -> None:
    assert read(body) == text


def test_a_page_laid_out_with_a_table_keeps_each_column_whole() -> None:
    menu = "".join(f"<p>Mục {k}</p>" for k in range(3))
    content = "".join(f"<p>Điều {k}. Nội dung</p>" for k in range(1, SIDE_BY_SIDE_LINES + 2))
    text = read(f"<table><tr><td>{menu}</td><td>{content}</td></tr></table>")
    lines = text.split("\n")
    assert lines[:4] == ["Mục 0", "Mục 1", "Mục 2", "Điều 1. Nội dung"]
    assert " | " not in text and len(lines) == SIDE_BY_SIDE_LINES + 4


def test_text_of_the_header_table_is_read_by_the_header_parser() -> None:
    text = read(TABLES[0][0] + "<p>Quy định chi tiết thi hành Luật Ngân sách</p>")
    doc = extract_text(text, "tt.html").documents[0]
    assert (doc.symbol, doc.doc_type, doc.date, doc.place) == ("12/2024/TT-BTC", "Thông tư", "2024-03-05", "Hà Nội")
    assert doc.issuer.name == "Bộ Tài chính"


# --- encodings ------------------------------------------------------------------------------

TEXT = "Kết luận số 54-KL/TW của Ban Bí thư"
ENCODED = [
    # (bytes, codec used)
    (b"<html><head><meta charset='windows-1258'></head><body><p>" + TEXT.encode("ascii", "xmlcharrefreplace"),
     "cp1258"),  # character references
    (b"<html><head><meta charset='windows-1258'></head><body><p>" + encode(TEXT, "windows-1258"), "cp1258"),
    (b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258"></head><p>'
     + encode(TEXT, "windows-1258"), "cp1258"),
    (b"<!-- <meta charset='iso-8859-1'> --><html><p>" + encode(TEXT, "windows-1258"), "cp1258"),  # undeclared
    (codecs.BOM_UTF8 + f"<html><p>{TEXT}".encode(), "utf-8-sig"),
    (codecs.BOM_UTF8 + f"<html><meta charset='windows-1258'><p>{TEXT}".encode(), "utf-8-sig"),  # BOM wins
    (f"<html><p>{TEXT}".encode("utf-16"), "utf-16"),
    (f"<html><meta charset='utf-16'><p>{TEXT}".encode(), "utf-8"),  # a declared utf-16 is read as UTF-8
    (f"<html><meta charset=UTF-8><p>{TEXT}".encode(), "utf-8"),
    (f"<html><p>{TEXT}".encode(), "utf-8"),
]


@pytest.mark.parametrize(("data", "codec"), ENCODED)
def test_encoding_from_bom_then_declaration_then_utf8_then_windows_1258(data: bytes, codec: str) -> None:
    assert decode_page(data)[1] == codec
    assert html_text(data, "t.html") == TEXT


def test_a_declared_western_charset_is_honoured() -> None:
    data = b"<html><meta charset='iso-8859-1'><p>Caf\xe9 \x80"
    assert decode_page(data)[1] == "cp1252"
    assert html_text(data, "t.html") == "Café €"


# --- choosing the reader: content first, name second -----------------------------------------

SNIFFED = [
    # (bytes, name, format)
    (b"<!DOCTYPE html><html><p>x", "cv.html", Format.HTML),
    (b"<!doctype HTML><p>x", "cv.txt", Format.HTML),  # a saved page named .txt
    (b"\r\n  <HTML lang='vi'><p>x", "cv.md", Format.HTML),
    (b"<!-- saved from url=(0022)https://example.org -->\r\n<html>", "cv.txt", Format.HTML),
    (codecs.BOM_UTF8 + b"<?xml version='1.0' encoding='utf-8'?>\n<!DOCTYPE html PUBLIC '-//W3C//DTD XHTML 1.0'>",
     "cv.txt", Format.HTML),
    ("<html><p>Số".encode("utf-16"), "cv.txt", Format.HTML),
    ("<p>Trang thiếu phần đầu".encode(), "cv.htm", Format.HTML),  # markup named .htm
    ("<p>Trang thiếu phần đầu".encode(), "cv.txt", Format.TEXT),  # the same named .txt: not a saved page
    ("Số 54-KL/TW\nKẾT LUẬN".encode(), "cv.html", Format.TEXT),  # plain text named .html
    (b"<htmlx>", "cv.txt", Format.TEXT),
    (b"%PDF-1.7", "cv.html", Format.PDF),
    (b"PK\x03\x04 word/document.xml", "cv.htm", Format.DOCX),
    (b"<!-- unclosed", "cv.txt", Format.TEXT),
]


@pytest.mark.parametrize(("data", "name", "kind"), SNIFFED)
def test_sniffing_by_content_then_by_name(data: bytes, name: str, kind: Format) -> None:
    assert sniff(data, name) is kind


def test_html_suffixes_are_collected_and_read(tmp_path: Path) -> None:
    assert SUFFIXES[".html"] is SUFFIXES[".htm"] is Format.HTML
    (tmp_path / "a.html").write_text(page("<p>KẾT LUẬN</p><p>Số 12-KL/TW</p>"), encoding="utf-8")
    (tmp_path / "b.HTM").write_text(page("<p>KẾT LUẬN</p><p>Số 13-KL/TW</p>"), encoding="utf-8")
    (tmp_path / "c.txt").write_text(page("<p>KẾT LUẬN</p><p>Số 14-KL/TW</p>"), encoding="utf-8")
    assert [p.name for p in collect_files([tmp_path])] == ["a.html", "b.HTM", "c.txt"]
    found = read_file(tmp_path / "c.txt")
    assert (found.format, found.encoding, found.text) == (Format.HTML, None, "KẾT LUẬN\n\nSố 14-KL/TW")
    result = read_inputs([tmp_path])
    assert not result.failures
    assert sorted(d.symbol for f in result.facts for d in f.documents) == ["12-KL/TW", "13-KL/TW", "14-KL/TW"]


def test_plain_text_named_html_is_read_as_text() -> None:
    found = file_text("KẾT LUẬN\nSố 12-KL/TW <b>".encode(), "kl.html")
    assert (found.format, found.text) == (Format.TEXT, "KẾT LUẬN\nSố 12-KL/TW <b>")


# --- refusals and hostile pages -------------------------------------------------------------

REFUSED = [
    # (bytes, max_chars, reason)
    (page("").encode(), None, "HTML page with no text"),
    (page("<script>load()</script><div hidden>x</div><p>&nbsp;</p><br>").encode(), None, "HTML page with no text"),
    (b"<html></html>", None, "HTML page with no text"),
    (b"<html><![CDATA[x]]>", None, "HTML page with no text"),  # a bogus comment, as browsers read it
    (page("<p>" + "Số 54 " * 200 + "</p>").encode(), 1000, "text too long: over 1,000 characters"),
    (page("<p>Số 54</p>" * 200).encode(), 1000, "text too long: over 1,000 characters"),
    (page("<table>" + "<tr><td>Số</td><td>54</td></tr>" * 200 + "</table>").encode(), 1000,
     "text too long: over 1,000 characters"),
]


@pytest.mark.parametrize(("data", "max_chars", "reason"), REFUSED)
def test_refusals_name_the_file(data: bytes, max_chars: int | None, reason: str) -> None:
    with pytest.raises(LoadError) as raised:
        html_text(data, "trang.html", max_chars=max_chars)
    assert str(raised.value).startswith(f"trang.html: {reason}")
    assert "\n" not in str(raised.value)
    if max_chars is None:  # the same through the file reader
        with pytest.raises(LoadError, match=re.escape(f"trang.txt: {reason}")):
            file_text(data, "trang.txt")


def test_text_exactly_at_the_limit_is_read() -> None:
    data = page("<p>Số 54</p>" * 100).encode()
    text = html_text(data, "t.html")
    assert html_text(data, "t.html", max_chars=len(text)) == text
    with pytest.raises(LoadError, match="text too long"):
        html_text(data, "t.html", max_chars=len(text) - 1)


def _nested_read_cost(tag: str, depth: int, closed: bool) -> float:
    """CPU seconds to read ``depth`` nested ``tag`` elements around one symbol (best of three),
    after checking what is read."""
    closing = "".join(f"</{t.split()[0]}>" for t in reversed(tag.split("><")))
    data = page(f"<{tag}>" * depth + "Số 54-KL/TW" + (closing * depth if closed else "")).encode()
    costs = []
    for _ in range(3):
        started = time.process_time()
        try:
            text = html_text(data, "sâu.html", max_chars=20_000_000)
        except LoadError as error:
            assert tag == "div hidden" and error.reason.startswith("HTML page with no text")
        else:
            assert tag != "div hidden" and text.split() == ["Số", "54-KL/TW"]
        costs.append(time.process_time() - started)
    return min(costs)


@pytest.mark.parametrize("closed", [False, True], ids=["unclosed", "closed"])
@pytest.mark.parametrize("tag", ["div", "span", "table><tr><td", "ul><li", "p><b", "div hidden"])
def test_deeply_nested_pages_are_read_in_linear_time_without_crashing(tag: str, closed: bool) -> None:
    """100,000 levels, unclosed or closed: read (or refused for having no text), and four times
    the depth costs about four times the time (a quadratic reader would take sixteen)."""
    small, large = (_nested_read_cost(tag, depth, closed) for depth in (25_000, 100_000))
    assert large < 8 * max(small, 0.005), (small, large)


def test_a_huge_text_node_is_read_whole() -> None:
    """libxml2 drops a text node over 10 MB unless told otherwise: it is not dropped."""
    words = "Kết luận số 54-KL/TW " * 600_000  # 12.6 MB of UTF-8 in one paragraph
    assert html_text(page(f"<p>{words}</p><p>CUỐI</p>").encode(), "big.html").endswith("54-KL/TW\n\nCUỐI")


def test_markup_soup_is_read_without_a_crash() -> None:
    soups = ["<table><td><table><tr></td></table>x", "</p></td></tr></table></html>x", "<p <p <<>>x",
             "<table><tr><td>" * 100 + "x", "<pre>" * 50 + "x", "<td>x</td><tr>y", "\x00<p>\x00x\x00"]
    for soup in soups:
        assert "x" in html_text(soup.encode(), "soup.html")


# --- one real document written as a page ------------------------------------------------------

_MOTTO = "ĐẢNG CỘNG SẢN VIỆT NAM"


def _markup(line: str) -> str:
    """A markdown line of the sample as an HTML page marks it up."""
    line = html.escape(line.strip(), quote=False).replace("\\*", "*")
    line = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", line)
    if "**" in line:  # bold running over several lines
        line = "<b>" + line.replace("**", "") + "</b>"
    return re.sub(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])", r"<i>\1</i>", line)


def sample_page(text: str) -> str:
    """The sample as a portal shows it: header in a two-column table, each other line a paragraph."""
    lines = [line for line in text.split("\n") if line.strip()]
    motto = next(k for k, line in enumerate(lines) if line.strip("* ") == _MOTTO)
    left, right = lines[:motto], lines[motto:motto + 2]
    body = []
    for line in lines[motto + 2:]:
        heading = re.match(r"#{1,6}\s+", line)
        body.append(f"<h4>{_markup(line[heading.end():])}</h4>" if heading else f"<p>{_markup(line)}</p>")
    return page(
        "<nav><a href='/'>Trang chủ</a> &gt; <a href='/vb'>Văn bản</a></nav>\n"
        "<table class='header' width='100%'>\n<tr>\n"
        f"<td width='40%' align='center'>{'<br>'.join(_markup(line) for line in left)}</td>\n"
        f"<td align='center'>{''.join(f'<p>{_markup(line)}</p>' for line in right)}</td>\n"
        "</tr>\n</table>\n" + "\n".join(body),
        head="<title>Công văn 1154-CV/TU</title><script>var x = 'Số 1-CV/TU';</script>")


def _facts(text: str, name: str) -> dict[str, object]:
    doc = extract_text(text, name).documents[0]
    return {
        "symbol": doc.symbol,
        "doc_type": doc.doc_type,
        "date": doc.date,
        "issuer": doc.issuer.name if doc.issuer else None,
        "references": sorted((r.symbol or "", r.relation.value) for r in doc.references),
        "signatures": [(s.capacity, s.title, s.person) for s in doc.signatures],
        "subject": " ".join((doc.subject or "").split()),
        "recipients": sorted((r.organ.name if r.organ else "", r.kind, r.purpose or "") for r in doc.recipients),
    }


def test_the_sample_as_a_page_gives_the_facts_of_its_txt() -> None:
    source = SAMPLE.read_text(encoding="utf-8")
    text = html_text(sample_page(source).encode(), "cv.html")
    assert text.startswith("Trang chủ > Văn bản\n\nTỈNH ỦY LẠNG SƠN | ĐẢNG CỘNG SẢN VIỆT NAM\n"
                           "* | Lạng Sơn, ngày 12 tháng 6 năm 2023\nSố 1154-CV/TU\n")
    expected, found = _facts(source, SAMPLE.name), _facts(text, "cv.html")
    assert expected["symbol"] == "1154-CV/TU" and len(expected["references"]) > 10
    assert expected["signatures"] and expected["recipients"] and expected["subject"]
    for key in expected:
        assert found[key] == expected[key], key
