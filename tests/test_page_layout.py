"""Documents inside saved web pages: the layout stage, the page's metadata table and title as
witnesses, on short pages written for the tests."""

from __future__ import annotations

import pytest

from vanban.errors import NotADocumentError
from vanban.graph.build import build_graph
from vanban.loaders.extract import extract_text
from vanban.loaders.layout import is_chrome, locate_documents
from vanban.loaders.page_metadata import read_page_metadata, read_page_title
from vanban.loaders.text import clean_view

DOCUMENT = """\
BỘ TÀI CHÍNH
**CỤC THUẾ**
-------
|
**CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số: 4321/CT-CS
*V/v hướng dẫn chính sách thuế giá trị gia tăng*
|
*Hà Nội, ngày 17
tháng 11 năm 2025*
|
**Kính gửi:** Thuế tỉnh Quảng Trị.
Căn cứ Luật Thuế giá trị gia tăng số 48/2024/QH15 ngày 26/11/2024, Cục Thuế đề nghị Thuế tỉnh
Quảng Trị hướng dẫn người nộp thuế thực hiện theo đúng quy định hiện hành.
|
Nơi nhận:
- Như trên;
- Lưu: VT, CS.
|
**KT. CỤC TRƯỞNG**
PHÓ CỤC TRƯỞNG
**Đặng Ngọc
Minh**
|
"""

BEFORE = """\
Bản dịch này thuộc quyền sở hữu của trang. Mọi hành vi sao chép là vi phạm pháp luật.
## Tin mới: hướng dẫn thuế giá trị gia tăng 2025
**Ngày 17/11/2025, Cục Thuế ban hành Công văn 4321/CT-CS theo Nghị định 181/2025/NĐ-CP.**
Xem thêm chi tiết tại Công văn 4321/CT-CS và Thông tư 69/2025/TT-BTC.
"""

TABLE = """\
|
**Số hiệu:**
|
4321/CT-CS
|
|
**Loại văn bản:**
|
Công văn
|
**Nơi ban hành:**
|
Cục Thuế
|
|
**Người ký:**
|
Đặng Ngọc Minh
|
**Ngày ban hành:**
|
17/11/2025
|
"""

AFTER = """\
Công văn 4321/CT-CS năm 2025 hướng dẫn chính sách thuế giá trị gia tăng do Cục Thuế ban hành
Văn bản này chưa cập nhật nội dung Tiếng Anh
## Văn bản liên quan
Ban hành: 01/07/2025
**THÔNG BÁO **
**về Lưu trữ, Sử dụng Thông tin Khách hàng**
**Kính gửi:** Quý Thành viên,
Thực hiện Nghị định 13/2023/NĐ-CP, chúng tôi cập nhật Quy chế và Thỏa thuận Bảo vệ Dữ liệu cá nhân.
Sứ mệnh của chúng tôi là kết nối cộng đồng Dân Luật Việt Nam.
TP. HCM, ngày 31/05/2021
"""


def _page(*parts: str) -> str:
    return "".join(parts)


def _kept(*parts: str) -> str:
    """The text the layout keeps of a page made of ``parts`` (what is left out blanked)."""
    text = _page(*parts)
    view = clean_view(text)
    return locate_documents(view, text).blank_outside(view).text


@pytest.mark.parametrize("page", [
    _page(BEFORE, TABLE, DOCUMENT, AFTER),
    _page(TABLE, BEFORE, DOCUMENT, AFTER),
    _page(BEFORE, DOCUMENT, AFTER),
    _page(DOCUMENT, AFTER, AFTER),
])
def test_no_fact_comes_from_the_chrome_around_a_document(page: str) -> None:
    facts = extract_text(page, "page.md")
    assert [(d.symbol, d.doc_type, d.date) for d in facts.documents] == [("4321/CT-CS", "Công văn", "2025-11-17")]
    doc = facts.documents[0]
    assert doc.issuer is not None and doc.issuer.name == "Cục Thuế"
    assert [(s.capacity, s.title, s.person) for s in doc.signatures] == [("KT. CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG",
                                                                          "Đặng Ngọc Minh")]
    assert [r.symbol for r in doc.references] == ["48/2024/QH15"]
    assert [r.organ.name for r in doc.recipients if r.kind == "kinh_gui"] == ["Thuế tỉnh Quảng Trị"]
    start, end = page.index("BỘ TÀI CHÍNH"), page.index("Minh**") + len("Minh**")
    spans = [doc.span] + [r.evidence.span for r in doc.references] + [s.evidence.span for s in doc.signatures]
    assert all(start <= a <= b <= end for a, b in spans), spans


def test_the_layout_blanks_what_is_outside_and_keeps_offsets() -> None:
    page = _page(BEFORE, TABLE, DOCUMENT, AFTER)
    view = clean_view(page)
    kept = locate_documents(view, page, read_page_metadata(view)).blank_outside(view)
    assert len(kept.text) == len(view.text) and kept.offsets is view.offsets
    assert "Nghị định 181/2025" not in kept.text and "Quý Thành viên" not in kept.text
    assert "Số hiệu" not in kept.text and "Cục Thuế đề nghị" in kept.text


def test_a_file_without_any_header_is_read_whole() -> None:
    plan = ("KẾ HOẠCH\nThực hiện Kết luận số 54-KL/TW, ngày 09/5/2023 của Ban Bí thư, Ban Thường vụ Tỉnh ủy "
            "ban hành Kế hoạch triển khai thực hiện như sau:\n1. Quán triệt sâu rộng nội dung Kết luận.\n")
    view = clean_view(plan)
    assert locate_documents(view, plan).whole


def test_an_appended_directive_after_the_signature_is_kept() -> None:
    kept = _kept(DOCUMENT, "KẾT LUẬN\nCỦA BAN BÍ THƯ\nvề tiếp tục thực hiện Quyết định số 99-QĐ/TW, ngày "
                           "03/10/2017 của Ban Bí thư về phát huy vai trò của Nhân dân trong đấu tranh.\n")
    assert "CỦA BAN BÍ THƯ" in kept and "99-QĐ/TW" in kept


def test_an_attachment_runs_to_the_first_chrome_line() -> None:
    attachment = ("DANH MỤC\nTHỦ TỤC HÀNH CHÍNH MỚI BAN HÀNH\n(Kèm theo Công văn số 4321/CT-CS ngày 17/11/2025)\n"
                  "1. Thủ tục đăng ký thuế theo Thông tư số 86/2024/TT-BTC.\n")
    kept = _kept(DOCUMENT, attachment, AFTER)
    assert "86/2024/TT-BTC" in kept and "Văn bản liên quan" not in kept and "Quý Thành viên" not in kept


def test_an_attachment_heading_cut_over_two_lines_still_opens_it() -> None:
    attachment = ("Công văn 4321/CT-CS năm 2025. DANH\nMỤC THỦ TỤC HÀNH CHÍNH MỚI BAN HÀNH\n"
                  "1. Thủ tục đăng ký thuế theo Thông tư số 86/2024/TT-BTC.\n")
    kept = _kept(DOCUMENT, attachment, AFTER)
    assert "86/2024/TT-BTC" in kept and "Văn bản liên quan" not in kept


def test_the_documents_notes_after_its_closing_are_kept() -> None:
    notes = ("____________________\n[1] Hồ sơ dự thảo Nghị định gửi Bộ Tư pháp thẩm định.\n"
             "[2] Bộ Chính trị, Ban Bí thư đã có Kết luận số 212-KL/TW ngày 18/11/2025.\n")
    kept = _kept(DOCUMENT, notes, AFTER)
    assert "212-KL/TW" in kept and "Văn bản liên quan" not in kept


@pytest.mark.parametrize("issuer_lines", [
    "**ỦY BAN NHÂN\nDÂN **\n**TỈNH\nQUẢNG TRỊ**\n--------",  # a narrow column: a word or two a line
    "ỦY BAN\nNHÂN DÂN\nTỈNH\nQUẢNG\nTRỊ\n-------",
    "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ\n-------",
])
def test_an_issuer_column_cut_a_word_or_two_a_line_is_read_whole(issuer_lines: str) -> None:
    text = (f"{issuer_lines}\n|\nCỘNG HÒA XÃ\nHỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n|\nSố:\n"
            "812/QĐ-UBND\n|\nQuảng Trị, ngày 02 tháng 12 năm 2025\nQUYẾT ĐỊNH\nVề việc công bố danh mục thủ "
            "tục hành chính\nChủ tịch Ủy ban nhân dân tỉnh quyết định công bố danh mục thủ tục hành chính "
            "lĩnh vực y tế kèm theo Quyết định này.\n")
    doc = extract_text(text, "p.md").documents[0]
    assert (doc.symbol, doc.issuer.name if doc.issuer else None) == ("812/QĐ-UBND", "Ủy ban nhân dân tỉnh Quảng Trị")


def test_the_header_does_not_reach_up_into_the_prose_above_it() -> None:
    """Above a cut column, a short line in capitals (a menu, a site's heading) more than four
    lines up joins only while every line between holds at most three words."""
    text = ("Trang chủ\nTIN TỨC NỔI BẬT TRONG NGÀY HÔM NAY\nỦY BAN\nNHÂN DÂN\nTỈNH\nQUẢNG TRỊ\n-------\n"
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 812/QĐ-UBND\nQuảng Trị, ngày 02 tháng 12 năm 2025\n")
    kept = _kept(text)
    assert "ỦY BAN" in kept and "TIN TỨC" not in kept


def test_a_page_with_its_table_but_no_text_reads_nothing_from_the_site_after_it() -> None:
    """The site shows the table but not the document's text: the notice after it is no document
    (before, it was: a Thông báo implementing Nghị định 13/2023/NĐ-CP)."""
    doc, = extract_text(_page("Đang tải văn bản...\n", TABLE, AFTER), "p.md").documents
    assert (doc.symbol, doc.doc_type, doc.date) == ("4321/CT-CS", "Công văn", "2025-11-17")
    assert doc.references == () and doc.recipients == () and doc.tasks == ()


TITLE = "Quyết định 812/QĐ-BYT ngày 02/12/2025 về công bố thủ tục hành chính do Bộ trưởng Bộ Y tế ban hành"


def test_a_page_showing_only_its_title_is_witnessed_by_it() -> None:
    """The site has not loaded the document's text yet: its title lines say which it is."""
    page = (f"|\n{TITLE} **Văn bản này đang cập nhật Nội dung**\n{TITLE.replace('ngày 02/12/2025', 'năm 2025')}\n"
            f"Văn bản này chưa cập nhật nội dung Tiếng Anh\n{TITLE}\n")
    doc = extract_text(page, "p.md").documents[0]
    assert (doc.symbol, doc.doc_type, doc.date) == ("812/QĐ-BYT", "Quyết định", "2025-12-02")
    assert doc.notes[0] == "number from page metadata (title: 812/QĐ-BYT)"


def test_titles_of_several_documents_are_no_document() -> None:
    listing = f"{TITLE}\n{TITLE.replace('812/QĐ-BYT', '813/QĐ-BYT')}\n"
    with pytest.raises(NotADocumentError):
        extract_text(listing, "list.md")


@pytest.mark.parametrize(("line", "chrome"), [
    ("Quyết định 84/2025/QĐ-UBND bãi bỏ Quyết định 10/2016/QĐ-UBND", True),
    ("Quyết định số 84/2025/QĐ-UBND có hiệu lực kể từ ngày ký.", False),
    ("Quyết định 435/QĐ-UBND năm 2020. Điều 2.", False),  # a crawler's prefix on a line of the text
    ("Văn bản liên quan", True),
    ("Văn bản liên quan đến việc bồi thường khi Nhà nước thu hồi đất trên địa bàn tỉnh phải được rà soát", False),
    ("Pursuant to the Law on Organization of the Government dated February 18, 2025;", True),
    ("Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;", False),
])
def test_chrome_lines(line: str, chrome: bool) -> None:
    assert is_chrome(line) is chrome


@pytest.mark.parametrize("table", [
    TABLE,
    "| Số hiệu: | 4321/CT-CS | Loại văn bản: | Công văn |\n| Người ký: | Đặng Ngọc Minh | Ngày ban hành: | 17/11/2025 |\n",
    "Số hiệu: 4321/CT-CS\nLoại văn bản: Công văn\nNgười ký: Đặng Ngọc Minh\nNgày ban hành: 17/11/2025\n",
    "Số hiệu:   4321/CT-CS        Ngày ban hành:   17/11/2025\nLoại văn bản:   Công văn      Người ký:   Đặng Ngọc Minh\n",
])
def test_metadata_tables_in_every_form(table: str) -> None:
    found = read_page_metadata(clean_view(table))
    assert found is not None
    assert (found.symbol.value, found.doc_type.value, found.signer.value, found.date_iso) == (
        "4321/CT-CS", "Công văn", "Đặng Ngọc Minh", "2025-11-17")


@pytest.mark.parametrize("text", [
    "Người ký: Nguyễn Văn A\nĐề nghị các đơn vị thực hiện.",  # one label in prose is no table
    "Tình trạng: Đã biết\nHiệu lực: Đã biết\nCập nhật: 01/07/2019",  # labels, but none of the fields read
])
def test_no_table(text: str) -> None:
    assert read_page_metadata(clean_view(text)) is None


def test_the_table_fills_in_what_the_text_does_not_say_and_keeps_its_evidence() -> None:
    headerless = ("Kính gửi: Thuế tỉnh Quảng Trị.\nCục Thuế đề nghị Thuế tỉnh Quảng Trị hướng dẫn người nộp thuế "
                  "thực hiện đúng quy định.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n")
    page = _page(TABLE, headerless, AFTER)
    doc = extract_text(page, "page.md").documents[0]
    assert (doc.symbol, doc.doc_type, doc.date, doc.issuer.name) == ("4321/CT-CS", "Công văn", "2025-11-17", "Cục Thuế")
    assert [(s.person, s.evidence.rule) for s in doc.signatures] == [("Đặng Ngọc Minh", "page-metadata")]
    signed = doc.signatures[0].evidence.span
    assert page[signed[0] : signed[1]] == "Đặng Ngọc Minh"
    graph = build_graph([extract_text(page, "page.md")])
    issued = [d for _, _, d in graph.edges(data=True) if d["type"] == "ISSUED_BY"]
    assert [(d["rule"], page[d["span"][0] : d["span"][1]]) for d in issued] == [("page-metadata", "Cục Thuế")]


def test_the_document_wins_over_the_table_and_the_disagreement_is_kept() -> None:
    table = TABLE.replace("17/11/2025", "18/11/2025").replace("Đặng Ngọc Minh", "Trần Văn Nam")
    page = _page(table, DOCUMENT)
    doc = extract_text(page, "page.md").documents[0]
    assert doc.date == "2025-11-17" and [s.person for s in doc.signatures] == ["Đặng Ngọc Minh"]
    assert any(c.startswith("date: 2025-11-17 in the text, 2025-11-18") for c in doc.conflicts)
    assert any(c.startswith("signer:") for c in doc.conflicts)
    node = build_graph([extract_text(page, "page.md")]).nodes["doc:4321/CT-CS"]
    assert any("2025-11-18 in the page metadata (page.md)" in c for c in node["conflicts"])


def test_a_page_title_witnesses_a_document_shown_without_its_header() -> None:
    headerless = ("Kính gửi: Thuế tỉnh Quảng Trị.\nCục Thuế đề nghị Thuế tỉnh Quảng Trị hướng dẫn người nộp thuế "
                  "thực hiện đúng quy định.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n|\nKT. CỤC TRƯỞNG\nPHÓ CỤC TRƯỞNG\n"
                  "Đặng Ngọc Minh\n")
    page = _page(headerless, "Công văn 4321/CT-CS ngày 17/11/2025 hướng dẫn thuế do Cục Thuế ban hành\n", AFTER)
    doc = extract_text(page, "page.md").documents[0]
    assert (doc.symbol, doc.doc_type, doc.date, doc.issuer.name) == ("4321/CT-CS", "Công văn", "2025-11-17", "Cục Thuế")
    assert not [r for r in doc.references if r.symbol == "13/2023/NĐ-CP"]


@pytest.mark.parametrize(("title", "issuer"), [
    ("Công văn 6316/BVHTTDL-VP năm 2025 triển khai kết luận Hội nghị Trung ương\n", "Bộ Văn hóa, Thể thao và Du lịch"),
    ("Công văn 4321/BTC-CST năm 2025 hướng dẫn thuế\n", "Bộ Tài chính"),
])
def test_a_page_title_s_number_names_a_central_issuer_by_its_code(title: str, issuer: str) -> None:
    headerless = ("Kính gửi: Thủ trưởng các cơ quan thuộc Bộ.\nThực hiện ý kiến chỉ đạo của Thủ tướng Chính phủ, "
                  "Bộ trưởng giao các cơ quan thuộc Bộ nghiên cứu, tham mưu.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n")
    doc = extract_text(_page(headerless, title, AFTER), "page.md").documents[0]
    assert doc.issuer is not None and doc.issuer.name == issuer
    assert any("issuer from the code of the number" in note for note in doc.notes)


def test_a_title_line_inside_a_headerless_document_is_not_its_title() -> None:
    plan = ("KẾ HOẠCH\nThực hiện Kết luận số 54-KL/TW, Ban Thường vụ ban hành Kế hoạch như sau:\n"
            "Kế hoạch 223-KH/TU ngày 05/7/2023 của Ban Thường vụ Tỉnh ủy được thay thế bởi Kế hoạch này.\n"
            "Nơi nhận:\n- Lưu VT.\nT/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\nTrần Văn Bắc\n")
    assert extract_text(plan, "kh.txt").documents[0].symbol is None
    assert read_page_title([("Kế hoạch 223-KH/TU ngày 05/7/2023 của Ban Thường vụ Tỉnh ủy", 0)]).date_iso == "2023-07-05"
