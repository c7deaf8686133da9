"""References: every written form, each with its relation, on short texts made for the test."""

from __future__ import annotations

import pytest

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
         [("Luật Hải quan", "CITES", None), ("Luật Hóa chất", "CITES", None)]),
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
])
def test_the_issuer_ends_before_a_capitalised_subject_or_a_quote(text: str, issuer: str) -> None:
    view = flow_view(text)
    found, _ = find_references(view.text, source_file="t.txt", view=view, resolve_issuer=resolve_organ)
    assert found[0].issuer is not None and found[0].issuer.name == issuer
