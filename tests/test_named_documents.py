"""Documents named by their name: how far a name reaches, which names are no documents, and how a
name without a number becomes the numbered document (in the text, across files, from the registry)."""

from __future__ import annotations

import pytest

from vanban.graph.build import build_graph
from vanban.loaders.extract import extract_text
from vanban.loaders.lexicon import doc_types, named_documents
from vanban.loaders.named_documents import with_abbreviations
from vanban.loaders.organs import resolve_organ
from vanban.loaders.references import find_references
from vanban.loaders.text import flow_view


def named(text: str) -> list[tuple]:
    view = flow_view(text)
    found, _ = find_references(view.text, source_file="t.txt", view=view, resolve_issuer=resolve_organ)
    return [(r.title or r.symbol, r.symbol, r.doc_type) for r in found]


def titles(text: str) -> list[str]:
    return [t for t, _, _ in named(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name holding a comma, known from the registry
        ("c) Được khen thưởng theo quy định của Luật Thi đua, khen thưởng;", ["Luật Thi đua, khen thưởng"]),
        ("theo Luật Thi đua, khen thưởng và Nghị định số 98/2023/NĐ-CP", ["Luật Thi đua, khen thưởng",
                                                                       "98/2023/NĐ-CP"]),
        # a registered name holding a word that elsewhere ends one ("theo", "và", a comma)
        ("- Luật Đầu tư theo phương thức đối tác công tư (được sửa đổi, bổ sung);",
         ["Luật Đầu tư theo phương thức đối tác công tư"]),
        ("của Luật An toàn, vệ sinh lao động về hoạt động kiểm định", ["Luật An toàn, vệ sinh lao động"]),
        ("của Luật Đường bộ và Điều 77 Luật Trật tự, an toàn giao thông\nđường bộ;",
         ["Luật Đường bộ", "Luật Trật tự, an toàn giao thông đường bộ"]),
        # a registered name holding a word that ends others ("phải"), and its brackets
        ("quy định chi tiết một số điều của Luật Phòng, chống nhiễm vi rút gây ra hội chứng suy giảm miễn dịch "
         "mắc phải ở người (HIV/AIDS);",
         ["Luật Phòng, chống nhiễm vi rút gây ra hội chứng suy giảm miễn dịch mắc phải ở người (HIV/AIDS)"]),
        ("theo Luật Hỗ trợ doanh nghiệp nhỏ và vừa không bắt buộc", ["Luật Hỗ trợ doanh nghiệp nhỏ và vừa"]),
        # a name holding "và", in either case, with its year
        ("Các quy định của Luật Địa chất và Khoáng sản năm 2024 và các văn bản hướng dẫn",
         ["Luật Địa chất và Khoáng sản năm 2024"]),
        ("quy định tại Điều 7 Luật Địa chất và khoáng sản; khoản 12", ["Luật Địa chất và khoáng sản"]),
        # a name the text numbers elsewhere, read whole where it stands alone (before or after)
        ("theo Luật Quy hoạch đô thị và nông thôn. Căn cứ Luật Quy hoạch đô thị và nông thôn số 47/2024/QH15;",
         ["Luật Quy hoạch đô thị và nông thôn", "Luật Quy hoạch đô thị và nông thôn"]),
        # a name ends before the rest of the sentence
        ("bảo đảm Luật Đầu tư bảo đảm thống nhất với Luật Doanh nghiệp", ["Luật Đầu tư", "Luật Doanh nghiệp"]),
        ("thực hiện theo Luật Giá thực hiện kê khai", ["Luật Giá"]),
        ("Luật Quản lý thuế: trường hợp phát sinh", ["Luật Quản lý thuế"]),
        ("Luật An toàn thông tin mạng thành 01 luật", ["Luật An toàn thông tin mạng"]),
        ("Luật Bảo vệ môi trường 2020 quy định", ["Luật Bảo vệ môi trường năm 2020"]),
        # a name opening with a word that elsewhere ends one
        ("theo Luật Thi hành án dân sự; Luật thực hiện dân chủ ở cơ sở", ["Luật Thi hành án dân sự",
                                                                         "Luật thực hiện dân chủ ở cơ sở"]),
        # a law named, then numbered without "số"
        ("khoản 6 Điều 16 Luật Thuế xuất khẩu, thuế nhập khẩu 107/2016/QH13, khoản 1", ["Luật Thuế xuất khẩu, thuế nhập khẩu"]),
        ("Luật Công nghiệp công nghệ số 71/2025/QH15 và Luật Công nghiệp công nghệ số.",
         ["Luật Công nghiệp công nghệ số", "Luật Công nghiệp công nghệ số"]),
    ],
)
def test_a_law_s_name_reaches_its_real_end(text: str, expected: list[str]) -> None:
    assert titles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # written before its date, or as a basis of the preamble: the name runs on over "và" and commas
        ("Căn cứ Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ ngày 29 tháng 11 năm 2024;",
         ["Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ"]),
        ("theo Luật Trật tự, an toàn giao thông đường bộ năm 2024 và", ["Luật Trật tự, an toàn giao thông đường bộ năm 2024"]),
        ("Căn cứ Luật Trật tự, an toàn giao thông đường bộ;\nCăn cứ Nghị định số 1/2025/NĐ-CP;",
         ["Luật Trật tự, an toàn giao thông đường bộ", "1/2025/NĐ-CP"]),
        # and, learned there, where the text names it again
        ("Quy định chi tiết Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ\nCăn cứ Luật Phòng cháy, chữa cháy "
         "và cứu nạn, cứu hộ ngày 29/11/2024;", ["Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ"] * 2),
        # but not over a word that opens the rest of a sentence, another document or a capital
        ("Căn cứ Luật Đất đai và các văn bản hướng dẫn ngày 1/8/2024;", ["Luật Đất đai"]),
        ("theo Luật Đất đai và Luật Xây dựng ngày 1/7/2024", ["Luật Đất đai", "Luật Xây dựng"]),
        ("theo Luật Đầu tư công được Quốc hội thông qua ngày 13/6/2019", ["Luật Đầu tư công"]),
        ("thực hiện Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ;", ["Luật Phòng cháy, chữa cháy"]),
    ],
)
def test_a_name_joining_words_reaches_its_date_or_the_end_of_its_basis(text: str, expected: list[str]) -> None:
    assert titles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an amending law is its own document, named with the laws it amends, with or without commas
        ("Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 19 tháng 02 năm 2025; Luật sửa đổi bổ sung "
         "một số điều của Luật Ban hành văn bản quy phạm pháp luật ngày 25 tháng 6 năm 2025;",
         [("Luật Ban hành văn bản quy phạm pháp luật", "2025-02-19"),
          ("Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật", "2025-06-25")]),
        ("Căn cứ Luật Giáo dục đại học; Luật sửa đổi, bổ sung một số Điều của Luật Giáo dục đại học;",
         [("Luật Giáo dục đại học", None),
          ("Luật sửa đổi, bổ sung một số điều của Luật Giáo dục đại học", None)]),
        ("Luật sửa đổi, bổ sung một số điều của Luật Cán bộ, công chức và Luật Viên chức;",
         [("Luật sửa đổi, bổ sung một số điều của Luật Cán bộ, công chức và Luật Viên chức", None)]),
        ("Luật sửa đổi, bổ sung một số điều của luật chứng khoán, luật quản lý, sử dụng tài sản công, luật quản "
         "lý thuế số 56/2024/QH15 ngày 29 tháng 11 năm 2024;",
         [("Luật sửa đổi, bổ sung một số điều của luật chứng khoán, luật quản lý, sử dụng tài sản công, luật quản "
           "lý thuế", "2024-11-29")]),
        # no name read: no document, not "Luật sửa đổi"
        ("Luật sửa đổi, bổ sung một số điều của 37 luật có liên quan đến quy hoạch.", []),
    ],
)
def test_an_amending_law_is_its_own_document(text: str, expected: list[tuple]) -> None:
    view = flow_view(text)
    found, _ = find_references(view.text, source_file="t.txt", view=view)
    assert [(r.title, r.date) for r in found] == expected


@pytest.mark.parametrize(
    "text",
    [
        "| STT | Dự kiến xây dựng Luật\nCơ quan chủ trì | Thời gian |",  # a table heading
        "Dự kiến xây dựng Luật | Cơ quan chủ trì",
        "theo Luật Việt Nam và thông lệ quốc tế",  # a title-cased fragment of prose
        "Luật sửa đổi sẽ có hiệu lực",
        "Luật này có hiệu lực; Luật sư tư vấn; Luật chuyên ngành quy định",
        "Xây dựng Quy hoạch bảo vệ môi trường giai đoạn 2031 - 2040, tầm nhìn đến năm 2060",  # still to be made
        "khẩn trương hoàn thiện dự thảo Luật Trí tuệ nhân tạo, trình Chính phủ",
        "các Chương trình mục tiêu quốc gia trên địa bàn tỉnh giai đoạn 2021 - 2025",
        "Chương trình 12 tháng; Đề án 2025 năm; Đề án 500 người",
    ],
)
def test_no_junk_names(text: str) -> None:
    assert named(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("quán triệt Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng, Nghị quyết Đại hội Đảng "
         "toàn quốc lần thứ XIII",
         [("Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng", None, "Nghị quyết"),
          ("Nghị quyết Đại hội Đảng toàn quốc lần thứ XIII", None, "Nghị quyết")]),
        ("phù hợp Quy hoạch tỉnh Lào Cai thời kỳ 2021 - 2030, tầm nhìn đến năm 2050 được phê duyệt",
         [("Quy hoạch tỉnh Lào Cai thời kỳ 2021 - 2030, tầm nhìn đến năm 2050", None, "Quy hoạch")]),
        ("Quy hoạch thăm dò, khai thác, chế biến và sử dụng các loại khoáng sản thời kỳ 2021-2030;",
         [("Quy hoạch thăm dò, khai thác, chế biến và sử dụng các loại khoáng sản thời kỳ 2021-2030", None,
           "Quy hoạch")]),
        ("Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 - 2025 và Chương trình 135",
         [("Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 - 2025", None,
           "Chương trình mục tiêu quốc gia"), ("Chương trình 135", None, "Chương trình")]),
        ("triển khai Đề án 844 và Đề án 06 của Chính phủ", [("Đề án 844", None, "Đề án"),
                                                             ("Đề án 06", None, "Đề án")]),
        ("Thực hiện Hiệp định Thương mại giữa Chính phủ nước CHXHCN Việt Nam và Chính phủ nước CHDCND Lào ký "
         "ngày 08 tháng 4 năm 2024;",
         [("Hiệp định Thương mại giữa Chính phủ nước CHXHCN Việt Nam và Chính phủ nước CHDCND Lào", None,
           "Hiệp định")]),
    ],
)
def test_party_resolutions_plans_schemes_and_agreements_by_name(text: str, expected: list[tuple]) -> None:
    assert named(text) == expected


def test_an_abbreviation_defined_in_brackets_stands_for_its_words() -> None:
    long = ("Hiệp định Thương mại giữa Chính phủ nước Cộng hòa Xã hội Chủ nghĩa (CHXHCN) Việt Nam và Chính phủ "
            "nước Cộng hòa Dân chủ Nhân dân Lào (CHDCND)")
    assert with_abbreviations(long) == (
        "Hiệp định Thương mại giữa Chính phủ nước CHXHCN Việt Nam và Chính phủ nước CHDCND Lào")
    assert with_abbreviations("Luật (sửa đổi) X (ABC)") == "Luật (sửa đổi) X (ABC)"


@pytest.mark.parametrize(
    ("text", "symbol"),
    [
        ("Căn cứ Luật Khoa học, công nghệ và đổi mới sáng tạo số 93/2025/QH15; theo Luật Khoa học, công nghệ "
         "và đổi mới sáng tạo.", "93/2025/QH15"),
        # the number given after the name alone
        ("quy định tại Luật Đê điều. Căn cứ Luật Đê điều số 79/2006/QH11;", "79/2006/QH11"),
    ],
)
def test_a_name_alone_is_the_document_the_text_numbers(text: str, symbol: str) -> None:
    assert {s for _, s, _ in named(text)} == {symbol}


def test_a_name_with_two_numbers_in_the_text_takes_the_one_of_its_year() -> None:
    text = ("Luật Đất đai số 45/2013/QH13 và Luật Đất đai số 31/2024/QH15; theo Luật Đất đai năm 2013 "
            "và Luật Đất đai")
    assert [s for _, s, _ in named(text)] == ["45/2013/QH13", "31/2024/QH15", "45/2013/QH13", None]


def _graph(*texts: tuple[str, str]):
    return build_graph([extract_text(text, name) for name, text in texts])


def _cited(g, source_file: str) -> set[tuple]:
    return {(g.nodes[v].get("symbol"), g.nodes[v].get("title")) for u, v, d in g.edges(data=True)
            if d["type"] in ("CITES", "IMPLEMENTS") and d.get("source_file") == source_file}


def test_a_law_numbered_in_one_file_is_the_law_named_alone_in_another() -> None:
    g = _graph(("a.txt", "QUYẾT ĐỊNH\nSố: 1/QĐ-UBND\nHà Nội, ngày 02 tháng 3 năm 2026\n"
                         "Căn cứ Luật Thủy sản nội địa số 199/2024/QH15;\n"),
               ("b.txt", "CÔNG VĂN\nSố: 2/UBND-KT\nHà Nội, ngày 05 tháng 3 năm 2026\n"
                         "Thực hiện theo quy định của Luật Thủy sản nội địa, đề nghị các sở thực hiện.\n"))
    assert _cited(g, "b.txt") == {("199/2024/QH15", "Luật Thủy sản nội địa")}


def test_the_registry_numbers_a_name_by_the_date_of_the_citing_document() -> None:
    g = _graph(("a.txt", "QUYẾT ĐỊNH\nSố: 1/QĐ-UBND\nHà Nội, ngày 02 tháng 3 năm 2025\n"
                         "Căn cứ Luật Thi đua, khen thưởng; Luật Hợp tác xã năm 2012;\n"),
               ("b.txt", "QUYẾT ĐỊNH\nSố: 2/QĐ-UBND\nHà Nội, ngày 02 tháng 3 năm 2019\n"
                         "Căn cứ Luật Thi đua, khen thưởng;\n"))
    assert _cited(g, "a.txt") == {("06/2022/QH15", "Luật Thi đua, khen thưởng"), ("23/2012/QH13", "Luật Hợp tác xã")}
    # cited in 2019, before the registry's version was passed: a name, not that number
    assert _cited(g, "b.txt") == {(None, "Luật Thi đua, khen thưởng")}
    law = next(d for n, d in g.nodes(data=True) if d.get("symbol") == "06/2022/QH15")
    assert (law["doc_type"], law["date"]) == ("Luật", "2022-06-15")


def test_party_resolution_aliases_are_one_document() -> None:
    g = _graph(("a.txt", "KẾT LUẬN\nSố 1-KL/TU\nHà Nội, ngày 02 tháng 3 năm 2023\n"
                         "gắn với Nghị quyết Đại hội XIII của Đảng và Nghị quyết Đại hội đại biểu toàn quốc lần "
                         "thứ XIII của Đảng.\n"))
    assert _cited(g, "a.txt") == {(None, "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng")}


def test_the_registry_is_modest_and_says_where_each_fact_was_checked() -> None:
    types = {t.name for t in doc_types()}
    entries = named_documents()
    assert 10 <= len(entries) <= 120
    for entry in entries:
        assert entry.source, entry
        assert entry.doc_type in types, entry
        assert entry.year is not None, entry
        if entry.number:
            assert entry.number.endswith(("QH11", "QH12", "QH13", "QH14", "QH15", "QH10")), entry
            if entry.date:
                assert f"/{entry.date[:4]}/" in entry.number, entry


@pytest.mark.parametrize(("text", "expected"), [
    # a decree in force, cited by its issuer and subject: named to the end of the clause
    ("thực hiện theo quy định tại Nghị định của Chính phủ về bồi thường, hỗ trợ, tái định cư khi Nhà nước "
     "thu hồi đất. Trường hợp khác", ["Nghị định của Chính phủ về bồi thường, hỗ trợ, tái định cư khi Nhà nước thu hồi đất"]),
    ("theo quy định tại Thông tư của Bộ Tài chính về quản lý phí; và", ["Thông tư của Bộ Tài chính về quản lý phí"]),
    # one still to be made is no citation; one numbered is read by its number
    ("Tham mưu ban hành Nghị định của Chính phủ về cơ chế đột phá phát triển.", []),
    ("theo quy định tại Nghị định số 12/2025/NĐ-CP của Chính phủ về quản lý.", ["12/2025/NĐ-CP"]),
])
def test_a_document_cited_by_its_issuer_and_subject(text: str, expected: list[str]) -> None:
    assert titles(text) == expected


@pytest.mark.parametrize("written", [
    "Nghị quyết Trung ương 8 khóa XIII",
    "Nghị quyết Trung ương 8 (khóa XIII)",
    "Nghị quyết Hội nghị Trung ương 8 khóa XIII",
    "Nghị quyết Hội nghị lần thứ tám Ban Chấp hành Trung ương khóa XIII",
    "Nghị quyết Hội nghị lần thứ 8 Ban Chấp hành Trung ương Đảng (khóa XIII)",
    "Nghị quyết Hội nghị lần thứ Tám Ban Chấp hành Trung ương Đảng khóa XIII",
])
def test_a_plenum_s_resolution_in_any_wording_is_one_title(written: str) -> None:
    """The resolution of the Central Committee's eighth plenum, however it is written, is one node."""
    assert named(f"quán triệt {written} về chiến lược bảo vệ Tổ quốc") == [
        ("Nghị quyết Trung ương 8 khóa XIII", None, "Nghị quyết")]


@pytest.mark.parametrize("text", ["Nghị quyết Hội nghị Ban Chấp hành Trung ương về công tác cán bộ",
                                  "Nghị quyết Hội nghị lần thứ nhiều Ban Chấp hành Trung ương"])
def test_a_plenum_without_its_number_names_no_resolution(text: str) -> None:
    assert named(text) == []
