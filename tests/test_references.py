"""References: every written form, each with its relation, on short texts made for the test."""

from __future__ import annotations

import pytest

from vanban.loaders.extract import extract_text
from vanban.loaders.issuers import reference_issuer_resolver
from vanban.loaders.organs import resolve_organ
from vanban.loaders.references import find_references
from vanban.loaders.text import flow_view


def refs(text: str, **kwargs) -> list[tuple]:
    view = flow_view(text)
    found, _ = find_references(view.text, source_file="t.txt", view=view,
                               resolve_issuer=resolve_organ, **kwargs)
    return [(r.symbol or r.title, r.relation.value, r.date) for r in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # type + số + symbol + date + issuer
        ("theo Quy định số 124-QĐ/TW, ngày 02/02/2018 của Ban Bí thư về giám sát",
         [("124-QĐ/TW", "CITES", "2018-02-02")]),
        # no "số", no comma before the date, long date form
        ("gắn với Quyết định 99-QĐ/TW ngày 03 tháng 10 năm 2017",
         [("99-QĐ/TW", "CITES", "2017-10-03")]),
        # a list sharing one suffix and one date
        ("Quyết định số 217, 218-QĐ/TW, ngày 12/12/2013 của Bộ Chính trị",
         [("217-QĐ/TW", "CITES", "2013-12-12"), ("218-QĐ/TW", "CITES", "2013-12-12")]),
        # symbol cut across lines by the PDF
        ("góp phần thực hiện Kết luận số 01-\n\nKL/TW, ngày 18/5/2021 của Bộ Chính trị",
         [("01-KL/TW", "CITES", "2021-05-18")]),
        # state symbols
        ("Căn cứ Nghị định số 59/2023/NĐ-CP ngày 14 tháng 8 năm 2023 của Chính phủ;",
         [("59/2023/NĐ-CP", "CITES", "2023-08-14")]),
        ("theo Công văn số 9387/UBND-KT ngày 15/9/2026", [("9387/UBND-KT", "CITES", "2026-09-15")]),
        ("Quyết định số 1568/QĐ-TTg", [("1568/QĐ-TTg", "CITES", None)]),
        # a bare symbol continuing a list
        ("thực hiện nghiêm các Quy định số 124-QĐ/TW, 101-QĐ/TW của Bộ Chính trị",
         [("124-QĐ/TW", "CITES", None), ("101-QĐ/TW", "CITES", None)]),
        # named documents without a number
        ("gắn với thực hiện Nghị quyết Đại hội XIII của Đảng, tiếp tục",
         [("Nghị quyết Đại hội XIII của Đảng", "CITES", None)]),
        ("kiểm tra việc thực hiện Nghị quyết Trung ương 4 khóa XII về xây dựng Đảng",
         [("Nghị quyết Trung ương 4 khóa XII", "CITES", None)]),
        ("các cấp cần thực hiện nghiêm Luật thực hiện dân chủ ở cơ sở và các văn bản",
         [("Luật thực hiện dân chủ ở cơ sở", "CITES", None)]),
        ("Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVII; đồng thời",
         [("Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVII", "CITES", None)]),
        # laws: named then numbered, codes (Bộ luật), names with "phòng, chống", a year after the name
        ("Căn cứ Luật Tổ chức Quốc hội số 57/2014/QH13 ngày 20 tháng 11 năm 2014;",
         [("57/2014/QH13", "CITES", "2014-11-20")]),
        ("Căn cứ Bộ luật Lao động số 45/2019/QH14;", [("45/2019/QH14", "CITES", None)]),
        ("theo Bộ luật Hình sự, Luật Phòng, chống tham nhũng và Luật Phòng cháy, chữa cháy;",
         [("Bộ luật Hình sự", "CITES", None), ("Luật Phòng, chống tham nhũng", "CITES", None),
          ("Luật Phòng cháy, chữa cháy", "CITES", None)]),
        ("quy định của Luật Hải quan năm 2014 thì thực hiện theo Luật Hóa chất thuộc phạm vi quản lý",
         [("Luật Hải quan năm 2014", "CITES", None), ("Luật Hóa chất", "CITES", None)]),
        # forms that are not references
        ("Mẫu số 01/BCĐBQH-MT kèm theo", []),
        ("pháp luật về dân chủ ở cơ sở", []),
        ("kể từ ngày Luật có hiệu lực 01/01/2015", []),
    ],
)
def test_reference_forms(text: str, expected: list[tuple]) -> None:
    assert refs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Thực hiện Kết luận số 54-KL/TW, ngày 09/5/2023 của Ban Bí thư, Tỉnh ủy ban hành kế hoạch.",
        "Để tiếp tục thực hiện có hiệu quả Kết luận số 54-KL/TW của Ban Bí thư, yêu cầu như sau.",
        "Để triển khai thực hiện Kết luận số 54-KL/TW, Ban Thường vụ yêu cầu.",
        "Triển khai Kết luận số 54-KL/TW, Ban Thường vụ yêu cầu.",
        "Trên cơ sở đó. Thực hiện Kết luận số\n54-KL/TW của Ban Bí thư, yêu cầu.",
        "Để tổ chức thực hiện có hiệu quả Kết luận số 54-KL/TW, Ban Thường vụ yêu cầu.",
        "Thực hiện các Kết luận số 54-KL/TW và số 55-KL/TW của Ban Bí thư, Tỉnh ủy yêu cầu.",
    ],
)
def test_implementing_sentences(text: str) -> None:
    assert refs(text)[0][:2] == ("54-KL/TW", "IMPLEMENTS")


@pytest.mark.parametrize(
    "text",
    [
        "Năm năm qua, triển khai thực hiện Kết luận số 54-KL/TW đạt kết quả.",  # not sentence-initial
        "Tăng cường kiểm tra việc thực hiện Kết luận số 54-KL/TW.",
        "Căn cứ Kết luận số 54-KL/TW của Ban Bí thư;",
    ],
)
def test_other_mentions_cite(text: str) -> None:
    assert refs(text)[0][:2] == ("54-KL/TW", "CITES")


@pytest.mark.parametrize("opener", ["Thực hiện", "Triển khai", "Tiếp tục thực hiện", "Để tổ chức thực hiện",
                                    "Nhằm cụ thể hóa", "Quán triệt và thực hiện"])
def test_a_preamble_line_right_under_the_subject_is_no_part_of_it(opener: str) -> None:
    text = ("ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 12/KH-UBND\nLào Cai, ngày 5 tháng 3 năm 2025\nKẾ HOẠCH\n"
            f"Về việc triển khai nhiệm vụ năm 2025\n{opener} Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính "
            "trị, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\n1. Các sở, ngành thực hiện nhiệm vụ được giao.\n")
    doc = extract_text(text, "kh.txt").documents[0]
    assert doc.subject == "Về việc triển khai nhiệm vụ năm 2025"
    assert [(r.symbol, r.relation.value) for r in doc.references] == [("57-NQ/TW", "IMPLEMENTS")]


def test_implementing_sentence_after_the_preamble_only_cites() -> None:
    text = "Mở đầu.\n1. Thực hiện Kết luận số 54-KL/TW trong toàn Đảng bộ."
    assert refs(text, preamble_end=text.index("1."))[0][1] == "CITES"


@pytest.mark.parametrize(
    "subject",
    [
        "Về việc triển khai thực hiện Kết luận số 54-KL/TW, ngày 09/5/2023 của Ban Bí thư",
        "về tiếp tục thực hiện Kết luận số 54-KL/TW",
        "V/v triển khai Kết luận số 54-KL/TW",
        "Thực hiện Kết luận số 54-KL/TW của Ban Bí thư",
        "Ban hành Kế hoạch thực hiện Kết luận số 54-KL/TW",
    ],
)
def test_subject_line_implements_its_first_reference_only(subject: str) -> None:
    text = subject + " về tiếp tục thực hiện Quyết định số 99-QĐ/TW"
    found = refs(text, subject_span=(0, len(flow_view(text).text)))
    assert found[0][:2] == ("54-KL/TW", "IMPLEMENTS")
    assert found[1][:2] == ("99-QĐ/TW", "CITES")


def test_nested_description_gives_a_derived_implements_link() -> None:
    text = ("Thực hiện Kế hoạch số 223-KH/TU, ngày 05/7/2023 của Ban Thường vụ Tỉnh ủy về thực "
            "hiện Kết luận số 54-KL/TW, ngày 09/5/2023 của Ban Bí thư.")
    view = flow_view(text)
    found, links = find_references(view.text, source_file="t.txt", view=view)
    assert [(r.symbol, r.relation.value) for r in found] == [("223-KH/TU", "IMPLEMENTS"),
                                                              ("54-KL/TW", "CITES")]
    assert [(lk.source.symbol, lk.relation.value, lk.target.symbol) for lk in links] == [
        ("223-KH/TU", "IMPLEMENTS", "54-KL/TW")]
    assert links[0].evidence.rule == "nested-implements"


def test_issuer_and_term_are_read_from_the_reference() -> None:
    view = flow_view("Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng "
                     "khoá XIII về đẩy mạnh xây dựng Đảng")
    found, _ = find_references(view.text, source_file="t.txt", view=view, resolve_issuer=resolve_organ)
    assert found[0].issuer.name == "Ban Chấp hành Trung ương"
    assert found[0].term == "XIII"


def test_alias_carries_a_different_type_word() -> None:
    text = ("Thực hiện Quyết định số 99-QĐ/TW, ngày 03/10/2017 của Ban Bí thư (sau đây gọi tắt là "
            "Quy định 99-QĐ/TW), tiếp tục")
    view = flow_view(text)
    found, _ = find_references(view.text, source_file="t.txt", view=view)
    assert {r.doc_type for r in found if r.symbol == "99-QĐ/TW"} == {"Quyết định", "Quy định"}


def test_alias_without_number_points_to_the_named_document() -> None:
    text = ("Nghị quyết Trung ương 4 khóa XII về xây dựng Đảng (gọi tắt là Nghị quyết Trung ương 4) "
            "đã được thực hiện. Tuy nhiên, việc thực hiện Nghị quyết Trung ương 4 còn hạn chế.")
    view = flow_view(text)
    found, _ = find_references(view.text, source_file="t.txt", view=view)
    assert {(r.title, r.term) for r in found} == {("Nghị quyết Trung ương 4 khóa XII", "XII")}


def test_evidence_keeps_sentence_span_and_rule() -> None:
    text = "Mở đầu văn bản. Căn cứ Quyết định số 99-QĐ/TW của Ban Bí thư; phần sau."
    view = flow_view(text)
    found, _ = find_references(view.text, source_file="f.txt", view=view)
    ev = found[0].evidence
    assert ev.source_file == "f.txt"
    assert text[ev.span[0] : ev.span[1]] == "Quyết định số 99-QĐ/TW"
    assert ev.sentence.startswith("Căn cứ Quyết định số 99-QĐ/TW")
    assert ev.rule == "numbered-reference"


@pytest.mark.parametrize(("text", "issuer"), [
    ("Căn cứ Thông tư số 14/2024/TT-BCT của Bộ trưởng Bộ Công Thương Quy định chế độ báo cáo định kỳ;",
     "Bộ trưởng Bộ Công Thương"),
    ('thực hiện Chỉ thị số 37-CT/TW của Ban Bí thư Trung ương Đảng "về tăng cường sự lãnh đạo"', "Ban Bí thư"),
    # a colon, or a verb after a locality written with a capital, ends the issuer
    ("Về sửa đổi Nghị định số 76/2019/NĐ-CP ngày 08 tháng 10 năm 2019 của Chính phủ: Giao Bộ Nội vụ nghiên "
     "cứu, tổng hợp kiến nghị của tỉnh", "Chính phủ"),
    ("Xét Báo cáo số 467/BC-UBND ngày 24/11/2025 của Ủy ban nhân dân Thành phố giải trình, tiếp thu dự thảo;",
     "Ủy ban nhân dân Thành phố"),
    ("Xét Tờ trình số 421/TTr-UBND của Hội đồng nhân dân Tỉnh đề nghị ban hành Nghị quyết",
     "Hội đồng nhân dân Tỉnh"),
    # a subject opening with "Công bố" or "Phê duyệt", in a title's capitals
    ("Quyết định số 102/QĐ-UBND ngày 17/01/2020 của Chủ tịch UBND tỉnh Bắc Giang Công bố Bộ thủ tục hành chính",
     "Chủ tịch Ủy ban nhân dân tỉnh Bắc Giang"),
    ("Quyết định số 55/QĐ-UBND của Ủy ban nhân dân tỉnh Gia Lai Phê duyệt Đề án phát triển du lịch",
     "Ủy ban nhân dân tỉnh Gia Lai"),
])
def test_the_issuer_ends_before_a_capitalised_subject_or_a_quote(text: str, issuer: str) -> None:
    view = flow_view(text)
    found, _ = find_references(view.text, source_file="t.txt", view=view, resolve_issuer=resolve_organ)
    assert found[0].issuer is not None and found[0].issuer.name == issuer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a space printed after a dash, a slash or an ampersand inside a symbol
        ("Căn cứ Quyết định số 416/QĐ- TTg ngày 25 tháng 3 năm 2020;", [("416/QĐ-TTg", "CITES", "2020-03-25")]),
        ("theo Nghị quyết số 27/2024/ UBTVQH15 của Ủy ban Thường vụ Quốc hội",
         [("27/2024/UBTVQH15", "CITES", None)]),
        ("sơ kết việc thực hiện Chỉ thị số 13/CT- TTg ngày 17 tháng 5 năm 2025",
         [("13/CT-TTg", "CITES", "2025-05-17")]),
        ("thay thế Thông tư số 92/2009/TT- BTC ngày 12/5/2009 của Bộ Tài chính", [("92/2009/TT-BTC", "CITES", "2009-05-12")]),
        ("tại Công văn số 15972/SXD-QLN& TTBĐS ngày 14 tháng 11 năm 2025 về rà soát",
         [("15972/SXD-QLN&TTBĐS", "CITES", "2025-11-14")]),
        ("Tờ trình số 12317/TTr-SNNMT- VP ngày 18 tháng 11 năm 2025.", [("12317/TTr-SNNMT-VP", "CITES", "2025-11-18")]),
        # … or after the number
        ("Theo đề nghị của Sở Tài chính tại Văn bản số 14730 /STC-VP ngày 20/ 11 /2025.",
         [("14730/STC-VP", "CITES", "2025-11-20")]),
        ("Căn cứ Kế hoạch số 2449 -KH/ĐU ngày 07/9/2026 của Đảng ủy;", [("2449-KH/ĐU", "CITES", "2026-09-07")]),
        # … or before a later dash or slash, the next part close after it
        ("Căn cứ Nghị định số 15/2025/NĐ -CP ngày 3/2/2025;", [("15/2025/NĐ-CP", "CITES", "2025-02-03")]),
        ("căn cứ Kết luận số 54-KL /TW ngày 09/5/2023", [("54-KL/TW", "CITES", "2023-05-09")]),
        ("Căn cứ Luật số 48/2024 /QH15;", [("48/2024/QH15", "CITES", None)]),
        ("theo Công văn số 12/UBND - Sở Tài chính trả lời", [("12/UBND", "CITES", None)]),  # a dash between words
        # … or on both sides of the dash after the type code
        ("Căn cứ Nghị định số 15/2025/NĐ - CP ngày 3/2/2025;", [("15/2025/NĐ-CP", "CITES", "2025-02-03")]),
        ("theo Tờ trình số 127/TTr - HĐQT và Quyết định 12/QĐ - UBND",
         [("127/TTr-HĐQT", "CITES", None), ("12/QĐ-UBND", "CITES", None)]),
        ("theo Kế hoạch số 5/KH-UBND - BQL dự án", [("5/KH-UBND", "CITES", None)]),  # a whole symbol before it
        # … and a symbol written without a type word, printed the same ways
        ("căn cứ 1234 /QĐ-UBND ngày 2/3/2025 và 15/2025/NĐ - CP", [("1234/QĐ-UBND", "CITES", None),
                                                                  ("15/2025/NĐ-CP", "CITES", None)]),
        # a line break inside a symbol, after a dash or after its year
        ("theo Tờ trình số 512/TTr-BTC-\nQLCS ngày 12/5/2025 của Bộ Tài chính", [("512/TTr-BTC-QLCS", "CITES", "2025-05-12")]),
        ("Nghị định số 15/2025/NĐ-\nCP ngày 3/2/2025", [("15/2025/NĐ-CP", "CITES", "2025-02-03")]),
        ("Nghị quyết số 27/2024/\nUBTVQH15 ngày 1/2/2024", [("27/2024/UBTVQH15", "CITES", "2024-02-01")]),
        # a table's row number glued after a symbol split over lines
        ("2 Kết luận số 45-\nKL/TW3 Chỉ thị số 5-CT/TW", [("45-KL/TW", "CITES", None), ("5-CT/TW", "CITES", None)]),
        # unit codes with dots, and a number a company writes without an issuer code
        ("Cục Thuế nhận được công văn số 838/CCTKV.XII-NVDTPC.HUE ngày 15/05/2025 của Chi cục Thuế",
         [("838/CCTKV.XII-NVDTPC.HUE", "CITES", "2025-05-15")]),
        ("Trả lời công văn số 1025-CVHQ ngày 10/10/2025 của Công ty", [("1025-CVHQ", "CITES", "2025-10-10")]),
        # a date after the last symbol of a list is that document's
        ("theo các Nghị quyết số 347/NQ-CP ngày 24 tháng 10 năm 2025, số 380/NQ-CP ngày 25 tháng 11 năm 2025 "
         "của Chính phủ", [("347/NQ-CP", "CITES", "2025-10-24"), ("380/NQ-CP", "CITES", "2025-11-25")]),
        # type words in a title or in capitals, a code in capitals in its usual spelling
        ("theo Nghị Quyết số 12/NQ-CP ngày 5/1/2025", [("12/NQ-CP", "CITES", "2025-01-05")]),
        ("KẾ HOẠCH THỰC HIỆN QUYẾT ĐỊNH SỐ 1899/QĐ-TTG NGÀY 04/9/2025", [("1899/QĐ-TTg", "IMPLEMENTS", "2025-09-04")]),
        # words between the type and the number, a comma among them
        ("Báo cáo giải trình, tiếp thu số 471/BC-UBND ngày 25 tháng 11 năm 2025 của Ủy ban nhân dân",
         [("471/BC-UBND", "CITES", "2025-11-25")]),
        # the types beyond the common ones
        ("Phương án số 03/PA-UBND; Giấy phép số 15/GP-BTNMT; Công điện số 220/CĐ-TTg; Văn bản hợp nhất số "
         "11/VBHN-VPQH; Đề án số 05/ĐA-UBND",
         [("03/PA-UBND", "CITES", None), ("15/GP-BTNMT", "CITES", None), ("220/CĐ-TTg", "CITES", None),
          ("11/VBHN-VPQH", "CITES", None), ("05/ĐA-UBND", "CITES", None)]),
    ],
)
def test_symbols_as_printed(text: str, expected: list[tuple]) -> None:
    assert refs(text) == expected


def test_the_types_of_printed_symbols() -> None:
    view = flow_view("Phương án số 03/PA-UBND; Giấy phép số 15/GP-BTNMT; Công điện số 220/CĐ-TTg; "
                     "Văn bản hợp nhất số 11/VBHN-VPQH")
    found, _ = find_references(view.text, source_file="t.txt", view=view)
    assert [r.doc_type for r in found] == ["Phương án", "Giấy phép", "Công điện", "Văn bản hợp nhất"]


@pytest.mark.parametrize("joint", ["và", "hoặc"])
def test_a_type_word_ending_a_description_does_not_type_the_next_number(joint: str) -> None:
    """"… văn bản quy phạm pháp luật và số 150/2025/NĐ-CP": the words between a type word and
    "số" do not run across "và" or "hoặc", so the next item of the list is no Luật."""
    text = (f"Căn cứ các Nghị định số 79/2025/NĐ-CP ngày 01/4/2025 về xử lý văn bản quy phạm pháp luật "
            f"{joint} số 150/2025/NĐ-CP ngày 12/6/2025 quy định tổ chức các cơ quan chuyên môn.")
    found = [(r.symbol, r.doc_type) for r in find_references(text, source_file="t.txt")[0]]
    assert ("150/2025/NĐ-CP", "Luật") not in found
    if joint == "và":  # the list goes on after "và": the number is the next Nghị định's
        assert found == [("79/2025/NĐ-CP", "Nghị định"), ("150/2025/NĐ-CP", "Nghị định")]


@pytest.mark.parametrize(
    "text",
    [
        # every item of a list the preamble implements, a verb inside an item's description
        "Thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị về phát triển khoa học, công nghệ; Nghị quyết số "
        "03/NQ-CP của Chính phủ ban hành Chương trình hành động; Kế hoạch số 01-KH/BCĐTW của Ban Chỉ đạo "
        "hướng dẫn triển khai, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:",
        "Để triển khai thực hiện Nghị quyết số 57-NQ/TW, Nghị quyết số 03/NQ-CP và Kế hoạch số 01-KH/BCĐTW, "
        "Ủy ban nhân dân tỉnh yêu cầu:",
        "Thực hiện Nghị quyết số 57-NQ/TW;\nNghị quyết số 03/NQ-CP; Kế hoạch số 01-KH/BCĐTW. Tỉnh ủy yêu cầu:",
        # a purpose before it, with a comma of its own
        "Để chủ động phòng, chống dịch, thực hiện Nghị quyết số 57-NQ/TW, Nghị quyết số 03/NQ-CP và Kế hoạch "
        "số 01-KH/BCĐTW, Bộ trưởng chỉ thị:",
        "Nhằm triển khai có hiệu quả Nghị quyết số 57-NQ/TW, Nghị quyết số 03/NQ-CP và Kế hoạch số "
        "01-KH/BCĐTW, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:",
    ],
)
def test_every_item_of_an_implementing_preamble_implements(text: str) -> None:
    assert [r[:2] for r in refs(text)] == [("57-NQ/TW", "IMPLEMENTS"), ("03/NQ-CP", "IMPLEMENTS"),
                                            ("01-KH/BCĐTW", "IMPLEMENTS")]


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        # the direction a document gives, carried out
        ("Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh tại Văn bản số 123/UBND-KT ngày 5/3/2025, Sở Y tế đề nghị:",
         "IMPLEMENTS"),
        ("Thực hiện ý kiến chỉ đạo của đồng chí Chủ tịch UBND tỉnh tại Văn bản số 123/UBND-KT, Sở đề nghị:",
         "IMPLEMENTS"),
        # made concrete, executed
        ("Để cụ thể hóa Nghị quyết số 123/NQ-CP ngày 22/12/2024 của Chính phủ, Bộ ban hành Kế hoạch:", "IMPLEMENTS"),
        ("Để thi hành Nghị định số 123/2025/NĐ-CP, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:", "IMPLEMENTS"),
        # answered, asked for, based on: cited
        ("Trả lời Công văn số 123/SCT-KT ngày 09/3/2026 của Sở Công Thương, Cục có ý kiến như sau:", "CITES"),
        ("Theo đề nghị của Sở Tài chính tại Tờ trình số 123/TTr-STC ngày 2/4/2025, UBND tỉnh quyết định:", "CITES"),
        ("Căn cứ chỉ đạo của Ủy ban nhân dân tỉnh tại Văn bản số 123/UBND-KT, Sở Y tế đề nghị:", "CITES"),
        # the addressee's line run into the preamble: the capital opens a sentence of its own
        ("Kính gửi: Các đồng chí Bộ trưởng, Thủ trưởng cơ quan ngang Bộ\nThực hiện Kết luận số 192-KL/TW, ngày "
         "19/9/2025 của Bộ Chính trị, Ban Chỉ đạo yêu cầu:", "IMPLEMENTS"),
    ],
)
def test_how_a_preamble_relates_to_the_document_it_names(text: str, relation: str) -> None:
    assert refs(text)[0][1] == relation


def test_a_list_ends_at_a_new_clause_even_after_a_semicolon() -> None:
    found = refs("Thực hiện Kết luận số 1-KL/TW, Tỉnh ủy ban hành kế hoạch triển khai; Quyết định số 2/QĐ-UBND")
    assert [r[:2] for r in found] == [("1-KL/TW", "IMPLEMENTS"), ("2/QĐ-UBND", "CITES")]


@pytest.mark.parametrize(
    "text",
    [
        "Ủy ban nhân dân tỉnh ban hành Kế hoạch hành động thực hiện Nghị quyết số 57-NQ/TW như sau:",
        "Bộ Công Thương ban hành Chương trình hành động của Bộ triển khai thực hiện Nghị quyết số 57-NQ/TW.",
        "Chương trình hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024",
        "Ban Thường vụ Tỉnh ủy ban hành Kế hoạch thực hiện có hiệu quả Nghị quyết số 57-NQ/TW",
    ],
)
def test_a_preamble_issuing_a_plan_to_implement_implements(text: str) -> None:
    assert refs(text)[0][:2] == ("57-NQ/TW", "IMPLEMENTS")


def test_a_plan_already_issued_is_told_of_not_issued() -> None:
    assert refs("Ủy ban nhân dân tỉnh đã ban hành Kế hoạch thực hiện Nghị quyết số 57-NQ/TW.")[0][:2] == (
        "57-NQ/TW", "CITES")


@pytest.mark.parametrize(
    "subject",
    [
        "Ban hành Chương trình hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW",
        "Về việc ban hành Kế hoạch hành động thực hiện Nghị quyết số 57-NQ/TW",
        "V/v phê duyệt Đề án triển khai thi hành Nghị quyết số 57-NQ/TW",
        # a plan amended, and the type line run into a subject in capitals
        "Sửa đổi, bổ sung, cập nhật Chương trình hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW",
        "Về việc điều chỉnh Kế hoạch thực hiện Nghị quyết số 57-NQ/TW",
        "NGHỊ QUYẾT SỬA ĐỔI, BỔ SUNG CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW",
        "QUYẾT ĐỊNH BAN HÀNH KẾ HOẠCH THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW",
    ],
)
def test_a_subject_issuing_a_plan_to_implement_implements(subject: str) -> None:
    found = refs(subject, subject_span=(0, len(flow_view(subject).text)))
    assert found[0][:2] == ("57-NQ/TW", "IMPLEMENTS")


@pytest.mark.parametrize("subject", [
    "Sửa đổi, bổ sung Quy chế làm việc theo Nghị quyết số 57-NQ/TW",
    "NGHỊ QUYẾT VỀ ĐIỀU CHỈNH DỰ TOÁN NGÂN SÁCH THEO NGHỊ QUYẾT SỐ 57-NQ/TW",
    "QUYẾT ĐỊNH SỬA ĐỔI QUYẾT ĐỊNH SỐ 12/2024/QĐ-UBND",
])
def test_a_subject_amending_no_plan_only_cites(subject: str) -> None:
    found = refs(subject, subject_span=(0, len(flow_view(subject).text)))
    assert found[0][1] == "CITES"


@pytest.mark.parametrize(
    "text",
    [
        "Căn cứ Quyết định số 416/QĐ-TTg ngày 25/3/2020 của Thủ tướng Chính phủ về ban hành Kế hoạch thực hiện "
        "Chỉ thị số 37-CT/TW;",
        "Nghị quyết số 416/QĐ-TTg ngày 22/7/2022 của Chính phủ ban hành Chương trình hành động của Chính phủ "
        "thực hiện Chỉ thị số 37-CT/TW;",
        "Quyết định số 416/QĐ-TTg ngày 04/9/2025 của Thủ tướng Chính phủ ban hành Kế hoạch triển khai thi hành "
        "Chỉ thị số 37-CT/TW;",
        "Kế hoạch số 416/QĐ-TTg ngày 13/5/2026 của Ủy ban nhân dân tỉnh triển khai thực hiện Chỉ thị số 37-CT/TW",
        "Quyết định số 416/QĐ-TTg về việc thực hiện Chỉ thị số 37-CT/TW",
        "Quyết định số 416/QĐ-TTg phê duyệt Đề án thực hiện Chỉ thị số 37-CT/TW",
        "CHƯƠNG TRÌNH TRIỂN KHAI QUYẾT ĐỊNH SỐ 416/QĐ-TTG NGÀY 18 THÁNG 12 NĂM 2019 CỦA THỦ TƯỚNG CHÍNH PHỦ VỀ "
        "THỰC HIỆN CHỈ THỊ SỐ 37-CT/TW",
        # the plan named first, then the document it is attached to
        "Kế hoạch thực hiện Chỉ thị số 37-CT/TW ban hành kèm theo Quyết định số 416/QĐ-TTg ngày 25/3/2020",
        "Chương trình hành động của Chính phủ triển khai thực hiện Chỉ thị số 37-CT/TW ngày 3/9/2019 của Ban Bí "
        "thư, được ban hành kèm theo Quyết định số 416/QĐ-TTg",
    ],
)
def test_nested_descriptions_in_every_common_wording(text: str) -> None:
    view = flow_view(text)
    _, links = find_references(view.text, source_file="t.txt", view=view, resolve_issuer=resolve_organ)
    assert [(lk.source.symbol, lk.target.symbol) for lk in links] == [("416/QĐ-TTg", "37-CT/TW")]


@pytest.mark.parametrize(("text", "relations", "links"), [
    ("Thực hiện Chương trình hành động thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị ban "
     "hành kèm theo Nghị quyết số 03/NQ-CP ngày 09/01/2025 của Chính phủ, Ủy ban nhân dân tỉnh ban hành Kế hoạch.",
     [("57-NQ/TW", "CITES"), ("03/NQ-CP", "IMPLEMENTS")], [("03/NQ-CP", "57-NQ/TW")]),
    ("Căn cứ Kế hoạch thực hiện Nghị quyết số 57-NQ/TW ban hành kèm theo Quyết định số 03/QĐ-UBND;",
     [("57-NQ/TW", "CITES"), ("03/QĐ-UBND", "CITES")], [("03/QĐ-UBND", "57-NQ/TW")]),
    ("Quyết định số 03/QĐ-UBND ban hành kèm theo Nghị quyết số 57-NQ/TW.",  # no plan named before
     [("03/QĐ-UBND", "CITES"), ("57-NQ/TW", "CITES")], []),
])
def test_carrying_out_a_plan_attached_to_a_document_implements_that_document(
        text: str, relations: list[tuple[str, str]], links: list[tuple[str, str]]) -> None:
    """"Thực hiện Kế hoạch thực hiện X ban hành kèm theo Y" carries out Y (and Y implements X), as
    "Thực hiện Y … ban hành Kế hoạch thực hiện X" does; a basis ("Căn cứ …") only cites."""
    assert [r[:2] for r in refs(text)] == relations
    view = flow_view(text)
    _, found = find_references(view.text, source_file="t.txt", view=view, resolve_issuer=resolve_organ)
    assert [(lk.source.symbol, lk.target.symbol) for lk in found] == links


def test_a_name_cut_short_is_the_issuer_another_mention_names_in_full() -> None:
    view = flow_view("Thực hiện Chương trình số 104-CTr/TU ngày 30/8/2026 của Tỉnh ủy Lào Cai; Công văn số "
                     "2449-CV/ĐU về thực hiện Chương trình số 104-CTr/TU ngày 30/8/2026 của Tỉnh ủy Lào (gửi kèm).\n"
                     "Quyết định số 52/2024/QĐ-UBND của Ủy ban nhân dân tỉnh Cao Bằng 1. Sửa đổi Quyết định số "
                     "52/2024/QĐ-UBND của Ủy ban nhân dân tỉnh Cao Bằng.")
    found, _ = find_references(view.text, source_file="t.txt", view=view, resolve_issuer=resolve_organ)
    issuers = {(r.symbol, r.issuer.name) for r in found if r.issuer is not None}
    assert issuers == {("104-CTr/TU", "Tỉnh ủy Lào Cai"), ("52/2024/QĐ-UBND", "Ủy ban nhân dân tỉnh Cao Bằng")}


def _documents(*files: tuple[str, str]) -> dict[str, dict]:
    from vanban.graph.build import build_graph
    from vanban.loaders.extract import extract_text

    g = build_graph([extract_text(text, name) for name, text in files])
    return {n: d for n, d in g.nodes(data=True) if d.get("kind") == "Document" and not d.get("read")}


def test_a_slipped_type_word_is_a_conflict_on_one_node() -> None:
    docs = _documents(("a.txt", "KẾ HOẠCH\nThực hiện Chỉ thị số 18-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung "
                                "ương, Tỉnh ủy ban hành kế hoạch.\n1. Nhiệm vụ."),
                      ("b.txt", "KẾ HOẠCH\nThực hiện Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Ban Chấp hành "
                                "Trung ương, Tỉnh ủy ban hành kế hoạch.\n1. Nhiệm vụ."))
    assert [d["symbol"] for d in docs.values()] == ["18-NQ/TW"]
    node = next(iter(docs.values()))
    assert node["doc_type"] == "Nghị quyết"  # called as often by both words: its code decides
    assert node["conflicts"] and node["conflicts"][0].startswith("type: called Chỉ thị and Nghị quyết")


def test_dates_of_one_party_symbol_in_one_file_across_a_congress_are_a_conflict() -> None:
    docs = _documents(("a.txt", "CÔNG VĂN\nSố: 5/UBND-KT\nLào Cai, ngày 11 tháng 6 năm 2026\nThực hiện Chỉ thị số "
                                "11-CT/TU ngày 04/02/2026 của Ban Thường vụ Tỉnh ủy Lào Cai; theo Chỉ thị số "
                                "11-CT/TU ngày 04/01/2026 của Ban Thường vụ Tỉnh ủy Lào Cai.\n"))
    nodes = [d for d in docs.values() if d["symbol"] == "11-CT/TU"]
    assert len(nodes) == 1 and any(c.startswith("date:") for c in nodes[0]["conflicts"])


def test_a_purpose_that_reviews_a_document_does_not_implement_it() -> None:
    """"Để đánh giá … thực hiện X": the implementing verb is inside the purpose, not after it."""
    assert refs("Để đánh giá kết quả 5 năm thực hiện Nghị quyết số 20-NQ/TW, Tỉnh ủy yêu cầu:")[0][:2] == (
        "20-NQ/TW", "CITES")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thực hiện QĐ số 123/QĐ-UBND ngày 5/3/2025 của UBND tỉnh;", [("123/QĐ-UBND", "Quyết định")]),
        ("theo CV số 456/UBND-TH ngày 6/3/2025;", [("456/UBND-TH", "Công văn")]),  # the code's type
        ("giảm từ 30 ngày xuống 15 ngày theo QĐ số 2490/QĐ- BNN ngày 01/7/2025", [("2490/QĐ-BNN", "Quyết định")]),
        ("HD số: 12/HD-BTC", [("12/HD-BTC", "Hướng dẫn")]),
        ("Bộ Tài chính (BTC) số 12/BTC-CST", []),  # an issuer's code is no type
    ],
)
def test_a_type_written_as_its_code_before_the_number(text: str, expected: list[tuple]) -> None:
    found, _ = find_references(text, source_file="t.txt")
    assert [(r.symbol, r.doc_type) for r in found] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Thực hiện Nghị quyết 57 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ",
     [("57-NQ/TW", "IMPLEMENTS", None)]),
    ("theo Chỉ thị số 05 ngày 15/5/2016 của Bộ Chính trị;", [("05-CT/TW", "CITES", "2016-05-15")]),
    ("Căn cứ Quyết định 99 của Ban Bí thư và Hướng dẫn 12 của Ban Tuyên giáo và Dân vận Trung ương;",
     [("99-QĐ/TW", "CITES", None), ("12-HD/BTGDVTW", "CITES", None)]),
    # no series for the whole country: a state body's (its number needs a year), a local committee's
    ("Căn cứ Nghị quyết 57 của Chính phủ; Nghị quyết số 05 của Tỉnh ủy;", []),
    # a type the Party writes with another code; a number with no issuer; a symbol written in full
    ("Căn cứ Quy định 144 của Bộ Chính trị; Nghị quyết 57 về khoa học;", []),
    ("Thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị,", [("57-NQ/TW", "IMPLEMENTS", None)]),
])
def test_a_central_party_document_named_by_its_number_and_issuer(text: str, expected: list[tuple]) -> None:
    """"Nghị quyết 57 của Bộ Chính trị" is 57-NQ/TW: the number, the type's code and the issuer's."""
    assert refs(text) == expected


@pytest.mark.parametrize(("text", "issuer"), [
    ("theo Thông tư số 02/2017/TT-VPCP ngày 31/10/2017 của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ hướng dẫn",
     "Văn phòng Chính phủ"),
    ("theo Thông tư số 02/2017/TT-UBDT của Bộ trưởng, Chủ nhiệm Ủy ban Dân tộc;", "Ủy ban Dân tộc"),
    ("theo Thông tư số 02/2017/TT-BTC của Bộ trưởng Bộ Tài chính;", "Bộ Tài chính"),
])
def test_a_document_issued_by_a_head_with_two_titles_is_the_body_s(text: str, issuer: str) -> None:
    view = flow_view(text)
    found, _ = find_references(view.text, source_file="t.txt", view=view,
                               resolve_issuer=reference_issuer_resolver(resolve_organ))
    assert [r.issuer.name for r in found] == [issuer]


def test_a_list_of_numbers_after_the_type_and_issuer_it_shares_is_read_whole() -> None:
    """"Căn cứ các Thông tư của Bộ trưởng …: số A ngày …; số B …": the first number too (after the
    colon), not a header's "Số: …"."""
    text = ("Căn cứ các Thông tư của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ: số 02/2017/TT-VPCP ngày "
            "31/10/2017 hướng dẫn về nghiệp vụ; số 03/2025/TT-VPCP hướng dẫn thi hành Nghị định;")
    assert [r[0] for r in refs(text)] == ["02/2017/TT-VPCP", "03/2025/TT-VPCP"]
    assert refs(text)[0][2] == "2017-10-31"
    assert refs("Số: 12/KH-UBND\nKẾ HOẠCH") == []
