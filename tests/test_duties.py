"""Assignments, reports and addressees written without the usual verbs, on short texts.

Each rule is tried on texts written for the test, with varied wording, spacing and line breaks:
who is told to act (``Đề nghị X chủ trì``, ``X khẩn trương chủ trì``, a heading naming the body
with its duties below, a ``Cơ quan chủ trì`` column), who reports to whom (``(thông qua Y)``,
``báo cáo, đề xuất X``, ``gửi về Y để tổng hợp, báo cáo X``), how a list of addressees splits
into its bodies, and where an organ's name ends.
"""

from __future__ import annotations

import pytest

from vanban.loaders.bodies import split_bodies
from vanban.loaders.extract import extract_text
from vanban.loaders.organs import OrganScope, resolve_organ
from vanban.loaders.recipients import kinh_gui_items, noi_nhan_items
from vanban.loaders.reports import find_reports
from vanban.loaders.task_tables import table_tasks
from vanban.loaders.tasks import coordinators, requests, subject_of


def _header(issuer: str, number: str, kind: str = "THÔNG BÁO") -> str:
    return (f"{issuer}                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "-------                            Độc lập - Tự do - Hạnh phúc\n"
            f"Số: {number}                    Hà Nội, ngày 27 tháng 11 năm 2025\n{kind}\n")


def _duties(text: str) -> tuple[dict[str, set[tuple[str, str]]], set[tuple[str, str, str | None]]]:
    """(task path → {(organ, role)}, {(reporter, reported to, via)}) of a one-document text."""
    doc = extract_text(text, "doc.txt").documents[0]
    tasks = {t.path: {(a.organ.name, a.role.value) for a in t.assignments} for t in doc.tasks if t.assignments}
    reports = {(r.reporter.name, r.recipient.name, r.via.name if r.via else None) for r in doc.reports}
    return tasks, reports


# --- who is told to act ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("unit", "names", "role"),
    [
        ("Đề nghị Sở Y tế chủ trì, phối hợp với Sở Tài chính xây dựng kế hoạch", ["Sở Y tế"], "lead"),
        ("đề nghị  Ban Dân vận Tỉnh ủy  chủ trì tổ chức hội nghị", ["Ban Dân vận Tỉnh ủy"], "lead"),
        ("Sở Công Thương khẩn trương chủ trì xây dựng đề án", ["Sở Công Thương"], "lead"),
        ("Bộ Tài chính có trách nhiệm chủ trì, phối hợp với các bộ", ["Bộ Tài chính"], "lead"),
        ("Bộ Tài chính chủ động rà soát các quy định", ["Bộ Tài chính"], "perform"),
        ("Về hỗ trợ kinh phí: Giao Bộ Tài chính chủ trì, phối hợp với Bộ Y tế", ["Bộ Tài chính"], "lead"),
        ("Về việc bố trí xe: giao Sở Y tế tổng hợp nhu cầu", ["Sở Y tế"], "perform"),
        ("- Giao Sở Xây dựng chủ trì, phối hợp với Công an tỉnh", ["Sở Xây dựng"], "lead"),
        ("Giao Công an Thành phố Chỉ đạo Công an các phường", ["Công an Thành phố"], "perform"),
        ("Giao Sở Nông nghiệp và Môi trường Khẩn trương chia sẻ dữ liệu", ["Sở Nông nghiệp và Môi trường"],
         "perform"),
        ("Ban Chỉ đạo 389 quốc gia chủ trì kiểm tra", ["Ban Chỉ đạo 389 quốc gia"], "lead"),
        ("Căn cứ nội dung Kế hoạch, các sở, ban, ngành xây dựng kế hoạch", ["các sở, ban, ngành"], "perform"),
        ("Trên cơ sở kết quả khảo sát, Sở Xây dựng chủ trì đề xuất phương án", ["Sở Xây dựng"], "lead"),
        ("Các Bộ, cơ quan: Tài chính, Xây dựng, Ngoại giao, Tập đoàn Điện lực Việt Nam theo chức năng "
         "khẩn trương rà soát", ["Bộ Tài chính", "Bộ Xây dựng", "Bộ Ngoại giao", "Tập đoàn Điện lực Việt Nam"],
         "perform"),
        ("Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân các tỉnh thực hiện nghiêm",
         ["Bộ trưởng các bộ", "Thủ trưởng cơ quan ngang bộ", "Chủ tịch Ủy ban nhân dân các tỉnh"], "perform"),
        ("Chi cục Hải quan quyết định tạm dừng có trách nhiệm thông báo", ["Chi cục Hải quan"], "perform"),
        # an adverb before the verb ends the name: "Giao Phó Thủ tướng X trực tiếp chỉ đạo"
        ("Giao Phó Thủ tướng Trần Hồng Hà trực tiếp chỉ đạo việc thực hiện", ["Phó Thủ tướng Trần Hồng Hà"],
         "perform"),
        ("Sở Tư pháp trực tiếp hướng dẫn các xã", ["Sở Tư pháp"], "perform"),
        # what the duty follows, said after who does it
        ("Giao các Phó Thủ tướng theo nhiệm vụ được phân công chỉ đạo các Bộ", ["các Phó Thủ tướng"], "perform"),
        ("Các sở theo lĩnh vực quản lý hướng dẫn các xã", ["Các sở"], "perform"),
        # bodies named by what they are, a level after them
        ("Bảo hiểm xã hội tỉnh hướng dẫn thủ tục", ["Bảo hiểm xã hội tỉnh"], "perform"),
        ("Bệnh viện Đa khoa tỉnh chuẩn bị giường bệnh", ["Bệnh viện Đa khoa tỉnh"], "perform"),
        # a heading of a body's duties, a standing body leading
        ("2. Trách nhiệm của Sở Công Thương: chủ trì kiểm tra thị trường", ["Sở Công Thương"], "lead"),
        ("Sở Y tế là cơ quan thường trực, chủ trì, phối hợp với Sở Tài chính", ["Sở Y tế"], "lead"),
        # private parties are no bodies told to act
        ("Các doanh nghiệp sản xuất có trách nhiệm báo cáo", [], "perform"),
        # no body: a heading, an action, a request to people
        ("Về việc hỗ trợ kinh phí: Tiếp tục rà soát", [], "perform"),
        ("Ban hành Quyết định thành lập Hội đồng", [], "perform"),
    ],
)
def test_who_is_told_to_act(unit: str, names: list[str], role: str) -> None:
    found, found_role, _ = subject_of(unit)
    assert found == names
    if names:
        assert found_role.value == role


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bộ Nội vụ trân trọng đề nghị Ban Tuyên giáo Trung ương, Bộ Y tế chỉ đạo các cơ quan báo chí.",
         [["Ban Tuyên giáo Trung ương", "Bộ Y tế"]]),
        ("Cục Thuế đề nghị Thuế tỉnh Lạng Sơn đối chiếu quy định để xử lý.", [["Thuế tỉnh Lạng Sơn"]]),
        ("Yêu cầu các sở, ngành khẩn trương triển khai.", [["Các sở, ngành"]]),
        ("Xét đề nghị của Sở Nội vụ tại Tờ trình số 5/TTr-SNV.", []),
        ("Theo đề nghị của Giám đốc Sở Tài chính.", []),
        ("Dự thảo Tờ trình đề nghị UBND tỉnh ban hành Quyết định.", []),
        ("Đề nghị ban hành Nghị định thay thế Nghị định số 24/2018/NĐ-CP.", []),
        ("Yêu cầu các cơ sở sản xuất, kinh doanh thực hiện lắp đặt hệ thống.", []),
    ],
)
def test_requests_in_a_paragraph(text: str, expected: list[list[str]]) -> None:
    assert [names for names, _ in requests(text)] == expected


def test_a_request_paragraph_is_a_task() -> None:
    text = _header("BỘ NỘI VỤ", "10988/BNV-CQĐP", "") + (
        "V/v định hướng thông tin về sắp xếp đơn vị hành chính\n"
        "Kính gửi:\n|\n- Ban Tuyên giáo và Dân vận Trung ương,\n- Bộ Văn hóa, Thể thao và Du lịch.\n|\n"
        "Thời gian gần đây xuất hiện thông tin sai lệch về việc sắp xếp đơn vị hành chính. Bộ Nội vụ trân "
        "trọng đề nghị Ban Tuyên giáo và Dân vận Trung ương, Bộ Văn hóa, Thể thao và Du lịch chỉ đạo các "
        "cơ quan báo chí định hướng thông tin, cụ thể như sau:\n"
        "1. Trong thời gian qua, nước ta đã sắp xếp đơn vị hành chính các cấp.\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nNguyễn Văn A\n")
    tasks, _ = _duties(text)
    assert {("Ban Tuyên giáo và Dân vận Trung ương", "perform"),
            ("Bộ Văn hóa, Thể thao và Du lịch", "perform")} in tasks.values()


@pytest.mark.parametrize("closing", [
    "Yêu cầu Thủ trưởng các sở, ban, ngành nghiêm túc thực hiện Chỉ thị này./.",
    "Đề nghị Thủ trưởng các sở, ban, ngành nghiêm túc thực hiện.",
    "Giao Thủ trưởng các sở, ban, ngành tổ chức thực hiện Chỉ thị này.",
])
def test_a_request_closing_the_last_item_is_a_task_of_its_own(closing: str) -> None:
    text = _header("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI", "08/CT-UBND", "CHỈ THỊ") + (
        "Về tăng cường công tác phòng cháy, chữa cháy\n"
        "Chủ tịch Ủy ban nhân dân tỉnh chỉ thị:\n"
        "1. Công an tỉnh chủ trì kiểm tra an toàn phòng cháy, chữa cháy.\n"
        "2. Chủ tịch Ủy ban nhân dân các huyện chịu trách nhiệm về công tác phòng cháy trên địa bàn.\n"
        f"{closing}\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nCHỦ TỊCH\nNguyễn Văn A\n")
    tasks, _ = _duties(text)
    assert {("Thủ trưởng các sở, ban, ngành", "perform")} in tasks.values()
    assert tasks["2"] == {("Chủ tịch Ủy ban nhân dân các huyện", "perform")}


CONCLUSION = _header("VĂN PHÒNG CHÍNH PHỦ\n", "700/TB-VPCP") + """\
Kết luận của Phó Thủ tướng Chính phủ tại buổi làm việc với lãnh đạo tỉnh Lai Châu
Sau khi nghe lãnh đạo tỉnh Lai Châu báo cáo tình hình, Phó Thủ tướng Chính phủ kết luận như sau:
1. Về hỗ trợ kinh phí bệnh án điện tử: Giao Bộ Tài chính chủ trì, phối hợp với Bộ Y tế nghiên cứu kiến \
nghị của tỉnh Lai Châu, báo cáo Thủ tướng Chính phủ sửa đổi quy định trước ngày 15 tháng 12 năm 2025.
2. Về xe cứu thương: Tỉnh tổng hợp nhu cầu, báo cáo Bộ Tài chính để được hướng dẫn.
3. Bộ Công Thương:
a) Chủ trì, phối hợp với Bộ Xây dựng rà soát quy hoạch điện của tỉnh Lai Châu;
b) Báo cáo Thủ tướng Chính phủ kết quả trước ngày 30 tháng 12 năm 2025.
4. Bộ Nông nghiệp và Môi trường khẩn trương thực hiện các nhiệm vụ sau:
4.1. Hoàn thiện hồ sơ dự án thủy lợi; báo cáo Phó Thủ tướng Chính phủ trước ngày 10 tháng 12 năm 2025.
4.2. Hướng dẫn tỉnh Lai Châu lập báo cáo đề xuất dự án.
Văn phòng Chính phủ thông báo để Ủy ban nhân dân tỉnh Lai Châu và các cơ quan liên quan biết, thực hiện./.
Nơi nhận:
- Thủ tướng, các Phó Thủ tướng Chính phủ;
- Các Bộ, cơ quan: TC, YT, CT, XD, NNMT;
- Tỉnh ủy, HĐND, UBND tỉnh Lai Châu;
- Lưu: VT, QHĐP.
KT. BỘ TRƯỞNG, CHỦ NHIỆM
PHÓ CHỦ NHIỆM
Nguyễn Văn A
"""


def test_conclusion_items_name_their_bodies_in_every_form() -> None:
    tasks, reports = _duties(CONCLUSION)
    assert tasks["1"] == {("Bộ Tài chính", "lead"), ("Bộ Y tế", "coordinate")}
    assert tasks["2"] == {("Ủy ban nhân dân tỉnh Lai Châu", "perform")}  # "Tỉnh": the province it deals with
    assert tasks["3"] == {("Bộ Công Thương", "lead"), ("Bộ Xây dựng", "coordinate")}  # a heading, duties below
    assert tasks["4.1"] == tasks["4.2"] == {("Bộ Nông nghiệp và Môi trường", "perform")}  # "… nhiệm vụ sau:"
    assert reports >= {
        ("Bộ Tài chính", "Thủ tướng Chính phủ", None),  # "… Thủ tướng Chính phủ sửa đổi quy định"
        ("Ủy ban nhân dân tỉnh Lai Châu", "Bộ Tài chính", None),
        ("Bộ Công Thương", "Thủ tướng Chính phủ", None),  # a duty opening with "Báo cáo"
        ("Bộ Nông nghiệp và Môi trường", "Phó Thủ tướng Chính phủ", None),
    }


def test_conclusion_recipients_are_split_into_their_bodies() -> None:
    doc = extract_text(CONCLUSION, "tb.txt").documents[0]
    names = {r.organ.name for r in doc.recipients}
    assert names >= {"Thủ tướng Chính phủ", "Các Phó Thủ tướng Chính phủ", "Bộ Tài chính", "Bộ Y tế",
                     "Bộ Công Thương", "Bộ Xây dựng", "Bộ Nông nghiệp và Môi trường", "Tỉnh ủy Lai Châu",
                     "Hội đồng nhân dân tỉnh Lai Châu", "Ủy ban nhân dân tỉnh Lai Châu"}
    assert not any("," in name for name in names)


# --- tables of tasks -------------------------------------------------------------------------------
PIPE_TABLE = ["PHỤ LỤC", "| STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời hạn |", "|---|---|---|---|---|",
              "| I | KIỆN TOÀN BỘ MÁY | | | |",
              "| 1 | Tổ chức lại Ban Chỉ huy | Bộ Chỉ huy Quân sự tỉnh; UBND cấp xã | Các sở, ngành liên quan | 2025 |",
              "| 2. | Hướng dẫn thanh toán chi phí | Sở Y tế | Sở Tài chính và các cơ quan liên quan | 2026 |"]
CELL_TABLE = ["TT", "|", "Nội dung thực hiện", "|", "Cơ quan", "chủ trì", "|", "Cơ quan phối hợp", "|", "Sản phẩm", "|",
              "|", "I", "|", "TRIỂN KHAI VĂN BẢN", "|", "|",
              "1", "|", "Triển khai mức chi đặc thù", "|", "Sở Tài chính", "|", "Cơ quan, địa phương liên quan", "|",
              "|", "|",
              "2", "|", "Xây dựng phương án", "|", "Sở Xây dựng", "|", "Sở Nông nghiệp và Môi trường", "|",
              "Phương án", "|", "|"]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (PIPE_TABLE, [("1", {("Bộ Chỉ huy Quân sự tỉnh", "lead"), ("UBND cấp xã", "lead")}),
                      ("2", {("Sở Y tế", "lead"), ("Sở Tài chính", "coordinate")})]),
        (CELL_TABLE, [("1", {("Sở Tài chính", "lead")}),
                      ("2", {("Sở Xây dựng", "lead"), ("Sở Nông nghiệp và Môi trường", "coordinate")})]),
    ],
    ids=["cells on one line", "one cell a line"],
)
def test_lead_and_coordinating_columns_of_a_task_table(lines: list[str], expected) -> None:
    rows = table_tasks(lines)
    assert [(r.number, {(name, role.value) for name, role in r.organs}) for r in rows] == expected


def test_a_role_written_after_the_body_in_its_cell_is_no_part_of_its_name() -> None:
    rows = table_tasks(["| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp |", "|---|---|---|---|",
                        "| 1 | Rà soát | Các địa phương chủ trì | Sở Tài chính  phối hợp |",
                        "| 2 | Báo cáo | Sở Y tế thực hiện | |"])
    assert [(r.number, {(name, role.value) for name, role in r.organs}) for r in rows] == [
        ("1", {("Các địa phương", "lead"), ("Sở Tài chính", "coordinate")}), ("2", {("Sở Y tế", "lead")})]


def test_a_table_without_who_columns_gives_no_task() -> None:
    assert table_tasks(["| STT | Tên thủ tục | Lĩnh vực |", "|---|---|---|", "| 1 | Cấp giấy phép | Sở Y tế |"]) == []


# --- reports ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("định kỳ báo cáo kết quả với Ban Bí thư (thông qua Ban Dân vận Trung ương).",
         [("Ban Bí thư", "Ban Dân vận Trung ương", None)]),
        ("Hằng năm báo cáo kết quả về Ban Chỉ huy Phòng thủ dân sự tỉnh qua Văn phòng Ban Chỉ huy Phòng thủ "
         "dân sự tỉnh để tổng hợp.",
         [("Ban Chỉ huy Phòng thủ dân sự tỉnh", "Văn phòng Ban Chỉ huy Phòng thủ dân sự tỉnh", None)]),
        ("tổng hợp, báo cáo Ủy ban nhân dân tỉnh kết quả thực hiện", [("Ủy ban nhân dân tỉnh", None, None)]),
        ("báo cáo, đề xuất Thủ tướng Chính phủ xem xét", [("Thủ tướng Chính phủ", None, None)]),
        ("báo cáo,  giải trình với Ủy ban Thường vụ Quốc hội.", [("Ủy ban Thường vụ Quốc hội", None, None)]),
        ("gửi về Văn phòng Trung ương Đảng để tổng hợp, báo cáo Bộ Chính trị.",
         [("Văn phòng Trung ương Đảng", None, None), ("Bộ Chính trị", None, "Văn phòng Trung ương Đảng")]),
        ("phản ánh kịp thời về Sở Tài chính để tổng hợp, tham mưu, báo cáo Ủy ban nhân dân tỉnh.",
         [("Sở Tài chính", None, None), ("Ủy ban nhân dân tỉnh", None, "Sở Tài chính")]),
        ("tổng hợp báo cáo tình hình triển khai gửi Bộ Nội vụ, Ủy ban nhân dân tỉnh trước ngày 30/11",
         [("Bộ Nội vụ", None, None), ("Ủy ban nhân dân tỉnh", None, None)]),
        ("có văn bản báo cáo gửi Sở Xây dựng để tổng hợp", [("Sở Xây dựng", None, None)]),
        ("gửi báo cáo kết quả cho Sở Nội vụ trước ngày 05 hằng tháng", [("Sở Nội vụ", None, None)]),
        ("- Báo cáo Bộ Tài chính để được hướng dẫn", [("Bộ Tài chính", None, None)]),
        # the one reported to ends before the next verb, the motto or another's title
        ("báo cáo Thủ tướng Chính phủ sửa đổi Nghị định số 76/2019/NĐ-CP", [("Thủ tướng Chính phủ", None, None)]),
        ("báo cáo Ủy ban nhân dân thành phố Huế chỉ đạo thực hiện", [("Ủy ban nhân dân thành phố Huế", None, None)]),
        ("báo cáo Phó Thủ tướng Chính phủ - Trưởng Ban Chỉ đạo 389 quốc gia trước ngày 30",
         [("Phó Thủ tướng Chính phủ", None, None)]),
        # the leadership of a body
        ("theo dõi, tổng hợp tình hình, báo cáo Lãnh đạo Bộ.", [("Lãnh đạo Bộ", None, None)]),
        # a way whose name holds "và" or a comma is one body; of two ways, the first
        ("hằng năm báo cáo Bộ Chính trị (qua Ban Tuyên giáo và Dân vận Trung ương).",
         [("Bộ Chính trị", "Ban Tuyên giáo và Dân vận Trung ương", None)]),
        ("báo cáo Thủ tướng Chính phủ (qua Bộ Văn hóa, Thể thao và Du lịch)",
         [("Thủ tướng Chính phủ", "Bộ Văn hóa, Thể thao và Du lịch", None)]),
        ("báo cáo Bộ Y tế (qua Cục Phòng bệnh, Vụ Kế hoạch - Tài chính)", [("Bộ Y tế", "Cục Phòng bệnh", None)]),
        # the way and a deadline between the one sent to and what it does with the report
        ("gửi về Sở Nội vụ (qua Phòng Tổ chức, biên chế) trước ngày 15/12/2025 để tổng hợp, báo cáo Bộ Nội vụ.",
         [("Sở Nội vụ", "Phòng Tổ chức, biên chế", None), ("Bộ Nội vụ", None, "Sở Nội vụ")]),
        # the one reported to sends on: it is no one the reporter sends to
        ("đề nghị Thuế tỉnh Nghệ An báo cáo Ủy ban nhân dân tỉnh Nghệ An có văn bản gửi Bộ Tài chính",
         [("Ủy ban nhân dân tỉnh Nghệ An", None, None)]),
        # a body named relative to the reporter names no one; the one after it is reported to
        ("định kỳ 6 tháng, 1 năm báo cáo cấp ủy cùng cấp và Ủy ban Kiểm tra Trung ương.",
         [("Ủy ban Kiểm tra Trung ương", None, None)]),
        ("báo cáo cơ quan cấp trên, Bộ Y tế (qua Cục Phòng bệnh)", [("Bộ Y tế", "Cục Phòng bệnh", None)]),
        ("báo cáo cấp ủy cùng cấp theo quy định.", []),
        # asking for an opinion, in writing
        ("kịp thời báo cáo, xin ý kiến Ban Thường vụ Tỉnh ủy để chỉ đạo.", [("Ban Thường vụ Tỉnh ủy", None, None)]),
        ("định kỳ hằng quý báo cáo bằng văn bản về Ban Thường vụ Tỉnh ủy (qua Văn phòng Tỉnh ủy).",
         [("Ban Thường vụ Tỉnh ủy", "Văn phòng Tỉnh ủy", None)]),
        # a steering committee's name goes on with what it steers, not with what is reported
        ("báo cáo Ban Chỉ đạo quốc gia về phòng thủ dân sự kết quả thực hiện.",
         [("Ban Chỉ đạo quốc gia về phòng thủ dân sự", None, None)]),
        ("báo cáo Ban Chỉ đạo Trung ương về phòng, chống tham nhũng trước ngày 15/12/2025.",
         [("Ban Chỉ đạo Trung ương về phòng, chống tham nhũng", None, None)]),
        ("báo cáo Ban Chỉ đạo tỉnh về kết quả thực hiện.", [("Ban Chỉ đạo tỉnh", None, None)]),
        # an address for the report before the deadline; the form of the report after the one sent to
        ("gửi về Sở Nội vụ (qua Phòng Xây dựng chính quyền), địa chỉ email: pxd@hatinh.gov.vn trước ngày "
         "20/12/2025 để tổng hợp, báo cáo UBND tỉnh.",
         [("Sở Nội vụ", "Phòng Xây dựng chính quyền", None), ("UBND tỉnh", None, "Sở Nội vụ")]),
        ("gửi báo cáo về Sở Tài chính bằng văn bản và bản điện tử trước ngày 15/01/2026.",
         [("Sở Tài chính", None, None)]),
        # reported to Y for Y to report on, without "về": a chain
        ("định kỳ báo cáo Thủ tướng Chính phủ để kịp thời tổng hợp báo cáo Ban Bí thư Trung ương Đảng.",
         [("Thủ tướng Chính phủ", None, None), ("Ban Bí thư Trung ương Đảng", None, "Thủ tướng Chính phủ")]),
        ("tổng hợp kết quả trình Đảng ủy Chính phủ để báo cáo Bộ Chính trị;",
         [("Đảng ủy Chính phủ", None, None), ("Bộ Chính trị", None, "Đảng ủy Chính phủ")]),
        ("báo cáo Ủy ban nhân dân tỉnh để chỉ đạo.", [("Ủy ban nhân dân tỉnh", None, None)]),
        # the way at the end of the clause, after what is reported
        ("Định kỳ hằng tháng báo cáo Chủ tịch Ủy ban nhân dân tỉnh kết quả thực hiện (qua Công an tỉnh).",
         [("Chủ tịch Ủy ban nhân dân tỉnh", "Công an tỉnh", None)]),
        ("báo cáo Ban Thường vụ Tỉnh ủy về kết quả thực hiện ( thông qua Văn phòng Tỉnh ủy )",
         [("Ban Thường vụ Tỉnh ủy", "Văn phòng Tỉnh ủy", None)]),
        ("báo cáo Ủy ban nhân dân tỉnh; phối hợp với Sở Tư pháp (qua Phòng Văn bản)",
         [("Ủy ban nhân dân tỉnh", None, None)]),
    ],
)
def test_reporting_phrases(text: str, expected: list[tuple]) -> None:
    assert [(p.to, p.via, p.by) for p in find_reports(text)] == expected


def test_a_body_heading_its_duties_is_assigned_them_and_reports() -> None:
    """A numbered heading naming a group of bodies by their heads, before a colon, its duties as
    lettered items below (one of them a report through a unit); a duty "Lãnh đạo, chỉ đạo …"
    names no body."""
    text = _header("BỘ Y TẾ", "08/CT-BYT", "CHỈ THỊ") + (
        "Về tăng cường phòng, chống dịch\n"
        "Bộ trưởng Bộ Y tế chỉ thị:\n"
        "1. Giám đốc Sở Y tế các tỉnh, thành phố trực thuộc Trung ương:\n"
        "a) Lãnh đạo, chỉ đạo các đơn vị triển khai các biện pháp phòng, chống dịch;\n"
        "b) Định kỳ hằng tháng báo cáo Bộ Y tế (qua Cục Phòng bệnh) tình hình dịch bệnh.\n"
        "2. Cục Phòng bệnh theo dõi, tổng hợp tình hình, báo cáo Lãnh đạo Bộ.\n")
    tasks, reports = _duties(text)
    group = "Giám đốc Sở Y tế các tỉnh, thành phố trực thuộc Trung ương"
    assert tasks["1"] == {(group, "perform")}
    assert (group, "Bộ Y tế", "Cục Phòng bệnh") in reports
    assert ("Cục Phòng bệnh", "Lãnh đạo Bộ Y tế", None) in reports
    assert not any(organ == "Lãnh đạo" for found in tasks.values() for organ, _ in found)


@pytest.mark.parametrize(("heading", "groups"), [
    ("1. Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân "
     "dân các tỉnh, thành phố trực thuộc trung ương:",
     ["Các Bộ trưởng", "Thủ trưởng cơ quan ngang bộ", "Thủ trưởng cơ quan thuộc Chính phủ",
      "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"]),
    ("1. Chủ tịch Ủy ban nhân\ndân các tỉnh, thành phố từ Hà Tĩnh đến Lâm Đồng, trong đó trọng tâm là các tỉnh:\n"
     "Gia Lai và Lâm Đồng:", ["Chủ tịch Ủy ban nhân dân các tỉnh, thành phố"]),
])
def test_a_long_heading_of_office_holders_is_assigned_its_duties(heading: str, groups: list[str]) -> None:
    """The heads a Prime Minister's directive opens an item with, many words before the colon,
    are told to do the duties below it and report for them."""
    text = _header("THỦ TƯỚNG CHÍNH PHỦ", "05/CT-TTg", "CHỈ THỊ") + (
        "Về bảo đảm an ninh nguồn nước\nThủ tướng Chính phủ yêu cầu:\n"
        f"{heading}\n"
        "a) Tiếp tục quán triệt Luật Tài nguyên nước và các văn bản hướng dẫn.\n"
        "b) Định kỳ hằng năm báo cáo kết quả về Bộ Nông nghiệp và Môi trường để tổng hợp, báo cáo Thủ tướng "
        "Chính phủ.\n"
        "2. Bộ Tài chính bố trí kinh phí thực hiện.\n")
    tasks, reports = _duties(text)
    assigned = sorted(organ for organ, role in tasks["1"] if role == "perform")
    assert [g for g in groups if not any(a.startswith(g) for a in assigned)] == [], assigned
    assert len(assigned) == len(groups)
    assert {r[0] for r in reports if r[1] == "Bộ Nông nghiệp và Môi trường"} == set(assigned)


@pytest.mark.parametrize("joint", ["Đồng thời", "Ngoài ra", "Bên cạnh đó"])
def test_a_report_in_a_sentence_going_on_from_the_one_above_reports_for_its_subject(joint: str) -> None:
    """A paragraph cut at a sentence's end by a line break: "… hiệu quả." / "Đồng thời, … báo cáo …"."""
    text = _header("ĐẢNG ỦY KHỐI CƠ QUAN TỈNH", "12-KH/ĐUK", "KẾ HOẠCH") + (
        "Thực hiện Kết luận số 54-KL/TW của Ban Bí thư\n"
        "III. TỔ CHỨC THỰC HIỆN\n"
        "Cấp ủy các chi, đảng bộ cơ sở căn cứ Kế hoạch để tổ chức quán triệt đạt chất lượng, hiệu quả.\n"
        f"{joint}, thường xuyên đôn đốc, định kỳ báo cáo kết quả thực hiện về Ban Thường vụ Đảng ủy Khối "
        "(qua Ban Tuyên giáo Đảng ủy Khối).\n")
    _, reports = _duties(text)
    assert [r[0] for r in reports] == ["Cấp ủy các chi, đảng bộ cơ sở"]


def test_bodies_asked_to_report_in_a_paragraph_report() -> None:
    """"X đề nghị Y báo cáo …, gửi về Z … để tổng hợp, báo cáo W": Y reports to Z, Z to W; a body
    asked to act in another clause ("…, yêu cầu các khu này …; báo cáo …") is not who reports."""
    text = _header("UBND TỈNH LÂM ĐỒNG\nSỞ NỘI VỤ", "2150/SNV-TCBC", "") + (
        "V/v báo cáo tinh giản biên chế\nKính gửi: Các sở, ban, ngành.\n"
        "Sở Nội vụ đề nghị các cơ quan, đơn vị báo cáo tình hình thực hiện tinh giản biên chế, gửi về Sở "
        "Nội vụ (qua Phòng Tổ chức, biên chế) trước ngày 15/12/2025 để tổng hợp, báo cáo Bộ Nội vụ.\n"
        "Sở Nội vụ kiểm tra các khu công nghiệp, yêu cầu các khu công nghiệp này hoàn thành hệ thống xử lý "
        "nước thải; báo cáo Ủy ban nhân dân tỉnh trong quý IV.\n")
    _, reports = _duties(text)
    assert ("Các cơ quan, đơn vị", "Sở Nội vụ tỉnh Lâm Đồng", "Phòng Tổ chức, biên chế") in reports
    assert ("Sở Nội vụ tỉnh Lâm Đồng", "Bộ Nội vụ", None) in reports
    assert not any("khu công nghiệp" in reporter for reporter, _, _ in reports)


def test_a_committees_unit_named_alone_as_the_way_is_the_unit_of_the_committee_reported_to() -> None:
    """"báo cáo … về Ban Thường vụ Huyện ủy (qua Ban Tuyên giáo)": the district's Ban Tuyên giáo,
    though the text names the province's in its addressees."""
    text = ("ĐẢNG BỘ TỈNH QUẢNG NAM\nHUYỆN ỦY THĂNG BÌNH\n*\nSố 312-CV/HU\nV/v tổ chức hội nghị\n"
            "ĐẢNG CỘNG SẢN VIỆT NAM\nThăng Bình, ngày 12 tháng 10 năm 2024\n"
            "Ban Thường vụ Huyện ủy yêu cầu:\n"
            "1. Các tổ chức cơ sở đảng cử đảng viên tham dự đầy đủ; báo cáo kết quả về Ban Thường vụ Huyện "
            "ủy (qua Ban Tuyên giáo) trước ngày 30/11/2024.\n"
            "Nơi nhận:\n- Ban Tuyên giáo Tỉnh ủy (để b/c),\n- Lưu Văn phòng Huyện ủy.\n"
            "T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\nLê Văn Dũng\n")
    tasks, reports = _duties(text)
    assert reports == {("Các tổ chức cơ sở đảng", "Ban Thường vụ Huyện ủy Thăng Bình",
                        "Ban Tuyên giáo Huyện ủy Thăng Bình")}
    assert tasks["1"] == {("Các tổ chức cơ sở đảng", "perform")}  # "cử" is a verb, "bầu cử" is not


@pytest.mark.parametrize("paragraph", [
    "Trong quá trình tổ chức thực hiện, nếu có khó khăn, vướng mắc, kịp thời tổng hợp, báo cáo Hội đồng nhân "
    "dân tỉnh để xem xét.",
    "Định kỳ hằng năm báo cáo Hội đồng nhân dân tỉnh kết quả thực hiện tại kỳ họp cuối năm.",
])
def test_a_paragraph_under_an_execution_item_naming_no_body_reports_for_the_item_s_body(paragraph: str) -> None:
    text = (_header("HỘI ĐỒNG NHÂN DÂN TỈNH LẠNG SƠN", "12/2025/NQ-HĐND", "NGHỊ QUYẾT")
            + "Điều 1. Nghị quyết này quy định mức chi hỗ trợ cho nhân viên thú y cấp xã.\n"
            + "Điều 2. Tổ chức thực hiện\n1. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết.\n"
            + paragraph + "\n2. Thường trực Hội đồng nhân dân tỉnh giám sát việc thực hiện Nghị quyết.\n")
    _, reports = _duties(text)
    assert reports == {("Ủy ban nhân dân tỉnh Lạng Sơn", "Hội đồng nhân dân tỉnh Lạng Sơn", None)}


def test_a_report_in_a_sentence_reports_for_its_subject() -> None:
    text = _header("ỦY BAN NHÂN DÂN\nTỈNH KON TUM", "435/QĐ-UBND", "QUYẾT ĐỊNH") + (
        "Ban hành Chương trình hành động về quan hệ lao động\n"
        "Điều 1. Ban hành kèm theo Quyết định này Chương trình hành động.\n"
        "III. TỔ CHỨC THỰC HIỆN 1.Các sở, ban, ngành; Ủy ban nhân dân các huyện căn cứ chức năng xây dựng kế "
        "hoạch; định kỳ hằng năm báo cáo kết quả thực hiện về Sở Nội vụ để tổng hợp.\n")
    _, reports = _duties(text)
    assert ("Các sở, ban, ngành", "Sở Nội vụ tỉnh Kon Tum", None) in reports


# --- addressees ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "bodies"),
    [
        ("Tỉnh ủy, HĐND, UBND tỉnh Điện Biên", ["Tỉnh ủy Điện Biên", "HĐND tỉnh Điện Biên", "UBND tỉnh Điện Biên"]),
        ("HĐND,UBND thành phố Cần Thơ", ["HĐND thành phố Cần Thơ", "UBND thành phố Cần Thơ"]),
        ("Tỉnh ủy, HĐND, UBND, UBMTTQVN tỉnh", ["Tỉnh ủy", "HĐND tỉnh", "UBND tỉnh", "UBMTTQVN tỉnh"]),
        ("Hội đồng nhân dân, Ủy ban nhân dân tỉnh An Giang, tỉnh Quảng Ninh",
         ["Hội đồng nhân dân tỉnh An Giang", "Ủy ban nhân dân tỉnh An Giang",
          "Hội đồng nhân dân tỉnh Quảng Ninh", "Ủy ban nhân dân tỉnh Quảng Ninh"]),
        ("Các Bộ, cơ quan: TC, QP, TP", ["Bộ Tài chính", "Bộ Quốc phòng", "Bộ Tư pháp"]),
        ("Các Bộ: TC; NN&MT", ["Bộ Tài chính", "Bộ Nông nghiệp và Môi trường"]),
        ("Các Bộ: Tài chính, Công an, Văn hóa, Thể thao và Du lịch",
         ["Bộ Tài chính", "Bộ Công an", "Bộ Văn hóa, Thể thao và Du lịch"]),
        ("Các Sở: Y tế, KH&CN", ["Sở Y tế", "Sở Khoa học và Công nghệ"]),
        # ministries after one "Bộ", without a colon; a name holding commas stays whole
        ("các Bộ Tài nguyên và Môi trường, Văn hóa, Thể thao và Du lịch, Tư pháp",
         ["Bộ Tài nguyên và Môi trường", "Bộ Văn hóa, Thể thao và Du lịch", "Bộ Tư pháp"]),
        ("Các Bộ Công an, Quốc phòng", ["Bộ Công an", "Bộ Quốc phòng"]),
        # the last joined by "và"; a ministry whose name holds "và" stays whole
        ("các Bộ Tài chính, Tư pháp và Y tế", ["Bộ Tài chính", "Bộ Tư pháp", "Bộ Y tế"]),
        ("Các Bộ Tài chính và Tư pháp", ["Bộ Tài chính", "Bộ Tư pháp"]),
        ("các Bộ Công an, Khoa học và Công nghệ", ["Bộ Công an", "Bộ Khoa học và Công nghệ"]),
        ("Các Bộ Tài chính và Khoa học và Công nghệ", ["Bộ Tài chính", "Bộ Khoa học và Công nghệ"]),
        ("Các Bộ Chỉ huy Quân sự tỉnh, thành phố", ["Các Bộ Chỉ huy Quân sự tỉnh, thành phố"]),
        ("Bộ trưởng các Bộ: Quốc phòng, Y tế", ["Bộ trưởng Bộ Quốc phòng", "Bộ trưởng Bộ Y tế"]),
        ("Chủ tịch, các PCT UBND tỉnh Lào Cai", ["Chủ tịch UBND tỉnh Lào Cai", "các PCT UBND tỉnh Lào Cai"]),
        ("Thủ tướng, các Phó Thủ tướng Chính phủ", ["Thủ tướng", "các Phó Thủ tướng Chính phủ"]),
        ("Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân các tỉnh, "
         "thành phố trực thuộc Trung ương",
         ["Bộ trưởng các bộ", "Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ",
          "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"]),
        ("Tổng Tham mưu trưởng, Chủ nhiệm Tổng cục Chính trị",
         ["Tổng Tham mưu trưởng", "Chủ nhiệm Tổng cục Chính trị"]),
        ("Thường trực: HĐND, UBND, UBMTTQ Việt Nam thành phố Hà Nội",
         ["Thường trực HĐND thành phố Hà Nội", "Thường trực UBND thành phố Hà Nội",
          "Thường trực UBMTTQ Việt Nam thành phố Hà Nội"]),
        ("Cục Kiểm tra văn bản và Quản lý xử lý vi phạm hành chính, Bộ Tư pháp",
         ["Cục Kiểm tra văn bản và Quản lý xử lý vi phạm hành chính, Bộ Tư pháp"]),
        ("Các Sở, Ban, ngành thành phố", ["Các Sở, Ban, ngành thành phố"]),
        ("VPCP: BTCN, các PCN, Cục Kiểm soát TTHC", ["Cục Kiểm soát TTHC"]),
        ("Sở Tài chính cùng các đơn vị có liên quan", ["Sở Tài chính", "các đơn vị có liên quan"]),
        # registry codes after a body's name, each a body of its own; a website among the bodies
        ("Cổng thông tin điện tử Chính phủ, BTP, BCA", ["Cổng thông tin điện tử Chính phủ", "Bộ Tư pháp", "Bộ Công an"]),
        ("Các đơn vị thuộc Bộ Tài chính, Website Bộ Tài chính", ["Các đơn vị thuộc Bộ Tài chính", "Website Bộ Tài chính"]),
        ("Sở Nội vụ, KGVX", ["Sở Nội vụ, KGVX"]),  # a code the registry does not know cuts nothing
        ("Các PCVP UBND tỉnh, Cổng TTĐT tỉnh", ["Các PCVP UBND tỉnh", "Cổng TTĐT tỉnh"]),
        ("VPCP: BTCN, các PCN, Cổng TTĐT Chính phủ", ["Cổng TTĐT Chính phủ"]),
        # after a semicolon, a body named in full ends a kind's list (unless the kind and it name a body)
        ("Các Sở: Xây dựng, Tài chính; Ban quản lý Khu kinh tế cửa khẩu; Thuế tỉnh",
         ["Sở Xây dựng", "Sở Tài chính", "Ban quản lý Khu kinh tế cửa khẩu", "Thuế tỉnh"]),
        ("Các Sở: Nội vụ;Thanh tra tỉnh, Công an tỉnh", ["Sở Nội vụ", "Thanh tra tỉnh", "Công an tỉnh"]),
        ("Các Bộ: Tài chính; Công an", ["Bộ Tài chính", "Bộ Công an"]),
        # bodies of a kind after one named in full are not part of its name; a group of kinds is one group
        ("Sở Khoa học và Công nghệ, đơn vị cung cấp dịch vụ công nghệ thông tin",
         ["Sở Khoa học và Công nghệ", "đơn vị cung cấp dịch vụ công nghệ thông tin"]),
        ("Bộ Công an,  cơ quan thường trực", ["Bộ Công an", "cơ quan thường trực"]),
        ("Các cơ quan, đơn vị, tổ chức liên quan", ["Các cơ quan, đơn vị, tổ chức liên quan"]),
        # what a list singles out of its bodies is no body of the list
        ("Cấp ủy, chính quyền các cấp, nhất là thành phố Hà Nội, Thành phố Hồ Chí Minh và các đô thị lớn",
         ["Cấp ủy, chính quyền các cấp"]),
        ("Các cấp ủy, tổ chức đảng,  đặc biệt là người đứng đầu", ["Các cấp ủy, tổ chức đảng"]),
        # the offices of several committees; "VP" for Văn phòng before a body, a list going on after ";"
        ("Các VP: Tỉnh ủy, Đoàn ĐBQH; UBND tỉnh", ["Văn phòng Tỉnh ủy", "Văn phòng Đoàn ĐBQH", "Văn phòng UBND tỉnh"]),
        ("VP Tỉnh ủy, VP UBND tỉnh", ["Văn phòng Tỉnh ủy", "Văn phòng UBND tỉnh"]),
        ("Lưu: VT, VP", ["Lưu"]),
        # a committee named in full among a kind's members, and after it the rest of the group
        ("Thủ trưởng các cơ quan: Sở Xây dựng, Ủy ban nhân dân cấp xã, các cơ quan, đơn vị có liên quan",
         ["Thủ trưởng Sở Xây dựng", "Thủ trưởng Ủy ban nhân dân cấp xã", "Thủ trưởng các cơ quan, đơn vị có liên quan"]),
        ("Ủy ban nhân dân cấp xã, đơn vị liên quan", ["Ủy ban nhân dân cấp xã", "đơn vị liên quan"]),
        ("Đảng ủy các bộ, ngành, tổ chức chính trị - xã hội ở Trung ương",
         ["Đảng ủy các bộ, ngành, tổ chức chính trị - xã hội ở Trung ương"]),
        ("Các sở, ngành, trong đó có Sở Tài chính", ["Các sở, ngành"]),
    ],
)
def test_a_list_of_addressees_is_split_into_its_bodies(text: str, bodies: list[str]) -> None:
    assert split_bodies(text) == bodies


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # a Công điện names its addressees after its sender
        (["THỦ TƯỚNG CHÍNH PHỦ điện:", "- Bộ trưởng các Bộ: Quốc phòng, Công an;",
          "- Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.", "Thời gian qua, mưa lũ …"],
         ["Bộ trưởng Bộ Quốc phòng", "Bộ trưởng Bộ Công an",
          "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"]),
        (["TƯỚNG CHÍNH PHỦ điện:", "|", "|", "- Bộ trưởng", "các Bộ:", "|", "Quốc phòng, Tài chính,",
          "Y tế.", "|", "|", "|", "- Chủ tịch Ủy ban nhân", "dân các tỉnh: Gia Lai, Đắk Lắk.", "|", "Lũ trên các sông"],
         ["Bộ trưởng Bộ Quốc phòng", "Bộ trưởng Bộ Tài chính", "Bộ trưởng Bộ Y tế", "Chủ tịch Ủy ban nhân dân các tỉnh"]),
        (["BỘ TRƯỞNG BỘ Y TẾ ĐIỆN:", "- Giám đốc Sở Y tế các tỉnh, thành phố."],
         ["Giám đốc Sở Y tế các tỉnh, thành phố"]),
        # in the cells of a table
        (["| Kính gửi: | - Các sở, ban, ngành; - Ủy ban nhân dân các huyện. |", "Thực hiện Kế hoạch số 5-KH/TU"],
         ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện"]),
        (["Kính gửi:", "|", "- Ban Tuyên giáo Trung ương,", "- Báo Nhân dân,", "- Đài Truyền hình Việt Nam.", "|",
          "Thời gian gần đây …"], ["Ban Tuyên giáo Trung ương", "Báo Nhân dân", "Đài Truyền hình Việt Nam"]),
        (["Kính gửi:", "|", "Ủy ban nhân dân các tỉnh, thành phố", "|", "Thực hiện chỉ đạo của Thủ tướng …"],
         ["Ủy ban nhân dân các tỉnh, thành phố"]),
        # a crawler's dump, the header's lines run together
        (["Hà Nội, ngày 29 tháng 12 năm 2014 Kính gửi: Cục Hải quan các tỉnh, thành phố. Luật Hải quan có hiệu "
          "lực từ ngày 01/01/2015."], ["Cục Hải quan các tỉnh, thành phố"]),
        # a heading and an addressee cut over lines
        (["Kính", "gửi: Thuế", "thành phố Huế.", "Cục Thuế nhận được công văn số 838"], ["Thuế thành phố Huế"]),
        # the older spelling, in any case, also cut over lines
        (["Kính gởi: Sở Tài chính tỉnh An Giang."], ["Sở Tài chính tỉnh An Giang"]),
        (["KÍNH GỞI: SỞ TÀI CHÍNH.", "Thực hiện Công văn số 12"], ["SỞ TÀI CHÍNH"]),
        (["Kính", "gởi: Thuế tỉnh An Giang.", "Cục Thuế nhận được công văn số 838"], ["Thuế tỉnh An Giang"]),
        (["Ngày 29 tháng 12 năm 2014 Kính gởi: Cục Hải quan các tỉnh. Luật Hải quan có hiệu lực."],
         ["Cục Hải quan các tỉnh"]),
    ],
    ids=["telegram", "telegram in cells", "telegram in capitals", "table row", "next cell", "name in next cell",
         "merged header", "cut heading", "older spelling", "older spelling in capitals", "older spelling cut",
         "older spelling merged"],
)
def test_addressee_forms(lines: list[str], expected: list[str]) -> None:
    assert [item.text for item in kinh_gui_items(lines)] == expected


def test_distribution_list_forms() -> None:
    items = noi_nhan_items(["Nơi", "nhận:", "- Các Bộ, cơ quan: TC, QP, CA,", "DTTG, TTCP;", "- TTTU, TTHĐNDTP;",
                            "- Các huyện ủy, đảng ủy trực thuộc, ban cán sự đảng tỉnh,PHÓ BÍ THƯ THƯỜNG TRỰC",
                            "- Sở Tư pháp;", "- Lưu: VT."])
    names = [item.text for item in items]
    assert names[:5] == ["Bộ Tài chính", "Bộ Quốc phòng", "Bộ Công an", "Bộ Dân tộc và Tôn giáo",
                         "Thanh tra Chính phủ"]
    assert "Sở Tư pháp" in names  # a line of codes in capitals is no signature block
    # the signer's title run into an item is left out
    assert "Các huyện ủy, đảng ủy trực thuộc, ban cán sự đảng tỉnh" in names


@pytest.mark.parametrize("heading", ["Nơi nhận:", "NƠI NHẬN:", "Nơi nhân:", "Noi nhận:", "| Nơi nhận: | KT. CHỦ TỊCH |"])
def test_a_distribution_list_under_its_heading_in_any_case_or_with_marks_lost(heading: str) -> None:
    text = _header("ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI", "12/KH-UBND", "KẾ HOẠCH") + (
        "Triển khai thực hiện Nghị quyết số 57-NQ/TW\n1. Sở Tài chính chủ trì thực hiện.\n"
        f"{heading}\n- Bộ Khoa học và Công nghệ;\n- Các sở, ban, ngành;\n- Lưu: VT.\nCHỦ TỊCH\nNguyễn Văn A\n")
    doc = extract_text(text, "kh.txt").documents[0]
    assert [r.organ.name for r in doc.recipients] == ["Bộ Khoa học và Công nghệ", "Các sở, ban, ngành"]
    assert [t.path for t in doc.tasks] == ["1"] and doc.tasks[0].text == "Sở Tài chính chủ trì thực hiện."


@pytest.mark.parametrize("item", ["- Chủ tịch, PCT UBND tỉnh-Đỗ Tâm Hiển;", "- Chủ tịch, PCT UBND tỉnh - Đ/c Đỗ Tâm Hiển;",
                                  "- Chủ tịch, PCT UBND tỉnh – đồng chí Đỗ Tâm Hiển.", "- Chủ tịch, PCT UBND tỉnh;"])
def test_a_person_named_after_an_addressee_is_no_part_of_its_name(item: str) -> None:
    text = (_header("ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH", "12/UBND-VX", "CÔNG VĂN")
            + "1. Các sở thực hiện.\nNơi nhận:\n" + item + "\n- Báo và Phát thanh - Truyền hình Hà Tĩnh;\n- Lưu: VT.\n")
    recipients = extract_text(text, "cv.txt").documents[0].recipients
    assert [r.organ.name for r in recipients] == [
        "Chủ tịch Ủy ban nhân dân tỉnh Hà Tĩnh", "Phó Chủ tịch Ủy ban nhân dân tỉnh Hà Tĩnh",
        "Báo và Phát thanh - Truyền hình Hà Tĩnh"]


@pytest.mark.parametrize("opening", ["yêu cầu các bộ, cơ quan thực hiện một số nội dung trọng tâm như sau:",
                                     "cụ thể:"])
def test_tasks_numbered_in_brackets_below_an_item_are_tasks_of_their_bodies(opening: str) -> None:
    text = (_header("VĂN PHÒNG CHÍNH PHỦ", "637/TB-VPCP") + "Phó Thủ tướng Chính phủ kết luận như sau:\n"
            + "1. Ghi nhận sự nỗ lực của Bộ Y tế và các bộ, cơ quan liên quan.\n"
            + f"2. Để bảo đảm tiến độ hoàn thành công trình, {opening}\n"
            + "(1) Bộ Y tế chỉ đạo Ban Quản lý dự án hoàn thành xây dựng trước ngày 30 tháng 11 năm 2025.\n"
            + "- Chủ trì, phối hợp với Bộ Tài chính hoàn thiện hồ sơ; khẩn trương báo cáo Chính phủ.\n"
            + "(2) Đề nghị Ủy ban nhân dân tỉnh Ninh Bình phối hợp chặt chẽ với Bộ Y tế.\n"
            + "(3) Ghi tên công trình vào sổ theo dõi.\n")
    tasks, reports = _duties(text)
    assert tasks["2.(1)"] == {("Bộ Y tế", "perform"), ("Bộ Tài chính", "coordinate")}
    assert tasks["2.(2)"] == {("Ủy ban nhân dân tỉnh Ninh Bình", "perform"), ("Bộ Y tế", "coordinate")}
    assert "2.(3)" not in tasks and reports == {("Bộ Y tế", "Chính phủ", None)}


@pytest.mark.parametrize("ending", ["căn cứ Quyết định thi hành./.", "căn cứ Quyết định này để thực hiện.",
                                    "chịu trách nhiệm thi hành Quyết định này./."])
def test_an_execution_article_in_either_wording_assigns_its_bodies(ending: str) -> None:
    text = (_header("ỦY BAN NHÂN DÂN TỈNH BẮC NINH", "456/QĐ-UBND", "QUYẾT ĐỊNH")
            + "Điều 1. Ban hành Danh mục dịch vụ sự nghiệp công.\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký.\n"
            + "Thủ trưởng các cơ quan: Văn phòng UBND tỉnh, Sở Xây dựng, Uỷ ban nhân dân cấp xã, các cơ quan, đơn vị có "
            + f"liên quan {ending}\n")
    tasks, _ = _duties(text)
    assert tasks["Điều 2"] == {("Văn phòng Ủy ban nhân dân tỉnh Bắc Ninh", "perform"), ("Sở Xây dựng tỉnh Bắc Ninh", "perform"),
                               ("Ủy ban nhân dân cấp xã", "perform"), ("Các cơ quan, đơn vị có liên quan", "perform")}


@pytest.mark.parametrize("fields", [
    "Cơ quan thực hiện: Sở Y tế\nCơ quan có thẩm quyền quyết định: Sở Y tế\nCơ quan phối hợp: Không",
    "Cơ quan thực hiện:  Sở Y tế\n\nCơ quan phối hợp: Không",
])
def test_fields_one_a_line_are_not_joined_into_one_name(fields: str) -> None:
    text = (_header("ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH", "12/QĐ-UBND", "QUYẾT ĐỊNH")
            + "Điều 1. Công bố kèm theo Quyết định này thủ tục hành chính.\nPHỤ LỤC\n2. Cấp giấy phép hành nghề\n"
            + "2.6\n|\nThời hạn giải quyết: 20 ngày.\n|\n2.7\n|\n" + fields + "\n")
    tasks, _ = _duties(text)
    assert {name for pairs in tasks.values() for name, _ in pairs} == {"Sở Y tế tỉnh Hà Tĩnh"}


def test_a_head_title_alone_in_a_telegram_is_the_heads_of_its_kind() -> None:
    text = _header("THỦ TƯỚNG CHÍNH PHỦ", "229/CĐ-TTg", "CÔNG ĐIỆN") + (
        "Về khẩn trương khắc phục hậu quả mưa lũ\nTHỦ TƯỚNG CHÍNH PHỦ điện:\n"
        "- Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ;\n"
        "- Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.\n"
        "Để khắc phục hậu quả mưa lũ, Thủ tướng Chính phủ yêu cầu:\n"
        "1. Văn phòng Chính phủ theo dõi, đôn đốc; kịp thời báo cáo Thủ tướng Chính phủ.\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTHỦ TƯỚNG\nPhạm Văn B\n")
    doc = extract_text(text, "cd.txt").documents[0]
    addressed = {(r.organ.name, r.organ.collective) for r in doc.recipients if r.kind == "kinh_gui"}
    assert addressed == {("Bộ trưởng các bộ", True), ("Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ", True),
                         ("Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương", True)}
    assert [(r.reporter.name, r.recipient.name) for r in doc.reports] == [("Văn phòng Chính phủ",
                                                                            "Thủ tướng Chính phủ")]


@pytest.mark.parametrize("heads", ["Các Bộ trưởng: Quốc phòng, Công an, Nông nghiệp và Môi trường.",
                                   "Bộ trưởng các Bộ: Quốc phòng, Công an, Nông nghiệp và Môi trường."])
def test_a_telegram_to_heads_of_listed_ministries_addresses_each_head(heads: str) -> None:
    text = _header("THỦ TƯỚNG CHÍNH PHỦ", "95/CĐ-TTg", "CÔNG ĐIỆN") + (
        f"Về việc ứng phó với bão số 9\nTHỦ TƯỚNG CHÍNH PHỦ điện:\n- {heads}\n"
        "Để chủ động ứng phó với bão, Thủ tướng Chính phủ yêu cầu:\n1. Văn phòng Chính phủ theo dõi.\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTHỦ TƯỚNG\nPhạm Văn B\n")
    doc = extract_text(text, "cd.txt").documents[0]
    assert doc.subject == "Về việc ứng phó với bão số 9"  # the sender's line is no part of it
    assert [r.organ.name for r in doc.recipients if r.kind == "kinh_gui"] == [
        "Bộ trưởng Bộ Quốc phòng", "Bộ trưởng Bộ Công an", "Bộ trưởng Bộ Nông nghiệp và Môi trường"]


# --- where a name ends ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("mention", "name", "collective"),
    [
        ("Ủy ban nhân dân tỉnh Lai Châu Cộng Hòa Xã Hội Chủ Nghĩa Việt Nam", "Ủy ban nhân dân tỉnh Lai Châu", False),
        ("Sở Tài chính tỉnh Hòa Bình   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Sở Tài chính tỉnh Hòa Bình", False),
        ("Thuế thành phố Huế đối chiếu với quy định", "Thuế thành phố Huế", False),
        ("Ủy ban nhân dân tỉnh quyết định thành lập", "Ủy ban nhân dân tỉnh", False),
        ("Bộ trưởng Bộ Tài chính - Phó Trưởng ban Chỉ đạo 389 quốc gia", "Bộ trưởng Bộ Tài chính", False),
        ("Ngân hàng Nhà nước chi nhánh tỉnh Lào Cai", "Ngân hàng Nhà nước chi nhánh tỉnh Lào Cai", False),
        ("Bộ TC", "Bộ Tài chính", False),
        ("UBND TỈNH LÀO CAI", "Ủy ban nhân dân tỉnh Lào Cai", False),
        ("Chủ tịch Ủy ban nhân dân các tỉnh, thành phố", "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố", True),
        ("Ủy ban nhân dân các huyện", "Ủy ban nhân dân các huyện", True),
        ("Sở, ban, ngành", "Sở, ban, ngành", True),
        ("Sở Y tế các tỉnh, thành phố trực thuộc Trung ương", "Sở Y tế các tỉnh, thành phố trực thuộc Trung ương", True),
        ("Ban Chỉ đạo sắp xếp đơn vị hành chính các cấp", "Ban Chỉ đạo sắp xếp đơn vị hành chính các cấp", False),
        ("Đảng ủy Khối các cơ quan Trung ương", "Đảng ủy Khối các cơ quan Trung ương", False),
        # a level written with a capital stands for the locality itself ("Hội đồng nhân dân Thành phố")
        ("Ủy ban nhân dân Thành phố đề nghị ban hành Nghị quyết", "Ủy ban nhân dân Thành phố", False),
        ("Hội đồng nhân dân Tỉnh giải trình, tiếp thu", "Hội đồng nhân dân Tỉnh", False),
        ("Ủy ban nhân dân Thành phố Hồ Chí Minh", "Ủy ban nhân dân Thành phố Hồ Chí Minh", False),
        # what is said of a body is no part of its name
        ("Sở Công Thương là đầu mối giúp Ủy ban nhân dân tỉnh", "Sở Công Thương", False),
        ("Phó Thủ tướng Chính phủ Lê Văn Thành có ý kiến như sau", "Phó Thủ tướng Chính phủ Lê Văn Thành", False),
        ("Các cấp ủy, chính quyền địa phương, nhất là thành phố Hà Nội", "Các cấp ủy, chính quyền địa phương", True),
        # a tense, "sau khi" or "trong quá trình" opens what is said of it
        ("Các cơ sở đang thi công hoặc đã hoàn thành", "Các cơ sở", True),
        ("Các đơn vị đã được giao nhiệm vụ", "Các đơn vị", True),
        ("Sở Xây dựng sẽ hướng dẫn", "Sở Xây dựng", False),
        # "do" before a lower-case word: what is said of it ("the committee led by …")
        ("Ban Tổ chức lễ tang do lãnh đạo Bộ chủ trì", "Ban Tổ chức lễ tang", False),
        ("Các Hội quần chúng do Đảng, Nhà nước giao nhiệm vụ", "Các Hội quần chúng do Đảng, Nhà nước giao nhiệm vụ",
         True),
        ("Các bộ, cơ quan liên quan trong quá trình chỉnh lý dự án", "Các bộ, cơ quan liên quan", True),
        ("Các cơ sở giáo dục thuộc Sở sau khi hoàn thành", "Các cơ sở giáo dục thuộc Sở", True),
        ("Ủy ban nhân dân cấp xã nơi có hoạt động khoáng sản", "Ủy ban nhân dân cấp xã", False),
        ("Ban Chỉ đạo cấp tỉnh sau đây gọi chung là Ban Chỉ đạo", "Ban Chỉ đạo cấp tỉnh", False),
        # a bracket the line break left open
        ("Ban Quản lý các Khu công nghiệp (đối với người lao động", "Ban Quản lý các Khu công nghiệp", False),
        ("Sở Y tế (trừ các bệnh viện", "Sở Y tế", False),
        ("Cục Tổ chức cán bộ giúp lãnh đạo Bộ tổ chức lễ tang", "Cục Tổ chức cán bộ", False),
        ("Chủ tịch Ủy ban nhân dân các tỉnh, thành phố nêu trên", "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố", True),
        ("Cổng TTĐT tỉnh Lạng Sơn", "Cổng thông tin điện tử tỉnh Lạng Sơn", False),
        ("Ủy ban bầu cử tỉnh Lào Cai chủ trì tổ chức bầu cử", "Ủy ban bầu cử tỉnh Lào Cai", False),
        # the usual abbreviations of state bodies and levels
        ("KBNN tỉnh Bình Định", "Kho bạc Nhà nước tỉnh Bình Định", False),
        # a level's short form with its dot, with or without a space after it
        ("Thuế TP. Hà Nội", "Thuế thành phố Hà Nội", False),
        ("UBND TP.Hồ Chí Minh", "Ủy ban nhân dân thành phố Hồ Chí Minh", False),
        ("Công an TP.HCM", "Công an thành phố Hồ Chí Minh", False),
        ("UBND TPHCM", "Ủy ban nhân dân thành phố Hồ Chí Minh", False),
        # "&" between the words of two bodies written out is "và"; inside a code it stays
        ("Văn phòng Đoàn ĐBQH&HĐND tỉnh", "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh", False),
        ("Văn phòng Đoàn ĐBQH và HĐND tỉnh", "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh", False),
        ("NHNN chi nhánh tỉnh Lào Cai", "Ngân hàng Nhà nước chi nhánh tỉnh Lào Cai", False),
        ("UBND các huyện, TX, TP", "Ủy ban nhân dân các huyện, thị xã, thành phố", True),
        ("Các UVBTV Tỉnh ủy", "Các Ủy viên Ban Thường vụ Tỉnh ủy", True),
        # short forms that mean a title only before a body: "TT Tỉnh ủy", "CT UBND tỉnh"
        ("TT Tỉnh ủy Quảng Ngãi", "Thường trực Tỉnh ủy Quảng Ngãi", False),
        ("CT UBND tỉnh Quảng Ngãi", "Chủ tịch Ủy ban nhân dân tỉnh Quảng Ngãi", False),
        ("Các cơ quan tham mưu, giúp việc Tỉnh ủy", "Các cơ quan tham mưu, giúp việc Tỉnh ủy", True),
        # what a named body is, said after a comma; a group's list is not cut
        ("Cục Bảo tồn thiên nhiên, cơ quan chuyên môn thuộc Bộ Nông nghiệp", "Cục Bảo tồn thiên nhiên", False),
        ("Sở Tài chính, cơ quan thường trực của Hội đồng", "Sở Tài chính", False),
        ("Các cơ quan, đơn vị thuộc Bộ Tài chính", "Các cơ quan, đơn vị thuộc Bộ Tài chính", True),
        # the noise of a scan after a name
        ('Văn phòng Trung ương Đảng. <Ỹ`.ưF_" " Sa', "Văn phòng Trung ương Đảng", False),
        # a level with no place after it ends the name before any lower-case word but one it makes a
        # word with ("tỉnh ủy", "xã hội") or a list going on ("và")
        ("Công an tỉnh lập danh sách đối tượng", "Công an tỉnh", False),
        ("Đài Phát thanh và Truyền hình tỉnh mở chuyên mục", "Đài Phát thanh và Truyền hình tỉnh", False),
        ("Bảo hiểm xã hội huyện rà soát đối tượng", "Bảo hiểm xã hội huyện", False),
        ("Ủy ban nhân dân các xã, phường và đặc khu Lý Sơn", "Ủy ban nhân dân các xã, phường và đặc khu Lý Sơn",
         True),
        ("Đảng bộ huyện Củ Chi Đảng ủy xã Đồng Tâm", "Đảng bộ huyện Củ Chi Đảng ủy xã Đồng Tâm", False),
    ],
)
def test_an_organ_name_never_swallows_a_verb_or_the_motto(mention: str, name: str, collective: bool) -> None:
    organ = resolve_organ(mention)
    assert (organ.name, organ.collective) == (name, collective)


@pytest.mark.parametrize("mention", ["Công ty", "Trung tâm", "Cục"])
def test_a_kind_of_body_alone_names_no_body(mention: str) -> None:
    assert resolve_organ(mention) is None


@pytest.mark.parametrize("mention", ["Các quyết định sau hết hiệu lực kể từ ngày", "những văn bản sau",
                                     "Các Kế hoạch đã ban hành"])
def test_documents_named_as_a_group_are_no_bodies(mention: str) -> None:
    assert resolve_organ(mention) is None


@pytest.mark.parametrize(("unit", "names"), [
    # a committee's verb-like word after "Ban" is its name ("Ban chỉ đạo", "Ban tổ chức"), not the verb
    ("Trưởng ban Ban chỉ đạo Chương trình chủ trì các cuộc họp", ["Trưởng ban Ban chỉ đạo Chương trình"]),
    ("Ban tổ chức hội thi chủ trì, phối hợp với Sở Tư pháp", ["Ban tổ chức hội thi"]),
])
def test_a_committee_written_in_lower_case_keeps_its_name(unit: str, names: list[str]) -> None:
    assert subject_of(unit)[0] == names


@pytest.mark.parametrize("who", ["Thuế TP. Hà Nội", "Thuế TP Hà Nội", "Thuế thành phố Hà Nội"])
def test_a_body_named_with_a_level_s_short_form_is_asked_to_act(who: str) -> None:
    text = (_header("CỤC THUẾ", "5706/CT-CS", "CÔNG VĂN") + "Kính gửi: Thuế thành phố Hà Nội\n"
            + f"Cục Thuế nhận được công văn của Công ty.\nĐề nghị {who} nghiên cứu quy định, hướng dẫn để đối chiếu "
            "với hồ sơ của Công ty.\n")
    tasks, _ = _duties(text)
    assert list(tasks.values()) == [{("Thuế thành phố Hà Nội", "perform")}]


@pytest.mark.parametrize("who", ["các tổ chức chính trị - xã hội", "các tổ chức chính trị-xã hội"])
def test_a_group_named_by_a_verb_like_noun_is_a_coordinating_body(who: str) -> None:
    text = (_header("BỘ TÀI CHÍNH", "12/TB-BTC") + f"1. Ngân hàng Chính sách xã hội chủ trì, phối hợp với {who} "
            "để thực hiện việc kiểm tra, giám sát.\n")
    tasks, _ = _duties(text)
    assert tasks["1"] == {("Ngân hàng Chính sách xã hội", "lead"), (who[0].upper() + who[1:], "coordinate")}


@pytest.mark.parametrize("mention", ["Các ý kiến khác:……", "Các quyền, nghĩa vụ khác (nếu có)"])
def test_a_form_s_items_are_no_bodies(mention: str) -> None:
    assert resolve_organ(mention) is None


@pytest.mark.parametrize("mention", ["Các đối tượng được bồi thường, hỗ trợ và tái định cư", "các đối tượng khác"])
def test_people_a_rule_applies_to_are_no_body(mention: str) -> None:
    assert resolve_organ(mention) is None


@pytest.mark.parametrize(("issuer", "mention", "name"), [
    ("Hội đồng nhân dân thành phố Hà Nội", "Ủy ban nhân dân Thành phố", "Ủy ban nhân dân thành phố Hà Nội"),
    ("Hội đồng nhân dân thành phố Hà Nội", "Văn phòng Ủy ban nhân dân Thành phố", "Văn phòng Ủy ban nhân dân thành phố Hà Nội"),
    ("Ủy ban nhân dân thành phố Hồ Chí Minh", "Công an Thành phố", "Công an thành phố Hồ Chí Minh"),
    ("Ủy ban nhân dân tỉnh Hà Tĩnh", "Thường trực Hội đồng nhân dân Tỉnh", "Thường trực Hội đồng nhân dân tỉnh Hà Tĩnh"),
    ("Ủy ban nhân dân tỉnh Hà Tĩnh", "Sở Tư pháp tỉnh Hà Tĩnh", "Sở Tư pháp tỉnh Hà Tĩnh"),
])
def test_a_level_written_with_a_capital_is_the_issuers_own_locality(issuer: str, mention: str, name: str) -> None:
    assert resolve_organ(mention, OrganScope.of(resolve_organ(issuer))).name == name


@pytest.mark.parametrize(("issuer", "department"), [
    ("Ủy ban nhân dân tỉnh Bắc Ninh", "Sở Xây dựng tỉnh Bắc Ninh"),
    ("Ủy ban nhân dân thành phố Cần Thơ", "Sở Xây dựng thành phố Cần Thơ"),
    ("Hội đồng nhân dân thành phố Hải Phòng", "Sở Xây dựng thành phố Hải Phòng"),
])
def test_a_department_named_alone_is_the_issuing_province_s_or_city_s(issuer: str, department: str) -> None:
    text = (_header(issuer.upper(), "38/2025/QĐ-UBND", "QUYẾT ĐỊNH") + "Về việc phân cấp trong lĩnh vực xây dựng\n"
            + "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\nQUYẾT ĐỊNH:\n"
            + "Điều 1. Phân cấp cho Sở Xây dựng thực hiện nhiệm vụ cấp giấy phép xây dựng.\n"
            + "Điều 2. Trách nhiệm của Sở Xây dựng\n1. Tổ chức thực hiện nhiệm vụ được phân cấp.\n"
            + "2. Định kỳ báo cáo kết quả thực hiện.\n")
    tasks, _ = _duties(text)
    assert tasks["Điều 2.1"] == {(department, "perform")}


def test_a_place_ending_like_a_level_is_not_completed_twice() -> None:
    scope = OrganScope.of(resolve_organ("Ủy ban nhân dân tỉnh Hà Tĩnh"))
    assert resolve_organ("Sở Tư pháp tỉnh Hà Tĩnh", scope).name == "Sở Tư pháp tỉnh Hà Tĩnh"
    assert resolve_organ("Sở Tư pháp tỉnh", scope).name == "Sở Tư pháp tỉnh Hà Tĩnh"


@pytest.mark.parametrize("dash", ["–", "—", "‐", "−"])
def test_a_name_written_with_another_dash_is_the_same_body(dash: str) -> None:
    plain = resolve_organ("Sở Lao động - Thương binh và Xã hội tỉnh Kon Tum")
    other = resolve_organ(f"Sở Lao động {dash} Thương binh và xã hội tỉnh Kon Tum")
    assert plain is not None and other is not None and plain.key == other.key


@pytest.mark.parametrize("work", ["đẩy nhanh tiến độ các công trình lưới điện", "thúc đẩy các công trình trọng điểm",
                                  "rà soát các công trình lưới điện"])
def test_a_body_coordinating_ends_before_the_work(work: str) -> None:
    text = ("VĂN PHÒNG CHÍNH PHỦ\nSố: 512/TB-VPCP\nHà Nội, ngày 08 tháng 11 năm 2025\nTHÔNG BÁO\n"
            "Kết luận của Phó Thủ tướng Chính phủ\nPhó Thủ tướng Chính phủ kết luận như sau:\n"
            f"1. Tập đoàn Điện lực Việt Nam chủ trì, phối hợp với các địa phương {work}.\n")
    tasks = extract_text(text, "tb.txt").documents[0].tasks
    assert {(a.organ.name, a.role.value) for t in tasks for a in t.assignments} == {
        ("Tập đoàn Điện lực Việt Nam", "lead"), ("Các địa phương", "coordinate")}


@pytest.mark.parametrize("written", ["Cục Kiểm tra văn bản - Bộ Tư pháp", "Cục Kiểm tra văn bản, Bộ Tư pháp",
                                     "Cục Kiểm tra văn bản/Bộ Tư pháp", "Cục Kiểm tra văn bản – Bộ Tư pháp"])
def test_a_ministry_s_unit_written_with_its_ministry_is_one_body(written: str) -> None:
    organ = resolve_organ(written)
    assert (organ.name, organ.parent.name) == ("Cục Kiểm tra văn bản, Bộ Tư pháp", "Bộ Tư pháp")
    assert resolve_organ("Vụ Kế hoạch - Tài chính").name == "Vụ Kế hoạch - Tài chính"  # a dash inside its name


@pytest.mark.parametrize(("item", "bodies"), [
    ("TT Tỉnh ủy, TT HĐND tỉnh", ["Thường trực Tỉnh ủy", "Thường trực HĐND tỉnh"]),
    ("CT, các PCT UBND tỉnh", ["Chủ tịch UBND tỉnh", "các PCT UBND tỉnh"]),
    ("TT Y tế huyện", ["TT Y tế huyện"]),
])
def test_a_short_form_before_a_body_is_its_title(item: str, bodies: list[str]) -> None:
    assert split_bodies(item) == bodies


@pytest.mark.parametrize(("written", "full"), [
    ("Sở GD&ĐT tỉnh Hà Tĩnh", "Sở Giáo dục và Đào tạo tỉnh Hà Tĩnh"),
    ("Sở GDĐT tỉnh Hà Tĩnh", "Sở Giáo dục và Đào tạo tỉnh Hà Tĩnh"),
    ("Sở  KH&CN tỉnh Hà Tĩnh", "Sở Khoa học và Công nghệ tỉnh Hà Tĩnh"),
    ("Sở TP tỉnh Hà Tĩnh", "Sở Tư pháp tỉnh Hà Tĩnh"),  # not the "TP" of thành phố
    ("Sở LĐTBXH tỉnh Hà Tĩnh", "Sở Lao động - Thương binh và Xã hội tỉnh Hà Tĩnh"),
    ("Phòng TN&MT huyện Kỳ Anh", "Phòng Tài nguyên và Môi trường huyện Kỳ Anh"),
])
def test_a_department_named_by_its_ministry_s_short_form_is_the_department_written_out(written: str,
                                                                                      full: str) -> None:
    """``Sở GD&ĐT``: the short forms come from the ministries of the organ registry, one table."""
    assert resolve_organ(written).key == resolve_organ(full).key


@pytest.mark.parametrize(("written", "short"), [("Phòng TC huyện Kỳ Anh", "TC"), ("Văn phòng TNMT", "TNMT"),
                                                ("Sở GDĐTX tỉnh Hà Tĩnh", "GDĐTX")])
def test_a_short_form_no_ministry_is_written_with_stays_as_written(written: str, short: str) -> None:
    """An office's two letters may name another office (Phòng Tổ chức); a Văn phòng is no office of
    a field; a longer word is no short form."""
    assert short in resolve_organ(written).name


@pytest.mark.parametrize(("text", "expected"), [
    ("Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ tổ chức phổ biến Luật.", ["Sở Nội vụ"]),
    ("Sở Tư pháp chủ trì, phối hợp Sở Nội vụ tổ chức phổ biến Luật.", ["Sở Nội vụ"]),
    ("Sở Tài chính: Chủ trì, phối hợp các sở, ngành, địa phương thẩm định hồ sơ.", ["các sở, ngành, địa phương"]),
    ("Giao Sở Y tế chủ trì, phối hợp chặt chẽ Công an tỉnh triển khai.", ["Công an tỉnh"]),
    # the noun, not the verb: a regulation or mechanism of coordination
    ("Sở Công Thương xây dựng Quy chế phối hợp các sở, ngành về quản lý cụm công nghiệp.", []),
    ("Hoàn thiện cơ chế phối hợp Sở Tư pháp và các địa phương.", []),
    ("Các đơn vị phối hợp thực hiện tốt nhiệm vụ.", []),
])
def test_who_coordinates_with_or_without_the_word_with(text: str, expected: list[str]) -> None:
    assert [name.lower() for name in coordinators(text)] == [name.lower() for name in expected]


@pytest.mark.parametrize("mention", ["Các cơ sở thuộc khoản 1 Điều này", "Các đối tượng quy định tại Điều 2 Nghị quyết này",
                                     "Các cơ quan nêu tại khoản 2 điều này"])
def test_those_a_clause_of_the_text_defines_are_no_body(mention: str) -> None:
    assert resolve_organ(mention) is None
