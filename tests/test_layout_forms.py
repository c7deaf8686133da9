"""Forms found in real files (converted tables, packed cells, attachments), on short texts."""

from __future__ import annotations

import pytest

from vanban.loaders.extract import extract_text
from vanban.loaders.recipients import noi_nhan_items
from vanban.loaders.references import find_references
from vanban.loaders.signatures import find_signatures, is_person_name, split_capacity_title
from vanban.loaders.text import flow_view

PIPE_HEADER = """| BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG  ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc |
| --- | --- |
| Số: 09/KH-BTNMT | *Hà Nội, ngày 06 tháng 8 năm 2024* |
KẾ HOẠCH
TRIỂN KHAI THỰC HIỆN CHỈ THỊ SỐ 13/CT-TTG NGÀY 02 THÁNG 5 NĂM 2024 CỦA THỦ TƯỚNG CHÍNH PHỦ
Thực hiện Chỉ thị số 13/CT-TTg ngày 02 tháng 5 năm 2024 của Thủ tướng Chính phủ, Bộ ban hành Kế hoạch.
1. Cục Biến đổi khí hậu chủ trì hoàn thiện dự thảo Nghị định sửa đổi Nghị định số 06/2022/NĐ-CP.
| *Nơi nhận:* - Bộ trưởng (để báo cáo); - Văn phòng Chính phủ; - Lưu VT, VP(TH), BĐKH. | KT. BỘ TRƯỞNG THỨ TRƯỞNG     Lê Công Thành |
"""


def test_pipe_table_header_and_packed_signature_row() -> None:
    doc = extract_text(PIPE_HEADER, "kh.txt").documents[0]
    assert (doc.symbol, doc.doc_type, doc.date) == ("09/KH-BTNMT", "Kế hoạch", "2024-08-06")
    assert doc.issuer.name == "Bộ Tài nguyên và Môi trường"  # not the Thủ tướng named in the subject
    assert [(s.capacity, s.title, s.person) for s in doc.signatures] == [
        ("KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Lê Công Thành")]
    assert ("Văn phòng Chính phủ", None) in {(r.organ.name, r.purpose) for r in doc.recipients}
    assert ("13/CT-TTg", "IMPLEMENTS") in [(r.symbol, r.relation.value) for r in doc.references]


def test_cells_packed_with_slashes() -> None:
    lines = [" / Nơi nhận: / - Như trên; / - Cục trưởng (để báo cáo); / - Lưu: VT, QLHC. | KT. CỤC TRƯỞNG "
             "/ PHÓ CỤC TRƯỞNG /  /  /  / Vương Thành Chung"]
    assert [(b.capacity, b.title, b.person) for b in find_signatures(lines)] == [
        ("KT. CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG", "Vương Thành Chung")]
    assert [(i.text, i.purpose) for i in noi_nhan_items(lines)] == [("Cục trưởng", "b/c")]


@pytest.mark.parametrize(
    ("text", "capacity", "title"),
    [
        ("KT. BỘ TRƯỞNG, CHỦ NHIỆM PHÓ CHỦ NHIỆM", "KT. BỘ TRƯỞNG, CHỦ NHIỆM", "PHÓ CHỦ NHIỆM"),
        ("TM. CHÍNH PHỦ THỦ TƯỚNG", "TM. CHÍNH PHỦ", "THỦ TƯỚNG"),
        ("T/M BAN THƯỜNG VỤ BÍ THƯ", "T/M BAN THƯỜNG VỤ", "BÍ THƯ"),
    ],
)
def test_capacity_and_title_in_one_cell(text: str, capacity: str, title: str) -> None:
    assert split_capacity_title(text) == (capacity, title)


def test_nested_capacity_signs_with_the_innermost() -> None:
    lines = ["Nơi nhận:                 TM. ỦY BAN NHÂN DÂN", "- Bộ Công Thương;          KT. CHỦ TỊCH",
             "- Sở Tư pháp;              PHÓ CHỦ TỊCH", "- Lưu: VT.", "                     Nguyễn Thế Phước"]
    assert [(b.capacity, b.title, b.person) for b in find_signatures(lines)] == [
        ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Thế Phước")]


def test_attached_regulation_belongs_to_its_decision() -> None:
    text = """ỦY BAN NHÂN DÂN             CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH LÀO CAI
Số: 16/2026/QĐ-UBND          Lào Cai, ngày 25 tháng 02 năm 2026
QUYẾT ĐỊNH
Ban hành Quy chế quản lý cụm công nghiệp
Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025; theo đề nghị của Giám đốc Sở.
Điều 1. Ban hành kèm theo Quyết định này Quy chế quản lý cụm công nghiệp trên địa bàn tỉnh.
Điều 2. Quyết định có hiệu lực kể từ ngày ký và thay thế các quyết định trước đây về nội dung này.
QUY CHẾ
Quản lý các cụm công nghiệp
(Ban hành kèm theo Quyết định số 16/2026/QĐ-UBND ngày 25/02/2026 của Ủy ban nhân dân tỉnh)
Điều 1. Phạm vi điều chỉnh của quy chế này là hoạt động quản lý cụm công nghiệp trên địa bàn.
Điều 2. Các sở, ngành phối hợp thực hiện quy chế theo chức năng và nhiệm vụ được giao.
"""
    docs = extract_text(text, "qd.txt").documents
    assert [(d.symbol, d.doc_type) for d in docs] == [("16/2026/QĐ-UBND", "Quyết định")]


def test_law_dated_at_its_end() -> None:
    text = ("LUẬT\nSỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA LUẬT GIÁ\nCăn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa "
            "Việt Nam;\nĐiều 1. Sửa đổi một số điều.\nLuật này được Quốc hội khóa XV, Kỳ họp thứ 10 thông qua "
            "ngày 10 tháng 12 năm 2025.")
    assert extract_text(text, "luat.txt").documents[0].date == "2025-12-10"


def test_documents_listed_with_the_implemented_one_are_implemented() -> None:
    text = ("Thực hiện Chương trình hành động số 104-CTr/TU ngày 30/8/2026 của Tỉnh ủy Lào Cai; Công văn số "
            "2449-CV/ĐU ngày 07/9/2026 của Đảng ủy Ủy ban nhân dân tỉnh, gắn với Nghị quyết số 10-NQ/TW, Ủy ban "
            "nhân dân tỉnh đề nghị các sở thực hiện Kết luận số 75-KL/TW.")
    view = flow_view(text)
    found, _ = find_references(view.text, source_file="t.txt", view=view)
    assert [(r.symbol, r.relation.value) for r in found] == [
        ("104-CTr/TU", "IMPLEMENTS"), ("2449-CV/ĐU", "IMPLEMENTS"), ("10-NQ/TW", "CITES"), ("75-KL/TW", "CITES")]


def test_words_between_type_and_number() -> None:
    view = flow_view("Thực hiện Chương trình hành độ số 104-CTr/Tu ngày 30/8/2026 của Tỉnh ủy")
    found, _ = find_references(view.text, source_file="t.txt", view=view)
    assert [(r.symbol, r.doc_type) for r in found] == [("104-CTr/Tu", "Chương trình")]


def test_numbered_items_that_name_their_organ() -> None:
    text = """ỦY BAN NHÂN DÂN             CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH YÊN BÁI
Số: 77/UBND-KT               Yên Bái, ngày 02 tháng 3 năm 2026
V/v triển khai Chỉ thị số 05/CT-TTg

Thực hiện Chỉ thị số 05/CT-TTg của Thủ tướng Chính phủ, Chủ tịch Ủy ban nhân dân tỉnh chỉ đạo như sau:
1. Các Sở, ban, ngành thuộc tỉnh, Công an tỉnh tổ chức nghiên cứu, cụ thể hóa các nhiệm vụ được giao.
2. Giao Sở Tài chính chủ trì, phối hợp với Sở Nội vụ xây dựng dự thảo kế hoạch, hoàn thành trước ngày 05/10.
3. Thanh tra tỉnh
- Chủ trì, phối hợp với các sở, ngành thanh tra việc thực hiện chỉ thị trên địa bàn.
- Theo dõi, đôn đốc việc thực hiện các kết luận thanh tra.
"""
    doc = extract_text(text, "cv.txt").documents[0]
    roles = {(a.organ.name, a.role.value) for t in doc.tasks for a in t.assignments}
    assert ("Các Sở, ban, ngành thuộc tỉnh", "perform") in roles
    assert ("Công an tỉnh Yên Bái", "perform") in roles
    assert ("Sở Tài chính tỉnh Yên Bái", "lead") in roles
    assert ("Sở Nội vụ tỉnh Yên Bái", "coordinate") in roles
    assert ("Các sở, ngành", "coordinate") in roles
    assert ("Thanh tra tỉnh Yên Bái", "lead") in roles


def test_the_one_told_to_act_is_the_object_of_yeu_cau() -> None:
    from vanban.loaders.tasks import subject_of

    names, _, _ = subject_of("Thủ tướng Chính phủ yêu cầu các bộ, ngành, địa phương khẩn trương triển khai")
    assert names == ["Các bộ, ngành, địa phương"]
    names, _, _ = subject_of("Các huyện ủy căn cứ chức năng, nhiệm vụ được giao lãnh đạo thực hiện")
    assert names == ["Các huyện ủy"]


def test_execution_article_assigns_the_offices_organs() -> None:
    text = """ỦY BAN NHÂN DÂN             CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH HÀ GIANG
Số: 12/2025/QĐ-UBND          Hà Giang, ngày 02 tháng 3 năm 2025
QUYẾT ĐỊNH
Ban hành Quy chế phối hợp
Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025; theo đề nghị của Giám đốc Sở.
Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp quản lý trên địa bàn tỉnh Hà Giang.
Điều 2. Quyết định có hiệu lực kể từ ngày ký ban hành và thay thế các quy định trước đây.
Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc Sở Công Thương;
Thủ trưởng các sở, ban, ngành thuộc tỉnh chịu trách nhiệm thi hành Quyết định này./.
"""
    doc = extract_text(text, "qd.txt").documents[0]
    article = [t for t in doc.tasks if t.number == "Điều 3"]
    assert [a.organ.name for a in article[0].assignments] == [
        "Văn phòng Ủy ban nhân dân tỉnh Hà Giang", "Sở Công Thương tỉnh Hà Giang", "Các sở, ban, ngành thuộc tỉnh"]


DISTRICT = """ĐẢNG BỘ TỈNH CAO BẰNG              ĐẢNG CỘNG SẢN VIỆT NAM
HUYỆN ỦY HÒA AN
*
Số 31-KH/HU                      Hòa An, ngày 10 tháng 6 năm 2024
KẾ HOẠCH
thực hiện Kế hoạch số 100-KH/TU của Ban Thường vụ Tỉnh ủy

Thực hiện Kế hoạch số 100-KH/TU, ngày 02/5/2024 của Ban Thường vụ Tỉnh ủy về thực hiện Nghị quyết Đại hội Đảng bộ xã lần thứ XXI, Ban Thường vụ Huyện ủy ban hành kế hoạch như sau:
1. Quán triệt Kế hoạch số 100-KH/TU đến toàn thể cán bộ, đảng viên trong Đảng bộ huyện.
"""


def test_a_district_document_knows_its_province() -> None:
    doc = extract_text(DISTRICT, "hu.txt").documents[0]
    assert (doc.symbol, doc.issuer.name, doc.scope) == ("31-KH/HU", "Huyện ủy Hòa An", "hoa an")
    plans = [r for r in doc.references if r.symbol == "100-KH/TU"]
    assert len(plans) == 3 and {r.scope for r in plans} == {"cao bang"}
    assert plans[1].issuer.name == "Tỉnh ủy Cao Bằng"
    assert any(r.title and "xã" in r.title for r in doc.references)


@pytest.mark.parametrize("number_line", ["Số: 12/KH-UBND", "Số: 12/ KH-UBND", "Số: 12 /KH-UBND", "Số: 12/KH- UBND",
                                         "Số: 12/KH -UBND", "Số: 12/KH - UBND", "Số: 12/KH-UBND."])
def test_a_header_number_printed_with_spaces_inside(number_line: str) -> None:
    text = (f"ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\n{number_line}\nLào Cai, ngày 5 tháng 3 năm 2025\nKẾ HOẠCH\n"
            "Triển khai thực hiện Nghị quyết số 57-NQ/TW\n1. Sở Tài chính chủ trì thực hiện.\n")
    assert extract_text(text, "kh.txt").documents[0].symbol == "12/KH-UBND"


@pytest.mark.parametrize("number_line, symbol, doc_type", [
    ("| Luật số: 140/2025/QH15", "140/2025/QH15", "Luật"),
    ("Nghị quyết số: 17/2022/UBTVQH15", "17/2022/UBTVQH15", "Nghị quyết"),
    ("| Pháp lệnh số: 09/2025/UBTVQH15\n|", "09/2025/UBTVQH15", "Pháp lệnh"),
])
def test_number_line_that_opens_with_the_type_in_lower_case(number_line: str, symbol: str, doc_type: str) -> None:
    """Laws, ordinances and resolutions of the National Assembly write "<type> số: …"."""
    text = (f"| QUỐC HỘI\n|\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n|\n| Độc lập - Tự do - Hạnh phúc\n\n{number_line}\n\n"
            f"{doc_type.upper()}\n\nVỀ VIỆC SỬA ĐỔI MỘT SỐ ĐIỀU\n\nCăn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa "
            "Việt Nam;\n\nĐiều 1. Sửa đổi khoản 2 Điều 5 như sau.\n")
    doc = extract_text(text, "law.txt").documents[0]
    assert (doc.symbol, doc.doc_type) == (symbol, doc_type)


def test_gazette_running_heads_are_page_furniture() -> None:
    """A Công báo page opens with the gazette's issue and date: not a number, not a citation."""
    text = ("CÔNG BÁO/Số 287 + 288/Ngày 08-4-2022\n3\n\nỦY BAN THƯỜNG VỤ QUỐC HỘI\n\nNghị quyết số: 17/2022/UBTVQH15\n"
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nNGHỊ QUYẾT\nVề số giờ làm thêm\n\n"
            "Căn cứ Bộ luật Lao động số 45/2019/QH14;\n\nĐiều 1. Số giờ làm thêm trong 01 năm\n"
            "CÔNG BÁO/Số 287 + 288/Ngày 08-4-2022\n4\nĐiều 2. Hiệu lực thi hành\n")
    doc = extract_text(text, "gazette.txt").documents[0]
    assert doc.symbol == "17/2022/UBTVQH15"
    assert [r.symbol for r in doc.references] == ["45/2019/QH14"]


def test_forms_after_an_appendix_heading_belong_to_the_document() -> None:
    """A form opens with its heading, then blank fields, then its own type line far below."""
    filler = "".join(f"({n}) Họ và tên người được giải thích:…………………………………………\n" for n in range(1, 9))
    text = ("BỘ TƯ PHÁP\nSố: 29/2025/TTLT-BTP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Hà Nội, ngày 31 tháng 12 năm 2025\nTHÔNG TƯ LIÊN TỊCH\nSửa đổi một số điều về trợ giúp pháp lý\n"
            "Căn cứ Luật Trợ giúp pháp lý số 11/2017/QH14;\n"
            "Điều 1. Thay thế các Mẫu số 01, 02 bằng các Mẫu số 01, 02 ban hành kèm theo Thông tư liên tịch này.\n"
            "Điều 2. Thông tư liên tịch này có hiệu lực từ ngày 01 tháng 3 năm 2026.\n"
            "Mẫu số 03. (Ban hành kèm theo Thông tư liên tịch số 29/2025/TTLT-BTP)\n" + filler +
            "THÔNG BÁO VỀ TRỢ GIÚP PHÁP LÝ\nKính gửi: (4)…………………………………………\n"
            "Cơ quan tiến hành tố tụng thông báo để Trung tâm biết và thực hiện trợ giúp pháp lý theo quy định.\n")
    documents = extract_text(text, "ttlt.txt").documents
    assert [d.symbol for d in documents] == ["29/2025/TTLT-BTP"]


@pytest.mark.parametrize("between", ["(Đã ký)", "[", "(đã ký và đóng dấu)"])
def test_unmarked_signature_keeps_its_title_across_a_signed_mark(between: str) -> None:
    lines = ["Luật này được Quốc hội thông qua ngày 10 tháng 12 năm 2025.", "|", "CHỦ TỊCH QUỐC HỘI", between,
             "Trần Thanh Mẫn"]
    assert [(b.capacity, b.title, b.person) for b in find_signatures(lines)] == [
        (None, "CHỦ TỊCH QUỐC HỘI", "Trần Thanh Mẫn")]


@pytest.mark.parametrize(("item", "capacity", "title"), [
    ("- Các huyện ủy, thành ủy, đảng ủy trực thuộc, các ban đảng tỉnh,PHÓ BÍ THƯ", "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"),
    ("- Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương, TỔNG BÍ THƯ", "T/M BỘ CHÍNH TRỊ", "TỔNG BÍ THƯ"),
    ("- Các sở, ban, ngành;CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
])
def test_a_title_run_into_a_long_recipient_item_is_the_title(item: str, capacity: str, title: str) -> None:
    """A flattened two-column footer leaves no gap between a long left item and the title."""
    lines = [f"Nơi nhận:                                     {capacity}", item,
             "- Lưu Văn phòng.", "", "                                              Hoàng Quang Thắng"]
    assert [(b.capacity, b.title, b.person) for b in find_signatures(lines)] == [
        (capacity, title, "Hoàng Quang Thắng")]


@pytest.mark.parametrize("item", ["- Lưu: VT, UBND", "- Các đồng chí Ủy viên BCH, BÍ THƯ CHI BỘ cơ sở",
                                  "- Như trên,Văn phòng"])
def test_capitals_ending_a_recipient_item_are_no_title_unless_a_title_word(item: str) -> None:
    lines = ["Nơi nhận:                                     T/M BAN THƯỜNG VỤ", item, "- Lưu Văn phòng.", "",
             "                                              Hoàng Quang Thắng"]
    assert [(b.capacity, b.title) for b in find_signatures(lines)] == [("T/M BAN THƯỜNG VỤ", None)]


@pytest.mark.parametrize(("line", "is_name"), [
    ("Đặng Tuấn Quân", True), ("ĐẶNG THỊ HÀ", True), ("Lưu Quang Huy", True),
    ("Đảng ủy Khối", False), ("LƯU VT", False), ("Nơi nhận", False), ("Văn phòng Tỉnh ủy", False),
])
def test_family_names_that_fold_like_other_words(line: str, is_name: bool) -> None:
    """"Đặng" folds like "Đảng" and "Lưu" opens the filing line: only the tones tell."""
    assert is_person_name(line) is is_name


def test_date_of_the_place_line_not_of_a_wrapped_subject() -> None:
    """A subject printed above the motto can hold "…, ngày 17 tháng 2 năm 2022" of what it cites."""
    text = ("HUYỆN ỦY QUẾ VÕ\n*\nSố 162-CV/HU\nVề việc thực hiện Hướng dẫn 68-HD/TU, ngày 17\ntháng 2 năm 2022 của Ban "
            "Thường vụ Tỉnh ủy\n\nĐẢNG CỘNG SẢN VIỆT NAM\nQuế Võ, ngày 03 tháng 4 năm 2022\n\nKính gửi: Các chi bộ.\n"
            "Thực hiện Hướng dẫn số 68-HD/TU của Ban Thường vụ Tỉnh ủy, Ban Thường vụ Huyện ủy đề nghị các chi bộ "
            "triển khai thực hiện nghiêm túc.\n")
    doc = extract_text(text, "cv.txt").documents[0]
    assert (doc.symbol, doc.date, doc.place) == ("162-CV/HU", "2022-04-03", "Quế Võ")


_PLAN = ("ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 12/KH-UBND\nLào Cai, ngày 5 tháng 3 năm 2025\nKẾ HOẠCH\n"
         "Triển khai thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị\n"
         "Thực hiện Kế hoạch số 45-KH/TU ngày 12/01/2025 của Ban Thường vụ Tỉnh ủy, Ủy ban nhân dân tỉnh ban hành "
         "Kế hoạch như sau:\n1. Sở Khoa học và Công nghệ chủ trì tham mưu thực hiện.\nNơi nhận:\n- Các sở, ban, ngành;\n"
         "- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Thành Sinh\n")


@pytest.mark.parametrize("written", [
    ("KẾ HOẠCH\nTriển khai", "KẾ HOẠCH Triển khai"),  # the subject run onto the type word's line
    ("Lào Cai, ngày 5 tháng 3 năm 2025\nKẾ HOẠCH\nTriển khai", "Lào Cai, ngày 05/3/2025\nKẾ HOẠCH Triển khai"),
    ("PHÓ CHỦ TỊCH\nNguyễn", "PHÓ CHỦ TỊCH Nguyễn"),  # the title and the name on one line
    ("PHÓ CHỦ TỊCH\nNguyễn", "PHÓ CHỦ TỊCH    Nguyễn"),
])
def test_a_plan_written_with_its_lines_run_together_gives_the_same_facts(written: tuple[str, str]) -> None:
    def facts(text: str) -> tuple:
        doc = extract_text(text, "kh.txt").documents[0]
        return (doc.symbol, doc.doc_type, doc.date, doc.subject, [(r.symbol, r.relation.value) for r in doc.references],
                [(s.capacity, s.title, s.person) for s in doc.signatures])
    assert facts(_PLAN.replace(*written)) == facts(_PLAN)
    assert facts(_PLAN)[3:] == ("Triển khai thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị",
                                [("57-NQ/TW", "IMPLEMENTS"), ("45-KH/TU", "IMPLEMENTS")],
                                [("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Thành Sinh")])


@pytest.mark.parametrize(("footer", "signature"), [
    ("Nơi nhận: - Bộ Tài chính; - Lưu: VT, KTTH (2b). KT. BỘ TRƯỞNG, CHỦ NHIỆM PHÓ CHỦ NHIỆM Mai Thị Thu Vân",
     ("KT. BỘ TRƯỞNG, CHỦ NHIỆM", "PHÓ CHỦ NHIỆM", "Mai Thị Thu Vân")),
    ("Nơi nhận:\n- Bộ Tài chính;\n- Lưu: VT. CHỦ TỊCH Nguyễn Quốc Chung", (None, "CHỦ TỊCH", "Nguyễn Quốc Chung")),
    ("Nơi nhận:\n- Bộ Tài chính;\n- Lưu: VT.\nKT. BỘ TRƯỞNG, CHỦ NHIỆM\nPHÓ CHỦ NHIỆM\nMai Thị Thu Vân",
     ("KT. BỘ TRƯỞNG, CHỦ NHIỆM", "PHÓ CHỦ NHIỆM", "Mai Thị Thu Vân")),
])
def test_a_footer_run_into_one_line_signs_and_sends_as_written_on_lines(footer: str, signature: tuple) -> None:
    text = ("VĂN PHÒNG CHÍNH PHỦ\nSố: 640/TB-VPCP\nHà Nội, ngày 25 tháng 11 năm 2025\nTHÔNG BÁO\n"
            "Kết luận của Phó Thủ tướng Chính phủ\n1. Bộ Tài chính khẩn trương hoàn thiện dự thảo Nghị định.\n" + footer)
    doc = extract_text(text, "tb.txt").documents[0]
    assert [(s.capacity, s.title, s.person) for s in doc.signatures] == [signature]
    assert [r.organ.name for r in doc.recipients] == ["Bộ Tài chính"]


@pytest.mark.parametrize("header", [
    "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN ------- CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc "
    "--------------- Số: 3783/QĐ-UBND Nghệ An, ngày 20 tháng 11 năm 2025",
    "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN -------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc "
    "---------------\nSố: 3783/QĐ-UBND Nghệ An, ngày 20 tháng 11 năm 2025",
])
def test_a_header_a_crawler_ran_into_one_line_is_read(header: str) -> None:
    text = (header + "\nQUYẾT ĐỊNH\nVề việc ban hành Kế hoạch thực hiện Chỉ thị số 20/CT-TTg\n"
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\nQUYẾT ĐỊNH:\n"
            "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện Chỉ thị số 20/CT-TTg.\n")
    doc = extract_text(text, "qd.txt").documents[0]
    assert (doc.symbol, doc.doc_type, doc.date, doc.issuer.name) == (
        "3783/QĐ-UBND", "Quyết định", "2025-11-20", "Ủy ban nhân dân tỉnh Nghệ An")


_TW_SUBJECT = "về tiếp tục thực hiện Nghị quyết số 19-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương Đảng khóa XII"


@pytest.mark.parametrize(("written", "read"), [
    (_TW_SUBJECT, _TW_SUBJECT),
    (_TW_SUBJECT.replace(" XII", "\nXII"), _TW_SUBJECT),  # a term cut from its number, no blank lines
    (_TW_SUBJECT.upper(), _TW_SUBJECT.upper()),  # in capitals under the authority's line
])
def test_a_conclusion_s_subject_neither_issues_nor_runs_into_the_text(written: str, read: str) -> None:
    text = ("BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố 210-KL/TW\nĐẢNG CỘNG SẢN VIỆT NAM\nHà Nội, ngày 14 tháng 11 năm 2025\n"
            f"KẾT LUẬN\nCỦA BỘ CHÍNH TRỊ\n{written}\nTại phiên họp ngày 10/11/2025, Bộ Chính trị kết luận như sau:\n"
            "1. Ban Tổ chức Trung ương chủ trì theo dõi việc thực hiện Kết luận này.\n")
    doc = extract_text(text, "kl.txt").documents[0]
    assert (doc.issuer.name, doc.subject) == ("Bộ Chính trị", read)
    assert [(r.symbol, r.relation.value) for r in doc.references] == [("19-NQ/TW", "IMPLEMENTS")]
