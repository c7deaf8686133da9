"""Forms met in real party and state documents, each on a short text written for the test."""

from __future__ import annotations

import pytest

from vanban.loaders.extract import extract_text
from vanban.loaders.organs import resolve_organ
from vanban.loaders.recipients import head_title, kinh_gui_items, noi_nhan_items
from vanban.loaders.references import find_references
from vanban.loaders.reports import find_reports
from vanban.loaders.segment import view_lines
from vanban.loaders.tasks import (
    execution_article,
    inner_assignees,
    numbered_tasks,
    preamble_assignees,
)
from vanban.loaders.text import clean_view, first_line, flow_view, join_lines


def refs(text: str) -> list[tuple]:
    view = flow_view(text)
    found, _ = find_references(view.text, source_file="t.txt", view=view, resolve_issuer=resolve_organ)
    return [(r.symbol or r.title, r.doc_type, r.date) for r in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "văn bản số …": the generic noun; the type comes from the symbol's code
        ("Xét đề nghị của Sở Tài chính tại văn bản số 812/TTr-STC ngày 04 tháng 3 năm 2022, đồng ý",
         [("812/TTr-STC", "Tờ trình", "2022-03-04")]),
        ("Thực hiện Văn bản số 3310/BXD-QLN ngày 9/6/2021 của Bộ Xây dựng, Sở đề nghị",
         [("3310/BXD-QLN", "Công văn", "2021-06-09")]),
        ("theo văn bản số 77/SGD-VP ngày 19/8/2024, văn bản số 415/SGD-VP",
         [("77/SGD-VP", "Công văn", "2024-08-19"), ("415/SGD-VP", "Công văn", None)]),
        # a list after a colon, the number written "Số"
        ("tại các văn bản: Số 31/TTr-BYT ngày 2 tháng 5 năm 2023, số 29/BC-BYT ngày 3 tháng 5 năm 2023",
         [("31/TTr-BYT", "Tờ trình", "2023-05-02"), ("29/BC-BYT", "Báo cáo", "2023-05-03")]),
        ("theo đề nghị tại các Tờ trình:     Số 14/TTr-UBND ngày 01/02/2020",
         [("14/TTr-UBND", "Tờ trình", "2020-02-01")]),
        # a list going on after a semicolon
        ("các Thông báo số 12/TB-VPCP ngày 11/01/2022; số 140/TB-VPCP ngày 16/7/2022 và cuộc họp",
         [("12/TB-VPCP", "Thông báo", "2022-01-11"), ("140/TB-VPCP", "Thông báo", "2022-07-16")]),
        # not references: a digitised document, a form
        ("lưu trữ văn bản số hóa năm 2020 và văn bản số lượng lớn", []),
        ("lập biên bản theo Mẫu số 02/BB-HN", []),
    ],
)
def test_documents_named_by_a_generic_noun_or_in_a_list(text: str, expected: list[tuple]) -> None:
    assert refs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a law's name with a comma or "và", then its number
        ("Căn cứ Luật Thanh tra, khiếu nại số 11/2023/QH15;", [("11/2023/QH15", "Luật", None)]),
        ("Căn cứ Luật Điện lực và năng lượng tái tạo số 61/2024/QH15 ngày 30/11/2024;",
         [("61/2024/QH15", "Luật", "2024-11-30")]),
        ("theo Luật Quản lý, sử dụng vũ khí và công cụ hỗ trợ số 14/2017/QH14.",
         [("14/2017/QH14", "Luật", None)]),
        # an ordinance named, then numbered
        ("bổ sung một số điều của Pháp lệnh Phí và lệ phí số 38/2001/UBTVQH10.",
         [("38/2001/UBTVQH10", "Pháp lệnh", None)]),
        # an amending law: the number after the names it amends is its own
        ("Căn cứ Luật Đầu tư số 61/2020/QH14; Luật sửa đổi, bổ sung một số điều của Luật Đầu tư, "
         "Luật Doanh nghiệp và Luật Đấu thầu số 03/2022/QH15;",
         [("61/2020/QH14", "Luật", None), ("03/2022/QH15", "Luật", None)]),
        # two laws: the second one's number is not the first one's
        ("theo Luật Thủy lợi, Luật Đê điều số 79/2006/QH11",
         [("Luật Thủy lợi", "Luật", None), ("79/2006/QH11", "Luật", None)]),
        # no number: the name still ends at its comma
        ("thực hiện Luật Đê điều, các văn bản hướng dẫn", [("Luật Đê điều", "Luật", None)]),
    ],
)
def test_laws_named_then_numbered(text: str, expected: list[tuple]) -> None:
    assert refs(text) == expected


@pytest.mark.parametrize(
    ("number_and_place", "place"),
    [
        # the place after the symbol on one line (a party header flattened)
        ("Số 12-KL/TW        Hà Nội, ngày 3 tháng 7 năm 2024", "Hà Nội"),
        ("Số 12-KL/TW Hà Nội, ngày 3 tháng 7 năm 2024", "Hà Nội"),
        ("Số: 310/QĐ-UBND Buôn Ma Thuột, ngày 3 tháng 7 năm 2024", "Buôn Ma Thuột"),
        ("Số: 310/QĐ-UBND TP. Hồ Chí Minh, ngày 3 tháng 7 năm 2024", "TP. Hồ Chí Minh"),
        ("Số: 310/QĐ-UBND Thành phố Hồ Chí Minh, ngày 3 tháng 7 năm 2024", "Thành phố Hồ Chí Minh"),
    ],
)
def test_the_place_is_the_capitalised_words_before_the_date(number_and_place: str, place: str) -> None:
    text = (f"ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK\n{number_and_place}\nQUYẾT ĐỊNH\nVề việc kiện toàn tổ công tác\n"
            "Điều 1. Kiện toàn tổ công tác của tỉnh.\n")
    doc = extract_text(text, "qd.txt").documents[0]
    assert (doc.date, doc.place) == ("2024-07-03", place)


def test_a_subject_packed_before_the_place_line_is_not_the_place() -> None:
    text = ("BỘ XÂY DỰNG\nSố: 511/BXD-KT V/v hướng dẫn thực hiện các quy định của Luật Xây dựng 2014\n"
            "Hà Nội, ngày 29 tháng 12 năm 2014 Kính gửi: Sở Xây dựng các tỉnh.\n"
            "Bộ Xây dựng hướng dẫn như sau.\n")
    doc = extract_text(text, "cv.txt").documents[0]
    assert (doc.symbol, doc.date, doc.place) == ("511/BXD-KT", "2014-12-29", "Hà Nội")


@pytest.mark.parametrize("prefix", ["Quyết định 77/QĐ-UBND năm 2021. ", "Quyết định 77/QĐ-UBND. "])
def test_a_crawled_title_before_the_header_leaves_the_issuer(prefix: str) -> None:
    """Web crawls write the document's title before its header, on the organ's line."""
    text = (f"{prefix}ỦY BAN NHÂN DÂN TỈNH GIA LAI -------\n"
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------\n"
            "Số: 77/QĐ-UBND Gia Lai, ngày 04 tháng 5 năm 2021 QUYẾT ĐỊNH V/V BAN HÀNH KẾ HOẠCH\n"
            "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch.\n")
    doc = extract_text(text, "qd.txt").documents[0]
    assert (doc.symbol, doc.place) == ("77/QĐ-UBND", "Gia Lai")
    assert doc.issuer is not None and doc.issuer.name == "Ủy ban nhân dân tỉnh Gia Lai"


EXECUTION_HEADINGS = """TỈNH ỦY QUẢNG TRỊ
*
Số 40-KH/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Quảng Trị, ngày 5 tháng 9 năm 2025
KẾ HOẠCH
thực hiện Kết luận số 12-KL/TW của Bộ Chính trị
Thực hiện Kết luận số 12-KL/TW của Bộ Chính trị, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch.
I. MỤC ĐÍCH, YÊU CẦU
1. Quán triệt đầy đủ nội dung Kết luận đến cán bộ, đảng viên.
II. TỔ CHỨC THỰC HIỆN
1. Đảng ủy Ủy ban nhân dân tỉnh
- Lãnh đạo, chỉ đạo xây dựng kế hoạch thực hiện hằng năm.
2. Sở Tài chính
a) Chủ trì, phối hợp với Sở Nội vụ bố trí kinh phí thực hiện;
b) Hướng dẫn các địa phương quyết toán kinh phí.
3. Ban Tuyên giáo Tỉnh ủy chủ trì tuyên truyền Kết luận.
"""


def test_execution_units_that_are_only_an_organ_name_assign_it() -> None:
    doc = extract_text(EXECUTION_HEADINGS, "kh.txt").documents[0]
    got = {(t.path, a.organ.name, a.role.value) for t in doc.tasks for a in t.assignments}
    assert ("II.1", "Đảng ủy Ủy ban nhân dân tỉnh Quảng Trị", "perform") in got
    assert ("II.2", "Sở Tài chính tỉnh Quảng Trị", "lead") in got  # "a) Chủ trì" under the heading
    assert ("II.3", "Ban Tuyên giáo Tỉnh ủy Quảng Trị", "lead") in got
    assert not any(path == "I.1" for path, _, _ in got)


@pytest.mark.parametrize(
    ("preamble", "told"),
    [
        ("Để bảo đảm thống nhất, phù hợp với yêu cầu quản lý, Thủ tướng Chính phủ yêu cầu các bộ, ngành, "
         "địa phương khẩn trương thực hiện các nhiệm vụ sau:", ["Các bộ, ngành, địa phương"]),
        ("Bộ Tài chính yêu cầu các đơn vị nghiêm túc thực hiện một số nội dung sau:", ["Các đơn vị"]),
    ],
)
def test_the_one_told_is_after_the_last_yeu_cau(preamble: str, told: list[str]) -> None:
    assert preamble_assignees(preamble) == told


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # an item wrapped onto a second line, then one more item
        (["Kính gửi: - Sở Tài chính,", "     - Các cơ quan tham mưu, giúp việc", "     Ban Thường vụ Huyện ủy,",
          "     - Các chi bộ trực thuộc.", "", "Thực hiện Kế hoạch số 12-KH/HU của"],
         ["Sở Tài chính", "Các cơ quan tham mưu, giúp việc Ban Thường vụ Huyện ủy", "Các chi bộ trực thuộc"]),
        # the body's first line, wrapped mid-sentence, is not part of the last item
        (["Kính gửi:", "- Các sở, ban, ngành tỉnh", "Thực hiện Công văn số 88/BTC-NSNN ngày 02/3/2024 của"],
         ["Các sở, ban, ngành tỉnh"]),
        # an addressee cut after a word wanting what follows ("thuộc", "của"), its name on the next line
        (["Kính gửi: Thủ trưởng các cơ quan tham mưu thuộc", "Bộ", "Thực hiện ý kiến chỉ đạo của"],
         ["Thủ trưởng các cơ quan tham mưu thuộc Bộ"]),
        (["Kính gửi: Các cơ quan chuyên môn của", "Ủy ban nhân dân tỉnh", "Thực hiện Công văn số 88/BTC-NSNN của"],
         ["Các cơ quan chuyên môn của Ủy ban nhân dân tỉnh"]),
        # a capitalised line after a complete name is the body, not the name's end
        (["Kính gửi: Sở Tài chính", "Thực hiện Công văn số 88/BTC-NSNN của"], ["Sở Tài chính"]),
    ],
)
def test_kinh_gui_items_wrapped_across_lines(lines: list[str], expected: list[str]) -> None:
    assert [item.text for item in kinh_gui_items(lines)] == expected


def relations(text: str) -> list[tuple]:
    view = flow_view(text)
    found, _ = find_references(view.text, source_file="t.txt", view=view, resolve_issuer=resolve_organ)
    return [(r.symbol, r.relation.value) for r in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the sentence tells of another document issued to implement it: a citation
        ("Triển khai thực hiện Nghị định số 15/2021/NĐ-CP của Chính phủ, ngày 3 tháng 4 năm 2022 Bộ Xây "
         "dựng đã ban hành Thông tư số 02/2022/TT-BXD. Bộ đề nghị các địa phương như sau.",
         [("15/2021/NĐ-CP", "CITES"), ("02/2022/TT-BXD", "CITES")]),
        # this document implements it
        ("Triển khai thực hiện Nghị định số 15/2021/NĐ-CP của Chính phủ, Bộ Xây dựng đề nghị các địa "
         "phương như sau.", [("15/2021/NĐ-CP", "IMPLEMENTS")]),
    ],
)
def test_an_implementing_sentence_about_an_earlier_document_only_cites(text: str, expected: list[tuple]) -> None:
    assert relations(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ngày 29 tháng 11 năm 2005/Pursuant to Article 216 of the Law, 12/QĐ-TTg", [("12/QĐ-TTg", "CITES")]),
        ("ban hành kèm theo 104-CTr/Tu và 12/QĐi-TW", [("104-CTr/Tu", "CITES"), ("12/QĐi-TW", "CITES")]),
    ],
)
def test_a_year_before_a_slash_and_a_word_is_not_a_symbol(text: str, expected: list[tuple]) -> None:
    assert relations(text) == expected


UNITS_WITH_GIAO = """ĐẢNG BỘ TỈNH HÀ GIANG
ĐẢNG ỦY ỦY BAN NHÂN DÂN TỈNH
Số 310-CV/ĐU
Hà Giang, ngày 4 tháng 3 năm 2025
Kính gửi: Các chi bộ trực thuộc.
Thực hiện Kế hoạch số 12-KH/TU của Tỉnh ủy, Đảng ủy đề nghị Ủy ban nhân dân tỉnh và các tổ chức đảng
trực thuộc thực hiện một số nhiệm vụ, như sau:
1. Ủy ban nhân dân tỉnh chỉ đạo các sở xây dựng kế hoạch thực hiện.
2. Các cơ quan tham mưu, giúp việc Đảng ủy; các chi bộ, đảng bộ cơ sở
Các cấp ủy chủ động tổ chức quán triệt Kế hoạch đến cán bộ, đảng viên.
Giao Ban Tổ chức Đảng ủy chủ trì, hướng dẫn các chi bộ sơ kết việc thực hiện.
Đề nghị Ủy ban nhân dân tỉnh và các tổ chức đảng nghiêm túc thực hiện.
"""


def test_units_of_a_dispatch_name_their_own_organs() -> None:
    """An item naming its organs keeps them (not the preamble's), a heading list of organs
    joined with the next paragraph is cut at that paragraph's capital, and ``Giao X chủ trì``
    inside an item assigns X as lead."""
    doc = extract_text(UNITS_WITH_GIAO, "cv.txt").documents[0]
    got = {t.path: sorted((a.organ.name, a.role.value) for a in t.assignments) for t in doc.tasks}
    assert got["1"] == [("Ủy ban nhân dân tỉnh Hà Giang", "perform")]
    assert ("Các cơ quan tham mưu, giúp việc Đảng ủy", "perform") in got["2"]
    assert ("Các chi bộ, đảng bộ cơ sở", "perform") in got["2"]
    assert ("Ban Tổ chức Đảng ủy Ủy ban nhân dân tỉnh Hà Giang", "lead") in got["2"]
    assert not any(name.startswith("Ủy ban nhân dân") for name, _ in got["2"])


@pytest.mark.parametrize("closing", ["/ Nơi nhận: / - Ban Bí thư; | THỦ TƯỚNG", "Nơi nhân:\n- Ban Bí thư;",
                                     "NƠI NHẬN:\n- Ban Bí thư;"])
def test_the_distribution_list_ends_the_last_item(closing: str) -> None:
    """Also in packed cells, in capitals, or with its marks lost by a scan."""
    lines = view_lines(join_lines(clean_view(f"1. Các Bộ thực hiện tốt chỉ thị này./.\n{closing}\n")))
    assert [t.text for t in numbered_tasks(lines, 0, len(lines))] == ["Các Bộ thực hiện tốt chỉ thị này./."]


def task_paths(text: str) -> list[tuple[str, str]]:
    lines = view_lines(join_lines(clean_view(text)))
    return [(t.path, first_line(t.text)) for t in numbered_tasks(lines, 0, len(lines))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # clauses numbered again in every article
        ("Điều 2. Trách nhiệm của các bộ\n1. Bộ Tài chính bố trí kinh phí.\n2. Bộ Nội vụ hướng dẫn.\n"
         "Điều 3: Hiệu lực thi hành\n1. Thông tư có hiệu lực từ ngày ký.\n",
         [("Điều 2.1", "Bộ Tài chính bố trí kinh phí."), ("Điều 2.2", "Bộ Nội vụ hướng dẫn."),
          ("Điều 3.1", "Thông tư có hiệu lực từ ngày ký.")]),
        # numbering restarting under unnumbered headings
        ("MỤC ĐÍCH\n1. Quán triệt nội dung.\n2. Nâng cao nhận thức.\nNHIỆM VỤ\n1. Sở Y tế chủ trì.\n"
         "1.1. Rà soát cơ sở.\n",
         [("1", "Quán triệt nội dung."), ("2", "Nâng cao nhận thức."), ("2:1", "Sở Y tế chủ trì."),
          ("2:1.1", "Rà soát cơ sở.")]),
        # a number alone on its line, its words below; a page footer holding a file name
        ("I. NHIỆM VỤ\n1.4.\nXây dựng kế hoạch tuyên truyền.\n12.KLTW75.DOC 3\n1.5. Tổng kết.\n",
         [("I.1.4", "Xây dựng kế hoạch tuyên truyền."), ("I.1.5", "Tổng kết.")]),
        # a plan attached after a decision's articles: its sections are no part of the last article
        ("Điều 3. Giám đốc Sở Nội vụ chịu trách nhiệm thi hành.\nKẾ HOẠCH\nI. MỤC ĐÍCH\n1. Triển khai kịp thời.\n"
         "II. NHIỆM VỤ\n1. Sở Nội vụ theo dõi.\n",
         [("I.1", "Triển khai kịp thời."), ("II.1", "Sở Nội vụ theo dõi.")]),
    ],
)
def test_repeated_task_numbers_get_their_own_paths(text: str, expected: list[tuple[str, str]]) -> None:
    assert task_paths(text) == expected


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("Rà soát quy trình giải quyết tranh chấp.\n- Cơ quan thực hiện: Sở Nội vụ chủ trì, phối hợp với "
         "Liên đoàn Lao động tỉnh; các sở, ngành liên quan.\n- Thời gian thực hiện: hằng năm.",
         [(["Sở Nội vụ"], "lead")]),
        ("Tuyên truyền pháp luật.\n- Cơ quan thực hiện: Các sở, ban, ngành; Ủy ban nhân dân các huyện.",
         [(["Các sở, ban, ngành", "Ủy ban nhân dân các huyện"], "perform")]),
        ("Hỗ trợ doanh nghiệp.\n* Cơ quan thực hiện: Sở Tài chính hướng dẫn các đơn vị -Thời gian thực hiện: quý II.",
         [(["Sở Tài chính"], "perform")]),
        ("Xây dựng cơ sở dữ liệu.\nCơ quan chủ trì: Sở Xây dựng.\nCơ quan phối hợp: Sở Tài chính, Công an tỉnh.",
         [(["Sở Xây dựng"], "lead"), (["Sở Tài chính", "Công an tỉnh"], "coordinate")]),
        ("Trách nhiệm của cơ quan chủ trì và cơ quan phối hợp:\na) Sở Công Thương chủ trì, phối hợp với các sở "
         "tổ chức kiểm tra;\nb) Các sở, ngành cử cán bộ tham gia.",
         [(["Sở Công Thương"], "lead")]),
        ("Về tuyên truyền\nGiao Ban Tuyên giáo Tỉnh ủy chủ trì, hướng dẫn các cấp ủy.", [(["Ban Tuyên giáo Tỉnh ủy"], "lead")]),
        # a bullet that performs is a duty of the item's organ, not an assignment of its own
        ("Sở Y tế\n- Ủy ban nhân dân tỉnh ban hành kế hoạch.", []),
        # bullets below a task that does not announce who does what (a lost heading above them)
        ("Tăng cường kiểm tra, giám sát.\n- Ban Dân vận Trung ương chủ trì, đôn đốc việc thực hiện.", []),
    ],
)
def test_organs_named_below_an_item(item: str, expected: list[tuple[list[str], str]]) -> None:
    assert [(names, role.value) for names, role in inner_assignees(item)] == expected


def test_a_labelled_executing_organ_assigns_the_item() -> None:
    text = ("ỦY BAN NHÂN DÂN TỈNH GIA LAI\nSố: 90/KH-UBND\nGia Lai, ngày 2 tháng 4 năm 2024\nKẾ HOẠCH\n"
            "Thực hiện Chỉ thị số 37-CT/TW của Ban Bí thư\nII. NHIỆM VỤ\n1.1.\nTuyên truyền pháp luật lao động "
            "cho người lao động và người sử dụng lao động trong các khu công nghiệp.\n"
            "- Cơ quan thực hiện: Sở Nội vụ chủ trì, phối hợp với Liên đoàn Lao động tỉnh và địa phương "
            "-Thời gian thực hiện: hằng năm.\n")
    doc = extract_text(text, "kh.txt").documents[0]
    got = {(t.path, a.organ.name, a.role.value) for t in doc.tasks for a in t.assignments}
    assert got == {("1.1", "Sở Nội vụ tỉnh Gia Lai", "lead"),
                   ("1.1", "Liên đoàn Lao động tỉnh và địa phương", "coordinate")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a date after the issuer opening the next clause is not the cited document's
        ("Triển khai Nghị định số 11/2022/NĐ-CP của Chính phủ, ngày 17 tháng 6 năm 2025 Bộ trưởng Bộ Tài chính "
         "đã ban hành Thông tư số 08/2025/TT-BTC.",
         [("11/2022/NĐ-CP", "Nghị định", None), ("08/2025/TT-BTC", "Thông tư", None)]),
        ("theo Quyết định số 45/QĐ-TTg của Thủ tướng Chính phủ, ngày 3/4/2024 Ủy ban nhân dân tỉnh đã họp",
         [("45/QĐ-TTg", "Quyết định", None)]),
        # the date after the issuer that is the document's
        ("theo Quyết định số 45/QĐ-TTg của Thủ tướng Chính phủ, ngày 3/4/2024 về phân công",
         [("45/QĐ-TTg", "Quyết định", "2024-04-03")]),
        ("Thông tư số 08/2025/TT-BTC của Bộ Tài chính ngày 17/6/2025.", [("08/2025/TT-BTC", "Thông tư", "2025-06-17")]),
        # a legislature written after a dash
        ("Căn cứ Luật Hải quan số 54/2014/QH-13 ngày 23 tháng 6 năm 2014;", [("54/2014/QH13", "Luật", "2014-06-23")]),
        ("Căn cứ Nghị quyết số 35/2012/UBTVQH-13;", [("35/2012/UBTVQH13", "Nghị quyết", None)]),
    ],
)
def test_dates_after_the_issuer_and_legislature_codes(text: str, expected: list[tuple]) -> None:
    assert refs(text) == expected


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("Cục trưởng", ("Cục trưởng", "Cục")),
        ("Phó Vụ trưởng", ("Phó Vụ trưởng", "Vụ")),
        ("Bộ trưởng Lê Minh Hoan", ("Bộ trưởng", "Bộ")),
        ("các Thứ trưởng", ("các Thứ trưởng", "Bộ")),
        ("Chủ tịch", ("Chủ tịch", None)),
        # an office named with its body is read as written
        ("Chủ tịch UBND tỉnh", None),
        ("Cục Thuế", None),
    ],
)
def test_a_head_title_alone_among_recipients(item: str, expected: tuple | None) -> None:
    assert head_title(item) == expected


PACKED_HEADER = """BỘ NỘI VỤ / VỤ TỔ CHỨC BIÊN CHẾ / -------  | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc
Số: 41/TCBC-TH / V/v báo cáo số liệu biên chế | Hà Nội, ngày 3 tháng 2 năm 2025
Kính gửi: Sở Nội vụ các tỉnh, thành phố trực thuộc Trung ương
Vụ Tổ chức biên chế đề nghị các Sở Nội vụ gửi số liệu biên chế năm 2024 trước ngày 15 tháng 3 năm 2025./.
 / Nơi nhận: / - Như trên; / - Vụ trưởng (để b/c); / - Lưu: VT, TH. | KT. VỤ TRƯỞNG / PHÓ VỤ TRƯỞNG /  /  / Đỗ Văn An
"""


def test_a_department_under_its_ministry_in_one_header_cell() -> None:
    """``BỘ X / VỤ Y`` packed in one table cell: the department issues; its head among the
    recipients is the head of that department."""
    doc = extract_text(PACKED_HEADER, "cv.txt").documents[0]
    assert doc.issuer is not None and doc.issuer.name == "Vụ Tổ chức biên chế"
    got = {(r.organ.name, r.kind, r.purpose) for r in doc.recipients}
    assert ("Vụ trưởng Vụ Tổ chức biên chế", "noi_nhan", "b/c") in got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name holding "và" goes on after it; the "(qua …)" after it is read
        ("Tổng cục Thủy sản tổng hợp, báo cáo Bộ trưởng Bộ Nông nghiệp và Phát triển nông thôn (qua Vụ Kế hoạch) "
         "để xem xét.", [("Bộ trưởng Bộ Nông nghiệp và Phát triển nông thôn", "Vụ Kế hoạch")]),
        ("định kỳ báo cáo kết quả thực hiện về Sở Lao động - Thương binh và Xã hội để tổng hợp.",
         [("Sở Lao động - Thương binh và Xã hội", None)]),
        # "và" then a small word, or another organ: the name ends there
        ("báo cáo Ủy ban nhân dân tỉnh và đề xuất giải pháp.", [("Ủy ban nhân dân tỉnh", None)]),
        ("báo cáo Bộ Kế hoạch và Đầu tư và Bộ Tài chính trước ngày 15/12.",
         [("Bộ Kế hoạch và Đầu tư", None), ("Bộ Tài chính", None)]),
        # several bodies reported to, after a comma or "và"; a "(qua …)" after the last is for all
        ("định kỳ báo cáo Bộ Chính trị, Ban Bí thư.", [("Bộ Chính trị", None), ("Ban Bí thư", None)]),
        ("báo cáo Ban Thường vụ Tỉnh ủy, Thường trực Tỉnh ủy (qua Văn phòng Tỉnh ủy) trước ngày 20/11.",
         [("Ban Thường vụ Tỉnh ủy", "Văn phòng Tỉnh ủy"), ("Thường trực Tỉnh ủy", "Văn phòng Tỉnh ủy")]),
        ("tổng hợp, báo cáo Thủ tướng Chính phủ, Bộ Tài chính và Ngân hàng Nhà nước Việt Nam về kết quả",
         [("Thủ tướng Chính phủ", None), ("Bộ Tài chính", None), ("Ngân hàng Nhà nước Việt Nam", None)]),
        # "hàng" ends a name only as a period ("hàng quý"), not in "Ngân hàng"
        ("báo cáo Ngân hàng Nhà nước Việt Nam trước ngày 05 hằng tháng.", [("Ngân hàng Nhà nước Việt Nam", None)]),
        ("báo cáo Ban Thường vụ Tỉnh ủy hàng quý.", [("Ban Thường vụ Tỉnh ủy", None)]),
        # what follows a comma is no second body unless an organ opens it
        ("báo cáo Thủ tướng Chính phủ, đồng thời gửi Bộ Tài chính để theo dõi.", [("Thủ tướng Chính phủ", None)]),
        ("báo cáo Ban Bí thư (qua Ban Dân vận Trung ương), Ban Tổ chức Trung ương phối hợp",
         [("Ban Bí thư", "Ban Dân vận Trung ương")]),
    ],
)
def test_report_recipients_with_and_in_their_names(text: str, expected: list[tuple]) -> None:
    assert [(p.to, p.via) for p in find_reports(text)] == expected


DUTIES_UNDER_AN_ORGAN = """THỦ TƯỚNG CHÍNH PHỦ
Số: 12/CT-TTg
Hà Nội, ngày 5 tháng 4 năm 2023
CHỈ THỊ
Về tăng cường quản lý các cụm công nghiệp
Để khắc phục tồn tại trong thời gian qua, Thủ tướng Chính phủ yêu cầu các Bộ, ngành thực hiện các nhiệm vụ sau:
1. Bộ Công Thương:
- Chủ trì rà soát quy hoạch các cụm công nghiệp, báo cáo Thủ tướng Chính phủ trong quý III năm 2023.
2. Bộ Tài chính:
- Hướng dẫn cơ chế tài chính, báo cáo Thủ tướng Chính phủ trước ngày 30 tháng 9 năm 2023.
"""


def test_a_duty_under_an_item_naming_its_organ_reports_for_it() -> None:
    doc = extract_text(DUTIES_UNDER_AN_ORGAN, "ct.txt").documents[0]
    got = {(r.reporter.name, r.recipient.name) for r in doc.reports}
    assert got == {("Bộ Công Thương", "Thủ tướng Chính phủ"), ("Bộ Tài chính", "Thủ tướng Chính phủ")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the heads of a kind of body stand for the group; "và tổ chức, cá nhân …" is not an organ
        ("Điều 5. Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ, Chủ tịch "
         "Ủy ban nhân dân các tỉnh và tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Nghị định này.",
         ("Điều 5", ["Các bộ", "Các cơ quan ngang bộ", "Các cơ quan thuộc Chính phủ", "Ủy ban nhân dân các tỉnh"])),
        # a clause of the article, "Chủ nhiệm" heading its body
        ("Điều 9. Trách nhiệm thi hành\n1. Thông tư này có hiệu lực từ ngày ký.\n2. Tổng Tham mưu trưởng, Chủ nhiệm "
         "Tổng cục Chính trị chịu trách nhiệm thi hành Thông tư này.",
         ("Điều 9", ["Bộ Tổng Tham mưu", "Tổng cục Chính trị"])),
        # a crawled title before each article
        ("Quyết định 88/QĐ-UBND năm 2021. Điều 1.\nBan hành kèm theo Quyết định này Kế hoạch.\n"
         "Quyết định 88/QĐ-UBND năm 2021. Điều 2.\nGiám đốc Sở Nội vụ; Chủ tịch Ủy ban nhân dân các huyện "
         "chịu trách nhiệm thi hành Quyết định này./.",
         ("Điều 2", ["Sở Nội vụ", "Ủy ban nhân dân các huyện"])),
        # a clause with its own duty is no holder of the article (its duty is a task of its own)
        ("Điều 4. Trách nhiệm thi hành\n1. Sở Y tế các tỉnh có trách nhiệm hướng dẫn, kiểm tra việc thực hiện "
         "Thông tư này.\n2. Cục Quản lý dược chủ trì, phối hợp kiểm tra.\n3. Chánh Văn phòng Bộ, Thủ trưởng các "
         "đơn vị thuộc Bộ chịu trách nhiệm thi hành Thông tư này.",
         ("Điều 4", ["Văn phòng Bộ", "Các đơn vị thuộc Bộ"])),
        # the last sentence names the holders; a kind's list after a title; people are no bodies
        ("Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng UBND tỉnh, Giám đốc các Sở: Khoa học "
         "và Công nghệ, Tài chính; Chủ tịch UBND các xã và các ông, bà có tên tại Điều 1 chịu trách nhiệm thi hành "
         "Quyết định này./.",
         ("Điều 3", ["Văn phòng UBND tỉnh", "Sở Khoa học và Công nghệ", "Sở Tài chính", "UBND các xã"])),
    ],
)
def test_execution_articles_of_state_documents(text: str, expected: tuple) -> None:
    assert execution_article(text) == expected


def test_a_crawled_title_before_an_article_keeps_its_clauses_apart() -> None:
    text = ("Quyết định 8/QĐ-UBND năm 2021. Điều 1. Phạm vi\n1. Quy định phạm vi.\n"
            "Quyết định 8/QĐ-UBND năm 2021. Điều 2. Trách nhiệm\n1. Sở Y tế chủ trì.\n")
    lines = view_lines(join_lines(clean_view(text)))
    assert [t.path for t in numbered_tasks(lines, 0, len(lines))] == ["Điều 1.1", "Điều 2.1"]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["Nơi nhận:", "- Các Bộ: Công Thương, Xây dựng;", "- Lưu: VT."], ["Bộ Công Thương", "Bộ Xây dựng"]),
        # abbreviations are ministries' codes
        (["Nơi nhận: - Các Bộ: CA, TNMT, KH&ĐT. - Lưu: VT."],
         ["Bộ Công an", "Bộ Tài nguyên và Môi trường", "Bộ Kế hoạch và Đầu tư"]),
        (["Nơi nhận:", "- Các Sở: Tài chính, Nội vụ (để t/h);", "- Lưu VT."], ["Sở Tài chính", "Sở Nội vụ"]),
    ],
)
def test_a_list_of_ministries_after_a_colon(lines: list[str], expected: list[str]) -> None:
    assert [item.text for item in noi_nhan_items(lines)] == expected


def test_kinh_gui_in_a_table_row_leaves_the_cell_edge() -> None:
    line = "| Kính gửi: | - Bộ Y tế; - Ủy ban nhân dân tỉnh Bình Định. |"
    assert [item.text for item in kinh_gui_items([line])] == ["Bộ Y tế", "Ủy ban nhân dân tỉnh Bình Định"]


@pytest.mark.parametrize(
    ("sentence", "issuer"),
    [
        # a name holding "và" goes on after it
        ("theo Thông tư số 12/2020/TT-BNNPTNT của Bộ Nông nghiệp và Phát triển nông thôn về quản lý rừng.",
         "Bộ Nông nghiệp và Phát triển nông thôn"),
        # "và" and another organ, or a small word: the name ends there
        ("theo Quyết định số 5/QĐ-UBND của Ủy ban nhân dân tỉnh và Sở Tài chính về việc phân bổ.",
         "Ủy ban nhân dân tỉnh Hà Nam"),
        # the minister issues for the ministry
        ("Căn cứ Thông tư số 13/2015/TT-BTC ngày 30/01/2015 của Bộ trưởng Bộ Tài chính quy định về kiểm tra.",
         "Bộ Tài chính"),
        ("Căn cứ Thông tư số 1/2021/TT-BKHĐT của Bộ trưởng Bộ Kế hoạch và Đầu tư hướng dẫn thi hành.",
         "Bộ Kế hoạch và Đầu tư"),
    ],
)
def test_the_issuer_named_in_a_reference(sentence: str, issuer: str) -> None:
    text = ("ỦY BAN NHÂN DÂN TỈNH HÀ NAM\nSố: 71/UBND-KT\nHà Nam, ngày 2 tháng 5 năm 2024\n"
            "V/v triển khai nhiệm vụ\nKính gửi: Các sở, ban, ngành.\n" + sentence + "\n")
    doc = extract_text(text, "cv.txt").documents[0]
    assert [r.issuer.name if r.issuer else None for r in doc.references] == [issuer]


@pytest.mark.parametrize(
    ("text", "expected", "derived"),
    [
        # a described document, then a bare "thực hiện": the description goes on
        ("Thực hiện Kế hoạch số 45-KH/TU ngày 3/5/2024 của Tỉnh ủy Yên Bái thực hiện Kết luận số 12-KL/TW "
         "ngày 1/2/2024 của Bộ Chính trị và Chỉ thị số 7-CT/TW của Ban Bí thư, Đảng ủy đề nghị như sau:",
         [("45-KH/TU", "IMPLEMENTS"), ("12-KL/TW", "CITES"), ("7-CT/TW", "CITES")], [("45-KH/TU", "12-KL/TW")]),
        ("Triển khai Quyết định số 9/QĐ-TTg của Thủ tướng Chính phủ thực hiện Nghị quyết số 5/NQ-CP, Bộ đề nghị:",
         [("9/QĐ-TTg", "IMPLEMENTS"), ("5/NQ-CP", "CITES")], [("9/QĐ-TTg", "5/NQ-CP")]),
        # two documents implemented together: no description between them
        ("Thực hiện Kết luận số 12-KL/TW và Chỉ thị số 7-CT/TW, Ban Thường vụ yêu cầu như sau:",
         [("12-KL/TW", "IMPLEMENTS"), ("7-CT/TW", "IMPLEMENTS")], []),
    ],
)
def test_a_described_document_that_implements_another(text: str, expected: list[tuple],
                                                       derived: list[tuple]) -> None:
    view = flow_view(text)
    found, links = find_references(view.text, source_file="t.txt", view=view, resolve_issuer=resolve_organ)
    assert [(r.symbol, r.relation.value) for r in found] == expected
    assert [(lk.source.symbol, lk.target.symbol) for lk in links] == derived


@pytest.mark.parametrize(("item", "name"), [
    ("- Các Thành viên Ban Chỉ đạo các Chương trình mục tiêu quốc gia giai đoạn 2021-2025;",
     "Các Thành viên Ban Chỉ đạo các Chương trình mục tiêu quốc gia giai đoạn 2021-2025"),
    ("- Ban Chỉ đạo giai đoạn 2021 – 2025;", "Ban Chỉ đạo giai đoạn 2021 – 2025"),
    ("- Bộ Quốc phòng02;", "Bộ Quốc phòng"),  # a copy count glued to the name
    ("- Sở Y tế 02;", "Sở Y tế"),  # … or after a space
    # a number that names a body or a programme
    ("- Ban Chỉ đạo 389;", "Ban Chỉ đạo 389"),
    ("- Tổ công tác Đề án 06,", "Tổ công tác Đề án 06"),
    ("- Ban Chỉ đạo Chương trình 135.", "Ban Chỉ đạo Chương trình 135"),
])
def test_a_period_ending_a_recipient_is_no_copy_count(item: str, name: str) -> None:
    assert [i.text for i in noi_nhan_items(["Nơi nhận:", item, "- Lưu: VT."])] == [name]
