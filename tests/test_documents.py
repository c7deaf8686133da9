"""Splitting files into documents; headers, signatures, recipients, organs, tasks (short texts)."""

from __future__ import annotations

import pytest

from vanban.errors import LoadError
from vanban.graph.model import DocumentFacts
from vanban.loaders.extract import extract_text
from vanban.loaders.organ_names import titlecase_organ
from vanban.loaders.organs import OrganScope, resolve_organ
from vanban.loaders.recipients import kinh_gui_items, noi_nhan_items
from vanban.loaders.reports import find_reports
from vanban.loaders.signatures import find_signatures, is_person_name
from vanban.loaders.symbols import SYMBOL, parse_date, type_from_symbol
from vanban.loaders.tasks import split_organ_list, subject_of

PARTY_HEADER = """TỈNH ỦY BẮC KẠN
*
Số 88-KH/TU

ĐẢNG CỘNG SẢN VIỆT NAM
Bắc Kạn, ngày 02 tháng 3 năm 2024

KẾ HOẠCH
thực hiện Chỉ thị số 05-CT/TW, ngày 15/5/2016 của Bộ Chính trị

Thực hiện Chỉ thị số 05-CT/TW, ngày 15/5/2016 của Bộ Chính trị, Ban Thường vụ Tỉnh ủy ban hành
Kế hoạch triển khai thực hiện với các nội dung như sau:

1. Quán triệt sâu rộng nội dung Chỉ thị đến cán bộ, đảng viên trong toàn Đảng bộ tỉnh.

2. Tổ chức thực hiện

- Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với Ban Tổ chức Tỉnh ủy hướng dẫn, theo dõi, định kỳ
báo cáo kết quả thực hiện với Ban Thường vụ Tỉnh ủy (qua Văn phòng Tỉnh ủy).

Nơi nhận:
- Ban Tuyên giáo Trung ương (b/c),
- Các huyện ủy, thành ủy,
- Lưu Văn phòng Tỉnh ủy.

T/M BAN THƯỜNG VỤ
BÍ THƯ

Hoàng Duy Chinh
"""


def test_party_document_end_to_end() -> None:
    doc = extract_text(PARTY_HEADER, "kh.txt").documents[0]
    assert (doc.symbol, doc.doc_type, doc.date, doc.place) == ("88-KH/TU", "Kế hoạch", "2024-03-02", "Bắc Kạn")
    assert doc.issuer.name == "Tỉnh ủy Bắc Kạn"
    assert doc.scope == "bac kan"
    assert [(r.symbol, r.relation.value) for r in doc.references][:1] == [("05-CT/TW", "IMPLEMENTS")]
    assert [(s.capacity, s.title, s.person) for s in doc.signatures] == [
        ("T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Hoàng Duy Chinh")]
    addressed = {(r.organ.name, r.purpose) for r in doc.recipients}
    assert ("Ban Tuyên giáo Trung ương", "b/c") in addressed
    assert ("Văn phòng Tỉnh ủy Bắc Kạn", "lưu") in addressed
    roles = {(a.organ.name, a.role.value) for t in doc.tasks for a in t.assignments}
    assert ("Ban Tuyên giáo Tỉnh ủy Bắc Kạn", "lead") in roles
    assert ("Ban Tổ chức Tỉnh ủy Bắc Kạn", "coordinate") in roles
    assert [(r.reporter.name, r.recipient.name, r.via.name) for r in doc.reports] == [
        ("Ban Tuyên giáo Tỉnh ủy Bắc Kạn", "Ban Thường vụ Tỉnh ủy Bắc Kạn", "Văn phòng Tỉnh ủy Bắc Kạn")]


def test_every_fact_has_evidence_inside_the_file() -> None:
    doc = extract_text(PARTY_HEADER, "kh.txt").documents[0]
    evidences = [r.evidence for r in doc.references] + [s.evidence for s in doc.signatures]
    evidences += [r.evidence for r in doc.recipients] + [r.evidence for r in doc.reports]
    evidences += [a.evidence for t in doc.tasks for a in t.assignments]
    assert evidences
    for ev in evidences:
        assert ev.source_file == "kh.txt" and ev.rule and ev.sentence
        assert 0 <= ev.span[0] < ev.span[1] <= len(PARTY_HEADER)


STATE_DISPATCH = """ỦY BAN NHÂN DÂN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH LÀO CAI                     Độc lập - Tự do - Hạnh phúc
Số: 5973 /UBND-KT              Lào Cai, ngày 11 tháng 6 năm 2026
V/v triển khai thực hiện Nghị quyết
số 10-NQ/TW của Bộ Chính trị

Kính gửi: Sở Nông nghiệp và Môi trường tỉnh.

Thực hiện Nghị quyết số 10-NQ/TW ngày 10/02/2022 của Bộ Chính trị, Ủy ban nhân dân tỉnh yêu cầu
các sở, ngành thực hiện tốt các nội dung sau đây.

Nơi nhận:                                   KT. CHỦ TỊCH
- Như trên;                                 PHÓ CHỦ TỊCH
- Bộ Nông nghiệp và Môi trường (để báo cáo);
- Lưu: VT, KT.
                                            Nguyễn Thành Sinh
"""


@pytest.mark.parametrize("subject", ["V/v trả lời kiến nghị", "v/v trả lời kiến nghị", "V/V TRẢ LỜI KIẾN NGHỊ"])
def test_a_dispatch_whose_code_reads_like_a_type_is_a_cong_van(subject: str) -> None:
    """In "5387/CT-CS" CT is the issuer (Cục Thuế), not Chỉ thị: the subject under the number, in
    any case, makes the document a Công văn."""
    text = (f"CỤC THUẾ\nSố: 5387/CT-CS      Hà Nội, ngày 20 tháng 11 năm 2025\n{subject}\n\n"
            "Kính gửi: Độc giả Hoàng Văn Trung\nCục Thuế nhận được đơn kiến nghị của độc giả và có ý kiến.\n")
    doc = extract_text(text, "cv.txt").documents[0]
    assert (doc.symbol, doc.doc_type, doc.subject) == ("5387/CT-CS", "Công văn", subject)


def test_two_column_state_dispatch() -> None:
    doc = extract_text(STATE_DISPATCH, "cv.txt").documents[0]
    assert doc.symbol == "5973/UBND-KT"
    assert doc.doc_type == "Công văn"
    assert doc.date == "2026-06-11"
    assert doc.issuer.name == "Ủy ban nhân dân tỉnh Lào Cai"
    assert ("10-NQ/TW", "IMPLEMENTS") in [(r.symbol, r.relation.value) for r in doc.references]
    assert [(s.capacity, s.title, s.person) for s in doc.signatures] == [
        ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Thành Sinh")]
    assert ("Bộ Nông nghiệp và Môi trường", "b/c") in {(r.organ.name, r.purpose) for r in doc.recipients}


def test_appended_text_and_copy_block_are_separate_documents() -> None:
    text = """KẾT LUẬN
CỦA BAN THƯỜNG VỤ TỈNH ỦY HÀ GIANG
về thực hiện Kết luận số 54-KL/TW, ngày 09/5/2023 của Ban Bí thư về tiếp tục thực hiện Quyết định số 99-QĐ/TW

Để triển khai thực hiện Kết luận số 54-KL/TW, ngày 09/5/2023 của Ban Bí thư về tiếp tục thực hiện Quyết định số 99-QĐ/TW, Ban Thường vụ yêu cầu như sau.
Nội dung thứ hai của văn bản, đủ dài để được coi là phần thân của văn bản này.

T/M BAN THƯỜNG VỤ
BÍ THƯ
Nguyễn Văn Sơn

KẾT LUẬN CỦA BAN BÍ THƯ
về tiếp tục thực hiện Quyết định số 99-QĐ/TW, ngày 03/10/2017 của Ban Bí thư về phát huy vai trò

Qua 5 năm thực hiện Quyết định số 99-QĐ/TW của Ban Bí thư, kết quả tích cực trên nhiều mặt công tác.
Nội dung thứ hai của văn bản được nhắc lại, đủ dài để được coi là phần thân của văn bản.

VĂN PHÒNG TỈNH ỦY
*
Số 12-BS/VPTU
SAO LỤC
Hà Giang, ngày 20 tháng 5 năm 2023
K/T CHÁNH VĂN PHÒNG
PHÓ CHÁNH VĂN PHÒNG
Lê Thị Hoa
"""
    docs = extract_text(text, "f.txt").documents
    assert [d.doc_type for d in docs] == ["Kết luận", "Kết luận", "Sao lục"]
    assert docs[1].same_as is not None and docs[1].same_as.symbol == "54-KL/TW"
    assert docs[2].symbol == "12-BS/VPTU" and docs[2].date == "2023-05-20"
    assert docs[2].copies.symbol == "54-KL/TW"  # the copied text is the repeated 54-KL/TW
    assert docs[2].signatures[0].person == "Lê Thị Hoa"


def test_headerless_plan_takes_its_issuer_from_the_body() -> None:
    text = ("KẾ HOẠCH\nThực hiện Kết luận số 54-KL/TW của Ban Bí thư\n-----\n"
            "Thực hiện Kế hoạch số 223-KH/TU của Ban Thường vụ Tỉnh ủy; Ban Thường vụ Đảng ủy Khối "
            "các cơ quan tỉnh ban hành Kế hoạch thực hiện như sau:\n1. Quán triệt nội dung đến cán bộ.")
    doc = extract_text(text, "p.txt").documents[0]
    assert doc.symbol is None and doc.date is None
    assert doc.issuer.name == "Đảng ủy Khối các cơ quan tỉnh"


@pytest.mark.parametrize("raw", ["", "   \n  ", "chỉ là một dòng chữ không có gì"])
def test_text_with_no_document_is_an_error(raw: str) -> None:
    with pytest.raises(LoadError) as error:
        extract_text(raw, "bad.txt")
    assert str(error.value).startswith("bad.txt: ")


@pytest.mark.parametrize(
    ("text", "symbols"),
    [
        ("số 54-KL/TW và 01-QĐi/ĐUK", ["54-KL/TW", "01-QĐi/ĐUK"]),
        ("Nghị định 59/2023/NĐ-CP, Thông tư 29/2025/TTLT-BTP-BCA", ["59/2023/NĐ-CP", "29/2025/TTLT-BTP-BCA"]),
        ("Nghị quyết 66.15/2026/NQ-CP", ["66.15/2026/NQ-CP"]),
        ("ngày 12/12/2013, 03/10/2017", []),
        # a joint plan of a party body and a state one: both issuers' codes
        ("Kế hoạch liên tịch số 15-KHLT/BTGTU-STTTT và 03-HDLT/BTCTW-BNV", ["15-KHLT/BTGTU-STTTT",
                                                                          "03-HDLT/BTCTW-BNV"]),
        ("số 54-KL/TW-, số 54-KL/TW - ngày", ["54-KL/TW", "54-KL/TW"]),
    ],
)
def test_symbol_shapes(text: str, symbols: list[str]) -> None:
    assert [m.group() for m in SYMBOL.finditer(text)] == symbols


def test_symbol_type_codes_and_dates() -> None:
    assert type_from_symbol("124-QĐ/TW") == "Quyết định"  # the words decide; the code is a fallback
    assert type_from_symbol("06-QC/TU") == "Quy chế"
    assert type_from_symbol("13/2026/TT-BQP") == "Thông tư"
    assert parse_date("ngày 31/02/2020") is None
    assert parse_date("ngày 5 tháng 6 năm 2021") == "2021-06-05"


@pytest.mark.parametrize(
    ("mention", "issuer", "expected"),
    [
        ("Ban Dân vận Tỉnh ủy", "Tỉnh ủy Lạng Sơn", "Ban Dân vận Tỉnh ủy Lạng Sơn"),
        ("Ban Thường vụ Tỉnh uỷ", "Tỉnh ủy Lạng Sơn", "Ban Thường vụ Tỉnh ủy Lạng Sơn"),
        ("Mặt trận Tổ quốc tỉnh", "Tỉnh ủy Lạng Sơn", "Mặt trận Tổ quốc tỉnh Lạng Sơn"),
        ("UBND tỉnh", "Tỉnh ủy Lạng Sơn", "Ủy ban nhân dân tỉnh Lạng Sơn"),
        ("Ban Tuyên giáo Đảng ủy Khối", "Đảng ủy Khối Doanh nghiệp Trung ương",
         "Ban Tuyên giáo Đảng ủy Khối Doanh nghiệp Trung ương"),
        ("Ban Dân vận TW", None, "Ban Dân vận Trung ương"),
        ("Ban Bí thư Trung ương Đảng", None, "Ban Bí thư"),
        ("Văn phòng Tỉnh ủy", "Ủy ban nhân dân tỉnh Lào Cai", "Văn phòng Tỉnh ủy Lào Cai"),
        # a commune's party committee: the bodies of its commune named by the level alone
        ("Ủy ban nhân dân xã", "Đảng ủy xã Bảo Thắng", "Ủy ban nhân dân xã Bảo Thắng"),
        ("Ban Thường vụ Đảng ủy xã", "Đảng ủy xã Bảo Thắng", "Ban Thường vụ Đảng ủy xã Bảo Thắng"),
        ("Ủy ban Mặt trận Tổ quốc Việt Nam phường", "Đảng ủy phường Tân Định",
         "Ủy ban Mặt trận Tổ quốc Việt Nam phường Tân Định"),
    ],
)
def test_relative_organ_names_resolve_in_scope(mention: str, issuer: str | None, expected: str) -> None:
    scope = OrganScope.of(resolve_organ(issuer)) if issuer else None
    assert resolve_organ(mention, scope).name == expected


def test_collective_groups_are_not_single_organs() -> None:
    lang_son = OrganScope.of(resolve_organ("Tỉnh ủy Lạng Sơn"))
    group = resolve_organ("Các tinh uỷ, thành uỷ", lang_son)
    assert group.collective and group.name == "Các tỉnh ủy, thành ủy"
    other = resolve_organ("Các tỉnh ủy, thành ủy", OrganScope.of(resolve_organ("Tỉnh ủy Cao Bằng")))
    assert other.key != group.key  # a group is scoped to the issuer's locality


def test_part_of_comes_from_the_name() -> None:
    organ = resolve_organ("Ban Tuyên giáo Tỉnh ủy Yên Bái")
    assert organ.parent.name == "Tỉnh ủy Yên Bái"
    assert resolve_organ("Ban Dân vận Trung ương").parent.name == "Ban Chấp hành Trung ương"


@pytest.mark.parametrize(
    ("heading", "expected"),
    [("QUẬN ỦY BA ĐÌNH", "Quận ủy Ba Đình"), ("VĂN PHÒNG QUẬN ỦY BA ĐÌNH", "Văn phòng Quận ủy Ba Đình"),
     ("BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "Bộ Văn hóa, Thể thao và Du lịch"),
     ("BAN CHẤP HÀNH TRUNG ƯƠNG", "Ban Chấp hành Trung ương"),
     # a committee's unit, then the committee (its level is no place's first word)
     ("BAN TỔ CHỨC TỈNH ỦY BẮC GIANG", "Ban Tổ chức Tỉnh ủy Bắc Giang"),
     ("BAN TỔ CHỨC HUYỆN ỦY NAM ĐÀN", "Ban Tổ chức Huyện ủy Nam Đàn"),
     ("BAN KINH TẾ - NGÂN SÁCH HỘI ĐỒNG NHÂN DÂN TỈNH", "Ban Kinh tế - Ngân sách Hội đồng nhân dân tỉnh"),
     # a committee of the bodies it serves: their names as written, not each word capitalised
     ("ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TỈNH", "Đảng ủy Các cơ quan Đảng tỉnh"),
     ("ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", "Đảng ủy Khối các cơ quan tỉnh"),
     ("ĐẢNG ỦY CÔNG AN TỈNH HÀ TĨNH", "Đảng ủy Công an tỉnh Hà Tĩnh"),
     ("ĐẢNG ỦY CƠ QUAN BỘ TÀI CHÍNH", "Đảng ủy Cơ quan Bộ Tài chính"),
     ("ĐẢNG ỦY XÃ TÂN LẬP", "Đảng ủy xã Tân Lập"),
     # the Front and the unions: committees of a place too
     ("BAN THƯỜNG TRỰC ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM TỈNH BẮC NINH",
      "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Bắc Ninh"),
     ("LIÊN ĐOÀN LAO ĐỘNG TỈNH BẮC NINH", "Liên đoàn Lao động tỉnh Bắc Ninh"),
     # a department's domain as the ministry of that domain writes it
     ("SỞ CÔNG THƯƠNG TỈNH LÀO CAI", "Sở Công Thương tỉnh Lào Cai")],
)
def test_titlecase_headings(heading: str, expected: str) -> None:
    assert titlecase_organ(heading) == expected


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC", "", "Hoàng Văn Nghiệm"],
         [("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC", "Hoàng Văn Nghiệm")]),
        (["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "(Đã ký)", "Trịnh Xuân Trường"],
         [("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trịnh Xuân Trường")]),
        (["T/M BAN CHẤP HÀNH TRUNG ƯƠNG", "TỔNG BÍ THƯ", "Đã ký: Nguyễn Phú Trọng"],
         [("T/M BAN CHẤP HÀNH TRUNG ƯƠNG", "TỔNG BÍ THƯ", "Nguyễn Phú Trọng")]),
        (["- Lưu Văn phòng.", "", "Trương Thị Mai"], [(None, None, "Trương Thị Mai")]),
        # an organ in capitals whose last words read like a name ("Đồng" is a family name)
        (["TM. HỘI ĐỒNG NHÂN DÂN", "CHỦ TỊCH", "(Đã ký)", "Hoàng Văn Nam"],
         [("TM. HỘI ĐỒNG NHÂN DÂN", "CHỦ TỊCH", "Hoàng Văn Nam")]),
        (["TM. HỘI ĐỒNG NHÂN DÂN TỈNH", "CHỦ TỊCH", "Hoàng Văn Nam"],
         [("TM. HỘI ĐỒNG NHÂN DÂN TỈNH", "CHỦ TỊCH", "Hoàng Văn Nam")]),
        # a whole block on one line, the name in capitals after the title
        (["KT. BỘ TRƯỞNG THỨ TRƯỞNG ĐỖ HOÀNG ANH TUẤN"], [("KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Đỗ Hoàng Anh Tuấn")]),
        # a title and the name on one line, alone or run by a crawler into the last Nơi nhận item
        (["- Lưu: VT, NN.", "CHỦ TỊCH Võ Văn Hưng"], [(None, "CHỦ TỊCH", "Võ Văn Hưng")]),
        (["Nơi nhận:", "- Như trên;", "- Lưu: VT, NN. CHỦ TỊCH Võ Văn Hưng"], [(None, "CHỦ TỊCH", "Võ Văn Hưng")]),
        (["- Lưu: VT, KTTH (3b). Hương BỘ TRƯỞNG, CHỦ NHIỆM Trần Văn Sơn"],
         [(None, "BỘ TRƯỞNG, CHỦ NHIỆM", "Trần Văn Sơn")]),
        (["- Lưu: VT, TH. KT. CHỦ TỊCH PHÓ CHỦ TỊCH Lê Văn Hòa"], [("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Văn Hòa")]),
        (["- Lưu: VT, Phòng Tổng hợp.", "- UBND các huyện, thị xã Hoàng Mai"], []),
        # a deputy's title right after a capacity ending in "BAN" (no body "BAN PHÓ …")
        (["K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "", "Nguyễn Thị Lan"],
         [("K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Nguyễn Thị Lan")]),
        (["KT. TRƯỞNG BAN PHÓ TRƯỞNG BAN THƯỜNG TRỰC Lê Văn Hòa"],
         [("KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN THƯỜNG TRỰC", "Lê Văn Hòa")]),
    ],
)
def test_signature_blocks(lines: list[str], expected: list[tuple]) -> None:
    assert [(b.capacity, b.title, b.person) for b in find_signatures(lines)] == expected


@pytest.mark.parametrize("left", ["", "- Lưu VT.                    "])
def test_a_joint_document_signed_side_by_side_has_a_block_for_each_signer(left: str) -> None:
    """Two capacities on one line, their titles and names under them: one block per column, read
    from the right (a Nơi nhận item may stand on the left)."""
    lines = ["Nơi nhận:", f"{left}KT. GIÁM ĐỐC                       KT. TRƯỞNG BAN",
             f"{left}PHÓ GIÁM ĐỐC                       PHÓ TRƯỞNG BAN", "(Đã ký)",
             f"{left}Nguyễn Văn Hải                     Trần Thị Lan"]
    assert [(b.capacity, b.title, b.person) for b in find_signatures(lines)] == [
        ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn Hải"), ("KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Trần Thị Lan")]


@pytest.mark.parametrize("title", ["Chỉ thị 12/CT-UBND năm 2024", "Chỉ thị 12/CT-UBND",
                                   "Chỉ thị 12/CT-UBND năm 2024 tăng cường phòng, chống dịch bệnh trên gia súc"])
def test_a_crawled_title_before_the_issuer(title: str) -> None:
    text = (f"{title}. ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ --------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do "
            "- Hạnh phúc ---------------\nSố: 12/CT-UBND Quảng Trị, ngày 18 tháng 3 năm 2024\nCHỈ THỊ VỀ VIỆC TĂNG "
            "CƯỜNG CÔNG TÁC PHÒNG, CHỐNG DỊCH BỆNH\n1. Sở Tài chính bố trí kinh phí phòng, chống dịch.\n")
    doc = extract_text(text, "ct.txt").documents[0]
    assert (doc.symbol, doc.doc_type, doc.issuer.name) == ("12/CT-UBND", "Chỉ thị", "Ủy ban nhân dân tỉnh Quảng Trị")


def test_person_names() -> None:
    assert is_person_name("Nguyễn Thị Thu Thủy")
    assert not is_person_name("TỔNG BÍ THƯ")
    assert not is_person_name("Ban Dân vận Tỉnh ủy")


def test_kinh_gui_forms() -> None:
    inline = kinh_gui_items(["Kính gửi: Ủy ban nhân dân các huyện, thành phố."])
    listed = kinh_gui_items(["Kính gửi:", "- Các sở, ban, ngành tỉnh;", "- Ủy ban nhân dân các huyện."])
    assert [i.text for i in inline] == ["Ủy ban nhân dân các huyện, thành phố"]
    assert [i.text for i in listed] == ["Các sở, ban, ngành tỉnh", "Ủy ban nhân dân các huyện"]


def test_noi_nhan_purposes_and_filing() -> None:
    items = noi_nhan_items(["Nơi nhận:", "- Như Điều 3;", "- Thủ tướng Chính phủ (để báo cáo);",
                            "- Bộ Tài chính (để phối hợp);", "- Lưu: VT, KT."])
    assert [(i.text, i.purpose) for i in items] == [("Thủ tướng Chính phủ", "b/c"),
                                                    ("Bộ Tài chính", "p/h")]


@pytest.mark.parametrize(
    ("unit", "names", "role"),
    [
        ("Ban Dân vận Tỉnh ủy chủ trì, phối hợp với các cơ quan liên quan", ["Ban Dân vận Tỉnh ủy"], "lead"),
        ("Giao Sở Tài chính chủ trì tham mưu", ["Sở Tài chính"], "lead"),
        ("Đảng đoàn Quốc hội, Ban cán sự đảng Chính phủ lãnh đạo, chỉ đạo",
         ["Đảng đoàn Quốc hội", "Ban cán sự đảng Chính phủ"], "perform"),
        ("Các huyện ủy, thành ủy, các ban đảng và Mặt trận Tổ quốc tỉnh căn cứ chức năng",
         ["Các huyện ủy, thành ủy", "các ban đảng", "Mặt trận Tổ quốc tỉnh"], "perform"),
        ("Kết luận này được phổ biến đến chi bộ", [], "perform"),
        # headings and objects that open like a group of bodies, and "tổ chức" as a noun
        ("Các nhiệm vụ cần làm ngay trong năm 2026 thực hiện", [], "perform"),
        ("Các trường hợp khác: việc kiểm tra thực tế hàng hóa được thực hiện trên cơ sở", [], "perform"),
        ("Báo cáo Bộ Tài chính để trình cấp có thẩm quyền xem xét", [], "perform"),
        ("Báo Lào Cai chủ trì tuyên truyền", ["Báo Lào Cai"], "lead"),
        ("Các tổ chức chính trị - xã hội thực hiện giám sát", ["Các tổ chức chính trị - xã hội"], "perform"),
        ("Trường hợp đặc biệt do Bộ trưởng quyết định thực hiện", [], "perform"),
        ("Thanh tra, kiểm tra, giám sát các chương trình có sử dụng chuyên gia", [], "perform"),
        ("Thanh tra tỉnh chủ trì kiểm tra", ["Thanh tra tỉnh"], "lead"),
        ("Hội nghị hiệp thương lần thứ nhất được tổ chức chậm nhất 95 ngày", [], "perform"),
        ("Công an tỉnh xử lý nghiêm theo quy định pháp luật", ["Công an tỉnh"], "perform"),
        ("Ban quản lý Chương trình UN-REDD giai đoạn II: Được thành lập, có trách nhiệm thực hiện",
         ["Ban quản lý Chương trình UN-REDD giai đoạn II"], "perform"),
        ("Các Bộ: Công Thương, Xây dựng thực hiện", ["Bộ Công Thương", "Bộ Xây dựng"], "perform"),
    ],
)
def test_assignment_subjects(unit: str, names: list[str], role: str) -> None:
    found, found_role, _ = subject_of(unit)
    assert found == names
    if names:
        assert found_role.value == role


def test_organ_lists_keep_names_with_commas_and_va() -> None:
    assert split_organ_list("Bộ Văn hóa, Thể thao và Du lịch, Bộ Tài chính") == [
        "Bộ Văn hóa, Thể thao và Du lịch", "Bộ Tài chính"]


@pytest.mark.parametrize(
    ("text", "to", "via"),
    [
        ("định kỳ báo cáo kết quả thực hiện với Ban Bí thư (qua Ban Dân vận Trung ương).",
         "Ban Bí thư", "Ban Dân vận Trung ương"),
        ("định kỳ báo cáo Ban Thường vụ Tỉnh ủy.", "Ban Thường vụ Tỉnh ủy", None),
        ("báo cáo Thủ tướng Chính phủ trước ngày 15/12 hằng năm", "Thủ tướng Chính phủ", None),
        ("báo cáo về Ủy ban nhân dân tỉnh (qua Sở Nội vụ, Văn phòng UBND tỉnh)",
         "Ủy ban nhân dân tỉnh", "Sở Nội vụ"),
        # the one reported to ends before what is reported or decided
        ("kịp thời báo cáo Thủ tướng Chính phủ những vấn đề phát sinh vượt thẩm quyền",
         "Thủ tướng Chính phủ", None),
        ("báo cáo Ủy ban nhân dân tỉnh quyết định thành lập Hội đồng", "Ủy ban nhân dân tỉnh", None),
    ],
)
def test_reports_to_phrases(text: str, to: str, via: str | None) -> None:
    phrases = find_reports(text)
    assert [(p.to, p.via) for p in phrases] == [(to, via)]


def test_leading_markdown_comments_are_front_matter() -> None:
    text = "# CHƯƠNG TRÌNH SỐ 9-CTr/TU (ghi chú của người chuyển đổi)\n# nguồn: tệp PDF\n\n" + PARTY_HEADER
    doc = extract_text(text, "kh.txt").documents[0]
    assert (doc.symbol, doc.doc_type) == ("88-KH/TU", "Kế hoạch")


SUBJECT_HEADER = ("{organ}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 12/{code}\n"
                  "Hà Nội, ngày 02 tháng 3 năm 2026\n{type_block}\n\n{body}\n")


@pytest.mark.parametrize(("organ", "code", "type_block", "body", "subject"), [
    # a subject in capitals under the type word: the line after it opens the body
    ("THỦ TƯỚNG CHÍNH PHỦ", "CT-TTg", "CHỈ THỊ\nVỀ VIỆC CHẤN CHỈNH CÔNG TÁC QUẢN LÝ CÁC KHU KINH TẾ",
     "Trong thời gian qua, các khu kinh tế đã góp phần hiện đại hóa hệ thống kết cấu hạ tầng.",
     "VỀ VIỆC CHẤN CHỈNH CÔNG TÁC QUẢN LÝ CÁC KHU KINH TẾ"),
    # the issuing authority under the subject, before the grounds, is no part of it
    ("ỦY BAN NHÂN DÂN\nTỈNH CÀ MAU", "QĐ-UBND",
     "QUYẾT ĐỊNH\nCÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH",
     "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;", "CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH"),
    ("BỘ TÀI CHÍNH\nCỤC HẢI QUAN", "TB-CHQ", "THÔNG BÁO\nVỀ KẾT QUẢ XÁC ĐỊNH TRƯỚC MÃ SỐ\nCỤC TRƯỞNG CỤC HẢI QUAN",
     "Căn cứ Luật Hải quan ngày 23 tháng 6 năm 2014;", "VỀ KẾT QUẢ XÁC ĐỊNH TRƯỚC MÃ SỐ"),
    # … unless the subject goes into the issuer's name
    ("ỦY BAN NHÂN DÂN\nTỈNH CÀ MAU", "QĐ-UBND",
     "QUYẾT ĐỊNH\nBÃI BỎ QUYẾT ĐỊNH SỐ 14/2025/QĐ-UBND CỦA\nỦY BAN NHÂN DÂN TỈNH",
     "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;",
     "BÃI BỎ QUYẾT ĐỊNH SỐ 14/2025/QĐ-UBND CỦA ỦY BAN NHÂN DÂN TỈNH"),
    # a Thông báo's conclusion; a Party resolution's subject after its issuer, not its first section
    ("VĂN PHÒNG CHÍNH PHỦ", "TB-VPCP", "THÔNG BÁO\nKẾT LUẬN CỦA PHÓ THỦ TƯỚNG TẠI CUỘC HỌP VỀ ĐỀ ÁN",
     "Ngày 07 tháng 10 năm 2024, tại trụ sở Chính phủ, Phó Thủ tướng chủ trì cuộc họp.",
     "KẾT LUẬN CỦA PHÓ THỦ TƯỚNG TẠI CUỘC HỌP VỀ ĐỀ ÁN"),
    ("BAN CHẤP HÀNH TRUNG ƯƠNG", "NQ/TW", "NGHỊ QUYẾT\nCỦA BỘ CHÍNH TRỊ VỀ ĐỊNH HƯỚNG CHIẾN LƯỢC KHOÁNG SẢN\n"
     "I- TÌNH HÌNH VÀ NGUYÊN NHÂN", "Sau 10 năm thực hiện Nghị quyết, công tác quản lý đạt nhiều kết quả.",
     "VỀ ĐỊNH HƯỚNG CHIẾN LƯỢC KHOÁNG SẢN"),
    # a subject in normal case under the type word is still read
    ("ỦY BAN NHÂN DÂN\nTỈNH CÀ MAU", "KH-UBND", "KẾ HOẠCH\nTriển khai thực hiện Chỉ thị số 13/CT-TTg",
     "Ủy ban nhân dân tỉnh ban hành Kế hoạch với các nội dung sau.", "Triển khai thực hiện Chỉ thị số 13/CT-TTg"),
    # … also when it names a document with its date in words
    ("TỈNH ỦY NINH BÌNH", "HD/TU", "HƯỚNG DẪN\nthực hiện Kết luận số 102-KL/TW ngày 18 tháng 7 năm 2020 của Bộ Chính trị",
     "Thực hiện Kết luận số 102-KL/TW của Bộ Chính trị, Ban Thường vụ Tỉnh ủy ban hành Hướng dẫn như sau:",
     "thực hiện Kết luận số 102-KL/TW ngày 18 tháng 7 năm 2020 của Bộ Chính trị"),
    # … and ends before the grounds, even after a word wanting a number ("chuyển đổi số")
    ("CHÍNH PHỦ", "NĐ-CP", "NGHỊ ĐỊNH\nQuy định chính sách thu hút chuyên gia đổi mới sáng tạo và chuyển đổi số",
     "Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;",
     "Quy định chính sách thu hút chuyên gia đổi mới sáng tạo và chuyển đổi số"),
    # a council's name, term and sitting under the subject
    ("HỘI ĐỒNG NHÂN DÂN\nTỈNH THANH HÓA", "2025/NQ-HĐND", "NGHỊ QUYẾT\nQUY ĐỊNH MỨC HỖ TRỢ SẢN XUẤT NÔNG NGHIỆP\n"
     "HỘI ĐỒNG NHÂN DÂN TỈNH THANH HÓA\nKHÓA XVIII, KỲ HỌP THỨ 25", "Căn cứ Luật Ngân sách nhà nước;",
     "QUY ĐỊNH MỨC HỖ TRỢ SẢN XUẤT NÔNG NGHIỆP"),
    # a subject in capitals without an opening word of subject_openings.txt; the grounds are none
    ("ỦY BAN THƯỜNG VỤ\nQUỐC HỘI", "UBTVQH15", "NGHỊ QUYẾT\nĐIỀU CHỈNH CHƯƠNG TRÌNH LẬP PHÁP NĂM 2025\n"
     "ỦY BAN THƯỜNG VỤ QUỐC HỘI", "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;",
     "ĐIỀU CHỈNH CHƯƠNG TRÌNH LẬP PHÁP NĂM 2025"),
])
def test_the_subject_of_a_header(organ: str, code: str, type_block: str, body: str, subject: str) -> None:
    text = SUBJECT_HEADER.format(organ=organ, code=code, type_block=type_block, body=body)
    assert extract_text(text, "h.txt").documents[0].subject == subject


@pytest.mark.parametrize(("number_line", "subject", "doc_type"), [
    # a dispatch's subject in the number's own cell
    ("| Số: 3479/VPCP-NN *V/v xây dựng Đề án thí điểm* | *Hà Nội, ngày 26 tháng 5 năm 2021* |",
     "V/v xây dựng Đề án thí điểm", "Công văn"),
    ("Số: 19046/BTC-TCHQ V/v hướng dẫn thực hiện Luật Hải quan Hà Nội, ngày 29 tháng 12 năm 2014",
     "V/v hướng dẫn thực hiện Luật Hải quan", "Công văn"),
    # … or in the cell after it
    ("Số: 597/HC-QLHC / V/v cấp Giấy phép nhập khẩu hóa chất | Hà Nội, ngày 27 tháng 3 năm 2026",
     "V/v cấp Giấy phép nhập khẩu hóa chất", "Công văn"),
    # after a place and date: a crawler's flattened header, whose type word comes before it
    ("Số: 435/QĐ-UBND Kon Tum, ngày 04 tháng 5 năm 2020 QUYẾT ĐỊNH V/V BAN HÀNH CHƯƠNG TRÌNH HÀNH ĐỘNG",
     "V/V BAN HÀNH CHƯƠNG TRÌNH HÀNH ĐỘNG", "Quyết định"),
    ("Số: 12/UBND-VX Huế, ngày 4 tháng 5 năm 2020 V/v tăng cường phòng chống dịch bệnh",
     "V/v tăng cường phòng chống dịch bệnh", "Công văn"),
    # … in sentence case after the type word, the authority in capitals after it
    ("Số: 1234/QĐ-UBND Quảng Trị, ngày 15 tháng 6 năm 2024 QUYẾT ĐỊNH Ban hành Kế hoạch phòng chống dịch "
     "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ", "Ban hành Kế hoạch phòng chống dịch", "Quyết định"),
    ("Số: 88/KH-UBND Huế, ngày 5/6/2025 KẾ HOẠCH Triển khai công tác chuyển đổi số năm 2025",
     "Triển khai công tác chuyển đổi số năm 2025", "Kế hoạch"),
])
def test_a_subject_beside_the_number(number_line: str, subject: str | None, doc_type: str) -> None:
    text = (f"VĂN PHÒNG CHÍNH PHỦ\n{number_line}\n\nVề đề nghị của Ủy ban nhân dân tỉnh tại văn bản số 1094/TTr-UBND, "
            "Phó Thủ tướng Chính phủ có ý kiến như sau.\n")
    doc = extract_text(text, "cv.txt").documents[0]
    assert doc.doc_type == doc_type
    if subject is not None:
        assert doc.subject == subject


def test_a_subject_a_merged_header_writes_after_the_number_implements_what_it_carries_out() -> None:
    """A crawler's header on one line: the subject after the number, the date and the type word is
    read for references as a subject is (the number before it is not)."""
    text = ("Quyết định 1234/QĐ-UBND năm 2024. ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ ------- CỘNG HÒA XÃ HỘI CHỦ NGHĨA "
            "VIỆT NAM Độc lập - Tự do - Hạnh phúc\nSố: 1234/QĐ-UBND Quảng Trị, ngày 15 tháng 6 năm 2024 QUYẾT ĐỊNH "
            "Ban hành Kế hoạch thực hiện Chỉ thị số 24/CT-TTg ngày 28 tháng 12 năm 2023 của Thủ tướng Chính phủ "
            "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ\nCăn cứ Nghị định số 111/2015/NĐ-CP của Chính phủ;\n"
            "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch.\n")
    doc = extract_text(text, "qd.txt").documents[0]
    assert doc.symbol == "1234/QĐ-UBND"
    assert {(r.symbol, r.relation.value) for r in doc.references} == {
        ("24/CT-TTg", "IMPLEMENTS"), ("111/2015/NĐ-CP", "CITES")}


@pytest.mark.parametrize("attached", ["(Kèm theo Quyết định số 1520/QĐ-UBND ngày 12/9/2024 của Chủ tịch UBND tỉnh)",
                                      "(kèm theo Quyết định số 1520/QĐ-UBND ngày 12/9/2024)",
                                      "(Ban hành kèm theo Quyết định số 1520/QĐ-UBND)"])
def test_a_plan_attached_to_a_decision_is_part_of_it(attached: str) -> None:
    """A Kế hoạch after the decision's signature, marked as attached under its title, is no
    document of its own: its duties are the decision's, in the decision's province."""
    text = ("ỦY BAN NHÂN DÂN\nTỈNH HÀ GIANG\nSố: 1520/QĐ-UBND\nHà Giang, ngày 12 tháng 9 năm 2024\n"
            "QUYẾT ĐỊNH\nBan hành Kế hoạch thực hiện Chương trình số 45-CTr/TU\n"
            "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện Chương trình số 45-CTr/TU.\n"
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n"
            "Nơi nhận:\n- Như Điều 2;\n- TTr Tỉnh ủy, TTr HĐND tỉnh (b/c);\n- Lưu: VT.\n"
            "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nHoàng Gia Long\n\n"
            f"KẾ HOẠCH\nThực hiện Chương trình số 45-CTr/TU của Tỉnh ủy\n{attached}\n"
            "I. MỤC ĐÍCH, YÊU CẦU\nCụ thể hóa các nhiệm vụ của Chương trình.\n"
            "II. TỔ CHỨC THỰC HIỆN\n1. Sở Công Thương chủ trì theo dõi, tổng hợp tình hình thực hiện Kế hoạch.\n")
    documents = extract_text(text, "qd.txt").documents
    assert [d.symbol for d in documents] == ["1520/QĐ-UBND"]
    organs = {a.organ.name for t in documents[0].tasks for a in t.assignments}
    assert "Sở Công Thương tỉnh Hà Giang" in organs
    addressees = {r.organ.name for r in documents[0].recipients}
    assert {"Thường trực Tỉnh ủy Hà Giang", "Thường trực Hội đồng nhân dân tỉnh Hà Giang"} <= addressees


@pytest.mark.parametrize(("mention", "issuer"), [
    ("Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị", "Bộ Chính trị"),
    ("Kết luận số 54-KL/TW ngày 09/5/2023 của Ban Bí thư", "Ban Bí thư"),
    ("Chỉ thị số 05-CT/TU ngày 3/3/2023 của Ban Thường vụ Tỉnh ủy Lạng Sơn", "Tỉnh ủy Lạng Sơn"),
])
def test_a_party_document_cited_with_its_issuer_keeps_it(mention: str, issuer: str) -> None:
    """A party series is issued by no state body, but "Bộ Chính trị" is no ministry ("Bộ")."""
    text = ("TỈNH ỦY LẠNG SƠN\nSố 12-KH/TU\nLạng Sơn, ngày 02 tháng 3 năm 2025\nKẾ HOẠCH\n"
            f"Thực hiện {mention}, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch như sau:\n1. Quán triệt nội dung.\n")
    refs = extract_text(text, "kh.txt").documents[0].references
    assert [r.issuer.name if r.issuer else None for r in refs] == [issuer]


def test_a_committee_unit_under_its_committee_issues_in_its_province() -> None:
    text = ("TỈNH ỦY BẮC GIANG\nBAN TỔ CHỨC\n*\nSố 25-HD/BTCTU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
            "Bắc Giang, ngày 18 tháng 3 năm 2025\nHƯỚNG DẪN\nthực hiện Quy định số 232-QĐ/TW\n"
            "Ban Tổ chức Tỉnh ủy hướng dẫn như sau:\n"
            "1. Các huyện ủy tổ chức quán triệt Hướng dẫn này; báo cáo Thường trực Tỉnh ủy.\n")
    doc = extract_text(text, "hd.txt").documents[0]
    assert doc.issuer.name == "Ban Tổ chức Tỉnh ủy Bắc Giang"
    assert [r.recipient.name for r in doc.reports] == ["Thường trực Tỉnh ủy Bắc Giang"]


@pytest.mark.parametrize("place", ["Hà Nội", "TP. Hồ Chí Minh"])
def test_a_subject_under_the_number_ends_before_the_place_and_date_line(place: str) -> None:
    text = (f"BỘ TÀI CHÍNH\nCỤC THUẾ\nSố: 5123/CT-CS\nV/v chính sách thuế giá trị gia tăng\n"
            f"{place}, ngày 25 tháng 11 năm 2025\nKính gửi: Thuế tỉnh Nghệ An.\n"
            "Cục Thuế nhận được công văn số 1234/NAN-QLDN1 ngày 10/10/2025 của Thuế tỉnh Nghệ An.\n")
    doc = extract_text(text, "cv.txt").documents[0]
    assert (doc.subject, doc.date) == ("V/v chính sách thuế giá trị gia tăng", "2025-11-25")


@pytest.mark.parametrize("date_line", ["Hà Nội, ngày 05/12/2025", "Lào Cai, ngày 05-12-2025",
                                       "TP. Hồ Chí Minh, ngày 05.12.2025", "Hà Nội, ngày 5 tháng 12 năm 2025"])
def test_a_header_date_in_figures(date_line: str) -> None:
    text = (f"BỘ Y TẾ\nSố: 12/BYT-VP\n{date_line}\nV/v tăng cường phòng chống dịch\nKính gửi: Các đơn vị.\n"
            "Bộ Y tế đề nghị các đơn vị thực hiện nghiêm túc các nội dung theo quy định hiện hành.\n")
    assert extract_text(text, "cv.txt").documents[0].date == "2025-12-05"


def test_a_date_in_figures_inside_a_subject_is_no_header_date() -> None:
    """The date of a document a subject names ("… 54-KL/TW, ngày 09/5/2023 …") dates nothing."""
    text = ("KẾ HOẠCH\nthực hiện Kết luận số 54-KL/TW, ngày 09/5/2023 của Ban Bí thư\n"
            "Ban Thường vụ Đảng ủy Khối ban hành Kế hoạch triển khai thực hiện như sau:\n1. Quán triệt.\n")
    assert extract_text(text, "kh.txt").documents[0].date is None


@pytest.mark.parametrize(("column", "issuer"), [
    ("UBND TỈNH LÀO CAI SỞ CÔNG THƯƠNG", "Sở Công Thương tỉnh Lào Cai"),
    ("**UBND TỈNH LÀO CAI** **SỞ CÔNG THƯƠNG**", "Sở Công Thương tỉnh Lào Cai"),
    ("TỈNH ỦY HẢI DƯƠNG BAN TUYÊN GIÁO", "Ban Tuyên giáo Tỉnh ủy Hải Dương"),
    ("THÀNH ỦY HẢI PHÒNG", "Thành ủy Hải Phòng"),
])
def test_a_parent_and_its_unit_in_one_header_cell(column: str, issuer: str) -> None:
    text = (f"| {column} ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc |\n| --- | --- |\n"
            "| Số: 1873/SCT-QLTM V/v triển khai Chỉ thị số 21/CT-TTg | *Lào Cai, ngày 16 tháng 6 năm 2026* |\n\n"
            "Kính gửi: Ủy ban nhân dân các xã, phường.\n\nĐề nghị các đơn vị thực hiện nghiêm túc./.\n")
    assert extract_text(text, "cv.txt").documents[0].issuer.name == issuer


@pytest.mark.parametrize("subject", [
    "thực hiện Kế hoạch số 186-KH/HU ngày 07 tháng 12 năm 2021 của Ban Thường vụ Huyện ủy",
    "Về thực hiện Kế hoạch số 186-KH/HU ngày 07 tháng 12 năm 2021 của Ban Thường vụ Huyện ủy",
])
def test_a_subject_naming_a_date_leaves_the_first_section_in_the_body(subject: str) -> None:
    """A date in the subject under the type line makes it no header line: the preamble after it
    opens the body, and the first Roman section is a section of the body."""
    text = ("ĐẢNG ỦY XÃ NGHĨA TRUNG\nSố 240-KH/ĐU\nKẾ HOẠCH\n" + subject + "\n-----\n"
            "Thực hiện Kế hoạch số 186-KH/HU ngày 07/12/2021 của Ban Thường vụ Huyện ủy, Ban Thường vụ "
            "Đảng ủy ban hành Kế hoạch triển khai thực hiện như sau:\nI- MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n"
            "- Quán triệt sâu sắc.\n2. Yêu cầu\n- Thực hiện nghiêm túc.\nII- NHIỆM VỤ, GIẢI PHÁP\n"
            "1. Các chi bộ rà soát quy chế.\n")
    assert [t.path for t in extract_text(text, "kh.txt").documents[0].tasks] == ["I.1", "I.2", "II.1"]


@pytest.mark.parametrize(("parent", "unit", "issuer"), [
    # a commune's party committee under its province's (or district's) party organisation; a place
    # ending in a word that may open an organ word ("CỦ CHI") is no name cut over two lines
    ("ĐẢNG BỘ HUYỆN CỦ CHI", "ĐẢNG ỦY XÃ ĐỒNG TÂM", "Đảng ủy xã Đồng Tâm"),
    ("ĐẢNG BỘ TỈNH LÀO CAI", "ĐẢNG ỦY XÃ BẢO THẮNG", "Đảng ủy xã Bảo Thắng"),
    ("TỈNH ỦY", "BAN TUYÊN GIÁO", "Ban Tuyên giáo Tỉnh ủy"),
    # an organ word cut over the two lines
    ("ỦY", "BAN NHÂN DÂN TỈNH LÀO CAI", "Ủy ban nhân dân tỉnh Lào Cai"),
])
def test_a_party_unit_under_its_parent_in_a_two_column_header(parent: str, unit: str, issuer: str) -> None:
    text = (f"   {parent}                         ĐẢNG CỘNG SẢN VIỆT NAM\n   {unit}\n   *"
            "                                            Đồng Tâm, ngày 23 tháng 4 năm 2020\n   Số 50-CV/ĐU\n\n"
            "Về việc triển khai thực hiện Công văn 133-CV/HU\n\nKính gửi: - Các chi bộ trực thuộc.\n\n"
            "Đề nghị các chi bộ thực hiện nghiêm túc./.\n")
    assert extract_text(text, "cv.txt").documents[0].issuer.name == issuer


@pytest.mark.parametrize("date_line", ["Lào Cai, ngảy 5 thảng 3 năm 2025", "Lào Cai, ngày    tháng 3 năm 2025", ""])
def test_a_date_in_the_preamble_is_no_date_of_the_document(date_line: str) -> None:
    """An unreadable header date leaves the date unknown, not the date of a law the preamble cites."""
    text = _dated_plan(date_line, "Nghị quyết số 57-NQ/TW", "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 "
                       "tháng 6 năm 2025;\nỦy ban nhân dân tỉnh ban hành Kế hoạch như sau:\n")
    assert extract_text(text, "kh.txt").documents[0].date is None


def _dated_plan(date_line: str, implemented: str, preamble: str = "") -> str:
    """A province's Kế hoạch with ``date_line`` under its number, implementing ``implemented``."""
    return (f"ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 12/KH-UBND\n{date_line}\nKẾ HOẠCH\nTriển khai thực hiện "
            f"{implemented}\n{preamble}1. Sở Tài chính chủ trì thực hiện.\n")


@pytest.mark.parametrize(("date_line", "date"), [
    ("Lào Cai, ngảy 5 tháng 3 năm 2025", "2025-03-05"),
    ("Lào Cai, ngày 15 tháng 3 nắm 2025", "2025-03-15"),
    ("Lào Cai, Ngáy 5 tháng 12 nam 2024", "2024-12-05"),
    ("Lào Cai, ngảy 5 tháng 3 nắm 2025", "2025-03-05"),
    ("Lào Cai, ngày 5 thảng 3 năm 2025", "2025-03-05"),
    ("Lào Cai, ngày 5 thang 3 nắm 2025", "2025-03-05"),
    # a date line in capitals
    ("LÀO CAI, NGÀY 5 THÁNG 3 NĂM 2025", "2025-03-05"),
    ("LÀO CAI, NGẢY 5 THÁNG 3 NĂM 2025", "2025-03-05"),
])
def test_a_date_whose_words_a_scan_misread_or_in_capitals_is_read(date_line: str, date: str) -> None:
    text = _dated_plan(date_line, "Nghị quyết số 57-NQ/TW ngày 22 tháng 12 nám 2024 của Bộ Chính trị")
    doc = extract_text(text, "kh.txt").documents[0]
    assert doc.date == date
    assert [(r.symbol, r.date) for r in doc.references] == [("57-NQ/TW", "2024-12-22")]


@pytest.mark.parametrize(("label", "subject_number"), [("So:", "sổ"), ("Số:", "sô"), ("Sô:", "số")])
def test_a_number_label_misread_by_a_scan_still_numbers(label: str, subject_number: str) -> None:
    text = ("ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\n" + label + " 12/KH-UBND\nLào Cai, ngày 5 tháng 3 năm 2025\nKẾ HOẠCH\n"
            f"Triển khai thực hiện Nghị quyết {subject_number} 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị\n"
            "1. Sở Tài chính chủ trì thực hiện.\n")
    doc = extract_text(text, "kh.txt").documents[0]
    assert doc.symbol == "12/KH-UBND"
    assert [(r.symbol, r.relation.value) for r in doc.references] == [("57-NQ/TW", "IMPLEMENTS")]


LETTER = ("BỘ TÀI CHÍNH\nCỤC THUẾ\n--------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
          "Số: 5706/CT-CS\nV/v chính sách thuế giá trị gia tăng\nHà Nội, ngày 03 tháng 12 năm 2025\n"
          "Kính gửi: Thuế tỉnh Bắc Ninh.\nCục Thuế nhận được công văn số 9172/BNI-KTr ngày 06/8/2025 của Thuế "
          "tỉnh Bắc Ninh về chính sách thuế giá trị gia tăng đối với hàng hóa xuất khẩu.\nĐề nghị Thuế tỉnh Bắc "
          "Ninh căn cứ quy định, hướng dẫn nêu trên để thực hiện./.\nNơi nhận:\n- Như trên;\n- Lưu: VT, CS.\n"
          "KT. CỤC TRƯỞNG\nPHÓ CỤC TRƯỞNG\nĐặng Ngọc Minh\n")
CONCLUSION_NOTICE = ("TỈNH ỦY HÀ TĨNH\n*\nSố 512-TB/TU\nĐẢNG CỘNG SẢN VIỆT NAM\nHà Tĩnh, ngày 18 tháng 6 năm 2025\n"
                     "THÔNG BÁO\nKẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY\nvề tình hình thực hiện Chỉ thị số 35-CT/TW\n"
                     "Tại phiên họp ngày 16/6/2025, sau khi nghe Ban Tổ chức Tỉnh ủy báo cáo tình hình triển khai thực "
                     "hiện Chỉ thị số 35-CT/TW, Ban Thường vụ Tỉnh ủy kết luận như sau:\n1. Các huyện ủy tập trung "
                     "lãnh đạo chuẩn bị tốt văn kiện đại hội.\nNơi nhận:\n- Ban Tổ chức Trung ương,\n- Lưu Văn phòng "
                     "Tỉnh ủy.\nT/L BAN THƯỜNG VỤ\nCHÁNH VĂN PHÒNG\nTrần Văn Hùng\n")
PLAN = ("ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 12/KH-UBND\nLào Cai, ngày 5 tháng 3 năm 2025\nKẾ HOẠCH\n"
        "Triển khai thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị\n"
        "Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai thực hiện Nghị quyết như sau:\n"
        "1. Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính tham mưu thực hiện.\n"
        "2. Các sở, ban, ngành thực hiện nhiệm vụ được giao.\nNơi nhận:\n- Các sở, ban, ngành;\n- Lưu: VT.\n"
        "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Thành Sinh\n")


@pytest.mark.parametrize(("first", "second", "symbols"), [
    (LETTER, CONCLUSION_NOTICE, ["5706/CT-CS", "512-TB/TU"]),  # a letter (no type line) first
    (PLAN, LETTER, ["12/KH-UBND", "5706/CT-CS"]),  # a letter after a document: its number opens it
    (PLAN, CONCLUSION_NOTICE, ["12/KH-UBND", "512-TB/TU"]),  # "THÔNG BÁO KẾT LUẬN CỦA …" opens one
])
def test_each_document_of_a_file_is_read_as_when_alone(first: str, second: str, symbols: list[str]) -> None:
    def facts(doc: DocumentFacts) -> tuple:
        return (doc.symbol, doc.doc_type, doc.date, doc.issuer.name, [r.symbol for r in doc.references],
                [t.path for t in doc.tasks], [r.organ.name for r in doc.recipients], doc.signatures[0].person)

    both = extract_text(f"{first}\n{second}", "two.txt").documents
    assert [d.symbol for d in both] == symbols
    assert [facts(d) for d in both] == [facts(extract_text(t, "one.txt").documents[0]) for t in (first, second)]


def test_a_number_a_sentence_lists_on_a_line_of_its_own_opens_no_document() -> None:
    text = PLAN.replace("2. Các sở", "Căn cứ các Tờ trình:\nSố 202/TTr-BVHTTDL ngày 11 tháng 5 năm 2026, số 192/TTr-BVHTTDL "
                        "ngày 06 tháng 5 năm 2026.\n2. Các sở")
    assert [d.symbol for d in extract_text(text, "kh.txt").documents] == ["12/KH-UBND"]


def test_a_subject_under_the_date_cell_of_a_saved_header_is_read() -> None:
    """Cell breaks ("|") between the number, the date and the V/v line count for no line."""
    text = ("|\nBỘ TÀI CHÍNH\n**CỤC THUẾ**\n-------\n|\n**CỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM**\n"
            "Độc lập - Tự do - Hạnh phúc\n---------------\n|\n|\nSố: 5706/CT-CS\n|\n*Hà Nội, ngày 03\n"
            "tháng 12 năm 2025*\n|\nV/v chính sách thuế giá trị gia tăng\nKính gửi: Thuế tỉnh Bắc Ninh.\n"
            "Cục Thuế nhận được công văn số 9172/HAN-KTr5 ngày 06/8/2025 của Thuế tỉnh Bắc Ninh.\n")
    doc = extract_text(text, "cv.txt").documents[0]
    assert (doc.doc_type, doc.subject) == ("Công văn", "V/v chính sách thuế giá trị gia tăng")


def test_a_crawled_header_run_into_one_line_keeps_the_unit_its_subject_and_its_province() -> None:
    text = ("ĐẢNG BỘ TỈNH LÀO CAI ĐẢNG ỦY XÃ BẢO THẮNG * Số 25-KH/ĐU ĐẢNG CỘNG SẢN VIỆT NAM Bảo Thắng, ngày 10 "
            "tháng 9 năm 2025\nKẾ HOẠCH\nthực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị\n"
            "Thực hiện Kế hoạch số 45-KH/TU ngày 15/3/2025 của Ban Thường vụ Tỉnh ủy, Ban Thường vụ Đảng ủy xã "
            "xây dựng Kế hoạch thực hiện như sau:\n1. Ủy ban nhân dân xã chủ trì triển khai các nền tảng số.\n"
            "Nơi nhận:\n- Ban Thường vụ Tỉnh ủy (b/c),\n- Lưu Văn phòng Đảng ủy.\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\n"
            "Hoàng Văn Tâm\n")
    doc = extract_text(text, "kh.txt").documents[0]
    assert doc.issuer.name == "Đảng ủy xã Bảo Thắng"
    assert doc.subject == "thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị"
    assert doc.recipients[0].organ.name == "Ban Thường vụ Tỉnh ủy Lào Cai"
    assert {a.organ.name for t in doc.tasks for a in t.assignments} == {"Ủy ban nhân dân xã Bảo Thắng"}


@pytest.mark.parametrize(("unit", "issuer"), [("BAN TỔ CHỨC", "Ban Tổ chức Ban Chấp hành Trung ương"),
                                             ("VĂN PHÒNG", "Văn phòng Ban Chấp hành Trung ương")])
def test_a_unit_under_a_registered_body_is_named_with_the_body_s_name(unit: str, issuer: str) -> None:
    """As the header writes it (and as the legal portals list the issuer), the registry's name cased."""
    text = (f"BAN CHẤP HÀNH TRUNG ƯƠNG    ĐẢNG CỘNG SẢN VIỆT NAM\n   {unit}\n     *       Hà Nội, ngày 21 tháng 7 năm 2025\n"
            "   Số 28-HD/BTCTW\n\nHƯỚNG DẪN\nthực hiện Quy định số 296-QĐ/TW\n\n1. Các tỉnh ủy, thành ủy tổ chức "
            "quán triệt Quy định.\n")
    assert extract_text(text, "hd.txt").documents[0].issuer.name == issuer


@pytest.mark.parametrize(("subject_lines", "subject"), [
    # a body's name ending with the issuer's is no authority written under the subject
    ("KẾT LUẬN CỦA THƯỜNG TRỰC TỈNH ỦY", "KẾT LUẬN CỦA THƯỜNG TRỰC TỈNH ỦY"),
    # a subject in capitals going on in lower case
    ("KẾT LUẬN CỦA THƯỜNG TRỰC TỈNH ỦY\ntại buổi làm việc với Đảng ủy xã Cẩm Xuyên",
     "KẾT LUẬN CỦA THƯỜNG TRỰC TỈNH ỦY tại buổi làm việc với Đảng ủy xã Cẩm Xuyên"),
    ("KẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY\nvề công tác cán bộ", "KẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY về công tác cán bộ"),
])
def test_a_notice_s_subject_in_capitals(subject_lines: str, subject: str) -> None:
    text = ("TỈNH ỦY HÀ TĨNH\n*\nSố 156-TB/TU\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\nHà Tĩnh, ngày 14 tháng 8 năm 2025\n\n"
            f"THÔNG BÁO\n{subject_lines}\n-----\n\nNgày 12/8/2025, đồng chí Bí thư Tỉnh ủy chủ trì buổi làm việc. "
            "Sau khi nghe báo cáo, đồng chí kết luận như sau:\n1. Đảng ủy xã tập trung kiện toàn tổ chức bộ máy.\n")
    assert extract_text(text, "tb.txt").documents[0].subject == subject


def test_the_youth_union_of_a_province_is_a_body_of_its_list_and_of_the_province() -> None:
    text = ("ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: 21/KH-UBND\nBắc Ninh, ngày 15 tháng 3 năm 2025\nKẾ HOẠCH\n"
            "Tổ chức Tháng thanh niên năm 2025\n\n1. Đề nghị Hội Liên hiệp Phụ nữ tỉnh, Tỉnh đoàn, Hội Nông dân tỉnh "
            "phối hợp tuyên truyền đến hội viên, đoàn viên.\n")
    doc = extract_text(text, "kh.txt").documents[0]
    assert [a.organ.name for t in doc.tasks for a in t.assignments] == [
        "Hội Liên hiệp Phụ nữ tỉnh Bắc Ninh", "Tỉnh đoàn Bắc Ninh", "Hội Nông dân tỉnh Bắc Ninh"]
