"""Normalisation keeps offsets into the original text."""

from __future__ import annotations

import unicodedata

import pytest

from vanban.loaders.text import clean_view, flow_view, fold, normalize_tones


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("chuyển hoá", "chuyển hóa"),
        ("Tỉnh uỷ", "Tỉnh ủy"),
        ("TỈNH UỶ", "TỈNH ỦY"),
        ("Uỷ ban Kiểm tra Huyện uỷ, Oà", "Ủy ban Kiểm tra Huyện ủy, Òa"),  # a capital first vowel
        ("khoẻ mạnh, tuỳ theo", "khỏe mạnh, tùy theo"),
        ("quý, quỳnh", "quý, quỳnh"),  # the u after q is part of the onset
        ("hoàn thành, thuyết", "hoàn thành, thuyết"),  # not at the end of the syllable
    ],
)
def test_tone_placement(raw: str, expected: str) -> None:
    assert normalize_tones(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("**Số 54-KL/TW**", "Số 54-KL/TW"),
        ("\\*", "*"),
        ("## 6. Tổ chức thực hiện", "6. Tổ chức thực hiện"),
        ("ÐẢNG ỦY", "ĐẢNG ỦY"),  # OCR eth
        ("“tự diễn biến”", '"tự diễn biến"'),
        ("*Kính gửi:* các huyện ủy", "Kính gửi: các huyện ủy"),
        ("Tỉnh u\u0309y", "Tỉnh ủy"),  # decomposed marks → NFC
        ("Số 1\r\n2", "Số 1\n2"),
        # the cells of a header a crawler ran into one line: its rules and its star on lines of their own
        ("BỘ TÀI CHÍNH -------- CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM ---------- Số: 12/BTC",
         "BỘ TÀI CHÍNH\n--------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n----------\nSố: 12/BTC"),
        ("BAN CHẤP HÀNH TRUNG ƯƠNG * Số 210-KL/TW", "BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố 210-KL/TW"),
        ("a * b, 2 * 3", "a * b, 2 * 3"),
        ("ỦY BAN NHÂN DÂN TỈNH LÀO CAI Số: 12/KH-UBND", "ỦY BAN NHÂN DÂN TỈNH LÀO CAI\nSố: 12/KH-UBND"),
        ("theo Công văn Số 12 của Sở", "theo Công văn Số 12 của Sở"),
        ("--------\nHọ và tên: ----------", "--------\nHọ và tên: ----------"),  # a rule alone, a blank to fill
        # a symbol's dash written as an en or em dash, a non-breaking hyphen or a minus sign
        ("Kế hoạch số 45–KH/TU", "Kế hoạch số 45-KH/TU"), ("số 57/NQ—CP", "số 57/NQ-CP"),
        ("số 12/QĐ‑UBND", "số 12/QĐ-UBND"), ("số 8−CT/TW", "số 8-CT/TW"),
        ("Độc lập – Tự do – Hạnh phúc", "Độc lập – Tự do – Hạnh phúc"), ("giai đoạn 2021–2025", "giai đoạn 2021–2025"),
        # the header's "Số" with its mark lost by a scan, before a number only
        ("So: 12/KH-UBND\nKẾ HOẠCH", "Số: 12/KH-UBND\nKẾ HOẠCH"), ("So: 12 người", "So: 12 người"),
    ],
)
def test_clean_view_text(raw: str, expected: str) -> None:
    assert clean_view(raw).text == expected


@pytest.mark.parametrize(
    "raw",
    ["**BAN** \\* Số 54-KL/TW\r\nhoá uỷ Ð “x”", "Tỉnh u\u0309y Lạng Sơn", "# A\n\n*b* c"],
)
def test_clean_offsets_point_at_the_original_character(raw: str) -> None:
    view = clean_view(raw)
    assert len(view.offsets) == len(view.text) + 1
    for i, ch in enumerate(view.text):
        original = raw[view.offsets[i]]
        # the original character is the same letter up to tone placement / NFC / OCR fixes
        assert fold(original) == fold(ch) or fold(ch) in fold(raw[view.offsets[i]: view.offsets[i] + 3]) \
            or ch in '"*\n'


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Kết luận số 01-\n\nKL/TW của Bộ Chính trị", "Kết luận số 01-KL/TW của Bộ Chính trị"),
        ("Kết luận số 01-\nKL/TW", "Kết luận số 01-KL/TW"),
        ("Thông tư số 36/2025/TT-\nBNNMT", "Thông tư số 36/2025/TT-BNNMT"),
        ("ngày 25/10/\n2021", "ngày 25/10/2021"),
        ("thực hiện Quyết định\nsố 99-QĐ/TW", "thực hiện Quyết định số 99-QĐ/TW"),
        ("Câu một.\nCâu hai", "Câu một.\nCâu hai"),
        ("nhiệm vụ sau:\n1. Quán triệt", "nhiệm vụ sau:\n1. Quán triệt"),
        ("- Ban Dân vận,\n- Lưu VT.", "- Ban Dân vận,\n- Lưu VT."),
        ("đoạn một\n\nĐoạn hai", "đoạn một\nĐoạn hai"),
        ("căn cứ chức\n\nnăng, nhiệm vụ", "căn cứ chức năng, nhiệm vụ"),  # a sentence cut by a blank line
        ("KẾT LUẬN\nCỦA BAN BÍ THƯ\nvề tiếp tục", "KẾT LUẬN CỦA BAN BÍ THƯ\nvề tiếp tục"),
        # a date cut after "ngày", with or without a blank line
        ("Kết luận số 54-KL/TW, ngày\n09/5/2023 của Ban Bí thư", "Kết luận số 54-KL/TW, ngày 09/5/2023 của Ban Bí thư"),
        ("Chỉ thị số 05, ngày\n\n15.5.2016 của Bộ", "Chỉ thị số 05, ngày 15.5.2016 của Bộ"),
        # a basis of the preamble opens a paragraph, even under an unpunctuated subject line
        ("Về việc tạm dừng làm thủ tục hải quan\nCăn cứ Luật Hải quan số 54/2014/QH13;",
         "Về việc tạm dừng làm thủ tục hải quan\nCăn cứ Luật Hải quan số 54/2014/QH13;"),
        ("Số: 435/QĐ-UBND Kon Tum, ngày 04 tháng 5 năm 2020 QUYẾT ĐỊNH\nXét đề nghị của Sở Tư pháp;",
         "Số: 435/QĐ-UBND Kon Tum, ngày 04 tháng 5 năm 2020 QUYẾT ĐỊNH\nXét đề nghị của Sở Tư pháp;"),
        ("thực hiện theo\nCăn cứ pháp lý", "thực hiện theo Căn cứ pháp lý"),  # the line wants what follows
        ("có căn\ncứ vào kết quả", "có căn cứ vào kết quả"),
        # the place-and-date line under a subject is a line of its own (not after a linking word)
        ("V/v chính sách thuế giá trị gia tăng\nHà Nội, ngày 25 tháng 11 năm 2025",
         "V/v chính sách thuế giá trị gia tăng\nHà Nội, ngày 25 tháng 11 năm 2025"),
        ("V/v triển khai Kế hoạch\nTP. Hồ Chí Minh, ngày 2 tháng 3 năm 2025",
         "V/v triển khai Kế hoạch\nTP. Hồ Chí Minh, ngày 2 tháng 3 năm 2025"),
        ("theo Công văn của\nBộ Tài chính, ngày 12/3/2025 đã hướng dẫn", "theo Công văn của Bộ Tài chính, ngày 12/3/2025 đã hướng dẫn"),
        ("Hà\nNội, ngày 20 tháng 11 năm 2025", "Hà Nội, ngày 20 tháng 11 năm 2025"),  # a place cut in two
        # the place-and-date line ends its paragraph; a wrapped line that only names a date does not
        ("Lào Cai, ngày 5 tháng 3 năm 2025\nKẾ HOẠCH Triển khai", "Lào Cai, ngày 5 tháng 3 năm 2025\nKẾ HOẠCH Triển khai"),
        ("TP. Huế, ngày 05/3/2025\nKẾ HOẠCH Triển khai", "TP. Huế, ngày 05/3/2025\nKẾ HOẠCH Triển khai"),
        ("KL/TW, ngày 18/5/2021 về thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016\ncủa Bộ Chính trị",
         "KL/TW, ngày 18/5/2021 về thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị"),
        # a paragraph of the preamble opens under a subject with no blank line between them
        ("Về việc triển khai nhiệm vụ năm 2025\nThực hiện Nghị quyết số 57-NQ/TW",
         "Về việc triển khai nhiệm vụ năm 2025\nThực hiện Nghị quyết số 57-NQ/TW"),
        ("về tiếp tục thực hiện Nghị quyết số 19-NQ/TW\nTại phiên họp ngày 10/11/2025, Bộ Chính trị",
         "về tiếp tục thực hiện Nghị quyết số 19-NQ/TW\nTại phiên họp ngày 10/11/2025, Bộ Chính trị"),
        ("Trung ương Đảng khóa\nXII.", "Trung ương Đảng khóa XII."),  # a term cut from its number
        # a name cut by a blank line inside an organ word, or between a committee's part and it
        ("định kỳ báo cáo với Ban\n\nThường vụ Đảng ủy (qua Văn phòng)", "định kỳ báo cáo với Ban Thường vụ Đảng ủy (qua Văn phòng)"),
        ("ngày 20/1/2020 của Ban Thường vụ\n\nThành ủy (sau đây viết tắt)",
         "ngày 20/1/2020 của Ban Thường vụ Thành ủy (sau đây viết tắt)"),
        ("xây dựng Đảng\n\nQuán triệt sâu sắc", "xây dựng Đảng\nQuán triệt sâu sắc"),
        # a number wrapped onto a line of its own is no heading in capitals
        ("triển khai Nghị quyết số\n66/NQ-CP.", "triển khai Nghị quyết số 66/NQ-CP."),
        ("sửa đổi Nghị định số\n63/2010/NĐ-CP;", "sửa đổi Nghị định số 63/2010/NĐ-CP;"),
        ("kết luận của\nBAN BÍ THƯ", "kết luận của BAN BÍ THƯ"),
        ("Căn cứ tình hình thực tế\nI. MỤC ĐÍCH, YÊU CẦU", "Căn cứ tình hình thực tế\nI. MỤC ĐÍCH, YÊU CẦU"),
    ],
)
def test_flow_joins_soft_breaks(raw: str, expected: str) -> None:
    assert flow_view(raw).text == expected


def test_double_spaced_pdf_lines_join() -> None:
    lines = [f"dòng số {i} của một đoạn văn bản dài được ngắt cứng khi xuất PDF" for i in range(12)]
    raw = " \n\n".join(lines) + "."
    text = flow_view(raw).text
    assert "\n" not in text
    assert text.count("dòng số") == 12


def test_flow_span_maps_back_to_the_file() -> None:
    raw = "Thực hiện Kết luận số 01-\n\nKL/TW, ngày 18/5/2021 của **Bộ Chính trị**"
    view = flow_view(raw)
    start = view.text.index("01-KL/TW")
    span = view.span(start, start + len("01-KL/TW"))
    assert raw[span[0] : span[1]].replace("\n", "") == "01-KL/TW"
    start = view.text.index("Bộ Chính trị")
    span = view.span(start, start + len("Bộ Chính trị"))
    assert raw[span[0] : span[1]] == "Bộ Chính trị"


def test_fold_is_tone_and_case_insensitive() -> None:
    assert fold("Tỉnh Uỷ") == fold("tinh uy") == fold("TỈNH ỦY")
    assert fold("Đảng ủy") == "dang uy"
    assert fold(unicodedata.normalize("NFD", "Lạng Sơn")) == "lang son"


def test_page_markers_and_tool_banners_are_not_text() -> None:
    raw = "[OCR] [Bản trích chữ tự động]\n===== Trang 1 =====\nKẾT LUẬN\n===== Trang 2 =====\nnội dung"
    assert clean_view(raw).text.split() == ["KẾT", "LUẬN", "nội", "dung"]
